"""The hub's HTTP surface: every bad request refused with the right status and a reason, and
nothing stored; per-event answers for events that are well-formed but wrong."""

from __future__ import annotations

import json
from dataclasses import replace

import httpx
import pytest

from motcua_desk.domain.events import GENESIS_HASH
from motcua_desk.sync import protocol
from motcua_desk.sync.client import HubClient, HubRefused, encode_event
from motcua_desk.sync.hubstore import HubStoreError
from tests.sync.helpers import register


@pytest.fixture
def two(hub, desks):
    """Desks 1 and 2 registered; desk 1 has three events, desk 2 one; both bound (hello)."""
    a, b = desks[:2]
    register(hub, [a, b])
    for _ in range(3):
        a.intake()
    b.intake()
    for d in (a, b):
        me = d.repl.identity()
        HubClient(hub.url, d.token).hello(
            node_id=me.node_id,
            desk_no=me.desk_no,
            agency_id=me.agency_id,
            desk_time_ms=int(hub.store.clock().timestamp() * 1000),
        )
    return a, b


def post(hub, path, token=None, body=b"", content_type="application/json", headers=None):
    h = {"Content-Type": content_type, **(headers or {})}
    if token:
        h["Authorization"] = f"Bearer {token}"
    return httpx.post(hub.url + path, content=body, headers=h, timeout=30)


def push_body(events) -> bytes:
    return ('{"events":[' + ",".join(encode_event(e) for e in events) + "]}").encode()


def assert_refused(r: httpx.Response, status: int, error: str) -> None:
    assert r.status_code == status, r.text
    body = r.json()
    assert body["error"] == error and body["detail"]


def test_health_needs_no_token_and_tells_the_time(hub, hub_clock):
    r = httpx.get(hub.url + "/v1/health", timeout=30)
    assert r.status_code == 200
    assert r.json()["status"] == "ok" and r.json()["protocol"] == protocol.PROTOCOL_VERSION
    assert r.json()["hub_time_ms"] == int(hub_clock().timestamp() * 1000)
    assert r.headers[protocol.HUB_TIME_HEADER]


