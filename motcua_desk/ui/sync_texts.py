"""What the officer reads about sync: the first words of the status bar's sync area (state,
clock, the last round's problem) and, for each sync exception, what happened and what to do.
Also the list's loading on the DB worker (`load_conflicts`) and the item it yields, which
these texts explain. Split from ui.sync_view (the dialog), which still exports every name.

A sync exception is an action that lost when two desks worked on one dossier offline: both
events are kept, the deterministic order applies the first, and the other is listed until an
officer has dealt with it and marks it seen. A pulled event this desk could not apply
(quarantined: fails its schema, hash or chain) or applied with a wrong clock is listed too.
The services give the reason as a code (illegal_transition, second_extension,
duplicate_receipt); every sentence the officer reads is built here, through Qt Linguist
(contexts "SyncStatus" and "SyncExceptions").
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

from motcua_desk.domain.errors import DomainError
from motcua_desk.ui import errors, labels
from motcua_desk.ui.sync_worker import FAILED_STATES, SyncSnapshot

if TYPE_CHECKING:
    from motcua_desk.domain.dto import ConflictView, DossierDetail, DossierView, EventView
    from motcua_desk.services import Services
    from motcua_desk.services.replication_terms import QuarantineView

translate = QCoreApplication.translate

MAX_LISTED = 500
_QUIET_EVENTS = ("note", "printed")  # they never decide a status


# --- the status line ------------------------------------------------------------------------
def state_label(state: str | None, online: bool = False) -> str:
    """The first words of the sync area: where sync stands."""
    if state is None:
        state = "online" if online else "offline"
    texts = {
        "unset": translate("SyncStatus", "Sync: not set up"),
        "stopped": translate("SyncStatus", "Sync: turned off"),
        "starting": translate("SyncStatus", "◌ Connecting"),
        "idle": translate("SyncStatus", "◌ Connecting"),
        "syncing": translate("SyncStatus", "⟳ Syncing"),
        "online": translate("SyncStatus", "● Online"),
        "offline": translate("SyncStatus", "○ Offline"),
        "refused": translate("SyncStatus", "⚠ Refused by the server"),
        "error": translate("SyncStatus", "⚠ Sync error"),
    }
    return texts.get(state, state)


STATE_COLOURS = {
    "online": "#1b7f3b",
    "syncing": "#0b4f8a",
    "offline": "#8a4b00",
    "refused": "#b00020",
    "error": "#b00020",
}


def skew_amount(skew_ms: int | None) -> str:
    """How far the desk clock is off, in the unit that reads best (minutes, hours, days)."""
    minutes = round(abs(skew_ms or 0) / 60_000)
    if minutes < 120:
        return translate("SyncStatus", "{n} min").format(n=minutes)
    if minutes < 48 * 60:
        return translate("SyncStatus", "{n} h").format(n=round(minutes / 60))
    return translate("SyncStatus", "{n} days").format(n=round(minutes / 1440))


def clock_text(skew_ms: int | None) -> str:
    """One sentence on a desk clock that is off the server's (skew = desk − server)."""
    if (skew_ms or 0) > 0:
        return translate(
            "SyncStatus",
            "This computer's clock is {amount} ahead of the "
            "server's: set the clock right (the times printed on forms would be "
            "wrong).",
        ).format(amount=skew_amount(skew_ms))
    return translate(
        "SyncStatus",
        "This computer's clock is {amount} behind the server's: "
        "set the clock right (the times printed on forms would be wrong).",
    ).format(amount=skew_amount(skew_ms))


def problem_text(snap: SyncSnapshot) -> str:
    """Why the last round failed, for the officer ("" when it did not); when it did not, what
    the files of digitised papers still need (the events synced anyway)."""
    if snap.state not in FAILED_STATES:
        if "file_missing" in snap.warnings:
            return translate(
                "SyncView",
                "A scanned file of this desk is missing or damaged and could not be sent: "
                "restore the files folder from a backup, or attach the scan again "
                "(motcua-desk digitise verify lists them).",
            )
        if "file_waiting" in snap.warnings:
            return translate(
                "SyncView",
                "Some scanned files are not on the hub yet; they come with a later sync.",
            )
        return ""
    return errors.sync_problem(
        snap.error_code or ("hub_unavailable" if snap.state == "offline" else "sync_error")
    )


