"""Deterministic, realistic Chinese demo data for screenshots, tests and benchmarks.

Every code is valid (credit codes by GB 32100-2015, patent numbers with their CNIPA check character),
dates follow the workflow and the working-day deadlines. The same ``seed`` always gives the same data.
Written in chunks through bulk inserts (one transaction per chunk), so 100,000 cases take seconds, not
minutes, and a killed run leaves a consistent store.
"""

from __future__ import annotations

import hashlib
import json
import random
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from sqlalchemy import func, insert, select, text

from qcy_workstation.accounts.permissions import require
from qcy_workstation.accounts.principal import Principal, acting
from qcy_workstation.cases import search
from qcy_workstation.cases.deadlines import add_working_days
from qcy_workstation.cases.models import AuditEvent, Case, Consultation, Party, Right, Transition
from qcy_workstation.cases.names import normalise_name
from qcy_workstation.cases.settings import WorkstationSettings, load_settings
from qcy_workstation.cases.validation import USCC_CHARSET, make_uscc, patent_check_char
from qcy_workstation.db.base import china_today, utcnow
from qcy_workstation.db.store import Store

Progress = Callable[[int, int], bool]

PLACES = [("西安", "610131"), ("西安", "610113"), ("咸阳", "610402"), ("宝鸡", "610302"), ("渭南", "610502"),
          ("杨凌", "610403"), ("延安", "610602"), ("汉中", "610702"), ("榆林", "610802"), ("铜川", "610202"),
          ("安康", "610902"), ("商洛", "611002")]
STEMS = ["秦川", "华光", "长安", "丝路", "汉唐", "三秦", "泾渭", "终南", "曲江", "灞桥", "骊山", "太白", "秦岭", "未央",
         "大雁", "雁塔", "鼎新", "瑞丰", "启明", "博睿", "中科", "天和", "恒源", "金桥", "凯达", "星河", "蓝田", "北斗",
         "云帆", "智谷", "光子", "锐芯", "翔宇", "创源", "宏图", "精工", "海纳", "亿联", "澜舟", "卓越"]
INDUSTRIES = [("科技", "信息技术"), ("电子", "电子信息"), ("生物", "生物医药"), ("新材料", "新材料"), ("智能装备", "高端装备"),
              ("软件", "软件和信息服务"), ("光电", "光电子"), ("农业科技", "现代农业"), ("医药", "生物医药"),
              ("航空科技", "航空航天"), ("新能源", "新能源"), ("食品", "食品加工")]
FORMS = ["有限公司", "有限责任公司", "股份有限公司"]
SURNAMES = "王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧程曹袁邓许傅沈曾彭吕苏卢蒋蔡贾丁魏薛叶阎余潘杜戴夏钟汪田任姜范方石姚谭廖邹熊金陆郝孔白崔康毛邱秦江史顾侯邵孟龙万段雷钱汤尹黎易常武乔贺赖龚文"
GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉萍红娥玲芬燕彬鹏辉建国志宏海波宁博文斌晨浩然雪梅子轩"
STAFF = ["张敏", "李强", "王静", "赵磊", "陈洁", "刘洋"]
PATENT_TITLES = ["一种猕猴桃分选装置", "一种基于深度学习的工件缺陷检测方法", "一种锂电池极片涂布设备", "一种苹果采摘机械手",
                 "一种高强度铝合金及其制备方法", "一种无人机电池快换结构", "一种光伏组件清洁机器人", "一种中药提取浓缩装置",
                 "一种半导体激光器散热模块", "一种柿饼烘干房温湿度控制系统", "一种石墨烯导热膜的制备方法", "一种智能水表计量模块",
                 "一种钛合金骨科植入物", "一种农田土壤墒情监测装置", "一种面向工业互联网的数据采集网关"]
MARKS = ["秦韵", "长安号", "丝路源", "汉唐坊", "终南山", "秦之味", "雁塔", "QINYUN", "XIANFENG", "骊山红", "太白雪",
         "三秦源", "锐芯", "星河智造", "蓝田玉润", "SILKROAD", "华光", "渭水", "秦岭农夫", "老秦人"]
