"""Print commands: the forms of one dossier, the ledger and the daily handoff list, as PDF files.

    print slip|supplement|refusal|apology|stop|control CODE --out FILE.pdf [--qr|--no-qr]
    print ledger --from DATE --to DATE --out FILE.pdf
    print handoffs --date DATE [--dept NAME] --out FILE.pdf
    print notice-board [--field NAME] [--hotline PHONE] --out FILE.pdf

A dossier form is checked against the dossier's state first, then logged as a "printed" event
(from the second print on, a reprint, and the paper says so), then written. The file is written
atomically (a temporary file beside it, then a rename); a path that cannot be written is
refused before anything is logged.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

from motcua_desk.cli.common import Context, parse_day
from motcua_desk.domain.errors import DomainError

FORM_COMMANDS = ("slip", "supplement", "refusal", "apology", "stop", "control")


class OutputError(DomainError):
    code = "output_unwritable"


def register(sub) -> None:
    p = sub.add_parser("print", help="print a form, the ledger or the daily handoff list to PDF")
    psub = p.add_subparsers(dest="print_command", metavar="FORM", required=True)
    helps = {
        "slip": "Mẫu 01 receipt and appointment slip (A5, two copies)",
        "supplement": "Mẫu 02 request to supplement (A5)",
        "refusal": "Mẫu 03 refusal (A5)",
        "apology": "Mẫu 04 apology and new return date (A5)",
        "stop": "Mẫu 05 stop notice (A5)",
        "control": "Mẫu 06 handoff control sheet (A4)",
    }
    for form in FORM_COMMANDS:
        q = psub.add_parser(form, help=helps[form])
        q.add_argument("code", metavar="CODE")
        q.add_argument("--out", required=True, metavar="FILE.pdf", type=Path)
        if form == "slip":
            g = q.add_mutually_exclusive_group()
            g.add_argument(
                "--qr",
                dest="qr",
                action="store_true",
                default=None,
                help="add a QR code of the dossier code (default: the office setting)",
            )
            g.add_argument("--no-qr", dest="qr", action="store_false")
        q.set_defaults(func=cmd_print_form, form=form)
    q = psub.add_parser("ledger", help="Mẫu 07 tracking ledger for a date range (A4 landscape)")
    q.add_argument("--from", dest="date_from", required=True, metavar="YYYY-MM-DD")
    q.add_argument("--to", dest="date_to", required=True, metavar="YYYY-MM-DD")
    q.add_argument("--out", required=True, metavar="FILE.pdf", type=Path)
    q.set_defaults(func=cmd_print_ledger)
    q = psub.add_parser("handoffs", help="the daily handoff list (A4 landscape, two copies)")
    q.add_argument("--date", required=True, metavar="YYYY-MM-DD")
    q.add_argument("--dept", default="", metavar="NAME", help="one department (default: all)")
    q.add_argument("--out", required=True, metavar="FILE.pdf", type=Path)
    q.set_defaults(func=cmd_print_handoffs)
    q = psub.add_parser(
        "notice-board",
        help="Bảng niêm yết thủ tục hành chính: the catalog per field, A4, to pin up",
    )
    q.add_argument(
        "--field",
        default="",
        metavar="NAME",
        help="one field (accents optional; default: every field, one after another)",
    )
    q.add_argument(
        "--hotline",
        default=None,
        metavar="PHONE",
        help="the office's hotline (default: this desk's officer phone)",
    )
    q.add_argument("--out", required=True, metavar="FILE.pdf", type=Path)
    q.set_defaults(func=cmd_print_notice_board)
    q = psub.add_parser(
        "cash-sheet",
        help="the day's fees per officer and fee type (A4; not a "
        "receipt), as PDF or XLSX by the file's extension",
    )
    q.add_argument("--date", default=None, metavar="YYYY-MM-DD", help="default: today")
    q.add_argument(
        "--officer",
        default="",
        metavar="NAME",
        help="one officer's payments (default: every officer's)",
    )
    q.add_argument("--out", required=True, metavar="FILE.pdf|FILE.xlsx", type=Path)
    q.set_defaults(func=cmd_print_cash_sheet)


# --- atomic output ---------------------------------------------------------------------------


class _Output:
    """A temporary file beside the target, renamed over it on commit. Opening it is the
    writability check, done before anything is logged. A target that exists and is not a
    regular file (/dev/null, /dev/stdout, a pipe) is written into as it is: a rename would put
    a plain file in the device's place."""

    def __init__(self, target: Path) -> None:
        self.target = target
        self.tmp: Path | None = None
        if target.is_dir():
            raise OutputError(f"cannot write {target}: it is a directory")
        try:
            if target.exists() and not target.is_file():
                self.fd: int | None = os.open(target, os.O_WRONLY)
                return
            parent = target.parent if str(target.parent) else Path(".")
            fd, name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=parent)
        except OSError as err:
            raise OutputError(f"cannot write {target}: {err.strerror or err}") from err
        self.fd = fd
        self.tmp = Path(name)

    def write(self, data: bytes) -> None:
        assert self.fd is not None
        try:
            if self.tmp is not None:  # (a device or a pipe cannot seek)
                os.lseek(self.fd, 0, os.SEEK_SET)
                os.ftruncate(self.fd, 0)
            view = memoryview(data)
            while view:
                view = view[os.write(self.fd, view) :]
            if self.tmp is not None:
                os.fsync(self.fd)
        except OSError as err:
            self.discard()
            raise OutputError(f"cannot write {self.target}: {err.strerror or err}") from err

    def commit(self) -> None:
        assert self.fd is not None
        os.close(self.fd)
        self.fd = None
        if self.tmp is None:
            return
        try:
            os.chmod(self.tmp, 0o644)
            os.replace(self.tmp, self.target)
        except OSError as err:
            self.discard()
            raise OutputError(f"cannot write {self.target}: {err.strerror or err}") from err

    def discard(self) -> None:
        if self.fd is not None:
            os.close(self.fd)
            self.fd = None
        if self.tmp is None:
            return
        try:
            self.tmp.unlink()
        except FileNotFoundError:
            pass


