"""The similarity of two actions and the one-to-one assignment (no database)."""

from __future__ import annotations

from wres.db.link_text import LINK_THRESHOLD, LinkItem, Match, assign, fold_word, score_pairs


def score_of(old: LinkItem, new: LinkItem) -> float:
    return score_pairs([old], [new])[0].score


def test_words_fold_to_one_form() -> None:
    assert fold_word("recruitment") == fold_word("recruiting") == fold_word("recruit")
    assert fold_word("policies") == fold_word("policy")
    assert fold_word("scheme") == fold_word("programmes")
    assert fold_word("bullying") == fold_word("harassment")
    assert fold_word("community") != fold_word("communications")


def test_the_same_words_about_another_subject_do_not_link() -> None:
    recruitment = LinkItem(1, "Review the recruitment policy", themes=[
        "recruitment and promotion", "policy"])
    disciplinary = LinkItem(2, "Review the disciplinary policy", themes=[
        "disciplinary", "policy"])
    assert score_of(recruitment, disciplinary) < LINK_THRESHOLD
    assert assign(score_pairs([recruitment], [disciplinary])) == []


def test_a_reworded_action_links() -> None:
    old = LinkItem(1, "Launch a mentoring scheme for BAME staff with senior leaders as mentors",
                   owner="Head of OD")
    new = LinkItem(2, "Recruit senior leaders as mentors and start the mentoring programme for "
                      "ethnic minority colleagues", owner="Head of OD")
    assert score_of(old, new) >= LINK_THRESHOLD


def test_misspelt_words_still_count() -> None:
    right = LinkItem(1, "Publish the ethnicity pay gap report")
    misspelt = LinkItem(2, "Publish the ethnicty pay gap reprot")
    unrelated = LinkItem(3, "Publish the gender pay gap leaflet")
    assert score_of(right, misspelt) > score_of(right, unrelated)


def test_assignment_is_one_to_one_best_first() -> None:
    pairs = [Match(1, 10, 0.9), Match(1, 11, 0.8), Match(2, 10, 0.85), Match(2, 11, 0.5),
             Match(3, 12, 0.1)]
    assert assign(pairs, threshold=0.3) == [Match(1, 10, 0.9), Match(2, 11, 0.5)]
    assert assign(list(reversed(pairs)), threshold=0.3) == assign(pairs, threshold=0.3)
