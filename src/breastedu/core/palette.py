"""Every colour BreastEdu shows, as named roles, for each theme (pure data, Qt-free).

One :class:`Palette` per theme: light, dark and high contrast. The widgets' style sheet
(``ui/common/theme.py``), the reader's page CSS (:func:`breastedu.core.render.html.page_css`), the
search result rows, the follow-up states and the printed visit sheet all take their colours
from here, so a theme is changed in one place. :data:`TEXT_PAIRS` and :data:`GRAPHIC_PAIRS`
name every foreground/background pair the app draws; a test checks each one against WCAG
(4.5:1 for text, 3:1 for borders, focus rings and icons; 7:1 for text in high contrast).
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass

#: Theme choices a user can make; "system" follows the desktop's light/dark setting.
THEME_CHOICES = ("light", "dark", "high-contrast", "system")


@dataclass(frozen=True)
class Palette:
    """The colours of one theme, as ``#rrggbb`` strings, by what they are used for."""

    name: str
    dark: bool
    # Widgets
    window: str  # panels, dialogs, the status bar
    text: str  # text on window, base, sidebar, toolbar and buttons
    base: str  # input fields, lists
    sidebar: str  # the topic tree
    toolbar: str
    toolbar_hover: str
    button: str
    disabled: str  # disabled controls (exempt from WCAG, still kept readable)
    border: str  # field and button borders
    focus: str  # the keyboard focus ring
    selection: str
    selection_text: str
    error: str
    # The reader's pages
    surface: str  # the page background
    ink: str  # body text
    muted: str  # facts, dates, captions (also on widgets)
    heading: str
    link: str
    term: str  # a glossary term (a link that opens a definition)
    term_bg: str
    card_bg: str  # topic cards on the home page
    question_bg: str
    reply_bg: str
    reply_edge: str  # the bar at the left of a doctor's reply
    reply_title: str
    note_bg: str  # "not in the library yet" boxes
    # Notices: the banner, the definition bar, the notes conflict bar
    notice_bg: str
    notice_text: str
    notice_edge: str
    # Search words marked in results and on the page
    mark_bg: str
    mark_text: str
    # Follow-up states: icon colours and row tints (with the text drawn on the tints)
    overdue: str
    overdue_bg: str
    due_soon: str
    due_soon_bg: str
    upcoming: str
    done: str
    tint_text: str

    def role(self, name: str) -> str:
        """The colour of the role called ``name`` (KeyError for an unknown role)."""
        if name not in ROLES:
            raise KeyError(name)
        return str(getattr(self, name))


ROLES = tuple(f.name for f in dataclasses.fields(Palette) if f.type == "str" and f.name != "name")

LIGHT = Palette(
    name="light",
    dark=False,
    window="#f3f6f9",
    text="#1d2733",
    base="#ffffff",
    sidebar="#fafcfd",
    toolbar="#e9f0f5",
    toolbar_hover="#d5e3ee",
    button="#e6edf3",
    disabled="#6f7a86",
    border="#6f7f8f",
    focus="#1f6f8b",
    selection="#cfe3ef",
    selection_text="#10212f",
    error="#a00000",
    surface="#ffffff",
    ink="#1d2733",
    muted="#4f5a67",
    heading="#15324a",
    link="#1f5f99",
    term="#5b2f8c",
    term_bg="#f1eaf9",
    card_bg="#f1f6fa",
    question_bg="#f1f4f7",
    reply_bg="#e9f4ef",
    reply_edge="#2e7d5b",
    reply_title="#1e5c41",
    note_bg="#fff8e5",
    notice_bg="#fff3cd",
    notice_text="#4a3b00",
    notice_edge="#a07a10",
    mark_bg="#ffe08a",
    mark_text="#1d2733",
    overdue="#b00020",
    overdue_bg="#fdecee",
    due_soon="#8a5a00",
    due_soon_bg="#fff4d6",
    upcoming="#1f5fa8",
    done="#2e7d32",
    tint_text="#1a1a1a",
)

