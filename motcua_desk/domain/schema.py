"""One schema per event type: what an event must hold before any replica stores or folds it.

Used at every border: by the desk before it appends its own event (UnitOfWork.append), by the
hub before it stores a pushed one, and by a desk before it applies a pulled one. `problems()`
lists what is wrong (empty: the event is well-formed); `check()` raises InvalidEvent.

What it checks:

- the envelope: ids are UUIDs, seq and hlc are integers in range, the type is known, hashes
  are 64 hex digits, the officer is a bounded clean string, occurred_at/recorded_at are aware
  ISO moments inside MIN_MOMENT..MAX_MOMENT (no OverflowError when turned to UTC: e.g.
  0001-01-01T00:00+14:00 is refused), the hybrid clock's wall part inside the same window;
- the payload of each type: required keys and their types, optional keys' types, moments as
  above, enumerations, string lengths bounded, no control or invisible (zero-width, bidi)
  characters in any text, lists bounded. Unknown extra keys are allowed (a newer desk may add
  some) as long as the event stays within its size limit.

The bounds are deliberately wider than what a desk issues today (the clock window a desk
accepts for its own new events is in services; a hub accepts a past clock back to 2000 so that
an event made with a dead CMOS battery does not block the events behind it forever).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Mapping
from datetime import UTC, datetime
from typing import Any

from motcua_desk.domain.errors import DomainError
from motcua_desk.domain.events import EventType
from motcua_desk.domain.fees import TICKET_MAX, TICKET_RE, fee_problem

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


class InvalidEvent(DomainError):
    """An event that does not fit its type's schema: never stored, never folded."""

    code = "invalid_event"

    def __init__(self, problems: list[str], event_id: str = "") -> None:
        shown = "; ".join(problems[:5]) + (
            f" (and {len(problems) - 5} more)" if len(problems) > 5 else ""
        )
        super().__init__(
            f"the event is not valid: {shown}", problems=list(problems), event_id=event_id
        )
        self.problems = list(problems)


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

    check.spec = ("text", limit, required)
    return check


def _int(low: int, high: int) -> Checker:
    def check(v: Any) -> str:
        if type(v) is not int:
            return f"must be a whole number, not {type(v).__name__}"
        if not low <= v <= high:
            return f"must be from {low} to {high}"
        return ""

    check.spec = ("int", low, high)
    return check


def _number(low: float, high: float) -> Checker:
    def check(v: Any) -> str:
        if type(v) not in (int, float) or v != v:  # bool is not a number here; NaN is not
            return f"must be a number, not {type(v).__name__}"
        if not low <= v <= high:
            return f"must be from {low} to {high}"
        return ""

    check.spec = ("number", low, high)
    return check


def _bool(v: Any) -> str:
    return "" if type(v) is bool else f"must be true or false, not {type(v).__name__}"


def _one_of(*values: str) -> Checker:
    def check(v: Any) -> str:
        return "" if type(v) is str and v in values else f"must be one of {', '.join(values)}"

    check.spec = ("one_of", frozenset(values))
    return check


def _matching(pattern: re.Pattern[str], message: str) -> Checker:
    def check(v: Any) -> str:
        return "" if type(v) is str and pattern.match(v) else message

    check.spec = ("match", pattern.match)
    return check


def _anything(v: Any) -> str:
    return ""


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

    check.spec = ("nullable", inner)
    return check


