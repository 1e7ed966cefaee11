"""Make the README's pictures of the forms from a demonstration desk (a throw-away database,
an injected clock), rendered by the real printing layer and rasterised by PDFium:

    python -m tests.printing.make_docs_images            # writes resources/docs/*.png
"""

from __future__ import annotations

import sys
import tempfile
from datetime import date, datetime
from pathlib import Path

import pypdfium2 as pdfium

from motcua_desk import printing
from motcua_desk.app import open_services
from motcua_desk.services import IntakeRequest
from tests.helpers import AGENCY, FakeClock

ROOT = Path(__file__).resolve().parents[2]
DOCS = ROOT / "resources" / "docs"
TP = "Công chức Tư pháp - Hộ tịch"


def png(data: bytes, page: int, width_px: int, dest: Path) -> None:
    pdf = pdfium.PdfDocument(data)
    try:
        p = pdf[page]
        p.render(scale=width_px / p.get_width()).to_pil().convert("L").save(dest, optimize=True)
    finally:
        pdf.close()


def main(out: Path = DOCS) -> list[Path]:
    out.mkdir(parents=True, exist_ok=True)
    clock = FakeClock()
    with tempfile.TemporaryDirectory() as tmp:
        svc = open_services(Path(tmp) / "demo.sqlite3", clock=clock)
        try:
            svc.settings.init_desk(desk_no=1, **AGENCY)
            people = [
                ("Nguyễn Thị Hằng Đặng", "Thôn Địa Cát, xã Vi Hương", "1.004873"),
                ("Trần Văn Ân", "Thôn Nà Pài, xã Vi Hương", "1.001193"),
                ("Hoàng Thị Thu Hương", "Tổ 7, xã Vi Hương", "1.004859"),
                ("Lý Văn Đức", "Xóm Đoài, xã Vi Hương", "1.004873"),
            ]
            codes = []
            for name, address, proc in people:
                codes.append(
                    svc.dossiers.intake(
                        IntakeRequest(
                            proc,
                            name,
                            phone="0912345678",
                            address=address,
                            email="hang.dang@example.vn" if not codes else "",
                        )
                    ).dossier.code
                )
                clock.advance(minutes=17)
            slip = printing.slip_pdf(svc.dossiers.show(codes[0]), svc.settings.agency())
            clock.set(datetime(2026, 11, 23, 10, 30))
            svc.dossiers.handoff(codes, TP, receiver="Lý Văn Bình")
            clock.set(datetime(2026, 11, 23, 16, 20))
            svc.dossiers.receive_result(codes[1:2], giver="Lý Văn Bình")
            day = date(2026, 11, 23)
            lst = printing.handoff_list_pdf(
                svc.dossiers.handoffs_on(day, TP), svc.settings.agency(), day, TP
            )
        finally:
            svc.close()
    made = [out / "slip-mau01.png", out / "handoff-list.png"]
    png(slip, 0, 1000, made[0])
    png(lst, 0, 1240, made[1])
    return made


if __name__ == "__main__":
    for path in main(Path(sys.argv[1]) if len(sys.argv) > 1 else DOCS):
        print(path)
