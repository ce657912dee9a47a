"""Content commands: ``build-seed``, ``import``, ``topics``, ``show``."""

from __future__ import annotations

import argparse
import datetime as dt
import re
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from breastedu.cli.context import CliContext
from breastedu.cli.output import jsonable, print_json, print_json_streamed
from breastedu.core import paths
from breastedu.core.catalogue import say
from breastedu.core.content.dto import EditorAnswerView, QuestionPage, QuestionRef, TopicPage, counts_text
from breastedu.core.content.provenance import split_paragraphs
from breastedu.core.errors import InputError, NotFoundError
from breastedu.core.languages import ENGLISH, notice
from breastedu.core.render.html import EDITORS_NOTE, doctor, editors_label, red_flags_md, warning_signs_title
from breastedu.core.render.provenance import more_info_label, provenance_text, source_line
from breastedu.core.words import counted

if TYPE_CHECKING:
    from breastedu.core.content.service import ContentService

#: Questions read at a time when ``show`` lists a whole topic.
SHOW_BATCH = 1000


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the content commands."""
    build = sub.add_parser("build-seed", help="rebuild data/seed.sqlite from the sources in data/")
    build.add_argument("--data", type=Path, help="the data folder (default: the repo's data/)")
    build.add_argument("--out", type=Path, help="where to write (default: <data>/seed.sqlite)")
    build.add_argument(
        "--allow-hard-reading",
        action="store_true",
        help="build even when a guide or a topic's answers read above grade 8 (warn instead)",
    )
    build.set_defaults(handler=run_build_seed)

    imp = sub.add_parser("import", help="import Q&A pages (files or folders) into a content DB")
    imp.add_argument("paths", nargs="+", type=Path, metavar="PATH")
    imp.add_argument("--into", type=Path, required=True, metavar="DB", help="content DB to update")
    imp.add_argument("--data", type=Path, help="data folder with topics.toml (default: bundled)")
    imp.add_argument("--dry-run", action="store_true", help="check the pages and report; change nothing")
    imp.add_argument(
        "--keep-going", action="store_true", help="import the good pages and list the refused ones"
    )
    imp.add_argument("--verbose", action="store_true", help="list every page, not only the summary")
    imp.set_defaults(handler=run_import)

    topics = sub.add_parser("topics", help="print the topic tree")
    topics.add_argument("--json", action="store_true", help="print JSON")
    topics.set_defaults(handler=run_topics)

    show = sub.add_parser("show", help="print a topic or question by its slug")
    show.add_argument("slug")
    show.add_argument("--json", action="store_true", help="print JSON")
    show.set_defaults(handler=run_show)


def data_folder(explicit: Path | None, command: str) -> Path:
    """The content sources: ``--data``, else the checkout's ``data/`` (InputError when the
    app runs from an install, which carries no sources)."""
    root = paths.repo_root()
    data = explicit or (root / "data" if root else None)
    if data is None:
        raise InputError(
            f"{command} needs a source checkout (the data/ folder of pages, guides and glossary is not "
            "installed with the app): run it in a clone of BreastEdu, or pass --data PATH"
        )
    return data


def run_build_seed(args: argparse.Namespace, ctx: CliContext) -> int:
    """Rebuild the seed deterministically and say what it holds."""
    from breastedu.core.content.seed import build_seed
    from breastedu.core.search.build import build_step

    data = data_folder(args.data, "build-seed")
    report = build_seed(
        data,
        args.out or data / "seed.sqlite",
        allow_hard_reading=args.allow_hard_reading,
        search=build_step(),
    )
    print(
        f"built {report.path}: {counted(report.questions, 'question')} with replies, "
        f"{counted(report.answers, 'answered question')}, {counted(report.guides, 'guide')}, "
        f"{counted(report.glossary_terms, 'glossary term')} (content version {report.content_version})"
    )
    for warning in report.warnings:
        print(f"warning: {warning}", file=sys.stderr)
    return 0


def run_import(args: argparse.Namespace, ctx: CliContext) -> int:
    """Import pages in one transaction and print a summary a clinic can act on.

    Without ``--keep-going`` one bad page refuses the whole import (exit 2, DB unchanged).
    With it, the good pages are imported and the refused ones listed; the exit status is 1
    when any page was refused, so a script notices.
    """
    from breastedu.core.content.seed import SearchStep, import_pages
    from breastedu.core.search.build import build_beside, build_step

    tty = sys.stderr.isatty()
    progress = _progress_bar if tty else None
    indexed: list[bool] = []

    def index(db: Path, index_progress: object) -> None:
        if tty:
            print(file=sys.stderr)
        try:
            indexed.append(build_beside(db, _index_progress if tty else None))
        except OSError as exc:  # the DB is imported; the app builds its index where it can
            print(f"warning: could not write the search index beside {db} ({exc.strerror})", file=sys.stderr)

    report = import_pages(
        args.into,
        args.paths,
        args.data,
        search=SearchStep(build_step().store, index),
        keep_going=args.keep_going,
        dry_run=args.dry_run,
        progress=progress,
    )
    if progress is not None:
        print(file=sys.stderr)
    verb = "would import" if args.dry_run else "imported"
    print(
        f"{verb} into {args.into}: {len(report.added)} added, {len(report.updated)} updated, "
        f"{len(report.unchanged)} unchanged, {len(report.refused)} refused"
    )
    for name, slug in report.renamed:
        print(f"  {name}: the same page as {slug}, imported before under another file name")
    _more(report.renamed.more, "pages found under another file name")
    for refusal in report.refused:
        print(f"  refused {refusal.where}: {refusal.reason}")
    _more(report.refused.more, "refused pages")
    for warning in report.warnings:
        print(f"  warning: {warning}")
    if args.verbose:
        for label, slugs in (
            ("added", report.added),
            ("updated", report.updated),
            ("unchanged", report.unchanged),
        ):
            for slug in slugs:
                print(f"  {label:<9} {slug}")
            _more(slugs.more, f"{label} pages")
    if args.dry_run:
        print("dry run: nothing was written")
    elif indexed and indexed[0]:
        print(f"search index built beside it: {args.into.name}.index")
    return 1 if report.refused else 0


def _more(count: int, what: str) -> None:
    """The line after a list the import report names only the first of."""
    from breastedu.core.content.importer import REPORT_SAMPLE

    if count:
        print(f"  ... and {count:,} more {what} (the report lists the first {REPORT_SAMPLE:,})")


def _index_progress(done: int, total: int) -> None:
    print(f"\rindexing for search {done:,}/{total:,}", end="", file=sys.stderr)


def _progress_bar(done: int, total: int) -> None:
    """A one-line progress bar on stderr (only when it is a terminal)."""
    width = 30
    filled = width * done // max(1, total)
    print(
        f"\rchecking pages [{'#' * filled}{'.' * (width - filled)}] {done}/{total}", end="", file=sys.stderr
    )


def run_topics(args: argparse.Namespace, ctx: CliContext) -> int:
    """Print the tree: groups, then topics with slug and both counts; with ``--json``, each
    topic also lists its answered questions."""
    content = ctx.content()
    lang = getattr(args, "lang", None) or ENGLISH
    tree = content.tree(lang)
    answers: dict[str, list[QuestionRef]] = {}
    for ref in content.answered_questions():
        ref = ref if lang == ENGLISH else content.localizer(lang).question_ref(ref)
        answers.setdefault(ref.topic_slug, []).append(ref)
    if args.json:
        print_json(
            [
                {
                    **jsonable(group),
                    "topics": [
                        {
                            **jsonable(topic),
                            "answered_questions": [
                                {"slug": q.slug, "title": q.title} for q in answers.get(topic.slug, [])
                            ],
                        }
                        for topic in group.topics
                    ],
                }
                for group in tree
            ]
        )
        return 0
    for group in tree:
        print(group.title)
        for topic in group.topics:
            counts = counts_text(topic.question_count, topic.answer_count, lang)
            print(f"  {topic.title} [{topic.slug}] ({counts})")
    return 0


def _plain(markdown_text: str, indent: str = "  ") -> str:
    """Markdown as terminal text: emphasis markers and escapes removed, indented."""
    text = re.sub(r"\*\*(.+?)\*\*", r"\1", markdown_text).replace("\\", "")
    return "\n".join(indent + line if line else "" for line in text.strip().splitlines())


def _label(text: str, lang: str) -> str:
    """``text`` as a heading of the terminal's text: "Sources:", "資料來源："."""
    return say(lang, "{label}:", label=text)


