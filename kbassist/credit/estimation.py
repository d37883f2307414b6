"""Documentation credit by measured outcome: the math, as pure functions (docs/credit.md).

An article serves the tickets that link it and the tickets of its issue
families from the day it started serving (publication, or the revision at which
it first held half of its content). Its effect is a difference-in-differences
on log troubleshooting minutes, computed as the imputation estimator of
Borusyak, Jaravel and Spiess (2021): a fixed-effects model (family level +
calendar-month effect + technician effect) is fitted on every ticket that no
article serves, the served tickets' counterfactual minutes are imputed from it,
and the effect is their mean gap. The month effects come from the families the
article does not serve, so a speed-up that happened everywhere is nobody's
credit; the technician effects keep a change of staff (a fast senior leaving,
a slow new hire) from being credited to or charged against an article. Times
recorded to the next quarter hour or on a floor are read as the intervals they
stand for (``kbassist.credit.censoring``; the model is fitted to them by EM).
The log effect is a ratio: the minutes saved per ticket apply it to the served
tickets' own mean minutes (``kbassist.credit.effects``), not to a geometric
mean, which sits below the mean of a skewed time and underpaid every article.

Uncertainty is a bootstrap with a fixed seed: each replicate refits the model on
Poisson-reweighted untreated tickets and resamples the served tickets. Below the
minimum sample an article gets "not enough data"; an article is credited only
when the low end of its interval saves at least a stated share of the time
(``CreditParams.materiality``, 5 %): proved and worth paying, not just not zero.
Credit hours (minutes saved per ticket times tickets
served, over 60) are shared by the content each person added over the versions.
"""

from __future__ import annotations

import math
import zlib
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime

import numpy as np

from kbassist.credit.censoring import Recording, log_bounds, recording_of
from kbassist.credit.effects import Served, outcome_effect
from kbassist.credit.fit import (
    Encoding,
    Fit,
    TicketArrays,
    interval_fit,
    point_fit,
    replicate_fits,
)
from kbassist.credit.records import (
    ArticleCredit,
    ArticleInfo,
    Baseline,
    CreditParams,
    CreditReport,
    Exposure,
    Interval,
    LedgerEntry,
    OutcomeEffect,
    PersonCredit,
    Share,
    TicketOutcome,
    Version,
)

CREDITED, NO_EFFECT, NOT_ENOUGH_DATA = "credited", "no effect", "not enough data"
# Outcomes measured for every article: the first decides credit, the others are
# reported beside it. Times on the log scale, reopens and escalations as rates.
OUTCOMES = ("minutes", "resolution_hours", "reopened", "escalated")
LOG_OUTCOMES = frozenset({"minutes", "resolution_hours"})
MIN_MINUTES = 1.0  # zero or missing-but-recorded minutes would break the log scale
MIN_HOURS = 1.0 / 60.0
UNASSIGNED = "(unassigned)"  # the technician level of tickets nobody was assigned
# An article serves a family when this many of the family's tickets, and this share of
# them, link it: the same rule as coverage by links in kbassist.gaps.service.
LINK_MIN_TICKETS = 2
LINK_MIN_SHARE = 0.05


# ---------------------------------------------------------------- small pure helpers


def month_of(moment: datetime) -> str:
    """The calendar month, YYYY-MM: the time unit of the period effects."""
    return f"{moment.year:04d}-{moment.month:02d}"


def quarter_of(moment: datetime) -> str:
    return f"{moment.year:04d}-Q{(moment.month - 1) // 3 + 1}"


def content_shares(
    versions: Sequence[Version],
    author_id: int | None,
    contributor_ids: Iterable[int] = (),
    names: Mapping[int, str] | None = None,
) -> tuple[Share, ...]:
    """Shares of an article's content by characters added per editor over its versions.

    A version without a known editor counts for the author (the first version's
    default editor). Named contributors who never edited appear with share 0,
    and with no recorded text at all the author holds everything.
    """
    names = names or {}
    added: Counter[int | None] = Counter()
    for version in versions:
        editor = version.editor_id if version.editor_id is not None else author_id
        added[editor] += max(0, int(version.chars_added))
    total = sum(added.values())
    people = dict.fromkeys([author_id, *sorted(added, key=_id_key), *sorted(contributor_ids)])
    shares = []
    for person in people:
        if person is None and not added.get(None):
            continue
        chars = added.get(person, 0)
        if total:
            share = chars / total
        else:
            share = 1.0 if person == author_id else 0.0
        role = "author" if person == author_id else "contributor"
        name = names.get(person, "") if person is not None else "unknown"
        shares.append(Share(person, name or f"technician {person}", chars, share, role))
    shares.sort(key=lambda s: (-s.share, s.role != "author", s.name))
    return tuple(shares)


