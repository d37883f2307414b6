"""The benchmark inputs are well formed, and every builder gives the same output every time."""

from __future__ import annotations

import json
import os
import random
import re
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest

from .longreports import BANNERS, SIGNATURES, VAGUE_TITLES, _context, long_report
from .mixed import (
    ARTICLE_GRADE,
    NOTE_MAX_CHARS,
    TICKET_GRADE,
    build_duplicates,
    build_mixed,
    closure_note,
    ndcg,
    split_paraphrases,
)
from .reportlogs import LOGS, MAX_LOG_LINES, MIN_LOG_LINES

HERE = Path(__file__).resolve().parent
KINDS = {"typo", "negation", "code", "hostname", "correct", "product"}
NEGATIONS = re.compile(
    r"\b(cant|can't|cannot|can not|wont|won't|dont|don't|doesnt|doesn't|isnt|isn't|didnt|"
    r"didn't|hasnt|havent|arent|couldnt|wasnt|shouldnt|not|no|never|unable)\b"
)
PRODUCTS = (
    "intune", "onedrive", "sharepoint", "meraki", "fortigate", "sonicwall", "datto", "ninjarmm",
    "connectwise", "autotask", "3cx", "teams", "entra", "azuread", "bitlocker", "veeam", "sophos",
    "kaseya", "mimecast", "duo", "okta", "yealink", "quickbooks", "sage",
)  # fmt: skip


def _shared_data() -> Path | None:
    """The shared data folder: KBASSIST_BENCH_DATA, else a ``shared/data`` beside an ancestor."""
    if os.environ.get("KBASSIST_BENCH_DATA"):
        return Path(os.environ["KBASSIST_BENCH_DATA"])
    for parent in HERE.parents:
        if (parent / "shared" / "data" / "stackfaq").is_dir():
            return parent / "shared" / "data"
    return None


SHARED = _shared_data()
needs_shared = pytest.mark.skipif(SHARED is None, reason="no ../shared/data/stackfaq here")


# ---------------------------------------------------------------- misspellings.jsonl


def _read_rows(name: str) -> list[dict[str, str]]:
    text = (HERE / name).read_text(encoding="utf-8")
    assert text.endswith("\n")
    return [json.loads(line) for line in text.splitlines()]


@pytest.fixture(scope="module")
def misspellings() -> list[dict[str, str]]:
    return _read_rows("misspellings.jsonl")


@pytest.fixture(scope="module")
def fresh_misspellings() -> list[dict[str, str]]:
    """The held-out set, written without seeing the speller or the older file's rows."""
    return _read_rows("misspellings_fresh.jsonl")


@pytest.fixture(scope="module")
def blind_misspellings() -> list[dict[str, str]]:
    """The blind set, written without seeing the speller or the rows of the two older files."""
    return _read_rows("misspellings_blind.jsonl")


@pytest.fixture(
    scope="module",
    params=[
        "misspellings.jsonl",
        "misspellings_fresh.jsonl",
        "misspellings_dev2.jsonl",
        "misspellings_blind.jsonl",
    ],
)
def either_misspellings(request) -> list[dict[str, str]]:
    return _read_rows(request.param)


def test_misspellings_shape(either_misspellings):
    misspellings = either_misspellings
    for row in misspellings:
        assert list(row) == ["query", "intended", "kind", "note"], row
        assert row["kind"] in KINDS, row
        assert all(isinstance(v, str) and v.strip() == v and v for v in row.values()), row
        assert len(row["query"].split()) == len(row["intended"].split()), row
    assert len({row["query"] for row in misspellings}) == len(misspellings)


def test_misspellings_counts(misspellings):
    kinds = Counter(row["kind"] for row in misspellings)
    assert len(misspellings) >= 250
    assert sum(row["query"] != row["intended"] for row in misspellings) >= 200
    assert sum(row["query"] == row["intended"] for row in misspellings) >= 50
    assert kinds["correct"] >= 50
    assert kinds["negation"] >= 40
    assert kinds["code"] >= 30
    assert kinds["hostname"] >= 20
    assert all(row["query"] == row["intended"] for row in misspellings if row["kind"] == "correct")


def _kind_counts(rows: list[dict[str, str]]) -> tuple[Counter[str], Counter[str]]:
    """Rows per kind, and misspelled rows (``query != intended``) per kind."""
    kinds = Counter(row["kind"] for row in rows)
    return kinds, Counter(row["kind"] for row in rows if row["query"] != row["intended"])


def _repeats(rows: list[dict[str, str]], older: list[dict[str, str]]) -> int:
    """How many queries of ``rows`` repeat one of ``older`` (lower-cased, spaces collapsed)."""

    def key(query: str) -> str:
        return " ".join(query.lower().split())

    seen = {key(row["query"]) for row in older}
    return sum(key(row["query"]) in seen for row in rows)


def test_fresh_misspellings_counts(fresh_misspellings):
    rows = fresh_misspellings
    kinds, misspelled = _kind_counts(rows)
    assert len(rows) >= 300
    assert set(kinds) == KINDS
    assert kinds["typo"] >= 120 and misspelled["typo"] == kinds["typo"]
    assert kinds["negation"] >= 50 and 20 <= misspelled["negation"] <= kinds["negation"] - 20
    assert kinds["code"] >= 30 and kinds["hostname"] >= 20 and kinds["product"] >= 30
    assert kinds["correct"] >= 30 and misspelled["correct"] == 0
    assert sum(misspelled.values()) >= 200


def test_fresh_misspellings_are_not_the_older_ones(misspellings, fresh_misspellings):
    """No query of the held-out set repeats one the speller was tuned on (counted, not shown)."""
    assert _repeats(fresh_misspellings, misspellings) == 0


def test_blind_misspellings_counts(blind_misspellings):
    rows = blind_misspellings
    kinds, misspelled = _kind_counts(rows)
    assert len(rows) >= 330
    assert set(kinds) == KINDS
    assert kinds["typo"] >= 130 and misspelled["typo"] == kinds["typo"]
    assert kinds["negation"] >= 50 and 20 <= misspelled["negation"] <= kinds["negation"] - 20
    assert kinds["code"] >= 30 and kinds["hostname"] >= 25 and kinds["product"] >= 30
    assert kinds["correct"] >= 40 and misspelled["correct"] == 0
    assert sum(misspelled.values()) >= 230


def test_blind_misspellings_are_not_the_older_ones(
    misspellings, fresh_misspellings, blind_misspellings
):
    """No query of the blind set repeats one of the two older files (counted, not shown)."""
    assert _repeats(blind_misspellings, misspellings + fresh_misspellings) == 0


def test_protected_tokens_stay(either_misspellings):
    """Negations, codes, host names and product words are the same in query and intended."""
    products = set(PRODUCTS)
    for row in either_misspellings:
        typed, meant = row["query"].split(), row["intended"].split()
        for a, b in zip(typed, meant, strict=True):
            if _looks_exact(a):
                assert a == b, row  # codes, ids, host names, paths, quoted phrases
            if a.lower() in products or NEGATIONS.fullmatch(a.lower()):
                assert a == b, row
        if row["kind"] == "negation":
            assert NEGATIONS.search(row["query"].lower()), row
        if row["kind"] in ("code", "hostname"):
            assert any(_looks_exact(token) for token in typed), row


def test_misspelled_words_are_near(either_misspellings):
    """Every changed word is a plausible typo: a few edits from the word meant."""
    for row in either_misspellings:
        for a, b in zip(row["query"].split(), row["intended"].split(), strict=True):
            if a != b:
                assert _edits(a, b) <= 3, (a, b)


# ---------------------------------------------------------------- long reports


QUESTIONS = [
    "How do I stop Gmail from grouping emails into conversations?",
    "Is there a way to export my Trello board?",
    "outlook keeps asking for password",
    "Can I link to a specific time in a YouTube video?",
]


def test_long_report_is_deterministic():
    for seed, question in enumerate(QUESTIONS):
        assert long_report(question, seed) == long_report(question, seed)
    assert long_report(QUESTIONS[0], 1) != long_report(QUESTIONS[0], 2)


def test_long_report_is_the_same_in_another_process():
    """No dependence on hash randomisation or process state."""
    code = (
        "import json, sys, importlib; sys.path.insert(0, sys.argv[1]); "
        "m = importlib.import_module(sys.argv[2] + '.longreports'); "
        "print(json.dumps(m.long_report(sys.argv[3], 42)))"
    )
    outputs = set()
    for hash_seed in ("1", "2"):
        env = {**os.environ, "PYTHONHASHSEED": hash_seed}
        result = subprocess.run(
            [sys.executable, "-c", code, str(HERE.parent), HERE.name, QUESTIONS[1]],
            capture_output=True,
            text=True,
            env=env,
            check=True,
        )
        outputs.add(result.stdout)
    assert outputs == {json.dumps(long_report(QUESTIONS[1], 42)) + "\n"}


def test_long_report_shape():
    for seed in range(60):
        question = QUESTIONS[seed % len(QUESTIONS)]
        report = long_report(question, seed)
        assert set(report) == {"title", "description"}
        assert report["title"].strip() and "\n" not in report["title"]
        assert question in report["description"]
        assert report["description"].count("\n\n") >= 5  # several paragraphs
        assert len(report["description"]) > 5 * len(question)


def test_long_reports_vary():
    reports = [long_report(QUESTIONS[i % len(QUESTIONS)], i) for i in range(300)]
    titles = [r["title"] for r in reports]
    assert sum(t in VAGUE_TITLES for t in titles) > 60
    assert sum(any(t.endswith(q.rstrip("?.! ")) for q in QUESTIONS) for t in titles) > 60
    first_signature_lines = {s.format_map(_FakeContext()).split("\n")[0] for s in SIGNATURES}
    assert len(SIGNATURES) >= 15 and len(first_signature_lines) >= 10
    bodies = [r["description"] for r in reports]
    assert len(set(bodies)) == len(bodies)
    assert sum(any(b.startswith(s[:30]) for s in BANNERS) for b in bodies) > 30


def test_every_log_kind_gives_its_lines():
    assert len(LOGS) >= 15
    rng = random.Random(3)
    for kind in LOGS:
        ctx = _context(rng)
        for n in (MIN_LOG_LINES, MAX_LOG_LINES):
            lines = kind.make(rng, ctx, n)
            assert len(lines) >= n, kind.make.__name__
            assert all("{" not in line or "}" in line for line in lines)  # no unfilled slot


# ---------------------------------------------------------------- mixed benchmark


@pytest.fixture()
def tiny_data(tmp_path: Path) -> Path:
    """Three FAQs with 5, 4 and 1 paraphrases, in the stackfaq file layout."""
    folder = tmp_path / "stackfaq"
    folder.mkdir()
    docs = [
        {"doc_id": "faq000", "title": "Strike", "answers": ["Use ~~tildes~~.", "Or <del>."]},
        {"doc_id": "faq001", "title": "Delete an account", "answers": ["Go to settings. " * 80]},
        {"doc_id": "faq002", "title": "Export data", "answers": ["Use the export menu."]},
    ]
    counts = {"faq000": 5, "faq001": 4, "faq002": 1}
    queries = [
        {"query_id": f"{faq}_q{n:02d}", "text": f"question {n} about {faq}?", "faq_id": faq}
        for faq, count in counts.items()
        for n in range(count)
    ]
    qrels = [{"query_id": q["query_id"], "doc_id": q["faq_id"], "relevance": 1} for q in queries]
    for name, rows in (("corpus", docs), ("queries", queries), ("qrels", qrels)):
        text = "".join(json.dumps(row) + "\n" for row in rows)
        (folder / f"{name}.jsonl").write_text(text, encoding="utf-8")
    return tmp_path


def test_split_is_half_and_half(tiny_data):
    articles, tickets, queries = build_mixed(tiny_data)
    per_faq = Counter(t.faq_id for t in tickets) + Counter(q.faq_id for q in queries)
    assert per_faq == {"faq000": 5, "faq001": 4, "faq002": 1}
    tickets_of = Counter(t.faq_id for t in tickets)
    queries_of = Counter(q.faq_id for q in queries)
    assert tickets_of["faq001"] == queries_of["faq001"] == 2
    assert {tickets_of["faq000"], queries_of["faq000"]} == {2, 3}
    ticket_ids = {t.id.removeprefix("SF-") for t in tickets}
    assert not ticket_ids & {q.id for q in queries}


