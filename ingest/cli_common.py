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


def _show_flags_as_flags() -> None:
    """``--json`` in ``--help``, not ``--json <bool>``: typer 0.29 prints a type beside every
    option, flags included (see fastapi/typer#493 and #1727). Options that take no value
    show none; options that take one keep their type."""
    from typer import core

    shown = core.TyperOption.display_type_rich
    if getattr(shown, "_wres_flags", False):
        return

    def display_type_rich(self: core.TyperOption, ctx: object) -> str | None:
        if self.is_flag and not self.count and self.metavar is None:
            return None
        return shown(self, ctx)

    display_type_rich._wres_flags = True  # type: ignore[attr-defined]
    core.TyperOption.display_type_rich = display_type_rich


_show_flags_as_flags()


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
