"""CSV and tab-separated plans, read through the workbook reader.

The plans are written here, in the encodings and delimiters Excel and other tools save;
expected values were read off the rows below. A manifest kept beside the plans is no plan.
"""

from __future__ import annotations

import csv
import datetime as dt
import json
import subprocess
import sys
from pathlib import Path

import pytest

from wres.errors import MislabelledFileError
from wres.extractors.registry import extract
from wres.ingest.pipeline import process_file

ROWS = [
    ["Kingsmere NHS Foundation Trust"], ["WRES action plan 2023/24"], [],
    ["Ref", "WRES indicator", "Action", "Lead", "Target date", "Progress", "RAG"],
    ["1.1", "2", "Introduce de-biased shortlisting for all posts at band 7 and above",
     "Head of Recruitment", "31/03/2024", "Pilot running", "Amber"],
    ["1.2", "2", "Publish shortlisting data by ethnicity each quarter",
     "Workforce Information Manager", "Dec-23", "Done", "Green"],
    ["2.1", "6", "=HYPERLINK(\"http://example.invalid\",\"x\") Launch a civility campaign",
     "Director of Nursing", "Q1 2024/25", "Not started", "Red"],
]
EXPECTED = [
    ("1.1", 2, "Head of Recruitment", dt.date(2024, 3, 31), "amber"),
    ("1.2", 2, "Workforce Information Manager", dt.date(2023, 12, 31), "green"),
    ("2.1", 6, "Director of Nursing", dt.date(2024, 6, 30), "red"),
]


@pytest.mark.parametrize(("name", "encoding", "delimiter"), [
    ("kingsmere.csv", "cp1252", ","),      # Excel's "CSV" on Windows
    ("kingsmere.csv", "utf-8-sig", ";"),   # a European Excel: semicolons and a BOM
    ("kingsmere.tsv", "utf-8", "\t"),
])
def test_a_delimited_plan_gives_its_actions(tmp_path: Path, name: str, encoding: str,
                                            delimiter: str) -> None:
    path = tmp_path / name
    with path.open("w", newline="", encoding=encoding) as handle:
        csv.writer(handle, delimiter=delimiter).writerows(ROWS)
    result = process_file(path)
    assert [(a.ref, a.indicator, a.owner, a.due_date, a.rag) for a in result.actions] == EXPECTED
    assert result.actions[0].trust == "Kingsmere NHS Foundation Trust"
    assert result.actions[2].action.startswith("=HYPERLINK")  # text as written, no formula


def test_a_web_page_saved_as_csv_is_named_for_what_it_is(tmp_path: Path) -> None:
    path = tmp_path / "plan.csv"
    path.write_text("<!DOCTYPE html><html><body>Not found</body></html>")
    with pytest.raises(MislabelledFileError, match="HTML"):
        extract(path)


def test_a_manifest_beside_the_plans_is_not_read_as_a_plan(tmp_path: Path) -> None:
    plans = tmp_path / "plans"
    plans.mkdir()
    with (plans / "kingsmere.csv").open("w", newline="") as handle:
        csv.writer(handle).writerows(ROWS)
    (plans / "manifest.csv").write_text(
        "file,trust,period_start,period_end\nkingsmere.csv,Kingsmere NHS FT,2023,2024\n")
    done = subprocess.run(
        [sys.executable, "-m", "wres.ingest", "ingest", str(plans), "--db",
         str(tmp_path / "wres.db"), "--manifest", str(plans / "manifest.csv"), "--json"],
        capture_output=True, text=True, timeout=300, check=False)
    assert done.returncode == 0, done.stderr
    summary = json.loads(done.stdout)
    assert (summary["files_seen"], summary["ingested"], summary["failed"]) == (1, 1, 0)
    assert summary["actions_added"] == 3
    assert summary["not_plan_files"] == {"manifest, not a plan": 1}
