"""Long ruled lists drawn straight on the canvas: the rows of the tracking ledger (Mẫu 07).

A platypus Table per page costs about a millisecond a row (every cell styled, wrapped and
drawn through the table machinery); a month's ledger of 8,800 rows took some nine seconds.
Here the rows are plain text in one face and size, so they are measured and broken into lines
once (widths cached per word), cut into pages by their heights, and drawn as one text object
and one path of rules per page. The paper is the one the Table printed: the same column
widths, paddings, leading and rules; a cell that wraps is broken as reportlab's Paragraph breaks
it (greedy, with its 5 % space shrinkage, the shrunk lines drawn with the same negative word
spacing), and a text that line breaking alone cannot place (a word wider than its column, a
soft hyphen) is broken by a Paragraph itself. The column headers are a small platypus Table,
drawn once into a form and placed on every page.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from reportlab.lib import colors
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable, Paragraph, Table, TableStyle

from motcua_desk.printing.layout import esc
from motcua_desk.printing.paged import PageBook

Line = tuple[str, float]  # a line's text and the word spacing it is drawn with


@dataclass(frozen=True)
class Face:
    """The one font of the rows: name, size, leading."""

    name: str
    size: float
    leading: float


class Breaker:
    """Widths of words in one face, cached, and reportlab Paragraph's line breaking."""

    def __init__(self, face: Face, style) -> None:
        """`style`: the ParagraphStyle a wrapped cell would have (in `face`), whose breaking
        this reproduces; one that hyphenates or indents is left to Paragraph throughout."""
        assert (style.fontName, style.fontSize, style.leading) == (
            face.name,
            face.size,
            face.leading,
        )
        self.face = face
        self.style = style
        self.shrink = style.spaceShrinkage
        self.simple = not (
            getattr(style, "hyphenationLang", "")
            or style.uriWasteReduce
            or style.embeddedHyphenation
            or style.wordWrap
            or style.leftIndent
            or style.rightIndent
            or style.firstLineIndent
        )
        self._widths: dict[str, float] = {}
        self.space = self.width(" ")

    def width(self, text: str) -> float:
        w = self._widths.get(text)
        if w is None:
            w = self._widths[text] = stringWidth(text, self.face.name, self.face.size)
        return w

    def lines(self, parts: Sequence[str], room: float) -> list[Line]:
        """Texts (clean: single spaces, NFC), each starting a new line, broken into lines no
        wider than `room` as a Paragraph of them (<br/> between) breaks them; each line with
        the word spacing it is drawn with (negative for a shrunk line, else 0)."""
        out: list[Line] = []
        for part in parts:
            got = self._greedy(part, room)
            if got is None:
                return self._paragraph_lines(parts, room)
            out += got
        return out

    def _greedy(self, text: str, room: float) -> list[Line] | None:
        """Paragraph's simple line breaking; None where it would split a word or hyphenate."""
        if "\xad" in text or not self.simple:
            return None
        width, space = self.width, self.space
        out: list[Line] = []
        line: list[str] = []
        used = -space
        for word in text.split(" "):
            ww = width(word)
            if ww > room:
                return None  # a word split across lines
            new = used + space + ww
            if new <= room + self.shrink * space * len(line) or not line:
                line.append(word)
                used = new
            else:
                out.append(_line(line, room - used))
                line = [word]
                used = ww
        out.append(_line(line, room - used))
        return out

    def _paragraph_lines(self, parts: Sequence[str], room: float) -> list[Line]:
        para = Paragraph("<br/>".join(esc(p) for p in parts), self.style)
        para.wrap(room, 1e9)
        bl = para.blPara
        if bl.kind == 0:
            return [_line(words, extra) for extra, words in bl.lines]
        return [
            (
                "".join(f.text for f in ln.words),
                _spacing(ln.extraSpace, ln.wordCount),
            )
            for ln in bl.lines
        ]


def _spacing(extra: float, words: int) -> float:
    """The word spacing of a line with `extra` unused width (Paragraph's: only a line shrunk
    past its room, with spaces, is spaced)."""
    return extra / (words - 1) if extra < -1e-8 and words > 1 else 0.0


def _line(words: Sequence[str], extra: float) -> Line:
    return " ".join(words), _spacing(extra, len(words))


@dataclass(frozen=True)
class Column:
    """A column's width and the alignment of its plain texts ("LEFT" or "CENTER")."""

    width: float
    align: str = "LEFT"


# One drawn line of a cell: x from the table's left edge, line number in the cell, text, and
# the word spacing it is drawn with (0 for a line that fits).
Drawn = tuple[float, int, str, float]


@dataclass
class Row:
    """A row's height (its tallest cell and the paddings) and its drawn lines."""

    height: float
    lines: list[Drawn]


