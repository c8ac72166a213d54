"""Legacy ClinicalTrials.gov XML (``<clinical_study>``) -> TrialRecord.

Parsed with defusedxml with DTDs, entity declarations and external references all refused: a
file that declares any of them is reported unreadable, nothing is expanded or fetched.

Textblocks (``<brief_summary><textblock>``, the criteria ...) are indented and hard-wrapped in
the XML; the reader removes the carriage returns and the common indentation (and leading and
trailing blank lines) and keeps everything else as written - it does not reflow. Provenance
says so ("... (dedented)"). Both generations of date tags are read (``study_first_submitted``
and the older ``firstreceived_date``, ...).
"""

from __future__ import annotations

import re
import textwrap
import xml.etree.ElementTree as ET
from collections.abc import Callable
from typing import Any
from xml.parsers import expat

import defusedxml.ElementTree as DET
from defusedxml.common import DefusedXmlException, DTDForbidden, EntitiesForbidden, ExternalReferenceForbidden

from trial_audit.core.dates import normalise_type, parse_date
from trial_audit.core.model import (
    Contact,
    Intervention,
    Location,
    Official,
    Outcome,
    Source,
    TrialRecord,
    enum_token,
    norm_phases,
    norm_sex,
    norm_status,
)
from trial_audit.readers.base import Unreadable
from trial_audit.readers.common import NotARecord, as_bool, as_int, enum, excerpt_at, first_nct, set_field, set_zip, site_status
from trial_audit.readers.ctgov_results import xml_results

FORMAT = "ctgov-xml"
ROOT = "clinical_study"

# canonical date name -> element paths, first found wins (new tag names, then the old ones)
_DATES: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("first_submitted", ("study_first_submitted", "firstreceived_date")),
    ("first_posted", ("study_first_posted",)),
    ("start", ("start_date",)),
    ("primary_completion", ("primary_completion_date",)),
    ("completion", ("completion_date",)),
    ("results_first_posted", ("results_first_posted",)),
    ("last_update_submitted", ("last_update_submitted", "lastchanged_date")),
    ("last_update_posted", ("last_update_posted",)),
    ("status_verified", ("verification_date",)),
)
_AGENCY_CLASS = {"U_S_FED": "FED", "US_FED": "FED", "OTHER_U_S_FED": "FED"}
_DEDENTED = " (dedented)"


def dedent_textblock(text: str | None) -> str | None:
    """An XML textblock as written, minus carriage returns, common indentation and edge blank lines."""
    if text is None:
        return None
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    lines = text.split("\n")
    while lines and not lines[0].strip():
        lines.pop(0)
    while lines and not lines[-1].strip():
        lines.pop()
    if not lines:
        return ""
    return textwrap.dedent("\n".join(lines))


def _text(el: ET.Element | None) -> str | None:
    if el is None or el.text is None:
        return None
    return el.text.strip()


_RESULTS_OPEN, _RESULTS_CLOSE = b"<clinical_results>", b"</clinical_results>"


def _fast_parse(data: bytes) -> ET.Element:
    """The tree without the (large, unread) results section; the whole document is still checked.

    A bare expat pass checks the whole file for well-formedness (it is ~10x cheaper than
    building the tree); the tree is then built from the document with ``<clinical_results>``
    cut out, which roughly halves the parse time of records with results.
    """
    a = data.find(_RESULTS_OPEN)
    if a < 0:
        return ET.fromstring(data)
    b = data.rfind(_RESULTS_CLOSE)
    if b < a:
        return ET.fromstring(data)
    check = expat.ParserCreate()
    try:
        check.Parse(data, True)
    except expat.ExpatError:
        return ET.fromstring(data)  # raises ParseError with the position
    try:
        root = ET.fromstring(data[:a] + data[b + len(_RESULTS_CLOSE) :])
    except ET.ParseError:
        return ET.fromstring(data)
    root.set("_results_cut", "1")
    return root


_XML_DECL_ENCODING = re.compile(rb"""^(?:\xef\xbb\xbf)?\s*<\?xml[^>]*?encoding\s*=\s*["']([A-Za-z0-9._-]+)["']""")
_PLAIN_ENCODINGS = frozenset({b"utf-8", b"utf8", b"us-ascii", b"ascii", b"iso-8859-1", b"latin-1", b"latin1"})


