"""Core commands: init, catalog, intake, find, show, the lifecycle actions, due, calendar."""

from __future__ import annotations

import argparse
import sys

from motcua_desk.cli.common import (
    Context,
    detail_json,
    dossier_json,
    emit_json,
    fmt,
    iso_minute,
    parse_day,
    parse_moment,
    parse_year,
    print_dossier,
)
from motcua_desk.domain import cccd
from motcua_desk.domain.errors import ValidationError
from motcua_desk.services import IntakeRequest


def no_command(parser: argparse.ArgumentParser, args: argparse.Namespace) -> int:
    """No sub-command: open the window when the ui layer is installed, else print help."""
    try:
        from motcua_desk.app import run_window
    except ImportError:
        parser.print_help()
        print("\n(the counter window is not part of this build yet: use the commands above)")
        return 0
    return run_window(args.db)


def self_test() -> int:
    """Exercise the installation end to end on a throw-away database: resources present,
    migrations run, the catalog seeds, an intake commits, forms render (when built in).
    Used by CI on the frozen one-folder build."""
    import tempfile
    from pathlib import Path

    from motcua_desk import paths
    from motcua_desk.app import open_services

    checks: list[tuple[str, bool, str]] = []

    def check(name: str, fn) -> None:
        try:
            detail = fn()
            checks.append((name, True, str(detail or "")))
        except Exception as err:  # report every failure, then exit 1
            checks.append((name, False, f"{type(err).__name__}: {err}"))

    check("fonts", lambda: sorted(p.name for p in paths.fonts_dir().glob("*.ttf")) or _fail(
        "no fonts in " + str(paths.fonts_dir())))
    check("catalog", lambda: (paths.catalog_dir() / "procedures.json").stat().st_size)
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "self-test.sqlite3"

        def desk():
            svc = open_services(db)
            try:
                from motcua_desk.services.settings import DEMO_AGENCY as a

                svc.settings.init_desk(agency_id=a.agency_id, agency_name=a.agency_name,
                                       parent_name=a.parent_name, place=a.place,
                                       officer=a.officer, demo=True)
                d = svc.dossiers.intake(IntakeRequest("1.001193", "Nguyễn Văn Thử"))
                found = svc.dossiers.find_by_code(d.dossier.code)
                try:
                    from motcua_desk import printing
                except ImportError:
                    return f"{d.dossier.code} (printing not built in)"
                pdf = printing.slip_pdf(found, svc.settings.agency())
                return f"{d.dossier.code}, slip {len(pdf)} bytes"
            finally:
                svc.close()

        check("database, intake and slip", desk)

        def hub():
            from motcua_desk.sync.hubstore import HubStore

            store = HubStore(f"sqlite:///{Path(tmp) / 'hub.sqlite3'}")
            try:
                return f"desk token issued ({len(store.add_desk('Quầy thử', 1)[1])} chars)"
            finally:
                store.close()

        check("hub store and its migrations", hub)
    check("translations", lambda: sorted(p.name for p in paths.translations_dir().glob("*.qm"))
          or _fail("no compiled translation in " + str(paths.translations_dir())))

    def qt():
        from PySide6 import QtPdf, QtPrintSupport, QtWidgets  # noqa: F401

        return QtWidgets.__name__.split(".")[0] + " with QtPdf and printing"

    check("Qt", qt)
    for name, ok, detail in checks:
        print(f"{'ok  ' if ok else 'FAIL'} {name}: {detail}")
    return 0 if all(ok for _, ok, _ in checks) else 1


def _fail(message: str):
    raise RuntimeError(message)