class RowMaker:
    """Turns cell texts into drawn rows, as the Table placed them: a plain text (one or more
    lines, aligned per column) or a wrapped text (a Paragraph's lines, left aligned)."""

    def __init__(self, columns: Sequence[Column], breaker: Breaker, pad: float) -> None:
        self.columns = list(columns)
        self.breaker = breaker
        self.pad = pad
        self.top_pad = pad * 0.7
        self.left: list[float] = []
        x = 0.0
        for c in self.columns:
            self.left.append(x)
            x += c.width
        self.total = x
        self._shared: dict[tuple[str, int], list[Drawn]] = {}

    def room(self, col: int) -> float:
        return self.columns[col].width - 2 * self.pad

    def plain(self, text: str, col: int) -> list[Drawn]:
        """Lines as given ("\\n" between them), each aligned as the column says."""
        c, x0 = self.columns[col], self.left[col]
        out: list[Drawn] = []
        for i, line in enumerate(text.split("\n")):
            if c.align == "CENTER":
                x = x0 + c.width / 2 - self.breaker.width(line) / 2
            else:
                x = x0 + self.pad
            if line:
                out.append((x, i, line, 0.0))
        return out or [(x0, 0, "", 0.0)]  # an empty cell still takes one line's height

    def wrapped(self, parts: Sequence[str], col: int) -> list[Drawn]:
        """Parts broken into lines within the column, each part starting a new line (a
        Paragraph with <br/> between them), left aligned."""
        x = self.left[col] + self.pad
        room = self.room(col)
        return [(x, n, text, ws) for n, (text, ws) in enumerate(self.breaker.lines(parts, room))]

    def shared(self, key: str, col: int, make) -> list[Drawn]:
        """A cell made once for a repeated text (a procedure, a department) and reused."""
        k = (key, col)
        got = self._shared.get(k)
        if got is None:
            got = self._shared[k] = make()
        return got

    def row(self, cells: Sequence[list[Drawn]]) -> Row:
        lines = [d for cell in cells for d in cell]
        n = max(d[1] for d in lines) + 1 if lines else 1
        lead = self.breaker.face.leading
        return Row(n * lead + self.top_pad + self.pad, lines)


class RuledTable(Flowable):
    """Rows drawn on the canvas under a header repeated on every page; never split. Each page
    counts its rows into the PageBook (the footer's "Số hồ sơ trong trang")."""

    def __init__(
        self,
        header: list[list],
        style: TableStyle,
        maker: RowMaker,
        rows: list[Row],
        book: PageBook,
        *,
        head_heights: Sequence[float] | None = None,
        body_height: float | None = None,
        form: list | None = None,
    ) -> None:
        super().__init__()
        self.header = header
        self.style = style
        self.maker = maker
        self.rows = rows
        self.book = book
        widths = [c.width for c in maker.columns]
        if head_heights is None:
            probe = Table(header, colWidths=widths)
            probe.setStyle(style)
            probe.wrap(maker.total, 1e9)
            head_heights = list(probe._rowHeights)
        self.head_heights = list(head_heights)
        self.head_h = sum(self.head_heights)
        self.width = maker.total
        if body_height is None:
            body_height = sum(r.height for r in rows)
        self.height = self.head_h + body_height
        self._form = form if form is not None else []  # the header form's name, once drawn

    def _like(self, rows: list[Row], body_height: float) -> RuledTable:
        return RuledTable(
            self.header,
            self.style,
            self.maker,
            rows,
            self.book,
            head_heights=self.head_heights,
            body_height=body_height,
            form=self._form,
        )

    def wrap(self, availWidth, availHeight):  # noqa: N803
        return self.width, self.height

    def split(self, availWidth, availHeight):  # noqa: N803
        room = availHeight - self.head_h
        n = 0
        used = 0.0
        for r in self.rows:
            if used + r.height > room + 1e-6:
                break
            used += r.height
            n += 1
        if n == 0:
            return []  # not even one row here: the frame moves on to the next page
        if n == len(self.rows):
            return [self]
        rest = self.height - self.head_h - used
        return [self._like(self.rows[:n], used), self._like(self.rows[n:], rest)]

    def _header_form(self) -> str:
        c = self.canv
        if not self._form:
            name = f"RuledHeader{c.getPageNumber()}"  # deterministic: the page it is made on
            t = Table(
                self.header,
                colWidths=[col.width for col in self.maker.columns],
                rowHeights=self.head_heights,
            )
            t.setStyle(self.style)
            t.wrapOn(c, self.width, self.head_h)
            c.beginForm(name, -2, -2, self.width + 2, self.head_h + 2)  # room for the rules
            t.drawOn(c, 0, 0)
            c.endForm()
            self._form.append(name)
        return self._form[0]

    def draw(self) -> None:
        c = self.canv
        form = self._header_form()
        top = self.height - self.head_h
        c.saveState()
        c.translate(0, top)
        c.doForm(form)
        c.restoreState()

        face = self.maker.breaker.face
        first = face.size + self.maker.top_pad  # a cell's first baseline below its top
        lead = face.leading
        c.saveState()
        c.setFillColor(colors.black)
        tx = c.beginText()
        tx.setFont(face.name, face.size, lead)
        out = tx._textOut
        y = top
        bounds = [y]
        for r in self.rows:
            base = y - first
            for x, n, text, ws in r.lines:
                if not text:
                    continue
                tx.setTextOrigin(x, base - n * lead)
                # _textOut, as Paragraph draws its lines: textOut would also measure the text
                # to move a cursor that the next setTextOrigin resets anyway
                if ws:
                    tx.setWordSpace(ws)
                    out(text, 0)
                    tx.setWordSpace(0)
                else:
                    out(text, 0)
            y -= r.height
            bounds.append(y)
        c.drawText(tx)
        # the rules: GRID 0.5 black, one stroke a rule as the Table drew them (crossings
        # painted twice alike); the header's bottom rule is the form's
        c.setStrokeColor(colors.black)
        c.setLineWidth(0.5)
        for yy in bounds[1:]:
            c.line(0, yy, self.width, yy)
        x = 0.0
        for col in [*self.maker.columns, None]:
            c.line(x, top, x, y)
            if col is not None:
                x += col.width
        c.restoreState()
        self.book.rows_on_page[c.getPageNumber()] += len(self.rows)
