"""The token model: the learned second opinion beside the secret rules (session 7)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from kbassist.hygiene import SECRET, mask, sensitive_spans
from kbassist.hygiene.token_model import (
    TokenModel,
    bundled_path,
    candidate_features,
    is_candidate,
    shipped_model,
    tokens,
)
from kbassist.hygiene.token_training import LabelledText, fit, note_scores, read_labelled

# Written in session 7 for this test, not taken from any labelled file: a password given in
# prose with no keyword a rule reads.
UNANNOUNCED = [
    ("Told her it is Tramonto_2031 from now on, she will change it.", "Tramonto_2031"),
    ("She can log on with Kestrel_4410 until Friday.", "Kestrel_4410"),
    ("gave him Lavender_Moon_62 over the phone and he got in", "Lavender_Moon_62"),
    ("He is back in the mailbox with Winterberg77 as of this morning.", "Winterberg77"),
]


@pytest.mark.parametrize(("text", "value"), UNANNOUNCED)
def test_the_model_finds_a_password_no_rule_reads(text: str, value: str) -> None:
    rules = [s for s in sensitive_spans(text, learned=False) if s.rule == SECRET]
    assert rules == []
    found = [text[s.start : s.end] for s in sensitive_spans(text) if s.rule == SECRET]
    assert found == [value]
    assert value not in mask(text)


@pytest.mark.parametrize(
    "text",
    [
        "Serial PF4M2Z8K, asset TAG-00412, firmware 3.12.4 installed.",
        "Switch port Gi1/0/24 moved to VLAN 20, MAC 00:1A:2B:3C:4D:5E.",
        "Error 0x80070643, KB5034441, build 22631.4317, GUID 3f2504e0-4f89-11d3-9a0c-0305e82c3301",
        "Host key fingerprint SHA256:Xq3u0yK9b1Vf7cTzN4lR2mWcE8pHsJd6aGoYtQiBx5k confirmed.",
    ],
)
def test_identifiers_are_not_secrets_to_the_model(text: str) -> None:
    assert not any(span.rule == SECRET for span in sensitive_spans(text))


def test_the_model_never_overrides_a_rule() -> None:
    # The model scores the mobile's digits too; the personal-data rule's span stands.
    text = "Door code 4719#, alarm code 2580; her mobile 07700 900417."
    kinds = {(text[s.start : s.end], s.kind) for s in sensitive_spans(text)}
    assert ("07700 900417", "phone") in kinds


def test_a_named_value_is_split_from_its_name() -> None:
    text = 'db_password=Gr4nite!Db and pwd:"Abc12345" ok'
    found = [(text[start:end], token) for start, end, token in tokens(text)]
    assert all(text[start:end] == token for start, end, token in tokens(text))
    assert ("db_password", "db_password") in found and ("Gr4nite!Db", "Gr4nite!Db") in found
    assert ("Abc12345", "Abc12345") in found
    assert [token for _, _, token in tokens("see https://x.example/a:b")][-1] == (
        "https://x.example/a:b"
    )


@pytest.mark.parametrize(
    ("token", "expected"),
    [
        ("Summer2025!", True),
        ("koe-emmer-812", True),
        ("2580", True),
        ("password", False),  # a plain word
        ("Password", False),
        ("https://example.com/x1", False),
        ("jo.bloggs@example.com", False),
        ("••••••", False),
        ("********", False),
        ("<password>", False),
        ('app.getRange("A1").setValue(1)', False),  # code
        ("abc", False),
    ],
)
def test_candidates(token: str, expected: bool) -> None:
    assert is_candidate(token) is expected


def test_published_key_material_is_never_a_candidate() -> None:
    key = "BwgJCgsMDQ4PEBESExQVFhcYGRobHB0eHyAhIiMkJSY="
    text = f"[Peer]\nPublicKey = {key}\nAllowedIPs = 10.8.0.9/32"
    from kbassist.hygiene.public_material import public_ranges

    starts = [start for start, _, _ in candidate_features(text, public_ranges(text))]
    assert text.index(key) not in starts


def test_the_shipped_model_and_its_metadata() -> None:
    model = shipped_model()
    assert model is not None and 0.5 <= model.threshold < 1.0
    metadata = json.loads((bundled_path() / "metadata.json").read_text())
    assert metadata["trained_by"] == "bench/secret_tokens.py train"
    unread = metadata["never_read"]  # the next blind tests: never part of the training
    assert unread and all("secrets_blind" in name for name in unread)
    trained = set(metadata["trained_on"])
    assert not any(Path(name).stem.removeprefix("secrets_") in trained for name in unread)
    assert metadata["features_kept"] == len(model.weights)


def test_training_learns_a_context_and_round_trips(tmp_path: Path) -> None:
    # A made-up world in which whatever follows "zorp" is a secret and whatever follows
    # "ticket" is not: the fitted model must tell the two apart on unseen values.
    notes = []
    for i in range(40):
        value = f"Qx{i * 7919 % 10000:04d}k"
        notes.append(LabelledText(f"the zorp is {value} for now", True, False, (value,)))
        notes.append(
            LabelledText(f"the ticket is Rf{i * 104729 % 10000:04d}z now", False, False, ())
        )
    model = fit(notes, threshold=0.5)
    secret, reference = note_scores(
        model, ["the zorp is Mw5521q for now", "the ticket is Mw5521q now"]
    )
    assert secret >= 0.5 > reference
    saved = tmp_path / "weights.json"
    saved.write_text(model.to_json({"what": "test"}))
    again = TokenModel.load(saved)
    assert note_scores(again, ["the zorp is Mw5521q for now"]) == [secret]


def test_training_needs_both_classes() -> None:
    with pytest.raises(ValueError, match="both classes"):
        fit([LabelledText("ticket Rf1234z closed", False, False, ())], threshold=0.5)


def test_labelled_files_in_both_layouts(tmp_path: Path) -> None:
    path = tmp_path / "notes.jsonl"
    rows = [
        {
            "note": "pw Abc12345",
            "labels": {"secret": 1, "personal_data": 0},
            "values": ["Abc12345"],
        },
        {"text": "pin 4455 set", "secret": True, "value": "4455"},
        {"text": "nothing here", "secret": False},
    ]
    path.write_text("\n".join(json.dumps(row) for row in rows) + "\n")
    notes = read_labelled(path)
    assert [n.values for n in notes] == [("Abc12345",), ("4455",), None]
    path.write_text(json.dumps({"text": "no label"}) + "\n")
    with pytest.raises(ValueError, match=r"notes.jsonl:1: no 'secret' field"):
        read_labelled(path)


def test_the_fast_scorer_agrees_with_the_features() -> None:
    # hits() sums the context weights word by word; it must flag exactly the tokens whose
    # feature list, scored by probability(), reaches the threshold.
    model = shipped_model()
    assert model is not None
    cases = Path(__file__).parent / "data" / "hygiene_cases.jsonl"
    texts = [json.loads(line)["text"] for line in cases.read_text("utf-8").splitlines()]
    flagged = 0
    for text in texts:
        from kbassist.hygiene.public_material import public_ranges

        public = public_ranges(text)
        slow = [
            (start, end)
            for start, end, names in candidate_features(text, public)
            if model.probability(names) >= model.threshold
        ]
        assert [(start, end) for start, end, _ in model.hits(text, public)] == slow, text
        flagged += bool(slow)
    assert flagged > 20
