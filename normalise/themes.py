"""Themes for WRES actions, with the words that gave each one.

The list of themes, what each covers and how hard cases are judged are fixed by
RECORD_FORMAT.md; the lexicon that applies them lives in ``themes.json`` beside this module
(cues, context patterns and vetoes per theme) so it can be read and extended without code.
Themes, in their stable output order:

recruitment and promotion, bullying and harassment, disciplinary, training and development,
board and senior representation, staff networks, mentoring and reverse mentoring, data and
monitoring, leadership and culture, communications, policy.

How an action is read, and why:
- From the action text, and the objective only where the action is terse (``terse_words``
  or fewer) or names no theme itself: a theme is what the action works on, not its motive;
  the status or progress text is never read (it reports, it does not say what is done).
- Cues are matched on lemmas (spaCy's blank English with the lookup lemmatizer, the
  project's one pipeline in ``lemmas.py``), so "bullied" and "bullying" are one cue and
  multi-word terms ("dignity at work", "conversations about race") match as phrases.
- Cues that mean something only in context are regular expressions ("a target ... for Band
  8a" is recruitment; "board appointments" is board representation), and vetoes drop a cue
  in a context where it says nothing ("values-based recruitment" is not culture, a network
  named as partner is not staff networks, "trained panel member" is not training).
- Where no cue at all is found, a TF-IDF similarity to each theme's description
  (``theme_similarity.py``, data shipped in ``themes.json``) may give one theme.
Everything is deterministic: the same text always gives the same themes and evidence.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc

TAXONOMY_PATH = Path(__file__).with_name("themes.json")
BATCH_SIZE = 64
_QUOTES = str.maketrans({"\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"',
                         "\u2013": "-", "\u2014": "-"})
_SPACE = re.compile(r"\s+")


@dataclass
class ThemeResult:
    """The themes of one action and, per theme, the words that triggered it."""

    themes: list[str] = field(default_factory=list)
    evidence: dict[str, list[str]] = field(default_factory=dict)


@lru_cache(maxsize=1)
def _taxonomy_file() -> dict[str, Any]:
    with TAXONOMY_PATH.open(encoding="utf-8") as handle:
        return json.load(handle)


def load_taxonomy() -> list[dict[str, Any]]:
    """The themes of ``themes.json`` in their output order."""
    return _taxonomy_file()["themes"]


def theme_names() -> list[str]:
    return [theme["name"] for theme in load_taxonomy()]


def terse_words() -> int:
    return int(_taxonomy_file().get("terse_words", 12))


def _lemmatizing_pipeline() -> Language:
    """The project's one spaCy pipeline (lemmas.py): cues and texts go through the same one,
    so a cue always matches itself."""
    from wres.normalise.lemmas import nlp

    return nlp()


@lru_cache(maxsize=1)
def _phrase_matcher() -> PhraseMatcher:
    """One phrase matcher on lemmas, labelled by theme name."""
    nlp = _lemmatizing_pipeline()
    phrases = PhraseMatcher(nlp.vocab, attr="LEMMA")
    for theme in load_taxonomy():
        cues = [prepare(cue) for cue in theme.get("cues", [])]
        if cues:
            phrases.add(theme["name"], list(nlp.pipe(cues)))
    return phrases


@lru_cache(maxsize=1)
def _regexes() -> dict[str, tuple[list[re.Pattern[str]], list[re.Pattern[str]]]]:
    """Per theme: its context patterns and its vetoes, compiled."""
    return {theme["name"]: ([re.compile(p) for p in theme.get("patterns", [])],
                            [re.compile(v) for v in theme.get("vetoes", [])])
            for theme in load_taxonomy()}


def prepare(text: str | None) -> str:
    """Lower-case text with typographic quotes and dashes made plain and spaces folded: the
    lookup tables are keyed on lower-case words and the patterns are written for plain ones."""
    return _SPACE.sub(" ", (text or "").translate(_QUOTES)).strip().lower()


Span = tuple[int, int, str]


def _candidate_spans(doc: Doc) -> dict[str, list[Span]]:
    """Every cue and pattern match in the text, per theme: (start, end, words)."""
    found: dict[str, list[Span]] = {}
    vocab = doc.vocab
    for match_id, start, end in _phrase_matcher()(doc):
        span = doc[start:end]
        found.setdefault(vocab.strings[match_id], []).append(
            (span.start_char, span.end_char, span.text))
    text = doc.text  # built from the tokens on every access: once, not once per pattern
    for name, (patterns, _) in _regexes().items():
        for pattern in patterns:
            for match in pattern.finditer(text):
                found.setdefault(name, []).append((match.start(), match.end(), match.group()))
    return found


def _surviving(text: str, name: str, spans: list[Span]) -> list[str]:
    """The words of the matches that no veto of this theme overlaps, in text order."""
    vetoes = [(m.start(), m.end()) for v in _regexes()[name][1] for m in v.finditer(text)]
    kept = [s for s in sorted(spans)
            if not any(s[0] < v_end and v_start < s[1] for v_start, v_end in vetoes)]
    widest = [s for s in kept  # "diverse shortlists" says it all; "shortlists" adds nothing
              if not any(o[0] <= s[0] and s[1] <= o[1] and o[1] - o[0] > s[1] - s[0]
                         for o in kept)]
    return list(dict.fromkeys(words for _, _, words in widest))


def _evidence_of_doc(doc: Doc) -> dict[str, list[str]]:
    evidence: dict[str, list[str]] = {}
    text = doc.text
    for name, spans in _candidate_spans(doc).items():
        words = _surviving(text, name, spans)
        if words:
            evidence[name] = words
    return evidence


def _is_terse(action: str) -> bool:
    return len(action.split()) <= terse_words()


def _merge(into: dict[str, list[str]], extra: dict[str, list[str]], tag: str) -> None:
    for name, words in extra.items():
        bucket = into.setdefault(name, [])
        bucket.extend(f"{tag}{w}" for w in words if f"{tag}{w}" not in bucket)


def _ordered(evidence: dict[str, list[str]]) -> ThemeResult:
    names = [name for name in theme_names() if evidence.get(name)]
    return ThemeResult(themes=names, evidence={name: evidence[name] for name in names})


def classify_many(items: list[tuple[str | None, str | None]]) -> list[ThemeResult]:
    """Themes and evidence for many (action, objective) pairs, in the order given.

    Evidence from the objective is marked "objective: ..." and from the similarity
    fallback "similar: ...", so an analyst can see where a theme came from."""
    from wres.normalise.theme_similarity import similar_theme

    nlp = _lemmatizing_pipeline()
    actions = [prepare(action) for action, _ in items]
    objectives = [prepare(objective) for _, objective in items]
    action_docs = list(nlp.pipe(actions, batch_size=BATCH_SIZE))
    objective_docs = list(nlp.pipe(objectives, batch_size=BATCH_SIZE))
    results: list[ThemeResult] = []
    for action, action_doc, objective_doc in zip(actions, action_docs, objective_docs,
                                                 strict=True):
        evidence = _evidence_of_doc(action_doc)
        if objective_doc.text and (not evidence or _is_terse(action)):
            _merge(evidence, _evidence_of_doc(objective_doc), "objective: ")
        if not evidence and action:
            guess = similar_theme(action_doc)
            if guess is not None:
                evidence[guess[0]] = [f"similar: {w}" for w in guess[1]]
        results.append(_ordered(evidence))
    return results


def warm_up_themes() -> None:
    """Build the matchers, patterns and similarity vectors now (a batch worker does this
    once before forking, so each child inherits them)."""
    from wres.normalise.theme_similarity import theme_vectors

    _phrase_matcher()
    _regexes()
    theme_vectors()


def classify(action: str | None, objective: str | None = None) -> ThemeResult:
    """Themes and evidence of one action (its objective read only where the action is terse)."""
    return classify_many([(action, objective)])[0]


def assign_themes(text: str | None) -> list[str]:
    """The themes one action's text works on, in taxonomy order ([] for empty text)."""
    return classify(text).themes


def assign_themes_many(texts: list[str | None]) -> list[list[str]]:
    """Themes for many action texts at once (one ``nlp.pipe`` pass), in the order given."""
    return [result.themes for result in classify_many([(text, None) for text in texts])]
