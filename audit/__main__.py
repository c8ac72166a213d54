"""``python -m trial_audit``: the command line, run the way a script or notebook imports the package."""

from trial_audit.cli import regex_cache

regex_cache.install()  # before the command line's modules compile their regular expressions (start-up)

from trial_audit.cli.app import main  # noqa: E402

# guarded: worker processes started with "spawn" (Dask's LocalCluster) import this module again
# as ``__mp_main__``, and must not run the command line a second time
if __name__ == "__main__":
    main()
