"""The command line through a real subprocess: output, exit codes, and nothing changed by bad
input (checked byte for byte on the database file)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.helpers import AGENCY

ROOT = Path(__file__).resolve().parents[2]


def run(db: Path, *args: str, env: dict | None = None) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "motcua_desk", "--db", str(db), *args],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=60,
        env={**os.environ, **(env or {})},
    )


@pytest.fixture(scope="module")
def desk(tmp_path_factory):
    db = tmp_path_factory.mktemp("cli") / "desk.sqlite3"
    r = run(
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
        "3",
        "--officer",
        AGENCY["officer"],
    )
    assert r.returncode == 0, r.stderr
    return db


def snapshot(db: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in db.parent.glob(db.name + "*")}


def test_intake_show_and_find_in_json(desk):
    r = run(
        desk,
        "intake",
        "--procedure",
        "1.004873",
        "--applicant",
        "Nguyễn Thị Hằng Đặng",
        "--id-number",
        "012345678901",
        "--phone",
        "0912345678",
        "--address",
        "Thôn Địa Cát, xã Vi Hương",
        "--received-at",
        "2026-11-20T15:20",
        "--json",
    )
    assert r.returncode == 0, r.stderr
    d = json.loads(r.stdout)
    assert d["code"] == "000.17.22.H56-261120-0003"  # desk 3
    assert d["status"] == "received" and d["national_status"] == 2
    assert d["procedure_code"] == "1.004873" and d["applicant_name"] == "Nguyễn Thị Hằng Đặng"
    assert d["received_at"] == "2026-11-20T15:20+07:00"
    # after the cut-off: clock from Mon 23/11 07:30, Tue 24/11 off → Fri 27/11 07:30 + … 17:00 Thu
    assert d["due_at"] == "2026-11-26T17:00+07:00"
    r = run(
        desk,
        "handoff",
        d["code"].lower(),
        "--to",
        "Công chức Tư pháp - Hộ tịch",
        "--receiver",
        "Lý Văn Nhận",
        "--at",
        "2026-11-23T08:00",
        "--json",
    )
    assert r.returncode == 0, r.stderr
    shown = json.loads(run(desk, "show", d["code"], "--json").stdout)
    assert [e["type"] for e in shown["events"]] == ["received", "handed_off"]
    assert shown["events"][1]["occurred_at"] == "2026-11-23T08:00+07:00"
    assert shown["status"] == "in_process" and shown["national_status"] == 4
    found = json.loads(run(desk, "find", "hang dang", "--json").stdout)
    assert [x["code"] for x in found["results"]] == [d["code"]]
    assert json.loads(run(desk, "find", "0912345678", "--json").stdout)["count"] == 1


def test_due_calculator(desk):
    r = run(desk, "due", "--procedure", "1.001193", "--received-at", "2026-11-20T15:20", "--json")
    assert json.loads(r.stdout) == {
        "procedure_code": "1.001193",
        "due_at": "2026-11-23T17:00+07:00",
        "clock_start": "2026-11-23T07:30+07:00",
        "explanation": "Nhận sau 15:00 nên thời hạn tính từ 07:30 ngày 23/11/2026",
    }


def test_catalog_and_calendar(desk):
    procs = json.loads(run(desk, "catalog", "list", "--json").stdout)["procedures"]
    assert len(procs) >= 25 and {"1.001193", "2.000815"} <= {p["code"] for p in procs}
    r = run(desk, "calendar", "show", "2026", "--json")
    days = {d["date"]: d for d in json.loads(r.stdout)["days"]}
    assert days["2026-02-17"]["kind"] == "holiday" and days["2026-08-22"]["working"]
    assert run(desk, "calendar", "add", "2026-12-31", "off", "--reason", "Nghỉ thử").returncode == 0
    days = {
        d["date"]: d
        for d in json.loads(run(desk, "calendar", "show", "2026", "--json").stdout)["days"]
    }
    assert days["2026-12-31"]["kind"] == "override_off"
    assert run(desk, "calendar", "remove", "2026-12-31").returncode == 0


BAD = [
    (["intake", "--procedure", "9.999999", "--applicant", "Nguyễn Văn A"], "unknown procedure"),
    (["intake", "--procedure", "1.001193", "--applicant", "   "], "empty"),
    (["intake", "--procedure", "1.001193", "--applicant", "1234567"], "does not look like a name"),
    (
        ["intake", "--procedure", "1.001193", "--applicant", "Lê A", "--id-number", "12345"],
        "12 digits",
    ),
    (["intake", "--procedure", "1.001193", "--applicant", "Lê A", "--phone", "12-34"], "phone"),
    (
        ["intake", "--procedure", "1.001193", "--applicant", "Lê A", "--received-at", "hôm qua"],
        "not a date",
    ),
    (
        [
            "intake",
            "--procedure",
            "1.001193",
            "--applicant",
            "Lê A",
            "--received-at",
            "2026-02-30T09:00",
        ],
        "not a date",
    ),
    (["show", "000.17.22.H56-261123-9999"], "no dossier"),
    (["return", "000.17.22.H56-261120-0003", "--to-name", "Lê A"], "cannot return"),
    (
        ["handoff", "000.17.22.H56-261120-0003", "--to", "Phòng Ma", "--receiver", "Lý Văn Nhận"],
        "unknown department",
    ),
    (["calendar", "add", "2026-13-01", "off", "--reason", "x"], "not a date"),
    (["intake", "--procedure", "1.001193"], "required"),
]


@pytest.mark.parametrize(
    "args,message", BAD, ids=[" ".join(a[:2]) + f"-{i}" for i, (a, _) in enumerate(BAD)]
)
def test_bad_input_exit_2_one_line_and_nothing_changed(desk, args, message):
    before = snapshot(desk)
    r = run(desk, *args)
    assert r.returncode == 2, (r.stdout, r.stderr)
    assert message in r.stderr
    assert len(r.stderr.strip().splitlines()) == 1 or "usage" in r.stderr
    assert snapshot(desk) == before


def test_second_extension_refused(desk):
    code = json.loads(
        run(desk, "intake", "--procedure", "1.004873", "--applicant", "Lê Văn B", "--json").stdout
    )["code"]
    assert (
        run(desk, "extend", code, "--new-due", "2026-12-30", "--reason", "Xác minh").returncode == 0
    )
    before = snapshot(desk)
    r = run(desk, "extend", code, "--new-due", "2027-01-05", "--reason", "Lần hai")
    assert r.returncode == 2 and "only once" in r.stderr
    assert snapshot(desk) == before


def test_foreign_and_newer_databases_refused(tmp_path, desk):
    text = tmp_path / "notes.txt"
    text.write_text("not a database")
    r = run(text, "show", "X")
    assert r.returncode == 2 and "not a motcua-desk database" in r.stderr
    assert text.read_text() == "not a database"
    import shutil
    import sqlite3

    newer = tmp_path / "newer.sqlite3"
    shutil.copyfile(desk, newer)
    conn = sqlite3.connect(newer)
    conn.execute("UPDATE alembic_version SET version_num = 'zzzz'")
    conn.commit()
    conn.close()
    before = newer.read_bytes()
    r = run(newer, "find", "x")
    assert r.returncode == 2 and "newer" in r.stderr
    assert newer.read_bytes() == before


def test_missing_database_is_not_created_by_a_read(tmp_path):
    db = tmp_path / "none.sqlite3"
    r = run(db, "find", "x")
    assert r.returncode == 2 and "init" in r.stderr
    assert not db.exists()


def test_a_damaged_database_exits_2_with_one_line_and_the_details_in_the_log(tmp_path, desk):
    """(Issue 8 item 7: this used to be exit 1, "internal error".)"""
    import shutil

    broken = tmp_path / "broken.sqlite3"
    shutil.copyfile(desk, broken)
    data = bytearray(broken.read_bytes())
    for i in range(8192, len(data), 4096):  # scribble over every page after the first two
        data[i : i + 64] = b"\xff" * 64
    broken.write_bytes(bytes(data))
    home = tmp_path / "home"
    before = broken.read_bytes()
    r = run(broken, "find", "nguyen", env={"MOTCUA_HOME": str(home)})
    assert r.returncode == 2, r.stderr
    assert r.stderr.count("\n") == 1 and "is damaged" in r.stderr and "backup" in r.stderr
    assert broken.read_bytes() == before
    log = home / "logs" / "motcua-desk.log"
    assert "Traceback" in log.read_text()


def test_no_command_prints_help(tmp_path):
    r = subprocess.run(
        [sys.executable, "-m", "motcua_desk", "--help"], capture_output=True, text=True, cwd=ROOT
    )
    assert r.returncode == 0 and "intake" in r.stdout and "handoff" in r.stdout


def test_backup_is_a_working_database(desk, tmp_path):
    out = tmp_path / "copy.sqlite3"
    r = run(desk, "backup", "--out", str(out))
    assert r.returncode == 0, r.stderr
    assert json.loads(run(out, "find", "hang dang", "--json").stdout)["count"] == 1
    assert run(desk, "backup", "--out", str(out)).returncode == 2  # never overwrites


def test_the_ledger_is_dated_the_offices_day_whatever_the_pcs_zone(desk, tmp_path):
    """A counter PC left on UTC (or any zone): Mẫu 07 is signed on the office's day. The PC's
    zone is chosen so that its date differs from the office's at this very hour."""
    import io
    from datetime import UTC, datetime, timedelta

    from pypdf import PdfReader

    def office_day():
        return (datetime.now(UTC) + timedelta(hours=7)).date()

    hour = datetime.now(UTC).hour
    pc_zone, pc_offset = ("Etc/GMT-14", 14) if 10 <= hour < 17 else ("Etc/GMT+12", -12)
    assert (datetime.now(UTC) + timedelta(hours=pc_offset)).date() != office_day()
    before = office_day()
    out = tmp_path / "ledger.pdf"
    r = run(
        desk,
        "print",
        "ledger",
        "--from",
        "2026-01-01",
        "--to",
        "2026-12-31",
        "--out",
        str(out),
        env={"TZ": pc_zone},
    )
    assert r.returncode == 0, r.stderr
    text = PdfReader(io.BytesIO(out.read_bytes())).pages[0].extract_text()
    signed = {f"ngày {d:%d} tháng {d:%m} năm {d:%Y}" for d in (before, office_day())}
    assert any(s in text for s in signed), text[:400]