def serving_start(published: datetime, versions: Sequence[Version], half: float = 0.5) -> datetime:
    """When an article started serving: publication, or the revision that first held half its text.

    The first version counts from publication whatever date it carries (a first
    import records the front matter's ``updated``). A stub published early and
    written properly later starts at the rewrite, so its empty months do not
    dilute the effect.
    """
    ordered = sorted(versions, key=lambda v: v.version)
    total = sum(max(0, v.chars_added) for v in ordered)
    running = 0
    for position, version in enumerate(ordered):
        running += max(0, version.chars_added)
        if total and running >= half * total:
            if position == 0 or version.changed_at is None:
                return published
            return max(published, version.changed_at)
    return published


def article_families(
    link_families: Sequence[str | None],
    family_sizes: Mapping[str, int],
    min_links: int = LINK_MIN_TICKETS,
    min_share: float = LINK_MIN_SHARE,
) -> tuple[str, ...]:
    """The families an article serves: those enough of whose tickets link it.

    The rule is the gaps module's coverage by links: at least ``min_links``
    tickets and ``min_share`` of the family cite the article. One stray citation
    from an unrelated family does not make the article serve that whole family.
    """
    counts = Counter(f for f in link_families if f is not None)
    chosen = [
        family
        for family, n in counts.items()
        if n >= max(min_links, math.ceil(min_share * family_sizes.get(family, 0)))
    ]
    return tuple(sorted(chosen, key=lambda f: (-counts[f], f)))


def served_tickets(
    start: datetime,
    families: Iterable[str],
    linking: Iterable[str],
    tickets: Sequence[TicketOutcome],
) -> tuple[str, ...]:
    """The linking tickets, plus the families' tickets created from ``start`` on; sorted."""
    wanted = set(families)
    served = set(linking)
    served.update(t.ticket_id for t in tickets if t.family in wanted and t.created_at >= start)
    return tuple(sorted(served))


def exposures_of(
    articles: Sequence[ArticleInfo],
    tickets: Sequence[TicketOutcome],
    names: Mapping[int, str] | None = None,
    min_links: int = LINK_MIN_TICKETS,
    min_share: float = LINK_MIN_SHARE,
) -> list[Exposure]:
    """Each article's serving start, families, served tickets and content shares."""
    family_of = {t.ticket_id: t.family for t in tickets}
    by_family: dict[str | None, list[TicketOutcome]] = defaultdict(list)
    for ticket in tickets:
        by_family[ticket.family].append(ticket)
    sizes = {family: len(members) for family, members in by_family.items() if family is not None}
    exposures = []
    for article in sorted(articles, key=lambda a: a.article_id):
        linking = sorted(t for t in set(article.linking) if t in family_of)
        families = article_families(
            [family_of[t] for t in linking], sizes, min_links=min_links, min_share=min_share
        )
        start = serving_start(article.published, article.versions)
        members = [t for f in families for t in by_family.get(f, ())]
        exposures.append(
            Exposure(
                article_id=article.article_id,
                start=start,
                families=families,
                served=served_tickets(start, families, linking, members),
                linking=tuple(linking),
                shares=content_shares(
                    article.versions, article.author_id, article.contributor_ids, names
                ),
                title=article.title,
            )
        )
    return exposures


# ---------------------------------------------------------------- the estimator


