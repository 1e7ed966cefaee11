"""A pull cursor never skips an event that commits late: hub sequence numbers are handed out
under a lock held until commit, so they become visible in order (concurrent pushers, a real
PostgreSQL and SQLite)."""

from __future__ import annotations

import threading

import pytest

from motcua_desk.sync.hubstore import HubStore
from tests.sync.helpers import bulk_events, register, wait_for


def _lock_waiters(store: HubStore) -> int:
    """Backends of this database waiting for a lock (PostgreSQL)."""
    with store.engine.connect() as conn:
        return conn.exec_driver_sql(
            "SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock' "
            "AND datname = current_database()"
        ).scalar()


def test_a_push_that_commits_late_is_not_skipped(hub_store_url, desks):
    """Push A takes numbers and holds its commit; push B comes after it. A reader must see
    neither until A commits (B waits for A's lock), then both, in number order."""
    a, b, c = desks
    store = HubStore(hub_store_url)
    register(type("H", (), {"store": store})(), desks)
    for d in (a, b):
        d.intake()
        d.intake()
    inside, release = threading.Event(), threading.Event()

    def hold_a(ids):
        if threading.current_thread().name == "push-a":
            inside.set()
            assert release.wait(30)

    store.before_commit = hold_a
    info = {d.desk_no: store.authenticate(d.token) for d in desks}
    results = {}
    push_a = threading.Thread(
        name="push-a",
        target=lambda: results.__setitem__("a", store.push(info[1], a.repl.pending())),
    )
    push_b = threading.Thread(
        name="push-b",
        target=lambda: results.__setitem__("b", store.push(info[2], b.repl.pending())),
    )
    try:
        push_a.start()
        assert inside.wait(30)  # A holds numbers 1, 2 and has not committed
        push_b.start()
        if store.dialect == "postgresql":
            wait_for(lambda: _lock_waiters(store) >= 1, what="push B waiting for A's lock")
        page = store.pull(0, 100, exclude_node=info[3].node_id)
        assert (page.items, page.next, page.more) == ([], 0, False)  # the cursor stays at 0
    finally:
        release.set()
        push_a.join(30)
        push_b.join(30)
    assert [r.hub_seq for r in results["a"]] == [1, 2]
    assert [r.hub_seq for r in results["b"]] == [3, 4]
    page = store.pull(0, 100)
    assert [n for n, _ in page.items] == [1, 2, 3, 4]
    store.close()


@pytest.mark.slow
def test_concurrent_pushers_and_a_reader_lose_nothing(hub_store_url, desks):
    """Three desks push small batches at once while a reader follows with a small page size:
    the reader ends with every event exactly once, numbers 1..n with no hole."""
    store = HubStore(hub_store_url)
    register(type("H", (), {"store": store})(), desks)
    per_desk = {}
    for d in desks:
        bulk_events(d, 20)
        per_desk[d.desk_no] = d.repl.pending(limit=1000)
    total = sum(len(v) for v in per_desk.values())
    info = {d.desk_no: store.authenticate(d.token) for d in desks}
    errors: list[BaseException] = []
    done = threading.Event()

    def pusher(desk_no: int) -> None:
        try:
            events = per_desk[desk_no]
            for i in range(0, len(events), 4):
                store.push(info[desk_no], events[i : i + 4])
        except BaseException as err:  # noqa: BLE001
            errors.append(err)

    seen: list[tuple[int, str]] = []

    def reader() -> None:
        cursor = 0
        try:
            while True:
                finished = done.is_set()
                page = store.pull(cursor, 7)
                seen.extend((n, body) for n, body in page.items)
                cursor = page.next
                if finished and not page.more:
                    return
        except BaseException as err:  # noqa: BLE001
            errors.append(err)

    threads = [threading.Thread(target=pusher, args=(n,)) for n in per_desk]
    follower = threading.Thread(target=reader)
    follower.start()
    for t in threads:
        t.start()
    for t in threads:
        t.join(60)
    done.set()
    follower.join(60)
    assert not errors, errors
    assert [n for n, _ in seen] == list(range(1, total + 1))
    assert store.event_count() == total
    store.close()
