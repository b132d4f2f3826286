"""The canonical record and the document around it.

Why pydantic: every JSONL line the project writes is an ``ActionRecord`` dumped with
``model_dump(mode="json")``, so the scorer's field names and types are enforced in one place.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

RAG_VALUES = ("red", "amber", "green", "blue")
MIN_YEAR, MAX_YEAR = 2000, 2100
Rag = Literal["red", "amber", "green", "blue"]
# C0 controls but tab and newline, DEL, C1 controls. (Same set as wres.safe_text, which
# cleans text at extraction; kept here because schema/ imports nothing of the project.)
_CONTROL_CHARS = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def _no_controls(value: object) -> object:
    """Last guard: text reaching a record never holds a control character (a space
    takes its place), whatever path it came by (manifest, file name, a new extractor)."""
    if isinstance(value, str):
        return _CONTROL_CHARS.sub(" ", value)
    if isinstance(value, list):
        return [_CONTROL_CHARS.sub(" ", v) if isinstance(v, str) else v for v in value]
    return value


def _check_years(start: int | None, end: int | None) -> None:
    for year in (start, end):
        if year is not None and not MIN_YEAR <= year <= MAX_YEAR:
            raise ValueError(f"year {year} is outside {MIN_YEAR}..{MAX_YEAR}")
    if start is not None and end is not None and end < start:
        raise ValueError(f"period ends ({end}) before it starts ({start})")


class PlanInfo(BaseModel):
    """Who published a plan and which years it covers."""

    model_config = ConfigDict(extra="forbid")

    trust: str | None = None
    period_start: int | None = None
    period_end: int | None = None

    _clean = field_validator("trust", mode="before")(_no_controls)

    @model_validator(mode="after")
    def _years_sane(self) -> PlanInfo:
        _check_years(self.period_start, self.period_end)
        return self


class ActionRecord(BaseModel):
    """One action of one plan, in the canonical fields of RECORD_FORMAT.md."""

    model_config = ConfigDict(extra="forbid", validate_assignment=True)

    source_file: str
    trust: str | None = None
    period_start: int | None = None
    period_end: int | None = None
    page: int | None = Field(default=None, ge=1)
    ref: str | None = None
    section: str | None = None
    indicator: int | None = Field(default=None, ge=1, le=9)
    objective: str | None = None
    action: str
    steps: str | None = None
    outcome: str | None = None
    measure: str | None = None
    owner: str | None = None
    owners: list[str] = Field(default_factory=list)
    due: str | None = None
    due_date: dt.date | None = None
    status: str | None = None
    rag: Rag | None = None
    themes: list[str] = Field(default_factory=list)
    # per theme, the words of the action (or "objective: ...", "similar: ...") that gave it
    theme_evidence: dict[str, list[str]] = Field(default_factory=dict)
    # every WRES indicator the plan ties the row to ("Indicators 5 & 6", "All indicators");
    # ``indicator`` keeps its meaning (the one indicator, null where several are named)
    indicators: list[int] = Field(default_factory=list)

    _clean = field_validator("*", mode="before")(_no_controls)

    @field_validator("action")
    @classmethod
    def _action_not_empty(cls, value: str) -> str:
        if not value or not value.strip():
            raise ValueError("action must not be empty")
        return value

    @field_validator("rag", mode="before")
    @classmethod
    def _rag_lower(cls, value: object) -> object:
        return value.strip().lower() if isinstance(value, str) else value

    @field_validator("indicators")
    @classmethod
    def _indicators_real(cls, value: list[int]) -> list[int]:
        if any(not 1 <= number <= 9 for number in value):
            raise ValueError("WRES indicators run from 1 to 9")
        return list(dict.fromkeys(value))

    @model_validator(mode="after")
    def _years_sane(self) -> ActionRecord:
        _check_years(self.period_start, self.period_end)
        if self.indicator is not None and self.indicator not in self.indicators:
            self.__dict__["indicators"] = [self.indicator, *self.indicators]
        return self

    def to_json_dict(self) -> dict:
        """The JSONL form: dates as YYYY-MM-DD, every field present."""
        return self.model_dump(mode="json")


class FileIssue(BaseModel):
    """One problem met while reading one file: kept per file instead of a crash."""

    model_config = ConfigDict(extra="forbid")

    file: str
    stage: Literal["detect", "extract", "normalise", "store", "manifest"] = "extract"
    kind: str
    message: str
    severity: Literal["error", "warning"] = "error"

    _clean = field_validator("file", "message", mode="before")(_no_controls)

    def line(self) -> str:
        """The one readable line a user sees for this issue."""
        return f"{self.file}: {self.message}"


class DocumentResult(BaseModel):
    """What one file gave: its plan, its actions, and whatever went wrong on the way."""

    model_config = ConfigDict(extra="forbid")

    source_file: str
    path: str | None = None
    format: str | None = None
    sha256: str | None = None
    size: int | None = None
    pages: int | None = None
    plan: PlanInfo = Field(default_factory=PlanInfo)
    actions: list[ActionRecord] = Field(default_factory=list)
    issues: list[FileIssue] = Field(default_factory=list)
    engines: list[str] = Field(default_factory=list)

    _clean = field_validator("source_file", "path", mode="before")(_no_controls)

    @property
    def status(self) -> Literal["ok", "partial", "failed"]:
        errors = [i for i in self.issues if i.severity == "error"]
        if not errors:
            return "ok"
        return "partial" if self.actions else "failed"


def json_schema() -> dict:
    """JSON Schema of the exported action record (what ``wres schema`` prints)."""
    return ActionRecord.model_json_schema()
