"""A throw-away PostgreSQL server for the test suite, and a clean database per test.

``PgServer.start()`` runs ``initdb`` and ``pg_ctl`` from the machine's PostgreSQL binaries in a temporary
folder on a free loopback port (as an unprivileged user when run as root, since initdb refuses root), with
durability off (fsync, synchronous_commit, full_page_writes: a crash loses nothing a test needs). ``stop()``
ends it and removes the folder.

Each test gets its own database copied from a template that was migrated once (``CREATE DATABASE ...
TEMPLATE``); dropping and recreating the schema would run every migration again per test, which is what
the template saves (figures in the README's testing section).
"""

from __future__ import annotations

import contextlib
import glob
import itertools
import os
import shutil
import socket
import subprocess
import tempfile
import time
from pathlib import Path

TEMPLATE_DB = "qcy_template"


def pg_bindir() -> Path:
    """Where initdb and pg_ctl live: ``$QCY_PG_BINDIR``, the newest Debian ``/usr/lib/postgresql/*/bin``,
    ``pg_config --bindir``, or initdb's folder on the PATH."""
    env = os.environ.get("QCY_PG_BINDIR")
    if env:
        return Path(env)
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"), key=lambda p: int(p.split("/")[4]))
    if found:
        return Path(found[-1]).parent
    pg_config = shutil.which("pg_config")
    if pg_config:
        out = subprocess.run([pg_config, "--bindir"], capture_output=True, text=True, check=True).stdout
        if (Path(out.strip()) / "initdb").exists():
            return Path(out.strip())
    initdb = shutil.which("initdb")
    if initdb:
        return Path(initdb).parent
    raise RuntimeError("PostgreSQL's initdb was not found: install the postgresql package (Debian: "
                       "apt-get install postgresql) or set QCY_PG_BINDIR")


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class PgServer:
    """A PostgreSQL cluster the test session owns (``start``) or one it is given (``QCY_TEST_PG_URL``)."""

    def __init__(self, admin_url: str, *, folder: Path | None = None, user: str | None = None,
                 bindir: Path | None = None) -> None:
        self.admin_url = admin_url  # postgresql+psycopg://user@host:port/postgres
        self.folder = folder
        self.user = user
        self.bindir = bindir
        self._names = itertools.count(1)
        self._engine = None
        self.created: set[str] = set()  # databases this session made (dropped at the end on a given server)

    @classmethod
    def start(cls) -> PgServer:
        bindir = pg_bindir()
        folder = Path(tempfile.mkdtemp(prefix="qcy-pg-"))
        data, sockets = folder / "data", folder / "sock"
        data.mkdir()
        sockets.mkdir()
        user = None
        if hasattr(os, "geteuid") and os.geteuid() == 0:  # initdb refuses root: run the cluster as nobody
            import pwd

            user = os.environ.get("QCY_PG_OS_USER", "nobody")
            entry = pwd.getpwnam(user)
            for path in (folder, data, sockets):
                os.chown(path, entry.pw_uid, entry.pw_gid)
        port = free_port()
        server = cls(f"postgresql+psycopg://postgres@127.0.0.1:{port}/postgres", folder=folder, user=user,
                     bindir=bindir)
        server._run(bindir / "initdb", "-D", str(data), "-U", "postgres", "--auth=trust", "-E", "UTF8",
                    "--locale=C.UTF-8", "--no-sync")
        # The session's superuser connects without a password; every other role (the accounts' own roles of
        # a store secured like ``store init-server`` does, issue 15 item 5) needs its SCRAM password.
        (data / "pg_hba.conf").write_text("local all all trust\n"
                                          "host all postgres 127.0.0.1/32 trust\n"
                                          "host all all 127.0.0.1/32 scram-sha-256\n", encoding="utf-8")
        options = (f"-p {port} -k {sockets} -c listen_addresses=127.0.0.1 -c fsync=off "
                   "-c synchronous_commit=off -c full_page_writes=off -c max_connections=200 "
                   "-c shared_buffers=128MB -c timezone=UTC")
        try:
            server._run(bindir / "pg_ctl", "-D", str(data), "-o", options, "-l", str(folder / "server.log"),
                        "-w", "-t", "60", "start")
        except subprocess.CalledProcessError:
            log = (folder / "server.log").read_text(errors="replace") if (folder / "server.log").exists() else ""
            shutil.rmtree(folder, ignore_errors=True)
            raise RuntimeError(f"PostgreSQL did not start:\n{log[-2000:]}") from None
        server._watch(os.getpid())
        return server

    def _watch(self, pid: int) -> None:
        """A session killed before its teardown (a timeout, Ctrl+C twice) must not leave the server running:
        a small shell loop stops it and removes the folder once the test process is gone."""
        assert self.folder is not None and self.bindir is not None
        pg_ctl = f"{self.bindir / 'pg_ctl'} -D {self.folder / 'data'} -m immediate -w stop"
        if self.user is not None:
            pg_ctl = f"runuser -u {self.user} -- {pg_ctl}"
        script = (f"while kill -0 {pid} 2>/dev/null; do sleep 1; done; "
                  f"if [ -d {self.folder}/data ]; then {pg_ctl} >/dev/null 2>&1; rm -rf {self.folder}; fi")
        subprocess.Popen(["sh", "-c", script], stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                         stderr=subprocess.DEVNULL, start_new_session=True)

    def _run(self, *argv: str | Path) -> None:
        cmd = [str(a) for a in argv]
        if self.user is not None:
            cmd = ["runuser", "-u", self.user, "--", *cmd]
        subprocess.run(cmd, check=True, capture_output=True, cwd=self.folder or None)

    def stop(self) -> None:
        if self.folder is None:  # a server we were given: leave it as we found it
            for name in sorted(self.created):
                with contextlib.suppress(Exception):
                    self.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        if self._engine is not None:
            self._engine.dispose()
        if self.folder is None:
            return
        with contextlib.suppress(subprocess.CalledProcessError):
            self._run(self.bindir / "pg_ctl", "-D", str(self.folder / "data"), "-m", "immediate", "-w", "stop")
        shutil.rmtree(self.folder, ignore_errors=True)

    @property
    def engine(self):  # type: ignore[no-untyped-def]
        """An AUTOCOMMIT engine on the maintenance database, for CREATE/DROP DATABASE."""
        if self._engine is None:
            from sqlalchemy import create_engine

            self._engine = create_engine(self.admin_url, isolation_level="AUTOCOMMIT", pool_size=1)
        return self._engine

    def url_of(self, database: str) -> str:
        from sqlalchemy.engine import make_url

        return make_url(self.admin_url).set(database=database).render_as_string(hide_password=False)

    def execute(self, sql: str) -> None:
        with self.engine.connect() as conn:
            conn.exec_driver_sql(sql)

    def make_template(self) -> float:
        """Create the template database with every migration applied; seconds it took."""
        from qcy_workstation.db.store import open_store

        began = time.perf_counter()
        self.execute(f'DROP DATABASE IF EXISTS "{TEMPLATE_DB}" WITH (FORCE)')
        self.execute(f'CREATE DATABASE "{TEMPLATE_DB}"')
        with tempfile.TemporaryDirectory() as files:
            open_store(self.url_of(TEMPLATE_DB), files_dir=Path(files)).close()
        return time.perf_counter() - began

    def new_database(self, template: str | None = TEMPLATE_DB) -> str:
        """A fresh database, a copy of the migrated template (or empty with ``template=None``): its URL."""
        name = f"qcy_test_{os.getpid()}_{next(self._names)}"
        self.execute(f'CREATE DATABASE "{name}"' + (f' TEMPLATE "{template}"' if template else ""))
        self.created.add(name)
        return self.url_of(name)

    def drop_database(self, url: str) -> None:
        from sqlalchemy.engine import make_url

        name = make_url(url).database
        self.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        self.created.discard(name)