def register(sub) -> None:
    p = sub.add_parser("init", help="set up this desk (agency, desk number, officer)")
    p.add_argument("--agency-id", required=True, help="electronic id, e.g. 000.17.22.H56")
    p.add_argument("--agency-name", required=True)
    p.add_argument("--parent-name", required=True, help='e.g. "UBND XÃ VI HƯƠNG"')
    p.add_argument("--place", required=True, help='for "{place}, ngày … tháng … năm …"')
    p.add_argument("--desk", type=int, default=1, help="desk number (1–9), partitions codes")
    p.add_argument("--officer", default="")
    p.add_argument("--officer-phone", default="")
    p.set_defaults(func=cmd_init, creates_db=True)

    p = sub.add_parser("catalog", help="the procedure catalog")
    csub = p.add_subparsers(dest="catalog_command", metavar="ACTION", required=True)
    q = csub.add_parser("list", help="list the procedures")
    q.add_argument("--json", action="store_true")
    q.set_defaults(func=cmd_catalog_list, reads_only=True)
    q = csub.add_parser("import", help="import procedures from a JSON or CSV file")
    q.add_argument("file")
    q.set_defaults(func=cmd_catalog_import)

    p = sub.add_parser("intake", help="receive a dossier and issue its code")
    p.add_argument("--procedure", required=True, metavar="CODE")
    p.add_argument("--applicant", default=None, metavar="NAME",
                   help="required unless --cccd-qr gives the name")
    p.add_argument("--id-number", default=None, help="citizen ID (CCCD), 12 digits")
    p.add_argument("--cccd-qr", default=None, metavar="PAYLOAD",
                   help="the text of the QR on the citizen ID card: fills the name, CCCD, date "
                   "of birth, sex and address (the other options win over it)")
    p.add_argument("--birth-date", default=None, metavar="DD/MM/YYYY")
    p.add_argument("--sex", default=None, help="Nam or Nữ (male or female)")
    p.add_argument("--phone", default="")
    p.add_argument("--address", default=None)
    p.add_argument("--email", default="")
    p.add_argument("--sets", type=int, default=1)
    p.add_argument("--received-at", metavar="ISO", help="default: now")
    p.add_argument("--delivery", choices=["counter", "post"], default="counter",
                   help="where the result is collected")
    outcome = p.add_mutually_exclusive_group()
    outcome.add_argument("--supplement", metavar="REASON", default=None,
                         help="received incomplete: ask to supplement (Mẫu 02), same transaction")
    outcome.add_argument("--refuse", metavar="REASON", default=None,
                         help="received and refused (Mẫu 03), same transaction")
    p.add_argument("--item", action="append", default=[], metavar="DOC[:FORM][:COUNT]",
                   help="with --supplement: a document to bring (repeat)")
    p.add_argument("--ticket", default="", metavar="T",
                   help="the queue ticket the citizen holds (letters and digits, e.g. A023)")
    _fee_options(p, "--fee-paid")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_intake)

    p = sub.add_parser("find", help="search by code, name (diacritics optional), CCCD or phone")
    p.add_argument("text")
    p.add_argument("--limit", type=int, default=50)
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_find, reads_only=True)

    p = sub.add_parser("show", help="a dossier and all its events")
    p.add_argument("code")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_show, reads_only=True)

    def action(name: str, help_: str, func, *, many: bool = False, reason: bool = False,
               at: bool = True):
        q = sub.add_parser(name, help=help_)
        q.add_argument("codes" if many else "code", nargs="+" if many else None, metavar="CODE")
        if reason:
            q.add_argument("--reason", required=True)
        if at:
            q.add_argument("--at", metavar="ISO", help="when it happened (default: now)")
        q.add_argument("--json", action="store_true")
        q.set_defaults(func=func)
        return q

    q = action("handoff", "hand dossiers to a department", cmd_handoff, many=True)
    q.add_argument("--to", required=True, metavar="DEPT")
    q.add_argument("--receiver", required=True, help="who took the papers")
    q.add_argument("--giver", default="", help="who handed them over (default: this desk's "
                   "officer; required when a department hands to another)")
    q.add_argument("--redirect", action="store_true",
                   help="confirm a handoff to another department than the procedure's")
    q = action("receive-result", "take results back from the department", cmd_receive_result,
               many=True)
    q.add_argument("--giver", default="", help="who brought the result")
    q.add_argument("--from", dest="department", default="", metavar="DEPT",
                   help="the department that brings them (a dossier it does not hold is "
                   "refused)")
    q = action("supplement", "ask the applicant to complete the dossier (Mẫu 02)",
               cmd_supplement, reason=True)
    q.add_argument("--item", action="append", default=[], metavar="DOC[:FORM][:COUNT]",
                   help="a document to bring (repeat); FORM original, certified_copy, copy or "
                   "presented (default original), COUNT 1-99 (default 1), e.g. "
                   "'Tờ khai:certified_copy:2'")
    action("resubmit", "the completed dossier is back (the clock restarts)", cmd_resubmit)
    action("refuse", "refuse the dossier (Mẫu 03 at intake, or after appraisal)", cmd_refuse,
           reason=True)
    q = action("extend", "apology and new return date (Mẫu 04), once", cmd_extend, reason=True)
    q.add_argument("--new-due", required=True, metavar="ISO")
    q = action("return", "return the result to the applicant", cmd_return)
    q.add_argument("--to-name", required=True, metavar="NAME", help="who collected it")
    q.add_argument("--method", choices=["counter", "post", "online"], default="counter")
    q.add_argument("--id-number", default="", help="CCCD of who collected it")
    _rating_options(q)
    q = action("rate", "the citizen's satisfaction with a returned dossier (once)", cmd_rate,
               at=False)
    _rating_options(q, required=True)
    q = action("fee", "record a fee paid after intake, or the e-receipt's reference", cmd_fee,
               at=False)
    _fee_options(q, "--amount")
    q.add_argument("--note", default="")
    action("stop", "stop at the applicant's request (Mẫu 05)", cmd_stop, reason=True)
    q = action("note", "add a note to a dossier", cmd_note, at=False)
    q.add_argument("--text", required=True)
    action("void", "void a dossier entered by mistake", cmd_void, reason=True, at=False)

    p = sub.add_parser("due", help="the deadline calculator alone")
    p.add_argument("--procedure", required=True, metavar="CODE")
    p.add_argument("--received-at", required=True, metavar="ISO")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_due, reads_only=True)

    p = sub.add_parser("calendar", help="working-day calendar and local overrides")
    csub = p.add_subparsers(dest="calendar_command", metavar="ACTION", required=True)
    q = csub.add_parser("show", help="holidays, make-up days and overrides of a year")
    q.add_argument("year", type=int)
    q.add_argument("--json", action="store_true")
    q.set_defaults(func=cmd_calendar_show, reads_only=True)
    q = csub.add_parser("add", help="add a day off or an extra working day")
    q.add_argument("date")
    q.add_argument("kind", choices=["off", "work"])
    q.add_argument("--reason", required=True)
    q.add_argument("--legal-ref", default="")
    q.set_defaults(func=cmd_calendar_add)
    q = csub.add_parser("remove", help="remove a local override")
    q.add_argument("date")
    q.set_defaults(func=cmd_calendar_remove)

    p = sub.add_parser("backup", help="a consistent copy of the database, safe while in use")
    p.add_argument("--out", metavar="FILE", help="default: backups/ beside the database")
    p.set_defaults(func=cmd_backup)

    p = sub.add_parser("restore", help="put a backup in place of this desk's database")
    p.add_argument("file", nargs="?", metavar="FILE", help="a backup made by 'backup'")
    p.add_argument("--other-desk", action="store_true",
                   help="the backup is of another desk installation: replace this one by it")
    p.add_argument("--confirm-offline", action="store_true",
                   help="after a restore, with no hub to reach: record again (codes issued "
                        "after the backup and not in the replaced database could repeat)")
    p.set_defaults(func=cmd_restore)

    p = sub.add_parser("conflicts", help="the sync exceptions list")
    p.add_argument("--all", action="store_true", help="include acknowledged ones")
    p.add_argument("--ack", metavar="EVENT_ID", action="append", default=[],
                   help="mark a sync exception as seen (repeat for several)")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_conflicts)


