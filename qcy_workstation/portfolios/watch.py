"""Watch-list screening (issue 17 item 3): newly imported register rights against each enterprise's own.

Direction: the enterprise's registered mark is the earlier right; a newly imported mark of another holder
that resembles it is what the enterprise may oppose while the mark is in its publication period (Trademark
Law 2019 Art. 33) or ask to invalidate (Art. 45). Marks are compared with the pre-check trademark engine
(``compare_keys``: glyph, sound, meaning, goods similarity; Art. 57, SPC trademark interpretation Arts. 9-12)
and its review reasons (``trademark_review``): a pair that turns on facts the words cannot show is flagged
"needs review" instead of stated. The other way round from ``screen_trademark``: the enterprises' marks (a
few hundred) are indexed, and each new mark asks that small index for candidates, so a 100,000-mark import
costs one small lookup per mark plus full comparisons of the shortlist only (benchmarks/bench_portfolio_watch.py).

Patents: claim 1 of each of the enterprise's patents (from the register, when it holds the claims) is charted
against the new patents' claims by the early-warning engine (``warning.screening.screen_patents``).

Hits are stored as risks of one early-warning project per enterprise ("权利组合监视"), so staff see them on
the early-warning page with the new/changed flags and the follow-up dates Today lists; a hit already stored
is not stored again.
"""

from __future__ import annotations

import json
import time
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from functools import lru_cache
from typing import Any

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from qcy_workstation.precheck.trademark import MarkKeys

WATCH_TITLE = "权利组合监视：{name}"
MIN_RANK = 0.12  # shortlist bar on the shared-gram rank (Jaccard and coverage), similar goods; benchmark-measured
NEAR_RANK = 0.45  # on dissimilar goods only a nearly identical sign is compared (see REVIEW_SIMILARITY)
REVIEW_SIMILARITY = 85  # dissimilar goods: a sign this close is shown for review (a reputation may reach across)
_ORDER = {"high": 0, "medium": 1, "low": 2}


@dataclass(frozen=True)
class OwnMark:
    enterprise_id: int
    enterprise: str
    number: str
    mark: str
    codes: tuple[str, ...]
    keys: MarkKeys


@dataclass(frozen=True)
class NewMark:
    number: str
    mark: str
    owner: str
    codes: tuple[str, ...]
    keys: MarkKeys


@dataclass(frozen=True)
class WatchHit:
    """One newly imported right that resembles one of an enterprise's own."""

    enterprise_id: int
    enterprise: str
    category: str  # trademark | patent
    own_number: str
    own_title: str
    new_number: str
    new_title: str
    new_owner: str
    severity: str  # high | medium | low
    score: int
    likely_confusion: bool
    needs_review: bool
    review: tuple[str, ...]  # review reasons (zh) when needs_review
    review_en: tuple[str, ...]
    reason: str
    reason_en: str
    stored: bool = False  # a new early-warning risk (False: it was already there)
    details: dict[str, Any] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        return {k: getattr(self, k) for k in ("enterprise_id", "enterprise", "category", "own_number", "own_title",
                                              "new_number", "new_title", "new_owner", "severity", "score",
                                              "likely_confusion", "needs_review", "review", "review_en", "reason",
                                              "reason_en", "stored")}


@dataclass(frozen=True)
class WatchReport:
    since: datetime | None
    batch: str | None
    new_marks: int
    new_patents: int
    enterprises: int
    own_marks: int
    own_patents: int
    hits: tuple[WatchHit, ...]
    stored: int
    seconds: float
    compared: int  # full comparisons made

    def to_dict(self) -> dict[str, Any]:
        return {"since": self.since, "batch": self.batch, "new_marks": self.new_marks, "new_patents": self.new_patents,
                "enterprises": self.enterprises, "own_marks": self.own_marks, "own_patents": self.own_patents,
                "hits": [h.to_dict() for h in self.hits], "stored": self.stored, "compared": self.compared,
                "seconds": round(self.seconds, 2),
                "note": "early-warning findings are a reference analysis, not a legal determination"}


# ---------------------------------------------------------------- trademarks (pure)


