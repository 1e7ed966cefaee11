"""Report commands: the office's figures.

    report period --from DATE --to DATE [--scope desk|office] [--desk N] [--group NAME]
                  [--by field|procedure|department|group]
                  [--json | --out FILE.pdf | --out FILE.xlsx]
    report late --from DATE --to DATE [--scope …] [--desk N] [--group NAME]
                [--json | --out FILE.pdf|.xlsx]
    report indices --from DATE --to DATE [--scope …] [--desk N] [--group NAME] [--json]
    report quality --from DATE --to DATE [--scope …] [--desk N] [--group NAME]
                   [--json | --out FILE.pdf|.xlsx]
    groups list [--json] | groups set NAME --fields "F1,F2" | groups remove NAME
    groups serve NAME | groups serve --none
    report settings [--compare timestamp|date] [--supplement-wait-within yes|no]
                    [--period-start-day N] [--stopped resolved|excluded] [--json]

Bad input (a date that does not parse, --to before --from, a period over 10 years, an unknown
--by or --scope, an --out that is neither .pdf nor .xlsx) is one line on stderr and exit 2,
checked before the database is opened: nothing is read or written then. Files are written
atomically (a temporary file beside the target, then a rename).
"""

from __future__ import annotations

from pathlib import Path

from motcua_desk.cli.common import Context, emit_json, parse_day
from motcua_desk.domain.errors import ValidationError

BY = ("field", "procedure", "department", "group")
OUT_KINDS = {".pdf": "pdf", ".xlsx": "xlsx"}


def register(sub) -> None:
    p = sub.add_parser("report", help="the office's figures: Biểu 06, late dossiers, QĐ 766")
    rsub = p.add_subparsers(dest="report_command", metavar="REPORT", required=True)

    def common(q, *, outs: bool) -> None:
        q.add_argument("--from", dest="date_from", required=True, metavar="YYYY-MM-DD")
        q.add_argument("--to", dest="date_to", required=True, metavar="YYYY-MM-DD")
        q.add_argument(
            "--scope",
            choices=["desk", "office"],
            default="desk",
            help="this desk's dossiers (default) or every dossier this desk holds "
            "(the whole office after a sync)",
        )
        q.add_argument(
            "--desk",
            type=int,
            default=None,
            metavar="N",
            help="with --scope office: only the dossiers received at desk N",
        )
        q.add_argument(
            "--group",
            default=None,
            metavar="NAME",
            help="only the fields of this field group (see 'groups list')",
        )
        g = q.add_mutually_exclusive_group()
        g.add_argument("--json", action="store_true")
        if outs:
            g.add_argument("--out", type=Path, metavar="FILE.pdf|FILE.xlsx")

    q = rsub.add_parser("period", help="Biểu số 06/VPCP/KSTT for a period")
    common(q, outs=True)
    q.add_argument(
        "--by",
        default="field",
        metavar="field|procedure|department|group",
        help="rows per field with its procedures (default), one per procedure, per "
        "department, or per field group",
    )
    q.set_defaults(func=cmd_period, reads_only=True)
    q = rsub.add_parser(
        "late",
        help="dossiers late or extended in the period, with their "
        "apologies (Mẫu 04), per department",
    )
    common(q, outs=True)
    q.set_defaults(func=cmd_late, reads_only=True)
    q = rsub.add_parser(
        "indices",
        help="QĐ 766/QĐ-TTg self-check: on-time rate, channels, digitisation, reuse, satisfaction",
    )
    common(q, outs=False)
    q.set_defaults(func=cmd_indices, reads_only=True)
    q = rsub.add_parser(
        "quality",
        help="per handoff step and department (early, on time, "
        "late, average working days) and the quality facts of TT 01/2018 "
        "Art. 13 per dossier",
    )
    common(q, outs=True)
    q.set_defaults(func=cmd_quality, reads_only=True)
    q = rsub.add_parser("settings", help="show or change the report rules where provinces differ")
    q.add_argument(
        "--compare",
        choices=["timestamp", "date"],
        default=None,
        help="on time: by the due moment (QĐ 766) or by the due date",
    )
    q.add_argument(
        "--supplement-wait-within",
        choices=["yes", "no"],
        default=None,
        help="a dossier waiting for the applicant's supplements is within the deadline",
    )
    q.add_argument(
        "--period-start-day",
        type=int,
        default=None,
        metavar="1-28",
        help="named periods start on this day (15: from the 15th before)",
    )
    q.add_argument(
        "--stopped",
        choices=["resolved", "excluded"],
        default=None,
        help="a dossier stopped at the applicant's request counts as resolved, or is left out",
    )
    q.add_argument("--json", action="store_true")
    q.set_defaults(func=cmd_settings)

    p = sub.add_parser(
        "groups",
        help="field groups: named sets of fields a desk serves "
        "(its procedure picker shows them first; reports cut by group)",
    )
    gsub = p.add_subparsers(dest="groups_command", metavar="ACTION", required=True)
    q = gsub.add_parser("list", help="the field groups and the one this desk serves")
    q.add_argument("--json", action="store_true")
    q.set_defaults(func=cmd_groups_list, reads_only=True)
    q = gsub.add_parser("set", help="create or replace a group")
    q.add_argument("name")
    q.add_argument(
        "--fields",
        required=True,
        metavar="F1,F2",
        help="the catalog's fields, comma-separated (diacritics optional)",
    )
    q.set_defaults(func=cmd_groups_set)
    q = gsub.add_parser("remove", help="remove a group")
    q.add_argument("name")
    q.set_defaults(func=cmd_groups_remove)
    q = gsub.add_parser("serve", help="this desk serves a group (or --none: every field)")
    g = q.add_mutually_exclusive_group(required=True)
    g.add_argument("name", nargs="?")
    g.add_argument("--none", action="store_true")
    q.set_defaults(func=cmd_groups_serve)


