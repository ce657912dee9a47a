"""The visit sheet's own words in each translation (English: ``core.notebook.visit_sheet``).

Import-free, like ``core.dates``: the notebook composes the visit sheet with them, and the
renderer lists their characters for the shipped CJK font (``render.sheet_words``); neither may
import the other, nor may the notebook reach into the library through ``core.languages``.
"""

from __future__ import annotations

ENGLISH, CHINESE = "en", "zh-TW"  # as core.languages (which the notebook may not import)

#: The visit sheet's own words (``core.notebook.visit_sheet``; English is there), its month
#: grid's and the follow-up states' (``overdue``, ``due_soon``, ``upcoming``, ``done``).
VISIT_WORDS: dict[str, dict[str, str]] = {
    CHINESE: {
        "title": "我的看診單",
        "printed": "列印日期 {date}",
        "followups": "我的追蹤檢查",
        "timeline": "時間軸",
        "list": "清單",
        "what": "項目",
        "due": "到期日",
        "status": "狀態",
        "repeats": "重複",
        "notes": "備註",
        "about": "關於：{title}",
        "no_followups": "沒有排定的追蹤檢查。",
        "questions": "要問醫師的問題",
        "no_questions": "清單上沒有問題。",
        "foot": "這張單子是用 BreastEdu 依我自己的筆記做成的。它不是醫療建議；以我的醫師的建議為準。",
        "followup": "追蹤項目",
        "month": "{month}月",
        "now": "本月",
        "due_on": "{state}：到期日 {date}",
        "done_on": "已完成：{date}",
        "key": "圖例：",
        "more": " 另有 {count} 項在下面的清單裡。",
        "empty_timeline": "時間軸上沒有追蹤項目。",
        "no_repeat": "不重複",
        "every_month": "每個月",
        "every_months": "每 {months} 個月",
        "from_due": "（從到期日起算）",
        "from_done": "（從完成那天起算）",
        "overdue": "已逾期",
        "due_soon": "快到期",
        "upcoming": "即將到來",
        "done": "已完成",
    },
}
