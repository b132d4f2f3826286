"""Target dates: the last day of what a plan's "due" cell states.

Why "last day": a target of "September 2016" is met by 30 September, "Q4 2023/24" by
31 March 2024, "2024" by 31 December (SPEC.md, ``due_date``). Where a cell gives several
dates ("March 2017 or in line with ..."; "Q3/Q4 2023/24") the later one is the target; words
around a date ("Training will initially commence during Q4 2023/24 and continue") are
ignored. Open-ended targets ("on-going", "tbc", "annually") have no date.

Quarters are NHS financial quarters: Q1 April-June, Q2 July-September, Q3 October-December,
Q4 January-March of the second year. A year the cell leaves out, or a bare two-digit number
after a month that could be a day ("March 17"), is settled by the plan's own years: the plan
is read as starting a financial year in ``plan_start``, so January-March fall in the
following year and April-December in ``plan_start``. A quarter or financial year written
with one year ("Q1 2024") names the calendar year its months fall in.

Patterns are tried most specific first; each match blanks its span so that "31 March 2020"
is not also read as "March 2020".
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from collections.abc import Callable

MONTHS = {
    "jan": 1, "january": 1, "feb": 2, "february": 2, "mar": 3, "march": 3, "apr": 4,
    "april": 4, "may": 5, "jun": 6, "june": 6, "jul": 7, "july": 7, "aug": 8, "august": 8,
    "sep": 9, "sept": 9, "september": 9, "oct": 10, "october": 10, "nov": 11, "november": 11,
    "dec": 12, "december": 12,
}
SEASON_LAST_MONTH = {"spring": 5, "summer": 8, "autumn": 11, "fall": 11, "winter": 2}
QUARTER_LAST_MONTH = {1: 6, 2: 9, 3: 12, 4: 3}  # NHS financial quarters

_MONTH = r"(?P<month>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
_MONTH2 = _MONTH.replace("?P<month>", "?P<month2>")
_YEAR4 = r"20\d{2}"
_OPEN_ENDED_RE = re.compile(
    r"\b(on[\s-]?going|continu(?:ous|al|ing)|annual(?:ly)?|bi-?annual(?:ly)?|yearly|quarterly|"
    r"monthly|weekly|rolling|tbc|tba|tbd|to be (?:confirmed|agreed|determined)|n/?a|"
    r"business as usual|bau|as required|as needed|when required|in line with)\b",
    re.IGNORECASE,
)

Plan = tuple[int | None, int | None]


def _last_day(year: int, month: int) -> dt.date | None:
    if not 2000 <= year <= 2100 or not 1 <= month <= 12:
        return None
    return dt.date(year, month, calendar.monthrange(year, month)[1])


def _century(two_or_four: str) -> int:
    value = int(two_or_four)
    return value if value >= 100 else 2000 + value


def _plan_years(plan: Plan) -> tuple[int, int] | None:
    start, end = plan
    start = start if start is not None else end
    end = end if end is not None else start
    if start is None or end is None:
        return None
    return start, end


def year_for_month(month: int, plan: Plan) -> int | None:
    """The year a month without a year falls in, read from the plan's years."""
    years = _plan_years(plan)
    if years is None:
        return None
    start, end = years
    return start + 1 if month < 4 and end > start else start


def _fy_quarter_end(quarter: int, fy_start: int) -> dt.date | None:
    month = QUARTER_LAST_MONTH[quarter]
    return _last_day(fy_start + 1 if quarter == 4 else fy_start, month)


# --- one handler per pattern: match -> date or None --------------------------------------

def _numeric_date(m: re.Match[str], plan: Plan) -> dt.date | None:
    day, month, year = int(m["day"]), int(m["mon"]), _century(m["year"])
    if not 1 <= month <= 12:
        return None
    last = _last_day(year, month)
    if last is None or not 1 <= day <= last.day:
        return last
    return dt.date(year, month, day)


