"""Make N synthetic Q&A page files in the site's page format, for the importer benchmark only.

Each page has the shape of ``data/pages/000_37194c49921cb46b.txt`` (title, question, asker
and ask date, doctor's reply with signature, More Info, two Similar Q&A, the Related FAQ
list) with words drawn from ``make_corpus``'s vocabulary: about 2.6 kB a page. Every page
has its own asker, so every page is a new question. Deterministic: the same N gives the
same files. Cached under ``benchmarks/.cache/pages-N/`` (gitignored).

    python benchmarks/make_pages.py 100000
"""

from __future__ import annotations

import datetime as dt
import random
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import make_corpus

DOCTORS = [f"Zhou Doctor{n}" for n in range(40)]
RELATED = (
    "(Breast and Thyroid)\nThyroid Nodule(Breast and Thyroid)\nFibroadenoma(Breast and Thyroid)\n"
    "Breast Cyst(Breast and Thyroid)\nAreola(Breast and Thyroid)\nHyperthyroidism(Breast and Thyroid)\n"
    "Breast Examination(Breast and Thyroid)\nAxillary Lump(Breast and Thyroid)\nChest(Breast and Thyroid)\n"
    "Thyroid Enlargement(Breast and Thyroid)"
)


#: Bump when the pages change (an older cached folder is then left unused).
PAGES_VERSION = 2  # 2: a Similar Q&A's "[Read More]" line names its title, as the site's do


def folder(n: int) -> Path:
    return make_corpus.CACHE / f"pages-{n}-v{PAGES_VERSION}"


def ensure(n: int) -> Path:
    """The folder of ``n`` pages, written once."""
    out = folder(n)
    if (out / ".complete").is_file():
        return out
    out.mkdir(parents=True, exist_ok=True)
    rng = random.Random(f"breastedu-pages-{n}")
    words, cum = make_corpus.vocabulary(random.Random(f"breastedu-corpus-{make_corpus.WORDS_VERSION}"))
    topic_list, _groups = make_corpus.topics()
    own = [[w for k in t["keywords"] for w in str(k).split()] for t in topic_list]

    def text(count: int, topic: int) -> str:
        return make_corpus.sentences(rng, words, cum, own[topic], count, 0.05)

    day = dt.date(2015, 1, 1)
    for i in range(n):
        topic = rng.randrange(len(topic_list))
        doctor = rng.choice(DOCTORS)
        asked = day + dt.timedelta(days=i % 3000)
        title = text(rng.randint(5, 9), topic).rstrip(".")
        lines = [
            title,
            text(rng.randint(40, 80), topic),
            f"Asker{i} Person, 40~49 year old female. Ask Date: {asked:%Y/%m/%d}",
            f"Dr. {doctor} reply Breast and Thyroid",
            f"Dear Asker{i} Person,",
            text(rng.randint(30, 60), topic),
            "Director of Surgery, Benchmark Hospital",
            doctor,
            f"Reply Date: {asked + dt.timedelta(days=2):%Y/%m/%d}",
            "More Info",
            text(rng.randint(60, 100), topic),
            text(rng.randint(40, 80), topic),
            "Similar Q&A",
        ]
        for _ in range(2):
            similar = text(rng.randint(5, 8), topic).rstrip(".")
            lines += [
                similar,
                text(20, topic),
                f"Dr. {rng.choice(DOCTORS)} reply Breast and Thyroid",
                text(20, topic)[:100] + "...[Read More] " + similar,  # the site names the page again
            ]
        lines += ["Related FAQ", RELATED]
        (out / f"{i:06d}_{rng.getrandbits(48):012x}.txt").write_text(
            "\n".join(lines) + "\n", encoding="utf-8"
        )
        if i % 5000 == 0:
            print(f"\r  pages: {i:,} / {n:,}", end="", file=sys.stderr, flush=True)
    (out / ".complete").write_text(str(n), encoding="utf-8")
    print(file=sys.stderr)
    return out


if __name__ == "__main__":
    make_corpus.main(ensure, __doc__)