def test_bad_requests_are_refused_and_nothing_is_stored(hub, two):
    a, b = two
    events = a.repl.pending()
    good = push_body(events)
    cases = [
        # (what, response, status, error)
        ("no token", post(hub, "/v1/push", None, good), 401, "unauthorized"),
        ("unknown token", post(hub, "/v1/push", "not-a-token", good), 401, "unauthorized"),
        ("another desk's token", post(hub, "/v1/push", b.token, good), 403, "foreign_node"),
        (
            "events of another node",
            post(hub, "/v1/push", a.token, push_body(events + b.repl.pending())),
            403,
            "foreign_node",
        ),
        ("malformed JSON", post(hub, "/v1/push", a.token, good[:-7]), 400, "bad_json"),
        ("not JSON at all", post(hub, "/v1/push", a.token, b"\xff\xfe garbage"), 400, "bad_json"),
        ("wrong shape", post(hub, "/v1/push", a.token, b'{"event": []}'), 400, "bad_request"),
        (
            "a huge body",
            post(
                hub,
                "/v1/push",
                a.token,
                b'{"events":["' + b"x" * (protocol.MAX_BODY_BYTES + 10) + b'"]}',
            ),
            413,
            "too_large",
        ),
        (
            "too many events",
            post(hub, "/v1/push", a.token, push_body(events * (protocol.MAX_PUSH_EVENTS // 3 + 1))),
            413,
            "too_large",
        ),
        (
            "not an event",
            post(hub, "/v1/push", a.token, b'{"events":[{"id": 1}]}'),
            422,
            "bad_event",
        ),
        (
            "not JSON content",
            post(hub, "/v1/push", a.token, good, "text/plain"),
            415,
            "unsupported_media_type",
        ),
        (
            "newer protocol",
            post(hub, "/v1/push", a.token, good, headers={protocol.PROTOCOL_HEADER: "99"}),
            400,
            "unsupported_protocol",
        ),
    ]
    for what, r, status, error in cases:
        assert r.status_code == status, f"{what}: {r.status_code} {r.text}"
        assert r.json()["error"] == error and r.json()["detail"], what
    assert cases[0][1].headers["www-authenticate"] == "Bearer"
    assert hub.store.event_count() == 0
    assert {d.name: d.node_id for d in hub.store.desks()} == {
        "Quầy 1": a.repl.identity().node_id,
        "Quầy 2": b.repl.identity().node_id,
    }
    # The same push, done right, is taken whole.
    r = post(hub, "/v1/push", a.token, good)
    assert r.status_code == 200
    assert [x["status"] for x in r.json()["results"]] == ["accepted"] * 3
    assert hub.store.event_count() == 3


def test_every_endpoint_but_health_wants_a_token(hub, two):
    for method, path in (
        ("GET", "/v1/pull"),
        ("GET", "/v1/reference"),
        ("POST", "/v1/hello"),
        ("POST", "/v1/push"),
    ):
        r = httpx.request(method, hub.url + path, timeout=30)
        assert_refused(r, 401, "unauthorized")


def test_pull_parameters_are_checked(hub, two):
    a, _ = two
    h = {"Authorization": f"Bearer {a.token}"}
    for query in ("after=-1", "after=x", "limit=0", f"limit={protocol.MAX_PULL_LIMIT + 1}"):
        assert_refused(
            httpx.get(f"{hub.url}/v1/pull?{query}", headers=h, timeout=30), 400, "bad_request"
        )


def test_hello_checks_the_desk_number_and_the_installation(hub, two, desks):
    a, b, c = desks
    me = a.repl.identity()
    client = HubClient(hub.url, a.token)
    with pytest.raises(HubRefused) as err:  # set up locally as desk 5, registered as desk 1
        client.hello(node_id=me.node_id, desk_no=5, agency_id=me.agency_id, desk_time_ms=0)
    assert (err.value.status, err.value.error) == (409, "desk_no_mismatch")
    other = c.repl.identity()  # a third installation using desk 1's token
    with pytest.raises(HubRefused) as err:
        client.hello(node_id=other.node_id, desk_no=1, agency_id=other.agency_id, desk_time_ms=0)
    assert (err.value.status, err.value.error) == (409, "node_mismatch")
    # An installation may not take a second desk registration either.
    _, token = hub.store.add_desk("Quầy 3", 3)
    with pytest.raises(HubRefused) as err:
        HubClient(hub.url, token).hello(node_id=me.node_id, desk_no=3, agency_id="", desk_time_ms=0)
    assert (err.value.status, err.value.error) == (409, "node_mismatch")


def test_a_desk_number_is_registered_once(hub):
    hub.store.add_desk("Quầy 1", 1)
    with pytest.raises(HubStoreError, match="already registered"):
        hub.store.add_desk("Quầy Một", 1)
    with pytest.raises(HubStoreError, match="already exists"):
        hub.store.add_desk("Quầy 1", 2)
    assert [d.desk_no for d in hub.store.desks()] == [1]


def test_a_disabled_desk_or_rotated_token_is_refused(hub, two):
    a, _ = two
    hub.store.set_active("Quầy 1", False)
    assert_refused(
        post(hub, "/v1/push", a.token, push_body(a.repl.pending())), 403, "desk_disabled"
    )
    hub.store.set_active("Quầy 1", True)
    new = hub.store.rotate_token("Quầy 1")
    assert_refused(post(hub, "/v1/push", a.token, push_body(a.repl.pending())), 401, "unauthorized")
    assert post(hub, "/v1/push", new, push_body(a.repl.pending())).status_code == 200


def test_per_event_answers(hub, two):
    """Well-formed events that cannot be stored are rejected one by one with a reason; the
    others in the same batch are stored."""
    a, _ = two
    e1, e2, e3 = a.repl.pending()
    client = HubClient(hub.url, a.token)
    assert [r.status for r in client.push([e1])] == ["accepted"]
    tampered = replace(e2, officer="Kẻ sửa")  # hash no longer matches
    forged = replace(e1, payload={**e1.payload, "sets": 9}).sealed()  # same id, new content
    fork = replace(e3, id=e2.id[:-4] + "ffff", prev_hash=GENESIS_HASH).sealed()  # seq 3, bad link
    results = client.push([tampered, forged, e2, fork])
    assert [(r.status, r.reason) for r in results] == [
        ("rejected", "hash_mismatch"),
        ("rejected", "id_conflict"),
        ("accepted", None),
        ("rejected", "chain_mismatch"),
    ]
    # A different event with a sequence number the hub already has.
    clash = replace(e2, id=e2.id[:-4] + "eeee").sealed()
    assert [(r.status, r.reason) for r in client.push([clash, e1, e3])] == [
        ("rejected", "seq_conflict"),
        ("duplicate", None),
        ("accepted", None),
    ]
    assert hub.store.event_count() == 3
    assert [r.hub_seq for r in client.push([e1, e2, e3])] == [1, 2, 3]


def test_rejected_events_stay_unsent_and_are_listed(hub, two):
    """A desk whose event the hub refuses keeps it, counts it, and offers it again."""
    a, _ = two
    e1, e2, e3 = a.repl.pending()
    bad = replace(e2, hash="0" * 64)
    HubClient(hub.url, a.token).push([e1, replace(e2, id=e2.id), e3])  # all fine here
    assert hub.store.event_count() == 3
    a.repl.record_rejections({bad.id: "hash_mismatch"})
    assert a.repl.counts().rejected == 1
    a.sync(hub.url)  # acknowledged as duplicates: the rejection is cleared
    assert (a.repl.counts().unsent, a.repl.counts().rejected) == (0, 0)


def test_pull_leaves_out_the_desks_own_events(hub, two):
    a, b = two
    HubClient(hub.url, a.token).push(a.repl.pending())
    HubClient(hub.url, b.token).push(b.repl.pending())
    events, seqs, nxt, more = HubClient(hub.url, a.token).pull(0, 10)
    assert [e.node_id for e in events] == [b.repl.identity().node_id]
    assert (seqs, nxt, more) == ([4], 4, False)
    events, seqs, nxt, more = HubClient(hub.url, b.token).pull(0, 2)
    assert (len(events), nxt, more) == (2, 2, True)
    data = json.loads(
        httpx.get(
            f"{hub.url}/v1/pull?after=2&limit=5",
            timeout=30,
            headers={"Authorization": f"Bearer {b.token}"},
        ).text
    )
    assert [x["hub_seq"] for x in data["events"]] == [3] and data["next"] == 4
