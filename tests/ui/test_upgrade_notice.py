"""The window says what it is doing while the database is upgraded to a new schema: the DB
thread reports the migration's progress, the message bar shows it (in Vietnamese), and the
desk opens when it is done. Over a real database of schema 0003 (the fixture)."""

from __future__ import annotations

import shutil
import threading
from pathlib import Path

import pytest

from motcua_desk.app import open_services
from motcua_desk.store.migrate import head_revision, open_store
from motcua_desk.ui.i18n import install_translator, remove_translator
from motcua_desk.ui.status_widgets import MessageBar
from motcua_desk.ui.upgrade_notice import UpgradeNotice

FIXTURE = Path(__file__).resolve().parents[1] / "fixtures" / "db" / "schema_0003.sqlite3"


def test_open_store_reports_the_upgrade_from_backup_to_end(tmp_path):
    db = tmp_path / "old.sqlite3"
    shutil.copyfile(FIXTURE, db)
    seen: list[tuple[float, str]] = []
    open_store(db, progress=lambda f, rev: seen.append((f, rev))).close()
    fractions = [f for f, _ in seen]
    assert fractions[0] == 0.0 and fractions[-1] == 1.0 and len(fractions) > 3
    assert fractions == sorted(fractions)
    assert {rev for _, rev in seen} == {head_revision()}
    again: list = []
    open_store(db, progress=lambda f, rev: again.append(f)).close()  # already at the head
    open_store(tmp_path / "new.sqlite3", progress=lambda f, rev: again.append(f)).close()
    assert again == []


@pytest.fixture
def vietnamese(qapp):
    translator = install_translator(qapp, "vi")
    assert translator is not None
    yield
    remove_translator(qapp, translator)
    install_translator(qapp, "en")


def test_the_message_bar_follows_an_upgrade_on_another_thread(qtbot, tmp_path, vietnamese):
    db = tmp_path / "old.sqlite3"
    shutil.copyfile(FIXTURE, db)
    bar = MessageBar()
    qtbot.addWidget(bar)
    notice = UpgradeNotice(bar)
    texts: list[str] = []
    notice.progress.connect(lambda *_: texts.append(bar.label.text()))
    opened: list = []
    factory = notice.factory(lambda progress=None: open_services(db, progress=progress))
    worker = threading.Thread(target=lambda: opened.append(factory()))  # the DB thread's part
    worker.start()
    qtbot.waitUntil(lambda: bool(notice.shown) and notice.shown[-1] == 100, timeout=20_000)
    worker.join(20)
    opened[0].close()
    assert notice.shown[0] == 0 and notice.shown == sorted(notice.shown)
    assert any("Đang nâng cấp cơ sở dữ liệu" in t and head_revision() in t for t in texts), texts
    assert "đã được nâng cấp" in bar.label.text(), bar.label.text()


def test_a_factory_without_progress_is_used_as_it_is():
    notice = UpgradeNotice()

    def plain():
        return "services"

    assert notice.factory(plain) is plain
