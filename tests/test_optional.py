"""A missing optional part is one line naming its extra, never a traceback.

Why real processes with the package hidden: the extras (``report``, ``parquet``) are
installed here, so each test puts a package of the same name that cannot be imported first
on PYTHONPATH, which is what a user without the extra sees.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import DOCS, ROOT, SAMPLES


def _hide(folder: Path, module: str) -> dict:
    package = folder / module
    package.mkdir()
    (package / "__init__.py").write_text(f"raise ImportError(\"No module named {module!r}\")\n")
    return {**os.environ, "PYTHONPATH": str(folder)}


def _wres(env: dict, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "wres.ingest", *args], env=env, cwd=ROOT,
                          capture_output=True, text=True, timeout=300)


@pytest.fixture(scope="module")
def database(tmp_path_factory) -> Path:
    db = tmp_path_factory.mktemp("optional") / "wres.db"
    done = _wres(dict(os.environ), "ingest", str(DOCS / "north-tees-hartlepool-2023-24.docx"),
                 "--db", str(db), "--manifest", str(SAMPLES / "manifest.csv"), "--workers", "0")
    assert done.returncode == 0, done.stderr
    return db


@pytest.mark.parametrize(("module", "extra", "args"), [
    ("plotly", "report", ("report", "--out", "{out}/r.html")),
    ("pyarrow", "parquet", ("export", "--format", "parquet", "--output", "{out}/a.parquet")),
])
def test_a_missing_extra_is_named_in_one_line(database, tmp_path, module, extra, args):
    hidden = tmp_path / "hidden"
    hidden.mkdir()
    command = [a.format(out=tmp_path) for a in args]
    done = _wres(_hide(hidden, module), *command, "--db", str(database))
    assert done.returncode == 1
    assert "Traceback" not in done.stderr
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1 and f"pip install 'wres-plans[{extra}]'" in lines[0], lines
