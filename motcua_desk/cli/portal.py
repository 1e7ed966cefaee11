"""`export portal` and `import portal`: the exchange with the provincial system and the
national portal, as files (services.portal). The export is written atomically (a temporary
file beside the target, then a rename) or to standard output; the import reads one file,
checks all of it, and writes all or nothing."""

from __future__ import annotations

import sys
import time
from pathlib import Path

from motcua_desk.cli.common import Context, emit_json, parse_day
from motcua_desk.domain.errors import ValidationError

# A year of a busy office is ~100,000 dossiers, ~100 MB in this shape; a file far beyond it
# is not an export.
MAX_FILE_BYTES = 2 * 1024**3


def _period_and_out(q) -> None:
    """The export's period and output file, the same for the desk's and the hub's command."""
    q.add_argument("--from", dest="date_from", required=True, metavar="YYYY-MM-DD")
    q.add_argument("--to", dest="date_to", required=True, metavar="YYYY-MM-DD")
    q.add_argument("--out", type=Path, metavar="FILE.json", help="default: standard output")


def register(sub) -> None:
    p = sub.add_parser("export", help="write dossiers for another system (export portal)")
    esub = p.add_subparsers(dest="what", metavar="WHAT", required=True)
    q = esub.add_parser(
        "portal",
        help="the dossiers received in a period, in the shape of the provincial system and the "
        "national portal (DongBoHoSoMC), with their progress lines",
    )
    _period_and_out(q)
    q.add_argument(
        "--all-desks", action="store_true", help="every desk's dossiers this database holds"
    )
    q.add_argument(
        "--mapping-version", type=int, metavar="N", help="default: the one in force on --to"
    )
    q.set_defaults(func=cmd_export_portal, reads_only=True)

    p = sub.add_parser("import", help="take in dossiers from another system (import portal)")
    isub = p.add_subparsers(dest="what", metavar="WHAT", required=True)
    q = isub.add_parser(
        "portal",
        help="receive the online dossiers of a portal file (matched by MaHoSo: importing the "
        "same file twice changes nothing)",
    )
    q.add_argument("file", type=Path, metavar="FILE.json")
    q.add_argument("--json", action="store_true")
    q.set_defaults(func=cmd_import_portal)


def _progress():
    started = time.perf_counter()
    last = [0.0]

    def report(done: int, total: int) -> None:
        now = time.perf_counter()
        if done < total and now - last[0] < 1.0:
            return
        last[0] = now
        share = f" ({100 * done // total}%)" if total else ""
        print(
            f"export: {done:,} of {total:,} dossiers{share}, {now - started:.0f} s",
            file=sys.stderr,
            flush=True,
        )

    return report


def cmd_export_portal(ctx: Context) -> int:
    import orjson

    from motcua_desk.cli.printing import _write
    from motcua_desk.services.portal import PortalService

    a = ctx.args
    date_from, date_to = parse_day(a.date_from, "from"), parse_day(a.date_to, "to")
    if a.mapping_version is not None and a.mapping_version < 1:
        raise ValidationError(
            "mapping_version", "--mapping-version must be 1 or more", code="mapping_version"
        )
    doc = PortalService.from_services(ctx.services).export(
        date_from,
        date_to,
        all_desks=a.all_desks,
        version=a.mapping_version,
        progress=_progress() if a.out else None,
    )
    data = orjson.dumps(doc, option=orjson.OPT_INDENT_2) + b"\n"
    if a.out is None:
        sys.stdout.buffer.write(data)
        sys.stdout.flush()
        return 0
    _write(a.out, lambda: data)
    print(
        f"portal export {date_from:%d/%m/%Y}–{date_to:%d/%m/%Y}: {doc['SoHoSo']} dossiers "
        f"(mapping version {doc['PhienBanAnhXa']}) written to {a.out}"
    )
    return 0


def read_document(path: Path):
    """The JSON of a portal file, or ValidationError saying why it is not one."""
    import orjson

    try:
        size = path.stat().st_size
        if path.is_dir():
            raise ValidationError("file", f"{path} is a folder, not a file", code="no_file")
        if size > MAX_FILE_BYTES:
            raise ValidationError(
                "file", f"{path} is {size:,} bytes: too large for a portal file", code="file_size"
            )
        data = path.read_bytes()
    except FileNotFoundError:
        raise ValidationError("file", f"there is no file {path}", code="no_file") from None
    except OSError as err:
        raise ValidationError(
            "file", f"cannot read {path}: {err.strerror or err}", code="no_file"
        ) from None
    try:
        return orjson.loads(data)
    except orjson.JSONDecodeError as err:
        raise ValidationError(
            "file", f"{path} is not JSON (UTF-8): {err}", code="portal_json"
        ) from None


def cmd_import_portal(ctx: Context) -> int:
    from motcua_desk.services.portal import PortalService

    doc = read_document(ctx.args.file)
    report = PortalService.from_services(ctx.services).import_document(doc)
    if ctx.args.json:
        emit_json(
            {
                "mapping_version": report.mapping_version,
                "created": report.created,
                "unchanged": report.unchanged,
                "skipped": [{"code": c, "reason": why} for c, why in report.skipped],
            }
        )
        return 0
    print(
        f"{ctx.args.file}: {len(report.created)} online dossiers received, "
        f"{len(report.unchanged)} already here (unchanged), "
        f"{len(report.skipped)} not online (skipped)"
    )
    for code in report.created:
        print(f"  + {code}")
    return 0


def register_hub(hsub, with_store) -> None:
    """`hub export-portal`, added by the hub command group (cli/sync.py)."""
    q = with_store(
        hsub.add_parser(
            "export-portal",
            help="the portal export over every desk's dossiers the hub holds (as the hub's "
            "GET /v1/export/portal serves it)",
        )
    )
    _period_and_out(q)
    q.add_argument("--agency-id", default="", help="default: from the dossiers' codes")
    q.add_argument("--mapping-version", type=int, metavar="N")
    q.add_argument("--base-url", default="", help="the hub's address, for the files' links")
    q.set_defaults(func=cmd_hub_export_portal)


def cmd_hub_export_portal(ctx: Context) -> int:
    import orjson

    from motcua_desk.cli.hub_commands import _open_hub
    from motcua_desk.cli.printing import _write
    from motcua_desk.sync.hub_export import hub_portal_export

    a = ctx.args
    date_from, date_to = parse_day(a.date_from, "from"), parse_day(a.date_to, "to")
    store = _open_hub(ctx)
    try:
        doc = hub_portal_export(
            store,
            date_from,
            date_to,
            agency_id=a.agency_id,
            version=a.mapping_version,
            base_url=a.base_url,
            progress=_progress() if a.out else None,
        )
    finally:
        store.close()
    data = orjson.dumps(doc, option=orjson.OPT_INDENT_2) + b"\n"
    if a.out is None:
        sys.stdout.buffer.write(data)
        sys.stdout.flush()
        return 0
    _write(a.out, lambda: data)
    print(f"hub portal export: {doc['SoHoSo']} dossiers written to {a.out}")
    return 0
