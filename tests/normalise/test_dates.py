"""Target dates: the last day of the stated target (inputs from real plans' due cells)."""

from __future__ import annotations

import datetime as dt

import pytest

from wres.normalise.dates import is_open_ended, parse_due

D = dt.date


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("September 2016", D(2016, 9, 30)),
        ("Sept 16 and on-going", D(2016, 9, 30)),
        ("September 16 and on going", D(2016, 9, 30)),
        ("March 17", D(2017, 3, 31)),
        ("October 16", D(2016, 10, 31)),
        ("November 16 and on-going", D(2016, 11, 30)),
        ("October 2016 and on-going", D(2016, 10, 31)),
        ("December 2016 and on-going", D(2016, 12, 31)),
        ("31st March 2020", D(2020, 3, 31)),
        ("30 November 2019", D(2019, 11, 30)),
        ("31st August 2019", D(2019, 8, 31)),
        ("1st of April 2022", D(2022, 4, 1)),
        ("March 31, 2022", D(2022, 3, 31)),
        ("31/10/2021", D(2021, 10, 31)),
        ("31/01/2022", D(2022, 1, 31)),
        ("31.10.21", D(2021, 10, 31)),
        ("31-10-2021", D(2021, 10, 31)),
        ("31/11/2021", D(2021, 11, 30)),  # no 31 November: the month's last day
        ("Dec-22", D(2022, 12, 31)),
        ("Mar-2023", D(2023, 3, 31)),
        ("February 2024", D(2024, 2, 29)),  # leap year
        ("Q4 2023/24", D(2024, 3, 31)),
        ("Q3 2023/24", D(2023, 12, 31)),
        ("Q3 23/24", D(2023, 12, 31)),
        ("Q1 2024/25", D(2024, 6, 30)),
        ("Quarter 2 2024/25", D(2024, 9, 30)),
        ("Q2 2023-2024", D(2023, 9, 30)),
        ("Q3 - 2023/24", D(2023, 12, 31)),
        ("2023/24 Q2", D(2023, 9, 30)),
        ("Q3/Q4 2023/24.", D(2024, 3, 31)),
        ("Q1 2024", D(2024, 6, 30)),  # one year: the calendar year the quarter's months fall in
        ("Q4 2024", D(2024, 3, 31)),
        ("2023/24", D(2024, 3, 31)),
        ("2023-24", D(2024, 3, 31)),
        ("2021/2022", D(2022, 3, 31)),
        ("FY23/24", D(2024, 3, 31)),
        ("2021-2023", D(2023, 12, 31)),
        ("2024", D(2024, 12, 31)),
        ("By end of 2024", D(2024, 12, 31)),
        ("Spring 2022", D(2022, 5, 31)),
        ("Summer 2022", D(2022, 8, 31)),
        ("Autumn 2021", D(2021, 11, 30)),
        ("Winter 2022", D(2023, 2, 28)),
        (
            "Training will initially commence during Q4 2023/24 and continue thereafter. Key "
            "metrics include: - number of participants attending for training",
            D(2024, 3, 31),
        ),
        ("It is planned that the Culture Dashboard will go live in Q4 2023/24.", D(2024, 3, 31)),
        ("Sept 2016 - March 2017", D(2017, 3, 31)),  # two dates: the later
        ("31 March 2020 and 30 June 2020", D(2020, 6, 30)),
        ("15 March 2020", D(2020, 3, 15)),  # not read again as "March 2020"
    ],
)
def test_dates_without_plan_years(text: str, expected: dt.date) -> None:
    assert parse_due(text) == expected


