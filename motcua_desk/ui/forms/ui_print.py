# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'print.ui'
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
from PySide6.QtWidgets import (QApplication, QComboBox, QDateEdit, QFormLayout,
    QGroupBox, QHBoxLayout, QLabel, QLineEdit,
    QPushButton, QSizePolicy, QSpacerItem, QVBoxLayout,
    QWidget)

class Ui_PrintForm(object):
    def setupUi(self, PrintForm):
        if not PrintForm.objectName():
            PrintForm.setObjectName(u"PrintForm")
        PrintForm.resize(1080, 640)
        self.printLayout = QVBoxLayout(PrintForm)
        self.printLayout.setObjectName(u"printLayout")
        self.documentRow = QHBoxLayout()
        self.documentRow.setObjectName(u"documentRow")
        self.ledgerBox = QGroupBox(PrintForm)
        self.ledgerBox.setObjectName(u"ledgerBox")
        self.ledgerForm = QFormLayout(self.ledgerBox)
        self.ledgerForm.setObjectName(u"ledgerForm")
        self.fromLabel = QLabel(self.ledgerBox)
        self.fromLabel.setObjectName(u"fromLabel")

        self.ledgerForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.fromLabel)

        self.ledgerFrom = QDateEdit(self.ledgerBox)
        self.ledgerFrom.setObjectName(u"ledgerFrom")
        self.ledgerFrom.setDisplayFormat(u"dd/MM/yyyy")
        self.ledgerFrom.setCalendarPopup(True)

        self.ledgerForm.setWidget(0, QFormLayout.ItemRole.FieldRole, self.ledgerFrom)

        self.toLabel = QLabel(self.ledgerBox)
        self.toLabel.setObjectName(u"toLabel")

        self.ledgerForm.setWidget(1, QFormLayout.ItemRole.LabelRole, self.toLabel)

        self.ledgerTo = QDateEdit(self.ledgerBox)
        self.ledgerTo.setObjectName(u"ledgerTo")
        self.ledgerTo.setDisplayFormat(u"dd/MM/yyyy")
        self.ledgerTo.setCalendarPopup(True)

        self.ledgerForm.setWidget(1, QFormLayout.ItemRole.FieldRole, self.ledgerTo)

        self.ledgerButton = QPushButton(self.ledgerBox)
        self.ledgerButton.setObjectName(u"ledgerButton")

        self.ledgerForm.setWidget(2, QFormLayout.ItemRole.FieldRole, self.ledgerButton)


        self.documentRow.addWidget(self.ledgerBox)

        self.listBox = QGroupBox(PrintForm)
        self.listBox.setObjectName(u"listBox")
        self.listForm = QFormLayout(self.listBox)
        self.listForm.setObjectName(u"listForm")
        self.dayLabel = QLabel(self.listBox)
        self.dayLabel.setObjectName(u"dayLabel")

        self.listForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.dayLabel)

        self.listDay = QDateEdit(self.listBox)
        self.listDay.setObjectName(u"listDay")
        self.listDay.setDisplayFormat(u"dd/MM/yyyy")
        self.listDay.setCalendarPopup(True)

        self.listForm.setWidget(0, QFormLayout.ItemRole.FieldRole, self.listDay)

        self.departmentLabel = QLabel(self.listBox)
        self.departmentLabel.setObjectName(u"departmentLabel")

        self.listForm.setWidget(1, QFormLayout.ItemRole.LabelRole, self.departmentLabel)

        self.listDepartment = QComboBox(self.listBox)
        self.listDepartment.setObjectName(u"listDepartment")

        self.listForm.setWidget(1, QFormLayout.ItemRole.FieldRole, self.listDepartment)

        self.listButton = QPushButton(self.listBox)
        self.listButton.setObjectName(u"listButton")

        self.listForm.setWidget(2, QFormLayout.ItemRole.FieldRole, self.listButton)


        self.documentRow.addWidget(self.listBox)

        self.cashBox = QGroupBox(PrintForm)
        self.cashBox.setObjectName(u"cashBox")
        self.cashForm = QFormLayout(self.cashBox)
        self.cashForm.setObjectName(u"cashForm")
        self.cashDayLabel = QLabel(self.cashBox)
        self.cashDayLabel.setObjectName(u"cashDayLabel")

        self.cashForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.cashDayLabel)

        self.cashDay = QDateEdit(self.cashBox)
        self.cashDay.setObjectName(u"cashDay")
        self.cashDay.setDisplayFormat(u"dd/MM/yyyy")
        self.cashDay.setCalendarPopup(True)

        self.cashForm.setWidget(0, QFormLayout.ItemRole.FieldRole, self.cashDay)

        self.officerLabel = QLabel(self.cashBox)
        self.officerLabel.setObjectName(u"officerLabel")

        self.cashForm.setWidget(1, QFormLayout.ItemRole.LabelRole, self.officerLabel)

        self.cashOfficer = QLineEdit(self.cashBox)
        self.cashOfficer.setObjectName(u"cashOfficer")
        self.cashOfficer.setMaxLength(100)

        self.cashForm.setWidget(1, QFormLayout.ItemRole.FieldRole, self.cashOfficer)

        self.cashButtons = QHBoxLayout()
        self.cashButtons.setObjectName(u"cashButtons")
        self.cashButton = QPushButton(self.cashBox)
        self.cashButton.setObjectName(u"cashButton")

        self.cashButtons.addWidget(self.cashButton)

        self.cashXlsxButton = QPushButton(self.cashBox)
        self.cashXlsxButton.setObjectName(u"cashXlsxButton")

        self.cashButtons.addWidget(self.cashXlsxButton)


        self.cashForm.setLayout(2, QFormLayout.ItemRole.FieldRole, self.cashButtons)


        self.documentRow.addWidget(self.cashBox)

        self.documentRow.setStretch(0, 1)
        self.documentRow.setStretch(1, 1)
        self.documentRow.setStretch(2, 1)

        self.printLayout.addLayout(self.documentRow)

        self.previewNote = QLabel(PrintForm)
        self.previewNote.setObjectName(u"previewNote")
        self.previewNote.setStyleSheet(u"color: #555555;")
        self.previewNote.setWordWrap(True)

        self.printLayout.addWidget(self.previewNote)

        self.bottomStretch = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.printLayout.addItem(self.bottomStretch)

        self.printLayout.setStretch(2, 1)
