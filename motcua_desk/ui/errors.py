"""What the officer reads when something is refused or goes wrong.

Domain errors carry a stable code, parameters and (for validation) a field; here each code
becomes a plain sentence through Qt Linguist (English source, Vietnamese translation). An
unexpected exception becomes one calm message with the path of the log file, and nothing the
officer typed is touched: views never clear a form before the service has said yes.
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, Qt
from PySide6.QtWidgets import QMessageBox, QWidget

from motcua_desk.domain.errors import DomainError, IllegalTransition, ValidationError
from motcua_desk.ui import labels

log = logging.getLogger("motcua.ui.errors")


translate = QCoreApplication.translate


class Notice(Exception):
    """A failure whose text is already a sentence for the officer (shown as it is)."""


def field_label(name: str) -> str:
    names = {
        "applicant_name": translate("Errors", "Applicant's name"),
        "id_number": translate("Errors", "Citizen ID"),
        "phone": translate("Errors", "Phone"),
        "email": translate("Errors", "E-mail"),
        "address": translate("Errors", "Address"),
        "sets": translate("Errors", "Number of sets"),
        "reason": translate("Errors", "Reason"),
        "new_due": translate("Errors", "New return date"),
        "received_at": translate("Errors", "Time received"),
        "at": translate("Errors", "Time"),
        "text": translate("Errors", "Note"),
        "note": translate("Errors", "Note"),
        "officer": translate("Errors", "Officer"),
        "agency_id": translate("Errors", "Agency id"),
        "agency_name": translate("Errors", "Agency name"),
        "parent_name": translate("Errors", "Parent authority"),
        "place": translate("Errors", "Place"),
        "desk_no": translate("Errors", "Desk number"),
        "cutoff": translate("Errors", "Cut-off"),
        "office_hours": translate("Errors", "Office hours"),
        "transfer_deadline": translate("Errors", "Transfer deadline"),
        "receiver": translate("Errors", "Receiver"),
        "giver": translate("Errors", "Giver"),
        "to_name": translate("Errors", "Collected by"),
        "document": translate("Errors", "Document"),
        "count": translate("Errors", "Count"),
        "codes": translate("Errors", "Dossier codes"),
        "procedure": translate("Errors", "Procedure"),
        "day": translate("Errors", "Day"),
        "kind": translate("Errors", "Kind"),
        "legal_ref": translate("Errors", "Legal reference"),
        "birth_date": translate("Errors", "Date of birth"),
        "issue_date": translate("Errors", "Date of issue"),
        "sex": translate("Errors", "Sex"),
        "rating_reason": translate("Errors", "Reason for the rating"),
        "ticket": translate("Errors", "Queue ticket"),
        "fee_amount": translate("Errors", "Fee collected"),
        "fee_method": translate("Errors", "Payment method"),
        "receipt_ref": translate("Errors", "E-receipt reference"),
    }
    return names.get(name, name.replace("_", " "))


def _action_name(action: str) -> str:
    names = {
        "receive": translate("Errors", "receive"),
        "request_supplement": translate("Errors", "ask for supplements on"),
        "resubmit": translate("Errors", "take the supplements of"),
        "refuse_at_intake": translate("Errors", "refuse"),
        "refuse_after_appraisal": translate("Errors", "refuse"),
        "hand_off": translate("Errors", "hand off"),
        "receive_result": translate("Errors", "take the result of"),
        "extend": translate("Errors", "extend"),
        "return": translate("Errors", "return the result of"),
        "stop": translate("Errors", "stop"),
        "add_note": translate("Errors", "add a note to"),
        "void": translate("Errors", "void"),
        "print": translate("Errors", "print"),
        "rate": translate("Errors", "rate"),
    }
    return names.get(action, action.replace("_", " "))


def _illegal(err: IllegalTransition) -> str:
    """By the error's reason and action, never by its English wording."""
    reason = getattr(err, "reason", "") or str(err.params.get("reason", "") or "")
    if reason == "extended_once":
        return translate("Errors", "The return date may be reset only once.")
    if reason == "already_there":
        return translate("Errors", "The dossier is already at that department.")
    if reason == "handed_off":
        return translate("Errors", "The dossier has already gone to a department: it can no longer be refused "
                  "at intake.")
    if reason == "already_rated":
        return translate("Errors", "This dossier was already rated: a dossier is rated once.")
    if reason == "already_received":
        return translate("Errors", "This dossier was already received.")
    return translate("Errors", "You cannot {action} a dossier whose status is “{status}”.").format(
        action=_action_name(err.action), status=labels.status_label(str(err.status)))


