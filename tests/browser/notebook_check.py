"""The browser-side check of one notebook, shared by the notebook tests and the harness self-test."""

from __future__ import annotations

import json
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from ..test_answer_key import OUTPUT_WIDTH_PX
from .jlab import LabServer
from .labpage import (
    Notebook, cells_not_run, describe_change, error_outputs, snapshot, widget_view_counts,
)

if TYPE_CHECKING:  # playwright is optional: without it the tests skip
    from playwright.sync_api import Page


@dataclass
class Report:
    """What checking one notebook found."""

    problems: list[str] = field(default_factory=list)
    redrawn: int = 0  # widgets whose slider (or button) redrew a figure or table
    log: list[str] = field(default_factory=list)  # what happened, for the test's output


def slider_label(slider) -> str:
    label = slider.locator(".widget-label")
    return (label.first.text_content() or "").strip() if label.count() else "(no label)"


def widget_count_changes(stored: dict, saved: dict) -> list[str]:
    """Cells whose widget views after Run All differ from the committed outputs.

    Cells committed without an execution count (never run) are not compared.
    """
    problems = []
    expected, displayed = widget_view_counts(stored), widget_view_counts(saved)
    for i, (cell, e, d) in enumerate(zip(stored["cells"], expected, displayed)):
        if cell["cell_type"] == "code" and cell.get("execution_count") is not None and e != d:
            problems.append(f"cell {i}: the committed notebook displays {e} widget(s), after Run All {d}")
    return problems


def shut_down_kernel(lab: LabServer, path: str) -> None:
    for session in lab.api("sessions"):
        if session.get("path") == path:
            lab.delete(f"sessions/{session['id']}")


