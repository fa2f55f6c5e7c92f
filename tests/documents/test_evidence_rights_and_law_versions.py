"""Issue 13 items 6, 8 and 9: an opinion lists the evidence it rests on (with SHA-256), the rights' status and
the applicant's standing, an attachments list, and cites one law text: the AUCL in force on the date of the
acts for trade secrets, the route of the case's GI right for GIs. Each test reads the exported PDF back."""

from __future__ import annotations

import io
import re
from dataclasses import replace
from datetime import date

import docx
from pypdf import PdfReader

from qcy_workstation.compensation import CompensationInput, Evidence, estimate
from qcy_workstation.documents import PartyInfo, RightInfo, build_document, render
from qcy_workstation.documents.case_sections import EvidenceInfo

SHA = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08"


def _pdf_text(content) -> str:  # type: ignore[no-untyped-def]
    return re.sub(r"\s+", "", "\n".join(p.extract_text() for p in PdfReader(io.BytesIO(render(content, "pdf"))).pages))


def _docx_text(content) -> str:  # type: ignore[no-untyped-def]
    d = docx.Document(io.BytesIO(render(content, "docx")))
    parts = [p.text for p in d.paragraphs] + [c.text for t in d.tables for row in t.rows for c in row.cells]
    return re.sub(r"\s+", "", "\n".join(parts))


def _trade_secret_case(case_data, on: date | None):  # type: ignore[no-untyped-def]
    est = estimate(CompensationInput(right_type="trade_secret", infringement_date=on,
                                     actual_loss=Evidence.of(800000, "high"))).to_dict() if on else None
    return replace(case_data, ip_type="trade-secret", rights=[RightInfo("trade-secret", "", "发酵工艺参数", case_data.applicant.name)],
                   prechecks=[{"kind": "trade_secret", "verdict": "substantially_same", "reason_zh": "4个秘密点中3个相同。",
                               "matches": [{"point": "发酵温度", "score": 92}],
                               "citations": [{"key": "aucl_2019_art9", "source": "反不正当竞争法", "version": "2019年修正",
                                              "article": "第9条"}],
                               "citation_text_zh": "反不正当竞争法（2019年修正）第9条"}],
                   compensation=est)


def test_the_opinion_lists_the_evidence_with_its_sha256_and_an_attachments_list(case_data, workstation) -> None:
    case = replace(case_data, evidence=[EvidenceInfo("公证购买的分拣设备照片.pdf", SHA, 1024, "公证处",
                                                    "（2026）陕证字第118号", date(2026, 11, 5))])
    for kind in ("reference-opinion", "advice-letter"):
        content = build_document(kind, case, lang="zh", workstation=workstation, issue_date=date(2026, 11, 24))
        for text in (_pdf_text(content), _docx_text(content)):
            assert "证据材料" in text and "公证购买的分拣设备照片.pdf" in text, kind
            assert SHA in text, kind  # printed in groups of eight: read back without spaces it is the whole hash
            assert "附件" in text and "证据材料清单及校验值（1份）" in text, kind
            assert "赔偿数额估算明细" in text, kind


def test_without_evidence_the_opinion_says_it_rests_on_the_applicants_account(case_data, workstation) -> None:
    content = build_document("reference-opinion", replace(case_data, evidence=[], compensation=None), lang="en",
                             workstation=workstation, issue_date=date(2026, 11, 24))
    text = _pdf_text(content)
    assert "Noevidenceisrecordedonthecase" in text
    assert "Attachments" not in text  # nothing to attach


def test_staff_can_give_their_own_attachments_or_none(case_data, workstation) -> None:
    content = build_document("advice-letter", case_data, lang="zh", workstation=workstation,
                             issue_date=date(2026, 11, 24), options={"attachments": ["授权委托书", "专利登记簿副本"]})
    text = _pdf_text(content)
    assert "1.授权委托书" in text and "2.专利登记簿副本" in text and "赔偿数额估算明细" not in text
    content = build_document("advice-letter", case_data, lang="zh", workstation=workstation,
                             issue_date=date(2026, 11, 24), options={"attachments": []})
    assert "附件" not in _pdf_text(content)


def test_the_rights_status_names_the_term_the_register_and_a_holder_who_is_not_the_applicant(case_data,
                                                                                              workstation) -> None:
    case = replace(case_data, rights=[RightInfo("patent", "ZL202020566088.1", "分拣装置", "西安某研究院",
                                                register_status="专利权维持")])
    text = _pdf_text(build_document("reference-opinion", case, lang="zh", workstation=workstation,
                                    issue_date=date(2026, 11, 24)))
    assert "权利状态与主体资格" in text
    assert "2020年申请，保护期自申请日起10年，至2030年届满" in text and "第四十二条" in text  # a utility model
    assert "本工作站导入的登记信息显示：专利权维持" in text
    assert "西安某研究院（非申请人：请提供许可合同或授权）" in text
    unknown = replace(case, rights=[RightInfo("trademark", "12345678", "秦岭", case.applicant.name)])
    text = _pdf_text(build_document("reference-opinion", unknown, lang="zh", workstation=workstation,
                                    issue_date=date(2026, 11, 24)))
    assert "未在本工作站导入的登记信息中查到，以官方登记簿为准" in text
    assert f"主体资格：{case.applicant.name}为上述权利的权利人" in text