def message(err: BaseException) -> str:
    """One sentence for the officer (in the window's language)."""
    if isinstance(err, IllegalTransition):
        return _illegal(err)
    if isinstance(err, Notice):
        return str(err)
    if not isinstance(err, DomainError):
        return unexpected_message()
    p = err.params
    code = err.code
    if code == "hub_refused":
        return sync_problem(str(p.get("error") or "refused"))
    if code in SYNC_CODES:
        return sync_problem(code)
    if code == "clock_wrong" and p.get("kind") == "before_last":
        return translate("Errors", "Nothing was recorded: this computer's clock is earlier "
                         "than this desk's last record. Set the computer's date and time "
                         "right, then do it again.")
    text = texts().get(code)
    if text is None:
        log.warning("no message for the error code %r (%s)", code, err)
        return translate("Errors", "The action was refused: {detail}").format(detail=str(err))
    fld = field_label(str(p.get("name") or getattr(err, "field", "") or ""))
    values = {"field": fld, "max": p.get("max", ""), "char": p.get("char", ""),
              "low": p.get("low", ""), "high": p.get("high", ""), "value": p.get("value", ""),
              "dossier": p.get("dossier", ""), "department": labels.unit_label(
                  str(p.get("department", ""))), "held_by": labels.unit_label(
                  str(p.get("held_by", ""))),
              "dossiers": ", ".join(p.get("dossiers", []) or []),
              "expected": ", ".join(p.get("expected", []) or []),
              "path": p.get("path", ""),
              "file": Path(str(p.get("file") or "")).name,
              "detail": _restore_reason(str(p.get("reason", "")), str(p.get("path", "")))
              if code == "restore_refused" else ""}
    return text.format(**values)


