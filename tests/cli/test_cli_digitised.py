"""Issue 14 on the command line: `report indices` shows QĐ 766 4.2 and 4.3 with their counts
and whether they earn full marks (text and --json); `verify` also checks every file the events
name: a missing or a corrupt one is a break (exit 3) naming the dossier, the paper and what to
do, in --json too; intact files exit 0 and the progress lines are as before."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from motcua_desk.app import open_services
from motcua_desk.services.digitisation import DigitisationService
from tests.cli.test_cli_reports import NOV, cli  # noqa: F401 (the fixture)
from tests.helpers import AGENCY, FakeClock
from tests.services import digitised_scenario as ds
from tests.services.test_digitisation import pdf_of


@pytest.fixture
def desk(tmp_path) -> tuple[Path, dict[str, str]]:
    db = tmp_path / "d" / "desk.sqlite3"
    db.parent.mkdir()
    svc = open_services(db, clock=FakeClock())
    try:
        svc.settings.init_desk(desk_no=1, **AGENCY)
        codes = ds.build(svc, tmp_path)
    finally:
        svc.close()
    return db, codes


def test_report_indices_json_has_4_2_and_4_3(cli, desk):  # noqa: F811
    db, codes = desk
    r = cli(db, "report", "indices", *NOV, "--json")
    assert r.returncode == 0, r.stderr
    out = json.loads(r.stdout)
    assert [i["key"] for i in out["indices"]] == ["2.1", "3.3", "4.2", "4.3", "5.4"]
    by_key = {i["key"]: i for i in out["indices"]}
    d, u = by_key["4.2"], by_key["4.3"]
    assert (d["numerator"], d["denominator"], d["score"]) == (2, 4, 50.0)
    assert (u["numerator"], u["denominator"], u["score"]) == (1, 4, 25.0)
    assert d["full_marks_at"] == 80.0 and d["full_marks"] is False
    assert d["parts"] == {
        "counted": 4,
        "exempt": 1,
        "online": 1,
        "papers_due": d["parts"]["papers_due"],
        "papers_done": d["parts"]["papers_done"],
        "papers_reused": 1,
        "digitised": 2,
    }
    assert u["parts"]["reusing"] == 1
    assert {x["code"] for x in d["lowering"]} == {codes["C"], codes["F"]}
    assert by_key["2.1"]["full_marks_at"] is None and by_key["2.1"]["full_marks"] is None
    # the same figures as `digitise rates`
    rates = cli(db, "digitise", "rates", *NOV, "--json")
    got = json.loads(rates.stdout)
    assert (got["counted"], got["digitised"], got["reusing"], got["exempt"]) == (4, 2, 1, 1)


def test_report_indices_text(cli, desk):  # noqa: F811
    db, codes = desk
    r = cli(db, "report", "indices", *NOV)
    assert r.returncode == 0, r.stderr
    lines = r.stdout.splitlines()
    assert "4.2  Tỷ lệ số hóa hồ sơ: 50.00 % (2/4)" in lines
    assert "4.3  Tỷ lệ khai thác, sử dụng lại thông tin, dữ liệu số hóa: 25.00 % (1/4)" in lines
    i = lines.index("4.2  Tỷ lệ số hóa hồ sơ: 50.00 % (2/4)")
    assert lines[i + 2].strip().startswith("Chưa đạt điểm tối đa: cần thêm 2 hồ sơ để đạt 80 %")
    assert "1 hồ sơ trực tuyến, 1 hồ sơ không có giấy tờ phải số hóa" in lines[i + 2]
    assert lines[i + 3].strip().startswith("lowered by 2:") and codes["F"] in lines[i + 3]
    # the indices without a known threshold print as before: no note line
    j = next(k for k, line in enumerate(lines) if line.startswith("2.1  "))
    assert lines[j + 2].strip().startswith("lowered by")


def _progress_lines(stderr: str) -> list[str]:
    return [re.sub(r"\d+ s$", "N s", line) for line in stderr.splitlines() if ": " in line]


def test_verify_names_a_missing_and_a_corrupt_file(cli, desk, tmp_path):  # noqa: F811
    db, codes = desk
    svc = open_services(db, clock=FakeClock())
    try:
        paper = DigitisationService.from_services(svc)
        # C's second paper gets a scan of its own (a file only it names)
        due = [p.index for p in paper.papers(codes["C"]) if not p.exempt]
        (tmp_path / "own.pdf").write_bytes(pdf_of([(240, True), (240, True)]))
        paper.attach(codes["C"], due[1], [tmp_path / "own.pdf"])
        shared = paper.papers(codes["A"])[due[0]].files[0].sha256
        own = paper.papers(codes["C"])[due[1]].files[0].sha256
        names = {i: paper.papers(codes["C"])[i].name for i in due[:2]}
        blobs = paper.blobs
    finally:
        svc.close()
    intact = cli(db, "verify")
    assert intact.returncode == 0, intact.stdout + intact.stderr
    assert "desk database intact:" in intact.stdout and "and 2 file(s) verified" in intact.stdout
    progress = _progress_lines(intact.stderr)
    assert progress and all(line.startswith("verify: ") for line in progress)

    blobs.path(own).unlink()
    path = blobs.path(shared)
    data = path.read_bytes()
    path.write_bytes(data[:-10] + b"0123456789")
    broken = cli(db, "verify")
    assert broken.returncode == 3
    out = broken.stdout
    # one file shared by A's two papers, B's two (one reused from A) and C's first; C's own
    assert "desk database BROKEN: 6 break(s)" in out
    missing = [line for line in out.splitlines() if line.strip().startswith("file_missing")]
    corrupt = [line for line in out.splitlines() if line.strip().startswith("file_corrupt")]
    assert len(missing) == 1 and len(corrupt) == 5
    assert f"paper {due[1] + 1} ({names[due[1]]})" in missing[0]
    assert codes["C"] in missing[0] and own[:12] in missing[0]
    assert "restore the files folder from a backup, or sync: the hub may hold it" in missing[0]
    assert {codes[k] for k in "ABC"} == {c for c in codes.values() if any(c in x for x in corrupt)}
    assert "restore the folder of the papers' files from a backup" in broken.stderr
    assert str(db.with_name("desk.files")) in broken.stderr
    assert "do not restore a backup over this database" not in broken.stderr  # files only
    assert _progress_lines(broken.stderr)[: len(progress)] == progress

    j = cli(db, "verify", "--json")
    assert j.returncode == 3
    report = json.loads(j.stdout)
    assert report["ok"] is False and report["files"] == 2 and report["break_count"] == 6
    kinds = {(b["kind"], b["code"]) for b in report["breaks"]}
    assert ("file_missing", codes["C"]) in kinds
    assert {("file_corrupt", codes[k]) for k in "ABC"} <= kinds
    assert all("the hub may hold it" in b["detail"] for b in report["breaks"])


def test_a_database_without_files_verifies_as_before(cli, tmp_path):  # noqa: F811
    db = tmp_path / "desk.sqlite3"
    svc = open_services(db, clock=FakeClock())
    svc.settings.init_desk(desk_no=1, **AGENCY)
    svc.close()
    r = cli(db, "verify", "--json")
    assert r.returncode == 0
    assert json.loads(r.stdout)["files"] == 0
    r = cli(db, "verify")
    assert r.returncode == 0 and "file" not in r.stdout


def test_an_unreadable_file_and_an_altered_event_give_both_advices(cli, desk):  # noqa: F811
    import sqlite3

    from motcua_desk.store.blobs import BlobStore, files_dir

    db, codes = desk
    [sha] = BlobStore(files_dir(db)).all()
    path = BlobStore(files_dir(db)).path(sha)
    path.unlink()
    path.mkdir()  # there, but not a file that can be read
    conn = sqlite3.connect(db)
    conn.execute("UPDATE events SET officer = 'Người khác' WHERE type = 'received' AND rowid = 1")
    conn.commit()
    conn.close()
    r = cli(db, "verify", "--json")
    assert r.returncode == 3
    kinds = {b["kind"] for b in json.loads(r.stdout)["breaks"]}
    assert "file_unreadable" in kinds and "altered" in kinds
    r = cli(db, "verify")
    assert r.returncode == 3
    assert "do not restore a backup over this database" in r.stderr
    assert "restore the folder of the papers' files from a backup" in r.stderr
