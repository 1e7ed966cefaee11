"""Fees collected at the counter, and the queue ticket the citizen holds.

The fee due per procedure comes from the catalog (Procedure.fee_amount, fee_text). What was
collected is recorded with the dossier: at intake in the received event's `fee`
{amount, method, receipt_ref}, later in a `fee_recorded` event (a payment made after intake,
or the reference of the electronic receipt the province's e-receipt system issued). Amounts
are whole đồng (VND has no minor unit). The desk issues no receipt: anything it prints about
money says "không phải biên lai" (electronic receipts are mandatory from 01/01/2027).

Pure: no Qt, no storage.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from motcua_desk.domain.errors import ValidationError
from motcua_desk.domain.text import first_control_char, fold, nfc, without_format_chars

FEE_MAX = 1_000_000_000  # 1 tỷ đồng: more at a commune counter is a typing mistake
RECEIPT_REF_MAX = 60
# cash | bank transfer (or QR) | card at a POS | exempt (nothing due by law: amount 0)
FEE_METHODS = ("cash", "transfer", "card", "exempt")
FEE_METHOD_LABELS_VI = {
    "cash": "Tiền mặt",
    "transfer": "Chuyển khoản",
    "card": "Thẻ",
    "exempt": "Miễn",
}
EXEMPT = "exempt"
_METHOD_WORDS = {fold(v): k for k, v in FEE_METHOD_LABELS_VI.items()} | {
    "tm": "cash",
    "ck": "transfer",
    "chuyen khoan qr": "transfer",
    "pos": "card",
    "the pos": "card",
    "mien phi": "exempt",
    "mien le phi": "exempt",
    "free": "exempt",
    "bank": "transfer",
    "bank transfer": "transfer",
}
_GROUPED = re.compile(r"^\d{1,3}(?:[.,\s]\d{3})+$")
_CURRENCY = re.compile(r"\s*(?:đ|d|₫|vnd|vnđ|dong|đồng)\.?\s*$", re.IGNORECASE)
_REF = re.compile(r"^[0-9A-Za-z][0-9A-Za-z ./_#:-]*$")

# --- the queue ticket -----------------------------------------------------------------------
TICKET_MAX = 12
TICKET_RE = re.compile(r"^[0-9A-Z]+(?:[-.][0-9A-Z]+)*$")  # A023, B-105, 12, Q1.034
# A queue ticket is short (A023, B-105): a scanner that types like a keyboard delivers a scan
# that short as typing, into the focused field (the ticket field when it has focus). A longer
# one that the scanner filter catches (a queue system's ticket such as Q01-000123) is taken for
# a ticket on the intake screen when it has this shape; a dossier code, an ID card's QR, a
# citizen ID or a phone number never does (too long, or digits only).
_DIGITS_ONLY_MAX = 6


def queue_ticket(value: str | None) -> str:
    """The queue ticket as stored (upper case), "" for none. ValidationError codes:
    control_char, ticket_too_long, ticket_format."""
    text = value or ""
    bad = first_control_char(text)
    if bad is not None:
        point = f"U+{ord(bad):04X}"
        raise ValidationError(
            "ticket",
            f"the queue ticket contains the control character {point}",
            code="control_char",
            name="ticket",
            char=point,
        )
    text = nfc(without_format_chars(text)).upper()
    if not text:
        return ""
    if len(text) > TICKET_MAX:
        raise ValidationError(
            "ticket",
            f"the queue ticket is longer than {TICKET_MAX} characters",
            code="ticket_too_long",
            max=TICKET_MAX,
        )
    if not TICKET_RE.match(text):
        raise ValidationError(
            "ticket", "a queue ticket is letters and digits (A023, B-105)", code="ticket_format"
        )
    return text


def looks_like_ticket(scan: str) -> bool:
    """A scan that reads as a queue ticket (A023, B-105, Q01-000123, 0042), not as a dossier
    code, a citizen ID or a phone number."""
    text = (scan or "").strip().upper()
    if not 0 < len(text) <= TICKET_MAX or not TICKET_RE.match(text):
        return False
    return not (text.isdigit() and len(text) > _DIGITS_ONLY_MAX)


# --- fees -----------------------------------------------------------------------------------
def fee_amount(value: Any) -> int:
    """A collected amount in đồng: an int, or text such as "20000", "20.000", "20 000 đ".
    ValidationError codes: fee_not_number, fee_negative, fee_too_large."""
    if isinstance(value, bool):
        raise ValidationError("fee_amount", "the fee is not a number", code="fee_not_number")
    if isinstance(value, int):
        amount = value
    else:
        text = unicodedata.normalize("NFC", str(value if value is not None else "")).strip()
        text = _CURRENCY.sub("", text).strip()
        negative = text.startswith("-") or text.startswith("−")
        digits = text.lstrip("-−").strip()
        if _GROUPED.match(digits):
            digits = re.sub(r"[.,\s]", "", digits)
        if not digits.isascii() or not digits.isdigit():
            raise ValidationError(
                "fee_amount",
                f"the fee is not a whole number of đồng ({str(value)[:20]!r})",
                code="fee_not_number",
            )
        amount = -int(digits) if negative else int(digits)
    if amount < 0:
        raise ValidationError(
            "fee_amount", "the fee collected cannot be negative", code="fee_negative"
        )
    if amount > FEE_MAX:
        raise ValidationError(
            "fee_amount",
            f"the fee is more than {FEE_MAX:,} đồng",
            code="fee_too_large",
            max=FEE_MAX,
        )
    return amount


def fee_method(value: str | None) -> str:
    """cash | transfer | card | exempt, from the code or its Vietnamese name (diacritics
    optional); ValidationError code fee_method."""
    text = fold(nfc(value or ""))
    method = text if text in FEE_METHODS else _METHOD_WORDS.get(text)
    if method is None:
        raise ValidationError(
            "fee_method",
            "the payment method must be one of "
            "cash, transfer, card, exempt (tiền mặt, chuyển khoản, thẻ, miễn)",
            code="fee_method",
        )
    return method


def receipt_ref(value: str | None) -> str:
    """The e-receipt's reference (series and number, or the lookup code), "" for none."""
    text = value or ""
    bad = first_control_char(text)
    if bad is not None:
        point = f"U+{ord(bad):04X}"
        raise ValidationError(
            "receipt_ref",
            f"the receipt reference contains the control character {point}",
            code="control_char",
            name="receipt_ref",
            char=point,
        )
    text = nfc(without_format_chars(text))
    if len(text) > RECEIPT_REF_MAX:
        raise ValidationError(
            "receipt_ref",
            f"the receipt reference is longer than {RECEIPT_REF_MAX} characters",
            code="too_long",
            name="receipt_ref",
            max=RECEIPT_REF_MAX,
        )
    if text and not _REF.match(text):
        raise ValidationError(
            "receipt_ref",
            "a receipt reference is letters, digits and - / . _ # :",
            code="receipt_ref_format",
        )
    return text


