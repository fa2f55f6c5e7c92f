"""Staff estimate compensation for an enterprise: golden cases at every statutory boundary."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from qcy_workstation.compensation import (
    CompensationInput,
    Evidence,
    StatutoryFactors,
    estimate,
    rule_set_for,
)
from qcy_workstation.errors import ValidationError

INTENT = ("continued_after_notice",)
SERIOUS = ("infringement_as_business",)
LOWEST = StatutoryFactors(right_kind="design", nature="offer_for_sale", duration_months=0, scale="small",
                          fault="none")
HIGHEST = StatutoryFactors(right_kind="invention", nature="manufacture", duration_months=120, scale="large",
                           fault="intentional")


def patent(**kw: object) -> CompensationInput:
    kw.setdefault("infringement_date", date(2024, 3, 1))
    return CompensationInput(right_type="patent", **kw)  # type: ignore[arg-type]


def test_the_law_in_force_on_the_infringement_date_is_chosen() -> None:
    assert rule_set_for("patent", date(2021, 5, 31)).id == "patent-2008-art65"
    assert rule_set_for("patent", date(2021, 6, 1)).id == "patent-2020-art71"
    assert rule_set_for("trademark", date(2019, 10, 31)).id == "trademark-2013-art63"
    assert rule_set_for("trademark", date(2019, 11, 1)).id == "trademark-2019-art63"
    assert rule_set_for("trade_secret", date(2025, 10, 14)).id == "aucl-2019-art17"
    assert rule_set_for("trade_secret", date(2025, 10, 15)).id == "aucl-2025-unverified"
    with pytest.raises(ValidationError) as err:
        rule_set_for("patent", date(2005, 1, 1))
    assert err.value.field == "infringement_date"


def test_patent_statutory_floor_is_30000_and_ceiling_5000000() -> None:
    low = estimate(patent(statutory_factors=LOWEST))
    assert low.basis == "statutory"
    assert low.low == Decimal(30000) and Decimal(30000) <= low.total < Decimal(60000)
    high = estimate(patent(statutory_factors=HIGHEST))
    assert high.total == Decimal(5000000) and high.high == Decimal(5000000)
    assert high.statutory_range == (Decimal(30000), Decimal(5000000))
    assert "三万元以上五百万元以下" in high.lines[0].citation.zh


def test_patent_2008_statutory_range_for_older_infringements() -> None:
    old = estimate(patent(infringement_date=date(2020, 1, 1), statutory_factors=HIGHEST))
    assert old.rule_set_id == "patent-2008-art65"
    assert old.total == Decimal(1000000)
    assert estimate(patent(infringement_date=date(2020, 1, 1), statutory_factors=LOWEST)).low == Decimal(10000)
    with pytest.raises(ValidationError) as err:
        estimate(patent(infringement_date=date(2020, 1, 1), actual_loss=Evidence.of(100000, "high"),
                        punitive_multiple=Decimal(2), intent_circumstances=INTENT,
                        seriousness_circumstances=SERIOUS))
    assert err.value.field == "punitive_multiple"


def test_trademark_statutory_has_no_minimum_and_caps_at_5000000() -> None:
    est = estimate(CompensationInput(right_type="trademark", infringement_date=date(2024, 1, 1),
                                     statutory_factors=HIGHEST))
    assert est.total == Decimal(5000000)
    assert est.statutory_range == (Decimal(0), Decimal(5000000))


@pytest.mark.parametrize("multiple", ["1", "5"])
def test_punitive_multiples_1_and_5_are_accepted_and_costs_are_added_after(multiple: str) -> None:
    m = Decimal(multiple)
    est = estimate(patent(actual_loss=Evidence.of(200000, "high"), costs=Evidence.of(30000, "high"),
                          punitive_multiple=m, intent_circumstances=INTENT, seriousness_circumstances=SERIOUS))
    assert est.basis == "actual_loss"
    assert est.base == Decimal(200000)
    assert est.punitive_amount == Decimal(200000) * m
    assert est.total == Decimal(200000) + Decimal(200000) * m + Decimal(30000)
    assert est.composition["model"] == "additive"
    assert est.composition["alternative_total"] == int(Decimal(200000) * m + 30000)
    assert "第一千一百八十五条" in est.composition["citation_zh"]


@pytest.mark.parametrize("multiple", ["0.99", "5.01", "0", "6"])
def test_multiples_outside_1_to_5_are_refused(multiple: str) -> None:
    with pytest.raises(ValidationError) as err:
        estimate(patent(actual_loss=Evidence.of(200000, "high"), punitive_multiple=Decimal(multiple),
                        intent_circumstances=INTENT, seriousness_circumstances=SERIOUS))
    assert err.value.field == "punitive_multiple"


def test_trademark_2013_caps_the_multiple_at_3() -> None:
    with pytest.raises(ValidationError) as err:
        estimate(CompensationInput(right_type="trademark", infringement_date=date(2018, 1, 1),
                                   actual_loss=Evidence.of(100000, "high"), punitive_multiple=Decimal(4),
                                   intent_circumstances=INTENT, seriousness_circumstances=SERIOUS))
    assert err.value.field == "punitive_multiple"


def test_a_multiple_with_statutory_damages_is_refused() -> None:
    with pytest.raises(ValidationError) as err:
        estimate(patent(punitive_multiple=Decimal(2), intent_circumstances=INTENT,
                        seriousness_circumstances=SERIOUS))
    assert err.value.field == "punitive_multiple"
    assert "statutory" in err.value.message


@pytest.mark.parametrize(
    ("intent", "serious", "field"),
    [((), SERIOUS, "intent_circumstances"), (INTENT, (), "seriousness_circumstances"),
     (("made_up",), SERIOUS, "intent_circumstances")],
)
def test_a_multiple_needs_listed_circumstances(intent: tuple, serious: tuple, field: str) -> None:
    with pytest.raises(ValidationError) as err:
        estimate(patent(actual_loss=Evidence.of(100000, "high"), punitive_multiple=Decimal(2),
                        intent_circumstances=intent, seriousness_circumstances=serious))
    assert err.value.field == field


def test_trademark_methods_are_strictly_in_order() -> None:
    est = estimate(CompensationInput(right_type="trademark", infringement_date=date(2024, 1, 1),
                                     actual_loss=Evidence.of(100000, "medium"),
                                     infringer_profit=Evidence.of(900000, "high")))
    assert est.basis == "actual_loss" and est.base == Decimal(80000)
    # the higher profit figure is not a free choice under Art. 63
    assert est.scenario("low").basis == "infringer_profit"


def test_patent_loss_or_profit_is_the_holders_choice() -> None:
    est = estimate(patent(actual_loss=Evidence.of(100000, "high"), infringer_profit=Evidence.of(900000, "high")))
    assert est.basis == "infringer_profit" and est.base == Decimal(900000)
    assert est.why_not[0].code == "actual_loss"


def test_licence_fee_multiple_comes_before_statutory_and_explains_earlier_methods() -> None:
    est = estimate(patent(licence_fee=Evidence.of(50000, "high"), licence_multiple=Decimal(3)))
    assert est.basis == "licence_fee_multiple" and est.base == Decimal(150000)
    assert {line.code for line in est.why_not} == {"actual_loss", "infringer_profit"}
    assert all("No evidence" in line.note.en for line in est.why_not)


def test_low_confidence_evidence_only_counts_in_the_high_figure() -> None:
    est = estimate(patent(infringer_profit=Evidence.of(2000000, "low"), statutory_factors=LOWEST))
    assert est.basis == "statutory"
    assert est.high == Decimal(2000000)
    assert est.low == Decimal(30000) == est.scenario("low").base


def test_innocent_seller_pays_no_damages() -> None:
    est = estimate(patent(infringer_profit=Evidence.of(100000, "high"), costs=Evidence.of(10000, "high"),
                          innocent_seller=True))
    assert est.total == 0 and est.high == Decimal(10000)
    assert any("第七十七条" in n.zh for n in est.notes)


def test_trade_secret_after_the_2025_revision_says_it_is_unverified() -> None:
    est = estimate(CompensationInput(right_type="trade_secret", infringement_date=date(2025, 11, 1),
                                     infringer_profit=Evidence.of(300000, "high"), punitive_multiple=Decimal(2),
                                     intent_circumstances=("relationship_with_access",),
                                     seriousness_circumstances=("huge_profit_or_loss",)))
    assert not est.rules_verified
    assert any("NOT verified" in n.en for n in est.notes)
    assert "未核对" in est.article.zh


def test_gi_routes() -> None:
    mark = estimate(CompensationInput(right_type="gi", gi_route="certification_mark",
                                      infringement_date=date(2024, 1, 1)))
    assert mark.rule_set_id == "trademark-2019-art63"
    product = estimate(CompensationInput(right_type="gi", gi_route="agricultural_gi",
                                         infringement_date=date(2024, 1, 1)))
    assert product.rule_set_id == "aucl-2019-art17"
    assert any("uncertain" in n.en for n in product.notes)
    with pytest.raises(ValidationError) as err:
        estimate(CompensationInput(right_type="gi", gi_route="gi_product", infringement_date=date(2024, 1, 1),
                                   actual_loss=Evidence.of(1000, "high"), punitive_multiple=Decimal(2),
                                   intent_circumstances=INTENT, seriousness_circumstances=SERIOUS))
    assert err.value.field == "punitive_multiple"
    with pytest.raises(ValidationError) as err:
        estimate(CompensationInput(right_type="gi"))
    assert err.value.field == "gi_route"


def test_limitation_note_when_three_years_have_passed() -> None:
    est = estimate(patent(infringement_date=date(2021, 12, 1), known_date=date(2022, 1, 10), as_of=date(2026, 11, 24)))
    assert any("第七十四条" in n.zh and "可能已届满" in n.zh for n in est.notes)


@pytest.mark.parametrize(("right", "day", "model", "total", "other"), [
    # 2013 Trademark Law Art. 63(1): "一倍以上三倍以下确定赔偿数额": the compensation is 3x the base
    ("trademark", date(2018, 5, 1), "multiplicative", Decimal("3000000.00"), Decimal("4000000.00")),
    # laws read with the SPC 2021 interpretation: compensatory + base x multiple, the other reading shown
    ("trademark", date(2020, 5, 1), "additive", Decimal("4000000.00"), Decimal("3000000.00")),
    ("patent", date(2022, 5, 1), "additive", Decimal("4000000.00"), Decimal("3000000.00")),
    ("trade_secret", date(2022, 5, 1), "additive", Decimal("4000000.00"), Decimal("3000000.00")),
])
def test_each_law_versions_reading_of_the_multiple_is_rule_data_and_the_other_reading_is_shown(
        right, day, model, total, other) -> None:
    """Issue 13 item 4: under the 2013 text a multiple of 3 gave 4x the base."""
    est = estimate(CompensationInput(
        right_type=right, infringement_date=day, actual_loss=Evidence.of(1000000, "high"),
        punitive_multiple=Decimal(3), intent_circumstances=("continued_after_notice",),
        seriousness_circumstances=("repeat_after_penalty",), as_of=date(2026, 12, 2)))
    assert est.composition["model"] == model
    assert est.total == total
    assert Decimal(str(est.composition["alternative_total"]["amount"] if isinstance(
        est.composition["alternative_total"], dict) else est.composition["alternative_total"])) == other
    assert est.composition["reasoning_zh"] and est.composition["citation_zh"]


def test_today_is_chinas_today_not_the_pcs(monkeypatch: pytest.MonkeyPatch) -> None:
    """A PC on UTC is still on the day before from 16:00 to 24:00: the day staff learned of the infringement,
    picked as today on China's calendar, is not "in the future"; the day after it is."""
    from datetime import timedelta

    from qcy_workstation.compensation import calculator

    china = date.today() + timedelta(days=1)
    monkeypatch.setattr(calculator, "china_today", lambda: china)
    assert estimate(patent(infringement_date=date(2026, 1, 5), known_date=china)).low is not None
    with pytest.raises(ValidationError) as future:
        estimate(patent(infringement_date=date(2026, 1, 5), known_date=china + timedelta(days=1)))
    assert future.value.field == "known_date" and future.value.reason == "date.future"
