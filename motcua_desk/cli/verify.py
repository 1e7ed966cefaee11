"""`motcua-desk verify` (the desk's chains and projections) and `motcua-desk hub verify` (the
hub store's chains). Exit 0: intact; 3: something is broken (each break named); 2: bad input
(no such database, not one of ours). Both are read-only. Progress goes to stderr. The desk's
check also hashes every digitised paper's file the events name: one missing or corrupt is a
break too, with what to do about it."""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

from motcua_desk.cli.common import Context, emit_json
from motcua_desk.domain.errors import ValidationError
from motcua_desk.domain.integrity import FILE_KINDS

EXIT_BROKEN = 3

ADVICE = """What to do: do not restore a backup over this database and do not delete it (it is
the evidence). Copy it aside as it is (with its -wal file), tell IT, and compare with the
other replicas: the hub holds every desk's events; a desk that verifies clean and the hub agree
on the truth. See "When verify finds a break" in the README."""

FILES_ADVICE = """What to do about a file: restore the folder of the papers' files from a backup
(the database itself needs no restore for this), or sync: the hub may hold it. Then run verify
again. The folder: {folder}"""


def register(sub) -> None:
    p = sub.add_parser(
        "verify",
        help="check this desk's hash chains, every dossier against "
        "its events and every digitised paper's file (exit 3 when something is broken)",
    )
    p.add_argument("--json", action="store_true")
    p.add_argument(
        "--every",
        type=int,
        default=100_000,
        metavar="N",
        help="report progress on stderr every N events (default 100000)",
    )
    p.add_argument(
        "--jobs",
        type=int,
        default=None,
        metavar="N",
        help="processes that check the dossiers (default: 2, or 1 on a computer "
        "with one core; large databases only)",
    )
    p.set_defaults(func=cmd_verify)


def register_hub(hsub, with_store) -> None:
    """`hub verify`, added by the hub command group (cli/sync.py)."""
    q = with_store(
        hsub.add_parser(
            "verify", help="check every chain the hub store holds (exit 3 when something is broken)"
        )
    )
    q.add_argument("--json", action="store_true")
    q.add_argument(
        "--every",
        type=int,
        default=100_000,
        metavar="N",
        help="report progress on stderr every N events (default 100000)",
    )
    q.set_defaults(func=cmd_hub_verify)


def _progress(label: str):
    started = time.perf_counter()

    def report(done: int, total: int) -> None:
        share = f" ({100 * done // total}%)" if total else ""
        print(
            f"{label}: {done:,} of {total:,} events checked{share}, "
            f"{time.perf_counter() - started:.0f} s",
            file=sys.stderr,
            flush=True,
        )

    return report


def _every(ctx: Context) -> int:
    if ctx.args.every < 1:
        raise ValidationError("every", "--every must be at least 1", code="every_range")
    return ctx.args.every


def _jobs(ctx: Context) -> int:
    jobs = ctx.args.jobs
    if jobs is None:
        return min(2, os.cpu_count() or 1)
    if not 1 <= jobs <= 64:
        raise ValidationError("jobs", "--jobs must be between 1 and 64", code="jobs_range")
    return jobs


def _finish(ctx: Context, report, what: str, files_folder: Path | None = None) -> int:
    if ctx.args.json:
        emit_json(report.to_dict())
    else:
        scope = f"{report.events:,} events in {report.nodes} chain(s)" + (
            f" and {report.dossiers:,} dossiers" if report.dossiers else ""
        )
        if report.files:
            scope += f" and {report.files:,} file(s)"
        if report.ok:
            print(f"{what} intact: {scope} verified in {report.seconds:.1f} s")
        else:
            print(
                f"{what} BROKEN: {report.break_count} break(s) found in {scope} "
                f"({report.seconds:.1f} s)"
            )
            for brk in report.breaks:
                print(f"  {brk.line()}")
            if report.break_count > len(report.breaks):
                print(f"  … and {report.break_count - len(report.breaks)} more")
            if not report.file_breaks_only:
                print(ADVICE, file=sys.stderr)
            if any(b.kind in FILE_KINDS for b in report.breaks):
                print(FILES_ADVICE.format(folder=files_folder), file=sys.stderr)
    return 0 if report.ok else EXIT_BROKEN


def cmd_verify(ctx: Context) -> int:
    from motcua_desk.services.integrity import IntegrityService

    every = _every(ctx)
    jobs = _jobs(ctx)
    if ctx.db_path.is_dir():
        raise ValidationError(
            "db",
            f"{ctx.db_path} is a folder, not a database file: give the "
            "path of the database file itself",
            code="no_database",
        )
    if not ctx.db_path.is_file():
        raise ValidationError(
            "db", f"there is no desk database at {ctx.db_path}", code="no_database"
        )
    service = IntegrityService.from_services(ctx.services)
    report = service.verify(progress=_progress("verify"), every=every, jobs=jobs)
    return _finish(ctx, report, "desk database", service.files_folder())


def cmd_hub_verify(ctx: Context) -> int:
    from sqlalchemy.engine import make_url

    from motcua_desk.cli.sync import default_hub_store
    from motcua_desk.sync.hubstore import HubStore, HubStoreError
    from motcua_desk.sync.hubverify import verify_hub
    from motcua_desk.sync.protocol import hub_store_url

    every = _every(ctx)
    url = hub_store_url(ctx.args.store or default_hub_store())
    u = make_url(url)
    if u.get_backend_name() == "sqlite":
        path = Path(u.database or "")
        if not u.database or not path.is_file() or path.stat().st_size == 0:
            raise ValidationError(
                "store", f"there is no hub store at {u.database or url}", code="no_hub_store"
            )
    store = HubStore(url, migrate_schema=False)
    try:
        try:
            from motcua_desk.sync.hub import default_files_dir

            report = verify_hub(
                store,
                progress=_progress("hub verify"),
                every=every,
                files=getattr(ctx.args, "files", None) or default_files_dir(store),
            )
        except Exception as err:
            from sqlalchemy.exc import DBAPIError

            if isinstance(err, DBAPIError):
                raise HubStoreError(
                    f"cannot read the hub store ({err.orig})", code="hub_store_unreadable"
                ) from err
            raise
    finally:
        store.close()
    return _finish(ctx, report, "hub store")
