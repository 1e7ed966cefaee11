"""Nothing lost, nothing twice: the hub killed mid-push, answers lost after the hub committed,
a desk crashing mid-apply, duplicate and reordered batches."""

from __future__ import annotations

import random
import threading

import httpx
import pytest

from motcua_desk.sync.client import HubClient, HubUnavailable
from motcua_desk.sync.hubstore import HubEvent, HubStore
from tests.sync.helpers import (
    HubProcess,
    assert_converged,
    bulk_events,
    register,
    replica,
    sync_all,
)


class Hooked(httpx.BaseTransport):
    """A real HTTP transport with a hook around each request: hook(request, send) decides
    what the desk gets (an answer, or a transport error)."""

    def __init__(self, hook) -> None:
        self.inner = httpx.HTTPTransport()
        self.hook = hook
        self.calls: list[str] = []

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        self.calls.append(request.url.path)
        return self.hook(request, self.inner.handle_request)

    def close(self) -> None:
        self.inner.close()


def hub_events(store_url: str) -> dict[str, tuple[int, str]]:
    """Every event the hub holds: id → (hub_seq, node)."""
    from sqlalchemy import select

    store = HubStore(store_url)
    try:
        with store.read() as s:
            return {
                r.id: (r.hub_seq, r.node_id)
                for r in s.execute(select(HubEvent.id, HubEvent.hub_seq, HubEvent.node_id))
            }
    finally:
        store.close()


def desk_acks(desk) -> dict[str, tuple[int, int | None]]:
    from tests.helpers import raw_db

    conn = raw_db(desk.path)
    try:
        return {
            r[0]: (r[1], r[2])
            for r in conn.execute(
                "SELECT uuid_text(id), acked, hub_seq FROM events WHERE node_id = uuid_blob(?)",
                (desk.repl.identity().node_id,),
            )
        }
    finally:
        conn.close()


@pytest.mark.slow
def test_hub_killed_in_the_middle_of_a_big_push(hub_store_url, desks, tmp_path):
    """A real hub process is SIGKILLed while a desk pushes thousands of events; it restarts
    on the same store and the desk resumes: every event once, numbered without holes."""
    a, b = desks[:2]
    store = HubStore(hub_store_url)
    register(type("H", (), {"store": store})(), [a, b])
    store.close()
    total = bulk_events(a, 750)  # 3,001 events
    hub = HubProcess(hub_store_url, tmp_path)
    killed = threading.Event()

    def kill_during_fourth_push(request, send):
        if request.url.path == "/v1/push" and transport.calls.count("/v1/push") == 4:
            # The kill races with the request: before it arrives, while the hub works on it,
            # or after it committed; every case must end the same way.
            threading.Thread(target=lambda: (hub.kill(), killed.set())).start()
        return send(request)

    transport = Hooked(kill_during_fourth_push)
    engine = a.engine(hub.url, push_batch=200, transport=transport)
    with pytest.raises(HubUnavailable):
        for _ in range(20):  # until the kill lands (normally the fourth or fifth request)
            engine.run_once()
    assert killed.wait(30)
    partial = hub_events(hub_store_url)
    assert 600 <= len(partial) < total  # three batches of 200 went through, not all
    seqs = sorted(s for s, _ in partial.values())
    assert seqs == list(range(1, len(seqs) + 1))  # no holes, even after a kill
    acks = desk_acks(a)
    assert all(partial[i][0] == s for i, (acked, s) in acks.items() if acked)  # acked ⊆ hub

    hub = HubProcess(hub_store_url, tmp_path)  # restarted on the same store
    try:
        report = a.sync(hub.url, push_batch=200)
        assert report.accepted + report.duplicates == total - sum(
            1 for acked, _ in acks.values() if acked
        )
        stored = hub_events(hub_store_url)
        assert len(stored) == total
        assert sorted(s for s, _ in stored.values()) == list(range(1, total + 1))
        acks = desk_acks(a)
        assert {i: (1, stored[i][0]) for i in stored} == acks  # each acked, same number
        b.sync(hub.url)
        a.repl.refold_all()
        assert assert_converged([a, b])["events"].keys() == stored.keys()
    finally:
        hub.stop()


def test_answer_lost_after_the_hub_committed(hub, desks):
    """The hub stores a push, then the connection drops before the desk hears the answer:
    at the next hello the desk sees that the hub holds its events past what it knows was
    acknowledged, checks them against its own (same ids, same hashes) and marks them sent;
    nothing is pushed or stored twice."""
    register(hub, desks[:2])
    a, b = desks[:2]
    for i in range(5):
        a.intake(f"Đỗ Văn {i}")

    def drop_first_push_answer(request, send):
        response = send(request)
        if request.url.path == "/v1/push" and transport.calls.count("/v1/push") == 1:
            response.read()  # the hub has answered: it committed
            response.close()
            raise httpx.ReadError("connection reset by peer")
        return response

    transport = Hooked(drop_first_push_answer)
    engine = a.engine(hub.url, transport=transport)
    with pytest.raises(HubUnavailable):
        engine.run_once()
    assert hub.store.event_count() == 5
    assert a.repl.counts().unsent == 5
    report = engine.run_once()
    assert (report.accepted, report.duplicates, report.rejected) == (0, 0, 0)
    assert "took_back_own" not in engine.status().warnings  # the same events: only acked
    assert a.repl.counts().unsent == 0 and hub.store.event_count() == 5
    sync_all(hub.url, [b])
    assert_converged([a, b])


