"""A progress bar that fits where it runs: a widget in Jupyter, text in a terminal, else nothing.

`scratchnet.train` (notebooks 06 and 07, and the command line) shows it while training: importing
this module installs it there (`scratchnet.training.set_progress_bar`), since the book code does
not import the toolkit. `import scratchnet.toolkit` imports it.
"""

from __future__ import annotations

import sys
import time

from ..language import tr
from ..training import set_progress_bar


def in_notebook() -> bool:
    """True inside a Jupyter kernel (where ipywidgets can be shown)."""
    try:
        from IPython import get_ipython
    except ImportError:
        return False
    shell = get_ipython()
    return shell is not None and type(shell).__name__ == "ZMQInteractiveShell"


class TextBar:
    """`[#####.....] 500/1000 loss 0.4123 3.2s` on one terminal line (stderr)."""

    def __init__(self, total: int, stream=None, width: int = 30):
        self.total, self.width = total, width
        self.stream = stream or sys.stderr
        self.start = time.perf_counter()

    def update(self, done: int, text: str = "") -> None:
        filled = self.width * done // max(self.total, 1)
        bar = "#" * filled + "." * (self.width - filled)
        elapsed = time.perf_counter() - self.start
        self.stream.write(f"\r[{bar}] {done}/{self.total} {text} {elapsed:.1f}s ")
        self.stream.flush()

    def close(self) -> None:
        self.stream.write("\n")
        self.stream.flush()


class WidgetBar:
    """An ipywidgets progress bar with a label, for notebooks."""

    def __init__(self, total: int):
        import ipywidgets as widgets
        from IPython.display import display

        self.bar = widgets.IntProgress(min=0, max=total, description=tr("training", "학습 중"))
        self.label = widgets.Label()
        self.total = total
        display(widgets.HBox([self.bar, self.label]))

    def update(self, done: int, text: str = "") -> None:
        self.bar.value = done
        self.label.value = f"{done}/{self.total} {text}"

    def close(self) -> None:
        self.bar.bar_style = "success"


class NoBar:
    def update(self, done: int, text: str = "") -> None:
        pass

    def close(self) -> None:
        pass


def make_bar(total: int, progress="auto"):
    """progress: "auto" (widget in Jupyter, text on a terminal, nothing otherwise), True, False."""
    if progress is False:
        return NoBar()
    if in_notebook():
        return WidgetBar(total)
    if progress is True or sys.stderr.isatty():
        return TextBar(total)
    return NoBar()


set_progress_bar(make_bar)
