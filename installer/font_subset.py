"""Cut AR PL UMing CN (the Song/Ming face of documents) down to the characters Chinese documents use.

    .venv/bin/python installer/font_subset.py SOURCE.ttf resources/fonts/ARPLUMingCN.ttf

SOURCE is the full face as extracted from Debian's fonts-arphic-uming (git: the file before 2026-12-03). The full
face maps 24,232 code points, 21,743 of them Han characters (GB 2312, Big5 and much of GBK): 17.7 MB, the largest
file of the installed program after the sentence model and Qt's ICU data (issue 16). What is kept:

- every character that is not a Han ideograph (Latin, punctuation, symbols, kana, bopomofo, full-width forms);
- the Han characters of GB 2312 (6,763) and of the 通用规范汉字表 (Table of General Standard Chinese Characters,
  8,105; State Council, 2013, 国发〔2013〕23号), the characters mainland documents and names are written in.
  The list is installer/data/general-standard-chinese-characters-8105.txt (one character per line; an official
  document, not subject to copyright under Copyright Law Art. 5(1); transcribed from the Wiktionary appendix by
  github.com/iDvel/The-Table-of-General-Standard-Chinese-Characters).

Every other character (a traditional form, a rare name character outside the table) prints in the sans face,
WenQuanYi Micro Hei, which maps 34,600 code points: the PDF writer already takes the first shipped face that
draws a character (documents/pdf.py, ``_face_for``), so nothing goes blank. Outlines, metrics, OpenType layout
tables and names are kept; name record 10 says what was changed and when (Arphic Public License section 2a).
"""

from __future__ import annotations

import argparse
import sys
from datetime import date
from pathlib import Path

from fontTools import subset
from fontTools.ttLib import TTFont

TABLE = Path(__file__).resolve().parent / "data" / "general-standard-chinese-characters-8105.txt"
HAN = ((0x3400, 0x4DBF), (0x4E00, 0x9FFF), (0xF900, 0xFAFF), (0x20000, 0x3FFFF))


def is_han(cp: int) -> bool:
    return any(lo <= cp <= hi for lo, hi in HAN)


def general_standard_characters() -> set[int]:
    chars = {line.strip() for line in TABLE.read_text(encoding="utf-8").splitlines() if line.strip()}
    assert len(chars) == 8105 and all(len(c) == 1 for c in chars), "the table has 8,105 single characters"
    return {ord(c) for c in chars}


def gb2312_characters(mapped: set[int]) -> set[int]:
    out = set()
    for cp in mapped:
        try:
            chr(cp).encode("gb2312")
        except UnicodeEncodeError:
            continue
        out.add(cp)
    return out


def kept_code_points(mapped: set[int]) -> set[int]:
    return {cp for cp in mapped if not is_han(cp)} | ((gb2312_characters(mapped) | general_standard_characters())
                                                       & mapped)


NOTICE = ("Modified by the QCY Workstation project (Arphic Public License section 2a): on 2026-12-02 the face "
          "'AR PL UMing CN' was extracted from uming.ttc of Debian's fonts-arphic-uming 0.2.20080216.2-11 into a "
          "single TrueType file and its embedded bitmaps (EBDT, EBLC, BDF tables) and the FFTM table were removed; "
          "on {day} the Han characters outside GB 2312 and the Table of General Standard Chinese Characters "
          "(2013) were removed from the mapping, with the glyphs only they used. No outline, metric or name was "
          "changed otherwise.")


def subset_font(source: Path, target: Path, day: str) -> tuple[int, int]:
    font = TTFont(source)
    mapped = set(font.getBestCmap())
    keep = kept_code_points(mapped)
    options = subset.Options()
    options.layout_features = ["*"]
    options.name_IDs = ["*"]
    options.name_languages = ["*"]
    options.name_legacy = True
    options.notdef_outline = True
    options.hinting = True
    options.glyph_names = False
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=keep)
    subsetter.subset(font)
    for record in font["name"].names:
        if record.nameID == 10:
            record.string = NOTICE.format(day=day)
    font.save(target)
    return len(mapped), len(keep)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("source", type=Path)
    parser.add_argument("target", type=Path)
    parser.add_argument("--date", default=date.today().isoformat())
    args = parser.parse_args(argv)
    before, after = subset_font(args.source, args.target, args.date)
    print(f"{args.target}: {after} of {before} code points, {args.target.stat().st_size / 1e6:.1f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