def estimate_credit(
    tickets: Sequence[TicketOutcome],
    exposures: Sequence[Exposure],
    params: CreditParams | None = None,
) -> CreditReport:
    """Credit for every article: effect, interval, status, hours, shares, ledger and totals."""
    params = params or CreditParams()
    data = TicketArrays.build(tickets, exposures, _ENCODING)
    recording = (
        recording_of(tickets, _ENCODING.technician_of)
        if params.minutes_as == "intervals"
        else Recording()
    )
    low, high = _minute_bounds(data, tickets, recording)
    interval = interval_fit(data, 0, low, high, params)
    fits = {"minutes": interval.fit}
    fits.update({outcome: point_fit(data, k, params) for k, outcome in enumerate(OUTCOMES) if k})
    replicates = replicate_fits(data, fits, params, values={0: interval.values})
    minutes_fit = fits["minutes"]
    model = _MinutesModel(low, high, interval.sigma)
    articles = tuple(
        _article_credit(data, exposure, fits, replicates, params, model) for exposure in exposures
    )
    rank = {CREDITED: 0, NO_EFFECT: 1, NOT_ENOUGH_DATA: 2}
    articles = tuple(sorted(articles, key=lambda a: (-a.hours_saved, rank[a.status], a.article_id)))
    ledger = _ledger(data, articles)
    alpha, tau, beta = minutes_fit.effects
    baseline = Baseline(
        family_level={
            f: float(alpha[i]) for i, f in enumerate(data.families) if np.isfinite(alpha[i])
        },
        period_effect={p: float(tau[i]) for i, p in enumerate(data.periods)},
        period_controls={p: int(minutes_fit.counts[1][i]) for i, p in enumerate(data.periods)},
        technician_effect={t: float(beta[i]) for i, t in enumerate(data.technicians)},
        untreated=int(data.untreated.sum()),
        family_spread={
            f: float(interval.sigma[i])
            for i, f in enumerate(data.families)
            if np.isfinite(interval.sigma[i])
        },
        recording=recording,
    )
    return CreditReport(
        articles=articles,
        people=people_totals(articles),
        ledger=ledger,
        baseline=baseline,
        params=params,
        months=tuple(data.periods),
    )


def people_totals(articles: Sequence[ArticleCredit]) -> tuple[PersonCredit, ...]:
    """Hours per person: each credited article's hours times the person's content share."""
    hours: dict[tuple[int | None, str], float] = defaultdict(float)
    lows: dict[tuple[int | None, str], float] = defaultdict(float)
    highs: dict[tuple[int | None, str], float] = defaultdict(float)
    per_article: dict[tuple[int | None, str], list[tuple[str, float]]] = defaultdict(list)
    for article in articles:
        for share in article.shares:
            key = (share.technician_id, share.name)
            if article.status != CREDITED or share.share <= 0:
                hours[key] += 0.0
                continue
            credited = article.hours_saved * share.share
            hours[key] += credited
            lows[key] += article.hours_interval.low * share.share
            highs[key] += article.hours_interval.high * share.share
            per_article[key].append((article.article_id, credited))
    people = [
        PersonCredit(
            technician_id=key[0],
            name=key[1],
            hours_saved=hours[key],
            interval=Interval(lows[key], highs[key]),
            articles=tuple(sorted(per_article[key], key=lambda item: (-item[1], item[0]))),
        )
        for key in hours
    ]
    people.sort(key=lambda p: (-p.hours_saved, p.name))
    return tuple(people)


def credit_by_period(
    report: CreditReport, period: Callable[[datetime], str] = month_of
) -> dict[tuple[int | None, str], tuple[float, float, float]]:
    """Hours (and interval bounds) per (technician id, period), from the ledger's ticket dates."""
    shares = {a.article_id: a.shares for a in report.articles}
    totals: dict[tuple[int | None, str], list[float]] = defaultdict(lambda: [0.0, 0.0, 0.0])
    for entry in report.ledger:
        label = period(entry.created_at)
        for share in shares[entry.article_id]:
            if share.share <= 0:
                continue
            bucket = totals[(share.technician_id, label)]
            bucket[0] += entry.minutes * share.share / 60.0
            bucket[1] += entry.low * share.share / 60.0
            bucket[2] += entry.high * share.share / 60.0
    return {key: (v[0], v[1], v[2]) for key, v in sorted(totals.items(), key=_period_key)}


# ---------------------------------------------------------------- internals


def _outcome_values(ticket: TicketOutcome) -> tuple[float, float, float, float]:
    """A ticket's outcomes in ``OUTCOMES`` order: log times (NaN when missing), then rates."""
    minutes = hours = math.nan
    if ticket.minutes is not None and math.isfinite(ticket.minutes) and ticket.minutes >= 0:
        minutes = math.log(max(ticket.minutes, MIN_MINUTES))
    spent = ticket.resolution_hours
    if spent is not None and math.isfinite(spent) and spent >= 0:
        hours = math.log(max(spent, MIN_HOURS))
    return minutes, hours, float(ticket.reopened), float(ticket.escalated)


