"""Whether a summary sentence states the age of the study's own population (issue 20, fourteenth round).

The claim lists of ``age_patterns`` (``_CLAIM``, ``_AGE_CLAIM``) recognise a claim by its verb ("must", "eligible",
"will be enrolled"); a wording with another verb ("Adults aged 30 to 50 with chronic cough attend three visits", "This
trial studies 30-50-year-old adults", a title-like sentence "Vitamin D in adults aged 30 to 50 years: a randomised
trial") was read as a description of a sub-group and compared only when it fell outside the structured range.

This module reads the sentence's structure instead: the age is a claim when it is attached to a population noun phrase
(the noun right before it — "adults aged", "patients (40-60 yrs)", "women, 25-40 years old," — or right after an
"N-year-old" adjective) and that phrase is the sentence's topic: its subject, the object of the study's own verb, or the
head of a title-like sentence ("X in adults aged …"). It is no claim when the sentence says something else about those
people: a past sample (past tense), a possibility or a recommendation (a modal), a negation, a treatment given to them
(one arm's protocol outline: "All infants under 60 days of age receive filgrastim"), background (a fact about a disease,
a risk), or one group of several (cohort, arm, stratum, sub-study). Round 13 tried reading every person's age as a claim
and made ~24 % true findings on the tune part; the vetoes below are the classes that round hand-checked as false.
"""

from __future__ import annotations

import re

# the nouns a trial's population is named by (plural and singular; "men and women" is read by its last noun)
_POP = (
    r"(?:patients?|participants?|subjects?|volunteers?|people|persons?|individuals?|men|women|males?|females?|adults?|"
    r"children|boys?|girls?|infants?|adolescents?|teenagers?|teens|youths?|neonates?|newborns?|babies|toddlers?|students?|"
    r"veterans?|outpatients?|inpatients?|seniors?|elderly|smokers?|survivors?|kids|youngsters?|pensioners?|retirees?|"
    r"athletes?|workers?|employees?|residents?|mothers?|pregnant\s+women|nursing\s+home\s+residents|cases|controls?)"
)
# (the spaces around an optional colon are read one way only: "all all all …" must not be split every possible way)
# the noun right before the age: "adults aged", "patients (40-60 yrs)", "women, 25-40 years old", "men and women between",
# "outpatients, all between", "participants of age", "persons from"
_POP_BEFORE = re.compile(
    rf"\b{_POP}[^\S\n]*(?:[,(\u2014\u2013][^\S\n]*|[^\S\n]-[^\S\n]+)?(?:(?:all|each|who\s+are|that\s+are|being|aged?|ages|"
    r"age\s+range|of\s+age|of|between|from|in\s+the\s+age\s+(?:group|range|bracket)\s+of)\b[^\S\n]*+(?::[^\S\n]*+)?)*$",
    re.I,
)
# the noun right after an "N-year-old" adjective (a few more adjectives between): "30-50 year old women with migraine",
# "30–50-year-old healthy adults"
_POP_AFTER = re.compile(rf"[^\S\n]*(?:[A-Za-z-]+[^\S\n]+){{0,3}}?{_POP}\b", re.I)
_YEAR_OLD_END = re.compile(r"(?:year|yr|month|week)s?[- ]?olds?$", re.I)
_OLD_AFTER = re.compile(r"[- ]?olds?\b", re.I)
# a label that names the population's age: "Age of participants: thirty to fifty", "Population: outpatients; age 30-50"
_POP_LABEL = re.compile(
    r"(?:^|[.;:]\s)(?:(?:study|target|trial|source)\s+)?(?:population|participants|subjects|eligibility|key\s+eligibility|"
    r"main\s+criteria|key\s+criteria|age\s+of\s+(?:the\s+)?(?:participants|subjects|patients|volunteers))\s*[:\u2014-]",
    re.I,
)

