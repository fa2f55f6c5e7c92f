"""``qcy-workstation precheck trademark|patent|gi|trade-secret``: pure computations, no store.

Every result is a reference pre-check, not a legal determination; ``--json`` prints the full result
(with engine version, inputs and citations). ``--batch FILE.jsonl`` reads one JSON object per line (keys
named like the flags, dashes as underscores) and writes one JSON result per line, in order.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable
from typing import Any

from qcy_workstation import limits
from qcy_workstation.cli.context import CliContext, add_common_options, safe_json
from qcy_workstation.errors import QcyError, ValidationError
from qcy_workstation.files import read_text_file

RISK_ZH = {"high": "高", "medium": "中", "low": "低"}

def _read_file(path: str | None, field: str, *, max_bytes: int = limits.MAX_TEXT_FILE_BYTES) -> str:
    """A file's text through the reader the desktop client uses (``qcy_workstation.files``); "-" is stdin."""
    if path == "-":
        return sys.stdin.read()
    return read_text_file(path, field, max_bytes=max_bytes)


def _as_list(value: Any) -> list[str]:
    if value is None:
        return []
    if isinstance(value, str):
        return [value]
    return [str(v) for v in value]


def _truthy(value: Any) -> bool:
    if isinstance(value, str):
        return value.strip().lower() in ("1", "true", "yes", "y", "on")
    return bool(value)


# --- computations (a mapping of option values in, a result object out) ------------------------------


def _run_trademark(o: dict[str, Any]) -> Any:
    from qcy_workstation.precheck.trademark import compare_marks

    if not o.get("mark") or not o.get("other"):
        raise ValidationError("--mark and --other are required", field="mark" if not o.get("mark") else "other")
    return compare_marks(o["mark"], o["other"], classes=o.get("classes"), other_classes=o.get("other_classes"),
                         well_known=_truthy(o.get("well_known")), aliases_path=o.get("aliases"),
                         reputed=_truthy(o.get("reputed")))


def _run_patent(o: dict[str, Any]) -> Any:
    from qcy_workstation.precheck.patent import compare_claim

    claims = o.get("claims_text") or _read_file(o.get("claims"), "claims")
    product = o.get("product_text") or _read_file(o.get("product"), "product")
    elements = None
    if o.get("elements"):
        elements = [line.strip() for line in _read_file(o["elements"], "elements").splitlines() if line.strip()]
    elif o.get("element"):
        elements = _as_list(o["element"])
    try:
        claim = int(o.get("claim") or 1)
    except ValueError as exc:
        raise ValidationError("--claim must be a number", field="claim", value=o.get("claim")) from exc
    confirmations: list[dict[str, Any]] = []
    if o.get("confirmations"):
        try:
            loaded = json.loads(_read_file(o["confirmations"], "confirmations"))
        except json.JSONDecodeError as exc:
            raise ValidationError(f"confirmations file is not JSON: {exc.msg}", field="confirmations") from exc
        confirmations = loaded if isinstance(loaded, list) else []
    for item in _as_list(o.get("confirm")):
        element, sep, status = item.rpartition("=")
        if not sep or not element.strip():
            raise ValidationError("--confirm takes ELEMENT=covered|equivalent|missing", field="confirm", value=item)
        confirmations.append({"claim": claim, "element": element.strip(), "status": status.strip(),
                              "by": o.get("staff") or ""})
    return compare_claim(claims, product, claim=claim, elements=elements,
                         include_dependents=not _truthy(o.get("no_dependents")), confirmations=confirmations or None)


def _run_gi(o: dict[str, Any]) -> Any:
    from qcy_workstation.precheck.gi import check_label

    if not o.get("label"):
        raise ValidationError("--label is required", field="label")
    return check_label(o["label"], o.get("region") or "", gi_file=o.get("gi_file"))


def _run_trade_secret(o: dict[str, Any]) -> Any:
    from qcy_workstation.precheck.trade_secret import compare_secret

    secret = o.get("secret_text") or _read_file(o.get("secret"), "secret")
    suspect = o.get("suspect_text") or _read_file(o.get("suspect"), "suspect")
    public = [_read_file(p, "public") for p in _as_list(o.get("public"))]
    return compare_secret(secret, suspect, measures=_as_list(o.get("measure")), public_texts=public,
                          commercial_value=o.get("commercial_value") or "", access=o.get("access") or "")


# --- text rendering -----------------------------------------------------------------------------------


