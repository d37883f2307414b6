"""``python -m kbassist``: the command line (``kbassist serve`` starts its job worker this way)."""

from kbassist.cli import main

main()
