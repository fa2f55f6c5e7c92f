"""A store whose known rights come from earlier cases: a patent with claims, a registered mark, a GI case,
and an accused infringer — the 'register' a project is screened against."""

from __future__ import annotations

from datetime import date

import pytest

from qcy_workstation.cases.dto import NewCase, PartyInput, RightInput
from qcy_workstation.cases.services import CaseService
from qcy_workstation.cases.validation import patent_check_char

TODAY = date(2026, 11, 20)
PATENT_BODY = "201910512345"
PATENT = f"ZL{PATENT_BODY}.{patent_check_char(PATENT_BODY)}"
CLAIMS = ("1. 一种猕猴桃分选装置，包括机架、输送带、称重传感器和控制器，其特征在于：所述称重传感器设置在输送带下方，"
          "所述控制器根据重量信号控制分拣挡板。\n"
          "2. 根据权利要求1所述的猕猴桃分选装置，其特征在于：还包括清洗喷头。")
OTHER_CLAIMS = "1. 一种光伏组件清洁机器人，包括行走机构、毛刷辊和水箱，其特征在于：所述毛刷辊由无刷电机驱动。"


def plant_register(cases: CaseService) -> None:
    """Earlier cases whose rights and parties the screening must find."""
    cases.create(NewCase(
        title="猕猴桃分选装置专利侵权纠纷", ip_type="patent", received_on=date(2026, 3, 2),
        applicant=PartyInput(name="西安秦川科技有限公司", industry="现代农业"),
        opponent=PartyInput(name="咸阳仿冒食品有限公司"),
        rights=(RightInput(kind="patent", number=PATENT, title="一种猕猴桃分选装置", owner="西安秦川科技有限公司",
                           claims=CLAIMS),)))
    cases.create(NewCase(
        title="光伏清洁机器人专利纠纷", ip_type="patent", received_on=date(2026, 3, 9),
        applicant=PartyInput(name="榆林光子新能源有限公司"),
        rights=(RightInput(kind="patent", title="一种光伏组件清洁机器人", claims=OTHER_CLAIMS),)))
    cases.create(NewCase(
        title="“秦韵”商标侵权纠纷", ip_type="trademark", received_on=date(2026, 4, 1),
        applicant=PartyInput(name="陕西秦韵茶业有限公司"),
        rights=(RightInput(kind="trademark", number="12345678", title="秦韵", nice_classes="30"),)))


@pytest.fixture
def register_cases(store):  # type: ignore[no-untyped-def]
    svc = CaseService(store, actor="张三", today=TODAY)
    plant_register(svc)
    return svc


@pytest.fixture
def patent_number() -> str:
    return PATENT
