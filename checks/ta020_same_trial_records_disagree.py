from trial_audit.checks._shared.registry import compare_digests, make_digest, trial_keys
from trial_audit.core.findings import Category, Severity
from trial_audit.engine.registry import RunRule, register


@register
class SameTrialRecordsDisagree(RunRule):
    """Two records of the same trial disagree on what must agree (ages, status, dates, target size, sponsor).

    ## What it does

    Meets the records of one trial across the run: the same registry ID in two inputs (an ICTRP
    export and a ClinicalTrials.gov download), or a record naming another registry's ID as its
    secondary ID (an ICTRP secondary ID, a DRKS record's EudraCT or other primary register
    number; an EU register record and its country copies meet on the EudraCT number).

    Reports, on the later record and naming the earlier one: a different registration date
    (records of one registry ID); and, when the two records are of the same moment (both state
    the same export or version date), different age limits, recruitment status (recruiting or
    not), start date, target sample size or primary sponsor. Copies exported on different dates,
    or not dated, are compared only on the registration date: a status, size or age limit that changed
    between two exports is an update, not a contradiction. The start and registration dates of
    an EU register record are its country's, and are not compared between country copies.

    ## Why it matters

    The WHO ICTRP merges the records of one trial from several registries, and reviewers take
    the record they find first. When the records disagree on who may take part, whether the
    trial recruits, when it started or how large it is, at least one of them misinforms
    patients and reviewers, and no one notices until the trial is published.

    ## Fix

    Check the trial's registry records against the protocol and correct the wrong one; where
    a registry copy is simply older, ask that registry (or ICTRP) to refresh it.

    ## References

    - WHO ICTRP, Trial Registration Data Set (items 1-2: primary registry and secondary IDs):
      https://www.who.int/tools/clinical-trials-registry-platform/network/who-data-set
    """

    code = "TA020"
    name = "same-trial-records-disagree"
    category = Category.REGISTRY
    severity = Severity.WARNING
    bad = [
        {
            "registry_id": "ChiCTR2000029953",
            "registry": "ChiCTR",
            "minimum_age": "18 Years",
            "as_of": "2020-03-18",
            "extra": {"earlier_record": {"registry_id": "ChiCTR2000029953", "registry": "ChiCTR", "minimum_age": "14 Years",
                                         "as_of": "2020-03-18"}},
        },
        {
            "registry_id": "NCT04292899",
            "dates": {"first_submitted": "2020-03-02"},
            "as_of": "2020-04-15",
            "extra": {"earlier_record": {"registry_id": "NCT04292899", "dates": {"first_submitted": "2020-03-03"}, "as_of": "2020-03-18"}},
        },
    ]  # fmt: skip
    good = [
        {
            "registry_id": "NCT04292899",
            "minimum_age": "12 Years",
            "as_of": "2020-04-15",
            "extra": {"earlier_record": {"registry_id": "NCT04292899", "minimum_age": "18 Years", "as_of": "2020-03-18"}},
        },
        {
            "registry_id": "ChiCTR2000029953",
            "minimum_age": "18 Years",
            "extra": {"earlier_record": {"registry_id": "ChiCTR2000029954", "minimum_age": "14 Years"}},
        },
    ]

    def digest(self, record, record_id):
        return make_digest(record, record_id)

    def keys(self, digest):
        return trial_keys(digest)

    def compare(self, digest, earlier):
        for message, evidence, related in compare_digests(digest, earlier):
            yield self.finding(message, evidence=evidence, related=related)
