"""``python -m trial_audit``: the command line, run the way a script or notebook imports the package."""

from trial_audit.cli.app import main

# guarded: worker processes started with "spawn" (Dask's LocalCluster) import this module again
# as ``__mp_main__``, and must not run the command line a second time
if __name__ == "__main__":
    main()
