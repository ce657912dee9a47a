<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_TW">
<context>
    <name>common.crash</name>
    <message>
        <source>Something went wrong</source>
        <translation>發生錯誤</translation>
    </message>
    <message>
        <source>Something went wrong in BreastEdu.</source>
        <translation>BreastEdu 發生錯誤。</translation>
    </message>
    <message>
        <source>A report was saved in {file}. It holds no notes, only what the app was doing.</source>
        <translation>報告已存在 {file}。裡面沒有您的筆記，只有程式當時在做什麼。</translation>
    </message>
    <message>
        <source>The report could not be saved; the details below can be copied.</source>
        <translation>報告無法儲存；可以複製下面的詳細資料。</translation>
    </message>
    <message>
        <source>Your saved notes and follow-ups are safe. If this happens again, restart BreastEdu.</source>
        <translation>您已儲存的筆記和追蹤檢查都很安全。如果又發生，請重新開啟 BreastEdu。</translation>
    </message>
    <message>
        <source>Copy details</source>
        <translation>複製詳細資料</translation>
    </message>
</context>
<context>
    <name>common.theme</name>
    <message>
        <source>Normal</source>
        <translation>一般</translation>
    </message>
    <message>
        <source>Large</source>
        <translation>大</translation>
    </message>
    <message>
        <source>Larger</source>
        <translation>較大</translation>
    </message>
    <message>
        <source>Largest</source>
        <translation>最大</translation>
    </message>
    <message>
        <source>Same as the computer</source>
        <translation>跟電腦設定相同</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>淺色</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>深色</translation>
    </message>
    <message>
        <source>High contrast</source>
        <translation>高對比</translation>
    </message>
</context>
<context>
    <name>common.workers</name>
    <message>
        <source>Something went wrong: {error}</source>
        <translation>出了點問題：{error}</translation>
    </message>
</context>
<context>
    <name>kiosk.idle</name>
    <message>
        <source>Are you still reading?</source>
        <translation>您還在看嗎？</translation>
    </message>
    <message>
        <source>I&apos;m still reading</source>
        <translation>我還在看</translation>
    </message>
    <message>
        <source>This screen starts over for the next person
in 1 second.</source>
        <translation>1 秒後，畫面會清空，
給下一位使用。</translation>
    </message>
    <message>
        <source>This screen starts over for the next person
in {n} seconds.</source>
        <translation>{n} 秒後，畫面會清空，
給下一位使用。</translation>
    </message>
    <message>
        <source>Touch anywhere to keep reading.</source>
        <translation>碰一下螢幕，就可以繼續看。</translation>
    </message>
</context>
<context>
    <name>kiosk.keypad</name>
    <message>
        <source>Topics</source>
        <extracomment>The pick list&apos;s groups as the visitor reads them (translated where shown).</extracomment>
        <translation>主題</translation>
    </message>
    <message>
        <source>Medical words</source>
        <translation>醫學名詞</translation>
    </message>
    <message>
        <source>Everyday words</source>
        <translation>常用說法</translation>
    </message>
    <message>
        <source>Chinese words to search for</source>
        <extracomment>The key that shows the pick list, in its own words (as the language button), and the same key while the pick list is shown (its spoken name is translated).</extracomment>
        <translation>點一個詞來搜尋</translation>
    </message>
    <message>
        <source>Backspace</source>
        <translation>刪除前一個字</translation>
    </message>
    <message>
        <source>Chinese words</source>
        <translation>中文詞語</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>清除</translation>
    </message>
    <message>
        <source>Clear the search</source>
        <translation>清除搜尋</translation>
    </message>
    <message>
        <source>Space</source>
        <translation>空格</translation>
    </message>
    <message>
        <source>Hide keyboard</source>
        <translation>收起鍵盤</translation>
    </message>
    <message>
        <source>Hide the keyboard</source>
        <translation>把鍵盤收起來</translation>
    </message>
    <message>
        <source>Letters</source>
        <translation>英文字母</translation>
    </message>
</context>
<context>
    <name>kiosk.session</name>
    <message>
        <source>◀ Back</source>
        <extracomment>At the kiosk&apos;s first text size: lists and labels, and the search box (as kiosk_stylesheet). Back history, the page on screen and its identity: the same Navigator as the window&apos;s, one per visitor (it goes with the session). Sheets this visitor may still print (0: printing is off, or the limit is reached).</extracomment>
        <translation>◀ 上一頁</translation>
    </message>
    <message>
        <source>Go back</source>
        <translation>回上一頁</translation>
    </message>
    <message>
        <source>Home</source>
        <translation>首頁</translation>
    </message>
    <message>
        <source>Go to the home page</source>
        <translation>回到首頁</translation>
    </message>
    <message>
        <source>Glossary</source>
        <translation>名詞解釋</translation>
    </message>
    <message>
        <source>Glossary: all words explained</source>
        <translation>名詞解釋：所有詞語的說明</translation>
    </message>
    <message>
        <source>Smaller text</source>
        <translation>字小一點</translation>
    </message>
    <message>
        <source>Larger text</source>
        <translation>字大一點</translation>
    </message>
    <message>
        <source>Finish</source>
        <translation>結束</translation>
    </message>
    <message>
        <source>Finish and clear the screen</source>
        <translation>結束並清空畫面</translation>
    </message>
    <message>
        <source>Print this page</source>
        <translation>列印這一頁</translation>
    </message>
    <message>
        <source>Text size</source>
        <translation>字級</translation>
    </message>
    <message>
        <source>Topics</source>
        <translation>主題</translation>
    </message>
    <message>
        <source>This screen prints one sheet for each visitor. For more copies, please ask at the desk.</source>
        <translation>每位使用者可以印 1 張。要多印，請洽櫃檯。</translation>
    </message>
    <message>
        <source>This screen prints {count} sheets for each visitor. For more copies, please ask at the desk.</source>
        <translation>每位使用者可以印 {count} 張。要多印，請洽櫃檯。</translation>
    </message>
    <message>
        <source>Printing…</source>
        <translation>列印中…</translation>
    </message>
    <message>
        <source>No prints left</source>
        <translation>已不能再印</translation>
    </message>
    <message>
        <source>No prints left: ask at the desk</source>
        <translation>已不能再印：請洽櫃檯</translation>
    </message>
    <message>
        <source>Web links cannot be opened on this screen.</source>
        <translation>這台螢幕不能開啟網站連結。</translation>
    </message>
