"""Reference data flows hub → desks, versioned: the catalog, departments and calendar overrides;
the desk keeps the newest version it has and uses it at once."""

from __future__ import annotations

from datetime import date

from tests.helpers import local
from tests.sync.helpers import register


def _catalog_with(desk, code: str, **changes) -> dict:
    items = desk.services.catalog.export()["procedures"]
    for item in items:
        if item["code"] == code:
            item.update(changes)
    return {"procedures": items, "catalog_version": "2027.1"}


def test_catalog_and_departments_reach_every_desk(hub, desks):
    register(hub, desks[:2])
    a, b = desks[:2]
    v = hub.store.publish(
        "catalog",
        _catalog_with(
            a, "1.004873", name="Cấp Giấy xác nhận tình trạng hôn nhân (mẫu mới)", time_amount=5
        ),
    )
    assert v == 1
    assert (
        hub.store.publish(
            "catalog",
            _catalog_with(
                a, "1.004873", name="Cấp Giấy xác nhận tình trạng hôn nhân (mẫu mới)", time_amount=5
            ),
        )
        == 1
    )
    hub.store.publish(
        "departments",
        {"departments": [{"name": "Phòng Nội vụ", "short": "NV", "step_working_days": 2}]},
    )
    for d in (a, b):
        report = d.sync(hub.url)
        assert set(report.reference) == {"catalog", "departments"}
        proc = d.services.catalog.get("1.004873")
        assert proc.name.endswith("(mẫu mới)") and proc.time_amount == 5
        assert d.services.catalog.department("NV").name == "Phòng Nội vụ"
        assert d.repl.reference_versions() == {"catalog": 1, "departments": 1}
        assert d.sync(hub.url).reference == ()  # nothing newer: nothing applied again
    # The new version is what intake uses from now on.
    detail = a.intake("Đặng Thị Hoa", procedure="1.004873")
    assert detail.dossier.procedure_name.endswith("(mẫu mới)")


def test_calendar_overrides_apply_and_retract(hub, desks):
    register(hub, desks[:1])
    (a,) = desks[:1]
    wednesday = date(2026, 11, 25)
    before = a.services.dossiers.preview_due("1.004873", local(2026, 11, 23, 9, 0))
    a.services.calendar.add_override(date(2026, 12, 31), "off", "nghỉ riêng của xã")
    hub.store.publish(
        "calendar",
        {
            "overrides": [
                {
                    "day": wednesday.isoformat(),
                    "kind": "off",
                    "reason": "Nghỉ bù theo quyết định",
                    "legal_ref": "QĐ 1/2026",
                }
            ]
        },
    )
    assert a.sync(hub.url).reference == ("calendar",)
    cal = a.services.calendar.calendar()
    assert not cal.is_working_day(wednesday)  # the cached calendar was invalidated
    after = a.services.dossiers.preview_due("1.004873", local(2026, 11, 23, 9, 0))
    assert after.due_at > before.due_at
    # A newer version without that day takes it back; the desk's own override stays.
    hub.store.publish("calendar", {"overrides": []})
    assert a.sync(hub.url).reference == ("calendar",)
    cal = a.services.calendar.calendar()
    assert cal.is_working_day(wednesday)
    assert [o.day for o in a.services.calendar.overrides()] == [date(2026, 12, 31)]
    assert a.repl.reference_versions() == {"calendar": 2}


def test_the_newest_version_wins(desks):
    (a,) = desks[:1]
    data = {"overrides": [{"day": "2026-11-26", "kind": "off", "reason": "v2"}]}
    assert a.repl.apply_reference("calendar", 2, data)
    old = {"overrides": [{"day": "2026-11-27", "kind": "off", "reason": "v1"}]}
    assert not a.repl.apply_reference("calendar", 1, old)  # older: ignored
    assert not a.repl.apply_reference("calendar", 2, old)  # same version: ignored
    assert [o.reason for o in a.services.calendar.overrides()] == ["v2"]


def test_a_bad_set_from_the_hub_changes_nothing_and_sync_goes_on(hub, desks):
    register(hub, desks[:1])
    (a,) = desks[:1]
    hub.store.publish("calendar", {"overrides": [{"day": "31/12/2026", "kind": "off"}]})
    a.intake("Ngô Văn Khoa")
    report = a.sync(hub.url)
    assert report.reference == () and report.accepted == 1
    assert "reference_calendar_invalid" in a.engines[-1].status().warnings
    assert a.services.calendar.overrides() == [] and a.repl.reference_versions() == {}
