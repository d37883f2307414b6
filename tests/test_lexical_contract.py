"""One contract for every lexical backend (tantivy, whoosh), plus the pure query helpers."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pytest

from kbassist.index.backends import open_index
from kbassist.index.documents import RecordDocs, SearchDoc
from kbassist.index.query import Filters, parse_query
from kbassist.index.spelling import Speller, edit_distance
from kbassist.search.snippets import make_snippet

BACKENDS = ("tantivy", "whoosh")


def article(
    ref: str, title: str, sections: list[tuple[str, str, str]], **extra: object
) -> RecordDocs:
    """An article record; sections are (anchor, heading, text)."""
    docs = tuple(
        SearchDoc(
            key=f"article:{ref}#{anchor}",
            record=f"article:{ref}",
            kind="article",
            ref_id=ref,
            title=title,
            heading=heading,
            body=text,
            anchor=anchor,
            **extra,  # type: ignore[arg-type]
        )
        for anchor, heading, text in sections
    )
    return RecordDocs(f"article:{ref}", f"hash-{ref}", docs)


def ticket(ref: str, title: str, body: str, **extra: object) -> RecordDocs:
    doc = SearchDoc(
        key=f"ticket:{ref}",
        record=f"ticket:{ref}",
        kind="ticket",
        ref_id=ref,
        title=title,
        body=body,
        **extra,  # type: ignore[arg-type]
    )
    return RecordDocs(doc.record, f"hash-{ref}", (doc,))


CORPUS = [
    article(
        "KB-1",
        "Outlook keeps prompting for password",
        [
            (
                "symptoms",
                "Symptoms",
                "After the mailbox migration Outlook shows a password prompt every few minutes.",
            ),
            (
                "fix",
                "Fix",
                "Clear the cached credentials in Credential Manager, recreate the Outlook profile.",
            ),
        ],
        article_type="troubleshooting",
        categories=("email",),
        updated=datetime(2025, 3, 1),
    ),
    article(
        "KB-2",
        "Print spooler stops and jobs stay queued",
        [
            (
                "resolution",
                "Resolution",
                "Stop the print spooler, delete the stuck jobs, start the spooler again.",
            )
        ],
        article_type="playbook",
        clients=("Acme Legal",),
        categories=("printing",),
        updated=datetime(2024, 6, 1),
    ),
    article(
        "KB-3",
        "Printer driver reference",
        [
            (
                "drivers",
                "Drivers",
                "The universal driver works for every model; the spooler is covered elsewhere.",
            )
        ],
        article_type="reference",
        categories=("printing",),
        updated=datetime(2023, 1, 10),
    ),
    ticket(
        "T-1",
        "Cannot print from laptop",
        "Printer offline again.\n\nRestarted the spooler service, jobs printed.",
        clients=("Birch Clinic",),
        categories=("printing",),
        updated=datetime(2025, 1, 5),
    ),
    ticket(
        "T-2",
        "VPN error 809 from home",
        "FortiClient fails with error 809.\n\nOpened UDP 500 and 4500 on the router.",
        clients=("Acme Legal",),
        categories=("network",),
        updated=datetime(2025, 2, 7),
    ),
]


@pytest.fixture(params=BACKENDS)
def index(request: pytest.FixtureRequest, tmp_path: Path):  # type: ignore[no-untyped-def]
    built = open_index(request.param, tmp_path / request.param)
    built.update(CORPUS)
    return built


def keys(result) -> list[str]:  # type: ignore[no-untyped-def]
    return [hit.key for hit in result.hits]


def records(result) -> list[str]:  # type: ignore[no-untyped-def]
    return list(dict.fromkeys(hit.record for hit in result.hits))


# ---------------------------------------------------------------- ranking and sections


def test_title_outranks_body(index) -> None:  # type: ignore[no-untyped-def]
    # "printer" is in KB-3's title but only in T-1's body.
    assert records(index.search("printer driver"))[0] == "article:KB-3"


def test_hits_point_to_the_matching_section(index) -> None:  # type: ignore[no-untyped-def]
    result = index.search("cached credentials manager")
    assert result.hits[0].key == "article:KB-1#fix"
    assert result.hits[0].anchor == "fix"
    assert result.hits[0].kind == "article" and result.hits[0].ref_id == "KB-1"


def test_a_typo_in_an_error_message_finds_its_article(index) -> None:  # type: ignore[no-untyped-def]
    result = index.search("Outlok keeps promting for pasword")
    assert records(result)[0] == "article:KB-1"
    assert result.did_you_mean == "outlook keeps prompting for password"
    assert {"outlook", "prompting", "password"} <= set(result.terms)


def test_no_suggestion_when_every_word_is_known(index) -> None:  # type: ignore[no-untyped-def]
    assert index.search("outlook password").did_you_mean is None


def test_phrase_requires_the_words_together(index) -> None:  # type: ignore[no-untyped-def]
    # KB-3 has both words, apart; only KB-2 says "print spooler".
    assert records(index.search('"print spooler"')) == ["article:KB-2"]
    assert "article:KB-3" in records(index.search("print spooler"))


def test_excluded_word(index) -> None:  # type: ignore[no-untyped-def]
    found = records(index.search("spooler -driver"))
    assert "article:KB-3" not in found and "article:KB-2" in found


# ---------------------------------------------------------------- any string must work

HOSTILE = [
    "",
    '"',
    '"unbalanced quote printer',
    'printer "',
    "AND OR (",
    "(((( printer",
    "printer ))))",
    "title: body: kind:",
    "kind:bogus printer",
    "NOT",
    "* ? ~2 ^3 : \\ / [ ] { } + - ! && ||",
    "--",
    "-",
    'title:"Outlook password"',
    "printer\x00spooler",
    "\u202eprinter\u202c",
    "😀🖨️ printer 😀",
    "'; DROP TABLE tickets; --",
    "printer~ spooler^2 outlook:* field:[a TO z]",
    "x" * 10_000,
    "printer " * 2_000,
    "ПРИНТЕР не печатает",
    "打印机 离线",
]


@pytest.mark.parametrize("query", HOSTILE, ids=range(len(HOSTILE)))
def test_any_string_is_a_safe_query(index, query: str) -> None:  # type: ignore[no-untyped-def]
    result = index.search(query, limit=5)
    assert len(result.hits) <= 5
    assert isinstance(index.facets(query), dict)


def test_field_prefixes_and_brackets_are_plain_words(index) -> None:  # type: ignore[no-untyped-def]
    assert "ticket:T-1" in records(index.search("body:printer (offline"))
    assert records(index.search('title:"outlook"'))[0] == "article:KB-1"


def test_operators_alone_find_nothing(index) -> None:  # type: ignore[no-untyped-def]
    assert index.search("AND OR (").hits == ()


# ---------------------------------------------------------------- filters and facets


def test_kind_filter(index) -> None:  # type: ignore[no-untyped-def]
    assert records(index.search("spooler", filters=Filters(kind="ticket"))) == ["ticket:T-1"]
    assert records(index.search("kind:ticket spooler")) == ["ticket:T-1"]


def test_article_type_filter(index) -> None:  # type: ignore[no-untyped-def]
    assert records(index.search("spooler", filters=Filters(article_type="Reference"))) == [
        "article:KB-3"
    ]
    assert records(index.search("type:playbook spooler")) == ["article:KB-2"]


def test_client_filter_keeps_articles_for_every_client(index) -> None:  # type: ignore[no-untyped-def]
    found = records(index.search("spooler printer driver", filters=Filters(client="acme legal")))
    # KB-2 is Acme's; KB-3 names no client so applies to all; T-1 is Birch's.
    assert set(found) == {"article:KB-2", "article:KB-3"}


def test_category_filter(index) -> None:  # type: ignore[no-untyped-def]
    assert records(index.search("error fails", filters=Filters(category="network"))) == [
        "ticket:T-2"
    ]


def test_date_range_filter(index) -> None:  # type: ignore[no-untyped-def]
    window = Filters(date_from=datetime(2024, 1, 1), date_to=datetime(2024, 12, 31))
    assert records(index.search("spooler", filters=window)) == ["article:KB-2"]


def test_facets_count_matching_documents(index) -> None:  # type: ignore[no-untyped-def]
    facets = index.facets("spooler")
    assert facets["kind"] == {"article": 2, "ticket": 1}
    assert facets["category"] == {"printing": 3}
    assert facets["article_type"] == {"playbook": 1, "reference": 1}


# ---------------------------------------------------------------- terms most documents hold


@pytest.fixture(params=BACKENDS)
def printers(request: pytest.FixtureRequest, tmp_path: Path, monkeypatch: pytest.MonkeyPatch):  # type: ignore[no-untyped-def]
    """Five tickets, four about printers; pruning switched on at this size."""
    monkeypatch.setattr("kbassist.index.lexical.PRUNE_MIN_DOCUMENTS", 5)
    built = open_index(request.param, tmp_path / request.param)
    built.update(
        [
            ticket("P-1", "Printer offline", "The printer shows offline on the floor 2 queue."),
            ticket("P-2", "Printer jam", "The printer jams on every second page."),
            ticket("P-3", "Printer toner", "The printer toner is low."),
            ticket("P-4", "Printer driver", "The printer driver crashes on print."),
            ticket("P-5", "VPN drops", "The tunnel drops every hour."),
        ]
    )
    return built


def test_a_term_most_documents_hold_does_not_rank_when_rarer_terms_remain(printers) -> None:  # type: ignore[no-untyped-def]
    # "printer" is in 4 of 5 documents: only "offline" ranks, so the other printers drop out.
    assert records(printers.search("printer offline")) == ["ticket:P-1"]
    # Facets still count every document holding any query term.
    assert printers.facets("printer offline")["kind"] == {"ticket": 4}


def test_a_query_of_only_common_terms_keeps_them(printers) -> None:  # type: ignore[no-untyped-def]
    # Both terms are common, so both rank: "the" alone brings in the VPN ticket.
    found = records(printers.search("the printer"))
    assert len(found) == 5
    assert found[-1] == "ticket:P-5"


def test_small_indexes_rank_every_term(printers, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr("kbassist.index.lexical.PRUNE_MIN_DOCUMENTS", 6)
    found = records(printers.search("printer offline"))
    assert found[0] == "ticket:P-1"
    assert len(found) == 4


# ---------------------------------------------------------------- writes, manifest, persistence


def test_manifest_lists_committed_records(index) -> None:  # type: ignore[no-untyped-def]
    assert index.manifest() == {item.record: item.content_hash for item in CORPUS}


def test_update_replaces_and_deletes_records(index) -> None:  # type: ignore[no-untyped-def]
    index.update([ticket("T-1", "Scanner jammed", "Paper jam in the scanner.")], ["article:KB-3"])
    assert records(index.search("scanner jammed")) == ["ticket:T-1"]
    assert "ticket:T-1" not in records(index.search("offline"))
    assert "article:KB-3" not in records(index.search("driver reference"))
    assert "article:KB-3" not in index.manifest()
    assert index.doc_count() == 5  # KB-1 (two sections), KB-2, T-1, T-2


def test_an_article_losing_a_section_loses_its_document(index) -> None:  # type: ignore[no-untyped-def]
    shorter = article(
        "KB-1", "Outlook keeps prompting for password", [("fix", "Fix", "Recreate the profile.")]
    )
    index.update([shorter])
    assert "article:KB-1#symptoms" not in keys(index.search("mailbox migration"))


def test_reopened_from_disk(index, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    again = open_index(index.backend, index.path)
    assert again.doc_count() == index.doc_count()
    assert again.manifest() == index.manifest()
    assert records(again.search("vpn 809")) == ["ticket:T-2"]


def test_rebuild_replaces_everything(index) -> None:  # type: ignore[no-untyped-def]
    index.rebuild([ticket("T-9", "Monitor flickers", "Replaced the cable.")])
    assert index.doc_count() == 1
    assert index.manifest() == {"ticket:T-9": "hash-T-9"}
    assert index.search("spooler").hits == ()


def test_documents_returns_what_was_stored(index) -> None:  # type: ignore[no-untyped-def]
    found = index.documents(["article:KB-1#fix", "ticket:T-2", "ticket:missing"])
    assert set(found) == {"article:KB-1#fix", "ticket:T-2"}
    assert found["article:KB-1#fix"].heading == "Fix"
    assert found["ticket:T-2"].updated == datetime(2025, 2, 7)


def test_equal_scores_are_ordered_by_key(index) -> None:  # type: ignore[no-untyped-def]
    twins = [
        ticket(ref, "Keyboard sticky", "Cleaned keyboard.") for ref in ("T-20", "T-11", "T-15")
    ]
    index.update(twins)
    assert records(index.search("keyboard sticky")) == ["ticket:T-11", "ticket:T-15", "ticket:T-20"]


def test_vocabulary_is_unstemmed_words(index) -> None:  # type: ignore[no-untyped-def]
    vocabulary = index.vocabulary()
    # The title is repeated in each of KB-1's two sections.
    assert vocabulary["prompting"] == 2 and vocabulary["spooler"] >= 3


def test_a_missing_or_foreign_folder_starts_empty(tmp_path: Path) -> None:
    folder = tmp_path / "index"
    open_index("tantivy", folder).update(CORPUS)
    # Opening the same folder with the other backend discards it rather than misreading it.
    other = open_index("whoosh", folder)
    assert other.doc_count() == 0 and other.manifest() == {}


# ---------------------------------------------------------------- pure helpers


def test_parse_query_pulls_out_phrases_filters_and_exclusions() -> None:
    parsed = parse_query('kind:ticket client:"Acme Legal" "print spooler" offline -driver AND (')
    assert parsed.phrases == (("print", "spooler"),)
    assert parsed.excluded == ("driver",)
    assert parsed.words == ("print", "spooler", "offline")
    assert parsed.text == '"print spooler" offline -driver'
    assert parsed.filters == Filters(kind="ticket", client="Acme Legal")


def test_parse_query_keeps_negative_numbers_as_words() -> None:
    assert parse_query("FortiClient error -14").words == ("forticlient", "error", "14")


def test_parse_query_caps_long_input() -> None:
    parsed = parse_query(" ".join(f"word{i}" for i in range(5000)))
    assert 0 < len(parsed.words) <= 48


def test_speller_prefers_the_nearest_then_commonest() -> None:
    speller = Speller({"password": 40, "passport": 3, "outlook": 12, "0x80070005": 4})
    assert speller.correct("pasword").suggestions[0] == "password"
    assert speller.correct("password") is None
    assert speller.correct("0x80070050") is None  # codes are never "corrected"


def test_speller_corrects_a_rare_twin_of_a_common_word() -> None:
    speller = Speller({"printer": 200, "priner": 1})
    assert speller.correct("priner").suggestions == ("printer",)


def test_edit_distance_counts_a_transposition_once() -> None:
    assert edit_distance("spooler", "sopoler") == 1
    assert edit_distance("kitten", "sitting") == 3


def test_snippet_marks_the_query_words_in_the_best_window() -> None:
    text = (
        ("Intro words. " * 40)
        + "Restart the print spooler service, then clear the queue. "
        + ("Tail. " * 40)
    )
    snippet = make_snippet(text, ["spooler", "queue"], width=120)
    marked = [snippet.text[start:end] for start, end in snippet.spans]
    assert marked == ["spooler", "queue"]
    assert snippet.text.startswith("… ") and snippet.text.endswith(" …")
    assert "<mark>spooler</mark>" in snippet.html()


def test_snippet_html_is_escaped() -> None:
    snippet = make_snippet("<script>alert(1)</script> printer", ["printer"])
    assert "<script>" not in snippet.html() and "&lt;script&gt;" in snippet.html()


def test_containing_finds_the_words_in_order(index) -> None:  # type: ignore[no-untyped-def]
    assert [h.record for h in index.containing(("809",))] == ["ticket:T-2"]
    assert [h.record for h in index.containing(("udp", "500"))] == ["ticket:T-2"]
    assert index.containing(("500", "udp")) == ()  # the order counts
    assert index.containing(("0x80070005",)) == ()
    only_acme = index.containing(("809",), filters=Filters(client="Birch Clinic"))
    assert only_acme == ()


def test_did_you_mean_keeps_negations_and_quotes(index) -> None:  # type: ignore[no-untyped-def]
    assert index.search("cant print from laptpo").did_you_mean == "cant print from laptop"
    assert index.search('"print spooler" stoped').did_you_mean == '"print spooler" stopped'
