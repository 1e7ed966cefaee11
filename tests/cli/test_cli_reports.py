"""`report period | late | indices` through the real entry point (cli.main, exit code returned)
on a real SQLite file made with the services: the hand-worked November of report_scenario, the
JSON shape the issue names, and bad input (one line, exit 2, nothing written)."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

import pytest

from motcua_desk.app import open_services
from tests.helpers import AGENCY, FakeClock, local
from tests.services import report_scenario as sc

ROW_KEYS = [
    "received_total",
    "received_online",
    "received_direct",
    "carried_over",
    "resolved_total",
    "resolved_early",
    "resolved_on_time",
    "resolved_late",
    "pending_total",
    "pending_within",
    "pending_overdue",
]
NOV = ("--from", "2026-11-01", "--to", "2026-11-30")


@dataclass
class Ran:
    returncode: int
    stdout: str
    stderr: str


@pytest.fixture
def cli(capsys):
    from motcua_desk.cli import main

    def run_(db: Path, *args: str) -> Ran:
        try:
            code = main(["--db", str(db), *args])
        except SystemExit as err:  # argparse refuses before a command runs
            code = err.code
        out = capsys.readouterr()
        return Ran(code, out.out, out.err)

    return run_


def _make(folder: Path, extra=None) -> tuple[Path, dict[str, str]]:
    db = folder / "desk.sqlite3"
    clock = FakeClock()
    svc = open_services(db, clock=clock)
    try:
        svc.settings.init_desk(desk_no=1, **AGENCY)
        codes = sc.build(svc, clock)
        if extra is not None:
            extra(svc, codes)
    finally:
        svc.close()
    return db, codes


@pytest.fixture(scope="module")
def scenario(tmp_path_factory) -> tuple[Path, dict[str, str]]:
    return _make(tmp_path_factory.mktemp("reports"))


def files(db: Path) -> dict[str, bytes]:
    return {
        p.name: p.read_bytes() for p in (db, Path(f"{db}-wal")) if p.exists() and p.stat().st_size
    }


def test_period_json_is_the_hand_worked_november(cli, scenario):
    db, _ = scenario
    r = cli(db, "report", "period", *NOV, "--json")
    assert r.returncode == 0, r.stderr
    out = json.loads(r.stdout)
    assert (out["from"], out["to"]) == ("2026-11-01", "2026-11-30")
    for row in out["rows"] + [out["total"]]:
        assert {"field", "procedure_code", *ROW_KEYS} <= set(row)
        assert row["received_total"] == row["resolved_total"] + row["pending_total"]
    t = out["total"]
    assert [t[k] for k in ROW_KEYS] == [12, 1, 8, 3, 8, 3, 2, 3, 4, 3, 1]
    assert t["field"] is None and t["procedure_code"] is None
    # one row per field (procedure_code null) followed by its procedures
    assert [(r["field"], r["procedure_code"]) for r in out["rows"]] == [
        ("Chứng thực", None),
        ("Chứng thực", sc.CT),
        ("Hộ tịch", None),
        ("Hộ tịch", sc.HT),
    ]
    items = {r["procedure_code"]: r for r in out["rows"] if r["procedure_code"]}
    for (_, code), expected in sc.EXPECTED.items():
        assert items[code]["received_online"] == expected["received_online"]
        assert items[code]["received_direct"] == expected["received_direct"]
        assert items[code]["carried_over"] == expected["carried_over"]
        assert items[code]["resolved_late"] == expected["resolved_late"]
        assert items[code]["pending_overdue"] == expected["pending_overdue"]
        assert items[code]["refused_at_intake"] == expected["refused_at_intake"]
        assert items[code]["stopped"] == expected["stopped"]
    field_rows = {r["field"]: r for r in out["rows"] if r["procedure_code"] is None}
    assert field_rows["Hộ tịch"]["received_total"] == items[sc.HT]["received_total"] == 10
    assert out["scope"] == "desk"


def test_period_by_department_scope_and_desk(cli, scenario):
    db, _ = scenario
    r = cli(db, "report", "period", *NOV, "--by", "department", "--json")
    assert r.returncode == 0, r.stderr
    out = json.loads(r.stdout)
    assert [r["department"] for r in out["rows"] if r["procedure_code"] is None] == [sc.DEPT]
    assert out["total"]["received_total"] == 12
    for desk, received in ((None, 12), ("1", 12), ("2", 0)):
        args = ("--scope", "office") + (("--desk", desk) if desk else ())
        out = json.loads(cli(db, "report", "period", *NOV, *args, "--json").stdout)
        assert out["total"]["received_total"] == received, desk
    r = cli(db, "report", "period", *NOV, "--by", "procedure", "--json")
    assert json.loads(r.stdout)["total"]["received_total"] == 12


def test_period_text_table(cli, scenario):
    db, _ = scenario
    r = cli(db, "report", "period", *NOV)
    assert r.returncode == 0, r.stderr
    lines = r.stdout.splitlines()
    assert "Biểu số 06/VPCP/KSTT" in lines[0] and "(13)" in lines[1]
    assert lines[1].split()[-2:] == ["refused", "stopped"]  # whole words, not "refuse"
    assert lines[-1].startswith("received 12; resolved 8 (67 %)")  # the seeds' figures
    total = lines[-2].split()
    assert total[:2] == ["Tổng", "cộng"]
    assert [int(x) for x in total[2:]] == [12, 1, 8, 3, 8, 3, 2, 3, 4, 3, 1, 1, 1]


def test_late_json_per_department_with_apologies(cli, scenario):
    db, codes = scenario
    r = cli(db, "report", "late", *NOV, "--json")
    assert r.returncode == 0, r.stderr
    out = json.loads(r.stdout)
    assert [g["department"] for g in out["departments"]] == [sc.DEPT]
    dossiers = {d["code"]: d for d in out["departments"][0]["dossiers"]}
    assert set(dossiers) == {codes["O"], codes["D"], codes["E"], codes["F"]}
    assert {c: d["kind"] for c, d in dossiers.items()} == {
        codes["O"]: "late",
        codes["D"]: "late",
        codes["E"]: "late",
        codes["F"]: "overdue",
    }
    e = dossiers[codes["E"]]
    assert e["extended"] and e["apology"]
    assert e["apology_at"] == "2026-11-04T09:00+07:00"
    assert e["apology_new_due_at"] == "2026-11-10T17:00+07:00"
    assert e["apology_reason"] == "Cần xác minh"
    assert e["apology_in_time"] is True  # a working day and more before 6/11 09:00
    assert e["due_at"] == "2026-11-06T09:00+07:00"  # the original due counts
    assert e["finished_at"] == "2026-11-09T09:00+07:00"
    d = dossiers[codes["D"]]
    assert not d["apology"] and d["apology_at"] is None and d["apology_in_time"] is None
    assert out["total"] == {
        "late": 3,
        "overdue": 1,
        "extended": 1,
        "apology": 1,
        "apology_printed": 0,
        "total": 4,
    }
    # October (both due 30/10 17:00): O open past due at its end, P finished 31/10 23:59
    r = cli(db, "report", "late", "--from", "2026-10-01", "--to", "2026-10-31", "--json")
    october = {
        d["code"]: d["kind"] for g in json.loads(r.stdout)["departments"] for d in g["dossiers"]
    }
    assert october == {codes["O"]: "overdue", codes["P"]: "late"}


def test_late_text(cli, scenario):
    db, codes = scenario
    r = cli(db, "report", "late", *NOV)
    assert r.returncode == 0, r.stderr
    assert "late 3, overdue 1, extended 1, apology issued 1" in r.stdout
    assert f"{codes['E']}  late" in r.stdout and "apology 04/11/2026 09:00" in r.stdout


def _two_supplements(svc, codes):
    """X: sent back twice, each time completed; its result comes before the restarted due
    (early by the clock), but more than one supplement request counts as late for QĐ 766."""
    from motcua_desk.services import IntakeRequest

    d = svc.dossiers

    def at(*a):
        return local(*a).replace(tzinfo=None)

    x = d.intake(
        IntakeRequest(
            procedure_code=sc.HT, applicant_name="Nguyễn Văn X", received_at=at(2026, 11, 16, 9, 0)
        )
    ).dossier.code
    d.request_supplement(x, "Thiếu giấy tờ", at=at(2026, 11, 16, 10, 0))
    d.resubmit(x, at=at(2026, 11, 17, 9, 0))
    d.request_supplement(x, "Thiếu giấy tờ lần hai", at=at(2026, 11, 17, 10, 0))
    d.resubmit(x, at=at(2026, 11, 18, 9, 0))
    d.receive_result([x], at=at(2026, 11, 19, 9, 0))
    codes["X"] = x


def test_indices_json(cli, tmp_path):
    db, codes = _make(tmp_path, _two_supplements)
    r = cli(db, "report", "indices", *NOV, "--json")
    assert r.returncode == 0, r.stderr
    out = json.loads(r.stdout)
    by_key = {i["key"]: i for i in out["indices"]}
    on_time = by_key["2.1"]
    # 13 counted (the 12 of the scenario and X); lowering: O, D, E late, F overdue, X (twice)
    assert (on_time["numerator"], on_time["denominator"], on_time["score"]) == (8, 13, 61.54)
    lowering = {x["code"]: x["why"] for x in on_time["lowering"]}
    assert set(lowering) == {codes[k] for k in "ODEFX"}
    assert lowering[codes["X"]] == "bổ sung 2 lần"
    assert on_time["formula"]
    channel = by_key["3.3"]
    assert (channel["numerator"], channel["denominator"], channel["score"]) == (1, 10, 10.0)
    assert channel["parts"] == {"online": 1, "direct": 8, "post": 1}
    assert codes["E"] not in {x["code"] for x in channel["lowering"]}  # E came online
    assert len(channel["lowering"]) == 9
    assert by_key["5.4"]["score"] is None  # no ratings yet: "—"
    # the same dossier in Biểu 06 is early: the report and the index differ on purpose
    r = cli(db, "report", "period", *NOV, "--json")
    assert json.loads(r.stdout)["total"]["resolved_early"] == 4
    r = cli(db, "report", "indices", *NOV)
    assert r.returncode == 0 and "2.1  Tỷ lệ hồ sơ giải quyết đúng hạn: 61.54 % (8/13)" in r.stdout


BAD = [
    (("--from", "2026-11-31", "--to", "2026-12-01"), "not a date"),
    (("--from", "01/11/2026", "--to", "2026-12-01"), "not a date"),
    (("--from", "2026-11-01", "--to", "2026-10-31"), "before the start date"),
    (("--from", "2016-01-01", "--to", "2026-01-02"), "10 years"),
    (("--from", "1999-12-31", "--to", "2000-01-31"), "2000–2099"),
    (("--from", "2026-11-01", "--to", "2026-11-30", "--desk", "2"), "--scope office"),
    (("--from", "2026-11-01", "--to", "2026-11-30", "--scope", "office", "--desk", "12"), "1 to 9"),
]


def refused(r: Ran, *words: str) -> str:
    assert r.returncode == 2, (r.returncode, r.stdout, r.stderr)
    lines = [line for line in r.stderr.splitlines() if line.strip()]
    assert len(lines) == 1, r.stderr
    assert lines[0].startswith("motcua-desk"), lines[0]
    assert "internal error" not in lines[0]
    for w in words:
        assert w in lines[0], (w, lines[0])
    assert r.stdout == ""
    return lines[0]


@pytest.mark.parametrize("command", ["period", "late", "indices"])
def test_bad_input_is_one_line_exit_2_and_nothing_written(cli, scenario, tmp_path, command):
    db, _ = scenario
    before = files(db)
    for args, words in BAD:
        refused(cli(db, "report", command, *args, "--json"), words)
    refused(cli(db, "report", command, *NOV, "--scope", "province"), "invalid choice")
    if command == "period":
        refused(cli(db, "report", command, *NOV, "--by", "officer"), "unknown --by")
    else:
        refused(cli(db, "report", command, *NOV, "--by", "field"), "unrecognized")
    if command != "indices":
        for name in ("report.doc", "report", "report.pdf.txt"):
            out = tmp_path / name
            refused(cli(db, "report", command, *NOV, "--out", str(out)), "neither")
            assert not out.exists()
        refused(
            cli(db, "report", command, *NOV, "--json", "--out", str(tmp_path / "a.pdf")),
            "not allowed",
        )
        refused(
            cli(db, "report", command, *NOV, "--out", str(tmp_path / "no" / "a.pdf")),
            "cannot write",
        )
        for args, words in BAD:
            refused(cli(db, "report", command, *args, "--out", str(tmp_path / "b.xlsx")), words)
    else:
        refused(cli(db, "report", command, *NOV, "--out", str(tmp_path / "a.pdf")), "unrecognized")
    assert sorted(p.name for p in tmp_path.iterdir()) == []
    assert files(db) == before


def test_bad_input_does_not_even_open_a_missing_database(cli, tmp_path):
    db = tmp_path / "absent.sqlite3"
    refused(
        cli(db, "report", "period", "--from", "2026-11-01", "--to", "2026-10-01"),
        "before the start date",
    )
    assert not db.exists()


def test_settings_change_the_figures_from_the_command_line(cli, tmp_path):
    db, codes = _make(tmp_path)
    r = cli(db, "report", "settings", "--json")
    assert json.loads(r.stdout) == {
        "compare": "timestamp",
        "supplement_wait_within": True,
        "period_start_day": 1,
        "stopped": "resolved",
    }
    r = cli(db, "report", "settings", "--compare", "date", "--stopped", "excluded", "--json")
    assert r.returncode == 0, r.stderr
    assert json.loads(r.stdout)["compare"] == "date"
    out = json.loads(cli(db, "report", "period", *NOV, "--json").stdout)
    ht = next(r for r in out["rows"] if r["procedure_code"] == sc.HT)
    assert (ht["resolved_on_time"], ht["resolved_late"], ht["stopped"]) == (3, 1, 0)
    before = files(db)
    refused(cli(db, "report", "settings", "--period-start-day", "31"), "1 to 28")
    refused(cli(db, "report", "settings", "--compare", "minute"), "invalid choice")
    assert files(db) == before
    r = cli(db, "report", "settings")
    assert "compare: date" in r.stdout and "stopped: excluded" in r.stdout
