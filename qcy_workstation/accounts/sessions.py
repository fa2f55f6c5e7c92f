"""Where the CLI (and a screenshot run) keep their session tokens: one per store, in the user's config folder, owner-only.

``QCY_TOKEN`` in the environment takes precedence (scripts, CI); ``QCY_CONFIG_DIR`` moves the folder
(tests). The file holds the token itself (the store keeps only its SHA-256) and its expiry; it is written
to a temporary file with mode 0600 and moved into place.
"""

from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path
from typing import Any

APP_NAME = "qcy-workstation"


def sessions_file() -> Path:
    base = os.environ.get("QCY_CONFIG_DIR")
    if not base:
        import platformdirs

        base = platformdirs.user_config_dir(APP_NAME, appauthor=False)
    return Path(base) / "sessions.json"


def _read() -> dict[str, Any]:
    path = sessions_file()
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def _write(data: dict[str, Any]) -> None:
    path = sessions_file()
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".sessions-", suffix=".part")
    try:
        os.fchmod(fd, 0o600) if hasattr(os, "fchmod") else None
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            json.dump(data, fh, ensure_ascii=False, indent=1)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    if os.name == "posix":
        path.chmod(0o600)


def token_for(store_url: str) -> str | None:
    """The token to use with the store at ``store_url``: ``$QCY_TOKEN``, else the saved one."""
    env = os.environ.get("QCY_TOKEN")
    if env:
        return env.strip()
    entry = _read().get(store_url)
    return str(entry.get("token")) if isinstance(entry, dict) and entry.get("token") else None


def save(store_url: str, token: str, login: str, expires: str) -> Path:
    data = _read()
    data[store_url] = {"token": token, "login": login, "expires": expires}
    _write(data)
    return sessions_file()


def forget(store_url: str) -> str | None:
    data = _read()
    entry = data.pop(store_url, None)
    _write(data)
    return str(entry.get("token")) if isinstance(entry, dict) else None
