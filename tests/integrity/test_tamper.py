"""Tamper tests on real SQLite files through the real command line: every edited or deleted row
on a desk or on the hub is found by `verify` / `hub verify` (exit 3) and named; an intact
office exits 0; bad input exits 2."""

from __future__ import annotations

import json

from tests.integrity.conftest import hub_body_edit, one, run_cli, sql


def verify(db):
    return run_cli("verify", "--json", db=db)


def hub_verify(store):
    return run_cli("hub", "verify", "--store", str(store), "--json")


def kinds(result) -> dict[str, list[dict]]:
    out: dict[str, list[dict]] = {}
    for b in json.loads(result.stdout)["breaks"]:
        out.setdefault(b["kind"], []).append(b)
    return out


def test_an_intact_office_verifies_clean(office):
    for name in ("desk1", "desk2"):
        r = verify(office[name])
        assert r.returncode == 0, r.stdout + r.stderr
        report = json.loads(r.stdout)
        assert report["ok"] and report["break_count"] == 0
        assert report["nodes"] == 2 and report["dossiers"] == 8 and report["events"] > 20
        assert "events checked" in r.stderr  # progress on stderr
    r = hub_verify(office["hub"])
    assert r.returncode == 0, r.stdout + r.stderr
    assert json.loads(r.stdout)["nodes"] == 2
    r = run_cli("verify", db=office["desk1"])
    assert r.returncode == 0 and "intact" in r.stdout


def test_an_edited_event_payload_on_a_desk_is_named(office):
    db = office["desk1"]
    ev_id, payload, node, seq = one(
        db,
        "SELECT uuid_text(id), payload_text(payload), uuid_text(node_id), seq FROM events "
        "WHERE type = 'received' ORDER BY seq LIMIT 1",
    )
    sql(
        db,
        "UPDATE events SET payload = ? WHERE id = uuid_blob(?)",
        (payload.replace("Nguyễn Văn Số 10", "Nguyễn Văn Khác"), ev_id),
    )
    r = verify(db)
    assert r.returncode == 3, r.stdout + r.stderr
    found = kinds(r)
    assert [(b["event_id"], b["node_id"], b["seq"]) for b in found["altered"]] == [
        (ev_id, node, seq)
    ]
    code = found["altered"][0]["code"]
    assert code.endswith("-0001")
    # the projection was made from the true content: it no longer agrees with the events
    assert [b["code"] for b in found["projection"]] == [code]
    text = run_cli("verify", db=db)
    assert text.returncode == 3 and ev_id in text.stdout and "BROKEN" in text.stdout
    assert "do not restore" in text.stderr


def test_a_pulled_event_altered_on_a_desk_is_named_with_its_node(office):
    """Desk 2 holds desk 1's events (pulled from the hub): an edit of one is found there."""
    db = office["desk2"]
    own = one(db, "SELECT node_id FROM desk")[0]
    ev_id, node = one(
        db,
        "SELECT uuid_text(id), uuid_text(node_id) FROM events WHERE node_id <> uuid_blob(?) "
        "AND type = 'handed_off' LIMIT 1",
        (own,),
    )
    sql(db, "UPDATE events SET officer = 'Người khác' WHERE id = uuid_blob(?)", (ev_id,))
    r = verify(db)
    assert r.returncode == 3
    assert [(b["event_id"], b["node_id"]) for b in kinds(r)["altered"]] == [(ev_id, node)]


def test_a_deleted_event_row_on_a_desk_is_found(office):
    db = office["desk1"]
    node = one(db, "SELECT node_id FROM desk")[0]
    ev_id, dossier_id, seq = one(
        db,
        "SELECT uuid_text(id), dossier_id, seq FROM events WHERE node_id = uuid_blob(?) "
        "AND type = 'handed_off' ORDER BY seq LIMIT 1",
        (node,),
    )
    after = one(
        db,
        "SELECT uuid_text(id) FROM events WHERE node_id = uuid_blob(?) AND seq = ?",
        (node, seq + 1),
    )[0]
    code = one(db, "SELECT code FROM dossiers WHERE id = ?", (dossier_id,))[0]
    sql(db, "DELETE FROM events WHERE id = uuid_blob(?)", (ev_id,))
    r = verify(db)
    assert r.returncode == 3
    found = kinds(r)
    assert [(b["seq"], b["event_id"], b["node_id"]) for b in found["missing"]] == [
        (seq, after, node)
    ]
    assert f"seq {seq} of node {node}" in found["missing"][0]["detail"]
    assert code in [b["code"] for b in found["projection"]]  # the dossier that lost it


def test_the_desks_newest_event_deleted_is_found(office):
    db = office["desk1"]
    node, last_seq = one(db, "SELECT node_id, last_seq FROM desk")
    sql(db, "DELETE FROM events WHERE node_id = uuid_blob(?) AND seq = ?", (node, last_seq))
    r = verify(db)
    assert r.returncode == 3
    found = kinds(r)
    assert (
        found["head"][0]["node_id"] == node
        and "seq " + str(last_seq) in (found["head"][0]["detail"])
    )


