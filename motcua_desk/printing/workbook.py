"""What the office's workbooks share (Biểu 06, the late list, the quality report): a workbook
with its properties, the formats (Times New Roman, borders), the national header, the
signatures, and SUM formulas cut to Excel's argument limit.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from datetime import date, datetime

import xlsxwriter

from motcua_desk.domain.dto import AgencyInfo
from motcua_desk.printing.layout import MOTTO, NATION, clean, place_date

FIRST_FIGURE_COL = 2  # A: STT, B: the name, C…: the figures
SUM_CHUNK = 200  # arguments per SUM (Excel allows 255)


def _sum_of(cells: Sequence[str]) -> str:
    if not cells:
        return "0"
    parts = [f"SUM({','.join(cells[i : i + SUM_CHUNK])})" for i in range(0, len(cells), SUM_CHUNK)]
    return "+".join(parts)


def _book(made_on: date | None, title: str, agency: AgencyInfo):
    buf = io.BytesIO()
    wb = xlsxwriter.Workbook(
        buf,
        {
            "in_memory": True,
            "strings_to_numbers": False,
            "strings_to_formulas": False,
            "strings_to_urls": False,
        },
    )
    moment = datetime.combine(made_on, datetime.min.time()) if made_on else None
    props = {
        "title": title,
        "author": clean(agency.agency_name),
        "company": clean(agency.parent_name),
        "comments": "motcua-desk",
    }
    if moment is not None:
        props["created"] = moment
    wb.set_properties(props)
    return wb, buf


def _formats(wb) -> dict:
    base = {"font_name": "Times New Roman", "font_size": 11}
    f = {
        "head": {**base, "align": "center"},
        "head_b": {**base, "bold": True, "align": "center"},
        "head_i": {**base, "italic": True, "align": "center"},
        "title": {
            **base,
            "bold": True,
            "font_size": 13,
            "align": "center",
            "valign": "vcenter",
            "text_wrap": True,
        },
        "italic": {**base, "italic": True},
        "right_i": {**base, "italic": True, "align": "right"},
        "th": {
            **base,
            "bold": True,
            "align": "center",
            "valign": "vcenter",
            "text_wrap": True,
            "border": 1,
            "bg_color": "#EDEDED",
            "font_size": 10,
        },
        "no": {**base, "align": "center", "border": 1, "font_size": 10},
        "text": {**base, "border": 1, "text_wrap": True, "valign": "top", "font_size": 10},
        "text_b": {
            **base,
            "border": 1,
            "text_wrap": True,
            "valign": "top",
            "bold": True,
            "font_size": 10,
        },
        "num": {**base, "border": 1, "num_format": "0", "align": "center", "font_size": 10},
        "num_b": {
            **base,
            "border": 1,
            "num_format": "0",
            "align": "center",
            "bold": True,
            "font_size": 10,
        },
        "when": {
            **base,
            "border": 1,
            "num_format": "dd/mm/yyyy hh:mm",
            "align": "center",
            "valign": "top",
            "font_size": 10,
        },
        "sign": {**base, "bold": True, "align": "center"},
    }
    return {k: wb.add_format(v) for k, v in f.items()}


def _national_header(ws, fm, agency: AgencyInfo, made_on, last_col: int) -> int:
    """Rows 1–3: the authority and unit on the left, the national title, motto and place-date
    on the right. Returns the next free row (0-based)."""
    split = max(1, last_col // 2 - 1)
    ws.merge_range(0, 0, 0, split, clean(agency.parent_name).upper(), fm["head"])
    ws.merge_range(1, 0, 1, split, clean(agency.agency_name).upper(), fm["head_b"])
    ws.merge_range(0, split + 1, 0, last_col, NATION, fm["head_b"])
    ws.merge_range(1, split + 1, 1, last_col, MOTTO, fm["head_b"])
    ws.merge_range(2, split + 1, 2, last_col, place_date(agency, made_on), fm["head_i"])
    return 4


def _signatures(ws, fm, agency: AgencyInfo, row: int, last_col: int) -> None:
    split = max(1, last_col // 2)
    ws.merge_range(row, 0, row, split, "NGƯỜI LẬP BIỂU", fm["sign"])
    ws.merge_range(row, split + 1, row, last_col, "THỦ TRƯỞNG ĐƠN VỊ", fm["sign"])
    ws.merge_range(row + 1, 0, row + 1, split, "(Ký và ghi rõ họ tên)", fm["head_i"])
    ws.merge_range(
        row + 1, split + 1, row + 1, last_col, "(Ký, ghi rõ họ tên và đóng dấu)", fm["head_i"]
    )
    if clean(agency.officer):
        ws.merge_range(row + 5, 0, row + 5, split, clean(agency.officer), fm["sign"])


def _roman(n: int) -> str:
    from motcua_desk.printing.report_parts import _roman as roman

    return roman(n)
