"""The procedure catalog and the departments: seed, import (JSON or CSV), look-up."""

from __future__ import annotations

import csv
import io
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from motcua_desk import paths
from motcua_desk.domain.catalog import (
    Procedure,
    procedure_from_dict,
    procedure_to_dict,
)
from motcua_desk.domain.dto import DocumentLine, ProcedureView
from motcua_desk.domain.errors import NotFound, ValidationError
from motcua_desk.domain.text import fold, nfc, search_terms
from motcua_desk.services.catalog_groups import (
    FIELD_GROUPS_KEY,
    GROUP_NAME_MAX,
    FieldGroup,
    FieldGroups,
)
from motcua_desk.store.models import ProcedureRow

# FieldGroup and its settings key live in catalog_groups; imported from here as before.
__all__ = [
    "FIELD_GROUPS_KEY",
    "GROUP_NAME_MAX",
    "CatalogService",
    "DepartmentView",
    "FieldGroup",
    "ImportReport",
    "procedure_view",
]


@dataclass(frozen=True)
class DepartmentView:
    name: str
    short: str
    step_working_days: float


@dataclass(frozen=True)
class ImportReport:
    added: int
    updated: int
    unchanged: int
    departments: int = 0


def procedure_view(p: Procedure) -> ProcedureView:
    return ProcedureView(
        code=p.code,
        name=p.name,
        field=p.field,
        time_amount=p.time_amount,
        time_unit=str(p.time_unit),
        time_label=p.time_label,
        time_text=p.time_text,
        fee_text=p.fee_text,
        fee_amount=p.fee_amount,
        department=p.department,
        result=p.result,
        result_place=p.result_place,
        documents=tuple(DocumentLine(d.name, d.form, d.form_label, d.count) for d in p.documents),
        version=p.version,
        effective_date=p.effective_date.isoformat(),
        legal_basis=p.legal_basis,
    )


