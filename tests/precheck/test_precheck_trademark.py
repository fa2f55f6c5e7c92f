"""Staff compare a client's mark with a suspect sign and get factors they can quote in a letter."""

from __future__ import annotations

import json

import pytest

from qcy_workstation.errors import ValidationError
from qcy_workstation.precheck import DISCLAIMER_ZH, ENGINE_VERSION, compare_marks

# Measured 47/48 (97.9%) on 2026-11-24; the floor sits a little below.
ACCURACY_FLOOR = 0.90


def test_accuracy_on_the_labelled_pairs_stays_above_the_floor(trademark_pairs):
    assert len(trademark_pairs) >= 40
    assert {p["expected_confusion"] for p in trademark_pairs} == {True, False}
    right = 0
    for p in trademark_pairs:
        r = compare_marks(p["mark"], p["other"], classes=p["classes"], other_classes=p["other_classes"],
                          well_known=p["well_known"])
        right += r.likely_confusion == p["expected_confusion"]
    assert right / len(trademark_pairs) >= ACCURACY_FLOOR


def test_every_pair_cites_a_decision_or_a_rule(trademark_pairs):
    for p in trademark_pairs:
        assert p["citation"] and p["citation_kind"] in {"case", "case-unverified-number", "case-unverified", "rule", "practice"}


def test_chinese_mark_and_its_pinyin_are_confusing_across_scripts():
    r = compare_marks("乔丹", "QIAODAN", classes="25", other_classes="25")
    assert r.likely_confusion and r.risk == "high"
    cross = next(f for f in r.factors if f.name == "cross_script")
    assert cross.score == 100 and "qiaodan" in cross.text_zh


def test_lookalike_characters_raise_the_glyph_factor():
    r = compare_marks("康师傅", "康帅傅", classes="30")
    visual = next(f for f in r.factors if f.name == "visual")
    assert visual.score >= 85
    assert r.likely_confusion


def test_same_mark_on_unrelated_goods_is_low_risk_unless_well_known():
    plain = compare_marks("长城", "长城", classes="33", other_classes="9")
    assert not plain.likely_confusion and plain.risk == "low"
    famous = compare_marks("长城", "长城", classes="33", other_classes="9", well_known=True)
    assert famous.likely_confusion
    assert any(c.article == "第13条" for c in famous.citations)


def test_same_similar_group_counts_more_than_same_class():
    same_group = compare_marks("FENDI", "FENDY", classes="2501", other_classes="2501")
    other_group = compare_marks("FENDI", "FENDY", classes="2501", other_classes="2507")
    assert same_group.goods.basis == "same_group" and other_group.goods.basis == "same_class"
    assert same_group.score > other_group.score
    assert same_group.goods.table_partial  # the shipped table says it is partial


def test_full_width_traditional_and_case_are_normalised():
    r = compare_marks("ＡＤＩＤＡＳ", "adidas", classes="25")
    assert r.mark_similarity == 100
    r = compare_marks("脈動", "脉动", classes="32")
    assert r.mark_similarity == 100


def test_result_is_labelled_versioned_and_json_ready():
    r = compare_marks("星巴克", "上海星巴克", classes="30,43", other_classes="43")
    d = r.to_dict()
    assert d["disclaimer"] == DISCLAIMER_ZH and d["engine_version"] == ENGINE_VERSION
    assert d["inputs"]["mark"] == "星巴克" and d["inputs"]["other_classes"] == "43"
    assert {"score", "likely_confusion", "risk", "factors"} <= d.keys()
    assert all(f["text_zh"] and f["text_en"] for f in d["factors"])
    assert any("第57条" in c["article"] for c in d["citations"])
    json.dumps(d, ensure_ascii=False)


def test_staff_alias_file_is_merged_over_the_shipped_table(tmp_path):
    f = tmp_path / "aliases.json"
    f.write_text(json.dumps({"groups": [["秦创原", "qinchuangyuan", "QCY"]]}), encoding="utf-8")
    without = compare_marks("秦创原", "QCY", classes="42")
    with_file = compare_marks("秦创原", "QCY", classes="42", aliases_path=f)
    assert not without.likely_confusion
    assert with_file.likely_confusion
    assert any(x.name == "meaning" for x in with_file.factors)


def test_bad_class_codes_are_rejected_with_the_field():
    with pytest.raises(ValidationError) as exc:
        compare_marks("A1", "A2", classes="99")
    assert exc.value.field == "classes"
