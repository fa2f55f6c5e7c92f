"""Trade-secret pre-check: passage-level similarity between the secret and the suspect's material, and the
statutory elements as a checklist.

Trade secret (AUCL 2019 Art. 9): not known to the public, commercial value, corresponding confidentiality
measures. "Substantially the same" (SPC trade-secret provisions 2020 Art. 13) weighs the degree of
similarity, whether differences are easily conceivable, differences of use and effect, and the public
domain; independent development and reverse engineering are not infringement (Art. 14). Matching uses
k-unit shingles with winnowing (exact seeds, extended and merged) plus rapidfuzz for reworded sentences
shows where the wording was copied; the similarity itself is computed on the information (secret points
with their numbers, see ``secret_points``), because copies are reworded and competitors share vocabulary.
"""

from __future__ import annotations

import re
import unicodedata
import zlib
from dataclasses import dataclass, field
from typing import Any

from rapidfuzz import fuzz

from qcy_workstation.errors import ValidationError
from qcy_workstation.precheck.common import Citation, citation_fields, cite, result_header
from qcy_workstation.precheck.secret_points import PointResult, align_points, point_similarity, split_points
from qcy_workstation.precheck.text import fold

MAX_TEXT = 200_000  # characters per side: longer is not one secret (split it)
K = 6  # shingle length in units (a CJK character or a Latin word/number)
W = 4  # winnowing window
MERGE_GAP = 8  # units of difference allowed inside one matched passage
MIN_UNITS = 8  # shortest passage reported
FUZZY_MIN = 75  # rapidfuzz score for a reworded sentence

_UNIT_RE = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]|[0-9A-Za-z\uff10-\uff19\uff21-\uff3a\uff41-\uff5a]+(?:\.[0-9]+)?")


@dataclass(frozen=True)
class _Doc:
    text: str
    units: tuple[str, ...]
    starts: tuple[int, ...]
    ends: tuple[int, ...]


def _doc(text: str) -> _Doc:
    units, starts, ends = [], [], []
    for m in _UNIT_RE.finditer(text):
        units.append(fold(unicodedata.normalize("NFKC", m.group(0))))
        starts.append(m.start())
        ends.append(m.end())
    return _Doc(text, tuple(units), tuple(starts), tuple(ends))


def _fingerprints(d: _Doc) -> dict[int, list[int]]:
    hashes = [zlib.crc32("\x1f".join(d.units[i:i + K]).encode("utf-8")) for i in range(len(d.units) - K + 1)]
    if not hashes:
        return {}
    picked: dict[int, int] = {}
    if len(hashes) <= W:
        j = min(range(len(hashes)), key=lambda x: (hashes[x], -x))
        picked[j] = hashes[j]
    for s in range(0, max(1, len(hashes) - W + 1)):
        window = range(s, min(s + W, len(hashes)))
        j = min(window, key=lambda x: (hashes[x], -x))
        picked[j] = hashes[j]
    out: dict[int, list[int]] = {}
    for pos, h in picked.items():
        out.setdefault(h, []).append(pos)
    return out


def _all_shingles(d: _Doc) -> dict[int, list[int]]:
    out: dict[int, list[int]] = {}
    for i in range(len(d.units) - K + 1):
        out.setdefault(zlib.crc32("\x1f".join(d.units[i:i + K]).encode("utf-8")), []).append(i)
    return out


@dataclass(frozen=True)
class PassageMatch:
    """A passage of the secret found in the suspect material (offsets into each original text)."""

    secret_start: int
    secret_end: int
    suspect_start: int
    suspect_end: int
    secret_text: str
    suspect_text: str
    score: int
    method: str  # exact | near | reworded
    public: bool = False

    def to_dict(self) -> dict[str, Any]:
        return {
            "secret_start": self.secret_start, "secret_end": self.secret_end,
            "suspect_start": self.suspect_start, "suspect_end": self.suspect_end,
            "secret_text": self.secret_text, "suspect_text": self.suspect_text,
            "score": self.score, "method": self.method, "public": self.public,
        }