#if QT_CONFIG(shortcut)
        self.fromLabel.setBuddy(self.ledgerFrom)
        self.toLabel.setBuddy(self.ledgerTo)
        self.dayLabel.setBuddy(self.listDay)
        self.departmentLabel.setBuddy(self.listDepartment)
        self.cashDayLabel.setBuddy(self.cashDay)
        self.officerLabel.setBuddy(self.cashOfficer)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.ledgerFrom, self.ledgerTo)
        QWidget.setTabOrder(self.ledgerTo, self.ledgerButton)
        QWidget.setTabOrder(self.ledgerButton, self.listDay)
        QWidget.setTabOrder(self.listDay, self.listDepartment)
        QWidget.setTabOrder(self.listDepartment, self.listButton)
        QWidget.setTabOrder(self.listButton, self.cashDay)
        QWidget.setTabOrder(self.cashDay, self.cashOfficer)
        QWidget.setTabOrder(self.cashOfficer, self.cashButton)
        QWidget.setTabOrder(self.cashButton, self.cashXlsxButton)

        self.retranslateUi(PrintForm)
    # setupUi

    def retranslateUi(self, PrintForm):
        self.fromLabel.setText(QCoreApplication.translate("PrintForm", u"Fro&m:", None))
        self.toLabel.setText(QCoreApplication.translate("PrintForm", u"&To:", None))
        self.ledgerButton.setText(QCoreApplication.translate("PrintForm", u"Print the &ledger", None))
        self.dayLabel.setText(QCoreApplication.translate("PrintForm", u"&Day:", None))
        self.departmentLabel.setText(QCoreApplication.translate("PrintForm", u"De&partment:", None))
        self.listButton.setText(QCoreApplication.translate("PrintForm", u"Print the hand&off list", None))
        self.cashBox.setTitle(QCoreApplication.translate("PrintForm", u"Daily cash sheet (not a receipt)", None))
        self.cashDayLabel.setText(QCoreApplication.translate("PrintForm", u"D&ate:", None))
        self.officerLabel.setText(QCoreApplication.translate("PrintForm", u"Off&icer:", None))
        self.cashOfficer.setPlaceholderText(QCoreApplication.translate("PrintForm", u"every officer", None))
        self.cashButton.setText(QCoreApplication.translate("PrintForm", u"Print the &cash sheet", None))
        self.cashXlsxButton.setText(QCoreApplication.translate("PrintForm", u"Save as &Excel\u2026", None))
        self.previewNote.setText(QCoreApplication.translate("PrintForm", u"Each document opens in a preview first; print it from there (Ctrl+P). The printer and paper are remembered per document.", None))
        pass
    # retranslateUi

