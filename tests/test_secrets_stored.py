"""A secret is never stored or shown in clear: ingest masks it, and no surface brings it back.

One instance is loaded through the pipeline with a ticket per kind of secret and
personal data (the kinds of issue 15 and the leaks of issue 13), an article
carrying secrets and a rejected row quoting one. Then every surface an admin can
reach (pages, API, CSV exports, the draft playbook, the CLI, the rejects CSV,
the search log and the request log) is fetched and searched for every value.
"""

from __future__ import annotations

import html
import json
import logging
import re
from collections.abc import Iterator
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from sqlalchemy import select

from kbassist import pipeline, store
from kbassist.auth import create_token, create_user
from kbassist.core import Core
from kbassist.gaps import queries as gaps_queries
from kbassist.gaps import service as gaps
from kbassist.hygiene import find_sensitive, mask, sensitive_spans
from kbassist.hygiene.log_filter import mask_logs
from kbassist.search import service as search
from kbassist.settings import Settings

# kind, rule, the note that carries it, the values that must never come back
CASES: list[tuple[str, str, str, list[str]]] = [
    ("password in prose", "secret",
     "Reset the account and gave her temp pw Summer2025! over the phone.", ["Summer2025!"]),
    ("password, German", "secret",
     "Kennwort zurückgesetzt auf Sonne#Birke42, Benutzer muss es ändern.", ["Sonne#Birke42"]),
    ("password, Spanish", "secret",
     "Nueva contraseña: Playa!Verde77 enviada al usuario por teléfono.", ["Playa!Verde77"]),
    ("password, French", "secret",
     "Mot de passe provisoire : Lavande*Rue58, à changer au prochain login.", ["Lavande*Rue58"]),
    ("password, Dutch", "secret",
     "Wachtwoord gereset naar Molen&Tulp31 en doorgegeven aan de balie.", ["Molen&Tulp31"]),
    ("password, Portuguese", "secret",
     "Senha temporária definida: Praia%Sol64 (trocar no primeiro acesso).", ["Praia%Sol64"]),
    ("password, Italian", "secret",
     "Password temporanea impostata a Gelato#Blu19 per la nuova utente.", ["Gelato#Blu19"]),
    ("user / password pair", "secret",
     "Logged into the FortiGate as admin / C@stle!Fgt80 and restored the policy.",
     ["C@stle!Fgt80"]),
    ("PIN", "secret", "Set her desk phone PIN to 8316 so she can log in to the handset.", ["8316"]),
    ("voicemail PIN", "secret", "Voicemail PIN reset to 4721 for the reception line.", ["4721"]),
    ("Wi-Fi key", "secret", "Guest Wi-Fi key: BlueHarbour!22 (printed at reception).",
     ["BlueHarbour!22"]),
    ("door code", "secret", "Server room door code is 5927# if the badge reader fails again.",
     ["5927"]),
    ("MFA bypass codes", "secret",
     "Issued Duo bypass codes 731204889 and 552019843 for the trip.", ["731204889", "552019843"]),
    ("recovery codes", "secret",
     "2FA recovery codes for the admin account: 7tpd3wcz 5yq2mk8h a9fnx4ku",
     ["7tpd3wcz", "5yq2mk8h", "a9fnx4ku"]),
    ("BitLocker recovery key", "secret",
     "BitLocker recovery key 412654-118932-503427-661210-083391-294865-710028-345961 read "
     "to the user.", ["412654-118932-503427-661210-083391-294865-710028-345961", "503427"]),
    ("WireGuard private key", "secret",
     "[Interface]\nPrivateKey = yAnz5TF+lXXJte14tji3zlMNq+hd2rYUIgJBgB3fBmk=\n"
     "Address = 10.8.0.2/32", ["yAnz5TF+lXXJte14tji3zlMNq+hd2rYUIgJBgB3fBmk="]),
    ("OpenVPN static key", "secret",
     "-----BEGIN OpenVPN Static key V1-----\ne685bdaf659a25a200e2b9e6a1b2c3d4\n"
     "7f3a9c1e5b2d4f6a8c0e2b4d6f8a0c2e\n-----END OpenVPN Static key V1-----",
     ["e685bdaf659a25a200e2b9e6a1b2c3d4", "7f3a9c1e5b2d4f6a8c0e2b4d6f8a0c2e"]),
    ("SSH private key", "secret",
     "-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQ\n"
     "QyNTUxOQAAACDlq0r5yQ2k9t8X7uZ\n-----END OPENSSH PRIVATE KEY-----",
     ["b3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQ", "QyNTUxOQAAACDlq0r5yQ2k9t8X7uZ"]),
    ("connection string", "secret",
     "Server=SQL02;Database=Sage;User Id=sage_app;Password=Qu4rtz!Fen;", ["Qu4rtz!Fen"]),
    ("URL with a password", "secret",
     "Scan profile: ftp://scan:Wagner!Scan2024@192.168.178.20/scans", ["Wagner!Scan2024"]),
    ("licence key", "secret",
     "Office activated with MAK 7F3KQ-9QWE2-MZPXR-4LJ8D-T6VBN on the new PCs.",
     ["7F3KQ-9QWE2-MZPXR-4LJ8D-T6VBN"]),
    ("AWS secret access key", "secret",
     "aws_access_key_id=AKIAIOSFODNN7QX4ZR2M "
     "aws_secret_access_key=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",
     ["wJalrXUtnFEMI/K7MDENG/bPxRfiCYq7ZtW3mKeY", "AKIAIOSFODNN7QX4ZR2M"]),
    ("API token", "secret",
     "Webhook token ghp_Z8k2Lm4Pq7Rs9Tv1Wx3Yz5Ab6Cd8Ef0Gh2Ij4 stored in the script.",
     ["ghp_Z8k2Lm4Pq7Rs9Tv1Wx3Yz5Ab6Cd8Ef0Gh2Ij4"]),
    # A password no rule reads, found by the token model (session 7).
    ("password without a keyword", "secret",
     "She can log on with Kestrel_4410 until Friday, told her to change it.", ["Kestrel_4410"]),
    # Kinds added from tests/data/secrets_variants.jsonl (session 3).
    ("SNMP community", "secret",
     "Added the core switch to PRTG with SNMP v2c, community acmeMon42 (read only).",
     ["acmeMon42"]),
    ("LAPS password", "secret",
     "Got the local admin pw from LAPS (4fV!q9Lx2#Rm) and installed the driver.",
     ["4fV!q9Lx2#Rm"]),
    ("SIM PIN and PUK", "secret", "New SIM for the on-call phone: PIN 4826, PUK 19283746.",
     ["4826", "19283746"]),
    ("Temporary Access Pass", "secret", "Temporary Access Pass issued: 9qZ@w4Kp (valid 8h).",
     ["9qZ@w4Kp"]),
    ("reset to a chosen word", "secret",
     "Reset to Welcome123 as per usual process, user will change at next logon.",
     ["Welcome123"]),
    ("the new one is", "secret", "Changed it again, the new one is Mountain5! and she has it.",
     ["Mountain5!"]),
    ("passphrase of words", "secret",
     "Staff SSID is HQ-Staff and the passphrase is copper-lantern-meadow.",
     ["copper-lantern-meadow"]),
    ("vendor default login", "secret",
     "iDRAC on HV02 still had root/calvin; changed and stored in Hudu.", ["calvin"]),
    ("URL password without a user", "secret", "Cache moved: redis://:R3d1sPass@cache01:6379/0",
     ["R3d1sPass"]),
    ("software serial", "secret",
     "Adobe serial 1118-1452-3365-7781-9904-2217 moved to the new PC.",
     ["1118-1452-3365-7781-9904-2217"]),
    ("keypad code in prose", "secret", "To get into the comms cupboard use 60413 on the keypad.",
     ["60413"]),
    ("Wi-Fi key, Italian", "secret", "Chiave Wi-Fi ospiti: girasole-77", ["girasole-77"]),
    ("voicemail PIN, Dutch", "secret", "Pincode voicemail ingesteld op 6021.", ["6021"]),
    ("RADIUS secret", "secret", "Set the RADIUS shared secret to Rad!usKey55 on both APs.",
     ["Rad!usKey55"]),
    ("pre-shared key", "secret", "IPsec pre-shared key = 7hG2kL9pQ4wE on the Draytek.",
     ["7hG2kL9pQ4wE"]),
    ("app password in groups", "secret",
     "Scanner SMTP: scan@acme.co.uk, app password kmrt yqvz hpxe lwdn", ["kmrt yqvz hpxe lwdn"]),
    ("door codes, German", "secret",
     "Der Code für die Eingangstür ist 4712, ab Montag gilt 8830.", ["4712", "8830"]),
    ("bypass codes after a dash", "secret",
     "CEO travelling: issued Duo bypass codes valid 24h - 561 204 990 and 118 437 205.",
     ["561 204 990", "118 437 205"]),
    ("SIM PIN, Italian", "secret", "PIN SIM 5521, PUK 44019283 nella busta.",
     ["5521", "44019283"]),
    ("backup codes listed under their heading", "secret",
     "New backup codes for the admin account (it@acme.org):\n1947 2286   5531 0947\n"
     "6619 2830   7745 1092", ["1947 2286", "5531 0947", "6619 2830", "7745 1092"]),
    ("recovery codes listed, German", "secret",
     "Wiederherstellungscodes für das Konto:\n1. 55129087\n2. 90871234\nSicher verwahren.",
     ["55129087", "90871234"]),
    ("password-sharing link", "secret",
     "Sent the POS login through Bitwarden Send: "
     "https://send.bitwarden.com/#Qm3xV8tLk0aZ7pWc2nRy4g/Jd5hT9uB1eK6wS0fM3qP8z (one view).",
     ["https://send.bitwarden.com/#Qm3xV8tLk0aZ7pWc2nRy4g/Jd5hT9uB1eK6wS0fM3qP8z",
      "Jd5hT9uB1eK6wS0fM3qP8z"]),
    ("SNMP community on a command line", "secret",
     "snmpwalk -v2c -c fjord-RO-71 10.2.0.1 answers now.", ["fjord-RO-71"]),
    ("bank account and sort code", "personal-data",
     "Expense payee added: account 31926819, sort code 60-16-13.", ["31926819", "60-16-13"]),
    ("personal phone, US", "personal-data", "US user - cell (415) 867-2291, text first.",
     ["867-2291"]),
    ("personal phone", "personal-data",
     "User asked us to call her personal mobile 07700 900417 when done.", ["900417"]),
    ("personal e-mail", "personal-data",
     "Sent the steps to his private address dana.w1970@gmail.com as requested.",
     ["dana.w1970"]),
    ("home address", "personal-data",
     "Laptop shipped to her home address, 14 Elm Grove, Leeds LS6 2AB.", ["14 Elm Grove"]),
    ("date of birth", "personal-data",
     "Identity checked with DOB 14/03/1987 before the reset.", ["14/03/1987"]),
    ("IBAN", "personal-data",
     "Expenses refund to IBAN GB33BUKB20201555555555 confirmed by payroll.",
     ["GB33BUKB20201555555555"]),
    ("card number, unspaced", "personal-data",
     "Card 4111111111111111 was read out on the call; told user not to do that.",
     ["4111111111111111"]),
]  # fmt: skip

