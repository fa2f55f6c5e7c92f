"""The core refuses with a code; the window says why in the interface language, from one presenter.

The presenter reads ``reason`` and ``params`` and never the English message: a message reworded in the core
cannot break a translation, and the UI keeps no second validator of its own."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from qcy_workstation.cases.validation import validate_uscc
from qcy_workstation.compensation.money import to_amount
from qcy_workstation.errors import ValidationError

ROOT = Path(__file__).resolve().parents[2]
BAD_USCC = "91610000220530069K"  # wrong check character (DOMAIN.md)


def _core_reasons() -> set[str]:
    found: set[str] = set()
    for path in (ROOT / "qcy_workstation").rglob("*.py"):
        if "ui" in path.relative_to(ROOT / "qcy_workstation").parts:
            continue
        found |= set(re.findall(r'reason="([a-z_.]+)"', path.read_text(encoding="utf-8")))
    return found


def test_every_reason_the_core_gives_has_a_sentence_in_the_presenter(ui_app) -> None:
    from qcy_workstation.ui.errors import REASONS

    missing = sorted(_core_reasons() - set(REASONS))
    assert not missing, f"reasons without a sentence in ui/errors.py: {missing}"
    assert len(_core_reasons()) >= 40


def test_the_interface_never_reads_the_cores_english_message() -> None:
    offenders = []
    for path in (ROOT / "qcy_workstation" / "ui").rglob("*.py"):
        if path.name == "errors.py":
            continue  # the presenter's fallback for a reason it does not know
        text = path.read_text(encoding="utf-8")
        offenders += [f"{path.name}: {m}" for m in re.findall(r"exc\.message|err\.message|\bm\.startswith\(", text)]
    assert not offenders


def test_a_mistyped_credit_code_is_explained_with_the_right_check_character_in_chinese_and_english(ctx) -> None:
    from qcy_workstation.ui import errors
    from qcy_workstation.ui.i18n import install_language

    with pytest.raises(ValidationError) as caught:
        validate_uscc(BAD_USCC, field="applicant_uscc")
    exc = caught.value
    assert (exc.code, exc.reason, exc.field) == ("invalid", "uscc.check_char", "applicant_uscc")
    expected = exc.params["expected"]
    assert expected != BAD_USCC[-1]
    zh = errors.uscc_problem(BAD_USCC)
    assert "校验位" in zh and str(expected) in zh
    install_language("en")
    try:
        en = errors.uscc_problem(BAD_USCC)
        assert "check" in en and str(expected) in en
        assert errors.uscc_problem("9161") == "A credit code has 18 characters; this one has 4."
    finally:
        install_language("zh_CN")


def test_an_amount_staff_cannot_mean_is_refused_in_words_naming_the_field(ctx) -> None:
    from qcy_workstation.ui import errors

    for text, words in (("十二万", "不是数字"), ("-5", "负数"), ("1e30", "过大")):
        with pytest.raises(ValidationError) as caught:
            to_amount(text, field="actual_loss")
        title, message = errors.explain(caught.value)
        assert title == "请检查输入" or title, title
        assert words in message, (text, message)
        assert "amount" not in message and "Traceback" not in message


def test_the_cli_prints_the_same_code_and_reason(tmp_path, capsys) -> None:
    from qcy_workstation.cli import main

    db = tmp_path / "store.db"
    code = main(["--db", str(db), "--json", "compensate", "--type", "patent", "--infringement-date", "2024-01-01",
                 "--actual-loss", "1e30"])
    err = capsys.readouterr().err
    assert code == 1
    assert '"reason": "amount.too_large"' in err and '"field": "actual_loss"' in err