def _plain_encoding(data: bytes) -> bool:
    """UTF-8/ASCII/Latin-1 (declared or by default): a byte search for "<!DOCTYPE" is then reliable."""
    m = _XML_DECL_ENCODING.match(data[:512])
    return m is None or m.group(1).lower() in _PLAIN_ENCODINGS


def parse_xml(data: bytes, source: Source) -> ET.Element | Unreadable:
    """Parse safely; refusals and syntax errors become an Unreadable with the position."""
    try:
        if b"<!DOCTYPE" not in data and b"\x00" not in data[:4096] and _plain_encoding(data):
            # No DOCTYPE means no DTD, hence no entity declarations and no external references:
            # expat can expand nothing but the five predefined entities and character
            # references, so the C-accelerated stdlib parser is as safe here as defusedxml
            # (which runs the pure-Python parser, ~3x slower). UTF-16/32 input (NUL bytes) and
            # anything with a DOCTYPE go through defusedxml, which refuses DTDs outright.
            return _fast_parse(data)
        return DET.fromstring(data, forbid_dtd=True, forbid_entities=True, forbid_external=True)
    except DTDForbidden:
        reason = "XML declares a DOCTYPE/DTD, which is refused for safety (entity expansion); nothing was expanded"
    except EntitiesForbidden as err:
        reason = f"XML declares an entity ({err.name!r}), which is refused for safety; nothing was expanded"
    except ExternalReferenceForbidden:
        reason = "XML refers to an external resource, which is refused; nothing was fetched"
    except DefusedXmlException as err:
        reason = f"XML refused for safety: {err}"
    except ET.ParseError as err:
        line, col = err.position
        text = data.decode("utf-8", "replace")
        lines = text.split("\n")
        exc = lines[line - 1][:120] if 0 < line <= len(lines) else None
        return Unreadable(source, f"invalid XML: {err}", line, col + 1, exc, first_nct(data))
    # the refusals: point at the declaration
    text = data[:200_000].decode("utf-8", "replace")
    pos = next((p for p in (text.find("<!DOCTYPE"), text.find("<!ENTITY")) if p >= 0), 0)
    line = text.count("\n", 0, pos) + 1
    col = pos - (text.rfind("\n", 0, pos) + 1) + 1
    return Unreadable(source, reason, line, col, excerpt_at(text, pos), first_nct(data))


def _date(rec: TrialRecord, root: ET.Element, name: str, tags: tuple[str, ...]) -> None:
    for tag in tags:
        el = root.find(tag)
        if el is not None:
            rec.set_date(name, el.text or "", el.get("type"), tag)
            return


