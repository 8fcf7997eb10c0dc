"""Without Chromium the browser tests skip with one line, except in CI, where they fail."""

from __future__ import annotations

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
