"""The command line: the queue ticket and the fees at intake, a fee recorded after it."""

from __future__ import annotations

import json

import pytest

from tests.cli.test_cli import run, snapshot
from tests.helpers import AGENCY


@pytest.fixture(scope="module")
def desk(tmp_path_factory):
    db = tmp_path_factory.mktemp("cli_fees") / "desk.sqlite3"
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
        "1",
        "--officer",
        AGENCY["officer"],
    )
    assert r.returncode == 0, r.stderr
    return db


def test_intake_with_ticket_and_fee_then_the_e_receipt(desk):
    r = run(
        desk,
        "intake",
        "--procedure",
        "2.000884",
        "--applicant",
        "Trần Văn Bình",
        "--ticket",
        "b-105",
        "--fee-paid",
        "10.000",
        "--fee-method",
        "tiền mặt",
        "--birth-date",
        "02/01/1960",
        "--sex",
        "Nam",
        "--json",
    )
    assert r.returncode == 0, r.stderr
    d = json.loads(r.stdout)
    assert (d["ticket"], d["fee_paid"], d["fee_method"], d["receipt_ref"]) == (
        "B-105",
        10000,
        "cash",
        "",
    )
    assert d["fees"][0]["amount"] == 10000 and d["fees"][0]["officer"] == AGENCY["officer"]
    r = run(desk, "fee", d["code"], "--receipt-ref", "1C26TAA-0000123", "--json")
    assert r.returncode == 0, r.stderr
    after = json.loads(r.stdout)
    assert after["receipt_ref"] == "1C26TAA-0000123"
    assert after["fees"][0]["receipt_ref"] == "1C26TAA-0000123"
    r = run(desk, "fee", d["code"], "--amount", "5000", "--fee-method", "ck", "--json")
    assert json.loads(r.stdout)["fee_paid"] == 15000
    found = json.loads(run(desk, "find", "tran binh 02/01/1960", "--json").stdout)
    assert [x["code"] for x in found["results"]] == [d["code"]]
    assert found["results"][0]["ticket"] == "B-105" and found["results"][0]["birth_date"] == (
        "1960-01-02"
    )
    shown = run(desk, "show", d["code"])
    assert "queue ticket: B-105" in shown.stdout and "1C26TAA-0000123" in shown.stdout


def test_an_exempt_fee_is_recorded_as_nothing_collected(desk):
    r = run(
        desk,
        "intake",
        "--procedure",
        "1.001193",
        "--applicant",
        "Lê Thị Mai",
        "--fee-method",
        "miễn",
        "--json",
    )
    assert r.returncode == 0, r.stderr
    d = json.loads(r.stdout)
    assert (d["fee_paid"], d["fee_method"], d["fee_due"]) == (0, "exempt", 0)


@pytest.mark.parametrize(
    ("args", "words"),
    [
        (["--fee-paid", "-5000"], "negative"),
        (["--fee-paid", "abc"], "not a whole number"),
        (["--fee-paid", "12.5"], "not a whole number"),
        (["--fee-paid", "1e5"], "not a whole number"),
        (["--fee-paid", "20000", "--fee-method", "bitcoin"], "payment method"),
        (["--fee-paid", "20000", "--fee-method", "exempt"], "exempt"),
        (["--fee-paid", "0", "--fee-method", "cash"], "nothing collected"),
        (["--fee-paid", "99999999999"], "more than"),
        (["--receipt-ref", "AB-1"], "without the amount"),
        (["--ticket", "A" * 13], "longer than 12"),
        (["--ticket", "A\x07B"], "control character"),
        (["--ticket", "A 23/4"], "queue ticket"),
    ],
)
def test_bad_ticket_or_fee_is_one_line_exit_2_and_changes_nothing(desk, args, words):
    before = snapshot(desk)
    r = run(desk, "intake", "--procedure", "2.000884", "--applicant", "Trần Văn Bình", *args)
    assert r.returncode == 2, (r.stdout, r.stderr)
    assert len(r.stderr.strip().splitlines()) == 1 and words in r.stderr, r.stderr
    assert snapshot(desk) == before


@pytest.mark.parametrize(
    ("args", "words"),
    [
        (["--amount", "-1"], "negative"),
        (["--amount", "mười nghìn"], "not a whole number"),
        ([], "say the amount"),
    ],
)
def test_bad_fee_after_intake_is_exit_2_and_changes_nothing(desk, args, words):
    r = run(desk, "intake", "--procedure", "2.000884", "--applicant", "Phạm Văn Cường", "--json")
    code = json.loads(r.stdout)["code"]
    before = snapshot(desk)
    r = run(desk, "fee", code, *args)
    assert r.returncode == 2, (r.stdout, r.stderr)
    assert words in r.stderr and len(r.stderr.strip().splitlines()) == 1, r.stderr
    assert snapshot(desk) == before


def test_print_cash_sheet_pdf_and_xlsx(desk, tmp_path):
    import io

    import openpyxl
    from pypdf import PdfReader

    r = run(
        desk,
        "intake",
        "--procedure",
        "2.000884",
        "--applicant",
        "Hoàng Thị Thu",
        "--ticket",
        "Z9",
        "--fee-paid",
        "10000",
        "--json",
    )
    code = json.loads(r.stdout)["code"]
    day = code.split("-")[1]
    iso = f"20{day[:2]}-{day[2:4]}-{day[4:]}"
    pdf, xlsx = tmp_path / "bk.pdf", tmp_path / "bk.xlsx"
    r = run(desk, "print", "cash-sheet", "--date", iso, "--out", str(pdf))
    assert r.returncode == 0, r.stderr
    assert "not a receipt" in r.stdout
    text = "\n".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf.read_bytes())).pages)
    assert "KHÔNG PHẢI BIÊN LAI" in text and code in text and "Z9" in text
    r = run(
        desk,
        "print",
        "cash-sheet",
        "--date",
        iso,
        "--officer",
        AGENCY["officer"],
        "--out",
        str(xlsx),
    )
    assert r.returncode == 0, r.stderr
    values = [c.value for row in openpyxl.load_workbook(xlsx).active.iter_rows() for c in row]
    assert code in values and 10000 in values
    for args in (["--out", str(tmp_path / "bk.txt")], ["--date", "23/11", "--out", str(pdf)]):
        before = pdf.read_bytes()
        r = run(desk, "print", "cash-sheet", *args)
        assert r.returncode == 2 and len(r.stderr.strip().splitlines()) == 1, r.stderr
        assert pdf.read_bytes() == before and not (tmp_path / "bk.txt").exists()
