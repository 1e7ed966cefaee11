"""The dossier state machine and the fold that turns a dossier's events into its state.

The fold is pure and deterministic: it sorts the events by (hlc, node, id) and applies them
one by one, so every replica that holds the same events computes the same state whatever order
they arrived in. Moments that depend on the calendar (due dates) are computed when an event is
made and travel inside its payload, so the fold needs no calendar.

`apply()` raises IllegalTransition for a move the status forbids: services call it before they
append a local event. `fold()` never raises for that: an event that became illegal because of
what another desk did offline is kept, skipped, and reported in `conflicts`.

The statuses, the rules of which event applies in which status (ALLOWED, extension_refused)
and the DossierState dataclass are in `domain.dossier_state`, re-exported here, where callers
import them from.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import MISSING
from datetime import datetime
from operator import attrgetter
from typing import Any

from motcua_desk.domain.dossier_state import (
    ACTION_NAMES,
    ALLOWED,
    DESK,
    NATIONAL_STATUS,
    NATIONAL_STATUS_NAMES,
    RATINGS,
    Conflict,
    DossierState,
    Status,
    Step,
    extension_refused,
)
from motcua_desk.domain.errors import IllegalTransition
from motcua_desk.domain.events import Event, EventType

__all__ = [
    "ACTION_NAMES",
    "ALLOWED",
    "DESK",
    "NATIONAL_STATUS",
    "NATIONAL_STATUS_NAMES",
    "RATINGS",
    "Conflict",
    "DossierState",
    "Status",
    "Step",
    "apply",
    "extension_refused",
    "fold",
    "fold_fields",
]


def _moment(value: Any) -> datetime | None:
    """A payload moment, or None when there is none (or it is not one: the fold never raises
    on a payload, see domain.schema for what is refused before it gets here)."""
    if not value or type(value) is not str:
        return None
    try:
        moment = datetime.fromisoformat(value)
    except ValueError:
        return None
    return moment if moment.tzinfo is not None else None


def _int(value: Any, default: int) -> int:
    return value if type(value) is int else default


def _map(value: Any) -> dict[str, Any]:
    return dict(value) if type(value) is dict or isinstance(value, Mapping) else {}


def _str(value: Any, default: str = "") -> str:
    return value if type(value) is str else default


# Enum members as module globals: a member read off its class (EventType.RECEIVED) costs ten
# times a global, and the fold reads a dozen per event.
_RECEIVED, _EXTENDED = EventType.RECEIVED, EventType.EXTENDED
_REFUSED_AT_INTAKE, _HANDED_OFF = EventType.REFUSED_AT_INTAKE, EventType.HANDED_OFF
_STOPPED = EventType.STOPPED
_NEW, _ST_RECEIVED = Status.NEW, Status.RECEIVED
_ST_SUPPLEMENT, _ST_REFUSED_AT_INTAKE = Status.SUPPLEMENT_REQUESTED, Status.REFUSED_AT_INTAKE
_ST_REFUSED_AFTER_APPRAISAL, _ST_IN_PROCESS = Status.REFUSED_AFTER_APPRAISAL, Status.IN_PROCESS
_ST_RESULT_READY, _ST_RETURNED = Status.RESULT_READY, Status.RETURNED
_ST_STOPPED, _ST_VOIDED = Status.STOPPED, Status.VOIDED


def _check(s: dict[str, Any], event: Event) -> None:
    """Raise IllegalTransition when the state held in `s` forbids `event`."""
    status = s["status"]
    kind = event.type
    if kind == _RECEIVED and status != _NEW:
        raise IllegalTransition(
            status, "receive", "this dossier was already received", reason="already_received"
        )
    if status not in ALLOWED[kind]:
        raise IllegalTransition(status, ACTION_NAMES[kind])
    if kind == _REFUSED_AT_INTAKE and any(step.kind == _HANDED_OFF for step in s["steps"]):
        raise IllegalTransition(
            status,
            "refuse_at_intake",
            "the dossier has already gone to a department",
            reason="handed_off",
        )
    if kind == _EXTENDED and (refused := extension_refused(status, s["extended"])) is not None:
        raise refused
    if event.type == EventType.RATED and s["rating"]:
        raise IllegalTransition(
            status, "rate", "this dossier was already rated", reason="already_rated"
        )


def _evolve(s: dict[str, Any], event: Event) -> None:
    """Apply a checked event to the mutable field record `s` of a DossierState."""
    s["event_count"] += 1
    hlc = event.hlc
    if hlc > s["last_hlc"]:
        s["last_hlc"] = hlc
    apply_one = _EVOLVE.get(event.type)
    if apply_one is None:  # pragma: no cover
        raise AssertionError(f"unhandled event type {event.type}")
    apply_one(s, event, event.payload, event.occurred_at)


def _received(s: dict[str, Any], event: Event, p: Mapping[str, Any], at: datetime) -> None:
    due = _moment(p.get("due_at"))
    procedure = _map(p.get("procedure"))
    documents = p.get("documents")
    s.update(
        status=_ST_RECEIVED,
        code=_str(p.get("code")),
        procedure=procedure,
        applicant=_map(p.get("applicant")),
        documents=tuple([d for d in documents if type(d) is dict or isinstance(d, Mapping)])
        if isinstance(documents, list)
        else (),
        sets=_int(p.get("sets"), 1),
        channel=_str(p.get("channel"), "direct"),
        result_delivery=_str(p.get("result_delivery"), "counter"),
        received_at=at,
        received_by=event.officer,
        desk_no=_int(p.get("desk_no"), 0),
        ledger=_map(p.get("ledger")),
        clock_start=_moment(p.get("clock_start")),
        due_at=due,
        original_due_at=due,
        due_explanation=_str(p.get("due_explanation")),
        location=DESK,
        location_since=at,
        lead_department=_str(procedure.get("department")),
        ticket=_str(p.get("ticket")),
    )
    fee = p.get("fee")
    if isinstance(fee, Mapping) and type(fee.get("amount")) is int:
        ref = _str(fee.get("receipt_ref"))
        s["fees"] = (_payment(event, fee, at, ref),)
        s["receipt_ref"] = ref


def _supplement_requested(
    s: dict[str, Any], event: Event, p: Mapping[str, Any], at: datetime
) -> None:
    s.update(
        status=_ST_SUPPLEMENT,
        supplement_count=s["supplement_count"] + 1,
        last_supplement=dict(p),
        location=DESK,
        location_since=at,
    )


def _resubmitted(s: dict[str, Any], event: Event, p: Mapping[str, Any], at: datetime) -> None:
    due = _moment(p.get("due_at"))
    s.update(
        status=_ST_RECEIVED,
        clock_start=_moment(p.get("clock_start")),
        due_at=due,
        original_due_at=due,
        due_explanation=_str(p.get("due_explanation")),
        location=DESK,
        location_since=at,
    )


def _refused_at_intake(s: dict[str, Any], event: Event, p: Mapping[str, Any], at: datetime) -> None:
    s.update(status=_ST_REFUSED_AT_INTAKE, location="", closing_reason=_str(p.get("reason")))


def _refused_after_appraisal(
    s: dict[str, Any], event: Event, p: Mapping[str, Any], at: datetime
) -> None:
    s.update(
        status=_ST_REFUSED_AFTER_APPRAISAL,
        result_at=at,
        closing_reason=_str(p.get("reason")),
        location=DESK,
        location_since=at,
    )


def _handed_off(s: dict[str, Any], event: Event, p: Mapping[str, Any], at: datetime) -> None:
    to_unit = _str(p.get("to_unit"))
    step = _step(
        event.id,
        event.type,
        _str(p.get("from_unit"), DESK),
        to_unit,
        _str(p.get("giver"), event.officer),
        _str(p.get("receiver")),
        at,
    )
    s.update(status=_ST_IN_PROCESS, steps=s["steps"] + (step,), location=to_unit, location_since=at)


def _result_received(s: dict[str, Any], event: Event, p: Mapping[str, Any], at: datetime) -> None:
    step = _step(
        event.id,
        event.type,
        _str(p.get("from_unit"), s["location"] or DESK),
        _str(p.get("to_unit"), DESK),
        _str(p.get("giver")),
        _str(p.get("receiver"), event.officer),
        at,
    )
    s.update(
        status=_ST_RESULT_READY,
        result_at=at,
        steps=s["steps"] + (step,),
        location=DESK,
        location_since=at,
    )


def _extended(s: dict[str, Any], event: Event, p: Mapping[str, Any], at: datetime) -> None:
    s.update(
        extended=True,
        due_at=_moment(p.get("new_due_at")) or s["due_at"],
        extension_reason=_str(p.get("reason")),
    )


def _returned(s: dict[str, Any], event: Event, p: Mapping[str, Any], at: datetime) -> None:
    to_name = _str(p.get("to_name"))
    step = _step(event.id, event.type, DESK, to_name, event.officer, to_name, at)
    s.update(
        status=_ST_RETURNED,
        returned_at=at,
        returned_to=to_name,
        return_method=_str(p.get("method")),
        steps=s["steps"] + (step,),
        location="",
        location_since=at,
    )


def _stopped_or_voided(s: dict[str, Any], event: Event, p: Mapping[str, Any], at: datetime) -> None:
    s.update(
        status=_ST_STOPPED if event.type == _STOPPED else _ST_VOIDED,
        location="",
        closing_reason=_str(p.get("reason")),
        location_since=at,
    )


def _printed(s: dict[str, Any], event: Event, p: Mapping[str, Any], at: datetime) -> None:
    form = _str(p.get("form"), "slip")
    prints = dict(s["prints"])
    prints[form] = prints.get(form, 0) + 1
    s["prints"] = prints


def _rated(s: dict[str, Any], event: Event, p: Mapping[str, Any], at: datetime) -> None:
    s.update(rating=_int(p.get("rating"), 0), rating_reason=_str(p.get("reason")), rated_at=at)


def _payment(event: Event, p: Mapping[str, Any], at: datetime, ref: str) -> dict[str, Any]:
    return {
        "event_id": event.id,
        "at": at,
        "officer": event.officer,
        "amount": _int(p.get("amount"), 0),
        "method": _str(p.get("method")),
        "receipt_ref": ref,
        "note": _str(p.get("note")),  # the officer's word on the payment (the cash sheet's)
    }


def _fee_recorded(s: dict[str, Any], event: Event, p: Mapping[str, Any], at: datetime) -> None:
    """A payment after intake, and/or the e-receipt reference: a reference given alone goes
    to the last payment that has none."""
    ref = _str(p.get("receipt_ref"))
    fees = list(s["fees"])
    if type(p.get("amount")) is int:
        fees.append(_payment(event, p, at, ref))
    elif ref:
        for i in range(len(fees) - 1, -1, -1):
            if not fees[i]["receipt_ref"]:
                fees[i] = {**fees[i], "receipt_ref": ref}
                break
    s["fees"] = tuple(fees)
    if ref:
        s["receipt_ref"] = ref


def _note(s: dict[str, Any], event: Event, p: Mapping[str, Any], at: datetime) -> None:
    pass


def _digitised(s: dict[str, Any], event: Event, p: Mapping[str, Any], at: datetime) -> None:
    """The document line's digitisation: the last event for a line stands."""
    index = p.get("document")
    if type(index) is int:
        s["digitisation"] = {**s["digitisation"], index: {**p, "event_id": event.id, "at": at}}


