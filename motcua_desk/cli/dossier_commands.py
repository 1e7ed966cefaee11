"""Dossier commands: intake, find, show and the lifecycle actions (one unit of work each)."""

from __future__ import annotations

import sys

from motcua_desk.cli.common import (
    Context,
    detail_json,
    dossier_json,
    emit_json,
    fmt,
    parse_day,
    parse_moment,
    print_dossier,
)
from motcua_desk.domain import cccd
from motcua_desk.domain.errors import ValidationError
from motcua_desk.services import IntakeRequest


def register(sub) -> None:
    """The dossier sub-commands (core.register calls it, so --help lists them where it did)."""
    p = sub.add_parser("intake", help="receive a dossier and issue its code")
    p.add_argument("--procedure", required=True, metavar="CODE")
    p.add_argument(
        "--applicant", default=None, metavar="NAME", help="required unless --cccd-qr gives the name"
    )
    p.add_argument("--id-number", default=None, help="citizen ID (CCCD), 12 digits")
    p.add_argument(
        "--cccd-qr",
        default=None,
        metavar="PAYLOAD",
        help="the text of the QR on the citizen ID card: fills the name, CCCD, date "
        "of birth, sex and address (the other options win over it)",
    )
    p.add_argument("--birth-date", default=None, metavar="DD/MM/YYYY")
    p.add_argument("--sex", default=None, help="Nam or Nữ (male or female)")
    p.add_argument("--phone", default="")
    p.add_argument("--address", default=None)
    p.add_argument("--email", default="")
    p.add_argument("--sets", type=int, default=1)
    p.add_argument("--received-at", metavar="ISO", help="default: now")
    p.add_argument(
        "--delivery",
        choices=["counter", "post"],
        default="counter",
        help="where the result is collected",
    )
    outcome = p.add_mutually_exclusive_group()
    outcome.add_argument(
        "--supplement",
        metavar="REASON",
        default=None,
        help="received incomplete: ask to supplement (Mẫu 02), same transaction",
    )
    outcome.add_argument(
        "--refuse",
        metavar="REASON",
        default=None,
        help="received and refused (Mẫu 03), same transaction",
    )
    p.add_argument(
        "--item",
        action="append",
        default=[],
        metavar="DOC[:FORM][:COUNT]",
        help="with --supplement: a document to bring (repeat)",
    )
    p.add_argument(
        "--ticket",
        default="",
        metavar="T",
        help="the queue ticket the citizen holds (letters and digits, e.g. A023)",
    )
    _fee_options(p, "--fee-paid")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_intake)

    p = sub.add_parser("find", help="search by code, name (diacritics optional), CCCD or phone")
    p.add_argument("text")
    p.add_argument("--limit", type=int, default=50)
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_find, reads_only=True)

    p = sub.add_parser("show", help="a dossier and all its events")
    p.add_argument("code")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_show, reads_only=True)

    def action(
        name: str, help_: str, func, *, many: bool = False, reason: bool = False, at: bool = True
    ):
        q = sub.add_parser(name, help=help_)
        q.add_argument("codes" if many else "code", nargs="+" if many else None, metavar="CODE")
        if reason:
            q.add_argument("--reason", required=True)
        if at:
            q.add_argument("--at", metavar="ISO", help="when it happened (default: now)")
        q.add_argument("--json", action="store_true")
        q.set_defaults(func=func)
        return q

    q = action("handoff", "hand dossiers to a department", cmd_handoff, many=True)
    q.add_argument("--to", required=True, metavar="DEPT")
    q.add_argument("--receiver", required=True, help="who took the papers")
    q.add_argument(
        "--giver",
        default="",
        help="who handed them over (default: this desk's "
        "officer; required when a department hands to another)",
    )
    q.add_argument(
        "--redirect",
        action="store_true",
        help="confirm a handoff to another department than the procedure's",
    )
    q = action(
        "receive-result", "take results back from the department", cmd_receive_result, many=True
    )
    q.add_argument("--giver", default="", help="who brought the result")
    q.add_argument(
        "--from",
        dest="department",
        default="",
        metavar="DEPT",
        help="the department that brings them (a dossier it does not hold is refused)",
    )
    q = action(
        "supplement",
        "ask the applicant to complete the dossier (Mẫu 02)",
        cmd_supplement,
        reason=True,
    )
    q.add_argument(
        "--item",
        action="append",
        default=[],
        metavar="DOC[:FORM][:COUNT]",
        help="a document to bring (repeat); FORM original, certified_copy, copy or "
        "presented (default original), COUNT 1-99 (default 1), e.g. "
        "'Tờ khai:certified_copy:2'",
    )
    action("resubmit", "the completed dossier is back (the clock restarts)", cmd_resubmit)
    action(
        "refuse",
        "refuse the dossier (Mẫu 03 at intake, or after appraisal)",
        cmd_refuse,
        reason=True,
    )
    q = action("extend", "apology and new return date (Mẫu 04), once", cmd_extend, reason=True)
    q.add_argument("--new-due", required=True, metavar="ISO")
    q = action("return", "return the result to the applicant", cmd_return)
    q.add_argument("--to-name", required=True, metavar="NAME", help="who collected it")
    q.add_argument("--method", choices=["counter", "post", "online"], default="counter")
    q.add_argument("--id-number", default="", help="CCCD of who collected it")
    _rating_options(q)
    q = action(
        "rate", "the citizen's satisfaction with a returned dossier (once)", cmd_rate, at=False
    )
    _rating_options(q, required=True)
    q = action(
        "fee", "record a fee paid after intake, or the e-receipt's reference", cmd_fee, at=False
    )
    _fee_options(q, "--amount")
    q.add_argument("--note", default="")
    action("stop", "stop at the applicant's request (Mẫu 05)", cmd_stop, reason=True)
    q = action("note", "add a note to a dossier", cmd_note, at=False)
    q.add_argument("--text", required=True)
    action("void", "void a dossier entered by mistake", cmd_void, reason=True, at=False)


