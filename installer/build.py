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
import re
import shutil
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SPEC = ROOT / "installer" / "qcy-workstation.spec"
NAME = "qcy-workstation"
# Not in the bundle: what LEFT_TO_THE_SYSTEM lists (below), so the package depends on it (DEB_DEPENDS, below).


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


# Libraries a bundle leaves to the system on purpose, with the Debian package that provides each. The .deb
# depends on every one of these packages, so dpkg refuses to install the program where one is missing instead of
# the program failing to start.
# 1. PyInstaller's own exclusions: the C library, the OpenGL/EGL dispatch libraries (they must match the
#    machine's graphics driver) and libxcb (it changes ABI with the graphics stack). The Wayland window plugin is
#    not in the bundle (the spec), so neither are the Wayland client libraries.
LEFT_TO_THE_SYSTEM = {
    "libc.so.6": "libc6", "libm.so.6": "libc6", "libdl.so.2": "libc6", "libpthread.so.0": "libc6",
    "librt.so.1": "libc6", "libutil.so.1": "libc6", "libresolv.so.2": "libc6", "ld-linux-x86-64.so.2": "libc6",
    "ld-linux-aarch64.so.1": "libc6", "libGL.so.1": "libgl1", "libEGL.so.1": "libegl1", "libOpenGL.so.0": "libopengl0",
    "libGLX.so.0": "libglx0", "libxcb.so.1": "libxcb1",
}
# 2. The Debian system's own libraries that PyInstaller copies from the build machine (27 MiB, a tenth of the
#    bundle), taken out of the bundle again by ``leave_to_the_system``: what Debian policy 10.7/8.1 and
#    dpkg-shlibdeps expect a package to use from the system rather than carry. They are the C++ runtime, the
#    compression, SQLite and OpenSSL libraries the Python runtime links, and the libraries Qt's "Qt for X11
#    Requirements" page lists as the desktop's own (X11 client, fontconfig/FreeType, GLib, D-Bus) with CUPS for
#    printing and what they pull in; every Debian desktop has them installed. Not here, so still bundled: libpython
#    (the program's own runtime), the xcb-util and xkbcommon-x11 libraries Qt's X11 plugin needs, which machines
#    without other Qt or X11 programs lack (the first CI machine lacked libxcb-icccm4 and libxcb-keysyms1), and
#    whatever a wheel brings (its renamed copies, such as psycopg's libpq with its OpenSSL, stay beside it).
SYSTEM_LIBRARIES = {
    # C++ runtime, compression, the libraries Python's own extension modules link
    "libstdc++.so.6": "libstdc++6", "libgcc_s.so.1": "libgcc-s1", "libz.so.1": "zlib1g",
    "libbz2.so.1.0": "libbz2-1.0", "liblzma.so.5": "liblzma5", "libzstd.so.1": "libzstd1", "liblz4.so.1": "liblz4-1",
    "libffi.so.8": "libffi8", "libexpat.so.1": "libexpat1", "libuuid.so.1": "libuuid1",
    "libsqlite3.so.0": "libsqlite3-0", "libreadline.so.8": "libreadline8", "libtinfo.so.6": "libtinfo6",
    "libssl.so.3": "libssl3", "libcrypto.so.3": "libssl3",
    # the desktop's X11 client, fonts, GLib and D-Bus (Qt for X11 Requirements)
    "libX11.so.6": "libx11-6", "libX11-xcb.so.1": "libx11-xcb1", "libXau.so.6": "libxau6", "libXdmcp.so.6": "libxdmcp6",
    "libbsd.so.0": "libbsd0", "libmd.so.0": "libmd0", "libxkbcommon.so.0": "libxkbcommon0",
    "libfontconfig.so.1": "libfontconfig1", "libfreetype.so.6": "libfreetype6", "libpng16.so.16": "libpng16-16",
    "libbrotlicommon.so.1": "libbrotli1", "libbrotlidec.so.1": "libbrotli1",
    "libglib-2.0.so.0": "libglib2.0-0", "libgthread-2.0.so.0": "libglib2.0-0", "libpcre2-8.so.0": "libpcre2-8-0",
    "libdbus-1.so.3": "libdbus-1-3", "libsystemd.so.0": "libsystemd0", "libgcrypt.so.20": "libgcrypt20",
    "libgpg-error.so.0": "libgpg-error0", "libcap.so.2": "libcap2",
    # printing: CUPS and what it links (TLS, Kerberos, Avahi)
    "libcups.so.2": "libcups2", "libgnutls.so.30": "libgnutls30", "libunistring.so.2": "libunistring2",
    "libp11-kit.so.0": "libp11-kit0", "libnettle.so.8": "libnettle8", "libhogweed.so.6": "libhogweed6",
    "libgmp.so.10": "libgmp10", "libidn2.so.0": "libidn2-0", "libtasn1.so.6": "libtasn1-6",
    "libavahi-client.so.3": "libavahi-client3", "libavahi-common.so.3": "libavahi-common3",
    "libkrb5.so.3": "libkrb5-3", "libgssapi_krb5.so.2": "libgssapi-krb5-2", "libk5crypto.so.3": "libk5crypto3",
    "libkrb5support.so.0": "libkrb5support0", "libkeyutils.so.1": "libkeyutils1", "libcom_err.so.2": "libcom-err2",
}
LEFT_TO_THE_SYSTEM.update(SYSTEM_LIBRARIES)
# libc6 with the version the bundle needs goes first (deb_depends); libopengl0 and libglx0 come with libgl1.
DEB_DEPENDS = ", ".join(sorted({pkg for pkg in LEFT_TO_THE_SYSTEM.values()} - {"libc6", "libopengl0", "libglx0"}))