def _text_trademark(r: Any) -> str:
    said = f"{'可能' if r.likely_confusion else '不太可能'}导致混淆"
    if r.needs_review:
        said = f"需人工复核（得分倾向：{said}）"
    lines = [f"商标比对（{r.mark} / {r.other}）：得分 {r.score}/100，风险{RISK_ZH.get(r.risk, r.risk)}（{r.risk}），{said}"]
    lines += [f"  - [{f.score:>3}] {f.text_zh}" for f in r.factors]
    lines += [f"  ⚑ {x.text_zh}" for x in r.review_reasons]
    return "\n".join(lines + [_footer(r)])


def _text_patent(r: Any) -> str:
    from qcy_workstation.precheck.patent import VERDICT_ZH

    lines = [f"权利要求{r.chart.claim}：{VERDICT_ZH[r.verdict]} ({r.verdict})", f"  {r.chart.reason_zh}"]
    for e in r.elements:
        lines.append(f"  {e.index:>2}. [{e.status:<10}] {e.score:>3}  {e.element}")
        if e.evidence:
            lines.append(f"        证据：{e.evidence}")
        if e.note:
            lines.append(f"        说明：{e.note}")
    for item in r.review:
        cands = " / ".join(f"“{c['text'][:40]}”" for c in item["candidates"])
        lines.append(f"  ⚑ 第{item['index']}项待核实" + (f"（最接近的段落：{cands}）" if cands else ""))
    for d in r.dependent_charts:
        lines.append(f"  从属权利要求{d.claim}：{VERDICT_ZH[d.verdict]}")
    return "\n".join(lines + [_footer(r)])


def _text_gi(r: Any) -> str:
    return "\n".join([f"地理标志：{r.verdict}（{r.gi.name if r.gi else '未发现受保护名称'}；地区 {r.region_match}）",
                      f"  {r.reason_zh}", _footer(r)])


def _text_trade_secret(r: Any) -> str:
    lines = [f"商业秘密比对：相似度 {r.similarity}/100，匹配段落 {len(r.matches)} 处", f"  {r.summary_zh}"]
    word = {"found": "相同", "changed": "数值不同", "absent": "未见"}
    for p in r.points:
        diff = "；".join(f"{a} → {b}" for a, b in p.differences)
        lines.append(f"  [{word[p.status]}] {p.secret.text[:50]}" + (f" ↔ {p.match_text[:50]}" if p.status != "absent" else "")
                     + (f"（{diff}）" if diff else ""))
    for m in r.matches[:20]:
        lines.append(f"  [{m.method} {m.score}] 秘密 {m.secret_start}-{m.secret_end} ↔ 被诉 {m.suspect_start}-{m.suspect_end}: {m.secret_text[:60]}")
    lines.append("  要件清单：")
    lines += [f"   - {c.label_zh}：{c.status}（{c.detail_zh}）" for c in r.checklist]
    return "\n".join(lines + [_footer(r)])


def _footer(r: Any) -> str:
    from qcy_workstation.precheck.common import DISCLAIMER_EN, DISCLAIMER_ZH, ENGINE_VERSION, citation_text

    cites = citation_text(r.citations)
    return f"依据：{cites}\n{DISCLAIMER_ZH}（{DISCLAIMER_EN}）· {ENGINE_VERSION}"


KINDS: dict[str, tuple[Callable[[dict[str, Any]], Any], Callable[[Any], str]]] = {
    "trademark": (_run_trademark, _text_trademark),
    "patent": (_run_patent, _text_patent),
    "gi": (_run_gi, _text_gi),
    "trade-secret": (_run_trade_secret, _text_trade_secret),
}


def _handler(kind: str) -> Callable[[argparse.Namespace, CliContext], int]:
    run, render = KINDS[kind]

    def handle(args: argparse.Namespace, ctx: CliContext) -> int:
        options = {k: v for k, v in vars(args).items() if k not in ("handler", "command", "precheck_kind")}
        if getattr(args, "batch", None):
            return _batch(args.batch, options, run, BATCH_KEYS[kind])
        result = run(options)
        if getattr(args, "case", None):  # only then is the store opened
            from qcy_workstation.precheck.results import PrecheckResultService

            saved = PrecheckResultService(ctx.store, ctx.actor).save(args.case, result)
            print(f"saved as pre-check #{saved.id} on {saved.case_number}", file=sys.stderr)
        ctx.emit(result.to_dict(), render(result))
        return 0

    return handle


# --- batch lines --------------------------------------------------------------------------------------

