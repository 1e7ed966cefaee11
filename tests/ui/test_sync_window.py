"""The window syncing with a real hub on 127.0.0.1: the sync worker's thread, the status area,
the exceptions list, the Đồng bộ settings, and closing with events not yet sent. No sleeps:
every wait is on a condition or a signal, with a timeout."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

import tests.sync.helpers as sync_helpers
from motcua_desk.services import IntakeRequest, Services
from motcua_desk.services.replication import ReplicationService
from motcua_desk.sync.client import Backoff, SyncEngine
from motcua_desk.sync.hub import make_server
from motcua_desk.ui.i18n import install_translator, remove_translator
from motcua_desk.ui.main_window import MainWindow
from motcua_desk.ui.worker import Worker
from tests.helpers import FakeClock
from tests.sync.helpers import HubThread, make_desk
from tests.ui.test_intake_outcomes import fill

FAST = Backoff(base=0.05, cap=0.3, jitter=0.0)  # a hub that is away is tried again at once
WAIT = 15_000


ENGINE_THREADS: list[str] = []  # where engines were built and their status came from


def engine_factory(replication, *, hub_url="", token="", on_status=None, cafile=""):
    """What the composition root gives the window, with quick retries for the tests."""
    ENGINE_THREADS.append(threading.current_thread().name)

    def status(st):
        ENGINE_THREADS.append(threading.current_thread().name)
        if on_status is not None:
            on_status(st)

    return SyncEngine(
        replication,
        hub_url=hub_url,
        token=token,
        on_status=status,
        retries=0,
        backoff=FAST,
        verify=cafile or True,
    )


@pytest.fixture
def store_url(tmp_path) -> str:
    return f"sqlite:///{tmp_path / 'hub.sqlite3'}"


@pytest.fixture
def hub(store_url, clock):
    """A hub with the desks' clock (no skew)."""
    h = HubThread(store_url, clock=clock)
    yield h
    if h.thread.is_alive():
        h.stop()


def hub_on_port(store_url, port, clock, monkeypatch) -> HubThread:
    """The hub back at the address the desk knows (HubThread takes a free port)."""
    with monkeypatch.context() as m:
        m.setattr(
            sync_helpers,
            "make_server",
            lambda store, **kw: make_server(store, **{**kw, "port": port}),
        )
        return HubThread(store_url, clock=clock)


@pytest.fixture
def vietnamese(qapp):
    translator = install_translator(qapp, "vi")
    yield
    remove_translator(qapp, translator)
    install_translator(qapp, "en")


def close_for_good(qtbot, window, answer_close=True):
    """Close the window; answer the unsent-events question when it is asked."""
    if window.closed_for_good:
        return
    window.close()

    def done():
        box = window.unsent_box
        if box is not None and box.isVisible() and answer_close:
            box.close_button.click()
        return window.closed_for_good

    qtbot.waitUntil(done, timeout=WAIT)


@pytest.fixture
def open_window(qtbot, ui_settings, clock):
    made = []

    def open_(services):
        worker = Worker(lambda: services)
        window = MainWindow(
            worker,
            ui_settings,
            clock=clock,
            db_path=Path("desk.sqlite3"),
            log_path=Path("motcua-desk.log"),
            sync_factory=engine_factory,
        )
        window.show()  # not qtbot.addWidget: pytest-qt would close it before our teardown
        qtbot.waitExposed(window)
        with qtbot.waitSignal(window.ready, timeout=10_000):
            window.start()
        made.append((window, worker))
        return window

    yield open_
    for window, worker in made:
        close_for_good(qtbot, window)
        worker.stop()
        window.deleteLater()


@pytest.fixture
def other_desk(tmp_path, clock, hub):
    """Desk 2 of the same office, on its own file, registered on the hub."""
    (tmp_path / "other").mkdir()
    desk = make_desk(tmp_path / "other", 2, FakeClock(clock()))
    desk.token = hub.store.add_desk("Quầy 2", 2)[1]
    yield desk
    desk.close()


def set_up_hub(services, hub) -> str:
    token = hub.store.add_desk("Quầy 1", 1)[1]
    services.replication.save_hub_settings(hub.url, token)
    return token


def online(window, unsent=None):
    snap = window.sync.snapshot
    return snap.state == "online" and (unsent is None or snap.unsent == unsent)


