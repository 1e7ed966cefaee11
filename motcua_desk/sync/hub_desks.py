"""The desks a hub lets sync: registration, tokens (only their SHA-256 kept), authentication,
and the binding of a desk installation (node) to its registration on first use. A part of
sync.hubstore.HubStore (its sessions, clock and errors)."""

from __future__ import annotations

import hashlib
import hmac
import logging
import secrets

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from motcua_desk.sync import protocol
from motcua_desk.sync.hub_engine import HubStoreError
from motcua_desk.sync.hub_models import DeskInfo, HubDesk, HubEvent, desk_info

log = logging.getLogger("motcua.hub")


def new_token() -> str:
    """A desk token: 256 random bits, URL-safe, starting with a letter so that it is never
    taken for an option on a command line (`--token -x…`)."""
    return "mc" + secrets.token_urlsafe(32)


def hash_token(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


class HubDesks:
    """The desk registry of a hub store (mixed into HubStore: `read()`, `write()`, `clock`)."""

    def add_desk(self, name: str, desk_no: int) -> tuple[DeskInfo, str]:
        """Register a desk; returns it and its token (shown once: only its hash is kept)."""
        name = " ".join((name or "").split())
        if not name or len(name) > 100:
            raise HubStoreError("a desk needs a name of 1 to 100 characters", code="desk_name")
        if not isinstance(desk_no, int) or not 1 <= desk_no <= 99:
            raise HubStoreError("the desk number must be from 1 to 99", code="desk_no_range")
        token = new_token()
        with self.write() as session:
            if session.scalar(select(HubDesk).where(HubDesk.desk_no == desk_no)):
                raise HubStoreError(
                    f"desk number {desk_no} is already registered to another "
                    "desk: dossier codes would collide",
                    code="desk_no_taken",
                )
            if session.scalar(select(HubDesk).where(HubDesk.name == name)):
                raise HubStoreError(f"a desk named {name!r} already exists", code="desk_name_taken")
            row = HubDesk(
                name=name,
                desk_no=desk_no,
                token_hash=hash_token(token),
                node_id=None,
                agency_id="",
                active=True,
                created_at=self.clock(),
            )
            session.add(row)
            session.flush()
            return desk_info(row), token

    def rotate_token(self, name: str, *, unbind: bool = False) -> str:
        """A new token for a desk (the old one stops working at once). With unbind, the desk
        may be used from a new installation (a replaced PC)."""
        token = new_token()
        with self.write() as session:
            row = session.scalar(select(HubDesk).where(HubDesk.name == name))
            if row is None:
                raise HubStoreError(f"no desk named {name!r}", code="unknown_desk")
            row.token_hash = hash_token(token)
            if unbind:
                row.node_id = None
        return token

    def set_active(self, name: str, active: bool) -> None:
        with self.write() as session:
            row = session.scalar(select(HubDesk).where(HubDesk.name == name))
            if row is None:
                raise HubStoreError(f"no desk named {name!r}", code="unknown_desk")
            row.active = active

    def desks(self) -> list[DeskInfo]:
        with self.read() as session:
            # Counted per node: the (node_id, seq) unique index answers it without the table.
            counts = dict(
                session.execute(
                    select(HubEvent.node_id, func.count()).group_by(HubEvent.node_id)
                ).all()
            )
            rows = session.scalars(select(HubDesk).order_by(HubDesk.desk_no))
            return [desk_info(r, counts.get(r.node_id, 0)) for r in rows]

    def authenticate(self, token: str) -> DeskInfo | None:
        """The desk whose token this is, or None. The token is looked up by its SHA-256 and the
        stored hash compared in constant time."""
        if not token or len(token) > 200:
            return None
        digest = hash_token(token)
        with self.read() as session:
            row = session.scalar(select(HubDesk).where(HubDesk.token_hash == digest))
            if row is None or not hmac.compare_digest(row.token_hash, digest):
                return None
            return desk_info(row)

    def hello(
        self, desk: DeskInfo, node_id: str, desk_no: int, agency_id: str, skew_ms: int | None
    ) -> DeskInfo:
        """Check a desk installation against its registration and bind it on first use."""
        if desk_no != desk.desk_no:
            raise protocol.ProtocolError(
                "desk_no_mismatch",
                f"this token is registered for desk number {desk.desk_no}, "
                f"but the desk is set up as number {desk_no}: its dossier codes could collide "
                "with another desk's",
            )
        with self.write() as session:
            row = session.get(HubDesk, desk.id)
            self._bind(session, row, node_id)
            row.agency_id = agency_id[:30]
            row.last_seen_at = self.clock()
            row.last_skew_ms = skew_ms
            session.flush()
            return desk_info(row)

    def _bind(self, session: Session, row: HubDesk, node_id: str) -> None:
        if row.node_id is None:
            other = session.scalar(select(HubDesk.name).where(HubDesk.node_id == node_id))
            if other:
                raise protocol.ProtocolError(
                    "node_mismatch",
                    f"this desk installation is already registered as desk "
                    f"{other!r}; use that desk's token",
                )
            row.node_id = node_id
            log.info("desk %r bound to node %s", row.name, node_id)
        elif row.node_id != node_id:
            raise protocol.ProtocolError(
                "node_mismatch",
                f"this token belongs to another desk installation (node "
                f"{row.node_id[:8]}); ask the administrator for this desk's own token",
            )

    def node_head(self, node_id: str) -> int:
        with self.read() as session:
            return (
                session.scalar(select(func.max(HubEvent.seq)).where(HubEvent.node_id == node_id))
                or 0
            )
