"""Make a synthetic content DB of N questions, for benchmarks only (never shipped).

Shape: each question is about one of the 10 topics of data/topics.toml; a title of 5-10
words, a question of 40-90, a reply of 30-70 and a More Info article of 120-220 words (a few
hundred in all); words drawn from a Zipf-like vocabulary of 40,000 (common English words
first, medical words through the middle ranks, made-up words in the tail); the topic's own
terms about 3% of the words. Deterministic: the same N gives the same DB.

The DB goes through the real schema (``ContentBase.metadata.create_all``) and the real
build step of ``build-seed`` and ``import`` (``seed.finish_build``: each topic's counts, the
synonyms, the schema version). Corpora are cached under ``benchmarks/.cache/`` (gitignored),
once per N; their search indexes are derived by the app's own ``SearchService`` into
``benchmarks/.cache/index/`` (rebuilt when stale, with progress). A corpus of an older
version with the same questions is copied and upgraded, never changed in place: an older
checkout may still be reading it.

    python benchmarks/make_corpus.py 10000
"""

from __future__ import annotations

import argparse
import datetime as dt
import itertools
import os
import random
import shutil
import sqlite3
import sys
import time
import tomllib
from collections.abc import Callable
from pathlib import Path

from sqlalchemy import create_engine

from breastedu.core.content.schema import SCHEMA_VERSION, ContentBase
from breastedu.core.content.seed import finish_build
from breastedu.core.search.index import refresh_content

REPO = Path(__file__).resolve().parent.parent
CACHE = Path(__file__).resolve().parent / ".cache"
#: In the cached file's name. 3: topic_count (content schema 4).
GENERATOR_VERSION = 3
#: Generator versions whose corpora this one only adds derived data to: a cached one is copied
#: and upgraded (seconds) instead of generating its questions again (minutes at 100,000), so
#: benchmarks keep reading the very questions they read before.
SAME_QUESTIONS = (2,)
#: Seeds the random words: version 2's, so that a corpus generated now and one upgraded from
#: version 2 differ only where data/topics.toml's keywords (some of the words) changed since.
WORDS_VERSION = 2
VOCABULARY = 40_000


def _words(text: str) -> list[str]:
    return text.split()


COMMON = _words("""the and to of a in is it you that i for my with this on be are have was not
but can as at your if or do so will from what there by all an they when about after one
also more any some which no should how would me now been like time them than only may
other their then just very she her has had could into up out because over if our two first
year years left right side day days week months still again back around found told feel
normal doctor hospital went said know want since last next small size cm mm pain check
test result results report follow up visit advice please thank thanks hello dear worried
worry ask asked under arm under near area body family history mother sister age old young
woman women female patient treatment surgery removed remove surgical need needed take
medicine medication blood level levels high low change changes changed grow growing grew""")

MEDICAL = _words("""breast breasts thyroid lump lumps mass nodule nodules cyst cysts mammogram mammography
ultrasound biopsy calcification calcifications microcalcifications fibroadenoma benign
malignant cancer tumor tissue gland glands lymph node nodes axillary armpit underarm nipple
nipples areola discharge inverted pain painful tender tenderness chest ache hormone hormones
tsh t4 thyroxine hyperthyroidism hyperthyroid overactive graves goiter goitre enlarged
enlargement swelling swollen palpitations screening examination self exam dense birads
tirads bethesda fna needle aspiration pathology radiologist surgeon oncologist clinic scan
scans imaging mri ct contrast iodine radioactive levothyroxine methimazole dose antibodies
inflammation infection mastitis duct ducts ductal lobular carcinoma situ dcis menopause
period menstrual cycle pregnancy pregnant breastfeeding milk estrogen progesterone risk
genetic brca family recurrence monitor monitoring annual routine repeat months interval
solid cystic complex simple margin margins irregular smooth round oval shape echo vascular
growth stable shrink shrinking hard soft movable fixed skin redness dimpling""")


def topics() -> tuple[list[dict[str, object]], list[dict[str, object]]]:
    """The 10 topics (and their groups) of data/topics.toml."""
    data = tomllib.loads((REPO / "data" / "topics.toml").read_text(encoding="utf-8"))
    return list(data["topic"]), list(data["group"])


