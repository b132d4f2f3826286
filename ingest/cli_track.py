"""``wres track`` and ``wres compare --by persistence``: actions followed across the years.

Why a module of its own: ``cli_db.py`` holds the commands of single plans; these read the
links between a trust's plans (``db/links.py``, ``db/track_query.py``). ``register(app)``
adds ``track`` and ``relink``; ``cli_db.compare`` hands ``--by persistence`` to
``print_persistence``. Document text goes into rich tables as ``Text`` (never markup).
"""

from __future__ import annotations

import json

import typer
from rich.table import Table as RichTable
from rich.text import Text

from wres.ingest import cli_common as common

DB_HELP = "SQLite file or SQLAlchemy URL (default: $WRES_DB or wres.db)"


def register(app: typer.Typer) -> None:
    app.command("track")(track)
    app.command("relink")(relink)


def _print_json(data: object) -> None:
    print(json.dumps(data, ensure_ascii=False, indent=1))


def _cell(value: object) -> Text:
    return Text("" if value is None or value != value else str(value))  # NaN != NaN


def _print_table(frame: object, title: str) -> None:
    """A rich table of ``frame`` whose every cell is plain text (document text may hold
    brackets that rich would read as markup)."""
    view = RichTable(title=Text(title))
    for column in frame.columns:
        view.add_column(str(column), overflow="fold", min_width=18 if column == "trust" else None,
                        max_width=60 if column == "action" else 40 if column == "trust" else None)
    for row in frame.itertuples(index=False):
        view.add_row(*(_cell(v) for v in row))
    common.out.print(view)


def track(
    trust: str = typer.Option(..., "--trust", help="the trust's name, or a part of it"),
    db: str = typer.Option(None, "--db", help=DB_HELP),
    as_json: bool = typer.Option(False, "--json", help="print JSON (chains of actions)"),
) -> None:
    """A trust's actions through its plans: a row per action chain, a column per plan."""
    from wres.db import track_query
    from wres.ingest.cli_db import _guard

    if as_json:
        _print_json(_guard(lambda: track_query.track(db, trust)))
        return
    links = _guard(lambda: track_query.trust_links(db, trust))
    frame = _guard(lambda: track_query.track_frame(db, links.trust))
    _print_table(frame, f"{links.trust}: {len(links.chains)} action chains over "
                        f"{len(links.plans)} plans")


def print_persistence(db: str | None, trusts: list[str] | None, as_json: bool,
                      fmt: str) -> None:
    """``wres compare --by persistence``: per trust, how actions carry over and end."""
    from wres.db.track_query import persistence
    from wres.ingest.cli_db import _frame_rows, _guard

    frame = _guard(lambda: persistence(db, trusts=trusts))
    if as_json:
        _print_json(_frame_rows(frame))
    elif fmt == "md":
        from wres.ingest.report_md import to_markdown

        print(to_markdown(frame, index=False))
    else:
        _print_table(_persistence_view(frame), "persistence of actions per trust")


def _share(count: object, share: object) -> str:
    return f"{count}" if share is None or share != share else f"{count} ({round(100 * share)}%)"


def _persistence_view(frame: object) -> object:
    """The persistence figures in few columns: counts with their shares beside them."""
    import pandas as pd

    return pd.DataFrame({
        "trust": frame["trust"], "plans": frame["plans"], "actions": frame["actions"],
        "carried over": [_share(c, s) for c, s in zip(frame["carried_over"],
                                                      frame["carried_over_share"], strict=True)],
        "median": frame["median_chain_length"],
        "completed": [_share(c, s) for c, s in zip(frame["completed"],
                                                   frame["completed_share"], strict=True)],
        "dropped": frame["dropped"], "ongoing": frame["ongoing"]})


def relink(db: str = typer.Option(None, "--db", help=DB_HELP)) -> None:
    """Recompute the links between every trust's plans (for databases ingested before
    links existed; ``wres ingest`` keeps them up to date by itself)."""
    from wres.db.engine import make_engine, upgrade_to_head
    from wres.db.links import relink_all
    from wres.ingest.cli_db import _guard

    def run() -> int:
        engine = make_engine(db)
        upgrade_to_head(engine)
        return relink_all(engine)

    count = _guard(run)
    common.out.print(f"linked {count} actions", markup=False, highlight=False)
