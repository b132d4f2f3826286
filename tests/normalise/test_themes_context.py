"""Each misfire and miss issue 14 names, as RECORD_FORMAT's hard-case rules judge it.

Expected themes were worked out from RECORD_FORMAT's table and rules, not from the program.
"""

from __future__ import annotations

import pytest

from wres.normalise.themes import assign_themes, classify

R, B, D, T = ("recruitment and promotion", "bullying and harassment", "disciplinary",
              "training and development")
S, N, M, DM = ("board and senior representation", "staff networks",
               "mentoring and reverse mentoring", "data and monitoring")
L, C, P = "leadership and culture", "communications", "policy"


# --- misfires: a cue word out of context --------------------------------------------------

def test_staff_report_experiencing_in_the_objective_is_not_data() -> None:
    result = classify("Roll out civility workshops to every ward team",
                      "BME staff report experiencing bullying from colleagues (staff survey)")
    assert DM not in result.themes
    assert DM not in assign_themes("Staff report experiencing harassment from patients")


def test_data_words_count_where_the_action_itself_reports_data() -> None:
    assert DM in assign_themes("Report the ethnicity of staff entering formal disciplinary "
                               "processes to the People Committee")
    assert assign_themes("Report progress on this plan to the Board every quarter") == []


@pytest.mark.parametrize("text", [
    "Diverse interview panels for all posts at Band 8a and above",
    "Set targets for BME representation at Bands 8a to 9 for each division",
    "Senior HR check before any formal investigation starts",
])
def test_a_band_or_senior_alone_is_not_the_board(text: str) -> None:
    assert S not in assign_themes(text)


def test_board_make_up_and_appointments_are_board_representation() -> None:
    assert set(assign_themes("Use diverse shortlists for all non-executive appointments")) \
        == {R, S}
    assert S in assign_themes("Set a target for BME representation on the Board")
    assert assign_themes("Run a reverse mentoring scheme pairing each Board member with a "
                         "BME member of staff") == [M]


def test_values_based_recruitment_is_recruitment_not_culture() -> None:
    themes = assign_themes("Introduce values-based recruitment for all clinical posts")
    assert themes == [R]
    assert L in assign_themes("Review the Trust values and behaviours framework")


def test_job_adverts_are_recruitment_not_communications() -> None:
    themes = assign_themes("Review the wording of job adverts to remove non-essential "
                           "requirements")
    assert themes == [R]
    assert C not in assign_themes("Publish all secondment and acting-up opportunities on "
                                  "the intranet")


@pytest.mark.parametrize("text", [
    "Review the disciplinary policy with the BME staff network",
    "Recruit Freedom to Speak Up Champions and publicise them through the Race Equality "
    "Network",
    "Invite BME staff network members to join the conflict resolution working group",
])
def test_a_network_as_partner_or_audience_is_not_staff_networks(text: str) -> None:
    assert N not in assign_themes(text)


@pytest.mark.parametrize("text", [
    "Set up a BAME Staff Network with protected time for its chair",
    "Identify facility time and a budget for the staff networks",
    "Staff network chairs and vice-chairs to be invited to Board meetings",
])
def test_the_networks_own_chair_time_and_budget_are_staff_networks(text: str) -> None:
    assert N in assign_themes(text)


def test_the_motive_adds_no_theme() -> None:
    themes = assign_themes("Continued development of the reciprocal mentoring scheme, with "
                           "an aim of increasing representation across all levels")
    assert themes == [M]


def test_objective_is_read_only_where_the_action_is_terse() -> None:
    terse = classify("Recruitment of BAME NEDs", "To increase BAME board representation")
    assert S in terse.themes and "objective: board representation" in terse.evidence[S]
    wordy = classify("Launch a reverse mentoring programme pairing executives with staff",
                     "To improve career progression for BME staff into senior roles")
    assert wordy.themes == [M]


# --- misses: plain paraphrases ------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "Relaunch the Dignity at Work policy framework for all staff",
    "Run civility and respect sessions for every team",
    "The Trust will continue to deliver an internal Mediation Service to resolve issues "
    "between colleagues",
])
def test_dignity_civility_and_mediation_are_bullying(text: str) -> None:
    assert B in assign_themes(text)


def test_communicating_a_policy_is_communications_and_policy() -> None:
    assert {C, P} <= set(assign_themes("Communicate the policy on acting up to all line "
                                       "managers"))


@pytest.mark.parametrize("text", [
    "Launch the 'Ready for Next' career development programme for BME staff in Bands 5 to 7",
    "Offer a development programme for BAME staff who wish to move into team leader posts",
    "Run a positive action leadership programme for Band 5 and 6 BME staff",
])
def test_development_programmes_aimed_at_progression_are_training_and_recruitment(
        text: str) -> None:
    assert {T, R} <= set(assign_themes(text))


def test_training_for_a_role_gets_the_roles_theme_not_training() -> None:
    assert assign_themes("Recruit and train Speak Up Champions in every division") == [B, L]
    assert T not in assign_themes("Require a trained independent panel member on every "
                                  "Band 7 interview panel")


def test_evidence_names_the_words_behind_each_theme() -> None:
    result = classify("Deliver active bystander training and publish a newsletter")
    assert result.themes == [B, T, C]
    assert result.evidence[B] == ["bystander"]
    assert "newsletter" in result.evidence[C]
    assert set(result.evidence) == set(result.themes)


def test_similarity_fallback_is_marked_and_stays_quiet_on_unrelated_text() -> None:
    result = classify("A rota of experienced colleagues who pair with new starters and "
                      "guide them")
    assert result.themes == [M]
    assert all(word.startswith("similar: ") for word in result.evidence[M])
    assert classify("Improve car parking for night staff").themes == []