# What each event type does to the state (one dict lookup instead of a match over a dozen
# enum cases: the fold runs this for every event of every replica).
_EVOLVE = {
    EventType.RECEIVED: _received,
    EventType.SUPPLEMENT_REQUESTED: _supplement_requested,
    EventType.RESUBMITTED: _resubmitted,
    EventType.REFUSED_AT_INTAKE: _refused_at_intake,
    EventType.REFUSED_AFTER_APPRAISAL: _refused_after_appraisal,
    EventType.HANDED_OFF: _handed_off,
    EventType.RESULT_RECEIVED: _result_received,
    EventType.EXTENDED: _extended,
    EventType.RETURNED: _returned,
    EventType.STOPPED: _stopped_or_voided,
    EventType.VOIDED: _stopped_or_voided,
    EventType.PRINTED: _printed,
    EventType.RATED: _rated,
    EventType.NOTE: _note,
    EventType.FEE_RECORDED: _fee_recorded,
    EventType.DIGITISED: _digitised,
}
assert set(_EVOLVE) == set(EventType)


def apply(state: DossierState, event: Event) -> DossierState:
    """The state after `event`; raises IllegalTransition when the status forbids it."""
    s = dict(state.__dict__)
    _check(s, event)
    _evolve(s, event)
    return _state(s)


