"""Background jobs: long work (ingest, rescore, cluster, train, reindex) off the request.

The queue is huey: SQLite under HOME on one box (no extra service), Redis when
``KBASSIST_REDIS_URL`` is set (several app servers share it). The queue only
carries job ids; the ``jobs`` table is the one record of a job's state,
progress, result and error, so the page, the API and ``kbassist jobs`` read the
same thing whichever server ran it.

- ``state``: the jobs table (create, claim, progress, finish) and its reads.
- ``queue``: the huey instance of a Core, submitting, working, recovering interrupted runs.
- ``runner``: what each kind of job does (through the pipeline and the services).
- ``sync``: a server process's background thread that keeps its local indexes
  and classifier in step with the shared database.

This package sits in the orchestration layer beside ``kbassist.pipeline``.
"""