# Where secrets hide outside the closure note: a title, a client, a category, a work note.
EXTRA = {
    "title": ("T-X1", "VPN drops, mailed dana.w1970@gmail.com the fix", "dana.w1970"),
    "client": ("T-X2", "password: Cl1ent!Field", "Cl1ent!Field"),
    "category": ("T-X3", "pw Categ0ry#Leak", "Categ0ry#Leak"),
    "work note": ("T-X4", "temp pw N0te!Leak9 for the laptop", "N0te!Leak9"),
}
ARTICLE_VALUES = ["Art1cle!Pass", "Kb#Title42", "9vK2pQ7xL4mR8tW3zY6b"]
REJECT_VALUE = "R3ject!Pass"
QUERY_VALUE = "Qu3ry!Typed"
ALL_VALUES = (
    [value for _, _, _, values in CASES for value in values]
    + [value for _, _, value in EXTRA.values()]
    + ARTICLE_VALUES
    + [REJECT_VALUE, QUERY_VALUE]
)
START = datetime(2025, 3, 3, 9, 0)
PASSWORD = "admin-test-password"


def _ticket(index: int, resolution: str, **fields: Any) -> dict[str, Any]:
    created = START + timedelta(days=index % 20, hours=index % 5)
    row = {
        "id": f"T-S{index:02d}",
        "title": "VPN client disconnects every few minutes on home wifi",
        "description": "VPN client disconnects every few minutes on home wifi",
        "resolution": resolution,
        "status": "Closed",
        "priority": "P3",
        "category": "Network",
        "client": "Harbour Dental",
        "assignee": "Dana Whitfield",
        "created_at": created.isoformat(),
        "resolved_at": (created + timedelta(hours=2)).isoformat(),
        "time_spent_minutes": 45,
    }
    row.update(fields)
    return row


