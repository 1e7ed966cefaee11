"""Plain read-only records that services hand to the printing layer, the window and the command
line. They hold values only (no sessions, no lazy loading) and know nothing of storage."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from motcua_desk.domain.fees import FEE_METHOD_LABELS_VI

STATUS_LABELS_VI = {
    "received": "Đã tiếp nhận",
    "refused": "Từ chối tiếp nhận",
    "in_process": "Đang xử lý",
    "supplement_requested": "Chờ bổ sung hồ sơ",
    "stopped": "Dừng giải quyết theo yêu cầu",
    "rejected": "Từ chối sau thẩm định",
    "result_ready": "Có kết quả, chờ trả",
    "returned": "Đã trả kết quả",
    "voided": "Đã hủy",
}

EVENT_LABELS_VI = {
    "received": "Tiếp nhận hồ sơ",
    "supplement_requested": "Yêu cầu bổ sung",
    "resubmitted": "Nhận hồ sơ đã bổ sung",
    "refused_at_intake": "Từ chối tiếp nhận",
    "refused_after_appraisal": "Từ chối sau thẩm định",
    "handed_off": "Bàn giao",
    "result_received": "Nhận kết quả",
    "extended": "Xin lỗi, hẹn lại ngày trả",
    "returned": "Trả kết quả",
    "stopped": "Dừng giải quyết",
    "note": "Ghi chú",
    "voided": "Hủy hồ sơ",
    "printed": "In phiếu",
    "rated": "Đánh giá mức độ hài lòng",
    "fee_recorded": "Ghi nhận phí, lệ phí",
    "digitised": "Số hóa giấy tờ",
}

# A document line's digitisation (TT 01/2023/TT-VPCP Art. 8), as the officer reads it.
DIGITISATION_STATES_VI = {
    "scanned": "Đã số hóa",
    "shown": "Chỉ xuất trình (không lưu bản sao)",
    "reused": "Tái sử dụng từ hồ sơ trước",
    "classified": "Tài liệu mật (không số hóa)",
}
DIGITISATION_WARNINGS_VI = {
    "page_count": "Số trang của bản quét khác số trang đã khai",
    "low_dpi": "Có trang quét dưới 200 dpi",
    "stamped_bw": "Trang có đóng dấu được quét đen trắng",
}

FORM_TITLES_VI = {
    "slip": "Giấy tiếp nhận hồ sơ và hẹn trả kết quả (Mẫu 01)",
    "supplement": "Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ (Mẫu 02)",
    "refusal": "Phiếu từ chối tiếp nhận giải quyết hồ sơ (Mẫu 03)",
    "apology": "Văn bản xin lỗi và đề nghị gia hạn thời gian giải quyết (Mẫu 04)",
    "stop": "Thông báo dừng giải quyết hồ sơ (Mẫu 05)",
    "control": "Phiếu kiểm soát quá trình giải quyết hồ sơ (Mẫu 06)",
}

SEX_LABELS_VI = {"male": "Nam", "female": "Nữ"}

RATING_LABELS_VI = {1: "Rất hài lòng", 2: "Hài lòng", 3: "Không hài lòng"}

RETURN_METHODS_VI = {"counter": "Trực tiếp", "post": "Qua bưu chính", "online": "Trực tuyến"}

TIMING_LABELS_VI = {"early": "Trước hạn", "on_time": "Đúng hạn", "late": "Quá hạn"}


@dataclass(frozen=True)
class AgencyInfo:
    """Who is printing: the desk's identity and the lines of the form header."""

    agency_id: str
    agency_name: str  # e.g. "TRUNG TÂM PHỤC VỤ HÀNH CHÍNH CÔNG XÃ VI HƯƠNG"
    parent_name: str  # e.g. "UBND XÃ VI HƯƠNG"
    place: str  # e.g. "Vi Hương" for "Vi Hương, ngày … tháng … năm …"
    desk_no: int
    officer: str
    node_id: str = ""
    officer_phone: str = ""
    demo: bool = False


@dataclass(frozen=True)
class DocumentLine:
    name: str
    form: str  # original | certified_copy | copy | presented
    form_label: str
    count: int
    checked: bool = True


@dataclass(frozen=True)
class IntakeRequest:
    """What the officer typed at intake: the window reads it off the form on the GUI thread
    and hands it to the DB worker as it is (a frozen value), the command line builds it from
    its options. DossierService.intake checks every field."""

    procedure_code: str
    applicant_name: str
    id_number: str = ""
    phone: str = ""
    address: str = ""
    email: str = ""
    birth_date: date | str | None = None  # a date, or text DD/MM/YYYY or YYYY-MM-DD
    sex: str = ""  # male | female (Nam | Nữ accepted)
    sets: int = 1
    received_at: datetime | None = None  # naive = office-local; None = now
    documents: Sequence[DocumentLine] | None = None  # None: the procedure's list, all ticked
    channel: str = "direct"  # direct | post | online
    result_delivery: str = "counter"  # counter | post
    note: str = ""
    ticket: str = ""  # the queue ticket (A023), "" for none
    # What was collected at intake: amount in đồng (an int, or text "20.000"), None when nothing
    # is recorded; method cash | transfer | card | exempt; the e-receipt's reference, if any.
    fee_paid: int | str | None = None
    fee_method: str = ""
    receipt_ref: str = ""


@dataclass(frozen=True)
class FeePayment:
    """One payment recorded for a dossier (at intake or after it)."""

    event_id: str
    at: datetime  # office-local
    officer: str
    amount: int  # đồng
    method: str  # cash | transfer | card | exempt
    receipt_ref: str = ""

    @property
    def method_label(self) -> str:
        return FEE_METHOD_LABELS_VI.get(self.method, self.method)