# --- input ----------------------------------------------------------------------------------


def _period(args):
    from motcua_desk.domain.report_periods import Period

    first = parse_day(args.date_from, "from")
    last = parse_day(args.date_to, "to")
    return Period(first, last)  # refuses --to before --from and more than 10 years


def _scope(args):
    from motcua_desk.services.reports import ReportScope

    if args.desk is not None:
        if args.scope != "office":
            raise ValidationError(
                "desk",
                "--desk cuts the office's figures by desk: use it with --scope office",
                code="report_scope",
            )
        if not 1 <= args.desk <= 9:
            raise ValidationError(
                "desk", f"desk number {args.desk} is not 1 to 9", code="desk_range"
            )
    group = args.group.strip() if args.group is not None else None
    if group is not None and not group:
        raise ValidationError("group", "--group needs a group name", code="unknown_group")
    return ReportScope(args.scope, args.desk, group)


def _known_group(ctx: Context, scope):
    """The scope with the group's stored name; an unknown group is refused (exit 2)."""
    from dataclasses import replace

    if scope.group is None:
        return scope
    return replace(scope, group=ctx.services.catalog.group_name(scope.group))


def _out_kind(args) -> str | None:
    out = getattr(args, "out", None)
    if out is None:
        return None
    kind = OUT_KINDS.get(out.suffix.lower())
    if kind is None:
        raise ValidationError("out", f"{out} is neither a .pdf nor an .xlsx file", code="out_kind")
    if out.is_dir():
        raise ValidationError("out", f"cannot write {out}: it is a directory", code="out_kind")
    return kind


def _write(target: Path, render) -> None:
    from motcua_desk.cli.printing import _write as write_atomically

    write_atomically(target, render)


def _made_on(ctx: Context):
    return ctx.services.clock().astimezone(ctx.services.reports.tz()).date()


# --- handlers -------------------------------------------------------------------------------


def cmd_period(ctx: Context) -> int:
    a = ctx.args
    period, scope = _period(a), _scope(a)
    if a.by not in BY:
        raise ValidationError(
            "by", f"unknown --by {a.by!r} (field, procedure, department or group)", code="report_by"
        )
    kind = _out_kind(a)
    from motcua_desk.services.report_json import progress_json, report_json

    scope = _known_group(ctx, scope)
    svc = ctx.services
    months: list = []
    if kind == "pdf" and (period.first.year, period.first.month) != (
        period.last.year,
        period.last.month,
    ):
        report, months = svc.reports.bieu06_and_months(period, scope, by=a.by)
    else:
        report = svc.reports.bieu06(period, scope, by=a.by)
    if a.json:
        emit_json(
            {
                **report_json(report),
                "progress": progress_json(report.total.values),
                "scope": scope.scope,
                "desk": scope.desk_no,
                "group": scope.group,
                "scope_label": scope.label(),
            }
        )
        return 0
    if kind is not None:
        from motcua_desk import printing

        agency = svc.settings.agency()
        made = _made_on(ctx)
        if kind == "pdf":
            _write(a.out, lambda: printing.bieu06_pdf(report, agency, scope.label(), made, months))
        else:
            _write(a.out, lambda: printing.bieu06_xlsx(report, agency, scope.label(), made))
        print(
            f"{report.form.code} {period.first:%d/%m/%Y}–{period.last:%d/%m/%Y}: "
            f"{len(report.rows)} rows written to {a.out}"
        )
        return 0
    _print_table(report)
    p = progress_json(report.total.values)
    print(_progress_line(p))
    return 0


