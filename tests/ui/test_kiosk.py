"""The lookup station: read-only for real (a write through its connection fails and the file
is unchanged), what it shows and what it never shows, the neutral refusal, the idle reset."""

from __future__ import annotations

import hashlib
import sqlite3

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QTextBrowser

from motcua_desk.app import open_lookup_services
from motcua_desk.cli import main as cli_main
from motcua_desk.domain.dto import DocumentLine
from motcua_desk.domain.errors import NotFound, ValidationError
from motcua_desk.domain.text import mask_name
from motcua_desk.services import IntakeRequest
from motcua_desk.ui.i18n import install_translator, remove_translator
from motcua_desk.ui.kiosk import IDLE_MS, MAX_FAILURES, KioskWindow
from motcua_desk.ui.worker import Worker
from tests.ui.helpers import scan, type_like_a_human
from tests.ui.test_other_screens import DEPT

CCCD = "001099012345"
PHONE = "0912345678"
ADDRESS = "Số 7 ngõ Hòa Bình, phường Đông Ngạc"


def _receive(services, name="Nguyễn Văn An", id_number=CCCD, procedure="1.004873"):
    return services.dossiers.intake(
        IntakeRequest(procedure, name, id_number=id_number, phone=PHONE, address=ADDRESS)
    ).dossier.code


@pytest.fixture
def desk(services):
    """Three dossiers on the desk: one in process, one with its result ready, one waiting for
    supplements; and one without a CCCD."""
    codes = {"process": _receive(services), "ready": _receive(services, "Trần Thị Bích Ngọc")}
    services.dossiers.handoff([codes["ready"]], DEPT, receiver="Lý Văn Nhận")
    services.dossiers.receive_result([codes["ready"]])
    codes["supplement"] = _receive(services, "Lê Văn Cường")
    services.dossiers.request_supplement(
        codes["supplement"],
        "Thiếu giấy tờ",
        items=[DocumentLine("Bản sao Giấy khai sinh", "copy", "Bản sao", 1)],
    )
    codes["no_id"] = _receive(services, "Phạm Thị Dung", id_number="")
    return codes


@pytest.fixture
def kiosk_services(desk, db_path, clock):
    svc = open_lookup_services(db_path, clock=clock)
    yield svc
    svc.close()


@pytest.fixture
def kiosk(qtbot, kiosk_services):
    made = []

    def make(**kwargs) -> KioskWindow:
        worker = Worker(lambda: kiosk_services)
        window = KioskWindow(worker, **kwargs)
        qtbot.addWidget(window)
        window.show()
        qtbot.waitExposed(window)
        window.activateWindow()
        qtbot.waitUntil(window.isActiveWindow)
        window.start()
        made.append((window, worker))
        return window

    yield make
    for window, worker in made:
        window.close()
        worker.stop()