def texts() -> dict[str, str]:
    """Each error code's sentence, in the window's language. Only the code and the error's
    parameters choose it, never the English message: rewording that changes nothing here."""
    return {
        "name_empty": translate("Errors", "Enter the applicant's name."),
        "name_too_long": translate("Errors", "The name is longer than {max} characters."),
        "name_bad_char": translate("Errors", "The name contains the character “{char}”."),
        "name_absurd": translate("Errors", "This does not look like a person's or an organisation's name."),
        "id_number_format": translate("Errors", "A citizen ID (CCCD) has exactly 12 digits."),
        "phone_format": translate("Errors", "A phone number has 10 digits starting with 0 (mobile) or 11 "
                           "digits starting with 02 (landline)."),
        "email_format": translate("Errors", "This e-mail address is not valid."),
        "cccd_qr_shape": translate("Errors", "This is not the QR code of a citizen ID card: "
                                   "nothing was filled in."),
        "cccd_qr_id": translate("Errors", "The ID card's QR code holds a citizen ID that is "
                                "not 12 digits: nothing was filled in."),
        "cccd_qr_name": translate("Errors", "The ID card's QR code holds no valid name: "
                                  "nothing was filled in."),
        "cccd_qr_date": translate("Errors", "The ID card's QR code holds a date that is not "
                                  "valid ({field}): nothing was filled in."),
        "cccd_qr_sex": translate("Errors", "The ID card's QR code holds a sex that is neither "
                                 "Nam nor Nữ: nothing was filled in."),
        "cccd_qr_address": translate("Errors", "The ID card's QR code holds an address that is "
                                     "too long or has a control character: nothing was filled "
                                     "in."),
        "sex_value": translate("Errors", "Choose the sex: Nam or Nữ."),
        "birth_date": translate("Errors", "The date of birth is not a valid date (DD/MM/YYYY, "
                                "not in the future)."),
        "rating_range": translate("Errors", "Choose a rating: 1 Very satisfied, 2 Satisfied, 3 "
                                  "Not satisfied."),
        "rating_reason_required": translate("Errors", "“Not satisfied” needs a reason: ask the "
                                            "citizen what went wrong."),
        "address_too_long": translate("Errors", "The address is longer than {max} characters."),
        "ticket_too_long": translate("Errors", "The queue ticket is longer than {max} "
                                     "characters."),
        "ticket_format": translate("Errors", "A queue ticket is letters and digits, for example "
                                   "A023 or B-105."),
        "fee_not_number": translate("Errors", "The fee is not a whole number of đồng (for "
                                    "example 20000 or 20.000)."),
        "search_empty": translate("Errors", "Type what to look for: a dossier code, a name, a "
                                  "CCCD or a phone number."),
        "id_last4_format": translate("Errors", "Type the last 4 digits of the citizen ID "
                                     "card."),
        "fee_negative": translate("Errors", "The fee collected cannot be negative."),
        "fee_too_large": translate("Errors", "The fee is too large: check the amount."),
        "fee_method": translate("Errors", "Choose the payment method: cash, bank transfer, card "
                                "or exempt."),
        "fee_exempt_amount": translate("Errors", "An exempt fee collects nothing: the amount "
                                       "must be 0."),
        "fee_zero": translate("Errors", "Nothing collected: write the amount, or choose "
                              "“exempt”."),
        "fee_amount_missing": translate("Errors", "Write the amount collected (or only the "
                                        "e-receipt reference, after intake)."),
        "receipt_ref_format": translate("Errors", "An e-receipt reference is letters, digits "
                                        "and - / . _ # :"),
        "required": translate("Errors", "{field} must not be empty."),
        "control_char": translate("Errors", "{field} contains an invisible control character "
                                  "({char}): type it again without it."),
        "too_long": translate("Errors", "{field} is longer than {max} characters."),
        "count_range": translate("Errors", "{field} must be a whole number from {low} to {high}."),
        "moment_future": translate("Errors", "That time is in the future."),
        "moment_too_old": translate("Errors", "That time is more than a year ago."),
        "moment_before_receipt": translate("Errors", "That time is before the dossier's last step."),
        "unknown_code": translate("Errors", "No dossier has the code {value}."),
        "code_format": translate("Errors", "This is not a dossier code."),
        "unknown_procedure": translate("Errors", "There is no procedure with the code {value}."),
        "unknown_department": translate("Errors", "There is no department called {value}."),
        "supplement_window": translate("Errors", "A department may ask for supplements only within 3 working "
                                "days of receiving the dossier."),
        "new_due_not_later": translate("Errors", "The new return date must be later than the current one."),
        "new_due_too_far": translate("Errors", "The new return date may be at most {max} days "
                                     "after the current one."),
        "identity_locked": translate("Errors", "The agency id and the desk number cannot change once this "
                              "desk has issued dossier codes."),
        "agency_id_format": translate("Errors", "An agency id looks like 000.17.22.H56: letters and digits in "
                               "groups separated by dots."),
        "desk_no_range": translate("Errors", "The desk number is from 1 to {high}."),
        "time_format": translate("Errors", "Write a time of day as HH:MM, for example 15:00."),
        "office_hours_format": translate("Errors", "Write the office hours as 07:30-11:30,13:00-17:00."),
        "invalid_office_hours": translate("Errors", "These office hours are not valid: the periods must be in "
                                   "order and must not overlap."),
        "override_kind": translate("Errors", "A calendar change is either an extra day off or an extra "
                            "working day."),
        "invalid_override": translate("Errors", "This calendar change is not valid."),
        "conflicting_override": translate("Errors", "This calendar change contradicts another one."),
        "range": translate("Errors", "The end date is before the start date."),
        "scan_file": translate("Errors", "The file {file} cannot be attached as a scan: it must "
                               "be a readable, complete PDF or image (JPG, PNG, TIFF)."),
        "pages": translate("Errors", "The number of pages declared must be a whole number "
                           "from 0 to 99999."),
        "scan_mixed": translate("Errors", "A PDF is attached alone, as it is: attach either one "
                                "PDF or images (the images become one PDF)."),
        "document_line": translate("Errors", "This dossier has no such document line."),
        "digitisation_state": translate("Errors", "A paper without a copy kept is marked either "
                                        "shown only or classified."),
        "reuse_other_citizen": translate("Errors", "That paper belongs to another citizen's "
                                         "dossier (another citizen ID): it cannot be reused "
                                         "here."),
        "reuse_nothing": translate("Errors", "The earlier dossier has no digitised paper there "
                                   "to reuse."),
        "blob_store_full": translate("Errors", "Nothing was stored: the folder of scanned files "
                                     "is full or the disk is nearly full. Ask IT to free "
                                     "space."),
        "no_blob": translate("Errors", "This desk does not hold that scanned file (it may be "
                             "on another desk): it cannot be opened here."),
        "portal_schema": translate("Errors", "This is not a portal exchange file: nothing was "
                                   "imported."),
        "portal_hash": translate("Errors", "The portal file was changed or cut after it was "
                                 "written (its hash does not match): nothing was imported."),
        "portal_value": translate("Errors", "A dossier in the portal file has a wrong value: "
                                  "nothing was imported."),
        "portal_procedure": translate("Errors", "A dossier in the portal file names a procedure "
                                      "this desk's catalog does not have: nothing was "
                                      "imported."),
        "mapping_definition": translate("Errors", "The portal mapping file is damaged: reinstall "
                                        "the application."),
        "mapping_version": translate("Errors", "There is no such version of the portal "
                                     "mapping."),
        "period_range": translate("Errors", "The end date is before the start date."),
        "period_too_long": translate("Errors", "A report period may not be longer than 10 "
                                     "years."),
        "date_format": translate("Errors", "This is not a valid date."),
        "invalid_datetime": translate("Errors", "This is not a valid date and time."),
        "return_method": translate("Errors", "Choose how the result was returned."),
        "result_delivery": translate("Errors", "Choose where the result will be collected."),
        "channel": translate("Errors", "Choose how the dossier was submitted."),
        "file_unreadable": translate("Errors", "The file cannot be read."),
        "file_encoding": translate("Errors", "The file is not UTF-8 text."),
        "file_json": translate("Errors", "The file is not valid JSON."),
        "file_schema": translate("Errors", "The file does not have the expected columns or fields."),
        "duplicate_procedure": translate("Errors", "A procedure appears twice in the file."),
        "desk_not_initialised": translate("Errors", "This desk has not been set up yet."),
        "form_not_applicable": translate("Errors", "This form does not apply to this dossier (nothing in its "
                                  "history calls for it)."),
        "not_our_database": translate("Errors", "This file is not a motcua-desk database."),
        "database_too_new": translate("Errors", "This database was written by a newer version of motcua-desk: "
                               "install the newer version."),
        "wrong_department": translate("Errors", "{dossier} is held by {held_by}, not by {department}: "
                                      "its result cannot be taken back from {department}."),
        "giver_required": translate("Errors", "The dossier is at {department}: enter who of "
                                    "{department} hands it over."),
        "redirect_unconfirmed": translate("Errors", "Not the procedure's department: {dossiers} "
                                          "should go to {expected}, not {department}."),
        "document_form": translate("Errors", "Choose the form of the document (original, "
                                   "certified copy, copy, presented)."),
        "intake_outcome": translate("Errors", "Choose how the intake ends."),
        "migration_failed": translate("Errors", "The database could not be upgraded and was left unchanged. "
                               "Call IT with the log file."),
        "invalid_event": translate("Errors", "Nothing was recorded: a value is not valid (an "
                                   "invisible or control character, a text that is too long, "
                                   "or a date outside 2000–2099). Check what you typed."),
        "restore_pending": translate("Errors", "Nothing was recorded: this database was just "
                                     "restored from a backup. Sync with the hub first (Đồng "
                                     "bộ), so that the dossiers this desk made after the "
                                     "backup come back and no dossier code is issued twice."),
        "restore_refused": translate("Errors", "This backup cannot be restored: {detail}"),
        "clock_wrong": translate("Errors", "Nothing was recorded: this computer's date and time "
                                 "cannot be right (before 2020, after 2099, or earlier than "
                                 "this desk's last record). Set the computer's date and time "
                                 "right, then do it again."),
        # the defaults of the error classes (an error raised without a code of its own)
        "domain_error": translate("Errors", "The action was refused."),
        "invalid_value": translate("Errors", "{field}: this value is not valid."),
        "not_found": translate("Errors", "What you asked for does not exist."),
        "store_error": translate("Errors", "The database refused the action. Call IT with the "
                                 "log file."),
        "read_only": translate("Errors", "This database is in a folder that cannot be written "
                               "and cannot be opened as it is there: copy it to a folder that "
                               "can be written."),
        "exists": translate("Errors", "The file {path} already exists: choose another name."),
        "unwritable": translate("Errors", "The file {path} cannot be written: choose another "
                                "folder."),
        "barcode_too_long": translate("Errors", "The dossier code is too long to be printed as "
                                      "a barcode on this form."),
        "unknown_conflict": translate("Errors", "This sync exception is no longer in the list "
                                      "(it was already dealt with)."),
        "unknown_list": translate("Errors", "There is no such list of today's dossiers."),
        "unknown_setting": translate("Errors", "A setting is not known to this version of "
                                     "motcua-desk."),
        "invalid_deadline_amount": translate("Errors", "The processing time must be a number "
                                             "greater than zero and not too long."),
        "invalid_deadline_unit": translate("Errors", "This unit of processing time is not "
                                           "known."),
        "procedure_code_format": translate("Errors", "A procedure code looks like 1.004873: a "
                                           "digit, a dot and six digits."),
        "time_unit": translate("Errors", "A procedure's processing time is in working days, "
                               "in working hours or within the same day."),
        "time_amount": translate("Errors", "A procedure's processing time must be a positive "
                                 "number of days or hours."),
        "document_count": translate("Errors", "A document's number of copies must be from 1 to "
                                    "99."),
        "period_format": translate("Errors", "This is not a report period: write a month "
                                   "(2026-11), a quarter (2026-Q4), a half-year (2026-H2) or "
                                   "a year (2026)."),
        "period_preset": translate("Errors", "This report period is not known."),
        "report_by": translate("Errors", "Choose how the figures are grouped: by field, by "
                               "procedure, by department or by field group."),
        "unknown_group": translate("Errors", "There is no field group \"{value}\"."),
        "unknown_field": translate("Errors", "The catalog has no field \"{value}\"."),
        "group_name": translate("Errors", "A field group's name is 1 to {max} characters, "
                                "without commas or colons."),
        "group_empty": translate("Errors", "The field group \"{value}\" needs at least one "
                                 "field."),
        "group_twice": translate("Errors", "The field group \"{value}\" is written twice."),
        "field_in_group": translate("Errors", "The field \"{value}\" is already in another "
                                    "group: a field belongs to one group."),
        "group_line": translate("Errors", "Write each field group on its own line as "
                                "\"Name: field, field\"."),
        "report_scope": translate("Errors", "Choose whose figures these are: this desk's or the "
                                  "whole office's."),
        "report_setting": translate("Errors", "A report setting is not valid."),
        "report_column": translate("Errors", "The report has no such column."),
        "report_calendar": translate("Errors", "The working calendar is not available: the "
                                     "handoff steps cannot be timed."),
        "unknown_form": translate("Errors", "There is no such report form."),
        "form_definition": translate("Errors", "The report form definition is damaged. Call IT "
                                     "with the log file."),
    }


