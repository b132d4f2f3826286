"""Manifests as analysts keep them: UTF-8 with or without BOM, Excel's cp1252; bad rows
reported with their line numbers while the good rows still apply."""

from __future__ import annotations

from pathlib import Path

import pytest

from wres.errors import ManifestError
from wres.ingest.manifest import read_manifest

ROWS = ("file,trust,period_start,period_end\n"
        "a.pdf,St Mary’s Hospital NHS Trust,2021,2022\n"
        "b.pdf,Broken Trust,2023,2021\n"
        "c.pdf,Old Trust,1066,1067\n"
        "a.pdf,Duplicate Trust,2021,2022\n"
        ",No File Trust,2021,2022\n"
        "d.docx,Café Health NHS Trust,2020,\n")


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "cp1252"])
def test_encodings_and_bad_rows(tmp_path: Path, encoding: str):
    path = tmp_path / "manifest.csv"
    text = ROWS if encoding != "cp1252" else ROWS.replace("’", "'")
    path.write_bytes(text.encode(encoding))
    manifest = read_manifest(path)
    assert sorted(manifest.plans) == ["a.pdf", "d.docx"]
    assert manifest.plans["d.docx"].trust == "Café Health NHS Trust"
    assert manifest.plans["d.docx"].period_start == 2020
    assert manifest.plans["a.pdf"].trust.startswith("St Mary")
    problems = " | ".join(manifest.problems)
    assert "line 3: b.pdf" in problems and "before" in problems
    assert "line 4: c.pdf" in problems and "1066" in problems
    assert "line 5: a.pdf is listed twice" in problems
    assert "line 6: no file name" in problems


def test_rows_naming_absent_files(tmp_path: Path):
    path = tmp_path / "manifest.csv"
    path.write_text(ROWS, encoding="utf-8")
    manifest = read_manifest(path)
    assert manifest.not_found([tmp_path / "a.pdf"]) == [
        "line 7: d.docx is not among the files given"]


def test_manifest_without_a_file_column_is_refused(tmp_path: Path):
    path = tmp_path / "manifest.csv"
    path.write_text("name,trust\nx.pdf,T\n", encoding="utf-8")
    with pytest.raises(ManifestError, match="no 'file' column"):
        read_manifest(path)