# --- handlers ---------------------------------------------------------------------------------

def cmd_init(ctx: Context) -> int:
    from motcua_desk.services.settings import check_desk_identity

    a = ctx.args
    # checked before the database is opened: a refused init creates no file
    check_desk_identity(agency_id=a.agency_id, agency_name=a.agency_name,
                        parent_name=a.parent_name, place=a.place, desk_no=a.desk,
                        officer=a.officer, officer_phone=a.officer_phone)
    info = ctx.services.settings.init_desk(
        agency_id=a.agency_id, agency_name=a.agency_name, parent_name=a.parent_name,
        place=a.place, desk_no=a.desk, officer=a.officer, officer_phone=a.officer_phone)
    n = len(ctx.services.catalog.list())
    print(f"desk {info.desk_no} of {info.agency_id} ({info.agency_name}) is ready; "
          f"{n} procedures in the catalog; database {ctx.db_path}")
    return 0


def cmd_catalog_list(ctx: Context) -> int:
    procs = ctx.services.catalog.list()
    if ctx.args.json:
        emit_json({"procedures": [{
            "code": p.code, "name": p.name, "field": p.field, "time_amount": p.time_amount,
            "time_unit": p.time_unit, "time_label": p.time_label, "fee_text": p.fee_text,
            "department": p.department, "version": p.version,
            "documents": [{"name": d.name, "form": d.form, "count": d.count}
                          for d in p.documents]} for p in procs]})
    else:
        for p in procs:
            print(f"{p.code}  {p.time_label:<18} {p.name}")
    return 0


