"""Parse one Q&A page in the site's text format into a :class:`ParsedPage`.

The format (see ``data/pages/000_37194c49921cb46b.txt``), line by line::

    <title>
    <question text, one or more lines>
    <alias>, <age band> year old <sex>. Ask Date: YYYY/MM/DD
    Dr. <doctor> reply <department>
    <reply text ...>
    [<title/hospital line>]            signature, optional
    [<doctor name>]                    signature, optional
    Reply Date: YYYY/MM/DD
    More Info                          optional, with the article after it
    Similar Q&A                        optional, then groups of:
      <title> / <question excerpt> / Dr. <doctor> reply <dept> / <reply excerpt>[Read More] <title>
    Related FAQ                        optional, then lines "<topic>(<department>)"

Numbered items that the site splits over lines (``ask: 1.`` / ``How often...``) are joined
back into Markdown list items. Every problem raises :class:`InputError` naming the line.

The importer trusts no page: size, line and word lengths are checked before any pattern runs;
invisible and control characters are removed before headers are recognised; every pattern over
page text runs in linear time; imported text is escaped before it becomes Markdown, so a
patient's ``<b>`` or ``[`` shows as typed and cannot make the renderer backtrack; and a page
whose structure is off (a header as title, a reply that is only a signature, sections out of
order or run together, impossible dates, a page cut off mid-article) is refused, not stored
half right.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
import unicodedata
from collections.abc import Collection, Sized
from dataclasses import dataclass
from pathlib import Path

from breastedu.core.errors import InputError

_ASKER = re.compile(
    r"^(?P<alias>.+?),\s*(?P<age>[^,]*?)\s*year[s]? old\s+(?P<sex>female|male|woman|man)\.?"
    r"\s*Ask Date:\s*(?P<date>\S+)\s*$",
    re.IGNORECASE,
)
_DOCTOR = re.compile(r"^Dr\.?\s+(?P<name>.+?)\s+reply\s+(?P<dept>.+?)\s*$")
_REPLY_DATE = re.compile(r"^Reply Date:\s*(?P<date>.*?)\s*$", re.IGNORECASE)
_READ_MORE = "[Read More]"
#: "50~59", "45", "20-29"; a word or two ("Under twenty") for what the site may write instead.
_AGE_BAND = re.compile(r"[0-9]{1,3}(?:\s?[~-]\s?[0-9]{1,3})?|[A-Za-z]+(?: [A-Za-z]+)?", re.ASCII)
_SECTIONS = ("More Info", "Similar Q&A", "Related FAQ")

#: A real page is a few kilobytes; these bounds keep time and memory small for any input.
MAX_PAGE_CHARS = 200_000
#: The real page has 52 lines; 2,000 leaves room for a very long reply, and bounds the work of
#: parsing (and of opening the page later) before any pattern runs.
MAX_PAGE_LINES = 2_000
#: The site shows a handful of Similar Q&A (4 on the real page); more is a duplicated section.
MAX_SIMILAR = 50
MAX_LINE_CHARS = 10_000
MAX_WORD_CHARS = 200
#: The site began in the late 1990s; an earlier date is a typo or a forged page.
EARLIEST_DATE = dt.date(1995, 1, 1)
_LONG_WORD = re.compile(rf"\S{{{MAX_WORD_CHARS + 1}}}")
_MD_SPECIAL = re.compile(r"([\\`*_\[\]])")
_SENTENCE_END = tuple(".!?…)\"'»”’。！？；")
_SIGNATURE_WORDS = re.compile(
    r"\b(hospital|clinic|physician|director|department|surgeon|doctor|attending|chief|professor|"
    r"centre|center|medical|m\.?d\.?)\b",
    re.IGNORECASE,
)
# "Follow-Up Recommendations: After ..." -> the lead-in is set in bold.
_LEAD_IN = re.compile(r"^(?P<num>\d{1,2}\.\s+)?(?P<lead>[A-Z][A-Za-z][\w ,&/'()-]{1,48}?):\s+(?=\S)")


@dataclass(frozen=True)
class ParsedSimilar:
    """One Similar Q&A excerpt."""

    title: str
    question_excerpt: str
    doctor: str
    department: str
    reply_excerpt: str


@dataclass(frozen=True)
class ParsedPage:
    """Every field of a page a reader sees. Bodies are Markdown."""

    source: str
    title: str
    question_md: str
    asker_alias: str
    age_band: str
    sex: str
    ask_date: dt.date
    doctor: str
    department: str
    title_line: str
    reply_md: str
    reply_date: dt.date
    more_info_md: str
    similar: tuple[ParsedSimilar, ...]
    related: tuple[tuple[str, str], ...]  # (topic name, department); name may be ""


def clean_line(line: str) -> str:
    """Drop invisible format characters (U+202E, zero-width, BOM) and control characters.

    Tabs become spaces; everything else of Unicode categories Cf and Cc goes, so a header
    cannot hide behind an invisible character and no escape sequence reaches a terminal.
    """
    if line.isprintable():
        return line
    return "".join(
        " " if ch == "\t" else ch for ch in line if ch == "\t" or unicodedata.category(ch) not in ("Cf", "Cc")
    )


def escape_text(text: str) -> str:
    """Plain imported text as Markdown that renders exactly that text (no markup, no links)."""
    # Python-Markdown escapes only some characters with a backslash; the rest become entities.
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("|", "&#124;")
    return _MD_SPECIAL.sub(r"\\\1", text)


def check_limits(text: str, source: str) -> None:
    """Refuse a page too big, with too many lines, a line too long or a word too long, before
    parsing it."""
    if len(text) > MAX_PAGE_CHARS:
        raise InputError(
            f"the page has {len(text):,} characters; a Q&A page has at most {MAX_PAGE_CHARS:,}",
            where=f"{source}:1",
        )
    count = text.count("\n") + 1
    if count > MAX_PAGE_LINES:
        raise InputError(
            f"the page has {count:,} lines; a Q&A page has at most {MAX_PAGE_LINES:,}",
            where=f"{source}:{MAX_PAGE_LINES + 1}",
        )
    for number, line in enumerate(text.split("\n"), start=1):
        if len(line) > MAX_LINE_CHARS:
            raise InputError(
                f"line of {len(line):,} characters (at most {MAX_LINE_CHARS:,}): is something pasted in?",
                where=f"{source}:{number}",
            )
        word = _LONG_WORD.search(line)
        if word:
            raise InputError(
                f"a word of more than {MAX_WORD_CHARS} characters "
                f"({line[word.start() : word.start() + 30]!r}…): pasted data or a link cannot be imported",
                where=f"{source}:{number}",
            )


def read_page_text(path: Path) -> str:
    """Read a page as UTF-8 (with or without BOM), with any line ends, or raise InputError."""
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise InputError(f"cannot read the page ({exc.strerror})", where=str(path)) from None
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise InputError("the page is not UTF-8 text", where=f"{path}:{line}") from None
    return text.replace("\r\n", "\n").replace("\r", "\n")


def check_date_range(day: dt.date, where: str, *, today: dt.date | None = None) -> None:
    """Refuse a date before the site existed or after today."""
    today = today or dt.date.today()
    if day < EARLIEST_DATE:
        raise InputError(f"the date {day.isoformat()} is before {EARLIEST_DATE.year}", where=where)
    if day > today:
        raise InputError(f"the date {day.isoformat()} is in the future", where=where)


def parse_date(text: str, where: str) -> dt.date:
    """Parse ``YYYY/MM/DD`` (or ``YYYY-MM-DD``) or raise InputError at ``where``."""
    match = re.fullmatch(r"(\d{4})[/-](\d{1,2})[/-](\d{1,2})", text.strip())
    if not match:
        raise InputError(f"the date {text.strip()!r} is not of the form YYYY/MM/DD", where=where)
    try:
        return dt.date(int(match[1]), int(match[2]), int(match[3]))
    except ValueError as exc:
        raise InputError(f"the date {text.strip()!r} does not exist ({exc})", where=where) from None


def _split_trailing_number(line: str) -> tuple[str, int | None]:
    """``"ask: 1."`` -> ``("ask:", 1)``; ``"2."`` -> ``("", 2)``; else ``(line, None)``.

    Done with string methods: a regex like ``(.*?)\\s*(\\d+)\\.$`` is quadratic on a long line.
    """
    if not line.endswith("."):
        return line, None
    body = line[:-1]
    digits = len(body) - len(body.rstrip("0123456789"))
    if digits not in (1, 2):
        return line, None
    return body[:-digits].strip(), int(body[-digits:])


def lines_to_markdown(lines: list[str], *, escaped: bool = False) -> str:
    """Turn the site's lines into Markdown: one paragraph a line, split numbered items joined.

    ``"I would like to ask: 1."`` + ``"How often...? 2."`` + ``"Is there..."`` becomes a
    paragraph followed by a numbered list.
    """
    blocks: list[str] = []
    pending: int | None = None  # a number waiting for its item text on the next line
    for raw in lines:
        line = raw.strip()
        if not line:
            continue
        line, number = _split_trailing_number(line)
        if not escaped:
            line = escape_text(line)
        if pending is not None:
            line = f"{pending}. {line}" if line else f"{pending}."
        elif line.startswith("#"):
            line = "\\" + line  # a patient's "#3" is text, not a Markdown heading
        if line:
            blocks.append(line)
        pending = number
    if pending is not None:
        blocks.append(f"{pending}.")
    return _join_blocks(blocks)


def _join_blocks(blocks: list[str]) -> str:
    """Paragraphs are separated by blank lines; consecutive list items stay one list."""
    out: list[str] = []
    for block in blocks:
        is_item = bool(re.match(r"^\d+\. ", block))
        if out:
            prev_item = bool(re.match(r"^\d+\. ", out[-1]))
            out.append("\n" if is_item and prev_item else "\n\n")
        out.append(block)
    return "".join(out).strip() + "\n" if out else ""


def article_to_markdown(lines: list[str]) -> str:
    """The More Info article: like :func:`lines_to_markdown`, with lead-in phrases in bold."""
    bolded = []
    for line in lines:
        line = line.strip()
        match = _LEAD_IN.match(line)
        if match:
            rest = escape_text(line[match.end() :])
            line = f"{match['num'] or ''}**{escape_text(match['lead'])}:** {rest}"
        else:
            line = escape_text(line)
        bolded.append(line)
    return lines_to_markdown(bolded, escaped=True)


#: Cheap checks before a pattern runs: a substring the line must hold and a length limit.
_PREFILTER: dict[re.Pattern[str], tuple[str, int]] = {
    _ASKER: ("Ask Date", 400),
    _DOCTOR: (" reply ", 300),
    _REPLY_DATE: ("Reply Date", 100),
}


def _match(pattern: re.Pattern[str], line: str) -> re.Match[str] | None:
    """``pattern.match(line)``, but only on lines that could match (bounded time on any line)."""
    needle, limit = _PREFILTER.get(pattern, ("", MAX_LINE_CHARS))
    if len(line) > limit or needle not in line:
        return None
    return pattern.match(line)


def _is_header_like(line: str) -> bool:
    """A line that belongs to the page's structure, not to anyone's text."""
    return line in _SECTIONS or any(_match(p, line) for p in _PREFILTER) or _READ_MORE in line


class _Cursor:
    """Walks the page's lines, keeping 1-based line numbers for error messages."""

    def __init__(self, path: str, lines: list[str]) -> None:
        self.path, self.lines, self.pos = path, lines, 0

    def where(self, index: int | None = None) -> str:
        return f"{self.path}:{(self.pos if index is None else index) + 1}"

    def find(self, predicate: re.Pattern[str] | str, start: int | None = None) -> int | None:
        for index in range(self.pos if start is None else start, len(self.lines)):
            line = self.lines[index].strip()
            hit = _match(predicate, line) if isinstance(predicate, re.Pattern) else line == predicate
            if hit:
                return index
        return None


