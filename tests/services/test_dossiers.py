"""Lifecycle use cases on a real SQLite file with an injected clock."""

from __future__ import annotations

import unicodedata
from datetime import date, datetime

import pytest

from motcua_desk.domain.dto import DocumentLine
from motcua_desk.domain.errors import DomainError, IllegalTransition, NotFound, ValidationError
from motcua_desk.services import IntakeRequest
from tests.helpers import local, row_counts

TP = "Công chức Tư pháp - Hộ tịch"


def intake(services, name="Nguyễn Thị Hằng Đặng", proc="1.004873", **kw):
    return services.dossiers.intake(IntakeRequest(proc, name, **kw)).dossier


def test_intake_issues_code_ledger_number_and_due_moment(services):
    d = intake(
        services,
        id_number="012345678901",
        phone="0912 345 678",
        address="Thôn Địa Cát, xã Vi Hương",
    )
    assert d.code == "000.17.22.H56-261123-0001"
    assert (d.ledger_year, d.ledger_number, d.ledger_book) == (2026, 1, "01/2026")
    assert d.phone == "0912345678" and d.status == "received" and d.national_status == 2
    # Mon 23/11 09:00 + 3 working days, Tue 24/11 is Ngày Văn hóa Việt Nam
    assert d.due_at == local(2026, 11, 27, 9, 0)
    assert "24/11/2026" in d.due_explanation
    assert [x.name for x in d.documents] and all(x.checked for x in d.documents)


def test_codes_count_per_day_and_ledger_runs_on_through_the_year(services, clock):
    a = intake(services)
    b = intake(services)
    clock.set(datetime(2026, 11, 25, 8, 0))
    c = intake(services)
    assert [a.code[-4:], b.code[-4:]] == ["0001", "0011"]  # desk 1 of 10 slots
    assert c.code == "000.17.22.H56-261125-0001"
    assert [a.ledger_number, b.ledger_number, c.ledger_number] == [1, 2, 3]
    clock.set(datetime(2027, 1, 4, 8, 0))
    assert intake(services).ledger_number == 1


def test_backdated_intake_uses_that_day_for_code_and_clock(services):
    d = intake(services, proc="1.001193", received_at=datetime(2026, 11, 20, 15, 20))
    assert d.code == "000.17.22.H56-261120-0001"
    assert d.due_at == local(2026, 11, 23, 17, 0)  # same-day after 15:00 → next working day


@pytest.mark.parametrize(
    "kw,field",
    [
        ({"applicant_name": ""}, "applicant_name"),
        ({"applicant_name": "12345"}, "applicant_name"),
        ({"id_number": "12345"}, "id_number"),
        ({"phone": "123"}, "phone"),
        ({"email": "no-at-sign"}, "email"),
        ({"sets": 0}, "sets"),
        ({"received_at": datetime(2030, 1, 1, 9, 0)}, "received_at"),
        ({"received_at": datetime(2020, 1, 1, 9, 0)}, "received_at"),
    ],
)
def test_bad_intake_input_is_refused_and_changes_nothing(services, db_path, kw, field):
    before = row_counts(db_path)
    args = {"procedure_code": "1.004873", "applicant_name": "Nguyễn Văn A", **kw}
    with pytest.raises(ValidationError) as err:
        services.dossiers.intake(IntakeRequest(**args))
    assert err.value.field == field
    assert row_counts(db_path) == before


def test_unknown_procedure_refused(services):
    with pytest.raises(NotFound, match="unknown procedure"):
        intake(services, proc="9.999999")


def test_full_lifecycle_with_steps_and_timing(services, clock):
    d = intake(services, proc="1.004873")
    clock.advance(hours=1)
    [h] = services.dossiers.handoff([d.code], "cong chuc tu phap - ho tich", receiver="Lý Văn A")
    assert h.dossier.status == "in_process" and h.dossier.location == TP
    clock.set(datetime(2026, 11, 26, 10, 0))
    services.dossiers.receive_result([d.code], giver="Lý Văn A")
    clock.advance(hours=2)
    done = services.dossiers.return_result(d.code, "Nguyễn Thị Hằng Đặng", "counter")
    assert done.dossier.status == "returned" and done.dossier.national_status == 10
    kinds = [(s.kind, s.timing) for s in done.steps]
    assert kinds == [("handed_off", "on_time"), ("result_received", "early"), ("returned", "early")]
    assert [e.type for e in done.events] == [
        "received",
        "handed_off",
        "result_received",
        "returned",
    ]
    assert done.allowed_actions == ("note", "reprint", "fee")


