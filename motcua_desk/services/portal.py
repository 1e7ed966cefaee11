"""The exchange with the provincial system and the national portal: `export` writes the
dossiers received in a period in the portal's shape (domain.portal, through the versioned
mapping of resources/portal/mapping.json); `import_document` takes online dossiers (channel
online) from a file of that shape, matched by their code (MaHoSo), so that importing a file
twice changes nothing.

The file is checked whole before anything is written: its JSON Schema
(resources/portal/schema.json), its hash, then every dossier in it; one bad dossier refuses
the file (exit 2 on the command line) and nothing is written. No portal credentials live on
the desk: the file is carried by the office's own channel.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from functools import cache
from typing import Any

from motcua_desk import paths
from motcua_desk.domain import portal, validation
from motcua_desk.domain.catalog import Procedure
from motcua_desk.domain.codes import parse as parse_code
from motcua_desk.domain.dossier import fold
from motcua_desk.domain.errors import DomainError, NotFound, ValidationError
from motcua_desk.domain.events import EventType, canonical_json
from motcua_desk.domain.ids import uuid7
from motcua_desk.domain.schema import InvalidEvent
from motcua_desk.services.base import ServiceBase
from motcua_desk.services.dossiers_intake import procedure_snapshot
from motcua_desk.services.dto_builders import ledger_book
from motcua_desk.services.replication_terms import HUB

FORMAT = "motcua-desk portal export"
HASH_KEY = "MaBam"
BATCH = 500  # dossiers folded per read of their events
FUTURE_TOLERANCE = timedelta(minutes=5)

Progress = Callable[[int, int], None]


@cache
def _mapping_file() -> list[portal.Mapping]:
    path = paths.resources_dir() / "portal" / "mapping.json"
    return portal.parse_mappings(json.loads(path.read_text(encoding="utf-8")))


@cache
def _validator():
    import jsonschema  # only the import needs it

    path = paths.resources_dir() / "portal" / "schema.json"
    schema = json.loads(path.read_text(encoding="utf-8"))
    cls = jsonschema.validators.validator_for(schema)
    cls.check_schema(schema)
    return cls(schema)


def schema_problem(doc: Any) -> str:
    """The first way `doc` breaks the export's JSON Schema ('' when it fits), with where."""
    import jsonschema

    error = jsonschema.exceptions.best_match(_validator().iter_errors(doc))
    if error is None:
        return ""
    where = "".join(f"[{p}]" if isinstance(p, int) else f".{p}" for p in error.absolute_path)
    message = error.message if len(error.message) <= 160 else error.message[:157] + "..."
    return f"{where.lstrip('.') or 'the file'}: {message}"


def content_hash(doc: dict[str, Any]) -> str:
    """SHA-256 of the file's canonical JSON, its own hash left out."""
    body = {k: v for k, v in doc.items() if k != HASH_KEY}
    return hashlib.sha256(canonical_json(body).encode("utf-8")).hexdigest()


@dataclass
class ImportReport:
    mapping_version: int
    created: list[str] = field(default_factory=list)  # codes
    unchanged: list[str] = field(default_factory=list)  # already here (matched by MaHoSo)
    skipped: list[tuple[str, str]] = field(default_factory=list)  # (code, why): not online


class DocumentWriter:
    """One export document, dossier by dossier (each from all its events): the desk's export
    and the hub's (sync.hub_export) write through it."""

    def __init__(self, m: portal.Mapping, local, file_url=None) -> None:
        self.m = m
        self.local = local
        self.file_url = file_url
        self.dossiers: list[dict[str, Any]] = []
        self.lines: list[dict[str, Any]] = []

    def add(self, dossier_id: str, events) -> None:
        state = fold(dossier_id, events)
        if not state.code:
            return
        m = self.m
        record = portal.dossier_record(state, self.local, self.file_url)
        self.dossiers.append(portal.export_item(record, m.dossier, m))
        self.lines.extend(
            portal.export_item(line, m.progress, m)
            for line in portal.progress_records(state, events, self.local)
        )

    def document(
        self, agency_id: str, agency_name: str, date_from: date, date_to: date, now: datetime
    ) -> dict[str, Any]:
        m = self.m
        doc: dict[str, Any] = {
            "DinhDang": FORMAT,
            "PhienBanAnhXa": m.version,
            "HieuLucAnhXa": m.effective_from.isoformat(),
            "MaDonVi": agency_id,
            **({"TenDonVi": agency_name} if agency_name else {}),
            "TuNgay": date_from.isoformat(),
            "DenNgay": date_to.isoformat(),
            "ThoiDiemXuat": now.strftime(m.strftime),
            "SoHoSo": len(self.dossiers),
            m.dossier_list: self.dossiers,
            m.progress_list: self.lines,
        }
        doc[HASH_KEY] = {"ThuatToan": "SHA-256", "GiaTri": content_hash(doc)}
        return doc


