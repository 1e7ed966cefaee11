"""The barcode as printed: vector bars, whole-dot modules, quiet zones that nothing intrudes
on, measured on the page rasterised at 300 dpi (one printer dot = one pixel)."""

from __future__ import annotations

import io

import pytest
from reportlab.lib.pagesizes import A5
from reportlab.pdfgen.canvas import Canvas

from motcua_desk import printing
from motcua_desk.printing import symbols
from tests.printing import pdfcheck as pc

DPI = 300
PX = symbols.MODULE_PREFERRED * DPI / 72  # pixels per module at 300 dpi: 4


def bar_band(img, sym: pc.Symbol) -> tuple[int, int, int, int]:
    """(first dark column, last dark column, top row, bottom row) of the bars."""
    mid = (sym.top + sym.bottom) // 2
    xs = [
        x
        for x in range(max(0, sym.left - 30), min(img.width, sym.right + 30))
        if img.getpixel((x, mid)) < 128
    ]
    return xs[0], xs[-1], sym.top, sym.bottom


def white(img, box) -> bool:
    lo, _ = img.crop(box).getextrema()
    return lo > 200


@pytest.mark.parametrize("qr", [False, True])
def test_slip_barcode_has_whole_dot_modules_and_clear_quiet_zones(services, intake, agency, qr):
    d = intake()
    data = printing.slip_pdf(services.dossiers.show(d.code), agency, qr=qr)
    img = pc.render(data, 0, DPI)
    [sym] = [s for s in pc.symbols(data, 0, DPI) if "128" in s.format]
    assert sym.text == d.code
    first, last, top, bottom = bar_band(img, sym)
    modules = len(symbols.code128_pattern(d.code))
    assert modules == 288
    assert abs((last - first + 1) - modules * PX) <= 2  # 0.339 mm a module, to the dot
    quiet = int(symbols.QUIET_MODULES * PX)
    assert quiet == 40
    # nothing in the quiet zones, over the whole height of the bars
    assert white(img, (first - quiet, top, first - 1, bottom))
    assert white(img, (last + 2, top, last + 1 + quiet, bottom))
    # the bars are at least 15 % of the symbol's width (16 %: read 7 degrees off)
    mid = (top + bottom) // 2
    up = next(y for y in range(mid, 0, -1) if img.getpixel((first, y)) >= 128)
    down = next(y for y in range(mid, img.height) if img.getpixel((first, y)) >= 128)
    height = down - up - 1
    assert height >= 0.15 * (last - first + 1 + 2 * quiet)
    assert height * 25.4 / DPI == pytest.approx(
        symbols.BAR_RATIO * (modules + 2 * 10) * 4 * 25.4 / DPI, abs=0.2
    )  # mm


def test_barcodes_are_vector_on_every_form_page(for_form, agency):
    for form in ("slip", "supplement", "refusal", "apology", "stop", "control"):
        detail = for_form(form)
        data = printing.FORMS[form](detail, agency, reprint=1)
        assert pc.image_count(data) == 0
        for page in range(pc.page_count(data)):
            assert pc.code128(data, page) == [detail.dossier.code]


def test_module_width_steps_down_to_the_minimum_then_refuses():
    assert symbols.MODULE_PREFERRED == pytest.approx(0.96)  # 4 dots at 300 dpi
    assert symbols.MODULE_MINIMUM * 25.4 / 72 >= 0.25  # mm
    assert symbols.choose_module(288, 352) == symbols.MODULE_PREFERRED
    assert symbols.choose_module(400, 352) == symbols.MODULE_MINIMUM
    with pytest.raises(symbols.BarcodeTooLong):
        symbols.choose_module(600, 352)


def test_a_long_code_still_scans_at_the_minimum_module(tmp_path):
    printing.register_fonts()
    code = "000.17.22.H56.X9-261123-123451"  # a longer agency id and a six-digit sequence
    modules = len(symbols.code128_pattern(code))
    width = A5[0] - 24 * 72 / 25.4
    module = symbols.choose_module(modules, width)
    bar = symbols.Code128(code, module=module)
    assert bar.width <= width
    buf = io.BytesIO()
    c = Canvas(buf, pagesize=A5)
    bar.drawOn(c, (A5[0] - bar.width) / 2, 400)
    c.showPage()
    c.save()
    assert pc.code128(buf.getvalue(), 0) == [code]


def test_code128_pattern_comes_from_python_barcode():
    import barcode

    code = "000.17.22.H56-261123-0001"
    assert symbols.code128_pattern(code) == barcode.get_barcode_class("code128")(code).build()[0]
    runs = symbols._runs("0110111001")
    assert runs == [(1, 2), (4, 3), (9, 1)]
