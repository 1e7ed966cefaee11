"""Digitisation of the papers a desk receives (TT 03/2025 Art. 5 → TT 01/2023/TT-VPCP Art. 8):
each document line of a dossier is scanned (every page copied, the files kept), only shown (no
copy kept), reused from the citizen's earlier dossier, or classified (exempt). One `digitised`
event per change; the last for a line stands.

The files are content-addressed blobs beside the database (store.blobs): a scan is stored
before the event that names it, so no event ever points at a file this desk lacks. Nothing is
signed offline: a scan is marked "chưa ký số" wherever it is shown.

The rates of QĐ 766 group 4 (4.2 digitisation, 4.3 reuse of digitised data) are computed from
the same events.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from pathlib import Path

from motcua_desk.domain.dossier import DossierState, Status, fold
from motcua_desk.domain.errors import NotFound, ValidationError
from motcua_desk.domain.events import EventType
from motcua_desk.domain.schema import DIGITISATION_STATES
from motcua_desk.domain.self_check_digitised import PaperCount, tally
from motcua_desk.services import scans
from motcua_desk.services.base import ServiceBase
from motcua_desk.store.blobs import BlobStore, files_dir

# Forms of paper that are only shown at the counter: nothing to copy.
SHOWN_FORMS = ("presented",)
# Forms that carry a red seal (a certified copy always does): scanned in colour.
STAMPED_FORMS = ("certified_copy",)
EXEMPT_STATES = ("shown", "classified")
DONE_STATES = ("scanned", "reused")
BATCH = 500
QUOTA_KEY = "files.quota_mb"


@dataclass(frozen=True)
class FileRef:
    sha256: str
    size: int
    pages: int
    media_type: str
    name: str
    pdfa: bool


@dataclass(frozen=True)
class Paper:
    """One document line of a dossier and its digitisation."""

    index: int
    name: str
    form: str
    count: int
    state: str  # "" (not yet) | scanned | shown | reused | classified
    pages: int  # declared (0: not declared)
    files: tuple[FileRef, ...] = ()
    warnings: tuple[str, ...] = ()
    reused_from: str = ""
    at: datetime | None = None

    @property
    def exempt(self) -> bool:
        return self.state in EXEMPT_STATES or (not self.state and self.form in SHOWN_FORMS)


@dataclass(frozen=True)
class Attached:
    paper: Paper
    warnings: tuple[str, ...]
    pages: int
    lowest_dpi: float | None


@dataclass(frozen=True)
class Offer:
    """A digitised paper of the citizen's earlier dossier, offered for reuse."""

    from_code: str
    from_index: int
    name: str
    files: tuple[FileRef, ...]
    at: datetime | None


@dataclass(frozen=True)
class Rates:
    """QĐ 766 4.2 and 4.3 over the dossiers received in a period (direct and by post: an online
    dossier arrives digital; a dossier whose papers are all exempt has nothing to digitise)."""

    counted: int  # dossiers with at least one paper to digitise
    digitised: int  # of them, every such paper scanned or reused
    reusing: int  # of them, at least one paper reused
    exempt: int  # dossiers with nothing to digitise (not counted)

    @property
    def digitisation_rate(self) -> float | None:
        return self.digitised / self.counted if self.counted else None

    @property
    def reuse_rate(self) -> float | None:
        return self.reusing / self.counted if self.counted else None


@dataclass(frozen=True)
class FileProblem:
    code: str
    document: int
    name: str
    sha256: str
    problem: str  # missing | corrupt | unreadable: …


def papers_of(state: DossierState) -> list[Paper]:
    out = []
    for i, doc in enumerate(state.documents):
        d = state.digitisation.get(i, {})
        files = tuple(
            FileRef(
                sha256=f["sha256"],
                size=f.get("size", 0),
                pages=f.get("pages", 0),
                media_type=f.get("media_type", "application/pdf"),
                name=f.get("name", ""),
                pdfa=bool(f.get("pdfa")),
            )
            for f in d.get("files", ())
            if isinstance(f, dict) and isinstance(f.get("sha256"), str)
        )
        out.append(
            Paper(
                index=i,
                name=str(doc.get("name", "")),
                form=str(d.get("form") or doc.get("form", "")),
                count=d.get("copies") if type(d.get("copies")) is int else doc.get("count", 1),
                state=str(d.get("state", "")),
                pages=d.get("pages", 0) if type(d.get("pages")) is int else 0,
                files=files,
                warnings=tuple(d.get("warnings", ())),
                reused_from=str(d.get("reused_from", "")),
                at=d.get("at"),
            )
        )
    return out


