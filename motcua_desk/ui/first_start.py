"""The first start: a short wizard that sets up this desk (agency id, names, place, desk
number, officer) — or a clearly marked demo agency with the seed catalog, so that a newcomer
can try everything at once. Finishing runs init_desk on the worker; the wizard closes only
when the services have accepted the values. Each page's layout is a form,
forms/first_start_*.ui; its class here keeps the page's behaviour (where Next goes, the checks
before it)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QWidget, QWizard, QWizardPage

from motcua_desk.domain import codes, validation
from motcua_desk.domain.errors import ValidationError
from motcua_desk.ui import errors
from motcua_desk.ui.forms.ui_first_start_agency import Ui_FirstStartAgencyForm
from motcua_desk.ui.forms.ui_first_start_demo import Ui_FirstStartDemoForm
from motcua_desk.ui.forms.ui_first_start_desk import Ui_FirstStartDeskForm
from motcua_desk.ui.forms.ui_first_start_summary import Ui_FirstStartSummaryForm
from motcua_desk.ui.forms.ui_first_start_welcome import Ui_FirstStartWelcomeForm
from motcua_desk.ui.worker import Worker

if TYPE_CHECKING:
    from motcua_desk.domain.dto import AgencyInfo
    from motcua_desk.services import Services

WELCOME, AGENCY, DESK, DEMO, SUMMARY = range(5)


def _init_demo(svc: Services, officer: str) -> AgencyInfo:
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
        self.ui = Ui_FirstStartWelcomeForm()
        self.ui.setupUi(self)  # the title, the two choices (a real desk checked), the note
        self.real = self.ui.realRadio
        self.demo = self.ui.demoRadio

    def nextId(self) -> int:  # noqa: N802
        return DEMO if self.demo.isChecked() else AGENCY


class _AgencyPage(QWizardPage):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = Ui_FirstStartAgencyForm()
        self.ui.setupUi(self)  # the title, the agency's id, names and place, the error line
        self.agency_id = self.ui.agencyIdEdit
        self.agency_name = self.ui.agencyNameEdit
        self.parent_name = self.ui.parentNameEdit
        self.place = self.ui.placeEdit
        self.error = self.ui.errorLabel

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
        self.ui = Ui_FirstStartDeskForm()
        self.ui.setupUi(self)  # the title, the desk number (1–9), the officer, the error line
        self.desk_no = self.ui.deskNoSpin
        self.officer = self.ui.officerEdit
        self.phone = self.ui.officerPhoneEdit
        self.error = self.ui.errorLabel

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
        self.ui = Ui_FirstStartSummaryForm()
        self.ui.setupUi(self)  # the title and warning, the summary (rich text), the error line
        self.summary = self.ui.summaryLabel
        self.error = self.ui.errorLabel

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
        self.ui = Ui_FirstStartDemoForm()
        self.ui.setupUi(self)  # the title and the demo's warning, the officer's name, the error
        self.officer = self.ui.demoOfficerEdit
        self.error = self.ui.errorLabel

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

    def _created(self, agency: AgencyInfo) -> None:
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
