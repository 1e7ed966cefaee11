# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'papers.ui'
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
from PySide6.QtWidgets import (QAbstractItemView, QApplication, QComboBox, QFrame,
    QHBoxLayout, QHeaderView, QLabel, QListView,
    QListWidget, QListWidgetItem, QPushButton, QSizePolicy,
    QSpacerItem, QTableWidget, QTableWidgetItem, QVBoxLayout,
    QWidget)

class Ui_PapersForm(object):
    def setupUi(self, papersView):
        if not papersView.objectName():
            papersView.setObjectName(u"papersView")
        papersView.resize(800, 300)
        self.layout = QVBoxLayout(papersView)
        self.layout.setObjectName(u"layout")
        self.layout.setContentsMargins(4, 4, 4, 4)
        self.hotOffer = QFrame(papersView)
        self.hotOffer.setObjectName(u"hotOffer")
        self.hotOffer.setStyleSheet(u"QFrame#hotOffer { background: #fff4d6; border: 1px solid #e0b050; border-radius: 4px; }")
        self.hotOfferRow = QHBoxLayout(self.hotOffer)
        self.hotOfferRow.setObjectName(u"hotOfferRow")
        self.hotOfferRow.setContentsMargins(-1, 2, -1, 2)
        self.hotOfferLabel = QLabel(self.hotOffer)
        self.hotOfferLabel.setObjectName(u"hotOfferLabel")
        self.hotOfferLabel.setWordWrap(True)

        self.hotOfferRow.addWidget(self.hotOfferLabel)

        self.hotAttachButton = QPushButton(self.hotOffer)
        self.hotAttachButton.setObjectName(u"hotAttachButton")

        self.hotOfferRow.addWidget(self.hotAttachButton)

        self.hotSkipButton = QPushButton(self.hotOffer)
        self.hotSkipButton.setObjectName(u"hotSkipButton")

        self.hotOfferRow.addWidget(self.hotSkipButton)

        self.hotOfferRow.setStretch(0, 1)

        self.layout.addWidget(self.hotOffer)

        self.body = QHBoxLayout()
        self.body.setObjectName(u"body")
        self.papersTable = QTableWidget(papersView)
        if (self.papersTable.columnCount() < 4):
            self.papersTable.setColumnCount(4)
        __qtablewidgetitem = QTableWidgetItem()
        self.papersTable.setHorizontalHeaderItem(0, __qtablewidgetitem)
        __qtablewidgetitem1 = QTableWidgetItem()
        self.papersTable.setHorizontalHeaderItem(1, __qtablewidgetitem1)
        __qtablewidgetitem2 = QTableWidgetItem()
        self.papersTable.setHorizontalHeaderItem(2, __qtablewidgetitem2)
        __qtablewidgetitem3 = QTableWidgetItem()
        self.papersTable.setHorizontalHeaderItem(3, __qtablewidgetitem3)
        self.papersTable.setObjectName(u"papersTable")
        self.papersTable.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.papersTable.setTabKeyNavigation(False)
        self.papersTable.setAlternatingRowColors(True)
        self.papersTable.setSelectionMode(QAbstractItemView.SingleSelection)
        self.papersTable.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.papersTable.setWordWrap(True)
        self.papersTable.verticalHeader().setVisible(False)

        self.body.addWidget(self.papersTable)

        self.thumbnails = QListWidget(papersView)
        self.thumbnails.setObjectName(u"thumbnails")
        self.thumbnails.setMinimumSize(QSize(150, 0))
        self.thumbnails.setFlow(QListView.LeftToRight)
        self.thumbnails.setViewMode(QListView.IconMode)
        self.thumbnails.setProperty(u"wrapping", True)
        self.thumbnails.setResizeMode(QListView.Adjust)
        self.thumbnails.setMovement(QListView.Static)
        self.thumbnails.setIconSize(QSize(64, 90))
        self.thumbnails.setSpacing(4)

        self.body.addWidget(self.thumbnails)

        self.body.setStretch(0, 3)
        self.body.setStretch(1, 1)

        self.layout.addLayout(self.body)

        self.buttonRow = QHBoxLayout()
        self.buttonRow.setObjectName(u"buttonRow")
        self.attachButton = QPushButton(papersView)
        self.attachButton.setObjectName(u"attachButton")

        self.buttonRow.addWidget(self.attachButton)

        self.openButton = QPushButton(papersView)
        self.openButton.setObjectName(u"openButton")

        self.buttonRow.addWidget(self.openButton)

        self.shownButton = QPushButton(papersView)
        self.shownButton.setObjectName(u"shownButton")

        self.buttonRow.addWidget(self.shownButton)

        self.classifiedButton = QPushButton(papersView)
        self.classifiedButton.setObjectName(u"classifiedButton")

        self.buttonRow.addWidget(self.classifiedButton)

        self.reuseCombo = QComboBox(papersView)
        self.reuseCombo.setObjectName(u"reuseCombo")
        self.reuseCombo.setSizeAdjustPolicy(QComboBox.AdjustToMinimumContentsLengthWithIcon)
        self.reuseCombo.setMinimumContentsLength(16)

        self.buttonRow.addWidget(self.reuseCombo)

        self.reuseButton = QPushButton(papersView)
        self.reuseButton.setObjectName(u"reuseButton")

        self.buttonRow.addWidget(self.reuseButton)

        self.buttonStretch = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.buttonRow.addItem(self.buttonStretch)

        self.buttonRow.setStretch(4, 1)

        self.layout.addLayout(self.buttonRow)

        self.dropHint = QLabel(papersView)
        self.dropHint.setObjectName(u"dropHint")
        self.dropHint.setStyleSheet(u"color: #555555;")
        self.dropHint.setWordWrap(True)

        self.layout.addWidget(self.dropHint)

        QWidget.setTabOrder(self.papersTable, self.attachButton)
        QWidget.setTabOrder(self.attachButton, self.openButton)
        QWidget.setTabOrder(self.openButton, self.shownButton)
        QWidget.setTabOrder(self.shownButton, self.classifiedButton)
        QWidget.setTabOrder(self.classifiedButton, self.reuseCombo)
        QWidget.setTabOrder(self.reuseCombo, self.reuseButton)
        QWidget.setTabOrder(self.reuseButton, self.hotAttachButton)
        QWidget.setTabOrder(self.hotAttachButton, self.hotSkipButton)
        QWidget.setTabOrder(self.hotSkipButton, self.thumbnails)

        self.retranslateUi(papersView)
    # setupUi

    def retranslateUi(self, papersView):
        self.hotAttachButton.setText(QCoreApplication.translate("PapersForm", u"Attach the new scan", None))
        self.hotSkipButton.setText(QCoreApplication.translate("PapersForm", u"Not for this dossier", None))
        ___qtablewidgetitem = self.papersTable.horizontalHeaderItem(0)
        ___qtablewidgetitem.setText(QCoreApplication.translate("PapersForm", u"Document", None))
        ___qtablewidgetitem1 = self.papersTable.horizontalHeaderItem(1)
        ___qtablewidgetitem1.setText(QCoreApplication.translate("PapersForm", u"Digitisation", None))
        ___qtablewidgetitem2 = self.papersTable.horizontalHeaderItem(2)
        ___qtablewidgetitem2.setText(QCoreApplication.translate("PapersForm", u"Pages", None))
        ___qtablewidgetitem3 = self.papersTable.horizontalHeaderItem(3)
        ___qtablewidgetitem3.setText(QCoreApplication.translate("PapersForm", u"Warnings", None))
        self.attachButton.setText(QCoreApplication.translate("PapersForm", u"Attach a scan\u2026", None))
        self.openButton.setText(QCoreApplication.translate("PapersForm", u"Open the file", None))
        self.shownButton.setText(QCoreApplication.translate("PapersForm", u"Shown only", None))
        self.classifiedButton.setText(QCoreApplication.translate("PapersForm", u"Classified", None))
        self.reuseButton.setText(QCoreApplication.translate("PapersForm", u"Reuse", None))
        self.dropHint.setText(QCoreApplication.translate("PapersForm", u"Drop a PDF or images here to attach them to the selected document (several images become one PDF). Scans are not digitally signed.", None))
        pass
    # retranslateUi

