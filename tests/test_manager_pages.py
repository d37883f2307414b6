"""The manager's pages (issue 11, item 6): badge colours, navigation, periods, links, the port.

Browser versions of the page checks are in tests/browser/test_scorecard_pages.py.
"""

from __future__ import annotations

import re
from datetime import datetime
from pathlib import Path

import pytest

from kbassist import store
from kbassist.credit.periods import period_choices, period_title
from kbassist.webapp.badges import BAND_MARGIN, score_band

TEMPLATES = Path(__file__).parent.parent / "web" / "templates"


# ---------------------------------------------------------------- one rule for badge colours


def test_a_score_has_one_band_against_the_bar() -> None:
    assert [score_band(s, 60) for s in (0, 59.9, 60, 74.9, 75, 100)] == [
        "poor",
        "poor",
        "fair",
        "fair",
        "good",
        "good",
    ]
    assert BAND_MARGIN == 15
    # The bar moves the bands: a 57 is amber for a team whose bar is 50.
    assert score_band(57, 50) == "fair"


BADGE_PAGES = (
    "tickets/view.html",
    "review/queue.html",
    "review/precheck.html",
    "articles/index.html",
    "articles/view.html",
    "search/page.html",
    "gaps/family.html",
)


def test_every_score_badge_takes_its_colour_from_the_one_rule() -> None:
    # A template that shows a score badge calls the shared macro (which uses the `band`
    # filter); none compares a score itself or names a threshold.
    for path in TEMPLATES.rglob("*.html"):
        text = path.read_text()
        relative = str(path.relative_to(TEMPLATES))
        for attribute in re.findall(r'class="badge[^"]*"', text):
            # A score badge takes the band filter; the credit status badge maps its words.
            assert "|band" in attribute or "'credited'" in attribute, (relative, attribute)
            assert not re.search(r"[<>]=?\s*\d", attribute), (relative, attribute)
        assert not re.search(r"score\s*[<>]=?\s*\d|quality\s*[<>]=?\s*\d", text), relative
        assert "bar + " not in text, relative
    for relative in BADGE_PAGES:
        assert "score_badge(" in (TEMPLATES / relative).read_text(), relative


def test_the_same_score_gets_the_same_colour_on_every_page(app) -> None:  # type: ignore[no-untyped-def]
    # Render the macro every badge page calls, for scores around the bar.
    with app.test_request_context("/"):
        macro = app.jinja_env.get_template("_macros.html").module.score_badge
        bar = app.extensions["kbassist"].settings["NOTE_QUALITY_BAR"]
        for score in (12, 57, 59.6, 60, 73, 75, 98):
            html = str(macro(score))
            assert f'class="badge {score_band(score, bar)}"' in html, (score, html)
            assert html == str(macro(score))
        assert 'class="badge poor"' in str(macro(57))  # red in the queue and on ticket pages


def test_a_credit_verdict_not_reached_is_not_shown_as_a_bad_one(app) -> None:  # type: ignore[no-untyped-def]
    # Red is for a poor score; "not enough data" says nothing about the article.
    with app.test_request_context("/"):
        status = app.jinja_env.get_template("scorecards/_macros.html").module.status
        colours = {
            value: re.search(r'class="badge (\w+)"', str(status(value))).group(1)
            for value in ("credited", "no effect", "not enough data")
        }
    assert colours == {"credited": "good", "no effect": "fair", "not enough data": "muted"}
    assert ".badge.muted" in (TEMPLATES.parent / "static" / "app.css").read_text()


def test_ticket_page_and_review_queue_colour_a_57_alike(loaded, users, login, client) -> None:  # type: ignore[no-untyped-def]
    with loaded.begin() as conn:
        ticket_id = conn.execute(store.note_scores.select()).first().ticket_id
        conn.execute(
            store.note_scores.update()
            .where(store.note_scores.c.ticket_id == ticket_id)
            .values(score=57.0)
        )
    login("manager")
    page = client.get(f"/tickets/{ticket_id}").text
    assert '<span class="badge poor">57</span>' in page


# ---------------------------------------------------------------- navigation and refusals


