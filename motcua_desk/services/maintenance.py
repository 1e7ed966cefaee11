"""Care of the database file itself: online backups, what a restore leaves to do."""

from __future__ import annotations

from datetime import UTC
from pathlib import Path

from motcua_desk import paths
from motcua_desk.domain.errors import ValidationError
from motcua_desk.services.base import ServiceBase
from motcua_desk.store.blobs import BlobStore, files_dir
from motcua_desk.store.errors import SQLITE_ERROR
from motcua_desk.store.migrate import backup_database
from motcua_desk.store.restore import RESTORE_PENDING, RestoreResult, restore_database


class MaintenanceService(ServiceBase):
    def restore_pending(self) -> dict | None:
        """What restore left to do ({at, file, last_seq, hub}), or None."""
        with self.reading() as db:
            value = db.settings.get(RESTORE_PENDING)
        return value if isinstance(value, dict) else ({} if value else None)

    def confirm_offline_restore(self) -> bool:
        """The officer confirms there is no hub to take this desk's events back from: the desk
        records again. Returns whether a restore was waiting."""
        with self.writing() as db:
            if not db.settings.get(RESTORE_PENDING):
                return False
            db.settings.set(RESTORE_PENDING, None)
        return True

    def backup(self, dest: Path | None = None) -> Path:
        """A consistent copy through SQLite's online backup API, safe while the desk works.
        Never overwrites a file; default: backups/ beside the database, stamped in UTC."""
        if dest is None:
            stamp = self.clock().astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")
            dest = paths.backup_dir(self.store.path) / f"{self.store.path.stem}-{stamp}.sqlite3"
        dest = Path(dest)
        if dest.exists():
            raise ValidationError("out", f"{dest} already exists", code="exists", path=str(dest))
        try:
            done = backup_database(self.store.path, dest)
            # the digitised papers after the database: a file is stored before the event that
            # names it, so every file the copied events name is there by now
            BlobStore(files_dir(self.store.path)).copy_to(BlobStore(files_dir(dest)), link=True)
            return done
        except (OSError, SQLITE_ERROR) as err:
            dest.unlink(missing_ok=True)
            raise ValidationError(
                "out", f"cannot write {dest}: {err}", code="unwritable", path=str(dest)
            ) from err


def restore_file(src: Path, db_path: Path, *, other_desk: bool = False) -> RestoreResult:
    """Put the backup `src` in place of the desk database at `db_path`, which must not be open
    (see store.restore). Used before any service is opened on that database."""
    result = restore_database(Path(src), Path(db_path), other_desk=other_desk)
    # the backup's files join the desk's (content-addressed: none is replaced or removed)
    BlobStore(files_dir(Path(src))).copy_to(BlobStore(files_dir(Path(db_path))))
    return result


def payload_codec_check() -> str:
    """The self-test's look at the payload codec (schema 0005: Zstandard, a C extension a
    frozen build must carry): a dictionary trained on synthetic payloads, one packed and read
    back. The sizes, or an exception."""
    from motcua_desk.store.payload_codec import PayloadCodec, train

    sample = [
        f'{{"from_unit":"desk","to_unit":"Phòng {i % 7}","receiver":"Cán bộ {i}"}}'.encode()
        for i in range(1500)
    ]
    data = train(sample)
    if data is None:
        raise RuntimeError("no dictionary could be trained")
    codec = PayloadCodec()
    codec.add(1, data)
    text = sample[42].decode()
    packed = codec.pack(text)
    if codec.unpack_text(packed) != text:
        raise RuntimeError("a payload did not read back as it was written")
    return f"a payload of {len(text.encode())} bytes packed to {len(packed)}"
