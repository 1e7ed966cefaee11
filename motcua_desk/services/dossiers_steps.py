"""The lifecycle steps of one dossier: supplement, resubmission, refusal, apology (extension),
return and rating, stop, note, void, print log."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime, timedelta

from motcua_desk.domain import validation
from motcua_desk.domain.calendar import TimeUnit
from motcua_desk.domain.dossier import DESK, RATINGS, DossierState, Status, extension_refused
from motcua_desk.domain.dto import DocumentLine, DossierDetail
from motcua_desk.domain.errors import DomainError, ValidationError
from motcua_desk.domain.events import EventType, ReturnMethod
from motcua_desk.domain.schema import UNSATISFIED
from motcua_desk.services.base import UnitOfWork
from motcua_desk.services.dossiers_base import DossierBase

SUPPLEMENT_WINDOW_DAYS = 3  # a department may send a dossier back within 3 working days [law]
# [ours] An apology's new return date is at most this long after the current one: the law sets
# no cap, but a date years away is a typing mistake that could never be corrected (once only).
MAX_EXTENSION_DAYS = 365


class DossierSteps(DossierBase):
    """One action on one dossier, each in one unit of work."""

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
