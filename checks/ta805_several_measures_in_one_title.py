from trial_audit.checks._shared.outcomes import carries_outcomes, field, label, quote, whole
from trial_audit.core.findings import Category, Evidence, Severity
from trial_audit.engine.registry import Rule, register
from trial_audit.text.hygiene import carries
from trial_audit.text.outcome_measures import SEVERAL_TIME_POINTS, several_measures
from trial_audit.text.outcome_one_measure import widen_name


@register
class SeveralMeasuresInOneTitle(Rule):
    """One outcome title runs several distinct measures together (two instruments, two time points).

    ## What it does

    Reports an outcome measure whose title is clearly more than one measure: two distinct
    instruments or lab values joined by "and" or a comma ("PANSS and CGI scores"), an
    enumerated list ("1) weight 2) BMI", "① X ② Y", or at the title's start "1- X 2- Y", "1: X 2: Y"), a value or score
    beside a count of clinical events ("Bone mineral density and new fractures"; two events side by side,
    "falls and fractures", may be one count), two laboratory values each named by its specimen ("Serum IgE /
    blood eosinophil count"), or two time points of one measure ("HbA1c at 3 and 6
    months", "at weeks 2, 4 and 12"; not a change between two time points, "from week 1 to week
    8"; not where the format has no time-frame field, as the WHO ICTRP exports: there the title is
    the only place for its time points). Acronyms that describe who is studied ("patients with PIK3CA WT and PIK3CA MT") are not
    measures. An abbreviation in brackets after its own name ("Hamilton Depression Rating Scale
    (HAM-D)") is one instrument. Analytes read out by one named assay or method ("B-cell IgG and IgA
    ELISPOT assay", "IL-6 and TNF measured by ELISA", "CD4 and CD8 counts by flow cytometry") are
    one measure; two scores stay two measures ("PANSS and CGI scores measured by a rater"). A list
    after a method lead ("measured using multiplex array, ELISA, EIA and HPLC", "assessed by VAS and
    NRS", "via", "according to SF-36 and EQ-5D") names how one measure is taken, not several
    measures. Common measures in plain words count as measures ("blood pressure and heart rate",
    "body weight and BMI", "HbA1c/FPG"), but not names that hold "and" ("Hospital Anxiety and
    Depression Scale", "signs and symptoms", "nausea and vomiting"), a ratio ("LDL/HDL ratio"), an
    imaging modality ("PET/CT"), an event-based measure ("time to progression and death"), or a
    pharmacokinetic outcome with its parameters in brackets ("Pharmacokinetics (Cmax, AUC)").
    A list of imaging or examination methods only ("CT and MRI of hip", "X-ray, CT and MRI of the
    knee", "ultrasound and biopsy") names how one thing is examined, not several measures.
    Parts of one measure are not several either: a list the title calls one composite ("anxiety and
    depression represent a composite primary outcome", "composite score of pain, fatigue and sleep"),
    and patient-reported domains followed by the one named instrument that scores them as its
    subscales ("anxiety and depression, as measured by the Hospital Anxiety and Depression scale",
    "depression and anxiety scores on the DASS-21"); the total and subscale scores of one instrument
    are one measure too. Each domain on its own instrument ("anxiety and depression assessed with the
    GAD-7 and PHQ-9") is two measures, and vital signs or lab values are never one questionnaire's
    subscales ("blood pressure and heart rate"). Whole measure phrases joined by any joiner ("and",
    "&", "plus", "as well as", "together with", ";", ",") are several when each names a measure of its
    own: a quantity's head word said of something ("Change in PHQ-9 score and GAD-7 score",
    "Incidence of delirium as well as length of ICU stay", "Length of hospital stay and 30-day
    readmission"), or a named instrument or common measure; not when the second part continues the
    first one's object or population ("Levels of anxiety and depression", "in patients with X and
    Y"), names kinds of adverse events ("AEs and SAEs"), lies inside one instrument's name ("Eczema
    Area and Severity Index (EASI)"), follows a label, "defined as" or "including", or repeats the
    same measure at another site ("low back pain and leg pain"). Two measures each with its own instrument in brackets
    ("quality of life (SF-36) and anxiety (HADS)") are several, unless the brackets only abbreviate
    the words before them ("adverse events (AEs) and serious adverse events (SAEs)") or name
    subscales of one instrument ("HADS-A", "HADS-D"). Nor is a joiner inside one measure: a category
    label before its one score ("COPD Symptoms, Breathing Score"), domains followed by ":", "by",
    "using" or brackets naming one instrument ("Quality of Life and Function: SF-36"), one
    instrument's subscales sharing "scores" ("UFS-QOL Symptom Severity and HRQL scores"), a condition
    ("following single and repeat doses"), the factors of one analysis ("influence of A, B and C on
    Y") or the two operands of a ratio or difference ("Ratio of liver and splenic stiffness").

    ## Why it matters

    Each outcome measure is reported in the results as one table with one unit and one
    analysis; a title that holds two measures cannot be, and the registry's results review
    returns it. Time points belong in the time frame, where each is reported.

    ## Fix

    Register each measure as its own outcome measure; list several time points of one measure in
    its time frame.

    Fix safety: the finding's suggestion is an instruction to the curator, not a replacement text;
    nothing is changed automatically.

    ## References

    - ClinicalTrials.gov PRS Review Criteria, "Outcome Measures" - multiple measures listed as one
      outcome measure should be entered separately (https://prsinfo.clinicaltrials.gov/ProtocolDetailedReviewItems.pdf)
    """

    code = "TA805"
    name = "several-measures-in-one-title"
    category = Category.OUTCOME
    severity = Severity.WARNING
    bad = [
        {
            "outcomes": [
                {"kind": "PRIMARY", "title": "Change in Beck Depression Inventory and Hamilton Rating Scale", "time_frame": "Week 8"}
            ]
        },
        {"outcomes": [{"kind": "SECONDARY", "title": "HbA1c at 3 and 6 months", "time_frame": "3 and 6 months"}]},
    ]
    good = [
        {"outcomes": [{"kind": "PRIMARY", "title": "Change in Hamilton Depression Rating Scale (HAM-D) score", "time_frame": "Week 8"}]},
        {"outcomes": [{"kind": "SECONDARY", "title": "Change in HbA1c", "time_frame": "3 and 6 months"}]},
    ]

    def check(self, record, ctx):
        if not carries_outcomes(record):
            return
        for k, o in enumerate(record.outcomes):
            found = several_measures(o.title)
            if found is None or (found.why == SEVERAL_TIME_POINTS and not carries(record, "outcome_time_frames")):
                continue
            title = o.title or ""
            (a0, a1), (b0, b1) = found.first, found.second
            if (a0, a1) != (b0, b1):
                a0 = widen_name(title, a0)  # "Positive and Negative Symptoms Scale", not "Negative Symptoms Scale"
            parts = f'"{title[a0:a1]}"' if (a0, a1) == (b0, b1) else f'"{title[a0:a1]}", "{title[b0:b1]}"'
            yield self.finding(
                f'The title of {label(record, k)}, "{quote(title)}", holds several measures: {found.why} '
                f"({parts}). Register each measure as its own outcome; put several time points of one measure in its time frame.",
                evidence=Evidence.span(field(k, "title"), title, a0, a1),
                related=[Evidence.span(field(k, "title"), title, b0, b1)] if (a0, a1) != (b0, b1) else [whole(record, k, "time_frame")],
                suggestion="Split the title into one outcome measure per measure; list time points in the time frame.",
            )