def _topic_line(page: QuestionPage, lang: str) -> str:
    return say(lang, "Topic: {title}", title=f"{page.topic.title} [{page.topic.slug}]")


def _print_answer(page: QuestionPage, answer: EditorAnswerView, lang: str) -> None:
    print(page.title)
    print(_topic_line(page, lang))
    print(editors_label(answer, lang))
    print("\n" + _label(say(lang, "Short answer"), lang) + "\n" + _plain(answer.short_answer))
    print("\n" + _plain(answer.body_md))
    if answer.red_flags:
        signs = page.language.lang if page.language else ENGLISH  # the language the signs are in
        title = warning_signs_title(page.topic.title, signs)
        print(f"\n{title}:\n" + _plain(red_flags_md(answer.red_flags, signs)))
    print("\n" + say(lang, EDITORS_NOTE))
    if page.related_questions:
        print("\n" + _label(say(lang, "Related questions"), lang))
        for q in page.related_questions:
            print(f"  - {q.title} [{q.slug}]")
    if page.related:
        print("\n" + _label(say(lang, "Related topics"), lang))
        for rel in page.related:
            print(f"  - {rel.name}" + (f" [{rel.topic_slug}]" if rel.topic_slug else ""))
    print("\n" + say(lang, "Sources:"))
    for source in answer.sources:
        print(f"  - {source}")
    print(
        say(
            lang,
            "Checked: {checked} · next review due {due}",
            checked=answer.checked.isoformat(),
            due=answer.next_review.isoformat(),
        )
    )


