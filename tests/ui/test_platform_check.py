"""On Linux, a missing X11 library of Qt's xcb plugin is named, with the package to install,
before Qt would abort the process."""

from __future__ import annotations

import sys
from pathlib import Path

from motcua_desk.ui import platform_check as pc


def test_only_an_xcb_start_on_linux_is_checked():
    assert pc.uses_xcb({}, "linux")
    assert pc.uses_xcb({"QT_QPA_PLATFORM": "xcb"}, "linux")
    assert not pc.uses_xcb({"QT_QPA_PLATFORM": "offscreen"}, "linux")
    assert not pc.uses_xcb({"XDG_SESSION_TYPE": "wayland"}, "linux")
    assert not pc.uses_xcb({}, "win32")
    assert pc.xcb_problem({}, "win32", find=lambda _lib: None) == ""


def test_what_the_loader_cannot_find_is_named_with_its_package(monkeypatch):
    monkeypatch.setattr(
        pc,
        "unresolved_by_ldd",
        lambda files: ["libxcb-icccm.so.4", "libxcb-cursor.so.0", "libfoo.so.2"],
    )
    text = pc.xcb_problem({}, "linux", files=[])
    assert "sudo apt install libxcb-icccm4 libxcb-cursor0 libfoo.so.2" in text


def test_without_ldd_each_known_library_is_looked_up(monkeypatch):
    monkeypatch.setattr(pc.shutil, "which", lambda _name: None)
    present = {"xcb-cursor", "EGL", "GL", "fontconfig", "dbus-1", "xkbcommon-x11"}
    text = pc.xcb_problem({}, "linux", find=lambda lib: lib if lib in present else None)
    assert "libxcb-icccm4" in text and "libxcb-cursor0" not in text
    assert pc.xcb_problem({}, "linux", find=lambda lib: lib) == ""


def test_ldd_on_a_library_that_resolves_finds_nothing_missing():
    if not sys.platform.startswith("linux") or pc.shutil.which("ldd") is None:
        return
    import _ctypes

    assert pc.unresolved_by_ldd([Path(_ctypes.__file__)]) == []


def test_the_window_command_says_what_to_install_and_exits_2(monkeypatch, tmp_path, capsys):
    from motcua_desk.cli import main

    monkeypatch.setattr(
        pc, "xcb_problem", lambda: "the window cannot start: … sudo apt install libxcb-icccm4"
    )
    assert main(["--db", str(tmp_path / "d.sqlite3")]) == 2
    assert "sudo apt install libxcb-icccm4" in capsys.readouterr().err
    assert not (tmp_path / "d.sqlite3").exists()
