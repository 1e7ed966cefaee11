"""Issue 8, item 7: every case is one clear line on stderr, exit 2, and the database byte for
byte unchanged; through the real command-line entry point (cli.main, exit code returned).
Bad moments and years, an endless extension, desk numbers past 9, control characters in the
address, a read-only folder, a full disk (a real tiny tmpfs), a truncated or corrupt file."""

from __future__ import annotations

import os
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

import pytest

from motcua_desk.app import open_services
from motcua_desk.services import IntakeRequest
from tests.helpers import AGENCY, FakeClock


@dataclass
class Ran:
    returncode: int
    stdout: str
    stderr: str


@pytest.fixture
def cli(capsys):
    from motcua_desk.cli import main

    def run_(db: Path, *args: str) -> Ran:
        code = main(["--db", str(db), *args])
        out = capsys.readouterr()
        return Ran(code, out.out, out.err)

    return run_


@pytest.fixture
def desk_db(tmp_path) -> tuple[Path, str]:
    """A set-up desk database with one dossier (closed: the commands open it themselves)."""
    db = tmp_path / "desk" / "desk.sqlite3"
    db.parent.mkdir()
    svc = open_services(db, clock=FakeClock())
    try:
        svc.settings.init_desk(desk_no=1, **AGENCY)
        code = svc.dossiers.intake(IntakeRequest("1.004873", "Nguyễn Văn An")).dossier.code
    finally:
        svc.close()
    return db, code


def files(db: Path) -> dict[str, bytes]:
    """The database and its write-ahead log, byte for byte (the -shm file is only SQLite's
    shared-memory index of the log, rebuilt at every open: not content)."""
    return {
        p.name: p.read_bytes() for p in (db, Path(f"{db}-wal")) if p.exists() and p.stat().st_size
    }


def refused(r: Ran, *words: str) -> str:
    assert r.returncode == 2, (r.returncode, r.stdout, r.stderr)
    lines = [line for line in r.stderr.splitlines() if line.strip()]
    assert len(lines) == 1, r.stderr
    assert lines[0].startswith("motcua-desk: error: "), lines[0]
    assert "internal error" not in lines[0]
    for w in words:
        assert w in lines[0], (w, lines[0])
    return lines[0]


def test_bad_moments_years_and_bounds(cli, desk_db, tmp_path):
    db, code = desk_db
    before = files(db)
    far = "0001-01-01T00:00+14:00"
    cases = [
        (
            (
                "intake",
                "--procedure",
                "1.004873",
                "--applicant",
                "Trần Văn Bình",
                "--received-at",
                far,
            ),
            "2000–2099",
        ),
        (
            (
                "handoff",
                code,
                "--to",
                "Công chức Tư pháp - Hộ tịch",
                "--receiver",
                "Lan",
                "--at",
                far,
            ),
            "2000–2099",
        ),
        (("note", code, "--text", "x"), None),  # a control: this one is allowed (see below)
        (("due", "--procedure", "1.004873", "--received-at", far), "2000–2099"),
        (("due", "--procedure", "1.004873", "--received-at", "9999-12-31T10:00"), "2000–2099"),
        (
            ("due", "--procedure", "1.004873", "--received-at", "9999-12-31T23:59+00:00"),
            "2000–2099",
        ),
        (("calendar", "show", "0"), "2000–2099"),
        (("calendar", "show", "-5"), "2000–2099"),
        (("calendar", "show", "10000"), "2000–2099"),
        (("calendar", "add", "9999-01-01", "off", "--reason", "x"), "2000–2099"),
        (("extend", code, "--new-due", "9999-12-31", "--reason", "Chờ xác minh"), "2000–2099"),
        (
            ("extend", code, "--new-due", "2099-12-31T10:00", "--reason", "Chờ xác minh"),
            "at most 365 days",
        ),
        (
            ("extend", code, "--new-due", "2028-06-01", "--reason", "Chờ xác minh"),
            "at most 365 days",
        ),
        (
            (
                "intake",
                "--procedure",
                "1.004873",
                "--applicant",
                "Trần Văn Bình",
                "--address",
                "12 L\x01ê Lợi",
            ),
            "U+0001",
        ),
        (
            (
                "intake",
                "--procedure",
                "1.004873",
                "--applicant",
                "Trần Văn Bình",
                "--address",
                "Thôn \x7f Đông",
            ),
            "U+007F",
        ),
        (
            (
                "intake",
                "--procedure",
                "1.004873",
                "--applicant",
                "Trần Văn Bình",
                "--email",
                "a\u200b@x.vn\x00",
            ),
            "e-mail",
        ),
        (("refuse", code, "--reason", "Thiếu\x1b[31m giấy tờ"), "U+001B"),
    ]
    for args, words in cases:
        if words is None:
            continue
        r = cli(db, *args)
        refused(r, words)
        assert files(db) == before, args


def test_the_address_is_stored_clean_nfc_without_zero_width_characters(cli, desk_db):
    db, _ = desk_db
    nfd = "S\u1ed1 12 \u0111\u01b0\u01a1\u0300ng L\u00ea L\u01a1\u0323i"  # NFD marks
    r = cli(
        db,
        "intake",
        "--procedure",
        "1.004873",
        "--applicant",
        "Trần\u200b Văn Bình",
        "--address",
        "\ufeff" + nfd + "\u200b\u200d\u2060 Huế\u202e",
        "--json",
    )
    assert r.returncode == 0, r.stderr
    import json
    import unicodedata

    out = json.loads(r.stdout)
    assert out["address"] == unicodedata.normalize("NFC", nfd + " Huế")
    assert out["address"] == "Số 12 đường Lê Lợi Huế"
    assert out["applicant_name"] == "Trần Văn Bình"