def _exact_regions(a: _Doc, b: _Doc) -> list[tuple[int, int, int, int]]:
    """Maximal exact runs (a_start, a_end, b_start, b_end) in units, seeded by winnowed fingerprints."""
    fa = _fingerprints(a)
    sb = _all_shingles(b)
    regions: list[tuple[int, int, int, int]] = []
    covered_a: set[int] = set()
    for h, pos_a in sorted(fa.items(), key=lambda kv: min(kv[1])):
        for i in pos_a:
            if i in covered_a:
                continue
            for j in sb.get(h, ()):
                if a.units[i:i + K] != b.units[j:j + K]:
                    continue
                s_a, s_b = i, j
                while s_a > 0 and s_b > 0 and a.units[s_a - 1] == b.units[s_b - 1]:
                    s_a, s_b = s_a - 1, s_b - 1
                e_a, e_b = i + K, j + K
                while e_a < len(a.units) and e_b < len(b.units) and a.units[e_a] == b.units[e_b]:
                    e_a, e_b = e_a + 1, e_b + 1
                regions.append((s_a, e_a, s_b, e_b))
                covered_a.update(range(s_a, e_a))
                break
    regions = sorted(set(regions), key=lambda r: (r[0], -(r[1] - r[0])))
    # keep non-overlapping on the secret side, longest first
    kept: list[tuple[int, int, int, int]] = []
    for r in sorted(regions, key=lambda r: -(r[1] - r[0])):
        if all(r[1] <= k[0] or r[0] >= k[1] for k in kept):
            kept.append(r)
    return sorted(kept)


def _merge(regions: list[tuple[int, int, int, int]]) -> list[tuple[int, int, int, int, int]]:
    """Merge runs that follow each other closely in both texts; returns (.., exact_units)."""
    out: list[list[int]] = []
    for r in regions:
        if out:
            last = out[-1]
            if 0 <= r[0] - last[1] <= MERGE_GAP and 0 <= r[2] - last[3] <= MERGE_GAP:
                last[1], last[3] = r[1], r[3]
                last[4] += r[1] - r[0]
                continue
        out.append([r[0], r[1], r[2], r[3], r[1] - r[0]])
    return [tuple(x) for x in out]  # type: ignore[misc]


def _sentences(text: str) -> list[tuple[int, int]]:
    spans = []
    for m in re.finditer(r"[^。！？!?；;\n]+[。！？!?；;]?|[^.\n]+\.(?=\s|$)", text):
        seg = m.group(0)
        if len(seg.strip()) >= 6:
            lead = len(seg) - len(seg.lstrip())
            spans.append((m.start() + lead, m.end()))
    return spans


def match_passages(secret: str, suspect: str) -> list[PassageMatch]:
    """Passages of ``secret`` that reappear in ``suspect``: copied runs (winnowing seeds, extended and
    merged across small edits) and reworded sentences (rapidfuzz)."""
    a, b = _doc(secret), _doc(suspect)
    out: list[PassageMatch] = []
    covered = [False] * len(a.units)
    for s_a, e_a, s_b, e_b, exact in _merge(_exact_regions(a, b)):
        if e_a - s_a < MIN_UNITS:
            continue
        ta = secret[a.starts[s_a]: a.ends[e_a - 1]]
        tb = suspect[b.starts[s_b]: b.ends[e_b - 1]]
        method = "exact" if exact == e_a - s_a else "near"
        score = 100 if method == "exact" else int(round(fuzz.ratio(fold(ta), fold(tb))))
        out.append(PassageMatch(a.starts[s_a], a.ends[e_a - 1], b.starts[s_b], b.ends[e_b - 1], ta, tb, score, method))
        for i in range(s_a, e_a):
            covered[i] = True
    # reworded sentences not already covered by copied runs
    sus_sents = _sentences(suspect)
    sus_texts = [fold(suspect[s:e]) for s, e in sus_sents]
    unit_at = {st: i for i, st in enumerate(a.starts)}
    for s, e in _sentences(secret):
        idx = [unit_at[p] for p in range(s, e) if p in unit_at]
        if not idx or sum(covered[i] for i in idx) >= 0.5 * len(idx) or not sus_texts:
            continue
        ft = fold(secret[s:e])
        best_j, best = -1, 0.0
        for j, st in enumerate(sus_texts):
            sc = max(fuzz.ratio(ft, st), fuzz.token_sort_ratio(ft, st))
            if sc > best:
                best_j, best = j, sc
        if best >= FUZZY_MIN:
            bs, be = sus_sents[best_j]
            out.append(PassageMatch(s, e, bs, be, secret[s:e].strip(), suspect[bs:be].strip(), int(round(best)), "reworded"))
            for i in idx:
                covered[i] = True
    out.sort(key=lambda m: m.secret_start)
    return out


