"""Update the interface's translation sources and build them: ``pyside6-lupdate`` collects every
``translate()`` of ``src/breastedu/ui`` into ``resources/translations/breastedu_<lang>.ts``
(new strings come in unfinished, gone ones are dropped), and ``pyside6-lrelease`` builds the
``.qm`` file the app loads (shipped in the wheel and the bundle with ``resources/``).

    python tools/translations.py           # update the .ts, then build the .qm
    python tools/translations.py --check   # exit 1 if a .ts is out of date or unfinished
    python tools/translations.py --release # only build the .qm from the .ts (the bundle build)
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SOURCES = ROOT / "src" / "breastedu" / "ui"
FOLDER = ROOT / "resources" / "translations"
#: The interface's translations (English is the source language).
LANGS = ("zh_TW",)


def tool(name: str) -> str:
    """``pyside6-<name>`` beside this Python (a venv), else on PATH."""
    here = Path(sys.executable).parent / f"pyside6-{name}"
    found = str(here) if here.exists() else shutil.which(f"pyside6-{name}")
    if found is None:
        raise SystemExit(f"translations: pyside6-{name} not found (pip install PySide6)")
    return found


def ts_file(lang: str) -> Path:
    return FOLDER / f"breastedu_{lang}.ts"


def lupdate(ts: Path) -> None:
    """Bring ``ts`` up to date with the sources (no line numbers: the file changes only when a
    string does)."""
    files = sorted(str(p) for p in SOURCES.rglob("*.py"))
    subprocess.run(
        [tool("lupdate"), "-silent", "-no-obsolete", "-locations", "none", *files, "-ts", str(ts)],
        check=True,
    )


def lrelease(ts: Path, qm: Path) -> None:
    subprocess.run([tool("lrelease"), "-silent", str(ts), "-qm", str(qm)], check=True)


def messages(ts: Path) -> dict[tuple[str, str], str | None]:
    """(context, source) -> its finished translation, or None when unfinished or empty."""
    out: dict[tuple[str, str], str | None] = {}
    for context in ET.parse(ts).getroot().iter("context"):
        name = context.findtext("name", "")
        for message in context.iter("message"):
            translation = message.find("translation")
            done = translation is not None and translation.get("type") is None and bool(translation.text)
            out[name, message.findtext("source", "")] = translation.text if done else None  # type: ignore[union-attr]
    return out


def problems(lang: str) -> list[str]:
    """What is wrong with ``lang``'s .ts: strings missing from it (out of date with the
    sources), strings it has that the sources no longer use, and unfinished translations."""
    ts = ts_file(lang)
    with tempfile.TemporaryDirectory() as tmp:
        fresh = Path(tmp) / ts.name
        shutil.copy(ts, fresh)
        lupdate(fresh)
        wanted = set(messages(fresh))
    have = messages(ts)
    out = [
        f"{ts.name}: not in the .ts (run tools/translations.py): {c}: {s!r}"
        for c, s in sorted(wanted - set(have))
    ]
    out += [f"{ts.name}: no longer in the sources: {c}: {s!r}" for c, s in sorted(set(have) - wanted)]
    out += [f"{ts.name}: unfinished: {c}: {s!r}" for (c, s), t in sorted(have.items()) if t is None]
    return out


def main(argv: list[str]) -> int:
    if "--check" in argv:
        found = [line for lang in LANGS for line in problems(lang)]
        print("\n".join(found) or "translations: up to date and finished")
        return 1 if found else 0
    FOLDER.mkdir(parents=True, exist_ok=True)
    for lang in LANGS:
        ts = ts_file(lang)
        if "--release" not in argv:
            lupdate(ts)
        lrelease(ts, ts.with_suffix(".qm"))
        left = sum(1 for t in messages(ts).values() if t is None)
        print(f"{ts.relative_to(ROOT)}: {len(messages(ts))} strings, {left} unfinished")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
