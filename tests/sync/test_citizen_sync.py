"""A satisfaction rating, and the date of birth and sex of the applicant, travel like any event:
made on one desk, they appear on the other; two desks rating offline keep the first."""

from __future__ import annotations

from tests.sync.helpers import assert_converged, register, sync_all

TP = "Công chức Tư pháp - Hộ tịch"


def _returned(desk, **intake):
    code = desk.intake("Trần Thị Bích Ngọc", **intake).dossier.code
    s = desk.services.dossiers
    s.handoff([code], TP, receiver="Lý Văn Nhận")
    s.receive_result([code])
    s.return_result(code, "Trần Thị Bích Ngọc")
    return code


def test_a_rating_made_on_one_desk_appears_on_the_other(hub, desks):
    a, b = desks[:2]
    register(hub, [a, b])
    code = _returned(a, id_number="026195004321", birth_date="02/11/1995", sex="female")
    a.clock.advance(minutes=1)
    a.services.dossiers.rate(code, 3, "Phải đi lại hai lần")
    sync_all(hub.url, [a, b])
    seen = b.services.dossiers.find_by_code(code).dossier
    assert (seen.rating, seen.rating_reason) == (3, "Phải đi lại hai lần")
    assert (seen.birth_date, seen.sex) == ("1995-11-02", "female")
    assert b.services.dossiers.search_citizen("026195004321")[0].code == code
    assert b.services.reports.ratings() == a.services.reports.ratings()
    assert assert_converged([a, b])


def test_two_desks_rating_offline_keep_the_first(hub, desks):
    a, b = desks[:2]
    register(hub, [a, b])
    code = _returned(a)
    sync_all(hub.url, [a, b])
    a.clock.advance(minutes=1)
    a.services.dossiers.rate(code, 1)
    b.clock.advance(minutes=5)
    b.services.dossiers.rate(code, 3, "Chờ lâu")  # offline: b has not seen a's rating
    sync_all(hub.url, [a, b])
    for d in (a, b):
        detail = d.services.dossiers.find_by_code(code)
        assert detail.dossier.rating == 1
        assert [c.reason for c in detail.conflicts] == ["second_rating"]
    assert_converged([a, b])
