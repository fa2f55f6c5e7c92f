#!/usr/bin/env bash
# Builds dist/qcy-workstation-linux-x86_64.tar.gz from the PyInstaller folder (run after the spec).
set -euo pipefail
cd "$(dirname "$0")/../.."
version=$(.venv/bin/python -c "import qcy_workstation; print(qcy_workstation.__version__)")
cp installer/linux/qcy-workstation.desktop dist/qcy-workstation/
tar -C dist -czf "dist/qcy-workstation-${version}-linux-$(uname -m).tar.gz" qcy-workstation
echo "dist/qcy-workstation-${version}-linux-$(uname -m).tar.gz"
