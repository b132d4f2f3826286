"""WRES indicator numbers, only where the text ties a row to one."""

from __future__ import annotations

import pytest

from wres.normalise.indicators import first_indicator, parse_indicators


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Indicator 3:", [3]),
        ("Indicator 1: Recruitment and Promotion", [1]),
        ("WRES metric 2", [2]),
        ("Indicators 5 & 6", [5, 6]),
        ("Indicators 5 and 6", [5, 6]),
        ("Indicators 5, 6 and 7", [5, 6, 7]),
        ("WRES Indicator 4 - Relative likelihood of staff accessing non-mandatory training", [4]),
        ("WRES Indicator 4 - 2021 data", [4]),
        ("Indicator 9a", [9]),
        ("Indicator 9b: Board voting membership", [9]),
        ("Metric 1-4", [1, 2, 3, 4]),
        ("Metrics 5 to 8", [5, 6, 7, 8]),
        ("Indicator four", [4]),
        ("Ind. 7", [7]),
        ("INDICATOR 8", [8]),
        (
            "Indicator 1: Percentage of staff in each of the AfC Bands 1-9 or Medical and Dental "
            "subgroups and VSM compared with the percentage of staff in the overall workforce",
            [1],
        ),
        ("Indicator 5 ... also supports indicator 6 and Indicator 5", [5, 6]),
        ("Indicator 2: Appointments. Objective: band 8b and above", [2]),
    ],
)
def test_parse_indicators(text: str, expected: list[int]) -> None:
    assert parse_indicators(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        None,
        "",
        "band 8b",
        "2021",
        "7%",
        "Increase representation to 7% at each level in bands 8b and above",
        "AfC Bands 1-9",
        "Indicator 10",
        "Indicator 0",
        "Indicator 2.5%",
        "KPI 3",
        "Action 1.1",
    ],
)
def test_no_indicator(text: str | None) -> None:
    assert parse_indicators(text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [("Indicators 5 & 6", 5), ("WRES Indicator 4 - ...", 4), ("band 8b", None), (None, None)],
)
def test_first_indicator(text: str | None, expected: int | None) -> None:
    assert first_indicator(text) == expected
