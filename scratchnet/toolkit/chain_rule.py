"""The chain rule on z = (x + y)**2: a graph with forward and backward values, checked three ways.

Notebook 01 shows `ChainRuleWidget`: sliders for x and y redraw the graph, and the text
compares the backward pass with the formula 2(x + y) and a numerical gradient.
"""

from __future__ import annotations

import ipywidgets as widgets
import numpy as np

from ..gradient import numerical_gradient
from ..language import tr
from ._panel import _Panel, _slider
from .computational_graphs import chain_rule_graph, format_value, graph_png


def chain_rule_check(x: float, y: float) -> dict:
    """dz/dx and dz/dy for z = (x + y)**2 three ways: backward pass, formula 2(x + y), numerical."""
    g = chain_rule_graph(x, y)
    num = numerical_gradient(lambda v: (v[0] + v[1]) ** 2, np.array([x, y], dtype=float))
    return {"graph": g, "backward": (g.values["dx"], g.values["dy"]),
            "formula": 2 * (x + y), "numerical": (float(num[0]), float(num[1]))}


class ChainRuleWidget(_Panel):
    """Sliders for x and y; redraws z = t**2, t = x + y with forward and backward values."""

    def __init__(self, x: float = 3.0, y: float = 2.0):
        self.x = _slider(widgets.FloatSlider, "x", x, -5.0, 5.0, 0.5)
        self.y = _slider(widgets.FloatSlider, "y", y, -5.0, 5.0, 0.5)
        super().__init__([self.x, self.y])

    def update(self) -> None:
        result = chain_rule_check(self.x.value, self.y.value)
        self.graph = result["graph"]
        dx, _ = result["backward"]
        self.text = tr(f"dz/dx by the backward pass: {format_value(dx)};  formula 2(x + y): "
                       f"{format_value(result['formula'])};  numerical: {result['numerical'][0]:.6f}",
                       f"역전파로 구한 dz/dx: {format_value(dx)};  공식 2(x + y): "
                       f"{format_value(result['formula'])};  수치 미분: {result['numerical'][0]:.6f}")
        self.result = result
        self._show(graph_png(self.graph), f"<p style='font-size:15px'>{self.text}</p>")

    def describe(self) -> str:
        return tr("ChainRuleWidget: sliders for x and y redraw z = (x + y)**2 and its gradients",
                  "ChainRuleWidget: x, y 슬라이더를 움직이면 z = (x + y)**2와 그 기울기를 다시 그립니다")
