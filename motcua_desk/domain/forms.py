"""Which of a dossier's forms (TT 03/2025 Mẫu 01–06) its history calls for: the one rule, read
by the printing layer before it draws a form (printing.check_form), by the command line through
it, and by the window when it offers the forms to print again.

Before this module the window had a guess of its own ("the slip and the control sheet always,
the others once they apply or were printed before") that offered forms the printing layer then
refused: the slip of a refused, stopped or voided dossier, the control sheet of a voided one.
"""

from __future__ import annotations

from motcua_desk.domain.dto import DossierDetail, EventView

# the dossier forms, in the order of their numbers (Mẫu 01 … 06)
DOSSIER_FORMS = ("slip", "supplement", "refusal", "apology", "stop", "control")


def _applied(detail: DossierDetail) -> list[EventView]:
    """The events that took effect, in order (conflict losers left out)."""
    lost = {c.event_id for c in detail.conflicts}
    return [e for e in detail.events if e.id not in lost]


def _has(detail: DossierDetail, *types: str) -> bool:
    return any(e.type in types for e in _applied(detail))


def form_problem(form: str, detail: DossierDetail) -> str | None:
    """Why the dossier's state does not call for `form` (English, for the log and the command
    line), or None when it does."""
    d = detail.dossier
    code = d.code
    if form not in DOSSIER_FORMS:
        return f"unknown form {form!r} (one of {', '.join(DOSSIER_FORMS)})"
    if form == "slip":
        if d.status in ("refused", "voided", "stopped"):
            return (
                f"{code} is '{d.status}': a receipt slip (Mẫu 01) would promise a return "
                "date that no longer holds"
            )
        if d.status == "supplement_requested" and d.last_supplement.get("by", "desk") == "desk":
            return (
                f"{code} is waiting for supplements asked at the desk: print the supplement "
                "request (Mẫu 02), the slip comes when the dossier is complete"
            )
    elif form == "supplement" and not _has(detail, "supplement_requested"):
        return f"{code} was never asked for supplements: there is no Mẫu 02 to print"
    elif form == "refusal" and (
        not _has(detail, "refused_at_intake", "refused_after_appraisal")
        or d.status not in ("refused", "rejected", "returned")
    ):
        return f"{code} was not refused: there is no Mẫu 03 to print"
    elif form == "apology" and (not d.extended or not _has(detail, "extended")):
        return f"{code} has no extension (apology and new date): there is no Mẫu 04 to print"
    elif form == "stop" and (d.status != "stopped" or not _has(detail, "stopped")):
        return f"{code} was not stopped at the applicant's request: there is no Mẫu 05 to print"
    elif form == "control" and d.status == "voided":
        return f"{code} was voided: it has no control sheet"
    return None


def applicable_forms(detail: DossierDetail) -> list[str]:
    """The forms the dossier's history calls for now, in form order (may be empty: a voided
    dossier has none)."""
    return [f for f in DOSSIER_FORMS if form_problem(f, detail) is None]
