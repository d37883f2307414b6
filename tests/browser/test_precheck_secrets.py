"""The pre-close check in a real browser: a draft full of secrets comes back masked and blocked."""

from __future__ import annotations

DRAFT = (
    "Staff Wi-Fi key: BlueHarbour!22. Logged into the FortiGate as admin / C@stle!Fgt80.\n"
    "[Interface]\nPrivateKey = yAnz5TF+lXXJte14tji3zlMNq+hd2rYUIgJBgB3fBmk=\n"
    "BitLocker recovery key 412654-118932-503427-661210-083391-294865-710028-345961.\n"
    "Duo bypass code 731 204 889 issued. Voicemail PIN reset to 4721."
)
VALUES = (
    "BlueHarbour!22",
    "C@stle!Fgt80",
    "yAnz5TF+lXXJte14tji3zlMNq+hd2rYUIgJBgB3fBmk=",
    "503427",
    "731 204 889",
    "4721",
)


def test_a_draft_with_secrets_is_shown_masked_with_a_blocking_finding(  # type: ignore[no-untyped-def]
    page, sign_in, screenshot
) -> None:
    sign_in("tech")
    page.goto("/precheck")
    page.fill("textarea[name=text]", DRAFT)
    page.click("form.precheck button[type=submit]")
    page.wait_for_selector("section.result")
    shown = page.input_value("textarea[name=text]")
    assert "admin / ••••••" in shown and "PrivateKey = ••••••" in shown
    content = page.content()
    assert [value for value in VALUES if value in content] == []
    assert page.locator("li[data-rule=secret]").count() >= 1
    assert "blocking" in page.inner_text("section.result")
    screenshot("precheck-secrets")
