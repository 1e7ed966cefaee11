"""Moments are compared as the desk stores them (UtcDateTime text, "YYYY-MM-DD HH:MM:SS.ffffff"):
a dossier row holding the right instant in another form is a break, as is any other instant;
an event row holding its instant in another form is read as that instant (its hash still
matches), and its dossier is then compared the long way. Checked on one process and on two."""

from __future__ import annotations

import pytest

from motcua_desk.app import open_services
from motcua_desk.services import integrity as integrity_module
from motcua_desk.services.integrity import IntegrityService
from tests.integrity.conftest import one, sql

COLUMNS = ("received_at", "location_since", "due_at", "original_due_at", "result_at", "returned_at")


def _verify(path, jobs=1):
    svc = open_services(path, create=False)
    try:
        return IntegrityService.from_services(svc).verify(jobs=jobs)
    finally:
        svc.close()


def _forms(text: str) -> list[str]:
    """The same instant written otherwise, and a neighbouring instant."""
    return [
        text[:19],
        text.replace(" ", "T"),
        text + "+00:00",
        text[:19] + ".000001" if text.endswith("000000") else text[:20] + "000000",
    ]


@pytest.mark.parametrize("column", COLUMNS)
@pytest.mark.parametrize("jobs", [1, 2])
def test_a_dossier_moment_in_any_other_form_is_a_break(office, monkeypatch, column, jobs):
    monkeypatch.setattr(integrity_module, "PARALLEL_MIN_EVENTS", 0)
    path = office["desk1"]
    code, text = one(
        path,
        f"SELECT code, {column} FROM dossiers WHERE {column} IS NOT NULL "
        "ORDER BY code DESC LIMIT 1",
    )
    for other in _forms(text):
        sql(path, f"UPDATE dossiers SET {column} = ? WHERE code = ?", (other, code))
        report = _verify(path, jobs)
        assert [(b.kind, b.code) for b in report.breaks] == [("projection", code)], other
        assert column in report.breaks[0].detail
    sql(path, f"UPDATE dossiers SET {column} = ? WHERE code = ?", (text, code))
    assert _verify(path, jobs).ok


@pytest.mark.parametrize("jobs", [1, 2])
def test_an_event_moment_in_another_form_is_that_moment(office, monkeypatch, jobs):
    monkeypatch.setattr(integrity_module, "PARALLEL_MIN_EVENTS", 0)
    path = office["desk1"]
    for kind in ("received", "handed_off", "returned"):
        ev_id, text = one(
            path, "SELECT uuid_text(id), occurred_at FROM events WHERE type = ? LIMIT 1", (kind,)
        )
        assert text.endswith("000000")
        sql(path, "UPDATE events SET occurred_at = ? WHERE id = uuid_blob(?)", (text[:19], ev_id))
        assert _verify(path, jobs).ok, kind  # the same instant: the event and its dossier agree
        sql(
            path,
            "UPDATE events SET occurred_at = ? WHERE id = uuid_blob(?)",
            (text[:19] + ".000001", ev_id),
        )  # another instant: the hash no longer matches
        report = _verify(path, jobs)
        assert ("altered", ev_id) in [(b.kind, b.event_id) for b in report.breaks], kind
        sql(path, "UPDATE events SET occurred_at = ? WHERE id = uuid_blob(?)", (text, ev_id))
    assert _verify(path, jobs).ok