def test_window_pushes_pulls_and_shows_the_last_sync(open_window, services, hub, other_desk, qtbot):
    ENGINE_THREADS.clear()
    set_up_hub(services, hub)
    window = open_window(services)
    area = window.sync_status
    qtbot.waitUntil(lambda: online(window), timeout=WAIT)
    assert window.sync.running

    # an intake made in the window (the form, Ctrl+S path) is pushed at once
    view = fill(window, qtbot)
    with qtbot.waitSignal(window.print_flow.preview_opened, timeout=20_000) as opened:
        view.save()
    opened.args[0].close()
    qtbot.waitUntil(
        lambda: hub.store.event_count() == 1 and online(window, unsent=0), timeout=WAIT
    )  # received (the slip is logged when a printer takes it)
    assert area.online.text() == "● Online" and area.unsent.text() == "Unsent: 0"
    assert area.last.text() == "Last sync: 09:00 23/11/2026"

    # a dossier made at desk 2 reaches this window's search after a pull
    search = window.go("dossiers")
    search.search_edit.setText("tran thi mai")
    search.search()
    qtbot.waitUntil(lambda: not search.model.loading, timeout=WAIT)
    assert search.model.rowCount() == 0
    code = other_desk.intake("Trần Thị Mai").dossier.code
    other_desk.sync(hub.url)
    seen = []
    window.worker.changed.connect(seen.append)
    with qtbot.waitSignal(window.sync.data_arrived, timeout=WAIT):
        window.sync.sync_now()
    qtbot.waitUntil(lambda: search.model.rowCount() == 1, timeout=WAIT)
    assert search.model.row(0).code == code
    # the engine named the dossier it changed: the views refresh that, not everything
    pulled = [c for c in seen if c.origin == "external"]
    assert pulled and pulled[0].codes == {code} and not pulled[0].everything
    # the network and the engine's status ran on the sync thread only
    assert ENGINE_THREADS and {t.rsplit("-", 1)[0] for t in ENGINE_THREADS} == {"motcua-sync"}


def test_hub_away_then_back(open_window, services, hub, store_url, clock, monkeypatch, qtbot):
    set_up_hub(services, hub)
    window = open_window(services)
    area = window.sync_status
    qtbot.waitUntil(lambda: online(window, unsent=0), timeout=WAIT)
    port = hub.sock.getsockname()[1]
    hub.stop()

    with qtbot.waitSignal(window.worker.changed, timeout=WAIT):
        window.worker.mutate(
            lambda svc: svc.dossiers.intake(IntakeRequest("1.001193", "Đinh Văn Vắng"))
        )
    qtbot.waitUntil(
        lambda: window.sync.snapshot.state == "offline" and window.sync.snapshot.unsent == 1,
        timeout=WAIT,
    )
    assert area.online.text() == "○ Offline" and area.unsent.text() == "Unsent: 1"
    assert "cannot be reached" in area.online.toolTip()
    assert window.sync.snapshot.error_code == "hub_unavailable"
    # The next rounds while the hub is away: the bar keeps saying offline, never "syncing"
    # (a round that cannot reach the hub takes seconds of retries on a real LAN).
    painted: list[tuple[str, str]] = []
    window.sync.status_changed.connect(
        lambda snap: painted.append((snap.state, area.online.text()))
    )
    qtbot.waitUntil(lambda: len(painted) >= 4, timeout=WAIT)
    assert {state for state, _ in painted} == {"offline"}, painted
    assert {text for _, text in painted} == {"○ Offline"}, painted
    assert window.sync.snapshot.error_code == "hub_unavailable"

    back = hub_on_port(store_url, port, clock, monkeypatch)
    try:
        qtbot.waitUntil(lambda: online(window, unsent=0), timeout=WAIT)  # retried by itself
        assert back.store.event_count() == 1
        assert area.unsent.text() == "Unsent: 0"
    finally:
        close_for_good(qtbot, window)
        back.stop()


def _result_ready(services, clock, code):
    clock.advance(minutes=5)
    services.dossiers.handoff([code], "TP-HT", receiver="Lý Văn Nhận")
    clock.advance(minutes=5)
    services.dossiers.receive_result([code])