def parse_page(text: str, source: str, *, today: dt.date | None = None) -> ParsedPage:
    """Parse a page's text; ``source`` names it in errors (a path or file name)."""
    check_limits(text, source)
    lines = [clean_line(line) for line in text.split("\n")]
    while lines and not lines[-1].strip():
        lines.pop()
    cur = _Cursor(source, lines)
    first = next((i for i, line in enumerate(lines) if line.strip()), None)
    if first is None:
        raise InputError("the page is empty", where=f"{source}:1")
    title = lines[first].strip()
    if _is_header_like(title):
        raise InputError(
            f"the first line should be the question's title, not {title[:40]!r}", where=cur.where(first)
        )

    asker_at = cur.find(_ASKER, first + 1)
    if asker_at is None:
        raise InputError(
            "no asker line like 'Name, 50~59 year old female. Ask Date: 2015/08/20'",
            where=cur.where(first + 1),
        )
    asker = _match(_ASKER, lines[asker_at].strip())
    assert asker is not None
    question_lines = lines[first + 1 : asker_at]
    if not any(line.strip() for line in question_lines):
        raise InputError("the question text is missing", where=cur.where(asker_at))
    for index in range(first + 1, asker_at):
        if _is_header_like(lines[index].strip()):
            raise InputError("a section header inside the question text", where=cur.where(index))
    if not _AGE_BAND.fullmatch(asker["age"].strip()):
        raise InputError(
            f"the age {asker['age'].strip()[:30]!r} is not an age band like '50~59'",
            where=cur.where(asker_at),
        )
    ask_date = parse_date(asker["date"], cur.where(asker_at))
    check_date_range(ask_date, cur.where(asker_at), today=today)

    doctor_at = asker_at + 1
    while doctor_at < len(lines) and not lines[doctor_at].strip():
        doctor_at += 1
    doctor = _match(_DOCTOR, lines[doctor_at].strip()) if doctor_at < len(lines) else None
    if doctor is None:
        raise InputError(
            "no doctor line like 'Dr. Name reply Department' after the asker line",
            where=cur.where(min(doctor_at, len(lines) - 1)),
        )

    headers = _section_headers(cur, doctor_at + 1)
    section_at = min(headers.values(), default=len(lines))
    date_at = next(
        (i for i in range(doctor_at + 1, section_at) if _match(_REPLY_DATE, lines[i].strip())), None
    )
    if date_at is None:
        raise InputError(
            "the 'Reply Date: YYYY/MM/DD' line is missing (expected before this line)",
            where=cur.where(min(section_at, len(lines) - 1)),
        )
    reply_date_match = _match(_REPLY_DATE, lines[date_at].strip())
    assert reply_date_match is not None
    reply_date = parse_date(reply_date_match["date"], cur.where(date_at))
    check_date_range(reply_date, cur.where(date_at), today=today)
    if reply_date < ask_date:
        raise InputError(
            f"the reply ({reply_date.isoformat()}) is dated before the question ({ask_date.isoformat()})",
            where=cur.where(date_at),
        )
    stray = next((i for i in range(date_at + 1, section_at) if lines[i].strip()), None)
    if stray is not None:
        raise InputError(
            "text after the 'Reply Date' line that is not in a section (More Info, Similar Q&A, Related FAQ)",
            where=cur.where(stray),
        )

    reply_lines, title_line = _reply_and_signature(
        [line.strip() for line in lines[doctor_at + 1 : date_at]], doctor["name"].strip()
    )
    for offset, line in enumerate(lines[doctor_at + 1 : date_at]):
        if _is_header_like(line.strip()):
            where = cur.where(doctor_at + 1 + offset)
            raise InputError("a section header inside the doctor's reply", where=where)
    if not any(reply_lines):
        raise InputError("the doctor's reply has no text beyond the signature", where=cur.where(date_at))

    if "Related FAQ" not in headers:
        raise InputError(
            "the page has no 'Related FAQ' list, which ends every page of the site: is it cut off?",
            where=cur.where(len(lines) - 1),
        )
    ends = sorted([*headers.values(), len(lines)])
    body = {name: (at + 1, next(e for e in ends if e > at)) for name, at in headers.items()}
    for name, (start, end) in body.items():
        if not any(line.strip() for line in lines[start:end]):
            problem = f"the '{name}' section is empty: is the page cut off?"
            raise InputError(problem, where=cur.where(start - 1))

    more_info_md = ""
    if "More Info" in body:
        start, end = body["More Info"]
        for index in range(start, end):
            line = lines[index].strip()
            if _match(_DOCTOR, line) or _READ_MORE in line:
                raise InputError(
                    "the More Info article runs into Similar Q&A lines: is its 'Similar Q&A' header missing?",
                    where=cur.where(index),
                )
        last = next(lines[i].strip() for i in range(end - 1, start - 1, -1) if lines[i].strip())
        if end == len(lines) and not last.endswith(_SENTENCE_END):
            raise InputError(
                "the More Info article ends mid-sentence: the page seems cut off", where=cur.where(end - 1)
            )
        more_info_md = article_to_markdown(lines[start:end])
    similar: tuple[ParsedSimilar, ...] = ()
    if "Similar Q&A" in body:
        similar = _parse_similar(cur, *body["Similar Q&A"])
    related: tuple[tuple[str, str], ...] = ()
    if "Related FAQ" in body:
        related = _parse_related(cur, body["Related FAQ"][0])

    return ParsedPage(
        source=source,
        title=title,
        question_md=lines_to_markdown(question_lines),
        asker_alias=asker["alias"].strip(),
        age_band=asker["age"].strip(),
        sex=asker["sex"].lower().replace("woman", "female").replace("man", "male"),
        ask_date=ask_date,
        doctor=doctor["name"].strip(),
        department=doctor["dept"].strip(),
        title_line=title_line,
        reply_md=lines_to_markdown(reply_lines),
        reply_date=reply_date,
        more_info_md=more_info_md,
        similar=similar,
        related=related,
    )