def mappings() -> list[portal.Mapping]:
    return _mapping_file()


class PortalService(ServiceBase):
    def __init__(self, store, clock, settings, catalog, calendar) -> None:
        super().__init__(store, clock)
        self.settings = settings
        self.catalog = catalog
        self.calendar = calendar

    @classmethod
    def from_services(cls, services) -> PortalService:
        return cls(
            services._store, services.clock, services.settings, services.catalog, services.calendar
        )

    # --- export ---------------------------------------------------------------------------
    def export(
        self,
        date_from: date,
        date_to: date,
        *,
        all_desks: bool = False,
        version: int | None = None,
        progress: Progress | None = None,
    ) -> dict[str, Any]:
        """The dossiers received from `date_from` to `date_to` (this desk's, or every desk's
        this database holds), with their progress lines, as one document of the mapping in
        force on `date_to` (or `version`)."""
        if date_to < date_from:
            raise ValidationError("to", "the end date is before the start date", code="range")
        m = portal.mapping_for(mappings(), date_to, version)
        agency = self.settings.agency()
        cal = self.calendar.calendar()
        with self.reading() as db:
            hub = db.settings.get(HUB) or {}
        base = str(hub.get("url", "")).rstrip("/") if isinstance(hub, dict) else ""

        def file_url(sha256: str) -> str:
            """The hub's download address of a digitised file (it needs a desk token)."""
            return f"{base}/v1/files/{sha256}" if base and sha256 else ""

        def local(moment: datetime) -> datetime:
            return cal.to_local(moment).replace(tzinfo=None)

        def day_start(day: date) -> datetime:
            return cal.to_local(datetime(day.year, day.month, day.day))

        writer = DocumentWriter(m, local, file_url)
        with self.reading() as db:
            rows = db.dossiers.received_between(
                day_start(date_from),
                day_start(date_to + timedelta(days=1)),
                None if all_desks else agency.desk_no,
            )
            ids = [r.id for r in rows]
            total = len(ids)
            for start in range(0, total, BATCH):
                batch = ids[start : start + BATCH]
                events = db.events.of_many(batch)
                for dossier_id in batch:
                    writer.add(dossier_id, events.get(dossier_id, []))
                if progress is not None:
                    progress(min(start + BATCH, total), total)
        doc = writer.document(
            agency.agency_id, agency.agency_name, date_from, date_to, local(self.clock())
        )
        if progress is not None and total == 0:
            progress(0, 0)
        return doc

    # --- import ---------------------------------------------------------------------------
    def import_document(self, doc: Any) -> ImportReport:
        """Receive the online dossiers of a portal file. Checked whole first: nothing is
        written when any of it is wrong (ValidationError naming the place)."""
        problem = schema_problem(doc)
        if problem:
            raise ValidationError("portal", f"not a portal file: {problem}", code="portal_schema")
        digest = doc.get(HASH_KEY)
        if digest is not None and digest.get("GiaTri") != content_hash(doc):
            raise ValidationError(
                "portal",
                "the file's hash (MaBam) does not match its content: it was changed or cut "
                "after it was written",
                code="portal_hash",
            )
        m = portal.mapping_for(mappings(), date.min, int(doc["PhienBanAnhXa"]))
        items = doc.get(m.dossier_list, [])
        report = ImportReport(m.version)
        cal = self.calendar.calendar()
        now = cal.to_local(self.clock())
        wanted: list[tuple[dict[str, Any], Procedure]] = []
        seen: set[str] = set()
        for i, item in enumerate(items):
            where = f"{m.dossier_list}[{i}]"
            record = portal.import_item(item, m.dossier, m, where)
            code = record.get("code", "")
            try:
                parse_code(code)
            except DomainError:
                raise ValidationError(
                    "portal", f"{where}.MaHoSo {code!r} is not a dossier code", code="portal_value"
                ) from None
            if code in seen:
                raise ValidationError(
                    "portal", f"{where}.MaHoSo {code} is in the file twice", code="portal_value"
                )
            seen.add(code)
            if record.get("channel") != "online":
                report.skipped.append((code, "not_online"))
                continue
            wanted.append((self._checked(record, where, cal, now), self._procedure(record, where)))
        with self.unit() as uow:
            for record, proc in wanted:
                code = record["code"]
                if uow.dossiers.key(code) is not None:
                    report.unchanged.append(code)
                    continue
                self._receive(uow, record, proc, m.version)
                report.created.append(code)
        return report

    def _procedure(self, record: dict[str, Any], where: str) -> Procedure:
        try:
            return self.catalog.get(record.get("procedure_code", ""))
        except NotFound:
            raise ValidationError(
                "portal",
                f"{where}.MaTTHC {record.get('procedure_code', '')!r} is not a procedure of this "
                "desk's catalog",
                code="portal_procedure",
            ) from None

    def _checked(self, record: dict[str, Any], where: str, cal, now: datetime) -> dict[str, Any]:
        """The record with each value as intake would hold it, or ValidationError at `where`."""
        try:
            out = dict(record)
            out["applicant_name"] = validation.applicant_name(record.get("applicant_name", ""))
            ids = [x.get("number", "") for x in record.get("identities", ())]
            out["id_number"] = validation.citizen_id(ids[0] if ids else "")
            out["phone"] = validation.phone(record.get("phone", ""))
            out["email"] = validation.email(record.get("email", ""))
            out["address"] = validation.address(record.get("address", ""))
            if "received_at" not in record or "due_at" not in record:
                raise ValidationError(
                    "NgayTiepNhan", "NgayTiepNhan and NgayHenTra are required", code="required"
                )
            received = cal.to_local(record["received_at"])
            due = cal.to_local(record["due_at"])
            if received > now + FUTURE_TOLERANCE:
                raise ValidationError(
                    "NgayTiepNhan",
                    f"{received:%Y-%m-%d %H:%M} is in the future",
                    code="moment_future",
                )
            if due < received:
                raise ValidationError(
                    "NgayHenTra", "the return date is before the receipt", code="range"
                )
            out["received_at"], out["due_at"] = received, due
            out["documents"] = [
                {
                    "name": validation.free_text(
                        "TenTepDinhKem", d.get("name", ""), required=True, limit=300
                    ),
                    "form": d.get("form") or "copy",
                    "count": validation.count("SoBan", d.get("count", 1) or 1),
                    "checked": True,
                }
                for d in record.get("documents", ())
            ]
            out["delivery"] = record.get("delivery", "counter")
        except ValidationError as err:
            raise ValidationError(
                "portal", f"{where} ({record.get('code', '')}): {err}", code="portal_value"
            ) from None
        return out

    def _receive(self, uow, record: dict[str, Any], proc: Procedure, version: int) -> None:
        desk = uow.desk
        received: datetime = record["received_at"]
        number = uow.dossiers.next_ledger_number(desk, received.year)
        payload = {
            "code": record["code"],
            "procedure": procedure_snapshot(proc),
            "applicant": {
                "name": record["applicant_name"],
                "id_number": record["id_number"],
                "phone": record["phone"],
                "address": record["address"],
                "email": record["email"],
            },
            "documents": record["documents"],
            "sets": 1,
            "channel": "online",
            "result_delivery": record["delivery"],
            "due_at": record["due_at"].isoformat(),
            "due_explanation": "Ngày hẹn trả theo Hệ thống thông tin giải quyết TTHC",
            "clock_start": received.isoformat(),
            "ledger": {
                "year": received.year,
                "book": ledger_book(desk.desk_no, received.year),
                "number": number,
            },
            "desk_no": desk.desk_no,
            "imported": {"from": "portal", "mapping_version": version},
        }
        try:
            uow.append(uuid7(), EventType.RECEIVED, payload, received)
        except InvalidEvent as err:
            raise ValidationError(
                "portal", f"{record['code']}: {err}", code="portal_value"
            ) from None
