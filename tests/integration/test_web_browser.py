"""The dashboard in a real browser: Debian's chromium, headless, driven by playwright's Python package
(`executable_path=/usr/bin/chromium`; playwright's own browser download is never used). `make install`
installs chromium when it is missing; without it these tests are skipped."""
from __future__ import annotations

import os
import re
import shutil
import tempfile

import pytest

CHROMIUM = os.environ.get("DYAD_CHROMIUM", "/usr/bin/chromium")
pytestmark = pytest.mark.skipif(not os.path.exists(CHROMIUM),
                                reason=f"{CHROMIUM} is missing: install Debian's chromium (make install does)")
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync"]


@pytest.fixture(scope="module")
def browser():
    sync_api = pytest.importorskip("playwright.sync_api", reason="playwright is not installed (the test extra)")
    profile = tempfile.mkdtemp(prefix="dyad-chromium-")
    with sync_api.sync_playwright() as p:
        ctx = p.chromium.launch_persistent_context(profile, executable_path=CHROMIUM, headless=True, args=FLAGS,
                                                   viewport={"width": 1280, "height": 900})
        yield ctx
        ctx.close()
    shutil.rmtree(profile, ignore_errors=True)


@pytest.fixture()
def page(browser, live):
    pg = browser.new_page()
    outside: list[str] = []
    pg.on("request", lambda r: None if r.url.startswith((live.url, "data:", "about:")) else outside.append(r.url))
    errors: list[str] = []
    pg.on("pageerror", lambda e: errors.append(str(e)))
    yield pg
    pg.close()
    assert outside == [], f"the page loaded something from elsewhere: {outside}"
    assert errors == []


def test_overview_to_dyad_to_event_to_article(page, live):
    page.goto(live.url + "/")
    assert page.locator("h1").inner_text() == "Overview"
    assert page.locator(".card").first.inner_text().startswith("21")
    # the world map: the outline image loaded, one dot per place
    assert page.evaluate("""() => new Promise(ok => { const i = new Image(); i.onload = () => ok(i.naturalWidth);
                                                     i.onerror = () => ok(0); i.src = '/static/world.svg'; })""") > 0
    assert page.locator("svg.worldmap circle.pt").count() == 5
    # filter by QuadClass: material conflict only
    page.select_option("select[name=quad_class]", "4")
    page.click("form.filters button")
    page.wait_for_url(re.compile(r"quad_class=4"))
    assert "7 events match" in page.locator("form.filters").inner_text()
    assert page.locator("svg.worldmap circle.pt").count() == 3  # Caracas, Washington, Kyiv
    page.goto(live.url + "/")
    # click the most active dyad
    page.click("a.dyad >> text=USA ↔ VEN")
    page.wait_for_url(re.compile(r"/dyads/USA/VEN"))
    assert page.locator("h1").inner_text() == "USA ↔ VEN"
    assert page.locator("svg.chart circle.gpoint").count() == 12
    assert "thaw" in page.locator("svg.chart").inner_html()
    # a point links to its period's rows in the table
    page.locator("svg.chart a").first.click()
    assert page.evaluate("location.hash") == "#p-2025-10-06"
    assert page.locator("tr:target").count() == 1
    # to an event: the one reported twice
    page.click("table.events a >> text=Provide aid")
    page.wait_for_url(re.compile(r"/events/"))
    text = page.locator("main").inner_text()
    assert "Provide aid" in text and "Reports of this event" in text
    assert page.locator("article.mention").count() in (1, 2)
    assert page.locator("article.mention mark.ev-sent").first.is_visible()
    assert "pattern test-070" in page.locator("article.mention .meta").first.inner_text()
    assert "confidence" in page.locator("article.mention .meta").first.inner_text()
    # to its article, where the sentence, trigger, actors and quotes are marked
    page.locator("article.mention a.article-link").first.click()
    page.wait_for_url(re.compile(r"/articles/art-"))
    assert page.locator(".articletext mark.ev-sent").count() >= 1
    assert page.locator(".articletext a.actor").count() >= 2
    # an actor click shows that actor's events
    page.locator(".articletext a.actor").first.click()
    page.wait_for_url(re.compile(r"/search\?actor="))
    assert "Search events" in page.locator("h1").inner_text()
    assert page.locator("table.events tbody tr").count() >= 1


def test_article_with_quote(page, live):
    page.goto(live.url + "/articles/art-003")
    assert page.locator(".articletext q.quote").inner_text() == "We will not accept threats"
    assert page.locator(".articletext b.ev-trigger").inner_text() == "imposed"
    assert page.locator("ul.quotes").inner_text().count("Yvan Gil") == 1


def test_search_pagination_and_csv_link(page, live):
    page.goto(live.url + "/search")
    page.fill("form.grid input[name=actor]", "VEN")
    page.click("form.grid button")
    page.wait_for_url(re.compile(r"actor=VEN"))
    assert "of 12" in page.locator(".pager").first.inner_text()
    page.goto(live.url + "/search?actor=VEN&limit=5")
    assert page.locator("table.events tbody tr").count() == 5
    page.locator("a[rel=next]").first.click()
    page.wait_for_url(re.compile(r"offset=5"))
    assert "Showing 6–10 of 12" in page.locator(".pager").first.inner_text()
    href = page.locator("a >> text=/as CSV/").get_attribute("href")
    assert href.startswith("/api/events.csv") and "actor=VEN" in href


def test_quotes_page_marks_anonymous_sources(page, live):
    page.goto(live.url + "/quotes")
    assert page.locator("table.quotes tbody tr").count() == 3
    assert page.locator("tr.anonymous").count() == 2
    page.select_option("select[name=anonymous]", "false")
    page.click("form.filters button")
    page.wait_for_url(re.compile(r"anonymous=false"))
    assert page.locator("table.quotes tbody tr").count() == 1
    assert "Yvan Gil" in page.locator("table.quotes").inner_text()


def test_unknown_event_page(page, live):
    resp = page.goto(live.url + "/events/does-not-exist")
    assert resp.status == 404
    assert page.locator("h1").inner_text() == "Not found"