def _with_notes(page: QuestionPage, part: str, markdown_text: str, lang: str) -> str:
    """Imported text as printed, each editor's note after its paragraph (text unchanged)."""
    notes = [n for n in page.editor_notes if n.part == part]
    if not notes:
        return _plain(markdown_text)
    out = []
    for number, paragraph in enumerate(split_paragraphs(markdown_text), start=1):
        out.append(_plain(paragraph))
        for note in notes:
            if note.paragraph == number:
                guide = (
                    say(lang, " See our guide: {link}.", link=f"{note.guide_title} [{note.guide_slug}]")
                    if note.guide_slug
                    else ""
                )
                label = _label(say(lang, "Editor's note"), lang)
                out.append(f"  >> {label} {note.note}{guide}")
                out.append(f"  >> {say(lang, 'Sources:')} {'; '.join(note.sources)}")
    return "\n\n".join(out)


def _print_question(page: QuestionPage, lang: str) -> None:
    if page.answer is not None:
        _print_answer(page, page.answer, lang)
        return
    assert page.ask_date is not None  # a question someone asked
    print(page.title)
    print(_topic_line(page, lang))
    sex = (
        page.sex
        if lang == ENGLISH
        else {"female": say(lang, "woman"), "male": say(lang, "man")}.get(page.sex, page.sex)
    )
    print(
        say(
            lang,
            "Asked by {alias}, {age}, {sex}, on {date}",
            alias=page.asker_alias,
            age=page.age_band,
            sex=sex,
            date=page.ask_date.isoformat(),
        )
    )
    prov = provenance_text(page, dt.date.today(), lang)
    print("\n" + _label(say(lang, "Where this page comes from"), lang))
    print(f"  {prov.origin} {prov.replied}")
    print(f"  {prov.currency} {prov.guide_title} [{prov.guide_slug}].")
    for extra in (prov.address, prov.evidence):
        if extra:
            print(f"  {extra}")
    print(
        "\n"
        + _label(say(lang, "The question"), lang)
        + "\n"
        + _with_notes(page, "question", page.body_md, lang)
    )
    for reply in page.replies:
        replied = say(
            lang,
            "Reply from {doctor} ({department}) on {date}",
            doctor=doctor(reply.doctor, lang),
            department=reply.department,
            date=reply.reply_date.isoformat(),
        )
        print("\n" + replied)
        if reply.title_line:
            print(f"  {reply.title_line}")
        print(_with_notes(page, "reply", reply.body_md, lang))
    if page.more_info:
        print("\n" + say(lang, "More Info: a general article"))
        print(f"  ({more_info_label(page, lang)})")
        print(_with_notes(page, "more_info", page.more_info.body_md, lang))
    if page.similar:
        print("\n" + _label(say(lang, "Similar questions"), lang))
        for sim in page.similar:
            where = (
                f"[{sim.local_slug}]" if sim.local_slug else say(lang, "(excerpt only; not in the library)")
            )
            print(f"  - {sim.title} {where}")
            print(f"    Q: {sim.question_excerpt}")
            print(f"    {doctor(sim.doctor, lang)} ({sim.department}): {sim.reply_excerpt}")
    if page.related:
        print("\n" + _label(say(lang, "Related topics"), lang))
        for rel in page.related:
            label = rel.topic_title or rel.name
            print(f"  - {label} ({rel.department})" + (f" [{rel.topic_slug}]" if rel.topic_slug else ""))
    print(f"\n{source_line(page, lang)}")


