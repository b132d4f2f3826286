"""The list labels Word draws from ``numbering.xml`` ("1.", "1.1", "a)", "iv").

Why by hand: python-docx stores numbering but does not render it, and a Ref column numbered
by Word holds no text at all: its "1.1" exists only as a paragraph's ``w:numPr`` pointing at
a list definition. (docx2python renders labels but reads the whole document its own way,
without the spans and fills this reader keeps.) The rules followed are Word's:

- a paragraph is numbered by its own ``w:numPr`` or its paragraph style's (through
  ``w:basedOn``); ``numId`` 0 switches numbering off;
- a ``w:num`` points at an ``w:abstractNum`` (possibly through a numbering style link);
  counters belong to the abstract list, so two nums of one list continue each other, and a
  ``w:lvlOverride/w:startOverride`` restarts the list the first time its num is used;
- a level's counter starts at ``w:start`` and goes back to it whenever a higher level is
  used again; ``w:lvlText`` "%1.%2" shows the counters of levels 1 and 2 in their own
  ``w:numFmt``; ``w:isLgl`` shows them all as decimals;
- bullets (``numFmt`` "bullet") are no label at all: a glyph is not text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from docx.oxml.ns import qn

MAX_LEVELS = 9
_PLACEHOLDER = re.compile(r"%([1-9])")
_ROMAN = ((1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"),
          (50, "l"), (40, "xl"), (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i"))


@dataclass
class Level:
    start: int = 1
    fmt: str = "decimal"
    text: str = "%1."
    legal: bool = False
    restart_after: int | None = None  # w:lvlRestart: restart only after this level (1-based)


@dataclass
class ListDefinition:
    levels: dict[int, Level] = field(default_factory=dict)


def _val(node, path: str) -> str | None:
    found = node.find("/".join(qn(p) for p in path.split("/")))
    return None if found is None else found.get(qn("w:val"))


def _int(text: str | None, default: int) -> int:
    try:
        return int(text) if text is not None else default
    except ValueError:
        return default


def _level(lvl) -> Level:
    restart = _val(lvl, "w:lvlRestart")
    legal = lvl.find(qn("w:isLgl"))
    return Level(
        start=_int(_val(lvl, "w:start"), 1),
        fmt=_val(lvl, "w:numFmt") or "decimal",
        text=_val(lvl, "w:lvlText") if _val(lvl, "w:lvlText") is not None else "",
        legal=legal is not None and legal.get(qn("w:val")) not in ("0", "false", "off"),
        restart_after=_int(restart, 0) if restart is not None else None,
    )


def format_number(number: int, fmt: str) -> str:
    """One counter in one of Word's number formats; unknown formats read as decimal."""
    if fmt in ("lowerLetter", "upperLetter"):
        letter = chr(ord("a") + (number - 1) % 26) * ((number - 1) // 26 + 1) if number > 0 \
            else str(number)
        return letter.upper() if fmt == "upperLetter" else letter
    if fmt in ("lowerRoman", "upperRoman") and 0 < number < 4000:
        out, rest = "", number
        for value, numeral in _ROMAN:
            while rest >= value:
                out, rest = out + numeral, rest - value
        return out.upper() if fmt == "upperRoman" else out
    if fmt == "decimalZero":
        return f"{number:02d}"
    if fmt == "none":
        return ""
    return str(number)


class Numbering:
    """Walks a document's paragraphs in order and gives each numbered one its label."""

    def __init__(self, numbering_root, styles_root) -> None:
        self._abstract: dict[str, ListDefinition] = {}
        self._nums: dict[str, tuple[str, dict[int, int], dict[int, Level]]] = {}
        self._style_numpr: dict[str, tuple[str | None, int | None, str | None]] = {}
        self._style_link: dict[str, str] = {}
        self._counters: dict[str, dict[int, int]] = {}
        self._nums_used: set[str] = set()
        if styles_root is not None:
            self._read_styles(styles_root)
        if numbering_root is not None:
            self._read_numbering(numbering_root)

    def _read_styles(self, root) -> None:
        for style in root.findall(qn("w:style")):
            style_id = style.get(qn("w:styleId"))
            if not style_id:
                continue
            num_id = _val(style, "w:pPr/w:numPr/w:numId")
            ilvl = _val(style, "w:pPr/w:numPr/w:ilvl")
            based = _val(style, "w:basedOn")
            self._style_numpr[style_id] = (num_id, None if ilvl is None else _int(ilvl, 0),
                                           based)

    def _read_numbering(self, root) -> None:
        for abstract in root.findall(qn("w:abstractNum")):
            definition = ListDefinition()
            for lvl in abstract.findall(qn("w:lvl")):
                definition.levels[_int(lvl.get(qn("w:ilvl")), 0)] = _level(lvl)
            abstract_id = abstract.get(qn("w:abstractNumId")) or ""
            self._abstract[abstract_id] = definition
            link = _val(abstract, "w:numStyleLink")
            if link:
                self._style_link[abstract_id] = link
        for num in root.findall(qn("w:num")):
            starts: dict[int, int] = {}
            levels: dict[int, Level] = {}
            for override in num.findall(qn("w:lvlOverride")):
                ilvl = _int(override.get(qn("w:ilvl")), 0)
                start = _val(override, "w:startOverride")
                if start is not None:
                    starts[ilvl] = _int(start, 1)
                lvl = override.find(qn("w:lvl"))
                if lvl is not None:
                    levels[ilvl] = _level(lvl)
            self._nums[num.get(qn("w:numId")) or ""] = (
                _val(num, "w:abstractNumId") or "", starts, levels)

    def _abstract_of(self, num_id: str, depth: int = 0) -> str | None:
        if num_id not in self._nums or depth > 3:
            return None
        abstract_id = self._nums[num_id][0]
        link = self._style_link.get(abstract_id)
        if link and depth < 3:  # a list that only names a numbering style: follow the style
            linked = self._numpr_of_style(link)[0]
            if linked and linked != num_id:
                return self._abstract_of(linked, depth + 1) or abstract_id
        return abstract_id

    def _numpr_of_style(self, style_id: str | None) -> tuple[str | None, int]:
        seen: set[str] = set()
        while style_id and style_id not in seen and style_id in self._style_numpr:
            seen.add(style_id)
            num_id, ilvl, based = self._style_numpr[style_id]
            if num_id is not None:
                return num_id, ilvl or 0
            style_id = based
        return None, 0

    def _numpr_of(self, p) -> tuple[str | None, int]:
        num_id = _val(p, "w:pPr/w:numPr/w:numId")
        ilvl = _val(p, "w:pPr/w:numPr/w:ilvl")
        if num_id is None:
            style_num, style_lvl = self._numpr_of_style(_val(p, "w:pPr/w:pStyle"))
            return style_num, _int(ilvl, style_lvl)
        return num_id, _int(ilvl, 0)

    def label(self, p) -> str | None:
        """Advance the list ``p`` belongs to and return its label (None: not numbered or a
        bullet). Call once per paragraph, in document order."""
        num_id, ilvl = self._numpr_of(p)
        if not num_id or num_id == "0" or num_id not in self._nums:
            return None
        abstract_id = self._abstract_of(num_id)
        definition = self._abstract.get(abstract_id or "")
        if definition is None:
            return None
        ilvl = max(0, min(ilvl, MAX_LEVELS - 1))
        levels = self._levels_of(num_id, definition)
        counters = self._counters.setdefault(abstract_id or "", {})
        if num_id not in self._nums_used:  # a num with start overrides restarts its list
            self._nums_used.add(num_id)
            for overridden in self._nums[num_id][1]:
                counters.pop(overridden, None)
        level = levels.get(ilvl, Level())
        counters[ilvl] = counters[ilvl] + 1 if ilvl in counters else level.start
        for deeper in range(ilvl + 1, MAX_LEVELS):
            restart = levels.get(deeper, Level()).restart_after
            if restart is None or restart > ilvl:  # 0: never restarts
                counters.pop(deeper, None)
        if level.fmt == "bullet":
            return None
        return self._render(level, levels, counters)

    def _levels_of(self, num_id: str, definition: ListDefinition) -> dict[int, Level]:
        """The abstract list's levels with this num's own levels and start values."""
        _, starts, own = self._nums[num_id]
        levels = {**definition.levels, **own}
        for index, start in starts.items():
            base = levels.get(index, Level())
            levels[index] = Level(start=start, fmt=base.fmt, text=base.text, legal=base.legal,
                                  restart_after=base.restart_after)
        return levels

    def _render(self, level: Level, levels: dict[int, Level], counters: dict[int, int]) -> str:
        def one(match: re.Match[str]) -> str:
            index = int(match.group(1)) - 1
            shown = levels.get(index, Level())
            value = counters.get(index, shown.start)
            return format_number(value, "decimal" if level.legal else shown.fmt)

        return _PLACEHOLDER.sub(one, level.text).strip()


def paragraph_labels(document) -> dict:
    """Label of every numbered paragraph of a python-docx ``Document``'s body, keyed by its
    ``w:p`` element; counters run in document order through tables and paragraphs alike."""
    part = document.part
    try:
        numbering_root = part.numbering_part.element
    except (KeyError, NotImplementedError, AttributeError):
        return {}
    styles_root = part.styles.element if part.styles is not None else None
    numbering = Numbering(numbering_root, styles_root)
    labels = {}
    for p in document.element.body.iter(qn("w:p")):
        label = numbering.label(p)
        if label:
            labels[p] = label
    return labels
