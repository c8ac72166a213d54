"""Trial registries and the shape of their trial IDs (the WHO ICTRP's primary and partner registries).

One table, used by the readers (which registry a record's own ID belongs to) and by the ID
check (does the ID have its registry's shape). A registry is recognised from the start of an
ID (its *prefix*, matched case-insensitively and ignoring spaces, so that a mistyped ID is
still attributed to its registry and its shape reported); the *shape* is the full pattern a
correct ID matches, case-sensitively, ASCII digits only.

Sources: each registry's own ID format as shown in the WHO ICTRP search portal and on the
registries' sites; the real IDs of the ICTRP exports in the shared data match these shapes.
"""

from __future__ import annotations

import re
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Registry:
    key: str  # short name, as ICTRP's Source_Register or the ID prefix says it ("ChiCTR")
    name: str  # full name for messages
    prefix: re.Pattern[str]  # how an ID of this registry starts (case-insensitive)
    shape: re.Pattern[str]  # a correct ID, in full (case-sensitive)
    example: str
    aliases: tuple[str, ...] = ()  # ICTRP Source_Register spellings
    #: the name the Python API shows in its ``registry`` column (docs/api.md); the key unless the API
    #: has always shown another ("EU Clinical Trials Register", "CRiS", jRCT as a JPRN member)
    display: str = ""


def _r(key: str, name: str, prefix: str, shape: str, example: str, *aliases: str, display: str = "") -> Registry:
    return Registry(key, name, re.compile(prefix, re.I), re.compile(shape), example, aliases, display or key)


#: ordered: a longer prefix before a shorter one that it starts with (JPRN-jRCT before jRCT)
REGISTRIES: tuple[Registry, ...] = (
    _r("ClinicalTrials.gov", "ClinicalTrials.gov", r"NCT", r"NCT[0-9]{8}", "NCT04280705", "ClinicalTrials.gov", "CT.gov"),
    _r(
        "ChiCTR",
        "Chinese Clinical Trial Registry",
        r"ChiCTR",
        r"ChiCTR(?:[0-9]{10}|-[A-Z]{2,6}-[0-9]{8})",
        "ChiCTR2000029953",
        "ChiCTR",
    ),
    _r("CTRI", "Clinical Trials Registry - India", r"CTRI", r"CTRI/[0-9]{4}/[0-9]{2,3}/[0-9]{6}", "CTRI/2020/03/024402", "CTRI"),
    _r(
        "EUCTR",
        "EU Clinical Trials Register",
        # ICTRP's "EUCTR2020-000890-25-FR", or the register's own bare EudraCT number "2020-000890-25"
        # (a CTIS number has a 5 where EudraCT's sequence starts)
        r"EUCTR|[0-9]{4}-[0-4][0-9]{5}-[0-9]{2}(?![0-9])",
        r"(?:EUCTR)?[0-9]{4}-[0-9]{6}-[0-9]{2}(?:-[A-Z0-9]{2,3})?",
        "EUCTR2020-000890-25-FR",
        "EU Clinical Trials Register",
        "EUCTR",
        display="EU Clinical Trials Register",
    ),
    _r(
        "CTIS",
        "EU Clinical Trials Information System",
        r"CTIS|[0-9]{4}-5[0-9]{5}-[0-9]{2}",
        r"(?:CTIS)?[0-9]{4}-5[0-9]{5}-[0-9]{2}-[0-9]{2}",
        "2023-503456-21-00",
        "CTIS",
    ),
    _r("ISRCTN", "ISRCTN registry", r"ISRCTN", r"ISRCTN[0-9]{8}", "ISRCTN10077335", "ISRCTN"),
    _r(
        "ANZCTR",
        "Australian New Zealand Clinical Trials Registry",
        r"ACTRN",
        r"ACTRN[0-9]{14}",
        "ACTRN12620000417987",
        "ANZCTR",
    ),
    _r("DRKS", "German Clinical Trials Register", r"DRKS", r"DRKS[0-9]{8}", "DRKS00021134", "German Clinical Trials Register", "DRKS"),
    _r(
        "JPRN",
        "Japan Primary Registries Network",
        r"JPRN-",
        r"JPRN-(?:UMIN[0-9]{9}|jRCT[a-z]?[0-9]{9,10}|JapicCTI-[0-9]{6}|JMA-IIA[0-9]{5}|C[0-9]{9})",
        "JPRN-UMIN000039686",
        "JPRN",
    ),
    _r("jRCT", "Japan Registry of Clinical Trials", r"jRCT", r"jRCT[a-z]?[0-9]{9,10}", "jRCTs031190227", "jRCT", display="JPRN"),
    _r("IRCT", "Iranian Registry of Clinical Trials", r"IRCT", r"IRCT[0-9]{8,14}N[0-9]{1,4}", "IRCT20080901001165N56", "IRCT"),
    _r("CRIS", "Clinical Research Information Service (Korea)", r"KCT", r"KCT[0-9]{7}", "KCT0005003", "CRIS", "KCT", display="CRiS"),
    _r("TCTR", "Thai Clinical Trials Registry", r"TCTR", r"TCTR[0-9]{11}", "TCTR20200321001", "TCTR"),
    _r("PACTR", "Pan African Clinical Trials Registry", r"PACTR", r"PACTR[0-9]{15,16}", "PACTR202004693933092", "PACTR"),
    _r("SLCTR", "Sri Lanka Clinical Trials Registry", r"SLCTR", r"SLCTR/[0-9]{4}/[0-9]{3}", "SLCTR/2020/011", "SLCTR"),
    _r("ReBEC", "Brazilian Clinical Trials Registry", r"RBR-", r"RBR-[0-9a-z]{6,8}", "RBR-2dxyx4", "REBEC", "ReBEC"),
    _r(
        "NTR",
        "Netherlands Trial Register",
        r"(?:NL|NTR)(?=[0-9-])",
        r"(?:NL[0-9]{4,5}|NTR[0-9]{3,4}|NL-OMON[0-9]{5})",
        "NL8460",
        "Netherlands Trial Register",
        "NTR",
        display="Netherlands Trial Register",
    ),  # fmt: skip
    _r("LBCTR", "Lebanese Clinical Trials Registry", r"LBCTR", r"LBCTR[0-9]{10}", "LBCTR2020043459", "LBCTR"),
    _r(
        "ITMCTR",
        "International Traditional Medicine Clinical Trial Registry",
        r"ITMCTR",
        r"ITMCTR[0-9]{10,12}",
        "ITMCTR2024000123",
        "ITMCTR",
    ),  # fmt: skip
    _r("RPCEC", "Cuban Public Registry of Clinical Trials", r"RPCEC", r"RPCEC[0-9]{8}", "RPCEC00000306", "RPCEC"),
    _r("REPEC", "Peruvian Clinical Trial Registry", r"PER-", r"PER-[0-9]{3}-[0-9]{2}", "PER-010-20", "REPEC"),
)

