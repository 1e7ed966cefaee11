"""Helpers shared by the command modules: argument types, output, opening the services."""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

from motcua_desk.domain.dto import DossierDetail, DossierView, StepView
from motcua_desk.domain.errors import ValidationError

# Years a command-line date may name: dossier codes carry a two-digit year (YYMMDD), and no
# office record of this program is older than 2000. Outside, a moment is a typing mistake (and
# 0001-01-01T00:00+14:00 cannot even be converted to UTC).
MIN_YEAR, MAX_YEAR = 2000, 2099


def parse_moment(text: str, field: str = "time") -> datetime:
    """ISO 8601 date and time; without an offset it is office-local (returned naive)."""
    try:
        value = datetime.fromisoformat(text.strip())
    except ValueError as err:
        raise ValidationError(
            field,
            f"{text!r} is not a date and time (use YYYY-MM-DDTHH:MM, e.g. 2026-11-23T09:10)",
            code="moment_format",
        ) from err
    if len(text.strip()) <= 10:
        raise ValidationError(
            field, f"{text!r} has no time of day (use YYYY-MM-DDTHH:MM)", code="moment_format"
        )
    _check_year(text, value.year, field)
    if value.tzinfo is not None:
        try:
            _check_year(text, value.astimezone(UTC).year, field)
        except OverflowError as err:
            raise ValidationError(
                field,
                f"{text!r} is outside the years {MIN_YEAR}–{MAX_YEAR}",
                code="year_range",
                low=MIN_YEAR,
                high=MAX_YEAR,
            ) from err
    return value


def parse_day(text: str, field: str = "date") -> date:
    try:
        value = date.fromisoformat(text.strip())
    except ValueError as err:
        raise ValidationError(
            field, f"{text!r} is not a date (use YYYY-MM-DD)", code="date_format"
        ) from err
    _check_year(text, value.year, field)
    return value


def parse_year(value: int, field: str = "year") -> int:
    _check_year(str(value), value, field)
    return value


def _check_year(text: str, year: int, field: str) -> None:
    if not MIN_YEAR <= year <= MAX_YEAR:
        raise ValidationError(
            field,
            f"{text!r} is outside the years {MIN_YEAR}–{MAX_YEAR}",
            code="year_range",
            low=MIN_YEAR,
            high=MAX_YEAR,
        )


def iso_minute(moment: datetime | None) -> str | None:
    if moment is None:
        return None
    return moment.replace(second=0, microsecond=0).isoformat(timespec="minutes")


def dossier_json(d: DossierView) -> dict[str, Any]:
    return {
        "code": d.code,
        "id": d.id,
        "status": d.status,
        "status_label": d.status_label,
        "national_status": d.national_status,
        "procedure_code": d.procedure_code,
        "procedure_name": d.procedure_name,
        "field": d.field,
        "department": d.department,
        "applicant_name": d.applicant_name,
        "id_number": d.id_number,
        "phone": d.phone,
        "address": d.address,
        "email": d.email,
        "sets": d.sets,
        "received_at": iso_minute(d.received_at),
        "due_at": iso_minute(d.due_at),
        "original_due_at": iso_minute(d.original_due_at),
        "due_explanation": d.due_explanation,
        "extended": d.extended,
        "location": d.location,
        "supplement_count": d.supplement_count,
        "result_at": iso_minute(d.result_at),
        "returned_at": iso_minute(d.returned_at),
        "returned_to": d.returned_to,
        "return_method": d.return_method,
        "ledger": {"year": d.ledger_year, "book": d.ledger_book, "number": d.ledger_number},
        "desk_no": d.desk_no,
        "birth_date": d.birth_date,
        "sex": d.sex,
        "rating": d.rating or None,
        "rating_reason": d.rating_reason,
        "ticket": d.ticket,
        "fee_paid": d.fee_paid,
        "fee_method": d.fee_method,
        "receipt_ref": d.receipt_ref,
    }


def step_json(s: StepView) -> dict[str, Any]:
    return {
        "kind": s.kind,
        "from": s.from_unit,
        "to": s.to_unit,
        "giver": s.giver,
        "receiver": s.receiver,
        "at": iso_minute(s.at),
        "deadline": iso_minute(s.deadline),
        "timing": s.timing,
    }


def detail_json(detail: DossierDetail, with_events: bool = False) -> dict[str, Any]:
    out = dossier_json(detail.dossier)
    out["documents"] = [
        {"name": x.name, "form": x.form, "count": x.count, "checked": x.checked}
        for x in detail.dossier.documents
    ]
    out["allowed_actions"] = list(detail.allowed_actions)
    out["fee_due"] = detail.dossier.fee_amount
    out["fees"] = [
        {
            "at": iso_minute(f.at),
            "officer": f.officer,
            "amount": f.amount,
            "method": f.method,
            "receipt_ref": f.receipt_ref,
        }
        for f in detail.dossier.fees
    ]
    if detail.warnings:
        out["warnings"] = list(detail.warnings)
    if with_events:
        out["events"] = [
            {
                "type": e.type,
                "occurred_at": iso_minute(e.occurred_at),
                "recorded_at": iso_minute(e.recorded_at),
                "officer": e.officer,
                "summary": e.summary,
                "payload": dict(e.payload),
            }
            for e in detail.events
        ]
        out["steps"] = [step_json(s) for s in detail.steps]
        out["conflicts"] = [
            {"event_id": c.event_id, "reason": c.reason, "description": c.description}
            for c in detail.conflicts
        ]
    return out


