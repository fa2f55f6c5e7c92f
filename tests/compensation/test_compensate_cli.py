"""``qcy-workstation compensate`` prints the contract's JSON and refuses bad multiples clearly."""

from __future__ import annotations

import json

import pytest

from qcy_workstation.cli import main


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, dict]:
    code = main(["compensate", *argv])
    out, err = capsys.readouterr()
    return code, json.loads(out or err)


def test_json_contract(capsys: pytest.CaptureFixture[str]) -> None:
    code, out = run(capsys, "--type", "patent", "--actual-loss", "100000:high", "--punitive-multiple", "3",
                    "--wilful", "continued_after_notice", "--serious", "repeat_after_penalty",
                    "--costs", "20000:high", "--infringement-date", "2024-05-01", "--json")
    assert code == 0
    assert {"basis", "base", "punitive_multiple", "total", "range", "citations"} <= set(out)
    assert out["basis"] == "actual_loss" and out["base"] == 100000
    assert out["total"] == 100000 + 300000 + 20000
    assert out["total_capitals"] == "人民币肆拾贰万元整"
    assert out["range"][0] <= out["total"] <= out["range"][1]
    assert any("第七十一条" in c for c in out["citations"])


def test_statutory_trademark_estimate(capsys: pytest.CaptureFixture[str]) -> None:
    code, out = run(capsys, "--type", "trademark", "--json", "--scale", "large", "--fault", "intentional")
    assert code == 0 and out["basis"] == "statutory"
    assert 0 < out["total"] <= 5000000


@pytest.mark.parametrize(
    ("extra", "field"),
    [
        (["--actual-loss", "1000", "--punitive-multiple", "6", "--wilful", "piracy_or_counterfeiting",
          "--serious", "infringement_as_business"], "punitive_multiple"),
        (["--actual-loss", "1000", "--punitive-multiple", "2", "--wilful", "--serious"], "intent_circumstances"),
        (["--punitive-multiple", "2", "--wilful", "piracy_or_counterfeiting", "--serious",
          "infringement_as_business"], "punitive_multiple"),
        (["--actual-loss", "1000:sure"], "actual_loss"),
    ],
)
def test_refusals_name_the_field(capsys: pytest.CaptureFixture[str], extra: list[str], field: str) -> None:
    code, err = run(capsys, "--type", "trademark", "--json", *extra)
    assert code == 1
    assert err["field"] == field


def test_text_output_shows_citations(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["compensate", "--type", "trade-secret", "--infringer-profit", "500000", "--lang", "en"]) == 0
    out = capsys.readouterr().out
    assert "Basis: infringer's profits" in out and "RMB 500,000.00" in out


def test_amounts_are_read_as_staff_write_them(capsys: pytest.CaptureFixture[str]) -> None:
    """12万, 1.2万元, 1,200,000 and ￥800000 are amounts; one parser serves the CLI and the desktop form."""
    for written, expected in (("12万", 120000), ("1.2万元", 12000), ("1,200,000", 1200000), ("￥800000", 800000)):
        code, out = run(capsys, "--type", "trademark", "--actual-loss", f"{written}:high", "--json")
        assert code == 0 and out["base"] == expected, written
    code, out = run(capsys, "--type", "trademark", "--actual-loss", "十二万:high", "--json")
    assert code == 1 and out["field"] == "actual_loss"
