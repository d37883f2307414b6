"""Each kind of secret and personal data is flagged and masked; each hard negative is left alone.

Two case files, written by hand for these detectors (none comes from the closure-note
batches). ``data/hygiene_cases.jsonl``: ``secret`` and ``personal`` say what the text
holds, ``kind`` names the case, ``value`` (when there is one) must not survive ``mask``.
``data/hygiene_written.jsonl``: four rounds of notes written the way technicians write
them (``round``), each measured before the detectors were changed for it (see
docs/secrets.md); ``known_miss`` marks the three the detectors still miss.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from kbassist.hygiene import (
    BULLETS,
    KINDS,
    PERSONAL,
    SECRET,
    find_sensitive,
    mask,
    sensitive_spans,
)
from kbassist.hygiene.secret_scanner import scanner_hits

CASES = [
    json.loads(line)
    for line in (Path(__file__).parent / "data" / "hygiene_cases.jsonl")
    .read_text("utf-8")
    .splitlines()
]
POSITIVE = [case for case in CASES if case["secret"] or case["personal"]]
NEGATIVE = [case for case in CASES if not (case["secret"] or case["personal"])]
WRITTEN = [
    json.loads(line)
    for line in (Path(__file__).parent / "data" / "hygiene_written.jsonl")
    .read_text("utf-8")
    .splitlines()
]


# tests/data/secrets_variants.jsonl: four rounds written by hand in session 3, each
# measured once before the detectors were changed for it (docs/secrets.md has the figures);
# ``known_miss`` marks the one the detectors still miss.
VARIANTS = [
    json.loads(line)
    for line in (Path(__file__).parent / "data" / "secrets_variants.jsonl")
    .read_text("utf-8")
    .splitlines()
]


def _id(case: dict[str, Any]) -> str:
    return f"{case['kind']}: {case['text'][:50]}"


@pytest.mark.parametrize(
    "case",
    [c for c in WRITTEN if c["secret"] and not c.get("known_miss")],
    ids=lambda c: f"{c['round']}: {c['text'][:50]}",
)
def test_written_secrets_are_flagged_and_masked(case: dict[str, Any]) -> None:
    assert any(span.rule == SECRET for span in sensitive_spans(case["text"]))
    assert case["value"] not in mask(case["text"])


@pytest.mark.parametrize(
    "case",
    [c for c in WRITTEN if not c["secret"]],
    ids=lambda c: f"{c['round']}: {c['text'][:50]}",
)
def test_written_notes_without_a_secret_are_not_flagged(case: dict[str, Any]) -> None:
    assert not any(span.rule == SECRET for span in sensitive_spans(case["text"]))


def _variant_id(case: dict[str, Any]) -> str:
    return f"{case['round']} {case['kind']}: {case['text'][:40]}"


@pytest.mark.parametrize(
    "case",
    [c for c in VARIANTS if c["label"] != "none" and not c.get("known_miss")],
    ids=_variant_id,
)
def test_variants_are_flagged_and_every_value_masked(case: dict[str, Any]) -> None:
    rules = {span.rule for span in sensitive_spans(case["text"])}
    assert (SECRET in rules) == case["secret"]
    assert (PERSONAL in rules) == case["personal"]
    masked = mask(case["text"])
    assert [value for value in case["values"] if value in masked] == []


@pytest.mark.parametrize("case", [c for c in VARIANTS if c["label"] == "none"], ids=_variant_id)
def test_variant_hard_negatives_are_left_alone(case: dict[str, Any]) -> None:
    assert sensitive_spans(case["text"]) == []
    assert mask(case["text"]) == case["text"]


def test_the_variants_cover_every_kind_and_language_asked_for() -> None:
    kinds = {case["kind"] for case in VARIANTS}
    wanted = {
        "password", "laps", "credential_pair", "command_line", "url_credentials",
        "connection_string", "snmp", "radius", "psk", "wifi_key", "wifi_voucher", "mfa_code",
        "recovery_code", "mfa_seed", "bitlocker_key", "recovery_key", "wireguard_key",
        "openvpn_key", "private_key", "app_password", "licence_key", "api_token", "door_code",
        "voicemail_pin", "pin", "phone", "home_address", "email", "date_of_birth",
        "bank_account", "national_id", "guid", "hash", "mac_address", "serial_number",
        "ip_address", "kb_number", "error_code", "event_id", "mention", "version", "ticket_id",
        "vendor_line", "work_phone", "work_email", "public_key",
    }  # fmt: skip
    assert wanted <= kinds
    assert {case["lang"] for case in VARIANTS} == {"en", "de", "es", "fr", "nl", "pt", "it"}
    assert len(VARIANTS) >= 150
    misses = [case for case in VARIANTS if case.get("known_miss")]
    documented = (Path(__file__).parent.parent / "docs" / "secrets.md").read_text()
    assert len(misses) == 1 and all(v in documented for c in misses for v in c["values"])
    assert all(value in case["text"] for case in VARIANTS for value in case["values"])


def test_the_known_misses_are_few_and_documented() -> None:
    misses = [c for c in WRITTEN if c.get("known_miss")]
    assert len(misses) == 3
    documented = (Path(__file__).parent.parent / "docs" / "secrets.md").read_text()
    assert all(c["value"] in documented for c in misses)


def test_the_case_file_covers_every_kind_asked_for() -> None:
    kinds = {case["kind"] for case in CASES}
    wanted = {
        "password", "credential_pair", "pin", "voicemail_pin", "wifi_key", "wifi_voucher",
        "mfa_code", "recovery_code", "bitlocker_key", "wireguard_key", "openvpn_key",
        "private_key", "connection_string", "url_credentials", "licence_key", "door_code",
        "phone", "email", "home_address", "date_of_birth", "national_id", "bank_account",
        "guid", "hash", "mac_address", "serial_number", "ip_address", "kb_number",
        "error_code", "event_id", "mention", "work_email", "work_extension",
    }  # fmt: skip
    assert wanted <= kinds
    assert len(CASES) >= 60


@pytest.mark.parametrize("case", POSITIVE, ids=_id)
def test_sensitive_values_are_flagged_and_masked(case: dict[str, Any]) -> None:
    text = case["text"]
    rules = {span.rule for span in sensitive_spans(text)}
    assert (SECRET in rules) == case["secret"]
    assert (PERSONAL in rules) == case["personal"]
    masked = mask(text)
    assert case["value"] not in masked
    findings = find_sensitive(text)
    assert findings and all(f.severity == "blocking" for f in findings)
    assert all(case["value"] not in f.message for f in findings)


@pytest.mark.parametrize("case", NEGATIVE, ids=_id)
def test_hard_negatives_are_left_alone(case: dict[str, Any]) -> None:
    assert sensitive_spans(case["text"]) == []
    assert find_sensitive(case["text"]) == []
    assert mask(case["text"]) == case["text"]


@pytest.mark.parametrize(
    ("text", "shown"),
    [
        ("temp pw Summer2025!", f"temp pw {BULLETS}"),
        ("Kennwort zurückgesetzt auf Sonne2025!", f"Kennwort zurückgesetzt auf {BULLETS}"),
        ("Wi-Fi key: BlueHarbour!22", f"Wi-Fi key: {BULLETS}"),
        ("admin / C@stle!Fgt80", f"admin / {BULLETS}"),
        ("Duo bypass code 731 204 889 issued", f"Duo bypass code {BULLETS} issued"),
        (
            "key AKIAIOSFODNN7QX4ZR2M and secret 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 here",
            f"key AKIA{BULLETS} and secret {BULLETS} here",
        ),
    ],
)
def test_mask_keeps_the_label_word_readable(text: str, shown: str) -> None:
    assert mask(text) == shown


def test_spans_carry_kind_rule_and_label() -> None:
    text = "BitLocker recovery key 412654-118932-503427-661210-083391-294865-710028-345961"
    (span,) = sensitive_spans(text)
    assert (span.kind, span.rule, span.is_secret) == ("bitlocker_key", SECRET, True)
    assert span.label == "BitLocker recovery key"
    (phone,) = sensitive_spans("her personal mobile is 07700 900417")
    assert (phone.kind, phone.rule, phone.is_secret) == ("phone", PERSONAL, False)
    assert phone.replacement.endswith("17") and "900" not in phone.replacement


@pytest.mark.parametrize(
    "text",
    [
        "Contacts for the site: Office 01632 960100, her mobile 07700 900123.",
        "Reception 0161 496 0555, his own mobile 07700 900412 for out-of-hours.",
    ],
)
def test_whose_phone_said_after_names_the_next_number(text: str) -> None:
    # "her mobile" after the office number is the label of the number after it (session 11)
    assert [text[span.start : span.end] for span in sensitive_spans(text)] == [
        text.split("mobile ")[1][:12]
    ]


def test_every_kind_has_a_rule_and_a_label() -> None:
    assert all(kind.rule in {SECRET, PERSONAL} and kind.label for kind in KINDS.values())


def test_findings_name_the_kind_once_each() -> None:
    text = "Door code 4719#, alarm code 2580; her mobile 07700 900417."
    findings = find_sensitive(text)
    messages = sorted(f.message.split(" appears")[0] for f in findings)
    assert messages == ["A door or alarm code", "A personal phone number"]
    assert "2 times" in next(f.message for f in findings if "door" in f.message)


def test_private_keys_are_removed_whole() -> None:
    text = (
        "key:\n-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXkt\n"
        "-----END OPENSSH PRIVATE KEY-----"
    )
    assert mask(text) == "key:\n[private key removed]"


def test_detect_secrets_plugins_are_used_for_machine_tokens() -> None:
    text = "webhook token ghp_Z8k2Lm4Pq7Rs9Tv1Wx3Yz5Ab6Cd8Ef0Gh2Ij4 in the script"
    assert [(text[s:e], kind) for s, e, kind in scanner_hits(text)][:1] == [
        ("ghp_Z8k2Lm4Pq7Rs9Tv1Wx3Yz5Ab6Cd8Ef0Gh2Ij4", "api_key")
    ]
    assert scanner_hits("IP 203.0.113.45 and hash e3b0c44298fc1c149afbf4c8996fb92427ae41e4") == []


def test_a_secret_after_a_megabyte_is_still_masked() -> None:
    text = "Reset the password and checked the VPN. " * 25_000 + "temp pw Hunter22!x"
    assert "Hunter22" not in mask(text)


@pytest.mark.parametrize(
    "case",
    [c for c in CASES if "of the rules alone" in c["origin"]],
    ids=_id,
)
def test_the_rules_alone_find_what_they_were_mended_for(case: dict[str, Any]) -> None:
    # session 16: the token model already caught these; the rules learned them so a value
    # does not hang on the model's second opinion alone
    spans = sensitive_spans(case["text"], learned=False)
    assert any(span.rule == SECRET for span in spans) == case["secret"]
    if case.get("value"):
        assert case["value"] not in mask(case["text"], spans)


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("Visit Tuesday: digicode parking 7B204, then the lift to the second floor.", "7B204"),
        ("Back gate keypad cde 8133 then star; spare fob in the drawer.", "8133"),
        ("The door code reset at 0930 went fine; nobody reported problems.", None),
        ("Key safe code changed again. Lockbox serial KS-3391 is on the asset list.", None),
    ],
)
def test_a_door_code_may_stand_a_word_after_its_keyword(text: str, code: str | None) -> None:
    # session 17: the rules read a code past one or two words naming its place ("parking"),
    # never past a verb and a time or a serial's word (the token model is left out: it has
    # its own opinion of "0930")
    found = [text[s.start : s.end] for s in sensitive_spans(text, learned=False)]
    assert found == ([code] if code else [])
