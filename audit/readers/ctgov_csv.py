"""The ClinicalTrials.gov search-page CSV export (``ctg-studies.csv``) -> TrialRecord per row.

The header starts with "NCT Number"; which other columns are present depends on the export
(missing columns are simply absent values). Lists are ``|``-separated; interventions are
"DRUG: X"; "Age" is either the age groups ("ADULT, OLDER_ADULT") or the display text
("18 Years and older   (Adult, Older Adult)", "18 Years to 65 Years   (Adult)"); locations are
"Facility, City, State, ZIP, Country" (split from the right, so a comma inside a facility name
stays in the facility). The export has no criteria column. ``Source.line`` is the CSV line on
which the row starts. Provenance is ``csv:<column>``.
"""

from __future__ import annotations

import csv
import os
import re
from collections.abc import Iterable, Iterator

from trial_audit.core.dates import PartialDate, parse_date
from trial_audit.core.model import Intervention, Location, Source, TrialRecord, enum_token, norm_phases, norm_sex, norm_status
from trial_audit.readers.base import Unreadable
from trial_audit.readers.common import BadInput, as_int, set_zip

FORMAT = "ctgov-csv"
ID_COLUMN = "NCT Number"

_AGE_RANGE = re.compile(
    r"^\s*(?:(?P<min>[0-9.]+\s+[A-Za-z]+?)\s+(?:to\s+(?P<max>[0-9.]+\s+[A-Za-z]+?)|and older)"
    r"|up to\s+(?P<upto>[0-9.]+\s+[A-Za-z]+?))\s*(?:\((?P<groups>[^)]*)\))?\s*$",
    re.I,
)
_GROUPS = re.compile(r"^[A-Za-z_ ,]+$")
_ZIPLIKE = re.compile(r"^(?=.*[0-9])[A-Z0-9][A-Z0-9 \-]{1,11}$", re.I)

_DATES = (
    ("start", "Start Date"),
    ("primary_completion", "Primary Completion Date"),
    ("completion", "Completion Date"),
    ("first_posted", "First Posted"),
    ("results_first_posted", "Results First Posted"),
    ("last_update_posted", "Last Update Posted"),
)


#: Columns whose dates the registry stamps when it posts something: the export was made on or
#: after the latest of them, so that latest date is the file's own reference date ("as of").
#: Start and completion dates are not among them: they may be anticipated, years ahead.
_POSTED_COLUMNS = ("Last Update Posted", "First Posted", "Results First Posted")


def is_export_header(header: list[str]) -> bool:
    return bool(header) and header[0].lstrip("\ufeff").strip() == ID_COLUMN


def _split(value: str) -> list[str]:
    return [p.strip() for p in value.split("|") if p.strip()]


_FACILITY_WORD = re.compile(
    r"\b(?:hospitals?|universit\w*|clinics?|clinical|cent(?:er|re|ro)s?|institut\w*|department|dept|site|"
    r"medical|research|college|foundation|school|laborator\w*|unit|h[oô]pital\w*|ospedale|klinik\w*|health|"
    r"healthcare|pharma\w*|inc|llc|ltd|gmbh|practice|group|associates|office|sciences|polyclinic|policlinico|"
    r"chu|irccs|azienda|ambulator\w*|service|services|division|faculty|trust|nhs)\b",
    re.I,
)
US_STATES = frozenset(
    """Alabama Alaska Arizona Arkansas California Colorado Connecticut Delaware Florida Georgia Hawaii Idaho
    Illinois Indiana Iowa Kansas Kentucky Louisiana Maine Maryland Massachusetts Michigan Minnesota Mississippi
    Missouri Montana Nebraska Nevada Ohio Oklahoma Oregon Pennsylvania Tennessee Texas Utah Vermont Virginia
    Washington Wisconsin Wyoming""".split()
) | {"New Hampshire", "New Jersey", "New Mexico", "New York", "North Carolina", "North Dakota", "Rhode Island",
     "South Carolina", "South Dakota", "West Virginia", "District of Columbia", "Puerto Rico"}  # fmt: skip


