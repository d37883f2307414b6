"""CLI commands for credit (placeholder until written)."""