def test_mixed_shapes_and_grades(tiny_data):
    articles, tickets, queries = build_mixed(tiny_data)
    assert [a.id for a in articles] == ["faq000", "faq001", "faq002"]
    assert articles[0].body == "## Answer 1\n\nUse ~~tildes~~.\n\n## Answer 2\n\nOr <del>."
    for query in queries:
        assert query.relevance[f"article:{query.faq_id}"] == ARTICLE_GRADE
        same_faq = {t.key for t in tickets if t.faq_id == query.faq_id}
        assert {k for k, g in query.relevance.items() if g == TICKET_GRADE} == same_faq
    for ticket in tickets:
        assert ticket.title == ticket.description
        assert 0 < len(ticket.resolution) <= NOTE_MAX_CHARS
    faq000 = [t.resolution for t in tickets if t.faq_id == "faq000"]
    assert faq000[:2] == ["Use ~~tildes~~.", "Or <del>."]  # its tickets take different answers


def test_builders_are_deterministic(tiny_data):
    assert build_mixed(tiny_data) == build_mixed(tiny_data)
    assert build_mixed(tiny_data, "long") == build_mixed(tiny_data, "long")
    assert build_duplicates(tiny_data, "long") == build_duplicates(tiny_data, "long")


def test_long_variant_buries_the_same_tickets(tiny_data):
    _, short, queries = build_mixed(tiny_data)
    _, long, long_queries = build_mixed(tiny_data, "long")
    assert queries == long_queries
    assert [(t.id, t.resolution, t.closed_at) for t in short] == [
        (t.id, t.resolution, t.closed_at) for t in long
    ]
    for s, t in zip(short, long, strict=True):
        assert s.title in t.description and len(t.description) > 5 * len(s.title)


def test_duplicates(tiny_data):
    tickets, probes = build_duplicates(tiny_data, "long")
    by_faq: dict[str, set[str]] = {}
    for ticket in tickets:
        by_faq.setdefault(ticket.faq_id, set()).add(ticket.id)
    for probe in probes:
        assert set(probe.duplicates) == by_faq.get(probe.faq_id, set())
        assert probe.id.startswith("NEW-")
    assert all(p.duplicates for p in probes if p.faq_id != "faq002")


def test_unknown_variant_and_missing_data(tiny_data, tmp_path):
    with pytest.raises(ValueError, match="Unknown variant"):
        build_mixed(tiny_data, "medium")
    with pytest.raises(FileNotFoundError, match="shared data folder"):
        build_mixed(tmp_path / "nowhere")


@needs_shared
def test_mixed_on_stackfaq():
    articles, tickets, queries = build_mixed(SHARED)
    assert len(articles) == 125
    assert len(tickets) + len(queries) == 625
    assert abs(len(tickets) - len(queries)) <= 15
    assert all(q.relevance for q in queries)
    assert all(any(g == TICKET_GRADE for g in q.relevance.values()) for q in queries)
    again = build_mixed(SHARED)
    assert [t.id for t in again[1]] == [t.id for t in tickets]
    _, probes = build_duplicates(SHARED, "long")
    assert len(probes) == len(queries) and all(p.duplicates for p in probes)


def test_split_does_not_depend_on_other_faqs():
    rows = [
        {"query_id": f"f{faq}_q{n}", "faq_id": f"f{faq}", "text": "x"}
        for faq in range(9)
        for n in range(5)
    ]
    past, _ = split_paraphrases(rows)
    past_alone, _ = split_paraphrases([r for r in rows if r["faq_id"] == "f4"])
    assert [r for r in past if r["faq_id"] == "f4"] == past_alone


# ---------------------------------------------------------------- small helpers


def test_closure_note():
    assert closure_note("Short  answer.\n") == "Short answer."
    long = "This is one sentence. " * 60
    note = closure_note(long)
    assert len(note) <= NOTE_MAX_CHARS and note.endswith(".")
    words = closure_note("word " * 400)
    assert len(words) <= NOTE_MAX_CHARS and words.endswith(" ...")


def test_ndcg():
    grades = {"article:a": 2, "ticket:1": 1, "ticket:2": 1}
    assert ndcg(["article:a", "ticket:1", "ticket:2"], grades) == pytest.approx(1.0)
    assert ndcg(["x", "y"], grades) == 0.0
    swapped = ndcg(["ticket:1", "article:a", "ticket:2"], grades)
    assert 0 < swapped < 1
    assert ndcg([], {}) == 0.0


# ---------------------------------------------------------------- closure_notes_blind.jsonl

BLIND_NOTES = "closure_notes_blind.jsonl"
CRITERIA = ("problem", "environment", "cause", "steps", "verification", "followup")
NOTE_LABELS = (*CRITERIA, "secret", "personal_data")


def test_closure_notes_blind_shape():
    """160 labelled notes in the batches' format plus ``values``, each value found in its note."""
    lines = (HERE / BLIND_NOTES).read_text(encoding="utf-8").splitlines()
    rows = [json.loads(line) for line in lines]
    assert len(rows) == 160
    assert [row["id"] for row in rows] == [f"BL-{n:03d}" for n in range(1, 161)]
    for row in rows:
        assert set(row) == {"id", "ticket_title", "note", "labels", "overall", "why", "values"}
        assert all(
            isinstance(row[key], str) and row[key].strip()
            for key in ("ticket_title", "note", "why")
        )
        assert set(row["labels"]) == set(NOTE_LABELS), row["id"]
        assert all(row["labels"][label] in (0, 1) for label in NOTE_LABELS), row["id"]
        assert row["overall"] in (1, 2, 3, 4, 5), row["id"]
        flagged = row["labels"]["secret"] or row["labels"]["personal_data"]
        assert bool(row["values"]) == bool(flagged), row["id"]
        for value in row["values"]:
            assert isinstance(value, str) and value and value in row["note"], (row["id"], value)
        if not any(row["labels"][label] for label in CRITERIA):
            assert row["overall"] == 1, row["id"]  # GUIDE.md: no criterion met is a 1
    for label in CRITERIA:  # the brief: each criterion met in roughly 35-65 % of the notes
        assert 0.35 <= sum(row["labels"][label] for row in rows) / len(rows) <= 0.65, label
    assert sum(row["labels"]["secret"] for row in rows) >= 40
    assert sum(row["labels"]["personal_data"] for row in rows) >= 18


# ---------------------------------------------------------------- closure_notes_blind2.jsonl

BLIND2_NOTES = "closure_notes_blind2.jsonl"
BLIND2_SECTION = "## `closure_notes_blind2.jsonl`"


def _blind2_rows() -> list[dict]:
    lines = (HERE / BLIND2_NOTES).read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines]


def test_closure_notes_blind2_shape():
    """160 labelled notes in the first blind file's format, each value verbatim in its note."""
    rows = _blind2_rows()
    assert len(rows) == 160
    assert [row["id"] for row in rows] == [f"B2-{n:03d}" for n in range(1, 161)]
    for row in rows:
        assert list(row) == ["id", "ticket_title", "note", "labels", "overall", "why", "values"]
        assert all(
            isinstance(row[key], str) and row[key].strip()
            for key in ("ticket_title", "note", "why")
        )
        assert list(row["labels"]) == list(NOTE_LABELS), row["id"]
        assert all(row["labels"][label] in (0, 1) for label in NOTE_LABELS), row["id"]
        assert row["overall"] in (1, 2, 3, 4, 5), row["id"]
        flagged = row["labels"]["secret"] or row["labels"]["personal_data"]
        assert bool(row["values"]) == bool(flagged), row["id"]
        assert len(set(row["values"])) == len(row["values"]), row["id"]
        for value in row["values"]:
            assert isinstance(value, str) and value.strip() == value and value, row["id"]
            assert value in row["note"], (row["id"], value)
        met = sum(row["labels"][label] for label in CRITERIA)
        if not met:
            assert row["overall"] == 1, row["id"]  # GUIDE.md: no criterion met is a 1
        if flagged:
            assert row["overall"] <= 4, row["id"]  # GUIDE.md: docked one grade
    assert len({row["note"] for row in rows}) == len(rows)
    for label in CRITERIA:  # the brief: each criterion met in roughly 30-70 % of the notes
        assert 0.30 <= sum(row["labels"][label] for row in rows) / len(rows) <= 0.70, label
    assert 0.25 <= sum(row["labels"]["secret"] for row in rows) / len(rows) <= 0.35
    assert 0.10 <= sum(row["labels"]["personal_data"] for row in rows) / len(rows) <= 0.15
    assert set(Counter(row["overall"] for row in rows)) == {1, 2, 3, 4, 5}


def _blind2_readme() -> str:
    text = (HERE / "README.md").read_text(encoding="utf-8")
    assert text.count(BLIND2_SECTION) == 1
    section = text[text.index(BLIND2_SECTION) :]
    end = section.find("\n## ", len(BLIND2_SECTION))  # stop at the next section
    return section if end < 0 else section[:end]


def test_closure_notes_blind2_counts_match_the_readme():
    """The label table, grade line, value count and language ids in the README are the file's."""
    rows = _blind2_rows()
    section = _blind2_readme()
    for label in NOTE_LABELS:
        count = sum(row["labels"][label] for row in rows)
        share = round(100 * count / len(rows))
        assert f"| `{label}` | {count} | {share} % |" in section, label
    grades = Counter(row["overall"] for row in rows)
    assert (
        f"`overall`: {grades[1]} notes at 1, {grades[2]} at 2, {grades[3]} at 3, "
        f"{grades[4]} at 4, {grades[5]} at 5. {sum(len(row['values']) for row in rows)} `values`"
    ) in section
    languages = "German|Spanish|French|Dutch|Portuguese|Italian"
    listed = re.findall(rf"^\| ({languages}) \| (\d+) \| ([\d, ]+) \|$", section, re.M)
    assert len(listed) == 6
    other = set()
    for _, count, ids in listed:
        numbers = [n.strip() for n in ids.split(",")]
        assert len(numbers) == int(count)
        other |= set(numbers)
    assert len(other) == sum(int(count) for _, count, _ in listed)
    english = len(rows) - len(other)
    assert f"| English | {english} | the rest |" in section
    assert all(f"B2-{n}" in {row["id"] for row in rows} for n in other)


def test_closure_notes_blind2_repeats_no_older_note():
    """No note repeats the text of a first-blind or batch note (counted, not shown)."""
    notes = {row["note"].strip().lower() for row in _blind2_rows()}
    older = {row["note"].strip().lower() for row in _read_rows(BLIND_NOTES)}
    if SHARED is not None and (SHARED / "closure_notes").is_dir():
        for batch in sorted((SHARED / "closure_notes").glob("batch-*.jsonl")):
            lines = batch.read_text(encoding="utf-8").splitlines()
            older |= {json.loads(line)["note"].strip().lower() for line in lines}
    repeats = len(notes & older)
    assert repeats == 0


# ---------------------------------------------------------------- secrets_blind3.jsonl

BLIND3_SECRETS = "secrets_blind3.jsonl"
BLIND3_SECTION = "## `secrets_blind3.jsonl`"
BLIND3_LABELS = ("secret", "personal_data")


def _blind3_rows() -> list[dict]:
    lines = (HERE / BLIND3_SECRETS).read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines]


def _blind3_readme() -> str:
    text = (HERE / "README.md").read_text(encoding="utf-8")
    assert text.count(BLIND3_SECTION) == 1
    section = text[text.index(BLIND3_SECTION) :]
    after = section.find("\n## ")  # up to the next file's section
    return section if after == -1 else section[:after]


def test_secrets_blind3_shape():
    """120 notes, two 0/1 labels, each value verbatim in its note, values exactly when flagged."""
    rows = _blind3_rows()
    assert len(rows) == 120
    assert [row["id"] for row in rows] == [f"B3-{n:03d}" for n in range(1, 121)]
    for row in rows:
        assert list(row) == ["id", "ticket_title", "note", "labels", "values", "why"], row["id"]
        assert all(
            isinstance(row[key], str) and row[key].strip()
            for key in ("ticket_title", "note", "why")
        ), row["id"]
        assert list(row["labels"]) == list(BLIND3_LABELS), row["id"]
        assert all(row["labels"][label] in (0, 1) for label in BLIND3_LABELS), row["id"]
        assert isinstance(row["values"], list), row["id"]
        flagged = row["labels"]["secret"] or row["labels"]["personal_data"]
        assert bool(row["values"]) == bool(flagged), row["id"]
        assert len(set(row["values"])) == len(row["values"]), row["id"]
        for value in row["values"]:
            assert isinstance(value, str) and value and value.strip() == value, row["id"]
            assert value in row["note"], (row["id"], value)
    assert len({row["note"] for row in rows}) == len(rows)
    # the brief: roughly 50 with a secret, 20 with personal data (a few both), 50 with neither
    secret = sum(row["labels"]["secret"] for row in rows)
    personal = sum(row["labels"]["personal_data"] for row in rows)
    both = sum(row["labels"]["secret"] and row["labels"]["personal_data"] for row in rows)
    assert 45 <= secret <= 55 and 18 <= personal <= 22 and 2 <= both <= 6
    assert 45 <= len(rows) - secret - personal + both <= 55


