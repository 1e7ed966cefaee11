"""A realistic desk database of N dossiers for benchmarks: ten years of a busy commune desk.

Every dossier gets real events (received, handoffs, results, returns, some supplements and
extensions), sealed and chained with the domain's own code, folded by the domain's own fold,
and written with raw sqlite3 `executemany` (the app's schema, made by the app's migrations).
Built once per size and cached under `.perf/` in the project root.

    python -m tests.perf.bigdb 1000000      # build (or reuse) .perf/bigdb-1000000.sqlite3
"""

from __future__ import annotations

import random
import shutil
import sqlite3
import sys
from dataclasses import replace
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

from motcua_desk.domain.dossier import fold
from motcua_desk.domain.events import GENESIS_HASH, Event, EventType
from motcua_desk.domain.hlc import pack
from motcua_desk.domain.text import fold as fold_text
from motcua_desk.store.engine import json_dumps
from motcua_desk.store.keys import hash_blob, uuid_blob
from motcua_desk.store.projection import facets
from motcua_desk.store.types import utc_text

ROOT = Path(__file__).resolve().parents[2]
CACHE = ROOT / ".perf"
VN = ZoneInfo("Asia/Ho_Chi_Minh")
AGENCY_ID = "000.17.22.H56"
# 2: events dated within what a desk may push (from DESK_CLOCK_MIN, 2020, not from 2016)
GENERATOR_VERSION = 2
# The benchmarks' "today" is fixed (their clocks say 2026-11-23): the newest day with dossiers.
END_DAY = date(2026, 11, 20)
# How far back the history goes, at most: ten years, but never before the earliest clock a
# desk may record and push (domain.schema.DESK_CLOCK_MIN, 2020): older events are refused by
# the desk's sync and by the hub, so a generated desk could not push them.
YEARS_BACK = 10

FAMILY = (
    ["Nguyễn"] * 38
    + ["Trần"] * 11
    + ["Lê"] * 9
    + ["Phạm"] * 7
    + ["Hoàng"] * 5
    + ["Huỳnh"] * 4
    + ["Phan"] * 4
    + ["Vũ"] * 4
    + ["Võ"] * 4
    + ["Đặng"] * 2
    + ["Bùi"] * 2
    + ["Đỗ"] * 2
    + ["Hồ"] * 2
    + ["Ngô"] * 2
    + ["Dương"]
    + ["Lý"]
    + ["Nông"]
)
MIDDLE = [
    "Văn",
    "Thị",
    "Hữu",
    "Đức",
    "Minh",
    "Thanh",
    "Ngọc",
    "Quốc",
    "Xuân",
    "Thu",
    "Hoàng",
    "Kim",
    "Bảo",
    "Gia",
    "Anh",
    "Thùy",
    "Mạnh",
    "Công",
    "Hồng",
    "Phương",
]
GIVEN = [
    "An",
    "Bình",
    "Cường",
    "Dũng",
    "Đức",
    "Hằng",
    "Hoa",
    "Hùng",
    "Lan",
    "Linh",
    "Mai",
    "Nam",
    "Phương",
    "Quang",
    "Sơn",
    "Thảo",
    "Trang",
    "Tuấn",
    "Vy",
    "Yến",
    "Hải",
    "Hà",
    "Khánh",
    "Long",
    "Nga",
    "Oanh",
    "Phúc",
    "Quyên",
    "Tâm",
    "Thắng",
    "Trung",
    "Việt",
    "Đạt",
    "Giang",
    "Huy",
    "Kiên",
    "Lộc",
    "Nhung",
    "Tú",
    "Xuân",
]
VILLAGES = [
    "Thôn Địa Cát",
    "Thôn Nà Pài",
    "Thôn Bản Cháng",
    "Thôn Khuổi Tát",
    "Thôn Nà Lẹng",
    "Tổ 3",
    "Tổ 7",
    "Xóm Đông",
    "Xóm Đoài",
    "Khu phố 2",
]
PROCS = [
    ("1.001193", "Thủ tục đăng ký khai sinh", "Hộ tịch", 0, "same_day"),
    ("1.000894", "Thủ tục đăng ký kết hôn", "Hộ tịch", 0, "same_day"),
    ("1.000656", "Thủ tục đăng ký khai tử", "Hộ tịch", 0, "same_day"),
    ("1.004873", "Thủ tục cấp Giấy xác nhận tình trạng hôn nhân", "Hộ tịch", 3, "working_days"),
    ("2.000815", "Thủ tục chứng thực bản sao từ bản chính", "Chứng thực", 0, "same_day"),
    ("2.001035", "Thủ tục chứng thực hợp đồng, giao dịch", "Chứng thực", 2, "working_days"),
    ("1.001612", "Thủ tục đăng ký thành lập hộ kinh doanh", "Hộ kinh doanh", 3, "working_days"),
    ("1.004222", "Thủ tục đăng ký thường trú", "Cư trú", 7, "working_days"),
]
DEPTS = ["Công chức Tư pháp - Hộ tịch", "Phòng Kinh tế", "Công an xã", "Phòng Văn hóa - Xã hội"]
OFFICER = "Nông Thị Thư"


