"""The rankings of the words of one or two letters typed alone, worked out when the index is
built and kept in its folder (:data:`FILE`), so that even the first such search ranks nothing.

A letter typed alone matches a large part of the library: ranking it is the slowest search
there is, and it is what the first keystroke asks for. There are few such words (26 letters,
676 pairs), so the index build ranks each one once (``SearchService`` does, with the code
every search runs) and keeps its best :data:`KEPT` pages, and the words it stands for (its
most frequent words, which the index lists only by reading all of the letter's words); a
search reads them back, on its first use of the file.

Inside a topic such a word is ranked with the topic's pages alone, which is as slow (a
topic's pages are spread over the whole index), so the build keeps each topic's ranking too
(:data:`IN_TOPICS`), of the words that stand for words found on :data:`TOPIC_PAGES` pages or
more (the ones a topic ranks slowly: about 160 of the 702 words in a library of 100,000
questions, ranked at build in 2-3 s; any other takes under half a millisecond; none in a
small library). A search reads the one ranking it needs from that file, by offset.

The files belong to the index folder they were built in (the addresses point into that
index); an index without them (built in memory) works such words out as it goes.

"Did you mean" compares a misspelt word with every word that begins with its first letter;
the index lists those only by reading each of them and its count, so the build keeps each
letter's words too, most frequent first (:data:`VOCABULARY`), and the first misspelling of a
letter reads that letter's part of the file.

Format: a 4-byte length, a JSON head (the index's document count, the size of the records,
and for each word its first record, record count and where its words are), then fixed-size
records (segment, document, kind, ref, score), then the words ("word count word count ...").
:data:`IN_TOPICS`: a 4-byte length, a JSON head (the document count and the topic ids), then
per topic and word (in the order of :func:`words`) its first record and record count
(:data:`NOT_KEPT`: not kept), then the records.
"""

from __future__ import annotations

import json
import string
import struct
import threading
from collections.abc import Iterator, Mapping, Sequence
from pathlib import Path

FILE = "short-words.bin"
VOCABULARY = "letter-words.bin"  # each letter's words, for "did you mean" (see write_vocabulary)
KEPT = 64  # pages kept per word: a search of up to about 50 hits (it asks for limit + ~12)
IN_TOPICS = "topic-words.bin"  # the rankings of the most frequent of them in each topic
#: A word's ranking in each topic is kept when the words it stands for are found on this
#: many pages or more, counted once per word (see the module docstring).
TOPIC_PAGES = 10_000
NOT_KEPT = 0xFFFFFFFF
_SLOT = struct.Struct("<II")  # (first record, record count) of a word in a topic
_LENGTH = struct.Struct("<I")
_RECORD = struct.Struct("<IIIId")

Row = tuple[int, int, int, int, float]  # (segment, document, kind, ref, score)


def words() -> Iterator[str]:
    """Every word of one or two (ASCII) letters, a to zz."""
    letters = string.ascii_lowercase
    yield from letters
    yield from (a + b for a in letters for b in letters)


Expansion = tuple[tuple[str, int], ...]  # (word, documents), most frequent first


def write(
    folder: Path, rankings: Mapping[str, Sequence[Row]], expansions: Mapping[str, Expansion], docs: int
) -> None:
    """Keep ``rankings`` (word -> its best pages, best first) and ``expansions`` (word -> the
    words it stands for) in the index ``folder`` of ``docs`` documents."""
    heads: dict[str, tuple[int, int, int, int]] = {}
    body = bytearray()
    listed: list[str] = []
    at = chars = 0
    for word in sorted(rankings.keys() | expansions.keys()):
        rows = rankings.get(word, ())
        for row in rows:
            body += _RECORD.pack(*row)
        text = " ".join(f"{w} {n}" for w, n in expansions.get(word, ()))
        heads[word] = (at, len(rows), chars, chars + len(text))
        listed.append(text)
        at, chars = at + len(rows), chars + len(text)
    head = {"docs": docs, "kept": KEPT, "records": len(body), "words": heads}
    raw = json.dumps(head, separators=(",", ":")).encode()
    words_text = "".join(listed).encode()
    (folder / FILE).write_bytes(_LENGTH.pack(len(raw)) + raw + bytes(body) + words_text)


def write_in_topics(folder: Path, in_topics: Mapping[int, Mapping[str, Sequence[Row]]], docs: int) -> None:
    """Keep ``in_topics`` (topic id -> word -> its best pages in that topic, best first) in
    the index ``folder`` of ``docs`` documents; no file when none is kept (a small library)."""
    if not any(in_topics.values()):
        return
    topics = sorted(in_topics)
    slots = bytearray()
    body = bytearray()
    at = 0
    for topic in topics:
        for word in words():
            rows = in_topics[topic].get(word)
            slots += _SLOT.pack(at, len(rows)) if rows is not None else _SLOT.pack(0, NOT_KEPT)
            for row in rows or ():
                body += _RECORD.pack(*row)
            at += len(rows or ())
    raw = json.dumps({"docs": docs, "topics": topics}, separators=(",", ":")).encode()
    (folder / IN_TOPICS).write_bytes(_LENGTH.pack(len(raw)) + raw + bytes(slots) + bytes(body))