def _section_headers(cur: _Cursor, start: int) -> dict[str, int]:
    """Where each section header stands; each at most once and in the site's order."""
    found: dict[str, int] = {}
    for index in range(start, len(cur.lines)):
        line = cur.lines[index].strip()
        if line in _SECTIONS:
            if line in found:
                raise InputError(f"a second '{line}' header", where=cur.where(index))
            found[line] = index
    order = [name for name in _SECTIONS if name in found]
    if [found[name] for name in order] != sorted(found.values()):
        raise InputError(
            f"sections out of order: expected {' → '.join(order)}", where=cur.where(max(found.values()))
        )
    return found


def _reply_and_signature(lines: list[str], doctor: str) -> tuple[list[str], str]:
    """Split the reply's text from its signature (title/hospital line, then the doctor's name)."""
    while lines and not lines[-1]:
        lines.pop()
    title_line = ""
    if lines and lines[-1] == doctor:
        lines.pop()  # the signature's name
        while lines and not lines[-1]:
            lines.pop()
        if lines and _looks_like_signature(lines[-1]):
            title_line = lines.pop()
    return lines, title_line


def _looks_like_signature(line: str) -> bool:
    """A title/hospital line: short, no sentence end, names a post or a place of care."""
    return len(line) <= 120 and not line.endswith(("。", "?", "!")) and bool(_SIGNATURE_WORDS.search(line))


