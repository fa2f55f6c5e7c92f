"""What the application imports at run time is what pyproject.toml declares, and no more than it needs.

pypdf is a test dependency only (the application reads PDFs with pypdfium2), and only the Qt modules of
PySide6-Essentials are used, so the 440 MB PySide6-Addons wheel is not installed on office PCs."""

from __future__ import annotations

import ast
import importlib.metadata
import re
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[1] / "qcy_workstation"


def _imported_modules() -> set[str]:
    names: set[str] = set()
    for path in PACKAGE.rglob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.Import):
                names |= {a.name for a in node.names}
            elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                names.add(node.module)
    return names


def test_the_application_never_imports_a_test_only_package() -> None:
    used = {n.split(".")[0] for n in _imported_modules()}
    assert not used & {"pypdf", "pytest", "pytestqt", "hypothesis", "fontTools"}


def test_every_qt_module_the_application_uses_ships_in_pyside6_essentials() -> None:
    essentials = importlib.metadata.distribution("PySide6-Essentials")
    shipped = {m.group(1) for f in essentials.files or () if (m := re.match(r"PySide6/(Qt\w+)\.(?:abi3\.)?(?:so|pyd)$",
                                                                           str(f).replace("\\", "/")))}
    used = {n.split(".")[1] for n in _imported_modules() if n.startswith("PySide6.Qt")}
    assert used and used <= shipped, used - shipped


def test_pyside6_addons_is_not_a_runtime_dependency() -> None:
    requires = importlib.metadata.requires("qcy-workstation") or []
    runtime = [r for r in requires if "extra ==" not in r]
    assert not [r for r in runtime if r.lower().startswith("pyside6-addons")]
    assert [r for r in runtime if r.lower().startswith("pypdfium2")]
