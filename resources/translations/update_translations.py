"""Refresh the Qt Linguist sources and compile them.

    .venv/bin/python resources/translations/update_translations.py [--check]

1. ``pyside6-lupdate`` collects every ``tr()`` / ``QT_TRANSLATE_NOOP`` string of ``qcy_workstation/ui``
   into ``qcy_zh_CN.ts`` (translations already in the file are kept; Qt Linguist can edit it).
2. Strings still unfinished are filled from ``zh_CN.json`` and every ``zh_CN.<feature>.json`` beside it
   (English source -> Chinese; a list for plural forms; a key ``"Context|source"`` overrides one
   context). A feature that adds a page keeps its strings in its own ``zh_CN.<feature>.json``.
3. ``pyside6-lrelease`` compiles ``qcy_zh_CN.qm``, which the application loads.

With ``--check`` it exits 1 when a string has no translation (the UI tests run the same check).
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
UI = ROOT / "qcy_workstation" / "ui"
TS = HERE / "qcy_zh_CN.ts"
QM = HERE / "qcy_zh_CN.qm"
GLOSSARY = HERE / "zh_CN.json"


def _tool(name: str) -> str:
    candidate = Path(sys.executable).parent / name
    return str(candidate) if candidate.exists() else name


WORK = HERE / "qcy_zh_CN.work.ts"  # lupdate's output; the real .ts is only ever replaced whole


def lupdate() -> None:
    sources = sorted(str(p.relative_to(ROOT)) for p in UI.rglob("*.py"))
    if TS.exists():
        shutil.copyfile(TS, WORK)  # keeps the translations already made
    subprocess.run([_tool("pyside6-lupdate"), *sources, "-no-obsolete", "-locations", "relative",
                    "-target-language", "zh_CN", "-ts", str(WORK.relative_to(ROOT))], cwd=ROOT, check=True,
                   stdout=subprocess.DEVNULL)


def fill() -> list[str]:
    """Fill unfinished messages from the glossary; returns the sources still missing."""
    glossary: dict[str, object] = {}
    for path in [GLOSSARY, *sorted(HERE.glob("zh_CN.*.json"))]:
        glossary.update(json.loads(path.read_text(encoding="utf-8")))
    tree = ET.parse(WORK)
    missing: list[str] = []
    for context in tree.getroot().iter("context"):
        ctx_name = context.findtext("name") or ""
        for message in context.iter("message"):
            source = message.findtext("source") or ""
            translation = message.find("translation")
            assert translation is not None
            value = glossary.get(f"{ctx_name}|{source}", glossary.get(source))
            if value is None:
                if translation.get("type") == "unfinished" or not _text(translation):
                    missing.append(f"{ctx_name}: {source}")
                continue
            if message.get("numerus") == "yes":
                forms = value if isinstance(value, list) else [value]
                for child in list(translation):
                    translation.remove(child)
                translation.text = None
                for form in forms:
                    ET.SubElement(translation, "numerusform").text = form
            else:
                translation.text = value if isinstance(value, str) else value[0]
            translation.attrib.pop("type", None)
    ET.indent(tree, space="    ")
    tmp = TS.with_suffix(".ts.tmp")
    with tmp.open("wb") as fh:
        fh.write(b'<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n')
        tree.write(fh, encoding="utf-8", xml_declaration=False)
        fh.write(b"\n")
    os.replace(tmp, TS)
    WORK.unlink()
    return missing


def _text(translation: ET.Element) -> str:
    return (translation.text or "") + "".join(c.text or "" for c in translation)


def lrelease() -> None:
    # Written aside and moved into place: a running client or test never loads a half-written file.
    tmp = QM.with_suffix(".qm.tmp")
    subprocess.run([_tool("pyside6-lrelease"), str(TS), "-qm", str(tmp)], check=True, stdout=subprocess.DEVNULL)
    os.replace(tmp, QM)


def main() -> int:
    lupdate()
    missing = fill()
    lrelease()
    for m in missing:
        print(f"untranslated: {m}", file=sys.stderr)
    print(f"{TS.name}: {'all translated' if not missing else f'{len(missing)} untranslated'}; wrote {QM.name}")
    return 1 if missing and "--check" in sys.argv else 0


if __name__ == "__main__":
    raise SystemExit(main())