# --- checklist -------------------------------------------------------------------------------------

MEASURES = (
    ("agreement", "签订保密协议或在合同中约定保密义务", ("保密协议", "保密条款", "竞业", "nda", "confidentiality agreement", "non-disclosure")),
    ("rules", "通过章程、培训、规章制度、书面告知等提出保密要求", ("培训", "规章", "制度", "章程", "书面告知", "员工手册", "training", "policy", "handbook")),
    ("premises", "对能够接触、获取商业秘密的访客等进行限制，或对生产经营场所区分管理", ("门禁", "访客", "限制进入", "区分管理", "涉密区域", "restricted area", "visitor", "access control")),
    ("marking", "以标记、分类、隔离、加密、封存、限定知悉范围等方式区分和管理", ("标记", "密级", "分类", "隔离", "加密", "封存", "知悉范围", "marked", "classified", "encrypt", "need-to-know")),
    ("devices", "对能够接触、获取商业秘密的计算机设备、电子设备、网络设备、存储设备、软件等采取禁止或限制措施", ("u盘", "usb", "内网", "外网", "禁止拷贝", "权限", "电脑", "存储设备", "device", "network", "dlp")),
    ("departure", "要求离职员工登记、返还、清除、销毁其接触或获取的商业秘密及其载体，继续承担保密义务", ("离职", "返还", "交接", "删除", "销毁", "清除", "departure", "exit", "return")),
)


@dataclass(frozen=True)
class ChecklistItem:
    key: str
    label_zh: str
    status: str  # indicated | missing | to_check
    detail_zh: str
    needed_zh: str
    citation: str

    def to_dict(self) -> dict[str, Any]:
        return {"key": self.key, "label_zh": self.label_zh, "status": self.status, "detail_zh": self.detail_zh,
                "needed_zh": self.needed_zh, "citation": self.citation}


@dataclass(frozen=True)
class TradeSecretResult:
    similarity: int
    suspect_coverage: int
    matches: tuple[PassageMatch, ...]
    points: tuple[PointResult, ...]
    passage_similarity: int
    secret_covered: int  # share of the secret's points found or changed, percent
    checklist: tuple[ChecklistItem, ...]
    still_needed: tuple[str, ...]
    measures_found: tuple[str, ...]
    summary_zh: str
    summary_en: str
    citations: tuple[Citation, ...]
    inputs: dict[str, Any] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        d = result_header("trade_secret", self.inputs)
        d.update({
            "similarity": self.similarity, "suspect_coverage": self.suspect_coverage,
            "passage_similarity": self.passage_similarity, "secret_covered": self.secret_covered,
            "points": [p.to_dict() for p in self.points],
            "points_found": sum(p.status == "found" for p in self.points),
            "points_changed": sum(p.status == "changed" for p in self.points),
            "points_absent": sum(p.status == "absent" for p in self.points),
            "matches": [m.to_dict() for m in self.matches],
            "checklist": [c.to_dict() for c in self.checklist],
            "still_needed": list(self.still_needed), "measures_found": list(self.measures_found),
            "summary_zh": self.summary_zh, "summary_en": self.summary_en,
        })
        d.update(citation_fields(self.citations))
        return d


