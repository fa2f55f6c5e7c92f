"""``python -m qcy_workstation`` does what the ``qcy-workstation`` command does."""

from qcy_workstation.cli import main

raise SystemExit(main())
