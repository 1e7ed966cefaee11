"""A desk that meets a different hub, or its hub restored from an old backup, sends again what
that hub lacks and pulls from the beginning: nothing is skipped, nothing stored twice."""

from __future__ import annotations

import shutil

from motcua_desk.sync.hubstore import HubStore
from tests.sync.helpers import HubThread, assert_converged, register, sync_all


def _hub_events(url: str) -> int:
    store = HubStore(url)
    try:
        return store.event_count()
    finally:
        store.close()


def test_a_new_hub_gets_everything_again(tmp_path, desks, hub_clock):
    a, b, _ = desks
    first = HubThread(f"sqlite:///{tmp_path / 'hub1.sqlite3'}", clock=hub_clock)
    try:
        register(first, [a, b])
        for i in range(3):
            a.intake(f"Phan Văn {i}")
            b.intake(f"Đỗ Thị {i}")
        sync_all(first.url, [a, b])
    finally:
        first.stop()
    assert a.repl.counts().unsent == 0
    # The hub PC is replaced: an empty hub. Each desk re-sends all of its own events.
    url2 = f"sqlite:///{tmp_path / 'hub2.sqlite3'}"
    second = HubThread(url2, clock=hub_clock)
    try:
        register(second, [a, b])
        report = a.sync(second.url)
        assert "new_hub" in a.engines[-1].status().warnings
        assert report.accepted == 3  # all of a's events (three receipts), sent again
        b.sync(second.url)
        a.sync(second.url)
        assert _hub_events(url2) == _hub_events(f"sqlite:///{tmp_path / 'hub1.sqlite3'}")
        assert_converged([a, b])
    finally:
        second.stop()


def test_a_hub_restored_from_an_old_backup_is_filled_again(tmp_path, desks, hub_clock):
    a, b, _ = desks
    url = f"sqlite:///{tmp_path / 'hub.sqlite3'}"
    hub = HubThread(url, clock=hub_clock)
    try:
        register(hub, [a, b])
        a.intake("Vũ Văn Trước")
        sync_all(hub.url, [a, b])
    finally:
        hub.stop()
    shutil.copyfile(tmp_path / "hub.sqlite3", tmp_path / "backup.sqlite3")
    hub = HubThread(url, clock=hub_clock)
    try:
        for i in range(4):
            a.intake(f"Vũ Văn Sau {i}")
        sync_all(hub.url, [a, b])
        full = _hub_events(url)
    finally:
        hub.stop()
    shutil.copyfile(tmp_path / "backup.sqlite3", tmp_path / "hub.sqlite3")  # the disk died
    hub = HubThread(url, clock=hub_clock)
    try:
        assert _hub_events(url) < full
        b.intake("Lê Thị Mới")  # something new on the restored hub first
        b.sync(hub.url)
        a.sync(hub.url)
        assert {"hub_went_back", "hub_lost_ours"} <= set(a.engines[-1].status().warnings)
        sync_all(hub.url, [a, b])
        assert _hub_events(url) == full + 1
        assert_converged([a, b], hub_seq=False)
    finally:
        hub.stop()


def test_a_desk_rebuilt_on_a_new_pc_from_the_hub(tmp_path, desks, hub_clock):
    """The counter PC died: a new installation with the same desk number, re-bound on the hub,
    pulls every dossier back and goes on numbering codes and the ledger without a clash."""
    from tests.sync.helpers import make_desk

    a = desks[0]
    hub = HubThread(f"sqlite:///{tmp_path / 'hub.sqlite3'}", clock=hub_clock)
    try:
        register(hub, [a])
        old = [a.intake(f"Bùi Văn {i}").dossier for i in range(3)]
        a.sync(hub.url)
        (tmp_path / "newpc").mkdir()
        new = make_desk(tmp_path / "newpc", 1, a.clock)
        try:
            new.token = hub.store.rotate_token("Quầy 1", unbind=True)
            new.sync(hub.url)
            assert [
                new.services.dossiers.find_by_code(d.code).dossier.applicant_name for d in old
            ] == [d.applicant_name for d in old]
            fresh = new.intake("Bùi Thị Mới").dossier
            assert fresh.code not in {d.code for d in old}
            assert fresh.ledger_number == max(d.ledger_number for d in old) + 1
            assert new.sync(hub.url).accepted == 1
            assert hub.store.event_count() == 4
        finally:
            new.close()
    finally:
        hub.stop()
