"""A real Chromium (Debian's, through Playwright) drives the web chat at desktop and phone width."""
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from webserver import EVIL_FILE, EVIL_QUESTION, EVIL_SCRIPT, serving

pytestmark = [pytest.mark.browser, pytest.mark.slow]
CHROMIUM = "/usr/bin/chromium"
SHOTS = Path(__file__).resolve().parents[2] / "test-artifacts" / "screenshots"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run"]


@pytest.fixture(scope="module")
def browser():
    if not Path(CHROMIUM).exists() and not shutil.which("chromium"):
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail(f"{CHROMIUM} is missing in CI: `make browser-deps` should have installed it")
        pytest.skip(f"{CHROMIUM} is not installed (run `make browser-deps`)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        chromium = p.chromium.launch(executable_path=CHROMIUM if Path(CHROMIUM).exists() else shutil.which("chromium"),
                                     args=ARGS)
        yield chromium
        chromium.close()


@pytest.fixture(scope="module")
def server(evil_corpus):
    corpus, index = evil_corpus
    with serving(index, corpus) as url:
        yield url, index


def open_chat(browser, url, width, height):
    page = browser.new_page(viewport={"width": width, "height": height})
    page.dialogs = []
    page.on("dialog", lambda d: (page.dialogs.append(d.message), d.dismiss()))  # alert() = markup ran
    page.goto(url + "/")
    page.wait_for_selector("#pqa-question textarea", timeout=60000)
    return page


def ask(page, question):
    page.fill("#pqa-question textarea", question)
    page.keyboard.press("Enter")  # the keyboard alone is enough to ask
    page.wait_for_selector("#pqa-chat .pqa-sources", timeout=60000)
    page.wait_for_timeout(500)


def test_desktop_ask_cite_open_source_tabs_and_feedback(browser, server):
    url, index = server
    SHOTS.mkdir(parents=True, exist_ok=True)
    page = open_chat(browser, url, 1280, 900)
    assert "Welcome" in page.inner_text("#pqa-welcome") and "most recent" in page.inner_text("#pqa-welcome")
    ask(page, EVIL_QUESTION)
    chat = page.inner_text("#pqa-chat")
    assert "two working days" in chat and "[1]" in chat and EVIL_FILE in chat
    assert EVIL_SCRIPT in chat and "onerror=" in chat  # the document's markup is shown as characters ...
    assert page.dialogs == [] and page.locator("#pqa-chat script").count() == 0  # ... and never runs
    page.click("#pqa-chat a[href='#source-1']")
    assert page.locator("#source-1").is_visible()
    page.click("#pqa-open")
    page.wait_for_selector("#pqa-viewer #pqa-focus", timeout=30000)
    assert "two working days" in page.inner_text("#pqa-viewer #pqa-focus")
    page.screenshot(path=str(SHOTS / "desktop-chat.png"), full_page=True)
    page.get_by_label("Like").last.click()
    page.wait_for_selector("text=your feedback was saved", timeout=30000)
    page.get_by_role("tab", name="Glossary").click()
    page.locator("text=Common Assessment Framework >> visible=true").first.wait_for(timeout=30000)
    page.screenshot(path=str(SHOTS / "desktop-glossary.png"), full_page=True)
    page.get_by_role("tab", name="People").click()
    page.locator("text=Lisa Hazell >> visible=true").first.wait_for(timeout=30000)
    page.screenshot(path=str(SHOTS / "desktop-people.png"), full_page=True)
    page.get_by_role("tab", name="Documents").click()
    page.locator(f"text={EVIL_FILE} >> visible=true").first.wait_for(timeout=30000)
    page.screenshot(path=str(SHOTS / "desktop-documents.png"), full_page=True)
    page.close()
    out = subprocess.run([sys.executable, "-m", "chat.cli", "feedback", "export", "--format", "jsonl",
                          "--index-dir", str(index)], capture_output=True, text=True, check=True).stdout
    rows = [json.loads(line) for line in out.splitlines()]
    assert rows and rows[-1]["rating"] == "up" and rows[-1]["question"] == EVIL_QUESTION


def test_phone_width(browser, server):
    url, _ = server
    SHOTS.mkdir(parents=True, exist_ok=True)
    page = open_chat(browser, url, 375, 812)
    ask(page, EVIL_QUESTION)
    assert "[1]" in page.inner_text("#pqa-chat")
    overflow = page.evaluate("document.documentElement.scrollWidth")
    assert overflow <= 375 + 2, f"the page is {overflow} px wide at 375 px: it scrolls sideways"
    page.screenshot(path=str(SHOTS / "phone-chat.png"), full_page=True)
    page.get_by_role("tab", name="People").click()
    page.locator("text=Lisa Hazell >> visible=true").first.wait_for(timeout=30000)
    page.screenshot(path=str(SHOTS / "phone-people.png"), full_page=False)
    page.close()
