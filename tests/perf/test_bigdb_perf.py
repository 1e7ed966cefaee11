"""The benchmark generator itself: its history lies within what the desk and the hub accept,
and an `unsent=True` copy really pushes to a hub (the 1M sync benchmark pushes and pulls)."""

from __future__ import annotations

import sqlite3
from datetime import date, datetime

import pytest

from motcua_desk.app import open_services
from motcua_desk.domain.hlc import unpack
from motcua_desk.domain.schema import DESK_CLOCK_MIN
from tests.helpers import FakeClock
from tests.perf import bigdb
from tests.sync.helpers import Desk, HubThread, make_desk, register

pytestmark = pytest.mark.perf
N = 150


@pytest.fixture(scope="module")
def small(tmp_path_factory):
    path = tmp_path_factory.mktemp("bigdb") / "small.sqlite3"
    bigdb._build(N, path, seed=5)
    return path


@pytest.mark.parametrize("n", [1, 10_000, 100_000, 1_000_000, 10_000_000])
def test_days_within_the_accepted_clock(n):
    days = bigdb.working_days(n)
    assert days == sorted(days) and days[-1] <= bigdb.END_DAY
    assert days[0] > DESK_CLOCK_MIN.date()  # in Vietnam's time too
    assert all(d.weekday() < 5 for d in days)
    assert len(days) == min(max(1, n // 40), len(days))
    if n >= 1_000_000:  # ten years would reach 2016: clamped to the desk's earliest clock
        assert days[0] < date(2020, 1, 10)


def test_event_ids_are_uuids_at_every_size():
    from motcua_desk.sync.protocol import _ID as uuid  # the hub's own rule  # noqa: N811

    for seq, nth in [(1, 1), (70_000, 65_536), (4_100_000, 1_000_000), (2**31 - 1, 10**7)]:
        assert uuid.match(bigdb.event_id(seq, nth, 2**48 - 1))


def test_dates_are_within_the_accepted_clock(small):
    first, last = bigdb.date_bounds()
    assert first >= DESK_CLOCK_MIN.date() and last == bigdb.END_DAY
    conn = sqlite3.connect(small)
    try:
        walls = [unpack(h)[0] for (h,) in conn.execute("SELECT hlc FROM events")]
        days = conn.execute("SELECT min(received_at), max(received_at) FROM dossiers").fetchone()
        acked = conn.execute("SELECT count(*), sum(acked) FROM events").fetchone()
    finally:
        conn.close()
    assert min(walls) >= DESK_CLOCK_MIN.timestamp() * 1000
    assert max(walls) < datetime.now().timestamp() * 1000
    assert days[0][:10] >= first.isoformat() and days[1][:10] <= last.isoformat()
    assert acked[0] == acked[1] > N  # the cached history counts as sent


def test_unsent_copy_pushes_every_event_to_a_hub(small, tmp_path):
    with pytest.raises(ValueError):
        bigdb.make_big_db(N, unsent=True)
    path = tmp_path / "desk.sqlite3"
    path.write_bytes(small.read_bytes())
    bigdb.mark_unsent(path)
    clock = FakeClock(datetime(2026, 11, 23, 9, 0, tzinfo=bigdb.VN))
    desk = Desk(open_services(path, clock=clock, create=False), clock, 1, path)
    other = make_desk(tmp_path, 2, FakeClock(datetime(2026, 11, 23, 9, 0, tzinfo=bigdb.VN)))
    total = desk.repl.pending_count()
    assert total > N
    try:
        with HubThread(str(tmp_path / "hub.sqlite3")) as hub:
            register(hub, [desk, other])
            report = desk.sync(hub.url)
            assert (report.pushed, report.accepted, report.rejected) == (total, total, 0)
            assert desk.repl.pending_count() == 0
            pulled = other.sync(hub.url)
            assert pulled.applied == total
    finally:
        desk.close()
        other.close()


def test_sync_of_a_generated_desk_pushes_and_pulls(tmp_path):
    """The generated history, unsent, from its desk to a hub and on to a new desk: both
    directions timed (.perf/sync_bigdb.json). Small by default; MOTCUA_PERF_N=… or
    MOTCUA_PERF_FULL=1 (a million dossiers) for the sizes of the growth table."""
    import os
    import time

    from tests.perf.harness import Report, size

    n = int(os.environ.get("MOTCUA_PERF_N") or size(2_000, 1_000_000))
    path = bigdb.make_big_db(n, tmp_path / "desk.sqlite3", unsent=True)
    clock = FakeClock(datetime(2026, 11, 23, 9, 0, tzinfo=bigdb.VN))
    desk = Desk(open_services(path, clock=clock, create=False), clock, 1, path)
    other = make_desk(tmp_path, 2, FakeClock(datetime(2026, 11, 23, 9, 0, tzinfo=bigdb.VN)))
    total = desk.repl.pending_count()
    try:
        with HubThread(str(tmp_path / "hub.sqlite3")) as hub:
            register(hub, [desk, other])
            t0 = time.perf_counter()
            pushed = desk.sync(hub.url)
            t_push = time.perf_counter() - t0
            t0 = time.perf_counter()
            pulled = other.sync(hub.url)
            t_pull = time.perf_counter() - t0
    finally:
        desk.close()
        other.close()
    assert pushed.accepted == total and pulled.applied == total
    report = Report("sync_bigdb")
    report.add(
        "generated desk → hub (push)",
        dossiers=n,
        events=total,
        seconds=t_push,
        events_per_s=total / t_push,
        goal=">= 15,000 events/s",
    )
    report.add(
        "hub → new desk (pull)",
        dossiers=n,
        events=total,
        seconds=t_pull,
        events_per_s=total / t_pull,
        goal=">= 15,000 events/s",
    )
    report.write()


def test_sync_with_the_hub_in_a_process_of_its_own(tmp_path):
    """The same push and pull with the hub as `motcua-desk hub serve` in its own process, as on
    the office LAN: each side has its own interpreter (no shared GIL), and the CPU seconds of
    the desk and of the hub are reported apart (.perf/sync_lan.json)."""
    import os
    import time

    import psutil

    from motcua_desk.sync.hubstore import HubStore
    from tests.perf.harness import Report, size
    from tests.sync.helpers import HubProcess

    n = int(os.environ.get("MOTCUA_PERF_N") or size(2_000, 1_000_000))
    path = bigdb.make_big_db(n, tmp_path / "desk.sqlite3", unsent=True)
    clock = FakeClock(datetime(2026, 11, 23, 9, 0, tzinfo=bigdb.VN))
    desk = Desk(open_services(path, clock=clock, create=False), clock, 1, path)
    other = make_desk(tmp_path, 2, FakeClock(datetime(2026, 11, 23, 9, 0, tzinfo=bigdb.VN)))
    total = desk.repl.pending_count()
    url = f"sqlite:///{tmp_path / 'hub.sqlite3'}"
    store = HubStore(url)
    for d in (desk, other):
        d.token = store.add_desk(f"Quầy {d.desk_no}", d.desk_no)[1]
    store.close()
    hub = HubProcess(url, tmp_path / "home")
    hub_proc = psutil.Process(hub.pid)

    def hub_cpu() -> float:
        t = hub_proc.cpu_times()
        return t.user + t.system

    def timed(run):
        h0, c0, t0 = hub_cpu(), time.process_time(), time.perf_counter()
        result = run()
        return result, time.perf_counter() - t0, time.process_time() - c0, hub_cpu() - h0

    try:
        pushed, t_push, desk_push, hub_push = timed(lambda: desk.sync(hub.url))
        pulled, t_pull, desk_pull, hub_pull = timed(lambda: other.sync(hub.url))
    finally:
        hub.stop()
        desk.close()
        other.close()
    assert pushed.accepted == total and pulled.applied == total
    report = Report("sync_lan")
    for label, seconds, desk_s, hub_s in (
        ("desk → hub process (push)", t_push, desk_push, hub_push),
        ("hub process → new desk (pull)", t_pull, desk_pull, hub_pull),
    ):
        report.add(
            label,
            dossiers=n,
            events=total,
            seconds=seconds,
            events_per_s=total / seconds,
            desk_cpu_s=desk_s,
            hub_cpu_s=hub_s,
            goal=">= 15,000 events/s",
        )
    report.write()
