"""Where shipped resources (fonts, translations) live, in a checkout and in a PyInstaller bundle."""

from __future__ import annotations

import sys
from pathlib import Path

_PACKAGE_DIR = Path(__file__).resolve().parent


def resources_dir() -> Path:
    """The ``resources/`` folder: beside the package in a checkout, inside the bundle when frozen."""
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle:
        return Path(bundle) / "resources"
    return _PACKAGE_DIR.parent / "resources"


def resource_path(*parts: str) -> Path:
    return resources_dir().joinpath(*parts)


def font_path() -> Path:
    """The shipped TrueType font (WenQuanYi Micro Hei, Apache-2.0): Chinese, Latin and digits in one face,
    used by the UI, PDF and DOCX so nothing depends on the fonts installed on the machine."""
    return resource_path("fonts", "WenQuanYiMicroHei.ttf")


FONT_FAMILY = "WenQuanYi Micro Hei"