# --- the exceptions -------------------------------------------------------------------------
@dataclass(frozen=True)
class ConflictItem:
    """One sync exception with what the window needs to explain it."""

    conflict: ConflictView
    dossier: DossierView | None = None  # its dossier, as it stands
    winner: EventView | None = None  # the action that stands, when one can be named


def load_conflicts(svc: Services, limit: int = MAX_LISTED) -> list[ConflictItem]:
    """On the DB worker: the open sync exceptions, each with its dossier and the action that
    stands (the last deciding event before the losing one in the agreed order)."""
    details: dict[str, DossierDetail | None] = {}
    items = []
    for c in svc.dossiers.conflicts()[:limit]:
        if c.dossier_code not in details:
            try:
                details[c.dossier_code] = svc.dossiers.find_by_code(c.dossier_code)
            except DomainError:  # listed all the same, with what the exception itself says
                details[c.dossier_code] = None
        detail = details[c.dossier_code]
        if detail is None:
            items.append(ConflictItem(c))
            continue
        losers = {x.event_id for x in detail.conflicts}
        winner = None
        for ev in detail.events:  # in the agreed order
            if ev.id == c.event_id:
                break
            if ev.id not in losers and ev.type not in _QUIET_EVENTS:
                winner = ev
        items.append(ConflictItem(c, detail.dossier, winner))
    for q in svc.replication.quarantined()[: max(0, limit - len(items))]:
        items.append(ConflictItem(q))  # pulled events kept aside: their own texts below
    return items


def is_quarantine(item: ConflictItem) -> bool:
    return bool(getattr(item.conflict, "quarantine", False))


def quarantine_happened(c: QuarantineView) -> str:
    """What happened to a pulled event this desk kept aside (QuarantineView)."""
    texts = {
        "invalid_event": translate(
            "SyncExceptions",
            "An event received from the server does "
            "not have the form every event must have; it was kept aside "
            "and not applied.",
        ),
        "unparseable": translate(
            "SyncExceptions", "The server sent something that is not an event; it was kept aside."
        ),
        "hash_mismatch": translate(
            "SyncExceptions",
            "An event received from the server does "
            "not match its checksum (altered or damaged); it was kept "
            "aside and not applied.",
        ),
        "hub_altered": translate(
            "SyncExceptions",
            "Hub data altered: the server now sends a "
            "different content for an event this desk already holds. This "
            "desk keeps its original.",
        ),
        "chain_broken": translate(
            "SyncExceptions",
            "An event received from the server does "
            "not follow the previous event of its desk (the chain is "
            "broken); it was kept aside and not applied.",
        ),
        "chain_fork": translate(
            "SyncExceptions",
            "Two different events claim the same place in "
            "one desk's record; the second was kept aside.",
        ),
        "gap": translate(
            "SyncExceptions",
            "An event arrived before the events of its desk that "
            "come before it; it waits for them.",
        ),
        "wrong_clock": translate(
            "SyncExceptions",
            "An event was recorded while the clock of "
            "its desk was wrong (before 2020); it was applied, but the "
            "times it shows are wrong.",
        ),
        "future_clock": translate(
            "SyncExceptions",
            "An event was recorded with a clock far "
            "ahead of this computer's; it was applied without moving this "
            "desk's clock.",
        ),
    }
    text = texts.get(c.reason, texts["invalid_event"])
    if c.dossier_code:
        text += " " + translate("SyncExceptions", "Dossier: {code}.").format(code=c.dossier_code)
    return text


def quarantine_to_do(c: QuarantineView) -> str:
    if c.reason == "gap":
        return translate(
            "SyncExceptions",
            "Nothing: it is applied by itself when the missing events arrive. Mark this seen.",
        )
    if c.reason in ("wrong_clock", "future_clock"):
        return translate(
            "SyncExceptions",
            "The dossier is handled as usual. Ask IT to set the "
            "clock of the desk that made it right, then mark this seen.",
        )
    return translate(
        "SyncExceptions",
        "Nothing to do at the counter: the other events go on. "
        "Call IT: the server's data must be checked (motcua-desk hub verify). Then "
        "mark this seen.",
    )


