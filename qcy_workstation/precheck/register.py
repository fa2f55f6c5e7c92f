"""Rights register: import trademarks, patents and GIs from CSV/XLSX with column mapping, and read them back.

The import keeps the good rows and reports the bad ones with their reason (row number as in the
spreadsheet, header = row 1). Keys used for screening are computed here, once, and stored.
Large trademark files are keyed in worker processes (the machine has 2 cores).
"""

from __future__ import annotations

import csv
import io
import os
import re
import time
import unicodedata
import uuid
from collections.abc import Callable, Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import delete, func, insert, select

from qcy_workstation.accounts.permissions import require
from qcy_workstation.accounts.principal import acting
from qcy_workstation.errors import ValidationError
from qcy_workstation.precheck.gi import ROUTES
from qcy_workstation.precheck.goods import class_of, parse_codes
from qcy_workstation.precheck.models import RegisterGi, RegisterPatent, RegisterTrademark

if TYPE_CHECKING:
    from qcy_workstation.db.store import Store

KINDS = ("trademark", "patent", "gi")

# field -> header names recognised (Chinese and English); compared after folding (case, width, punctuation).
HEADERS: dict[str, dict[str, tuple[str, ...]]] = {
    "trademark": {
        "reg_no": ("注册号", "申请号", "商标注册号", "注册申请号", "申请注册号", "regno", "registrationnumber", "registrationno",
                   "applicationnumber", "number", "no"),
        "mark": ("商标", "商标名称", "商标文字", "商标名", "标志", "mark", "trademark", "wordmark", "name"),
        "owner": ("注册人", "申请人", "权利人", "所有人", "商标注册人", "owner", "registrant", "applicant", "holder", "proprietor"),
        "classes": ("类别", "国际分类", "尼斯分类", "类", "商品类别", "class", "classes", "niceclass", "niceclasses"),
        "groups": ("类似群", "类似群组", "群组", "类似群号", "groups", "similargroups", "group"),
        "status": ("状态", "商标状态", "法律状态", "status", "legalstatus"),
        "registered_on": ("注册日期", "注册日", "注册公告日期", "专用权期限起", "registrationdate", "registeredon"),
        "expires_on": ("专用权期限至", "专用期限至", "有效期至", "到期日", "届满日", "expirydate", "expireson", "expires"),
    },
    "patent": {
        "number": ("专利号", "申请号", "专利申请号", "公告号", "patentnumber", "patentno", "applicationnumber", "number", "no"),
        "title": ("名称", "专利名称", "发明名称", "实用新型名称", "标题", "title", "name"),
        "owner": ("专利权人", "权利人", "申请人", "owner", "patentee", "applicant", "assignee"),
        "claims": ("权利要求", "权利要求书", "权利要求1", "主权项", "claims", "claim", "claim1"),
        "status": ("状态", "法律状态", "status", "legalstatus"),
        "filed_on": ("申请日", "申请日期", "filingdate", "filedon"),
        "granted_on": ("授权日", "授权公告日", "授权日期", "grantdate", "grantedon"),
    },
    "gi": {
        "gi_id": ("编号", "标识", "id", "giid"),
        "name": ("地理标志名称", "地理标志", "产品名称", "名称", "name", "gi", "giname"),
        "place": ("产地名", "地名", "place"),
        "product": ("产品", "产品类别名", "品名", "product"),
        "province": ("省", "省份", "province"),
        "city": ("市", "地市", "城市", "city"),
        "counties": ("县", "区县", "县区", "县市区", "county", "counties"),
        "towns": ("乡镇", "镇", "towns", "town"),
        "routes": ("保护途径", "途径", "保护方式", "routes", "route"),
        "english": ("英文名", "英文", "english"),
        "aliases": ("别名", "aliases", "alias"),
        "certificate": ("证书号", "登记证书编号", "证书编号", "certificate"),
        "holder": ("持有人", "注册人", "申请人", "holder"),
        "verified": ("已核对", "核对", "verified"),
        "note": ("备注", "说明", "note", "notes"),
    },
}
REQUIRED = {"trademark": ("reg_no", "mark"), "patent": ("number", "claims"), "gi": ("name", "place", "product")}
ROUTE_WORDS = {"地理标志产品": "gi_product", "集体商标": "collective_mark", "证明商标": "certification_mark",
               "农产品地理标志": "agricultural_gi", "地理标志集体商标": "collective_mark", "地理标志证明商标": "certification_mark"}


