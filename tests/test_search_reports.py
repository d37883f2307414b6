"""Long tickets: the prose kept, boilerplate and pasted logs left out, passages for the model."""

from __future__ import annotations

import pytest

from kbassist.core import Core
from kbassist.records import TicketRecord
from kbassist.search.documents import report_windows, ticket_record
from kbassist.search.reports import clean_report, is_prose, passages
from kbassist.search.service import similar_tickets

REPORT = """CAUTION: This email originated from outside of the organisation. Do not click links.

Hi team,

Hope you are well. Since this morning the scanner on the second floor will not send scans to email,
it says the SMTP server refused the connection.
I restarted the copier and checked the cable.

Here is what the event log shows:
2025-03-04 09:12:44 ERROR ScanToMail: connect() failed 10.0.4.12:587 code=0x80072efd
2025-03-04 09:12:45 WARN  retry=1 host=smtp.office365.com
   at Scan.Mail.Send(Message msg) in C:\\src\\Scan\\Mail.cs:line 88

Kind regards,
Priya Shah
Office Manager | Kestrel Dental | +44 1234 567890
This email and any attachments are confidential and intended solely for the addressee.
"""


def test_clean_report_keeps_the_prose_only() -> None:
    cleaned = clean_report(REPORT)
    assert "scanner on the second floor will not send scans" in cleaned
    assert "I restarted the copier and checked the cable." in cleaned
    for gone in (
        "CAUTION",
        "Hi team",
        "09:12:44",
        "Mail.cs",
        "Kind regards",
        "Priya",
        "confidential",
    ):
        assert gone not in cleaned


def test_log_lines_are_not_prose() -> None:
    assert is_prose("The printer on the third floor shows offline again")
    assert not is_prose("2025-03-04 09:12:44 ERROR ScanToMail: connect() failed")
    assert not is_prose("IPv4 Address. . . . . . . . . . . : 10.0.4.31(Preferred)")
    assert not is_prose("OS: Windows 11 Pro 23H2 (22631.4037)")


def test_passages_cut_long_text_in_windows() -> None:
    text = "\n".join(f"line {n} " + "word " * 30 for n in range(20))
    windows = passages(text, size=100, most=4)
    assert len(windows) == 4 and all(len(w.split()) <= 100 for w in windows)
    assert passages("") == []


def test_a_short_ticket_is_embedded_as_it_is() -> None:
    assert report_windows("Printer offline") == ["Printer offline"]
    record = ticket_record("T-1", "Printer", "Printer offline", "Fixed", content_hash="h")
    assert record.texts == ("Printer\nPrinter offline",) and record.passages == ()


def test_a_long_ticket_gets_passages_of_its_prose() -> None:
    story = "\n".join(
        f"On try number {n} the scanner again refused to send the document anywhere useful."
        for n in range(40)
    )
    long = story + "\n" + REPORT
    record = ticket_record("T-2", "Problem", long, "", content_hash="h")
    assert record.passages and all(d.key.startswith("ticket:T-2#p") for d in record.passages)
    assert len(record.passage_texts) == len(record.passages)
    assert "CAUTION" not in " ".join(record.texts + record.passage_texts)


def test_similar_tickets_find_the_question_buried_in_a_long_report(core: Core) -> None:
    from kbassist.pipeline import store_tickets

    past = [
        TicketRecord(
            id="T-SCAN",
            title="Scan to email fails on the copier",
            description="The copier cannot send scans to email, SMTP connection refused.",
            resolution="Updated the SMTP relay settings on the copier; test scan arrived.",
            status="Closed",
        ),
        TicketRecord(
            id="T-OTHER",
            title="Outlook asks for password",
            description="Outlook keeps prompting for the password after the migration.",
            resolution="Cleared cached credentials.",
            status="Closed",
        ),
    ]
    store_tickets(core, past, source="test")
    found = similar_tickets(core, "FW: issue", REPORT, limit=2)
    assert found[0].id == "T-SCAN"


def test_passage_scores_weigh_each_passage_against_its_background(tmp_path) -> None:  # type: ignore[no-untyped-def]
    import numpy as np

    from kbassist.index.documents import SearchDoc
    from kbassist.index.query import Filters
    from kbassist.index.vectors import VectorIndex, VectorRecord
    from kbassist.search.ranking import passage_scores

    def row(key: str, vector: list[float]) -> VectorRecord:
        doc = SearchDoc(key=key, record=key, kind="ticket", ref_id=key, title=key)
        return VectorRecord(key, "h", (doc,), np.array([vector], dtype=np.float32))

    index = VectorIndex(tmp_path / "v", "m", 2)
    generic = [0.6, 0.8]
    index.rebuild([row("ticket:a", [1.0, 0.0]), row("ticket:b", generic), row("ticket:c", generic)])
    one = np.array([[1.0, 0.0]], dtype=np.float32)
    plain = dict(index.search(one[0], limit=10))
    assert dict(passage_scores(index, one, Filters())) == pytest.approx(plain)
    # A generic passage near every ticket adds little; the specific one decides.
    both = dict(passage_scores(index, np.array([[1.0, 0.0], generic], dtype=np.float32), Filters()))
    assert max(both, key=both.get) == "ticket:a"