# the population's ages as the subject: "The participants' ages will range between 30 and 50 years", "the age of eligible
# patients ranges from 30 to 50", "Ages of the volunteers are 30-50"
_POP_AGES_SUBJECT = re.compile(
    rf"(?:\b{_POP}['’]s?\s+ages?|\bages?\s+of\s+(?:the\s+|all\s+)?(?:[A-Za-z-]+\s+)?{_POP})\s+"
    r"(?:(?:will|shall|would|must|is|are|be|to|range|ranges|vary|varies|lie|lies|fall|falls|from|between|of|within|in)\s+){0,4}$",
    re.I,
)
# a sentence that opens with the age as a label of the population: "Aged from 30 to 50 years old, gender is not limited.",
# "Age: minimum 30 years, maximum 50 years.", "Ages 30-50, both sexes."
_OPENS_WITH_AGE = re.compile(
    r"^[^\S\n]*(?:[-*•][^\S\n]*)?(?:aged?|ages|age\s+(?:range|limits?|bracket|band))\b[^\S\n]*[:\u2014-]?[^\S\n]*$", re.I
)
# "gender is not limited", "with no upper age limit", "regardless of sex": a negation that widens, not one that vetoes
_NO_LIMIT = re.compile(
    r"\b(?:not|no)\s+(?:\w+\s+){0,2}?(?:limit\w*|restrict\w*|required|specified|matter)\b|\b(?:not\s+)?regardless\s+of\b|"
    r"\bno\s+(?:upper|lower|maximum|minimum)\s+(?:age\s+)?limit\b|"
    # "(both ages included)": the range's ends, not a past sample
    r"\(\s*(?:both\s+)?(?:ages?\s+|ends?\s+|limits?\s+)?(?:included|inclusive)\s*\)",
    re.I,
)

# --- what else a sentence may say about people of an age (each a class hand-checked as false in round 13) ---------------
# a past sample or an earlier study ("The cohort tracked 295 children, ages 11 to 14", "were enrolled", "had")
_PAST = re.compile(
    r"\b(?:was|were|had|did|has\s+been|have\s+been|found|showed|reported|tracked|followed\s+up|observed|enrolled\s+in\s+(?:a|an|the)\s+"
    r"(?:previous|prior|earlier)|previous(?:ly)?|prior|earlier|recent(?:ly)?|pilot|published|literature|reported|registry|database|survey)\b",
    re.I,
)
# the past of the study verbs without "be" before them: "The population sample included all individuals age 5 and over"
_PAST_STUDY_VERB = re.compile(
    r"(?<!\bbe\s)(?<!\bare\s)(?<!\bis\s)(?<!\bbeen\s)(?<!\bbeing\s)\b(?:included|comprised|consisted|involved|participated|"
    r"took\s+part|enrolled|recruited|studied|examined|assessed|selected|sampled|surveyed|contained|covered)\b",
    re.I,
)
# the people are excluded, or the sentence is conditional: "If images are unevaluable, women 40 years and younger will be
# excluded", "Patients aged >65 years are excluded from Random 2" (an exclusion or a condition is read by the criteria
# rules; in a summary it is one branch of a protocol)
_EXCLUDED_OR_CONDITIONAL = re.compile(
    r"\b(?:exclu\w*|ineligible|if|when|whenever|whether|in\s+(?:this|that|such\s+an?)\s+(?:event|case)|otherwise|instead)\b", re.I
)
# people of another role or kind named beside the population: "student participants older than 10, their parents, and
# teachers", "healthy adult volunteers, healthy adolescents aged 12 to 17 years, and alcoholics" (one group of several)
_PEOPLE = re.compile(
    rf"\b(?:{_POP}|parents?|teachers?|caregivers?|carers?|clinicians?|staff|physicians?|doctors?|nurses?|relatives?|siblings?|"
    r"partners?|spouses?|donors?|alcoholics?|informants?|family\s+members?|guardians?)\b",
    re.I,
)
# a preposition that makes the population a modifier of another noun ("prophylaxis of asthma in children older than 12
# months"): a claim only where the sentence names the study ("This trial tests drug X in adults aged 30 to 50")
_GOVERNED = re.compile(r"\b(?:in|among|amongst|for|of|on|to|with)\s+(?:[A-Za-z-]+\s+){0,3}$", re.I)
_STUDY_NAMED = re.compile(
    r"\b(?:this|the\s+present|the\s+proposed|our)\s+(?:study|trial|research|project|programme|program|protocol)\b|\bwe\b", re.I
)
# a relative clause of the population's history: "adults who have had a first stroke", "women who have been treated"
_RELATIVE_HISTORY = re.compile(r"\b(?:who|that)\s+(?:have|has)\s+(?:had|been|received|undergone|experienced)\b", re.I)
# a possibility, a recommendation, a negation: "may have a CT scan", "may be a successful alternative", "do not receive"
_MODAL_OR_NEG = re.compile(
    r"\b(?:may|might|could|can(?!\s+(?:take\s+part|participate|join|enrol))|should(?!\s+be\s+(?:aged|between|over|under|at))|would|"
    r"not|no|never|none|neither|nor|cannot|unless|except)\b|n't\b",
    re.I,
)
# one arm's treatment in a protocol outline: "receive filgrastim", "are treated with", "undergo surgery", "are given"
_TREATMENT = re.compile(
    r"\b(?:receiv\w*|treated|treat|given|administ\w*|undergo\w*|underwent|dosed|dose[sd]?|injected|vaccinated|infused|"
    r"proceed\w*|assigned\s+to\s+(?:arm|group|cohort)|switch\w*|continu\w*|discontinu\w*|stop\w*|withdr[ae]w\w*|"
    r"surgery|operated|transplant\w*|regimen|chemotherapy|radiotherapy|mg\b|dosage)",
    re.I,
)
# background: a fact about a disease or a population at large, a guideline, a risk
_BACKGROUND = re.compile(
    r"\b(?:usually|often|typically|frequently|commonly|common|rarely|generally|known|likely|unlikely|risk|risks|"
    r"burden|cause[sd]?|leading|prevalen\w*|inciden\w*|mortality|morbidity|guidelines?|recommend\w*|suggest\w*|"
    r"evidence|literature|population-based|nationally|worldwide|globally|annually|each\s+year|per\s+year|"
    r"account\w*|represent\w*|affect\w*|suffer\w*|develop\w*|onset|diagnos\w*\s+(?:at|before|after)|"
    r"until|up\s+until|by\s+the\s+age|at\s+the\s+age|continue\s+to|are\s+at|remain\w*)\b",
    re.I,
)
# one group of several: a cohort, an arm, a stratum, a part of the study, a comparison group, a later or optional part
_ONE_GROUP = re.compile(
    r"\b(?:cohorts?|arms?|strat(?:um|a|ified)|sub-?groups?|sub-?stud\w*|sub-?sets?|parts?\s+[A-Z0-9]|phase\s+[0-9IVX]|"
    r"groups?\s+[A-Z0-9]|first\s+group|second\s+group|other\s+group|each\s+group|both\s+groups|one\s+group|"
    r"later|subsequent\w*|additional|separate|optional|extension|some|half|a\s+subset|a\s+portion|those\s+of|"
    r"compared?\s+(?:with|to)|versus|vs\b|matched|control\s+group|healthy\s+controls?|age-matched|respectively)\b",
    re.I,
)
# a finite verb: a sentence without one is a title or a label ("Efficacy of yoga for women aged 30-50 with back pain")
_FINITE_VERB = re.compile(
    r"\b(?:is|are|was|were|will|shall|would|can|may|must|has|have|had|do|does|did|be|been|take|takes|attend|attends|join|joins|"
    r"complete|completes|concerns?|studies|enrols?|enrolls|includes?|involves?|targets?|recruits?|form|forms|comprises?)\b",
    re.I,
)


