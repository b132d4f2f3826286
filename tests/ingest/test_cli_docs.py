"""Every `wres` command is documented in README.md, and `--help` works for each."""

from __future__ import annotations

import re

import pytest
from typer.main import get_command
from typer.testing import CliRunner

from tests.conftest import ROOT
from wres.ingest.cli import app

COMMANDS = sorted(get_command(app).commands)


def test_there_are_commands():
    assert {"extract", "tables", "schema", "ingest", "search", "sql", "compare", "overdue",
            "export", "report", "serve"} <= set(COMMANDS)


@pytest.mark.parametrize("name", COMMANDS)
def test_command_is_in_readme(name):
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert re.search(rf"`wres {name}\b", readme), f"wres {name} is not documented"


@pytest.mark.parametrize("name", COMMANDS)
def test_command_help(name):
    result = CliRunner().invoke(app, [name, "--help"])
    assert result.exit_code == 0
    assert "Usage" in result.output


def test_schema_command_prints_the_record_fields():
    result = CliRunner().invoke(app, ["schema"])
    assert result.exit_code == 0
    assert '"due_date"' in result.output and '"owners"' in result.output


def test_tables_json_records_each_tables_column_mapping_and_confidence():
    import json

    from tests.conftest import DOCS

    result = CliRunner().invoke(app, ["tables", str(DOCS / "united-lincolnshire-2021-23.docx"),
                                      "--json"])
    assert result.exit_code == 0
    mapping = json.loads(result.output)["mappings"]["0"]
    assert mapping["columns"]["Action"] == "action"
    assert mapping["columns"]["Responsible Lead"] == "owner"
    assert 0.9 <= mapping["confidence"] <= 1.0
