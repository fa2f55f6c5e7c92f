"""Qt's ICU data library cut down to the locales the workstation shows (Chinese and English).

PySide6's Linux wheels carry ICU 73 for Qt Core, and its data library (``libicudata.so.73``, 31 MiB) holds
collation, number, currency, time-zone and language names for some 800 locales and about 200 legacy character
converters: a tenth of the whole bundle. Qt uses ICU in this program for collation (``QCollator``), time zones
(``QTimeZone`` in the backup settings) and named text codecs; the interface speaks zh_CN and en only.

What is kept (ICU's own data-customisation guide names the same levers: locales, converters and the trees
they sit in, https://unicode-org.github.io/icu/userguide/icu_data/buildtool.html):
- every non-locale item (Unicode properties, normalisation, break rules and dictionaries, time-zone rules,
  plural and likely-subtag data, character names, transliteration);
- in each tree (main, coll, curr, lang, region, unit, zone, rbnf, brkitr), the root locale and every zh* and
  en* locale; what a kept item depends on comes back in (``icupkg`` names it);
- the converters for GB 18030, GBK (windows-936) and Big5 (windows-950), and Windows-1252; UTF-8/16/32, ASCII
  and Latin-1 are built into ICU's code and need no data.

The cut package is checked before it replaces the original: Chinese and English collation, the Asia/Shanghai
time zone and the GB 18030 and GBK codecs must give the same answers through Qt with it as with the full data;
otherwise the bundle keeps the original library. The tools are ICU's ``icupkg`` and ``derb`` (Debian:
icu-devtools) and binutils' ``as``/``ld``; without them the build keeps the full library and says so.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

KEEP_LOCALES = re.compile(r"^(?:root|en|zh)(?:_|$)")
KEEP_CONVERTERS = {"gb18030.cnv", "windows-936-2000.cnv", "windows-950-2000.cnv", "ibm-5348_P100-1997.cnv"}

# What the check asks Qt; each line of output must be the same with the cut data as with the full data.
_PROBE = r"""
import functools
from PySide6.QtCore import QCollator, QDateTime, QLocale, QStringDecoder, QTimeZone
words = ["张三", "李四", "王五", "阿里", "赵六", "陈七", "Zeta", "alpha", "Émile", "Ångström"]
for name in ("zh_CN", "en_US", "zh_TW"):
    c = QCollator(QLocale(name))
    print(name, sorted(words, key=functools.cmp_to_key(c.compare)))
zone = QTimeZone(b"Asia/Shanghai")
print(zone.isValid(), zone.offsetFromUtc(QDateTime.fromSecsSinceEpoch(1767225600, QTimeZone.utc())))
print(zone.displayName(QTimeZone.TimeType.StandardTime, QTimeZone.NameType.LongName, QLocale("zh_CN")))
available = set(QStringDecoder.availableCodecs())
for codec in ("GB18030", "GBK", "Big5", "windows-1252"):  # PySide6 does not expose decoding itself
    d = QStringDecoder(codec)
    print(codec, d.isValid(), d.name(), codec in available)
