"""A frozen copy of domain.schema.problems() as it was at commit 2f5713c (before its fast
paths), with all it needs (fees.fee_problem and its constants included): the reference that
tests/domain/test_schema_differential.py holds the live one to. Do not edit, do not "fix": a
change of what the border accepts is made in domain.schema and its own tests, and this file is
replaced by a new frozen copy then, on purpose."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Mapping
from datetime import UTC, datetime
from typing import Any

from motcua_desk.domain.events import EventType

# --- from domain.fees ---------------------------------------------------------------------
FEE_MAX = 1_000_000_000
RECEIPT_REF_MAX = 60
FEE_METHODS = ("cash", "transfer", "card", "exempt")
EXEMPT = "exempt"
_REF = re.compile(r"^[0-9A-Za-z][0-9A-Za-z ./_#:-]*$")
TICKET_MAX = 12
TICKET_RE = re.compile(r"^[0-9A-Z]+(?:[-.][0-9A-Z]+)*$")


def fee_problem(p: Any, *, need_payment: bool) -> str:
    """What is wrong with a `fee` object or a fee_recorded payload's money part ("" if fine):
    amount with method, exempt only with 0, a receipt reference alone only when
    `need_payment` is False."""
    has_amount, has_method = "amount" in p, "method" in p
    if has_amount != has_method:
        return "amount and method go together"
    if not has_amount:
        if need_payment:
            return "amount is missing"
        return "" if p.get("receipt_ref") else "holds neither a payment nor a receipt reference"
    amount, method = p["amount"], p["method"]
    if type(amount) is not int or not 0 <= amount <= FEE_MAX:
        return f"amount must be a whole number from 0 to {FEE_MAX}"
    if method not in FEE_METHODS:
        return f"method must be one of {', '.join(FEE_METHODS)}"
    if (method == EXEMPT) != (amount == 0):
        return "amount is 0 exactly when the method is exempt"
    ref = p.get("receipt_ref", "")
    if ref and (type(ref) is not str or len(ref) > RECEIPT_REF_MAX or not _REF.match(ref)):
        return "receipt_ref is not a receipt reference"
    return ""


# --- from domain.schema ------------------------------------------------------------------
MIN_MOMENT = datetime(2000, 1, 1, tzinfo=UTC)
MAX_MOMENT = datetime(2100, 1, 1, tzinfo=UTC)
MIN_WALL_MS = int(MIN_MOMENT.timestamp() * 1000)
MAX_WALL_MS = int(MAX_MOMENT.timestamp() * 1000)
MAX_SEQ = 2**31 - 1
MAX_HLC = (MAX_WALL_MS + 1) << 16
MAX_LIST = 200  # documents, supplement items, legal bases
NAME_MAX = 300
TEXT_MAX = 2000
SHORT_MAX = 100
MOMENT_MAX = 40  # characters of an ISO moment

_UUID = re.compile(r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$")
_HEX64 = re.compile(r"^[0-9a-f]{64}$")
_ISO_DATE = re.compile(r"^(19|20)\d\d-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$")
_CODE = re.compile(r"^[0-9A-Z]+(?:\.[0-9A-Z]+)*-\d{6}-\d{4,6}$")
_ENVELOPE_STR = (
    "id",
    "dossier_id",
    "node_id",
    "type",
    "occurred_at",
    "recorded_at",
    "officer",
    "prev_hash",
    "hash",
)


# --- field checkers: each returns a problem ("" when fine) ----------------------------------
Checker = Callable[[Any], str]


def bad_character(text: str) -> str:
    """The first control or invisible character of `text` ("" when there is none)."""
    # By category, as domain.text cleans what the officer types: controls (Cc), line and
    # paragraph separators, format characters (Cf: zero-width, bidi), surrogates and private
    # use. Unassigned code points (Cn) are allowed: what is unassigned depends on the Unicode
    # version of each Python, and a newer desk may write a character an older one lacks.
    if text.isprintable():
        # (one C call for the usual text: every bad category is unprintable to Python, so a
        # printable text has none; only an unprintable one is read character by character)
        return ""
    if text.isascii():
        return next((ch for ch in text if not (" " <= ch <= "~")), "")
    for ch in text:
        if unicodedata.category(ch) in _BAD_CATEGORIES:
            return ch
    return ""


_BAD_CATEGORIES = frozenset(("Cc", "Cf", "Cs", "Co", "Zl", "Zp"))


def _text(limit: int = TEXT_MAX, *, required: bool = False) -> Checker:
    def check(v: Any) -> str:
        if type(v) is not str:
            return f"must be text, not {type(v).__name__}"
        if required and not v.strip():
            return "must not be empty"
        if len(v) > limit:
            return f"is longer than {limit} characters"
        ch = bad_character(v)
        if ch:
            return f"contains the control or invisible character U+{ord(ch):04X}"
        if unicodedata.normalize("NFC", v) != v:
            return "is not in NFC form"
        return ""

    return check


def _int(low: int, high: int) -> Checker:
    def check(v: Any) -> str:
        if type(v) is not int:
            return f"must be a whole number, not {type(v).__name__}"
        if not low <= v <= high:
            return f"must be from {low} to {high}"
        return ""

    return check


def _number(low: float, high: float) -> Checker:
    def check(v: Any) -> str:
        if type(v) not in (int, float) or v != v:  # bool is not a number here; NaN is not
            return f"must be a number, not {type(v).__name__}"
        if not low <= v <= high:
            return f"must be from {low} to {high}"
        return ""

    return check


def _bool(v: Any) -> str:
    return "" if type(v) is bool else f"must be true or false, not {type(v).__name__}"


def _one_of(*values: str) -> Checker:
    def check(v: Any) -> str:
        return "" if type(v) is str and v in values else f"must be one of {', '.join(values)}"

    return check


def moment_problem(v: Any) -> str:
    """An aware ISO 8601 moment inside MIN_MOMENT..MAX_MOMENT ("" when it is one)."""
    if type(v) is not str:
        return f"must be an ISO moment, not {type(v).__name__}"
    if len(v) > MOMENT_MAX:
        return "is too long for a moment"
    try:
        moment = datetime.fromisoformat(v)
    except ValueError:
        return f"is not a moment ({v[:40]!r})"
    if moment.tzinfo is None or moment.utcoffset() is None:
        return "must carry a UTC offset"
    try:
        utc = moment.astimezone(UTC)
    except (OverflowError, ValueError):
        return f"is outside the years {MIN_MOMENT.year}–{MAX_MOMENT.year - 1}"
    if not MIN_MOMENT <= utc < MAX_MOMENT:
        return f"is outside the years {MIN_MOMENT.year}–{MAX_MOMENT.year - 1}"
    return ""


def _nullable(inner: Checker) -> Checker:
    def check(v: Any) -> str:
        return "" if v is None else inner(v)

    return check


def _obj(required: Mapping[str, Checker], optional: Mapping[str, Checker] | None = None) -> Checker:
    optional = optional or {}

    def check(v: Any) -> str:
        if not isinstance(v, Mapping):
            return f"must be an object, not {type(v).__name__}"
        found = _fields(v, required, optional)
        return "; ".join(found)

    return check


def _list(item: Checker, limit: int = MAX_LIST) -> Checker:
    def check(v: Any) -> str:
        if type(v) is not list:
            return f"must be a list, not {type(v).__name__}"
        if len(v) > limit:
            return f"has more than {limit} items"
        for i, x in enumerate(v):
            problem = item(x)
            if problem:
                return f"item {i}: {problem}"
        return ""

    return check


def _fields(
    data: Mapping[str, Any],
    required: Mapping[str, Checker],
    optional: Mapping[str, Checker],
    where: str = "",
) -> list[str]:
    out: list[str] = []
    for key, check in required.items():
        if key not in data:
            out.append(f"{where}{key} is missing")
            continue
        problem = check(data[key])
        if problem:
            out.append(f"{where}{key} {problem}")
    for key, check in optional.items():
        if key in data:
            problem = check(data[key])
            if problem:
                out.append(f"{where}{key} {problem}")
    return out


# --- the schemas ----------------------------------------------------------------------------
_SHORT = _text(SHORT_MAX)
_NAME = _text(NAME_MAX)
_TEXT = _text(TEXT_MAX)
_REQUIRED_TEXT = _text(TEXT_MAX, required=True)
_UNIT = _text(NAME_MAX, required=True)

_PROCEDURE = _obj(
    {"code": _text(SHORT_MAX, required=True), "name": _text(TEXT_MAX, required=True)},
    {
        "field": _NAME,
        "version": _int(0, 1_000_000),
        "time_amount": _number(0, 100_000),
        "time_unit": _SHORT,
        "time_label": _NAME,
        "time_text": _TEXT,
        "fee_text": _TEXT,
        "department": _NAME,
        "result": _TEXT,
        "result_place": _TEXT,
        "legal_basis": _list(_TEXT),
        "fee_amount": _nullable(_int(0, 1_000_000_000)),
    },
)
_APPLICANT = _obj(
    {"name": _text(SHORT_MAX, required=True)},
    {
        "id_number": _text(20),
        "phone": _text(20),
        "address": _text(300),
        "email": _text(254),
        "birth_date": lambda v: (
            "" if type(v) is str and _ISO_DATE.match(v) else "must be a date written YYYY-MM-DD"
        ),
        "sex": _one_of("male", "female"),
    },
)
# A received paper's digitisation (TT 01/2023/TT-VPCP Art. 8): copied page by page, only shown
# (no copy kept), reused from the citizen's earlier dossier, or classified (exempt).
DIGITISATION_STATES = ("scanned", "shown", "reused", "classified")
DIGITISATION_WARNINGS = ("page_count", "low_dpi", "stamped_bw")
_FILE = _obj(  # a file of the desk's store, by its SHA-256 (store.blobs)
    {"sha256": lambda v: "" if type(v) is str and _HEX64.match(v) else "must be 64 hex digits"},
    {"size": _int(1, 2**40), "pages": _int(0, 99_999), "media_type": _SHORT, "name": _NAME},
)

_DOCUMENT = _obj(
    {"name": _text(NAME_MAX, required=True)},
    {"form": _SHORT, "count": _int(0, 999), "checked": _bool, "form_label": _SHORT},
)
_LEDGER = _obj({"year": _int(2000, 2099), "number": _int(1, 10_000_000)}, {"book": _SHORT})


def _ticket(v: Any) -> str:
    if type(v) is not str or not 0 < len(v) <= TICKET_MAX or not TICKET_RE.match(v):
        return f"must be a queue ticket (letters and digits, at most {TICKET_MAX})"
    return ""


def _fee(v: Any) -> str:
    if not isinstance(v, Mapping):
        return f"must be an object, not {type(v).__name__}"
    return fee_problem(v, need_payment=True)


# type → (required payload keys, optional payload keys)
SCHEMAS: dict[EventType, tuple[dict[str, Checker], dict[str, Checker]]] = {
    EventType.RECEIVED: (
        {
            "code": lambda v: (
                ""
                if type(v) is str and _CODE.match(v)
                else "must be a dossier code (AGENCY-YYMMDD-NNNN)"
            ),
            "procedure": _PROCEDURE,
            "applicant": _APPLICANT,
            "due_at": moment_problem,
            "clock_start": moment_problem,
        },
        {
            "documents": _list(_DOCUMENT),
            "sets": _int(1, 99),
            "channel": _one_of("direct", "post", "online"),
            "result_delivery": _one_of("counter", "post"),
            "due_explanation": _TEXT,
            "ledger": _LEDGER,
            "desk_no": _int(0, 99),
            "note": _TEXT,
            "ticket": _ticket,
            "fee": _fee,
        },
    ),
    EventType.SUPPLEMENT_REQUESTED: (
        {"reason": _REQUIRED_TEXT},
        {
            "items": _list(
                _obj(
                    {"name": _text(NAME_MAX, required=True)},
                    {"form": _SHORT, "count": _int(0, 999)},
                )
            ),
            "by": _NAME,
            "contact_officer": _SHORT,
            "contact_phone": _text(20),
        },
    ),
    EventType.RESUBMITTED: (
        {"due_at": moment_problem, "clock_start": moment_problem},
        {"due_explanation": _TEXT},
    ),
    EventType.REFUSED_AT_INTAKE: ({"reason": _REQUIRED_TEXT}, {}),
    EventType.REFUSED_AFTER_APPRAISAL: ({"reason": _REQUIRED_TEXT}, {"by": _NAME}),
    EventType.HANDED_OFF: (
        {"to_unit": _UNIT},
        {"from_unit": _NAME, "giver": _SHORT, "receiver": _SHORT},
    ),
    EventType.RESULT_RECEIVED: (
        {},
        {"from_unit": _NAME, "to_unit": _NAME, "giver": _SHORT, "receiver": _SHORT, "note": _TEXT},
    ),
    EventType.EXTENDED: (
        {"new_due_at": moment_problem},
        {"previous_due_at": _nullable(moment_problem), "reason": _TEXT},
    ),
    EventType.RETURNED: (
        {},
        {"to_name": _SHORT, "method": _one_of("counter", "post", "online"), "id_number": _text(20)},
    ),
    EventType.STOPPED: ({}, {"reason": _TEXT}),
    EventType.NOTE: ({"text": _REQUIRED_TEXT}, {}),
    EventType.VOIDED: ({}, {"reason": _TEXT}),
    EventType.PRINTED: ({}, {"form": _SHORT, "copy": _int(1, 1_000_000), "reprint": _bool}),
    EventType.RATED: ({"rating": _int(1, 3)}, {"reason": _TEXT}),
    EventType.FEE_RECORDED: (
        {},
        {"amount": lambda v: "", "method": lambda v: "", "receipt_ref": _text(100), "note": _TEXT},
    ),
    EventType.DIGITISED: (
        {"document": _int(0, MAX_LIST - 1), "state": _one_of(*DIGITISATION_STATES)},
        {
            "name": _NAME,
            "form": _SHORT,
            "copies": _int(0, 999),
            "pages": _int(0, 99_999),
            "files": _list(_FILE, limit=50),
            "reused_from": _text(40),
            "warnings": _list(_one_of(*DIGITISATION_WARNINGS), limit=10),
            "signed": _bool,
        },
    ),
}

UNSATISFIED = 3  # the rating that needs a reason

_TYPES = {str(t): t for t in EventType}


def problems(data: Mapping[str, Any]) -> list[str]:
    """What is wrong with an event in its wire form (Event.to_dict()); empty when nothing is.
    Never raises, whatever `data` holds."""
    if not isinstance(data, Mapping):
        return [f"an event must be an object, not {type(data).__name__}"]
    out: list[str] = []
    for key in _ENVELOPE_STR:
        if key in ("prev_hash",) and key not in data:
            continue
        v = data.get(key)
        if type(v) is not str:
            out.append(f"{key} must be text" if key in data else f"{key} is missing")
    if out:
        return out
    for key in ("id", "dossier_id", "node_id"):
        if not _UUID.match(data[key]):
            out.append(f"{key} must be a UUID")
    for key in ("hash", "prev_hash"):
        if key in data and not _HEX64.match(data[key]):
            out.append(f"{key} must be 64 hex digits")
    seq, hlc = data.get("seq"), data.get("hlc")
    if type(seq) is not int or not 1 <= seq <= MAX_SEQ:
        out.append(f"seq must be a whole number from 1 to {MAX_SEQ}")
    if type(hlc) is not int or hlc < 0:
        out.append("hlc must be a positive whole number")
    elif not MIN_WALL_MS <= hlc >> 16 < MAX_WALL_MS:
        out.append(f"hlc is not a time between {MIN_MOMENT.year} and {MAX_MOMENT.year - 1}")
    problem = _SHORT(data["officer"])
    if problem:
        out.append(f"officer {problem}")
    for key in ("occurred_at", "recorded_at"):
        problem = moment_problem(data[key])
        if problem:
            out.append(f"{key} {problem}")
    type_ = _TYPES.get(data["type"])
    if type_ is None:
        out.append(f"unknown event type {data['type'][:40]!r}")
        return out
    payload = data.get("payload", {})
    if not isinstance(payload, Mapping):
        out.append("payload must be an object")
        return out
    required, optional = SCHEMAS[type_]
    out.extend(_fields(payload, required, optional, "payload."))
    if (
        type_ == EventType.RATED
        and payload.get("rating") == UNSATISFIED
        and not (type(payload.get("reason")) is str and payload["reason"].strip())
    ):
        out.append("payload.reason is required when the rating is 3 (Không hài lòng)")
    if type_ == EventType.FEE_RECORDED:
        problem = fee_problem(payload, need_payment=False)
        if problem:
            out.append(f"payload {problem}")
    return out
