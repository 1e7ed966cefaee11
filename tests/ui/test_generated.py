"""Generated files are never stale, and the Vietnamese translation is complete (STYLE #3,
#12): forms/*.ui → ui_*.py, icons.qrc → rc_icons.py, sources → .ts → .qm."""

from __future__ import annotations

import re
import shutil
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from motcua_desk.ui import build

PLACEHOLDER = re.compile(r"\{[a-z_]*\}")
TAG = re.compile(r"</?[a-z]+>")


def test_every_form_is_compiled_and_fresh(tmp_path):
    forms = sorted(build.FORMS_DIR.glob("*.ui"))
    assert forms, "no Designer forms found"
    for ui_file in forms:
        committed = build.generated_name(ui_file)
        assert committed.exists(), f"{committed.name} missing: python -m motcua_desk.ui.build uic"
        fresh = tmp_path / committed.name
        build.uic(ui_file, fresh)
        assert build.without_header(fresh.read_text("utf-8")) == build.without_header(
            committed.read_text("utf-8")
        ), f"{committed.name} is stale: run python -m motcua_desk.ui.build uic"


def test_icon_resources_are_fresh(tmp_path):
    fresh = tmp_path / "rc_icons.py"
    build.rcc(build.QRC_FILE, fresh)
    assert build.without_header(fresh.read_text("utf-8")) == build.without_header(
        build.RC_MODULE.read_text("utf-8")
    ), "rc_icons.py is stale: python -m motcua_desk.ui.build rcc"


def _messages(ts: Path):
    for context in ET.parse(ts).getroot().findall("context"):
        name = context.find("name").text
        for message in context.findall("message"):
            translation = message.find("translation")
            if translation.get("type") in ("vanished", "obsolete"):
                continue
            yield name, message.find("source").text or "", translation


def test_every_string_in_the_sources_has_its_vietnamese_translation(tmp_path):
    """lupdate the sources into a copy of the .ts: nothing may come out unfinished."""
    copy = tmp_path / "check_vi.ts"
    shutil.copyfile(build.TS_FILE, copy)
    build.lupdate(copy)
    missing = [
        f"{ctx}: {src!r}"
        for ctx, src, tr in _messages(copy)
        if tr.get("type") == "unfinished" or not (tr.text or "").strip()
    ]
    assert not missing, (
        "untranslated (run python -m motcua_desk.ui.build lupdate, translate "
        "in Qt Linguist, then lrelease):\n" + "\n".join(missing)
    )


def test_translations_keep_placeholders_tags_and_mnemonics():
    problems = []
    for ctx, src, tr in _messages(build.TS_FILE):
        text = tr.text or ""
        if sorted(PLACEHOLDER.findall(src)) != sorted(PLACEHOLDER.findall(text)):
            problems.append(f"{ctx}: placeholders differ in {src!r} → {text!r}")
        if sorted(TAG.findall(src)) != sorted(TAG.findall(text)):
            problems.append(f"{ctx}: HTML tags differ in {src!r} → {text!r}")
        mnemonic = re.compile(r"&(?!&)")
        if bool(mnemonic.search(src.replace("&&", ""))) != bool(
            mnemonic.search(text.replace("&&", ""))
        ):
            problems.append(f"{ctx}: keyboard mnemonic lost or added in {src!r} → {text!r}")
        if src.endswith("…") != text.endswith("…"):
            problems.append(f"{ctx}: the ellipsis (opens a dialog) differs in {src!r}")
    assert not problems, "\n".join(problems)


def test_committed_qm_is_built_from_the_ts():
    assert build.QM_FILE.exists(), "run python -m motcua_desk.ui.build lrelease"
    assert build.released_bytes() == build.QM_FILE.read_bytes(), (
        "motcua_desk_vi.qm is older than the .ts: python -m motcua_desk.ui.build lrelease"
    )


@pytest.mark.parametrize("language, expected", [("vi", "Đã tiếp nhận"), ("en", "Received")])
def test_language_is_selectable(qapp, language, expected):
    from motcua_desk.ui import labels
    from motcua_desk.ui.i18n import install_translator, remove_translator

    translator = install_translator(qapp, language)
    try:
        assert labels.status_label("received") == expected
        assert (translator is None) == (language == "en")
    finally:
        remove_translator(qapp, translator)
