"""The analyst's manifest: a CSV of file, trust, period_start, period_end.

Why tolerant: manifests are kept by hand in Excel. UTF-8 with or without a BOM and
Excel's cp1252 are read; a bad row is reported with its line number and the good rows
still apply.
"""

from __future__ import annotations

import csv
import io
import os
from dataclasses import dataclass, field
from pathlib import Path

from pydantic import ValidationError

from wres.errors import ManifestError
from wres.schema import PlanInfo

REQUIRED = ("file",)
YEAR_MIN, YEAR_MAX = 2000, 2100


@dataclass
class Manifest:
    plans: dict[str, PlanInfo] = field(default_factory=dict)  # by file base name
    problems: list[str] = field(default_factory=list)  # "line N: ..." for each bad row
    lines: dict[str, int] = field(default_factory=dict)  # file base name -> its CSV line

    def hint_for(self, path: Path | str) -> PlanInfo | None:
        return self.plans.get(os.path.basename(str(path)))

    def not_found(self, paths: list[Path]) -> list[str]:
        """A line for each manifest row whose file is not among ``paths``."""
        present = {os.path.basename(str(p)) for p in paths}
        return [f"line {self.lines[name]}: {name} is not among the files given"
                for name in self.plans if name not in present]


def _decode(raw: bytes) -> str:
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            return raw.decode(encoding)
        except UnicodeDecodeError:
            continue
    return raw.decode("latin-1")


def read_manifest(path: Path) -> Manifest:
    """Read a manifest; raises ManifestError only when the file as a whole is unusable."""
    try:
        text = _decode(Path(path).read_bytes())
    except OSError as exc:
        raise ManifestError(f"cannot read manifest {path}: {exc.strerror}") from exc
    reader = csv.DictReader(io.StringIO(text))
    columns = [c.strip().lower() for c in (reader.fieldnames or [])]
    if "file" not in columns:
        raise ManifestError(f"manifest {path} has no 'file' column (columns: {columns})")
    manifest = Manifest()
    for line_no, row in enumerate(reader, start=2):
        row = {(k or "").strip().lower(): (v or "").strip() for k, v in row.items()}
        _add_row(manifest, line_no, row)
    return manifest


def _add_row(manifest: Manifest, line_no: int, row: dict[str, str]) -> None:
    name = os.path.basename(row.get("file", "").replace("\\", "/"))
    if not name:
        manifest.problems.append(f"line {line_no}: no file name")
        return
    if name in manifest.plans:
        manifest.problems.append(f"line {line_no}: {name} is listed twice; the first row holds")
        return
    try:
        start, end = _year(row.get("period_start")), _year(row.get("period_end"))
        plan = PlanInfo(trust=row.get("trust") or None, period_start=start, period_end=end)
    except ValidationError as exc:
        reason = exc.errors()[0]["msg"].removeprefix("Value error, ")
        manifest.problems.append(f"line {line_no}: {name}: {reason}")
        return
    except ValueError as exc:
        manifest.problems.append(f"line {line_no}: {name}: {exc}")
        return
    manifest.plans[name] = plan
    manifest.lines[name] = line_no


def _year(value: str | None) -> int | None:
    if not value:
        return None
    if not value.isdigit() or not YEAR_MIN <= int(value) <= YEAR_MAX:
        raise ValueError(f"impossible year {value!r}")
    return int(value)
