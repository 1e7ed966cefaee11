"""The desk's book of files to move with the hub: which of its own files the hub may still
lack (to send), and which of the other desks' files it lacks (to fetch). Read from the log past
a stable cursor (its own events' sequence numbers, store.blob_reads) and noted by the pull
in the transaction that applies the other desks' events, kept with what is still outstanding
in the settings, so a round cut off anywhere starts again where it was. The transfer itself
is sync's (sync/file_transfer.py); this holds no HTTP."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from motcua_desk.domain.events import Event, EventType
from motcua_desk.services.base import ServiceBase
from motcua_desk.store.blobs import BlobStore, files_dir

PUSH_CURSOR = "files.push_seq"
TO_PUSH = "files.to_push"
TO_FETCH = "files.to_fetch"
PROBLEMS = "files.problems"


@dataclass(frozen=True)
class FilesDue:
    push: dict[str, int]  # sha256 -> size
    fetch: dict[str, int]


class FileSyncBook(ServiceBase):
    def __init__(self, store, clock) -> None:
        super().__init__(store, clock)
        self.blobs = BlobStore(files_dir(Path(store.path)))

    @classmethod
    def from_services(cls, services) -> FileSyncBook:
        return cls(services._store, services.clock)

    def due(self) -> FilesDue:
        """What is outstanding, after reading the log's new file references into the book."""
        with self.writing() as db:
            desk = db.desk()
            if desk is None:
                return FilesDue({}, {})
            node = desk.node_id
            push = dict(db.settings.get(TO_PUSH) or {})
            fetch = dict(db.settings.get(TO_FETCH) or {})
            seq = start = int(db.settings.get(PUSH_CURSOR) or 0)
            while True:
                last, refs = db.files.own_after(node, seq)
                push.update(refs)
                if last == seq:
                    break
                seq = last
            if seq != start:
                db.settings.set(TO_PUSH, push)
                db.settings.set(PUSH_CURSOR, seq)
        return FilesDue(push, fetch)

    def recheck(self) -> int:
        """Put back on the book of files to fetch every file the log names that is gone from
        this desk's files folder (deleted, a disk that lost it, a folder restored from an
        older backup): the hub may hold it, and the next files round fetches it. Returns how
        many were put back. The sync engine asks once in its life (a stat per file)."""
        with self.reading() as db:
            refs = db.files.every()
        gone = {sha: size for sha, size in refs.items() if not self.blobs.has(sha)}
        if not gone:
            return 0
        with self.writing() as db:
            fetch = dict(db.settings.get(TO_FETCH) or {})
            new = {sha: size for sha, size in gone.items() if sha not in fetch}
            if new:
                fetch.update(new)
                db.settings.set(TO_FETCH, fetch)
        return len(new)

    def settle(self, sent: set[str], fetched: set[str], problems: dict[str, str]) -> None:
        """Take what was moved off the book; keep the problems (sha → missing | corrupt |
        not_on_hub | …) for the sync status."""
        with self.writing() as db:
            push = {k: v for k, v in (db.settings.get(TO_PUSH) or {}).items() if k not in sent}
            fetch = {k: v for k, v in (db.settings.get(TO_FETCH) or {}).items() if k not in fetched}
            db.settings.set(TO_PUSH, push)
            db.settings.set(TO_FETCH, fetch)
            db.settings.set(PROBLEMS, problems)


def note_pulled_files(db, events: Sequence[Event]) -> None:
    """Put the files that pulled digitised events name on the book of files to fetch (called
    inside the pull's unit of work: the event and its note are committed together)."""
    refs = {
        f["sha256"]: f.get("size", 0) if type(f.get("size")) is int else 0
        for ev in events
        if ev.type == EventType.DIGITISED
        for f in ev.payload.get("files", ())
        if isinstance(f, dict) and isinstance(f.get("sha256"), str)
    }
    if refs:
        fetch = dict(db.settings.get(TO_FETCH) or {})
        fetch.update(refs)
        db.settings.set(TO_FETCH, fetch)
