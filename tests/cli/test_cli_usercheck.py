"""What an outside checker found meeting the command line as a new user: each case is one clear
line on stderr, exit code 2 (never the "internal error" of exit 1), and nothing changed."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.helpers import AGENCY


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
def desk(cli, tmp_path) -> Path:
    db = tmp_path / "desk.sqlite3"
    r = cli(
        db,
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
        "--officer",
        AGENCY["officer"],
    )
    assert r.returncode == 0, r.stderr
    return db


def tree(folder: Path) -> dict[str, bytes]:
    return {
        str(p.relative_to(folder)): p.read_bytes()
        for p in sorted(folder.rglob("*"))
        if p.is_file() and "logs" not in p.parts
    }


@pytest.mark.parametrize(
    "command",
    [
        ["find", "abc"],
        ["show", "X"],
        ["verify"],
        ["backup"],
        ["conflicts"],
        ["sync", "--status"],
        ["report", "period", "--from", "2026-01-01", "--to", "2026-12-31"],
        [
            "init",
            "--agency-id",
            "000.17.22.H56",
            "--agency-name",
            "UBND xã An Bình",
            "--parent-name",
            "UBND huyện Bình Xuyên",
            "--place",
            "An Bình",
        ],
    ],
)
def test_db_that_is_a_folder_is_bad_input(cli, tmp_path, command):
    folder = tmp_path / "data"
    folder.mkdir()
    (folder / "keep.txt").write_text("x")
    before = tree(tmp_path)
    r = cli(folder, *command)
    assert r.returncode == 2, r.stderr
    assert r.stderr.count("\n") == 1 and "is a folder" in r.stderr, r.stderr
    assert tree(tmp_path) == before


@pytest.mark.parametrize(
    "bad",
    [
        ["--place", "A"],
        ["--agency-id", "17.22"],
        ["--desk", "12"],
        ["--officer", "x\x07y"],
        ["--officer-phone", "12"],
    ],
)
def test_refused_init_creates_no_database(cli, tmp_path, bad):
    db = tmp_path / "desk.sqlite3"
    args = {
        "--agency-id": AGENCY["agency_id"],
        "--agency-name": AGENCY["agency_name"],
        "--parent-name": AGENCY["parent_name"],
        "--place": AGENCY["place"],
        "--officer": AGENCY["officer"],
    }
    args[bad[0]] = bad[1]
    r = cli(db, "init", *[x for kv in args.items() for x in kv])
    assert r.returncode == 2 and r.stderr.count("\n") == 1, r.stderr
    assert not [p.name for p in tmp_path.iterdir() if p.name.startswith("desk.sqlite3")]


def test_handoff_without_receiver_names_the_option(cli, desk, capsys):
    code = json.loads(
        cli(
            desk, "intake", "--procedure", "1.004873", "--applicant", "Lê Văn Bình", "--json"
        ).stdout
    )["code"]
    before = tree(desk.parent)
    with pytest.raises(SystemExit) as exc:  # argparse: before the database is opened
        cli(desk, "handoff", code, "--to", "Công chức Tư pháp - Hộ tịch")
    err = capsys.readouterr().err
    assert exc.value.code == 2 and err.count("\n") == 1 and "--receiver" in err, err
    assert tree(desk.parent) == before


def test_the_print_event_names_the_form_in_vietnamese(cli, desk, tmp_path):
    code = json.loads(
        cli(
            desk, "intake", "--procedure", "1.004873", "--applicant", "Lê Văn Bình", "--json"
        ).stdout
    )["code"]
    assert cli(desk, "print", "slip", code, "--out", str(tmp_path / "a.pdf")).returncode == 0
    assert cli(desk, "print", "slip", code, "--out", str(tmp_path / "b.pdf")).returncode == 0
    events = json.loads(cli(desk, "show", code, "--json").stdout)["events"]
    printed = [e["summary"] for e in events if e["type"] == "printed"]
    assert printed == [
        "In Giấy tiếp nhận hồ sơ và hẹn trả kết quả (Mẫu 01)",
        "In Giấy tiếp nhận hồ sơ và hẹn trả kết quả (Mẫu 01) — bản in lại lần 1",
    ]


def test_a_result_the_desk_made_itself_is_no_handoff(cli, desk, tmp_path):
    """A same-day procedure the desk resolves itself (result taken back without a handoff)
    moved no papers between units: the daily handoff list has no 'Bộ phận Một cửa bàn giao
    cho Bộ phận Một cửa' page for it."""
    from pypdf import PdfReader

    own = json.loads(
        cli(
            desk,
            "intake",
            "--procedure",
            "2.000815",
            "--applicant",
            "Nguyễn Văn Bốn",
            "--received-at",
            "2026-11-05T09:00",
            "--json",
        ).stdout
    )["code"]
    sent = json.loads(
        cli(
            desk,
            "intake",
            "--procedure",
            "1.004873",
            "--applicant",
            "Nguyễn Văn Một",
            "--received-at",
            "2026-11-05T09:05",
            "--json",
        ).stdout
    )["code"]
    assert cli(desk, "receive-result", own, "--at", "2026-11-05T11:00").returncode == 0
    assert (
        cli(
            desk,
            "handoff",
            sent,
            "--to",
            "Công chức Tư pháp - Hộ tịch",
            "--receiver",
            "Lý Văn Nhận",
            "--at",
            "2026-11-05T10:00",
        ).returncode
        == 0
    )
    out = tmp_path / "list.pdf"
    r = cli(desk, "print", "handoffs", "--date", "2026-11-05", "--out", str(out))
    assert r.returncode == 0 and "1 movements" in r.stdout, r.stdout
    text = "\n".join(p.extract_text() for p in PdfReader(out).pages)
    assert sent in text and own not in text
    assert "CHO BỘ PHẬN MỘT CỬA" not in text


