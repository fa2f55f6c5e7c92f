"""Shared fixtures: a real store in a temporary folder, and services acting as a named staff member.

The store is SQLite unless ``--store=postgresql`` (or ``QCY_TEST_STORE=postgresql``) asks for PostgreSQL:
then the session starts a throw-away cluster (``tests/pg_server.py``; or uses the server named by
``QCY_TEST_PG_URL``, any database there on an account that may create databases) and each test gets a
database of its own, copied from a template migrated once, with its files folder in the test's tmp_path.
Tests that are about the SQLite file itself (its path, WAL, backups of the file) are marked ``sqlite_only``.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

# Qt tests run offscreen everywhere (CI has no display); set before any Qt import.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


STORES = ("sqlite", "postgresql")


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--store", choices=STORES, default=None,
                     help="the store the shared `store` fixture opens (default: $QCY_TEST_STORE or sqlite)")
    parser.addoption("--store-independent", default=None, metavar="run|skip|only:PATHS|except:PATHS",
                     help="the tests that never reach the session's store (default: run on sqlite, skip on "
                          "postgresql): run them once, in one of the two runs; only:/except: with comma-separated "
                          "path prefixes (tests/precheck/) splits them between the runs")


def store_kind(config: pytest.Config) -> str:
    kind = config.getoption("--store") or os.environ.get("QCY_TEST_STORE") or "sqlite"
    if kind not in STORES:
        raise pytest.UsageError(f"QCY_TEST_STORE={kind!r}: expected one of {', '.join(STORES)}")
    return kind


def pytest_report_header(config: pytest.Config) -> str:
    return f"store: {store_kind(config)}"


# The fixtures through which a test reaches the session's store kind. A test that uses none of them (directly or
# through another fixture) runs the same code on the same SQLite files or no store at all under either option.
STORE_FIXTURES = frozenset({"store", "store_url", "blank_store_url", "open_test_store", "pg_server", "store_files"})


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    kind = store_kind(config)
    independent = config.getoption("--store-independent") or ("run" if kind == "sqlite" else "skip")
    mode, _, paths = independent.partition(":")
    if mode not in ("run", "skip", "only", "except") or (mode in ("only", "except")) != bool(paths):
        raise pytest.UsageError(f"--store-independent={independent}: expected run, skip, only:PATHS or except:PATHS")
    prefixes = tuple(p.strip() for p in paths.split(",") if p.strip())

    def runs_here(item: pytest.Item) -> bool:
        if mode in ("run", "skip"):
            return mode == "run"
        return item.nodeid.startswith(prefixes) == (mode == "only")

    for item in items:
        # A test that never reaches the session's store (the engine's evaluation, documents from data,
        # compensation arithmetic) runs the same code under either option: one run of it is enough, by default
        # the SQLite run (tests/both_stores.py says so explicitly; the option lets a CI machine on which the
        # runs are unbalanced hand them to the other one). One about the SQLite file stays with SQLite.
        if (not runs_here(item) and not item.get_closest_marker("postgresql_only")
                and not (kind == "sqlite" and item.get_closest_marker("sqlite_only"))
                and not STORE_FIXTURES & set(getattr(item, "fixturenames", ()))):
            item.add_marker(pytest.mark.skip(reason="store-independent: run once, in the other store's run"))
        if kind != "sqlite" and item.get_closest_marker("sqlite_only"):
            marker = item.get_closest_marker("sqlite_only")
            why = marker.kwargs.get("reason") or (marker.args[0] if marker.args else "about the SQLite file")
            item.add_marker(pytest.mark.skip(reason=f"sqlite_only: {why}"))
        if kind != "postgresql" and item.get_closest_marker("postgresql_only"):
            item.add_marker(pytest.mark.skip(reason="postgresql_only: run with --store=postgresql"))
        # The installer's tests build the bundle (minutes): CI runs them once, by `-m bundle` with
        # QCY_TEST_BUNDLE=1 (build into a temporary folder) or QCY_TEST_BUNDLE=DIR (reuse or build there).
        if item.get_closest_marker("bundle") and (not os.environ.get("QCY_TEST_BUNDLE") or kind != "sqlite"):
            item.add_marker(pytest.mark.skip(reason="bundle: set QCY_TEST_BUNDLE=1 (or a dist folder) to build "
                                                    "and run the installer; it runs once, on SQLite"))


@pytest.fixture(autouse=True)
def _desk_witness_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Each test is a desk of its own: its audit witness (``db.witness``) and desk key live in the test's
    folder, never in the developer's profile (the CLI in a subprocess inherits it)."""
    folder = tmp_path / "desk-witness"
    monkeypatch.setenv("QCY_WITNESS_DIR", str(folder))
    return folder


