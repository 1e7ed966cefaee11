"""An action's answer is built from the state and events its unit of work already holds (no
second read and fold of what it has just written): it must be what a fresh read shows."""

from __future__ import annotations

from datetime import datetime

from motcua_desk.domain.dto import DocumentLine
from motcua_desk.services import IntakeRequest

TP = "Công chức Tư pháp - Hộ tịch"


def _fresh(services, detail):
    return services.dossiers.find_by_code(detail.dossier.code)


def test_each_action_answers_what_a_fresh_read_shows(services, clock):
    ds = services.dossiers
    steps = []
    d = ds.intake(IntakeRequest("1.004873", "Nguyễn Thị Hằng", fee_paid=0, fee_method="exempt"))
    steps.append(d)
    code = d.dossier.code
    clock.set(datetime(2026, 11, 23, 10, 0))
    steps.append(ds.note(code, "gọi lại"))
    steps.append(ds.record_print(code, "receipt"))
    steps.append(ds.record_print(code, "receipt"))
    steps.extend(ds.handoff([code], TP, receiver="Lê Văn B"))
    clock.set(datetime(2026, 11, 24, 9, 0))
    steps.extend(ds.receive_result([code], giver="Lê Văn B"))
    steps.append(ds.return_result(code, "Nguyễn Thị Hằng", rating=1))
    for answer in steps[-1:]:
        assert answer == _fresh(services, answer)
    # every intermediate answer matched the log as it stood then: its events are a prefix
    final = _fresh(services, steps[-1])
    for answer in steps:
        assert answer.dossier.pk == final.dossier.pk
        assert answer.events == final.events[: len(answer.events)]


def test_intake_with_its_outcome_answers_what_a_fresh_read_shows(services):
    for outcome, items in (
        ("supplement", [DocumentLine("Tờ khai", "original", "", 1)]),
        ("refused", []),
        ("received", []),
    ):
        d = services.dossiers.intake(
            IntakeRequest("1.004873", "Trần Văn An"),
            outcome=outcome,
            reason="" if outcome == "received" else "thiếu giấy",
            items=items,
        )
        assert d == _fresh(services, d)
        assert d.dossier.pk > 0
