"""`motcua-desk kiosk [--db PATH] [--windowed]`: the lookup station for citizens (read-only)."""

from __future__ import annotations

from pathlib import Path

from motcua_desk.cli.common import Context


def register(sub) -> None:
    p = sub.add_parser(
        "kiosk",
        help="the lookup station facing the citizens: full screen, "
        "read-only (scan the slip, or type the code and the last "
        "4 digits of the CCCD; the procedures and their papers)",
    )
    # its own dest: a subcommand's default would overwrite the global --db given before it
    p.add_argument(
        "--db",
        dest="kiosk_db",
        metavar="PATH",
        type=Path,
        default=None,
        help="the desk database to read (default: the global --db, $MOTCUA_DB or "
        "the user data directory)",
    )
    p.add_argument(
        "--windowed", action="store_true", help="in a window instead of full screen (to try it out)"
    )
    p.set_defaults(func=cmd_kiosk)


def cmd_kiosk(ctx: Context) -> int:
    from motcua_desk.app import run_kiosk

    return run_kiosk(ctx.args.kiosk_db or ctx.db_path, windowed=ctx.args.windowed)