def _obj(required: Mapping[str, Checker], optional: Mapping[str, Checker] | None = None) -> Checker:
    optional = optional or {}

    def check(v: Any) -> str:
        if not isinstance(v, Mapping):
            return f"must be an object, not {type(v).__name__}"
        found = _fields(v, required, optional)
        return "; ".join(found)

    check.spec = ("obj", required, optional)
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

    check.spec = ("list", item, limit)
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
        "birth_date": _matching(_ISO_DATE, "must be a date written YYYY-MM-DD"),
        "sex": _one_of("male", "female"),
    },
)
# A received paper's digitisation (TT 01/2023/TT-VPCP Art. 8): copied page by page, only shown
# (no copy kept), reused from the citizen's earlier dossier, or classified (exempt).
DIGITISATION_STATES = ("scanned", "shown", "reused", "classified")
DIGITISATION_WARNINGS = ("page_count", "low_dpi", "stamped_bw")
_FILE = _obj(  # a file of the desk's store, by its SHA-256 (store.blobs)
    {"sha256": _matching(_HEX64, "must be 64 hex digits")},
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
            "code": _matching(_CODE, "must be a dossier code (AGENCY-YYMMDD-NNNN)"),
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
        {"amount": _anything, "method": _anything, "receipt_ref": _text(100), "note": _TEXT},
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
    if type(data) is dict:
        try:
            if _surely_fine(data):
                return []
        except Exception:  # noqa: BLE001 - the quick test is not sure: the exact reading decides
            pass
    return _exact_problems(data)


def _exact_problems(data: Mapping[str, Any]) -> list[str]:
    """problems(), read field by field: every problem worded."""
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


# --- the quick test ---------------------------------------------------------------------------
# Nearly every event at a border is well-formed, and problems() of a well-formed event is [].
# So an event is first read by a quick test that answers only "well-formed for sure" (problems()
# is [] then, without more) or "not sure" (False, or an exception: the exact reading above
# decides, and words the problems). It may send a fine event the long way, never pass one the
# exact reading refuses. Its per-type part is made once from SCHEMAS as Python source without a
# call per field (those calls were most of the exact reading's cost); the texts of an event are
# checked together. tests/domain/test_schema_differential.py holds it to a frozen copy of the
# exact reading.

# A moment as datetime.isoformat() writes an aware one, in the years 2001–2098 (so inside
# MIN_MOMENT..MAX_MOMENT whatever its offset), on a day that every year has (29 February is
# not one): moment_problem() passes such a text; any other is left to moment_problem().
_SURE_MOMENT = re.compile(
    r"20(?:0[1-9]|[1-8]\d|9[0-8])-"
    r"(?:(?:0[1-9]|1[0-2])-(?:0[1-9]|1\d|2[0-8])|(?:0[13-9]|1[0-2])-(?:29|30)|(?:0[13578]|1[02])-31)"
    r"T(?:[01]\d|2[0-3]):[0-5]\d:[0-5]\d(?:\.\d{6})?[+-](?:[01]\d|2[0-3]):[0-5]\d",
    re.ASCII,  # \d: 0-9 only
).fullmatch
_UUID_TEXT = r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}"
# id, dossier_id, node_id, hash and prev_hash joined by spaces (none of them holds one)
_SURE_IDS = re.compile(
    f"{_UUID_TEXT} {_UUID_TEXT} {_UUID_TEXT} [0-9a-f]{{64}} [0-9a-f]{{64}}"
).fullmatch
_MIN_HLC = MIN_WALL_MS << 16  # MIN_WALL_MS <= hlc >> 16 < MAX_WALL_MS, as hlc's own bounds
_END_HLC = MAX_WALL_MS << 16
_ABSENT = object()


def _surely_fine(data: dict[str, Any]) -> bool:
    """True only when problems(data) is [] (False: not sure)."""
    id_, dossier_id, node_id = data["id"], data["dossier_id"], data["node_id"]
    hash_, prev_hash, type_ = data["hash"], data["prev_hash"], data["type"]
    occurred_at, recorded_at, officer = data["occurred_at"], data["recorded_at"], data["officer"]
    seq, hlc, payload = data["seq"], data["hlc"], data["payload"]
    if not (
        type(id_) is type(dossier_id) is type(node_id) is type(hash_) is type(prev_hash) is str
        and type(type_) is type(occurred_at) is type(recorded_at) is type(officer) is str
        and type(seq) is int
        and 0 < seq <= MAX_SEQ
        and type(hlc) is int
        and _MIN_HLC <= hlc < _END_HLC
        and type(payload) is dict
        and len(officer) <= SHORT_MAX
        and _SURE_IDS(f"{id_} {dossier_id} {node_id} {hash_} {prev_hash}")
        and (_SURE_MOMENT(occurred_at) or not moment_problem(occurred_at))
        and (
            recorded_at == occurred_at
            or _SURE_MOMENT(recorded_at)
            or not moment_problem(recorded_at)
        )
    ):
        return False
    quick = _QUICK.get(type_)
    texts = [officer]
    if quick is None or not quick(payload, texts):
        return False
    # Every text checked at once: a space joins them, which is printable, and with which no
    # character composes or reorders (a stable code point of NFC), so the joined text is
    # printable and NFC exactly when each text is.
    joined = " ".join(texts)
    return joined.isprintable() and unicodedata.is_normalized("NFC", joined)


