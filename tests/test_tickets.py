"""Ticket import parsing: encodings, HTML, rejects with exact rows, presets and mappings."""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kbassist.errors import InvalidInput
from kbassist.htmltext import html_to_text, looks_like_html
from kbassist.ingest.presets import (
    CANONICAL,
    CANONICAL_FIELDS,
    PRESETS,
    get_preset,
    load_mapping,
    mapping_to_preset,
)
from kbassist.ingest.tickets import (
    parse_datetime,
    parse_ticket_bytes,
    parse_ticket_row,
    parse_tickets,
)
from kbassist.records import NoteRecord, TicketRecord

IMPORTS = Path(__file__).parent / "data" / "imports"


def rejects_of(result) -> list[tuple[int, str, str]]:
    return [(r.row, r.field, r.record_id) for r in result.rejects]


# --- the canonical CSV with a BOM and every kind of bad row -------------------------


@pytest.fixture(scope="module")
def bom_export():
    return parse_tickets(IMPORTS / "bom_export.csv")


def test_bom_export_rejects_exactly_the_bad_rows(bom_export) -> None:
    file = str(IMPORTS / "bom_export.csv")
    assert {r.file for r in bom_export.rejects} == {file}
    # Rows are physical lines: the header is line 1 and T-101 spans lines 3-4.
    assert rejects_of(bom_export) == [
        (5, "title", "T-102"),
        (6, "id", "T-100"),
        (7, "created_at", "T-103"),
        (8, "closed_at", "T-104"),
        (9, "resolved_at", "T-105"),
        (10, "time_spent_minutes", "T-106"),
        (11, "time_spent_minutes", "T-107"),
        (12, "reopen_count", "T-108"),
    ]
    reasons = [r.reason for r in bom_export.rejects]
    assert reasons[0] == "missing title"
    assert reasons[1] == "duplicate id, first seen on row 2"
    assert reasons[2].startswith("unparseable date 'yesterday'")
    assert reasons[3] == "closed_at 2025-10-04 09:00 is before created_at 2025-10-05 12:00"
    assert reasons[4] == "resolved_at 2025-10-06 07:00 is before created_at 2025-10-06 08:00"
    assert reasons[5] == "not a number of minutes: 'two hours'"
    assert reasons[6] == "negative time spent: '-5'"
    assert reasons[7] == "not a whole number: 'many'"
    assert bom_export.rows_read == 10


def test_bom_export_keeps_the_good_rows_with_their_values(bom_export) -> None:
    first, second = bom_export.records
    assert first == TicketRecord(
        id="T-100",
        title="Printer offline",
        description="HP LaserJet shows offline.\n\n- Queue stuck\n- Users on floor 2",
        resolution="Restarted spooler service.\nCleared C:\\Windows\\System32\\spool\\PRINTERS",
        status="Closed",
        priority="P3",
        category="Printing",
        client="Acme Dental",
        assignee="Dana Whitfield",
        created_at=datetime(2025, 10, 1, 9, 0),
        resolved_at=datetime(2025, 10, 1, 10, 0),  # 12:00+02:00 as naive UTC
        closed_at=datetime(2025, 10, 1, 11, 0),
        time_spent_minutes=35.0,
        kb_links=("KB-T001", "KB-T002"),
        source="canonical",
    )
    assert second.id == "T-101"
    assert second.description == "Line one\nline two of a multi-line description"
    assert second.created_at == datetime(2025, 10, 2)
    assert second.closed_at is None
    assert second.time_spent_minutes == 90.0  # "1:30"
    assert (second.reopen_count, second.escalation_count) == (1, 2)


def test_unknown_columns_are_one_warning_not_rejects(bom_export) -> None:
    assert bom_export.warnings == (
        f"{IMPORTS / 'bom_export.csv'}: ignored 2 unknown column(s): Custom Field, Legacy Ref.",
    )


# --- Windows-1252 ---------------------------------------------------------------


def test_windows_1252_export_is_read_with_a_warning() -> None:
    raw = (IMPORTS / "windows1252.csv").read_bytes()
    assert b"\xe9" in raw and b"\x96" in raw  # é and – as single cp1252 bytes
    result = parse_tickets(IMPORTS / "windows1252.csv")
    assert result.rejects == ()
    assert [r.title for r in result.records] == ["Café printer – offline", "Scanner “stuck”"]
    assert result.records[0].client == "Café Müller GmbH"
    assert result.records[0].assignee == "José Núñez"
    assert result.records[0].resolution == "Réinstallé le pilote – OK"
    (warning,) = result.warnings
    assert "not valid UTF-8" in warning and "Windows-1252" in warning


