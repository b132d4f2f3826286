"""RAG ratings from a status cell's words or from its shading.

Why two readers: plans state progress either with a word ("AMBER", "G", "R/A", an update
that ends in "RED") or only by colouring the status cell. The normaliser asks the text first
and falls back on the fill (SPEC.md: "from a RAG word in the status cell, else from the
cell's shading").

Text rules, in order:

1. A header key such as "Red = yet to begin Amber = in progress Green = completed" is a key,
   not a rating: text that reads as a key gives None.
2. A colour word that is placed like a rating: the whole text, at the start or end of it
   (after the last update sentence), after "RAG" / "status" / "rating", or written in
   capitals inside mixed-case text. The last one wins ("R/A" -> amber, "Amber/Green" ->
   green). A colour word used in a sentence ("a yellow/red card scheme") is not a rating.
   Single letters (R, A, G, B) count only when the whole cell is made of them.
3. In a short status (a few words), a progress phrase: the plan's own key first, then the
   usual meanings ("not started" -> red, "in progress" -> amber, "on track" -> green,
   "complete" -> green, or blue where the key says blue means complete).

Fill rule: the hue of the shading picks the nearest of the usual RAG swatches; washed-out
tints, greys, white and near-black give None because plans use them for headers and banners.
Blue needs more saturation than the others: pale blues (DEEAF6, DAEEF3, BDD7EE) are the
commonest banner tints, while a blue rating is a strong 0070C0 / 00B0F0 / 9BC2E6.
"""

from __future__ import annotations

import colorsys
import re

COLOUR_WORDS = {
    "red": "red",
    "amber": "amber",
    "orange": "amber",
    "yellow": "amber",
    "green": "green",
    "blue": "blue",
}
LETTERS = {"r": "red", "a": "amber", "g": "green", "b": "blue"}

_COLOUR_RE = re.compile(r"\b(red|amber|orange|yellow|green|blue)\b", re.IGNORECASE)
_KEY_ENTRY_RE = re.compile(
    r"\b(red|amber|green|blue)\b\s*(?:=|:|-|–|—|\bis\b|\bmeans\b)\s*", re.IGNORECASE
)
_LABEL_BEFORE_RE = re.compile(r"(?:\brag\b|\bstatus\b|\brating\b)[\s:=\-–—()]*$", re.IGNORECASE)
_LETTERS_ONLY_RE = re.compile(
    r"^[\s(]*(?:(?:b?rag|rag\s+rating|rag\s+status|rating)\s*[:=\-]?\s*)?"
    r"([RAGB](?:\s*[/\\\-–,&]\s*[RAGB])*)[\s).]*$", re.IGNORECASE)
_SHORT_STATUS_WORDS = 4

# Progress phrases in the order they are tried: negatives before the words they contain.
STATUS_CLASSES: list[tuple[str, re.Pattern[str]]] = [
    ("not_started", re.compile(
        r"\b(not\s+(?:yet\s+)?(?:started|begun|commenced|progressed)|yet\s+to\s+(?:begin|start|"
        r"commence)|no\s+progress|not\s+(?:yet\s+)?(?:complete|completed|achieved|met|implemented)|"
        r"incomplete|overdue|not\s+on\s+track|off\s+track)\b")),
    ("at_risk", re.compile(
        r"\b(at\s+risk|delayed|behind|slipped|slipping|partially|partly|some\s+progress)\b")),
    ("complete", re.compile(
        r"\b(complete|completed|achieved|done|finished|closed|delivered|implemented)\b")),
    ("on_track", re.compile(r"\b(on\s+track|on\s+target)\b")),
    ("in_progress", re.compile(
        r"\b(in\s+progress|on-?\s?going|under\s?way|progressing|started|in\s+development)\b")),
]
DEFAULT_STATUS_COLOURS = {
    "not_started": "red",
    "at_risk": "amber",
    "complete": "green",
    "on_track": "green",
    "in_progress": "amber",
}


def _fold(text: str) -> str:
    return " ".join(text.lower().split())


def status_class(phrase: str) -> str | None:
    """Which kind of progress a short phrase states ("yet to begin" -> "not_started")."""
    folded = _fold(phrase)
    for name, pattern in STATUS_CLASSES:
        if pattern.search(folded):
            return name
    return None


def rag_key_from_text(header: str | None) -> dict[str, str]:
    """Parse a RAG key ("Red = yet to begin Amber = in progress Green = completed").

    Returns {phrase: colour} with phrases folded to lower case, e.g.
    {"yet to begin": "red", "in progress": "amber", "completed": "green"}; {} when the text
    holds fewer than two "colour = meaning" entries (then it is no key).
    """
    if not header:
        return {}
    entries = list(_KEY_ENTRY_RE.finditer(header))
    if len(entries) < 2:
        return {}
    key: dict[str, str] = {}
    for index, entry in enumerate(entries):
        stop = entries[index + 1].start() if index + 1 < len(entries) else len(header)
        phrase = _fold(header[entry.end():stop]).strip(" ,;./()")
        if phrase:
            key[phrase] = entry.group(1).lower()
    return key if len(key) >= 2 else {}


def _is_key(text: str) -> bool:
    return bool(rag_key_from_text(text))


def _letters_rating(text: str) -> str | None:
    match = _LETTERS_ONLY_RE.match(text)
    if not match:
        return None
    letters = re.findall(r"[RAGB]", match.group(1), re.IGNORECASE)
    return LETTERS[letters[-1].lower()]


