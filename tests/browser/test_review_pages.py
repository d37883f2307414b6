"""The review queue and the pre-close check in a real browser, for the roles that may use them."""

from __future__ import annotations


def test_reviewer_labels_a_note_from_the_queue(  # type: ignore[no-untyped-def]
    page, sign_in, screenshot
) -> None:
    sign_in("reviewer")
    page.goto("/review")
    assert page.inner_text("h1") == "Review queue"
    first = page.locator("ol.queue > li").first
    ticket_id = first.get_attribute("data-ticket")
    assert first.locator(".chip").count() == 6  # the criteria, as chips
    # The long advice is there on demand, folded away.
    assert first.locator("details.advice").count() == 1
    assert not first.locator("details.advice .findings").is_visible()
    screenshot("review-queue")
    first.locator("details.advice summary").click()
    assert first.locator("details.advice .findings li").first.is_visible()
    first.locator("input[name=label][value=needs-work]").check()
    first.locator("details.comment summary").click()
    first.locator("input[name=reason]").fill("no cause, steps not repeatable")
    first.locator("input[name=comment]").fill("Name the cause and list the commands you ran.")
    first.locator("button[type=submit]").click()
    page.wait_for_selector(".notice")
    assert ticket_id in page.inner_text(".notice")
    # A labelled note leaves the queue.
    assert page.locator(f"ol.queue > li[data-ticket='{ticket_id}']").count() == 0


def test_reviewer_flips_a_criterion_from_the_keyboard(  # type: ignore[no-untyped-def]
    page, sign_in, demo_core
) -> None:
    from sqlalchemy import select

    from kbassist import store

    sign_in("reviewer")
    page.goto("/review")
    page.keyboard.press("j")  # the first card
    card = page.locator("ol.queue > li.current")
    ticket_id = card.get_attribute("data-ticket")
    cause = card.locator(".chip[data-criterion=cause] input")
    was = cause.is_checked()
    page.keyboard.press("3")  # cause is the third chip
    assert cause.is_checked() is not was
    assert card.locator(".chip[data-criterion=cause]").get_attribute("data-met") == (
        "no" if was else "yes"
    )
    shown = {
        name: card.locator(f".chip[data-criterion={name}] input").is_checked()
        for name in ("problem", "environment", "cause", "steps", "verification", "followup")
    }
    page.keyboard.press("n")
    assert card.locator("input[data-verdict=n]").is_checked()
    page.keyboard.press("s")
    page.wait_for_selector(".notice")
    assert ticket_id in page.inner_text(".notice")
    # Ready for the next note: app.js selects the first card once it has run, which may be
    # after the notice is in the DOM, so wait for it rather than look at once.
    page.wait_for_selector("ol.queue > li.current")
    assert page.locator("ol.queue > li.current").count() == 1
    with demo_core.connect() as conn:
        rows = conn.execute(
            select(store.criterion_labels).where(store.criterion_labels.c.ticket_id == ticket_id)
        ).all()
        verdict = conn.execute(
            select(store.review_labels.c.label).where(store.review_labels.c.ticket_id == ticket_id)
        ).scalar_one()
    assert {row.criterion: row.met for row in rows} == shown
    assert verdict == "needs-work"
    cell = page.locator("td[data-criterion-kappa=cause]").inner_text()
    assert "n=" in cell or cell == "–"


def test_the_queue_is_compact_and_links_its_tickets(page, sign_in) -> None:  # type: ignore[no-untyped-def]
    sign_in("reviewer")
    page.goto("/review")
    cards = page.locator("ol.queue > li")
    assert cards.count() == 25
    # 25 cards used to make a 20,000-pixel page; compact cards keep it to a few screens.
    height = page.evaluate("document.documentElement.scrollHeight")
    assert height < 9000, height
    links = page.locator("ol.queue a.ticket")
    assert links.count() == 25
    href = links.first.get_attribute("href")
    assert href == f"/tickets/{cards.first.get_attribute('data-ticket')}"
    assert (
        page.locator("table.sample a.ticket").count()
        == page.locator("table.sample tbody tr").count()
    )


def test_reviewer_filters_the_queue_by_technician(page, sign_in) -> None:  # type: ignore[no-untyped-def]
    sign_in("reviewer")
    page.goto("/review")
    options = page.locator("select[name=technician] option").all_inner_texts()
    name = options[1]
    page.select_option("select[name=technician]", name)
    page.click(".filters button[type=submit]")
    page.wait_for_url("**technician=*")
    metas = page.locator("ol.queue .card-head .meta").all_inner_texts()
    assert metas and all(meta.startswith(name) for meta in metas)


def test_tech_is_refused_the_queue(page, sign_in) -> None:  # type: ignore[no-untyped-def]
    sign_in("tech")
    response = page.goto("/review")
    assert response.status == 403
    assert page.locator("header nav a", has_text="Review").count() == 0


def test_tech_checks_a_draft_before_closing(  # type: ignore[no-untyped-def]
    page, sign_in, screenshot
) -> None:
    sign_in("tech")
    page.click("header nav a:has-text('Pre-close check')")
    page.fill("textarea[name=text]", "Fixed. Password is Summer2024! for the user.")
    page.click("form.precheck button[type=submit]")
    page.wait_for_selector("section.result")
    result = page.inner_text("section.result")
    assert "Summer2024" not in page.content()
    assert page.locator("li[data-rule=secret]").count() == 1
    assert page.locator("li[data-criterion=steps][data-met=no]").count() == 1
    assert "blocking" in result
    screenshot("precheck-poor")
    good = (
        'User reported Outlook showing "Cannot start Microsoft Outlook" on LAPTOP-ACME12 '
        "(Windows 11 23H2). Cause: corrupt OST. Renamed the OST and recreated the profile in "
        "Control Panel > Mail. Test e-mail sent and received; user confirmed. Linked KB-0001."
    )
    page.fill("textarea[name=text]", good)
    page.click("form.precheck button[type=submit]")
    page.wait_for_selector("section.result")
    assert page.locator("li[data-met=no]").count() == 0
    screenshot("precheck-good")
