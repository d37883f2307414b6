"""Issue 10: answers first, one entry per issue, exact tokens exact, safe "did you mean"."""

from __future__ import annotations

import json
from datetime import datetime, timedelta

import numpy as np
import pytest
from sqlalchemy import delete, select

from kbassist import store
from kbassist.core import Core
from kbassist.index.exact import exact_tokens, is_exact
from kbassist.index.query import parse_query
from kbassist.index.spelling import Speller
from kbassist.records import TicketRecord
from kbassist.search.arrange import Evidence, absent, answers, arrange, group_tickets
from kbassist.search.fusion import Fused, note_factor, recency_factor
from kbassist.search.service import search

USEFUL = (
    "Cause: the old phone still held the Authenticator registration. Deleted the old "
    "method in Entra ID, required re-registration, user added Authenticator on the new "
    "phone with the QR code and approved a number-matching prompt while I watched. "
    "Outlook and Teams signed in. KB-0002 followed."
)


def _twenty_mfa_tickets(core: Core) -> None:
    from kbassist.pipeline import store_tickets

    start = datetime(2025, 3, 1, 9, 0)
    tickets = [
        TicketRecord(
            id=f"T-MFA-{n:02d}",
            title="New phone, can't do MFA",
            description=f"User got a new phone and cannot approve MFA sign-ins (call {n}).",
            resolution=USEFUL if n == 7 else "user ok now",
            status="Closed",
            category="Security",
            created_at=start + timedelta(days=n),
            resolved_at=start + timedelta(days=n, hours=2),
        )
        for n in range(20)
    ]
    store_tickets(core, tickets, source="test")


@pytest.fixture
def mfa(loaded: Core) -> Core:
    _twenty_mfa_tickets(loaded)
    return loaded


# ---------------------------------------------------------------- answers first


def test_the_article_comes_before_any_ticket(loaded: Core) -> None:
    results = search(loaded, "print spooler crashed, jobs stuck in queue", log=False).results
    kinds = [result.kind for result in results]
    assert kinds[0] == "article" and results[0].id == "KB-T001" and results[0].answer
    assert "ticket" in kinds
    first_ticket = kinds.index("ticket")
    assert all(kind == "ticket" for kind in kinds[first_ticket:][:1])
    assert all(result.answer for result in results[:first_ticket] if result.kind == "article")


def test_answers_need_to_clear_the_bar() -> None:
    rows = [Fused("ticket:T-1", 0.9), Fused("article:A", 0.50), Fused("article:B", 0.35)]
    assert [row.key for row in answers(rows, bar=0.45)] == ["article:A"]
    assert answers([Fused("article:C", 0.30)], bar=0.45) == []
    many = [Fused(f"article:{n}", 0.8 - n / 100) for n in range(6)]
    assert len(answers(many, bar=0.45)) == 3  # at most a few


def test_a_kind_filter_keeps_working(mfa: Core) -> None:
    only_tickets = search(mfa, "new phone cannot do mfa", kind="ticket", log=False).results
    assert only_tickets and {r.kind for r in only_tickets} == {"ticket"}
    only_articles = search(mfa, "spooler", kind="article", log=False).results
    assert only_articles and {r.kind for r in only_articles} == {"article"}


# ---------------------------------------------------------------- one entry per issue


def test_twenty_near_identical_tickets_are_one_entry(mfa: Core) -> None:
    response = search(mfa, "new phone can't do MFA", log=False)
    entries = [r for r in response.results if r.id.startswith("T-MFA-")]
    assert len(entries) == 1
    (entry,) = entries
    assert entry.similar_count == 19 and len(entry.collapsed_ids) == 19
    assert entry.id == "T-MFA-07"  # the one whose closure note is useful
    assert entry.snippet.startswith("Cause: the old phone")  # the snippet shows the fix
    assert entry.family_id is not None
    assert len(entry.similar) == 19 and entry.similar[0].resolution == "user ok now"
    data = response.as_dict()["results"]
    shown = next(item for item in data if item["id"] == "T-MFA-07")
    assert shown["similar_count"] == 19 and shown["family_id"] == entry.family_id
    assert sorted(shown["collapsed_ids"]) == [f"T-MFA-{n:02d}" for n in range(20) if n != 7]


def test_before_clustering_near_duplicates_collapse_by_their_vectors(mfa: Core) -> None:
    with mfa.begin() as conn:
        conn.execute(delete(store.ticket_families))
    response = search(mfa, "new phone can't do MFA", kind="ticket", log=False)
    (entry,) = [r for r in response.results if r.id.startswith("T-MFA-")]
    assert entry.similar_count == 19 and (entry.family_id or "").startswith("near:T-MFA-")


