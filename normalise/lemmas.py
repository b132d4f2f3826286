"""Word lemmas from spaCy's lookup lemmatizer, loaded once.

Why lookup tables: no trained English pipeline is on PyPI here, and a header or a theme cue
only needs "measures" -> "measure", "timescales" -> "timescale", "mentors" -> "mentor".
The pipeline is built the same way on every machine, whatever spaCy models happen to be
installed: a trained model (``en_core_web_sm``) would change lemmas, and so the themes of an
action, from one machine to the next. Nothing is downloaded.
"""

from __future__ import annotations

from functools import lru_cache


@lru_cache(maxsize=1)
def nlp():
    """The shared spaCy pipeline: always blank English with the lookup lemmatizer (its
    tables come from the spacy-lookups-data package, a dependency), never a trained model."""
    import spacy

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
