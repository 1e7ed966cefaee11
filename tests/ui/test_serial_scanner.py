"""The scanner in serial mode (USB-COM), through a real pseudo-terminal pair: pyserial opens
the slave side as the scanner's port, the test writes the scanner's bytes to the master side.
Nothing sleeps: every step waits on a signal."""

from __future__ import annotations

import logging
import os
import sys
import tty

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from motcua_desk.ui.serial_scanner import Dropped, LineAssembler, SerialScanner
from tests.domain.test_cccd import NO_OLD_ID
from tests.ui.test_scan_window import receive

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="needs a POSIX pty")

SECRETS = ("026195004321", "Bích Ngọc", "Thôn Đông", "02111995")


class Pty:
    """A pseudo-terminal pair: `path` is the port the scanner program opens; `write` is the
    scanner sending bytes; `pull_cable` closes the scanner's side."""

    def __init__(self) -> None:
        self.master, slave = os.openpty()
        tty.setraw(slave)
        self.path = os.ttyname(slave)
        os.close(slave)  # pyserial opens the slave by its path, as it would COM3

    def write(self, data: bytes) -> None:
        os.write(self.master, data)

    def pull_cable(self) -> None:
        if self.master >= 0:
            os.close(self.master)
            self.master = -1


@pytest.fixture
def pty_port():
    made = []

    def make() -> Pty:
        p = Pty()
        made.append(p)
        return p

    yield make
    for p in made:
        p.pull_cable()


@pytest.fixture
def all_logs(caplog):
    caplog.set_level(logging.DEBUG)
    return caplog


# --- the line assembler (pure) ----------------------------------------------------------------
def test_lines_end_at_cr_lf_or_crlf_and_may_come_in_pieces():
    a = LineAssembler()
    assert a.feed(b"000.17.22.H56-26") == []
    assert a.feed(b"1123-0001\r") == ["000.17.22.H56-261123-0001"]
    assert a.feed(b"\nABCDEFGH\nIJKLMNOP\r\n\r\n") == ["ABCDEFGH", "IJKLMNOP"]
    text = "Nguyễn Văn Đức".encode()
    assert a.feed(text[:5]) == [] and a.feed(text[5:] + b"\n") == ["Nguyễn Văn Đức"]


def test_too_long_or_not_utf8_is_dropped_whole_and_the_next_line_reads():
    a = LineAssembler()
    assert a.feed(b"x" * 512 + b"\n") == ["x" * 512]
    assert a.feed(b"x" * 513 + b"\n") == [Dropped("too_long", 513)]
    assert a.feed(b"y" * 5000 + b"\r\nOK-LINE-1\n") == [Dropped("too_long", 5000), "OK-LINE-1"]
    assert a.feed("ệ".encode() * 513 + b"\n") == [Dropped("too_long", 3 * 513)]
    assert a.feed(b"Nguy\xe1\xbb n\n" + b"OK-LINE-2\n") == [Dropped("not_utf8", 8), "OK-LINE-2"]


@settings(max_examples=150, deadline=None)
@given(
    lines=st.lists(
        st.text(
            st.characters(blacklist_categories=("Cs",), blacklist_characters="\r\n"),
            min_size=1,
            max_size=600,
        ),
        min_size=1,
        max_size=5,
    ),
    ends=st.lists(st.sampled_from([b"\r", b"\n", b"\r\n"]), min_size=5, max_size=5),
    cut=st.integers(1, 97),
)
def test_any_lines_in_any_pieces(lines, ends, cut):
    data = b"".join(line.encode() + end for line, end in zip(lines, ends, strict=False))
    a = LineAssembler()
    out = []
    for i in range(0, len(data), cut):
        out.extend(a.feed(data[i : i + cut]))
    expected = []
    for line in lines:
        if len(line) > 512:
            expected.append(Dropped("too_long", len(line.encode())))
        elif line.strip():
            expected.append(line.strip())
    assert out == expected


# --- the reader on a real port ----------------------------------------------------------------
def _reader(qtbot, port: str, **kwargs) -> SerialScanner:
    reader = SerialScanner(port, 9600, retry_s=kwargs.pop("retry_s", 0.05), **kwargs)
    with qtbot.waitSignal(reader.opened, timeout=5000):
        reader.start()
    return reader


def test_a_scan_arrives_as_one_line_vietnamese_letters_and_all(qtbot, pty_port, all_logs):
    p = pty_port()
    reader = _reader(qtbot, p.path)
    try:
        payload = NO_OLD_ID.encode()
        with qtbot.waitSignal(reader.scanned, timeout=5000) as got:
            p.write(payload[:40])
            p.write(payload[40:] + b"\r\n")
        assert got.args[0].code == NO_OLD_ID and not got.args[0].repeated
        with qtbot.waitSignal(reader.scanned, timeout=5000) as got:
            p.write(payload + b"\r")
        assert got.args[0].repeated  # the same card again at once: a double scan
        with qtbot.waitSignal(reader.dropped, timeout=5000) as dropped:
            p.write(payload * 5 + b"\n")
        assert dropped.args == ["too_long"]
        with qtbot.waitSignal(reader.dropped, timeout=5000) as dropped:
            p.write(payload.replace("Bích".encode(), b"B\xedch") + b"\n")
        assert dropped.args == ["not_utf8"]
    finally:
        reader.stop()
    assert "dropped (too long)" in all_logs.text and "dropped (not UTF-8)" in all_logs.text
    for secret in SECRETS:
        assert secret not in all_logs.text