DARK = Palette(
    name="dark",
    dark=True,
    window="#1b2129",
    text="#e6ebf0",
    base="#12171d",
    sidebar="#161c23",
    toolbar="#232b35",
    toolbar_hover="#33404d",
    button="#2a333e",
    disabled="#8a96a3",
    border="#7f8d9b",
    focus="#62b6d6",
    selection="#2d5470",
    selection_text="#ffffff",
    error="#ff8a80",
    surface="#12171d",  # = base: the page and its side margins are one colour
    ink="#e3e8ee",
    muted="#aab5c1",
    heading="#cfe3f5",
    link="#8cc4ff",
    term="#dcbfff",
    term_bg="#2e2440",
    card_bg="#1f2833",
    question_bg="#1f262f",
    reply_bg="#15302a",
    reply_edge="#4fb88a",
    reply_title="#94dfbc",
    note_bg="#332b15",
    notice_bg="#3a3115",
    notice_text="#f5e3a8",
    notice_edge="#c9a33e",
    mark_bg="#ffd866",
    mark_text="#1a1a1a",
    overdue="#ff7b88",
    overdue_bg="#3d1a1e",
    due_soon="#f0b44c",
    due_soon_bg="#3a2e12",
    upcoming="#7fb2ff",
    done="#6fcf7f",
    tint_text="#f5eef0",
)

HIGH_CONTRAST = Palette(
    name="high-contrast",
    dark=True,
    window="#000000",
    text="#ffffff",
    base="#000000",
    sidebar="#000000",
    toolbar="#000000",
    toolbar_hover="#262626",
    button="#000000",
    disabled="#b0b0b0",
    border="#ffffff",
    focus="#ffff00",
    selection="#ffff00",
    selection_text="#000000",
    error="#ff9c9c",
    surface="#000000",
    ink="#ffffff",
    muted="#e6e6e6",
    heading="#ffffff",
    link="#ffff00",
    term="#7ffcff",
    term_bg="#000000",
    card_bg="#141414",
    question_bg="#141414",
    reply_bg="#001a0d",
    reply_edge="#00ff88",
    reply_title="#7dffbf",
    note_bg="#1a1a00",
    notice_bg="#1a1a00",
    notice_text="#ffff9c",
    notice_edge="#ffff00",
    mark_bg="#ffff00",
    mark_text="#000000",
    overdue="#ff8080",
    overdue_bg="#2a0000",
    due_soon="#ffc640",
    due_soon_bg="#2a1f00",
    upcoming="#8cc8ff",
    done="#66ff66",
    tint_text="#ffffff",
)

THEMES: dict[str, Palette] = {p.name: p for p in (LIGHT, DARK, HIGH_CONTRAST)}

#: Every (text, background) pair drawn: 4.5:1 at least (7:1 in high contrast).
TEXT_PAIRS: tuple[tuple[str, str], ...] = (
    ("text", "window"),
    ("text", "base"),
    ("text", "sidebar"),
    ("text", "toolbar"),
    ("text", "toolbar_hover"),
    ("text", "button"),
    ("muted", "window"),
    ("muted", "base"),
    ("muted", "sidebar"),
    ("heading", "base"),
    ("link", "base"),
    ("link", "window"),
    ("error", "window"),
    ("error", "base"),
    ("selection_text", "selection"),
    ("ink", "surface"),
    ("ink", "card_bg"),
    ("ink", "question_bg"),
    ("ink", "reply_bg"),
    ("ink", "note_bg"),
    ("muted", "surface"),
    ("muted", "card_bg"),
    ("muted", "question_bg"),
    ("muted", "reply_bg"),
    ("heading", "surface"),
    ("link", "surface"),
    ("link", "card_bg"),
    ("link", "question_bg"),
    ("link", "reply_bg"),
    ("link", "note_bg"),
    ("term", "term_bg"),
    ("reply_title", "reply_bg"),
    ("notice_text", "notice_bg"),
    ("link", "notice_bg"),
    ("mark_text", "mark_bg"),
    ("tint_text", "overdue_bg"),
    ("tint_text", "due_soon_bg"),
)

#: Borders, focus rings and icons against what they sit on: 3:1 at least.
GRAPHIC_PAIRS: tuple[tuple[str, str], ...] = (
    ("border", "base"),
    ("border", "window"),
    ("focus", "window"),
    ("focus", "base"),
    ("focus", "surface"),
    ("focus", "sidebar"),
    ("focus", "toolbar"),
    ("reply_edge", "reply_bg"),
    ("notice_edge", "notice_bg"),
    ("overdue", "overdue_bg"),
    ("due_soon", "due_soon_bg"),
    ("upcoming", "base"),
    ("done", "base"),
)


def theme_for(choice: str, *, system_dark: bool = False) -> Palette:
    """The palette for a theme choice; "system" picks dark or light as the desktop does.

    Raises ValueError for a name that is not in :data:`THEME_CHOICES`.
    """
    if choice == "system":
        return DARK if system_dark else LIGHT
    if choice not in THEMES:
        raise ValueError(f"unknown theme {choice!r} (choose {', '.join(THEME_CHOICES)})")
    return THEMES[choice]


