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
    """The shipped CJK TrueType font (Droid Sans Fallback, Apache-2.0): used by the UI, PDF and DOCX."""
    return resource_path("fonts", "DroidSansFallbackFull.ttf")


FONT_FAMILY = "Droid Sans Fallback"
