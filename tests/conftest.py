import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"
SEED_PAGE = SEEDS / "000_39e40e8ef963eca8.txt"
# The real registry data lives beside the repository (../shared/data); CI lays it there too.
SHARED_DATA = Path(os.environ.get("TRIAL_AUDIT_SHARED_DATA", ROOT.parent / "shared" / "data"))


@pytest.fixture(scope="session")
def shared_data() -> Path:
    if not SHARED_DATA.is_dir():
        pytest.skip(f"real registry data not found at {SHARED_DATA} (set TRIAL_AUDIT_SHARED_DATA)")
    return SHARED_DATA


def seed_inputs() -> list[tuple[Path, bytes]]:
    """(path, bytes) of every bundled seed file in a record format, for mutation tests."""
    return [(p, p.read_bytes()) for p in sorted(SEEDS.iterdir()) if p.suffix in {".json", ".xml", ".txt", ".csv"}]


@pytest.fixture
def installed_layout(tmp_path) -> Path:
    """The source tree laid out as it installs (trial_audit/, trial_audit/checks/, ...), by symlinks:
    static tools (import-linter, mypy) read it without an install."""
    top = tmp_path / "mirror" / "trial_audit"
    top.mkdir(parents=True)
    for entry in (ROOT / "audit").iterdir():
        (top / entry.name).symlink_to(entry)
    for folder in ("checks", "reports", "seeds"):
        (top / folder).symlink_to(ROOT / folder)
    return top.parent
