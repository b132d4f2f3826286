"""``wres extract --explain``: why each action got its themes.

Why a separate listing: a theme that is wrong moves a trust in every heat map, so an analyst
must be able to see the words that gave it and challenge them. Evidence read from the
objective (where the action is terse) is marked "objective:", a theme given by the
similarity fallback "similar:". Document text is printed as plain text through rich with
every cell a ``rich.text.Text``, so a plan cannot inject console markup.
"""

from __future__ import annotations

from rich.console import Console
from rich.table import Table as RichTable
from rich.text import Text

from wres.schema import ActionRecord


def explanation_lines(record: ActionRecord) -> list[str]:
    """One line per theme: "theme <- word, word"; "(no theme)" when there is none."""
    if not record.themes:
        return ["(no theme)"]
    return [f"{theme} <- {', '.join(record.theme_evidence.get(theme, [])) or '?'}"
            for theme in record.themes]


def print_explanations(records: list[ActionRecord], console: Console) -> None:
    """A table: file, ref, indicators, the action (shortened) and why each theme was given."""
    view = RichTable(title=f"why these themes: {len(records)} actions")
    for column in ("file", "ref", "indicators", "action", "themes <- words that gave them"):
        view.add_column(column, overflow="fold")
    for record in records:
        cells = (record.source_file, record.ref or "", ", ".join(map(str, record.indicators)),
                 record.action[:70], "\n".join(explanation_lines(record)))
        view.add_row(*(Text(cell) for cell in cells))
    console.print(view)
