"""Issue 17 item 2: expert panels on difficult cases.

On a real store (SQLite here, PostgreSQL with ``--store=postgresql``): the expert pool, the conflict check of
an expert against the case's parties (the keys of the intake conflict check), a panel meeting with each
expert's opinion, hours and fee, its conclusion and dissent, the conclusion cited in the reference opinion read
back from PDF and DOCX, the CLI with ``--json``, and bad input refused with a code and nothing saved."""

from __future__ import annotations

import io
import json
import os
from datetime import date
from pathlib import Path
from typing import Any

import docx
import pytest
from cli_runner import story
from pypdf import PdfReader
from sqlalchemy import func, select

from qcy_workstation.accounts.service import AccountService
from qcy_workstation.cases.dto import NewCase, PartyInput, RightInput
from qcy_workstation.cases.models import AuditEvent
from qcy_workstation.cases.services import CaseService
from qcy_workstation.documents.service import DocumentService
from qcy_workstation.errors import NotFoundError, PermissionDeniedError, ValidationError, WorkflowError
from qcy_workstation.experts.dto import NewExpert, NewPanel, Seat
from qcy_workstation.experts.models import Expert, ExpertPanel, PanelSeat
from qcy_workstation.experts.service import ExpertService

PASSWORD = "expert-panels-2026"


def _case(store: Any, actor: Any = "张三", **kw: Any) -> str:
    return CaseService(store, actor).create(NewCase(
        title=kw.pop("title", "通信协议专利侵权（疑难）"), ip_type="patent",
        applicant=PartyInput("西安秦川通信科技有限公司"), opponent=PartyInput("咸阳华信电子有限公司"),
        facts="对方产品是否落入权利要求1的保护范围存在争议。", received_on=date(2026, 9, 28),
        rights=(RightInput(kind="patent", number="ZL202010123456.2", title="一种数据传输方法"),), **kw)).number


def _counts(store: Any) -> tuple[int, int, int, int]:
    with store.read() as s:
        return tuple(s.execute(select(func.count(t.id))).scalar() for t in (Expert, ExpertPanel, PanelSeat,
                                                                               AuditEvent))  # type: ignore[return-value]


@pytest.fixture
def experts(store: Any) -> ExpertService:
    svc = ExpertService(store, "张三")
    svc.add_expert(NewExpert(name="王教授", field="通信技术", ipc_classes="h04l, G06F 17/30",
                             affiliation="西安电子科技大学", contact="029-8820xxxx"))
    svc.add_expert(NewExpert(name="李研究员", field="专利审查", ipc_classes="H04W", affiliation="专利审查协作中心"))
    svc.add_expert(NewExpert(name="赵律师", field="专利诉讼", nice_classes="9, 38",
                             affiliation="陕西秦川通信科技集团有限公司"))  # the applicant's group: a conflict
    return svc


def test_staff_build_the_pool_and_find_experts_by_ipc_class_and_nice_class(experts) -> None:
    pool = experts.list_experts()
    assert [e.name for e in pool] == sorted(e.name for e in pool)
    wang = next(e for e in pool if e.name == "王教授")
    assert wang.ipc_classes == ("H04L", "G06F 17/30") and wang.contact == "029-8820xxxx"
    assert {e.name for e in experts.list_experts(ipc="H04")} == {"王教授", "李研究员"}
    assert [e.name for e in experts.list_experts(nice="38")] == ["赵律师"]
    assert [e.name for e in experts.list_experts(text="电子科技")] == ["王教授"]
    experts.update_expert("李研究员", active=False)
    assert "李研究员" not in {e.name for e in experts.list_experts()}
    assert "李研究员" in {e.name for e in experts.list_experts(include_inactive=True)}


def test_an_expert_whose_affiliation_matches_a_party_is_refused_with_the_party_named_and_nothing_saved(
        store, experts) -> None:
    number = _case(store)
    hits = experts.conflicts(number)
    assert [(h.expert, h.matched, h.party, h.role) for h in hits] == [
        ("赵律师", "affiliation", "西安秦川通信科技有限公司", "applicant")]
    before = _counts(store)
    with pytest.raises(ValidationError) as err:
        experts.add_panel(NewPanel(case_number=number, experts=("王教授", "赵律师"), held_on=date(2026, 10, 20)))
    assert err.value.reason == "expert.conflict" and err.value.field == "experts"
    assert err.value.params["party"] == "西安秦川通信科技有限公司" and err.value.params["expert"] == "赵律师"
    assert "西安秦川通信科技有限公司" in err.value.message
    assert _counts(store) == before  # not even 王教授 was seated: one transaction


