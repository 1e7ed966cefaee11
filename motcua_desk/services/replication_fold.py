"""The projections re-folded from the events after a pull, a take-back or a bulk load, and the
dossier codes two desks both hold. Part of ReplicationService (`services/replication.py`)."""

from __future__ import annotations

import logging
from collections.abc import Mapping, Sequence
from datetime import datetime

from motcua_desk.domain.dossier import DossierState, Status, fold
from motcua_desk.domain.events import Event
from motcua_desk.services.base import ServiceBase, UnitOfWork
from motcua_desk.services.replication_terms import CODE_CLASHES
from motcua_desk.store import replication_repo, repo

log = logging.getLogger("motcua.sync")

_CHUNK = 500  # dossiers re-folded per unit of work by refold_all


class Refolding(ServiceBase):
    """Folding dossiers and writing their projections, in batches."""

    def refold_all(self) -> int:
        """Rebuild every projection from the events (maintenance; also used after a bulk
        load). Returns the number of dossiers."""
        with self.store.read() as session:
            ids = replication_repo.dossier_ids_with_events(session)
        for i in range(0, len(ids), _CHUNK):
            with self.unit() as uow:
                chunk = ids[i : i + _CHUNK]
                self._project(uow, chunk, repo.load_events_many(uow.session, chunk), uow.now)
        return len(ids)

    def _project(
        self,
        uow: UnitOfWork,
        dossier_ids: list[str],
        by_dossier: Mapping[str, Sequence[Event]],
        now: datetime,
    ) -> list[DossierState]:
        """Fold each dossier from all its events and write the projections, in a few
        statements per batch (the per-dossier path costs milliseconds each)."""
        states = [fold(d, by_dossier.get(d, ())) for d in dossier_ids]
        # A dossier whose receipt has not arrived yet has no projection (its other events wait).
        states = [s for s in states if s.status != Status.NEW]
        clashes = self._code_clashes(uow, states)
        states = [s for s in states if s.dossier_id not in clashes]
        repo.save_projections(uow.session, states, now)
        return states

    @staticmethod
    def _code_clashes(uow: UnitOfWork, states: list[DossierState]) -> set[str]:
        """Dossiers whose code another dossier already holds (two desks set up with the same
        desk number): not projected, logged, and listed under sync.code_clashes."""
        session = uow.session
        codes: dict[str, str] = {}
        clashes: set[str] = set()
        for s in states:
            if s.code in codes:  # two new dossiers of one batch with one code
                clashes.add(s.dossier_id)
            elif s.code:
                codes[s.code] = s.dossier_id
        for code, other in replication_repo.code_holders(session, list(codes)).items():
            if other != codes[code]:
                clashes.add(codes[code])
        if clashes:
            log.error("dossier code clash (two desks with one desk number?): %s", sorted(clashes))
            kept = set(repo.get_setting(session, CODE_CLASHES, []) or [])
            repo.set_setting(session, CODE_CLASHES, sorted(kept | clashes))
        return clashes