NICE = [("25", "2501", "服装"), ("30", "3002", "茶叶"), ("29", "2901", "肉类"), ("31", "3109", "新鲜水果"),
        ("33", "3301", "白酒"), ("9", "0901", "计算机软件"), ("35", "3501", "广告"), ("5", "0501", "药品"),
        ("11", "1106", "照明设备"), ("7", "0701", "农业机械"), ("32", "3202", "饮料"), ("43", "4301", "餐饮服务")]
GIS = [("洛川苹果", "陕西省延安市洛川县", "certification_mark"), ("周至猕猴桃", "陕西省西安市周至县", "agricultural_gi"),
       ("眉县猕猴桃", "陕西省宝鸡市眉县", "gi_product"), ("富平柿饼", "陕西省渭南市富平县", "gi_product"),
       ("临潼石榴", "陕西省西安市临潼区", "gi_product"), ("旬邑苹果", "陕西省咸阳市旬邑县", "agricultural_gi"),
       ("大荔冬枣", "陕西省渭南市大荔县", "collective_mark"), ("潼关肉夹馍", "陕西省渭南市潼关县", "collective_mark"),
       ("蒲城酥梨", "陕西省渭南市蒲城县", "collective_mark"), ("澄城樱桃", "陕西省渭南市澄城县", "collective_mark")]
SECRETS = ["客户名单及交易习惯", "锂电池正极材料烧结工艺参数", "发酵菌种培育配方", "光刻胶配方及工艺窗口",
           "无人机飞控算法源代码", "柿饼脱涩工艺流程", "供应商报价体系", "高温合金热处理曲线"]
PRODUCTS = ["电商平台店铺", "线下专卖店", "展会展台", "批发市场", "直播间", "官方网站"]
CONSULT_TOPICS = {
    "trademark": ["商标被抢注怎么办", "商标近似如何判断", "商标侵权投诉途径", "商标续展与变更", "网店使用近似商标", "商标许可合同备案"],
    "patent": ["专利侵权判定咨询", "实用新型专利评价报告", "专利无效宣告程序", "发明专利申请前检索", "专利许可费如何确定", "展会专利侵权投诉"],
    "gi": ["地理标志专用标志使用申请", "地理标志产品被冒用", "地理标志证明商标许可", "农产品地理标志登记"],
    "trade-secret": ["离职员工带走技术资料", "保密协议如何签订", "商业秘密认定条件", "竞业限制纠纷"],
}
CONSULT_ADVICE = ["建议先固定证据（公证购买、网页存证），再向市场监管部门投诉。", "建议委托专利代理机构出具评价报告后再行维权。",
                  "可申请人民调解或向仲裁机构申请仲裁，费用较低、周期较短。", "建议完善保密制度并与涉密人员签订保密协议。",
                  "已告知诉讼时效为三年，自知道或应当知道权利受到损害以及义务人之日起计算。", "建议向海关总署办理知识产权海关保护备案。"]


@dataclass(frozen=True)
class DemoResult:
    cases: int
    consultations: int
    parties: int


def _org_code(rng: random.Random) -> str:
    return "".join(rng.choice(USCC_CHARSET) for _ in range(8))


def _patent_number(rng: random.Random, year: int, kind_digit: str) -> str:
    body = f"{year}{kind_digit}{rng.randrange(10**7):07d}"
    return f"ZL{body}.{patent_check_char(body)}"


def _person(rng: random.Random) -> str:
    return rng.choice(SURNAMES) + "".join(rng.choice(GIVEN) for _ in range(rng.choice((1, 2))))


_BULK_TABLES = ("parties", "cases", "rights", "transitions", "consultations", "audit_events")


