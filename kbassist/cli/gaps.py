"""CLI commands for gaps (placeholder until written)."""
