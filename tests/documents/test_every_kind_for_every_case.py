"""Issue 13, "done when": every document kind, for a case of each IP type in each status, exported to PDF and
DOCX and read back: a notice exists only for the decision the case carries and states it; the law fits the
right; the reference-opinion disclaimer is on opinions only; no engine codes or notes to staff reach the
enterprise; PDF and DOCX say the same things."""

from __future__ import annotations

import io
import re
from dataclasses import replace
from datetime import date

import docx
import pytest
from pypdf import PdfReader

from qcy_workstation.cases.workflow import STATUSES
from qcy_workstation.compensation import CompensationInput, Evidence, estimate
from qcy_workstation.documents import (
    CaseData,
    Decision,
    PartyInfo,
    RightInfo,
    build_document,
    render,
)
from qcy_workstation.documents.builders import NOTICE_STATUSES
from qcy_workstation.documents.case_sections import EvidenceInfo
from qcy_workstation.documents.model import DOCUMENT_KINDS
from qcy_workstation.errors import WorkflowError

APPLICANT = "陕西秦岭智能装备有限公司"
SHA = "2c26b46b68ffc68ff99b453c1d30413413422d706483bfa0f98a5e886266e7ae"
ACCEPTED_ON, DECLINED_ON, ISSUED_ON = date(2026, 10, 9), date(2026, 10, 12), date(2026, 11, 24)

RIGHTS = {
    "patent": RightInfo("patent", "ZL202010566088.9", "一种猕猴桃自动分拣装置", APPLICANT),
    "trademark": RightInfo("trademark", "12345678", "秦岭", APPLICANT),
    "gi": RightInfo("gi", "", "洛川苹果", APPLICANT, gi_route="certification_mark"),
    "trade-secret": RightInfo("trade-secret", "", "高温合金热处理曲线", APPLICANT),
}
PRECHECKS = {
    "patent": {"kind": "patent", "claim": 1, "verdict": "literal", "reason_zh": "全部技术特征相同。",
               "elements": [{"index": 1, "element": "机架", "status": "covered", "evidence": "设备包括机架"}]},
    "trademark": {"kind": "trademark", "mark": "秦岭", "other": "秦領", "score": 86, "likely_confusion": True,
                  "risk": "high", "factors": [{"name": "visual", "score": 90, "text_zh": "字形近似", "text_en": "close"}]},
    "gi": {"kind": "gi", "verdict": "misuse", "reason_zh": "生产者不在保护范围内。",
           "citations": [{"key": "trademark_law_16", "source": "商标法", "version": "2019年修正", "article": "第16条"},
                         {"key": "gi_product_rules", "source": "地理标志产品保护办法", "version": "2023",
                          "article": "有关禁止使用与冒用的条款"}]},
    "trade-secret": {"kind": "trade_secret", "verdict": "substantially_same", "reason_zh": "4个秘密点中3个相同。",
                     "matches": [{"point": "保温温度", "score": 92, "secret_start": 3, "secret_end": 9}]},
}
ESTIMATES = {
    "patent": CompensationInput(right_type="patent", infringement_date=date(2024, 3, 1),
                                infringer_profit=Evidence.of(600000, "high")),
    "trademark": CompensationInput(right_type="trademark", infringement_date=date(2024, 3, 1),
                                   infringer_profit=Evidence.of(600000, "high")),
    "gi": CompensationInput(right_type="gi", gi_route="certification_mark", infringement_date=date(2024, 3, 1),
                            infringer_profit=Evidence.of(600000, "high")),
    "trade-secret": CompensationInput(right_type="trade_secret", infringement_date=date(2024, 3, 1),
                                      actual_loss=Evidence.of(600000, "high")),
}
# words that belong to another right's law or advice: never in a document of this IP type
FOREIGN = {
    "patent": ["商标法第六十三条", "续展", "劳动仲裁", "反不正当竞争法"],
    "trademark": ["专利法第七十一条", "专利权评价报告", "劳动仲裁", "反不正当竞争法"],
    "gi": ["专利法第七十一条", "专利权评价报告", "劳动仲裁"],
    "trade-secret": ["专利法第七十一条", "商标法第六十三条", "续展", "专利权评价报告"],
}
LEAKS = re.compile(r"依记忆|未核对|未在本工作站核对|statutory\.|rule_set|secret_start|likely_infringing|"
                   r"substantially_same|needs_review|risk:|(?<![A-Za-z0-9])[a-z]+_[a-z_]+")