# --- issue 20, fifteenth round: an earlier study's population told in the past tense (NCT00005679, legacy XML: "The
# International Atherosclerosis Project (IAP) quantified atherosclerosis ... in over 31,000 persons age 10 to 69 who died
# between 1960 and 1965"): _PAST lists a few verbs only, and a sentence whose only verb is a past one had no finite verb and
# was read as a title.
# irregular past forms (a regular past is read by its ending: "-ed", "-ied")
_IRREGULAR_PAST = (
    r"(?:began|became|brought|bought|built|came|chose|died|drew|drove|fell|felt|fought|gave|got|grew|held|kept|knew|led|left|"
    r"lost|made|meant|met|paid|ran|rose|sat|saw|sent|shook|showed|sought|spent|spoke|stood|struck|taught|thought|told|took|"
    r"underwent|went|won|wrote)"
)
# a word ending like a regular past ("quantified", "examined", "enrolled"); "aged", "need", "based" and the like are no verbs
_REGULAR_PAST = r"(?:[a-z]{2,}ed)"
_NOT_A_VERB = re.compile(r"^(?:aged|need|feed|seed|speed|bleed|breed|indeed|hundred|bed|red|shed|led)$", re.I)
# a past verb after its subject: the word before is a noun or a name ("The IAP quantified", "Smith et al. reported",
# "Investigators followed"), not a determiner, an auxiliary, "to", a comma or a hyphen ("a randomised trial", "will be
# enrolled", "placebo-controlled", "double-blind, randomized")
_PAST_AFTER_SUBJECT = re.compile(
    rf"(?<![-\w])(?:(?P<subj>[A-Za-z][A-Za-z0-9]*\.?|\))[^\S\n]+)(?:(?:also|then|later|first|subsequently|previously|originally|"
    rf"successfully|jointly)[^\S\n]+)?(?P<verb>{_IRREGULAR_PAST}|{_REGULAR_PAST})\b",
    re.I,
)
_NOT_A_SUBJECT = re.compile(
    r"^(?:a|an|the|this|that|these|those|our|its|their|his|her|any|all|each|every|no|non|be|been|being|is|are|am|was|were|"
    r"will|shall|would|should|can|could|may|might|must|have|has|had|to|get|gets|got|newly|not|and|or|nor|but|well|fully|"
    r"who|which|whom|whose|of|in|on|for|with|by|from|at|as|into|than|very|highly|recently|previously|randomly|double|triple|"
    r"single|open|once|twice|both|either|many|most|some|more|less|not|otherwise)$",
    re.I,
)
# the present or the future said of the study: "will enrol", "are eligible", "aims", "take part" (round 14's list)
_PRESENT_FINITE = re.compile(
    r"\b(?:is|are|am|will|shall|can|must|do|does|take|takes|attend|attends|join|joins|complete|completes|concerns?|studies|"
    r"enrols?|enrolls|includes?|involves?|targets?|recruits?|form|forms|comprises?|aims?|seeks?|plans?|intends?|invites?|"
    r"compares?|tests?|evaluates?|assesses|examines|investigates?|explores?|receive|receives|"
    # a modal or an eligibility word said of the people: "patients ... who participated in the above study ... may be
    # eligible for the current study" (NCT00001758, tune part) is this study's population
    r"may|might|could|should|would|be|eligible|qualify|qualifies)\b",
    re.I,
)
# a past relative clause on the population: "persons ... who died", "children who were treated", "patients that had"
_PAST_RELATIVE = re.compile(
    rf"\b(?:who|that|whom)[^\S\n]+(?:(?:had|were|was|later|subsequently|eventually|previously|then|all|also)[^\S\n]+)*"
    rf"(?P<verb>{_IRREGULAR_PAST}|{_REGULAR_PAST}|had|were|was)\b",
    re.I,
)


