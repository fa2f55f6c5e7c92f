"""Issue 13 item 3: the opinion's conclusion, its claim chart and its estimate agree.

Each story builds the reference opinion for a case with a saved comparison and reads the PDF back."""

from __future__ import annotations

import io
import re
from dataclasses import replace
from datetime import date

from pypdf import PdfReader

from qcy_workstation.documents import RightInfo, build_document, render


def _text(content) -> str:  # type: ignore[no-untyped-def]
    pdf = "\n".join(p.extract_text() for p in PdfReader(io.BytesIO(render(content, "pdf"))).pages)
    return re.sub(r"\s+", "", pdf)


def _patent(verdict: str, statuses: list[str], basis: str = "") -> dict:
    return {"kind": "patent", "claim": 1, "verdict": verdict, "verdict_zh": "", "reason_zh": "", "reason_en": "",
            "elements": [{"index": i + 1, "element": f"特征{i + 1}", "status": st, "evidence": "", "note": "",
                          "basis": basis if i == 0 else ""} for i, st in enumerate(statuses)]}


def _opinion(case_data, workstation, result: dict, lang: str = "zh") -> str:  # type: ignore[no-untyped-def]
    case = replace(case_data, prechecks=[result])
    return _text(build_document("reference-opinion", case, lang=lang, workstation=workstation,
                                issue_date=date(2026, 11, 24)))


def test_a_not_infringing_finding_prints_no_damages_and_warns_against_a_warning_letter(
        case_data, workstation, estimate_dict) -> None:
    text = _opinion(case_data, workstation, _patent("not_infringing", ["covered", "missing"]))
    assert estimate_dict["total_capitals"] not in text and "赔偿数额估算" not in text.replace("不作赔偿数额估算", "")
    assert "不作赔偿数额估算" in text
    assert "侵权成立的可能性较小" in text and "不建议据此发送侵权警告函" in text


def test_a_feature_only_not_found_gives_no_firm_negative(case_data, workstation) -> None:
    text = _opinion(case_data, workstation, _patent("not_infringing", ["covered", "unclear"]))
    assert "尚不足以得出结论" in text
    assert "侵权成立的可能性较小" not in text


def test_a_likely_infringement_prints_the_estimate_and_what_staff_confirmed(
        case_data, workstation, estimate_dict) -> None:
    text = _opinion(case_data, workstation, _patent("equivalent", ["equivalent", "covered"], basis="staff"))
    assert re.sub(r"\s+", "", estimate_dict["total_capitals"]) in text
    assert "可能构成侵权" in text and "第1项（等同）系工作人员结合证据核实后认定" in text


def test_a_utility_model_is_named_as_such_with_the_evaluation_report(case_data, workstation) -> None:
    case = replace(case_data, rights=[RightInfo("patent", "ZL202020566088.1", "一种猕猴桃分拣装置")])
    for lang, words in (("zh", ("实用新型专利", "第六十六条", "评价报告")),
                        ("en", ("utilitymodel", "Art.66(2)", "evaluationreport"))):
        text = _text(build_document("reference-opinion", case, lang=lang, workstation=workstation,
                                    issue_date=date(2026, 11, 24)))
        assert all(w in text for w in words), (lang, words)


def test_punitive_damages_print_the_circumstances_they_rest_on(case_data, workstation) -> None:
    """Issue 13 item 4: the intent and seriousness circumstances (SPC 2021 Arts. 3-4) behind a multiple."""
    from decimal import Decimal

    from qcy_workstation.compensation import CompensationInput, Evidence, estimate

    est = estimate(CompensationInput(
        right_type="patent", infringement_date=date(2022, 5, 1), actual_loss=Evidence.of(1000000),
        punitive_multiple=Decimal(2), intent_circumstances=("continued_after_notice",),
        seriousness_circumstances=("repeat_after_penalty",))).to_dict()
    text = _opinion(replace(case_data, compensation=est), workstation, _patent("literal", ["covered", "covered"]))
    assert "故意情形（惩罚性赔偿解释第三条）：经原告或者利害关系人通知、警告后，仍继续实施侵权行为" in text
    assert "情节严重情形（惩罚性赔偿解释第四条）" in text and "再次实施相同或者类似侵权行为" in text
    assert "按乘法理解" in text


def test_a_gi_opinion_states_the_applicants_standing(case_data, workstation) -> None:
    """Issue 13 item 6: the holder may act itself; anyone else must show authorisation, never assumed."""
    holder = replace(case_data, ip_type="gi", prechecks=[],
                     rights=[RightInfo("gi", "", "洛川苹果", "陕西秦岭智能装备有限公司")])
    text = _text(build_document("reference-opinion", holder, lang="zh", workstation=workstation))
    assert "为涉案地理标志的登记权利人，可以自己的名义主张权利" in text
    user = replace(holder, rights=[RightInfo("gi", "", "洛川苹果", "洛川县苹果产业协会")])
    text = _text(build_document("reference-opinion", user, lang="zh", workstation=workstation))
    assert "请提供集体商标、证明商标注册人的使用许可" in text and "以此为前提" in text