# The fields of a fresh DossierState, and those whose default is made by a factory (each state
# gets its own). A fold starts from a copy of this record instead of building a DossierState
# field by field (the frozen dataclass sets each of its 36 fields through object.__setattr__:
# that cost more than folding a dossier's events).
_FIELDS = DossierState.__dataclass_fields__
_FACTORIES = tuple(
    (name, f.default_factory) for name, f in _FIELDS.items() if f.default_factory is not MISSING
)
_INITIAL = {
    name: None if f.default is MISSING else f.default  # in field order
    for name, f in _FIELDS.items()
}


def _state(s: dict[str, Any]) -> DossierState:
    """DossierState(**s) for a complete record `s` of its fields, without the per-field cost
    of the frozen dataclass's __init__ (which does nothing else: no __post_init__)."""
    state = _new(DossierState)
    state.__dict__.update(s)
    return state


_new = object.__new__
_SORT_KEY = attrgetter("hlc", "node_id", "id")  # Event.sort_key, in C


def _step(
    event_id: str, kind: str, from_unit: str, to_unit: str, giver: str, receiver: str, at: datetime
) -> Step:
    """Step(...) without the frozen dataclass's per-field __setattr__ (the same object)."""
    step = _new(Step)
    step.__dict__.update(
        event_id=event_id,
        kind=kind,
        from_unit=from_unit,
        to_unit=to_unit,
        giver=giver,
        receiver=receiver,
        at=at,
    )
    return step