@dataclass(frozen=True)
class BadRow:
    row: int
    reason: str
    field: str | None
    values: dict[str, str]

    def to_dict(self) -> dict[str, Any]:
        return {"row": self.row, "reason": self.reason, "field": self.field, "values": self.values}


@dataclass(frozen=True)
class ImportReport:
    kind: str
    file: str
    total_rows: int
    imported: int
    replaced: int
    bad_rows: tuple[BadRow, ...]
    mapping: dict[str, str]
    batch: str
    seconds: float
    warnings: tuple[str, ...] = field(default_factory=tuple)
    timings: dict[str, float] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        return {"kind": self.kind, "file": self.file, "total_rows": self.total_rows, "imported": self.imported,
                "replaced": self.replaced, "bad": len(self.bad_rows), "bad_rows": [b.to_dict() for b in self.bad_rows],
                "mapping": self.mapping, "batch": self.batch, "seconds": round(self.seconds, 2),
                "warnings": list(self.warnings), "timings": {k: round(v, 2) for k, v in self.timings.items()}}


# --- reading files ------------------------------------------------------------------------------------


def _cell(v: Any) -> str:
    if v is None:
        return ""
    if isinstance(v, float) and v.is_integer():
        return str(int(v))
    return str(v).strip()


def read_table(path: str | Path, *, sheet: str | None = None) -> tuple[list[str], Iterator[list[str]]]:
    """Header and data rows of a CSV (UTF-8 or GB18030, , ; or tab) or XLSX file (first sheet by default)."""
    header, rows, _ = _open_table(path, sheet=sheet)
    return header, (cells for _line, cells in rows if not isinstance(cells, str))


CSV_CELL_LIMIT = 131_072  # Python's csv default; a longer cell is a bad row, not a crash
TableRows = Iterator[tuple[int, "list[str] | str"]]


def _open_table(path: str | Path, *, sheet: str | None = None) -> tuple[list[str], TableRows, int]:
    """The header, the data rows as ``(first line number, cells)`` (``cells`` is the reason as a string when
    the line cannot be read: a cell over the limit, a stray quote), and an estimate of the number of data
    rows (for progress; 0 when unknown)."""
    p = Path(path)
    if not p.is_file():
        raise ValidationError(f"file not found: {p}", field="file", value=str(p))
    if p.suffix.lower() in (".xlsx", ".xlsm"):
        from openpyxl import load_workbook

        try:
            wb = load_workbook(p, read_only=True, data_only=True)
        except Exception as exc:  # openpyxl raises many kinds for a broken file
            raise ValidationError(f"cannot read the workbook: {exc}", field="file", value=str(p)) from exc
        if sheet is not None and sheet not in wb.sheetnames:
            raise ValidationError(f"no sheet {sheet!r} (sheets: {wb.sheetnames})", field="sheet", value=sheet)
        ws = wb[sheet] if sheet else wb.worksheets[0]
        it = ws.iter_rows(values_only=True)
        try:
            header = [_cell(v) for v in next(it)]
        except StopIteration:
            raise ValidationError("the sheet is empty", field="file", value=str(p)) from None
        return header, ((n, [_cell(v) for v in row]) for n, row in enumerate(it, start=2)), \
            max(0, (ws.max_row or 1) - 1)
    raw = p.read_bytes()
    for enc in ("utf-8-sig", "gb18030"):
        try:
            text = raw.decode(enc)
            break
        except UnicodeDecodeError:
            continue
    else:
        raise ValidationError("cannot decode the file (expected UTF-8 or GB18030)", field="file", value=str(p))
    sample = text[:4096]
    try:
        dialect = csv.Sniffer().sniff(sample, delimiters=",;\t")
    except csv.Error:
        dialect = csv.excel
    # newline="": the csv module sees \r, \n and \r\n line ends itself (a CR-only file is read line by line)
    reader = csv.reader(io.StringIO(text, newline=""), dialect)
    try:
        header = [h.strip() for h in next(reader)]
    except StopIteration:
        raise ValidationError("the file is empty", field="file", value=str(p)) from None
    except csv.Error as exc:
        raise ValidationError(f"the header line cannot be read ({exc})", field="file", value=str(p)) from None
    # line count: an over-estimate when quoted cells hold line breaks, corrected once the rows are read
    return header, _csv_rows(reader), max(0, text.count("\n") - 1, text.count("\r") - 1)


