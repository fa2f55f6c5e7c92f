"""Infringement pre-check engine (headless, no Qt).

Plain API for the CLI and the UI page: frozen dataclasses in and out, each result with ``to_dict()`` for
JSON, carrying ``ENGINE_VERSION``, its inputs, citations and the label "参考性预判，非法律认定 /
reference pre-check, not a legal determination".

- Patent: ``parse_claims(text)``, ``compare_claim(claims, product, claim=1, elements=None)``
- Trademark: ``compare_marks(mark, other, classes=..., other_classes=..., well_known=False)``
- GI: ``check_label(label, region, gi_file=None)``, ``load_gi_register(user_path=None)``
- Trade secret: ``compare_secret(secret, suspect, measures=(), public_texts=())``

Store-backed (import these modules explicitly; they need SQLAlchemy and an open ``Store``):
- ``register.import_register(store, path, kind=None, mapping=None, sheet=None, replace=False, actor="",
  progress=None) -> ImportReport`` (``mapping`` column -> field, ``""``/``None`` = not imported; ``progress``
  returning ``False`` cancels, store unchanged); ``register.read_table`` / ``register.guess_mapping`` /
  ``register.detect_mapping`` for a preview
- ``screening.screen_trademark(store, mark, classes=None, top=20)``, ``screening.screen_patent(store, text)``,
  ``screening.screen_gi(store, label, region)``
- ``results.PrecheckResultService(store, actor).save(case_number, result) / list(case_number) / get(id)``
"""

from __future__ import annotations

from qcy_workstation.precheck.common import DISCLAIMER_EN, DISCLAIMER_ZH, ENGINE_VERSION, Citation
from qcy_workstation.precheck.gi import (
    GeoIndication,
    GiMatch,
    GiResult,
    check_label,
    find_gis,
    load_gi_register,
)
from qcy_workstation.precheck.goods import GoodsSimilarity, goods_similarity, parse_codes
from qcy_workstation.precheck.patent import (
    Claim,
    ClaimChart,
    ClaimSet,
    ElementResult,
    PatentResult,
    Product,
    compare_claim,
    parse_claims,
    prepare_product,
)
from qcy_workstation.precheck.trade_secret import (
    ChecklistItem,
    PassageMatch,
    TradeSecretResult,
    compare_secret,
)
from qcy_workstation.precheck.trademark import Factor, MarkKeys, TrademarkResult, compare_marks, mark_keys

__all__ = [
    "DISCLAIMER_EN", "DISCLAIMER_ZH", "ENGINE_VERSION", "Citation",
    "GeoIndication", "GiMatch", "GiResult", "check_label", "find_gis", "load_gi_register",
    "GoodsSimilarity", "goods_similarity", "parse_codes",
    "Claim", "ClaimChart", "ClaimSet", "ElementResult", "PatentResult", "Product", "compare_claim",
    "parse_claims", "prepare_product",
    "ChecklistItem", "PassageMatch", "TradeSecretResult", "compare_secret",
    "Factor", "MarkKeys", "TrademarkResult", "compare_marks", "mark_keys",
]
