"""The window's language through Qt Linguist: English source strings in tr(), Vietnamese in
resources/i18n/motcua_desk_vi.qm (the default), English = no translator at all."""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLocale, QTranslator

from motcua_desk import paths

log = logging.getLogger("motcua.ui.i18n")

CATALOG = "motcua_desk"
DEFAULT_LANGUAGE = "vi"


def qm_path(language: str, directory: Path | None = None) -> Path:
    return (directory or paths.translations_dir()) / f"{CATALOG}_{language}.qm"


def install_translator(
    app: QCoreApplication, language: str = DEFAULT_LANGUAGE, directory: Path | None = None
) -> QTranslator | None:
    """Load and install the translator for `language` ("vi" or "en"); returns it (keep a
    reference for as long as it is installed) or None for English or a missing file."""
    locale = QLocale(
        QLocale.Language.Vietnamese if language == "vi" else QLocale.Language.English,
        QLocale.Country.Vietnam if language == "vi" else QLocale.Country.UnitedStates,
    )
    QLocale.setDefault(locale)
    if language == "en":
        return None
    path = qm_path(language, directory)
    translator = QTranslator(app)
    if not translator.load(str(path)):
        log.error("cannot load the translation %s: the window stays in English", path)
        return None
    app.installTranslator(translator)
    return translator


def remove_translator(app: QCoreApplication, translator: QTranslator | None) -> None:
    if translator is not None:
        app.removeTranslator(translator)
