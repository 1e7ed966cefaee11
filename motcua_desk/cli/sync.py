"""Sync commands: the office hub (`motcua-desk hub …`) and a desk's sync (`motcua-desk sync`)."""

from __future__ import annotations

import argparse
import gc
import json
import logging
import os
import sys
from pathlib import Path
from typing import Any

from motcua_desk import paths
from motcua_desk.cli.common import Context, emit_json, fmt
from motcua_desk.domain.errors import ValidationError
from motcua_desk.sync import protocol as protocol_defaults

HUB_TOKEN_ENV = "MOTCUA_HUB_TOKEN"


def default_hub_store() -> str:
    return str(paths.hub_store_path())


def _port(text: str) -> int:
    """A TCP port, 0 (any free one) to 65535: argparse says so in one line, exit 2."""
    try:
        port = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a port number") from None
    if not 0 <= port <= 65535:
        raise argparse.ArgumentTypeError(f"{port} is not a port number (0 to 65535)")
    return port


def register(sub) -> None:
    p = sub.add_parser("hub", help="the office hub that desks sync with")
    hsub = p.add_subparsers(dest="hub_command", metavar="ACTION", required=True)

    def with_store(q):
        q.add_argument(
            "--store",
            metavar="URL",
            default=None,
            help="an SQLite file or a postgresql://… URL (default: $MOTCUA_HUB_STORE "
            "or hub.sqlite3 in the user data directory)",
        )
        return q

    q = with_store(hsub.add_parser("serve", help="run the hub (HTTP; HTTPS with a certificate)"))
    q.add_argument(
        "--host",
        default="127.0.0.1",
        help="address to listen on (0.0.0.0 for the whole LAN; default 127.0.0.1)",
    )
    q.add_argument("--port", type=_port, default=8765, help="default 8765; 0 picks a free port")
    q.add_argument("--certfile", help="TLS certificate (PEM); with --keyfile the hub speaks HTTPS")
    q.add_argument("--keyfile", help="TLS private key (PEM)")
    q.add_argument(
        "--max-clock-ahead",
        type=int,
        default=None,
        metavar="MINUTES",
        help="refuse (for now: retryable) events whose clock is more than this many "
        "minutes ahead of the hub's (default "
        f"{protocol_defaults.DEFAULT_MAX_CLOCK_AHEAD_MIN}; 1 to 100000)",
    )
    q.set_defaults(func=cmd_hub_serve)

    q = with_store(hsub.add_parser("add-desk", help="register a desk and print its token"))
    q.add_argument("name", help='e.g. "Quầy 1"')
    q.add_argument(
        "--desk-no",
        type=int,
        default=None,
        help="the desk number set up on that desk (it partitions dossier codes); "
        "default: the lowest number not yet registered",
    )
    q.set_defaults(func=cmd_hub_add_desk)

    q = with_store(hsub.add_parser("list-desks", help="the registered desks"))
    q.add_argument("--json", action="store_true")
    q.set_defaults(func=cmd_hub_list_desks)

    q = with_store(hsub.add_parser("rotate-token", help="give a desk a new token"))
    q.add_argument("name")
    q.add_argument(
        "--unbind",
        action="store_true",
        help="also let the desk sync from a new installation (replaced PC)",
    )
    q.set_defaults(func=cmd_hub_rotate_token)

    for name, active in (("disable-desk", False), ("enable-desk", True)):
        q = with_store(
            hsub.add_parser(name, help=f"{'stop' if not active else 'allow'} a desk's sync")
        )
        q.add_argument("name")
        q.set_defaults(func=cmd_hub_set_active, active=active)

    q = with_store(
        hsub.add_parser(
            "publish",
            help="publish reference data to the desks: a catalog JSON "
            "({procedures: […]}), departments ({departments: […]}) or calendar overrides "
            "({overrides: [{day, kind, reason, legal_ref}]})",
        )
    )
    q.add_argument("file")
    q.add_argument(
        "--kind",
        choices=["catalog", "departments", "calendar"],
        help="default: guessed from the file's top-level key",
    )
    q.set_defaults(func=cmd_hub_publish)

    from motcua_desk.cli.verify import register_hub

    register_hub(hsub, with_store)

    p = sub.add_parser("sync", help="sync this desk with the office hub")
    p.add_argument("--hub", metavar="URL", help="e.g. http://192.168.1.10:8765 (default: saved)")
    p.add_argument("--token", help=f"this desk's token (or ${HUB_TOKEN_ENV}; default: saved)")
    p.add_argument("--once", action="store_true", help="one round, then exit")
    p.add_argument("--interval", type=float, default=30.0, help="seconds between rounds")
    p.add_argument(
        "--save",
        action="store_true",
        help="remember the hub, token and CA file for the window and later syncs "
        "(the token goes to the OS keyring or a private file, never into "
        "the database)",
    )
    p.add_argument(
        "--cafile",
        help="CA certificate (PEM) to trust for an https hub with its "
        "own certificate; saved with --save",
    )
    p.add_argument("--status", action="store_true", help="show the counts, contact nobody")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_sync)


