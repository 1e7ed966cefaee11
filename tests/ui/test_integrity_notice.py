"""The window's background integrity check: nothing said when all is well; a plain notice
that stays, and a status bar item, when records were changed outside the program. The check
starts only after the window is ready (it never delays the first paint or today's counts)."""

from __future__ import annotations

import sqlite3

from motcua_desk.services import IntakeRequest


def test_an_intact_desk_says_nothing(qtbot, services, make_window):
    services.dossiers.intake(IntakeRequest("1.004873", "Nguyễn Văn An"))
    window = make_window(services, wait_ready=False)
    seen_at_ready = []
    window.ready.connect(lambda: seen_at_ready.append(window.integrity.started))
    with qtbot.waitSignal(window.integrity.finished, timeout=20_000) as blocker:
        pass
    assert seen_at_ready == [False]  # started after the window was ready, not before
    assert blocker.args[0].ok
    assert not window.integrity_label.isVisible()
    assert window.message_bar.level != "error"


def test_an_altered_record_is_said_plainly(qtbot, services, db_path, make_window):
    d = services.dossiers.intake(IntakeRequest("1.004873", "Nguyễn Văn An")).dossier
    conn = sqlite3.connect(db_path)
    conn.execute("UPDATE events SET officer = 'Người khác' WHERE dossier_id = ?", (d.id,))
    conn.commit()
    conn.close()
    window = make_window(services, wait_ready=False)
    with qtbot.waitSignal(window.integrity.broken, timeout=20_000) as blocker:
        pass
    report = blocker.args[0]
    assert not report.ok and report.breaks[0].code == d.code
    assert window.message_bar.isVisible() and window.message_bar.level == "error"
    text = window.message_bar.text
    assert "do not restore a backup" in text and "Contact IT" in text
    assert window.integrity_label.isVisible()
    assert d.code in window.integrity_label.toolTip()
    assert window.isEnabled()  # not modal: the officer can keep working


def test_a_never_checked_history_is_checked_a_slice_per_start(
    qtbot, services, db_path, make_window
):
    """Each start spends at most its budget; the next start goes on where the last one
    stopped (the checkpoint), until the whole history is covered; an edited event found in a
    later slice is still named."""
    from motcua_desk.services.integrity import CHECKPOINT, IntegrityService
    from motcua_desk.ui.integrity_check import IntegrityCheck

    made = [
        services.dossiers.intake(IntakeRequest("1.004873", f"Nguyễn Văn {i}")).dossier
        for i in range(12)
    ]
    conn = sqlite3.connect(db_path)
    total = conn.execute("SELECT count(*) FROM events").fetchone()[0]
    last = made[-1]
    conn.execute("UPDATE events SET officer = 'Người khác' WHERE dossier_id = ?", (last.id,))
    conn.execute("DELETE FROM settings WHERE key = ?", (CHECKPOINT,))  # never checked before
    conn.commit()
    conn.close()
    window = make_window(services, wait_ready=True)
    integrity = IntegrityService.from_services(services)
    starts = []
    while True:
        check = IntegrityCheck(window.worker, window, step_events=3, budget_s=0.0)
        with qtbot.waitSignal(check.finished, timeout=20_000) as blocker:
            check.start()
        starts.append(check)
        assert blocker.args[0].events <= 3
        if not check.paused:
            break
        assert check.steps == 1  # a zero budget: one step per start
        assert blocker.args[0].ok  # the edited dossier comes last
        assert 0 < sum(s for s, _h in integrity.checkpoint().values()) < total
    assert len(starts) > 3
    report = starts[-1].result
    assert not report.ok and report.breaks[0].code == last.code
