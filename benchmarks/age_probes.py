"""Own probe set for TA201/TA202 (issue 20, age7 round): summary sentences and criteria items written the ways registrants
write them, half population-age claims that contradict the structured range (expect a finding), half look-alikes whose age
describes something else (expect none). Every record has structured ages 18 Years to 65 Years.

Run: python benchmarks/age_probes.py  (prints hits per group and the wrong ones)."""

from trial_audit.checks.ta201_summary_age_contradicts_structured import SummaryAgeContradictsStructured
from trial_audit.checks.ta202_criteria_age_contradicts_structured import CriteriaAgeContradictsStructured
from trial_audit.core.model import record_from_example
from trial_audit.engine.registry import Context

# claims: the population's age differs from 18-65
SUMMARY_CLAIMS = [
    "This trial looks at older people, 70 years and up, who live alone.",
    "Seniors in their seventies (70-79) living in the community can join.",
    "Our study concerns youngsters 8 to 14 yrs with migraine.",
    "Target age group: 40 - 80 years.",
    "Subjects: men and women, age 30-85.",
    "Adults over the age of 70 with knee pain are the focus of this study.",
    "Kids aged five to twelve with asthma are being sought.",
    "Children (6 months - 5 years) with fever will be given the vaccine.",
    "Infants 2-11 months old will receive two doses.",
    "We are looking at adolescents, 13–17 y/o, with type 1 diabetes.",
    "Eighty women aged 45-75 years with osteoporosis will take part.",
    "The sample comprises 200 persons 60+ recruited from primary care.",
    "Smokers ≥ 21 yrs who want to quit can take part.",
    "In this pilot, 30 elderly patients (≥75 y) undergoing hip surgery receive the drug.",
    "Study population: 12 to 17 year-old girls.",
    "People from 50 up to 90 years will be enrolled.",
    "This study is for individuals no older than 40.",
    "Those between the ages of 70 and 90 who have dementia are invited.",
    "Veterans aged 70 or more with PTSD are recruited at three sites.",
    "A total of 120 participants aged 6-16 will be randomised.",
    "Population: teenagers (13-19 yrs old).",
]
# look-alikes: an age of something else (expect no finding)
SUMMARY_LOOKALIKES = [
    "Participants will be followed for 5 years after surgery.",
    "Patients with a disease duration of at least 10 years are common in this clinic.",
    "The mean age of patients in our previous cohort was 72 years.",
    "In the US, the prevalence of hypertension among adults over 75 is 80%.",
    "Parents of children under 5 will complete a questionnaire.",
    "Controls will be age-matched (± 5 years) to cases.",
    "The incidence of hip fracture rises sharply after age 80.",
    "Earlier trials enrolled patients aged 70 to 90 and found no benefit.",
    "Symptoms usually begin before age 10.",
    "Data from 2010 to 2020 will be analysed.",
    "Caregivers aged 70 or older often report burden.",
    "The drug has been on the market for 30 years.",
    "One cohort will include adolescents aged 12-17 in a later phase.",
    "Women who reached menopause before age 40 have a higher fracture risk.",
    "Patients will receive treatment every 3 months for 2 years.",
    "Median age at diagnosis is 70 years in Europe.",
    "Smoking history of more than 10 pack-years is frequent in this population.",
    "Children under 2 years are at the highest risk of severe RSV disease, according to WHO.",
    "The study will last 3 years and include 100 adults.",
    "Vaccination at 12 months of age is recommended by national guidelines.",
    "Half of patients over 80 years had a fall in the last year in a recent survey.",
]
CRITERIA_CLAIMS = [
    "70 years and up",
    "Adults in their seventies (70-79)",
    "Youngsters 8 to 14 yrs",
    "Age group 40 - 80 years",
    "Men and women, age 30-85",
    "Over the age of 70",
    "Kids aged five to twelve",
    "Children 6 months - 5 years",
    "Adolescents 13–17 y/o",
    "Persons 60+",
    "Smokers ≥ 21 yrs who want to quit",
    "Elderly (≥75 y) undergoing hip surgery",
    "12 to 17 year-old girls",
    "From 50 up to 90 years",
    "No older than 40",
]
CRITERIA_LOOKALIKES = [
    "Diabetes for at least 5 years",
    "Disease duration of less than 10 years",
    "Onset of symptoms before age 10",
    "Smoking history of at least 10 pack-years",
    "Parent or guardian of a child under 5 years",
    "Postmenopausal, defined as no menses for 12 months or age above 55",
    "Able to attend visits for 2 years",
    "History of stroke within the last 3 years",
    "Diagnosed after the age of 70",
    "Living in the area for at least 20 years",
    "Received vaccination at 12 months of age",
    "Caregiver aged 70 or older available",
    "Stable dose for 3 months",
    "HIV infection for more than 15 years",
    "Age-matched to cases within 5 years",
]


def _summary(text):
    rec = dict(brief_summary=text, minimum_age="18 Years", maximum_age="65 Years")
    return list(SummaryAgeContradictsStructured().check(record_from_example(rec), Context()))


def _criteria(item):
    crit = f"Inclusion Criteria:\n\n  -  {item}\n  -  Able to give informed consent\n"
    rec = dict(criteria=crit, minimum_age="18 Years", maximum_age="65 Years")
    return list(CriteriaAgeContradictsStructured().check(record_from_example(rec), Context()))


def main() -> None:
    total_ok = total = 0
    for name, items, fn, want in (
        ("summary claims", SUMMARY_CLAIMS, _summary, True),
        ("summary look-alikes", SUMMARY_LOOKALIKES, _summary, False),
        ("criteria claims", CRITERIA_CLAIMS, _criteria, True),
        ("criteria look-alikes", CRITERIA_LOOKALIKES, _criteria, False),
    ):
        wrong = [t for t in items if bool(fn(t)) != want]
        ok = len(items) - len(wrong)
        total_ok += ok
        total += len(items)
        print(f"{name}: {ok}/{len(items)} right")
        for t in wrong:
            print(f"   wrong: {t}")
    print(f"all: {total_ok}/{total}")


if __name__ == "__main__":
    main()
