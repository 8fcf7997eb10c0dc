"""Shared plumbing of the notebook widgets: labelled sliders and two kinds of panel.

`_Panel` (the widgets of notebooks 01-03: chain_rule, shopping, activations): its sliders are
attributes, `update()` is a plain method that recomputes everything from the slider values and
stores what it shows (`graph`, `rows`, `text`, `png`), so tests can drive it without a browser:

    w = ShoppingWidget()
    w.apple_num.value = 3          # the observer calls update() at once
    w.graph.values["price"]        # what the figure now shows

Figures go into an `ipywidgets.Image` as PNG bytes (no Output widget), and the text beside them into an
`HTML` widget, so the shown state is in the widget values themselves. Display the widget by
leaving it as the last expression of a cell. Where widgets cannot be drawn (GitHub, or an
nbconvert export without stored widget state) the cell shows `describe()` as plain text
instead of the long VBox(...) repr; nbval compares that text, so keep it free of live values.

`_Explorer` (the explorers of notebooks 04 and 06: affine_shapes, softmax_bars, digits,
training_curves): `.widget` is what the notebook shows, `.update()` (or `.train()`) is the
plain callback the controls call. Callbacks compute with the package's own layers, store what
they show (`.state`, `.text`, `.figure`) and return it, so tests can drive them without a
browser: set a control's `.value`, or call `Button.click()`.
"""

from __future__ import annotations

import io

import ipywidgets as widgets
from IPython.display import display
from matplotlib.figure import Figure

from ..language import tr
from .progress import in_notebook

SLIDER_STYLE = {"description_width": "110px"}
SLIDER_LAYOUT = widgets.Layout(width="420px")


def _slider(cls, description: str, value, lo, hi, step):
    return cls(value=value, min=lo, max=hi, step=step, description=description,
               continuous_update=False, style=SLIDER_STYLE, layout=SLIDER_LAYOUT)


class _Panel:
    """Controls on top, a PNG figure below, then an HTML note. Subclasses define update()."""

    def __init__(self, controls: list, max_width: int = 1060):  # an output in Presentation Mode
        self.controls = controls
        self.image = widgets.Image(format="png", layout=widgets.Layout(max_width=f"{max_width}px"))
        self.html = widgets.HTML()
        for c in controls:
            c.observe(self._on_change, names="value")
        self.ui = widgets.VBox([widgets.VBox(controls), self.image, self.html])
        self.update()

    def _on_change(self, change) -> None:
        self.update()

    def update(self) -> None:  # pragma: no cover - every subclass overrides it
        raise NotImplementedError

    def _show(self, png: bytes, html: str) -> None:
        self.png = png
        self.image.value = png
        self.html.value = html

    def describe(self) -> str:
        """Plain text shown where widgets cannot be drawn (GitHub, nbconvert without widget state)."""
        return f"{type(self).__name__}: interactive in a running notebook"

    def _repr_mimebundle_(self, **kwargs):
        bundle = self.ui._repr_mimebundle_(**kwargs)
        # the default text is the VBox repr with every control's settings: say what it is instead
        bundle["text/plain"] = self.describe() + tr(" (the static figure above shows the start values)",
                                                    " (위의 정적 그림이 처음 값을 보여 줍니다)")
        return bundle


def _png(fig: Figure) -> bytes:
    buf = io.BytesIO()
    fig.savefig(buf, format="png", metadata={"Software": None})
    return buf.getvalue()


SLIDER_WIDTH = "420px"  # the whole slider; the default (300px) leaves the track ~60px after a wide label


def _slider_look(description_width: str) -> dict:
    """style and layout keywords for a slider: a readable label and a track of ~250px or more."""
    return {"style": {"description_width": description_width},
            "layout": widgets.Layout(width=SLIDER_WIDTH)}


class _Explorer:
    """Shared plumbing: a Figure redrawn in place and shown in an Output area."""

    def __init__(self):
        self.figure = Figure()  # not a pyplot figure: it only appears where we display it
        self.out = widgets.Output()

    def _show_figure(self) -> None:
        if not in_notebook():  # outside a kernel nothing would capture it: tests read self.figure
            return
        self.out.clear_output(wait=True)
        with self.out:
            display(self.figure)

    def _ipython_display_(self):  # `explorer` as a cell's last line shows the controls
        display(self.widget)
