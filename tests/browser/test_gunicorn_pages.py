"""The browser suite's pages served by gunicorn with two worker processes (`kbassist serve`)."""

from __future__ import annotations

import pytest

# Pages past the navigation that the browser suite opens, with what each must show.
DETAIL_PAGES = {
    "tech": [("/search?q=printer+spooler", "ol.results li.result")],
    "manager": [("/gaps", "h1"), ("/jobs", "h1")],
    "admin": [("/jobs", "form select[name=kind]")],
}


@pytest.mark.parametrize("role", ["tech", "reviewer", "manager", "admin"])
def test_gunicorn_serves_every_page_of_a_role(  # type: ignore[no-untyped-def]
    gunicorn_page, gunicorn_server, gunicorn_sign_in, role: str
) -> None:
    page = gunicorn_page
    assert len(gunicorn_server.workers()) == 2
    gunicorn_sign_in(role)
    links = page.locator("header nav a")
    targets = [links.nth(i).get_attribute("href") for i in range(links.count())]
    assert len(targets) >= 4
    for path in targets:  # every page the role may open, each a request to either worker
        response = page.goto(str(path))
        assert response is not None and response.status == 200, path
        assert response.headers.get("server") == "kbassist", path  # no gunicorn banner
        assert page.locator("h1").count() >= 1, path
        assert "Something went wrong" not in page.content(), path
    for path, selector in DETAIL_PAGES.get(role, []):
        response = page.goto(path)
        assert response is not None and response.status == 200, path
        page.wait_for_selector(selector, state="attached")
