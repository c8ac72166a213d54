from trial_audit.core.findings import Category, Evidence, Severity
from trial_audit.core.registry_ids import REGISTRIES, id_has_shape, registry_named, registry_of_id
from trial_audit.engine.registry import Rule, register

_CTGOV = "ClinicalTrials.gov"


@register
class InvalidRegistryId(Rule):
    """A trial ID of a registry other than ClinicalTrials.gov does not have its registry's shape.

    ## What it does

    Checks the record's own ID in its registry (``registry_id``: an ICTRP ``TrialID``, a DRKS
    ``drksId``, the ID column of a criteria table) against the shape of that registry's IDs:
    ``ChiCTR2000029953``, ``CTRI/2020/03/024402``, ``EUCTR2020-000890-25-FR``, ``ISRCTN10077335``,
    ``ACTRN12620000417987``, ``DRKS00021134``, ``JPRN-UMIN000039686``, ``IRCT20080901001165N56``,
    ``KCT0005003``, ``TCTR20200321001``, ``PACTR202004693933092``, ``SLCTR/2020/011``,
    ``RBR-2dxyx4``, ``NL8460``, ``LBCTR2020043459``, ``RPCEC00000306``, ``PER-010-20`` and the
    other ICTRP registries (``trial_audit.core.registry_ids``). The registry is the one the
    record names (ICTRP's ``Source_Register``), else the one the ID's prefix belongs to; an ID
    that belongs to no known registry is not judged. NCT IDs are TA010's.

    ## Why it matters

    The registry ID is how the WHO ICTRP, journals and reviews link the records of one trial
    across registries. An ID with a missing digit, spaces or the wrong prefix does not resolve,
    breaks the bridging of the trial's records and splits one trial into two in every database
    that merges registries.

    ## Fix

    Copy the ID exactly as the registry shows it.

    ## References

    - WHO ICTRP, Trial Registration Data Set item 1 (primary registry and trial identifying number):
      https://www.who.int/tools/clinical-trials-registry-platform/network/who-data-set
    """

    code = "TA013"
    name = "invalid-registry-id"
    category = Category.SCHEMA
    severity = Severity.ERROR
    bad = [
        {"registry": "ChiCTR", "registry_id": "ChiCTR200002995"},
        {"registry": "DRKS", "registry_id": "DRKS 00021134"},
        {"registry": "CTRI", "registry_id": "ChiCTR2000029953"},
        {"registry_id": "ISRCTN1007733"},
    ]
    good = [
        {"registry": "ChiCTR", "registry_id": "ChiCTR2000029953"},
        {"registry": "CTRI", "registry_id": "CTRI/2020/03/024402"},
        {"registry_id": "EUCTR2020-000890-25-FR"},
        {"registry_id": "JPRN-UMIN000039686"},
        {"registry_id": "LOCAL-STUDY-7"},
    ]

    def check(self, record, ctx):
        trial_id = record.registry_id
        if not trial_id or record.registry == _CTGOV or trial_id.strip().upper().startswith("NCT"):
            return
        named = registry_named(record.registry)
        by_prefix = registry_of_id(trial_id)
        registry = named or by_prefix
        if registry is None:
            return
        if any(id_has_shape(trial_id, r) for r in ((registry,) if named else REGISTRIES)):
            return
        evidence = Evidence.whole("registry_id", trial_id)
        if trial_id != trial_id.strip() or " " in trial_id:
            problem = "has spaces in it"
        elif named is not None and (by_prefix is None or by_prefix.key != named.key):
            problem = f"does not start like a {named.name} ID"
        else:
            problem = "has the wrong shape"
        yield self.finding(
            f"The trial ID {trial_id!r} {problem}: a {registry.name} ID looks like {registry.example!r}. "
            "Copy the ID exactly as the registry shows it.",
            evidence=evidence,
            suggestion=f"Copy the {registry.key} ID exactly as the registry shows it.",
        )
