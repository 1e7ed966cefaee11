"""Dossiers of November 2026 for QĐ 766 4.2 and 4.3 (issue 14), on real PDFs: shared by the
service, command-line and window tests of the self-check. Six dossiers received on 23/11:

- A: every paper to digitise scanned                    → digitised
- B: the same citizen: one paper reused from A, the rest scanned → digitised and reusing
- C: one paper scanned, the others not                  → counted, not digitised
- D: its first paper only shown, the others classified → exempt (not counted)
- E: received online                                    → not counted (arrives digital)
- F: nothing done (no digitised event: the unfolded path) → counted, not digitised

So 4.2 = 2/4 (50 %), 4.3 = 1/4 (25 %), one exempt, one online."""

from __future__ import annotations

from pathlib import Path

from motcua_desk.services import IntakeRequest
from motcua_desk.services.digitisation import DigitisationService
from tests.services.test_digitisation import CCCD, pdf_of

EXPECTED = {"counted": 4, "digitised": 2, "reusing": 1, "exempt": 1, "online": 1}


def build(services, folder: Path) -> dict[str, str]:
    """The six dossiers; returns letter → code."""
    desk = DigitisationService.from_services(services)
    scan = folder / "scan.pdf"
    scan.write_bytes(pdf_of([(300, True)]))

    def intake(name: str, id_number: str = "", channel: str = "direct") -> str:
        req = IntakeRequest("1.004873", name, id_number=id_number, channel=channel)
        return services.dossiers.intake(req).dossier.code

    codes = {
        "A": intake("Lò Văn An", CCCD),
        "B": intake("Lò Văn An", CCCD),
        "C": intake("Hà Thị Cúc", "012345678901"),
        "D": intake("Vi Văn Đức"),
        "E": intake("Nông Thị Ém", channel="online"),
        "F": intake("Lục Văn Phúc"),
    }
    due = [p.index for p in desk.papers(codes["A"]) if not p.exempt]
    assert len(due) >= 2, "the scenario needs a procedure with two papers to digitise"
    for i in due:
        desk.attach(codes["A"], i, [scan])
    desk.reuse(codes["B"], due[0], codes["A"], due[0])
    for i in due[1:]:
        desk.attach(codes["B"], i, [scan])
    desk.attach(codes["C"], due[0], [scan])
    for p in desk.papers(codes["D"]):
        desk.mark(codes["D"], p.index, "shown" if p.index == 0 else "classified")
    return codes
