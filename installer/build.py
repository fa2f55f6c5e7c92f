"""Build the installable program: the PyInstaller one-folder bundle and, on Linux, a .deb.

    .venv/bin/pip install -e ".[build]"
    .venv/bin/python installer/build.py [--dist DIR] [--work DIR] [--no-deb] [--deb-compression zstd|xz|gzip]

Steps (each timed; the figures are printed and written to DIR/build-info.json):

1. PyInstaller runs ``installer/qcy-workstation.spec`` into DIR/qcy-workstation/ (the program, with its
   libraries, data files, fonts, translations, migrations and the sentence model under ``_internal/``).
2. Libraries that still carry symbols are stripped (each checked to load afterwards);
   ``installer/notices.py`` writes THIRD-PARTY-NOTICES.txt beside the program from the bundle's contents.
3. On Linux, ``dpkg-deb`` packs DIR/qcy-workstation_<version>_<arch>.deb: the folder under
   /opt/qcy-workstation, a /usr/bin/qcy-workstation wrapper, the desktop entry, the icon and the notices in
   /usr/share/doc/qcy-workstation/. Nothing under the user's data folder: upgrading or removing the package
   never touches the store, the evidence files or the settings.

Windows: step 1 and 2 here, then ``iscc installer\\windows\\qcy-workstation.iss`` (Inno Setup).
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SPEC = ROOT / "installer" / "qcy-workstation.spec"
NAME = "qcy-workstation"
# Not in the bundle: what LEFT_TO_THE_SYSTEM lists (below), so the package depends on it.
DEB_DEPENDS = "libc6 (>= 2.31), libgl1, libegl1, libxcb1"
DEB_RECOMMENDS = "libwayland-client0, libwayland-cursor0, libwayland-egl1"


def version() -> str:
    sys.path.insert(0, str(ROOT))
    from qcy_workstation import __version__

    return __version__


def folder_size(path: Path) -> int:
    return sum(p.lstat().st_size for p in path.rglob("*") if p.is_file() and not p.is_symlink())


def run_pyinstaller(dist: Path, work: Path) -> None:
    command = [sys.executable, "-m", "PyInstaller", str(SPEC), "--noconfirm", "--log-level", "WARN",
               "--distpath", str(dist), "--workpath", str(work)]
    subprocess.run(command, check=True, cwd=ROOT)


def _has_symbols(path: Path) -> bool:
    """An ELF file that still has its symbol table (.symtab) or debug information."""
    try:
        out = subprocess.run(["readelf", "-S", "-W", str(path)], capture_output=True, text=True).stdout
    except OSError:
        return False
    return " .symtab " in out or " .debug_info " in out


def strip_symbols(bundle: Path) -> int:
    """Take the symbol tables and debug information out of the bundle's libraries that still have them
    (libpython, the Cython and Rust extensions, pdfium, ICU, OpenBLAS: 39 MB). PyInstaller's own strip=True
    is not used: stripping a library that auditwheel patched can leave it unloadable ("ELF load command
    address/offset not page-aligned", numpy.libs' OpenBLAS did). So each library is stripped as a copy
    beside it, the copy is loaded (dlopen) in a fresh process, and only a copy that loads replaces the
    original. Returns the bytes saved."""
    if not sys.platform.startswith("linux") or shutil.which("strip") is None or shutil.which("readelf") is None:
        return 0
    saved = 0
    for lib in sorted((bundle / "_internal").rglob("*.so*")):
        if lib.is_symlink() or not lib.is_file() or not _has_symbols(lib):
            continue
        trial = lib.with_name(lib.name + ".stripped")
        shutil.copy2(lib, trial)
        try:
            subprocess.run(["strip", "--strip-unneeded", str(trial)], check=True, capture_output=True)
            env = dict(os.environ, LD_LIBRARY_PATH=str(bundle / "_internal"))
            loads = subprocess.run([sys.executable, "-c", "import ctypes, sys; ctypes.CDLL(sys.argv[1])", str(trial)],
                                   capture_output=True, env=env).returncode == 0
            if loads:
                saved += lib.stat().st_size - trial.stat().st_size
                os.replace(trial, lib)
        except subprocess.CalledProcessError:
            pass
        finally:
            trial.unlink(missing_ok=True)
    return saved


# Libraries a bundle leaves to the system on purpose, with the Debian package that provides each: the C library,
# the OpenGL/EGL dispatch libraries (they must match the machine's graphics driver), libxcb and the Wayland client
# libraries (PyInstaller's own exclusion list: they change ABI with the graphics stack and every desktop has them).
# The .deb depends on them (Wayland only recommended: without it Qt falls back to the X11 window).
LEFT_TO_THE_SYSTEM = {
    "libc.so.6": "libc6", "libm.so.6": "libc6", "libdl.so.2": "libc6", "libpthread.so.0": "libc6",
    "librt.so.1": "libc6", "libutil.so.1": "libc6", "libresolv.so.2": "libc6", "ld-linux-x86-64.so.2": "libc6",
    "ld-linux-aarch64.so.1": "libc6", "libGL.so.1": "libgl1", "libEGL.so.1": "libegl1", "libOpenGL.so.0": "libopengl0",
    "libGLX.so.0": "libglx0", "libxcb.so.1": "libxcb1", "libwayland-client.so.0": "libwayland-client0",
    "libwayland-cursor.so.0": "libwayland-cursor0", "libwayland-egl.so.1": "libwayland-egl1",
}


def _needed_names(path: Path) -> list[str]:
    """The shared libraries an ELF file names (DT_NEEDED), from ``readelf -d``; empty for other files."""
    try:
        out = subprocess.run(["readelf", "-d", "-W", str(path)], capture_output=True, text=True).stdout
    except OSError:
        return []
    return [line.split("[", 1)[1].split("]", 1)[0] for line in out.splitlines() if "(NEEDED)" in line]


def missing_libraries(bundle: Path) -> dict[str, list[str]]:
    """Libraries the bundle's programs and libraries need that are neither in the bundle nor left to the
    system on purpose, each with the files that need it. PyInstaller only warns when it cannot find a
    dependency on the build machine (the first CI machine lacked libxcb-icccm4 and libxcb-keysyms1, so the
    X11 window plugin went in without them and the program could not open a window on a desktop lacking
    them): a bundle that depends on whatever the target machine happens to have is not offline-installable."""
    if not sys.platform.startswith("linux") or shutil.which("readelf") is None:
        return {}
    files = [p for p in bundle.rglob("*") if p.is_file() and not p.is_symlink()
             and (".so" in p.name or p.parent == bundle)]
    present = {p.name for p in bundle.rglob("*")}
    missing: dict[str, list[str]] = {}
    for path in files:
        for name in _needed_names(path):
            if name not in present and name not in LEFT_TO_THE_SYSTEM:
                missing.setdefault(name, []).append(str(path.relative_to(bundle)))
    return missing


def write_notices(bundle: Path, work: Path) -> Path:
    sys.path.insert(0, str(ROOT / "installer"))
    from notices import write_notices as write

    modules = json.loads((work / "qcy-workstation" / "bundled-modules.json").read_text(encoding="utf-8"))
    out = bundle / "THIRD-PARTY-NOTICES.txt"
    write(out, modules)
    return out


def deb_architecture() -> str:
    try:
        return subprocess.run(["dpkg", "--print-architecture"], check=True, capture_output=True,
                              text=True).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return {"x86_64": "amd64", "aarch64": "arm64"}.get(os.uname().machine, os.uname().machine)


def build_deb(bundle: Path, dist: Path, work: Path, compression: str) -> Path:
    """Stage the package's file tree under WORK/deb-root and pack it with dpkg-deb."""
    ver, arch = version(), deb_architecture()
    root = work / "deb-root"
    if root.exists():
        shutil.rmtree(root)
    opt = root / "opt" / NAME
    # hard links where the file system allows (no second copy of 300 MB), else copies
    try:
        shutil.copytree(bundle, opt, symlinks=True, copy_function=os.link)
    except OSError:
        shutil.rmtree(opt, ignore_errors=True)
        shutil.copytree(bundle, opt, symlinks=True)
    (root / "usr" / "bin").mkdir(parents=True)
    wrapper = root / "usr" / "bin" / NAME
    # A wrapper, not a symlink: the program finds its _internal folder beside the file it was started as.
    wrapper.write_text(f'#!/bin/sh\nexec /opt/{NAME}/{NAME} "$@"\n', encoding="utf-8")
    wrapper.chmod(0o755)
    apps = root / "usr" / "share" / "applications"
    apps.mkdir(parents=True)
    shutil.copy2(ROOT / "installer" / "linux" / f"{NAME}.desktop", apps / f"{NAME}.desktop")
    icons = root / "usr" / "share" / "icons" / "hicolor" / "scalable" / "apps"
    icons.mkdir(parents=True)
    shutil.copy2(ROOT / "resources" / "icons" / "qcy.svg", icons / f"{NAME}.svg")
    doc = root / "usr" / "share" / "doc" / NAME
    doc.mkdir(parents=True)
    shutil.copy2(bundle / "THIRD-PARTY-NOTICES.txt", doc / "copyright")
    installed_kib = (folder_size(root) + 1023) // 1024
    debian = root / "DEBIAN"
    debian.mkdir()
    (debian / "control").write_text(
        f"Package: {NAME}\n"
        f"Version: {ver}\n"
        f"Architecture: {arch}\n"
        "Maintainer: QCY Workstation developers <qcy-workstation@localhost>\n"
        f"Installed-Size: {installed_kib}\n"
        f"Depends: {DEB_DEPENDS}\n"
        f"Recommends: {DEB_RECOMMENDS}\n"
        "Section: misc\n"
        "Priority: optional\n"
        "Description: IP rights-protection assistance workstation (秦创原知识产权维权援助工作站)\n"
        " Consultation log, assistance cases with deadlines in Chinese working days, infringement\n"
        " pre-checks, compensation estimates and documents in PDF and DOCX, all offline.\n"
        " The store, evidence files and settings live in each user's data folder and are kept\n"
        " when the package is upgraded or removed.\n", encoding="utf-8")
    deb = dist / f"{NAME}_{ver}_{arch}.deb"
    deb.unlink(missing_ok=True)
    # zstd -9: 13 s for 136 MB on the 2-core CI machine, where xz took over 9 minutes (dpkg 1.21.18+ reads it)
    level = ["-z9"] if compression == "zstd" else []
    subprocess.run(["dpkg-deb", "--root-owner-group", f"-Z{compression}", *level, "--build", str(root), str(deb)],
                   check=True, stdout=subprocess.DEVNULL)
    return deb


def build(dist: Path, work: Path, *, deb: bool = True, compression: str = "zstd") -> dict[str, object]:
    dist, work = dist.resolve(), work.resolve()
    info: dict[str, object] = {"version": version(), "platform": sys.platform}
    t0 = time.perf_counter()
    run_pyinstaller(dist, work)
    info["pyinstaller_s"] = round(time.perf_counter() - t0, 1)
    bundle = dist / NAME
    missing = missing_libraries(bundle)
    if missing:
        lines = "\n".join(f"  {name} (needed by {', '.join(users[:3])}{' ...' if len(users) > 3 else ''})"
                           for name, users in sorted(missing.items()))
        raise SystemExit(f"the bundle lacks libraries it needs, which PyInstaller could not find on this machine:\n"
                         f"{lines}\ninstall the packages that provide them (Debian: apt-file search NAME) and "
                         f"build again")
    t1 = time.perf_counter()
    info["stripped_bytes"] = strip_symbols(bundle)
    info["strip_s"] = round(time.perf_counter() - t1, 1)
    write_notices(bundle, work)
    info["bundle"] = str(bundle)
    info["bundle_bytes"] = folder_size(bundle)
    if deb and sys.platform.startswith("linux") and shutil.which("dpkg-deb"):
        t1 = time.perf_counter()
        path = build_deb(bundle, dist, work, compression)
        info["deb_s"] = round(time.perf_counter() - t1, 1)
        info["deb"] = str(path)
        info["deb_bytes"] = path.stat().st_size
    info["total_s"] = round(time.perf_counter() - t0, 1)
    (dist / "build-info.json").write_text(json.dumps(info, indent=2), encoding="utf-8")
    return info


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--dist", type=Path, default=ROOT / "dist", help="output folder (default: dist/)")
    parser.add_argument("--work", type=Path, default=ROOT / "build", help="PyInstaller's work folder")
    parser.add_argument("--no-deb", action="store_true", help="the bundle only")
    parser.add_argument("--deb-compression", choices=["zstd", "xz", "gzip"], default="zstd",
                        help="zstd (default; dpkg 1.21.18+, Debian 12, Ubuntu 21.10+) or xz/gzip for older dpkg")
    args = parser.parse_args(argv)
    info = build(args.dist, args.work, deb=not args.no_deb, compression=args.deb_compression)
    mb = 1024 * 1024
    print(f"bundle: {info['bundle']}  {info['bundle_bytes'] / mb:.1f} MB unpacked "
          f"(PyInstaller {info['pyinstaller_s']} s)")
    if "deb" in info:
        print(f"deb:    {info['deb']}  {int(info['deb_bytes']) / mb:.1f} MB ({info['deb_s']} s)")  # type: ignore[call-overload]
    print(f"total:  {info['total_s']} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