# the verbs that narrate a trial's conduct: old NHLBI records tell the study's own trial in the past tense under
# "BACKGROUND:" ("The Stanford Weight Control Project (SWCP) randomized 155 ... men, aged 30-59 years, to one of three
# groups", NCT00000519, tune part) — that age is the trial's own and is read as before (a sub-group's at least)
_TRIAL_CONDUCT = re.compile(
    r"\b(?:randomi[sz]ed|randomly\s+assigned|allocated|assigned|enrol(?:l)?ed|recruited|registered|screened|consented|"
    r"accrued|entered|admitted\s+to\s+(?:the|this)\s+(?:study|trial))\b",
    re.I,
)


def narrates_trial_conduct(sentence: str) -> bool:
    """The sentence tells how a trial was run (randomised, assigned, enrolled): perhaps this study's own, told afterwards."""
    return _TRIAL_CONDUCT.search(sentence) is not None


def past_main_verb(sentence: str, noun_start: int) -> bool:
    """The sentence tells what was done: a past verb right after its subject before the population noun ("The IAP quantified
    ... in persons age 10 to 69", "Our group examined 300 children aged 5-9"), and no verb in the present or the future."""
    if _PRESENT_FINITE.search(sentence):
        return False
    for m in _PAST_AFTER_SUBJECT.finditer(sentence, 0, noun_start):
        if _NOT_A_VERB.match(m.group("verb")) or _NOT_A_SUBJECT.match(m.group("subj") or "") or _TRIAL_CONDUCT.match(m.group("verb")):
            continue
        return True
    return False


def past_relative_clause(sentence: str, e: int, governed: bool = False) -> bool:
    """A relative clause right after the age tells the people's past ("persons age 10 to 69 who died between 1960 and 1965",
    "children aged 2-5 who were treated in 1998"): others than this study's participants, unless the sentence has a present or
    future verb outside that clause ("Adults aged 30-50 who smoked in the past year will be enrolled"). The present perfect
    ("who have completed") is the participants' own history and no past clause."""
    m = _PAST_RELATIVE.search(sentence, e, min(len(sentence), e + 60))
    if m is None or _NOT_A_VERB.match(m.group("verb")) or re.search(r"[.;:]", sentence[e : m.start()]):
        return False
    if governed:
        return True
    outside = sentence[: m.start()] + " " + re.split(r"[,;]", sentence[m.end() :], maxsplit=1)[-1]
    return not _PRESENT_FINITE.search(outside)


