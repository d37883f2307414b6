"""Secrets and personal data: flagged as blocking, masked wherever text is shown.

Adapted from tests/test_hygiene.py at 0eeacfd for the new detectors. Three
e-mail examples used company domains (contoso.com, x.com, y.org); the label guide
counts a work e-mail address as work identity, not personal data, so they now
use consumer domains (gmail.com, outlook.com, yahoo.com). Nothing else changed.
"""

from __future__ import annotations

import pytest

from kbassist.hygiene import find_sensitive, mask, sensitive_spans

SECRETS = [
    ("Reset password to Summer2024! and told the user", "Summer2024!"),
    ("password: hunter2", "hunter2"),
    ("Login admin pwd=Pa55word", "Pa55word"),
    ("Password for admin is Welcome#1 for now", "Welcome#1"),
    ("The wifi key is BlueSky#77", "BlueSky#77"),
    ("MFA code 483920 read out by the user", "483920"),
    # an access key's ID alone names the key (session 16): its secret half is the secret
    ("aws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYq7ZtW3mKeY in the script", "K7MDENG"),
    ("token ghp_abcdefghijklmnopqrstuvwxyz0123456789 leaked", "abcdefghijklmnopqrstuvwxyz"),
    ("mapped https://admin:S3cretPw@nas.local/share", "S3cretPw"),
    ("AccountName=x;AccountKey=abcdefghijklmnop1234567890==;", "abcdefghijklmnop1234567890"),
    ("creds: admin / P@ssw0rd", "P@ssw0rd"),
    (
        "-----BEGIN RSA PRIVATE KEY-----\nMIIEowIBAAKCAQEA\nq83fFQ==\n"
        "-----END RSA PRIVATE KEY-----",
        "MIIEowIBAAKCAQEA",
    ),
]


@pytest.mark.parametrize(("text", "secret"), SECRETS)
def test_secrets_are_blocking_and_masked(text: str, secret: str) -> None:
    findings = find_sensitive(text)
    assert [f.rule for f in findings] == ["secret"]
    assert findings[0].severity == "blocking"
    assert secret not in findings[0].message
    assert secret not in mask(text)


PERSONAL = [
    ("Call Jane on +44 20 7946 0958 tomorrow", "7946 09"),
    ("her number is (555) 123-4567", "123-45"),
    ("mobile: 07700 900123", "900123"),
    ("e-mailed jane.doe@gmail.com the steps", "jane.doe"),
    ("card 4111 1111 1111 1111 on file", "4111 1111 1111"),
]


@pytest.mark.parametrize(("text", "value"), PERSONAL)
def test_personal_data_is_blocking_and_masked(text: str, value: str) -> None:
    findings = find_sensitive(text)
    assert [f.rule for f in findings] == ["personal-data"]
    assert value not in mask(text)
    assert value not in findings[0].message


NOT_SENSITIVE = [
    "Password expired, user reset it via SSPR",
    "changed the password to a temporary one and forced a change at next sign-in",
    "pass to L2team1 please",
    "Event ID 4625 at 2024-01-15 10:32, build 10.0.19045.2965, IP 192.168.1.20",
    "error 0x80070005, KB5034441, port 443-8443, ticket #20240115-0032, serial 5CD1234XYZ",
    "Ran Get-ADUser -Filter * | Set-ADAccountPassword -Reset",
    "token: expired",
]


@pytest.mark.parametrize("text", NOT_SENSITIVE)
def test_ordinary_technical_text_is_left_alone(text: str) -> None:
    assert find_sensitive(text) == []
    assert mask(text) == text


def test_mask_keeps_the_rest_of_the_text() -> None:
    text = "Reset password to Summer2024! then mailed jane@outlook.com. Printer fixed."
    masked = mask(text)
    assert masked.startswith("Reset password to ")
    assert masked.endswith(" Printer fixed.")
    assert "Summer2024" not in masked and "jane@" not in masked


def test_findings_group_by_kind_and_count() -> None:
    findings = find_sensitive("a@gmail.com and b@yahoo.com; password: Secret123")
    by_rule = {f.rule: f for f in findings}
    assert set(by_rule) == {"secret", "personal-data"}
    assert "2 times" in by_rule["personal-data"].message


def test_overlapping_matches_are_masked_whole() -> None:
    spans = sensitive_spans("https://admin:S3cret@nas.local/share")
    assert len(spans) == 1 and spans[0].rule == "secret"


def test_empty_and_huge_texts() -> None:
    assert find_sensitive("") == [] and mask("") == ""
    huge = "-----BEGIN PRIVATE KEY-----" * 20_000  # headers without END lines
    assert "BEGIN" not in mask(huge)


# ---------------------------------------------------------------- what a mask leaves behind


@pytest.mark.parametrize(
    ("text", "rule"),
    [
        ("Reset the account, temp pw Summer2025! by phone.", "secret"),
        ("aws_secret_access_key=wJalrXUtnFEMI/K7MDENG/bPxRfiCYq7ZtW3mKeY", "secret"),
        ("Scan profile ftp://scan:Wagner!Scan2024@192.168.178.20/scans", "secret"),
        (
            "-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNz\n-----END OPENSSH PRIVATE KEY-----",
            "secret",
        ),
        ("Call her personal mobile 07700 900417 after five.", "personal-data"),
        ("Sent it to her private address jane.doe@gmail.com.", "personal-data"),
        ("Identity checked with DOB 14/03/1987.", "personal-data"),
        ("Card 4111111111111111 read out on the call.", "personal-data"),
    ],
)
def test_a_masked_text_keeps_its_blocking_finding_and_masks_to_itself(text: str, rule: str) -> None:
    masked = mask(text)
    assert masked != text and mask(masked) == masked
    findings = find_sensitive(masked)
    assert [f.rule for f in findings] == [rule] and findings[0].severity == "blocking"
    assert "masked" in findings[0].message


def test_a_single_bullet_is_a_list_marker_not_a_mask() -> None:
    assert find_sensitive("• Rebooted the server\n• Cleared the queue") == []


@pytest.mark.parametrize(
    "text",
    [
        "Serial 4111111111111111 on the chassis label.",
        "IMEI 356938035643809 registered in Intune.",
        "Order 4111111111111111 for the toner.",
        "Build 1234567890123 failed.",
    ],
)
def test_long_numbers_that_are_not_cards_are_left_alone(text: str) -> None:
    assert mask(text) == text


def test_a_keyword_at_the_end_of_a_snake_case_name_announces_a_value() -> None:
    assert mask("db_password=Gr4nite!Db and password_last_set=2024-01-01") == (
        "db_password=•••••• and password_last_set=2024-01-01"
    )
