"""Documentation credit: minutes saved per article by outcome, scorecards, the weekly review."""
