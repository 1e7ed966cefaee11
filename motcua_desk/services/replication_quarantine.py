"""Pulled events the desk keeps aside (quarantined, or applied but listed for a wrong clock),
and this desk's events the hub refused. Part of ReplicationService (`services/replication.py`)."""

from __future__ import annotations

import json
import logging
from collections.abc import Sequence
from datetime import UTC, datetime

from motcua_desk.domain.errors import ValidationError
from motcua_desk.domain.events import Event
from motcua_desk.services.base import ServiceBase, UnitOfWork
from motcua_desk.services.replication_terms import (
    MAX_BODY_CHARS,
    MAX_QUARANTINE,
    QUARANTINE_ADVICE,
    QUARANTINE_REASONS,
    REJECTED,
    RETRYABLE,
    QuarantineView,
    Unparsed,
)
from motcua_desk.store import replication_repo, repo
from motcua_desk.store.replication_repo import QuarantineEntry

log = logging.getLogger("motcua.sync")


class Quarantine(ServiceBase):
    """The quarantine table and the hub's refusals."""

    def _retryable_waiting(self) -> bool:
        with self.store.read() as session:
            return replication_repo.waiting_count(session, RETRYABLE) > 0

    @staticmethod
    def _retryables(uow: UnitOfWork, limit: int = 2000) -> list[tuple[Event, int | None]]:
        return replication_repo.waiting_events(uow.session, RETRYABLE, limit)

    @staticmethod
    def _quarantine(
        uow: UnitOfWork,
        now: datetime,
        quarantined: list[tuple],
        listed: list[tuple],
        unparsed: Sequence[Unparsed],
        applied_ids: list[str],
    ) -> None:
        session = uow.session
        if applied_ids:
            replication_repo.release_applied(session, applied_ids)
        rows = []
        for (ev, hub_seq, why, detail), applied in [(q, False) for q in quarantined] + [
            (q, True) for q in listed
        ]:
            body = replication_repo.quarantine_body(ev)
            rows.append(
                QuarantineEntry(
                    ev.id,
                    hub_seq,
                    ev.node_id,
                    ev.seq,
                    ev.dossier_id,
                    str(ev.type)[:32],
                    ev.hash[:64],
                    why,
                    detail[:500],
                    body[:MAX_BODY_CHARS],
                    applied,
                )
            )
        for u in unparsed:
            key = u.event_id or f"hub_seq:{u.hub_seq}"
            rows.append(
                QuarantineEntry(
                    key[:64],
                    u.hub_seq,
                    "",
                    None,
                    "",
                    "",
                    "",
                    u.reason,
                    u.detail[:500],
                    u.raw[:MAX_BODY_CHARS],
                    False,
                )
            )
        if not rows:
            return
        held = replication_repo.quarantine_size(session)
        if held >= MAX_QUARANTINE:
            log.error("sync: the quarantine is full (%d); not kept: %s", held, [r[0] for r in rows])
            return
        replication_repo.keep_quarantined(session, rows, now)

    def quarantined(self, include_acknowledged: bool = False) -> list[QuarantineView]:
        """The pulled events this desk keeps aside (and those applied with a wrong clock)."""
        with self.store.read() as session:
            rows = replication_repo.quarantined_with_codes(session, include_acknowledged)
        out = []
        for q, code in rows:
            officer, occurred = "", None
            try:
                body = json.loads(q.body) if q.body else {}
                officer = str(body.get("officer", ""))[:100] if isinstance(body, dict) else ""
                occurred = datetime.fromisoformat(body["occurred_at"]).astimezone(UTC)
            except (ValueError, KeyError, TypeError, OverflowError, AttributeError):
                occurred = None
            what = QUARANTINE_REASONS.get(q.reason, q.reason)
            todo = QUARANTINE_ADVICE.get(q.reason, QUARANTINE_ADVICE["invalid_event"])
            out.append(
                QuarantineView(
                    q.event_id,
                    q.dossier_id,
                    code or "",
                    q.event_type,
                    q.node_id,
                    officer,
                    occurred,
                    "",
                    q.reason,
                    q.detail,
                    q.applied,
                    q.hub_seq,
                    q.seq,
                    f"pulled event {'listed' if q.applied else 'quarantined'}: {what}"
                    f"{' (' + q.detail + ')' if q.detail else ''}. What to do: {todo}",
                )
            )
        return out

    def acknowledge_quarantined(self, event_id: str) -> None:
        """Mark a quarantined event seen (it stays kept; a retryable one is still retried)."""
        with self.store.write() as session:
            if not replication_repo.acknowledge_quarantined(session, event_id):
                raise ValidationError(
                    "event_id", f"no quarantined event {event_id!r}", code="unknown_conflict"
                )

    def rejected(self) -> dict[str, str]:
        """This desk's events the hub refused, by id: the reason code."""
        with self.store.read() as session:
            return dict(repo.get_setting(session, REJECTED, {}) or {})
