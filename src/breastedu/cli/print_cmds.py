"""``breastedu print`` (topic and question sheets to PDF) and ``breastedu visit-sheet``.

Both paint with Qt (``breastedu.ui.printing.painter``), imported inside the handlers so other commands
never load Qt; a QGuiApplication runs offscreen when there is no display. Without ``--out`` the
PDF is named after the sheet's title in the current folder (``Breast calcifications.pdf``). A
handout gets ordinary permissions (as the umask allows); the visit sheet, her own data, is
readable by her only. Bad input (an unknown slug, section or language, a path that cannot be
written) is one line and exit 2, with no file left.

Languages: the global ``--lang`` puts every sheet (and a pack's contents page, the page corners
and the visit sheet) in that language; ``--bilingual`` prints each sheet in Chinese, then in
English. One sheet of a pack can have its own language: ``SLUG:en``, ``SLUG:zh-TW`` or
``SLUG:bilingual``.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import sys
from pathlib import Path

from breastedu.cli.context import CliContext
from breastedu.core.catalogue import say
from breastedu.core.errors import InputError
from breastedu.core.languages import ENGLISH, check_language
from breastedu.core.render.sheets import (
    PAPERS,
    SECTIONS,
    SHEET_LANGUAGES,
    SheetOptions,
    parse_sections,
)


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add ``print`` and ``visit-sheet``."""
    cmd = sub.add_parser(
        "print",
        help="topic or question sheets as one PDF (several make a pack with a contents page)",
    )
    cmd.add_argument(
        "slugs",
        nargs="*",
        metavar="SLUG[:LANG]",
        help="topics or questions, in this order; :LANG prints that one sheet in "
        f"{', '.join(SHEET_LANGUAGES)} (default: --lang)",
    )
    cmd.add_argument(
        "--out", type=Path, metavar="FILE.pdf", help="the PDF to write (default: the title, here)"
    )
    cmd.add_argument("--all", action="store_true", help="every topic, in tree order, as one pack")
    cmd.add_argument("--large-print", action="store_true", help="body text at 16 pt")
    cmd.add_argument("--paper", choices=PAPERS, help="paper size (default: from the locale)")
    cmd.add_argument(
        "--sections",
        metavar="LIST",
        help=f"comma-separated, from: {','.join(SECTIONS)} (default: key-points,guide,my-questions)",
    )
    cmd.add_argument(
        "--bilingual",
        action="store_true",
        help="with --lang zh-TW: each section in Chinese, then in English (to read with a patient)",
    )
    cmd.add_argument(
        "--new-leaf",
        action="store_true",
        help="in a pack, start each sheet on an odd page (for double-sided printing)",
    )
    cmd.set_defaults(handler=run_print)
    visit = sub.add_parser(
        "visit-sheet", help="your follow-ups and questions for your doctor, as one PDF page"
    )
    visit.add_argument(
        "--out", type=Path, metavar="FILE.pdf", help="the PDF to write (default: My visit sheet.pdf, here)"
    )
    visit.add_argument("--paper", choices=PAPERS, help="paper size (default: from the locale)")
    visit.set_defaults(handler=run_visit_sheet)


def _check_out(path: Path | None) -> None:
    if path is not None and path.suffix.lower() != ".pdf":
        raise InputError("the output file name must end in .pdf", where=str(path))


