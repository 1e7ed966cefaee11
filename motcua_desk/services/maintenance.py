"""Care of the database file itself: online backups."""

from __future__ import annotations

import sqlite3
from datetime import UTC
from pathlib import Path

from motcua_desk import paths
from motcua_desk.domain.errors import ValidationError
from motcua_desk.services.base import ServiceBase
from motcua_desk.store.migrate import backup_database


class MaintenanceService(ServiceBase):
    def backup(self, dest: Path | None = None) -> Path:
        """A consistent copy through SQLite's online backup API, safe while the desk works.
        Never overwrites a file; default: backups/ beside the database, stamped in UTC."""
        if dest is None:
            stamp = self.clock().astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")
            dest = paths.backup_dir(self.store.path) / f"{self.store.path.stem}-{stamp}.sqlite3"
        dest = Path(dest)
        if dest.exists():
            raise ValidationError("out", f"{dest} already exists", code="exists")
        try:
            return backup_database(self.store.path, dest)
        except (OSError, sqlite3.Error) as err:
            dest.unlink(missing_ok=True)
            raise ValidationError("out", f"cannot write {dest}: {err}", code="unwritable") from err

