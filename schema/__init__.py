"""Pydantic models of what the project produces: the canonical action record (field names
exactly as ../shared/eval/RECORD_FORMAT.md gives them), the document it came from, and the
per-file issue record. Imports nothing else of the project, so anything may import it."""

from wres.schema.records import (
    RAG_VALUES,
    ActionRecord,
    DocumentResult,
    FileIssue,
    PlanInfo,
    json_schema,
)

__all__ = [
    "RAG_VALUES",
    "ActionRecord",
    "DocumentResult",
    "FileIssue",
    "PlanInfo",
    "json_schema",
]
