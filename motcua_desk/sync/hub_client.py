"""The desk's side of the wire: the protocol's requests to the hub over one keep-alive HTTP
connection (httpx), and what can go wrong with them (hub unavailable: try later; hub refused:
someone must act). Used by the sync engine (`sync/client.py`, which re-exports these names).
"""

from __future__ import annotations

import json
import logging
import ssl
from collections.abc import Sequence
from typing import Any

import httpx
import orjson

from motcua_desk import __version__
from motcua_desk.domain import schema
from motcua_desk.domain.errors import DomainError
from motcua_desk.domain.events import Event
from motcua_desk.services.replication import Unparsed
from motcua_desk.sync import protocol
from motcua_desk.sync.protocol import PushResult

log = logging.getLogger("motcua.sync")


class SyncError(DomainError):
    code = "sync_error"


class HubUnavailable(SyncError):
    """The hub could not be reached or did not answer properly: try again later."""

    code = "hub_unavailable"


class HubRefused(SyncError):
    """The hub refused the request (4xx): retrying will not help until someone acts."""

    code = "hub_refused"

    def __init__(self, status: int, error: str, detail: str) -> None:
        super().__init__(
            f"the hub refused ({status} {error}): {detail}", status=status, error=error
        )
        self.status = status
        self.error = error
        self.detail = detail


# --- HTTP -----------------------------------------------------------------------------------


def _ca_context(cafile: str) -> ssl.SSLContext:
    """A TLS context trusting `cafile`; SyncError code cafile when it cannot be used."""
    from motcua_desk.services.replication import check_cafile

    try:
        return ssl.create_default_context(cafile=check_cafile(cafile))
    except DomainError as err:
        raise SyncError(str(err), code="cafile") from err