OPINION_KINDS = {"advice-letter", "reference-opinion", "early-warning-memo"}


def case_for(ip_type: str, status: str) -> CaseData:
    decisions = {}
    if status in ("accepted", "in_progress", "opinion_issued", "closed"):
        decisions["accepted"] = Decision(ACCEPTED_ON, by="李四")
    if status == "declined":
        decisions["declined"] = Decision(DECLINED_ON, reason="申请事项已由人民法院受理，不属于本工作站援助范围。", by="李四")
    return CaseData(
        number="QCY-2026-00042", ip_type=ip_type, title="侵权纠纷", applicant=PartyInfo(APPLICANT),
        opponent=PartyInfo("西安渭水机械制造有限公司"), rights=[RIGHTS[ip_type]],
        facts="申请人发现对方销售涉嫌侵权的产品。", received_on=date(2026, 10, 5), staff="张三", status=status,
        decisions=decisions, prechecks=[PRECHECKS[ip_type]], compensation=estimate(ESTIMATES[ip_type]).to_dict(),
        evidence=[EvidenceInfo("公证书.pdf", SHA, 2048, "公证处", "", date(2026, 10, 6))])


def _texts(content) -> tuple[str, str]:  # type: ignore[no-untyped-def]
    pdf = "".join(p.extract_text() for p in PdfReader(io.BytesIO(render(content, "pdf"))).pages)
    d = docx.Document(io.BytesIO(render(content, "docx")))
    parts = [p.text for p in d.paragraphs] + [c.text for t in d.tables for row in t.rows for c in row.cells]
    for section in d.sections:
        parts += [p.text for p in section.header.paragraphs] + [p.text for p in section.footer.paragraphs]
    return re.sub(r"\s+", "", pdf), re.sub(r"\s+", "", "\n".join(parts))


@pytest.mark.parametrize("ip_type", sorted(RIGHTS))
@pytest.mark.parametrize("kind", DOCUMENT_KINDS)
def test_every_kind_for_a_case_of_each_type_in_each_status(ip_type: str, kind: str, workstation) -> None:  # type: ignore[no-untyped-def]
    for status in STATUSES:
        case = case_for(ip_type, status)
        if kind in NOTICE_STATUSES and status not in NOTICE_STATUSES[kind]:
            with pytest.raises(WorkflowError) as refused:
                build_document(kind, case, lang="zh", workstation=workstation, issue_date=ISSUED_ON)
            assert refused.value.reason == "document.notice_status"
            continue
        content = build_document(kind, case, lang="zh", workstation=workstation, issue_date=ISSUED_ON)
        pdf, docx_text = _texts(content)
        for text, fmt in ((pdf, "pdf"), (docx_text, "docx")):
            where = (ip_type, kind, status, fmt)
            assert re.sub(r"\s+", "", content.title) in text, where
            if kind != "guidance":
                assert case.number in text, where
            # the reference-opinion disclaimer: on opinions, never on notices or records (guidance has its own note)
            assert ("本文书系知识产权维权援助工作站出具的参考意见" in text) == (kind in OPINION_KINDS), where
            leak = LEAKS.search(text)
            assert leak is None, (where, leak.group(0) if leak else "")
            if kind in ("advice-letter", "reference-opinion"):
                for words in FOREIGN[ip_type]:
                    assert words not in text, (where, words)
                assert SHA in text and "权利状态与主体资格" in text and "附件" in text, where
            if kind == "acceptance-notice":
                assert "2026年10月9日" in text and "2026年11月24日" not in text, where  # dated by the decision
            if kind == "non-acceptance-notice":
                assert "申请事项已由人民法院受理" in text and "复核" in text and "2026年10月12日" in text, where


@pytest.mark.parametrize("kind", DOCUMENT_KINDS)
def test_english_documents_carry_no_codes_or_staff_notes_either(kind: str, workstation) -> None:  # type: ignore[no-untyped-def]
    for ip_type in sorted(RIGHTS):
        status = "declined" if kind == "non-acceptance-notice" else "in_progress"
        case = replace(case_for(ip_type, status), applicant=PartyInfo("Shaanxi Qinling Equipment Co., Ltd."))
        content = build_document(kind, case, lang="en", workstation=workstation, issue_date=ISSUED_ON)
        for text in _texts(content):
            leak = LEAKS.search(text)
            assert leak is None, (ip_type, kind, leak.group(0) if leak else "")
            assert ("Disclaimer:thisdocumentisareferenceopinion" in text) == (kind in OPINION_KINDS), (ip_type, kind)
