"""The hub's storage: SQLAlchemy over an SQLite file (one office) or PostgreSQL (by URL).

Tables (schema managed by Alembic, scripts in `motcua_desk/sync/hub_migrations/`, version
table `hub_alembic_version`):

- `hub_desks`: the desks allowed to sync: name, desk number (unique: the code partition), the
  SHA-256 of its token, the node (desk installation) bound to it on first use.
- `hub_events`: every event once (primary key: the event id), its canonical JSON, and
  `hub_seq`, the hub's sequence that pull cursors follow.
- `hub_counters`: the `events` row holds the last hub_seq given out.
- `hub_reference`: published reference data sets (catalog, departments, calendar) by version.

Why a pull cursor can never skip an event that commits late: a push locks the `events`
counter row (`SELECT … FOR UPDATE` on PostgreSQL; the whole database under SQLite's
`BEGIN IMMEDIATE`) *before* it picks numbers, and holds the lock until it commits. So pushes
commit one after the other in the order of their numbers: when a reader can see hub_seq n, every
number below n is already committed or was never used (a rolled-back push also rolls the counter
back, so numbers have no holes either).

The engine and the schema's migrations are sync.hub_engine's, the desk registry (tokens,
binding) sync.hub_desks's; their names are importable from here too.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import case, func, null, select
from sqlalchemy.exc import IntegrityError

from motcua_desk.domain.events import GENESIS_HASH, Event
from motcua_desk.store.engine import SessionScopes
from motcua_desk.store.types import utc_text
from motcua_desk.sync import protocol
from motcua_desk.sync.hub_desks import HubDesks, hash_token, new_token  # noqa: F401 - re-exported
from motcua_desk.sync.hub_engine import (  # noqa: F401 - re-exported
    HUB_APPLICATION_ID,
    MIGRATIONS,
    VERSION_TABLE,
    HubStoreError,
    _check_sqlite_file,
    _make_engine,
    migrate,
)
from motcua_desk.sync.hub_models import (  # noqa: F401 - imported from here too
    EVENT_COLUMNS,
    DeskInfo,
    HubCounter,
    HubDesk,
    HubEvent,
    HubReference,
    PullPage,
    desk_info,
)
from motcua_desk.sync.protocol import ACCEPTED, DUPLICATE, REJECTED, Incoming, PushResult

log = logging.getLogger("motcua.hub")

EVENTS_COUNTER = "events"
INSTANCE_COUNTER = "instance"  # a random number naming this hub store, made on first use
_IN_CHUNK = 500  # ids in one IN (…) list: within every SQLite's limit of bound parameters


# --- the store ------------------------------------------------------------------------------


def utcnow() -> datetime:
    return datetime.now(UTC)


class HubStore(HubDesks, SessionScopes):
    """The hub's data, safe to use from many threads (one session per call; the sessions are
    made as the desk's are, store.engine.SessionScopes)."""

    def __init__(
        self,
        url: str,
        *,
        clock=utcnow,
        migrate_schema: bool = True,
        max_clock_ahead_ms: int = protocol.DEFAULT_MAX_CLOCK_AHEAD_MIN * 60_000,
    ) -> None:
        self.url = protocol.hub_store_url(url)
        # An event whose hybrid clock is further ahead of the hub's clock than this is refused
        # (clock_ahead, retryable): one desk with a clock in 2099 must not drag the office's.
        self.max_clock_ahead_ms = max_clock_ahead_ms
        _check_sqlite_file(self.url)
        self.engine = _make_engine(self.url)
        self.clock = clock
        self.dialect = self.engine.dialect.name
        try:
            if migrate_schema:
                migrate(self.engine)
        except BaseException:
            self.engine.dispose()
            raise
        # Called inside a push's transaction, after its inserts and before its commit, with the
        # ids it stored (None in production; tests use it to hold a commit back).
        self.before_commit: Callable[[list[str]], None] | None = None
        self._open_sessions()

    # --- events -----------------------------------------------------------------------------
    def push(self, desk: DeskInfo, events: Sequence[Event | Incoming]) -> list[PushResult]:
        """Store each event once; answer per event. All of one push commits together."""
        if not events:
            return []
        # CPU work (hashes, stored JSON) before the lock is taken.
        events = [e if isinstance(e, Incoming) else protocol.incoming_from_event(e) for e in events]
        # An event refused by its schema is answered alone; it has no say in whose batch it is.
        nodes = {ev.node_id for ev in events if ev.problem != "invalid_event" or ev.node_id}
        node = next(iter(nodes)) if nodes else desk.node_id
        if len(nodes) > 1 or (desk.node_id is not None and node != desk.node_id):
            raise protocol.ProtocolError(
                "foreign_node",
                "a desk may push only its own events (this batch holds events "
                "of another desk installation)",
            )
        now = self.clock()
        latest_wall = int(now.timestamp() * 1000) + self.max_clock_ahead_ms
        stored_at = utc_text(now)
        results: list[PushResult] = []
        # The reads and writes of the events go straight to the driver (plain tuples): the
        # ORM's per-statement and per-row work cost more than the database's.
        mark = "?" if self.dialect == "sqlite" else "%s"
        lock = "" if self.dialect == "sqlite" else " FOR UPDATE"
        try:
            with self.write() as session:
                sql = session.connection().exec_driver_sql
                # The counter's lock first (SQLite: the whole database, BEGIN IMMEDIATE).
                next_seq = sql(
                    f"SELECT value FROM hub_counters WHERE name = {mark}{lock}",
                    (EVENTS_COUNTER,),
                ).scalar_one()
                row = session.get(HubDesk, desk.id)
                if row is None or not row.active:
                    raise protocol.ProtocolError("desk_disabled", "this desk has been disabled")
                if node is not None:
                    self._bind(session, row, node)
                row.last_seen_at = now
                session.flush()  # the desk's row (a binding race fails here, as before)
                # What the hub already holds, read under the lock (so up to date).
                have: dict[str, tuple[str, int]] = {}
                ids = list(dict.fromkeys(ev.id for ev in events))
                for i in range(0, len(ids), _IN_CHUNK):
                    part = ids[i : i + _IN_CHUNK]
                    for id_, hash_, hub_seq in sql(
                        "SELECT id, hash, hub_seq FROM hub_events "
                        f"WHERE id IN ({', '.join([mark] * len(part))})",
                        tuple(part),
                    ).all():
                        have[id_] = (hash_, hub_seq)
                # The node's chain around the events that may be stored (none: a re-push).
                seqs = [ev.seq for ev in events if ev.problem is None and ev.id not in have]
                chain: dict[int, tuple[str, str, str]] = {}
                head = (0, GENESIS_HASH)
                if seqs:
                    chain = {
                        seq: (id_, hash_, prev)
                        for seq, id_, hash_, prev in sql(
                            "SELECT seq, id, hash, prev_hash FROM hub_events "
                            f"WHERE node_id = {mark} AND seq >= {mark} AND seq <= {mark}",
                            (node, min(seqs) - 1, max(seqs) + 1),
                        ).all()
                    }
                    top = sql(
                        f"SELECT seq, hash FROM hub_events WHERE node_id = {mark} "
                        "ORDER BY seq DESC LIMIT 1",
                        (node,),
                    ).first()
                    if top is not None:
                        head = (top[0], top[1])
                rows: list[tuple] = []
                for ev in events:
                    known = have.get(ev.id)
                    if known is not None:
                        if known[0] == ev.hash:
                            results.append(PushResult(ev.id, DUPLICATE, known[1]))
                        else:
                            results.append(PushResult(ev.id, REJECTED, reason="id_conflict"))
                        continue
                    if ev.problem == "invalid_event":
                        results.append(
                            PushResult(ev.id, REJECTED, reason=ev.problem, detail=ev.detail)
                        )
                        continue
                    reason = (
                        ev.problem
                        or self._chain_problem(ev, chain, head)
                        or ("clock_ahead" if ev.hlc >> 16 > latest_wall else None)
                    )
                    if reason:
                        results.append(PushResult(ev.id, REJECTED, reason=reason))
                        continue
                    next_seq += 1
                    have[ev.id] = (ev.hash, next_seq)
                    chain[ev.seq] = (ev.id, ev.hash, ev.prev_hash)
                    if ev.seq > head[0]:
                        head = (ev.seq, ev.hash)
                    rows.append(
                        (
                            ev.id,
                            next_seq,
                            ev.node_id,
                            ev.seq,
                            ev.dossier_id,
                            ev.hlc,
                            ev.type,
                            ev.hash,
                            ev.prev_hash,
                            ev.body,
                            desk.id,
                            stored_at,
                        )
                    )
                    results.append(PushResult(ev.id, ACCEPTED, next_seq))
                if rows:
                    sql(
                        f"INSERT INTO hub_events ({', '.join(EVENT_COLUMNS)}) "
                        f"VALUES ({', '.join([mark] * len(EVENT_COLUMNS))})",
                        rows,
                    )
                    sql(
                        f"UPDATE hub_counters SET value = {mark} WHERE name = {mark}",
                        (next_seq, EVENTS_COUNTER),
                    )
                if self.before_commit is not None:
                    self.before_commit([r[0] for r in rows])
        except IntegrityError as err:  # only a binding race can get here: retryable
            raise protocol.ProtocolError(
                "node_mismatch", f"could not bind the desk: {err.orig}"
            ) from err
        return results

    @staticmethod
    def _chain_problem(
        ev: Incoming, chain: dict[int, tuple[str, str, str]], head: tuple[int, str]
    ) -> str | None:
        """Why `ev` may not be stored after what the hub holds of its node, or None. The chain
        rule: an event is stored only when it links to its node's previous event: seq = the
        node's head + 1 and prev_hash = that event's hash (seq 1: the genesis hash). A gap
        waits ("gap", retryable), it is never filled by whoever claims it. Below the head (a
        hole left by a hub from before this rule) an event is taken only when it links on
        both sides."""
        same = chain.get(ev.seq)
        if same is not None and same[0] != ev.id:
            return "seq_conflict"
        if ev.seq == 1 and ev.prev_hash != GENESIS_HASH:
            return "chain_mismatch"
        head_seq, head_hash = head
        if ev.seq > head_seq + 1:
            return "gap"
        if ev.seq == head_seq + 1:
            return None if ev.prev_hash == head_hash else "chain_mismatch"
        before, after = chain.get(ev.seq - 1), chain.get(ev.seq + 1)
        if ev.seq > 1 and before is None:
            return "gap"
        if before is not None and before[1] != ev.prev_hash:
            return "chain_mismatch"
        if after is not None and after[2] != ev.hash:
            return "chain_mismatch"
        return None

    def pull(self, after: int, limit: int, *, exclude_node: str | None = None) -> PullPage:
        """Events with hub_seq > after, in order; a desk's own events are left out of the
        answer (it has them) but the cursor moves past them."""
        # The desk's own rows come without their body (NULL: a stored body never is): the
        # cursor passes them, and the hub does not read out what it would throw away.
        body = HubEvent.body
        if exclude_node is not None:
            body = case((HubEvent.node_id == exclude_node, null()), else_=HubEvent.body)
        with self.read() as session:
            rows = session.execute(
                select(HubEvent.hub_seq, body)
                .where(HubEvent.hub_seq > after)
                .order_by(HubEvent.hub_seq)
                .limit(limit)
            ).all()
        items = [(n, text) for n, text in rows if text is not None]
        return PullPage(items, rows[-1][0] if rows else after, len(rows) == limit)

    def own(self, node_id: str, after_seq: int, limit: int) -> PullPage:
        """A desk's own events with seq > after_seq, in chain order (uq_hub_events_node_seq
        serves it): what a desk restored from an older backup takes back before it records
        anything new. The cursor of this page is a node seq, not a hub_seq."""
        with self.read() as session:
            rows = session.execute(
                select(HubEvent.hub_seq, HubEvent.seq, HubEvent.body)
                .where(HubEvent.node_id == node_id, HubEvent.seq > after_seq)
                .order_by(HubEvent.seq)
                .limit(limit)
            ).all()
        return PullPage(
            [(r.hub_seq, r.body) for r in rows],
            rows[-1].seq if rows else after_seq,
            len(rows) == limit,
        )

    def instance_id(self) -> str:
        """This store's identity. A desk that finds another identity than the one it synced
        with (a hub reinstalled, another office's hub) starts over: it pushes all its events
        again and pulls from the beginning, so nothing is skipped."""
        cached = getattr(self, "_instance", None)
        if cached:
            return cached
        with self.read() as session:
            value = session.scalar(
                select(HubCounter.value).where(HubCounter.name == INSTANCE_COUNTER)
            )
        if value is None:
            import secrets

            try:
                with self.write() as session:
                    session.add(HubCounter(name=INSTANCE_COUNTER, value=secrets.randbits(62) or 1))
            except IntegrityError:  # another request made it first
                pass
            with self.read() as session:
                value = session.scalar(
                    select(HubCounter.value).where(HubCounter.name == INSTANCE_COUNTER)
                )
        self._instance = f"{value:016x}"
        return self._instance

    def head(self) -> int:
        with self.read() as session:
            return (
                session.scalar(select(HubCounter.value).where(HubCounter.name == EVENTS_COUNTER))
                or 0
            )

    def event_count(self) -> int:
        with self.read() as session:
            return session.scalar(select(func.count()).select_from(HubEvent)) or 0

    # --- reference data ---------------------------------------------------------------------
    def publish(self, kind: str, data: Any, source: str = "") -> int:
        """Store a new version of a reference data set; returns its version number. The same
        content as the newest version is not stored again."""
        if kind not in protocol.REFERENCE_KINDS:
            raise HubStoreError(f"unknown reference data kind {kind!r}", code="reference_kind")
        text = protocol.canonical_json(data)
        if len(text.encode("utf-8")) > protocol.MAX_REFERENCE_BYTES:
            raise HubStoreError("the reference data set is too large", code="reference_size")
        with self.write() as session:
            latest = session.scalar(
                select(HubReference)
                .where(HubReference.kind == kind)
                .order_by(HubReference.version.desc())
                .limit(1)
            )
            if latest is not None and latest.data == text:
                return latest.version
            version = (latest.version if latest else 0) + 1
            session.add(
                HubReference(
                    kind=kind,
                    version=version,
                    data=text,
                    published_at=self.clock(),
                    source=source[:300],
                )
            )
            return version

    def reference_versions(self) -> dict[str, int]:
        with self.read() as session:
            rows = session.execute(
                select(HubReference.kind, func.max(HubReference.version)).group_by(
                    HubReference.kind
                )
            ).all()
        return {kind: version for kind, version in rows}

    def reference_since(self, have: dict[str, int]) -> dict[str, tuple[int, str]]:
        """For each kind whose newest version is above what the desk has: (version, JSON)."""
        out: dict[str, tuple[int, str]] = {}
        with self.read() as session:
            for kind in protocol.REFERENCE_KINDS:
                row = session.scalar(
                    select(HubReference)
                    .where(HubReference.kind == kind)
                    .order_by(HubReference.version.desc())
                    .limit(1)
                )
                if row is not None and row.version > have.get(kind, 0):
                    out[kind] = (row.version, row.data)
        return out
