"""Every notebook, run in JupyterLab in headless Chromium, as a learner would.

nbval proves the kernel side. These tests prove the browser side: for each notebooks/*.ipynb
(a temporary copy), open it in JupyterLab, wait until its kernel has settled, Run All, and
then check that
- no cell shows an error (cells tagged raises-exception may) or new stderr,
- every widget the committed notebook displays is displayed again and drawn as a widget
  (the ipywidgets frontend matches the kernel side), not "Loading widget..." or an error,
- moving a slider with the keyboard redraws the figure or table it drives, for the first
  slider of every displayed widget, and nothing errors while it does (not in a widget,
  not in the Log Console, not in the browser console).
A screenshot of each moved widget goes to tests/browser/screenshots/.
"""

from __future__ import annotations

import json
import time

import pytest

from .conftest import NOTEBOOKS
from .labpage import (
    Notebook, describe_change, error_outputs, snapshot, widget_view_counts,
)

pytestmark = pytest.mark.browser

NOTEBOOK_NAMES = sorted(p.name for p in NOTEBOOKS.glob("*.ipynb"))

# At least this many widgets per notebook (by number) must have a slider that redraws something.
INTERACTIVE = {"01": 1, "02": 1, "03": 1, "04": 2, "06": 1}
# Sliders that by design change nothing visible when moved alone: {notebook stem: {label}}.
DRAWS_NOTHING: dict[str, set[str]] = {}


def slider_label(slider) -> str:
    label = slider.locator(".widget-label")
    return (label.first.text_content() or "").strip() if label.count() else "(no label)"


def shut_down_kernel(lab, path: str) -> None:
    for session in lab.api("sessions"):
        if session.get("path") == path:
            lab.delete(f"sessions/{session['id']}")


@pytest.mark.parametrize("name", NOTEBOOK_NAMES)
def test_notebook_runs_in_lab(name, browser, lab, page, screenshots):
    stem = name.removesuffix(".ipynb")
    # the committed notebook, as copied for this session's server
    stored = json.loads((lab.root / name).read_text(encoding="utf-8"))
    for old in screenshots.glob(f"{stem}*.png"):
        old.unlink()
    nb = Notebook(page, lab, name)
    t0 = time.monotonic()
    try:
        nb.open()
        nb.hide_left_sidebar()
        t_open = time.monotonic()
        nb.wait_kernel_settled()
        t_kernel = time.monotonic()
        run_seconds = nb.run_all()
        saved = nb.save()
        t_run = time.monotonic()
        problems = error_outputs(saved, stored)

        # the widgets: displayed where the committed notebook displays them, and drawn
        expected, displayed = widget_view_counts(stored), widget_view_counts(saved)
        problems += [
            f"cell {i}: the committed notebook displays {e} widget(s), after Run All {d}"
            for i, (e, d) in enumerate(zip(expected, displayed)) if e != d
        ]
        problems += nb.widget_render_problems(saved)

        # the first slider of each displayed widget, moved with the keyboard; when a widget
        # redraws only on its button (the training dashboard's Train), the button is pressed
        redrawn, cells = 0, nb.cells()
        for i, count in enumerate(displayed):
            views = nb.widget_views(cells.nth(i)) if count else None
            for v in range(views.count() if views else 0):
                sliders = nb.sliders(views.nth(v))
                if not sliders.count():
                    continue
                label = slider_label(sliders.first)
                before = snapshot(nb.panel)
                old, new = nb.move_slider(sliders.first)
                after = nb.wait_redraw(before)
                change = describe_change(before, after)
                print(f"{stem} cell {i}: slider {label!r} {old} -> {new}: {change}")
                if after == before and views.nth(v).locator("button.jupyter-button").count():
                    pressed = nb.click_button(views.nth(v))
                    after = nb.wait_redraw(before, timeout=300)
                    change = describe_change(before, after)
                    print(f"{stem} cell {i}: button {pressed!r}: {change}")
                shot = screenshots / f"{stem}-cell{i:02d}.png"
                nb.screenshot(shot, at=views.nth(v))
                if after != before:
                    redrawn += 1
                elif label not in DRAWS_NOTHING.get(stem, set()):
                    problems.append(
                        f"cell {i}: slider {label!r} moved {old} -> {new}, but no figure or table "
                        f"changed, nor after pressing the widget's button (screenshot {shot.name})"
                    )
        needed = INTERACTIVE.get(stem[:2], 0)
        if redrawn < needed:
            problems.append(f"{redrawn} widget(s) with a slider that redraws; expected at least {needed}")
        if not any(displayed):
            nb.screenshot(screenshots / f"{stem}.png")

        problems += [f"error inside a widget: {t}" for t in nb.widget_error_outputs()]
        if entries := nb.log_console_entries():
            problems.append(f"Log Console has {entries} entries: {nb.log_console_text()[:500]}")
        problems += [f"browser console: {e[:300]}" for e in nb.console_errors]
        print(
            f"{stem}: open {t_open - t0:.1f} s, kernel settled {t_kernel - t_open:.1f} s, "
            f"Run All {run_seconds:.1f} s (+ save {t_run - t_kernel - run_seconds:.1f} s), "
            f"checks and sliders {time.monotonic() - t_run:.1f} s"
        )
        assert not problems, f"{name} in JupyterLab:\n" + "\n".join(problems)
    finally:
        shut_down_kernel(lab, name)
