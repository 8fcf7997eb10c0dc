"""Drive one notebook in JupyterLab as a person would: open, wait, Run All, save, move sliders.

Everything here uses the page (menus, keyboard, the DOM) and the server's REST API; the
JupyterLab application object is never reached into.
"""

from __future__ import annotations

import json
import re
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from .jlab import LabServer

if TYPE_CHECKING:  # playwright is optional: without it the tests skip
    from playwright.sync_api import Locator, Page

WIDGET_MIME = "application/vnd.jupyter.widget-view+json"
# text shown by the widget renderer when it cannot draw a view
WIDGET_FALLBACK_TEXTS = ("Loading widget...", "Error displaying widget", "Error rendering widget")


def exactly(text: str) -> re.Pattern:
    """Match an element whose whole text is `text` (has_text alone matches substrings)."""
    return re.compile(rf"^\s*{re.escape(text)}\s*$")


# JupyterLab's menus in Korean (the jupyterlab-language-pack-ko-KR package, Settings > Language):
# what a Korean learner clicks instead of the English labels this module uses
KOREAN_UI = {
    "File": "파일", "Edit": "편집", "View": "보기", "Run": "실행", "Settings": "설정",
    "Appearance": "디자인", "Presentation Mode": "프레젠테이션 모드",
    "Simple Interface": "단순한 인터페이스", "Clear Outputs of All Cells": "모든 셀의 출력 지우기",
    "Run All Cells": "모든 셀 실행", "Save Notebook": "Notebook 저장",
}


class LabTimeout(AssertionError):
    """JupyterLab did not reach the awaited state in time."""


def wait_until(what: str, check, timeout: float, interval: float = 0.25):
    """Call check() until it returns something truthy; return that, or fail naming `what`."""
    deadline = time.monotonic() + timeout
    while True:
        result = check()
        if result:
            return result
        if time.monotonic() > deadline:
            raise LabTimeout(f"timed out after {timeout:.0f} s waiting for {what}")
        time.sleep(interval)


