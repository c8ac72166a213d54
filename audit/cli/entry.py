"""The command line as a process: what ``trial-audit`` and ``python -m trial_audit`` run (start-up, exit).

Two costs of a short run are the process's, not the audit's (issue 21: a one-record audit in
0.5 s, docs/performance.md): compiling the rules' regular expressions on every start
(``cli.regex_cache``, installed here before the rule modules are imported), and the
interpreter's teardown at exit - freeing every module and the loaded lookups (the ICD-10-CM
tables, the condition vocabulary), ~0.08 s of CPU measured, for a process that is about to end.

``run`` runs the command line; when it finishes with an exit status, it runs the ``atexit``
handlers (the regex cache's writer, ``weakref.finalize`` callbacks such as temporary folders, the
logging shutdown), flushes stdout and stderr and leaves with ``os._exit``: the teardown is skipped,
not the work of the handlers. It does so only when the main thread is the only thread (a thread
still running - e.g. a Dask client's - gets the interpreter's normal shutdown, which joins it). An
exception other than ``SystemExit`` (a crash, Ctrl-C) takes the normal way, traceback and all.
"""

from __future__ import annotations

import os
import sys
from typing import Any, Callable


def exit_status(code: Any) -> int:
    """The process's exit status for ``SystemExit(code)``, as the interpreter computes it (it prints a message code)."""
    if code is None:
        return 0
    if isinstance(code, int):
        return code & 0xFF  # what the operating system keeps of any status
    sys.stderr.write(f"{code}\n")
    return 1


def leave(code: Any) -> None:
    """End the process with ``code`` after the atexit handlers, without the interpreter's teardown."""
    import atexit
    import threading

    if threading.active_count() > 1:
        raise SystemExit(code)  # other threads: the normal shutdown joins them
    status = exit_status(code)
    atexit._run_exitfuncs()  # the handlers' work is kept: only the freeing of memory is skipped
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except (OSError, ValueError):
            pass  # a closed pipe or stream: nothing more can be written, as at a normal exit
    os._exit(status)


def run(app: Callable[[], Any]) -> None:
    """Run the command line ``app`` (typer: it ends with ``SystemExit``) as the process's whole work."""
    from trial_audit.cli import regex_cache

    regex_cache.install()  # no-op when python -m trial_audit installed it before importing the command line
    try:
        app()
    except SystemExit as done:
        leave(done.code)
    leave(0)