def earlier_sample(sentence: str, s: int, e: int) -> bool:
    """The age (``sentence[s:e]``) belongs to people another study or a past event described: a past main verb before them
    or a past relative clause on them (see above), in a sentence that does not name this study ("we", "this study"). Such
    an age is no limit of this trial at all, not even a sub-group's."""
    if _STUDY_NAMED.search(sentence):
        return False
    noun = _noun_before(sentence, s)
    if past_main_verb(sentence, s if noun is None else noun):
        return True
    # the people after a preposition ("Records of men 40-79 years old that were treated ... are the reference") are no
    # subject of the present verb: their past clause decides
    governed = noun is not None and _GOVERNED.search(sentence[:noun]) is not None
    return past_relative_clause(sentence, e, governed)


# a description's section heading on its own line ("BACKGROUND:", "Rationale", "Previous studies:", "1. Introduction") and
# any other heading that ends such a section ("OBJECTIVES:", "Study design")
_HEADING_LINE = re.compile(r"^[^\S\n]*(?:[0-9IVX]{1,3}[.)][^\S\n]*)?(?P<title>[A-Za-z][A-Za-z ,/&'-]{1,48}?)[^\S\n]*:?[^\S\n]*$", re.M)
_BACKGROUND_TITLE = re.compile(
    r"^(?:(?:scientific|study|clinical)\s+)?(?:background|rationale|introduction|previous\s+(?:studies|research|work|findings)|"
    r"prior\s+(?:studies|research|work)|preliminary\s+(?:data|studies|results|findings)|literature(?:\s+review)?|"
    r"background\s+(?:and|&)\s+(?:rationale|significance)|significance)$",
    re.I,
)


def under_background_heading(text: str, pos: int, lo: int = 0) -> bool:
    """The age stands under a "Background" / "Rationale" / "Introduction" / "Previous studies" heading of a description, up
    to the next heading: what is known, not who this study enrols. A heading is a short line of its own, in capitals or
    ending with a colon (an ordinary short line of prose is no heading)."""
    last = None
    for m in _HEADING_LINE.finditer(text, lo, pos):
        line = m.group(0).strip()
        title = m.group("title").strip()
        if len(title.split()) > 5 or not (line.endswith(":") or title.isupper()):
            continue
        last = title
    return last is not None and bool(_BACKGROUND_TITLE.match(last))


def _attached_to_population(sentence: str, s: int, e: int) -> bool:
    """The age (sentence[s:e]) belongs to a population noun phrase: the noun right before it or right after an
    "N-year-old" adjective, or a label naming the population."""
    left = sentence[:s]
    if _POP_BEFORE.search(left[-80:]) or _POP_AGES_SUBJECT.search(left[-120:]) or _OPENS_WITH_AGE.match(left):
        return True
    if _YEAR_OLD_END.search(sentence[s:e].rstrip()) and _POP_AFTER.match(sentence, e):
        return True
    # "N-year-old" read without "old": "30–50-year-old adults" matched as "30–50-year"
    old = _OLD_AFTER.match(sentence, e)
    if old is not None and _POP_AFTER.match(sentence, old.end()):
        return True
    return bool(_POP_LABEL.search(left))


def _noun_before(sentence: str, s: int) -> int | None:
    """Where the population noun right before the age starts (None when the noun follows the age or a label names it)."""
    m = _POP_BEFORE.search(sentence, max(0, s - 80), s)
    return m.start() if m is not None and m.end() == s else None


def _several_groups(sentence: str, s: int, e: int) -> bool:
    """The sentence names people of another kind in a list beside the age's own ("…, their parents, and teachers"); "men
    and women", "boys and girls" joined by "and" alone are one population."""
    people = [m for m in _PEOPLE.finditer(sentence) if not s <= m.start() < e]
    if len(people) < 2:
        return False
    words = {m.group(0).lower().rstrip("s") for m in people}
    if len(words) < 2:
        return False
    # a comma between two of the people nouns makes a list of groups
    return any("," in sentence[a.end() : b.start()] for a, b in zip(people, people[1:]))


