"""Screening: one mark, one claim or one label against the rights register in the store.

Trademarks: candidates come from an in-memory n-gram index built once per process from the stored keys
(look-alike characters, pinyin syllables, sound-key trigrams, alias groups); only the shortlist is scored
in full with the same factors as ``compare_marks``. Patents: a term index over the stored claim-1 terms
picks the candidates, each charted with ``compare_claim``. GIs: the shipped register with the store's
entries merged over it.
"""

from __future__ import annotations

import heapq
import math
import os
import pickle
import threading
import time
from array import array
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import func, select

from qcy_workstation.errors import ValidationError
from qcy_workstation.precheck.common import citation_fields, cite, result_header
from qcy_workstation.precheck.gi import (
    GeoIndication,
    GiRegister,
    GiResult,
    ProtectedArea,
    check_label,
    load_gi_register,
)
from qcy_workstation.precheck.goods import goods_similarity, parse_codes
from qcy_workstation.precheck.models import RegisterGi, RegisterPatent, RegisterTrademark
from qcy_workstation.precheck.register import class_mask
from qcy_workstation.precheck.text import is_cjk
from qcy_workstation.precheck.trademark import (
    CONFUSION_THRESHOLD,
    Factor,
    MarkKeys,
    _risk,
    compare_keys,
    likely_confusion,
    load_aliases,
    mark_keys,
)
from qcy_workstation.precheck.trademark_review import ReviewReason, review_reasons
from qcy_workstation.precheck.trademark_rules import cedict_meanings
from qcy_workstation.precheck.trademark_rules import well_known as well_known_mark

if TYPE_CHECKING:
    from qcy_workstation.db.store import Store

SHORTLIST = 200  # candidates scored in full
POSTINGS_BUDGET = 500_000  # postings read per query; the commonest grams are skipped beyond it


INDEX_FORMAT = 2  # 2: meaning grams (CC-CEDICT English of Chinese marks, Latin marks as themselves)


def _meaning_grams(norm: str) -> set[str]:
    """"m" + the English a Chinese mark means (星巴克 -> mstarbucks) or a Latin mark itself (mstarbucks), so a
    translation across scripts is a candidate without any table."""
    cjk = "".join(ch for ch in norm if is_cjk(ch))
    if cjk:
        return {"m" + m for m in cedict_meanings(cjk)}
    return {"m" + norm} if len(norm) >= 3 else set()


def _grams(visual: str, norm: str, pinyin_loose: str, sound: str, alias_gids: list[int]) -> set[str]:
    g: set[str] = set()
    cjk = [ch for ch in visual if is_cjk(ch)]
    g.update("c" + ch for ch in cjk)
    cj = "".join(ch for ch in norm if is_cjk(ch))
    g.update("b" + cj[i:i + 2] for i in range(len(cj) - 1))
    g.update("p" + s for s in pinyin_loose.split())
    lat = "".join(ch for ch in visual if not is_cjk(ch))
    if lat:
        padded = f"^{lat}$"
        g.update("l" + padded[i:i + 3] for i in range(len(padded) - 2))
    if sound:
        padded = f"^{sound}$"
        g.update("s" + padded[i:i + 3] for i in range(len(padded) - 2))
    g.update(f"a{x}" for x in alias_gids)
    g.update(_meaning_grams(norm))
    return g


