"""How an event's payload is stored (schema 0005): compressed with a dictionary trained on the
database's own payloads, so the thousand hand-offs that name the same units and officers cost
a few dozen bytes each instead of a few hundred (issue 13: the database a third the size).

The `payload` column holds either
- TEXT: the payload's JSON as it was written (a database without a dictionary yet, or a row a
  person edited by hand), or
- a BLOB: one byte, the number of the dictionary (table `payload_dicts`), then a Zstandard
  frame of the JSON's UTF-8 bytes made with that dictionary.

Both read back as the same JSON text, byte for byte: the hash of an event is checked over
that text, so compression changes nothing the chain proves. Every connection to the desk
database gets three SQL functions bound to that database's dictionaries (`install`):
`payload_text(payload)` (the JSON as TEXT), `payload_bytes(payload)` (its UTF-8 bytes) and
`payload_pack(text)` (the stored form), so raw SQL and the ORM read and write the column the
same way, and `json_extract(payload_text(payload), ...)` works in the reports' queries.

A dictionary is never changed or deleted once a row uses it: a new one gets the next number.
"""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Iterable
from pathlib import Path

import zstandard

from motcua_desk.store import keys

DICT_BYTES = 32 * 1024  # trained dictionary size: past 32 KB the payloads shrink no further
LEVEL = 3  # Zstandard level: 1 µs a payload; level 9 saves 2 % for 3× the time
TRAIN_MIN = 1000  # payloads needed before a dictionary is worth training
TRAIN_SAMPLE = 20_000  # payloads a dictionary is trained on


class PayloadCodec:
    """The dictionaries of one database and the SQL functions over them. Shared by every
    connection of one engine (the pool's connections, the DB thread's and the scan path's):
    a dictionary added on one is seen by all (`add`)."""

    def __init__(self, path: str | None = None) -> None:
        # the database file, to read a dictionary another process has added since (a
        # dictionary is never changed once written, so any connection may read it)
        self._path = path
        self._lock = threading.Lock()
        self._decoders: dict[int, zstandard.ZstdDecompressor] = {}
        self._current: tuple[int, zstandard.ZstdCompressor] | None = None
        self._loaded = False

    # --- the dictionaries ---------------------------------------------------------------

    def load(self, conn: sqlite3.Connection, *, again: bool = False) -> None:
        """Read the database's dictionaries (once per codec, or `again` after a migration; a
        database before schema 0005 has none, and its payloads are all TEXT)."""
        if self._loaded and not again:
            return
        try:
            rows = conn.execute("SELECT no, data FROM payload_dicts ORDER BY no").fetchall()
        except sqlite3.OperationalError:  # no such table: a database before schema 0005
            return
        for no, data in rows:
            self.add(no, data)
        self._loaded = True

    def add(self, no: int, data: bytes) -> None:
        """Use dictionary `no` (1..255) to read its rows, and from now on to write new ones."""
        if not 1 <= no <= 255:
            raise ValueError(f"dictionary number {no} is not in 1..255")
        d = zstandard.ZstdCompressionDict(bytes(data))
        with self._lock:
            self._decoders[no] = zstandard.ZstdDecompressor(dict_data=d)
            if self._current is None or no >= self._current[0]:
                self._current = (no, _compressor(d))
            self._loaded = True

    def _load_from_file(self) -> None:
        """The dictionaries in the file, read on a connection of its own (a user function
        may not query the connection it runs on)."""
        try:
            conn = sqlite3.connect(f"{Path(self._path).resolve().as_uri()}?mode=ro", uri=True)
        except sqlite3.Error:
            return
        try:
            rows = conn.execute("SELECT no, data FROM payload_dicts ORDER BY no").fetchall()
        except sqlite3.Error:
            return
        finally:
            conn.close()
        for no, data in rows:
            if no not in self._decoders:
                self.add(no, data)

    @property
    def current(self) -> int | None:
        return None if self._current is None else self._current[0]

    # --- the stored form -------------------------------------------------------------------

    def pack(self, text: str | bytes | None) -> str | bytes | None:
        """The stored form of a payload's JSON: compressed when the database has a dictionary,
        the text itself otherwise."""
        if text is None:
            return None
        current = self._current
        if current is None:
            return text if isinstance(text, str) else text.decode("utf-8")
        raw = text.encode("utf-8") if isinstance(text, str) else bytes(text)
        return bytes((current[0],)) + current[1].compress(raw)

    def unpack_bytes(self, stored: str | bytes | None) -> bytes | None:
        """The payload's JSON as UTF-8 bytes, whichever way it is stored."""
        if stored is None:
            return None
        if isinstance(stored, str):
            return stored.encode("utf-8")
        decoder = self._decoders.get(stored[0]) if stored else None
        if decoder is None and stored and self._path:
            self._load_from_file()  # another process (the command line) trained one
            decoder = self._decoders.get(stored[0])
        if decoder is None:
            raise ValueError(
                f"a stored payload names dictionary {stored[0] if stored else '(none)'}, "
                "which this database does not hold"
            )
        return decoder.decompress(stored[1:])

    def unpack_text(self, stored: str | bytes | None) -> str | None:
        """The payload's JSON as text, whichever way it is stored."""
        if stored is None or isinstance(stored, str):
            return stored
        data = self.unpack_bytes(stored)
        return None if data is None else data.decode("utf-8")

    # --- SQL ---------------------------------------------------------------------------

    def install(self, conn: sqlite3.Connection) -> None:
        """Bind payload_text / payload_bytes / payload_pack on `conn` to this codec, loading the
        database's dictionaries on the first connection; and the ids' and hashes' functions
        (store.keys), which every reader of the events table needs beside these."""
        self.load(conn)
        keys.install(conn)
        conn.create_function("payload_text", 1, self._sql_text, deterministic=True)
        conn.create_function("payload_bytes", 1, self.bytes_or_none, deterministic=True)
        conn.create_function("payload_pack", 1, self.pack)

    # In SQL a payload that cannot be unpacked (a damaged frame, a dictionary this database
    # lacks) reads as NULL instead of failing the whole statement: the integrity check names
    # the event ("its payload is not a JSON object") and every other row still reads.
    def _sql_text(self, stored: str | bytes | None) -> str | None:
        try:
            return self.unpack_text(stored)
        except (ValueError, zstandard.ZstdError):
            return None

    def bytes_or_none(self, stored: str | bytes | None) -> bytes | None:
        """The payload's JSON as UTF-8 bytes, or None where it cannot be unpacked: what SQL's
        payload_bytes() reads, for a raw read that converts in Python (the scan)."""
        try:
            return self.unpack_bytes(stored)
        except (ValueError, zstandard.ZstdError):
            return None


