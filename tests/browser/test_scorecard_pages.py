"""Scorecards, documentation credit and the weekly review in a real browser, per role."""

from __future__ import annotations

import csv
import io
import re


def test_manager_reads_every_scorecard_a_card_and_the_csv(  # type: ignore[no-untyped-def]
    page, sign_in, screenshot
) -> None:
    sign_in("manager")
    page.click("header nav a:has-text('Scorecards')")
    # A picker of the months and quarters the data covers, not a free-text box.
    assert page.locator("input[name=period]").count() == 0
    months = page.locator("select[name=period] optgroup[label=Months] option")
    quarters = page.locator("select[name=period] optgroup[label=Quarters] option")
    assert months.count() >= 3 and quarters.count() >= 2
    # The browser demo is small: a quarter holds enough closed tickets for every card.
    newest = quarters.first
    label, title = newest.get_attribute("value"), newest.inner_text()
    assert label.split("-Q")[0] in title and title.startswith("Q")
    with page.expect_navigation():
        page.select_option("select[name=period]", label)  # picking a period shows it
    assert page.inner_text("h1") == f"Scorecards · {title}"
    # Every count says which period it is for ("Closed in Q4 2026").
    short = title.split(" (")[0].upper()
    headers = page.locator("table.scorecards thead th").all_inner_texts()
    assert any(short in h.upper() and "CLOSED" in h.upper() for h in headers), headers
    assert any(short in h.upper() and "HOURS SAVED" in h.upper() for h in headers)
    rows = page.locator("table.scorecards tbody tr")
    cards = rows.count()
    assert cards >= 3
    screenshot("scorecards")

    name = rows.first.locator("td a").inner_text()
    rows.first.locator("td a").click()
    assert page.inner_text("h1").startswith(name)
    assert page.locator("section.scorecard svg.chart").count() == 2
    card = page.inner_text("section.scorecard").lower()  # table headers are shown in capitals
    assert f"tickets closed in {short}".lower() in card and f"opened in {short}".lower() in card
    assert page.locator("select[name=period]").input_value() == label
    screenshot("scorecard")

    exported = page.request.get(f"/scorecards.csv?period={label}")
    table = list(csv.DictReader(io.StringIO(exported.text())))
    assert exported.status == 200 and len(table) == cards
    assert name in {row["technician"] for row in table}


def test_manager_follows_credit_to_the_trail_of_an_article(  # type: ignore[no-untyped-def]
    page, sign_in, screenshot
) -> None:
    sign_in("manager")
    page.click("header nav a:has-text('Credit')")
    assert page.inner_text("h1") == "Documentation credit"
    articles = page.locator("table.articles tbody tr")
    assert articles.count() >= 10
    statuses = set(page.locator("table.articles .badge").all_inner_texts())
    assert statuses <= {"credited", "no effect", "not enough data"}
    screenshot("credit")
    # The small browser demo has too few tickets for most verdicts: judged articles first.
    articles.first.locator("td a").first.click()
    main = page.inner_text("main")
    assert "How the number was computed" in main
    assert page.locator("ol.steps li").count() >= 4
    # Plain words first, the method named under them, then the statistics.
    headline = page.inner_text("p.headline")
    assert re.match(
        r"(Saved about [\d.]+ minutes per ticket, likely between|No measurable saving|"
        r"The tickets it served took about|Not enough data)",
        headline,
    ), headline
    method = page.inner_text("p.method")
    assert method.startswith("Method: Difference-in-differences")
    assert main.index(headline) < main.index(method) < main.index("How the number was computed")
    screenshot("credit-trail")
    # The article is a link that leads to it.
    page.click("a:has-text('Read the article')")
    assert page.locator("article.kb").count() == 1


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
    # The client table has its own heading, right above it.
    by_client = page.locator("h2:has-text('by client') + table.by-client")
    assert by_client.count() == 1
    assert page.locator("h2:has-text('by technician') + table.by-technician").count() == 1
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


def test_a_reviewer_is_refused_the_manager_pages(page, sign_in) -> None:  # type: ignore[no-untyped-def]
    sign_in("reviewer")
    nav = page.locator("header nav a").all_inner_texts()
    assert "Credit" not in nav and "Weekly" not in nav and "Scorecards" not in nav
    for path in ("/credit", "/weekly", "/scorecards"):
        assert page.goto(path).status == 403, path


def test_a_score_has_the_same_colour_in_the_queue_and_on_the_ticket_page(  # type: ignore[no-untyped-def]
    page, sign_in
) -> None:
    sign_in("manager")
    page.goto("/review")
    first = page.locator("ol.queue > li").first
    badge = first.locator(".card-head .badge")
    score, colour = badge.inner_text(), badge.get_attribute("class")
    first.locator("a.ticket").click()
    on_ticket = page.locator("h2:has-text('Closure note') .badge")
    assert on_ticket.inner_text() == score
    assert on_ticket.get_attribute("class") == colour
