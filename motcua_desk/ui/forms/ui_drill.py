# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'drill.ui'
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
from PySide6.QtWidgets import (QAbstractButton, QAbstractItemView, QApplication, QDialog,
    QDialogButtonBox, QHeaderView, QLabel, QSizePolicy,
    QTableView, QVBoxLayout, QWidget)

class Ui_DrillForm(object):
    def setupUi(self, drillDialog):
        if not drillDialog.objectName():
            drillDialog.setObjectName(u"drillDialog")
        drillDialog.resize(980, 460)
        self.drillLayout = QVBoxLayout(drillDialog)
        self.drillLayout.setObjectName(u"drillLayout")
        self.noteLabel = QLabel(drillDialog)
        self.noteLabel.setObjectName(u"noteLabel")

        self.drillLayout.addWidget(self.noteLabel)

        self.drillTable = QTableView(drillDialog)
        self.drillTable.setObjectName(u"drillTable")
        self.drillTable.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.drillTable.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.drillTable.verticalHeader().setVisible(False)

        self.drillLayout.addWidget(self.drillTable)

        self.buttons = QDialogButtonBox(drillDialog)
        self.buttons.setObjectName(u"buttons")
        self.buttons.setStandardButtons(QDialogButtonBox.Close)

        self.drillLayout.addWidget(self.buttons)

        self.drillLayout.setStretch(1, 1)

        self.retranslateUi(drillDialog)
    # setupUi

    def retranslateUi(self, drillDialog):
        pass
    # retranslateUi