def _rows() -> list[dict[str, Any]]:
    rows = [_ticket(i, note) for i, (_, _, note, _) in enumerate(CASES)]
    base = len(rows)
    title_id, title, _ = EXTRA["title"]
    rows.append(_ticket(base, "Updated the VPN client; verified.", id=title_id, title=title))
    client_id, client, _ = EXTRA["client"]
    rows.append(_ticket(base + 1, "Updated the VPN client.", id=client_id, client=client))
    category_id, category, _ = EXTRA["category"]
    rows.append(_ticket(base + 2, "Updated the VPN client.", id=category_id, category=category))
    note_id, note, _ = EXTRA["work note"]
    work = [{"author": "Dana Whitfield", "created_at": START.isoformat(), "text": note}]
    rows.append(_ticket(base + 3, "Updated the VPN client.", id=note_id, notes=work))
    # A row rejected for a value that quotes a secret.
    rows.append(_ticket(base + 4, "x", id="T-BAD", created_at=f"temp pw {REJECT_VALUE}"))
    return rows


ARTICLE = """---
id: KB-SEC
title: VPN on home wifi (admin pw Kb#Title42)
author: Dana Whitfield
created: 2025-01-10
type: how-to
tags: [vpn, wifi]
---

## Steps

Reinstall the VPN client. The local admin password is Art1cle!Pass.

## Keys

api_key = 9vK2pQ7xL4mR8tW3zY6b
"""


