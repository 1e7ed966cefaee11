"""Translated names of the codes the services hand over (status, event type, timing, return
method, document form, form kind, today list, action) and the window's date formats.

The domain has Vietnamese labels for print; the window has its own, through Qt Linguist, so
that the English interface is English.
"""

from __future__ import annotations

from datetime import date, datetime

from PySide6.QtCore import QCoreApplication

translate = QCoreApplication.translate


def status_label(status: str) -> str:
    labels = {
        "received": translate("Labels", "Received"),
        "refused": translate("Labels", "Refused at intake"),
        "in_process": translate("Labels", "In process"),
        "supplement_requested": translate("Labels", "Waiting for supplements"),
        "stopped": translate("Labels", "Stopped at the applicant's request"),
        "rejected": translate("Labels", "Refused after appraisal"),
        "result_ready": translate("Labels", "Result ready, not collected"),
        "returned": translate("Labels", "Result returned"),
        "voided": translate("Labels", "Voided"),
    }
    return labels.get(status, status)


STATUSES = ("received", "in_process", "supplement_requested", "result_ready", "returned",
            "refused", "rejected", "stopped", "voided")


def event_label(event_type: str) -> str:
    labels = {
        "received": translate("Labels", "Dossier received"),
        "supplement_requested": translate("Labels", "Supplement requested"),
        "resubmitted": translate("Labels", "Supplemented dossier received"),
        "refused_at_intake": translate("Labels", "Refused at intake"),
        "refused_after_appraisal": translate("Labels", "Refused after appraisal"),
        "handed_off": translate("Labels", "Handed off"),
        "result_received": translate("Labels", "Result received"),
        "extended": translate("Labels", "Apology and new date"),
        "returned": translate("Labels", "Result returned"),
        "stopped": translate("Labels", "Stopped"),
        "note": translate("Labels", "Note"),
        "voided": translate("Labels", "Voided"),
        "printed": translate("Labels", "Printed"),
        "rated": translate("Labels", "Satisfaction rated"),
        "fee_recorded": translate("Labels", "Fee recorded"),
        "digitised": translate("Labels", "Papers digitised"),
    }
    return labels.get(event_type, event_type)


def rating_label(rating: int) -> str:
    labels = {1: translate("Labels", "Very satisfied"), 2: translate("Labels", "Satisfied"),
              3: translate("Labels", "Not satisfied")}
    return labels.get(rating, "")


def sex_label(sex: str) -> str:
    labels = {"male": translate("Labels", "Male"), "female": translate("Labels", "Female")}
    return labels.get(sex, "")


def fee_method_label(method: str) -> str:
    labels = {"cash": translate("Labels", "Cash"), "transfer": translate("Labels", "Bank transfer"),
              "card": translate("Labels", "Card"), "exempt": translate("Labels", "Exempt")}
    return labels.get(method, method)


FEE_METHODS = ("cash", "transfer", "card", "exempt")


def fmt_vnd(amount: int) -> str:
    """20000 -> "20.000 đ"."""
    return f"{amount:,} đ".replace(",", ".")


def timing_label(timing: str) -> str:
    labels = {"early": translate("Labels", "Early"), "on_time": translate("Labels", "On time"), "late": translate("Labels", "Late")}
    return labels.get(timing, "")


def return_method_label(method: str) -> str:
    labels = {"counter": translate("Labels", "At the counter"), "post": translate("Labels", "By post"), "online": translate("Labels", "Online")}
    return labels.get(method, method)


RETURN_METHODS = ("counter", "post", "online")


def channel_label(channel: str) -> str:
    labels = {"direct": translate("Labels", "In person"), "post": translate("Labels", "By post"), "online": translate("Labels", "Online")}
    return labels.get(channel, channel)


CHANNELS = ("direct", "post", "online")


def delivery_label(delivery: str) -> str:
    labels = {"counter": translate("Labels", "At the one-stop desk"), "post": translate("Labels", "By post")}
    return labels.get(delivery, delivery)


DELIVERIES = ("counter", "post")


def document_form_label(form: str) -> str:
    labels = {"original": translate("Labels", "Original"), "certified_copy": translate("Labels", "Certified copy"),
              "copy": translate("Labels", "Copy"), "presented": translate("Labels", "Shown")}
    return labels.get(form, form)


# the form codes in the order the window offers them (their printed names: domain.catalog
# DOCUMENT_FORM_LABELS_VI)
DOCUMENT_FORMS = ("original", "certified_copy", "copy", "presented")


def form_title(kind: str) -> str:
    labels = {
        "slip": translate("Labels", "Receipt and appointment slip (Form 01)"),
        "supplement": translate("Labels", "Request to supplement (Form 02)"),
        "refusal": translate("Labels", "Refusal to accept (Form 03)"),
        "apology": translate("Labels", "Apology and new return date (Form 04)"),
        "stop": translate("Labels", "Notice of stop (Form 05)"),
        "control": translate("Labels", "Handoff control sheet (Form 06)"),
        "ledger": translate("Labels", "Dossier ledger (Form 07)"),
        "handoff_list": translate("Labels", "Daily handoff list"),
        "cash_sheet": translate("Labels", "Daily cash sheet (not a receipt)"),
    }
    return labels.get(kind, kind)


def today_label(kind: str) -> str:
    labels = {
        "due_today": translate("Labels", "Due today"),
        "due_soon": translate("Labels", "Due within 1 working day"),
        "overdue": translate("Labels", "Overdue"),
        "waiting_long": translate("Labels", "Too long at a department"),
        "results_waiting": translate("Labels", "Results waiting for the citizen"),
        "received_today": translate("Labels", "Received today"),
    }
    return labels.get(kind, kind)


TODAY_KINDS = ("due_today", "due_soon", "overdue", "waiting_long", "results_waiting",
               "received_today")


def unit_label(unit: str) -> str:
    """A place the paper dossier can be: the desk, or a department (its name is data)."""
    if unit in ("desk", "Bộ phận Một cửa", ""):
        return translate("Labels", "One-stop desk")
    return unit


def weekday(d: date) -> str:
    names = (translate("Labels", "Monday"), translate("Labels", "Tuesday"), translate("Labels", "Wednesday"), translate("Labels", "Thursday"), translate("Labels", "Friday"),
             translate("Labels", "Saturday"), translate("Labels", "Sunday"))
    return names[d.weekday()]


def fmt_date(d: date | datetime | None) -> str:
    if d is None:
        return ""
    return f"{d:%d/%m/%Y}"


def fmt_moment(moment: datetime | None) -> str:
    """09:10 23/11/2026 — the way the forms write a moment, short."""
    if moment is None:
        return ""
    return f"{moment:%H:%M %d/%m/%Y}"


def fmt_due(moment: datetime | None) -> str:
    """17:00, Monday 23/11/2026 — a due moment, with its weekday."""
    if moment is None:
        return ""
    return translate("Labels", "{time}, {weekday} {date}").format(
        time=f"{moment:%H:%M}", weekday=weekday(moment.date()), date=f"{moment:%d/%m/%Y}")
