"""The demo world: a seeded generator of tickets with planted truth, and its loader."""
