# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'handoff.ui'
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
from PySide6.QtWidgets import (QAbstractItemView, QApplication, QButtonGroup, QComboBox,
    QFormLayout, QHBoxLayout, QHeaderView, QLabel,
    QLineEdit, QPushButton, QRadioButton, QSizePolicy,
    QSpacerItem, QTableWidget, QTableWidgetItem, QVBoxLayout,
    QWidget)

class Ui_HandoffForm(object):
    def setupUi(self, HandoffForm):
        if not HandoffForm.objectName():
            HandoffForm.setObjectName(u"HandoffForm")
        HandoffForm.resize(1080, 640)
        self.handoffLayout = QVBoxLayout(HandoffForm)
        self.handoffLayout.setObjectName(u"handoffLayout")
        self.batchForm = QFormLayout()
        self.batchForm.setObjectName(u"batchForm")
        self.directionRow = QHBoxLayout()
        self.directionRow.setObjectName(u"directionRow")
        self.outRadio = QRadioButton(HandoffForm)
        self.direction = QButtonGroup(HandoffForm)
        self.direction.setObjectName(u"direction")
        self.direction.addButton(self.outRadio)
        self.outRadio.setObjectName(u"outRadio")
        self.outRadio.setChecked(True)

        self.directionRow.addWidget(self.outRadio)

        self.backRadio = QRadioButton(HandoffForm)
        self.direction.addButton(self.backRadio)
        self.backRadio.setObjectName(u"backRadio")

        self.directionRow.addWidget(self.backRadio)

        self.directionStretch = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.directionRow.addItem(self.directionStretch)

        self.directionRow.setStretch(2, 1)

        self.batchForm.setLayout(0, QFormLayout.ItemRole.FieldRole, self.directionRow)

        self.departmentLabel = QLabel(HandoffForm)
        self.departmentLabel.setObjectName(u"departmentLabel")

        self.batchForm.setWidget(1, QFormLayout.ItemRole.LabelRole, self.departmentLabel)

        self.departmentCombo = QComboBox(HandoffForm)
        self.departmentCombo.setObjectName(u"departmentCombo")

        self.batchForm.setWidget(1, QFormLayout.ItemRole.FieldRole, self.departmentCombo)

        self.personLabel = QLabel(HandoffForm)
        self.personLabel.setObjectName(u"personLabel")

        self.batchForm.setWidget(2, QFormLayout.ItemRole.LabelRole, self.personLabel)

        self.personEdit = QLineEdit(HandoffForm)
        self.personEdit.setObjectName(u"personEdit")

        self.batchForm.setWidget(2, QFormLayout.ItemRole.FieldRole, self.personEdit)

        self.codeLabel = QLabel(HandoffForm)
        self.codeLabel.setObjectName(u"codeLabel")

        self.batchForm.setWidget(3, QFormLayout.ItemRole.LabelRole, self.codeLabel)

        self.codeRow = QHBoxLayout()
        self.codeRow.setObjectName(u"codeRow")
        self.codeEdit = QLineEdit(HandoffForm)
        self.codeEdit.setObjectName(u"codeEdit")

        self.codeRow.addWidget(self.codeEdit)

        self.addButton = QPushButton(HandoffForm)
        self.addButton.setObjectName(u"addButton")

        self.codeRow.addWidget(self.addButton)

        self.codeRow.setStretch(0, 1)

        self.batchForm.setLayout(3, QFormLayout.ItemRole.FieldRole, self.codeRow)


        self.handoffLayout.addLayout(self.batchForm)

        self.hint = QLabel(HandoffForm)
        self.hint.setObjectName(u"hint")
        self.hint.setStyleSheet(u"color: #555555;")
        self.hint.setWordWrap(True)

        self.handoffLayout.addWidget(self.hint)

        self.batchTable = QTableWidget(HandoffForm)
        if (self.batchTable.columnCount() < 5):
            self.batchTable.setColumnCount(5)
        __qtablewidgetitem = QTableWidgetItem()
        self.batchTable.setHorizontalHeaderItem(0, __qtablewidgetitem)
        __qtablewidgetitem1 = QTableWidgetItem()
        self.batchTable.setHorizontalHeaderItem(1, __qtablewidgetitem1)
        __qtablewidgetitem2 = QTableWidgetItem()
        self.batchTable.setHorizontalHeaderItem(2, __qtablewidgetitem2)
        __qtablewidgetitem3 = QTableWidgetItem()
        self.batchTable.setHorizontalHeaderItem(3, __qtablewidgetitem3)
        __qtablewidgetitem4 = QTableWidgetItem()
        self.batchTable.setHorizontalHeaderItem(4, __qtablewidgetitem4)
        self.batchTable.setObjectName(u"batchTable")
        self.batchTable.setTabKeyNavigation(False)
        self.batchTable.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.batchTable.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.batchTable.verticalHeader().setVisible(False)

        self.handoffLayout.addWidget(self.batchTable)

        self.batchStatus = QLabel(HandoffForm)
        self.batchStatus.setObjectName(u"batchStatus")
        self.batchStatus.setWordWrap(True)

        self.handoffLayout.addWidget(self.batchStatus)

        self.buttonRow = QHBoxLayout()
        self.buttonRow.setObjectName(u"buttonRow")
        self.confirmButton = QPushButton(HandoffForm)
        self.confirmButton.setObjectName(u"confirmButton")
        self.confirmButton.setStyleSheet(u"font-weight: bold; padding: 6px 14px;")

        self.buttonRow.addWidget(self.confirmButton)

        self.removeButton = QPushButton(HandoffForm)
        self.removeButton.setObjectName(u"removeButton")

        self.buttonRow.addWidget(self.removeButton)

        self.buttonStretch = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.buttonRow.addItem(self.buttonStretch)

        self.printListButton = QPushButton(HandoffForm)
        self.printListButton.setObjectName(u"printListButton")

        self.buttonRow.addWidget(self.printListButton)

        self.buttonRow.setStretch(2, 1)

        self.handoffLayout.addLayout(self.buttonRow)

        self.handoffLayout.setStretch(2, 1)
