"""A clerk compares claims and trade secrets written in other words, other units and another language."""

from __future__ import annotations

import pytest

from qcy_workstation.errors import ValidationError
from qcy_workstation.precheck import compare_claim
from qcy_workstation.precheck.polarity import split_polarity
from qcy_workstation.precheck.trade_secret import compare_secret

CUP = "1. 一种保温杯，包括杯身和杯盖，其特征在于：所述杯盖上设有透气孔；所述杯身外壁设有握把。"


def test_a_feature_the_listing_says_is_missing_makes_the_product_fall_outside() -> None:
    r = compare_claim(CUP, "这款保温杯由杯筒和盖子组成，盖子完全密封，没有透气孔，杯筒侧面有把柄。")
    assert r.verdict == "not_infringing"
    vent = next(e for e in r.elements if "透气孔" in e.element)
    assert vent.status == "missing" and vent.basis == "stated_absent"
    assert vent.evidence == "没有透气孔"
    assert "不具备" in r.chart.reason_zh  # said firmly: the description states it


def test_the_same_listing_with_the_hole_is_read_as_a_copy_in_lay_words() -> None:
    r = compare_claim(CUP, "这款保温杯由杯筒和盖子组成，盖子上开了小孔用来透气，杯筒侧面有把柄。")
    assert r.verdict in ("literal", "equivalent")
    assert all(e.status != "missing" for e in r.elements)


def test_an_english_listing_is_compared_with_a_chinese_claim() -> None:
    r = compare_claim(CUP, "Vacuum cup: the lid has a small breathing hole and the side of the body carries a grip.")
    assert r.verdict in ("literal", "equivalent")
    r2 = compare_claim(CUP, "Vacuum cup: the lid is fully sealed with no breathing hole; the body carries a grip.")
    assert r2.verdict == "not_infringing"


def test_a_feature_nobody_mentions_is_not_called_absent_but_flagged_for_staff() -> None:
    r = compare_claim("1. 一种保温杯，包括杯体和杯盖，其特征在于：所述杯盖内设有复位弹簧。", "一种水杯，包括杯体和杯盖。")
    spring = r.elements[-1]
    assert spring.status == "unclear" and spring.needs_review
    assert r.review and r.review[0]["index"] == spring.index
    assert "待核实" in r.to_dict()["verdict_zh"]  # never a bare "infringing" for an unchecked feature
    assert "如产品不具备" in r.chart.reason_zh


def test_staff_reading_decides_and_is_kept_for_a_re_run() -> None:
    r = compare_claim("1. 一种保温杯，包括杯体和杯盖，其特征在于：所述杯盖内设有复位弹簧。", "一种水杯，包括杯体和杯盖。",
                      confirmations=[{"claim": 1, "element": "所述杯盖内设有复位弹簧", "status": "missing", "by": "李四"}])
    assert r.verdict == "not_infringing"
    row = r.elements[-1]
    assert row.basis == "staff" and row.engine_status == "unclear" and "李四" in row.note
    again = compare_claim(r.inputs["claims"], r.inputs["product"], confirmations=r.inputs["confirmations"])
    assert again.verdict == "not_infringing"
    with pytest.raises(ValidationError) as e:
        compare_claim(CUP, "x", confirmations=[{"claim": 1, "element": "杯身", "status": "maybe"}])
    assert e.value.field == "confirmations"


def test_a_numerical_feature_in_other_units_is_checked_after_conversion() -> None:
    claim = "1. 一种车锁，包括锁体和安装脚，其特征在于：所述安装脚的长度大于15mm。"
    short = compare_claim(claim, "Bike lock with a housing and a mounting tab only 3/8 inch long.")
    assert short.elements[-1].status == "missing" and short.elements[-1].basis == "numbers"
    long_ = compare_claim(claim, "Bike lock with a housing and a mounting tab 1 inch long.")
    assert long_.elements[-1].status != "missing"


def test_negation_and_substitution_are_read_in_both_languages() -> None:
    pieces = split_polarity("它不是用铆钉固定的，而是用螺丝拧紧")
    assert [p.text for p in pieces if not p.positive] == ["不是用铆钉固定的"]
    pieces = split_polarity("uses a magnet instead of a snap clip")
    assert [p.text.strip() for p in pieces if not p.positive] == ["instead of a snap clip"]
    assert all(p.positive for p in split_polarity("无线充电底座"))  # 无线 is a word, not a negation


@pytest.mark.parametrize("claims,product,field", [
    ("", "x", "claims"), ("1. 一种杯子。", "", "product"), ("1. 一种杯子。", "。。。", "product"),
    ("1. 一种杯子。", "杯" * 200_001, "product"),
])
def test_bad_input_names_the_field(claims: str, product: str, field: str) -> None:
    with pytest.raises(ValidationError) as e:
        compare_claim(claims, product)
    assert e.value.field == field


SECRET = ("配方（机密）：1. 环氧树脂 60份；2. 固化剂 25份；3. 纳米二氧化硅 15份。"
          "工艺：在 85℃ 下搅拌 30 分钟，转速 300 rpm；然后在 1.0 MPa 压力下保压 2 小时。")


def test_a_reworded_copy_in_other_units_is_found_point_by_point() -> None:
    copy = ("Product sheet. Composition: epoxy resin 60%, hardener 25%, nano silica 15%. "
            "Stir at 185 °F for half an hour at 300 rpm. Hold under 145 psi for 120 minutes.")
    r = compare_secret(SECRET, copy)
    found = [p for p in r.points if p.status == "found"]
    assert len(found) >= 4
    assert r.similarity >= 60
    assert r.to_dict()["points_found"] == len(found)


def test_same_vocabulary_other_recipe_is_reported_as_changed_with_both_values() -> None:
    other = ("配方（机密）：1. 环氧树脂 40份；2. 固化剂 45份；3. 碳酸钙 15份。"
             "工艺：在 60℃ 下搅拌 90 分钟，转速 800 rpm；然后在 0.3 MPa 压力下保压 6 小时。")
    r = compare_secret(SECRET, other)
    assert r.similarity < 35
    assert r.passage_similarity > r.similarity  # the wording looks alike; the information does not
    stir = next(p for p in r.points if "搅拌" in p.secret.text)
    assert stir.status == "changed" and ("85℃", "60℃") in [(a.upper().replace("°C", "℃"), b.upper().replace("°C", "℃"))
                                                            for a, b in stir.differences]
    checklist = {c.key for c in r.checklist}
    assert {"not_public", "measures", "substantially_same", "access", "defences"} <= checklist  # AUCL Art. 9, SPC Art. 13
