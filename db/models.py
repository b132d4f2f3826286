"""The database schema: trusts, documents, plans, actions, owners, themes, indicators, runs.

Why this shape: a researcher asks questions across trusts and years, so a trust is one row
that many plans point at; one file is one ``documents`` row (its path is its identity, so
re-ingesting a changed file replaces exactly its rows); owners and themes are their own
tables so "every action owned by the Director of People" is a join, not a LIKE over text.
Every foreign key cascades on delete, so removing a document removes all it brought in.

The schema itself changes only through Alembic (``db/migrations``); these classes are what
the code reads and writes, and a test checks that they and the migrations agree.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import (
    JSON,
    Boolean,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Text,
    UniqueConstraint,
    false,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

# Stable constraint names: Alembic needs them to alter tables on SQLite and PostgreSQL alike.
NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

# The text columns of ``actions`` that full-text search covers (FTS5 on SQLite).
SEARCH_COLUMNS = ("action", "objective", "outcome", "measure", "status")
FTS_TABLE = "actions_fts"
PG_SEARCH_INDEX = "ix_actions_search"  # GIN index over the same columns on PostgreSQL


def in_metadata(name: str | None, type_: str, _parent: object = None) -> bool:
    """False for the search objects the migrations make by hand (Alembic ignores them)."""
    if name is None:
        return True
    if type_ == "table":
        return not name.startswith(FTS_TABLE)
    return not (type_ == "index" and name == PG_SEARCH_INDEX)


def utc_now() -> dt.datetime:
    return dt.datetime.now(dt.UTC).replace(tzinfo=None)


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)


class Trust(Base):
    __tablename__ = "trusts"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(300), unique=True)

    plans: Mapped[list[Plan]] = relationship(back_populates="trust")


class IngestRun(Base):
    """One ``wres ingest`` invocation: what it was asked to do and how it ended."""

    __tablename__ = "ingest_runs"

    id: Mapped[int] = mapped_column(primary_key=True)
    started_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utc_now)
    finished_at: Mapped[dt.datetime | None] = mapped_column(DateTime)
    # finished, interrupted, crashed, or abandoned (its process had gone while it was running)
    status: Mapped[str] = mapped_column(String(20), default="running")
    paths: Mapped[str | None] = mapped_column(Text)
    workers: Mapped[int | None] = mapped_column(Integer)
    tool_version: Mapped[str | None] = mapped_column(String(40))
    # {"python": "3.11.7", "pdfplumber": "0.11.10", ...}: what read this run's documents
    parser_versions: Mapped[dict | None] = mapped_column(JSON)
    files_seen: Mapped[int] = mapped_column(Integer, default=0)
    ingested: Mapped[int] = mapped_column(Integer, default=0)
    skipped: Mapped[int] = mapped_column(Integer, default=0)
    failed: Mapped[int] = mapped_column(Integer, default=0)
    actions_added: Mapped[int] = mapped_column(Integer, default=0)
    pid: Mapped[int | None] = mapped_column(Integer)  # the process running it, on ``host``
    host: Mapped[str | None] = mapped_column(String(255))


class Document(Base):
    """One file as it was when ingested; ``status`` is ok, partial, failed or error.

    ``failed`` means the file itself is unreadable (it is not retried until it changes, or
    until a run's options that bear on it differ: ``issues`` then holds a "read-with" entry
    naming the options it failed with, see ingest/retry.py); ``error`` means our code broke
    on it, so the next run tries it again.
    """

    __tablename__ = "documents"

    id: Mapped[int] = mapped_column(primary_key=True)
    path: Mapped[str] = mapped_column(String(1000), unique=True)
    source_file: Mapped[str] = mapped_column(String(300))
    sha256: Mapped[str] = mapped_column(String(64), index=True)
    format: Mapped[str | None] = mapped_column(String(10))
    pages: Mapped[int | None] = mapped_column(Integer)
    size: Mapped[int | None] = mapped_column(Integer)
    ingested_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utc_now)
    extractor_version: Mapped[str | None] = mapped_column(String(40))
    engines: Mapped[str | None] = mapped_column(String(200))
    status: Mapped[str] = mapped_column(String(10))
    error: Mapped[str | None] = mapped_column(Text)
    issues: Mapped[list | None] = mapped_column(JSON)
    run_id: Mapped[int | None] = mapped_column(
        ForeignKey("ingest_runs.id", ondelete="SET NULL"), index=True)
    modified_at: Mapped[dt.datetime | None] = mapped_column(DateTime)  # the file's mtime

    plan: Mapped[Plan | None] = relationship(back_populates="document", uselist=False,
                                             cascade="all, delete-orphan",
                                             passive_deletes=True)


class Plan(Base):
    """The plan a document holds: whose it is and which years it covers.

    One row per document: two files of one plan are two rows here and one ``PlanGroup``.
    """

    __tablename__ = "plans"

    id: Mapped[int] = mapped_column(primary_key=True)
    document_id: Mapped[int] = mapped_column(
        ForeignKey("documents.id", ondelete="CASCADE"), unique=True)
    trust_id: Mapped[int | None] = mapped_column(
        ForeignKey("trusts.id", ondelete="SET NULL"), index=True)
    period_start: Mapped[int | None] = mapped_column(Integer)
    period_end: Mapped[int | None] = mapped_column(Integer)

    document: Mapped[Document] = relationship(back_populates="plan")
    trust: Mapped[Trust | None] = relationship(back_populates="plans")
    actions: Mapped[list[Action]] = relationship(back_populates="plan",
                                                 order_by="Action.position",
                                                 cascade="all, delete-orphan",
                                                 passive_deletes=True)


class PlanGroup(Base):
    """One plan as a trust published it, however many files hold it.

    Why: a plan published as PDF and Word, downloaded twice, or re-issued as "v2" is
    several documents but one plan, and a benchmark that counts it twice is wrong. Every
    figure counts the group's current document only; the others are copies that point to
    it through ``plan_documents``. ``db/plans.py`` keeps the groups and says the rules.
    The id is the stable "plan id" of exports: regrouping keeps a group's id while any of
    its documents stays in it.
    """

    __tablename__ = "plan_groups"

    id: Mapped[int] = mapped_column(primary_key=True)
    trust_id: Mapped[int | None] = mapped_column(
        ForeignKey("trusts.id", ondelete="SET NULL"), index=True)
    period_start: Mapped[int | None] = mapped_column(Integer)
    period_end: Mapped[int | None] = mapped_column(Integer)
    current_document_id: Mapped[int | None] = mapped_column(
        ForeignKey("documents.id", ondelete="SET NULL"), index=True)


class PlanDocument(Base):
    """A document's place in its plan group: the current one, or a copy of it.

    Only documents with actions belong to a group. ``pinned``: an analyst chose this
    document as its plan's current one (``wres plans --pin``); the choice outlives
    regrouping and the re-ingest of a changed file at the same path.
    """

    __tablename__ = "plan_documents"

    document_id: Mapped[int] = mapped_column(
        ForeignKey("documents.id", ondelete="CASCADE"), primary_key=True)
    group_id: Mapped[int] = mapped_column(
        ForeignKey("plan_groups.id", ondelete="CASCADE"), index=True)
    is_current: Mapped[bool] = mapped_column(Boolean, default=False,
                                             server_default=false())
    pinned: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())


class Action(Base):
    """One canonical action record plus where it came from (page, table, row)."""

    __tablename__ = "actions"
    __table_args__ = (Index("ix_actions_plan_position", "plan_id", "position"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    plan_id: Mapped[int] = mapped_column(ForeignKey("plans.id", ondelete="CASCADE"))
    position: Mapped[int] = mapped_column(Integer)  # 0-based order in the document
    page: Mapped[int | None] = mapped_column(Integer)
    table_index: Mapped[int | None] = mapped_column(Integer)
    row_index: Mapped[int | None] = mapped_column(Integer)
    ref: Mapped[str | None] = mapped_column(String(50))
    section: Mapped[str | None] = mapped_column(Text)
    indicator: Mapped[int | None] = mapped_column(Integer, index=True)
    objective: Mapped[str | None] = mapped_column(Text)
    action: Mapped[str] = mapped_column(Text)
    steps: Mapped[str | None] = mapped_column(Text)
    outcome: Mapped[str | None] = mapped_column(Text)
    measure: Mapped[str | None] = mapped_column(Text)
    owner: Mapped[str | None] = mapped_column(Text)
    due: Mapped[str | None] = mapped_column(Text)
    due_date: Mapped[dt.date | None] = mapped_column(Date, index=True)
    status: Mapped[str | None] = mapped_column(Text)
    rag: Mapped[str | None] = mapped_column(String(10), index=True)
    # the action's own plan's years where a document holds several plans; null: the plan's
    period_start: Mapped[int | None] = mapped_column(Integer)
    period_end: Mapped[int | None] = mapped_column(Integer)

    plan: Mapped[Plan] = relationship(back_populates="actions")
    owner_links: Mapped[list[ActionOwner]] = relationship(
        order_by="ActionOwner.position", cascade="all, delete-orphan", passive_deletes=True)
    theme_links: Mapped[list[ActionTheme]] = relationship(
        order_by="ActionTheme.position", cascade="all, delete-orphan", passive_deletes=True)
    indicator_links: Mapped[list[ActionIndicator]] = relationship(
        order_by="ActionIndicator.position", cascade="all, delete-orphan",
        passive_deletes=True)


class Owner(Base):
    """A person or role named as responsible, spelt as printed."""

    __tablename__ = "owners"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(500), unique=True)


class Theme(Base):
    __tablename__ = "themes"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200), unique=True)


class ActionOwner(Base):
    """Link of an action to one of its owners; ``position`` keeps the printed order."""

    __tablename__ = "action_owners"
    __table_args__ = (UniqueConstraint("action_id", "position"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    action_id: Mapped[int] = mapped_column(ForeignKey("actions.id", ondelete="CASCADE"))
    owner_id: Mapped[int] = mapped_column(ForeignKey("owners.id", ondelete="CASCADE"),
                                          index=True)
    position: Mapped[int] = mapped_column(Integer)

    owner: Mapped[Owner] = relationship()


class ActionTheme(Base):
    __tablename__ = "action_themes"
    __table_args__ = (UniqueConstraint("action_id", "position"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    action_id: Mapped[int] = mapped_column(ForeignKey("actions.id", ondelete="CASCADE"))
    theme_id: Mapped[int] = mapped_column(ForeignKey("themes.id", ondelete="CASCADE"),
                                          index=True)
    position: Mapped[int] = mapped_column(Integer)
    evidence: Mapped[list | None] = mapped_column(JSON)  # the words that gave the theme

    theme: Mapped[Theme] = relationship()


class ActionIndicator(Base):
    """Link of an action to one of the WRES indicators its plan ties it to (1-9)."""

    __tablename__ = "action_indicators"
    __table_args__ = (UniqueConstraint("action_id", "position"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    action_id: Mapped[int] = mapped_column(ForeignKey("actions.id", ondelete="CASCADE"))
    indicator: Mapped[int] = mapped_column(Integer, index=True)
    position: Mapped[int] = mapped_column(Integer)


class ActionLink(Base):
    """Where an action stands in its trust's run of plans (written by ``db/links.py``).

    One row per action of the plan chosen for each (trust, period): ``previous_id`` is the
    action of the trust's previous plan it carries over (with its ``score``), ``status`` is
    "new" or "carried over", ``appearances`` how many successive plans it has appeared in so
    far, ``fate`` what became of it in the next plan ("carried over", "completed" where its
    RAG was green or blue, else "dropped"; empty in the latest plan) and ``plan_order`` the
    1-based place of its plan among the trust's plans. ``score`` is the similarity to the
    most similar action of the previous plan, linked or not (empty in the first plan).
    """

    __tablename__ = "action_links"

    id: Mapped[int] = mapped_column(primary_key=True)
    action_id: Mapped[int] = mapped_column(
        ForeignKey("actions.id", ondelete="CASCADE"), unique=True)
    previous_id: Mapped[int | None] = mapped_column(
        ForeignKey("actions.id", ondelete="CASCADE"), index=True)
    score: Mapped[float | None] = mapped_column(Float)
    status: Mapped[str] = mapped_column(String(20))
    appearances: Mapped[int] = mapped_column(Integer)
    fate: Mapped[str | None] = mapped_column(String(20))
    plan_order: Mapped[int] = mapped_column(Integer)