def _rating_reason_given(payload: dict[str, Any]) -> bool:
    return not (
        payload.get("rating") == UNSATISFIED
        and not (type(payload.get("reason")) is str and payload["reason"].strip())
    )


def _fee_recorded_fine(payload: dict[str, Any]) -> bool:
    return not fee_problem(payload, need_payment=False)


_EXTRA: dict[EventType, Callable[[dict[str, Any]], bool]] = {
    EventType.RATED: _rating_reason_given,
    EventType.FEE_RECORDED: _fee_recorded_fine,
}


def _quick_source(
    name: str, required: Mapping[str, Checker], optional: Mapping[str, Checker], consts: dict
) -> str:
    """The source of `name(payload, texts) -> bool`: True when every field of the payload
    passes its checker, with the texts that must still be printable and NFC added to
    `texts`. A checker without a known shape is called (its "" is the answer)."""
    lines = [f"def {name}(p, texts):"]
    names = iter(f"v{i}" for i in range(10_000))

    def const(value: Any) -> str:
        key = f"_c{len(consts)}"
        consts[key] = value
        return key

    def fields(obj: str, req: Mapping[str, Checker], opt: Mapping[str, Checker], ind: str) -> None:
        for key, check in req.items():
            v = next(names)
            lines.append(f"{ind}{v} = {obj}[{key!r}]")  # KeyError: not sure
            value(check, v, ind)
        for key, check in opt.items():
            if check is _anything:
                continue
            v = next(names)
            lines.append(f"{ind}{v} = {obj}.get({key!r}, _ABSENT)")
            lines.append(f"{ind}if {v} is not _ABSENT:")
            value(check, v, ind + "    ")

    def value(check: Checker, v: str, ind: str) -> None:
        spec = getattr(check, "spec", None)
        fail = f"{ind}    return False"
        if check is _anything:
            lines.append(f"{ind}pass")
        elif check is _bool:
            lines.extend([f"{ind}if type({v}) is not bool:", fail])
        elif check is moment_problem:
            sure = f"type({v}) is str and _SURE_MOMENT({v})"
            lines.extend([f"{ind}if not ({sure}) and moment_problem({v}):", fail])
        elif spec is None:
            lines.extend([f"{ind}if {const(check)}({v}):", fail])
        elif spec[0] == "text":
            _, limit, required = spec
            empty = f" or not {v}.strip()" if required else ""
            lines.extend([f"{ind}if type({v}) is not str or len({v}) > {limit}{empty}:", fail])
            lines.append(f"{ind}texts.append({v})")
        elif spec[0] == "int":
            _, low, high = spec
            lines.extend([f"{ind}if type({v}) is not int or not {low!r} <= {v} <= {high!r}:", fail])
        elif spec[0] == "number":
            _, low, high = spec
            lines.extend(
                [
                    f"{ind}if (type({v}) is not int and type({v}) is not float) or {v} != {v}"
                    f" or not {low!r} <= {v} <= {high!r}:",
                    fail,
                ]
            )
        elif spec[0] == "one_of":
            lines.extend([f"{ind}if type({v}) is not str or {v} not in {const(spec[1])}:", fail])
        elif spec[0] == "match":
            lines.extend([f"{ind}if type({v}) is not str or not {const(spec[1])}({v}):", fail])
        elif spec[0] == "nullable":
            lines.append(f"{ind}if {v} is not None:")
            value(spec[1], v, ind + "    ")
        elif spec[0] == "obj":
            lines.extend([f"{ind}if type({v}) is not dict:", fail])
            fields(v, spec[1], spec[2], ind)
        elif spec[0] == "list":
            _, item, limit = spec
            lines.extend([f"{ind}if type({v}) is not list or len({v}) > {limit}:", fail])
            x = next(names)
            lines.append(f"{ind}for {x} in {v}:")
            value(item, x, ind + "    ")
        else:  # pragma: no cover - a shape made above but not known here
            lines.extend([f"{ind}if {const(check)}({v}):", fail])

    fields("p", required, optional, "    ")
    lines.append("    return True")
    return "\n".join(lines) + "\n"


