"""What the hub's JSON limits cost: parsing a full push body (1,000 realistic events) with the
depth / integer / number checks of protocol.parse_json, as a ratio to plain json.loads of the
same bytes in the same run. Results go to .perf/hub_limits.json and are printed."""

from __future__ import annotations

import json

import pytest

from motcua_desk.sync import protocol
from motcua_desk.sync.client import encode_event
from tests.helpers import FakeClock
from tests.perf.harness import Report, median_seconds, size
from tests.sync.helpers import bulk_events, make_desk

pytestmark = pytest.mark.perf

GOAL_RATIO = 2.5  # the limits may at most cost this much over the bare parse


def test_parse_json_limits_cost(tmp_path):
    desk = make_desk(tmp_path, 1, FakeClock())
    try:
        bulk_events(desk, size(250, 250), 4)
        events = desk.repl.pending()[: protocol.MAX_PUSH_EVENTS]
        body = ('{"events":[' + ",".join(encode_event(e) for e in events) + "]}").encode()
    finally:
        desk.close()
    assert protocol.parse_json(body) == json.loads(body)
    repeat = size(15, 40)
    plain = median_seconds(lambda: json.loads(body), repeat=repeat)
    limited = median_seconds(lambda: protocol.parse_json(body), repeat=repeat)
    report = Report("hub_limits")
    report.add(
        "parse a push body",
        events=len(events),
        bytes=len(body),
        plain_ms=plain * 1000,
        limited_ms=limited * 1000,
        ratio=limited / plain,
    )
    report.write()
    assert limited / plain < GOAL_RATIO
