"""Issue 13 item 8: the advice letter's recommendations fit the IP type and what the comparison found."""

from __future__ import annotations

import io
import re
from dataclasses import replace
from datetime import date

import pytest
from pypdf import PdfReader

from qcy_workstation.documents import RightInfo, build_document, render


def _letter(case, workstation) -> str:  # type: ignore[no-untyped-def]
    content = build_document("advice-letter", case, lang="zh", workstation=workstation, issue_date=date(2026, 11, 24))
    return re.sub(r"\s+", "", "\n".join(p.extract_text() for p in PdfReader(io.BytesIO(render(content, "pdf"))).pages))


@pytest.mark.parametrize(("ip_type", "present", "absent"), [
    ("patent", ["专利权评价报告", "现有技术抗辩", "第六十七条"], ["续展", "劳动仲裁", "不使用抗辩"]),
    ("trademark", ["续展", "不使用抗辩", "第六十四条"], ["专利权评价报告", "劳动仲裁"]),
    ("trade-secret", ["劳动仲裁", "第二百一十九条", "反向工程", "保密措施"], ["续展", "专利权评价报告"]),
    ("gi", ["主体资格", "证明商标"], ["续展", "劳动仲裁"]),
])
def test_each_ip_type_gets_its_own_advice(case_data, workstation, ip_type, present, absent) -> None:
    case = replace(case_data, ip_type=ip_type, prechecks=[], compensation=None,
                   rights=[] if ip_type != "patent" else case_data.rights)
    text = _letter(case, workstation)
    for words in present:
        assert words in text, (ip_type, words)
    for words in absent:
        assert words not in text, (ip_type, words)


def test_no_warning_letter_is_recommended_where_no_infringement_was_found(case_data, workstation) -> None:
    negative = {"kind": "trademark", "mark": "秦岭", "other": "岭南", "score": 20, "likely_confusion": False,
                "risk": "low", "factors": []}
    text = _letter(replace(case_data, ip_type="trademark", prechecks=[negative], compensation=None), workstation)
    assert "不建议发送侵权警告函" in text and "商业诋毁" in text and "可向" not in text.split("不建议")[0][-40:]
    positive = dict(negative, likely_confusion=True, score=85, risk="high", other="秦領")
    text = _letter(replace(case_data, ip_type="trademark", prechecks=[positive], compensation=None), workstation)
    assert "发送警告函，要求停止侵权" in text


def test_exports_bring_customs_recordal_and_searches_in_the_target_markets(case_data, workstation) -> None:
    case = replace(case_data, facts="被申请人将仿冒设备出口至东南亚市场。", rights=[RightInfo("patent", "ZL202010566088.9", "")])
    assert "海关保护备案" in _letter(case, workstation)
