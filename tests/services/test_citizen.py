"""Date of birth and sex at intake, the citizen's dossiers by CCCD, satisfaction at return."""

from __future__ import annotations

import pytest

from motcua_desk.domain import schema
from motcua_desk.domain.errors import IllegalTransition, ValidationError
from motcua_desk.services import IntakeRequest
from tests.helpers import VN, row_counts

TP = "Công chức Tư pháp - Hộ tịch"
NAME = "Trần Thị Bích Ngọc"


def intake(services, **kw):
    return services.dossiers.intake(IntakeRequest("1.004873", NAME, **kw)).dossier


def returned(services, **kw):
    d = intake(services)
    services.dossiers.handoff([d.code], TP, receiver="Lý Văn A")
    services.dossiers.receive_result([d.code], giver="Lý Văn A")
    return services.dossiers.return_result(d.code, NAME, **kw)


def test_birth_date_and_sex_are_kept_in_the_event_and_shown(services):
    d = intake(services, id_number="026195004321", birth_date="02/11/1995", sex="Nữ")
    assert (d.birth_date, d.sex) == ("1995-11-02", "female")
    assert (d.birth_date_label, d.sex_label) == ("02/11/1995", "Nữ")
    detail = services.dossiers.find_by_code(d.code)
    applicant = detail.events[0].payload["applicant"]
    assert applicant["birth_date"] == "1995-11-02" and applicant["sex"] == "female"
    assert detail.dossier.birth_date == "1995-11-02"


def test_without_them_the_applicant_is_as_before(services):
    d = intake(services)
    detail = services.dossiers.find_by_code(d.code)
    assert "birth_date" not in detail.events[0].payload["applicant"]
    assert "sex" not in detail.events[0].payload["applicant"]
    assert (d.birth_date, d.sex) == ("", "")


@pytest.mark.parametrize(
    "kw", [{"birth_date": "31/02/1990"}, {"birth_date": "01/01/2030"}, {"sex": "khác?"}]
)
def test_a_bad_birth_date_or_sex_changes_nothing(services, db_path, kw):
    before = row_counts(db_path)
    with pytest.raises(ValidationError):
        intake(services, **kw)
    assert row_counts(db_path) == before


def test_schema_accepts_old_applicants_and_checks_new_fields():
    ok = {"name": "A B"}
    check = schema.SCHEMAS[schema.EventType.RECEIVED][0]["applicant"]
    assert check(ok) == ""
    assert check({**ok, "birth_date": "1995-11-02", "sex": "female"}) == ""
    assert check({**ok, "birth_date": "02/11/1995"})
    assert check({**ok, "sex": "Nữ"})


def test_a_citizens_dossiers_are_found_by_cccd(services):
    a = intake(services, id_number="026195004321")
    intake(services, id_number="001089012345")
    b = intake(services, id_number="026195004321")
    found = services.dossiers.search_citizen("026195004321")
    assert {d.code for d in found} == {a.code, b.code}


def test_a_rating_at_return_is_folded_into_the_state(services):
    done = returned(services, rating=1)
    assert done.dossier.rating == 1 and done.dossier.rating_label == "Rất hài lòng"
    assert [e.type for e in done.events][-2:] == ["returned", "rated"]
    assert services.dossiers.find_by_code(done.dossier.code).dossier.rating == 1


def test_rate_later_with_a_reason(services):
    done = returned(services)
    assert done.dossier.rating == 0
    rated = services.dossiers.rate(done.dossier.code, 3, "Chờ lâu, không được hướng dẫn")
    assert (rated.dossier.rating, rated.dossier.rating_reason) == (
        3,
        "Chờ lâu, không được hướng dẫn",
    )
    assert "Không hài lòng" in rated.events[-1].summary