def parse_location(text: str) -> Location:
    """'Facility, City, State, ZIP, Country' with Facility, State and ZIP optional (split from the right).

    The export joins the parts with ", " and a facility name may itself hold commas, so the parts
    are taken from the right: country, then a ZIP if it looks like one, then city and state. A
    part that reads like an institution ("... University", "Hospital ...") is never taken for a
    city or state; two parts are "Facility, City" unless they are "City, <US state>".
    """
    parts = [p.strip() for p in text.split(",")]
    parts = [p for p in parts if p]
    if not parts:
        return Location()
    country = parts.pop() if len(parts) > 1 else None
    zip_code = parts.pop() if len(parts) > 1 and _ZIPLIKE.match(parts[-1]) else None
    loc = _split_parts(parts, country)
    set_zip(loc, zip_code)
    return loc


def _split_parts(parts: list[str], country: str | None) -> Location:
    if len(parts) >= 3:
        if _FACILITY_WORD.search(parts[-2]):
            return Location(facility=", ".join(parts[:-1]), city=parts[-1], country=country)
        return Location(facility=", ".join(parts[:-2]), city=parts[-2], state=parts[-1], country=country)
    if len(parts) == 2:
        if parts[1] in US_STATES and not _FACILITY_WORD.search(parts[0]):
            return Location(city=parts[0], state=parts[1], country=country)
        return Location(facility=parts[0], city=parts[1], country=country)
    if country is None:
        return Location(country=parts[0])
    if _FACILITY_WORD.search(parts[0]):
        return Location(facility=parts[0], country=country)
    return Location(city=parts[0], country=country)


def _set_ages(rec: TrialRecord, value: str) -> None:
    m = _AGE_RANGE.match(value)
    groups = None
    if m:
        rec.set_age_limits(m.group("min"), m.group("max") or m.group("upto"))
        groups = m.group("groups")
        rec.provenance["minimum_age"] = rec.provenance["maximum_age"] = "csv:Age"
    elif _GROUPS.match(value):
        groups = value
    if groups:
        rec.std_ages = [t for t in (enum_token(g) for g in groups.split(",")) if t]
        rec.provenance["std_ages"] = "csv:Age"
    rec.extra["age_raw"] = value


def row_to_record(row: dict[str, str], source: Source) -> TrialRecord:
    source.format = FORMAT
    rec = TrialRecord(source=source, criteria_markdown=False)
    prov = rec.provenance

    def get(col: str) -> str | None:
        v = row.get(col)
        if v is None:
            return None
        v = v.strip()
        return v or None

    def scalar(name: str, col: str) -> None:
        v = get(col)
        if v is not None:
            setattr(rec, name, v)
            prov[name] = f"csv:{col}"

    scalar("nct_id", ID_COLUMN)
    scalar("brief_title", "Study Title")
    scalar("acronym", "Acronym")
    scalar("brief_summary", "Brief Summary")
    scalar("sponsor", "Sponsor")
    scalar("sponsor_class", "Funder Type")
    if (v := get("Study Status")) is not None:
        rec.overall_status = norm_status(v)
        prov["overall_status"] = "csv:Study Status"
    if (v := get("Conditions")) is not None:
        rec.conditions = _split(v)
        prov["conditions"] = "csv:Conditions"
    if (v := get("Collaborators")) is not None:
        rec.collaborators = _split(v)
        prov["collaborators"] = "csv:Collaborators"
    if (v := get("Interventions")) is not None:
        for item in _split(v):
            typ, sep, name = item.partition(":")
            if sep and typ.strip().replace("_", "").replace(" ", "").isalpha() and typ.strip().upper() == typ.strip():
                rec.interventions.append(Intervention(type=enum_token(typ), name=name.strip()))
            else:
                rec.interventions.append(Intervention(name=item))
        prov["interventions"] = "csv:Interventions"
    if (v := get("Sex")) is not None:
        rec.sex = norm_sex(v)
        prov["sex"] = "csv:Sex"
    if (v := get("Age")) is not None:
        _set_ages(rec, v)
    if "Phases" in row:
        rec.phases = norm_phases(_split(row.get("Phases") or ""))
        prov["phases"] = "csv:Phases"
    if (v := get("Enrollment")) is not None:
        rec.enrollment = as_int(v)
        prov["enrollment"] = "csv:Enrollment"
    if (v := get("Study Type")) is not None:
        rec.study_type = enum_token(v)
        prov["study_type"] = "csv:Study Type"
    for name, col in _DATES:
        if (v := get(col)) is not None:
            rec.set_date(name, v, None, f"csv:{col}")
        elif col in row:
            # the export has the column but leaves this cell blank: a shown-but-empty date
            rec.set_date(name, "", None, f"csv:{col}")
    if (v := get("Locations")) is not None:
        for k, item in enumerate(_split(v)):
            rec.locations.append(parse_location(item))
            prov[f"locations[{k}]"] = "csv:Locations"
        prov["locations"] = "csv:Locations"
    if (v := get("Primary Outcome Measures")) is not None:
        rec.extra["primary_outcome_measures"] = _split(v)
        rec.primary_outcomes = rec.extra["primary_outcome_measures"]
        prov["primary_outcomes"] = "csv:Primary Outcome Measures"
    # which columns this export has: completeness rules must not demand what it cannot carry
    rec.extra["columns"] = list(row)
    if (v := get("Other IDs")) is not None:
        rec.extra["other_ids"] = _split(v)
    if (v := get("Study Results")) is not None:
        rec.extra["has_results"] = v.upper() == "YES"
    if (v := get("Study URL")) is not None:
        rec.extra["url"] = v
    return rec