@dataclass
class Notebook:
    """One notebook open in its own page."""

    page: Page
    server: LabServer
    path: str  # relative to the server's root dir
    console_errors: list[str] = field(default_factory=list)
    kernel_id: str | None = None  # set once the kernel has settled
    ui: dict = field(default_factory=dict)  # menu labels in the interface's language (KOREAN_UI)

    # --- opening and the kernel -------------------------------------------------------

    def open(self, timeout: float = 90) -> None:
        self.page.on("pageerror", lambda e: self.console_errors.append(f"page error: {e}"))
        self.page.on(
            "console",
            lambda m: self.console_errors.append(m.text) if m.type == "error" else None,
        )
        # ?reset: start from an empty workspace, never a restored one
        self.page.goto(self.server.url(f"lab/tree/{self.path}", reset=""))
        self.page.wait_for_selector(".jp-NotebookPanel .jp-Notebook .jp-Cell", timeout=timeout * 1000)

    @property
    def panel(self) -> Locator:
        return self.page.locator(".jp-NotebookPanel:not(.lm-mod-hidden)")

    def ui_kernel_status(self) -> str | None:
        indicator = self.panel.locator(".jp-Notebook-ExecutionIndicator")
        return indicator.first.get_attribute("data-status") if indicator.count() else None

    def server_kernel(self) -> tuple[str, str] | None:
        """(kernel id, execution state) of this notebook's session, from the server."""
        sessions = [s for s in self.server.api("sessions") if s.get("path") == self.path]
        if len(sessions) != 1 or not sessions[0].get("kernel"):
            return None
        kernel = sessions[0]["kernel"]
        return kernel["id"], kernel["execution_state"]

    def wait_kernel_settled(self, quiet: float = 2.0, timeout: float = 90) -> str:
        """Wait until the kernel has been the same one, idle, for `quiet` seconds; its id.

        JupyterLab race: Run All issued right after the first "idle" may start a second kernel.
        """
        state = {"since": None, "kernel": None}

        def settled():
            kernel = self.server_kernel()
            ok = kernel is not None and kernel[1] == "idle" and self.ui_kernel_status() == "idle"
            if not ok:
                state["since"] = state["kernel"] = None
                return None
            if kernel[0] != state["kernel"] or state["since"] is None:
                state["since"], state["kernel"] = time.monotonic(), kernel[0]
                return None
            return state["kernel"] if time.monotonic() - state["since"] >= quiet else None

        self.kernel_id = wait_until(f"the kernel of {self.path} to settle", settled, timeout)
        return self.kernel_id

    def hide_left_sidebar(self) -> None:
        """Collapse the file browser (click its active tab) so screenshots show the notebook."""
        tab = self.page.locator(".jp-SideBar.jp-mod-left .lm-TabBar-tab.lm-mod-current")
        if tab.count():
            tab.first.click()

    # --- menus ----------------------------------------------------------------------------

    def menu(self, top: str, item: str) -> None:
        """Click a main-menu entry, e.g. menu("Run", "Run All Cells")."""
        top, item = self.ui.get(top, top), self.ui.get(item, item)
        self.page.locator(".lm-MenuBar-itemLabel", has_text=exactly(top)).first.click()
        entry = self.page.locator(".lm-Menu-content .lm-Menu-item:not(.lm-mod-hidden)").filter(
            has=self.page.locator(".lm-Menu-itemLabel", has_text=exactly(item))
        )
        entry.first.click()

    def menu_path(self, *labels: str) -> None:
        """Click through a main menu and its submenus, e.g. menu_path("View", "Appearance",
        "Presentation Mode"): each label but the last opens a submenu (hovered), the last is clicked."""
        labels = tuple(self.ui.get(label, label) for label in labels)
        self.page.locator(".lm-MenuBar-itemLabel", has_text=exactly(labels[0])).first.click()
        for i, label in enumerate(labels[1:], start=1):
            menus = self.page.locator(".lm-Menu:not(.lm-MenuBar)")
            entry = menus.last.locator(".lm-Menu-item:not(.lm-mod-hidden)").filter(
                has=self.page.locator(".lm-Menu-itemLabel", has_text=exactly(label))
            ).first
            if i < len(labels) - 1:
                entry.hover()
                wait_until(f"the {label} submenu", lambda n=menus.count(): menus.count() > n, timeout=10)
            else:
                entry.click()

    def present(self) -> None:
        """What a teacher does before projecting: View > Appearance > Presentation Mode, and the
        Simple Interface (one document, no tabs), both from the menus."""
        self.menu_path("View", "Appearance", "Presentation Mode")
        wait_until("Presentation Mode", lambda: self.page.locator(".jp-mod-presentationMode").count(),
                   timeout=10)
        if not self.page.locator("#jp-main-dock-panel[data-mode='single-document']").count():
            self.menu_path("View", "Appearance", "Simple Interface")
            wait_until("the Simple Interface",
                       lambda: self.page.locator("#jp-main-dock-panel[data-mode='single-document']").count(),
                       timeout=10)

    def figure_widths(self) -> list[tuple[int, int]]:
        """(own width, shown width) of every output image, in CSS px."""
        return self.panel.locator(".jp-Cell-outputArea img").evaluate_all(
            "imgs => imgs.map(i => [i.naturalWidth, i.clientWidth])")

    def wait_figures_decoded(self, timeout: float = 30) -> None:
        """Wait until every output image has been decoded (a stored notebook's, on opening)."""
        wait_until(
            "the stored figures to be decoded",
            lambda: all(w > 0 for w, _ in self.figure_widths()),
            timeout=timeout,
        )

    def output_width(self) -> int:
        """The width an output may take before a figure is shrunk to fit."""
        return self.panel.locator(".jp-OutputArea-output").first.evaluate("e => e.clientWidth")

    # --- running ----------------------------------------------------------------------------

    def prompts(self) -> list[str]:
        """Input prompts of all code cells, e.g. ['[1]:', '[*]:', '[ ]:']."""
        return self.panel.locator(".jp-CodeCell .jp-InputArea-prompt").all_text_contents()

    def run_all(self, timeout: float = 600, quiet: float = 1.0) -> float:
        """Edit > Clear Outputs of All Cells, Run > Run All Cells, then wait until nothing is
        queued and the kernel is idle.

        Clearing first means every output checked afterwards comes from this run (and that
        Run All has visibly started once a prompt shows [*] or a number). Returns the seconds
        Run All took. The kernel must stay the same one throughout.
        """
        kernel_id = self.kernel_id or self.wait_kernel_settled()
        self.menu("Edit", "Clear Outputs of All Cells")
        wait_until(
            "the outputs to be cleared",
            lambda: all(p.strip() in ("[ ]:", "") for p in self.prompts()),
            timeout=30,
        )
        t0 = time.monotonic()
        self.menu("Run", "Run All Cells")
        wait_until(
            "Run All to start",
            lambda: any(p.strip() not in ("[ ]:", "") for p in self.prompts()),
            timeout=30,
        )
        state = {"since": None}

        def finished():
            busy = any("*" in p for p in self.prompts())
            kernel = self.server_kernel()
            idle = not busy and kernel is not None and kernel[1] == "idle" and self.ui_kernel_status() == "idle"
            if not idle:
                state["since"] = None
                return False
            state["since"] = state["since"] or time.monotonic()
            return time.monotonic() - state["since"] >= quiet

        wait_until(f"Run All of {self.path} to finish", finished, timeout, interval=0.5)
        elapsed = time.monotonic() - t0 - quiet
        after = self.server_kernel()
        assert after and after[0] == kernel_id, (
            f"{self.path}: the kernel changed during Run All ({kernel_id} -> {after})"
        )
        return elapsed

    def save(self, timeout: float = 60) -> dict:
        """File > Save Notebook; returns the saved notebook as read back from the server."""
        before = self.server.api(f"contents/{self.path}", content="0")["last_modified"]
        self.menu("File", "Save Notebook")

        # While it saves, the server keeps the old file as ".~<name>" beside it. Reading the
        # notebook then (content=1) finds it half-written, and the server "recovers" it from that
        # backup, under the save's feet: the save fails with "No such file or directory" and the
        # file is gone. So wait, with a stat (content=0) that reads nothing, until the backup is
        # gone and the file is newer, then read it once.
        backup = Path(self.server.root) / Path(self.path).parent / f".~{Path(self.path).name}"

        def saved():
            status, body = self.server.get(f"api/contents/{self.path}", content="0")
            if status != 200 or backup.exists() or json.loads(body)["last_modified"] == before:
                return None
            status, body = self.server.get(f"api/contents/{self.path}", content="1")
            if status != 200:  # caught half-written after all (a 400 "not JSON"): ask again
                return None
            return json.loads(body)["content"]

        try:
            return wait_until(f"{self.path} to be saved", saved, timeout / 2)
        except LabTimeout:  # seen once on a fresh server: the menu click saved nothing; ask again
            self.page.keyboard.press("Escape")  # close a menu or dialog left open, if any
            self.menu("File", "Save Notebook")
            return wait_until(f"{self.path} to be saved (asked twice)", saved, timeout / 2)

    # --- cells and widgets --------------------------------------------------------------------

    def cells(self) -> Locator:
        return self.panel.locator(".jp-Notebook .jp-Cell")

    def widget_views(self, cell: Locator) -> Locator:
        """The widget views a cell displayed (not those nested inside other widgets)."""
        return cell.locator(
            ".jp-Cell-outputArea > .jp-OutputArea-child > .jp-OutputArea-output > .jupyter-widgets"
        )

    def widget_render_problems(self, saved: dict) -> list[str]:
        """Cells whose saved outputs hold widget views that the page does not draw as widgets."""
        cells = self.cells()
        if cells.count() != len(saved["cells"]):
            return [f"the page shows {cells.count()} cells, the notebook has {len(saved['cells'])}"]
        problems = []
        for i, expected in enumerate(widget_view_counts(saved)):
            if not expected:
                continue
            cell = cells.nth(i)
            drawn = self.widget_views(cell).count()
            text = cell.locator(".jp-Cell-outputArea").text_content() or ""
            shown = [t for t in WIDGET_FALLBACK_TEXTS if t in text]
            if drawn < expected or shown:
                problems.append(
                    f"cell {i}: {expected} widget(s) displayed, {drawn} drawn"
                    + (f", page shows {shown}" if shown else "")
                )
        return problems

    def sliders(self, scope: Locator | None = None) -> Locator:
        """The sliders in `scope`, the scope itself included (a lone slider is its own view)."""
        has_class = "contains(concat(' ', normalize-space(@class), ' '), ' widget-slider ')"
        return (scope or self.panel).locator(f"xpath=self::*[{has_class}] | .//*[{has_class}]")

    def move_slider(self, slider: Locator, presses: int = 3) -> tuple[str, str]:
        """Focus a slider's handle and press arrow keys; (value before, value after).

        Moves right (up for a vertical slider), or left when it already sits at its maximum.
        """
        handle = slider.locator(".noUi-handle").first
        handle.scroll_into_view_if_needed()
        before = handle.get_attribute("aria-valuenow")
        vertical = "widget-vslider" in (slider.get_attribute("class") or "")
        at_max = before == handle.get_attribute("aria-valuemax")
        key = {(False, False): "ArrowRight", (False, True): "ArrowLeft",
               (True, False): "ArrowUp", (True, True): "ArrowDown"}[(vertical, at_max)]
        handle.focus()
        for _ in range(presses):
            self.page.keyboard.press(key)
        after = wait_until(
            "the slider handle to move",
            lambda: (v := handle.get_attribute("aria-valuenow")) != before and v,
            timeout=10,
        )
        return before, after

    def click_button(self, button: Locator) -> str:
        """Click a widget button; its text."""
        button.scroll_into_view_if_needed()
        text = (button.text_content() or "").strip()
        button.click()
        return text

    def wait_redraw(self, before: str, timeout: float = 60, quiet: float = 1.0,
                    patience: float = 4.0) -> str:
        """Wait until the kernel is idle and the widget views have stopped changing; what they show.

        Returns as soon as they differ from `before` and have stayed the same (kernel idle) for
        `quiet` seconds; when they still equal `before`, gives the kernel `patience` seconds
        first (the change may not have reached it yet).
        """
        t0 = time.monotonic()
        state = {"last": None, "since": t0}

        def settled():
            kernel = self.server_kernel()
            now = snapshot(self.panel)
            if now != state["last"] or not kernel or kernel[1] != "idle":
                state["last"], state["since"] = now, time.monotonic()
                return None
            stable = time.monotonic() - state["since"] >= quiet
            return now if stable and (now != before or time.monotonic() - t0 >= patience) else None

        return wait_until("the widgets to redraw and settle", settled, timeout)

    def widget_error_outputs(self) -> list[str]:
        """Errors and stderr shown inside widgets (e.g. an Output widget catching a callback)."""
        texts = self.panel.locator(
            ".jupyter-widgets .jp-OutputArea-output[data-mime-type='application/vnd.jupyter.stderr']"
        ).all_text_contents()
        return [" ".join(t.split())[:300] for t in texts]

    def log_console_entries(self) -> int:
        """How many entries the Log Console holds for this notebook (uncaught widget callback
        errors land there, not in a cell)."""
        item = self.page.locator(".jp-LogConsoleStatusItem:not(.lm-mod-hidden) [title]")
        if not item.count():
            return 0
        match = re.search(r"(\d+) log entr", item.first.get_attribute("title") or "")
        return int(match.group(1)) if match else 0

    def log_console_text(self) -> str:
        """Open the Log Console (click its status bar item) and return what it shows."""
        self.page.locator(".jp-LogConsoleStatusItem [title]").first.click()
        panel = self.page.locator(".jp-LogConsolePanel")
        panel.first.wait_for(timeout=10_000)
        time.sleep(0.5)
        return panel.first.inner_text()

    def screenshot(self, path, at: Locator | None = None) -> None:
        """A screenshot of the page, scrolled so that `at` starts at the top of the notebook."""
        if at is not None:
            at.evaluate("e => e.scrollIntoView({block: 'start'})")
            time.sleep(0.3)  # let the images of newly shown cells paint
        self.page.screenshot(path=str(path))