# --- JSON Lines with notes --------------------------------------------------------


@pytest.fixture(scope="module")
def notes_export():
    return parse_tickets(IMPORTS / "notes.jsonl")


def test_json_lines_notes_are_parsed_and_html_removed(notes_export) -> None:
    first = notes_export.records[0]
    assert first.id == "J-1"
    assert first.resolution == "Restarted the spooler."
    assert first.kb_links == ("KB-T001", "KB-T002")  # duplicates dropped, order kept
    assert first.notes == (
        NoteRecord(
            author="Dana Whitfield",
            created_at=datetime(2025, 10, 1, 9, 10),
            text="Checked queue:\n\n- 3 jobs stuck\n- spooler stopped",
            internal=True,
        ),
        NoteRecord(
            author="Tom Becker",
            created_at=datetime(2025, 10, 1, 8, 40),
            text="Called user & confirmed",
            internal=False,
        ),
    )


def test_json_lines_rejects_name_the_line(notes_export) -> None:
    assert rejects_of(notes_export) == [
        (3, "notes", "J-2"),
        (4, "*", ""),
        (5, "*", ""),
        (6, "notes", "J-4"),
    ]
    reasons = [r.reason for r in notes_export.rejects]
    assert reasons[0].startswith("note 1: unparseable date 'last tuesday'")
    assert reasons[1].startswith("invalid JSON:")
    assert reasons[2] == "expected a JSON object, got array"
    assert reasons[3] == "expected a list of notes, got text that is not JSON"
    assert notes_export.rows_read == 6


def test_json_values_of_other_types_become_text_and_numbers(notes_export) -> None:
    numeric = notes_export.records[1]
    assert (numeric.id, numeric.priority) == ("5", "2")
    assert (numeric.reopen_count, numeric.escalation_count) == (2, 1)
    assert notes_export.warnings == (
        f"{IMPORTS / 'notes.jsonl'}: ignored 1 unknown column(s): mystery.",
    )


def test_a_json_array_file_reports_the_line_each_ticket_starts_on() -> None:
    data = (
        b'[\n  {"id": "A", "title": "one"},\n  {"id": "B",\n   "title": ""},\n'
        b'  {"id": "C", "title": "three"}\n]\n'
    )
    result = parse_ticket_bytes(data, "export.json")
    assert [r.id for r in result.records] == ["A", "C"]
    assert rejects_of(result) == [(3, "title", "B")]


# --- presets ------------------------------------------------------------------------

PRESET_SAMPLES = {
    "connectwise": dict(
        id="48213",
        title="Outlook prompts for password",
        client="Acme Dental",
        assignee="dwhitfield",
        priority="Priority 3 - Normal Response",
        resolution="Cleared cached credentials; re-created the Outlook profile.",
        created_at=datetime(2025, 1, 15, 9, 30),
        closed_at=datetime(2025, 1, 15, 14, 45),
        time_spent_minutes=75.0,
    ),
    "autotask": dict(
        id="T20250115.0042",
        title="Printer offline",
        client="Acme Dental",
        assignee="Whitfield, Dana",
        category="Printing",
        status="Complete",
        resolution="Restarted spooler.",
        created_at=datetime(2025, 1, 15, 8, 0),
        closed_at=datetime(2025, 1, 15, 10, 30),
    ),
    "halopsa": dict(
        id="10234",
        title="VPN disconnects",
        description="User on home broadband drops every hour.",
        client="Globex",
        assignee="Sam Patel",
        category="Network>VPN",
        created_at=datetime(2025, 1, 15, 9, 0),
        closed_at=datetime(2025, 1, 16, 11, 30),
        time_spent_minutes=45.0,
    ),
    "servicenow": dict(
        id="INC0010023",
        title="Email not syncing on mobile",
        resolution="Reset the ActiveSync partnership.",
        priority="3 - Moderate",
        client="Initech",
        assignee="Beth Anglin",
        created_at=datetime(2025, 1, 15, 8, 12, 45),
        resolved_at=datetime(2025, 1, 15, 9, 2, 10),
        closed_at=datetime(2025, 1, 18, 9, 5),
        reopen_count=1,
        time_spent_minutes=35.0,
    ),
    "zendesk": dict(
        id="5123",
        title="Cannot log in to portal",
        status="solved",
        category="incident",
        client="Globex",
        assignee="Sam Patel",
        created_at=datetime(2025, 1, 15, 8, 0),
        resolved_at=datetime(2025, 1, 15, 10, 30),
        reopen_count=1,
        time_spent_minutes=None,
    ),
    "freshservice": dict(
        id="INC-88",
        title="Laptop will not boot",
        client="Finance",
        assignee="Sam Patel",
        category="Incident",
        created_at=datetime(2025, 1, 15, 8, 0),
        resolved_at=datetime(2025, 1, 15, 10, 0),
        closed_at=datetime(2025, 1, 17, 10, 0),
        time_spent_minutes=75.0,
    ),
}


