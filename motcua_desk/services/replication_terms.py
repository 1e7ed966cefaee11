"""What the replication says: the settings keys it keeps its state under, the DTOs it returns,
why it quarantines a pulled event and what to do about each reason (and each reason the hub
gives for refusing one of this desk's events). No database and no network here.

Settings keys used (table `settings`): sync.cursor, sync.last_success, sync.rejected,
sync.reference, sync.hub, sync.hub_id, sync.skew_ms, sync.calendar_days, sync.code_clashes.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from motcua_desk.domain.errors import DomainError
from motcua_desk.domain.schema import DESK_CLOCK_MIN

CURSOR = "sync.cursor"
LAST_SUCCESS = "sync.last_success"
REJECTED = "sync.rejected"
REFERENCE = "sync.reference"
HUB = "sync.hub"
HUB_ID = "sync.hub_id"  # the identity of the hub this desk's cursor and acks refer to
SKEW = "sync.skew_ms"
CALENDAR_DAYS = "sync.calendar_days"
CODE_CLASHES = "sync.code_clashes"

MAX_REJECTIONS_KEPT = 1000


class SyncIntegrityError(DomainError):
    """Something came from the hub that cannot be true. No longer raised by apply_pulled (such
    an event is quarantined and the cursor moves on); kept for callers that name it."""

    code = "sync_integrity"


# Why a pulled event was quarantined (QuarantineRow.reason). Retryable ones are tried again at
# every pull (the missing predecessor may come, the desk's clock may catch up); "wrong_clock"
# events are applied and only listed.
QUARANTINE_REASONS = {
    "invalid_event": "it does not fit its type's schema",
    "unparseable": "the hub sent something that is not an event",
    "hash_mismatch": "its content does not match its hash (altered or damaged)",
    "hub_altered": "the hub served a different content for an event this desk already holds "
    "(the desk keeps its original)",
    "chain_broken": "it does not link to the previous event of its desk (prev_hash differs)",
    "chain_fork": "this desk already holds another event with the same desk sequence number",
    "gap": "the previous event of its desk has not arrived yet",
    "wrong_clock": "it was recorded with a clock before 2020 (applied; the times it shows are "
    "wrong)",
    "future_clock": "it was recorded with a clock more than a day ahead of this computer's "
    "(applied, without moving this desk's clock)",
}
RETRYABLE = frozenset(("gap",))
# A pulled clock more than a day ahead of this desk's is applied (the replicas converge) but
# not observed: it does not move the desk's hybrid clock, and it is listed. Less than that is
# observed as usual, so that what a desk with a slow clock does after seeing an event still
# folds after it (causal order). The hub refuses clocks more than 10 min ahead of its own, so
# only a hub with a wrong clock, or data from before that rule, can serve such an event.
FAR_FUTURE_MS = 24 * 3600 * 1000
PULL_CLOCK_AHEAD_MS = FAR_FUTURE_MS
MAX_QUARANTINE = 10_000  # rows kept; beyond, new problems are only logged


@dataclass(frozen=True)
class Unparsed:
    """A pulled item the client could not turn into an Event (or that failed its schema)."""

    hub_seq: int | None
    event_id: str  # "" when it has none
    raw: str  # the item's JSON as served, bounded
    reason: str  # unparseable | invalid_event
    detail: str


@dataclass(frozen=True)
class QuarantineView:
    """One quarantined (or applied-and-listed) pulled event, for the CLI and the window.
    Field names follow ConflictView so that both fit one list."""

    event_id: str
    dossier_id: str
    dossier_code: str
    event_type: str
    node_id: str
    officer: str
    occurred_at: datetime | None
    status: str
    reason: str
    detail: str
    applied: bool
    hub_seq: int | None
    seq: int | None
    description: str  # English, for the command line
    quarantine: bool = True


@dataclass(frozen=True)
class DeskIdentity:
    node_id: str
    desk_no: int
    agency_id: str
    last_seq: int


@dataclass(frozen=True)
class ApplyReport:
    received: int  # events in the batch
    inserted: int  # new here
    dossiers: int  # projections re-folded
    conflicts: int  # sync exceptions now open on those dossiers
    cursor: int
    codes: tuple[str, ...] = ()  # the codes of the dossiers re-folded (the window refreshes them)


@dataclass(frozen=True)
class TakeBack:
    taken: int  # own events the hub gave back
    moved: int  # events made here since the restore, moved after them
    conflicts: int
    last_seq: int


@dataclass(frozen=True)
class SyncCounts:
    unsent: int  # this desk's events the hub has not acknowledged
    rejected: int  # of those, refused by the hub (need IT)
    conflicts: int  # open sync exceptions
    last_success_at: datetime | None
    cursor: int
    skew_ms: int | None
    quarantined: int = 0  # of the sync exceptions, pulled events kept aside (see quarantined())


@dataclass(frozen=True)
class HubSettings:
    url: str
    token: str
    cafile: str = ""  # a CA certificate (PEM) to trust for an https hub with its own cert


QUARANTINE_ADVICE = {
    "invalid_event": "nothing to do at the desk (the event is kept aside, the others go on); "
    "IT: the desk that made it runs an old or altered program, check it",
    "unparseable": "IT: check the hub (its data or a proxy in between)",
    "hash_mismatch": "IT: the hub's copy of this event was altered or damaged: run "
    "'motcua-desk hub verify' and restore the hub from a backup",
    "hub_altered": "IT: the hub's copy of this event differs from the one this desk holds "
    "(kept): the hub's data was altered; run 'motcua-desk hub verify'",
    "chain_broken": "IT: the hub holds a chain that does not link (altered or forged "
    "events): run 'motcua-desk hub verify'",
    "chain_fork": "IT: two different events claim one place in a desk's chain (a desk "
    "restored from an old backup, or a forged event): run 'motcua-desk verify'",
    "gap": "nothing: it is applied by itself when the events before it arrive",
    "future_clock": "check this computer's clock and the clock of the desk that made it; the "
    "event is applied, its times are probably wrong",
    "wrong_clock": "the dossier is handled as usual; the times of this event are wrong. Set "
    "the clock of the desk that made it right",
}
# What to do about each reason the hub gives for refusing one of this desk's events.
REJECTION_ADVICE = {
    "gap": "nothing: it is sent again after the events before it",
    "clock_ahead": "set this computer's clock right; it is sent again and taken once the "
    "hub's clock reaches its time",
    "invalid_event": "IT: this desk's program wrote an event the hub refuses (run "
    "'motcua-desk verify'); the events after it wait",
    "hash_mismatch": "IT: this desk's copy of the event was altered: run 'motcua-desk verify'",
    "chain_mismatch": "IT: the event does not follow this desk's previous one on the hub "
    "(altered rows, or another installation with this desk's token)",
    "seq_conflict": "IT: the hub holds another event in this place of this desk's chain (was "
    "the desk restored from an old backup?)",
    "id_conflict": "IT: the hub holds another event with this id",
    "too_large": "IT: the event is larger than the hub accepts",
}
MAX_BODY_CHARS = 256 * 1024
DESK_MIN_WALL_MS = int(DESK_CLOCK_MIN.timestamp() * 1000)
