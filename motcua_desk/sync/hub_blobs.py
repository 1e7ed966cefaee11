"""The hub's side of the files (digitised papers): a content-addressed folder like the desk's
(store.blobs), filled by the desks in chunks and read back by them.

- `POST /v1/files/wanted` {"sha256": [...]} → {"wanted": [...], "offsets": {sha: bytes}}: which
  of these the hub lacks, and how much of each it already holds (a transfer cut off resumes).
- `PUT /v1/files/{sha256}?offset=N&size=S` (application/octet-stream, at most CHUNK_BYTES):
  appends one chunk at `offset` of a file of `size` bytes. The last chunk is checked against
  its name before the file is kept: a corrupt transfer is refused (422 corrupt) and dropped.
  A chunk at the wrong offset is refused 409 with the offset the hub holds.
- `GET /v1/files/{sha256}` (a `Range: bytes=N-` header resumes): the file.

The hub accepts an event whether or not it holds the files it names; the desk that wrote the
event sends them after (it asks what is wanted). Every request needs a desk token.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import FileResponse, Response

from motcua_desk.store.blobs import BlobStore, BlobStoreFull
from motcua_desk.sync.protocol import ProtocolError

CHUNK_BYTES = 4 * 1024**2
MAX_FILE_BYTES = 512 * 1024**2  # as a scan at the desk (services.scans)
MAX_WANTED = 1000
_SHA = re.compile(r"^[0-9a-f]{64}$")


def _sha(request: Request) -> str:
    sha = request.path_params.get("sha", "")
    if not _SHA.match(sha):
        raise ProtocolError("bad_request", "a file is named by its SHA-256: 64 hex digits")
    return sha


class HubFiles:
    def __init__(self, hub, root: Path) -> None:
        self.hub = hub  # HubApp: authentication, JSON bodies, answers
        self.blobs = BlobStore(root)
        self.partial = root / "partial"

    def _partial(self, sha: str) -> Path:
        return self.partial / sha

    def held(self, sha: str) -> int:
        """Bytes the hub holds of a file it does not have whole yet."""
        try:
            return self._partial(sha).stat().st_size
        except FileNotFoundError:
            return 0

    async def wanted(self, request: Request) -> Response:
        await self.hub._desk(request)
        body = await self.hub._json_body(request, 256 * 1024)
        shas = body.get("sha256") if isinstance(body, dict) else None
        if (
            not isinstance(shas, list)
            or len(shas) > MAX_WANTED
            or not all(isinstance(s, str) and _SHA.match(s) for s in shas)
        ):
            raise ProtocolError(
                "bad_request", f"wanted takes {{'sha256': [at most {MAX_WANTED} SHA-256 names]}}"
            )

        def check() -> tuple[list[str], dict[str, int]]:
            lacking = [s for s in dict.fromkeys(shas) if not self.blobs.has(s)]
            return lacking, {s: self.held(s) for s in lacking if self.held(s)}

        lacking, offsets = await run_in_threadpool(check)
        return self.hub._ok({"wanted": lacking, "offsets": offsets})

    async def put(self, request: Request) -> Response:
        await self.hub._desk(request)
        sha = _sha(request)
        from motcua_desk.sync.hub import _int_param

        offset = _int_param(request, "offset", 0, 0, MAX_FILE_BYTES)
        size = _int_param(request, "size", 0, 1, MAX_FILE_BYTES)
        ctype = request.headers.get("content-type", "").split(";")[0].strip().lower()
        if ctype != "application/octet-stream":
            await self.hub._drain(request, 0)
            raise ProtocolError(
                "unsupported_media_type", "a file chunk is application/octet-stream"
            )
        chunks, n = [], 0
        async for piece in request.stream():
            n += len(piece)
            if n > CHUNK_BYTES or offset + n > size:
                await self.hub._drain(request, n)
                raise ProtocolError(
                    "too_large", f"a chunk is at most {CHUNK_BYTES} bytes, within the file's size"
                )
            chunks.append(piece)
        data = b"".join(chunks)
        if self.blobs.has(sha):
            return self.hub._ok({"complete": True, "offset": size})
        return await run_in_threadpool(self._append, sha, offset, size, data)

    def _append(self, sha: str, offset: int, size: int, data: bytes) -> Response:
        path = self._partial(sha)
        held = self.held(sha)
        if offset != held:
            raise ProtocolError(
                "offset_mismatch", f"the hub holds {held} bytes of this file, not {offset}"
            )
        if offset == 0:
            try:
                self.blobs._room_for(size)
            except BlobStoreFull as err:
                raise ProtocolError("hub_full", str(err)) from None
        self.partial.mkdir(parents=True, exist_ok=True)
        with path.open("ab") as f:
            f.write(data)
            f.flush()
            os.fsync(f.fileno())
        held = offset + len(data)
        if held < size:
            return self.hub._ok({"complete": False, "offset": held})
        if not self.blobs.adopt(path, sha):
            raise ProtocolError(
                "corrupt", "the file's content does not match its name: send it again"
            )
        return self.hub._ok({"complete": True, "offset": size})

    async def get(self, request: Request) -> Response:
        await self.hub._desk(request)
        sha = _sha(request)
        if not self.blobs.has(sha):
            raise ProtocolError("not_found", "the hub does not hold this file (yet)")
        return FileResponse(self.blobs.path(sha), media_type="application/octet-stream")
