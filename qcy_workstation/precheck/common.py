"""Shared pieces of every pre-check: engine version, disclaimer, legal citations and data loading.

Every result the engine returns carries ``ENGINE_VERSION``, its own inputs and the disclaimer, so that a
saved result can be cited later in an opinion and reproduced with the same engine version.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

from qcy_workstation.errors import ValidationError

ENGINE_VERSION = "precheck-1.0.0"

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
        return f"{self.source}（{self.version}）{self.article}"


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
    try:
        return json.loads(p.read_text(encoding="utf-8"))
    except json.JSONDecodeError as exc:
        raise ValidationError(f"not valid JSON: {exc}", field="path", value=str(p)) from exc


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
