"""Issue 14, the files of digitised papers over the LAN: a desk's scan reaches the hub and the
other desks, in chunks that resume after a dropped connection or a SIGKILLed hub; an event
never waits for its file and a missing or corrupt file is a warning that says what to do,
never a stalled sync. Real hub (uvicorn on 127.0.0.1, SQLite and PostgreSQL stores), real
desks on SQLite files, real PDFs."""

from __future__ import annotations

import hashlib
import os

import httpx
import pytest

from motcua_desk.services.digitisation import DigitisationService
from motcua_desk.store.blobs import BlobStore
from motcua_desk.sync import file_transfer
from motcua_desk.sync.client import HubUnavailable
from motcua_desk.sync.hub import default_files_dir
from motcua_desk.sync.hubstore import HubStore
from tests.services.test_digitisation import pdf_of
from tests.sync.helpers import HubProcess, register
from tests.sync.test_failures import Hooked


def scanned(desk, tmp_path, pages=2, name="s.pdf"):
    """A dossier on `desk` with its first paper scanned; (code, sha256, the PDF's bytes)."""
    code = desk.intake(id_number="001099012345").dossier.code
    data = pdf_of([(300, True)] * pages)
    path = tmp_path / name
    path.write_bytes(data)
    paper = DigitisationService.from_services(desk.services).attach(code, 0, [path]).paper
    return code, paper.files[0].sha256, data


def hub_files(store) -> BlobStore:
    return BlobStore(default_files_dir(store))


def desk_files(desk) -> DigitisationService:
    return DigitisationService.from_services(desk.services)


def test_a_scan_goes_desk_to_hub_to_desk(hub, desks, tmp_path):
    register(hub, desks[:2])
    a, b = desks[:2]
    code, sha, data = scanned(a, tmp_path)
    report = a.sync(hub.url)
    assert report.files_sent == 1
    assert hub_files(hub.store).read(sha) == data
    got = b.sync(hub.url)
    assert got.files_fetched == 1
    assert desk_files(b).file_path(sha).read_bytes() == data
    assert desk_files(b).verify_files() == []
    assert [p.state for p in desk_files(b).papers(code)][:1] == ["scanned"]
    again_a, again_b = a.sync(hub.url), b.sync(hub.url)
    assert (again_a.files_sent, again_b.files_fetched) == (0, 0)  # nothing moves twice


def test_a_file_gone_from_the_folder_comes_back_from_the_hub(hub, desks, tmp_path):
    """`verify` says "sync: the hub may hold it": the next sync (a new engine, as a new
    `sync --once` or window is) fetches every file the log names that the folder has lost,
    the desk's own as well as another desk's."""
    register(hub, desks[:2])
    a, b = desks[:2]
    own_code, own_sha, own_data = scanned(a, tmp_path, name="own.pdf")
    a.sync(hub.url)
    code, sha, data = scanned(b, tmp_path, pages=3, name="other.pdf")
    b.sync(hub.url)
    assert a.sync(hub.url).files_fetched == 1
    for s in (own_sha, sha):
        os.remove(desk_files(a).file_path(s))
    assert {p.sha256 for p in desk_files(a).verify_files()} == {own_sha, sha}
    assert a.sync(hub.url).files_fetched == 2
    assert desk_files(a).file_path(own_sha).read_bytes() == own_data
    assert desk_files(a).file_path(sha).read_bytes() == data
    assert desk_files(a).verify_files() == []
    assert a.sync(hub.url).files_fetched == 0  # nothing fetched twice