def _parse_similar(cur: _Cursor, start: int, end: int) -> tuple[ParsedSimilar, ...]:
    """Groups of title / question excerpt / doctor line / reply excerpt ending in
    ``[Read More] <title>``.

    Each part must be where it belongs, so a missing line is refused rather than merging two
    items under the wrong doctor: the question excerpt holds no doctor line or ``[Read More]``,
    the reply excerpt no doctor line, and the title after ``[Read More]`` is the item's own.
    """
    items: list[ParsedSimilar] = []
    index = start
    while index < end:
        if not cur.lines[index].strip():
            index += 1
            continue
        title = cur.lines[index].strip()
        if _is_header_like(title):
            raise InputError(
                f"a Similar Q&A item should start with its title, not {title[:40]!r}", where=cur.where(index)
            )
        doctor_at = next((i for i in range(index + 1, end) if _match(_DOCTOR, cur.lines[i].strip())), None)
        if doctor_at is None:
            raise InputError(
                f"Similar Q&A {title!r} has no 'Dr. Name reply Department' line",
                where=cur.where(index),
            )
        question_lines = cur.lines[index + 1 : doctor_at]
        for offset, line in enumerate(question_lines, start=index + 1):
            if _READ_MORE in line:
                raise InputError(
                    f"Similar Q&A {title!r} runs into the next item: its 'Dr. Name reply Department' "
                    "line is missing",
                    where=cur.where(offset),
                )
        if not any(line.strip() for line in question_lines):
            raise InputError(f"Similar Q&A {title!r} has no question excerpt", where=cur.where(doctor_at))
        more_at = next((i for i in range(doctor_at + 1, end) if _READ_MORE in cur.lines[i]), None)
        if more_at is None:
            raise InputError(
                f"Similar Q&A {title!r} has no '[Read More]' at the end of its reply excerpt",
                where=cur.where(doctor_at),
            )
        for offset in range(doctor_at + 1, more_at):
            if _match(_DOCTOR, cur.lines[offset].strip()):
                raise InputError(
                    f"Similar Q&A {title!r} runs into the next item: its '[Read More]' line is missing",
                    where=cur.where(offset),
                )
        doctor = _match(_DOCTOR, cur.lines[doctor_at].strip())
        assert doctor is not None
        reply_text = " ".join(line.strip() for line in cur.lines[doctor_at + 1 : more_at + 1])
        reply_excerpt, _, linked = reply_text.partition(_READ_MORE)
        if linked.strip() != title:
            raise InputError(
                f"the '[Read More]' line of Similar Q&A {title!r} names {linked.strip()[:60]!r}, not "
                "its title: is the line cut off?",
                where=cur.where(more_at),
            )
        if not reply_excerpt.strip():
            raise InputError(f"Similar Q&A {title!r} has no reply excerpt", where=cur.where(more_at))
        items.append(
            ParsedSimilar(
                title=title,
                question_excerpt=_excerpt(question_lines),
                doctor=doctor["name"].strip(),
                department=doctor["dept"].strip(),
                reply_excerpt=_excerpt([reply_excerpt.strip()]),
            )
        )
        if len(items) > MAX_SIMILAR:
            raise InputError(
                f"more than {MAX_SIMILAR} Similar Q&A items: is the section duplicated?",
                where=cur.where(index),
            )
        index = more_at + 1
    return tuple(items)


