"""The hot folder: the folder the office's document scanner writes into (UiSettings.hot_folder).

Each new scan there is offered to the dossier on screen, once its size has stopped changing
(a scanner writes a file for a while): the folder is watched (QFileSystemWatcher) and the
files not yet steady are looked at again on a timer, never by sleeping. Files already there
when the window starts are offered too. A file attached from here is moved into the
`da-gan` ("attached") subfolder, so it is not offered again; `move_to_attached` does that
on the DB worker, with the attach.
"""

from __future__ import annotations

import logging
import os
import time
from pathlib import Path

from PySide6.QtCore import QFileSystemWatcher, QObject, QTimer, Signal

log = logging.getLogger("motcua.ui.hot_folder")

ATTACHED_DIR = "da-gan"
CHECK_MS = 1000  # how often a file still being written is looked at again
# what services.scans reads (tests/ui/test_papers_window.py holds the two equal): named here
# so that the window starts without importing the services
SCAN_SUFFIXES = (".pdf", ".png", ".jpg", ".jpeg", ".tif", ".tiff")


def is_scan_name(name: str) -> bool:
    """A scan's file name (a PDF or an image), not a scanner's temporary or hidden file."""
    if name.startswith((".", "~")) or name.lower().endswith((".tmp", ".part", ".crdownload")):
        return False
    return Path(name).suffix.lower() in SCAN_SUFFIXES


def move_to_attached(path: Path) -> Path:
    """Move an attached scan into the folder's `da-gan` subfolder (a number is added to the
    name when one of the same name is there already). Runs on the DB worker."""
    target_dir = path.parent / ATTACHED_DIR
    target_dir.mkdir(exist_ok=True)
    target = target_dir / path.name
    n = 1
    while target.exists():
        target = target_dir / f"{path.stem} ({n}){path.suffix}"
        n += 1
    os.replace(path, target)
    return target


class HotFolder(QObject):
    """Watches one folder; `offered(path)` once per steady new scan in it."""

    offered = Signal(object)  # Path
    withdrawn = Signal(object)  # Path: an offered file left the folder

    def __init__(self, parent: QObject | None = None, check_ms: int | None = None) -> None:
        super().__init__(parent)
        self._folder: Path | None = None
        self._watcher = QFileSystemWatcher(self)
        self._timer = QTimer(self)
        self._timer.setInterval(CHECK_MS if check_ms is None else check_ms)
        # files not steady yet: (size, mtime) last seen and since when (time.monotonic)
        self._sizes: dict[Path, tuple[tuple[int, int], float]] = {}
        self._offered: list[Path] = []
        self._dismissed: set[Path] = set()
        self._connect_signals()

    def _connect_signals(self) -> None:
        self._watcher.directoryChanged.connect(lambda _d: self.scan())
        self._timer.timeout.connect(self.scan)

    @property
    def folder(self) -> Path | None:
        return self._folder

    @property
    def pending(self) -> list[Path]:
        """The files offered and still waiting, oldest first."""
        return list(self._offered)

    def set_folder(self, folder: str | Path | None) -> None:
        """Watch this folder ("" or None: none); a no-op when it is the one watched."""
        new = Path(folder) if folder else None
        if new == self._folder:
            return
        if self._watcher.directories():
            self._watcher.removePaths(self._watcher.directories())
        for path in self._offered:
            self.withdrawn.emit(path)
        self._folder, self._sizes, self._offered = new, {}, []
        self._dismissed.clear()
        self._timer.stop()
        if new is None:
            return
        if not new.is_dir():
            log.warning("the scanner's folder %s does not exist", new)
            return
        self._watcher.addPath(str(new))
        self.scan()

    def dismiss(self, path: Path) -> None:
        """The officer does not want this file: not offered again while it stays there."""
        self._dismissed.add(path)
        self.forget(path)

    def forget(self, path: Path) -> None:
        if path in self._offered:
            self._offered.remove(path)
            self.withdrawn.emit(path)

    def scan(self) -> None:
        """Look at the folder: a file whose size (and time of change) has held for a whole
        interval is steady and offered; the others are looked at again on the timer."""
        folder = self._folder
        if folder is None:
            return
        try:
            entries = {
                Path(e.path): (st.st_size, st.st_mtime_ns)
                for e in os.scandir(folder)
                if e.is_file() and is_scan_name(e.name) and (st := e.stat())
            }
        except OSError as err:
            log.warning("cannot read the scanner's folder %s: %s", folder, err)
            entries = {}
        for path in [p for p in self._offered if p not in entries]:
            self.forget(path)
        for path in [p for p in self._sizes if p not in entries]:
            del self._sizes[path]
        now, hold = time.monotonic(), self._timer.interval() / 1000
        for path, seen in sorted(entries.items()):
            if path in self._offered or path in self._dismissed:
                continue
            last = self._sizes.get(path)
            if last is None or last[0] != seen:
                self._sizes[path] = (seen, now)  # new, or still growing: wait a whole interval
            elif seen[0] > 0 and now - last[1] >= hold:
                del self._sizes[path]
                self._offered.append(path)
                self.offered.emit(path)
        if self._sizes:
            if not self._timer.isActive():
                self._timer.start()
        else:
            self._timer.stop()
