"""The WHO ICTRP "export to XML" (``<Trials_downloaded_from_ICTRP>`` / ``<Trial>``) -> one record per trial.

Read as a stream (``iterparse`` through defusedxml: DTDs, entity declarations and external
references are refused, nothing is expanded or fetched); each ``<Trial>`` is mapped and
dropped before the next is read, so an export of any size is read in bounded memory. A file
that breaks off or goes wrong part-way keeps the trials read before the fault; the rest is one
Unreadable with the parser's line and column.

Field offsets in provenance are offsets in the element's text as the XML parser gives it
(entities decoded, line ends normalised to ``\\n``).
"""

from __future__ import annotations

import io
import re
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from typing import IO

import defusedxml.ElementTree as DET
from defusedxml.common import DefusedXmlException

from trial_audit.core.model import Source
from trial_audit.readers.base import ReadResult, Unreadable
from trial_audit.readers.ictrp_fields import row_to_record

FORMAT = "ictrp-xml"
ROOT = "Trials_downloaded_from_ICTRP"
TRIAL = "Trial"
#: the root element, after an XML declaration, comments and blank space (how sniff recognises the export)
HEAD = re.compile(rb"^(?:\xef\xbb\xbf)?\s*(?:<\?xml[^>]{0,200}\?>\s*)?(?:<!--.{0,2000}?-->\s*)*<Trials_downloaded_from_ICTRP[\s>/]", re.S)
#: a trial with more child elements than this is not an ICTRP trial (the export has ~40 fields)
MAX_FIELDS = 500
#: the export's fields (measured on ../shared/data/ictrp-xml: every <Trial> has a subset of these).
#: The XML leaves an empty field out rather than writing an empty element, so a field missing from a
#: <Trial> is read as empty, as the CSV and XLSX downloads show it (ChiCTR2000030466 has no
#: <Recruitment_Status> in the XML and an empty "Recruitment Status" in the CSV: both are a missing status).
EXPORT_FIELDS = (
    "TrialID", "Last_Refreshed_on", "Public_title", "Scientific_title", "Acronym", "Primary_sponsor", "Date_registration",
    "Date_registration3", "Export_date", "Source_Register", "web_address", "Recruitment_Status", "other_records",
    "Inclusion_agemin", "Inclusion_agemax", "Inclusion_gender", "Date_enrollement", "Target_size", "Study_type", "Study_design",
    "Phase", "Countries", "Contact_Firstname", "Contact_Lastname", "Contact_Address", "Contact_Email", "Contact_Tel",
    "Contact_Affiliation", "Inclusion_Criteria", "Exclusion_Criteria", "Condition", "Intervention", "Primary_outcome",
    "results_url_link", "Retrospective_flag", "Bridging_flag_truefalse", "Bridged_type",
)  # fmt: skip


def is_ictrp_xml(head: bytes) -> bool:
    return HEAD.match(head) is not None


def read_stream(stream: IO[bytes], src: Source) -> Iterator[ReadResult]:
    """Every trial of an ICTRP XML export (a binary stream), in order."""
    src.format = FORMAT
    index = 0
    depth = 0
    root: ET.Element | None = None
    try:
        for event, elem in DET.iterparse(stream, events=("start", "end"), forbid_dtd=True, forbid_entities=True, forbid_external=True):
            if event == "start":
                depth += 1
                if depth == 1:
                    root = elem
                    if elem.tag != ROOT:
                        yield Unreadable(src, f"XML root element is <{elem.tag}>, not <{ROOT}>: not an ICTRP export")
                        return
                continue
            depth -= 1
            if depth != 1:
                continue
            sub = Source(src.path, FORMAT, src.member, index)
            index += 1
            if elem.tag != TRIAL:
                yield Unreadable(sub, f"element <{elem.tag}> inside the ICTRP export is not a <{TRIAL}>; skipped")
            else:
                yield _trial(elem, sub)
            elem.clear()
            if root is not None:
                root.clear()  # drop the trials already read
    except DefusedXmlException as err:
        yield Unreadable(
            src, f"XML refused for safety ({type(err).__name__}): DTDs and entities are not expanded; nothing after it was read"
        )
        return
    except ET.ParseError as err:
        line, col = err.position
        yield Unreadable(src, f"invalid XML after {index} trials: {err}; the rest of the file was not read", line, col + 1)
        return
    if index == 0:
        yield Unreadable(src, "ICTRP export holds no <Trial>: an empty search or a cut-off download; nothing was audited")


def _trial(elem: ET.Element, src: Source) -> ReadResult:
    children = list(elem)
    if len(children) > MAX_FIELDS:
        return Unreadable(src, f"<Trial> has {len(children)} fields, over the {MAX_FIELDS} an ICTRP trial can have; not read")
    fields: dict[str, str | None] = {}
    for child in children:
        if child.tag not in fields or not fields[child.tag]:
            fields[child.tag] = child.text
    for name in EXPORT_FIELDS:
        fields.setdefault(name, None)  # left out = empty (see EXPORT_FIELDS)
    trial_id = (fields.get("TrialID") or "").strip()
    if not trial_id:
        return Unreadable(
            src, f"<Trial> number {src.index + 1 if src.index is not None else '?'} has no <TrialID>; it cannot be identified"
        )
    return row_to_record(fields, src, "xml")


def read_bytes(data: bytes, src: Source) -> Iterator[ReadResult]:
    yield from read_stream(io.BytesIO(data), src)
