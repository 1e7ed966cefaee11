"""The Đồng bộ section of the settings screen: the hub's address, this desk's token and the
server certificate, checked as typed before they are saved, a round with the hub on the sync
worker, and sync turned on or off. Apart from ui.settings_view because it talks to the sync
worker (ctx.sync) rather than to the desk's settings; functions of the view, whose widgets
ui.settings_layout built. The strings keep SettingsView's translation context.
"""

from __future__ import annotations

import os
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFileDialog

from motcua_desk.ui import errors
from motcua_desk.ui.sync_view import clock_text

if TYPE_CHECKING:
    from motcua_desk.ui.settings_view import SettingsView

translate = QCoreApplication.translate


def focus_sync(view: SettingsView) -> None:
    """Show the Đồng bộ section (from the sync exceptions list)."""
    view.scroll.ensureWidgetVisible(view.sync_box)
    view.hub_url_edit.setFocus()


def load_hub(view: SettingsView) -> None:
    view.ctx.worker.query(
        lambda svc: svc.replication.hub_settings(),
        success=lambda hub: show_hub(view, hub),
        owner=view,
    )


def show_hub(view: SettingsView, hub) -> None:
    if hub is not None and not view.hub_url_edit.isModified():
        view.hub_url_edit.setText(hub.url)
        view.hub_token_edit.setText(hub.token)
        view.hub_ca_edit.setText(hub.cafile)
    paint_sync_buttons(view)


def paint_sync_buttons(view: SettingsView) -> None:
    sync = view.ctx.sync
    available = sync is not None
    busy = available and sync.checking
    view.hub_check.setEnabled(available and not busy)
    view.hub_save.setEnabled(available and not busy)
    on = available and sync.enabled
    view.sync_toggle.setText(
        translate("SettingsView", "T&urn sync off")
        if on
        else translate("SettingsView", "T&urn sync on")
    )
    view.sync_toggle.setEnabled(available and sync.configured)
    if not available:
        view.sync_result.setText(translate("SettingsView", "This window was started without sync."))


def pick_cafile(view: SettingsView) -> None:
    """The file picker of the server certificate (a PEM file, usually cert.pem)."""
    path, _ = QFileDialog.getOpenFileName(
        view,
        translate("SettingsView", "The office server's certificate"),
        view.hub_ca_edit.text(),
        translate("SettingsView", "Certificates (*.pem *.crt *.cer);;All files (*)"),
    )
    if path:
        view.hub_ca_edit.setText(path)


def hub_values(view: SettingsView) -> tuple[str, str, str] | None:
    url = view.hub_url_edit.text().strip().rstrip("/")
    token = view.hub_token_edit.text().strip()
    cafile = view.hub_ca_edit.text().strip()
    if not url.startswith(("http://", "https://")) or len(url) < 10:
        sync_say(view, errors.sync_problem("hub_url"), ok=False)
        view.hub_url_edit.setFocus()
        return None
    if not token:
        sync_say(view, translate("SettingsView", "Enter this desk's access token."), ok=False)
        view.hub_token_edit.setFocus()
        return None
    if cafile:
        from pathlib import Path

        where = Path(cafile).expanduser()
        if not where.is_file() or not os.access(where, os.R_OK):
            sync_say(view, errors.sync_problem("cafile"), ok=False)
            view.hub_ca_edit.setFocus()
            return None
    return url, token, cafile


def sync_say(view: SettingsView, text: str, ok: bool = True) -> None:
    view.sync_result.setStyleSheet(f"color: {'#1b7f3b' if ok else '#b00020'};")
    view.sync_result.setText(text)


def check_hub(view: SettingsView) -> None:
    """One round with the address and token as typed, on the sync worker's check thread;
    saved only when it works."""
    values = hub_values(view)
    if values is None or view.ctx.sync is None:
        return
    if view.ctx.sync.check(*values):
        view.sync_result.setStyleSheet("")
        view.sync_result.setText(
            translate("SettingsView", "Testing the connection with {url}…").format(url=values[0])
        )
        paint_sync_buttons(view)


def checked(view: SettingsView, ok: bool, value) -> None:
    paint_sync_buttons(view)
    if not ok:
        sync_say(view, errors.message(value), ok=False)
        return
    view.hub_url_edit.setModified(False)
    lines = [
        translate(
            "SettingsView",
            "Connected: {sent} event(s) sent, {received} received. The address "
            "and token are saved; the desk syncs by itself from now on.",
        ).format(sent=value.pushed, received=value.received)
    ]
    if value.clock_warning:
        lines.append(clock_text(value.skew_ms))
    sync_say(view, " ".join(lines), ok=not value.clock_warning)


def save_hub(view: SettingsView) -> None:
    """Save without asking the server (it may be off while the desk is set up)."""
    values = hub_values(view)
    if values is None:
        return
    url, token, cafile = values

    def saved(_r) -> None:
        view.hub_url_edit.setModified(False)
        sync_say(
            view,
            translate(
                "SettingsView",
                "Saved. The desk syncs when the server answers; the status bar shows how it goes.",
            ),
        )
        if view.ctx.sync is not None:
            view.ctx.sync.reload_settings()

    view.ctx.worker.mutate(
        lambda svc: svc.replication.save_hub_settings(url, token, cafile),
        success=saved,
        failure=lambda err: sync_say(view, errors.message(err), False),
        owner=view,
        kinds=("sync",),
    )


def toggle_sync(view: SettingsView) -> None:
    sync = view.ctx.sync
    if sync is None:
        return
    on = not sync.enabled
    sync.set_enabled(on)
    sync_say(
        view,
        translate("SettingsView", "Sync is on.")
        if on
        else translate(
            "SettingsView",
            "Sync is off: this desk keeps working and sends nothing until it is turned on again.",
        ),
        ok=True,
    )
    paint_sync_buttons(view)