def test_there_is_a_sample_for_every_preset() -> None:
    assert sorted(PRESET_SAMPLES) == sorted(PRESETS)


@pytest.mark.parametrize("name", sorted(PRESET_SAMPLES))
def test_preset_sample_export_parses(name: str) -> None:
    result = parse_tickets(IMPORTS / f"{name}.csv", PRESETS[name])
    assert result.rejects == ()
    (record,) = result.records
    assert record.source == name
    for field, expected in PRESET_SAMPLES[name].items():
        assert getattr(record, field) == expected, field


@pytest.mark.parametrize("preset", PRESETS.values(), ids=lambda preset: preset.name)
def test_presets_are_well_formed(preset) -> None:
    assert set(preset.columns.values()) <= set(CANONICAL_FIELDS)
    assert preset.sources_for("id") and preset.sources_for("title")
    assert preset.time_unit in ("minutes", "hours")
    assert preset.source_note


def test_every_preset_column_is_documented() -> None:
    doc = (Path(__file__).parent.parent / "docs" / "import-formats.md").read_text()
    missing = [
        f"{preset.name}: {source}"
        for preset in PRESETS.values()
        for source in preset.columns
        if f"`{source}`" not in doc
    ]
    assert missing == []
    assert all(f"| `{name}` |" in doc for name in PRESETS)


def test_the_documented_examples_parse() -> None:
    doc = (Path(__file__).parent.parent / "docs" / "import-formats.md").read_text()
    jsonl = doc.split("```json\n", 1)[1].split("```", 1)[0]
    csv_text = doc.split("```csv\n", 1)[1].split("```", 1)[0]
    from_json = parse_ticket_bytes(jsonl.encode(), "doc.jsonl")
    from_csv = parse_ticket_bytes(csv_text.encode(), "doc.csv")
    assert from_json.rejects == from_csv.rejects == ()
    assert from_json.warnings == from_csv.warnings == ()
    (ticket,) = from_json.records
    assert ticket.description == "HP LaserJet on floor 2 shows offline."
    assert len(ticket.notes) == 1 and ticket.time_spent_minutes == 35.0
    assert from_csv.records[0].id == ticket.id == "T-1001"


def test_a_preset_that_does_not_match_the_header_says_which_columns_it_wanted() -> None:
    with pytest.raises(InvalidInput) as caught:
        parse_tickets(IMPORTS / "zendesk.csv", PRESETS["servicenow"])
    assert "'id'" in caught.value.message and "number" in caught.value.message
    assert "Summation column" in caught.value.message and "--preset" in caught.value.message


def test_get_preset_lists_the_names_when_unknown() -> None:
    assert get_preset(" ServiceNow ") is PRESETS["servicenow"]
    with pytest.raises(InvalidInput, match="autotask, connectwise"):
        get_preset("jira")


# --- mapping files ------------------------------------------------------------------


def test_mapping_file_drives_a_semicolon_export_with_local_dates() -> None:
    preset = load_mapping(IMPORTS / "custom_mapping.yaml")
    assert (preset.name, preset.time_unit, preset.list_separator) == ("acme-helpdesk", "hours", "|")
    result = parse_tickets(IMPORTS / "custom_export.csv", preset)
    assert result.rejects == () and result.warnings == ()
    (record,) = result.records
    assert (record.id, record.title, record.resolution) == (
        "AC-1",
        "Drucker offline",
        "Spooler neu gestartet",
    )
    assert record.created_at == datetime(2025, 2, 3, 8, 15)
    assert record.time_spent_minutes == 30.0  # "0,5" hours
    assert record.kb_links == ("KB-1", "KB-2")
    assert record.source == "acme-helpdesk"


