"""Staff compare a client's mark with a suspect sign and get factors they can quote in a letter."""

from __future__ import annotations

import json

import pytest

from qcy_workstation.errors import ValidationError
from qcy_workstation.precheck import DISCLAIMER_ZH, ENGINE_VERSION, compare_marks


def test_every_pair_cites_a_decision_or_a_rule(trademark_pairs):
    for p in trademark_pairs:
        assert p["citation"] and p["citation_kind"] in {"case", "case-unverified-number", "case-unverified", "rule", "practice"}


def test_chinese_mark_and_its_pinyin_are_confusing_across_scripts():
    # the pinyin is the brand's own, widely published name (the 2001 standard's exception)
    r = compare_marks("海尔", "HAIER", classes="11", other_classes="11")
    assert r.likely_confusion and r.risk == "high"
    cross = next(f for f in r.factors if f.name == "cross_script")
    assert cross.score == 100 and "haier" in cross.text_zh


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


SPC_TM = "最高人民法院关于审理商标民事纠纷案件适用法律若干问题的解释"


def test_a_letter_names_each_law_once_and_lists_its_articles():
    """Staff paste the "cited" line into a letter: the SPC interpretation is named once with its four
    articles, in Chinese and in English, while each article stays in the result as data (source, article,
    verified) for documents that cite them one by one."""
    d = compare_marks("乔丹", "QIAODAN", classes="25").to_dict()
    zh, en = d["citation_text_zh"], d["citation_text_en"]
    assert zh.count(SPC_TM) == 1 and zh.count("2020年修正") == 1
    assert f"{SPC_TM}（法释〔2002〕32号，2020年修正）第9条、第10条、第11条、第12条" in zh
    assert zh.startswith("商标法（2019年修正，2019-11-01施行）第57条；")
    assert en.count(SPC_TM) == 1 and "(法释〔2002〕32号，2020年修正) Arts. 9, 10, 11 and 12" in en
    group = next(g for g in d["citation_groups"] if g["source"] == SPC_TM)
    assert group["articles"] == ["第9条", "第10条", "第11条", "第12条"] and group["verified"]
    one_by_one = [c for c in d["citations"] if c["source"] == SPC_TM]
    assert [c["article"] for c in one_by_one] == group["articles"] and all(c["verified"] for c in one_by_one)
    # a practice source whose articles were not checked says so in the grouped line
    cross = compare_marks("耐克", "NIKE", classes="25").to_dict()
    assert "（未经核对）" in cross["citation_text_zh"] and "(not verified)" in cross["citation_text_en"]
    assert any(not c["verified"] for c in cross["citations"])


def test_the_text_output_cites_each_law_once(capsys):
    from qcy_workstation.cli import main

    assert main(["precheck", "trademark", "--mark", "乔丹", "--other", "QIAODAN", "--classes", "25"]) == 0
    cited = next(line for line in capsys.readouterr().out.splitlines() if line.startswith("依据："))
    assert cited.count(SPC_TM) == 1 and "第9条、第10条、第11条、第12条" in cited
