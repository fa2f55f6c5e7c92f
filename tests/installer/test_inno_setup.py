"""The Windows installer script names only files that exist (issue 16 item 1): it cannot be compiled here
(Inno Setup is a Windows program), so every path in installer/windows/qcy-workstation.iss is checked on Linux
against the repository and against what the PyInstaller spec and installer/build.py put in the bundle."""

from __future__ import annotations

import re
from pathlib import Path, PureWindowsPath

ROOT = Path(__file__).resolve().parents[2]
ISS = ROOT / "installer" / "windows" / "qcy-workstation.iss"
SPEC = ROOT / "installer" / "qcy-workstation.spec"


def sections() -> dict[str, list[dict[str, str]]]:
    """[Section] -> entries, each entry's `Name: "value"; ...` parameters as a dict."""
    out: dict[str, list[dict[str, str]]] = {}
    current = ""
    for raw in ISS.read_text(encoding="utf-8").splitlines():
        line = raw.strip()
        if not line or line.startswith(";") or line.startswith("#"):
            continue
        if line.startswith("[") and line.endswith("]"):
            current = line[1:-1]
            out.setdefault(current, [])
            continue
        if current in ("Setup",):
            key, _, value = line.partition("=")
            out[current].append({key.strip(): value.strip()})
            continue
        params = dict((m.group(1), m.group(2)) for m in re.finditer(r'(\w+):\s*"([^"]*)"', line))
        params.update((m.group(1), m.group(2)) for m in re.finditer(r'(\w+):\s*([^";]+?)\s*(?:;|$)', line)
                      if m.group(1) not in params)
        out[current].append(params)
    return out


def repo_path(windows_path: str) -> Path:
    """A path of the script (relative to installer\\windows\\) as a path in this repository."""
    return (ISS.parent / Path(*PureWindowsPath(windows_path).parts)).resolve()


def spec_bundle_name() -> str:
    names = set(re.findall(r'COLLECT\([^)]*name="([^"]+)"', SPEC.read_text(encoding="utf-8"), re.S))
    assert len(names) == 1
    return names.pop()


def test_every_source_file_of_the_windows_installer_exists_or_is_made_by_the_build() -> None:
    files = sections()["Files"]
    assert files
    bundle = ROOT / "dist" / spec_bundle_name()
    for entry in files:
        source = entry["Source"]
        path = repo_path(source.rstrip("*").rstrip("\\")) if source.endswith("*") else repo_path(source)
        if path == bundle.resolve():
            continue  # the PyInstaller folder (`dist\qcy-workstation`): the spec's COLLECT name, checked above
        assert path.is_file(), f"{source}: {path} does not exist"


def test_the_installer_takes_the_bundle_the_spec_makes_and_starts_the_program_it_names() -> None:
    files = sections()["Files"]
    name = spec_bundle_name()
    assert any(PureWindowsPath(e["Source"]).parts[-2:] == (name, "*") and "recursesubdirs" in e.get("Flags", "")
               for e in files), "the whole bundle folder, subfolders too"
    exe = re.search(r'EXE\([^)]*name="([^"]+)"', SPEC.read_text(encoding="utf-8"), re.S)
    assert exe
    for icon in sections()["Icons"]:
        assert icon["Filename"] == f"{{app}}\\{exe.group(1)}.exe"


def test_the_fonts_the_windows_installer_installs_are_the_ones_documents_use() -> None:
    from qcy_workstation.resources import document_font_paths

    installed = {repo_path(e["Source"]).name for e in sections()["Files"] if e.get("DestDir") == "{autofonts}"}
    used = {p.name for key, p in document_font_paths().items() if key in ("serif-cjk", "sans")}
    assert used <= installed


def test_the_windows_installer_carries_this_version() -> None:
    from qcy_workstation import __version__

    assert f'#define AppVersion "{__version__}"' in ISS.read_text(encoding="utf-8")
    setup = {k: v for d in sections()["Setup"] for k, v in d.items()}
    assert repo_path(setup["OutputDir"]) == (ROOT / "dist").resolve()
