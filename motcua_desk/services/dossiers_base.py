"""What the dossier use cases share: the office calendar, officer-stated moments, resolving a
code in a unit of work, the detail the window shows, one action on one dossier."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import UTC, date, datetime, time, timedelta

from motcua_desk.domain import codes, validation
from motcua_desk.domain.calendar import WorkCalendar
from motcua_desk.domain.catalog import DOCUMENT_FORM_LABELS_VI
from motcua_desk.domain.dossier import DossierState, fold
from motcua_desk.domain.dto import DocumentLine, DossierDetail
from motcua_desk.domain.errors import NotFound, ValidationError
from motcua_desk.domain.events import Event
from motcua_desk.services.base import ServiceBase, UnitOfWork
from motcua_desk.services.calendar import CalendarService
from motcua_desk.services.catalog import CatalogService
from motcua_desk.services.dto_builders import (
    allowed_actions,
    conflict_view,
    event_view,
    step_views,
    view_from_state,
)
from motcua_desk.services.settings import SettingsService, parse_hhmm
from motcua_desk.store.repositories import Repositories

FUTURE_TOLERANCE = timedelta(minutes=5)
BACKDATE_LIMIT = timedelta(days=366)


class DossierBase(ServiceBase):
    """The dossier service's state and helpers; its use cases are mixins over it
    (composed into services.dossiers.DossierService)."""

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

    def office_today(self) -> date:
        """Today at the office (its time zone, not the PC's): the day a printed form is
        dated."""
        return self.cal.to_local(self.clock()).date()

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

    def _single(self, code: str, build) -> DossierDetail:
        """Run one action on one dossier in one unit of work; build(uow, state, now) appends
        its event and returns warnings."""
        with self.unit() as uow:
            state = self._resolve(uow, code)
            warnings = build(uow, state, self.cal.to_local(uow.now)) or ()
            return self._detail(uow, state.dossier_id, warnings)

    def _day_start(self, day: date) -> datetime:
        return datetime.combine(day, time(0), self.cal.hours.tz).astimezone(UTC)


def _unique(items: Iterable[str]) -> list[str]:
    seen: dict[str, None] = {}
    for item in items:
        key = codes.normalize(item)
        if key:
            seen.setdefault(key, None)
    return list(seen)