def test_times_printed_are_office_local():
    """`sync --status` (last sync) and `hub list-desks` (last seen) hold aware UTC moments:
    printed as they were, 17:08 UTC read as 17:08 at the office, 7 hours early."""
    from datetime import UTC, datetime, timedelta, timezone

    from motcua_desk.cli.common import fmt

    assert fmt(datetime(2026, 12, 2, 17, 8, tzinfo=UTC)) == "03/12/2026 00:08"
    local = datetime(2026, 12, 3, 0, 8, tzinfo=timezone(timedelta(hours=7)))
    assert fmt(local) == "03/12/2026 00:08"
    assert fmt(datetime(2026, 12, 3, 0, 8)) == "03/12/2026 00:08"  # naive: office-local
    assert fmt(None) == "—"


def test_restore_does_not_call_a_readable_database_unreadable(cli, desk, tmp_path):
    """Restoring a backup taken a moment ago over a healthy database: nothing is lost and
    the replaced file was read (its counters are carried), so no 'could not be read'."""
    backup = tmp_path / "b.sqlite3"
    assert cli(desk, "backup", "--out", str(backup)).returncode == 0
    r = cli(desk, "restore", str(backup))
    assert r.returncode == 0, r.stderr
    assert "continue after the replaced database's" in r.stdout
    assert "could not be read" not in r.stdout, r.stdout


@pytest.mark.parametrize("port", ["99999", "-1", "http"])
def test_hub_serve_port_out_of_range(cli, tmp_path, capsys, port):
    with pytest.raises(SystemExit) as exc:
        cli(
            tmp_path / "d.sqlite3",
            "hub",
            "serve",
            "--store",
            str(tmp_path / "hub.sqlite3"),
            "--port",
            port,
        )
    err = capsys.readouterr().err
    assert exc.value.code == 2 and err.count("\n") == 1 and "port" in err, err
    assert not (tmp_path / "hub.sqlite3").exists()


def test_intake_says_where_the_paper_dossier_is_in_words(cli, desk):
    r = cli(
        desk,
        "intake",
        "--procedure",
        "1.004873",
        "--applicant",
        "Nguyễn Văn An",
        "--received-at",
        "2026-11-23T09:10",
    )
    assert r.returncode == 0, r.stderr
    assert "  at: Bộ phận Một cửa since 23/11/2026 09:10" in r.stdout.splitlines()
    assert "at: desk" not in r.stdout


@pytest.mark.parametrize("text", ["", "   ", "\x01", "--", "***"])
def test_find_without_anything_to_look_for_is_refused(cli, desk, text):
    cli(desk, "intake", "--procedure", "1.004873", "--applicant", "Nguyễn Văn An")
    r = cli(desk, "find", "--", text) if text.startswith("-") else cli(desk, "find", text)
    assert r.returncode == 2, r.stdout
    assert r.stdout == "" and "look for" in r.stderr and len(r.stderr.strip().splitlines()) == 1


def test_restore_of_a_folder_says_it_is_a_folder(cli, desk, tmp_path):
    folder = tmp_path / "backups"
    folder.mkdir()
    before = desk.read_bytes()
    r = cli(desk, "restore", str(folder))
    assert r.returncode == 2 and "is a folder" in r.stderr, r.stderr
    assert desk.read_bytes() == before
