"""Test infrastructure of the sync suite: a hub in a thread or in a real subprocess, desks on
their own SQLite files, waits on conditions (never fixed sleeps)."""

from __future__ import annotations

import os
import selectors
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from motcua_desk.app import open_services
from motcua_desk.services import IntakeRequest, Services
from motcua_desk.services.replication import ReplicationService
from motcua_desk.sync.client import Backoff, HubClient, SyncEngine
from motcua_desk.sync.hub import make_server
from motcua_desk.sync.hubstore import HubStore
from tests.helpers import AGENCY, FakeClock

ROOT = Path(__file__).resolve().parents[2]
NO_WAIT = Backoff(base=0.0, cap=0.0, jitter=0.0)


def wait_for(predicate: Callable[[], Any], timeout: float = 20.0, what: str = "condition"):
    """Poll `predicate` until it is truthy (returns its value); fail after `timeout` s."""
    deadline = time.monotonic() + timeout
    delay = 0.001
    while True:
        value = predicate()
        if value:
            return value
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out waiting for {what}")
        threading.Event().wait(delay)  # a bounded poll interval, not a fixed sleep
        delay = min(delay * 2, 0.05)


class HubThread:
    """The hub app under uvicorn in a thread of the test process, on a free port."""

    def __init__(
        self,
        store_url: str,
        clock=None,
        certfile=None,
        keyfile=None,
        max_clock_ahead_ms: int | None = None,
        limits=None,
    ) -> None:
        kwargs = {"clock": clock} if clock is not None else {}
        self.store = HubStore(store_url, **kwargs)
        if max_clock_ahead_ms is None and clock is not None:
            # A fake hub clock stands still while the desks' fake clocks run on (each intake
            # advances its desk by a minute): tests of the clock rule pass their own bound.
            max_clock_ahead_ms = 366 * 24 * 3600 * 1000
        if max_clock_ahead_ms is not None:
            self.store.max_clock_ahead_ms = max_clock_ahead_ms
        self.server, self.sock = make_server(
            self.store,
            host="127.0.0.1",
            port=0,
            certfile=certfile,
            keyfile=keyfile,
            limits=limits,
            **kwargs,
        )
        port = self.sock.getsockname()[1]
        self.url = f"{'https' if certfile else 'http'}://127.0.0.1:{port}"
        self.thread = threading.Thread(
            target=self.server.run, kwargs={"sockets": [self.sock]}, daemon=True, name="hub"
        )
        self.thread.start()

    def stop(self) -> None:
        self.server.should_exit = True
        self.thread.join(15)
        assert not self.thread.is_alive(), "hub thread did not stop"
        self.sock.close()
        self.store.close()

    def __enter__(self) -> HubThread:
        return self

    def __exit__(self, *exc) -> None:
        self.stop()


class HubProcess:
    """`motcua-desk hub serve` as a real subprocess (SIGKILL-able)."""

    def __init__(self, store_url: str, home: Path, port: int = 0) -> None:
        env = {**os.environ, "MOTCUA_HOME": str(home), "PYTHONUNBUFFERED": "1"}
        self.proc = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "motcua_desk",
                "hub",
                "serve",
                "--store",
                store_url,
                "--host",
                "127.0.0.1",
                "--port",
                str(port),
            ],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            env=env,
            cwd=ROOT,
        )
        line = self._readline(60)
        if "listening on" not in line:
            self.proc.kill()
            raise AssertionError(f"hub did not start: {line!r} {self.proc.stderr.read()!r}")
        self.url = line.split("listening on ", 1)[1].split()[0]

    def _readline(self, timeout: float) -> str:
        sel = selectors.DefaultSelector()
        sel.register(self.proc.stdout, selectors.EVENT_READ)
        try:
            if not sel.select(timeout):
                raise AssertionError("hub subprocess printed nothing")
        finally:
            sel.close()
        return self.proc.stdout.readline().decode()

    @property
    def pid(self) -> int:
        return self.proc.pid

    def kill(self) -> None:
        if self.proc.poll() is None:
            os.kill(self.proc.pid, signal.SIGKILL)
        self.proc.wait(30)
        self.proc.stdout.close()
        self.proc.stderr.close()

    def stop(self) -> None:
        if self.proc.poll() is None:
            self.proc.send_signal(signal.SIGTERM)
            try:
                self.proc.wait(30)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait(30)
        self.proc.stdout.close()
        self.proc.stderr.close()


