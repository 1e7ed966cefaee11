"""Validation of what the officer types at intake. Each function returns the clean value or
raises ValidationError with a field name and an English message (the window translates by code)."""

from __future__ import annotations

import re
import unicodedata

from motcua_desk.domain.errors import ValidationError
from motcua_desk.domain.text import first_control_char, nfc, without_format_chars

NAME_MAX = 100
ADDRESS_MAX = 300
_CCCD = re.compile(r"^\d{12}$")
_PHONE = re.compile(r"^0[35789]\d{8}$")
_LANDLINE = re.compile(r"^02\d{9}$")
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
_NAME_PUNCT = set(" .'-()")


def applicant_name(value: str) -> str:
    """A person's or organisation's name: letters (any script mark), spaces and . ' - ( )."""
    name = nfc(without_format_chars(value or ""))
    if not name:
        raise ValidationError("applicant_name", "the applicant's name is empty", code="name_empty")
    if len(name) > NAME_MAX:
        raise ValidationError(
            "applicant_name",
            f"the applicant's name is longer than {NAME_MAX} characters",
            code="name_too_long",
            max=NAME_MAX,
        )
    letters = 0
    for ch in name:
        cat = unicodedata.category(ch)
        if cat.startswith("L"):
            letters += 1
        elif cat.startswith("M") or ch in _NAME_PUNCT or ch.isdigit():
            continue
        else:
            raise ValidationError(
                "applicant_name",
                f"the applicant's name contains the character {ch!r}",
                code="name_bad_char",
                char=ch,
            )
    digits = sum(ch.isdigit() for ch in name)
    if letters < 2 or digits > letters:
        raise ValidationError(
            "applicant_name", "the applicant's name does not look like a name", code="name_absurd"
        )
    return name


def looks_like_name(
    field: str, value: str, *, limit: int = 200, required: bool = True, min_letters: int = 2
) -> str:
    """Free text that must read as a name (an officer, an agency, a place): cleaned as free
    text, then at least `min_letters` letters and more letters than digits."""
    text = free_text(field, value, required=required, limit=limit)
    if not text:
        return text
    letters = sum(unicodedata.category(ch).startswith("L") for ch in text)
    digits = sum(ch.isdigit() for ch in text)
    if letters < min_letters or digits >= letters:
        raise ValidationError(
            field, f"{field.replace('_', ' ')} does not look like a name", code="name_absurd"
        )
    return text


def citizen_id(value: str | None) -> str:
    """CCCD: exactly 12 digits (spaces and dots typed between groups are dropped)."""
    if value is None:
        return ""
    cleaned = re.sub(r"[\s.]", "", value)
    if not cleaned:
        return ""
    if not _CCCD.match(cleaned):
        raise ValidationError(
            "id_number", "a citizen ID (CCCD) must be exactly 12 digits", code="id_number_format"
        )
    return cleaned


def phone(value: str | None) -> str:
    """A Vietnamese mobile (10 digits from 03/05/07/08/09) or landline (11 digits from 02).
    +84 / 84 prefixes are turned into 0; spaces, dots and dashes are dropped."""
    if value is None:
        return ""
    cleaned = re.sub(r"[\s.\-()]", "", value)
    if not cleaned:
        return ""
    if cleaned.startswith("+84"):
        cleaned = "0" + cleaned[3:]
    elif cleaned.startswith("84") and len(cleaned) == 11:
        cleaned = "0" + cleaned[2:]
    if not (_PHONE.match(cleaned) or _LANDLINE.match(cleaned)):
        raise ValidationError(
            "phone",
            "a phone number must be 10 digits starting with 0 "
            "(mobile) or 11 digits starting with 02 (landline)",
            code="phone_format",
        )
    return cleaned


def email(value: str | None) -> str:
    cleaned = without_format_chars(value or "").strip()
    if cleaned and (not _EMAIL.match(cleaned) or len(cleaned) > 254 or not cleaned.isprintable()):
        raise ValidationError("email", "the e-mail address is not valid", code="email_format")
    return cleaned


def clean_text(field: str, value: str | None) -> str:
    """NFC, whitespace collapsed, format characters (zero-width…) dropped; a control character
    is refused (code control_char, with its code point)."""
    text = value or ""
    bad = first_control_char(text)
    if bad is not None:
        point = f"U+{ord(bad):04X}"
        raise ValidationError(
            field,
            f"{field.replace('_', ' ')} contains the control character {point}",
            code="control_char",
            name=field,
            char=point,
        )
    return nfc(without_format_chars(text))


def address(value: str | None) -> str:
    cleaned = clean_text("address", value)
    if len(cleaned) > ADDRESS_MAX:
        raise ValidationError(
            "address",
            f"the address is longer than {ADDRESS_MAX} characters",
            code="address_too_long",
            max=ADDRESS_MAX,
        )
    return cleaned


def free_text(field: str, value: str | None, *, required: bool = False, limit: int = 1000) -> str:
    cleaned = clean_text(field, value)
    if required and not cleaned:
        raise ValidationError(
            field, f"{field.replace('_', ' ')} must not be empty", code="required", name=field
        )
    if len(cleaned) > limit:
        raise ValidationError(
            field,
            f"{field.replace('_', ' ')} is longer than {limit} characters",
            code="too_long",
            name=field,
            max=limit,
        )
    return cleaned


def count(field: str, value: int, *, low: int = 1, high: int = 99) -> int:
    if not isinstance(value, int) or isinstance(value, bool) or not low <= value <= high:
        raise ValidationError(
            field,
            f"{field.replace('_', ' ')} must be a whole number from {low} to {high}",
            code="count_range",
            name=field,
            low=low,
            high=high,
        )
    return value