_ENCODING = Encoding(
    outcomes=len(OUTCOMES),
    values_of=_outcome_values,
    period_of=month_of,
    technician_of=lambda ticket: ticket.technician or UNASSIGNED,
)


@dataclass(frozen=True)
class _MinutesModel:
    """Every ticket's log-minute interval (data order) and each family's spread."""

    low: np.ndarray
    high: np.ndarray
    sigma: np.ndarray

    def served(self, data: TicketArrays, rows: np.ndarray) -> Served:
        family = data.family[rows]
        spread = self.sigma[family]
        known = np.isfinite(self.sigma) & (self.sigma > 0)
        fallback = float(np.median(self.sigma[known])) if known.any() else 1.0
        spread = np.where(np.isfinite(spread) & (spread > 0), spread, fallback)
        codes = [code[rows] for code in data.codes]
        return Served(data.values[0, rows], codes, self.low[rows], self.high[rows], spread)


def _minute_bounds(
    data: TicketArrays, tickets: Sequence[TicketOutcome], recording: Recording
) -> tuple[np.ndarray, np.ndarray]:
    """Each ticket's log-minute interval in data order, from how its technician records."""
    minutes = np.full(len(data.ids), np.nan)
    for ticket in tickets:
        value = ticket.minutes
        if value is not None and math.isfinite(value) and value >= 0:
            minutes[data.index[ticket.ticket_id]] = value
    step_of = [recording.steps.get(name, 0) for name in data.technicians]
    steps = np.array(step_of, dtype=float)[data.technician]
    return log_bounds(minutes, steps, recording.floor, MIN_MINUTES)


def _article_credit(
    data: TicketArrays,
    exposure: Exposure,
    fits: Mapping[str, Fit],
    replicates: Mapping[str, Fit],
    params: CreditParams,
    model: _MinutesModel,
) -> ArticleCredit:
    served = np.array(sorted(data.index[t] for t in set(exposure.served) if t in data.index))
    served = served.astype(np.int64)
    family_idx = {f: i for i, f in enumerate(data.families)}
    article_families = [family_idx[f] for f in exposure.families if f in family_idx]
    in_families = np.isin(data.family, article_families) if article_families else None
    before = data.moments < np.datetime64(exposure.start, "us")
    baseline_mask = (
        data.untreated & in_families & before & np.isfinite(data.values[0])
        if in_families is not None
        else np.zeros(len(data.ids), dtype=bool)
    )
    baseline = tuple(data.ids[i] for i in np.flatnonzero(baseline_mask))
    weights = 1.0 / np.maximum(data.servers[served], 1)
    weight = float(np.sum(weights)) if served.size else 0.0
    # The bootstrap stream depends on the article id only, not on the order of articles.
    rng_seed = [params.seed, zlib.crc32(exposure.article_id.encode("utf-8"))]
    effects = tuple(
        _effect(data, served, k, fits[outcome], replicates[outcome], params, rng_seed, model)
        for k, outcome in enumerate(OUTCOMES)
    )
    minutes = effects[0]
    common = dict(
        article_id=exposure.article_id,
        title=exposure.title,
        start=exposure.start,
        families=tuple(exposure.families),
        served=tuple(data.ids[i] for i in served),
        tickets_served=int(served.size),
        served_weight=weight,
        baseline=baseline,
        effects=effects,
        shares=exposure.shares,
    )
    if exposure.article_id not in data.evaluable:
        reason = (
            "It was in use before the first ticket of its families: there is no before to "
            "compare with."
        )
    elif minutes.n_served < params.min_served or len(baseline) < params.min_baseline:
        reason = (
            f"{minutes.n_served} served tickets with recorded minutes (need "
            f"{params.min_served}) and {len(baseline)} earlier tickets of its families to "
            f"compare with (need {params.min_baseline})."
        )
    else:
        return _verdict(minutes, weight, params, common)
    return ArticleCredit(
        status=NOT_ENOUGH_DATA,
        reason=reason,
        minutes_saved_per_ticket=None,
        interval=None,
        hours_saved=0.0,
        hours_interval=Interval(0.0, 0.0),
        **common,  # type: ignore[arg-type]
    )


