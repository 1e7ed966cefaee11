"""The name index answers a name with any combination of filters (schema 0004, issue 13): the
filters are facet words of dossier_fts, and the search joins the rows for the exact conditions.
Checked against a plain reading of every row (Hypothesis over words × filters × limits), for
the month words against every moment of a range, and in the query plan (no sort of all the
matches: FTS order, stop at the limit)."""

from __future__ import annotations

import re
from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from motcua_desk.app import open_services
from motcua_desk.services import IntakeRequest
from motcua_desk.store import repo
from motcua_desk.store.projection import month_facet, month_facets
from tests.helpers import AGENCY, FakeClock

VN = ZoneInfo("Asia/Ho_Chi_Minh")
NAMES = [
    "Nguyễn Văn An",
    "Nguyễn Thị Bình",
    "Trần Văn Nguyên",
    "Lê Thị Nguyệt",
    "Phạm Đức Anh",
    "Nguyễn Ngọc Ánh",
    "Hoàng Văn Thụ",
    "Đặng Thị Vân",
]
PROCEDURES = ["1.004873", "2.000884", "1.001193"]
STATUSES = ["received", "in_process", "result_ready", "returned", "supplement_requested"]


@pytest.fixture(scope="module")
def desk(tmp_path_factory):
    """64 dossiers over five months, three procedures (fields, departments), several states."""
    clock = FakeClock(datetime(2026, 7, 1, 8, 0, tzinfo=VN))
    svc = open_services(tmp_path_factory.mktemp("facets") / "desk.sqlite3", clock=clock)
    svc.settings.init_desk(desk_no=1, **AGENCY)
    for i in range(64):
        clock.set(datetime(2026, 7, 1, 8, 0, tzinfo=VN) + timedelta(days=2 * i + 1, hours=i % 7))
        d = svc.dossiers.intake(IntakeRequest(PROCEDURES[i % 3], NAMES[i % len(NAMES)]))
        if i % 4 >= 1:
            svc.dossiers.handoff([d.dossier.code], d.dossier.department, receiver="Lý Văn Nhận")
        if i % 4 >= 2:
            svc.dossiers.receive_result([d.dossier.code])
    yield svc
    svc.close()


def _plain(rows, terms, f: repo.Filters, limit):
    def words(r):
        return re.findall(r"[0-9a-z]+", r.search_name.lower())

    def keep(r):
        return (
            all(any(w.startswith(t) for w in words(r)) for t in terms)
            and (not f.status or r.status in f.status)
            and (not f.field or r.field == f.field)
            and (not f.department or r.department == f.department)
            and (f.received_from is None or r.received_at >= f.received_from)
            and (f.received_to is None or r.received_at < f.received_to)
        )

    return [r.pk for r in sorted(rows, key=lambda r: -r.pk) if keep(r)][:limit]


def _utc(day: date) -> datetime:
    return datetime(day.year, day.month, day.day, tzinfo=VN).astimezone(UTC)


@settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    terms=st.lists(
        st.sampled_from(["ng", "nguyen", "van", "thi", "an", "anh", "ngu", "nguyet", "d", "xyz"]),
        max_size=2,
    ),
    status=st.lists(st.sampled_from(STATUSES), max_size=3, unique=True),
    which=st.integers(0, 3),
    dept=st.booleans(),
    start=st.one_of(st.none(), st.dates(date(2026, 6, 20), date(2026, 12, 31))),
    span=st.integers(0, 200),
    limit=st.integers(1, 70),
    before=st.one_of(st.none(), st.integers(1, 70)),
)
def test_facet_search_returns_what_reading_every_row_returns(
    desk, terms, status, which, dept, start, span, limit, before
):
    with desk._store.read() as session:
        rows = repo.rows_where(session, repo.DossierRow.pk > 0)
        sample = rows[which % len(rows)]
        f = repo.Filters(
            status=tuple(status),
            field=sample.field if which else "",
            department=sample.department if dept else "",
            received_from=_utc(start) if start else None,
            received_to=_utc(start + timedelta(days=span)) if start else None,
        )
        got = [
            r.pk
            for r in repo.search_dossiers(
                session, terms=terms, filters=f, limit=limit, before_pk=before
            )
        ]
        scope = [r for r in rows if before is None or r.pk < before]
        assert got == _plain(scope, terms, f, limit)


@given(
    start=st.datetimes(datetime(2019, 1, 1), datetime(2031, 1, 1), timezones=st.just(UTC)),
    span=st.timedeltas(timedelta(0), timedelta(days=1200)),
    at=st.floats(0, 1),
)
def test_the_month_words_cover_every_moment_of_the_range(start, span, at):
    end = start + span
    moment = start + span * at
    words = month_facets(start, end)
    if start <= moment < end and words:
        assert month_facet(moment.year, moment.month) in words
    assert len(words) <= 37


def test_the_search_is_read_in_index_order_and_stops_at_its_limit(desk):
    """No temporary B-tree: the plan walks the FTS index newest first and looks up each row."""
    f = repo.Filters(status=("in_process", "received"), field="Hộ tịch")
    match = repo.match_query(["nguyen"], f)
    raw = desk._store.engine.raw_connection()
    try:
        plan = raw.execute(
            "EXPLAIN QUERY PLAN SELECT d.* FROM dossier_fts JOIN dossiers d "
            "ON d.pk = dossier_fts.rowid WHERE dossier_fts MATCH ? AND d.field = ? "
            "ORDER BY dossier_fts.rowid DESC LIMIT 50",
            (match, "Hộ tịch"),
        ).fetchall()
    finally:
        raw.close()
    text = "\n".join(row[-1] for row in plan)
    assert "VIRTUAL TABLE INDEX" in text and "TEMP B-TREE" not in text, text