def write_vocabulary(folder: Path, letters: Mapping[str, Sequence[str]], docs: int) -> None:
    """Keep ``letters`` (letter -> every word that begins with it, most frequent first: what
    "did you mean" compares a misspelt word with) in the index ``folder``."""
    heads: dict[str, tuple[int, int]] = {}
    parts: list[bytes] = []
    at = 0
    for letter, listed in sorted(letters.items()):
        text = " ".join(listed).encode()
        heads[letter] = (at, len(text))
        parts.append(text)
        at += len(text)
    raw = json.dumps({"docs": docs, "letters": heads}, separators=(",", ":")).encode()
    (folder / VOCABULARY).write_bytes(_LENGTH.pack(len(raw)) + raw + b"".join(parts))


class ShortRankings:
    """The rankings kept in an index folder, read when first asked for (none: no file there,
    or one that does not belong to the index of ``docs`` documents)."""

    def __init__(self, folder: Path | None, docs: int) -> None:
        self._path = folder / FILE if folder is not None else None
        self._letters = folder / VOCABULARY if folder is not None else None
        self._in_topics = folder / IN_TOPICS if folder is not None else None
        self._docs = docs
        self._lock = threading.Lock()
        self._loaded = False
        self._heads: dict[str, list[int]] = {}
        self._body = memoryview(b"")
        self._words = ""
        self._kept = KEPT

    def _load(self) -> None:
        with self._lock:
            if self._loaded:
                return
            self._loaded = True
            if self._path is None:
                return
            try:
                raw = self._path.read_bytes()
                (n,) = _LENGTH.unpack_from(raw)
                head = json.loads(raw[_LENGTH.size : _LENGTH.size + n])
                if head["docs"] != self._docs:
                    return
                start, end = _LENGTH.size + n, _LENGTH.size + n + int(head["records"])
                self._body = memoryview(raw)[start:end]
                self._words = raw[end:].decode()
                self._heads, self._kept = head["words"], int(head["kept"])
            except (OSError, ValueError, KeyError, struct.error):
                self._heads = {}

    def forget(self) -> None:
        """Drop what was read: the next :meth:`get` reads the file again."""
        with self._lock:
            self._loaded, self._heads, self._body, self._words = False, {}, memoryview(b""), ""

    def get(self, word: str, wanted: int) -> list[Row] | None:
        """The best ``wanted`` pages of ``word`` typed alone, or None when not kept (not such
        a word, no file, or more pages wanted than kept while more match)."""
        if not self._loaded:
            self._load()
        found = self._heads.get(word)
        if found is None:
            return None
        first, count, _a, _b = found
        if wanted > count and count == self._kept:
            return None  # more may match than were kept
        size = _RECORD.size
        chunk = self._body[first * size : (first + min(wanted, count)) * size]
        return list(_RECORD.iter_unpack(chunk))

    def in_topic(self, word: str, topic: int, wanted: int) -> list[Row] | None:
        """The best ``wanted`` pages of ``word`` typed alone in ``topic``, or None when not
        kept (as :meth:`get`). Reads that ranking's part of the file only."""
        if self._in_topics is None or len(word) > 2 or not word.isascii() or not word.isalpha():
            return None
        number = _WORD_NUMBER.get(word)
        if number is None:
            return None
        try:
            with self._in_topics.open("rb") as f:
                (n,) = _LENGTH.unpack(f.read(_LENGTH.size))
                head = json.loads(f.read(n))
                topics = head["topics"]
                if head["docs"] != self._docs or topic not in topics:
                    return None
                slots = _LENGTH.size + n
                f.seek(slots + (topics.index(topic) * len(_WORD_NUMBER) + number) * _SLOT.size)
                first, count = _SLOT.unpack(f.read(_SLOT.size))
                if count == NOT_KEPT or (wanted > count and count == KEPT):
                    return None  # not kept, or more may match than were kept
                f.seek(slots + len(topics) * len(_WORD_NUMBER) * _SLOT.size + first * _RECORD.size)
                return list(_RECORD.iter_unpack(f.read(min(wanted, count) * _RECORD.size)))
        except (OSError, ValueError, KeyError, struct.error):
            return None

    def expansions(self, word: str) -> Expansion | None:
        """The words ``word`` stands for, as kept (None: not kept)."""
        if not self._loaded:
            self._load()
        found = self._heads.get(word)
        if found is None:
            return None
        parts = self._words[found[2] : found[3]].split()
        return tuple((w, int(n)) for w, n in zip(parts[::2], parts[1::2], strict=True))

    def vocabulary(self, letter: str) -> tuple[str, ...] | None:
        """Every word that begins with ``letter``, most frequent first, as kept (None: not
        kept). Reads that letter's part of the file only."""
        if self._letters is None:
            return None
        try:
            with self._letters.open("rb") as f:
                (n,) = _LENGTH.unpack(f.read(_LENGTH.size))
                head = json.loads(f.read(n))
                found = head["letters"].get(letter)
                if found is None or head["docs"] != self._docs:
                    return None  # not such a letter, or a file that is not this index's
                f.seek(_LENGTH.size + n + found[0])
                return tuple(f.read(found[1]).decode().split())
        except (OSError, ValueError, KeyError, struct.error):
            return None


_WORD_NUMBER = {w: n for n, w in enumerate(words())}  # a word's place in :func:`words`