class HubClient:
    """The protocol's requests over one keep-alive HTTP connection (httpx)."""

    def __init__(
        self,
        url: str,
        token: str,
        *,
        timeout: float = 30.0,
        verify: bool | str = True,
        transport: httpx.BaseTransport | None = None,
    ) -> None:
        self.url = url.rstrip("/")
        if not self.url.startswith("https://"):
            verify = False  # plain HTTP: no TLS context to build (it costs ~30 ms each)
        elif isinstance(verify, str):
            verify = _ca_context(verify)  # trust this CA (a hub with its own certificate)
        self._http = httpx.Client(
            base_url=self.url,
            timeout=httpx.Timeout(timeout, connect=min(timeout, 5.0)),
            verify=verify,
            transport=transport,
            headers={
                "Authorization": f"Bearer {token}",
                protocol.PROTOCOL_HEADER: str(protocol.PROTOCOL_VERSION),
                "User-Agent": f"motcua-desk/{__version__}",
            },
        )

    def close(self) -> None:
        self._http.close()

    def _request(
        self,
        method: str,
        path: str,
        *,
        body: bytes | None = None,
        params: dict[str, Any] | None = None,
    ) -> dict[str, Any]:
        headers = {"Content-Type": "application/json"} if body is not None else None
        return self.answer(self.send(method, path, content=body, params=params, headers=headers))

    def send(self, method: str, path: str, **kwargs: Any) -> httpx.Response:
        """One request; HubUnavailable when the hub does not answer."""
        try:
            return self._http.request(method, path, **kwargs)
        except httpx.TransportError as err:
            raise HubUnavailable(
                f"the hub at {self.url} did not answer ({type(err).__name__}: {err})"
            ) from err

    def answer(self, r: httpx.Response) -> dict[str, Any]:
        """The hub's JSON answer; HubUnavailable (try later) or HubRefused (someone must act)
        when it is not one."""
        if r.status_code >= 500 or r.status_code in (408, 429):
            raise HubUnavailable(f"the hub at {self.url} answered {r.status_code}")
        try:
            data = loads_answer(r.content)
        except ValueError as err:
            raise HubUnavailable(
                f"{self.url} answered {r.status_code} with something that is "
                "not the hub's JSON (a proxy?)"
            ) from err
        if r.status_code >= 400:
            if not isinstance(data, dict):
                data = {}
            raise HubRefused(
                r.status_code, str(data.get("error", "refused")), str(data.get("detail", ""))
            )
        if not isinstance(data, dict):
            raise HubUnavailable(f"{self.url} answered with JSON of the wrong shape")
        return data

    def health(self) -> dict[str, Any]:
        return self._request("GET", "/v1/health")

    def hello(
        self, *, node_id: str, desk_no: int, agency_id: str, desk_time_ms: int
    ) -> dict[str, Any]:
        body = json.dumps(
            {
                "node_id": node_id,
                "desk_no": desk_no,
                "agency_id": agency_id,
                "desk_time_ms": desk_time_ms,
            }
        ).encode()
        return self._request("POST", "/v1/hello", body=body)

    def push_raw(self, bodies: Sequence[str]) -> list[PushResult]:
        """Push events already encoded as JSON (see encode_event)."""
        content = ('{"events":[' + ",".join(bodies) + "]}").encode("utf-8")
        data = self._request("POST", "/v1/push", body=content)
        try:
            return [PushResult.from_dict(r) for r in data["results"]]
        except (KeyError, TypeError) as err:
            raise HubUnavailable("the hub's push answer has the wrong shape") from err

    def push(self, events: Sequence[Event]) -> list[PushResult]:
        return self.push_raw([encode_event(e) for e in events])

    def pull(
        self, after: int, limit: int = protocol.DEFAULT_PULL_LIMIT
    ) -> tuple[list[Event], list[int], int, bool]:
        """(events, their hub_seqs, next cursor, more); items that are not valid events are
        left out (pull_page returns them)."""
        events, seqs, nxt, more, _ = self.pull_page(after, limit)
        return events, seqs, nxt, more

    def pull_page(
        self,
        after: int,
        limit: int = protocol.DEFAULT_PULL_LIMIT,
        *,
        path: str = "/v1/pull",
        param: str = "after",
    ) -> tuple[list[Event], list[int], int, bool, list[Unparsed]]:
        """(events, their hub_seqs, next cursor, more, items that are not valid events). An
        item that fails its schema or cannot be read is returned apart, to be quarantined: one
        bad item never refuses the page."""
        data = self._request("GET", path, params={param: after, "limit": limit})
        try:
            items = data["events"]
            nxt, more = data["next"], data["more"]
            if type(items) is not list or type(nxt) is not int or type(more) is not bool:
                raise TypeError("events, next or more")
        except (KeyError, TypeError) as err:
            raise HubUnavailable(f"the hub's pull answer has the wrong shape ({err})") from err
        events: list[Event] = []
        seqs: list[int] = []
        bad: list[Unparsed] = []
        for item in items:
            hub_seq = item.get("hub_seq") if isinstance(item, dict) else None
            hub_seq = hub_seq if type(hub_seq) is int else None
            raw = item.get("event") if isinstance(item, dict) else item
            event_id = raw.get("id") if isinstance(raw, dict) else None
            event_id = event_id if type(event_id) is str and len(event_id) <= 64 else ""
            problems = schema.problems(raw) if isinstance(raw, dict) else ["not an object"]
            try:
                if problems:
                    raise ValueError("; ".join(problems))
                events.append(Event.from_dict(raw))
                seqs.append(hub_seq)
            except (KeyError, TypeError, ValueError, OverflowError) as err:
                try:
                    text = json.dumps(raw, ensure_ascii=False)[: 256 * 1024]
                except (TypeError, ValueError):  # pragma: no cover - it came as JSON
                    text = ""
                bad.append(
                    Unparsed(
                        hub_seq,
                        event_id,
                        text,
                        "invalid_event" if problems else "unparseable",
                        str(err)[:500],
                    )
                )
        return events, seqs, max(nxt, after), more, bad

    def own_page(
        self, after_seq: int, limit: int = protocol.DEFAULT_PULL_LIMIT
    ) -> tuple[list[Event], list[int], int, bool, list[Unparsed]]:
        """This desk's own events with seq > after_seq (as pull_page; `next` is a seq)."""
        return self.pull_page(after_seq, limit, path="/v1/own", param="after_seq")

    def reference(self, have: dict[str, int]) -> dict[str, tuple[int, dict[str, Any]]]:
        params = {kind: have.get(kind, 0) for kind in protocol.REFERENCE_KINDS}
        data = self._request("GET", "/v1/reference", params=params)
        out = {}
        for kind, item in (data.get("reference") or {}).items():
            if isinstance(item, dict) and isinstance(item.get("data"), dict):
                out[kind] = (int(item["version"]), item["data"])
        return out


def encode_event(ev: Event) -> str:
    """An event's wire JSON: orjson (compact, UTF-8, several times faster), or json when orjson
    cannot write it (an integer past 64 bits, a lone surrogate): the hub reads either."""
    d = ev.to_dict()
    try:
        return orjson.dumps(d).decode("utf-8")
    except (TypeError, orjson.JSONEncodeError):
        return json.dumps(d, ensure_ascii=False, separators=(",", ":"))


def loads_answer(content: bytes) -> Any:
    """The hub's answer as JSON: orjson first; json when orjson refuses it (an integer past 64
    bits or a lone surrogate in a pulled event, which the border then quarantines by itself:
    one odd event never makes the whole page unreadable). ValueError when neither reads it."""
    try:
        return orjson.loads(content)
    except orjson.JSONDecodeError:
        return json.loads(content.decode("utf-8"))
