"""Dossier use cases: intake and every lifecycle action (one unit of work each), look-up by a
scanned code, search, the day's work, the ledgers.

DossierService is composed of one mixin per part (each over dossiers_base.DossierBase):
intake and fees (dossiers_intake), handoffs and results back (dossiers_moves), the other
lifecycle steps (dossiers_steps), look-ups (dossiers_reading) and the printed lists
(dossiers_lists). The names their callers import from here stay importable from here."""

from __future__ import annotations

from motcua_desk.domain.dto import IntakeRequest
from motcua_desk.services.dossiers_base import BACKDATE_LIMIT, FUTURE_TOLERANCE, DossierBase
from motcua_desk.services.dossiers_intake import INTAKE_OUTCOMES, DossierIntake
from motcua_desk.services.dossiers_lists import DossierLists
from motcua_desk.services.dossiers_moves import DossierMoves
from motcua_desk.services.dossiers_reading import TAIL_DAYS, DossierReading
from motcua_desk.services.dossiers_steps import (
    MAX_EXTENSION_DAYS,
    SUPPLEMENT_WINDOW_DAYS,
    DossierSteps,
)

__all__ = [
    "BACKDATE_LIMIT",
    "FUTURE_TOLERANCE",
    "INTAKE_OUTCOMES",
    "MAX_EXTENSION_DAYS",
    "SUPPLEMENT_WINDOW_DAYS",
    "TAIL_DAYS",
    "DossierBase",
    "DossierService",
    "IntakeRequest",
]


class DossierService(DossierIntake, DossierMoves, DossierSteps, DossierReading, DossierLists):
    """Every dossier use case of the desk (see the module's docstring for where each lives)."""
