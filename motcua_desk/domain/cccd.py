"""The QR code on the back of the chip citizen ID card (CCCD, and the 2024 "thẻ căn cước").

It reads `ID|old ID|full name|date of birth ddmmyyyy|sex|address|issue date ddmmyyyy`. The old
ID (9-digit CMND) may be empty; the 2024 card and some readers add fields after the issue date,
which are ignored. A parsed QR is what the card says, not a verified identity.

Trust: the payload is personal data. Nothing here logs it, and no error message repeats it:
a ValidationError names only the field that is wrong (`field`, `code`).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from datetime import date

from motcua_desk.domain import validation
from motcua_desk.domain.errors import ValidationError

MAX_PAYLOAD = 512  # what a scanner may send; a real payload is 110-140 characters
MIN_FIELDS = 6  # ID|old|name|birth|sex|address; the issue date is missing on some readers
SEPARATOR = "|"

SEX_MALE = "male"
SEX_FEMALE = "female"
SEXES = (SEX_MALE, SEX_FEMALE)
SEX_LABELS_VI = {SEX_MALE: "Nam", SEX_FEMALE: "Nữ"}

_ID = re.compile(r"^\d{12}$")
_OLD_ID = re.compile(r"^\d{9}(\d{3})?$")
_DDMMYYYY = re.compile(r"^\d{8}$")
_SEX = {
    "nam": SEX_MALE,
    "male": SEX_MALE,
    "m": SEX_MALE,
    "nu": SEX_FEMALE,
    "nữ": SEX_FEMALE,
    "female": SEX_FEMALE,
    "f": SEX_FEMALE,
}


@dataclass(frozen=True)
class CitizenCard:
    id_number: str  # 12 digits
    old_id: str  # 9 (or 12) digits, "" when the card shows none
    name: str
    birth_date: date
    sex: str  # male | female | "" when unreadable
    address: str
    issue_date: date | None

    def to_qr(self) -> str:
        """The payload this card's QR carries (the inverse of parse)."""
        sex = SEX_LABELS_VI.get(self.sex, "")
        issued = self.issue_date.strftime("%d%m%Y") if self.issue_date else ""
        return SEPARATOR.join(
            (
                self.id_number,
                self.old_id,
                self.name,
                self.birth_date.strftime("%d%m%Y"),
                sex,
                self.address,
                issued,
            )
        )


def _fail(field: str, code: str, what: str) -> ValidationError:
    # The message names the field, never its value: a payload must not reach a log.
    return ValidationError(field, f"the ID card's QR code is not valid: {what}", code=code)


def _date(field: str, text: str, what: str) -> date:
    if not _DDMMYYYY.match(text):
        raise _fail(field, "cccd_qr_date", f"the {what} is not a date written ddmmyyyy")
    try:
        value = date(int(text[4:]), int(text[2:4]), int(text[:2]))
    except ValueError:
        raise _fail(field, "cccd_qr_date", f"the {what} is not a real date") from None
    if value.year < 1900:
        raise _fail(field, "cccd_qr_date", f"the {what} is before 1900")
    return value


def looks_like_card_qr(text: str) -> bool:
    """Whether a scan is meant as a card's QR, whether or not it is a valid one: it holds a
    '|', which no dossier code does. Such a scan is never looked up (nor shown, nor logged) as
    a dossier code."""
    return SEPARATOR in (text or "")