def widget_view_counts(nb: dict) -> list[int]:
    """Per cell of a notebook, how many widget views its outputs display."""
    return [
        sum(WIDGET_MIME in out.get("data", {}) for out in cell.get("outputs", []))
        for cell in nb["cells"]
    ]


def snapshot(area: Locator) -> str:
    """What the widget views in `area` show, minus the sliders' own readouts.

    Images are compared by content (a SHA-256 of their bytes: ipywidgets' Image gives every
    new value a new blob: URL), text by the rendered text of tables, HTML and outputs.
    """
    return area.evaluate(
        """async el => {
            const digest = async src => {
                try {
                    const bytes = await (await fetch(src)).arrayBuffer();
                    const hash = await crypto.subtle.digest('SHA-256', bytes);
                    return [...new Uint8Array(hash)].map(b => b.toString(16).padStart(2, '0')).join('');
                } catch (e) { return 'unreadable:' + src.slice(0, 64); }
            };
            const views = [...el.querySelectorAll(
                '.jp-Cell-outputArea > .jp-OutputArea-child > .jp-OutputArea-output > .jupyter-widgets')];
            const imgs = [], texts = [];
            for (const view of views) {
                for (const img of view.querySelectorAll('img')) imgs.push(await digest(img.src));
                if (view.matches('.widget-slider')) continue;  // a lone slider: only a readout
                const clone = view.cloneNode(true);
                clone.querySelectorAll('.widget-slider').forEach(s => s.remove());
                texts.push(clone.textContent);
            }
            return JSON.stringify({imgs, text: texts.join('\\n')});
        }"""
    )


