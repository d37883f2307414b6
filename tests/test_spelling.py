"""Safe "did you mean" (issue 10, point 4): what the speller leaves alone and what it fixes.

The negation cases, codes and host names in a full search are in
tests/test_search_answers.py; these are the speller's own rules, on a small
vocabulary, and the benchmark's spelling part on a file of our own.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

from kbassist.index.query import parse_query
from kbassist.index.spelling import NEGATIONS, Speller, suggestion_text
from kbassist.index.wordforms import forms, inflection_of, regular_form, stems

ROOT = Path(__file__).resolve().parent.parent

INDEX = {
    "password": 400,
    "printer": 300,
    "printers": 120,
    "priority": 40,
    "schedule": 30,
    "sync": 90,
    "boot": 60,
    "loop": 20,
    "dock": 50,
    "docked": 12,
    "find": 200,
    "fixed": 180,
    "app": 160,
    "ali": 30,
    "mapi": 1,
    "access": 500,
    "stopped": 80,
    "disk": 270,
    "desk": 25,
    "full": 500,
}
ENGLISH_COUNTS = {
    "priorities": 4000,
    "brown": 90000,
    "garcia": 5000,
    "privy": 4000,
    "portion": 9000,
    "could": 900000,
    "should": 900000,
    "calendar": 6000,
}


@pytest.fixture
def speller() -> Speller:
    return Speller(
        INDEX,
        products={"intune", "rewst"},
        english=set(ENGLISH_COUNTS),
        common=ENGLISH_COUNTS,
    )


def test_contraction_halves_are_negations(speller: Speller) -> None:
    # "wouldn't" reaches the speller as "wouldn" + "t"; it once became "couldn't".
    for half in ("wouldn", "shouldn", "couldn", "doesn", "didn", "isn", "weren", "hasn"):
        assert half in NEGATIONS
        assert speller.suggest(half) is None
    assert parse_query("wouldn't connect").words[0] == "wouldn"


def test_regular_forms_of_known_words_are_right_as_typed(speller: Speller) -> None:
    assert speller.suggest("scheduler") is None  # schedule + r
    assert speller.suggest("resync") is None  # re + sync
    assert speller.suggest("bootloop") is None  # boot + loop, both the index's words
    assert speller.suggest("pasword") == "password"  # "pas" + "word" is no compound


def test_a_misspelt_inflection_gets_its_right_form(speller: Speller) -> None:
    assert speller.suggest("prioritys") == "priorities"  # not the stem, priority
    assert speller.suggest("dockd") == "docked"  # not dock
    assert speller.suggest("printerss") == "printers"  # a doubled letter, not an ending


def test_the_first_letter_stays(speller: Speller) -> None:
    assert speller.suggest("mbrown") is None  # a user name, not "brown"
    assert speller.suggest("dgarcia") is None


def test_short_words_change_only_by_an_added_letter_or_a_swap(speller: Speller) -> None:
    assert speller.suggest("api") is None  # app is a substitution away; an acronym
    assert speller.suggest("ful") == "full"  # a letter left out
    assert speller.suggest("dsk") == "disk"  # disk is ten times desk
    assert speller.suggest("fixd") is None  # find (a substitution) and fixed: unsure


def test_english_only_spellings_must_be_one_edit_away(speller: Speller) -> None:
    assert speller.suggest("priya") is None  # privy is two edits away
    assert speller.suggest("calender") == "calendar"  # one edit, common English


def test_no_suggestion_without_a_clear_winner() -> None:
    speller = Speller({"desk": 20, "disk": 30, "outlook": 50})
    assert speller.suggest("dsk") is None
    # ...and none for the query either: "outlook dsk" would still hold the typo.
    assert speller.suggestions(["outlok", "dsk"]) == {}
    assert speller.suggestions(["outlok", "mbrown"]) == {"outlok": "outlook"}


def test_british_spellings_are_right_as_typed() -> None:
    english = {"organization", "authorize", "color", "center", "license", "canceled"}
    english |= {"enrollment", "catalog", "favorite", "analyze", "program", "judgment"}
    speller = Speller({"after": 40, "full": 30}, english=english, common={w: 5000 for w in english})
    for word in ("organisation", "authorised", "colour", "centre", "licence", "cancelled"):
        assert speller.suggest(word) is None, word
    for word in ("enrolment", "catalogue", "favourite", "analysed", "programme", "judgement"):
        assert speller.suggest(word) is None, word
    assert speller.suggest("aftre") == "after"  # a swap, not a British -tre
    assert speller.suggest("ful") == "full"


def test_a_misspelt_negation_is_never_turned_into_another_word() -> None:
    speller = Speller({"dost": 5, "canon": 9, "notion": 8, "haunt": 4, "accept": 30})
    for word in ("dosnt", "dosent", "canot", "nothin", "havnt", "woudlnt"):
        assert speller.suggest(word) is None, word
    assert speller.suggest("acept") == "accept"  # two slips from "arent" is no negation


def test_word_forms() -> None:
    assert forms("priority", "s") == {"priorities"}
    assert forms("stop", "ed") == {"stoped", "stopped"}  # the caller asks which is a word
    assert forms("schedule", "er") == {"scheduler"}
    assert forms("update", "ing") == {"updating"}
    assert ("priority", "s") in stems("prioritys")
    known = {"priority", "priorities", "stop", "stopped", "cut", "cutting", "cute"}.__contains__
    assert inflection_of("prioritys", "priority", known) == {"priorities"}
    assert inflection_of("stoped", "stop", known) == {"stopped"}
    assert inflection_of("printerss", "printers", known) is None
    assert not regular_form("cuting", known, known)  # cut + ing is cutting, a word
    assert not regular_form("stoped", known, known)


@pytest.mark.parametrize(
    ("query", "replacements", "expected"),
    [
        ("outlok on the PAC file", {"outlok": "outlook", "pac": "pack"}, "outlook on the PAC file"),
        ("mail for jsmth@contoso.com", {"jsmth": "smith"}, None),
        ("\\\\srv\\shre is gone", {"shre": "share"}, None),
        ("open /admin/usres page", {"usres": "users"}, None),
        ('"print spooler" stoped', {"stoped": "stopped"}, '"print spooler" stopped'),
        ("SRV-FS01 acess", {"srv": "sr", "acess": "access"}, "SRV-FS01 access"),
    ],
)
def test_the_suggestion_keeps_acronyms_addresses_and_paths(
    query: str, replacements: dict[str, str], expected: str | None
) -> None:
    assert suggestion_text(parse_query(query), replacements) == expected


def test_a_product_word_ranks_like_a_common_word_not_like_the_index() -> None:
    # "axcess" (CCH Axcess) is right as typed, but no likelier a spelling than "access".
    speller = Speller(
        {"printer": 10}, products={"axcess", "intune"}, english={"access"}, common={"access": 90000}
    )
    assert speller.suggest("acess") == "access"
    assert speller.suggest("axcess") is None
    assert speller.suggest("intnue") == "intune"


# ---------------------------------------------------------------- the benchmark's spelling part


def test_the_benchmark_measures_a_test_set_beside_the_development_set(tmp_path: Path) -> None:
    sys.path.insert(0, str(ROOT / "bench"))
    import search_answers

    from kbassist.search.documents import ticket_record

    records = [
        ticket_record("T-1", "Outlook asks for the password", "", "Reset it.", content_hash="1"),
        ticket_record("T-2", "Printer offline", "", "Power cycled the printer.", content_hash="2"),
    ]
    dev = tmp_path / "dev.jsonl"
    test = tmp_path / "fresh.jsonl"
    rows = [
        {"query": "outlok password", "intended": "outlook password", "kind": "typo"},
        {"query": "printer wont print", "intended": "printer wont print", "kind": "negation"},
    ]
    dev.write_text("".join(json.dumps(r) + "\n" for r in rows))
    test.write_text(json.dumps({"query": "printr", "intended": "printer", "kind": "typo"}) + "\n")
    sets = [("development", dev), ("test", test), ("later", tmp_path / "absent.jsonl")]
    result = search_answers.spelling(records, tmp_path / "index", sets=sets)
    assert set(result["sets"]) == {"development", "test"}
    assert result["missing"] == [{"set": "later", "file": str(tmp_path / "absent.jsonl")}]
    development = result["sets"]["development"]
    assert development["new"]["all"]["suggestions"] == 1
    assert development["new"]["all"]["precision"] == 1.0
    assert development["new"]["all"]["corrected_share"] == 1.0
    assert [r["new"] for r in development["rows"]] == ["outlook password", None]
    assert result["sets"]["test"]["rows"][0]["new"] == "printer"
    bench_search = pytest.importorskip("search")
    text = bench_search.render_spelling(result)
    assert "test: 0 wrong suggestions" in text and "later: no" in text