@pytest.mark.parametrize(
    ("role", "sees_credit"), [("tech", False), ("reviewer", False), ("manager", True)]
)
def test_credit_is_in_the_navigation_of_those_who_may_open_it(  # type: ignore[no-untyped-def]
    loaded, users, login, client, role: str, sees_credit: bool
) -> None:
    login(role)
    nav = re.search(r'<nav aria-label="Main">(.*?)</nav>', client.get("/").text, re.S).group(1)
    assert ('href="/credit"' in nav) is sees_credit
    for path in ("/credit", "/weekly"):
        assert client.get(path).status_code == (200 if sees_credit else 403), (role, path)


# ---------------------------------------------------------------- periods


def test_periods_read_as_words_and_the_picker_lists_what_the_data_covers() -> None:
    assert period_title("2024-05") == "May 2024"
    assert period_title("2024-Q3") == "Q3 2024 (Jul to Sep)"
    months, quarters = period_choices(datetime(2023, 11, 20), datetime(2024, 2, 3))
    assert [label for label, _ in months] == ["2024-02", "2024-01", "2023-12", "2023-11"]
    assert [label for label, _ in quarters] == ["2024-Q1", "2023-Q4"]
    assert period_choices(None, None) == ((), ())
    long_ago = period_choices(datetime(2010, 1, 1), datetime(2024, 2, 3), months=3, quarters=2)
    assert [len(part) for part in long_ago] == [3, 2]


# ---------------------------------------------------------------- missing articles


def test_a_ticket_citing_an_article_not_in_the_kb_shows_it_as_missing(  # type: ignore[no-untyped-def]
    loaded, users, login, client
) -> None:
    from kbassist.auth import create_token

    links = store.ticket_article_links
    with loaded.begin() as conn:
        ticket_id, known = conn.execute(links.select()).first()  # a link to an ingested article
        conn.execute(links.insert().values(ticket_id=ticket_id, article_id="KB-GONE"))
    login("tech")
    page = client.get(f"/tickets/{ticket_id}").text
    assert "KB-GONE (missing)" in page and 'href="/articles/KB-GONE"' not in page
    assert f'href="/articles/{known}"' in page
    headers = {"Authorization": f"Bearer {create_token(loaded, 'tech')}"}
    data = client.get(f"/api/v1/tickets/{ticket_id}", headers=headers).get_json()
    assert data["missing_articles"] == ["KB-GONE"] and "KB-GONE" in data["articles"]


# ---------------------------------------------------------------- the first run


def test_demo_output_does_not_promise_a_port(runner) -> None:  # type: ignore[no-untyped-def]
    from kbassist.cli.admin import _render_demo

    text = _render_demo(
        {
            "home": "instance",
            "tickets": 10,
            "articles": 2,
            "users": [{"role": "tech", "username": "tech", "password": "pw"}],
        }
    )
    assert ":5000" not in text and "kbassist serve" in text


def test_serve_prints_the_port_it_actually_serves(runner, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from werkzeug.serving import BaseWSGIServer

    bound: list[int] = []

    def serve_once(self) -> None:  # type: ignore[no-untyped-def]
        bound.append(self.server_port)
        self.server_close()

    from kbassist.jobs.sync import IndexSync

    monkeypatch.setattr(BaseWSGIServer, "serve_forever", serve_once)
    monkeypatch.setattr(IndexSync, "start", lambda self: None)  # no catch-up thread left behind
    monkeypatch.setenv("PROMETHEUS_MULTIPROC_DIR", "")  # serve sets it; restored after the test
    result = runner.invoke(["serve", "--dev", "--no-worker", "--port", "0"])
    assert result.exit_code == 0, result.output
    assert bound and bound[0] > 0
    assert f"kbassist serving on http://127.0.0.1:{bound[0]}" in result.output


def test_gunicorn_prints_the_port_it_actually_bound(capsys) -> None:  # type: ignore[no-untyped-def]
    import socket
    from types import SimpleNamespace

    from kbassist.webapp.server import gunicorn_options

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))  # what gunicorn does with --port 0 before when_ready
        bound = sock.getsockname()[1]
        options = gunicorn_options("127.0.0.1", 0, 2, 4, 120, "INFO")
        options["when_ready"](SimpleNamespace(LISTENERS=[SimpleNamespace(sock=sock)]))
    assert f"kbassist serving on http://127.0.0.1:{bound}" in capsys.readouterr().err
