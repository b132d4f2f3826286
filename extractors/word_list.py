"""spaCy's English word list, built once per machine and looked up without loading it.

Why: building a set of 320,000 words from ``en_lexeme_prob.json.gz`` took 1 to 4 s, on
every start of every process that met a candidate broken word. The words are written once,
sorted, to a plain file in the user's cache folder (keyed by the source file's size and
time, so a new ``spacy-lookups-data`` rebuilds it); a lookup is then a binary search over
its bytes, read in a millisecond. Where no cache can be written the list is built in memory.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Container
from pathlib import Path

SOURCE_NAME = "en_lexeme_prob.json.gz"


class SortedWords(Container[str]):
    """Membership in a newline-separated, byte-sorted word file, by binary search."""

    def __init__(self, data: bytes) -> None:
        self._data = data

    def __contains__(self, word: object) -> bool:
        if not isinstance(word, str) or not word or "\n" in word:
            return False
        key, data = word.encode("utf-8"), self._data
        low, high = 0, len(data)  # both always at the start of a line
        while low < high:
            start = data.rfind(b"\n", low, (low + high) // 2) + 1 or low
            end = data.find(b"\n", start)
            end = len(data) if end < 0 else end
            line = data[start:end]
            if line == key:
                return True
            if line < key:
                low = end + 1
            else:
                high = start
        return False


def cached_english_words() -> Container[str] | None:
    """The word list, from the cache (made now if missing); None without spacy-lookups-data."""
    source = _source()
    if source is None:
        return None
    stat = source.stat()
    cache = _cache_folder() / f"english-words-{stat.st_size}-{int(stat.st_mtime)}.txt"
    try:
        return SortedWords(cache.read_bytes())
    except OSError:
        pass
    words = _build(source)
    data = b"\n".join(sorted(word.encode("utf-8") for word in words))
    try:
        cache.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=cache.parent, suffix=".part")
        with os.fdopen(handle, "wb") as out:
            out.write(data)
        os.replace(temporary, cache)  # whole or absent, even with two processes at once
    except OSError:
        return words
    return SortedWords(data)


def _source() -> Path | None:
    try:
        import spacy_lookups_data
    except ImportError:
        return None
    table = Path(spacy_lookups_data.__file__).parent / "data" / SOURCE_NAME
    return table if table.exists() else None


def _build(source: Path) -> frozenset[str]:
    import srsly

    return frozenset(k for k in srsly.read_gzip_json(source) if k.isalpha() and k.islower())


def _cache_folder() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "wres-plans"