def _csv_rows(reader: Any) -> TableRows:
    """Rows with the line they start on; a line the csv module refuses becomes a reason, and reading goes on."""
    previous = reader.line_num
    while True:
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            yield previous + 1, f"this line cannot be read ({exc})"
            if reader.line_num == previous:  # no progress: stop rather than loop
                return
            previous = reader.line_num
            continue
        yield previous + 1, [c.strip() for c in row]
        previous = reader.line_num


def _fold_header(h: str) -> str:
    return re.sub(r"[\s_\-/()（）.:：#]+", "", unicodedata.normalize("NFKC", h)).lower()


def guess_mapping(header: list[str], kind: str | None = None,
                  overrides: dict[str, str | None] | None = None) -> tuple[str, dict[str, int]]:
    """(kind, field -> column index) as far as the headers tell, without requiring anything (a preview
    shows it and staff complete it). Exact header names win over names contained in a header: with an
    unknown mark header, "商标状态" is the status column, not the mark. A column fills one field at most.

    ``overrides`` maps a column header (or 1-based number) to a field, or to ``None``/``""`` for "not
    imported": staff's choice replaces what detection found for that column and that field.
    """
    folded = [_fold_header(h) for h in header]
    if kind and kind not in KINDS:
        raise ValidationError(f"kind must be one of {KINDS}", field="kind", value=kind)
    kinds = [kind] if kind else list(KINDS)
    best: tuple[int, str, dict[str, int]] | None = None
    for k in kinds:
        mapping: dict[str, int] = {}
        for exact in (True, False):
            for fld, names in HEADERS[k].items():
                if fld in mapping:
                    continue
                targets = [_fold_header(n) for n in names]
                taken = set(mapping.values())
                for i, h in enumerate(folded):
                    if i not in taken and (h in targets if exact else any(len(t) >= 2 and t in h for t in targets)):
                        mapping[fld] = i
                        break
        for col, fld in (overrides or {}).items():
            col = str(col).strip()
            if re.fullmatch(r"[0-9]{1,6}", col) and 1 <= int(col) <= len(header):  # "²".isdigit() is True
                idx = int(col) - 1
            elif _fold_header(col) in folded:
                idx = folded.index(_fold_header(col))
            else:
                raise ValidationError(f"no column {col!r} in the header {header}", field="map", value=col)
            fld = (fld or "").strip()
            if fld and fld not in HEADERS[k]:
                if kind:
                    raise ValidationError(f"unknown field {fld!r} for {k} (fields: {list(HEADERS[k])})", field="map", value=fld)
                continue
            for other in [f for f, i in mapping.items() if i == idx]:
                del mapping[other]  # the column is staff's: not imported, or imported as fld only
            if fld:
                mapping[fld] = idx
        score = sum(f in mapping for f in REQUIRED[k]) * 10 + len(mapping)
        if best is None or score > best[0]:
            best = (score, k, mapping)
    assert best is not None
    return best[1], best[2]


def detect_mapping(header: list[str], kind: str | None = None,
                   overrides: dict[str, str | None] | None = None) -> tuple[str, dict[str, int]]:
    """(kind, field -> column index) of a register file; every required field must have its column.

    See :func:`guess_mapping` for the rules and ``overrides`` (``{"3": ""}`` = column 3 not imported).
    """
    k, mapping = guess_mapping(header, kind, overrides)
    missing = [f for f in REQUIRED[k] if f not in mapping]
    if missing:
        raise ValidationError(f"cannot find the column(s) for {missing} in {header}; use --map COLUMN=FIELD",
                              field="map", value=missing)
    return k, mapping


