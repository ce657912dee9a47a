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
"""

from __future__ import annotations

import datetime as dt
import re
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
_RELATED = re.compile(r"^(?P<name>.*?)\s*\((?P<dept>[^()]*)\)\s*$")
_READ_MORE = "[Read More]"
_SECTIONS = ("More Info", "Similar Q&A", "Related FAQ")
# A line that ends in a bare item number ("ask: 1.") or is one ("2.").
_TRAILING_NUMBER = re.compile(r"^(?P<before>.*?)\s*(?P<num>\d{1,2})\.$")
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


def parse_date(text: str, where: str) -> dt.date:
    """Parse ``YYYY/MM/DD`` (or ``YYYY-MM-DD``) or raise InputError at ``where``."""
    match = re.fullmatch(r"(\d{4})[/-](\d{1,2})[/-](\d{1,2})", text.strip())
    if not match:
        raise InputError(f"the date {text.strip()!r} is not of the form YYYY/MM/DD", where=where)
    try:
        return dt.date(int(match[1]), int(match[2]), int(match[3]))
    except ValueError as exc:
        raise InputError(f"the date {text.strip()!r} does not exist ({exc})", where=where) from None


def lines_to_markdown(lines: list[str]) -> str:
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
        number = None
        match = _TRAILING_NUMBER.match(line)
        if match and (not match["before"] or not match["before"][-1].isdigit()):
            line, number = match["before"].strip(), int(match["num"])
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
        match = _LEAD_IN.match(line.strip())
        if match:
            line = f"{match['num'] or ''}**{match['lead']}:** {line.strip()[match.end() :]}"
        bolded.append(line)
    return lines_to_markdown(bolded)


class _Cursor:
    """Walks the page's lines, keeping 1-based line numbers for error messages."""

    def __init__(self, path: str, lines: list[str]) -> None:
        self.path, self.lines, self.pos = path, lines, 0

    def where(self, index: int | None = None) -> str:
        return f"{self.path}:{(self.pos if index is None else index) + 1}"

    def find(self, predicate: re.Pattern[str] | str, start: int | None = None) -> int | None:
        for index in range(self.pos if start is None else start, len(self.lines)):
            line = self.lines[index].strip()
            hit = predicate.match(line) if isinstance(predicate, re.Pattern) else line == predicate
            if hit:
                return index
        return None


def parse_page(text: str, source: str) -> ParsedPage:
    """Parse a page's text; ``source`` names it in errors (a path or file name)."""
    lines = text.split("\n")
    while lines and not lines[-1].strip():
        lines.pop()
    cur = _Cursor(source, lines)
    first = next((i for i, line in enumerate(lines) if line.strip()), None)
    if first is None:
        raise InputError("the page is empty", where=f"{source}:1")
    title = lines[first].strip()

    asker_at = cur.find(_ASKER, first + 1)
    if asker_at is None:
        raise InputError(
            "no asker line like 'Name, 50~59 year old female. Ask Date: 2015/08/20'",
            where=cur.where(first + 1),
        )
    asker = _ASKER.match(lines[asker_at].strip())
    assert asker is not None
    question_lines = lines[first + 1 : asker_at]
    if not any(line.strip() for line in question_lines):
        raise InputError("the question text is missing", where=cur.where(asker_at))
    ask_date = parse_date(asker["date"], cur.where(asker_at))

    doctor_at = asker_at + 1
    while doctor_at < len(lines) and not lines[doctor_at].strip():
        doctor_at += 1
    doctor = _DOCTOR.match(lines[doctor_at].strip()) if doctor_at < len(lines) else None
    if doctor is None:
        raise InputError(
            "no doctor line like 'Dr. Name reply Department' after the asker line",
            where=cur.where(min(doctor_at, len(lines) - 1)),
        )

    section_at = min(
        (i for i in (cur.find(m, doctor_at + 1) for m in _SECTIONS) if i is not None), default=len(lines)
    )
    date_at = next((i for i in range(doctor_at + 1, section_at) if _REPLY_DATE.match(lines[i].strip())), None)
    if date_at is None:
        raise InputError(
            "the 'Reply Date: YYYY/MM/DD' line is missing (expected before this line)",
            where=cur.where(min(section_at, len(lines) - 1)),
        )
    reply_date_match = _REPLY_DATE.match(lines[date_at].strip())
    assert reply_date_match is not None
    reply_date = parse_date(reply_date_match["date"], cur.where(date_at))

    reply_lines = [line.strip() for line in lines[doctor_at + 1 : date_at]]
    while reply_lines and not reply_lines[-1]:
        reply_lines.pop()
    title_line = ""
    if reply_lines and reply_lines[-1] == doctor["name"]:
        reply_lines.pop()  # the signature's name
        if len(reply_lines) > 1:
            title_line = reply_lines.pop()
    if not any(reply_lines):
        raise InputError("the doctor's reply is empty", where=cur.where(date_at))

    cur.pos = date_at + 1
    more_at = cur.find("More Info")
    similar_at = cur.find("Similar Q&A")
    related_at = cur.find("Related FAQ")
    ends = [i for i in (similar_at, related_at, len(lines)) if i is not None]

    more_info_md = ""
    if more_at is not None:
        more_info_md = article_to_markdown(lines[more_at + 1 : min(e for e in ends if e > more_at)])
    similar: tuple[ParsedSimilar, ...] = ()
    if similar_at is not None:
        end = related_at if related_at is not None and related_at > similar_at else len(lines)
        similar = _parse_similar(cur, similar_at + 1, end)
    related: tuple[tuple[str, str], ...] = ()
    if related_at is not None:
        related = _parse_related(cur, related_at + 1)

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


def _parse_similar(cur: _Cursor, start: int, end: int) -> tuple[ParsedSimilar, ...]:
    """Groups of title / question excerpt / doctor line / reply excerpt ending in [Read More]."""
    items: list[ParsedSimilar] = []
    index = start
    while index < end:
        if not cur.lines[index].strip():
            index += 1
            continue
        title = cur.lines[index].strip()
        doctor_at = next((i for i in range(index + 1, end) if _DOCTOR.match(cur.lines[i].strip())), None)
        if doctor_at is None:
            raise InputError(
                f"Similar Q&A {title!r} has no 'Dr. Name reply Department' line",
                where=cur.where(index),
            )
        more_at = next((i for i in range(doctor_at + 1, end) if _READ_MORE in cur.lines[i]), None)
        if more_at is None:
            raise InputError(
                f"Similar Q&A {title!r} has no '[Read More]' at the end of its reply excerpt",
                where=cur.where(doctor_at),
            )
        doctor = _DOCTOR.match(cur.lines[doctor_at].strip())
        assert doctor is not None
        reply_text = " ".join(line.strip() for line in cur.lines[doctor_at + 1 : more_at + 1])
        reply_excerpt = reply_text.split(_READ_MORE, 1)[0].strip()
        items.append(
            ParsedSimilar(
                title=title,
                question_excerpt=_excerpt(cur.lines[index + 1 : doctor_at]),
                doctor=doctor["name"].strip(),
                department=doctor["dept"].strip(),
                reply_excerpt=_excerpt([reply_excerpt]),
            )
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
    for index in range(start, len(cur.lines)):
        line = cur.lines[index].strip()
        if not line:
            continue
        match = _RELATED.match(line)
        if match is None:
            raise InputError(
                f"a Related FAQ line should look like 'Topic(Department)', not {line!r}",
                where=cur.where(index),
            )
        related.append((match["name"].strip(), match["dept"].strip()))
    return tuple(related)
