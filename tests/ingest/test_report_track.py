"""The report's persistence figures and long-running actions, and the Datasette queries of
links, on plans made at test time (one with markup in its text) and the linked samples."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from tests.db.helpers import DOCS, MANIFEST
from tests.db.unseen_trust import FILL, write_plans
from wres.ingest.batch import BatchOptions, run_batch
from wres.ingest.manifest import read_manifest
from wres.ingest.report import load_report
from wres.ingest.report_html import render_html
from wres.ingest.report_md import render_markdown
from wres.ingest.serve import CANNED_QUERIES

HOSTILE = "Review <script>alert(1)</script> the access & exit interview process"
TRUST = "Oddly <b>Named</b> Community NHS Trust"
PLANS = (
    ("oddly-2020-21.docx", 2020, 2021, [
        ["Ref", "Action", "Lead", "Due", "Progress"],
        ["1", HOSTILE, "Head of HR", "March 2021", {"text": "Started", "fill": FILL["amber"]}],
        ["2", "Hold a celebration of Windrush Day on every site", "Communications Lead",
         "June 2020", {"text": "Done", "fill": FILL["green"]}],
    ]),
    ("oddly-2021-22.docx", 2021, 2022, [
        ["Ref", "Action", "Lead", "Due", "Progress"],
        ["1", HOSTILE, "Head of HR", "March 2022", {"text": "Delayed", "fill": FILL["red"]}],
    ]),
)


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> str:
    folder = tmp_path_factory.mktemp("report-track")
    files, manifest = write_plans(folder / "plans", PLANS, TRUST)
    url = str(folder / "wres.db")
    for paths, listed in ((files, manifest),
                          (sorted(DOCS.glob("linked-copperfield-*.docx")), MANIFEST)):
        report = run_batch(paths, url, read_manifest(listed), BatchOptions(workers=0))
        assert report.count("ingested") == len(paths), report.outcomes
    return url


def test_report_shows_persistence_and_long_running_actions_escaped(db: str) -> None:
    data = load_report(db)
    shares = data.persistence.set_index("trust")
    # by hand: Copperfield (samples/gold-links) 7 of 14 later actions carried over, 5 of 7
    # ended chains completed; the odd trust: its one later action carried over, its
    # celebration (green) completed
    assert shares.loc["Copperfield Valley Hospitals NHS Foundation Trust",
                      "carried_over_share"] == 0.5
    assert shares.loc[TRUST, "carried_over_share"] == 1.0
    assert shares.loc[TRUST, "completed_share"] == 1.0
    longest = data.long_running
    assert list(longest.loc[longest["trust"] == TRUST, "action"]) == [HOSTILE]
    page = render_html(data, title="t")
    assert "Actions carried over and completed" in page
    assert "Longest-running actions not yet green" in page
    assert "<script>alert(1)" not in page and "<b>Named</b>" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    markdown = render_markdown(data, title="t")
    assert "## Longest-running actions not yet green (3)" in markdown


def test_a_trust_with_one_plan_has_no_long_running_actions(tmp_path: Path) -> None:
    files, manifest = write_plans(tmp_path / "one", PLANS[:1], TRUST)
    url = str(tmp_path / "wres.db")
    run_batch(files, url, read_manifest(manifest), BatchOptions(workers=0))
    data = load_report(url)
    assert data.long_running.empty
    page = render_html(data, title="t")
    assert "Longest-running actions not yet green (0)" in page


def test_canned_queries_of_links_run_on_sqlite(db: str) -> None:
    connection = sqlite3.connect(db)
    try:
        chains = connection.execute(CANNED_QUERIES["trust_action_chains"]["sql"],
                                    {"trust": "copperfield"}).fetchall()
        shares = connection.execute(CANNED_QUERIES["persistence_per_trust"]["sql"]).fetchall()
    finally:
        connection.close()
    assert len(chains) == 21  # every action of the three plans
    copperfield = next(row for row in shares if row[0].startswith("Copperfield"))
    # trust, plans, actions, carried share, chains, mean length, completed, dropped, ongoing
    assert copperfield[1:10] == (3, 21, 0.5, 14, 1.5, 5, 2, 7, 0.714)
