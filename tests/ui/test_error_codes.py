"""Errors carry codes and the window translates codes: every code raised in motcua_desk/ has a
Vietnamese sentence in ui/errors.py, chosen by the code and the error's parameters alone, so
rewording an English message never changes what the officer reads."""

from __future__ import annotations

import ast
import logging
from pathlib import Path

import pytest

from motcua_desk.domain.errors import DomainError, IllegalTransition
from motcua_desk.ui import errors
from motcua_desk.ui.i18n import install_translator, remove_translator

PKG = Path(__file__).resolve().parents[2] / "motcua_desk"

# Where the window never runs: the command line (English on stderr, exit 2) and the hub server.
# Their own codes need no sentence in the window; a code also raised elsewhere does.
WINDOWLESS = (
    "cli/",
    "sync/hub.py",
    "sync/hubstore.py",
    "sync/hub_desks.py",
    "sync/hub_engine.py",
    "sync/hubverify.py",
)

# one value for every parameter a sentence may use
PARAMS = {
    "name": "phone",
    "max": 300,
    "char": "U+0007",
    "low": 1,
    "high": 9,
    "value": "X9",
    "dossier": "000.17.22.H56-261123-0001",
    "department": "Phòng Tư pháp",
    "held_by": "Phòng Nội vụ",
    "dossiers": ["000.17.22.H56-261123-0001"],
    "expected": ["Phòng Nội vụ"],
    "path": "/tmp/backup.sqlite3",
    "reason": "damaged",
    "error": "unauthorized",
}


def _calls(tree: ast.AST, name: str):
    for node in ast.walk(tree):
        if isinstance(node, ast.Call):
            func = node.func
            called = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
            if called == name or name == "":
                yield node


def _str_keyword(call: ast.Call, key: str) -> str | None:
    for kw in call.keywords:
        if kw.arg == key and isinstance(kw.value, ast.Constant) and isinstance(kw.value.value, str):
            return kw.value.value
    return None


def raised_codes() -> dict[str, set[str]]:
    """code -> the files that raise it: `code="..."` in a call, `code = "..."` in a class."""
    found: dict[str, set[str]] = {}
    for path in sorted(PKG.rglob("*.py")):
        rel = path.relative_to(PKG).as_posix()
        if rel.startswith(("ui/forms/", "ui/errors.py")):
            continue
        tree = ast.parse(path.read_text("utf-8"))
        codes = [c for call in _calls(tree, "") if (c := _str_keyword(call, "code"))]
        codes += [
            node.value.value
            for node in ast.walk(tree)
            if isinstance(node, ast.Assign)
            and isinstance(node.value, ast.Constant)
            and isinstance(node.value.value, str)
            and any(isinstance(t, ast.Name) and t.id == "code" for t in node.targets)
        ]
        for code in codes:
            found.setdefault(code, set()).add(rel)
    return found


def raised_reasons(error_class: str) -> set[str]:
    """The `reason="..."` of every `error_class(...)` raised in the package."""
    found = set()
    for path in sorted(PKG.rglob("*.py")):
        for call in _calls(ast.parse(path.read_text("utf-8")), error_class):
            if (reason := _str_keyword(call, "reason")) is not None:
                found.add(reason)
    return found


def window_codes() -> list[str]:
    return sorted(
        code
        for code, files in raised_codes().items()
        if not all(f.startswith(WINDOWLESS) for f in files)
    )


def error_for(code: str, message: str) -> DomainError:
    if code == "illegal_transition":
        return IllegalTransition("received", "return", message)
    return DomainError(message, code=code, **PARAMS)


@pytest.fixture
def vietnamese(qapp):
    translator = install_translator(qapp, "vi")
    assert translator is not None
    yield
    remove_translator(qapp, translator)
    install_translator(qapp, "en")


def test_the_scan_finds_the_codes():
    codes = raised_codes()
    assert len(codes) > 80  # the scan reads the package, not nothing
    for code in (
        "name_empty",
        "restore_refused",
        "hub_unavailable",
        "illegal_transition",
        "barcode_too_long",
        "unknown_conflict",
    ):
        assert code in window_codes()
    assert "tls_pair" in codes and "tls_pair" not in window_codes()  # the CLI's own


def test_every_code_raised_has_a_vietnamese_sentence(qapp, caplog):
    english = {
        code: errors.message(error_for(code, "an English message")) for code in window_codes()
    }
    translator = install_translator(qapp, "vi")
    try:
        with caplog.at_level(logging.WARNING, logger="motcua.ui.errors"):
            vietnamese = {
                code: errors.message(error_for(code, "an English message"))
                for code in window_codes()
            }
    finally:
        remove_translator(qapp, translator)
        install_translator(qapp, "en")
    assert not [r.getMessage() for r in caplog.records]  # no code fell to the fallback
    untranslated = sorted(c for c in english if vietnamese[c] == english[c])
    assert not untranslated, f"no Vietnamese for {untranslated}"
    assert not [c for c, text in vietnamese.items() if "English message" in text]


@pytest.mark.parametrize("code", window_codes())
def test_rewording_the_english_changes_nothing_the_officer_reads(code, vietnamese):
    before = errors.message(error_for(code, "the first wording of this refusal"))
    after = errors.message(error_for(code, "quite another sentence, reworded"))
    assert before == after
    assert "wording" not in before and "reworded" not in before


def test_each_reason_of_an_illegal_transition_has_its_own_sentence(vietnamese):
    reasons = raised_reasons("IllegalTransition")
    assert reasons == {
        "already_received",
        "handed_off",
        "extended_once",
        "already_there",
        "already_rated",
    }
    generic = errors.message(IllegalTransition("received", "extend"))
    texts = {}
    for reason in reasons:
        text = errors.message(IllegalTransition("received", "extend", "one wording", reason=reason))
        assert text == errors.message(
            IllegalTransition("received", "extend", "reworded", reason=reason)
        )
        assert text != generic and "wording" not in text
        texts[reason] = text
    assert len(set(texts.values())) == len(reasons)


def test_each_reason_a_backup_is_refused_has_its_own_sentence(vietnamese):
    from motcua_desk.store.restore import RestoreRefused

    reasons = raised_reasons("RestoreRefused")
    assert {"missing", "not_ours", "damaged", "other_desk", "in_use"} <= reasons
    unknown = errors.message(RestoreRefused("x", reason="no such reason", path="/tmp/b"))
    texts = set()
    for reason in reasons:
        text = errors.message(
            RestoreRefused("an English reason", reason=reason, path="/tmp/b.sqlite3")
        )
        assert text != unknown and "English" not in text
        assert text.startswith("Không thể khôi phục bản sao lưu này")
        texts.add(text)
    assert len(texts) == len(reasons)
