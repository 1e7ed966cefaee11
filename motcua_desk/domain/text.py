"""Vietnamese text rules: everything stored is NFC; search runs on a folded form.

Folding lower-cases, strips the tone and vowel marks, and maps đ/Đ to d by hand (they do not
decompose in Unicode), so "Nguyễn Văn Đức", "nguyen van duc" and an NFD-typed name all meet.
"""

from __future__ import annotations

import re
import unicodedata

_SPACES = re.compile(r"\s+")
_D_MAP = str.maketrans({"đ": "d", "Đ": "d", "ð": "d", "Ð": "d"})


def nfc(text: str) -> str:
    """NFC form with surrounding whitespace removed and inner whitespace collapsed."""
    return _SPACES.sub(" ", unicodedata.normalize("NFC", text)).strip()


def without_format_chars(text: str) -> str:
    """`text` without Unicode format characters (category Cf: zero-width space and joiners,
    word joiner, BOM, soft hyphen, bidi controls): invisible, pasted in by accident, and they
    would defeat search and comparisons. Combining marks (Vietnamese tones) are not Cf."""
    if text.isascii():
        return text
    return "".join(ch for ch in text if unicodedata.category(ch) != "Cf")


def first_control_char(text: str) -> str | None:
    """The first control character (Cc other than whitespace, surrogates, private use), or
    None. Whitespace controls (tab, newline) are folded into spaces by nfc."""
    for ch in text:
        cat = unicodedata.category(ch)
        if (cat == "Cc" and not ch.isspace()) or cat in ("Cs", "Co"):
            return ch
    return None


def fold(text: str) -> str:
    """Lower-case, diacritic-free, đ→d, whitespace collapsed: the search key."""
    decomposed = unicodedata.normalize("NFD", text.translate(_D_MAP))
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return _SPACES.sub(" ", stripped.translate(_D_MAP).lower()).strip()


def search_terms(text: str) -> list[str]:
    """Folded alphanumeric words of a query, in order."""
    return [t for t in re.split(r"[^0-9a-z]+", fold(text)) if t]


def mask_name(name: str) -> str:
    """A name as the lookup station shows it to anyone in the room: the family name (first
    word) whole, every other word its first letter and three stars, however long it is (so
    the length says nothing): "Nguyễn Văn An" → "Nguyễn V*** A***". One word alone: its
    first letter and the stars."""
    words = nfc(name).split(" ")
    if not words or not words[0]:
        return ""
    if len(words) == 1:
        return words[0][0] + "***"
    return " ".join([words[0], *(w[0] + "***" for w in words[1:])])
