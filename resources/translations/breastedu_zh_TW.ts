<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_TW">
<context>
    <name>common.crash</name>
    <message>
        <source>Something went wrong</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Something went wrong in BreastEdu.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy details</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>common.theme</name>
    <message>
        <source>Normal</source>
        <extracomment>Text size presets: (key, label, scale of every font in the window).</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Large</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Larger</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Largest</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Same as the computer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Light</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dark</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>High contrast</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>library.outline</name>
    <message>
        <source>The headings and links of this page; Enter jumps to one</source>
        <extracomment>Headings deeper than this (h4…) stay out of the outline; h1 is the page&apos;s title.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>On this page</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Headings of the page, with its links under each. Enter jumps to a heading or opens a link.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>library.question_list</name>
    <message>
        <source>Questions people asked</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>library.reader</name>
    <message>
        <source>Page</source>
        <extracomment>The reading column never grows past this many characters per line (WCAG 1.4.8 says 80); wider windows get margins instead, the column centred.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Definition</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close the definition</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filter the glossary: type a word, then press Enter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filter the glossary</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>library.topic_tree</name>
    <message>
        <source>Topics</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>notebook.basket_pane</name>
    <message>
        <source>Sheets in the handout pack</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add topic or question pages with File → Add to handout pack, then print them together with a contents page.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move down</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clear all</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Print pack…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Preview</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save pack as PDF…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clear the handout pack?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Take every sheet out of the handout pack?</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>notebook.followups_form</name>
    <message>
        <source>e.g. Mammogram</source>
        <extracomment>Short, to read after the field&apos;s label (&quot;Repeat: From the due date&quot;) and to fit a narrow pane at the largest text size (a combo box cannot wrap its text). Narrower than this many average characters, each label goes above its field.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Repeat</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>every </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> months</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Repeat every how many months</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Link to this page</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Optional, e.g. bring the old films</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save follow-up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Done on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Record it</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>notebook.followups_pane</name>
    <message>
        <source>My follow-ups</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Done on…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Calendar file (.ics)…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Visit sheet (PDF)…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add a follow-up date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Record the day you had it; the next one is planned by its repeat</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save your follow-ups as a file your calendar app can import</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save a one-page sheet of follow-ups and questions for your doctor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Follow-up status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save follow-ups for your calendar</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Calendar files (*.ics)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save my visit sheet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete this follow-up?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close without saving?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This follow-up has changes you have not saved. Close it and lose them?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No follow-ups yet. Press “Add…” to plan one.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>notebook.my_data</name>
    <message>
        <source>Export all my data…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save every note and follow-up to a file (a backup)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import my data…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add notes and follow-ups from a file you exported</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete all my data…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Erase every note and follow-up from this computer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete all my data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep my data</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>notebook.notes_pane</name>
    <message>
        <source>Note on this page</source>
        <extracomment>What she can choose when closing with a note that could not be saved. Notes that left the editor with a save still in flight or failed (retried here).</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New free note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write about the page you are reading</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start a note that is not about one page</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>My note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write what you want to remember or ask. It is saved as you type.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ask my doctor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Put this note on your list of questions for your doctor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep mine</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the text in the editor over the other version</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your other notes on this page:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Other notes on this page</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All my notes, and questions for my doctor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search my notes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>My notes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No notes yet. Write in the box above: your note is saved as you type.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All my notes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tick a question once you have asked it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Questions for my doctor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Take off the list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your note is not saved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the text to a file, keep trying, or discard it?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save to a file…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep trying</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Discard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Opening your note…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not saved</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>search.models</name>
    <message>
        <source>Question</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Topic guide</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Topic</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>search.panel</name>
    <message>
        <source>Search, e.g. lump under arm</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Results appear as you type.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search the library (Ctrl+F). ↓ moves to the results, Enter opens one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Did you mean</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A spelling the library knows; open it to search for it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search results</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pages that match your search, best first. Enter opens one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No results</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing matched; topics to look through instead</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>shell.actions</name>
    <message>
        <source>Back</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Go back</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next part of the window</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Jump to the next part</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Previous part of the window</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Jump to the previous part</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Forward</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Go forward</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Home</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Go to the home page</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Glossary</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open the glossary of words</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Smaller text in the whole window</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Larger text in the whole window</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search the library</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Normal text size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Topics</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show or hide the search and the topics (Ctrl+T)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Navigation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Colours</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Text size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Keyboard shortcuts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Welcome</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Privacy and your data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Who writes this</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>About BreastEdu</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>shell.banner</name>
    <message>
        <source>Notice</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Notice action</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hide this notice</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>shell.launch</name>
    <message>
        <source>Starting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>BreastEdu cannot start</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>shell.main_window</name>
    <message>
        <source>Loading the library…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Follow-up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ctrl+Shift+F</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add a follow-up date from this page</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>My notebook</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>My &amp;data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Add to handout pack</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ctrl+Shift+A</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Put this page in the handout pack</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show follow-ups</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Opening the page…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open a web page?</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>shell.notebook_dock</name>
    <message>
        <source>My notebook</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>My notes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Follow-ups</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Handout pack</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>My notebook: notes, follow-ups or the handout pack</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Left and right arrows switch the tab</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export follow-ups to a calendar (.ics)…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Print my visit sheet (PDF)…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>shell.reading</name>
    <message>
        <source>The page you are reading. Tab moves through its links; Backspace goes back.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>shell.shortcuts</name>
    <message>
        <source>Keyboard shortcuts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every key you can use in BreastEdu and what it does</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>shell.sidebar</name>
    <message>
        <source>Topics by group. Enter opens a topic.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;Topics&lt;/b&gt;</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
