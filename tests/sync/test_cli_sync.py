"""The sync commands: `hub add-desk`, `hub publish`, `hub list-desks`, a desk's `sync --once` /
`sync --status` (through cli.main, in process), `hub serve` as a real subprocess; plus HTTPS
with a certificate."""

from __future__ import annotations

import json
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

import pytest

from motcua_desk.sync.client import HubUnavailable
from tests.helpers import AGENCY
from tests.sync.helpers import ROOT, HubProcess, HubThread, make_desk, register


@dataclass
class Ran:
    returncode: int
    stdout: str
    stderr: str


@pytest.fixture
def run(capsys):
    from motcua_desk.cli import main

    def run_(*args: str, db: Path | None = None) -> Ran:
        pre = ["--db", str(db)] if db else []
        code = main([*pre, *args])
        out = capsys.readouterr()
        return Ran(code, out.out, out.err)

    return run_


def test_hub_and_desk_commands(tmp_path, run):
    home = tmp_path / "home"
    store = tmp_path / "hub.sqlite3"
    r = run("hub", "add-desk", "Quầy 1", "--desk-no", "1", "--store", str(store))
    assert r.returncode == 0, r.stderr
    token = r.stdout.strip()
    assert len(token) >= 40 and "shown only once" in r.stderr
    r = run("hub", "add-desk", "Quầy Một", "--desk-no", "1", "--store", str(store))
    assert r.returncode == 2 and "already registered" in r.stderr
    r = run("hub", "add-desk", "Quầy 2", "--store", str(store))  # the next free number
    assert r.returncode == 0 and "number 2" in r.stderr and "--desk 2" in r.stderr
    r = run(
        "hub",
        "publish",
        str(ROOT / "resources" / "catalog" / "departments.json"),
        "--store",
        str(store),
    )
    assert r.returncode == 0 and "departments version 1 published" in r.stdout, r.stderr
    bad = tmp_path / "bad.json"
    bad.write_text('{"overrides": [{"day": "2026-13-01", "kind": "off", "reason": "x"}]}')
    r = run("hub", "publish", str(bad), "--store", str(store))
    assert r.returncode == 2 and "bad override date" in r.stderr
    r = run("hub", "serve", "--certfile", str(bad), "--store", str(store))
    assert r.returncode == 2 and "--keyfile" in r.stderr

    db = tmp_path / "desk.sqlite3"
    r = run(
        "init",
        "--agency-id",
        AGENCY["agency_id"],
        "--agency-name",
        AGENCY["agency_name"],
        "--parent-name",
        AGENCY["parent_name"],
        "--place",
        AGENCY["place"],
        "--desk",
        "1",
        db=db,
    )
    assert r.returncode == 0, r.stderr
    r = run("intake", "--procedure", "1.004873", "--applicant", "Nguyễn Văn Tư", db=db)
    assert r.returncode == 0, r.stderr
    r = run("sync", "--hub", "http://127.0.0.1:9", "--token", token, "--once", db=db)
    assert r.returncode == 2 and "did not answer" in r.stderr

    hub = HubProcess(f"sqlite:///{store}", home)
    try:
        r = run("sync", "--hub", hub.url, "--token", token, "--once", "--save", "--json", db=db)
        assert r.returncode == 0, r.stderr
        out = json.loads(r.stdout)
        assert (out["accepted"], out["unsent"], out["state"]) == (1, 0, "online")
        assert out["reference"] == ["departments"]
        r = run("sync", "--once", db=db)  # the saved hub and token
        assert r.returncode == 0 and "sent 0 event(s)" in r.stdout, r.stderr
        # --save keeps a hub only once it has answered: a mistyped port, a wrong token or a
        # bad address leave the saved hub as it was
        for args, says in (
            (("--hub", "http://127.0.0.1:9", "--token", token), "did not answer"),
            (("--hub", hub.url, "--token", "x" * 43), "refused"),
            (("--hub", "127.0.0.1:8765", "--token", token), "not a hub address"),
        ):
            r = run("sync", *args, "--once", "--save", db=db)
            assert r.returncode == 2 and says in r.stderr, r.stderr
            assert len(r.stderr.strip().splitlines()) == 1, r.stderr
            if "not a hub address" not in says:
                assert "were not saved" in r.stderr
            r = run("sync", "--once", db=db)
            assert r.returncode == 0 and "sent 0 event(s)" in r.stdout, r.stderr
        r = run("hub", "list-desks", "--json", "--store", str(store))
        desk, second = json.loads(r.stdout)["desks"]
        assert second["desk_no"] == 2 and second["events"] == 0
        assert (desk["name"], desk["desk_no"], desk["events"]) == ("Quầy 1", 1, 1)
        assert desk["node_id"] and desk["last_seen_at"]
    finally:
        hub.stop()
    r = run("sync", "--status", "--json", db=db)
    assert r.returncode == 0, r.stderr
    st = json.loads(r.stdout)
    assert (st["unsent"], st["conflicts"]) == (0, 0) and st["last_success_at"]


