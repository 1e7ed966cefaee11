"""The counter window's layout: the navigation column (F2–F8 and the today panel), the demo
banner, the message bar and the pages, the status bar, and the menus. Built once by MainWindow;
the widgets are kept as the window's attributes (tests and the window's code find them there).
Its strings keep MainWindow's translation context."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QSize, Qt
from PySide6.QtGui import QActionGroup, QIcon
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QSizePolicy,
    QStackedWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from motcua_desk.ui.actions import NAVIGATION, ActionId, plain_text
from motcua_desk.ui.intake_view import IntakeView
from motcua_desk.ui.status_widgets import SyncStatus
from motcua_desk.ui.today_view import TodayView

if TYPE_CHECKING:
    from motcua_desk.ui.main_window import MainWindow

PAGES = ("intake", "dossiers", "handoff", "return", "print", "settings", "reports", "dossier")
NAV_PAGE = dict(zip(NAVIGATION, PAGES[:7], strict=True))


def build_window(window: MainWindow) -> None:
    """Lay the window out (no data read: the worker fills it in later)."""
    window.stack = QStackedWidget(window)
    window.stack.setObjectName("pages")
    window.intake_view = IntakeView(window.ctx, window.actions, window.stack)
    window._add_page("intake", window.intake_view)  # the others on first use (MainWindow.page)
    # but the dossier page, before the window is shown: built later, once the window is on
    # screen, its minimum width comes out a few pixels wider at times, and the window then
    # no longer fits the counter's 1366-pixel screen (tests/ui/test_fits_counter_screen.py)
    window.page("dossier")

    nav = QWidget(window)
    nav.setObjectName("navigation")
    nav_layout = QVBoxLayout(nav)
    nav_layout.setContentsMargins(6, 6, 6, 6)
    nav_layout.setSpacing(2)
    window.nav_group = QActionGroup(window)
    window.nav_group.setExclusive(True)
    window.nav_buttons: dict[str, QToolButton] = {}
    for action_id in NAVIGATION:
        action = window.actions[action_id]
        action.setCheckable(True)
        window.nav_group.addAction(action)
        button = QToolButton(nav)
        action.setIcon(QIcon(f":/icons/{NAV_PAGE[action_id]}.svg"))
        label = plain_text(action.text()).replace("&", "&&")  # && is a literal & here
        action.setIconText(f"{label}   {action.shortcut().toString()}")
        button.setDefaultAction(action)
        button.setIconSize(QSize(22, 22))
        button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        button.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        button.setMinimumHeight(34)
        button.setStyleSheet(
            "QToolButton { padding: 4px 8px; font-size: 11pt; "
            "border: none; border-radius: 4px; text-align: left; } "
            "QToolButton:checked { background: #d6e6f7; color: #0b4f8a; "
            "font-weight: bold; } QToolButton:hover { background: #eef4fb; }"
        )
        window.nav_buttons[NAV_PAGE[action_id]] = button
        nav_layout.addWidget(button)
    nav_layout.addSpacing(12)
    window.today_view = TodayView(window.ctx, nav)
    nav_layout.addWidget(window.today_view)
    nav_layout.addStretch(1)
    nav.setFixedWidth(270)

    window.demo_banner = QLabel(
        QCoreApplication.translate(
            "MainWindow", "DEMO — sample agency: the forms printed here have no legal value."
        ),
        window,
    )
    window.demo_banner.setObjectName("demoBanner")
    window.demo_banner.setStyleSheet(
        "background: #ffb300; color: black; font-weight: bold; padding: 4px 10px;"
    )
    window.demo_banner.hide()

    right = QWidget(window)
    right_layout = QVBoxLayout(right)
    right_layout.setContentsMargins(6, 6, 6, 0)
    right_layout.addWidget(window.demo_banner)
    right_layout.addWidget(window.message_bar)
    right_layout.addWidget(window.stack, 1)

    central = QWidget(window)
    layout = QHBoxLayout(central)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.setSpacing(0)
    layout.addWidget(nav)
    layout.addWidget(right, 1)
    window.setCentralWidget(central)

    # status bar: officer, desk, database; the sync area apart on the right
    bar = window.statusBar()
    window.officer_label = QLabel(window)
    window.officer_label.setObjectName("officerLabel")
    window.desk_label = QLabel(window)
    window.desk_label.setObjectName("deskLabel")
    window.db_label = QLabel(window)
    window.db_label.setObjectName("dbLabel")
    window.db_label.setMaximumWidth(360)
    window.sync_status = SyncStatus(window)
    window.integrity_label = QLabel(window)
    window.integrity_label.setObjectName("integrityLabel")
    window.integrity_label.setStyleSheet("color: #b00020; font-weight: bold;")
    window.integrity_label.hide()
    for w in (window.officer_label, window.desk_label, window.db_label, window.integrity_label):
        bar.addPermanentWidget(w)
    bar.addPermanentWidget(window.sync_status)
    window._paint_status()

    menu = window.menuBar()
    file_menu = menu.addMenu(QCoreApplication.translate("MainWindow", "&File"))
    file_menu.addAction(window.actions[ActionId.QUIT])
    go_menu = menu.addMenu(QCoreApplication.translate("MainWindow", "&Go"))
    for action_id in (*NAVIGATION, ActionId.FIND, ActionId.BACK, ActionId.REFRESH):
        go_menu.addAction(window.actions[action_id])
    go_menu.addSeparator()
    go_menu.addAction(window.actions[ActionId.SYNC_EXCEPTIONS])
    help_menu = menu.addMenu(QCoreApplication.translate("MainWindow", "&Help"))
    help_menu.addAction(window.actions[ActionId.SHORTCUTS])
    # window-wide shortcuts work even when the menu bar is hidden
    window.actions.attach(
        window,
        (
            *NAVIGATION,
            ActionId.FIND,
            ActionId.BACK,
            ActionId.REFRESH,
            ActionId.SHORTCUTS,
            ActionId.QUIT,
        ),
    )