def test_the_json_api_carries_the_grouping(mfa: Core, runner) -> None:  # type: ignore[no-untyped-def]
    result = runner.invoke(["search", "new phone can't do MFA", "--json"])
    assert result.exit_code == 0, result.output
    rows = json.loads(result.output)
    grouped = [row for row in rows if row["similar_count"]]
    assert grouped and {"family_id", "similar_count", "collapsed_ids"} <= set(grouped[0])
    text = runner.invoke(["search", "new phone can't do MFA"]).output
    assert "+19 similar" in text


def test_grouping_and_representative_are_pure() -> None:
    rows = [Fused("ticket:a", 0.80), Fused("ticket:b", 0.79), Fused("ticket:c", 0.50)]
    evidence = Evidence(
        fused={"ticket:a": 0.80, "ticket:b": 0.79, "ticket:c": 0.50},
        families={"ticket:a": 1, "ticket:b": 1},
        note_scores={"ticket:a": 10.0, "ticket:b": 90.0, "ticket:c": 95.0},
    )
    groups = group_tickets(rows, evidence, near_duplicate=0.9)
    assert [(label, [r.key for r in members]) for label, members in groups] == [
        ("1", ["ticket:a", "ticket:b"]),
        (None, ["ticket:c"]),
    ]
    entries = arrange(rows, evidence, answers_first=True, bar=0.45, near_duplicate=0.9)
    assert [(e.record, e.collapsed) for e in entries] == [
        ("ticket:b", ("ticket:a",)),  # equally relevant, better note
        ("ticket:c", ()),
    ]


def test_note_and_recency_factors_only_reorder_near_ties() -> None:
    assert note_factor(90) > note_factor(60) == 1.0 > note_factor(5)
    assert 0.9 < note_factor(0) and note_factor(100) < 1.1
    assert recency_factor(0) > recency_factor(365) > 1.0 and recency_factor(None) == 1.0


def test_vectors_group_only_near_duplicates() -> None:
    unit = np.array([1.0, 0.0])
    rows = [Fused("ticket:x", 0.7), Fused("ticket:y", 0.6), Fused("ticket:z", 0.5)]
    evidence = Evidence(
        vectors={"ticket:x": unit, "ticket:y": unit, "ticket:z": np.array([0.0, 1.0])}
    )
    groups = group_tickets(rows, evidence, near_duplicate=0.9)
    assert [[r.key for r in members] for _, members in groups] == [
        ["ticket:x", "ticket:y"],
        ["ticket:z"],
    ]


# ---------------------------------------------------------------- exact tokens


def test_an_absent_error_code_is_reported_as_absent(loaded: Core) -> None:
    response = search(loaded, "0x80070005 access denied installing", log=False)
    assert response.absent == ("0x80070005",)
    assert all("0x80070005" not in r.exact for r in response.results)


def test_documents_holding_the_code_come_first(loaded: Core) -> None:
    response = search(loaded, "printer problem event 7031", kind="ticket", log=False)
    assert response.exact == ("7031",) and response.absent == ()
    holding = [bool(r.exact) for r in response.results]
    assert holding[0] and holding == sorted(holding, reverse=True)
    # T-1 and T-5 hold it; clustering may put them in one family, shown as one entry.
    shown = {r.id for r in response.results if r.exact}
    shown |= {member for r in response.results if r.exact for member in r.collapsed_ids}
    assert {"T-1", "T-5"} <= shown


def test_an_absent_quoted_phrase_keeps_related_results(loaded: Core) -> None:
    response = search(loaded, '"print spooler" "purple elephant"', log=False)
    assert response.absent == ('"purple elephant"',)
    assert response.results and response.results[0].exact == ('"print spooler"',)


@pytest.mark.parametrize(
    ("token", "previous", "exact"),
    [
        ("0x80070005", "", True),
        ("7031", "event", True),
        ("401", "HTTP", True),
        ("98", "at", False),
        ("KB5034441", "", True),
        ("KB-0001", "", True),
        ("T-10234", "", True),
        ("INC0012345", "", True),
        ("AADSTS50076", "", True),
        ("SRV-FS01", "", True),
        ("DC01", "", True),
        ("fw01.contoso.local", "", True),
        ("10.0.0.12", "", True),
        ("5.7.26", "", True),
        ("IRQL_NOT_LESS_OR_EQUAL", "", True),
        ("\\\\srv-fs01\\finance", "", True),
        ("m365", "", False),
        ("win11", "", False),
        ("wi-fi", "", False),
        ("outlook", "", False),
    ],
)
def test_exact_token_shapes(token: str, previous: str, exact: bool) -> None:
    assert is_exact(token, previous.casefold()) is exact


def test_exact_tokens_of_a_query() -> None:
    found = exact_tokens(parse_query('spooler event 7031 on SRV-PRT02 "access denied"'))
    assert [(t.text, t.words) for t in found] == [
        ("7031", ("7031",)),
        ("SRV-PRT02", ("srv", "prt02")),
        ('"access denied"', ("access", "denied")),
    ]
    assert absent({"7031": frozenset({"ticket:T-1"}), "0x1": frozenset()}) == ("0x1",)


