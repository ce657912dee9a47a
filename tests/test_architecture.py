"""The layers of ARCHITECTURE.md hold: core is Qt-free, ui never touches the DB layer."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent


def test_import_linter_contracts_hold() -> None:
    """Every import-linter contract in pyproject.toml is kept."""
    result = subprocess.run(
        [
            sys.executable,
            "-c",
            "import sys; from importlinter.cli import lint_imports; sys.exit(lint_imports(no_cache=True))",
        ],
        cwd=REPO,
        capture_output=True,
        text=True,
        check=False,
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


def test_no_ui_or_cli_module_holds_a_db_class_even_through_a_re_export() -> None:
    """No name a UI or CLI module imports is an engine, session or DB class (a re-export of
    ``UserDB`` from a service module would pass import-linter's direct-import check)."""
    code = (
        "import importlib, inspect, pkgutil, breastedu.ui, breastedu.cli\n"
        "private = ('sqlalchemy', 'breastedu.core.content.schema', 'breastedu.core.content.engine',\n"
        "           'breastedu.core.notebook.schema', 'breastedu.core.notebook.userdb',\n"
        "           'breastedu.core.search.index')\n"
        "bad = []\n"
        "for pkg in (breastedu.ui, breastedu.cli):\n"
        "    for m in pkgutil.walk_packages(pkg.__path__, pkg.__name__ + '.'):\n"
        "        mod = importlib.import_module(m.name)\n"
        "        for name, value in vars(mod).items():\n"
        "            owner = getattr(value, '__module__', None) if (inspect.isclass(value)\n"
        "                    or inspect.isfunction(value)) else getattr(value, '__name__', None)\n"
        "            if inspect.ismodule(value) or inspect.isclass(value) or inspect.isfunction(value):\n"
        "                if isinstance(owner, str) and owner.startswith(private):\n"
        "                    bad.append(f'{m.name}.{name} -> {owner}')\n"
        "assert not bad, bad\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        check=False,
        env={**__import__("os").environ, "QT_QPA_PLATFORM": "offscreen"},
    )
    assert result.returncode == 0, result.stderr
