"""Every file-system location in one place, for the source tree and the PyInstaller bundle
alike. Tests and portable installs override with MOTCUA_HOME / MOTCUA_DB / MOTCUA_RESOURCES."""

from __future__ import annotations

import os
import sys
from pathlib import Path

APP_NAME = "motcua-desk"
DB_FILE = "motcua.sqlite3"


def user_data_dir() -> Path:
    """Where the desk keeps its database, backups and logs."""
    home = os.environ.get("MOTCUA_HOME")
    if home:
        return Path(home)
    from platformdirs import user_data_path

    return user_data_path(APP_NAME, appauthor=False)


def default_db_path() -> Path:
    env = os.environ.get("MOTCUA_DB")
    return Path(env) if env else user_data_dir() / DB_FILE


def backup_dir(db_path: Path | None = None) -> Path:
    return (db_path.parent if db_path else user_data_dir()) / "backups"


def hub_store_path() -> Path:
    """The hub's SQLite store when no --store URL is given (env MOTCUA_HUB_STORE)."""
    env = os.environ.get("MOTCUA_HUB_STORE")
    return Path(env) if env else user_data_dir() / "hub.sqlite3"


def log_dir() -> Path:
    return user_data_dir() / "logs"


def log_file() -> Path:
    return log_dir() / "motcua-desk.log"


def resources_dir() -> Path:
    env = os.environ.get("MOTCUA_RESOURCES")
    if env:
        return Path(env)
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle:
        return Path(bundle) / "resources"
    return Path(__file__).resolve().parent.parent / "resources"


def fonts_dir() -> Path:
    return resources_dir() / "fonts"


def catalog_dir() -> Path:
    return resources_dir() / "catalog"


def translations_dir() -> Path:
    return resources_dir() / "i18n"


def icons_dir() -> Path:
    return resources_dir() / "icons"