def test_the_event_never_waits_for_its_file(hub, desks, tmp_path):
    """The desk's files phase fails (the hub goes away after the events): the events are on
    the hub, the other desk takes them and says the file is not on the hub yet; the next round
    brings it."""
    register(hub, desks[:2])
    a, b = desks[:2]
    code, sha, data = scanned(a, tmp_path)

    def no_files(request, send):
        if request.url.path.startswith("/v1/files"):
            raise httpx.ConnectError("the LAN went away", request=request)
        return send(request)

    engine = a.engine(hub.url, transport=Hooked(no_files))
    engine.run_once()  # the round counts: events synced
    assert "file_waiting" in engine.status().warnings
    assert not hub_files(hub.store).has(sha)
    eng_b = b.engine(hub.url)
    eng_b.run_once()
    assert b.services.dossiers.show(code).dossier.code == code  # the event is here
    assert "file_waiting" in eng_b.status().warnings  # the file is not, and it says so
    assert a.sync(hub.url).files_sent == 1
    eng_b.run_once()
    assert eng_b.status().warnings == () and desk_files(b).file_path(sha).read_bytes() == data


def test_a_dropped_connection_after_the_hub_kept_a_chunk_resumes(hub, desks, tmp_path, monkeypatch):
    monkeypatch.setattr(file_transfer, "CHUNK_BYTES", 4096)
    register(hub, desks[:1])
    [a] = desks[:1]
    _code, sha, data = scanned(a, tmp_path, pages=6)
    assert len(data) > 4 * 4096
    puts: list[int] = []

    def drop_third_answer(request, send):
        response = send(request)
        if request.method == "PUT":
            puts.append(len(request.content))
            if len(puts) == 3:  # the hub has written it; the desk never hears so
                raise httpx.ReadError("connection reset", request=request)
        return response

    engine = a.engine(hub.url, transport=Hooked(drop_third_answer))
    engine.run_once()
    assert not hub_files(hub.store).has(sha)
    report = a.sync(hub.url)
    assert report.files_sent == 1 and hub_files(hub.store).read(sha) == data
    # resumed where the hub was: no chunk was sent twice
    assert sum(puts) <= len(data)


def test_the_hub_killed_mid_transfer(hub_store_url, desks, tmp_path, monkeypatch):
    """A real hub process SIGKILLed while a file comes in chunks: restarted on the same store
    and folder, the desk resumes from what the hub kept, and the file is whole and right."""
    monkeypatch.setattr(file_transfer, "CHUNK_BYTES", 4096)
    a = desks[0]
    monkeypatch.setenv("MOTCUA_HOME", str(tmp_path))  # the hub process's home (PostgreSQL files)
    store = HubStore(hub_store_url)
    register(type("H", (), {"store": store})(), [a])
    files = hub_files(store)
    store.close()
    _code, sha, data = scanned(a, tmp_path, pages=6)
    hub = HubProcess(hub_store_url, tmp_path)
    puts = []

    def kill_at_third_chunk(request, send):
        if request.method == "PUT":
            puts.append(request)
            if len(puts) == 3:
                hub.kill()
        return send(request)

    try:
        with pytest.raises(HubUnavailable):
            for _ in range(5):
                a.engine(hub.url, transport=Hooked(kill_at_third_chunk)).run_once()
    finally:
        hub.kill()
    assert not files.has(sha)
    hub = HubProcess(hub_store_url, tmp_path)
    try:
        assert a.sync(hub.url).files_sent == 1
    finally:
        hub.stop()
    assert files.read(sha) == data
    assert not list((files.root / "partial").glob("*"))


def test_a_corrupt_or_missing_file_here_is_a_warning_not_a_stall(hub, desks, tmp_path):
    register(hub, desks[:2])
    a, b = desks[:2]
    code, sha, _data = scanned(a, tmp_path)
    path = desk_files(a).blobs.path(sha)
    path.write_bytes(b"not the scan any more")
    engine = a.engine(hub.url)
    report = engine.run_once()
    assert report.accepted >= 2 and report.files_sent == 0  # events went, the file did not
    assert "file_missing" in engine.status().warnings
    assert not hub_files(hub.store).has(sha)  # the hub never keeps a corrupt file
    assert b.sync(hub.url).pulled >= 2
    os.remove(path)
    engine.run_once()
    assert "file_missing" in engine.status().warnings


