"""Fixtures for the documents tests: a realistic patent case with a saved pre-check and an estimate."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from qcy_workstation.compensation import CompensationInput, Evidence, estimate
from qcy_workstation.documents import (
    CaseData,
    ConsultationInfo,
    Decision,
    PartyInfo,
    RightInfo,
    WorkstationInfo,
)

APPLICANT = "陕西秦岭智能装备有限公司"
OPPONENT = "西安渭水机械制造有限公司"
CASE_NUMBER = "QCY-2026-00042"


@pytest.fixture(scope="session")
def estimate_dict() -> dict:
    return estimate(CompensationInput(
        right_type="patent", infringement_date=date(2024, 3, 1),
        infringer_profit=Evidence.of("1234567.89", "high"), costs=Evidence.of(45000, "high"),
        punitive_multiple=Decimal(2), intent_circumstances=("continued_after_notice",),
        seriousness_circumstances=("infringement_as_business",))).to_dict()


@pytest.fixture(scope="session")
def case_data(estimate_dict: dict) -> CaseData:
    return CaseData(
        number=CASE_NUMBER, ip_type="patent", title="猕猴桃分拣装置专利侵权",
        applicant=PartyInfo(APPLICANT, uscc="91610000220530069X"), opponent=PartyInfo(OPPONENT),
        rights=[RightInfo("patent", "ZL202010566088.9", "一种猕猴桃自动分拣装置", APPLICANT)],
        facts="申请人发现被申请人在2024年西部农业博览会上展示并销售与其专利技术方案相同的猕猴桃分拣设备。",
        received_on=date(2026, 11, 2), staff="张三", status="in_progress",
        decisions={"accepted": Decision(date(2026, 11, 4), by="李四")},
        consultations=[ConsultationInfo(date(2026, 10, 20), "walk-in", "王经理", "专利侵权判断",
                                        "询问对方设备是否侵权", "建议固定证据并申请比对分析", "李四")],
        prechecks=[
            {"kind": "patent", "claim": 1, "verdict": "likely_infringing", "verdict_zh": "可能落入保护范围",
             "reason_zh": "全部技术特征相同或等同。", "reason_en": "All features identical or equivalent.",
             "elements": [
                 {"index": 1, "element": "机架", "status": "covered", "evidence": "设备包括机架", "note": ""},
                 {"index": 2, "element": "基于图像识别的分级单元", "status": "equivalent",
                  "evidence": "采用摄像头与算法分级", "note": "手段基本相同"}],
             "citations": [{"source": "专利法", "version": "2020年修正", "article": "第64条"}],
             "disclaimer": "参考性预判，非法律认定", "disclaimer_en": "reference pre-check, not a legal determination"},
            {"kind": "trademark", "mark": "秦岭", "other": "秦林", "score": 78, "likely_confusion": True,
             "risk": "high", "factors": [{"name": "字形", "score": 80, "text_zh": "两字相同一字近似",
                                          "text_en": "glyphs close"}], "citations": []},
            {"kind": "gi", "verdict": "misuse_likely", "verdict_zh": "可能构成冒用", "reason_zh": "使用“洛川苹果风味”字样",
             "reason_en": "uses 'Luochuan apple style'"},
            {"kind": "trade_secret", "verdict": "substantially_same", "reason_en": "3 of 4 points match",
             "matches": [{"point": "配方比例", "score": 92}, {"point": "工艺温度", "score": 88}]},
        ],
        compensation=estimate_dict,
    )


@pytest.fixture(scope="session")
def workstation() -> WorkstationInfo:
    return WorkstationInfo(name="秦创原（西安高新）知识产权维权援助工作站",
                           name_en="Qin Chuangyuan (Xi'an Hi-tech) IP Assistance Workstation")
