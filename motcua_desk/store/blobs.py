"""The desk's files (digitised papers): content-addressed blobs in a folder beside the database,
`<database name>.files/ab/cd/<sha256>`. An event refers to a file by its SHA-256 only; the
file is written before the event that names it (a temporary file in the same folder, flushed
to disk, then renamed into place), so a power cut leaves at worst an unreferenced temporary
file, never an event pointing at half a file. A blob is never changed or deleted in place:
the same content is the same name.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from motcua_desk.domain.errors import DomainError

CHUNK = 1 << 20
# What the disk must keep free after a file is stored: the database's own growth and its
# backups come first.
DISK_RESERVE = 512 * 1024**2


class BlobStoreFull(DomainError):
    """The files folder has reached its quota, or the disk is nearly full: nothing stored."""

    code = "blob_store_full"


@dataclass(frozen=True)
class BlobInfo:
    sha256: str
    size: int


def files_dir(db_path: Path) -> Path:
    """The folder of a database's files: `desk.sqlite3` → `desk.files` beside it."""
    return db_path.with_name(f"{db_path.stem}.files")


class BlobStore:
    def __init__(self, root: Path, quota_bytes: int | None = None) -> None:
        self.root = root
        self.quota_bytes = quota_bytes

    def path(self, sha256: str) -> Path:
        return self.root / sha256[:2] / sha256[2:4] / sha256

    def has(self, sha256: str) -> bool:
        return self.path(sha256).is_file()

    def size_of(self, sha256: str) -> int | None:
        try:
            return self.path(sha256).stat().st_size
        except FileNotFoundError:
            return None

    def usage(self) -> int:
        """Bytes held (the blobs only)."""
        return sum(p.stat().st_size for p in self._blob_paths())

    def _room_for(self, size: int) -> None:
        self.root.mkdir(parents=True, exist_ok=True)
        free = shutil.disk_usage(self.root).free
        if free - size < DISK_RESERVE:
            raise BlobStoreFull(
                f"the disk holding {self.root} has {free // 1024**2:,} MB free: a file of "
                f"{size // 1024**2 + 1:,} MB would leave less than "
                f"{DISK_RESERVE // 1024**2} MB. Free space or move old backups, then try again",
                free=free,
                size=size,
            )
        if self.quota_bytes is not None:
            used = self.usage()
            if used + size > self.quota_bytes:
                raise BlobStoreFull(
                    f"the desk's files take {_mb(used)} MB of their {_mb(self.quota_bytes)} MB "
                    f"quota: this file ({_mb(size)} MB) does not fit. Sync with the hub and "
                    "raise the quota (Cài đặt, or `motcua-desk digitise quota --set MB`)",
                    used=used,
                    quota=self.quota_bytes,
                    size=size,
                )

    def put_bytes(self, data: bytes) -> BlobInfo:
        """Store `data` (idempotent: the same content is stored once)."""
        sha = hashlib.sha256(data).hexdigest()
        if self.has(sha):
            return BlobInfo(sha, len(data))
        self._room_for(len(data))
        self._commit(sha, lambda f: f.write(data))
        return BlobInfo(sha, len(data))

    def put_file(self, source: Path) -> BlobInfo:
        """Store a copy of the file at `source`, hashed as it is read."""
        size = source.stat().st_size
        self._room_for(size)
        digest = hashlib.sha256()
        target_dir = self.root / "tmp"
        target_dir.mkdir(parents=True, exist_ok=True)
        fd, name = tempfile.mkstemp(prefix="in.", suffix=".tmp", dir=target_dir)
        tmp = Path(name)
        try:
            with os.fdopen(fd, "wb") as out, source.open("rb") as src:
                while chunk := src.read(CHUNK):
                    digest.update(chunk)
                    out.write(chunk)
                out.flush()
                os.fsync(out.fileno())
            sha = digest.hexdigest()
            final = self.path(sha)
            if final.is_file():
                tmp.unlink()
            else:
                final.parent.mkdir(parents=True, exist_ok=True)
                os.replace(tmp, final)
                _fsync_dir(final.parent)
        except BaseException:
            tmp.unlink(missing_ok=True)
            raise
        return BlobInfo(sha, size)

    def put_stream(self, sha256: str, chunks: Iterator[bytes], size: int) -> BlobInfo:
        """Store content that must hash to `sha256` (a transfer); ValueError when it does not,
        and nothing is kept."""
        if self.has(sha256):
            return BlobInfo(sha256, size)
        self._room_for(size)
        digest = hashlib.sha256()
        seen = 0

        def write(f) -> None:
            nonlocal seen
            for chunk in chunks:
                digest.update(chunk)
                seen += len(chunk)
                f.write(chunk)
            if digest.hexdigest() != sha256 or seen != size:
                raise ValueError(f"the content does not match {sha256[:12]}… ({seen} bytes)")

        self._commit(sha256, write)
        return BlobInfo(sha256, size)

    def _commit(self, sha: str, write) -> None:
        final = self.path(sha)
        final.parent.mkdir(parents=True, exist_ok=True)
        fd, name = tempfile.mkstemp(prefix=f".{sha[:12]}.", suffix=".tmp", dir=final.parent)
        tmp = Path(name)
        try:
            with os.fdopen(fd, "wb") as out:
                write(out)
                out.flush()
                os.fsync(out.fileno())
            os.replace(tmp, final)
            _fsync_dir(final.parent)
        except BaseException:
            tmp.unlink(missing_ok=True)
            raise

    def read(self, sha256: str) -> bytes:
        return self.path(sha256).read_bytes()

    def check(self, sha256: str) -> str:
        """'' when the blob is here and hashes to its name; else what is wrong (missing,
        corrupt)."""
        try:
            digest = file_sha256(self.path(sha256))
        except FileNotFoundError:
            return "missing"
        except OSError as err:
            return f"unreadable: {err.strerror or err}"
        return "" if digest == sha256 else "corrupt"

    def adopt(self, partial: Path, sha256: str) -> bool:
        """Take a file received in pieces (a transfer's partial file) as the blob `sha256`:
        moved into place when it hashes to that name; dropped, and False, when it does not."""
        if file_sha256(partial) != sha256:
            partial.unlink(missing_ok=True)
            return False
        final = self.path(sha256)
        final.parent.mkdir(parents=True, exist_ok=True)
        os.replace(partial, final)
        _fsync_dir(final.parent)
        return True

    def _blob_paths(self) -> Iterator[Path]:
        if not self.root.is_dir():
            return
        for first in self.root.iterdir():
            if len(first.name) != 2 or not first.is_dir():
                continue
            for second in first.iterdir():
                if second.is_dir():
                    yield from (p for p in second.iterdir() if len(p.name) == 64)

    def all(self) -> list[str]:
        return sorted(p.name for p in self._blob_paths())

    def copy_to(self, other: BlobStore, *, link: bool = False) -> int:
        """Copy this store's blobs into `other` (what it lacks); returns how many. With `link`
        a blob is hard-linked where the two folders share a disk (a blob never changes, so a
        backup shares it with the desk instead of holding a second copy)."""
        n = 0
        for path in self._blob_paths():
            if other.has(path.name):
                continue
            target = other.path(path.name)
            if link:
                target.parent.mkdir(parents=True, exist_ok=True)
                try:
                    os.link(path, target)
                    n += 1
                    continue
                except OSError:
                    pass
            other.put_file(path)
            n += 1
        return n


def file_sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as f:
        while chunk := f.read(CHUNK):
            digest.update(chunk)
    return digest.hexdigest()


def _fsync_dir(path: Path) -> None:
    if os.name == "nt":  # pragma: no cover - Windows has no directory fsync
        return
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _mb(n: int) -> str:
    """Bytes as MB the way `digitise quota` says them (one decimal)."""
    return f"{n / 1024**2:,.1f}"