def test_mapping_file_in_json(tmp_path: Path) -> None:
    path = tmp_path / "map.json"
    path.write_text(json.dumps({"columns": {"Ticket #": "id", "Summary": "title"}}))
    preset = load_mapping(path)
    assert preset.columns == {"Ticket #": "id", "Summary": "title"}
    assert (preset.time_unit, preset.list_separator, preset.confirmed) == ("minutes", ";", False)


@pytest.mark.parametrize(
    ("content", "problem"),
    [
        (
            '{"columns": {"Ref": "id", "Name": "title"}, "timeunit": "hours"}',
            "unknown key(s) timeunit",
        ),
        (
            '{"columns": {"Ref": "id", "Name": "headline"}}',
            "'headline', which is not a canonical field",
        ),
        ('{"columns": {"Ref": "id"}}', "required field(s) title"),
        ('{"columns": {"Ref": "id", "Name": "title"}, "time_unit": "days"}', '"time_unit" must be'),
        ('{"columns": {"Ref": "id", "Name": "title"}, "list_separator": ""}', '"list_separator"'),
        ('{"columns": {"Ref": "id", "Name": "title"}, "date_formats": "%d.%m"}', '"date_formats"'),
        ('{"columns": []}', '"columns" must be'),
        ("[1, 2]", "expected an object"),
        ('{"columns": {', "invalid JSON at line 1"),
    ],
)
def test_bad_mapping_files_say_what_is_wrong(tmp_path: Path, content: str, problem: str) -> None:
    path = tmp_path / "map.json"
    path.write_text(content)
    with pytest.raises(InvalidInput) as caught:
        load_mapping(path)
    assert str(path) in caught.value.message
    assert problem in caught.value.message


def test_mapping_file_must_exist_and_be_json_or_yaml(tmp_path: Path) -> None:
    with pytest.raises(InvalidInput, match="does not exist"):
        load_mapping(tmp_path / "missing.yaml")
    (tmp_path / "map.txt").write_text("columns: {}")
    with pytest.raises(InvalidInput, match=r"\.json, \.yaml or \.yml"):
        load_mapping(tmp_path / "map.txt")
    (tmp_path / "broken.yaml").write_text("columns: [unclosed")
    with pytest.raises(InvalidInput, match="not valid YAML"):
        load_mapping(tmp_path / "broken.yaml")
    (tmp_path / "aliases.yaml").write_text("a: &a [x, x]\nb: [*a, *a]\ncolumns: {id: id}\n")
    with pytest.raises(InvalidInput, match="anchors or aliases"):
        load_mapping(tmp_path / "aliases.yaml")
    (tmp_path / "deep.json").write_text("[" * 100_000)
    with pytest.raises(InvalidInput, match="invalid JSON"):
        load_mapping(tmp_path / "deep.json")


def test_several_columns_feeding_one_field_take_the_first_non_empty() -> None:
    preset = mapping_to_preset(
        {"columns": {"Ref": "id", "Subject": "title", "Short title": "title"}}, origin="test"
    )
    data = b"Short title,Ref,Subject\nshort,1,\nshort,2,Long subject\n"
    result = parse_ticket_bytes(data, "x.csv", preset)
    assert [r.title for r in result.records] == ["short", "Long subject"]


# --- single values ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2025-03-01", datetime(2025, 3, 1)),
        ("2025-03-01T14:05:00Z", datetime(2025, 3, 1, 14, 5)),
        ("2025-03-01 14:05:00-05:00", datetime(2025, 3, 1, 19, 5)),
        ("2025-03-01T14:05:00.250+01:00", datetime(2025, 3, 1, 13, 5, 0, 250000)),
        ("  ", None),
    ],
)
def test_iso_dates_become_naive_utc(text: str, expected: datetime | None) -> None:
    assert parse_datetime(text) == expected