def _placed_like_rating(text: str, match: re.Match[str]) -> bool:
    """A colour word counts only where a rating sits, not inside a running sentence."""
    before = text[: match.start()]
    after = text[match.end():]
    word = match.group(0)
    if not re.search(r"[A-Za-z0-9]", after) or _LABEL_BEFORE_RE.search(before):
        return True
    has_lower = any(ch.islower() for ch in text)
    if word.isupper() and has_lower:
        return True
    # Start of the cell followed by a break ("Green - policy reviewed", "Amber: ..."), but
    # not the first word of a sentence ("Blue Light services ...", "Red tape ...").
    starts_cell = not re.search(r"[A-Za-z0-9]", before)
    return starts_cell and bool(re.match(r"\s*[-–—:;.,)/]", after))


def _colour_word_rating(text: str) -> str | None:
    found = [m for m in _COLOUR_RE.finditer(text) if _placed_like_rating(text, m)]
    return COLOUR_WORDS[found[-1].group(0).lower()] if found else None


def _complete_means_blue(key: dict[str, str]) -> bool:
    return any(colour == "blue" and status_class(p) == "complete" for p, colour in key.items())


_DATE_WORD = re.compile(
    r"^(?:(?:19|20)\d\d|\d{1,2}[/.\-]\d{1,2}(?:[/.\-]\d{2,4})?|\d{1,2}(?:st|nd|rd|th)|jan\w*|feb\w*|mar\w*|apr\w*|may|jun\w*|jul\w*|aug\w*|sep\w*|"
    r"oct\w*|nov\w*|dec\w*|q[1-4])$")


def _label_words(folded: str) -> int:
    """Words of a status, leaving out dates ("Completed March 2023" is one word)."""
    return sum(1 for word in folded.split() if not _DATE_WORD.match(word) and word != "-")


def _phrase_rating(text: str, key: dict[str, str]) -> str | None:
    folded = _fold(re.sub(r"[^\w\s/-]", " ", text))
    if _label_words(folded) > _SHORT_STATUS_WORDS:
        return None  # a progress sentence ("Four workshops delivered to 96 managers")
    for phrase in sorted(key, key=len, reverse=True):
        if re.search(rf"(?<!\w){re.escape(phrase)}(?!\w)", folded):
            return key[phrase]
    found = status_class(folded)
    if found is None:
        return None
    for phrase, colour in key.items():
        if status_class(phrase) == found:
            return colour
    if found == "complete" and _complete_means_blue(key):
        return "blue"
    return DEFAULT_STATUS_COLOURS[found]


def rag_from_text(text: str | None, key: dict[str, str] | None = None) -> str | None:
    """The RAG rating a status cell states in words, or None.

    ``key`` is what :func:`rag_key_from_text` read from the column header; it decides what
    the plan's own progress phrases mean (and whether "complete" is green or blue).
    """
    if not text or not text.strip():
        return None
    if _is_key(text):
        return None
    key = key or {}
    return _letters_rating(text) or _colour_word_rating(text) or _phrase_rating(text, key)


# --- shading -----------------------------------------------------------------------------

# Swatches plans and Office palettes use for RAG cells: (hex, colour).
RAG_SWATCHES: list[tuple[str, str]] = [
    ("FF0000", "red"), ("C00000", "red"), ("FFC7CE", "red"), ("C0504D", "red"),
    ("FFC000", "amber"), ("FFFF00", "amber"), ("FFEB9C", "amber"), ("F79646", "amber"),
    ("FF9900", "amber"),
    ("00B050", "green"), ("92D050", "green"), ("C6EFCE", "green"), ("00FF00", "green"),
    ("0070C0", "blue"), ("00B0F0", "blue"), ("9BC2E6", "blue"),
]
MAX_HUE_DISTANCE = 40.0  # degrees; purples and magentas fall outside every swatch
MIN_SATURATION = 0.16  # C6EFCE (0.17) is a rating, FCE4D6 (0.15) and E2EFDA (0.09) are tints
MIN_BLUE_SATURATION = 0.30  # 9BC2E6 (0.33) is a rating, BDD7EE (0.21) is a banner tint
MIN_VALUE = 0.35  # near-black
MIN_BLUE_VALUE = 0.55  # navy header fills (1F497D, 002060) are not a "complete" rating


def _hsv(hex_rgb: str) -> tuple[float, float, float] | None:
    cleaned = hex_rgb.strip().lstrip("#").upper()
    if not re.fullmatch(r"[0-9A-F]{6}", cleaned):
        return None
    red, green, blue = (int(cleaned[i:i + 2], 16) / 255 for i in (0, 2, 4))
    hue, saturation, value = colorsys.rgb_to_hsv(red, green, blue)
    return hue * 360, saturation, value


def _hue_distance(first: float, second: float) -> float:
    gap = abs(first - second) % 360
    return min(gap, 360 - gap)


def _nearest_swatch(hue: float) -> tuple[str, float]:
    best_colour, best_gap = "", 360.0
    for swatch, colour in RAG_SWATCHES:
        swatch_hsv = _hsv(swatch)
        assert swatch_hsv is not None
        gap = _hue_distance(hue, swatch_hsv[0])
        if gap < best_gap:
            best_colour, best_gap = colour, gap
    return best_colour, best_gap


def rag_from_fill(hex_rgb: str | None) -> str | None:
    """The RAG rating a cell's shading ("RRGGBB") stands for, or None for no rating."""
    if not hex_rgb:
        return None
    hsv = _hsv(hex_rgb)
    if hsv is None:
        return None
    hue, saturation, value = hsv
    if saturation < MIN_SATURATION or value < MIN_VALUE:
        return None
    colour, gap = _nearest_swatch(hue)
    if gap > MAX_HUE_DISTANCE:
        return None
    if colour == "blue" and (saturation < MIN_BLUE_SATURATION or value < MIN_BLUE_VALUE):
        return None
    return colour
