"""QĐ 766/QĐ-TTg group 4 in the self-check: 4.2 the digitisation rate and 4.3 the reuse of
digitised data, each with the dossiers that lower it and whether it earns full marks (≥ 80 %,
DOMAIN.md). Apart from domain.self_check because these two are counted over the papers of the
dossiers received in the period (services.digitisation.count_papers), not over the facts and
classification of Biểu 06. Pure: no I/O, no clock.

The points themselves are not computed: the group's 22 points are not split among its indices
in what we know of QĐ 766, nor is the scale below the threshold; the index says whether it
reaches full marks and how many dossiers it lacks."""

from __future__ import annotations

from collections.abc import Iterable
from typing import NamedTuple

from motcua_desk.domain.self_check import IndexValue

FULL_MARKS_AT = 80.0  # percent, for 4.2 and 4.3 alike


class PaperCount(NamedTuple):
    """One dossier received in the period (not online, not voided): its papers to digitise
    (not exempt: neither only shown nor classified), of them those done (scanned or reused),
    and those reused from the citizen's earlier dossiers."""

    code: str
    due: int
    done: int
    reused: int


class Tally(NamedTuple):
    counted: int  # dossiers with a paper to digitise
    digitised: int  # of them, every such paper done
    reusing: int  # of them, one such paper reused at least
    exempt: int  # dossiers with nothing to digitise (not counted)


def tally(counts: Iterable[PaperCount]) -> Tally:
    """The rule of 4.2 and 4.3 over the dossiers' counts (DigitisationService.rates and the
    self-check alike)."""
    counts = list(counts)
    counted = [c for c in counts if c.due]
    return Tally(
        len(counted),
        sum(c.done == c.due for c in counted),
        sum(c.reused > 0 for c in counted),
        len(counts) - len(counted),
    )


def _pct(num: int, den: int) -> float | None:
    return round(100.0 * num / den, 2) if den else None


def short_of_full_marks(num: int, den: int, at: float = FULL_MARKS_AT) -> int:
    """How many more dossiers (of den) the numerator needs for full marks; 0 when it has them."""
    need = -(-int(at * 100) * den // 10_000)  # ceil(at % of den), in integers
    return max(0, need - num)


def marks_text(num: int, den: int, at: float = FULL_MARKS_AT) -> str:
    if not den:
        return "Không có hồ sơ phải số hóa trong kỳ."
    short = short_of_full_marks(num, den, at)
    if not short:
        return f"Đạt điểm tối đa (≥ {at:.0f} %)."
    return f"Chưa đạt điểm tối đa: cần thêm {short} hồ sơ để đạt {at:.0f} %."


def digitisation_indices(counts: Iterable[PaperCount], online: int = 0) -> list[IndexValue]:
    """4.2 and 4.3 over the dossiers received in the period but online ones (`online`: how
    many were left out so, they arrive digital); a dossier with no paper to digitise is left
    out too."""
    counts = sorted(counts, key=lambda c: c.code)
    counted = [c for c in counts if c.due]
    n, digitised, reusing, exempt = tally(counts)
    left_out = (
        f"Không tính: {online} hồ sơ trực tuyến, {exempt} hồ sơ không có giấy tờ phải số hóa "
        "(chỉ xuất trình, mật hoặc miễn)."
    )
    base = {
        "counted": n,
        "exempt": exempt,
        "online": online,
        "papers_due": sum(c.due for c in counted),
        "papers_done": sum(c.done for c in counted),
        "papers_reused": sum(c.reused for c in counted),
    }
    target = f"Tối đa điểm khi ≥ {FULL_MARKS_AT:.0f} %"
    return [
        IndexValue(
            key="4.2",
            name="Tỷ lệ số hóa hồ sơ",
            formula="hồ sơ có mọi giấy tờ phải số hóa đã số hóa (quét hoặc sử dụng lại) ÷ "
            "hồ sơ tiếp nhận trực tiếp, qua bưu chính trong kỳ có giấy tờ phải số hóa × 100 %",
            numerator=digitised,
            denominator=n,
            score=_pct(digitised, n),
            target=target,
            note=f"{marks_text(digitised, n)} {left_out}",
            lowering=tuple(
                (c.code, f"còn {c.due - c.done}/{c.due} giấy tờ chưa số hóa")
                for c in counted
                if c.done < c.due
            ),
            parts={**base, "digitised": digitised},
            full_marks_at=FULL_MARKS_AT,
        ),
        IndexValue(
            key="4.3",
            name="Tỷ lệ khai thác, sử dụng lại thông tin, dữ liệu số hóa",
            formula="hồ sơ có giấy tờ sử dụng lại từ dữ liệu đã số hóa ÷ hồ sơ tiếp nhận trực "
            "tiếp, qua bưu chính trong kỳ có giấy tờ phải số hóa × 100 %",
            numerator=reusing,
            denominator=n,
            score=_pct(reusing, n),
            target=target,
            note=f"{marks_text(reusing, n)} {left_out}",
            lowering=tuple(
                (c.code, "không sử dụng lại giấy tờ đã số hóa") for c in counted if not c.reused
            ),
            parts={**base, "reusing": reusing},
            full_marks_at=FULL_MARKS_AT,
        ),
    ]