def parse_map_options(items: list[str] | None) -> dict[str, str]:
    """``["商标名称=mark", "3=owner"]`` -> {column: field}."""
    out: dict[str, str] = {}
    for item in items or []:
        if "=" not in item:
            raise ValidationError(f"use COLUMN=FIELD, got {item!r}", field="map", value=item)
        col, fld = item.split("=", 1)
        out[col.strip()] = fld.strip()
    return out


# --- keys ---------------------------------------------------------------------------------------------


def class_mask(codes: tuple[str, ...]) -> int:
    mask = 0
    for c in codes:
        mask |= 1 << int(class_of(c))
    return mask


def trademark_key_row(mark: str) -> tuple[str, ...]:
    """The stored key columns of one mark (module-level so worker processes can run it)."""
    from qcy_workstation.precheck.trademark import mark_keys

    k = mark_keys(mark)
    return (k.norm, k.cjk, k.latin, k.visual, " ".join(k.pinyin), " ".join(k.pinyin_tones), " ".join(k.pinyin_loose),
            k.sound, k.latin_sound, "|".join(k.alias_terms))


def _key_chunk(marks: list[str]) -> list[tuple[str, ...]]:
    return [trademark_key_row(m) for m in marks]


def patent_terms(claims: str) -> str:
    """Content terms of claim 1 (all its elements), stored for candidate search."""
    from qcy_workstation.precheck.patent import _content_tokens, parse_claims

    cs = parse_claims(claims)
    c1 = cs.claims[0]
    terms: list[str] = []
    for e in (c1.subject, *c1.elements):
        terms.extend(_content_tokens(e))
    return " ".join(dict.fromkeys(t.replace(" ", "_") for t in terms))


VECTOR_BATCH = 256


def claim1_text(claims: str) -> str:
    """Claim 1 as the meaning layer reads it: without drawing reference numerals."""
    from qcy_workstation.precheck.patent import parse_claims, strip_reference_numerals

    return strip_reference_numerals(parse_claims(claims).claims[0].text)[:2000]


def patent_vectors(claims: list[str], *, tick: Callable[[int], None] | None = None) -> list[bytes | None]:
    """Claim 1's sentence vector for each patent (None for all when the meaning layer is off), in batches;
    ``tick(n)`` after each batch may raise to stop."""
    from qcy_workstation.precheck import semantic

    if not semantic.available():
        return [None] * len(claims)
    out: list[bytes | None] = []
    for i in range(0, len(claims), VECTOR_BATCH):
        part = [claim1_text(c) for c in claims[i:i + VECTOR_BATCH]]
        out.extend(semantic.to_bytes(v) for v in semantic.embed(part))
        if tick is not None:
            tick(0)
    return out


def _terms_chunk(texts: list[str]) -> list[str]:
    return [patent_terms(t) for t in texts]


def _parallel(fn: Callable[[list[Any]], list[Any]], items: list[Any], *, chunk: int, workers: int | None,
              tick: Callable[[int], None]) -> list[Any]:
    """``fn`` over ``items`` in chunks (in worker processes when it pays); ``tick(n)`` after each chunk of
    ``n`` items may raise to stop: queued chunks are dropped and the workers stopped."""
    import multiprocessing
    import threading

    workers = workers if workers is not None else min(2, os.cpu_count() or 1)
    # Worker processes only by fork from a single-threaded process (the CLI): forking a process that runs
    # other threads (the desktop client) is unsafe, and spawn would need the frozen app's entry point.
    can_fork = "fork" in multiprocessing.get_all_start_methods() and threading.active_count() == 1
    chunks = [items[i:i + chunk] for i in range(0, len(items), chunk)]
    out: list[Any] = []
    if workers <= 1 or len(chunks) <= 1 or not can_fork:
        for c in chunks:
            out.extend(fn(c))
            tick(len(c))
        return out
    fn(items[:1])  # warm the dictionaries (pinyin phrases, zhconv) once, so forked workers inherit them
    ctx = multiprocessing.get_context("fork")
    ex = ProcessPoolExecutor(max_workers=workers, mp_context=ctx)
    try:
        for c, res in zip(chunks, ex.map(fn, chunks), strict=True):
            out.extend(res)
            tick(len(c))
    except BaseException:
        ex.shutdown(wait=False, cancel_futures=True)  # do not key the queued chunks of a cancelled import
        raise
    ex.shutdown()
    return out


