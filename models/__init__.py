# Packaged as kbassist.bundled.models (see pyproject.toml); not a Python module of its own.
