"""A document that holds two plans keeps each action's own years in the database.

The Fairholme sample report closes its 2022/23 plan (three actions) and opens its 2023/24
plan (three actions); its manifest row names the report's own period, 2023-2024. Counted by
hand from the document: three actions in each plan.
"""

from __future__ import annotations

from tests.db.helpers import DOCS, MANIFEST
from wres.db import query
from wres.ingest.batch import BatchOptions, run_batch
from wres.ingest.manifest import read_manifest

REPORT = DOCS / "synthetic3-fairholme-twoplans-2022-24.docx"


def test_each_action_keeps_its_own_plans_years(db_url: str) -> None:
    report = run_batch([REPORT], db_url, read_manifest(MANIFEST), BatchOptions(workers=0))
    assert report.count("ingested") == 1
    records = [record for _, record in query.identified_records(db_url)]
    assert [(r.ref, r.period_start, r.period_end) for r in records] == [
        ("1", 2022, 2023), ("2", 2022, 2023), ("3", 2022, 2023),
        ("B1", 2023, 2024), ("B2", 2023, 2024), ("B3", 2023, 2024)]
    by_year = query.compare(db_url, "year")
    assert by_year.loc["Fairholme Mental Health NHS Foundation Trust"].to_dict() == {
        "2022-2023": 3, "2023-2024": 3}
    found = query.search(db_url, "dashboard")
    assert (found["period_start"].tolist(), found["period_end"].tolist()) == ([2023], [2024])