def check_notebook(
    page: Page, lab: LabServer, name: str, screenshots: Path, draws_nothing: set[str] = frozenset(),
    ui: dict | None = None, interact: bool = True,
) -> Report:
    """Open notebook `name` (a path in lab's root, e.g. "ko/01_computational_graph.ipynb"), Run
    All, and check cells, widgets and sliders.

    draws_nothing: labels of sliders and buttons that by design change nothing visible.
    ui: the menu labels in the interface's language (labpage.KOREAN_UI), English when None.
    interact: move each widget's first slider and press its buttons. The Korean edition skips
    this (its widgets run the same code as the English ones, which are moved): it is
    screenshot as drawn after Run All.
    The notebook is shown as a teacher projects it: Presentation Mode and the Simple Interface
    (from the View menu) in a 1280x720 page; figures must render, in outputs at least
    OUTPUT_WIDTH_PX wide (tests/test_answer_key.py checks their text size against that).
    Screenshots: the first screen (screenshots/<stem>-top.png), each moved widget
    (<stem>-cell<NN>.png), the first figure (<stem>.png) and the end of the notebook after
    Run All (<stem>-end.png); for ko/NN_name.ipynb the stem is ko-NN_name.

    A stored notebook (every code cell run) that displays no widget is not run again: its
    kernel side is nbval's, and what the browser adds (figures rendered in a wide enough output,
    no error shown) is checked on its stored outputs. A widget needs its kernel, so a notebook
    with widgets, or one never run, is run in full.
    """
    stem = name.removesuffix(".ipynb").replace("/", "-")
    stored = json.loads((lab.root / name).read_text(encoding="utf-8"))  # as committed
    for old in screenshots.glob(f"{stem}*.png"):
        old.unlink()
    report = Report()
    nb = Notebook(page, lab, name, ui=ui or {})
    t0 = time.monotonic()
    try:
        nb.open()
        nb.hide_left_sidebar()
        nb.present()  # as a teacher projects it: Presentation Mode, Simple Interface, 1280x720
        nb.screenshot(screenshots / f"{stem}-top.png")
        t_open = time.monotonic()
        rerun = any(widget_view_counts(stored)) or bool(cells_not_run(stored))
        if rerun:
            nb.wait_kernel_settled()
            t_kernel = time.monotonic()
            run_seconds = nb.run_all()
            saved = nb.save()
        else:  # no widget: the stored outputs, as nbval ran them
            t_kernel, run_seconds, saved = time.monotonic(), 0.0, stored
            report.log.append("no widget: checked as stored (nbval runs it)")
            nb.wait_figures_decoded()
        t_run = time.monotonic()
        nb.screenshot(screenshots / f"{stem}-end.png")  # where Run All left the page

        report.problems += error_outputs(saved, stored) + cells_not_run(saved)
        # the widgets: displayed where the committed notebook displays them, and drawn
        if rerun:  # (a notebook checked as stored has no widget)
            report.problems += widget_count_changes(stored, saved)
            report.problems += nb.widget_render_problems(saved)
        # a figure wider than the output area is shrunk, its labels with it: the answer-key test
        # checks every figure's text against OUTPUT_WIDTH_PX, so the page must give that much
        width = nb.output_width()
        if width < OUTPUT_WIDTH_PX:
            report.problems.append(f"outputs are {width} px wide in Presentation Mode, "
                                   f"tests/test_answer_key.py assumes {OUTPUT_WIDTH_PX}")
        sizes = nb.figure_widths()
        shrunk = [f"{n}->{c}" for n, c in sizes if n and c < n]
        report.log.append(f"{len(sizes)} figures rendered in outputs {width} px wide; "
                          f"shrunk to fit: {', '.join(shrunk) or 'none'}")
        figures = nb.panel.locator(".jp-Cell-outputArea .jp-OutputArea-output img")
        if not figures.count():
            report.problems.append("no figure rendered")

        # the first slider of each displayed widget, moved with the keyboard, then each of its
        # buttons pressed (the digit inspector's "next mistake", the dashboard's Train):
        # each must change a figure, table or text
        cells = nb.cells()
        for i, count in enumerate(widget_view_counts(saved)):
            views = nb.widget_views(cells.nth(i))
            for v in range(views.count() if count else 0):
                view, sliders = views.nth(v), nb.sliders(views.nth(v))
                if not interact:  # the widget at the top of the screen (twice: images above it
                    view.scroll_into_view_if_needed()  # paint and move it)
                    nb.screenshot(screenshots / f"{stem}-cell{i:02d}.png", at=view)
                    nb.screenshot(screenshots / f"{stem}-cell{i:02d}.png", at=view)
                    continue
                if not sliders.count():
                    continue
                label = slider_label(sliders.first)
                before = snapshot(nb.panel)
                old, new = nb.move_slider(sliders.first)
                after = nb.wait_redraw(before)
                report.log.append(f"cell {i}: slider {label!r} {old} -> {new}: {describe_change(before, after)}")
                shot = screenshots / f"{stem}-cell{i:02d}.png"
                if after != before:
                    report.redrawn += 1
                elif label not in draws_nothing:
                    report.problems.append(
                        f"cell {i}: slider {label!r} moved {old} -> {new}, but no figure or table "
                        f"changed (screenshot {shot.name})"
                    )
                buttons = view.locator("button.jupyter-button")
                for b in range(min(buttons.count(), 3)):
                    before = after
                    pressed = nb.click_button(buttons.nth(b))
                    after = nb.wait_redraw(before, timeout=300)
                    report.log.append(f"cell {i}: button {pressed!r}: {describe_change(before, after)}")
                    if after == before and pressed not in draws_nothing:
                        report.problems.append(
                            f"cell {i}: pressing {pressed!r} changed no figure or table (screenshot {shot.name})"
                        )
                nb.screenshot(shot, at=cells.nth(i))
        # the first figure
        figures = nb.panel.locator(".jp-Cell-outputArea .jp-OutputArea-output img")
        if figures.count():
            nb.screenshot(screenshots / f"{stem}.png", at=figures.first)

        report.problems += [f"error inside a widget: {t}" for t in nb.widget_error_outputs()]
        if entries := nb.log_console_entries():
            text = " ".join(nb.log_console_text().split())
            report.problems.append(f"Log Console has {entries} entries: {text[:400]}")
        report.problems += [f"browser console: {e[:300]}" for e in nb.console_errors]
        report.log.append(
            f"open {t_open - t0:.1f} s, kernel settled {t_kernel - t_open:.1f} s, "
            f"Run All {run_seconds:.1f} s (+ save {t_run - t_kernel - run_seconds:.1f} s), "
            f"checks and sliders {time.monotonic() - t_run:.1f} s"
        )
    finally:
        shut_down_kernel(lab, name)
    return report
