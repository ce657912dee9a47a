"""Her follow-ups on a timeline: what is on it, where, and how it reads in every theme and on paper."""

from __future__ import annotations

import datetime as dt
import re
import xml.etree.ElementTree as ET

import pytest
from tests.core.test_visit_sheet import TODAY, _fu  # one way to make a follow-up read on a day

from breastedu.core.notebook.dto import FollowUpState
from breastedu.core.notebook.timeline import (
    STATE_SYMBOLS,
    build_timeline,
    timeline_svg,
    timeline_table_html,
)
from breastedu.core.notebook.visit_sheet import visit_sheet_html
from breastedu.core.palette import THEMES, contrast_ratio

SVG = "{http://www.w3.org/2000/svg}"


def test_window_runs_from_two_months_back_to_a_year_ahead() -> None:
    t = build_timeline([], TODAY)
    assert t.start == dt.date(2026, 4, 1) and t.end == dt.date(2027, 7, 1)
    assert t.months[0] == t.start and t.months[-1] == dt.date(2027, 6, 1) and len(t.months) == 15
    assert 0.0 < t.today_position < 0.2
    assert "No follow-ups" in t.describe()


def test_marks_sit_at_their_dates_with_their_states() -> None:
    items = [
        _fu(1, "Mammogram", dt.date(2026, 5, 1), done=dt.date(2026, 5, 3)),
        _fu(2, "Blood test", dt.date(2026, 6, 1)),
        _fu(3, "Ultrasound", dt.date(2026, 6, 20)),
        _fu(4, "Thyroid scan", dt.date(2026, 12, 1)),
    ]
    t = build_timeline(items, TODAY)
    by_id = {m.followup_id: m for m in t.marks}
    assert by_id[1].state is FollowUpState.DONE and by_id[1].day == dt.date(2026, 5, 3)
    assert by_id[2].state is FollowUpState.OVERDUE and by_id[2].position < t.today_position
    assert by_id[3].state is FollowUpState.DUE_SOON and by_id[3].position > t.today_position
    assert by_id[4].state is FollowUpState.UPCOMING
    assert [m.followup_id for m in t.marks] == [1, 2, 3, 4]  # in date order
    assert by_id[2].words == "Overdue: due 1 June 2026" and by_id[1].words == "Done: 3 May 2026"
    assert all(m.outside == "" for m in t.marks)


def test_far_dates_sit_at_the_edges_and_old_done_ones_drop_off() -> None:
    items = [
        _fu(1, "Long overdue", dt.date(2025, 1, 1)),
        _fu(2, "Far ahead", dt.date(2028, 1, 1)),
        _fu(3, "Done long ago", dt.date(2025, 1, 1), done=dt.date(2025, 1, 2)),
    ]
    t = build_timeline(items, TODAY)
    assert [(m.title, m.position, m.outside) for m in t.marks] == [
        ("Long overdue", 0.0, "earlier"),
        ("Far ahead", 1.0, "later"),
    ]


def test_too_many_rows_keep_the_open_ones_and_count_the_rest() -> None:
    done = [_fu(i, f"Done {i}", dt.date(2026, 5, 1), done=dt.date(2026, 5, i)) for i in range(1, 4)]
    open_ = [_fu(10 + i, f"Open {i}", dt.date(2026, 7, i)) for i in range(1, 4)]
    t = build_timeline(done + open_, TODAY, max_rows=4)
    assert sorted(m.title for m in t.marks) == ["Done 3", "Open 1", "Open 2", "Open 3"]
    assert t.left_off == 2 and "2 more" in t.describe()


