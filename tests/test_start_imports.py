"""The start path imports only what it needs (issue 13): the window's first paint imports no
database or PDF library, and the `holidays` package (whose `countries` module imports every
country, about 80 ms) is loaded only when a deadline is first computed, not when the services
open or the office's time zone is asked for. Each check runs in a fresh interpreter."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

HEAVY = (
    "sqlalchemy",
    "alembic",
    "holidays",
    "reportlab",
    "pypdf",
    "motcua_desk.services",
    "motcua_desk.store",
)


# built or opened on first use, after the first paint: the other pages, the dialogs, the
# parsers (the dossier page is built before the window is shown: see ui/window_layout.py)
LATE = (
    "motcua_desk.domain.cccd",
    "motcua_desk.ui.sync_view",
    "motcua_desk.ui.shortcuts_dialog",
    "motcua_desk.ui.serial_scanner",
    "motcua_desk.ui.search_view",
    "motcua_desk.ui.settings_view",
    "motcua_desk.ui.reports_view",
    "zoneinfo",
)
# the command line's other commands, imported only when one is asked for
COMMANDS = (
    "motcua_desk.cli.common",
    "motcua_desk.cli.core",
    "motcua_desk.cli.printing",
    "motcua_desk.cli.sync",
    "motcua_desk.cli.reports",
    "motcua_desk.domain.errors",
)


def _loaded(script: str, tmp_path: Path, names: tuple[str, ...] = HEAVY) -> list[str]:
    """Run `script` in a fresh Python; it prints which of `names` are loaded at its end."""
    code = textwrap.dedent(script) + textwrap.dedent(f"""
        import sys
        print(",".join(m for m in {names!r} if m in sys.modules))
    """)
    out = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env={"QT_QPA_PLATFORM": "offscreen", "MOTCUA_HOME": str(tmp_path), "PATH": "/usr/bin:/bin"},
        timeout=120,
    )
    assert out.returncode == 0, out.stderr[-3000:]
    last = (out.stdout.splitlines() or [""])[-1]
    return [m for m in last.split(",") if m]


def test_the_window_module_imports_no_database_nor_pdf_library(tmp_path):
    assert _loaded("import motcua_desk.ui.application, motcua_desk.ui.main_window", tmp_path) == []


def test_the_first_paint_builds_no_other_page(tmp_path):
    """The window as start-up builds it: the intake and the dossier pages; the rest are built
    (and their modules imported) when first asked for."""
    script = """
        from PySide6.QtWidgets import QApplication
        from motcua_desk.ui.main_window import MainWindow
        from motcua_desk.ui.settings import UiSettings
        from motcua_desk.ui.worker import Worker
        app = QApplication([])
        window = MainWindow(Worker(lambda: None), UiSettings.for_user())
        window.show()
        window.repaint()
        assert window.current_page() == "intake"
    """
    assert _loaded(script, tmp_path, HEAVY + LATE) == []


def test_the_window_command_imports_no_other_command(tmp_path):
    script = """
        import motcua_desk.cli, motcua_desk.app, motcua_desk.ui.application
        from motcua_desk.cli import _window_only
        assert _window_only(["--db", "x.sqlite3"])[0]
    """
    assert _loaded(script, tmp_path, HEAVY + COMMANDS + LATE) == []


def test_holidays_load_at_the_first_deadline_not_at_open(tmp_path):
    db = tmp_path / "desk.sqlite3"
    script = f"""
        import sys
        from pathlib import Path
        from motcua_desk.app import open_services
        svc = open_services(Path({str(db)!r}))
        svc.calendar.local(__import__("datetime").datetime(2026, 11, 23, 9, 0))
        assert str(svc.calendar.tz) == "Asia/Ho_Chi_Minh"
        assert "holidays" not in sys.modules, "holidays imported by the services' start"
        from datetime import date
        from motcua_desk.domain.calendar import WorkCalendar
        cal = WorkCalendar()
        assert "holidays" not in sys.modules
        assert not cal.is_working_day(date(2026, 9, 2))  # National Day
        assert cal.is_working_day(date(2026, 9, 4))
        svc.close()
    """
    assert "holidays" in _loaded(script, tmp_path)
