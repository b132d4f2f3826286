"""Finding the plan files under the paths a user gives.

Why careful walking: folders downloaded from many websites hold lock files, hidden files,
other document types and symlinks; those are skipped and counted, never followed out of
the folders given.
"""

from __future__ import annotations

import os
import re
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
    """Files named directly are taken as given; folders are walked for supported files.
    A path that cannot be looked at (a folder on its way that this user may not enter)
    is one problem line; the others go on."""
    found = FoundFiles()
    for path in paths:
        path = Path(path)
        try:
            is_dir, is_file = path.is_dir(), path.is_file()
        except OSError as exc:
            found.problems.append(f"{path}: cannot read it: {exc.strerror or exc}")
            continue
        if is_dir:
            _walk(path, found)
        elif is_file:
            found.files.append(path)
        else:
            found.problems.append(f"{path}: no such file or folder")
    found.files = list(dict.fromkeys(found.files))
    return found


def _walk(root: Path, found: FoundFiles) -> None:
    real_root = root.resolve()

    def unreadable(error: OSError) -> None:  # counted and named, never skipped silently
        found.skip("unreadable folder")
        found.problems.append(f"{error.filename}: cannot read the folder: "
                              f"{error.strerror or error}")

    for folder, dirs, names in os.walk(root, onerror=unreadable, followlinks=False):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(names):
            path = Path(folder) / name
            try:
                reason = _skip_reason(path, real_root)
            except OSError as exc:
                found.problems.append(f"{path}: cannot read it: {exc.strerror or exc}")
                continue
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
    if path.suffix.lower() in (".csv", ".tsv") and _is_manifest(path):
        return "manifest, not a plan"
    if path.is_symlink():
        target = path.resolve()
        if not target.is_file() or real_root not in target.parents:
            return "symlink outside the folder"
    return None


_MANIFEST_HEADER = re.compile(r"^\ufeff?\W*(?:file|path|filename|document)\W.*\b(?:trust|period)",
                              re.IGNORECASE)


def _is_manifest(path: Path) -> bool:
    """A CSV kept beside the plans whose first line names a file column and a trust or
    period column ("file,trust,period_start,period_end") lists plans; it is none."""
    with path.open("rb") as handle:
        first = handle.readline(4096).decode("utf-8", errors="replace")
    return bool(_MANIFEST_HEADER.match(first))


def several_files(paths: list[Path]) -> bool:
    """Whether ``paths`` may hold more than one file: a folder, or more than one path.
    Why ask before reading anything: batch workers are worth starting (their forkserver
    loads the pipeline while the database opens) only when there is more than one file."""
    return len(paths) > 1 or any(Path(p).is_dir() for p in paths)