class TrademarkIndex:
    """Postings of grams -> row positions, plus ids and class masks; built once from the stored keys."""

    def __init__(self) -> None:
        self.ids = array("q")
        self.masks: list[int] = []
        self.sizes = array("H")
        self.postings: dict[str, array] = {}
        self.signature: tuple[Any, ...] = ()
        self.build_seconds = 0.0

    @classmethod
    def build(cls, store: Store, signature: tuple[Any, ...]) -> TrademarkIndex:
        t0 = time.perf_counter()
        idx = cls()
        al = load_aliases()
        post: dict[str, array] = {}
        cols = (RegisterTrademark.id, RegisterTrademark.visual, RegisterTrademark.norm, RegisterTrademark.pinyin_loose,
                RegisterTrademark.sound, RegisterTrademark.alias_terms, RegisterTrademark.class_mask)
        with store.read() as s:
            result = s.execute(select(*cols).order_by(RegisterTrademark.id)).yield_per(50_000)
            for pos, (rid, visual, norm, loose, sound, aliases, mask) in enumerate(result):
                gids = [g for t in aliases.split("|") if t for g in al.terms.get(t, ())] if aliases else []
                grams = _grams(visual, norm, loose, sound, gids)
                for gr in grams:
                    a = post.get(gr)
                    if a is None:
                        a = post[gr] = array("i")
                    a.append(pos)
                idx.ids.append(rid)
                idx.masks.append(mask or 0)
                idx.sizes.append(min(len(grams), 65535))
        idx.postings = post
        idx.signature = signature
        idx.build_seconds = time.perf_counter() - t0
        return idx

    def __len__(self) -> int:
        return len(self.ids)

    def candidates(self, keys: MarkKeys, qmask: int, limit: int = SHORTLIST) -> list[int]:
        """Register row ids most likely to be similar (shared grams, Jaccard and query coverage)."""
        al = load_aliases()
        gids = [g for t in keys.alias_terms for g in al.terms.get(t, ())]
        qgrams = _grams(keys.visual, keys.norm, " ".join(keys.pinyin_loose), keys.sound, gids)
        present = sorted((g for g in qgrams if g in self.postings), key=lambda g: len(self.postings[g]))
        counts: Counter[int] = Counter()
        used = 0
        for i, g in enumerate(present):
            p = self.postings[g]
            if i >= 2 and used + len(p) > POSTINGS_BUDGET:
                break
            counts.update(p)
            used += len(p)
        if not counts:
            return []
        qn = max(1, len(qgrams))
        sizes, masks = self.sizes, self.masks
        # most_common partial-sorts in C; only that pre-shortlist is ranked in Python
        pre = counts.most_common(limit * 50)

        def rank(item: tuple[int, int]) -> float:
            pos, shared = item
            score = 0.5 * shared / (qn + sizes[pos] - shared) + 0.5 * shared / qn  # Jaccard and query coverage
            if qmask and not masks[pos] & qmask:
                score *= 0.6
            return score

        best = heapq.nlargest(limit, pre, key=rank)
        # the same name in another script (alias table NIKE / 耐克, CC-CEDICT 星巴克 / STARBUCKS) is always
        # worth a full look
        chosen = {pos for pos, _ in best}
        for g in qgrams:
            if g[:1] in ("a", "m") and g in self.postings:
                extra = [p for p in self.postings[g][:limit] if p not in chosen]
                best.extend((p, 0) for p in extra)
                chosen.update(extra)
        return [self.ids[pos] for pos, _ in best]


_cache: dict[str, TrademarkIndex] = {}
_cache_lock = threading.Lock()


def _tm_signature(store: Store) -> tuple[Any, ...]:
    # imports only append (a replaced row is deleted and inserted again), so the last id identifies the
    # register's state; max(id) is read from the primary key, count(*) would scan a million rows per query
    with store.read() as s:
        return (s.execute(select(func.max(RegisterTrademark.id))).scalar() or 0, INDEX_FORMAT)


INDEX_FORMAT = 1  # bump when _grams changes: cached index files of another format are ignored


def _index_file(store: Store, sig: tuple[Any, ...]) -> Path:
    return store.files_dir / "screen-index" / f"trademarks-{sig[0]}-v{sig[1]}-f{INDEX_FORMAT}.pickle"


def trademark_index(store: Store) -> TrademarkIndex:
    """The index for this store: in memory, else from the cache file beside the store, else built (and
    written to the cache file so the next process loads it in about a second)."""
    sig = _tm_signature(store)
    with _cache_lock:
        idx = _cache.get(store.url)
        if idx is not None and idx.signature == sig:
            return idx
        path = _index_file(store, sig)
        idx = None
        if path.is_file():
            try:
                with path.open("rb") as fh:
                    loaded = pickle.load(fh)
                if isinstance(loaded, TrademarkIndex) and loaded.signature == sig:
                    idx = loaded
                    idx.build_seconds = 0.0
            except (OSError, pickle.UnpicklingError, EOFError, AttributeError):
                idx = None  # a damaged cache file is rebuilt
        if idx is None:
            idx = TrademarkIndex.build(store, sig)
            _write_cache(path, idx)
        _cache[store.url] = idx
        return idx