class CatalogService(FieldGroups):
    # --- reading --------------------------------------------------------------------------
    def _active(self) -> list[Procedure]:
        with self.reading() as db:
            return [procedure_from_dict(r.data) for r in db.procedures.active()]

    def list(self) -> list[ProcedureView]:
        return [procedure_view(p) for p in self._active()]

    def get(self, code: str) -> Procedure:
        code = (code or "").strip()
        with self.reading() as db:
            row = db.procedures.active_of(code)
        if row is None:
            raise NotFound(
                f"unknown procedure code {code!r} (see 'motcua-desk catalog list')",
                code="unknown_procedure",
                value=code,
            )
        return procedure_from_dict(row.data)

    def usage(self) -> dict[str, int]:
        """How many dossiers this desk received per procedure this year and last (the
        officer's habits), read once and then counted up by note_used()."""
        cached = getattr(self, "_usage", None)
        if cached is not None:
            return cached
        year = self.clock().year
        with self.reading() as db:
            desk = db.desk()
            self._usage = {} if desk is None else db.procedures.usage(desk.desk_no, year - 1)
        return self._usage

    def note_used(self, code: str) -> None:
        """One more dossier of this procedure received here (after the intake committed)."""
        usage = getattr(self, "_usage", None)
        if usage is not None:
            usage[code] = usage.get(code, 0) + 1

    def find(self, text: str, limit: int = 30) -> list[ProcedureView]:
        """Procedures whose code or name holds every typed word, diacritics ignored
        ("khai sinh", "chung thuc"), the ones this desk receives most first, then by how well
        they match; on a desk set to serve a field group, that group's fields before all
        others. The catalog has hundreds of rows: filtered in memory."""
        terms = search_terms(text)
        procs = self._active()
        used = self.usage()
        served = set(self.served_fields())
        if not terms:
            ranked = sorted(
                enumerate(procs),
                key=lambda ip: (ip[1].field not in served, -used.get(ip[1].code, 0), ip[0]),
            )
            return [procedure_view(p) for _, p in ranked[:limit]]
        scored = []
        phrase = " ".join(terms)
        for p in procs:
            hay = f"{p.code} {fold(p.name)} {fold(p.field)}"
            if all(t in hay for t in terms):
                name = fold(p.name)
                # most used here first; then whole-phrase hits, earlier hits, shorter names
                scored.append(
                    (
                        p.field not in served,
                        -used.get(p.code, 0),
                        phrase not in name,
                        name.find(terms[0]) if terms[0] in name else 99,
                        len(name),
                        p,
                    )
                )
        scored.sort(key=lambda t: t[:5])
        return [procedure_view(t[5]) for t in scored[:limit]]

    def fields(self) -> list[str]:
        """The fields of the active catalog, in folded alphabetical order."""
        return sorted({p.field for p in self._active() if p.field}, key=fold)

    def departments(self) -> list[DepartmentView]:
        """Cached: read on every dossier view; import_departments() refreshes it."""
        cached = getattr(self, "_departments", None)
        if cached is not None:
            return list(cached)
        with self.reading() as db:
            self._departments = [
                DepartmentView(r.name, r.short, r.step_working_days)
                for r in db.departments.active()
            ]
        return list(self._departments)

    def invalidate(self) -> None:
        self._departments = None
        self._served = None
        self._usage = None

    def department(self, text: str) -> DepartmentView:
        """A department by name or short code, diacritics and case ignored."""
        key = fold(text or "")
        for d in self.departments():
            if key in (fold(d.name), fold(d.short)):
                return d
        names = "; ".join(d.name for d in self.departments())
        raise NotFound(
            f"unknown department {text!r} (known: {names})", code="unknown_department", value=text
        )

    def version(self, kind: str) -> int:
        with self.reading() as db:
            return db.reference.version(kind)

    # --- writing --------------------------------------------------------------------------
    def ensure_seed(self) -> ImportReport | None:
        """Import the seed catalog shipped in resources/ when the catalog is empty."""
        with self.reading() as db:
            if db.procedures.any():
                return None
        report = self.import_file(paths.catalog_dir() / "procedures.json", source="seed")
        departments = paths.catalog_dir() / "departments.json"
        if departments.exists():
            n = self.import_departments(json.loads(departments.read_text("utf-8")))
            report = ImportReport(report.added, report.updated, report.unchanged, n)
        return report

    def import_file(self, path: Path | str, source: str = "import") -> ImportReport:
        path = Path(path)
        try:
            raw = path.read_text("utf-8-sig")
        except OSError as err:
            raise ValidationError(
                "file", f"cannot read {path}: {err.strerror}", code="file_unreadable"
            ) from err
        except UnicodeDecodeError as err:
            raise ValidationError(
                "file", f"{path} is not UTF-8 text", code="file_encoding"
            ) from err
        if path.suffix.lower() == ".csv":
            procedures = _procedures_from_csv(raw)
            version = None
        else:
            try:
                data = json.loads(raw)
            except json.JSONDecodeError as err:
                raise ValidationError(
                    "file",
                    f"{path} is not valid JSON (line {err.lineno}: {err.msg})",
                    code="file_json",
                ) from err
            if isinstance(data, list):
                data = {"procedures": data}
            if not isinstance(data, dict) or not isinstance(data.get("procedures"), list):
                raise ValidationError(
                    "file", f"{path} has no 'procedures' list", code="file_schema"
                )
            procedures = data["procedures"]
            version = data.get("catalog_version")
        return self.import_procedures(procedures, source=source, catalog_version=version)

    def import_procedures(
        self, items: list[dict[str, Any]], *, source: str = "import", catalog_version: Any = None
    ) -> ImportReport:
        """Validate everything first, then write in one unit: a bad row changes nothing."""
        parsed = []
        seen = set()
        for i, item in enumerate(items, 1):
            if not isinstance(item, dict):
                raise ValidationError(
                    "file", f"procedure #{i} is not an object", code="file_schema"
                )
            try:
                p = procedure_from_dict(item)
            except ValidationError as err:
                raise ValidationError(
                    err.field, f"procedure #{i}: {err.message}", code=err.code
                ) from err
            if p.code in seen:
                raise ValidationError(
                    "code", f"procedure {p.code} appears twice", code="duplicate_procedure"
                )
            seen.add(p.code)
            parsed.append(p)
        added = updated = unchanged = 0
        with self.writing() as db:
            for p in parsed:
                current = db.procedures.active_of(p.code)
                data = procedure_to_dict(p)
                if current is not None:
                    old = dict(current.data)
                    if {k: v for k, v in old.items() if k != "version"} == {
                        k: v for k, v in data.items() if k != "version"
                    }:
                        unchanged += 1
                        continue
                    top = db.procedures.top_version(p.code)
                    data["version"] = max(p.version, top + 1)
                    db.procedures.retire(p.code)
                    updated += 1
                else:
                    added += 1
                db.procedures.add(
                    ProcedureRow(
                        code=p.code,
                        version=data["version"],
                        name=p.name,
                        name_fold=fold(p.name),
                        field=p.field,
                        department=p.department,
                        effective_date=p.effective_date.isoformat(),
                        active=True,
                        source=source,
                        data=data,
                    )
                )
            db.reference.bump("catalog", self.clock())
        return ImportReport(added, updated, unchanged)

    def import_departments(self, data: dict[str, Any] | list[dict[str, Any]]) -> int:
        items = data.get("departments", []) if isinstance(data, dict) else data
        with self.writing() as db:
            n = 0
            for item in items:
                name = nfc(str(item.get("name", "")))
                if not name:
                    raise ValidationError(
                        "departments", "a department has no name", code="required"
                    )
                row = db.departments.named_or_new(name)
                row.short = str(item.get("short", ""))
                row.step_working_days = float(item.get("step_working_days", 3))
                row.active = bool(item.get("active", True))
                n += 1
            db.reference.bump("departments", self.clock())
        self.invalidate()
        return n

    def export(self) -> dict[str, Any]:
        return {"procedures": [procedure_to_dict(p) for p in self._active()]}


CSV_COLUMNS = (
    "code",
    "name",
    "field",
    "time_amount",
    "time_unit",
    "department",
    "fee_text",
    "documents",
)


def _procedures_from_csv(raw: str) -> list[dict[str, Any]]:
    """CSV with a header row; `documents` as 'name|form|count; name|form|count'."""
    reader = csv.DictReader(io.StringIO(raw))
    missing = [
        c
        for c in ("code", "name", "time_amount", "time_unit")
        if c not in (reader.fieldnames or [])
    ]
    if missing:
        raise ValidationError(
            "file", f"the CSV lacks the columns {', '.join(missing)}", code="file_schema"
        )
    items = []
    for n, row in enumerate(reader, 2):
        try:
            amount = float(row["time_amount"] or 0)
        except ValueError as err:
            raise ValidationError(
                "time_amount",
                f"line {n}: {row['time_amount']!r} is not a number",
                code="time_amount",
            ) from err
        docs = []
        for part in filter(None, (p.strip() for p in (row.get("documents") or "").split(";"))):
            bits = [b.strip() for b in part.split("|")]
            docs.append(
                {
                    "name": bits[0],
                    "form": bits[1] if len(bits) > 1 else "original",
                    "count": int(bits[2]) if len(bits) > 2 and bits[2].isdigit() else 1,
                }
            )
        item = {k: v for k, v in row.items() if k in CSV_COLUMNS and v not in (None, "")}
        item["time_amount"] = int(amount) if amount.is_integer() else amount
        item["documents"] = docs
        items.append(item)
    return items