def _compressor(d: zstandard.ZstdCompressionDict) -> zstandard.ZstdCompressor:
    # No checksum (SQLite's pages and the event's own hash cover the bytes), no dictionary id
    # (our first byte names it), the content size written (decompression needs no bound).
    return zstandard.ZstdCompressor(
        level=LEVEL, dict_data=d, write_checksum=False, write_dict_id=False
    )


def train(samples: Iterable[bytes]) -> bytes | None:
    """A dictionary trained on these payloads (UTF-8 JSON), or None when they are too few or
    too alike for Zstandard to train on."""
    sample = [bytes(s) for s in samples if s]
    if len(sample) < TRAIN_MIN:
        return None
    try:
        return zstandard.train_dictionary(DICT_BYTES, sample).as_bytes()
    except zstandard.ZstdError:
        return None


def packer_for(no: int, data: bytes):
    """pack(text) -> the stored form with dictionary `no` made of `data` (checked to read back
    to the same bytes), for a dictionary not yet in a codec (the transaction that stores it
    has not committed)."""
    d = zstandard.ZstdCompressionDict(bytes(data))
    compressor = _compressor(d)
    reader = zstandard.ZstdDecompressor(dict_data=d)
    head = bytes((no,))

    def pack(text: str) -> bytes:
        raw = text.encode("utf-8")
        blob = head + compressor.compress(raw)
        if reader.decompress(blob[1:]) != raw:
            raise ValueError("a payload does not pack back to itself")
        return blob

    return pack


def install_for(conn: sqlite3.Connection) -> PayloadCodec:
    """A codec of its own for a connection opened outside the engine (the integrity check's
    worker processes), installed on it."""
    codec = PayloadCodec()
    codec.install(conn)
    return codec


def main(argv: list[str] | None = None) -> int:
    """`python -m motcua_desk.store.payload_codec DB [EVENT_ID…]`: the events' payloads as
    text (`id<TAB>payload` lines), for a maintainer reading the database without the app."""
    import sys

    args = sys.argv[1:] if argv is None else argv
    if not args or args[0].startswith("-"):
        print("usage: python -m motcua_desk.store.payload_codec DB [EVENT_ID ...]", file=sys.stderr)
        return 2
    path = Path(args[0])
    if not path.is_file():
        print(f"{path}: no such database file", file=sys.stderr)
        return 2
    try:
        conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
        install_for(conn)
        ids = args[1:]
        where = f" WHERE id IN ({', '.join(['uuid_blob(?)'] * len(ids))})" if ids else ""
        for event_id, text in conn.execute(
            f"SELECT uuid_text(id), payload_text(payload) FROM events{where} ORDER BY rowid", ids
        ):
            print(f"{event_id}\t{text}")
    except sqlite3.DatabaseError as err:
        print(f"{path}: not a desk database with events ({err})", file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
