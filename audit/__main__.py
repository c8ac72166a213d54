"""``python -m trial_audit``: the command line, run the way a script or notebook imports the package."""

from trial_audit.cli.app import main

main()
