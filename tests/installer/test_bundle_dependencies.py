"""The build refuses a bundle that lacks a library it needs (issue 16: an offline install must start).

PyInstaller only warns when a dependency is missing on the build machine; on the first CI machine the X11
window plugin went into the bundle without libxcb-icccm and libxcb-keysyms. These tests run without a build:
they give ``missing_libraries`` a folder holding one real Qt library from the installed PySide6."""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux") or shutil.which("readelf") is None,
                                reason="ELF dependencies: Linux with binutils")

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "installer"))
import build  # noqa: E402


def _qt_lib(name: str) -> Path:
    import PySide6

    return Path(PySide6.__file__).parent / "Qt" / "lib" / name


def test_a_bundle_holding_the_x11_plugin_library_alone_is_told_what_it_lacks(tmp_path: Path) -> None:
    bundle = tmp_path / "qcy-workstation"
    (bundle / "_internal").mkdir(parents=True)
    shutil.copy2(_qt_lib("libQt6XcbQpa.so.6"), bundle / "_internal" / "libQt6XcbQpa.so.6")

    missing = build.missing_libraries(bundle)

    assert {"libQt6Gui.so.6", "libQt6Core.so.6", "libxcb-icccm.so.4", "libxcb-keysyms.so.1"} <= set(missing)
    assert missing["libxcb-icccm.so.4"] == ["_internal/libQt6XcbQpa.so.6"]
    # what the system provides on purpose (the C library, libxcb itself: PyInstaller's own exclusions)
    assert not {"libc.so.6", "libxcb.so.1"} & set(missing)


def test_once_the_libraries_it_names_are_beside_it_nothing_is_missing_from_them(tmp_path: Path) -> None:
    bundle = tmp_path / "qcy-workstation"
    (bundle / "_internal").mkdir(parents=True)
    shutil.copy2(_qt_lib("libQt6XcbQpa.so.6"), bundle / "_internal" / "libQt6XcbQpa.so.6")
    first = build.missing_libraries(bundle)
    for name in ("libQt6Gui.so.6", "libQt6Core.so.6"):
        (bundle / "_internal" / name).write_bytes(b"")  # present by name: the check is by the loader's name

    again = build.missing_libraries(bundle)

    assert "libQt6Gui.so.6" in first and "libQt6Gui.so.6" not in again
    assert "libxcb-icccm.so.4" in again


def test_every_library_left_to_the_system_is_a_dependency_of_the_package() -> None:
    declared = {p.split("(")[0].strip() for p in f"{build.DEB_DEPENDS}, {build.DEB_RECOMMENDS}".split(",")}
    wanted = set(build.LEFT_TO_THE_SYSTEM.values()) - {"libopengl0", "libglx0"}  # pulled in by libgl1
    assert wanted <= declared
