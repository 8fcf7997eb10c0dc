"""Softmax with cross-entropy for one sample as bar charts: scores, probabilities, gradient y - t.

Notebook 04 draws `plot_softmax` and shows `SoftmaxExplorer` (one slider per score and a
true class).
"""

from __future__ import annotations

import ipywidgets as widgets
import numpy as np
from matplotlib.figure import Figure

from ..functions import softmax
from ..language import tr
from ..layers import SoftmaxWithLoss
from ._figures import BAR_COLOR, GRAD_COLOR, TRUE_COLOR, _figure
from ._panel import _Explorer


def softmax_state(logits, target: int) -> dict:
    """Softmax probabilities, cross-entropy loss and its gradient (y - t) for one sample."""
    z = np.asarray(logits, dtype=np.float64)
    if z.ndim != 1 or not 0 <= target < z.size:
        raise ValueError(f"softmax_state: expected 1-D logits and a target in 0..{z.size - 1}, "
                         f"got shape {z.shape} and target {target!r}")
    y = softmax(z)
    t = np.zeros_like(y)
    t[target] = 1
    loss = float(np.log(np.exp(z - z.max()).sum()) + z.max() - z[target])  # log-sum-exp form
    return {"logits": z, "probs": y, "loss": loss, "grad": y - t, "target": int(target)}


def plot_softmax(logits, target: int, fig: Figure | None = None) -> Figure:
    """Three bar charts for one sample: logits, softmax probabilities, gradient y - t."""
    s = softmax_state(logits, target)
    classes = np.arange(s["probs"].size)
    fig = _figure(fig, (9.6, 3.4))  # at most ~1000 px wide at 100 dpi: fits a projected slide
    ax_z, ax_p, ax_g = fig.subplots(1, 3)
    ax_z.bar(classes, s["logits"], color=BAR_COLOR)
    ax_z.set_title(tr("scores (logits) x", "점수(로짓) x"))
    ax_z.axhline(0, color="black", lw=0.8)
    colors = [TRUE_COLOR if c == target else BAR_COLOR for c in classes]
    bars = ax_p.bar(classes, s["probs"], color=colors)
    labelled = classes.size <= 5  # more labels than that overlap at 10 pt
    if labelled:
        ax_p.bar_label(bars, fmt="%.2f", fontsize=10)
    ax_p.set_ylim(0, 1.15)
    ax_p.set_title(tr(f"softmax y (green: true class {target})",
                      f"소프트맥스 y(초록: 정답 클래스 {target})"))
    bars = ax_g.bar(classes, s["grad"], color=GRAD_COLOR)
    if labelled:
        ax_g.bar_label(bars, fmt="%+.2f", fontsize=10)
    ax_g.axhline(0, color="black", lw=0.8)
    ax_g.set_ylim(-1.15, 1.15)
    ax_g.set_title(tr("gradient dL/dx = y - t", "기울기 dL/dx = y - t"))
    for ax in (ax_z, ax_p, ax_g):
        ax.set_xticks(classes)
        ax.set_xlabel(tr("class", "클래스"))
    fig.suptitle(tr(f"cross-entropy loss = -log y[{target}] = {s['loss']:.4f}",
                    f"교차 엔트로피 오차 = -log y[{target}] = {s['loss']:.4f}"), fontsize=13)
    fig.tight_layout()
    return fig


class SoftmaxExplorer(_Explorer):
    """One slider per score (logit) and a true class -> probabilities, loss and gradient."""

    def __init__(self, logits=(2.0, 0.5, -1.0), target: int = 0):
        super().__init__()
        logits = [float(v) for v in logits]
        if not 2 <= len(logits) <= 10 or not 0 <= target < len(logits):
            raise ValueError(f"SoftmaxExplorer: expected 2 to 10 logits and a target among them, "
                             f"got {len(logits)} logits and target {target!r}")
        self.sliders = [widgets.FloatSlider(value=v, min=-10, max=10, step=0.1,
                                            description=f"x[{i}]") for i, v in enumerate(logits)]
        self.target = widgets.Dropdown(options=list(range(len(logits))), value=target,
                                       description=tr("true class", "정답 클래스"))
        self.label = widgets.HTML()
        for control in (*self.sliders, self.target):
            control.observe(self.update, names="value")
        self.widget = widgets.VBox([widgets.HBox([widgets.VBox(self.sliders),
                                                  widgets.VBox([self.target, self.label])]), self.out])
        self.update()

    def update(self, change=None) -> dict:
        """Forward and backward through a SoftmaxWithLoss layer; returns probs, loss, grad."""
        x = np.array([[s.value for s in self.sliders]])  # (1, C): a batch of one
        t = np.array([self.target.value])
        layer = SoftmaxWithLoss()
        loss = layer.forward(x, t)
        grad = layer.backward(1)[0]  # (y - t) / N with N = 1
        self.state = {"probs": layer.y[0], "loss": float(loss), "grad": grad,
                      "target": int(self.target.value)}
        self.text = (tr(f"loss = {loss:.4f}<br>probabilities: ", f"손실 = {loss:.4f}<br>확률: ")
                     + ", ".join(f"{p:.3f}" for p in layer.y[0])
                     + tr(f"<br>sum = {layer.y[0].sum():.3f}", f"<br>합 = {layer.y[0].sum():.3f}"))
        self.label.value = self.text
        plot_softmax(x[0], self.target.value, fig=self.figure)
        self._show_figure()
        return self.state