def fold(dossier_id: str, events: Iterable[Event]) -> DossierState:
    """The dossier's state from all its events, in the one total order. Never raises for an
    illegal move: it is kept in `conflicts` and has no effect. One mutable record for the whole
    fold (a replica pulling 100,000 events folds each dossier once per batch)."""
    return _state(fold_fields(dossier_id, events))


def fold_fields(dossier_id: str, events: Iterable[Event]) -> dict[str, Any]:
    """fold(...) as the dict of its DossierState's fields (what the integrity check reads: it
    folds every dossier and keeps nothing but the comparison)."""
    s = _INITIAL.copy()
    s["dossier_id"] = dossier_id
    for name, factory in _FACTORIES:
        s[name] = factory()
    conflicts: list[Conflict] = []
    for ev in sorted(events, key=_SORT_KEY):
        try:
            _check(s, ev)
        except IllegalTransition as err:
            reason = (
                "second_extension"
                if ev.type == EventType.EXTENDED and s["extended"]
                else "second_rating"
                if ev.type == EventType.RATED and s["rating"]
                else "duplicate_receipt"
                if ev.type == EventType.RECEIVED
                else "illegal_transition"
            )
            conflicts.append(
                Conflict(
                    ev.id,
                    str(ev.type),
                    ev.node_id,
                    ev.officer,
                    ev.occurred_at,
                    str(err.status),
                    reason,
                )
            )
            s["event_count"] += 1
            s["last_hlc"] = max(s["last_hlc"], ev.hlc)
            continue
        try:
            _evolve(s, ev)
        except (KeyError, TypeError, ValueError, OverflowError, AttributeError):
            # Not reachable for an event that passed domain.schema; a stored row edited by
            # hand could get here. Kept, without effect, and listed like a conflict.
            conflicts.append(
                Conflict(
                    ev.id,
                    str(ev.type),
                    ev.node_id,
                    ev.officer,
                    ev.occurred_at,
                    str(s["status"]),
                    "invalid_event",
                )
            )
    s["conflicts"] = tuple(conflicts)
    return s
