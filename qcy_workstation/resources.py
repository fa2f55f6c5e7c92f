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
    """The shipped sans TrueType font (WenQuanYi Micro Hei, Apache-2.0): Chinese, Latin and digits in one face,
    used by the UI (and by documents for Chinese headings and as the last fallback), so nothing depends on the
    fonts installed on the machine. Documents print in serif faces: ``document_font_paths``."""
    return resource_path("fonts", "WenQuanYiMicroHei.ttf")


FONT_FAMILY = "WenQuanYi Micro Hei"


def document_font_paths() -> dict[str, Path]:
    """The faces documents print in (``qcy_workstation.documents.layout`` says which goes where): a Song/Ming
    serif for Chinese (AR PL UMing CN, Arphic Public License), a Times-metric serif for Latin (Liberation Serif
    regular and bold, SIL OFL 1.1), and the interface's sans face for Chinese headings and any character the
    serif faces lack."""
    return {
        "serif-cjk": resource_path("fonts", "ARPLUMingCN.ttf"),
        "serif-latin": resource_path("fonts", "LiberationSerif-Regular.ttf"),
        "serif-latin-bold": resource_path("fonts", "LiberationSerif-Bold.ttf"),
        "sans": font_path(),
    }