def leave_to_the_system(bundle: Path) -> int:
    """Take the SYSTEM_LIBRARIES PyInstaller copied out of the bundle again (and the links to them); the
    package depends on their Debian packages instead. Returns the bytes freed."""
    freed = 0
    for path in sorted(bundle.rglob("*")):
        if path.name in SYSTEM_LIBRARIES and (path.is_symlink() or path.is_file()):
            freed += 0 if path.is_symlink() else path.stat().st_size
            path.unlink()
    return freed


def drop_dangling_links(bundle: Path) -> list[str]:
    """Remove links PyInstaller left to libraries the spec took out (libQt6Network, libQt6WaylandClient ...)."""
    dangling = [p for p in bundle.rglob("*") if p.is_symlink() and not p.exists()]
    for link in dangling:
        link.unlink()
    return sorted(p.name for p in dangling)


def glibc_needed(bundle: Path) -> str:
    """The newest GNU C library symbol version any program or library of the bundle asks for ("2.35")."""
    newest = (2, 17)
    if shutil.which("objdump") is None:
        return "2.31"
    for path in bundle.rglob("*"):
        if path.is_symlink() or not path.is_file() or not (".so" in path.name or path.parent == bundle):
            continue
        out = subprocess.run(["objdump", "-T", str(path)], capture_output=True, text=True).stdout
        for found in set(re.findall(r"GLIBC_(\d+)\.(\d+)", out)):
            newest = max(newest, (int(found[0]), int(found[1])))
    return f"{newest[0]}.{newest[1]}"


def deb_depends(bundle: Path) -> str:
    return f"libc6 (>= {glibc_needed(bundle)}), {DEB_DEPENDS}"


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
        f"Depends: {deb_depends(bundle)}\n"
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
    info["left_to_the_system_bytes"] = leave_to_the_system(bundle)
    info["dangling_links_removed"] = drop_dangling_links(bundle)
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
    sys.path.insert(0, str(ROOT / "installer"))
    from icu_data import shrink_icu_data

    info["icu_saved_bytes"], info["icu"] = 0, "no ICU data library in the bundle"
    for lib in bundle.rglob("libicudata.so.*"):
        if lib.is_file() and not lib.is_symlink():
            info["icu_saved_bytes"], info["icu"] = shrink_icu_data(lib)
            print(info["icu"].splitlines()[0] if info["icu"] else "", flush=True)
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