def _write_cache(path: Path, idx: TrademarkIndex) -> None:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        for old in path.parent.glob("trademarks-*.pickle"):
            old.unlink(missing_ok=True)
        tmp = path.with_suffix(".tmp")
        with tmp.open("wb") as fh:
            pickle.dump(idx, fh, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, path)
    except OSError:
        pass  # read-only store folder: the index simply lives in memory for this process


@dataclass(frozen=True)
class TrademarkHit:
    rank: int
    reg_no: str
    mark: str
    owner: str
    classes: str
    groups: str
    status: str
    score: int
    likely_confusion: bool
    risk: str
    mark_similarity: int
    goods_score: int
    factors: tuple[Factor, ...]
    review_reasons: tuple[ReviewReason, ...] = ()  # trademark_review: facts the words cannot show

    @property
    def needs_review(self) -> bool:
        return bool(self.review_reasons)

    def to_dict(self) -> dict[str, Any]:
        return {"rank": self.rank, "reg_no": self.reg_no, "mark": self.mark, "owner": self.owner, "classes": self.classes,
                "groups": self.groups, "status": self.status, "score": self.score, "likely_confusion": self.likely_confusion,
                "risk": self.risk, "mark_similarity": self.mark_similarity, "goods_score": self.goods_score,
                "factors": [f.to_dict() for f in self.factors], "needs_review": self.needs_review,
                "review_reasons": [r.to_dict() for r in self.review_reasons]}


@dataclass(frozen=True)
class ScreenResult:
    kind: str
    hits: tuple[Any, ...]
    register_size: int
    candidates: int
    seconds: float
    inputs: dict[str, Any] = field(default_factory=dict)
    note: str = ""

    def to_dict(self) -> dict[str, Any]:
        d = result_header(self.kind, self.inputs)
        d.update({"hits": [h.to_dict() for h in self.hits], "register_size": self.register_size,
                  "candidates": self.candidates, "seconds": round(self.seconds, 4), "note": self.note})
        if self.kind == "screen_trademark":
            d.update(citation_fields(cite("trademark_law_57", "spc_tm_interp_art9", "spc_tm_interp_art10",
                                          "spc_tm_interp_art11", "spc_tm_interp_art12")))
        elif self.kind == "screen_patent":
            d.update(citation_fields(cite("patent_law_64", "spc_patent_2009_art7", "spc_patent_provisions_2020_art13")))
        return d


def _stored_keys(r: RegisterTrademark) -> MarkKeys:
    return MarkKeys(raw=r.mark, norm=r.norm, cjk=r.cjk, latin=r.latin, visual=r.visual,
                    pinyin=tuple(r.pinyin.split()), pinyin_tones=tuple(r.pinyin_tones.split()),
                    pinyin_loose=tuple(r.pinyin_loose.split()), sound=r.sound, latin_sound=r.latin_sound,
                    alias_terms=tuple(t for t in r.alias_terms.split("|") if t),
                    meanings=cedict_meanings(r.cjk) if r.cjk else ())


def screen_trademark(store: Store, mark: str, *, classes: str | tuple[str, ...] | None = None, top: int = 20,
                     well_known: bool = False) -> ScreenResult:
    """Rank register trademarks by likelihood of confusion with ``mark`` on ``classes``."""
    t0 = time.perf_counter()
    if top < 1:
        raise ValidationError("--top must be at least 1", field="top", value=top)
    codes = parse_codes(classes, field="classes")
    keys = mark_keys(mark)
    idx = trademark_index(store)
    ids = idx.candidates(keys, class_mask(codes), limit=max(SHORTLIST, top * 4))
    hits: list[tuple[int, int, tuple[str, ...], list[Factor], int]] = []
    with store.read() as s:
        for i in range(0, len(ids), 500):
            for r in s.execute(select(RegisterTrademark).where(RegisterTrademark.id.in_(ids[i:i + 500]))).scalars():
                rc = tuple(c for c in (r.classes.split(",") + r.groups.split(",")) if c)
                goods = goods_similarity(codes, rc)
                # the register mark is the earlier one: the well-known list is consulted for it
                wk: Any = well_known or well_known_mark(r.norm) or False
                combined, mark_sim, factors = compare_keys(keys, _stored_keys(r), goods, well_known=wk,
                                                           classes=tuple(codes), other_classes=rc)
                hits.append((combined, mark_sim, (r.reg_no, r.mark, r.owner, r.classes, r.groups, r.status),
                             factors, goods.score))
    hits.sort(key=lambda h: (-h[0], -h[1], h[2][0]))
    out = []
    for n, (combined, mark_sim, info, factors, gs) in enumerate(hits[:top], start=1):
        likely = likely_confusion(combined, gs, well_known or any(f.name == "well_known" for f in factors))
        # the register mark (info[1]) is the earlier one
        reasons = review_reasons(info[1], mark, score=combined, mark_similarity=mark_sim, goods_score=gs,
                                 factors=factors, threshold=CONFUSION_THRESHOLD,
                                 given=("reputation",) if well_known is True else ())
        out.append(TrademarkHit(n, *info, combined, likely, _risk(combined), mark_sim, gs, tuple(factors), reasons))
    return ScreenResult("screen_trademark", tuple(out), len(idx), len(ids), time.perf_counter() - t0,
                        {"mark": mark, "classes": ",".join(codes), "top": top, "well_known": well_known},
                        f"index built in {idx.build_seconds:.1f}s for {len(idx)} marks" if idx.build_seconds else "")