def test_lost_answers_are_retried_within_the_round(hub, desks):
    """With retries on, a dropped push answer and a dropped pull answer are repeated at once;
    the round succeeds and the pulled batch is applied once."""
    register(hub, desks[:2])
    a, b = desks[:2]
    for i in range(3):
        a.intake(f"Bùi Thị {i}")
        b.intake(f"Lý Văn {i}")
    a.sync(hub.url)
    dropped = []

    def drop_each_first(request, send):
        response = send(request)
        if request.url.path in ("/v1/push", "/v1/pull") and request.url.path not in dropped:
            dropped.append(request.url.path)
            response.read()
            raise httpx.RemoteProtocolError("server disconnected without sending a response")
        return response

    engine = b.engine(hub.url, transport=Hooked(drop_each_first), retries=2)
    report = engine.run_once()
    assert dropped == ["/v1/push", "/v1/pull"]
    assert (report.accepted, report.duplicates, report.applied) == (0, 3, 3)
    a.sync(hub.url)
    assert_converged([a, b])


def test_a_crash_in_the_middle_of_applying_a_batch_leaves_nothing_half_done(
    hub, desks, monkeypatch
):
    register(hub, desks[:2])
    a, b = desks[:2]
    for i in range(4):
        a.intake(f"Trịnh Văn {i}")
    a.sync(hub.url)
    before = replica(b)
    from motcua_desk.store import repo

    real = repo.save_projections

    def crash(*args, **kwargs):
        raise OSError("power cut")  # after the events were inserted, before projections

    monkeypatch.setattr(repo, "save_projections", crash)
    with pytest.raises(OSError):
        b.sync(hub.url)
    assert replica(b) == before and b.repl.cursor() == 0
    monkeypatch.setattr(repo, "save_projections", real)
    b.sync(hub.url)
    assert_converged([a, b])


def test_duplicate_and_reordered_push_batches(hub, desks):
    """Batches that reach the hub twice or out of order are stored once each, in chain order
    (a batch ahead of the hub's copy of the chain waits: "gap", retryable); the desks that
    pull them converge."""
    register(hub, desks)
    a, b, c = desks
    bulk_events(a, 10)
    events = a.repl.pending()
    size = -(-len(events) // 5)
    batches = [events[i : i + size] for i in range(0, len(events), size)]
    assert len(batches) == 5
    client = HubClient(hub.url, a.token)
    order = [3, 1, 1, 0, 4, 2, 3, 0, 2, 4, 1, 3]
    answers = [client.push(batches[i]) for i in order]
    statuses = [[r.status for r in rs] for rs in answers]
    assert statuses[0] == ["rejected"] * len(batches[3])
    assert {r.reason for r in answers[0]} == {"gap"}
    assert statuses[3] == ["accepted"] * len(batches[0])
    assert statuses[7] == ["duplicate"] * len(batches[0])
    assert statuses[10] == ["accepted"] * len(batches[1])
    assert statuses[11] == ["rejected"] * len(batches[3])  # batch 2 is still missing
    assert hub.store.event_count() == len(batches[0]) + len(batches[1])
    a.sync(hub.url)  # the rest, in order; what the hub has is acknowledged as duplicates
    assert hub.store.event_count() == len(events)
    assert a.repl.counts().unsent == 0
    sync_all(hub.url, [b, c])
    a.repl.refold_all()
    assert_converged([a, b, c])


def test_pulled_batches_applied_twice_and_out_of_order(hub, desks):
    """apply_pulled is idempotent and order-free: any order, any repetition, events of a
    dossier arriving before its receipt; the end state is the in-order state."""
    register(hub, desks)
    a, b, c = desks
    for i in range(6):
        d = a.intake(f"Mai Văn {i}")
        a.services.dossiers.handoff([d.dossier.code], "TP-HT", receiver="Lý Văn Nhận")
    sync_all(hub.url, [a, b])
    code = b.services.dossiers.search("mai van 0")[0].code
    b.services.dossiers.receive_result([code])
    b.sync(hub.url)
    reader = HubClient(hub.url, c.token)
    events, seqs, _, _ = reader.pull(0, 1000)
    assert len(events) == 13
    pages = [(events[i : i + 3], seqs[i : i + 3]) for i in range(0, len(events), 3)]
    rng = random.Random(5)
    shuffled = pages + rng.sample(pages, 3)
    rng.shuffle(shuffled)
    for evs, ss in shuffled:
        c.repl.apply_pulled(evs, max(ss), ss)
    assert c.repl.cursor() == max(seqs)
    a.sync(hub.url)
    assert_converged([a, b, c])