@dataclass
class _Heads:
    """What a bulk insert builds on: the next free primary keys (so rows can reference each other without a
    round trip), the last case number per year and the audit chain's last hash. Read at the start of the
    transaction that inserts the rows, never carried over to a later one: another writer (a desk adding
    cases, a second seeder) may have committed in between, and reused ids, numbers or a stale chain head
    give UNIQUE failures or a broken audit chain."""

    party: int
    case: int
    right: int
    transition: int
    consultation: int
    seqs: dict[int, int]
    prev_hash: str

    @classmethod
    def read(cls, s, store: Store) -> _Heads:  # type: ignore[no-untyped-def]
        if store.engine.dialect.name == "postgresql":
            # PostgreSQL has no BEGIN IMMEDIATE: keep other writers out of these tables until the commit,
            # so what is read here is still the head when the rows go in.
            s.execute(text(f"LOCK TABLE {', '.join(_BULK_TABLES)} IN SHARE ROW EXCLUSIVE MODE"))

        def nxt(model):  # type: ignore[no-untyped-def]
            return (s.execute(select(func.max(model.id))).scalar() or 0) + 1

        seqs = {y: n or 0 for y, n in s.execute(select(Case.year, func.max(Case.seq)).group_by(Case.year))}
        prev_hash = s.execute(select(AuditEvent.hash).order_by(AuditEvent.id.desc()).limit(1)).scalar() or ""
        return cls(nxt(Party), nxt(Case), nxt(Right), nxt(Transition), nxt(Consultation), seqs, prev_hash)


@dataclass
class _CaseDraft:
    """One demo case with everything drawn from the random generator; ids, number and hashes come later,
    inside the transaction that writes it."""

    row: dict
    right: dict
    path: list[tuple[str, str, date, str]]
    events: list[tuple[str, str, datetime]]
    fts_rest: str  # the search text after the case number (tokenised here, outside the transaction)


