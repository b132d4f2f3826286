"""Alembic migrations of the wres database (see env.py)."""