def path_for(n: int) -> Path:
    """The cache file of n dossiers: named by the generator's version and the schema's head,
    so a new migration builds a new database (a cached one is opened read-only and could not
    be upgraded)."""
    from motcua_desk.store.migrate import head_revision

    return CACHE / f"bigdb-{n}-v{GENERATOR_VERSION}-{head_revision()}.sqlite3"


def make_big_db(
    n: int, dest: Path | None = None, *, seed: int = 20261123, unsent: bool = False
) -> Path:
    """The cached database of n dossiers; copied to `dest` when given (tests that write).

    The cached history is marked as already sent to the hub (a desk in daily use). With
    `unsent=True` (needs `dest`) the copy's events are all unsent, so a sync benchmark pushes
    them all (a desk meeting a new hub)."""
    if unsent and dest is None:
        raise ValueError("unsent=True needs a dest: the cached database is shared")
    cached = path_for(n)
    if not cached.exists():
        _build(n, cached, seed)
    wal = cached.with_name(cached.name + "-wal")
    if wal.exists():  # left by a process killed while it had the file open: fold it in
        conn = sqlite3.connect(cached)
        try:
            conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        finally:
            conn.close()
    if dest is None:
        return cached
    shutil.copyfile(cached, dest)
    if unsent:
        mark_unsent(dest)
    return dest


def mark_unsent(path: Path) -> None:
    """Every event of the desk database at `path` not yet acknowledged by any hub."""
    conn = sqlite3.connect(path, isolation_level=None)
    try:
        conn.execute("UPDATE events SET acked = 0, hub_seq = NULL")
    finally:
        conn.close()