def _month_of_year(m: re.Match[str], plan: Plan) -> dt.date | None:
    """"03/2024": a month and a four-digit year, the month's last day."""
    month = int(m["mon"])
    return _last_day(int(m["year"]), month) if 1 <= month <= 12 else None


def _half_fy(m: re.Match[str], plan: Plan) -> dt.date | None:
    """"H1 2024/25" ends with September 2024, "H2 2024/25" with March 2025."""
    fy_start = _century(m["fy"])
    if not _is_next_year(fy_start, m["fy2"]):
        return None
    return _last_day(fy_start, 9) if m["half"] == "1" else _last_day(fy_start + 1, 3)


def _modal_may(word: str) -> bool:
    """Lower-case "may" is the verb ("staff may attend"), not the month."""
    return word == "may"


def _day_month_year(m: re.Match[str], plan: Plan) -> dt.date | None:
    if _modal_may(m["month"]):
        return None
    if _COUNTED_BEFORE.search(m.string[:m.start()]):
        return _month_of(m, plan)  # "cohort 2 March 2023": 2 counts cohorts, not days
    month = MONTHS[m["month"].lower()]
    year = _century(m["year"]) if m["year"] else year_for_month(month, plan)
    if year is None:
        return None
    last = _last_day(year, month)
    day = int(m["day"])
    if last is None:
        return None
    return dt.date(year, month, day) if 1 <= day <= last.day else last


_COUNTED_BEFORE = re.compile(
    r"\b(?:cohort|phase|wave|stage|group|round|tranche|part|year|step|session|module|"
    r"workshop|level|band|no\.?|number)\s*$", re.IGNORECASE)


def _month_of(m: re.Match[str], plan: Plan) -> dt.date | None:
    """The month of a day-month-year match whose "day" was something else: its last day."""
    month = MONTHS[m["month"].lower()]
    year = _century(m["year"]) if m["year"] else year_for_month(month, plan)
    return _last_day(year, month) if year is not None else None


def _quarter_fy(m: re.Match[str], plan: Plan) -> dt.date | None:
    fy_start = _century(m["fy"])
    if not _is_next_year(fy_start, m["fy2"]):
        return None
    quarters = [int(q) for q in re.findall(r"[1-4]", m["quarters"])]
    return max(filter(None, (_fy_quarter_end(q, fy_start) for q in quarters)), default=None)


def _quarter_year(m: re.Match[str], plan: Plan) -> dt.date | None:
    quarters = [int(q) for q in re.findall(r"[1-4]", m["quarters"])]
    year = int(m["year"])
    return max(
        filter(None, (_last_day(year, QUARTER_LAST_MONTH[q]) for q in quarters)), default=None
    )


def _quarter_alone(m: re.Match[str], plan: Plan) -> dt.date | None:
    years = _plan_years(plan)
    if years is None:
        return None
    quarters = [int(q) for q in re.findall(r"[1-4]", m["quarters"])]
    return max(filter(None, (_fy_quarter_end(q, years[0]) for q in quarters)), default=None)


def _is_next_year(first: int, second: str) -> bool:
    return _century(second) == first + 1 if len(second) == 4 else int(second) == (first + 1) % 100


def _year_range(m: re.Match[str], plan: Plan) -> dt.date | None:
    first, second = int(m["y1"]), m["y2"]
    if _is_next_year(first, second):
        return _last_day(first + 1, 3)
    end = int(second) if len(second) == 4 else None
    return _last_day(end, 12) if end is not None and end > first else None


def _fy_two_digit(m: re.Match[str], plan: Plan) -> dt.date | None:
    first = _century(m["y1"])
    return _last_day(first + 1, 3) if _is_next_year(first, m["y2"]) else None


def _season(m: re.Match[str], plan: Plan) -> dt.date | None:
    season, year = m["season"].lower(), _century(m["year"])
    if season == "winter":
        return _last_day(int(m["year2"]) if m["year2"] else year + 1, 2)
    return _last_day(year, SEASON_LAST_MONTH[season])


