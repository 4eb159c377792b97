"""The phone remote's page in a real browser (headless Chromium): it loads with the token,
shows the workout live, its buttons drive the workout, and it says when the line drops."""

from __future__ import annotations

from typing import Any

import pytest
from remote_helpers import Served, pump_until, request

from glute_timer.core.session import State

pytestmark = pytest.mark.slow


def text(driver: Any, element_id: str) -> str:
    return str(driver.find_element("id", element_id).text)


def shown(driver: Any, element_id: str) -> bool:
    return bool(driver.find_element("id", element_id).is_displayed())


def wait(served: Served, condition: Any, timeout: float = 10.0) -> None:
    pump_until(served, condition, timeout)


def test_the_page_follows_the_workout_and_pauses_it(served: Served, browser: Any) -> None:
    served.workout.start()
    served.advance(4.5)  # the hold of rep 1, set 1
    browser.get(served.url("/"))
    wait(served, lambda: text(browser, "link-text") == "Live")
    assert browser.title.startswith("Barbell hip thrust · set 1 of 3 · rep 1 of 3")
    assert text(browser, "phase") == "HOLD"  # upper-cased by the style sheet
    assert text(browser, "exercise") == "Barbell hip thrust · 40 kg"
    assert text(browser, "rep") == "1 / 3" and text(browser, "set") == "1 / 3"
    assert text(browser, "range") == "range 2–3"
    assert text(browser, "digits") == "2"
    assert text(browser, "next") == "Next: Lower (rep 1)"
    assert browser.find_element("tag name", "body").get_attribute("data-phase") == "hold"
    assert shown(browser, "finish") and not shown(browser, "banner")
    # Live: a change reaches the page without a reload.
    served.advance(1.6)  # the hold (2 s) ends: the lower
    wait(served, lambda: text(browser, "phase") == "LOWER")
    # Its Pause button pauses the workout.
    toggle = browser.find_element("id", "toggle")
    assert toggle.text == "Pause"
    toggle.click()
    wait(served, lambda: served.session.state is State.PAUSED)
    assert request(served.url("/api/state"))[1]["paused"] is True
    wait(served, lambda: browser.find_element("id", "toggle").text == "Resume")
    assert text(browser, "caption") == "Paused"
    browser.find_element("id", "toggle").click()
    wait(served, lambda: served.session.state is State.RUNNING)


def test_in_a_rest_the_page_offers_more_or_less_rest(served: Served, browser: Any) -> None:
    served.workout.start()
    served.until_phase("rest")
    browser.get(served.url("/"))
    wait(served, lambda: text(browser, "link-text") == "Live")
    assert not shown(browser, "finish")
    plus = browser.find_element("css selector", "button[data-command='rest_plus']")
    assert plus.is_displayed() and plus.text == "+15 s"
    left = served.session.view().step_remaining
    plus.click()
    wait(served, lambda: served.session.view().step_remaining == pytest.approx(left + 15))
    wait(served, lambda: int(text(browser, "digits")) >= round(left + 14))
    browser.find_element("css selector", "button[data-command='rest_minus']").click()
    wait(served, lambda: served.session.view().step_remaining == pytest.approx(left))


def test_the_page_says_when_the_line_drops_and_comes_back(served: Served, browser: Any) -> None:
    served.workout.start()
    browser.get(served.url("/"))
    wait(served, lambda: text(browser, "link-text") == "Live")
    served.server.max_streams = 0  # the way back is shut for a while
    served.server.interrupt_streams()
    wait(served, lambda: text(browser, "link-text") == "Reconnecting…")
    assert shown(browser, "banner")
    assert text(browser, "banner") == "Connection lost. Reconnecting…"
    served.server.max_streams = 8
    wait(served, lambda: text(browser, "link-text") == "Live", timeout=15)
    assert not shown(browser, "banner")


def test_the_page_says_when_the_workout_ends(served: Served, browser: Any) -> None:
    served.workout.start()
    browser.get(served.url("/"))
    wait(served, lambda: text(browser, "link-text") == "Live")
    served.workout.stop()
    wait(served, lambda: text(browser, "link-text") == "Ended")
    assert "The workout has ended" in text(browser, "banner")
    assert text(browser, "caption") == "Workout stopped"
    assert not browser.find_element("id", "toggle").is_enabled()


def test_without_the_token_the_page_does_not_load(served: Served, browser: Any) -> None:
    browser.get(served.url("/", token=None))
    assert "a token is needed" in browser.page_source
    browser.get(served.url("/", token="wrong"))
    assert "wrong token" in browser.page_source
    assert not browser.find_elements("id", "digits")
