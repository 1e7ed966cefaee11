"""The settings screen's "Document scanner" group (forms/settings.ui, hotFolderBox): the folder
the office scanner writes into, kept per PC in UiSettings.hot_folder (a folder of this PC, as
the barcode scanner's port is). The dossier page's papers tab watches it (ui.hot_folder) and
reads the setting again whenever a dossier opens. Its strings keep SettingsView's context."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFileDialog

if TYPE_CHECKING:
    from motcua_desk.ui.settings_view import SettingsView

translate = QCoreApplication.translate


def connect(view: SettingsView) -> None:
    """Fill the folder in and wire the group's two buttons."""
    ui = view.ui
    ui.hotFolderEdit.setText(view.ctx.settings.hot_folder)
    ui.hotFolderPick.clicked.connect(lambda: pick(view))
    ui.hotFolderSave.clicked.connect(lambda: save(view))


def pick(view: SettingsView) -> None:
    folder = QFileDialog.getExistingDirectory(
        view, translate("SettingsView", "The scanner's folder"), view.ui.hotFolderEdit.text()
    )
    if folder:
        view.ui.hotFolderEdit.setText(folder)


def save(view: SettingsView) -> None:
    folder = view.ui.hotFolderEdit.text().strip()
    if folder and not Path(folder).is_dir():
        view._say(
            translate("SettingsView", "There is no folder {folder}.").format(folder=folder),
            ok=False,
        )
        view.ui.hotFolderEdit.setFocus()
        return
    view.ctx.settings.hot_folder = folder
    view.ctx.settings.sync()
    view._say(
        translate(
            "SettingsView",
            "Scan folder saved: new scans in {folder} are offered to the dossier on screen.",
        ).format(folder=folder)
        if folder
        else translate("SettingsView", "No scan folder: scans are attached from a file only.")
    )
