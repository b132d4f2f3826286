"""A spreadsheet cell's value as the sheet displays it.

Why: openpyxl hands back the stored value (a ``datetime`` for "Mar-24", the float 1.1 for a
Ref "1.1", 0.25 for "25%"); an analyst reads what Excel shows. openpyxl has no renderer for
number formats, so the common ones are rendered here: General, fixed decimals, thousands
separators, percentages, text and the date/time codes (d, dd, ddd, dddd, m, mm, mmm, mmmm,
yy, yyyy, h, hh, ss, AM/PM). Anything else falls back to General, which never loses digits.
"""

from __future__ import annotations

import datetime as dt
import re
from decimal import ROUND_HALF_UP, Decimal

_DATE_TOKEN = re.compile(
    r"yyyy|yy|mmmmm|mmmm|mmm|mm|m|dddd|ddd|dd|d|hh|h|ss|s|am/pm|a/p|\"[^\"]*\"|\\.|.",
    re.IGNORECASE,
)
_SECTION_NOISE = re.compile(r"\[[^\]]*\]|_.|\*.")  # colours/conditions, padding, fills
_NUMBER_TOKEN = re.compile(r"\"[^\"]*\"|\\.|[0#?,.]+|.")
_PLACEHOLDER = re.compile(r"[0#?,.]+")


def display_value(value: object, number_format: str | None) -> str:
    """The text a cell shows for ``value`` under ``number_format`` (openpyxl's code)."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    fmt, signed = _section(number_format or "General", value)
    if isinstance(value, (dt.datetime, dt.date, dt.time)):
        return _date_text(value, fmt) if _is_date_format(fmt) else _default_date(value)
    if isinstance(value, (int, float)):
        return _number_text(float(value), fmt, signed)
    return str(value)


def _section(number_format: str, value: object) -> tuple[str, bool]:
    """The section of "pos;neg;zero;text" that applies, without colours and padding, and
    whether a negative value still needs its minus sign (not in a section of its own)."""
    sections = number_format.split(";")
    chosen, signed = sections[0], True
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        if value < 0 and len(sections) > 1:
            chosen, signed = sections[1], False
        elif value == 0 and len(sections) > 2:
            chosen = sections[2]
    return _SECTION_NOISE.sub("", chosen).strip(), signed


def _is_date_format(fmt: str) -> bool:
    bare = re.sub(r"\"[^\"]*\"|\\.", "", fmt).lower()
    return bool(re.search(r"[dmyhs]", bare)) and "general" not in bare


def _default_date(value: dt.date | dt.time) -> str:
    if isinstance(value, dt.datetime):
        if value.time() == dt.time(0, 0):
            return value.strftime("%d/%m/%Y")
        return value.strftime("%d/%m/%Y %H:%M")
    if isinstance(value, dt.date):
        return value.strftime("%d/%m/%Y")
    return value.strftime("%H:%M")


def _date_text(value: dt.date | dt.time, fmt: str) -> str:
    if isinstance(value, dt.time):
        value = dt.datetime.combine(dt.date(1900, 1, 1), value)
    elif not isinstance(value, dt.datetime):
        value = dt.datetime.combine(value, dt.time(0, 0))
    tokens = _DATE_TOKEN.findall(fmt)
    twelve_hour = any(t.lower() in ("am/pm", "a/p") for t in tokens)
    out: list[str] = []
    for index, token in enumerate(tokens):
        out.append(_date_token(value, token, tokens, index, twelve_hour))
    return "".join(out).strip()


def _date_token(value: dt.datetime, token: str, tokens: list[str], index: int,
                twelve_hour: bool) -> str:
    low = token.lower()
    if low.startswith('"'):
        return token[1:-1]
    if low.startswith("\\"):
        return token[1:]
    if low in ("m", "mm") and _is_minute(tokens, index):
        return f"{value.minute:02d}" if low == "mm" else str(value.minute)
    hour = value.hour % 12 or 12 if twelve_hour else value.hour
    table = {
        "yyyy": f"{value.year:04d}", "yy": f"{value.year % 100:02d}",
        "mmmmm": value.strftime("%B")[0], "mmmm": value.strftime("%B"),
        "mmm": value.strftime("%b"), "mm": f"{value.month:02d}", "m": str(value.month),
        "dddd": value.strftime("%A"), "ddd": value.strftime("%a"),
        "dd": f"{value.day:02d}", "d": str(value.day),
        "hh": f"{hour:02d}", "h": str(hour), "ss": f"{value.second:02d}", "s": str(value.second),
        "am/pm": "AM" if value.hour < 12 else "PM", "a/p": "A" if value.hour < 12 else "P",
    }
    return table.get(low, token)


def _is_minute(tokens: list[str], index: int) -> bool:
    """"m" after an hour or before seconds is minutes, as in Excel."""
    before = [t.lower() for t in tokens[:index] if t.strip(":. ")]
    after = [t.lower() for t in tokens[index + 1:] if t.strip(":. ")]
    return bool(before and before[-1] in ("h", "hh")) or bool(after and after[0] in ("s", "ss"))


def _number_text(number: float, fmt: str, signed: bool) -> str:
    """``number`` under a numeric format section; ``signed`` when the section has no sign
    of its own (the "negative" section of "0;(0)" writes none)."""
    if fmt.lower() in ("", "general", "@"):
        return _general(number)
    tokens = _NUMBER_TOKEN.findall(fmt)
    digits = [t for t in tokens if _PLACEHOLDER.fullmatch(t) and re.search(r"[0#?]", t)]
    if not digits:  # a section of text only ("-" for zero) shows that text
        literal = "".join(_literal(t) for t in tokens).strip()
        return literal or _general(number)
    placeholder = digits[0]
    scaled = Decimal(str(abs(number))) * (100 ** tokens.count("%"))
    whole, _, fraction = placeholder.partition(".")
    places = len(re.findall(r"[0#?]", fraction))
    rounded = scaled.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)
    text = f"{rounded:,.{places}f}" if "," in whole else f"{rounded:.{places}f}"
    out = ["-" if signed and number < 0 else ""]
    for token in tokens:
        if token is placeholder:
            out.append(text)
        elif not _PLACEHOLDER.fullmatch(token):
            out.append(_literal(token))
    return "".join(out).strip()


def _literal(token: str) -> str:
    if token.startswith('"'):
        return token[1:-1]
    return token[1:] if token.startswith("\\") else token


def _general(number: float) -> str:
    """Excel's General: integers without a point, others to 10 significant digits."""
    if number == int(number) and abs(number) < 1e15:
        return str(int(number))
    return f"{number:.10g}"
