"""Mutation fuzzer for the page importer: thousands of damaged copies of real pages.

Each case takes a real page (the seed page or a test fixture), applies one to three random
damages (drop, repeat or swap lines, cut the page at any character, invisible and control
characters, impossible dates, runs of brackets, a pasted data: URI, headers renamed or moved)
and then parses it and renders what was accepted. A case ends in one of three ways:
accepted (and rendered), refused with ``file:line`` (InputError), or a traceback, which is
a bug. Slow cases (over a second) are counted too.

    python tools/fuzz_import.py --cases 2000 --seed 1
"""

from __future__ import annotations

import argparse
import random
import sys
import time
import traceback
from collections import Counter
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "src"))

from breastedu.core.content.pagefmt import parse_page  # noqa: E402
from breastedu.core.errors import InputError  # noqa: E402
from breastedu.core.render.html import markdown_to_html  # noqa: E402

SOURCES = [
    REPO / "data" / "pages" / "000_37194c49921cb46b.txt",
    *sorted((REPO / "tests" / "fixtures" / "pages").glob("*.txt")),
]
ODD = [
    "\u202e",
    "\u200b",
    "\ufeff",
    "\x00",
    "\x1b[31m",
    "\t",
    "\u00a0",
    "🙂",
    "<b>",
    "&amp;",
    "'",
    '"',
    "`",
    "*",
    "_",
    "\\",
]
HEADERS = ["More Info", "Similar Q&A", "Related FAQ", "Reply Date: 2015/08/21", "[Read More]"]


def damage(lines: list[str], rng: random.Random) -> list[str]:
    kind = rng.randrange(12)
    i = rng.randrange(len(lines)) if lines else 0
    if kind == 0 and lines:
        del lines[i]
    elif kind == 1 and lines:
        lines.insert(i, lines[rng.randrange(len(lines))])
    elif kind == 2 and len(lines) > 1:
        j = rng.randrange(len(lines))
        lines[i], lines[j] = lines[j], lines[i]
    elif kind == 3:
        text = "\n".join(lines)
        return text[: rng.randrange(len(text) + 1)].split("\n")
    elif kind == 4 and lines:
        pos = rng.randrange(len(lines[i]) + 1)
        lines[i] = lines[i][:pos] + rng.choice(ODD) + lines[i][pos:]
    elif kind == 5:
        year = rng.choice([1900, 1994, 1995, 2015, 2026, 2027, 2099])
        stamp = f"{year}/{rng.randint(0, 13):02d}/{rng.randint(0, 32):02d}"
        for n, line in enumerate(lines):
            if "Date:" in line and rng.random() < 0.7:
                lines[n] = line.rsplit(":", 1)[0] + ": " + stamp
    elif kind == 6:
        lines.insert(i, "[" * rng.choice([10, 1000, 20_000, 65_536]))
    elif kind == 7:
        lines.insert(i, "data:image/png;base64," + "A" * rng.choice([100, 5000, 1_000_000]))
    elif kind == 8:
        lines.insert(i, rng.choice(HEADERS))
    elif kind == 9 and lines:
        lines[i] = rng.choice(HEADERS) + rng.choice(["", " ", "\u202e", ":"])
    elif kind == 10 and lines:
        lines[i] = lines[i].upper()
    elif kind == 11:
        lines.extend([""] * rng.randrange(5) + ["Goiter(Breast and Thyroid)"] * rng.randrange(2))
    return lines


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cases", type=int, default=2000)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    texts = [p.read_text(encoding="utf-8").split("\n") for p in SOURCES]
    counts: Counter[str] = Counter()
    reasons: Counter[str] = Counter()
    slowest = 0.0
    for case in range(args.cases):
        lines = list(rng.choice(texts))
        for _ in range(rng.randint(1, 3)):
            lines = damage(lines, rng)
        text = "\n".join(lines)
        started = time.monotonic()
        try:
            page = parse_page(text, f"case{case}.txt")
            for body in (page.question_md, page.reply_md, page.more_info_md):
                markdown_to_html(body)
            counts["accepted"] += 1
        except InputError as exc:
            counts["refused"] += 1
            reasons[exc.message.split(":")[0][:60]] += 1
            if not (exc.where or "").startswith(f"case{case}.txt"):
                counts["refused without file:line"] += 1
        except Exception:
            counts["tracebacks"] += 1
            print(f"--- case {case} ---\n{traceback.format_exc()}", file=sys.stderr)
        elapsed = time.monotonic() - started
        slowest = max(slowest, elapsed)
        if elapsed > 1.0:
            counts["slower than 1 s"] += 1
    print(f"cases {args.cases} (seed {args.seed})")
    for key in ("accepted", "refused", "tracebacks", "refused without file:line", "slower than 1 s"):
        print(f"  {key:<27} {counts[key]}")
    print(f"  slowest case               {slowest * 1000:.0f} ms")
    print("most common refusals:")
    for reason, n in reasons.most_common(8):
        print(f"  {n:>5}  {reason}")
    return 1 if counts["tracebacks"] else 0


if __name__ == "__main__":
    sys.exit(main())
