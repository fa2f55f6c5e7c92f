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


def test_every_library_left_to_the_system_is_a_dependency_of_the_package(tmp_path: Path) -> None:
    depends = build.deb_depends(tmp_path)
    declared = {p.split("(")[0].strip() for p in depends.split(",")}
    wanted = set(build.LEFT_TO_THE_SYSTEM.values()) - {"libopengl0", "libglx0"}  # pulled in by libgl1
    assert wanted <= declared
    assert depends.startswith("libc6 (>= 2.")


def test_the_systems_own_libraries_leave_the_bundle_and_the_wheels_copies_stay(tmp_path: Path) -> None:
    """PyInstaller copies libcups, libX11, libstdc++ ... from the build machine; the .deb depends on their
    Debian packages instead. A wheel's own renamed copy (psycopg's OpenSSL) and libpython stay."""
    internal = tmp_path / "qcy-workstation" / "_internal"
    (internal / "psycopg_binary.libs").mkdir(parents=True)
    for name in ("libcups.so.2", "libX11.so.6", "libstdc++.so.6", "libssl.so.3", "libpython3.11.so.1.0",
                 "libxcb-icccm.so.4", "psycopg_binary.libs/libssl-6a9b88ec.so.3"):
        (internal / name).write_bytes(b"\0" * 1000)
    (internal / "libcrypto.so.3").symlink_to("libssl.so.3")

    freed = build.leave_to_the_system(tmp_path / "qcy-workstation")

    left = sorted(p.relative_to(internal).as_posix() for p in internal.rglob("*") if p.is_file())
    assert left == ["libpython3.11.so.1.0", "libxcb-icccm.so.4", "psycopg_binary.libs/libssl-6a9b88ec.so.3"]
    assert not (internal / "libcrypto.so.3").is_symlink()
    assert freed == 4000
    for name in ("libcups.so.2", "libX11.so.6", "libstdc++.so.6", "libssl.so.3"):
        assert build.LEFT_TO_THE_SYSTEM[name] in build.deb_depends(tmp_path)


def test_the_cut_icu_data_keeps_chinese_english_and_every_item_that_is_no_locale() -> None:
    import icu_data

    items = ["root.res", "en.res", "en_GB.res", "zh.res", "zh_Hant_TW.res", "de.res", "de_AT.res",
             "ja_JP_TRADITIONAL.res", "supplementalData.res", "zoneinfo64.res", "unames.icu", "coll/root.res",
             "coll/zh.res", "coll/de.res", "coll/de_.res", "coll/ucadata.icu", "curr/fr.res", "brkitr/cjdict.dict",
             "gb18030.cnv", "windows-936-2000.cnv", "ibm-37_P100-1995.cnv", "euc-tw-2014.cnv", "translit/el.res"]
    locales = {"": {"en", "en_GB", "zh", "zh_Hant_TW", "de", "de_AT", "ja_JP", "in"}, "coll": {"zh", "de", "en"},
               "curr": {"fr", "zh"}}

    remove = icu_data.items_to_remove(items, locales)

    assert remove == {"de.res", "de_AT.res", "ja_JP_TRADITIONAL.res", "coll/de.res", "coll/de_.res", "curr/fr.res",
                      "ibm-37_P100-1995.cnv", "euc-tw-2014.cnv"}


@pytest.mark.skipif(shutil.which("derb") is None or not any(
    Path(d, "icupkg").exists() for d in ("/usr/sbin", "/usr/bin", "/sbin")) or shutil.which("as") is None,
    reason="ICU's icupkg and derb (Debian: icu-devtools) and binutils")
def test_qt_answers_alike_with_the_cut_icu_data_which_is_a_third_of_the_size(tmp_path: Path) -> None:
    import icu_data

    lib = tmp_path / "libicudata.so.73"
    shutil.copy2(_qt_lib("libicudata.so.73"), lib)
    before = lib.stat().st_size

    saved, said = icu_data.shrink_icu_data(lib)  # the library replaced only when Qt's answers are the same

    assert saved > 0.6 * before, said
    assert lib.stat().st_size == before - saved
    assert "items kept" in said
    assert icu_data._probe(tmp_path) == icu_data._probe(None)  # collation zh/en, Asia/Shanghai, GB 18030 ...
