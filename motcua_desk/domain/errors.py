"""Domain errors: bad input or a forbidden action. Each carries a stable code and parameters
so that the window can show a translated sentence, and an English message for the command line."""

from __future__ import annotations

from typing import Any


class DomainError(Exception):
    """Something the officer asked for that the rules refuse. Never a program fault."""

    code = "domain_error"

    def __init__(self, message: str, *, code: str | None = None, **params: Any) -> None:
        super().__init__(message)
        self.message = message
        if code is not None:
            self.code = code
        self.params = params

    def __str__(self) -> str:
        return self.message


class ValidationError(DomainError):
    """A field that does not hold a valid value (citizen ID, phone, name, date...)."""

    code = "invalid_value"

    def __init__(self, field: str, message: str, *, code: str | None = None, **params: Any) -> None:
        super().__init__(message, code=code, field=field, **params)
        self.field = field


class IllegalTransition(DomainError):
    """The state machine forbids this action in the dossier's current status. `reason` says
    why when the status alone does not (the window translates it; `detail` is the English):
    already_received, handed_off, extended_once, already_there."""

    code = "illegal_transition"

    def __init__(self, status: str, action: str, detail: str = "", *, reason: str = "") -> None:
        msg = f"cannot {action.replace('_', ' ')} a dossier whose status is '{status}'"
        if detail:
            msg += f": {detail}"
        super().__init__(msg, status=status, action=action, detail=detail, reason=reason)
        self.status = status
        self.action = action
        self.reason = reason


class NotFound(DomainError):
    """An unknown dossier code, procedure code or department."""

    code = "not_found"


class RedirectUnconfirmed(DomainError):
    """Dossiers would go to another department than their procedure's: the officer must
    confirm. `dossiers` is a list of (code, expected department)."""

    code = "redirect_unconfirmed"

    SHOWN = 5  # codes named per department in the message; the rest are counted

    def __init__(self, department: str, dossiers: list[tuple[str, str]]) -> None:
        by_expected: dict[str, list[str]] = {}
        for c, e in dossiers:
            by_expected.setdefault(e, []).append(c)
        parts = []
        for e, cs in by_expected.items():
            named = ", ".join(cs[: self.SHOWN])
            more = f" and {len(cs) - self.SHOWN} more" if len(cs) > self.SHOWN else ""
            parts.append(f"{named}{more} (procedure's department: {e})")
        super().__init__(
            f"not the procedure's department: {'; '.join(parts)} would go to {department}; "
            "confirm to hand them over anyway (on the command line: --redirect)",
            department=department,
            dossiers=[c for c, _e in dossiers],
            expected=sorted({e for _c, e in dossiers}),
        )
        self.department = department
        self.dossiers = list(dossiers)


class RestorePending(DomainError):
    """This database was just restored from a backup and the hub may hold events this desk
    made after that backup: nothing new is recorded until a sync has taken them back (or the
    officer confirmed that there is no hub to ask)."""

    code = "restore_pending"

    def __init__(self, restored_at: str = "") -> None:
        super().__init__(
            "this database was restored from a backup: sync with the hub first (motcua-desk "
            "sync), so that the dossiers this desk made after the backup come back and no code "
            "is issued twice; with no hub to reach, confirm with 'motcua-desk restore "
            "--confirm-offline'",
            restored_at=restored_at,
        )
