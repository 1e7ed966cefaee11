"""The SQL of the office's figures and the decoding of its rows into per-dossier facts.

The queries read the projection and the events through the raw sqlite3 connection of a read
session (plain tuples: a million-dossier period is read in seconds, not minutes), so each query's
column order and the function that decodes its rows are one contract; they live together here,
apart from the use cases in services.reports that choose which query to run and what to compute.
"""

from __future__ import annotations

from datetime import datetime

from motcua_desk.domain.reports import (
    REFUSED,
    REJECTED,
    RESULT,
    STOPPED,
    DossierFacts,
    facts_from_events,
)
from motcua_desk.store import repo

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
    "SELECT dossier_id, type, occurred_at, json_extract(payload, '$.due_at') "
    "FROM events WHERE dossier_id IN ({ids}) "
    "AND type IN ('received', 'supplement_requested', 'resubmitted') "
    "ORDER BY dossier_id, hlc, node_id, id"
)
CHUNK = 500

# The extension (Mẫu 04 and its new date) and the prints of the late dossiers' forms.
APOLOGY_SQL = (
    "SELECT dossier_id, type, occurred_at, json_extract(payload, '$.new_due_at'), "
    "json_extract(payload, '$.reason'), json_extract(payload, '$.form') FROM events "
    "WHERE dossier_id IN ({ids}) AND type IN ('extended', 'printed') "
    "ORDER BY dossier_id, hlc, node_id, id"
)

# The moves of the dossiers' paths (domain.quality): handoffs, results and refusals back,
# supplement requests and restarts, stops and voids, in the fold's order.
MOVES_SQL = (
    "SELECT dossier_id, type, occurred_at, json_extract(payload, '$.from_unit'), "
    "json_extract(payload, '$.to_unit') FROM events WHERE dossier_id IN ({ids}) "
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


def utc_moment(text: str | None) -> datetime | None:
    # "+00:00" parsed by fromisoformat is several times faster than .replace(tzinfo=UTC)
    return datetime.fromisoformat(text + "+00:00") if text else None


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