def cmd_catalog_import(ctx: Context) -> int:
    r = ctx.services.catalog.import_file(ctx.args.file)
    print(f"imported: {r.added} new, {r.updated} updated (new version), {r.unchanged} unchanged")
    return 0


def _fee_options(q, amount_flag: str) -> None:
    q.add_argument(amount_flag, dest="fee_paid", default=None, metavar="AMOUNT",
                   help="the fee collected, in đồng (a whole number ≥ 0, e.g. 20000 or 20.000)")
    q.add_argument("--fee-method", default="", metavar="M",
                   help="cash, transfer, card or exempt (tiền mặt, chuyển khoản, thẻ, miễn); "
                   "default cash")
    q.add_argument("--receipt-ref", default="", metavar="R",
                   help="the reference of the e-receipt the province's system issued")


def _rating_options(q, required: bool = False) -> None:
    q.add_argument("--rating", type=int, default=None, required=required, metavar="N",
                   help="1 Rất hài lòng, 2 Hài lòng, 3 Không hài lòng (needs --rating-reason)")
    q.add_argument("--rating-reason", default="", metavar="TEXT")


def cmd_intake(ctx: Context) -> int:
    a = ctx.args
    card = None
    if a.cccd_qr is not None:
        card = cccd.parse(a.cccd_qr)  # ValidationError: one line, exit 2
    elif a.applicant is None:
        raise ValidationError("applicant_name", "--applicant NAME is required (or --cccd-qr)",
                              code="name_empty")

    def pick(explicit, from_card):
        return explicit if explicit is not None else from_card
    detail = ctx.services.dossiers.intake(IntakeRequest(
        procedure_code=a.procedure, applicant_name=pick(a.applicant, card and card.name),
        id_number=pick(a.id_number, card.id_number if card else ""),
        birth_date=pick(a.birth_date, card.birth_date if card else None),
        sex=pick(a.sex, card.sex if card else ""),
        phone=a.phone, address=pick(a.address, card.address if card else ""), email=a.email,
        sets=a.sets,
        received_at=parse_moment(a.received_at, "received_at") if a.received_at else None,
        result_delivery=a.delivery, ticket=a.ticket, fee_paid=a.fee_paid,
        fee_method=a.fee_method, receipt_ref=a.receipt_ref),
        outcome="supplement" if a.supplement is not None else
        "refused" if a.refuse is not None else "received",
        reason=a.supplement if a.supplement is not None else a.refuse or "",
        items=[parse_item(i) for i in a.item])
    _out(ctx, detail)
    return 0


