"""Split an owner cell into the people and roles a reader would count.

Why a heuristic and not a plain split: "/", ";" and line breaks always separate owners, but
",", "&" and "and" join words inside one role as often as they join two owners. SPEC.md:
"HR and nominated members of BME network" is two owners, "Head of Employee Relations and
Corporate Business Partnering" and "Director of Workforce, OD and Comms" are one each.

A soft separator splits only where both sides stand alone as an owner:

- a side stands alone when it is a person's name ("Tim Couchman"), an acronym ("HR",
  "ODBP's"), or a phrase whose head noun is a role ("Head of EDI", "BME network chair",
  "nominated members of BME network", "Trust board"); a team word ("Comms") stands alone
  only as the last part ("Staff side Convener and Comms");
- after a role "X of Y" the next side continues the "of" phrase ("Director of Workforce, OD
  and Comms") unless it is itself a role or a person's name ("Head of Resourcing and Tim
  Couchman", "Chief People Officer & Head of EDI").

Hard separators inside brackets are kept ("Jane McLean (ICS/ULHT)"). Each part is kept as
printed, trimmed of white space and edge punctuation.
"""

from __future__ import annotations

import re

ROLE_HEADS = frozenset(
    """
    director directors head heads lead leads leader leaders manager managers officer officers
    chair chairs co-chair chairperson team teams network networks group groups board boards
    committee committees chief executive executives partner partners practitioner
    practitioners advisor advisors adviser advisers guardian guardians champion champions
    member members side convener convenor coordinator co-ordinator administrator consultant
    consultants specialist specialists sponsor sponsors
    representative representatives rep reps ambassador ambassadors steward
    stewards nurse nurses matron secretary president ceo coo cfo cpo deputy colleagues staff
    panel panels forum forums council governor governors
    analyst analysts facilitator facilitators mentor mentors trainer trainers
    """.split()  # noqa: SIM905 - a word list reads better as text
)
# An owner cell that names nobody yet: no owner, as "tbc" is no date.
PLACEHOLDERS = frozenset(["tbc", "tbd", "tba", "n/a", "na", "none", "unknown", "to be confirmed",
                          "to be agreed", "-", "?"])
TEAM_WORDS = frozenset(["comms", "communications", "finance", "payroll", "estates", "procurement"])
# Capitalised words that make a phrase an organisation part, not a person's name.
_NOT_NAME_SUFFIXES = ("ing", "tion", "tions", "ment", "ments", "ship", "ity", "ness", "ance",
                      "ence", "ics", "ces", "ology", "ism")
_NOT_NAME_WORDS = frozenset(
    """
    trust nhs board staff equality diversity inclusion race workforce people human resources
    health care corporate business clinical medical dental nursing quality employee employees
    network group team bme bame wres edi the
    """.split()  # noqa: SIM905 - a word list reads better as text
)

_LAST_WORD_RE = re.compile(r"^[a-z]+(?:\s+etc\.?)?\s*$")
_HARD_SPLIT_RE = re.compile(r"[/;\n\r\u2022|]")
_SOFT_SPLIT_RE = re.compile(r"(\s*,\s*|\s+&\s+|\s+and\s+|\s+\+\s+)", re.IGNORECASE)
_NAME_TOKEN_RE = re.compile(r"^(?:Mc|Mac|O')?[A-Z][a-z]+(?:[-'][A-Z]?[a-z]+)*\.?$")
# capitals ("HRD", "CPOs") or NHS role short forms with two capitals ("DoN", "DoW&OD")
_ACRONYM_RE = re.compile(r"^[A-Z][A-Z0-9&]*[A-Z0-9](?:'?s)?$|^[A-Z]{2,}s$"
                         r"|^(?!Ma?c)(?=(?:[a-z&]*[A-Z]){2})[A-Z][A-Za-z&]{1,7}$")
_PAREN_RE = re.compile(r"\s*\([^)]*\)")
_EDGE_PUNCT = " \t,;:.-–—•*·"