def _grams_of(keys: MarkKeys) -> set[str]:
    from qcy_workstation.precheck.screening import _grams
    from qcy_workstation.precheck.trademark import load_aliases

    al = load_aliases()
    gids = [g for t in keys.alias_terms for g in al.terms.get(t, ())]
    return _grams(keys.visual, keys.norm, " ".join(keys.pinyin_loose), keys.sound, gids)


class OwnIndex:
    """Grams of the enterprises' marks -> their positions (the small side of the watch)."""

    def __init__(self, marks: Sequence[OwnMark]) -> None:
        self.marks = list(marks)
        self.postings: dict[str, list[int]] = {}
        self.sizes: list[int] = []
        for pos, m in enumerate(self.marks):
            grams = _grams_of(m.keys)
            self.sizes.append(len(grams))
            for g in grams:
                self.postings.setdefault(g, []).append(pos)

    def candidates(self, grams: set[str]) -> list[tuple[int, float, bool]]:
        """(position, shared-gram rank, same name in another script) of the marks sharing any gram."""
        counts: Counter[int] = Counter()
        always: set[int] = set()
        for g in grams:
            p = self.postings.get(g)
            if p:
                counts.update(p)
                if g[:1] in ("a", "m"):  # the same name in another script is always worth a full look
                    always.update(p)
        qn = max(1, len(grams))
        return [(pos, 0.5 * shared / (qn + self.sizes[pos] - shared) + 0.5 * shared / qn, pos in always)
                for pos, shared in counts.items()]


@lru_cache(maxsize=50_000)
def _goods(a: tuple[str, ...], b: tuple[str, ...]) -> Any:
    from qcy_workstation.precheck.goods import goods_similarity

    return goods_similarity(a, b)


def compare(own: OwnMark, new: NewMark) -> WatchHit | None:
    """The engine's comparison of one pair (the enterprise's mark earlier), or None when it rates it low and
    not confusing (the early-warning engine's bar, ``warning/data/policy.json``)."""
    from qcy_workstation.precheck.trademark import CONFUSION_THRESHOLD, _risk, compare_keys, likely_confusion
    from qcy_workstation.precheck.trademark_review import review_reasons, summary_en, summary_zh
    from qcy_workstation.warning.screening import policy

    goods = _goods(own.codes, new.codes)
    combined, mark_sim, factors = compare_keys(own.keys, new.keys, goods, classes=own.codes, other_classes=new.codes)
    likely = likely_confusion(combined, goods, False)
    risk = _risk(combined)
    keep = ("high",) if policy()["thresholds"]["trademark_min_risk"] == "high" else ("high", "medium")
    reasons = review_reasons(own.mark, new.mark, score=combined, mark_similarity=mark_sim, goods_score=goods.score,
                             factors=factors, threshold=CONFUSION_THRESHOLD)
    if risk not in keep and not likely:
        # a look-alike the score leaves low but whose outcome turns on facts the words cannot show (the same
        # word on other goods: a reputation reaches across, Trademark Law Arts. 13-14) is shown for review
        if not (reasons and mark_sim >= REVIEW_SIMILARITY):
            return None
        severity = "low"
    else:
        severity = risk if risk in ("high", "medium") else "medium"
    cls = ",".join(new.codes)
    if reasons:
        said_zh = f"存在一定近似，是否易导致混淆尚不能仅凭文字判断，需结合{summary_zh(reasons)}核实（需人工复核）"
        said_en = (f"some similarity; whether confusion is likely cannot be told from the words and depends on "
                   f"{summary_en(reasons)} (needs review)")
    else:
        said_zh = "易导致混淆" if likely else "存在近似"
        said_en = "likely confusion" if likely else "similar"
    zh = (f"新导入的商标「{new.mark}」（注册号/申请号{new.number}，第{cls or '?'}类，{new.owner or '权利人不详'}）与"
          f"{own.enterprise}的注册商标「{own.mark}」（注册号{own.number}）{said_zh}，综合评分{combined}"
          f"（商标法第57条）。如该商标尚在初步审定公告期内，可考虑提出异议（第33条），注册后可请求宣告无效（第45条）。"
          + "".join(f.text_zh for f in factors))
    en = (f"Newly imported mark '{new.mark}' (no. {new.number}, class {cls or '?'}, {new.owner or 'holder unknown'}) "
          f"vs {own.enterprise}'s registered mark '{own.mark}' (no. {own.number}): {said_en}, score {combined} "
          "(Trademark Law Art. 57). While it is in its publication period it may be opposed (Art. 33); once "
          "registered, invalidation may be requested (Art. 45). " + " ".join(f.text_en for f in factors))
    return WatchHit(own.enterprise_id, own.enterprise, "trademark", own.number, own.mark, new.number, new.mark,
                    new.owner, severity, combined, likely, bool(reasons), tuple(r.text_zh for r in reasons),
                    tuple(r.text_en for r in reasons), zh, en,
                    details={"factors": [f.to_dict() for f in factors], "goods_score": goods.score,
                             "mark_similarity": mark_sim, "review_reasons": [r.to_dict() for r in reasons]})