# --- import -------------------------------------------------------------------------------------------


# Fields that hold one line in any real register; a line break there means a quote was left open and the
# following lines were swallowed into one cell (they would be lost as rows).
_ONE_LINE = {"reg_no", "mark", "owner", "classes", "groups", "status", "number", "title", "gi_id", "name",
             "place", "product", "province", "city", "certificate", "routes", "registered_on", "expires_on",
             "filed_on", "granted_on"}
MAX_CELL = {"claims": CSV_CELL_LIMIT, "note": 10_000, "abstract": 20_000}
DEFAULT_MAX_CELL = 1_000


def _plausible(kind: str, row: list[str], values: dict[str, str], width: int) -> None:
    """Refuse a row whose shape says the file was misread (a quote left open, a stray separator)."""
    extra = [c for c in row[width:] if c.strip()]
    if extra:
        raise ValidationError(f"this row has {len(row)} fields but the header has {width}: a separator or a quote "
                              "is out of place", field="file", value=len(row))
    for f, v in values.items():
        if f in _ONE_LINE and ("\n" in v or "\r" in v):
            lines = v.count("\n") + v.count("\r") + 1
            raise ValidationError(f"{f} runs over {lines} lines: a quote (\") is probably not closed, and the "
                                  "following rows were read into this cell", field=f, value=v[:80])
        limit = MAX_CELL.get(f, DEFAULT_MAX_CELL)
        if len(v) > limit:
            raise ValidationError(f"{f} has {len(v):,} characters (at most {limit:,})", field=f, value=v[:80])


def _validate_tm(v: dict[str, str]) -> dict[str, Any]:
    from qcy_workstation.cases.validation import validate_trademark_number

    reg_no = validate_trademark_number(v["reg_no"], field="reg_no")
    if not v.get("mark"):
        raise ValidationError("the mark is empty", field="mark")
    classes = parse_codes(re.sub(r"第|类", "", v.get("classes", "")), field="classes")
    groups = parse_codes(v.get("groups", ""), field="groups")
    if any(len(g) != 4 for g in groups):
        raise ValidationError("similar groups are 4-digit codes such as 2501", field="groups", value=v.get("groups"))
    cls = tuple(c for c in classes if len(c) <= 2)
    grp = tuple(dict.fromkeys([g for g in classes if len(g) == 4] + list(groups)))
    registered, expires = _file_date(v, "registered_on"), _file_date(v, "expires_on")
    if registered and expires and expires <= registered:
        raise ValidationError("the expiry is not after the registration date", field="expires_on", value=v["expires_on"])
    return {"reg_no": reg_no, "mark": v["mark"][:200], "owner": v.get("owner", "")[:200], "classes": ",".join(cls),
            "groups": ",".join(grp), "status": v.get("status", "")[:40], "class_mask": class_mask(cls + grp),
            "registered_on": registered, "expires_on": expires}


def _file_date(v: dict[str, str], fld: str) -> Any:
    """An optional date cell (YYYY-MM-DD, YYYY/MM/DD, YYYY.MM.DD, YYYYMMDD or 2017年12月14日); None when empty."""
    from datetime import date

    text = (v.get(fld) or "").strip()
    if not text:
        return None
    m = re.fullmatch(r"(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?(?:[ T]0{1,2}:0{2}(?::0{2})?)?|(\d{4})(\d{2})(\d{2})", text)
    try:
        if m is None:
            raise ValueError(text)
        y, mo, d = (m.group(1), m.group(2), m.group(3)) if m.group(1) else (m.group(4), m.group(5), m.group(6))
        return date(int(y), int(mo), int(d))
    except ValueError:
        raise ValidationError(f"{fld} {text!r} is not a date (use YYYY-MM-DD)", field=fld, value=text) from None


