"""Fixtures for the browser tests: one JupyterLab server and one headless Chromium per session.

The browser is Debian's `chromium` driven by Playwright for Python (`pip install playwright`;
never `playwright install`, which would download a browser). Without them the tests skip with
one line; in CI (CI=true) a missing browser fails instead, so CI can never pass by skipping.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from .jlab import copy_notebooks, start_lab

REPO = Path(__file__).resolve().parents[2]
NOTEBOOKS = REPO / "notebooks"
SCREENSHOTS = Path(__file__).resolve().parent / "screenshots"

CHROMIUM_FLAGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--no-first-run",
]
VIEWPORT = {"width": 1280, "height": 720}  # a projector


def find_chromium() -> str | None:
    """Debian's chromium: /usr/bin/chromium, or whatever `chromium` is on PATH."""
    if os.access("/usr/bin/chromium", os.X_OK):
        return "/usr/bin/chromium"
    return shutil.which("chromium")


def missing_browser() -> str | None:
    """Why the browser tests cannot run here, in one line; None when they can."""
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        return "no Playwright for Python (.venv/bin/pip install playwright)"
    if find_chromium() is None:
        return "no Chromium at /usr/bin/chromium (Debian: apt-get install chromium)"
    return None


def require_browser() -> None:
    """Skip (or, with CI=true, fail) when Chromium or Playwright is missing."""
    reason = missing_browser()
    if reason is None:
        return
    if os.environ.get("CI", "").lower() == "true":
        pytest.fail(f"CI=true and the browser tests cannot run: {reason}", pytrace=False)
    pytest.skip(f"browser tests: {reason}")


@pytest.fixture(scope="session")
def browser():
    """One headless Chromium for the whole session."""
    require_browser()
    from playwright.sync_api import sync_playwright

    pw = sync_playwright().start()
    try:
        chromium = pw.chromium.launch(executable_path=find_chromium(), args=CHROMIUM_FLAGS)
    except Exception:
        pw.stop()
        raise
    yield chromium
    chromium.close()
    pw.stop()


@pytest.fixture(scope="session")
def lab(tmp_path_factory):
    """A JupyterLab server on a temporary copy of notebooks/ (127.0.0.1, free port, token)."""
    tmp = tmp_path_factory.mktemp("lab")
    root = copy_notebooks(NOTEBOOKS, tmp / "notebooks")
    server = start_lab([f"--ServerApp.root_dir={root}"], home=tmp / "jupyter")
    server.root = root
    yield server
    server.stop()


@pytest.fixture(scope="session")
def browser_context(browser):
    """One browser context, so JupyterLab's scripts come from the cache after the first page."""
    context = browser.new_context(viewport=VIEWPORT)
    yield context
    context.close()


@pytest.fixture
def page(browser_context):
    """A fresh page for one notebook, closed afterwards."""
    pg = browser_context.new_page()
    pg.set_default_timeout(60_000)
    yield pg
    pg.close()


@pytest.fixture(scope="session")
def screenshots() -> Path:
    SCREENSHOTS.mkdir(exist_ok=True)
    return SCREENSHOTS


def pytest_terminal_summary(terminalreporter):
    """Say once, at the end of the run, why the browser tests were skipped."""
    skipped = terminalreporter.stats.get("skipped", [])
    reason = missing_browser()
    if reason and any(r.nodeid.startswith("tests/browser/") for r in skipped):
        terminalreporter.write_line(f"browser tests skipped: {reason}")