def parse(text: str, *, today: date | None = None) -> CitizenCard:
    """The card a QR payload describes; ValidationError (field, code) when it is malformed.

    Codes: cccd_qr_shape (not enough fields, too long), cccd_qr_id (not 12 digits, or a bad
    old ID), cccd_qr_name (empty or not a name), cccd_qr_date (a date that is not ddmmyyyy or
    not real, a birth after the issue date or after today), cccd_qr_address (too long or
    holding a control character)."""
    if type(text) is not str:
        raise _fail("cccd_qr", "cccd_qr_shape", "it is not text")
    if len(text) > MAX_PAYLOAD:
        raise _fail("cccd_qr", "cccd_qr_shape", f"it is longer than {MAX_PAYLOAD} characters")
    raw = unicodedata.normalize("NFC", text.lstrip("\ufeff").strip())
    parts = [p.strip() for p in raw.split(SEPARATOR)]
    if len(parts) < MIN_FIELDS:
        raise _fail(
            "cccd_qr",
            "cccd_qr_shape",
            f"it has {len(parts)} fields, not at least {MIN_FIELDS} separated by '|'",
        )
    id_number, old_id, name_text, birth_text, sex_text, address_text = parts[:6]
    issue_text = parts[6] if len(parts) > 6 else ""
    if not _ID.match(id_number):
        raise _fail("id_number", "cccd_qr_id", "the citizen ID is not 12 digits")
    if old_id and not _OLD_ID.match(old_id):
        raise _fail("old_id", "cccd_qr_id", "the old ID is not 9 or 12 digits")
    try:
        name = validation.applicant_name(name_text)
    except ValidationError:
        raise _fail(
            "applicant_name", "cccd_qr_name", "the name is empty or is not a name"
        ) from None
    birth = _date("birth_date", birth_text, "date of birth")
    issued = _date("issue_date", issue_text, "issue date") if issue_text else None
    if today is not None and birth > today:
        raise _fail("birth_date", "cccd_qr_date", "the date of birth is in the future")
    if issued is not None and issued < birth:
        raise _fail("issue_date", "cccd_qr_date", "the issue date is before the date of birth")
    sex = _SEX.get(sex_text.casefold(), "")
    if sex_text and not sex:
        raise _fail("sex", "cccd_qr_sex", "the sex is neither Nam nor Nữ")
    try:
        address = validation.address(address_text)
    except ValidationError:
        raise _fail(
            "address", "cccd_qr_address", "the address is too long or holds a control character"
        ) from None
    return CitizenCard(
        id_number=id_number,
        old_id=old_id,
        name=name,
        birth_date=birth,
        sex=sex,
        address=address,
        issue_date=issued,
    )


def sex_value(text: str | None) -> str:
    """An applicant's sex as stored ("male", "female", "" for none) from what was typed
    (Nam/Nữ/nu/male/female); ValidationError code sex_value otherwise."""
    t = (text or "").strip()
    if not t:
        return ""
    sex = _SEX.get(unicodedata.normalize("NFC", t).casefold())
    if sex is None:
        raise ValidationError("sex", "the sex must be Nam or Nữ (male or female)", code="sex_value")
    return sex


def birth_date_value(value: date | str | None, *, today: date | None = None) -> str:
    """A date of birth as stored (ISO YYYY-MM-DD, "" for none), from a date or text written
    YYYY-MM-DD, DD/MM/YYYY or ddmmyyyy; ValidationError code birth_date otherwise."""
    if value is None or value == "":
        return ""
    if isinstance(value, date):
        born = value
    else:
        t = value.strip()
        born = None
        for pattern, order in (
            (r"^(\d{4})-(\d{1,2})-(\d{1,2})$", (0, 1, 2)),
            (r"^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$", (2, 1, 0)),
            (r"^(\d{2})(\d{2})(\d{4})$", (2, 1, 0)),
        ):
            m = re.match(pattern, t)
            if m:
                g = m.groups()
                try:
                    born = date(int(g[order[0]]), int(g[order[1]]), int(g[order[2]]))
                except ValueError:
                    born = None
                break
        if born is None:
            raise ValidationError(
                "birth_date",
                "the date of birth is not a valid date (write it DD/MM/YYYY)",
                code="birth_date",
            )
    if born.year < 1900 or (today is not None and born > today):
        raise ValidationError(
            "birth_date",
            "the date of birth is not plausible (before 1900 or in the future)",
            code="birth_date",
        )
    return born.isoformat()