def export_date(rows: Iterable[list[str]]) -> tuple[PartialDate, str] | None:
    """The latest posted date in an export (header row first) and the column it is in.

    The search page does not write the download date into the file, but every posted date in it
    was on the registry when the file was made: the latest one is the nearest date the file
    proves it is at least as recent as. None when the export has no posted column or date.
    """
    it = iter(rows)
    header = [h.lstrip("\ufeff").strip() for h in next(it, [])]
    wanted = [(header.index(c), c) for c in _POSTED_COLUMNS if c in header]
    if not wanted:
        return None
    best: tuple[tuple[int, int, int], str, str] | None = None
    for row in it:
        for i, col in wanted:
            if i >= len(row):
                continue
            d = parse_date(row[i])
            if d is None:
                continue
            k = (d.year, d.month or 0, d.day or 0)
            if best is None or k > best[0]:
                best = (k, row[i].strip(), col)
    if best is None:
        return None
    found = parse_date(best[1])
    return (found, best[2]) if found is not None else None


def _first_pass(lines: Iterable[str], path: str, member: str | None) -> tuple[Iterable[str], tuple[PartialDate, str] | None]:
    """The export date, found before the first record is yielded, and the lines to read the rows from.

    A file on disk is read a second time (a plain CSV scan, cheap next to auditing its rows); an
    archive member is already in memory, so its lines are kept and scanned.
    """
    try:
        if member is None and os.path.isfile(path):
            with open(path, encoding="utf-8", errors="replace", newline="") as fh:
                return lines, export_date(csv.reader(fh, strict=False))
    except (OSError, csv.Error):
        return lines, None
    kept = list(lines)
    try:
        return kept, export_date(csv.reader(kept, strict=False))
    except csv.Error:
        return kept, None


def _set_export_date(rec: TrialRecord, found: tuple[PartialDate, str] | None, path: str, member: str | None) -> None:
    """Give the record its file's inferred as-of date (an explicit --as-of still wins; see the runner)."""
    if found is None or rec.as_of is not None:
        return
    date, column = found
    name = os.path.basename((member or path).replace("\\", "/")) or path
    rec.as_of = date
    rec.provenance["as_of"] = f"csv:{column}"
    rec.extra["as_of_inferred"] = True
    rec.extra["as_of_source"] = f"inferred from the latest {column} in {name}"


#: the longest CSV cell read, in characters (see ``set_max_cell``); a longer cell makes its row
#: unreadable instead of taking memory many times its size (a 330 MB cell used to pass 15 GB)
MAX_CELL_CHARS = 4 * 2_000_000

#: a line inside one cell that starts like an export row ("NCT01234567,"): a quote left open on an
#: earlier line swallowed the rows after it into that cell
_SWALLOWED_ROW = re.compile(r'\n"?NCT[0-9]{8}"?,')


def set_max_cell(chars: int) -> None:
    """Bound CSV cells at ``chars`` characters (the run sets it from its max-field-size; 0 = 1 GB)."""
    global MAX_CELL_CHARS
    MAX_CELL_CHARS = chars if chars > 0 else 1 << 30


