"""The engine: rule registry, runner, result store, baseline, batch table, schema rules and the submission gate."""
