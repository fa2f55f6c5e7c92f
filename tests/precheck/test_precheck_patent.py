"""Staff chart a client's claim against an accused product and read the all-elements verdict."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from qcy_workstation.errors import ValidationError
from qcy_workstation.precheck import compare_claim, parse_claims

DATA = Path(__file__).resolve().parents[1] / "data" / "precheck"

ZH_CLAIMS = """权利要求书
1. 一种保温杯，包括杯体和杯盖，其特征在于：所述杯盖内设有复位弹簧，所述复位弹簧的线径为0.5-1.0mm；所述杯体的壁厚不超过2mm。
2. 根据权利要求1所述的保温杯，其特征在于，所述杯盖上设有硅胶密封圈。
3. 如权利要求1或2所述的保温杯，其特征在于：所述杯体由不锈钢制成。
"""

EN_CLAIMS = """1. A fan assembly for creating an air current, comprising: an impeller and a motor for creating an air flow; and a nozzle comprising an interior passage for receiving the air flow and a mouth for emitting the air flow.
2. The fan assembly according to claim 1, wherein the nozzle is annular.
3. A fan assembly as claimed in claim 1 or 2, characterised in that the motor has a power of at least 40 W.
"""


def test_chinese_claims_are_numbered_with_dependencies_and_split_into_elements():
    cs = parse_claims(ZH_CLAIMS)
    assert [c.number for c in cs.claims] == [1, 2, 3]
    c1, c2, c3 = cs.claims
    assert c1.independent and c1.subject == "一种保温杯"
    assert c1.elements[:2] == ("杯体", "杯盖")
    assert "所述复位弹簧的线径为0.5-1.0mm" in c1.elements
    assert c2.depends_on == (1,) and c3.depends_on == (1, 2)
    assert c2.elements == ("所述杯盖上设有硅胶密封圈",)


def test_english_claims_split_preamble_and_comprising_list():
    cs = parse_claims(EN_CLAIMS)
    c1 = cs.get(1)
    assert c1.subject == "A fan assembly for creating an air current"
    assert len(c1.elements) == 2 and c1.elements[0].startswith("an impeller")
    assert cs.get(2).depends_on == (1,) and cs.get(2).elements == ("the nozzle is annular",)
    assert cs.get(3).depends_on == (1, 2)


def test_literal_product_in_other_words_is_covered_element_by_element():
    product = "该保温杯由杯身和盖子构成，盖子内部装有复位弹簧，弹簧线径0.8 mm；杯身壁厚1.5毫米，盖上有硅胶密封圈。"
    r = compare_claim(ZH_CLAIMS, product)
    assert r.verdict == "literal"
    assert all(e.status == "covered" and e.evidence for e in r.elements)
    spring = next(e for e in r.elements if "线径" in e.element)
    assert "0.8 mm" in spring.evidence and product[spring.evidence_start:spring.evidence_end].strip() == spring.evidence
    dep = {d.claim: d.verdict for d in r.dependent_charts}
    assert dep[2] == "literal"


def test_value_outside_a_plain_range_is_missing():
    product = "该保温杯由杯身和盖子构成，盖子内部装有复位弹簧，弹簧线径1.2 mm；杯身壁厚1.5毫米。"
    r = compare_claim(ZH_CLAIMS, product)
    assert r.verdict == "not_infringing"
    spring = next(e for e in r.elements if "线径" in e.element)
    assert spring.status == "missing" and "0.5-1.0mm" in spring.note


def test_not_more_than_limit_gets_no_equivalent_and_cites_interpretation_ii_art_12():
    product = "该保温杯由杯身和盖子构成，盖子内部装有复位弹簧，弹簧线径0.8 mm；杯身壁厚2.05毫米。"
    r = compare_claim(ZH_CLAIMS, product)
    wall = next(e for e in r.elements if "壁厚" in e.element)
    assert wall.status == "missing" and "第12条" in wall.note
    assert any(c.key == "spc_patent_interp2_art12" for c in r.citations)


def test_an_obvious_substitute_gives_an_equivalent_verdict_for_staff_to_confirm():
    claims = "1. 一种自拍杆，包括伸缩杆和手柄，其特征在于：所述手柄上设有蓝牙遥控按键。"
    r = compare_claim(claims, "自拍棒有伸缩杆和握把，握把上设有红外遥控按键。")
    assert r.verdict == "equivalent"
    row = r.elements[-1]
    assert row.status == "equivalent" and row.needs_review and "蓝牙→红外" in row.equivalent_terms
    assert any(c.key == "spc_patent_provisions_2020_art13" for c in r.citations)


def test_staff_corrected_element_split_replaces_the_parsed_one():
    claims = "1. 一种自拍杆，包括伸缩杆和手柄，其特征在于：所述手柄上设有蓝牙遥控按键。"
    r = compare_claim(claims, "自拍棒有伸缩杆和握把。", elements=["伸缩杆", "手柄"])
    assert [e.element for e in r.elements] == ["伸缩杆", "手柄"] and r.verdict == "literal"
    with pytest.raises(ValidationError):
        compare_claim(claims, "x", elements=[" "])


def test_english_claim_against_a_brochure():
    brochure = ("Our bladeless fan hides a brushless motor and an impeller in the base to generate airflow, "
                "which flows through an internal passage of the ring-shaped nozzle and leaves through a slot outlet. Motor power 30 W.")
    r = compare_claim(EN_CLAIMS, brochure, claim=1)
    assert r.verdict == "literal"
    by_claim = {d.claim: d.verdict for d in r.dependent_charts}
    assert by_claim[2] == "literal" and by_claim[3] == "not_infringing"


def test_result_dict_has_the_contract_keys_and_the_label():
    d = compare_claim(ZH_CLAIMS, "保温杯").to_dict()
    assert {"verdict", "elements", "engine_version", "disclaimer", "inputs", "citations"} <= d.keys()
    assert {"element", "status", "score", "evidence"} <= d["elements"][0].keys()
    assert any(c["key"] == "spc_patent_2009_art7" for c in d["citations"])


def test_the_cited_line_does_not_repeat_the_year_of_the_interpretation():
    """法释〔2009〕21号 already names its year: the line reads "…解释（法释〔2009〕21号）第7条", not
    "…（法释〔2009〕21号）（2009）第7条"."""
    d = compare_claim(ZH_CLAIMS, "保温杯").to_dict()
    assert "（法释〔2009〕21号）第7条" in d["citation_text_zh"] and "（2009）" not in d["citation_text_zh"]
    assert "（法释〔2009〕21号） Art. 7" in d["citation_text_en"]


def test_unknown_claim_number_is_a_validation_error():
    with pytest.raises(ValidationError) as exc:
        compare_claim(ZH_CLAIMS, "x", claim=9)
    assert exc.value.field == "claim"


def test_a_chart_made_from_an_already_parsed_claim_set_can_be_saved_and_re_run():
    # the page parses the claims once (for its claim selector) and charts claim 2 from that parsed set;
    # a colleague later re-runs the saved result from its recorded inputs
    parsed = parse_claims(ZH_CLAIMS)
    product = "一种保温杯，杯体壁厚1.5mm，杯盖内设有线径0.8mm的复位弹簧，杯盖上设有硅胶密封圈。"
    first = compare_claim(parsed, product, claim=2)
    recorded = json.loads(json.dumps(first.to_dict(), ensure_ascii=False))["inputs"]
    again = parse_claims(recorded["claims"])
    assert [c.number for c in again.claims] == [1, 2, 3]
    assert [c.depends_on for c in again.claims] == [c.depends_on for c in parsed.claims]
    rerun = compare_claim(recorded["claims"], recorded["product"], claim=recorded["claim"])
    assert rerun.verdict == first.verdict and rerun.to_dict()["elements"] == first.to_dict()["elements"]
