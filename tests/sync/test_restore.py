"""Restoring a desk from its own older backup, the way the README says (motcua-desk restore),
on a real hub on 127.0.0.1: no code is reissued, the dossiers made after the backup come back
from the hub, the desk's new events are accepted, the office converges."""

from __future__ import annotations

import shutil
import sqlite3

import pytest

from motcua_desk.app import open_services
from motcua_desk.cli import main as cli_main
from motcua_desk.domain.errors import RestorePending
from tests.sync.helpers import Desk, HubThread, assert_converged, make_desk, register


def _reopen(old: Desk) -> Desk:
    return Desk(
        open_services(old.path, clock=old.clock), old.clock, old.desk_no, old.path, old.token
    )


def _restore(path, backup, *extra) -> int:
    return cli_main(["--db", str(path), "restore", str(backup), *extra])


def _office(tmp_path, hub_clock):
    hub = HubThread(f"sqlite:///{tmp_path / 'hub.sqlite3'}", clock=hub_clock)
    a = make_desk(tmp_path, 1, hub_clock)
    b = make_desk(tmp_path, 2, hub_clock)
    register(hub, [a, b])
    return hub, a, b


def test_restore_takes_back_the_desks_later_dossiers_and_never_reissues_a_code(
    tmp_path, hub_clock, capsys
):
    hub, a, b = _office(tmp_path, hub_clock)
    try:
        early = [a.intake(f"Trần Văn Trước {i}").dossier for i in range(2)]
        a.sync(hub.url)
        backup = a.services.maintenance.backup(tmp_path / "a-backup.sqlite3")
        later = [a.intake(f"Trần Thị Sau {i}").dossier for i in range(3)]
        depts = [x.name for x in a.services.catalog.departments()]
        a.services.dossiers.handoff(
            [later[0].code], depts[0], receiver="Lý Văn Bình", redirect=True
        )
        a.sync(hub.url)
        b.sync(hub.url)
        printed = {d.code for d in early + later}
        ledger = {d.ledger_number for d in early + later}
        a.close()

        assert _restore(a.path, backup) == 0
        out = capsys.readouterr().out
        assert "kept as" in out and "sync with the hub" in out
        kept = list(tmp_path.glob("desk1.sqlite3.before-restore-*"))
        assert [p.name for p in kept if not p.name.endswith(("-wal", "-shm"))]
        assert (
            not (tmp_path / "desk1.sqlite3-wal").exists()
            or (tmp_path / "desk1.sqlite3-wal").stat().st_size == 0
        )

        a = _reopen(a)
        # nothing is recorded before the hub has given back what this desk made
        with pytest.raises(RestorePending):
            a.intake("Ngô Văn Chờ")
        assert (
            cli_main(
                [
                    "--db",
                    str(a.path),
                    "intake",
                    "--procedure",
                    "1.004873",
                    "--applicant",
                    "Ngô Văn Chờ",
                ]
            )
            == 2
        )
        assert "restored from a backup" in capsys.readouterr().err

        report = a.sync(hub.url)
        assert "took_back_own" in a.engines[-1].status().warnings
        for d in later:
            back = a.services.dossiers.find_by_code(d.code).dossier
            assert back.applicant_name == d.applicant_name
        assert a.services.dossiers.find_by_code(later[0].code).dossier.location == depts[0]

        fresh = a.intake("Ngô Văn Mới").dossier
        assert fresh.code not in printed
        assert fresh.ledger_number == max(ledger) + 1
        report = a.sync(hub.url)
        assert report.rejected == 0 and report.accepted == 1
        assert a.repl.counts().unsent == 0 and a.repl.rejected() == {}
        b.sync(hub.url)
        a.sync(hub.url)
        assert_converged([a, b])
    finally:
        a.close()
        b.close()
        hub.stop()


def test_offline_confirmed_restore_moves_new_events_after_the_hubs(tmp_path, hub_clock, capsys):
    """No hub at hand: the officer confirms and works on. The codes still continue after the
    replaced database's; the events made meanwhile, which took sequence numbers the hub holds,
    are moved after the hub's at the next sync and accepted (no seq_conflict for ever)."""
    hub, a, b = _office(tmp_path, hub_clock)
    try:
        a.intake("Đào Văn Một")
        a.sync(hub.url)
        backup = a.services.maintenance.backup(tmp_path / "a-backup.sqlite3")
        later = [a.intake(f"Đào Thị Sau {i}").dossier for i in range(2)]
        a.sync(hub.url)
        a.close()
        assert _restore(a.path, backup) == 0
        assert cli_main(["--db", str(a.path), "restore", "--confirm-offline"]) == 0
        assert "confirmed" in capsys.readouterr().out
        a = _reopen(a)
        offline = [a.intake(f"Đào Văn Mất Mạng {i}").dossier for i in range(3)]
        assert not {d.code for d in offline} & {d.code for d in later}
        report = a.sync(hub.url)
        assert report.rejected == 0
        assert "took_back_own" in a.engines[-1].status().warnings
        assert a.repl.counts().unsent == 0
        for d in later + offline:
            assert (
                a.services.dossiers.find_by_code(d.code).dossier.applicant_name == d.applicant_name
            )
        b.sync(hub.url)
        a.sync(hub.url)
        assert_converged([a, b])
        assert hub.store.event_count() == 6
    finally:
        a.close()
        b.close()
        hub.stop()


def test_restore_refuses_what_is_not_this_desks_backup(tmp_path, hub_clock, capsys):
    a = make_desk(tmp_path, 1, hub_clock)
    b = make_desk(tmp_path, 2, hub_clock)
    try:
        a.intake("Lý Văn Có")
        other = b.services.maintenance.backup(tmp_path / "b-backup.sqlite3")
        mine = a.services.maintenance.backup(tmp_path / "a-backup.sqlite3")
        junk = tmp_path / "junk.sqlite3"
        junk.write_bytes(b"not a database at all" * 50)
        plain = tmp_path / "plain.sqlite3"
        sqlite3.connect(plain).execute("CREATE TABLE t (x)").connection.close()
        # the window (here: open services) holds the database
        assert _restore(a.path, mine) == 2
        assert "in use" in capsys.readouterr().err
        a.close()
        before = a.path.read_bytes()
        cases = {
            junk: "not a database",
            plain: "not a motcua-desk database",
            tmp_path / "missing.sqlite3": "no such file",
            other: "another desk installation",
        }
        for src, why in cases.items():
            assert _restore(a.path, src) == 2, src
            assert why in capsys.readouterr().err, src
        assert a.path.read_bytes() == before  # nothing changed
        # the database itself is not its own backup
        assert _restore(a.path, a.path) == 2
        assert "itself" in capsys.readouterr().err
        # a damaged backup
        broken = tmp_path / "broken.sqlite3"
        shutil.copyfile(mine, broken)
        with open(broken, "r+b") as fh:  # cut short, as a copy to a full USB stick is
            fh.truncate(broken.stat().st_size // 2)
        assert _restore(a.path, broken) == 2
        assert capsys.readouterr().err
        assert a.path.read_bytes() == before
        assert not list(tmp_path.glob(".*partial*"))
    finally:
        a.close()
        b.close()