@pytest.fixture(scope="module")
def loaded(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, Any]]:
    """The instance, loaded once for the module: tickets, an article, families, users."""
    folder = tmp_path_factory.mktemp("secrets")
    with pytest.MonkeyPatch.context() as patch:
        for name in ("KBASSIST_HOME", "KBASSIST_DATABASE_URL", "KBASSIST_EMBEDDER"):
            patch.delenv(name, raising=False)
        core = Core(
            Settings.load(
                {"HOME": str(folder / "instance"), "EMBEDDER": "hashing", "SECRET_KEY": "test"}
            )
        )
        core.init()
        tickets = folder / "tickets.jsonl"
        tickets.write_text("".join(json.dumps(row) + "\n" for row in _rows()))
        report = pipeline.ingest_tickets(core, tickets)
        kb = folder / "kb"
        kb.mkdir()
        (kb / "vpn.md").write_text(ARTICLE)
        pipeline.ingest_kb(core, kb)
        gaps.recluster(core)
        admin = create_user(core, "admin", PASSWORD, "admin")
        search.search(core, f"vpn password {QUERY_VALUE}", user_id=admin.id, role="admin")
        yield {"core": core, "report": report, "tickets": tickets, "admin": admin}


def _present(value: str, text: str) -> bool:
    """Whether the value appears in the text as itself, HTML-escaped or JSON-escaped."""
    forms = {value, html.escape(value), html.escape(value, quote=False), json.dumps(value)[1:-1]}
    return any(
        re.search(rf"(?<![A-Za-z0-9]){re.escape(form)}(?![A-Za-z0-9])", text) for form in forms
    )


def _leaks(texts: dict[str, str]) -> list[str]:
    return [
        f"{value!r} on {surface}"
        for surface, text in texts.items()
        for value in ALL_VALUES
        if _present(value, text)
    ]


# ---------------------------------------------------------------- each kind


@pytest.mark.parametrize(("kind", "rule", "note", "values"), CASES, ids=[c[0] for c in CASES])
def test_each_kind_is_flagged_masked_stored_masked_and_not_found(
    loaded: dict[str, Any], kind: str, rule: str, note: str, values: list[str]
) -> None:
    core: Core = loaded["core"]
    assert rule in {span.rule for span in sensitive_spans(note)}
    assert not any(_present(value, mask(note)) for value in values)
    ticket_id = f"T-S{[c[0] for c in CASES].index(kind):02d}"
    with core.connect() as conn:
        row = conn.execute(select(store.tickets).where(store.tickets.c.id == ticket_id)).one()
        scored = conn.execute(
            select(store.note_scores).where(store.note_scores.c.ticket_id == ticket_id)
        ).one()
    stored = json.dumps(dict(row._mapping), default=str) + scored.findings
    assert not [value for value in values if _present(value, stored)]
    # What was masked still blocks the note: its score says a secret was written in it.
    assert scored.blocking and rule in {finding.rule for finding in find_sensitive(row.resolution)}
    vocabulary = core.resources.lexical.vocabulary()
    for value in values:
        # The index holds no word of the value, and what a search for it returns (the
        # nearest tickets by meaning, or by a corrected spelling) does not show it.
        assert [word for word in _secret_words(value) if word in vocabulary] == []
        found = search.search(core, value, log=False)
        shown = json.dumps([r.__dict__ for r in found.results], default=str)
        assert not _present(value, shown + str(found.did_you_mean))