def _restore_reason(reason: str, path: str) -> str:
    """Why a backup cannot be restored (RestoreRefused's reason), for the officer."""
    reasons = {
        "missing": translate("Errors", "the file {path} does not exist."),
        "folder": translate("Errors", "{path} is a folder: choose the backup file in it."),
        "not_sqlite": translate("Errors", "{path} is not a database file."),
        "wal_content": translate("Errors", "{path} is a database in use, not a backup (its "
                                 "last changes are still in its -wal file beside it)."),
        "not_ours": translate("Errors", "{path} is not a motcua-desk database."),
        "damaged": translate("Errors", "{path} is damaged: choose another backup."),
        "unreadable": translate("Errors", "{path} cannot be read as a desk database."),
        "never_set_up": translate("Errors", "{path} is a desk database that was never set up: "
                                  "there is nothing to restore."),
        "in_use": translate("Errors", "the desk database is in use by another motcua-desk "
                            "window or command: close it first."),
        "itself": translate("Errors", "{path} is this desk's database itself, not a backup of "
                            "it."),
        "other_desk": translate("Errors", "{path} is a backup of another desk computer: it "
                                "cannot replace this desk's database."),
    }
    text = reasons.get(reason)
    if text is None:
        return translate("Errors", "the file {path} is not a backup of this desk.").format(
            path=path)
    return text.format(path=path)


