# Packaged as kbassist.bundled.kb (see pyproject.toml); not a Python module of its own.
