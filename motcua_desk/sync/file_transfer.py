"""The files' part of a sync round (after the events): send this desk's files the hub lacks,
fetch the other desks' files this desk lacks, both resumable (the hub keeps what it has of a
file cut off; the desk keeps a partial download beside its files) and both checked against the
file's name (its SHA-256) before it is kept.

Nothing here stalls the sync: a file this desk should have but lacks or holds corrupt, or a
file the hub does not hold yet, stays on the book (services.file_sync) and becomes a warning
of the sync status that says what to do; the events have synced already.
"""

from __future__ import annotations

import logging
import os
from dataclasses import dataclass, field

import httpx

from motcua_desk.services.file_sync import FileSyncBook
from motcua_desk.store.blobs import CHUNK, BlobStore
from motcua_desk.sync.hub_blobs import CHUNK_BYTES, MAX_WANTED
from motcua_desk.sync.hub_client import HubClient, HubRefused, HubUnavailable

log = logging.getLogger("motcua.sync")

# Warnings of the sync status (ui/sync_texts.py says them in Vietnamese).
FILE_MISSING = "file_missing"  # a file this desk wrote is gone or corrupt here
FILE_WAITING = "file_waiting"  # another desk's file is not on the hub yet


@dataclass
class FilesReport:
    sent: int = 0
    fetched: int = 0
    bytes_sent: int = 0
    bytes_fetched: int = 0
    problems: dict[str, str] = field(default_factory=dict)

    @property
    def warnings(self) -> list[str]:
        out = []
        if any(p in ("missing", "corrupt") for p in self.problems.values()):
            out.append(FILE_MISSING)
        if any(p == "not_on_hub" for p in self.problems.values()):
            out.append(FILE_WAITING)
        return out


def wanted(client: HubClient, shas: list[str]) -> tuple[list[str], dict[str, int]]:
    lacking: list[str] = []
    offsets: dict[str, int] = {}
    for i in range(0, len(shas), MAX_WANTED):
        body = {"sha256": shas[i : i + MAX_WANTED]}
        data = client.answer(client.send("POST", "/v1/files/wanted", json=body))
        lacking += [s for s in data.get("wanted", ()) if isinstance(s, str)]
        offsets.update(
            {k: v for k, v in data.get("offsets", {}).items() if type(v) is int and v >= 0}
        )
    return lacking, offsets


def upload(client: HubClient, blobs: BlobStore, sha: str, offset: int = 0) -> int:
    """Send the file from `offset` in chunks; returns the bytes sent. The hub checks it whole."""
    path = blobs.path(sha)
    size = path.stat().st_size
    sent = 0
    with path.open("rb") as f:
        f.seek(offset)
        while offset < size:
            chunk = f.read(CHUNK_BYTES)
            r = client.send(
                "PUT",
                f"/v1/files/{sha}",
                params={"offset": offset, "size": size},
                content=chunk,
                headers={"Content-Type": "application/octet-stream"},
            )
            data = client.answer(r)
            offset += len(chunk)
            sent += len(chunk)
            if data.get("complete"):
                break
    return sent


def download(client: HubClient, blobs: BlobStore, sha: str) -> int | None:
    """Fetch one file into the desk's store, resuming a partial download; returns the bytes
    fetched, or None when the hub does not hold it (yet). ValueError when what came does not
    hash to its name (the partial copy is dropped: the next round fetches it again)."""
    partial_dir = blobs.root / "partial"
    partial_dir.mkdir(parents=True, exist_ok=True)
    partial = partial_dir / sha
    have = partial.stat().st_size if partial.exists() else 0
    headers = {"Range": f"bytes={have}-"} if have else {}
    got = 0
    try:
        with client._http.stream("GET", f"/v1/files/{sha}", headers=headers) as r:
            if r.status_code == 404:
                return None
            if r.status_code == 416:  # the partial copy is whole already
                pass
            elif r.status_code not in (200, 206):
                r.read()
                client.answer(r)
            else:
                mode = "ab" if r.status_code == 206 else "wb"
                with partial.open(mode) as f:
                    for piece in r.iter_bytes(CHUNK):
                        f.write(piece)
                        got += len(piece)
                    f.flush()
                    os.fsync(f.fileno())
    except httpx.TransportError as err:
        raise HubUnavailable(f"the hub at {client.url} did not answer ({err})") from err
    if not blobs.adopt(partial, sha):
        raise ValueError(f"the file {sha[:12]}… came from the hub corrupt")
    return got


def sync_files(client: HubClient, book: FileSyncBook) -> FilesReport:
    """One files round; raises HubUnavailable when the hub goes away (the book keeps what is
    left), never for a single bad file."""
    blobs = book.blobs
    due = book.due()
    report = FilesReport()
    sent: set[str] = set()
    fetched: set[str] = set()
    try:
        if due.push:
            lacking, offsets = wanted(client, sorted(due.push))
            sent |= set(due.push) - set(lacking)  # the hub has them
            for sha in lacking:
                problem = blobs.check(sha)
                if problem:
                    report.problems[sha] = "missing" if problem == "missing" else "corrupt"
                    log.error("file %s to send to the hub is %s here", sha[:12], problem)
                    continue
                try:
                    report.bytes_sent += upload(client, blobs, sha, offsets.get(sha, 0))
                except HubRefused as err:
                    if err.error == "offset_mismatch":  # ask where the hub is, once
                        _lacking, again = wanted(client, [sha])
                        report.bytes_sent += upload(client, blobs, sha, again.get(sha, 0))
                    elif err.error == "corrupt":
                        report.problems[sha] = "corrupt"
                        continue
                    else:
                        raise
                sent.add(sha)
                report.sent += 1
        for sha in sorted(due.fetch):
            if blobs.has(sha):
                fetched.add(sha)
                continue
            try:
                n = download(client, blobs, sha)
            except ValueError as err:
                log.error("%s", err)
                report.problems[sha] = "corrupt_from_hub"
                continue
            if n is None:
                report.problems[sha] = "not_on_hub"
                continue
            fetched.add(sha)
            report.fetched += 1
            report.bytes_fetched += n
    finally:
        book.settle(sent, fetched, report.problems)
    return report
