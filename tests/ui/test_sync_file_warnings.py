"""Issue 14: a scanned file the sync could not move is said in the window's sync status (the
round itself went through), in Vietnamese."""

from __future__ import annotations

from motcua_desk.ui.sync_state import SyncSnapshot
from motcua_desk.ui.sync_texts import problem_text


def test_file_warnings_become_the_status_problem(qapp):
    assert problem_text(SyncSnapshot(state="online")) == ""
    missing = problem_text(SyncSnapshot(state="online", warnings=("file_missing",)))
    waiting = problem_text(SyncSnapshot(state="online", warnings=("file_waiting",)))
    assert "backup" in missing and "hub" in waiting and missing != waiting
    # a failed round says why it failed first
    assert "backup" not in problem_text(
        SyncSnapshot(state="offline", error_code="hub_unavailable", warnings=("file_missing",))
    )


def test_the_status_line_marks_it(qapp, qtbot):
    from motcua_desk.ui.status_widgets import SyncStatus

    w = SyncStatus()
    qtbot.addWidget(w)
    snap = SyncSnapshot(state="online", online=True, warnings=("file_missing",))
    w.paint(True, 0, None, 0, state="online", problem=problem_text(snap))
    assert w.online.text().endswith("⚠") and "backup" in w.online.toolTip()
    w.paint(True, 0, None, 0, state="online", problem="")
    assert not w.online.text().endswith("⚠")
