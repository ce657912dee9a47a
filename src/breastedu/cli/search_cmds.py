"""``breastedu search QUERY [--json] [--limit N] [--topic SLUG]``: search from a terminal."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence

from breastedu.cli.context import CliContext
from breastedu.cli.output import padded
from breastedu.core import paths
from breastedu.core.catalogue import say
from breastedu.core.languages import ENGLISH


def _limit(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"--limit must be a whole number, not {text!r}") from None
    if not 1 <= value <= 500:
        raise argparse.ArgumentTypeError(f"--limit must be between 1 and 500, not {value}")
    return value


def _query(text: str) -> str:
    if not text.strip():
        raise argparse.ArgumentTypeError("type the words to look for, e.g. breastedu search 'lump under arm'")
    return text


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add ``search``."""
    search = sub.add_parser("search", help="search questions, guides and topics")
    search.add_argument(
        "query", metavar="QUERY", type=_query, help="the words to look for, in quotes if more than one"
    )
    search.add_argument("--json", action="store_true", help="print JSON")
    search.add_argument(
        "--limit", type=_limit, default=20, metavar="N", help="at most N results (1-500, default 20)"
    )
    search.add_argument("--topic", metavar="SLUG", help="only results in this topic")
    search.set_defaults(handler=run_search)


def terminal_text(text: str, spans: Sequence[tuple[int, int]], *, bold: bool) -> str:
    """A snippet (its text and the spans of its matches) for a terminal: matches in bold
    (on a terminal) or between *stars*."""
    start, end = ("\033[1m", "\033[0m") if bold else ("*", "*")
    out, at = [], 0
    for a, b in spans:
        out += [text[at:a], start, text[a:b], end]
        at = b
    return "".join([*out, text[at:]])


def run_search(args: argparse.Namespace, ctx: CliContext) -> int:
    """Print the hits: one line each (kind, topic, title, slug) and its snippet below."""
    from breastedu.core.search.service import SearchService

    # A large library's index is kept in the cache folder between runs (built on first use).
    service = SearchService.over(ctx.content(), cache_dir=paths.cache_dir())
    results = service.search(args.query, limit=args.limit, topic=args.topic)
    lang = getattr(args, "lang", None) or ENGLISH
    if lang != ENGLISH:  # titles and snippets in the reader's language where translated
        from breastedu.core.search.translated import localized

        results = localized(results, ctx.content().localizer(lang))
    if args.json:
        print(
            json.dumps(
                {
                    "query": results.query,
                    "did_you_mean": results.did_you_mean,
                    "terms": list(results.terms),
                    "hits": [h.as_dict() for h in results.hits],
                },
                ensure_ascii=False,
                indent=2,
            )
        )
        return 0
    if results.did_you_mean:
        print(say(lang, "Showing results for: {query}", query=results.did_you_mean))
    if not results.hits:
        print(say(lang, "No results. Try fewer words, or browse the topics with 'breastedu topics'."))
        return 0
    bold = sys.stdout.isatty()
    kinds = {"topic": say(lang, "topic"), "guide": say(lang, "guide"), "question": say(lang, "question")}
    for hit in results.hits:
        where = hit.title if hit.title == hit.topic_title else f"{hit.topic_title}  |  {hit.title}"
        kind = kinds.get(hit.kind, hit.kind)
        print(f"{padded(kind, 8)}  {where}  ({hit.slug})")
        print(f"          {terminal_text(hit.snippet, hit.snippet_spans, bold=bold)}")
    return 0