@dataclass(frozen=True)
class ProcedureView:
    code: str
    name: str
    field: str
    time_amount: float
    time_unit: str
    time_label: str  # "3 ngày làm việc", "Trong ngày"
    time_text: str
    fee_text: str
    fee_amount: int | None
    department: str
    result: str
    result_place: str
    documents: tuple[DocumentLine, ...]
    version: int
    effective_date: str
    legal_basis: tuple[str, ...] = ()


@dataclass(frozen=True)
class DueView:
    due_at: datetime  # office-local, aware
    clock_start: datetime
    explanation: str  # Vietnamese, "" when nothing moved the date


@dataclass(frozen=True)
class StepView:
    """One handoff of the paper dossier, with its deadline and how it went."""

    event_id: str
    kind: str  # handed_off | result_received | returned
    from_unit: str
    to_unit: str
    giver: str
    receiver: str
    at: datetime  # office-local
    deadline: datetime | None
    timing: str  # early | on_time | late | ""

    @property
    def timing_label(self) -> str:
        return TIMING_LABELS_VI.get(self.timing, "")


@dataclass(frozen=True)
class EventView:
    id: str
    type: str
    label: str  # Vietnamese
    occurred_at: datetime  # office-local
    recorded_at: datetime
    officer: str
    node_id: str
    payload: Mapping[str, Any]
    summary: str  # one Vietnamese line: "Bàn giao: Một cửa → Công chức Tư pháp - Hộ tịch"


@dataclass(frozen=True)
class ConflictView:
    event_id: str
    dossier_id: str
    dossier_code: str
    event_type: str
    node_id: str
    officer: str
    occurred_at: datetime
    status: str
    reason: str
    description: str  # English, for the command line; the window builds its own from the codes


@dataclass(frozen=True)
class DossierView:
    id: str
    code: str
    status: str
    status_label: str
    national_status: int
    procedure_code: str
    procedure_name: str
    field: str
    department: str  # lead (deciding) department
    time_label: str
    fee_text: str
    result_place: str
    applicant_name: str
    id_number: str
    phone: str
    address: str
    email: str
    sets: int
    channel: str
    result_delivery: str
    received_at: datetime | None
    received_by: str
    due_at: datetime | None
    original_due_at: datetime | None
    due_explanation: str
    extended: bool
    extension_reason: str
    ledger_year: int
    ledger_book: str
    ledger_number: int
    desk_no: int
    location: str
    location_since: datetime | None
    supplement_count: int
    result_at: datetime | None
    returned_at: datetime | None
    returned_to: str
    return_method: str
    closing_reason: str
    documents: tuple[DocumentLine, ...] = ()
    last_supplement: Mapping[str, Any] = field(default_factory=dict)
    prints: Mapping[str, int] = field(default_factory=dict)
    conflict_count: int = 0
    pk: int = 0  # the projection's row key, for keyset paging in lists
    legal_basis: tuple[str, ...] = ()  # of the procedure, as snapshotted at intake
    # From the received event (projection columns since schema 0003).
    birth_date: str = ""  # ISO YYYY-MM-DD
    sex: str = ""  # male | female
    rating: int = 0  # 1 Rất hài lòng, 2 Hài lòng, 3 Không hài lòng; 0 none (detail only)
    rating_reason: str = ""
    ticket: str = ""  # the queue ticket held at intake
    fee_amount: int | None = None  # due, from the catalog at intake (None: not a fixed sum)
    fee_paid: int = 0  # đồng collected, all payments
    fee_method: str = ""  # of the last payment; "" when nothing was recorded
    receipt_ref: str = ""  # the last e-receipt reference
    fees: tuple[FeePayment, ...] = ()  # each payment (the dossier's detail only)

    @property
    def fee_method_label(self) -> str:
        return FEE_METHOD_LABELS_VI.get(self.fee_method, self.fee_method)

    @property
    def sex_label(self) -> str:
        return SEX_LABELS_VI.get(self.sex, "")

    @property
    def birth_date_label(self) -> str:
        """DD/MM/YYYY, as on the card and the forms."""
        y, _, rest = self.birth_date.partition("-")
        m, _, d = rest.partition("-")
        return f"{d}/{m}/{y}" if d else ""

    @property
    def rating_label(self) -> str:
        return RATING_LABELS_VI.get(self.rating, "")

    @property
    def return_method_label(self) -> str:
        return RETURN_METHODS_VI.get(self.return_method, self.return_method)

    @property
    def is_late(self) -> bool:
        """Late for the statistics: past the original due moment, extended, or asked to
        supplement more than once."""
        if self.extended or self.supplement_count > 1:
            return True
        if self.original_due_at is None:
            return False
        end = self.returned_at or self.result_at
        return end is not None and end > self.original_due_at


@dataclass(frozen=True)
class DossierDetail:
    dossier: DossierView
    events: tuple[EventView, ...]
    steps: tuple[StepView, ...]
    allowed_actions: tuple[str, ...]  # what the status allows (see services.dto_builders)
    conflicts: tuple[ConflictView, ...] = ()
    warnings: tuple[str, ...] = ()  # codes, e.g. "late_apology"


@dataclass(frozen=True)
class HandoffEntry:
    """One line of the daily handoff list: a dossier and the handoff it had that day."""

    dossier: DossierView
    step: StepView
    direction: str  # "out" (desk → department) or "back" (department → desk)


@dataclass(frozen=True)
class TodayCounts:
    due_today: int
    due_soon: int  # within 1 working day: time to issue the apology
    overdue: int
    waiting_long: int  # at a department longer than its step allows
    results_waiting: int  # result ready, citizen not yet come
    received_today: int
