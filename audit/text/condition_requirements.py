"""What an inclusion item states about conditions when it is no requirement to have one.

An item that asks for conduct - agreeing, being willing, refraining from a treatment - names
conditions as the context of that conduct ("Agree not to use other treatment for benign prostatic
hyperplasia, erectile dysfunction or overactive bladder (including herbal treatments)"): it is
neither a list of the eligible diseases nor a requirement to have one.
"""

from __future__ import annotations

import re

#: an item about the participant's conduct, not a disease (agreement, willingness, abstention)
CONDUCT_ITEM = re.compile(
    r"\b(?:agree\w*|willing\w*|consent\w*|refrain\w*|abstain\w*|(?:not|no)\s+(?:to\s+)?(?:use|take|start|receive)\b)",
    re.IGNORECASE,
)
