"""Qt's own strings that the officer sees (standard buttons, the text fields' context menu),
listed here so that lupdate puts them in our .ts with Qt's contexts: PySide6 ships no
Vietnamese qtbase translation, and these must not stay in English. Never called."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

translate = QCoreApplication.translate


def _strings() -> None:  # pragma: no cover - only read by lupdate
    translate("QPlatformTheme", "OK")
    translate("QPlatformTheme", "Save")
    translate("QPlatformTheme", "Open")
    translate("QPlatformTheme", "&Yes")
    translate("QPlatformTheme", "&No")
    translate("QPlatformTheme", "Close")
    translate("QPlatformTheme", "Cancel")
    translate("QPlatformTheme", "Discard")
    translate("QPlatformTheme", "Help")
    translate("QPlatformTheme", "Apply")
    translate("QPlatformTheme", "Reset")
    translate("QPlatformTheme", "Retry")
    translate("QPlatformTheme", "Ignore")
    translate("QPlatformTheme", "Abort")
    translate("QLineEdit", "&Undo")
    translate("QLineEdit", "&Redo")
    translate("QLineEdit", "Cu&t")
    translate("QLineEdit", "&Copy")
    translate("QLineEdit", "&Paste")
    translate("QLineEdit", "Delete")
    translate("QLineEdit", "Select All")
    translate("QWidgetTextControl", "&Undo")
    translate("QWidgetTextControl", "&Redo")
    translate("QWidgetTextControl", "Cu&t")
    translate("QWidgetTextControl", "&Copy")
    translate("QWidgetTextControl", "&Paste")
    translate("QWidgetTextControl", "Delete")
    translate("QWidgetTextControl", "Select All")
    translate("QWidgetTextControl", "Copy &Link Location")
    translate("QAbstractSpinBox", "&Select All")
    translate("QAbstractSpinBox", "&Step up")
    translate("QAbstractSpinBox", "Step &down")
