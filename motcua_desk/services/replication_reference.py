"""Reference data from the hub (the procedure catalog, the departments, the calendar overrides):
versioned, applied only when newer than what the desk has, each set validated first so that a
bad one changes nothing. Part of ReplicationService (`services/replication.py`)."""

from __future__ import annotations

import logging
from collections.abc import Mapping
from typing import Any

from motcua_desk.domain.errors import ValidationError
from motcua_desk.services.base import ServiceBase
from motcua_desk.services.replication_checks import calendar_override
from motcua_desk.services.replication_terms import CALENDAR_DAYS, REFERENCE
from motcua_desk.store import replication_repo, repo

log = logging.getLogger("motcua.sync")


class ReferenceData(ServiceBase):
    """The reference data side of the replication; needs `catalog` (CatalogService) and
    `calendar` (CalendarService, or None) on the instance."""

    catalog: Any
    calendar: Any

    def reference_versions(self) -> dict[str, int]:
        """The hub version of each reference data set this desk has applied."""
        with self.store.read() as session:
            return dict(repo.get_setting(session, REFERENCE, {}) or {})

    def apply_reference(self, kind: str, version: int, data: Mapping[str, Any]) -> bool:
        """Apply a reference data set from the hub when it is newer than the one the desk has.
        Returns whether it was applied. Each set is validated first; a bad one changes nothing."""
        if version <= self.reference_versions().get(kind, 0):
            return False
        if kind == "catalog":
            items = data.get("procedures")
            if not isinstance(items, list):
                raise ValidationError(
                    "catalog", "the hub's catalog has no procedures list", code="file_schema"
                )
            self._catalog().import_procedures(
                items, source="hub", catalog_version=data.get("catalog_version")
            )
        elif kind == "departments":
            items = data.get("departments")
            if not isinstance(items, list):
                raise ValidationError(
                    "departments", "the hub's set has no departments list", code="file_schema"
                )
            self._catalog().import_departments(items)
        elif kind == "calendar":
            self._apply_calendar(data)
        else:
            log.warning("unknown reference data kind %r from the hub: ignored", kind)
            return False
        with self.store.write() as session:
            versions = dict(repo.get_setting(session, REFERENCE, {}) or {})
            versions[kind] = max(version, versions.get(kind, 0))
            repo.set_setting(session, REFERENCE, versions)
        log.info("applied %s version %d from the hub", kind, version)
        return True

    def _catalog(self):
        if self.catalog is None:
            raise RuntimeError("ReplicationService needs the catalog service for reference data")
        return self.catalog

    def _apply_calendar(self, data: Mapping[str, Any]) -> None:
        """The hub's overrides replace the ones that came from it before: days it lists are
        set, days it listed last time and dropped are removed; days added at this desk alone
        stay (until the hub lists the same day)."""
        items = data.get("overrides")
        if not isinstance(items, list):
            raise ValidationError(
                "calendar", "the hub's calendar has no overrides list", code="file_schema"
            )
        wanted = {}
        for item in items:
            override = calendar_override(item)
            wanted[override["day"]] = override
        with self.store.write() as session:
            before = set(repo.get_setting(session, CALENDAR_DAYS, []) or [])
            replication_repo.replace_calendar(session, before - set(wanted), wanted, self.clock())
            repo.set_setting(session, CALENDAR_DAYS, sorted(wanted))
        if self.calendar is not None:
            self.calendar.invalidate()
