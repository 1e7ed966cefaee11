"""The today panel counts right on a prepared database, and each count opens its list."""

from __future__ import annotations

from motcua_desk.services import IntakeRequest
from tests.helpers import local


def prepare(services, clock) -> dict[str, str]:
    def rx(proc, name, at):
        clock.set(at)
        return services.dossiers.intake(IntakeRequest(proc, name)).dossier.code

    codes = {}
    codes["overdue"] = rx("1.004873", "Lê Văn Cũ", local(2026, 11, 16, 9, 0))
    services.dossiers.handoff(
        [codes["overdue"]], "Công chức Tư pháp - Hộ tịch", receiver="Lý Văn Nhận"
    )
    codes["result"] = rx("1.004873", "Trần Thị Kết", local(2026, 11, 17, 9, 0))
    services.dossiers.handoff(
        [codes["result"]], "Phòng Kinh tế", receiver="Lý Văn Nhận", redirect=True
    )
    clock.set(local(2026, 11, 18, 10, 0))
    services.dossiers.receive_result([codes["result"]])
    codes["soon"] = rx("1.004873", "Phạm Văn Sớm", local(2026, 11, 19, 14, 0))
    codes["today"] = rx("1.001193", "Nguyễn Văn A", local(2026, 11, 23, 9, 0))
    codes["later"] = rx("1.004873", "Nguyễn Văn B", local(2026, 11, 23, 9, 5))
    clock.set(local(2026, 11, 23, 9, 10))
    return codes


EXPECTED = {
    "due_today": 1,
    "due_soon": 1,
    "overdue": 1,
    "waiting_long": 1,
    "results_waiting": 1,
    "received_today": 2,
}


def test_today_counts(make_window, services, clock, qtbot):
    codes = prepare(services, clock)
    window = make_window(services)
    panel = window.today_view
    for kind, n in EXPECTED.items():
        assert panel.count(kind) == n, kind
        assert panel._buttons[kind].text().split()[0] == str(n)
    assert services.dossiers.today().__dict__ == EXPECTED
    # the overdue count opens the overdue list, with the dossier in it
    panel._buttons["overdue"].click()
    view = window.page("dossiers")
    qtbot.waitUntil(lambda: view.model.rowCount() == 1, timeout=3000)
    assert view.model.row(0).code == codes["overdue"]
    assert window.current_page() == "dossiers"
    assert "1" in view.title.text()


def test_counts_follow_a_change(window, services, clock, qtbot):
    panel = window.today_view
    assert panel.count("received_today") == 0
    with qtbot.waitSignal(panel.counted, timeout=5000):
        window.worker.mutate(
            lambda svc: svc.dossiers.intake(IntakeRequest("1.001193", "Đỗ Thị Mới"))
        )
    assert panel.count("received_today") == 1
    assert panel.count("due_today") == 1
