"""Text helpers shared by the engines: normalisation, script detection, segmentation, pinyin.

jieba and zhconv are imported lazily: the CLI's ``--help`` and non-Chinese paths do not pay for them.
"""

from __future__ import annotations

import gzip
import re
import unicodedata
from functools import cache, lru_cache
from pathlib import Path
from typing import Any

_CJK_RE = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
_LATIN_RE = re.compile(r"[A-Za-z]")
_KEEP_RE = re.compile(r"[^0-9a-z\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+")


def is_cjk(ch: str) -> bool:
    return "\u3400" <= ch[:1] <= "\u9fff" or "\uf900" <= ch[:1] <= "\ufaff"


def has_cjk(text: str) -> bool:
    return bool(_CJK_RE.search(text))


def has_latin(text: str) -> bool:
    return bool(_LATIN_RE.search(text))


@lru_cache(maxsize=65536)
def to_simplified(text: str) -> str:
    """Traditional -> simplified Chinese (zhconv); other characters pass through."""
    if not has_cjk(text):
        return text
    import zhconv

    return zhconv.convert(text, "zh-cn")


def fold(text: str) -> str:
    """Full/half width (NFKC), lower case, traditional -> simplified. Keeps spaces and punctuation."""
    return to_simplified(unicodedata.normalize("NFKC", text)).lower()


@lru_cache(maxsize=65536)
def normalise_mark(text: str) -> str:
    """The comparison form of a mark: folded, without spaces and punctuation (``Coca-Cola`` -> ``cocacola``)."""
    return _KEEP_RE.sub("", fold(text))


def split_scripts(norm: str) -> tuple[str, str]:
    """(CJK part, Latin/digit part) of a normalised mark, e.g. ``华为huawei`` -> (``华为``, ``huawei``)."""
    cjk = "".join(ch for ch in norm if is_cjk(ch))
    latin = "".join(ch for ch in norm if not is_cjk(ch))
    return cjk, latin


@lru_cache(maxsize=65536)
def pinyin_syllables(text: str, tones: bool = False) -> tuple[str, ...]:
    """Pinyin of the CJK characters, e.g. 乔丹 -> (qiao, dan) or (qiao2, dan1).

    Characters with one reading come from a per-character cache (fast enough for a million-mark import);
    text with a polyphonic character goes through pypinyin's phrase dictionary (重庆 -> chong qing).
    """
    cjk = "".join(ch for ch in text if is_cjk(ch))
    if not cjk:
        return ()
    if all(_monophonic(ch) for ch in cjk) or not _has_phrase(cjk):
        # no phrase of pypinyin's dictionary inside: lazy_pinyin would give each character's first reading
        return tuple(_char_pinyin(ch, tones) for ch in cjk)
    from pypinyin import Style, lazy_pinyin

    style = Style.TONE3 if tones else Style.NORMAL
    return tuple(s.lower() for s in lazy_pinyin(cjk, style=style, neutral_tone_with_five=True))


def _has_phrase(cjk: str) -> bool:
    from pypinyin.phrases_dict import phrases_dict

    n = len(cjk)
    return any(cjk[i:j] in phrases_dict for i in range(n) for j in range(i + 2, min(n, i + 8) + 1))


@cache
def _monophonic(ch: str) -> bool:
    from pypinyin.pinyin_dict import pinyin_dict

    return "," not in pinyin_dict.get(ord(ch), ",")


@cache
def _char_pinyin(ch: str, tones: bool) -> str:
    from pypinyin import Style, lazy_pinyin

    style = Style.TONE3 if tones else Style.NORMAL
    return lazy_pinyin(ch, style=style, neutral_tone_with_five=True)[0].lower()


_jieba_ready = False


def use_packed_dictionary(tokenizer: Any, folder: Path) -> bool:
    """Point a jieba tokenizer at ``dict.txt.gz`` when ``folder`` (jieba's own) has no plain ``dict.txt``.

    The installed program carries jieba's dictionary gzip-compressed (4.8 -> 1.9 MB, installer/qcy-workstation.spec);
    jieba reads it once and keeps the parsed form in its cache file, so only the first start after an install
    pays for the decompression. jieba 0.42 opens its dictionary through ``Tokenizer.get_dict_file``, the one
    place this changes; a source checkout keeps the plain file and is not touched."""
    packed = folder / "dict.txt.gz"
    if (folder / "dict.txt").exists() or not packed.exists():
        return False
    tokenizer.get_dict_file = lambda: gzip.open(packed, "rb")  # noqa: SIM115 - jieba reads it and closes it
    return True


def _jieba():
    global _jieba_ready
    import jieba

    if not _jieba_ready:
        jieba.setLogLevel(60)
        use_packed_dictionary(jieba.dt, Path(jieba.__file__).parent)
        jieba.initialize()
        _jieba_ready = True
    return jieba


def add_words(words: list[str] | tuple[str, ...]) -> None:
    """Teach the segmenter domain words (synonym table entries), so 导热片 stays one token."""
    jb = _jieba()
    for w in words:
        if has_cjk(w) and len(w) >= 2:
            jb.add_word(w, freq=2000)
    segment.cache_clear()


@lru_cache(maxsize=8192)
def segment(text: str) -> tuple[str, ...]:
    """Word tokens of a folded text: jieba for Chinese runs, lower-case words for Latin runs."""
    out: list[str] = []
    for run in re.findall(r"[\u3400-\u9fff]+|[a-z][a-z\-]*|\d+(?:\.\d+)?", fold(text)):
        if is_cjk(run[0]):
            out.extend(t for t in _jieba().lcut(run) if t.strip())
        else:
            out.append(run)
    return tuple(out)


def stem_en(word: str) -> str:
    """Very small English stemmer (plural, -ing, -ed, -ably): enough to align 'springs' with 'spring' and
    'slidably' with 'sliding'."""
    w = word.lower()
    for suf, rep in (("ably", ""), ("ibly", ""), ("able", ""), ("ible", ""), ("ies", "y"), ("sses", "ss"), ("ing", ""), ("ed", ""), ("es", ""),
                     ("s", "")):
        if w.endswith(suf) and len(w) - len(suf) >= 3 and not w.endswith("ss"):
            w = w[: len(w) - len(suf)] + rep
            break
    if len(w) > 4 and w.endswith("e"):
        w = w[:-1]  # create / creating -> creat
    return w
