"""The organ system of a trial whose registered conditions name no organ disease.

Pain, injuries, pregnancy, contraception and operations are registered as conditions as often as
diseases are ("Postoperative pain", "Hip fractures", "Labor induction"). ICD-10-CM files them
outside the organ chapters (symptoms, injuries, pregnancy), so nothing places such a trial and
the scope rules stay silent. Their wording still names the body part, the operation or the
obstetric setting, and that names the specialty: a knee arthroplasty is orthopaedics (chapter 13),
a caesarean section obstetrics (chapter 15), a cholecystectomy the digestive system (chapter 11).

``setting_chapters(texts)`` reads the registered conditions, keywords, MeSH terms and titles of
such a trial and returns the chapters they place it in, each with the chapters a trial of that
setting legitimately requires diseases of (a pregnancy trial may require gestational diabetes,
chronic hypertension or an infection: its setting is pregnancy, not one organ). Used only when
nothing else places the trial; when no setting word is found, nothing is placed and the rules
stay silent.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

#: setting words -> the chapter they place a trial in. Stems of body parts, operations and
#: obstetric events, as registrants name them; no disease name (those are placed by ICD-10-CM).
_SETTINGS: tuple[tuple[str, str], ...] = (
    (
        "15",  # pregnancy, childbirth and the puerperium
        r"pregnan\w*|obstetric\w*|c(?:a)?esare(?:a|i)n\w*|labou?r\s+(?:induction|analgesia|pain|epidural)|induction\s+of\s+labou?r|"
        r"induced\s+(?:labou?r|delivery)|post[\s\-]?partum|peripartum|intrapartum|parturi\w*|childbirth|vaginal\s+(?:birth|delivery)|"
        r"preterm\s+(?:birth|labou?r|delivery)|antenatal|prenatal|gestation\w*|breastfeed\w*|lactation|midwi\w*",
    ),
    (
        "13:mech",  # musculoskeletal: joints, bones, spine, tendons, their injuries and operations (orthopaedics, not rheumatology)
        r"knees?|hips?|shoulders?|elbows?|wrists?|ankles?|spine|spinal\s+(?:fusion|surgery|stenosis)|lumbar|lumbopelvic|"
        r"low(?:er)?\s+back|back[\s\-]related|back\s+pain|neck\s+pain|arthroplast\w*|orthop(?:a)?edic\w*|fractures?|"
        r"tendon\w*|tendin\w*|ligament\w*|rotator\s+cuff|menisc\w*|musculoskeletal|sports?\s+injur\w*|athletic\s+injur\w*|"
        r"scapula\w*|acetabul\w*|femur|femoral\s+(?:neck|shaft|fracture)|tibia\w*|patell\w*",
    ),
    ("5", r"suicid\w*|self[\s\-]harm\w*"),  # mental and behavioural: suicidality, registered as a behaviour
    (
        "5:substance",  # substance use, registered as a behaviour rather than a disease (chapter 5, with its harms)
        r"alcoholism|alcohol\s+(?:use|abuse|dependence|drinking)|smoking|tobacco|nicotine|"
        r"substance\s+(?:use|abuse)|addiction\w*|opioid\s+(?:use|dependence)",
    ),
    ("6", r"brain\s+injur\w*|head\s+injur\w*|concussion\w*|spinal\s+cord\s+injur\w*|craniotom\w*|neurosurg\w*"),
    ("9", r"cardiac\s+surgery|heart\s+surgery|cardiopulmonary\s+bypass|coronary\s+artery\s+bypass|cabg|valve\s+(?:replacement|surgery)"),
    # the digestive system's three specialties (condition_systems.SUBSYSTEMS): the biliary tract, the gut, the mouth
    ("11:liver", r"cholecystectom\w*|lap(?:aroscopic)?\s+chole\w*"),
    ("11:gi", r"colectom\w*|gastrectom\w*|bariatric|hernia\w*|appendectom\w*|colonoscop\w*|endoscop\w*"),
    ("11:oral", r"dental|dentist\w*|tooth|teeth|molars?|periodont\w*|gingiv\w*|palat\w*|orthodont\w*|oral\s+surgery|halitosis"),
    ("14:kidney", r"nephrectom\w*"),
    # an organ transplant places a trial in its organ ("Kidney Transplantation", "Liver transplant recipients"); the
    # heart's and lungs' are left unplaced (their indications span chapters: amyloidosis, cystic fibrosis)
    ("transplant:kidney", r"(?:kidney|renal)\s+(?:transplant\w*|allograft\w*|graft\w*|recipients?)"),
    ("transplant:liver", r"(?:liver|hepatic)\s+(?:transplant\w*|allograft\w*|graft\w*|recipients?)"),
    ("14:genital", r"cystectom\w*|prostatectom\w*|hysterectom\w*|urolog\w*|contracept\w*|family\s+planning|intrauterine\s+device"),
    ("10", r"thoracic\s+surgery|thoracotom\w*|lobectom\w*|mechanical\s+ventilation|extubation|intubat\w*"),
)
_PATTERNS = tuple((ch, re.compile(r"\b(?:" + p + r")\b", re.IGNORECASE)) for ch, p in _SETTINGS)

#: chapters a trial of each setting legitimately requires diseases of: a pregnancy may come with
#: diabetes, hypertension, kidney disease, anaemia, an infection (HIV, malaria, group B
#: streptococcus) or a mental or substance use disorder (perinatal depression, opioid use in pregnancy) on purpose
#: substance use harms the liver, lungs and heart: a drinkers' or smokers' trial may require their diseases
_SETTING_LINKS = {"15": ("1", "3", "4", "5", "9", "14:kidney", "14:genital"), "5:substance": ("5", "9", "10", "11")}
#: transplant recipients are immunosuppressed: infections (cytomegalovirus, BK virus, hepatitis, HIV) are required of them
#: on purpose; a liver transplant is also the treatment of the metabolic liver diseases (Wilson's disease,
#: haemochromatosis, alpha-1 antitrypsin deficiency, chapter 4; alcohol use disorder is linked to the liver already)
#: (and calcineurin inhibitors bring gout to kidney recipients: post-transplant gout trials enrol by it)
#: (keys of these links only, like "5:substance": a cholecystectomy is in the liver's specialty without them)
_SETTING_LINKS |= {"transplant:kidney": ("14:kidney", "1", "13:crystal"), "transplant:liver": ("11:liver", "1", "4:metabolic")}
#: every setting: operations are often done for a cancer (gastrectomy, cystectomy, lobectomy) and
#: symptom and supportive-care trials enrol patients by their cancer ("pain in lymphoma patients"),
#: so a neoplasm is never foreign to a trial placed by its setting alone
_ANY_SETTING = ("2",)


def setting_chapters(texts: Iterable[str]) -> set[str]:
    """The chapters the setting words of some declared texts place a trial in, with their links."""
    out: set[str] = set()
    for t in texts:
        t = t[:500]  # a registered name or a title; an over-long field is not read further
        for ch, pat in _PATTERNS:
            if ch not in out and pat.search(t):
                out.add(ch)
    for ch in list(out):
        out.update(_SETTING_LINKS.get(ch, ()))
    out.discard("5:substance")  # a key of the links only: the chapter is "5"
    out -= {"transplant:kidney", "transplant:liver"}
    if out:
        out.update(_ANY_SETTING)
    return out