def element_to_record(root: ET.Element, source: Source) -> TrialRecord:
    if root.tag != ROOT:
        raise NotARecord(f"XML root element is <{root.tag}>, not <{ROOT}>: not a ClinicalTrials.gov record")
    source.format = FORMAT
    rec = TrialRecord(source=source, criteria_markdown=False)
    prov = rec.provenance

    def scalar(name: str, path: str, convert: Callable[[str], Any] | None = None) -> None:
        set_field(rec, name, _text(root.find(path)), path, convert)

    def block(name: str, path: str) -> None:
        el = root.find(path)
        if el is not None:
            setattr(rec, name, dedent_textblock(el.text))
            prov[name] = path + _DEDENTED

    scalar("nct_id", "id_info/nct_id")
    scalar("org_study_id", "id_info/org_study_id")
    scalar("brief_title", "brief_title")
    scalar("official_title", "official_title")
    scalar("acronym", "acronym")
    scalar("sponsor", "sponsors/lead_sponsor/agency")
    cls = _text(root.find("sponsors/lead_sponsor/agency_class"))
    if cls is not None:
        t = enum_token(cls)
        rec.sponsor_class = _AGENCY_CLASS.get(t or "", t)
        prov["sponsor_class"] = "sponsors/lead_sponsor/agency_class"
    for i, c in enumerate(root.findall("sponsors/collaborator")):
        name = _text(c.find("agency"))
        if name is not None:
            prov[f"collaborators[{len(rec.collaborators)}]"] = f"sponsors/collaborator[{i + 1}]/agency"
            rec.collaborators.append(name)
    if rec.collaborators:
        prov["collaborators"] = "sponsors/collaborator/agency"
    rp = root.find("responsible_party")
    if rp is not None:
        rec.extra["responsible_party"] = {
            "type": enum_token(_text(rp.find("responsible_party_type"))),
            "name": _text(rp.find("investigator_full_name")) or _text(rp.find("name_title")),
            "affiliation": _text(rp.find("investigator_affiliation")) or _text(rp.find("organization")),
        }

    scalar("overall_status", "overall_status", norm_status)
    scalar("last_known_status", "last_known_status", norm_status)
    scalar("why_stopped", "why_stopped")
    for name, tags in _DATES:
        _date(rec, root, name, tags)

    stype = _text(root.find("study_type"))
    if stype is not None:
        prov["study_type"] = "study_type"
        if stype.upper() in ("N/A", "NA", ""):
            rec.declared_absent["study_type"] = stype
        else:
            rec.study_type = enum_token(stype)
    phase = _text(root.find("phase"))
    if phase is not None:
        prov["phases"] = "phase"
        rec.phases = ["NA"] if phase.upper() == "N/A" else norm_phases(phase)
    enr = root.find("enrollment")
    if enr is not None:
        rec.enrollment = as_int(enr.text)
        prov["enrollment"] = "enrollment"
        if enr.get("type"):
            dt = normalise_type(enr.get("type"))
            rec.enrollment_type = dt.value if dt else enum_token(enr.get("type"))
            prov["enrollment_type"] = "enrollment/@type"

    elig = root.find("eligibility")
    if elig is not None:
        mn, mx = _text(elig.find("minimum_age")), _text(elig.find("maximum_age"))
        rec.set_age_limits(mn, mx)
        if mn is not None:
            prov["minimum_age"] = "eligibility/minimum_age"
        if mx is not None:
            prov["maximum_age"] = "eligibility/maximum_age"
        sex = _text(elig.find("gender"))
        if sex is not None:
            rec.sex = norm_sex(sex)
            prov["sex"] = "eligibility/gender"
        hv = _text(elig.find("healthy_volunteers"))
        if hv is not None:
            rec.healthy_volunteers = as_bool(hv)
            prov["healthy_volunteers"] = "eligibility/healthy_volunteers"
        block("criteria", "eligibility/criteria/textblock")
        pop = elig.find("study_pop/textblock")
        if pop is not None:
            rec.extra["study_population"] = dedent_textblock(pop.text)

    block("brief_summary", "brief_summary/textblock")
    block("detailed_description", "detailed_description/textblock")

    conditions = [t for t in (_text(e) for e in root.findall("condition")) if t is not None]
    if conditions:
        rec.conditions = conditions
        prov["conditions"] = "condition"
    keywords = [t for t in (_text(e) for e in root.findall("keyword")) if t is not None]
    if keywords:
        rec.keywords = keywords
        prov["keywords"] = "keyword"
    mesh = [t for t in (_text(e) for e in root.findall("condition_browse/mesh_term")) if t is not None]
    if mesh:
        rec.mesh_terms = mesh
        prov["mesh_terms"] = "condition_browse/mesh_term"
    dd = _text(root.find("required_header/download_date"))
    if dd is not None:
        rec.as_of = parse_date(dd)
        prov["as_of"] = "required_header/download_date"

    for i, iv in enumerate(root.findall("intervention")):
        k = len(rec.interventions)
        rec.interventions.append(Intervention(type=enum(_text(iv.find("intervention_type"))), name=_text(iv.find("intervention_name"))))
        prov[f"interventions[{k}].name"] = f"intervention[{i + 1}]/intervention_name"
        prov[f"interventions[{k}].type"] = f"intervention[{i + 1}]/intervention_type"

    for i, loc in enumerate(root.iterfind("location")):
        k = len(rec.locations)
        kids = _children(loc)
        fac = _children(kids.get("facility"))
        addr = _children(fac.get("address"))
        contacts = []
        for c in loc:
            if c.tag in ("contact", "contact_backup"):
                contacts.append(_xml_contact(c, "CONTACT"))
            elif c.tag == "investigator":
                contacts.append(Contact(name=_text(c.find("last_name")), role=enum(_text(c.find("role")))))
        rec.locations.append(
            Location(
                facility=_text(fac.get("name")),
                city=_text(addr.get("city")),
                state=_text(addr.get("state")),
                country=_text(addr.get("country")),
                status=site_status(_text(kids.get("status"))),
                contacts=contacts,
            )
        )
        pre, key = f"location[{i + 1}]/", f"locations[{k}]."
        if "name" in fac:
            prov[key + "facility"] = pre + "facility/name"
        for part in ("city", "state", "country"):
            if part in addr:
                prov[key + part] = pre + "facility/address/" + part
        if set_zip(rec.locations[k], _text(addr.get("zip"))):
            prov[key + "zip"] = pre + "facility/address/zip"
        if "status" in kids:
            prov[key + "status"] = pre + "status"
    for i, off in enumerate(root.findall("overall_official")):
        k = len(rec.officials)
        rec.officials.append(
            Official(
                name=_text(off.find("last_name")),
                role=enum(_text(off.find("role"))),
                affiliation=_text(off.find("affiliation")),
            )
        )
        for attr, tag in (("name", "last_name"), ("role", "role"), ("affiliation", "affiliation")):
            if off.find(tag) is not None:
                prov[f"officials[{k}].{attr}"] = f"overall_official[{i + 1}]/{tag}"
    for tag in ("overall_contact", "overall_contact_backup"):
        for c in root.findall(tag):
            k = len(rec.central_contacts)
            rec.central_contacts.append(_xml_contact(c, "CONTACT"))
            prov[f"central_contacts[{k}].name"] = f"{tag}/last_name"

    for i, o in enumerate(root.findall("primary_outcome")):
        m = _text(o.find("measure"))
        if m is not None:
            prov[f"primary_outcomes[{len(rec.primary_outcomes)}]"] = f"primary_outcome[{i + 1}]/measure"
            rec.primary_outcomes.append(m)
    ipd = _text(root.find("patient_data/sharing_ipd"))
    if ipd is not None:
        rec.ipd_sharing = enum_token(ipd)
        prov["ipd_sharing"] = "patient_data/sharing_ipd"
    dmc = _text(root.find("oversight_info/has_dmc"))
    if dmc is not None:
        rec.has_dmc = as_bool(dmc)
        prov["has_dmc"] = "oversight_info/has_dmc"
    if root.get("_results_cut") or root.find("clinical_results") is not None:
        rec.extra["has_results"] = True
    _outcomes_and_reporting(root, rec)
    return rec


