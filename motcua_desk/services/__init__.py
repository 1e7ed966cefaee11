"""Use cases. One unit of work per user action; plain values in, DTOs out. The only writers of
the store. `build_services` is called by the composition root (app.py / cli.py)."""

from __future__ import annotations

from dataclasses import dataclass, field

from motcua_desk.services.base import Clock, system_clock
from motcua_desk.services.calendar import CalendarService
from motcua_desk.services.catalog import CatalogService
from motcua_desk.services.dossiers import DossierService, IntakeRequest
from motcua_desk.services.lookup import LookupService
from motcua_desk.services.maintenance import MaintenanceService
from motcua_desk.services.replication import ReplicationService
from motcua_desk.services.reports import ReportService
from motcua_desk.services.settings import SettingsService
from motcua_desk.store.engine import Store

__all__ = ["Services", "build_services", "IntakeRequest", "Clock", "system_clock"]


@dataclass
class Services:
    """The use cases of one desk database. The store is private: callers go through the use
    cases (DESIGN.md: ui and cli never touch the store)."""

    _store: Store = field(repr=False)
    clock: Clock
    settings: SettingsService
    catalog: CatalogService
    calendar: CalendarService
    dossiers: DossierService
    maintenance: MaintenanceService
    replication: ReplicationService
    reports: ReportService
    lookup: LookupService  # the lookup station's reads (what a citizen may see)

    def close(self) -> None:
        self._store.close()


def build_services(store: Store, clock: Clock = system_clock) -> Services:
    settings = SettingsService(store, clock)
    catalog = CatalogService(store, clock)
    calendar = CalendarService(store, clock, settings)
    dossiers = DossierService(store, clock, settings, catalog, calendar)
    return Services(
        store,
        clock,
        settings,
        catalog,
        calendar,
        dossiers,
        MaintenanceService(store, clock),
        ReplicationService(store, clock, calendar, catalog),
        ReportService(store, clock, settings, calendar, catalog),
        LookupService(store, clock, calendar, catalog),
    )
