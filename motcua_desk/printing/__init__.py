"""The printing layer: every form of the desk as PDF bytes, from DTOs only.

It imports the domain (DTOs, errors), the paths (fonts), reportlab, python-barcode and segno;
never the store, the services or Qt. The functions are pure given their inputs: the same
dossier prints the same bytes (the PDF timestamp is the dossier's own moment).

    slip_pdf(detail, agency, reprint=0, qr=True)   Mẫu 01, A5, two copies
    supplement_pdf / refusal_pdf / apology_pdf / stop_pdf(detail, agency, reprint=0)
                                                    Mẫu 02 / 03 / 04 / 05, A5
    control_pdf(detail, agency, reprint=0)          Mẫu 06, A4 portrait
    ledger_pdf(rows, agency, date_from, date_to)    Mẫu 07, A4 landscape
    handoff_list_pdf(entries, agency, day, department="")   daily list, A4 landscape, 2 copies
    bieu06_pdf(report, agency, scope_label, made_on, months=())   Biểu 06, A4 landscape
    late_pdf(late, agency, tz, scope_label, made_on)   late dossiers and apologies, A4 landscape
    bieu06_xlsx / late_xlsx(…)                      the same as spreadsheets (XlsxWriter)
    quality_pdf(q, agency, scope_label, made_on)   handoff steps per unit, TT 01/2018 facts
    quality_xlsx(q, agency, tz, scope_label, made_on)   the same, with a sheet per dossier
    notice_board_pdf(procedures, agency, day, hotline="")   Bảng niêm yết TTHC, A4, per field
    cash_sheet_pdf / cash_sheet_xlsx(sheet, agency)   the day's fees per officer and fee type,
                                                    A4, marked KHÔNG PHẢI BIÊN LAI
"""

from __future__ import annotations

from motcua_desk.printing.cash_sheet import NOT_A_RECEIPT, cash_sheet_pdf, cash_sheet_xlsx
from motcua_desk.printing.control_sheet import control_pdf
from motcua_desk.printing.fonts import FONT_FILES, register_fonts
from motcua_desk.printing.form_parts import FormNotApplicable, check_form
from motcua_desk.printing.forms import (
    FORM_TITLES,
    FORMS,
    PAGE_SIZES,
    apology_pdf,
    refusal_pdf,
    slip_pdf,
    stop_pdf,
    supplement_pdf,
)
from motcua_desk.printing.layout import reprint_label
from motcua_desk.printing.ledgers import handoff_list_pdf, ledger_pdf
from motcua_desk.printing.notice_board import notice_board_pdf
from motcua_desk.printing.quality import quality_pdf, quality_xlsx
from motcua_desk.printing.reports import bieu06_pdf, late_pdf
from motcua_desk.printing.spreadsheets import bieu06_xlsx, late_xlsx
from motcua_desk.printing.symbols import BarcodeTooLong

__all__ = [
    "FONT_FILES",
    "FORMS",
    "FORM_TITLES",
    "NOT_A_RECEIPT",
    "PAGE_SIZES",
    "BarcodeTooLong",
    "FormNotApplicable",
    "apology_pdf",
    "bieu06_pdf",
    "bieu06_xlsx",
    "cash_sheet_pdf",
    "cash_sheet_xlsx",
    "check_form",
    "control_pdf",
    "handoff_list_pdf",
    "late_pdf",
    "late_xlsx",
    "ledger_pdf",
    "notice_board_pdf",
    "quality_pdf",
    "quality_xlsx",
    "refusal_pdf",
    "register_fonts",
    "reprint_label",
    "slip_pdf",
    "stop_pdf",
    "supplement_pdf",
]
