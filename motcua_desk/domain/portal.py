"""The exchange with the provincial system and the national portal: a dossier as they write it
(the shape of DongBoHoSoMC, with the progress lines of CapNhatTienDoHoSoMC), and back.

Two halves, so that the portal's shape is data and not code (DOMAIN.md: from NĐ 309/2026 the
Ministry of Public Security defines it, and it may change again):

- `dossier_record` and `progress_records` say what a dossier is in our own words: one flat
  record, with lists of documents, fees, supplements, results, and one line per step taken.
- A `Mapping` (resources/portal/mapping.json, one version per effective date) says which
  portal field carries which of our words, and how its value is written: a date as
  yyyyMMddHHmmss, an enumeration as the portal's number, a list item by item. `export_item`
  writes a record through it; `import_item` reads a portal dossier back into our words.

Pure: no I/O. Moments in the records are office-local and naive (the portal writes local
time without an offset); the service converts.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from collections.abc import Mapping as MappingABC
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from motcua_desk.domain.dossier import (
    DESK,
    DossierState,
    Status,
    _moment,  # the fold's reading of a payload moment
)
from motcua_desk.domain.errors import ValidationError
from motcua_desk.domain.events import Event, EventType

# How a mapping writes a moment: the portal's pattern, in strftime's words.
_DATETIME_PATTERNS = {"yyyyMMddHHmmss": "%Y%m%d%H%M%S"}
_TYPES = ("text", "datetime", "int")
DESK_UNIT = "Bộ phận Một cửa"
FEE_NAME = "Phí, lệ phí"

Local = Callable[[datetime], datetime]  # an aware moment -> naive office-local


# --- the mapping as data ------------------------------------------------------------------------


@dataclass(frozen=True)
class FieldSpec:
    key: str  # the portal's name
    source: str  # ours
    type: str = "text"
    enum: str = ""
    items: tuple[FieldSpec, ...] | None = None  # a list of records, each with these fields


@dataclass(frozen=True)
class Mapping:
    version: int
    effective_from: date
    basis: str
    datetime_format: str
    dossier_list: str
    progress_list: str
    enums: MappingABC[str, MappingABC[str, int]]
    dossier: tuple[FieldSpec, ...]
    progress: tuple[FieldSpec, ...]

    @property
    def strftime(self) -> str:
        return _DATETIME_PATTERNS[self.datetime_format]


def _fields(data: Any, enums: MappingABC[str, Any], where: str) -> tuple[FieldSpec, ...]:
    if not isinstance(data, dict) or not data:
        raise ValueError(f"{where}: expected an object of fields")
    out = []
    for key, spec in data.items():
        if not isinstance(spec, dict) or not isinstance(spec.get("from"), str):
            raise ValueError(f"{where}.{key}: needs 'from'")
        kind = spec.get("type", "text")
        if kind not in _TYPES:
            raise ValueError(f"{where}.{key}: unknown type {kind!r}")
        enum = spec.get("enum", "")
        if enum and enum not in enums:
            raise ValueError(f"{where}.{key}: unknown enumeration {enum!r}")
        items = spec.get("items")
        out.append(
            FieldSpec(
                key=str(key),
                source=spec["from"],
                type=kind,
                enum=enum,
                items=None if items is None else _fields(items, enums, f"{where}.{key}"),
            )
        )
    return tuple(out)


def parse_mappings(data: Any) -> list[Mapping]:
    """The versions of the portal mapping from its JSON definition, oldest first; raises
    ValidationError (code mapping_definition) when it is malformed."""
    try:
        versions = []
        for v in data["versions"]:
            enums = v["enums"]
            if not isinstance(enums, dict) or not all(
                isinstance(e, dict) and all(type(n) is int for n in e.values())
                for e in enums.values()
            ):
                raise ValueError("enums: each must map our words to integers")
            if v["datetime_format"] not in _DATETIME_PATTERNS:
                raise ValueError(f"unknown datetime_format {v['datetime_format']!r}")
            versions.append(
                Mapping(
                    version=int(v["version"]),
                    effective_from=date.fromisoformat(v["effective_from"]),
                    basis=str(v.get("basis", "")),
                    datetime_format=v["datetime_format"],
                    dossier_list=str(v["dossier_list"]),
                    progress_list=str(v["progress_list"]),
                    enums=enums,
                    dossier=_fields(v["dossier"], enums, "dossier"),
                    progress=_fields(v["progress"], enums, "progress"),
                )
            )
    except (KeyError, TypeError, ValueError) as err:
        raise ValidationError(
            "mapping", f"the portal mapping is malformed: {err}", code="mapping_definition"
        ) from err
    if not versions:
        raise ValidationError(
            "mapping", "the portal mapping has no version", code="mapping_definition"
        )
    return sorted(versions, key=lambda m: m.effective_from)


def mapping_for(versions: Sequence[Mapping], day: date, version: int | None = None) -> Mapping:
    """The version asked for, or the one in force on `day`."""
    if version is not None:
        for m in versions:
            if m.version == version:
                return m
        raise ValidationError(
            "mapping_version",
            f"there is no portal mapping version {version}",
            code="mapping_version",
        )
    in_force = [m for m in versions if m.effective_from <= day]
    return in_force[-1] if in_force else versions[0]


# --- a dossier in our words ---------------------------------------------------------------------


def _yes(flag: bool) -> str:
    return "yes" if flag else "no"


def _document(state: DossierState, i: int, d: MappingABC[str, Any], file_url) -> dict:
    """One paper with its digitisation (the last digitised event for its line)."""
    dig = state.digitisation.get(i, {})
    files = [f for f in dig.get("files", ()) if isinstance(f, MappingABC)]
    pages = dig.get("pages")
    return {
        "name": str(d.get("name", "")),
        "form": str(dig.get("form") or d.get("form", "")),
        "count": d.get("count") if type(d.get("count")) is int else 0,
        "pages": pages if type(pages) is int and pages > 0 else None,
        "digitised": _yes(dig.get("state") in ("scanned", "reused") and bool(files)),
        "reused": _yes(dig.get("state") == "reused"),
        "file_url": file_url(str(files[0].get("sha256", ""))) if files and file_url else "",
    }


def dossier_record(
    state: DossierState, local: Local, file_url: Callable[[str], str] | None = None
) -> dict[str, Any]:
    """The facts of one dossier the portal carries, in our words (moments office-local).
    `file_url(sha256)`: where a digitised file can be downloaded (the hub's address)."""
    p = state.procedure
    a = state.applicant

    def at(moment: datetime | None) -> datetime | None:
        return local(moment) if moment is not None else None

    id_number = str(a.get("id_number", ""))
    finished = state.result_at
    if finished is None and state.status in (
        Status.REFUSED_AT_INTAKE,
        Status.REFUSED_AFTER_APPRAISAL,
        Status.STOPPED,
        Status.VOIDED,
    ):
        finished = state.location_since
    supplements = []
    if state.supplement_count and state.last_supplement:
        s = state.last_supplement
        supplements.append(
            {
                "by": DESK_UNIT if s.get("by") in ("", DESK, None) else str(s.get("by")),
                "reason": str(s.get("reason", "")),
                "items": "; ".join(
                    str(i.get("name", "")) for i in s.get("items", ()) if isinstance(i, dict)
                ),
            }
        )
    return {
        "code": state.code,
        "procedure_code": str(p.get("code", "")),
        "procedure_name": str(p.get("name", "")),
        "field": str(p.get("field", "")),
        "channel": state.channel,
        "applicant_name": str(a.get("name", "")),
        "phone": str(a.get("phone", "")),
        "email": str(a.get("email", "")),
        "address": str(a.get("address", "")),
        "identities": [{"kind": "cccd", "number": id_number}] if len(id_number) == 12 else [],
        "summary": f"{p.get('name', '')} - {a.get('name', '')}",
        "department": state.lead_department,
        "received_at": at(state.received_at),
        "due_at": at(state.due_at),
        "original_due_at": at(state.original_due_at),
        "status": str(state.status),
        "finished_at": at(finished),
        "returned_at": at(state.returned_at),
        "delivery": state.result_delivery,
        "documents": [_document(state, i, d, file_url) for i, d in enumerate(state.documents)],
        "fees": [
            {
                "name": FEE_NAME,
                "amount": f.get("amount"),
                "method": f.get("method", ""),
                "receipt_ref": f.get("receipt_ref", ""),
                "at": at(f.get("at")),
            }
            for f in state.fees
        ],
        "supplements": supplements,
        "results": [{"name": str(p.get("result", "")), "file_url": ""}]
        if state.result_at is not None and p.get("result")
        else [],
    }


def _progress_text(event: Event) -> tuple[str, str, str] | None:
    """(who, unit, what) of one step of the dossier, or None for an event that is no step
    (a note, a print, a rating, a fee)."""
    p = event.payload
    kind = event.type
    if kind == EventType.RECEIVED:
        return event.officer, DESK_UNIT, "Tiếp nhận hồ sơ"
    if kind == EventType.HANDED_OFF:
        return (
            str(p.get("giver", "")) or event.officer,
            _unit(p.get("from_unit")),
            f"Chuyển hồ sơ đến {_unit(p.get('to_unit'))} (người nhận: {p.get('receiver', '')})",
        )
    if kind == EventType.RESULT_RECEIVED:
        return (
            str(p.get("giver", "")),
            _unit(p.get("from_unit")),
            f"Chuyển kết quả về {_unit(p.get('to_unit'))} (người nhận: {p.get('receiver', '')})",
        )
    if kind == EventType.SUPPLEMENT_REQUESTED:
        return event.officer, _unit(p.get("by")), f"Yêu cầu bổ sung hồ sơ: {p.get('reason', '')}"
    if kind == EventType.RESUBMITTED:
        return event.officer, DESK_UNIT, "Tiếp nhận hồ sơ đã bổ sung đầy đủ"
    if kind == EventType.EXTENDED:
        return event.officer, DESK_UNIT, f"Gia hạn, hẹn lại ngày trả: {p.get('reason', '')}"
    if kind == EventType.REFUSED_AT_INTAKE:
        return event.officer, DESK_UNIT, f"Từ chối tiếp nhận: {p.get('reason', '')}"
    if kind == EventType.REFUSED_AFTER_APPRAISAL:
        return event.officer, _unit(p.get("by")), f"Từ chối giải quyết: {p.get('reason', '')}"
    if kind == EventType.RETURNED:
        return event.officer, DESK_UNIT, f"Trả kết quả cho {p.get('to_name', '')}"
    if kind == EventType.STOPPED:
        return event.officer, DESK_UNIT, f"Dừng xử lý theo yêu cầu: {p.get('reason', '')}"
    if kind == EventType.VOIDED:
        return event.officer, DESK_UNIT, f"Hủy hồ sơ nhập nhầm: {p.get('reason', '')}"
    return None


def _unit(value: Any) -> str:
    return DESK_UNIT if value in (None, "", DESK) else str(value)


# The status each step leaves the dossier in (an extension leaves it as it was).
_STATUS_AFTER = {
    EventType.RECEIVED: Status.RECEIVED,
    EventType.HANDED_OFF: Status.IN_PROCESS,
    EventType.RESULT_RECEIVED: Status.RESULT_READY,
    EventType.SUPPLEMENT_REQUESTED: Status.SUPPLEMENT_REQUESTED,
    EventType.RESUBMITTED: Status.RECEIVED,
    EventType.REFUSED_AT_INTAKE: Status.REFUSED_AT_INTAKE,
    EventType.REFUSED_AFTER_APPRAISAL: Status.REFUSED_AFTER_APPRAISAL,
    EventType.RETURNED: Status.RETURNED,
    EventType.STOPPED: Status.STOPPED,
    EventType.VOIDED: Status.VOIDED,
}


def progress_records(
    state: DossierState, events: Sequence[Event], local: Local
) -> list[dict[str, Any]]:
    """One line per step of the dossier (CapNhatTienDoHoSoMC), in the fold's order, each with
    the status it left the dossier in and the return date then in force. `state` is the fold
    of `events`: an event it set aside (a conflict) is no step. (Read off the events in one
    pass: the fold is not run again.)"""
    aside = {c.event_id for c in state.conflicts}
    status = str(Status.NEW)
    due: datetime | None = None
    out = []
    for ev in sorted(events, key=lambda e: e.sort_key):
        if ev.id in aside:
            continue
        kind = ev.type
        if kind in (EventType.RECEIVED, EventType.RESUBMITTED):
            due = _moment(ev.payload.get("due_at")) or due
        elif kind == EventType.EXTENDED:
            due = _moment(ev.payload.get("new_due_at")) or due
        after = _STATUS_AFTER.get(kind)
        if after is not None:
            status = str(after)
        step = _progress_text(ev)
        if step is None:
            continue
        who, unit, text = step
        out.append(
            {
                "code": state.code,
                "who": who,
                "at": local(ev.occurred_at),
                "unit": unit,
                "text": text,
                "status": status,
                "due_at": local(due) if due else None,
            }
        )
    return out


# --- through the mapping ------------------------------------------------------------------------


def export_item(record: MappingABC[str, Any], fields: Sequence[FieldSpec], m: Mapping) -> dict:
    """`record` in the portal's words. A fact we do not have is left out (not written empty):
    the portal's "not known" is an absent field."""
    out: dict[str, Any] = {}
    for f in fields:
        value = record.get(f.source)
        if value is None or value == "":
            continue
        if f.items is not None:
            out[f.key] = [export_item(item, f.items, m) for item in value]
        elif f.enum:
            number = m.enums[f.enum].get(str(value))
            if number is not None:
                out[f.key] = number
        elif f.type == "datetime":
            out[f.key] = value.strftime(m.strftime)
        elif f.type == "int":
            out[f.key] = int(value)
        else:
            out[f.key] = str(value)
    return out


def import_item(item: Any, fields: Sequence[FieldSpec], m: Mapping, where: str) -> dict:
    """A portal record read back into our words; raises ValidationError (naming the field, e.g.
    DanhSachHoSo[3].NgayTiepNhan) for a value that is not what the mapping writes."""
    if not isinstance(item, dict):
        raise _bad(where, "is not an object")
    out: dict[str, Any] = {}
    for f in fields:
        if f.key not in item or item[f.key] is None:
            continue
        value = item[f.key]
        here = f"{where}.{f.key}"
        if f.items is not None:
            if not isinstance(value, list):
                raise _bad(here, "is not a list")
            out[f.source] = [
                import_item(x, f.items, m, f"{here}[{i}]") for i, x in enumerate(value)
            ]
        elif f.enum:
            words = [w for w, n in m.enums[f.enum].items() if n == value and type(value) is int]
            if not words:
                allowed = sorted(set(m.enums[f.enum].values()))
                raise _bad(here, f"is {value!r}, not one of {allowed}")
            out[f.source] = words[0]
        elif f.type == "datetime":
            if type(value) is not str or len(value) != 14 or not value.isdigit():
                raise _bad(here, f"is {str(value)[:40]!r}, not a moment {m.datetime_format}")
            try:
                out[f.source] = datetime.strptime(value, m.strftime)
            except ValueError:
                raise _bad(here, f"is {value!r}, not a real moment") from None
        elif f.type == "int":
            if type(value) is not int:
                raise _bad(here, f"is {str(value)[:40]!r}, not a whole number")
            out[f.source] = value
        else:
            if type(value) is not str:
                raise _bad(here, f"is {str(value)[:40]!r}, not text")
            out[f.source] = value
    return out


def _bad(where: str, what: str) -> ValidationError:
    return ValidationError("portal", f"{where} {what}", code="portal_value")