</context>
<context>
    <name>kiosk.shell</name>
    <message>
        <source>Welcome</source>
        <extracomment>Keys that close, switch or minimise windows elsewhere; the kiosk swallows them. The language button when it switches to a language: its label and spoken name, both in that language&apos;s own words (the one who needs the button reads that language, not the other). The clinic&apos;s language for each new visitor ([kiosk] language); every reset returns to it. A take-away sheet is printed in the language on screen. The topics and the glossary in the language on screen, and in every language (read once, so a switch or a reset shows them at once). The Chinese words the keyboard&apos;s 中文 key offers (read once from the library).</extracomment>
        <translation>歡迎</translation>
    </message>
    <message>
        <source>Welcome to {clinic}</source>
        <translation>歡迎來到{clinic}</translation>
    </message>
    <message>
        <source>Printed. Please take your sheet from the printer.</source>
        <translation>已印好。請到印表機拿取。</translation>
    </message>
    <message>
        <source>Printing did not work. Please ask at the desk.</source>
        <translation>沒有印成功。請洽櫃檯。</translation>
    </message>
</context>
<context>
    <name>kiosk.staff</name>
    <message>
        <source>Staff exit</source>
        <extracomment>The pad&apos;s key that empties what was typed (its label is translated; this is its identity).</extracomment>
        <translation>工作人員離開</translation>
    </message>
    <message>
        <source>PIN entered</source>
        <translation>已輸入的密碼</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>清除</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Exit kiosk</source>
        <translation>離開服務機</translation>
    </message>
    <message>
        <source>No staff PIN is set.
Stop the kiosk from a terminal (Ctrl+C),
then run &apos;breastedu kiosk set-pin&apos;.</source>
        <translation>還沒有設定工作人員密碼。
請在終端機按 Ctrl+C 停止服務機，
再執行 &apos;breastedu kiosk set-pin&apos;。</translation>
    </message>
    <message>
        <source>Enter the staff PIN.</source>
        <translation>請輸入工作人員密碼。</translation>
    </message>
    <message>
        <source>Wrong PIN. 1 try left.</source>
        <translation>密碼錯誤。還可以再試 1 次。</translation>
    </message>
    <message>
        <source>Wrong PIN. {n} tries left.</source>
        <translation>密碼錯誤。還可以再試 {n} 次。</translation>
    </message>
    <message>
        <source>Too many wrong tries.
The pad is locked for {n} s.</source>
        <translation>錯太多次了。
密碼鍵盤鎖定 {n} 秒。</translation>
    </message>
</context>
<context>
    <name>kiosk.start_screen</name>
    <message>
        <source>Open the topic {title}</source>
        <extracomment>A tile narrower than this wraps its summary into too many lines: use one column fewer. The clinic&apos;s logo height on the start screen, in pixels.</extracomment>
        <translation>打開主題：{title}</translation>
    </message>
    <message>
        <source>The clinic&apos;s logo</source>
        <translation>診所標誌</translation>
    </message>
    <message>
        <source>Plain answers to common breast and thyroid questions. Nothing you read here is kept.</source>
        <translation>用簡單的話回答常見的乳房和甲狀腺問題。您在這裡看的內容，都不會被留下。</translation>
    </message>
    <message>
        <source>Touch to start</source>
        <translation>請點這裡開始</translation>
    </message>
    <message>
        <source>{group} topics</source>
        <translation>{group}相關主題</translation>
    </message>
    <message>
        <source>Topics</source>
        <translation>主題</translation>
    </message>
</context>
<context>
    <name>library.outline</name>
    <message>
        <source>The headings and links of this page; Enter jumps to one</source>
        <extracomment>Headings deeper than this (h4…) stay out of the outline; h1 is the page&apos;s title.</extracomment>
        <translation>本頁的標題和連結；按 Enter 跳過去</translation>
    </message>
    <message>
        <source>On this page</source>
        <translation>本頁內容</translation>
    </message>
    <message>
        <source>Headings of the page, with its links under each. Enter jumps to a heading or opens a link.</source>
        <translation>本頁的標題，每個標題下列出它的連結。按 Enter 跳到標題或開啟連結。</translation>
    </message>
    <message>
        <source>On this page: {headings} headings, {links} links</source>
        <translation>本頁內容：{headings} 個標題，{links} 個連結</translation>
    </message>
</context>
<context>
    <name>library.question_list</name>
    <message>
        <source>Asked {date}</source>
        <translation>{date} 提問</translation>
    </message>
    <message>
        <source>Questions people asked</source>
        <translation>大家問過的問題</translation>
    </message>
</context>
<context>
    <name>library.reader</name>
    <message>
        <source>Page</source>
        <extracomment>The reading column never grows past this many characters per line (WCAG 1.4.8 says 80); wider windows get margins instead, the column centred.</extracomment>
        <translation>頁面</translation>
    </message>
    <message>
        <source>Definition</source>
        <translation>名詞解釋</translation>
    </message>
    <message>
        <source>Close the definition</source>
        <translation>關閉名詞解釋</translation>
    </message>
    <message>
        <source>Filter the glossary: type a word, then press Enter</source>
        <translation>篩選名詞解釋：輸入詞語後按 Enter</translation>
    </message>
    <message>
        <source>Filter the glossary</source>
        <translation>篩選名詞解釋</translation>
    </message>
</context>
<context>
    <name>library.topic_tree</name>
    <message>
        <source>{group} topics</source>
        <translation>{group}的主題</translation>
    </message>
    <message>
        <source>Topics</source>
        <translation>主題</translation>
    </message>
</context>
<context>
    <name>notebook.basket_pane</name>
    <message>
        <source>Topic sheet</source>
        <translation>主題衛教單</translation>
    </message>
    <message>
        <source>Question and its answer</source>
        <translation>問題和回答</translation>
    </message>
    <message>
        <source>Sheets in the handout pack</source>
        <translation>衛教單組合裡的單張</translation>
    </message>
    <message>
        <source>Add topics and answers with the button below (or a page with File → Add to handout pack), then print them together with a contents page.</source>
        <translation>用下面的按鈕加入主題和回答（或在一頁上用「檔案 → 加入衛教單組合」），再和目錄一起列印。</translation>
    </message>
    <message>
        <source>Add topics and answers…</source>
        <translation>加入主題和回答…</translation>
    </message>
    <message>
        <source>Move up</source>
        <translation>上移</translation>
    </message>
    <message>
        <source>Move down</source>
        <translation>下移</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
    <message>
        <source>Clear all</source>
        <translation>全部清除</translation>
    </message>
    <message>
        <source>Print pack…</source>
        <translation>列印組合…</translation>
    </message>
    <message>
        <source>Preview</source>
        <translation>預覽</translation>
    </message>
    <message>
        <source>Save pack as PDF…</source>
        <translation>組合另存為 PDF…</translation>
    </message>
    <message>
        <source>Clear the handout pack?</source>
        <translation>要清空衛教單組合嗎？</translation>
    </message>
    <message>
        <source>Take every sheet out of the handout pack?</source>
        <translation>要把所有單張從衛教單組合拿掉嗎？</translation>
    </message>
