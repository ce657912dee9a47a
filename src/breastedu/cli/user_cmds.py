"""Her notes, follow-ups and data from the command line: the same core operations as the app.

Exit 0 means saved. Bad input is one line on stderr naming the field, exit 2, nothing
written. The CLI works while the app is open (edits are protected by revisions, see
:mod:`breastedu.core.notebook.userdb`). Kiosk mode keeps no personal data, so every command here
refuses there before any file is created.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from breastedu.cli.context import CliContext
from breastedu.cli.output import print_json
from breastedu.core.errors import BreastEduError, InputError
from breastedu.core.notebook.dto import (
    FollowUp,
    LinkRef,
    Note,
    RepeatBasis,
    RepeatRule,
    parse_date,
)

if TYPE_CHECKING:
    from breastedu.core.notebook.service import Notebook

#: The SLUG that means "a free note, not on any topic or question".
FREE_NOTE = "-"

Handler = Callable[[argparse.Namespace, CliContext], int]


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add ``notes``, ``followups`` and ``data``."""
    notes = sub.add_parser("notes", help="your notes").add_subparsers(
        dest="notes_command", metavar="ACTION", required=True
    )
    add = notes.add_parser("add", help="add a note to a topic or question ('-' for a free note)")
    add.add_argument("slug", metavar="SLUG", help=f"topic or question slug, or '{FREE_NOTE}'")
    add.add_argument("text", metavar="TEXT", help="what to write (quote it)")
    add.add_argument("--doctor", action="store_true", help="also put it on 'questions for my doctor'")
    add.set_defaults(handler=_with_db(notes_add))
    lst = notes.add_parser("list", help="your notes, by topic")
    lst.add_argument("--json", action="store_true", help="print JSON instead of text")
    lst.set_defaults(handler=_with_db(notes_list))
    find = notes.add_parser("search", help="search your notes")
    find.add_argument("query", metavar="QUERY", help="words to look for in your notes")
    find.add_argument("--json", action="store_true", help="print JSON instead of text")
    find.set_defaults(handler=_with_db(notes_search))

    fu = sub.add_parser("followups", help="your follow-up dates").add_subparsers(
        dest="followups_command", metavar="ACTION", required=True
    )
    fadd = fu.add_parser("add", help="add a follow-up")
    fadd.add_argument("title", metavar="TITLE", help="what the follow-up is, e.g. 'Thyroid ultrasound'")
    fadd.add_argument("--due", required=True, metavar="YYYY-MM-DD", help="the date it is due")
    fadd.add_argument("--every-months", type=int, metavar="N", help="repeat every N months")
    fadd.add_argument(
        "--from-done",
        action="store_true",
        help="count the N months from the day it was done (default: from the due date)",
    )
    fadd.add_argument("--link", metavar="SLUG", help="the topic or question it is about")
    fadd.add_argument("--note", default="", metavar="TEXT", help="a note to keep with it")
    fadd.set_defaults(handler=_with_db(followups_add))
    flist = fu.add_parser("list", help="your follow-ups, soonest first")
    flist.add_argument("--json", action="store_true", help="print JSON instead of text")
    flist.set_defaults(handler=_with_db(followups_list))
    done = fu.add_parser("done", help="mark a follow-up done (and schedule the next by its rule)")
    done.add_argument(
        "id", type=int, metavar="ID", help="the follow-up's number, as 'followups list' shows it"
    )
    done.add_argument("--on", metavar="YYYY-MM-DD", help="the day it was done (default: today)")
    done.set_defaults(handler=_with_db(followups_done))
    export = fu.add_parser("export-ics", help="write your follow-ups to a calendar (.ics) file")
    export.add_argument("file", type=Path, metavar="FILE", help="the .ics calendar file to write")
    export.set_defaults(handler=_with_db(followups_export_ics))

    data = sub.add_parser("data", help="export, import, check or erase all your data").add_subparsers(
        dest="data_command", metavar="ACTION", required=True
    )
    dexp = data.add_parser("export", help="write all your notes and follow-ups to a JSON file")
    dexp.add_argument("file", type=Path, metavar="FILE", help="the JSON file to write")
    dexp.set_defaults(handler=_with_db(data_export))
    dimp = data.add_parser("import", help="merge a JSON export back in (all or nothing)")
    dimp.add_argument("file", type=Path, metavar="FILE", help="a JSON file written by 'data export'")
    dimp.set_defaults(handler=_with_db(data_import))
    dcheck = data.add_parser(
        "check", help="check every note and follow-up against its checksum (exit 2 on damage)"
    )
    dcheck.set_defaults(handler=_with_db(data_check))
    erase = data.add_parser("erase", help="delete all your notes, follow-ups and backups")
    erase.add_argument("--yes", action="store_true", help="confirm: this cannot be undone")
    erase.set_defaults(handler=data_erase)


