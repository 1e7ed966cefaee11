"""The event border check (issue 13): schema.problems() in µs per event over the events of a
generated desk, against the frozen copy of the exact reading it had before its quick test
(tests/domain/schema_reference.py), in the same run (.perf/schema_problems.json).

    MOTCUA_PERF_FULL=1 python -m pytest tests/perf/test_schema_perf.py -s   # 10,000 dossiers
"""

from __future__ import annotations

import time

import pytest

from motcua_desk.domain import schema
from motcua_desk.store.migrate import open_store
from motcua_desk.store.repo import events_where
from tests.domain import schema_reference as reference
from tests.perf.bigdb import make_big_db
from tests.perf.harness import Report, size

pytestmark = pytest.mark.perf
N = size(2_000, 10_000)


def best_us_per_event(fn, events: list[dict], rounds: int = 5) -> float:
    best = float("inf")
    for _ in range(rounds):
        t0 = time.perf_counter()
        for data in events:
            fn(data)
        best = min(best, time.perf_counter() - t0)
    return best / len(events) * 1e6


def test_problems_per_event(tmp_path):
    store = open_store(make_big_db(N, tmp_path / "desk.sqlite3"))
    try:
        with store.read() as session:
            events = [e.to_dict() for e in events_where(session, "1 = 1", ())]
    finally:
        store.close()
    assert all(schema.problems(e) == [] for e in events)
    before = best_us_per_event(reference.problems, events)
    after = best_us_per_event(schema.problems, events)
    report = Report("schema_problems")
    report.add(
        "schema.problems",
        dossiers=N,
        events=len(events),
        before_us=before,
        after_us=after,
        ratio=before / after,
    )
    report.write()
    assert after < before