SYNC_CODES = ("hub_unavailable", "no_hub", "sync_error", "hub_url", "sync_integrity", "cafile")


def sync_problem(code: str) -> str:
    """Why sync did not work, for the officer: `code` is the engine's (hub_unavailable, …) or
    the hub's refusal code (unauthorized, desk_no_mismatch, …)."""
    texts = {
        "hub_unavailable": translate(
            "Errors", "The sync server cannot be reached. Check the server address, the "
            "network cable and that the server is on. The desk keeps working: what it does "
            "is sent when the server answers again."),
        "no_hub": translate("Errors", "No sync server is set up for this desk (Settings, "
                            "Sync)."),
        "hub_url": translate("Errors", "A server address looks like http://192.168.1.10:8765 "
                             "(or https://…)."),
        "cafile": translate(
            "Errors", "The certificate file (CA) of the server cannot be used: it does not "
            "exist, cannot be read or is not a PEM certificate. Choose the cert.pem file IT "
            "gave for this server."),
        "sync_integrity": translate(
            "Errors", "Data from the server did not match its checksum and was not taken. "
            "Tell IT (the server's data may be damaged)."),
        "unauthorized": translate(
            "Errors", "The server does not accept this access token. Check the token of this "
            "desk (IT gives it with the command hub add-desk)."),
        "desk_no_mismatch": translate(
            "Errors", "This token is registered on the server for another desk number than "
            "this desk's: the two desks' dossier codes could collide. Ask IT to check the "
            "desk number."),
        "node_mismatch": translate(
            "Errors", "This token belongs to another desk computer. Use this desk's own "
            "token, or ask IT for a new one if this computer replaced the old one."),
        "desk_disabled": translate("Errors", "This desk has been turned off on the server: "
                                   "contact IT."),
        "sync_error": translate("Errors", "Sync did not work; the details are in the log "
                                "file, which you can send to IT."),
        "unexpected": translate("Errors", "Sync stopped on an unexpected error; the details "
                                "are in the log file, which you can send to IT."),
        "unsupported_protocol": translate(
            "Errors", "The server runs a different version of motcua-desk: update the "
            "program."),
    }
    text = texts.get(code)
    if text is None:
        return translate("Errors", "The sync server refused the request ({code}): contact IT "
                         "with the log file.").format(code=code or "?")
    return text


