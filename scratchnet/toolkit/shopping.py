"""The apple and orange shopping graph: what each price, count and the tax does to the bill.

Notebook 02 shows `ShoppingWidget`: sliders for the prices, counts and tax redraw the graph
built from the book's layers, and a table gives each gradient and its meaning at the till.
"""

from __future__ import annotations

import ipywidgets as widgets

from ..layer_naive import AddLayer, MulLayer
from ._panel import _Panel, _slider
from .computational_graphs import apple_orange_graph, format_value, graph_png

FIGURE_SIZE = (10.0, 5.4)  # inches: 1000 px wide at the graphs' 100 dpi, the width a projector shows

MEANINGS = {  # what d price / d(variable) means at the till
    "apple": "one won more per apple adds {g} won to the bill",
    "apple_num": "one more apple adds {g} won to the bill",
    "orange": "one won more per orange adds {g} won to the bill",
    "orange_num": "one more orange adds {g} won to the bill",
    "tax": "raising the tax factor by 0.01 (one percentage point) adds {g100} won",
}


def shopping_rows(graph) -> list[tuple[str, float, float, str]]:
    """(variable, value, d price / d variable, meaning) for each input of an apple_orange_graph."""
    v = graph.values
    rows = []
    for name, meaning in MEANINGS.items():
        g = v["d" + name]
        rows.append((name, v[name], g, meaning.format(g=format_value(g), g100=format_value(g / 100))))
    return rows


def shopping_graph(apple=100, apple_num=2, orange=150, orange_num=3, tax=1.1):
    """Build the four layers, run forward, and return apple_orange_graph (which runs backward),
    sized FIGURE_SIZE."""
    mul_apple_layer, mul_orange_layer = MulLayer(), MulLayer()
    add_apple_orange_layer, mul_tax_layer = AddLayer(), MulLayer()
    apple_price = mul_apple_layer.forward(apple, apple_num)
    orange_price = mul_orange_layer.forward(orange, orange_num)
    all_price = add_apple_orange_layer.forward(apple_price, orange_price)
    mul_tax_layer.forward(all_price, tax)
    graph = apple_orange_graph(mul_apple_layer, mul_orange_layer, add_apple_orange_layer,
                               mul_tax_layer)
    graph.size = FIGURE_SIZE
    return graph


def _rows_html(rows, price) -> str:
    cells = "".join(
        f"<tr><td><code>{n}</code></td><td>{format_value(v)}</td>"
        f"<td style='color:#d62728'>{format_value(g)}</td><td>{m}</td></tr>"
        for n, v, g, m in rows)
    return (f"<p style='font-size:15px'>price = {format_value(price)}</p>"
            "<table style='font-size:15px'><tr><th>variable</th><th>value</th>"
            f"<th>d price / d variable</th><th>meaning</th></tr>{cells}</table>")


class ShoppingWidget(_Panel):
    """Sliders for the prices, counts and tax; redraws the apple + orange graph and a gradient table."""

    def __init__(self, apple=100, apple_num=2, orange=150, orange_num=3, tax=1.1):
        self.apple = _slider(widgets.IntSlider, "apple (won)", apple, 0, 500, 10)
        self.apple_num = _slider(widgets.IntSlider, "apple_num", apple_num, 0, 10, 1)
        self.orange = _slider(widgets.IntSlider, "orange (won)", orange, 0, 500, 10)
        self.orange_num = _slider(widgets.IntSlider, "orange_num", orange_num, 0, 10, 1)
        self.tax = _slider(widgets.FloatSlider, "tax", tax, 1.0, 1.5, 0.05)
        super().__init__([self.apple, self.apple_num, self.orange, self.orange_num, self.tax])

    def update(self) -> None:
        self.graph = shopping_graph(self.apple.value, self.apple_num.value, self.orange.value,
                                    self.orange_num.value, self.tax.value)
        self.rows = shopping_rows(self.graph)
        self._show(graph_png(self.graph), _rows_html(self.rows, self.graph.values["price"]))

    def describe(self) -> str:
        return "ShoppingWidget: sliders for prices, counts and tax redraw the graph and the gradient table"
