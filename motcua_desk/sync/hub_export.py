"""The portal export served by the hub: the same document as a desk's `export portal`
(services.portal.DocumentWriter), over every desk's dossiers the hub holds.

The hub keeps events only (no projection), in the order it numbered them. A dossier's receipt
is always its first event there (a desk pushes its chain in order, and no other desk can act
on a dossier before it has pulled the receipt), so one pass in hub order finds the receipts in
the period and gathers the rest of those dossiers' events; only they are folded.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from datetime import date, datetime
from zoneinfo import ZoneInfo

import orjson

from motcua_desk.domain import portal as portal_mapping
from motcua_desk.domain.calendar import OfficeHours
from motcua_desk.domain.errors import ValidationError
from motcua_desk.domain.events import Event
from motcua_desk.services.portal import DocumentWriter, mappings
from motcua_desk.sync.hubstore import HubStore

PAGE = 5000


def hub_portal_export(
    store: HubStore,
    date_from: date,
    date_to: date,
    *,
    agency_id: str = "",
    version: int | None = None,
    base_url: str = "",
    now: datetime | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> dict:
    if date_to < date_from:
        raise ValidationError("to", "the end date is before the start date", code="range")
    m = portal_mapping.mapping_for(mappings(), date_to, version)
    tz = ZoneInfo(OfficeHours().tz_name)

    def local(moment: datetime) -> datetime:
        return moment.astimezone(tz).replace(tzinfo=None)

    def file_url(sha256: str) -> str:
        return f"{base_url.rstrip('/')}/v1/files/{sha256}" if base_url and sha256 else ""

    wanted: dict[str, list[Event]] = defaultdict(list)
    total = store.head()
    after = 0
    while True:
        page = store.pull(after, PAGE)
        for _hub_seq, body in page.items:
            data = orjson.loads(body)
            dossier = data.get("dossier_id")
            if data.get("type") == "received":
                day = local(datetime.fromisoformat(data["occurred_at"])).date()
                if date_from <= day <= date_to:
                    wanted[dossier].append(Event.from_dict(data))
                    if not agency_id:
                        code = str(data.get("payload", {}).get("code", ""))
                        agency_id = code.partition("-")[0]
            elif dossier in wanted:
                wanted[dossier].append(Event.from_dict(data))
        after = page.next
        if progress is not None:
            progress(min(after, total), total)
        if not page.more:
            break
    writer = DocumentWriter(m, local, file_url)
    for dossier_id, events in wanted.items():
        writer.add(dossier_id, events)
    now = now or datetime.now(tz)
    return writer.document(agency_id, "", date_from, date_to, local(now))


def _day(request, name: str) -> date:
    from motcua_desk.sync.hub import _int_param

    value = _int_param(request, name, 0, 20000101, 20991231)
    try:
        return date(value // 10000, value // 100 % 100, value % 100)
    except ValueError:
        from motcua_desk.sync.protocol import ProtocolError

        raise ProtocolError("bad_request", f"{name} must be a date YYYYMMDD") from None


async def export_endpoint(hub, request):
    """GET /v1/export/portal?from=YYYYMMDD&to=YYYYMMDD[&version=N]: the document, for a
    desk's token (the provincial connector runs with one; no portal credentials here)."""
    from starlette.concurrency import run_in_threadpool
    from starlette.responses import Response

    from motcua_desk.sync.hub import _int_param
    from motcua_desk.sync.protocol import ProtocolError

    await hub._desk(request)
    date_from, date_to = _day(request, "from"), _day(request, "to")
    if date_to < date_from:
        raise ProtocolError("bad_request", "to is before from")
    version = _int_param(request, "version", 0, 0, 1000) or None
    base = str(request.base_url).rstrip("/")
    try:
        doc = await run_in_threadpool(
            hub_portal_export, hub.store, date_from, date_to, version=version, base_url=base
        )
    except ValidationError as err:
        raise ProtocolError("bad_request", str(err)) from None
    return Response(orjson.dumps(doc), media_type="application/json")
