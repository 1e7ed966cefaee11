"""Where the desk keeps its hub token: never in the desk database.

A copy of the desk database alone must not let anyone sync as this desk. The token goes to
the operating system's keyring (Windows Credential Manager, macOS Keychain, the Secret Service
of a Linux desktop) through the `keyring` package when a real backend is there; otherwise to
a file readable by this user only: `secrets/hub-token-<node id>` in the user data directory,
mode 0600 in a 0700 folder on Linux and macOS (on Windows the user data directory is under the
user's own profile, %LOCALAPPDATA%, which other users cannot read). The entry is named after
the desk's node id, so two desk databases of one user never share a token.

`MOTCUA_TOKEN_STORE=file` forces the file (a portable install on a USB stick, tests);
`PYTHON_KEYRING_BACKEND` chooses the keyring backend as the keyring package documents.
"""

from __future__ import annotations

import logging
import os
import sys
import tempfile
from pathlib import Path

from motcua_desk import paths

log = logging.getLogger("motcua.sync")

KEYRING_SERVICE = "motcua-desk"
KEYRING = "keyring"
FILE = "file"


def _entry(node_id: str) -> str:
    return f"hub-token-{node_id}"


def secrets_dir() -> Path:
    return paths.user_data_dir() / "secrets"


def _keyring():
    """The keyring module when a real backend is available, else None."""
    if os.environ.get("MOTCUA_TOKEN_STORE", "").strip().lower() == FILE:
        return None
    try:
        import keyring
        from keyring.backends import fail
    except ImportError:
        return None
    try:
        backend = keyring.get_keyring()
    except Exception:
        log.warning("the keyring could not be opened; the hub token goes to a file", exc_info=True)
        return None
    if isinstance(backend, fail.Keyring) or getattr(backend, "priority", 0) <= 0:
        return None
    if getattr(backend, "backends", None) == []:  # a chainer with nothing in it
        return None
    return keyring


def store_token(node_id: str, token: str) -> str:
    """Keep `token` for this desk; returns where (KEYRING or FILE)."""
    kr = _keyring()
    if kr is not None:
        try:
            kr.set_password(KEYRING_SERVICE, _entry(node_id), token)
            _remove_file(node_id)
            return KEYRING
        except Exception:
            log.warning("the keyring refused the hub token; it goes to a file", exc_info=True)
    _write_file(node_id, token)
    return FILE


def load_token(node_id: str, where: str | None = None) -> str:
    """The desk's token ('' when none is kept). Looks where it was put, then elsewhere."""
    order = [KEYRING, FILE] if where != FILE else [FILE, KEYRING]
    for place in order:
        if place == KEYRING:
            kr = _keyring()
            if kr is None:
                continue
            try:
                value = kr.get_password(KEYRING_SERVICE, _entry(node_id))
            except Exception:
                log.warning("the keyring could not be read", exc_info=True)
                continue
            if value:
                return value
        else:
            path = secrets_dir() / _entry(node_id)
            try:
                value = path.read_text("utf-8").strip()
            except FileNotFoundError:
                continue
            except OSError as err:
                log.warning("cannot read %s: %s", path, err)
                continue
            if value:
                return value
    return ""


def forget_token(node_id: str) -> None:
    kr = _keyring()
    if kr is not None:
        try:
            kr.delete_password(KEYRING_SERVICE, _entry(node_id))
        except Exception:  # noqa: BLE001 - nothing kept there
            pass
    _remove_file(node_id)


def token_file(node_id: str) -> Path:
    return secrets_dir() / _entry(node_id)


def _write_file(node_id: str, token: str) -> None:
    directory = secrets_dir()
    directory.mkdir(parents=True, exist_ok=True)
    if sys.platform != "win32":
        os.chmod(directory, 0o700)
    fd, tmp = tempfile.mkstemp(prefix=".hub-token-", dir=directory)  # created 0600
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fh.write(token)
            fh.flush()
            os.fsync(fh.fileno())
        if sys.platform != "win32":
            os.chmod(tmp, 0o600)
        os.replace(tmp, token_file(node_id))
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _remove_file(node_id: str) -> None:
    try:
        token_file(node_id).unlink(missing_ok=True)
    except OSError:
        log.warning("cannot remove %s", token_file(node_id))