def test_hub_add_desk_takes_desk_numbers_1_to_9_only(cli, tmp_path):
    store = tmp_path / "hub.sqlite3"
    for n in ("0", "10", "99", "-1"):
        refused(
            cli(
                tmp_path / "unused.sqlite3",
                "hub",
                "add-desk",
                f"Quầy {n}",
                "--desk-no",
                n,
                "--store",
                str(store),
            ),
            "from 1 to 9",
        )
        assert not store.exists()  # nothing made, not even the store
    for n in range(1, 10):
        assert (
            cli(
                tmp_path / "unused.sqlite3", "hub", "add-desk", f"Quầy {n}", "--store", str(store)
            ).returncode
            == 0
        )
    before = store.read_bytes()
    refused(
        cli(tmp_path / "unused.sqlite3", "hub", "add-desk", "Quầy 10", "--store", str(store)),
        "1 to 9 are all registered",
    )
    assert store.read_bytes() == before


@pytest.mark.parametrize("damage", ["truncated", "corrupt", "zeroed"])
def test_a_truncated_or_corrupt_database_is_refused_unchanged(cli, desk_db, damage):
    db, code = desk_db
    data = bytearray(db.read_bytes())
    if damage == "truncated":
        data = data[: len(data) // 3]
    elif damage == "corrupt":
        for page in range(4096, len(data), 4096):  # every page but the header's, scribbled
            data[page + 8 : page + 4000] = b"\xab" * 3992
    else:
        data[100:4096] = bytes(4096 - 100)  # the schema page
    db.write_bytes(bytes(data))
    before = files(db)
    for args in (
        ("find", "nguyen"),
        ("show", code),
        ("intake", "--procedure", "1.004873", "--applicant", "Trần Văn Bình"),
        ("sync", "--status"),
    ):
        r = cli(db, *args)
        if r.returncode == 0 and args[0] in ("find", "show", "sync"):
            continue  # the damage missed what this read needs: it is still a right answer
        refused(r, str(db))
        assert files(db) == before, args


def _immutable(path: Path, on: bool) -> bool:
    if shutil.which("chattr") is None:
        return False
    r = subprocess.run(["chattr", "+i" if on else "-i", str(path)], capture_output=True)
    return r.returncode == 0


@pytest.fixture
def read_only_folder(desk_db):
    """The database's folder made read-only for real: chmod for a normal user, the immutable
    attribute for root (who ignores permissions)."""
    db, code = desk_db
    folder = db.parent
    if os.geteuid() == 0:
        if not _immutable(folder, True):
            pytest.skip("root, and this file system has no immutable attribute")
        yield db, code
        _immutable(folder, False)
    else:
        os.chmod(db, 0o444)
        os.chmod(folder, 0o555)
        yield db, code
        os.chmod(folder, 0o755)
        os.chmod(db, 0o644)


def test_a_database_in_a_read_only_folder(cli, read_only_folder):
    db, code = read_only_folder
    before = files(db)
    for args in (
        ("find", "nguyen"),
        ("show", code),
        ("intake", "--procedure", "1.004873", "--applicant", "Trần Văn Bình"),
        ("note", code, "--text", "ghi chú"),
        ("backup",),
    ):
        r = cli(db, *args)
        if args[0] in ("find", "show"):  # reading works, read-only, writing nothing
            assert r.returncode == 0, r.stderr
            assert "Nguyễn Văn An" in r.stdout and "opened for reading only" in r.stderr
        else:
            refused(r, "read-only" if args[0] != "backup" else "")
        assert files(db) == before, args


@pytest.fixture
def tiny_disk(tmp_path, desk_db):
    """The desk database on a real tmpfs just big enough for it, then filled to the brim."""
    db, code = desk_db
    mnt = tmp_path / "tiny"
    mnt.mkdir()
    size = db.stat().st_size + 256 * 1024
    r = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(mnt)], capture_output=True
    )
    if r.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here ({r.stderr.decode().strip()})")
    try:
        target = mnt / db.name
        shutil.copyfile(db, target)
        with open(mnt / "filler", "wb", buffering=0) as fh:
            try:
                while True:
                    fh.write(b"\0" * 4096)
            except OSError:
                pass
        yield target, code
    finally:
        subprocess.run(["umount", "-l", str(mnt)], capture_output=True)


def test_a_full_disk_is_one_line_and_nothing_is_lost(cli, tiny_disk):
    db, code = tiny_disk
    before = files(db)
    for args in (
        ("intake", "--procedure", "1.004873", "--applicant", "Trần Văn Bình"),
        ("note", code, "--text", "ghi chú"),
    ):
        refused(cli(db, *args), "full")
        assert files(db) == before, args
    (db.parent / "filler").unlink()  # space again: the same desk works, its dossier intact
    r = cli(db, "show", code)
    assert r.returncode == 0 and "Nguyễn Văn An" in r.stdout