# --- patents --------------------------------------------------------------------------------------------


class PatentIndex:
    def __init__(self) -> None:
        self.ids = array("q")
        self.postings: dict[str, array] = {}
        self.idf: dict[str, float] = {}
        self.norms = array("d")
        self.signature: tuple[Any, ...] = ()
        self.vectors: Any = None  # numpy (n, 512) float16 of claim 1's meaning, rows aligned with ids
        self.has_vector: Any = None

    @classmethod
    def build(cls, store: Store, signature: tuple[Any, ...]) -> PatentIndex:
        idx = cls()
        post: dict[str, array] = {}
        term_lists: list[list[str]] = []
        import numpy as np

        from qcy_workstation.precheck.semantic import DIM

        blobs: list[bytes | None] = []
        with store.read() as s:
            for pos, (rid, terms, vec) in enumerate(s.execute(
                    select(RegisterPatent.id, RegisterPatent.claim1_terms, RegisterPatent.claim1_vector)
                    .order_by(RegisterPatent.id)).yield_per(10_000)):
                blobs.append(vec)
                ts = list(dict.fromkeys(terms.split()))
                term_lists.append(ts)
                for t in ts:
                    a = post.get(t)
                    if a is None:
                        a = post[t] = array("i")
                    a.append(pos)
                idx.ids.append(rid)
        n = max(1, len(idx.ids))
        idx.idf = {t: math.log(1 + n / len(p)) for t, p in post.items()}
        for ts in term_lists:
            idx.norms.append(math.sqrt(sum(idx.idf[t] ** 2 for t in ts)) or 1.0)
        idx.postings = post
        idx.signature = signature
        if any(b is not None for b in blobs):
            mat = np.zeros((len(blobs), DIM), dtype=np.float16)
            has = np.zeros(len(blobs), dtype=bool)
            for i, b in enumerate(blobs):
                if b is not None and len(b) == DIM * 2:
                    mat[i] = np.frombuffer(b, dtype=np.float16)
                    has[i] = True
            idx.vectors, idx.has_vector = mat, has
        return idx

    def nearest(self, qvec: Any, limit: int) -> list[int]:
        """Register patents whose claim 1 is closest in meaning to the query (ids), best first."""
        import numpy as np

        if self.vectors is None or qvec is None or not len(self.ids):
            return []
        sims = self.vectors @ qvec.astype(np.float16)
        sims = np.where(self.has_vector, sims.astype(np.float32), -2.0)
        k = min(limit, len(sims))
        top = np.argpartition(-sims, k - 1)[:k]
        top = top[np.argsort(-sims[top])]
        return [self.ids[int(i)] for i in top]

    def candidates(self, terms: list[str], limit: int) -> list[int]:
        scores: dict[int, float] = {}
        for t in set(terms):
            p = self.postings.get(t)
            if p is None:
                continue
            w = self.idf[t]
            for pos in p:
                scores[pos] = scores.get(pos, 0.0) + w * w
        best = heapq.nlargest(limit, scores.items(), key=lambda kv: kv[1] / self.norms[kv[0]])
        return [self.ids[pos] for pos, _ in best]


_pcache: dict[str, PatentIndex] = {}