def test_late_steps_are_marked_late(services, clock):
    d = intake(services, proc="1.001193")  # same day: due Mon 17:00
    clock.set(datetime(2026, 11, 25, 9, 0))
    services.dossiers.handoff([d.code], TP, receiver="Lý Văn Nhận")
    services.dossiers.receive_result([d.code])
    done = services.dossiers.return_result(d.code, "Nguyễn Thị Hằng Đặng")
    assert [s.timing for s in done.steps] == ["late", "late", "late"]
    assert done.dossier.is_late


def test_batch_handoff_is_all_or_nothing(services, db_path):
    a, b = intake(services), intake(services)
    before = row_counts(db_path)
    with pytest.raises(NotFound):
        services.dossiers.handoff(
            [a.code, "000.17.22.H56-261123-9999", b.code], TP, receiver="Lý Văn Nhận"
        )
    assert row_counts(db_path) == before
    done = services.dossiers.handoff([a.code, b.code, a.code.lower()], TP, receiver="Lý Văn Nhận")
    assert [x.dossier.code for x in done] == [a.code, b.code]


def test_unknown_department_refused(services):
    d = intake(services)
    with pytest.raises(NotFound, match="unknown department"):
        services.dossiers.handoff([d.code], "Phòng Không Có", receiver="Lý Văn Nhận")


def test_supplement_at_intake_and_restart_of_the_clock(services, clock):
    d = intake(services)
    s = services.dossiers.request_supplement(
        d.code, "Thiếu giấy tờ chứng minh", [DocumentLine("Bản sao giấy ly hôn", "copy", "", 1)]
    )
    assert s.dossier.status == "supplement_requested" and s.dossier.national_status == 5
    assert s.dossier.last_supplement["items"][0]["name"] == "Bản sao giấy ly hôn"
    clock.set(datetime(2026, 11, 30, 14, 0))
    r = services.dossiers.resubmit(d.code)
    assert r.dossier.status == "received"
    assert r.dossier.due_at == local(2026, 12, 3, 14, 0)  # 3 working days from zero again


def test_department_may_ask_for_supplements_only_within_three_working_days(services, clock):
    d = intake(services)
    services.dossiers.handoff([d.code], TP, receiver="Lý Văn Nhận")
    clock.set(datetime(2026, 11, 27, 9, 30))  # 24/11 a holiday: 3 working days and 30 minutes
    with pytest.raises(DomainError, match="within 3 working days"):
        services.dossiers.request_supplement(d.code, "Thiếu")
    clock.set(datetime(2026, 11, 27, 9, 0))  # exactly 3 working days: still allowed
    assert services.dossiers.request_supplement(d.code, "Thiếu").dossier.supplement_count == 1


def test_refusal_at_intake_and_after_appraisal(services):
    a = intake(services)
    assert services.dossiers.refuse(a.code, "Không thuộc thẩm quyền").dossier.status == "refused"
    b = intake(services)
    services.dossiers.handoff([b.code], TP, receiver="Lý Văn Nhận")
    r = services.dossiers.refuse(b.code, "Không đủ điều kiện")
    assert r.dossier.status == "rejected" and r.events[-1].type == "refused_after_appraisal"
    assert (
        services.dossiers.return_result(b.code, "Nguyễn Thị Hằng Đặng").dossier.status == "returned"
    )


def test_extension_once_with_warning_when_late(services, clock):
    d = intake(services)  # due Fri 27/11 09:00
    e = services.dossiers.extend(d.code, datetime(2026, 12, 2, 17, 0), "Cần xác minh")
    assert e.warnings == () and e.dossier.extended
    assert e.dossier.original_due_at == local(2026, 11, 27, 9, 0)
    assert e.dossier.due_at == local(2026, 12, 2, 17, 0)
    with pytest.raises(IllegalTransition, match="only once"):
        services.dossiers.extend(d.code, datetime(2026, 12, 4, 17, 0), "Lần hai")
    other = intake(services)
    clock.set(datetime(2026, 11, 26, 14, 0))  # less than a working day before the due moment
    late = services.dossiers.extend(other.code, datetime(2026, 12, 1, 17, 0), "Muộn")
    assert late.warnings == ("late_apology",)
    with pytest.raises(ValidationError, match="later than"):
        services.dossiers.extend(intake(services).code, datetime(2026, 11, 27, 8, 0), "Sớm hơn")