def vocabulary(rng: random.Random) -> tuple[list[str], list[float]]:
    """Words by rank and their cumulative Zipf-Mandelbrot weights (s=1.05)."""
    made: set[str] = set()
    syllables = [a + b for a in "bcdfghklmnprstvz" for b in "aeiou"] + ["an", "el", "or", "is"]
    seen = set(COMMON) | set(MEDICAL)
    while len(made) < VOCABULARY - len(seen):
        w = "".join(rng.choice(syllables) for _ in range(rng.choice((2, 2, 3, 3, 3, 4))))
        if w not in seen:
            made.add(w)
            seen.add(w)
    tail = sorted(made)
    rng.shuffle(tail)
    words = list(dict.fromkeys(COMMON[:150]))
    medical = list(dict.fromkeys(MEDICAL))
    rest = [w for w in dict.fromkeys(COMMON[150:]) if w not in words]
    # medical words spread through ranks 150..3000, mixed with common words and made-up ones
    middle = rest + medical + tail[: 2700 - len(rest) - len(medical)]
    rng.shuffle(middle)
    words += middle + tail[2700 - len(rest) - len(medical) :]
    weights = [1.0 / (r + 2.7) ** 1.05 for r in range(len(words))]
    return words, list(itertools.accumulate(weights))


def sentences(
    rng: random.Random, words: list[str], cum: list[float], own: list[str], count: int, share: float
) -> str:
    """``count`` words drawn from the vocabulary (``share`` of them the topic's ``own``),
    as sentences of 12 words."""
    picks = rng.choices(words, cum_weights=cum, k=count)
    for i in range(count):
        if rng.random() < share:
            picks[i] = rng.choice(own)
    out = []
    for i in range(0, count, 12):
        s = " ".join(picks[i : i + 12])
        out.append(s[:1].upper() + s[1:] + ".")
    return " ".join(out)


def make_content(n: int, out: Path, *, quiet: bool = False) -> None:
    """Write the content of ``n`` synthetic questions to ``out`` (the build step, which
    derives the rest, is :func:`_upgrade`'s)."""
    rng = random.Random(f"breastedu-corpus-{WORDS_VERSION}")
    words, cum = vocabulary(rng)
    topic_list, groups = topics()
    out.unlink(missing_ok=True)
    engine = create_engine(f"sqlite:///{out}")
    ContentBase.metadata.create_all(engine)
    engine.dispose()
    con = sqlite3.connect(out)
    con.execute("PRAGMA journal_mode = OFF")
    con.execute("PRAGMA synchronous = OFF")
    con.execute("INSERT INTO department VALUES (1, 'Breast and Thyroid')")
    con.execute("INSERT INTO doctor VALUES (1, 'Dr. Synthetic', 1, 'Benchmark Hospital')")
    con.executemany(
        "INSERT INTO topic_group VALUES (?, ?, ?, ?)",
        [(i, g["slug"], g["title"], i) for i, g in enumerate(groups, 1)],
    )
    gid = {g["slug"]: i for i, g in enumerate(groups, 1)}
    con.executemany(
        "INSERT INTO topic (id, slug, title, group_id, position, summary, faq_name)"
        " VALUES (?, ?, ?, ?, ?, ?, ?)",
        [
            (i, t["slug"], t["title"], gid[t["group"]], i, t["summary"], t["faq_name"])
            for i, t in enumerate(topic_list, 1)
        ],
    )
    own = [
        [w for k in t["keywords"] for w in str(k).split()]
        + str(t["title"]).lower().replace("(", "").replace(")", "").replace("&", "").split()
        for t in topic_list
    ]

    def text_(count: int, topic: int) -> str:
        return sentences(rng, words, cum, own[topic], count, 0.03)

    guides = [(i + 1, "guide", None, i + 1, t["title"], text_(800, i)) for i, t in enumerate(topic_list)]
    con.executemany(
        "INSERT INTO article (id, kind, question_id, topic_id, slug, title, body_md,"
        " sources) VALUES (?, ?, ?, ?, ?, ?, ?, '')",
        [(a, k, q, t, f"guide-{t}", ti, b) for a, k, q, t, ti, b in guides],
    )
    day = dt.date(2015, 1, 1)
    for start in range(0, n, 5000):
        qs, rs, arts = [], [], []
        for qid in range(start + 1, min(n, start + 5000) + 1):
            topic = rng.randrange(len(topic_list))
            title = text_(rng.randint(5, 10), topic).rstrip(".")
            if rng.random() < 0.8:  # most titles name the topic's own words
                title = f"{title} {rng.choice(own[topic])}"
            when = day + dt.timedelta(days=qid % 3000)
            qs.append(
                (
                    qid,
                    f"q{qid}",
                    f"synthetic:{qid}",
                    "synthetic",
                    topic + 1,
                    title,
                    text_(rng.randint(40, 90), topic),
                    "A.",
                    "30~39",
                    "female",
                    when,
                )
            )
            rs.append((qid, qid, 1, text_(rng.randint(30, 70), topic), when))
            arts.append(
                (
                    len(topic_list) + qid,
                    "more_info",
                    qid,
                    None,
                    f"info-{qid}",
                    title,
                    text_(rng.randint(120, 220), topic),
                )
            )
        con.executemany(
            "INSERT INTO question (id, slug, source_key, source, topic_id, title,"
            " body_md, asker_alias, age_band, sex, ask_date)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            qs,
        )
        con.executemany(
            "INSERT INTO reply (id, question_id, doctor_id, body_md, reply_date) VALUES (?, ?, ?, ?, ?)", rs
        )
        con.executemany(
            "INSERT INTO article (id, kind, question_id, topic_id, slug, title,"
            " body_md, sources) VALUES (?, ?, ?, ?, ?, ?, ?, '')",
            arts,
        )
        if not quiet:
            done = min(n, start + 5000)
            print(f"\r  generating: {done:,} / {n:,} questions", end="", file=sys.stderr, flush=True)
    if not quiet:
        print(file=sys.stderr)
    con.commit()
    con.close()


