"""The README's main command opens JupyterLab on the notebooks.

The README says: `python3 -m venv .venv && .venv/bin/pip install -r requirements.txt &&
.venv/bin/jupyter lab notebooks/`. The first two steps are what CI runs before the tests
(.ci/run), so this test runs the last one exactly, `jupyter lab notebooks/` from the repo root
with the environment's own `jupyter`, adding only what a test needs (no browser window, a
free port on 127.0.0.1, a token), and asks the server what it serves. No browser needed.
"""

from __future__ import annotations

import re

import pytest

from .conftest import NOTEBOOKS, REPO
from .jlab import start_lab

pytestmark = pytest.mark.browser


def test_readme_main_command_is_jupyter_lab_on_notebooks():
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    assert re.search(r"^python3 -m venv \.venv && \.venv/bin/pip install -r requirements\.txt "
                     r"&& \.venv/bin/jupyter lab notebooks/$", readme, re.M), (
        "README.md no longer has the main command this test checks"
    )


def test_jupyter_lab_notebooks_serves_the_notebooks(tmp_path):
    notebooks = sorted(p.name for p in NOTEBOOKS.glob("*.ipynb"))
    with start_lab(["notebooks/"], home=tmp_path, cwd=REPO) as server:
        listing = server.api("contents", content="1")
        served = {item["name"] for item in listing["content"] if item["type"] == "notebook"}
        assert served == set(notebooks), f"jupyter lab notebooks/ serves {sorted(served)}"
        status, page = server.get("lab")
        assert status == 200 and b"jupyter-config-data" in page, f"/lab answered {status}"
    assert server.proc.returncode is not None  # stopped


def test_korean_readme_command_serves_the_korean_edition(tmp_path):
    readme = (REPO / "README.ko.md").read_text(encoding="utf-8")
    assert re.search(r"^python3 -m venv \.venv && \.venv/bin/pip install -r requirements\.txt "
                     r"&& \.venv/bin/jupyter lab notebooks/ko/$", readme, re.M)
    notebooks = sorted(p.name for p in (NOTEBOOKS / "ko").glob("*.ipynb"))
    with start_lab(["notebooks/ko/"], home=tmp_path, cwd=REPO) as server:
        listing = server.api("contents", content="1")
        served = {item["name"] for item in listing["content"] if item["type"] == "notebook"}
        assert served == set(notebooks), f"jupyter lab notebooks/ko/ serves {sorted(served)}"