@dataclass
class Desk:
    """One desk: its own SQLite file, clock and services; a sync engine on demand."""

    services: Services
    clock: FakeClock
    desk_no: int
    path: Path
    token: str = ""
    engines: list[SyncEngine] = field(default_factory=list)

    @property
    def repl(self) -> ReplicationService:
        return ReplicationService.from_services(self.services)

    def engine(self, hub_url: str, token: str | None = None, **kwargs) -> SyncEngine:
        kwargs.setdefault("retries", 0)
        kwargs.setdefault("backoff", NO_WAIT)
        transport = kwargs.pop("transport", None)
        verify = kwargs.pop("verify", True)
        client = HubClient(
            hub_url, token or self.token, timeout=30, transport=transport, verify=verify
        )
        engine = SyncEngine(self.services, client, **kwargs)
        self.engines.append(engine)
        return engine

    def sync(self, hub_url: str, **kwargs):
        return self.engine(hub_url, **kwargs).run_once()

    def intake(self, name: str = "Nguyễn Văn An", procedure: str = "1.004873", **kw):
        self.clock.advance(minutes=1)
        return self.services.dossiers.intake(
            IntakeRequest(procedure_code=procedure, applicant_name=name, **kw)
        )

    def close(self) -> None:
        for e in self.engines:
            e.close()
        self.services.close()


_TEMPLATE: list[Path] = []


def _template() -> Path:
    """A migrated desk database with the seed catalog, made once per test process: copying it
    is much cheaper than migrating and seeding for every desk of every test."""
    if not _TEMPLATE:
        import tempfile

        path = Path(tempfile.mkdtemp(prefix="motcua-template-")) / "template.sqlite3"
        open_services(path).close()
        _TEMPLATE.append(path)
    return _TEMPLATE[0]


def make_desk(directory: Path, desk_no: int, clock: FakeClock | None = None) -> Desk:
    """A set-up desk on its own file in `directory` (its own node id)."""
    import shutil

    clock = clock or FakeClock()
    path = directory / f"desk{desk_no}.sqlite3"
    shutil.copyfile(_template(), path)
    services = open_services(path, clock=clock)
    services.settings.init_desk(desk_no=desk_no, **{**AGENCY, "officer": f"Cán bộ {desk_no}"})
    return Desk(services, clock, desk_no, path)


def bulk_events(desk: Desk, dossiers: int, events_per_dossier: int = 4) -> int:
    """Write `dossiers` × `events_per_dossier` realistic events of this desk straight into its
    database (for volume tests: the intake path would spend minutes on fsyncs). The chain,
    clock and sequence are continued exactly as UnitOfWork.append would. Returns the count."""
    from dataclasses import replace as dc_replace
    from datetime import timedelta

    from sqlalchemy import insert, select

    from motcua_desk.domain.events import Event, EventType
    from motcua_desk.domain.hlc import HybridClock
    from motcua_desk.domain.ids import uuid7
    from motcua_desk.services.base import wall_ms
    from motcua_desk.store import repo
    from motcua_desk.store.models import DeskRow, EventRow

    template = desk.intake("Mẫu Văn Mẫu")
    with desk.services._store.read() as session:
        received = repo.load_events(session, template.dossier.id)[0]
    store = desk.services._store
    with store.write() as session:
        row = session.get(DeskRow, 1)
        clock = HybridClock(row.last_hlc)
        seq, prev = row.last_seq, row.last_hash
        now = desk.clock()
        rows = []
        kinds = [
            EventType.RECEIVED,
            EventType.HANDED_OFF,
            EventType.RESULT_RECEIVED,
            EventType.RETURNED,
            EventType.NOTE,
            EventType.PRINTED,
        ]
        for n in range(dossiers):
            dossier_id = uuid7(wall_ms(now))
            code_seq = 10 * (n + 10) + desk.desk_no
            for k in range(events_per_dossier):
                now = now + timedelta(milliseconds=3)
                kind = kinds[min(k, len(kinds) - 1)]
                if kind == EventType.RECEIVED:
                    payload = dict(received.payload)
                    payload["code"] = f"{payload['code'][:-4]}{code_seq:05d}"
                    payload["applicant"] = {**payload["applicant"], "name": f"Nguyễn Thị Số {n}"}
                    payload["ledger"] = {**payload["ledger"], "number": n + 2}
                elif kind == EventType.HANDED_OFF:
                    payload = {
                        "from_unit": "desk",
                        "to_unit": "Công chức Tư pháp - Hộ tịch",
                        "giver": "Cán bộ",
                        "receiver": "Trần Văn Nhận",
                    }
                elif kind == EventType.RESULT_RECEIVED:
                    payload = {
                        "from_unit": "Công chức Tư pháp - Hộ tịch",
                        "to_unit": "desk",
                        "giver": "Trần Văn Nhận",
                        "receiver": "Cán bộ",
                    }
                elif kind == EventType.RETURNED:
                    payload = {
                        "to_name": f"Nguyễn Thị Số {n}",
                        "method": "counter",
                        "id_number": "",
                    }
                else:
                    payload = {"text": f"ghi chú {k}"}
                seq += 1
                ev = Event(
                    id=uuid7(wall_ms(now)),
                    dossier_id=dossier_id,
                    node_id=received.node_id,
                    seq=seq,
                    hlc=clock.tick(wall_ms(now)),
                    type=kind,
                    occurred_at=now,
                    recorded_at=now,
                    officer=received.officer,
                    payload=payload,
                    prev_hash=prev,
                )
                ev = dc_replace(ev, hash=ev.compute_hash())
                prev = ev.hash
                rows.append(
                    {
                        "id": ev.id,
                        "dossier_id": ev.dossier_id,
                        "node_id": ev.node_id,
                        "seq": ev.seq,
                        "hlc": ev.hlc,
                        "type": str(ev.type),
                        "occurred_at": ev.occurred_at,
                        "recorded_at": ev.recorded_at,
                        "officer": ev.officer,
                        "payload": ev.payload,
                        "prev_hash": ev.prev_hash,
                        "hash": ev.hash,
                        "acked": False,
                        "hub_seq": None,
                    }
                )
        for i in range(0, len(rows), 5000):
            session.execute(insert(EventRow), rows[i : i + 5000])
        row.last_seq, row.last_hash, row.last_hlc = seq, prev, clock.last
        count = session.scalar(select(EventRow.id).limit(1)) and len(rows)
    desk.clock.now = now
    return count + 1  # + the template intake


