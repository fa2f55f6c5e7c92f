"""Shared pieces of every pre-check: engine version, disclaimer, legal citations and data loading.

Every result the engine returns carries ``ENGINE_VERSION``, its own inputs and the disclaimer, so that a
saved result can be cited later in an opinion and reproduced with the same engine version.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

from qcy_workstation.errors import ValidationError

ENGINE_VERSION = "precheck-1.3.0"  # 1.3: trademark review classes same_sound, leading_part_kept, correspondence_by_use, pinyin syllables; patent count contradictions (counts.py); 1.2: review reasons, patent contradictions; 1.1: grouped citations

DISCLAIMER_ZH = "参考性预判，非法律认定"
DISCLAIMER_EN = "reference pre-check, not a legal determination"


@dataclass(frozen=True)
class Citation:
    """One legal source: law or judicial interpretation, its version and the article relied on."""

    key: str
    source: str
    version: str
    article: str
    point_zh: str
    point_en: str
    verified: bool = True
    note: str = ""

    def to_dict(self) -> dict[str, Any]:
        return {
            "key": self.key,
            "source": self.source,
            "version": self.version,
            "article": self.article,
            "point_zh": self.point_zh,
            "point_en": self.point_en,
            "verified": self.verified,
            "note": self.note,
        }

    def label(self) -> str:
        """Short form for a letter, e.g. ``商标法（2019年修正）第57条``."""
        return f"{_head(self.source, self.version, 'zh')}{self.article}"


def _head(source: str, version: str, lang: str) -> str:
    """"source（version）", the version left out when it only repeats the year of the document number the
    source already names (…解释（法释〔2009〕21号） with version "2009")."""
    v = version.strip()
    if not v or (v.isdigit() and f"〔{v}〕" in source):
        return source if lang == "zh" else f"{source} "
    return f"{source}（{v}）" if lang == "zh" else f"{source} ({v}) "


_SIMPLE_ARTICLE = re.compile(r"第(\d+)条")


@dataclass(frozen=True)
class CitationGroup:
    """The citations of one source (same law or interpretation, same version): one label for a letter,
    ``…解释（法释〔2002〕32号，2020年修正）第9条、第10条``, with every article kept with its verified flag."""

    source: str
    version: str
    citations: tuple[Citation, ...]

    def label(self, lang: str = "zh") -> str:
        """The grouped label in Chinese (``lang="zh"``) or English; unverified articles say so."""
        zh = lang == "zh"
        flag = "（未经核对）" if zh else " (not verified)"
        arts = [c.article + ("" if c.verified else flag) for c in self.citations if c.article]
        if not zh:
            nums = [m.group(1) for m in (_SIMPLE_ARTICLE.fullmatch(c.article) for c in self.citations if c.article) if m]
            if nums and len(nums) == len(arts) and all(c.verified for c in self.citations):
                arts = [f"Art. {nums[0]}"] if len(nums) == 1 else [f"Arts. {', '.join(nums[:-1])} and {nums[-1]}"]
            else:
                arts = [_SIMPLE_ARTICLE.sub(r"Art. \1", a) for a in arts]
        return _head(self.source, self.version, lang) + ("、" if zh else ", ").join(arts)

    def to_dict(self) -> dict[str, Any]:
        return {"source": self.source, "version": self.version, "keys": [c.key for c in self.citations],
                "articles": [c.article for c in self.citations], "verified": all(c.verified for c in self.citations),
                "label_zh": self.label("zh"), "label_en": self.label("en")}


def _as_citation(c: Citation | Mapping[str, Any]) -> Citation:
    if isinstance(c, Citation):
        return c
    return Citation(key=str(c.get("key", "")), source=str(c.get("source", "")), version=str(c.get("version", "")),
                    article=str(c.get("article", "")), point_zh=str(c.get("point_zh", "")),
                    point_en=str(c.get("point_en", "")), verified=bool(c.get("verified", True)), note=str(c.get("note", "")))


def group_citations(citations: Iterable[Citation | Mapping[str, Any]]) -> tuple[CitationGroup, ...]:
    """Citations of the same source and version together, in first-cited order (a saved result's citation
    dicts are accepted too), so a letter names a law once and lists its articles."""
    groups: dict[tuple[str, str], list[Citation]] = {}
    for raw in citations:
        c = _as_citation(raw)
        arts = groups.setdefault((c.source, c.version), [])
        if all(a.article != c.article for a in arts):
            arts.append(c)
    return tuple(CitationGroup(src, ver, tuple(cs)) for (src, ver), cs in groups.items())


def citation_text(citations: Iterable[Citation | Mapping[str, Any]], lang: str = "zh") -> str:
    """All citations on one line, grouped by source: ``商标法（…）第57条；…解释（…）第9条、第10条``."""
    return ("；" if lang == "zh" else "; ").join(g.label(lang) for g in group_citations(citations))


def citation_fields(citations: Iterable[Citation]) -> dict[str, Any]:
    """The citation part of a result's ``to_dict()``: each citation as data (``citations``, as documents
    cite them), the same grouped by source (``citation_groups``) and the grouped line in both languages."""
    cs = tuple(citations)
    groups = group_citations(cs)
    return {"citations": [c.to_dict() for c in cs], "citation_groups": [g.to_dict() for g in groups],
            "citation_text_zh": "；".join(g.label("zh") for g in groups),
            "citation_text_en": "; ".join(g.label("en") for g in groups)}


def _data_path(name: str) -> Any:
    return resources.files("qcy_workstation.precheck").joinpath("data").joinpath(name)


@cache
def load_data(name: str) -> Any:
    """Read a shipped JSON data file (cached: data files are read-only at run time)."""
    with _data_path(name).open("r", encoding="utf-8") as fh:
        return json.load(fh)


def load_user_file(path: str | Path | None) -> Any:
    """Read a staff-maintained JSON file; ``None`` or a missing path means nothing to merge."""
    if path is None:
        return None
    p = Path(path)
    if not p.exists():
        raise ValidationError(f"file not found: {p}", field="path", value=str(p))
    if not p.is_file():  # a folder, /dev/zero: an OSError or a read that never ends
        raise ValidationError(f"{p} is not a regular file", field="path", value=str(p), reason="file.unreadable")
    try:
        return json.loads(p.read_text(encoding="utf-8"))
    except json.JSONDecodeError as exc:
        raise ValidationError(f"not valid JSON: {exc}", field="path", value=str(p)) from exc
    except (UnicodeDecodeError, RecursionError, ValueError, OSError) as exc:  # not UTF-8, nested too deeply
        raise ValidationError(f"not a readable JSON file ({type(exc).__name__})", field="path",
                              value=str(p), reason="file.unreadable") from None


@cache
def _citation_table() -> dict[str, Citation]:
    raw = load_data("legal_sources.json")
    table: dict[str, Citation] = {}
    for key, item in raw["sources"].items():
        table[key] = Citation(
            key=key,
            source=item["source"],
            version=item["version"],
            article=item["article"],
            point_zh=item["point_zh"],
            point_en=item["point_en"],
            verified=bool(item.get("verified", True)),
            note=item.get("note", ""),
        )
    return table


def cite(*keys: str) -> tuple[Citation, ...]:
    """Citations by key from ``data/legal_sources.json`` (unknown keys are a programming error)."""
    table = _citation_table()
    return tuple(table[k] for k in keys)


def result_header(kind: str, inputs: dict[str, Any]) -> dict[str, Any]:
    """The common head of every ``to_dict()``: kind, engine version, disclaimer and the inputs."""
    return {
        "kind": kind,
        "engine_version": ENGINE_VERSION,
        "disclaimer": DISCLAIMER_ZH,
        "disclaimer_en": DISCLAIMER_EN,
        "inputs": inputs,
    }
