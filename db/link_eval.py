"""Scoring stored links against hand-written gold chains (samples/gold-links/*.json).

A gold file lists a trust's plans (file names, oldest first) and every chain of its actions
by hand: ``{"outcome": "ongoing" | "completed" | "dropped", "actions": [[file, ref], ...]}``.
Its links are the successive pairs within each chain. Figures:
- link precision: stored links that are gold links; recall: gold links stored;
- chain outcomes: of the gold chains, those whose first action the tool puts in a chain
  with the same outcome; chains exact: those the tool rebuilds action for action.
"""

from __future__ import annotations

from itertools import pairwise

from wres.db.track_query import TrustLinks

ActionKey = tuple[str, str]  # (file, ref)


def gold_chains(gold: dict) -> list[tuple[str, list[ActionKey]]]:
    return [(chain["outcome"], [tuple(a) for a in chain["actions"]])
            for chain in gold["chains"]]


def stored_chains(links: TrustLinks) -> list[tuple[str, list[ActionKey]]]:
    return [(chain["outcome"], [(a.source_file, a.ref) for a in chain["actions"]])
            for chain in links.chains]


def links_of(chains: list[tuple[str, list[ActionKey]]]) -> set[tuple[ActionKey, ActionKey]]:
    """The links a list of chains implies: each action to the next in its chain."""
    return {pair for _, actions in chains for pair in pairwise(actions)}


def score(gold: list[tuple[str, list[ActionKey]]],
          found: list[tuple[str, list[ActionKey]]]) -> dict:
    """Counts and shares of one trust (or several, concatenated)."""
    gold_links, found_links = links_of(gold), links_of(found)
    right = gold_links & found_links
    chain_of = {action: (outcome, actions) for outcome, actions in found for action in actions}
    outcomes_right = sum(chain_of.get(actions[0], (None, []))[0] == outcome
                         for outcome, actions in gold)
    exact = sum(chain_of.get(actions[0]) == (outcome, actions) for outcome, actions in gold)
    return {
        "gold_links": len(gold_links), "found_links": len(found_links),
        "right_links": len(right),
        "precision": len(right) / len(found_links) if found_links else 1.0,
        "recall": len(right) / len(gold_links) if gold_links else 1.0,
        "chains": len(gold), "outcomes_right": outcomes_right,
        "outcome_accuracy": outcomes_right / len(gold) if gold else 1.0,
        "chains_exact": exact,
        "wrong_links": sorted(found_links - gold_links),
        "missed_links": sorted(gold_links - found_links),
    }
