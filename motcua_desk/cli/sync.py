"""Sync commands: the office hub (`motcua-desk hub …`, its commands in cli.hub_commands) and a
desk's sync (`motcua-desk sync`)."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path
from typing import Any

from motcua_desk.cli.common import Context, emit_json, fmt
from motcua_desk.cli.hub_commands import (  # noqa: F401 - default_hub_store: re-exported
    cmd_hub_add_desk,
    cmd_hub_list_desks,
    cmd_hub_publish,
    cmd_hub_rotate_token,
    cmd_hub_serve,
    cmd_hub_set_active,
    default_hub_store,
    reference_from_file,
)
from motcua_desk.domain.errors import DomainError, ValidationError
from motcua_desk.sync import protocol as protocol_defaults

HUB_TOKEN_ENV = "MOTCUA_HUB_TOKEN"


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
    q.add_argument(
        "--files",
        type=Path,
        default=None,
        metavar="DIR",
        help="the folder of the desks' digitised files (default: beside a SQLite hub store, "
        "hub.files in the user data folder for PostgreSQL)",
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
    from motcua_desk.cli.portal import register_hub as register_hub_export

    register_hub_export(hsub, with_store)

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


# --- desk -------------------------------------------------------------------------------------

# What the officer does about a file the sync could not move (the events synced anyway).
FILE_ADVICE = {
    "file_missing": "a digitised file this desk wrote is missing or damaged here and could not "
    "be sent: see `motcua-desk digitise verify`; restore the files folder from a backup, or "
    "attach the scan again",
    "file_waiting": "some digitised files are not on the hub yet (the desk that scanned them "
    "has not sent them, or the link dropped): they come in a later round",
}


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
    # --save remembers the hub only once it has answered a round with this address and token
    # (as the window's "check the connection" does): a mistyped address is never saved over
    # the one that works.
    if a.save:
        repl.check_hub_settings(url, cafile)  # a bad address or CA file: exit 2 now
    saved_now: list[bool] = []

    def remember() -> None:
        if a.save and not saved_now:
            repl.save_hub_settings(url, token, cafile)
            saved_now.append(True)
            if not a.json and not a.once:
                print("the hub address and token are saved", flush=True)

    last: list[str] = []

    def on_status(st: SyncStatus) -> None:
        if st.state == "online":
            remember()
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
            try:
                report = engine.run_once()
            except DomainError as err:
                if a.save:  # one line still: the hub's answer, and that nothing was saved
                    err.message = f"{err.message}; the hub address and token were not saved"
                raise
            remember()
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
                        "files_sent": report.files_sent,
                        "files_fetched": report.files_fetched,
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
                if report.files_sent or report.files_fetched:
                    print(f"files: {report.files_sent} sent, {report.files_fetched} received")
                for w in st.warnings:
                    if w in FILE_ADVICE:
                        print(f"warning: {FILE_ADVICE[w]}", file=sys.stderr)
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
