"""Search: hybrid ranking over the indexes, similar past tickets, the search log."""
