"""The demo's plan: which family has which article, published when, planting what effect."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date

from kbassist.demo import world
from kbassist.demo.kb import KbArticle


@dataclass(frozen=True)
class FamilyPlan:
    """One issue family with its article (if kb/ has it), publication date and planted effect."""

    family: world.Family
    article: str | None
    published: date | None
    from_start: bool
    fraction_saved: float  # 0 when nothing is planted
    duplicates: tuple[tuple[str, date], ...]  # old duplicate articles and their dates


def plan_families(kb: Mapping[str, KbArticle], start: date) -> tuple[FamilyPlan, ...]:
    """Every family of the world, planned against the articles kb/ holds."""
    plans = []
    for family in world.FAMILIES:
        article = family.article if family.article in kb else None
        published = kb[article].created if article else None
        saved = family.minutes_saved if article and not family.null_effect else None
        fraction = (saved or 0.0) / family.minutes
        duplicates = tuple(
            (dup_id, kb[dup_id].created)
            for dup_id, (key, _) in sorted(world.DUPLICATES.items())
            if key == family.key and dup_id in kb
        )
        plans.append(
            FamilyPlan(
                family=family,
                article=article,
                published=published,
                from_start=published is not None and published <= start,
                fraction_saved=fraction,
                duplicates=duplicates,
            )
        )
    return tuple(plans)


def planted_minutes(item: FamilyPlan) -> float | None:
    """The planted drop of the family's median minutes, 0 for a null effect, None for none."""
    family = item.family
    if item.article is None or item.from_start and not family.minutes_saved:
        return None
    if family.null_effect:
        return 0.0
    return float(family.minutes_saved) if family.minutes_saved is not None else None