def _validate_patent(v: dict[str, str]) -> dict[str, Any]:
    from qcy_workstation.cases.validation import validate_patent_number

    number = validate_patent_number(v["number"], field="number")
    if not v.get("claims", "").strip():
        raise ValidationError("no claims (screening compares claim 1)", field="claims")
    filed, granted = _file_date(v, "filed_on"), _file_date(v, "granted_on")
    if filed and granted and granted < filed:
        raise ValidationError("the grant date is before the filing date", field="granted_on", value=v["granted_on"])
    return {"number": number, "title": v.get("title", "")[:300], "owner": v.get("owner", "")[:200],
            "status": v.get("status", "")[:40], "claims": v["claims"], "filed_on": filed, "granted_on": granted}


def _split(value: str) -> list[str]:
    return [x.strip() for x in re.split(r"[|;；、,，]+", value or "") if x.strip()]


def _validate_gi(v: dict[str, str]) -> dict[str, Any]:
    routes = []
    for r in _split(v.get("routes", "")):
        code = ROUTE_WORDS.get(r, r)
        if code not in ROUTES:
            raise ValidationError(f"unknown protection route {r!r} (use {ROUTES} or 地理标志产品/集体商标/证明商标/农产品地理标志)",
                                  field="routes", value=r)
        routes.append(code)
    for f in ("name", "place", "product"):
        if not v.get(f):
            raise ValidationError(f"{f} is empty", field=f)
    gi_id = v.get("gi_id") or "user-" + v["name"]
    verified = v.get("verified", "").strip().lower() in ("1", "true", "yes", "y", "是", "已核对")
    return {"gi_id": gi_id[:80], "name": v["name"], "place": v["place"], "product": v["product"],
            "province": v.get("province", ""), "city": v.get("city", ""), "counties": "、".join(_split(v.get("counties", ""))),
            "towns": "、".join(_split(v.get("towns", ""))), "routes": ",".join(routes),
            "english": "|".join(x.strip() for x in (v.get("english") or "").split("|") if x.strip()),
            "aliases": "|".join(_split(v.get("aliases", ""))), "certificate": v.get("certificate") or None,
            "holder": v.get("holder", ""), "verified": verified, "note": v.get("note", "")}


_MODEL = {"trademark": RegisterTrademark, "patent": RegisterPatent, "gi": RegisterGi}
_KEY = {"trademark": "reg_no", "patent": "number", "gi": "gi_id"}
_VALIDATE = {"trademark": _validate_tm, "patent": _validate_patent, "gi": _validate_gi}
INSERT_CHUNK = 20_000
BAD_ROWS_KEPT = 1000  # the report lists the first bad rows in full and counts the rest


def _bulk_insert(session: Any, model: Any, rows: list[dict[str, Any]], *, sqlite: bool,
                 tick: Callable[[int], None] | None = None, chunk: int = INSERT_CHUNK) -> None:
    """Insert many rows in the caller's transaction. On SQLite straight DBAPI ``executemany`` (a million
    trademarks: ~15 s instead of ~35 s through Core parameter processing); elsewhere Core ``insert``.
    ``tick(n)`` after each chunk of ``n`` rows may raise to stop (the caller's transaction rolls back)."""
    table = model.__table__
    names = list(rows[0])
    sql = f"INSERT INTO {table.name} ({', '.join(names)}) VALUES ({', '.join('?' * len(names))})"
    conn = session.connection() if sqlite else None
    for i in range(0, len(rows), chunk):
        part = rows[i:i + chunk]
        if conn is not None:
            conn.exec_driver_sql(sql, [tuple(_db_value(r[n]) for n in names) for r in part])
        else:
            session.execute(insert(table), part)
        if tick is not None:
            tick(len(part))


def _db_value(v: Any) -> Any:
    # naive UTC datetimes (and dates) are stored as SQLAlchemy's SQLite DateTime (Date) would store them
    if hasattr(v, "hour"):
        return v.strftime("%Y-%m-%d %H:%M:%S.%f")
    return v.isoformat() if hasattr(v, "isoformat") else v


