"""The QĐ 766/QĐ-TTg indices a desk computes from its own dossiers (2.1 on time, 3.3 online,
5.4 satisfaction), each with the dossiers that lower it. Apart from domain.reports because the
self-check is scored by its own formulas over the same facts and classification, not by a
form's columns. Pure: no I/O, no clock."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from zoneinfo import ZoneInfo

from motcua_desk.domain.report_periods import Period, ReportSettings
from motcua_desk.domain.reports import DossierFacts, classify

# --- QĐ 766/QĐ-TTg self-check -------------------------------------------------------------------


@dataclass(frozen=True)
class IndexValue:
    key: str  # the index number in QĐ 766, e.g. "2.1"
    name: str
    formula: str
    numerator: int
    denominator: int
    score: float | None  # percent, 2 decimals; None ("—") when the denominator is 0 or no data
    target: str = ""
    note: str = ""
    lowering: tuple[tuple[str, str], ...] = ()  # (dossier code, why), the dossiers lowering it
    parts: Mapping[str, int] = field(default_factory=dict)
    full_marks_at: float | None = None  # the score that earns the index's full marks, if known

    @property
    def full_marks(self) -> bool | None:
        """Whether the score earns full marks (None: no threshold known, or no score)."""
        if self.full_marks_at is None or self.score is None:
            return None
        return self.numerator * 100 >= self.full_marks_at * self.denominator


def _pct(num: int, den: int) -> float | None:
    return round(100.0 * num / den, 2) if den else None


def indices(
    facts: Iterable[DossierFacts],
    period: Period,
    tz: ZoneInfo,
    settings: ReportSettings = ReportSettings(),
    ratings: Mapping[str, int] | None = None,
) -> list[IndexValue]:
    """The QĐ 766 indices a desk computes from its own dossiers: 2.1 the on-time rate (more
    than one supplement request counts as late; the citizen's waiting is left out through the
    restarted due moment; a dossier still open is judged at the period's end), 3.3 the share by
    channel, 5.4 satisfaction: 100 % − (the late share + the share rated "Không hài lòng"),
    over the dossiers 2.1 counts, from the citizens' ratings at return (`ratings`: dossier id →
    1|2|3); "—" while none of them is rated."""
    start, end = period.bounds(tz)
    counted = on_time = 0
    lowering: list[tuple[str, str]] = []
    channels = {"online": 0, "direct": 0, "post": 0}
    offline: list[tuple[str, str]] = []
    ratings = ratings or {}
    rated = {1: 0, 2: 0, 3: 0}
    unsatisfied: list[tuple[str, str]] = []
    for f in sorted(facts, key=lambda f: f.code):
        counts = classify(f, start, end, tz, settings)
        if not counts or "refused_at_intake" in counts:
            continue
        counted += 1
        rating = ratings.get(f.dossier_id)
        if rating in rated:
            rated[rating] += 1
            if rating == 3:
                unsatisfied.append((f.code, "công dân không hài lòng"))
        if f.supplement_count > 1:
            lowering.append((f.code, f"bổ sung {f.supplement_count} lần"))
        elif "resolved_late" in counts:
            lowering.append((f.code, "giải quyết quá hạn"))
        elif "pending_overdue" in counts:
            lowering.append((f.code, "đang giải quyết, quá hạn"))
        else:
            on_time += 1
        if "received_online" in counts or "received_direct" in counts:
            ch = f.channel if f.channel in channels else "direct"
            channels[ch] += 1
            if ch != "online":
                offline.append((f.code, "trực tiếp" if ch == "direct" else "bưu chính"))
    received = sum(channels.values())
    return [
        IndexValue(
            key="2.1",
            name="Tỷ lệ hồ sơ giải quyết đúng hạn",
            formula="(hồ sơ đã giải quyết trước hạn, đúng hạn + đang giải quyết trong hạn, "
            "trừ hồ sơ bổ sung quá 1 lần) ÷ hồ sơ tiếp nhận và đang giải quyết "
            "trong kỳ × 100 %",
            numerator=on_time,
            denominator=counted,
            score=_pct(on_time, counted),
            note="Yêu cầu bổ sung quá 1 lần tính là quá hạn; thời gian chờ công dân bổ sung "
            "không tính (thời hạn tính lại khi nhận đủ hồ sơ).",
            lowering=tuple(lowering),
            parts={"counted": counted, "on_time": on_time, "lowering": len(lowering)},
        ),
        IndexValue(
            key="3.3",
            name="Tỷ lệ hồ sơ tiếp nhận trực tuyến",
            formula="hồ sơ tiếp nhận trực tuyến ÷ hồ sơ tiếp nhận trong kỳ × 100 %",
            numerator=channels["online"],
            denominator=received,
            score=_pct(channels["online"], received),
            target="Tối đa điểm khi ≥ 50 %",
            note=f"Trực tiếp {_pct_text(channels['direct'], received)}, bưu chính "
            f"{_pct_text(channels['post'], received)}.",
            lowering=tuple(offline),
            parts=dict(channels),
        ),
        _satisfaction(counted, lowering, rated, unsatisfied),
    ]


def _satisfaction(
    counted: int,
    late_ones: list[tuple[str, str]],
    rated: Mapping[int, int],
    unsatisfied: list[tuple[str, str]],
) -> IndexValue:
    late = len(late_ones)
    name = "Mức độ hài lòng"
    formula = "100 % − (tỷ lệ hồ sơ quá hạn + tỷ lệ hồ sơ có phản ánh, không hài lòng)"
    target = "Tối đa điểm khi ≥ 90 %"
    total = sum(rated.values())
    if not counted or not total:
        return IndexValue(
            key="5.4",
            name=name,
            formula=formula,
            numerator=0,
            denominator=0,
            score=None,
            target=target,
            note="Chưa có dữ liệu đánh giá của công dân.",
            parts={
                "rated": 0,
                "very_satisfied": 0,
                "satisfied": 0,
                "unsatisfied": 0,
                "late": late,
                "counted": counted,
            },
        )
    bad = rated[3]
    score = max(0.0, round(100.0 - 100.0 * late / counted - 100.0 * bad / counted, 2))
    return IndexValue(
        key="5.4",
        name=name,
        formula=formula,
        numerator=max(0, counted - late - bad),
        denominator=counted,
        score=score,
        target=target,
        note=f"{total} hồ sơ được công dân đánh giá: rất hài lòng {rated[1]}, hài lòng "
        f"{rated[2]}, không hài lòng {bad}; quá hạn {late} (chỉ số 2.1). Hồ sơ quá hạn "
        "mà công dân cũng không hài lòng bị tính cả hai lần, như công thức.",
        # both parts of the formula lower it: the late ones (2.1's) and the unsatisfied ones
        lowering=tuple(sorted(late_ones + unsatisfied)),
        parts={
            "rated": total,
            "very_satisfied": rated[1],
            "satisfied": rated[2],
            "unsatisfied": bad,
            "late": late,
            "counted": counted,
        },
    )


def _pct_text(num: int, den: int) -> str:
    p = _pct(num, den)
    return "—" if p is None else f"{p:.2f} %".replace(".", ",")
