"""Benchmark inputs for search (issue 10): misspelled queries, long reports, the mixed set.

Nothing here copies the shared data: ``mixed`` builds its records from
``../shared/data/stackfaq`` each time a benchmark runs.
"""
