"""The layers of ARCHITECTURE.md hold: core is Qt-free, ui never touches the DB layer."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent


def test_import_linter_contracts_hold() -> None:
    """Every import-linter contract in pyproject.toml is kept."""
    result = subprocess.run(
        [sys.executable, "-c", "import sys; from importlinter.cli import lint_imports; "
         "sys.exit(lint_imports(no_cache=True))"],
        cwd=REPO, capture_output=True, text=True, check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "0 broken" in result.stdout


def test_importing_core_and_cli_leaves_pyside6_unloaded() -> None:
    """Core and the CLI module load without Qt, so scripts and the seed build need no display."""
    code = (
        "import sys, pkgutil, importlib, breastedu.core, breastedu.cli\n"
        "for m in pkgutil.walk_packages(breastedu.core.__path__, 'breastedu.core.'):\n"
        "    importlib.import_module(m.name)\n"
        "assert not [m for m in sys.modules if m.startswith(('PySide6', 'shiboken6'))], 'Qt loaded'\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stderr
