"""The reports' reads (services/reports.py): the SQL of the office's figures and the decoding of
its rows into per-dossier facts, bound to a read session (`Repositories.reports`).

The queries read the projection and the events through the raw sqlite3 connection of a read
session (plain tuples: a million-dossier period is read in seconds, not minutes), so each query's
column order and the function that decodes its rows are one contract; they live together here,
apart from the use cases in services.reports that choose which query to run and what to compute.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy.orm import Session

from motcua_desk.domain.quality import MOVE_KINDS, Move, moves_from_events
from motcua_desk.domain.reports import (
    REFUSED,
    REJECTED,
    RESULT,
    STOPPED,
    DossierFacts,
    facts_from_events,
)
from motcua_desk.store import repo
from motcua_desk.store.types import utc_moment as stored_moment
from motcua_desk.store.types import utc_text

COLUMNS = (
    "id, code, field, procedure_code, procedure_name, department, desk_no, channel, "
    "received_at, original_due_at, extended, status, result_at, location_since, "
    "supplement_count, conflict_count"
)

# The dossiers that can count in a period [:s, :e), in five disjoint parts each served by an
# index: received in the period (ix_dossiers_received); received before it and still open, or
# finished in or after it (ix_dossiers_status_due by status, ix_dossiers_returned for the many
# returned ones; "+received_at" and INDEXED BY keep SQLite from scanning ix_dossiers_received or
# the table for those, which would read every older dossier: with few statuses, ANALYZE makes
# the status index look unselective). Voided dossiers and refusals at intake are not among them.
CANDIDATES_SQL = """
SELECT {cols} FROM dossiers WHERE received_at >= :s AND received_at < :e
  AND status NOT IN ('voided', 'refused')
  AND NOT (status IN ('result_ready', 'returned', 'rejected') AND result_at < :s)
  AND NOT (status = 'stopped' AND location_since < :s) {desk}
UNION ALL
SELECT {cols} FROM dossiers INDEXED BY ix_dossiers_status_due WHERE +received_at < :s
  AND status IN ('received', 'in_process', 'supplement_requested') {desk}
UNION ALL
SELECT {cols} FROM dossiers INDEXED BY ix_dossiers_status_due
  WHERE status IN ('result_ready', 'rejected') AND +received_at < :s
  AND result_at >= :s {desk}
UNION ALL
SELECT {cols} FROM dossiers WHERE returned_at >= :s AND status = 'returned'
  AND +received_at < :s AND result_at >= :s {desk}
UNION ALL
SELECT {cols} FROM dossiers INDEXED BY ix_dossiers_status_due
  WHERE status = 'stopped' AND +received_at < :s
  AND location_since >= :s {desk}
