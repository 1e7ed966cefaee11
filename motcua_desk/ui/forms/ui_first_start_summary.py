# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'first_start_summary.ui'
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
from PySide6.QtWidgets import (QApplication, QLabel, QSizePolicy, QSpacerItem,
    QVBoxLayout, QWidget, QWizardPage)

class Ui_FirstStartSummaryForm(object):
    def setupUi(self, summaryPage):
        if not summaryPage.objectName():
            summaryPage.setObjectName(u"summaryPage")
        self.summaryLayout = QVBoxLayout(summaryPage)
        self.summaryLayout.setObjectName(u"summaryLayout")
        self.summaryLabel = QLabel(summaryPage)
        self.summaryLabel.setObjectName(u"summaryLabel")
        self.summaryLabel.setTextFormat(Qt.RichText)
        self.summaryLabel.setWordWrap(True)

        self.summaryLayout.addWidget(self.summaryLabel)

        self.errorLabel = QLabel(summaryPage)
        self.errorLabel.setObjectName(u"errorLabel")
        self.errorLabel.setStyleSheet(u"color: #b00020;")
        self.errorLabel.setWordWrap(True)

        self.summaryLayout.addWidget(self.errorLabel)

        self.summaryStretch = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.summaryLayout.addItem(self.summaryStretch)

        self.summaryLayout.setStretch(2, 1)

        self.retranslateUi(summaryPage)
    # setupUi

    def retranslateUi(self, summaryPage):
        summaryPage.setTitle(QCoreApplication.translate("FirstStartSummaryForm", u"Check before saving", None))
        summaryPage.setSubTitle(QCoreApplication.translate("FirstStartSummaryForm", u"The electronic id and the desk number go into every dossier code: they cannot be changed once a code has been issued. Go back to correct anything.", None))
    # retranslateUi