def _make_quick() -> tuple[dict[str, Callable[[dict[str, Any], list[str]], bool]], str]:
    consts: dict[str, Any] = {}
    parts = []
    for type_, (required, optional) in SCHEMAS.items():
        parts.append(_quick_source(f"_quick_{type_}", required, optional, consts))
    source = "\n".join(parts)
    namespace: dict[str, Any] = {
        "_ABSENT": _ABSENT,
        "_SURE_MOMENT": _SURE_MOMENT,
        "moment_problem": moment_problem,
        **consts,
    }
    exec(compile(source, "<domain.schema quick test>", "exec"), namespace)
    quick = {}
    for type_ in SCHEMAS:
        fields_fine = namespace[f"_quick_{type_}"]
        extra = _EXTRA.get(type_)
        if extra is not None:
            fields_fine = _with_extra(fields_fine, extra)
        quick[str(type_)] = fields_fine
    return quick, source


def _with_extra(
    fields_fine: Callable[[dict[str, Any], list[str]], bool],
    extra: Callable[[dict[str, Any]], bool],
) -> Callable[[dict[str, Any], list[str]], bool]:
    def quick(payload: dict[str, Any], texts: list[str]) -> bool:
        return fields_fine(payload, texts) and extra(payload)

    return quick


_QUICK, _QUICK_SOURCE = _make_quick()


def event_problems(event: Any) -> list[str]:
    """problems() of an Event object."""
    try:
        data = event.to_dict()
    except (OverflowError, ValueError, TypeError, AttributeError) as err:
        return [f"the event cannot be written out ({type(err).__name__})"]
    return problems(data)


def check(data: Mapping[str, Any]) -> None:
    """Raise InvalidEvent when the wire form of an event does not fit its schema."""
    found = problems(data)
    if found:
        raise InvalidEvent(found, str(data.get("id", ""))[:36] if isinstance(data, Mapping) else "")


def check_event(event: Any) -> None:
    found = event_problems(event)
    if found:
        raise InvalidEvent(found, str(getattr(event, "id", ""))[:36])


# --- the clock a desk may record its own new events with ------------------------------------
DESK_CLOCK_MIN = datetime(2020, 1, 1, tzinfo=UTC)
DESK_CLOCK_MAX = datetime(2100, 1, 1, tzinfo=UTC)
CLOCK_BACK_TOLERANCE_MS = 60_000  # a clock stepped back by NTP by less than this is let be


class WrongClock(DomainError):
    """This computer's clock cannot be right: nothing is recorded until it is set."""

    code = "clock_wrong"


def check_desk_clock(now: datetime, last_own: datetime | None) -> None:
    """Raise WrongClock when `now` is outside DESK_CLOCK_MIN..DESK_CLOCK_MAX or more than the
    tolerance before this desk's own last event (`last_own`, its recorded_at)."""
    if not DESK_CLOCK_MIN <= now < DESK_CLOCK_MAX:
        raise WrongClock(
            f"this computer's clock says {now:%Y-%m-%d %H:%M} UTC, which cannot be right "
            f"(it must be between {DESK_CLOCK_MIN.year} and {DESK_CLOCK_MAX.year - 1}): set the "
            "date and time of the computer right, then try again; nothing was recorded",
            now=now.isoformat(),
            kind="outside",
        )
    if last_own is not None and (last_own - now).total_seconds() * 1000 > CLOCK_BACK_TOLERANCE_MS:
        raise WrongClock(
            f"this computer's clock says {now:%Y-%m-%d %H:%M} UTC, before this desk's last "
            f"recorded event ({last_own:%Y-%m-%d %H:%M} UTC): set the date and time of the "
            "computer right, then try again; nothing was recorded",
            now=now.isoformat(),
            last=last_own.isoformat(),
            kind="before_last",
        )