_BY_ALIAS = {alias.lower(): reg for reg in REGISTRIES for alias in (reg.key, *reg.aliases)}


def registry_of_id(trial_id: str | None) -> Registry | None:
    """The registry an ID belongs to, from how it starts (None when no registry's prefix fits)."""
    if not trial_id:
        return None
    text = trial_id.strip()
    for reg in REGISTRIES:
        if reg.prefix.match(text):
            return reg
    return None


def registry_named(name: str | None) -> Registry | None:
    """The registry an ICTRP ``Source_Register`` value (or a registry's short name) names."""
    if not name:
        return None
    return _BY_ALIAS.get(name.strip().lower())


def id_has_shape(trial_id: str, registry: Registry) -> bool:
    return registry.shape.fullmatch(trial_id) is not None


#: a trial ID of any registry inside free text (a secondary-ID list, a bridged record's note)
ANY_ID = re.compile(
    r"\b(?:NCT[0-9]{8}|ChiCTR[0-9]{10}|ChiCTR-[A-Z]{2,6}-[0-9]{8}|CTRI/[0-9]{4}/[0-9]{2,3}/[0-9]{6}|EUCTR[0-9]{4}-[0-9]{6}-[0-9]{2}"
    r"|[0-9]{4}-[0-9]{6}-[0-9]{2}(?=\b)|ISRCTN[0-9]{8}|ACTRN[0-9]{14}|DRKS[0-9]{8}|JPRN-[A-Za-z]+-?[0-9]{5,10}|jRCT[a-z]?[0-9]{9,10}"
    r"|UMIN[0-9]{9}|IRCT[0-9]{8,14}N[0-9]{1,4}|KCT[0-9]{7}|TCTR[0-9]{11}|PACTR[0-9]{15,16}|SLCTR/[0-9]{4}/[0-9]{3}"
    r"|RBR-[0-9a-z]{6,8}|NL[0-9]{4,5}|NTR[0-9]{3,4}|LBCTR[0-9]{10}|ITMCTR[0-9]{10,12}|RPCEC[0-9]{8}|PER-[0-9]{3}-[0-9]{2})\b"
)

_EUDRACT = re.compile(r"^(?:EUCTR)?([0-9]{4}-[0-9]{6}-[0-9]{2})(?:-[A-Z0-9]{2,3})?$")


def trial_key(trial_id: str) -> str:
    """The key under which records of one trial meet: the ID upper-cased, an EU register ID
    without its country suffix and prefix (EUCTR2020-000890-25-FR -> EUDRACT 2020-000890-25, the
    EudraCT number that other registries quote as a secondary ID), a JPRN ID without ``JPRN-``."""
    text = trial_id.strip()
    m = _EUDRACT.match(text.upper())
    if m:
        return "EUDRACT:" + m.group(1)
    if text.upper().startswith("JPRN-"):
        text = text[5:]
    return text.upper()