def _digest(path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


# --- read-only --------------------------------------------------------------------------------
def test_nothing_can_be_written_through_the_kiosks_connection(desk, services, db_path, clock):
    services.close()  # the counter closed: its last changes are in the file itself
    before = _digest(db_path)
    kiosk = open_lookup_services(db_path, clock=clock)
    try:
        assert kiosk.lookup.by_slip(desk["ready"]).status == "result_ready"
        assert kiosk.lookup.procedures("khai sinh")
        with pytest.raises(Exception) as refused:  # a use case that writes
            kiosk.dossiers.note(desk["ready"], "viết thử")
        assert (
            "readonly" in str(refused.value).lower().replace(" ", "")
            or "read-only" in str(refused.value).lower()
        )
        with pytest.raises(Exception, match="(?i)read.?only|query_only|readonly"):
            kiosk.settings.set_officer("Ai Đó")
        engine = kiosk._store.engine
        with engine.connect() as conn:
            assert conn.exec_driver_sql("PRAGMA query_only").scalar() == 1
            for sql in (
                "DELETE FROM events",
                "UPDATE dossiers SET applicant_name = 'x'",
                "CREATE TABLE evil (x)",
            ):
                with pytest.raises(Exception, match="(?i)readonly|read-only|query_only"):
                    conn.exec_driver_sql(sql)
        # even with query_only lifted by hand the connection was opened read-only by SQLite
        raw = engine.raw_connection()
        try:
            raw.execute("PRAGMA query_only = OFF")
            with pytest.raises(sqlite3.OperationalError, match="readonly"):
                raw.execute("DELETE FROM events")
        finally:
            raw.close()
    finally:
        kiosk.close()
    assert _digest(db_path) == before
    wal = db_path.with_name(db_path.name + "-wal")
    assert not wal.exists() or wal.stat().st_size == 0


def test_the_kiosk_sees_what_the_counter_writes_while_it_is_open(desk, services, kiosk_services):
    assert kiosk_services.lookup.by_slip(desk["process"]).status == "received"
    services.dossiers.handoff([desk["process"]], DEPT, receiver="Lý Văn Nhận")
    services.dossiers.receive_result([desk["process"]])
    assert kiosk_services.lookup.by_slip(desk["process"]).status == "result_ready"


def test_a_database_of_another_version_or_none_is_refused(tmp_path, capsys):
    missing = tmp_path / "none.sqlite3"
    assert cli_main(["kiosk", "--db", str(missing), "--windowed"]) == 2
    assert "no desk database" in capsys.readouterr().err
    assert not missing.exists()
    other = tmp_path / "other.sqlite3"
    sqlite3.connect(other).execute("CREATE TABLE t (x)").connection.commit()
    assert cli_main(["kiosk", "--db", str(other)]) == 2


# --- what is shown ---------------------------------------------------------------------------
def test_mask_name():
    assert mask_name("Nguyễn Văn An") == "Nguyễn V*** A***"
    assert mask_name("Trần Thị Bích Ngọc") == "Trần T*** B*** N***"
    assert mask_name("  Lê   Đức ") == "Lê Đ***"
    assert mask_name("Hùng") == "H***"
    assert mask_name("") == ""


def test_the_same_neutral_refusal_for_every_miss(desk, kiosk_services):
    look = kiosk_services.lookup
    assert look.by_code_and_id(desk["process"], CCCD[-4:]).masked_name == "Nguyễn V*** A***"
    misses = []
    for code, digits in (
        (desk["process"], "9999"),  # wrong digits
        (desk["process"][:-4] + "0999", CCCD[-4:]),  # no such code
        ("rubbish", CCCD[-4:]),
        (desk["no_id"], "0000"),
    ):  # no CCCD on file: only the slip works
        with pytest.raises(NotFound) as err:
            look.by_code_and_id(code, digits)
        misses.append((err.value.code, str(err.value)))
    assert len(set(misses)) == 1 and misses[0][0] == "lookup_no_match"
    assert look.by_slip(desk["no_id"]).status == "received"
    for bad in ("123", "12345", "12a4", "١٢٣٤"):
        with pytest.raises(ValidationError):
            look.by_code_and_id(desk["process"], bad)


def _all_text(window) -> str:
    parts = [w.text() for w in window.findChildren(QLabel)]
    parts += [w.toPlainText() for w in window.findChildren(QTextBrowser)]
    return "\n".join(parts)


def test_typed_code_and_digits_show_the_status_and_nothing_personal(kiosk, desk, qtbot, key_clock):
    window = kiosk()
    window.code_edit.setFocus()
    type_like_a_human(window, desk["supplement"], key_clock, enter=True)
    assert window.digits_edit.hasFocus()
    with qtbot.waitSignal(window.looked_up, timeout=5000) as got:
        type_like_a_human(window, CCCD[-4:], key_clock, enter=True)
    assert got.args[0].code == desk["supplement"]
    assert window.stack.currentWidget() is window.result_page
    text = _all_text(window)
    assert "Lê V*** C***" in text
    assert "more papers" in text and "Bản sao Giấy khai sinh" in text
    # no return date while papers are awaited: its time restarts from zero when they come
    assert window.detail_values["due"].text() == "—"
    for secret in (CCCD, CCCD[-4:], PHONE, ADDRESS, "Lê Văn Cường", "Thiếu giấy tờ"):
        assert secret not in text


def test_a_scanned_slip_with_the_result_ready(kiosk, desk, qtbot, key_clock, qapp):
    translator = install_translator(qapp, "vi")
    try:
        window = kiosk()
        with qtbot.waitSignal(window.looked_up, timeout=5000):
            scan(window, desk["ready"], key_clock)
        assert window.ready_label.text() == "Kết quả đã có, mời ông/bà đến quầy nhận"
        assert window.detail_values["name"].text() == "Trần T*** B*** N***"
        assert "Giấy tiếp nhận hồ sơ" in window.bring_label.text()
        assert "CCCD" in window.bring_label.text()
        assert window.detail_values["due"].text()
        assert window.code_edit.text() == ""  # the scan never landed in the box
    finally:
        remove_translator(qapp, translator)
        install_translator(qapp, "en")


def test_wrong_code_and_wrong_digits_read_the_same_and_five_lock(kiosk, desk, qtbot):
    window = kiosk()
    messages = []
    for code, digits in ((desk["process"], "1111"), (desk["process"][:-1] + "9", CCCD[-4:])):
        window.code_edit.setText(code)
        window.digits_edit.setText(digits)
        with qtbot.waitSignal(window.no_match, timeout=5000):
            window.look_up()
        messages.append(window.message.text())
        assert window.stack.currentWidget() is window.start_page
    assert messages[0] == messages[1] and messages[0]
    for _ in range(MAX_FAILURES - 2):
        window.code_edit.setText(desk["process"])
        window.digits_edit.setText("2222")
        with qtbot.waitSignal(window.no_match, timeout=5000):
            window.look_up()
    assert window.locked and not window.lookup_button.isEnabled()
    window.lockout_timer.timeout.emit()  # the minute has passed (the timer is the clock)
    window.lockout_timer.stop()
    assert not window.locked and window.lookup_button.isEnabled()
    window.code_edit.setText(desk["process"])
    window.digits_edit.setText(CCCD[-4:])
    with qtbot.waitSignal(window.looked_up, timeout=5000):
        window.look_up()


def test_the_id_card_is_not_looked_up(kiosk, desk, qtbot, key_clock):
    from tests.domain.test_cccd import NO_OLD_ID

    window = kiosk()
    scan(window, NO_OLD_ID, key_clock)
    qtbot.waitUntil(lambda: "ID card" in window.message.text(), timeout=5000)
    assert window.stack.currentWidget() is window.start_page


# --- idle -------------------------------------------------------------------------------------
def test_back_to_the_start_after_the_idle_time(kiosk, desk, qtbot):
    assert KioskWindow.__init__.__kwdefaults__["idle_ms"] == IDLE_MS == 30_000
    window = kiosk(idle_ms=200)
    window.code_edit.setText(desk["process"])
    window.digits_edit.setText(CCCD[-4:])
    with qtbot.waitSignal(window.looked_up, timeout=5000):
        window.look_up()
    assert window.idle_timer.isActive()
    with qtbot.waitSignal(window.went_home, timeout=5000):
        pass  # the idle timer fires: nothing of the last citizen stays
    assert window.stack.currentWidget() is window.start_page
    assert window.code_edit.text() == "" and window.digits_edit.text() == ""
    assert "Nguyễn" not in _all_text(window)


def test_any_key_restarts_the_idle_timer(kiosk, qtbot):
    window = kiosk(idle_ms=60_000)
    window.idle_timer.stop()
    qtbot.keyClick(window.code_edit, Qt.Key.Key_A)
    assert window.idle_timer.isActive() and window.idle_timer.interval() == 60_000
    window.idle_timer.stop()
    qtbot.mouseClick(window.digits_edit, Qt.MouseButton.LeftButton)
    assert window.idle_timer.isActive()


# --- procedures -------------------------------------------------------------------------------
def test_procedures_searchable_without_diacritics(kiosk, qtbot):
    window = kiosk()
    with qtbot.waitSignal(window.procedures_shown, timeout=5000):
        window.procedures_button.click()
    assert window.procedure_list.count() > 5
    with qtbot.waitSignal(window.procedures_shown, timeout=5000) as shown:
        window.search_edit.setText("chung thuc ban sao")
    assert shown.args[0] >= 1
    first = window.procedure_list.item(0).text()
    assert "Chứng thực bản sao" in first
    text = window.procedure_text.toPlainText()
    assert "Papers to submit" in text and "Processing time" in text
    with qtbot.waitSignal(window.procedures_shown, timeout=5000) as shown:
        window.search_edit.setText("xyzzy khong co")
    assert shown.args == [0]
    window.procedures_back.click()
    assert window.stack.currentWidget() is window.start_page