@pytest.mark.parametrize(
    ("text", "start", "end", "expected"),
    [
        ("by end of Q3", 2023, 2024, D(2023, 12, 31)),
        ("End of Q4", 2023, 2024, D(2024, 3, 31)),
        ("Q1", 2021, 2022, D(2021, 6, 30)),
        ("End of March", 2016, 2017, D(2017, 3, 31)),
        ("By June", 2016, 2017, D(2016, 6, 30)),
        ("Initial review in November and then twice yearly.", 2016, 2017, D(2016, 11, 30)),
        ("March 17", 2016, 2017, D(2017, 3, 31)),
        ("October 16", 2016, 2017, D(2016, 10, 31)),
        ("March 31", 2021, 2022, D(2022, 3, 31)),  # 2031 is no year of this plan: a day
        ("30th September", 2019, 2020, D(2019, 9, 30)),
        ("End of financial year", 2023, 2024, D(2024, 3, 31)),
        ("Year end", 2022, 2022, D(2022, 12, 31)),
        ("End of March", 2022, 2022, D(2022, 3, 31)),  # single-year plan
        ("End of March", 2021, 2023, D(2022, 3, 31)),  # first financial year of the plan
        ("September 2017 and on-going", 2016, 2017, D(2017, 9, 30)),
        (
            "March 2017 or in line with content review scheme whichever is earlier.",
            2016, 2017, D(2017, 3, 31),
        ),
    ],
)
def test_dates_settled_by_plan_years(
    text: str, start: int, end: int, expected: dt.date
) -> None:
    assert parse_due(text, start, end) == expected


@pytest.mark.parametrize(
    "text",
    [
        None,
        "",
        "on-going",
        "On-going",
        "On going",
        "ongoing",
        "tbc",
        "TBC",
        "annually",
        "quarterly",
        "monthly",
        "continuous",
        "n/a",
        "In line with policy review schedule",
        "Timeframe aligned to leadership development programme rollout",
        "End of March",  # no year anywhere: no date
        "by end of Q3",
        "Staff may attend the sessions",  # "may" the verb
        "1.1",
        "7%",
        "band 8b",
        "99/99/99",
        "Q5",
        "Q4 2023/25",  # not a financial year
        "<u>'</u>",
    ],
)
def test_no_date(text: str | None) -> None:
    assert parse_due(text) is None


@pytest.mark.parametrize("junk", [12, 3.5, b"March 2020", ["March 2020"]])
def test_junk_never_raises(junk: object) -> None:
    assert parse_due(junk) is None  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("on-going", True),
        ("Ongoing", True),
        ("On going", True),
        ("Sept 16 and on-going", True),
        ("TBC", True),
        ("annually", True),
        ("Quarterly", True),
        ("continuous", True),
        ("n/a", True),
        ("September 2016", False),
        ("Q4 2023/24", False),
        ("", False),
        (None, False),
    ],
)
def test_is_open_ended(text: str | None, expected: bool) -> None:
    assert is_open_ended(text) is expected


@pytest.mark.parametrize(("text", "expected"), [
    ("March/April 2024", D(2024, 4, 30)),  # the year belongs to both months
    ("Nov-Dec 2024", D(2024, 12, 31)),
    ("December/January 2025", D(2025, 1, 31)),
    ("June to September 2024", D(2024, 9, 30)),
])
def test_two_months_sharing_one_year(text: str, expected: dt.date) -> None:
    assert parse_due(text, 2024, 2025) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("2024-03-31", D(2024, 3, 31)),  # ISO, as a spreadsheet or a database writes it
    ("2024/3/5", D(2024, 3, 5)),
    ("03/2024", D(2024, 3, 31)),  # a month and a year
    ("12/2023 and on-going", D(2023, 12, 31)),
    ("H1 2024/25", D(2024, 9, 30)),  # financial half-years
    ("H2 2024/25", D(2025, 3, 31)),
    ("Summer 23", D(2023, 8, 31)),
    ("Winter 2023/2024", D(2024, 2, 29)),
])
def test_iso_dates_months_of_a_year_half_years_and_short_seasons(
        text: str, expected: dt.date) -> None:
    assert parse_due(text, 2023, 2024) == expected
