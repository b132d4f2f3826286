"""``wres report``: the figures match the database, and the page works in a real browser.

The database is built from the sample plans (the Word ones, one PDF of a plan also given
as Word, and one unreadable file), and every figure is checked against SQL written here,
not against the report code's own tables.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import re
import shutil
import subprocess
from collections import Counter
from html.parser import HTMLParser
from pathlib import Path

import pandas as pd
import pytest
import typer
from typer.testing import CliRunner

from tests.db.helpers import DOCS, MANIFEST, PLAN_DOCX
from wres.db import query
from wres.errors import BadInputError
from wres.ingest import report as figures
from wres.ingest.batch import BatchOptions, run_batch
from wres.ingest.cli_report import register
from wres.ingest.manifest import read_manifest
from wres.ingest.report_md import to_markdown

AS_OF = dt.date(2024, 1, 1)
PDF_COPY = DOCS / "northamptonshire-healthcare-2016-17.pdf"  # same plan as the .docx
BAD_FILE = DOCS / "bad-empty.docx"
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
ALL_JOINS = ("FROM actions a JOIN plans p ON p.id = a.plan_id "
             "JOIN documents d ON d.id = p.document_id LEFT JOIN trusts t ON t.id = p.trust_id")
# the report counts each plan's current document only (see db/plans.py)
JOINS = (f"{ALL_JOINS} JOIN plan_documents pd ON pd.document_id = d.id AND pd.is_current")
TRUST = "coalesce(t.name, '(unknown trust)')"


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> str:
    path = str(tmp_path_factory.mktemp("report-db") / "wres.db")
    files = [*PLAN_DOCX, PDF_COPY, BAD_FILE]
    outcome = run_batch(files, path, read_manifest(MANIFEST), BatchOptions(workers=0))
    assert outcome.count("ingested") == len(files) - 1, outcome.outcomes
    return path


def sql_counts(db: str, sql: str) -> dict[tuple, int]:
    """Rows of (key..., count) as {key tuple: count}."""
    frame = query.run_sql(db, sql)
    return {tuple(str(v) for v in row[:-1]): int(row[-1])
            for row in frame.itertuples(index=False)}


def indicator_counts(db: str) -> dict[tuple, int]:
    return sql_counts(db, f"SELECT {TRUST}, coalesce(CAST(a.indicator AS TEXT), 'none'), "
                          f"count(*) {JOINS} GROUP BY 1, 2")


def theme_counts(db: str) -> dict[tuple, int]:
    return sql_counts(db, f"SELECT {TRUST}, coalesce(th.name, 'none'), count(*) {JOINS} "
                          "LEFT JOIN action_themes l ON l.action_id = a.id "
                          "LEFT JOIN themes th ON th.id = l.theme_id GROUP BY 1, 2")


def overdue_counts(db: str) -> dict[tuple, int]:
    return sql_counts(db, f"SELECT {TRUST}, count(*) {JOINS} WHERE a.due_date < "
                          f"'{AS_OF.isoformat()}' AND (a.rag IS NULL OR a.rag NOT IN "
                          "('green', 'blue')) GROUP BY 1")


def app() -> typer.Typer:
    standalone = typer.Typer()
    register(standalone)
    return standalone


# --- the tables behind the figures ---------------------------------------------------------

def test_heat_map_tables_hold_the_database_counts(db: str) -> None:
    data = figures.load_report(db, as_of=AS_OF)
    indicators = figures.indicator_matrix(data)
    expected = indicator_counts(db)
    assert list(indicators.columns) == [*map(str, range(1, 10)), "none"]
    for trust in indicators.index:
        for column in indicators.columns:
            assert indicators.loc[trust, column] == expected.get((trust, column), 0)
    assert sum(expected.values()) == int(indicators.to_numpy().sum())
    themes = figures.theme_matrix(data)
    assert {(t, c): int(themes.loc[t, c]) for t in themes.index for c in themes.columns
            if themes.loc[t, c]} == theme_counts(db)


def test_summary_counts_actions_documents_and_overdue(db: str) -> None:
    summary = figures.summary(figures.load_report(db, as_of=AS_OF))
    actions = sql_counts(db, f"SELECT {TRUST}, count(*) {JOINS} GROUP BY 1")
    assert summary["actions"].to_dict() == {k[0]: v for k, v in actions.items()}
    assert summary["overdue"].to_dict() == {t: overdue_counts(db).get((t,), 0)
                                            for t in summary.index}
    # the same rule as `wres overdue`
    assert int(summary["overdue"].sum()) == len(query.overdue(db, AS_OF))
    northants = summary.loc["Northamptonshire Healthcare NHS Foundation Trust"]
    assert (northants["documents"], northants["plans"], northants["years"]) == (1, 1,
                                                                               "2016-2017")
    every = figures.summary(figures.load_report(
        db, as_of=AS_OF, chosen=figures.ReportFilter(all_documents=True)))
    northants = every.loc["Northamptonshire Healthcare NHS Foundation Trust"]
    assert (northants["documents"], northants["plans"], northants["years"]) == (2, 1,
                                                                               "2016-2017")


def test_filters_by_trust_and_years(db: str) -> None:
    kent = figures.load_report(db, chosen=figures.ReportFilter(trusts=["KENT"]))
    assert set(kent.actions["trust"]) == {"Kent Community Health NHS Foundation Trust"}
    in_2016 = figures.load_report(db, chosen=figures.ReportFilter(years=(2016, 2016),
                                                                  all_documents=True))
    assert set(in_2016.actions["period"]) == {"2016-2017"}
    assert len(in_2016.documents) == 2  # the Word and the PDF copy; not the unreadable file


def test_each_plan_counts_once_by_default(db: str) -> None:
    per_document = sql_counts(db, f"SELECT d.source_file, count(*) {ALL_JOINS} "
                                  "WHERE t.name LIKE 'Northamptonshire%' GROUP BY 1")
    assert len(per_document) == 2
    data = figures.load_report(db, chosen=figures.ReportFilter(trusts=["northamptonshire"]))
    assert len(data.actions) == max(per_document.values())
    assert data.actions["source_file"].nunique() == 1
    assert len(data.left_out) == 1 and "a copy of" in data.left_out[0]
    every = figures.load_report(db, chosen=figures.ReportFilter(trusts=["northamptonshire"],
                                                                all_documents=True))
    assert len(every.actions) == sum(per_document.values()) and not every.left_out


@pytest.mark.parametrize(("text", "span"), [("2021", (2021, 2021)), ("2019-2023", (2019, 2023)),
                                            ("2019-23", (2019, 2023)), (None, None)])
def test_parse_years(text: str | None, span: tuple[int, int] | None) -> None:
    assert figures.parse_years(text) == span


@pytest.mark.parametrize("text", ["2023-2019", "last year", "21"])
def test_parse_years_refuses(text: str) -> None:
    with pytest.raises(BadInputError):
        figures.parse_years(text)


def test_to_markdown_escapes_cells_and_aligns_numbers() -> None:
    frame = pd.DataFrame({"action": ["Audit a|b", "Train\nmanagers"], "count": [3, 12]},
                         index=pd.Index(["Trust A", "Trust B"], name="trust"))
    assert to_markdown(frame) == (
        "| trust | action | count |\n"
        "| --- | --- | ---: |\n"
        "| Trust A | Audit a\\|b | 3 |\n"
        "| Trust B | Train managers | 12 |\n")


def test_markdown_report_shows_the_indicator_table(db: str) -> None:
    result = CliRunner().invoke(app(), ["report", "--db", db, "--format", "md",
                                        "--as-of", AS_OF.isoformat()])
    assert result.exit_code == 0, result.output
    section = result.output.split("## Actions per WRES indicator")[1].split("##")[0]
    expected = indicator_counts(db)
    row = next(line for line in section.splitlines() if line.startswith("| United Linc"))
    cells = [c.strip() for c in row.strip("|").split("|")]
    assert cells[1:] == [str(expected.get((cells[0], k), 0))
                         for k in [*map(str, range(1, 10)), "none"]]


def test_html_needs_an_output_file(db: str) -> None:
    result = CliRunner().invoke(app(), ["report", "--db", db])
    assert result.exit_code == 2
    assert "--out" in result.output


# --- the page in headless Chromium -----------------------------------------------------------

class _DomReader(HTMLParser):
    """Texts of a rendered figure (with their parent <g> class and attributes) and the
    rows of the actions table."""

    def __init__(self, figure_id: str) -> None:
        super().__init__()
        self.figure_id, self.depth, self.groups = figure_id, 0, []
        self.texts: list[tuple[str, dict, str]] = []
        self.rows: list[tuple[dict, list[str]]] = []
        self.in_text: dict | None = None
        self.in_table = False

    def handle_starttag(self, tag: str, attrs: list) -> None:
        attributes = dict(attrs)
        if tag == "div" and (self.depth or attributes.get("id") == self.figure_id):
            self.depth += 1
        if tag == "g":
            self.groups.append(attributes.get("class", ""))
        if tag == "text" and self.depth:
            self.in_text = {**attributes, "_group": self.groups[-1] if self.groups else ""}
            self.texts.append((self.in_text["_group"], self.in_text, ""))
        self.in_table |= tag == "table" and attributes.get("id") == "actions"
        if self.in_table and tag == "tr" and "data-trust" in attributes:
            self.rows.append((attributes, []))
        if self.in_table and tag == "td" and self.rows:
            self.rows[-1][1].append("")

    def handle_endtag(self, tag: str) -> None:
        if tag == "div" and self.depth:
            self.depth -= 1
        if tag == "g" and self.groups:
            self.groups.pop()
        if tag == "text":
            self.in_text = None
        if tag == "table":
            self.in_table = False

    def handle_data(self, data: str) -> None:
        if self.in_text is not None:
            group, attributes, text = self.texts[-1]
            self.texts[-1] = (group, attributes, text + data)
        elif self.in_table and self.rows and self.rows[-1][1]:
            self.rows[-1][1][-1] += data


def _translate(attributes: dict, axis: int) -> float:
    found = re.search(r"translate\(([-\d.]+),\s*([-\d.]+)\)", attributes.get("transform", ""))
    return float(found.group(axis + 1)) if found else 0.0


def heat_map_cells(dom: str, figure_id: str) -> dict[tuple[str, str], int]:
    """(trust, column) -> number, read from the SVG the browser drew: cells are matched to
    tick labels by the order of their positions."""
    reader = _DomReader(figure_id)
    reader.feed(dom)
    labels = [(float(a["x"]), float(a["y"]), int(t)) for g, a, t in reader.texts
              if g == "heatmap-label"]
    x_ticks = sorted((_translate(a, 0), a["data-unformatted"]) for g, a, _ in reader.texts
                     if g == "xtick")
    y_ticks = sorted((_translate(a, 1), a["data-unformatted"]) for g, a, _ in reader.texts
                     if g == "ytick")
    xs, ys = sorted({x for x, _, _ in labels}), sorted({y for _, y, _ in labels})
    assert (len(xs), len(ys)) == (len(x_ticks), len(y_ticks)), "one label per cell"
    return {(y_ticks[ys.index(y)][1], x_ticks[xs.index(x)][1]): value
            for x, y, value in labels}


def run_chromium(url: str, profile: Path, *extra: str) -> subprocess.CompletedProcess:
    command = [CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu",
               "--disable-background-networking", "--disable-component-update",
               "--disable-sync", "--no-first-run", "--disable-dev-shm-usage",
               f"--user-data-dir={profile}", "--enable-logging=stderr", "--v=0",
               "--host-resolver-rules=MAP * ~NOTFOUND",  # offline: any fetch would fail
               "--virtual-time-budget=10000", "--window-size=1400,2600", *extra, url]
    return subprocess.run(command, capture_output=True, text=True, timeout=90, check=False)


def console_messages(stderr: str) -> list[str]:
    return [line for line in stderr.splitlines() if ":CONSOLE" in line]


PROBE = """<script>
(function () {
  const rows = () => Array.from(document.querySelectorAll("#actions tbody tr"));
  const visible = () => rows().filter((row) => !row.hidden);
  const input = document.getElementById("actions-filter");
  const out = {};
  input.value = "%(file)s"; input.dispatchEvent(new Event("input"));
  out.typed = visible().length;
  input.value = ""; input.dispatchEvent(new Event("input"));
  const figure = document.getElementById("heatmap-indicator");
  const trace = figure.data[0];
  const cell = trace.customdata[trace.y.indexOf("%(trust)s")][trace.x.indexOf("%(column)s")];
  figure.emit("plotly_click", {points: [{customdata: cell}]});
  out.clicked = visible().length;
  document.getElementById("figure-filter-clear").click();
  out.cleared = visible().length;
  const header = Array.from(document.querySelectorAll("#actions th"))
    .find((th) => th.textContent === "due date");
  const dueDates = () => visible().map((row) => row.cells[header.cellIndex].textContent);
  header.click(); out.ascending = dueDates()[0];
  header.click(); out.descending = dueDates()[0]; out.last = dueDates().slice(-1)[0];
  document.body.insertAdjacentHTML("beforeend",
    "<pre id='probe'>" + JSON.stringify(out) + "</pre>");
}());
</script>"""


@pytest.fixture(scope="module")
def rendered(db: str, tmp_path_factory: pytest.TempPathFactory) -> dict:
    if CHROMIUM is None:
        pytest.skip("chromium is not installed (apt-get install chromium)")
    folder = tmp_path_factory.mktemp("report-html")
    page = folder / "report.html"
    result = CliRunner().invoke(app(), ["report", "--db", db, "--out", str(page),
                                        "--as-of", AS_OF.isoformat()])
    assert result.exit_code == 0, result.output
    html = page.read_text(encoding="utf-8")
    probed = folder / "probed.html"
    probe = PROBE % {"file": PDF_COPY.name, "trust": "United Lincolnshire Hospitals NHS Trust",
                     "column": "3"}
    probed.write_text(html.replace("</body>", probe + "</body>"), encoding="utf-8")
    dom_run = run_chromium(probed.as_uri(), folder / "profile-dom", "--dump-dom")
    screenshot = folder / "report.png"
    shot_run = run_chromium(page.as_uri(), folder / "profile-shot", f"--screenshot={screenshot}")
    keep = os.environ.get("WRES_REPORT_SCREENSHOT")  # a path to keep the picture for a look
    if keep and screenshot.exists():
        shutil.copyfile(screenshot, keep)
    return {"html": html, "dom": dom_run.stdout, "stderr": dom_run.stderr + shot_run.stderr,
            "screenshot": screenshot}


def test_page_is_self_contained(rendered: dict) -> None:
    html = rendered["html"]
    assert not re.search(r"<(script|link|img|iframe)[^>]+(src|href)\s*=", html, re.I)
    assert len(re.findall(r"\* plotly\.js v\d", html)) == 1  # the library inlined once
    figures_drawn = html.count("Plotly.newPlot(")
    assert figures_drawn == 4  # two heat maps, periods, RAG over time (Kent has two years)
    assert html.count("<script") == 2 + figures_drawn  # plotly.js, the table script, figures


def test_browser_shows_no_console_errors(rendered: dict) -> None:
    assert rendered["dom"], rendered["stderr"][-2000:]
    assert console_messages(rendered["stderr"]) == []


def test_heat_maps_show_the_database_counts(db: str, rendered: dict) -> None:
    indicators = heat_map_cells(rendered["dom"], "heatmap-indicator")
    expected = indicator_counts(db)
    trusts = {trust for trust, _ in expected}
    assert {trust for trust, _ in indicators} == trusts
    assert indicators == {(t, c): expected.get((t, c), 0)
                          for t in trusts for c in [*map(str, range(1, 10)), "none"]}
    themes = heat_map_cells(rendered["dom"], "heatmap-theme")
    assert {key: value for key, value in themes.items() if value} == theme_counts(db)


def test_actions_table_lists_every_action_with_its_source(db: str, rendered: dict) -> None:
    reader = _DomReader("none")
    reader.feed(rendered["dom"])
    expected = indicator_counts(db)
    shown = Counter((attributes["data-trust"], attributes["data-indicator"])
                    for attributes, _ in reader.rows)
    assert dict(shown) == expected
    sources = Counter(cells[-1].strip() for _, cells in reader.rows)
    stored = query.run_sql(db, f"SELECT d.source_file, a.page {JOINS}")
    assert sources == Counter(f"{f} p. {p}" if not pd.isna(p) else f
                              for f, p in stored.itertuples(index=False))


def test_table_filters_and_sorts_in_the_browser(db: str, rendered: dict) -> None:
    found = re.search(r"<pre id=\"probe\">(.*?)</pre>", rendered["dom"])
    assert found, "the probe script did not finish"
    probe = json.loads(found.group(1).replace("&quot;", '"'))
    total = sum(indicator_counts(db).values())
    in_pdf = sql_counts(db, f"SELECT count(*) {JOINS} WHERE d.source_file = '{PDF_COPY.name}'")
    assert probe["typed"] == in_pdf[()]
    assert probe["clicked"] == indicator_counts(db)[
        ("United Lincolnshire Hospitals NHS Trust", "3")]
    assert 0 < probe["clicked"] < probe["cleared"] == total
    dates = query.run_sql(db, f"SELECT min(a.due_date), max(a.due_date) {JOINS}").iloc[0]
    assert (probe["ascending"], probe["descending"]) == (str(dates.iloc[0]), str(dates.iloc[1]))
    assert probe["last"] == ""  # actions with no date stay at the end either way


def test_screenshot_shows_the_charts(rendered: dict) -> None:
    from PIL import Image

    shot = rendered["screenshot"]
    assert shot.exists(), rendered["stderr"][-2000:]
    print(f"report screenshot: {shot}")
    image = Image.open(shot).convert("RGB")
    assert image.size == (1400, 2600)
    colours = image.resize((350, 650)).getcolors(maxcolors=350 * 650)
    assert len(colours) > 200  # heat map shades and bars, not a blank or error page
