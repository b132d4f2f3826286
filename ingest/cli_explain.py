"""``wres extract --explain``: why each action got its themes.

Why a listing of its own: a theme that is wrong moves a trust in every heat map, so an
analyst must be able to see the words that gave it and challenge them. Evidence read from
the objective (where the action is terse) is marked "objective:", a theme given by the
similarity fallback "similar:". Plain lines, not a rich table: they never wrap a word in
two, grep well, and document text cannot act as console markup.
"""

from __future__ import annotations

from typing import TextIO

from wres.schema import ActionRecord

ACTION_CHARS = 90


def explanation_lines(record: ActionRecord) -> list[str]:
    """One line per theme: "theme <- word, word"; "(no theme)" when there is none."""
    if not record.themes:
        return ["(no theme)"]
    return [f"{theme} <- {', '.join(record.theme_evidence.get(theme, [])) or '?'}"
            for theme in record.themes]


def _one_line(text: str) -> str:
    return " ".join(text.replace("\r", " ").replace("\n", " ").split())


def print_explanations(records: list[ActionRecord], stream: TextIO) -> None:
    """Per action: where it is (file, ref, indicators), its text shortened, and one
    indented line per theme with the words that gave it."""
    print(f"why these themes: {len(records)} actions", file=stream)
    for record in records:
        where = [record.source_file, f"ref {record.ref}" if record.ref else None,
                 f"indicators {', '.join(map(str, record.indicators))}"
                 if record.indicators else None]
        print(_one_line(" | ".join(part for part in where if part)), file=stream)
        print(f"  action: {_one_line(record.action)[:ACTION_CHARS]}", file=stream)
        for line in explanation_lines(record):
            print(f"  {_one_line(line)}", file=stream)
