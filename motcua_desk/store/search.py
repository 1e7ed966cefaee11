"""Dossier search (the FTS5 name and facet index, the plain indexes) and the projection rows
read by plain conditions. Re-exported by store.repo, its former home."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import and_, column, func, or_, select, table, text
from sqlalchemy.orm import Session

from motcua_desk.store.models import DossierRow
from motcua_desk.store.projection import month_facets, status_facet, text_facet


@dataclass(frozen=True)
class Filters:
    status: Sequence[str] = ()
    field: str = ""
    received_from: datetime | None = None  # UTC-aware bounds
    received_to: datetime | None = None
    department: str = ""


def _filter_clauses(f: Filters) -> list:
    clauses = []
    if f.status:
        clauses.append(DossierRow.status.in_(list(f.status)))
    if f.field:
        clauses.append(DossierRow.field == f.field)
    if f.department:
        clauses.append(DossierRow.department == f.department)
    if f.received_from:
        clauses.append(DossierRow.received_at >= f.received_from)
    if f.received_to:
        clauses.append(DossierRow.received_at < f.received_to)
    return clauses


_FTS = table("dossier_fts", column("rowid"))


def match_query(terms: Sequence[str], filters: Filters) -> str:
    """The FTS5 query of a name search with filters: each folded word as a prefix of the name
    column, each filter as its facet words (store.projection.facets); "" when neither gives a
    word (then the plain indexes answer)."""
    parts = [f'search_name : "{t}"*' for t in terms]
    if filters.status:
        parts.append(_any_facet(status_facet(s) for s in filters.status))
    if filters.field:
        parts.append(_any_facet([text_facet("f", filters.field)]))
    if filters.department:
        parts.append(_any_facet([text_facet("d", filters.department)]))
    months = month_facets(filters.received_from, filters.received_to)
    if months:
        parts.append(_any_facet(months))
    return " AND ".join(parts)


def _any_facet(words: Iterable[str]) -> str:
    return "facets : (" + " OR ".join(f'"{w}"' for w in sorted(set(words))) + ")"


def fts_query(terms: Sequence[str]) -> str:
    """Every folded word must appear, each as a prefix ("ngu van d" finds Nguyễn Văn Đức)."""
    return " ".join(f'"{t}"*' for t in terms)


def search_dossiers(
    session: Session,
    *,
    terms: Sequence[str] = (),
    code_prefix: str = "",
    digits: str = "",
    codes: Sequence[str] = (),
    filters: Filters = Filters(),
    limit: int = 50,
    before_pk: int | None = None,
    birth_date: str = "",
) -> list[DossierRow]:
    """Newest first (by pk), `limit` rows, keyset-paged with before_pk. `codes` (whole codes,
    from a typed tail) and `digits` (citizen ID / phone) are alternatives: either matches."""
    clauses: list = []  # the conditions the name index cannot answer
    if birth_date:  # (the partial index on applicant_birth_date)
        clauses.append(
            and_(
                DossierRow.applicant_birth_date == birth_date, DossierRow.applicant_birth_date != ""
            )
        )
    if code_prefix:
        clauses.append(and_(DossierRow.code >= code_prefix, DossierRow.code < code_prefix + "~"))
    either = []
    if codes:
        either.append(DossierRow.code.in_(list(codes)))
    if digits:
        if len(digits) == 12:
            either.append(DossierRow.id_number == digits)
        elif len(digits) in (10, 11) and digits.startswith("0"):
            either.append(DossierRow.phone == digits)
        else:
            hi = digits + ":"  # ':' sorts right after '9'
            either.append(
                or_(
                    and_(DossierRow.id_number >= digits, DossierRow.id_number < hi),
                    and_(DossierRow.phone >= digits, DossierRow.phone < hi),
                )
            )
    if either:
        clauses.append(or_(*either) if len(either) > 1 else either[0])
    match = "" if clauses else match_query(terms, filters)
    if match:
        # One FTS query for the name and the filters (their facet words), newest rowid first,
        # joined to the rows for the exact conditions and stopping at `limit`: no read of every
        # match of a common name, no sort (a third of a county is "Nguyễn").
        stmt = (
            select(DossierRow)
            .join(_FTS, _FTS.c.rowid == DossierRow.pk)
            .where(text("dossier_fts MATCH :q").bindparams(q=match), *_filter_clauses(filters))
        )
        if before_pk is not None:
            stmt = stmt.where(_FTS.c.rowid < before_pk)
        return list(session.scalars(stmt.order_by(_FTS.c.rowid.desc()).limit(limit)))
    clauses = _filter_clauses(filters) + clauses
    stmt = select(DossierRow)
    if terms:
        fts = (
            text("SELECT rowid FROM dossier_fts WHERE dossier_fts MATCH :q")
            .bindparams(q=fts_query(terms))
            .columns(rowid=DossierRow.pk.type)
            .subquery()
        )
        stmt = stmt.join(fts, fts.c.rowid == DossierRow.pk)
    if before_pk is not None:
        clauses.append(DossierRow.pk < before_pk)
    if clauses:
        stmt = stmt.where(and_(*clauses))
    return list(session.scalars(stmt.order_by(DossierRow.pk.desc()).limit(limit)))


def rows_where(
    session: Session, *clauses, order_by=None, limit: int | None = None
) -> list[DossierRow]:
    stmt = select(DossierRow).where(and_(*clauses))
    if order_by is not None:
        stmt = stmt.order_by(order_by)
    if limit is not None:
        stmt = stmt.limit(limit)
    return list(session.scalars(stmt))


def count_where(session: Session, *clauses) -> int:
    return session.scalar(select(func.count()).select_from(DossierRow).where(and_(*clauses))) or 0