# ---------------------------------------------------------------- safe spelling


NEGATED = [
    "user cant acess shared drive",
    "printer wont print",
    "outlook doesnt open",
    "scanner didnt send",
    "vpn not conecting",
    "teams isnt working",
    "couldnt map the drive",
    "no sound in teams",
    "cannot print",
    "never syncs",
]


@pytest.mark.parametrize("query", NEGATED)
def test_negations_are_never_corrected(loaded: Core, query: str) -> None:
    suggestion = search(loaded, query, log=False).did_you_mean
    if suggestion is not None:
        typed = [w for w in query.split() if w in {"cant", "wont", "doesnt", "didnt", "isnt"}]
        typed += [w for w in query.split() if w in {"couldnt", "not", "no", "cannot", "never"}]
        assert all(word in suggestion.split() for word in typed), suggestion


def test_the_issue_example_keeps_its_negation(loaded: Core) -> None:
    assert search(loaded, "user cant acess shared drive", log=False).did_you_mean == (
        "user cant access shared drive"
    )


def test_the_speller_leaves_known_words_negations_and_codes_alone() -> None:
    speller = Speller(
        {"password": 40, "passport": 3, "outlook": 12, "can": 50, "desk": 9, "disk": 10},
        products={"intune"},
        english={"draining"},
        common={"training": 5000},
    )
    assert speller.suggest("pasword") == "password"
    assert speller.suggest("passport") is None  # in the corpus: right as typed
    assert speller.suggest("cant") is None and speller.suggest("wont") is None
    assert speller.suggest("intune") is None and speller.suggest("intnue") == "intune"
    assert speller.suggest("draining") is None  # English, if not in this corpus
    assert speller.suggest("dsk") is None  # desk or disk: no clear winner
    assert speller.suggest("0x80070050") is None


def test_did_you_mean_never_touches_codes_or_host_names(loaded: Core) -> None:
    suggestion = search(loaded, "SRV-FS01 acess denied 0x80070005", log=False).did_you_mean
    assert suggestion == "SRV-FS01 access denied 0x80070005"


def test_the_log_records_the_entries_shown(mfa: Core) -> None:
    response = search(mfa, "new phone can't do MFA")
    with mfa.connect() as conn:
        logged = conn.execute(
            select(store.search_log.c.result_ids).where(store.search_log.c.id == response.log_id)
        ).scalar_one()
    assert json.loads(logged) == [r.key for r in response.results]


def test_the_search_api_carries_answers_grouping_and_absent_tokens(
    client, mfa: Core, users
) -> None:  # type: ignore[no-untyped-def]
    from kbassist.auth import create_token

    tech = {"Authorization": f"Bearer {create_token(mfa, 'tech')}"}
    body = client.get("/api/v1/search?q=new+phone+can%27t+do+MFA+0x80070005", headers=tech).json
    assert body["exact"] == ["0x80070005"] and body["absent"] == ["0x80070005"]
    grouped = next(r for r in body["results"] if r["id"].startswith("T-MFA-"))
    assert grouped["similar_count"] == 19 and len(grouped["collapsed_ids"]) == 19
    assert grouped["family_id"] and {"answer", "note_score", "similar"} <= set(grouped)


# ---------------------------------------------------------------- warm from the first query


def test_serve_warms_search_before_it_accepts_requests(
    loaded: Core, runner, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    """What the first search needs is loaded when the server starts listening."""
    import flask

    seen: dict[str, object] = {}

    def listen(app: flask.Flask, **options: object) -> None:
        resources = loaded.resources
        seen["caught_up"] = resources.caught_up.is_set()
        seen["model_loaded"] = resources._embedder is not None
        seen["vectors_loaded"] = resources._vectors is not None and len(resources._vectors) > 0
        speller = resources.lexical.speller()
        seen["speller_ready"] = speller._deletes is not None
        seen["first_search_cached"] = len(resources.query_vectors._items) > 0
        seen["options"] = sorted(options)

    from kbassist.jobs.sync import IndexSync

    monkeypatch.setattr(flask.Flask, "run", listen)
    monkeypatch.setattr(IndexSync, "start", lambda self: None)  # no catch-up thread left behind
    monkeypatch.setenv("PROMETHEUS_MULTIPROC_DIR", "")  # serve sets it; restored after the test
    # The development server in debug mode listens through Flask.run (gunicorn's workers call
    # the same warm_up in their load(), before they accept requests).
    result = runner.invoke(["serve", "--dev", "--debug", "--no-worker", "--port", "5999"])
    assert result.exit_code == 0, result.output
    assert "Search ready in" in result.output
    assert seen == {
        "caught_up": True,
        "model_loaded": True,
        "vectors_loaded": True,
        "speller_ready": True,
        "first_search_cached": True,
        "options": ["debug", "host", "port", "request_handler", "threaded", "use_reloader"],
    }
