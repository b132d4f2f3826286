"""Themes for WRES actions, assigned with spaCy rules on lemmas.

The taxonomy (theme -> cue phrases, plus a few token patterns) lives in ``themes.json``
beside this module so it can be read and extended without touching code. Themes, in their
stable output order:

recruitment and promotion, bullying and harassment, disciplinary, training and development,
board and senior representation, staff networks, mentoring and reverse mentoring, data and
monitoring, leadership and culture, communications, policy.

Why lemmas and the lookup lemmatizer: cue "bully" must catch "bullied" and "bullying", and
"mentor" must catch "mentoring". ``spacy.blank("en")`` with the lookup lemmatizer (tables
from spacy-lookups-data) needs no download and gives the same context-free lemma for a word
in a cue and in a text, so a cue always matches itself. A trained pipeline would tag words
in context and could lemmatise a cue and a text differently, so it is not used even when one
is installed. Texts are lower-cased first because the lookup tables are keyed on lower-case
words. The pipeline is built once, on first use.
"""

from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path
from typing import Any

from spacy.language import Language
from spacy.matcher import Matcher, PhraseMatcher
from spacy.tokens import Doc

TAXONOMY_PATH = Path(__file__).with_name("themes.json")
BATCH_SIZE = 64


@lru_cache(maxsize=1)
def load_taxonomy() -> list[dict[str, Any]]:
    """The themes of ``themes.json`` in their output order."""
    with TAXONOMY_PATH.open(encoding="utf-8") as handle:
        return json.load(handle)["themes"]


def theme_names() -> list[str]:
    return [theme["name"] for theme in load_taxonomy()]


def _lemmatizing_pipeline() -> Language:
    """The project's one spaCy pipeline (lemmas.py): cues and texts go through the same one,
    so a cue always matches itself."""
    from wres.normalise.lemmas import nlp

    return nlp()


@lru_cache(maxsize=1)
def _matchers() -> tuple[PhraseMatcher, Matcher]:
    """One phrase matcher on lemmas and one token matcher, both labelled by theme name."""
    nlp = _lemmatizing_pipeline()
    phrases = PhraseMatcher(nlp.vocab, attr="LEMMA")
    tokens = Matcher(nlp.vocab)
    for theme in load_taxonomy():
        cues = [cue.lower() for cue in theme.get("cues", [])]
        if cues:
            phrases.add(theme["name"], list(nlp.pipe(cues)))
        if theme.get("token_patterns"):
            tokens.add(theme["name"], theme["token_patterns"])
    return phrases, tokens


def _themes_of_doc(doc: Doc) -> list[str]:
    phrases, tokens = _matchers()
    vocab = doc.vocab
    found = {vocab.strings[match_id] for match_id, _, _ in phrases(doc)}
    found |= {vocab.strings[match_id] for match_id, _, _ in tokens(doc)}
    return [name for name in theme_names() if name in found]


def assign_themes(text: str | None) -> list[str]:
    """The themes one action's text touches, in taxonomy order ([] for empty text)."""
    return assign_themes_many([text or ""])[0]


def assign_themes_many(texts: list[str | None]) -> list[list[str]]:
    """Themes for many texts at once (one ``nlp.pipe`` pass), in the order given."""
    nlp = _lemmatizing_pipeline()
    lowered = [(text or "").lower() for text in texts]
    return [_themes_of_doc(doc) for doc in nlp.pipe(lowered, batch_size=BATCH_SIZE)]
