"""Interactive widgets (ipywidgets) for notebooks 01-03.

Each widget is a small class: its sliders are attributes, `update()` is a plain method that
recomputes everything from the slider values and stores what it shows (`graph`, `rows`,
`text`, `png`), so tests can drive it without a browser:

    w = ShoppingWidget()
    w.apple_num.value = 3          # the observer calls update() at once
    w.graph.values["price"]        # what the figure now shows

Figures go into an `ipywidgets.Image` as PNG bytes (no Output widget), and the text beside them into an
`HTML` widget, so the shown state is in the widget values themselves. Display the widget by
leaving it as the last expression of a cell. Where widgets cannot be drawn (GitHub, or an
nbconvert export without stored widget state) the cell shows `describe()` as plain text
instead of the long VBox(...) repr; nbval compares that text, so keep it free of live values.
"""

from __future__ import annotations

import io

import ipywidgets as widgets
import numpy as np
from matplotlib.figure import Figure

from .gradient import numerical_gradient
from .graph import apple_orange_graph, chain_rule_graph, format_value, graph_png
from .layer_naive import AddLayer, MulLayer
from .layers import Relu, Sigmoid

SLIDER_STYLE = {"description_width": "110px"}
SLIDER_LAYOUT = widgets.Layout(width="420px")


def _slider(cls, description: str, value, lo, hi, step):
    return cls(value=value, min=lo, max=hi, step=step, description=description,
               continuous_update=False, style=SLIDER_STYLE, layout=SLIDER_LAYOUT)


class _Panel:
    """Controls on top, a PNG figure below, then an HTML note. Subclasses define update()."""

    def __init__(self, controls: list, max_width: int = 900):
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
        bundle["text/plain"] = self.describe() + " (the static figure above shows the start values)"
        return bundle


def _png(fig: Figure) -> bytes:
    buf = io.BytesIO()
    fig.savefig(buf, format="png", metadata={"Software": None})
    return buf.getvalue()


# ---------------------------------------------------------------- notebook 01


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
        self.text = (f"dz/dx by the backward pass: {format_value(dx)};  formula 2(x + y): "
                     f"{format_value(result['formula'])};  numerical: {result['numerical'][0]:.6f}")
        self.result = result
        self._show(graph_png(self.graph), f"<p style='font-size:15px'>{self.text}</p>")

    def describe(self) -> str:
        return "ChainRuleWidget: sliders for x and y redraw z = (x + y)**2 and its gradients"


# ---------------------------------------------------------------- notebook 02

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
    """Build the four layers, run forward, and return apple_orange_graph (which runs backward)."""
    mul_apple_layer, mul_orange_layer = MulLayer(), MulLayer()
    add_apple_orange_layer, mul_tax_layer = AddLayer(), MulLayer()
    apple_price = mul_apple_layer.forward(apple, apple_num)
    orange_price = mul_orange_layer.forward(orange, orange_num)
    all_price = add_apple_orange_layer.forward(apple_price, orange_price)
    mul_tax_layer.forward(all_price, tax)
    return apple_orange_graph(mul_apple_layer, mul_orange_layer, add_apple_orange_layer,
                              mul_tax_layer)


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


# ---------------------------------------------------------------- notebook 03

ACTIVATIONS = {"relu": Relu, "sigmoid": Sigmoid}
VANISH = 0.01  # a gradient counts as vanished where |dx| < VANISH * |dout|
# What the shaded region is called: ReLU blocks the gradient (exactly 0), the sigmoid shrinks it.
LOST = {"relu": ("blocked", "blocked (dx = 0)"),
        "sigmoid": ("vanished", "vanished (|dx| < 1% of |dout|)")}


def activation_response(name: str, lo: float = -6.0, hi: float = 6.0, dout: float = 1.0,
                        n: int = 601) -> dict:
    """Run an activation layer forward on n points in [lo, hi] and backward with dout everywhere.

    Returns x, y (forward), dx (the gradient that flows back), `vanished` (|dx| < 1% of |dout|)
    and `vanished_fraction`.
    """
    if name not in ACTIVATIONS:
        raise ValueError(f"activation_response: expected one of {sorted(ACTIVATIONS)}, got {name!r}")
    if not lo < hi:
        raise ValueError(f"activation_response: expected lo < hi, got lo={lo}, hi={hi}")
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
        fig = plt.figure(figsize=(11, 3.8), dpi=100)
    ax1, ax2 = fig.subplots(1, 2)
    ax1.plot(r["x"], r["y"], lw=2.5)
    ax1.set_title(f"{name}: forward  y = f(x)", fontsize=14)
    ax2.plot(r["x"], r["dx"], lw=2.5, color="#d62728")
    ax2.set_title(f"backward: dx = dout · f'(x),  dout = {format_value(dout)}", fontsize=14)
    ax2.fill_between(r["x"], 0, 1, where=r["vanished"], color="0.85",
                     transform=ax2.get_xaxis_transform(), label=LOST[name][1])
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
    return (f"largest gradient passed back: {r['dx'][i]:.4f}, first reached at x = {x_at:.2f}; "
            f"{LOST[name][0]} on {100 * r['vanished_fraction']:.0f}% of the range")


class ActivationExplorer(_Panel):
    """Pick an activation, an input range and the upstream gradient dout; see what flows back."""

    def __init__(self, name: str = "sigmoid", lo: float = -6.0, hi: float = 6.0, dout: float = 1.0):
        self.activation = widgets.Dropdown(options=sorted(ACTIVATIONS), value=name,
                                           description="activation", style=SLIDER_STYLE)
        self.x_range = widgets.FloatRangeSlider(value=(lo, hi), min=-20.0, max=20.0, step=0.5,
                                                description="x range", continuous_update=False,
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
        fig = activation_figure(name, lo, hi, dout, fig=Figure(figsize=(11, 3.8), dpi=100))
        self._show(_png(fig), f"<p style='font-size:15px'>{self.text}</p>")

    def describe(self) -> str:
        return ("ActivationExplorer: pick relu or sigmoid, the input range and dout; "
                "see the gradient that flows back, and where it is blocked (relu) or vanishes (sigmoid)")
