"""CLI commands for quality (placeholder until written)."""