def _is_word_alternative(text: str, index: int) -> bool:
    """"director/manager": a slash between two lower-case words offers alternatives
    within one role; it does not separate two owners."""
    if text[index] != "/" or index == 0 or index + 1 >= len(text):
        return False
    if not (text[index - 1].islower() and text[index + 1].islower()):
        return False
    return bool(_LAST_WORD_RE.match(text[index + 1:]))  # "chair/network members" splits


def _split_outside_brackets(text: str) -> list[str]:
    """Split on hard separators that are not inside (...) or [...]."""
    parts, depth, current = [], 0, []
    for index, char in enumerate(text):
        if char in "([":
            depth += 1
        elif char in ")]" and depth:
            depth -= 1
        if depth == 0 and _HARD_SPLIT_RE.match(char) and not _is_word_alternative(text, index):
            parts.append("".join(current))
            current = []
        else:
            current.append(char)
    parts.append("".join(current))
    return parts


def _words(side: str) -> list[str]:
    return _PAREN_RE.sub("", side).split()


def _head_word(side: str) -> str:
    """The noun a phrase is about: the word before "of", else the last word."""
    words = _words(side)
    lowered = [w.lower().strip(".,'’") for w in words]
    if "of" in lowered[1:]:
        return lowered[lowered.index("of", 1) - 1]
    return lowered[-1] if lowered else ""


def is_person_name(side: str) -> bool:
    """Two to four capitalised name-shaped words with no organisation words among them."""
    words = _words(side)
    if not 2 <= len(words) <= 4:
        return False
    for word in words:
        lowered = word.lower().strip(".")
        if not _NAME_TOKEN_RE.match(word) or lowered in ROLE_HEADS or lowered in _NOT_NAME_WORDS:
            return False
        if lowered.endswith(_NOT_NAME_SUFFIXES) and len(lowered) > 5:
            return False
    return True


def is_acronym(side: str) -> bool:
    words = _words(side)
    return len(words) == 1 and bool(_ACRONYM_RE.match(words[0]))


def is_role(side: str) -> bool:
    return _head_word(side) in ROLE_HEADS


def _has_of_phrase(side: str) -> bool:
    return " of " in f" {' '.join(_words(side)).lower()} "


def _stands_alone(side: str, is_last: bool) -> bool:
    if is_role(side) or is_person_name(side) or is_acronym(side):
        return True
    return is_last and " ".join(_words(side)).lower() in TEAM_WORDS


def _starts_new_owner(current: str, side: str, is_last: bool) -> bool:
    """Whether ``side`` after a soft separator is a new owner rather than part of ``current``."""
    if _has_of_phrase(current):
        return is_role(side) or is_person_name(side)
    return _stands_alone(current, is_last=False) and _stands_alone(side, is_last)


def _split_soft(part: str) -> list[str]:
    pieces = _SOFT_SPLIT_RE.split(part)
    sides, separators = pieces[0::2], pieces[1::2]
    owners = [sides[0]]
    for index, (separator, side) in enumerate(zip(separators, sides[1:], strict=True)):
        is_last = index == len(separators) - 1
        if side.strip() and _starts_new_owner(owners[-1], side, is_last):
            owners.append(side)
        else:
            owners[-1] = owners[-1] + separator + side
    return owners


def _split_name_pair(part: str) -> list[str]:
    """"Sarah Hayden Julia Rogers" (two names whose line break was lost) -> two names."""
    words = part.split()
    if len(words) == 4 and is_person_name(part):
        return [" ".join(words[:2]), " ".join(words[2:])]
    return [part]


def _trim(part: str) -> str:
    text = " ".join(part.split()).strip(_EDGE_PUNCT)
    return text.rstrip("(").strip(_EDGE_PUNCT) if text.count("(") > text.count(")") else text


def split_owners(text: str | None) -> list[str]:
    """The owners an owner cell names, each as printed."""
    if not text or not text.strip():
        return []
    owners: list[str] = []
    for part in _split_outside_brackets(text):
        part = _trim(part)
        if not part:
            continue
        for owner in _split_soft(part):
            for name in _split_name_pair(_trim(owner)):
                if name and name.lower() not in PLACEHOLDERS:
                    owners.append(name)
    return owners
