"""The report's view of actions across a trust's years: persistence and long-running actions.

Why a module beside ``report.py``: the figures come from the stored links
(``db/track_query.py``), not from the frame of single actions the rest of the report reads,
and both the HTML and the Markdown report show them. Links are made per trust over all its
plans, so ``--years`` does not narrow these figures; ``--trust`` does.
"""

from __future__ import annotations

import html

import pandas as pd
from sqlalchemy import Engine

from wres.db.track_query import long_running, persistence

PERSISTENCE_HEADERS = {"trust": "trust", "plans": "plans", "actions": "actions",
                       "carried_over_share": "carried over %", "median_chain_length":
                       "median plans per action", "completed_share": "completed %",
                       "completed": "completed", "dropped": "dropped", "ongoing": "ongoing"}
LONG_RUNNING_LIMIT = 50
PERSISTENCE_NOTE = (
    "Each action is linked to the most similar action of the trust's previous plan. "
    "Carried over %: of the actions of every plan but a trust's first, those carried over "
    "from the plan before. Completed %: of the actions that left the plans, those whose last "
    "rating was green or blue (the others were dropped). Ongoing: still in the latest plan.")
LONG_RUNNING_NOTE = ("Actions in two or more successive plans, still in the trust's latest "
                     "plan and not rated green or blue there; longest first.")


def track_figures(engine: Engine, trusts: list[str]) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Persistence per trust and the long-running actions, for the trusts named exactly."""
    wanted = set(trusts)
    shares = persistence(engine)
    shares = shares[shares["trust"].isin(wanted)].reset_index(drop=True)
    longest = long_running(engine)
    longest = longest[longest["trust"].isin(wanted)].reset_index(drop=True)
    return shares, longest


def persistence_table(shares: pd.DataFrame) -> pd.DataFrame:
    """The persistence figures as the report prints them (shares as whole percentages)."""
    frame = shares[list(PERSISTENCE_HEADERS)].copy()
    for column in ("carried_over_share", "completed_share"):
        frame[column] = [None if pd.isna(v) else round(100 * v) for v in frame[column]]
    return frame.rename(columns=PERSISTENCE_HEADERS)


def _cell(value: object) -> str:
    return "" if value is None or pd.isna(value) else html.escape(str(value))


def _html_table(frame: pd.DataFrame, css_class: str) -> str:
    headers = "".join(f"<th>{html.escape(str(c))}</th>" for c in frame.columns)
    rows = "".join("<tr>" + "".join(f"<td>{_cell(v)}</td>" for v in row) + "</tr>"
                   for row in frame.itertuples(index=False))
    return (f'<table class="{css_class}"><thead><tr>{headers}</tr></thead>'
            f"<tbody>{rows}</tbody></table>")


def html_sections(shares: pd.DataFrame, longest: pd.DataFrame) -> list[str]:
    """Two report sections (empty when no trust has linked plans); all text escaped."""
    if shares.empty:
        return []
    sections = [_section("Actions carried over and completed",
                         _html_table(persistence_table(shares), "summary"), PERSISTENCE_NOTE)]
    shown = longest.head(LONG_RUNNING_LIMIT)
    content = _html_table(shown, "long-running") if len(shown) else "<p>None.</p>"
    sections.append(_section(f"Longest-running actions not yet green ({len(longest)})",
                             content, LONG_RUNNING_NOTE))
    return sections


def _section(heading: str, content: str, note: str) -> str:
    return (f"<section><h2>{html.escape(heading)}</h2>"
            f'<p class="note">{html.escape(note)}</p>{content}</section>')


def markdown_parts(shares: pd.DataFrame, longest: pd.DataFrame) -> list[str]:
    """The same two sections in Markdown."""
    from wres.ingest.report_md import to_markdown

    if shares.empty:
        return []
    parts = ["## Actions carried over and completed\n",
             to_markdown(persistence_table(shares), index=False), f"{PERSISTENCE_NOTE}\n",
             f"## Longest-running actions not yet green ({len(longest)})\n"]
    shown = longest.head(LONG_RUNNING_LIMIT)
    parts.append(to_markdown(shown, index=False) if len(shown) else "None.\n")
    return parts
