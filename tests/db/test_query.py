"""Search, compare, overdue, export and SQL on the five Word sample plans.

The expected figures were counted by hand from the gold files in samples/gold/ (which
agree with what the pipeline reads from the Word samples).
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import openpyxl
import pandas as pd
import pytest
from openpyxl.utils import get_column_letter

from tests.db.helpers import MANIFEST, PLAN_DOCX, assert_consistent
from wres.db import query
from wres.db.export import export
from wres.db.query import EXPORT_IDS
from wres.errors import BadInputError
from wres.ingest.manifest import read_manifest
from wres.ingest.pipeline import process_file
from wres.schema import ActionRecord

KENT = "Kent Community Health NHS Foundation Trust"
NORTH_TEES = "North Tees and Hartlepool NHS Foundation Trust"
NORTHANTS = "Northamptonshire Healthcare NHS Foundation Trust"
LINCOLNSHIRE = "United Lincolnshire Hospitals NHS Trust"
TOTAL_ACTIONS = 22 + 23 + 44 + 20 + 44


def test_the_sample_database_is_consistent(sample_db: str) -> None:
    assert_consistent(sample_db)


def test_search_finds_actions_by_a_word_of_their_text(sample_db: str) -> None:
    found = query.search(sample_db, "mediation")
    # gold: one action each in North Tees, Northamptonshire and Lincolnshire mentions it
    assert sorted(found["trust"]) == sorted([NORTH_TEES, NORTHANTS, LINCOLNSHIRE])
    assert list(found["rank"]) == [1, 2, 3]
    assert any(a.startswith("The Trust will continue to deliver an internal Mediation")
               for a in found["action"])


def test_search_matches_word_forms_and_filters_by_trust(sample_db: str) -> None:
    found = query.search(sample_db, "reverse mentor", trusts=["lincolnshire"], limit=None)
    assert set(found["trust"]) == {LINCOLNSHIRE}
    assert "Embed Reverse Mentoring in the mentoring and coaching offer of the Trust." in set(
        found["action"])


def test_search_text_with_punctuation_is_not_query_syntax(sample_db: str) -> None:
    assert query.fts_query('reverse-mentoring "Board member" pre*') == \
        '"reverse" "mentoring" "Board member" "pre"*'
    query.search(sample_db, 'non-executive: "board (member" OR -')  # must not raise
    with pytest.raises(BadInputError):
        query.fts_query(" - : ")


def test_compare_by_rag(sample_db: str) -> None:
    table = query.compare(sample_db, "rag")
    assert list(table.columns) == ["red", "amber", "green", "none"]
    assert table.loc[KENT].to_dict() == {"red": 3, "amber": 11, "green": 9, "none": 22}
    assert table.loc[NORTHANTS].to_dict() == {"red": 1, "amber": 7, "green": 12, "none": 0}
    assert table.loc[LINCOLNSHIRE].to_dict() == {"red": 29, "amber": 15, "green": 0, "none": 0}
    assert table.loc[NORTH_TEES].to_dict() == {"red": 0, "amber": 0, "green": 0, "none": 44}


def test_compare_by_indicator_and_year(sample_db: str) -> None:
    table = query.compare(sample_db, "indicator")
    assert list(table.columns) == [str(i) for i in range(1, 10)] + ["none"]
    assert list(table.loc[NORTH_TEES]) == [5, 5, 5, 2, 5, 8, 7, 4, 3, 0]
    assert list(table.loc[LINCOLNSHIRE]) == [5, 7, 6, 2, 5, 5, 5, 4, 5, 0]
    assert table.loc[KENT, "none"] == 45
    years = query.compare(sample_db, "year", trusts=["kent"])
    assert years.to_dict(orient="index") == {KENT: {"2019-2020": 22, "2021-2022": 23}}


def test_compare_by_theme_counts_each_theme_of_an_action(sample_db: str) -> None:
    table = query.compare(sample_db, "theme")
    themed = query.records_frame(sample_db, trusts=["lincolnshire"])
    mentoring = sum("mentoring and reverse mentoring" in t for t in themed["themes"])
    assert mentoring > 0
    assert table.loc[LINCOLNSHIRE, "mentoring and reverse mentoring"] == mentoring
    with pytest.raises(BadInputError):
        query.compare(sample_db, "colour")


def test_overdue_counts_past_dates_not_rated_done(sample_db: str) -> None:
    kent = query.overdue(sample_db, dt.date(2021, 11, 1), trusts=["kent"])
    # 2019-20: all 22 dated before, none rated; 2021-22: refs 5, 20 (Sept) and 1, 4, 14
    # (31 Oct) are amber; the green ones are done and the November ones not yet due
    assert len(kent) == 27
    later = kent[kent["source_file"] == "kent-community-health-2021-22.docx"]
    assert sorted(later["ref"], key=int) == ["1", "4", "5", "14", "20"]
    assert set(later["rag"]) == {"amber"}
    assert later.set_index("ref").loc["5", "days_overdue"] == 32
    northants = query.overdue(sample_db, dt.date(2016, 11, 1), trusts=["northampton"])
    assert sorted(northants["rag"]) == ["amber", "amber", "red"]  # Sept amber, Oct amber+red
    # an action due on the day itself is not overdue yet
    assert len(query.overdue(sample_db, dt.date(2016, 10, 31), trusts=["northampton"])) == 1


def test_export_jsonl_gives_back_the_pipeline_records(sample_db: str, tmp_path: Path) -> None:
    out = tmp_path / "actions.jsonl"
    assert export(sample_db, "jsonl", out) == TOTAL_ACTIONS
    exported = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    # the canonical fields, then the keys a researcher joins on
    assert list(exported[0]) == [*ActionRecord.model_fields, *EXPORT_IDS]
    manifest = read_manifest(MANIFEST)
    for path in PLAN_DOCX:
        fresh = [r.to_json_dict() for r in process_file(path, manifest.hint_for(path)).actions]
        mine = [e for e in exported if e["source_file"] == path.name]
        assert [{k: e[k] for k in ActionRecord.model_fields} for e in mine] == fresh
        assert {e["document"] for e in mine} == {str(path.resolve())}
    assert len({e["action_id"] for e in exported}) == TOTAL_ACTIONS


def test_export_tabular_formats(sample_db: str, tmp_path: Path) -> None:
    columns = [*ActionRecord.model_fields, *EXPORT_IDS]
    export(sample_db, "csv", tmp_path / "a.csv", query="mediation")
    csv = pd.read_csv(tmp_path / "a.csv")
    assert list(csv.columns) == columns and len(csv) == 3
    export(sample_db, "parquet", tmp_path / "a.parquet", trusts=["lincolnshire"])
    parquet = pd.read_parquet(tmp_path / "a.parquet")
    assert list(parquet.columns) == columns and len(parquet) == 44
    assert sum("Tim Couchman" in list(owners) for owners in parquet["owners"]) == 32
    assert str(parquet["indicator"].dtype) == "Int64" and str(parquet["page"].dtype) == "Int64"
    export(sample_db, "xlsx", tmp_path / "a.xlsx", trusts=["north tees"])
    assert len(pd.read_excel(tmp_path / "a.xlsx")) == 44
    sheet = openpyxl.load_workbook(tmp_path / "a.xlsx")["actions"]
    header = [cell.value for cell in sheet[1]]
    assert header == columns and sheet.freeze_panes == "A2"
    assert sheet.auto_filter.ref == f"A1:{get_column_letter(len(columns))}45"
    indicators = [sheet.cell(row, header.index("indicator") + 1).value for row in range(2, 46)]
    assert {type(v) for v in indicators} == {int}  # gold: every North Tees action has one
    widths = [sheet.column_dimensions[get_column_letter(header.index(name) + 1)].width
              for name in ("source_file", "action", "action_id")]
    assert widths[0] > 20 and widths[1] == 60 and 6 <= widths[2] <= 12  # file, action, id
    with pytest.raises(BadInputError):
        export(sample_db, "parquet", None)


def test_owners_and_themes_are_their_own_tables(sample_db: str) -> None:
    owned = query.run_sql(sample_db, (
        "SELECT count(*) AS n FROM action_owners l JOIN owners o ON o.id = l.owner_id "
        "WHERE o.name = 'Tim Couchman'"))
    assert int(owned["n"][0]) == 32  # gold: 32 Lincolnshire actions name him
    assert int(query.run_sql(sample_db, "SELECT count(*) AS n FROM trusts")["n"][0]) == 4


def test_sql_is_read_only(sample_db: str) -> None:
    with pytest.raises(BadInputError, match="SQL refused"):
        query.run_sql(sample_db, "DELETE FROM actions")
    with pytest.raises(BadInputError, match="SQL refused"):
        query.run_sql(sample_db, "SELECT nothing FROM nowhere")
    like = query.run_sql(sample_db, "SELECT count(*) AS n FROM trusts WHERE name LIKE '%NHS%'")
    assert int(like["n"][0]) == 4  # a % in the SQL is text, not a placeholder
    assert int(query.run_sql(sample_db, "SELECT count(*) AS n FROM actions")["n"][0]) == \
        TOTAL_ACTIONS
