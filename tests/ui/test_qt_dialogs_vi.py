"""Qt's own dialogs that the window opens (the file picker, the print dialog) read Vietnamese:
PySide6 ships no Vietnamese qtbase translation, so ours carries those strings."""

from __future__ import annotations

import pytest
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QAbstractButton, QFileDialog, QLabel

from motcua_desk.ui.i18n import install_translator, remove_translator


@pytest.fixture
def vietnamese(qapp):
    translator = install_translator(qapp, "vi")
    yield
    remove_translator(qapp, translator)
    install_translator(qapp, "en")


def _texts(widget) -> set[str]:
    return {w.text().replace("&", "") for w in widget.findChildren(QLabel)} | {
        w.text().replace("&", "") for w in widget.findChildren(QAbstractButton)
    }


def test_the_file_picker_and_the_print_dialog_are_in_vietnamese(vietnamese, qtbot):
    picker = QFileDialog(None, "x")
    picker.setOption(QFileDialog.Option.DontUseNativeDialog)
    qtbot.addWidget(picker)
    picker.show()
    texts = _texts(picker)
    assert {"Tên tệp:", "Loại tệp:", "Tìm trong:"} <= texts, texts
    assert "File name:" not in texts
    printer = QPrinter()
    dialog = QPrintDialog(printer)
    qtbot.addWidget(dialog)
    dialog.show()
    texts = _texts(dialog)
    assert "Máy in" in " ".join(texts) or "Thuộc tính" in texts, texts
    assert "Properties" not in texts
