"""Core commands: self-test, init, catalog, due, calendar, backup, restore, the sync exceptions;
the dossier commands (intake, find, show, the lifecycle actions) are in dossier_commands."""

from __future__ import annotations

import argparse
import sys

from motcua_desk.cli import dossier_commands
from motcua_desk.cli.common import (
    Context,
    emit_json,
    fmt,
    iso_minute,
    parse_day,
    parse_moment,
    parse_year,
)
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
        except Exception as err:  # noqa: BLE001 - report every failure, then exit 1
            checks.append((name, False, f"{type(err).__name__}: {err}"))

    check(
        "fonts",
        lambda: (
            sorted(p.name for p in paths.fonts_dir().glob("*.ttf"))
            or _fail("no fonts in " + str(paths.fonts_dir()))
        ),
    )
    check("catalog", lambda: (paths.catalog_dir() / "procedures.json").stat().st_size)
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "self-test.sqlite3"

        def desk():
            svc = open_services(db)
            try:
                from motcua_desk.services.settings import DEMO_AGENCY as DEMO

                svc.settings.init_desk(
                    agency_id=DEMO.agency_id,
                    agency_name=DEMO.agency_name,
                    parent_name=DEMO.parent_name,
                    place=DEMO.place,
                    officer=DEMO.officer,
                    demo=True,
                )
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

    def exchange():
        """The portal mapping and its JSON Schema (jsonschema's own meta-schemas are data
        files a frozen build must carry), and a scan read (pypdf, Pillow)."""
        from PIL import Image

        from motcua_desk.services import portal, scans

        versions = portal.mappings()
        bad = portal.schema_problem({"DinhDang": "?"})
        if not bad:
            _fail("the portal schema accepted a bad file")
        with tempfile.TemporaryDirectory() as tmp:
            png = Path(tmp) / "page.png"
            Image.new("RGB", (827, 1169), "white").save(png, dpi=(100, 100))
            scan = scans.read_scans([png])
            if scan.page_count != 1 or round(scan.lowest_dpi or 0) != 100:
                _fail(f"a one-page scan read as {scan.page_count} pages at {scan.lowest_dpi}")
        return f"mapping versions {[m.version for m in versions]}, schema, scans"

    check("portal exchange and scans", exchange)
    from motcua_desk.services.maintenance import payload_codec_check

    check("payload packing (zstandard)", payload_codec_check)
    check(
        "translations",
        lambda: (
            sorted(p.name for p in paths.translations_dir().glob("*.qm"))
            or _fail("no compiled translation in " + str(paths.translations_dir()))
        ),
    )

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

    dossier_commands.register(sub)

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
    p.add_argument(
        "--other-desk",
        action="store_true",
        help="the backup is of another desk installation: replace this one by it",
    )
    p.add_argument(
        "--confirm-offline",
        action="store_true",
        help="after a restore, with no hub to reach: record again (codes issued "
        "after the backup and not in the replaced database could repeat)",
    )
    p.set_defaults(func=cmd_restore)

    p = sub.add_parser("conflicts", help="the sync exceptions list")
    p.add_argument("--all", action="store_true", help="include acknowledged ones")
    p.add_argument(
        "--ack",
        metavar="EVENT_ID",
        action="append",
        default=[],
        help="mark a sync exception as seen (repeat for several)",
    )
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_conflicts)


# --- handlers ---------------------------------------------------------------------------------


def cmd_init(ctx: Context) -> int:
    from motcua_desk.services.settings import check_desk_identity

    a = ctx.args
    # checked before the database is opened: a refused init creates no file
    check_desk_identity(
        agency_id=a.agency_id,
        agency_name=a.agency_name,
        parent_name=a.parent_name,
        place=a.place,
        desk_no=a.desk,
        officer=a.officer,
        officer_phone=a.officer_phone,
    )
    info = ctx.services.settings.init_desk(
        agency_id=a.agency_id,
        agency_name=a.agency_name,
        parent_name=a.parent_name,
        place=a.place,
        desk_no=a.desk,
        officer=a.officer,
        officer_phone=a.officer_phone,
    )
    n = len(ctx.services.catalog.list())
    print(
        f"desk {info.desk_no} of {info.agency_id} ({info.agency_name}) is ready; "
        f"{n} procedures in the catalog; database {ctx.db_path}"
    )
    return 0