def _pct_text(value) -> str:
    return "—" if value is None else f"{value:.0f} %"


def _progress_line(p: dict) -> str:
    """As the seeds print it: "received 1,880; resolved 1,845 (98 %); on time 1,815 …"."""
    return (
        f"received {p['received']:,}; resolved {p['resolved']:,} "
        f"({_pct_text(p['resolved_pct'])}); early or on time {p['on_time']:,} "
        f"({_pct_text(p['on_time_pct'])} of resolved); late {p['late']:,}; "
        f"in progress {p['in_progress']:,} ({p['overdue']:,} overdue)"
    )


def _print_table(report) -> None:
    cols = report.form.all_columns
    print(
        f"{report.form.code} ({report.form.legal_basis}) "
        f"{report.period.first:%d/%m/%Y}–{report.period.last:%d/%m/%Y}"
    )
    # a column without a number by its key's first 7 letters: "refused", "stopped"
    head = "".join(f"{'(' + c.no + ')' if c.no else c.key[:7]:>8}" for c in cols)
    print(f"{'':40}{head}")
    for r in (*report.rows, report.total):
        name = r.item_name if r.level != "item" else f"  {r.item_code} {r.item_name}"
        name = (name[:37] + "…") if len(name) > 38 else name
        print(f"{name:40}" + "".join(f"{r.values[c.key]:>8}" for c in cols))


def cmd_late(ctx: Context) -> int:
    a = ctx.args
    period, scope = _period(a), _scope(a)
    kind = _out_kind(a)
    scope = _known_group(ctx, scope)
    from motcua_desk.services.report_json import late_json

    svc = ctx.services
    late = svc.reports.late(period, scope)
    tz = svc.reports.tz()
    if a.json:
        emit_json({**late_json(late, tz), "scope": scope.scope, "desk": scope.desk_no})
        return 0
    if kind is not None:
        from motcua_desk import printing

        agency = svc.settings.agency()
        made = _made_on(ctx)
        if kind == "pdf":
            _write(a.out, lambda: printing.late_pdf(late, agency, tz, scope.label(), made))
        else:
            _write(a.out, lambda: printing.late_xlsx(late, agency, tz, scope.label(), made))
        print(
            f"late dossiers {period.first:%d/%m/%Y}–{period.last:%d/%m/%Y}: "
            f"{len(late.entries)} dossiers written to {a.out}"
        )
        return 0
    c = late.counts
    print(
        f"late or extended {period.first:%d/%m/%Y}–{period.last:%d/%m/%Y}: {c['total']} "
        f"(late {c['late']}, overdue {c['overdue']}, extended {c['extended']}, "
        f"apology issued {c['apology']})"
    )
    for g in late.groups:
        print(f"{g.department}: {len(g.entries)}")
        for e in g.entries:
            apology = (
                f"apology {e.apology.at.astimezone(tz):%d/%m/%Y %H:%M}"
                if e.apology.at
                else "no apology"
            )
            print(f"  {e.code}  {e.kind:8}  {e.procedure_code}  {apology}")
    return 0


def cmd_indices(ctx: Context) -> int:
    a = ctx.args
    period, scope = _period(a), _scope(a)
    from motcua_desk.services.report_json import indices_json

    scope = _known_group(ctx, scope)
    values = ctx.services.reports.indices(period, scope)
    if a.json:
        emit_json({**indices_json(period, values), "scope": scope.scope, "desk": scope.desk_no})
        return 0
    for v in values:
        score = "—" if v.score is None else f"{v.score:.2f} %"
        print(f"{v.key}  {v.name}: {score} ({v.numerator}/{v.denominator})")
        print(f"      {v.formula}")
        if v.full_marks_at is not None:
            print(f"      {v.note}")
        if v.lowering:
            print(
                f"      lowered by {len(v.lowering)}: "
                + ", ".join(f"{c} ({w})" for c, w in v.lowering[:20])
                + (" …" if len(v.lowering) > 20 else "")
            )
    return 0