def test_a_real_conflict_in_the_exceptions_list(
    open_window, services, hub, other_desk, clock, vietnamese, qtbot
):
    set_up_hub(services, hub)
    code = services.dossiers.intake(IntakeRequest("1.001193", "Hoàng Văn Dũng")).dossier.code
    _result_ready(services, clock, code)
    window = open_window(services)
    qtbot.waitUntil(lambda: online(window, unsent=0), timeout=WAIT)
    other_desk.sync(hub.url)  # desk 2 knows the dossier, result ready

    # cut off from each other, both desks hand the result out
    clock.advance(minutes=10)
    services.dossiers.return_result(code, "Hoàng Văn Dũng")
    other_desk.clock.advance(minutes=30)
    other_desk.services.dossiers.return_result(code, "Hoàng Thị Em")
    other_desk.sync(hub.url)
    window.sync.sync_now()
    qtbot.waitUntil(
        lambda: window.sync.snapshot.conflicts == 1 and online(window, unsent=0), timeout=WAIT
    )
    area = window.sync_status
    assert area.conflicts.isVisible() and area.conflicts.text() == "Ngoại lệ đồng bộ: 1"
    # told when it arrives: a notice that stays, with a way to the list
    bar = window.message_bar
    assert bar.isVisible() and bar.level == "warning" and "1" in bar.label.text()
    assert bar.action_button.isVisible()
    # the losing row is marked in the dossier's history
    with qtbot.waitSignal(window.dossier_view.shown, timeout=WAIT):
        window.open_dossier(code)
    timeline = window.dossier_view.timeline
    marked = [r for r in range(timeline.rowCount()) if timeline.item(r, 1).font().strikeOut()]
    assert len(marked) == 1 and "không áp dụng" in timeline.item(marked[0], 1).text()
    assert (
        "Hoàng Thị Em" in timeline.item(marked[0], 1).text()
        or "Cán bộ 2" in timeline.item(marked[0], 5).text()
    )
    window.sync.sync_now()  # another round: the same exception is not announced again
    qtbot.waitUntil(lambda: online(window, unsent=0), timeout=WAIT)
    bar.close_button.click()
    window.sync.sync_now()
    qtbot.waitUntil(lambda: online(window, unsent=0), timeout=WAIT)
    assert not bar.isVisible()

    # a click on the sync area opens the list
    qtbot.mouseClick(area, Qt.MouseButton.LeftButton)
    dialog = window._sync_dialog
    qtbot.waitUntil(lambda: len(dialog.items) == 1, timeout=WAIT)
    assert dialog.isVisible() and dialog.table.rowCount() == 1
    assert dialog.table.item(0, 0).text() == code
    text = dialog.detail.text()
    assert "Cán bộ 2 (bàn khác)" in text  # who lost, where
    assert "“Đã trả kết quả”" in text  # against what status
    assert "Nông Thị Thư (bàn này)" in text  # what stands
    assert "Hoàng Văn Dũng" in text  # the citizen the result is recorded for
    assert "Liên hệ công dân" in text and "đánh dấu đã xem" in text  # what to do
    with qtbot.waitSignal(window.dossier_view.shown, timeout=WAIT) as shown:
        dialog.open_button.click()
    assert shown.args == [code] and window.current_page() == "dossier"

    dialog = window.show_sync_exceptions()
    qtbot.waitUntil(lambda: len(dialog.items) == 1, timeout=WAIT)
    with qtbot.waitSignal(dialog.loaded, timeout=WAIT, check_params_cb=lambda n: n == 0):
        dialog.seen_button.click()
    assert not dialog.table.isVisible() and "Không có ngoại lệ" in dialog.heading.text()
    qtbot.waitUntil(lambda: not area.conflicts.isVisible(), timeout=WAIT)
    assert services.dossiers.conflicts() == []
    dialog.close()


