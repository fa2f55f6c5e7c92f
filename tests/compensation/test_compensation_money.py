"""Amounts in documents: grouped RMB figures and Chinese capital numerals (人民币大写)."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from qcy_workstation.compensation.money import format_rmb, integer_capitals, rmb_capitals, to_amount
from qcy_workstation.errors import ValidationError

DIGIT = {c: i for i, c in enumerate("零壹贰叁肆伍陆柒捌玖")}
SMALL = {"拾": 10, "佰": 100, "仟": 1000}


def parse_integer(text: str) -> int:
    """Reads a capital-numeral integer back (the inverse the test relies on)."""
    total = 0
    for big, factor in (("万亿", 10**12), ("亿", 10**8), ("万", 10**4)):
        if big in text:
            head, text = text.split(big, 1)
            total += parse_integer(head) * factor
    section = 0
    digit = 0
    for ch in text:
        if ch in DIGIT:
            digit = DIGIT[ch]
        elif ch in SMALL:
            section += digit * SMALL[ch]
            digit = 0
    return total + section + digit


def parse_capitals(text: str) -> Decimal:
    assert text.startswith("人民币")
    text = text[3:]
    yuan = 0
    if "元" in text:
        head, text = text.split("元", 1)
        yuan = parse_integer(head)
    jiao = fen = 0
    text = text.lstrip("零")
    if "角" in text:
        head, text = text.split("角", 1)
        jiao = DIGIT[head]
    if "分" in text:
        fen = DIGIT[text.split("分", 1)[0]]
    return Decimal(yuan) + Decimal(jiao) / 10 + Decimal(fen) / 100


@pytest.mark.parametrize(
    ("amount", "expected"),
    [
        ("1234567.89", "人民币壹佰贰拾叁万肆仟伍佰陆拾柒元捌角玖分"),
        ("16", "人民币壹拾陆元整"),
        ("0", "人民币零元整"),
        ("0.05", "人民币伍分"),
        ("325.04", "人民币叁佰贰拾伍元零肆分"),
        ("1.20", "人民币壹元贰角整"),
        ("30000", "人民币叁万元整"),
        ("5000000", "人民币伍佰万元整"),
        ("1010", "人民币壹仟零壹拾元整"),
        ("100000001", "人民币壹亿零壹元整"),
        ("100010000", "人民币壹亿零壹万元整"),
        ("12000034", "人民币壹仟贰佰万零叁拾肆元整"),
    ],
)
def test_capitals_follow_the_banking_rules(amount: str, expected: str) -> None:
    assert rmb_capitals(amount) == expected


def test_grouped_figures_in_both_languages() -> None:
    assert format_rmb(Decimal("1234567.8")) == "人民币 1,234,567.80 元"
    assert format_rmb(3050000, lang="en") == "RMB 3,050,000.00"


def test_bad_amounts_name_the_field() -> None:
    with pytest.raises(ValidationError) as err:
        to_amount("-5", field="costs")
    assert err.value.field == "costs"
    with pytest.raises(ValidationError):
        to_amount("abc")
    assert to_amount("¥1,000.005") == Decimal("1000.01")


@given(st.integers(min_value=0, max_value=10**15 - 1))
def test_capitals_read_back_to_the_same_amount(fen: int) -> None:
    amount = Decimal(fen) / 100
    text = rmb_capitals(amount)
    assert parse_capitals(text) == amount
    assert "零零" not in text
    assert set(text) <= set("人民币零壹贰叁肆伍陆柒捌玖拾佰仟万亿元角分整")
    # 整 only after 元 or 角; never after 分
    assert not text.endswith("分整")
    if fen % 100 == 0:
        assert text.endswith("元整")


@given(st.integers(min_value=1, max_value=10**12))
def test_integer_capitals_never_start_or_end_with_zero(number: int) -> None:
    text = integer_capitals(number)
    assert not text.startswith("零") and not text.endswith("零")
    assert parse_integer(text) == number
    if 10 <= number < 20:
        assert text.startswith("壹拾")


def test_amounts_entered_without_a_confidence_are_taken_as_entered_and_a_cut_has_its_own_line() -> None:
    """Issue 13 item 5: --actual-loss 800000 --costs 20000 gave a likely 656,000 with no word of a cut."""
    from datetime import date

    from qcy_workstation.compensation import CompensationInput, Evidence, estimate

    plain = estimate(CompensationInput(right_type="patent", infringement_date=date(2024, 5, 1),
                                       actual_loss=Evidence.of(800000), costs=Evidence.of(20000)))
    assert plain.total == Decimal("820000.00")
    assert not [ln for ln in plain.lines if ln.code == "discount"]
    doubted = estimate(CompensationInput(right_type="patent", infringement_date=date(2024, 5, 1),
                                         actual_loss=Evidence.of(800000, "medium"), costs=Evidence.of(20000)))
    cut = [ln for ln in doubted.lines if ln.code == "discount"]
    assert doubted.total == Decimal("660000.00") and len(cut) == 1
    assert cut[0].amount == Decimal("160000.00") and "中" in cut[0].label.zh and "非法律规定" in cut[0].citation.zh


def test_dates_and_options_that_cannot_apply_are_refused_by_field() -> None:
    """Issue 13 item 5: a future infringement, knowledge before the infringement, non-use on a patent."""
    from datetime import date

    from qcy_workstation.compensation import CompensationInput, Evidence, estimate
    from qcy_workstation.errors import ValidationError

    base = {"actual_loss": Evidence.of(100000), "as_of": date(2026, 12, 2)}
    cases = [
        (dict(right_type="patent", infringement_date=date(2027, 1, 1)), "infringement_date", "date.future"),
        (dict(right_type="patent", infringement_date=date(2024, 5, 1), known_date=date(2024, 1, 1)), "known_date",
         "date.known_before_infringement"),
        (dict(right_type="patent", infringement_date=date(2024, 5, 1), known_date=date(2027, 1, 1)), "known_date",
         "date.future"),
        (dict(right_type="patent", infringement_date=date(2024, 5, 1), trademark_unused_3y=True),
         "trademark_unused_3y", "estimate.option_not_for_right"),
    ]
    for kwargs, field, reason in cases:
        with pytest.raises(ValidationError) as caught:
            estimate(CompensationInput(**kwargs, **base))
        assert (caught.value.field, caught.value.reason) == (field, reason), kwargs
    ok = estimate(CompensationInput(right_type="trademark", infringement_date=date(2024, 5, 1),
                                    trademark_unused_3y=True, **base))
    assert ok.total == 0 or ok.total >= 0  # the trademark case takes the option (no damages, costs only)
