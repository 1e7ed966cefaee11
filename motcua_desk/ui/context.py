"""What every view is given by the main window (no global registry: STYLE #2).

`DeskInfo` is the read-mostly picture of the desk that the views need to draw themselves
(the agency, the office settings, the departments, the catalog's fields), loaded by the
worker after the window shows and refreshed after settings change.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from motcua_desk.ui.errors import ErrorPresenter
from motcua_desk.ui.print_flow import PrintFlow
from motcua_desk.ui.settings import UiSettings
from motcua_desk.ui.worker import Worker

if TYPE_CHECKING:
    from zoneinfo import ZoneInfo

    from motcua_desk.domain.dto import AgencyInfo
    from motcua_desk.services import Services
    from motcua_desk.services.catalog import DepartmentView
    from motcua_desk.services.settings import OfficeSettings
    from motcua_desk.ui.sync_worker import SyncController

DEFAULT_TZ = "Asia/Ho_Chi_Minh"


def utc_now() -> datetime:
    return datetime.now(UTC)


@dataclass(frozen=True)
class DeskInfo:
    agency: AgencyInfo | None = None
    office: OfficeSettings | None = None
    departments: tuple[DepartmentView, ...] = ()
    fields: tuple[str, ...] = ()  # procedure fields (lĩnh vực) of the catalog
    calendar_warning: str | None = None

    @property
    def tz(self) -> ZoneInfo:
        from zoneinfo import ZoneInfo  # not before the first paint

        return ZoneInfo(getattr(self.office, "tz_name", "") or DEFAULT_TZ)


def load_desk_identity(svc: Services) -> DeskInfo:
    """On the DB worker, first thing: who and where we are (the status bar, the clock)."""
    return DeskInfo(agency=svc.settings.agency(), office=svc.settings.office())


def load_desk_info(svc: Services) -> DeskInfo:
    """On the DB worker: everything the views need to know about the desk."""
    procs = svc.catalog.list()
    return DeskInfo(
        agency=svc.settings.agency(),
        office=svc.settings.office(),
        departments=tuple(svc.catalog.departments()),
        fields=tuple(sorted({p.field for p in procs if p.field})),
        calendar_warning=svc.calendar.warning(),
    )


@dataclass
class UiContext:
    worker: Worker
    settings: UiSettings
    errors: ErrorPresenter
    printing: PrintFlow
    notify: Callable[..., None]  # notify(text, level="info", *, action=(label, callable))
    clock: Callable[[], datetime] = utc_now
    db_path: Path | None = None
    log_path: Path | None = None
    desk: DeskInfo = field(default_factory=DeskInfo)
    sync: SyncController | None = None  # when the window can sync

    def now(self) -> datetime:
        """Office-local now."""
        return self.clock().astimezone(self.desk.tz)

    def today(self) -> date:
        return self.now().date()
