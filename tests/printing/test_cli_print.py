"""The print commands through a real subprocess (`python -m motcua_desk --db … print …`) on a
desk set up by the services fixture."""

from __future__ import annotations

import subprocess
import sys
from datetime import datetime
from pathlib import Path

import pytest

from tests.helpers import row_counts
from tests.printing import pdfcheck as pc
from tests.printing.conftest import ALL_FORMS, TP


def run(db_path: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "motcua_desk", "--db", str(db_path), *args],
        capture_output=True,
        text=True,
        timeout=120,
    )


def printed(services, code: str) -> list:
    return [e for e in services.dossiers.show(code).events if e.type == "printed"]


def leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".tmp"))


def test_print_slip_logs_the_print_and_a_second_print_is_a_marked_reprint(
    services, intake, db_path, tmp_path
):
    code = intake().code
    out = tmp_path / "slip.pdf"
    r = run(db_path, "print", "slip", code, "--out", str(out))
    assert r.returncode == 0, r.stderr
    assert code in r.stdout and "copy 1" in r.stdout
    assert pc.page_sizes(out.read_bytes()) == [pc.A5, pc.A5]
    assert [pc.code128(out.read_bytes(), i) for i in (0, 1)] == [[code], [code]]
    assert all("BẢN IN LẠI" not in t for t in pc.texts(out.read_bytes()))
    assert [e.payload["copy"] for e in printed(services, code)] == [1]

    r = run(db_path, "print", "slip", code, "--out", str(out))
    assert r.returncode == 0, r.stderr
    assert "reprint, copy 2" in r.stdout
    assert all("BẢN IN LẠI – LẦN 1" in t for t in pc.texts(out.read_bytes()))
    assert [(e.payload["copy"], e.payload["reprint"]) for e in printed(services, code)] == [
        (1, False),
        (2, True),
    ]
    assert services.dossiers.show(code).dossier.prints == {"slip": 2}
    assert leftovers(tmp_path) == []


@pytest.mark.parametrize("form", ALL_FORMS)
def test_every_form_prints_from_the_command_line(services, for_form, db_path, tmp_path, form):
    code = for_form(form).dossier.code
    out = tmp_path / f"{form}.pdf"
    r = run(db_path, "print", form, code, "--out", str(out))
    assert r.returncode == 0, r.stderr
    data = out.read_bytes()
    size = pc.A4 if form == "control" else pc.A5
    assert set(pc.page_sizes(data)) == {size}
    assert pc.code128(data, 0) == [code]
    assert [e.payload["form"] for e in printed(services, code)] == [form]


def test_slip_qr_follows_the_office_setting_unless_told(services, intake, db_path, tmp_path):
    code = intake().code
    # a desk that never touched the setting prints the QR (issue 9: it survives the folds)
    cases = [((), True), (("--no-qr",), False)]
    for when in ("default", "turned off"):
        if when == "turned off":
            services.settings.set_office(print_qr=False)
            cases = [((), False), (("--qr",), True)]
        for args, qr in cases:
            out = tmp_path / f"slip-{when}-{len(args)}.pdf"
            r = run(db_path, "print", "slip", code, "--out", str(out), *args)
            assert r.returncode == 0, r.stderr
            for page in (0, 1):  # both copies
                formats = sorted(s.format for s in pc.symbols(out.read_bytes(), page))
                assert formats == (["Code 128", "QR Code"] if qr else ["Code 128"]), (when, args)


@pytest.mark.parametrize(
    "case",
    [
        "unknown_code",
        "wrong_form",
        "missing_folder",
        "under_a_file",
        "is_a_directory",
        "bad_form_for_refused",
    ],
)
def test_bad_input_exits_2_with_one_line_and_records_nothing(
    services, clock, intake, db_path, tmp_path, case
):
    code = intake().code
    out = tmp_path / "out.pdf"
    form = "slip"
    if case == "unknown_code":
        code = "000.17.22.H56-261123-9999"
    elif case == "wrong_form":
        form = "refusal"
    elif case == "missing_folder":
        out = tmp_path / "no" / "such" / "folder" / "out.pdf"
    elif case == "under_a_file":
        (tmp_path / "file.txt").write_text("x")
        out = tmp_path / "file.txt" / "out.pdf"
    elif case == "is_a_directory":
        out = tmp_path
    elif case == "bad_form_for_refused":
        clock.advance(minutes=5)
        services.dossiers.refuse(code, "Không thuộc thẩm quyền")
    before = row_counts(db_path)
    r = run(db_path, "print", form, code, "--out", str(out))
    assert r.returncode == 2, (r.stdout, r.stderr)
    lines = r.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("motcua-desk: error:"), r.stderr
    assert row_counts(db_path) == before  # no "printed" event, nothing else either
    assert not (out.exists() and out.is_file())
    assert leftovers(tmp_path) == []


def test_existing_file_is_replaced_whole(services, intake, db_path, tmp_path):
    code = intake().code
    out = tmp_path / "slip.pdf"
    out.write_bytes(b"old content that is not a PDF")
    r = run(db_path, "print", "slip", code, "--out", str(out))
    assert r.returncode == 0, r.stderr
    assert out.read_bytes().startswith(b"%PDF-") and pc.page_count(out.read_bytes()) == 2
    assert leftovers(tmp_path) == []


def test_print_ledger_and_daily_list(services, clock, intake, db_path, tmp_path):
    codes = [intake().code for _ in range(3)]
    clock.set(datetime(2026, 11, 23, 10, 0))
    services.dossiers.handoff(codes, TP, receiver="Lý Văn Bình")
    ledger = tmp_path / "ledger.pdf"
    r = run(
        db_path,
        "print",
        "ledger",
        "--from",
        "2026-11-01",
        "--to",
        "2026-11-30",
        "--out",
        str(ledger),
    )
    assert r.returncode == 0, r.stderr
    assert "3 dossiers" in r.stdout
    data = ledger.read_bytes()
    assert set(pc.page_sizes(data)) == {pc.A4_LANDSCAPE}
    assert sorted(pc.CODE_RE.findall(" ".join(pc.texts(data)))) == sorted(codes)

    lst = tmp_path / "handoffs.pdf"
    r = run(
        db_path,
        "print",
        "handoffs",
        "--date",
        "2026-11-23",
        "--dept",
        "cong chuc tu phap - ho tich",
        "--out",
        str(lst),
    )
    assert r.returncode == 0, r.stderr
    texts = pc.texts(lst.read_bytes())
    assert set(pc.page_sizes(lst.read_bytes())) == {pc.A4_LANDSCAPE}
    whole = pc.flat(" ".join(texts))
    assert f"Đơn vị: {TP}" in whole and whole.count("Tổng cộng: 3 hồ sơ") == 2
    assert printed(services, codes[0]) == []  # lists are not logged per dossier


@pytest.mark.parametrize(
    "args",
    [
        ("ledger", "--from", "2026-11-30", "--to", "2026-11-01"),
        ("ledger", "--from", "30/11/2026", "--to", "2026-12-01"),
        ("handoffs", "--date", "hôm nay"),
        ("handoffs", "--date", "2026-11-23", "--dept", "Phòng Không Có"),
    ],
)
def test_bad_list_arguments_exit_2(services, db_path, tmp_path, args):
    out = tmp_path / "x.pdf"
    r = run(db_path, "print", *args, "--out", str(out))
    assert r.returncode == 2, (r.stdout, r.stderr)
    assert len(r.stderr.strip().splitlines()) == 1
    assert not out.exists()