</context>
<context>
    <name>notebook.followups_form</name>
    <message>
        <source>Does not repeat</source>
        <extracomment>Short, to read after the field&apos;s label (&quot;Repeat: From the due date&quot;) and to fit a narrow pane at the largest text size (a combo box cannot wrap its text).</extracomment>
        <translation>不重複</translation>
    </message>
    <message>
        <source>From the due date</source>
        <translation>從到期日起算</translation>
    </message>
    <message>
        <source>From when it was done</source>
        <translation>從完成日起算</translation>
    </message>
    <message>
        <source>d MMMM yyyy</source>
        <translation>yyyy年M月d日</translation>
    </message>
    <message>
        <source>New follow-up</source>
        <extracomment>Narrower than this many average characters, each label goes above its field.</extracomment>
        <translation>新的追蹤檢查</translation>
    </message>
    <message>
        <source>e.g. Mammogram</source>
        <translation>例如：乳房攝影</translation>
    </message>
    <message>
        <source>Repeat</source>
        <translation>重複</translation>
    </message>
    <message>
        <source>every </source>
        <translation>每 </translation>
    </message>
    <message>
        <source> months</source>
        <translation> 個月</translation>
    </message>
    <message>
        <source>Repeat every how many months</source>
        <translation>每幾個月重複一次</translation>
    </message>
    <message>
        <source>Link to this page</source>
        <translation>連結到這一頁</translation>
    </message>
    <message>
        <source>Optional, e.g. bring the old films</source>
        <translation>可不填，例如：帶舊的片子</translation>
    </message>
    <message>
        <source>&amp;What</source>
        <translation>項目(&amp;W)</translation>
    </message>
    <message>
        <source>&amp;Due on</source>
        <translation>到期日(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;Repeat</source>
        <translation>重複(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Note</source>
        <translation>備註(&amp;N)</translation>
    </message>
    <message>
        <source>Save follow-up</source>
        <translation>儲存追蹤檢查</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Change follow-up</source>
        <translation>修改追蹤檢查</translation>
    </message>
    <message>
        <source>(open a topic or question first)</source>
        <translation>（請先開啟一個主題或問題）</translation>
    </message>
    <message>
        <source>Link to this page: {title}</source>
        <translation>連結到這一頁：{title}</translation>
    </message>
    <message>
        <source>The title</source>
        <translation>項目名稱</translation>
    </message>
    <message>
        <source>The note</source>
        <translation>備註</translation>
    </message>
    <message>
        <source>{field} {why}</source>
        <translation>{field}{why}</translation>
    </message>
    <message>
        <source>Done on</source>
        <translation>完成日期</translation>
    </message>
    <message>
        <source>Record it</source>
        <translation>記錄</translation>
    </message>
    <message>
        <source>When did you have “{title}”?</source>
        <translation>您是哪一天做「{title}」的？</translation>
    </message>
</context>
<context>
    <name>notebook.followups_models</name>
    <message>
        <source>Overdue</source>
        <extracomment>state -&gt; (label, palette role of the icon, icon symbol, palette role of the row tint)</extracomment>
        <translation>已逾期</translation>
    </message>
    <message>
        <source>Due soon</source>
        <translation>快到期</translation>
    </message>
    <message>
        <source>Upcoming</source>
        <translation>之後</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>已完成</translation>
    </message>
    <message>
        <source>Done on {date}</source>
        <translation>{date}已完成</translation>
    </message>
    <message>
        <source>{label}, 1 day late</source>
        <translation>{label}，晚了 1 天</translation>
    </message>
    <message>
        <source>{label}, {n} days late</source>
        <translation>{label}，晚了 {n} 天</translation>
    </message>
    <message>
        <source>Due today</source>
        <translation>今天到期</translation>
    </message>
    <message>
        <source>{label}, in 1 day</source>
        <translation>{label}，還有 1 天</translation>
    </message>
    <message>
        <source>{label}, in {n} days</source>
        <translation>{label}，還有 {n} 天</translation>
    </message>
    <message>
        <source>due {date}</source>
        <translation>{date}到期</translation>
    </message>
    <message>
        <source>About: {title}</source>
        <translation>關於：{title}</translation>
    </message>
    <message>
        <source>. Note: {note}</source>
        <translation>。備註：{note}</translation>
    </message>
</context>
<context>
    <name>notebook.followups_pane</name>
    <message>
        <source>My follow-ups</source>
        <translation>我的追蹤檢查</translation>
    </message>
    <message>
        <source>Add…</source>
        <translation>新增…</translation>
    </message>
    <message>
        <source>Change…</source>
        <translation>修改…</translation>
    </message>
    <message>
        <source>Done on…</source>
        <translation>已完成…</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>刪除</translation>
    </message>
    <message>
        <source>Calendar file (.ics)…</source>
        <translation>行事曆檔 (.ics)…</translation>
    </message>
    <message>
        <source>Visit sheet (PDF)…</source>
        <translation>看診單 (PDF)…</translation>
    </message>
    <message>
        <source>Add a follow-up date</source>
        <translation>新增追蹤檢查日期</translation>
    </message>
    <message>
        <source>Record the day you had it; the next one is planned by its repeat</source>
        <translation>記下您做檢查的日期；下一次會依重複設定排好</translation>
    </message>
    <message>
        <source>Save your follow-ups as a file your calendar app can import</source>
        <translation>把追蹤檢查存成行事曆程式可以匯入的檔案</translation>
    </message>
    <message>
        <source>Save a one-page sheet of follow-ups and questions for your doctor</source>
        <translation>存一張單頁的追蹤檢查和要問醫師的問題</translation>
    </message>
    <message>
        <source>Follow-up status</source>
        <translation>追蹤檢查狀態</translation>
    </message>
    <message>
        <source>From the text: “{phrase}”, every {months} months. Check the date and repeat, then save.</source>
        <translation>依據文字：「{phrase}」，每 {months} 個月。請確認日期和重複設定，再儲存。</translation>
    </message>
    <message>
        <source>From the text: “{phrase}”. Check the date, then save.</source>
        <translation>依據文字：「{phrase}」。請確認日期，再儲存。</translation>
    </message>
    <message>
        <source>The text says “{phrase}”. Choose the date and repeat with your doctor&apos;s advice, then save.</source>
        <translation>文字寫的是「{phrase}」。請依照醫師的建議選日期和重複設定，再儲存。</translation>
    </message>
    <message>
        <source>No interval found in this text: enter the date and repeat yourself.</source>
        <translation>這段文字裡沒有找到間隔時間：請自己輸入日期和重複設定。</translation>
    </message>
    <message>
        <source>Save follow-ups for your calendar</source>
        <translation>儲存追蹤檢查給行事曆用</translation>
    </message>
    <message>
        <source>Calendar files (*.ics)</source>
        <translation>行事曆檔 (*.ics)</translation>
    </message>
    <message>
        <source>Save my visit sheet</source>
        <translation>儲存我的看診單</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>PDF 檔 (*.pdf)</translation>
    </message>
    <message>
        <source>Saved your visit sheet to {file}.</source>
        <translation>已把您的看診單存到 {file}。</translation>
    </message>
    <message>
        <source>Delete this follow-up?</source>
        <translation>要刪除這個追蹤檢查嗎？</translation>
    </message>
    <message>
        <source>Delete “{title}”, due {date}? This cannot be undone.</source>
        <translation>要刪除「{title}」（預定 {date}）嗎？刪除後無法復原。</translation>
    </message>
    <message>
        <source>Saved “{title}”, due {date}.</source>
        <translation>已儲存「{title}」，預定 {date}。</translation>
    </message>
    <message>
        <source>Close without saving?</source>
        <translation>不儲存就關閉嗎？</translation>
    </message>
    <message>
        <source>This follow-up has changes you have not saved. Close it and lose them?</source>
        <translation>這個追蹤檢查有還沒儲存的修改。要關閉並放棄這些修改嗎？</translation>
    </message>
    <message>
        <source>Recorded “{title}” as done on {date}.</source>
        <translation>已記錄「{title}」在{date}完成。</translation>
    </message>
    <message>
        <source>Recorded.</source>
        <translation>已記錄。</translation>
    </message>
    <message>
        <source>Next: {date}.</source>
        <translation>下一次：{date}。</translation>
    </message>
    <message>
        <source>Deleted “{title}”.</source>
        <translation>已刪除「{title}」。</translation>
    </message>
    <message>
        <source>{n} overdue</source>
        <translation>{n} 個已逾期</translation>
    </message>
    <message>
        <source>{n} due soon</source>
        <translation>{n} 個快到期</translation>
    </message>
    <message>
        <source>No follow-ups yet. Press “Add…” to plan one.</source>
        <translation>還沒有追蹤檢查。按「新增…」來排一個。</translation>
    </message>
    <message>
        <source>{parts}.</source>
        <translation>{parts}。</translation>
    </message>
    <message>
        <source>, </source>
        <translation>，</translation>
    </message>
    <message>
        <source>Nothing due in the next 14 days.</source>
        <translation>接下來 14 天沒有到期的項目。</translation>
    </message>
    <message>
        <source>Not done: {why}</source>
        <translation>沒有完成：{why}</translation>
    </message>
</context>
<context>
    <name>notebook.my_data</name>
    <message>
        <source>{n} note</source>
        <translation>{n} 則筆記</translation>
    </message>
    <message>
        <source>{n} notes</source>
        <translation>{n} 則筆記</translation>
    </message>
    <message>
        <source>{n} follow-up</source>
        <translation>{n} 個追蹤檢查</translation>
    </message>
    <message>
        <source>{n} follow-ups</source>
        <translation>{n} 個追蹤檢查</translation>
    </message>
    <message>
        <source>{what} added, {n} updated</source>
        <translation>新增 {what}，更新 {n} 個</translation>
    </message>
    <message>
        <source>Nothing new in that file: everything in it was already here.</source>
        <translation>這個檔案裡沒有新的資料：裡面的內容這裡都已經有了。</translation>
    </message>
    <message>
        <source> ({n} already here)</source>
        <translation>（{n} 個原本就有）</translation>
    </message>
    <message>
        <source>Imported: {parts}{unchanged}.</source>
        <translation>已匯入：{parts}{unchanged}。</translation>
    </message>
    <message>
        <source>; </source>
        <translation>；</translation>
    </message>
    <message>
        <source>Export all my data…</source>
        <translation>匯出我的所有資料…</translation>
    </message>
    <message>
        <source>Save every note and follow-up to a file (a backup)</source>
        <translation>把所有筆記和追蹤檢查存成一個檔案（備份）</translation>
    </message>
    <message>
        <source>Import my data…</source>
        <translation>匯入我的資料…</translation>
    </message>
    <message>
        <source>Add notes and follow-ups from a file you exported</source>
        <translation>從您匯出的檔案加入筆記和追蹤檢查</translation>
    </message>
    <message>
        <source>Delete all my data…</source>
        <translation>刪除我的所有資料…</translation>
    </message>
    <message>
        <source>Erase every note and follow-up from this computer</source>
        <translation>從這台電腦清除所有筆記和追蹤檢查</translation>
    </message>
    <message>
        <source>{n} follow-up date</source>
        <translation>{n} 個追蹤檢查日期</translation>
    </message>
    <message>
        <source>{n} follow-up dates</source>
        <translation>{n} 個追蹤檢查日期</translation>
    </message>
    <message>
        <source>This deletes {notes} (with your questions for your doctor), {followups}, the automatic backups of them and any crash reports in {folder}. It cannot be undone.</source>
        <translation>這會刪除 {notes}（包括您要問醫師的問題）、{followups}，以及 {folder} 裡它們的自動備份和當機報告。刪除後無法復原。</translation>
    </message>
    <message>
        <source>Nothing was deleted.</source>
        <translation>沒有刪除任何資料。</translation>
    </message>
    <message>
        <source>Deleted {notes} and {followups}.</source>
        <translation>已刪除 {notes}和 {followups}。</translation>
    </message>
    <message>
        <source>Export all my data</source>
        <translation>匯出我的所有資料</translation>
    </message>
    <message>
        <source>BreastEdu data (*.json)</source>
        <translation>BreastEdu 資料 (*.json)</translation>
    </message>
    <message>
        <source>Import my data</source>
        <translation>匯入我的資料</translation>
    </message>
    <message>
        <source>Delete all my data?</source>
        <translation>要刪除我的所有資料嗎？</translation>
    </message>
    <message>
        <source>Delete all my data</source>
        <translation>刪除我的所有資料</translation>
    </message>
    <message>
        <source>Keep my data</source>
        <translation>保留我的資料</translation>
    </message>
    <message>
        <source>My data</source>
        <translation>我的資料</translation>
    </message>
    <message>
        <source>Not done. {why}</source>
        <translation>沒有完成。{why}</translation>
    </message>
    <message>
        <source>Not done: something went wrong ({error}).</source>
        <translation>沒有完成：發生了問題（{error}）。</translation>
    </message>
</context>
<context>
    <name>notebook.notes_models</name>
    <message>
        <source>Free notes</source>
        <translation>一般筆記</translation>
    </message>
    <message>
        <source>Written {date}</source>
        <extracomment>Label rows with the date written instead of the topic (notes on one page).</extracomment>
        <translation>寫於 {date}</translation>
    </message>
    <message>
        <source>some characters could not be read</source>
        <extracomment>Shown on a note whose stored text was partly unreadable (bad bytes show as U+FFFD).</extracomment>
        <translation>有些字元無法讀取</translation>
    </message>
    <message>
        <source>Asked</source>
        <translation>已問過</translation>
    </message>
    <message>
        <source>Not asked yet</source>
        <translation>還沒問</translation>
    </message>
</context>
<context>
    <name>notebook.notes_pane</name>
    <message>
        <source>Note on this page</source>
        <extracomment>What she can choose when closing with a note that could not be saved. Notes that left the editor with a save still in flight or failed (retried here).</extracomment>
        <translation>這一頁的筆記</translation>
    </message>
    <message>
        <source>New free note</source>
        <translation>新的一般筆記</translation>
    </message>
    <message>
        <source>Write about the page you are reading</source>
        <translation>寫下關於您正在看的這一頁</translation>
    </message>
    <message>
        <source>Start a note that is not about one page</source>
        <translation>寫一則不屬於某一頁的筆記</translation>
    </message>
    <message>
        <source>My note</source>
        <translation>我的筆記</translation>
    </message>
    <message>
        <source>Write what you want to remember or ask. It is saved as you type.</source>
        <translation>寫下您想記住或想問的事。打字時就會自動儲存。</translation>
    </message>
    <message>
        <source>Ask my doctor</source>
        <translation>要問醫師</translation>
    </message>
    <message>
        <source>Put this note on your list of questions for your doctor</source>
        <translation>把這則筆記放進要問醫師的問題清單</translation>
    </message>
    <message>
        <source>Save status</source>
        <translation>儲存狀態</translation>
    </message>
    <message>
        <source>Keep mine</source>
        <translation>保留我的</translation>
    </message>
    <message>
        <source>Save the text in the editor over the other version</source>
        <translation>用編輯區裡的文字取代另一個版本</translation>
    </message>
    <message>
        <source>Your other notes on this page:</source>
        <translation>您在這一頁的其他筆記：</translation>
    </message>
    <message>
        <source>Other notes on this page</source>
        <translation>這一頁的其他筆記</translation>
    </message>
    <message>
        <source>All my notes, and questions for my doctor</source>
        <translation>我的所有筆記，和要問醫師的問題</translation>
    </message>
    <message>
        <source>Search my notes</source>
        <translation>搜尋我的筆記</translation>
    </message>
    <message>
        <source>My notes</source>
        <translation>我的筆記</translation>
    </message>
    <message>
        <source>No notes yet. Write in the box above: your note is saved as you type.</source>
        <translation>還沒有筆記。在上面的方框裡寫：打字時就會自動儲存。</translation>
    </message>
    <message>
        <source>All my notes</source>
        <translation>我的所有筆記</translation>
    </message>
    <message>
        <source>Tick a question once you have asked it.</source>
        <translation>問過的問題就打勾。</translation>
    </message>
    <message>
        <source>Questions for my doctor</source>
        <translation>要問醫師的問題</translation>
    </message>
    <message>
        <source>Take off the list</source>
        <translation>從清單拿掉</translation>
    </message>
    <message>
        <source>it could not be written</source>
        <translation>無法寫入</translation>
    </message>
    <message>
        <source>Not saved to the file: {why}</source>
        <translation>沒有存到檔案：{why}</translation>
    </message>
    <message>
        <source>Your note is not saved</source>
        <translation>您的筆記還沒有儲存</translation>
    </message>
    <message>
        <source>Your note could not be saved ({why}).</source>
        <translation>您的筆記無法儲存（{why}）。</translation>
    </message>
    <message>
        <source>{n} of your notes could not be saved ({why}).</source>
        <translation>您有 {n} 則筆記無法儲存（{why}）。</translation>
    </message>
    <message>
        <source>Save the text to a file, keep trying, or discard it?</source>
        <translation>要把文字存成檔案、繼續嘗試儲存，還是放棄？</translation>
    </message>
    <message>
        <source>Save to a file…</source>
        <translation>存成檔案…</translation>
    </message>
    <message>
        <source>Keep trying</source>
        <translation>繼續嘗試</translation>
    </message>
    <message>
        <source>Discard</source>
        <translation>放棄</translation>
    </message>
    <message>
        <source>Save your note to a file</source>
        <translation>把您的筆記存成檔案</translation>
    </message>
    <message>
        <source>Text (*.txt)</source>
        <translation>文字檔 (*.txt)</translation>
    </message>
    <message>
        <source>Opening your note…</source>
        <translation>正在開啟您的筆記…</translation>
    </message>
    <message>
        <source>Your note could not be opened: {why}</source>
        <translation>無法打開您的筆記：{why}</translation>
    </message>
    <message>
        <source>Saved</source>
        <translation>已儲存</translation>
    </message>
    <message>
        <source>My note on: {title}</source>
        <translation>我的筆記：{title}</translation>
    </message>
    <message>
        <source>A free note (not about one page)</source>
        <translation>一般筆記（不屬於某一頁）</translation>
    </message>
    <message>
        <source>This note was changed in another BreastEdu window. Your text is still here and has not been saved.</source>
        <translation>這則筆記在另一個 BreastEdu 視窗裡被修改了。您打的字還在這裡，還沒有儲存。</translation>
    </message>
    <message>
        <source>This note was deleted in another BreastEdu window. Your text is still here and has not been saved.</source>
        <translation>這則筆記在另一個 BreastEdu 視窗裡被刪除了。您打的字還在這裡，還沒有儲存。</translation>
    </message>
    <message>
        <source>something went wrong</source>
        <translation>發生了問題</translation>
    </message>
    <message>
        <source>Not saved: this note {why}.</source>
        <translation>沒有儲存：這則筆記{why}。</translation>
    </message>
    <message>
        <source>An earlier note is not saved yet ({why}). Trying again…</source>
        <translation>前一則筆記還沒有儲存（{why}）。正在重試…</translation>
    </message>
    <message>
        <source>Not saved</source>
        <translation>尚未儲存</translation>
    </message>
    <message>
        <source>Saving is off: your notes can be read, not changed.</source>
        <translation>目前無法儲存：您的筆記可以閱讀，但不能修改。</translation>
    </message>
    <message>
        <source>Not changed: {why}</source>
        <translation>沒有修改：{why}</translation>
    </message>
    <message>
        <source>Search {why}.</source>
        <translation>搜尋{why}。</translation>
    </message>
</context>
<context>
    <name>notebook.timeline_view</name>
    <message>
        <source>My follow-ups on a timeline</source>
        <extracomment>The narrowest width the picture is drawn at; a narrower pane shows it scaled down (its words stay whole rather than overlapping).</extracomment>
        <translation>我的追蹤檢查時間軸</translation>
    </message>
</context>
<context>
    <name>printing.actions</name>
    <message>
        <source>&amp;Print…</source>
        <extracomment>Packs of at least this many sheets show a progress dialog. Where the pack&apos;s sheet languages are kept in the window settings (JSON: slug -&gt; language).</extracomment>
        <translation>列印(&amp;P)…</translation>
    </message>
    <message>
        <source>Print this page as a sheet</source>
        <translation>把這一頁印成單張</translation>
    </message>
    <message>
        <source>Print pre&amp;view</source>
        <translation>預覽列印(&amp;V)</translation>
    </message>
    <message>
        <source>See the printed pages first</source>
        <translation>先看看印出來的樣子</translation>
    </message>
    <message>
        <source>Save as P&amp;DF…</source>
        <translation>另存為 PDF(&amp;D)…</translation>
    </message>
    <message>
        <source>Save this page as a PDF sheet</source>
        <translation>把這一頁存成 PDF 單張</translation>
    </message>
    <message>
        <source>Sheet &amp;options…</source>
        <translation>單張選項(&amp;O)…</translation>
    </message>
    <message>
        <source>Sections, large print, paper</source>
        <translation>要印的部分、大字、紙張</translation>
    </message>
    <message>
        <source>Printed</source>
        <translation>已列印</translation>
    </message>
    <message>
        <source>Preparing the sheets…</source>
        <translation>正在準備單張…</translation>
    </message>
    <message>
        <source>Saved {name}:</source>
        <translation>已儲存 {name}：</translation>
    </message>
    <message>
        <source>Preparing the preview…</source>
        <translation>正在準備預覽…</translation>
    </message>
    <message>
        <source>Preparing {count} sheets…</source>
        <translation>正在準備 {count} 份單張…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Handout pack</source>
        <translation>講義包</translation>
    </message>
    <message>
        <source>Cancelled: nothing was printed or saved.</source>
        <translation>已取消：沒有列印，也沒有儲存任何東西。</translation>
    </message>
    <message>
        <source>Could not print: {error}</source>
        <translation>無法列印：{error}</translation>
    </message>
    <message>
        <source>Could not print: something went wrong ({error}).</source>
        <translation>無法列印：發生了問題（{error}）。</translation>
    </message>
    <message>
        <source>Preparing the list of topics…</source>
        <translation>正在準備主題清單…</translation>
    </message>
    <message>
        <source>Save as PDF</source>
        <translation>另存為 PDF</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>PDF 檔案 (*.pdf)</translation>
    </message>
    <message>
        <source>{done} {pages}.</source>
        <translation>{done} {pages}。</translation>
    </message>
    <message>
        <source>1 page</source>
        <translation>1 頁</translation>
    </message>
    <message>
        <source>{count} pages</source>
        <translation>{count} 頁</translation>
    </message>
</context>
<context>
    <name>printing.pack_builder</name>
    <message>
        <source>English</source>
        <extracomment>What each sheet language is called in the dialog (translated where shown).</extracomment>
        <translation>英文 (English)</translation>
    </message>
    <message>
        <source>繁體中文 (Chinese)</source>
        <translation>繁體中文</translation>
    </message>
    <message>
        <source>Both (Chinese, then English)</source>
        <translation>中英對照（先中文，再英文）</translation>
    </message>
    <message>
        <source>Add to the handout pack</source>
        <extracomment>Groups in tree order: (group title, its topics).</extracomment>
        <translation>加入講義包</translation>
    </message>
    <message>
        <source>Search topics and answers, e.g. &apos;lump&apos; or &apos;TI-RADS&apos;</source>
        <extracomment>slug -&gt; the drop-down of its language in the tree.</extracomment>
        <translation>搜尋主題和解答，例如「硬塊」或「TI-RADS」</translation>
    </message>
    <message>
        <source>Search for sheets to add</source>
        <translation>搜尋要加入的單張</translation>
    </message>
    <message>
        <source>Search results to tick</source>
        <translation>可以勾選的搜尋結果</translation>
    </message>
    <message>
        <source>Tick topics and answers below, or search for them.</source>
        <translation>在下面勾選主題和解答，或搜尋它們。</translation>
    </message>
    <message>
        <source>Sheet</source>
        <translation>單張</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>語言</translation>
    </message>
    <message>
        <source>Topics and their answered questions</source>
        <translation>主題和已回答的問題</translation>
    </message>
    <message>
        <source>Topic sheet: </source>
        <translation>主題單張：</translation>
    </message>
    <message>
        <source>Tick all topics</source>
        <translation>勾選全部主題</translation>
    </message>
    <message>
        <source>Untick all</source>
        <translation>全部取消勾選</translation>
    </message>
    <message>
        <source>Language of every sheet</source>
        <translation>每份單張的語言</translation>
    </message>
    <message>
        <source>Set all to:</source>
        <translation>全部設為：</translation>
    </message>
    <message>
        <source>Add to the pack</source>
        <translation>加入講義包</translation>
    </message>
    <message>
        <source>Already in the handout pack</source>
        <translation>已經在講義包裡</translation>
    </message>
    <message>
        <source>Language of this sheet</source>
        <translation>這份單張的語言</translation>
    </message>
    <message>
        <source>Add {count} to the pack</source>
        <translation>把 {count} 份加入講義包</translation>
    </message>
    <message>
        <source>{count} found: tick the ones to add.</source>
        <translation>找到 {count} 個：請勾選要加入的。</translation>
    </message>
    <message>
        <source>Nothing found.</source>
        <translation>找不到。</translation>
    </message>
    <message>
        <source>Added 1 sheet to the handout pack.</source>
        <translation>已把 1 份單張加入講義包。</translation>
    </message>
    <message>
        <source>Added {count} sheets to the handout pack.</source>
        <translation>已把 {count} 份單張加入講義包。</translation>
    </message>
</context>
<context>
    <name>printing.preview</name>
    <message>
        <source>Print preview: {title}</source>
        <extracomment>Share of the screen the preview opens at.</extracomment>
        <translation>預覽列印：{title}</translation>
    </message>
    <message>
        <source>Printed pages</source>
        <translation>印出來的頁面</translation>
    </message>
    <message>
        <source>&amp;Print…</source>
        <translation>列印(&amp;P)…</translation>
    </message>
    <message>
        <source>Save as P&amp;DF…</source>
        <translation>另存為 PDF(&amp;D)…</translation>
    </message>
    <message>
        <source>Zoom out</source>
        <translation>縮小</translation>
    </message>
    <message>
        <source>Zoom in</source>
        <translation>放大</translation>
    </message>
    <message>
        <source>Fit width</source>
        <translation>符合寬度</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>關閉</translation>
    </message>
    <message>
        <source>Number of pages</source>
        <translation>頁數</translation>
    </message>
    <message>
        <source>1 page</source>
        <translation>1 頁</translation>
    </message>
    <message>
        <source>{count} pages</source>
        <translation>{count} 頁</translation>
    </message>
</context>
<context>
    <name>printing.sheet_options</name>
    <message>
        <source>A4 (210 × 297 mm)</source>
        <translation>A4（210 × 297 公釐）</translation>
    </message>
    <message>
        <source>US Letter (8.5 × 11 in)</source>
        <translation>美式 Letter（8.5 × 11 英寸）</translation>
    </message>
    <message>
        <source>Key points</source>
        <extracomment>What each section&apos;s check box says (core&apos;s SECTION_LABELS, marked for translation here).</extracomment>
        <translation>重點</translation>
    </message>
    <message>
        <source>Full guide</source>
        <translation>完整指南</translation>
    </message>
    <message>
        <source>Words used on this sheet</source>
        <translation>本單張用到的詞</translation>
    </message>
    <message>
        <source>Related questions (titles and short answers)</source>
        <translation>相關問題（標題和簡短回答）</translation>
    </message>
    <message>
        <source>&quot;My questions&quot; box to write in</source>
        <translation>可以寫字的「我的問題」框</translation>
    </message>
    <message>
        <source>Sheet options</source>
        <translation>單張選項</translation>
    </message>
    <message>
        <source>A topic sheet has</source>
        <translation>主題單張包含</translation>
    </message>
    <message>
        <source>A question&apos;s sheet always has the question and its answer (the editors&apos; or a doctor&apos;s).</source>
        <translation>問題的單張一定會有問題和它的回答（編輯群的或醫師的）。</translation>
    </message>
    <message>
        <source>Large print (16 pt text)</source>
        <translation>大字（16 點字）</translation>
    </message>
    <message>
        <source>In a pack, start each sheet on a new leaf (for double-sided printing)</source>
        <translation>講義包裡每份單張都從新的一張紙開始（雙面列印用）</translation>
    </message>
    <message>
        <source>Each sheet starts on the front of a page, so a pack printed on both sides can be split into one handout per person. Adds a blank page where needed.</source>
        <translation>每份單張都從一張紙的正面開始，所以雙面列印的講義包可以分成每人一份。需要時會加一頁空白頁。</translation>
    </message>
    <message>
        <source>P&amp;aper:</source>
        <translation>紙張(&amp;A)：</translation>
    </message>
    <message>
        <source>Paper</source>
        <translation>紙張</translation>
    </message>
</context>
<context>
    <name>search.models</name>
    <message>
        <source>Question</source>
        <translation>問題</translation>
    </message>
    <message>
        <source>Topic guide</source>
        <translation>主題指南</translation>
    </message>
    <message>
        <source>Topic</source>
        <translation>主題</translation>
    </message>
</context>
<context>
    <name>search.panel</name>
    <message>
        <source>Search, e.g. lump under arm</source>
        <translation>搜尋，例如：腋下硬塊</translation>
    </message>
    <message>
        <source>Results appear as you type.</source>
        <translation>打字時就會出現結果。</translation>
    </message>
    <message>
        <source>Your results will appear as soon as it is.</source>
        <translation>準備好後就會顯示結果。</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>搜尋</translation>
    </message>
    <message>
        <source>Search the library (Ctrl+F). ↓ moves to the results, Enter opens one.</source>
        <translation>搜尋資料庫 (Ctrl+F)。按 ↓ 移到結果，按 Enter 開啟。</translation>
    </message>
    <message>
        <source>Did you mean</source>
        <translation>您是不是要找</translation>
    </message>
    <message>
        <source>A spelling the library knows; open it to search for it</source>
        <translation>資料庫認得的寫法；開啟它就會用它搜尋</translation>
    </message>
    <message>
        <source>Search results</source>
        <translation>搜尋結果</translation>
    </message>
    <message>
        <source>Pages that match your search, best first. Enter opens one.</source>
        <translation>符合搜尋的頁面，最相關的在前面。按 Enter 開啟。</translation>
    </message>
    <message>
        <source>No results</source>
        <translation>沒有結果</translation>
    </message>
    <message>
        <source>Nothing matched; topics to look through instead</source>
        <translation>沒有符合的結果；可以改看這些主題</translation>
    </message>
    <message>
        <source>Getting search ready: {share} % of {total} questions.</source>
        <translation>正在準備搜尋：{total} 個問題已完成 {share}%。</translation>
    </message>
    <message>
        <source>Getting search ready.</source>
        <translation>正在準備搜尋。</translation>
    </message>
    <message>
        <source>1 result</source>
        <translation>1 個結果</translation>
    </message>
    <message>
        <source>{count} results</source>
        <translation>{count} 個結果</translation>
    </message>
    <message>
        <source>Search did not work: {detail}. Please try other words.</source>
        <translation>搜尋沒有成功：{detail}。請換別的詞試試看。</translation>
    </message>
    <message>
        <source>Search did not work. Please try other words.</source>
        <translation>搜尋沒有成功。請換別的詞試試看。</translation>
    </message>
    <message>
        <source>Showing results for {word}</source>
        <translation>顯示 {word} 的結果</translation>
    </message>
    <message>
        <source>Did you mean {word}?</source>
        <translation>您是不是要找 {word}？</translation>
    </message>
    <message>
        <source>Search for &apos;{word}&apos;</source>
        <translation>搜尋「{word}」</translation>
    </message>
    <message>
        <source>Browse a topic instead:</source>
        <translation>改看一個主題：</translation>
    </message>
    <message>
        <source>No results for &apos;{query}&apos;.</source>
        <translation>找不到「{query}」的結果。</translation>
    </message>
</context>
<context>
    <name>shell.actions</name>
    <message>
        <source>Back</source>
        <translation>上一頁</translation>
    </message>
    <message>
        <source>Go back</source>
        <translation>回上一頁</translation>
    </message>
    <message>
        <source>Next part of the window</source>
        <translation>視窗的下一個區塊</translation>
    </message>
    <message>
        <source>Jump to the next part</source>
        <translation>跳到下一個區塊</translation>
    </message>
    <message>
        <source>Previous part of the window</source>
        <translation>視窗的上一個區塊</translation>
    </message>
    <message>
        <source>Jump to the previous part</source>
        <translation>跳到上一個區塊</translation>
    </message>
    <message>
        <source>Forward</source>
        <translation>下一頁</translation>
    </message>
    <message>
        <source>Go forward</source>
        <translation>往下一頁</translation>
    </message>
    <message>
        <source>Home</source>
        <translation>首頁</translation>
    </message>
    <message>
        <source>Go to the home page</source>
        <translation>回到首頁</translation>
    </message>
    <message>
        <source>Glossary</source>
        <translation>名詞解釋</translation>
    </message>
    <message>
        <source>Open the glossary of words</source>
        <translation>開啟名詞解釋</translation>
    </message>
    <message>
        <source>Smaller text in the whole window</source>
        <translation>整個視窗的字變小</translation>
    </message>
    <message>
        <source>Larger text in the whole window</source>
        <translation>整個視窗的字變大</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>搜尋</translation>
    </message>
    <message>
        <source>Search the library</source>
        <translation>搜尋資料庫</translation>
    </message>
    <message>
        <source>Normal text size</source>
        <translation>一般字級</translation>
    </message>
    <message>
        <source>Topics</source>
        <translation>主題</translation>
    </message>
    <message>
        <source>Show or hide the search and the topics (Ctrl+T)</source>
        <translation>顯示或隱藏搜尋和主題 (Ctrl+T)</translation>
    </message>
    <message>
        <source>Navigation</source>
        <translation>瀏覽</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>檔案(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>結束(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>檢視(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Colours</source>
        <translation>色彩(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Text size</source>
        <translation>字級(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>語言(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>說明(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;Keyboard shortcuts</source>
        <translation>鍵盤快速鍵(&amp;K)</translation>
    </message>
    <message>
        <source>Welcome</source>
        <translation>歡迎</translation>
    </message>
    <message>
        <source>Privacy and your data</source>
        <translation>隱私和您的資料</translation>
    </message>
    <message>
        <source>Who writes this</source>
        <translation>內容由誰撰寫</translation>
    </message>
    <message>
        <source>About BreastEdu</source>
        <translation>關於 BreastEdu</translation>
    </message>
</context>
<context>
    <name>shell.banner</name>
    <message>
        <source>Notice</source>
        <translation>通知</translation>
    </message>
    <message>
        <source>Notice action</source>
        <translation>通知動作</translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation>關閉</translation>
    </message>
    <message>
        <source>Hide this notice</source>
        <translation>隱藏這則通知</translation>
    </message>
</context>
<context>
    <name>shell.launch</name>
    <message>
        <source>Opening the library…</source>
        <translation>正在開啟資料庫…</translation>
    </message>
    <message>
        <source>Starting</source>
        <translation>啟動中</translation>
    </message>
    <message>
        <source>BreastEdu cannot start</source>
        <translation>BreastEdu 無法啟動</translation>
    </message>
    <message>
        <source>Your notes folder cannot be used</source>
        <translation>無法使用您的筆記資料夾</translation>
    </message>
</context>
<context>
    <name>shell.main_window</name>
    <message>
        <source>Loading the library…</source>
        <translation>正在載入資料庫…</translation>
    </message>
    <message>
        <source>Follow-up</source>
        <translation>追蹤檢查</translation>
    </message>
    <message>
        <source>Add a follow-up date from this page</source>
        <translation>從這一頁新增追蹤檢查日期</translation>
    </message>
    <message>
        <source>My notebook</source>
        <translation>我的筆記本</translation>
    </message>
    <message>
        <source>My &amp;data</source>
        <translation>我的資料(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;Add to handout pack</source>
        <translation>加入衛教單組合(&amp;A)</translation>
    </message>
    <message>
        <source>Put this page in the handout pack</source>
        <translation>把這一頁放進衛教單組合</translation>
    </message>
    <message>
        <source>Show follow-ups</source>
        <translation>顯示追蹤檢查</translation>
    </message>
    <message>
        <source>Opening the page…</source>
        <translation>正在開啟頁面…</translation>
    </message>
    <message>
        <source>Open a web page?</source>
        <translation>要開啟網頁嗎？</translation>
    </message>
    <message>
        <source>This link leads to a web page outside BreastEdu:

{url}

Open it in your web browser? You need an internet connection for it.</source>
        <translation>這個連結會開啟 BreastEdu 以外的網頁：

{url}

要用網頁瀏覽器開啟嗎？需要連上網路才能看。</translation>
    </message>
</context>
<context>
    <name>shell.notebook_dock</name>
    <message>
        <source>My notebook</source>
        <extracomment>How often the window looks for writes by another process (the CLI, a second window).</extracomment>
        <translation>我的筆記本</translation>
    </message>
    <message>
        <source>My notes</source>
        <translation>我的筆記</translation>
    </message>
    <message>
        <source>Follow-ups</source>
        <translation>追蹤檢查</translation>
    </message>
    <message>
        <source>Handout pack</source>
        <translation>衛教單組合</translation>
    </message>
    <message>
        <source>My notebook: notes, follow-ups or the handout pack</source>
        <translation>我的筆記本：筆記、追蹤檢查或衛教單組合</translation>
    </message>
    <message>
        <source>Left and right arrows switch the tab</source>
        <translation>用左右方向鍵切換分頁</translation>
    </message>
    <message>
        <source>Export follow-ups to a calendar (.ics)…</source>
        <translation>把追蹤檢查匯出到行事曆 (.ics)…</translation>
    </message>
    <message>
        <source>Print my visit sheet (PDF)…</source>
        <translation>列印我的看診單 (PDF)…</translation>
    </message>
    <message>
        <source>Close {title}</source>
        <translation>關閉{title}</translation>
    </message>
    <message>
        <source>Close {title} (it opens again from the toolbar or the View menu)</source>
        <translation>關閉{title}（可以從工具列或「檢視」選單再打開）</translation>
    </message>
</context>
<context>
    <name>shell.reading</name>
    <message>
        <source>The page you are reading. Tab moves through its links; Backspace goes back.</source>
        <translation>您正在看的頁面。按 Tab 在連結間移動；按 Backspace 回上一頁。</translation>
    </message>
</context>
<context>
    <name>shell.shortcuts</name>
    <message>
        <source>Move between the search box, the topics, the page and your notebook</source>
        <translation>在搜尋框、主題、頁面和筆記本之間移動</translation>
    </message>
    <message>
        <source>Jump to the next / previous part of the window</source>
        <translation>跳到視窗的下一個／上一個區塊</translation>
    </message>
    <message>
        <source>Go back (while reading a page)</source>
        <translation>回上一頁（閱讀頁面時）</translation>
    </message>
    <message>
        <source>Open the selected topic or search result</source>
        <translation>開啟選取的主題或搜尋結果</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>鍵盤快速鍵</translation>
    </message>
    <message>
        <source>Every key you can use in BreastEdu and what it does</source>
        <translation>BreastEdu 裡可以用的每個按鍵和它的作用</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>關閉</translation>
    </message>
</context>
<context>
    <name>shell.sidebar</name>
    <message>
        <source>Topics by group. Enter opens a topic.</source>
        <translation>依類別排列的主題。按 Enter 開啟主題。</translation>
    </message>
    <message>
        <source>&lt;b&gt;Topics&lt;/b&gt;</source>
        <translation>&lt;b&gt;主題&lt;/b&gt;</translation>
    </message>
</context>
<context>
    <name>shell.status</name>
    <message>
        <source>Notes are saved on this computer only</source>
        <translation>筆記只存在這台電腦裡</translation>
    </message>
    <message>
        <source>Nothing you do here is saved</source>
        <translation>在這裡做的一切都不會被儲存</translation>
    </message>
</context>
</TS>