#: Per kind, the keys a batch line may hold and what each takes: "text", "int", "flag" or "list" (filled
#: from the sub-command's own options in ``register``, so a new flag is a new key at once).
BATCH_KEYS: dict[str, dict[str, str]] = {}
#: A batch line may also carry the texts themselves instead of file names (``_run_patent`` reads these).
INLINE_TEXT_KEYS = {"patent": {"claims_text": "text", "product_text": "text"},
                    "trade-secret": {"secret_text": "text", "suspect_text": "text"}}
_RUN_LEVEL = frozenset({"help", "batch", "case", "db", "json", "staff"})  # options of the run, not of a line
MAX_CLAIM_NUMBER = 1000  # no claim set has more claims (CNIPA charges extra from the 11th; 1,000 is absurd)


def batch_keys() -> dict[str, dict[str, str]]:
    """``BATCH_KEYS``, filled from a parser of its own if ``register`` has not run in this process yet."""
    if not BATCH_KEYS:
        register(argparse.ArgumentParser().add_subparsers())
    return BATCH_KEYS


def _batch_spec(parser: argparse.ArgumentParser) -> dict[str, str]:
    spec: dict[str, str] = {}
    for action in parser._actions:
        if action.dest in _RUN_LEVEL or not action.option_strings:
            continue
        if isinstance(action, argparse._StoreTrueAction):
            spec[action.dest] = "flag"
        elif isinstance(action, argparse._AppendAction):
            spec[action.dest] = "list"
        elif action.type is int:
            spec[action.dest] = "int"
        else:
            spec[action.dest] = "text"
    return spec


def _line_value(key: str, value: Any, kind: str) -> Any:
    """One value of a batch line in the type its option takes, or a ValidationError naming the key.

    Why: a line such as ``{"mark": 123, "other": ["x"]}`` reached the engines unchecked and ended the
    whole batch with an AttributeError; now that line gets an error result and the batch goes on."""
    def wrong(expected: str) -> ValidationError:
        return ValidationError(f"must be {expected}, not {type(value).__name__}", field=key,
                               value=ascii(value)[:80], reason="batch.type", params={"expected": expected})

    if kind == "text":
        if isinstance(value, str):
            return value
        if isinstance(value, int | float) and not isinstance(value, bool):  # "classes": 30
            return str(value)
        raise wrong("text")
    if kind == "int":
        if isinstance(value, bool) or not isinstance(value, int | str):
            raise wrong("a whole number")
        text = str(value).strip()
        if not text.isascii() or not text.isdigit() or not 1 <= int(text) <= MAX_CLAIM_NUMBER:
            raise ValidationError(f"must be a whole number from 1 to {MAX_CLAIM_NUMBER}", field=key,
                                  value=ascii(value)[:80], reason="number.range",
                                  params={"min": 1, "max": MAX_CLAIM_NUMBER})
        return int(text)
    if kind == "flag":
        if isinstance(value, bool | int | str):
            return _truthy(value)
        raise wrong("true or false")
    items = [value] if isinstance(value, str) else value
    if not isinstance(items, list) or not all(isinstance(v, str | int | float) and not isinstance(v, bool)
                                              for v in items):
        raise wrong("text or a list of texts")
    return [str(v) for v in items]


def line_options(line: str, n: int, spec: dict[str, str]) -> dict[str, Any]:
    """The options of batch line ``n``: a JSON object whose keys are the sub-command's options (dashes as
    underscores). Anything else (bad JSON, nesting too deep for the parser, an unknown key, a wrong
    type) is a ValidationError for this line alone."""
    try:
        item = json.loads(line)
    except RecursionError:  # [[[[... 100,000 deep: the decoder recurses once per level
        raise ValidationError(f"line {n}: nested too deeply", field="batch", value=n, reason="batch.json",
                              params={"line": n}) from None
    except ValueError as exc:  # JSONDecodeError, and integers longer than Python converts (4,300 digits)
        detail = exc.msg if isinstance(exc, json.JSONDecodeError) else str(exc)
        raise ValidationError(f"line {n}: not JSON ({detail})", field="batch", value=n, reason="batch.json",
                              params={"line": n}) from None
    if not isinstance(item, dict):
        raise ValidationError(f"line {n}: each line must be a JSON object", field="batch", value=n,
                              reason="batch.json", params={"line": n})
    options: dict[str, Any] = {}
    for raw_key, value in item.items():
        key = raw_key.replace("-", "_")
        if key not in spec:
            shown = ascii(raw_key)[1:-1][:60]
            raise ValidationError(f"unknown key; known keys: {', '.join(sorted(spec))}", field=shown or "batch",
                                  value=shown, reason="batch.unknown_key",
                                  params={"key": shown, "known": ", ".join(sorted(spec))})
        if value is not None:
            options[key] = _line_value(key, value, spec[key])
    return options


