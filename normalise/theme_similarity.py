"""Similarity fallback for themes: TF-IDF of an action against each theme's description.

Why: a plan may say what it does in words no cue lists ("a rota of senior colleagues who
pair with new starters" is a buddy scheme). Where no cue matched at all, the action is
compared with each theme's ``description`` and cue list in ``themes.json`` (so the data
ships with the package; nothing is downloaded and no trained model is loaded), over lemmas
from the project's one spaCy pipeline, stop words and punctuation left out. The best theme
is given only when the cosine similarity reaches ``MIN_SIMILARITY`` and at least
``MIN_SHARED`` content lemmas are shared, so a text about nothing in the list gets no theme.
Deterministic: fixed data, no randomness, ties broken by the taxonomy order.
"""

from __future__ import annotations

import math
from collections import Counter
from functools import lru_cache

from spacy.lang.en.stop_words import STOP_WORDS
from spacy.tokens import Doc

MIN_SIMILARITY = 0.08
MIN_SHARED = 2
# words common to every WRES action: they say nothing about which theme an action is
_GENERIC = frozenset({"staff", "trust", "bme", "bame", "ethnic", "minority", "black", "asian",
                      "white", "colleague", "ensure", "introduce", "develop", "work", "review",
                      "support", "all", "wres", "race", "equality", "plan", "action",
                      "improve", "new", "year", "member", "team", "level", "band", "group",
                      "senior", "people", "manager", "organisation", "service"})


def content_lemmas(doc: Doc) -> list[str]:
    """Lemmas of the words that carry meaning: no stop words, numbers or punctuation."""
    lemmas = []
    for token in doc:
        lemma = (token.lemma_ or token.text).lower()
        if token.is_alpha and lemma not in STOP_WORDS and token.text not in STOP_WORDS \
                and lemma not in _GENERIC and len(lemma) > 2:
            lemmas.append(lemma)
    return lemmas


@lru_cache(maxsize=1)
def theme_vectors() -> tuple[list[str], dict[str, float], list[dict[str, float]]]:
    """Theme names, the idf of each lemma over the theme documents, and each theme's
    normalised TF-IDF vector."""
    from wres.normalise.lemmas import nlp
    from wres.normalise.themes import load_taxonomy, prepare

    names, counts = [], []
    for theme in load_taxonomy():
        text = " ".join([theme.get("description", ""), *theme.get("cues", [])])
        names.append(theme["name"])
        counts.append(Counter(content_lemmas(nlp()(prepare(text)))))
    total = len(counts)
    document_frequency = Counter(lemma for count in counts for lemma in count)
    idf = {lemma: math.log((1 + total) / (1 + df)) + 1.0
           for lemma, df in document_frequency.items()}
    return names, idf, [_normalised(count, idf) for count in counts]


def _normalised(count: Counter[str], idf: dict[str, float]) -> dict[str, float]:
    weights = {lemma: n * idf.get(lemma, 0.0) for lemma, n in count.items()}
    norm = math.sqrt(sum(w * w for w in weights.values())) or 1.0
    return {lemma: w / norm for lemma, w in weights.items() if w}


def similar_theme(doc: Doc) -> tuple[str, list[str]] | None:
    """The theme whose description the text is most like, with the shared lemmas that
    weigh most, or None when no theme is close enough."""
    names, idf, vectors = theme_vectors()
    query = _normalised(Counter(content_lemmas(doc)), idf)
    if not query:
        return None
    best: tuple[float, int, list[str]] | None = None
    for index, vector in enumerate(vectors):
        shared = [lemma for lemma in query if lemma in vector]
        score = sum(query[lemma] * vector[lemma] for lemma in shared)
        if len(shared) >= MIN_SHARED and score >= MIN_SIMILARITY \
                and (best is None or score > best[0]):
            best = (score, index, sorted(shared, key=lambda lemma: -query[lemma] * vector[lemma]))
    if best is None:
        return None
    return names[best[1]], best[2][:3]