def patent_index(store: Store) -> PatentIndex:
    with store.read() as s:
        sig = tuple(s.execute(select(func.count(), func.max(RegisterPatent.id))).one())
    with _cache_lock:
        idx = _pcache.get(store.url)
        if idx is None or idx.signature != sig:
            idx = PatentIndex.build(store, sig)
            _pcache[store.url] = idx
        return idx


@dataclass(frozen=True)
class PatentHit:
    rank: int
    number: str
    title: str
    owner: str
    status: str
    verdict: str
    score: int
    covered: int
    elements: int
    chart: dict[str, Any]

    def to_dict(self) -> dict[str, Any]:
        return {"rank": self.rank, "number": self.number, "title": self.title, "owner": self.owner, "status": self.status,
                "verdict": self.verdict, "score": self.score, "covered": self.covered, "elements": self.elements,
                "chart": self.chart}


_VERDICT_RANK = {"literal": 0, "equivalent": 1, "not_infringing": 2}


def screen_patent(store: Store, text: str, *, top: int = 10, shortlist: int = 30) -> ScreenResult:
    """Which register patents' claim 1 the described solution (a claim or a product description) may fall in."""
    from qcy_workstation.precheck.patent import _content_tokens, compare_claim, prepare_product

    t0 = time.perf_counter()
    if not text or not text.strip():
        raise ValidationError("the claim or product text is empty", field="claims")
    idx = patent_index(store)
    terms = [t.replace(" ", "_") for t in _content_tokens(text)]
    ids = idx.candidates(terms, max(shortlist, top))
    from qcy_workstation.precheck import semantic

    if semantic.available() and idx.vectors is not None:
        # candidates by meaning too: a lay description shares few words with the claims it reads on
        qvec = semantic.embed([text[:2000]])[0]
        ids = list(dict.fromkeys(idx.nearest(qvec, max(shortlist, top)) + ids))[: 2 * max(shortlist, top)]
    product = prepare_product(text)
    rows = []
    with store.read() as s:
        for r in s.execute(select(RegisterPatent).where(RegisterPatent.id.in_(ids))).scalars():
            res = compare_claim(r.claims, product, claim=1, include_dependents=False)
            els = res.elements
            score = round(sum(e.score for e in els) / max(1, len(els)))
            covered = sum(e.status != "missing" for e in els)
            rows.append((_VERDICT_RANK[res.verdict], -score, (r.number, r.title, r.owner, r.status), res, covered, len(els)))
    rows.sort(key=lambda x: (x[0], x[1], x[2][0]))
    hits = tuple(PatentHit(n, *info, res.verdict, -neg, cov, tot, res.chart.to_dict())
                 for n, (_, neg, info, res, cov, tot) in enumerate(rows[:top], start=1))
    return ScreenResult("screen_patent", hits, len(idx.ids), len(ids), time.perf_counter() - t0,
                        {"text": text, "top": top})


# --- GIs --------------------------------------------------------------------------------------------------


def gi_register_from_store(store: Store) -> GiRegister:
    """The shipped GI register with the store's GI entries merged over it by id."""
    base = load_gi_register()
    by_id = {g.id: g for g in base.entries}
    found = False
    with store.read() as s:
        for r in s.execute(select(RegisterGi)).scalars():
            found = True
            by_id[r.gi_id] = GeoIndication(
                id=r.gi_id, name=r.name, place=r.place, product=r.product,
                area=ProtectedArea(r.province, r.city, tuple(x for x in r.counties.split("、") if x),
                                   tuple(x for x in r.towns.split("、") if x)),
                routes=tuple(x for x in r.routes.split(",") if x), english=tuple(x for x in r.english.split("|") if x),
                aliases=tuple(x for x in r.aliases.split("|") if x), place_aliases=(), certificate=r.certificate,
                holder=r.holder, verified=r.verified, note=r.note, source=f"register:{r.source}")
    if not found:
        return base
    return GiRegister(tuple(by_id.values()), base.qualifiers, base.product_en, base.product_kinds, base.generic_terms,
                      base.edition, (*base.sources, "store:register_gis"))


def screen_gi(store: Store, label: str, region: str = "") -> GiResult:
    """A label against the shipped GI register plus the store's GI entries."""
    return check_label(label, region, register=gi_register_from_store(store))
