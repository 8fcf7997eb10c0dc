"""Without Chromium the browser tests skip with one line, except in CI, where they fail."""

from __future__ import annotations

import os
import subprocess

import pytest

from . import conftest

pytestmark = pytest.mark.browser


@pytest.fixture
def no_chromium(monkeypatch):
    monkeypatch.setattr(conftest, "find_chromium", lambda: None)


def test_missing_chromium_skips_on_a_users_machine(no_chromium, monkeypatch):
    monkeypatch.delenv("CI", raising=False)
    with pytest.raises(pytest.skip.Exception) as skipped:
        conftest.require_browser()
    reason = str(skipped.value)
    assert reason.startswith("browser tests: no ") and "\n" not in reason


def test_missing_chromium_fails_in_ci(no_chromium, monkeypatch):
    monkeypatch.setenv("CI", "true")
    with pytest.raises(pytest.fail.Exception) as failed:
        conftest.require_browser()
    assert str(failed.value).startswith("CI=true and the browser tests cannot run: no ")


def korean_fonts() -> list[str]:
    """The fonts fontconfig (and so Chromium) can draw Hangul with."""
    try:
        out = subprocess.run(["fc-list", ":lang=ko", "family"], capture_output=True, text=True,
                             timeout=30).stdout
    except (OSError, subprocess.TimeoutExpired):
        return []
    return sorted({line.strip() for line in out.splitlines() if line.strip()})


def test_a_korean_font_for_the_korean_screenshots():
    """The Korean edition's screenshots show Hangul, not boxes: Chromium needs a Korean font
    (.ci/run installs Debian's fonts-nanum when there is none)."""
    if korean_fonts():
        return
    if os.environ.get("CI", "").lower() == "true":
        pytest.fail("CI=true and no font can draw Hangul (apt-get install fonts-nanum)", pytrace=False)
    pytest.skip("no Korean font: the Korean edition's screenshots would show boxes "
                "(Debian: apt-get install fonts-nanum)")