def _with_db(handler: Callable[[argparse.Namespace, CliContext, Notebook], int]) -> Handler:
    """Refuse in kiosk mode, open the user DB for one command, close it afterwards."""

    def run(args: argparse.Namespace, ctx: CliContext) -> int:
        folder = ctx.notebook_dir()  # refuses in kiosk mode
        from breastedu.core.notebook.service import Notebook  # not at import: the GUI starts faster

        db = Notebook.open(folder)
        try:
            if db.notice:
                print(db.notice, file=sys.stderr)
            return handler(args, ctx, db)
        finally:
            db.close()

    run.__doc__ = handler.__doc__
    return run


def _lookup(ctx: CliContext, slug: str, field: str) -> LinkRef:
    """The topic or question ``slug`` names in the content DB, or InputError naming ``field``."""
    ref = ctx.content().lookup(slug)
    if ref is None:
        raise InputError(f"no topic or question has the slug {slug!r}", where=field)
    return LinkRef(kind=ref.kind, slug=ref.slug, title=ref.title, topic_slug=ref.topic_slug)


def _note_line(note: Note) -> str:
    flags = " [ask doctor" + (", asked]" if note.asked else "]") if note.for_doctor else ""
    about = f" ({note.link.title})" if note.link and note.link.kind == "question" else ""
    first = note.text.split("\n", 1)[0]
    return f"  #{note.id}{about}{flags}: {first}"


def notes_add(args: argparse.Namespace, ctx: CliContext, db: Notebook) -> int:
    """Add a note; print its id."""
    link = None if args.slug == FREE_NOTE else _lookup(ctx, args.slug, "SLUG")
    note = db.notes.save(args.text, link=link, for_doctor=args.doctor)
    print(f"saved note #{note.id}")
    return 0


def notes_list(args: argparse.Namespace, ctx: CliContext, db: Notebook) -> int:
    """Print notes grouped by topic (or all of them as JSON)."""
    service = db.notes
    if args.json:
        print_json(list(service.list()))
        return 0
    groups = service.grouped()
    if not groups:
        print("no notes yet")
    for group in groups:
        print(_topic_title(ctx, group.topic_slug) if group.topic_slug else "Free notes")
        for note in group.notes:
            print(_note_line(note))
    return 0


def _topic_title(ctx: CliContext, slug: str) -> str:
    """A topic's title for a heading, as the window shows it (its slug when the library lacks it)."""
    try:
        ref = ctx.content().lookup(slug)
    except BreastEduError:  # no readable library: the notes still list, under their slugs
        return slug
    return ref.title if ref is not None else slug


def notes_search(args: argparse.Namespace, ctx: CliContext, db: Notebook) -> int:
    """Print the notes containing every word of the query."""
    found = db.notes.search(args.query)
    if args.json:
        print_json(list(found))
        return 0
    for note in found:
        print(_note_line(note))
    if not found:
        print("no note matches")
    return 0


