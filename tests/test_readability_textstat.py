"""The readability module's copies of textstat's word list and sentence count agree with it."""

from __future__ import annotations

import pytest

from kbassist.quality import readability

TEXTS = [
    "",
    "Rebooted the server. Outlook works again!",
    "User's mailbox was full... cleared it? Yes. Done",
    "Ran `ipconfig /flushdns` -- then gpupdate /force; it's fixed (users' drives mapped).",
    "a.b c!d e?f 'quoted' don't we've they'll you're 'tis",
    "İstanbul ΣΟΦΟΣ naïve café – em—dash … “smart quotes” ’",
    "line one\nline two\tthree\u00a0four\u2028five\x1csix",
    "!!! ??? ... ,,, ---",
    "one two. three four five six. seven.",
]


@pytest.mark.parametrize("text", TEXTS)
def test_word_list_and_sentences_match_textstat(text: str) -> None:
    readability.load_textstat()
    from textstat.backend.counts import count_sentences
    from textstat.backend.selections import list_words

    assert readability._bare_text(text).lower().split() == list_words(text, lowercase=True)
    assert readability._count_sentences(text) == count_sentences(text)