def _month_number(m: re.Match[str], plan: Plan) -> dt.date | None:
    """"Sept 16", "Dec-22", "March 2017", "March 31": is the number a year or a day?"""
    if _modal_may(m["month"]):
        return None
    month, number = MONTHS[m["month"].lower()], m["num"]
    years = _plan_years(plan)
    as_year = _century(number)
    spaced = m["sep"].strip() == ""
    if len(number) == 4 or not spaced or years is None or int(number) > 31:
        return _last_day(as_year, month)
    if years[0] - 1 <= as_year <= years[1] + 1:
        return _last_day(as_year, month)
    year = year_for_month(month, plan)
    last = _last_day(year, month) if year is not None else None
    day = int(number)
    return dt.date(last.year, month, day) if last and 1 <= day <= last.day else last


def _month_pair(m: re.Match[str], plan: Plan) -> dt.date | None:
    """"March/April 2024", "Nov-Dec 2024": the year after the pair belongs to both; the
    target is the second month (so "March" is never read as a March of another year)."""
    return _last_day(_century(m["year"]), MONTHS[m["month2"].lower()])


def _month_alone(m: re.Match[str], plan: Plan) -> dt.date | None:
    word = m["month"]
    if not word[0].isupper():
        return None  # "march" as a verb, "may" as a modal
    if word.lower() == "may" and not m["lead"]:
        return None
    month = MONTHS[word.lower()]
    year = year_for_month(month, plan)
    return _last_day(year, month) if year is not None else None


def _year_end(m: re.Match[str], plan: Plan) -> dt.date | None:
    years = _plan_years(plan)
    if years is None:
        return None
    if m["fin"] or years[1] > years[0]:
        return _last_day(years[0] + 1, 3)
    return _last_day(years[0], 12)


def _single_year(m: re.Match[str], plan: Plan) -> dt.date | None:
    return _last_day(int(m["year"]), 12)


Handler = Callable[[re.Match[str], Plan], dt.date | None]
_NB = r"(?<![\d/.])"  # not glued to a preceding number
_NA = r"(?![\d/.]\d|\d)"  # not glued to a following number
_QUARTER = r"(?:q|quarter\s*)[1-4](?!\d)"
_MORE_QUARTERS = r"(?:\s*(?:/|-|&|and|to|or)\s*(?:q|quarter\s*)?[1-4](?!\d))*"
_QUARTERS = r"(?P<quarters>" + _QUARTER + _MORE_QUARTERS + r")"

