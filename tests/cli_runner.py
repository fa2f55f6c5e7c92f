"""The command line run in the test's own process, answering like ``subprocess.run`` does.

Why: a command-line story of twenty commands spent some 25 s starting twenty Python processes (interpreter,
SQLAlchemy, the command's services: about 1 s each on the CI machine) and well under a second running them.
``run_cli`` calls the real entry point (``qcy_workstation.cli.main``: the same parser, checks, services and
error output) with the process's surroundings swapped for the call: the environment (a session token in
``QCY_TOKEN``), standard input (``--password-stdin``), the working folder, and standard output and error as
bytes, UTF-8 like the terminal's. An exception that escapes ``main`` is printed as Python prints an uncaught
one (``Traceback ...``, exit 1), so a story that asserts "no traceback" still sees one.

What stays in real processes: the entry point itself (``tests/core/test_cli.py::test_version``, the
not-UTF-8 argument from the shell), processes killed mid-write, several writers at once, and a command that
must not load Qt or the store. Caches of shipped data (tables, fonts) live on between calls here as they
would within one desktop session.
"""

from __future__ import annotations

import io
import os
import subprocess
import sys
import traceback
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path

from qcy_workstation.cli import main


def run_cli(args: Sequence[str], *, env: Mapping[str, str] | None = None, input: str | bytes | None = None,
            cwd: str | Path | None = None, text: bool = True, check: bool = False,
            **_ignored: object) -> subprocess.CompletedProcess:  # type: ignore[type-arg]
    """``qcy-workstation ARGS`` in this process; ``env`` replaces the environment for the call (as
    ``subprocess.run(env=...)`` does). Other ``subprocess.run`` keywords (``timeout``, ``capture_output``)
    are accepted and have nothing to do here."""
    argv = [str(a) for a in args]
    saved_env, saved_cwd = dict(os.environ), os.getcwd()
    saved_streams = sys.stdin, sys.stdout, sys.stderr
    raw_in = input.encode("utf-8") if isinstance(input, str) else (input or b"")
    out, err = io.BytesIO(), io.BytesIO()
    try:
        if env is not None:
            os.environ.clear()
            os.environ.update(env)
        if cwd is not None:
            os.chdir(cwd)
        sys.stdin = io.TextIOWrapper(io.BytesIO(raw_in), encoding="utf-8")
        sys.stdout = io.TextIOWrapper(out, encoding="utf-8", errors="surrogateescape", write_through=True)
        sys.stderr = io.TextIOWrapper(err, encoding="utf-8", errors="backslashreplace", write_through=True)
        try:
            code = main(argv)
        except SystemExit as exc:  # argparse refusing the command line: usage and exit 2
            code = exc.code if isinstance(exc.code, int) else (0 if exc.code is None else 1)
            if isinstance(exc.code, str):
                print(exc.code, file=sys.stderr)
        except Exception:  # noqa: BLE001 - what Python does with an uncaught exception
            traceback.print_exc(file=sys.stderr)
            code = 1
        sys.stdout.flush()
        sys.stderr.flush()
    finally:
        for stream in (sys.stdin, sys.stdout, sys.stderr):
            if isinstance(stream, io.TextIOWrapper) and stream not in saved_streams:
                stream.detach()  # a wrapper collected later would close the buffer read below
        sys.stdin, sys.stdout, sys.stderr = saved_streams
        os.chdir(saved_cwd)
        if env is not None:
            os.environ.clear()
            os.environ.update(saved_env)
    stdout, stderr = out.getvalue(), err.getvalue()
    done = subprocess.CompletedProcess(["qcy-workstation", *argv], int(code or 0),
                                       stdout.decode("utf-8", "replace") if text else stdout,
                                       stderr.decode("utf-8", "replace") if text else stderr)
    if check:
        done.check_returncode()
    return done


def story(db: str | Path, *, staff: str | None = None,
          env: Mapping[str, str] | None = None) -> Callable[..., subprocess.CompletedProcess]:  # type: ignore[type-arg]
    """A desk's command-line story on one store: ``run(*args, ok=True)`` runs ``qcy-workstation --db DB
    [--staff STAFF] ARGS`` and asserts it succeeded (or, ``ok=False``, that it was refused) without a
    traceback. Without ``env`` the call sees this process's environment less any session token or store
    named in it (``QCY_TOKEN``, ``QCY_DB``)."""
    clean = dict(env) if env is not None else {k: v for k, v in os.environ.items()
                                                if k not in ("QCY_TOKEN", "QCY_DB")}
    head = ["--db", str(db), *(["--staff", staff] if staff else [])]

    def run(*args: str, ok: bool = True, input: str | None = None,
            extra_env: Mapping[str, str] | None = None) -> subprocess.CompletedProcess:  # type: ignore[type-arg]
        proc = run_cli([*head, *args], env={**clean, **(extra_env or {})}, input=input)
        assert (proc.returncode == 0) == ok, proc.stderr
        assert "Traceback" not in proc.stderr, proc.stderr
        return proc

    return run
