"""The benchmarking report as one self-contained HTML page.

Why plotly and one inlined copy of plotly.js: regional teams open the file from an e-mail
or a shared drive, often with no internet, so nothing may load from a CDN; the figures
stay interactive (hover for counts, click a cell to list the actions behind it in the
table). Every figure point carries the table filter it stands for in ``customdata``, and
the table rows carry the same keys as ``data-*`` attributes (see templates/report.js).
Document text is untrusted: it goes into the page through ``html.escape`` and into plotly
labels, legends and hover texts through ``safe_text.plotly_text`` (plotly draws ``<a href>``
and ``<b>`` in labels as live HTML); files are named by their base name, never linked by
the analyst's absolute path.
"""

from __future__ import annotations

import html
import json
from importlib import resources
from string import Template

import pandas as pd
import plotly.graph_objects as go
from plotly.colors import qualitative
from plotly.offline import get_plotlyjs
from plotly.subplots import make_subplots

from wres import __version__
from wres.ingest import report as figures
from wres.ingest.report import NONE, RAG_COLUMNS, ReportData
from wres.ingest.report_md import source_note
from wres.ingest.report_track import html_sections
from wres.safe_text import html_text, plotly_text

RAG_COLOURS = {"red": "#d5281b", "amber": "#ffb81c", "green": "#007f3b", "blue": "#005eb8",
               NONE: "#aeb7bd"}
PLOT_CONFIG = {"displaylogo": False, "responsive": True}
ROW_HEIGHT = 34  # pixels per trust in a heat map
PRINT_FIGURE_HEIGHT = 560  # px: an A4 landscape page holds this under a heading and note


def _template(name: str) -> str:
    return (resources.files("wres.ingest") / "templates" / name).read_text(encoding="utf-8")


def _inline_script(code: str) -> str:
    """Script text that cannot end its <script> element early."""
    return code.replace("</script", "<\\/script")


def _filter_key(**keys: object) -> str:
    return json.dumps({k: str(v) for k, v in keys.items()}, ensure_ascii=False)


def _figure_html(figure: go.Figure, div_id: str, height: int) -> str:
    figure.update_layout(template="plotly_white", height=height,
                         margin={"l": 10, "r": 10, "t": 40, "b": 10})
    zoom = min(1.0, PRINT_FIGURE_HEIGHT / height)  # printed smaller, never cut in two
    return (f'<div class="figure" style="--print-zoom: {zoom:.3f}">' + figure.to_html(
        full_html=False, include_plotlyjs=False, div_id=div_id, config=PLOT_CONFIG,
        default_height=f"{height}px", default_width="100%") + "</div>")


def heat_map(table: pd.DataFrame, key: str, div_id: str,
             totals: pd.Series | None = None) -> str:
    """Trusts (rows) by category (columns); a click lists that cell's actions.

    With ``totals`` (each trust's number of actions) a cell shows the share of the trust's
    actions, so a big trust does not dominate the colours, and "none" is left out.
    """
    if totals is not None:
        table = table.drop(columns=[NONE], errors="ignore")
    trusts = list(table.index)
    categories = [str(c) for c in table.columns]
    filters = [[_filter_key(trust=t, **{key: c}) for c in categories] for t in trusts]
    counts = table.to_numpy()
    if totals is None:
        z, text, unit = counts, "%{z}", " actions"
    else:
        z = table.div(totals.reindex(table.index).clip(lower=1), axis=0).to_numpy()
        text, unit = "%{z:.0%}", " of its actions"
    figure = go.Figure(go.Heatmap(
        z=z, x=[plotly_text(c) for c in categories],
        y=[plotly_text(t) for t in trusts], customdata=filters, colorscale="Blues",
        texttemplate=text, xgap=2, ygap=2, showscale=False,
        hovertemplate="%{y}<br>" + plotly_text(table.columns.name) + " %{x}: " + text + unit
                      + "<extra></extra>"))
    crowded = sum(len(c) for c in categories) > 80  # labels side by side would overlap
    figure.update_xaxes(type="category", side="top", tickangle=0 if not crowded
                        else -30)
    figure.update_yaxes(type="category", autorange="reversed")
    height = 110 + ROW_HEIGHT * len(trusts) + (90 if crowded else 0)
    return _figure_html(figure, div_id, height)


def period_bars(table: pd.DataFrame, div_id: str) -> str:
    """Actions per plan period, stacked by trust (a click lists one trust's part)."""
    figure = go.Figure()
    periods = [str(p) for p in table.columns]
    for trust, counts in table.iterrows():
        figure.add_bar(name=plotly_text(trust), x=[plotly_text(p) for p in periods],
                       y=counts.to_numpy(),
                       customdata=[_filter_key(trust=trust, period=p) for p in periods],
                       hovertemplate="%{fullData.name}<br>%{x}: %{y} actions<extra></extra>")
    figure.update_xaxes(type="category", title="plan period")
    figure.update_yaxes(title="actions")
    # one legend line per trust beside the bars, and (past ten trusts, where plotly's
    # palette repeats) 24 distinct colours: readable with twenty trusts, in print too
    if len(table.index) > 10:
        figure.update_layout(colorway=qualitative.Dark24)
    figure.update_layout(barmode="stack", legend={"orientation": "v", "x": 1.02, "y": 1,
                                                  "font": {"size": 11}})
    return _figure_html(figure, div_id, max(420, 120 + 20 * len(table.index)))


