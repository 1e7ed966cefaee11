"""What an integrity check finds: the breaks of a replica's hash chains and projections.

Shared by the desk's check (`motcua_desk.services.integrity`) and the hub's
(`motcua_desk.sync.hubverify`). Pure values; no I/O.

Kinds of break (`Break.kind`):

- `altered`: an event's stored content no longer gives its hash (the row was edited).
- `unreadable`: an event row that cannot be read back as an event at all (bad JSON, date…).
- `missing`: sequence numbers of a node are missing (rows deleted).
- `bad_start`: a node's first event is not seq 1 with the genesis prev_hash.
- `broken_link`: an event's prev_hash is not the hash of the node's previous event (one of
  the two was replaced, even with its hash recomputed).
- `head`: the desk's own chain does not end where the desk row says (last_seq/last_hash).
- `checkpoint`: an event verified earlier (the start-up check's checkpoint) changed or went.
- `projection`: a dossier's row in `dossiers` differs from a fresh fold of its events.
- `projection_orphan`: a dossier row with no events.
- `projection_missing`: events of a received dossier with no dossier row.
- `body_mismatch` (hub): an indexed column disagrees with the stored event body.
- `file_missing`, `file_corrupt`, `file_unreadable` (desk): a digitised paper's file that an
  event names is not in the files folder beside the database, no longer hashes to its name,
  or cannot be read.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

KINDS = (
    "altered",
    "unreadable",
    "missing",
    "bad_start",
    "broken_link",
    "head",
    "checkpoint",
    "projection",
    "projection_orphan",
    "projection_missing",
    "body_mismatch",
    "file_missing",
    "file_corrupt",
    "file_unreadable",
)
FILE_KINDS = ("file_missing", "file_corrupt", "file_unreadable")
FILE_ADVICE = "restore the files folder from a backup, or sync: the hub may hold it"

MAX_BREAKS_KEPT = 1000  # a wholly corrupted file must not fill the memory with reports


@dataclass(frozen=True)
class Break:
    kind: str
    detail: str  # one English sentence
    node_id: str = ""
    seq: int | None = None
    event_id: str = ""
    dossier_id: str = ""
    code: str = ""  # the dossier code, where known

    def to_dict(self) -> dict[str, Any]:
        return {
            "kind": self.kind,
            "node_id": self.node_id,
            "seq": self.seq,
            "event_id": self.event_id,
            "dossier_id": self.dossier_id,
            "code": self.code,
            "detail": self.detail,
        }

    @classmethod
    def of_file(cls, code: str, document: int, name: str, sha256: str, problem: str) -> Break:
        """A digitised paper's file that is missing, corrupt or unreadable (`document` counts
        from 0, as the events do; the sentence counts from 1, as the slip lists them)."""
        kind = problem.split(":", 1)[0].strip()
        kind = f"file_{kind}" if f"file_{kind}" in FILE_KINDS else "file_unreadable"
        return cls(
            kind,
            f"paper {document + 1} ({name}): its file {sha256[:12]}… is {problem}; {FILE_ADVICE}",
            code=code,
        )

    def line(self) -> str:
        """One line for the command line."""
        where = []
        if self.code:
            where.append(f"dossier {self.code}")
        if self.event_id:
            where.append(f"event {self.event_id}")
        if self.node_id:
            where.append(f"node {self.node_id}" + (f" seq {self.seq}" if self.seq else ""))
        return f"{self.kind}: {self.detail}" + (f" [{', '.join(where)}]" if where else "")


@dataclass
class BreakList:
    """Breaks as they are found, at most MAX_BREAKS_KEPT kept, all of them counted."""

    kept: list[Break] = field(default_factory=list)
    count: int = 0

    def add(self, brk: Break) -> None:
        self.count += 1
        if len(self.kept) < MAX_BREAKS_KEPT:
            self.kept.append(brk)


@dataclass(frozen=True)
class VerifyReport:
    scope: str  # "full" (everything) or "startup" (since the checkpoint, see the desk service)
    events: int  # events whose content was checked
    dossiers: int  # projections compared with a fold
    nodes: int  # chains checked
    breaks: tuple[Break, ...]
    break_count: int  # may exceed len(breaks) (only MAX_BREAKS_KEPT are kept)
    seconds: float
    files: int = 0  # digitised papers' files checked (the desk's full check)

    @property
    def file_breaks_only(self) -> bool:
        """Every break is a file's (the events and projections are intact)."""
        return (
            bool(self.breaks)
            and self.break_count == len(self.breaks)
            and all(b.kind in FILE_KINDS for b in self.breaks)
        )

    @property
    def ok(self) -> bool:
        return self.break_count == 0

    def to_dict(self) -> dict[str, Any]:
        return {
            "ok": self.ok,
            "scope": self.scope,
            "events": self.events,
            "dossiers": self.dossiers,
            "nodes": self.nodes,
            "files": self.files,
            "break_count": self.break_count,
            "breaks": [b.to_dict() for b in self.breaks],
            "seconds": round(self.seconds, 3),
        }