def _fee_options(q, amount_flag: str) -> None:
    q.add_argument(
        amount_flag,
        dest="fee_paid",
        default=None,
        metavar="AMOUNT",
        help="the fee collected, in đồng (a whole number ≥ 0, e.g. 20000 or 20.000)",
    )
    q.add_argument(
        "--fee-method",
        default="",
        metavar="M",
        help="cash, transfer, card or exempt (tiền mặt, chuyển khoản, thẻ, miễn); default cash",
    )
    q.add_argument(
        "--receipt-ref",
        default="",
        metavar="R",
        help="the reference of the e-receipt the province's system issued",
    )


def _rating_options(q, required: bool = False) -> None:
    q.add_argument(
        "--rating",
        type=int,
        default=None,
        required=required,
        metavar="N",
        help="1 Rất hài lòng, 2 Hài lòng, 3 Không hài lòng (needs --rating-reason)",
    )
    q.add_argument("--rating-reason", default="", metavar="TEXT")


def cmd_intake(ctx: Context) -> int:
    a = ctx.args
    card = None
    if a.cccd_qr is not None:
        card = cccd.parse(a.cccd_qr)  # ValidationError: one line, exit 2
    elif a.applicant is None:
        raise ValidationError(
            "applicant_name", "--applicant NAME is required (or --cccd-qr)", code="name_empty"
        )

    def pick(explicit, from_card):
        return explicit if explicit is not None else from_card

    detail = ctx.services.dossiers.intake(
        IntakeRequest(
            procedure_code=a.procedure,
            applicant_name=pick(a.applicant, card and card.name),
            id_number=pick(a.id_number, card.id_number if card else ""),
            birth_date=pick(a.birth_date, card.birth_date if card else None),
            sex=pick(a.sex, card.sex if card else ""),
            phone=a.phone,
            address=pick(a.address, card.address if card else ""),
            email=a.email,
            sets=a.sets,
            received_at=parse_moment(a.received_at, "received_at") if a.received_at else None,
            result_delivery=a.delivery,
            ticket=a.ticket,
            fee_paid=a.fee_paid,
            fee_method=a.fee_method,
            receipt_ref=a.receipt_ref,
        ),
        outcome="supplement"
        if a.supplement is not None
        else "refused"
        if a.refuse is not None
        else "received",
        reason=a.supplement if a.supplement is not None else a.refuse or "",
        items=[parse_item(i) for i in a.item],
    )
    _out(ctx, detail)
    return 0


def cmd_find(ctx: Context) -> int:
    if not any(ch.isalnum() for ch in ctx.args.text):
        raise ValidationError(
            "text",
            "type what to look for: a dossier code, a name, a CCCD or a phone number",
            code="search_empty",
        )
    rows = ctx.services.dossiers.search(ctx.args.text, limit=ctx.args.limit)
    if ctx.args.json:
        emit_json(
            {"query": ctx.args.text, "count": len(rows), "results": [dossier_json(r) for r in rows]}
        )
    else:
        for r in rows:
            print(
                f"{r.code}  {r.status_label:<22} {fmt(r.received_at)}  {r.applicant_name}  "
                f"{r.procedure_name}"
            )
        print(f"{len(rows)} found", file=sys.stderr)
    return 0


def cmd_show(ctx: Context) -> int:
    detail = ctx.services.dossiers.show(ctx.args.code)
    if ctx.args.json:
        emit_json(detail_json(detail, with_events=True))
    else:
        print_dossier(detail)
        for e in detail.events:
            print(f"  {fmt(e.occurred_at)}  {e.officer:<20} {e.summary}")
        for c in detail.conflicts:
            print(f"  sync exception: {c.description}")
    return 0


def _out(ctx: Context, detail) -> None:
    if ctx.args.json:
        emit_json(detail_json(detail))
    else:
        print_dossier(detail)


def _outs(ctx: Context, details) -> None:
    if ctx.args.json:
        emit_json({"dossiers": [detail_json(d) for d in details]})
    else:
        for d in details:
            print_dossier(d)


