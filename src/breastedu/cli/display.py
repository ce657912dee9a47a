"""Can a window open here? Checked before Qt is loaded, because Qt aborts the process instead.

On Linux, Qt's xcb platform plugin needs a reachable X server and about twenty system
libraries; when one is missing Qt prints a misleading message and dumps core. This module
checks both with ctypes (no Qt import) and raises :class:`DisplayError` with one line that
names the missing library or the unreachable display and how to fix it. Other platforms,
and an explicitly chosen non-xcb Qt platform (``offscreen``, ``wayland``...), are left to Qt.
"""

from __future__ import annotations

import ctypes
import os
import sys
from collections.abc import Callable, Iterable
from pathlib import Path

from breastedu.core.errors import InputError

# What Qt 6's xcb plugin (libqxcb.so and libQt6XcbQpa.so.6) links against, beyond libc and Qt,
# from `readelf -d` on PySide6-Essentials 6.11: soname -> (Debian/Ubuntu package, Fedora package).
XCB_LIBRARIES: dict[str, tuple[str, str]] = {
    "libxcb.so.1": ("libxcb1", "libxcb"),
    "libX11.so.6": ("libx11-6", "libX11"),
    "libX11-xcb.so.1": ("libx11-xcb1", "libX11-xcb"),
    "libxcb-cursor.so.0": ("libxcb-cursor0", "xcb-util-cursor"),
    "libxcb-icccm.so.4": ("libxcb-icccm4", "xcb-util-wm"),
    "libxcb-image.so.0": ("libxcb-image0", "xcb-util-image"),
    "libxcb-keysyms.so.1": ("libxcb-keysyms1", "xcb-util-keysyms"),
    "libxcb-randr.so.0": ("libxcb-randr0", "libxcb"),
    "libxcb-render.so.0": ("libxcb-render0", "libxcb"),
    "libxcb-render-util.so.0": ("libxcb-render-util0", "xcb-util-renderutil"),
    "libxcb-shape.so.0": ("libxcb-shape0", "libxcb"),
    "libxcb-shm.so.0": ("libxcb-shm0", "libxcb"),
    "libxcb-sync.so.1": ("libxcb-sync1", "libxcb"),
    "libxcb-util.so.1": ("libxcb-util1", "xcb-util"),
    "libxcb-xfixes.so.0": ("libxcb-xfixes0", "libxcb"),
    "libxcb-xkb.so.1": ("libxcb-xkb1", "libxcb"),
    "libxkbcommon.so.0": ("libxkbcommon0", "libxkbcommon"),
    "libxkbcommon-x11.so.0": ("libxkbcommon-x11-0", "libxkbcommon-x11"),
    "libGL.so.1": ("libgl1", "libglvnd-glx"),
    "libEGL.so.1": ("libegl1", "libglvnd-egl"),
    "libfontconfig.so.1": ("libfontconfig1", "fontconfig"),
    "libglib-2.0.so.0": ("libglib2.0-0", "glib2"),
    "libgthread-2.0.so.0": ("libglib2.0-0", "glib2"),
    "libdbus-1.so.3": ("libdbus-1-3", "dbus-libs"),
}

HINT = "see 'Quick start' in the README"


class DisplayError(InputError):
    """No window can be opened here (no display, an unreachable one, or a missing library)."""


def _loads(soname: str) -> bool:
    """True if the dynamic loader finds ``soname`` (or a PyInstaller bundle ships it)."""
    candidates = [soname]
    frozen = getattr(sys, "_MEIPASS", None)
    if frozen:
        candidates.insert(0, str(Path(frozen) / soname))
    for name in candidates:
        try:
            ctypes.CDLL(name)
        except OSError:
            continue
        return True
    return False


def missing_libraries(
    sonames: Iterable[str] | None = None, loads: Callable[[str], bool] = _loads
) -> list[str]:
    """The sonames among ``sonames`` (default: the xcb plugin's) that cannot be loaded, in order."""
    return [name for name in (XCB_LIBRARIES if sonames is None else sonames) if not loads(name)]


def missing_library_message(missing: list[str]) -> str:
    """One line naming the missing libraries and the packages that bring them."""
    debian = sorted({XCB_LIBRARIES.get(name, (name, name))[0] for name in missing})
    fedora = sorted({XCB_LIBRARIES.get(name, (name, name))[1] for name in missing})
    return (
        f"the window cannot open: missing system {'library' if len(missing) == 1 else 'libraries'} "
        f"{', '.join(missing)}; install with 'sudo apt install {' '.join(debian)}' (Debian/Ubuntu) "
        f"or 'sudo dnf install {' '.join(fedora)}' (Fedora), {HINT}"
    )


def x_server_reachable(display: str) -> bool:
    """True if libxcb can connect to the X server ``display`` (and is allowed to)."""
    try:
        xcb = ctypes.CDLL("libxcb.so.1")
    except OSError:
        return False
    xcb.xcb_connect.restype = ctypes.c_void_p
    xcb.xcb_connect.argtypes = [ctypes.c_char_p, ctypes.POINTER(ctypes.c_int)]
    xcb.xcb_connection_has_error.argtypes = [ctypes.c_void_p]
    xcb.xcb_disconnect.argtypes = [ctypes.c_void_p]
    screen = ctypes.c_int(0)
    connection = xcb.xcb_connect(display.encode(), ctypes.byref(screen))
    try:
        return bool(connection) and xcb.xcb_connection_has_error(connection) == 0
    finally:
        if connection:
            xcb.xcb_disconnect(connection)  # safe on an errored connection too


def uses_xcb(environ: dict[str, str] | os._Environ[str] = os.environ, platform: str = sys.platform) -> bool:
    """True when Qt will pick its xcb plugin: Linux, no other platform chosen, no Wayland session."""
    if not platform.startswith("linux"):
        return False
    chosen = environ.get("QT_QPA_PLATFORM", "").split(";")[0].split(":")[0].strip()
    if chosen:
        return chosen == "xcb"
    return not environ.get("WAYLAND_DISPLAY")


def check_display(environ: dict[str, str] | os._Environ[str] = os.environ) -> None:
    """Raise :class:`DisplayError` (one line, with the fix) if Qt's xcb window cannot open here."""
    if not uses_xcb(environ):
        return
    display = environ.get("DISPLAY", "")
    if not display:
        raise DisplayError(
            "no display: DISPLAY is not set; open BreastEdu from a desktop session, or check an "
            "install without one with 'xvfb-run -a breastedu --self-test' "
            "(or QT_QPA_PLATFORM=offscreen breastedu --self-test)"
        )
    missing = missing_libraries()
    if missing:
        raise DisplayError(missing_library_message(missing))
    if not x_server_reachable(display):
        raise DisplayError(
            f"cannot reach the display DISPLAY={display} (no X server answers there, or it refused "
            "this user); open BreastEdu from a desktop session, or check an install without one "
            "with 'xvfb-run -a breastedu --self-test'"
        )
