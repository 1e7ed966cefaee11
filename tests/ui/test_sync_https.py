"""Cài đặt → Đồng bộ with an https hub that has the office's own certificate: the CA file
field, its Vietnamese refusal when the file is missing, the connection check trusting it, and
the background sync using it afterwards. A real TLS hub on 127.0.0.1."""

from __future__ import annotations

from tests.sync.helpers import HubThread
from tests.sync.tls import self_signed
from tests.ui.test_sync_window import (  # noqa: F401 - fixtures
    WAIT,
    online,
    open_window,
    vietnamese,
)


def test_the_settings_take_a_ca_file_and_the_window_syncs_over_https(
    open_window,  # noqa: F811
    services,
    vietnamese,  # noqa: F811
    qtbot,
    tmp_path,
    clock,
):
    cert, key = self_signed(tmp_path)
    hub = HubThread(
        f"sqlite:///{tmp_path / 'hub.sqlite3'}", clock=clock, certfile=str(cert), keyfile=str(key)
    )
    try:
        token = hub.store.add_desk("Quầy 1", 1)[1]
        window = open_window(services)
        qtbot.waitUntil(lambda: window.sync.attached, timeout=WAIT)
        view = window.go("settings")
        assert view.hub_ca_edit.isVisibleTo(view) and view.hub_ca_pick.text() == "Chọn…"
        view.hub_url_edit.setText(hub.url)
        view.hub_token_edit.setText(token)

        # A CA file that does not exist: said in Vietnamese, nothing tried, nothing saved.
        view.hub_ca_edit.setText(str(tmp_path / "khong-co.pem"))
        view.hub_check.click()
        assert view.sync_result.text().startswith("Không dùng được tệp chứng chỉ")
        assert not window.sync.checking and services.replication.hub_settings() is None

        # No CA file: the hub's certificate is not trusted.
        view.hub_ca_edit.setText("")
        with qtbot.waitSignal(window.sync.check_finished, timeout=WAIT) as done:
            view.hub_check.click()
        assert done.args[0] is False
        assert view.sync_result.text().startswith("Không kết nối được máy chủ đồng bộ")
        assert services.replication.hub_settings() is None

        # The office's certificate: connected, saved with the address and token.
        view.hub_ca_edit.setText(str(cert))
        with qtbot.waitSignal(window.sync.check_finished, timeout=WAIT) as done:
            view.hub_check.click()
        assert done.args[0] is True, view.sync_result.text()
        assert view.sync_result.text().startswith("Đã kết nối")
        saved = services.replication.hub_settings()
        assert (saved.url, saved.token, saved.cafile) == (hub.url, token, str(cert.resolve()))

        # The background loop runs on the saved settings, CA file included.
        qtbot.waitUntil(lambda: online(window), timeout=WAIT)
        services.dossiers.intake(_request())
        window.sync.sync_now()
        qtbot.waitUntil(lambda: hub.store.event_count() == 1, timeout=WAIT)
    finally:
        hub.stop()


def _request():
    from motcua_desk.services import IntakeRequest

    return IntakeRequest(procedure_code="1.004873", applicant_name="Lê Văn Cường")
