"""Connection deadlines for the hub's HTTP server: what uvicorn does not bound by itself.

uvicorn's `timeout_keep_alive` covers only the idle time *between* two requests, and it is
cancelled by every byte that arrives: a client that connects and sends nothing, or trickles a
request head one byte at a time (slowloris), or never finishes its body, or never reads the
answer, holds a connection (and a file descriptor) for ever. ASGI middleware cannot help: it
runs only once a request head has been parsed. So the hub serves HTTP with a subclass of
uvicorn's h11 protocol that adds, per connection:

- a **head deadline**: the request line and headers must be complete within `head_timeout`
  seconds of the connection opening (or of the first byte of the next request on a kept-alive
  connection), however slowly they trickle in;
- a **body deadline**: no gap longer than `body_idle_timeout` between two pieces of a body,
  and the whole body within `body_timeout`;
- a **send deadline**: an answer the client does not read (the write buffer stays full) for
  `send_timeout` seconds ends the connection;
- a **connection cap**: past `max_connections` open connections a new one is closed at once
  (uvicorn's own `limit_concurrency`, below the cap, answers 503 to requests meanwhile);
- a malformed request head is answered 400 with the hub's JSON error body
  `{"error": "bad_request", "detail": …}` instead of uvicorn's plain text.

A connection over a deadline is aborted (no lingering close to a peer that does not read).
"""

from __future__ import annotations

import asyncio
import json
import logging
from dataclasses import dataclass
from typing import Any

import h11
from uvicorn.protocols.http.h11_impl import H11Protocol

log = logging.getLogger("motcua.hub")


@dataclass(frozen=True)
class ServerLimits:
    """The hub server's timeouts (seconds) and connection limits; see README "Hub limits"."""

    head_timeout: float = 10.0  # request line + headers, from the connection's first moment
    body_idle_timeout: float = 15.0  # longest silence inside a request body
    body_timeout: float = 120.0  # a whole request body (8 MB at ~0.5 Mbit/s)
    send_timeout: float = 30.0  # an answer the client does not read
    keep_alive: float = 10.0  # idle time between two requests of one connection
    limit_concurrency: int = 256  # open connections or running requests: then 503 (retry later)
    max_connections: int = 1024  # open connections: then a new one is closed at once
    max_header_bytes: int = 16 * 1024  # request line + headers


def guarded_protocol(limits: ServerLimits) -> type[asyncio.Protocol]:
    """The h11 protocol class of uvicorn with `limits` enforced (pass it as Config(http=…))."""

    class Guarded(_GuardedH11Protocol):
        pass

    Guarded.limits = limits
    return Guarded


class _GuardedH11Protocol(H11Protocol):
    limits: ServerLimits = ServerLimits()

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._guard: asyncio.TimerHandle | None = None
        self._send_guard: asyncio.TimerHandle | None = None
        self._phase = "new"
        self._body_deadline = 0.0

    # --- deadlines ------------------------------------------------------------------------
    def _arm(self, delay: float, what: str) -> None:
        self._disarm()
        self._guard = self.loop.call_later(max(0.0, delay), self._expired, what)

    def _disarm(self) -> None:
        if self._guard is not None:
            self._guard.cancel()
            self._guard = None

    def _expired(self, what: str) -> None:
        self._guard = None
        self._abort(what)

    def _abort(self, what: str) -> None:
        if self.transport is None or self.transport.is_closing():
            return
        client = f"{self.client[0]}:{self.client[1]}" if self.client else "?"
        log.info("closed the connection of %s: %s", client, what)
        self.transport.abort()

    def _watch(self) -> None:
        """After data arrived: arm the deadline of what the connection is waiting for."""
        if self.transport is None or self.transport.is_closing():
            self._disarm()
            return
        state = self.conn.their_state
        if state is h11.IDLE:  # waiting for, or inside, a request head
            if self._phase != "head":
                self._phase = "head"
                self._arm(self.limits.head_timeout, "the request head took too long")
        elif state is h11.SEND_BODY:
            now = self.loop.time()
            if self._phase != "body":
                self._phase = "body"
                self._body_deadline = now + self.limits.body_timeout
            left = self._body_deadline - now
            if left <= self.limits.body_idle_timeout:
                self._arm(left, "the request body took too long")
            else:
                self._arm(self.limits.body_idle_timeout, "the request body stalled")
        else:  # the whole request is in: the application has it
            self._phase = "app"
            self._disarm()

    # --- protocol interface ---------------------------------------------------------------
    def connection_made(self, transport: asyncio.Transport) -> None:  # type: ignore[override]
        super().connection_made(transport)
        if len(self.connections) > self.limits.max_connections:
            self._abort(f"more than {self.limits.max_connections} connections are open")
            return
        self._phase = "head"
        self._arm(self.limits.head_timeout, "no request arrived in time")

    def data_received(self, data: bytes) -> None:
        super().data_received(data)
        self._watch()

    def on_response_complete(self) -> None:
        super().on_response_complete()  # arms uvicorn's keep-alive timer
        if self.conn.their_state in (h11.IDLE, h11.DONE):
            self._phase = "idle"
            self._disarm()
        if self.conn.their_state is h11.IDLE and self.conn.trailing_data[0]:
            self._watch()  # a pipelined request head has begun

    def connection_lost(self, exc: Exception | None) -> None:
        self._disarm()
        if self._send_guard is not None:
            self._send_guard.cancel()
            self._send_guard = None
        super().connection_lost(exc)

    def pause_writing(self) -> None:
        super().pause_writing()
        if self._send_guard is None:
            self._send_guard = self.loop.call_later(
                self.limits.send_timeout, self._abort, "the client does not read the answer"
            )

    def resume_writing(self) -> None:
        super().resume_writing()
        if self._send_guard is not None:
            self._send_guard.cancel()
            self._send_guard = None

    def send_400_response(self, msg: str) -> None:
        """A request head h11 cannot parse (or one over max_header_bytes): the hub's JSON."""
        body = json.dumps(
            {
                "error": "bad_request",
                "detail": f"this is not an HTTP request the hub understands ({msg})",
            }
        ).encode()
        try:
            for event in (
                h11.Response(
                    status_code=400,
                    reason=b"Bad Request",
                    headers=[
                        (b"content-type", b"application/json"),
                        (b"content-length", str(len(body)).encode()),
                        (b"connection", b"close"),
                    ],
                ),
                h11.Data(data=body),
                h11.EndOfMessage(),
            ):
                self.transport.write(self.conn.send(event))
        except h11.LocalProtocolError:  # a response was already under way: just end it
            self.transport.abort()
            return
        self.transport.close()
