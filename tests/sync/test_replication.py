"""The desk side on its own: the batched projection equals repo.save_projection, the queries it
relies on use their indexes, clock skew is told and the hybrid clock keeps causal order, the
background loop backs off and stops on request, and the layer rules hold.(These run against the SQLite hub store only: nothing here depends on the store.)"""

from __future__ import annotations

import ast
import shutil
import sqlite3
import threading
from datetime import timedelta
from pathlib import Path

import pytest
from sqlalchemy import delete, select

from motcua_desk.app import open_services
from motcua_desk.domain.dossier import fold
from motcua_desk.services.replication import ReplicationService
from motcua_desk.store import repo
from motcua_desk.store.models import ConflictRow, DossierRow, EventRow
from motcua_desk.sync.client import Backoff, HubClient, SyncEngine, SyncStatus
from tests.helpers import FakeClock, raw_db
from tests.sync.helpers import NO_WAIT, assert_converged, register, sync_all, wait_for

PACKAGE = Path(__file__).resolve().parents[2] / "motcua_desk"


@pytest.fixture
def hub_store_url(tmp_path) -> str:
    return f"sqlite:///{tmp_path / 'hub.sqlite3'}"


def _projections(path: Path) -> tuple[dict, dict]:
    conn = sqlite3.connect(path)
    conn.row_factory = sqlite3.Row
    try:
        dossiers = {
            r["id"]: {k: r[k] for k in r.keys() if k != "pk"}
            for r in conn.execute("SELECT * FROM dossiers")
        }
        conflicts = {
            r["event_id"]: {k: r[k] for k in r.keys() if k != "detected_at"}
            for r in conn.execute("SELECT * FROM conflicts")
        }
        fts = sorted(
            r[0]
            for r in conn.execute(
                "SELECT search_name FROM dossiers WHERE pk IN (SELECT rowid FROM dossier_fts "
                "WHERE dossier_fts MATCH 'nguyen*')"
            )
        )
        return dossiers, {"conflicts": conflicts, "fts": fts}
    finally:
        conn.close()


def test_batched_projection_equals_save_projection(hub, desks, tmp_path):
    """replication.save_projections writes exactly what repo.save_projection writes, for
    dossiers in many states and with sync exceptions (guards against the two drifting)."""
    register(hub, desks[:2])
    a, b = desks[:2]
    s = a.services.dossiers
    codes = [
        a.intake(f"Nguyễn Văn {i}", procedure=("1.004873", "1.001193")[i % 2]).dossier.code
        for i in range(6)
    ]
    s.handoff(codes[:4], "TP-HT", receiver="Lý Văn Nhận")
    s.receive_result(codes[:2])
    s.return_result(codes[0], "Nguyễn Văn 0")
    s.request_supplement(codes[4], "thiếu tờ khai")
    s.refuse(codes[5], "không thuộc thẩm quyền")
    s.extend(codes[2], s.find_by_code(codes[2]).dossier.due_at + timedelta(days=4), "xác minh")
    sync_all(hub.url, [a, b])
    b.services.dossiers.return_result(codes[1], "Người B")  # both return codes[1] offline
    s.return_result(codes[1], "Người A")
    sync_all(hub.url, [a, b])
    assert a.repl.counts().conflicts == 1

    copies = {}
    for how in ("repo", "batched"):
        path = tmp_path / f"{how}.sqlite3"
        a.services._store.engine.dispose()
        shutil.copyfile(a.path, path)
        svc = open_services(path, clock=FakeClock(a.clock()))
        with svc._store.write() as session:
            ids = list(session.scalars(select(EventRow.dossier_id).distinct()))
            session.execute(delete(ConflictRow))
            session.execute(delete(DossierRow))
        if how == "repo":
            with svc._store.write() as session:
                for dossier_id in ids:
                    repo.save_projection(
                        session, fold(dossier_id, repo.load_events(session, dossier_id)), a.clock()
                    )
        else:
            assert ReplicationService.from_services(svc).refold_all() == len(ids)
        svc.close()
        copies[how] = _projections(path)
    assert copies["repo"] == copies["batched"]
    assert len(copies["repo"][0]) == 6 and len(copies["repo"][1]["conflicts"]) == 1
    assert len(copies["repo"][1]["fts"]) == 6


def test_the_sync_queries_use_their_indexes(desks):
    (a,) = desks[:1]
    a.intake()
    conn = raw_db(a.path)
    try:
        plan = " ".join(
            r[3]
            for r in conn.execute(
                "EXPLAIN QUERY PLAN SELECT * FROM events WHERE node_id = uuid_blob(?) AND acked = 0 "
                "AND seq > ? "
                "ORDER BY seq LIMIT 500",
                ("x", 0),
            )
        )
        assert "ix_events_unacked" in plan, plan
        plan = " ".join(
            r[3]
            for r in conn.execute(
                "EXPLAIN QUERY PLAN SELECT count(*) FROM events WHERE node_id = uuid_blob(?) "
                "AND acked = 0",
                ("x",),
            )
        )
        assert "ix_events_unacked" in plan, plan
    finally:
        conn.close()
    # The statement pending() really emits has the same shape.
    captured = []
    from sqlalchemy import event

    def grab(conn, cursor, statement, *args):
        captured.append(statement)

    event.listen(a.services._store.engine, "before_cursor_execute", grab)
    try:
        a.repl.pending()
    finally:
        event.remove(a.services._store.engine, "before_cursor_execute", grab)
    assert any("node_id = uuid_blob(?) AND acked = 0 AND seq > ?" in sql for sql in captured), (
        captured
    )


