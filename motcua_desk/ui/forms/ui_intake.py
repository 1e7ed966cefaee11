# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'intake.ui'
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
    QLineEdit, QListWidget, QListWidgetItem, QPushButton,
    QSizePolicy, QSpacerItem, QSpinBox, QTableWidget,
    QTableWidgetItem, QVBoxLayout, QWidget)

class Ui_IntakeForm(object):
    def setupUi(self, IntakeForm):
        if not IntakeForm.objectName():
            IntakeForm.setObjectName(u"IntakeForm")
        IntakeForm.resize(1100, 680)
        self.outerLayout = QVBoxLayout(IntakeForm)
        self.outerLayout.setObjectName(u"outerLayout")
        self.mainLayout = QHBoxLayout()
        self.mainLayout.setSpacing(12)
        self.mainLayout.setObjectName(u"mainLayout")
        self.leftColumn = QVBoxLayout()
        self.leftColumn.setSpacing(8)
        self.leftColumn.setObjectName(u"leftColumn")
        self.procedureGroup = QGroupBox(IntakeForm)
        self.procedureGroup.setObjectName(u"procedureGroup")
        self.procedureLayout = QVBoxLayout(self.procedureGroup)
        self.procedureLayout.setObjectName(u"procedureLayout")
        self.procedureLabel = QLabel(self.procedureGroup)
        self.procedureLabel.setObjectName(u"procedureLabel")

        self.procedureLayout.addWidget(self.procedureLabel)

        self.procedureSearch = QLineEdit(self.procedureGroup)
        self.procedureSearch.setObjectName(u"procedureSearch")
        self.procedureSearch.setClearButtonEnabled(True)

        self.procedureLayout.addWidget(self.procedureSearch)

        self.procedureList = QListWidget(self.procedureGroup)
        self.procedureList.setObjectName(u"procedureList")
        self.procedureList.setFocusPolicy(Qt.FocusPolicy.ClickFocus)
        self.procedureList.setMinimumSize(QSize(0, 96))
        self.procedureList.setMaximumSize(QSize(16777215, 140))
        self.procedureList.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.procedureList.setTextElideMode(Qt.TextElideMode.ElideRight)

        self.procedureLayout.addWidget(self.procedureList)

        self.procedureChosen = QLabel(self.procedureGroup)
        self.procedureChosen.setObjectName(u"procedureChosen")
        self.procedureChosen.setWordWrap(True)
        self.procedureChosen.setTextFormat(Qt.TextFormat.RichText)

        self.procedureLayout.addWidget(self.procedureChosen)


        self.leftColumn.addWidget(self.procedureGroup)

        self.applicantGroup = QGroupBox(IntakeForm)
        self.applicantGroup.setObjectName(u"applicantGroup")
        self.applicantLayout = QFormLayout(self.applicantGroup)
        self.applicantLayout.setObjectName(u"applicantLayout")
        self.applicantLayout.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.applicantLayout.setVerticalSpacing(2)
        self.nameLabel = QLabel(self.applicantGroup)
        self.nameLabel.setObjectName(u"nameLabel")

        self.applicantLayout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.nameLabel)

        self.nameEdit = QLineEdit(self.applicantGroup)
        self.nameEdit.setObjectName(u"nameEdit")
        self.nameEdit.setMaxLength(100)

        self.applicantLayout.setWidget(0, QFormLayout.ItemRole.FieldRole, self.nameEdit)

        self.nameError = QLabel(self.applicantGroup)
        self.nameError.setObjectName(u"nameError")
        self.nameError.setStyleSheet(u"color: #b00020;")
        self.nameError.setWordWrap(True)

        self.applicantLayout.setWidget(1, QFormLayout.ItemRole.FieldRole, self.nameError)

        self.idLabel = QLabel(self.applicantGroup)
        self.idLabel.setObjectName(u"idLabel")

        self.applicantLayout.setWidget(2, QFormLayout.ItemRole.LabelRole, self.idLabel)

        self.idEdit = QLineEdit(self.applicantGroup)
        self.idEdit.setObjectName(u"idEdit")
        self.idEdit.setMaxLength(20)

        self.applicantLayout.setWidget(2, QFormLayout.ItemRole.FieldRole, self.idEdit)

        self.idError = QLabel(self.applicantGroup)
        self.idError.setObjectName(u"idError")
        self.idError.setStyleSheet(u"color: #b00020;")
        self.idError.setWordWrap(True)

        self.applicantLayout.setWidget(3, QFormLayout.ItemRole.FieldRole, self.idError)

        self.phoneLabel = QLabel(self.applicantGroup)
        self.phoneLabel.setObjectName(u"phoneLabel")

        self.applicantLayout.setWidget(4, QFormLayout.ItemRole.LabelRole, self.phoneLabel)

        self.phoneEdit = QLineEdit(self.applicantGroup)
        self.phoneEdit.setObjectName(u"phoneEdit")
        self.phoneEdit.setMaxLength(20)

        self.applicantLayout.setWidget(4, QFormLayout.ItemRole.FieldRole, self.phoneEdit)

        self.phoneError = QLabel(self.applicantGroup)
        self.phoneError.setObjectName(u"phoneError")
        self.phoneError.setStyleSheet(u"color: #b00020;")
        self.phoneError.setWordWrap(True)

        self.applicantLayout.setWidget(5, QFormLayout.ItemRole.FieldRole, self.phoneError)

        self.addressLabel = QLabel(self.applicantGroup)
        self.addressLabel.setObjectName(u"addressLabel")

        self.applicantLayout.setWidget(6, QFormLayout.ItemRole.LabelRole, self.addressLabel)

        self.addressEdit = QLineEdit(self.applicantGroup)
        self.addressEdit.setObjectName(u"addressEdit")
        self.addressEdit.setMaxLength(300)

        self.applicantLayout.setWidget(6, QFormLayout.ItemRole.FieldRole, self.addressEdit)

        self.addressError = QLabel(self.applicantGroup)
        self.addressError.setObjectName(u"addressError")
        self.addressError.setStyleSheet(u"color: #b00020;")
        self.addressError.setWordWrap(True)

        self.applicantLayout.setWidget(7, QFormLayout.ItemRole.FieldRole, self.addressError)

        self.emailLabel = QLabel(self.applicantGroup)
        self.emailLabel.setObjectName(u"emailLabel")

        self.applicantLayout.setWidget(8, QFormLayout.ItemRole.LabelRole, self.emailLabel)

        self.emailEdit = QLineEdit(self.applicantGroup)
        self.emailEdit.setObjectName(u"emailEdit")
        self.emailEdit.setMaxLength(254)

        self.applicantLayout.setWidget(8, QFormLayout.ItemRole.FieldRole, self.emailEdit)

        self.emailError = QLabel(self.applicantGroup)
        self.emailError.setObjectName(u"emailError")
        self.emailError.setStyleSheet(u"color: #b00020;")
        self.emailError.setWordWrap(True)

        self.applicantLayout.setWidget(9, QFormLayout.ItemRole.FieldRole, self.emailError)


        self.leftColumn.addWidget(self.applicantGroup)

        self.dueGroup = QGroupBox(IntakeForm)
        self.dueGroup.setObjectName(u"dueGroup")
        self.dueLayout = QVBoxLayout(self.dueGroup)
        self.dueLayout.setObjectName(u"dueLayout")
        self.dueLabel = QLabel(self.dueGroup)
        self.dueLabel.setObjectName(u"dueLabel")
        self.dueLabel.setStyleSheet(u"font-size: 13pt; font-weight: bold; color: #0b4f8a;")
        self.dueLabel.setWordWrap(True)

        self.dueLayout.addWidget(self.dueLabel)

        self.dueExplanation = QLabel(self.dueGroup)
        self.dueExplanation.setObjectName(u"dueExplanation")
        self.dueExplanation.setWordWrap(True)

        self.dueLayout.addWidget(self.dueExplanation)


        self.leftColumn.addWidget(self.dueGroup)

        self.leftSpacer = QSpacerItem(20, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.leftColumn.addItem(self.leftSpacer)


        self.mainLayout.addLayout(self.leftColumn)

        self.rightColumn = QVBoxLayout()
        self.rightColumn.setSpacing(8)
        self.rightColumn.setObjectName(u"rightColumn")
        self.documentsGroup = QGroupBox(IntakeForm)
        self.documentsGroup.setObjectName(u"documentsGroup")
        self.documentsLayout = QVBoxLayout(self.documentsGroup)
        self.documentsLayout.setObjectName(u"documentsLayout")
        self.documentsTable = QTableWidget(self.documentsGroup)
        if (self.documentsTable.columnCount() < 3):
            self.documentsTable.setColumnCount(3)
        __qtablewidgetitem = QTableWidgetItem()
        self.documentsTable.setHorizontalHeaderItem(0, __qtablewidgetitem)
        __qtablewidgetitem1 = QTableWidgetItem()
        self.documentsTable.setHorizontalHeaderItem(1, __qtablewidgetitem1)
        __qtablewidgetitem2 = QTableWidgetItem()
        self.documentsTable.setHorizontalHeaderItem(2, __qtablewidgetitem2)
        self.documentsTable.setObjectName(u"documentsTable")
        self.documentsTable.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked|QAbstractItemView.EditTrigger.EditKeyPressed)
        self.documentsTable.setTabKeyNavigation(False)
        self.documentsTable.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.documentsTable.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.documentsTable.setWordWrap(True)
        self.documentsTable.horizontalHeader().setStretchLastSection(False)
        self.documentsTable.verticalHeader().setVisible(False)

        self.documentsLayout.addWidget(self.documentsTable)

        self.documentsHint = QLabel(self.documentsGroup)
        self.documentsHint.setObjectName(u"documentsHint")
        self.documentsHint.setWordWrap(True)
        self.documentsHint.setStyleSheet(u"color: #555555;")

        self.documentsLayout.addWidget(self.documentsHint)


        self.rightColumn.addWidget(self.documentsGroup)

        self.detailsGroup = QGroupBox(IntakeForm)
        self.detailsGroup.setObjectName(u"detailsGroup")
        self.detailsLayout = QFormLayout(self.detailsGroup)
        self.detailsLayout.setObjectName(u"detailsLayout")
        self.detailsLayout.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.setsLabel = QLabel(self.detailsGroup)
        self.setsLabel.setObjectName(u"setsLabel")

        self.detailsLayout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.setsLabel)

        self.setsSpin = QSpinBox(self.detailsGroup)
        self.setsSpin.setObjectName(u"setsSpin")
        self.setsSpin.setMinimum(1)
        self.setsSpin.setMaximum(99)

        self.detailsLayout.setWidget(0, QFormLayout.ItemRole.FieldRole, self.setsSpin)

        self.channelLabel = QLabel(self.detailsGroup)
        self.channelLabel.setObjectName(u"channelLabel")

        self.detailsLayout.setWidget(1, QFormLayout.ItemRole.LabelRole, self.channelLabel)

        self.channelCombo = QComboBox(self.detailsGroup)
        self.channelCombo.setObjectName(u"channelCombo")

        self.detailsLayout.setWidget(1, QFormLayout.ItemRole.FieldRole, self.channelCombo)

        self.deliveryLabel = QLabel(self.detailsGroup)
        self.deliveryLabel.setObjectName(u"deliveryLabel")

        self.detailsLayout.setWidget(2, QFormLayout.ItemRole.LabelRole, self.deliveryLabel)

        self.deliveryCombo = QComboBox(self.detailsGroup)
        self.deliveryCombo.setObjectName(u"deliveryCombo")

        self.detailsLayout.setWidget(2, QFormLayout.ItemRole.FieldRole, self.deliveryCombo)

        self.noteLabel = QLabel(self.detailsGroup)
        self.noteLabel.setObjectName(u"noteLabel")

        self.detailsLayout.setWidget(3, QFormLayout.ItemRole.LabelRole, self.noteLabel)

        self.noteEdit = QLineEdit(self.detailsGroup)
        self.noteEdit.setObjectName(u"noteEdit")
        self.noteEdit.setMaxLength(500)

        self.detailsLayout.setWidget(3, QFormLayout.ItemRole.FieldRole, self.noteEdit)


        self.rightColumn.addWidget(self.detailsGroup)


        self.mainLayout.addLayout(self.rightColumn)

        self.mainLayout.setStretch(0, 1)
        self.mainLayout.setStretch(1, 1)

        self.outerLayout.addLayout(self.mainLayout)

        self.buttonRow = QHBoxLayout()
        self.buttonRow.setObjectName(u"buttonRow")
        self.saveButton = QPushButton(IntakeForm)
        self.saveButton.setObjectName(u"saveButton")
        self.saveButton.setStyleSheet(u"font-weight: bold; padding: 6px 14px;")

        self.buttonRow.addWidget(self.saveButton)

        self.supplementButton = QPushButton(IntakeForm)
        self.supplementButton.setObjectName(u"supplementButton")

        self.buttonRow.addWidget(self.supplementButton)

        self.refuseButton = QPushButton(IntakeForm)
        self.refuseButton.setObjectName(u"refuseButton")

        self.buttonRow.addWidget(self.refuseButton)

        self.buttonSpacer = QSpacerItem(10, 10, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.buttonRow.addItem(self.buttonSpacer)

        self.clearButton = QPushButton(IntakeForm)
        self.clearButton.setObjectName(u"clearButton")

        self.buttonRow.addWidget(self.clearButton)


        self.outerLayout.addLayout(self.buttonRow)

#if QT_CONFIG(shortcut)
        self.procedureLabel.setBuddy(self.procedureSearch)
        self.nameLabel.setBuddy(self.nameEdit)
        self.idLabel.setBuddy(self.idEdit)
        self.phoneLabel.setBuddy(self.phoneEdit)
        self.addressLabel.setBuddy(self.addressEdit)
        self.emailLabel.setBuddy(self.emailEdit)
        self.setsLabel.setBuddy(self.setsSpin)
        self.channelLabel.setBuddy(self.channelCombo)
        self.deliveryLabel.setBuddy(self.deliveryCombo)
        self.noteLabel.setBuddy(self.noteEdit)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.procedureSearch, self.nameEdit)
        QWidget.setTabOrder(self.nameEdit, self.idEdit)
        QWidget.setTabOrder(self.idEdit, self.phoneEdit)
        QWidget.setTabOrder(self.phoneEdit, self.addressEdit)
        QWidget.setTabOrder(self.addressEdit, self.emailEdit)
        QWidget.setTabOrder(self.emailEdit, self.documentsTable)
        QWidget.setTabOrder(self.documentsTable, self.setsSpin)
        QWidget.setTabOrder(self.setsSpin, self.channelCombo)
        QWidget.setTabOrder(self.channelCombo, self.deliveryCombo)
        QWidget.setTabOrder(self.deliveryCombo, self.noteEdit)
        QWidget.setTabOrder(self.noteEdit, self.saveButton)
        QWidget.setTabOrder(self.saveButton, self.supplementButton)
        QWidget.setTabOrder(self.supplementButton, self.refuseButton)
        QWidget.setTabOrder(self.refuseButton, self.clearButton)
        QWidget.setTabOrder(self.clearButton, self.procedureList)

        self.retranslateUi(IntakeForm)
    # setupUi

    def retranslateUi(self, IntakeForm):
        IntakeForm.setWindowTitle(QCoreApplication.translate("IntakeForm", u"Intake", None))
        self.procedureGroup.setTitle(QCoreApplication.translate("IntakeForm", u"1. Procedure", None))
        self.procedureLabel.setText(QCoreApplication.translate("IntakeForm", u"P&rocedure (a few letters, accents optional):", None))
        self.procedureSearch.setPlaceholderText(QCoreApplication.translate("IntakeForm", u"khai sinh, chung thuc, 1.001193\u2026", None))
        self.procedureChosen.setText(QCoreApplication.translate("IntakeForm", u"No procedure chosen yet.", None))
        self.applicantGroup.setTitle(QCoreApplication.translate("IntakeForm", u"2. Applicant", None))
        self.nameLabel.setText(QCoreApplication.translate("IntakeForm", u"Full &name:", None))
        self.idLabel.setText(QCoreApplication.translate("IntakeForm", u"Citizen &ID (CCCD):", None))
        self.idEdit.setPlaceholderText(QCoreApplication.translate("IntakeForm", u"12 digits", None))
        self.phoneLabel.setText(QCoreApplication.translate("IntakeForm", u"&Phone:", None))
        self.addressLabel.setText(QCoreApplication.translate("IntakeForm", u"&Address:", None))
        self.emailLabel.setText(QCoreApplication.translate("IntakeForm", u"E-&mail:", None))
        self.dueGroup.setTitle(QCoreApplication.translate("IntakeForm", u"Return date", None))
        self.dueLabel.setText(QCoreApplication.translate("IntakeForm", u"Choose a procedure to see the return date.", None))
        self.documentsGroup.setTitle(QCoreApplication.translate("IntakeForm", u"3. Documents handed in", None))
        ___qtablewidgetitem = self.documentsTable.horizontalHeaderItem(0)
        ___qtablewidgetitem.setText(QCoreApplication.translate("IntakeForm", u"Document", None))
        ___qtablewidgetitem1 = self.documentsTable.horizontalHeaderItem(1)
        ___qtablewidgetitem1.setText(QCoreApplication.translate("IntakeForm", u"Form", None))
        ___qtablewidgetitem2 = self.documentsTable.horizontalHeaderItem(2)
        ___qtablewidgetitem2.setText(QCoreApplication.translate("IntakeForm", u"Count", None))
        self.documentsHint.setText(QCoreApplication.translate("IntakeForm", u"Space ticks or unticks the selected document; untick what is missing.", None))
        self.detailsGroup.setTitle(QCoreApplication.translate("IntakeForm", u"4. Details", None))
        self.setsLabel.setText(QCoreApplication.translate("IntakeForm", u"Number of se&ts:", None))
        self.channelLabel.setText(QCoreApplication.translate("IntakeForm", u"Su&bmitted:", None))
        self.deliveryLabel.setText(QCoreApplication.translate("IntakeForm", u"Result &collected:", None))
        self.noteLabel.setText(QCoreApplication.translate("IntakeForm", u"N&ote:", None))
        self.noteEdit.setPlaceholderText(QCoreApplication.translate("IntakeForm", u"Enter here saves the dossier", None))
        self.saveButton.setText(QCoreApplication.translate("IntakeForm", u"Save and print slip", None))
        self.supplementButton.setText(QCoreApplication.translate("IntakeForm", u"Ask to supplement\u2026", None))
        self.refuseButton.setText(QCoreApplication.translate("IntakeForm", u"Refuse\u2026", None))
        self.clearButton.setText(QCoreApplication.translate("IntakeForm", u"Clear", None))
    # retranslateUi

