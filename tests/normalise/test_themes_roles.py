"""Rules added after the second unseen set (December 2026), each judged by RECORD_FORMAT.

Named roles are not hiring, a coaching network is not a staff network, a staff forum is one,
senior teams and governors are board representation, champions of equality are culture (but
a champion sitting on a panel fills the panel's role), and sharing work with staff is
communications. Sentences here are new, not copied from the unseen sets.
"""

from __future__ import annotations

import pytest

from wres.normalise.themes import classify

R, B, T = "recruitment and promotion", "bullying and harassment", "training and development"
S, N, M = ("board and senior representation", "staff networks",
           "mentoring and reverse mentoring")
DM, L, C = "data and monitoring", "leadership and culture", "communications"


def themes(text: str) -> set[str]:
    return set(classify(text).themes)


@pytest.mark.parametrize("text", [
    "Appoint a director as executive sponsor of the Filipino staff network.",
    "Appoint the Medical Director as the Board's champion for inclusion.",
    "Offer reflective supervision to newly appointed healthcare assistants.",
])
def test_naming_someone_to_a_role_is_not_recruitment(text: str) -> None:
    assert R not in themes(text) and S not in themes(text)


def test_a_coaching_network_is_mentoring_not_a_staff_network() -> None:
    assert themes("Establish a coaching network open to all minority ethnic nurses.") == {M}


def test_a_staff_forum_with_its_own_time_and_sponsor_is_a_staff_network() -> None:
    found = themes("Give the Muslim staff forum an executive sponsor and a yearly budget.")
    assert N in found and M not in found


@pytest.mark.parametrize("text", [
    "Improve ethnic minority representation in the senior leadership team of each division.",
    "Recruit three new governors from the local Black and Asian communities.",
])
def test_senior_teams_and_governors_are_board_representation(text: str) -> None:
    assert S in themes(text)


def test_targets_named_after_the_bands_are_recruitment() -> None:
    assert R in themes("Report BME staff at Bands 8c to 9 against our five-year targets.")


def test_equality_champions_are_culture_but_a_champion_on_a_panel_is_not() -> None:
    assert L in themes("Recruit an inclusion champion in every ward and department.")
    assert L not in themes("Every shortlisting panel includes a diversity champion who "
                           "checks the scoring.")


@pytest.mark.parametrize("text", [
    "Sign off the audit findings and share them with all colleagues in the division.",
    "Write to all consultants about the new reporting route.",
    "Host a festival of cultures for staff in June.",
])
def test_sharing_writing_and_hosting_are_communications(text: str) -> None:
    assert C in themes(text)


def test_a_respect_charter_is_bullying_but_respecting_difference_is_not() -> None:
    assert B in themes("Launch a civility charter for theatres and recovery.")
    assert B not in themes("Help teams understand that strength comes from respecting "
                           "difference.")


def test_development_centres_are_training_and_assessment_centres_are_not() -> None:
    assert T in themes("Run a development centre for aspiring ward managers.")
    assert T not in themes("Audit the assessment centres used for Band 7 posts.")
