"""Issue 10: the sync engine reports which dossiers a round changed, so the window refreshes
only those (and everything past MAX_NAMED_CHANGES)."""

from __future__ import annotations

from motcua_desk.sync import client
from tests.sync.helpers import register


def test_a_round_names_the_dossiers_it_changed(hub, desks, monkeypatch):
    register(hub, desks[:2])
    a, b = desks[:2]
    codes = sorted(a.intake(f"Người {i}").dossier.code for i in range(3))
    a.sync(hub.url)
    engine = b.engine(hub.url)
    report = engine.run_once()
    assert report.changed == tuple(codes) and engine.status().changed == tuple(codes)
    assert engine.run_once().changed == ()  # nothing new
    b.services.dossiers.handoff([codes[0]], "Công chức Tư pháp - Hộ tịch", receiver="Hà Văn C")
    b.sync(hub.url)
    assert a.sync(hub.url).changed == (codes[0],)
    monkeypatch.setattr(client, "MAX_NAMED_CHANGES", 1)
    more = sorted(b.intake(f"Khác {i}").dossier.code for i in range(2))
    b.sync(hub.url)
    assert more and a.sync(hub.url).changed is None  # too many to name: refresh everything
