"""Dossiers moving between the desk and the departments: handed off, results taken back."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from motcua_desk.domain import validation
from motcua_desk.domain.dossier import DESK, DossierState
from motcua_desk.domain.dto import DossierDetail
from motcua_desk.domain.errors import (
    DomainError,
    IllegalTransition,
    NotFound,
    RedirectUnconfirmed,
    ValidationError,
)
from motcua_desk.domain.events import EventType
from motcua_desk.services.dossiers_base import DossierBase, _unique


class DossierMoves(DossierBase):
    """Handoffs to departments and results received back, in batches."""

    def handoff(
        self,
        codes_: Sequence[str],
        to: str,
        at: datetime | None = None,
        receiver: str = "",
        giver: str = "",
        redirect: bool = False,
    ) -> list[DossierDetail]:
        """Hand one or several dossiers to a department, all or none. The receiver's name is
        required. A dossier handed from the desk to another department than its procedure's
        is refused with RedirectUnconfirmed unless `redirect` (the officer confirmed it); the
        event then says so (`redirected`, `expected_department`). From a department to
        another the giver is that department's officer (required); from the desk it defaults
        to this desk's officer."""
        dept = self.catalog.department(to)
        receiver = validation.free_text("receiver", receiver, required=True, limit=100)
        giver = validation.free_text("giver", giver, limit=100)
        results = []
        with self.unit() as uow:
            now = self.cal.to_local(uow.now)
            unexpected: list[tuple[str, str]] = []
            for code in _unique(codes_):
                state = self._resolve(uow, code)
                if state.location == dept.name:
                    raise IllegalTransition(
                        state.status,
                        "hand_off",
                        f"{state.code} is already at {dept.name}",
                        reason="already_there",
                    )
                moment = self._moment(at, now, not_before=state.location_since)
                from_unit = state.location or DESK
                if from_unit != DESK and not giver:
                    raise ValidationError(
                        "giver",
                        f"{state.code} is at {from_unit}: say who of {from_unit} "
                        "hands it over (giver)",
                        code="giver_required",
                        department=from_unit,
                    )
                payload = {
                    "from_unit": from_unit,
                    "to_unit": dept.name,
                    "giver": giver or uow.desk.officer,
                    "receiver": receiver,
                }
                expected = self._expected_department(state)
                if from_unit == DESK and expected and expected != dept.name:
                    unexpected.append((state.code, expected))
                    payload.update(redirected=True, expected_department=expected)
                uow.append(state.dossier_id, EventType.HANDED_OFF, payload, moment)
                results.append(state.dossier_id)
            if not results:
                raise ValidationError("codes", "no dossier code given", code="required")
            if unexpected and not redirect:
                raise RedirectUnconfirmed(dept.name, unexpected)  # rolls the batch back
            return [self._detail(uow, d) for d in results]

    def _expected_department(self, state: DossierState) -> str:
        """The department the dossier's procedure names (as the catalog spells it now)."""
        name = (state.procedure or {}).get("department", "") or ""
        if not name:
            return ""
        try:
            return self.catalog.department(name).name
        except NotFound:
            return name

    def receive_result(
        self,
        codes_: Sequence[str],
        at: datetime | None = None,
        giver: str = "",
        receiver: str = "",
        department: str = "",
    ) -> list[DossierDetail]:
        """Results brought back to the desk, all or none. `department` (when given) is who
        brings them: a dossier held by another department is refused."""
        dept = self.catalog.department(department).name if department else ""
        giver = validation.free_text("giver", giver, limit=100)
        results = []
        with self.unit() as uow:
            now = self.cal.to_local(uow.now)
            for code in _unique(codes_):
                state = self._resolve(uow, code)
                if dept and state.location != dept:
                    raise DomainError(
                        f"{state.code} is held by {state.location or 'the desk'}, not by "
                        f"{dept}: its result cannot be taken back from {dept}",
                        code="wrong_department",
                        dossier=state.code,
                        held_by=state.location or DESK,
                        department=dept,
                    )
                moment = self._moment(at, now, not_before=state.location_since)
                uow.append(
                    state.dossier_id,
                    EventType.RESULT_RECEIVED,
                    {
                        "from_unit": state.location or DESK,
                        "to_unit": DESK,
                        "giver": giver,
                        "receiver": receiver or uow.desk.officer,
                    },
                    moment,
                )
                results.append(state.dossier_id)
            if not results:
                raise ValidationError("codes", "no dossier code given", code="required")
            return [self._detail(uow, d) for d in results]
