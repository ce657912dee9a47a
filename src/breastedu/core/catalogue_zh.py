"""The words core writes around the content, in Traditional Chinese (Taiwan): English text ->
its translation (see :mod:`breastedu.core.catalogue`). Same facts as the English, no more;
the markup and the ``{fields}`` of each English text are kept (a test checks both)."""

from __future__ import annotations

WORDS: dict[str, str] = {
    # Counts ----------------------------------------------------------------------------------
    "{n} doctor's reply": "{n} 則醫師回覆",
    "{n} doctor's replies": "{n} 則醫師回覆",
    "{n} answered question": "{n} 個已回答的問題",
    "{n} answered questions": "{n} 個已回答的問題",
    "{n} topic": "{n} 個主題",
    "{n} topics": "{n} 個主題",
    "{n} guide": "{n} 份指南",
    "{n} guides": "{n} 份指南",
    "{n} glossary word": "{n} 個名詞解釋",
    "{n} glossary words": "{n} 個名詞解釋",
    "{n} term matches “{query}”.": "有 {n} 個詞符合「{query}」。",
    "{n} terms match “{query}”.": "有 {n} 個詞符合「{query}」。",
    ", ": "、",
    # Every page ------------------------------------------------------------------------------
    "Home": "首頁",
    "Go to the home page": "回到首頁",
    "Not found": "找不到",
    "Page not found": "找不到這一頁",
    "There is no page {target}.": "沒有 {target} 這一頁。",
    "This library gives general health information. It cannot tell you what your own "
    "results mean, and it does not replace your doctor. If you are worried, call your "
    "doctor. In an emergency, call your local emergency number.": (
        "本資料庫提供一般健康資訊。它不能告訴您，您自己的檢查結果是什麼意思，"
        "也不能取代您的醫師。如果您擔心，請打電話給醫師。緊急時，請撥打當地的緊急求救電話。"
    ),
    "Who writes this": "內容由誰撰寫",
    "Sources:": "資料來源：",
    # Home page -------------------------------------------------------------------------------
    "Answers to breast and thyroid questions, in plain words. Common questions answered by our "
    "editors from named guidelines, real questions from patients with doctors' replies, and a "
    "guide for every topic. Everything stays on this computer.": (
        "用淺白的話，回答乳房和甲狀腺的問題。常見問題由我們的編輯群依照具名的醫學指引回答；"
        "也有病友的真實提問和醫師的回覆；每個主題都有一份指南。所有資料都只留在這台電腦裡。"
    ),
    "Glossary of words": "名詞解釋",
    # Topic page ------------------------------------------------------------------------------
    "A plain-language guide for this topic is not in the library yet.": (
        "這個主題的淺白指南還沒有收進本資料庫。"
    ),
    "Questions we have answered ({n})": "我們回答過的問題（{n}）",
    "Common questions, answered by the BreastEdu editors from the guidelines this guide uses.": (
        "常見問題，由 BreastEdu 編輯群依照本指南所用的醫學指引回答。"
    ),
    "No answered questions on this topic are in the library yet.": "本資料庫還沒有這個主題的已回答問題。",
    "Questions patients asked, with a doctor's reply ({n})": "病友問過的問題，附醫師回覆（{n}）",
    "Real questions from a Q&A service, each with one doctor's reply to that patient.": (
        "來自問答網站的真實提問，每一則都附有一位醫師給那位病友的回覆。"
    ),
    "Show all {n} questions": "顯示全部 {n} 個問題",
    "No doctor's replies on this topic are in the library yet.": "本資料庫還沒有這個主題的醫師回覆。",
    "asked {date}": "{date} 提問",
    "Checked against its guidelines on {checked}. Next review due: {due}.": (
        "依照醫學指引檢查的日期：{checked}。下次審閱：{due}。"
    ),
    "Written by the BreastEdu editors:": "由 BreastEdu 編輯群撰寫：",
    "Questions: {title}": "問題：{title}",
    "Questions patients asked: {title} ({n})": "病友問過的問題：{title}（{n}）",
    "Newest first. Open one to read it with the doctor's reply.": (
        "最新的排在前面。點開一則，就能看到醫師的回覆。"
    ),
    # Editors' answer -------------------------------------------------------------------------
    "Answered by the BreastEdu editors from {sources} · checked {date}": (
        "由 BreastEdu 編輯群依據 {sources} 回答 · 檢查日期 {date}"
    ),
    "Short answer": "簡短回答",
    "Read more": "延伸閱讀",
    "Our guide:": "我們的指南：",
    "Related questions": "相關問題",
    "Related topics": "相關主題",
    "About this answer": "關於這個回答",
    "Written by the BreastEdu editors from the guidelines below. No doctor or nurse has "
    "reviewed it yet. It is general information for anyone with this question, not a "
    "reply to you.": (
        "由 BreastEdu 編輯群依照下列指引撰寫。還沒有醫師或護理師審閱過。"
        "這是給有這個問題的每個人的一般資訊，不是給您個人的回覆。"
    ),
    "Checked {checked} · next review due {due}.": "檢查日期 {checked} · 下次審閱 {due}。",
    # The terminal's text (cli: show) ----------------------------------------------------------
    "{label}:": "{label}：",
    "topic": "主題",
    "guide": "指南",
    "question": "問題",
    "Topic: {title}": "主題：{title}",
    "Checked: {checked} · next review due {due}": "檢查日期：{checked} · 下次審閱 {due}",
    "Asked by {alias}, {age}, {sex}, on {date}": "{alias}（{age}，{sex}）於 {date} 提問",
    "Reply from {doctor} ({department}) on {date}": "{doctor}（{department}）於 {date} 回覆",
    "(excerpt only; not in the library)": "（只有摘錄，全文不在本資料庫裡）",
    "Showing results for: {query}": "顯示這個詞的結果：{query}",
    "No results. Try fewer words, or browse the topics with 'breastedu topics'.": (
        "沒有結果。試試少打幾個字，或用 'breastedu topics' 瀏覽主題。"
    ),
    # A real question and its reply -----------------------------------------------------------
    "Asked by {alias} ({who}) on {date}": "{alias}（{who}）於 {date} 提問",
    "woman": "女性",
    "man": "男性",
    "{sex}, {age} years old": "{sex}，{age} 歲",
    "Dr. {name}": "{name} 醫師",
    "The question": "問題",
    "The doctor's reply": "醫師的回覆",
    "Replied {date}": "{date} 回覆",
    "Editor's note": "編輯附註",
    "added by this library on {date}; the text above is shown as it was published": (
        "本資料庫於 {date} 加上；上面的內容照原本刊出的樣子呈現"
    ),
    " See our guide: {link}.": "請看我們的指南：{link}。",
    "More Info: a general article": "更多資訊：一般文章",
    "Similar questions": "類似的問題",
    "Only this excerpt is in the library; the full page is not.": "本資料庫只有這段摘錄，沒有完整的網頁。",
    "Where this page comes from": "這一頁從哪裡來",
    "A real question from a doctor-answers-patient Q&A service. Where this page comes from was "
    "not recorded.": "這是醫師回答病友的問答服務上的一則真實提問。這一頁的出處沒有被記錄下來。",
    "A real question and reply from {site}, a Q&A site in {country}, run by the {owner}.": (
        "這是來自 {site} 的一則真實提問和回覆；{site} 是 {country} 的問答網站，由 {owner} 經營。"
    ),
    "A real question and reply from {site}, a Q&A site in {country}.": (
        "這是來自 {site} 的一則真實提問和回覆；{site} 是 {country} 的問答網站。"
    ),
    " Translated from {language}.": "英文版譯自{language}原文。",
    "Chinese": "中文",
    "{link}.": "{link}。",
    "Web address: {url}": "網址：{url}",
    "The web address of the original page was not kept.": "原始網頁的網址沒有保留下來。",
    "Dr. {name} replied on {date}, {ago}.": "{name} 醫師於 {date} 回覆（{ago}）。",
    "Asked on {date}, {ago}.": "於 {date} 提問（{ago}）。",
    "a future date": "日期在未來",
    "less than a month ago": "不到一個月前",
    "{number} month ago": "{number} 個月前",
    "{number} months ago": "{number} 個月前",
    "{number} year ago": "{number} 年前",
    "{number} years ago": "{number} 年前",
    "Care in {country} may differ from care where you live, and guidelines may have changed "
    "since {year}. For current advice, see our guide:": (
        "{country} 的醫療做法可能和您住的地方不同，而且醫學指引在 {year} 年之後可能已經改變。"
        "想知道目前的建議，請看我們的指南："
    ),
    "Care where it was written may differ from care where you live, and guidelines may have "
    "changed since {year}. For current advice, see our guide:": (
        "寫下這一頁的地方，醫療做法可能和您住的地方不同，而且醫學指引在 {year} 年之後可能已經改變。"
        "想知道目前的建議，請看我們的指南："
    ),
    "the doctor": "這位醫師",
    "It was written by {author}.": "作者是 {author}。",
    "Its author and date are unknown.": "作者和日期不詳。",
    "A general article that came with this page. It was not written by {doctor}, who replied "
    "above. {who} No one has checked it against current guidelines. It is not a reply to this "
    "patient and does not describe your own case.": (
        "這是隨著這一頁附上的一般文章。它不是上面回覆的 {doctor} 寫的。{who}"
        "沒有人依照目前的醫學指引檢查過它。它不是給這位病友的回覆，也不是在說您自己的情況。"
    ),
    "Source: {site}, {country}. A real question with the doctor's own reply; its rights stay "
    "with its source.": "資料來源：{site}，{country}。真實提問和醫師本人的回覆；權利屬於原出處。",
    "Source: an imported doctor-answers-patient page; its origin was not recorded. Its rights "
    "stay with its source.": "資料來源：匯入的醫師回答病友網頁；出處沒有被記錄下來。權利屬於原出處。",
    # Printed sheets (core.render.sheets) -----------------------------------------------------
    # A lead-in ending in a colon, then its text: Chinese puts no space after the full-width colon.
    "{lead} {text}": "{lead}{text}",
    "Key points": "重點",
    "Not written yet": "還沒有寫好",
    "My questions": "我的問題",
    "Write down what you want to ask your doctor or nurse.": "寫下您想問醫師或護理師的問題。",
    "Next appointment:": "下次看診：",
    "Sources": "資料來源",
    "Checked: {date}": "檢查日期：{date}",
    "Checked {checked} · next review due {due}": "檢查日期 {checked} · 下次審閱 {due}",
    "Please note:": "請注意：",
    "Words used on this sheet": "本單張用到的詞",
    "Questions we have answered": "我們回答過的問題",
    "Questions people asked": "病友問過的問題",
    "Dr. {name} replied:": "{name} 醫師回覆：",
    "Written by the BreastEdu editors from the guidelines named on this sheet. No doctor or nurse "
    "has reviewed it yet.": "由 BreastEdu 編輯群依照本單張列出的醫學指引撰寫。還沒有醫師或護理師審閱過。",
    "sources checked {date}": "資料來源檢查日期 {date}",
    " (see its own sheet)": "（請看它自己的單張）",
    " (see the sheet: {title})": "（請看單張：{title}）",
    "Handout pack": "講義包",
    "All topics": "全部主題",
    "Contents": "目錄",
    "{n} sheet in this pack.": "本講義包共 {n} 份單張。",
    "{n} sheets in this pack.": "本講義包共 {n} 份單張。",
    "Topic sheet, by the BreastEdu editors": "主題單張，BreastEdu 編輯群撰寫",
    "A patient's question and a doctor's reply to that patient": "一位病友的問題，以及醫師給這位病友的回覆",
    "A common question, answered by the BreastEdu editors": "常見問題，由 BreastEdu 編輯群回答",
    "page {n}": "第 {n} 頁",
    "Page {number} of {total}": "第 {number} 頁，共 {total} 頁",
    "This page is left blank for double-sided printing.": "這一頁是空白的，方便雙面列印。",
    # Her notebook ----------------------------------------------------------------------------
    "does not repeat": "不重複",
    "every month from the due date": "從預定日期起每個月一次",
    "every {n} months from the due date": "從預定日期起每 {n} 個月一次",
    "every month from the day it was done": "從完成那天起每個月一次",
    "every {n} months from the day it was done": "從完成那天起每 {n} 個月一次",
    "Saved": "已儲存",
    "Saving…": "儲存中…",
    "Not saved yet ({why}). Trying again…": "還沒有儲存（{why}）。正在重試…",
    "Not saved": "未儲存",
    "Overdue": "已逾期",
    "Due soon": "快到期",
    "Upcoming": "之後",
    "Done": "已完成",
    "Done: {date}": "已完成：{date}",
    "{state}: due {date}": "{state}：{date} 到期",
    # The visit sheet (core.notebook.visit_sheet) and its month grid (timeline_table_html) -----
    "My visit sheet": "我的看診單",
    "Printed {date}": "列印日期 {date}",
    "My follow-ups": "我的追蹤檢查",
    "On a timeline": "時間軸",
    "The list": "清單",
    "What": "項目",
    "Due": "到期日",
    "Status": "狀態",
    "Repeats": "重複",
    "Notes": "備註",
    "About: {title}": "關於：{title}",
    "No follow-ups planned.": "沒有排定的追蹤檢查。",
    "Questions for my doctor": "要問醫師的問題",
    "No questions on the list.": "清單上沒有問題。",
    "Made with BreastEdu from my own notes. It is not medical advice; my doctor's advice comes first.": (
        "這張單子是用 BreastEdu 依我自己的筆記做成的。它不是醫療建議；以我的醫師的建議為準。"
    ),
    "Follow-up": "追蹤項目",
    "now": "本月",
    "Key: {key}.{more}": "圖例：{key}。{more}",
    " {n} more are in the list below.": " 另有 {n} 項在下面的清單裡。",
    "No follow-ups to show on the timeline.": "時間軸上沒有追蹤項目。",
    " (earlier)": "（更早）",
    " (later)": "（更晚）",
    "Today": "今天",
    "My follow-ups on a timeline": "我的追蹤檢查時間軸",
    "No follow-ups to show.": "沒有要顯示的追蹤檢查。",
    "No follow-ups to show from the last two months to a year ahead.": (
        "從兩個月前到一年後，沒有要顯示的追蹤檢查。"
    ),
    "; ": "；",
    "{title}, {words}": "{title}，{words}",
    " And {n} more in the list.": "清單裡還有 {n} 個。",
    "My follow-ups, from {start} to {end}: {items}.{more}": (
        "我的追蹤檢查，從 {start} 到 {end}：{items}。{more}"
    ),
    "{n} more follow-up in the list.": "清單裡還有 {n} 個追蹤檢查。",
    "{n} more follow-ups in the list.": "清單裡還有 {n} 個追蹤檢查。",
    "Saved {notes} note(s) and {followups} follow-up(s) to {file}.": (
        "已把 {notes} 則筆記和 {followups} 個追蹤檢查存到 {file}。"
    ),
    " {n} of them had damaged characters, saved as \N{REPLACEMENT CHARACTER}.": (
        "其中 {n} 則有損壞的字元，存成 \N{REPLACEMENT CHARACTER}。"
    ),
    " {n} could not be read from the damaged notes file and are not in it.": (
        "有 {n} 則無法從損壞的筆記檔讀出，所以不在裡面。"
    ),
    "1 follow-up is overdue": "有 1 個追蹤檢查已逾期",
    "{n} follow-ups are overdue": "有 {n} 個追蹤檢查已逾期",
    "1 is due soon": "1 個快到期",
    "{n} are due soon": "{n} 個快到期",
    "{late} and {soon}.": "{late}，{soon}。",
    "{late}.": "{late}。",
    "1 follow-up is due within 14 days.": "有 1 個追蹤檢查在 14 天內到期。",
    "{n} follow-ups are due within 14 days.": "有 {n} 個追蹤檢查在 14 天內到期。",
    # Glossary --------------------------------------------------------------------------------
    "Glossary": "名詞解釋",
    "Words you may meet in this library, in plain language.": "本資料庫裡可能會看到的詞，用淺白的話說明。",
    "Show all terms": "顯示全部的詞",
    "The glossary is empty in this library.": "本資料庫的名詞解釋是空的。",
    "No term matches. Try a shorter word.": "沒有符合的詞。請試試短一點的字。",
    "Jump to a letter:": "跳到字母：",
    "(also: {aliases})": "（又稱：{aliases}）",
    # Welcome, privacy, about, who writes this ------------------------------------------------
    "Welcome": "歡迎",
    "Welcome to BreastEdu": "歡迎使用 BreastEdu",
    "<p><b>BreastEdu helps you learn about breast and thyroid health.</b> It has a plain guide "
    "for each topic and answers to common questions, both written by the BreastEdu editors from "
    "named guidelines, a list of medical words, and some real questions with a doctor's reply "
    "to that patient. You can keep your own notes and follow-up dates.</p>": (
        "<p><b>BreastEdu 幫助您認識乳房和甲狀腺的健康。</b>每個主題都有一份淺白的指南，"
        "也有常見問題的回答，兩者都由 BreastEdu 編輯群依照具名的醫學指引撰寫；"
        "還有醫學名詞解釋，以及幾則病友的真實提問和醫師給那位病友的回覆。"
        "您可以記下自己的筆記和追蹤檢查的日期。</p>"
    ),
    "<h2>What it is not</h2><p>It is not medical advice for you. It cannot tell you what your "
    "own test result means: your doctor, who knows your history, can. If something new worries "
    "you, call your doctor. In an emergency, call your local emergency number.</p>": (
        "<h2>它不是什麼</h2><p>它不是給您個人的醫療建議。它不能告訴您，您自己的檢查結果是什麼意思；"
        "了解您病史的醫師才能告訴您。如果有新的狀況讓您擔心，請打電話給您的醫師。"
        "緊急時，請撥打當地的緊急求救電話。</p>"
    ),
    "<h2>Nothing leaves this computer</h2><p>BreastEdu works without the internet. There is no "
    "account, and it sends nothing anywhere. A web link opens only after you say yes.</p>": (
        "<h2>資料不會離開這台電腦</h2><p>BreastEdu 不需要網路就能使用。不用註冊帳號，"
        "它也不會把任何東西傳送出去。網頁連結要您同意後才會開啟。</p>"
    ),
    "Where your notes live": "您的筆記存在哪裡",
    "Where your data lives": "您的資料存在哪裡",
    "<p>Your notes, follow-up dates and window settings are kept in one folder on this "
    "computer:</p><p><code>{folder}</code></p><p>It holds <code>user.sqlite</code> (your notes "
    "and dates), the folder <code>backups</code> (copies from the last five starts) and "
    "<code>settings.ini</code> (window size and text size).</p>": (
        "<p>您的筆記、追蹤檢查日期和視窗設定，都存在這台電腦的一個資料夾裡：</p>"
        "<p><code>{folder}</code></p><p>裡面有 <code>user.sqlite</code>（您的筆記和日期）、"
        "資料夾 <code>backups</code>（最近五次開啟時的備份）和 <code>settings.ini</code>"
        "（視窗大小和文字大小）。</p>"
    ),
    "<p>This screen is in <b>kiosk mode</b>: it keeps no notes and saves nothing. When you "
    "leave, everything you opened is cleared.</p>": (
        "<p>這個螢幕是<b>公用查詢模式</b>：不保留筆記，也不儲存任何東西。"
        "您離開後，您打開過的一切都會清除。</p>"
    ),
    "<h2>Take your notes with you, or erase them</h2><ul><li>To keep a copy: <b>My data</b> → "
    "<b>Export all my data…</b> saves one file you can open again on another computer.</li>"
    "<li>For your calendar: <b>My data</b> → <b>Export follow-ups to a calendar (.ics)…</b></li>"
    "<li>To delete everything: <b>My data</b> → <b>Delete all my data…</b> It cannot be "
    "undone.</li></ul>": (
        "<h2>帶走您的筆記，或是把它們清除</h2><ul><li>要留一份副本：<b>我的資料</b> → "
        "<b>匯出我的所有資料…</b>，會存成一個檔案，可以在別台電腦上再打開。</li>"
        "<li>放進行事曆：<b>我的資料</b> → <b>把追蹤檢查匯出到行事曆 (.ics)…</b></li>"
        "<li>要全部刪除：<b>我的資料</b> → <b>刪除我的所有資料…</b>刪除後無法復原。</li></ul>"
    ),
    "<p>This page shows only once. You can open it again from <b>Help → Welcome</b>, and read "
    "about your data in <b>Help → Privacy and your data</b>.</p>": (
        "<p>這一頁只會出現一次。您可以從<b>說明 → 歡迎</b>再打開它，"
        "也可以在<b>說明 → 隱私和您的資料</b>讀到您的資料怎麼保存。</p>"
    ),
    "Start reading →": "開始閱讀 →",
    "Privacy and your data": "隱私和您的資料",
    "<p>BreastEdu never connects to the internet, has no account and sends nothing anywhere: no "
    "statistics, no crash reports. What you read is not recorded.</p>": (
        "<p>BreastEdu 從不連上網路，沒有帳號，也不會把任何東西傳送出去："
        "沒有使用統計，也沒有當機報告。您讀了什麼，不會被記錄。</p>"
    ),
    "<h2>What the library itself is</h2><p>The questions, guides and word list come in one "
    "read-only file that ships with the app. BreastEdu never writes to it.</p>": (
        "<h2>資料庫本身是什麼</h2><p>問題、指南和名詞解釋，都放在隨程式附上的一個唯讀檔案裡。"
        "BreastEdu 從不寫入這個檔案。</p>"
    ),
    "About BreastEdu": "關於 BreastEdu",
    ", guides last checked {date}": "，指南最近一次檢查日期 {date}",
    "unknown": "不明",
    "<p><b>BreastEdu {version}</b>: an offline library of breast and thyroid questions. The "
    "guides and the answers to common questions are written by the BreastEdu editors from named "
    "guidelines; no doctor or nurse has reviewed them yet. Some real questions come with a "
    "doctor's reply to that patient. It also has a word list and a private notebook. "
    "{who}.</p>": (
        "<p><b>BreastEdu {version}</b>：一個不用上網的乳房和甲狀腺問題資料庫。"
        "指南和常見問題的回答，由 BreastEdu 編輯群依照具名的醫學指引撰寫；"
        "還沒有醫師或護理師審閱過。有幾則真實提問附有醫師給那位病友的回覆。"
        "它也有名詞解釋和只存在您電腦裡的筆記本。{who}。</p>"
    ),
    "<p>Library: content version <code>{version}</code>{checked}; {counts}.</p>": (
        "<p>資料庫：內容版本 <code>{version}</code>{checked}；{counts}。</p>"
    ),
    "<h2>Licences</h2><ul><li>The program: {code}.</li><li>Our guides, answers, glossary and "
    "pictures: {content}.</li><li>The real questions and doctors' replies keep their source's "
    "rights; each page names its source.</li></ul>": (
        "<h2>授權</h2><ul><li>程式：{code}。</li><li>我們的指南、回答、名詞解釋和圖片：{content}。</li>"
        "<li>真實提問和醫師回覆的權利屬於原出處；每一頁都寫出它的出處。</li></ul>"
    ),
    "Built with": "使用的軟體",
    "<p>The <b>BreastEdu editors</b> write the guides, the answers to common questions, the "
    "warning signs and the word list. They write each one from the guidelines named under it, "
    "such as those of the American Thyroid Association or the American College of "
    "Radiology.</p>": (
        "<p><b>BreastEdu 編輯群</b>撰寫指南、常見問題的回答、警訊和名詞解釋。"
        "每一篇都依照寫在它下面的醫學指引撰寫，例如美國甲狀腺協會"
        "（American Thyroid Association）或美國放射學會（American College of Radiology）的指引。</p>"
    ),
    "<p><b>No doctor or nurse has reviewed them yet.</b> When a clinician has checked them, this "
    "page will give that person's name, role and the date.</p>": (
        "<p><b>還沒有醫師或護理師審閱過這些內容。</b>等到有醫療人員檢查過，"
        "這一頁會寫出那個人的姓名、職務和日期。</p>"
    ),
    "<p>Some questions in the library are different: a real patient asked them, and a doctor "
    "replied to that patient. Those pages say where they come from, and show the reply as it "
    "was published.</p>": (
        "<p>資料庫裡有些問題不一樣：那是真實的病友提問，並由一位醫師回覆那位病友。"
        "這些頁面會寫出它們從哪裡來，並照原本刊出的樣子呈現回覆。</p>"
    ),
    "<h2>When they were last checked</h2><p>The editors check each guide and answer against its "
    "guidelines at least once a year. Every answer says at its end when it was checked.</p>": (
        "<h2>最近一次檢查是什麼時候</h2><p>編輯群每年至少一次，依照醫學指引檢查每份指南和每個回答。"
        "每個回答的最後都會寫出檢查日期。</p>"
    ),
    "{title}: checked {date}": "{title}：檢查日期 {date}",
    "Found a mistake?": "發現錯誤？",
    "Found a mistake? Tell {clinic} ({how}).": "發現錯誤？請告訴 {clinic}（{how}）。",
    "Found a mistake? Tell {clinic}.": "發現錯誤？請告訴 {clinic}。",
    "Found a mistake? Tell the BreastEdu project: {contact}.": "發現錯誤？請告訴 BreastEdu 專案：{contact}。",
    "Found a mistake? Tell the clinic or the person who gave you BreastEdu.": (
        "發現錯誤？請告訴診所，或是給您 BreastEdu 的人。"
    ),
    # Her notebook: what opening it found and repaired, and why it cannot be opened or saved ---
    "{items} and {last}": "{items}和{last}",
    "{items}, {item}": "{items}、{item}",
    "{first} {then}": "{first}{then}",
    "Your notes cannot be opened: {why}": "無法打開您的筆記：{why}",
    "your notes file is in use by another program (database is locked); close it or try again "
    "in a moment": "您的筆記檔正被另一個程式使用（資料庫已鎖定）；請關掉那個程式，或稍等一下再試",
    "your notes file is damaged; restart BreastEdu to repair it from a backup": (
        "您的筆記檔已損壞；請重新啟動 BreastEdu，從備份修復它"
    ),
    "your notes file cannot be changed: the file or its folder is read-only": (
        "您的筆記檔無法修改：這個檔案或它的資料夾是唯讀的"
    ),
    "the disk reported an error while reading or writing your notes (disk I/O error)": (
        "讀寫您的筆記時，磁碟回報了錯誤（磁碟 I/O 錯誤）"
    ),
    "the disk is full, so your notes could not be saved; free some space and try again": (
        "磁碟已滿，所以您的筆記沒有存起來；請清出一些空間再試一次"
    ),
    "your notes file cannot be opened: its folder is missing or not writable": (
        "無法打開您的筆記檔：它的資料夾不見了，或是無法寫入"
    ),
    "permission denied": "沒有權限",
    "the disk is full": "磁碟已滿",
    "the disk quota is full": "磁碟配額已用完",
    "the disk is read-only": "磁碟是唯讀的",
    "disk I/O error": "磁碟 I/O 錯誤",
    "your notes file cannot be used ({detail})": "無法使用您的筆記檔（{detail}）",
    "your notes file holds text that is not valid UTF-8": "您的筆記檔裡有不是有效 UTF-8 的文字",
    "cannot use {name} ({reason})": "無法使用 {name}（{reason}）",
    "cannot use your notes folder ({reason})": "無法使用您的筆記資料夾（{reason}）",
    "cannot use the folder {folder} for your notes ({reason})": (
        "無法用資料夾 {folder} 存放您的筆記（{reason}）"
    ),
    "cannot use {folder} for your notes: it is a file, not a folder": (
        "無法用 {folder} 存放您的筆記：它是一個檔案，不是資料夾"
    ),
    "the folder {folder} belongs to another user account, so BreastEdu does not keep your notes "
    "there; choose a folder of your own (--user-dir)": (
        "資料夾 {folder} 屬於另一個使用者帳號，所以 BreastEdu 不會把您的筆記存在那裡；"
        "請選一個您自己的資料夾（--user-dir）"
    ),
    "other users of this computer can change the folder {folder} (mode {mode}), so BreastEdu does "
    "not keep your notes there; make it yours only with: chmod 700 '{folder}'": (
        "這台電腦的其他使用者可以更改資料夾 {folder}（權限 {mode}），所以 BreastEdu 不會把您的筆記"
        "存在那裡；請用這個指令讓它只屬於您：chmod 700 '{folder}'"
    ),
    "Your notes folder could be read by other people using this computer; it is now private "
    "(only your account can open it).": (
        "您的筆記資料夾原本可以被這台電腦的其他使用者讀取；現在已改成私人的（只有您的帳號能打開）。"
    ),
    "Your notes file could not be read, so it was set aside as {file} and your notes were "
    "restored from the automatic backup of {date}.": (
        "您的筆記檔無法讀取，所以已把它改名為 {file} 留在一旁，並從 {date} 的自動備份還原了您的筆記。"
    ),
    "Your notes file could not be read and there was no backup, so it was set aside as {file} "
    "and a new, empty notebook was started.": (
        "您的筆記檔無法讀取，而且沒有備份，所以已把它改名為 {file} 留在一旁，並開始一本新的空白筆記本。"
    ),
    "The disk is nearly full, so no backup of your notes was made this time.": (
        "磁碟快滿了，所以這次沒有備份您的筆記。"
    ),
    "No backup of your notes was made, because {folder} is a link to {target}: BreastEdu writes "
    "backups only into a folder of its own (remove the link to have them again).": (
        "這次沒有備份您的筆記，因為 {folder} 是連到 {target} 的連結：BreastEdu 只把備份寫進它自己的"
        "資料夾（移除這個連結，就會再有備份）。"
    ),
    "The disk is full, so your notes are open read-only: you can read and export them, but "
    "saving is off until you free some space and restart BreastEdu.": (
        "磁碟已滿，所以您的筆記以唯讀方式打開：您可以閱讀和匯出筆記，但要等您清出一些空間、"
        "重新啟動 BreastEdu 之後，才能再儲存。"
    ),
    "the folder {folder} is read-only": "資料夾 {folder} 是唯讀的",
    "Your notes folder {folder} cannot be written to, so your notes are open read-only: you can "
    "read and export them, but saving is off.": (
        "您的筆記資料夾 {folder} 無法寫入，所以您的筆記以唯讀方式打開：您可以閱讀和匯出筆記，但無法儲存。"
    ),
    "saving is off, because {why}; your notes can only be read and exported": (
        "目前無法儲存，因為{why}；您的筆記只能閱讀和匯出"
    ),
    "your notes were saved by a newer version of BreastEdu (data version {version}, this app "
    "reads up to {known}); please update the app": (
        "您的筆記是由較新版本的 BreastEdu 儲存的（資料版本 {version}，這個程式最多只能讀到 {known}）；"
        "請更新程式"
    ),
    "your notes file needs repair, which cannot be done while another copy of BreastEdu is open; "
    "close it and start again": (
        "您的筆記檔需要修復，但另一個 BreastEdu 還開著，所以現在無法修復；請把它關掉，再重新啟動"
    ),
    "your notes need a one-time upgrade, which cannot be done while an older copy of BreastEdu "
    "is open; close it and start again": (
        "您的筆記需要做一次升級，但一個較舊的 BreastEdu 還開著，所以現在無法升級；請把它關掉，再重新啟動"
    ),
    "could not share the lock on your notes file with other copies": (
        "無法和其他開著的 BreastEdu 共用您筆記檔的鎖定"
    ),
    "another copy of BreastEdu is busy repairing or upgrading your notes; try again in a moment": (
        "另一個 BreastEdu 正在修復或升級您的筆記；請稍等一下再試"
    ),
    "{file} is a link that leads back to itself (a loop); point it at your notes file or "
    "remove it": "{file} 是一個連回自己的連結（迴圈）；請讓它指向您的筆記檔，或是移除它",
    "{file} is a link to {target}, which cannot be found ({reason}); connect the drive or "
    "folder it points to, or remove the link": (
        "{file} 是連到 {target} 的連結，但找不到 {target}（{reason}）；請接上它指向的磁碟或資料夾，"
        "或是移除這個連結"
    ),
    "your notes file is damaged, and it cannot be repaired from a backup here because its "
    "folder cannot be written to": "您的筆記檔已損壞，而且它的資料夾無法寫入，所以無法在這裡從備份修復",
    # Rows of her notes that damage on disk had changed (the row checksums) --------------------
    "note {id}": "第 {id} 則筆記",
    "follow-up {id}": "第 {id} 個追蹤檢查",
    "print-basket sheet {id}": "衛教單組合的第 {id} 張單子",
    "{n} note": "{n} 則筆記",
    "{n} notes": "{n} 則筆記",
    "{n} follow-up": "{n} 個追蹤檢查",
    "{n} follow-ups": "{n} 個追蹤檢查",
    "{n} print-basket sheet": "衛教單組合的 {n} 張單子",
    "{n} print-basket sheets": "衛教單組合的 {n} 張單子",
    '{label} ("{words}")': "{label}（「{words}」）",
    "{n} more": "另外 {n} 個",
    "Damage on disk had changed {rows} in your notes file; nothing was put back from the backups, "
    "because a copy of the damaged version could not be saved first (is the disk full?).": (
        "磁碟上的損壞改動了您筆記檔裡的{rows}；因為沒辦法先把損壞的版本另存一份，"
        "所以沒有從備份放回任何內容（是不是磁碟滿了？）。"
    ),
    "Damage on disk had changed {rows} in your notes file, so it was put back from the automatic "
    "backup of {dates}; the damaged version, which may hold your latest changes, is saved in "
    "{file} in your notes folder.": (
        "磁碟上的損壞改動了您筆記檔裡的{rows}，所以已從 {dates} 的自動備份把它放回；"
        "損壞的版本可能有您最新的修改，存在您筆記資料夾裡的 {file}。"
    ),
    "Damage on disk had changed {rows} in your notes file, so they were put back from the "
    "automatic backup of {dates}; the damaged versions are saved in {file} in your notes folder.": (
        "磁碟上的損壞改動了您筆記檔裡的{rows}，所以已從 {dates} 的自動備份把它們放回；"
        "損壞的版本存在您筆記資料夾裡的 {file}。"
    ),
    "Damage on disk had changed {rows} in your notes file and no backup holds a good copy, so it "
    "was kept as found for you to check and correct (a copy is saved in {file} in your notes "
    "folder).": (
        "磁碟上的損壞改動了您筆記檔裡的{rows}，而且沒有備份存有完好的版本，所以保留它現在的樣子，"
        "請您檢查並改正（副本存在您筆記資料夾裡的 {file}）。"
    ),
    "Damage on disk had changed {rows} in your notes file and no backup holds a good copy, so "
    "they were kept as found for you to check and correct (a copy is saved in {file} in your "
    "notes folder).": (
        "磁碟上的損壞改動了您筆記檔裡的{rows}，而且沒有備份存有完好的版本，所以保留它們現在的樣子，"
        "請您檢查並改正（副本存在您筆記資料夾裡的 {file}）。"
    ),
    "Damage on disk had changed {counted} in your notes file: {back}, and {kept}; the damaged "
    "versions are saved in {file} in your notes folder.": (
        "磁碟上的損壞改動了您筆記檔裡的 {counted}：{back}；{kept}。損壞的版本存在您筆記資料夾裡的 {file}。"
    ),
    "{rows} was put back from the automatic backup of {dates}": "{rows}已從 {dates} 的自動備份放回",
    "{rows} were put back from the automatic backup of {dates}": "{rows}已從 {dates} 的自動備份放回",
    "{rows}, which no backup holds, was kept as found for you to check and correct": (
        "{rows}沒有備份可用，所以保留它現在的樣子，請您檢查並改正"
    ),
    "{rows}, which no backup holds, were kept as found for you to check and correct": (
        "{rows}沒有備份可用，所以保留它們現在的樣子，請您檢查並改正"
    ),
    # Errors about her notes, follow-ups, handout pack and data files (core/notebook). A message
    # with a field ("is empty") follows the field's name, as the window writes it.
    "a follow-up that does not repeat has no interval": "不重複的追蹤檢查沒有間隔",
    "the repeat interval must be a whole number of months": "重複的間隔必須是整數個月",
    "the repeat interval must be between 1 and {most} months, not {months}": (
        "重複的間隔必須在 1 到 {most} 個月之間，不能是 {months}"
    ),
    "must be text": "必須是文字",
    "is {length} characters long; the limit is {limit}": "有 {length} 個字，上限是 {limit} 個字",
    "contains a control character ({code}) at position {position}": "第 {position} 個字是控制字元（{code}）",
    "contains an invalid character at position {position}": "第 {position} 個字是無效的字元",
    "is empty": "是空的",
    "must be a date": "必須是日期",
    "{day} is outside {first}-{last}": "{day} 不在 {first} 到 {last} 年之間",
    "{text} is not a date in the form YYYY-MM-DD": "{text} 不是「年-月-日」（YYYY-MM-DD）格式的日期",
    "{day} is not a real calendar date": "{day} 不是日曆上真的有的日期",
    "must be a topic or a question, not {kind}": "必須是主題或問題，不能是 {kind}",
    "{slug} is not a topic or question slug": "{slug} 不是主題或問題的代稱",
    "{day} is in the future; you can only mark a follow-up done on today or an earlier day": (
        "{day} 還沒到；追蹤檢查只能記為今天或更早的日子完成"
    ),
    "'{title}' was already marked done on {day}": "「{title}」已經記為在 {day} 完成",
    "'{title}' was changed in another BreastEdu window since you opened it; reopen it and try again": (
        "您打開「{title}」之後，它在另一個 BreastEdu 視窗裡被改過了；請重新打開它再試一次"
    ),
    "there is no follow-up number {id}": "沒有第 {id} 個追蹤檢查",
    "saving a change to a note needs the revision it was loaded at": "儲存筆記的修改，需要它打開時的版本號",
    "this note was changed in another BreastEdu window since you opened it; reopen it to see that "
    "version (your text is still in the editor)": (
        "您打開這則筆記之後，它在另一個 BreastEdu 視窗裡被改過了；請重新打開它看那個版本"
        "（您寫的文字還在編輯區裡）"
    ),
    "this note was changed in another BreastEdu window": "這則筆記在另一個 BreastEdu 視窗裡被改過了",
    "this note was changed in another BreastEdu window; it was not deleted": (
        "這則筆記在另一個 BreastEdu 視窗裡被改過了，所以沒有刪除"
    ),
    "this note is not on your questions-for-my-doctor list": "這則筆記不在「要問醫師的問題」清單上",
    "there is no note number {id}": "沒有第 {id} 則筆記",
    "the handout pack holds at most {most} sheets": "衛教單包最多只能放 {most} 張",
    "that sheet is not in the handout pack": "衛教單包裡沒有這一張",
    "the calendar file name must end in .ics": "行事曆檔名的結尾必須是 .ics",
    "is missing '{key}'": "少了「{key}」",
    "{value} is not a date (YYYY-MM-DD)": "{value} 不是日期（YYYY-MM-DD）",
    "{value} is not a date and time": "{value} 不是日期和時間",
    "has no time zone": "沒有時區",
    "must be a whole number from {low} to {high}": "必須是 {low} 到 {high} 之間的整數",
    "{value} is not a uuid": "{value} 不是 uuid",
    "must be an object or null": "必須是物件或 null",
    "must be true or false": "必須是 true 或 false",
    "{basis} is not none, due or done": "{basis} 不是 none、due 或 done",
    "is not a BreastEdu data export": "不是 BreastEdu 的資料匯出檔",
    "is data format version {version}; this app reads up to {newest}": (
        "是第 {version} 版的資料格式；這個程式最多只能讀第 {newest} 版"
    ),
    "notes and followups must be lists": "notes 和 followups 必須是清單",
    "appears twice in the file": "在檔案裡出現了兩次",
    "{day} is in the future": "{day} 還沒到",
    "its chain of previous follow-ups comes back to itself": "它的前一個追蹤檢查一路往回找，又繞回了它自己",
    "is too big to be a BreastEdu data export": "太大了，不可能是 BreastEdu 的資料匯出檔",
    "is not a BreastEdu data export (it nests too deeply)": "不是 BreastEdu 的資料匯出檔（層次太多）",
    "no such file": "找不到這個檔案",
    "is not a JSON data export ({detail})": "不是 JSON 格式的資料匯出檔（{detail}）",
    "cannot be read ({reason})": "無法讀取（{reason}）",
    "deleting all your data needs a confirmation": "刪除您所有的資料前，需要先確認",
    "cannot write the file ({reason})": "無法寫入這個檔案（{reason}）",
}