def _secret_words(value: str) -> list[str]:
    """The words of a value that only the secret would put in the index (4+ chars, a digit)."""
    return [
        word
        for word in re.findall(r"[a-z0-9]+", value.lower())
        if len(word) >= 4 and any(ch.isdigit() for ch in word)
    ]


def test_a_stored_note_keeps_the_raw_hash_so_the_same_file_is_unchanged(
    loaded: dict[str, Any],
) -> None:
    core: Core = loaded["core"]
    again = pipeline.ingest_tickets(core, loaded["tickets"])
    assert (again.added, again.updated) == (0, 0)
    assert again.unchanged == len(CASES) + len(EXTRA)


def test_names_labels_and_work_notes_are_stored_masked(loaded: dict[str, Any]) -> None:
    core: Core = loaded["core"]
    with core.connect() as conn:
        stored = " ".join(
            json.dumps([list(map(str, row)) for row in conn.execute(select(table))])
            for table in (store.tickets, store.ticket_notes, store.clients, store.technicians,
                          store.articles, store.article_versions, store.families,
                          store.search_log)
        )  # fmt: skip
    assert _leaks({"the database": stored}) == []


# ---------------------------------------------------------------- every surface


def _signed_in_client(core: Core) -> Any:
    from kbassist.webapp import create_app

    client = create_app({"TESTING": True}, core=core).test_client()
    page = client.get("/login").get_data(as_text=True)
    token = re.search(r'name="csrf_token" value="([^"]+)"', page).group(1)  # type: ignore[union-attr]
    client.post("/login", data={"username": "admin", "password": PASSWORD, "csrf_token": token})
    page = client.get("/precheck").get_data(as_text=True)
    token = re.search(r'name="csrf_token" value="([^"]+)"', page).group(1)  # type: ignore[union-attr]
    return client, token


def _surfaces(core: Core, client: Any, csrf: str, bearer: dict[str, str]) -> dict[str, str]:
    with core.connect() as conn:
        family_id = gaps_queries.families_of(conn)["T-S00"]
    ticket_ids = [f"T-S{i:02d}" for i in range(len(CASES))] + [t for t, _, _ in EXTRA.values()]
    pages = [f"/tickets/{t}" for t in ticket_ids] + [
        "/search?q=vpn+password",
        "/search?q=vpn+wifi&kind=ticket",
        f"/search?q={QUERY_VALUE}",
        "/review",
        "/gaps",
        f"/gaps/{family_id}",
        f"/gaps/{family_id}/draft",
        "/articles",
        "/articles/KB-SEC",
        "/scorecards?period=2025-03",
        "/scorecards.csv?period=2025-03",
        "/weekly?as_of=2025-03-31",
        "/weekly.csv?as_of=2025-03-31",
        "/credit",
    ]
    api = [f"/api/v1/tickets/{t}" for t in ticket_ids] + [
        "/api/v1/search?q=vpn+password",
        "/api/v1/search?q=vpn+wifi&kind=ticket&limit=50",
        "/api/v1/articles/KB-SEC",
        "/api/v1/clusters",
        "/api/v1/gaps",
        "/api/v1/scorecards?period=2025-03",
        "/api/v1/weekly?as_of=2025-03-31",
        "/api/v1/credit",
    ]
    texts: dict[str, str] = {}
    for path in pages:
        response = client.get(path)
        assert response.status_code == 200, path
        texts[path] = response.get_data(as_text=True)
    for path in api:
        response = client.get(path, headers=bearer)
        assert response.status_code == 200, path
        texts[path] = response.get_data(as_text=True)
    similar = {"title": "VPN client disconnects", "description": "on home wifi every few minutes"}
    posted = {
        "POST /search/similar": client.post(
            "/search/similar", data={**similar, "csrf_token": csrf}
        ),
        "POST /api/v1/similar": client.post(
            "/api/v1/similar", json={**similar, "limit": 50}, headers=bearer
        ),
    }
    for name, response in posted.items():
        assert response.status_code == 200, name
        texts[name] = response.get_data(as_text=True)
    assert "T-S" in texts["POST /search/similar"]  # similar tickets are listed, masked
    return texts