# --- hub --------------------------------------------------------------------------------------


def _open_hub(ctx: Context):
    from motcua_desk.sync.hubstore import HubStore

    return HubStore(ctx.args.store or default_hub_store())


def _shown_url(url: str) -> str:
    from sqlalchemy.engine import make_url

    from motcua_desk.sync.protocol import hub_store_url

    return make_url(hub_store_url(url)).render_as_string(hide_password=True)


def cmd_hub_serve(ctx: Context) -> int:
    from motcua_desk.sync.hub import make_server

    a = ctx.args
    if bool(a.certfile) != bool(a.keyfile):
        raise ValidationError(
            "certfile", "give both --certfile and --keyfile for HTTPS", code="tls_pair"
        )
    for f in (a.certfile, a.keyfile):
        if f and not Path(f).is_file():
            raise ValidationError("certfile", f"{f} does not exist", code="file_unreadable")
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    logging.getLogger("motcua.hub").addHandler(handler)
    logging.getLogger("motcua.hub").setLevel(logging.INFO)
    ahead = a.max_clock_ahead
    if ahead is not None and not 1 <= ahead <= 100_000:
        raise ValidationError(
            "max_clock_ahead",
            "--max-clock-ahead takes 1 to 100000 minutes",
            code="count_range",
            name="max_clock_ahead",
            low=1,
            high=100_000,
        )
    store_url = a.store or default_hub_store()
    store = _open_hub(ctx)
    if ahead is not None:
        store.max_clock_ahead_ms = ahead * 60_000
    try:
        server, sock = make_server(
            store, host=a.host, port=a.port, certfile=a.certfile, keyfile=a.keyfile
        )
    except OSError as err:
        store.close()
        raise ValidationError(
            "port", f"cannot listen on {a.host}:{a.port} ({err.strerror})", code="listen"
        ) from err
    # Everything loaded so far lives as long as the process: keep it out of the garbage
    # collector's full passes, which otherwise walk it again and again while pushes allocate.
    gc.collect()
    gc.freeze()
    host, port = sock.getsockname()[:2]
    scheme = "https" if a.certfile else "http"
    print(f"hub listening on {scheme}://{host}:{port} (store {_shown_url(store_url)})", flush=True)
    try:
        server.run(sockets=[sock])
    finally:
        sock.close()
        store.close()
    return 0


def cmd_hub_add_desk(ctx: Context) -> int:
    from motcua_desk.domain import codes

    if ctx.args.desk_no is not None:
        codes.desk_number(ctx.args.desk_no)  # before the store is even opened
    store = _open_hub(ctx)
    try:
        from motcua_desk.domain import codes

        desk_no = ctx.args.desk_no
        if desk_no is None:
            taken = {d.desk_no for d in store.desks()}
            free = [n for n in range(1, codes.DEFAULT_DESK_SLOTS) if n not in taken]
            if not free:
                raise ValidationError(
                    "desk_no",
                    f"desks 1 to {codes.DEFAULT_DESK_SLOTS - 1} are all registered",
                    code="desk_no_range",
                    high=codes.DEFAULT_DESK_SLOTS - 1,
                )
            desk_no = free[0]
        codes.desk_number(desk_no)  # desks are numbered 1–9, as `init --desk` takes them
        info, token = store.add_desk(ctx.args.name, desk_no)
    finally:
        store.close()
    print(
        f"desk {info.name!r} (number {info.desk_no}: set it up with 'motcua-desk init ... "
        f"--desk {info.desk_no}') registered. Its token, shown only once:",
        file=sys.stderr,
    )
    print(token)
    return 0


