"""The documents and compensation core run without Qt (the desktop client is optional)."""

from __future__ import annotations

import subprocess
import sys


def test_core_modules_do_not_import_qt() -> None:
    code = ("import sys\n"
            "import qcy_workstation.compensation, qcy_workstation.documents.service, qcy_workstation.documents.pdf\n"
            "import qcy_workstation.documents.docx_renderer, qcy_workstation.cli.export, qcy_workstation.cli.documents\n"
            "import qcy_workstation.cli.compensate\n"
            "print(any(m.startswith('PySide6') for m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.strip()
    assert out == "False"
