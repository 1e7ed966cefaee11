"""How the events table stores its ids and hashes (schema 0006): an id that is a canonical UUID
(lowercase, with its dashes) as its 16 bytes, a hash that is 64 lowercase hex digits as its 32
bytes; anything else as it was written (text), so nothing is ever lost or refused here.

The two stored forms never compare equal (a BLOB is not TEXT in SQLite), and each converts back
to the exact text it came from: `uuid_text(uuid_blob(s)) == s` for every string s. The bytes of
canonical UUIDs and hashes sort as their text does, so an index walks them in the same order.

The same four functions serve Python (the ORM's column types, store.types) and SQL: `install`
binds `uuid_text(x)`, `uuid_blob(x)`, `hash_text(x)` and `hash_blob(x)` on a sqlite3
connection, so raw reads select `uuid_text(id)` and look up `WHERE id = uuid_blob(?)`.
"""

from __future__ import annotations

import sqlite3
from typing import Any

_HEX = frozenset("0123456789abcdef")


def uuid_blob(value: Any) -> Any:
    """The stored form of an id: the 16 bytes of a canonical UUID, anything else unchanged."""
    if (
        type(value) is str
        and len(value) == 36
        and value[8] == value[13] == value[18] == value[23] == "-"
    ):
        digits = value[:8] + value[9:13] + value[14:18] + value[19:23] + value[24:]
        if _HEX.issuperset(digits):
            return bytes.fromhex(digits)
    return value


def uuid_text(value: Any) -> Any:
    """An id as text: the canonical UUID of 16 stored bytes, anything else unchanged."""
    if type(value) is bytes and len(value) == 16:
        h = value.hex()
        return f"{h[:8]}-{h[8:12]}-{h[12:16]}-{h[16:20]}-{h[20:]}"
    return value


def hash_blob(value: Any) -> Any:
    """The stored form of a hash: the 32 bytes of 64 lowercase hex digits, anything else
    unchanged."""
    if type(value) is str and len(value) == 64 and _HEX.issuperset(value):
        return bytes.fromhex(value)
    return value


def hash_text(value: Any) -> Any:
    """A hash as text: the hex of 32 stored bytes, anything else unchanged."""
    if type(value) is bytes and len(value) == 32:
        return value.hex()
    return value


def install(conn: sqlite3.Connection) -> None:
    """Bind the four functions on a sqlite3 connection (deterministic: usable in indexes'
    lookups, evaluated once for a constant argument)."""
    for fn in (uuid_blob, uuid_text, hash_blob, hash_text):
        conn.create_function(fn.__name__, 1, fn, deterministic=True)