"""

# Biểu 06's cells for the dossiers the projection can speak for (no supplement, no conflict),
# classified by SQLite with the rules of domain.reports.classify for such a dossier (one due
# moment; the office-local date by a fixed offset :off, e.g. '+420 minutes'); the property tests
# hold it to the event fold. :by_date 1 compares dates (Thanh Hóa), :excl_stopped 1 leaves
# stopped dossiers out. Rows starting with 0 are the cells (grouped, or one per dossier), rows
# starting with 1 the dossiers sent back for supplements or with a conflict, whole: one read
# of the candidates (materialised) serves both.
CLASSIFIED_SQL = """
WITH c AS MATERIALIZED ({candidates}),
k AS (
  SELECT field, department, procedure_code, procedure_name, code, status,
    CASE WHEN received_at >= :s THEN
           CASE WHEN channel = 'online' THEN 'received_online' ELSE 'received_direct' END
         ELSE 'carried_over' END AS rec,
    CASE WHEN fin IS NOT NULL AND fin < :e THEN
           CASE WHEN extended THEN 'resolved_late'
                WHEN due IS NULL THEN 'resolved_on_time'
                WHEN date(fin, :off) < date(due, :off) THEN 'resolved_early'
                WHEN :by_date THEN
                  CASE WHEN date(fin, :off) = date(due, :off) THEN 'resolved_on_time'
                       ELSE 'resolved_late' END
                WHEN fin <= due THEN 'resolved_on_time'
                ELSE 'resolved_late' END
         WHEN due IS NOT NULL AND due < :e THEN 'pending_overdue'
         ELSE 'pending_within' END AS res,
    (status = 'stopped' AND fin < :e) AS stp
  FROM (SELECT *, original_due_at AS due,
               CASE WHEN status IN ('result_ready', 'returned', 'rejected') THEN result_at
                    WHEN status = 'stopped' THEN location_since END AS fin FROM c)
  WHERE supplement_count = 0 AND conflict_count = 0
    AND NOT (:excl_stopped AND status = 'stopped'))
{select}
UNION ALL
SELECT 1, {cols} FROM c WHERE supplement_count > 0 OR conflict_count > 0
"""
_PAD = ", NULL" * 8  # the cells' rows are as wide as the whole dossiers' rows
GROUPED = (
    "SELECT 0, field, department, procedure_code, MAX(procedure_name), rec, res, stp, "
    f"COUNT(*){_PAD} FROM k GROUP BY field, department, procedure_code, rec, res, stp"
)
PER_DOSSIER = (
    f"SELECT 0, field, department, procedure_code, procedure_name, rec, res, stp, code{_PAD} FROM k"
)

# The due moments and the waits of dossiers sent back for supplements, in the fold's order:
# with no conflict every event of theirs was applied, so these three kinds say it all.
RESTARTS_SQL = (
    "SELECT dossier_id, type, occurred_at, json_extract(payload_text(payload), '$.due_at') "
    "FROM events WHERE dossier_id IN ({ids}) "
    "AND type IN ('received', 'supplement_requested', 'resubmitted') "
    "ORDER BY dossier_id, hlc, node_id, id"
)
CHUNK = 500

# The extension (Mẫu 04 and its new date) and the prints of the late dossiers' forms.
APOLOGY_SQL = (
    "SELECT dossier_id, type, occurred_at, "
    "json_extract(payload_text(payload), '$.new_due_at'), "
    "json_extract(payload_text(payload), '$.reason'), "
    "json_extract(payload_text(payload), '$.form') FROM events "
    "WHERE dossier_id IN ({ids}) AND type IN ('extended', 'printed') "
    "ORDER BY dossier_id, hlc, node_id, id"
)

# The moves of the dossiers' paths (domain.quality): handoffs, results and refusals back,
# supplement requests and restarts, stops and voids, in the fold's order.
MOVES_SQL = (
    "SELECT dossier_id, type, occurred_at, json_extract(payload_text(payload), '$.from_unit'), "
    "json_extract(payload_text(payload), '$.to_unit') FROM events WHERE dossier_id IN ({ids}) "
    "AND type IN ('handed_off', 'result_received', 'refused_after_appraisal', "
    "'supplement_requested', 'resubmitted', 'stopped', 'voided') "
    "ORDER BY dossier_id, hlc, node_id, id"
)

# Refusals at intake in the period (ix_events_type_time).
REFUSED_SQL = (
    f"SELECT {', '.join('d.' + c.strip() for c in COLUMNS.split(','))}, MIN(e.occurred_at) "
    "FROM events e JOIN dossiers d ON d.id = e.dossier_id "
    "WHERE e.type = 'refused_at_intake' AND e.occurred_at >= :s AND e.occurred_at < :e "
    "AND d.status = 'refused' {desk} GROUP BY d.id"
)

# QĐ 766 4.2 and 4.3: the dossiers received in the period [:s, :e) but voided ones
# (ix_dossiers_received), each with its channel, whether it must be folded (a digitised event
# names it, or it carries a sync conflict) and, if not, its received event's documents.
DIGITISATION_SQL = """
SELECT d.id, d.code, d.channel, d.conflict_count > 0 OR EXISTS (
    SELECT 1 FROM events x WHERE x.dossier_id = d.id AND x.type = 'digitised'),
  (SELECT json_extract(payload_text(e.payload), '$.documents') FROM events e
    WHERE e.dossier_id = d.id AND e.type = 'received' ORDER BY e.hlc, e.node_id, e.id LIMIT 1)
FROM dossiers d WHERE d.received_at >= :s AND d.received_at < :e
  AND d.status NOT IN ('voided', 'refused') {desk}
