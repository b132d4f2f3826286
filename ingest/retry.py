"""When a file read before is read again, and which option values are acceptable at all.

Why a fingerprint of the options: a file fails for a reason its message names ("try
--ocr", "took longer than 120 s"); the user re-runs with that option and expects the file
to be read again. A failed document therefore remembers the options that bore on its
failure (engine, OCR, time, memory and page limits, the version of wres-plans); the next
run retries it when any of them differs. Unchanged successes are still skipped, and a
failure under the very same options is not repeated on every run.
"""

from __future__ import annotations

import hashlib
import json
from typing import Protocol

from wres import __version__
from wres.errors import BadInputError


class ReadOptions(Protocol):
    engine: str
    ocr: bool
    max_pages: int | None
    timeout_s: float | None
    max_memory_mb: int


def read_with(options: ReadOptions) -> tuple[str, str]:
    """(fingerprint, one readable line) of the options that bear on how a file is read."""
    values = {"version": __version__, "engine": options.engine, "ocr": bool(options.ocr),
              "timeout_s": options.timeout_s, "max_memory_mb": options.max_memory_mb,
              "max_pages": options.max_pages}
    digest = hashlib.sha256(json.dumps(values, sort_keys=True).encode()).hexdigest()[:16]
    timeout = "no time limit" if options.timeout_s is None else f"timeout {options.timeout_s:g} s"
    line = (f"read with wres-plans {__version__}, engine {options.engine}, "
            f"OCR {'on' if options.ocr else 'off'}, {timeout}, "
            f"memory {options.max_memory_mb} MB, at most {options.max_pages} pages")
    return digest, line


def check_engine(name: str) -> None:
    """Refuse an unknown ``--engine`` before any file is read, naming the known ones."""
    if name == "auto":
        return
    from wres.extractors.registry import get_engine

    get_engine(name)  # raises UnknownEngineError with the list of known engines


def check_options(options: ReadOptions) -> None:
    """Every option value that could fail each file the same way, checked up front."""
    check_engine(options.engine)
    if options.timeout_s is not None and options.timeout_s <= 0:
        raise BadInputError(f"--timeout {options.timeout_s:g}: must be more than 0 seconds")
    if options.max_pages is not None and options.max_pages < 1:
        raise BadInputError(f"--max-pages {options.max_pages}: must be at least 1")
