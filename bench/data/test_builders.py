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