def _excerpt(lines: list[str]) -> str:
    """Join excerpt lines; the site's trailing "..." is kept as one ellipsis character."""
    text = " ".join(line.strip() for line in lines if line.strip())
    return re.sub(r"\.\.\.$", "…", text)


def _parse_related(cur: _Cursor, start: int) -> tuple[tuple[str, str], ...]:
    """Lines ``Topic(Department)``; the site leaves the page's own topic name empty."""
    related: list[tuple[str, str]] = []
    last = start
    for index in range(start, len(cur.lines)):
        line = cur.lines[index].strip()
        if not line:
            continue
        opening = line.rfind("(")
        dept = line[opening + 1 : -1] if opening >= 0 and line.endswith(")") else None
        if dept is None or ")" in dept or len(line) > 300:
            raise InputError(
                f"a Related FAQ line should look like 'Topic(Department)', not {line[:60]!r}",
                where=cur.where(index),
            )
        related.append((line[:opening].strip(), dept.strip()))
        last = index
    if not any(name for name, _ in related):
        raise InputError(
            "the Related FAQ list names no topic besides the page's own: is the page cut off?",
            where=cur.where(last),
        )
    return tuple(related)


@functools.lru_cache(maxsize=4096)
def _fold(name: str) -> str:
    """A topic name's words, lower case (the names recur on page after page)."""
    return " ".join(re.findall(r"\w+", name.lower()))


