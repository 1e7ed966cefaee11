"""The start-up check (IntegrityService.startup_step): bounded steps, a checkpoint that moves
only over intact events, and what it finds without a full pass."""

from __future__ import annotations

import shutil

from motcua_desk.app import open_services
from motcua_desk.services.integrity import CHECKPOINT, LAST, IntegrityService
from motcua_desk.store import repo
from tests.integrity.conftest import one, sql


def _run_all(integrity, max_events=5):
    steps = [integrity.startup_step(max_events=max_events)]
    while not steps[-1].done:
        steps.append(integrity.startup_step(max_events=max_events, first=False))
    return steps


def _open(path):
    svc = open_services(path, create=False)
    return svc, IntegrityService.from_services(svc)


def test_steps_cover_every_chain_and_store_a_checkpoint(office):
    svc, integrity = _open(office["desk2"])
    try:
        assert integrity.checkpoint() == {}
        steps = _run_all(integrity)
        assert len(steps) > 2 and all(s.report.ok for s in steps)
        assert all(s.report.events <= 5 for s in steps)
        heads = dict(
            one_rows(
                office["desk2"], "SELECT uuid_text(node_id), max(seq) FROM events GROUP BY node_id"
            )
        )
        cp = integrity.checkpoint()
        assert {n: s for n, (s, _h) in cp.items()} == heads
        with svc._store.read() as session:
            assert repo.get_setting(session, LAST)["ok"] is True
        # nothing new: one step, nothing to check but the whole-database counts
        again = integrity.startup_step()
        assert again.done and again.report.ok and again.report.events == 0
        # a new event: only it (and its dossier) is checked
        code = one(office["desk2"], "SELECT code FROM dossiers LIMIT 1")[0]
        svc.dossiers.note(code, "sau kiểm tra")
        step = integrity.startup_step()
        assert step.done and step.report.ok and step.report.events == 1
        assert step.report.dossiers == 1
    finally:
        svc.close()


def one_rows(path, query):
    from tests.helpers import raw_db

    conn = raw_db(path)
    try:
        return conn.execute(query).fetchall()
    finally:
        conn.close()


def test_an_edit_after_the_checkpoint_and_a_deletion_anywhere_are_found(office, tmp_path):
    svc, integrity = _open(office["desk1"])
    try:
        _run_all(integrity, max_events=1000)
        code = one(office["desk1"], "SELECT code FROM dossiers LIMIT 1")[0]
        svc.dossiers.note(code, "mới")
        new_id = one(
            office["desk1"], "SELECT uuid_text(id) FROM events ORDER BY rowid DESC LIMIT 1"
        )[0]
        before = integrity.checkpoint()
        shutil.copyfile(office["desk1"], tmp_path / "pristine.sqlite3")
        sql(
            office["desk1"],
            'UPDATE events SET payload = \'{"text":"khác"}\' WHERE id = uuid_blob(?)',
            (new_id,),
        )
        step = integrity.startup_step()
        assert step.done and not step.report.ok
        assert [b.event_id for b in step.report.breaks if b.kind == "altered"] == [new_id]
        assert integrity.checkpoint() == before  # not moved over a break
        with svc._store.read() as session:
            last = repo.get_setting(session, LAST)
        assert last["ok"] is False and last["break_count"] >= 1
    finally:
        svc.close()
    # an old row deleted (long before the checkpoint) is found by the counts
    path = tmp_path / "pristine.sqlite3"
    svc, integrity = _open(path)
    try:
        assert integrity.startup_step().report.ok
        node = one(path, "SELECT node_id FROM desk")[0]
        sql(path, "DELETE FROM events WHERE node_id = uuid_blob(?) AND seq = 2", (node,))
        step = integrity.startup_step()
        assert not step.report.ok
        assert [(b.kind, b.seq) for b in step.report.breaks if b.kind == "missing"] == [
            ("missing", 2)
        ]
    finally:
        svc.close()


def test_the_checkpoint_event_replaced_is_found(office):
    path = office["desk2"]
    svc, integrity = _open(path)
    try:
        _run_all(integrity, max_events=1000)
        node, (seq, _h) = next(iter(integrity.checkpoint().items()))
        sql(
            path,
            "UPDATE events SET hash = hash_blob(?) WHERE node_id = uuid_blob(?) AND seq = ?",
            ("f" * 64, node, seq),
        )
        step = integrity.startup_step()
        assert not step.report.ok
        assert ("checkpoint", node, seq) in [(b.kind, b.node_id, b.seq) for b in step.report.breaks]
        with svc._store.read() as session:
            assert repo.get_setting(session, CHECKPOINT)["nodes"][node][0] == seq
    finally:
        svc.close()