def test_an_edited_or_deleted_projection_row_is_named(office):
    db = office["desk1"]
    code, dossier_id = one(db, "SELECT code, id FROM dossiers WHERE status = 'in_process' LIMIT 1")
    sql(db, "UPDATE dossiers SET status = 'returned', location = '' WHERE code = ?", (code,))
    r = verify(db)
    assert r.returncode == 3
    found = kinds(r)
    assert [(b["kind"], b["code"], b["dossier_id"]) for b in found["projection"]] == [
        ("projection", code, dossier_id)
    ]
    assert "status is 'returned'" in found["projection"][0]["detail"]
    assert set(found) == {"projection"}
    other = one(db, "SELECT code, id FROM dossiers WHERE code <> ? LIMIT 1", (code,))
    sql(db, "DELETE FROM dossiers WHERE code = ?", (other[0],))
    found = kinds(verify(db))
    assert [(b["code"], b["dossier_id"]) for b in found["projection_missing"]] == [other]


def test_a_projection_without_events_is_named(office):
    db = office["desk1"]
    code, dossier_id = one(db, "SELECT code, id FROM dossiers LIMIT 1")
    sql(db, "DELETE FROM events WHERE dossier_id = ?", (dossier_id,))
    r = verify(db)
    assert r.returncode == 3
    found = kinds(r)
    assert [b["code"] for b in found["projection_orphan"]] == [code]
    assert found["missing"] or found["head"]


def test_hub_body_edited_with_its_hash_left_is_named(office):
    store = office["hub"]
    ev_id, node, seq = one(
        store,
        "SELECT id, node_id, seq FROM hub_events WHERE type = 'received' ORDER BY hub_seq LIMIT 1",
    )
    hub_body_edit(
        store, ev_id, lambda b: b["payload"]["applicant"].update(name="Kẻ Giả"), rehash=False
    )
    r = hub_verify(store)
    assert r.returncode == 3, r.stdout + r.stderr
    assert [(b["event_id"], b["node_id"], b["seq"]) for b in kinds(r)["altered"]] == [
        (ev_id, node, seq)
    ]
    text = run_cli("hub", "verify", "--store", str(store))
    assert text.returncode == 3 and ev_id in text.stdout


def test_hub_body_edited_with_its_hash_recomputed_breaks_the_next_link(office):
    store = office["hub"]
    ev_id, node, seq = one(
        store,
        "SELECT id, node_id, seq FROM hub_events WHERE type = 'received' ORDER BY hub_seq LIMIT 1",
    )
    nxt = one(store, "SELECT id FROM hub_events WHERE node_id = ? AND seq = ?", (node, seq + 1))[0]
    hub_body_edit(
        store, ev_id, lambda b: b["payload"]["applicant"].update(name="Kẻ Giả"), rehash=True
    )
    r = hub_verify(store)
    assert r.returncode == 3
    found = kinds(r)
    assert set(found) == {"broken_link"}  # its own hash is consistent now
    (brk,) = found["broken_link"]
    assert (brk["event_id"], brk["seq"]) == (nxt, seq + 1) and ev_id in brk["detail"]


def test_hub_column_edited_alone_is_named(office):
    store = office["hub"]
    ev_id = one(store, "SELECT id FROM hub_events ORDER BY hub_seq LIMIT 1 OFFSET 3")[0]
    sql(
        store,
        "UPDATE hub_events SET dossier_id = ? WHERE id = ?",
        ("00000000-0000-7000-8000-000000000000", ev_id),
    )
    r = hub_verify(store)
    assert r.returncode == 3
    assert [b["event_id"] for b in kinds(r)["body_mismatch"]] == [ev_id]


def test_hub_deleted_row_is_found(office):
    store = office["hub"]
    ev_id, node, seq = one(
        store, "SELECT id, node_id, seq FROM hub_events WHERE seq = 3 ORDER BY node_id LIMIT 1"
    )
    after = one(store, "SELECT id FROM hub_events WHERE node_id = ? AND seq = 4", (node,))[0]
    sql(store, "DELETE FROM hub_events WHERE id = ?", (ev_id,))
    r = hub_verify(store)
    assert r.returncode == 3
    assert [(b["seq"], b["event_id"], b["node_id"]) for b in kinds(r)["missing"]] == [
        (3, after, node)
    ]


def test_bad_input_exits_2(tmp_path, office):
    missing = tmp_path / "nope.sqlite3"
    r = run_cli("verify", db=missing)
    assert r.returncode == 2 and r.stderr.count("\n") == 1 and not missing.exists()
    r = run_cli("hub", "verify", "--store", str(missing))
    assert r.returncode == 2 and "no hub store" in r.stderr and not missing.exists()
    r = run_cli("hub", "verify", "--store", str(office["desk1"]))  # a desk, not a hub
    assert r.returncode == 2, r.stderr
    junk = tmp_path / "junk.sqlite3"
    junk.write_bytes(b"not a database at all" * 100)
    assert run_cli("verify", db=junk).returncode == 2
    assert run_cli("verify", "--every", "0", db=office["desk1"]).returncode == 2
    for jobs in ("0", "65", "x"):
        r = run_cli("verify", "--jobs", jobs, db=office["desk1"])
        assert r.returncode == 2 and r.stderr.count("\n") == 1, (jobs, r.stderr)
    r = run_cli("verify", "--jobs", "2", "--json", db=office["desk1"])
    assert r.returncode == 0 and json.loads(r.stdout)["ok"]
