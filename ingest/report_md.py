"""The benchmarking report as Markdown tables, for pasting into a board paper.

Why our own writer rather than ``DataFrame.to_markdown``: that needs ``tabulate``, one more
dependency for twenty lines; and board papers need cells that cannot break the table (a
``|`` or a line break inside an action text would). Every text that came from a document
or a user (cells, trust names, file names, the title) goes through
``safe_text.markdown_text``: rendered, it is its own text, never HTML, a link or emphasis.
"""

from __future__ import annotations

import pandas as pd

from wres.ingest import report as figures
from wres.ingest.report import ReportData
from wres.safe_text import markdown_text

ACTION_TEXT_LIMIT = 120  # characters of an action shown in the overdue list


def _cell(value: object) -> str:
    if value is None or (not isinstance(value, list | tuple) and pd.isna(value)):
        return ""
    if isinstance(value, list | tuple):
        value = "; ".join(str(v) for v in value)
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return markdown_text(value)


def _is_numeric(column: pd.Series) -> bool:
    return column.dtype.kind in "iuf" or (
        column.dtype == object and len(column) > 0
        and all(isinstance(v, int | float) and not isinstance(v, bool) for v in column))


def to_markdown(frame: pd.DataFrame, *, index: bool | None = None) -> str:
    """A GitHub-style pipe table of ``frame``; numbers are right-aligned.

    The index becomes the first column when it is named (as ``wres compare`` tables are,
    "trust") or when ``index`` is True; a plain 0, 1, 2... index is left out.
    """
    show_index = index if index is not None else frame.index.name is not None
    table = frame.reset_index() if show_index else frame
    headers = [_cell(name) for name in table.columns]
    aligns = ["---:" if _is_numeric(table[name]) else "---" for name in table.columns]
    lines = ["| " + " | ".join(headers) + " |", "| " + " | ".join(aligns) + " |"]
    for row in table.itertuples(index=False):
        lines.append("| " + " | ".join(_cell(value) for value in row) + " |")
    return "\n".join(lines) + "\n"


def _short(text: object) -> str:
    text = " ".join(str(text or "").split())
    return text if len(text) <= ACTION_TEXT_LIMIT else text[:ACTION_TEXT_LIMIT - 1] + "\u2026"


def overdue_list(data: ReportData) -> pd.DataFrame:
    """The overdue actions, oldest target first, in the columns a board reads."""
    frame = data.actions[data.actions["overdue"]].sort_values(["due_date", "trust", "ref"])
    return pd.DataFrame({
        "trust": frame["trust"], "ref": frame["ref"],
        "action": [_short(text) for text in frame["action"]], "owner": frame["owner"],
        "due": frame["due_date"], "rag": frame["rag"],
        "source": [source_note(f, p) for f, p in zip(frame["source_file"], frame["page"],
                                                     strict=True)]})


def source_note(source_file: str, page: object) -> str:
    return source_file if page is None or pd.isna(page) else f"{source_file} p. {int(page)}"


def render_markdown(data: ReportData, *, title: str) -> str:
    """The whole report: summary, indicator and theme tables, years, RAG, overdue list."""
    parts = [f"# {markdown_text(title)}\n",
             f"Covers {markdown_text(data.chosen.describe())}; {len(data.actions)} actions. "
             f"Overdue as of {data.as_of.isoformat()}: target date passed and not rated "
             "green or blue.\n"]
    if data.actions.empty:
        parts.append("No actions match.\n")
        return "\n".join(parts)
    sections = [
        ("Summary per trust", figures.summary(data),
         "Shares of RAG ratings are percentages of each trust's actions."),
        ("Actions per WRES indicator", figures.indicator_matrix(data),
         "\"none\": the plan ties the action to no indicator."),
        ("Actions per theme", figures.theme_matrix(data),
         "An action with two themes counts under both."),
        ("Actions per plan period", figures.actions_per_period(data), None),
    ]
    for heading, table, note in sections:
        parts.append(f"## {heading}\n")
        parts.append(to_markdown(table))
        if note:
            parts.append(f"{note}\n")
    over_time = figures.rag_over_time(data)
    if not over_time.empty:
        pivot = over_time.pivot_table(index=["trust", "period"], columns="rag",
                                      values="actions", sort=False).astype(int)
        pivot = pivot[[c for c in figures.RAG_COLUMNS if c in pivot.columns]]
        parts.append("## RAG ratings over time\n")
        parts.append(to_markdown(pivot.reset_index(), index=False))
    from wres.ingest.report_track import markdown_parts

    parts.extend(markdown_parts(data.persistence, data.long_running))
    parts.extend(_notes(data))
    overdue = overdue_list(data)
    parts.append(f"## Overdue actions ({len(overdue)})\n")
    parts.append(to_markdown(overdue, index=False) if len(overdue) else "None.\n")
    return "\n".join(parts)


def _notes(data: ReportData) -> list[str]:
    parts = []
    unread = figures.unread_documents(data)
    if len(unread):
        parts.append("## Documents that gave no actions\n")
        parts.append(to_markdown(unread, index=False))
    duplicates = figures.duplicate_periods(data)
    if duplicates:
        parts.append("Several counted documents for one trust and period (different plans, "
                     "or every copy with `--all-documents`): "
                     + markdown_text("; ".join(duplicates)) + ".\n")
    if data.left_out:
        parts.append("Copies not counted (see `wres plans`): "
                     + markdown_text("; ".join(data.left_out)) + ".\n")
    return parts
