"""A scripted set of dossiers for November 2026 whose Biểu 06 figures are worked out by hand: every
column, both edges of the period, a supplement restart, an extension, a stop, a refusal at intake,
a refusal after appraisal, a voided dossier.

Procedures: 1.004873 (Hộ tịch, 3 working days: received Wed 09:00 → due Mon 09:00) and 2.000815
(Chứng thực, same day; after 15:00 → close of the next working day). 24/11/2026 is a holiday.
"""

from __future__ import annotations

from motcua_desk.services import IntakeRequest
from tests.helpers import local

HT, CT = "1.004873", "2.000815"
DEPT = "Công chức Tư pháp - Hộ tịch"

# Expected figures for November 2026 (1/11 – 30/11), timestamp comparison, waiting for
# supplements counts within the deadline, stopped dossiers count as resolved.
EXPECTED = {
    ("Hộ tịch", HT): dict(
        received_online=1,
        received_direct=7,
        carried_over=2,
        resolved_early=3,
        resolved_on_time=2,
        resolved_late=2,
        pending_within=2,
        pending_overdue=1,
        refused_at_intake=1,
        stopped=1,
    ),
    ("Chứng thực", CT): dict(
        received_online=0,
        received_direct=1,
        carried_over=1,
        resolved_early=0,
        resolved_on_time=0,
        resolved_late=1,
        pending_within=1,
        pending_overdue=0,
        refused_at_intake=0,
        stopped=0,
    ),
}


def build(services, clock) -> dict[str, str]:
    """Run the scenario through the real services; returns letter → dossier code."""
    clock.set(local(2026, 12, 1, 10, 0))
    d = services.dossiers
    codes: dict[str, str] = {}

    def intake(letter: str, proc: str, at, channel: str = "direct") -> str:
        detail = d.intake(
            IntakeRequest(
                procedure_code=proc,
                applicant_name=f"Nguyễn Văn {letter}",
                received_at=at.replace(tzinfo=None),
                channel=channel,
            )
        )
        codes[letter] = detail.dossier.code
        return detail.dossier.code

    def at(*a):
        return local(*a).replace(tzinfo=None)

    # A: finished before the period: not in the report.
    intake("A", HT, local(2026, 10, 20, 9, 0))
    d.receive_result([codes["A"]], at=at(2026, 10, 22, 9, 0))
    # B: carried over, result Mon 2/11 08:00, due 2/11 09:00 → on time.
    intake("B", HT, local(2026, 10, 28, 9, 0))
    d.receive_result([codes["B"]], at=at(2026, 11, 2, 8, 0))
    # C: carried over, due Tue 3/11 09:00, result 2/11 10:00 → early.
    intake("C", HT, local(2026, 10, 29, 9, 0))
    d.receive_result([codes["C"]], at=at(2026, 11, 2, 10, 0))
    # D: received Mon 2/11 09:00, due Thu 5/11 09:00, result 5/11 10:00 → late (on time by date).
    intake("D", HT, local(2026, 11, 2, 9, 0))
    d.handoff([codes["D"]], DEPT, at=at(2026, 11, 2, 10, 0), receiver="Lê Thị Nhận", redirect=True)
    d.receive_result([codes["D"]], at=at(2026, 11, 5, 10, 0))
    # E: online, due 6/11 09:00, extended to 10/11, result 9/11 → late (extended).
    intake("E", HT, local(2026, 11, 3, 9, 0), channel="online")
    d.extend(
        codes["E"],
        local(2026, 11, 10, 17, 0).replace(tzinfo=None),
        "Cần xác minh",
        at=at(2026, 11, 4, 9, 0),
    )
    d.receive_result([codes["E"]], at=at(2026, 11, 9, 9, 0))
    # F: by post, received Wed 25/11 09:00, due Mon 30/11 09:00: open at the end → overdue.
    intake("F", HT, local(2026, 11, 25, 9, 0), channel="post")
    # G: received Fri 27/11 09:00, due Wed 2/12 09:00: open at the end → within.
    intake("G", HT, local(2026, 11, 27, 9, 0))
    # H: received 10/11, waiting for supplements since 11/11 → within (the clock is paused).
    intake("H", HT, local(2026, 11, 10, 9, 0))
    d.request_supplement(codes["H"], "Thiếu giấy tờ", at=at(2026, 11, 11, 10, 0))
    # I: received 4/11 (due 9/11), supplement 5/11, back 9/11 10:00 → due 12/11 10:00;
    # result 12/11 09:00 → on time against the restarted due.
    intake("I", HT, local(2026, 11, 4, 9, 0))
    d.request_supplement(codes["I"], "Thiếu giấy tờ", at=at(2026, 11, 5, 9, 0))
    d.resubmit(codes["I"], at=at(2026, 11, 9, 10, 0))
    d.receive_result([codes["I"]], at=at(2026, 11, 12, 9, 0))
    # J: voided: left out.
    intake("J", HT, local(2026, 11, 5, 9, 0))
    d.void(codes["J"], "Nhập nhầm")
    # K: refused at intake: its own column only.
    intake("K", HT, local(2026, 11, 6, 9, 0))
    d.refuse(codes["K"], "Không thuộc thẩm quyền", at=at(2026, 11, 6, 10, 0))
    # L: stopped at the applicant's request on 13/11 (due 17/11) → resolved early + stopped.
    intake("L", HT, local(2026, 11, 12, 9, 0))
    d.stop(codes["L"], "Công dân xin rút", at=at(2026, 11, 13, 9, 0))
    # Q: refused after appraisal 18/11 (due 19/11 09:00) → resolved early.
    intake("Q", HT, local(2026, 11, 16, 9, 0))
    d.handoff([codes["Q"]], DEPT, at=at(2026, 11, 16, 10, 0), receiver="Lê Thị Nhận", redirect=True)
    d.refuse(codes["Q"], "Không đủ điều kiện", at=at(2026, 11, 18, 9, 0))
    # M: the period's last day, 16:00, same-day procedure → due 1/12 17:00: within.
    intake("M", CT, local(2026, 11, 30, 16, 0))
    # N: received after the period.
    intake("N", CT, local(2026, 12, 1, 8, 0))
    # O: received Fri 30/10, due 30/10 17:00, result at 1/11 00:00 exactly → in the period, late.
    intake("O", CT, local(2026, 10, 30, 9, 0))
    d.receive_result([codes["O"]], at=at(2026, 11, 1, 0, 0))
    # P: result at 31/10 23:59 → before the period.
    intake("P", CT, local(2026, 10, 30, 9, 30))
    d.receive_result([codes["P"]], at=at(2026, 10, 31, 23, 59))
    return codes
