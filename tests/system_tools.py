"""The system programs the tests run, and the one way a test asks for one.

A test that needs a program calls :func:`tool`; when the program is missing the test fails
with one line naming the Debian package to install, never with a raw ``FileNotFoundError`` and
never by skipping quietly. The README's "to run the tests" line and .ci/run install every
package named here (tests/test_packaging.py keeps the three in step).
"""

from __future__ import annotations

import shutil

import pytest

#: program -> the Debian/Ubuntu package that brings it.
PACKAGES: dict[str, str] = {
    "pdftotext": "poppler-utils",
    "pdfinfo": "poppler-utils",
    "pdffonts": "poppler-utils",
    "qpdf": "qpdf",
    "desktop-file-validate": "desktop-file-utils",
    "appstreamcli": "appstream",
    "xvfb-run": "xvfb",
    "xauth": "xauth",
}


def tool(name: str) -> str:
    """The path of the program ``name``; a missing one fails the test with the package to install."""
    path = shutil.which(name)
    if path is None:
        pytest.fail(
            f"{name} is missing: sudo apt install {PACKAGES[name]} "
            "(README, 'Install and run the tests', names every package the tests need)",
            pytrace=False,
        )
    return path


def missing_packages() -> list[str]:
    """The packages of the programs in :data:`PACKAGES` that are not on PATH, sorted, once each."""
    return sorted({package for name, package in PACKAGES.items() if shutil.which(name) is None})