def test_stop_and_void(services):
    a = intake(services)
    assert services.dossiers.stop(a.code, "Công dân rút hồ sơ").dossier.national_status == 7
    with pytest.raises(IllegalTransition):
        services.dossiers.handoff([a.code], TP, receiver="Lý Văn Nhận")
    b = intake(services)
    assert services.dossiers.void(b.code, "Nhập nhầm").dossier.status == "voided"


def test_reprints_are_counted(services):
    d = intake(services)
    first = services.dossiers.record_print(d.code, "slip")
    second = services.dossiers.record_print(d.code, "slip")
    assert first.dossier.prints["slip"] == 1 and second.dossier.prints["slip"] == 2
    assert second.events[-1].payload["reprint"] is True


def test_find_by_scanned_code_forgives_whitespace_and_case(services):
    d = intake(services)
    assert services.dossiers.find_by_code(f"  {d.code.lower()}\r\n").dossier.id == d.id
    typed = [d.code.lower().replace("-", " - "), d.code.replace("-", " ")]  # by hand
    for text in typed:
        assert services.dossiers.find_by_code(text).dossier.id == d.id
        assert [v.id for v in services.dossiers.search(text)] == [d.id]
    with pytest.raises(NotFound):
        services.dossiers.find_by_code("000.17.22.H56-261123-0999")


def test_search_by_folded_name_phone_id_and_code(services):
    a = intake(services, name="Nguyễn Văn Đức", phone="0987654321", id_number="001099012345")
    b = intake(services, name=unicodedata.normalize("NFD", "Đặng Thị Hằng"))
    intake(services, name="Trần Văn Bình")
    s = services.dossiers.search
    assert [x.code for x in s("nguyen van duc")] == [a.code]
    assert [x.code for x in s("NGUYỄN ĐỨC")] == [a.code]
    assert [x.code for x in s("dang thi")] == [b.code]
    assert b.applicant_name == "Đặng Thị Hằng" and unicodedata.is_normalized(
        "NFC", b.applicant_name
    )
    assert [x.code for x in s("0987 654 321")] == [a.code]
    assert [x.code for x in s("001099012345")] == [a.code]
    assert [x.code for x in s("001099")] == [a.code]
    assert {x.code for x in s("000.17.22.H56-261123")} == {a.code, b.code} | {s("binh")[0].code}
    assert [x.code for x in s("van", limit=1)] == [s("binh")[0].code]  # newest first
    page2 = s("van", limit=1, before_pk=s("van", limit=1)[0].pk)
    assert [x.code for x in page2] == [a.code]
    assert s("van", status=["returned"]) == []


def test_today_panel_counts(services, clock):
    TP_ = TP  # noqa: N806
    a = intake(services, proc="1.001193")  # due today 17:00
    b = intake(services, proc="1.004873")  # due Fri
    c = intake(services, proc="2.001035")  # 2 working days: due Thu 26/11 09:00
    services.dossiers.handoff([b.code, c.code], TP_, receiver="Lý Văn Nhận")
    clock.set(datetime(2026, 11, 25, 9, 0))  # Wed: a is overdue, c due tomorrow (soon)
    d = intake(services, proc="1.001193")
    services.dossiers.receive_result([c.code])
    t = services.dossiers.today()
    assert (t.overdue, t.due_today, t.results_waiting, t.received_today) == (1, 1, 1, 1)
    assert [x.code for x in services.dossiers.today_list("overdue")] == [a.code]
    assert [x.code for x in services.dossiers.today_list("due_today")] == [d.code]
    clock.set(datetime(2026, 11, 26, 9, 30))
    t = services.dossiers.today()
    assert t.due_soon == 1 and services.dossiers.today_list("due_soon")[0].code == b.code
    # Công chức Tư pháp - Hộ tịch allows 1 working day a step: b has waited longer
    assert [x.code for x in services.dossiers.today_list("waiting_long")] == [b.code]


