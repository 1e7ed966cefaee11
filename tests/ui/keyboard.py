"""The keyboard as one table: every Alt+letter (mnemonic) and shortcut reachable on a screen,
collected from the live widgets, so that a test can walk every screen and dialog."""

from __future__ import annotations

import re
import unicodedata

from PySide6.QtWidgets import (
    QAbstractButton,
    QGroupBox,
    QLabel,
    QMenuBar,
    QTabBar,
    QWidget,
)

_MNEMONIC = re.compile(r"&(?!&)(.)")


def mnemonic(text: str) -> str | None:
    """The letter after a single '&' ('&&' is a literal ampersand), lower-cased."""
    m = _MNEMONIC.search((text or "").replace("&&", ""))
    return m.group(1).lower() if m else None


def _shown(w: QWidget, top: QWidget) -> bool:
    return w.isVisibleTo(top) and w.isEnabled() or (w.isVisibleTo(top) and isinstance(w, QLabel))


def mnemonics(top: QWidget) -> list[tuple[str, str, QWidget]]:
    """(letter, text, widget) of every mnemonic visible on `top` (a window or a dialog)."""
    out: list[tuple[str, str, QWidget]] = []
    for w in top.findChildren(QWidget):
        if not w.isVisibleTo(top):
            continue
        texts: list[str] = []
        if isinstance(w, QAbstractButton):
            texts.append(w.text())
        elif isinstance(w, QLabel) and w.buddy() is not None and w.buddy().isVisibleTo(top):
            texts.append(w.text())
        elif isinstance(w, QGroupBox) and w.isCheckable():
            texts.append(w.title())
        elif isinstance(w, QTabBar):
            texts.extend(w.tabText(i) for i in range(w.count()))
        elif isinstance(w, QMenuBar):
            texts.extend(a.text() for a in w.actions() if a.isVisible())
        for t in texts:
            letter = mnemonic(t)
            if letter is not None:
                out.append((letter, t.replace("&&", "&"), w))
    return out


def collisions(top: QWidget) -> dict[str, list[str]]:
    seen: dict[str, list[str]] = {}
    for letter, text, _w in mnemonics(top):
        seen.setdefault(letter, []).append(text)
    return {k: v for k, v in seen.items() if len(v) > 1}


def not_plain(top: QWidget) -> list[str]:
    """Mnemonics on a letter with a diacritic (or not a letter/digit at all): Alt+ô cannot be
    typed on a US keyboard layout, which is what counter PCs have."""
    bad = []
    for letter, text, _w in mnemonics(top):
        base = unicodedata.normalize("NFD", letter)
        if len(base) != 1 or not (letter.isascii() and letter.isalnum()):
            bad.append(text)
    return bad
