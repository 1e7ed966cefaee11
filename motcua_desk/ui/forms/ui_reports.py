# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'reports.ui'
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
from PySide6.QtWidgets import (QAbstractItemView, QApplication, QComboBox, QDateEdit,
    QHBoxLayout, QHeaderView, QLabel, QProgressBar,
    QPushButton, QSizePolicy, QSpacerItem, QSplitter,
    QTabWidget, QTableView, QTableWidget, QTableWidgetItem,
    QVBoxLayout, QWidget)

from motcua_desk.ui.report_widgets import MonthBars

class Ui_ReportsForm(object):
    def setupUi(self, reportsPage):
        if not reportsPage.objectName():
            reportsPage.setObjectName(u"reportsPage")
        reportsPage.resize(1000, 700)
        self.pageLayout = QVBoxLayout(reportsPage)
        self.pageLayout.setObjectName(u"pageLayout")
        self.periodRow = QHBoxLayout()
        self.periodRow.setObjectName(u"periodRow")
        self.periodLabel = QLabel(reportsPage)
        self.periodLabel.setObjectName(u"periodLabel")

        self.periodRow.addWidget(self.periodLabel)

        self.presetCombo = QComboBox(reportsPage)
        self.presetCombo.setObjectName(u"presetCombo")
        self.presetCombo.setSizeAdjustPolicy(QComboBox.AdjustToMinimumContentsLengthWithIcon)
        self.presetCombo.setMinimumContentsLength(14)

        self.periodRow.addWidget(self.presetCombo)

        self.reportFrom = QDateEdit(reportsPage)
        self.reportFrom.setObjectName(u"reportFrom")
        self.reportFrom.setDisplayFormat(u"dd/MM/yyyy")
        self.reportFrom.setCalendarPopup(True)

        self.periodRow.addWidget(self.reportFrom)

        self.dashLabel = QLabel(reportsPage)
        self.dashLabel.setObjectName(u"dashLabel")
        self.dashLabel.setText(u"\u2013")

        self.periodRow.addWidget(self.dashLabel)

        self.reportTo = QDateEdit(reportsPage)
        self.reportTo.setObjectName(u"reportTo")
        self.reportTo.setDisplayFormat(u"dd/MM/yyyy")
        self.reportTo.setCalendarPopup(True)

        self.periodRow.addWidget(self.reportTo)

        self.computeButton = QPushButton(reportsPage)
        self.computeButton.setObjectName(u"computeButton")

        self.periodRow.addWidget(self.computeButton)

        self.periodStretch = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.periodRow.addItem(self.periodStretch)

        self.periodRow.setStretch(6, 1)

        self.pageLayout.addLayout(self.periodRow)

        self.scopeRow = QHBoxLayout()
        self.scopeRow.setObjectName(u"scopeRow")
        self.scopeCombo = QComboBox(reportsPage)
        self.scopeCombo.setObjectName(u"scopeCombo")
        self.scopeCombo.setSizeAdjustPolicy(QComboBox.AdjustToMinimumContentsLengthWithIcon)
        self.scopeCombo.setMinimumContentsLength(14)

        self.scopeRow.addWidget(self.scopeCombo)

        self.byCombo = QComboBox(reportsPage)
        self.byCombo.setObjectName(u"byCombo")
        self.byCombo.setSizeAdjustPolicy(QComboBox.AdjustToMinimumContentsLengthWithIcon)
        self.byCombo.setMinimumContentsLength(14)

        self.scopeRow.addWidget(self.byCombo)

        self.groupCombo = QComboBox(reportsPage)
        self.groupCombo.setObjectName(u"groupCombo")
        self.groupCombo.setSizeAdjustPolicy(QComboBox.AdjustToMinimumContentsLengthWithIcon)
        self.groupCombo.setMinimumContentsLength(14)

        self.scopeRow.addWidget(self.groupCombo)

        self.reportProgress = QProgressBar(reportsPage)
        self.reportProgress.setObjectName(u"reportProgress")
        self.reportProgress.setMaximumSize(QSize(160, 16777215))
        self.reportProgress.setTextVisible(True)

        self.scopeRow.addWidget(self.reportProgress)

        self.scopeStretch = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.scopeRow.addItem(self.scopeStretch)

        self.pdfButton = QPushButton(reportsPage)
        self.pdfButton.setObjectName(u"pdfButton")

        self.scopeRow.addWidget(self.pdfButton)

        self.xlsxButton = QPushButton(reportsPage)
        self.xlsxButton.setObjectName(u"xlsxButton")

        self.scopeRow.addWidget(self.xlsxButton)

        self.scopeRow.setStretch(4, 1)

        self.pageLayout.addLayout(self.scopeRow)

        self.reportSummary = QLabel(reportsPage)
        self.reportSummary.setObjectName(u"reportSummary")
        self.reportSummary.setStyleSheet(u"font-size: 11pt;")
        self.reportSummary.setWordWrap(True)

        self.pageLayout.addWidget(self.reportSummary)

        self.reportTabs = QTabWidget(reportsPage)
        self.reportTabs.setObjectName(u"reportTabs")
        self.bieu06Split = QSplitter()
        self.bieu06Split.setObjectName(u"bieu06Split")
        self.bieu06Split.setOrientation(Qt.Vertical)
        self.bieu06Table = QTableView(self.bieu06Split)
        self.bieu06Table.setObjectName(u"bieu06Table")
        self.bieu06Table.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.bieu06Table.setSelectionMode(QAbstractItemView.SingleSelection)
        self.bieu06Table.setWordWrap(False)
        self.bieu06Split.addWidget(self.bieu06Table)
        self.bieu06Table.verticalHeader().setVisible(False)
        self.monthBars = MonthBars(self.bieu06Split)
        self.monthBars.setObjectName(u"monthBars")
        self.bieu06Split.addWidget(self.monthBars)
        self.reportTabs.addTab(self.bieu06Split, "")
        self.lateTable = QTableView()
        self.lateTable.setObjectName(u"lateTable")
        self.lateTable.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.lateTable.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.lateTable.setWordWrap(False)
        self.reportTabs.addTab(self.lateTable, "")
        self.lateTable.horizontalHeader().setStretchLastSection(True)
        self.lateTable.verticalHeader().setVisible(False)
        self.indexPage = QWidget()
        self.indexPage.setObjectName(u"indexPage")
        self.indexLayout = QVBoxLayout(self.indexPage)
        self.indexLayout.setObjectName(u"indexLayout")
        self.indexLayout.setContentsMargins(0, 0, 0, 0)
        self.indexTable = QTableWidget(self.indexPage)
        if (self.indexTable.columnCount() < 5):
            self.indexTable.setColumnCount(5)
        __qtablewidgetitem = QTableWidgetItem()
        self.indexTable.setHorizontalHeaderItem(0, __qtablewidgetitem)
        __qtablewidgetitem1 = QTableWidgetItem()
        self.indexTable.setHorizontalHeaderItem(1, __qtablewidgetitem1)
        __qtablewidgetitem2 = QTableWidgetItem()
        self.indexTable.setHorizontalHeaderItem(2, __qtablewidgetitem2)
        __qtablewidgetitem3 = QTableWidgetItem()
        self.indexTable.setHorizontalHeaderItem(3, __qtablewidgetitem3)
        __qtablewidgetitem4 = QTableWidgetItem()
        self.indexTable.setHorizontalHeaderItem(4, __qtablewidgetitem4)
        self.indexTable.setObjectName(u"indexTable")
        self.indexTable.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.indexTable.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.indexTable.setWordWrap(True)
        self.indexTable.setColumnCount(5)
        self.indexTable.verticalHeader().setVisible(False)

        self.indexLayout.addWidget(self.indexTable)

        self.reportTabs.addTab(self.indexPage, "")
        self.stepsPage = QWidget()
        self.stepsPage.setObjectName(u"stepsPage")
        self.stepsLayout = QVBoxLayout(self.stepsPage)
        self.stepsLayout.setObjectName(u"stepsLayout")
        self.stepsLayout.setContentsMargins(0, 0, 0, 0)
        self.stepsTable = QTableWidget(self.stepsPage)
        self.stepsTable.setObjectName(u"stepsTable")
        self.stepsTable.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.stepsTable.setWordWrap(False)
        self.stepsTable.setColumnCount(9)
        self.stepsTable.horizontalHeader().setStretchLastSection(True)
        self.stepsTable.verticalHeader().setVisible(False)

        self.stepsLayout.addWidget(self.stepsTable)

        self.stepsNote = QLabel(self.stepsPage)
        self.stepsNote.setObjectName(u"stepsNote")
        self.stepsNote.setWordWrap(True)

        self.stepsLayout.addWidget(self.stepsNote)

        self.stepsLayout.setStretch(0, 1)
        self.reportTabs.addTab(self.stepsPage, "")
        self.qualityPage = QWidget()
        self.qualityPage.setObjectName(u"qualityPage")
        self.qualityLayout = QVBoxLayout(self.qualityPage)
        self.qualityLayout.setObjectName(u"qualityLayout")
        self.qualityLayout.setContentsMargins(0, 0, 0, 0)
        self.qualitySummary = QLabel(self.qualityPage)
        self.qualitySummary.setObjectName(u"qualitySummary")
        self.qualitySummary.setWordWrap(True)

        self.qualityLayout.addWidget(self.qualitySummary)

        self.qualityTable = QTableView(self.qualityPage)
        self.qualityTable.setObjectName(u"qualityTable")
        self.qualityTable.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.qualityTable.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.qualityTable.setWordWrap(False)
        self.qualityTable.horizontalHeader().setStretchLastSection(True)
        self.qualityTable.verticalHeader().setVisible(False)

        self.qualityLayout.addWidget(self.qualityTable)

        self.qualityLayout.setStretch(1, 1)
        self.reportTabs.addTab(self.qualityPage, "")

        self.pageLayout.addWidget(self.reportTabs)

        self.pageLayout.setStretch(3, 1)
