"""Events: the only source of truth about a dossier. Append-only; a correction is a new event.

Payloads by type (JSON-compatible; moments as ISO 8601 strings with offset):

- received: code, procedure {code, name, field, version, time_amount, time_unit, time_text,
  fee_text, department, result, result_place}, applicant {name, id_number, phone, address,
  email}, documents [{name, form, count, checked}], sets, channel, due_at, due_explanation,
  clock_start, ledger {year, book, number}, desk_no, result_delivery (counter|post)
- supplement_requested: reason, items [{name, form, count}], by ("desk" or a department),
  contact_officer, contact_phone
- resubmitted: due_at, due_explanation, clock_start (the clock restarts from zero)
- refused_at_intake: reason
- refused_after_appraisal: reason, by
- handed_off: from_unit, to_unit, giver, receiver
- result_received: from_unit, to_unit, giver, receiver, note
- extended: new_due_at, previous_due_at, reason
- returned: to_name, method (counter|post|online), id_number
- stopped: reason
- note: text
- voided: reason
- printed: form, copy (the nth print of that form for this dossier), reprint (bool)
- rated: rating (1 Rất hài lòng, 2 Hài lòng, 3 Không hài lòng), reason (required for 3); at
  most one per dossier, only once the result was returned

- digitised: document (the index of the received event's document line), state (scanned |
  shown | reused | classified), name, form, copies, pages (declared), files [{sha256, size,
  pages, media_type, name, pdfa}], reused_from (the earlier dossier's code), warnings
  (page_count | low_dpi | stamped_bw), signed (false: nothing is signed offline); the last
  one for a document line stands (a correction is a new event)

- fee_recorded: amount (whole đồng) with method (cash|transfer|card|exempt) for a payment made
  after intake, and/or receipt_ref (the e-receipt's reference); note

The received event's applicant may also hold birth_date (YYYY-MM-DD) and sex (male|female);
the received event may hold ticket (the queue ticket, e.g. "A023") and fee {amount, method,
receipt_ref} (what was collected at intake), and its procedure fee_amount (the catalog's fee).
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum
from json.encoder import encode_basestring  # how json.dumps(ensure_ascii=False) writes str
from typing import Any

import orjson

GENESIS_HASH = "0" * 64


def canonical_json(value: Any) -> str:
    """The one JSON form that hashes are computed over."""
    return json.dumps(value, sort_keys=True, ensure_ascii=False, separators=(",", ":"))


class EventType(StrEnum):
    RECEIVED = "received"
    SUPPLEMENT_REQUESTED = "supplement_requested"
    RESUBMITTED = "resubmitted"
    REFUSED_AT_INTAKE = "refused_at_intake"
    REFUSED_AFTER_APPRAISAL = "refused_after_appraisal"
    HANDED_OFF = "handed_off"
    RESULT_RECEIVED = "result_received"
    EXTENDED = "extended"
    RETURNED = "returned"
    STOPPED = "stopped"
    NOTE = "note"
    VOIDED = "voided"
    PRINTED = "printed"
    RATED = "rated"
    FEE_RECORDED = "fee_recorded"
    DIGITISED = "digitised"


class ReturnMethod(StrEnum):
    COUNTER = "counter"
    POST = "post"
    ONLINE = "online"


@dataclass(frozen=True)
class Event:
    id: str
    dossier_id: str
    node_id: str
    seq: int
    hlc: int
    type: EventType
    occurred_at: datetime
    recorded_at: datetime
    officer: str
    payload: Mapping[str, Any] = field(default_factory=dict)
    prev_hash: str = GENESIS_HASH
    hash: str = ""

    @property
    def sort_key(self) -> tuple[int, str, str]:
        """The total order every replica folds in: clock, then node, then id."""
        return (self.hlc, self.node_id, self.id)

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "dossier_id": self.dossier_id,
            "node_id": self.node_id,
            "seq": self.seq,
            "hlc": self.hlc,
            "type": str(self.type),
            "occurred_at": self.occurred_at.isoformat(),
            "recorded_at": self.recorded_at.isoformat(),
            "officer": self.officer,
            "payload": dict(self.payload),
            "prev_hash": self.prev_hash,
            "hash": self.hash,
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Event:
        """Build an event from its wire/JSON form; raises ValueError/KeyError/TypeError on bad
        data."""
        occurred = datetime.fromisoformat(data["occurred_at"])
        recorded = datetime.fromisoformat(data["recorded_at"])
        if occurred.tzinfo is None or recorded.tzinfo is None:
            raise ValueError("event moments must carry a UTC offset")
        payload = data.get("payload") or {}
        if not isinstance(payload, Mapping):
            raise TypeError("payload must be an object")
        seq, hlc = data["seq"], data["hlc"]
        if not isinstance(seq, int) or not isinstance(hlc, int) or seq < 1 or hlc < 0:
            raise ValueError("seq and hlc must be positive integers")
        return cls(
            id=str(data["id"]),
            dossier_id=str(data["dossier_id"]),
            node_id=str(data["node_id"]),
            seq=seq,
            hlc=hlc,
            type=EventType(data["type"]),
            occurred_at=occurred,
            recorded_at=recorded,
            officer=str(data.get("officer", "")),
            payload=dict(payload),
            prev_hash=str(data.get("prev_hash", GENESIS_HASH)),
            hash=str(data.get("hash", "")),
        )

    def digest(self) -> tuple[str, str]:
        """(the event's hash, its payload as canonical JSON). The hash is SHA-256 of the
        canonical JSON of every field but `hash` (keys sorted, UTF-8, no spaces); the text is
        assembled around the payload's own encoding so that a replica storing the payload
        encodes it once (tests compare it with json.dumps of the whole dict); see
        hash_frame."""
        payload = canonical_json(dict(self.payload))
        if type(self.seq) is not int or type(self.hlc) is not int:  # not ours: the long way
            body = self.to_dict()
            del body["hash"]
            text = canonical_json(body)
        else:
            return hash_fields(
                self.dossier_id,
                self.hlc,
                self.id,
                self.node_id,
                self.occurred_at.isoformat(),
                self.officer,
                payload,
                self.prev_hash,
                self.recorded_at.isoformat(),
                self.seq,
                str(self.type),
            ), payload
        return hashlib.sha256(text.encode("utf-8")).hexdigest(), payload

    def compute_hash(self) -> str:
        return self.digest()[0]

    def sealed(self) -> Event:
        """The same event with its hash filled in."""
        from dataclasses import replace

        return replace(self, hash=self.compute_hash())


def hash_fields(
    dossier_id: str,
    hlc: int,
    id: str,
    node_id: str,
    occurred_at: str,
    officer: str,
    payload_json: str,
    prev_hash: str,
    recorded_at: str,
    seq: int,
    type: str,
) -> str:
    """An event's hash from its fields as text (moments as datetime.isoformat() writes them,
    the payload as canonical JSON)."""
    head, tail = hash_frame(
        dossier_id, hlc, id, node_id, occurred_at, officer, prev_hash, recorded_at, seq, type
    )
    return hashlib.sha256(head + payload_json.encode("utf-8") + tail).hexdigest()


def hash_frame(
    dossier_id: str,
    hlc: int,
    id: str,
    node_id: str,
    occurred_at: str,
    officer: str,
    prev_hash: str,
    recorded_at: str,
    seq: int,
    type: str,
) -> tuple[bytes, bytes]:
    """The one place the hashed text is assembled: the UTF-8 bytes that come before and after
    the payload's canonical JSON in the canonical JSON of the event without its hash (keys
    sorted: dossier_id, hlc, id, node_id, occurred_at, officer, payload, prev_hash,
    recorded_at, seq, type). Every text goes through json's own string encoder, so the frame
    is injective: no two different field values give the same bytes. Raises TypeError for a
    text field that is not a str."""
    s = encode_basestring
    return (
        (
            f'{{"dossier_id":{s(dossier_id)},"hlc":{hlc},"id":{s(id)},'
            f'"node_id":{s(node_id)},"occurred_at":{s(occurred_at)},'
            f'"officer":{s(officer)},"payload":'
        ).encode(),
        (
            f',"prev_hash":{s(prev_hash)},'
            f'"recorded_at":{s(recorded_at)},"seq":{seq},'
            f'"type":{s(type)}}}'
        ).encode(),
    )


def sealed_fast(
    dossier_id: Any,
    hlc: Any,
    id: Any,
    node_id: Any,
    occurred_at: Any,
    officer: Any,
    payload: Any,
    prev_hash: Any,
    recorded_at: Any,
    seq: Any,
    type: Any,
    claimed: str,
) -> tuple[bytes, bytes, bytes] | None:
    """(head, payload's canonical JSON, tail) of the hashed text when its SHA-256 is `claimed`,
    made the fast way: the payload through orjson with sorted keys (the same bytes as
    json.dumps for the strings, integers, booleans and nulls of a payload) inside hash_frame.
    None when the hash does not match that text or orjson cannot write the payload (a float
    written otherwise, an integer past 64 bits, a field of the wrong type): the caller then
    takes json's canonical text, which decides. Shared by the hub's and the desk's borders."""
    try:
        body = orjson.dumps(payload, option=orjson.OPT_SORT_KEYS)
        head, tail = hash_frame(
            dossier_id, hlc, id, node_id, occurred_at, officer, prev_hash, recorded_at, seq, type
        )
    except (TypeError, orjson.JSONEncodeError):
        return None
    if hashlib.sha256(head + body + tail).hexdigest() != claimed:
        return None
    return head, body, tail


def verify_chain(events: list[Event]) -> list[str]:
    """Check one node's events (any order): consecutive seqs, each hash right, each prev_hash the
    hash of the previous one. Returns a list of problems (empty when the chain is whole)."""
    problems: list[str] = []
    ordered = sorted(events, key=lambda e: e.seq)
    prev_hash, prev_seq = None, None
    for ev in ordered:
        if ev.hash != ev.compute_hash():
            problems.append(f"event {ev.id} (seq {ev.seq}) has been altered")
        if prev_seq is not None and ev.seq != prev_seq + 1:
            problems.append(f"events {prev_seq + 1}..{ev.seq - 1} of node {ev.node_id} are missing")
        elif prev_hash is not None and ev.prev_hash != prev_hash:
            problems.append(f"event {ev.id} (seq {ev.seq}) does not follow its predecessor")
        prev_hash, prev_seq = ev.hash, ev.seq
    return problems
