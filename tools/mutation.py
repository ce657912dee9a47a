"""Mutation testing of core's rules with mutmut: do the tests notice when a rule breaks?

Runs mutmut in a scratch clone of a git revision (so the working tree is never touched) over
the modules that hold the rules users rely on, each with the tests that cover it, and prints
a table: mutants killed, survived, and the score per module.

    python tools/mutation.py                 # HEAD, every target
    python tools/mutation.py --rev 9a0320e   # an older revision (e.g. before new tests)
    python tools/mutation.py --only followups --show-survivors

Needs ``pip install mutmut`` (not a project dependency: a developer tool, slow, not in CI).
The scratch clone is run with its own ``src`` first on the path, so an editable install of
another checkout cannot shadow the mutants.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent

#: target name -> (module path, the tests that cover its rules)
TARGETS: dict[str, tuple[str, list[str]]] = {
    "followups": ("src/breastedu/core/notebook/followups.py", ["tests/core/test_followups.py"]),
    "sanitizer": (
        "src/breastedu/core/render/html.py",
        ["tests/core/test_render.py", "tests/core/test_sanitizer_policy.py", "tests/test_escaping_corpus.py"],
    ),
    "search": (
        "src/breastedu/core/search/service.py",
        [
            "tests/core/test_search.py",
            "tests/core/test_search_index.py",
            "tests/core/test_search_relevance.py",
            "tests/core/test_search_ranking_rules.py",
            "tests/test_escaping_corpus.py",
        ],
    ),
    "pagefmt": (
        "src/breastedu/core/content/pagefmt.py",
        [
            "tests/core/test_pagefmt.py",
            "tests/core/test_importer.py",
            "tests/core/test_import_hostile.py",
            "tests/test_escaping_corpus.py",
        ],
    ),
    "importer": (
        "src/breastedu/core/content/importer.py",
        ["tests/core/test_importer.py", "tests/core/test_import_hostile.py", "tests/test_cli_import.py"],
    ),
    "userdb": (
        "src/breastedu/core/notebook/userdb.py",
        [
            "tests/core/test_userdb.py",
            "tests/core/test_migrations.py",
            "tests/core/test_notebook_faults.py",
            "tests/core/test_user_folder.py",
        ],
    ),
    # The printing module's rules (what a sheet carries, its footer, contents, pagination inputs).
    "sheets": (
        "src/breastedu/core/render/sheets.py",
        ["tests/core/test_sheets.py", "tests/ui/test_printing.py"],
    ),
}


def _config(module: str, tests: list[str]) -> str:
    quoted = ", ".join(f'"{t}"' for t in tests)
    return (
        "\n[tool.mutmut]\n"
        'source_paths = ["src"]\n'
        f"do_not_mutate = [{', '.join(repr(p) for p in _others(module))}]\n"
        'also_copy = ["tests", "data", "resources", "README.md"]\n'
        f"pytest_add_cli_args_test_selection = [{quoted}]\n"
        "max_children = 2\n"
    ).replace("'", '"')


def _others(module: str) -> list[str]:
    src = REPO / "src"
    return sorted(str(p.relative_to(REPO)) for p in src.rglob("*.py") if str(p.relative_to(REPO)) != module)


def run_target(rev: str, name: str, show: bool) -> tuple[int, int, int, float]:
    module, tests = TARGETS[name]
    scratch = Path(tempfile.mkdtemp(prefix=f"mutation-{name}-"))
    try:
        subprocess.run(["git", "clone", "-q", str(REPO), str(scratch)], check=True)
        subprocess.run(["git", "-C", str(scratch), "checkout", "-q", rev], check=True)
        tests = [t for t in tests if (scratch / t).exists()]
        with (scratch / "pyproject.toml").open("a", encoding="utf-8") as f:
            f.write(_config(module, tests))
        env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": ""}
        started = time.monotonic()
        subprocess.run(["mutmut", "run"], cwd=scratch, env=env, stdout=subprocess.DEVNULL,
                       stderr=subprocess.DEVNULL, check=False)  # fmt: skip
        elapsed = time.monotonic() - started
        out = subprocess.run(
            ["mutmut", "results", "--all", "true"],
            cwd=scratch,
            env=env,
            capture_output=True,
            text=True,
            check=False,
        ).stdout
        states = re.findall(r"^\s*(\S+): (\w[\w ]*)$", out, re.M)
        killed = sum(1 for _, s in states if s == "killed")
        survived = [m for m, s in states if s == "survived"]
        other = len(states) - killed - len(survived)
        if show:
            for mutant in survived:
                diff = subprocess.run(["mutmut", "show", mutant], cwd=scratch, env=env,
                                      capture_output=True, text=True, check=False).stdout  # fmt: skip
                print(diff)
        return killed, len(survived), other, elapsed
    finally:
        shutil.rmtree(scratch, ignore_errors=True)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rev", default="HEAD")
    parser.add_argument("--only", nargs="*", choices=sorted(TARGETS), default=sorted(TARGETS))
    parser.add_argument("--show-survivors", action="store_true")
    args = parser.parse_args()
    if shutil.which("mutmut") is None:
        print("mutation.py: mutmut is not installed (pip install mutmut)", file=sys.stderr)
        return 2
    print(f"revision {args.rev}")
    print(f"{'target':<10} {'killed':>7} {'survived':>9} {'other':>6} {'score':>7} {'time':>7}")
    total_k = total_s = 0
    for name in args.only:
        killed, survived, other, elapsed = run_target(args.rev, name, args.show_survivors)
        total_k, total_s = total_k + killed, total_s + survived
        score = killed / (killed + survived) if killed + survived else 0.0
        print(f"{name:<10} {killed:>7} {survived:>9} {other:>6} {score:>6.1%} {elapsed:>6.0f}s", flush=True)
    score = total_k / (total_k + total_s) if total_k + total_s else 0.0
    print(f"{'all':<10} {total_k:>7} {total_s:>9} {'':>6} {score:>6.1%}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