#if QT_CONFIG(shortcut)
        self.periodLabel.setBuddy(self.presetCombo)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.presetCombo, self.reportFrom)
        QWidget.setTabOrder(self.reportFrom, self.reportTo)
        QWidget.setTabOrder(self.reportTo, self.scopeCombo)
        QWidget.setTabOrder(self.scopeCombo, self.byCombo)
        QWidget.setTabOrder(self.byCombo, self.groupCombo)
        QWidget.setTabOrder(self.groupCombo, self.computeButton)
        QWidget.setTabOrder(self.computeButton, self.pdfButton)
        QWidget.setTabOrder(self.pdfButton, self.xlsxButton)
        QWidget.setTabOrder(self.xlsxButton, self.bieu06Table)
        QWidget.setTabOrder(self.bieu06Table, self.lateTable)
        QWidget.setTabOrder(self.lateTable, self.indexTable)
        QWidget.setTabOrder(self.indexTable, self.stepsTable)
        QWidget.setTabOrder(self.stepsTable, self.qualityTable)
        QWidget.setTabOrder(self.qualityTable, self.reportTabs)

        self.retranslateUi(reportsPage)

        self.reportTabs.setCurrentIndex(0)

    # setupUi

    def retranslateUi(self, reportsPage):
        self.periodLabel.setText(QCoreApplication.translate("ReportsForm", u"Peri&od:", None))
        self.computeButton.setText(QCoreApplication.translate("ReportsForm", u"&Compute", None))
        self.pdfButton.setText(QCoreApplication.translate("ReportsForm", u"Export &PDF\u2026", None))
        self.xlsxButton.setText(QCoreApplication.translate("ReportsForm", u"Export &Excel\u2026", None))
