"""CLI commands for search (placeholder until written)."""
