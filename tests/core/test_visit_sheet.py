"""The visit sheet: open follow-ups and unasked questions, escaped, in print-safe HTML."""

from __future__ import annotations

import datetime as dt
import re

from breastedu.core.notebook.dto import (
    FollowUp,
    LinkRef,
    Note,
    RepeatBasis,
    RepeatRule,
)
from breastedu.core.notebook.followups import state_on
from breastedu.core.notebook.visit_sheet import visit_sheet_html

TODAY = dt.date(2026, 6, 15)
STAMP = dt.datetime(2026, 6, 1, tzinfo=dt.UTC)


def _fu(fid: int, title: str, due: dt.date, done: dt.date | None = None) -> FollowUp:
    state, days = state_on(due, done, TODAY)
    return FollowUp(
        fid,
        f"u{fid}",
        title,
        due,
        RepeatRule(RepeatBasis.FROM_DUE, 12),
        None,
        "",
        done,
        state,
        days,
        None,
        STAMP,
        STAMP,
        1,
    )


def _note(nid: int, text: str, *, asked: bool = False, for_doctor: bool = True) -> Note:
    link = LinkRef("question", "q", "Calcifications <b>?</b>", "calcifications")
    return Note(nid, f"n{nid}", link, text, for_doctor, asked, STAMP, STAMP, 1)


def test_the_sheet_lists_open_follow_ups_with_their_state() -> None:
    """Overdue and due-soon items are shown with plain words; done ones are left out."""
    html = visit_sheet_html(
        [
            _fu(2, "Ultrasound", dt.date(2026, 6, 20)),
            _fu(1, "Mammogram", dt.date(2026, 6, 1)),
            _fu(3, "Old check", dt.date(2026, 1, 1), done=dt.date(2026, 1, 2)),
        ],
        [],
        today=TODAY,
    )
    assert html.index("Mammogram") < html.index("Ultrasound")
    # Issue 22 C11: paper shows dates in one format, never "in 5 days" (it goes stale).
    assert "<td>1 June 2026</td><td class='state-overdue'>Overdue</td>" in html
    assert "<td>20 June 2026</td><td class='state-due-soon'>Due soon</td>" in html
    assert "Printed 15 June 2026" in html
    assert not re.search(r"\bin \d+ days?\b|days? late|\b\d{2} [A-Z][a-z]{2} \d{4}\b", html)
    assert "Old check" not in html
    assert "No questions on the list." in html


def test_questions_to_ask_are_numbered_with_tick_boxes_and_escaped() -> None:
    """Only unasked checklist questions appear, her text escaped, line breaks kept."""
    html = visit_sheet_html(
        [],
        [
            _note(1, "Is <script>x</script> ok?\nSecond line"),
            _note(2, "Already asked", asked=True),
            _note(3, "Private", for_doctor=False),
        ],
        today=TODAY,
    )
    assert "Is &lt;script&gt;x&lt;/script&gt; ok?<br>Second line" in html
    assert "Calcifications &lt;b&gt;?&lt;/b&gt;" in html
    assert "Already asked" not in html and "Private" not in html
    assert "&#9744;" in html and "1." in html
    assert "No follow-ups planned." in html


def test_the_sheet_uses_only_what_qtextdocument_renders() -> None:
    """Tables and simple CSS only: no flex, grid, positioning or scripts."""
    html = visit_sheet_html([_fu(1, "Mammogram", dt.date(2026, 7, 1))], [_note(1, "Q")], today=TODAY)
    for banned in ("flex", "grid", "position:", "<script", "<div"):
        assert banned not in html
    assert html.startswith("<html>") and html.endswith("</html>")
    assert "<table" in html and "Printed 15 June 2026" in html


def test_the_sheet_in_chinese_has_chinese_words_dates_and_month_grid() -> None:
    """`--lang zh-TW visit-sheet`: headings, states, repeats, dates (2026年6月1日) and the month
    grid's months, "now" and key are Chinese; what she typed stays as typed."""
    html = visit_sheet_html(
        [_fu(1, "Mammogram", dt.date(2026, 6, 1)), _fu(2, "甲狀腺超音波", dt.date(2027, 1, 20))],
        [_note(1, "要問切片嗎？")],
        today=TODAY,
        lang="zh-TW",
    )
    body = html[html.index("<body>") :]
    for words in (
        "<h1>我的看診單</h1>",
        "列印日期 2026年6月15日",
        "<td>2026年6月1日</td><td class='state-overdue'>已逾期</td>",
        "從預定日期起每 12 個月一次",
        "已逾期：2026年6月1日 到期",
        ">6月<br>本月</th>",
        ">1月<br>2027</th>",
        "圖例：▲ 已逾期",
        "<h2>要問醫師的問題</h2>",
        "要問切片嗎？",
        "Mammogram",
    ):
        assert words in body, words
    words = re.sub(r"<[^>]+>", " ", body)  # the words, not the class names
    english = re.findall(r"\b(?:Printed|Follow-up|Overdue|Due|Jun|Jan|now|Key|every|About)\b", words)
    assert not english, english