def _batch(path: str, defaults: dict[str, Any], run: Callable[[dict[str, Any]], Any], spec: dict[str, str]) -> int:
    """One JSON result per input line, in order; a bad line yields an error object and exit code 1."""
    text = _read_file(path, "batch", max_bytes=limits.MAX_BATCH_FILE_BYTES)
    failed = False
    base = {k: v for k, v in defaults.items() if k not in ("batch", "case")}
    for n, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            out: dict[str, Any] = run({**base, **line_options(line, n, spec)}).to_dict()
        except QcyError as err:
            failed = True
            out = {**err.to_dict(), "line": n}
        print(safe_json(out), flush=True)
    return 1 if failed else 0


def register(subparsers: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = subparsers.add_parser("precheck", help="infringement pre-check (reference only, not a legal determination)",
                              description="参考性预判，非法律认定 — reference pre-check, not a legal determination.")
    add_common_options(p)
    sub = p.add_subparsers(dest="precheck_kind", metavar="KIND", required=True)

    t = sub.add_parser("trademark", help="mark against mark (glyph, sound, meaning, goods)")
    t.add_argument("--mark", help="the right holder's mark")
    t.add_argument("--classes", help="Nice classes or 4-digit groups, e.g. 25,35 or 2501")
    t.add_argument("--other", help="the suspect sign")
    t.add_argument("--other-classes", help="classes/groups of the suspect's goods (default: --classes)")
    t.add_argument("--well-known", action="store_true", help="the earlier mark is claimed to be well known")
    t.add_argument("--reputed", action="store_true",
                   help="the earlier mark has a reputation for its goods (SPC interpretation Art. 10(3); no cross-class claim)")
    t.add_argument("--aliases", metavar="FILE.json", help="staff alias table merged over the shipped one")

    pt = sub.add_parser("patent", help="claim against accused product (all-elements rule)")
    pt.add_argument("--claims", metavar="CLAIMS.txt", help="claim set (Chinese or English)")
    pt.add_argument("--product", metavar="PRODUCT.txt", help="accused product or process description")
    pt.add_argument("--claim", type=int, default=1, help="claim number (default 1)")
    pt.add_argument("--elements", metavar="FILE.txt", help="corrected element split for --claim, one per line")
    pt.add_argument("--element", action="append", help="a corrected element (repeat)")
    pt.add_argument("--no-dependents", action="store_true", help="do not chart the dependent claims")
    pt.add_argument("--confirm", action="append", metavar="ELEMENT=STATUS",
                    help="staff's reading of one feature of --claim: covered, equivalent or missing (repeat)")
    pt.add_argument("--confirmations", metavar="FILE.json",
                    help='staff readings as JSON: [{"claim": 1, "element": "...", "status": "missing"}]')

    g = sub.add_parser("gi", help="label against the GI register")
    g.add_argument("--label", help="product label text")
    g.add_argument("--region", default="", help="producer's region (province / city / county)")
    g.add_argument("--gi-file", metavar="FILE.json", help="staff GI list merged over the shipped register")

    s = sub.add_parser("trade-secret", help="secret against suspect material")
    s.add_argument("--secret", metavar="FILE", help="the secret (text file)")
    s.add_argument("--suspect", metavar="FILE", help="the suspect's material (text file)")
    s.add_argument("--measure", action="append", help="a confidentiality measure taken (repeat)")
    s.add_argument("--public", action="append", metavar="FILE", help="published material to exclude (repeat)")
    s.add_argument("--commercial-value", default="", help="what gives the secret commercial value")
    s.add_argument("--access", default="", help="how the suspect had access")

    for kind, leaf in (("trademark", t), ("patent", pt), ("gi", g), ("trade-secret", s)):
        leaf.add_argument("--batch", metavar="FILE.jsonl", help="one JSON object per line; one JSON result per line")
        leaf.add_argument("--case", metavar="NUMBER", help="also save the result on this case (opens the store)")
        add_common_options(leaf)
        leaf.set_defaults(handler=_handler(kind))
        BATCH_KEYS[kind] = _batch_spec(leaf) | INLINE_TEXT_KEYS.get(kind, {})