def test_secrets_blind3_counts_match_the_readme():
    """The label table, the both / neither line, the value count and the language ids."""
    rows = _blind3_rows()
    section = _blind3_readme()
    for label in BLIND3_LABELS:
        count = sum(row["labels"][label] for row in rows)
        share = round(100 * count / len(rows))
        assert f"| `{label}` | {count} | {share} % |" in section, label
    both = sum(row["labels"]["secret"] and row["labels"]["personal_data"] for row in rows)
    neither = sum(not (row["labels"]["secret"] or row["labels"]["personal_data"]) for row in rows)
    values = sum(len(row["values"]) for row in rows)
    assert f"{both} notes have both, {neither} neither; {values} `values` in all" in section
    languages = "German|Spanish|French|Dutch|Portuguese|Italian"
    listed = re.findall(rf"^\| ({languages}) \| (\d+) \| ([\d, ]+) \|$", section, re.M)
    assert len(listed) == 6
    other = set()
    for _, count, ids in listed:
        numbers = [n.strip() for n in ids.split(",")]
        assert len(numbers) == int(count)
        other |= set(numbers)
    assert len(other) == sum(int(count) for _, count, _ in listed)
    assert f"| English | {len(rows) - len(other)} | the rest |" in section
    assert all(f"B3-{n}" in {row["id"] for row in rows} for n in other)


def test_secrets_blind3_repeats_no_batch_note():
    """No note repeats the text of a shared batch note (counted, not shown)."""
    if SHARED is None or not (SHARED / "closure_notes").is_dir():
        pytest.skip("no ../shared/data/closure_notes here")
    notes = {row["note"].strip().lower() for row in _blind3_rows()}
    older = set()
    for batch in sorted((SHARED / "closure_notes").glob("batch-*.jsonl")):
        lines = batch.read_text(encoding="utf-8").splitlines()
        older |= {json.loads(line)["note"].strip().lower() for line in lines}
    assert older and not notes & older


# ---------------------------------------------------------------- helpers


def _looks_exact(token: str) -> bool:
    """A code, id, host name, path or quote: digits, dots, dashes, capitals or backslashes."""
    inner = token.strip(".,")
    return any(ch.isdigit() or ch in '._-\\"' for ch in inner) or (
        inner.isupper() and len(inner) > 1
    )


class _FakeContext(dict):
    def __missing__(self, key: str) -> str:
        return key


def _edits(first: str, second: str) -> int:
    """Optimal string alignment distance."""
    rows = [list(range(len(second) + 1))]
    for i, a in enumerate(first, 1):
        row = [i] + [0] * len(second)
        for j, b in enumerate(second, 1):
            row[j] = min(rows[-1][j] + 1, row[j - 1] + 1, rows[-1][j - 1] + (a != b))
            if i > 1 and j > 1 and a == second[j - 2] and first[i - 2] == b:
                row[j] = min(row[j], rows[-2][j - 2] + 1)
        rows.append(row)
    return rows[-1][-1]


# ---------------------------------------------------------------- typos.py


def test_random_typos_edit_one_word_and_keep_codes_and_negations():
    from .typos import random_typos

    rows = [
        {"query": "x", "intended": "printer wont print after update"},
        {"query": "x", "intended": "SRV-FS01 0x80070005 cant"},  # nothing to edit
        {"query": "x", "intended": "mail to jsmith@contoso.com bounces back"},
    ] * 2
    typos = random_typos(rows, seed=7)
    assert typos == random_typos(rows, seed=7)  # deterministic
    assert [r["kind"] == "unchanged" for r in typos][1::2] == [True] * (len(typos) // 2)
    for typo, unchanged in zip(typos[::2], typos[1::2], strict=True):
        assert unchanged["query"] == unchanged["intended"] == typo["intended"]
        changed = [
            (a, b)
            for a, b in zip(typo["query"].split(), typo["intended"].split(), strict=True)
            if a != b
        ]
        assert len(changed) == 1 and changed[0][1] not in {"wont", "cant"}
        assert changed[0][0][0] == changed[0][1][0]  # the first letter stays
        if "jsmith" in typo["intended"]:
            assert "jsmith@contoso.com" in typo["query"]
    assert all("SRV-FS01" not in r["query"] for r in typos)  # no word to edit there


# --- secrets_blind4.jsonl: the fourth blind test set for secret and personal-data detection ---

BLIND4_PATH = HERE / "secrets_blind4.jsonl"
BLIND4_KEYS = ["id", "ticket_title", "note", "labels", "values", "why"]
BLIND4_LANGUAGES = {
    "German": [3, 24, 45, 66, 93, 117],
    "Spanish": [7, 28, 49, 73, 90, 119],
    "French": [11, 31, 54, 79, 96, 129, 144],
    "Dutch": [14, 35, 57, 83, 104, 123],
    "Portuguese": [17, 38, 69, 88, 114, 134],
    "Italian": [20, 41, 62, 85, 108, 132],
}
# Common words, one of which every note in that language holds (a sanity check on the id lists).
BLIND4_MARKERS = {
    "German": {"der", "die", "das", "und", "mit", "auf", "nach"},
    "Spanish": {"el", "la", "los", "del", "en", "con", "tras"},
    "French": {"le", "la", "les", "du", "des", "sur", "est"},
    "Dutch": {"de", "het", "een", "van", "naar", "bij", "op"},
    "Portuguese": {"o", "a", "do", "da", "não", "com", "os"},
    "Italian": {"il", "di", "della", "con", "non", "per", "al"},
}


def _blind4_rows() -> list[dict]:
    with BLIND4_PATH.open(encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def _blind4_readme_section() -> str:
    text = (HERE / "README.md").read_text(encoding="utf-8")
    start = text.index("## `secrets_blind4.jsonl`")
    end = text.find("\n## ", start + 1)
    return text[start:] if end == -1 else text[start:end]


def test_blind4_shape_ids_and_key_order():
    rows = _blind4_rows()
    assert len(rows) == 150
    assert [row["id"] for row in rows] == [f"B4-{n:03d}" for n in range(1, 151)]
    for row in rows:
        assert list(row) == BLIND4_KEYS, row["id"]
        assert isinstance(row["ticket_title"], str) and row["ticket_title"].strip()
        assert isinstance(row["note"], str) and row["note"].strip()
        assert isinstance(row["why"], str) and row["why"].strip()
        assert list(row["labels"]) == ["secret", "personal_data"], row["id"]
        assert all(value in (0, 1) and type(value) is int for value in row["labels"].values())
        assert isinstance(row["values"], list)


def test_blind4_values_verbatim_and_present_exactly_when_labelled():
    for row in _blind4_rows():
        flagged = row["labels"]["secret"] or row["labels"]["personal_data"]
        assert bool(row["values"]) == bool(flagged), row["id"]
        assert len(set(row["values"])) == len(row["values"]), row["id"]
        for value in row["values"]:
            assert isinstance(value, str) and value.strip(), row["id"]
            assert value in row["note"], (row["id"], value)


def test_blind4_no_duplicate_notes():
    notes = [row["note"] for row in _blind4_rows()]
    assert len(set(notes)) == len(notes)
    normalised = [re.sub(r"\s+", " ", note).strip().lower() for note in notes]
    assert len(set(normalised)) == len(normalised)


def test_blind4_counts_match_readme():
    rows = _blind4_rows()
    section = _blind4_readme_section()
    total = len(rows)
    for label in ("secret", "personal_data"):
        count = sum(row["labels"][label] for row in rows)
        share = round(100 * count / total)
        assert f"| `{label}` | {count} | {share} % |" in section, label
    both = sum(1 for row in rows if row["labels"]["secret"] and row["labels"]["personal_data"])
    neither = sum(1 for row in rows if not any(row["labels"].values()))
    values = sum(len(row["values"]) for row in rows)
    assert f"{both} notes have both, {neither} neither; {values} `values` in all" in section
    assert (both, neither, values) == (5, 68, 101)


def test_blind4_languages_match_readme_and_notes():
    rows = {int(row["id"][3:]): row for row in _blind4_rows()}
    section = _blind4_readme_section()
    listed = [n for ids in BLIND4_LANGUAGES.values() for n in ids]
    assert len(listed) == len(set(listed))
    assert set(listed) <= set(rows)
    for language, ids in BLIND4_LANGUAGES.items():
        assert ids == sorted(ids)
        line = f"| {language} | {len(ids)} | {', '.join(str(n) for n in ids)} |"
        assert line in section, language
        for n in ids:
            words = set(re.findall(r"\w+", rows[n]["note"].lower()))
            assert words & BLIND4_MARKERS[language], (language, n)
    assert f"| English | {len(rows) - len(listed)} | the rest |" in section


# --- secrets_blind5.jsonl: the fifth blind test set for secret and personal-data detection ---

BLIND5 = HERE / "secrets_blind5.jsonl"
BLIND5_HEADING = (
    "## `secrets_blind5.jsonl`: the fifth blind test set for secret and personal-data "
    "detection (session 6)"
)
BLIND5_KEYS = ["id", "ticket_title", "note", "labels", "values", "why"]
BLIND5_LANG_WORDS = {
    "German": {"und", "der", "die", "das", "mit", "nicht", "für", "auf"},
    "Spanish": {"el", "la", "de", "para", "con", "no", "se", "del"},
    "French": {"le", "la", "les", "de", "du", "et", "pour", "est"},
    "Dutch": {"de", "het", "een", "en", "van", "voor", "naar", "niet"},
    "Portuguese": {"de", "do", "da", "para", "com", "não", "os", "no"},
    "Italian": {"il", "la", "di", "per", "con", "del", "della", "non"},
}


def _blind5_rows() -> list[dict]:
    lines = BLIND5.read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines if line.strip()]


def _blind5_section() -> str:
    text = (HERE / "README.md").read_text(encoding="utf-8")
    start = text.index(BLIND5_HEADING)
    end = text.find("\n## ", start + len(BLIND5_HEADING))
    return text[start:] if end == -1 else text[start:end]


def _blind5_ids(cell: str) -> list[int]:
    return [int(x) for x in re.findall(r"\d+", cell)]


def test_secrets_blind5_shape_ids_and_key_order():
    rows = _blind5_rows()
    assert len(rows) == 150
    assert [r["id"] for r in rows] == [f"B5-{i:03d}" for i in range(1, 151)]
    for r in rows:
        assert list(r) == BLIND5_KEYS, r["id"]
        assert list(r["labels"]) == ["secret", "personal_data"], r["id"]
        assert all(v in (0, 1) and type(v) is int for v in r["labels"].values()), r["id"]
        for key in ("ticket_title", "note", "why"):
            assert isinstance(r[key], str) and r[key].strip(), (r["id"], key)
        assert isinstance(r["values"], list), r["id"]


def test_secrets_blind5_values_are_verbatim_and_match_the_labels():
    for r in _blind5_rows():
        flagged = r["labels"]["secret"] == 1 or r["labels"]["personal_data"] == 1
        assert bool(r["values"]) == flagged, r["id"]
        assert len(set(r["values"])) == len(r["values"]), r["id"]
        for value in r["values"]:
            assert isinstance(value, str) and value.strip(), r["id"]
            assert value in r["note"], (r["id"], value)


def test_secrets_blind5_has_no_duplicate_notes():
    rows = _blind5_rows()
    notes = [r["note"].strip().lower() for r in rows]
    assert len(set(notes)) == len(notes)
    assert len({r["id"] for r in rows}) == len(rows)


def test_secrets_blind5_repeats_no_earlier_note():
    mine = {r["note"].strip() for r in _blind5_rows()}
    others = [p for p in HERE.glob("*.jsonl") if p.name != BLIND5.name]
    shared = Path("/work/shared/data/closure_notes")
    if shared.is_dir():
        others += sorted(shared.glob("batch-*.jsonl"))
    for path in others:
        for line in path.read_text(encoding="utf-8").splitlines():
            if not line.strip():
                continue
            note = json.loads(line).get("note")
            assert not isinstance(note, str) or note.strip() not in mine, path.name


def test_secrets_blind5_counts_match_the_readme():
    rows = _blind5_rows()
    section = _blind5_section()
    n = len(rows)
    for label in ("secret", "personal_data"):
        count = sum(r["labels"][label] for r in rows)
        share = f"{100 * count / n:.1f} %"
        assert f"| `{label}` | {count} | {share} |" in section, label
    both = sum(r["labels"]["secret"] and r["labels"]["personal_data"] for r in rows)
    neither = sum(not r["labels"]["secret"] and not r["labels"]["personal_data"] for r in rows)
    n_values = sum(len(r["values"]) for r in rows)
    assert f"{both} notes have both, {neither} neither; {n_values} `values` in all" in section


def test_secrets_blind5_language_table():
    rows = _blind5_rows()
    section = _blind5_section()
    table = re.findall(r"^\| (\w+) \| (\d+) \| ([^|]+) \|$", section, flags=re.M)
    languages = {name: (int(count), cell.strip()) for name, count, cell in table}
    assert set(languages) == set(BLIND5_LANG_WORDS) | {"English"}
    seen: set[int] = set()
    for name, words in BLIND5_LANG_WORDS.items():
        count, cell = languages[name]
        ids = _blind5_ids(cell)
        assert len(ids) == count, name
        assert not seen & set(ids), name
        seen |= set(ids)
        for i in ids:
            tokens = set(re.findall(r"\w+", rows[i - 1]["note"].lower()))
            assert len(tokens & words) >= 2, (name, i)
    assert languages["English"] == (len(rows) - len(seen), "the rest")
    assert 0.15 <= len(seen) / len(rows) <= 0.25


# --- secrets_blind6.jsonl: the sixth blind test set for secret and personal-data detection ---

BLIND6 = HERE / "secrets_blind6.jsonl"
BLIND6_KEYS = ["id", "ticket_title", "note", "labels", "values", "why"]
BLIND6_HEADING = "## `secrets_blind6.jsonl`"
BLIND6_LANGUAGE_WORDS = {
    "German": {"der", "die", "das", "und", "nach", "wieder", "im", "mit", "an", "bei", "am", "ihr"},
    "Spanish": {"el", "la", "de", "y", "que", "con", "del"},
    "French": {"le", "la", "de", "et", "du", "des", "une"},
    "Dutch": {"de", "het", "een", "op", "niet", "van", "na", "door", "weer", "werkt", "naar"},
    "Portuguese": {"a", "o", "de", "do", "da", "no", "com"},
    "Italian": {"il", "di", "la", "per", "con", "del", "dopo"},
}


def _blind6_rows():
    return [json.loads(line) for line in BLIND6.read_text(encoding="utf-8").splitlines()]


def _blind6_section():
    text = (HERE / "README.md").read_text(encoding="utf-8")
    start = text.index(BLIND6_HEADING)
    end = text.find("\n## ", start + 1)
    return text[start:] if end == -1 else text[start:end]


def test_secrets_blind6_shape_ids_and_key_order():
    rows = _blind6_rows()
    assert len(rows) == 150
    assert [row["id"] for row in rows] == [f"B6-{i:03d}" for i in range(1, 151)]
    for row in rows:
        assert list(row) == BLIND6_KEYS
        assert list(row["labels"]) == ["secret", "personal_data"]
        assert all(row["labels"][key] in (0, 1) for key in row["labels"])
        assert all(type(row["labels"][key]) is int for key in row["labels"])
        assert isinstance(row["values"], list)
        for key in ("ticket_title", "note", "why"):
            assert isinstance(row[key], str) and row[key].strip()


def test_secrets_blind6_values_are_verbatim_and_match_the_labels():
    for row in _blind6_rows():
        assert all(isinstance(v, str) and v for v in row["values"]), row["id"]
        assert all(v in row["note"] for v in row["values"]), row["id"]
        assert len(set(row["values"])) == len(row["values"]), row["id"]
        flagged = row["labels"]["secret"] or row["labels"]["personal_data"]
        assert bool(row["values"]) == bool(flagged), row["id"]


def test_secrets_blind6_has_no_duplicate_notes():
    rows = _blind6_rows()
    notes = [" ".join(row["note"].lower().split()) for row in rows]
    assert len(set(notes)) == len(notes)


def test_secrets_blind6_readme_counts_match_the_file():
    rows = _blind6_rows()
    section = _blind6_section()
    assert "\n## " not in section[1:]
    for label in ("secret", "personal_data"):
        n = sum(row["labels"][label] for row in rows)
        share = f"{100 * n / len(rows):.1f} %"
        assert f"| `{label}` | {n} | {share} |" in section
    both = sum(1 for r in rows if r["labels"]["secret"] and r["labels"]["personal_data"])
    neither = sum(1 for r in rows if not (r["labels"]["secret"] or r["labels"]["personal_data"]))
    values = sum(len(row["values"]) for row in rows)
    assert f"{both} notes have both, {neither} neither; {values} `values` in all." in section


def test_secrets_blind6_readme_languages_list_real_notes():
    rows = {int(row["id"][3:]): row for row in _blind6_rows()}
    section = _blind6_section()
    table = re.findall(r"^\| (\w+) \| (\d+) \| ([^|]+) \|$", section, flags=re.M)
    languages = {name: (int(count), ids.strip()) for name, count, ids in table}
    assert set(languages) == set(BLIND6_LANGUAGE_WORDS) | {"English"}
    seen = set()
    for name, words in BLIND6_LANGUAGE_WORDS.items():
        count, ids = languages[name]
        numbers = [int(x) for x in ids.split(", ")]
        assert len(numbers) == count and numbers == sorted(numbers)
        assert not seen & set(numbers)
        seen |= set(numbers)
        for number in numbers:
            tokens = set(re.findall(r"\w+", rows[number]["note"].lower()))
            assert len(tokens & words) >= 2, (name, number)
    assert languages["English"] == (len(rows) - len(seen), "the rest")


# --- secrets_blind7.jsonl: the seventh blind secret / personal-data test set ---

BLIND7 = HERE / "secrets_blind7.jsonl"
BLIND7_HEADING = (
    "## `secrets_blind7.jsonl`: the seventh blind test set for secret and "
    "personal-data detection (session 6)"
)
BLIND7_KEYS = ["id", "ticket_title", "note", "labels", "values", "why"]
BLIND7_LANGUAGES = {
    "German",
    "Spanish",
    "French",
    "Dutch",
    "Portuguese",
    "Italian",
    "English",
}


def _blind7_rows() -> list[dict]:
    lines = BLIND7.read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines if line.strip()]