def cmd_hub_list_desks(ctx: Context) -> int:
    store = _open_hub(ctx)
    try:
        desks = store.desks()
    finally:
        store.close()
    if ctx.args.json:
        emit_json(
            {
                "desks": [
                    {
                        "name": d.name,
                        "desk_no": d.desk_no,
                        "node_id": d.node_id,
                        "agency_id": d.agency_id,
                        "active": d.active,
                        "events": d.events,
                        "last_seen_at": d.last_seen_at.isoformat() if d.last_seen_at else None,
                        "clock_skew_ms": d.last_skew_ms,
                    }
                    for d in desks
                ]
            }
        )
        return 0
    for d in desks:
        skew = f"  clock {round(d.last_skew_ms / 1000):+d} s" if d.last_skew_ms is not None else ""
        state = "" if d.active else "  DISABLED"
        print(
            f"{d.desk_no:>2}  {d.name:<24} {d.events:>8} events  last seen "
            f"{fmt(d.last_seen_at)}{skew}{state}"
        )
    return 0


def cmd_hub_rotate_token(ctx: Context) -> int:
    store = _open_hub(ctx)
    try:
        token = store.rotate_token(ctx.args.name, unbind=ctx.args.unbind)
    finally:
        store.close()
    print(f"new token for {ctx.args.name!r} (the old one no longer works):", file=sys.stderr)
    print(token)
    return 0


def cmd_hub_set_active(ctx: Context) -> int:
    store = _open_hub(ctx)
    try:
        store.set_active(ctx.args.name, ctx.args.active)
    finally:
        store.close()
    print(f"desk {ctx.args.name!r} {'enabled' if ctx.args.active else 'disabled'}")
    return 0


def reference_from_file(path: Path, kind: str | None = None) -> tuple[str, dict[str, Any]]:
    """Read and validate a reference data file; returns (kind, data as published)."""
    from motcua_desk.domain.catalog import procedure_from_dict, procedure_to_dict
    from motcua_desk.services.replication import calendar_override

    try:
        data = json.loads(Path(path).read_text("utf-8-sig"))
    except OSError as err:
        raise ValidationError(
            "file", f"cannot read {path}: {err.strerror}", code="file_unreadable"
        ) from err
    except (UnicodeDecodeError, json.JSONDecodeError) as err:
        raise ValidationError(
            "file", f"{path} is not UTF-8 JSON ({err})", code="file_json"
        ) from err
    if isinstance(data, list):
        data = (
            {"procedures": data}
            if kind in (None, "catalog")
            else {"departments" if kind == "departments" else "overrides": data}
        )
    if not isinstance(data, dict):
        raise ValidationError("file", f"{path} holds no object", code="file_schema")
    if kind is None:
        kind = next(
            (
                k
                for k, key in (
                    ("catalog", "procedures"),
                    ("departments", "departments"),
                    ("calendar", "overrides"),
                )
                if key in data
            ),
            None,
        )
        if kind is None:
            raise ValidationError(
                "file",
                f"{path} has none of 'procedures', 'departments', 'overrides'",
                code="file_schema",
            )
    if kind == "catalog":
        items = data.get("procedures")
        if not isinstance(items, list) or not items:
            raise ValidationError("file", "the catalog has no procedures", code="file_schema")
        procs = [procedure_to_dict(procedure_from_dict(i)) for i in items]
        out: dict[str, Any] = {"procedures": procs}
        if data.get("catalog_version") is not None:
            out["catalog_version"] = data["catalog_version"]
        return kind, out
    if kind == "departments":
        items = data.get("departments")
        if not isinstance(items, list) or not all(
            isinstance(i, dict) and str(i.get("name", "")).strip() for i in items
        ):
            raise ValidationError("file", "every department needs a name", code="file_schema")
        return kind, {"departments": items}
    items = data.get("overrides")
    if not isinstance(items, list):
        raise ValidationError("file", "the calendar has no overrides list", code="file_schema")
    return kind, {"overrides": [calendar_override(i) for i in items]}


def cmd_hub_publish(ctx: Context) -> int:
    kind, data = reference_from_file(Path(ctx.args.file), ctx.args.kind)
    store = _open_hub(ctx)
    try:
        version = store.publish(kind, data, source=Path(ctx.args.file).name)
    finally:
        store.close()
    print(f"{kind} version {version} published; desks take it at their next sync")
    return 0


# --- desk -------------------------------------------------------------------------------------


def _status_json(st) -> dict[str, Any]:
    return {
        "state": st.state,
        "online": st.online,
        "unsent": st.unsent,
        "rejected": st.rejected,
        "conflicts": st.conflicts,
        "last_success_at": st.last_success_at.isoformat() if st.last_success_at else None,
        "skew_ms": st.skew_ms,
        "clock_warning": st.clock_warning,
        "warnings": list(st.warnings),
        "error": st.last_error,
    }