@pytest.mark.skipif(shutil.which("openssl") is None, reason="needs the openssl command")
def test_https_with_the_offices_own_certificate(tmp_path, hub_clock):
    cert, key = tmp_path / "cert.pem", tmp_path / "key.pem"
    subprocess.run(
        [
            "openssl",
            "req",
            "-x509",
            "-newkey",
            "rsa:2048",
            "-nodes",
            "-keyout",
            str(key),
            "-out",
            str(cert),
            "-days",
            "2",
            "-subj",
            "/CN=127.0.0.1",
            "-addext",
            "subjectAltName=IP:127.0.0.1",
        ],
        check=True,
        capture_output=True,
    )
    hub = HubThread(
        f"sqlite:///{tmp_path / 'hub.sqlite3'}",
        clock=hub_clock,
        certfile=str(cert),
        keyfile=str(key),
    )
    desk = make_desk(tmp_path, 1, hub_clock)
    try:
        assert hub.url.startswith("https://")
        register(hub, [desk])
        desk.intake()
        with pytest.raises(HubUnavailable):  # a certificate nobody told the desk to trust
            desk.sync(hub.url)
        assert desk.sync(hub.url, verify=str(cert)).accepted == 1
        with pytest.raises(HubUnavailable):  # plain HTTP to the TLS port
            desk.sync(hub.url.replace("https", "http"))
    finally:
        desk.close()
        hub.stop()


def test_the_sync_loop_saves_the_hub_once_it_answers(tmp_path, run):
    """`sync --save` without --once: the hub is saved after its first round goes through, and
    a later `sync --once` without arguments uses it."""
    import os
    import selectors
    import sys

    store = tmp_path / "hub.sqlite3"
    token = run("hub", "add-desk", "Quầy 1", "--desk-no", "1", "--store", str(store)).stdout
    db = tmp_path / "desk.sqlite3"
    init = ("--agency-id", AGENCY["agency_id"], "--agency-name", AGENCY["agency_name"])
    init += ("--parent-name", AGENCY["parent_name"], "--place", AGENCY["place"], "--desk", "1")
    assert run("init", *init, db=db).returncode == 0
    hub = HubProcess(f"sqlite:///{store}", tmp_path / "home")
    loop = subprocess.Popen(
        [sys.executable, "-m", "motcua_desk", "--db", str(db), "sync", "--hub", hub.url]
        + ["--token", token.strip(), "--save", "--interval", "0.2"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env={**os.environ, "PYTHONUNBUFFERED": "1"},
        cwd=ROOT,
    )
    try:
        sel = selectors.DefaultSelector()
        sel.register(loop.stdout, selectors.EVENT_READ)
        lines = []
        while not any("saved" in x for x in lines):
            assert sel.select(60), f"the loop printed nothing more: {lines}"
            line = loop.stdout.readline().decode()
            assert line, f"the loop ended: {lines} {loop.stderr.read()!r}"
            lines.append(line)
        sel.close()
        assert "the hub address and token are saved" in "".join(lines)
    finally:
        loop.kill()
        loop.wait(30)
    try:
        r = run("sync", "--once", db=db)
        assert r.returncode == 0 and "sent 0 event(s)" in r.stdout, r.stderr
    finally:
        hub.stop()
