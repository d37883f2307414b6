"""Scorecards, documentation credit and the weekly review in a real browser, per role."""

from __future__ import annotations

import csv
import io


def test_manager_reads_every_scorecard_a_card_and_the_csv(  # type: ignore[no-untyped-def]
    page, sign_in, screenshot
) -> None:
    sign_in("manager")
    page.click("header nav a:has-text('Scorecards')")
    # The browser demo is small: a quarter holds enough closed tickets for every card.
    page.fill("input[name=period]", "quarter")
    page.click("button:has-text('Show')")
    assert page.inner_text("h1").startswith("Scorecards")
    rows = page.locator("table.scorecards tbody tr")
    cards = rows.count()
    assert cards >= 3
    screenshot("scorecards")

    name = rows.first.locator("td a").inner_text()
    rows.first.locator("td a").click()
    assert page.inner_text("h1").startswith(name)
    assert page.locator("section.scorecard svg.chart").count() == 2
    assert "Hours saved credited" in page.inner_text("section.scorecard")
    screenshot("scorecard")

    exported = page.request.get("/scorecards.csv?period=quarter")
    table = list(csv.DictReader(io.StringIO(exported.text())))
    assert exported.status == 200 and len(table) == cards
    assert name in {row["technician"] for row in table}


def test_manager_follows_credit_to_the_trail_of_an_article(  # type: ignore[no-untyped-def]
    page, sign_in, screenshot
) -> None:
    sign_in("manager")
    page.goto("/credit")
    articles = page.locator("table.articles tbody tr")
    assert articles.count() >= 10
    statuses = set(page.locator("table.articles .badge").all_inner_texts())
    assert statuses <= {"credited", "no effect", "not enough data"}
    screenshot("credit")
    articles.first.locator("td a").first.click()
    assert "How the number was computed" in page.inner_text("main")
    assert page.locator("ol.steps li").count() >= 4
    screenshot("credit-trail")


def test_weekly_review_prints_without_the_navigation(  # type: ignore[no-untyped-def]
    page, sign_in, screenshot
) -> None:
    sign_in("manager")
    page.click("header nav a:has-text('Weekly')")
    main = page.inner_text("main")
    for section in (
        "Ticket aging",
        "Closure notes below the bar",
        "New and growing gaps",
        "Most credited articles",
        "Stale articles",
    ):
        assert section in main
    assert page.locator("table.aging tbody tr").count() == 8
    screenshot("weekly")
    page.emulate_media(media="print")
    assert not page.locator("header.topbar").is_visible()
    assert page.locator("table.aging").is_visible()
    exported = page.request.get("/weekly.csv")
    assert exported.status == 200 and exported.text().startswith("section,item,week,metric,value")


def test_a_tech_sees_only_their_own_card(page, sign_in, screenshot) -> None:  # type: ignore[no-untyped-def]
    sign_in("tech")
    page.click("header nav a:has-text('Scorecards')")
    assert page.inner_text("h1").startswith("Dana Whitfield")
    assert "All scorecards" not in page.inner_text("main")
    screenshot("scorecard-tech")
    own = int(page.url.split("/scorecards/")[1].split("?")[0])
    for path in (
        f"/scorecards/{own + 1}",
        f"/scorecards.csv?technician_id={own + 1}",
        "/credit",
        "/weekly",
        "/weekly.csv",
    ):
        response = page.goto(path) if not path.endswith("csv") else None
        status = response.status if response else page.request.get(path).status
        assert status == 403, path
    rows = list(csv.DictReader(io.StringIO(page.request.get("/scorecards.csv").text())))
    assert [row["technician"] for row in rows] == ["Dana Whitfield"]
