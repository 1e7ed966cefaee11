# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'search.ui'
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
    QDateEdit, QHBoxLayout, QHeaderView, QLabel,
    QLineEdit, QPushButton, QSizePolicy, QSpacerItem,
    QTableView, QVBoxLayout, QWidget)

class Ui_SearchForm(object):
    def setupUi(self, SearchForm):
        if not SearchForm.objectName():
            SearchForm.setObjectName(u"SearchForm")
        SearchForm.resize(1080, 640)
        self.searchLayout = QVBoxLayout(SearchForm)
        self.searchLayout.setObjectName(u"searchLayout")
        self.listTitle = QLabel(SearchForm)
        self.listTitle.setObjectName(u"listTitle")
        self.listTitle.setStyleSheet(u"font-size: 12pt; font-weight: bold;")

        self.searchLayout.addWidget(self.listTitle)

        self.findRow = QHBoxLayout()
        self.findRow.setObjectName(u"findRow")
        self.searchLabel = QLabel(SearchForm)
        self.searchLabel.setObjectName(u"searchLabel")

        self.findRow.addWidget(self.searchLabel)

        self.searchEdit = QLineEdit(SearchForm)
        self.searchEdit.setObjectName(u"searchEdit")
        self.searchEdit.setClearButtonEnabled(True)

        self.findRow.addWidget(self.searchEdit)

        self.searchButton = QPushButton(SearchForm)
        self.searchButton.setObjectName(u"searchButton")

        self.findRow.addWidget(self.searchButton)

        self.findRow.setStretch(1, 1)

        self.searchLayout.addLayout(self.findRow)

        self.filterRow = QHBoxLayout()
        self.filterRow.setObjectName(u"filterRow")
        self.statusCombo = QComboBox(SearchForm)
        self.statusCombo.setObjectName(u"statusCombo")
        self.statusCombo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.statusCombo.setMinimumContentsLength(18)

        self.filterRow.addWidget(self.statusCombo)

        self.fieldCombo = QComboBox(SearchForm)
        self.fieldCombo.setObjectName(u"fieldCombo")
        self.fieldCombo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.fieldCombo.setMinimumContentsLength(18)

        self.filterRow.addWidget(self.fieldCombo)

        self.departmentCombo = QComboBox(SearchForm)
        self.departmentCombo.setObjectName(u"departmentCombo")
        self.departmentCombo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.departmentCombo.setMinimumContentsLength(18)

        self.filterRow.addWidget(self.departmentCombo)

        self.datesCheck = QCheckBox(SearchForm)
        self.datesCheck.setObjectName(u"datesCheck")

        self.filterRow.addWidget(self.datesCheck)

        self.dateFrom = QDateEdit(SearchForm)
        self.dateFrom.setObjectName(u"dateFrom")
        self.dateFrom.setEnabled(False)
        self.dateFrom.setDisplayFormat(u"dd/MM/yyyy")
        self.dateFrom.setCalendarPopup(True)

        self.filterRow.addWidget(self.dateFrom)

        self.dateDash = QLabel(SearchForm)
        self.dateDash.setObjectName(u"dateDash")
        self.dateDash.setText(u"\u2013")

        self.filterRow.addWidget(self.dateDash)

        self.dateTo = QDateEdit(SearchForm)
        self.dateTo.setObjectName(u"dateTo")
        self.dateTo.setEnabled(False)
        self.dateTo.setDisplayFormat(u"dd/MM/yyyy")
        self.dateTo.setCalendarPopup(True)

        self.filterRow.addWidget(self.dateTo)

        self.filterStretch = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.filterRow.addItem(self.filterStretch)

        self.filterRow.setStretch(7, 1)

        self.searchLayout.addLayout(self.filterRow)

        self.dossierTable = QTableView(SearchForm)
        self.dossierTable.setObjectName(u"dossierTable")
        self.dossierTable.setTabKeyNavigation(False)
        self.dossierTable.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.dossierTable.setAlternatingRowColors(True)
        self.dossierTable.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.dossierTable.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.dossierTable.setWordWrap(False)
        self.dossierTable.verticalHeader().setVisible(False)
        self.dossierTable.verticalHeader().setDefaultSectionSize(24)

        self.searchLayout.addWidget(self.dossierTable)

        self.countLabel = QLabel(SearchForm)
        self.countLabel.setObjectName(u"countLabel")

        self.searchLayout.addWidget(self.countLabel)

        self.searchLayout.setStretch(3, 1)
#if QT_CONFIG(shortcut)
        self.searchLabel.setBuddy(self.searchEdit)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.searchEdit, self.statusCombo)
        QWidget.setTabOrder(self.statusCombo, self.fieldCombo)
        QWidget.setTabOrder(self.fieldCombo, self.departmentCombo)
        QWidget.setTabOrder(self.departmentCombo, self.datesCheck)
        QWidget.setTabOrder(self.datesCheck, self.dateFrom)
        QWidget.setTabOrder(self.dateFrom, self.dateTo)
        QWidget.setTabOrder(self.dateTo, self.searchButton)
        QWidget.setTabOrder(self.searchButton, self.dossierTable)

        self.retranslateUi(SearchForm)
    # setupUi

    def retranslateUi(self, SearchForm):
        self.searchLabel.setText(QCoreApplication.translate("SearchForm", u"F&ind:", None))
        self.searchEdit.setPlaceholderText(QCoreApplication.translate("SearchForm", u"Dossier code, name (accents optional), citizen ID or phone", None))
        self.searchButton.setText(QCoreApplication.translate("SearchForm", u"&Search", None))
        self.datesCheck.setText(QCoreApplication.translate("SearchForm", u"Received &between", None))
        pass
    # retranslateUi

