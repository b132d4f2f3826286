"""What flows down a plan onto the actions under it: section, indicator, objective, ref.

Why a separate object: banner rows, issue rows, ref-only rows and merged grouping cells all
set parts of it, in different plans in different ways; every action row reads it once.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from wres.normalise.indicators import first_indicator, indicators_of_cell, parse_indicators
from wres.normalise.labelled import split_labelled

GROUPING = ("section", "indicator", "objective", "issue")
_BARE_NUMBER = re.compile(r"^\s*[1-9]\.?\s*$")
_NO_INDICATOR = re.compile(r"^\s*(?:n/?a|all|none|various|-|tbc)\.?\s*$", re.IGNORECASE)
_NUMBERED_LABEL = re.compile(
    r"^((?:priority|theme|area|section|goal|aim|workstream|domain|objective|part|strand|"
    r"(?:wres\s+)?(?:indicator|metric|standard))"
    r"(?:\s*(?:\d{1,2}|[a-z]|[ivx]{1,4})\b\.?)?)\s*[:.\-\u2013](?!\d)\s*(\S.*)$", re.IGNORECASE)
_BANNER_PREFIX = re.compile(r"^(.{12,}?):\s+(\S.*)$", re.DOTALL)


@dataclass
class Carry:
    """The running context while walking a document's rows top to bottom."""

    banner: str | None = None  # from banner rows
    heading: str | None = None  # from issue label rows ("Issue: ...")
    indicator: int | None = None
    indicators: list[int] = field(default_factory=list)  # every one named ("5 & 6", "All")
    indicator_words: str | None = None
    objective: str | None = None
    issue: str | None = None
    ref: str | None = None  # from a row holding only an item number
    banner_indicators: list[int] = field(default_factory=list)  # what the banner row named
    seen: set[int] = field(default_factory=set)  # ids of grouping cells already read

    @property
    def section(self) -> str | None:
        return self.banner or self.heading or self.indicator_words

    def start_banner(self, text: str) -> None:
        """A banner row opens a new section: what was under the last one stops here.
        "Indicator 2: Appointments" gives indicator 2 and section "Appointments"."""
        parts = split_labelled(text)
        if "indicator" in parts:
            prefix, theme = None, parts.get("indicator_words") or " ".join(text.split())
        else:
            prefix, theme = _banner_parts(text)
        self.banner = theme
        self.heading = None
        self.indicator = first_indicator(prefix or text)
        self.indicators = parse_indicators(prefix or text)
        self.banner_indicators = list(self.indicators)
        self.indicator_words = None
        self.objective = self.issue = self.ref = None

    def start_group(self, ref: str) -> None:
        """A row holding only an item number opens a new objective group."""
        self.ref = ref
        self.objective = self.issue = None

    def read_grouping(self, column_field: str, text: str) -> None:
        """Take a grouping cell (indicator, objective, issue, section column)."""
        parts = split_labelled(text)
        plain = parts.pop("", None)
        if column_field == "section":  # a new theme: what sat under the last one ends,
            # but not what the banner row above the theme named ("Fair recruitment (WRES 2)")
            self.indicators = list(self.banner_indicators)
            self.indicator = self.indicators[0] if len(self.indicators) == 1 else None
            self.indicator_words = None
            self.objective = self.issue = None
        if "indicator" in parts or column_field == "indicator":
            self._set_indicator(parts, plain, text.strip().split("\n", 1)[0])
            self.indicators = indicators_of_cell(
                text, indicator_column=column_field == "indicator") or (
                [self.indicator] if self.indicator else [])
            if self.indicator is None and len(self.indicators) == 1 \
                    and column_field == "indicator":
                self.indicator = self.indicators[0]  # "1 - Percentage of staff in band"
            plain = None if column_field == "indicator" else plain
        if column_field == "objective":
            self.objective = parts.get("objective") or plain
            self.issue = None
        elif "objective" in parts:
            self.objective = parts["objective"]
        if column_field == "issue":
            self.issue = parts.get("issue") or plain
        elif "issue" in parts:
            self.issue = parts["issue"]
        if column_field == "section" or "section" in parts:
            self.banner = parts.get("section") or plain

    def _set_indicator(self, parts: dict[str, str], plain: str | None,
                       first_line: str) -> None:
        """One indicator named ("Indicator 2: ...", or a bare "5" in an indicator column)
        gives its number; several ("Indicators 1 and 7"), "All" or "N/A" give none."""
        number = parts.get("indicator")
        words = parts.get("indicator_words")
        if number is None and plain:
            found = first_indicator(plain)
            if found is None and _BARE_NUMBER.match(plain):
                found, plain = int(plain.strip().rstrip(".")), None
            number = str(found) if found else None
            words = None  # only "Indicator N: words" names a section; bare prose does not
        if len(parse_indicators(first_line)) > 1:
            number = None
        self.indicator = int(number) if number and number.isdigit() else None
        self.indicator_words = words if words and not _NO_INDICATOR.match(words) else None
        self.objective = self.issue = None

    def read_label_row(self, label_field: str, text: str) -> None:
        """A row "Issue | <text>" or "Objective | <text>" heads the actions below it."""
        if label_field == "issue":
            self.issue = text
            self.heading = text
            self.objective = None
        elif label_field == "objective":
            self.objective = text
        elif label_field == "indicator":
            self.read_grouping("indicator", text)
        elif label_field == "section":
            self.start_banner(text)


def _banner_parts(text: str) -> tuple[str | None, str]:
    """"Actions to progress race equality relating to: Organisational Culture" ->
    (prefix, "Organisational Culture"): the theme is what follows a long lead-in label,
    or a numbering label such as "Priority 2:" or "Theme 3 -"."""
    flat = " ".join(text.split())
    match = _BANNER_PREFIX.match(flat) or _NUMBERED_LABEL.match(flat)
    if match and len(match.group(2)) >= 3:
        return match.group(1), match.group(2).strip()
    return None, flat


def indicator_of_heading(text: str) -> int | None:
    """The one WRES indicator a heading names ("Indicator 4: Access to training")."""
    found = parse_indicators(text.split("\n", 1)[0])
    return found[0] if len(found) == 1 else None


def section_from_heading(text: str) -> str:
    """The section a heading names, without a numbering label ("Priority 1: X" -> "X")."""
    return _banner_parts(text)[1]
