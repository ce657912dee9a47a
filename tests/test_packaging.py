"""Desktop integration: the .desktop file and AppStream metainfo validate, the per-user install
script puts every file where desktops look and takes it all back, one version everywhere, and
the README, .ci/run and the display check name the same system packages."""

from __future__ import annotations

import os
import re
import shutil
import stat
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from tests.conftest import REPO
from tests.system_tools import PACKAGES, tool

from breastedu import __version__
from breastedu.cli.display import XCB_LIBRARIES

LINUX = REPO / "packaging" / "linux"
APP_ID = "org.breastedu.BreastEdu"
DESKTOP = LINUX / f"{APP_ID}.desktop"
METAINFO = LINUX / f"{APP_ID}.metainfo.xml"
ICONS = REPO / "resources" / "icons"
SIZES = (16, 24, 32, 48, 64, 128, 256, 512)


def test_desktop_file_validates() -> None:
    result = subprocess.run([tool("desktop-file-validate"), str(DESKTOP)], capture_output=True, text=True)
    assert result.returncode == 0 and result.stdout.strip() == "", result.stdout + result.stderr


def test_metainfo_validates() -> None:
    result = subprocess.run(
        [tool("appstreamcli"), "validate", "--no-net", str(METAINFO)], capture_output=True, text=True
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "E:" not in result.stdout and "W:" not in result.stdout, result.stdout


def test_package_texts_credit_the_editors_not_doctors() -> None:
    """What software centres and pip show never says doctors wrote the editors' answers."""
    import tomllib

    description = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["project"][
        "description"
    ]
    summary = " ".join("".join(ET.parse(METAINFO).getroot().find("description").itertext()).split())  # type: ignore[union-attr]
    for text in (description, summary):
        assert "answered by doctors" not in text and "editors" in text, text


def test_one_version_everywhere() -> None:
    """The metainfo's newest release is the package version (the bundle's name reads it too)."""
    releases = ET.parse(METAINFO).getroot().findall("./releases/release")
    assert releases[0].get("version") == __version__
    result = subprocess.run(
        [sys.executable, "-m", "breastedu", "--version"], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == f"breastedu {__version__}"
    assert 'dynamic = ["version"]' in (REPO / "pyproject.toml").read_text(encoding="utf-8")
    assert "from breastedu import __version__" in (REPO / "packaging" / "breastedu.spec").read_text()


def test_icon_pngs_are_the_sizes_they_say() -> None:
    from PySide6.QtGui import QImage

    for size in SIZES:
        image = QImage(str(ICONS / f"breastedu-{size}.png"))
        assert (image.width(), image.height()) == (size, size)
        assert image.hasAlphaChannel()


def _bundle_like(tmp_path: Path) -> Path:
    """A folder laid out like dist/breastedu/ (a stub program) for the install script."""
    bundle = tmp_path / "bundle"
    (bundle / "share" / "icons").mkdir(parents=True)
    program = bundle / "breastedu"
    program.write_text(f"#!/bin/sh\necho 'breastedu {__version__}'\n")
    program.chmod(program.stat().st_mode | stat.S_IXUSR)
    shutil.copy(LINUX / "install.sh", bundle)
    shutil.copy(DESKTOP, bundle / "share")
    shutil.copy(METAINFO, bundle / "share")
    for icon in [ICONS / "breastedu.svg", *(ICONS / f"breastedu-{s}.png" for s in SIZES)]:
        shutil.copy(icon, bundle / "share" / "icons")
    return bundle


def test_install_and_uninstall_per_user(tmp_path: Path) -> None:
    bundle = _bundle_like(tmp_path)
    prefix = tmp_path / "home" / ".local"
    env = dict(os.environ, PREFIX=str(prefix), HOME=str(tmp_path / "home"))
    subprocess.run(["bash", str(bundle / "install.sh")], env=env, check=True, capture_output=True)

    app = prefix / "lib" / "breastedu"
    desktop = prefix / "share" / "applications" / f"{APP_ID}.desktop"
    assert (app / "breastedu").is_file()
    assert (prefix / "bin" / "breastedu").resolve() == (app / "breastedu").resolve()
    assert f"Exec={app}/breastedu" in desktop.read_text().splitlines()
    assert subprocess.run([tool("desktop-file-validate"), str(desktop)], capture_output=True).returncode == 0
    assert (prefix / "share" / "metainfo" / f"{APP_ID}.metainfo.xml").is_file()
    assert (prefix / "share" / "icons" / "hicolor" / "scalable" / "apps" / f"{APP_ID}.svg").is_file()
    for size in SIZES:
        assert (
            prefix / "share" / "icons" / "hicolor" / f"{size}x{size}" / "apps" / f"{APP_ID}.png"
        ).is_file()

    her_notes = prefix / "share" / "breastedu" / "user.sqlite"  # her data: never touched
    her_notes.parent.mkdir(parents=True)
    her_notes.write_bytes(b"notes")
    result = subprocess.run(
        ["bash", str(app / "install.sh"), "--uninstall"], env=env, check=True, capture_output=True, text=True
    )
    assert "kept" in result.stdout
    caches = {"mimeinfo.cache", "icon-theme.cache"}  # the desktop's shared caches, refreshed
    left = sorted(
        p.relative_to(prefix).as_posix() for p in prefix.rglob("*") if p.is_file() and p.name not in caches
    )
    assert left == ["share/breastedu/user.sqlite"]


def test_install_script_refuses_outside_a_bundle(tmp_path: Path) -> None:
    lonely = tmp_path / "install.sh"
    shutil.copy(LINUX / "install.sh", lonely)
    result = subprocess.run(
        ["bash", str(lonely)],
        env=dict(os.environ, PREFIX=str(tmp_path / "p")),
        capture_output=True,
        text=True,
    )
    assert result.returncode == 2 and result.stderr.count("\n") == 1
    assert not (tmp_path / "p").exists()


#: Beyond the display check's libraries: the system font cache (so no per-user one is written),
#: CUPS for real printers, and venv for the README's first command.
APP_PACKAGES = {"fontconfig", "libcups2", "python3-venv"}


@pytest.mark.parametrize("where", ["README.md", ".ci/run"])
def test_system_packages_agree_with_the_display_check_and_the_tests(where: str) -> None:
    """The README's apt lines and .ci/run install every package the display check names, and
    every package of a program the tests run (tests/system_tools.py)."""
    text = (REPO / where).read_text(encoding="utf-8")
    apt_lines = [line for line in text.splitlines() if "apt install" in line or "apt-get install" in line]
    words = set(re.findall(r"[\w.+-]+", text if where == ".ci/run" else "\n".join(apt_lines)))
    wanted = {debian for debian, _ in XCB_LIBRARIES.values()} | APP_PACKAGES | set(PACKAGES.values())
    missing = sorted(wanted - words)
    assert missing == [], f"{where} does not install {missing}"


def test_readme_names_every_environment_variable_the_app_reads() -> None:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    used = {
        name
        for path in (REPO / "src").rglob("*.py")
        for name in re.findall(r"BREASTEDU_[A-Z_]+", path.read_text(encoding="utf-8"))
    }
    assert used and sorted(name for name in used if name not in readme) == []


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The wheel `pip install .` would install, unpacked as in site-packages (no source tree)."""
    import sys
    import zipfile

    out = tmp_path_factory.mktemp("wheel")
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "-q",
            "--no-deps",
            "--no-build-isolation",
            "-w",
            str(out),
            str(REPO),
        ],
        check=True,
        capture_output=True,
    )
    site = out / "site-packages"
    with zipfile.ZipFile(next(out.glob("breastedu-*.whl"))) as wheel:
        wheel.extractall(site)
    return site


def _installed_breastedu(site: Path, cwd: Path, *args: str) -> subprocess.CompletedProcess[str]:
    import sys

    env = dict(os.environ, PYTHONPATH=str(site))  # the installed copy only, not src/
    return subprocess.run(
        [sys.executable, "-P", "-m", "breastedu", *args], cwd=cwd, env=env, capture_output=True, text=True
    )


def test_installed_package_imports_pages_with_its_own_data(installed: Path, tmp_path: Path) -> None:
    """`breastedu import` from a non-editable install: topics and synonyms travel in the wheel."""
    from tests.conftest import SHARED_PAGE

    db = tmp_path / "clinic.sqlite"
    result = _installed_breastedu(installed, tmp_path, "import", str(SHARED_PAGE), "--into", str(db))
    assert result.returncode == 0, result.stderr
    assert "1 added" in result.stdout
    shown = _installed_breastedu(installed, tmp_path, "--content-db", str(db), "topics")
    assert shown.returncode == 0 and "Breast calcifications" in shown.stdout


def test_installed_build_seed_says_it_needs_a_checkout(installed: Path, tmp_path: Path) -> None:
    result = _installed_breastedu(installed, tmp_path, "build-seed")
    assert result.returncode == 2
    assert result.stderr.count("\n") == 1 and "source checkout" in result.stderr
    assert "_bundled" not in result.stderr
