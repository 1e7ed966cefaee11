# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'sync_exceptions.ui'
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
    QDialogButtonBox, QHBoxLayout, QHeaderView, QLabel,
    QPushButton, QSizePolicy, QSpacerItem, QTableWidget,
    QTableWidgetItem, QVBoxLayout, QWidget)

class Ui_SyncExceptionsForm(object):
    def setupUi(self, syncExceptionsDialog):
        if not syncExceptionsDialog.objectName():
            syncExceptionsDialog.setObjectName(u"syncExceptionsDialog")
        syncExceptionsDialog.resize(940, 600)
        self.layout = QVBoxLayout(syncExceptionsDialog)
        self.layout.setSpacing(8)
        self.layout.setObjectName(u"layout")
        self.top = QHBoxLayout()
        self.top.setObjectName(u"top")
        self.syncState = QLabel(syncExceptionsDialog)
        self.syncState.setObjectName(u"syncState")
        self.syncState.setTextFormat(Qt.RichText)
        self.syncState.setWordWrap(True)

        self.top.addWidget(self.syncState)

        self.syncNowButton = QPushButton(syncExceptionsDialog)
        self.syncNowButton.setObjectName(u"syncNowButton")

        self.top.addWidget(self.syncNowButton, 0, Qt.AlignTop)

        self.settingsButton = QPushButton(syncExceptionsDialog)
        self.settingsButton.setObjectName(u"settingsButton")

        self.top.addWidget(self.settingsButton, 0, Qt.AlignTop)

        self.top.setStretch(0, 1)

        self.layout.addLayout(self.top)

        self.topGap = QSpacerItem(0, 4, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Fixed)

        self.layout.addItem(self.topGap)

        self.syncExceptionsHeading = QLabel(syncExceptionsDialog)
        self.syncExceptionsHeading.setObjectName(u"syncExceptionsHeading")
        self.syncExceptionsHeading.setWordWrap(True)

        self.layout.addWidget(self.syncExceptionsHeading)

        self.conflictsTable = QTableWidget(syncExceptionsDialog)
        if (self.conflictsTable.columnCount() < 4):
            self.conflictsTable.setColumnCount(4)
        __qtablewidgetitem = QTableWidgetItem()
        self.conflictsTable.setHorizontalHeaderItem(0, __qtablewidgetitem)
        __qtablewidgetitem1 = QTableWidgetItem()
        self.conflictsTable.setHorizontalHeaderItem(1, __qtablewidgetitem1)
        __qtablewidgetitem2 = QTableWidgetItem()
        self.conflictsTable.setHorizontalHeaderItem(2, __qtablewidgetitem2)
        __qtablewidgetitem3 = QTableWidgetItem()
        self.conflictsTable.setHorizontalHeaderItem(3, __qtablewidgetitem3)
        self.conflictsTable.setObjectName(u"conflictsTable")
        self.conflictsTable.setMinimumSize(QSize(0, 120))
        self.conflictsTable.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.conflictsTable.setTabKeyNavigation(False)
        self.conflictsTable.setSelectionMode(QAbstractItemView.SingleSelection)
        self.conflictsTable.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.conflictsTable.verticalHeader().setVisible(False)

        self.layout.addWidget(self.conflictsTable)

        self.conflictDetail = QLabel(syncExceptionsDialog)
        self.conflictDetail.setObjectName(u"conflictDetail")
        self.conflictDetail.setMinimumSize(QSize(0, 150))
        self.conflictDetail.setStyleSheet(u"QLabel#conflictDetail { background: #fafafa; border: 1px solid #d0d0d0; border-radius: 4px; padding: 8px; }")
        self.conflictDetail.setTextFormat(Qt.RichText)
        self.conflictDetail.setAlignment(Qt.AlignLeading|Qt.AlignLeft|Qt.AlignTop)
        self.conflictDetail.setWordWrap(True)
        self.conflictDetail.setTextInteractionFlags(Qt.TextSelectableByMouse)

        self.layout.addWidget(self.conflictDetail)

        self.buttons = QDialogButtonBox(syncExceptionsDialog)
        self.buttons.setObjectName(u"buttons")
        self.buttons.setStandardButtons(QDialogButtonBox.Close)

        self.layout.addWidget(self.buttons)

        self.layout.setStretch(3, 1)

        self.retranslateUi(syncExceptionsDialog)
    # setupUi

    def retranslateUi(self, syncExceptionsDialog):
        syncExceptionsDialog.setWindowTitle(QCoreApplication.translate("SyncExceptionsForm", u"Sync and sync exceptions", None))
        self.syncNowButton.setText(QCoreApplication.translate("SyncExceptionsForm", u"Sync &now", None))
        self.settingsButton.setText(QCoreApplication.translate("SyncExceptionsForm", u"Sync settings", None))
        ___qtablewidgetitem = self.conflictsTable.horizontalHeaderItem(0)
        ___qtablewidgetitem.setText(QCoreApplication.translate("SyncExceptionsForm", u"Dossier", None))
        ___qtablewidgetitem1 = self.conflictsTable.horizontalHeaderItem(1)
        ___qtablewidgetitem1.setText(QCoreApplication.translate("SyncExceptionsForm", u"Action not applied", None))
        ___qtablewidgetitem2 = self.conflictsTable.horizontalHeaderItem(2)
        ___qtablewidgetitem2.setText(QCoreApplication.translate("SyncExceptionsForm", u"By", None))
        ___qtablewidgetitem3 = self.conflictsTable.horizontalHeaderItem(3)
        ___qtablewidgetitem3.setText(QCoreApplication.translate("SyncExceptionsForm", u"At", None))
    # retranslateUi

