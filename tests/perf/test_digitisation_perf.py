"""Issue 14's figures: a 20-page scan from file to thumbnails; the files' sync throughput on
127.0.0.1 against a raw file copy; the portal export of a year on the big database, with its
progress. .perf/digitisation.json.

    MOTCUA_PERF_FULL=1 python -m pytest tests/perf/test_digitisation_perf.py -s
    MOTCUA_PERF_N=1000000 python -m pytest tests/perf/test_digitisation_perf.py -k export -s
"""

from __future__ import annotations

import hashlib
import io
import os
import shutil
import time
from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest
from PIL import Image
from reportlab.lib.pagesizes import A4
from reportlab.lib.utils import ImageReader
from reportlab.pdfgen import canvas

from motcua_desk.app import open_services
from motcua_desk.services.digitisation import DigitisationService
from motcua_desk.services.portal import PortalService
from tests.helpers import FakeClock
from tests.perf.bigdb import make_big_db
from tests.perf.harness import Report, size

pytestmark = pytest.mark.perf
VN = ZoneInfo("Asia/Ho_Chi_Minh")


def scan_pdf(pages: int, dpi: int = 200) -> bytes:
    """A scanner-like PDF: each page a JPEG of its own (noise over paper colour, so it does
    not compress to nothing), A4 at `dpi`."""
    out = io.BytesIO()
    c = canvas.Canvas(out, pagesize=A4)
    w, h = int(8.27 * dpi), int(11.69 * dpi)
    for i in range(pages):
        noise = Image.frombytes("L", (w // 4, h // 4), os.urandom((w // 4) * (h // 4)))
        page = Image.merge("RGB", [noise.resize((w, h))] * 3)
        buf = io.BytesIO()
        page.save(buf, "JPEG", quality=70)
        buf.seek(0)
        c.drawImage(ImageReader(buf), 0, 0, width=A4[0], height=A4[1])
        c.drawString(40, 40, f"trang {i + 1}")
        c.showPage()
    c.save()
    return out.getvalue()


def test_a_20_page_scan_from_file_to_thumbnails(services, tmp_path, qapp):
    from PySide6.QtCore import QSize
    from PySide6.QtPdf import QPdfDocument

    from motcua_desk.services import IntakeRequest

    pages = 20
    data = scan_pdf(pages)
    src = tmp_path / "scan.pdf"
    src.write_bytes(data)
    code = services.dossiers.intake(IntakeRequest("1.004873", "Nguyễn Văn An")).dossier.code
    papers = DigitisationService.from_services(services)

    t0 = time.perf_counter()
    done = papers.attach(code, 0, [src], pages=pages)
    t_attach = time.perf_counter() - t0
    assert done.pages == pages

    def thumbnails(path) -> float:
        t = time.perf_counter()
        doc = QPdfDocument()
        doc.load(str(path))
        assert doc.pageCount() == pages
        for i in range(pages):
            image = doc.render(i, QSize(120, 170))
            assert not image.isNull()
        doc.close()
        return time.perf_counter() - t

    t_thumbs = thumbnails(papers.file_path(done.paper.files[0].sha256))
    # the plain primitives: copy the file and hash it, render the same thumbnails
    t0 = time.perf_counter()
    shutil.copyfile(src, tmp_path / "copy.pdf")
    hashlib.sha256((tmp_path / "copy.pdf").read_bytes()).hexdigest()
    t_copy = time.perf_counter() - t0
    t_bare = thumbnails(src)
    report = Report("digitisation")
    report.add(
        "20-page scan: attach (read, check, store, event), then 20 thumbnails",
        pages=pages,
        megabytes=len(data) / 1e6,
        attach_ms=t_attach * 1000,
        thumbnails_ms=t_thumbs * 1000,
        file_to_thumbnails_ms=(t_attach + t_thumbs) * 1000,
        raw_copy_and_hash_ms=t_copy * 1000,
        ratio_to_copy_and_bare_render=(t_attach + t_thumbs) / (t_copy + t_bare),
    )
    report.write()


def test_files_sync_throughput_against_a_raw_copy(tmp_path):
    from tests.sync.helpers import HubThread, make_desk, register

    n_files = size(3, 12)
    hub = HubThread(f"sqlite:///{tmp_path / 'hub.sqlite3'}", clock=FakeClock())
    a, b = (make_desk(tmp_path, n, FakeClock()) for n in (1, 2))
    try:
        register(hub, [a, b])
        total = 0
        sources = []
        for i in range(n_files):
            data = scan_pdf(8)
            path = tmp_path / f"s{i}.pdf"
            path.write_bytes(data)
            sources.append(path)
            total += len(data)
            code = a.intake(f"Người Số {i}").dossier.code
            DigitisationService.from_services(a.services).attach(code, 0, [path])
        a.sync(hub.url)  # the events first, files with them; measure the files alone below
        t0 = time.perf_counter()
        got = b.sync(hub.url)
        t_fetch = time.perf_counter() - t0
        assert got.files_fetched == n_files
        # push again from a fresh hub store of files: the desk's files phase only
        shutil.rmtree(tmp_path / "hub.files")
        from motcua_desk.services.file_sync import PUSH_CURSOR, TO_PUSH

        with a.services.dossiers.writing() as db:
            db.settings.set(PUSH_CURSOR, 0)
            db.settings.set(TO_PUSH, {})
        t0 = time.perf_counter()
        sent = a.sync(hub.url)
        t_push = time.perf_counter() - t0
        assert sent.files_sent == n_files
        t0 = time.perf_counter()
        for i, p in enumerate(sources):
            shutil.copyfile(p, tmp_path / f"raw{i}.pdf")
            os.fsync(os.open(tmp_path / f"raw{i}.pdf", os.O_RDONLY))
        t_raw = time.perf_counter() - t0
    finally:
        for d in (a, b):
            d.close()
        hub.stop()
    mb = total / 1e6
    report = Report("files_sync")
    report.add(
        "files over the LAN (127.0.0.1): desk → hub, hub → desk (a whole round each)",
        files=n_files,
        megabytes=mb,
        push_mb_s=mb / t_push,
        fetch_mb_s=mb / t_fetch,
        raw_copy_mb_s=mb / t_raw,
        push_ratio_to_raw=t_push / t_raw,
        fetch_ratio_to_raw=t_fetch / t_raw,
    )
    report.write()


def test_portal_export_of_a_year(tmp_path):
    n = int(os.environ.get("MOTCUA_PERF_N") or size(10_000, 1_000_000))
    path = make_big_db(n)  # the cached file, opened for reading only
    svc = open_services(path, clock=FakeClock(datetime(2026, 11, 23, 9, tzinfo=VN)), read_only=True)
    seen: list[tuple[float, int, int]] = []
    try:
        t0 = time.perf_counter()
        doc = PortalService.from_services(svc).export(
            date(2025, 12, 1),
            date(2026, 11, 30),
            all_desks=True,
            progress=lambda d, t: seen.append((time.perf_counter() - t0, d, t)),
        )
        seconds = time.perf_counter() - t0
        t0 = time.perf_counter()
        import sqlite3

        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        rows = conn.execute(
            "SELECT e.payload FROM events e JOIN dossiers d ON d.id = e.dossier_id "
            "WHERE d.received_at >= '2025-11-30 17:00' AND d.received_at < '2026-11-30 17:00'"
        ).fetchall()
        conn.close()
        raw = time.perf_counter() - t0
    finally:
        svc.close()
    gaps = [b[0] - a[0] for a, b in zip(seen, seen[1:], strict=False)] or [0.0]
    report = Report("portal_export")
    report.add(
        "portal export of a year (all desks), with progress",
        dossiers_in_db=n,
        dossiers_exported=doc["SoHoSo"],
        progress_lines=len(doc["QuaTrinhXuLy"]),
        seconds=seconds,
        raw_read_of_the_same_events_s=raw,
        ratio_to_raw_read=seconds / raw if raw else None,
        events_read_raw=len(rows),
        progress_reports=len(seen),
        longest_silence_s=max(gaps),
    )
    report.write()
    assert doc["SoHoSo"] > 0 and seen[-1][1] == seen[-1][2]