def _open_quote(row: list[str], start: int) -> str | None:
    """Why a row read as one is really a quote left open, or None."""
    for cell in row:
        m = _SWALLOWED_ROW.search(cell)
        if m is not None:
            line = start + cell.count("\n", 0, m.start()) + 1
            return f"a quote opened on line {start} is not closed before line {line}, which starts another row: the rows after it were read as part of one cell"
    return None


class _TrackedLines:
    """The lines, remembering whether the CSV reader ran out of them: a row that the reader
    returns only after the last line was consumed ends inside a quote (a closed row never reads
    past its own last line)."""

    def __init__(self, lines: Iterable[str]) -> None:
        self._it = iter(lines)
        self.exhausted = False

    def __iter__(self) -> _TrackedLines:
        return self

    def __next__(self) -> str:
        try:
            return next(self._it)
        except StopIteration:
            self.exhausted = True
            raise


def read_csv_rows(
    lines: Iterable[str], path: str, member: str | None = None, bad_lines: dict[int, BadInput] | None = None
) -> Iterator[TrialRecord | Unreadable]:
    """Rows of an export (text lines, newline kept) -> records; a bad row is one Unreadable.

    ``bad_lines`` (filled by the caller's decoder while the rows are read) marks lines that were
    not valid text: a row touching one becomes an Unreadable, the other rows are still read.
    """
    bad_lines = {} if bad_lines is None else bad_lines
    csv.field_size_limit(MAX_CELL_CHARS)
    lines, found = _first_pass(lines, path, member)
    tracked = _TrackedLines(lines)
    reader = csv.reader(tracked, strict=False)
    try:
        header = next(reader)
    except StopIteration:
        yield Unreadable(Source(path, FORMAT, member), "empty CSV file")
        return
    if 1 in bad_lines:
        err = bad_lines[1]
        yield Unreadable(Source(path, FORMAT, member), "CSV header: " + err.reason, 1, err.column, err.excerpt)
        return
    if header and header[0].startswith("\ufeff"):
        header[0] = header[0][1:]
    header = [h.strip() for h in header]
    index = 0
    last = reader.line_num
    header_line = last
    rows_read = 0
    while True:
        start = last + 1
        try:
            row = next(reader)
        except StopIteration:
            if rows_read == 0:
                yield Unreadable(
                    Source(path, FORMAT, member),
                    f"CSV export holds its header ({len(header)} columns, ending {header[-1][:40]!r}) but no study rows: "
                    "a cut-off download or an empty search; nothing was audited",
                    header_line + 1,
                )
            return
        except csv.Error as err:
            rows_read += 1
            reason = f"malformed CSV row: {err}"
            if "field larger than field limit" in str(err):
                reason = (
                    f"a cell of this row is over {MAX_CELL_CHARS:,} characters (bound: 4 x max-field-size); no registry field is that long"
                )
            yield Unreadable(Source(path, FORMAT, member, index, start), reason, start)
            last = reader.line_num
            index += 1
            continue
        end = last = reader.line_num
        if not any(c.strip() for c in row):
            continue
        rows_read += 1
        source = Source(path, FORMAT, member, index, start)
        index += 1
        open_quote = _open_quote(row, start)
        if open_quote is None and tracked.exhausted and row and "\n" in row[-1]:
            open_quote = f"the file ends inside a quoted cell opened on line {start}: the rest of the file was read as one cell"
        if open_quote is not None:
            yield Unreadable(source, open_quote, start, None, ",".join(row)[:120], row[0].strip() or None)
            continue
        broken = next((bad_lines[n] for n in range(start, end + 1) if n in bad_lines), None)
        if broken is not None:
            yield Unreadable(source, broken.reason, broken.line, broken.column, broken.excerpt, row[0].strip() or None)
            continue
        if len(row) > len(header):
            extra = row[len(header) :]
            if any(c.strip() for c in extra):
                yield Unreadable(
                    source,
                    f"CSV row has {len(row)} cells but the header has {len(header)} columns",
                    start,
                    None,
                    ",".join(row)[:120],
                    row[0].strip() or None,
                )
                continue
        rec = row_to_record(dict(zip(header, row)), source)
        _set_export_date(rec, found, path, member)
        yield rec
