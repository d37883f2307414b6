# Packaged as kbassist.bundled.web (see pyproject.toml); not a Python module of its own.
