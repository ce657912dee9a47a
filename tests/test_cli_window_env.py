"""What the CLI sets before Qt starts so that a window starts no D-Bus daemon and a kiosk
writes no font cache (the whole visit is checked in tests/ui/test_kiosk_privacy.py)."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from breastedu.cli.context import CliContext
from breastedu.cli.gui_cmds import _kiosk_requested
from breastedu.cli.window_env import (
    NO_BUS,
    fonts_conf_source,
    without_bus_autolaunch,
    without_font_cache_writes,
    without_user_font_cache,
)

FONTS_CONF = """<?xml version="1.0"?>
<!DOCTYPE fontconfig SYSTEM "urn:fontconfig:fonts.dtd">
<fontconfig>
  <dir>/usr/share/fonts</dir>
  <dir prefix="xdg">fonts</dir>
  <include ignore_missing="yes">conf.d</include>
  <cachedir>/var/cache/fontconfig</cachedir>
  <cachedir prefix="xdg">fontconfig</cachedir>
  <cachedir>~/.fontconfig</cachedir>
  <cachedir>/home/amy/.fc-cache</cachedir>
  <config><rescan><int>30</int></rescan></config>
</fontconfig>
"""


def test_no_bus_means_none_is_started(tmp_path: Path) -> None:
    env = {"XDG_RUNTIME_DIR": str(tmp_path)}
    assert without_bus_autolaunch(env, platform="linux")
    assert env["DBUS_SESSION_BUS_ADDRESS"] == NO_BUS


def test_a_running_bus_is_kept(tmp_path: Path) -> None:
    named = {"DBUS_SESSION_BUS_ADDRESS": "unix:path=/run/user/1000/bus"}
    assert not without_bus_autolaunch(named, platform="linux")
    assert named["DBUS_SESSION_BUS_ADDRESS"] == "unix:path=/run/user/1000/bus"
    (tmp_path / "bus").touch()  # systemd's user bus, found by libdbus without the variable
    session = {"XDG_RUNTIME_DIR": str(tmp_path)}
    assert not without_bus_autolaunch(session, platform="linux")
    assert "DBUS_SESSION_BUS_ADDRESS" not in session
    elsewhere: dict[str, str] = {}
    assert not without_bus_autolaunch(elsewhere, platform="win32") and elsewhere == {}


def test_only_the_system_font_cache_is_kept() -> None:
    text = without_user_font_cache(FONTS_CONF, Path("/etc/fonts"), "/home/amy")
    assert "<cachedir>/var/cache/fontconfig</cachedir>" in text
    assert text.count("<cachedir") == 1
    assert '<include ignore_missing="yes">/etc/fonts/conf.d</include>' in text
    assert '<dir prefix="xdg">fonts</dir>' in text  # her own fonts still load
    assert "<int>0</int>" in text and "<int>30</int>" not in text  # never re-read


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="fontconfig is Linux's")
def test_fontconfig_reads_the_edited_config_from_a_pipe(tmp_path: Path) -> None:
    conf = tmp_path / "fonts.conf"
    conf.write_text(FONTS_CONF, encoding="utf-8")
    env = {"FONTCONFIG_FILE": str(conf), "HOME": "/home/amy"}
    assert fonts_conf_source(env) == conf
    assert without_font_cache_writes(env, platform="linux")
    path = Path(env["FONTCONFIG_FILE"])
    assert path.is_fifo()  # fontconfig reads a pipe as it is (a real file would be resolved)
    text = path.read_text(encoding="utf-8")
    assert "<cachedir>/var/cache/fontconfig</cachedir>" in text and "~/.fontconfig" not in text
    assert sorted(p.name for p in tmp_path.iterdir()) == ["fonts.conf"]  # nothing written


def test_an_unreadable_config_is_left_alone(tmp_path: Path) -> None:
    broken = tmp_path / "fonts.conf"
    broken.write_text("<fontconfig><cachedir>", encoding="utf-8")
    env = {"FONTCONFIG_FILE": str(broken)}
    assert not without_font_cache_writes(env, platform="linux")
    assert env == {"FONTCONFIG_FILE": str(broken)}


def test_kiosk_mode_is_the_flag_or_the_clinic_config(tmp_path: Path) -> None:
    config = tmp_path / "clinic.toml"
    config.write_text("[kiosk]\nenabled = true\n", encoding="utf-8")
    assert _kiosk_requested(CliContext(kiosk=True))
    assert _kiosk_requested(CliContext(clinic_config=str(config)))
    config.write_text("[kiosk]\nenabled = false\n", encoding="utf-8")
    assert not _kiosk_requested(CliContext(clinic_config=str(config)))
    config.write_text("[kiosk\n", encoding="utf-8")  # unreadable: the window says so itself
    assert not _kiosk_requested(CliContext(clinic_config=str(config)))
