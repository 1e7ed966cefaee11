# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'first_start_demo.ui'
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

class Ui_FirstStartDemoForm(object):
    def setupUi(self, demoPage):
        if not demoPage.objectName():
            demoPage.setObjectName(u"demoPage")
        self.demoLayout = QFormLayout(demoPage)
        self.demoLayout.setObjectName(u"demoLayout")
        self.demoOfficerLabel = QLabel(demoPage)
        self.demoOfficerLabel.setObjectName(u"demoOfficerLabel")

        self.demoLayout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.demoOfficerLabel)

        self.demoOfficerEdit = QLineEdit(demoPage)
        self.demoOfficerEdit.setObjectName(u"demoOfficerEdit")

        self.demoLayout.setWidget(0, QFormLayout.ItemRole.FieldRole, self.demoOfficerEdit)

        self.errorLabel = QLabel(demoPage)
        self.errorLabel.setObjectName(u"errorLabel")
        self.errorLabel.setStyleSheet(u"color: #b00020;")
        self.errorLabel.setWordWrap(True)

        self.demoLayout.setWidget(1, QFormLayout.ItemRole.SpanningRole, self.errorLabel)

#if QT_CONFIG(shortcut)
        self.demoOfficerLabel.setBuddy(self.demoOfficerEdit)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(demoPage)
    # setupUi

    def retranslateUi(self, demoPage):
        demoPage.setTitle(QCoreApplication.translate("FirstStartDemoForm", u"Demo agency", None))
        demoPage.setSubTitle(QCoreApplication.translate("FirstStartDemoForm", u"Everything works, with the sample procedure catalog. Every printed form carries the mark \u201cB\u1ea2N D\u00d9NG TH\u1eec\u201d and has no legal value.", None))
        self.demoOfficerLabel.setText(QCoreApplication.translate("FirstStartDemoForm", u"Your &name (optional):", None))
    # retranslateUi

