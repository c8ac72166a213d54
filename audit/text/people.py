"""Shared helpers for the sites-and-people rules (TA5xx).

* ``name_problem``: whether an official's or contact's name is in an implausible form.
* ``is_company`` / ``sponsor_is_organisation``: whether an affiliation or sponsor is an organisation.
* The gazetteer (``gazetteer``, ``distance_km``) and ``fold`` live in people_places.py and are
  importable from here as before.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from trial_audit.text.lexicon import is_placeholder_name
from trial_audit.text.people_degrees import name_words, split_name
from trial_audit.text.people_places import AMBIGUOUS_CITY_NAMES, Gazetteer, Place, distance_km, fold, gazetteer

__all__ = [
    "AMBIGUOUS_CITY_NAMES",
    "ROLE_WORDS",
    "Gazetteer",
    "NameProblem",
    "Place",
    "distance_km",
    "fold",
    "gazetteer",
    "is_company",
    "is_title_wording",
    "name_problem",
    "org_tokens",
    "sponsor_is_organisation",
]

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