def credit_bar(observed: float, materiality: float) -> float:
    """Minutes saved per ticket that save ``materiality`` of the time without the article.

    A ticket that took ``observed`` minutes with the article saved the share ``r``
    of the time without it when it saved ``observed * r / (1 - r)`` minutes, so the
    bar on the minutes is exactly the bar on the log effect ``d <= log(1 - r)``.
    """
    return observed * materiality / (1.0 - materiality)


def _verdict(
    minutes: OutcomeEffect, weight: float, params: CreditParams, common: Mapping[str, object]
) -> ArticleCredit:
    """Credited when the whole interval of minutes saved is above the bar; else no effect."""
    assert minutes.saved is not None and minutes.saved_interval is not None
    assert minutes.observed is not None
    saved = minutes.saved
    interval = minutes.saved_interval
    low, high = interval.low, interval.high
    bar = credit_bar(minutes.observed, params.materiality)
    level = f"{params.confidence:.0%}"
    bar_text = (
        f"the bar of {bar:.1f} minutes ({params.materiality:.0%} of the time these tickets "
        "would have taken without the article)"
    )
    if low > bar:
        status = CREDITED
        reason = (
            f"Served tickets took {-(minutes.change or 0.0):.0%} less time than the same families "
            f"before, after adjusting for the change elsewhere; the {level} interval excludes "
            f"zero and its low end, {low:.1f} minutes per ticket, clears {bar_text}."
        )
        hours = saved * weight / 60.0
        hours_interval = interval.scaled(weight / 60.0)
    else:
        status = NO_EFFECT
        if high < 0:
            reason = (
                f"Served tickets took {minutes.change:.0%} more time than expected: no credit; "
                "the article may need a review."
            )
        elif low > 0:
            reason = (
                f"The {level} interval excludes zero, but its low end, {low:.1f} minutes per "
                f"ticket, is under {bar_text}: a saving that may be too small to be worth "
                "paying, or within what the model can get wrong. No credit yet."
            )
        else:
            reason = f"The {level} interval includes zero: no credit."
        hours, hours_interval = 0.0, Interval(0.0, 0.0)
    return ArticleCredit(
        status=status,
        reason=reason,
        minutes_saved_per_ticket=saved,
        interval=interval,
        hours_saved=hours,
        hours_interval=hours_interval,
        bar=bar,
        **common,  # type: ignore[arg-type]
    )


def _effect(
    data: TicketArrays,
    served: np.ndarray,
    k: int,
    fit: Fit,
    replicate: Fit,
    params: CreditParams,
    rng_seed: list[int],
    model: _MinutesModel,
) -> OutcomeEffect:
    """One outcome's effect for the served tickets that have a value and a known family level."""
    outcome = OUTCOMES[k]
    family = data.family[served]
    level = np.full(family.shape, np.nan)
    known = family >= 0
    level[known] = fit.effects[0][family[known]]
    rows = served[np.isfinite(data.values[k, served]) & np.isfinite(level)]
    if k == 0:
        chosen = model.served(data, rows)
    else:
        chosen = Served(data.values[k, rows], [code[rows] for code in data.codes])
    scale = "log" if outcome in LOG_OUTCOMES else "rate"
    rng = np.random.default_rng([*rng_seed, k])
    return outcome_effect(outcome, scale, chosen, fit, replicate, params.confidence, rng)


def _ledger(data: TicketArrays, articles: Sequence[ArticleCredit]) -> tuple[LedgerEntry, ...]:
    entries = []
    for article in articles:
        if article.status != CREDITED or article.interval is None:
            continue
        assert article.minutes_saved_per_ticket is not None
        for ticket_id in article.served:
            i = data.index[ticket_id]
            weight = 1.0 / float(data.servers[i])
            entries.append(
                LedgerEntry(
                    article_id=article.article_id,
                    ticket_id=ticket_id,
                    created_at=data.created[i],
                    weight=weight,
                    minutes=article.minutes_saved_per_ticket * weight,
                    low=article.interval.low * weight,
                    high=article.interval.high * weight,
                )
            )
    return tuple(entries)


def _id_key(value: int | None) -> tuple[int, int]:
    return (1, 0) if value is None else (0, value)


def _period_key(item: tuple[tuple[int | None, str], list[float]]) -> tuple[int, int, str]:
    (technician_id, period), _ = item
    return (*_id_key(technician_id), period)