def cmd_quality(ctx: Context) -> int:
    a = ctx.args
    period, scope = _period(a), _scope(a)
    kind = _out_kind(a)
    from motcua_desk.domain.quality import steps_total
    from motcua_desk.services.report_json import quality_json

    scope = _known_group(ctx, scope)
    svc = ctx.services
    q = svc.reports.quality(period, scope)
    tz = svc.reports.tz()
    if a.json:
        emit_json(
            {
                **quality_json(q, tz),
                "scope": scope.scope,
                "desk": scope.desk_no,
                "group": scope.group,
                "scope_label": scope.label(),
            }
        )
        return 0
    if kind is not None:
        from motcua_desk import printing

        agency = svc.settings.agency()
        made = _made_on(ctx)
        if kind == "pdf":
            _write(a.out, lambda: printing.quality_pdf(q, agency, scope.label(), made))
        else:
            _write(a.out, lambda: printing.quality_xlsx(q, agency, tz, scope.label(), made))
        print(
            f"quality {period.first:%d/%m/%Y}–{period.last:%d/%m/%Y}: {len(q.steps)} units, "
            f"{len(q.dossiers)} dossiers written to {a.out}"
        )
        return 0
    print(f"handoff steps {period.first:%d/%m/%Y}–{period.last:%d/%m/%Y} (working days)")
    print(f"{'':44}{'early':>7}{'on time':>9}{'late':>6}{'avg':>7}{'open':>6}{'overdue':>9}")
    for r in (*q.steps, steps_total(q.steps)):
        name = (r.label[:41] + "…") if len(r.label) > 42 else r.label
        avg = "—" if r.average_days is None else f"{r.average_days:.2f}"
        print(
            f"{name:44}{r.early:>7}{r.on_time:>9}{r.late:>6}{avg:>7}{r.open:>6}{r.open_overdue:>9}"
        )
    s = q.summary()
    print(
        f"dossiers {s['dossiers']}, finished {s['finished']} (within time "
        f"{s['finished_within_time']}, {_pct_text(s['finished_within_time_pct'])}); average "
        f"actual {s['average_actual_working_days']} against statutory "
        f"{s['average_statutory_working_days']} working days; supplement requests "
        f"{s['supplement_requests']}; several departments "
        f"{s['dossiers_with_several_departments']}"
        f"; online {s['channels']['online']}, direct {s['channels']['direct']}, post "
        f"{s['channels']['post']}"
    )
    return 0


# --- field groups ---------------------------------------------------------------------------


def _groups_out(ctx: Context) -> dict:
    cat = ctx.services.catalog
    return {
        "groups": [{"name": g.name, "fields": list(g.fields)} for g in cat.field_groups()],
        "serves": cat.served_group(),
    }


def _print_groups(out: dict) -> None:
    if not out["groups"]:
        print('no field groups (add one with: groups set NAME --fields "F1,F2")')
    for g in out["groups"]:
        mark = "  (this desk)" if g["name"] == out["serves"] else ""
        print(f"{g['name']}: {', '.join(g['fields'])}{mark}")


def cmd_groups_list(ctx: Context) -> int:
    out = _groups_out(ctx)
    if ctx.args.json:
        emit_json(out)
    else:
        _print_groups(out)
    return 0


def cmd_groups_set(ctx: Context) -> int:
    fields = [f for f in ctx.args.fields.split(",")]
    ctx.services.catalog.set_field_group(ctx.args.name, fields)
    _print_groups(_groups_out(ctx))
    return 0


def cmd_groups_remove(ctx: Context) -> int:
    ctx.services.catalog.remove_field_group(ctx.args.name)
    _print_groups(_groups_out(ctx))
    return 0


def cmd_groups_serve(ctx: Context) -> int:
    name = None if ctx.args.none else ctx.args.name
    ctx.services.catalog.serve_group(name)
    _print_groups(_groups_out(ctx))
    return 0


def cmd_settings(ctx: Context) -> int:
    from dataclasses import asdict

    a = ctx.args
    changes = {
        "compare": a.compare,
        "period_start_day": a.period_start_day,
        "stopped": a.stopped,
        "supplement_wait_within": None
        if a.supplement_wait_within is None
        else a.supplement_wait_within == "yes",
    }
    reports = ctx.services.reports
    if any(v is not None for v in changes.values()):
        current = reports.set_report_settings(**changes)
    else:
        current = reports.report_settings()
    if a.json:
        emit_json(asdict(current))
        return 0
    for key, value in asdict(current).items():
        print(f"{key}: {value}")
    return 0
