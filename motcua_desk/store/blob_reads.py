"""Which files (digitised papers) this desk's own events name, read past a cursor on their
sequence numbers (what it must send to the hub). The cursor is a stable number of the log, so
a file is never skipped, whatever happens between two rounds. (The other desks' files to fetch
are noted by the pull itself: services.file_sync.note_pulled_files.)"""

from __future__ import annotations

import json
from typing import Any

from sqlalchemy.orm import Session

FileRef = tuple[str, int]  # (sha256, size)


def _files(payload: Any) -> list[FileRef]:
    if isinstance(payload, str):
        try:
            payload = json.loads(payload)
        except ValueError:
            return []
    out = []
    for f in payload.get("files", ()) if isinstance(payload, dict) else ():
        if isinstance(f, dict) and isinstance(f.get("sha256"), str):
            size = f.get("size")
            out.append((f["sha256"], size if type(size) is int else 0))
    return out


def own_file_refs(
    session: Session, node_id: str, after_seq: int, limit: int = 1000
) -> tuple[int, list[FileRef]]:
    """(the last seq read, the files named) of this desk's digitised events past `after_seq`."""
    rows = (
        session.connection()
        .exec_driver_sql(
            # by the unique index on (node_id, seq): only the events since the cursor are read
            # ("+type" keeps SQLite off the type index, which would read every digitised event)
            "SELECT seq, payload_text(payload) FROM events "
            "WHERE node_id = uuid_blob(?) AND seq > ? "
            "AND +type = 'digitised' ORDER BY seq LIMIT ?",
            (node_id, after_seq, limit),
        )
        .all()
    )
    last = rows[-1][0] if rows else after_seq
    return last, [ref for _seq, payload in rows for ref in _files(payload)]


def every_file_ref(session: Session) -> dict[str, int]:
    """sha256 -> size of every file any desk's digitised events name (through the index on
    (type, occurred_at): only the digitised events are read)."""
    rows = (
        session.connection()
        .exec_driver_sql("SELECT payload_text(payload) FROM events WHERE type = 'digitised'")
        .all()
    )
    return {sha: size for (payload,) in rows for sha, size in _files(payload)}


class FileRefs:
    """The repository of the files the log names (see the module docstring)."""

    def __init__(self, session: Session) -> None:
        self._session = session

    def own_after(self, node_id: str, after_seq: int, limit: int = 1000):
        return own_file_refs(self._session, node_id, after_seq, limit)

    def every(self) -> dict[str, int]:
        return every_file_ref(self._session)