def test_an_expert_who_is_the_opposing_party_by_name_is_refused(store, experts) -> None:
    number = CaseService(store, "张三").create(NewCase(
        title="外观设计纠纷", ip_type="patent", applicant=PartyInput("西安某家具有限公司"),
        opponent=PartyInput("周建国", kind="person"), received_on=date(2026, 9, 28))).number
    zhou = experts.add_expert(NewExpert(name="周建国", field="工业设计", affiliation="西北工业大学"))
    with pytest.raises(ValidationError) as err:
        experts.add_panel(NewPanel(case_number=number, experts=(zhou.id,), held_on=date(2026, 10, 9)))
    assert (err.value.reason, err.value.params["role"], err.value.params["matched"]) == (
        "expert.conflict", "opponent", "name")


def test_a_panel_meets_records_each_opinion_and_fee_and_its_conclusion_with_dissent(store, experts) -> None:
    number = _case(store)
    panel = experts.add_panel(NewPanel(
        case_number=number, experts=(Seat("王教授", hours="3.5"), Seat("李研究员", fee=1500)),
        held_on=date(2026, 10, 20), questions="被诉产品是否包含权利要求1的全部技术特征？"))
    assert panel.number == "LZ-2026-0001" and not panel.concluded
    assert [(s.name, s.hours, s.fee) for s in panel.seats] == [("王教授", 3.5, None), ("李研究员", None, 1500.0)]
    with pytest.raises(WorkflowError) as early:  # every seated expert's opinion first
        experts.conclude(panel.number, "落入保护范围")
    assert early.value.reason == "expert.opinion_missing" and "王教授" in early.value.params["experts"]
    experts.record_opinion(panel.number, "王教授", opinion="全部技术特征相同，落入保护范围。", fee="2000")
    experts.record_opinion(panel.number, "李研究员", opinion="特征C为等同替换，倾向于落入保护范围。")
    done = experts.conclude(panel.number, "多数意见认为被诉产品落入权利要求1的保护范围。",
                            dissent="李研究员认为特征C属等同而非相同，应进一步鉴定。", on=date(2026, 10, 21))
    assert done.concluded and done.concluded_on == date(2026, 10, 21)
    assert (done.total_hours, done.total_fee) == (3.5, 3500.0)
    assert experts.list_panels(number)[0].dissent.startswith("李研究员")
    assert experts.get_expert("王教授").panels == 1
    with pytest.raises(WorkflowError) as closed:
        experts.record_opinion(panel.number, "王教授", opinion="改口")
    assert closed.value.reason == "expert.panel_concluded"
    actions = [e.action for e in CaseService(store, "张三").timeline(number) if e.entity == "expert_panel"]
    assert actions == ["create", "opinion", "opinion", "conclude"]