def _quarantine_json(q) -> dict[str, Any]:
    return {
        "event_id": q.event_id,
        "code": q.dossier_code,
        "event_type": q.event_type,
        "node_id": q.node_id,
        "reason": q.reason,
        "detail": q.detail,
        "applied": q.applied,
        "hub_seq": q.hub_seq,
        "description": q.description,
    }


def cmd_sync(ctx: Context) -> int:
    from motcua_desk.sync.client import SyncEngine, SyncStatus

    a = ctx.args
    repl = ctx.services.replication
    if a.status:
        c = repl.counts()
        st = SyncStatus(
            unsent=c.unsent,
            rejected=c.rejected,
            conflicts=c.conflicts,
            last_success_at=c.last_success_at,
            skew_ms=c.skew_ms,
        )
        from motcua_desk.services.replication import REJECTION_ADVICE

        refused = repl.rejected()
        quarantined = repl.quarantined()
        if a.json:
            emit_json(
                {
                    **_status_json(st),
                    "quarantined": c.quarantined,
                    "refused_events": [
                        {"id": i, "reason": r, "what_to_do": REJECTION_ADVICE.get(r, "")}
                        for i, r in refused.items()
                    ],
                    "quarantined_events": [_quarantine_json(q) for q in quarantined],
                }
            )
        else:
            print(
                f"unsent {c.unsent}  refused by the hub {c.rejected}  sync exceptions "
                f"{c.conflicts} (of which pulled events kept aside {c.quarantined})  "
                f"last sync {fmt(c.last_success_at)}"
            )
            for event_id, reason in refused.items():
                print(
                    f"refused by the hub: [{event_id}] {reason}: "
                    f"{REJECTION_ADVICE.get(reason, 'IT: see the log')}"
                )
            for q in quarantined:
                print(f"pulled, {q.reason}: [{q.event_id}] {q.description}")
        return 0
    token = a.token or os.environ.get(HUB_TOKEN_ENV, "")
    saved = repl.hub_settings()
    url = a.hub or (saved.url if saved else "")
    token = token or (saved.token if saved else "")
    if not url or not token:
        raise ValidationError(
            "hub",
            "no hub configured: give --hub URL --token TOKEN (add --save to remember them)",
            code="no_hub",
        )
    from motcua_desk.services.replication import check_cafile

    # the saved CA file goes with the saved hub; --cafile (checked first) replaces it
    cafile = (
        check_cafile(a.cafile)
        if a.cafile
        else (saved.cafile if saved and url.rstrip("/") == saved.url else "")
    )
    if a.save:
        repl.save_hub_settings(url, token, cafile)
    last: list[str] = []

    def on_status(st: SyncStatus) -> None:
        line = f"{st.state}: unsent {st.unsent}, sync exceptions {st.conflicts}"
        if st.last_error and st.state != "online":
            line += f" ({st.last_error})"
        if st.clock_warning:
            line += f"; warning: this desk's clock is {st.skew_ms / 1000:+.0f} s off the hub's"
        if not a.json and not a.once and st.state != "syncing" and (not last or last[-1] != line):
            last.append(line)
            print(line, flush=True)

    engine = SyncEngine(
        ctx.services, hub_url=url, token=token, on_status=on_status, verify=cafile or True
    )
    try:
        if a.once:
            report = engine.run_once()
            st = engine.status()
            if a.json:
                emit_json(
                    {
                        **_status_json(st),
                        "pushed": report.pushed,
                        "accepted": report.accepted,
                        "duplicates": report.duplicates,
                        "refused": report.rejected,
                        "pulled": report.pulled,
                        "applied": report.applied,
                        "reference": list(report.reference),
                        "seconds": round(report.seconds, 3),
                    }
                )
            else:
                print(
                    f"sent {report.pushed} event(s) ({report.accepted} new, "
                    f"{report.duplicates} already there, {report.rejected} refused); "
                    f"received {report.applied} new of {report.pulled}; "
                    f"{st.unsent} unsent, {st.conflicts} sync exception(s)"
                    + (
                        f"; reference data updated: {', '.join(report.reference)}"
                        if report.reference
                        else ""
                    )
                )
                if st.clock_warning:
                    print(
                        f"warning: this desk's clock is {st.skew_ms / 1000:+.0f} s off the "
                        "hub's; set it right",
                        file=sys.stderr,
                    )
            return 0
        engine.run_forever(interval=a.interval)
        return 0
    finally:
        engine.close()
