"""The first start: a short wizard that sets up this desk (agency id, names, place, desk
number, officer) — or a clearly marked demo agency with the seed catalog, so that a newcomer
can try everything at once. Finishing runs init_desk on the worker; the wizard closes only
when the services have accepted the values."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFormLayout,
    QLabel,
    QLineEdit,
    QRadioButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from motcua_desk.domain import codes, validation
from motcua_desk.domain.errors import ValidationError
from motcua_desk.ui import errors
from motcua_desk.ui.worker import Worker

WELCOME, AGENCY, DESK, DEMO, SUMMARY = range(5)


def _init_demo(svc: Any, officer: str) -> Any:
    """On the worker: the demo agency of the services, with the seed catalog."""
    from motcua_desk.services.settings import DEMO_AGENCY

    a = DEMO_AGENCY
    return svc.settings.init_desk(
        agency_id=a.agency_id,
        agency_name=a.agency_name,
        parent_name=a.parent_name,
        place=a.place,
        desk_no=a.desk_no,
        officer=officer or a.officer,
        demo=True,
    )


class _WelcomePage(QWizardPage):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Welcome to motcua-desk"))
        self.setSubTitle(self.tr("This desk has not been set up yet."))
        self.real = QRadioButton(self.tr("&Set up this desk for our agency"), self)
        self.real.setObjectName("realRadio")
        self.demo = QRadioButton(
            self.tr("&Try it with a demo agency (sample data, every form marked “DEMO”)"), self
        )
        self.demo.setObjectName("demoRadio")
        self.real.setChecked(True)
        note = QLabel(
            self.tr(
                "The agency id and the desk number go into every dossier code "
                "and cannot change once codes have been issued. Ask IT for them "
                "if you are not sure; the demo can be tried first on another "
                "database."
            ),
            self,
        )
        note.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.real)
        layout.addWidget(self.demo)
        layout.addSpacing(12)
        layout.addWidget(note)
        layout.addStretch(1)

    def nextId(self) -> int:  # noqa: N802
        return DEMO if self.demo.isChecked() else AGENCY


class _AgencyPage(QWizardPage):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("The agency"))
        self.setSubTitle(self.tr("As printed at the top of every form."))
        self.agency_id = QLineEdit(self)
        self.agency_id.setObjectName("agencyIdEdit")
        self.agency_id.setPlaceholderText("000.17.22.H56")
        self.agency_name = QLineEdit(self)
        self.agency_name.setObjectName("agencyNameEdit")
        self.agency_name.setPlaceholderText(
            self.tr("e.g. TRUNG TÂM PHỤC VỤ HÀNH CHÍNH CÔNG XÃ VI HƯƠNG")
        )
        self.parent_name = QLineEdit(self)
        self.parent_name.setObjectName("parentNameEdit")
        self.parent_name.setPlaceholderText(self.tr("e.g. UBND XÃ VI HƯƠNG"))
        self.place = QLineEdit(self)
        self.place.setObjectName("placeEdit")
        self.place.setPlaceholderText(self.tr("e.g. Vi Hương"))
        self.error = QLabel(self)
        self.error.setStyleSheet("color: #b00020;")
        self.error.setWordWrap(True)
        form = QFormLayout(self)
        for text, edit in (
            (self.tr("Electronic &id of the agency:"), self.agency_id),
            (self.tr("&Agency name:"), self.agency_name),
            (self.tr("&Parent authority:"), self.parent_name),
            (self.tr("P&lace (for “…, ngày … tháng … năm …”):"), self.place),
        ):
            label = QLabel(text, self)
            label.setBuddy(edit)
            form.addRow(label, edit)
        form.addRow(self.error)

    def validatePage(self) -> bool:  # noqa: N802
        try:
            self.agency_id.setText(codes.agency_id(self.agency_id.text()))
            for name, edit in (
                ("agency_name", self.agency_name),
                ("parent_name", self.parent_name),
                ("place", self.place),
            ):
                validation.looks_like_name(name, edit.text(), limit=200)
        except ValidationError as err:
            self.error.setText(errors.message(err))
            edit = {
                "agency_id": self.agency_id,
                "agency_name": self.agency_name,
                "parent_name": self.parent_name,
                "place": self.place,
            }.get(err.field)
            if edit is not None:
                edit.setFocus()
                edit.selectAll()
            return False
        self.error.clear()
        return True

    def nextId(self) -> int:  # noqa: N802
        return DESK


class _DeskPage(QWizardPage):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("This desk and its officer"))
        self.setSubTitle(
            self.tr(
                "Each desk of the agency has its own number (1–9), so that "
                "desks working offline never issue the same code."
            )
        )
        self.desk_no = QSpinBox(self, minimum=1, maximum=9)
        self.desk_no.setObjectName("deskNoSpin")
        self.officer = QLineEdit(self)
        self.officer.setObjectName("officerEdit")
        self.phone = QLineEdit(self)
        self.phone.setObjectName("officerPhoneEdit")
        self.error = QLabel(self)
        self.error.setStyleSheet("color: #b00020;")
        self.error.setWordWrap(True)
        form = QFormLayout(self)
        for text, edit in (
            (self.tr("&Desk number:"), self.desk_no),
            (self.tr("&Officer:"), self.officer),
            (self.tr("Officer's &phone:"), self.phone),
        ):
            label = QLabel(text, self)
            label.setBuddy(edit)
            form.addRow(label, edit)
        form.addRow(self.error)

    def validatePage(self) -> bool:  # noqa: N802
        try:
            validation.looks_like_name("officer", self.officer.text(), limit=100)
            if self.phone.text().strip():
                validation.phone(self.phone.text())
        except ValidationError as err:
            self.error.setText(errors.message(err))
            (self.phone if err.field == "phone" else self.officer).setFocus()
            return False
        self.error.clear()
        return True

    def nextId(self) -> int:  # noqa: N802
        return SUMMARY


class _SummaryPage(QWizardPage):
    """Everything once more before it is fixed: the agency id and the desk number go into every
    dossier code and cannot change once codes have been issued."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Check before saving"))
        self.setSubTitle(
            self.tr(
                "The electronic id and the desk number go into every dossier "
                "code: they cannot be changed once a code has been issued. "
                "Go back to correct anything."
            )
        )
        self.summary = QLabel(self)
        self.summary.setObjectName("summaryLabel")
        self.summary.setWordWrap(True)
        self.summary.setTextFormat(Qt.TextFormat.RichText)
        self.error = QLabel(self)
        self.error.setStyleSheet("color: #b00020;")
        self.error.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.error)
        layout.addStretch(1)

    def initializePage(self) -> None:  # noqa: N802
        from html import escape

        v = self.wizard().values()
        rows = [
            (self.tr("Electronic id"), v["agency_id"].strip().upper()),
            (self.tr("Agency"), v["agency_name"]),
            (self.tr("Parent authority"), v["parent_name"]),
            (self.tr("Place"), v["place"]),
            (self.tr("Desk number"), str(v["desk_no"])),
            (self.tr("Officer"), v["officer"]),
            (self.tr("Officer's phone"), v["officer_phone"] or "—"),
            (
                self.tr("First dossier code of a day"),
                f"{v['agency_id'].strip().upper()}-YYMMDD-{v['desk_no']:04d}",
            ),
        ]
        self.summary.setText(
            "<table cellspacing='4'>"
            + "".join(
                f"<tr><td>{escape(k)}:</td><td><b>{escape(str(x).strip())}</b></td></tr>"
                for k, x in rows
            )
            + "</table>"
        )

    def nextId(self) -> int:  # noqa: N802
        return -1


