"""Numbered Alembic migrations for the kbassist schema."""
