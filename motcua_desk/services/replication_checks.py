"""The replication's checks that need no database: a pulled event's schema and hash, its link to
its desk's previous event (given what this desk holds around it), a calendar override from the
hub, the CA file of an https hub.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import UTC, date, datetime
from typing import Any

from motcua_desk.domain import schema
from motcua_desk.domain.errors import ValidationError
from motcua_desk.domain.events import GENESIS_HASH, Event, sealed_fast
from motcua_desk.domain.text import nfc


def check_cafile(path: str) -> str:
    """An absolute path to a readable PEM CA certificate, or ValidationError (code cafile)."""
    import ssl
    from pathlib import Path

    text = (path or "").strip()
    if not text:
        return ""
    where = Path(text).expanduser()
    try:
        where = where.resolve()
        ssl.create_default_context(cafile=str(where))
    except FileNotFoundError as err:
        raise ValidationError(
            "cafile", f"the CA file {text} does not exist", code="cafile"
        ) from err
    except (OSError, ssl.SSLError, ValueError) as err:
        reason = getattr(err, "strerror", None) or "not a PEM certificate"
        raise ValidationError(
            "cafile", f"the CA file {text} cannot be used ({reason})", code="cafile"
        ) from err
    return str(where)


def calendar_override(item: Any) -> dict[str, str]:
    """One calendar override of a reference data set, validated: {day, kind, reason, legal_ref}."""
    if not isinstance(item, Mapping):
        raise ValidationError(
            "calendar", "a calendar override is not an object", code="file_schema"
        )
    try:
        day = date.fromisoformat(str(item.get("day") or item.get("date") or ""))
    except ValueError as err:
        raise ValidationError(
            "calendar", f"bad override date {item.get('day')!r}", code="date_format"
        ) from err
    kind = item.get("kind")
    if kind not in ("off", "work"):
        raise ValidationError(
            "calendar", f"override {day}: kind must be 'off' or 'work'", code="override_kind"
        )
    reason = nfc(str(item.get("reason") or "")).strip()
    if not reason:
        raise ValidationError("calendar", f"override {day} has no reason", code="required")
    return {
        "day": day.isoformat(),
        "kind": kind,
        "reason": reason[:300],
        "legal_ref": nfc(str(item.get("legal_ref") or ""))[:200],
    }


def precheck(
    ev: Event, hub_seq: int | None, *, schema_checked: bool = False
) -> tuple[Event, int | None, str, str, str]:
    """(event, hub_seq, its payload's JSON, problem code or "", detail): the checks that need
    no database (schema unless already `schema_checked` at the border, hash)."""
    found = () if schema_checked else schema.event_problems(ev)
    if found:
        return ev, hub_seq, "", "invalid_event", "; ".join(found)[:500]
    payload = _sealed_payload(ev)
    if payload is not None:
        return ev, hub_seq, payload, "", ""
    digest, payload = ev.digest()
    if digest != ev.hash:
        return ev, hub_seq, payload, "hash_mismatch", f"its content hashes to {digest[:12]}…"
    return ev, hub_seq, payload, "", ""


def _sealed_payload(ev: Event) -> str | None:
    """The payload's canonical JSON when the event's hash is right, made the fast way
    (events.sealed_fast, as the hub's border does); None: Event.digest decides."""
    if type(ev.seq) is not int or type(ev.hlc) is not int:
        return None
    try:
        occurred, recorded = ev.occurred_at.isoformat(), ev.recorded_at.isoformat()
    except AttributeError:
        return None
    found = sealed_fast(
        ev.dossier_id,
        ev.hlc,
        ev.id,
        ev.node_id,
        occurred,
        ev.officer,
        ev.payload,
        ev.prev_hash,
        recorded,
        ev.seq,
        str(ev.type),
        ev.hash,
    )
    return None if found is None else found[1].decode("utf-8")


def link_problem(ev: Event, links: dict[tuple[str, int], str]) -> tuple[str, str]:
    """Does `ev` link to this desk's copy of its node's previous event?"""
    held = links.get((ev.node_id, ev.seq))
    if held is not None and held != ev.hash:
        return "chain_fork", f"this desk holds another event as seq {ev.seq} of that desk"
    if ev.seq == 1:
        if ev.prev_hash != GENESIS_HASH:
            return "chain_broken", "the first event of a desk must start from the genesis hash"
        return "", ""
    before = links.get((ev.node_id, ev.seq - 1))
    if before is None:
        return "gap", f"seq {ev.seq - 1} of that desk has not arrived"
    if before != ev.prev_hash:
        return "chain_broken", f"its prev_hash is not the hash of seq {ev.seq - 1} of that desk"
    return "", ""


def wall_text(hlc: int) -> str:
    try:
        return datetime.fromtimestamp((hlc >> 16) / 1000, UTC).strftime("%Y-%m-%d %H:%M UTC")
    except (OverflowError, ValueError, OSError):
        return "an impossible time"