def ensure(n: int, *, quiet: bool = False) -> Path:
    """The path of a cached content DB of ``n`` questions (generated once, with progress).

    Its search index is derived by the app's own code (``SearchService`` with a cache folder,
    see :func:`index_cache`), the way a clinic's imported library gets one."""
    CACHE.mkdir(parents=True, exist_ok=True)
    content = CACHE / f"content-{n}-v{GENERATOR_VERSION}.sqlite"
    if not content.exists():
        t = time.perf_counter()
        tmp = content.with_suffix(f".{os.getpid()}.tmp")
        older = [p for v in SAME_QUESTIONS if (p := CACHE / f"content-{n}-v{v}.sqlite").exists()]
        if older:
            shutil.copyfile(older[-1], tmp)
        else:
            make_content(n, tmp, quiet=quiet)
        _upgrade(tmp, force=True)
        tmp.rename(content)
        if not quiet:
            how = f"upgraded a copy of {older[-1].name}" if older else f"generated {n:,} questions"
            print(
                f"{how} in {time.perf_counter() - t:.0f} s ({content.stat().st_size / 1e6:.0f} MB)",
                file=sys.stderr,
            )
    _upgrade(content)
    return content


def _upgrade(db: Path, *, force: bool = False) -> None:
    """Bring a corpus to this app's content schema when only tables or nullable columns were
    added (create them, then run the real build step: derived data, schema version), instead
    of generating it again; ``force`` runs the build step even when nothing is missing."""
    con = sqlite3.connect(db)
    try:
        row = con.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()
        tables = {r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        missing = [
            (table.name, column)
            for table in ContentBase.metadata.sorted_tables
            if table.name in tables
            for column in table.columns
            if column.name not in {r[1] for r in con.execute(f"PRAGMA table_info('{table.name}')")}
        ]
    finally:
        con.close()
    current = row is not None and row[0] == str(SCHEMA_VERSION) and set(ContentBase.metadata.tables) <= tables
    if current and not missing and not force:
        return
    engine = create_engine(f"sqlite:///{db}")
    ContentBase.metadata.create_all(engine)
    with engine.begin() as conn:
        for table, column in missing:
            kind = column.type.compile(dialect=engine.dialect)
            conn.exec_driver_sql(f'ALTER TABLE {table} ADD COLUMN "{column.name}" {kind}')
        finish_build(conn, REPO / "data" / "synonyms.toml", refresh_content)
    engine.dispose()


def index_cache() -> Path:
    """Where the benchmarks keep the derived search indexes of the corpora."""
    return CACHE / "index"


def main(make: Callable[[int], Path] = ensure, doc: str = __doc__) -> None:
    """Build (or find cached) corpora (``make``) for the sizes given on the command line."""
    parser = argparse.ArgumentParser(description=doc.splitlines()[0])
    parser.add_argument("sizes", nargs="+", type=int)
    for n in parser.parse_args().sizes:
        print(make(n))


if __name__ == "__main__":
    main()
