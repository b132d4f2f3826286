"""What every ``wres`` command shares: the consoles, one-line errors, the manifest.

Kept apart from cli.py so that command modules (cli_db, cli_report) can import it while
cli.py imports them to register their commands.
"""

from __future__ import annotations

import sys
from pathlib import Path

import typer
from rich.console import Console

from wres.errors import BadInputError
from wres.ingest.manifest import Manifest, read_manifest
from wres.safe_text import CONTROL_CHARS

out = Console()
err = Console(stderr=True)


def say(line: str) -> None:
    """One plain line on stderr: never wrapped, never styled, so scripts can grep it (a
    newline inside a file name is shown as \\n, any other control character as \\xNN)."""
    line = line.replace("\r", "\\r").replace("\n", "\\n")
    line = CONTROL_CHARS.sub(lambda found: f"\\x{ord(found.group()):02x}", line)
    print(line, file=sys.stderr, flush=True)


def fail(message: str, code: int = 2) -> None:
    say(f"error: {message}")
    raise typer.Exit(code)


def load_manifest(path: Path | None) -> Manifest:
    if path is None:
        return Manifest()
    try:
        manifest = read_manifest(path)
    except BadInputError as exc:
        fail(str(exc))
    for problem in manifest.problems:
        say(f"{path.name}: {problem}")
    return manifest
