"""Dossier intake: the due-date preview, receiving a dossier with its outcome at the counter,
and fees recorded after intake."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from motcua_desk.domain import cccd, fees, validation
from motcua_desk.domain.dossier import DESK, DossierState
from motcua_desk.domain.dto import DocumentLine, DossierDetail, IntakeRequest
from motcua_desk.domain.errors import ValidationError
from motcua_desk.domain.events import EventType
from motcua_desk.domain.ids import uuid7
from motcua_desk.services.base import UnitOfWork
from motcua_desk.services.dossiers_base import DossierBase
from motcua_desk.services.dto_builders import ledger_book

INTAKE_OUTCOMES = ("received", "supplement", "refused")


class DossierIntake(DossierBase):
    """Intake and fees."""

    def preview_due(self, procedure_code: str, received_at: datetime | None = None):
        """The due moment and its explanation, as the slip would print it (no write). A
        calculator: any moment is allowed, the future included."""
        proc = self.catalog.get(procedure_code)
        moment = self.cal.to_local(received_at if received_at is not None else self.clock())
        return self.calendar.due_view(proc, moment)

    def intake(
        self,
        req: IntakeRequest,
        outcome: str = "received",
        reason: str = "",
        items: Sequence[DocumentLine] = (),
    ) -> DossierDetail:
        """Receive a dossier, and in the same unit of work its outcome at the counter:
        "received" (complete), "supplement" (Mẫu 02: `reason`, `items`) or "refused" (Mẫu 03:
        `reason`). One user action, one transaction: any failure writes nothing."""
        if outcome not in INTAKE_OUTCOMES:
            raise ValidationError(
                "outcome",
                f"unknown intake outcome {outcome!r} ({', '.join(INTAKE_OUTCOMES)})",
                code="intake_outcome",
            )
        if outcome != "received":
            reason = validation.free_text("reason", reason, required=True)
        supplement_items = [self._item(d) for d in items] if outcome == "supplement" else []
        name = validation.applicant_name(req.applicant_name)
        id_number = validation.citizen_id(req.id_number)
        phone = validation.phone(req.phone)
        email = validation.email(req.email)
        address = validation.address(req.address)
        today = self.cal.to_local(self.clock()).date()
        birth_date = cccd.birth_date_value(req.birth_date, today=today)
        sex = cccd.sex_value(req.sex)
        ticket = fees.queue_ticket(req.ticket)
        fee = self._intake_fee(req)
        sets = validation.count("sets", req.sets)
        note = validation.free_text("note", req.note, limit=500)
        if req.channel not in ("direct", "post", "online"):
            raise ValidationError("channel", f"unknown channel {req.channel!r}", code="channel")
        if req.result_delivery not in ("counter", "post"):
            raise ValidationError(
                "result_delivery",
                f"unknown delivery {req.result_delivery!r}",
                code="result_delivery",
            )
        proc = self.catalog.get(req.procedure_code)
        if req.documents is None:
            documents = [
                DocumentLine(d.name, d.form, d.form_label, d.count) for d in proc.documents
            ]
        else:
            documents = list(req.documents)
        with self.unit() as uow:
            now = self.cal.to_local(uow.now)
            received = self._moment(req.received_at, now, "received_at")
            due = self.calendar.due_for(proc, received)
            desk = uow.desk
            day = received.date()
            code, number = uow.dossiers.next_code_and_ledger(desk, day)
            payload = {
                "code": code,
                "procedure": procedure_snapshot(proc),
                "applicant": {
                    "name": name,
                    "id_number": id_number,
                    "phone": phone,
                    "address": address,
                    "email": email,
                    **({"birth_date": birth_date} if birth_date else {}),
                    **({"sex": sex} if sex else {}),
                },
                "documents": [
                    {
                        "name": validation.free_text("document", d.name, required=True, limit=300),
                        "form": d.form,
                        "count": validation.count("count", d.count),
                        "checked": bool(d.checked),
                    }
                    for d in documents
                ],
                "sets": sets,
                "channel": req.channel,
                "result_delivery": req.result_delivery,
                "due_at": due.due_at.isoformat(),
                "due_explanation": due.explanation,
                "clock_start": due.clock_start.isoformat(),
                "ledger": {
                    "year": day.year,
                    "book": ledger_book(desk.desk_no, day.year),
                    "number": number,
                },
                "desk_no": desk.desk_no,
            }
            if note:
                payload["note"] = note
            if ticket:
                payload["ticket"] = ticket
            if fee:
                payload["fee"] = fee
            dossier_id = uuid7()
            _event, state = uow.append(dossier_id, EventType.RECEIVED, payload, received)
            if outcome == "supplement":
                uow.append(
                    dossier_id,
                    EventType.SUPPLEMENT_REQUESTED,
                    {
                        "reason": reason,
                        "by": DESK,
                        "items": supplement_items,
                        "contact_officer": desk.officer,
                        "contact_phone": desk.officer_phone,
                    },
                    received,
                )
            elif outcome == "refused":
                uow.append(dossier_id, EventType.REFUSED_AT_INTAKE, {"reason": reason}, received)
            detail = self._detail(uow, dossier_id)
        self.catalog.note_used(proc.code)  # committed: the picker ranks it by use
        return detail

    @staticmethod
    def _intake_fee(req: IntakeRequest) -> dict | None:
        """The `fee` of the received event: None when nothing was said about money."""
        given = req.fee_paid is not None and str(req.fee_paid).strip() != ""
        if not given:
            if req.fee_method or req.receipt_ref:
                if req.fee_method and fees.fee_method(req.fee_method) == fees.EXEMPT:
                    return fees.payment(0, fees.EXEMPT, req.receipt_ref)
                raise ValidationError(
                    "fee_amount",
                    "a payment method or receipt reference was given without the amount collected",
                    code="fee_amount_missing",
                )
            return None
        return fees.payment(req.fee_paid, req.fee_method or "cash", req.receipt_ref)

    def record_fee(
        self,
        code: str,
        amount: int | str | None = None,
        method: str = "",
        receipt_ref: str = "",
        note: str = "",
    ) -> DossierDetail:
        """A payment made after intake (amount and method), and/or the reference of the
        e-receipt the province's system issued (alone: it goes to the last payment)."""
        given = amount is not None and str(amount).strip() != ""
        if given:
            payload: dict = fees.payment(amount, method or "cash", receipt_ref)
        else:
            ref = fees.receipt_ref(receipt_ref)
            if not ref:
                raise ValidationError(
                    "fee_amount",
                    "say the amount collected, or the receipt reference",
                    code="fee_amount_missing",
                )
            payload = {"receipt_ref": ref}
        note = validation.free_text("note", note, limit=500)
        if note:
            payload["note"] = note

        def build(uow: UnitOfWork, state: DossierState, now: datetime):
            uow.append(state.dossier_id, EventType.FEE_RECORDED, payload, now)

        return self._single(code, build)


def procedure_snapshot(proc) -> dict:
    """What a received event keeps of its procedure (the catalog may change after): intake's
    and the portal import's one definition."""
    snap = {
        "code": proc.code,
        "name": proc.name,
        "field": proc.field,
        "version": proc.version,
        "time_amount": proc.time_amount,
        "time_unit": str(proc.time_unit),
        "time_label": proc.time_label,
        "time_text": proc.time_text,
        "fee_text": proc.fee_text,
        "department": proc.department,
        "result": proc.result,
        "result_place": proc.result_place,
        "legal_basis": list(proc.legal_basis),
    }
    if type(proc.fee_amount) is int and 0 <= proc.fee_amount <= fees.FEE_MAX:
        snap["fee_amount"] = proc.fee_amount
    return snap
