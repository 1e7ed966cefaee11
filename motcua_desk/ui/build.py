"""Regenerate what the window builds from sources, in the source tree:

    python -m motcua_desk.ui.build            # everything below
    python -m motcua_desk.ui.build uic        # forms/*.ui  -> motcua_desk/ui/forms/ui_*.py
    python -m motcua_desk.ui.build rcc        # resources/icons.qrc -> ui/forms/rc_icons.py
    python -m motcua_desk.ui.build lupdate    # sources -> resources/i18n/motcua_desk_vi.ts
    python -m motcua_desk.ui.build lrelease   # .ts -> .qm (committed next to the .ts)

The generated files are committed; tests regenerate them into a temporary directory and fail
when the committed ones are stale (STYLE #3, #12). Like Picard's setup.py build_ui and Anki's
qt/tools/build_ui.py, and Vorta's Makefile for lupdate/lrelease.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
FORMS_DIR = ROOT / "forms"
GENERATED_DIR = ROOT / "motcua_desk" / "ui" / "forms"
UI_SOURCES = ROOT / "motcua_desk" / "ui"
I18N_DIR = ROOT / "resources" / "i18n"
TS_FILE = I18N_DIR / "motcua_desk_vi.ts"
QM_FILE = I18N_DIR / "motcua_desk_vi.qm"
QRC_FILE = ROOT / "resources" / "icons.qrc"
RC_MODULE = GENERATED_DIR / "rc_icons.py"


def tool(name: str) -> str:
    """A PySide6 tool (pyside6-uic, …): next to this Python first, then on PATH."""
    here = Path(sys.executable).parent
    for candidate in (here / name, here / f"{name}.exe"):
        if candidate.exists():
            return str(candidate)
    found = shutil.which(name)
    if not found:
        raise FileNotFoundError(f"{name} not found (is PySide6 installed in this Python?)")
    return found


def _run(*args: str) -> None:
    subprocess.run(args, check=True, capture_output=True, text=True)


def generated_name(ui_file: Path) -> Path:
    return GENERATED_DIR / f"ui_{ui_file.stem}.py"


def uic(ui_file: Path, out: Path) -> None:
    _run(tool("pyside6-uic"), "--no-autoconnection", str(ui_file), "-o", str(out))


def rcc(qrc: Path, out: Path) -> None:
    # format 1 carries no file modification times: a fresh clone rebuilds the same bytes
    _run(tool("pyside6-rcc"), "--format-version", "1", "--no-zstd", str(qrc), "-o", str(out))


def without_header(text: str) -> str:
    """Generated Python without the tool's banner (it names the tool's version)."""
    return "\n".join(
        line
        for line in text.splitlines()
        if not line.startswith("##")
        and "Created by:" not in line
        and not line.startswith("# Resource object code")
    ).strip()


def translation_sources() -> list[Path]:
    py = sorted(p for p in UI_SOURCES.rglob("*.py") if "forms" not in p.parts[-2:])
    return py + sorted(FORMS_DIR.glob("*.ui"))


def lupdate(ts: Path = TS_FILE) -> None:
    ts.parent.mkdir(parents=True, exist_ok=True)
    _run(
        tool("pyside6-lupdate"),
        "-no-obsolete",
        "-locations",
        "none",
        *map(str, translation_sources()),
        "-ts",
        str(ts),
    )


def lrelease(ts: Path = TS_FILE, qm: Path = QM_FILE) -> None:
    _run(tool("pyside6-lrelease"), "-silent", str(ts), "-qm", str(qm))


def released_bytes(ts: Path = TS_FILE) -> bytes:
    """What lrelease makes of the .ts now (to compare with the committed .qm)."""
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "check.qm"
        lrelease(ts, out)
        return out.read_bytes()


def build_uic() -> list[Path]:
    made = []
    for ui_file in sorted(FORMS_DIR.glob("*.ui")):
        out = generated_name(ui_file)
        uic(ui_file, out)
        made.append(out)
    return made


def build_rcc() -> list[Path]:
    if not QRC_FILE.exists():
        return []
    rcc(QRC_FILE, RC_MODULE)
    return [RC_MODULE]


def main(argv: list[str] | None = None) -> int:
    steps = (argv if argv is not None else sys.argv[1:]) or ["uic", "rcc", "lupdate", "lrelease"]
    for step in steps:
        if step == "uic":
            for p in build_uic():
                print(f"uic      {p.relative_to(ROOT)}")
        elif step == "rcc":
            for p in build_rcc():
                print(f"rcc      {p.relative_to(ROOT)}")
        elif step == "lupdate":
            lupdate()
            print(f"lupdate  {TS_FILE.relative_to(ROOT)}")
        elif step == "lrelease":
            lrelease()
            print(f"lrelease {QM_FILE.relative_to(ROOT)}")
        else:
            print(f"unknown step {step!r} (uic, rcc, lupdate, lrelease)", file=sys.stderr)
            return 2
    return 0


if __name__ == "__main__":
    sys.exit(main())
