"""The queue ticket carried into the per-dossier lists of the reports (the late list: JSON and
XLSX) and into the today lists."""

from __future__ import annotations

import io
from datetime import date, timedelta

import openpyxl

from motcua_desk import printing
from motcua_desk.domain.report_periods import Period
from motcua_desk.services import IntakeRequest
from motcua_desk.services.report_json import late_json


def test_a_late_dossier_keeps_its_ticket_in_the_late_list(services, clock):
    d = services.dossiers.intake(IntakeRequest("1.004873", "Trần Văn Muộn", ticket="C-042"))
    services.dossiers.intake(IntakeRequest("1.004873", "Lê Văn Không Số"))
    clock.advance(days=10)  # both open past their due moment
    period = Period(date(2026, 11, 1), date(2026, 11, 30) + timedelta(days=10))
    late = services.reports.late(period)
    tickets = {e.code: e.ticket for e in late.entries}
    assert tickets[d.dossier.code] == "C-042" and sorted(tickets.values()) == ["", "C-042"]
    rows = [x for g in late_json(late, services.reports.tz())["departments"] for x in g["dossiers"]]
    assert {x["code"]: x["ticket"] for x in rows} == tickets
    ws = openpyxl.load_workbook(
        io.BytesIO(printing.late_xlsx(late, services.settings.agency(), services.reports.tz()))
    ).active
    head = next(r for r in range(1, 20) if ws.cell(r, 1).value == "STT")
    assert ws.cell(head, 17).value == "Số phiếu xếp hàng"
    by_code = {ws.cell(r, 3).value: ws.cell(r, 17).value for r in range(head + 1, head + 3)}
    assert by_code[d.dossier.code] == "C-042"


def test_the_today_list_shows_the_ticket_and_the_date_of_birth(services):
    d = services.dossiers.intake(
        IntakeRequest("1.004873", "Phạm Thị Hoa", ticket="A7", birth_date="01/02/1990", sex="Nữ")
    )
    (row,) = services.dossiers.today_list("received_today")
    assert (row.code, row.ticket, row.birth_date_label, row.sex_label) == (
        d.dossier.code,
        "A7",
        "01/02/1990",
        "Nữ",
    )