def relative_luminance(colour: str) -> float:
    """WCAG 2 relative luminance of ``#rrggbb``."""
    channels = [int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast_ratio(first: str, second: str) -> float:
    """WCAG 2 contrast ratio between two ``#rrggbb`` colours (1.0 to 21.0)."""
    high, low = sorted((relative_luminance(first), relative_luminance(second)), reverse=True)
    return (high + 0.05) / (low + 0.05)


@dataclass(frozen=True)
class PrintPalette:
    """Printed sheets: greys only, so a black-and-white printer loses nothing (any theme)."""

    ink: str = "#000000"  # body text
    muted: str = "#444444"  # facts, captions, the disclaimer
    rule: str = "#555555"  # box borders, writing lines, header and footer rules
    tint: str = "#eeeeee"  # the key points and "My questions" boxes


PRINT = PrintPalette()


# Drawings ------------------------------------------------------------------------------------
# The bundled illustrations take their text and page colours from the theme's Palette and their
# fills from here (see breastedu.core.render.drawings).


@dataclass(frozen=True)
class DrawingColours:
    """The fills and edges a drawing uses beyond the page's own text colours (``#rrggbb``).

    Each kind of part has a fill and an edge; the edges stay at least 3:1 against the page
    (a test checks), so a shape is seen by its outline even where fills look alike.
    """

    skin: str
    skin_edge: str
    tissue: str  # fatty tissue of the breast
    tissue_edge: str
    gland: str  # lobules, ducts, the thyroid
    gland_edge: str
    lump: str  # a solid lump or nodule
    lump_edge: str
    fluid: str  # a cyst's fluid
    fluid_edge: str
    node: str  # lymph nodes
    node_edge: str
    tool: str  # machines, needles, probes
    tool_edge: str
    accent: str  # what the drawing points at (a painful spot, the dose)
    accent_edge: str
    panel: str  # boxes behind words (the ladders' steps)


DRAWING_COLOURS: dict[str, DrawingColours] = {
    "light": DrawingColours(
        skin="#f6dfd0",
        skin_edge="#9a6a50",
        tissue="#fbefcf",
        tissue_edge="#9c7a3c",
        gland="#f0aebb",
        gland_edge="#a3405a",
        lump="#d9c6ee",
        lump_edge="#5b3d7a",
        fluid="#cfe6f7",
        fluid_edge="#2a6593",
        node="#bfe3b3",
        node_edge="#3a7332",
        tool="#d7dde3",
        tool_edge="#3e4c5a",
        accent="#ffe08a",
        accent_edge="#8a5a00",
        panel="#f1f4f7",
    ),
    "dark": DrawingColours(
        skin="#4d372d",
        skin_edge="#d8a88f",
        tissue="#3f3722",
        tissue_edge="#d9bf86",
        gland="#6e3343",
        gland_edge="#f2a2b4",
        lump="#41325a",
        lump_edge="#cdb3ef",
        fluid="#1c3f5c",
        fluid_edge="#8cc4ff",
        node="#274a22",
        node_edge="#9fd08f",
        tool="#33404d",
        tool_edge="#c0ccd8",
        accent="#5c4a10",
        accent_edge="#ffd866",
        panel="#1f2833",
    ),
    "high-contrast": DrawingColours(
        skin="#1a1a1a",
        skin_edge="#ffffff",
        tissue="#1f1c00",
        tissue_edge="#ffff00",
        gland="#2e0014",
        gland_edge="#ff9cc0",
        lump="#1d0033",
        lump_edge="#d9a6ff",
        fluid="#001a33",
        fluid_edge="#8cc8ff",
        node="#002a00",
        node_edge="#66ff66",
        tool="#1a1a1a",
        tool_edge="#ffffff",
        accent="#2a2a00",
        accent_edge="#ffff00",
        panel="#141414",
    ),
}


#: Drawings of a scan on a screen look the same in every theme (fluid black, tissue grey).
@dataclass(frozen=True)
class ScanColours:
    screen: str = "#262626"
    echo: str = "#8f8f8f"
    fluid: str = "#000000"
    edge: str = "#e0e0e0"


SCAN = ScanColours()

#: Pure white and black, for a mark drawn on any background in whichever reads better.
WHITE = "#ffffff"
BLACK = "#000000"