def test_bad_panel_input_is_refused_with_its_code_and_nothing_is_saved(store, experts) -> None:
    number = _case(store)
    before = _counts(store)
    cases: list[tuple[Any, str, str]] = [
        (NewPanel(case_number=number, experts=()), "expert.panel_empty", "experts"),
        (NewPanel(case_number=number, experts=("没有这个人",)), "expert.not_found", "expert"),
        (NewPanel(case_number=number, experts=(9999,)), "expert.not_found", "expert"),
        (NewPanel(case_number=number, experts=("王教授", "王教授")), "expert.twice", "experts"),
        (NewPanel(case_number=number, experts=(Seat("王教授", hours=-1),)), "number.range", "hours"),
        (NewPanel(case_number=number, experts=(Seat("王教授", fee="-200"),)), "number.range", "fee"),
        (NewPanel(case_number=number, experts=(Seat("王教授", fee="abc"),)), "number.invalid", "fee"),
        (NewPanel(case_number=number, experts=("王教授",), held_on=date(2026, 9, 1)), "date.before_received",
         "held_on"),
        (NewPanel(case_number="QCY-2026-9999", experts=("王教授",)), "case.not_found", "case"),
    ]
    for new, reason, field in cases:
        with pytest.raises((ValidationError, NotFoundError)) as err:
            experts.add_panel(new)
        assert (err.value.reason, err.value.field) == (reason, field), new
    experts.update_expert("李研究员", active=False)
    with pytest.raises(ValidationError) as inactive:
        experts.add_panel(NewPanel(case_number=number, experts=("李研究员",), held_on=date(2026, 10, 9)))
    assert inactive.value.reason == "expert.inactive"
    for bad, reason in ((NewExpert(name=""), "required"), (NewExpert(name="某", ipc_classes="Z99"), "expert.ipc_class"),
                        (NewExpert(name="某", nice_classes="46"), "nice.class"),
                        (NewExpert(name="王教授", affiliation="西安电子科技大学"), "expert.exists")):
        with pytest.raises(ValidationError) as err:
            experts.add_expert(bad)
        assert err.value.reason == reason
    after = _counts(store)
    assert after[:3] == before[:3] and after[3] == before[3] + 1  # only the deactivation was written
    panel = experts.add_panel(NewPanel(case_number=number, experts=("王教授",), held_on=date(2026, 10, 9)))
    with pytest.raises(ValidationError) as neg:
        experts.record_opinion(panel.number, "王教授", hours="-2")
    assert (neg.value.reason, neg.value.field) == ("number.range", "hours")
    with pytest.raises(ValidationError) as not_seated:
        experts.record_opinion(panel.number, "赵律师", opinion="……")
    assert not_seated.value.reason == "expert.not_seated"
    with pytest.raises(ValidationError) as empty:
        experts.conclude(panel.number, "  ")
    assert (empty.value.reason, empty.value.field) == ("required", "conclusion")
    assert experts.get_panel(panel.number).seats[0].hours is None


def test_the_reference_opinion_cites_the_concluded_panel_in_pdf_and_docx(store, experts) -> None:
    number = _case(store)
    docs = DocumentService(store, "张三")
    plain = docs.build("reference-opinion", number)
    assert not any("专家论证" in s.heading for s in plain.sections)  # no panel: no section
    panel = experts.add_panel(NewPanel(case_number=number, experts=("王教授", "李研究员"), held_on=date(2026, 10, 20),
                                       questions="是否落入保护范围"))
    experts.record_opinion(panel.number, "王教授", opinion="落入", fee="8765")
    experts.record_opinion(panel.number, "李研究员", opinion="倾向于落入", hours="7.25")
    assert not any("专家论证" in s.heading for s in docs.build("reference-opinion", number).sections)  # open panel
    experts.conclude(panel.number, "被诉产品落入权利要求1的保护范围。", dissent="应进一步进行技术鉴定。",
                     on=date(2026, 10, 21))
    content = docs.build("reference-opinion", number)
    headings = [s.heading for s in content.sections]
    cited = next(i for i, h in enumerate(headings) if h.endswith("专家论证意见"))
    assert headings[cited + 1].endswith("参考意见")  # cited just before the workstation's own opinion
    pdf_text = "".join(p.extract_text() for p in PdfReader(io.BytesIO(docs.export(
        "reference-opinion", number, "pdf"))).pages).replace("\n", "")
    for words in ("专家论证意见", "被诉产品落入权利要求1的保护范围", "应进一步进行技术鉴定", "王教授", "西安电子科技大学",
                  "LZ-2026-0001", "不构成行政机关或人民法院的认定"):
        assert words in pdf_text, words
    doc_text = "\n".join(p.text for p in docx.Document(io.BytesIO(docs.export(
        "reference-opinion", number, "docx", lang="en"))).paragraphs)
    assert "Expert panel's conclusion" in doc_text and "被诉产品落入权利要求1的保护范围" in doc_text
    assert "8765" not in doc_text + pdf_text and "7.25" not in doc_text + pdf_text  # fees stay with the workstation


