"""Render the first page of each document kind (and the advice letter's last page, with the seal area) from
the PDF to PNG in docs/documents/: ``.venv/bin/python docs/document_pages.py``.

The case is invented; the pages show the layout of issue 13 item 10 (serif faces, red rule, seal area)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pypdfium2

from qcy_workstation.documents import (
    DOCUMENT_KINDS,
    CaseData,
    ConsultationInfo,
    Decision,
    PartyInfo,
    RightInfo,
    WorkstationInfo,
    build_document,
    render,
)

OUT = Path(__file__).resolve().parent / "documents"
APPLICANT = "陕西秦岭智能装备有限公司"


def _case(kind: str) -> CaseData:
    declined = kind == "non-acceptance-notice"
    return CaseData(
        number="QCY-2026-00042", ip_type="patent", title="猕猴桃分拣装置专利侵权",
        applicant=PartyInfo(APPLICANT, uscc="91610000220530069X"), opponent=PartyInfo("西安渭水机械制造有限公司"),
        rights=[RightInfo("patent", "ZL202010566088.9", "一种猕猴桃自动分拣装置", APPLICANT)],
        facts="申请人发现被申请人在2024年西部农业博览会上展示并销售与其专利技术方案相同的猕猴桃分拣设备，"
              "设备在85℃环境下连续运行。",
        received_on=date(2026, 11, 2), staff="张三", status="declined" if declined else "in_progress",
        decisions={"declined": Decision(date(2026, 11, 5), "未提供有效的专利权属证明", "李四")} if declined
        else {"accepted": Decision(date(2026, 11, 4), by="李四")},
        consultations=[ConsultationInfo(date(2026, 10, 20), "walk-in", "王经理", "专利侵权判断", "询问对方设备是否侵权",
                                        "建议固定证据并申请比对分析", "李四")])


def main() -> None:
    OUT.mkdir(exist_ok=True)
    ws = WorkstationInfo(name="秦创原（西安高新）知识产权维权援助工作站")
    for kind in DOCUMENT_KINDS:
        content = build_document(kind, None if kind == "guidance" else _case(kind), lang="zh", workstation=ws,
                                 number="秦创原维援〔2026〕12号", issue_date=date(2026, 11, 24),
                                 options={"topic": "evidence", "ip_type": "patent", "handler": "张三"})
        pdf = pypdfium2.PdfDocument(render(content, "pdf"))
        pages = [0, len(pdf) - 1] if kind == "advice-letter" and len(pdf) > 1 else [0]
        for i in pages:
            name = f"{kind}.zh.png" if i == 0 else f"{kind}.zh.last-page.png"
            pdf[i].render(scale=1.25).to_pil().convert("RGB").quantize(64).save(OUT / name, optimize=True)
            print(OUT / name)


if __name__ == "__main__":
    main()
