"""What the lookup station says to the citizen: the status of a dossier in plain words, what
to bring to the counter, and a procedure with its papers, as text and simple HTML. Apart from
the window (ui.kiosk) because it is the station's wording, not its behaviour: functions of a
looked-up dossier or procedure, translated in the "KioskWindow" context.
"""

from __future__ import annotations

import html
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

from motcua_desk.domain.catalog import public_time
from motcua_desk.ui import labels

if TYPE_CHECKING:
    from motcua_desk.domain.dto import ProcedureView
    from motcua_desk.services.lookup import PublicDossier

translate = QCoreApplication.translate


def status_text(d: PublicDossier) -> str:
    """The status in plain words, for the citizen."""
    s = d.status
    if s == "result_ready":
        return translate("KioskWindow", "The result is ready.")
    if s in ("received", "in_process"):
        if d.overdue:
            return translate(
                "KioskWindow",
                "Your dossier is being processed, and it is late: we apologise. "
                "Please ask at the counter when it will be ready.",
            )
        if d.extended:
            return translate(
                "KioskWindow",
                "Your dossier is being processed. The return date was moved "
                "(a letter of apology was sent); the new date is below.",
            )
        return translate("KioskWindow", "Your dossier is being processed.")
    texts = {
        "supplement_requested": translate(
            "KioskWindow", "Your dossier needs more papers before it can be processed."
        ),
        "returned": translate("KioskWindow", "The result was handed over on {when}.").format(
            when=labels.fmt_moment(d.returned_at)
        ),
        "refused": translate(
            "KioskWindow", "The dossier was not accepted. Please ask at the counter."
        ),
        "rejected": translate(
            "KioskWindow", "The dossier was refused after review. Please ask at the counter."
        ),
        "stopped": translate("KioskWindow", "The processing was stopped at your request."),
        "voided": translate(
            "KioskWindow", "This dossier was cancelled. Please ask at the counter."
        ),
    }
    return texts.get(s, translate("KioskWindow", "Please ask at the counter."))


def bring_text(d: PublicDossier) -> str:
    """What to bring, as simple HTML (escaped)."""
    slip = translate("KioskWindow", "your appointment slip")
    s = d.status
    if s == "result_ready":
        items = [
            slip,
            translate("KioskWindow", "your citizen ID card (CCCD)"),
            translate(
                "KioskWindow",
                "someone collecting for you brings a letter of authorisation and their own ID card",
            ),
        ]
    elif s == "supplement_requested":
        items = (
            [slip, *d.supplement_items]
            if d.supplement_items
            else [slip, translate("KioskWindow", "the papers the counter asked for")]
        )
    elif s in ("received", "in_process"):
        items = [slip, translate("KioskWindow", "your citizen ID card (CCCD)")]
    elif s in ("refused", "rejected", "voided"):
        items = [slip, translate("KioskWindow", "your citizen ID card (CCCD)")]
    else:
        return ""
    head = (
        translate("KioskWindow", "Please bring:")
        if s != "received" and s != "in_process"
        else translate("KioskWindow", "When you come to collect the result, bring:")
    )
    lis = "".join(f"<li>{html.escape(i)}</li>" for i in items)
    return f"<b>{html.escape(head)}</b><ul>{lis}</ul>"


def procedure_html(p: ProcedureView) -> str:
    e = html.escape
    copies = translate("KioskWindow", "{n} copy(ies)")
    papers, legal_title = (
        translate("KioskWindow", "Papers to submit"),
        translate("KioskWindow", "Legal basis"),
    )
    docs = "".join(
        f"<li>{e(d.name)} — {e(labels.document_form_label(d.form))}, "
        f"{e(copies.format(n=d.count))}</li>"
        for d in p.documents
    )
    rows = [
        (translate("KioskWindow", "Code"), p.code),
        (translate("KioskWindow", "Field"), p.field),
        (translate("KioskWindow", "Processing time"), public_time(p.time_text, p.time_label)),
        (translate("KioskWindow", "Fee"), p.fee_text or translate("KioskWindow", "None")),
        (translate("KioskWindow", "Where to collect the result"), p.result_place),
    ]
    table = "".join(f"<tr><td><b>{e(k)}:</b></td><td>{e(v)}</td></tr>" for k, v in rows if v)
    legal = "".join(f"<li>{e(x)}</li>" for x in p.legal_basis)
    out = (
        f"<p style='font-size: 18pt; font-weight: bold;'>{e(p.name)}</p>"
        f"<table cellspacing='4'>{table}</table>"
    )
    out += f"<h3>{e(papers)}</h3><ul>{docs}</ul>" if docs else ""
    out += f"<h3>{e(legal_title)}</h3><ul>{legal}</ul>" if legal else ""
    return out