def cmd_find(ctx: Context) -> int:
    rows = ctx.services.dossiers.search(ctx.args.text, limit=ctx.args.limit)
    if ctx.args.json:
        emit_json({"query": ctx.args.text, "count": len(rows),
                   "results": [dossier_json(r) for r in rows]})
    else:
        for r in rows:
            print(f"{r.code}  {r.status_label:<22} {fmt(r.received_at)}  {r.applicant_name}  "
                  f"{r.procedure_name}")
        print(f"{len(rows)} found", file=sys.stderr)
    return 0


def cmd_show(ctx: Context) -> int:
    detail = ctx.services.dossiers.show(ctx.args.code)
    if ctx.args.json:
        emit_json(detail_json(detail, with_events=True))
    else:
        print_dossier(detail)
        for e in detail.events:
            print(f"  {fmt(e.occurred_at)}  {e.officer:<20} {e.summary}")
        for c in detail.conflicts:
            print(f"  sync exception: {c.description}")
    return 0


def _out(ctx: Context, detail) -> None:
    if ctx.args.json:
        emit_json(detail_json(detail))
    else:
        print_dossier(detail)


def _outs(ctx: Context, details) -> None:
    if ctx.args.json:
        emit_json({"dossiers": [detail_json(d) for d in details]})
    else:
        for d in details:
            print_dossier(d)


def _at(ctx: Context):
    at = getattr(ctx.args, "at", None)
    return parse_moment(at, "at") if at else None


def cmd_handoff(ctx: Context) -> int:
    _outs(ctx, ctx.services.dossiers.handoff(ctx.args.codes, ctx.args.to, at=_at(ctx),
                                             receiver=ctx.args.receiver, giver=ctx.args.giver,
                                             redirect=ctx.args.redirect))
    return 0


def cmd_receive_result(ctx: Context) -> int:
    _outs(ctx, ctx.services.dossiers.receive_result(ctx.args.codes, at=_at(ctx),
                                                    giver=ctx.args.giver,
                                                    department=ctx.args.department))
    return 0


_FORM_WORDS = {"original": "original", "ban chinh": "original",
               "certified_copy": "certified_copy", "certified": "certified_copy",
               "ban sao chung thuc": "certified_copy", "copy": "copy", "ban sao": "copy",
               "presented": "presented", "xuat trinh": "presented"}


def parse_item(text: str):
    """'DOC[:FORM][:COUNT]' → a DocumentLine; a trailing part that is neither a form nor a
    number stays in the name (names may hold colons)."""
    from motcua_desk.domain.catalog import DOCUMENT_FORM_LABELS_VI
    from motcua_desk.domain.dto import DocumentLine
    from motcua_desk.domain.errors import ValidationError
    from motcua_desk.domain.text import fold

    name, form, count = text, "original", 1
    parts = text.split(":")
    if len(parts) > 1 and parts[-1].strip().isdigit():
        count = int(parts[-1].strip())
        parts = parts[:-1]
        if not 1 <= count <= 99:
            raise ValidationError("item", f"count {count} of {parts[0]!r} must be 1 to 99",
                                  code="count_range")
    if len(parts) > 1 and fold(parts[-1].strip()).replace("-", "_") in _FORM_WORDS:
        form = _FORM_WORDS[fold(parts[-1].strip()).replace("-", "_")]
        parts = parts[:-1]
    elif len(parts) > 1 and len(text.split(":")) > len(parts):  # DOC:BAD:2
        raise ValidationError("item", f"unknown document form {parts[-1]!r} (original, "
                              "certified_copy, copy, presented)", code="document_form")
    name = ":".join(parts).strip()
    return DocumentLine(name, form, DOCUMENT_FORM_LABELS_VI[form], count)


