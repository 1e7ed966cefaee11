"""HTTPS with the office's own certificate from saved settings (`sync --save --cafile`), and
the desk's hub token at rest: never in the desk database (keyring or a private file). A real
TLS hub on 127.0.0.1 with a certificate made in the test."""

from __future__ import annotations

import stat
import sys
from dataclasses import dataclass
from pathlib import Path

import keyring
import pytest
from keyring.backend import KeyringBackend

from motcua_desk.app import open_services
from motcua_desk.services import token_vault
from motcua_desk.store import repo
from motcua_desk.sync.client import SyncEngine
from tests.helpers import FakeClock
from tests.sync.helpers import HubThread, make_desk, register
from tests.sync.tls import self_signed


@dataclass
class Ran:
    returncode: int
    stdout: str
    stderr: str


@pytest.fixture
def run(capsys):
    from motcua_desk.cli import main

    def run_(*args: str, db: Path) -> Ran:
        code = main(["--db", str(db), *args])
        out = capsys.readouterr()
        return Ran(code, out.out, out.err)

    return run_


def db_bytes(path: Path) -> bytes:
    """The database file and its -wal / -shm companions, as a thief copying them would get."""
    return b"".join(
        Path(f"{path}{suffix}").read_bytes()
        for suffix in ("", "-wal", "-shm")
        if Path(f"{path}{suffix}").exists()
    )


def one_line(err: str) -> str:
    lines = [line for line in err.splitlines() if line.strip()]
    assert len(lines) == 1, err
    return lines[0]


@pytest.fixture
def tls_office(tmp_path, hub_clock):
    cert, key = self_signed(tmp_path)
    hub = HubThread(
        f"sqlite:///{tmp_path / 'hub.sqlite3'}",
        clock=hub_clock,
        certfile=str(cert),
        keyfile=str(key),
    )
    desk = make_desk(tmp_path, 1, FakeClock(hub_clock()))
    register(hub, [desk])
    desk.intake()
    desk.close()  # the command line opens the file itself
    yield hub, desk, cert
    hub.stop()


def test_sync_save_keeps_the_cafile_and_saved_sync_uses_it(tls_office, run):
    hub, desk, cert = tls_office
    assert hub.url.startswith("https://127.0.0.1:")
    r = run("sync", "--hub", hub.url, "--token", desk.token, "--once", db=desk.path)
    assert r.returncode == 2 and "CERTIFICATE_VERIFY_FAILED" in one_line(r.stderr)

    r = run(
        "sync",
        "--hub",
        hub.url,
        "--token",
        desk.token,
        "--cafile",
        str(cert),
        "--save",
        "--once",
        db=desk.path,
    )
    assert r.returncode == 0, r.stderr
    assert "sent 1 event(s) (1 new" in r.stdout and hub.store.event_count() == 1

    # Later syncs (and the window) take the address, the token and the CA file as saved.
    svc = open_services(desk.path)
    try:
        saved = svc.replication.hub_settings()
        desk.services = svc
        svc.dossiers.intake(_request())
    finally:
        svc.close()
    assert (saved.url, saved.token, saved.cafile) == (hub.url, desk.token, str(cert.resolve()))
    r = run("sync", "--once", db=desk.path)
    assert r.returncode == 0, r.stderr
    assert "sent 1 event(s) (1 new" in r.stdout and hub.store.event_count() == 2

    # The token is nowhere in the database's bytes; it sits in a file only this user reads.
    assert desk.token.encode() not in db_bytes(desk.path)
    node = _node_id(desk.path)
    kept = token_vault.token_file(node)
    assert kept.read_text("utf-8") == desk.token
    if sys.platform != "win32":
        assert stat.S_IMODE(kept.stat().st_mode) == 0o600
        assert stat.S_IMODE(kept.parent.stat().st_mode) == 0o700


