"""An inclusion item that requires every participant to be pregnant, in a trial that names no pregnancy.

Pregnancy is no organ system's disease (ICD-10-CM chapter 15 decides nothing in ``condition_systems``), but a
requirement to be pregnant ("Singleton pregnancy between 24 and 34 weeks of gestation", "Pregnant women in
the second trimester") in a trial of knee osteoarthritis or COVID-19 testing is the same copy-paste defect as
a disease of another organ system: read literally, nobody the trial registers can enrol. Trials of a pregnant
population say so - in their conditions (pre-eclampsia, preterm labour: chapter 15 codes), titles, keywords,
summaries or interventions ("maternal", "antenatal", "in pregnant women"), or in other inclusion items
(gestational age, fetal, delivery). The requirement is reported only when none of these does, and only in a
record with a title or summary: a bare criteria-table row cannot say that it studies pregnant women.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from trial_audit.core.model import TrialRecord
    from trial_audit.text.condition_analysis import Analysis
    from trial_audit.text.criteria import Item

#: the item states a pregnancy as the participant's state: optional head words, then the pregnancy
_REQUIRES_PREGNANCY = re.compile(
    r"^\W*(?:(?:a|an|the|women|woman|females?|participants?|patients?|subjects?|who|are|is|must|be|with|have|has|having|"
    r"currently|confirmed|documented|ongoing|viable|live|healthy|singleton|twin|intrauterine|nulliparous|primiparous|"
    r"multiparous|low[\s-]risk|high[\s-]risk|uncomplicated)\W+)*(?:pregnan(?:t|cy|cies)|gravid)\b",
    re.IGNORECASE,
)
#: words that make the item a negation, a permission, a test or a condition on those who are pregnant
_NOT_REQUIRED = re.compile(
    r"\b(?:not|no|non|negative|test|tests|testing|exclud\w*|ineligible|allowed|permitted|may|if|unless|plan\w*|"
    r"intend\w*|breast[\s-]?feeding|lactating|nursing|or\s+(?:planning|breast)|potential|contracept\w*|avoid\w*|prevent\w*)\b",
    re.IGNORECASE,
)
#: words of an obstetric population in what a record declares or in its other inclusion items
OBSTETRIC = re.compile(
    r"\b(?:pregnan\w*|obstetric\w*|gestation\w*|antenatal|ante[\s-]natal|prenatal|perinatal|peripartum|intrapartum|post[\s-]?partum|"
    r"matern\w*|mothers?|fetal|fetus\w*|foetal|foetus\w*|trimester\w*|labou?r|deliver\w*|birth\w*|caesar\w*|cesar\w*|"
    r"eclampsia|pre[\s-]?eclampsia|placent\w*|miscarriage\w*|abortion\w*|stillbirth\w*|preterm|neonat\w*|newborn\w*|"
    r"midwi\w*|parturi\w*|puerper\w*|lactation|breast[\s-]?feed\w*|in\s+vitro\s+fertili[sz]ation|ivf|embryo\w*|obstetrics|"
    # abbreviations of pregnancy programmes: intermittent preventive treatment in pregnancy, mother-to-child transmission
    r"iptp|pmtct|e?mtct)\b",
    re.IGNORECASE,
)
_DECLARED_FIELDS = ("brief_title", "official_title", "acronym", "brief_summary", "detailed_description", "plain_summary")


def obstetric_record(a: Analysis, record: TrialRecord) -> bool:
    """The record declares a pregnant population: an obstetric word or a chapter-15 / perinatal code."""
    if any(c[:1] in ("O", "P") or c.startswith(("Z33", "Z34", "Z36", "Z39")) for c in a.declared_codes):
        return True
    texts = [src.text for src in a.declared]
    texts += [str(getattr(record, f, None) or "") for f in _DECLARED_FIELDS]
    texts += [str(getattr(iv, "name", None) or "") for iv in getattr(record, "interventions", None) or []]
    return any(OBSTETRIC.search(t[:5000]) for t in texts if t)


def pregnancy_requirements(a: Analysis, record: TrialRecord) -> Iterator[tuple[Item, int, int]]:
    """(item, start, end of the pregnancy words) for inclusion items that require everyone to be pregnant,
    when nothing else in the record says the trial enrols pregnant women."""
    from trial_audit.text.condition_inclusion import inclusion_spans
    from trial_audit.text.condition_population import little_context

    if a.doc is None or little_context(record) or getattr(record, "sex", None) == "MALE" or obstetric_record(a, record):
        return
    text = a.doc.text
    spans = inclusion_spans(a.doc, text)
    found: list[tuple[Item, int, int]] = []
    others = 0
    for sec in a.doc.sections:
        if id(sec) not in spans:
            continue
        for item in sec.iter_items():
            ts, te = item.text_start, item.text_end
            if te > spans[id(sec)][1] or getattr(item, "parent", None) is not None or id(item) in a.scoped:
                continue
            body = text[ts:te]
            m = _REQUIRES_PREGNANCY.match(body)
            if m and not _NOT_REQUIRED.search(body):
                found.append((item, ts + m.start(), ts + m.end()))
            elif OBSTETRIC.search(body) and not _NOT_REQUIRED.search(body):
                others += 1  # another item about the pregnancy (gestational age, fetal, delivery): a pregnant population
    if len(found) == 1 and not others:
        yield found[0]
