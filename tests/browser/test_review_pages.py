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
    assert first.locator(".findings li").count() >= 1  # each note shows its findings
    screenshot("review-queue")
    first.locator("input[name=label][value=needs-work]").check()
    first.locator("input[name=reason]").fill("no cause, steps not repeatable")
    first.locator("input[name=comment]").fill("Name the cause and list the commands you ran.")
    first.locator("button[type=submit]").click()
    page.wait_for_selector(".notice")
    assert ticket_id in page.inner_text(".notice")
    # A labelled note leaves the queue.
    assert page.locator(f"ol.queue > li[data-ticket='{ticket_id}']").count() == 0


def test_reviewer_filters_the_queue_by_technician(page, sign_in) -> None:  # type: ignore[no-untyped-def]
    sign_in("reviewer")
    page.goto("/review")
    options = page.locator("select[name=technician] option").all_inner_texts()
    name = options[1]
    page.select_option("select[name=technician]", name)
    page.click(".filters button[type=submit]")
    page.wait_for_url("**technician=*")
    metas = page.locator("ol.queue > li > p.meta").all_inner_texts()
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
