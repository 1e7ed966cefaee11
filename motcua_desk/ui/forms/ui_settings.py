# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'settings.ui'
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
from PySide6.QtWidgets import (QAbstractItemView, QApplication, QCheckBox, QComboBox,
    QDateEdit, QFormLayout, QGridLayout, QGroupBox,
    QHBoxLayout, QHeaderView, QLabel, QLineEdit,
    QPlainTextEdit, QPushButton, QScrollArea, QSizePolicy,
    QSpacerItem, QSpinBox, QTableWidget, QTableWidgetItem,
    QVBoxLayout, QWidget)

class Ui_SettingsForm(object):
    def setupUi(self, settingsPage):
        if not settingsPage.objectName():
            settingsPage.setObjectName(u"settingsPage")
        settingsPage.resize(800, 1600)
        self.pageLayout = QVBoxLayout(settingsPage)
        self.pageLayout.setObjectName(u"pageLayout")
        self.pageLayout.setContentsMargins(0, 0, 0, 0)
        self.scroll = QScrollArea(settingsPage)
        self.scroll.setObjectName(u"scroll")
        self.scroll.setWidgetResizable(True)
        self.inner = QWidget()
        self.inner.setObjectName(u"inner")
        self.grid = QGridLayout(self.inner)
        self.grid.setObjectName(u"grid")
        self.officerBox = QGroupBox(self.inner)
        self.officerBox.setObjectName(u"officerBox")
        self.officerLayout = QFormLayout(self.officerBox)
        self.officerLayout.setObjectName(u"officerLayout")
        self.officerNameLabel = QLabel(self.officerBox)
        self.officerNameLabel.setObjectName(u"officerNameLabel")

        self.officerLayout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.officerNameLabel)

        self.officerEdit = QLineEdit(self.officerBox)
        self.officerEdit.setObjectName(u"officerEdit")

        self.officerLayout.setWidget(0, QFormLayout.ItemRole.FieldRole, self.officerEdit)

        self.officerPhoneLabel = QLabel(self.officerBox)
        self.officerPhoneLabel.setObjectName(u"officerPhoneLabel")

        self.officerLayout.setWidget(1, QFormLayout.ItemRole.LabelRole, self.officerPhoneLabel)

        self.officerPhoneEdit = QLineEdit(self.officerBox)
        self.officerPhoneEdit.setObjectName(u"officerPhoneEdit")

        self.officerLayout.setWidget(1, QFormLayout.ItemRole.FieldRole, self.officerPhoneEdit)

        self.officerSave = QPushButton(self.officerBox)
        self.officerSave.setObjectName(u"officerSave")

        self.officerLayout.setWidget(2, QFormLayout.ItemRole.FieldRole, self.officerSave)


        self.grid.addWidget(self.officerBox, 0, 0, 1, 1)

        self.officeBox = QGroupBox(self.inner)
        self.officeBox.setObjectName(u"officeBox")
        self.officeLayout = QFormLayout(self.officeBox)
        self.officeLayout.setObjectName(u"officeLayout")
        self.hoursLabel = QLabel(self.officeBox)
        self.hoursLabel.setObjectName(u"hoursLabel")

        self.officeLayout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.hoursLabel)

        self.hoursEdit = QLineEdit(self.officeBox)
        self.hoursEdit.setObjectName(u"hoursEdit")

        self.officeLayout.setWidget(0, QFormLayout.ItemRole.FieldRole, self.hoursEdit)

        self.cutoffLabel = QLabel(self.officeBox)
        self.cutoffLabel.setObjectName(u"cutoffLabel")

        self.officeLayout.setWidget(1, QFormLayout.ItemRole.LabelRole, self.cutoffLabel)

        self.cutoffEdit = QLineEdit(self.officeBox)
        self.cutoffEdit.setObjectName(u"cutoffEdit")

        self.officeLayout.setWidget(1, QFormLayout.ItemRole.FieldRole, self.cutoffEdit)

        self.transferLabel = QLabel(self.officeBox)
        self.transferLabel.setObjectName(u"transferLabel")

        self.officeLayout.setWidget(2, QFormLayout.ItemRole.LabelRole, self.transferLabel)

        self.transferEdit = QLineEdit(self.officeBox)
        self.transferEdit.setObjectName(u"transferEdit")

        self.officeLayout.setWidget(2, QFormLayout.ItemRole.FieldRole, self.transferEdit)

        self.qrCheck = QCheckBox(self.officeBox)
        self.qrCheck.setObjectName(u"qrCheck")

        self.officeLayout.setWidget(3, QFormLayout.ItemRole.FieldRole, self.qrCheck)

        self.officeSave = QPushButton(self.officeBox)
        self.officeSave.setObjectName(u"officeSave")

        self.officeLayout.setWidget(4, QFormLayout.ItemRole.FieldRole, self.officeSave)


        self.grid.addWidget(self.officeBox, 0, 1, 1, 1)

        self.calendarBox = QGroupBox(self.inner)
        self.calendarBox.setObjectName(u"calendarBox")
        self.calendarLayout = QVBoxLayout(self.calendarBox)
        self.calendarLayout.setObjectName(u"calendarLayout")
        self.yearRow = QHBoxLayout()
        self.yearRow.setObjectName(u"yearRow")
        self.yearLabel = QLabel(self.calendarBox)
        self.yearLabel.setObjectName(u"yearLabel")

        self.yearRow.addWidget(self.yearLabel)

        self.yearSpin = QSpinBox(self.calendarBox)
        self.yearSpin.setObjectName(u"yearSpin")
        self.yearSpin.setMinimum(2020)
        self.yearSpin.setMaximum(2100)

        self.yearRow.addWidget(self.yearSpin)

        self.yearStretch = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.yearRow.addItem(self.yearStretch)

        self.yearRow.setStretch(2, 1)

        self.calendarLayout.addLayout(self.yearRow)

        self.calendarWarning = QLabel(self.calendarBox)
        self.calendarWarning.setObjectName(u"calendarWarning")
        self.calendarWarning.setStyleSheet(u"color: #a15c00;")
        self.calendarWarning.setWordWrap(True)

        self.calendarLayout.addWidget(self.calendarWarning)

        self.specialDays = QTableWidget(self.calendarBox)
        if (self.specialDays.columnCount() < 3):
            self.specialDays.setColumnCount(3)
        __qtablewidgetitem = QTableWidgetItem()
        self.specialDays.setHorizontalHeaderItem(0, __qtablewidgetitem)
        __qtablewidgetitem1 = QTableWidgetItem()
        self.specialDays.setHorizontalHeaderItem(1, __qtablewidgetitem1)
        __qtablewidgetitem2 = QTableWidgetItem()
        self.specialDays.setHorizontalHeaderItem(2, __qtablewidgetitem2)
        self.specialDays.setObjectName(u"specialDays")
        self.specialDays.setMinimumSize(QSize(0, 150))
        self.specialDays.setTabKeyNavigation(False)
        self.specialDays.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.specialDays.setSelectionMode(QAbstractItemView.SingleSelection)
        self.specialDays.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.specialDays.setColumnCount(3)
        self.specialDays.horizontalHeader().setStretchLastSection(True)
        self.specialDays.verticalHeader().setVisible(False)

        self.calendarLayout.addWidget(self.specialDays)

        self.overrideRow = QHBoxLayout()
        self.overrideRow.setObjectName(u"overrideRow")
        self.overrideDay = QDateEdit(self.calendarBox)
        self.overrideDay.setObjectName(u"overrideDay")
        self.overrideDay.setDisplayFormat(u"dd/MM/yyyy")
        self.overrideDay.setCalendarPopup(True)

        self.overrideRow.addWidget(self.overrideDay)

        self.overrideKind = QComboBox(self.calendarBox)
        self.overrideKind.setObjectName(u"overrideKind")

        self.overrideRow.addWidget(self.overrideKind)

        self.overrideReason = QLineEdit(self.calendarBox)
        self.overrideReason.setObjectName(u"overrideReason")

        self.overrideRow.addWidget(self.overrideReason)

        self.overrideRef = QLineEdit(self.calendarBox)
        self.overrideRef.setObjectName(u"overrideRef")

        self.overrideRow.addWidget(self.overrideRef)

        self.overrideAdd = QPushButton(self.calendarBox)
        self.overrideAdd.setObjectName(u"overrideAdd")

        self.overrideRow.addWidget(self.overrideAdd)

        self.overrideRow.setStretch(2, 1)
        self.overrideRow.setStretch(3, 1)

        self.calendarLayout.addLayout(self.overrideRow)

        self.overrideRemove = QPushButton(self.calendarBox)
        self.overrideRemove.setObjectName(u"overrideRemove")

        self.calendarLayout.addWidget(self.overrideRemove)

        self.calendarLayout.setStretch(2, 1)

        self.grid.addWidget(self.calendarBox, 1, 0, 1, 2)

        self.printersBox = QGroupBox(self.inner)
        self.printersBox.setObjectName(u"printersBox")
        self.printersLayout = QVBoxLayout(self.printersBox)
        self.printersLayout.setObjectName(u"printersLayout")
        self.printersTable = QTableWidget(self.printersBox)
        if (self.printersTable.columnCount() < 2):
            self.printersTable.setColumnCount(2)
        __qtablewidgetitem3 = QTableWidgetItem()
        self.printersTable.setHorizontalHeaderItem(0, __qtablewidgetitem3)
        __qtablewidgetitem4 = QTableWidgetItem()
        self.printersTable.setHorizontalHeaderItem(1, __qtablewidgetitem4)
        self.printersTable.setObjectName(u"printersTable")
        self.printersTable.setMinimumSize(QSize(0, 150))
        self.printersTable.setTabKeyNavigation(False)
        self.printersTable.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.printersTable.setSelectionMode(QAbstractItemView.SingleSelection)
        self.printersTable.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.printersTable.setColumnCount(2)
        self.printersTable.horizontalHeader().setStretchLastSection(True)
        self.printersTable.verticalHeader().setVisible(False)

        self.printersLayout.addWidget(self.printersTable)

        self.printerButtons = QHBoxLayout()
        self.printerButtons.setObjectName(u"printerButtons")
        self.printerChoose = QPushButton(self.printersBox)
        self.printerChoose.setObjectName(u"printerChoose")

        self.printerButtons.addWidget(self.printerChoose)

        self.printerForget = QPushButton(self.printersBox)
        self.printerForget.setObjectName(u"printerForget")

        self.printerButtons.addWidget(self.printerForget)

        self.printerStretch = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.printerButtons.addItem(self.printerStretch)

        self.printerButtons.setStretch(2, 1)

        self.printersLayout.addLayout(self.printerButtons)


        self.grid.addWidget(self.printersBox, 2, 0, 1, 1)

        self.otherBox = QGroupBox(self.inner)
        self.otherBox.setObjectName(u"otherBox")
        self.otherLayout = QFormLayout(self.otherBox)
        self.otherLayout.setObjectName(u"otherLayout")
        self.languageLabel = QLabel(self.otherBox)
        self.languageLabel.setObjectName(u"languageLabel")

        self.otherLayout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.languageLabel)

        self.languageCombo = QComboBox(self.otherBox)
        self.languageCombo.setObjectName(u"languageCombo")

        self.otherLayout.setWidget(0, QFormLayout.ItemRole.FieldRole, self.languageCombo)

        self.languageNote = QLabel(self.otherBox)
        self.languageNote.setObjectName(u"languageNote")

        self.otherLayout.setWidget(1, QFormLayout.ItemRole.FieldRole, self.languageNote)

        self.filesLabel = QLabel(self.otherBox)
        self.filesLabel.setObjectName(u"filesLabel")
        self.filesLabel.setWordWrap(True)
        self.filesLabel.setTextInteractionFlags(Qt.TextSelectableByMouse)

        self.otherLayout.setWidget(2, QFormLayout.ItemRole.SpanningRole, self.filesLabel)

        self.restoreButton = QPushButton(self.otherBox)
        self.restoreButton.setObjectName(u"restoreButton")

        self.otherLayout.setWidget(3, QFormLayout.ItemRole.SpanningRole, self.restoreButton)


        self.grid.addWidget(self.otherBox, 2, 1, 1, 1)

        self.scannerBox = QGroupBox(self.inner)
        self.scannerBox.setObjectName(u"scannerBox")
        self.scannerLayout = QFormLayout(self.scannerBox)
        self.scannerLayout.setObjectName(u"scannerLayout")
        self.scannerModeLabel = QLabel(self.scannerBox)
        self.scannerModeLabel.setObjectName(u"scannerModeLabel")

        self.scannerLayout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.scannerModeLabel)

        self.scannerModeCombo = QComboBox(self.scannerBox)
        self.scannerModeCombo.setObjectName(u"scannerModeCombo")

        self.scannerLayout.setWidget(0, QFormLayout.ItemRole.FieldRole, self.scannerModeCombo)

        self.scannerPortLabel = QLabel(self.scannerBox)
        self.scannerPortLabel.setObjectName(u"scannerPortLabel")

        self.scannerLayout.setWidget(1, QFormLayout.ItemRole.LabelRole, self.scannerPortLabel)

        self.portRow = QHBoxLayout()
        self.portRow.setObjectName(u"portRow")
        self.scannerPortCombo = QComboBox(self.scannerBox)
        self.scannerPortCombo.setObjectName(u"scannerPortCombo")
        self.scannerPortCombo.setEditable(True)

        self.portRow.addWidget(self.scannerPortCombo)

        self.scannerPortsRefresh = QPushButton(self.scannerBox)
        self.scannerPortsRefresh.setObjectName(u"scannerPortsRefresh")

        self.portRow.addWidget(self.scannerPortsRefresh)

        self.portRow.setStretch(0, 1)

        self.scannerLayout.setLayout(1, QFormLayout.ItemRole.FieldRole, self.portRow)

        self.scannerBaudLabel = QLabel(self.scannerBox)
        self.scannerBaudLabel.setObjectName(u"scannerBaudLabel")

        self.scannerLayout.setWidget(2, QFormLayout.ItemRole.LabelRole, self.scannerBaudLabel)

        self.scannerBaudCombo = QComboBox(self.scannerBox)
        self.scannerBaudCombo.setObjectName(u"scannerBaudCombo")

        self.scannerLayout.setWidget(2, QFormLayout.ItemRole.FieldRole, self.scannerBaudCombo)

        self.scannerNote = QLabel(self.scannerBox)
        self.scannerNote.setObjectName(u"scannerNote")
        self.scannerNote.setWordWrap(True)

        self.scannerLayout.setWidget(3, QFormLayout.ItemRole.FieldRole, self.scannerNote)

        self.scannerSave = QPushButton(self.scannerBox)
        self.scannerSave.setObjectName(u"scannerSave")

        self.scannerLayout.setWidget(4, QFormLayout.ItemRole.FieldRole, self.scannerSave)


        self.grid.addWidget(self.scannerBox, 3, 0, 1, 2)

        self.hotFolderBox = QGroupBox(self.inner)
        self.hotFolderBox.setObjectName(u"hotFolderBox")
        self.hotFolderLayout = QFormLayout(self.hotFolderBox)
        self.hotFolderLayout.setObjectName(u"hotFolderLayout")
        self.hotFolderLabel = QLabel(self.hotFolderBox)
        self.hotFolderLabel.setObjectName(u"hotFolderLabel")

        self.hotFolderLayout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.hotFolderLabel)

        self.hotFolderRow = QHBoxLayout()
        self.hotFolderRow.setObjectName(u"hotFolderRow")
        self.hotFolderEdit = QLineEdit(self.hotFolderBox)
        self.hotFolderEdit.setObjectName(u"hotFolderEdit")

        self.hotFolderRow.addWidget(self.hotFolderEdit)

        self.hotFolderPick = QPushButton(self.hotFolderBox)
        self.hotFolderPick.setObjectName(u"hotFolderPick")

        self.hotFolderRow.addWidget(self.hotFolderPick)

        self.hotFolderRow.setStretch(0, 1)

        self.hotFolderLayout.setLayout(0, QFormLayout.ItemRole.FieldRole, self.hotFolderRow)

        self.hotFolderNote = QLabel(self.hotFolderBox)
        self.hotFolderNote.setObjectName(u"hotFolderNote")
        self.hotFolderNote.setWordWrap(True)

        self.hotFolderLayout.setWidget(1, QFormLayout.ItemRole.FieldRole, self.hotFolderNote)

        self.hotFolderSave = QPushButton(self.hotFolderBox)
        self.hotFolderSave.setObjectName(u"hotFolderSave")

        self.hotFolderLayout.setWidget(2, QFormLayout.ItemRole.FieldRole, self.hotFolderSave)


        self.grid.addWidget(self.hotFolderBox, 4, 0, 1, 2)

        self.syncBox = QGroupBox(self.inner)
        self.syncBox.setObjectName(u"syncBox")
        self.syncLayout = QFormLayout(self.syncBox)
        self.syncLayout.setObjectName(u"syncLayout")
        self.hubUrlLabel = QLabel(self.syncBox)
        self.hubUrlLabel.setObjectName(u"hubUrlLabel")

        self.syncLayout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.hubUrlLabel)

        self.hubUrlEdit = QLineEdit(self.syncBox)
        self.hubUrlEdit.setObjectName(u"hubUrlEdit")
        self.hubUrlEdit.setPlaceholderText(u"http://192.168.1.10:8765")

        self.syncLayout.setWidget(0, QFormLayout.ItemRole.FieldRole, self.hubUrlEdit)

        self.hubTokenLabel = QLabel(self.syncBox)
        self.hubTokenLabel.setObjectName(u"hubTokenLabel")

        self.syncLayout.setWidget(1, QFormLayout.ItemRole.LabelRole, self.hubTokenLabel)

        self.hubTokenEdit = QLineEdit(self.syncBox)
        self.hubTokenEdit.setObjectName(u"hubTokenEdit")
        self.hubTokenEdit.setEchoMode(QLineEdit.Password)

        self.syncLayout.setWidget(1, QFormLayout.ItemRole.FieldRole, self.hubTokenEdit)

        self.hubCaLabel = QLabel(self.syncBox)
        self.hubCaLabel.setObjectName(u"hubCaLabel")

        self.syncLayout.setWidget(2, QFormLayout.ItemRole.LabelRole, self.hubCaLabel)

        self.caRow = QHBoxLayout()
        self.caRow.setObjectName(u"caRow")
        self.hubCaEdit = QLineEdit(self.syncBox)
        self.hubCaEdit.setObjectName(u"hubCaEdit")

        self.caRow.addWidget(self.hubCaEdit)

        self.hubCaPick = QPushButton(self.syncBox)
        self.hubCaPick.setObjectName(u"hubCaPick")

        self.caRow.addWidget(self.hubCaPick)

        self.caRow.setStretch(0, 1)

        self.syncLayout.setLayout(2, QFormLayout.ItemRole.FieldRole, self.caRow)

        self.syncButtons = QHBoxLayout()
        self.syncButtons.setObjectName(u"syncButtons")
        self.hubCheck = QPushButton(self.syncBox)
        self.hubCheck.setObjectName(u"hubCheck")

        self.syncButtons.addWidget(self.hubCheck)

        self.hubSave = QPushButton(self.syncBox)
        self.hubSave.setObjectName(u"hubSave")

        self.syncButtons.addWidget(self.hubSave)

        self.syncToggle = QPushButton(self.syncBox)
        self.syncToggle.setObjectName(u"syncToggle")

        self.syncButtons.addWidget(self.syncToggle)

        self.syncStretch = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.syncButtons.addItem(self.syncStretch)

        self.syncButtons.setStretch(3, 1)

        self.syncLayout.setLayout(3, QFormLayout.ItemRole.FieldRole, self.syncButtons)

        self.syncNote = QLabel(self.syncBox)
        self.syncNote.setObjectName(u"syncNote")
        self.syncNote.setWordWrap(True)

        self.syncLayout.setWidget(4, QFormLayout.ItemRole.FieldRole, self.syncNote)

        self.syncResult = QLabel(self.syncBox)
        self.syncResult.setObjectName(u"syncResult")
        self.syncResult.setWordWrap(True)

        self.syncLayout.setWidget(5, QFormLayout.ItemRole.FieldRole, self.syncResult)


        self.grid.addWidget(self.syncBox, 5, 0, 1, 2)

        self.groupsBox = QGroupBox(self.inner)
        self.groupsBox.setObjectName(u"groupsBox")
        self.groupsLayout = QFormLayout(self.groupsBox)
        self.groupsLayout.setObjectName(u"groupsLayout")
        self.groupsLabel = QLabel(self.groupsBox)
        self.groupsLabel.setObjectName(u"groupsLabel")

        self.groupsLayout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.groupsLabel)

        self.groupsEdit = QPlainTextEdit(self.groupsBox)
        self.groupsEdit.setObjectName(u"groupsEdit")
        self.groupsEdit.setMinimumSize(QSize(0, 84))
        self.groupsEdit.setMaximumSize(QSize(16777215, 84))
        self.groupsEdit.setTabChangesFocus(True)

        self.groupsLayout.setWidget(0, QFormLayout.ItemRole.FieldRole, self.groupsEdit)

        self.servesLabel = QLabel(self.groupsBox)
        self.servesLabel.setObjectName(u"servesLabel")

        self.groupsLayout.setWidget(1, QFormLayout.ItemRole.LabelRole, self.servesLabel)

        self.servesCombo = QComboBox(self.groupsBox)
        self.servesCombo.setObjectName(u"servesCombo")

        self.groupsLayout.setWidget(1, QFormLayout.ItemRole.FieldRole, self.servesCombo)

        self.groupsSave = QPushButton(self.groupsBox)
        self.groupsSave.setObjectName(u"groupsSave")

        self.groupsLayout.setWidget(2, QFormLayout.ItemRole.FieldRole, self.groupsSave)

        self.fieldsNote = QLabel(self.groupsBox)
        self.fieldsNote.setObjectName(u"fieldsNote")
        self.fieldsNote.setWordWrap(True)

        self.groupsLayout.setWidget(3, QFormLayout.ItemRole.FieldRole, self.fieldsNote)


        self.grid.addWidget(self.groupsBox, 6, 0, 1, 2)

        self.statusLabel = QLabel(self.inner)
        self.statusLabel.setObjectName(u"statusLabel")
        self.statusLabel.setWordWrap(True)

        self.grid.addWidget(self.statusLabel, 7, 0, 1, 2)

        self.scroll.setWidget(self.inner)

        self.pageLayout.addWidget(self.scroll)

