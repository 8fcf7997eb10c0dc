"""ReLU and the sigmoid, forward and backward: where the gradient flows back, is blocked or vanishes.

Notebook 03 shows `ActivationExplorer` (pick an activation, the input range and the upstream
gradient dout) and draws `activation_figure`.
"""

from __future__ import annotations

import ipywidgets as widgets
import numpy as np
from matplotlib.figure import Figure

from ..language import Text, tr
from ..layers import Relu, Sigmoid
from ._panel import SLIDER_LAYOUT, SLIDER_STYLE, _Panel, _png, _slider
from .computational_graphs import format_value

ACTIVATIONS = {"relu": Relu, "sigmoid": Sigmoid}
VANISH = 0.01  # a gradient counts as vanished where |dx| < VANISH * |dout|
# What the shaded region is called: ReLU blocks the gradient (exactly 0), the sigmoid shrinks it.
# (the word, the figure's legend); str() gives the current language
LOST = {"relu": (Text("blocked", "기울기 차단"), Text("blocked (dx = 0)", "기울기 차단 (dx = 0)")),
        "sigmoid": (Text("vanished", "기울기 소실"),
                    Text("vanished (|dx| < 1% of |dout|)", "기울기 소실 (|dx| < |dout|의 1%)"))}


def activation_response(name: str, lo: float = -6.0, hi: float = 6.0, dout: float = 1.0,
                        n: int = 601) -> dict:
    """Run an activation layer forward on n points in [lo, hi] and backward with dout everywhere.

    Returns x, y (forward), dx (the gradient that flows back), `vanished` (|dx| < 1% of |dout|)
    and `vanished_fraction`.
    """
    if name not in ACTIVATIONS:
        raise ValueError(tr(f"activation_response: expected one of {sorted(ACTIVATIONS)}, got {name!r}",
                            f"activation_response: name은 {sorted(ACTIVATIONS)} 중 하나여야 하는데 "
                            f"{name!r}입니다"))
    if not lo < hi:
        raise ValueError(tr(f"activation_response: expected lo < hi, got lo={lo}, hi={hi}",
                            f"activation_response: lo < hi여야 하는데 lo={lo}, hi={hi}입니다"))
    layer = ACTIVATIONS[name]()
    x = np.linspace(lo, hi, n)  # (n,)
    y = layer.forward(x)
    dx = layer.backward(np.full_like(x, dout))  # the same upstream gradient at every point
    vanished = np.abs(dx) < VANISH * abs(dout) if dout != 0 else np.ones_like(x, dtype=bool)
    return {"x": x, "y": y, "dx": dx, "vanished": vanished,
            "vanished_fraction": float(vanished.mean())}


def activation_figure(name: str, lo: float = -6.0, hi: float = 6.0, dout: float = 1.0,
                      fig: Figure | None = None) -> Figure:
    """The activation (left) and the gradient it passes back for upstream dout (right),
    with the region where that gradient vanishes shaded. Pass `fig` to draw into it."""
    r = activation_response(name, lo, hi, dout)
    if fig is None:
        import matplotlib.pyplot as plt
        fig = plt.figure(figsize=(9.6, 3.6), dpi=100)
    ax1, ax2 = fig.subplots(1, 2)
    ax1.plot(r["x"], r["y"], lw=2.5)
    ax1.set_title(tr(f"{name}: forward  y = f(x)", f"{name}: 순전파  y = f(x)"), fontsize=14)
    ax2.plot(r["x"], r["dx"], lw=2.5, color="#d62728")
    ax2.set_title(tr(f"backward: dx = dout · f'(x),  dout = {format_value(dout)}",
                     f"역전파: dx = dout · f'(x),  dout = {format_value(dout)}"), fontsize=14)
    ax2.fill_between(r["x"], 0, 1, where=r["vanished"], color="0.85",
                     transform=ax2.get_xaxis_transform(), label=str(LOST[name][1]))
    top, bottom = max(r["dx"].max(), 0.0), min(r["dx"].min(), 0.0)
    span = (top - bottom) or 1.0
    ax2.set_ylim(bottom - 0.05 * span, top + 0.3 * span)  # headroom for the legend
    ax2.legend(loc="upper right", fontsize=11)
    for ax in (ax1, ax2):
        ax.set_xlabel("x", fontsize=13)
        ax.tick_params(labelsize=12)
        ax.grid(alpha=0.3)
        ax.set_xlim(lo, hi)
    fig.tight_layout()
    return fig


def activation_summary(r: dict, dout: float, name: str = "sigmoid") -> str:
    """One line: the largest gradient passed back (and the first x where it is reached),
    and the share of the range where it is blocked (ReLU) or vanishes (sigmoid)."""
    i = int(np.argmax(np.abs(r["dx"])))  # the first of the largest: ReLU reaches it on all x > 0
    x_at = round(float(r["x"][i]), 2) + 0.0  # + 0.0 turns -0.0 into 0.0
    lost = str(LOST[name][0])  # blocked or vanished, in the learner's language
    return tr(f"largest gradient passed back: {r['dx'][i]:.4f}, first reached at x = {x_at:.2f}; "
              f"{lost} on {100 * r['vanished_fraction']:.0f}% of the range",
              f"역전파되는 가장 큰 기울기: {r['dx'][i]:.4f} (x = {x_at:.2f}에서 처음 도달), "
              f"입력 범위의 {100 * r['vanished_fraction']:.0f}%에서 {lost}")


class ActivationExplorer(_Panel):
    """Pick an activation, an input range and the upstream gradient dout; see what flows back."""

    def __init__(self, name: str = "sigmoid", lo: float = -6.0, hi: float = 6.0, dout: float = 1.0):
        self.activation = widgets.Dropdown(options=sorted(ACTIVATIONS), value=name,
                                           description=tr("activation", "활성화 함수"),
                                           style=SLIDER_STYLE)
        self.x_range = widgets.FloatRangeSlider(value=(lo, hi), min=-20.0, max=20.0, step=0.5,
                                                description=tr("x range", "x 범위"),
                                                continuous_update=False,
                                                style=SLIDER_STYLE, layout=SLIDER_LAYOUT)
        self.dout = _slider(widgets.FloatSlider, "dout", dout, -2.0, 2.0, 0.1)
        super().__init__([self.activation, self.x_range, self.dout])

    def update(self) -> None:
        lo, hi = self.x_range.value
        if lo == hi:  # a range slider may close up: widen it instead of failing
            hi = lo + 0.5
        name, dout = self.activation.value, self.dout.value
        self.response = activation_response(name, lo, hi, dout)
        self.text = activation_summary(self.response, dout, name)
        fig = activation_figure(name, lo, hi, dout, fig=Figure(figsize=(9.6, 3.6), dpi=100))
        self._show(_png(fig), f"<p style='font-size:15px'>{self.text}</p>")

    def describe(self) -> str:
        return tr("ActivationExplorer: pick relu or sigmoid, the input range and dout; "
                  "see the gradient that flows back, and where it is blocked (relu) or vanishes (sigmoid)",
                  "ActivationExplorer: relu나 sigmoid, 입력 범위, dout을 고르면 역전파되는 기울기와, "
                  "기울기가 차단되는 곳(relu)이나 소실되는 곳(sigmoid)을 보여 줍니다")
