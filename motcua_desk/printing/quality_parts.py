"""What the quality report's paper and workbook share: the title, the steps table's headers,
the Vietnamese labels of step results and channels, the note under the table, and the quality
facts of TT 01/2018/TT-VPCP Điều 13 as lines of text.
"""

from __future__ import annotations

from motcua_desk.domain.quality import QualityReport

TITLE = "TÌNH HÌNH GIẢI QUYẾT HỒ SƠ THEO TỪNG BƯỚC CHUYỂN VÀ CÁC CHỈ SỐ CHẤT LƯỢNG"
STEP_HEADERS = (
    "STT",
    "Bộ phận, cơ quan, đơn vị (bước chuyển)",
    "Số bước đã chuyển",
    "Trước hạn",
    "Đúng hạn",
    "Quá hạn",
    "Tỷ lệ trước và đúng hạn (%)",
    "Thời gian trung bình (ngày làm việc)",
    "Đang giữ cuối kỳ",
    "Trong đó quá hạn",
)
RESULT_VI = {
    "resolved_early": "Trước hạn",
    "resolved_on_time": "Đúng hạn",
    "resolved_late": "Quá hạn",
    "pending_within": "Đang giải quyết, trong hạn",
    "pending_overdue": "Đang giải quyết, quá hạn",
}
CHANNEL_VI = {"direct": "Trực tiếp", "post": "Bưu chính", "online": "Trực tuyến"}
NOTE = (
    "Một bước: từ lúc bộ phận nhận hồ sơ đến lúc chuyển đi (bộ phận khác, trả kết quả, "
    "từ chối hoặc yêu cầu bổ sung); bước của Bộ phận Một cửa: từ lúc tiếp nhận đến lúc "
    "chuyển hồ sơ. Thời gian tính bằng ngày làm việc theo giờ làm việc của cơ quan. Hạn của "
    "bước: bộ phận chuyển tiếp trong thời hạn của bộ phận, không quá hạn hồ sơ; kết quả "
    "trả về trong hạn hồ sơ (hạn ban đầu khi có gia hạn)."
)


def _num(value: float | None) -> str:
    return "—" if value is None else f"{value:.2f}".replace(".", ",")


def _pct(num: int, den: int) -> str:
    return "—" if not den else f"{100 * num / den:.0f}"


def quality_facts_lines(q: QualityReport) -> list[str]:
    """The period's quality facts as sentences (PDF, window)."""
    s = q.summary()
    ch = s["channels"]
    return [
        f"Số hồ sơ trong kỳ: {s['dossiers']}; đã giải quyết: {s['finished']}, trong đó trước và "
        f"đúng hạn {s['finished_within_time']} ({_num(s['finished_within_time_pct'])} %).",
        f"Thời gian giải quyết thực tế trung bình: {_num(s['average_actual_working_days'])} "
        f"ngày làm việc, so với thời hạn quy định trung bình "
        f"{_num(s['average_statutory_working_days'])} ngày làm việc.",
        f"Số lần yêu cầu bổ sung hồ sơ: {s['supplement_requests']} (trên "
        f"{s['dossiers_with_supplements']} hồ sơ; bổ sung quá 1 lần: "
        f"{s['dossiers_with_more_than_one_supplement']}).",
        f"Số cơ quan, bộ phận tham gia giải quyết trung bình: "
        f"{_num(s['average_departments_involved'])}; hồ sơ qua nhiều bộ phận: "
        f"{s['dossiers_with_several_departments']}.",
        f"Kênh tiếp nhận: trực tuyến {ch['online']}, trực tiếp {ch['direct']}, bưu chính "
        f"{ch['post']}.",
    ]
