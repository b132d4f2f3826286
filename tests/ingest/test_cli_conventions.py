"""Small command-line conventions: flags shown as flags, one line per file when not a
terminal, files left out named with --verbose, unknown trusts refused, trust names that
fit a 120-column terminal, and a report a board can print."""

from __future__ import annotations

import base64
import json
import re
import shutil
from collections import Counter
from pathlib import Path

import numpy as np
import pytest
from rich.console import Console
from typer.testing import CliRunner

from tests.db.helpers import DOCS, MANIFEST
from wres.ingest import cli_common
from wres.ingest.cli import app
from wres.ingest.trust_names import shorten, shorten_all

runner = CliRunner()
KENT = "Kent Community Health NHS Foundation Trust"
GOLD_OF = {KENT: "kent-community-health-2021-22.docx",
           "Northamptonshire Healthcare NHS Foundation Trust":
               "northamptonshire-healthcare-2016-17.docx"}


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> str:
    """The Northamptonshire plan as Word and PDF, plus Kent 2021-22 (Word)."""
    folder = tmp_path_factory.mktemp("plans")
    for name in ("northamptonshire-healthcare-2016-17.docx",
                 "northamptonshire-healthcare-2016-17.pdf", "kent-community-health-2021-22.docx"):
        shutil.copyfile(DOCS / name, folder / name)
    (folder / "notes.txt").write_text("not a plan", encoding="utf-8")
    (folder / "outside.pdf").symlink_to(DOCS / "bad-empty.docx")
    path = str(folder.parent / "conventions.db")
    result = runner.invoke(app, ["ingest", str(folder), "--db", path, "--manifest",
                                 str(MANIFEST), "--workers", "0", "--verbose"])
    assert result.exit_code == 0, result.output
    return path, result.stderr


def test_flags_are_shown_as_flags_in_help() -> None:
    for command in ("compare", "ingest", "report", "plans", "export"):
        result = runner.invoke(app, [command, "--help"], env={"COLUMNS": "200"})
        assert result.exit_code == 0
        assert "<bool>" not in result.output, command
        if command != "report":  # the help text follows the flag, no type in between
            assert re.search(r"--json\s+(print|report) ", result.output), command
    assert re.search(r"--by\s+<str>", runner.invoke(app, ["compare", "--help"],
                                                    env={"COLUMNS": "200"}).output)


def test_one_line_per_finished_file_and_left_out_files_named(db: tuple[str, str]) -> None:
    _path, stderr = db
    lines = stderr.splitlines()
    finished = [line for line in lines if line.startswith("ingested ")]
    assert len(finished) == 3
    assert any(line.endswith("northamptonshire-healthcare-2016-17.pdf (20 actions)")
               for line in finished)
    left_out = sorted(line for line in lines if line.startswith("left out "))
    assert len(left_out) == 2
    assert left_out[0].endswith("notes.txt: unsupported type")
    assert left_out[1].endswith("outside.pdf: symlink outside the folder")


def test_compare_refuses_an_unknown_trust_in_one_line(db: tuple[str, str]) -> None:
    path, _ = db
    result = runner.invoke(app, ["compare", "--trust", "Atlantis", "--db", path])
    assert result.exit_code == 1
    assert result.stderr.strip().splitlines() == ["error: no stored trust matches 'Atlantis'"]
    known = runner.invoke(app, ["compare", "--trust", "kent", "--by", "rag", "--db", path,
                                "--json"])
    assert known.exit_code == 0 and [r["trust"] for r in json.loads(known.stdout)] == [KENT]


def compare_text(app_args: list[str], monkeypatch: pytest.MonkeyPatch) -> str:
    wide = Console(width=120, record=True, file=open("/dev/null", "w"))  # noqa: SIM115
    monkeypatch.setattr(cli_common, "out", wide)
    result = runner.invoke(app, ["compare", *app_args])
    assert result.exit_code == 0, result.output
    return wide.export_text()


def test_compare_fits_a_120_column_terminal(db: tuple[str, str],
                                            monkeypatch: pytest.MonkeyPatch) -> None:
    path, _ = db
    texts = {by: compare_text(["--by", by, "--db", path], monkeypatch)
             for by in ("rag", "indicator", "year", "theme")}
    for by, text in texts.items():
        assert max(len(line) for line in text.splitlines()) <= 120, by
        if by == "rag":  # room enough: names in full
            assert KENT in text
    # eleven themes leave little room: abbreviated, but still naming the trusts
    assert "Kent Community Health NHS FT" in text or "Kent Comm. Health NHS FT" in text
    assert "Northamptonshire HC NHS FT" in text or "Northamptonshire Healthcare NHS FT" in text


def test_trust_names_shorten_only_as_far_as_needed() -> None:
    assert shorten(KENT, 60) == KENT
    assert shorten(KENT, 30) == "Kent Community Health NHS FT"
    assert len(shorten("United Lincolnshire Hospitals NHS Trust", 20)) <= 20
    # two trusts that would read the same keep their full names
    twins = ["Alpha University Hospitals NHS Foundation Trust",
             "Alpha University Hospitals NHS Trust"]
    assert shorten_all(twins, 12) == {name: name for name in twins}


def test_report_for_a_board_paper(db: tuple[str, str], tmp_path: Path) -> None:
    path, _ = db
    page = tmp_path / "board.html"
    result = runner.invoke(app, ["report", "--db", path, "--out", str(page), "--share",
                                 "--no-table"])
    assert result.exit_code == 0, result.output
    html = page.read_text(encoding="utf-8")
    assert 'id="actions"' not in html  # --no-table
    assert "@page { size: A4 landscape" in html and "break-inside: avoid" in html
    figure = re.search(r'Plotly\.newPlot\(\s*"heatmap-indicator",\s*(\[.*?\]),\s*\{', html,
                       re.S)
    trace = json.loads(figure.group(1))[0]
    assert trace["x"] == [str(n) for n in range(1, 10)]  # "none" left out
    z = np.frombuffer(base64.b64decode(trace["z"]["bdata"]), dtype="f8").reshape(
        len(trace["y"]), len(trace["x"]))
    # each cell: the trust's actions on that indicator / all its actions, from the gold
    # of the one document per plan that counts (the PDF copy has the same gold)
    for trust, row in zip(trace["y"], z, strict=True):
        name = GOLD_OF[trust]
        gold = json.loads((DOCS.parent / "gold" / f"{name}.json").read_text(encoding="utf-8"))
        indicators = Counter(a["indicator"] for a in gold["actions"])
        expected = [indicators.get(n, 0) / len(gold["actions"]) for n in range(1, 10)]
        assert list(row) == pytest.approx(expected), trust
    full = tmp_path / "full.html"
    assert runner.invoke(app, ["report", "--db", path, "--out", str(full)]).exit_code == 0
    text = full.read_text(encoding="utf-8")
    assert text.index('class="all-actions"') > text.index("heatmap-theme")  # table last
