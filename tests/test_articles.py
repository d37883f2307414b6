"""Markdown articles: front matter, sections, safe rendering, folder rejects."""

from __future__ import annotations

from pathlib import Path

import pytest

from kbassist.articles import parse_article, parse_folder, render_markdown, split_sections
from kbassist.errors import InvalidInput


def test_parse_article_reads_front_matter_and_sections(fixture_kb: Path) -> None:
    record = parse_article((fixture_kb / "printer-spooler.md").read_text(), "printer-spooler.md")
    assert record.id == "KB-T001"
    assert record.type == "playbook"
    assert record.contributors == ("Marco Ruiz",)
    assert record.created is not None and record.created.year == 2025
    headings = [s.heading_path for s in record.sections]
    assert ("Print spooler stops and jobs stay queued", "Resolution") in headings
    resolution = next(s for s in record.sections if s.heading_path[-1] == "Resolution")
    assert "Stop-Service Spooler" in resolution.text
    assert resolution.line > 1 and resolution.anchor == "resolution"


def test_sections_keep_heading_paths_and_code() -> None:
    body = "intro\n\n# A\ntext a\n\n## B\n```\ncode here\n```\n\n# C\nlast\n"
    sections = split_sections(body)
    assert [s.heading_path for s in sections] == [(), ("A",), ("A", "B"), ("C",)]
    assert sections[2].text == "code here"
    assert [s.line for s in sections] == [1, 3, 6, 11]


def test_render_escapes_raw_html() -> None:
    html = render_markdown("Hello <script>alert(1)</script> **bold**")
    assert "<script>" not in html
    assert "&lt;script&gt;" in html and "<strong>bold</strong>" in html


@pytest.mark.parametrize(
    ("text", "field"),
    [
        ("---\ntitle: x\ntype: how-to\n---\nbody", "id"),
        ("---\nid: A\ntitle: x\ntype: essay\n---\nbody", "type"),
        ("---\nid: A\ntitle: x\ntype: how-to\ncreated: yesterday\n---\nbody", "created"),
        ("---\nid: A\n: : :\n---\n", "front matter is not valid YAML"),
        ("---\nid: A\ntitle: x\n", "no closing"),
    ],
)
def test_parse_article_names_the_bad_field(text: str, field: str) -> None:
    with pytest.raises(InvalidInput) as caught:
        parse_article(text)
    assert field in caught.value.message


def test_folder_keeps_good_files_and_rejects_bad_ones(fixture_kb: Path) -> None:
    parsed = parse_folder(fixture_kb)
    assert sorted(r.id for r in parsed.records) == ["KB-T001", "KB-T002", "KB-T003"]
    assert len(parsed.rejects) == 1
    reject = parsed.rejects[0]
    assert reject.file.endswith("broken.md") and reject.field == "type"


def test_rendered_headings_carry_the_anchors_search_links_to(fixture_kb: Path) -> None:
    record = parse_article((fixture_kb / "printer-spooler.md").read_text())
    html = render_markdown(record.body)
    for section in record.sections:
        if section.heading_path:
            assert f'id="{section.anchor}"' in html
    assert render_markdown("## Steps\n\n## Steps\n").count('id="steps') == 2
    assert 'id="steps-2"' in render_markdown("## Steps\n\n## Steps\n")