def _all_questions(page: TopicPage, content: ContentService) -> Iterator[QuestionRef]:
    """Every question of the topic, newest first: the page's own, then the rest read
    :data:`SHOW_BATCH` at a time (memory stays flat in a topic of any size)."""
    offset, batch = 0, page.questions
    while batch:
        yield from batch
        offset += len(batch)
        batch = content.topic_questions(page.topic.slug, offset=offset, limit=SHOW_BATCH)


def _print_topic(page: TopicPage, content: ContentService, lang: str) -> None:
    print(f"{page.topic.title} [{page.topic.slug}] — {page.topic.group_title}")
    print(page.topic.summary)
    if page.guide:
        print("\n" + _plain(page.guide.body_md, indent=""))
    answered = say(lang, "Questions we have answered ({n})", n=len(page.answers))
    print("\n" + _label(answered, lang))
    for q in page.answers:
        print(f"  - {q.title} [{q.slug}]")
    count = page.topic.question_count
    print("\n" + _label(say(lang, "Questions patients asked, with a doctor's reply ({n})", n=count), lang))
    for q in _all_questions(page, content):
        asked = say(lang, "asked {date}", date=q.ask_date.isoformat()) if q.ask_date else ""
        print(f"  - {q.title} [{q.slug}] {asked}")


def run_show(args: argparse.Namespace, ctx: CliContext) -> int:
    """Print a question or topic page; NotFoundError for an unknown slug."""
    content = ctx.content()
    ref = content.lookup(args.slug)
    if ref is None:
        raise NotFoundError(
            f"no topic or question has the slug {args.slug!r} (see 'breastedu topics' and 'breastedu search')"
        )
    lang = getattr(args, "lang", None) or ENGLISH
    if ref.kind == "question":
        page: QuestionPage | TopicPage = content.question_page(ref.slug, lang)
    else:
        page = content.topic_page(ref.slug, lang)
    if page.language is not None and not args.json:
        print(f"[{notice(page.language)}]")
    if args.json and isinstance(page, TopicPage):  # all its questions, not only the page's newest
        print_json_streamed(page, "questions", _all_questions(page, content))
    elif args.json:
        print_json(page)
    elif isinstance(page, QuestionPage):
        _print_question(page, lang)
    else:
        _print_topic(page, content, lang)
    return 0
