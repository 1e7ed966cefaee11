"""A new dossier's code and ledger number, taken inside the intake's write unit.

Each is the larger of a named counter (sequences) and what the dossiers table already holds, plus
one. The table's part is what makes a restored backup safe: the counters come back as old as the
backup, but the dossiers the hub gave back (sync after restore) carry the codes and numbers
already printed, so none of them is issued twice."""

from __future__ import annotations

from datetime import date

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from motcua_desk.domain import codes
from motcua_desk.store.models import DeskRow, DossierRow
from motcua_desk.store.repo import highest_sequence_of_slot, next_sequence


def next_code(session: Session, desk: DeskRow, day: date) -> str:
    """The next code of this desk on `day` (received that day): its nth, counted in this desk's
    slots of the day's sequence, above every code of the day already held here. The day's
    counter is kept per desk (sequences); the table's part is one aggregate in SQLite over the
    day's codes in the code index (no row comes up to Python: on a 500-intake day reading and
    parsing each code was half of an intake's time)."""
    prefix = f"{desk.agency_id}-{day:%y%m%d}-"
    top = highest_sequence_of_slot(session, prefix, desk.desk_no, desk.desk_slots)
    floor = (top - desk.desk_no) // desk.desk_slots + 1 if top else 0
    nth = next_sequence(session, f"code:{day:%y%m%d}", floor)
    return codes.make_code(desk.agency_id, day, desk.desk_no, nth, desk.desk_slots)


def next_ledger_number(session: Session, desk: DeskRow, year: int) -> int:
    """The next number of this desk's ledger (Mẫu 07) of `year`: it runs on through the year."""
    top = (
        session.scalar(
            select(func.max(DossierRow.ledger_number)).where(
                DossierRow.ledger_year == year, DossierRow.desk_no == desk.desk_no
            )
        )
        or 0
    )
    return next_sequence(session, f"ledger:{year}", top)


def next_code_and_ledger(session: Session, desk: DeskRow, day: date) -> tuple[str, int]:
    """(code, ledger number) of a dossier this desk receives on `day`, in that order (the code
    counter is taken first, as intake always has)."""
    code = next_code(session, desk, day)
    return code, next_ledger_number(session, desk, day.year)