def emit_json(obj: Any) -> None:
    json.dump(obj, sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")


def fmt(moment: datetime | None) -> str:
    """DD/MM/YYYY HH:MM, office-local: an aware moment in another zone (the UTC of a last
    sync, of a hub's last contact) is converted, as every time the command line prints is."""
    if not moment:
        return "—"
    if moment.tzinfo is not None:
        from zoneinfo import ZoneInfo

        from motcua_desk.domain.calendar import OfficeHours

        moment = moment.astimezone(ZoneInfo(OfficeHours().tz_name))
    return f"{moment:%d/%m/%Y %H:%M}"


def print_dossier(detail: DossierDetail) -> None:
    d = detail.dossier
    print(f"{d.code}  {d.status_label} ({d.status}, national {d.national_status})")
    print(f"  {d.procedure_code} {d.procedure_name}")
    print("  applicant: " + "  ".join(x for x in (d.applicant_name, d.id_number, d.phone) if x))
    if d.birth_date or d.sex:
        print(f"  born {d.birth_date_label or '—'}  {d.sex_label or '—'}")
    if d.address:
        print(f"  address: {d.address}")
    if d.ticket:
        print(f"  queue ticket: {d.ticket}")
    for f in d.fees:
        ref = f"  e-receipt {f.receipt_ref}" if f.receipt_ref else ""
        print(f"  fee: {f.amount:,} đ {f.method} {fmt(f.at)} {f.officer}{ref}")
    if d.rating:
        reason = f" — {d.rating_reason}" if d.rating_reason else ""
        print(f"  rating: {d.rating} {d.rating_label}{reason}")
    print(
        f"  received {fmt(d.received_at)}  due {fmt(d.due_at)}"
        + (f"  (originally {fmt(d.original_due_at)})" if d.extended else "")
    )
    if d.due_explanation:
        print(f"  {d.due_explanation}")
    if d.location:  # where the paper dossier is now
        place = "Bộ phận Một cửa" if d.location == "desk" else d.location
        print(f"  at: {place} since {fmt(d.location_since)}")
    for w in detail.warnings:
        print(f"  warning: {WARNINGS.get(w, w)}")


WARNINGS = {
    "late_apology": "the apology is issued later than one working day before the due moment",
    "new_due_not_working_day": "the new return date is not a working day",
}


def database_problem(err: BaseException, db_path: Path) -> str | None:
    """One line for a database or disk failure (read-only folder, full disk, damaged file,
    locked by another program), or None when `err` is not one. SQLite keeps a transaction all
    or nothing, so in every one of these cases nothing was changed."""
    import errno
    import sqlite3

    found: BaseException | None = None
    seen: set[int] = set()
    e: BaseException | None = err
    while e is not None and id(e) not in seen:
        seen.add(id(e))
        orig = getattr(e, "orig", None)
        if isinstance(e, (sqlite3.Error, OSError)):
            found = e
            break
        if isinstance(orig, sqlite3.Error):
            found = orig
            break
        e = e.__cause__ or e.__context__
    if found is None:
        return None
    folder = db_path.parent if str(db_path.parent) else Path(".")
    if isinstance(found, OSError):
        if found.errno == errno.ENOSPC:
            return (
                f"the disk is full ({found.filename or folder}): nothing was saved; free "
                "some space and try again"
            )
        if found.errno in (errno.EROFS, errno.EACCES, errno.EPERM):
            return (
                f"cannot write {found.filename or folder} ({found.strerror}): nothing was "
                "changed; fix the folder's permissions or use --db on a writable folder"
            )
        return None
    code = (getattr(found, "sqlite_errorcode", None) or 0) & 0xFF
    text = str(found)
    if code in (10, 13):  # SQLITE_IOERR (the -shm cannot grow), SQLITE_FULL
        import shutil

        try:
            full = code == 13 or shutil.disk_usage(folder or ".").free < 1024 * 1024
        except OSError:
            full = code == 13
    else:
        full = False
    if full or "disk is full" in text:
        return (
            f"the disk holding {db_path} is full: nothing was saved; free some space and try again"
        )
    if code in (8, 14, 3) or "readonly" in text or "unable to open" in text:
        # SQLITE_READONLY, SQLITE_CANTOPEN, SQLITE_PERM
        return (
            f"cannot open {db_path} for writing: the file or its folder {folder} is "
            "read-only (the desk also writes its -wal and -shm files beside it); nothing "
            "was changed; fix the permissions, or copy the file to a writable folder"
        )
    if code in (11, 26) or "malformed" in text or "not a database" in text:
        # SQLITE_CORRUPT, SQLITE_NOTADB
        return (
            f"the database {db_path} is damaged (truncated or corrupt) and was not "
            "changed; restore it from a backup (see the README, Backups)"
        )
    if code in (5, 6):  # SQLITE_BUSY, SQLITE_LOCKED
        return f"the database {db_path} is busy (another program holds it); try again"
    if code == 10:  # SQLITE_IOERR
        return (
            f"the disk holding {db_path} failed to read or write ({text}); nothing was "
            "changed; check the disk"
        )
    return None


@dataclass
class Context:
    """What a command handler gets: its arguments and a lazily opened service set."""

    args: argparse.Namespace
    db_path: Path
    _services: Any = None
    create: bool = False

    @property
    def services(self):
        if self._services is None:
            from motcua_desk.app import open_services

            try:
                self._services = open_services(self.db_path, create=self.create)
            except Exception as err:
                # A command that only reads still works on a database in a read-only folder.
                problem = database_problem(err, self.db_path) or ""
                if not getattr(self.args, "reads_only", False) or "read-only" not in problem:
                    raise
                self._services = open_services(self.db_path, create=False, read_only=True)
                print(
                    f"motcua-desk: note: {self.db_path} is in a read-only folder: opened "
                    "for reading only",
                    file=sys.stderr,
                )
        return self._services

    def close(self) -> None:
        if self._services is not None:
            self._services.close()
