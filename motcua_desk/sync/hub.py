"""The office hub: a Starlette application over a HubStore, served by uvicorn.

See `motcua_desk.sync.protocol` for the endpoints and payloads. Database work runs in the
thread pool (SQLAlchemy is synchronous); each request is one short transaction.
"""

from __future__ import annotations

import json
import logging
import socket
import sys
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import Any

import orjson
from sqlalchemy.exc import OperationalError
from starlette.applications import Starlette
from starlette.concurrency import run_in_threadpool
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from motcua_desk.sync import protocol
from motcua_desk.sync.guard import ServerLimits, guarded_protocol
from motcua_desk.sync.hubstore import DeskInfo, HubStore, utcnow
from motcua_desk.sync.protocol import ProtocolError

log = logging.getLogger("motcua.hub")

# A refused body is still read (and thrown away) up to this size, so that the client, which
# sends its whole body before it reads, gets the 413 instead of a broken connection.
_DRAIN_LIMIT = 8 * protocol.MAX_BODY_BYTES

# Query strings: the hub's endpoints take a handful of small integers.
MAX_QUERY_BYTES = 1024
MAX_QUERY_PARAMS = 8
MAX_CURSOR = 2**53  # hub_seq values and reference versions stay far below this

# What a malformed request can make Python raise while it is read (an integer past
# sys.get_int_max_str_digits, a value the database driver cannot bind, a recursion limit...):
# refused as a bad request, never a 500.
_MALFORMED = (
    ValueError,
    TypeError,
    KeyError,
    IndexError,
    AttributeError,
    OverflowError,
    RecursionError,
    UnicodeError,
)


def _ms(moment: datetime) -> int:
    return int(moment.timestamp() * 1000)


