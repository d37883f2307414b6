"""Prometheus metrics: what each worker measures, and the exposition of a whole server.

Histograms are observed in the worker that served the request. Under gunicorn
(``PROMETHEUS_MULTIPROC_DIR`` set by ``kbassist serve`` before any import of
prometheus_client) every worker writes its samples to that folder and a scrape
of any worker adds them up. The jobs and index figures are read at scrape time
from the jobs table, the queue and this process's sync state.
"""

from __future__ import annotations

import os
import threading
import time
from typing import Any

CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8"
LATENCY_BUCKETS = (0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0, 30.0)

_lock = threading.Lock()
_instruments: dict[str, Any] = {}


def _histograms() -> dict[str, Any]:
    with _lock:
        if not _instruments:
            from prometheus_client import Histogram

            _instruments["requests"] = Histogram(
                "kbassist_request_seconds",
                "Time to answer a request, by route, method and status.",
                ("route", "method", "status"),
                buckets=LATENCY_BUCKETS,
            )
            _instruments["search"] = Histogram(
                "kbassist_search_seconds",
                "Time to answer a search or similar-tickets request, by endpoint.",
                ("endpoint",),
                buckets=LATENCY_BUCKETS,
            )
        return _instruments


def observe_request(route: str, method: str, status: int, seconds: float) -> None:
    _histograms()["requests"].labels(route, method, str(status)).observe(seconds)


def observe_search(endpoint: str, seconds: float) -> None:
    _histograms()["search"].labels(endpoint).observe(seconds)


def exposition(job_counts: dict[str, int], sync_state: Any, pending: int | None) -> bytes:
    """The text of /metrics: every worker's histograms plus the server's gauges."""
    from prometheus_client import REGISTRY, CollectorRegistry, generate_latest
    from prometheus_client.core import GaugeMetricFamily

    _histograms()
    registry = CollectorRegistry()
    if os.environ.get("PROMETHEUS_MULTIPROC_DIR"):
        from prometheus_client import multiprocess

        multiprocess.MultiProcessCollector(registry)
    else:
        registry.register(_Forward(REGISTRY))

    class Server:
        def collect(self):  # type: ignore[no-untyped-def]
            jobs = GaugeMetricFamily(
                "kbassist_jobs", "Jobs by status (the jobs table).", labels=["status"]
            )
            for status, count in sorted(job_counts.items()):
                jobs.add_metric([status], count)
            yield jobs
            yield GaugeMetricFamily(
                "kbassist_job_queue_depth",
                "Jobs queued and not yet taken by a worker.",
                value=job_counts.get("queued", 0),
            )
            yield GaugeMetricFamily(
                "kbassist_jobs_failed",
                "Jobs that failed for good (the jobs table).",
                value=job_counts.get("failed", 0),
            )
            if pending is not None:
                yield GaugeMetricFamily(
                    "kbassist_job_queue_messages", "Messages waiting in the broker.", value=pending
                )
            yield GaugeMetricFamily(
                "kbassist_index_lag_seconds",
                "Seconds the search index has been behind the database (0: caught up).",
                value=sync_state.lag_seconds(time.time()),
            )
            behind = 0
            if sync_state.database is not None and sync_state.index is not None:
                behind = max(0, sync_state.database - sync_state.index)
            yield GaugeMetricFamily(
                "kbassist_index_generations_behind",
                "Changes of the database the search index has not caught up with.",
                value=behind,
            )

    registry.register(Server())
    return generate_latest(registry)


class _Forward:
    """The process's default registry, collected into another registry."""

    def __init__(self, registry: Any) -> None:
        self.registry = registry

    def collect(self):  # type: ignore[no-untyped-def]
        return self.registry.collect()