def test_roles_and_a_confidential_case(store) -> None:
    accounts = AccountService(store)
    root = accounts.create_administrator("root", "站长", PASSWORD)
    for login, name, roles in (("head", "赵磊", ["head"]), ("officer", "张敏", ["officer"]),
                               ("other", "刘洋", ["officer"]), ("reviewer", "王静", ["reviewer"])):
        accounts.create(root, login, name, roles, PASSWORD, must_change=False)
    who = {login: accounts.authenticate(login, PASSWORD) for login in ("head", "officer", "other", "reviewer")}
    with pytest.raises(PermissionDeniedError):
        ExpertService(store, who["officer"]).add_expert(NewExpert(name="某专家"))
    ExpertService(store, root).add_expert(NewExpert(name="王教授", affiliation="西安电子科技大学",
                                                    contact="手机 13812345678"))
    # a reviewer sees the pool with the mobile number masked, as every list for roles without personal.view_full
    assert "13812345678" not in ExpertService(store, who["reviewer"]).get_expert("王教授").contact
    assert "13812345678" in ExpertService(store, who["head"]).list_experts()[0].contact
    number = _case(store, who["head"], staff="张敏", confidential=True)
    with pytest.raises(PermissionDeniedError) as other:
        ExpertService(store, who["other"]).add_panel(NewPanel(case_number=number, experts=("王教授",),
                                                              held_on=date(2026, 10, 9)))
    assert other.value.reason in ("case.confidential", "auth.not_assigned")
    ExpertService(store, who["officer"]).add_panel(NewPanel(case_number=number, experts=("王教授",),
                                                            held_on=date(2026, 10, 9)))
    assert len(ExpertService(store, who["head"]).list_panels()) == 1
    assert ExpertService(store, who["other"]).list_panels() == []  # a confidential case's panel is not listed
    with pytest.raises(PermissionDeniedError):
        ExpertService(store, who["reviewer"]).record_opinion("LZ-2026-0001", "王教授", opinion="……")


def test_the_cli_adds_experts_convenes_concludes_with_json_and_refuses_bad_input(
        store_url: str, tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if k not in ("QCY_TOKEN", "QCY_DB")}

    run = story(store_url, staff="张三", env=env)

    wang = json.loads(run("expert", "add", "--name", "王教授", "--field", "通信技术", "--ipc", "H04L",
                          "--affiliation", "西安电子科技大学", "--json").stdout)
    assert wang["ipc_classes"] == ["H04L"] and wang["active"] is True
    run("expert", "add", "--name", "赵律师", "--affiliation", "西安秦川通信科技有限公司")
    assert json.loads(run("expert", "show", "王教授", "--json").stdout)["affiliation"] == "西安电子科技大学"
    case = json.loads(run("cases", "add", "--type", "patent", "--title", "通信专利侵权", "--applicant",
                          "西安秦川通信科技有限公司", "--received", "2026-10-09", "--json").stdout)["number"]
    listed = json.loads(run("expert", "list", "--case", case, "--json").stdout)
    assert {e["name"]: bool(e["conflict"]) for e in listed} == {"王教授": False, "赵律师": True}
    bad = run("panel", "add", "--case", case, "--expert", "赵律师", "--json", ok=False)
    err = json.loads(bad.stderr)
    assert err["reason"] == "expert.conflict" and err["params"]["party"] == "西安秦川通信科技有限公司"
    assert "expert.panel_empty" in run("panel", "add", "--case", case, ok=False).stderr
    assert "expert.not_found" in run("panel", "add", "--case", case, "--expert", "无名氏", ok=False).stderr
    assert json.loads(run("panel", "list", "--json").stdout) == []
    p = json.loads(run("panel", "add", "--case", case, "--expert", "王教授", "--on", "2026-10-12", "--questions",
                       "是否落入保护范围", "--json").stdout)
    assert p["number"] == "LZ-2026-0001" and [s["name"] for s in p["seats"]] == ["王教授"]
    bad = run("panel", "opinion", p["number"], "--expert", "王教授", "--hours", "-3", "--json", ok=False)
    assert json.loads(bad.stderr)["field"] == "hours"
    run("panel", "opinion", p["number"], "--expert", "王教授", "--opinion", "落入", "--hours", "2", "--fee", "1200")
    done = json.loads(run("panel", "conclude", p["number"], "--conclusion", "落入保护范围", "--on", "2026-10-12",
                          "--json").stdout)
    assert done["concluded_on"] == "2026-10-12" and done["seats"][0]["fee"] == 1200.0
    shown = run("panel", "show", p["number"]).stdout
    assert "conclusion: 落入保护范围" in shown and "2 h" in shown
    assert len(json.loads(run("panel", "list", "--case", case, "--json").stdout)) == 1
