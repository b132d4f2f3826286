"""spaCy's English word list with each word's frequency, built once per machine and looked
up without loading it.

Why: building a set of 320,000 words from ``en_lexeme_prob.json.gz`` took 1 to 4 s, on
every start of every process that met a candidate broken word. The words are written once,
sorted, to a plain file in the user's cache folder (keyed by the source file's size and
time, so a new ``spacy-lookups-data`` rebuilds it); a lookup is then a binary search over
its bytes, read in a millisecond. Where no cache can be written the list is built in memory.
Why frequencies: the list holds fragments too ("traini", "ity", "gers" are in it), so
whether two pieces are one broken word is decided by how much likelier the whole word is
than the two pieces side by side (``pdf_words.is_broken_word``).
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Container
from pathlib import Path

SOURCE_NAME = "en_lexeme_prob.json.gz"
FORMAT = "v2"  # "word<TAB>tenths of -log probability" per line; part of the cache's name


class SortedWords(Container[str]):
    """Words and their log probabilities in a newline-separated file sorted by word, looked
    up by binary search."""

    def __init__(self, data: bytes) -> None:
        self._data = data

    def __contains__(self, word: object) -> bool:
        return isinstance(word, str) and self.log_prob(word) is not None

    def log_prob(self, word: str) -> float | None:
        """The word's natural log probability in spaCy's table; None when it is not there."""
        if not word or "\n" in word or "\t" in word:
            return None
        key, data = word.encode("utf-8") + b"\t", self._data
        low, high = 0, len(data)  # both always at the start of a line
        while low < high:
            start = data.rfind(b"\n", low, (low + high) // 2) + 1 or low
            end = data.find(b"\n", start)
            end = len(data) if end < 0 else end
            line = data[start:end]
            if line.startswith(key):
                return -int(line[len(key):]) / 10
            if line < key:
                low = end + 1
            else:
                high = start
        return None


def cached_english_words() -> SortedWords | None:
    """The word list, from the cache (made now if missing); None without spacy-lookups-data."""
    source = _source()
    if source is None:
        return None
    stat = source.stat()
    cache = _cache_folder() / (f"english-words-{FORMAT}-{stat.st_size}"
                               f"-{int(stat.st_mtime)}.txt")
    try:
        return SortedWords(cache.read_bytes())
    except OSError:
        pass
    data = _build(source)
    try:
        cache.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=cache.parent, suffix=".part")
        with os.fdopen(handle, "wb") as out:
            out.write(data)
        os.replace(temporary, cache)  # whole or absent, even with two processes at once
        for stale in cache.parent.glob("english-words-*.txt"):
            if stale != cache:  # made from an older spacy-lookups-data or file format
                stale.unlink(missing_ok=True)
    except OSError:
        pass  # no cache folder: this process keeps the list in memory
    return SortedWords(data)


def _source() -> Path | None:
    try:
        import spacy_lookups_data
    except ImportError:
        return None
    table = Path(spacy_lookups_data.__file__).parent / "data" / SOURCE_NAME
    return table if table.exists() else None


def _build(source: Path) -> bytes:
    """The file's bytes: lower-case alphabetic words with their -log probability in tenths,
    sorted by the bytes of "word<TAB>" so that a lookup can search for that prefix."""
    import srsly

    table = srsly.read_gzip_json(source)
    lines = sorted(f"{word}\t{round(-prob * 10)}".encode()
                   for word, prob in table.items() if word.isalpha() and word.islower())
    return b"\n".join(lines)


def _cache_folder() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "wres-plans"
