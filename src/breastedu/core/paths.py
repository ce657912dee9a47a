"""Where things live: the bundled content DB and resources, and the per-user data folder.

The user folder comes from platformdirs (the maintained successor of appdirs) unless
``--user-dir`` or ``BREASTEDU_USER_DIR`` overrides it, for tests and portable installs.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

import platformdirs

APP_NAME = "breastedu"
USER_DIR_ENV = "BREASTEDU_USER_DIR"
CONTENT_DB_ENV = "BREASTEDU_CONTENT_DB"

_PACKAGE_DIR = Path(__file__).resolve().parent.parent


def _bundle_roots() -> list[Path]:
    """Folders that may hold ``data/`` and ``resources/``, most specific first."""
    roots = [_PACKAGE_DIR / "_bundled"]  # inside an installed wheel
    frozen = getattr(sys, "_MEIPASS", None)  # a PyInstaller build
    if frozen:
        roots.append(Path(frozen))
    roots.append(_PACKAGE_DIR.parent.parent)  # a source checkout: src/breastedu -> repo root
    return roots


def repo_root() -> Path | None:
    """The source checkout holding ``data/`` sources, or None when running from a wheel."""
    root = _PACKAGE_DIR.parent.parent
    return root if (root / "pyproject.toml").exists() and (root / "data").is_dir() else None


def bundled(relative: str) -> Path:
    """The first existing bundled file or folder at ``relative`` (e.g. ``"data/seed.sqlite"``)."""
    for root in _bundle_roots():
        candidate = root / relative
        if candidate.exists():
            return candidate
    return _bundle_roots()[-1] / relative


def default_content_db() -> Path:
    """The content DB to open: ``BREASTEDU_CONTENT_DB`` or the bundled seed."""
    env = os.environ.get(CONTENT_DB_ENV)
    return entered_path(env) if env else bundled("data/seed.sqlite")


def resources_dir() -> Path:
    """The bundled ``resources/`` folder (icons, themes, illustrations)."""
    return bundled("resources")


def entered_path(text: str | os.PathLike[str]) -> Path:
    """A folder or file name as a person typed it, made absolute once, where it enters the app.

    ``~`` is expanded even when the shell did not (a quoted ``"~/notes"``, or a variable set in a
    launcher), and a relative name is taken from the current folder, so ``--user-dir notes`` on a
    USB stick means the ``notes`` folder next to where she started the app, everywhere after.
    Links are left as they are (``absolute``, not ``resolve``): what a link points to is checked
    where the file is opened.
    """
    return Path(os.path.expanduser(os.fspath(text))).absolute()


def user_dir(override: str | os.PathLike[str] | None = None) -> Path:
    """The per-user data folder, absolute: ``override``, else ``BREASTEDU_USER_DIR``, else platformdirs."""
    if override:
        return entered_path(override)
    env = os.environ.get(USER_DIR_ENV)
    if env:
        return entered_path(env)
    return platformdirs.user_data_path(APP_NAME, appauthor=False)


def cache_dir() -> Path:
    """Where derived data may be kept between runs (a large library's search index):
    ``BREASTEDU_CACHE_DIR``, else the platformdirs user cache folder. Never personal data."""
    env = os.environ.get("BREASTEDU_CACHE_DIR")
    return Path(env) if env else platformdirs.user_cache_path(APP_NAME, appauthor=False)
