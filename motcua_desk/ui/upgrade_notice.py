"""What the window says while the DB worker upgrades the database to a new schema: a backup,
then the migrations, which can take a minute on a decade's database. The composition root's
services factory takes a `progress(fraction, revision)` callback (store.migrate.open_store
calls it on the DB thread); UpgradeNotice relays it to the GUI thread by a queued signal and
shows it in the window's message bar, so the officer sees why the desk is not ready yet."""

from __future__ import annotations

import inspect
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, Signal

from motcua_desk.ui.status_widgets import MessageBar


class UpgradeNotice(QObject):
    progress = Signal(float, str)  # fraction 0..1, the schema revision upgraded to

    def __init__(self, bar: MessageBar | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.bar = bar
        self.shown: list[int] = []  # the percentages shown, in order (for the tests)
        self.progress.connect(self._show)  # queued when emitted on the DB thread

    def _show(self, fraction: float, revision: str) -> None:
        percent = int(fraction * 100)
        if self.bar is None or (self.shown and self.shown[-1] == percent):
            return
        self.shown.append(percent)
        if fraction >= 1.0:
            text = self.tr("The database was upgraded to schema %1 (a backup was made first).")
            self.bar.show_message(text.replace("%1", revision))
            return
        text = self.tr(
            "Upgrading the database to schema %1: %2 % (a backup first, then the upgrade). "
            "Please wait, the desk opens when it is done."
        )
        self.bar.show_message(text.replace("%1", revision).replace("%2", str(percent)))

    def factory(self, services_factory: Callable[..., Any]) -> Callable[[], Any]:
        """`services_factory` with this notice as its progress, when it takes one."""
        try:
            takes = "progress" in inspect.signature(services_factory).parameters
        except (TypeError, ValueError):
            takes = False
        if not takes:
            return services_factory
        return lambda: services_factory(progress=self.progress.emit)