def field_of(err: BaseException) -> str:
    """The form field an error is about ("" when it is about no field)."""
    if isinstance(err, ValidationError):
        return err.field
    return ""


def unexpected_message(log_path: Path | str | None = None) -> str:
    text = translate("Errors", "Something unexpected went wrong; nothing you typed has been lost. The details "
              "are in the log file, which you can send to IT:")
    return f"{text}\n{log_path}" if log_path else text


class ErrorPresenter(QObject):
    """Shows errors: a refusal in the window's message bar (or a box when there is no bar),
    an unexpected failure in a box with the log path. Boxes are window-modal and opened with
    open(), never exec(): nothing waits on them, and tests can close them."""

    def __init__(self, parent: QWidget, log_path: Path | str | None = None,
                 notify=None) -> None:
        super().__init__(parent)
        self._parent = parent
        self._log_path = log_path
        self._notify = notify  # callable(text) for refusals, e.g. the message bar
        self.last_box: QMessageBox | None = None

    def present(self, err: BaseException, parent: QWidget | None = None) -> None:
        if isinstance(err, (DomainError, Notice)):
            text = message(err)
            if self._notify is not None and parent is None:
                self._notify(text)
            else:
                self._box(QMessageBox.Icon.Warning, text, parent)
        else:
            log.error("unexpected failure shown to the officer: %r", err)
            self._box(QMessageBox.Icon.Critical, unexpected_message(self._log_path), parent)

    def _box(self, icon: QMessageBox.Icon, text: str, parent: QWidget | None) -> None:
        box = QMessageBox(icon, QCoreApplication.translate("Errors", "motcua-desk"), text,
                          QMessageBox.StandardButton.Ok, parent or self._parent)
        box.setObjectName("errorBox")
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.last_box = box
        box.open()
