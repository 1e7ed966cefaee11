# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'dossier.ui'
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
from PySide6.QtWidgets import (QAbstractItemView, QApplication, QFrame, QGridLayout,
    QGroupBox, QHBoxLayout, QHeaderView, QLabel,
    QPushButton, QScrollArea, QSizePolicy, QSpacerItem,
    QSplitter, QTabWidget, QTableWidget, QTableWidgetItem,
    QVBoxLayout, QWidget)

class Ui_DossierForm(object):
    def setupUi(self, dossierPage):
        if not dossierPage.objectName():
            dossierPage.setObjectName(u"dossierPage")
        dossierPage.resize(900, 600)
        self.layout = QVBoxLayout(dossierPage)
        self.layout.setObjectName(u"layout")
        self.head = QHBoxLayout()
        self.head.setObjectName(u"head")
        self.codeLabel = QLabel(dossierPage)
        self.codeLabel.setObjectName(u"codeLabel")
        self.codeLabel.setStyleSheet(u"font-size: 16pt; font-weight: bold;")
        self.codeLabel.setTextInteractionFlags(Qt.TextSelectableByMouse)

        self.head.addWidget(self.codeLabel)

        self.statusLabel = QLabel(dossierPage)
        self.statusLabel.setObjectName(u"statusLabel")

        self.head.addWidget(self.statusLabel)

        self.headStretch = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.head.addItem(self.headStretch)

        self.backButton = QPushButton(dossierPage)
        self.backButton.setObjectName(u"backButton")

        self.head.addWidget(self.backButton)

        self.head.setStretch(2, 1)

        self.layout.addLayout(self.head)

        self.dueLabel = QLabel(dossierPage)
        self.dueLabel.setObjectName(u"dueLabel")
        self.dueLabel.setWordWrap(True)

        self.layout.addWidget(self.dueLabel)

        self.warningLabel = QLabel(dossierPage)
        self.warningLabel.setObjectName(u"warningLabel")
        self.warningLabel.setStyleSheet(u"color: #a15c00;")
        self.warningLabel.setWordWrap(True)

        self.layout.addWidget(self.warningLabel)

        self.actionRow = QHBoxLayout()
        self.actionRow.setSpacing(6)
        self.actionRow.setObjectName(u"actionRow")
        self.actionStretch = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.actionRow.addItem(self.actionStretch)


        self.layout.addLayout(self.actionRow)

        self.body = QSplitter(dossierPage)
        self.body.setObjectName(u"body")
        self.body.setOrientation(Qt.Vertical)
        self.detailsScroll = QScrollArea(self.body)
        self.detailsScroll.setObjectName(u"detailsScroll")
        self.detailsScroll.setFrameShape(QFrame.NoFrame)
        self.detailsScroll.setWidgetResizable(True)
        self.detailsBox = QGroupBox()
        self.detailsBox.setObjectName(u"detailsBox")
        self.detailsLayout = QVBoxLayout(self.detailsBox)
        self.detailsLayout.setObjectName(u"detailsLayout")
        self.fields = QWidget(self.detailsBox)
        self.fields.setObjectName(u"fields")
        self.fieldsGrid = QGridLayout(self.fields)
        self.fieldsGrid.setObjectName(u"fieldsGrid")
        self.fieldsGrid.setHorizontalSpacing(14)
        self.fieldsGrid.setVerticalSpacing(4)
        self.fieldsGrid.setContentsMargins(0, 0, 0, 0)
        self.caption_procedure = QLabel(self.fields)
        self.caption_procedure.setObjectName(u"caption_procedure")
        self.caption_procedure.setStyleSheet(u"color: #555555;")
        self.caption_procedure.setAlignment(Qt.AlignRight|Qt.AlignTrailing|Qt.AlignTop)

        self.fieldsGrid.addWidget(self.caption_procedure, 0, 0, 1, 1)

        self.value_procedure = QLabel(self.fields)
        self.value_procedure.setObjectName(u"value_procedure")
        self.value_procedure.setMinimumSize(QSize(160, 0))
        self.value_procedure.setWordWrap(True)
        self.value_procedure.setTextInteractionFlags(Qt.TextSelectableByMouse)

        self.fieldsGrid.addWidget(self.value_procedure, 0, 1, 1, 1)

        self.caption_field = QLabel(self.fields)
        self.caption_field.setObjectName(u"caption_field")
        self.caption_field.setStyleSheet(u"color: #555555;")
        self.caption_field.setAlignment(Qt.AlignRight|Qt.AlignTrailing|Qt.AlignTop)

        self.fieldsGrid.addWidget(self.caption_field, 1, 0, 1, 1)

        self.value_field = QLabel(self.fields)
        self.value_field.setObjectName(u"value_field")
        self.value_field.setMinimumSize(QSize(160, 0))
        self.value_field.setWordWrap(True)
        self.value_field.setTextInteractionFlags(Qt.TextSelectableByMouse)

        self.fieldsGrid.addWidget(self.value_field, 1, 1, 1, 1)

        self.caption_department = QLabel(self.fields)
        self.caption_department.setObjectName(u"caption_department")
        self.caption_department.setStyleSheet(u"color: #555555;")
        self.caption_department.setAlignment(Qt.AlignRight|Qt.AlignTrailing|Qt.AlignTop)

        self.fieldsGrid.addWidget(self.caption_department, 2, 0, 1, 1)

        self.value_department = QLabel(self.fields)
        self.value_department.setObjectName(u"value_department")
        self.value_department.setMinimumSize(QSize(160, 0))
        self.value_department.setWordWrap(True)
        self.value_department.setTextInteractionFlags(Qt.TextSelectableByMouse)

        self.fieldsGrid.addWidget(self.value_department, 2, 1, 1, 1)

        self.caption_time = QLabel(self.fields)
        self.caption_time.setObjectName(u"caption_time")
        self.caption_time.setStyleSheet(u"color: #555555;")
        self.caption_time.setAlignment(Qt.AlignRight|Qt.AlignTrailing|Qt.AlignTop)

        self.fieldsGrid.addWidget(self.caption_time, 3, 0, 1, 1)

        self.value_time = QLabel(self.fields)
        self.value_time.setObjectName(u"value_time")
        self.value_time.setMinimumSize(QSize(160, 0))
        self.value_time.setWordWrap(True)
        self.value_time.setTextInteractionFlags(Qt.TextSelectableByMouse)

        self.fieldsGrid.addWidget(self.value_time, 3, 1, 1, 1)

        self.caption_applicant = QLabel(self.fields)
        self.caption_applicant.setObjectName(u"caption_applicant")
        self.caption_applicant.setStyleSheet(u"color: #555555;")
        self.caption_applicant.setAlignment(Qt.AlignRight|Qt.AlignTrailing|Qt.AlignTop)

        self.fieldsGrid.addWidget(self.caption_applicant, 4, 0, 1, 1)

        self.value_applicant = QLabel(self.fields)
        self.value_applicant.setObjectName(u"value_applicant")
        self.value_applicant.setMinimumSize(QSize(160, 0))
        self.value_applicant.setWordWrap(True)
        self.value_applicant.setTextInteractionFlags(Qt.TextSelectableByMouse)

        self.fieldsGrid.addWidget(self.value_applicant, 4, 1, 1, 1)

        self.caption_id_number = QLabel(self.fields)
        self.caption_id_number.setObjectName(u"caption_id_number")
        self.caption_id_number.setStyleSheet(u"color: #555555;")
        self.caption_id_number.setAlignment(Qt.AlignRight|Qt.AlignTrailing|Qt.AlignTop)

        self.fieldsGrid.addWidget(self.caption_id_number, 5, 0, 1, 1)

        self.value_id_number = QLabel(self.fields)
        self.value_id_number.setObjectName(u"value_id_number")
        self.value_id_number.setMinimumSize(QSize(160, 0))
        self.value_id_number.setWordWrap(True)
        self.value_id_number.setTextInteractionFlags(Qt.TextSelectableByMouse)

        self.fieldsGrid.addWidget(self.value_id_number, 5, 1, 1, 1)

        self.caption_birth = QLabel(self.fields)
        self.caption_birth.setObjectName(u"caption_birth")
        self.caption_birth.setStyleSheet(u"color: #555555;")
        self.caption_birth.setAlignment(Qt.AlignRight|Qt.AlignTrailing|Qt.AlignTop)

        self.fieldsGrid.addWidget(self.caption_birth, 6, 0, 1, 1)

        self.value_birth = QLabel(self.fields)
        self.value_birth.setObjectName(u"value_birth")
        self.value_birth.setMinimumSize(QSize(160, 0))
        self.value_birth.setWordWrap(True)
        self.value_birth.setTextInteractionFlags(Qt.TextSelectableByMouse)

        self.fieldsGrid.addWidget(self.value_birth, 6, 1, 1, 1)

        self.caption_sex = QLabel(self.fields)
        self.caption_sex.setObjectName(u"caption_sex")
        self.caption_sex.setStyleSheet(u"color: #555555;")
        self.caption_sex.setAlignment(Qt.AlignRight|Qt.AlignTrailing|Qt.AlignTop)

        self.fieldsGrid.addWidget(self.caption_sex, 7, 0, 1, 1)

        self.value_sex = QLabel(self.fields)
        self.value_sex.setObjectName(u"value_sex")
        self.value_sex.setMinimumSize(QSize(160, 0))
        self.value_sex.setWordWrap(True)
        self.value_sex.setTextInteractionFlags(Qt.TextSelectableByMouse)

        self.fieldsGrid.addWidget(self.value_sex, 7, 1, 1, 1)

        self.caption_phone = QLabel(self.fields)
        self.caption_phone.setObjectName(u"caption_phone")
        self.caption_phone.setStyleSheet(u"color: #555555;")
        self.caption_phone.setAlignment(Qt.AlignRight|Qt.AlignTrailing|Qt.AlignTop)

        self.fieldsGrid.addWidget(self.caption_phone, 8, 0, 1, 1)

        self.value_phone = QLabel(self.fields)
        self.value_phone.setObjectName(u"value_phone")
        self.value_phone.setMinimumSize(QSize(160, 0))
        self.value_phone.setWordWrap(True)
        self.value_phone.setTextInteractionFlags(Qt.TextSelectableByMouse)

        self.fieldsGrid.addWidget(self.value_phone, 8, 1, 1, 1)

        self.caption_address = QLabel(self.fields)
        self.caption_address.setObjectName(u"caption_address")
        self.caption_address.setStyleSheet(u"color: #555555;")
        self.caption_address.setAlignment(Qt.AlignRight|Qt.AlignTrailing|Qt.AlignTop)

        self.fieldsGrid.addWidget(self.caption_address, 9, 0, 1, 1)

        self.value_address = QLabel(self.fields)
        self.value_address.setObjectName(u"value_address")
        self.value_address.setMinimumSize(QSize(160, 0))
        self.value_address.setWordWrap(True)
        self.value_address.setTextInteractionFlags(Qt.TextSelectableByMouse)

        self.fieldsGrid.addWidget(self.value_address, 9, 1, 1, 1)

        self.caption_email = QLabel(self.fields)
        self.caption_email.setObjectName(u"caption_email")
        self.caption_email.setStyleSheet(u"color: #555555;")
        self.caption_email.setAlignment(Qt.AlignRight|Qt.AlignTrailing|Qt.AlignTop)

        self.fieldsGrid.addWidget(self.caption_email, 10, 0, 1, 1)

        self.value_email = QLabel(self.fields)
        self.value_email.setObjectName(u"value_email")
        self.value_email.setMinimumSize(QSize(160, 0))
        self.value_email.setWordWrap(True)
        self.value_email.setTextInteractionFlags(Qt.TextSelectableByMouse)

        self.fieldsGrid.addWidget(self.value_email, 10, 1, 1, 1)

        self.caption_sets = QLabel(self.fields)
        self.caption_sets.setObjectName(u"caption_sets")
        self.caption_sets.setStyleSheet(u"color: #555555;")
        self.caption_sets.setAlignment(Qt.AlignRight|Qt.AlignTrailing|Qt.AlignTop)

        self.fieldsGrid.addWidget(self.caption_sets, 11, 0, 1, 1)

        self.value_sets = QLabel(self.fields)
        self.value_sets.setObjectName(u"value_sets")
        self.value_sets.setMinimumSize(QSize(160, 0))
        self.value_sets.setWordWrap(True)
        self.value_sets.setTextInteractionFlags(Qt.TextSelectableByMouse)

        self.fieldsGrid.addWidget(self.value_sets, 11, 1, 1, 1)

        self.caption_channel = QLabel(self.fields)
        self.caption_channel.setObjectName(u"caption_channel")
        self.caption_channel.setStyleSheet(u"color: #555555;")
        self.caption_channel.setAlignment(Qt.AlignRight|Qt.AlignTrailing|Qt.AlignTop)

        self.fieldsGrid.addWidget(self.caption_channel, 12, 0, 1, 1)

        self.value_channel = QLabel(self.fields)
        self.value_channel.setObjectName(u"value_channel")
        self.value_channel.setMinimumSize(QSize(160, 0))
        self.value_channel.setWordWrap(True)
        self.value_channel.setTextInteractionFlags(Qt.TextSelectableByMouse)

        self.fieldsGrid.addWidget(self.value_channel, 12, 1, 1, 1)

        self.caption_delivery = QLabel(self.fields)
        self.caption_delivery.setObjectName(u"caption_delivery")
        self.caption_delivery.setStyleSheet(u"color: #555555;")
        self.caption_delivery.setAlignment(Qt.AlignRight|Qt.AlignTrailing|Qt.AlignTop)

        self.fieldsGrid.addWidget(self.caption_delivery, 13, 0, 1, 1)

        self.value_delivery = QLabel(self.fields)
        self.value_delivery.setObjectName(u"value_delivery")
        self.value_delivery.setMinimumSize(QSize(160, 0))
        self.value_delivery.setWordWrap(True)
        self.value_delivery.setTextInteractionFlags(Qt.TextSelectableByMouse)

        self.fieldsGrid.addWidget(self.value_delivery, 13, 1, 1, 1)

        self.caption_received = QLabel(self.fields)
        self.caption_received.setObjectName(u"caption_received")
        self.caption_received.setStyleSheet(u"color: #555555;")
        self.caption_received.setAlignment(Qt.AlignRight|Qt.AlignTrailing|Qt.AlignTop)

        self.fieldsGrid.addWidget(self.caption_received, 0, 2, 1, 1)

        self.value_received = QLabel(self.fields)
        self.value_received.setObjectName(u"value_received")
        self.value_received.setMinimumSize(QSize(160, 0))
        self.value_received.setWordWrap(True)
        self.value_received.setTextInteractionFlags(Qt.TextSelectableByMouse)

        self.fieldsGrid.addWidget(self.value_received, 0, 3, 1, 1)

        self.caption_received_by = QLabel(self.fields)
        self.caption_received_by.setObjectName(u"caption_received_by")
        self.caption_received_by.setStyleSheet(u"color: #555555;")
        self.caption_received_by.setAlignment(Qt.AlignRight|Qt.AlignTrailing|Qt.AlignTop)

        self.fieldsGrid.addWidget(self.caption_received_by, 1, 2, 1, 1)

        self.value_received_by = QLabel(self.fields)
        self.value_received_by.setObjectName(u"value_received_by")
        self.value_received_by.setMinimumSize(QSize(160, 0))
        self.value_received_by.setWordWrap(True)
        self.value_received_by.setTextInteractionFlags(Qt.TextSelectableByMouse)

        self.fieldsGrid.addWidget(self.value_received_by, 1, 3, 1, 1)

        self.caption_due = QLabel(self.fields)
        self.caption_due.setObjectName(u"caption_due")
        self.caption_due.setStyleSheet(u"color: #555555;")
        self.caption_due.setAlignment(Qt.AlignRight|Qt.AlignTrailing|Qt.AlignTop)

        self.fieldsGrid.addWidget(self.caption_due, 2, 2, 1, 1)

        self.value_due = QLabel(self.fields)
        self.value_due.setObjectName(u"value_due")
        self.value_due.setMinimumSize(QSize(160, 0))
        self.value_due.setWordWrap(True)
        self.value_due.setTextInteractionFlags(Qt.TextSelectableByMouse)

        self.fieldsGrid.addWidget(self.value_due, 2, 3, 1, 1)

        self.caption_original_due = QLabel(self.fields)
        self.caption_original_due.setObjectName(u"caption_original_due")
        self.caption_original_due.setStyleSheet(u"color: #555555;")
        self.caption_original_due.setAlignment(Qt.AlignRight|Qt.AlignTrailing|Qt.AlignTop)

        self.fieldsGrid.addWidget(self.caption_original_due, 3, 2, 1, 1)

        self.value_original_due = QLabel(self.fields)
        self.value_original_due.setObjectName(u"value_original_due")
        self.value_original_due.setMinimumSize(QSize(160, 0))
        self.value_original_due.setWordWrap(True)
        self.value_original_due.setTextInteractionFlags(Qt.TextSelectableByMouse)

        self.fieldsGrid.addWidget(self.value_original_due, 3, 3, 1, 1)

        self.caption_location = QLabel(self.fields)
        self.caption_location.setObjectName(u"caption_location")
        self.caption_location.setStyleSheet(u"color: #555555;")
        self.caption_location.setAlignment(Qt.AlignRight|Qt.AlignTrailing|Qt.AlignTop)

        self.fieldsGrid.addWidget(self.caption_location, 4, 2, 1, 1)

        self.value_location = QLabel(self.fields)
        self.value_location.setObjectName(u"value_location")
        self.value_location.setMinimumSize(QSize(160, 0))
        self.value_location.setWordWrap(True)
        self.value_location.setTextInteractionFlags(Qt.TextSelectableByMouse)

        self.fieldsGrid.addWidget(self.value_location, 4, 3, 1, 1)

        self.caption_ledger = QLabel(self.fields)
        self.caption_ledger.setObjectName(u"caption_ledger")
        self.caption_ledger.setStyleSheet(u"color: #555555;")
        self.caption_ledger.setAlignment(Qt.AlignRight|Qt.AlignTrailing|Qt.AlignTop)

        self.fieldsGrid.addWidget(self.caption_ledger, 5, 2, 1, 1)

        self.value_ledger = QLabel(self.fields)
        self.value_ledger.setObjectName(u"value_ledger")
        self.value_ledger.setMinimumSize(QSize(160, 0))
        self.value_ledger.setWordWrap(True)
        self.value_ledger.setTextInteractionFlags(Qt.TextSelectableByMouse)

        self.fieldsGrid.addWidget(self.value_ledger, 5, 3, 1, 1)

        self.caption_supplements = QLabel(self.fields)
        self.caption_supplements.setObjectName(u"caption_supplements")
        self.caption_supplements.setStyleSheet(u"color: #555555;")
        self.caption_supplements.setAlignment(Qt.AlignRight|Qt.AlignTrailing|Qt.AlignTop)

        self.fieldsGrid.addWidget(self.caption_supplements, 6, 2, 1, 1)

        self.value_supplements = QLabel(self.fields)
        self.value_supplements.setObjectName(u"value_supplements")
        self.value_supplements.setMinimumSize(QSize(160, 0))
        self.value_supplements.setWordWrap(True)
        self.value_supplements.setTextInteractionFlags(Qt.TextSelectableByMouse)

        self.fieldsGrid.addWidget(self.value_supplements, 6, 3, 1, 1)

        self.caption_returned = QLabel(self.fields)
        self.caption_returned.setObjectName(u"caption_returned")
        self.caption_returned.setStyleSheet(u"color: #555555;")
        self.caption_returned.setAlignment(Qt.AlignRight|Qt.AlignTrailing|Qt.AlignTop)

        self.fieldsGrid.addWidget(self.caption_returned, 7, 2, 1, 1)

        self.value_returned = QLabel(self.fields)
        self.value_returned.setObjectName(u"value_returned")
        self.value_returned.setMinimumSize(QSize(160, 0))
        self.value_returned.setWordWrap(True)
        self.value_returned.setTextInteractionFlags(Qt.TextSelectableByMouse)

        self.fieldsGrid.addWidget(self.value_returned, 7, 3, 1, 1)

        self.caption_reason = QLabel(self.fields)
        self.caption_reason.setObjectName(u"caption_reason")
        self.caption_reason.setStyleSheet(u"color: #555555;")
        self.caption_reason.setAlignment(Qt.AlignRight|Qt.AlignTrailing|Qt.AlignTop)

        self.fieldsGrid.addWidget(self.caption_reason, 8, 2, 1, 1)

        self.value_reason = QLabel(self.fields)
        self.value_reason.setObjectName(u"value_reason")
        self.value_reason.setMinimumSize(QSize(160, 0))
        self.value_reason.setWordWrap(True)
        self.value_reason.setTextInteractionFlags(Qt.TextSelectableByMouse)

        self.fieldsGrid.addWidget(self.value_reason, 8, 3, 1, 1)

        self.caption_prints = QLabel(self.fields)
        self.caption_prints.setObjectName(u"caption_prints")
        self.caption_prints.setStyleSheet(u"color: #555555;")
        self.caption_prints.setAlignment(Qt.AlignRight|Qt.AlignTrailing|Qt.AlignTop)

        self.fieldsGrid.addWidget(self.caption_prints, 9, 2, 1, 1)

        self.value_prints = QLabel(self.fields)
        self.value_prints.setObjectName(u"value_prints")
        self.value_prints.setMinimumSize(QSize(160, 0))
        self.value_prints.setWordWrap(True)
        self.value_prints.setTextInteractionFlags(Qt.TextSelectableByMouse)

        self.fieldsGrid.addWidget(self.value_prints, 9, 3, 1, 1)

        self.caption_rating = QLabel(self.fields)
        self.caption_rating.setObjectName(u"caption_rating")
        self.caption_rating.setStyleSheet(u"color: #555555;")
        self.caption_rating.setAlignment(Qt.AlignRight|Qt.AlignTrailing|Qt.AlignTop)

        self.fieldsGrid.addWidget(self.caption_rating, 10, 2, 1, 1)

        self.value_rating = QLabel(self.fields)
        self.value_rating.setObjectName(u"value_rating")
        self.value_rating.setMinimumSize(QSize(160, 0))
        self.value_rating.setWordWrap(True)
        self.value_rating.setTextInteractionFlags(Qt.TextSelectableByMouse)

        self.fieldsGrid.addWidget(self.value_rating, 10, 3, 1, 1)

        self.caption_ticket = QLabel(self.fields)
        self.caption_ticket.setObjectName(u"caption_ticket")
        self.caption_ticket.setStyleSheet(u"color: #555555;")
        self.caption_ticket.setAlignment(Qt.AlignRight|Qt.AlignTrailing|Qt.AlignTop)

        self.fieldsGrid.addWidget(self.caption_ticket, 11, 2, 1, 1)

        self.value_ticket = QLabel(self.fields)
        self.value_ticket.setObjectName(u"value_ticket")
        self.value_ticket.setMinimumSize(QSize(160, 0))
        self.value_ticket.setWordWrap(True)
        self.value_ticket.setTextInteractionFlags(Qt.TextSelectableByMouse)

        self.fieldsGrid.addWidget(self.value_ticket, 11, 3, 1, 1)

        self.caption_fee = QLabel(self.fields)
        self.caption_fee.setObjectName(u"caption_fee")
        self.caption_fee.setStyleSheet(u"color: #555555;")
        self.caption_fee.setAlignment(Qt.AlignRight|Qt.AlignTrailing|Qt.AlignTop)

        self.fieldsGrid.addWidget(self.caption_fee, 12, 2, 1, 1)

        self.value_fee = QLabel(self.fields)
        self.value_fee.setObjectName(u"value_fee")
        self.value_fee.setMinimumSize(QSize(160, 0))
        self.value_fee.setWordWrap(True)
        self.value_fee.setTextInteractionFlags(Qt.TextSelectableByMouse)

        self.fieldsGrid.addWidget(self.value_fee, 12, 3, 1, 1)

        self.fieldsGrid.setColumnStretch(1, 1)
        self.fieldsGrid.setColumnStretch(3, 1)

        self.detailsLayout.addWidget(self.fields)

        self.detailsScroll.setWidget(self.detailsBox)
        self.body.addWidget(self.detailsScroll)
        self.dossierTabs = QTabWidget(self.body)
        self.dossierTabs.setObjectName(u"dossierTabs")
        self.timelineTable = QTableWidget()
        if (self.timelineTable.columnCount() < 6):
            self.timelineTable.setColumnCount(6)
        __qtablewidgetitem = QTableWidgetItem()
        self.timelineTable.setHorizontalHeaderItem(0, __qtablewidgetitem)
        __qtablewidgetitem1 = QTableWidgetItem()
        self.timelineTable.setHorizontalHeaderItem(1, __qtablewidgetitem1)
        __qtablewidgetitem2 = QTableWidgetItem()
        self.timelineTable.setHorizontalHeaderItem(2, __qtablewidgetitem2)
        __qtablewidgetitem3 = QTableWidgetItem()
        self.timelineTable.setHorizontalHeaderItem(3, __qtablewidgetitem3)
        __qtablewidgetitem4 = QTableWidgetItem()
        self.timelineTable.setHorizontalHeaderItem(4, __qtablewidgetitem4)
        __qtablewidgetitem5 = QTableWidgetItem()
        self.timelineTable.setHorizontalHeaderItem(5, __qtablewidgetitem5)
        self.timelineTable.setObjectName(u"timelineTable")
        self.timelineTable.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.timelineTable.setTabKeyNavigation(False)
        self.timelineTable.setAlternatingRowColors(True)
        self.timelineTable.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.timelineTable.setWordWrap(True)
        self.dossierTabs.addTab(self.timelineTable, "")
        self.timelineTable.verticalHeader().setVisible(False)
        self.documentsTable = QTableWidget()
        if (self.documentsTable.columnCount() < 3):
            self.documentsTable.setColumnCount(3)
        __qtablewidgetitem6 = QTableWidgetItem()
        self.documentsTable.setHorizontalHeaderItem(0, __qtablewidgetitem6)
        __qtablewidgetitem7 = QTableWidgetItem()
        self.documentsTable.setHorizontalHeaderItem(1, __qtablewidgetitem7)
        __qtablewidgetitem8 = QTableWidgetItem()
        self.documentsTable.setHorizontalHeaderItem(2, __qtablewidgetitem8)
        self.documentsTable.setObjectName(u"documentsTable")
        self.documentsTable.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.documentsTable.setTabKeyNavigation(False)
        self.documentsTable.setAlternatingRowColors(True)
        self.documentsTable.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.documentsTable.setWordWrap(True)
        self.dossierTabs.addTab(self.documentsTable, "")
        self.documentsTable.verticalHeader().setVisible(False)
        self.papersPage = QWidget()
        self.papersPage.setObjectName(u"papersPage")
        self.papersLayout = QVBoxLayout(self.papersPage)
        self.papersLayout.setObjectName(u"papersLayout")
        self.papersLayout.setContentsMargins(0, 0, 0, 0)
        self.dossierTabs.addTab(self.papersPage, "")
        self.body.addWidget(self.dossierTabs)

        self.layout.addWidget(self.body)

        self.placeholder = QLabel(dossierPage)
        self.placeholder.setObjectName(u"placeholder")
        self.placeholder.setStyleSheet(u"color: #555555; font-size: 12pt;")
        self.placeholder.setAlignment(Qt.AlignCenter)

        self.layout.addWidget(self.placeholder)

        self.layout.setStretch(4, 1)
        self.layout.setStretch(5, 1)
        QWidget.setTabOrder(self.backButton, self.documentsTable)
        QWidget.setTabOrder(self.documentsTable, self.timelineTable)
        QWidget.setTabOrder(self.timelineTable, self.dossierTabs)
        QWidget.setTabOrder(self.dossierTabs, self.detailsScroll)

        self.retranslateUi(dossierPage)
    # setupUi

    def retranslateUi(self, dossierPage):
        self.backButton.setText(QCoreApplication.translate("DossierForm", u"\u2190 Back", None))
        self.detailsBox.setTitle(QCoreApplication.translate("DossierForm", u"Dossier", None))
        self.caption_procedure.setText(QCoreApplication.translate("DossierForm", u"Procedure:", None))
        self.caption_field.setText(QCoreApplication.translate("DossierForm", u"Field:", None))
        self.caption_department.setText(QCoreApplication.translate("DossierForm", u"Lead department:", None))
        self.caption_time.setText(QCoreApplication.translate("DossierForm", u"Statutory time:", None))
        self.caption_applicant.setText(QCoreApplication.translate("DossierForm", u"Applicant:", None))
        self.caption_id_number.setText(QCoreApplication.translate("DossierForm", u"Citizen ID:", None))
        self.caption_birth.setText(QCoreApplication.translate("DossierForm", u"Date of birth:", None))
        self.caption_sex.setText(QCoreApplication.translate("DossierForm", u"Sex:", None))
        self.caption_phone.setText(QCoreApplication.translate("DossierForm", u"Phone:", None))
        self.caption_address.setText(QCoreApplication.translate("DossierForm", u"Address:", None))
        self.caption_email.setText(QCoreApplication.translate("DossierForm", u"E-mail:", None))
        self.caption_sets.setText(QCoreApplication.translate("DossierForm", u"Sets:", None))
        self.caption_channel.setText(QCoreApplication.translate("DossierForm", u"Submitted:", None))
        self.caption_delivery.setText(QCoreApplication.translate("DossierForm", u"Result collected:", None))
        self.caption_received.setText(QCoreApplication.translate("DossierForm", u"Received:", None))
        self.caption_received_by.setText(QCoreApplication.translate("DossierForm", u"Received by:", None))
        self.caption_due.setText(QCoreApplication.translate("DossierForm", u"Return at:", None))
        self.caption_original_due.setText(QCoreApplication.translate("DossierForm", u"First return date:", None))
        self.caption_location.setText(QCoreApplication.translate("DossierForm", u"Now at:", None))
        self.caption_ledger.setText(QCoreApplication.translate("DossierForm", u"Ledger:", None))
        self.caption_supplements.setText(QCoreApplication.translate("DossierForm", u"Supplement requests:", None))
        self.caption_returned.setText(QCoreApplication.translate("DossierForm", u"Returned:", None))
        self.caption_reason.setText(QCoreApplication.translate("DossierForm", u"Reason:", None))
        self.caption_prints.setText(QCoreApplication.translate("DossierForm", u"Printed:", None))
        self.caption_rating.setText(QCoreApplication.translate("DossierForm", u"Satisfaction:", None))
        self.caption_ticket.setText(QCoreApplication.translate("DossierForm", u"Queue ticket:", None))
        self.caption_fee.setText(QCoreApplication.translate("DossierForm", u"Fee collected:", None))
        ___qtablewidgetitem = self.timelineTable.horizontalHeaderItem(0)
        ___qtablewidgetitem.setText(QCoreApplication.translate("DossierForm", u"When", None))
        ___qtablewidgetitem1 = self.timelineTable.horizontalHeaderItem(1)
        ___qtablewidgetitem1.setText(QCoreApplication.translate("DossierForm", u"What", None))
        ___qtablewidgetitem2 = self.timelineTable.horizontalHeaderItem(2)
        ___qtablewidgetitem2.setText(QCoreApplication.translate("DossierForm", u"From \u2192 to", None))
        ___qtablewidgetitem3 = self.timelineTable.horizontalHeaderItem(3)
        ___qtablewidgetitem3.setText(QCoreApplication.translate("DossierForm", u"Given / taken by", None))
        ___qtablewidgetitem4 = self.timelineTable.horizontalHeaderItem(4)
        ___qtablewidgetitem4.setText(QCoreApplication.translate("DossierForm", u"On time?", None))
        ___qtablewidgetitem5 = self.timelineTable.horizontalHeaderItem(5)
        ___qtablewidgetitem5.setText(QCoreApplication.translate("DossierForm", u"Officer", None))
        self.dossierTabs.setTabText(self.dossierTabs.indexOf(self.timelineTable), QCoreApplication.translate("DossierForm", u"Timeline", None))
        ___qtablewidgetitem6 = self.documentsTable.horizontalHeaderItem(0)
        ___qtablewidgetitem6.setText(QCoreApplication.translate("DossierForm", u"Document", None))
        ___qtablewidgetitem7 = self.documentsTable.horizontalHeaderItem(1)
        ___qtablewidgetitem7.setText(QCoreApplication.translate("DossierForm", u"Form", None))
        ___qtablewidgetitem8 = self.documentsTable.horizontalHeaderItem(2)
        ___qtablewidgetitem8.setText(QCoreApplication.translate("DossierForm", u"Count", None))
        self.dossierTabs.setTabText(self.dossierTabs.indexOf(self.documentsTable), QCoreApplication.translate("DossierForm", u"Documents handed in", None))
        self.dossierTabs.setTabText(self.dossierTabs.indexOf(self.papersPage), QCoreApplication.translate("DossierForm", u"Digitised papers", None))
        self.placeholder.setText(QCoreApplication.translate("DossierForm", u"Scan a dossier's barcode, or find it under Dossiers (F3).", None))
        pass
    # retranslateUi