"""


@dataclass(frozen=True)
class Received:
    """A dossier received in a period, for the digitisation rates: `fold` when its events
    must be folded, else its document lines as received (nothing digitised yet)."""

    dossier_id: str
    code: str
    channel: str
    fold: bool
    documents: tuple[dict, ...] = ()
    documents_text: str = ""  # the JSON they were read from: equal texts, equal documents


def utc_moment(text: str | None) -> datetime | None:
    return stored_moment(text) if text else None


def iso_moment(text: str | None) -> datetime | None:
    """A due moment as the events carry it (ISO 8601 with its offset)."""
    return datetime.fromisoformat(text) if text else None


def _outcome(status: str, result_at: str | None, since: str | None):
    if status in ("result_ready", "returned"):
        return RESULT, utc_moment(result_at)
    if status == "rejected":
        return REJECTED, utc_moment(result_at)
    if status == "stopped":
        return STOPPED, utc_moment(since)
    return "", None


def rejected_since(raw, start: str) -> set[str]:
    """The dossiers refused after appraisal at or after `start` (a returned one's projection
    row no longer says it was a refusal): few, from ix_events_type_time."""
    return {
        d
        for (d,) in raw.execute(
            "SELECT dossier_id FROM events WHERE type = 'refused_after_appraisal' "
            "AND occurred_at >= ?",
            (start,),
        )
    }


def row_facts(
    r, dues=None, pauses=(), rejected: frozenset[str] | set[str] = frozenset()
) -> DossierFacts:
    """Facts from a projection row (the COLUMNS order); `dues` and `pauses` for a dossier
    whose due moment moved, else its one due moment from receipt. `rejected`: the ids of the
    dossiers refused after appraisal (a returned one's row no longer says so)."""
    outcome, at = _outcome(r[11], r[12], r[13])
    if outcome == RESULT and r[11] == "returned" and r[0] in rejected:
        outcome = REJECTED  # the refusal was handed back: resolved by a refusal, as the fold says
    received = utc_moment(r[8])
    return DossierFacts(
        dossier_id=r[0],
        code=r[1],
        field=r[2],
        procedure_code=r[3],
        procedure_name=r[4],
        department=r[5],
        desk_no=r[6],
        channel=r[7],
        received_at=received,
        dues=dues if dues is not None else ((received, utc_moment(r[9])),),
        pauses=tuple(pauses),
        extended=bool(r[10]),
        outcome=outcome,
        outcome_at=at,
        supplement_count=r[14],
    )


def dbapi(session):
    """The sqlite3 connection under a read session (its transaction): rows as plain tuples."""
    return session.connection().connection.driver_connection


def refused_and_folded(raw, session, args: dict, desk: str, moved: list) -> list[DossierFacts]:
    """The refusals at intake in the period, and the facts of the dossiers in `moved`
    (projection rows of dossiers sent back for supplements, or with a sync conflict): the
    conflict-free ones from their due moments and waits, the others (and refused ones that
    carry a conflict) folded from all their events."""
    out: list[DossierFacts] = []
    folded: list[str] = []
    refused_sql = REFUSED_SQL.format(
        desk=desk.replace("desk_no", "d.desk_no").replace("field IN", "d.field IN")
    )
    for r in raw.execute(refused_sql, args):
        if r[14] or r[15]:
            folded.append(r[0])
            continue
        received = utc_moment(r[8])
        out.append(
            DossierFacts(
                dossier_id=r[0],
                code=r[1],
                field=r[2],
                procedure_code=r[3],
                procedure_name=r[4],
                department=r[5],
                desk_no=r[6],
                channel=r[7],
                received_at=received,
                dues=((received, utc_moment(r[9])),),
                extended=bool(r[10]),
                outcome=REFUSED,
                outcome_at=utc_moment(r[16]),
            )
        )
    restarted = []
    for r in moved:
        (folded if r[15] else restarted).append(r)
    rejected = rejected_since(raw, args["s"]) if restarted else set()
    for i in range(0, len(restarted), CHUNK):
        chunk = restarted[i : i + CHUNK]
        steps: dict[str, list] = {}
        sql = RESTARTS_SQL.format(ids=",".join("?" * len(chunk)))
        for dossier_id, type_, at, due in raw.execute(sql, [r[0] for r in chunk]):
            steps.setdefault(dossier_id, []).append((type_, utc_moment(at), iso_moment(due)))
        for r in chunk:
            dues: list[tuple[datetime, datetime | None]] = []
            pauses: list[list] = []
            for type_, at, due in steps.get(r[0], ()):
                if type_ == "supplement_requested":
                    pauses.append([at, None])
                    continue
                dues.append((at, due))
                if type_ == "resubmitted" and pauses and pauses[-1][1] is None:
                    pauses[-1][1] = at
            out.append(row_facts(r, tuple(dues), [(a, b) for a, b in pauses], rejected))
    if folded:
        events = repo.load_events_many(session, folded)
        for dossier_id in folded:
            f = facts_from_events(dossier_id, events.get(dossier_id, ()))
            if f is not None:
                out.append(f)
    return out


@dataclass(frozen=True)
class ReportFilter:
    """Which dossiers a report reads: those that can count in [start, end), received at one
    desk (None: at any desk), of these fields (None: of any field; empty: of none)."""

    start: datetime
    end: datetime
    desk_no: int | None = None
    fields: tuple[str, ...] | None = None


def _where(flt: ReportFilter) -> tuple[dict, str]:
    """The parameters and the SQL filter (desk, fields) of a report's candidates."""
    args: dict = {"s": utc_text(flt.start), "e": utc_text(flt.end)}
    fields = ""
    if flt.fields is not None:
        names = [f"f{i}" for i in range(len(flt.fields))]
        args.update(zip(names, flt.fields, strict=True))
        fields = " AND field IN (" + ", ".join(":" + n for n in names) + ")" if names else " AND 0"
    if flt.desk_no is None:
        return args, fields
    args["desk"] = flt.desk_no
    return args, "AND desk_no = :desk" + fields


# One cell row of Biểu 06 as SQLite classified it: field, department, procedure code and name,
# the receipt and resolution columns, whether it was stopped, the count and (kept) the code.
Cell = Callable[[str, str, str, str, str, str, bool, int, str], None]


class ReportReads:
    """The reports' reads over one read session (its snapshot)."""

    def __init__(self, session: Session) -> None:
        self._session = session

    def facts(self, flt: ReportFilter) -> list[DossierFacts]:
        """Every dossier that can count in the period, as facts."""
        args, desk = _where(flt)
        out: list[DossierFacts] = []
        moved: list = []
        raw = dbapi(self._session)
        sql = CANDIDATES_SQL.format(cols=COLUMNS, desk=desk)
        # refusals after appraisal that can count: their moment is the dossier's result_at,
        # at or after the period's start
        rejected = rejected_since(raw, args["s"])
        for r in raw.execute(sql, args):
            if r[14] or r[15]:  # supplements or conflicts: from their events
                moved.append(r)
                continue
            out.append(row_facts(r, rejected=rejected))
        out += refused_and_folded(raw, self._session, args, desk, moved)
        return out

    def classified(
        self,
        flt: ReportFilter,
        *,
        offset: int,
        by_date: bool,
        excl_stopped: bool,
        keep_codes: bool,
        cell: Cell,
    ) -> list[DossierFacts]:
        """Biểu 06's cells classified by SQLite (CLASSIFIED_SQL, the office-local date by a
        fixed `offset` in minutes), each handed to `cell` (with keep_codes one per dossier,
        counted 1); returns the facts of the refusals at intake and of the dossiers with
        supplements or conflicts, which Python classifies."""
        args, desk = _where(flt)
        args.update(
            off=f"{offset:+d} minutes", by_date=int(by_date), excl_stopped=int(excl_stopped)
        )
        candidates = CANDIDATES_SQL.format(cols=COLUMNS, desk=desk)
        raw = dbapi(self._session)
        sql = CLASSIFIED_SQL.format(
            candidates=candidates, cols=COLUMNS, select=PER_DOSSIER if keep_codes else GROUPED
        )
        moved = []
        for r in raw.execute(sql, args):
            if r[0]:
                moved.append(r[1:])
                continue
            _, fld, dept, proc, name, rec, res, stp, last = r[:9]
            n, code = (1, last) if keep_codes else (last, "")
            cell(fld, dept, proc, name, rec, res, stp, n, code)
        return refused_and_folded(raw, self._session, args, desk, moved)

    def moves(self, ids: Sequence[str]) -> dict[str, list[Move]]:
        """dossier id → its moves in the fold's order. A dossier with a sync conflict is folded
        event by event (an event the fold refuses is no move); the others are read as they
        are (with no conflict the fold applied every event of theirs)."""
        out: dict[str, list[Move]] = {}
        conflicted: list[str] = []
        raw = dbapi(self._session)
        for i in range(0, len(ids), CHUNK):
            chunk = list(ids[i : i + CHUNK])
            marks = ",".join("?" * len(chunk))
            bad = {
                r[0]
                for r in raw.execute(
                    f"SELECT id FROM dossiers WHERE id IN ({marks}) AND conflict_count > 0",
                    chunk,
                )
            }
            conflicted += bad
            for dossier_id, type_, at, src, dst in raw.execute(MOVES_SQL.format(ids=marks), chunk):
                if dossier_id in bad:
                    continue
                out.setdefault(dossier_id, []).append(
                    Move(MOVE_KINDS[type_], utc_moment(at), src or "", dst or "")
                )
        if conflicted:
            events = repo.load_events_many(self._session, conflicted)
            for dossier_id in conflicted:
                out[dossier_id] = moves_from_events(events.get(dossier_id, ()))
        return out

    def apology_steps(self, ids: Sequence[str]) -> tuple[dict[str, list], dict[str, str]]:
        """The extensions and prints of these dossiers (dossier id → (type, at, new due,
        reason, form) in the fold's order), and their queue tickets (id → ticket, if any)."""
        steps: dict[str, list] = {}
        tickets: dict[str, str] = {}
        raw = dbapi(self._session)
        for i in range(0, len(ids), CHUNK):
            chunk = list(ids[i : i + CHUNK])
            sql = APOLOGY_SQL.format(ids=",".join("?" * len(chunk)))
            for dossier_id, type_, at, due, reason, form in raw.execute(sql, chunk):
                steps.setdefault(dossier_id, []).append(
                    (type_, utc_moment(at), iso_moment(due), reason or "", form or "")
                )
            tickets.update(
                raw.execute(
                    "SELECT id, queue_ticket FROM dossiers WHERE queue_ticket != '' AND id IN "
                    f"({','.join('?' * len(chunk))})",
                    chunk,
                )
            )
        return steps, tickets

    def received_papers(self, flt: ReportFilter) -> list[Received]:
        """The dossiers received in [start, end) at the filter's desk and fields, voided ones
        and those refused at intake (never taken in) left out (DIGITISATION_SQL)."""
        args, desk = _where(flt)
        desk = desk.replace("desk_no", "d.desk_no").replace("field IN", "d.field IN")
        out = []
        seen: dict[str, tuple[dict, ...]] = {}  # most dossiers of a procedure list the same
        for dossier_id, code, channel, must_fold, documents in dbapi(self._session).execute(
            DIGITISATION_SQL.format(desk=desk), args
        ):
            if must_fold or channel == "online" or not documents:
                out.append(Received(dossier_id, code, channel, bool(must_fold)))
                continue
            docs = seen.get(documents)
            if docs is None:
                try:
                    parsed = json.loads(documents)
                except ValueError:
                    parsed = None
                docs = seen[documents] = (
                    tuple(d for d in parsed if isinstance(d, dict))
                    if isinstance(parsed, list)
                    else ()
                )
            out.append(Received(dossier_id, code, channel, False, docs, documents))
        return out

    def ratings(self) -> dict[str, int]:
        """dossier id → the citizen's rating at return (1|2|3): the first `rated` event in
        the fold's order, as the fold keeps it (read through the index on the event type;
        no projection column holds it)."""
        out: dict[str, int] = {}
        raw = dbapi(self._session)
        for dossier_id, payload in raw.execute(
            "SELECT dossier_id, payload_text(payload) FROM events WHERE type = 'rated' "
            "ORDER BY hlc, node_id, id"
        ):
            if dossier_id in out:
                continue
            try:
                rating = (
                    json.loads(payload).get("rating")
                    if isinstance(payload, str)
                    else payload.get("rating")
                )
            except (ValueError, AttributeError):
                continue
            if rating in (1, 2, 3) and type(rating) is int:
                out[dossier_id] = rating
        return out
