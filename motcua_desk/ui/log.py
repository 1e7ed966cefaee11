"""Qt's own messages (warnings from widgets, the platform plugin, QtPdf) into Python logging,
under the logger "motcua.qt", so that they land in the rotating log file the officer can send
to IT (the file handler is set up by motcua_desk.app.setup_logging)."""

from __future__ import annotations

import logging

from PySide6.QtCore import QMessageLogContext, QtMsgType, qInstallMessageHandler

qt_log = logging.getLogger("motcua.qt")

_LEVELS = {
    QtMsgType.QtDebugMsg: logging.DEBUG,
    QtMsgType.QtInfoMsg: logging.INFO,
    QtMsgType.QtWarningMsg: logging.WARNING,
    QtMsgType.QtCriticalMsg: logging.ERROR,
    QtMsgType.QtFatalMsg: logging.CRITICAL,
}


def _handler(msg_type: QtMsgType, context: QMessageLogContext, message: str) -> None:
    where = ""
    if context.file:
        where = f" ({context.file}:{context.line}, {context.function})"
    category = context.category or "default"
    qt_log.log(_LEVELS.get(msg_type, logging.WARNING), "%s: %s%s", category, message, where)


def install_qt_message_handler() -> None:
    """Route every qDebug/qWarning/qCritical into logging (once, at start-up)."""
    qInstallMessageHandler(_handler)


def uninstall_qt_message_handler() -> None:
    qInstallMessageHandler(None)