def screen_marks(own: Sequence[OwnMark], new: Iterable[NewMark], *, skip_owner: Any = None) -> tuple[list[WatchHit], int]:
    """(hits, full comparisons made): each new mark against the enterprises' marks it shares enough grams
    with. ``skip_owner(enterprise_id, owner) -> bool``: the enterprise's own new marks are no risk to it."""
    idx = OwnIndex(own)
    hits: list[WatchHit] = []
    compared = 0
    for m in new:
        for pos, rank, always in idx.candidates(_grams_of(m.keys)):
            o = idx.marks[pos]
            if not always and (rank < MIN_RANK or (rank < NEAR_RANK and _goods(o.codes, m.codes).score < 40)):
                continue  # the goods decide first: unrelated goods need a nearly identical sign
            if o.number == m.number or (skip_owner is not None and skip_owner(o.enterprise_id, m.owner)):
                continue
            compared += 1
            hit = compare(o, m)
            if hit is not None:
                hits.append(hit)
    return hits, compared


def naive_screen_marks(own: Sequence[OwnMark], new: Iterable[NewMark]) -> list[WatchHit]:
    """Every pair compared in full (the benchmark's baseline and the recall check of the shortlist)."""
    return [h for m in new for o in own if o.number != m.number and (h := compare(o, m)) is not None]


# ---------------------------------------------------------------- store side


def _codes(text: str) -> tuple[str, ...]:
    return tuple(c for c in (text or "").split(",") if c)


def own_marks(s: Session) -> list[OwnMark]:
    from qcy_workstation.cases.models import Party
    from qcy_workstation.errors import ValidationError
    from qcy_workstation.portfolios.models import EnterpriseRight
    from qcy_workstation.precheck.trademark import mark_keys

    out = []
    q = (select(EnterpriseRight, Party).join(Party, Party.id == EnterpriseRight.party_id)
         .where(EnterpriseRight.kind == "trademark"))
    for r, p in s.execute(q):
        try:
            keys = mark_keys(r.title)
        except ValidationError:
            continue  # no mark text entered: nothing to compare
        out.append(OwnMark(p.id, p.name, r.number, r.title, tuple(f"{int(c):02d}" for c in _codes(r.classes)), keys))
    return out


def _new_filter(model: Any, since: datetime | None, batch: str | None) -> Any:
    conds = []
    if batch:
        conds.append(model.batch == batch)
    if since is not None:
        conds.append(model.imported_at >= since)
    return or_(*conds) if conds else model.id < 0


def new_marks(s: Session, since: datetime | None, batch: str | None) -> Iterable[NewMark]:
    from qcy_workstation.precheck.models import RegisterTrademark
    from qcy_workstation.precheck.screening import _stored_keys

    q = select(RegisterTrademark).where(_new_filter(RegisterTrademark, since, batch)).order_by(RegisterTrademark.id)
    for r in s.execute(q).scalars().yield_per(5000):
        codes = tuple(c for c in (r.classes.split(",") + r.groups.split(",")) if c)
        yield NewMark(r.reg_no, r.mark, r.owner, codes, _stored_keys(r))