PATTERNS: list[tuple[re.Pattern[str], Handler]] = [
    (re.compile(_NB + r"(?P<year>20\d{2})[/.\-](?P<mon>\d{1,2})[/.\-](?P<day>\d{1,2})" + _NA),
     _numeric_date),  # ISO "2024-03-31", as spreadsheets and databases write dates
    (re.compile(_NB + r"(?P<day>\d{1,2})[/.\-](?P<mon>\d{1,2})[/.\-](?P<year>20\d{2}|\d{2})" + _NA),
     _numeric_date),
    (re.compile(_NB + r"(?P<day>\d{1,2})(?:st|nd|rd|th)?(?:\s+of)?[\s\-]*" + _MONTH
                + r"(?:[\s,\-]*(?P<year>" + _YEAR4 + r"|\d{2})" + _NA + r")?\b", re.I),
     _day_month_year),
    (re.compile(r"\b" + _MONTH + r"\s+(?P<day>\d{1,2})(?:st|nd|rd|th)?,\s*(?P<year>" + _YEAR4
                + r")\b", re.I), _day_month_year),
    (re.compile(r"\b" + _QUARTERS + r"(?:\s+of)?[\s,:\-]*(?:fy\s*)?(?P<fy>" + _YEAR4 + r"|\d{2})"
                r"\s*[/\-–]\s*(?P<fy2>\d{4}|\d{2})" + _NA, re.I), _quarter_fy),
    (re.compile(r"\b(?:fy\s*)?(?P<fy>" + _YEAR4 + r"|\d{2})\s*[/\-–]\s*(?P<fy2>\d{4}|\d{2})"
                r"[\s,]*" + _QUARTERS + r"\b", re.I), _quarter_fy),
    (re.compile(r"\b" + _QUARTERS + r"[\s,]+(?P<year>" + _YEAR4 + r")" + _NA, re.I),
     _quarter_year),
    (re.compile(r"\bh(?P<half>[12])[\s,:\-]*(?:fy\s*)?(?P<fy>" + _YEAR4 + r"|\d{2})"
                r"\s*[/\-]\s*(?P<fy2>\d{4}|\d{2})" + _NA, re.I), _half_fy),
    (re.compile(r"\b" + _QUARTERS + r"\b", re.I), _quarter_alone),
    (re.compile(r"\b(?P<season>spring|summer|autumn|fall|winter)\s+'?(?P<year>" + _YEAR4
                + r"|\d{2})(?:\s*[/\-]\s*(?P<year2>" + _YEAR4 + r"))?" + _NA, re.I), _season),
    (re.compile(r"\b" + _MONTH + r"\s*(?:/|-|&|and|or|to)\s*" + _MONTH2 + r"[\s\-/',]+(?P<year>"
                + _YEAR4 + r"|\d{2})" + _NA, re.I), _month_pair),
    (re.compile(r"\b" + _MONTH + r"(?P<sep>[\s\-/']+)(?P<num>" + _YEAR4 + r"|\d{2})" + _NA,
                re.I), _month_number),
    (re.compile(_NB + r"(?P<mon>\d{1,2})[/.\-](?P<year>" + _YEAR4 + r")" + _NA),
     _month_of_year),
    (re.compile(r"\b(?:fy\s*)?(?P<y1>" + _YEAR4 + r")\s*(?:[/\-–]|to)\s*(?P<y2>" + _YEAR4
                + r"|\d{2})" + _NA, re.I), _year_range),
    (re.compile(r"\bfy\s*(?P<y1>\d{2})\s*[/\-]\s*(?P<y2>\d{2})" + _NA, re.I),
     _fy_two_digit),
    (re.compile(r"(?P<lead>\b(?:by|in|end\s+of|until|before|during|from)\s+(?:the\s+)?)?\b"
                + _MONTH + r"\b", re.I), _month_alone),
    (re.compile(r"\b(?:(?:by\s+)?(?:the\s+)?end\s+of\s+(?:the\s+)?(?P<fin>financial\s+)?year|"
                r"year[\s-]end)\b", re.I), _year_end),
    (re.compile(_NB + r"\b(?P<year>" + _YEAR4 + r")\b" + _NA), _single_year),
]


def _blank(text: str, match: re.Match[str]) -> str:
    return text[: match.start()] + " " * (match.end() - match.start()) + text[match.end():]


def dates_in(
    text: str, plan_start: int | None = None, plan_end: int | None = None
) -> list[dt.date]:
    """Every target date the text states, in pattern order (most specific first)."""
    plan: Plan = (plan_start, plan_end)
    work = text.replace("–", "-").replace("—", "-").replace("\u2019", "'")
    found: list[dt.date] = []
    for pattern, handler in PATTERNS:
        for match in list(pattern.finditer(work)):
            value = handler(match, plan)
            if value is not None:
                found.append(value)
                work = _blank(work, match)
    return found


def parse_due(
    text: str | None, plan_start: int | None = None, plan_end: int | None = None
) -> dt.date | None:
    """The last day of the target a due cell states; None when it states no date."""
    if not text or not isinstance(text, str):
        return None
    try:
        found = dates_in(text, plan_start, plan_end)
    except (ValueError, OverflowError):
        return None
    return max(found) if found else None


def is_open_ended(text: str | None) -> bool:
    """True when the cell says the work continues or has no fixed date ("and on-going",
    "tbc", "annually"), whether or not it also names a date."""
    return bool(text) and bool(_OPEN_ENDED_RE.search(text or ""))