def test_a_trade_secret_opinion_cites_the_aucl_in_force_on_the_date_of_the_acts(case_data, workstation) -> None:
    expected = {date(2018, 6, 1): ("2017年修订", "第三十二条"), date(2021, 3, 1): ("2019年修正", None),
                date(2025, 11, 1): ("2025年修订", "2019年修正")}
    for on, (version, never) in expected.items():
        content = build_document("reference-opinion", _trade_secret_case(case_data, on), lang="zh",
                                 workstation=workstation, issue_date=date(2026, 11, 24))
        text = _pdf_text(content)
        laws = set(re.findall(r"反不正当竞争法》?（(\d{4}年(?:修订|修正))", text))
        assert laws == {version}, (on, laws)  # one AUCL version throughout: comparison and estimate agree
        if never:
            assert never not in text, on
    # the 2025 text's article numbers are not verified here: the letter names no number, staff are told
    content = build_document("reference-opinion", _trade_secret_case(case_data, date(2025, 11, 1)), lang="zh",
                             workstation=workstation, issue_date=date(2026, 11, 24))
    assert "反不正当竞争法》（2025年修订）关于商业秘密的规定" in _pdf_text(content)
    assert any("2025年修订" in c for c in content.metadata["staff_checks"])


def test_without_a_date_of_the_acts_no_aucl_version_is_asserted(case_data, workstation) -> None:
    content = build_document("reference-opinion", _trade_secret_case(case_data, None), lang="zh",
                             workstation=workstation, issue_date=date(2026, 11, 24))
    text = _pdf_text(content)
    assert "侵权行为发生时施行的《中华人民共和国反不正当竞争法》" in text and "2019年修正" not in text
    assert any("发生日期未记录" in c for c in content.metadata["staff_checks"])


GI_RESULT = {"kind": "gi", "verdict": "misuse", "reason_zh": "生产者不在保护范围内。", "reason_en": "outside the area",
             "citations": [
                 {"key": "trademark_law_16", "source": "商标法", "version": "2019年修正", "article": "第16条"},
                 {"key": "gi_product_rules", "source": "地理标志产品保护办法（国家知识产权局令）", "version": "2023",
                  "article": "有关禁止使用与冒用的条款"},
                 {"key": "tm_regulations_art4", "source": "商标法实施条例", "version": "2014", "article": "第4条"},
                 {"key": "agri_gi_rules", "source": "农产品地理标志管理办法（农业部令）", "version": "2019年修订",
                  "article": "有关标志使用的条款"}]}


def test_a_gi_opinion_follows_the_one_route_of_the_cases_right(case_data, workstation) -> None:
    holder = "洛川县苹果产业协会"
    for route, keeps, drops in [("certification_mark", ["地理标志证明商标", "商标法"], ["地理标志产品保护办法", "农产品地理标志管理办法"]),
                                ("gi_product", ["地理标志产品途径", "地理标志产品保护办法"], ["商标法实施条例", "农产品地理标志管理办法"])]:
        case = replace(case_data, ip_type="gi", applicant=PartyInfo(holder), compensation=None, prechecks=[GI_RESULT],
                       rights=[RightInfo("gi", "", "洛川苹果", holder, gi_route=route)])
        text = _pdf_text(build_document("reference-opinion", case, lang="zh", workstation=workstation,
                                        issue_date=date(2026, 11, 24)))
        for words in keeps:
            assert words in text, (route, words)
        for words in drops:
            assert words not in text, (route, words)
    no_route = replace(case, rights=[RightInfo("gi", "", "洛川苹果", holder)])
    content = build_document("reference-opinion", no_route, lang="zh", workstation=workstation,
                             issue_date=date(2026, 11, 24))
    assert any("保护途径未在权利信息中记录" in c for c in content.metadata["staff_checks"])


def test_a_right_without_a_named_holder_is_not_said_to_be_the_applicants(case_data, workstation) -> None:
    case = replace(case_data, rights=[RightInfo("trade-secret", "", "热处理曲线")], ip_type="trade-secret",
                   prechecks=[], compensation=None)
    text = _pdf_text(build_document("reference-opinion", case, lang="zh", workstation=workstation,
                                    issue_date=date(2026, 11, 24)))
    assert "材料中未写明权利人" in text and "为上述权利的权利人" not in text
