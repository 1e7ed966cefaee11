"""Long lists over many pages (the ledgers, the daily handoff list, the reports' tables):
"Trang x/y" counted within each group of pages (a copy, a department), the rows counted per
page, and a table cut into one table per page in linear time. Apart from printing.layout
because only the lists need it, and it works on the canvas after the pages are drawn.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, Table, TableStyle

from motcua_desk.printing import fonts

# --- paged lists: "Trang x/y" and rows counted per page ---------------------------------------


@dataclass
class PageBook:
    """What a list records while it is drawn: which group each page belongs to and how many
    numbered rows it carries. Read back when the pages are finished (deferred footers)."""

    group_of_page: dict[int, str] = field(default_factory=dict)
    rows_on_page: Counter = field(default_factory=Counter)
    current_group: str = ""


class RowNumber(Flowable):
    """The STT cell of a list row: draws the number and counts the row on its page."""

    def __init__(self, text: str, book: PageBook, font_size: float) -> None:
        super().__init__()
        self.text = text
        self.book = book
        self.font_size = font_size

    def wrap(self, availWidth, availHeight):  # noqa: N803
        self._avail = availWidth
        return availWidth, self.font_size * 1.1

    def draw(self) -> None:
        c = self.canv
        self.book.rows_on_page[c.getPageNumber()] += 1
        c.setFont(fonts.REGULAR, self.font_size)
        c.drawCentredString(self._avail / 2, self.font_size * 0.1, self.text)


class GroupStart(Flowable):
    """Zero-size marker: the pages from here on belong to `key` (numbered x/y within it)."""

    def __init__(self, key: str, book: PageBook) -> None:
        super().__init__()
        self.key = key
        self.book = book

    def wrap(self, availWidth, availHeight):  # noqa: N803
        return 0, 0

    def draw(self) -> None:
        self.book.current_group = self.key
        self.book.group_of_page[self.canv.getPageNumber()] = self.key


class PagedTable(Flowable):
    """A long table whose rows are measured once and cut into one table per page.

    reportlab's Table.split builds a new Table of the whole remainder at every page break,
    re-styling every remaining cell: quadratic in the number of rows. Here the rows are
    measured by one Table, then each page gets a Table of just its rows (header rows repeated,
    row heights given, nothing measured twice). Rows are never split."""

    def __init__(
        self,
        header: list[list],
        rows: list[list],
        widths: Sequence[float],
        style: TableStyle,
        *,
        heights: Sequence[float] | None = None,
    ) -> None:
        super().__init__()
        self.header = header
        self.rows = rows
        self.widths = list(widths)
        self.style = style
        if heights is None:
            probe = Table(header + rows, colWidths=self.widths)
            probe.setStyle(style)
            probe.wrap(sum(self.widths), 1e9)
            heights = list(probe._rowHeights)
        self.heights = list(heights)
        self.head_h = sum(self.heights[: len(header)])
        self.body_h = self.heights[len(header) :]
        self.width = sum(self.widths)
        self.height = self.head_h + sum(self.body_h)

    def fresh(self) -> PagedTable:
        """The same measured rows as a new flowable. A flowable instance must appear once in a
        story: reportlab marks one it had to move to the next page (`_postponed`) and refuses
        to move it twice, so a table printed in two copies needs two instances."""
        return PagedTable(self.header, self.rows, self.widths, self.style, heights=self.heights)

    def _table(self, start: int, stop: int) -> Table:
        t = Table(
            self.header + self.rows[start:stop],
            colWidths=self.widths,
            rowHeights=self.heights[: len(self.header)] + self.body_h[start:stop],
        )
        t.setStyle(self.style)
        return t

    def wrap(self, availWidth, availHeight):  # noqa: N803
        return self.width, self.height

    def split(self, availWidth, availHeight):  # noqa: N803
        room = availHeight - self.head_h
        n = 0
        used = 0.0
        for h in self.body_h:
            if used + h > room + 1e-6:
                break
            used += h
            n += 1
        if n == 0:
            return []  # not even one row here: the frame moves on to the next page
        head = self._table(0, n)
        if n == len(self.rows):
            return [head]
        rest = PagedTable(
            self.header,
            self.rows[n:],
            self.widths,
            self.style,
            heights=self.heights[: len(self.header)] + self.body_h[n:],
        )
        return [head, rest]

    def draw(self) -> None:
        t = self._table(0, len(self.rows))
        t.wrapOn(self.canv, self.width, self.height)
        t.drawOn(self.canv, 0, 0)


def paged_canvas(book: PageBook, footer: Callable[[Canvas, int, int, int, str], None]):
    """A canvas class that holds every page until the end, then draws each page's footer with
    its number within its group, the group's page count and the rows counted on it."""

    class _PagedCanvas(Canvas):
        def __init__(self, *args, **kwargs) -> None:
            super().__init__(*args, **kwargs)
            self._held: list[dict] = []

        def showPage(self) -> None:  # noqa: N802
            self._held.append(dict(self.__dict__))
            self._startPage()

        def save(self) -> None:
            groups: list[str] = []
            current = ""
            for i in range(1, len(self._held) + 1):
                current = book.group_of_page.get(i, current)
                groups.append(current)
            totals = Counter(groups)
            seen: Counter = Counter()
            for i, state in enumerate(self._held, start=1):
                self.__dict__.update(state)
                g = groups[i - 1]
                seen[g] += 1
                footer(self, seen[g], totals[g], book.rows_on_page.get(i, 0), g)
                Canvas.showPage(self)
            Canvas.save(self)

    return _PagedCanvas
