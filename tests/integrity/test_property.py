"""Properties: any honest history of a desk verifies clean, and any single-row change of its
content (an edited column of an event, projection or the desk's chain head, or a deleted row)
is always detected by the full check."""

from __future__ import annotations

import json
import os
import sqlite3
import tempfile
from datetime import timedelta
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from motcua_desk.domain.errors import DomainError
from motcua_desk.services.integrity import IntegrityService
from tests.sync.helpers import make_desk

OPS = (
    "intake",
    "handoff",
    "result",
    "return",
    "extend",
    "supplement",
    "resubmit",
    "refuse",
    "stop",
    "note",
    "void",
    "print",
)
EXAMPLES = int(os.environ.get("MOTCUA_VERIFY_EXAMPLES", "12"))

# What a mutation may touch: content columns (the sync bookkeeping `acked`/`hub_seq` and the
# projection's local autoincrement `pk` are not content).
EVENT_COLUMNS = (
    "id",
    "dossier_id",
    "node_id",
    "seq",
    "hlc",
    "type",
    "occurred_at",
    "recorded_at",
    "officer",
    "payload",
    "prev_hash",
    "hash",
)
DOSSIER_COLUMNS = (
    "id",
    "code",
    "status",
    "national_status",
    "procedure_code",
    "procedure_name",
    "field",
    "department",
    "applicant_name",
    "search_name",
    "id_number",
    "phone",
    "address",
    "email",
    "sets",
    "channel",
    "received_at",
    "due_at",
    "original_due_at",
    "result_at",
    "returned_at",
    "returned_to",
    "return_method",
    "location",
    "location_since",
    "desk_no",
    "ledger_year",
    "ledger_number",
    "supplement_count",
    "extended",
    "conflict_count",
    "event_count",
    "last_hlc",
)

history = st.lists(st.tuples(st.sampled_from(OPS), st.integers(0, 1000)), min_size=1, max_size=14)
mutation = st.tuples(
    st.sampled_from(("event", "event", "dossier", "desk", "delete_event", "delete_dossier")),
    st.integers(0, 10_000),
    st.integers(0, 10_000),
)


def _play(desk, ops) -> None:
    s = desk.services.dossiers
    desk.intake("Nguyễn Văn Đầu")
    for op, arg in ops:
        desk.clock.advance(minutes=1 + arg % 120)
        if op == "intake":
            desk.intake(f"Công dân {arg}", procedure=("1.004873", "1.001193")[arg % 2])
            continue
        with desk.services._store.read() as session:
            codes = [
                r[0]
                for r in session.connection().exec_driver_sql(
                    "SELECT code FROM dossiers ORDER BY code"
                )
            ]
        code = codes[arg % len(codes)]
        try:
            match op:
                case "handoff":
                    s.handoff(
                        [code],
                        ("Công chức Tư pháp - Hộ tịch", "Công an xã")[arg % 2],
                        receiver="Lê Thị Nhận",
                        redirect=True,
                    )
                case "result":
                    s.receive_result([code])
                case "return":
                    s.return_result(code, f"Người nhận {arg}")
                case "extend":
                    due = s.find_by_code(code).dossier.due_at
                    s.extend(code, due + timedelta(days=3 + arg % 4), "cần xác minh thêm")
                case "supplement":
                    s.request_supplement(code, "thiếu giấy tờ")
                case "resubmit":
                    s.resubmit(code)
                case "refuse":
                    s.refuse(code, "không đủ điều kiện")
                case "stop":
                    s.stop(code, "công dân xin rút")
                case "note":
                    s.note(code, f"ghi chú {arg}")
                case "void":
                    s.void(code, "nhập nhầm")
                case "print":
                    s.record_print(code, "slip")
        except DomainError:
            pass  # refused by the state machine: nothing written


def _changed(value):
    """A different value of the same kind as `value` (a text stays text, a moment a moment)."""
    if value is None:
        return "2026-01-01 00:00:00.000000"
    if isinstance(value, int):
        return value + 1_000_003
    if isinstance(value, bytes):  # an id or hash as stored (schema 0006), a packed payload
        return value[:-1] + bytes([value[-1] ^ 1]) if value else b"x"
    if len(value) == 26 and value[10] == " ":  # a stored moment
        return value[:17] + ("58" if value[17:19] != "58" else "59") + value[19:]
    if value.startswith("{"):  # a JSON payload: one more key
        data = json.loads(value)
        data["x"] = 1
        return json.dumps(data, ensure_ascii=False)
    return value + "x"


def _mutate(path: Path, kind: str, a: int, b: int) -> str:
    conn = sqlite3.connect(path)
    try:
        if kind in ("event", "delete_event"):
            rows = conn.execute("SELECT rowid FROM events ORDER BY rowid").fetchall()
            rowid = rows[a % len(rows)][0]
            if kind == "delete_event":
                conn.execute("DELETE FROM events WHERE rowid = ?", (rowid,))
                what = f"deleted event row {rowid}"
            else:
                col = EVENT_COLUMNS[b % len(EVENT_COLUMNS)]
                old = conn.execute(
                    f"SELECT {col} FROM events WHERE rowid = ?", (rowid,)
                ).fetchone()[0]
                conn.execute(f"UPDATE events SET {col} = ? WHERE rowid = ?", (_changed(old), rowid))
                what = f"events.{col} of row {rowid}"
        elif kind in ("dossier", "delete_dossier"):
            rows = conn.execute("SELECT pk FROM dossiers ORDER BY pk").fetchall()
            pk = rows[a % len(rows)][0]
            if kind == "delete_dossier":
                conn.execute("DELETE FROM dossiers WHERE pk = ?", (pk,))
                what = f"deleted dossier row {pk}"
            else:
                col = DOSSIER_COLUMNS[b % len(DOSSIER_COLUMNS)]
                old = conn.execute(f"SELECT {col} FROM dossiers WHERE pk = ?", (pk,)).fetchone()[0]
                new = (1 - old) if col == "extended" else _changed(old)
                conn.execute(f"UPDATE dossiers SET {col} = ? WHERE pk = ?", (new, pk))
                what = f"dossiers.{col} of row {pk}"
        else:
            col = ("last_seq", "last_hash")[b % 2]
            old = conn.execute(f"SELECT {col} FROM desk").fetchone()[0]
            conn.execute(f"UPDATE desk SET {col} = ?", (_changed(old),))
            what = f"desk.{col}"
        conn.commit()
        return what
    finally:
        conn.close()


@settings(
    max_examples=EXAMPLES,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.too_slow],
)
@given(history, mutation)
def test_honest_histories_verify_clean_and_any_single_change_is_found(ops, change):
    with tempfile.TemporaryDirectory(prefix="motcua-verify-") as tmp:
        desk = make_desk(Path(tmp), 1)
        try:
            _play(desk, ops)
            integrity = IntegrityService.from_services(desk.services)
            clean = integrity.verify()
            assert clean.ok, [b.line() for b in clean.breaks]
            assert clean.events >= 1 and clean.dossiers >= 1
            step = integrity.startup_step(max_events=7)
            while not step.done:
                assert step.report.ok, [b.line() for b in step.report.breaks]
                step = integrity.startup_step(max_events=7, first=False)
            assert step.report.ok
            what = _mutate(desk.path, *change)
            report = integrity.verify()
            assert not report.ok, f"{what} was not detected"
            assert all(b.detail for b in report.breaks)
        finally:
            desk.close()
