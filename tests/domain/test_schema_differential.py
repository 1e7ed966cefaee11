"""domain.schema.problems() (with its quick test) against a frozen copy of the exact reading it
had before (tests/domain/schema_reference.py): the same answer, problem for problem, for
well-formed events of every type and for mutated ones (control, format, surrogate,
private-use and separator characters, combining marks, Vietnamese text precomposed and
decomposed, lengths at the limits, wrong types, missing fields, moments at the edges)."""

from __future__ import annotations

import os
import unicodedata
from datetime import UTC, datetime, timedelta, timezone
from types import MappingProxyType
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from motcua_desk.domain import schema
from motcua_desk.domain.events import EventType
from motcua_desk.sync import protocol
from tests.domain import schema_reference as reference

# MOTCUA_SCHEMA_EXAMPLES=5000 for a long run (each test of events runs this many)
MANY = int(os.environ.get("MOTCUA_SCHEMA_EXAMPLES") or 200)
EXAMPLES = settings(
    max_examples=MANY,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)


def outcome(fn, data: Any) -> tuple[str, Any]:
    try:
        return "ok", fn(data)
    except Exception as err:  # noqa: BLE001 - an exception is an outcome to compare
        return "raised", type(err).__name__


def same(data: Any) -> None:
    assert outcome(schema.problems, data) == outcome(reference.problems, data)


# --- texts ------------------------------------------------------------------------------------
VIETNAMESE = [
    "Nguyễn Văn Đức",
    "Trần Thị Thu Hằng",
    "Thủ tục đăng ký khai tử",
    "Công chức Tư pháp - Hộ tịch",
    "Thôn Địa Cát, xã Vi Hương",
    "Bộ phận Một cửa",
    "Giấy chứng nhận quyền sử dụng đất",
    "ĐẶNG QUỐC HUỲNH",
    "Hồ sơ đã hủy",
    "Trong ngày",
]
DECOMPOSED = [unicodedata.normalize("NFD", t) for t in VIETNAMESE]
ODD_CHARACTERS = [
    "\x00",
    "\t",
    "\n",
    "\r",
    "\x1b",
    "\x7f",
    "\x85",
    "\x9f",  # controls (Cc)
    "\u00ad",
    "\u200b",
    "\u200c",
    "\u200d",
    "\u200e",
    "\u202e",
    "\u2066",
    "\ufeff",  # format (Cf)
    "\ud800",
    "\udfff",  # surrogates (Cs)
    "\ue000",
    "\uf8ff",
    "\U000f0000",  # private use (Co)
    "\u2028",
    "\u2029",  # line and paragraph separators
    "\u00a0",
    "\u3000",
    "\u2009",  # spaces other than U+0020 (allowed, but not printable to Python)
    "\u0378",
    "\U000e0080",  # unassigned (allowed)
    "\u0300",
    "\u0301",
    "\u0303",
    "\u0309",
    "\u0323",
    "\u0302",  # combining marks
    "\u1100",
    "\u1161",
    "\u11a8",  # Hangul jamo (compose with each other)
    "\u0f73",
    "\u0344",
    "\u2126",
    "\u212b",
    "\u0374",  # not allowed in NFC at all
    "đ",
    "Đ",
    "ệ",
    "ơ",
    "ư",
    "e",
    "A",
    " ",
    "-",
]
ALL_TEXT_CHARS = st.one_of(
    st.sampled_from(ODD_CHARACTERS),
    st.characters(codec=None),
    st.characters(categories=["Cc", "Cf", "Cs", "Co", "Zl", "Zp", "Mn", "Zs"]),
)


def pieces() -> st.SearchStrategy[str]:
    return st.one_of(
        st.sampled_from(VIETNAMESE),
        st.sampled_from(DECOMPOSED),
        st.text(ALL_TEXT_CHARS, max_size=6),
        st.sampled_from(["", " ", "  ", "\t", "x"]),
    )


