# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'return.ui'
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
from PySide6.QtWidgets import (QAbstractItemView, QApplication, QComboBox, QFormLayout,
    QGroupBox, QHBoxLayout, QHeaderView, QLabel,
    QLineEdit, QPushButton, QSizePolicy, QTableView,
    QVBoxLayout, QWidget)

class Ui_ReturnForm(object):
    def setupUi(self, ReturnForm):
        if not ReturnForm.objectName():
            ReturnForm.setObjectName(u"ReturnForm")
        ReturnForm.resize(1080, 640)
        self.returnLayout = QVBoxLayout(ReturnForm)
        self.returnLayout.setObjectName(u"returnLayout")
        self.codeRow = QHBoxLayout()
        self.codeRow.setObjectName(u"codeRow")
        self.codeLabel = QLabel(ReturnForm)
        self.codeLabel.setObjectName(u"codeLabel")

        self.codeRow.addWidget(self.codeLabel)

        self.codeEdit = QLineEdit(ReturnForm)
        self.codeEdit.setObjectName(u"codeEdit")

        self.codeRow.addWidget(self.codeEdit)

        self.citizenScreenButton = QPushButton(ReturnForm)
        self.citizenScreenButton.setObjectName(u"citizenScreenButton")

        self.codeRow.addWidget(self.citizenScreenButton)

        self.codeRow.setStretch(1, 1)

        self.returnLayout.addLayout(self.codeRow)

        self.resultBox = QGroupBox(ReturnForm)
        self.resultBox.setObjectName(u"resultBox")
        self.resultForm = QFormLayout(self.resultBox)
        self.resultForm.setObjectName(u"resultForm")
        self.returnInfo = QLabel(self.resultBox)
        self.returnInfo.setObjectName(u"returnInfo")
        self.returnInfo.setWordWrap(True)

        self.resultForm.setWidget(0, QFormLayout.ItemRole.SpanningRole, self.returnInfo)

        self.toNameLabel = QLabel(self.resultBox)
        self.toNameLabel.setObjectName(u"toNameLabel")

        self.resultForm.setWidget(1, QFormLayout.ItemRole.LabelRole, self.toNameLabel)

        self.toNameEdit = QLineEdit(self.resultBox)
        self.toNameEdit.setObjectName(u"toNameEdit")

        self.resultForm.setWidget(1, QFormLayout.ItemRole.FieldRole, self.toNameEdit)

        self.toIdLabel = QLabel(self.resultBox)
        self.toIdLabel.setObjectName(u"toIdLabel")

        self.resultForm.setWidget(2, QFormLayout.ItemRole.LabelRole, self.toIdLabel)

        self.toIdEdit = QLineEdit(self.resultBox)
        self.toIdEdit.setObjectName(u"toIdEdit")

        self.resultForm.setWidget(2, QFormLayout.ItemRole.FieldRole, self.toIdEdit)

        self.methodLabel = QLabel(self.resultBox)
        self.methodLabel.setObjectName(u"methodLabel")

        self.resultForm.setWidget(3, QFormLayout.ItemRole.LabelRole, self.methodLabel)

        self.methodCombo = QComboBox(self.resultBox)
        self.methodCombo.setObjectName(u"methodCombo")

        self.resultForm.setWidget(3, QFormLayout.ItemRole.FieldRole, self.methodCombo)

        self.returnError = QLabel(self.resultBox)
        self.returnError.setObjectName(u"returnError")
        self.returnError.setStyleSheet(u"color: #b00020;")
        self.returnError.setWordWrap(True)

        self.resultForm.setWidget(4, QFormLayout.ItemRole.SpanningRole, self.returnError)

        self.returnButton = QPushButton(self.resultBox)
        self.returnButton.setObjectName(u"returnButton")
        self.returnButton.setStyleSheet(u"font-weight: bold; padding: 6px 14px;")
        self.returnButton.setAutoDefault(True)

        self.resultForm.setWidget(5, QFormLayout.ItemRole.FieldRole, self.returnButton)


        self.returnLayout.addWidget(self.resultBox)

        self.waitingBox = QGroupBox(ReturnForm)
        self.waitingBox.setObjectName(u"waitingBox")
        self.waitingLayout = QVBoxLayout(self.waitingBox)
        self.waitingLayout.setObjectName(u"waitingLayout")
        self.waitingTable = QTableView(self.waitingBox)
        self.waitingTable.setObjectName(u"waitingTable")
        self.waitingTable.setTabKeyNavigation(False)
        self.waitingTable.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.waitingTable.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.waitingTable.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.waitingTable.verticalHeader().setVisible(False)

        self.waitingLayout.addWidget(self.waitingTable)


        self.returnLayout.addWidget(self.waitingBox)

        self.returnLayout.setStretch(2, 1)
#if QT_CONFIG(shortcut)
        self.codeLabel.setBuddy(self.codeEdit)
        self.toNameLabel.setBuddy(self.toNameEdit)
        self.toIdLabel.setBuddy(self.toIdEdit)
        self.methodLabel.setBuddy(self.methodCombo)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.codeEdit, self.citizenScreenButton)
        QWidget.setTabOrder(self.citizenScreenButton, self.toNameEdit)
        QWidget.setTabOrder(self.toNameEdit, self.toIdEdit)
        QWidget.setTabOrder(self.toIdEdit, self.methodCombo)
        QWidget.setTabOrder(self.methodCombo, self.returnButton)
        QWidget.setTabOrder(self.returnButton, self.waitingTable)

        self.retranslateUi(ReturnForm)
    # setupUi

    def retranslateUi(self, ReturnForm):
        self.codeLabel.setText(QCoreApplication.translate("ReturnForm", u"D&ossier code:", None))
        self.codeEdit.setPlaceholderText(QCoreApplication.translate("ReturnForm", u"Scan the slip, or type the code and press Enter", None))
#if QT_CONFIG(tooltip)
        self.citizenScreenButton.setToolTip(QCoreApplication.translate("ReturnForm", u"A window with the three choices, big, for a second screen turned to the citizen (a USB keypad works too: 1, 2, 3; 0 skips).", None))
#endif // QT_CONFIG(tooltip)
        self.citizenScreenButton.setText(QCoreApplication.translate("ReturnForm", u"Rating screen for the citizen\u2026", None))
        self.resultBox.setTitle(QCoreApplication.translate("ReturnForm", u"Result to return", None))
        self.toNameLabel.setText(QCoreApplication.translate("ReturnForm", u"Collected &by:", None))
        self.toIdLabel.setText(QCoreApplication.translate("ReturnForm", u"Citizen &ID:", None))
        self.toIdEdit.setPlaceholderText(QCoreApplication.translate("ReturnForm", u"12 digits (optional)", None))
        self.methodLabel.setText(QCoreApplication.translate("ReturnForm", u"Ho&w:", None))
        self.returnButton.setText(QCoreApplication.translate("ReturnForm", u"&Record the return", None))
        self.waitingBox.setTitle(QCoreApplication.translate("ReturnForm", u"Results waiting for the citizen", None))
        pass
    # retranslateUi

