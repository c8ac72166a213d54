"""Record types every other layer shares: the canonical trial record, dates, ages, findings and the run's report."""
