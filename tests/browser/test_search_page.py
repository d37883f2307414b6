"""The search page in a real browser: results, did-you-mean, opening a result, similar tickets."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from kbassist import store


def test_a_tech_finds_the_article_for_a_misspelt_error(
    page, sign_in, screenshot, demo_core
) -> None:  # type: ignore[no-untyped-def]
    sign_in("tech")
    page.click("header nav a:has-text('Search')")
    page.fill("input[name=q]", "forticlient vpn stuck at 98% eror -14")
    page.press("input[name=q]", "Enter")
    page.wait_for_selector("ol.results > li.result")
    first = page.locator("ol.results > li.result").first
    assert first.get_attribute("data-id") == "KB-0007"
    assert first.locator(".kind").inner_text().lower() == "article"
    assert first.locator(".snippet mark").count() >= 1  # the query's words are highlighted
    assert "playbook" in first.locator(".meta").inner_text()
    assert "error" in page.locator(".did-you-mean").inner_text()
    screenshot("search-results")
    first.locator("a.title").click()
    page.wait_for_url("**/articles/KB-0007*")
    with demo_core.connect() as conn:
        opened = conn.execute(
            select(store.search_log.c.opened_id).order_by(store.search_log.c.id.desc()).limit(1)
        ).scalar_one()
    assert opened == "article:KB-0007"


def test_did_you_mean_runs_the_corrected_search(page, sign_in) -> None:  # type: ignore[no-untyped-def]
    sign_in("tech")
    page.goto("/search?q=outlok+pasword+prompt")
    page.click(".did-you-mean a")
    page.wait_for_url("**q=outlook*")
    assert page.input_value("input[name=q]") == "outlook password prompt"
    assert page.locator("ol.results > li.result").count() >= 1


def test_similar_tickets_panel(page, sign_in, screenshot) -> None:  # type: ignore[no-untyped-def]
    sign_in("tech")
    page.goto("/search")
    page.fill("#ticket-title", "Print spooler keeps stopping")
    page.fill("#ticket-description", "Jobs stuck in the print queue, nothing prints.")
    page.click(".similar button[type=submit]")
    page.wait_for_selector("ol.similar-results > li")
    items = page.locator("ol.similar-results > li")
    assert items.count() == 5
    assert "Closure note" in items.first.inner_text()
    screenshot("search-similar")


def test_filters_and_hostile_input(page, sign_in) -> None:  # type: ignore[no-untyped-def]
    sign_in("tech")
    page.goto("/search?q=printer&kind=ticket")
    kinds = page.locator("ol.results .kind").all_inner_texts()
    assert kinds and {k.lower() for k in kinds} == {"ticket"}
    response = page.goto("/search?q=AND+OR+(%22")
    assert response.status == 200
    assert page.locator(".no-results").count() == 1


@pytest.mark.parametrize("role", ["tech", "reviewer", "manager", "admin"])
def test_every_role_can_search(page, sign_in, role: str) -> None:  # type: ignore[no-untyped-def]
    sign_in(role)
    assert page.locator("header nav a", has_text="Search").count() == 1
    page.goto("/search?q=mfa+authenticator")
    assert page.locator("ol.results > li.result").count() >= 1


def test_answers_first_and_a_family_expands_in_place(page, sign_in, screenshot) -> None:  # type: ignore[no-untyped-def]
    sign_in("tech")
    page.goto("/search?q=new+phone+cannot+approve+MFA+sign-in")
    answers = page.locator("section.answers ol.answers-list > li.result")
    assert answers.count() >= 1
    assert {k.lower() for k in answers.locator(".kind").all_inner_texts()} == {"article"}
    assert answers.first.get_attribute("data-id") in {"KB-0002", "KB-0030"}
    family = page.locator("ol.others > li.result[data-kind=ticket]:has(button.expand)").first
    button = family.locator("button.expand")
    count = int(button.get_attribute("data-count"))
    assert count >= 1 and button.inner_text() == f"+{count} similar"
    listing = family.locator("ul.similar-list")
    assert listing.is_hidden()
    url = page.url
    button.click()
    assert listing.is_visible() and page.url == url  # in place: no navigation
    assert button.get_attribute("aria-expanded") == "true"
    assert listing.locator("li[data-id]").count() == min(count, 20)
    screenshot("search-answers-family")


def test_the_search_page_works_from_the_keyboard(page, sign_in) -> None:  # type: ignore[no-untyped-def]
    sign_in("tech")
    page.goto("/search")
    # The box may hold the focus already (autofocus, applied or not depending on the
    # browser's own focus): "/" is a shortcut from elsewhere on the page, so start there.
    page.evaluate("document.activeElement && document.activeElement.blur()")
    page.keyboard.press("/")
    assert page.evaluate("document.activeElement.name") == "q"
    page.keyboard.type("new phone cannot approve MFA sign-in")
    page.keyboard.press("Enter")
    page.wait_for_selector("ol.results > li.result")
    page.wait_for_load_state()  # the deferred search.js has run: its keys are listened to
    assert "/" not in page.input_value("input[name=q]")
    page.evaluate("document.activeElement && document.activeElement.blur()")
    page.keyboard.press("/")
    assert page.evaluate("document.activeElement.name") == "q"
    page.keyboard.press("ArrowDown")  # from the box to the first result
    assert page.evaluate(
        "document.activeElement === document.querySelector('ol.results > li.result > a.title')"
    )
    titles = page.locator("ol.results > li.result > a.title")
    # Down to the first ticket entry with a collapsed family, then expand it with "+".
    index = next(
        i
        for i in range(titles.count())
        if titles.nth(i).locator("xpath=..").locator("button.expand").count()
    )
    for _ in range(index):
        page.keyboard.press("ArrowDown")
    item = titles.nth(index).locator("xpath=..")
    page.keyboard.press("+")
    # Waited for, not read at once: on a loaded machine the page may take a moment to draw.
    item.locator("ul.similar-list").wait_for(state="visible", timeout=15_000)
    page.keyboard.press("ArrowLeft")
    item.locator("ul.similar-list").wait_for(state="hidden", timeout=15_000)
    page.keyboard.press("Enter")  # opens the focused result
    page.wait_for_url("**/tickets/**")


def test_an_absent_code_is_said_above_the_results(page, sign_in) -> None:  # type: ignore[no-untyped-def]
    sign_in("tech")
    page.goto("/search?q=0x80070005+access+denied+installing")
    notice = page.locator("p.absent")
    assert "No result contains 0x80070005" in notice.inner_text()
    assert page.locator("ol.results > li.result").count() >= 1
