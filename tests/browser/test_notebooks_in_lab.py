"""Every notebook, run in JupyterLab in headless Chromium, as a teacher projects it.

nbval proves the kernel side. These tests prove the browser side: for each notebooks/*.ipynb
(a temporary copy), open it in JupyterLab in a 1280x720 page, switch to Presentation Mode and
the Simple Interface from the View menu, wait until its kernel has settled, Run All, and then
check that
- its figures render, in outputs as wide as tests/test_answer_key.py assumes when it checks
  that no figure text is under 10 pt on that screen,
- no cell shows an error (cells tagged raises-exception may) or new stderr,
- every widget the committed notebook displays is displayed again and drawn as a widget
  (the ipywidgets frontend matches the kernel side), not "Loading widget..." or an error,
- moving a slider with the keyboard redraws the figure or table it drives, for the first
  slider of every displayed widget, and nothing errors while it does (not in a widget,
  not in the Log Console, not in the browser console).
A screenshot of each moved widget goes to tests/browser/screenshots/ (see notebook_check.py).
A notebook whose check fails is checked once more on a fresh page, and the first failure is
printed: a real fault fails twice, a timeout of a loaded machine once.

The Korean edition (notebooks/ko/) runs the same way on its own JupyterLab server, switched to
Korean as a learner switches it (Settings > Language > 한국어, from jupyterlab-language-pack-ko-KR):
its menus must then read 파일, 편집, 보기 ..., and the checks click them in Korean.
"""

from __future__ import annotations

import shutil
import warnings

import pytest

from .conftest import NOTEBOOKS
from .jlab import copy_notebooks, start_lab
from .labpage import KOREAN_UI, LabTimeout, exactly, wait_until
from .notebook_check import check_notebook

pytestmark = pytest.mark.browser

NOTEBOOK_NAMES = sorted(p.name for p in NOTEBOOKS.glob("*.ipynb"))
KOREAN_NAMES = sorted(f"ko/{p.name}" for p in (NOTEBOOKS / "ko").glob("*.ipynb"))
KOREAN_MENUS = ["파일", "편집", "보기", "실행", "커널", "탭", "설정", "도움말"]
KOREAN_ENTRY = "Korean (South Korea) - 한국어 (대한민국)"  # Settings > Language

# At least this many widgets per notebook (by number) must have a slider that redraws something.
INTERACTIVE = {"01": 1, "02": 1, "03": 1, "04": 2, "06": 2}
# Sliders or buttons that by design change nothing visible: {notebook stem: {label}}.
DRAWS_NOTHING: dict[str, set[str]] = {}


def run_and_check(name, lab, page, screenshots, ui=None) -> list[str]:
    """One attempt: the problems found (a timeout is one too). In the Korean interface (ui) the
    widgets are drawn and screenshot, not moved: the English edition's check moves them."""
    stem = name.removesuffix(".ipynb").split("/")[-1]
    try:
        report = check_notebook(page, lab, name, screenshots, DRAWS_NOTHING.get(stem, set()), ui,
                                interact=ui is None)
    except LabTimeout as e:
        return [str(e)]
    print("\n".join(f"{stem}: {line}" for line in report.log))
    needed = INTERACTIVE.get(stem[:2], 0) if ui is None else 0
    if report.redrawn < needed:
        report.problems.append(
            f"{report.redrawn} widget(s) redrew when their slider moved; expected at least {needed}"
        )
    return report.problems


def check_twice(name, lab, page, screenshots, ui=None) -> None:
    problems = run_and_check(name, lab, page, screenshots, ui)
    if problems:
        # A loaded 2-core machine has timed out once in a few hundred runs (a save, a redraw):
        # say so, then run the whole check again on a fresh page and the committed notebook.
        # A real fault fails twice.
        warnings.warn(f"{name}: first attempt found {problems}; once more on a fresh page")
        shutil.copy(NOTEBOOKS / name, lab.root / name)
        fresh = page.context.new_page()
        fresh.set_default_timeout(60_000)
        try:
            problems = run_and_check(name, lab, fresh, screenshots, ui)
        finally:
            fresh.close()
    assert not problems, f"{name} in JupyterLab:\n" + "\n".join(problems)


@pytest.mark.parametrize("name", NOTEBOOK_NAMES)
def test_notebook_runs_in_lab(name, browser, lab, page, screenshots):
    check_twice(name, lab, page, screenshots)


def menu_bar(page) -> list[str]:
    return [t.strip() for t in page.locator(".lm-MenuBar-itemLabel").all_text_contents()]


@pytest.fixture(scope="session")
def korean_lab(browser_context, tmp_path_factory, screenshots):
    """A second JupyterLab server, switched to Korean from its Settings menu, as README.ko.md says."""
    tmp = tmp_path_factory.mktemp("lab-ko")
    root = copy_notebooks(NOTEBOOKS, tmp / "notebooks")
    server = start_lab([f"--ServerApp.root_dir={root}"], home=tmp / "jupyter")
    server.root = root
    page = browser_context.new_page()
    try:
        page.goto(server.url("lab"))
        wait_until("the menu bar", lambda: "Settings" in menu_bar(page), timeout=90)
        page.locator(".lm-MenuBar-itemLabel", has_text=exactly("Settings")).first.click()
        page.locator(".lm-Menu-itemLabel", has_text=exactly("Language")).first.hover()
        page.locator(".lm-Menu-itemLabel", has_text=exactly(KOREAN_ENTRY)).first.click()
        page.locator(".jp-Dialog button.jp-mod-accept").click()  # "Change and reload"
        wait_until("the menus in Korean", lambda: menu_bar(page) == KOREAN_MENUS, timeout=90)
        page.screenshot(path=str(screenshots / "ko-interface.png"))
    finally:
        page.close()
    yield server
    server.stop()


def test_interface_in_korean(korean_lab, page):
    """Once switched, JupyterLab stays in Korean: a new page shows the Korean menus."""
    page.goto(korean_lab.url("lab"))
    wait_until("the menus in Korean", lambda: menu_bar(page) == KOREAN_MENUS, timeout=90)


@pytest.mark.parametrize("name", KOREAN_NAMES)
def test_korean_notebook_runs_in_korean_lab(name, browser, korean_lab, page, screenshots):
    check_twice(name, korean_lab, page, screenshots, ui=KOREAN_UI)