def _at(ctx: Context):
    at = getattr(ctx.args, "at", None)
    return parse_moment(at, "at") if at else None


def cmd_handoff(ctx: Context) -> int:
    _outs(
        ctx,
        ctx.services.dossiers.handoff(
            ctx.args.codes,
            ctx.args.to,
            at=_at(ctx),
            receiver=ctx.args.receiver,
            giver=ctx.args.giver,
            redirect=ctx.args.redirect,
        ),
    )
    return 0


def cmd_receive_result(ctx: Context) -> int:
    _outs(
        ctx,
        ctx.services.dossiers.receive_result(
            ctx.args.codes, at=_at(ctx), giver=ctx.args.giver, department=ctx.args.department
        ),
    )
    return 0


_FORM_WORDS = {
    "original": "original",
    "ban chinh": "original",
    "certified_copy": "certified_copy",
    "certified": "certified_copy",
    "ban sao chung thuc": "certified_copy",
    "copy": "copy",
    "ban sao": "copy",
    "presented": "presented",
    "xuat trinh": "presented",
}


def parse_item(text: str):
    """'DOC[:FORM][:COUNT]' → a DocumentLine; a trailing part that is neither a form nor a
    number stays in the name (names may hold colons)."""
    from motcua_desk.domain.catalog import DOCUMENT_FORM_LABELS_VI
    from motcua_desk.domain.dto import DocumentLine
    from motcua_desk.domain.errors import ValidationError
    from motcua_desk.domain.text import fold

    name, form, count = text, "original", 1
    parts = text.split(":")
    if len(parts) > 1 and parts[-1].strip().isdigit():
        count = int(parts[-1].strip())
        parts = parts[:-1]
        if not 1 <= count <= 99:
            raise ValidationError(
                "item", f"count {count} of {parts[0]!r} must be 1 to 99", code="count_range"
            )
    if len(parts) > 1 and fold(parts[-1].strip()).replace("-", "_") in _FORM_WORDS:
        form = _FORM_WORDS[fold(parts[-1].strip()).replace("-", "_")]
        parts = parts[:-1]
    elif len(parts) > 1 and len(text.split(":")) > len(parts):  # DOC:BAD:2
        raise ValidationError(
            "item",
            f"unknown document form {parts[-1]!r} (original, certified_copy, copy, presented)",
            code="document_form",
        )
    name = ":".join(parts).strip()
    return DocumentLine(name, form, DOCUMENT_FORM_LABELS_VI[form], count)


def cmd_supplement(ctx: Context) -> int:
    items = [parse_item(i) for i in ctx.args.item]
    _out(
        ctx,
        ctx.services.dossiers.request_supplement(
            ctx.args.code, ctx.args.reason, items, at=_at(ctx)
        ),
    )
    return 0


def cmd_resubmit(ctx: Context) -> int:
    _out(ctx, ctx.services.dossiers.resubmit(ctx.args.code, at=_at(ctx)))
    return 0


def cmd_refuse(ctx: Context) -> int:
    _out(ctx, ctx.services.dossiers.refuse(ctx.args.code, ctx.args.reason, at=_at(ctx)))
    return 0


def cmd_extend(ctx: Context) -> int:
    text = ctx.args.new_due
    if len(text.strip()) <= 10:  # a date alone: the close of that day
        day = parse_day(text, "new_due")
        closing = ctx.services.calendar.calendar().hours.closing
        from datetime import datetime

        new_due = datetime.combine(day, closing)
    else:
        new_due = parse_moment(text, "new_due")
    _out(ctx, ctx.services.dossiers.extend(ctx.args.code, new_due, ctx.args.reason, at=_at(ctx)))
    return 0


def cmd_return(ctx: Context) -> int:
    _out(
        ctx,
        ctx.services.dossiers.return_result(
            ctx.args.code,
            ctx.args.to_name,
            ctx.args.method,
            at=_at(ctx),
            id_number=ctx.args.id_number,
            rating=ctx.args.rating,
            rating_reason=ctx.args.rating_reason,
        ),
    )
    return 0


def cmd_rate(ctx: Context) -> int:
    _out(ctx, ctx.services.dossiers.rate(ctx.args.code, ctx.args.rating, ctx.args.rating_reason))
    return 0


def cmd_fee(ctx: Context) -> int:
    a = ctx.args
    _out(
        ctx,
        ctx.services.dossiers.record_fee(a.code, a.fee_paid, a.fee_method, a.receipt_ref, a.note),
    )
    return 0


def cmd_stop(ctx: Context) -> int:
    _out(ctx, ctx.services.dossiers.stop(ctx.args.code, ctx.args.reason, at=_at(ctx)))
    return 0


def cmd_note(ctx: Context) -> int:
    _out(ctx, ctx.services.dossiers.note(ctx.args.code, ctx.args.text))
    return 0


def cmd_void(ctx: Context) -> int:
    _out(ctx, ctx.services.dossiers.void(ctx.args.code, ctx.args.reason))
    return 0