def rag_bars(over_time: pd.DataFrame, div_id: str) -> str:
    """RAG ratings per period, one panel per trust with several periods (stacked counts)."""
    trusts = list(dict.fromkeys(over_time["trust"]))
    columns = min(len(trusts), 2)
    rows = -(-len(trusts) // columns)
    figure = make_subplots(rows=rows, cols=columns, subplot_titles=[plotly_text(t) for t in trusts],
                           shared_yaxes=True, vertical_spacing=0.18)
    for index, trust in enumerate(trusts):
        mine = over_time[over_time["trust"] == trust]
        for rag in RAG_COLUMNS:
            part = mine[mine["rag"] == rag]
            figure.add_bar(
                name=rag, legendgroup=rag, showlegend=index == 0,
                x=[plotly_text(p) for p in part["period"]],
                y=list(part["actions"]), marker_color=RAG_COLOURS[rag],
                customdata=[_filter_key(trust=trust, period=p, rag=rag)
                            for p in part["period"]],
                text=[f"{share:.0%}" if n else "" for n, share in
                      zip(part["actions"], part["share"], strict=True)],
                hovertemplate=f"{rag}: %{{y}} actions (%{{text}})<extra></extra>",
                row=index // columns + 1, col=index % columns + 1)
    figure.update_xaxes(type="category")
    figure.update_layout(barmode="stack", legend={"orientation": "h", "y": -0.15})
    return _figure_html(figure, div_id, 120 + 300 * rows)


# --- tables -------------------------------------------------------------------------------

def _number_class(value: object) -> str:
    return ' class="num"' if isinstance(value, int | float) and not isinstance(value, bool) else ""


def summary_table(summary: pd.DataFrame) -> str:
    headers = "".join(f"<th>{html.escape(str(c))}</th>" for c in ["trust", *summary.columns])
    lines = [f'<table class="summary"><thead><tr>{headers}</tr></thead><tbody>']
    for trust, row in summary.iterrows():
        cells = "".join(f"<td{_number_class(v)}>{html.escape(str(v))}</td>"
                        for v in row.tolist())
        lines.append(f"<tr><td>{html.escape(str(trust))}</td>{cells}</tr>")
    lines.append("</tbody></table>")
    return "\n".join(lines)


ACTION_HEADERS = ("trust", "period", "ref", "indicator", "themes", "why these themes",
                  "action", "owner",
                  "due (as printed)", "due date", "RAG", "overdue", "source")


def _source_cell(row: pd.Series) -> str:
    """The file's base name and page: never a link to the analyst's own disk."""
    return html.escape(source_note(row["source_file"], row["page"]))


def evidence_text(evidence: dict[str, list[str]]) -> str:
    """'theme: word, word; theme: word' - the words of the action that gave each theme,
    so an analyst can see and challenge a tag (plain text: the caller escapes it)."""
    return "; ".join(f"{name}: {', '.join(words)}" for name, words in evidence.items()
                     if words)


def _text(value: object) -> str:
    return "" if value is None or pd.isna(value) else html_text(value)


def action_row(row: pd.Series) -> str:
    """One table row; its data-* attributes are what the figure clicks filter on."""
    rag = row["rag_label"]
    due_date = "" if row["due_date"] is None or pd.isna(row["due_date"]) else str(row["due_date"])
    attributes = {"trust": row["trust"], "period": row["period"],
                  "indicator": row["indicator_label"], "themes": "|".join(row["themes"]),
                  "rag": rag}
    data = " ".join(f'data-{k}="{html.escape(str(v))}"' for k, v in attributes.items())
    overdue = ' class="overdue"' if row["overdue"] else ""
    indicator = "" if row["indicator_label"] == NONE else row["indicator_label"]
    cells = [
        f'<td class="trust">{_text(row["trust"])}</td>', f"<td>{_text(row['period'])}</td>",
        f"<td>{_text(row['ref'])}</td>", f'<td class="num">{indicator}</td>',
        f"<td>{html.escape('; '.join(row['themes']))}</td>",
        f'<td class="evidence">{html.escape(evidence_text(row["theme_evidence"]))}</td>',
        f'<td class="action">{_text(row["action"])}</td>', f"<td>{_text(row['owner'])}</td>",
        f"<td>{_text(row['due'])}</td>", f'<td class="due-date">{due_date}</td>',
        f'<td data-sort="{RAG_COLUMNS.index(rag)}"><span class="rag rag-{rag}">{rag}</span></td>',
        f"<td>{'yes' if row['overdue'] else ''}</td>",
        f'<td class="source">{_source_cell(row)}</td>']
    return f"<tr {data}{overdue}>" + "".join(cells) + "</tr>"


def actions_table(actions: pd.DataFrame) -> str:
    headers = "".join(f"<th>{html.escape(h)}</th>" for h in ACTION_HEADERS)
    tools = ('<div id="actions-tools"><input id="actions-filter" type="search" '
             'placeholder="Filter: words that must all occur" aria-label="filter actions">'
             '<span id="actions-count"></span><span id="figure-filter" hidden>'
             '<span id="figure-filter-text"></span>'
             '<button id="figure-filter-clear" type="button">clear</button></span></div>')
    body = "\n".join(action_row(row) for _, row in actions.iterrows())
    return (f'{tools}<div class="table-scroll"><table id="actions" class="actions"><thead>'
            f"<tr>{headers}</tr></thead><tbody>\n{body}\n</tbody></table></div>")


def plain_table(frame: pd.DataFrame) -> str:
    headers = "".join(f"<th>{html.escape(str(c))}</th>" for c in frame.columns)
    rows = "".join("<tr>" + "".join(f"<td>{_text(v)}</td>" for v in row) + "</tr>"
                   for row in frame.itertuples(index=False))
    return f"<table><thead><tr>{headers}</tr></thead><tbody>{rows}</tbody></table>"


# --- the page -----------------------------------------------------------------------------

def _section(heading: str, content: str, note: str | None = None) -> str:
    note_html = f'<p class="note">{html.escape(note)}</p>' if note else ""
    return f"<section><h2>{html.escape(heading)}</h2>{note_html}{content}</section>"


def _figure_sections(data: ReportData, share: bool = False) -> list[str]:
    totals = data.actions.groupby("trust").size() if share else None
    what = ("Each trust's share of its own actions" if share else "How many actions")
    sections = [
        _section("Actions per WRES indicator",
                 heat_map(figures.indicator_matrix(data), "indicator", "heatmap-indicator",
                          totals),
                 f"{what} each trust ties to each of the nine WRES indicators; "
                 + ("actions tied to no indicator are left out. " if share else
                    "\"none\": the plan ties the action to no indicator. ")
                 + "Click a cell to list its actions in the table."),
        _section("Actions per theme",
                 heat_map(figures.theme_matrix(data), "themes", "heatmap-theme", totals),
                 f"{what} per theme. Themes are assigned by wres-plans from the action "
                 "text; an action with two themes counts under both"
                 + (", and actions with no theme are left out." if share else ".")),
        *html_sections(data.persistence, data.long_running),
        _section("Actions per plan period",
                 period_bars(figures.actions_per_period(data), "bars-period")),
    ]
    over_time = figures.rag_over_time(data)
    if not over_time.empty:
        sections.append(_section("RAG ratings over time", rag_bars(over_time, "bars-rag"),
                                 "Trusts with plans for more than one period; bars count "
                                 "actions by the rating their plan gives them."))
    return sections


def _notes(data: ReportData) -> list[str]:
    notes = []
    unread = figures.unread_documents(data)
    if len(unread):
        notes.append(_section("Documents that gave no actions", plain_table(unread)))
    duplicates = figures.duplicate_periods(data)
    if duplicates:
        notes.append(f'<p class="note">Several counted documents for one trust and period '
                     f"(different plans, or every copy with <code>--all-documents</code>): "
                     f"{html.escape('; '.join(duplicates))}.</p>")
    if data.left_out:
        notes.append(f'<p class="note">Copies not counted (see <code>wres plans</code>): '
                     f"{html.escape('; '.join(data.left_out))}.</p>")
    return notes


def render_html(data: ReportData, *, title: str, database: str = "", share: bool = False,
                table: bool = True) -> str:
    """The whole page: summary, heat maps, bar charts, notes, and the actions table last
    (``table`` False leaves it out: a board paper needs the figures only)."""
    meta = (f"{len(data.actions)} actions; covers {data.chosen.describe()}; overdue as of "
            f"{data.as_of.isoformat()}" + (f"; database {database}" if database else ""))
    if data.actions.empty:
        body = [_section("No actions", "<p>No stored action matches this report.</p>")]
    else:
        body = [_section("Summary per trust", summary_table(figures.summary(data)),
                         "Shares of RAG ratings are percentages of each trust's actions; "
                         "overdue: target date passed and not rated green or blue.")
                .replace("<section>", '<section class="summary">', 1),
                *_figure_sections(data, share)]
    body.extend(_notes(data))
    if table and not data.actions.empty:
        body.append(_section("All actions", actions_table(data.actions),
                             "Click a header to sort; the source is the file name and page "
                             "the action was read from.")
                    .replace("<section>", '<section class="all-actions">', 1))
    return Template(_template("report.html")).substitute(
        version=html.escape(__version__), title=html.escape(title), meta=html.escape(meta),
        styles=_template("report.css"), plotly_js=_inline_script(get_plotlyjs()),
        body="\n".join(body), script=_inline_script(_template("report.js")))
