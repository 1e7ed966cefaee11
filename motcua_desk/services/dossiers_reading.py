"""Dossier look-ups: by a scanned code, the search box, the today panel, sync exceptions."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime, time, timedelta

from motcua_desk.domain import cccd, codes, validation
from motcua_desk.domain.dossier import fold
from motcua_desk.domain.dto import DossierDetail, DossierView, TodayCounts
from motcua_desk.domain.errors import NotFound, ValidationError
from motcua_desk.domain.text import search_terms
from motcua_desk.services.dossiers_base import DossierBase
from motcua_desk.services.dto_builders import conflict_view, view_from_row
from motcua_desk.store.repo import Filters

TAIL_DAYS = 31  # a code's number typed alone is looked for on the last month's days


class DossierReading(DossierBase):
    """Reads: scan, search, today's work, conflicts."""

    def search_citizen(self, id_number: str, limit: int = 50) -> list[DossierView]:
        """The dossiers of one citizen ID (from a scanned card), newest first."""
        return self.search(validation.citizen_id(id_number), limit=limit)

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