def test_a_file_corrupt_on_the_hub_is_not_kept_by_the_desk(hub, desks, tmp_path):
    register(hub, desks[:2])
    a, b = desks[:2]
    _code, sha, data = scanned(a, tmp_path)
    a.sync(hub.url)
    hub_files(hub.store).path(sha).write_bytes(data[:-5] + b"xxxxx")
    eng = b.engine(hub.url)
    eng.run_once()
    assert not desk_files(b).blobs.has(sha)
    assert not list((desk_files(b).blobs.root / "partial").glob("*"))


# --- the hub's border ------------------------------------------------------------------------


def _client(hub, token):
    return httpx.Client(base_url=hub.url, headers={"Authorization": f"Bearer {token}"})


def test_the_hub_refuses_bad_file_requests(hub, desks):
    register(hub, desks[:1])
    token = desks[0].token
    good = b"%PDF-1.4 a small file"
    sha = hashlib.sha256(good).hexdigest()
    octet = {"Content-Type": "application/octet-stream"}
    with _client(hub, token) as c, _client(hub, "wrong") as stranger:
        assert stranger.post("/v1/files/wanted", json={"sha256": [sha]}).status_code == 401
        assert stranger.get(f"/v1/files/{sha}").status_code == 401
        assert c.post("/v1/files/wanted", json={"sha256": ["x" * 64]}).status_code == 400
        assert c.post("/v1/files/wanted", json={"sha256": [sha] * 1001}).status_code == 400
        assert c.post("/v1/files/wanted", json=[sha]).status_code == 400
        assert c.get("/v1/files/../../etc/passwd").status_code in (400, 404)
        assert c.get(f"/v1/files/{sha}").status_code == 404
        r = c.put(f"/v1/files/{'A' * 64}", params={"offset": 0, "size": 5}, content=b"x")
        assert r.status_code == 400
        r = c.put(f"/v1/files/{sha}", params={"offset": 0, "size": len(good)}, content=good)
        assert r.status_code == 415  # not octet-stream
        r = c.put(
            f"/v1/files/{sha}",
            params={"offset": 5, "size": len(good)},
            content=good[5:],
            headers=octet,
        )
        assert r.status_code == 409 and r.json()["error"] == "offset_mismatch"
        r = c.put(f"/v1/files/{sha}", params={"offset": 0, "size": 3}, content=good, headers=octet)
        assert r.status_code == 413  # past its declared size
        bad = good[:-1] + b"!"
        r = c.put(
            f"/v1/files/{sha}", params={"offset": 0, "size": len(bad)}, content=bad, headers=octet
        )
        assert r.status_code == 422 and r.json()["error"] == "corrupt"
        assert c.post("/v1/files/wanted", json={"sha256": [sha]}).json()["offsets"] == {}
        r = c.put(
            f"/v1/files/{sha}",
            params={"offset": 0, "size": len(good)},
            content=good[:6],
            headers=octet,
        )
        assert r.json() == {**r.json(), "complete": False, "offset": 6}
        assert c.post("/v1/files/wanted", json={"sha256": [sha]}).json()["offsets"] == {sha: 6}
        r = c.put(
            f"/v1/files/{sha}",
            params={"offset": 6, "size": len(good)},
            content=good[6:],
            headers=octet,
        )
        assert r.json()["complete"] is True
        assert c.get(f"/v1/files/{sha}").content == good
        assert c.get(f"/v1/files/{sha}", headers={"Range": "bytes=6-"}).content == good[6:]
        assert c.post("/v1/files/wanted", json={"sha256": [sha]}).json()["wanted"] == []


def test_hub_verify_hashes_the_hubs_files(hub, desks, tmp_path):
    from motcua_desk.sync.hubverify import verify_hub

    register(hub, desks[:1])
    [a] = desks[:1]
    _code, sha, data = scanned(a, tmp_path)
    a.sync(hub.url)
    folder = default_files_dir(hub.store)
    intact = verify_hub(hub.store, files=folder)
    assert intact.break_count == 0 and intact.files == 1  # counted, as the desk's verify does
    hub_files(hub.store).path(sha).write_bytes(data[:-3] + b"xyz")
    report = verify_hub(hub.store, files=folder)
    assert [b.kind for b in report.breaks] == ["file_corrupt"] and sha in report.breaks[0].detail
