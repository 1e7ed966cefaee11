"""`digitise …`: the digitised papers of a dossier (services.digitisation). Document lines are
numbered from 1, as the slip lists them."""

from __future__ import annotations

import argparse
from pathlib import Path

from motcua_desk.cli.common import Context, emit_json, parse_day
from motcua_desk.domain.dto import DIGITISATION_STATES_VI, DIGITISATION_WARNINGS_VI
from motcua_desk.domain.errors import ValidationError


def _page_count(text: str) -> int:
    """--pages: a page count of 1 or more (0 would read as "not given": no check is made)."""
    try:
        n = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a number of pages") from None
    if not 1 <= n <= 99_999:
        raise argparse.ArgumentTypeError(f"{n} is not a page count (1–99999)")
    return n


def register(sub) -> None:
    p = sub.add_parser(
        "digitise", help="the digitised papers of a dossier: scans, reuse, rates, file check"
    )
    dsub = p.add_subparsers(dest="what", metavar="WHAT", required=True)

    q = dsub.add_parser("list", help="a dossier's papers and their digitisation")
    q.add_argument("code")
    q.add_argument("--json", action="store_true")
    q.set_defaults(func=cmd_list, reads_only=True)

    q = dsub.add_parser(
        "attach",
        help="the scan of one paper: a PDF (kept as given) or images (made one PDF, in order)",
    )
    q.add_argument("code")
    q.add_argument("--document", type=int, required=True, metavar="N", help="its line, from 1")
    q.add_argument("files", nargs="+", type=Path, metavar="FILE")
    q.add_argument(
        "--pages",
        type=_page_count,
        default=0,
        help="the page count of the paper (1 or more; left out: not known)",
    )
    q.add_argument("--copies", type=int, default=None)
    stamp = q.add_mutually_exclusive_group()
    stamp.add_argument("--stamped", dest="stamped", action="store_true", default=None)
    stamp.add_argument("--not-stamped", dest="stamped", action="store_false")
    q.add_argument("--json", action="store_true")
    q.set_defaults(func=cmd_attach)

    q = dsub.add_parser("mark", help="a paper only shown at the counter, or classified")
    q.add_argument("code")
    q.add_argument("--document", type=int, required=True, metavar="N")
    q.add_argument("state", choices=("shown", "classified"))
    q.set_defaults(func=cmd_mark)

    q = dsub.add_parser("offers", help="the citizen's earlier digitised papers (by CCCD)")
    q.add_argument("code")
    q.add_argument("--json", action="store_true")
    q.set_defaults(func=cmd_offers, reads_only=True)

    q = dsub.add_parser("reuse", help="take a paper digitised for the citizen's earlier dossier")
    q.add_argument("code")
    q.add_argument("--document", type=int, required=True, metavar="N")
    q.add_argument("--from", dest="from_code", required=True, metavar="CODE")
    q.add_argument("--from-document", type=int, required=True, metavar="M")
    q.set_defaults(func=cmd_reuse)

    q = dsub.add_parser("rates", help="QĐ 766 4.2 digitisation and 4.3 reuse rates")
    q.add_argument("--from", dest="date_from", required=True, metavar="YYYY-MM-DD")
    q.add_argument("--to", dest="date_to", required=True, metavar="YYYY-MM-DD")
    q.add_argument("--json", action="store_true")
    q.set_defaults(func=cmd_rates, reads_only=True)

    q = dsub.add_parser("quota", help="the most the desk's files may take on its disk")
    q.add_argument("--set", dest="megabytes", type=int, metavar="MB", help="0 removes it")
    q.set_defaults(func=cmd_quota)

    q = dsub.add_parser(
        "verify", help="every file an event names is here and intact (exit 3 when not)"
    )
    q.add_argument("--json", action="store_true")
    q.set_defaults(func=cmd_verify, reads_only=True)


def _service(ctx: Context):
    from motcua_desk.services.digitisation import DigitisationService

    return DigitisationService.from_services(ctx.services)


def _line(n: int) -> int:
    if n < 1:
        raise ValidationError(
            "document", "document lines are numbered from 1", code="document_line"
        )
    return n - 1


def _paper_json(p) -> dict:
    return {
        "document": p.index + 1,
        "name": p.name,
        "form": p.form,
        "copies": p.count,
        "state": p.state or None,
        "exempt": p.exempt,
        "pages": p.pages,
        "files": [
            {"sha256": f.sha256, "size": f.size, "pages": f.pages, "name": f.name, "pdfa": f.pdfa}
            for f in p.files
        ],
        "warnings": list(p.warnings),
        "reused_from": p.reused_from or None,
        "signed": False,
    }