def test_close_with_unsent_events_says_how_many(open_window, services, hub, vietnamese, qtbot):
    set_up_hub(services, hub)
    window = open_window(services)
    qtbot.waitUntil(lambda: online(window, unsent=0), timeout=WAIT)
    hub.stop()
    services.dossiers.intake(IntakeRequest("1.001193", "Phan Văn Chờ"))  # not sent yet

    window.close()
    qtbot.waitUntil(
        lambda: window.unsent_box is not None and window.unsent_box.isVisible(), timeout=WAIT
    )
    box = window.unsent_box
    assert box.text() == "Còn 1 sự kiện chưa gửi lên máy chủ."
    assert box.stay_button.text() == "Ở lại" and box.close_button.text() == "Vẫn đóng"
    box.stay_button.click()
    qtbot.waitUntil(lambda: window.unsent_box is None, timeout=WAIT)
    assert window.isVisible() and not window.closed_for_good and window.sync.running

    window.close()
    qtbot.waitUntil(
        lambda: window.unsent_box is not None and window.unsent_box.isVisible(), timeout=WAIT
    )
    window.unsent_box.close_button.click()
    qtbot.waitUntil(lambda: window.closed_for_good, timeout=WAIT)
    assert not window.isVisible() and not window.sync.running


def test_close_with_nothing_unsent_asks_nothing(open_window, services, hub, qtbot):
    set_up_hub(services, hub)
    window = open_window(services)
    qtbot.waitUntil(lambda: online(window, unsent=0), timeout=WAIT)
    run = window.sync._run
    window.close()  # no question: closing completes by itself
    qtbot.waitUntil(lambda: window.closed_for_good, timeout=WAIT)
    assert window.unsent_box is None and not window.isVisible()
    assert run.done.wait(5) and not run.thread.is_alive()  # the sync thread was stopped


def test_settings_refuse_a_wrong_token_and_save_a_good_one(
    open_window, services, hub, vietnamese, qtbot
):
    good = hub.store.add_desk("Quầy 1", 1)[1]
    other_number = hub.store.add_desk("Quầy 5", 5)[1]
    window = open_window(services)
    area = window.sync_status
    qtbot.waitUntil(lambda: window.sync.attached, timeout=WAIT)
    # the GUI thread holds the replication service for the sync threads, not the Services
    assert isinstance(window.sync._replication, ReplicationService)
    assert not any(isinstance(v, Services) for v in vars(window.sync).values())
    assert (
        window.sync.snapshot.state == "unset"
        and area.online.text() == "Đồng bộ: chưa thiết lập"
        and not window.sync.running
    )

    view = window.go("settings")
    result = view.sync_result

    def check(url, token):
        view.hub_url_edit.setText(url)
        view.hub_token_edit.setText(token)
        with qtbot.waitSignal(window.sync.check_finished, timeout=WAIT) as done:
            view.hub_check.click()
        return done.args[0]

    assert check(hub.url, "ma-sai") is False
    assert result.text().startswith("Máy chủ không nhận mã truy cập này")
    assert check(hub.url, other_number) is False
    assert "số bàn khác với số bàn của máy này" in result.text()
    assert check("http://127.0.0.1:9", good) is False
    assert result.text().startswith("Không kết nối được máy chủ đồng bộ")
    assert services.replication.hub_settings() is None  # nothing wrong was stored
    assert not window.sync.running and hub.store.event_count() == 0

    assert check(hub.url, good) is True
    assert result.text().startswith("Đã kết nối")
    saved = services.replication.hub_settings()
    assert (saved.url, saved.token) == (hub.url, good)
    qtbot.waitUntil(lambda: online(window), timeout=WAIT)  # the loop started on them
    assert area.online.text() == "● Trực tuyến"

    view.sync_toggle.click()  # turn sync off, then on again
    qtbot.waitUntil(lambda: window.sync.snapshot.state == "stopped", timeout=WAIT)
    assert not window.sync.running and area.online.text() == "Đồng bộ: đã tắt"
    assert view.sync_toggle.text() == "&Bật đồng bộ"
    view.sync_toggle.click()
    qtbot.waitUntil(lambda: online(window), timeout=WAIT)


def test_a_desk_clock_far_from_the_hub_is_told(open_window, services, store_url, qtbot):
    hub = HubThread(store_url)  # the hub's real clock; the desk lives on 23/11/2026
    try:
        set_up_hub(services, hub)
        window = open_window(services)
        qtbot.waitUntil(lambda: online(window), timeout=WAIT)
        area = window.sync_status
        assert window.sync.snapshot.clock_warning
        assert area.clock.isVisible() and area.clock.text().startswith("⚠ Clock off by")
        assert "set the clock right" in area.clock.toolTip()
        close_for_good(qtbot, window)
    finally:
        hub.stop()