_OUTCOME_TAGS = (("PRIMARY", "primary_outcome"), ("SECONDARY", "secondary_outcome"), ("OTHER", "other_outcome"))
_OUTCOME_PARTS = (("title", "measure"), ("description", "description"), ("time_frame", "time_frame"))
#: FDAAA flags: canonical field -> element (the 2017 schema's oversight_info, and the older top-level flag)
_FDA_FLAGS = (
    ("fda_regulated_drug", "oversight_info/is_fda_regulated_drug"),
    ("fda_regulated_device", "oversight_info/is_fda_regulated_device"),
    ("us_export", "oversight_info/is_us_export"),
    ("unapproved_device", "oversight_info/is_unapproved_device"),
    ("fda_regulated", "is_fda_regulated"),
    ("has_expanded_access", "has_expanded_access"),
)


def _outcomes_and_reporting(root: ET.Element, rec: TrialRecord) -> None:
    """Outcome measures with time frames, the FDAAA facts and the results section."""
    prov = rec.provenance
    for kind, tag in _OUTCOME_TAGS:
        for i, o in enumerate(root.findall(tag)):
            k = len(rec.outcomes)
            rec.outcomes.append(Outcome(kind=kind, **{attr: _text(o.find(part)) or None for attr, part in _OUTCOME_PARTS}))
            for attr, part in _OUTCOME_PARTS:
                prov[f"outcomes[{k}].{attr}"] = f"{tag}[{i + 1}]/{part}"
    for name, path in _FDA_FLAGS:
        value = _text(root.find(path))
        if value is not None:
            setattr(rec, name, as_bool(value))
            prov[name] = path
    purpose = _text(root.find("study_design_info/primary_purpose"))
    if purpose is not None:
        rec.primary_purpose = enum_token(purpose)
        prov["primary_purpose"] = "study_design_info/primary_purpose"
    countries = [t for t in (_text(e) for e in root.findall("location_countries/country")) if t]
    if countries:
        rec.location_countries = countries
        prov["location_countries"] = "location_countries/country"
    # both generations of the tags: results submitted, and the certificate of delay ("disposition")
    for name, tags in (
        ("results_submitted", ("results_first_submitted", "firstreceived_results_date")),
        ("delay_certificate", ("disposition_first_submitted", "firstreceived_results_disposition_date")),
    ):
        for tag in tags:
            value = _text(root.find(tag))
            if value is not None and (parsed := parse_date(value)) is not None:
                setattr(rec, name, parsed)
                prov[name] = tag
                break
    if root.find("pending_results") is not None:
        rec.results_pending = True
        prov["results_pending"] = "pending_results"
    results = root.find("clinical_results")
    if results is not None:
        rec.results = xml_results(results)
        prov["results"] = "clinical_results"