def related_gap(page: ParsedPage, known: Collection[str]) -> str | None:
    """Why ``page``'s Related FAQ list looks cut off, given the FAQ names of the library's
    topics (``known``), or None.

    The site lists every topic of the page's department, its own with a blank name (see
    data/topics.toml): a list that names some of the library's topics must name all of them but
    one, and hold the blank entry. A page of another department (none of its names known) is
    not judged.
    """
    listed = {_fold(name) for name, _ in page.related if name}
    folded = {_fold(name): name for name in known}
    missing = sorted(name for key, name in folded.items() if key not in listed)
    if not listed & folded.keys():
        return None
    if all(name for name, _ in page.related):
        return "the Related FAQ list has no entry for the page's own topic (a blank name): is a line lost?"
    if len(missing) <= 1:
        return None
    return (
        f"the Related FAQ list lacks {len(missing)} of the library's topics ({', '.join(missing[:3])}"
        f"{', …' if len(missing) > 3 else ''}); a page lists all but its own: is it cut off?"
    )


@dataclass(frozen=True)
class PageParts:
    """How much a page holds of the parts a cut-off copy loses first."""

    more_info: bool
    similar: int
    related: int

    @classmethod
    def of(cls, page: ParsedPage) -> PageParts:
        return cls(bool(page.more_info_md), len(page.similar), len(page.related))

    @classmethod
    def stored(cls, more_info_md: object, similar: Sized, related: Sized) -> PageParts:
        """The parts of a stored page: its More Info text and its Similar and Related rows."""
        return cls(bool(more_info_md), len(similar), len(related))


def parts_lost(stored: PageParts, new: PageParts) -> list[str]:
    """What ``new`` lacks of ``stored`` (a copy of the same page that would lose content)."""
    lost = []
    if stored.more_info and not new.more_info:
        lost.append("its More Info article")
    if new.similar < stored.similar:
        lost.append(f"{stored.similar - new.similar} Similar Q&A")
    if new.related < stored.related:
        lost.append(f"{stored.related - new.related} Related FAQ")
    return lost
