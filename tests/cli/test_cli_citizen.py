"""The command line: intake from the ID card's QR, and the satisfaction rating."""

from __future__ import annotations

import json

import pytest

from tests.cli.test_cli import run, snapshot
from tests.domain.test_cccd import CHIP_2021, NO_OLD_ID
from tests.helpers import AGENCY

TP = "Công chức Tư pháp - Hộ tịch"


@pytest.fixture(scope="module")
def desk(tmp_path_factory):
    db = tmp_path_factory.mktemp("cli_citizen") / "desk.sqlite3"
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
        "2",
        "--officer",
        AGENCY["officer"],
    )
    assert r.returncode == 0, r.stderr
    return db


def test_intake_from_the_card_qr_fills_the_applicant(desk):
    r = run(desk, "intake", "--procedure", "1.004873", "--cccd-qr", NO_OLD_ID, "--json")
    assert r.returncode == 0, r.stderr
    d = json.loads(r.stdout)
    assert d["applicant_name"] == "Trần Thị Bích Ngọc" and d["id_number"] == "026195004321"
    assert (d["birth_date"], d["sex"]) == ("1995-11-02", "female")
    assert d["address"].startswith("Thôn Đông, Xã Vi Hương")


def test_explicit_options_win_over_the_qr(desk):
    r = run(
        desk,
        "intake",
        "--procedure",
        "1.004873",
        "--cccd-qr",
        CHIP_2021,
        "--applicant",
        "Nguyễn Văn Ân",
        "--address",
        "Thôn Địa Cát, xã Vi Hương",
        "--sex",
        "Nữ",
        "--json",
    )
    assert r.returncode == 0, r.stderr
    d = json.loads(r.stdout)
    assert d["applicant_name"] == "Nguyễn Văn Ân" and d["address"] == "Thôn Địa Cát, xã Vi Hương"
    assert d["sex"] == "female" and d["birth_date"] == "1989-03-15"
    assert d["id_number"] == "001089012345"


@pytest.mark.parametrize(
    "payload",
    [
        CHIP_2021.replace("001089012345", "00108901234"),  # 11 digits
        CHIP_2021.replace("15031989", "31021989"),
        "not a card at all",
    ],
)
def test_a_bad_qr_is_one_line_exit_2_and_changes_nothing(desk, payload):
    before = snapshot(desk)
    r = run(desk, "intake", "--procedure", "1.004873", "--cccd-qr", payload)
    assert r.returncode == 2
    assert len(r.stderr.strip().splitlines()) == 1 and "QR" in r.stderr
    assert "Nguyễn" not in r.stderr and "0010890123" not in r.stderr
    assert snapshot(desk) == before


def test_without_qr_the_applicant_is_still_required(desk):
    before = snapshot(desk)
    r = run(desk, "intake", "--procedure", "1.004873")
    assert r.returncode == 2 and "--applicant" in r.stderr
    assert snapshot(desk) == before


def _ready(desk) -> str:
    code = json.loads(
        run(
            desk, "intake", "--procedure", "1.004873", "--applicant", "Lê Minh Khang", "--json"
        ).stdout
    )["code"]
    assert run(desk, "handoff", code, "--to", TP, "--receiver", "Lý Văn A").returncode == 0
    assert run(desk, "receive-result", code, "--giver", "Lý Văn A").returncode == 0
    return code


def test_return_with_a_rating_and_the_refusals(desk):
    code = _ready(desk)
    for args in (["--rating", "4"], ["--rating", "0"], ["--rating", "3"], ["--rating", "x"]):
        before = snapshot(desk)
        r = run(desk, "return", code, "--to-name", "Lê Minh Khang", *args)
        assert r.returncode == 2, (args, r.stderr)
        assert len(r.stderr.strip().splitlines()) == 1
        assert snapshot(desk) == before
    r = run(
        desk,
        "return",
        code,
        "--to-name",
        "Lê Minh Khang",
        "--rating",
        "3",
        "--rating-reason",
        "Phải đi lại hai lần",
        "--json",
    )
    assert r.returncode == 0, r.stderr
    d = json.loads(r.stdout)
    assert d["status"] == "returned" and d["rating"] == 3
    assert d["rating_reason"] == "Phải đi lại hai lần"
    before = snapshot(desk)
    r = run(desk, "rate", code, "--rating", "1")
    assert r.returncode == 2 and "already rated" in r.stderr
    assert snapshot(desk) == before


def test_rate_after_the_return(desk):
    code = _ready(desk)
    before = snapshot(desk)
    r = run(desk, "rate", code, "--rating", "1")  # not returned yet
    assert r.returncode == 2
    assert snapshot(desk) == before
    assert run(desk, "return", code, "--to-name", "Lê Minh Khang").returncode == 0
    r = run(desk, "rate", code, "--rating", "2")
    assert r.returncode == 0, r.stderr
    assert "rating: 2 Hài lòng" in r.stdout
    shown = json.loads(run(desk, "show", code, "--json").stdout)
    assert shown["rating"] == 2 and shown["events"][-1]["type"] == "rated"
