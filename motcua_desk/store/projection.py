"""The projection row of a folded dossier: what the dossiers table holds for it, column by
column. Shared by the writer (repo.save_projections) and the integrity check, which compares
every row with a fresh fold. No SQLAlchemy here: a checking process (verify --jobs) imports
this and starts in a fraction of a second."""

from __future__ import annotations

import zlib
from collections.abc import Mapping, Sequence
from datetime import UTC, datetime
from functools import lru_cache
from typing import Any

from motcua_desk.domain.dossier import NATIONAL_STATUS, DossierState
from motcua_desk.domain.text import fold

# The dossiers table's columns but its keys (pk, id), in the table's order (repo checks it
# against the model).
PROJECTION_COLUMNS: tuple[str, ...] = (
    "code",
    "status",
    "national_status",
    "procedure_code",
    "procedure_name",
    "field",
    "department",
    "applicant_name",
    "search_name",
    "id_number",
    "phone",
    "address",
    "email",
    "sets",
    "channel",
    "received_at",
    "due_at",
    "original_due_at",
    "result_at",
    "returned_at",
    "returned_to",
    "return_method",
    "location",
    "location_since",
    "desk_no",
    "ledger_year",
    "ledger_number",
    "supplement_count",
    "extended",
    "conflict_count",
    "event_count",
    "last_hlc",
    "applicant_birth_date",
    "applicant_sex",
    "queue_ticket",
    "fee_paid",
    "fee_method",
    "fee_receipt_ref",
    "facets",
)
MOMENT_COLUMNS = (
    "received_at",
    "due_at",
    "original_due_at",
    "result_at",
    "returned_at",
    "location_since",
)  # stored as UtcDateTime text


@lru_cache(maxsize=65536)
def _folded(name: str) -> str:
    return fold(name)


def search_name(name: Any) -> str:
    """The folded name (names repeat: folding costs more than the rest of a projection)."""
    return _folded(name) if type(name) is str else fold(name)


# --- search facets (schema 0004) -------------------------------------------------------------
# The filters of the search page as words of the name index (dossier_fts, column `facets`), so
# that one FTS query answers a name with any combination of filters newest first and stops at
# its limit, instead of reading every match of a common name and filtering after.
#
# A facet is ONE character, a CJK ideograph (a letter to unicode61, so a word of its own): the
# index keeps prefixes of 2..7 letters of every word, and a one-letter word has none, so the
# four facets cost 5.6 MB per 100,000 dossiers where readable words ("zsreceived") cost 17.6.
# Each kind has its own block of 4,096: status, field, department (the CRC-32 of the value
# modulo 4,096: a collision only widens the candidates, the search keeps its exact SQL
# conditions) and the UTC month of receipt ((year × 12 + month − 1) modulo 4,096: distinct for
# 341 years). Migration 0004 writes the same words: change this rule only with a migration
# that rewrites the column.
_FACET_BASE = 0x4E00  # CJK Unified Ideographs: 4 blocks of 4,096 fit in U+4E00..U+9FFF
_KIND_BLOCK = {"s": 0, "f": 1, "d": 2, "m": 3}


def _facet(kind: str, n: int) -> str:
    return chr(_FACET_BASE + _KIND_BLOCK[kind] * 4096 + n % 4096)


@lru_cache(maxsize=4096)
def text_facet(kind: str, value: str) -> str:
    """The facet of a status ("s"), field ("f") or department ("d")."""
    return _facet(kind, zlib.crc32(value.encode("utf-8")))


def status_facet(status: str) -> str:
    return text_facet("s", status)


def month_facet(year: int, month: int) -> str:
    return _facet("m", year * 12 + month - 1)


def facets(status: str, field: str, department: str, received_at: datetime | None) -> str:
    words = [
        status_facet(status),
        text_facet("f", field if type(field) is str else ""),
        text_facet("d", department if type(department) is str else ""),
    ]
    if received_at is not None:
        utc = received_at.astimezone(UTC)
        words.append(month_facet(utc.year, utc.month))
    return " ".join(words)


def month_facets(start: datetime | None, end: datetime | None, most: int = 36) -> Sequence[str]:
    """The month words that cover receipts in [start, end) (UTC-aware bounds; either may be
    open); () when they would be more than `most` words or unbounded (the date is then left to
    the exact condition alone)."""
    if start is None or end is None or end <= start:
        return ()
    first, last = start.astimezone(UTC), end.astimezone(UTC)
    if last == last.replace(day=1, hour=0, minute=0, second=0, microsecond=0):
        # an end bound exactly at a month's start covers nothing of that month
        last = last.replace(year=last.year - (last.month == 1), month=(last.month - 2) % 12 + 1)
    y, m, out = first.year, first.month, []
    while (y, m) <= (last.year, last.month):
        out.append(month_facet(y, m))
        if len(out) > most:
            return ()
        y, m = y + (m == 12), m % 12 + 1
    return tuple(out)


def projection_row(state: DossierState) -> list[Any]:
    """The values of PROJECTION_COLUMNS for a folded dossier, in order (moments as aware
    datetimes, the flag as a bool: see repo.db_value for their stored form)."""
    return projection_row_of(state.__dict__)


def projection_row_of(fields: Mapping[str, Any]) -> list[Any]:
    """projection_row of the DossierState whose fields these are (domain.dossier.fold_fields)."""
    applicant = fields["applicant"]
    proc = fields["procedure"]
    ledger = fields["ledger"]
    name = applicant.get("name", "")
    birth, sex = applicant.get("birth_date", ""), applicant.get("sex", "")
    fees = fields["fees"]
    return [
        fields["code"],
        str(fields["status"]),
        NATIONAL_STATUS[fields["status"]],
        proc.get("code", ""),
        proc.get("name", ""),
        proc.get("field", ""),
        fields["lead_department"],
        name,
        search_name(name),
        applicant.get("id_number", ""),
        applicant.get("phone", ""),
        applicant.get("address", ""),
        applicant.get("email", ""),
        fields["sets"],
        fields["channel"],
        fields["received_at"],
        fields["due_at"],
        fields["original_due_at"],
        fields["result_at"],
        fields["returned_at"],
        fields["returned_to"],
        fields["return_method"],
        fields["location"],
        fields["location_since"],
        fields["desk_no"],
        int(ledger.get("year", 0)),
        int(ledger.get("number", 0)),
        fields["supplement_count"],
        fields["extended"],
        len(fields["conflicts"]),
        fields["event_count"],
        fields["last_hlc"],
        birth if type(birth) is str else "",
        sex if type(sex) is str else "",
        fields["ticket"],
        sum(f["amount"] for f in fees),
        fees[-1]["method"] if fees else "",
        fields["receipt_ref"],
        facets(
            str(fields["status"]),
            proc.get("field", ""),
            fields["lead_department"],
            fields["received_at"],
        ),
    ]