#if QT_CONFIG(tooltip)
        self.bieu06Table.setToolTip(QCoreApplication.translate("ReportsForm", u"Double-click a figure to list the dossiers behind it.", None))
#endif // QT_CONFIG(tooltip)
        self.reportTabs.setTabText(self.reportTabs.indexOf(self.bieu06Split), QCoreApplication.translate("ReportsForm", u"Form 06 (Bi\u1ec3u 06)", None))
#if QT_CONFIG(tooltip)
        self.lateTable.setToolTip(QCoreApplication.translate("ReportsForm", u"Double-click a dossier to open it.", None))
#endif // QT_CONFIG(tooltip)
        self.reportTabs.setTabText(self.reportTabs.indexOf(self.lateTable), QCoreApplication.translate("ReportsForm", u"Late dossiers and apologies", None))
        ___qtablewidgetitem = self.indexTable.horizontalHeaderItem(0)
        ___qtablewidgetitem.setText(QCoreApplication.translate("ReportsForm", u"Index", None))
        ___qtablewidgetitem1 = self.indexTable.horizontalHeaderItem(1)
        ___qtablewidgetitem1.setText(QCoreApplication.translate("ReportsForm", u"Score", None))
        ___qtablewidgetitem2 = self.indexTable.horizontalHeaderItem(2)
        ___qtablewidgetitem2.setText(QCoreApplication.translate("ReportsForm", u"Formula", None))
        ___qtablewidgetitem3 = self.indexTable.horizontalHeaderItem(3)
        ___qtablewidgetitem3.setText(QCoreApplication.translate("ReportsForm", u"Note", None))
        ___qtablewidgetitem4 = self.indexTable.horizontalHeaderItem(4)
        ___qtablewidgetitem4.setText(QCoreApplication.translate("ReportsForm", u"Dossiers lowering it", None))
#if QT_CONFIG(tooltip)
        self.indexTable.setToolTip(QCoreApplication.translate("ReportsForm", u"Double-click an index to list the dossiers that lower it.", None))
#endif // QT_CONFIG(tooltip)
        self.reportTabs.setTabText(self.reportTabs.indexOf(self.indexPage), QCoreApplication.translate("ReportsForm", u"Q\u0110 766 self-check", None))
#if QT_CONFIG(tooltip)
        self.stepsTable.setToolTip(QCoreApplication.translate("ReportsForm", u"Double-click a figure to list the dossiers behind it.", None))
#endif // QT_CONFIG(tooltip)
        self.stepsNote.setText(QCoreApplication.translate("ReportsForm", u"A step runs from the handoff that brings the dossier to a unit to the one that takes it on (another department, the result or refusal back, a request for supplements); the desk's step from receipt to the handoff. Times in working days of the office's hours.", None))
        self.reportTabs.setTabText(self.reportTabs.indexOf(self.stepsPage), QCoreApplication.translate("ReportsForm", u"Handoff steps", None))
#if QT_CONFIG(tooltip)
        self.qualityTable.setToolTip(QCoreApplication.translate("ReportsForm", u"Double-click a dossier to open it.", None))
#endif // QT_CONFIG(tooltip)
        self.reportTabs.setTabText(self.reportTabs.indexOf(self.qualityPage), QCoreApplication.translate("ReportsForm", u"Quality (TT 01/2018)", None))
        pass
    # retranslateUi