# --- handlers --------------------------------------------------------------------------------


def cmd_print_form(ctx: Context) -> int:
    from motcua_desk import printing

    a = ctx.args
    form = a.form
    dossiers = ctx.services.dossiers
    detail = dossiers.show(a.code)
    printing.check_form(form, detail)  # wrong form for the state: exit 2, nothing logged
    agency = ctx.services.settings.agency()
    kwargs = {}
    if form == "slip":
        kwargs["qr"] = a.qr if a.qr is not None else bool(ctx.services.settings.office().print_qr)
    render = printing.FORMS[form]
    expected = detail.dossier.prints.get(form, 0)  # copies printed before this one
    # Render and write the temporary file before logging, so that a failure here (disk full,
    # unwritable folder) leaves no "printed" event behind.
    out = _Output(a.out)
    try:
        out.write(render(detail, agency, reprint=expected, **kwargs))
        logged = dossiers.record_print(detail.dossier.code, form)
        copy = logged.dossier.prints.get(form, expected + 1)
        if copy - 1 != expected:  # another desk printed meanwhile: say the true count
            out.write(render(logged, agency, reprint=copy - 1, **kwargs))
        out.commit()
    except BaseException:
        out.discard()
        raise
    what = "reprint" if copy > 1 else "print"
    print(
        f"{detail.dossier.code}: {printing.FORM_TITLES[form]} written to {a.out} ({what}, "
        f"copy {copy})"
    )
    return 0


def _write(target: Path, render) -> None:
    out = _Output(target)
    try:
        out.write(render())
        out.commit()
    except BaseException:
        out.discard()
        raise


def cmd_print_ledger(ctx: Context) -> int:
    from motcua_desk import printing

    a = ctx.args
    date_from, date_to = parse_day(a.date_from, "from"), parse_day(a.date_to, "to")
    rows = ctx.services.dossiers.ledger(date_from, date_to)
    agency = ctx.services.settings.agency()
    signed = ctx.services.dossiers.office_today()  # the office's day, whatever the PC's zone
    _write(a.out, lambda: printing.ledger_pdf(rows, agency, date_from, date_to, printed_on=signed))
    print(
        f"ledger {date_from:%d/%m/%Y}–{date_to:%d/%m/%Y}: {len(rows)} dossiers written to {a.out}"
    )
    return 0


def cmd_print_handoffs(ctx: Context) -> int:
    from motcua_desk import printing

    a = ctx.args
    day = parse_day(a.date, "date")
    entries = ctx.services.dossiers.handoffs_on(day, a.dept)
    agency = ctx.services.settings.agency()
    dept = ctx.services.catalog.department(a.dept).name if a.dept else ""
    _write(a.out, lambda: printing.handoff_list_pdf(entries, agency, day, dept))
    print(
        f"handoff list {day:%d/%m/%Y}{' – ' + dept if dept else ''}: {len(entries)} "
        f"movements written to {a.out}",
        file=sys.stdout,
    )
    return 0


def cmd_print_cash_sheet(ctx: Context) -> int:
    from motcua_desk import printing
    from motcua_desk.domain.errors import ValidationError

    a = ctx.args
    kind = a.out.suffix.lower()
    if kind not in (".pdf", ".xlsx"):
        raise ValidationError(
            "out",
            f"the cash sheet is written as .pdf or .xlsx, not "
            f"{kind or 'a file without extension'!r}",
            code="out_kind",
        )
    svc = ctx.services
    day = parse_day(a.date, "date") if a.date else svc.dossiers.cal.to_local(svc.clock()).date()
    sheet = svc.dossiers.cash_sheet(day, a.officer)
    agency = svc.settings.agency()
    render = printing.cash_sheet_pdf if kind == ".pdf" else printing.cash_sheet_xlsx
    _write(a.out, lambda: render(sheet, agency))
    print(
        f"cash sheet {day:%d/%m/%Y}{' – ' + sheet.officer if sheet.officer else ''}: "
        f"{len(sheet.rows)} payments, {sheet.total:,} đ, written to {a.out} (not a receipt)"
    )
    return 0


def cmd_print_notice_board(ctx: Context) -> int:
    from motcua_desk import printing
    from motcua_desk.domain.errors import ValidationError
    from motcua_desk.domain.text import fold

    a = ctx.args
    procedures = ctx.services.catalog.list()
    if a.field:
        wanted = fold(a.field).strip()
        chosen = [p for p in procedures if fold(p.field).strip() == wanted]
        if not chosen:
            fields = sorted({p.field for p in procedures if p.field})
            raise ValidationError(
                "field",
                f"no procedure of the field {a.field!r} in the "
                f"catalog (fields: {', '.join(fields)})",
                code="unknown_field",
            )
        procedures = chosen
    agency = ctx.services.settings.agency()
    hotline = a.hotline if a.hotline is not None else agency.officer_phone
    day = ctx.services.dossiers.cal.to_local(ctx.services.clock()).date()
    _write(a.out, lambda: printing.notice_board_pdf(procedures, agency, day, hotline))
    fields = len({p.field for p in procedures})
    print(f"notice board: {len(procedures)} procedures in {fields} field(s) written to {a.out}")
    return 0
