"""The office hub's commands (`motcua-desk hub …`): serve, the desk registry, publishing
reference data. Registered by cli.sync with the desk's own `sync`."""

from __future__ import annotations

import gc
import json
import logging
import sys
from pathlib import Path
from typing import Any

from motcua_desk import paths
from motcua_desk.cli.common import Context, emit_json, fmt
from motcua_desk.domain.errors import ValidationError


def default_hub_store() -> str:
    return str(paths.hub_store_path())


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
            store,
            host=a.host,
            port=a.port,
            certfile=a.certfile,
            keyfile=a.keyfile,
            files=getattr(a, "files", None),
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