@pytest.mark.parametrize("theme", sorted(THEMES))
def test_svg_reads_in_every_theme_by_shape_and_word(theme: str) -> None:
    p = THEMES[theme]
    items = [
        _fu(1, "Mammogram <left>", dt.date(2026, 5, 1), done=dt.date(2026, 5, 3)),
        _fu(2, "Blood test", dt.date(2026, 6, 1)),
        _fu(3, "Ultrasound", dt.date(2026, 6, 20)),
        _fu(4, "Thyroid scan", dt.date(2026, 12, 1)),
    ]
    svg = timeline_svg(build_timeline(items, TODAY), p)
    root = ET.fromstring(svg)  # well-formed: the title's "<" is escaped
    words = " ".join("".join(t.itertext()) for t in root.iter(f"{SVG}text"))
    for expected in ("Today", "Mammogram <left>", "Overdue: due 1 June 2026", "Due soon", "Upcoming", "Done"):
        assert expected in words, expected
    assert "Blood test, overdue" in (root.findtext(f"{SVG}desc") or "")
    # Colours are the theme's: its page, its ink and each state's colour.
    for colour in (p.surface, p.ink, p.overdue, p.due_soon, p.upcoming, p.done):
        assert colour in svg, colour
    for colour in (p.overdue, p.due_soon, p.upcoming, p.done, p.border):  # shapes and lines: 3:1
        assert contrast_ratio(colour, p.surface) >= 3.0, colour
    # Each state has its own shape (triangle, diamond, ring, ticked disc): not colour alone.
    assert svg.count('fill="none" stroke="' + p.surface) == 2  # the tick of "done", in the row and the key
    background = root.find(f"{SVG}rect")
    assert background is not None and background.get("fill") == p.surface


def test_printed_grid_puts_each_symbol_in_its_month() -> None:
    items = [_fu(2, "Blood <test>", dt.date(2026, 6, 1)), _fu(4, "Thyroid scan", dt.date(2026, 12, 1))]
    t = build_timeline(items, TODAY)
    html = timeline_table_html(t)
    rows = re.findall(r"<tr>(.*?)</tr>", html)
    header, blood, thyroid = rows
    months = re.findall(r"<th[^>]*>(.*?)</th>", header)[1:]
    assert len(months) == 15 and "now" in months[2] and "now" not in months[3]

    def month_of(row: str) -> int:
        cells = re.findall(r"<td[^>]*>(.*?)</td>", row)[1:]
        return next(i for i, c in enumerate(cells) if c)

    assert month_of(blood) == 2 and STATE_SYMBOLS[FollowUpState.OVERDUE] in blood
    assert month_of(thyroid) == 8 and "Blood &lt;test&gt;" in blood
    assert "Key:" in html
    assert "No follow-ups" in timeline_table_html(build_timeline([], TODAY))


def test_visit_sheet_shows_the_timeline_of_open_follow_ups_only() -> None:
    done = _fu(1, "Old scan", dt.date(2026, 5, 1), done=dt.date(2026, 5, 3))
    with_items = visit_sheet_html([done, _fu(2, "Blood test", dt.date(2026, 6, 1))], [], today=TODAY)
    assert "On a timeline" in with_items and "table class='timeline'" in with_items
    assert with_items.index("On a timeline") < with_items.index("Blood test")
    assert "Old scan" not in with_items  # done ones are not on the sheet
    assert "On a timeline" not in visit_sheet_html([done], [], today=TODAY)
    assert [m.title for m in build_timeline([done], TODAY, include_done=False).marks] == []


def test_in_chinese_the_timeline_says_its_words_and_dates_the_chinese_way() -> None:
    """The notebook in zh-TW: the picture, its key and its words for a screen reader."""
    items = [
        _fu(1, "乳房攝影", dt.date(2026, 5, 1), done=dt.date(2026, 5, 3)),
        _fu(2, "抽血", dt.date(2026, 6, 1)),
        _fu(3, "超音波", dt.date(2026, 6, 20)),
    ]
    t = build_timeline(items, TODAY, lang="zh-TW")
    svg = timeline_svg(t, THEMES["light"])
    texts = [el.text or "" for el in ET.fromstring(svg).iter(f"{SVG}text")]
    assert "今天" in texts and "已完成：2026年5月3日" in texts and "已逾期" in texts
    assert any(re.fullmatch(r"\d{1,2}月", text) for text in texts)
    assert not [text for text in texts if re.search("[A-Za-z]{3}", text)]
    words = t.describe()
    assert words.startswith("我的追蹤檢查，從 2026年4月 到 2027年7月：") and "2026年6月20日" in words