def screen_patents(s: Session, since: datetime | None, batch: str | None) -> tuple[list[WatchHit], int, int]:
    """(hits, own patents with claims, new patents): claim 1 of each own patent charted against the new ones."""
    from qcy_workstation.cases.models import Party
    from qcy_workstation.portfolios.dto import PATENT_KINDS
    from qcy_workstation.portfolios.models import EnterpriseRight
    from qcy_workstation.precheck.models import RegisterPatent
    from qcy_workstation.warning import screening

    new = [screening.PatentEntry(p.number, p.title, p.owner, p.claims, "register")
           for p in s.execute(select(RegisterPatent).where(_new_filter(RegisterPatent, since, batch))).scalars()]
    if not new:
        return [], 0, 0
    own = s.execute(select(EnterpriseRight, Party).join(Party, Party.id == EnterpriseRight.party_id)
                    .where(EnterpriseRight.kind.in_(PATENT_KINDS))).all()
    numbers = {n for r, _ in own for n in (r.number, "ZL" + r.number)}
    claims = {p.number.removeprefix("ZL"): p.claims for p in s.execute(
        select(RegisterPatent).where(RegisterPatent.number.in_(numbers))).scalars()} if numbers else {}
    hits: list[WatchHit] = []
    with_claims = 0
    for r, party in own:
        text = claims.get(r.number.removeprefix("ZL"), "")
        if not text.strip():
            continue
        with_claims += 1
        others = [p for p in new if p.number.removeprefix("ZL") != r.number.removeprefix("ZL")]
        for h in screening.screen_patents(screening._first_claim(text), (), others, enterprise=party.name):
            zh = f"新导入专利{h.target_ref}（{h.details.get('owner') or '权利人不详'}）与{party.name}的专利{r.number}：" + \
                h.reason.replace("项目技术方案", f"专利{r.number}权利要求1所述技术方案")
            en = f"New patent {h.target_ref} vs {party.name}'s patent {r.number}: " + \
                h.reason_en.replace("The project's technology", f"Claim 1 of {r.number}").replace(
                    "The project", f"Claim 1 of {r.number}")
            hits.append(WatchHit(party.id, party.name, "patent", r.number, r.title, h.target_ref, h.target,
                                 str(h.details.get("owner", "")), h.severity, h.score, False, False, (), (), zh, en,
                                 details={k: v for k, v in h.details.items() if k != "chart"} | {"chart": h.details.get("chart")}))
    return hits, with_claims, len(new)


def record(s: Session, hits: Sequence[WatchHit], *, actor: str, today: date, trigger: str) -> list[WatchHit]:
    """Store each hit as a risk of its enterprise's watch project (made on first use); returns the hits with
    ``stored`` set for the ones that were new."""
    from dataclasses import replace

    from qcy_workstation.cases import audit
    from qcy_workstation.cases.deadlines import add_working_days
    from qcy_workstation.cases.models import Party
    from qcy_workstation.db.base import utcnow
    from qcy_workstation.warning import screening
    from qcy_workstation.warning.models import WarningProject, WarningRisk, WarningScreening

    days = screening.policy()["follow_up_working_days"]
    now = utcnow()
    out: list[WatchHit] = []
    by_ent: dict[int, list[WatchHit]] = {}
    for h in hits:
        by_ent.setdefault(h.enterprise_id, []).append(h)
    for ent_id, group in by_ent.items():
        party = s.get(Party, ent_id)
        assert party is not None
        title = WATCH_TITLE.format(name=party.name)[:300]
        project = s.execute(select(WarningProject).where(WarningProject.title == title,
                                                         WarningProject.enterprise == party.name)).scalars().first()
        if project is None:
            project = _new_project(s, party, title, actor, today)
        existing = set(s.execute(select(WarningRisk.key).where(WarningRisk.project_id == project.id)).scalars())
        run = WarningScreening(project_id=project.id, at=now, by=actor, trigger=trigger, register_state="{}",
                               engine="portfolio watch")
        s.add(run)
        s.flush()
        fresh = 0
        for h in sorted(group, key=lambda h: (_ORDER[h.severity], -h.score, h.new_number)):
            key = f"watch:{h.category}:{h.own_number}|{h.new_number}"[:300]
            if key in existing:
                out.append(h)
                continue
            existing.add(key)
            action = "opposition_invalidation_search" if h.category == "trademark" else "fto_opinion"
            s.add(WarningRisk(
                project_id=project.id, key=key, category=h.category, subject=h.own_title[:300] or h.own_number,
                target=h.new_title[:300], target_ref=h.new_number[:100], severity=h.severity, score=h.score,
                reason=h.reason, reason_en=h.reason_en, action=action,
                action_text=screening.action_text(action, "zh") + " / " + screening.action_text(action, "en"),
                details=json.dumps(h.details | {"needs_review": h.needs_review, "owner": h.new_owner,
                                                "source": "register", "own_number": h.own_number},
                                   ensure_ascii=False, default=str),
                owner=project.owner or actor, status="open", flag="new", active=True, flagged_screening_id=run.id,
                follow_up_on=add_working_days(today, int(days[h.severity])).due, first_seen_at=now, last_seen_at=now))
            fresh += 1
            out.append(replace(h, stored=True))
        run.new = fresh
        project.last_screened_at = now
        audit.record(s, actor=actor, action="screen", entity="warning_project", entity_id=project.number,
                     details={"trigger": trigger, "new": fresh, "hits": len(group)})
    return out


