"""The procedure catalog: what each administrative procedure requires and how long it takes."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from motcua_desk.domain.calendar import TimeUnit
from motcua_desk.domain.errors import ValidationError
from motcua_desk.domain.text import nfc

# the forms a document is handed in as (code -> its printed Vietnamese name); the window's
# own order and translated labels are in ui.labels (DOCUMENT_FORMS, document_form_label)
DOCUMENT_FORM_LABELS_VI = {
    "original": "Bản chính",
    "certified_copy": "Bản sao chứng thực",
    "copy": "Bản sao",
    "presented": "Xuất trình",
}
_CODE = re.compile(r"^\d\.\d{6}$")


@dataclass(frozen=True)
class RequiredDocument:
    name: str
    form: str = "original"
    count: int = 1

    @property
    def form_label(self) -> str:
        return DOCUMENT_FORM_LABELS_VI.get(self.form, self.form)


@dataclass(frozen=True)
class Procedure:
    code: str
    name: str
    field: str
    time_amount: float
    time_unit: TimeUnit
    department: str
    time_text: str = ""
    fee_text: str = ""
    fee_amount: int | None = None
    documents: tuple[RequiredDocument, ...] = ()
    result: str = ""
    result_place: str = ""
    legal_basis: tuple[str, ...] = ()
    channels: tuple[str, ...] = ("counter",)
    effective_date: date = date(2025, 7, 1)
    version: int = 1
    extra: Mapping[str, Any] = field(default_factory=dict)

    @property
    def time_label(self) -> str:
        """Short Vietnamese statement of the statutory time."""
        if self.time_unit == TimeUnit.SAME_DAY:
            return "Trong ngày"
        n = f"{self.time_amount:g}".replace(".", ",")
        unit = "ngày làm việc" if self.time_unit == TimeUnit.WORKING_DAYS else "giờ làm việc"
        return f"{n} {unit}"


_NOTE = re.compile(r"\s*\[[^\]]*\]")


def public_time(time_text: str, time_label: str) -> str:
    """The processing time as the public reads it (notice board, lookup station): the
    catalog's `time_text` — the law's or the province's own wording — when there is one, else
    the statutory time from time_amount/time_unit ("3 ngày làm việc", "Trong ngày"). Never both:
    they say the same, and where the law counts calendar days ("30 ngày") while the desk's
    deadline model counts working days, only the law's wording is right on a public notice.
    Notes for the catalog's maintainers belong in `time_note` (never printed); a note still
    written in square brackets inside `time_text`, as older catalogs did, is left out."""
    text = _NOTE.sub("", time_text or "").strip().rstrip(";,").strip()
    return text or time_label


def procedure_from_dict(data: Mapping[str, Any]) -> Procedure:
    """Build and validate one procedure from the catalog JSON form."""
    code = str(data.get("code", "")).strip()
    if not _CODE.match(code):
        raise ValidationError(
            "code",
            f"procedure code {code!r} is not of the form d.dddddd",
            code="procedure_code_format",
        )
    name = nfc(str(data.get("name", "")))
    if not name:
        raise ValidationError("name", f"procedure {code} has no name", code="required")
    try:
        unit = TimeUnit(data.get("time_unit", "working_days"))
    except ValueError as err:
        raise ValidationError(
            "time_unit",
            f"procedure {code}: unknown time unit {data.get('time_unit')!r}",
            code="time_unit",
        ) from err
    amount = data.get("time_amount", 0)
    if (
        not isinstance(amount, int | float)
        or amount < 0
        or amount > 365
        or (unit != TimeUnit.SAME_DAY and amount <= 0)
    ):
        raise ValidationError(
            "time_amount",
            f"procedure {code}: processing time {amount!r} "
            "is not a positive number of days or hours",
            code="time_amount",
        )
    docs = []
    for doc in data.get("documents", []):
        form = doc.get("form", "original")
        if form not in DOCUMENT_FORM_LABELS_VI:
            raise ValidationError(
                "documents",
                f"procedure {code}: unknown document form {form!r}",
                code="document_form",
            )
        cnt = doc.get("count", 1)
        if not isinstance(cnt, int) or not 0 < cnt < 100:
            raise ValidationError(
                "documents", f"procedure {code}: bad document count {cnt!r}", code="document_count"
            )
        docs.append(RequiredDocument(nfc(doc["name"]), form, cnt))
    eff = data.get("effective_date") or "2025-07-01"
    try:
        effective = date.fromisoformat(eff)
    except ValueError as err:
        raise ValidationError(
            "effective_date", f"procedure {code}: bad effective date {eff!r}", code="date_format"
        ) from err
    known = {
        "code",
        "name",
        "field",
        "time_amount",
        "time_unit",
        "time_text",
        "fee_text",
        "fee_amount",
        "documents",
        "department",
        "result",
        "result_place",
        "legal_basis",
        "channels",
        "effective_date",
        "version",
    }
    return Procedure(
        code=code,
        name=name,
        field=nfc(str(data.get("field", ""))),
        time_amount=amount,
        time_unit=unit,
        department=nfc(str(data.get("department", ""))),
        time_text=nfc(str(data.get("time_text", ""))),
        fee_text=nfc(str(data.get("fee_text", ""))),
        fee_amount=data.get("fee_amount"),
        documents=tuple(docs),
        result=nfc(str(data.get("result", ""))),
        result_place=nfc(str(data.get("result_place", ""))),
        legal_basis=tuple(nfc(str(x)) for x in data.get("legal_basis", [])),
        channels=tuple(data.get("channels", ["counter"])),
        effective_date=effective,
        version=int(data.get("version", 1)),
        extra={k: v for k, v in data.items() if k not in known},
    )


def procedure_to_dict(p: Procedure) -> dict[str, Any]:
    return {
        "code": p.code,
        "name": p.name,
        "field": p.field,
        "time_amount": p.time_amount,
        "time_unit": str(p.time_unit),
        "time_text": p.time_text,
        "fee_text": p.fee_text,
        "fee_amount": p.fee_amount,
        "documents": [{"name": d.name, "form": d.form, "count": d.count} for d in p.documents],
        "department": p.department,
        "result": p.result,
        "result_place": p.result_place,
        "legal_basis": list(p.legal_basis),
        "channels": list(p.channels),
        "effective_date": p.effective_date.isoformat(),
        "version": p.version,
        **dict(p.extra),
    }
