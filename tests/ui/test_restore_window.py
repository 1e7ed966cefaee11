"""Restore from the window (Cài đặt), on a desk that syncs with a real hub on 127.0.0.1: the
backup goes in place while the window stays open, intake is refused with a way to sync, the
background sync takes the desk's later dossiers back, and the next code is new."""

from __future__ import annotations

from pathlib import Path

from motcua_desk.app import open_services
from motcua_desk.ui.main_window import MainWindow
from motcua_desk.ui.worker import Worker
from tests.sync.helpers import HubThread, make_desk
from tests.ui.test_intake_outcomes import fill
from tests.ui.test_sync_window import WAIT, close_for_good, engine_factory


def test_restore_from_the_window_takes_the_later_dossiers_back_before_any_intake(
    tmp_path, qtbot, ui_settings, clock, monkeypatch
):
    hub = HubThread(f"sqlite:///{tmp_path / 'hub.sqlite3'}", clock=clock)
    desk = make_desk(tmp_path, 1, clock)
    token = hub.store.add_desk("Quầy 1", 1)[1]
    desk.services.replication.save_hub_settings(hub.url, token)
    desk.token = token
    early = [desk.intake(f"Hà Văn Trước {i}").dossier for i in range(2)]
    desk.sync(hub.url)
    backup = desk.services.maintenance.backup(tmp_path / "backup.sqlite3")
    later = [desk.intake(f"Hà Thị Sau {i}").dossier for i in range(3)]
    desk.sync(hub.url)
    printed = {d.code for d in early + later}
    desk.close()

    worker = Worker(lambda: open_services(desk.path, clock=clock))
    window = MainWindow(
        worker,
        ui_settings,
        clock=clock,
        db_path=desk.path,
        log_path=Path("motcua-desk.log"),
        sync_factory=engine_factory,
    )
    window.show()
    qtbot.waitExposed(window)
    try:
        with qtbot.waitSignal(window.ready, timeout=10_000):
            window.start()
        qtbot.waitUntil(lambda: window.sync.snapshot.state == "online", timeout=WAIT)
        window.sync.set_enabled(False)  # so that the intake below meets the restore first
        settings = window.page("settings")
        asked: list[str] = []
        monkeypatch.setattr(settings, "ask_backup_file", lambda: str(backup))
        monkeypatch.setattr(settings, "confirm_restore", lambda p: asked.append(p) or True)
        with qtbot.waitSignal(settings.restored, timeout=WAIT):
            settings.restore_button.click()
        assert asked == [str(backup)]
        assert "kept as" in settings.status.text() or "giữ" in settings.status.text()
        assert list(tmp_path.glob("desk1.sqlite3.before-restore-*"))

        # intake is refused, says why, and offers to sync
        view = fill(window, qtbot)
        view.save()
        qtbot.waitUntil(lambda: getattr(view, "restore_box", None) is not None, timeout=WAIT)
        box = view.restore_box
        assert "restored" in box.text() or "khôi phục" in box.text()
        sync_now = box.findChild(type(box.buttons()[0]), "syncNow")
        assert sync_now is not None
        box.close()

        # sync on: the hub gives back the later dossiers
        window.sync.set_enabled(True)
        window.sync.sync_now()

        found: list = []

        def ask() -> None:
            worker.query(
                lambda svc: [svc.dossiers.find_by_code(d.code).dossier.code for d in later],
                success=found.append,
                failure=lambda e: found.append(None),
            )

        def back() -> bool:
            if not found:
                return False
            if found[-1] == [d.code for d in later]:
                return True
            found.clear()
            ask()  # not yet: ask again (answers come back by signal)
            return False

        ask()
        qtbot.waitUntil(back, timeout=WAIT)
        done: list = []
        view = fill(window, qtbot)
        with qtbot.waitSignal(view.saved, timeout=WAIT) as saved:
            view.save()
        code = saved.args[0].dossier.code
        assert code not in printed
        done.append(code)
        for open_box in window.findChildren(type(box)):
            open_box.close()
    finally:
        close_for_good(qtbot, window)
        worker.stop()
        window.deleteLater()
        hub.stop()