def _blind7_section() -> str:
    text = (HERE / "README.md").read_text(encoding="utf-8")
    assert text.count(BLIND7_HEADING) == 1
    after = text.split(BLIND7_HEADING, 1)[1]
    return after.split("\n## ", 1)[0]


def test_secrets_blind7_shape_ids_and_key_order():
    rows = _blind7_rows()
    assert len(rows) == 150
    assert [r["id"] for r in rows] == [f"B7-{i:03d}" for i in range(1, 151)]
    for r in rows:
        assert list(r) == BLIND7_KEYS, r["id"]
        assert list(r["labels"]) == ["secret", "personal_data"], r["id"]
        assert isinstance(r["ticket_title"], str) and r["ticket_title"].strip()
        assert isinstance(r["note"], str) and r["note"].strip()
        assert isinstance(r["why"], str) and r["why"].strip()
        assert isinstance(r["values"], list)


def test_secrets_blind7_labels_are_zero_or_one():
    for r in _blind7_rows():
        for name, v in r["labels"].items():
            assert v in (0, 1) and type(v) is int, (r["id"], name)


def test_secrets_blind7_values_verbatim_and_nonempty_exactly_when_labelled():
    for r in _blind7_rows():
        flagged = r["labels"]["secret"] == 1 or r["labels"]["personal_data"] == 1
        assert bool(r["values"]) == flagged, r["id"]
        for v in r["values"]:
            assert isinstance(v, str) and v.strip(), r["id"]
            assert v in r["note"], (r["id"], v)
        assert len(set(r["values"])) == len(r["values"]), r["id"]


def test_secrets_blind7_no_duplicate_notes():
    notes = [" ".join(r["note"].lower().split()) for r in _blind7_rows()]
    assert len(set(notes)) == len(notes)


def test_secrets_blind7_readme_counts_match():
    rows = _blind7_rows()
    section = _blind7_section()
    n = len(rows)
    for label in ("secret", "personal_data"):
        count = sum(r["labels"][label] for r in rows)
        m = re.search(rf"\| `{label}` \| (\d+) \| ([\d.]+) % \|", section)
        assert m, label
        assert int(m.group(1)) == count
        assert abs(float(m.group(2)) - 100 * count / n) < 0.05
    both = sum(r["labels"]["secret"] and r["labels"]["personal_data"] for r in rows)
    neither = sum(not (r["labels"]["secret"] or r["labels"]["personal_data"]) for r in rows)
    n_values = sum(len(r["values"]) for r in rows)
    m = re.search(r"(\d+) notes have both, (\d+) neither; (\d+) `values` in all", section)
    assert m
    assert (int(m.group(1)), int(m.group(2)), int(m.group(3))) == (
        both,
        neither,
        n_values,
    )


def test_secrets_blind7_readme_languages_cover_all_ids():
    section = _blind7_section()
    table = re.findall(r"^\| (\w+) \| (\d+) \| ([^|]+) \|$", section, flags=re.M)
    langs = {name: (int(count), ids.strip()) for name, count, ids in table}
    assert set(langs) == BLIND7_LANGUAGES
    seen: set[int] = set()
    for name, (count, ids) in langs.items():
        if name == "English":
            assert ids == "the rest"
            continue
        numbers = [int(x) for x in ids.split(",")]
        assert len(numbers) == count, name
        assert not seen & set(numbers), name
        seen |= set(numbers)
    assert seen <= set(range(1, 151))
    assert langs["English"][0] == 150 - len(seen)
    # Each non-English language is used by at least four notes.
    assert all(c >= 4 for name, (c, _) in langs.items() if name != "English")


# --- secrets_blind8.jsonl (session 7, issue 15) ---------------------------------

BLIND8 = HERE / "secrets_blind8.jsonl"
BLIND8_HEADING = (
    "## `secrets_blind8.jsonl`: the eighth blind test set for secret and "
    "personal-data detection (session 7)"
)
BLIND8_LANGS = {
    "German": "de",
    "French": "fr",
    "Dutch": "nl",
    "Spanish": "es",
    "Portuguese": "pt",
    "Italian": "it",
}


