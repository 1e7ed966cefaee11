"""The dossier code `{agency id}-{YYMMDD}-{NNNN}` (TT 01/2018, kept by TT 03/2025).

Desks that work offline must never issue the same code, so a day's sequence space is split
between the desks of an agency by interleaving: desk d (1 ≤ d < slots) issues d, d + slots,
d + 2·slots, …  With the default 10 slots each desk has 999 codes a day in four digits and the
number simply grows to five digits after that (TT 04/2025 allows more digits), never colliding.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from motcua_desk.domain.errors import ValidationError

DEFAULT_DESK_SLOTS = 10
# The electronic identifier of the receiving unit, V1V2V3.Z1Z2.Y1Y2.MX1X2 (QCVN 102:2016/BTTTT,
# TT 10/2016 and its successors): three groups of digits, then a letter and two digits.
_AGENCY = re.compile(r"^\d{3}\.\d{2}\.\d{2}\.[A-Z]\d{2}$")
_CODE = re.compile(r"^(?P<agency>[0-9A-Z]+(?:\.[0-9A-Z]+)*)-(?P<day>\d{6})-(?P<seq>\d{4,})$")


@dataclass(frozen=True)
class DossierCode:
    agency_id: str
    day: date
    sequence: int

    def __str__(self) -> str:
        return f"{self.agency_id}-{self.day:%y%m%d}-{self.sequence:04d}"

    def desk_no(self, slots: int = DEFAULT_DESK_SLOTS) -> int:
        return self.sequence % slots


def agency_id(value: str) -> str:
    """Validate an agency's electronic identifier such as 000.17.22.H56."""
    cleaned = (value or "").strip().upper()
    if not _AGENCY.match(cleaned) or len(cleaned) > 30:
        raise ValidationError(
            "agency_id",
            "the agency id must follow "
            "V1V2V3.Z1Z2.Y1Y2.MX1X2, e.g. 000.17.22.H56 (three digits, two, "
            "two, then a letter and two digits)",
            code="agency_id_format",
        )
    return cleaned


def desk_number(value: int, slots: int = DEFAULT_DESK_SLOTS) -> int:
    if not isinstance(value, int) or not 1 <= value < slots:
        raise ValidationError(
            "desk_no",
            f"the desk number must be from 1 to {slots - 1}",
            code="desk_no_range",
            high=slots - 1,
        )
    return value


def sequence_for(desk_no: int, nth: int, slots: int = DEFAULT_DESK_SLOTS) -> int:
    """The day's sequence number of the nth (1-based) dossier that desk `desk_no` issues."""
    desk_number(desk_no, slots)
    if nth < 1:
        raise ValueError("nth starts at 1")
    return (nth - 1) * slots + desk_no


def make_code(
    agency: str, day: date, desk_no: int, nth: int, slots: int = DEFAULT_DESK_SLOTS
) -> str:
    return str(DossierCode(agency, day, sequence_for(desk_no, nth, slots)))


_AROUND_DASH = re.compile(r" *- *")
_SPACES = re.compile(r" +")


def normalize(text: str) -> str:
    """A code as typed or scanned: surrounding whitespace and control characters dropped,
    upper case (a scanner on Caps Lock, or a hand-typed lower-case code); typed with spaces
    around its dashes ("… - 261205 - 0011") or spaces for them ("… 261205 0011"), as the code
    it is (a code never holds a space)."""
    clean = "".join(ch for ch in (text or "") if ch.isprintable()).strip().upper()
    if " " in clean:  # (the only whitespace isprintable keeps)
        clean = _AROUND_DASH.sub("-", clean)
        dashed = _SPACES.sub("-", clean)
        if _CODE.match(dashed):
            clean = dashed
    return clean


def parse(text: str) -> DossierCode:
    m = _CODE.match(normalize(text))
    if not m:
        raise ValidationError(
            "code", f"{text!r} is not a dossier code (agency-YYMMDD-NNNN)", code="code_format"
        )
    day = m["day"]
    try:
        d = date(2000 + int(day[:2]), int(day[2:4]), int(day[4:]))
    except ValueError as err:
        raise ValidationError(
            "code", f"{text!r} has an impossible date", code="code_format"
        ) from err
    return DossierCode(m["agency"], d, int(m["seq"]))


_TAIL = re.compile(r"^(?:(?P<day>\d{6})-)?(?P<seq>\d{4,5})$")


def tail_of(text: str) -> tuple[date | None, str] | None:
    """The end of a code as an officer types it off a slip: "261123-0001" (day and number) or
    "0001" (the number alone); None when the text is not such a tail."""
    m = _TAIL.match(normalize(text))
    if not m:
        return None
    day = None
    if m["day"]:
        try:
            day = date(2000 + int(m["day"][:2]), int(m["day"][2:4]), int(m["day"][4:]))
        except ValueError:
            return None
    return day, m["seq"]


def looks_like_code(text: str) -> bool:
    return bool(_CODE.match(normalize(text)))