def cmd_list(ctx: Context) -> int:
    papers = _service(ctx).papers(ctx.args.code)
    if ctx.args.json:
        emit_json([_paper_json(p) for p in papers])
        return 0
    for p in papers:
        state = DIGITISATION_STATES_VI.get(p.state, "Chưa số hóa" if not p.exempt else "Miễn")
        pages = f", {p.files[0].pages} trang" if p.files else ""
        print(f"{p.index + 1:>2}. {p.name}")
        print(f"    {state}{pages}" + (" (chưa ký số)" if p.files else ""))
        for w in p.warnings:
            print(f"    ! {DIGITISATION_WARNINGS_VI.get(w, w)}")
    return 0


def cmd_attach(ctx: Context) -> int:
    a = ctx.args
    done = _service(ctx).attach(
        a.code, _line(a.document), a.files, pages=a.pages, copies=a.copies, stamped=a.stamped
    )
    if a.json:
        emit_json(
            {**_paper_json(done.paper), "scanned_pages": done.pages, "lowest_dpi": done.lowest_dpi}
        )
        return 0
    dpi = f", {done.lowest_dpi:.0f} dpi" if done.lowest_dpi else ""
    print(f"{a.code} paper {a.document}: {done.pages} pages stored{dpi} (chưa ký số)")
    for w in done.warnings:
        print(f"  warning: {DIGITISATION_WARNINGS_VI.get(w, w)}")
    return 0


def cmd_mark(ctx: Context) -> int:
    a = ctx.args
    p = _service(ctx).mark(a.code, _line(a.document), a.state)
    print(f"{a.code} paper {a.document}: {DIGITISATION_STATES_VI[p.state]}")
    return 0


def cmd_offers(ctx: Context) -> int:
    offers = _service(ctx).offers(ctx.args.code)
    if ctx.args.json:
        emit_json(
            [
                {
                    "from": o.from_code,
                    "from_document": o.from_index + 1,
                    "name": o.name,
                    "files": [f.sha256 for f in o.files],
                }
                for o in offers
            ]
        )
        return 0
    for o in offers:
        print(f"{o.from_code} paper {o.from_index + 1}: {o.name}")
    return 0


def cmd_reuse(ctx: Context) -> int:
    a = ctx.args
    p = _service(ctx).reuse(a.code, _line(a.document), a.from_code, _line(a.from_document))
    print(f"{a.code} paper {a.document}: reused from {p.reused_from}")
    return 0


def cmd_rates(ctx: Context) -> int:
    a = ctx.args
    r = _service(ctx).rates(parse_day(a.date_from, "from"), parse_day(a.date_to, "to"))
    out = {
        "counted": r.counted,
        "digitised": r.digitised,
        "reusing": r.reusing,
        "exempt": r.exempt,
        "digitisation_rate": r.digitisation_rate,
        "reuse_rate": r.reuse_rate,
    }
    if a.json:
        emit_json(out)
        return 0

    def pct(x):
        return "—" if x is None else f"{100 * x:.1f} %"

    print(f"4.2 tỷ lệ số hóa: {pct(r.digitisation_rate)} ({r.digitised}/{r.counted} hồ sơ)")
    print(f"4.3 tỷ lệ tái sử dụng: {pct(r.reuse_rate)} ({r.reusing}/{r.counted} hồ sơ)")
    print(f"    không cần số hóa: {r.exempt} hồ sơ (trực tuyến không tính)")
    return 0


def cmd_verify(ctx: Context) -> int:
    problems = _service(ctx).verify_files()
    if ctx.args.json:
        emit_json(
            [
                {
                    "code": p.code,
                    "document": p.document + 1,
                    "sha256": p.sha256,
                    "problem": p.problem,
                }
                for p in problems
            ]
        )
    else:
        for p in problems:
            print(f"{p.code} paper {p.document + 1} ({p.name}): file {p.sha256[:12]}… {p.problem}")
        print("files: intact" if not problems else f"files: {len(problems)} problems")
    return 3 if problems else 0


def cmd_quota(ctx: Context) -> int:
    svc = _service(ctx)
    if ctx.args.megabytes is not None:
        svc.set_quota(ctx.args.megabytes)
    quota = svc.quota_bytes()
    used = svc.blobs.usage()
    limit = f"{quota // 1024**2:,} MB" if quota else "none (only the disk's 512 MB reserve)"
    print(f"files: {used / 1024**2:,.1f} MB used; quota: {limit}")
    return 0
