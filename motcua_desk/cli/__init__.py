"""The command line `motcua-desk`: administration, scripting and tests over the services.

Exit codes: 0 done; 2 bad input or a refused action (one line on stderr, nothing changed);
1 an internal fault (the log file has the details); 3 `verify` / `hub verify` found a break.
"""

from __future__ import annotations

import argparse
import importlib
import importlib.util
import logging
import os
import sys
from pathlib import Path

from motcua_desk import __version__, paths

log = logging.getLogger("motcua.cli")

# Command modules: each has register(subparsers) adding its sub-commands; a handler is stored
# as `func` and takes a Context. Optional modules are skipped when not present.
COMMAND_MODULES = [
    "motcua_desk.cli.core",
    "motcua_desk.cli.printing",
    "motcua_desk.cli.sync",
    "motcua_desk.cli.verify",
    "motcua_desk.cli.reports",
    "motcua_desk.cli.kiosk",
    "motcua_desk.cli.portal",
    "motcua_desk.cli.digitise",
]


class _Parser(argparse.ArgumentParser):
    def error(self, message: str):  # one line, exit 2, as for every bad input
        self.exit(2, f"{self.prog}: error: {message}\n")


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="motcua-desk",
        description="Counter application of a one-stop public-service desk (Bộ phận Một cửa). "
        "Without a command it opens the window.",
    )
    parser.add_argument("--version", action="version", version=f"motcua-desk {__version__}")
    parser.add_argument(
        "--self-test",
        action="store_true",
        help="check this installation (resources, database, forms) and exit",
    )
    parser.add_argument(
        "--db",
        metavar="PATH",
        type=Path,
        help=f"the desk database (default: $MOTCUA_DB or {paths.default_db_path()})",
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    for name in COMMAND_MODULES:
        try:
            module = importlib.import_module(name)
        except ModuleNotFoundError as err:
            if err.name == name:
                continue
            raise
        module.register(sub)
    return parser


def _window_only(argv: list[str]) -> tuple[bool, Path | None]:
    """`motcua-desk` or `motcua-desk --db PATH` alone: the window, started before the command
    modules (and SQLAlchemy with them) are imported, so it paints at once."""
    if not argv:
        return True, None
    if len(argv) == 2 and argv[0] == "--db" and not argv[1].startswith("-"):
        return True, Path(argv[1])
    if len(argv) == 1 and argv[0].startswith("--db="):
        return True, Path(argv[0][5:])
    return False, None


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else list(argv)
    window, db = _window_only(argv)
    if window and importlib.util.find_spec("PySide6") is not None:
        from motcua_desk.app import run_window, setup_logging

        setup_logging()
        return run_window(db)
    from motcua_desk.cli import core
    from motcua_desk.cli.common import Context
    from motcua_desk.domain.errors import DomainError

    parser = build_parser()
    args = parser.parse_args(argv)
    from motcua_desk.app import setup_logging

    log_path = setup_logging()
    if args.self_test:
        return core.self_test()
    if not getattr(args, "func", None):
        return core.no_command(parser, args)
    db_path = args.db or Path(os.environ.get("MOTCUA_DB") or paths.default_db_path())
    ctx = Context(args=args, db_path=db_path, create=getattr(args, "creates_db", False))
    try:
        return int(args.func(ctx) or 0)
    except DomainError as err:
        print(f"motcua-desk: error: {err}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        # the reader went away (`… | head`): what was asked for was written as far as it was
        # read; no traceback and no "internal error" (Python docs, "Note on SIGPIPE")
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 141
    except Exception as err:
        from motcua_desk.cli.common import database_problem

        problem = database_problem(err, db_path)
        if problem is not None:
            log.warning("%s refused: %s", args.command, problem, exc_info=True)
            print(f"motcua-desk: error: {problem}", file=sys.stderr)
            return 2
        log.exception("internal error in %s", args.command)
        print(
            f"motcua-desk: internal error; details are in the log file {log_path}", file=sys.stderr
        )
        return 1
    finally:
        ctx.close()
