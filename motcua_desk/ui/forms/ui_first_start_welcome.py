# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'first_start_welcome.ui'
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
from PySide6.QtWidgets import (QApplication, QLabel, QRadioButton, QSizePolicy,
    QSpacerItem, QVBoxLayout, QWidget, QWizardPage)

class Ui_FirstStartWelcomeForm(object):
    def setupUi(self, welcomePage):
        if not welcomePage.objectName():
            welcomePage.setObjectName(u"welcomePage")
        self.welcomeLayout = QVBoxLayout(welcomePage)
        self.welcomeLayout.setObjectName(u"welcomeLayout")
        self.realRadio = QRadioButton(welcomePage)
        self.realRadio.setObjectName(u"realRadio")
        self.realRadio.setChecked(True)

        self.welcomeLayout.addWidget(self.realRadio)

        self.demoRadio = QRadioButton(welcomePage)
        self.demoRadio.setObjectName(u"demoRadio")

        self.welcomeLayout.addWidget(self.demoRadio)

        self.noteSpace = QSpacerItem(0, 12, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Fixed)

        self.welcomeLayout.addItem(self.noteSpace)

        self.noteLabel = QLabel(welcomePage)
        self.noteLabel.setObjectName(u"noteLabel")
        self.noteLabel.setWordWrap(True)

        self.welcomeLayout.addWidget(self.noteLabel)

        self.welcomeStretch = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.welcomeLayout.addItem(self.welcomeStretch)

        self.welcomeLayout.setStretch(4, 1)

        self.retranslateUi(welcomePage)
    # setupUi

    def retranslateUi(self, welcomePage):
        welcomePage.setTitle(QCoreApplication.translate("FirstStartWelcomeForm", u"Welcome to motcua-desk", None))
        welcomePage.setSubTitle(QCoreApplication.translate("FirstStartWelcomeForm", u"This desk has not been set up yet.", None))
        self.realRadio.setText(QCoreApplication.translate("FirstStartWelcomeForm", u"&Set up this desk for our agency", None))
        self.demoRadio.setText(QCoreApplication.translate("FirstStartWelcomeForm", u"&Try it with a demo agency (sample data, every form marked \u201cDEMO\u201d)", None))
        self.noteLabel.setText(QCoreApplication.translate("FirstStartWelcomeForm", u"The agency id and the desk number go into every dossier code and cannot change once codes have been issued. Ask IT for them if you are not sure; the demo can be tried first on another database.", None))
    # retranslateUi