def describe_change(before: str, after: str) -> str:
    b, a = json.loads(before), json.loads(after)
    parts = []
    if b["imgs"] != a["imgs"]:
        parts.append(f"image changed ({len(b['imgs'])} -> {len(a['imgs'])} images)")
    if b["text"] != a["text"]:
        parts.append("text changed")
    return ", ".join(parts) or "nothing changed"


def cells_not_run(nb: dict) -> list[str]:
    """Code cells with code that have no execution count after Run All (it stopped early)."""
    idle = [i for i, c in enumerate(nb["cells"])
            if c["cell_type"] == "code" and "".join(c["source"]).strip()
            and c.get("execution_count") is None]
    if not idle:
        return []
    return [f"{len(idle)} code cell(s) did not run, from cell {idle[0]} on: Run All stopped"]


def error_outputs(nb: dict, stored: dict | None = None) -> list[str]:
    """Error outputs in a saved notebook, outside cells tagged raises-exception.

    stderr streams count too, unless the stored notebook's same cell also wrote to stderr
    (a warning that nbval already accepts).
    """
    stored_cells = stored["cells"] if stored else []
    problems = []
    for i, cell in enumerate(nb["cells"]):
        if cell["cell_type"] != "code":
            continue
        tags = cell.get("metadata", {}).get("tags", [])
        head = "".join(cell["source"]).strip().splitlines()[:1]
        where = f"cell {i} ({head[0][:60]!r})" if head else f"cell {i}"
        stored_cell = stored_cells[i] if i < len(stored_cells) else {}
        stored_stderr = any(
            o.get("name") == "stderr" for o in stored_cell.get("outputs", [])
        )
        for out in cell.get("outputs", []):
            if out["output_type"] == "error" and "raises-exception" not in tags:
                problems.append(f"{where}: {out['ename']}: {out['evalue']}")
            if out["output_type"] == "stream" and out.get("name") == "stderr" and not stored_stderr:
                text = "".join(out["text"]).strip()
                problems.append(f"{where}: stderr: {text[:300]}")
    return problems
