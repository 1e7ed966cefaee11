"""The lookup station's use cases (Ninh Phụng's "máy tra cứu"): what a citizen may see of a
dossier, and the public catalog. Reads only.

What the citizen proves, and what they see [ours]:

* The slip's barcode or QR, scanned: the slip is the proof, as at the counter.
* The code typed by hand: with the last 4 digits of the CCCD on the dossier. A dossier that has
  no CCCD on file cannot be looked up by hand (only by its slip).
* Every refusal is the same `NotFound` with code "lookup_no_match": an unknown code, wrong
  digits and a dossier with no CCCD cannot be told apart, so the station never confirms that
  a code exists.
* What is shown: the procedure, the status, the moments (received, due, result), the papers
  to bring. Of the person, only the masked name ("Nguyễn V*** A***"); never the CCCD, phone,
  address, the reasons written by the officers, nor who did what.
"""

from __future__ import annotations

import hmac
from dataclasses import dataclass
from datetime import datetime

from motcua_desk.domain import codes
from motcua_desk.domain.calendar import WorkCalendar
from motcua_desk.domain.dossier import Status, fold
from motcua_desk.domain.dto import ProcedureView
from motcua_desk.domain.errors import NotFound, ValidationError
from motcua_desk.domain.text import mask_name
from motcua_desk.services.base import ServiceBase
from motcua_desk.services.calendar import CalendarService
from motcua_desk.services.catalog import CatalogService

NO_MATCH = "lookup_no_match"
MAX_CODE_LENGTH = 64  # a dossier code is about 25 characters


@dataclass(frozen=True)
class PublicDossier:
    """What the lookup station shows of one dossier (office-local moments)."""

    code: str
    procedure_code: str
    procedure_name: str
    masked_name: str
    status: str  # Status value
    received_at: datetime | None
    due_at: datetime | None
    extended: bool  # the return date was reset once (with an apology)
    overdue: bool  # still in process after the due moment
    result_at: datetime | None
    returned_at: datetime | None
    supplement_items: tuple[str, ...]  # papers asked for, when supplements are awaited
    result_place: str


class LookupService(ServiceBase):
    def __init__(self, store, clock, calendar: CalendarService, catalog: CatalogService) -> None:
        super().__init__(store, clock)
        self.calendar = calendar
        self.catalog = catalog

    @property
    def cal(self) -> WorkCalendar:
        return self.calendar.calendar()

    def by_slip(self, code: str) -> PublicDossier:
        """A scanned slip: the code alone."""
        return self._find(code, None)

    def by_code_and_id(self, code: str, id_last4: str) -> PublicDossier:
        """A code typed by hand with the last 4 digits of the applicant's CCCD."""
        digits = (id_last4 or "").strip()
        if len(digits) != 4 or not digits.isdigit() or not digits.isascii():
            raise ValidationError(
                "id_last4", "type the last 4 digits of the citizen ID", code="id_last4_format"
            )
        return self._find(code, digits)

    def _find(self, code: str, id_last4: str | None) -> PublicDossier:
        text = (code or "").strip()
        if not text or len(text) > MAX_CODE_LENGTH:
            raise _no_match()
        clean = codes.normalize(text)
        with self.reading() as db:
            key = db.dossiers.key(clean)
            if key is None:
                raise _no_match()
            state = fold(key[0], db.events.of(key[0]))
        if id_last4 is not None:
            on_file = str(state.applicant.get("id_number", "") or "")
            # compared in constant time: the answer's timing says nothing about the digits
            if len(on_file) < 4 or not hmac.compare_digest(on_file[-4:], id_last4):
                raise _no_match()
        if state.status == Status.NEW:
            raise _no_match()
        return self._public(state)

    def _public(self, state) -> PublicDossier:
        cal = self.cal
        now = cal.to_local(self.clock())
        p = state.procedure
        due = cal.to_local(state.due_at) if state.due_at else None
        in_process = state.status in (Status.RECEIVED, Status.IN_PROCESS)
        items: tuple[str, ...] = ()
        if state.status == Status.SUPPLEMENT_REQUESTED:
            items = tuple(
                str(i.get("name", ""))
                for i in state.last_supplement.get("items", ())
                if isinstance(i, dict) and i.get("name")
            )
        return PublicDossier(
            code=state.code,
            procedure_code=str(p.get("code", "")),
            procedure_name=str(p.get("name", "")),
            masked_name=mask_name(str(state.applicant.get("name", ""))),
            status=str(state.status),
            received_at=cal.to_local(state.received_at) if state.received_at else None,
            due_at=due,
            extended=bool(state.extended),
            overdue=bool(in_process and due is not None and now > due),
            result_at=cal.to_local(state.result_at) if state.result_at else None,
            returned_at=cal.to_local(state.returned_at) if state.returned_at else None,
            supplement_items=items,
            result_place=str(p.get("result_place", "")),
        )

    # --- the public catalog -------------------------------------------------------------------
    def procedures(self, text: str = "", limit: int = 200) -> list[ProcedureView]:
        """The procedures with their requirements; `text` is matched without diacritics."""
        return self.catalog.find((text or "")[:200], limit=limit)


def _no_match() -> NotFound:
    return NotFound("no dossier matches this code and these digits", code=NO_MATCH)
