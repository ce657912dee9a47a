"""The process environment a window gets before Qt starts: no D-Bus daemon started for it, and
in kiosk mode no font cache written for it.

Both are side effects of libraries Qt loads, not of BreastEdu, and both must be set in the
environment before Qt reads it (so before ``breastedu.ui`` is imported):

- With no session bus (a bare X server, a kiosk started from a service), libdbus
  "autolaunches" one: it writes ``~/.dbus/session-bus/…`` and starts ``dbus-launch`` and
  ``dbus-daemon``, which outlive the app. A bus started that way serves nobody (no portal, no
  screen reader registry), so the window asks for none.
- With no system font cache (no ``fontconfig`` package, or fonts added since it was built),
  fontconfig writes one per user in ``~/.cache/fontconfig``. The kiosk writes nothing, so it
  reads the system's font configuration without the per-user cache folders: fonts still load,
  scanned at start (a few tenths of a second).
"""

from __future__ import annotations

import os
import sys
import xml.etree.ElementTree as ET
from collections.abc import MutableMapping
from pathlib import Path

#: A D-Bus address that connects nowhere and never autolaunches (libdbus and GDBus both read it).
NO_BUS = "disabled:"
#: Where fontconfig reads its configuration when FONTCONFIG_FILE and FONTCONFIG_PATH are unset.
SYSTEM_FONTS_CONF = Path("/etc/fonts/fonts.conf")
#: What a pipe takes without a reader on Linux (its smallest possible size, one page, is 4 KiB;
#: the default is 64 KiB). A fonts.conf is 3-6 KiB.
PIPE_BYTES = 60 * 1024


def without_bus_autolaunch(environ: MutableMapping[str, str], platform: str = sys.platform) -> bool:
    """Point D-Bus at no bus when none is running (Linux); True if ``environ`` was changed.

    A running bus is found as libdbus finds it: ``DBUS_SESSION_BUS_ADDRESS``, else the socket
    ``$XDG_RUNTIME_DIR/bus`` that systemd's user session provides.
    """
    if not platform.startswith("linux") or environ.get("DBUS_SESSION_BUS_ADDRESS"):
        return False
    runtime = environ.get("XDG_RUNTIME_DIR")
    if runtime and Path(runtime, "bus").exists():
        return False
    environ["DBUS_SESSION_BUS_ADDRESS"] = NO_BUS
    return True


def fonts_conf_source(environ: MutableMapping[str, str]) -> Path | None:
    """The main fontconfig file fontconfig would read, if there is one."""
    if environ.get("FONTCONFIG_FILE"):
        named = Path(environ["FONTCONFIG_FILE"])
        if not named.is_absolute():
            named = Path(environ.get("FONTCONFIG_PATH") or SYSTEM_FONTS_CONF.parent) / named
        return named if named.is_file() else None
    folder = environ.get("FONTCONFIG_PATH")
    for candidate in ([Path(folder) / "fonts.conf"] if folder else []) + [SYSTEM_FONTS_CONF]:
        if candidate.is_file():
            return candidate
    return None


def without_user_font_cache(config: str, source_dir: Path, home: str) -> str:
    """``config`` (a fonts.conf) with every per-user cache folder taken out.

    Kept: absolute cache folders outside ``home`` (the system's, which only root can write).
    Relative ``<include>`` paths are made absolute against ``source_dir``, since the text is
    read from elsewhere.
    """
    root = ET.fromstring(config)
    for rescan in root.iter("rescan"):
        rescan.clear()  # never re-read: the text is read once, from a pipe
        ET.SubElement(rescan, "int").text = "0"
    for parent in root.iter():
        for child in list(parent):
            if child.tag == "cachedir" and _per_user(child, home):
                parent.remove(child)
            elif child.tag == "include" and "prefix" not in child.attrib:
                target = (child.text or "").strip()
                if target and not target.startswith(("/", "~")):
                    child.text = str(source_dir / target)
    return ET.tostring(root, encoding="unicode")


def _per_user(cachedir: ET.Element, home: str) -> bool:
    path = (cachedir.text or "").strip()
    if "prefix" in cachedir.attrib or not path.startswith("/"):
        return True  # "xdg" (~/.cache), "~/…", or relative: all the user's
    return bool(home) and Path(path).is_relative_to(home)


def without_font_cache_writes(environ: MutableMapping[str, str], platform: str = sys.platform) -> bool:
    """Hand fontconfig its configuration without per-user cache folders; True if it was changed.

    The edited text waits in a pipe that fontconfig reads once at start-up (it accepts a named
    pipe as ``FONTCONFIG_FILE``; ``/proc/self/fd/N`` is one), so nothing is written to disk.
    Linux only; elsewhere Qt uses no fontconfig. Left alone when the configuration cannot be
    read or parsed, or is too long for a pipe.
    """
    if not platform.startswith("linux"):
        return False
    source = fonts_conf_source(environ)
    if source is None:
        return False
    try:
        text = without_user_font_cache(
            source.read_text(encoding="utf-8"), source.parent, environ.get("HOME", "")
        )
    except (OSError, UnicodeDecodeError, ET.ParseError):
        return False
    data = text.encode("utf-8")
    if len(data) > PIPE_BYTES:
        return False  # the write below would wait for a reader that only comes later
    read_end, write_end = os.pipe()
    os.write(write_end, data)
    os.close(write_end)  # fontconfig reads to the end, then finds the pipe closed
    environ["FONTCONFIG_FILE"] = f"/proc/self/fd/{read_end}"
    return True
