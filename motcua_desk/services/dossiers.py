"""Dossier use cases: intake and every lifecycle action (one unit of work each), look-up by a
scanned code, search, the day's work, the ledgers."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import UTC, date, datetime, time, timedelta

from motcua_desk.domain import cccd, codes, fees, validation
from motcua_desk.domain.calendar import TimeUnit, WorkCalendar
from motcua_desk.domain.catalog import DOCUMENT_FORM_LABELS_VI
from motcua_desk.domain.dossier import DESK, RATINGS, DossierState, Status, extension_refused, fold
from motcua_desk.domain.dto import (
    DocumentLine,
    DossierDetail,
    DossierView,
    HandoffEntry,
    IntakeRequest,
    TodayCounts,
)
from motcua_desk.domain.errors import (
    DomainError,
    IllegalTransition,
    NotFound,
    RedirectUnconfirmed,
    ValidationError,
)
from motcua_desk.domain.events import Event, EventType, ReturnMethod
from motcua_desk.domain.ids import uuid7
from motcua_desk.domain.schema import UNSATISFIED
from motcua_desk.domain.text import search_terms
from motcua_desk.services.base import ServiceBase, UnitOfWork
from motcua_desk.services.calendar import CalendarService
from motcua_desk.services.catalog import CatalogService
from motcua_desk.services.dto_builders import (
    allowed_actions,
    conflict_view,
    event_view,
    ledger_book,
    step_views,
    view_from_row,
    view_from_state,
)
from motcua_desk.services.settings import SettingsService, parse_hhmm
from motcua_desk.store.repo import Filters
from motcua_desk.store.repositories import Repositories

FUTURE_TOLERANCE = timedelta(minutes=5)
BACKDATE_LIMIT = timedelta(days=366)
SUPPLEMENT_WINDOW_DAYS = 3  # a department may send a dossier back within 3 working days [law]
# [ours] An apology's new return date is at most this long after the current one: the law sets
# no cap, but a date years away is a typing mistake that could never be corrected (once only).
MAX_EXTENSION_DAYS = 365
TAIL_DAYS = 31  # a code's number typed alone is looked for on the last month's days
INTAKE_OUTCOMES = ("received", "supplement", "refused")


class DossierService(ServiceBase):
    def __init__(
        self,
        store,
        clock,
        settings: SettingsService,
        catalog: CatalogService,
        calendar: CalendarService,
    ) -> None:
        super().__init__(store, clock)
        self.settings = settings
        self.catalog = catalog
        self.calendar = calendar

    # --- helpers ----------------------------------------------------------------------------
    @property
    def cal(self) -> WorkCalendar:
        return self.calendar.calendar()

    def _moment(
        self,
        at: datetime | None,
        now: datetime,
        field: str = "at",
        not_before: datetime | None = None,
    ) -> datetime:
        """An officer-stated moment: naive = office-local; not in the future, not absurdly old,
        not before the dossier's receipt."""
        if at is None:
            return now
        moment = self.cal.to_local(at)
        if moment > now + FUTURE_TOLERANCE:
            raise ValidationError(
                field,
                f"{moment:%Y-%m-%d %H:%M} is in the future",
                code="moment_future",
                value=moment.isoformat(),
            )
        if moment < now - BACKDATE_LIMIT:
            raise ValidationError(
                field,
                f"{moment:%Y-%m-%d %H:%M} is more than a year ago",
                code="moment_too_old",
                value=moment.isoformat(),
            )
        if not_before is not None and moment < not_before:
            raise ValidationError(
                field,
                f"{moment:%Y-%m-%d %H:%M} is before the dossier's last "
                f"step ({self.cal.to_local(not_before):%Y-%m-%d %H:%M})",
                code="moment_before_receipt",
                value=moment.isoformat(),
            )
        return moment

    def _resolve(self, uow: UnitOfWork, code: str) -> DossierState:
        clean = codes.normalize(code)
        key = uow.dossiers.key(clean)
        if key is None:
            raise NotFound(
                f"no dossier has the code {clean or code!r}", code="unknown_code", value=clean
            )
        return uow.state(key[0])

    def _detail(
        self, db: Repositories, dossier_id: str, warnings: Iterable[str] = (), pk: int | None = None
    ) -> DossierDetail:
        """The dossier as the window shows it. In a unit of work, from the state and events the
        unit already holds (its appends included: no second read and fold of what it has just
        written); in a read, from the log."""
        if isinstance(db, UnitOfWork):
            state, events = db.state(dossier_id), db.events_of(dossier_id)
        else:
            events = db.events.of(dossier_id)
            state = fold(dossier_id, events)
        if pk is None:
            pk = db.dossiers.pk_of(dossier_id)
        conflicts = (
            tuple(  # the open ones: an exception marked seen no longer flags the dossier
                conflict_view(c, state.code, self.cal) for c in db.conflicts.open_of(dossier_id)
            )
            if state.conflicts
            else ()
        )
        return self._detail_of(state, events, pk, conflicts, warnings)

    def _detail_of(
        self,
        state: DossierState,
        events: Sequence[Event],
        pk: int,
        conflicts: tuple,
        warnings: Iterable[str] = (),
    ) -> DossierDetail:
        """The dossier as the window shows it, from its folded state and its events."""
        cal = self.cal
        office = self.settings.office()
        step_days = {d.name: d.step_working_days for d in self.catalog.departments()}
        return DossierDetail(
            dossier=view_from_state(state, cal, pk=pk),
            events=tuple(event_view(e, cal) for e in sorted(events, key=lambda e: e.sort_key)),
            steps=step_views(state, events, cal, step_days, parse_hhmm(office.transfer_deadline)),
            allowed_actions=allowed_actions(state),
            conflicts=conflicts,
            warnings=tuple(warnings),
        )

    # --- intake -----------------------------------------------------------------------------
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
                "procedure": {
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
                    **(
                        {"fee_amount": proc.fee_amount}
                        if type(proc.fee_amount) is int and 0 <= proc.fee_amount <= fees.FEE_MAX
                        else {}
                    ),
                },
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

    @staticmethod
    def _item(d: DocumentLine) -> dict:
        """A document to bring (Mẫu 02): name, form (original / certified copy / copy /
        shown) and count, each checked."""
        if d.form not in DOCUMENT_FORM_LABELS_VI:
            raise ValidationError(
                "item",
                f"unknown document form {d.form!r} ({', '.join(DOCUMENT_FORM_LABELS_VI)})",
                code="document_form",
                value=d.form,
            )
        return {
            "name": validation.free_text("item", d.name, required=True, limit=300),
            "form": d.form,
            "count": validation.count("count", d.count),
        }

    # --- lifecycle actions ------------------------------------------------------------------
    def _single(self, code: str, build) -> DossierDetail:
        """Run one action on one dossier in one unit of work; build(uow, state, now) appends
        its event and returns warnings."""
        with self.unit() as uow:
            state = self._resolve(uow, code)
            warnings = build(uow, state, self.cal.to_local(uow.now)) or ()
            return self._detail(uow, state.dossier_id, warnings)

    def handoff(
        self,
        codes_: Sequence[str],
        to: str,
        at: datetime | None = None,
        receiver: str = "",
        giver: str = "",
        redirect: bool = False,
    ) -> list[DossierDetail]:
        """Hand one or several dossiers to a department, all or none. The receiver's name is
        required. A dossier handed from the desk to another department than its procedure's
        is refused with RedirectUnconfirmed unless `redirect` (the officer confirmed it); the
        event then says so (`redirected`, `expected_department`). From a department to
        another the giver is that department's officer (required); from the desk it defaults
        to this desk's officer."""
        dept = self.catalog.department(to)
        receiver = validation.free_text("receiver", receiver, required=True, limit=100)
        giver = validation.free_text("giver", giver, limit=100)
        results = []
        with self.unit() as uow:
            now = self.cal.to_local(uow.now)
            unexpected: list[tuple[str, str]] = []
            for code in _unique(codes_):
                state = self._resolve(uow, code)
                if state.location == dept.name:
                    raise IllegalTransition(
                        state.status,
                        "hand_off",
                        f"{state.code} is already at {dept.name}",
                        reason="already_there",
                    )
                moment = self._moment(at, now, not_before=state.location_since)
                from_unit = state.location or DESK
                if from_unit != DESK and not giver:
                    raise ValidationError(
                        "giver",
                        f"{state.code} is at {from_unit}: say who of {from_unit} "
                        "hands it over (giver)",
                        code="giver_required",
                        department=from_unit,
                    )
                payload = {
                    "from_unit": from_unit,
                    "to_unit": dept.name,
                    "giver": giver or uow.desk.officer,
                    "receiver": receiver,
                }
                expected = self._expected_department(state)
                if from_unit == DESK and expected and expected != dept.name:
                    unexpected.append((state.code, expected))
                    payload.update(redirected=True, expected_department=expected)
                uow.append(state.dossier_id, EventType.HANDED_OFF, payload, moment)
                results.append(state.dossier_id)
            if not results:
                raise ValidationError("codes", "no dossier code given", code="required")
            if unexpected and not redirect:
                raise RedirectUnconfirmed(dept.name, unexpected)  # rolls the batch back
            return [self._detail(uow, d) for d in results]

    def _expected_department(self, state: DossierState) -> str:
        """The department the dossier's procedure names (as the catalog spells it now)."""
        name = (state.procedure or {}).get("department", "") or ""
        if not name:
            return ""
        try:
            return self.catalog.department(name).name
        except NotFound:
            return name

    def receive_result(
        self,
        codes_: Sequence[str],
        at: datetime | None = None,
        giver: str = "",
        receiver: str = "",
        department: str = "",
    ) -> list[DossierDetail]:
        """Results brought back to the desk, all or none. `department` (when given) is who
        brings them: a dossier held by another department is refused."""
        dept = self.catalog.department(department).name if department else ""
        giver = validation.free_text("giver", giver, limit=100)
        results = []
        with self.unit() as uow:
            now = self.cal.to_local(uow.now)
            for code in _unique(codes_):
                state = self._resolve(uow, code)
                if dept and state.location != dept:
                    raise DomainError(
                        f"{state.code} is held by {state.location or 'the desk'}, not by "
                        f"{dept}: its result cannot be taken back from {dept}",
                        code="wrong_department",
                        dossier=state.code,
                        held_by=state.location or DESK,
                        department=dept,
                    )
                moment = self._moment(at, now, not_before=state.location_since)
                uow.append(
                    state.dossier_id,
                    EventType.RESULT_RECEIVED,
                    {
                        "from_unit": state.location or DESK,
                        "to_unit": DESK,
                        "giver": giver,
                        "receiver": receiver or uow.desk.officer,
                    },
                    moment,
                )
                results.append(state.dossier_id)
            if not results:
                raise ValidationError("codes", "no dossier code given", code="required")
            return [self._detail(uow, d) for d in results]

    def request_supplement(
        self,
        code: str,
        reason: str,
        items: Sequence[DocumentLine] = (),
        at: datetime | None = None,
        contact_officer: str = "",
        contact_phone: str = "",
    ) -> DossierDetail:
        reason = validation.free_text("reason", reason, required=True)
        checked_items = [self._item(d) for d in items]

        def build(uow: UnitOfWork, state: DossierState, now: datetime):
            moment = self._moment(at, now, not_before=state.location_since)
            by = DESK
            if state.status == Status.IN_PROCESS:
                by = state.location
                held = self.cal.working_days_between(state.location_since, moment)
                if held > SUPPLEMENT_WINDOW_DAYS:
                    raise DomainError(
                        f"{by} received {state.code} on "
                        f"{self.cal.to_local(state.location_since):%d/%m/%Y %H:%M}: a department "
                        f"may ask for supplements only within {SUPPLEMENT_WINDOW_DAYS} working "
                        f"days of receiving it",
                        code="supplement_window",
                        days=round(held, 1),
                    )
            uow.append(
                state.dossier_id,
                EventType.SUPPLEMENT_REQUESTED,
                {
                    "reason": reason,
                    "by": by,
                    "items": checked_items,
                    "contact_officer": contact_officer or uow.desk.officer,
                    "contact_phone": contact_phone or uow.desk.officer_phone,
                },
                moment,
            )

        return self._single(code, build)

    def resubmit(self, code: str, at: datetime | None = None) -> DossierDetail:
        """The complete dossier is back: the clock restarts from zero."""

        def build(uow: UnitOfWork, state: DossierState, now: datetime):
            moment = self._moment(at, now, not_before=state.location_since)
            p = state.procedure
            due = self.cal.due(
                moment, p.get("time_amount", 0), TimeUnit(p.get("time_unit", "working_days"))
            )
            uow.append(
                state.dossier_id,
                EventType.RESUBMITTED,
                {
                    "due_at": due.due_at.isoformat(),
                    "due_explanation": due.explanation,
                    "clock_start": due.clock_start.isoformat(),
                },
                moment,
            )

        return self._single(code, build)

    def refuse(self, code: str, reason: str, at: datetime | None = None) -> DossierDetail:
        """Refuse at intake (Mẫu 03) while the dossier has not left the desk; after appraisal
        when a department holds it."""
        reason = validation.free_text("reason", reason, required=True)

        def build(uow: UnitOfWork, state: DossierState, now: datetime):
            moment = self._moment(at, now, not_before=state.location_since)
            if state.status == Status.IN_PROCESS:
                uow.append(
                    state.dossier_id,
                    EventType.REFUSED_AFTER_APPRAISAL,
                    {"reason": reason, "by": state.location},
                    moment,
                )
            else:
                uow.append(
                    state.dossier_id, EventType.REFUSED_AT_INTAKE, {"reason": reason}, moment
                )

        return self._single(code, build)

    def extend(
        self, code: str, new_due: datetime, reason: str, at: datetime | None = None
    ) -> DossierDetail:
        """Apology and new return date (Mẫu 04), once. Warns when issued later than one working
        day before the due moment."""
        reason = validation.free_text("reason", reason, required=True)

        def build(uow: UnitOfWork, state: DossierState, now: datetime):
            moment = self._moment(at, now, not_before=state.location_since)
            if (refused := extension_refused(state.status, state.extended)) is not None:
                raise refused
            new = self.cal.to_local(new_due)
            if state.due_at is not None and new <= state.due_at:
                raise ValidationError(
                    "new_due",
                    "the new return date must be later than "
                    f"{self.cal.to_local(state.due_at):%d/%m/%Y %H:%M}",
                    code="new_due_not_later",
                )
            base = state.due_at if state.due_at is not None else moment
            if new > self.cal.to_local(base) + timedelta(days=MAX_EXTENSION_DAYS):
                raise ValidationError(
                    "new_due",
                    f"the new return date may be at most {MAX_EXTENSION_DAYS} days "
                    f"after the current one ({self.cal.to_local(base):%d/%m/%Y})",
                    code="new_due_too_far",
                    max=MAX_EXTENSION_DAYS,
                )
            warnings = []
            if state.due_at is not None and moment > self.cal.subtract_working_time(
                state.due_at, self.cal.hours.day_length
            ):
                warnings.append("late_apology")
            if not self.cal.is_working_day(new.date()):
                warnings.append("new_due_not_working_day")
            uow.append(
                state.dossier_id,
                EventType.EXTENDED,
                {
                    "new_due_at": new.isoformat(),
                    "reason": reason,
                    "previous_due_at": state.due_at.isoformat() if state.due_at else None,
                },
                moment,
            )
            return warnings

        return self._single(code, build)

    def return_result(
        self,
        code: str,
        to_name: str,
        method: str = "counter",
        at: datetime | None = None,
        id_number: str = "",
        rating: int | None = None,
        rating_reason: str = "",
    ) -> DossierDetail:
        """Hand the result over; with `rating`, the citizen's satisfaction in the same unit of
        work (a bad rating refuses the whole return: nothing is written)."""
        rated = self._rating_payload(rating, rating_reason) if rating is not None else None
        to_name = validation.applicant_name(to_name)
        try:
            method = ReturnMethod(method)
        except ValueError as err:
            raise ValidationError(
                "method",
                f"unknown return method {method!r} (counter, post or online)",
                code="return_method",
            ) from err
        id_number = validation.citizen_id(id_number)

        def build(uow: UnitOfWork, state: DossierState, now: datetime):
            moment = self._moment(at, now, not_before=state.location_since)
            uow.append(
                state.dossier_id,
                EventType.RETURNED,
                {"to_name": to_name, "method": str(method), "id_number": id_number},
                moment,
            )
            if rated is not None:
                uow.append(state.dossier_id, EventType.RATED, rated, moment)

        return self._single(code, build)

    @staticmethod
    def _rating_payload(rating: object, reason: str | None) -> dict:
        if type(rating) is not int or rating not in RATINGS:
            raise ValidationError(
                "rating",
                "a rating is 1 (Rất hài lòng), 2 (Hài lòng) or 3 (Không hài lòng)",
                code="rating_range",
            )
        reason = validation.free_text("rating_reason", reason, limit=1000)
        if rating == UNSATISFIED and not reason:
            raise ValidationError(
                "rating_reason",
                "the rating 3 (Không hài lòng) needs a reason",
                code="rating_reason_required",
            )
        return {"rating": rating, **({"reason": reason} if reason else {})}

    def rate(self, code: str, rating: int, reason: str = "") -> DossierDetail:
        """Record the citizen's satisfaction with a returned dossier (at most once)."""
        payload = self._rating_payload(rating, reason)

        def build(uow: UnitOfWork, state: DossierState, now: datetime):
            uow.append(state.dossier_id, EventType.RATED, payload, now)  # apply() refuses a 2nd

        return self._single(code, build)

    def search_citizen(self, id_number: str, limit: int = 50) -> list[DossierView]:
        """The dossiers of one citizen ID (from a scanned card), newest first."""
        return self.search(validation.citizen_id(id_number), limit=limit)

    def stop(self, code: str, reason: str, at: datetime | None = None) -> DossierDetail:
        reason = validation.free_text("reason", reason, required=True)

        def build(uow: UnitOfWork, state: DossierState, now: datetime):
            moment = self._moment(at, now, not_before=state.location_since)
            uow.append(state.dossier_id, EventType.STOPPED, {"reason": reason}, moment)

        return self._single(code, build)

    def note(self, code: str, text: str) -> DossierDetail:
        text = validation.free_text("text", text, required=True)
        return self._single(
            code,
            lambda uow, state, now: (
                uow.append(state.dossier_id, EventType.NOTE, {"text": text}) and None
            ),
        )

    def void(self, code: str, reason: str) -> DossierDetail:
        reason = validation.free_text("reason", reason, required=True)
        return self._single(
            code,
            lambda uow, state, now: (
                uow.append(state.dossier_id, EventType.VOIDED, {"reason": reason}) and None
            ),
        )

    def record_print(self, code: str, form: str) -> DossierDetail:
        """Log a print of one of the dossier's forms; from the second on it is a reprint."""

        def build(uow: UnitOfWork, state: DossierState, now: datetime):
            copy = state.prints.get(form, 0) + 1
            uow.append(
                state.dossier_id,
                EventType.PRINTED,
                {"form": form, "copy": copy, "reprint": copy > 1},
            )

        return self._single(code, build)

    # --- reading ----------------------------------------------------------------------------
    def find_by_code(self, text: str) -> DossierDetail:
        """The dossier a scanned or typed code names (whitespace and case forgiven)."""
        clean = codes.normalize(text)
        found = self.store.scan(clean)  # the scan read path: two indexed statements
        if found is None:
            raise NotFound(
                f"no dossier has the code {clean or text!r}", code="unknown_code", value=clean
            )
        dossier_id, pk, events = found
        state = fold(dossier_id, events)
        if state.conflicts:  # its open sync exceptions are read the usual way
            with self.reading() as db:
                return self._detail(db, dossier_id, pk=pk)
        return self._detail_of(state, events, pk, ())

    show = find_by_code

    def warm_up(self) -> None:
        """What the first scan of the day would otherwise pay for, done ahead (the window asks
        right after start-up, on the DB thread): Vietnam's holidays loaded into the calendar
        (about 50 ms of imports) and the scan read path's statements prepared."""
        self.cal.is_working_day(self.cal.to_local(self.clock()).date())
        self.store.scan("")

    def search(
        self,
        text: str = "",
        *,
        status: Sequence[str] = (),
        field: str = "",
        received_from: date | None = None,
        received_to: date | None = None,
        department: str = "",
        limit: int = 50,
        before_pk: int | None = None,
    ) -> list[DossierView]:
        """One box: a code (or its beginning), a citizen ID, a phone, or words of a name typed
        without diacritics; plus filters. Newest first; page with before_pk."""
        q = (text or "").strip()
        kwargs: dict = {}
        q, born = _birth_date_term(q)
        if born:
            kwargs["birth_date"] = born
        digits = q.replace(" ", "").replace(".", "")
        tail = codes.tail_of(q)
        if q and codes.looks_like_code(q):
            kwargs["code_prefix"] = codes.normalize(q)
        elif tail is not None:
            # the end of a code, as read off a slip: "261123-0001", or "0001" (the last
            # TAIL_DAYS days), found through the unique index on code; for a bare number the
            # citizen ID / phone matches come too
            kwargs["codes"] = self._codes_for_tail(*tail)
            if digits.isdigit():
                kwargs["digits"] = digits
        elif digits.isdigit():
            kwargs["digits"] = digits
        elif q and ("-" in q or (q.count(".") >= 2 and not q.isalpha())):
            kwargs["code_prefix"] = codes.normalize(q)
        elif q:
            kwargs["terms"] = search_terms(q)
        filters = Filters(
            status=tuple(status),
            field=field,
            department=department,
            received_from=self._day_start(received_from) if received_from else None,
            received_to=self._day_start(received_to + timedelta(days=1)) if received_to else None,
        )
        cal = self.cal
        with self.reading() as db:
            rows = db.dossiers.search(filters=filters, limit=limit, before_pk=before_pk, **kwargs)
            return [view_from_row(r, cal) for r in rows]

    def _codes_for_tail(self, day: date | None, number: str) -> list[str]:
        """The full codes a tail can stand for at this agency: on that day, or on each of the
        last TAIL_DAYS days (today first)."""
        with self.reading() as db:
            desk = db.desk()
            agency = desk.agency_id if desk is not None else None
        if not agency:
            return []
        if day is not None:
            return [f"{agency}-{day:%y%m%d}-{number}"]
        today = self.cal.to_local(self.clock()).date()
        return [f"{agency}-{today - timedelta(days=k):%y%m%d}-{number}" for k in range(TAIL_DAYS)]

    def _day_start(self, day: date) -> datetime:
        return datetime.combine(day, time(0), self.cal.hours.tz).astimezone(UTC)

    def today(self) -> TodayCounts:
        counts = {k: len(v) if isinstance(v, list) else v for k, v in self._today(None).items()}
        return TodayCounts(**counts)

    def today_list(self, kind: str, limit: int = 200) -> list[DossierView]:
        """The dossiers behind one of the today panel's counts."""
        if kind not in TodayCounts.__dataclass_fields__:
            raise ValidationError("kind", f"unknown list {kind!r}", code="unknown_list")
        return self._today(kind, limit)[kind]

    def _today(self, only: str | None, limit: int = 200) -> dict:
        cal = self.cal
        now = cal.to_local(self.clock())
        day_start = datetime.combine(now.date(), time(0), cal.hours.tz)
        day_end = day_start + timedelta(days=1)
        next_day = cal.next_working_day(now.date())
        closing = cal.hours.closing
        soon_end = datetime.combine(next_day, closing, cal.hours.tz)
        waiting_since = [
            (
                dept.name,
                cal.subtract_working_time(now, cal.hours.day_length * dept.step_working_days),
            )
            for dept in self.catalog.departments()
        ]
        with self.reading() as db:
            out = db.dossiers.today(
                only,
                now=now,
                day_start=day_start,
                day_end=day_end,
                soon_end=soon_end,
                waiting_since=waiting_since,
                limit=limit,
            )
            if only is not None:
                out[only] = [view_from_row(r, cal) for r in out[only]]
        return out

    def ledger(self, date_from: date, date_to: date, all_desks: bool = False) -> list[DossierView]:
        """Sổ theo dõi hồ sơ (Mẫu 07): this desk's dossiers received in the range, in ledger
        order (the number runs on through the year)."""
        if date_to < date_from:
            raise ValidationError("to", "the end date is before the start date", code="range")
        desk = self.settings.agency()
        cal = self.cal
        with self.reading() as db:
            rows = db.dossiers.received_between(
                self._day_start(date_from),
                self._day_start(date_to + timedelta(days=1)),
                None if all_desks else desk.desk_no,
            )
            return [view_from_row(r, cal) for r in rows]

    def cash_sheet(self, day: date, officer: str = "") -> fees.CashSheet:
        """The day's payments (at intake and after it), per officer and fee type: what the
        daily cash sheet prints. Read from the day's received and fee_recorded events (by
        the index on type and time), each dossier folded for its payments as they stand
        now (a receipt reference recorded later shows)."""
        cal = self.cal
        start, end = self._day_start(day), self._day_start(day + timedelta(days=1))
        officer = validation.free_text("officer", officer, limit=100)
        with self.reading() as db:
            found = db.events.ids_of_types_between(
                (EventType.RECEIVED, EventType.FEE_RECORDED), start, end
            )
            wanted = {event_id for event_id, _ in found}
            dossier_ids = list(dict.fromkeys(d for _, d in found))
            events = db.events.of_many(dossier_ids)
        rows = []
        for dossier_id in dossier_ids:
            state = fold(dossier_id, events.get(dossier_id, []))
            proc, applicant = state.procedure, state.applicant
            note = "Hồ sơ đã hủy" if state.status == Status.VOIDED else ""
            for f in state.fees:
                if f["event_id"] not in wanted or (officer and f["officer"] != officer):
                    continue
                rows.append(
                    fees.CashRow(
                        at=cal.to_local(f["at"]),
                        officer=f["officer"],
                        code=state.code,
                        ticket=state.ticket,
                        applicant=applicant.get("name", ""),
                        procedure_code=proc.get("code", ""),
                        procedure_name=proc.get("name", ""),
                        amount=f["amount"],
                        method=f["method"],
                        receipt_ref=f["receipt_ref"],
                        note=note,
                    )
                )
        return fees.cash_sheet(day, rows, officer)

    def handoffs_on(self, day: date, department: str = "") -> list[HandoffEntry]:
        """The daily handoff list: dossiers handed to departments that day and results taken
        back, optionally for one department; in the order they happened."""
        dept = self.catalog.department(department).name if department else ""
        cal = self.cal
        start, end = self._day_start(day), self._day_start(day + timedelta(days=1))
        office = self.settings.office()
        step_days = {d.name: d.step_working_days for d in self.catalog.departments()}
        entries = []
        with self.reading() as db:
            rows = db.events.with_dossiers_between(
                (EventType.HANDED_OFF, EventType.RESULT_RECEIVED), start, end
            )
            cache: dict[str, tuple] = {}
            for ev_row, d_row in rows:
                p = ev_row.payload
                direction = "out" if ev_row.type == EventType.HANDED_OFF else "back"
                other = p.get("to_unit", DESK) if direction == "out" else p.get("from_unit", DESK)
                if other == DESK:  # the desk resolved it itself: no papers changed hands
                    continue
                if dept and other != dept:
                    continue
                if d_row.id not in cache:
                    evs = db.events.of(d_row.id)
                    st = fold(d_row.id, evs)
                    cache[d_row.id] = (
                        view_from_state(st, cal, pk=d_row.pk),
                        {
                            s.event_id: s
                            for s in step_views(
                                st, evs, cal, step_days, parse_hhmm(office.transfer_deadline)
                            )
                        },
                    )
                view, steps = cache[d_row.id]
                step = steps.get(ev_row.id)
                if step is None:  # the event lost a conflict: not a real movement
                    continue
                entries.append(HandoffEntry(view, step, direction))
        return entries

    def conflicts(self, include_acknowledged: bool = False) -> list:
        cal = self.cal
        with self.reading() as db:
            return [
                conflict_view(c, code, cal)
                for c, code in db.conflicts.listing(include_acknowledged)
            ]

    def acknowledge_conflict(self, event_id: str) -> None:
        with self.writing() as db:
            if not db.conflicts.acknowledge(event_id):
                raise NotFound(f"no sync exception {event_id!r}", code="unknown_conflict")


def _birth_date_term(q: str) -> tuple[str, str]:
    """A date of birth written DD/MM/YYYY among the search words ("nguyen van a 15/03/1985"):
    (the rest, the ISO date), or (q, "") when there is none."""
    words = q.split()
    for i, word in enumerate(words):
        if word.count("/") == 2:
            try:
                iso = cccd.birth_date_value(word)
            except ValidationError:
                continue
            return " ".join(words[:i] + words[i + 1 :]), iso
    return q, ""


def _unique(items: Iterable[str]) -> list[str]:
    seen: dict[str, None] = {}
    for item in items:
        key = codes.normalize(item)
        if key:
            seen.setdefault(key, None)
    return list(seen)
