"""Which versions read a document: the program's and its parsers'.

Why: researchers cite figures from the database, and the same plan read by another release
of pdfplumber, camelot or spaCy's lookup tables can give other records. Every ingest run
stores these versions, ``wres --version`` prints them, and ``wres runs`` shows when they
changed between runs.
"""

from __future__ import annotations

import platform
import shutil
import subprocess
from functools import lru_cache
from importlib import metadata

from wres import __version__

# The distributions whose code or data decides what a document gives, by the name pip uses.
PARSERS = ("pdfplumber", "pdfminer.six", "pypdfium2", "pypdf", "camelot-py", "python-docx",
           "openpyxl", "lxml", "spacy", "spacy-lookups-data", "rapidfuzz")


def _installed(name: str) -> str | None:
    try:
        return metadata.version(name)
    except metadata.PackageNotFoundError:
        return None


@lru_cache(maxsize=1)
def _tesseract() -> str | None:
    """The OCR engine's version (first line of ``tesseract --version``), if installed."""
    binary = shutil.which("tesseract")
    if not binary:
        return None
    try:
        done = subprocess.run([binary, "--version"], capture_output=True, text=True, timeout=10)
    except (OSError, subprocess.SubprocessError):
        return None
    first = (done.stdout or done.stderr).strip().splitlines()
    return first[0].removeprefix("tesseract ").strip() if first else None


@lru_cache(maxsize=1)
def parser_versions() -> dict[str, str]:
    """Installed versions of Python, the parsers and tesseract; absent ones are left out."""
    found = {"python": platform.python_version()}
    for name in PARSERS:
        version = _installed(name)
        if version:
            found[name] = version
    tesseract = _tesseract()
    if tesseract:
        found["tesseract"] = tesseract
    return found


def version_text() -> str:
    """What ``wres --version`` prints: the program, then one parser a line."""
    lines = [f"wres-plans {__version__}"]
    lines += [f"  {name} {version}" for name, version in parser_versions().items()]
    return "\n".join(lines)
