"""Editors' command: ``breastedu check-content``, the report ``build-seed`` enforces.

It prints every guide's reading grades and each topic's answers pooled, counts the sources,
and lists each problem as ``file:line: what`` (reading gate, warning signs that contradict
their topic's levels, topics without warning signs, overdue reviews). Exit 0 when clean, 2
when anything is listed. These figures are for editors: patient pages and printed sheets
carry none of them.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from pathlib import Path

from breastedu.cli.content_cmds import data_folder
from breastedu.cli.context import CliContext
from breastedu.core.errors import InputError


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add ``check-content``."""
    check = sub.add_parser(
        "check-content",
        help="editors' checks: reading gate, warning signs, sources, review dates (exit 2 on a problem)",
    )
    check.add_argument("--data", type=Path, help="the data folder (default: the repo's data/)")
    check.set_defaults(handler=run_check_content)


def run_check_content(args: argparse.Namespace, ctx: CliContext) -> int:
    """Print the editors' report; 0 when clean, 2 when it lists a problem."""
    from breastedu.core.content.checks import MAX_GRADE, check, load_editors_content
    from breastedu.core.content.importer import load_tree

    data = data_folder(args.data, "check-content")
    topics_file = data / "topics.toml"
    if not topics_file.is_file():
        raise InputError("no topics.toml: is this a BreastEdu data folder?", where=str(data))
    content = load_editors_content(data, [t.slug for t in load_tree(topics_file).topics])
    report = check(content, dt.date.today())
    print(f"Reading grades of the running prose (gate: Flesch–Kincaid and SMOG at most {MAX_GRADE:.0f})")
    print(f"  {'':<8} {'topic':<18} {'texts':>5} {'sentences':>9} {'FK':>5} {'SMOG':>5} {'Dale–Chall':>10}")
    for row in report.grades:
        g = row.grades
        print(
            f"  {row.what:<8} {row.topic:<18} {row.texts:>5} {g.sentences:>9} "
            f"{g.fk:>5.1f} {g.smog:>5.1f} {g.dale_chall:>10.1f}"
        )
    signs = sum(len(f.flags) for f in content.red_flags.values())
    print(
        f"\n{len(content.guides)} guides, {len(content.answers)} answers, {signs} warning signs in "
        f"{len(content.red_flags)} topics; {report.sources} sources named (every file names its own)"
    )
    if not report.findings:
        print("No problems found.")
        return 0
    print(f"\n{len(report.findings)} problem{'s' if len(report.findings) != 1 else ''}:", file=sys.stderr)
    for finding in report.findings:
        print(f"{finding.message} [{finding.kind}]", file=sys.stderr)
    return 2