def date_bounds() -> tuple[date, date]:
    """(first, last) day the generator dates dossiers: at most YEARS_BACK years back from
    END_DAY, never before the desk's earliest accepted clock (DESK_CLOCK_MIN)."""
    from motcua_desk.domain.schema import DESK_CLOCK_MIN

    earliest = (DESK_CLOCK_MIN + timedelta(days=1)).astimezone(VN).date()
    return max(earliest, END_DAY - timedelta(days=365 * YEARS_BACK + YEARS_BACK // 4)), END_DAY


def event_id(seq: int, nth: int, bits48: int) -> str:
    """A UUID-shaped event id, unique by the event's sequence number (the dossier's number,
    16 bits of it, only helps reading): at 100k dossiers and more the whole number would not
    fit in a UUID's 4-digit group, and the hub refuses such an id."""
    return f"{seq:08x}-{nth & 0xFFFF:04x}-7000-8000-{bits48:012x}"


def working_days(n: int) -> list[date]:
    """The days that get dossiers, oldest first: the last n / 40 working days up to END_DAY
    (at least 40 dossiers a day), within date_bounds()."""
    first, end = date_bounds()
    days = [end - timedelta(days=i) for i in range((end - first).days + 1)]
    return [d for d in days if d.weekday() < 5][: max(1, n // 40)][::-1]


def _schema(path: Path) -> str:
    """Create the schema with the app itself; returns the desk's node id."""
    from motcua_desk.app import open_services

    svc = open_services(path)
    try:
        info = svc.settings.init_desk(
            agency_id=AGENCY_ID,
            agency_name="TRUNG TÂM PHỤC VỤ HÀNH CHÍNH CÔNG XÃ VI HƯƠNG",
            parent_name="UBND XÃ VI HƯƠNG",
            place="Vi Hương",
            desk_no=1,
            officer=OFFICER,
        )
        return info.node_id
    finally:
        svc.close()


def _build(n: int, path: Path, seed: int) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(".building")
    for p in (tmp, Path(f"{tmp}-wal"), Path(f"{tmp}-shm")):
        p.unlink(missing_ok=True)
    node = _schema(tmp)
    rng = random.Random(seed)
    conn = sqlite3.connect(tmp, isolation_level=None)
    conn.execute("PRAGMA synchronous = OFF")
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("BEGIN")
    # up to ten years back from END_DAY, within the clock the desk and the hub accept; at
    # least 40 dossiers a working day
    end = END_DAY
    if datetime.now(VN).date() < end + timedelta(days=5):
        raise RuntimeError(
            f"this machine's clock is before {end}: the generated events would lie in the future"
        )
    days = working_days(n)
    per_day = -(-n // len(days))
    seq = 0
    prev_hash = GENESIS_HASH
    hlc = 0
    made = 0
    ev_rows: list[tuple] = []
    ds_rows: list[tuple] = []
    ledger: dict[int, int] = {}
    for day in days:
        for nth in range(1, per_day + 1):
            if made >= n:
                break
            made += 1
            received = datetime(day.year, day.month, day.day, 7, 30, tzinfo=VN) + timedelta(
                minutes=rng.randrange(0, 570)
            )
            proc = rng.choice(PROCS)
            name = f"{rng.choice(FAMILY)} {rng.choice(MIDDLE)} {rng.choice(GIVEN)}"
            ledger[day.year] = ledger.get(day.year, 0) + 1
            code = f"{AGENCY_ID}-{day:%y%m%d}-{(nth - 1) * 10 + 1:04d}"
            dossier_id = f"{made:08x}-0000-7000-8000-{rng.getrandbits(48):012x}"
            due = received + timedelta(days=max(1, proc[3]) + (2 if received.weekday() >= 3 else 0))
            payload_rx = {
                "code": code,
                "procedure": {
                    "code": proc[0],
                    "name": proc[1],
                    "field": proc[2],
                    "version": 1,
                    "time_amount": proc[3],
                    "time_unit": proc[4],
                    "time_label": f"{proc[3]} ngày làm việc" if proc[3] else "Trong ngày",
                    "time_text": "",
                    "fee_text": "",
                    "department": DEPTS[0],
                    "result": "",
                    "result_place": "Bộ phận Một cửa",
                },
                "applicant": {
                    "name": name,
                    "id_number": f"0{rng.randrange(10**10, 10**11)}",
                    "phone": f"09{rng.randrange(10**7, 10**8)}",
                    "address": f"{rng.choice(VILLAGES)}, xã Vi Hương",
                    "email": "",
                },
                "documents": [
                    {"name": "Tờ khai theo mẫu", "form": "original", "count": 1, "checked": True}
                ],
                "sets": 1,
                "channel": "direct",
                "result_delivery": "counter",
                "due_at": due.isoformat(),
                "due_explanation": "",
                "clock_start": received.isoformat(),
                "ledger": {"year": day.year, "book": f"01/{day.year}", "number": ledger[day.year]},
                "desk_no": 1,
            }
            plan = [(EventType.RECEIVED, payload_rx, received)]
            dept = rng.choice(DEPTS)
            age = (end - day).days
            t = received + timedelta(minutes=20)
            r = rng.random()
            if age > 30 or r < 0.6:
                if rng.random() < 0.05:
                    plan.append(
                        (
                            EventType.SUPPLEMENT_REQUESTED,
                            {"reason": "Thiếu bản sao giấy tờ", "by": "desk", "items": []},
                            t,
                        )
                    )
                    t += timedelta(days=1)
                    plan.append(
                        (
                            EventType.RESUBMITTED,
                            {
                                "due_at": (due + timedelta(days=1)).isoformat(),
                                "due_explanation": "",
                                "clock_start": t.isoformat(),
                            },
                            t,
                        )
                    )
                plan.append(
                    (
                        EventType.HANDED_OFF,
                        {
                            "from_unit": "desk",
                            "to_unit": dept,
                            "giver": OFFICER,
                            "receiver": "Cán bộ phòng",
                        },
                        t + timedelta(hours=1),
                    )
                )
                if rng.random() < 0.03:
                    plan.append(
                        (
                            EventType.EXTENDED,
                            {
                                "new_due_at": (due + timedelta(days=3)).isoformat(),
                                "reason": "Cần xác minh thêm",
                                "previous_due_at": due.isoformat(),
                            },
                            t + timedelta(hours=2),
                        )
                    )
                if age > 10 or r < 0.3:
                    back = t + timedelta(hours=rng.randrange(2, 60))
                    plan.append(
                        (
                            EventType.RESULT_RECEIVED,
                            {
                                "from_unit": dept,
                                "to_unit": "desk",
                                "giver": "Cán bộ phòng",
                                "receiver": OFFICER,
                            },
                            back,
                        )
                    )
                    if age > 20 or r < 0.15:
                        plan.append(
                            (
                                EventType.RETURNED,
                                {"to_name": name, "method": "counter", "id_number": ""},
                                back + timedelta(hours=rng.randrange(1, 48)),
                            )
                        )
            events = []
            for type_, payload, at in plan:
                seq += 1
                hlc = max(hlc + 1, pack(int(at.timestamp() * 1000), 0))
                ev = Event(
                    id=event_id(seq, made, rng.getrandbits(48)),
                    dossier_id=dossier_id,
                    node_id=node,
                    seq=seq,
                    hlc=hlc,
                    type=type_,
                    occurred_at=at.astimezone(UTC),
                    recorded_at=at.astimezone(UTC),
                    officer=OFFICER,
                    payload=payload,
                    prev_hash=prev_hash,
                )
                ev = replace(ev, hash=ev.compute_hash())
                prev_hash = ev.hash
                events.append(ev)
                ev_rows.append(
                    (  # the stored row: ids and hashes as bytes (schema 0006, store.keys)
                        uuid_blob(ev.id),
                        ev.dossier_id,
                        uuid_blob(ev.node_id),
                        ev.seq,
                        ev.hlc,
                        str(ev.type),
                        utc_text(ev.occurred_at),
                        utc_text(ev.recorded_at),
                        ev.officer,
                        json_dumps(ev.payload),
                        hash_blob(ev.prev_hash),
                        hash_blob(ev.hash),
                        1,
                        seq,
                    )
                )
            st = fold(dossier_id, events)
            a = st.applicant
            ds_rows.append(
                (
                    st.dossier_id,
                    st.code,
                    str(st.status),
                    st.national_status,
                    proc[0],
                    proc[1],
                    proc[2],
                    st.lead_department,
                    a["name"],
                    fold_text(a["name"]),
                    a["id_number"],
                    a["phone"],
                    a["address"],
                    "",
                    1,
                    "direct",
                    utc_text(st.received_at),
                    _t(st.due_at),
                    _t(st.original_due_at),
                    _t(st.result_at),
                    _t(st.returned_at),
                    st.returned_to,
                    st.return_method,
                    st.location,
                    _t(st.location_since),
                    1,
                    int(st.ledger["year"]),
                    int(st.ledger["number"]),
                    st.supplement_count,
                    int(st.extended),
                    0,
                    st.event_count,
                    st.last_hlc,
                    facets(str(st.status), proc[2], st.lead_department, st.received_at),
                )
            )
            if len(ds_rows) >= 20000:
                _flush(conn, ev_rows, ds_rows)
    _flush(conn, ev_rows, ds_rows)
    for year, top in ledger.items():
        conn.execute(
            "INSERT OR REPLACE INTO sequences(name, value) VALUES (?, ?)", (f"ledger:{year}", top)
        )
    conn.execute("UPDATE desk SET last_seq = ?, last_hash = ?, last_hlc = ?", (seq, prev_hash, hlc))
    conn.execute("COMMIT")
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.execute("ANALYZE")
    conn.execute("PRAGMA journal_mode = WAL")
    conn.close()
    _pack_payloads(tmp)
    for p in (Path(f"{tmp}-wal"), Path(f"{tmp}-shm")):
        p.unlink(missing_ok=True)
    tmp.replace(path)


def _pack_payloads(path: Path) -> None:
    """The payloads in their stored form (schema 0005: packed with a dictionary trained on
    them, as the store does once a desk has enough events), then the file compacted."""
    from motcua_desk.store.migrate import ensure_payload_dictionary, open_store

    store = open_store(path)
    try:
        ensure_payload_dictionary(store)
    finally:
        store.close()
    conn = sqlite3.connect(path, isolation_level=None)
    try:
        conn.execute("VACUUM")
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        conn.close()


def _t(moment: datetime | None) -> str | None:
    return utc_text(moment) if moment else None


def _flush(conn: sqlite3.Connection, ev_rows: list, ds_rows: list) -> None:
    conn.executemany(
        "INSERT INTO events(id, dossier_id, node_id, seq, hlc, type, occurred_at, recorded_at, "
        "officer, payload, prev_hash, hash, acked, hub_seq) VALUES "
        "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        ev_rows,
    )
    conn.executemany(
        "INSERT INTO dossiers(id, code, status, national_status, procedure_code, procedure_name, "
        "field, department, applicant_name, search_name, id_number, phone, address, email, sets, "
        "channel, received_at, due_at, original_due_at, result_at, returned_at, returned_to, "
        "return_method, location, location_since, desk_no, ledger_year, ledger_number, "
        "supplement_count, extended, conflict_count, event_count, last_hlc, facets) VALUES "
        "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, "
        "?, ?, ?, ?)",
        ds_rows,
    )
    ev_rows.clear()
    ds_rows.clear()


if __name__ == "__main__":
    size = int(sys.argv[1]) if len(sys.argv) > 1 else 1_000_000
    import time

    t0 = time.perf_counter()
    p = make_big_db(size)
    print(f"{p} ({p.stat().st_size / 1e6:.0f} MB) in {time.perf_counter() - t0:.0f} s")