def cmd_supplement(ctx: Context) -> int:
    items = [parse_item(i) for i in ctx.args.item]
    _out(ctx, ctx.services.dossiers.request_supplement(ctx.args.code, ctx.args.reason, items,
                                                       at=_at(ctx)))
    return 0


def cmd_resubmit(ctx: Context) -> int:
    _out(ctx, ctx.services.dossiers.resubmit(ctx.args.code, at=_at(ctx)))
    return 0


def cmd_refuse(ctx: Context) -> int:
    _out(ctx, ctx.services.dossiers.refuse(ctx.args.code, ctx.args.reason, at=_at(ctx)))
    return 0


def cmd_extend(ctx: Context) -> int:
    text = ctx.args.new_due
    if len(text.strip()) <= 10:  # a date alone: the close of that day
        day = parse_day(text, "new_due")
        closing = ctx.services.calendar.calendar().hours.closing
        from datetime import datetime

        new_due = datetime.combine(day, closing)
    else:
        new_due = parse_moment(text, "new_due")
    _out(ctx, ctx.services.dossiers.extend(ctx.args.code, new_due, ctx.args.reason, at=_at(ctx)))
    return 0


def cmd_return(ctx: Context) -> int:
    _out(ctx, ctx.services.dossiers.return_result(
        ctx.args.code, ctx.args.to_name, ctx.args.method, at=_at(ctx),
        id_number=ctx.args.id_number, rating=ctx.args.rating,
        rating_reason=ctx.args.rating_reason))
    return 0


def cmd_rate(ctx: Context) -> int:
    _out(ctx, ctx.services.dossiers.rate(ctx.args.code, ctx.args.rating,
                                         ctx.args.rating_reason))
    return 0


def cmd_fee(ctx: Context) -> int:
    a = ctx.args
    _out(ctx, ctx.services.dossiers.record_fee(a.code, a.fee_paid, a.fee_method, a.receipt_ref,
                                               a.note))
    return 0


def cmd_stop(ctx: Context) -> int:
    _out(ctx, ctx.services.dossiers.stop(ctx.args.code, ctx.args.reason, at=_at(ctx)))
    return 0


def cmd_note(ctx: Context) -> int:
    _out(ctx, ctx.services.dossiers.note(ctx.args.code, ctx.args.text))
    return 0


def cmd_void(ctx: Context) -> int:
    _out(ctx, ctx.services.dossiers.void(ctx.args.code, ctx.args.reason))
    return 0


def cmd_due(ctx: Context) -> int:
    due = ctx.services.dossiers.preview_due(
        ctx.args.procedure, parse_moment(ctx.args.received_at, "received_at"))
    if ctx.args.json:
        emit_json({"procedure_code": ctx.args.procedure, "due_at": iso_minute(due.due_at),
                   "clock_start": iso_minute(due.clock_start), "explanation": due.explanation})
    else:
        print(f"due {fmt(due.due_at)} (clock from {fmt(due.clock_start)})")
        if due.explanation:
            print(due.explanation)
    return 0


def cmd_calendar_show(ctx: Context) -> int:
    days = ctx.services.calendar.special_days(parse_year(ctx.args.year))
    if ctx.args.json:
        emit_json({"year": ctx.args.year, "days": [
            {"date": d.day.isoformat(), "working": d.working, "kind": d.kind, "name": d.name}
            for d in days]})
    else:
        for d in days:
            print(f"{d.day:%a %d/%m/%Y}  {'work' if d.working else 'off ':<4}  {d.kind:<14} "
                  f"{d.name}")
    warning = ctx.services.calendar.warning()
    if warning:
        print(f"warning: {warning}", file=sys.stderr)
    return 0