"""


def _tool(name: str) -> str | None:
    return shutil.which(name) or next((str(p) for p in (Path("/usr/sbin") / name, Path("/sbin") / name)
                                       if p.exists()), None)


def _data_symbol(lib: Path) -> tuple[str, int, int]:
    """(symbol, file offset, size) of the ``icudtNN_dat`` blob inside the library."""
    syms = subprocess.run(["readelf", "-W", "--dyn-syms", str(lib)], check=True, capture_output=True,
                          text=True).stdout
    m = re.search(r"^\s*\d+:\s+([0-9a-f]+)\s+(0x[0-9a-f]+|\d+)\s+OBJECT\s+GLOBAL\s+\S+\s+(\d+)\s+(icudt\d+_dat)$",
                  syms, re.M)
    if not m:
        raise ValueError(f"no icudt*_dat symbol in {lib.name}")
    value, size, index, symbol = int(m.group(1), 16), int(m.group(2), 0), int(m.group(3)), m.group(4)
    sections = subprocess.run(["readelf", "-W", "-S", str(lib)], check=True, capture_output=True,
                              text=True).stdout
    for line in sections.splitlines():
        s = re.match(r"^\s*\[\s*(\d+)\]\s+\S+\s+\S+\s+([0-9a-f]+)\s+([0-9a-f]+)\s", line)
        if s and int(s.group(1)) == index:
            return symbol, value - int(s.group(2), 16) + int(s.group(3), 16), size
    raise ValueError(f"section {index} of {lib.name} not found")


def _installed_locales(derb: str, res_index: Path) -> set[str]:
    """The locale names a tree's res_index lists (installed and alias locales), from derb's text dump."""
    out = subprocess.run([derb, "-c", "-s", str(res_index.parent), res_index.name], capture_output=True,
                         text=True).stdout
    return set(re.findall(r"^\s{8}(\S+)\s*\{", out, re.M))


def items_to_remove(items: list[str], locales_of_tree: dict[str, set[str]]) -> set[str]:
    """The package items to leave out: locale bundles of other languages (their names in a tree's res_index,
    or a variant of such a language: ``de_`` or ``ja_JP_TRADITIONAL``) and the converters not kept."""
    remove: set[str] = set()
    for item in items:
        tree, _, leaf = item.rpartition("/")
        if leaf.endswith(".cnv"):
            if leaf not in KEEP_CONVERTERS:
                remove.add(item)
            continue
        if not leaf.endswith(".res") or tree not in locales_of_tree:
            continue
        name = leaf[:-4]
        locales = locales_of_tree[tree]
        if (name in locales or name.split("_")[0] in {loc.split("_")[0] for loc in locales}) \
                and not KEEP_LOCALES.match(name):
            remove.add(item)
    return remove


def _probe(lib_dir: Path | None) -> str:
    env = dict(__import__("os").environ, QT_QPA_PLATFORM="offscreen")
    if lib_dir is not None:
        env["LD_LIBRARY_PATH"] = str(lib_dir) + (":" + env["LD_LIBRARY_PATH"] if env.get("LD_LIBRARY_PATH") else "")
    r = subprocess.run([sys.executable, "-c", _PROBE], capture_output=True, text=True, env=env, timeout=120)
    return r.stdout + ("" if r.returncode == 0 else f"\nexit {r.returncode}: {r.stderr[-500:]}")


def shrink_icu_data(lib: Path) -> tuple[int, str]:
    """Replace ``lib`` (libicudataNN.so) by a copy holding only the kept items. Returns (bytes saved, what
    happened); 0 and the reason when the tools are missing or the check fails (the original stays)."""
    icupkg, derb = _tool("icupkg"), _tool("derb")
    if not (icupkg and derb and shutil.which("as") and shutil.which("ld") and shutil.which("readelf")):
        return 0, "icupkg, derb, as, ld or readelf missing (Debian: icu-devtools, binutils): ICU data kept whole"
    with tempfile.TemporaryDirectory(prefix="qcy-icu-") as tmp:
        work = Path(tmp)
        symbol, offset, size = _data_symbol(lib)
        package = symbol[: -len("_dat")] + ("l" if sys.byteorder == "little" else "b")  # icudt73l
        full = work / "full" / f"{package}.dat"
        full.parent.mkdir()
        with open(lib, "rb") as f:
            f.seek(offset)
            full.write_bytes(f.read(size))
        items = subprocess.run([icupkg, "-l", str(full)], check=True, capture_output=True, text=True).stdout.split()
        unpacked = work / "items"
        unpacked.mkdir()
        indexes = [i for i in items if i.rpartition("/")[2] == "res_index.res"]
        wanted = work / "indexes.txt"
        wanted.write_text("\n".join(indexes) + "\n", encoding="utf-8")
        subprocess.run([icupkg, "-x", str(wanted), "-d", str(unpacked), str(full)], check=True, capture_output=True)
        locales = {i.rpartition("/")[0]: _installed_locales(derb, unpacked / i) for i in indexes}
        remove = items_to_remove(items, locales)
        cut = work / "cut" / f"{package}.dat"  # icupkg names the items after the output file: keep the name
        cut.parent.mkdir()
        listing = work / "remove.txt"
        for _ in range(10):  # put back what a kept item depends on, until icupkg has nothing to say
            listing.write_text("\n".join(sorted(remove)) + "\n", encoding="utf-8")
            r = subprocess.run([icupkg, "-r", str(listing), str(full), str(cut)], capture_output=True, text=True)
            back = set(re.findall(r"depends on missing item (\S+)", r.stdout + r.stderr))
            if not back:
                break
            remove -= back
        if r.returncode != 0 or not cut.exists():
            return 0, f"icupkg failed ({r.returncode}): ICU data kept whole"
        asm = work / "data.s"
        asm.write_text(f'    .section .rodata\n    .globl {symbol}\n    .type {symbol}, @object\n    .balign 16\n'
                       f'{symbol}:\n    .incbin "{cut}"\n    .size {symbol}, .-{symbol}\n'
                       '    .section .note.GNU-stack,"",@progbits\n', encoding="utf-8")
        new_dir = work / "lib"
        new_dir.mkdir()
        new = new_dir / lib.name
        subprocess.run(["as", "-o", str(work / "data.o"), str(asm)], check=True, capture_output=True)
        subprocess.run(["ld", "-shared", "-soname", lib.name, "-o", str(new), str(work / "data.o")], check=True,
                       capture_output=True)
        before, after = _probe(None), _probe(new_dir)
        if before != after or "exit" in before:
            return 0, "the cut ICU data answered differently through Qt: ICU data kept whole\n" \
                      f"full:\n{before}\ncut:\n{after}"
        saved = lib.stat().st_size - new.stat().st_size
        shutil.copyfile(new, lib)
        return saved, f"ICU data: {len(items) - len(remove)} of {len(items)} items kept"
