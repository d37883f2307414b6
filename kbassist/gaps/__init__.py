"""Repeat issues: issue families, their coverage by articles, ranked gaps, draft playbooks."""
