"""The dossier's statuses, the statuses each event may be applied in (and the once-only
extension), and the state the fold makes of a dossier's events (`DossierState`, with its
`Step`s and `Conflict`s). Pure; the fold itself is `domain.dossier`, which re-exports
all of this."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum
from typing import Any

from motcua_desk.domain.errors import IllegalTransition
from motcua_desk.domain.events import EventType

DESK = "desk"


class Status(StrEnum):
    # The values are stored in databases and sent on the wire: a member may be renamed, its
    # value never ("refused" and "rejected" predate the names that say which refusal it is).
    NEW = "new"  # no event yet (never stored)
    RECEIVED = "received"  # at the desk, accepted
    REFUSED_AT_INTAKE = "refused"
    IN_PROCESS = "in_process"  # at a department
    SUPPLEMENT_REQUESTED = "supplement_requested"  # waiting for the applicant's papers
    STOPPED = "stopped"  # stopped at the applicant's request
    REFUSED_AFTER_APPRAISAL = "rejected"
    RESULT_READY = "result_ready"  # result back at the desk
    RETURNED = "returned"  # result handed to the applicant
    VOIDED = "voided"  # entered by mistake


# National dossier status codes (provincial systems): 1 Mới đăng ký and 6 Yêu cầu thực hiện
# nghĩa vụ tài chính have no counterpart at the counter.
NATIONAL_STATUS: dict[Status, int] = {
    Status.NEW: 1,
    Status.RECEIVED: 2,
    Status.REFUSED_AT_INTAKE: 3,
    Status.IN_PROCESS: 4,
    Status.SUPPLEMENT_REQUESTED: 5,
    Status.STOPPED: 7,
    Status.REFUSED_AFTER_APPRAISAL: 8,
    Status.RESULT_READY: 9,
    Status.RETURNED: 10,
    Status.VOIDED: 8,
}

NATIONAL_STATUS_NAMES: dict[int, str] = {
    1: "Mới đăng ký",
    2: "Được tiếp nhận",
    3: "Không được tiếp nhận",
    4: "Đang xử lý",
    5: "Yêu cầu bổ sung giấy tờ",
    6: "Yêu cầu thực hiện nghĩa vụ tài chính",
    7: "Công dân yêu cầu rút hồ sơ",
    8: "Dừng xử lý",
    9: "Đã xử lý xong",
    10: "Đã trả kết quả",
}

# Which statuses each event may be applied in.
ALLOWED: dict[EventType, frozenset[Status]] = {
    EventType.RECEIVED: frozenset({Status.NEW}),
    EventType.SUPPLEMENT_REQUESTED: frozenset({Status.RECEIVED, Status.IN_PROCESS}),
    EventType.RESUBMITTED: frozenset({Status.SUPPLEMENT_REQUESTED}),
    EventType.REFUSED_AT_INTAKE: frozenset({Status.RECEIVED, Status.SUPPLEMENT_REQUESTED}),
    EventType.REFUSED_AFTER_APPRAISAL: frozenset({Status.IN_PROCESS}),
    EventType.HANDED_OFF: frozenset({Status.RECEIVED, Status.IN_PROCESS}),
    EventType.RESULT_RECEIVED: frozenset({Status.RECEIVED, Status.IN_PROCESS}),
    EventType.EXTENDED: frozenset({Status.RECEIVED, Status.IN_PROCESS}),
    EventType.RETURNED: frozenset({Status.RESULT_READY, Status.REFUSED_AFTER_APPRAISAL}),
    EventType.STOPPED: frozenset({Status.RECEIVED, Status.IN_PROCESS, Status.SUPPLEMENT_REQUESTED}),
    EventType.NOTE: frozenset(set(Status) - {Status.NEW}),
    EventType.PRINTED: frozenset(set(Status) - {Status.NEW}),
    EventType.VOIDED: frozenset(set(Status) - {Status.NEW, Status.RETURNED, Status.VOIDED}),
    EventType.RATED: frozenset({Status.RETURNED}),
    EventType.FEE_RECORDED: frozenset(set(Status) - {Status.NEW}),
    EventType.DIGITISED: frozenset(set(Status) - {Status.NEW, Status.VOIDED}),
}

RATINGS = (1, 2, 3)  # 1 Rất hài lòng, 2 Hài lòng, 3 Không hài lòng (needs a reason)


@dataclass(frozen=True)
class Step:
    """One movement of the paper dossier: desk → department, department → department,
    department → desk, desk → applicant."""

    event_id: str
    kind: str  # handed_off | result_received | returned
    from_unit: str
    to_unit: str
    giver: str
    receiver: str
    at: datetime


@dataclass(frozen=True)
class Conflict:
    """An event that the deterministic order made illegal (two desks acted offline)."""

    event_id: str
    event_type: str
    node_id: str
    officer: str
    occurred_at: datetime
    status: str  # the dossier's status when the event came up in the order
    reason: str  # machine code: illegal_transition | second_extension | duplicate_receipt |
    #              invalid_event


@dataclass(frozen=True)
class DossierState:
    dossier_id: str
    status: Status = Status.NEW
    code: str = ""
    procedure: Mapping[str, Any] = field(default_factory=dict)
    applicant: Mapping[str, Any] = field(default_factory=dict)
    documents: tuple[Mapping[str, Any], ...] = ()
    sets: int = 1
    channel: str = "direct"
    result_delivery: str = "counter"
    received_at: datetime | None = None
    received_by: str = ""
    desk_no: int = 0
    ledger: Mapping[str, Any] = field(default_factory=dict)
    clock_start: datetime | None = None
    due_at: datetime | None = None  # the moment in force (after an extension, the new one)
    original_due_at: datetime | None = None  # before any extension: statistics use it
    due_explanation: str = ""
    extended: bool = False
    extension_reason: str = ""
    supplement_count: int = 0
    last_supplement: Mapping[str, Any] = field(default_factory=dict)
    location: str = ""  # "desk", a department, or "" once returned/closed
    location_since: datetime | None = None
    lead_department: str = ""
    steps: tuple[Step, ...] = ()
    result_at: datetime | None = None
    returned_at: datetime | None = None
    returned_to: str = ""
    return_method: str = ""
    closing_reason: str = ""  # refusal, stop or void reason
    prints: Mapping[str, int] = field(default_factory=dict)
    rating: int = 0  # the citizen's satisfaction at return (RATINGS), 0 when not rated
    rating_reason: str = ""
    rated_at: datetime | None = None
    ticket: str = ""  # the queue ticket the citizen held at intake
    # What was collected: one record per payment {event_id, at, officer, amount, method,
    # receipt_ref}, at intake (the received event's fee) and after (fee_recorded).
    fees: tuple[Mapping[str, Any], ...] = ()
    receipt_ref: str = ""  # the last e-receipt reference recorded
    # The digitisation of each document line (by its index in `documents`): the payload of the
    # last digitised event for it, with that event's id and moment.
    digitisation: Mapping[int, Mapping[str, Any]] = field(default_factory=dict)
    conflicts: tuple[Conflict, ...] = ()
    event_count: int = 0
    last_hlc: int = 0

    @property
    def national_status(self) -> int:
        return NATIONAL_STATUS[self.status]


# The action an event records, as a verb for error messages.
ACTION_NAMES: dict[EventType, str] = {
    EventType.RECEIVED: "receive",
    EventType.SUPPLEMENT_REQUESTED: "request_supplement",
    EventType.RESUBMITTED: "resubmit",
    EventType.REFUSED_AT_INTAKE: "refuse_at_intake",
    EventType.REFUSED_AFTER_APPRAISAL: "refuse_after_appraisal",
    EventType.HANDED_OFF: "hand_off",
    EventType.RESULT_RECEIVED: "receive_result",
    EventType.EXTENDED: "extend",
    EventType.RETURNED: "return",
    EventType.STOPPED: "stop",
    EventType.NOTE: "add_note",
    EventType.VOIDED: "void",
    EventType.PRINTED: "print",
    EventType.RATED: "rate",
    EventType.FEE_RECORDED: "record_fee",
    EventType.DIGITISED: "digitise",
}


def extension_refused(status: Status, extended: bool) -> IllegalTransition | None:
    """The once-only extension (Mẫu 04): the refusal (reason extended_once) of a new return date
    for a dossier whose date was reset already, in a status an extension applies in; None when
    the rule does not stand in the way (the statuses are ALLOWED's). The fold's check, the
    service's early refusal and the window's list of actions all ask this one rule."""
    if extended and status in ALLOWED[EventType.EXTENDED]:
        return IllegalTransition(
            status, "extend", "the return date may be reset only once", reason="extended_once"
        )
    return None