def test_clock_skew_is_told_and_causal_order_kept(hub, desks, hub_clock):
    """Desk 2's clock is an hour slow. It is told so; yet what it does to a dossier it got from
    desk 1 still folds after desk 1's receipt (the hybrid clock moved past what it saw)."""
    register(hub, desks[:2])
    a, b = desks[:2]
    b.clock.advance(hours=-1)
    code = a.intake("Quách Văn Lâm").dossier.code
    a.sync(hub.url)
    b.sync(hub.url)
    st = b.engines[-1].status()
    assert st.clock_warning and st.skew_ms < -55 * 60 * 1000 and "clock_skew" in st.warnings
    assert not a.engines[-1].status().clock_warning
    b.services.dossiers.handoff([code], "TP-HT", receiver="Lý Văn Nhận")
    sync_all(hub.url, [a, b])
    state = assert_converged([a, b])
    assert state["conflicts"] == {}
    row = next(r for r in state["dossiers"].values() if r["code"] == code)
    assert row["status"] == "in_process"
    hello = HubClient(hub.url, b.token).hello(
        node_id=b.repl.identity().node_id,
        desk_no=2,
        agency_id="",
        desk_time_ms=int(b.clock().timestamp() * 1000),
    )
    assert hello["skew_ms"] < -55 * 60 * 1000
    assert [d.last_skew_ms < 0 for d in hub.store.desks() if d.desk_no == 2] == [True]


def test_the_loop_backs_off_reports_and_stops(hub, desks):
    """run_forever in a worker thread: offline while the hub is unreachable (status says so,
    with the time of the next attempt), syncs when woken with a reachable hub, ends on stop()
    at once whatever the delay."""
    register(hub, desks[:1])
    (a,) = desks[:1]
    a.intake()
    seen: list[SyncStatus] = []
    client = HubClient("http://127.0.0.1:9", a.token)
    engine = SyncEngine(
        a.services,
        client,
        retries=0,
        on_status=seen.append,
        backoff=Backoff(base=3600, cap=3600, jitter=0),
    )
    worker = threading.Thread(target=engine.run_forever, kwargs={"interval": 3600})
    worker.start()
    try:
        wait_for(lambda: any(s.next_attempt_in for s in seen), what="first failed round")
        st = engine.status()
        assert (st.state, st.online, st.unsent) == ("offline", False, 1)
        assert st.next_attempt_in == 3600 and "did not answer" in st.last_error
        engine.client = HubClient(hub.url, a.token)  # the hub is back
        engine.wake()
        wait_for(lambda: engine.status().state == "online", what="a successful round")
        assert engine.status().unsent == 0 and engine.status().last_success_at
    finally:
        engine.stop()
        worker.join(10)
    assert not worker.is_alive()
    states = [s.state for s in seen]
    assert states.index("syncing") < states.index("offline") < states.index("online")


def test_backoff_grows_and_is_capped():
    b = Backoff(base=2, cap=60, jitter=0)
    assert [b.delay(n) for n in (1, 2, 3, 4, 5, 6, 7)] == [2, 4, 8, 16, 32, 60, 60]
    jittered = Backoff(base=10, cap=100, jitter=0.2)
    assert all(8 <= jittered.delay(1) <= 12 for _ in range(50))


def test_unsent_counts_for_the_window(hub, desks):
    register(hub, desks[:1])
    (a,) = desks[:1]
    for i in range(3):
        a.intake(f"Tạ Văn {i}")
    c = a.repl.counts()
    assert (c.unsent, c.last_success_at, c.cursor) == (3, None, 0)
    engine = a.engine(hub.url, backoff=NO_WAIT)
    engine.run_once()
    c = a.repl.counts()
    assert (c.unsent, c.rejected, c.last_success_at) == (0, 0, a.clock())


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text("utf-8"))
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(a.name for a in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
    return names


def test_layer_rules_of_sync():
    """sync → services, store, domain (and itself); no Qt anywhere in it; the replication
    service imports no network code."""
    files = list((PACKAGE / "sync").rglob("*.py")) + [PACKAGE / "services" / "replication.py"]
    assert len(files) >= 5
    for f in files:
        ours = {n for n in _imports(f) if n.startswith("motcua_desk")}
        allowed = (
            "motcua_desk.sync",
            "motcua_desk.services",
            "motcua_desk.store",
            "motcua_desk.domain",
        )
        if f.name != "replication.py":
            bad = {n for n in ours if not n.startswith(allowed) and n != "motcua_desk"}
            assert not bad, f"{f}: {bad}"
        assert not any(n.startswith(("PySide6", "PyQt", "shiboken")) for n in _imports(f)), f
    repl = _imports(PACKAGE / "services" / "replication.py")
    assert not any(
        n.startswith(("motcua_desk.sync", "httpx", "starlette", "uvicorn")) for n in repl
    )