def _coverage(text: str, spans: list[tuple[int, int, int]]) -> float:
    """Weighted share of a text's units covered by (start, end, score) spans."""
    d = _doc(text)
    if not d.units:
        return 0.0
    got = 0.0
    for st in d.starts:
        best = 0
        for s, e, sc in spans:
            if s <= st < e:
                best = max(best, sc)
        got += best / 100
    return got / len(d.units)


def compare_secret(
    secret: str,
    suspect: str,
    *,
    measures: list[str] | tuple[str, ...] = (),
    public_texts: list[str] | tuple[str, ...] = (),
    commercial_value: str = "",
    access: str = "",
) -> TradeSecretResult:
    """Similarity of the suspect material to the secret, with the statutory checklist.

    ``public_texts``: published material (papers, patents, brochures); secret passages found there are
    treated as public domain and left out of the similarity (SPC 2020 Art. 13(4)).
    """
    if not secret or not secret.strip():
        raise ValidationError("the secret text is empty", field="secret")
    if not suspect or not suspect.strip():
        raise ValidationError("the suspect material is empty", field="suspect")
    for name, text in (("secret", secret), ("suspect", suspect)):
        if len(text) > MAX_TEXT:
            raise ValidationError(f"the {name} text is longer than {MAX_TEXT:,} characters", field=name)
        if not re.search(r"[0-9A-Za-z\u3400-\u9fff]", text):
            raise ValidationError(f"the {name} text has no words or numbers", field=name)
    matches = match_passages(secret, suspect)
    public_spans: list[tuple[int, int]] = []
    for pub in public_texts:
        public_spans += [(m.secret_start, m.secret_end) for m in match_passages(secret, pub)]
    if public_spans:
        matches = [PassageMatch(**{**m.to_dict(), "public": any(s < m.secret_end and m.secret_start < e for s, e in public_spans)})
                   for m in matches]
    d = _doc(secret)
    private_units = [st for st in d.starts if not any(s <= st < e for s, e in public_spans)]
    spans = [(m.secret_start, m.secret_end, m.score) for m in matches if not m.public]
    if private_units:
        got = sum(max((sc for s, e, sc in spans if s <= st < e), default=0) / 100 for st in private_units)
        passage_sim = int(round(100 * got / len(private_units)))
    else:
        passage_sim = 0
    # the information: secret points found, changed or absent (public points left out, Art. 13(4))
    sec_points = [p for p in split_points(secret)
                  if not any(s <= p.start and p.end <= e for s, e in public_spans)]
    points = align_points(sec_points, split_points(suspect))
    similarity = int(round(100 * point_similarity(points))) if points else 0
    covered = int(round(100 * sum(p.status != "absent" for p in points) / len(points))) if points else 0
    n_found = sum(p.status == "found" for p in points)
    n_changed = sum(p.status == "changed" for p in points)
    suspect_cov = int(round(100 * _coverage(suspect, [(m.suspect_start, m.suspect_end, m.score) for m in matches])))
    public_share = 1 - len(private_units) / max(1, len(d.starts))

    found: list[str] = []
    text = fold(" ".join(measures))
    for key, _label, words in MEASURES:
        if any(w in text for w in words):
            found.append(key)
    labels = {k: lbl for k, lbl, _ in MEASURES}
    checklist: list[ChecklistItem] = []
    needed: list[str] = []
    if public_share >= 0.5:
        checklist.append(ChecklistItem("not_public", "不为公众所知悉", "missing",
                                       f"秘密内容的{public_share:.0%}可在所提供的公开资料中找到，可能已为公众所知悉。",
                                       "说明哪些内容不在公开资料中（区别于公知信息的具体部分），或提供鉴定意见。", "aucl_2019_art9"))
    else:
        checklist.append(ChecklistItem("not_public", "不为公众所知悉", "to_check",
                                       "系统无法判断；" + (f"所提供公开资料覆盖秘密内容的{public_share:.0%}。" if public_texts else "未提供公开资料比对。"),
                                       "公开文献/专利检索报告或非公知性鉴定意见，说明秘密点。", "aucl_2019_art9"))
    checklist.append(ChecklistItem("commercial_value", "具有商业价值", "indicated" if commercial_value.strip() else "missing",
                                   commercial_value.strip() or "未提供。", "研发投入、许可或转让收入、竞争优势等证据。", "aucl_2019_art9"))
    if found:
        checklist.append(ChecklistItem("measures", "采取相应保密措施", "indicated",
                                       "已提及：" + "；".join(labels[k] for k in found),
                                       "措施的书面证据（协议、制度、签收记录、系统权限截图等），并说明措施与秘密相适应。", "spc_ts_2020_art6"))
    else:
        checklist.append(ChecklistItem("measures", "采取相应保密措施", "missing", "未提及任何保密措施。",
                                       "最高人民法院商业秘密规定第6条所列措施的证据。", "spc_ts_2020_art6"))
    same = "indicated" if similarity >= 60 else ("to_check" if similarity >= 30 else "missing")
    checklist.append(ChecklistItem("substantially_same", "被诉信息与商业秘密实质相同", same,
                                   f"秘密点比对相似度{similarity}/100（已排除公开资料部分）：{len(points)}个秘密点中"
                                   f"相同{n_found}个、数值不同{n_changed}个；文字段落相似度{passage_sim}/100。",
                                   "技术比对或鉴定意见；区别是否容易想到、用途效果有无实质差异、公有领域情况。", "spc_ts_2020_art13"))
    checklist.append(ChecklistItem("access", "被诉方接触或获取的可能", "indicated" if access.strip() else "missing",
                                   access.strip() or "未提供。", "劳动/合作关系、接触途径、获取行为的证据（与实质相同共同推定侵权）。", "aucl_2019_art32"))
    checklist.append(ChecklistItem("defences", "被诉方可能的抗辩：自行开发、反向工程", "to_check", "需了解被诉方的研发记录与产品来源。",
                                   "被诉方研发时间线、反向工程可能性的分析。", "spc_ts_2020_art14"))
    for c in checklist:
        if c.status != "indicated":
            needed.append(f"{c.label_zh}：{c.needed_zh}")
    missing_measures = [labels[k] for k, _, _ in MEASURES if k not in found]
    if missing_measures and found:
        needed.append("可补充的保密措施证据：" + "；".join(missing_measures))
    n_absent = len(points) - n_found - n_changed
    zh = (f"被诉材料与商业秘密的信息相似度为{similarity}/100：{len(points)}个秘密点中{n_found}个相同、{n_changed}个数值不同、"
          f"{n_absent}个未见（覆盖秘密点的{covered}%）；文字段落相似度{passage_sim}/100。"
          "实质相同还须结合区别是否容易想到、用途效果差异及公有领域情况判断（最高人民法院商业秘密规定第13条）。")
    en = (f"Information similarity {similarity}/100: of {len(points)} secret points {n_found} found, {n_changed} with "
          f"other values, {n_absent} absent ({covered}% of the points covered); wording similarity {passage_sim}/100. "
          "Substantial sameness also depends on the other factors of SPC trade-secret provisions Art. 13.")
    inputs = {"secret": secret, "suspect": suspect, "measures": list(measures), "public_texts": list(public_texts),
              "commercial_value": commercial_value, "access": access}
    return TradeSecretResult(similarity, suspect_cov, tuple(matches), tuple(points), passage_sim, covered, tuple(checklist), tuple(needed), tuple(found), zh, en,
                             cite("aucl_2019_art9", "aucl_2019_art32", "spc_ts_2020_art6", "spc_ts_2020_art13", "spc_ts_2020_art14"),
                             inputs)