def test_bad_ratings_change_nothing(services, db_path):
    done = returned(services)
    code = done.dossier.code
    before = row_counts(db_path)
    for rating, reason, error in (
        (0, "", ValidationError),
        (4, "", ValidationError),
        (3, "", ValidationError),
        (3, "   ", ValidationError),
        (True, "", ValidationError),
        ("1", "", ValidationError),
    ):
        with pytest.raises(error):
            services.dossiers.rate(code, rating, reason)
    assert row_counts(db_path) == before
    services.dossiers.rate(code, 2)
    after = row_counts(db_path)
    with pytest.raises(IllegalTransition) as caught:
        services.dossiers.rate(code, 1)
    assert "already rated" in str(caught.value)
    assert row_counts(db_path) == after


def test_only_a_returned_dossier_is_rated(services, db_path):
    d = intake(services)
    before = row_counts(db_path)
    with pytest.raises(IllegalTransition):
        services.dossiers.rate(d.code, 1)
    assert row_counts(db_path) == before


def test_a_bad_rating_at_return_refuses_the_whole_return(services, db_path):
    d = intake(services)
    services.dossiers.handoff([d.code], TP, receiver="Lý Văn A")
    services.dossiers.receive_result([d.code], giver="Lý Văn A")
    before = row_counts(db_path)
    with pytest.raises(ValidationError):
        services.dossiers.return_result(d.code, NAME, rating=3)
    assert row_counts(db_path) == before
    assert services.dossiers.find_by_code(d.code).dossier.status == "result_ready"


def test_schema_wants_a_reason_for_not_satisfied():
    from tests.domain.test_fold import Chain

    chain = Chain("01a20000-0000-7000-8000-0000000000aa")
    ok = chain.make(schema.EventType.RATED, {"rating": 3, "reason": "Chờ lâu"})
    bad = chain.make(schema.EventType.RATED, {"rating": 3})
    worse = chain.make(schema.EventType.RATED, {"rating": 5})
    assert schema.event_problems(ok) == []
    assert any("reason" in p for p in schema.event_problems(bad))
    assert any("rating" in p for p in schema.event_problems(worse))


def test_two_ratings_in_the_fold_keep_the_first():
    from motcua_desk.domain.dossier import fold
    from tests.domain.test_fold import DOSSIER, Chain, happy_path

    a, b = Chain("node-a"), Chain("node-b", start_ms=500)
    events = happy_path(a)
    first = a.make(schema.EventType.RATED, {"rating": 1})
    second = b.make(schema.EventType.RATED, {"rating": 3, "reason": "x"}, step_ms=20_000)
    state = fold(DOSSIER, [second, *events, first])
    assert state.rating == 1
    assert [c.reason for c in state.conflicts] == ["second_rating"]


def test_the_satisfaction_index_is_fed_by_the_ratings(services, clock):
    from datetime import date, datetime

    from motcua_desk.domain.report_periods import Period

    nov = Period(date(2026, 11, 1), date(2026, 11, 30))
    before = {i.key: i for i in services.reports.indices(nov)}
    assert before["5.4"].score is None
    now = clock()
    clock.set(datetime(2026, 11, 2, 9, 0, tzinfo=VN))  # one left open past its due moment
    overdue = services.dossiers.intake(IntakeRequest("1.001193", "Quá Hạn Vẫn Mở")).dossier
    clock.set(now)
    codes = [returned(services).dossier.code for _ in range(4)]
    services.dossiers.rate(codes[0], 1)
    services.dossiers.rate(codes[1], 2)
    services.dossiers.rate(codes[2], 3, "Chờ lâu")
    by_key = {i.key: i for i in services.reports.indices(nov)}
    sat = by_key["5.4"]
    assert sat.parts["rated"] == 3 and sat.parts["unsatisfied"] == 1
    late = by_key["2.1"].parts["lowering"]
    counted = by_key["2.1"].parts["counted"]
    assert sat.score == round(100 - 100 * late / counted - 100 * 1 / counted, 2)
    assert late >= 1 and overdue.code in {c for c, _why in by_key["2.1"].lowering}
    # both parts of the formula lower it: 2.1's late ones and the unsatisfied ones
    assert set(sat.lowering) == set(by_key["2.1"].lowering) | {
        (codes[2], "công dân không hài lòng")
    }
    assert services.reports.dashboard(nov).indices == services.reports.indices(nov)
