"""Whatever staff type in, an estimate never leaves the statute."""

from __future__ import annotations

from datetime import date
from decimal import ROUND_HALF_UP, Decimal

from hypothesis import given, settings
from hypothesis import strategies as st

from qcy_workstation.compensation import CompensationInput, Evidence, StatutoryFactors, estimate, rule_set_for
from qcy_workstation.compensation.calculator import STATUTORY_FACTOR_CHOICES
from qcy_workstation.errors import ValidationError

amounts = st.decimals(min_value=0, max_value=10**9, places=2, allow_nan=False, allow_infinity=False)
confidence = st.sampled_from(["low", "medium", "high"])
evidence = st.one_of(st.none(), st.builds(Evidence.of, amounts, confidence))
dates = st.dates(min_value=date(2009, 10, 1), max_value=date(2030, 12, 31))
factors = st.builds(
    StatutoryFactors,
    right_kind=st.sampled_from(STATUTORY_FACTOR_CHOICES["right_kind"]),
    nature=st.sampled_from(STATUTORY_FACTOR_CHOICES["nature"]),
    duration_months=st.integers(0, 200),
    scale=st.sampled_from(STATUTORY_FACTOR_CHOICES["scale"]),
    fault=st.sampled_from(STATUTORY_FACTOR_CHOICES["fault"]),
)
multiples = st.one_of(st.none(), st.decimals(min_value=0, max_value=7, places=2))


@settings(max_examples=150, deadline=None)
@given(
    right_type=st.sampled_from(["patent", "trademark", "trade_secret", "gi"]),
    gi_route=st.sampled_from(["collective_mark", "certification_mark", "gi_product", "agricultural_gi"]),
    day=dates, loss=evidence, profit=evidence, fee=evidence, costs=evidence, multiple=multiples, f=factors,
    licence_multiple=st.decimals(min_value=Decimal("0.5"), max_value=5, places=1),
)
def test_no_estimate_outside_the_statute(right_type, gi_route, day, loss, profit, fee, costs, multiple, f,
                                         licence_multiple) -> None:
    inp = CompensationInput(
        right_type=right_type, gi_route=gi_route if right_type == "gi" else None, infringement_date=day, actual_loss=loss, infringer_profit=profit,
        licence_fee=fee, licence_multiple=licence_multiple if fee else None, costs=costs,
        punitive_multiple=multiple,
        intent_circumstances=("continued_after_notice",) if multiple is not None else (),
        seriousness_circumstances=("repeat_after_penalty",) if multiple is not None else (),
        statutory_factors=f,
    )
    try:
        est = estimate(inp)
    except ValidationError as err:
        if err.field == "infringement_date" and err.reason == "date.future":  # an infringement yet to come
            assert day > date.today()
            return
        if err.field == "infringement_date":  # no rules on file that early (trademark 2014, AUCL 2018)
            assert day < date(2018, 1, 1) and right_type != "patent"
            return
        # the only other refusals: a multiple outside the range or where the law has none (GI products,
        # older texts), or a multiple without a first-method base
        assert multiple is not None and err.field == "punitive_multiple"
        rules = rule_set_for(right_type, day, inp.gi_route)
        punitive = rules.punitive
        assert (punitive is None or (punitive.applies_to and right_type not in punitive.applies_to)
                or not (punitive.min_multiple <= multiple <= punitive.max_multiple)
                or not (loss or profit or fee))
        return
        return
    lo, hi = est.statutory_range
    assert est.low <= est.total <= est.high
    for s in est.scenarios:
        assert s.total == s.damages + s.costs
        if s.basis == "statutory":
            assert lo <= s.base <= hi
            assert s.punitive_amount == 0
        else:
            # the law version's reading (rule data): additive = base x multiple on top of the base,
            # multiplicative (2013 Trademark Law) = the compensation is base x multiple in all
            reading = est.composition.get("model") if multiple else None
            factor = (multiple - 1) if reading == "multiplicative" else multiple
            expected = (s.base * factor).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP) if multiple else 0
            assert s.punitive_amount == expected
        if multiple is not None:
            rules = rule_set_for(right_type, day, inp.gi_route)
            assert rules.punitive.min_multiple <= multiple <= rules.punitive.max_multiple
            assert s.punitive_amount <= s.base * rules.punitive.max_multiple
        if costs is None:
            assert s.costs == 0
        else:
            assert s.costs <= costs.amount