def cmd_catalog_list(ctx: Context) -> int:
    procs = ctx.services.catalog.list()
    if ctx.args.json:
        emit_json(
            {
                "procedures": [
                    {
                        "code": p.code,
                        "name": p.name,
                        "field": p.field,
                        "time_amount": p.time_amount,
                        "time_unit": p.time_unit,
                        "time_label": p.time_label,
                        "fee_text": p.fee_text,
                        "department": p.department,
                        "version": p.version,
                        "documents": [
                            {"name": d.name, "form": d.form, "count": d.count} for d in p.documents
                        ],
                    }
                    for p in procs
                ]
            }
        )
    else:
        for p in procs:
            print(f"{p.code}  {p.time_label:<18} {p.name}")
    return 0


def cmd_catalog_import(ctx: Context) -> int:
    r = ctx.services.catalog.import_file(ctx.args.file)
    print(f"imported: {r.added} new, {r.updated} updated (new version), {r.unchanged} unchanged")
    return 0


def cmd_due(ctx: Context) -> int:
    due = ctx.services.dossiers.preview_due(
        ctx.args.procedure, parse_moment(ctx.args.received_at, "received_at")
    )
    if ctx.args.json:
        emit_json(
            {
                "procedure_code": ctx.args.procedure,
                "due_at": iso_minute(due.due_at),
                "clock_start": iso_minute(due.clock_start),
                "explanation": due.explanation,
            }
        )
    else:
        print(f"due {fmt(due.due_at)} (clock from {fmt(due.clock_start)})")
        if due.explanation:
            print(due.explanation)
    return 0


def cmd_calendar_show(ctx: Context) -> int:
    days = ctx.services.calendar.special_days(parse_year(ctx.args.year))
    if ctx.args.json:
        emit_json(
            {
                "year": ctx.args.year,
                "days": [
                    {
                        "date": d.day.isoformat(),
                        "working": d.working,
                        "kind": d.kind,
                        "name": d.name,
                    }
                    for d in days
                ],
            }
        )
    else:
        for d in days:
            print(
                f"{d.day:%a %d/%m/%Y}  {'work' if d.working else 'off ':<4}  {d.kind:<14} {d.name}"
            )
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
        emit_json(
            {
                "conflicts": [
                    {
                        "event_id": c.event_id,
                        "code": c.dossier_code,
                        "event_type": c.event_type,
                        "reason": c.reason,
                        "occurred_at": iso_minute(c.occurred_at) if c.occurred_at else None,
                        "quarantined": getattr(c, "quarantine", False),
                        "description": c.description,
                    }
                    for c in items
                ]
            }
        )
    else:
        for c in items:
            print(
                f"{c.dossier_code or '-'}  {fmt(c.occurred_at) if c.occurred_at else '-'}  "
                f"[{c.event_id}]  {c.description}"
            )
        print(f"{len(items)} sync exception(s)", file=sys.stderr)
    return 0


def cmd_restore(ctx: Context) -> int:
    from pathlib import Path

    from motcua_desk.services.maintenance import restore_file

    a = ctx.args
    if a.confirm_offline:
        if a.file:
            raise ValidationError(
                "file", "give either FILE or --confirm-offline, not both", code="usage"
            )
        if not ctx.services.maintenance.confirm_offline_restore():
            print("nothing to confirm: this database is not waiting after a restore")
            return 0
        print(
            "confirmed: this desk records again without having synced since the restore. "
            "Sync as soon as the hub can be reached."
        )
        return 0
    if not a.file:
        raise ValidationError(
            "file", "give the backup FILE to restore (or --confirm-offline)", code="usage"
        )
    r = restore_file(Path(a.file), ctx.db_path, other_desk=a.other_desk)
    print(f"restored {ctx.db_path} from {r.restored_from}")
    if r.kept_aside:
        print(f"the replaced database is kept as {r.kept_aside}")
    if r.floors_carried:
        print("dossier codes and ledger numbers continue after the replaced database's")
    lost = (r.replaced_last_seq or 0) - r.last_seq
    if r.replaced_last_seq is None:
        print(
            "the replaced database could not be read: codes issued after the backup are "
            "not known here"
        )
    elif lost > 0 and not r.pending:
        print(
            f"note: {lost} record(s) this desk made after the backup are only in the kept "
            "database (this desk does not sync, so nothing can bring them back here)"
        )
    elif lost > 0:
        print(
            f"{lost} record(s) this desk made after the backup come back from the hub at "
            "the next sync"
        )
    if r.pending:
        print(
            "before anything is recorded: sync with the hub (motcua-desk sync) to take back "
            "this desk's dossiers made after the backup; with no hub to reach, "
            "'motcua-desk restore --confirm-offline'"
        )
    return 0


def cmd_backup(ctx: Context) -> int:
    from pathlib import Path

    out = ctx.services.maintenance.backup(Path(ctx.args.out) if ctx.args.out else None)
    print(f"backed up {ctx.db_path} to {out}")
    return 0