def register(hub, desks: list[Desk]) -> None:
    """Register each desk on the hub (name "Quầy N", its desk number) and keep its token."""
    for d in desks:
        d.token = hub.store.add_desk(f"Quầy {d.desk_no}", d.desk_no)[1]


def replica(desk: Desk, hub_seq: bool = True) -> dict[str, dict[str, dict]]:
    """What must be identical on every replica, read with the raw sqlite3 module: every event
    (all columns), every projection (all columns but the local autoincrement pk) and every
    sync exception (but when it was detected here and whether it was acknowledged here).
    Event payloads are compared as JSON values (a pulled event's keys arrive sorted)."""
    import json
    import sqlite3

    from tests.helpers import raw_db

    conn = raw_db(desk.path)
    conn.row_factory = sqlite3.Row
    try:

        def table(sql: str, key: str, drop: tuple[str, ...] = ()) -> dict[str, dict]:
            return {r[key]: {k: r[k] for k in r.keys() if k not in drop} for r in conn.execute(sql)}

        events = table(
            "SELECT uuid_text(id) AS id, dossier_id, uuid_text(node_id) AS node_id, seq, hlc, "
            "type, occurred_at, recorded_at, officer, payload_text(payload) AS payload, "
            "hash_text(prev_hash) AS prev_hash, hash_text(hash) AS hash, acked, hub_seq "
            "FROM events",
            "id",
            () if hub_seq else ("hub_seq",),
        )
        for row in events.values():
            row["payload"] = json.loads(row["payload"])
        return {
            "events": events,
            "dossiers": table("SELECT * FROM dossiers", "id", ("pk",)),
            "conflicts": table(
                "SELECT * FROM conflicts", "event_id", ("detected_at", "acknowledged")
            ),
        }
    finally:
        conn.close()


def assert_converged(desks: list[Desk], hub_seq: bool = True) -> dict[str, dict[str, dict]]:
    """Every desk holds the same events, projections and sync exceptions, field by field.
    hub_seq=False leaves out the hub's numbering of events (it legitimately differs between
    desks once a hub was restored from a backup and numbered events again)."""
    first = replica(desks[0], hub_seq)
    for other in desks[1:]:
        theirs = replica(other, hub_seq)
        for part in ("events", "dossiers", "conflicts"):
            assert set(theirs[part]) == set(first[part]), (
                f"{part}: desk {other.desk_no} differs from desk {desks[0].desk_no} "
                f"(only there: {sorted(set(theirs[part]) - set(first[part]))[:3]}, "
                f"missing: {sorted(set(first[part]) - set(theirs[part]))[:3]})"
            )
            for key, row in first[part].items():
                assert theirs[part][key] == row, (
                    f"{part} {key}: desk {other.desk_no} {theirs[part][key]} != "
                    f"desk {desks[0].desk_no} {row}"
                )
    return first


def sync_all(hub_url: str, desks: list[Desk], rounds: int = 2) -> None:
    """Each desk syncs in turn, `rounds` times (two rounds carry everything everywhere)."""
    for _ in range(rounds):
        for d in desks:
            d.sync(hub_url)
