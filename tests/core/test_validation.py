"""Identifiers staff type in are checked before anything is written, and the error names the field."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from qcy_workstation.cases.validation import (
    USCC_CHARSET,
    make_uscc,
    patent_check_char,
    validate_nice_classes,
    validate_patent_number,
    validate_similar_groups,
    validate_uscc,
)
from qcy_workstation.errors import ValidationError


@pytest.mark.parametrize("code", ["9144030071526726XG", "91330100716105852F", "９１３３０１００７１６１０５８５２Ｆ"])
def test_valid_credit_codes_pass(code: str) -> None:
    assert validate_uscc(code) in ("9144030071526726XG", "91330100716105852F")


@pytest.mark.parametrize(("code", "why"), [
    ("91610000220530069K", "check character"),
    ("9161000022053006", "18 characters"),
    ("91610000220530069O", "not allowed"),
    ("91ABCDEF220530069K", "division"),
])
def test_invalid_credit_codes_name_the_field(code: str, why: str) -> None:
    with pytest.raises(ValidationError) as err:
        validate_uscc(code, field="applicant_uscc")
    assert err.value.field == "applicant_uscc"
    assert why in str(err.value)


@given(st.text(alphabet=USCC_CHARSET, min_size=8, max_size=8), st.sampled_from(["610131", "610402", "440300"]))
def test_generated_codes_validate_and_any_single_change_is_caught(org: str, division: str) -> None:
    code = make_uscc("91", division, org)
    assert validate_uscc(code) == code
    wrong = USCC_CHARSET[(USCC_CHARSET.index(code[-1]) + 1) % 31]
    with pytest.raises(ValidationError):
        validate_uscc(code[:-1] + wrong)


@pytest.mark.parametrize(("number", "canonical"), [
    ("202010566088.9", "202010566088.9"),
    ("201811564288.X", "201811564288.X"),
    ("ZL 202010566088.9", "ZL202010566088.9"),
    ("CN2020105660889", "202010566088.9"),
])
def test_valid_patent_numbers(number: str, canonical: str) -> None:
    assert validate_patent_number(number) == canonical


def test_invalid_patent_number_says_which_check_character() -> None:
    with pytest.raises(ValidationError) as err:
        validate_patent_number("202310123456.7", field="rights[0].number")
    assert err.value.field == "rights[0].number"
    assert "expected '6'" in str(err.value)


@given(st.integers(2003, 2030), st.sampled_from("12389"), st.integers(0, 9_999_999))
def test_patent_check_character_roundtrip(year: int, kind: str, serial: int) -> None:
    body = f"{year}{kind}{serial:07d}"
    assert validate_patent_number(f"{body}.{patent_check_char(body)}") == f"{body}.{patent_check_char(body)}"


def test_nice_classes_and_groups() -> None:
    assert validate_nice_classes("35, 25，第9类") == "9,25,35"
    with pytest.raises(ValidationError, match="Nice class"):
        validate_nice_classes("46")
    assert validate_similar_groups("2501 2507") == "2501,2507"
    with pytest.raises(ValidationError):
        validate_similar_groups("251")
