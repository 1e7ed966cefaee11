"""The hub store's guard rails: its own schema version, a newer store refused, a foreign file
refused, and a restart on the same store keeps everything."""

from __future__ import annotations

import pytest
from sqlalchemy import text

from motcua_desk.sync.hubstore import HubStore, HubStoreError


def test_schema_is_versioned_and_a_newer_store_is_refused(hub_store_url):
    store = HubStore(hub_store_url)
    store.add_desk("Quầy 1", 1)
    with store.engine.connect() as conn:
        assert conn.execute(text("SELECT version_num FROM hub_alembic_version")).scalar() == "h0001"
    store.close()
    again = HubStore(hub_store_url)  # reopening: nothing to migrate, data kept
    assert [d.name for d in again.desks()] == ["Quầy 1"]
    with again.engine.begin() as conn:
        conn.execute(text("UPDATE hub_alembic_version SET version_num = 'h9999'"))
    again.close()
    with pytest.raises(HubStoreError, match="newer"):
        HubStore(hub_store_url)


def test_a_desk_database_is_not_a_hub_store(desks):
    with pytest.raises(HubStoreError, match="not a motcua-desk hub store"):
        HubStore(str(desks[0].path))


def test_other_databases_are_refused(tmp_path):
    with pytest.raises(HubStoreError, match="SQLite or PostgreSQL"):
        HubStore("mysql://u:p@localhost/hub")
    junk = tmp_path / "junk.sqlite3"
    junk.write_bytes(b"not a database at all, just text" * 100)
    with pytest.raises(HubStoreError):
        HubStore(str(junk))
