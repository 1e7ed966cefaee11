"""Office-wide settings kept in the database (they travel with the desk's data and apply to every
officer): office hours, cut-off, time zone, desk identity. Per-user choices of the window
(printer, language) live in QSettings in the ui layer instead."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import time
from typing import Any

from motcua_desk.domain import codes, validation
from motcua_desk.domain.calendar import OfficeHours
from motcua_desk.domain.dto import AgencyInfo
from motcua_desk.domain.errors import DomainError, ValidationError
from motcua_desk.domain.events import GENESIS_HASH
from motcua_desk.domain.ids import uuid7
from motcua_desk.domain.text import nfc
from motcua_desk.services.base import ServiceBase
from motcua_desk.store import repo
from motcua_desk.store.models import DeskRow

DEMO_AGENCY = AgencyInfo(
    agency_id="000.00.00.H99",
    agency_name="TRUNG TÂM PHỤC VỤ HÀNH CHÍNH CÔNG XÃ DÙNG THỬ",
    parent_name="UBND XÃ DÙNG THỬ",
    place="Dùng Thử",
    desk_no=1,
    officer="Cán bộ dùng thử",
    demo=True,
)

_HHMM = re.compile(r"^(\d{1,2}):(\d{2})$")


def parse_hhmm(value: str, field: str = "time") -> time:
    m = _HHMM.match(value.strip())
    if not m or int(m[1]) > 23 or int(m[2]) > 59:
        raise ValidationError(field, f"{value!r} is not a time of day (HH:MM)", code="time_format")
    return time(int(m[1]), int(m[2]))


def parse_segments(value: str) -> tuple[tuple[time, time], ...]:
    """'07:30-11:30,13:00-17:00' → segments."""
    segments = []
    for part in value.split(","):
        start, _, end = part.strip().partition("-")
        if not end:
            raise ValidationError(
                "office_hours", f"{part!r} is not a range HH:MM-HH:MM", code="office_hours_format"
            )
        segments.append((parse_hhmm(start, "office_hours"), parse_hhmm(end, "office_hours")))
    return tuple(segments)


def check_desk_identity(
    *,
    agency_id: str,
    agency_name: str,
    parent_name: str,
    place: str,
    desk_no: int = 1,
    officer: str = "",
    officer_phone: str = "",
    desk_slots: int = codes.DEFAULT_DESK_SLOTS,
) -> tuple[str, int, dict[str, str], str, str]:
    """What SettingsService.init_desk checks, without a database: the command line checks it
    before it creates the file, so a refused `init` leaves nothing behind. Returns the agency
    id, desk number, names, officer and phone as they are stored; raises ValidationError."""
    agency = codes.agency_id(agency_id)
    desk_no = codes.desk_number(desk_no, desk_slots)
    names = {
        k: validation.looks_like_name(k, v, limit=200)
        for k, v in (("agency_name", agency_name), ("parent_name", parent_name), ("place", place))
    }
    officer = validation.looks_like_name("officer", officer, limit=100, required=False)
    phone = validation.phone(officer_phone) if officer_phone else ""
    return agency, desk_no, names, officer, phone


@dataclass(frozen=True)
class OfficeSettings:
    office_hours: str = "07:30-11:30,13:00-17:00"
    cutoff: str = "15:00"
    tz_name: str = "Asia/Ho_Chi_Minh"
    print_qr: bool = True  # the QR survives folds (issue 9): on unless the desk turns it off
    transfer_deadline: str = "11:30"  # [ours] "start of the next working day" ends at this time

    def hours(self) -> OfficeHours:
        return OfficeHours(
            segments=parse_segments(self.office_hours),
            cutoff=parse_hhmm(self.cutoff, "cutoff"),
            tz_name=self.tz_name,
        )


class SettingsService(ServiceBase):
    """Desk identity and office settings."""

    def agency(self) -> AgencyInfo:
        with self.reading() as db:
            return _agency(db.own_desk(repo.RUN_INIT))

    def is_initialised(self) -> bool:
        with self.reading() as db:
            return db.desk() is not None

    def init_desk(
        self,
        *,
        agency_id: str,
        agency_name: str,
        parent_name: str,
        place: str,
        desk_no: int = 1,
        officer: str = "",
        officer_phone: str = "",
        desk_slots: int = codes.DEFAULT_DESK_SLOTS,
        demo: bool = False,
    ) -> AgencyInfo:
        """Create the desk identity, or update names/officer of an existing one. The agency id
        and desk number are part of every code: they cannot change once events exist."""
        agency, desk_no, names, officer, phone = check_desk_identity(
            agency_id=agency_id,
            agency_name=agency_name,
            parent_name=parent_name,
            place=place,
            desk_no=desk_no,
            officer=officer,
            officer_phone=officer_phone,
            desk_slots=desk_slots,
        )
        with self.writing() as db:
            desk = db.desk()
            if desk is None:
                desk = db.new_desk(uuid7(), self.clock(), GENESIS_HASH)
            elif (desk.agency_id, desk.desk_no) != (agency, desk_no) and db.events.any_of_node(
                desk.node_id
            ):
                raise DomainError(
                    "the agency id and desk number cannot change once this desk has issued "
                    "dossier codes",
                    code="identity_locked",
                )
            desk.agency_id, desk.desk_no, desk.desk_slots = agency, desk_no, desk_slots
            desk.agency_name, desk.parent_name = names["agency_name"], names["parent_name"]
            desk.place, desk.officer, desk.officer_phone = names["place"], officer, phone
            desk.demo = demo
            db.flush()
            return _agency(desk)

    def set_officer(self, officer: str, phone: str = "") -> AgencyInfo:
        officer = validation.looks_like_name("officer", officer, limit=100)
        with self.writing() as db:
            desk = db.own_desk()
            desk.officer = officer
            desk.officer_phone = validation.phone(phone) if phone else desk.officer_phone
            return _agency(desk)

    def office(self) -> OfficeSettings:
        """Cached: read on every dossier view, changed a few times a year."""
        cached = getattr(self, "_office", None)
        if cached is not None:
            return cached
        with self.reading() as db:
            data = db.settings.get("office", {}) or {}
        known = OfficeSettings.__dataclass_fields__
        self._office = OfficeSettings(**{k: v for k, v in data.items() if k in known})
        return self._office

    def invalidate(self) -> None:
        self._office = None

    def set_office(self, **changes: Any) -> OfficeSettings:
        current = self.office()
        merged = {**current.__dict__, **{k: v for k, v in changes.items() if v is not None}}
        unknown = set(merged) - set(OfficeSettings.__dataclass_fields__)
        if unknown:
            raise ValidationError(
                "settings", f"unknown settings {sorted(unknown)}", code="unknown_setting"
            )
        new = OfficeSettings(**merged)
        new.hours()  # validates hours, cut-off and time zone
        parse_hhmm(new.transfer_deadline, "transfer_deadline")
        with self.writing() as db:
            db.settings.set("office", dict(new.__dict__))
        self._office = new
        return new

    def get(self, key: str, default: Any = None) -> Any:
        with self.reading() as db:
            return db.settings.get(key, default)

    def put(self, key: str, value: Any) -> None:
        with self.writing() as db:
            db.settings.set(key, value)


def _agency(desk: DeskRow) -> AgencyInfo:
    return AgencyInfo(
        agency_id=desk.agency_id,
        agency_name=nfc(desk.agency_name),
        parent_name=nfc(desk.parent_name),
        place=nfc(desk.place),
        desk_no=desk.desk_no,
        officer=desk.officer,
        node_id=desk.node_id,
        officer_phone=desk.officer_phone,
        demo=desk.demo,
    )
