"""The counter window (PySide6). Calls services only, through the one DB worker; never the
store, never SQLite, reportlab or the network on the GUI thread.

Module map: application (start-up), main_window, actions (every QAction, by enum), worker
(the DB worker and the render lane), scanner (barcode wedge detection), settings (QSettings
facade), i18n, log, errors (Vietnamese messages), labels (translated status names), the
views (*_view.py), models (table models), pdf_preview, print_flow, first_start, build
(regenerates forms, translations and resources).
"""

from motcua_desk.ui.qt_refcount import make_none_immortal

make_none_immortal()  # before any Qt call: see qt_refcount (a PySide6 6.12 bug on Python 3.11)