def cmd_calendar_add(ctx: Context) -> int:
    day = parse_day(ctx.args.date)
    ctx.services.calendar.add_override(day, ctx.args.kind, ctx.args.reason, ctx.args.legal_ref)
    print(f"{day:%d/%m/%Y} is now {'a day off' if ctx.args.kind == 'off' else 'a working day'}")
    return 0


def cmd_calendar_remove(ctx: Context) -> int:
    day = parse_day(ctx.args.date)
    if not ctx.services.calendar.remove_override(day):
        from motcua_desk.domain.errors import NotFound

        raise NotFound(f"there is no local override on {day:%d/%m/%Y}")
    print(f"removed the override on {day:%d/%m/%Y}")
    return 0


def cmd_conflicts(ctx: Context) -> int:
    repl = ctx.services.replication
    held = {q.event_id for q in repl.quarantined(include_acknowledged=True)}
    for event_id in ctx.args.ack:
        if event_id in held:
            repl.acknowledge_quarantined(event_id)
        else:
            ctx.services.dossiers.acknowledge_conflict(event_id)
        print(f"acknowledged {event_id}", file=sys.stderr)
    items = ctx.services.dossiers.conflicts(include_acknowledged=ctx.args.all)
    # Pulled events this desk keeps aside (quarantined) are sync exceptions too.
    items += repl.quarantined(include_acknowledged=ctx.args.all)
    if ctx.args.json:
        emit_json({"conflicts": [{"event_id": c.event_id, "code": c.dossier_code,
                                  "event_type": c.event_type, "reason": c.reason,
                                  "occurred_at": iso_minute(c.occurred_at)
                                  if c.occurred_at else None,
                                  "quarantined": getattr(c, "quarantine", False),
                                  "description": c.description} for c in items]})
    else:
        for c in items:
            print(f"{c.dossier_code or '-'}  {fmt(c.occurred_at) if c.occurred_at else '-'}  "
                  f"[{c.event_id}]  {c.description}")
        print(f"{len(items)} sync exception(s)", file=sys.stderr)
    return 0


def cmd_restore(ctx: Context) -> int:
    from pathlib import Path

    from motcua_desk.domain.errors import ValidationError
    from motcua_desk.services.maintenance import restore_file

    a = ctx.args
    if a.confirm_offline:
        if a.file:
            raise ValidationError("file", "give either FILE or --confirm-offline, not both",
                                  code="usage")
        if not ctx.services.maintenance.confirm_offline_restore():
            print("nothing to confirm: this database is not waiting after a restore")
            return 0
        print("confirmed: this desk records again without having synced since the restore. "
              "Sync as soon as the hub can be reached.")
        return 0
    if not a.file:
        raise ValidationError("file", "give the backup FILE to restore (or --confirm-offline)",
                              code="usage")
    r = restore_file(Path(a.file), ctx.db_path, other_desk=a.other_desk)
    print(f"restored {ctx.db_path} from {r.restored_from}")
    if r.kept_aside:
        print(f"the replaced database is kept as {r.kept_aside}")
    if r.floors_carried:
        print("dossier codes and ledger numbers continue after the replaced database's")
    lost = (r.replaced_last_seq or 0) - r.last_seq
    if r.replaced_last_seq is None:
        print("the replaced database could not be read: codes issued after the backup are "
              "not known here")
    elif lost > 0 and not r.pending:
        print(f"note: {lost} record(s) this desk made after the backup are only in the kept "
              "database (this desk does not sync, so nothing can bring them back here)")
    elif lost > 0:
        print(f"{lost} record(s) this desk made after the backup come back from the hub at "
              "the next sync")
    if r.pending:
        print("before anything is recorded: sync with the hub (motcua-desk sync) to take back "
              "this desk's dossiers made after the backup; with no hub to reach, "
              "'motcua-desk restore --confirm-offline'")
    return 0


def cmd_backup(ctx: Context) -> int:
    from pathlib import Path

    out = ctx.services.maintenance.backup(Path(ctx.args.out) if ctx.args.out else None)
    print(f"backed up {ctx.db_path} to {out}")
    return 0