def payment(amount: Any, method: str | None, ref: str | None = "") -> dict[str, Any]:
    """The `fee` of a received event (or a fee_recorded payload): amount and method together,
    the receipt reference if any. Exempt means nothing was collected (amount 0); an amount
    of 0 is recorded only as exempt."""
    value = fee_amount(amount)
    how = fee_method(method)
    if how == EXEMPT and value:
        raise ValidationError(
            "fee_amount", "an exempt fee collects nothing (amount 0)", code="fee_exempt_amount"
        )
    if how != EXEMPT and not value:
        raise ValidationError(
            "fee_amount",
            "nothing collected: write the amount, or choose exempt (miễn)",
            code="fee_zero",
        )
    out: dict[str, Any] = {"amount": value, "method": how}
    clean_ref = receipt_ref(ref)
    if clean_ref:
        out["receipt_ref"] = clean_ref
    return out


def fee_problem(p: Any, *, need_payment: bool) -> str:
    """What is wrong with a `fee` object or a fee_recorded payload's money part ("" if fine):
    amount with method, exempt only with 0, a receipt reference alone only when
    `need_payment` is False."""
    has_amount, has_method = "amount" in p, "method" in p
    if has_amount != has_method:
        return "amount and method go together"
    if not has_amount:
        if need_payment:
            return "amount is missing"
        return "" if p.get("receipt_ref") else "holds neither a payment nor a receipt reference"
    amount, method = p["amount"], p["method"]
    if type(amount) is not int or not 0 <= amount <= FEE_MAX:
        return f"amount must be a whole number from 0 to {FEE_MAX}"
    if method not in FEE_METHODS:
        return f"method must be one of {', '.join(FEE_METHODS)}"
    if (method == EXEMPT) != (amount == 0):
        return "amount is 0 exactly when the method is exempt"
    ref = p.get("receipt_ref", "")
    if ref and (type(ref) is not str or len(ref) > RECEIPT_REF_MAX or not _REF.match(ref)):
        return "receipt_ref is not a receipt reference"
    return ""


