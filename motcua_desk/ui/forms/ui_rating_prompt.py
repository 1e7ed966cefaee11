# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'rating_prompt.ui'
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
from PySide6.QtWidgets import (QApplication, QFrame, QHBoxLayout, QLabel,
    QLineEdit, QPushButton, QSizePolicy, QSpacerItem,
    QVBoxLayout, QWidget)

class Ui_RatingPromptForm(object):
    def setupUi(self, ratingPrompt):
        if not ratingPrompt.objectName():
            ratingPrompt.setObjectName(u"ratingPrompt")
        ratingPrompt.resize(800, 120)
        ratingPrompt.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        ratingPrompt.setStyleSheet(u"#ratingPrompt { background: #eef6ee; }")
        ratingPrompt.setFrameShape(QFrame.Shape.StyledPanel)
        self.promptLayout = QVBoxLayout(ratingPrompt)
        self.promptLayout.setObjectName(u"promptLayout")
        self.question = QLabel(ratingPrompt)
        self.question.setObjectName(u"question")
        self.question.setWordWrap(True)

        self.promptLayout.addWidget(self.question)

        self.choiceRow = QHBoxLayout()
        self.choiceRow.setObjectName(u"choiceRow")
        self.rating1Button = QPushButton(ratingPrompt)
        self.rating1Button.setObjectName(u"rating1Button")
        self.rating1Button.setAutoDefault(True)

        self.choiceRow.addWidget(self.rating1Button)

        self.rating2Button = QPushButton(ratingPrompt)
        self.rating2Button.setObjectName(u"rating2Button")
        self.rating2Button.setAutoDefault(True)

        self.choiceRow.addWidget(self.rating2Button)

        self.rating3Button = QPushButton(ratingPrompt)
        self.rating3Button.setObjectName(u"rating3Button")
        self.rating3Button.setAutoDefault(True)

        self.choiceRow.addWidget(self.rating3Button)

        self.ratingSkipButton = QPushButton(ratingPrompt)
        self.ratingSkipButton.setObjectName(u"ratingSkipButton")

        self.choiceRow.addWidget(self.ratingSkipButton)

        self.choiceStretch = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.choiceRow.addItem(self.choiceStretch)

        self.choiceRow.setStretch(4, 1)

        self.promptLayout.addLayout(self.choiceRow)

        self.ratingReasonEdit = QLineEdit(ratingPrompt)
        self.ratingReasonEdit.setObjectName(u"ratingReasonEdit")

        self.promptLayout.addWidget(self.ratingReasonEdit)

        self.ratingError = QLabel(ratingPrompt)
        self.ratingError.setObjectName(u"ratingError")
        self.ratingError.setStyleSheet(u"color: #b00020;")
        self.ratingError.setWordWrap(True)

        self.promptLayout.addWidget(self.ratingError)


        self.retranslateUi(ratingPrompt)
    # setupUi

    def retranslateUi(self, ratingPrompt):
        self.rating1Button.setText(QCoreApplication.translate("RatingPromptForm", u"1 \u2014 Very satisfied", None))
        self.rating2Button.setText(QCoreApplication.translate("RatingPromptForm", u"2 \u2014 Satisfied", None))
        self.rating3Button.setText(QCoreApplication.translate("RatingPromptForm", u"3 \u2014 Not satisfied", None))
        self.ratingSkipButton.setText(QCoreApplication.translate("RatingPromptForm", u"Skip (Esc)", None))
        self.ratingReasonEdit.setPlaceholderText(QCoreApplication.translate("RatingPromptForm", u"Why is the citizen not satisfied? (required; Enter saves)", None))
        pass
    # retranslateUi