class _Json(JSONResponse):
    def render(self, content: Any) -> bytes:
        try:
            return orjson.dumps(content)  # compact UTF-8, as below, several times faster
        except (TypeError, orjson.JSONEncodeError):
            return json.dumps(content, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


class HubApp:
    """The hub's request handlers, bound to one store and one clock."""

    def __init__(self, store: HubStore, clock: Callable[[], datetime] = utcnow) -> None:
        self.store = store
        self.clock = clock

    def now_ms(self) -> int:
        return _ms(self.clock())

    # --- plumbing ---------------------------------------------------------------------------
    async def _desk(self, request: Request) -> DeskInfo:
        header = request.headers.get("authorization", "")
        scheme, _, token = header.partition(" ")
        if scheme.lower() != "bearer" or not token.strip():
            raise ProtocolError(
                "unauthorized", "a desk token is required (Authorization: Bearer <token>)"
            )
        desk = await run_in_threadpool(self.store.authenticate, token.strip())
        if desk is None:
            raise ProtocolError("unauthorized", "this token is not known to the hub")
        if not desk.active:
            raise ProtocolError("desk_disabled", "this desk has been disabled on the hub")
        return desk

    @staticmethod
    def _check_protocol(request: Request) -> None:
        value = request.headers.get(protocol.PROTOCOL_HEADER)
        if value is not None and value.strip() != str(protocol.PROTOCOL_VERSION):
            raise ProtocolError(
                "unsupported_protocol",
                f"this hub speaks protocol {protocol.PROTOCOL_VERSION}, the desk speaks {value}",
            )

    async def _json_body(self, request: Request, limit: int = protocol.MAX_BODY_BYTES) -> Any:
        ctype = request.headers.get("content-type", "").split(";")[0].strip().lower()
        if ctype != "application/json":
            await self._drain(request, 0)
            raise ProtocolError("unsupported_media_type", "the body must be application/json")
        declared = request.headers.get("content-length")
        if declared is not None:
            try:
                if int(declared) > limit:
                    await self._drain(request, 0)
                    raise ProtocolError(
                        "too_large",
                        f"the body ({declared} bytes) is over the hub's limit of {limit} bytes",
                    )
            except ValueError as err:
                raise ProtocolError("bad_request", "bad Content-Length") from err
        chunks: list[bytes] = []
        size = 0
        async for chunk in request.stream():
            size += len(chunk)
            if size > limit:
                await self._drain(request, size)
                raise ProtocolError(
                    "too_large", f"the body is over the hub's limit of {limit} bytes"
                )
            chunks.append(chunk)
        return protocol.parse_json(b"".join(chunks))

    @staticmethod
    async def _drain(request: Request, already: int) -> None:
        size = already
        try:
            async for chunk in request.stream():
                size += len(chunk)
                if size > _DRAIN_LIMIT:
                    return
        except Exception:  # noqa: BLE001 - the connection is going away anyway
            return

    def _ok(self, content: dict[str, Any]) -> Response:
        content.setdefault("hub_time_ms", self.now_ms())
        return _Json(content)

    async def dispatch(self, request: Request, handler) -> Response:
        try:
            self._check_protocol(request)
            _check_query(request)
            return await handler(request)
        except ProtocolError as err:
            log.info(
                "refused %s %s: %s (%s)",
                request.method,
                request.scope.get("path"),
                err.code,
                err.detail,
            )
            headers = {"WWW-Authenticate": "Bearer"} if err.status == 401 else None
            return _Json(err.body(), status_code=err.status, headers=headers)
        except OperationalError as err:
            log.error("hub store unavailable: %s", err)
            return _Json(
                {
                    "error": "store_unavailable",
                    "detail": "the hub's database is not available; try again later",
                },
                status_code=503,
            )
        except _MALFORMED as err:
            log.warning(
                "refused a malformed %s %s",
                request.method,
                request.scope.get("path"),
                exc_info=True,
            )
            return _Json(
                {
                    "error": "bad_request",
                    "detail": f"the hub cannot read this request ({type(err).__name__})",
                },
                status_code=400,
            )

    # --- endpoints --------------------------------------------------------------------------
    async def health(self, request: Request) -> Response:
        return self._ok({"status": "ok", "protocol": protocol.PROTOCOL_VERSION})

    async def hello(self, request: Request) -> Response:
        desk = await self._desk(request)
        body = await self._json_body(request, 64 * 1024)
        if not isinstance(body, dict):
            raise ProtocolError("bad_request", "hello takes an object")
        node_id, desk_no = body.get("node_id"), body.get("desk_no")
        desk_time, agency = body.get("desk_time_ms"), body.get("agency_id", "")
        if (
            not isinstance(node_id, str)
            or not protocol._ID.match(node_id)
            or type(desk_no) is not int
            or (desk_time is not None and type(desk_time) is not int)
        ):
            raise ProtocolError(
                "bad_request",
                "hello needs node_id (UUID), desk_no (integer) and desk_time_ms (integer)",
            )
        if (
            not 0 <= desk_no <= 999
            or (desk_time is not None and not 0 <= desk_time <= MAX_CURSOR)
            or not isinstance(agency, str)
            or len(agency) > 64
        ):
            raise ProtocolError(
                "bad_request",
                "hello: desk_no from 0 to 999, desk_time_ms a "
                "time in ms since 1970, agency_id a text of at most 64 "
                "characters",
            )
        now = self.now_ms()
        skew = desk_time - now if desk_time is not None else None
        if skew is not None and abs(skew) > protocol.SKEW_WARNING_MS:
            log.warning("desk %r clock is %+d s off the hub's", desk.name, skew // 1000)
        info = await run_in_threadpool(self.store.hello, desk, node_id, desk_no, agency, skew)
        head = await run_in_threadpool(self.store.head)
        node_seq = await run_in_threadpool(self.store.node_head, node_id)
        refs = await run_in_threadpool(self.store.reference_versions)
        hub_id = await run_in_threadpool(self.store.instance_id)
        return self._ok(
            {
                "desk": {"name": info.name, "desk_no": info.desk_no, "node_id": info.node_id},
                "hub_id": hub_id,
                "head": head,
                "node_seq": node_seq,
                "reference": refs,
                "skew_ms": skew,
                "hub_time_ms": now,
            }
        )

    async def push(self, request: Request) -> Response:
        desk = await self._desk(request)
        body = await self._json_body(request)
        events = body.get("events") if isinstance(body, dict) else None
        if not isinstance(events, list):
            raise ProtocolError("bad_request", "push takes an object with an 'events' list")
        if len(events) > protocol.MAX_PUSH_EVENTS:
            raise ProtocolError(
                "too_large",
                f"{len(events)} events in one push; the hub takes "
                f"at most {protocol.MAX_PUSH_EVENTS}",
            )
        with protocol.gc_paused():  # thousands of short-lived objects: see gc_paused
            parsed = [protocol.parse_incoming(e, i) for i, e in enumerate(events)]
        results = await run_in_threadpool(self._push, desk, parsed)
        counts: dict[str, int] = {}
        for r in results:
            counts[r.status] = counts.get(r.status, 0) + 1
        if counts.get(protocol.REJECTED):
            log.warning(
                "desk %r: %d event(s) rejected: %s",
                desk.name,
                counts[protocol.REJECTED],
                sorted({r.reason for r in results if r.reason}),
            )
        return self._ok({"results": [r.to_dict() for r in results], "counts": counts})

    def _push(self, desk: DeskInfo, parsed: list[protocol.Incoming]):
        with protocol.gc_paused():
            return self.store.push(desk, parsed)

    async def pull(self, request: Request) -> Response:
        desk = await self._desk(request)
        after = _int_param(request, "after", 0, 0, MAX_CURSOR)
        limit = _int_param(
            request, "limit", protocol.DEFAULT_PULL_LIMIT, 1, protocol.MAX_PULL_LIMIT
        )
        page = await run_in_threadpool(self.store.pull, after, limit, exclude_node=desk.node_id)
        # The stored bodies are JSON already: the answer is assembled, not re-encoded.
        tail = (
            f'],"next":{page.next},"more":{"true" if page.more else "false"},'
            f'"hub_time_ms":{self.now_ms()}}}'
        )
        events = ",".join(f'{{"hub_seq":{n},"event":{body}}}' for n, body in page.items)
        content = b'{"events":[' + events.encode("utf-8") + tail.encode()
        return Response(content, media_type="application/json")

    async def own(self, request: Request) -> Response:
        """This desk's own events past `after_seq` (a desk restored from a backup takes them
        back). Only the desk's own node: a token never reads another desk's chain this way."""
        desk = await self._desk(request)
        after = _int_param(request, "after_seq", 0, 0, MAX_CURSOR)
        limit = _int_param(
            request, "limit", protocol.DEFAULT_PULL_LIMIT, 1, protocol.MAX_PULL_LIMIT
        )
        if not desk.node_id:
            page_items, nxt, more = [], after, False
        else:
            page = await run_in_threadpool(self.store.own, desk.node_id, after, limit)
            page_items, nxt, more = page.items, page.next, page.more
        tail = (
            f'],"next":{nxt},"more":{"true" if more else "false"},"hub_time_ms":{self.now_ms()}}}'
        )
        events = ",".join(f'{{"hub_seq":{n},"event":{body}}}' for n, body in page_items)
        content = b'{"events":[' + events.encode("utf-8") + tail.encode()
        return Response(content, media_type="application/json")

    async def reference(self, request: Request) -> Response:
        await self._desk(request)
        have: dict[str, int] = {}
        for kind in protocol.REFERENCE_KINDS:
            have[kind] = _int_param(request, kind, 0, 0, MAX_CURSOR)
        found = await run_in_threadpool(self.store.reference_since, have)
        parts = ",".join(
            f'"{kind}":{{"version":{version},"data":{data}}}'
            for kind, (version, data) in found.items()
        )
        content = (f'{{"reference":{{{parts}}},"hub_time_ms":{self.now_ms()}}}').encode()
        return Response(content, media_type="application/json")


def _check_query(request: Request) -> None:
    raw = request.scope.get("query_string", b"")
    if len(raw) > MAX_QUERY_BYTES or raw.count(b"&") >= MAX_QUERY_PARAMS:
        raise ProtocolError(
            "bad_request",
            f"the query string is over the hub's limit "
            f"({MAX_QUERY_PARAMS} parameters, {MAX_QUERY_BYTES} bytes)",
        )


def _int_param(request: Request, name: str, default: int, low: int, high: int) -> int:
    """A small integer query parameter (decimal digits only), within [low, high]."""
    text = request.query_params.get(name)
    if text is None:
        return default
    text = text.strip()
    if not text.isascii() or not text.isdigit() or len(text) > 16 or not low <= int(text) <= high:
        raise ProtocolError("bad_request", f"{name} must be a whole number from {low} to {high}")
    return int(text)


def create_app(
    store: HubStore, clock: Callable[[], datetime] = utcnow, files: Path | None = None
) -> Starlette:
    """The hub's application; `files`: the folder of the desks' files (default: beside a
    SQLite hub store, or hub.files in the user data folder for PostgreSQL)."""
    from motcua_desk.sync.hub_blobs import HubFiles
    from motcua_desk.sync.hub_export import export_endpoint

    hub = HubApp(store, clock)
    hub_files = HubFiles(hub, files or default_files_dir(store))

    def route(path: str, handler, methods: list[str]) -> Route:
        async def endpoint(request: Request) -> Response:
            response = await hub.dispatch(request, handler)
            response.headers[protocol.HUB_TIME_HEADER] = str(hub.now_ms())
            return response

        return Route(path, endpoint, methods=methods)

    async def http_error(request: Request, exc: Exception) -> Response:
        # Starlette's own refusals (unknown path, wrong method) in the hub's JSON
        status = exc.status_code if isinstance(exc, HTTPException) else 400
        code = {404: "not_found", 405: "method_not_allowed"}.get(status, "bad_request")
        detail = {
            404: f"the hub has no {request.scope.get('path', '')!r}; see the protocol",
            405: f"{request.method} is not allowed here",
        }.get(status, "bad request")
        response = _Json(
            {"error": code, "detail": detail},
            status_code=status,
            headers=getattr(exc, "headers", None),
        )
        response.headers[protocol.HUB_TIME_HEADER] = str(hub.now_ms())
        return response

    app = Starlette(
        routes=[
            route("/v1/health", hub.health, ["GET"]),
            route("/v1/hello", hub.hello, ["POST"]),
            route("/v1/push", hub.push, ["POST"]),
            route("/v1/pull", hub.pull, ["GET"]),
            route("/v1/own", hub.own, ["GET"]),
            route("/v1/reference", hub.reference, ["GET"]),
            route("/v1/files/wanted", hub_files.wanted, ["POST"]),
            route("/v1/files/{sha}", hub_files.put, ["PUT"]),
            route("/v1/files/{sha}", hub_files.get, ["GET"]),
            route("/v1/export/portal", lambda r: export_endpoint(hub, r), ["GET"]),
        ],
        exception_handlers={HTTPException: http_error},
    )
    app.state.hub = hub
    return app


def default_files_dir(store: HubStore) -> Path:
    from sqlalchemy.engine import make_url

    from motcua_desk import paths
    from motcua_desk.store.blobs import files_dir

    url = make_url(store.url)
    if url.get_backend_name() == "sqlite" and url.database not in (None, "", ":memory:"):
        return files_dir(Path(url.database))
    return paths.user_data_dir() / "hub.files"


def bind_socket(host: str, port: int) -> socket.socket:
    """A listening socket (port 0: any free port). Connections made before the server runs
    wait in the backlog."""
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    # proto given explicitly: asyncio sets TCP_NODELAY on accepted sockets only when it sees
    # IPPROTO_TCP, and without it every keep-alive answer waits ~40 ms for a delayed ACK.
    sock = socket.socket(family, socket.SOCK_STREAM, socket.IPPROTO_TCP)
    if sys.platform != "win32":
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind((host, port))
    sock.listen(128)
    sock.set_inheritable(True)
    return sock


def make_server(
    store: HubStore,
    *,
    host: str = "127.0.0.1",
    port: int = 8765,
    certfile: str | None = None,
    keyfile: str | None = None,
    clock: Callable[[], datetime] = utcnow,
    log_level: str = "warning",
    limits: ServerLimits | None = None,
    files: Path | None = None,
):
    """An uvicorn Server for the hub app (not started) and its bound socket. `limits`: the
    connection deadlines and caps (see motcua_desk.sync.guard); `files`: see create_app."""
    import uvicorn

    limits = limits or ServerLimits()
    config = uvicorn.Config(
        create_app(store, clock, files),
        host=host,
        port=port,
        ssl_certfile=certfile,
        ssl_keyfile=keyfile,
        log_level=log_level,
        access_log=False,
        lifespan="off",
        http=guarded_protocol(limits),
        timeout_keep_alive=limits.keep_alive,
        limit_concurrency=limits.limit_concurrency,
        h11_max_incomplete_event_size=limits.max_header_bytes,
        timeout_graceful_shutdown=10,
        server_header=False,
    )
    sock = bind_socket(host, port)
    return uvicorn.Server(config), sock
