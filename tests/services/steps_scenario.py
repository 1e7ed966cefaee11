"""A scripted set of dossiers whose handoff steps and quality facts (TT 01/2018 Điều 13) in
November 2026 are worked out by hand. Office hours 07:30–11:30, 13:00–17:00 (a working day is 8
hours), cut-off 15:00, transfer by 11:30 of the next working day; Công chức Tư pháp - Hộ tịch
has a 1-working-day step allowance, Phòng Kinh tế 3. Procedure 1.004873 (Hộ tịch, 3 working
days, its department Tư pháp - Hộ tịch); 2.000815 (Chứng thực, same day).

S1  Mon 2/11 09:00 received (due Thu 5/11 09:00); 10:00 to Tư pháp (transfer: on time, 1 h);
    Tue 3/11 09:00 Tư pháp → Phòng Kinh tế (allowance Tue 10:00: on time, 7 h); Wed 4/11 15:00
    result back (due Thu: early, 12.5 h).
S2  Mon 2/11 16:00 received, after the cut-off (clock from Tue 07:30, due Thu 5/11 17:00);
    Tue 3/11 13:30 to Tư pháp (transfer due Tue 11:30: late, 5.5 h); Thu 5/11 16:00 result
    back (due Thu 17:00: on time, 18.5 h).
S3  Tue 3/11 09:00 received; 09:30 to Tư pháp (on time, 0.5 h); still there on 30/11: in
    progress, past its allowance (Wed 4/11 09:30): overdue.
S4  Wed 4/11 08:00 received; 08:30 to Tư pháp (on time, 0.5 h); Thu 5/11 08:00 Tư pháp asks
    for supplements (allowance Thu 08:30: on time, 7.5 h); Mon 9/11 09:00 back complete (due
    restarts: Thu 12/11 09:00); 14:00 to Tư pháp again (on time, 3.5 h); Fri 13/11 10:00
    result back (late, 29.5 h).
S5  Mon 9/11 09:00, Chứng thực, online; result back at the desk 10:00 without a handoff (no
    step); due 9/11 17:00, the same date: on time.
"""

from __future__ import annotations

from motcua_desk.services import IntakeRequest
from tests.helpers import local

HT, CT = "1.004873", "2.000815"
TP, KT = "Công chức Tư pháp - Hộ tịch", "Phòng Kinh tế"

# per unit: early, on time, late, working days in total, in progress, in progress overdue
STEPS = {
    ("transfer", "desk"): (0, 4, 1, (1 + 5.5 + 0.5 + 0.5 + 3.5) / 8, 0, 0),
    ("department", TP): (0, 3, 1, (7 + 18.5 + 7.5 + 29.5) / 8, 1, 1),
    ("department", KT): (1, 0, 0, 12.5 / 8, 0, 0),
}

# per dossier: result column, statutory and actual working days (from the clock's last start:
# receipt or the complete dossier back; to the result, or to the period's end when open),
# supplements, departments with their working days, channel
QUALITY = {
    "S1": (
        "resolved_early",
        3.0,
        (2.5 + 4 + 8 + 4 + 2) / 8,
        0,
        ((TP, 7 / 8), (KT, 12.5 / 8)),
        "direct",
    ),
    # statutory: Mon 16:00 → Thu 17:00 = 1 h + 3 days; actual Mon 16:00 → Thu 16:00
    "S2": ("resolved_on_time", (1 + 24) / 8, (1 + 16 + 7) / 8, 0, ((TP, 18.5 / 8),), "direct"),
    # open: to the period's end (Mon 30/11 24:00): Tue 3/11 09:00 → 19 working days and 6.5 h
    "S3": ("pending_overdue", 3.0, None, 0, ((TP, None),), "direct"),
    "S4": (
        "resolved_late",
        3.0,
        (2.5 + 4 + 3 * 8 + 2.5) / 8,
        1,
        ((TP, (7.5 + 29.5) / 8),),
        "direct",
    ),
    "S5": ("resolved_on_time", 6.5 / 8, 1 / 8, 0, (), "online"),
}


def build(services, clock) -> dict[str, str]:
    clock.set(local(2026, 12, 1, 10, 0))
    d = services.dossiers
    codes: dict[str, str] = {}

    def at(*a):
        return local(*a).replace(tzinfo=None)

    def intake(name: str, proc: str, when, channel: str = "direct") -> str:
        detail = d.intake(
            IntakeRequest(
                procedure_code=proc,
                applicant_name=f"Trần Văn {name}",
                received_at=when.replace(tzinfo=None),
                channel=channel,
            )
        )
        codes[name] = detail.dossier.code
        return codes[name]

    intake("S1", HT, local(2026, 11, 2, 9, 0))
    d.handoff([codes["S1"]], TP, at=at(2026, 11, 2, 10, 0), receiver="Lê Thị Nhận")
    d.handoff(
        [codes["S1"]],
        KT,
        at=at(2026, 11, 3, 9, 0),
        receiver="Đỗ Văn Kinh",
        giver="Lê Thị Nhận",
        redirect=True,
    )
    d.receive_result([codes["S1"]], at=at(2026, 11, 4, 15, 0))
    intake("S2", HT, local(2026, 11, 2, 16, 0))
    d.handoff([codes["S2"]], TP, at=at(2026, 11, 3, 13, 30), receiver="Lê Thị Nhận")
    d.receive_result([codes["S2"]], at=at(2026, 11, 5, 16, 0))
    intake("S3", HT, local(2026, 11, 3, 9, 0))
    d.handoff([codes["S3"]], TP, at=at(2026, 11, 3, 9, 30), receiver="Lê Thị Nhận")
    intake("S4", HT, local(2026, 11, 4, 8, 0))
    d.handoff([codes["S4"]], TP, at=at(2026, 11, 4, 8, 30), receiver="Lê Thị Nhận")
    d.request_supplement(codes["S4"], "Thiếu giấy tờ", at=at(2026, 11, 5, 8, 0))
    d.resubmit(codes["S4"], at=at(2026, 11, 9, 9, 0))
    d.handoff([codes["S4"]], TP, at=at(2026, 11, 9, 14, 0), receiver="Lê Thị Nhận")
    d.receive_result([codes["S4"]], at=at(2026, 11, 13, 10, 0))
    intake("S5", CT, local(2026, 11, 9, 9, 0), channel="online")
    d.receive_result([codes["S5"]], at=at(2026, 11, 9, 10, 0))
    return codes
