"""Word lemmas from spaCy's lookup lemmatizer, loaded once.

Why lookup tables: no trained English pipeline is on PyPI here, and a header or a theme cue
only needs "measures" -> "measure", "timescales" -> "timescale", "mentors" -> "mentor".
A trained pipeline is used instead when one happens to be installed; nothing is downloaded.
"""

from __future__ import annotations

from functools import lru_cache


@lru_cache(maxsize=1)
def nlp():
    """The shared spaCy pipeline: en_core_web_sm if installed, else blank English with the
    lookup lemmatizer (needs the spacy-lookups-data package, which is a dependency)."""
    import spacy

    try:
        return spacy.load("en_core_web_sm", exclude=["parser", "ner"])
    except OSError:
        pipeline = spacy.blank("en")
        pipeline.add_pipe("lemmatizer", config={"mode": "lookup"})
        pipeline.initialize()
        return pipeline


@lru_cache(maxsize=16384)
def lemma(word: str) -> str:
    """The lemma of one lower-case word ("timescales" -> "timescale")."""
    doc = nlp()(word)
    found = doc[0].lemma_.lower() if len(doc) == 1 and doc[0].lemma_ else word
    if found == word and len(word) > 3 and word.endswith("s") and not word.endswith(_NOT_PLURAL):
        return word[:-1]  # plurals the lookup table lacks: "kpis", "rags", "leads"
    return found


_NOT_PLURAL = ("ss", "us", "sis")
