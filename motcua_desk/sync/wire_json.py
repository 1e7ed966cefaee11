"""The wire's request-level side, shared by both ends (sync.protocol re-exports it): the refusal
of a request as a whole (ERRORS, ProtocolError), the one canonical JSON text, and the reading of
a request body's JSON within the hub's limits."""

from __future__ import annotations

import json
from typing import Any

import orjson

MAX_JSON_DEPTH = 32  # nesting of arrays and objects in a request body (events need about 6)
MAX_JSON_INT = 2**63  # integers in a request body: what a database column holds

# --- request-level refusals (HTTP status, code) ---------------------------------------------
ERRORS = {
    "bad_json": 400,  # body is not JSON
    "bad_request": 400,  # JSON of the wrong shape, bad query parameters
    "unsupported_protocol": 400,
    "unauthorized": 401,  # no token, or a token the hub does not know
    "desk_disabled": 403,
    "foreign_node": 403,  # events of a node other than the desk's own
    "node_mismatch": 409,  # this token is bound to another desk installation
    "desk_no_mismatch": 409,  # the desk's number is not the one registered for this token
    "too_large": 413,  # body over MAX_BODY_BYTES, or more than MAX_PUSH_EVENTS events
    "unsupported_media_type": 415,
    "bad_event": 422,  # an event that is not a well-formed event at all
    "store_unavailable": 503,
    # files (sync/hub_blobs.py)
    "not_found": 404,  # the hub does not hold this file (yet)
    "offset_mismatch": 409,  # a chunk at another offset than what the hub holds: ask again
    "corrupt": 422,  # a file whose content does not match its name: send it again
    "hub_full": 507,  # the hub's disk has no room for the file
}


class ProtocolError(Exception):
    """A request refused as a whole: `code` is a key of ERRORS."""

    def __init__(self, code: str, detail: str) -> None:
        super().__init__(detail)
        self.code = code
        self.detail = detail

    @property
    def status(self) -> int:
        return ERRORS[self.code]

    def body(self) -> dict[str, str]:
        return {"error": self.code, "detail": self.detail}


def canonical_json(obj: Any) -> str:
    """The one JSON text of an object (sorted keys, no spaces, UTF-8 kept): what the hub stores
    and what an event's hash is computed over."""
    return json.dumps(obj, sort_keys=True, ensure_ascii=False, separators=(",", ":"))


def parse_json(body: bytes) -> Any:
    """A request body's JSON, within the hub's limits: at most MAX_JSON_DEPTH levels of
    nesting, integers that fit 64 bits, finite numbers only (no NaN / Infinity). Anything else
    is ProtocolError("bad_json"), never a RecursionError or Python's int-string ValueError.

    orjson reads it first (several times faster than json with its per-integer hooks); what it
    gives is taken only when one walk finds it within the limits and without a float (floats
    keep json's own checks of their written form). Anything else, including every body orjson
    refuses, is read again by json below, which decides as it always has."""
    try:
        fast = _orjson_loads(body)
    except orjson.JSONDecodeError:
        pass
    else:
        if _plain_within(fast, MAX_JSON_DEPTH):
            return fast
    try:
        value = json.loads(
            body, parse_int=_bounded_int, parse_float=_finite_float, parse_constant=_no_constant
        )
    except RecursionError as err:
        raise ProtocolError(
            "bad_json", f"the body's JSON is nested deeper than {MAX_JSON_DEPTH} levels"
        ) from err
    except _JsonLimit as err:
        raise ProtocolError("bad_json", str(err)) from err
    except (UnicodeError, json.JSONDecodeError) as err:
        raise ProtocolError("bad_json", f"the body is not valid JSON ({err})") from err
    if not _depth_within(value, MAX_JSON_DEPTH):
        raise ProtocolError(
            "bad_json", f"the body's JSON is nested deeper than {MAX_JSON_DEPTH} levels"
        )
    return value


class _JsonLimit(ValueError):
    pass


def _bounded_int(text: str) -> int:
    if len(text) > 20:  # 19 digits and a sign: the longest 64-bit integer
        raise _JsonLimit(f"an integer of {len(text)} digits is over the hub's limit")
    value = int(text)
    if not -MAX_JSON_INT <= value < MAX_JSON_INT:
        raise _JsonLimit(f"the integer {text} does not fit 64 bits")
    return value


def _finite_float(text: str) -> float:
    if len(text) > 64:
        raise _JsonLimit("a number of more than 64 characters is over the hub's limit")
    value = float(text)
    if value in (float("inf"), float("-inf")):
        raise _JsonLimit(f"the number {text[:30]} is out of range")
    return value


def _no_constant(text: str) -> Any:
    raise _JsonLimit(f"{text} is not a JSON number")


def _plain_within(value: Any, limit: int) -> bool:
    """_depth_within, and every integer of `value` within 64 bits, and no float. (Texts, most
    of an event, are let through first: the walk costs a few comparisons per value.)"""
    stack = [(value, 1)]
    while stack:
        item, depth = stack.pop()
        children = item.values() if type(item) is dict else item if type(item) is list else ()
        for child in children:
            kind = type(child)
            if kind is str:
                continue
            if kind is dict or kind is list:
                if depth >= limit:
                    return False
                stack.append((child, depth + 1))
            elif kind is int:
                if not -MAX_JSON_INT <= child < MAX_JSON_INT:
                    return False
            elif kind is float:
                return False
    kind = type(value)
    return not (kind is float or (kind is int and not -MAX_JSON_INT <= value < MAX_JSON_INT))


_orjson_loads = orjson.loads


def _depth_within(value: Any, limit: int) -> bool:
    """No array or object in `value` nested deeper than `limit` (iterative: no recursion)."""
    stack = [(value, 1)]
    while stack:
        item, depth = stack.pop()
        children = item.values() if type(item) is dict else item if type(item) is list else ()
        for child in children:
            if type(child) is dict or type(child) is list:
                if depth >= limit:
                    return False
                stack.append((child, depth + 1))
    return True
