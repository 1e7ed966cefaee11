"""The dossier lists the desk prints: the ledger (Mẫu 07), the daily cash sheet, the daily
handoff list."""

from __future__ import annotations

from datetime import date, timedelta

from motcua_desk.domain import fees, validation
from motcua_desk.domain.dossier import DESK, Status, fold
from motcua_desk.domain.dto import DossierView, HandoffEntry
from motcua_desk.domain.errors import ValidationError
from motcua_desk.domain.events import EventType
from motcua_desk.services.dossiers_base import DossierBase
from motcua_desk.services.dto_builders import step_views, view_from_row, view_from_state
from motcua_desk.services.settings import parse_hhmm


class DossierLists(DossierBase):
    """Ledger, cash sheet and handoff list."""

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
            voided = "Hồ sơ đã hủy" if state.status == Status.VOIDED else ""
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
                        note="; ".join(x for x in (voided, f.get("note", "")) if x),
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
