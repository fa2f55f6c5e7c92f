"""Entry script for the frozen application (PyInstaller needs a file, not a console-script entry point)."""

import sys

from qcy_workstation.cli import main

sys.exit(main())