def _start_qt() -> None:
    """A QGuiApplication for painting, offscreen unless a platform is chosen: a PDF needs no
    display, and an unreachable one would abort the process."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtGui import QGuiApplication

    if QGuiApplication.instance() is None:
        _start_qt.app = QGuiApplication(sys.argv[:1])  # type: ignore[attr-defined]
    _add_cjk_font()


def _add_cjk_font() -> None:
    """Make the shipped Chinese font available to the painter: a machine without a CJK font
    then still prints Chinese (the system's Noto Sans CJK TC is used first when present)."""
    from PySide6.QtGui import QFontDatabase

    from breastedu.core import paths
    from breastedu.core.render.sheet_words import CJK_FAMILY, CJK_FONT, CJK_FONT_BOLD

    if CJK_FAMILY not in QFontDatabase.families():
        for face in (CJK_FONT, CJK_FONT_BOLD):
            QFontDatabase.addApplicationFont(str(paths.bundled(face)))


def run_print(args: argparse.Namespace, ctx: CliContext) -> int:
    """Write the sheets for the slugs (or every topic) to one PDF."""
    _check_out(args.out)
    if args.all and args.slugs:
        raise InputError("give topic slugs or --all, not both", where="--all")
    sections = parse_sections(args.sections) if args.sections is not None else SheetOptions().sections
    options = SheetOptions(
        sections=sections, large_print=args.large_print, paper=args.paper, new_leaf=args.new_leaf
    )
    clinic = ctx.clinic().clinic
    from breastedu.core.render.sheets import SheetBuilder, pdf_file_name

    lang = _language(args)
    if args.bilingual and lang == ENGLISH:
        raise InputError("it prints a translation beside the English: add --lang zh-TW", where="--bilingual")
    builder = SheetBuilder(ctx.content(), lang, bilingual=args.bilingual)
    items = [(slug, None) for slug in builder.all_topics()] if args.all else _items(args.slugs)
    if not items:
        raise InputError("name at least one topic or question slug, or use --all", where="print")
    slugs, languages = [slug for slug, _l in items], [language for _s, language in items]
    builder.check(slugs)
    _start_qt()
    from breastedu.ui.printing.painter import write_pdf

    sheet = builder.build(
        slugs,
        options,
        clinic=clinic,
        title=say(builder.lang, "All topics") if args.all else None,
        pack=len(slugs) > 1,
        languages=languages,
    )
    out = args.out or Path(pdf_file_name(sheet.title))
    pages = write_pdf(sheet, out, paper=options.paper)
    print(f"{out} ({pages} page{'s' if pages != 1 else ''})")
    return 0


def _language(args: argparse.Namespace) -> str:
    """The global ``--lang`` (argparse lets only a known one through; checked again for callers
    that build the namespace themselves)."""
    return check_language(getattr(args, "lang", None) or ENGLISH)


def _items(words: list[str]) -> list[tuple[str, str | None]]:
    """``SLUG`` or ``SLUG:LANG`` words as (slug, its own language or None); InputError naming a
    word with an unknown language."""
    items: list[tuple[str, str | None]] = []
    for word in words:
        slug, colon, language = word.partition(":")
        if not colon:
            items.append((word, None))
            continue
        if language not in SHEET_LANGUAGES or not slug:
            raise InputError(
                f"unknown sheet language {language!r} (known: {', '.join(SHEET_LANGUAGES)}; write SLUG:LANG)",
                where=word,
            )
        items.append((slug, language))
    return items


def run_visit_sheet(args: argparse.Namespace, ctx: CliContext) -> int:
    """Her visit sheet (open follow-ups, questions for the doctor) as a PDF."""
    _check_out(args.out)
    lang = _language(args)
    folder = ctx.notebook_dir()  # refuses in kiosk mode: the sheet is her notebook
    clinic = ctx.clinic().clinic
    from breastedu.core.notebook.service import Notebook
    from breastedu.core.notebook.visit_sheet import visit_sheet_html
    from breastedu.core.render.sheets import header_for, pdf_file_name, visit_sheet

    today = dt.date.today()
    with Notebook.open(folder, backup=False) as notebook:
        html = visit_sheet_html(
            notebook.followups.list(today=today),
            notebook.notes.questions_for_doctor(),
            today=today,
            lang=lang,
        )
    _start_qt()
    from breastedu.ui.printing.painter import write_pdf

    sheet = visit_sheet(html, printed=today, header=header_for(clinic), lang=lang)
    out = args.out or Path(pdf_file_name(sheet.title))
    pages = write_pdf(sheet, out, paper=args.paper)
    print(f"{out} ({pages} page{'s' if pages != 1 else ''})")
    return 0