#if QT_CONFIG(shortcut)
        self.officerNameLabel.setBuddy(self.officerEdit)
        self.officerPhoneLabel.setBuddy(self.officerPhoneEdit)
        self.hoursLabel.setBuddy(self.hoursEdit)
        self.cutoffLabel.setBuddy(self.cutoffEdit)
        self.transferLabel.setBuddy(self.transferEdit)
        self.yearLabel.setBuddy(self.yearSpin)
        self.languageLabel.setBuddy(self.languageCombo)
        self.scannerModeLabel.setBuddy(self.scannerModeCombo)
        self.scannerPortLabel.setBuddy(self.scannerPortCombo)
        self.scannerBaudLabel.setBuddy(self.scannerBaudCombo)
        self.hotFolderLabel.setBuddy(self.hotFolderEdit)
        self.hubUrlLabel.setBuddy(self.hubUrlEdit)
        self.hubTokenLabel.setBuddy(self.hubTokenEdit)
        self.hubCaLabel.setBuddy(self.hubCaEdit)
        self.groupsLabel.setBuddy(self.groupsEdit)
        self.servesLabel.setBuddy(self.servesCombo)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.officerEdit, self.officerPhoneEdit)
        QWidget.setTabOrder(self.officerPhoneEdit, self.officerSave)
        QWidget.setTabOrder(self.officerSave, self.hoursEdit)
        QWidget.setTabOrder(self.hoursEdit, self.cutoffEdit)
        QWidget.setTabOrder(self.cutoffEdit, self.transferEdit)
        QWidget.setTabOrder(self.transferEdit, self.qrCheck)
        QWidget.setTabOrder(self.qrCheck, self.officeSave)
        QWidget.setTabOrder(self.officeSave, self.yearSpin)
        QWidget.setTabOrder(self.yearSpin, self.specialDays)
        QWidget.setTabOrder(self.specialDays, self.overrideDay)
        QWidget.setTabOrder(self.overrideDay, self.overrideKind)
        QWidget.setTabOrder(self.overrideKind, self.overrideReason)
        QWidget.setTabOrder(self.overrideReason, self.overrideRef)
        QWidget.setTabOrder(self.overrideRef, self.overrideAdd)
        QWidget.setTabOrder(self.overrideAdd, self.overrideRemove)
        QWidget.setTabOrder(self.overrideRemove, self.printersTable)
        QWidget.setTabOrder(self.printersTable, self.printerChoose)
        QWidget.setTabOrder(self.printerChoose, self.printerForget)
        QWidget.setTabOrder(self.printerForget, self.languageCombo)
        QWidget.setTabOrder(self.languageCombo, self.restoreButton)
        QWidget.setTabOrder(self.restoreButton, self.scannerModeCombo)
        QWidget.setTabOrder(self.scannerModeCombo, self.scannerPortCombo)
        QWidget.setTabOrder(self.scannerPortCombo, self.scannerPortsRefresh)
        QWidget.setTabOrder(self.scannerPortsRefresh, self.scannerBaudCombo)
        QWidget.setTabOrder(self.scannerBaudCombo, self.scannerSave)
        QWidget.setTabOrder(self.scannerSave, self.hotFolderEdit)
        QWidget.setTabOrder(self.hotFolderEdit, self.hotFolderPick)
        QWidget.setTabOrder(self.hotFolderPick, self.hotFolderSave)
        QWidget.setTabOrder(self.hotFolderSave, self.hubUrlEdit)
        QWidget.setTabOrder(self.hubUrlEdit, self.hubTokenEdit)
        QWidget.setTabOrder(self.hubTokenEdit, self.hubCaEdit)
        QWidget.setTabOrder(self.hubCaEdit, self.hubCaPick)
        QWidget.setTabOrder(self.hubCaPick, self.hubCheck)
        QWidget.setTabOrder(self.hubCheck, self.hubSave)
        QWidget.setTabOrder(self.hubSave, self.syncToggle)
        QWidget.setTabOrder(self.syncToggle, self.groupsEdit)
        QWidget.setTabOrder(self.groupsEdit, self.servesCombo)
        QWidget.setTabOrder(self.servesCombo, self.groupsSave)
        QWidget.setTabOrder(self.groupsSave, self.scroll)

        self.retranslateUi(settingsPage)
    # setupUi

    def retranslateUi(self, settingsPage):
        self.officerBox.setTitle(QCoreApplication.translate("SettingsForm", u"Officer on duty", None))
        self.officerNameLabel.setText(QCoreApplication.translate("SettingsForm", u"&Name:", None))
        self.officerPhoneLabel.setText(QCoreApplication.translate("SettingsForm", u"&Work phone:", None))
        self.officerSave.setText(QCoreApplication.translate("SettingsForm", u"Save the &officer", None))
        self.officeBox.setTitle(QCoreApplication.translate("SettingsForm", u"Office hours and cut-off", None))
        self.hoursLabel.setText(QCoreApplication.translate("SettingsForm", u"Office hou&rs:", None))
        self.cutoffLabel.setText(QCoreApplication.translate("SettingsForm", u"&Cut-off (next working day after):", None))
        self.transferLabel.setText(QCoreApplication.translate("SettingsForm", u"&Transfer by (next morning):", None))
        self.qrCheck.setText(QCoreApplication.translate("SettingsForm", u"Print a QR code on the slip", None))
        self.officeSave.setText(QCoreApplication.translate("SettingsForm", u"Sa&ve the office hours", None))
        self.calendarBox.setTitle(QCoreApplication.translate("SettingsForm", u"Working-day calendar", None))
        self.yearLabel.setText(QCoreApplication.translate("SettingsForm", u"&Year:", None))
        ___qtablewidgetitem = self.specialDays.horizontalHeaderItem(0)
        ___qtablewidgetitem.setText(QCoreApplication.translate("SettingsForm", u"Day", None))
        ___qtablewidgetitem1 = self.specialDays.horizontalHeaderItem(1)
        ___qtablewidgetitem1.setText(QCoreApplication.translate("SettingsForm", u"Kind", None))
        ___qtablewidgetitem2 = self.specialDays.horizontalHeaderItem(2)
        ___qtablewidgetitem2.setText(QCoreApplication.translate("SettingsForm", u"Name", None))
        self.overrideReason.setPlaceholderText(QCoreApplication.translate("SettingsForm", u"Reason", None))
        self.overrideRef.setPlaceholderText(QCoreApplication.translate("SettingsForm", u"Legal reference (optional)", None))
        self.overrideAdd.setText(QCoreApplication.translate("SettingsForm", u"Add", None))
        self.overrideRemove.setText(QCoreApplication.translate("SettingsForm", u"Remove the selected local change", None))
        self.printersBox.setTitle(QCoreApplication.translate("SettingsForm", u"Printers", None))
        ___qtablewidgetitem3 = self.printersTable.horizontalHeaderItem(0)
        ___qtablewidgetitem3.setText(QCoreApplication.translate("SettingsForm", u"Document", None))
        ___qtablewidgetitem4 = self.printersTable.horizontalHeaderItem(1)
        ___qtablewidgetitem4.setText(QCoreApplication.translate("SettingsForm", u"Printer", None))
        self.printerChoose.setText(QCoreApplication.translate("SettingsForm", u"Choose the printer\u2026", None))
        self.printerForget.setText(QCoreApplication.translate("SettingsForm", u"Use the default printer", None))
        self.otherBox.setTitle(QCoreApplication.translate("SettingsForm", u"Language and files", None))
        self.languageLabel.setText(QCoreApplication.translate("SettingsForm", u"&Language:", None))
        self.languageNote.setText(QCoreApplication.translate("SettingsForm", u"The language changes at the next start.", None))
        self.restoreButton.setText(QCoreApplication.translate("SettingsForm", u"Restore from a &backup\u2026", None))
        self.scannerBox.setTitle(QCoreApplication.translate("SettingsForm", u"Barcode scanner", None))
        self.scannerModeLabel.setText(QCoreApplication.translate("SettingsForm", u"&Mode:", None))
        self.scannerPortLabel.setText(QCoreApplication.translate("SettingsForm", u"&Port:", None))
        self.scannerPortsRefresh.setText(QCoreApplication.translate("SettingsForm", u"Find the ports", None))
        self.scannerBaudLabel.setText(QCoreApplication.translate("SettingsForm", u"&Speed (baud):", None))
        self.scannerNote.setText(QCoreApplication.translate("SettingsForm", u"A scanner in serial mode reads Vietnamese letters reliably (the citizen ID card's QR). Set the scanner itself to USB-COM (USB CDC) with its set-up barcodes, and to end each code with CR or LF.", None))
        self.scannerSave.setText(QCoreApplication.translate("SettingsForm", u"Save the sc&anner", None))
        self.hotFolderBox.setTitle(QCoreApplication.translate("SettingsForm", u"Document scanner", None))
        self.hotFolderLabel.setText(QCoreApplication.translate("SettingsForm", u"Scan folder:", None))
        self.hotFolderPick.setText(QCoreApplication.translate("SettingsForm", u"Choose\u2026", None))
        self.hotFolderNote.setText(QCoreApplication.translate("SettingsForm", u"The folder the office scanner saves its files into. Each new scan is offered to the dossier on screen; once attached it is moved into the subfolder da-gan.", None))
        self.hotFolderSave.setText(QCoreApplication.translate("SettingsForm", u"Save the scan folder", None))
        self.syncBox.setTitle(QCoreApplication.translate("SettingsForm", u"Sync with the office server", None))
        self.hubUrlLabel.setText(QCoreApplication.translate("SettingsForm", u"Server a&ddress:", None))
        self.hubTokenLabel.setText(QCoreApplication.translate("SettingsForm", u"Access to&ken:", None))
        self.hubCaLabel.setText(QCoreApplication.translate("SettingsForm", u"Server c&ertificate (CA):", None))
        self.hubCaEdit.setPlaceholderText(QCoreApplication.translate("SettingsForm", u"only for https:// with the office's own certificate (cert.pem)", None))
        self.hubCaPick.setText(QCoreApplication.translate("SettingsForm", u"Choose\u2026", None))
        self.hubCheck.setText(QCoreApplication.translate("SettingsForm", u"Test the connect&ion", None))
        self.hubSave.setText(QCoreApplication.translate("SettingsForm", u"Save without testing", None))
        self.syncNote.setText(QCoreApplication.translate("SettingsForm", u"The office server gives each desk its own access token. Testing sends and receives once; the address and token are saved only when the server accepts them.", None))
        self.groupsBox.setTitle(QCoreApplication.translate("SettingsForm", u"Field groups", None))
        self.groupsLabel.setText(QCoreApplication.translate("SettingsForm", u"Groups, one a line (\"Name: field, field\"):", None))
        self.groupsEdit.setPlaceholderText(QCoreApplication.translate("SettingsForm", u"Group 1: H\u1ed9 t\u1ecbch, Ch\u1ee9ng th\u1ef1c\n"
"Group 2: \u0110\u1ea5t \u0111ai, X\u00e2y d\u1ef1ng", None))
        self.servesLabel.setText(QCoreApplication.translate("SettingsForm", u"This desk serves:", None))
        self.groupsSave.setText(QCoreApplication.translate("SettingsForm", u"Save the field groups (&X)", None))
        pass
    # retranslateUi