class DigitisationService(ServiceBase):
    def __init__(self, store, clock, dossiers, quota_bytes: int | None = None) -> None:
        super().__init__(store, clock)
        self.dossiers = dossiers
        self.blobs = BlobStore(files_dir(Path(store.path)), quota_bytes)

    @classmethod
    def from_services(cls, services) -> DigitisationService:
        made = cls(services._store, services.clock, services.dossiers)
        made.blobs.quota_bytes = made.quota_bytes()
        return made

    # --- the quota --------------------------------------------------------------------------
    def quota_bytes(self) -> int | None:
        """The most the desk's files may take (None: no quota, only the disk's reserve)."""
        with self.reading() as db:
            mb = db.settings.get(QUOTA_KEY)
        return int(mb) * 1024**2 if type(mb) is int and mb > 0 else None

    def set_quota(self, megabytes: int | None) -> None:
        """Set (MB, 1–10,000,000) or remove (None or 0) the quota of the desk's files."""
        if megabytes is not None and (type(megabytes) is not int or not 0 <= megabytes <= 10**7):
            raise ValidationError(
                "quota",
                "the quota is a whole number of MB from 0 (none) to 10000000",
                code="count_range",
                name="quota",
                low=0,
                high=10**7,
            )
        with self.writing() as db:
            db.settings.set(QUOTA_KEY, megabytes or None)
        self.blobs.quota_bytes = self.quota_bytes()

    # --- reading ----------------------------------------------------------------------------
    def _state(self, code: str) -> DossierState:
        from motcua_desk.domain import codes

        clean = codes.normalize(code)
        with self.reading() as db:
            key = db.dossiers.key(clean)
            if key is None:
                raise NotFound(f"no dossier has the code {clean or code!r}", code="unknown_code")
            return fold(key[0], db.events.of(key[0]))

    def papers(self, code: str) -> list[Paper]:
        return papers_of(self._state(code))

    def file_path(self, sha256: str) -> Path:
        """Where a stored file is (to open it); NotFound when this desk lacks it."""
        if not self.blobs.has(sha256):
            raise NotFound(f"this desk does not hold the file {sha256[:12]}…", code="no_blob")
        return self.blobs.path(sha256)

    # --- changes ----------------------------------------------------------------------------
    def _line(self, state: DossierState, document: int) -> dict:
        if type(document) is not int or not 0 <= document < len(state.documents):
            raise ValidationError(
                "document",
                f"the dossier has {len(state.documents)} document lines: there is no line "
                f"{document + 1 if type(document) is int else document!r}",
                code="document_line",
            )
        return dict(state.documents[document])

    def attach(
        self,
        code: str,
        document: int,
        files: Sequence[Path],
        *,
        pages: int = 0,
        copies: int | None = None,
        stamped: bool | None = None,
        form: str = "",
    ) -> Attached:
        """Scanned pages of one document line: a PDF kept as given, or images put into one
        PDF in order. The file is stored first, then the event; warnings (page count, dpi, a
        stamped page in black and white) are recorded with it and returned."""
        if type(pages) is not int or not 0 <= pages <= 99_999:
            raise ValidationError(
                "pages",
                "the page count must be 0–99999",
                code="count_range",
                name="pages",
                low=0,
                high=99_999,
            )
        state = self._state(code)
        line = self._line(state, document)
        info = scans.read_scans([Path(f) for f in files])
        form = form or str(line.get("form", ""))
        if stamped is None:
            stamped = form in STAMPED_FORMS
        warnings = scans.warnings_for(info, pages, stamped)
        blob = self.blobs.put_bytes(info.pdf)
        payload = {
            "document": document,
            "state": "scanned",
            "name": str(line.get("name", "")),
            "form": form,
            "copies": copies if copies is not None else int(line.get("count", 1) or 1),
            "pages": pages or info.page_count,
            "files": [
                {
                    "sha256": blob.sha256,
                    "size": blob.size,
                    "pages": info.page_count,
                    "media_type": "application/pdf",
                    "name": info.name[:300],
                    "pdfa": info.pdfa,
                }
            ],
            "warnings": warnings,
            "signed": False,
        }
        paper = self._append(code, payload)
        return Attached(paper, tuple(warnings), info.page_count, info.lowest_dpi)

    def mark(self, code: str, document: int, state: str) -> Paper:
        """A line with no copy kept: only shown at the counter, or classified."""
        if state not in EXEMPT_STATES:
            raise ValidationError(
                "state",
                f"a paper is marked {' or '.join(EXEMPT_STATES)} (scanned and reused papers "
                "come with their files)",
                code="digitisation_state",
            )
        line = self._line(self._state(code), document)
        return self._append(
            code,
            {"document": document, "state": state, "name": str(line.get("name", ""))},
        )

    def offers(self, code: str) -> list[Offer]:
        """The citizen's earlier dossiers' digitised papers (found by the CCCD), newest first,
        whose files this desk holds."""
        state = self._state(code)
        id_number = str(state.applicant.get("id_number", ""))
        if not id_number:
            return []
        out = []
        for view in self.dossiers.search_citizen(id_number):
            if view.code == state.code:
                continue
            for paper in papers_of(self._state(view.code)):
                if (
                    paper.state in DONE_STATES
                    and paper.files
                    and all(self.blobs.has(f.sha256) for f in paper.files)
                ):
                    out.append(Offer(view.code, paper.index, paper.name, paper.files, paper.at))
        return out

    def reuse(self, code: str, document: int, from_code: str, from_document: int) -> Paper:
        """Take a digitised paper of the citizen's earlier dossier for this line (marked
        reused, with where it came from)."""
        state = self._state(code)
        line = self._line(state, document)
        source = self._state(from_code)
        if str(source.applicant.get("id_number", "")) != str(
            state.applicant.get("id_number", "")
        ) or not state.applicant.get("id_number"):
            raise ValidationError(
                "from",
                f"{source.code} is not a dossier of the same citizen (CCCD)",
                code="reuse_other_citizen",
            )
        papers = papers_of(source)
        if not 0 <= from_document < len(papers) or papers[from_document].state not in DONE_STATES:
            raise ValidationError(
                "from",
                f"{source.code} has no digitised paper {from_document + 1}",
                code="reuse_nothing",
            )
        paper = papers[from_document]
        return self._append(
            code,
            {
                "document": document,
                "state": "reused",
                "name": str(line.get("name", "")),
                "form": paper.form,
                "copies": paper.count,
                "pages": paper.pages,
                "files": [
                    {
                        "sha256": f.sha256,
                        "size": f.size,
                        "pages": f.pages,
                        "media_type": f.media_type,
                        "name": f.name,
                        "pdfa": f.pdfa,
                    }
                    for f in paper.files
                ],
                "reused_from": source.code,
                "signed": False,
            },
        )

    def _append(self, code: str, payload: dict) -> Paper:
        assert payload["state"] in DIGITISATION_STATES
        index = payload["document"]

        def build(uow, state, now):
            uow.append(state.dossier_id, EventType.DIGITISED, payload, now)

        self.dossiers._single(code, build)
        return papers_of(self._state(code))[index]

    # --- checks and figures -----------------------------------------------------------------
    def verify_files(self) -> list[FileProblem]:
        """Every file an event of this database names: here, and hashing to its name."""
        return self.check_files()[1]

    def check_files(self) -> tuple[int, list[FileProblem]]:
        """verify_files, with how many distinct files were checked (`motcua-desk verify`)."""
        out = []
        seen: dict[str, str] = {}
        with self.reading() as db:
            ids = [d for _e, d in db.events.ids_of_types_between((EventType.DIGITISED,), *_ALL)]
            events = db.events.of_many(sorted(set(ids)))
        for dossier_id, evs in events.items():
            state = fold(dossier_id, evs)
            for paper in papers_of(state):
                for f in paper.files:
                    if f.sha256 not in seen:
                        seen[f.sha256] = self.blobs.check(f.sha256)
                    if seen[f.sha256]:
                        out.append(
                            FileProblem(
                                state.code, paper.index, paper.name, f.sha256, seen[f.sha256]
                            )
                        )
        return len(seen), out

    def rates(self, date_from: date, date_to: date) -> Rates:
        if date_to < date_from:
            raise ValidationError("to", "the end date is before the start date", code="range")
        cal = self.dossiers.cal
        start = cal.to_local(datetime(date_from.year, date_from.month, date_from.day))
        end = cal.to_local(datetime(date_to.year, date_to.month, date_to.day)) + timedelta(days=1)
        counts = []
        with self.reading() as db:
            ids = [r.id for r in db.dossiers.received_between(start, end)]
            for i in range(0, len(ids), BATCH):
                batch = ids[i : i + BATCH]
                events = db.events.of_many(batch)
                for dossier_id in batch:
                    state = fold(dossier_id, events.get(dossier_id, []))
                    if state.channel == "online" or state.status in NOT_TAKEN_IN:
                        continue
                    counts.append(count_papers(state))
        return rates_of(counts)


def count_papers(state: DossierState) -> PaperCount:
    """How many of a dossier's papers are to digitise (not exempt), and of them how many are
    done (scanned or reused) and reused: the one rule of QĐ 766 4.2 and 4.3 (the rates above
    and the QĐ 766 self-check of services.reports)."""
    due = [p for p in papers_of(state) if not p.exempt]
    return PaperCount(
        state.code,
        len(due),
        sum(p.state in DONE_STATES for p in due),
        sum(p.state == "reused" for p in due),
    )


# voided (entered by mistake) or refused at intake: never taken in, so not in 4.2 / 4.3
NOT_TAKEN_IN = (Status.VOIDED, Status.REFUSED_AT_INTAKE)


def rates_of(counts: Sequence[PaperCount]) -> Rates:
    """The rates over the dossiers that count (not online, not voided, not refused at intake):
    a dossier with no paper to digitise is exempt; one is digitised when every paper due is
    done, reusing when one of them is reused (domain.self_check_digitised.tally)."""
    return Rates(*tally(counts))


_ALL = (datetime(2000, 1, 1).astimezone(), datetime(2100, 1, 1).astimezone())
