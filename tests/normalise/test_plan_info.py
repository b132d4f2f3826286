"""Trust and period from title lines and file names (titles of the seed plans)."""

from __future__ import annotations

import pytest

from wres.normalise.plan_info import merge_plan_info, plan_from_filename, plan_from_text
from wres.schema import PlanInfo

NORTH_TEES_LINES = [
    "NHS Workforce Race Equality Standard (WRES)",
    "Action Plan 2023-24",
    "Primary Author(s) of this Action plan",
    "Publication Date:",
    "October 2023",
    "North Tees and Hartlepool NHS Foundation Trust",
    "It is intended that the WRES Action Plan will strongly align with those actions ...",
]
LINCOLNSHIRE_LINES = [
    "Workforce Race Equality Standard (WRES) Action Plan, 2021-2023",
    "WRES Indicator & Objective\tGaps\tAction\tResponsible Lead\tStatus update (RAG)",
    "WRES data 2016-2021 evidences an improvement since 2019.",
    "In the 2021 WRES data report 13.3% of the workforce identified at BAME heritage.",
]


@pytest.mark.parametrize(
    ("lines", "trust", "start", "end"),
    [
        (
            ["Northamptonshire Healthcare NHS Foundation Trust WRES Action Plan 2016-2017"],
            "Northamptonshire Healthcare NHS Foundation Trust", 2016, 2017,
        ),
        (NORTH_TEES_LINES, "North Tees and Hartlepool NHS Foundation Trust", 2023, 2024),
        (LINCOLNSHIRE_LINES, None, 2021, 2023),
        (["WRES ACTION PLAN 2019-2020", "1.\tIssue\tBME applicants ..."], None, 2019, 2020),
        (["## WRES Action Plan 2021/2022"], None, 2021, 2022),
        (["United Lincolnshire Hospitals NHS Trust", "WRES Action Plan 2019-20"],
         "United Lincolnshire Hospitals NHS Trust", 2019, 2020),
        (["Kent Community Health and Care NHS Foundation Trust", "WRES action plan 2022"],
         "Kent Community Health and Care NHS Foundation Trust", 2022, 2022),
        (["WRES Action Plan: Guy's and St Thomas' NHS Foundation Trust", "2019 to 2020"],
         "Guy's and St Thomas' NHS Foundation Trust", 2019, 2020),
        (["Action plan 2019 - 2020", "the trust board will review it by 31/10/2021"],
         None, 2019, 2020),
        (["Audit for 2016 focusing on disciplinary complete"], None, None, None),
        ([], None, None, None),
    ],
)
def test_plan_from_text(
    lines: list[str], trust: str | None, start: int | None, end: int | None
) -> None:
    assert plan_from_text(lines) == PlanInfo(trust=trust, period_start=start, period_end=end)


def test_title_years_beat_body_years() -> None:
    lines = ["Our journey since 2016-2019 has been long", *LINCOLNSHIRE_LINES]
    info = plan_from_text(lines)
    assert (info.period_start, info.period_end) == (2021, 2023)


@pytest.mark.parametrize(
    ("name", "trust", "start", "end"),
    [
        ("kent-community-health-2019-20.pdf", None, 2019, 2020),
        ("northamptonshire-healthcare-2016-17.docx", None, 2016, 2017),
        ("united-lincolnshire-2021-23.pdf", None, 2021, 2023),
        ("/data/in/north-tees-hartlepool-2023-24.pdf", None, 2023, 2024),
        ("wres_plan_2021_2022_final.pdf", None, 2021, 2022),
        ("WRES Action Plan 2022.pdf", None, 2022, 2022),
        (
            "north-tees-and-hartlepool-nhs-foundation-trust-wres-action-plan-2023-24.pdf",
            "North Tees and Hartlepool NHS Foundation Trust", 2023, 2024,
        ),
        (
            "2019-wres-action-plan-united-lincolnshire-hospitals-nhs-trust.docx",
            "United Lincolnshire Hospitals NHS Trust", 2019, 2019,
        ),
        ("nhs-trust-wres.pdf", None, None, None),
        ("plan.pdf", None, None, None),
    ],
)
def test_plan_from_filename(
    name: str, trust: str | None, start: int | None, end: int | None
) -> None:
    assert plan_from_filename(name) == PlanInfo(trust=trust, period_start=start, period_end=end)


def test_merge_first_non_null_wins() -> None:
    manifest = PlanInfo(trust="Kent Community Health NHS Foundation Trust")
    title = PlanInfo(period_start=2019, period_end=2020)
    filename = PlanInfo(trust="Other NHS Trust", period_start=2018, period_end=2019)
    assert merge_plan_info(manifest, title, filename) == PlanInfo(
        trust="Kent Community Health NHS Foundation Trust", period_start=2019, period_end=2020
    )


def test_merge_keeps_years_as_a_pair() -> None:
    # a start of 2021 from one source and an end of 2020 from another would run backwards
    merged = merge_plan_info(PlanInfo(period_start=2021), PlanInfo(period_start=2019,
                                                                   period_end=2020))
    assert (merged.period_start, merged.period_end) == (2021, None)
    merged = merge_plan_info(PlanInfo(period_start=2021), PlanInfo(period_end=2022))
    assert (merged.period_start, merged.period_end) == (2021, 2022)


def test_merge_of_nothing() -> None:
    assert merge_plan_info() == PlanInfo()
    assert merge_plan_info(None, PlanInfo()) == PlanInfo()