class _DemoPage(QWizardPage):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Demo agency"))
        self.setSubTitle(
            self.tr(
                "Everything works, with the sample procedure catalog. Every "
                "printed form carries the mark “BẢN DÙNG THỬ” and has no "
                "legal value."
            )
        )
        self.officer = QLineEdit(self)
        self.officer.setObjectName("demoOfficerEdit")
        self.error = QLabel(self)
        self.error.setStyleSheet("color: #b00020;")
        self.error.setWordWrap(True)
        form = QFormLayout(self)
        label = QLabel(self.tr("Your &name (optional):"), self)
        label.setBuddy(self.officer)
        form.addRow(label, self.officer)
        form.addRow(self.error)

    def nextId(self) -> int:  # noqa: N802
        return -1


class FirstStartWizard(QWizard):
    """`done_setup(AgencyInfo)` once the desk exists."""

    done_setup = Signal(object)

    def __init__(self, worker: Worker, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("firstStartWizard")
        self.setWindowTitle(self.tr("Set up the desk"))
        self.setWindowModality(Qt.WindowModality.WindowModal)
        self.setWizardStyle(QWizard.WizardStyle.ClassicStyle)
        self.setOption(QWizard.WizardOption.NoBackButtonOnStartPage, True)
        self._worker = worker
        self.welcome = _WelcomePage(self)
        self.agency = _AgencyPage(self)
        self.desk = _DeskPage(self)
        self.demo = _DemoPage(self)
        self.setPage(WELCOME, self.welcome)
        self.setPage(AGENCY, self.agency)
        self.setPage(DESK, self.desk)
        self.setPage(DEMO, self.demo)
        self.summary = _SummaryPage(self)
        self.setPage(SUMMARY, self.summary)
        self.setStartId(WELCOME)
        self.setButtonText(QWizard.WizardButton.NextButton, self.tr("&Next >"))
        self.setButtonText(QWizard.WizardButton.BackButton, self.tr("< &Back"))
        self.setButtonText(QWizard.WizardButton.FinishButton, self.tr("&Finish"))
        self.setButtonText(QWizard.WizardButton.CancelButton, self.tr("Cancel"))
        self.resize(620, 440)
        self._busy = False

    @property
    def is_demo(self) -> bool:
        return self.welcome.demo.isChecked()

    def values(self) -> dict:
        return dict(
            agency_id=self.agency.agency_id.text(),
            agency_name=self.agency.agency_name.text(),
            parent_name=self.agency.parent_name.text(),
            place=self.agency.place.text(),
            desk_no=self.desk.desk_no.value(),
            officer=self.desk.officer.text(),
            officer_phone=self.desk.phone.text(),
        )

    def accept(self) -> None:
        """Finish: create the desk on the worker; close only when that worked."""
        if self._busy:
            return
        self._busy = True
        self.button(QWizard.WizardButton.FinishButton).setEnabled(False)
        if self.is_demo:
            officer = self.demo.officer.text().strip()

            def run(svc):
                return _init_demo(svc, officer)
        else:
            values = self.values()

            def run(svc):
                return svc.settings.init_desk(**values)

        self._worker.mutate(
            run, success=self._created, failure=self._failed, owner=self, kinds=("settings",)
        )

    def _created(self, agency: Any) -> None:
        self._busy = False
        self.done_setup.emit(agency)
        super().accept()

    def _failed(self, err: BaseException) -> None:
        self._busy = False
        self.button(QWizard.WizardButton.FinishButton).setEnabled(True)
        page = self.currentPage()
        label = getattr(page, "error", None)
        if label is not None:
            label.setText(errors.message(err))
