"""Sign in as each role in a real browser: the right navigation, refusals, screenshots."""

from __future__ import annotations

import pytest

MANAGER_NAV = {
    "Search",
    "Pre-close check",
    "Review",
    "Gaps",
    "Scorecards",
    "Credit",
    "Weekly",
    "Articles",
}
EXPECTED_NAV = {
    "tech": {"Search", "Pre-close check", "Scorecards", "Articles"},
    "reviewer": {"Search", "Pre-close check", "Review", "Articles"},
    "manager": MANAGER_NAV | {"Jobs"},
    "admin": MANAGER_NAV | {"Jobs"},
}
REFUSED = {
    "tech": ["/review", "/gaps", "/weekly", "/credit"],
    "reviewer": ["/gaps", "/scorecards", "/weekly", "/credit"],
}


@pytest.mark.parametrize("role", ["tech", "reviewer", "manager", "admin"])
def test_role_sees_its_navigation(page, sign_in, screenshot, role: str) -> None:  # type: ignore[no-untyped-def]
    sign_in(role)
    labels = set(page.locator("header nav a").all_inner_texts())
    assert labels == EXPECTED_NAV[role]
    screenshot(f"home-{role}")


@pytest.mark.parametrize(("role", "path"), [(r, p) for r, paths in REFUSED.items() for p in paths])
def test_role_is_refused_where_it_may_not_go(page, sign_in, role: str, path: str) -> None:  # type: ignore[no-untyped-def]
    sign_in(role)
    response = page.goto(path)
    assert response.status == 403
    assert "Not allowed" in page.inner_text("h1")


def test_sign_in_page_and_articles(page, sign_in, screenshot) -> None:  # type: ignore[no-untyped-def]
    page.goto("/articles")
    assert "/login" in page.url
    screenshot("login")
    sign_in("tech")
    page.goto("/articles")
    assert page.locator("table.list tbody tr").count() >= 30
    screenshot("articles")
    page.locator("table.list tbody tr a").first.click()
    assert page.locator(".kb .body").count() == 1
    screenshot("article")