def desk_words(node_id: str, own_node: str) -> str:
    if own_node and node_id == own_node:
        return translate("SyncExceptions", "this desk")
    return translate("SyncExceptions", "another desk")


def officer_words(officer: str) -> str:
    return officer or translate("SyncExceptions", "an officer")


def what_happened(item: ConflictItem, own_node: str = "") -> str:
    c = item.conflict
    if is_quarantine(item):
        return quarantine_happened(c)
    values = dict(
        action=labels.event_label(c.event_type),
        officer=officer_words(c.officer),
        where=desk_words(c.node_id, own_node),
        time=labels.fmt_moment(c.occurred_at),
        status=labels.status_label(c.status),
    )
    if c.reason == "second_extension":
        text = translate(
            "SyncExceptions",
            "The new return date set by {officer} ({where}) at "
            "{time} was not applied: a dossier's return date may be reset only "
            "once, and another desk's new date came first.",
        )
    elif c.reason == "second_rating":
        text = translate(
            "SyncExceptions",
            "The satisfaction rating given at {officer}'s desk "
            "({where}) at {time} was not kept: a dossier is rated once, and "
            "another desk's rating came first.",
        )
    elif c.reason == "duplicate_receipt":
        text = translate(
            "SyncExceptions",
            "A second receipt of this dossier code by {officer} "
            "({where}) at {time} was ignored: the same code was issued twice.",
        )
    else:
        text = translate(
            "SyncExceptions",
            "“{action}” by {officer} ({where}) at {time} was not "
            "applied: when the desks' actions were put in their agreed order, the "
            "dossier was already “{status}”.",
        )
    lines = [text.format(**values)]
    w = item.winner
    if w is not None:
        lines.append(
            translate(
                "SyncExceptions", "What stands: “{action}” by {officer} ({where}) at {time}."
            ).format(
                action=labels.event_label(w.type),
                officer=officer_words(w.officer),
                where=desk_words(w.node_id, own_node),
                time=labels.fmt_moment(w.occurred_at),
            )
        )
    d = item.dossier
    if d is not None:
        if c.event_type == "returned" and getattr(d, "returned_to", ""):
            lines.append(
                translate("SyncExceptions", "The result is recorded as handed to {name}.").format(
                    name=d.returned_to
                )
            )
        if c.event_type == "extended" and d.due_at is not None:
            lines.append(
                translate("SyncExceptions", "Return date in force: {due}.").format(
                    due=labels.fmt_due(d.due_at)
                )
            )
    return "\n".join(lines)


def what_to_do(item: ConflictItem) -> str:
    c = item.conflict
    if is_quarantine(item):
        return quarantine_to_do(c)
    if c.reason == "duplicate_receipt":
        return translate(
            "SyncExceptions",
            "The dossier code was used twice (two desks set up "
            "with the same desk number?). Contact IT before printing anything more "
            "for this code, then mark this seen.",
        )
    if c.reason == "second_rating":
        return translate(
            "SyncExceptions", "The first rating stands; nothing else to do. Mark this seen."
        )
    if c.reason == "second_extension":
        return translate(
            "SyncExceptions",
            "The first new date stands. Tell the citizen the "
            "return date in force; if you had promised another date, add a note on "
            "the dossier. Then mark this seen.",
        )
    if c.event_type == "returned":
        return translate(
            "SyncExceptions",
            "The result was handed out twice. Check with the "
            "citizen who actually collected it (compare the return records of both "
            "desks), add a note on the dossier of what you found, then mark this "
            "seen.",
        )
    if c.event_type == "extended":
        return translate(
            "SyncExceptions",
            "The new date has no effect: the dossier had already "
            "moved on. If the citizen was told a new date, call them; add a note on "
            "the dossier, then mark this seen.",
        )
    return translate(
        "SyncExceptions",
        "Another desk moved this dossier first. Open it, check "
        "its timeline with the department or the citizen, do the step again if it "
        "is still needed, add a note, then mark this seen.",
    )
