"""A faster decode of one ClinicalTrials.gov v2 study: only the sections the reader maps.

A v2 study carries sections no rule reads (``resultsSection``, ``documentSection``,
``annotationSection``; the results alone are often most of a study's bytes). ``orjson.loads``
builds Python objects for all of them; a ``msgspec`` decoder typed with the three top-level keys
the v2 mapping reads (``protocolSection``, ``derivedSection``, ``hasResults``: every path of
``ctgov_keys`` starts with one of them) still checks the whole text is valid JSON but builds
objects for those keys only: 0.60-0.68 ms -> 0.13-0.17 ms per 44 KB NDJSON line on the
benchmark corpus (docs/performance.md).

It is a fast path, never a second reader: whenever it cannot answer exactly as the full decode
would, it answers None and the caller decodes with orjson as before, so messages, positions and
values stay those of the full decode:

- not valid JSON, not an object, or no ``protocolSection`` object -> None (the full decode
  reports it, or reads another shape);
- integers of 19 digits or more anywhere in the text -> None (orjson reads integers beyond 64
  bits as floats, msgspec as integers);
- a study the mapping cannot make a record of -> the caller decodes again in full, so that its
  error quotes what the full object holds.
"""

from __future__ import annotations

from typing import Any

import msgspec

# A digit run that may be an integer orjson reads differently (see the module doc) is found by
# mapping every digit to "0" and every other byte to " " (one C pass) and searching for 19 zeros:
# ~0.05 ms per 44 KB line, where the regular expression [0-9]{19} took ~0.6 ms (it tries every position).
_DIGITS_AS_ZERO = bytes(48 if 48 <= b <= 57 else 32 for b in range(256))
_LONG_RUN = b"0" * 19


class _V2Study(msgspec.Struct):
    protocolSection: dict[str, Any]
    derivedSection: Any = msgspec.UNSET
    hasResults: Any = msgspec.UNSET


_DECODER = msgspec.json.Decoder(_V2Study)


def fast_v2_study(data: bytes) -> dict[str, Any] | None:
    """The v2 study in ``data`` with only the keys the mapping reads, or None (decode it in full)."""
    if b'"protocolSection"' not in data or _LONG_RUN in data.translate(_DIGITS_AS_ZERO):
        return None
    try:
        s = _DECODER.decode(data)
    except (msgspec.DecodeError, msgspec.ValidationError):
        return None
    study: dict[str, Any] = {"protocolSection": s.protocolSection}
    if s.derivedSection is not msgspec.UNSET:
        study["derivedSection"] = s.derivedSection
    if s.hasResults is not msgspec.UNSET:
        study["hasResults"] = s.hasResults
    return study