@pytest.mark.parametrize(
    ("value", "unit", "minutes"),
    [
        ("45", "minutes", 45.0),
        ("1.5", "hours", 90.0),
        ("0,25", "hours", 15.0),
        (2, "hours", 120.0),
        ("1:30", "minutes", 90.0),
        ("01:15:30", "hours", 75.5),
        ("1970-01-01 02:10:00", "minutes", 130.0),  # ServiceNow raw duration
        ("1 Hour 30 Minutes", "minutes", 90.0),
        ("2h 15m", "hours", 135.0),
    ],
)
def test_time_spent_is_converted_to_minutes(value, unit: str, minutes: float) -> None:
    preset = mapping_to_preset(
        {"columns": {"i": "id", "t": "title", "m": "time_spent_minutes"}, "time_unit": unit}
    )
    record = parse_ticket_row({"i": "1", "t": "x", "m": value}, "f.csv", 2, preset)
    assert isinstance(record, TicketRecord)
    assert record.time_spent_minutes == minutes


@pytest.mark.parametrize(
    ("row", "field", "reason"),
    [
        ({"title": "x"}, "id", "missing id"),
        ({"id": "   ", "title": "x"}, "id", "missing id"),
        ({"id": "x" * 101, "title": "x"}, "id", "id is longer than 100 characters"),
        ({"id": "1", "title": "<p> </p>"}, "title", "missing title"),
        (
            {"id": "1", "title": "x", "escalation_count": "1.5"},
            "escalation_count",
            "not a whole number: '1.5'",
        ),
        ({"id": "1", "title": "x", "reopen_count": -1}, "reopen_count", "negative count: '-1'"),
        (
            {"id": "1", "title": "x", "created_at": 20250101},
            "created_at",
            "expected a date as text, got number",
        ),
        ({"id": "1", "title": {"a": 1}}, "title", "expected text, got object"),
        ({"id": "1", "title": "x", "closed_at": "0001-01-01T00:00+01:00"}, "closed_at", "date out"),
        (
            {"id": "1", "title": "x", "kb_links": {"a": 1}},
            "kb_links",
            "expected a list of article ids, got object",
        ),
        (
            {"id": "1", "title": "x", "notes": [{"text": "a", "internal": "maybe"}]},
            "notes",
            "note 1: internal must be",
        ),
    ],
)
def test_a_bad_value_rejects_the_row_naming_the_field(row: dict, field: str, reason: str) -> None:
    outcome = parse_ticket_row(row, "f.jsonl", 7)
    assert isinstance(outcome, list)
    assert [(r.file, r.row, r.field) for r in outcome] == [("f.jsonl", 7, field)]
    assert outcome[0].reason.startswith(reason)


def test_every_problem_of_a_row_is_reported_in_field_order() -> None:
    outcome = parse_ticket_row({"id": "9", "created_at": "soon", "reopen_count": "x"}, "f.csv", 3)
    assert isinstance(outcome, list)
    assert [r.field for r in outcome] == ["title", "created_at", "reopen_count"]
    assert {r.record_id for r in outcome} == {"9"}


def test_preset_date_formats_are_quoted_as_examples_when_a_date_is_bad() -> None:
    outcome = parse_ticket_row(
        {"TicketNbr": "1", "Summary": "x", "date_entered": "15.01.2025"},
        "cw.csv",
        2,
        PRESETS["connectwise"],
    )
    assert isinstance(outcome, list)
    assert outcome[0].reason == (
        "unparseable date '15.01.2025'; expected ISO 8601 such as 2024-03-01T14:05:00Z "
        "or 03/01/2024 02:05 PM or 03/01/2024 02:05:00 PM"
    )


# --- reading files and bytes --------------------------------------------------------


def test_a_row_with_more_cells_than_the_header_is_rejected_whole() -> None:
    result = parse_ticket_bytes(b"id,title\n1,ok\n2,a,stray\n3,fine,\n", "x.csv")
    assert [r.id for r in result.records] == ["1", "3"]
    assert [(r.row, r.field, r.reason) for r in result.rejects] == [
        (3, "*", "row has 3 cells but the header has 2 columns")
    ]


def test_utf16_with_bom_and_nul_bytes_are_handled() -> None:
    utf16 = parse_ticket_bytes("id,title\n1,Zürich\n".encode("utf-16"), "x.csv")
    assert [r.title for r in utf16.records] == ["Zürich"] and utf16.warnings == ()
    nul = parse_ticket_bytes(b"id,title\n1,bad\x00name\n", "x.csv")
    assert [r.title for r in nul.records] == ["badname"]
    assert nul.warnings == ("x.csv contains NUL characters; they were removed.",)