def seed_demo(store: Store, *, cases: int = 200, consultations: int | None = None, seed: int = 2026,
              staff: Principal | str = "demo", progress: Progress | None = None, chunk: int = 5000,
              today: date | None = None) -> DemoResult:
    """Write ``cases`` cases (and twice as many consultations unless told) with parties, rights,
    transitions, deadlines and audit events. Returns what was written. ``progress(done, total)`` may
    return False to stop after the current chunk (what was written stays, consistent).

    Safe next to other writers: each chunk's rows are drawn first, outside any transaction (so the write
    lock is held briefly), then numbered from the ids, case numbers and audit chain head read inside the
    chunk's own transaction."""
    principal = acting(store, staff)  # demo data into a store with accounts: an administrator only
    require(principal, "demo.seed")
    staff = principal.name
    rng = random.Random(seed)
    n_consult = cases * 2 if consultations is None else consultations
    today = today or china_today()
    start = date(today.year - 3, 1, 1)
    span = (today - start).days
    # Enterprises: about one per three cases, reused as applicants and opponents.
    n_parties = max(8, cases // 3)
    parties = []
    seen_names: set[str] = set()
    while len(parties) < n_parties:
        place, division = rng.choice(PLACES)
        ind, industry = rng.choice(INDUSTRIES)
        stem = rng.choice(STEMS) + (rng.choice(STEMS) if len(seen_names) > len(STEMS) * 20 else "")
        name = f"{place}{stem}{ind}{rng.choice(FORMS)}"
        if name in seen_names:
            name = f"{place}{stem}{rng.choice(STEMS)}{ind}{rng.choice(FORMS)}"
            if name in seen_names:
                continue
        seen_names.add(name)
        parties.append((name, make_uscc("91", division, _org_code(rng)), industry, place))
    # Weighted towards recent months: the desk's open work is what staff look at.
    received = sorted(start + timedelta(days=int(rng.triangular(0, span, span))) for _ in range(cases))
    party_rows = [
        {"name": n, "name_norm": normalise_name(n, drop_place=True), "kind": "enterprise",
         "uscc": code, "address": f"陕西省{place}市高新区科技路{rng.randrange(1, 300)}号",
         "contact": _person(rng), "phone": f"029-8{rng.randrange(10**6, 10**7)}", "email": "",
         "industry": industry, "settled": rng.random() < 0.7, "created_at": utcnow()}
        for n, code, industry, place in parties]

    with store.write() as s:
        heads = _Heads.read(s, store)
        settings = load_settings(s)
        party_base = heads.party
        s.execute(insert(Party), [{"id": party_base + i, **row} for i, row in enumerate(party_rows)])
        _sync_sequences(s, store)

    total = cases + n_consult
    done = 0
    case_ids: list[int] = []
    for lo in range(0, cases, chunk):
        drafts = [_draft_case(rng, received[i], parties, party_base, settings, today)
                  for i in range(lo, min(cases, lo + chunk))]
        with store.write() as s:
            heads = _Heads.read(s, store)
            case_rows, right_rows, trans_rows, audit_rows, fts_rows = [], [], [], [], []
            prev_hash = heads.prev_hash
            for d in drafts:
                cid = heads.case
                heads.case += 1
                year = d.row["received_on"].year
                heads.seqs[year] = heads.seqs.get(year, 0) + 1
                number = f"QCY-{year}-{heads.seqs[year]:05d}"
                staff_name = d.row["staff"]
                case_rows.append({**d.row, "id": cid, "number": number, "year": year, "seq": heads.seqs[year]})
                for frm, to, day, reason in d.path:
                    trans_rows.append({"id": heads.transition, "case_id": cid, "from_status": frm, "to_status": to,
                                       "at": datetime.combine(day, datetime.min.time()) + timedelta(hours=2),
                                       "on": day, "by": staff_name, "reason": reason})
                    heads.transition += 1
                right_rows.append({"id": heads.right, "case_id": cid, **d.right})
                heads.right += 1
                case_ids.append(cid)
                fts_rows.append({"id": cid, "body": f"{search.index_body(number)} {d.fts_rest}"})
                for action, body, at in d.events:
                    digest = hashlib.sha256(json.dumps([prev_hash, at.isoformat(), staff_name, action, "case", number,
                                                        cid, body], ensure_ascii=False,
                                                       separators=(",", ":")).encode()).hexdigest()
                    audit_rows.append({"at": at, "actor": staff_name, "action": action, "entity": "case",
                                       "entity_id": number, "case_id": cid, "details": body, "prev_hash": prev_hash,
                                       "hash": digest})
                    prev_hash = digest
            s.execute(insert(Case), case_rows)
            s.execute(insert(Right), right_rows)
            if trans_rows:
                s.execute(insert(Transition), trans_rows)
            s.execute(insert(AuditEvent), audit_rows)
            s.execute(text("INSERT INTO case_fts(rowid, body) VALUES (:id, :body)"), fts_rows)
            _sync_sequences(s, store)
        done += len(case_rows)
        if progress is not None and not progress(done, total):
            return DemoResult(done, 0, len(parties))

    channels = ("walk-in", "phone", "online", "letter")
    written = 0
    for lo in range(0, n_consult, chunk):
        rows, fts_bodies = [], []
        for _ in range(lo, min(n_consult, lo + chunk)):
            ip_type = rng.choices(("trademark", "patent", "gi", "trade-secret"), (45, 35, 8, 12))[0]
            day = start + timedelta(days=rng.randrange(span + 1))
            at = datetime.combine(day, datetime.min.time()) + timedelta(minutes=rng.randrange(8 * 60, 18 * 60))
            org = rng.choice(parties)[0]
            enquirer = _person(rng) + rng.choice(("", "经理", "女士", "先生", "总监"))
            topic = rng.choice(CONSULT_TOPICS[ip_type])
            summary = f"{org}的{enquirer}来电咨询{topic}，涉及{rng.choice(MARKS + [g[0] for g in GIS])}相关产品。"
            advice = rng.choice(CONSULT_ADVICE)
            linked = case_ids[rng.randrange(len(case_ids))] if case_ids and rng.random() < 0.1 else None
            rows.append({"at": at, "channel": rng.choices(channels, (30, 45, 20, 5))[0],
                         "staff": rng.choice(STAFF), "enquirer": enquirer, "organisation": org,
                         "phone": f"1{rng.choice('3589')}{rng.randrange(10**8, 10**9)}", "ip_type": ip_type,
                         "topic": topic, "summary": summary, "advice": advice,
                         "follow_up_on": day + timedelta(days=7) if rng.random() < 0.2 else None,
                         "case_id": linked, "created_at": utcnow()})
            fts_bodies.append(search.index_body(enquirer, org, topic, summary, advice))
        with store.write() as s:
            base = _Heads.read(s, store).consultation
            s.execute(insert(Consultation), [{"id": base + i, **row} for i, row in enumerate(rows)])
            s.execute(text("INSERT INTO consultation_fts(rowid, body) VALUES (:id, :body)"),
                      [{"id": base + i, "body": body} for i, body in enumerate(fts_bodies)])
            _sync_sequences(s, store)
        written += len(rows)
        done += len(rows)
        if progress is not None and not progress(done, total):
            break
    return DemoResult(cases, written, len(parties))


def _draft_case(rng: random.Random, recv: date, parties: list[tuple[str, str, str, str]], party_base: int,
                settings: WorkstationSettings, today: date) -> _CaseDraft:
    """Everything of one case that comes from the random generator (in the generator's order)."""
    ip_type = rng.choices(("trademark", "patent", "gi", "trade-secret"), (45, 35, 8, 12))[0]
    a_idx = rng.randrange(len(parties))
    o_idx = rng.randrange(len(parties))
    applicant, opponent = parties[a_idx], parties[o_idx] if o_idx != a_idx else None
    title, facts, right = _case_story(rng, ip_type, applicant[0], opponent[0] if opponent else "某公司", recv)
    staff_name = rng.choice(STAFF)
    acceptance_due = add_working_days(recv, settings.acceptance_days).due
    status, path = _status_path(rng, recv, today)
    row = {"title": title, "ip_type": ip_type,
           "assistance": rng.choice(("infringement-opinion", "legal-consultation,dispute-route",
                                     "infringement-opinion,compensation-estimate", "dispute-route", "early-warning")),
           "applicant_id": party_base + a_idx, "opponent_id": party_base + o_idx if opponent else None,
           "facts": facts, "staff": staff_name,
           "priority": rng.choices(("low", "normal", "high", "urgent"), (10, 70, 15, 5))[0],
           "confidential": rng.random() < 0.05 or ip_type == "trade-secret", "status": status, "received_on": recv,
           "accepted_on": None, "opinion_on": None, "closed_on": None,
           "acceptance_due": acceptance_due, "opinion_due": None, "outcome": "",
           "created_at": utcnow(), "created_by": staff_name, "updated_at": utcnow()}
    for _frm, to, day, _reason in path:
        if to == "accepted":
            row["accepted_on"] = day
            row["opinion_due"] = add_working_days(day, settings.opinion_days).due
        elif to == "opinion_issued":
            row["opinion_on"] = day
        elif to in ("closed", "declined", "withdrawn"):
            row["closed_on"] = day
    if status == "closed":
        row["outcome"] = rng.choice(("调解结案", "对方停止侵权", "出具参考意见后企业起诉", "行政投诉已受理"))
    # Dated as the steps happened (09:00 / 10:00 China time = 01:00 / 02:00 UTC), so timelines read true.
    events = [("create", {"title": title, "type": ip_type, "applicant": applicant[0]},
               datetime.combine(recv, datetime.min.time()) + timedelta(hours=1))]
    events += [("transition", {"from": f, "to": t, "on": d.isoformat(), "reason": r},
                datetime.combine(d, datetime.min.time()) + timedelta(hours=2)) for f, t, d, r in path]
    opponent_name = opponent[0] if opponent else ""
    fts_rest = search.index_body(title, facts, applicant[0], opponent_name, applicant[1], right.get("number", ""),
                                 right.get("title", ""), right.get("protected_area", ""))
    return _CaseDraft(row, right, path,
                      [(action, json.dumps(details, ensure_ascii=False, sort_keys=True), at)
                       for action, details, at in events], fts_rest)


def _sync_sequences(s, store: Store) -> None:  # type: ignore[no-untyped-def]
    """Rows were inserted with explicit ids; on PostgreSQL move each id sequence past them, in the same
    transaction (the tables are locked until its commit, so no other writer draws an id in between)."""
    if store.engine.dialect.name != "postgresql":
        return
    for table in _BULK_TABLES:
        s.execute(text(f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), "
                       f"(SELECT coalesce(max(id), 1) FROM {table}))"))


