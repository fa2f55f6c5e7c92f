"""``python -m qcy_workstation.ui``: the desktop client alone, for desktop shortcuts and the installer's
GUI entry. Same options as ``qcy-workstation`` without a command, but it never imports the CLI's command
modules (and with them SQLAlchemy) before the window is on screen: it starts faster."""

from __future__ import annotations

import argparse
import sys

from qcy_workstation import __version__


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="qcy-workstation-gui",
                                     description="QCY Workstation desktop client (秦创原知识产权维权援助工作站)")
    parser.add_argument("--version", action="version", version=f"qcy-workstation {__version__}")
    parser.add_argument("--db", metavar="PATH_OR_URL", help="store file or SQLAlchemy URL (default: $QCY_DB, "
                                                            "else the user data folder)")
    parser.add_argument("--staff", metavar="NAME", help="who works at this desk (default: the saved name)")
    parser.add_argument("--screenshot", metavar="FILE.png", help="render the main window offscreen to PNG and exit")
    parser.add_argument("--page", metavar="NAME", help="page to show (cases, intake, case[:NUMBER], ...)")
    parser.add_argument("--lang", choices=["zh_CN", "en"], help="interface language for this run")
    args = parser.parse_args(argv)
    from qcy_workstation.ui.app import run_app

    return run_app(args, db_url=args.db)


if __name__ == "__main__":
    sys.exit(main())
