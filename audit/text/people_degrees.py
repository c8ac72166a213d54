"""Academic degrees, professional qualifications and titles around a person's name.

Registries write an official's name with degrees and titles in many conventions: abbreviations
after the name ("Yueping Li, MD, Master", "HAN XU, M.D., Ph.D.", "Priya Rao, MBBS, DM"), titles
before it ("Prof. Dr. med. Hans Müller", "Dra. Ana López", "Assoc. Prof. Siti Aminah"), degrees
written out ("Master of Public Health", "Doctor", "Master's degree", "PhD candidate"), clinical
ranks of Chinese registries ("Associate Chief Physician") and honours or places in brackets
("MD (Hons)", "FRCS(Edin)"). ``split_name`` tells those words from the words of the name, so the
people rules judge the name itself: a name with degrees is a plausible person's name, a role or a
degree with no name is not.

Two-letter abbreviations that are also names ("Ma", "Do", "Ms" as in "Van Do, MD") count as a
degree only written in capitals or with dots ("MA", "D.O."). Everything here is a word-by-word
scan (no backtracking regex), so hostile input stays linear.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

#: degrees, diplomas, fellowships and licences, folded (lower case, no dots)
_ABBREVIATIONS = frozenset(
    """md phd dphil mbbs mbbch mbchb bmbs bmbch mbbcs bch chb bao mch chm dm msc mphil mres mph mpharm pharmd bpharm rph
    rn bsn msn mscn dnp np aprn fnp crnp cnm crna lpn pac dds dmd bds mds mba bsc bsci msci mmed mmsc mmedsc bmedsci
    dmsc dsc scd drph edd psyd dpt otr cde ccrp ccrc ccra dvm bvsc jd llb llm mhs mhsc mscr mas mpa mpp msw bsw lcsw
    mn mhsa msph msce mshs dnsc dns drnb dnb fnb fcps mcps mrcp mrcpi mrcs mrcog mrcpch mrcgp mrcpsych frcp frcpc frcpe
    frcpi frcs frcsc frcsed frcr frca frcpath frcpa frcog frcpch frcpsych facp facs facc facog faap facep fasn fccp fesc
    fracp fracs franzcp franzcr facro face facn facoi fams fscai fmedsci frs fhkam fwacp ficp dch dgo dtmh dtm bams bhms
    bums bpt mpt gnm anm mdcm ccst aocn ocn cgc lcgc ccm mrt rrt mbiomed mbiomede mscphys msceng meng mtech btech bpharm
    mcr mcts dipl phdc drmed hons hon cand""".split()
)
#: two-letter degrees that are also names or words ("Ma", "Do", "Ms"): a degree only in capitals or dotted
_SHORT_ABBREVIATIONS = frozenset("ma ba bs ms do pa pt ot od dc mb rd ld nd ph rs pc md dm rn np".split())
#: titles written before (or after) a name, in the registries' languages, folded
_TITLES = frozenset(
    """dr dra drs drª prof profa profª pr professor professora profesor profesora professeur professore professorin
    mr mrs ms miss mx mme mlle sr sra srta lic licda licdo licenciado licenciada ing mag dott dottssa dottoressa doc
    doz dozent docent priv pd univ assoc associate asst assist assistant ass adjunct adj emeritus visiting mtro mtra
    sir dame""".split()
)
#: written-out degrees and qualifications ("Master", "Doctor", "Master's degree", "Postdoc")
_WRITTEN = frozenset(
    """master masters master's bachelor bachelors bachelor's doctor doctors doctor's doctora doctorate doctoral docteur
    doutor doutora dottore doktor diploma diplom licentiate postgraduate graduate undergraduate postdoc postdoctor
    postdoctoral magister""".split()
)
#: faculty words after a German or Austrian title ("Dr. med.", "Dr. rer. nat.", "Dr. h.c.", "Mag. pharm.")
_FACULTY = frozenset("med rer nat phil dent vet habil univ h c sc pharm jur psych ing biol hum oec pol soc dr".split())
#: words that make a written-out degree or title more precise ("Medical Doctor", "Associate Professor")
_MODIFIERS = frozenset("medical associate assistant deputy vice clinical research adjunct visiting emeritus senior full".split())
#: clinical ranks of Chinese registries ("Chief Physician", "Attending Doctor"): a grade, like "Professor"
_RANK_HEADS = frozenset("chief attending".split())
_RANK_NOUNS = frozenset("physician physicians doctor surgeon pharmacist".split())
#: a student of a degree ("PhD candidate", "MSc student", "PhD scholar")
_STUDENT = frozenset("candidate candidat candidata student scholar trainee fellow".split())
#: words that join a written-out degree to its field ("Master of Public Health", "Bachelor in Nursing")
_FIELD_JOINS = frozenset("of in".split())
_DEGREE_WORD = frozenset("degree degrees".split())

_PIECE = re.compile(r"[^\W\d_]+(?:['’][sS](?![^\W\d_]))?|ª", re.UNICODE)


@dataclass(frozen=True, slots=True)
class Word:
    """A word of a name field: its text, offsets, and whether it is a degree or a title."""

    text: str
    start: int
    end: int
    qualification: bool


def _fold(piece: str) -> str:
    return piece.replace("’", "'").lower()


def _is_abbreviation(piece: str, dotted: bool) -> bool:
    key = _fold(piece)
    if key in _SHORT_ABBREVIATIONS:
        return piece.isupper() or dotted
    return key in _ABBREVIATIONS or _splits_into_abbreviations(piece)


def _splits_into_abbreviations(piece: str) -> bool:
    """ "MDPhD", "MDCM", "MSCE": abbreviations written together (only with a capital after the first letter)."""
    if len(piece) > 12 or not any(c.isupper() for c in piece[1:]):
        return False
    key = piece.lower()
    ok = [True] + [False] * len(key)
    for end in range(2, len(key) + 1):
        ok[end] = any(ok[s] and key[s:end] in (_ABBREVIATIONS | _SHORT_ABBREVIATIONS) for s in range(max(0, end - 8), end - 1))
    return ok[-1]


def split_name(text: str) -> list[Word]:
    """The words of a name field, each marked as a degree/title or a word of the name (or role)."""
    pieces = [(m.group(0), m.start(), m.end()) for m in _PIECE.finditer(text)]
    gaps = [text[pieces[i][2] : pieces[i + 1][1]] if i + 1 < len(pieces) else text[pieces[i][2] :] for i in range(len(pieces))]
    qual = [False] * len(pieces)
    i = 0
    while i < len(pieces):
        i = _mark(pieces, gaps, qual, i)
    return [Word(p[0], p[1], p[2], q) for p, q in zip(pieces, qual)]


def _joined(pieces, gaps, i: int) -> int:
    """How many pieces from ``i`` spell one dotted abbreviation ("M. D.", "Ph. D", "M.B.B.S."), 0 if none."""
    for k in (4, 3, 2):
        if i + k > len(pieces):
            continue
        chunk = pieces[i : i + k]
        if any(len(p[0]) > 3 for p in chunk) or any(gaps[j].strip() not in ("", ".") for j in range(i, i + k - 1)):
            continue
        if not any("." in gaps[j] for j in range(i, i + k)):
            continue  # "Li Ma" is a name; "M. A." is a degree
        if "".join(p[0] for p in chunk).lower() in _ABBREVIATIONS | _SHORT_ABBREVIATIONS:
            return k
    return 0


def _mark(pieces, gaps, qual: list[bool], i: int) -> int:
    """Mark the qualification starting at piece ``i`` (if any); return the next piece to read."""
    word, key = pieces[i][0], _fold(pieces[i][0])
    dotted = gaps[i].startswith(".")
    joined = _joined(pieces, gaps, i)
    if joined:
        end = i + joined
    elif key in _RANK_HEADS and i + 1 < len(pieces) and _fold(pieces[i + 1][0]) in _RANK_NOUNS and not gaps[i].strip():
        end = i + 2  # "Chief Physician", "Attending Doctor"
    elif key in _WRITTEN:
        end = _after_written(pieces, gaps, i + 1)
    elif key in _TITLES or _is_abbreviation(word, dotted):
        end = i + 1
    elif key in _FACULTY and i > 0 and qual[i - 1] and "." in gaps[i - 1] + gaps[i]:
        end = i + 1  # "Dr. med.", "Dr. rer. nat."
    elif key in _STUDENT and i > 0 and qual[i - 1]:
        end = i + 1  # "PhD candidate"
    elif key in _DEGREE_WORD and i > 0 and qual[i - 1]:
        end = i + 1  # "MD degree"
    else:
        return i + 1
    for j in range(i, end):
        qual[j] = True
    _modifiers_before(pieces, gaps, qual, i)
    return _brackets_after(gaps, qual, end)


def _after_written(pieces, gaps, j: int) -> int:
    """The end of a written-out degree: "Master's degree", "Doctor of Medicine", "Bachelor of Science in Nursing"."""
    if j < len(pieces) and _fold(pieces[j][0]) in _DEGREE_WORD and not gaps[j - 1].strip():
        j += 1
    field_words = 0
    while j < len(pieces) and _fold(pieces[j][0]) in _FIELD_JOINS and not gaps[j - 1].strip() and field_words < 6:
        k = j + 1
        # the field: up to four words, not past a comma or a bracket
        while k < len(pieces) and k - j <= 4 and not gaps[k - 1].strip() and _fold(pieces[k][0]) not in _FIELD_JOINS:
            k += 1
        if k == j + 1:
            break
        field_words += k - j
        j = k
    return j


def _modifiers_before(pieces, gaps, qual: list[bool], i: int) -> None:
    """ "Medical Doctor", "Associate Professor", "Deputy Chief Physician": the words before a degree that qualify it."""
    j = i - 1
    while j >= 0 and not qual[j] and _fold(pieces[j][0]) in _MODIFIERS and gaps[j].strip() in ("", "."):
        qual[j] = True
        j -= 1


def _brackets_after(gaps, qual: list[bool], end: int) -> int:
    """ "MD (Hons)", "FRCS(Edin)", "PhD (Pharm. Medicine)": up to four words in brackets after a degree."""
    if end - 1 >= len(gaps) or "(" not in gaps[end - 1] or ")" in gaps[end - 1]:
        return end
    k = end
    while k < len(qual) and k - end < 4:
        qual[k] = True
        if ")" in gaps[k]:
            return k + 1
        k += 1
    for j in range(end, k):  # no closing bracket near: the words were not a degree's note
        qual[j] = False
    return end


def name_words(text: str) -> list[Word]:
    """The words of a name field that are not degrees or titles."""
    return [w for w in split_name(text) if not w.qualification]


def qualifications(text: str) -> list[Word]:
    """The degrees and titles of a name field, in order."""
    return [w for w in split_name(text) if w.qualification]
