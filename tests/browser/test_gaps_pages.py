"""The gaps pages in a real browser: ranked list, family detail, draft saved as an article."""

from __future__ import annotations

# The browser demo is small (400 tickets over 18 months): widen the window so it has gaps.
WIDE = "/gaps?min_tickets=3&window_days=1000"


def test_manager_sees_ranked_gaps_and_saves_a_draft_playbook(  # type: ignore[no-untyped-def]
    page, sign_in, screenshot
) -> None:
    sign_in("manager")
    page.goto(WIDE)
    assert page.inner_text("h1") == "Repeat issues without a playbook"
    rows = page.locator("table.gaps tbody tr")
    assert rows.count() >= 1
    ranks = [
        int(text) for text in page.locator("table.gaps tbody tr td:first-child").all_inner_texts()
    ]
    assert ranks == list(range(1, len(ranks) + 1))
    assert page.locator("svg").count() >= 1
    screenshot("gaps")

    rows.first.locator("td:nth-child(2) a").click()
    assert page.locator("table.tickets tbody tr").count() >= 3
    assert "link rate" in page.inner_text("p.meta")
    screenshot("gaps-family")

    page.click("text=Draft playbook")
    draft = page.input_value("textarea[name=markdown]")
    assert draft.startswith("---\n") and "## Resolution steps" in draft and "](/tickets/" in draft
    screenshot("gaps-draft")
    edited = draft.replace("## Verification", "## Verification\n\n- Checked by the manager.")
    page.fill("textarea[name=markdown]", edited)
    page.click("button:has-text('Save as article')")
    page.wait_for_url("**/articles/playbook-*")
    assert "Checked by the manager." in page.inner_text("main")
    screenshot("gaps-draft-saved")


def test_tech_is_refused_the_gaps_pages(page, sign_in) -> None:  # type: ignore[no-untyped-def]
    sign_in("tech")
    for path in ("/gaps", WIDE, "/gaps/1", "/gaps/1/draft"):
        response = page.goto(path)
        assert response is not None and response.status == 403, path


def test_manager_renames_a_family_and_the_name_is_shown_on_gaps(  # type: ignore[no-untyped-def]
    page, sign_in, screenshot
) -> None:
    sign_in("manager")
    page.goto(WIDE)
    first = page.locator("table.gaps tbody tr").first
    family_id = first.get_attribute("data-family")
    generated = first.locator("td:nth-child(2) a").inner_text()
    assert generated and " / " not in generated  # a phrase, not a keyword triple
    first.locator("td:nth-child(2) a").click()
    assert page.inner_text("h1") == generated
    page.fill("#family-name", "Printers need a restart every morning")
    page.click("button:has-text('Rename')")
    page.wait_for_url(f"**/gaps/{family_id}")
    assert page.inner_text("h1") == "Printers need a restart every morning"
    assert "named by" in page.inner_text("p.meta")
    screenshot("gaps-family-renamed")
    page.goto(WIDE)
    row = page.locator(f'table.gaps tbody tr[data-family="{family_id}"]')
    assert row.locator("td:nth-child(2)").inner_text() == "Printers need a restart every morning"
    # Back to kbassist's own name, so other tests see the demo as loaded.
    page.goto(f"/gaps/{family_id}")
    page.fill("#family-name", "")
    page.click("button:has-text('Rename')")
    page.wait_for_url(f"**/gaps/{family_id}")
    assert page.inner_text("h1") == generated


def test_reviewer_is_refused_the_gaps_pages(page, sign_in) -> None:  # type: ignore[no-untyped-def]
    sign_in("reviewer")
    for path in ("/gaps", WIDE, "/gaps/1", "/gaps/1/draft"):
        response = page.goto(path)
        assert response is not None and response.status == 403, path