def text_near(limit: int) -> st.SearchStrategy[str]:
    """Texts of every kind, and texts of about `limit` characters (limit - 1, limit, limit + 1),
    clean or with an odd character at either end."""

    def padded(args: tuple[int, str, str]) -> str:
        delta, char, where = args
        size = max(limit + delta, 0)
        body = ("Nguyễn Văn Đức " * (size // 15 + 1))[:size]
        if not char or not body:
            return body
        return char + body[1:] if where == "start" else body[:-1] + char

    return st.one_of(
        st.lists(pieces(), max_size=4).map("".join),
        st.tuples(
            st.sampled_from([-1, 0, 1]),
            st.sampled_from(["", *ODD_CHARACTERS]),
            st.sampled_from(["start", "end"]),
        ).map(padded),
    )


WRONG_TYPES = st.sampled_from(
    [None, 0, 1, -1, True, False, 1.5, float("nan"), float("inf"), "", "x", [], {}, ["x"], {"a": 1}]
)


# --- moments ----------------------------------------------------------------------------------
def moment_texts() -> st.SearchStrategy[str]:
    offsets = st.integers(-(24 * 60 - 1), 24 * 60 - 1).map(lambda m: timezone(timedelta(minutes=m)))
    edges = st.sampled_from(
        [
            datetime(2000, 1, 1, tzinfo=UTC),
            datetime(2099, 12, 31, 23, 59, 59, 999999, tzinfo=UTC),
            datetime(2100, 1, 1, tzinfo=UTC),
            datetime(1999, 12, 31, 23, 59, 59, tzinfo=UTC),
        ]
    )
    around = st.builds(
        lambda base, shift, tz: (base + timedelta(seconds=shift)).astimezone(tz),
        edges,
        st.integers(-2 * 86400, 2 * 86400),
        offsets,
    )
    local_edges = st.builds(  # a local time near an edge, with any offset
        lambda base, shift, tz: (base + timedelta(seconds=shift)).replace(tzinfo=tz),
        st.sampled_from([datetime(2000, 1, 1), datetime(2100, 1, 1)]),
        st.integers(-2 * 86400, 2 * 86400),
        offsets,
    )
    anywhere = st.builds(
        lambda d, tz: d.replace(tzinfo=tz),
        st.datetimes(datetime(1990, 1, 1), datetime(2110, 12, 31)),
        offsets,
    )
    written = st.builds(
        lambda d, how: how(d),
        st.one_of(around, local_edges, anywhere),
        st.sampled_from(
            [
                datetime.isoformat,
                lambda d: d.isoformat(timespec="microseconds"),
                lambda d: d.isoformat(timespec="minutes"),
                lambda d: d.isoformat(sep=" "),
                lambda d: d.replace(tzinfo=None).isoformat(),
                lambda d: d.isoformat().replace("+00:00", "Z"),
                lambda d: d.isoformat().replace("+00:00", "-00:00"),
                lambda d: d.isoformat() + "\n",
                lambda d: d.date().isoformat(),
                lambda d: d.isoformat().replace("-", "\u2010", 1),
                lambda d: d.isoformat()[:-6] + ".000000" + d.isoformat()[-6:],
            ]
        ),
    )
    fixed = st.sampled_from(
        [
            "2024-02-29T10:00:00+07:00",
            "2023-02-29T10:00:00+07:00",
            "2025-04-31T10:00:00+07:00",
            "2025-12-31T23:59:59+00:00",
            "2025-06-30T24:00:00+07:00",
            "2025-06-30T10:00:00+24:00",
            "2025-06-30T10:00:60+07:00",
            "2000-01-01T00:00:00+00:00",
            "2000-01-01T06:59:59+07:00",
            "2000-01-01T07:00:00+07:00",
            "2099-12-31T23:59:59-00:01",
            "2099-12-31T16:59:59-07:00",
            "0001-01-01T00:00+14:00",
            "9999-12-31T23:59:59-14:00",
            "2025-06-30T10:00:00.123+07:00",
            "2025-06-30T10:00:00+07:00:30",
            "2025-06-30T10:00:00+0700",
            "20250630T100000+0700",
            "2025-06-30T10:00:00.1234567+07:00",
            "٢٠٢٥-06-30T10:00:00+07:00",
            "",
            "x" * 41,
        ]
    )
    return st.one_of(written, fixed)


MOMENTS = st.one_of(moment_texts(), WRONG_TYPES)


# --- values from the schema's own shapes ------------------------------------------------------
def values_for(check: Any, depth: int = 0) -> st.SearchStrategy[Any]:
    """Values for a field checked by `check`: mostly well-formed, often at an edge, sometimes
    of another type."""
    spec = getattr(check, "spec", None)
    kind = spec[0] if spec else None
    if check is schema.moment_problem:
        good = moment_texts()
    elif check is schema._bool:
        good = st.booleans()
    elif kind == "text":
        good = text_near(spec[1])
    elif kind in ("int", "number"):
        low, high = spec[1], spec[2]
        good = st.one_of(
            st.sampled_from([low, high, low - 1, high + 1, (low + high) // 2]),
            st.integers(low, high),
            st.floats(low - 1, high + 1) if kind == "number" else st.just(float(low)),
        )
    elif kind == "one_of":
        good = st.sampled_from(sorted(spec[1]) + ["", "Counter", "counter "])
    elif kind == "match":
        good = st.one_of(st.sampled_from(MATCHING), st.text(max_size=8))
    elif kind == "nullable":
        good = st.one_of(st.none(), values_for(spec[1], depth))
    elif kind == "obj":
        good = objects(spec[1], spec[2], depth + 1)
    elif kind == "list":
        item, limit = spec[1], spec[2]
        good = st.one_of(
            st.lists(values_for(item, depth + 1), max_size=3),
            values_for(item, depth + 1).map(lambda x, n=limit: [x] * n),
            values_for(item, depth + 1).map(lambda x, n=limit: [x] * (n + 1)),
        )
    elif check is schema._ticket:
        good = st.sampled_from(["A023", "B-105", "Q1.034", "a023", "A" * 12, "A" * 13, "", "A--1"])
    elif check is schema._fee:
        good = FEES
    elif check is schema._anything:
        good = st.one_of(st.integers(-1, 10**9 + 1), st.sampled_from(["cash", "exempt", "x"]))
    else:  # pragma: no cover - a new shape: write its values here
        raise AssertionError(f"no values for {check!r}")
    return st.one_of(good, good, good, WRONG_TYPES) if depth < 3 else good


MATCHING = [
    "000.17.22.H56-251208-0001",
    "000.17.22.H56-251208-000001",
    "000.17.22.H56-251208-0001\n",
    "h56-251208-0001",
    "1990-05-17",
    "2030-13-01",
    "1990-05-17\n",
    "a" * 64,
    "A" * 64,
    "0" * 63,
    "0" * 64 + "\n",
]
FEES = st.fixed_dictionaries(
    {},
    optional={
        "amount": st.sampled_from([0, 1, 20_000, 10**9, 10**9 + 1, -1, True, "20000", None]),
        "method": st.sampled_from(["cash", "transfer", "card", "exempt", "", "Tiền mặt", None]),
        "receipt_ref": st.sampled_from(["", "AA/26E 0001", "#1", "x" * 60, "x" * 61, " a", 5]),
    },
)


def objects(required, optional, depth: int = 0) -> st.SearchStrategy[dict]:
    base = st.fixed_dictionaries(
        {k: values_for(c, depth) for k, c in required.items()},
        optional={k: values_for(c, depth) for k, c in optional.items()},
    )
    keys = st.sampled_from([*required, *optional, "extra"])
    return st.builds(mutate, base, st.integers(0, 7), keys)


def mutate(obj: dict, how: int, key: str) -> dict:
    """Now and then a key dropped or an unknown one added."""
    obj = dict(obj)
    if how == 0:
        obj.pop(key, None)
    elif how == 1:
        obj["zz_newer_desk"] = "Nguyễn"
    return obj


# --- events -----------------------------------------------------------------------------------
ENVELOPE = {
    "id": "00000001-0001-7000-8000-5796482c590e",
    "dossier_id": "00000001-0000-7000-8000-da678a119b9e",
    "node_id": "01a23b2c-5b5e-7bde-ba25-c25f755331e7",
    "seq": 1,
    "hlc": 115683105177600000,
    "occurred_at": "2025-12-08T08:55:00+00:00",
    "recorded_at": "2025-12-08T08:55:00+00:00",
    "officer": "Nông Thị Thư",
    "prev_hash": "0" * 64,
    "hash": "cd8bc4316257d311abb629e90327933f4d897805bd0b982db29c07d0e50473d0",
}
IDS = st.sampled_from(
    [
        ENVELOPE["id"],
        ENVELOPE["id"].upper(),
        ENVELOPE["id"] + "\n",
        ENVELOPE["id"][:-1],
        ENVELOPE["id"] + "0",
        ENVELOPE["id"].replace("-", " "),
        "",
    ]
)
HASHES = st.sampled_from(
    [ENVELOPE["hash"], ENVELOPE["hash"].upper(), ENVELOPE["hash"] + "\n", "0" * 63, "g" * 64, ""]
)
HLC_EDGES = [
    schema.MIN_WALL_MS << 16,
    (schema.MIN_WALL_MS << 16) - 1,
    (schema.MAX_WALL_MS << 16) - 1,
    schema.MAX_WALL_MS << 16,
    0,
    -1,
    2**63,
]
ENVELOPE_VALUES = {
    "id": IDS,
    "dossier_id": IDS,
    "node_id": IDS,
    "prev_hash": HASHES,
    "hash": HASHES,
    "seq": st.sampled_from([1, 2, schema.MAX_SEQ, schema.MAX_SEQ + 1, 0, -1, True, 1.0, "1"]),
    "hlc": st.one_of(
        st.sampled_from(HLC_EDGES),
        st.integers((schema.MIN_WALL_MS - 10) << 16, (schema.MAX_WALL_MS + 10) << 16),
    ),
    "occurred_at": moment_texts(),
    "recorded_at": moment_texts(),
    "officer": text_near(schema.SHORT_MAX),
    "type": st.sampled_from(["", "Received", "received ", "nope"]),
}


# --- well-formed values, then a few mutations -------------------------------------------------
def _clean(text: str, limit: int, required: bool) -> str:
    """`text` made fine for a text field: without the refused categories, NFC, cut to size."""
    text = "".join(ch for ch in text if unicodedata.category(ch) not in reference._BAD_CATEGORIES)
    text = unicodedata.normalize("NFC", text)[:limit]
    if reference._text(limit, required=required)(text):
        return "Nguyễn"
    return text


def good_values(check: Any) -> st.SearchStrategy[Any]:
    """Values that the field's checker passes (now and then not: then the answer is still
    compared, it is only less interesting)."""
    spec = getattr(check, "spec", None)
    kind = spec[0] if spec else None
    if check is schema.moment_problem:
        return moment_texts().filter(lambda t: reference.moment_problem(t) == "")
    if check is schema._bool:
        return st.booleans()
    if kind == "text":
        _, limit, required = spec
        return text_near(limit).map(lambda t: _clean(t, limit, required))
    if kind == "int":
        return st.one_of(st.sampled_from([spec[1], spec[2]]), st.integers(spec[1], spec[2]))
    if kind == "number":
        return st.one_of(st.integers(spec[1], spec[2]), st.floats(spec[1], spec[2]))
    if kind == "one_of":
        return st.sampled_from(sorted(spec[1]))
    if kind == "match":
        return st.from_regex(spec[1].__self__)
    if kind == "nullable":
        return st.one_of(st.none(), good_values(spec[1]))
    if kind == "obj":
        return good_objects(spec[1], spec[2])
    if kind == "list":
        item, limit = spec[1], spec[2]
        return st.one_of(
            st.lists(good_values(item), max_size=3),
            good_values(item).map(lambda x, n=limit: [x] * n),
        )
    if check is schema._ticket:
        return st.sampled_from(["A023", "B-105", "Q1.034", "12", "A" * 12])
    if check is schema._fee:
        return GOOD_FEES
    if check is schema._anything:
        return WRONG_TYPES
    raise AssertionError(f"no values for {check!r}")  # pragma: no cover - a new shape


GOOD_FEES = st.one_of(
    st.fixed_dictionaries(
        {"amount": st.integers(1, 10**9), "method": st.sampled_from(["cash", "transfer", "card"])},
        optional={"receipt_ref": st.sampled_from(["AA/26E 0001", "x" * 60, "1"])},
    ),
    st.just({"amount": 0, "method": "exempt"}),
)


def good_objects(required, optional) -> st.SearchStrategy[dict]:
    return st.fixed_dictionaries(
        {k: good_values(c) for k, c in required.items()},
        optional={k: good_values(c) for k, c in optional.items()},
    )


def mutated(draw, check: Any, value: Any) -> Any:
    """`value` (a value for `check`) with one thing changed somewhere inside it."""
    spec = getattr(check, "spec", None)
    kind = spec[0] if spec else None
    if kind == "obj" and type(value) is dict and draw(st.integers(0, 3)):
        return mutated_fields(draw, spec[1], spec[2], value)
    if kind == "list" and type(value) is list and value and draw(st.booleans()):
        i = draw(st.integers(0, len(value) - 1))
        return [*value[:i], mutated(draw, spec[1], value[i]), *value[i + 1 :]]
    if kind == "nullable" and value is not None and draw(st.booleans()):
        return mutated(draw, spec[1], value)
    return draw(values_for(check, 3))


def mutated_fields(draw, required, optional, obj: dict) -> dict:
    obj = dict(obj)
    checks = {**required, **optional}
    key = draw(st.sampled_from(sorted(checks)))
    how = draw(st.integers(0, 5))
    if how == 0:
        obj.pop(key, None)
    elif how == 1:
        obj["zz_newer_desk"] = draw(st.one_of(WRONG_TYPES, pieces()))
    else:
        obj[key] = mutated(draw, checks[key], obj.get(key))
    return obj


@st.composite
def events(draw, type_: EventType | None = None) -> dict:
    """A well-formed event of `type_` (of any type by default) with up to three things changed:
    an envelope field or a payload field (however deep) mistyped, at an edge, dropped, or a key
    added."""
    type_ = type_ if type_ is not None else draw(st.sampled_from(list(EventType)))
    required, optional = schema.SCHEMAS[type_]
    payload = draw(good_objects(required, optional))
    if type_ == EventType.RATED and payload["rating"] == 3 and draw(st.integers(0, 3)):
        payload["reason"] = "Chờ lâu"
    if type_ == EventType.FEE_RECORDED and draw(st.integers(0, 3)):
        payload.update(draw(st.one_of(GOOD_FEES, FEES)))
    event = {**ENVELOPE, "type": str(type_), "payload": payload}
    for _ in range(draw(st.sampled_from([0, 0, 1, 1, 1, 2, 3]))):
        where = draw(st.sampled_from(["payload", "payload", "payload", "envelope"]))
        if where == "payload" and type(event.get("payload")) is dict:
            event["payload"] = mutated_fields(draw, required, optional, event["payload"])
            continue
        key = draw(st.sampled_from([*ENVELOPE_VALUES, "payload"]))
        how = draw(st.integers(0, 5))
        if how == 0:
            event.pop(key, None)
        elif how == 1 or key == "payload":
            event[key] = draw(WRONG_TYPES)
        else:
            event[key] = draw(ENVELOPE_VALUES[key])
    if draw(st.booleans()) and "occurred_at" in event:
        event["recorded_at"] = event["occurred_at"]
    return event


@pytest.mark.parametrize("type_", list(EventType), ids=str)
@EXAMPLES
@given(data=st.data())
def test_the_same_problems_for_events_of_every_type(type_, data):
    same(data.draw(events(type_)))


@EXAMPLES
@given(event=events(), wrap=st.sampled_from(["dict", "proxy", "subclass"]))
def test_the_same_problems_for_any_mapping(event, wrap):
    class Sub(dict):
        pass

    same(event if wrap == "dict" else MappingProxyType(event) if wrap == "proxy" else Sub(event))


@EXAMPLES
@given(value=st.one_of(WRONG_TYPES, st.lists(st.integers(), max_size=2)))
def test_the_same_problems_for_what_is_not_an_event(value):
    same(value)


@settings(max_examples=2 * MANY, deadline=None)
@given(text=st.one_of(moment_texts(), st.text(max_size=45)))
def test_the_same_answer_for_every_moment(text):
    assert schema.moment_problem(text) == reference.moment_problem(text)


@settings(max_examples=2 * MANY, deadline=None)
@given(text=st.one_of(st.from_regex(schema._SURE_MOMENT.__self__, fullmatch=True), moment_texts()))
def test_a_sure_moment_is_a_moment(text):
    assert not schema._SURE_MOMENT(text) or reference.moment_problem(text) == ""


@settings(max_examples=2 * MANY, deadline=None)
@given(texts=st.lists(st.one_of(pieces(), text_near(schema.SHORT_MAX)), min_size=1, max_size=5))
def test_texts_joined_by_a_space_are_fine_exactly_when_each_is(texts):
    """The quick test checks an event's texts joined by a space: printable and NFC together
    exactly when each text is."""

    def fine(text: str) -> bool:
        return text.isprintable() and unicodedata.is_normalized("NFC", text)

    assert fine(" ".join(texts)) == all(fine(t) for t in texts)


WELL_FORMED = [
    {
        **ENVELOPE,
        "type": "received",
        "payload": {
            "code": "000.17.22.H56-251208-0001",
            "procedure": {"code": "1.000656", "name": "Thủ tục đăng ký khai tử", "version": 1},
            "applicant": {"name": "Nguyễn Công Hằng", "phone": "0934948739", "sex": "female"},
            "documents": [{"name": "Tờ khai theo mẫu", "count": 1, "checked": True}],
            "due_at": "2025-12-09T15:55:00+07:00",
            "clock_start": "2025-12-08T15:55:00+07:00",
            "ledger": {"year": 2025, "book": "01/2025", "number": 1},
            "ticket": "A023",
            "fee": {"amount": 20000, "method": "cash"},
        },
    },
    {**ENVELOPE, "type": "handed_off", "payload": {"to_unit": "Công chức Tư pháp - Hộ tịch"}},
    {**ENVELOPE, "type": "rated", "payload": {"rating": 3, "reason": "Chờ lâu"}},
    {**ENVELOPE, "type": "fee_recorded", "payload": {"receipt_ref": "AA/26E 0001"}},
    {**ENVELOPE, "type": "note", "payload": {"text": "Công dân hẹn chiều mai"}},
]


@pytest.mark.parametrize("event", WELL_FORMED, ids=lambda e: e["type"])
def test_a_well_formed_event_takes_the_quick_way(event):
    assert reference.problems(event) == []
    assert schema._surely_fine(event)
    assert schema.problems(event) == []


# --- the wire's moments written as isoformat() writes them (sync.protocol) -------------------
def normal_moment_before(text: str) -> bool:
    """sync.protocol._normal_moment as it was at 2f5713c (before its quick test)."""
    try:
        moment = datetime.fromisoformat(text)
    except ValueError:
        return False
    return moment.tzinfo is not None and moment.isoformat() == text


@settings(max_examples=2 * MANY, deadline=None)
@given(text=st.one_of(moment_texts(), st.text(max_size=40)))
def test_the_same_normal_moments_on_the_wire(text):
    assert protocol._normal_moment(text) == normal_moment_before(text)


@settings(max_examples=2 * MANY, deadline=None)
@given(
    text=st.one_of(st.from_regex(protocol._SURELY_NORMAL.__self__, fullmatch=True), moment_texts())
)
def test_a_surely_normal_moment_is_one(text):
    assert not protocol._SURELY_NORMAL(text) or normal_moment_before(text)
