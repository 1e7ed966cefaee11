"""The projection row of a folded dossier: what the dossiers table holds for it, column by
column. Shared by the writer (repo.save_projections) and the integrity check, which compares
every row with a fresh fold. No SQLAlchemy here: a checking process (verify --jobs) imports
this and starts in a fraction of a second."""

from __future__ import annotations

from collections.abc import Mapping
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
    ]