def followups_add(args: argparse.Namespace, ctx: CliContext, db: Notebook) -> int:
    """Add a follow-up; print its id and state."""
    due = parse_date(args.due, field="--due")
    if args.from_done and args.every_months is None:
        raise InputError("needs --every-months N (how often it repeats)", where="--from-done")
    repeat = RepeatRule()
    if args.every_months is not None:
        basis = RepeatBasis.FROM_DONE if args.from_done else RepeatBasis.FROM_DUE
        try:
            repeat = RepeatRule(basis, args.every_months)
        except InputError as exc:
            raise InputError(exc.message, where="--every-months") from None
    link = _lookup(ctx, args.link, "--link") if args.link else None
    item = db.followups.add(args.title, due, repeat=repeat, link=link, note=args.note)
    print(f"saved follow-up #{item.id}: {item.title}, due {item.due.isoformat()} ({item.state.value})")
    return 0


def _followup_line(item: FollowUp) -> str:
    when = f"done {item.done_on.isoformat()}" if item.done_on else item.state.value
    repeat = f", {item.repeat.describe()}" if item.repeat.repeats else ""
    return f"#{item.id}  {item.due.isoformat()}  {when:<9}  {item.title}{repeat}"


def followups_list(args: argparse.Namespace, ctx: CliContext, db: Notebook) -> int:
    """Print follow-ups: open ones soonest first, then done ones."""
    items = db.followups.list()
    if args.json:
        print_json(list(items))
        return 0
    for item in items:
        print(_followup_line(item))
    if not items:
        print("no follow-ups yet")
    return 0


def followups_done(args: argparse.Namespace, ctx: CliContext, db: Notebook) -> int:
    """Mark a follow-up done and print the next one its rule created."""
    on = parse_date(args.on, field="--on") if args.on else None
    result = db.followups.complete(args.id, on=on)
    done_on = result.done.done_on.isoformat() if result.done.done_on else ""
    print(f"done: #{result.done.id} {result.done.title} on {done_on}")
    if result.next is not None:
        print(f"next: #{result.next.id} {result.next.title}, due {result.next.due.isoformat()}")
    return 0


def followups_export_ics(args: argparse.Namespace, ctx: CliContext, db: Notebook) -> int:
    """Write every follow-up to an .ics calendar file."""
    from breastedu.core.notebook import ics

    items = db.followups.list()
    ics.write_ics(args.file, items)
    print(f"wrote {len(items)} follow-up(s) to {args.file}")
    return 0


def data_export(args: argparse.Namespace, ctx: CliContext, db: Notebook) -> int:
    """Write all notes and follow-ups to a JSON file."""
    result = db.data.export_to(args.file)
    print(result.describe().replace(f"to {result.path.name}", f"to {result.path}"))
    return 0


def data_import(args: argparse.Namespace, ctx: CliContext, db: Notebook) -> int:
    """Merge a JSON export in, all or nothing, and say what changed."""
    result = db.data.import_from(args.file)
    print(
        f"imported: {result.notes_added} note(s) added, {result.notes_updated} updated; "
        f"{result.followups_added} follow-up(s) added, {result.followups_updated} updated; "
        f"{result.unchanged} already up to date"
    )
    return 0


def data_check(args: argparse.Namespace, ctx: CliContext, db: Notebook) -> int:
    """List every damaged note, follow-up and basket sheet by kind and id; 2 when any is."""
    result = db.data.check()
    if not result.rows:
        print("No damage found: every note, follow-up and print-basket sheet matches its checksum.")
        return 0
    for row in result.rows:
        if row.restored_from is not None:
            what = f"put back from the automatic backup of {row.restored_from}"
        else:
            what = "no backup holds a good copy; kept as found (check it and correct it)"
        print(f"{row.described}: changed by damage on disk; {what}")
    if result.saved_to is not None:
        print(f"The damaged versions are saved in {result.saved_to}")
    return 2


def data_erase(args: argparse.Namespace, ctx: CliContext) -> int:
    """Delete all her data, only with --yes (checked before the file is even opened)."""
    if not args.yes:
        raise InputError(
            "this deletes all your notes, follow-ups and backups; add --yes to confirm", where="data erase"
        )
    return _with_db(_erase)(args, ctx)


def _erase(args: argparse.Namespace, ctx: CliContext, db: Notebook) -> int:
    result = db.data.erase(confirmed=True)
    print(
        f"erased {result.notes} note(s), {result.followups} follow-up(s) and "
        f"{len(result.files)} backup file(s)"
    )
    return 0