def test_empty_file_and_unsupported_or_missing_files(tmp_path: Path) -> None:
    empty = parse_ticket_bytes(b"", "x.csv")
    assert (empty.records, empty.rejects, empty.rows_read) == ((), (), 0)
    assert empty.warnings == ("x.csv is empty: no header row and no tickets.",)
    with pytest.raises(InvalidInput, match=r"use a \.csv, \.jsonl"):
        parse_tickets(tmp_path / "tickets.xlsx")
    with pytest.raises(InvalidInput, match="does not exist"):
        parse_tickets(tmp_path / "tickets.csv")


def test_canonical_csv_can_carry_notes_as_json() -> None:
    cell = json.dumps([{"author": "A", "text": "<p>hi</p>", "internal": "yes"}]).replace('"', '""')
    result = parse_ticket_bytes(f'id,title,notes\n1,x,"{cell}"\n'.encode(), "x.csv", CANONICAL)
    assert result.records[0].notes == (
        NoteRecord(author="A", created_at=None, text="hi", internal=True),
    )


@settings(
    max_examples=150,
    derandomize=True,
    database=None,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)
@given(data=st.binary(max_size=400), suffix=st.sampled_from([".csv", ".jsonl", ".json"]))
def test_arbitrary_bytes_never_crash_the_parser(data: bytes, suffix: str) -> None:
    try:
        result = parse_ticket_bytes(data, f"any{suffix}")
    except InvalidInput:
        return  # e.g. a CSV header without id/title columns: a clean, explained error
    assert result.rows_read == len({r.row for r in result.rejects}) + len(result.records)


@settings(max_examples=150, derandomize=True, database=None, deadline=None)
@given(
    rows=st.lists(
        st.fixed_dictionaries(
            {
                "id": st.text(max_size=5),
                "title": st.text(max_size=8),
                "created_at": st.text(max_size=12),
            }
        ),
        max_size=6,
    )
)
def test_arbitrary_json_lines_never_crash_and_ids_stay_unique(rows: list[dict]) -> None:
    data = "".join(json.dumps(row) + "\n" for row in rows).encode()
    result = parse_ticket_bytes(data, "x.jsonl")
    ids = [record.id for record in result.records]
    assert len(ids) == len(set(ids))
    assert result.rows_read == len(rows)


# --- HTML to text -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("html", "text"),
    [
        ("<p>Hello&nbsp;world &amp; co</p><p>Second</p>", "Hello world & co\n\nSecond"),
        ("line1<br>line2<br/>line3", "line1\nline2\nline3"),
        (
            "<ol><li>one</li><li><p>two</p><ul><li>nested</li></ul></li></ol>",
            "- one\n- two\n  - nested",
        ),
        ("<script>alert(1)</script><style>p {}</style>visible", "visible"),
        ("<pre>  a   b\n    c</pre>", "a   b\n    c"),
        ("Press <Ctrl> + C, mail <jane@example.com>", "Press <Ctrl> + C, mail <jane@example.com>"),
        ("<p class=MsoNormal>Word<o:p></o:p></p>", "Word"),
        (
            'See <a href="https://kb.example.com/KB-12">the article</a>',
            "See the article (https://kb.example.com/KB-12)",
        ),
        (
            "<table><tr><th>A</th><th>B</th></tr><tr><td>1</td><td>2</td></tr></table>",
            "A | B\n1 | 2",
        ),
        ("<div>unclosed <b>bold", "unclosed bold"),
        ("&lt;not a tag&gt; &#8211; dash", "<not a tag> – dash"),
        ("<p>a</p>\n\n\n\n<p>b</p>", "a\n\nb"),
    ],
)
def test_html_to_text(html: str, text: str) -> None:
    assert html_to_text(html) == text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("x<br>y", True),
        ("<P>Hi</P>", True),
        ("a &amp; b", True),
        ("<!-- x -->", True),
        ("Press <Ctrl>", False),
        ("a < b > c", False),
        ("AT&T rocks", False),
    ],
)
def test_looks_like_html(text: str, expected: bool) -> None:
    assert looks_like_html(text) is expected


@settings(max_examples=200, derandomize=True, database=None, deadline=None)
@given(
    st.lists(
        st.sampled_from(["<p>", "</p>", "<li>", "<ul>", "<script>", "&amp;", "<a href=x>", "</a>"])
        | st.text(alphabet="<>/&;#ab pli\n\"'=", max_size=6),
        max_size=12,
    ).map("".join)
)
def test_html_to_text_never_raises(text: str) -> None:
    assert isinstance(html_to_text(text), str)
