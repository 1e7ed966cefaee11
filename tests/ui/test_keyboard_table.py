"""The keyboard as one table (issue 9): a walk over every screen of the window and every dialog
it opens, in Vietnamese and in English. On no screen do two Alt+letter mnemonics collide, each
is on a plain letter (no diacritic: Alt+ô cannot be typed on the counter PC's keyboard), and
every dialog button can be reached by Tab. The table is printed (pytest -s) for the note."""

from __future__ import annotations

import json
import os

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QAbstractButton, QApplication, QDialog, QWidget

from motcua_desk.services import IntakeRequest
from motcua_desk.ui.i18n import install_translator, remove_translator
from tests.ui.keyboard import collisions, mnemonics, not_plain

SCREENS = ("intake", "dossiers", "handoff", "return", "print", "settings", "reports", "dossier")


@pytest.fixture(params=["vi", "en"])
def language(request, qapp):
    translator = install_translator(qapp, request.param)
    yield request.param
    remove_translator(qapp, translator)
    install_translator(qapp, "en")


def _plain(text: str) -> str:
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&")


def _shortcuts_live(window) -> dict[str, set[str]]:
    """Key sequence -> the actions it triggers now: window-wide ones, and local ones whose
    widget is on the screen shown."""
    live: dict[str, set[str]] = {}
    for action in window.findChildren(QAction):
        if not action.isEnabled() or action.shortcut().isEmpty():
            continue
        if action.shortcutContext() != Qt.ShortcutContext.WindowShortcut:
            holders = [w for w in action.associatedObjects() if isinstance(w, QWidget)]
            if not any(w.isVisible() for w in holders):
                continue
        seq = action.shortcut().toString()
        live.setdefault(seq, set()).add(action.text().replace("&", ""))
    return live


def _tab_reaches(dialog: QWidget, qtbot) -> set[str]:
    """The buttons Tab reaches, going round the dialog's focus chain once or twice."""
    reached: set[str] = set()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog, timeout=5000)
    start = QApplication.focusWidget()
    left = False  # a date-time edit takes Tab through its own sections first
    for _ in range(80):
        qtbot.keyClick(QApplication.focusWidget() or dialog, Qt.Key.Key_Tab)
        w = QApplication.focusWidget()
        if isinstance(w, QAbstractButton):
            reached.add(w.text())
        if w is not start:
            left = True
        elif left:
            break
    return reached


def _dialogs_of_the_dossier(window, qtbot):
    """Every dialog the dossier screen opens, by its actions (each opened, then cancelled)."""
    view = window.dossier_view
    opened = []
    for name in ("handoff", "note", "void", "stop", "refuse", "extend", "supplement"):
        before = set(window.findChildren(QDialog))
        handler = getattr(view, f"ask_{name}", None) or getattr(view, name, None)
        if handler is None:
            continue
        try:
            handler()
        except TypeError:
            continue
        new = [d for d in window.findChildren(QDialog) if d not in before and d.isVisible()]
        opened.extend((name, d) for d in new)
    return opened


def test_no_mnemonic_collides_on_any_screen_and_each_is_a_plain_letter(
    language, services, make_window, qtbot, capsys
):
    window = make_window(services)  # after the translator: the screens are built in it
    d = services.dossiers.intake(IntakeRequest("1.004873", "Đoàn Thị Phím")).dossier
    table: list[tuple[str, str, str]] = []
    raw: list[tuple[str, str]] = []
    problems: list[str] = []
    for screen in SCREENS:
        if screen == "dossier":
            with qtbot.waitSignal(window.dossier_view.shown, timeout=10_000):
                window.open_dossier(d.code)
        else:
            window.go(screen)
        where = f"{language}:{screen}"
        for letter, text, _w in mnemonics(window):
            table.append((where, f"Alt+{letter.upper()}", _plain(text)))
            raw.append((screen, text))
        clash = collisions(window)
        if clash:
            problems.append(f"{where}: {clash}")
        keys = _shortcuts_live(window)
        for seq, names in keys.items():
            if len(names) > 1:
                problems.append(f"{where}: {seq} does {sorted(names)}")
        for seq, names in sorted(keys.items()):
            table.append((where, seq, ", ".join(sorted(names))))
        bad = not_plain(window)
        if bad:
            problems.append(f"{where}: not a plain letter: {bad}")
    dump = os.environ.get("MOTCUA_KEYBOARD_DUMP")
    if dump:
        with open(f"{dump}.{language}.json", "w", encoding="utf-8") as fh:
            json.dump(raw, fh, ensure_ascii=False)
    with capsys.disabled():
        print(f"\nkeyboard table ({language}): {len(table)} mnemonics")
        for row in table:
            print("  ", *row, sep=" | ")
    assert not problems, "\n".join(problems)


DIALOGS = {  # dossier state -> the dossier screen's actions that open a dialog there
    "received": ("handoff", "supplement", "refuse", "extend", "stop", "note", "void", "reprint"),
    "at_department": ("receive_result",),
    "result_ready": ("return",),
}


def test_every_dialog_has_distinct_plain_mnemonics_and_tab_reaches_every_button(
    language, services, clock, make_window, qtbot, capsys
):
    window = make_window(services)
    depts = [x.name for x in services.catalog.departments()]
    made = {}
    for state in DIALOGS:
        d = services.dossiers.intake(
            IntakeRequest("1.004873", f"Lê Thị {state.replace('_', ' ')}")
        ).dossier
        if state != "received":
            clock.advance(minutes=5)
            services.dossiers.handoff([d.code], depts[0], receiver="Lý Văn Bình", redirect=True)
        if state == "result_ready":
            clock.advance(minutes=5)
            services.dossiers.receive_result([d.code], giver="Lý Văn Bình")
        made[state] = d.code
    problems: list[str] = []
    rows: list[str] = []
    view = window.dossier_view
    for state, handlers in DIALOGS.items():
        for name in handlers:
            with qtbot.waitSignal(view.shown, timeout=10_000):
                window.open_dossier(made[state])
            view.current_dialog = None
            view.controller.run(name)
            qtbot.waitUntil(
                lambda: view.current_dialog is not None and view.current_dialog.isVisible(),
                timeout=5000,
            )
            dialog = view.current_dialog
            where = f"{language}:{name}"
            clash = collisions(dialog)
            if clash:
                problems.append(f"{where}: {clash}")
            bad = not_plain(dialog)
            if bad:
                problems.append(f"{where}: not a plain letter: {bad}")
            buttons = {
                b.text()
                for b in dialog.findChildren(QAbstractButton)
                if b.isVisibleTo(dialog)
                and b.isEnabled()
                and b.focusPolicy() & Qt.FocusPolicy.TabFocus
            }
            unreachable = [
                b.text()
                for b in dialog.findChildren(QAbstractButton)
                if b.isVisibleTo(dialog)
                and b.isEnabled()
                and not b.focusPolicy() & Qt.FocusPolicy.TabFocus
            ]
            reached = _tab_reaches(dialog, qtbot)
            missing = (buttons - reached) | set(unreachable)
            if missing:
                problems.append(f"{where}: Tab does not reach {sorted(missing)}")
            rows.append(
                f"{where}: "
                + ", ".join(
                    f"Alt+{letter.upper()} {text.replace('&', '')}"
                    for letter, text, _w in mnemonics(dialog)
                )
            )
            dialog.reject()
            qtbot.waitUntil(lambda d=dialog: not d.isVisible(), timeout=5000)
    with capsys.disabled():
        print(f"\ndialog keyboard table ({language}):")
        for r in rows:
            print("  ", r)
    assert not problems, "\n".join(problems)
