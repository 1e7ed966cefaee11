"""An office on real files, built once per session and copied for each test: a hub (SQLite
store) and two desks that synced both ways, so each desk holds its own chain and the other's."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

from motcua_desk.domain.events import canonical_json
from tests.helpers import FakeClock, raw_db
from tests.sync.helpers import HubThread, make_desk, register

ROOT = Path(__file__).resolve().parents[2]
DEPT = "Công chức Tư pháp - Hộ tịch"


def build_office(directory: Path) -> dict[str, Path]:
    clock = FakeClock()
    hub = HubThread(f"sqlite:///{directory / 'hub.sqlite3'}", clock=clock)
    desks = [make_desk(directory, n, FakeClock(clock())) for n in (1, 2)]
    try:
        register(hub, desks)
        for d in desks:
            for i in range(4):
                detail = d.intake(f"Nguyễn Văn Số {d.desk_no}{i}")
                code = detail.dossier.code
                if i >= 1:
                    d.services.dossiers.handoff([code], DEPT, receiver="Lê Thị Nhận", redirect=True)
                if i >= 2:
                    d.services.dossiers.receive_result([code])
                if i >= 3:
                    d.services.dossiers.return_result(code, f"Nguyễn Văn Số {d.desk_no}{i}")
            d.services.dossiers.note(code, "ghi chú cuối")
        for _ in range(2):
            for d in desks:
                d.sync(hub.url)
    finally:
        for d in desks:
            d.close()
        hub.stop()
    return {
        "desk1": directory / "desk1.sqlite3",
        "desk2": directory / "desk2.sqlite3",
        "hub": directory / "hub.sqlite3",
    }


@pytest.fixture(scope="session")
def office_template(tmp_path_factory) -> dict[str, Path]:
    return build_office(tmp_path_factory.mktemp("office"))


@pytest.fixture
def office(office_template, tmp_path) -> dict[str, Path]:
    out = {}
    for name, path in office_template.items():
        for p in path.parent.glob(path.name + "*"):
            shutil.copyfile(p, tmp_path / p.name)
        out[name] = tmp_path / path.name
    return out


def run_cli(*args: str, db: Path | None = None) -> subprocess.CompletedProcess:
    head = [sys.executable, "-m", "motcua_desk"] + (["--db", str(db)] if db else [])
    return subprocess.run(
        [*head, *args],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=120,
        env={**os.environ, "MOTCUA_HOME": tempfile.gettempdir()},
    )


def sql(path: Path, statement: str, params: tuple = ()) -> None:
    """Run one statement on a database as a maintainer would (the store's SQL functions bound:
    uuid_blob(?) finds a desk event by its id)."""
    conn = raw_db(path)
    try:
        conn.execute(statement, params)
        conn.commit()
    finally:
        conn.close()


def one(path: Path, query: str, params: tuple = ()):
    conn = raw_db(path)
    try:
        return conn.execute(query, params).fetchone()
    finally:
        conn.close()


def hub_body_edit(path: Path, event_id: str, change, *, rehash: bool) -> None:
    """Edit a hub event's body with `change(dict)`; with rehash, recompute its hash the way a
    desk seals an event and write it into the body and the hash column (a careful forger)."""
    import hashlib
    import json

    body = json.loads(one(path, "SELECT body FROM hub_events WHERE id = ?", (event_id,))[0])
    change(body)
    claimed = body.pop("hash")
    if rehash:
        claimed = hashlib.sha256(canonical_json(body).encode("utf-8")).hexdigest()
    text = canonical_json(body)
    sql(
        path,
        "UPDATE hub_events SET body = ?, hash = ? WHERE id = ?",
        (f'{text[:-1]},"hash":"{claimed}"}}', claimed, event_id),
    )
