"""The pages in a real browser: Debian's headless Chromium driven by Playwright, checked with axe-core.

Skipped with a reason when /usr/bin/chromium, the playwright package or axe-core is missing (a developer
machine); .ci/run installs all three, so they run in CI. Screenshots are kept in WEB_SCREENSHOTS (default: a
folder under pytest's temporary directory) at 360 px and desktop width.
"""

from __future__ import annotations

import http.server
import json
import os
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.web.conftest import RunningSite

CHROMIUM = Path(os.environ.get("CHROMIUM", "/usr/bin/chromium"))
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync"]
PHONE = {"width": 360, "height": 780}
DESKTOP = {"width": 1280, "height": 900}

pytestmark = pytest.mark.slow


def _axe_source() -> str:
    """Returns axe.min.js from AXE_CORE_JS or a node_modules folder (installed by .ci/run, never vendored)."""
    candidates = [os.environ.get("AXE_CORE_JS", ""), "node_modules/axe-core/axe.min.js",
                  "/tmp/axe-core/node_modules/axe-core/axe.min.js",
                  "/tmp/ehrenamt-ci-axe/node_modules/axe-core/axe.min.js"]
    for candidate in candidates:
        if candidate and Path(candidate).is_file():
            return Path(candidate).read_text(encoding="utf-8")
    pytest.skip("axe-core not found: set AXE_CORE_JS or `npm install --prefix /tmp/axe-core axe-core` (.ci/run does)")


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    """Launches Debian's Chromium headless (never a downloaded browser)."""
    if not CHROMIUM.is_file():
        pytest.skip(f"no Chromium at {CHROMIUM}: `apt-get install -y chromium` (.ci/run does)")
    playwright_api = pytest.importorskip("playwright.sync_api", reason="pip install playwright (.ci/run does)")
    with playwright_api.sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS, headless=True)
        yield launched
        launched.close()


@pytest.fixture(scope="module")
def axe() -> str:
    """The axe-core script."""
    return _axe_source()


@pytest.fixture(scope="module")
def shots(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Where screenshots go: WEB_SCREENSHOTS, or a folder under pytest's temporary directory."""
    folder = Path(os.environ["WEB_SCREENSHOTS"]) if os.environ.get("WEB_SCREENSHOTS") else \
        tmp_path_factory.mktemp("screenshots")
    folder.mkdir(parents=True, exist_ok=True)
    return folder


@pytest.fixture(scope="module")
def framing_page(site: RunningSite, frame_site_port: int) -> Iterator[str]:
    """Serves a town's test page on another origin (allowed to frame the embed) and returns its URL."""
    html = (f'<!doctype html><html lang="de"><head><meta charset="utf-8"><title>Stadt Kassel – Ehrenamt</title>'
            f'</head><body style="font-family:sans-serif;margin:0;padding:16px;background:#eef1f4">'
            f'<h1>Stadt Kassel</h1><p>Engagement in unserer Stadt:</p>'
            f'<iframe src="{site.base_url}/embed?ort=Kassel" title="Ehrenamtliche Angebote in Kassel" '
            f'width="100%" height="640" style="border:0;max-width:100%;background:#fff"></iframe></body></html>')

    class Page(http.server.BaseHTTPRequestHandler):
        def do_GET(self) -> None:  # noqa: N802 (the standard library's name)
            body = html.encode("utf-8")
            self.send_response(200)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, format: str, *args: Any) -> None:  # noqa: A002 (the standard library's name)
            return

    server = http.server.ThreadingHTTPServer(("127.0.0.1", frame_site_port), Page)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{frame_site_port}/"
    server.shutdown()
    server.server_close()
    thread.join(timeout=5)


def _check_accessibility(page: Any, axe: str, frame: Any = None) -> list[dict[str, Any]]:
    """Runs axe-core (WCAG 2 A/AA rules and best practices) in the page or a frame; returns the violations."""
    target = frame or page
    target.evaluate(axe)
    result = target.evaluate(
        "async () => await axe.run(document, {runOnly: {type: 'tag', values: "
        "['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']}, resultTypes: ['violations']})")
    return [{"id": v["id"], "impact": v["impact"], "nodes": [n["target"] for n in v["nodes"]][:5]}
            for v in result["violations"]]


def _open(browser: Any, size: dict[str, int], *, locale: str = "de-DE") -> Any:
    """Opens a context with a viewport; CSP is bypassed only so the axe script can be injected."""
    return browser.new_context(viewport=size, locale=locale, bypass_csp=True, java_script_enabled=True)


def test_search_is_usable_with_the_keyboard_and_accessible(browser: Any, site: RunningSite, axe: str,
                                                           shots: Path) -> None:
    for name, size in (("phone", PHONE), ("desktop", DESKTOP)):
        context = _open(browser, size)
        page = context.new_page()
        page.goto(f"{site.base_url}/suche")
        assert page.locator("html").get_attribute("lang") == "de"
        page.keyboard.press("Tab")
        assert page.evaluate("document.activeElement.className") == "skip"
        page.get_by_label("Ort oder Postleitzahl").fill("Kassel")
        page.get_by_label("Bereich").select_option("animals")
        page.get_by_label("Ort oder Postleitzahl").press("Enter")
        page.wait_for_load_state()
        assert "ort=Kassel" in page.url
        results = page.locator("ol.results > li")
        assert results.count() >= 3
        assert page.locator("h2#results-title").inner_text().startswith("Tiere · Kassel")
        assert _check_accessibility(page, axe) == []
        page.screenshot(path=str(shots / f"search-{name}.png"), full_page=True)
        assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth"), "no sideways scrolling"
        context.close()