def _status_path(rng: random.Random, recv: date, today: date) -> tuple[str, list[tuple[str, str, date, str]]]:
    """A plausible history for a case received on ``recv``: older cases have gone further."""
    age = (today - recv).days
    path: list[tuple[str, str, date, str]] = []
    day = recv

    def step(frm: str, to: str, days: int, reason: str = "") -> bool:
        nonlocal day
        nxt = day + timedelta(days=days)
        if nxt > today:
            return False
        day = nxt
        path.append((frm, to, day, reason))
        return True

    if age < 3:
        return "received", path
    stall = rng.random() < 0.35 and age < 120  # recent cases still being worked on (some overdue)
    stop_at = rng.choice(("received", "accepted", "in_progress", "in_progress", "opinion_issued")) if stall else ""
    if stop_at == "received":
        return "received", path
    roll = rng.random()
    if roll < 0.08:
        ok = step("received", "declined", rng.randrange(1, 8), rng.choice(("不属于本地管辖", "已由法院受理", "未能提供基本证据")))
        return ("declined" if ok else "received"), path
    if roll < 0.12:
        ok = step("received", "withdrawn", rng.randrange(1, 10), "企业与对方自行和解")
        return ("withdrawn" if ok else "received"), path
    if not step("received", "accepted", rng.choice((1, 2, 3, 4, 5, 6, 9))):
        return "received", path
    if stop_at == "accepted" or not step("accepted", "in_progress", rng.randrange(1, 5)):
        return "accepted", path
    if stop_at == "in_progress" or not step("in_progress", "opinion_issued", rng.randrange(10, 40)):
        return "in_progress", path
    if stop_at == "opinion_issued" or not step("opinion_issued", "closed", rng.randrange(5, 60)):
        return "opinion_issued", path
    return "closed", path


