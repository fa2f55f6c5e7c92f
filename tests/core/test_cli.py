"""The CLI contract that scripts depend on, through the real entry point."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from cli_runner import run_cli


def run(db: Path, *args: str, check: bool = True, token: str | None = None,
        stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "QCY_TOKEN": token} if token else {k: v for k, v in os.environ.items() if k != "QCY_TOKEN"}
    proc = run_cli(["--db", str(db), *args],
                          capture_output=True, text=True, timeout=120, env=env, input=stdin)
    if check and proc.returncode != 0:
        raise AssertionError(proc.stderr)
    return proc


@pytest.fixture
def db(tmp_path: Path) -> Path:
    return tmp_path / "cli.sqlite"


def test_version() -> None:
    out = subprocess.run([sys.executable, "-m", "qcy_workstation", "--version"], capture_output=True, text=True)
    assert out.returncode == 0 and "qcy-workstation" in out.stdout


def test_intake_list_show_transition_and_search(db: Path) -> None:
    added = json.loads(run(db, "cases", "add", "--type", "trademark", "--title", "“秦韵”商标侵权", "--applicant",
                           "西安秦韵茶业有限公司", "--applicant-uscc", "91610131MA6TXY12X8", "--opponent", "咸阳某茶行",
                           "--mark", "秦韵", "--classes", "30", "--json").stdout)
    number = added["number"]
    assert number.startswith("QCY-")
    listed = json.loads(run(db, "cases", "list", "--json").stdout)
    assert [(c["number"], c["title"], c["type"], c["status"]) for c in listed] == [
        (number, "“秦韵”商标侵权", "trademark", "received")]
    shown = json.loads(run(db, "--json", "cases", "show", number).stdout)
    assert (shown["number"], shown["status"], shown["type"]) == (number, "received", "trademark")
    run(db, "cases", "transition", number, "declined", "--reason", "不属于本地管辖")
    assert json.loads(run(db, "cases", "show", number, "--json").stdout)["status"] == "declined"
    found = json.loads(run(db, "cases", "search", "秦韵", "--json").stdout)
    assert [c["number"] for c in found] == [number]
    assert json.loads(run(db, "cases", "search", "猕猴", "--json").stdout) == []


def test_bad_input_exits_1_and_names_the_field(db: Path) -> None:
    p = run(db, "cases", "add", "--type", "patent", "--title", "x", "--applicant", "y", "--applicant-uscc",
            "91610000220530069K", check=False)
    assert p.returncode == 1
    assert "applicant_uscc" in p.stderr and "Traceback" not in p.stderr
    p = run(db, "cases", "transition", "QCY-2026-00001", "accepted", check=False)
    assert p.returncode == 1 and "no case" in p.stderr
    assert json.loads(run(db, "cases", "list", "--json").stdout) == []


def test_a_damaged_store_is_reported_without_a_traceback(tmp_path: Path) -> None:
    bad = tmp_path / "bad.sqlite"
    bad.write_bytes(b"\x00garbage" * 500)
    p = run(bad, "cases", "list", "--json", check=False)
    assert p.returncode == 1
    assert "damaged" in p.stderr and "Traceback" not in p.stderr


def test_seed_demo_list_limit_and_filters(db: Path) -> None:
    seeded = json.loads(run(db, "seed-demo", "--cases", "60", "--seed", "7", "--json").stdout)
    assert "demo-head" in seeded["accounts"]  # a demo store has one demo account per role
    refused = run(db, "cases", "list", check=False)
    assert refused.returncode == 1 and "auth.login_required" in refused.stderr  # --staff alone is not trusted
    head = run(db, "login", "--user", "demo-head", "--password-stdin", "--print-token", stdin="qcy-demo-2026\n"
               ).stdout.strip()
    all_cases = json.loads(run(db, "cases", "list", "--json", token=head).stdout)
    assert len(all_cases) == 60
    assert len(json.loads(run(db, "cases", "list", "--limit", "5", "--json", token=head).stdout)) == 5
    patents = json.loads(run(db, "cases", "list", "--type", "patent", "--json", token=head).stdout)
    assert patents and all(c["type"] == "patent" for c in patents)
    assert len(patents) == sum(c["type"] == "patent" for c in all_cases)
    consults = json.loads(run(db, "consult", "list", "--json", token=head).stdout)
    assert len(consults) == 120


def test_seed_demo_is_deterministic(tmp_path: Path) -> None:
    a, b = tmp_path / "a.sqlite", tmp_path / "b.sqlite"
    run(a, "seed-demo", "--cases", "30", "--seed", "11", "--no-accounts")
    run(b, "seed-demo", "--cases", "30", "--seed", "11", "--no-accounts")
    strip = lambda rows: [{k: v for k, v in r.items() if k != "id"} for r in rows]  # noqa: E731
    ja = json.loads(run(a, "cases", "list", "--json").stdout)
    jb = json.loads(run(b, "cases", "list", "--json").stdout)
    assert strip(ja) == strip(jb)


def test_consultations_from_the_command_line(db: Path) -> None:
    run(db, "consult", "add", "--channel", "phone", "--enquirer", "王经理", "--topic", "商标被抢注",
        "--summary", "咨询异议程序")
    rows = json.loads(run(db, "consult", "list", "--json").stdout)
    assert [(r["channel"], r["enquirer"], r["topic"], r["case_number"]) for r in rows] == [
        ("phone", "王经理", "商标被抢注", None)]
    p = run(db, "consult", "add", "--channel", "phone", "--enquirer", "王", "--topic", "t", "--summary", "s",
            "--case", "QCY-2026-00077", check=False)
    assert p.returncode == 1 and "case" in p.stderr


def test_store_check_reports_an_intact_audit_chain(db: Path) -> None:
    run(db, "seed-demo", "--cases", "20")
    report = json.loads(run(db, "store", "check", "--json").stdout)
    assert report["ok"] is True


def test_settings_change_deadline_lengths_for_new_cases(db: Path) -> None:
    shown = json.loads(run(db, "store", "settings", "acceptance_days=7", "--json").stdout)
    assert shown["acceptance_days"] == 7
    p = run(db, "store", "settings", "acceptance_days=abc", check=False)
    assert p.returncode == 1 and "acceptance_days" in p.stderr
    added = json.loads(run(db, "cases", "add", "--type", "gi", "--title", "t", "--applicant", "a",
                           "--received", "2026-11-02", "--json").stdout)
    assert added["acceptance_due"] == "2026-11-11"  # 7 working days after Monday 2 November 2026


def test_top_level_options_alone_start_the_desktop_client_without_command_modules() -> None:
    from qcy_workstation.cli import _wants_command

    assert not _wants_command(["--db", "x.sqlite", "--page", "cases", "--staff", "seed-demo"])
    assert not _wants_command(["--screenshot", "a.png", "--lang", "en"])
    assert _wants_command(["--db", "x.sqlite", "cases", "list"])
    assert _wants_command(["--help"])
    assert _wants_command(["bogus"])  # argparse then names the unknown command


def test_a_command_builds_only_its_own_module_and_help_or_a_typo_still_lists_every_command() -> None:
    """One command imports one command module (the start of every command, ~1.4 s of imports otherwise)."""
    from qcy_workstation.cli import COMMANDS, _command_named, build_parser

    assert _command_named(["--db", "x.sqlite", "--staff", "张三", "login", "--user", "a"]) == "login"
    assert _command_named(["-h"]) == "" and _command_named(["--db", "x.sqlite"]) is None

    def commands(parser):  # type: ignore[no-untyped-def]
        return set(next(a for a in parser._actions if a.dest == "command").choices)

    assert commands(build_parser(only="login")) == {"login", "logout", "whoami", "accounts"}
    assert commands(build_parser(only="")) == set(COMMANDS) == commands(build_parser(only="bogus"))
    typo = run_cli(["caess", "list"])
    assert typo.returncode == 2 and "invalid choice: 'caess'" in typo.stderr and "'cases'" in typo.stderr
    helped = run_cli(["--help"])
    assert helped.returncode == 0 and all(name in helped.stdout for name in COMMANDS)
