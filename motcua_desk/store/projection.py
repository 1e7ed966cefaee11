"""The projection row of a folded dossier: what the dossiers table holds for it, column by
column. Shared by the writer (repo.save_projections) and the integrity check, which compares
every row with a fresh fold. No SQLAlchemy here: a checking process (verify --jobs) imports
this and starts in a fraction of a second."""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from motcua_desk.domain.dossier import DossierState
from motcua_desk.domain.text import fold

# The dossiers table's columns but its keys (pk, id), in the table's order (repo checks it
# against the model).
PROJECTION_COLUMNS: tuple[str, ...] = (
    "code", "status", "national_status", "procedure_code", "procedure_name", "field",
    "department", "applicant_name", "search_name", "id_number", "phone", "address", "email",
    "sets", "channel", "received_at", "due_at", "original_due_at", "result_at", "returned_at",
    "returned_to", "return_method", "location", "location_since", "desk_no", "ledger_year",
    "ledger_number", "supplement_count", "extended", "conflict_count", "event_count",
    "last_hlc")
MOMENT_COLUMNS = ("received_at", "due_at", "original_due_at", "result_at", "returned_at",
                  "location_since")  # stored as UtcDateTime text


@lru_cache(maxsize=65536)
def _folded(name: str) -> str:
    return fold(name)


def search_name(name: Any) -> str:
    """The folded name (names repeat: folding costs more than the rest of a projection)."""
    return _folded(name) if type(name) is str else fold(name)


def projection_row(state: DossierState) -> list[Any]:
    """The values of PROJECTION_COLUMNS for a folded dossier, in order (moments as aware
    datetimes, the flag as a bool: see repo.db_value for their stored form)."""
    applicant = state.applicant
    proc = state.procedure
    ledger = state.ledger
    name = applicant.get("name", "")
    return [
        state.code, str(state.status), state.national_status, proc.get("code", ""),
        proc.get("name", ""), proc.get("field", ""), state.lead_department, name,
        search_name(name), applicant.get("id_number", ""), applicant.get("phone", ""),
        applicant.get("address", ""), applicant.get("email", ""), state.sets, state.channel,
        state.received_at, state.due_at, state.original_due_at, state.result_at,
        state.returned_at, state.returned_to, state.return_method, state.location,
        state.location_since, state.desk_no, int(ledger.get("year", 0)),
        int(ledger.get("number", 0)), state.supplement_count, state.extended,
        len(state.conflicts), state.event_count, state.last_hlc]
