"""Finding the plan files under the paths a user gives.

Why careful walking: folders downloaded from many websites hold lock files, hidden files,
other document types and symlinks; those are skipped and counted, never followed out of
the folders given.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

from wres.extractors.detect import SUPPORTED_SUFFIXES


@dataclass
class FoundFiles:
    files: list[Path] = field(default_factory=list)
    skipped: dict[str, int] = field(default_factory=dict)  # reason -> count
    problems: list[str] = field(default_factory=list)
    skipped_files: list[tuple[Path, str]] = field(default_factory=list)  # for --verbose

    def skip(self, reason: str, path: Path | None = None) -> None:
        self.skipped[reason] = self.skipped.get(reason, 0) + 1
        if path is not None:
            self.skipped_files.append((path, reason))


def expand_paths(paths: list[Path]) -> FoundFiles:
    """Files named directly are taken as given; folders are walked for supported files."""
    found = FoundFiles()
    for path in paths:
        path = Path(path)
        if path.is_dir():
            _walk(path, found)
        elif path.is_file():
            found.files.append(path)
        else:
            found.problems.append(f"{path}: no such file or folder")
    found.files = list(dict.fromkeys(found.files))
    return found


def _walk(root: Path, found: FoundFiles) -> None:
    real_root = root.resolve()
    for folder, dirs, names in os.walk(root, followlinks=False):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(names):
            path = Path(folder) / name
            reason = _skip_reason(path, real_root)
            if reason:
                found.skip(reason, path)
            else:
                found.files.append(path)


def _skip_reason(path: Path, real_root: Path) -> str | None:
    name = path.name
    if name.startswith("~$"):
        return "office lock file"
    if name.startswith("."):
        return "hidden file"
    if path.suffix.lower() not in SUPPORTED_SUFFIXES:
        return "unsupported type"
    if path.is_symlink():
        target = path.resolve()
        if not target.is_file() or real_root not in target.parents:
            return "symlink outside the folder"
    return None