def _cut_results(data: bytes) -> ET.Element | None:
    """The ``<clinical_results>`` element that ``_fast_parse`` cut from the tree, parsed alone.

    Only called on documents ``_fast_parse`` took (no DOCTYPE, plain encoding, already checked
    well-formed by expat), so the slice holds no declarations to expand; the XML declaration is
    put back in front so that a declared Latin-1 document decodes as it did whole.
    """
    a, b = data.find(_RESULTS_OPEN), data.rfind(_RESULTS_CLOSE)
    if a < 0 or b < a:
        return None
    head = data[: data.find(b"?>") + 2] if data.lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"<?xml") else b""
    body = _without_unread(data[a : b + len(_RESULTS_CLOSE)])
    try:
        return ET.fromstring(head + body)
    except ET.ParseError:
        try:  # a cut that broke the document (a tag name inside a CDATA section, say): parse it whole
            return ET.fromstring(head + data[a : b + len(_RESULTS_CLOSE)])
        except ET.ParseError:
            return None


#: parts of a results section no rule reads, and most of its size: the baseline table, the
#: measurements of every outcome and their statistical analyses. None of them nests in itself.
_UNREAD = ((b"<baseline>", b"</baseline>"), (b"<class_list>", b"</class_list>"), (b"<analysis_list>", b"</analysis_list>"))


def _without_unread(body: bytes) -> bytes:
    """The results section without the parts no rule reads (one left-to-right pass per part)."""
    for open_, close in _UNREAD:
        parts, pos = [], 0
        while (i := body.find(open_, pos)) >= 0:
            j = body.find(close, i)
            if j < 0:
                break
            parts.append(body[pos:i])
            pos = j + len(close)
        if parts:
            parts.append(body[pos:])
            body = b"".join(parts)
    return body


def _children(el: ET.Element | None) -> dict[str, ET.Element]:
    """First child per tag (one pass instead of one find() per field)."""
    out: dict[str, ET.Element] = {}
    if el is not None:
        for c in el:
            out.setdefault(c.tag, c)
    return out


def _xml_contact(c: ET.Element, role: str) -> Contact:
    name = _text(c.find("last_name"))
    first = _text(c.find("first_name"))
    if first and name:
        name = f"{first} {name}"
    return Contact(name=name or first, role=role, phone=_text(c.find("phone")), email=_text(c.find("email")))


def read_xml(data: bytes, source: Source) -> TrialRecord | Unreadable:
    root = parse_xml(data, source)
    if isinstance(root, Unreadable):
        return root
    try:
        rec = element_to_record(root, source)
        if root.get("_results_cut") and (results := _cut_results(data)) is not None:
            rec.results = xml_results(results)
            rec.provenance["results"] = "clinical_results"
        return rec
    except NotARecord as err:
        return Unreadable(source, str(err), None, None, f"<{root.tag}>", first_nct(data))
