"""The apple and orange shopping graph: what each price, count and the tax does to the bill.

Notebook 02 shows `ShoppingWidget`: sliders for the prices, counts and tax redraw the graph
built from the book's layers, and a table gives each gradient and its meaning at the till.
"""

from __future__ import annotations

import ipywidgets as widgets

from ..language import Text, tr
from ..layer_naive import AddLayer, MulLayer
from ._panel import _Panel, _slider
from .computational_graphs import apple_orange_graph, format_value, graph_png

FIGURE_SIZE = (10.0, 5.4)  # inches: 1000 px wide at the graphs' 100 dpi, the width a projector shows

MEANINGS = {  # what d price / d(variable) means at the till (str() picks the language)
    "apple": Text("one won more per apple adds {g} won to the bill",
                  "사과 개당 가격이 오르면 지불 금액은 오른 금액의 {g}배만큼 늘어납니다"),
    "apple_num": Text("one more apple adds {g} won to the bill",
                      "사과를 하나 더 사면 지불 금액이 {g}원 늘어납니다"),
    "orange": Text("one won more per orange adds {g} won to the bill",
                   "귤 개당 가격이 오르면 지불 금액은 오른 금액의 {g}배만큼 늘어납니다"),
    "orange_num": Text("one more orange adds {g} won to the bill",
                       "귤을 하나 더 사면 지불 금액이 {g}원 늘어납니다"),
    "tax": Text("raising the tax factor by 0.01 (one percentage point) adds {g100} won",
                "소비세(tax)를 0.01(세율로 한 퍼센트포인트) 올리면 지불 금액이 {g100}원 늘어납니다"),
}


def shopping_rows(graph) -> list[tuple[str, float, float, str]]:
    """(variable, value, d price / d variable, meaning) for each input of an apple_orange_graph."""
    v = graph.values
    rows = []
    for name, meaning in MEANINGS.items():
        g = v["d" + name]
        rows.append((name, v[name], g,
                     str(meaning).format(g=format_value(g), g100=format_value(g / 100))))
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
    head = tr("<th>variable</th><th>value</th><th>d price / d variable</th><th>meaning</th>",
              "<th>변수</th><th>값</th><th>d price / d 변수</th><th>지불 금액에서의 의미</th>")
    return (tr(f"<p style='font-size:15px'>price = {format_value(price)}</p>",
               f"<p style='font-size:15px'>지불 금액 price = {format_value(price)}</p>")
            + f"<table style='font-size:15px'><tr>{head}</tr>{cells}</table>")


class ShoppingWidget(_Panel):
    """Sliders for the prices, counts and tax; redraws the apple + orange graph and a gradient table."""

    def __init__(self, apple=100, apple_num=2, orange=150, orange_num=3, tax=1.1):
        self.apple = _slider(widgets.IntSlider, tr("apple (won)", "사과 값 (원)"), apple, 0, 500, 10)
        self.apple_num = _slider(widgets.IntSlider, tr("apple_num", "사과 개수"), apple_num, 0, 10, 1)
        self.orange = _slider(widgets.IntSlider, tr("orange (won)", "귤 값 (원)"), orange, 0, 500, 10)
        self.orange_num = _slider(widgets.IntSlider, tr("orange_num", "귤 개수"), orange_num, 0, 10,
                                  1)
        self.tax = _slider(widgets.FloatSlider, tr("tax", "소비세"), tax, 1.0, 1.5, 0.05)
        super().__init__([self.apple, self.apple_num, self.orange, self.orange_num, self.tax])

    def update(self) -> None:
        self.graph = shopping_graph(self.apple.value, self.apple_num.value, self.orange.value,
                                    self.orange_num.value, self.tax.value)
        self.rows = shopping_rows(self.graph)
        self._show(graph_png(self.graph), _rows_html(self.rows, self.graph.values["price"]))

    def describe(self) -> str:
        return tr("ShoppingWidget: sliders for prices, counts and tax redraw the graph and the "
                  "gradient table",
                  "ShoppingWidget: 가격, 개수, 소비세 슬라이더를 움직이면 그래프와 기울기 표가 "
                  "다시 그려집니다")