@pytest.fixture(scope="session", autouse=True)
def _server_files_folder(pytestconfig: pytest.Config, tmp_path_factory: pytest.TempPathFactory):  # type: ignore[no-untyped-def]
    """On PostgreSQL a store's files folder is $QCY_FILES, else the user's real data folder: a command run
    on a test's server store without its own folder must never write its audit anchor there."""
    if store_kind(pytestconfig) == "sqlite":
        yield
        return
    mp = pytest.MonkeyPatch()
    mp.setenv("QCY_FILES", str(tmp_path_factory.mktemp("server-files")))
    yield
    mp.undo()


@pytest.fixture(scope="session")
def pg_server(pytestconfig: pytest.Config):  # type: ignore[no-untyped-def]
    """The PostgreSQL server of this session, with the migrated template database (``--store=postgresql``)."""
    if store_kind(pytestconfig) != "postgresql":
        pytest.skip("needs --store=postgresql")
    from pg_server import PgServer

    given = os.environ.get("QCY_TEST_PG_URL")
    server = PgServer(given) if given else PgServer.start()
    try:
        server.make_template()
        yield server
    finally:
        server.stop()


@pytest.fixture(scope="session")
def open_test_store(request: pytest.FixtureRequest):  # type: ignore[no-untyped-def]
    """``open_test_store(folder)``: one more store of the session's kind, for a fixture that builds its own
    (a module's demo store, a world of accounts): ``folder/store.sqlite``, or a new PostgreSQL database
    (migrated, from the template) with its files in ``folder/files``. Its ``url`` is what ``--db`` takes.
    The caller closes it; the databases go with the session's server."""
    from qcy_workstation.db.store import open_store

    if store_kind(request.config) == "sqlite":
        template = request.getfixturevalue("sqlite_template")
        return lambda folder: open_store(copy_template(template, Path(folder) / "store.sqlite"))
    server = request.getfixturevalue("pg_server")
    return lambda folder: open_store(server.new_database(), files_dir=Path(folder) / "files")


@pytest.fixture(scope="session")
def sqlite_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A SQLite store migrated once for the session, never written: the ``store`` fixture starts from a copy
    (as the PostgreSQL tests start from a template database) instead of running every migration again for
    each test (~0.2-0.5 s each on the CI machine). A store's identity is made at its first write
    (``db.witness.store_id``), so each copy still gets its own."""
    from qcy_workstation.db.store import open_store

    path = tmp_path_factory.mktemp("sqlite-template") / "template.sqlite"
    open_store(path).close()
    return path


def copy_template(template: Path, path: Path) -> Path:
    """``path`` made a copy of the migrated template (with its write-ahead log, if one was left)."""
    import shutil

    path.parent.mkdir(parents=True, exist_ok=True)
    for suffix in ("", "-wal"):
        if template.with_name(template.name + suffix).exists():
            shutil.copyfile(template.with_name(template.name + suffix), path.with_name(path.name + suffix))
    return path


@pytest.fixture
def store_path(tmp_path: Path) -> Path:
    return tmp_path / "store.sqlite"


@pytest.fixture
def store_url(request: pytest.FixtureRequest, store_path: Path) -> Iterator[str]:
    """What ``--db`` names for this test's store: the SQLite file's path, or its own PostgreSQL database."""
    if store_kind(request.config) == "sqlite":
        yield str(store_path)
        return
    server = request.getfixturevalue("pg_server")
    url = server.new_database()
    yield url
    server.drop_database(url)


@pytest.fixture
def blank_store_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """A store nobody has opened yet: a new SQLite path, or an empty PostgreSQL database."""
    if store_kind(request.config) == "sqlite":
        yield str(tmp_path / "blank.sqlite")
        return
    server = request.getfixturevalue("pg_server")
    url = server.new_database(template=None)
    yield url
    server.drop_database(url)


@pytest.fixture
def store_files(request: pytest.FixtureRequest, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path | None:
    """The files folder of a server store: one per test (``$QCY_FILES`` too, for the CLI in a subprocess)."""
    if store_kind(request.config) == "sqlite":
        return None  # beside the file
    folder = tmp_path / "store-files"
    monkeypatch.setenv("QCY_FILES", str(folder))
    return folder


@pytest.fixture
def store(request: pytest.FixtureRequest, store_url: str, store_files: Path | None):  # type: ignore[no-untyped-def]
    from qcy_workstation.db.store import open_store

    if store_kind(request.config) == "sqlite" and not Path(store_url).exists():
        copy_template(request.getfixturevalue("sqlite_template"), Path(store_url))
    s = open_store(store_url, files_dir=store_files)
    yield s
    s.close()


@pytest.fixture
def cases(store):  # type: ignore[no-untyped-def]
    from qcy_workstation.cases.services import CaseService

    return CaseService(store, actor="张三")


@pytest.fixture
def consultations(store):  # type: ignore[no-untyped-def]
    from qcy_workstation.cases.consultations import ConsultationService

    return ConsultationService(store, actor="李四")
