"""Ingest: ticket exports and knowledge-base folders parsed and stored, idempotently."""
