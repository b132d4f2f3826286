"""Text from documents made safe for each place it is written to.

Why one module: plan text comes from hundreds of outside websites and is untrusted. It is
cleaned of control characters once, where it enters the table model, and escaped for its
medium wherever it leaves: a terminal (rich reads ``[...]`` as markup, ESC starts escape
sequences), a spreadsheet (a cell starting with ``=`` is a formula), Markdown (``[x](...)``
is a link, ``<img ...>`` is raw HTML) and HTML/plotly labels (plotly renders ``<a href>``).
Every output path of the project goes through these few functions, so a new output cannot
forget one rule of the others. Only the standard library is used: ``html.escape`` is the
escaper for HTML; the others are a handful of characters each.
"""

from __future__ import annotations

import html
import re

# C0 controls except tab and line feed, carriage return, DEL and the C1 controls.
CONTROL_CHARS = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
# What a spreadsheet may read as the start of a formula (OWASP CSV injection).
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
# CommonMark: characters that start inline syntax (links, emphasis, code, raw HTML,
# entities, tables); a backslash before any ASCII punctuation makes it literal.
_MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]()<>#!|&~])")


def strip_controls(text: str, keep: str = "\t\n") -> str:
    """``text`` with every control character not in ``keep`` replaced by a space (a space,
    not nothing, so two words an odd font separated by a control code stay two words)."""
    if not text:
        return text
    cleaned = CONTROL_CHARS.sub(" ", text)
    if "\t" not in keep:
        cleaned = cleaned.replace("\t", " ")
    if "\n" not in keep:
        cleaned = cleaned.replace("\n", " ")
    return cleaned


def has_controls(text: str) -> bool:
    return bool(text) and CONTROL_CHARS.search(text) is not None


def terminal_text(value: object) -> str:
    """A value as text that can only print as itself on a terminal (no escape sequences,
    no bell, no carriage return overwriting the line)."""
    return "" if value is None else strip_controls(str(value))


def rich_text(value: object, style: str = "") -> object:
    """A ``rich.text.Text`` of ``value``: printed as written, never read as markup."""
    from rich.text import Text

    return Text(terminal_text(value), style=style)


def spreadsheet_cell(value: object) -> object:
    """A value for a CSV or Excel cell: text never starts a formula (OWASP: a leading
    ``= + - @``, tab or CR gets a single quote in front) and has no control characters
    (Excel files cannot hold them). Numbers, dates and empty cells pass unchanged."""
    if not isinstance(value, str):
        return value
    text = CONTROL_CHARS.sub(" ", value.replace("\r\n", "\n")) if value else value
    if text.startswith(FORMULA_STARTS) or value.startswith(FORMULA_STARTS):
        return "'" + text
    return text


def markdown_text(value: object) -> str:
    """A value as inline Markdown that renders as exactly its text: HTML, links, emphasis
    and table pipes are backslash-escaped; line breaks and controls fold to spaces."""
    if value is None:
        return ""
    text = " ".join(strip_controls(str(value)).split())
    return _MARKDOWN_SPECIAL.sub(r"\\\1", text)


def html_text(value: object) -> str:
    """A value as HTML text or attribute value."""
    return "" if value is None else html.escape(strip_controls(str(value)), quote=True)


def plotly_text(value: object) -> str:
    """A value for a plotly label, legend or hover text, which plotly renders as a small
    HTML subset (``<a href>``, ``<b>``, ``<br>``). Quotes stay: plotly decodes ``&lt;``,
    ``&gt;`` and ``&amp;`` back for display, but would show ``&quot;`` as it is."""
    return "" if value is None else html.escape(strip_controls(str(value)), quote=False)
