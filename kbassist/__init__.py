"""kbassist: documentation quality and knowledge-base search for MSP help desks.

Importing the package is cheap and offline: heavy objects (the embedding model,
indexes, the classifier) load lazily through :mod:`kbassist.resources`.
"""

__version__ = "0.1.0"