def test_a_missing_or_unusable_cafile_is_one_line_exit_2_nothing_changed(tls_office, run, tmp_path):
    hub, desk, cert = tls_office
    before = db_bytes(desk.path)
    not_pem = tmp_path / "notes.txt"
    not_pem.write_text("not a certificate", "utf-8")
    for cafile in (str(tmp_path / "missing.pem"), str(not_pem), str(tmp_path)):
        r = run(
            "sync",
            "--hub",
            hub.url,
            "--token",
            desk.token,
            "--cafile",
            cafile,
            "--save",
            "--once",
            db=desk.path,
        )
        assert r.returncode == 2, (cafile, r.stderr)
        line = one_line(r.stderr)
        assert line.startswith("motcua-desk: error: the CA file") and cafile in line
        assert db_bytes(desk.path) == before, cafile
    assert hub.store.event_count() == 0

    # A CA file saved, then deleted: the saved-settings sync says so plainly.
    moved = tmp_path / "cert-copy.pem"
    moved.write_bytes(cert.read_bytes())
    r = run(
        "sync",
        "--hub",
        hub.url,
        "--token",
        desk.token,
        "--cafile",
        str(moved),
        "--save",
        "--once",
        db=desk.path,
    )
    assert r.returncode == 0, r.stderr
    moved.unlink()
    before = db_bytes(desk.path)
    r = run("sync", "--once", db=desk.path)
    assert r.returncode == 2
    assert "does not exist" in one_line(r.stderr)
    assert db_bytes(desk.path) == before


def test_a_plain_text_token_of_an_older_version_is_moved_out_of_the_database(tmp_path, hub, desks):
    desk = desks[0]
    register(hub, [desk])
    desk.intake()
    with desk.services._store.write() as session:  # what an older version wrote
        repo.set_setting(session, "sync.hub", {"url": hub.url, "token": desk.token})
    assert desk.token.encode() in db_bytes(desk.path)

    saved = desk.services.replication.hub_settings()  # first use: migrated
    assert saved.token == desk.token
    assert desk.token.encode() not in db_bytes(desk.path)
    assert SyncEngine(desk.services).run_once().accepted == 1  # sync still works
    desk.services.close()
    assert desk.token.encode() not in db_bytes(desk.path)
    svc = open_services(desk.path)
    try:
        assert svc.replication.hub_settings().token == desk.token
        with svc._store.read() as session:
            assert "token" not in repo.get_setting(session, "sync.hub")
    finally:
        svc.close()
    desk.services = open_services(desk.path)  # for the fixture's teardown


class MemoryKeyring(KeyringBackend):
    """A keyring backend held in memory: stands for Windows Credential Manager / Keychain."""

    priority = 10

    def __init__(self) -> None:
        super().__init__()
        self.items: dict[tuple[str, str], str] = {}

    def get_password(self, service, username):
        return self.items.get((service, username))

    def set_password(self, service, username, password):
        self.items[(service, username)] = password

    def delete_password(self, service, username):
        self.items.pop((service, username), None)


def test_where_a_keyring_exists_the_token_goes_there(hub, desks, monkeypatch):
    desk = desks[0]
    register(hub, [desk])
    desk.intake()
    backend = MemoryKeyring()
    previous = keyring.get_keyring()
    keyring.set_keyring(backend)
    try:
        desk.services.replication.save_hub_settings(hub.url, desk.token)
        node = desk.repl.identity().node_id
        assert backend.items == {("motcua-desk", f"hub-token-{node}"): desk.token}
        assert not token_vault.token_file(node).exists()
        assert desk.token.encode() not in db_bytes(desk.path)
        assert desk.services.replication.hub_settings().token == desk.token
        assert SyncEngine(desk.services).run_once().accepted == 1
        # MOTCUA_TOKEN_STORE=file (a portable install) keeps it in the private file instead.
        monkeypatch.setenv("MOTCUA_TOKEN_STORE", "file")
        desk.services.replication.save_hub_settings(hub.url, desk.token)
        assert token_vault.token_file(node).read_text("utf-8") == desk.token
    finally:
        keyring.set_keyring(previous)


def _request():
    from motcua_desk.services import IntakeRequest

    return IntakeRequest(procedure_code="1.004873", applicant_name="Trần Thị Bình")


def _node_id(path: Path) -> str:
    import sqlite3

    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        return conn.execute("SELECT node_id FROM desk").fetchone()[0]
    finally:
        conn.close()
