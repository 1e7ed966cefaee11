"""Test helpers shared by every suite: an injectable clock and a ready desk."""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

VN = ZoneInfo("Asia/Ho_Chi_Minh")

AGENCY = {
    "agency_id": "000.17.22.H56",
    "agency_name": "TRUNG TÂM PHỤC VỤ HÀNH CHÍNH CÔNG XÃ VI HƯƠNG",
    "parent_name": "UBND XÃ VI HƯƠNG",
    "place": "Vi Hương",
    "officer": "Nông Thị Thư",
}


class FakeClock:
    """A clock the test moves by hand. Call it to read the time (aware UTC). `scripted`: the
    desk lets it go back before its own last event (fixtures replay histories out of order);
    the tests of that rule set it to False."""

    scripted = True

    def __init__(self, start: datetime | None = None) -> None:
        start = start or datetime(2026, 11, 23, 9, 0, tzinfo=VN)
        self.now = start.astimezone(UTC)

    def __call__(self) -> datetime:
        return self.now

    def set(self, moment: datetime) -> None:
        self.now = (moment if moment.tzinfo else moment.replace(tzinfo=VN)).astimezone(UTC)

    def advance(self, **kwargs) -> None:
        self.now += timedelta(**kwargs)


def local(y: int, mo: int, d: int, h: int = 0, mi: int = 0) -> datetime:
    return datetime(y, mo, d, h, mi, tzinfo=VN)


def row_counts(path: Path) -> dict[str, int]:
    """Rows per table, read with the raw sqlite3 module (no app code involved)."""
    conn = sqlite3.connect(path)
    try:
        tables = [
            r[0]
            for r in conn.execute(
                "SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'dossier_fts%'"
            )
        ]
        return {t: conn.execute(f'SELECT count(*) FROM "{t}"').fetchone()[0] for t in tables}
    finally:
        conn.close()


def table_dump(path: Path) -> dict[str, list[tuple]]:
    conn = sqlite3.connect(path)
    try:
        tables = [
            r[0]
            for r in conn.execute(
                "SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'dossier_fts%'"
            )
        ]
        return {t: sorted(map(repr, conn.execute(f'SELECT * FROM "{t}"'))) for t in tables}
    finally:
        conn.close()


def raw_db(path: Path, **kwargs) -> sqlite3.Connection:
    """A plain sqlite3 connection to a desk database with the store's SQL functions bound
    (payload_text(), uuid_text(), uuid_blob(), hash_text(), hash_blob(): schemas 0005 and 0006
    store payloads packed and ids and hashes as bytes), for tests that read or edit rows the
    way a maintainer with the sqlite3 shell would."""
    from motcua_desk.store.payload_codec import install_for

    conn = sqlite3.connect(path, **kwargs)
    install_for(conn)
    return conn


def desk_with_events(db: Path, clock, n_dossiers: int, name: str, note: str) -> None:
    """A desk database at `db` with `n_dossiers` dossiers received (applicant `name` and its
    number) and a note on each (`note` formatted with the number): two events a dossier."""
    from motcua_desk.app import open_services
    from motcua_desk.domain.dto import IntakeRequest

    svc = open_services(db, clock=clock)
    try:
        svc.settings.init_desk(desk_no=1, **AGENCY)
        for i in range(n_dossiers):
            d = svc.dossiers.intake(IntakeRequest("1.001193", f"{name} {i}"))
            svc.dossiers.note(d.dossier.code, note.format(i=i))
    finally:
        svc.close()
