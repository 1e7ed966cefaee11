"""Builders of the DTOs that leave the services: from a folded state, a projection row, events.
(Named views.py before: it holds no views, only what the views are given.)"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime, time, timedelta

from motcua_desk.domain.calendar import WorkCalendar
from motcua_desk.domain.catalog import DOCUMENT_FORM_LABELS_VI
from motcua_desk.domain.dossier import ALLOWED, DESK, DossierState, Status, extension_refused
from motcua_desk.domain.dto import (
    DIGITISATION_STATES_VI,
    EVENT_LABELS_VI,
    FORM_TITLES_VI,
    RATING_LABELS_VI,
    RETURN_METHODS_VI,
    STATUS_LABELS_VI,
    ConflictView,
    DocumentLine,
    DossierView,
    EventView,
    FeePayment,
    StepView,
)
from motcua_desk.domain.events import Event, EventType
from motcua_desk.domain.fees import FEE_METHOD_LABELS_VI, vnd
from motcua_desk.domain.quality import transfer_deadline
from motcua_desk.store.models import ConflictRow, DossierRow

DESK_LABEL = "Bộ phận Một cửa"


def unit_label(unit: str) -> str:
    return DESK_LABEL if unit == DESK else unit


def _local(cal: WorkCalendar, moment: datetime | None) -> datetime | None:
    return cal.to_local(moment) if moment is not None else None


def _documents(items) -> tuple[DocumentLine, ...]:
    return tuple(
        DocumentLine(
            d.get("name", ""),
            d.get("form", "original"),
            DOCUMENT_FORM_LABELS_VI.get(d.get("form", "original"), d.get("form", "")),
            int(d.get("count", 1)),
            bool(d.get("checked", True)),
        )
        for d in items
    )


def ledger_book(desk_no: int, year: int) -> str:
    return f"{desk_no:02d}/{year}" if year else ""


def view_from_state(state: DossierState, cal: WorkCalendar, pk: int = 0) -> DossierView:
    a, p = state.applicant, state.procedure
    year = int(state.ledger.get("year", 0))
    return DossierView(
        id=state.dossier_id,
        code=state.code,
        status=str(state.status),
        status_label=STATUS_LABELS_VI.get(state.status, str(state.status)),
        national_status=state.national_status,
        procedure_code=p.get("code", ""),
        procedure_name=p.get("name", ""),
        field=p.get("field", ""),
        department=state.lead_department,
        time_label=p.get("time_label", ""),
        fee_text=p.get("fee_text", ""),
        result_place=p.get("result_place", ""),
        applicant_name=a.get("name", ""),
        id_number=a.get("id_number", ""),
        phone=a.get("phone", ""),
        address=a.get("address", ""),
        email=a.get("email", ""),
        sets=state.sets,
        channel=state.channel,
        result_delivery=state.result_delivery,
        received_at=_local(cal, state.received_at),
        received_by=state.received_by,
        due_at=_local(cal, state.due_at),
        original_due_at=_local(cal, state.original_due_at),
        due_explanation=state.due_explanation,
        extended=state.extended,
        extension_reason=state.extension_reason,
        ledger_year=year,
        ledger_book=state.ledger.get("book", ledger_book(state.desk_no, year)),
        ledger_number=int(state.ledger.get("number", 0)),
        desk_no=state.desk_no,
        location=state.location,
        location_since=_local(cal, state.location_since),
        supplement_count=state.supplement_count,
        result_at=_local(cal, state.result_at),
        returned_at=_local(cal, state.returned_at),
        returned_to=state.returned_to,
        return_method=state.return_method,
        closing_reason=state.closing_reason,
        documents=_documents(state.documents),
        last_supplement=dict(state.last_supplement),
        prints=dict(state.prints),
        conflict_count=len(state.conflicts),
        pk=pk,
        legal_basis=tuple(p.get("legal_basis", ())),
        birth_date=a.get("birth_date", ""),
        sex=a.get("sex", ""),
        rating=state.rating,
        rating_reason=state.rating_reason,
        ticket=state.ticket,
        fee_amount=_fee_due(p.get("fee_amount")),
        fee_paid=sum(f["amount"] for f in state.fees),
        fee_method=state.fees[-1]["method"] if state.fees else "",
        receipt_ref=state.receipt_ref,
        fees=tuple(fee_payment(f, cal) for f in state.fees),
    )


def _fee_due(value) -> int | None:
    return value if type(value) is int else None


def fee_payment(f, cal: WorkCalendar) -> FeePayment:
    return FeePayment(
        event_id=f["event_id"],
        at=cal.to_local(f["at"]),
        officer=f["officer"],
        amount=f["amount"],
        method=f["method"],
        receipt_ref=f["receipt_ref"],
    )


def view_from_row(row: DossierRow, cal: WorkCalendar) -> DossierView:
    """A list-row view from the projection alone (no events read): documents etc. left empty."""
    return DossierView(
        id=row.id,
        code=row.code,
        status=row.status,
        status_label=STATUS_LABELS_VI.get(row.status, row.status),
        national_status=row.national_status,
        procedure_code=row.procedure_code,
        procedure_name=row.procedure_name,
        field=row.field,
        department=row.department,
        time_label="",
        fee_text="",
        result_place="",
        applicant_name=row.applicant_name,
        id_number=row.id_number,
        phone=row.phone,
        address=row.address,
        email=row.email,
        sets=row.sets,
        channel=row.channel,
        result_delivery="",
        received_at=_local(cal, row.received_at),
        received_by="",
        due_at=_local(cal, row.due_at),
        original_due_at=_local(cal, row.original_due_at),
        due_explanation="",
        extended=row.extended,
        extension_reason="",
        ledger_year=row.ledger_year,
        ledger_book=ledger_book(row.desk_no, row.ledger_year),
        ledger_number=row.ledger_number,
        desk_no=row.desk_no,
        location=row.location,
        location_since=_local(cal, row.location_since),
        supplement_count=row.supplement_count,
        result_at=_local(cal, row.result_at),
        returned_at=_local(cal, row.returned_at),
        returned_to=row.returned_to,
        return_method=row.return_method,
        closing_reason="",
        conflict_count=row.conflict_count,
        pk=row.pk,
        birth_date=row.applicant_birth_date,
        sex=row.applicant_sex,
        ticket=row.queue_ticket,
        fee_paid=row.fee_paid,
        fee_method=row.fee_method,
        receipt_ref=row.fee_receipt_ref,
    )


def event_summary(ev: Event) -> str:
    p = ev.payload
    label = EVENT_LABELS_VI.get(str(ev.type), str(ev.type))
    match ev.type:
        case EventType.RECEIVED:
            ticket = f" (số thứ tự {p['ticket']})" if p.get("ticket") else ""
            return (
                f"{label}: {p.get('code', '')} — {p.get('procedure', {}).get('name', '')}{ticket}"
            )
        case EventType.FEE_RECORDED:
            parts = []
            if "amount" in p:
                how = FEE_METHOD_LABELS_VI.get(p.get("method", ""), p.get("method", ""))
                parts.append(f"{vnd(p['amount'])} đ ({how.lower()})")
            if p.get("receipt_ref"):
                parts.append(f"biên lai điện tử {p['receipt_ref']}")
            return f"{label}: {', '.join(parts)}"
        case EventType.HANDED_OFF | EventType.RESULT_RECEIVED:
            giver = (
                f" ({p['giver']} → {p['receiver']})" if p.get("giver") and p.get("receiver") else ""
            )
            return (
                f"{label}: {unit_label(p.get('from_unit', DESK))} → "
                f"{unit_label(p.get('to_unit', DESK))}{giver}"
            )
        case EventType.SUPPLEMENT_REQUESTED:
            by = unit_label(p.get("by", DESK))
            return f"{label} ({by}): {p.get('reason', '')}"
        case EventType.EXTENDED:
            return f"{label}: {p.get('reason', '')}"
        case EventType.RETURNED:
            how = RETURN_METHODS_VI.get(p.get("method", ""), p.get("method", ""))
            return f"{label} cho {p.get('to_name', '')} ({how.lower()})"
        case EventType.PRINTED:
            again = f" — bản in lại lần {p.get('copy', 1) - 1}" if p.get("reprint") else ""
            form = FORM_TITLES_VI.get(p.get("form", ""), p.get("form", ""))
            return f"In {form}{again}"
        case EventType.NOTE:
            return f"{label}: {p.get('text', '')}"
        case EventType.DIGITISED:
            state = DIGITISATION_STATES_VI.get(p.get("state", ""), p.get("state", ""))
            pages = sum(f.get("pages", 0) for f in p.get("files", ()) if isinstance(f, dict))
            count = f", {pages} trang" if pages else ""
            unsigned = " (chưa ký số)" if p.get("state") == "scanned" else ""
            return f"{label}: {p.get('name', '')} — {state.lower()}{count}{unsigned}"
        case EventType.RATED:
            rating = RATING_LABELS_VI.get(p.get("rating", 0), str(p.get("rating", "")))
            reason = f" — {p['reason']}" if p.get("reason") else ""
            return f"{label}: {rating}{reason}"
        case _:
            reason = p.get("reason")
            return f"{label}: {reason}" if reason else label


def event_view(ev: Event, cal: WorkCalendar) -> EventView:
    return EventView(
        id=ev.id,
        type=str(ev.type),
        label=EVENT_LABELS_VI.get(str(ev.type), ""),
        occurred_at=cal.to_local(ev.occurred_at),
        recorded_at=cal.to_local(ev.recorded_at),
        officer=ev.officer,
        node_id=ev.node_id,
        payload=dict(ev.payload),
        summary=event_summary(ev),
    )


def timing(at: datetime, deadline: datetime | None) -> str:
    """Trước hạn / Đúng hạn / Quá hạn: late after the deadline, early on an earlier day."""
    if deadline is None:
        return ""
    if at > deadline:
        return "late"
    if at.date() < deadline.date():
        return "early"
    return "on_time"


def step_views(
    state: DossierState,
    events: list[Event],
    cal: WorkCalendar,
    step_days: Mapping[str, float],
    by: time,
) -> tuple[StepView, ...]:
    """Each movement with its deadline: out of the desk by the transfer deadline; out of a
    department within its step allowance (never after the due moment); back and returned by
    the due moment in force."""
    steps = []
    due = state.due_at
    arrived_desk = state.received_at
    arrived_dept: datetime | None = None
    by_id = {s.event_id: s for s in state.steps}
    for ev in sorted(events, key=lambda e: e.sort_key):
        if ev.type == EventType.RESUBMITTED:
            arrived_desk = ev.occurred_at
        s = by_id.get(ev.id)
        if s is None:
            continue
        if s.kind == EventType.HANDED_OFF and s.from_unit == DESK:
            deadline = transfer_deadline(cal, arrived_desk, by) if arrived_desk else None
            arrived_dept = s.at
        elif s.kind == EventType.HANDED_OFF:
            days = step_days.get(s.from_unit)
            deadline = (
                cal.add_working_time(arrived_dept, timedelta(hours=8) * days)
                if days and arrived_dept
                else due
            )
            if due is not None and deadline is not None:
                deadline = min(cal.to_local(deadline), cal.to_local(due))
            arrived_dept = s.at
        else:
            deadline = due
        at_local = cal.to_local(s.at)
        dl = cal.to_local(deadline) if deadline else None
        steps.append(
            StepView(
                event_id=s.event_id,
                kind=str(s.kind),
                from_unit=unit_label(s.from_unit),
                to_unit=unit_label(s.to_unit),
                giver=s.giver,
                receiver=s.receiver,
                at=at_local,
                deadline=dl,
                timing=timing(at_local, dl),
            )
        )
    return tuple(steps)


ACTIONS = (
    "handoff",
    "receive_result",
    "supplement",
    "resubmit",
    "refuse",
    "extend",
    "return",
    "stop",
    "note",
    "void",
    "reprint",
    "fee",
)


def allowed_actions(state: DossierState) -> tuple[str, ...]:
    s = state.status
    if s == Status.NEW:
        return ()
    ok = {
        "handoff": s in ALLOWED[EventType.HANDED_OFF],
        "receive_result": s in ALLOWED[EventType.RESULT_RECEIVED],
        "supplement": s in ALLOWED[EventType.SUPPLEMENT_REQUESTED],
        "resubmit": s in ALLOWED[EventType.RESUBMITTED],
        "refuse": s in ALLOWED[EventType.REFUSED_AT_INTAKE]
        or s in ALLOWED[EventType.REFUSED_AFTER_APPRAISAL],
        "extend": s in ALLOWED[EventType.EXTENDED] and extension_refused(s, state.extended) is None,
        "return": s in ALLOWED[EventType.RETURNED],
        "stop": s in ALLOWED[EventType.STOPPED],
        "note": True,
        "void": s in ALLOWED[EventType.VOIDED],
        "reprint": True,
        "fee": s in ALLOWED[EventType.FEE_RECORDED],
    }
    return tuple(a for a in ACTIONS if ok[a])


CONFLICT_TEXT = {
    "illegal_transition": "{type} by {officer} at desk {node} could not apply: the dossier was "
    "already '{status}' when it came in the agreed order. Check with the "
    "citizen and the other desk what really happened, add a note to the "
    "dossier, then acknowledge",
    "second_extension": "a second extension by {officer} at desk {node} was ignored: the "
    "return date may be reset only once. The first new date stands: tell "
    "the citizen the date in force, then acknowledge",
    "second_rating": "a second satisfaction rating by {officer} at desk {node} was ignored: a "
    "dossier is rated once and the first rating stands. Acknowledge",
    "duplicate_receipt": "a second receipt of the same dossier by desk {node} was ignored: the "
    "dossier was recorded twice. Tell IT, then acknowledge",
}


def conflict_view(row: ConflictRow, code: str, cal: WorkCalendar) -> ConflictView:
    desc = CONFLICT_TEXT.get(row.reason, CONFLICT_TEXT["illegal_transition"]).format(
        type=row.event_type.replace("_", " "),
        officer=row.officer or "?",
        node=row.node_id[:8],
        status=row.status.replace("_", " "),
    )
    return ConflictView(
        event_id=row.event_id,
        dossier_id=row.dossier_id,
        dossier_code=code,
        event_type=row.event_type,
        node_id=row.node_id,
        officer=row.officer,
        occurred_at=cal.to_local(row.occurred_at),
        status=row.status,
        reason=row.reason,
        description=desc,
    )
