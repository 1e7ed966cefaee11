"""Finding at the counter: a code by its tail as read off a slip, and the procedure picker
ranked by what this desk receives most."""

from __future__ import annotations

from datetime import datetime

from motcua_desk.services import IntakeRequest
from motcua_desk.services.dossiers import TAIL_DAYS


def _intake(services, name: str, proc: str = "1.004873"):
    return services.dossiers.intake(IntakeRequest(proc, name)).dossier


def test_a_code_is_found_by_its_tail(services, clock):
    clock.set(datetime(2026, 11, 20, 9, 0))
    old = _intake(services, "Nguyễn Văn Cũ")
    clock.set(datetime(2026, 11, 23, 9, 0))
    today = [_intake(services, f"Nguyễn Văn {i}") for i in range(3)]
    number = today[1].code.rsplit("-", 1)[1]
    assert [d.code for d in services.dossiers.search(number)] == [today[1].code]
    day_and_number = "-".join(today[2].code.rsplit("-", 2)[1:])
    assert [d.code for d in services.dossiers.search(day_and_number)] == [today[2].code]
    # the number alone: the last TAIL_DAYS days, newest first (the same number another day)
    first = today[0].code.rsplit("-", 1)[1]
    assert first == old.code.rsplit("-", 1)[1]
    assert [d.code for d in services.dossiers.search(first)] == [today[0].code, old.code]
    assert TAIL_DAYS >= 28
    clock.set(datetime(2027, 1, 30, 9, 0))  # more than TAIL_DAYS after the old one
    assert old.code not in [d.code for d in services.dossiers.search(first)]
    # a date that does not exist is not a tail (and finds nothing)
    assert services.dossiers.search("261340-0001") == []


def test_the_number_of_a_code_and_a_phone_prefix_both_match(services):
    d = _intake(services, "Trần Thị Số")
    phoned = services.dossiers.intake(
        IntakeRequest("1.004873", "Lê Văn Điện", id_number="000123456789")
    ).dossier
    found = {x.code for x in services.dossiers.search("0001")}
    assert {d.code, phoned.code} <= found


def test_the_procedure_picker_ranks_by_this_desks_use_then_by_match(services):
    everything = [p.code for p in services.catalog.find("")]
    rare = everything[-1]
    before = [p.code for p in services.catalog.find("")]
    assert before[0] != rare
    for i in range(3):
        _intake(services, f"Phạm Văn {i}", rare)
    assert [p.code for p in services.catalog.find("")][0] == rare
    # a typed word: among the matches, the used one first
    name_word = services.catalog.get(rare).name.split()[-1]
    hits = [p.code for p in services.catalog.find(name_word)]
    assert hits[0] == rare
    # a fresh service reads the counts from the database
    services.catalog.invalidate()
    assert [p.code for p in services.catalog.find("")][0] == rare