# Share of the import's time per row in each phase (measured on a 2-core laptop), so that the progress
# fraction grows evenly: validation, keys (trademark / patent; GIs have none), store write.
_PHASE_WEIGHT = {"trademark": (1, 3, 1), "patent": (1, 6, 1), "gi": (1, 0, 1)}
PROGRESS_ROWS = 2_000  # report at least every this many rows in every phase (and at least every ~2 %)


class _Progress:
    """Import progress as one growing fraction over the phases; stops the import (``Cancelled``) as soon
    as the caller's callback returns ``False``."""

    def __init__(self, cb: Callable[[int, int], Any] | None, kind: str, estimate: int) -> None:
        self.cb = cb
        self.w = _PHASE_WEIGHT[kind]
        self.rows = max(1, estimate)
        self.step = max(1, min(PROGRESS_ROWS, self.rows // 50))
        self.phase = 0
        self.base = 0  # units done by the finished phases
        self.done = 0  # rows done in this phase
        self.pending = 0

    @property
    def total(self) -> int:
        return sum(self.w) * self.rows

    def start(self, phase: int, rows: int) -> None:
        """Phase ``phase`` (0 read/validate, 1 keys, 2 store) now has ``rows`` rows to do."""
        if phase > self.phase:
            if self.phase == 0:
                self.rows = max(1, rows)  # the file's real row count replaces the estimate
                self.step = max(1, min(PROGRESS_ROWS, self.rows // 50))
            self.base = sum(self.w[:phase]) * self.rows
            self.phase, self.done, self.pending = phase, 0, 0
            self.report()

    def tick(self, n: int = 1) -> None:
        self.done += n
        self.pending += n
        if self.pending >= self.step:
            self.pending = 0
            self.report()

    def report(self) -> None:
        if self.cb is None:
            return
        done = min(self.base + self.w[self.phase] * min(self.done, self.rows), self.total)
        if self.cb(done, self.total) is False:
            from qcy_workstation.cases.evidence import Cancelled

            raise Cancelled("the register import was cancelled; nothing was stored")


def import_register(
    store: Store,
    path: str | Path,
    *,
    kind: str | None = None,
    mapping: dict[str, str | None] | None = None,
    sheet: str | None = None,
    replace: bool = False,
    actor: Any = "",
    workers: int | None = None,
    progress: Callable[[int, int], Any] | None = None,
) -> ImportReport:
    """Import a register file; good rows are stored, bad rows reported (nothing stored if none is good).

    ``mapping``: column header or 1-based number -> field, or -> ``None``/``""`` for "not imported"
    (staff's choice replaces detection for that column). ``replace``: rows whose number is already in the
    register replace the stored row (else they are bad rows "already in the register").

    ``progress(done, total)`` is called every ~2,000 rows (at most every ~2 % of the file) while the file
    is read and validated, keys are computed and rows are written; ``done / total`` is the fraction of the
    whole import (the phases weighted by their usual time). If it returns ``False`` the import stops at
    once with :class:`~qcy_workstation.cases.evidence.Cancelled` and the store is as it was: everything is
    written in one transaction, rolled back on cancel. (Once the transaction is committed the import is
    done: the final report ``(total, total)`` cannot undo it.)
    """
    from qcy_workstation.cases import audit

    principal = acting(store, actor)  # a Principal, or a name on a store without accounts
    require(principal, "register.import")
    actor = principal.name
    t0 = time.perf_counter()
    header, rows, estimate = _open_table(path, sheet=sheet)
    kind, cols = detect_mapping(header, kind, mapping)
    prog = _Progress(progress, kind, estimate)
    prog.report()
    model, key = _MODEL[kind], _KEY[kind]
    with store.read() as s:
        existing = set(s.execute(select(getattr(model, key))).scalars())
    good: list[dict[str, Any]] = []
    bad: list[BadRow] = []
    bad_count = 0
    seen: set[str] = set()
    replaced_keys: list[str] = []
    total = 0
    validate = _VALIDATE[kind]
    items = list(cols.items())
    width = len(header)
    for n, row in rows:
        prog.tick()
        if isinstance(row, str):  # the csv module refused the line
            total += 1
            bad_count += 1
            if len(bad) < BAD_ROWS_KEPT:
                bad.append(BadRow(n, row, "file", {}))
            continue
        if not any(c.strip() for c in row):
            continue
        total += 1
        values = {f: (row[i] if i < len(row) else "") for f, i in items}
        try:
            _plausible(kind, row, values, width)
            rec = validate(values)
            k = rec[key]
            if k in seen:
                raise ValidationError(f"duplicate {key} {k} in this file", field=key, value=k)
            if k in existing:
                if not replace:
                    raise ValidationError(f"{key} {k} is already in the register (use --replace to update it)", field=key, value=k)
                replaced_keys.append(k)
            seen.add(k)
            good.append(rec)
        except ValidationError as err:
            bad_count += 1
            if len(bad) < BAD_ROWS_KEPT:
                bad.append(BadRow(n, err.message, err.field, values))
    timings = {"read_validate": time.perf_counter() - t0}
    warnings: list[str] = []
    if bad_count > len(bad):
        warnings.append(f"{bad_count - len(bad)} more bad rows not listed")
    prog.start(1, prog.done)
    # chunks small enough for a progress report (and a prompt cancel) every ~2,000 rows
    chunk = max(500, min(PROGRESS_ROWS, len(good) // 50 or 1))
    if kind == "trademark" and good:
        keys = _parallel(_key_chunk, [r["mark"] for r in good], chunk=chunk, workers=workers if len(good) > 20_000 else 1,
                         tick=prog.tick)
        names = ("norm", "cjk", "latin", "visual", "pinyin", "pinyin_tones", "pinyin_loose", "sound", "latin_sound", "alias_terms")
        for rec, kv in zip(good, keys, strict=True):
            rec.update(zip(names, kv, strict=True))
    elif kind == "patent" and good:
        terms = _parallel(_terms_chunk, [r["claims"] for r in good], chunk=min(chunk, 500),
                          workers=workers if len(good) > 2_000 else 1, tick=prog.tick)
        for rec, tv in zip(good, terms, strict=True):
            rec["claim1_terms"] = tv
        vecs = patent_vectors([r["claims"] for r in good], tick=lambda _n: prog.report())
        for rec, v in zip(good, vecs, strict=True):
            rec["claim1_vector"] = v
    timings["keys"] = time.perf_counter() - t0 - sum(timings.values())
    batch = uuid.uuid4().hex[:12]
    from qcy_workstation.db.base import utcnow

    now = utcnow()
    source = str(Path(path).name)[:300]
    for rec in good:
        rec.update(source=source, batch=batch, imported_at=now)
    prog.start(2, prog.rows)
    if good:
        with store.write() as s:  # one transaction: a cancel (or any error) leaves the store as it was
            if replaced_keys:
                for i in range(0, len(replaced_keys), 500):
                    s.execute(delete(model).where(getattr(model, key).in_(replaced_keys[i:i + 500])))
            _bulk_insert(s, model, good, sqlite=store.is_sqlite, tick=prog.tick, chunk=chunk)
            prog.report()  # last chance to cancel before the commit
            audit.record(s, actor=actor or "system", action="import", entity=f"register_{kind}", entity_id=batch,
                         details={"file": source, "rows": total, "imported": len(good), "bad": bad_count,
                                  "replaced": len(replaced_keys)})
    timings["store"] = time.perf_counter() - t0 - sum(timings.values())
    if progress is not None:
        progress(prog.total, prog.total)  # done (the return value no longer matters: the rows are stored)
    mapping_out = {f: header[i] for f, i in cols.items()}
    return ImportReport(kind, str(path), total, len(good), len(replaced_keys), tuple(bad), mapping_out, batch,
                        time.perf_counter() - t0, tuple(warnings), timings)


def register_counts(store: Store) -> dict[str, int]:
    with store.read() as s:
        return {k: int(s.execute(select(func.count()).select_from(m)).scalar() or 0) for k, m in _MODEL.items()}
