# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'first_start_desk.ui'
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
    QSizePolicy, QSpinBox, QWidget, QWizardPage)

class Ui_FirstStartDeskForm(object):
    def setupUi(self, deskPage):
        if not deskPage.objectName():
            deskPage.setObjectName(u"deskPage")
        self.deskLayout = QFormLayout(deskPage)
        self.deskLayout.setObjectName(u"deskLayout")
        self.deskNoLabel = QLabel(deskPage)
        self.deskNoLabel.setObjectName(u"deskNoLabel")

        self.deskLayout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.deskNoLabel)

        self.deskNoSpin = QSpinBox(deskPage)
        self.deskNoSpin.setObjectName(u"deskNoSpin")
        self.deskNoSpin.setMinimum(1)
        self.deskNoSpin.setMaximum(9)

        self.deskLayout.setWidget(0, QFormLayout.ItemRole.FieldRole, self.deskNoSpin)

        self.officerLabel = QLabel(deskPage)
        self.officerLabel.setObjectName(u"officerLabel")

        self.deskLayout.setWidget(1, QFormLayout.ItemRole.LabelRole, self.officerLabel)

        self.officerEdit = QLineEdit(deskPage)
        self.officerEdit.setObjectName(u"officerEdit")

        self.deskLayout.setWidget(1, QFormLayout.ItemRole.FieldRole, self.officerEdit)

        self.officerPhoneLabel = QLabel(deskPage)
        self.officerPhoneLabel.setObjectName(u"officerPhoneLabel")

        self.deskLayout.setWidget(2, QFormLayout.ItemRole.LabelRole, self.officerPhoneLabel)

        self.officerPhoneEdit = QLineEdit(deskPage)
        self.officerPhoneEdit.setObjectName(u"officerPhoneEdit")

        self.deskLayout.setWidget(2, QFormLayout.ItemRole.FieldRole, self.officerPhoneEdit)

        self.errorLabel = QLabel(deskPage)
        self.errorLabel.setObjectName(u"errorLabel")
        self.errorLabel.setStyleSheet(u"color: #b00020;")
        self.errorLabel.setWordWrap(True)

        self.deskLayout.setWidget(3, QFormLayout.ItemRole.SpanningRole, self.errorLabel)

#if QT_CONFIG(shortcut)
        self.deskNoLabel.setBuddy(self.deskNoSpin)
        self.officerLabel.setBuddy(self.officerEdit)
        self.officerPhoneLabel.setBuddy(self.officerPhoneEdit)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(deskPage)
    # setupUi

    def retranslateUi(self, deskPage):
        deskPage.setTitle(QCoreApplication.translate("FirstStartDeskForm", u"This desk and its officer", None))
        deskPage.setSubTitle(QCoreApplication.translate("FirstStartDeskForm", u"Each desk of the agency has its own number (1\u20139), so that desks working offline never issue the same code.", None))
        self.deskNoLabel.setText(QCoreApplication.translate("FirstStartDeskForm", u"&Desk number:", None))
        self.officerLabel.setText(QCoreApplication.translate("FirstStartDeskForm", u"&Officer:", None))
        self.officerPhoneLabel.setText(QCoreApplication.translate("FirstStartDeskForm", u"Officer's &phone:", None))
    # retranslateUi

