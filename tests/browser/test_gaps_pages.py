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