def test_ledger_and_daily_handoff_list(services, clock):
    a = intake(services)
    b = intake(services, proc="1.001193")
    clock.advance(hours=2)
    services.dossiers.handoff([a.code, b.code], TP, receiver="Lý Văn A")
    clock.advance(hours=3)
    services.dossiers.receive_result([b.code])
    rows = services.dossiers.ledger(date(2026, 11, 1), date(2026, 11, 30))
    assert [r.ledger_number for r in rows] == [1, 2]
    entries = services.dossiers.handoffs_on(date(2026, 11, 23))
    assert [(e.dossier.code, e.direction) for e in entries] == [
        (a.code, "out"),
        (b.code, "out"),
        (b.code, "back"),
    ]
    assert entries[0].step.receiver == "Lý Văn A"
    assert services.dossiers.handoffs_on(date(2026, 11, 23), "Phòng Kinh tế") == []


def test_moments_in_the_future_or_before_receipt_are_refused(services, clock):
    d = intake(services)
    with pytest.raises(ValidationError, match="future"):
        services.dossiers.handoff(
            [d.code], TP, at=datetime(2026, 11, 23, 12, 0), receiver="Lý Văn Nhận"
        )
    with pytest.raises(ValidationError, match="before"):
        services.dossiers.handoff(
            [d.code], TP, at=datetime(2026, 11, 23, 8, 0), receiver="Lý Văn Nhận"
        )


def test_calendar_override_moves_due_dates(services):
    services.calendar.add_override(date(2026, 11, 25), "off", "Nghỉ bão")
    d = intake(services)
    assert d.due_at == local(2026, 11, 30, 9, 0)
    assert "Nghỉ bão" in d.due_explanation


def test_identity_cannot_change_after_codes_were_issued(services):
    from tests.helpers import AGENCY

    intake(services)
    with pytest.raises(DomainError, match="cannot change"):
        services.settings.init_desk(desk_no=2, **AGENCY)
    info = services.settings.init_desk(desk_no=1, **{**AGENCY, "officer": "Hoàng Văn Mới"})
    assert info.officer == "Hoàng Văn Mới"


def test_catalog_search_and_import(services, tmp_path):
    found = services.catalog.find("khai sinh")
    assert found[0].code == "1.001193"
    assert any(p.code == "2.000815" for p in services.catalog.find("chung thuc ban sao"))
    assert len(services.catalog.list()) >= 25
    csv = tmp_path / "p.csv"
    csv.write_text(
        "code,name,field,time_amount,time_unit,department,documents\n"
        "9.000001,Thủ tục thử,Khác,2,working_days,Phòng Kinh tế,Tờ khai|original|1\n"
        "1.001193,Thủ tục đăng ký khai sinh (sửa),Hộ tịch,0,same_day,"
        "Công chức Tư pháp - Hộ tịch,Tờ khai|original|1\n",
        encoding="utf-8",
    )
    r = services.catalog.import_file(csv)
    assert (r.added, r.updated) == (1, 1)
    assert services.catalog.get("1.001193").version == 2
    bad = tmp_path / "bad.json"
    bad.write_text('{"procedures": [{"code": "x", "name": "y"}]}')
    with pytest.raises(ValidationError):
        services.catalog.import_file(bad)
    assert services.catalog.get("9.000001").name == "Thủ tục thử"


def test_the_due_calculator_takes_any_moment(services):
    far = services.dossiers.preview_due("1.004873", datetime(2027, 2, 3, 15, 20))
    assert far.due_at == local(2027, 2, 15, 17, 0)  # after the cut-off, Tết 4–10/2: 11, 12, 15
    assert "Tết" in far.explanation


def test_a_desk_not_set_up_is_refused_everywhere_with_what_to_do(db_path, clock):
    from motcua_desk.app import open_services
    from motcua_desk.store.errors import DeskNotInitialised

    svc = open_services(db_path, clock=clock)
    try:
        cases = [
            (
                svc.settings.agency,
                "this desk has not been set up yet: run 'motcua-desk init' (or start the window)",
            ),
            (lambda: svc.settings.set_officer("Lê Thị Hoa"), "this desk has not been set up yet"),
            (
                lambda: intake(svc),
                "this desk has not been set up yet: run 'motcua-desk init' (or start the window)",
            ),
            (
                svc.replication.identity,
                "this desk has not been set up yet: run 'motcua-desk init' before syncing",
            ),
            (
                svc.replication.counts,
                "this desk has not been set up yet: run 'motcua-desk init' before syncing",
            ),
        ]
        for call, text in cases:
            with pytest.raises(DeskNotInitialised) as refused:
                call()
            assert str(refused.value) == text and refused.value.code == "desk_not_initialised"
        assert not svc.settings.is_initialised()
    finally:
        svc.close()
