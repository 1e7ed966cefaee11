# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'first_start_agency.ui'
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
from PySide6.QtWidgets import (QApplication, QFormLayout, QLabel, QLineEdit,
    QSizePolicy, QWidget, QWizardPage)

class Ui_FirstStartAgencyForm(object):
    def setupUi(self, agencyPage):
        if not agencyPage.objectName():
            agencyPage.setObjectName(u"agencyPage")
        self.agencyLayout = QFormLayout(agencyPage)
        self.agencyLayout.setObjectName(u"agencyLayout")
        self.agencyIdLabel = QLabel(agencyPage)
        self.agencyIdLabel.setObjectName(u"agencyIdLabel")

        self.agencyLayout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.agencyIdLabel)

        self.agencyIdEdit = QLineEdit(agencyPage)
        self.agencyIdEdit.setObjectName(u"agencyIdEdit")
        self.agencyIdEdit.setPlaceholderText(u"000.17.22.H56")

        self.agencyLayout.setWidget(0, QFormLayout.ItemRole.FieldRole, self.agencyIdEdit)

        self.agencyNameLabel = QLabel(agencyPage)
        self.agencyNameLabel.setObjectName(u"agencyNameLabel")

        self.agencyLayout.setWidget(1, QFormLayout.ItemRole.LabelRole, self.agencyNameLabel)

        self.agencyNameEdit = QLineEdit(agencyPage)
        self.agencyNameEdit.setObjectName(u"agencyNameEdit")

        self.agencyLayout.setWidget(1, QFormLayout.ItemRole.FieldRole, self.agencyNameEdit)

        self.parentNameLabel = QLabel(agencyPage)
        self.parentNameLabel.setObjectName(u"parentNameLabel")

        self.agencyLayout.setWidget(2, QFormLayout.ItemRole.LabelRole, self.parentNameLabel)

        self.parentNameEdit = QLineEdit(agencyPage)
        self.parentNameEdit.setObjectName(u"parentNameEdit")

        self.agencyLayout.setWidget(2, QFormLayout.ItemRole.FieldRole, self.parentNameEdit)

        self.placeLabel = QLabel(agencyPage)
        self.placeLabel.setObjectName(u"placeLabel")

        self.agencyLayout.setWidget(3, QFormLayout.ItemRole.LabelRole, self.placeLabel)

        self.placeEdit = QLineEdit(agencyPage)
        self.placeEdit.setObjectName(u"placeEdit")

        self.agencyLayout.setWidget(3, QFormLayout.ItemRole.FieldRole, self.placeEdit)

        self.errorLabel = QLabel(agencyPage)
        self.errorLabel.setObjectName(u"errorLabel")
        self.errorLabel.setStyleSheet(u"color: #b00020;")
        self.errorLabel.setWordWrap(True)

        self.agencyLayout.setWidget(4, QFormLayout.ItemRole.SpanningRole, self.errorLabel)

#if QT_CONFIG(shortcut)
        self.agencyIdLabel.setBuddy(self.agencyIdEdit)
        self.agencyNameLabel.setBuddy(self.agencyNameEdit)
        self.parentNameLabel.setBuddy(self.parentNameEdit)
        self.placeLabel.setBuddy(self.placeEdit)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(agencyPage)
    # setupUi

    def retranslateUi(self, agencyPage):
        agencyPage.setTitle(QCoreApplication.translate("FirstStartAgencyForm", u"The agency", None))
        agencyPage.setSubTitle(QCoreApplication.translate("FirstStartAgencyForm", u"As printed at the top of every form.", None))
        self.agencyIdLabel.setText(QCoreApplication.translate("FirstStartAgencyForm", u"Electronic &id of the agency:", None))
        self.agencyNameLabel.setText(QCoreApplication.translate("FirstStartAgencyForm", u"&Agency name:", None))
        self.agencyNameEdit.setPlaceholderText(QCoreApplication.translate("FirstStartAgencyForm", u"e.g. TRUNG T\u00c2M PH\u1ee4C V\u1ee4 H\u00c0NH CH\u00cdNH C\u00d4NG X\u00c3 VI H\u01af\u01a0NG", None))
        self.parentNameLabel.setText(QCoreApplication.translate("FirstStartAgencyForm", u"&Parent authority:", None))
        self.parentNameEdit.setPlaceholderText(QCoreApplication.translate("FirstStartAgencyForm", u"e.g. UBND X\u00c3 VI H\u01af\u01a0NG", None))
        self.placeLabel.setText(QCoreApplication.translate("FirstStartAgencyForm", u"P&lace (for \u201c\u2026, ng\u00e0y \u2026 th\u00e1ng \u2026 n\u0103m \u2026\u201d):", None))
        self.placeEdit.setPlaceholderText(QCoreApplication.translate("FirstStartAgencyForm", u"e.g. Vi H\u01b0\u01a1ng", None))
    # retranslateUi