def test_listing_page_shows_everything_and_its_linked_data(browser: Any, site: RunningSite, axe: str,
                                                           shots: Path) -> None:
    for name, size in (("phone", PHONE), ("desktop", DESKTOP)):
        context = _open(browser, size)
        page = context.new_page()
        response = page.goto(f"{site.base_url}/angebote/{site.listing_id}?ort=Kassel")
        assert response is not None and response.status == 200
        assert page.locator("h1").inner_text() == "Hunde ausführen am Wochenende"
        telegram = page.get_by_role("link", name="In Telegram öffnen")
        assert telegram.get_attribute("href") == f"https://t.me/TestEhrenamtBot?start=o{site.listing_id}"
        qr = page.locator("figure.qr img")
        qr.scroll_into_view_if_needed()
        page.wait_for_function("img => img.complete && img.naturalWidth > 0", arg=qr.element_handle())
        scripts = page.locator('script[type="application/ld+json"]').all_inner_texts()
        posting = json.loads(scripts[0])
        assert posting["@type"] == "JobPosting" and posting["employmentType"] == "VOLUNTEER"
        assert posting["jobLocation"]["geo"]["latitude"] == pytest.approx(51.3127)
        assert _check_accessibility(page, axe) == []
        page.screenshot(path=str(shots / f"listing-{name}.png"), full_page=True)
        assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
        context.close()


def test_listing_texts_are_escaped_in_the_browser(browser: Any, site: RunningSite) -> None:
    context = browser.new_context(viewport=DESKTOP)
    page = context.new_page()
    dialogs: list[str] = []

    def refuse(dialog: Any) -> None:
        dialogs.append(dialog.message)
        dialog.dismiss()

    page.on("dialog", refuse)
    page.goto(f"{site.base_url}/angebote/{site.tricky_id}")
    assert page.locator("h1").inner_text() == '<script>alert("x")</script> & "Quotes"'
    assert page.locator("img[src=x]").count() == 0 and page.locator("b").count() == 0
    assert page.get_by_text("javascript:alert(1)").count() == 1
    assert page.locator('a[href^="javascript"]').count() == 0
    assert dialogs == []
    context.close()


def test_english_by_the_browser_language(browser: Any, site: RunningSite, shots: Path) -> None:
    context = browser.new_context(viewport=PHONE, locale="en-GB")
    page = context.new_page()
    page.goto(f"{site.base_url}/suche?ort=Leipzig")
    assert page.locator("html").get_attribute("lang") == "en"
    assert page.get_by_role("button", name="Search").count() == 1
    # the switch to German ("Deutsch") is one word on one line, not "Deutsc" over "h" beside the site's name
    switch_lines = ("el => { const r = document.createRange(); r.selectNodeContents(el); "
                    "return r.getClientRects().length; }")
    assert page.locator(".lang-switch").evaluate(switch_lines) == 1
    page.screenshot(path=str(shots / "search-english-phone.png"), full_page=True)
    context.close()


def test_embed_works_inside_a_town_page(browser: Any, site: RunningSite, axe: str, framing_page: str,
                                        shots: Path) -> None:
    for name, size in (("phone", PHONE), ("desktop", {"width": 1024, "height": 900})):
        context = _open(browser, size)
        page = context.new_page()
        page.goto(framing_page)
        frame = page.frame_locator("iframe")
        first = frame.locator("ol.results > li").first
        first.wait_for()
        assert frame.locator("h1").inner_text() == "Ehrenamt in Kassel"
        link = frame.locator("ol.results a").first
        assert link.get_attribute("target") == "_blank" and "noopener" in (link.get_attribute("rel") or "")
        embed = next(f for f in page.frames if "/embed" in f.url)
        assert embed.evaluate("document.cookie") == ""
        assert _check_accessibility(page, axe, frame=embed) == []
        page.screenshot(path=str(shots / f"embed-in-town-page-{name}.png"), full_page=True)
        context.close()


def test_embed_is_refused_on_sites_not_allowed(browser: Any, site: RunningSite, tmp_path: Path) -> None:
    (tmp_path / "other.html").write_text(
        f'<!doctype html><title>x</title><iframe src="{site.base_url}/embed?ort=Kassel" title="x"></iframe>')
    context = browser.new_context(viewport=DESKTOP)
    page = context.new_page()
    page.goto((tmp_path / "other.html").as_uri())
    page.wait_for_timeout(1500)
    framed = [frame for frame in page.frames if frame != page.main_frame]
    assert len(framed) == 1
    # Chromium replaces a refused frame by its error page: the embed's list never shows.
    assert framed[0].locator("ol.results").count() == 0 and framed[0].locator("h1.embed__title").count() == 0
    context.close()


def test_gone_and_unknown_listings_have_friendly_pages(browser: Any, site: RunningSite, axe: str,
                                                       shots: Path) -> None:
    context = _open(browser, PHONE)
    page = context.new_page()
    response = page.goto(f"{site.base_url}/angebote/{site.paused_id}")
    assert response is not None and response.status == 410
    assert page.locator("h1").inner_text() == "Nicht mehr verfügbar"
    assert _check_accessibility(page, axe) == []
    page.screenshot(path=str(shots / "gone-phone.png"), full_page=True)
    context.close()


def test_no_javascript_needed(browser: Any, site: RunningSite) -> None:
    context = browser.new_context(viewport=PHONE, locale="de-DE", java_script_enabled=False)
    page = context.new_page()
    page.goto(f"{site.base_url}/suche")
    page.get_by_label("Ort oder Postleitzahl").fill("34117")
    page.get_by_role("button", name="Suchen").click()
    page.wait_for_load_state()
    assert page.locator("ol.results > li").count() >= 1
    context.close()