def _blind8_rows():
    with BLIND8.open(encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def _blind8_section():
    text = (HERE / "README.md").read_text(encoding="utf-8")
    start = text.index(BLIND8_HEADING)
    end = text.find("\n## ", start + len(BLIND8_HEADING))
    return text[start:] if end == -1 else text[start:end]


def test_secrets_blind8_shape_and_key_order():
    rows = _blind8_rows()
    assert len(rows) == 150
    for row in rows:
        assert list(row) == ["id", "ticket_title", "note", "labels", "values", "why"]
        assert list(row["labels"]) == ["secret", "personal_data"]
        assert all(row["labels"][k] in (0, 1) for k in row["labels"])
        for key in ("ticket_title", "note", "why"):
            assert isinstance(row[key], str) and row[key].strip(), row["id"]
        assert isinstance(row["values"], list)


def test_secrets_blind8_ids():
    assert [r["id"] for r in _blind8_rows()] == [f"B8-{i:03d}" for i in range(1, 151)]


def test_secrets_blind8_values_verbatim_and_present_exactly_when_labelled():
    for row in _blind8_rows():
        labelled = row["labels"]["secret"] == 1 or row["labels"]["personal_data"] == 1
        assert bool(row["values"]) == labelled, row["id"]
        for value in row["values"]:
            assert isinstance(value, str) and value.strip(), row["id"]
            assert value in row["note"], row["id"]
        assert len(set(row["values"])) == len(row["values"]), row["id"]


def test_secrets_blind8_no_duplicate_notes():
    notes = [" ".join(r["note"].split()).lower() for r in _blind8_rows()]
    assert len(set(notes)) == len(notes)


def test_secrets_blind8_readme_label_counts():
    rows = _blind8_rows()
    section = _blind8_section()
    n = len(rows)
    for label in ("secret", "personal_data"):
        count = sum(r["labels"][label] for r in rows)
        assert f"| `{label}` | {count} | {100 * count / n:.1f} % |" in section
    both = sum(r["labels"]["secret"] and r["labels"]["personal_data"] for r in rows)
    neither = sum(not r["labels"]["secret"] and not r["labels"]["personal_data"] for r in rows)
    values = sum(len(r["values"]) for r in rows)
    assert f"{both} notes have both, {neither} neither; {values} `values` in all." in section


def test_secrets_blind8_readme_languages():
    section = _blind8_section()
    table = {}
    for m in re.finditer(r"^\| (\w+) \| (\d+) \| ([^|]+) \|$", section, re.M):
        if m.group(1) != "Language":
            table[m.group(1)] = (int(m.group(2)), m.group(3).strip())
    assert set(table) == set(BLIND8_LANGS) | {"English"}
    total = 0
    listed = set()
    for name in BLIND8_LANGS:
        count, ids = table[name]
        numbers = [int(x) for x in ids.split(", ")]
        assert len(numbers) == count == len(set(numbers)), name
        assert not listed & set(numbers), name
        listed |= set(numbers)
        total += count
    assert table["English"] == (150 - total, "the rest")
    assert 0.15 <= total / 150 <= 0.30
    assert listed <= set(range(1, 151))


# --- secrets_blind9.jsonl (session 7, issue 15) ---------------------------------

_B9_PATH = HERE / "secrets_blind9.jsonl"
_B9_HEADING = (
    "## `secrets_blind9.jsonl`: the ninth blind test set for secret and "
    "personal-data detection (session 7)"
)
_B9_KEYS = ["id", "ticket_title", "note", "labels", "values", "why"]
_B9_LANGUAGES = {"German", "French", "Spanish", "Dutch", "Portuguese", "Italian", "English"}


def _b9_rows() -> list[dict]:
    with _B9_PATH.open(encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def _b9_section() -> str:
    text = (HERE / "README.md").read_text(encoding="utf-8")
    start = text.index(_B9_HEADING)
    end = text.find("\n## ", start + len(_B9_HEADING))
    return text[start:] if end == -1 else text[start:end]


def test_secrets_blind9_shape_and_key_order():
    rows = _b9_rows()
    assert len(rows) == 150
    for row in rows:
        assert list(row) == _B9_KEYS
        assert list(row["labels"]) == ["secret", "personal_data"]
        assert all(row["labels"][k] in (0, 1) for k in row["labels"])
        assert all(isinstance(row["labels"][k], int) for k in row["labels"])
        for key in ("ticket_title", "note", "why"):
            assert isinstance(row[key], str) and row[key].strip()
        assert isinstance(row["values"], list)


def test_secrets_blind9_ids():
    ids = [row["id"] for row in _b9_rows()]
    assert ids == [f"B9-{i:03d}" for i in range(1, 151)]


def test_secrets_blind9_values_verbatim_and_present_exactly_when_labelled():
    for row in _b9_rows():
        flagged = row["labels"]["secret"] == 1 or row["labels"]["personal_data"] == 1
        assert bool(row["values"]) == flagged, row["id"]
        for value in row["values"]:
            assert isinstance(value, str) and value.strip(), row["id"]
            assert value in row["note"], (row["id"], value)
        assert len(set(row["values"])) == len(row["values"]), row["id"]


def test_secrets_blind9_no_duplicate_notes():
    rows = _b9_rows()
    notes = [re.sub(r"\s+", " ", row["note"]).strip().lower() for row in rows]
    assert len(set(notes)) == len(notes)


def test_secrets_blind9_readme_label_counts():
    rows = _b9_rows()
    section = _b9_section()
    for label in ("secret", "personal_data"):
        n = sum(row["labels"][label] for row in rows)
        share = f"{100 * n / len(rows):.1f} %"
        assert f"| `{label}` | {n} | {share} |" in section, label
    both = sum(1 for r in rows if r["labels"]["secret"] and r["labels"]["personal_data"])
    neither = sum(1 for r in rows if not r["labels"]["secret"] and not r["labels"]["personal_data"])
    n_values = sum(len(r["values"]) for r in rows)
    assert f"{both} notes have both, {neither} neither; {n_values} `values` in all." in section


def test_secrets_blind9_readme_languages():
    section = _b9_section()
    table = {}
    for line in section.splitlines():
        m = re.fullmatch(r"\| (\w+) \| (\d+) \| ([^|]+) \|", line.strip())
        if m and m.group(1) in _B9_LANGUAGES:
            table[m.group(1)] = (int(m.group(2)), m.group(3).strip())
    assert set(table) == _B9_LANGUAGES
    assert table["English"][1] == "the rest"
    seen: set[int] = set()
    for language, (count, ids) in table.items():
        if language == "English":
            continue
        numbers = [int(x) for x in ids.split(", ")]
        assert len(numbers) == count, language
        assert not seen & set(numbers), language
        seen |= set(numbers)
        assert all(1 <= x <= 150 for x in numbers)
    assert table["English"][0] == 150 - len(seen)
    assert sum(count for count, _ in table.values()) == len(_b9_rows())


# --- secrets_blind10.jsonl (session 7): the tenth blind secret / personal-data set ---

BLIND10_KEYS = ["id", "ticket_title", "note", "labels", "values", "why"]
BLIND10_HEADING = (
    "## `secrets_blind10.jsonl`: the tenth blind test set for secret and "
    "personal-data detection (session 7)"
)
BLIND10_LANGUAGES = {
    "German",
    "Spanish",
    "French",
    "Dutch",
    "Portuguese",
    "Italian",
    "English",
}


@pytest.fixture(scope="module")
def secrets_blind10():
    path = HERE / "secrets_blind10.jsonl"
    rows = []
    with path.open(encoding="utf-8") as f:
        for line in f:
            assert line.strip(), "blank line in secrets_blind10.jsonl"
            rows.append(json.loads(line))
    return rows


@pytest.fixture(scope="module")
def secrets_blind10_readme():
    text = (HERE / "README.md").read_text(encoding="utf-8")
    start = text.index(BLIND10_HEADING)
    end = text.find("\n## ", start + len(BLIND10_HEADING))
    return text[start:] if end == -1 else text[start:end]


def test_secrets_blind10_shape_and_key_order(secrets_blind10):
    assert len(secrets_blind10) == 150
    for row in secrets_blind10:
        assert list(row) == BLIND10_KEYS, row["id"]
        assert list(row["labels"]) == ["secret", "personal_data"], row["id"]
        for key in ("ticket_title", "note", "why"):
            assert isinstance(row[key], str) and row[key].strip(), row["id"]
        assert isinstance(row["values"], list), row["id"]


def test_secrets_blind10_ids(secrets_blind10):
    assert [r["id"] for r in secrets_blind10] == [f"B10-{i:03d}" for i in range(1, 151)]


def test_secrets_blind10_labels_are_binary(secrets_blind10):
    for row in secrets_blind10:
        for value in row["labels"].values():
            assert value in (0, 1) and not isinstance(value, bool), row["id"]


def test_secrets_blind10_values_verbatim_and_match_labels(secrets_blind10):
    for row in secrets_blind10:
        flagged = row["labels"]["secret"] == 1 or row["labels"]["personal_data"] == 1
        assert bool(row["values"]) == flagged, row["id"]
        assert len(set(row["values"])) == len(row["values"]), row["id"]
        for value in row["values"]:
            assert isinstance(value, str) and value.strip(), row["id"]
            assert value in row["note"], row["id"]


def test_secrets_blind10_no_duplicate_notes(secrets_blind10):
    notes = [r["note"] for r in secrets_blind10]
    assert len(set(notes)) == len(notes)
    titles = [r["ticket_title"] for r in secrets_blind10]
    assert len(set(titles)) == len(titles)


def test_secrets_blind10_readme_label_table(secrets_blind10, secrets_blind10_readme):
    n = len(secrets_blind10)
    for label in ("secret", "personal_data"):
        m = re.search(
            rf"^\| `{label}` \| (\d+) \| ([\d.]+) % \|$",
            secrets_blind10_readme,
            re.MULTILINE,
        )
        assert m, label
        count = sum(r["labels"][label] for r in secrets_blind10)
        assert int(m.group(1)) == count, label
        assert m.group(2) == f"{100 * count / n:.1f}", label


def test_secrets_blind10_readme_both_neither_values(secrets_blind10, secrets_blind10_readme):
    m = re.search(
        r"(\d+) notes have both, (\d+) neither; (\d+) `values` in all",
        secrets_blind10_readme,
    )
    assert m
    both = sum(
        r["labels"]["secret"] == 1 and r["labels"]["personal_data"] == 1 for r in secrets_blind10
    )
    neither = sum(
        r["labels"]["secret"] == 0 and r["labels"]["personal_data"] == 0 for r in secrets_blind10
    )
    n_values = sum(len(r["values"]) for r in secrets_blind10)
    assert (int(m.group(1)), int(m.group(2)), int(m.group(3))) == (both, neither, n_values)


def test_secrets_blind10_readme_languages(secrets_blind10, secrets_blind10_readme):
    rows = re.findall(
        r"^\| (German|Spanish|French|Dutch|Portuguese|Italian|English) \| (\d+) \| ([^|]+) \|$",
        secrets_blind10_readme,
        re.MULTILINE,
    )
    table = {lang: (int(count), ids.strip()) for lang, count, ids in rows}
    assert set(table) == BLIND10_LANGUAGES
    seen = set()
    for lang, (count, ids) in table.items():
        if lang == "English":
            assert ids == "the rest"
            continue
        numbers = [int(x) for x in ids.split(", ")]
        assert len(numbers) == count, lang
        assert numbers == sorted(numbers), lang
        assert not seen & set(numbers), lang
        seen |= set(numbers)
        for i in numbers:
            assert secrets_blind10[i - 1]["id"] == f"B10-{i:03d}"
    assert all(1 <= i <= len(secrets_blind10) for i in seen)
    assert table["English"][0] == len(secrets_blind10) - len(seen)
    assert sum(count for count, _ in table.values()) == len(secrets_blind10)
    # about a fifth of the notes are not in English, spread over all six languages
    assert 0.15 <= len(seen) / len(secrets_blind10) <= 0.25
    assert all(table[lang][0] >= 3 for lang in BLIND10_LANGUAGES - {"English"})


# --- secrets_blind11.jsonl (session 7) ---------------------------------------------------

BLIND11 = HERE / "secrets_blind11.jsonl"
BLIND11_KEYS = ["id", "ticket_title", "note", "labels", "values", "why"]
BLIND11_HEADING = "## `secrets_blind11.jsonl`"


def _blind11_rows():
    with BLIND11.open(encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def _blind11_readme_section():
    text = (HERE / "README.md").read_text(encoding="utf-8")
    start = text.index(BLIND11_HEADING)
    end = text.find("\n## ", start + len(BLIND11_HEADING))
    return text[start:] if end == -1 else text[start:end]


def test_secrets_blind11_shape_and_ids():
    rows = _blind11_rows()
    assert len(rows) == 150
    assert [r["id"] for r in rows] == [f"B11-{i:03d}" for i in range(1, 151)]
    for r in rows:
        assert list(r) == BLIND11_KEYS
        assert isinstance(r["ticket_title"], str) and r["ticket_title"].strip()
        assert isinstance(r["note"], str) and r["note"].strip()
        assert isinstance(r["why"], str) and r["why"].strip()
        assert isinstance(r["values"], list)


def test_secrets_blind11_labels_are_binary():
    for r in _blind11_rows():
        assert list(r["labels"]) == ["secret", "personal_data"], r["id"]
        assert all(v in (0, 1) and type(v) is int for v in r["labels"].values()), r["id"]


def test_secrets_blind11_values_verbatim_and_consistent():
    for r in _blind11_rows():
        flagged = r["labels"]["secret"] or r["labels"]["personal_data"]
        assert bool(r["values"]) == bool(flagged), r["id"]
        assert len(set(r["values"])) == len(r["values"]), r["id"]
        for value in r["values"]:
            assert isinstance(value, str) and value.strip(), r["id"]
            assert value in r["note"], (r["id"], value)


def test_secrets_blind11_no_duplicate_notes():
    notes = [r["note"] for r in _blind11_rows()]
    assert len(set(notes)) == len(notes)
    assert len({n.strip().lower() for n in notes}) == len(notes)


def test_secrets_blind11_readme_counts():
    rows = _blind11_rows()
    section = _blind11_readme_section()
    total = len(rows)
    for label in ("secret", "personal_data"):
        n = sum(r["labels"][label] for r in rows)
        share = f"{100 * n / total:.1f} %"
        assert f"| `{label}` | {n} | {share} |" in section, label
    both = sum(1 for r in rows if r["labels"]["secret"] and r["labels"]["personal_data"])
    neither = sum(1 for r in rows if not r["labels"]["secret"] and not r["labels"]["personal_data"])
    n_values = sum(len(r["values"]) for r in rows)
    assert f"{both} notes have both, {neither} neither; {n_values} `values` in all." in section


def test_secrets_blind11_readme_languages():
    rows = _blind11_rows()
    section = _blind11_readme_section()
    names = ["German", "Spanish", "French", "Dutch", "Portuguese", "Italian", "English"]
    row_re = r"^\| (" + "|".join(names) + r") \| (\d+) \| ([^|]+) \|$"
    table = re.findall(row_re, section, re.M)
    langs = {name: (int(count), ids.strip()) for name, count, ids in table}
    assert len(table) == len(names)
    assert set(langs) == set(names)
    listed = []
    for name, (count, ids) in langs.items():
        if name == "English":
            continue
        numbers = [int(x) for x in ids.split(", ")]
        assert len(numbers) == count, name
        assert numbers == sorted(numbers), name
        listed.extend(numbers)
    assert len(listed) == len(set(listed))
    assert all(1 <= n <= len(rows) for n in listed)
    assert langs["English"] == (len(rows) - len(listed), "the rest")
    assert sum(count for count, _ in langs.values()) == len(rows)
    assert Counter(listed).most_common(1)[0][1] == 1


BLIND12 = HERE / "secrets_blind12.jsonl"
BLIND12_KEYS = ["id", "ticket_title", "note", "labels", "values", "why"]
BLIND12_HEADING = (
    "## `secrets_blind12.jsonl`: the twelfth blind test set for secret and personal-data "
    "detection (session 7)"
)
BLIND12_LANGUAGES = {"German", "Spanish", "French", "Dutch", "Portuguese", "Italian", "English"}


def _blind12_rows() -> list[dict]:
    lines = BLIND12.read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines if line.strip()]


def _blind12_section() -> str:
    text = (HERE / "README.md").read_text(encoding="utf-8")
    start = text.index(BLIND12_HEADING)
    end = text.find("\n## ", start + len(BLIND12_HEADING))
    return text[start:] if end == -1 else text[start:end]


def test_secrets_blind12_shape_ids_and_key_order():
    rows = _blind12_rows()
    assert len(rows) == 150
    assert [row["id"] for row in rows] == [f"B12-{i:03d}" for i in range(1, 151)]
    for row in rows:
        assert list(row) == BLIND12_KEYS
        assert list(row["labels"]) == ["secret", "personal_data"]
        for value in row["labels"].values():
            assert type(value) is int and value in (0, 1), row["id"]
        assert isinstance(row["ticket_title"], str) and row["ticket_title"].strip()
        assert isinstance(row["note"], str) and row["note"].strip()
        assert isinstance(row["why"], str) and row["why"].strip()
        assert isinstance(row["values"], list)


def test_secrets_blind12_values_verbatim_and_present_exactly_when_labelled():
    for row in _blind12_rows():
        flagged = row["labels"]["secret"] == 1 or row["labels"]["personal_data"] == 1
        assert bool(row["values"]) == flagged, row["id"]
        assert len(set(row["values"])) == len(row["values"]), row["id"]
        for value in row["values"]:
            assert isinstance(value, str) and value.strip(), row["id"]
            assert value in row["note"], row["id"]


def test_secrets_blind12_no_duplicate_notes():
    notes = [row["note"] for row in _blind12_rows()]
    assert len(set(notes)) == len(notes)


def test_secrets_blind12_readme_counts_match():
    rows = _blind12_rows()
    section = _blind12_section()
    total = len(rows)
    for label in ("secret", "personal_data"):
        n = sum(row["labels"][label] for row in rows)
        match = re.search(rf"^\| `{label}` \| (\d+) \| ([\d.]+) % \|$", section, re.M)
        assert match, label
        assert int(match.group(1)) == n
        assert float(match.group(2)) == round(100 * n / total, 1)
    pairs = [(row["labels"]["secret"], row["labels"]["personal_data"]) for row in rows]
    both = pairs.count((1, 1))
    neither = pairs.count((0, 0))
    n_values = sum(len(row["values"]) for row in rows)
    pattern = r"^(\d+) notes have both, (\d+) neither; (\d+) `values` in all\.$"
    match = re.search(pattern, section, re.M)
    assert match
    assert tuple(int(g) for g in match.groups()) == (both, neither, n_values)


def test_secrets_blind12_readme_language_table():
    rows = _blind12_rows()
    section = _blind12_section()
    table = dict(re.findall(r"^\| ([A-Z][a-z]+) \| (\d+ \| [^|]+) \|$", section, re.M))
    assert set(table) == BLIND12_LANGUAGES
    listed: list[int] = []
    for language, cell in table.items():
        count, ids = (part.strip() for part in cell.split("|"))
        if language == "English":
            assert ids == "the rest"
            english = int(count)
            continue
        numbers = [int(x) for x in ids.split(",")]
        assert len(numbers) == int(count) == len(set(numbers)), language
        listed += numbers
    assert len(listed) == len(set(listed))
    assert all(1 <= n <= len(rows) for n in listed)
    assert english == len(rows) - len(listed)
    assert 0.15 <= len(listed) / len(rows) <= 0.30


BLIND13 = HERE / "secrets_blind13.jsonl"
BLIND13_HEADING = (
    "## `secrets_blind13.jsonl`: the thirteenth blind test set for secret and personal-data "
    "detection (session 7)"
)


def _blind13_rows() -> list[dict]:
    return [json.loads(line) for line in BLIND13.read_text(encoding="utf-8").splitlines()]


def _blind13_section() -> str:
    text = (HERE / "README.md").read_text(encoding="utf-8")
    start = text.index(BLIND13_HEADING)
    end = text.find("\n## ", start + len(BLIND13_HEADING))
    return text[start:] if end == -1 else text[start:end]


def test_secrets_blind13_shape_ids_and_key_order():
    rows = _blind13_rows()
    assert len(rows) == 150
    assert [r["id"] for r in rows] == [f"B13-{i:03d}" for i in range(1, 151)]
    for r in rows:
        assert list(r) == ["id", "ticket_title", "note", "labels", "values", "why"]
        assert list(r["labels"]) == ["secret", "personal_data"]
        assert all(v in (0, 1) and isinstance(v, int) for v in r["labels"].values())
        assert isinstance(r["ticket_title"], str) and r["ticket_title"].strip()
        assert isinstance(r["note"], str) and r["note"].strip()
        assert isinstance(r["why"], str) and r["why"].strip()
        assert isinstance(r["values"], list)


def test_secrets_blind13_values_verbatim_and_present_exactly_when_labelled():
    for r in _blind13_rows():
        positive = r["labels"]["secret"] == 1 or r["labels"]["personal_data"] == 1
        assert bool(r["values"]) == positive, r["id"]
        for value in r["values"]:
            assert isinstance(value, str) and value.strip(), r["id"]
            assert value in r["note"], r["id"]


def test_secrets_blind13_no_duplicate_notes():
    notes = [r["note"] for r in _blind13_rows()]
    assert len(set(notes)) == len(notes)


def test_secrets_blind13_readme_counts_match():
    rows = _blind13_rows()
    section = _blind13_section()
    for label in ("secret", "personal_data"):
        n = sum(r["labels"][label] for r in rows)
        share = f"{100 * n / len(rows):.1f} %"
        assert f"| `{label}` | {n} | {share} |" in section
    both = sum(r["labels"]["secret"] and r["labels"]["personal_data"] for r in rows)
    neither = sum(not r["labels"]["secret"] and not r["labels"]["personal_data"] for r in rows)
    n_values = sum(len(r["values"]) for r in rows)
    assert f"{both} notes have both, {neither} neither; {n_values} `values` in all." in section


def test_secrets_blind13_readme_languages_match():
    rows = _blind13_rows()
    section = _blind13_section()
    listed = {}
    for m in re.finditer(r"^\| (\w+) \| (\d+) \| ([\d, ]+) \|$", section, re.MULTILINE):
        ids = [int(x) for x in m.group(3).split(",")]
        assert len(ids) == int(m.group(2))
        listed[m.group(1)] = ids
    assert set(listed) == {"German", "Spanish", "French", "Dutch", "Portuguese", "Italian"}
    all_ids = [i for ids in listed.values() for i in ids]
    assert len(all_ids) == len(set(all_ids))
    assert all(1 <= i <= len(rows) for i in all_ids)
    english = len(rows) - len(all_ids)
    assert f"| English | {english} | the rest |" in section
    assert 0.15 <= len(all_ids) / len(rows) <= 0.3
    markers = {
        "German": r"\b(und|nicht|mit|der|die|das|Passwort|Kennwort)\b",
        "Spanish": r"\b(el|la|los|del|con|para|una?)\b",
        "French": r"\b(le|la|les|des|du|est|avec|pour)\b",
        "Dutch": r"\b(het|een|met|voor|niet|naar|van)\b",
        "Portuguese": r"\b(da|do|com|para|após|não)\b",
        "Italian": r"\b(il|della|dopo|sono|con|per|di|non|dal|al)\b",
    }
    for language, ids in listed.items():
        for i in ids:
            assert re.search(markers[language], rows[i - 1]["note"], re.IGNORECASE), (language, i)


# --- secrets_blind14.jsonl: the fourteenth blind secret / personal-data test set ---

BLIND14 = HERE / "secrets_blind14.jsonl"
BLIND14_KEYS = ["id", "ticket_title", "note", "labels", "values", "why"]
BLIND14_HEADING = "## `secrets_blind14.jsonl`"
BLIND14_LANGUAGES = {"German", "Spanish", "French", "Dutch", "Portuguese", "Italian", "English"}


def _blind14_rows() -> list[dict]:
    with BLIND14.open(encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def _blind14_section() -> str:
    text = (HERE / "README.md").read_text(encoding="utf-8")
    start = text.index(BLIND14_HEADING)
    end = text.find("\n## ", start + len(BLIND14_HEADING))
    return text[start:] if end == -1 else text[start:end]


def test_secrets_blind14_shape_and_ids():
    rows = _blind14_rows()
    assert len(rows) == 150
    assert [row["id"] for row in rows] == [f"B14-{i:03d}" for i in range(1, 151)]
    for row in rows:
        assert list(row) == BLIND14_KEYS
        assert isinstance(row["ticket_title"], str) and row["ticket_title"].strip()
        assert isinstance(row["note"], str) and row["note"].strip()
        assert isinstance(row["why"], str) and row["why"].strip()
        assert list(row["labels"]) == ["secret", "personal_data"]
        assert all(row["labels"][key] in (0, 1) for key in row["labels"])
        assert all(type(row["labels"][key]) is int for key in row["labels"])
        assert isinstance(row["values"], list)


def test_secrets_blind14_values_verbatim_and_consistent():
    for row in _blind14_rows():
        flagged = row["labels"]["secret"] or row["labels"]["personal_data"]
        assert bool(row["values"]) == bool(flagged), row["id"]
        assert len(set(row["values"])) == len(row["values"]), row["id"]
        for value in row["values"]:
            assert isinstance(value, str) and value.strip(), row["id"]
            assert value in row["note"], row["id"]


def test_secrets_blind14_no_duplicate_notes():
    rows = _blind14_rows()
    notes = [" ".join(row["note"].lower().split()) for row in rows]
    assert len(set(notes)) == len(notes)


def test_secrets_blind14_readme_counts():
    rows = _blind14_rows()
    section = _blind14_section()
    total = len(rows)
    for label in ("secret", "personal_data"):
        count = sum(row["labels"][label] for row in rows)
        match = re.search(rf"^\| `{label}` \| (\d+) \| ([\d.]+) % \|$", section, re.M)
        assert match, label
        assert int(match.group(1)) == count
        assert float(match.group(2)) == round(100 * count / total, 1)
    pairs = [(row["labels"]["secret"], row["labels"]["personal_data"]) for row in rows]
    both = sum(1 for secret, personal in pairs if secret and personal)
    neither = sum(1 for secret, personal in pairs if not (secret or personal))
    values = sum(len(row["values"]) for row in rows)
    assert f"{both} notes have both, {neither} neither; {values} `values` in all" in section


def test_secrets_blind14_readme_languages():
    rows = _blind14_rows()
    section = _blind14_section()
    seen: dict[str, tuple[int, str]] = {}
    for name, count, ids in re.findall(r"^\| (\w+) \| (\d+) \| ([^|]+?) \|$", section, re.M):
        if name in BLIND14_LANGUAGES:
            seen[name] = (int(count), ids.strip())
    assert set(seen) == BLIND14_LANGUAGES
    listed: set[int] = set()
    for name, (count, ids) in seen.items():
        if name == "English":
            assert ids == "the rest"
            continue
        numbers = [int(part) for part in ids.split(",")]
        assert len(numbers) == count == len(set(numbers)), name
        assert count >= 3, name
        assert not listed & set(numbers)
        listed |= set(numbers)
    assert all(1 <= number <= len(rows) for number in listed)
    assert seen["English"][0] == len(rows) - len(listed)
    assert sum(count for count, _ in seen.values()) == len(rows)


# --- secrets_blind15.jsonl (session 7) ---

BLIND15 = HERE / "secrets_blind15.jsonl"
BLIND15_HEADING = (
    "## `secrets_blind15.jsonl`: the fifteenth blind test set for secret and "
    "personal-data detection (session 7)"
)
BLIND15_KEYS = ["id", "ticket_title", "note", "labels", "values", "why"]


def _blind15_rows():
    with BLIND15.open(encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def _blind15_section():
    text = (HERE / "README.md").read_text(encoding="utf-8")
    start = text.index(BLIND15_HEADING)
    end = text.find("\n## ", start + len(BLIND15_HEADING))
    return text[start:] if end == -1 else text[start:end]


def test_secrets_blind15_shape_ids_and_key_order():
    rows = _blind15_rows()
    assert len(rows) == 150
    assert [r["id"] for r in rows] == [f"B15-{i:03d}" for i in range(1, 151)]
    for r in rows:
        assert list(r) == BLIND15_KEYS
        assert isinstance(r["ticket_title"], str) and r["ticket_title"].strip()
        assert isinstance(r["note"], str) and r["note"].strip()
        assert isinstance(r["why"], str) and r["why"].strip()
        assert isinstance(r["values"], list)


def test_secrets_blind15_labels_are_binary():
    for r in _blind15_rows():
        assert list(r["labels"]) == ["secret", "personal_data"]
        assert all(v in (0, 1) and type(v) is int for v in r["labels"].values())


def test_secrets_blind15_values_verbatim_and_present_exactly_when_labelled():
    for r in _blind15_rows():
        flagged = r["labels"]["secret"] or r["labels"]["personal_data"]
        assert bool(r["values"]) == bool(flagged), r["id"]
        for v in r["values"]:
            assert isinstance(v, str) and v.strip(), r["id"]
            assert v in r["note"], r["id"]
        assert len(set(r["values"])) == len(r["values"]), r["id"]


def test_secrets_blind15_no_duplicate_notes():
    rows = _blind15_rows()
    notes = [r["note"] for r in rows]
    assert len(set(notes)) == len(notes)
    assert len({r["id"] for r in rows}) == len(rows)


def test_secrets_blind15_readme_counts():
    rows = _blind15_rows()
    section = _blind15_section()
    n = len(rows)
    for label in ("secret", "personal_data"):
        count = sum(r["labels"][label] for r in rows)
        m = re.search(r"\| `" + label + r"` \| (\d+) \| ([\d.]+) % \|", section)
        assert m, label
        assert int(m.group(1)) == count
        assert abs(float(m.group(2)) - 100 * count / n) < 0.1
    both = sum(1 for r in rows if r["labels"]["secret"] and r["labels"]["personal_data"])
    neither = sum(1 for r in rows if not (r["labels"]["secret"] or r["labels"]["personal_data"]))
    n_values = sum(len(r["values"]) for r in rows)
    m = re.search(r"(\d+) notes have both, (\d+) neither; (\d+) `values` in all", section)
    assert m
    assert (int(m.group(1)), int(m.group(2)), int(m.group(3))) == (both, neither, n_values)


def test_secrets_blind15_readme_languages():
    rows = _blind15_rows()
    section = _blind15_section()
    listed = {}
    for name in ("German", "Spanish", "French", "Dutch", "Portuguese", "Italian"):
        m = re.search(r"\| " + name + r" \| (\d+) \| ([\d, ]+) \|", section)
        assert m, name
        ids = [int(x) for x in m.group(2).split(",")]
        assert len(ids) == int(m.group(1)) > 0
        listed[name] = ids
    all_ids = [i for ids in listed.values() for i in ids]
    assert len(all_ids) == len(set(all_ids))
    assert all(1 <= i <= len(rows) for i in all_ids)
    m = re.search(r"\| English \| (\d+) \| the rest \|", section)
    assert m
    assert int(m.group(1)) == len(rows) - len(all_ids)
    # Rough sanity check: each listed note has a letter or function word of its language.
    marker = re.compile(
        r"[äöüßéèêàçñóíúãõò]|\b(?:de|het|la|il|di|al|con|os|der|die|und|et|que)\b", re.IGNORECASE
    )
    for i in all_ids:
        assert marker.search(rows[i - 1]["note"]), i


# --- secrets_blind16.jsonl: sixteenth blind test set for secret and personal-data detection ---

BLIND16 = HERE / "secrets_blind16.jsonl"
BLIND16_KEYS = ["id", "ticket_title", "note", "labels", "values", "why"]
BLIND16_HEADING = (
    "## `secrets_blind16.jsonl`: the sixteenth blind test set for secret and "
    "personal-data detection (session 7)"
)


def _blind16_rows():
    with BLIND16.open(encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def _blind16_section():
    text = (HERE / "README.md").read_text(encoding="utf-8")
    start = text.index(BLIND16_HEADING)
    end = text.find("\n## ", start + len(BLIND16_HEADING))
    return text[start:] if end == -1 else text[start:end]


def test_secrets_blind16_shape_and_ids():
    rows = _blind16_rows()
    assert len(rows) == 150
    assert [r["id"] for r in rows] == [f"B16-{i:03d}" for i in range(1, 151)]
    for r in rows:
        assert list(r) == BLIND16_KEYS
        assert isinstance(r["ticket_title"], str) and r["ticket_title"].strip()
        assert isinstance(r["note"], str) and r["note"].strip()
        assert isinstance(r["why"], str) and r["why"].strip()
        assert list(r["labels"]) == ["secret", "personal_data"]
        assert all(v in (0, 1) and isinstance(v, int) for v in r["labels"].values())
        assert isinstance(r["values"], list)


def test_secrets_blind16_values_verbatim_and_consistent():
    for r in _blind16_rows():
        positive = r["labels"]["secret"] == 1 or r["labels"]["personal_data"] == 1
        assert bool(r["values"]) == positive, r["id"]
        for v in r["values"]:
            assert isinstance(v, str) and v.strip(), r["id"]
            assert v in r["note"], r["id"]
        assert len(set(r["values"])) == len(r["values"]), r["id"]


def test_secrets_blind16_no_duplicate_notes():
    notes = [r["note"] for r in _blind16_rows()]
    assert len(set(notes)) == len(notes)


def test_secrets_blind16_readme_counts():
    rows = _blind16_rows()
    section = _blind16_section()
    total = len(rows)
    for label in ("secret", "personal_data"):
        n = sum(r["labels"][label] for r in rows)
        share = f"{100 * n / total:.1f}"
        assert f"| `{label}` | {n} | {share} % |" in section
    both = sum(r["labels"]["secret"] and r["labels"]["personal_data"] for r in rows)
    neither = sum(not (r["labels"]["secret"] or r["labels"]["personal_data"]) for r in rows)
    n_values = sum(len(r["values"]) for r in rows)
    assert f"{both} notes have both, {neither} neither; {n_values} `values` in all" in section


def test_secrets_blind16_readme_languages():
    rows = _blind16_rows()
    section = _blind16_section()
    table = dict(re.findall(r"^\| (\w+) \| \d+ \| ([^|]+) \|$", section, flags=re.M))
    counts = dict(re.findall(r"^\| (\w+) \| (\d+) \| [^|]+ \|$", section, flags=re.M))
    listed = set()
    for lang in ("German", "Spanish", "French", "Dutch", "Portuguese", "Italian"):
        ids = [int(x) for x in table[lang].split(",")]
        assert len(ids) == int(counts[lang])
        assert len(ids) >= 3
        listed.update(ids)
    assert len(listed) == sum(int(counts[k]) for k in counts if k != "English")
    assert table["English"].strip() == "the rest"
    assert int(counts["English"]) + len(listed) == len(rows)
    assert all(1 <= i <= len(rows) for i in listed)


# --- secrets_blind17.jsonl: the seventeenth blind secret / personal-data test set (session 8) ---

_B17_PATH = HERE / "secrets_blind17.jsonl"
_B17_HEADING = (
    "## `secrets_blind17.jsonl`: the seventeenth blind test set for secret and "
    "personal-data detection (session 8)"
)
_B17_KEYS = ["id", "ticket_title", "note", "labels", "values", "why"]


def _b17_rows() -> list[dict]:
    with _B17_PATH.open(encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def _b17_section() -> str:
    text = (HERE / "README.md").read_text(encoding="utf-8")
    start = text.index(_B17_HEADING)
    end = text.find("\n## ", start + len(_B17_HEADING))
    return text[start:] if end == -1 else text[start:end]


def test_secrets_blind17_shape_ids_and_key_order():
    rows = _b17_rows()
    assert len(rows) == 150
    assert [r["id"] for r in rows] == [f"B17-{i:03d}" for i in range(1, 151)]
    for r in rows:
        assert list(r) == _B17_KEYS, r["id"]
        assert isinstance(r["ticket_title"], str) and r["ticket_title"].strip(), r["id"]
        assert isinstance(r["note"], str) and r["note"].strip(), r["id"]
        assert isinstance(r["why"], str) and r["why"].strip(), r["id"]
        assert list(r["labels"]) == ["secret", "personal_data"], r["id"]
        assert all(v in (0, 1) and type(v) is int for v in r["labels"].values()), r["id"]
        assert isinstance(r["values"], list), r["id"]


def test_secrets_blind17_values_verbatim_and_consistent_with_labels():
    for r in _b17_rows():
        flagged = r["labels"]["secret"] == 1 or r["labels"]["personal_data"] == 1
        assert bool(r["values"]) == flagged, r["id"]
        assert len(set(r["values"])) == len(r["values"]), r["id"]
        for value in r["values"]:
            assert isinstance(value, str) and value.strip(), r["id"]
            assert value in r["note"], (r["id"], value)


def test_secrets_blind17_no_duplicate_notes():
    notes = [r["note"] for r in _b17_rows()]
    assert len(set(notes)) == len(notes)


def test_secrets_blind17_readme_label_counts():
    rows = _b17_rows()
    section = _b17_section()
    for label in ("secret", "personal_data"):
        n = sum(r["labels"][label] for r in rows)
        match = re.search(rf"^\| `{label}` \| (\d+) \| ([\d.]+) % \|$", section, re.M)
        assert match, label
        assert int(match.group(1)) == n
        assert float(match.group(2)) == round(100 * n / len(rows), 1)
    both = sum(r["labels"]["secret"] and r["labels"]["personal_data"] for r in rows)
    neither = sum(not r["labels"]["secret"] and not r["labels"]["personal_data"] for r in rows)
    n_values = sum(len(r["values"]) for r in rows)
    match = re.search(r"(\d+) notes have both, (\d+) neither; (\d+) `values` in all", section)
    assert match
    assert [int(g) for g in match.groups()] == [both, neither, n_values]


def test_secrets_blind17_readme_language_table():
    rows = _b17_rows()
    section = _b17_section()
    listed: dict[str, list[int]] = {}
    for name, count, ids in re.findall(r"^\| (\w+) \| (\d+) \| ([\d, ]+) \|$", section, re.M):
        numbers = [int(x) for x in ids.split(",")]
        assert len(numbers) == int(count), name
        listed[name] = numbers
    assert set(listed) == {"German", "Spanish", "French", "Dutch", "Portuguese", "Italian"}
    all_ids = [i for ids in listed.values() for i in ids]
    assert len(all_ids) == len(set(all_ids))
    assert all(1 <= i <= len(rows) for i in all_ids)
    english = re.search(r"^\| English \| (\d+) \| the rest \|$", section, re.M)
    assert english
    assert int(english.group(1)) == len(rows) - len(all_ids)


# --- secrets_blind18.jsonl: the eighteenth blind secret / personal-data test set ---

BLIND18 = HERE / "secrets_blind18.jsonl"
BLIND18_KEYS = ["id", "ticket_title", "note", "labels", "values", "why"]
BLIND18_HEADING = (
    "## `secrets_blind18.jsonl`: the eighteenth blind test set for secret and "
    "personal-data detection (session 8)"
)
BLIND18_LANGUAGES = {"Spanish", "French", "Portuguese", "Italian", "Dutch", "German"}


def _blind18_rows() -> list[dict]:
    lines = BLIND18.read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines if line.strip()]


def _blind18_section() -> str:
    text = (HERE / "README.md").read_text(encoding="utf-8")
    start = text.index(BLIND18_HEADING)
    end = text.find("\n## ", start + len(BLIND18_HEADING))
    return text[start:] if end == -1 else text[start:end]


def test_secrets_blind18_shape_and_ids():
    rows = _blind18_rows()
    assert len(rows) == 150
    assert [r["id"] for r in rows] == [f"B18-{i:03d}" for i in range(1, 151)]
    for r in rows:
        assert list(r) == BLIND18_KEYS
        assert list(r["labels"]) == ["secret", "personal_data"]
        assert all(v in (0, 1) for v in r["labels"].values())
        for key in ("ticket_title", "note", "why"):
            assert isinstance(r[key], str) and r[key].strip()
        assert isinstance(r["values"], list)


def test_secrets_blind18_values_verbatim_and_present_exactly_when_labelled():
    for r in _blind18_rows():
        labelled = r["labels"]["secret"] == 1 or r["labels"]["personal_data"] == 1
        assert bool(r["values"]) == labelled, r["id"]
        for value in r["values"]:
            assert isinstance(value, str) and value.strip(), r["id"]
            assert value in r["note"], (r["id"], value)


def test_secrets_blind18_no_duplicate_notes():
    notes = [r["note"] for r in _blind18_rows()]
    assert len(set(notes)) == len(notes)


def test_secrets_blind18_readme_counts():
    rows = _blind18_rows()
    section = _blind18_section()
    n = len(rows)
    for label in ("secret", "personal_data"):
        count = sum(r["labels"][label] for r in rows)
        m = re.search(rf"^\| `{label}` \| (\d+) \| ([\d.]+) % \|$", section, re.M)
        assert m, label
        assert int(m.group(1)) == count
        assert abs(float(m.group(2)) - 100 * count / n) < 0.05
    both = sum(r["labels"]["secret"] and r["labels"]["personal_data"] for r in rows)
    neither = sum(not r["labels"]["secret"] and not r["labels"]["personal_data"] for r in rows)
    n_values = sum(len(r["values"]) for r in rows)
    m = re.search(r"(\d+) notes have both, (\d+) neither; (\d+) `values` in all", section)
    assert m
    assert tuple(map(int, m.groups())) == (both, neither, n_values)


def test_secrets_blind18_readme_languages():
    rows = _blind18_rows()
    section = _blind18_section()
    listed: dict[str, list[int]] = {}
    english = None
    for m in re.finditer(r"^\| ([A-Z][a-z]+) \| (\d+) \| ([^|]+) \|$", section, re.M):
        name, count, ids = m.group(1), int(m.group(2)), m.group(3).strip()
        if name == "English":
            assert ids == "the rest"
            english = count
            continue
        numbers = [int(x) for x in ids.split(", ")]
        assert len(numbers) == count, name
        listed[name] = numbers
    assert set(listed) == BLIND18_LANGUAGES
    all_ids = [i for numbers in listed.values() for i in numbers]
    assert len(all_ids) == len(set(all_ids))
    assert all(1 <= i <= len(rows) for i in all_ids)
    assert english == len(rows) - len(all_ids)
    assert 0.15 <= len(all_ids) / len(rows) <= 0.30


# --- secrets_blind19.jsonl: the nineteenth blind secret / personal-data test set (session 8) ---

BLIND19 = HERE / "secrets_blind19.jsonl"
BLIND19_KEYS = ["id", "ticket_title", "note", "labels", "values", "why"]
BLIND19_HEADING = (
    "## `secrets_blind19.jsonl`: the nineteenth blind test set for secret and "
    "personal-data detection (session 8)"
)
# Words that each note in that language contains at least one of (a sanity check on the ids).
BLIND19_MARKERS = {
    "German": ["der", "die", "das", "und", "neues", "bei", "ist", "des"],
    "Spanish": ["la", "el", "de", "los", "del", "se", "y"],
    "French": ["le", "la", "du", "des", "de", "sur", "pour"],
    "Dutch": ["de", "het", "een", "naar", "op", "van", "weer", "nieuw", "wachtwoord"],
    "Portuguese": ["a", "o", "da", "do", "com", "para", "de"],
    "Italian": ["il", "la", "di", "per", "del", "della", "con", "al", "alle"],
}


def _blind19_rows() -> list[dict]:
    lines = BLIND19.read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines]


def _blind19_section() -> str:
    text = (HERE / "README.md").read_text(encoding="utf-8")
    start = text.index(BLIND19_HEADING)
    end = text.find("\n## ", start + len(BLIND19_HEADING))
    return text[start:] if end == -1 else text[start:end]


def test_secrets_blind19_shape_ids_and_key_order():
    rows = _blind19_rows()
    assert len(rows) == 150
    assert [r["id"] for r in rows] == [f"B19-{n:03d}" for n in range(1, 151)]
    for r in rows:
        assert list(r) == BLIND19_KEYS, r["id"]
        assert list(r["labels"]) == ["secret", "personal_data"], r["id"]
        assert all(r["labels"][k] in (0, 1) for k in r["labels"]), r["id"]
        assert all(type(r["labels"][k]) is int for k in r["labels"]), r["id"]
        assert isinstance(r["values"], list), r["id"]
        for key in ("ticket_title", "note", "why"):
            assert isinstance(r[key], str) and r[key].strip(), (r["id"], key)


def test_secrets_blind19_values_verbatim_and_consistent():
    for r in _blind19_rows():
        flagged = r["labels"]["secret"] or r["labels"]["personal_data"]
        assert bool(r["values"]) == bool(flagged), r["id"]
        for value in r["values"]:
            assert isinstance(value, str) and value.strip(), r["id"]
            assert value in r["note"], (r["id"], value)
        assert len(set(r["values"])) == len(r["values"]), r["id"]


def test_secrets_blind19_no_duplicate_notes():
    notes = [r["note"] for r in _blind19_rows()]
    assert len(set(notes)) == len(notes)
    normalised = [re.sub(r"\s+", " ", n.strip().lower()) for n in notes]
    assert len(set(normalised)) == len(normalised)


def test_secrets_blind19_readme_counts():
    rows = _blind19_rows()
    section = _blind19_section()
    for label in ("secret", "personal_data"):
        n = sum(r["labels"][label] for r in rows)
        m = re.search(rf"^\| `{label}` \| (\d+) \| ([\d.]+) % \|$", section, re.M)
        assert m, label
        assert int(m.group(1)) == n, label
        assert float(m.group(2)) == pytest.approx(100 * n / len(rows), abs=0.05), label
    both = sum(1 for r in rows if r["labels"]["secret"] and r["labels"]["personal_data"])
    neither = sum(1 for r in rows if not r["values"])
    n_values = sum(len(r["values"]) for r in rows)
    m = re.search(r"(\d+) notes have both, (\d+) neither; (\d+) `values` in all", section)
    assert m
    assert (int(m.group(1)), int(m.group(2)), int(m.group(3))) == (both, neither, n_values)


def test_secrets_blind19_readme_languages():
    rows = _blind19_rows()
    section = _blind19_section()
    table = re.findall(r"^\| (\w+) \| (\d+) \| ([^|]+) \|$", section, re.M)
    langs = {name: (int(count), ids.strip()) for name, count, ids in table}
    assert set(langs) == set(BLIND19_MARKERS) | {"English"}
    assert langs["English"][1] == "the rest"
    seen: set[int] = set()
    for name, words in BLIND19_MARKERS.items():
        count, ids_text = langs[name]
        ids = [int(x) for x in ids_text.split(",")]
        assert len(ids) == count == len(set(ids)), name
        assert not seen & set(ids), name
        seen |= set(ids)
        for n in ids:
            assert 1 <= n <= len(rows), (name, n)
            tokens = set(re.findall(r"\w+", rows[n - 1]["note"].lower()))
            assert tokens & set(words), (name, n)
    assert langs["English"][0] == len(rows) - len(seen)
    assert 0.15 <= len(seen) / len(rows) <= 0.30


# --- secrets_blind20.jsonl (session 8): the twentieth blind secret / personal-data test set ---

BLIND20 = HERE / "secrets_blind20.jsonl"
BLIND20_HEADING = (
    "## `secrets_blind20.jsonl`: the twentieth blind test set for secret and personal-data "
    "detection (session 8)"
)
BLIND20_KEYS = ["id", "ticket_title", "note", "labels", "values", "why"]
BLIND20_LANGUAGES = {"German", "Spanish", "French", "Dutch", "Portuguese", "Italian"}


def _blind20_rows() -> list[dict]:
    with BLIND20.open(encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def _blind20_section() -> str:
    text = (HERE / "README.md").read_text(encoding="utf-8")
    start = text.index(BLIND20_HEADING)
    end = text.find("\n## ", start + len(BLIND20_HEADING))
    return text[start:] if end == -1 else text[start:end]


def test_secrets_blind20_shape_and_ids():
    rows = _blind20_rows()
    assert len(rows) == 150
    assert [r["id"] for r in rows] == [f"B20-{i:03d}" for i in range(1, 151)]
    for r in rows:
        assert list(r) == BLIND20_KEYS, r["id"]
        assert list(r["labels"]) == ["secret", "personal_data"], r["id"]
        assert all(v in (0, 1) and type(v) is int for v in r["labels"].values()), r["id"]
        assert isinstance(r["values"], list), r["id"]
        assert all(isinstance(v, str) and v.strip() for v in r["values"]), r["id"]
        for key in ("ticket_title", "note", "why"):
            assert isinstance(r[key], str) and r[key].strip(), (r["id"], key)


def test_secrets_blind20_values_verbatim_and_consistent():
    for r in _blind20_rows():
        for v in r["values"]:
            assert v in r["note"], (r["id"], v)
        assert bool(r["values"]) == bool(r["labels"]["secret"] or r["labels"]["personal_data"]), r[
            "id"
        ]
        assert len(set(r["values"])) == len(r["values"]), r["id"]


def test_secrets_blind20_no_duplicate_notes():
    notes = [r["note"] for r in _blind20_rows()]
    assert len(set(notes)) == len(notes)
    norm = [re.sub(r"\s+", " ", n.strip().lower()) for n in notes]
    assert len(set(norm)) == len(norm)


def test_secrets_blind20_readme_counts():
    rows = _blind20_rows()
    section = _blind20_section()
    n = len(rows)
    for label in ("secret", "personal_data"):
        count = sum(r["labels"][label] for r in rows)
        row = f"| `{label}` | {count} | {100 * count / n:.1f} % |"
        assert row in section, row
    both = sum(r["labels"]["secret"] and r["labels"]["personal_data"] for r in rows)
    neither = sum(not (r["labels"]["secret"] or r["labels"]["personal_data"]) for r in rows)
    n_values = sum(len(r["values"]) for r in rows)
    assert f"{both} notes have both, {neither} neither; {n_values} `values` in all." in section


def test_secrets_blind20_readme_languages():
    section = _blind20_section()
    table = re.findall(r"^\| ([A-Z][a-z]+) \| (\d+) \| ([^|]+) \|$", section, flags=re.M)
    langs = {name: (int(count), ids.strip()) for name, count, ids in table}
    assert set(langs) == BLIND20_LANGUAGES | {"English"}
    seen: set[int] = set()
    for name in BLIND20_LANGUAGES:
        count, ids = langs[name]
        numbers = [int(x) for x in ids.split(", ")]
        assert len(numbers) == count, name
        assert all(1 <= x <= 150 for x in numbers), name
        assert not seen & set(numbers), name
        seen |= set(numbers)
    assert langs["English"] == (150 - len(seen), "the rest")
    assert 0.15 <= len(seen) / 150 <= 0.25
    assert all(langs[name][0] >= 3 for name in BLIND20_LANGUAGES)
