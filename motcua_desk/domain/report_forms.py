"""A report form as data: its versions, columns (an atomic count or a sum of columns) and
column groups, read from the form's JSON definition. Apart from domain.reports because a form
is versioned data with its own checks (unknown metric, a sum of itself); the computation only
asks for the version in force and the columns' values. Pure: no I/O."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from motcua_desk.domain.errors import ValidationError

# The atomic counts the computation produces; a form's columns are these or sums of columns.
METRICS = (
    "received_online",
    "received_direct",
    "carried_over",
    "resolved_early",
    "resolved_on_time",
    "resolved_late",
    "pending_within",
    "pending_overdue",
    "refused_at_intake",
    "stopped",
)

# --- forms as data ----------------------------------------------------------------------------


@dataclass(frozen=True)
class ColumnDef:
    key: str
    no: str
    label: str
    metric: str = ""
    sum: tuple[str, ...] = ()


@dataclass(frozen=True)
class FormDef:
    form: str
    version: int
    effective_from: date
    code: str
    legal_basis: str
    title: str
    unit: str
    columns: tuple[ColumnDef, ...]
    extra_columns: tuple[ColumnDef, ...] = ()
    groups: tuple[tuple[str, tuple[str, ...]], ...] = ()

    @property
    def all_columns(self) -> tuple[ColumnDef, ...]:
        return self.columns + self.extra_columns


def parse_forms(data: Mapping[str, Any]) -> list[FormDef]:
    """The versions of a form from its JSON definition; raises ValidationError when malformed."""
    try:
        versions = []
        for v in data["versions"]:
            cols: list[ColumnDef] = []
            extras: list[ColumnDef] = []
            seen: set[str] = set()
            for target, items in ((cols, v["columns"]), (extras, v.get("extra_columns", []))):
                for c in items:
                    col = ColumnDef(
                        key=str(c["key"]),
                        no=str(c.get("no", "")),
                        label=str(c["label"]),
                        metric=str(c.get("metric", "")),
                        sum=tuple(str(k) for k in c.get("sum", ())),
                    )
                    if col.key in seen:
                        raise ValueError(f"column {col.key!r} twice")
                    if bool(col.metric) == bool(col.sum):
                        raise ValueError(f"column {col.key!r} needs a metric or a sum")
                    if col.metric and col.metric not in METRICS:
                        raise ValueError(f"column {col.key!r}: unknown metric {col.metric!r}")
                    seen.add(col.key)
                    target.append(col)
            for col in cols + extras:
                if any(k not in seen or k == col.key for k in col.sum):
                    raise ValueError(f"column {col.key!r} sums an unknown column")
            _sum_order(cols + extras)  # refuses a cycle
            groups = tuple(
                (str(g["label"]), tuple(str(k) for k in g["columns"])) for g in v.get("groups", ())
            )
            form = FormDef(
                form=str(data["form"]),
                version=int(v["version"]),
                effective_from=date.fromisoformat(v["effective_from"]),
                code=str(v.get("code", "")),
                legal_basis=str(v.get("legal_basis", "")),
                title=str(v.get("title", "")),
                unit=str(v.get("unit", "")),
                columns=tuple(cols),
                extra_columns=tuple(extras),
                groups=groups,
            )
            versions.append(form)
    except (KeyError, TypeError, ValueError) as err:
        raise ValidationError(
            "form", f"the report form definition is malformed: {err}", code="form_definition"
        ) from err
    if not versions:
        raise ValidationError("form", "the report form has no version", code="form_definition")
    return sorted(versions, key=lambda f: f.effective_from)


def _sum_order(cols: Sequence[ColumnDef]) -> list[str]:
    """Columns in an order where each sum follows what it adds; refuses a cycle."""
    by_key = {c.key: c for c in cols}
    done: list[str] = []
    state: dict[str, int] = {}

    def visit(key: str) -> None:
        if state.get(key) == 2:
            return
        if state.get(key) == 1:
            raise ValueError(f"column {key!r} sums itself")
        state[key] = 1
        for k in by_key[key].sum:
            visit(k)
        state[key] = 2
        done.append(key)

    for c in cols:
        visit(c.key)
    return done


def form_for(forms: Sequence[FormDef], day: date) -> FormDef:
    """The version in force on `day` (the earliest one for a day before them all)."""
    chosen = forms[0]
    for f in forms:
        if f.effective_from <= day:
            chosen = f
    return chosen


def column_values(form: FormDef, counts: Mapping[str, int]) -> dict[str, int]:
    """Every column's value from the atomic counts."""
    by_key = {c.key: c for c in form.all_columns}
    out: dict[str, int] = {}
    for key in _sum_order(form.all_columns):
        col = by_key[key]
        out[key] = int(counts.get(col.metric, 0)) if col.metric else sum(out[k] for k in col.sum)
    return {c.key: out[c.key] for c in form.all_columns}
