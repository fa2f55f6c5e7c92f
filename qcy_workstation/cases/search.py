"""Chinese-aware full-text search over cases and consultations.

SQLite FTS5 with a tokeniser of our own done in Python: a run of Chinese characters becomes its
overlapping bigrams plus a trailing single character ("猕猴桃" -> "猕猴 猴桃 桃"); Latin letters and
digits become lower-case words. A query of two or more Chinese characters is then an exact phrase of its
bigrams (substring semantics), and a single character is a prefix query that every position starts. This
answers the 1- and 2-character queries that an FTS5 trigram index cannot.

On PostgreSQL the same bodies live in plain tables (migration 0008) and each term becomes a ``LIKE``
pattern over them (``like_patterns``) with the same meaning: a phrase of bigrams, or a token prefix.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from qcy_workstation.cases.names import fold_width
from qcy_workstation.db.search_limits import PROBE_CAP, WINDOW  # module globals here: tests patch them

_CJK = r"\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
_TOKEN = re.compile(rf"[{_CJK}]+|[a-z0-9]+")
_ALNUM_PARTS = re.compile(r"[a-z]+|[0-9]+")


def normalise(text: str) -> str:
    """Half-width, lower case, simplified Chinese: the form both documents and queries are reduced to."""
    return _zhconv().convert(fold_width(text), "zh-cn").lower()


def _is_cjk(run: str) -> bool:
    return "\u3400" <= run[0] <= "\ufaff"


def tokenize(text: str) -> list[str]:
    tokens: list[str] = []
    for run in _TOKEN.findall(normalise(text)):
        if _is_cjk(run):
            tokens.extend(run[i : i + 2] for i in range(len(run) - 1))
            tokens.append(run[-1])
        else:
            tokens.append(run)
            parts = _ALNUM_PARTS.findall(run)
            if len(parts) > 1:  # "zl202010566088": also "zl" and "202010566088"
                tokens.extend(parts)
    return tokens


def index_body(*parts: str | None) -> str:
    """The text stored in the FTS table for one document."""
    return " ".join(tokenize(" ".join(p for p in parts if p)))


def match_expression(query: str) -> str | None:
    """FTS5 MATCH expression for a user query; None when the query has nothing searchable.

    Space-separated terms must all match (AND). Chinese terms match as substrings; Latin words and
    numbers as word prefixes (so "QCY-2026" finds QCY-2026-00042 and "2020105" a patent number).
    """
    clauses: list[str] = []
    for run in _TOKEN.findall(normalise(query)):
        if _is_cjk(run):
            if len(run) == 1:
                clauses.append(f'"{run}"*')
            else:
                clauses.append('"' + " ".join(run[i : i + 2] for i in range(len(run) - 1)) + '"')
        else:
            clauses.append(f'"{run}"*')
    return " AND ".join(clauses) if clauses else None


def like_patterns(query: str) -> list[str]:
    """The PostgreSQL form of ``match_expression``: one ``LIKE`` pattern per term, all of which must match
    ``' ' || body`` (tokens are space-separated, so a leading space marks where a token starts). Tokens hold
    only CJK characters, a-z and 0-9, so nothing needs escaping."""
    patterns: list[str] = []
    for run in _TOKEN.findall(normalise(query)):
        if _is_cjk(run) and len(run) > 1:
            patterns.append("% " + " ".join(run[i : i + 2] for i in range(len(run) - 1)) + " %")
        else:
            patterns.append(f"% {run}%")
    return patterns


def spaced_body(body):  # type: ignore[no-untyped-def]
    """``' ' || body`` on PostgreSQL, written out literally so that the planner matches it with the trigram
    index on that very expression (migration 0010); a bound ``' '`` parameter would not match and the search
    would read the whole table (EXPLAIN ANALYZE: 0.7-0.9 s at 100,000 cases)."""
    from sqlalchemy import Text, literal_column

    return literal_column("' '", Text) + body


#: What the walk of the newest rows turns off for the page query, whatever the planner guessed (see pg_condition).
WALK_SETTINGS = ("SET LOCAL enable_bitmapscan = off", "SET LOCAL enable_seqscan = off")


@dataclass(frozen=True)
class Condition:
    """A search condition on PostgreSQL. ``capped``: it holds only the newest ``want`` matching rows, so a page
    that other filters leave short must be asked again with more (``fill_page``)."""

    clause: Any
    capped: bool = False


def pg_condition(session, table, query: str, *, want: int | None = None) -> Condition:  # type: ignore[no-untyped-def]
    """The search condition on PostgreSQL for ``table`` (``case_fts``/``consultation_fts``), chosen by how many
    rows the term matches. ``want``: the page is sorted newest first and needs that many rows (None: a count,
    or a page sorted by another column: every match).

    Why: the planner cannot tell a rare term from a common one here. ``LIKE '%...%'`` on a body is estimated
    from the column's statistics, which leave out every value wider than 1 kB (most case bodies), so a term
    in a third of the cases (专利: 35,177 of 100,000) was estimated at 10 rows and got a bitmap scan of all its
    matches and a sort (0.4-0.7 s a page); a term in 0.8 % of them (枣) got a walk from the newest row through
    10,000 bodies; and a probe limited to 2,501 rows of a term estimated common became a sequential scan that
    read 32,000 bodies (地理标, 172 ms). EXPLAIN ANALYZE at 100,000 cases, 2026-12-03, bench_server_rls.py.

    So the newest ``WINDOW`` bodies are read first, up to ``want`` matches (2-8 ms for a common term): if they
    hold ``want``, the term is common and the page walks the newest rows (bitmap and sequential scans are
    turned off for the rest of this read, ``WALK_SETTINGS``). If not, the trigram index gives at most
    ``PROBE_CAP + 1`` matching rows (a bitmap scan, forced: 3-17 ms); up to ``PROBE_CAP``, the page is cut
    from those rows alone (``rowid = ANY(ids)``), more and the page walks. Without ``want`` (a count), the
    probe alone decides between the ids and a plain ``LIKE``.

    A desk's own role on a secured server (``qcy_restricted``) gets neither the index nor a usable plan under
    row-level security: the server makes the same choice as the owner (db/server_roles.py, ``qcy_fts_ids``)
    and hands it the newest ``want`` matching ids it may see (every one when ``want`` is None)."""
    from sqlalchemy import Integer, Text, and_, any_, bindparam, func, select, text
    from sqlalchemy.types import ARRAY

    patterns = like_patterns(query)

    def among(ids: list[int]) -> Any:
        return table.c.rowid == any_(bindparam("fts_ids", ids, type_=ARRAY(Integer), unique=True))

    if session.info.get("qcy_restricted"):
        if want is None:  # every match (a count, another sort): the ids stay on the server
            asked = bindparam("fts_patterns", patterns, type_=ARRAY(Text), unique=True)
            return Condition(table.c.rowid.in_(select(func.qcy_fts_ids(table.name, asked, None))))
        ids = list(session.execute(text("SELECT qcy_fts_ids(:tbl, :patterns, :cap)"),
                                   {"tbl": table.name, "patterns": patterns, "cap": want}).scalars())
        return Condition(among(ids), capped=want is not None and len(ids) >= want)
    where = " AND ".join(f"(' ' || body) LIKE :p{i}" for i in range(len(patterns)))
    params = {f"p{i}": p for i, p in enumerate(patterns)}
    likes = Condition(and_(*[spaced_body(table.c.body).like(p) for p in patterns]))
    if want is not None and session.execute(text(
            f"SELECT count(*) FROM (SELECT 1 FROM (SELECT body FROM {table.name} ORDER BY rowid DESC LIMIT {WINDOW}) "
            f"w WHERE {where} LIMIT {want}) m"), params).scalar() >= want:
        return _walking(session, likes)
    seqscan = session.execute(text("SELECT current_setting('enable_seqscan')")).scalar()
    session.execute(text("SET LOCAL enable_seqscan = off"))  # the probe goes through the trigram index
    ids = list(session.execute(text(f"SELECT rowid FROM {table.name} WHERE {where} LIMIT {PROBE_CAP + 1}"),
                               params).scalars())
    session.execute(text("SELECT set_config('enable_seqscan', :v, true)"), {"v": seqscan})
    if len(ids) <= PROBE_CAP:
        if want is not None and len(ids) > want:  # the page needs the newest few: join those, not 2,500
            return Condition(among(sorted(ids, reverse=True)[:want]), capped=True)
        return Condition(among(ids))
    return _walking(session, likes) if want is not None else likes


def _walking(session, condition: Condition) -> Condition:  # type: ignore[no-untyped-def]
    """``condition``, with the rest of this read planned as a walk of the newest rows (``WALK_SETTINGS``)."""
    from sqlalchemy import text

    for setting in WALK_SETTINGS:
        session.execute(text(setting))
    return condition


def first_want(offset: int, limit: int | None) -> int | None:
    """How many of the newest matching ids a page sorted newest first asks for at first (twice the page: the
    filters besides the text usually leave most of them); None: all."""
    return None if limit is None else 2 * (offset + limit)


def fill_page(fetch: Callable[[int | None], tuple[list[Any], bool]], want: int | None,
              limit: int | None) -> list[Any]:
    """The page ``fetch(want)`` reads (rows, and whether its matches were capped at ``want``), asked again with 8x
    more ids (then all, past 50,000) while other filters leave a capped page short."""
    while True:
        rows, capped = fetch(want)
        if not capped or want is None or limit is None or len(rows) >= limit:
            return rows
        want = want * 8 if want * 8 <= 50_000 else None


def _zhconv():  # type: ignore[no-untyped-def]
    """zhconv is imported on first use: it pulls in pkg_resources (~50 ms), which start-up can do without."""
    import zhconv

    return zhconv
