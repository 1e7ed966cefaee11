"""Crafting events as a dishonest desk (or a damaged hub) would: any payload, any clock, any
chain position, sealed with a correct hash unless told otherwise."""

from __future__ import annotations

import copy
import hashlib
import json
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import select

from motcua_desk.domain.events import GENESIS_HASH
from motcua_desk.domain.hlc import pack
from motcua_desk.domain.ids import uuid7
from motcua_desk.sync.client import HubClient
from motcua_desk.sync.hubstore import EVENTS_COUNTER, HubCounter, HubEvent
from motcua_desk.sync.protocol import canonical_json
from tests.helpers import AGENCY


def seal(wire: dict[str, Any]) -> dict[str, Any]:
    """The wire event with its hash recomputed over whatever it holds."""
    body = {k: v for k, v in wire.items() if k != "hash"}
    return {**body, "hash": hashlib.sha256(canonical_json(body).encode()).hexdigest()}


def received_payload(n: int, desk_no: int = 4) -> dict[str, Any]:
    """A valid `received` payload (as DossierService.intake writes it), code in desk_no's part."""
    return {
        "code": f"{AGENCY['agency_id']}-261123-{9000 + n:04d}",
        "procedure": {
            "code": "1.004873",
            "name": "Cấp bản sao trích lục hộ tịch",
            "field": "Hộ tịch",
            "version": 1,
            "time_amount": 1,
            "time_unit": "working_days",
            "time_label": "01 ngày làm việc",
            "time_text": "",
            "fee_text": "",
            "department": "TP-HT",
            "result": "",
            "result_place": "",
            "legal_basis": [],
        },
        "applicant": {
            "name": f"Kẻ Giả Mạo {n}",
            "id_number": "",
            "phone": "",
            "address": "",
            "email": "",
        },
        "documents": [{"name": "Tờ khai", "form": "original", "count": 1, "checked": True}],
        "sets": 1,
        "channel": "direct",
        "result_delivery": "counter",
        "due_at": "2026-11-24T09:00:00+07:00",
        "due_explanation": "",
        "clock_start": "2026-11-23T09:00:00+07:00",
        "ledger": {"year": 2026, "book": f"{desk_no:02d}/2026", "number": 9000 + n},
        "desk_no": desk_no,
    }


@dataclass
class Forger:
    """A desk token holder that writes its own events by hand: `node` is its node id, `head`
    and `prev` what the hub holds of its chain (kept from the hub's answers)."""

    url: str
    token: str
    node: str = field(default_factory=uuid7)
    head: int = 0
    prev: str = GENESIS_HASH
    made: int = 0
    dossiers: list[str] = field(default_factory=list)

    def event(
        self,
        type_: str = "received",
        payload: dict | None = None,
        *,
        seq: int | None = None,
        prev_hash: str | None = None,
        node: str | None = None,
        at: datetime | None = None,
        dossier_id: str | None = None,
        hlc_ms: int | None = None,
    ) -> dict[str, Any]:
        self.made += 1
        at = at or datetime(2026, 11, 23, 2, 0, tzinfo=UTC)
        if payload is None:
            payload = received_payload(self.made)
        if dossier_id is None:
            dossier_id = uuid7() if type_ == "received" or not self.dossiers else self.dossiers[-1]
        wire = {
            "id": uuid7(),
            "dossier_id": dossier_id,
            "node_id": node or self.node,
            "seq": self.head + 1 if seq is None else seq,
            "hlc": pack(int(at.timestamp() * 1000) if hlc_ms is None else hlc_ms, self.made % 1000),
            "type": type_,
            "occurred_at": at.isoformat(),
            "recorded_at": at.isoformat(),
            "officer": "Kẻ giả mạo",
            "payload": copy.deepcopy(payload),
            "prev_hash": self.prev if prev_hash is None else prev_hash,
        }
        return seal(wire)

    def push(self, *events: dict[str, Any]) -> list:
        client = HubClient(self.url, self.token, timeout=30)
        try:
            results = client.push_raw([json.dumps(e, ensure_ascii=False) for e in events])
        finally:
            client.close()
        by_id = {e["id"]: e for e in events}
        for r in results:
            ev = by_id[r.id]
            if r.status == "accepted" and ev["node_id"] == self.node:
                self.head, self.prev = ev["seq"], ev["hash"]
                if ev["type"] == "received":
                    self.dossiers.append(ev["dossier_id"])
        return results


def inject(store, wire: dict[str, Any] | str, node_id: str = "", seq: int = 0) -> int:
    """Put a body straight into the hub's table, past every check (a hub from before the
    checks, or one whose database was edited). Returns its hub_seq."""
    body = wire if isinstance(wire, str) else json.dumps(wire, ensure_ascii=False)
    data = wire if isinstance(wire, dict) else {}
    with store.write() as session:
        counter = session.execute(
            select(HubCounter).where(HubCounter.name == EVENTS_COUNTER)
        ).scalar_one()
        counter.value += 1
        desk_id = session.execute(select(HubEvent.desk_id).limit(1)).scalar() or 1
        session.add(
            HubEvent(
                id=str(data.get("id") or uuid7()),
                hub_seq=counter.value,
                node_id=str(data.get("node_id") or node_id or uuid7())[:36],
                seq=data["seq"] if type(data.get("seq")) is int else seq or 1,
                dossier_id=str(data.get("dossier_id") or uuid7())[:36],
                hlc=data["hlc"] if type(data.get("hlc")) is int else 0,
                type=str(data.get("type") or "note")[:32],
                hash=str(data.get("hash") or "0" * 64),
                prev_hash=str(data.get("prev_hash") or GENESIS_HASH),
                body=body,
                desk_id=desk_id,
                stored_at=datetime.now(UTC),
            )
        )
        return counter.value
