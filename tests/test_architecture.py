"""The shape of the code base (issue 11 item 11): a headless core the CLI and the desktop client share, core
packages layered without import cycles, and pages small enough to change.

Read from the source: every ``import`` statement, also those inside functions, so a late import cannot
hide a cycle unless it is named in ``LATE_BINDINGS`` with its reason. ``tests/core/test_store.py::test_the_core_never_imports_qt`` checks the same Qt rule at run
time by importing every core module.
"""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1] / "qcy_workstation"
CORE_PACKAGES = ("cases", "stats", "warning", "documents", "compensation", "precheck", "db", "referrals")
MAX_PAGE_LINES = 800
#: Pages over the limit that issue 11 item 11 did not name, each with the most lines it may keep until split.
NOT_YET_SPLIT = {
    # one 720-line page class; the estimate work of issue 13 is changing it now, so it is split after that
    "qcy_workstation/ui/pages/compensation_page.py": 900,
}


def _module_name(path: Path) -> str:
    parts = path.relative_to(ROOT.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _imports(path: Path, *, late: bool = True) -> list[tuple[str, int]]:
    """(imported module, line) of every import statement in ``path``, relative imports resolved; without
    ``late``, only those run when the module is imported (not those inside a function)."""
    name = _module_name(path)
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found: list[tuple[str, int]] = []

    def visit(node: ast.AST, in_function: bool) -> None:
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.Lambda):
            in_function = True
        if isinstance(node, ast.Import | ast.ImportFrom) and (late or not in_function):
            if isinstance(node, ast.Import):
                found.extend((alias.name, node.lineno) for alias in node.names)
            else:
                base = node.module or ""
                if node.level:
                    anchor = package.split(".")[: len(package.split(".")) - node.level + 1]
                    base = ".".join(anchor + ([base] if base else []))
                found.append((base, node.lineno))
                found.extend((f"{base}.{alias.name}", node.lineno) for alias in node.names)
        for child in ast.iter_child_nodes(node):
            visit(child, in_function)

    visit(ast.parse(path.read_text(encoding="utf-8")), False)
    return found


def _sources() -> list[Path]:
    return sorted(p for p in ROOT.rglob("*.py") if "migrations" not in p.parts)


def _top(module: str) -> str | None:
    """The top-level package or module of ``qcy_workstation`` that ``module`` belongs to."""
    parts = module.split(".")
    return parts[1] if parts[0] == "qcy_workstation" and len(parts) > 1 else None


def test_no_module_outside_the_ui_imports_qt() -> None:
    offenders = [f"{p.relative_to(ROOT.parent)}:{line} imports {mod}" for p in _sources()
                 if "ui" not in p.relative_to(ROOT).parts[:1]
                 for mod, line in _imports(p) if mod.split(".")[0] in ("PySide6", "shiboken6", "PyQt5", "PyQt6")]
    assert not offenders, offenders


def _package_graph(*, late: bool = True) -> dict[str, dict[str, str]]:
    """package -> {imported package: one example "module:line -> module"} over the core (UI and CLI left out:
    they sit on top)."""
    graph: dict[str, dict[str, str]] = {}
    for path in _sources():
        src = _top(_module_name(path))
        if src is None or src in ("ui", "cli", "__main__"):
            continue
        for mod, line in _imports(path, late=late):
            dst = _top(mod)
            if dst is not None and dst != src and ((ROOT / dst).exists() or (ROOT / f"{dst}.py").exists()):
                graph.setdefault(src, {}).setdefault(dst, f"{_module_name(path)}:{line} -> {mod}")
    return graph


def _cycles(graph: dict[str, dict[str, str]]) -> list[list[str]]:
    cycles: list[list[str]] = []
    state: dict[str, int] = {}
    stack: list[str] = []

    def visit(node: str) -> None:
        state[node] = 1
        stack.append(node)
        for nxt in sorted(graph.get(node, {})):
            if state.get(nxt) == 1:
                cycles.append(stack[stack.index(nxt):] + [nxt])
            elif nxt not in state:
                visit(nxt)
        stack.pop()
        state[node] = 2

    for node in sorted(graph):
        if node not in state:
            visit(node)
    return cycles


#: Imports inside a function that go up a layer on purpose (a genuine late binding), each with its reason.
#: Only ever inside a function: at import time the packages stay layered.
LATE_BINDINGS = {
    # installing a template folder refuses one that would not render: the settings check runs the
    # documents renderer's sandbox (issue 12 item 2)
    ("cases", "documents"): "qcy_workstation.cases.settings._check_templates",
}


def _core(graph: dict[str, dict[str, str]]) -> dict[str, dict[str, str]]:
    return {p: {q: why for q, why in deps.items() if q in CORE_PACKAGES} for p, deps in graph.items()
            if p in CORE_PACKAGES}


def _explain(graph: dict[str, dict[str, str]]) -> list[str]:
    return [" -> ".join(c) + "  (" + "; ".join(graph[a][b] for a, b in zip(c, c[1:], strict=False)) + ")"
            for c in _cycles(graph)]


def test_the_core_packages_import_each_other_without_a_cycle() -> None:
    # at import time: no cycle at all, among the core packages and the shared modules beside them
    # (labels, tables, files, outputs, errors…)
    at_import = _package_graph(late=False)
    assert not _explain(_core(at_import)), _explain(_core(at_import))
    assert not _explain(at_import), _explain(at_import)
    # counting the imports inside functions too: none but the late bindings named above
    graph = _core(_package_graph())
    for (src, dst), where in LATE_BINDINGS.items():
        assert dst not in _core(at_import).get(src, {}), f"{src} -> {dst} must stay inside {where}"
        graph.get(src, {}).pop(dst, None)
    assert not _explain(graph), _explain(graph)


def test_the_cycle_finder_finds_a_cycle() -> None:
    assert _cycles({"cases": {"stats": ""}, "stats": {"warning": ""}, "warning": {"cases": ""}}) == [
        ["cases", "stats", "warning", "cases"]]
    assert _cycles({"stats": {"cases": ""}, "warning": {"stats": "", "cases": ""}}) == []


def test_no_page_module_is_over_800_lines() -> None:
    """A page shows one thing; the parts of a bigger one live in a package beside it (precheck/, documents/, …)."""
    pages = ROOT / "ui" / "pages"
    sizes = {str(p.relative_to(ROOT.parent)): len(p.read_text(encoding="utf-8").splitlines())
             for p in pages.rglob("*.py")}
    assert sizes, "no page modules found"
    assert not {p: n for p, n in sizes.items() if n > NOT_YET_SPLIT.get(p, MAX_PAGE_LINES)}, sizes


def test_the_cli_and_the_desktop_read_files_through_one_reader() -> None:
    """``qcy_workstation.files.read_text_file`` is the one reader of claims, product texts and secrets; only the
    documents page's preview opens a PDF itself (to rasterise it for the screen and the printer)."""
    for path in (ROOT / "ui" / "pages" / "precheck" / "page.py", ROOT / "cli" / "precheck.py"):
        assert "qcy_workstation.files.read_text_file" in {m for m, _ in _imports(path)}, path
    readers = {str(p.relative_to(ROOT.parent)) for p in _sources() if "ui" in p.relative_to(ROOT).parts[:1]
               and {m for m, _ in _imports(p)} & {"pypdfium2", "docx", "pypdf"}}
    assert readers <= {"qcy_workstation/ui/pages/documents/preview.py"}, readers