def vnd(amount: int) -> str:
    """20000 -> "20.000" (the Vietnamese thousands separator)."""
    return f"{amount:,}".replace(",", ".")


# --- the daily cash sheet ---------------------------------------------------------------------
@dataclass(frozen=True)
class CashRow:
    """One payment of the day: what the officer collected for one dossier."""

    at: datetime  # office-local
    officer: str
    code: str
    ticket: str
    applicant: str
    procedure_code: str
    procedure_name: str  # the fee type: the procedure's fee (phí, lệ phí of that procedure)
    amount: int  # đồng
    method: str  # cash | transfer | card | exempt
    receipt_ref: str = ""
    note: str = ""  # the payment's note; "Hồ sơ đã hủy" first when the dossier was voided since

    @property
    def method_label(self) -> str:
        return FEE_METHOD_LABELS_VI.get(self.method, self.method)


@dataclass(frozen=True)
class FeeTypeGroup:
    procedure_code: str
    procedure_name: str
    rows: tuple[CashRow, ...]

    @property
    def total(self) -> int:
        return sum(r.amount for r in self.rows)


@dataclass(frozen=True)
class OfficerGroup:
    officer: str
    fee_types: tuple[FeeTypeGroup, ...]

    @property
    def rows(self) -> tuple[CashRow, ...]:
        return tuple(r for g in self.fee_types for r in g.rows)

    @property
    def total(self) -> int:
        return sum(g.total for g in self.fee_types)


@dataclass(frozen=True)
class CashSheet:
    """BẢNG KÊ THU PHÍ, LỆ PHÍ of one day, per officer and fee type. Not a receipt."""

    day: date
    officer: str  # "" = every officer of this desk's database
    officers: tuple[OfficerGroup, ...]

    @property
    def rows(self) -> tuple[CashRow, ...]:
        return tuple(r for o in self.officers for r in o.rows)

    @property
    def total(self) -> int:
        return sum(o.total for o in self.officers)

    def total_by_method(self) -> dict[str, int]:
        out = {m: 0 for m in FEE_METHODS}
        for r in self.rows:
            out[r.method] = out.get(r.method, 0) + r.amount
        return out


def cash_sheet(day: date, rows: list[CashRow], officer: str = "") -> CashSheet:
    """Group the day's payments per officer (by name) and fee type (by procedure), each in
    the order of time."""
    by_officer: dict[str, dict[tuple[str, str], list[CashRow]]] = {}
    for r in sorted(
        rows, key=lambda r: (r.officer, r.procedure_code, r.procedure_name, r.at, r.code)
    ):
        by_officer.setdefault(r.officer, {}).setdefault(
            (r.procedure_code, r.procedure_name), []
        ).append(r)
    return CashSheet(
        day,
        officer,
        tuple(
            OfficerGroup(
                name,
                tuple(
                    FeeTypeGroup(code, proc, tuple(items)) for (code, proc), items in groups.items()
                ),
            )
            for name, groups in by_officer.items()
        ),
    )
