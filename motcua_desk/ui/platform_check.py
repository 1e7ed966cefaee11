"""Before Qt starts on Linux: the system libraries its X11 (xcb) plugin needs. Without them Qt
aborts the process inside QApplication with a message few officers can act on; here the
missing ones are named with the Debian/Ubuntu packages that bring them (logged and printed)."""

from __future__ import annotations

import os
import shutil
import sys
from collections.abc import Callable
from pathlib import Path

# library (as ctypes.util.find_library names it) -> Debian / Ubuntu package
XCB_LIBRARIES = {
    "xcb-cursor": "libxcb-cursor0",
    "xkbcommon-x11": "libxkbcommon-x11-0",
    "xcb-icccm": "libxcb-icccm4",
    "xcb-image": "libxcb-image0",
    "xcb-keysyms": "libxcb-keysyms1",
    "xcb-randr": "libxcb-randr0",
    "xcb-render-util": "libxcb-render-util0",
    "xcb-shape": "libxcb-shape0",
    "xcb-xkb": "libxcb-xkb1",
    "EGL": "libegl1",
    "GL": "libgl1",
    "fontconfig": "libfontconfig1",
    "dbus-1": "libdbus-1-3",
}


def uses_xcb(env: dict[str, str] | None = None, platform: str | None = None) -> bool:
    env = os.environ if env is None else env
    if not (platform or sys.platform).startswith("linux"):
        return False
    chosen = env.get("QT_QPA_PLATFORM", "")
    if chosen:
        return chosen.split(":")[0] == "xcb"
    return env.get("XDG_SESSION_TYPE", "") != "wayland"


def _plugin_files() -> list[Path]:
    """Qt's xcb plugin and its QPA library as the installed PySide6 ships them."""
    try:
        import PySide6
    except ImportError:  # pragma: no cover - the window needs it anyway
        return []
    qt = Path(PySide6.__file__).parent / "Qt"
    return [
        p for p in (qt / "plugins/platforms/libqxcb.so", qt / "lib/libQt6XcbQpa.so.6") if p.exists()
    ]


def unresolved_by_ldd(files: list[Path]) -> list[str] | None:
    """The shared libraries the dynamic loader cannot find for these files (ldd's "not
    found"), or None when ldd cannot tell."""
    ldd = shutil.which("ldd")
    if not ldd or not files:
        return None
    import subprocess  # here: the window's start on Wayland, Windows or offscreen needs none

    missing: list[str] = []
    for f in files:
        try:
            out = subprocess.run(
                [ldd, str(f)], capture_output=True, text=True, timeout=10, check=False
            ).stdout
        except (OSError, subprocess.SubprocessError):
            return None
        for line in out.splitlines():
            if "not found" in line:
                name = line.split("=>")[0].strip()
                if name and name not in missing:
                    missing.append(name)
    return missing


def _package_of(soname: str) -> str:
    base = soname.removeprefix("lib").split(".so")[0]
    return XCB_LIBRARIES.get(base, soname)


def missing_packages(
    find: Callable[[str], str | None] | None = None, files: list[Path] | None = None
) -> list[str]:
    """The Debian packages of the xcb plugin's libraries that cannot be found: what the loader
    says (ldd on the plugin), else a lookup of each known library (`find`: by default
    ctypes.util.find_library)."""
    unresolved = unresolved_by_ldd(_plugin_files() if files is None else files)
    if unresolved is not None:
        return list(dict.fromkeys(_package_of(s) for s in unresolved))
    if find is None:
        import ctypes.util

        find = ctypes.util.find_library
    return [pkg for lib, pkg in XCB_LIBRARIES.items() if not find(lib)]


def xcb_problem(
    env: dict[str, str] | None = None,
    platform: str | None = None,
    find: Callable[[str], str | None] | None = None,
    files: list[Path] | None = None,
) -> str:
    """'' when the window can start, else one message saying what to install."""
    if not uses_xcb(env, platform):
        return ""
    missing = missing_packages(find, files)
    if not missing:
        return ""
    return (
        "the window cannot start: the X11 libraries Qt needs are missing. On Debian or "
        f"Ubuntu install them with: sudo apt install {' '.join(missing)}"
    )
