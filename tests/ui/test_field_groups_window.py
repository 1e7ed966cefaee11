"""Field groups in the window: set on the Settings screen (one group a line, the group this desk
serves chosen beside it), refused plainly with nothing saved, and the served group's procedures
first in the intake's procedure picker."""

from __future__ import annotations


def _settings(window, qtbot):
    view = window.go("settings")
    qtbot.waitUntil(lambda: view.fields_note.text() != "", timeout=10_000)
    return view


def test_groups_saved_from_settings_lead_the_picker(window, services, qtbot):
    view = _settings(window, qtbot)
    assert "Đất đai" in view.fields_note.text()
    view.groups_edit.setPlainText("Nhóm 1: ho tich, Chứng thực\nNhóm đất đai: Đất đai, xay dung")
    # the choice of the served group follows the names typed
    assert [view.serves_combo.itemData(i) for i in range(view.serves_combo.count())] == [
        None,
        "Nhóm 1",
        "Nhóm đất đai",
    ]
    view.serves_combo.setCurrentIndex(2)
    with qtbot.waitSignal(view.groups_loaded, timeout=10_000):
        view.groups_save.click()
    assert [(g.name, g.fields) for g in services.catalog.field_groups()] == [
        ("Nhóm 1", ("Hộ tịch", "Chứng thực")),
        ("Nhóm đất đai", ("Đất đai", "Xây dựng")),
    ]
    assert services.catalog.served_group() == "Nhóm đất đai"
    assert view.groups_edit.toPlainText() == (
        "Nhóm 1: Hộ tịch, Chứng thực\nNhóm đất đai: Đất đai, Xây dựng"
    )
    assert view.serves_combo.currentData() == "Nhóm đất đai"

    # the intake's picker: the served fields' procedures first, before the habits of the desk
    intake = window.go("intake")
    intake.ui.procedureSearch.setText("")
    intake.search_now()
    qtbot.waitUntil(lambda: intake.ui.procedureList.count() > 4, timeout=10_000)
    fields = [m.field for m in intake._matches]
    n = sum(f in ("Đất đai", "Xây dựng") for f in fields)
    assert n == 4 and set(fields[:n]) == {"Đất đai", "Xây dựng"}


def test_bad_groups_are_said_plainly_and_nothing_saved(window, services, qtbot):
    view = _settings(window, qtbot)
    services.catalog.set_field_group("Nhóm 1", ["Hộ tịch"])
    for text, words in (
        ("Nhóm 1 Hộ tịch", "Name: field, field"),
        ("Nhóm 1: Hộ tịch\nNhóm 2: hộ tịch", "already in another group"),
        ("Nhóm 1: Không có", 'no field "Không có"'),
        ("Nhóm 1:", "needs at least one field"),
    ):
        view.groups_edit.setPlainText(text)
        view.groups_save.click()
        qtbot.waitUntil(lambda w=words: w in view.status.text(), timeout=10_000)
        assert [(g.name, g.fields) for g in services.catalog.field_groups()] == [
            ("Nhóm 1", ("Hộ tịch",))
        ]