def test_text_output_has_no_trailing_spaces(desk):
    """An applicant without a citizen ID or phone: no blank columns at the line's end."""
    r = run(desk, "intake", "--procedure", "1.001193", "--applicant", "Đỗ Thị Gọn")
    assert r.returncode == 0, r.stderr
    code = next(w for w in r.stdout.split() if w.startswith(AGENCY["agency_id"]))
    shown = run(desk, "show", code)
    assert shown.returncode == 0, shown.stderr
    for out in (r.stdout, shown.stdout):
        assert "applicant: Đỗ Thị Gọn\n" in out
        assert not [line for line in out.splitlines() if line != line.rstrip()], out


def test_out_to_a_pipe_or_device_writes_into_it_and_leaves_it_there(desk, tmp_path):
    """`--out /dev/null` (or /dev/stdout, a named pipe) is written into: the temporary file
    and rename that keep a half-written PDF from ever taking a file's name would put a plain
    file in the device's place (as root, /dev/null itself). A named pipe stands in here."""
    import stat
    import threading

    fifo = tmp_path / "out.pdf"
    os.mkfifo(fifo)
    got: list[bytes] = []
    reader = threading.Thread(target=lambda: got.append(fifo.read_bytes()), daemon=True)
    reader.start()
    r = run(
        desk, "print", "ledger", "--from", "2026-01-01", "--to", "2026-12-31", "--out", str(fifo)
    )
    reader.join(60)
    assert r.returncode == 0, r.stderr
    assert stat.S_ISFIFO(fifo.stat().st_mode)  # still the pipe, not a file put in its place
    assert got and got[0].startswith(b"%PDF-")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.pdf"]  # no temporary left
