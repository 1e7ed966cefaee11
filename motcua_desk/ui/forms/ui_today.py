# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'today.ui'
##
## Created by: Qt User Interface Compiler version 6.12.0
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import (QCoreApplication, QDate, QDateTime, QLocale,
    QMetaObject, QObject, QPoint, QRect,
    QSize, QTime, QUrl, Qt)
from PySide6.QtGui import (QBrush, QColor, QConicalGradient, QCursor,
    QFont, QFontDatabase, QGradient, QIcon,
    QImage, QKeySequence, QLinearGradient, QPainter,
    QPalette, QPixmap, QRadialGradient, QTransform)
from PySide6.QtWidgets import (QApplication, QGroupBox, QLabel, QPushButton,
    QSizePolicy, QVBoxLayout, QWidget)

class Ui_TodayForm(object):
    def setupUi(self, todayPanel):
        if not todayPanel.objectName():
            todayPanel.setObjectName(u"todayPanel")
        todayPanel.resize(260, 200)
        self.todayLayout = QVBoxLayout(todayPanel)
        self.todayLayout.setSpacing(2)
        self.todayLayout.setObjectName(u"todayLayout")
        self.today_due_today = QPushButton(todayPanel)
        self.today_due_today.setObjectName(u"today_due_today")
        self.today_due_today.setCursor(QCursor(Qt.CursorShape.PointingHandCursor))
        self.today_due_today.setStyleSheet(u"text-align: left; padding: 3px 4px;")
        self.today_due_today.setFlat(True)

        self.todayLayout.addWidget(self.today_due_today)

        self.today_due_soon = QPushButton(todayPanel)
        self.today_due_soon.setObjectName(u"today_due_soon")
        self.today_due_soon.setCursor(QCursor(Qt.CursorShape.PointingHandCursor))
        self.today_due_soon.setStyleSheet(u"text-align: left; padding: 3px 4px;")
        self.today_due_soon.setFlat(True)

        self.todayLayout.addWidget(self.today_due_soon)

        self.today_overdue = QPushButton(todayPanel)
        self.today_overdue.setObjectName(u"today_overdue")
        self.today_overdue.setCursor(QCursor(Qt.CursorShape.PointingHandCursor))
        self.today_overdue.setStyleSheet(u"text-align: left; padding: 3px 4px;")
        self.today_overdue.setFlat(True)

        self.todayLayout.addWidget(self.today_overdue)

        self.today_waiting_long = QPushButton(todayPanel)
        self.today_waiting_long.setObjectName(u"today_waiting_long")
        self.today_waiting_long.setCursor(QCursor(Qt.CursorShape.PointingHandCursor))
        self.today_waiting_long.setStyleSheet(u"text-align: left; padding: 3px 4px;")
        self.today_waiting_long.setFlat(True)

        self.todayLayout.addWidget(self.today_waiting_long)

        self.today_results_waiting = QPushButton(todayPanel)
        self.today_results_waiting.setObjectName(u"today_results_waiting")
        self.today_results_waiting.setCursor(QCursor(Qt.CursorShape.PointingHandCursor))
        self.today_results_waiting.setStyleSheet(u"text-align: left; padding: 3px 4px;")
        self.today_results_waiting.setFlat(True)

        self.todayLayout.addWidget(self.today_results_waiting)

        self.today_received_today = QPushButton(todayPanel)
        self.today_received_today.setObjectName(u"today_received_today")
        self.today_received_today.setCursor(QCursor(Qt.CursorShape.PointingHandCursor))
        self.today_received_today.setStyleSheet(u"text-align: left; padding: 3px 4px;")
        self.today_received_today.setFlat(True)

        self.todayLayout.addWidget(self.today_received_today)

        self.note = QLabel(todayPanel)
        self.note.setObjectName(u"note")
        self.note.setStyleSheet(u"color: #555555; font-size: 8pt;")
        self.note.setWordWrap(True)

        self.todayLayout.addWidget(self.note)


        self.retranslateUi(todayPanel)
    # setupUi

    def retranslateUi(self, todayPanel):
        todayPanel.setTitle(QCoreApplication.translate("TodayForm", u"Today", None))
    # retranslateUi

