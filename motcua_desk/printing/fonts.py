"""The forms' font family: Liberation Serif (metric-compatible with Times New Roman, full
Vietnamese coverage), shipped as real files in resources/fonts/ with its licence.

The same files are registered with Qt by the ui layer (FONT_FILES), so the preview and the
paper use one typeface. Registration with reportlab happens once per process.
"""

from __future__ import annotations

import threading
from pathlib import Path

from reportlab import rl_config
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from motcua_desk.paths import fonts_dir

FAMILY = "MotcuaSerif"
REGULAR = f"{FAMILY}-Regular"
BOLD = f"{FAMILY}-Bold"
ITALIC = f"{FAMILY}-Italic"
BOLD_ITALIC = f"{FAMILY}-BoldItalic"

_FILES = {
    "regular": "LiberationSerif-Regular.ttf",
    "bold": "LiberationSerif-Bold.ttf",
    "italic": "LiberationSerif-Italic.ttf",
    "bold_italic": "LiberationSerif-BoldItalic.ttf",
}
_NAMES = {"regular": REGULAR, "bold": BOLD, "italic": ITALIC, "bold_italic": BOLD_ITALIC}

# style -> file; the ui layer registers the same files with QFontDatabase.
FONT_FILES: dict[str, Path] = {style: fonts_dir() / name for style, name in _FILES.items()}

_lock = threading.Lock()
_registered = False


def register_fonts() -> None:
    """Register the four faces and the family mapping with reportlab (idempotent, thread-safe).

    Also switches off reportlab's ASCII-85 wrapping of page streams (a 7-bit transport
    nicety of PDF 1.0 days): binary Flate streams are 20 % smaller and faster to write.
    Raises FileNotFoundError naming the missing file when the bundle lacks a font."""
    global _registered
    if _registered:
        return
    with _lock:
        if _registered:
            return
        for style, path in FONT_FILES.items():
            if not path.is_file():
                raise FileNotFoundError(f"font file missing: {path}")
            pdfmetrics.registerFont(TTFont(_NAMES[style], str(path)))
        # so that <b>/<i> inside a paragraph pick the right face
        pdfmetrics.registerFontFamily(
            FAMILY, normal=REGULAR, bold=BOLD, italic=ITALIC, boldItalic=BOLD_ITALIC
        )
        rl_config.useA85 = 0
        _registered = True
