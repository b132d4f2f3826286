"""Several indicators and theme evidence in the database, on SQLite and PostgreSQL.

The plan is the hand-made one of tests/normalise/test_several_indicators.py; its expected
counts were worked out from that table: five actions, tied to indicators [5, 6], [2, 3],
all nine, [1, 2, 3, 4] and [8].
"""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import create_engine, text

from tests.db.helpers import assert_consistent
from tests.normalise.test_several_indicators import several_indicators_plan
from wres.db import query
from wres.ingest.batch import BatchOptions, run_batch
from wres.ingest.pipeline import process_file

TRUST = "Westmoor Community NHS Trust"


def _ingested(db_url: str, folder: Path) -> tuple[str, Path]:
    plan = several_indicators_plan(folder)
    report = run_batch([plan], db_url, None, BatchOptions(workers=0))
    assert report.count("ingested") == 1, report.outcomes
    return db_url, plan


def test_compare_by_indicator_counts_an_action_under_each(db_url: str, tmp_path: Path) -> None:
    db, _ = _ingested(db_url, tmp_path)
    table = query.compare(db, "indicator")
    assert list(table.columns) == [str(i) for i in range(1, 10)]  # no action lacks one
    row = table.loc[TRUST].to_dict()
    # 1: all + 1-4; 2: 2,3 + all + 1-4; 3: same; 4: all + 1-4; 5, 6: 5&6 + all;
    # 7: all; 8: all + the bystander row; 9: all
    assert row == {"1": 2, "2": 3, "3": 3, "4": 2, "5": 2, "6": 2, "7": 1, "8": 2, "9": 1}
    assert_consistent(db)


def test_records_come_back_with_indicators_and_theme_evidence(db_url: str,
                                                              tmp_path: Path) -> None:
    db, plan = _ingested(db_url, tmp_path)
    stored = query.records(db)
    fresh = process_file(plan).actions
    assert [r.indicators for r in stored] == [r.indicators for r in fresh]
    assert [r.theme_evidence for r in stored] == [r.theme_evidence for r in fresh]
    assert stored[1].theme_evidence == {"disciplinary": ["formal investigation"]}
    url = db if "://" in db else f"sqlite:///{Path(db).resolve()}"
    engine = create_engine(url)
    with engine.connect() as connection:
        links = connection.execute(text("SELECT count(*) FROM action_indicators")).scalar()
    engine.dispose()
    assert links == 2 + 2 + 9 + 4 + 1
