"""CI runs exactly what the README tells a developer to run (issue 15 item 1: both stores)."""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def readme_test_command() -> str:
    lines = (ROOT / "README.md").read_text(encoding="utf-8").splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith("Run the whole test suite"))
    return next(line.strip() for line in lines[start + 1:] if line.startswith("    "))


def test_ci_runs_the_readmes_test_command_on_both_stores() -> None:
    command = readme_test_command()
    assert "tests/both_stores.py" in command and ".[test,postgres]" in command
    runner = (ROOT / "tests" / "both_stores.py").read_text(encoding="utf-8")
    # both stores, every store-bound test on each; the tests that reach no store once, in one of the two runs
    assert '"--store=postgresql", f"--store-independent=only:{independent}"' in runner
    assert '"SQLite": [f"--store-independent=except:{independent}"]' in runner
    ci = [line.strip() for line in (ROOT / ".ci" / "run").read_text(encoding="utf-8").splitlines()]
    assert command in ci