#if QT_CONFIG(shortcut)
        self.departmentLabel.setBuddy(self.departmentCombo)
        self.personLabel.setBuddy(self.personEdit)
        self.codeLabel.setBuddy(self.codeEdit)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.outRadio, self.backRadio)
        QWidget.setTabOrder(self.backRadio, self.departmentCombo)
        QWidget.setTabOrder(self.departmentCombo, self.personEdit)
        QWidget.setTabOrder(self.personEdit, self.codeEdit)
        QWidget.setTabOrder(self.codeEdit, self.addButton)
        QWidget.setTabOrder(self.addButton, self.batchTable)
        QWidget.setTabOrder(self.batchTable, self.removeButton)
        QWidget.setTabOrder(self.removeButton, self.confirmButton)
        QWidget.setTabOrder(self.confirmButton, self.printListButton)

        self.retranslateUi(HandoffForm)
    # setupUi

    def retranslateUi(self, HandoffForm):
        self.outRadio.setText(QCoreApplication.translate("HandoffForm", u"Ha&nd over to a department", None))
        self.backRadio.setText(QCoreApplication.translate("HandoffForm", u"Take results &back from a department", None))
        self.departmentLabel.setText(QCoreApplication.translate("HandoffForm", u"&Department:", None))
        self.personLabel.setText(QCoreApplication.translate("HandoffForm", u"Received b&y:", None))
        self.codeLabel.setText(QCoreApplication.translate("HandoffForm", u"D&ossier code:", None))
        self.codeEdit.setPlaceholderText(QCoreApplication.translate("HandoffForm", u"Scan, or type a code and press Enter", None))
        self.addButton.setText(QCoreApplication.translate("HandoffForm", u"&Add", None))
        self.hint.setText(QCoreApplication.translate("HandoffForm", u"Scan each dossier: it is checked and added to the list. Confirm with Ctrl+Enter when the pile is done.", None))
        ___qtablewidgetitem = self.batchTable.horizontalHeaderItem(0)
        ___qtablewidgetitem.setText(QCoreApplication.translate("HandoffForm", u"Dossier code", None))
        ___qtablewidgetitem1 = self.batchTable.horizontalHeaderItem(1)
        ___qtablewidgetitem1.setText(QCoreApplication.translate("HandoffForm", u"Applicant", None))
        ___qtablewidgetitem2 = self.batchTable.horizontalHeaderItem(2)
        ___qtablewidgetitem2.setText(QCoreApplication.translate("HandoffForm", u"Procedure", None))
        ___qtablewidgetitem3 = self.batchTable.horizontalHeaderItem(3)
        ___qtablewidgetitem3.setText(QCoreApplication.translate("HandoffForm", u"Now at", None))
        ___qtablewidgetitem4 = self.batchTable.horizontalHeaderItem(4)
        ___qtablewidgetitem4.setText(QCoreApplication.translate("HandoffForm", u"Return at", None))
        self.removeButton.setText(QCoreApplication.translate("HandoffForm", u"&Remove selected (Del)", None))
        self.printListButton.setText(QCoreApplication.translate("HandoffForm", u"&Print today's handoff list", None))
        pass
    # retranslateUi

