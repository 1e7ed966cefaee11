"""No query at start-up, on a scan or in the day's lists reads all dossiers or all events:
every statement the services issue is run through EXPLAIN QUERY PLAN and must use an index."""

from __future__ import annotations

import re
from datetime import date, datetime

import pytest
from sqlalchemy import event

from motcua_desk.services import IntakeRequest
from motcua_desk.store.payload_codec import install_for

FULL_SCAN = re.compile(r"\bSCAN (dossiers|events|conflicts)\b")


@pytest.fixture
def recorded(services, clock):
    for i in range(30):
        d = services.dossiers.intake(
            IntakeRequest("1.004873", f"Nguyễn Văn Số {i}", phone=f"09123456{i:02d}")
        )
        if i % 3 == 0:
            services.dossiers.handoff(
                [d.dossier.code], "Công chức Tư pháp - Hộ tịch", receiver="Lý Văn Nhận"
            )
    statements: list[tuple[str, object]] = []

    def capture(conn, cursor, statement, parameters, context, executemany):
        if statement.lstrip().upper().startswith("SELECT") and not executemany:
            statements.append((statement, parameters))

    event.listen(services._store.engine, "before_cursor_execute", capture)
    yield services, statements, d.dossier.code
    event.remove(services._store.engine, "before_cursor_execute", capture)


def test_scan_search_today_and_ledgers_use_indexes(recorded, clock):
    services, statements, code = recorded
    dossiers = services.dossiers
    clock.set(datetime(2026, 11, 27, 10, 0))
    dossiers.find_by_code(code)
    for q in ("nguyen van", "0912345601", "012345678901", "000.17.22.H56-2611", "0912"):
        dossiers.search(q)
    dossiers.search("", status=["in_process"], received_from=date(2026, 11, 1))
    dossiers.today()
    for kind in (
        "due_today",
        "due_soon",
        "overdue",
        "waiting_long",
        "results_waiting",
        "received_today",
    ):
        dossiers.today_list(kind)
    dossiers.ledger(date(2026, 11, 1), date(2026, 11, 30))
    dossiers.handoffs_on(date(2026, 11, 23))
    dossiers.search("nguyen van 15/03/1985")  # a date of birth among the words
    dossiers.search("15/03/1985")
    dossiers.cash_sheet(date(2026, 11, 23))
    dossiers.intake(IntakeRequest("1.001193", "Trần Thị Cuối"))
    assert len(statements) > 20
    raw = services._store.engine.raw_connection()
    try:
        offenders = []
        for sql, params in statements:
            plan = raw.execute(f"EXPLAIN QUERY PLAN {sql}", params or ()).fetchall()
            text = "\n".join(row[-1] for row in plan)
            if FULL_SCAN.search(text):
                offenders.append(f"{sql}\n  -> {text}")
        assert not offenders, "\n\n".join(offenders)
    finally:
        raw.close()


def test_the_scan_read_path_uses_indexes(recorded):
    """Store.scan runs on the driver connection, outside SQLAlchemy's events: its statements
    are recorded here by a connection that notes them, then explained."""
    import sqlite3

    from motcua_desk.store import repo

    services, _statements, code = recorded
    seen: list[tuple[str, tuple]] = []
    raw = sqlite3.connect(services._store.path)
    codec = install_for(raw)  # the payload codec, as the store's own connections have it

    class Noting:
        def execute(self, sql, params=()):
            seen.append((sql, params))
            return raw.execute(sql, params)

    try:
        found = repo.scan_read(Noting(), code, codec)
        assert found is not None and found[2]
        selects = [(s, p) for s, p in seen if s.startswith("SELECT")]
        assert len(selects) == 1  # one statement: one snapshot, no transaction to open
        for sql, params in selects:
            plan = "\n".join(r[-1] for r in raw.execute(f"EXPLAIN QUERY PLAN {sql}", params))
            assert not FULL_SCAN.search(plan), plan
            assert "USING" in plan, plan
            assert "TEMP B-TREE" not in plan, plan  # the events come in index order
    finally:
        raw.close()
