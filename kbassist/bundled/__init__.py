"""Data shipped with the package: web assets, trained models and the demo knowledge base."""
