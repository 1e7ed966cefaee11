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
)
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
            "break_count": self.break_count,
            "breaks": [b.to_dict() for b in self.breaks],
            "seconds": round(self.seconds, 3),
        }