def _case_story(rng: random.Random, ip_type: str, applicant: str, opponent: str,
                recv: date) -> tuple[str, str, dict[str, str]]:
    channel = rng.choice(PRODUCTS)
    if ip_type == "patent":
        ptitle = rng.choice(PATENT_TITLES)
        digit = rng.choice("1112")
        number = _patent_number(rng, rng.randrange(2012, recv.year), digit)
        kind = "invention" if digit == "1" else "utility_model"
        claims = f"1. {ptitle}，包括机架、驱动机构和控制单元，其特征在于：所述驱动机构与控制单元电连接。"
        facts = (f"{applicant}是专利号{number}“{ptitle}”的专利权人。{recv.month}月，申请人发现{opponent}在{channel}"
                 f"销售的产品与其专利技术方案相同或等同，请求工作站出具侵权判定参考意见。")
        return (f"{ptitle}专利侵权纠纷", facts,
                {"kind": "patent", "number": number, "title": ptitle, "patent_kind": kind, "claims": claims})
    if ip_type == "trademark":
        mark = rng.choice(MARKS)
        cls, group, goods = rng.choice(NICE)
        reg = str(rng.randrange(10**6, 7 * 10**7))
        facts = (f"{applicant}在第{cls}类{goods}上注册了“{mark}”商标（注册号{reg}）。申请人发现{opponent}在{channel}"
                 f"使用与“{mark}”近似的标识，易使消费者混淆，请求协助判断是否构成侵权并估算赔偿。")
        return (f"“{mark}”商标侵权纠纷", facts,
                {"kind": "trademark", "number": reg, "title": mark, "nice_classes": cls, "similar_groups": group,
                 "goods": goods})
    if ip_type == "gi":
        gi, area, route = rng.choice(GIS)
        facts = (f"{applicant}反映，{opponent}在{channel}销售标注“{gi}”字样的产品，但产地不在{area}，涉嫌冒用地理标志。")
        return (f"{gi}地理标志冒用", facts,
                {"kind": "gi", "title": gi, "protected_area": area, "gi_route": route})
    secret = rng.choice(SECRETS)
    facts = (f"{applicant}的{secret}属于商业秘密，已采取签订保密协议、限制访问等措施。原技术人员离职后入职{opponent}，"
             f"对方随即推出类似产品，申请人怀疑商业秘密被披露使用。")
    return (f"{secret}商业秘密纠纷", facts,
            {"kind": "trade-secret", "title": secret, "secret_description": secret,
             "secrecy_measures": "保密协议；涉密文件加密；门禁与权限管理"})
