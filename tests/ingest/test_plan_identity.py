"""Plan identity on the sample plans, each stored as Word and PDF: each plan counts once.

Expected figures are counted here from the hand-written gold files (``samples/gold``), not
from the database: the gold of the Word file gives a plan's figures once, the gold of both
files gives them twice. A re-issued plan is made at test time by changing one progress
cell of a Word sample with python-docx. Every test runs on SQLite and on PostgreSQL.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import shutil
from collections import Counter, defaultdict
from pathlib import Path

import docx
import pytest
import typer
from typer.testing import CliRunner

from tests.db.helpers import (
    BACKENDS,
    DOCS,
    MANIFEST,
    assert_consistent,
    fresh_database,
    one_value,
)
from wres.db import plan_query
from wres.db.engine import make_engine
from wres.ingest.batch import BatchOptions, run_batch
from wres.ingest.cli_db import register as register_db
from wres.ingest.cli_plans import register as register_plans
from wres.ingest.manifest import read_manifest

GOLD = DOCS.parent / "gold"
PLANS = ("kent-community-health-2019-20", "kent-community-health-2021-22",
         "north-tees-hartlepool-2023-24", "northamptonshire-healthcare-2016-17",
         "united-lincolnshire-2021-23")
NORTHANTS = "northamptonshire-healthcare-2016-17"
IN_PROCESS = BatchOptions(workers=0)
runner = CliRunner()


@pytest.fixture(params=BACKENDS)
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    return fresh_database(request.param, tmp_path)


@pytest.fixture(scope="module")
def app() -> typer.Typer:
    built = typer.Typer()
    register_db(built)
    register_plans(built)
    return built


def cli_json(app: typer.Typer, *args: str) -> object:
    result = runner.invoke(app, [*args, "--json"])
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def gold_rag_counts(files: list[str]) -> dict[str, dict[str, int]]:
    """trust -> {rag: actions} over the gold files named (no database involved)."""
    counts: dict[str, Counter] = defaultdict(Counter)
    for name in files:
        gold = json.loads((GOLD / f"{name}.json").read_text(encoding="utf-8"))
        for action in gold["actions"]:
            counts[gold["trust"]][action.get("rag") or "none"] += 1
    return {trust: dict(found) for trust, found in counts.items()}


def nonzero(rows: object) -> dict[str, dict[str, int]]:
    return {row["trust"]: {k: v for k, v in row.items() if k != "trust" and v}
            for row in rows}


def test_compare_counts_each_plan_once_and_every_copy_on_request(
        app: typer.Typer, db_url: str) -> None:
    files = [DOCS / f"{plan}.{suffix}" for plan in PLANS for suffix in ("docx", "pdf")]
    report = run_batch(files, db_url, read_manifest(MANIFEST), IN_PROCESS)
    assert report.count("ingested") == len(files), report.outcomes
    once = gold_rag_counts([f"{plan}.docx" for plan in PLANS])
    twice = gold_rag_counts([f"{plan}.{s}" for plan in PLANS for s in ("docx", "pdf")])
    assert twice["United Lincolnshire Hospitals NHS Trust"]["red"] == \
        2 * once["United Lincolnshire Hospitals NHS Trust"]["red"]
    assert nonzero(cli_json(app, "compare", "--by", "rag", "--db", db_url)) == once
    assert nonzero(cli_json(app, "compare", "--by", "rag", "--all-documents",
                            "--db", db_url)) == twice
    plans = cli_json(app, "plans", "--db", db_url)
    assert len(plans) == len(PLANS)  # five plans, each with one copy
    assert all(len(plan["copies"]) == 1 for plan in plans)
    for plan in plans:  # a plan's copy is its other format, never another plan's file
        stem = Path(plan["current"]).stem
        assert [Path(c).stem for c in plan["copies"]] == [stem]
    # Kent: the same trust for other years is another plan
    kent = [p for p in plans if p["trust"].startswith("Kent")]
    assert sorted(p["period_start"] for p in kent) == [2019, 2021]
    assert len({p["plan_id"] for p in kent}) == 2
    exported = [json.loads(line) for line in runner.invoke(
        app, ["export", "--db", db_url]).stdout.splitlines()]
    assert len(exported) == sum(sum(c.values()) for c in once.values())
    assert {row["plan_id"] for row in exported} == {p["plan_id"] for p in plans}
    assert {row["document"] for row in exported} == {p["current"] for p in plans}
    assert len({row["action_id"] for row in exported}) == len(exported)
    assert_one_current_per_plan(db_url)
    assert_consistent(db_url)


def assert_one_current_per_plan(url: str) -> None:
    """Every document with actions is in one plan; every plan has exactly one current."""
    checks = {
        "plans without exactly one current document":
            "SELECT count(*) FROM plan_groups g WHERE (SELECT count(*) FROM plan_documents "
            "pd WHERE pd.group_id = g.id AND pd.is_current) <> 1",
        "current pointer disagrees": "SELECT count(*) FROM plan_documents pd JOIN "
            "plan_groups g ON g.id = pd.group_id WHERE pd.is_current AND "
            "g.current_document_id <> pd.document_id",
        "documents with actions in no plan":
            "SELECT count(*) FROM documents d WHERE EXISTS (SELECT 1 FROM plans p JOIN "
            "actions a ON a.plan_id = p.id WHERE p.document_id = d.id) AND NOT EXISTS "
            "(SELECT 1 FROM plan_documents pd WHERE pd.document_id = d.id)",
    }
    for name, sql in checks.items():
        assert one_value(url, sql) == 0, name


def reissue(source: Path, target: Path) -> str:
    """Save ``source`` as ``target`` with one progress cell changed; return the new text."""
    document = docx.Document(str(source))
    gold = json.loads((GOLD / f"{source.name}.json").read_text(encoding="utf-8"))
    statuses = {a["status"] for a in gold["actions"] if a.get("status")}
    new_text = "Completed in full and reported to the Board in March 2017"
    for table in document.tables:
        for row in table.rows:
            for cell in row.cells:
                if " ".join(cell.text.split()) in statuses:
                    paragraphs = cell.paragraphs
                    paragraphs[0].text = new_text
                    for extra in paragraphs[1:]:
                        extra.text = ""
                    document.save(str(target))
                    return new_text
    raise AssertionError("no progress cell found")


def set_mtime(path: Path, day: dt.datetime) -> None:
    os.utime(path, (day.timestamp(), day.timestamp()))


def manifest_for(folder: Path, names: list[str]) -> Path:
    path = folder / "manifest.csv"
    lines = ["file,trust,period_start,period_end"]
    lines += [f"{n},Northamptonshire Healthcare NHS Foundation Trust,2016,2017" for n in names]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_a_reissued_copy_becomes_the_current_document_of_the_same_plan(
        app: typer.Typer, db_url: str, tmp_path: Path) -> None:
    folder = tmp_path / "plans"
    folder.mkdir()
    originals = [shutil.copyfile(DOCS / f"{NORTHANTS}.{s}", folder / f"{NORTHANTS}.{s}")
                 for s in ("docx", "pdf")]
    for path in originals:
        set_mtime(Path(path), dt.datetime(2017, 1, 10))
    v2 = folder / "NHFT WRES action plan v2 FINAL.docx"
    new_text = reissue(DOCS / f"{NORTHANTS}.docx", v2)
    set_mtime(v2, dt.datetime(2017, 6, 1))
    manifest = read_manifest(manifest_for(tmp_path, [Path(p).name for p in originals]
                                          + [v2.name]))
    run_batch([Path(p) for p in originals], db_url, manifest, IN_PROCESS)
    before = cli_json(app, "plans", "--db", db_url)
    assert len(before) == 1
    run_batch([v2], db_url, manifest, IN_PROCESS)
    after = cli_json(app, "plans", "--db", db_url)
    assert len(after) == 1 and after[0]["plan_id"] == before[0]["plan_id"]
    assert Path(after[0]["current"]).name == v2.name
    assert sorted(Path(c).name for c in after[0]["copies"]) == sorted(
        Path(p).name for p in originals)
    found = cli_json(app, "search", "\"reported to the Board in March 2017\"", "--db", db_url)
    assert [Path(row["document"]).name for row in found] == [v2.name]
    assert new_text.startswith("Completed")
    assert_one_current_per_plan(db_url)
    # an analyst pins the Word original; removing it hands the plan back to the rules
    engine = make_engine(db_url)
    plan_query.pin(engine, originals[0])
    pinned = cli_json(app, "plans", "--db", db_url)[0]
    assert (Path(pinned["current"]).name, pinned["pinned"]) == (f"{NORTHANTS}.docx", True)
    result = runner.invoke(app, ["remove", str(originals[0]), "--db", db_url])
    assert result.exit_code == 0, result.output
    left = cli_json(app, "plans", "--db", db_url)
    assert left[0]["plan_id"] == before[0]["plan_id"] and not left[0]["pinned"]
    assert Path(left[0]["current"]).name == v2.name
    assert_one_current_per_plan(db_url)
    engine.dispose()
    assert_consistent(db_url)


def test_remove_missing_drops_documents_whose_files_are_gone(
        app: typer.Typer, db_url: str, tmp_path: Path) -> None:
    kept = Path(shutil.copyfile(DOCS / f"{NORTHANTS}.docx", tmp_path / "kept.docx"))
    gone = Path(shutil.copyfile(DOCS / f"{NORTHANTS}.pdf", tmp_path / "gone.pdf"))
    manifest = read_manifest(manifest_for(tmp_path, ["kept.docx", "gone.pdf"]))
    run_batch([kept, gone], db_url, manifest, IN_PROCESS)
    gone.unlink()
    removed = cli_json(app, "remove", "--missing", "--db", db_url)
    assert [Path(p).name for p in removed["removed"]] == ["gone.pdf"]
    plans = cli_json(app, "plans", "--db", db_url)
    assert [(Path(p["current"]).name, p["copies"]) for p in plans] == [("kept.docx", [])]
    result = runner.invoke(app, ["remove", str(tmp_path / "never.docx"), "--db", db_url])
    assert result.exit_code == 1 and "no document stored" in result.output
    assert_consistent(db_url)


def test_migration_0002_goes_down_and_up_and_groups_stored_documents(db_url: str) -> None:
    from alembic import command
    from sqlalchemy import inspect

    from wres.db.engine import alembic_config, current_revision, upgrade_to_head

    files = [DOCS / f"{NORTHANTS}.{s}" for s in ("docx", "pdf")]
    run_batch(files, db_url, read_manifest(MANIFEST), IN_PROCESS)
    engine = make_engine(db_url)
    config = alembic_config(engine)
    with engine.connect() as connection:
        config.attributes["connection"] = connection
        command.downgrade(config, "0001")
        connection.commit()
    assert current_revision(engine) == "0001"
    assert not {"plan_groups", "plan_documents"} & set(inspect(engine).get_table_names())
    assert one_value(db_url, "SELECT count(*) FROM actions") == 40  # nothing else lost
    upgrade_to_head(engine)  # documents stored before plan identity are grouped at once
    engine.dispose()
    plans = plan_query.plans(db_url)
    assert len(plans) == 1 and len(plans["copies"][0]) == 1
    assert_one_current_per_plan(db_url)
    assert_consistent(db_url)


def test_a_changed_file_at_the_same_path_keeps_its_plan_id(app: typer.Typer, db_url: str,
                                                           tmp_path: Path) -> None:
    plan = tmp_path / "wres-plan.docx"
    shutil.copyfile(DOCS / f"{NORTHANTS}.docx", plan)
    manifest = read_manifest(manifest_for(tmp_path, [plan.name]))
    run_batch([plan], db_url, manifest, IN_PROCESS)
    before = cli_json(app, "plans", "--db", db_url)
    reissue(DOCS / f"{NORTHANTS}.docx", plan)  # the same file, re-saved with new progress
    assert run_batch([plan], db_url, manifest, IN_PROCESS).count("ingested") == 1
    after = cli_json(app, "plans", "--db", db_url)
    assert [p["plan_id"] for p in after] == [before[0]["plan_id"]]
    found = cli_json(app, "search", "\"reported to the Board in March 2017\"", "--db", db_url)
    assert len(found) == 1 and found[0]["plan_id"] == before[0]["plan_id"]
    assert_one_current_per_plan(db_url)
