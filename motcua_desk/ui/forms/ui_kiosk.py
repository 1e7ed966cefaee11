# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'kiosk.ui'
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
from PySide6.QtWidgets import (QApplication, QFrame, QGridLayout, QHBoxLayout,
    QLabel, QLineEdit, QListWidget, QListWidgetItem,
    QPushButton, QSizePolicy, QSpacerItem, QStackedWidget,
    QTextBrowser, QVBoxLayout, QWidget)

class Ui_KioskForm(object):
    def setupUi(self, kioskWindow):
        if not kioskWindow.objectName():
            kioskWindow.setObjectName(u"kioskWindow")
        kioskWindow.resize(1280, 800)
        kioskWindow.setStyleSheet(u"#kioskWindow { background: #f4f7fb; } QLabel { color: #1a2733; } QLineEdit { font-size: 22pt; padding: 8px; } QPushButton { font-size: 18pt; padding: 10px 22px; } #kioskAgency { font-size: 14pt; font-weight: bold; } #kioskTitle { font-size: 30pt; font-weight: bold; color: #0b4f8a; } #kioskMessage { font-size: 16pt; color: #8a4b00; } #kioskStatus { font-size: 24pt; font-weight: bold; } #kioskReady { font-size: 26pt; font-weight: bold; color: #1b7f3b; } #kioskDetails QLabel { font-size: 16pt; } #kioskBring { font-size: 16pt; }")
        self.layout = QVBoxLayout(kioskWindow)
        self.layout.setObjectName(u"layout")
        self.layout.setContentsMargins(40, 30, 40, 30)
        self.kioskAgency = QLabel(kioskWindow)
        self.kioskAgency.setObjectName(u"kioskAgency")
        self.kioskAgency.setAlignment(Qt.AlignCenter)

        self.layout.addWidget(self.kioskAgency)

        self.kioskTitle = QLabel(kioskWindow)
        self.kioskTitle.setObjectName(u"kioskTitle")
        self.kioskTitle.setAlignment(Qt.AlignCenter)

        self.layout.addWidget(self.kioskTitle)

        self.stack = QStackedWidget(kioskWindow)
        self.stack.setObjectName(u"stack")
        self.startPage = QWidget()
        self.startPage.setObjectName(u"startPage")
        self.startLayout = QVBoxLayout(self.startPage)
        self.startLayout.setObjectName(u"startLayout")
        self.startTop = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.startLayout.addItem(self.startTop)

        self.intro = QLabel(self.startPage)
        self.intro.setObjectName(u"intro")
        self.intro.setStyleSheet(u"font-size: 18pt;")
        self.intro.setAlignment(Qt.AlignCenter)
        self.intro.setWordWrap(True)

        self.startLayout.addWidget(self.intro)

        self.introGap = QSpacerItem(0, 20, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Fixed)

        self.startLayout.addItem(self.introGap)

        self.startForm = QGridLayout()
        self.startForm.setObjectName(u"startForm")
        self.codeLabel = QLabel(self.startPage)
        self.codeLabel.setObjectName(u"codeLabel")
        self.codeLabel.setStyleSheet(u"font-size: 18pt;")

        self.startForm.addWidget(self.codeLabel, 0, 0, 1, 1)

        self.kioskCode = QLineEdit(self.startPage)
        self.kioskCode.setObjectName(u"kioskCode")
        self.kioskCode.setMaxLength(64)

        self.startForm.addWidget(self.kioskCode, 0, 1, 1, 1)

        self.digitsLabel = QLabel(self.startPage)
        self.digitsLabel.setObjectName(u"digitsLabel")
        self.digitsLabel.setStyleSheet(u"font-size: 18pt;")

        self.startForm.addWidget(self.digitsLabel, 1, 0, 1, 1)

        self.kioskDigits = QLineEdit(self.startPage)
        self.kioskDigits.setObjectName(u"kioskDigits")
        self.kioskDigits.setMaxLength(4)
        self.kioskDigits.setEchoMode(QLineEdit.Password)

        self.startForm.addWidget(self.kioskDigits, 1, 1, 1, 1)

        self.kioskLookup = QPushButton(self.startPage)
        self.kioskLookup.setObjectName(u"kioskLookup")

        self.startForm.addWidget(self.kioskLookup, 2, 1, 1, 1, Qt.AlignLeft)


        self.startLayout.addLayout(self.startForm)

        self.formGap = QSpacerItem(0, 10, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Fixed)

        self.startLayout.addItem(self.formGap)

        self.kioskMessage = QLabel(self.startPage)
        self.kioskMessage.setObjectName(u"kioskMessage")
        self.kioskMessage.setAlignment(Qt.AlignCenter)
        self.kioskMessage.setWordWrap(True)

        self.startLayout.addWidget(self.kioskMessage)

        self.startBottom = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.startLayout.addItem(self.startBottom)

        self.kioskProceduresButton = QPushButton(self.startPage)
        self.kioskProceduresButton.setObjectName(u"kioskProceduresButton")

        self.startLayout.addWidget(self.kioskProceduresButton, 0, Qt.AlignCenter)

        self.startLayout.setStretch(0, 1)
        self.startLayout.setStretch(6, 1)
        self.stack.addWidget(self.startPage)
        self.resultPage = QWidget()
        self.resultPage.setObjectName(u"resultPage")
        self.resultLayout = QVBoxLayout(self.resultPage)
        self.resultLayout.setObjectName(u"resultLayout")
        self.kioskReady = QLabel(self.resultPage)
        self.kioskReady.setObjectName(u"kioskReady")
        self.kioskReady.setAlignment(Qt.AlignCenter)
        self.kioskReady.setWordWrap(True)

        self.resultLayout.addWidget(self.kioskReady)

        self.kioskStatus = QLabel(self.resultPage)
        self.kioskStatus.setObjectName(u"kioskStatus")
        self.kioskStatus.setAlignment(Qt.AlignCenter)
        self.kioskStatus.setWordWrap(True)

        self.resultLayout.addWidget(self.kioskStatus)

        self.statusGap = QSpacerItem(0, 12, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Fixed)

        self.resultLayout.addItem(self.statusGap)

        self.kioskDetails = QFrame(self.resultPage)
        self.kioskDetails.setObjectName(u"kioskDetails")
        self.detailsGrid = QGridLayout(self.kioskDetails)
        self.detailsGrid.setObjectName(u"detailsGrid")
        self.caption_code = QLabel(self.kioskDetails)
        self.caption_code.setObjectName(u"caption_code")

        self.detailsGrid.addWidget(self.caption_code, 0, 0, 1, 1, Qt.AlignTop)

        self.kiosk_code = QLabel(self.kioskDetails)
        self.kiosk_code.setObjectName(u"kiosk_code")
        self.kiosk_code.setWordWrap(True)

        self.detailsGrid.addWidget(self.kiosk_code, 0, 1, 1, 1)

        self.caption_procedure = QLabel(self.kioskDetails)
        self.caption_procedure.setObjectName(u"caption_procedure")

        self.detailsGrid.addWidget(self.caption_procedure, 1, 0, 1, 1, Qt.AlignTop)

        self.kiosk_procedure = QLabel(self.kioskDetails)
        self.kiosk_procedure.setObjectName(u"kiosk_procedure")
        self.kiosk_procedure.setWordWrap(True)

        self.detailsGrid.addWidget(self.kiosk_procedure, 1, 1, 1, 1)

        self.caption_name = QLabel(self.kioskDetails)
        self.caption_name.setObjectName(u"caption_name")

        self.detailsGrid.addWidget(self.caption_name, 2, 0, 1, 1, Qt.AlignTop)

        self.kiosk_name = QLabel(self.kioskDetails)
        self.kiosk_name.setObjectName(u"kiosk_name")
        self.kiosk_name.setWordWrap(True)

        self.detailsGrid.addWidget(self.kiosk_name, 2, 1, 1, 1)

        self.caption_received = QLabel(self.kioskDetails)
        self.caption_received.setObjectName(u"caption_received")

        self.detailsGrid.addWidget(self.caption_received, 3, 0, 1, 1, Qt.AlignTop)

        self.kiosk_received = QLabel(self.kioskDetails)
        self.kiosk_received.setObjectName(u"kiosk_received")
        self.kiosk_received.setWordWrap(True)

        self.detailsGrid.addWidget(self.kiosk_received, 3, 1, 1, 1)

        self.caption_due = QLabel(self.kioskDetails)
        self.caption_due.setObjectName(u"caption_due")

        self.detailsGrid.addWidget(self.caption_due, 4, 0, 1, 1, Qt.AlignTop)

        self.kiosk_due = QLabel(self.kioskDetails)
        self.kiosk_due.setObjectName(u"kiosk_due")
        self.kiosk_due.setWordWrap(True)

        self.detailsGrid.addWidget(self.kiosk_due, 4, 1, 1, 1)

        self.detailsGrid.setColumnStretch(1, 1)

        self.resultLayout.addWidget(self.kioskDetails)

        self.detailsGap = QSpacerItem(0, 12, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Fixed)

        self.resultLayout.addItem(self.detailsGap)

        self.kioskBring = QLabel(self.resultPage)
        self.kioskBring.setObjectName(u"kioskBring")
        self.kioskBring.setTextFormat(Qt.RichText)
        self.kioskBring.setWordWrap(True)

        self.resultLayout.addWidget(self.kioskBring)

        self.resultBottom = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.resultLayout.addItem(self.resultBottom)

        self.kioskResultBack = QPushButton(self.resultPage)
        self.kioskResultBack.setObjectName(u"kioskResultBack")

        self.resultLayout.addWidget(self.kioskResultBack, 0, Qt.AlignCenter)

        self.resultLayout.setStretch(6, 1)
        self.stack.addWidget(self.resultPage)
        self.proceduresPage = QWidget()
        self.proceduresPage.setObjectName(u"proceduresPage")
        self.proceduresLayout = QVBoxLayout(self.proceduresPage)
        self.proceduresLayout.setObjectName(u"proceduresLayout")
        self.kioskSearch = QLineEdit(self.proceduresPage)
        self.kioskSearch.setObjectName(u"kioskSearch")

        self.proceduresLayout.addWidget(self.kioskSearch)

        self.proceduresRow = QHBoxLayout()
        self.proceduresRow.setObjectName(u"proceduresRow")
        self.kioskProcedureList = QListWidget(self.proceduresPage)
        self.kioskProcedureList.setObjectName(u"kioskProcedureList")
        self.kioskProcedureList.setStyleSheet(u"font-size: 15pt; QListWidget::item { padding: 4px; }")
        self.kioskProcedureList.setHorizontalScrollBarPolicy(Qt.ScrollBarAlwaysOff)
        self.kioskProcedureList.setSpacing(3)
        self.kioskProcedureList.setWordWrap(True)

        self.proceduresRow.addWidget(self.kioskProcedureList)

        self.kioskProcedureText = QTextBrowser(self.proceduresPage)
        self.kioskProcedureText.setObjectName(u"kioskProcedureText")
        self.kioskProcedureText.setStyleSheet(u"font-size: 15pt;")
        self.kioskProcedureText.setOpenLinks(False)

        self.proceduresRow.addWidget(self.kioskProcedureText)

        self.proceduresRow.setStretch(0, 2)
        self.proceduresRow.setStretch(1, 3)

        self.proceduresLayout.addLayout(self.proceduresRow)

        self.kioskProceduresBack = QPushButton(self.proceduresPage)
        self.kioskProceduresBack.setObjectName(u"kioskProceduresBack")

        self.proceduresLayout.addWidget(self.kioskProceduresBack, 0, Qt.AlignCenter)

        self.proceduresLayout.setStretch(1, 1)
        self.stack.addWidget(self.proceduresPage)

        self.layout.addWidget(self.stack)

        self.layout.setStretch(2, 1)

        self.retranslateUi(kioskWindow)
    # setupUi

    def retranslateUi(self, kioskWindow):
        kioskWindow.setWindowTitle(QCoreApplication.translate("KioskForm", u"Dossier lookup", None))
        self.kioskTitle.setText(QCoreApplication.translate("KioskForm", u"Look up your dossier", None))
        self.intro.setText(QCoreApplication.translate("KioskForm", u"Scan the barcode on your appointment slip, or type the dossier code and the last 4 digits of your citizen ID (CCCD).", None))
        self.codeLabel.setText(QCoreApplication.translate("KioskForm", u"Dossier code:", None))
        self.kioskCode.setPlaceholderText(QCoreApplication.translate("KioskForm", u"Dossier code, e.g. 000.17.22.H56-261123-0001", None))
        self.digitsLabel.setText(QCoreApplication.translate("KioskForm", u"Last 4 digits of the CCCD:", None))
        self.kioskDigits.setPlaceholderText(QCoreApplication.translate("KioskForm", u"Last 4 digits of the CCCD", None))
        self.kioskLookup.setText(QCoreApplication.translate("KioskForm", u"Look up", None))
        self.kioskProceduresButton.setText(QCoreApplication.translate("KioskForm", u"Procedures and the papers they need", None))
        self.caption_code.setText(QCoreApplication.translate("KioskForm", u"Dossier code:", None))
        self.caption_procedure.setText(QCoreApplication.translate("KioskForm", u"Procedure:", None))
        self.caption_name.setText(QCoreApplication.translate("KioskForm", u"Applicant:", None))
        self.caption_received.setText(QCoreApplication.translate("KioskForm", u"Received:", None))
        self.caption_due.setText(QCoreApplication.translate("KioskForm", u"Return date:", None))
        self.kioskResultBack.setText(QCoreApplication.translate("KioskForm", u"Back", None))
        self.kioskSearch.setPlaceholderText(QCoreApplication.translate("KioskForm", u"Type a few words, with or without accents: khai sinh, chung thuc\u2026", None))
        self.kioskProceduresBack.setText(QCoreApplication.translate("KioskForm", u"Back", None))
    # retranslateUi