def _new_project(s: Session, party: Any, title: str, actor: str, today: date) -> Any:
    from sqlalchemy import func

    from qcy_workstation.cases import audit
    from qcy_workstation.warning.models import WarningProject

    prefix = f"EW-{today.year}-"
    last = s.execute(select(func.max(WarningProject.number)).where(WarningProject.number.like(prefix + "%"))).scalar()
    seq = int(last.rsplit("-", 1)[1]) + 1 if last else 1
    project = WarningProject(number=f"{prefix}{seq:04d}", title=title, enterprise=party.name,
                             enterprise_uscc=party.uscc, kind="rd", watched=False, owner=actor, created_by=actor,
                             notes="新导入的注册簿商标、专利与本企业自有权利的比对（权利组合监视）。"
                                   "Newly imported register rights screened against the enterprise's own.")
    s.add(project)
    s.flush()
    audit.record(s, actor=actor, action="create", entity="warning_project", entity_id=project.number,
                 details={"title": title, "enterprise": party.name, "kind": "rd", "by": "portfolio watch"})
    return project


def run_watch(store: Any, *, actor: str, today: date, since: datetime | None = None, batch: str | None = None,
              trigger: str = "manual") -> WatchReport:
    """Screen the register rows imported since ``since`` (or in ``batch``) and store the hits."""
    from qcy_workstation.cases.names import normalise_name
    from qcy_workstation.portfolios.importing import holder_matches

    t0 = time.perf_counter()
    with store.read() as s:
        own = own_marks(s)
        uscc = {p: u for p, u in _ent_uscc(s)}
        keys = {o.enterprise_id: normalise_name(o.enterprise, drop_place=True) for o in own}

        def skip(ent_id: int, owner: str) -> bool:
            return bool(owner) and holder_matches(owner, keys[ent_id], uscc.get(ent_id))

        count = [0]

        def counted() -> Iterable[NewMark]:
            for m in new_marks(s, since, batch):
                count[0] += 1
                yield m

        tm_hits, compared = screen_marks(own, counted(), skip_owner=skip) if own else ([], 0)
        pt_hits, own_patents, n_patents = screen_patents(s, since, batch)
    if not own:
        with store.read() as s:
            count[0] = sum(1 for _ in new_marks(s, since, batch))
    hits = tm_hits + pt_hits
    with store.write() as s:
        stored = record(s, hits, actor=actor, today=today, trigger=trigger) if hits else []
    stored.sort(key=lambda h: (h.enterprise, _ORDER[h.severity], -h.score, h.new_number))
    return WatchReport(since, batch, count[0], n_patents, len({o.enterprise_id for o in own}), len(own), own_patents,
                       tuple(stored), sum(h.stored for h in stored), time.perf_counter() - t0, compared)


def _ent_uscc(s: Session) -> list[tuple[int, str]]:
    from qcy_workstation.cases.models import Party
    from qcy_workstation.portfolios.models import EnterpriseRight

    return [(pid, u) for pid, u in s.execute(select(Party.id, Party.uscc).where(
        Party.id.in_(select(EnterpriseRight.party_id)), Party.uscc.is_not(None)))]