def test_the_cable_pulled_and_plugged_back(qtbot, pty_port, tmp_path):
    link = tmp_path / "ttyACM0"  # the name the port has on this PC; the device behind changes
    first = pty_port()
    link.symlink_to(first.path)
    reader = _reader(qtbot, str(link))
    try:
        with qtbot.waitSignal(reader.lost, timeout=5000) as lost:
            first.pull_cable()
        assert lost.args[0] == str(link)
        assert not reader.connected
        second = pty_port()
        link.unlink()
        link.symlink_to(second.path)
        qtbot.waitUntil(lambda: reader.connected, timeout=5000)  # tried again: it is back
        with qtbot.waitSignal(reader.scanned, timeout=5000) as got:
            second.write(b"000.17.22.H56-261123-0007\n")
        assert got.args[0].code == "000.17.22.H56-261123-0007"
    finally:
        reader.stop()
    assert not reader.running


def test_a_port_that_is_not_there_is_told_once_and_tried_again(qtbot, tmp_path):
    missing = tmp_path / "ttyACM9"
    attempts = []

    def opener(port, baud):
        attempts.append(port)
        from motcua_desk.ui.serial_scanner import _open_port

        return _open_port(port, baud)

    reader = SerialScanner(str(missing), retry_s=0.01, opener=opener)
    lost = []
    reader.lost.connect(lambda port, reason: lost.append((port, reason)))
    reader.start()
    try:
        qtbot.waitUntil(lambda: len(attempts) >= 5 and bool(lost), timeout=5000)
        assert lost == [(str(missing), lost[0][1])]  # told once, not at every attempt
    finally:
        reader.stop()


# --- in the window ----------------------------------------------------------------------------
@pytest.fixture
def serial_window(services, make_window, ui_settings, pty_port, qtbot):
    p = pty_port()
    ui_settings.set_scanner_port("serial", p.path, 9600)
    window = make_window(services)
    qtbot.waitUntil(
        lambda: window.serial_scanner is not None and window.serial_scanner.connected, timeout=5000
    )
    window.pty = p
    return window


def test_a_serial_scan_opens_the_dossier(serial_window, services, qtbot):
    window = serial_window
    code = receive(services)
    box = window.intake_view.ui.procedureSearch
    box.setFocus()
    with qtbot.waitSignal(window.dossier_view.shown, timeout=5000) as shown:
        window.pty.write(code.encode() + b"\r\n")
    assert shown.args == [code]
    assert window.current_page() == "dossier"
    assert box.text() == ""


def test_a_serial_card_scan_fills_the_intake(serial_window, qtbot, all_logs):
    window = serial_window
    ui = window.intake_view.ui
    ui.procedureSearch.setFocus()
    window.pty.write(NO_OLD_ID.encode() + b"\n")
    qtbot.waitUntil(lambda: ui.nameEdit.text() != "", timeout=5000)
    assert ui.nameEdit.text() == "Trần Thị Bích Ngọc"
    assert ui.idEdit.text() == "026195004321"
    for secret in SECRETS:
        assert secret not in all_logs.text


def test_the_cable_pulled_in_the_window_is_a_notice_not_a_crash(serial_window, qtbot):
    window = serial_window
    window.pty.pull_cable()
    qtbot.waitUntil(
        lambda: (
            window.message_bar.level == "warning"
            and window.serial_scanner.port in window.message_bar.text
        ),
        timeout=5000,
    )
    assert window.isVisible() and window.serial_scanner.running  # still trying


def test_the_port_is_chosen_in_settings(window, ui_settings, pty_port, qtbot):
    p = pty_port()
    view = window.go("settings")
    view.scanner_mode_combo.setCurrentIndex(view.scanner_mode_combo.findData("serial"))
    assert view.scanner_port_combo.isEnabled()
    view.scanner_port_combo.setEditText(p.path)
    view.scanner_baud_combo.setCurrentIndex(view.scanner_baud_combo.findData(115200))
    view.save_scanner()
    s = ui_settings.scanner
    assert (s.mode, s.port, s.baud) == ("serial", p.path, 115200)
    qtbot.waitUntil(
        lambda: window.serial_scanner is not None and window.serial_scanner.connected, timeout=5000
    )
    assert window.serial_scanner.baud == 115200
    # back to the keyboard wedge: the port is closed
    view.scanner_mode_combo.setCurrentIndex(view.scanner_mode_combo.findData("keyboard"))
    view.save_scanner()
    assert window.serial_scanner is None
    # serial without a port: refused with a message, nothing saved
    view.scanner_mode_combo.setCurrentIndex(view.scanner_mode_combo.findData("serial"))
    view.scanner_port_combo.setEditText("")
    view.save_scanner()
    assert ui_settings.scanner.mode == "keyboard"
    assert view.status.text()