def population_claim(sentence: str, s: int, e: int, first_sentence: bool) -> bool:
    """A summary sentence claims who takes part: the age (``sentence[s:e]``) is attached to a population noun phrase, and
    the sentence says nothing else about those people (see the module docstring). ``first_sentence``: the sentence opens
    its field (a title-like opening names the trial's population)."""
    if not _attached_to_population(sentence, s, e):
        return False
    # (the age's own words are no veto: "no older than 50"; nor a relative clause's history: "who have had a stroke")
    rest = _NO_LIMIT.sub(" ", _RELATIVE_HISTORY.sub(" ", sentence[:s] + " " + sentence[e:]))
    if _PAST.search(rest) or _MODAL_OR_NEG.search(rest) or _TREATMENT.search(rest):
        return False
    if _BACKGROUND.search(rest) or _ONE_GROUP.search(rest) or _PAST_STUDY_VERB.search(rest) or _EXCLUDED_OR_CONDITIONAL.search(rest):
        return False
    if _several_groups(sentence, s, e):
        return False
    noun = _noun_before(sentence, s)
    # (fifteenth round) a past main verb before the population ("The IAP quantified ... in persons age 10 to 69") or a past
    # relative clause on it ("... who died between 1960 and 1965"): an earlier sample, not this study's
    if past_main_verb(sentence, s if noun is None else noun) or past_relative_clause(sentence, e):
        return False
    if noun is not None and _GOVERNED.search(sentence[:noun]) and _FINITE_VERB.search(sentence) and not _STUDY_NAMED.search(sentence):
        return False
    if not _FINITE_VERB.search(sentence):
        # a title or a label: the population of the trial when it opens the field or is labelled as such
        return first_sentence or bool(_POP_LABEL.search(sentence[:s]))
    return True


_FOR_POPULATION = re.compile(rf"\bfor\s+(?:[A-Za-z-]+\s+){{0,3}}?{_POP}\s*(?:\(\s*)?(?:aged?\s+|ages\s+|between\s+)?$", re.I)


def title_for_population(text: str, lo: int, pos: int) -> bool:
    """A field that opens with a title naming the trial's population after "for" ("Home exercise for women aged 30 to 50
    years with knee pain (HEX-K). …"): that "for" names who the trial is for, not a condition ("Karnofsky ≥ 70 for patients
    over 16"). Only in the field's first sentence, and only before any finite verb."""
    left = text[lo:pos]
    return bool(_FOR_POPULATION.search(left[-60:])) and not re.search(r"[.;:!?]\s", left) and not _FINITE_VERB.search(left)


# a summary sentence whose subject, the people of an age, is kept out of the whole study: "Those aged under 30 or over 50
# years will not be considered.", "Patients younger than 30 or older than 50 are not eligible.", "Anyone under 30 cannot
# take part." (not "… are excluded from Random 2": one part of a protocol; not "If …, women … will be excluded": a condition)
_EXCLUDED_SUBJECT = re.compile(
    rf"^[^\S\n]*(?:(?:the|all|any)\s+)?(?:those|anyone|anybody|{_POP})\b[^.;:!?\n]{{0,90}}?\b"
    r"(?:(?:will|shall|would|are|is|can)\s+not\s+be\s+(?:considered|included|eligible|enrolled|accepted|recruited|admitted|invited)|"
    r"(?:will|shall|would)\s+be\s+excluded|are\s+(?:excluded|ineligible)|is\s+(?:excluded|ineligible)|cannot\s+(?:take\s+part|participate|join|be\s+included)|"
    r"(?:are|is)\s+not\s+(?:eligible|allowed|permitted)|may\s+not\s+(?:take\s+part|participate|join))"
    r"(?:\s+(?:from|in|for)\s+(?:this|the)\s+(?:study|trial|research|participation)|\s+(?:to|for)\s+(?:participate|participation|enrolment|enrollment|inclusion))?"
    r"[^\S\n]*[.!]?[^\S\n]*$",
    re.I,
)


def excluded_population(sentence: str) -> bool:
    """The sentence keeps the people of its age out of the study (its ages are read as an exclusion's: inverted)."""
    return bool(_EXCLUDED_SUBJECT.match(sentence)) and not re.search(r"\b(?:if|when|unless|whether|otherwise)\b", sentence, re.I)
