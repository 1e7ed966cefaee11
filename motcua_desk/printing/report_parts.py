"""What the office's reports on paper share (Biểu 06, the late list, the quality report): the
page and its margins (those of the ledgers), the cell size, the signers, the footer
"Trang x/y", and TableWithTail, a long table that keeps its last rows with what follows.
"""

from __future__ import annotations

from collections.abc import Sequence

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, TableStyle

from motcua_desk.domain.dto import AgencyInfo
from motcua_desk.domain.report_periods import Period
from motcua_desk.printing import fonts, ledgers
from motcua_desk.printing.layout import clean, signature_blocks, vn_date
from motcua_desk.printing.paged import PagedTable

# the same paper as the ledgers (Mẫu 07, the handoff list): A4 landscape, the same margins
PAGE, MARGINS = ledgers.PAGE, ledgers.MARGINS
CELL = 8.0
SIGNERS = (
    ("NGƯỜI LẬP BIỂU", "(Ký và ghi rõ họ tên)"),
    ("THỦ TRƯỞNG ĐƠN VỊ", "(Ký, ghi rõ họ tên và đóng dấu)"),
)
BY_LABEL = {
    "field": "Lĩnh vực, thủ tục hành chính",
    "procedure": "Lĩnh vực, thủ tục hành chính",
    "department": "Cơ quan, đơn vị giải quyết; thủ tục hành chính",
}
EXTRA_MARKS = "abcdefghij"


def _width() -> float:
    return PAGE[0] - MARGINS[1] - MARGINS[3]


def period_text(period: Period) -> str:
    return f"Từ {vn_date(period.first)} đến {vn_date(period.last)}"


def _roman(n: int) -> str:
    out = ""
    for value, letters in (
        (1000, "M"),
        (900, "CM"),
        (500, "D"),
        (400, "CD"),
        (100, "C"),
        (90, "XC"),
        (50, "L"),
        (40, "XL"),
        (10, "X"),
        (9, "IX"),
        (5, "V"),
        (4, "IV"),
        (1, "I"),
    ):
        while n >= value:
            out += letters
            n -= value
    return out


def _footer(label: str):
    def draw(canvas, page: int, pages: int, rows: int, group: str) -> None:
        w, _ = PAGE
        y = MARGINS[2] / 2 - 2
        canvas.saveState()
        canvas.setFont(fonts.ITALIC, 8)
        canvas.drawString(MARGINS[3], y, label)
        canvas.setFont(fonts.REGULAR, 8.5)
        canvas.drawRightString(w - MARGINS[1], y, f"Trang {page}/{pages}")
        canvas.restoreState()

    return draw


class TableWithTail(Flowable):
    """A table and what closes it (notes, chart, signatures), never parted: when the tail
    does not fit below the table's last rows, at least `keep` of those rows go with it to the
    next page, so the signatures never stand on a page of their own.

    It always asks to be split (its wrap claims a little more than the room there is), and
    its split hands the frame plain flowables: the whole lot when it fits, else the rows this
    page can take while leaving `keep`, then itself with the rest."""

    def __init__(self, table: PagedTable, tail: list[Flowable], keep: int = 3) -> None:
        # `tail`: plain flowables (measured one by one; no KeepTogether inside)
        super().__init__()
        self.table = table
        self.tail = tail
        self.keep = keep

    def _tail_height(self, width: float, height: float) -> float:
        canv = getattr(self, "canv", None)
        total = 0.0
        for f in self.tail:
            total += f.wrapOn(canv, width, height)[1] + f.getSpaceBefore() + f.getSpaceAfter()
        return total

    def wrap(self, availWidth, availHeight):  # noqa: N803
        return availWidth, availHeight + 1  # never drawn whole: split() places the parts

    def split(self, availWidth, availHeight):  # noqa: N803
        t = self.table
        if t.height + self._tail_height(availWidth, availHeight) <= availHeight + 1e-6:
            return [t, *self.tail]
        rows = len(t.rows)
        n = _rows_that_fit(t.body_h[: max(rows - self.keep, 0)], availHeight - t.head_h)
        if n == 0:
            frame = getattr(self, "_frame", None)
            if frame is not None and getattr(frame, "_atTop", False):
                # even a fresh page cannot hold the last rows and the tail: let them flow
                n = _rows_that_fit(t.body_h, availHeight - t.head_h)
                if n == 0 or n == rows:
                    return [t, KeepTogether(self.tail)]
                return [t._table(0, n), _rest(t, n), KeepTogether(self.tail)]
            return []  # all of it on the next page
        return [t._table(0, n), TableWithTail(_rest(t, n), self.tail, self.keep)]

    def draw(self) -> None:  # pragma: no cover - split() always replaces it
        raise AssertionError("TableWithTail is split, never drawn")


def _rows_that_fit(heights: Sequence[float], room: float) -> int:
    n = 0
    used = 0.0
    for h in heights:
        if used + h > room + 1e-6:
            break
        used += h
        n += 1
    return n


def _rest(t: PagedTable, n: int) -> PagedTable:
    """The table from body row `n` on, its style's row numbers moved along with the rows (a
    bold total stays bold on the next page)."""
    return PagedTable(
        t.header,
        t.rows[n:],
        t.widths,
        _shift_style(t.style, len(t.header), n),
        heights=t.heights[: len(t.header)] + t.body_h[n:],
    )


def _shift_style(style: TableStyle, header_rows: int, n: int) -> TableStyle:
    """`style` for the table without its first `n` body rows: commands on the header or
    counted from the end (negative rows) stay; a command on body rows moves up by `n`, and
    one on rows that are gone is dropped."""
    cmds = []
    for cmd in style.getCommands():
        (c0, r0), (c1, r1) = cmd[1], cmd[2]
        if r0 < header_rows and (r1 < header_rows and r1 >= 0):
            cmds.append(cmd)  # the header only
            continue
        if r0 >= header_rows:
            r0 -= n
        if r1 >= header_rows:
            r1 -= n
            if r1 < header_rows:
                continue  # only rows printed before
        if r0 < header_rows <= cmd[1][1]:
            r0 = header_rows
        cmds.append((cmd[0], (c0, r0), (c1, r1), *cmd[3:]))
    return TableStyle(cmds)


def _signatures(agency: AgencyInfo, st, width: float) -> Flowable:
    (t1, h1), (t2, h2) = SIGNERS
    return signature_blocks([(t1, h1, clean(agency.officer)), (t2, h2, "")], st, width, gap=18 * mm)