def test_no_surface_shows_a_secret_value(loaded: dict[str, Any]) -> None:
    core: Core = loaded["core"]
    client, csrf = _signed_in_client(core)
    bearer = {"Authorization": f"Bearer {create_token(core, 'admin')}"}
    texts = _surfaces(core, client, csrf, bearer)
    # The pages really show the tickets, masked: the check is not vacuous.
    assert "temp pw ••••••" in texts["/tickets/T-S00"]
    assert "T-S00" in texts["/api/v1/search?q=vpn+wifi&kind=ticket&limit=50"]
    assert "Nothing found" in texts[f"/search?q={QUERY_VALUE}"]
    assert _leaks({k: v for k, v in texts.items() if k != f"/search?q={QUERY_VALUE}"}) == []
    # Searching for the value itself finds nothing; the page only repeats what was typed.
    echoed = texts[f"/search?q={QUERY_VALUE}"].replace(QUERY_VALUE, "")
    assert _leaks({"search for the value": echoed}) == []


def test_the_cli_shows_no_secret_value(loaded: dict[str, Any]) -> None:
    from kbassist.cli import main

    core: Core = loaded["core"]
    with core.connect() as conn:
        family_id = gaps_queries.families_of(conn)["T-S00"]
    runner = CliRunner()
    outputs = {
        " ".join(args): runner.invoke(main, args, obj={"core": core}, catch_exceptions=False).output
        for args in (
            ["search", "vpn password", "--json", "--limit", "50"],
            ["similar", "--title", "VPN disconnects", "--description", "home wifi", "--json"],
            ["clusters", "--json"],
            ["draft", str(family_id)],
            ["review", "queue", "--json"],
        )
    }
    assert any("T-S00" in output for output in outputs.values())
    assert _leaks(outputs) == []


def test_rejects_and_the_search_log_quote_no_secret(loaded: dict[str, Any]) -> None:
    core: Core = loaded["core"]
    report = loaded["report"]
    assert [r.record_id for r in report.rejects] == ["T-BAD"]
    # Reasons say what is wrong without quoting the value (issue 13); masked all the same.
    assert report.rejects[0].reason.startswith("unparseable date")
    written = Path(report.rejects_file).read_text(encoding="utf-8")
    summary = json.dumps(report.as_dict()) + report.summary()
    with core.connect() as conn:
        logged = [row.query for row in conn.execute(select(store.search_log.c.query))]
    assert any("vpn password" in query for query in logged)
    assert (
        _leaks({"rejects CSV": written, "ingest report": summary, "search log": " ".join(logged)})
        == []
    )


def test_request_log_lines_are_masked(caplog: pytest.LogCaptureFixture) -> None:
    logger = logging.getLogger("kbassist.test.requests")
    mask_logs(logger)
    mask_logs(logger)  # attaching twice adds one filter
    assert len(logger.filters) == 1
    with caplog.at_level(logging.INFO, logger=logger.name):
        logger.info('"GET /search?q=temp+pw+%s HTTP/1.1" 200 -', "Summer2025%21")
        logger.info("plain line %s", "with nothing to mask")
    assert caplog.messages == [
        '"GET /search?q=temp pw •••••• HTTP/1.1" 200 -',
        "plain line with nothing to mask",
    ]


def test_the_pre_close_check_shows_the_draft_masked_and_blocks(loaded: dict[str, Any]) -> None:
    core: Core = loaded["core"]
    client, csrf = _signed_in_client(core)
    bearer = {"Authorization": f"Bearer {create_token(core, 'admin', 'precheck')}"}
    draft = "VPN fixed. Reset the account, temp pw Summer2025! given by phone. User confirmed."
    scored = client.post("/api/v1/score", json={"text": draft}, headers=bearer)
    body = scored.get_json()
    assert scored.status_code == 200 and body["blocking"]
    assert "temp pw ••••••" in body["text"]
    assert any(f["rule"] == "secret" and f["severity"] == "blocking" for f in body["findings"])
    page = client.post("/precheck", data={"text": draft, "csrf_token": csrf}).get_data(as_text=True)
    assert "temp pw ••••••" in page and "It is masked in the draft above" in page
    assert not _present("Summer2025!", scored.get_data(as_text=True) + page)


def test_an_error_message_quoting_a_secret_is_masked(loaded: dict[str, Any]) -> None:
    client, _ = _signed_in_client(loaded["core"])
    response = client.get("/scorecards?period=pw%20Err0r!Leak9")
    assert response.status_code == 400
    assert not _present("Err0r!Leak9", response.get_data(as_text=True))
