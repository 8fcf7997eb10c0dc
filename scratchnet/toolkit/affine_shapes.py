"""The shape of every array of an Affine layer, forward and backward, for any batch and sizes.

Notebook 04 draws `plot_affine_shapes`, prints `affine_shape_table` and shows
`AffineShapeExplorer` (sliders for batch size N, input size D and output size M).
"""

from __future__ import annotations

import ipywidgets as widgets
import numpy as np
from matplotlib.figure import Figure
from matplotlib.patches import Rectangle

from ..language import tr
from ..layers import Affine
from ._figures import GRAD_COLOR, _figure
from ._panel import _Explorer, _slider_look


def affine_shapes(batch: int, d_in: int, d_out: int) -> dict:
    """Shape of every array of an Affine layer's forward and backward pass.

    X (N, D) @ W (D, M) + b (M,) -> Y (N, M); dY (N, M) -> dX (N, D), dW (D, M), db (M,).
    """
    for name, v in (("batch", batch), ("d_in", d_in), ("d_out", d_out)):
        if not (isinstance(v, (int, np.integer)) and v > 0):
            raise ValueError(f"affine_shapes: {name} must be a positive integer, got {v!r}")
    n, d, m = int(batch), int(d_in), int(d_out)
    return {"X": (n, d), "W": (d, m), "b": (m,), "Y": (n, m),
            "dY": (n, m), "W.T": (m, d), "dX": (n, d), "X.T": (d, n), "dW": (d, m), "db": (m,)}


TO_SCALE_UP_TO = 12  # sizes up to this are drawn one square per number; larger ones on a log scale
_CELL = 0.4  # side of one number's square, when drawn to scale


def _side(n: int, to_scale: bool = False) -> float:
    """Drawn length of an axis of n elements: n squares when to_scale, else logarithmic, so that
    784 and 3 both fit."""
    return _CELL * n if to_scale else 0.5 + 0.45 * np.log2(n)


def _block(ax, x0: float, y0: float, shape: tuple, label: str, color: str,
           to_scale: bool = False) -> float:
    """Draw an array as a rectangle centred on y0, labelled above and below; return its right edge.

    to_scale: one square per number, with grid lines, so that (2, 4) and (4, 3) look different."""
    rows, cols = (1, shape[0]) if len(shape) == 1 else shape
    w = _side(cols, to_scale)
    h = _side(rows, to_scale) if len(shape) == 2 or to_scale else 0.25
    ax.add_patch(Rectangle((x0, y0 - h / 2), w, h, facecolor=color, edgecolor="black", alpha=0.6))
    if to_scale:  # the grid: one line between neighbouring numbers
        for i in range(1, cols):
            ax.plot([x0 + i * _CELL] * 2, [y0 - h / 2, y0 + h / 2], color="black", lw=0.5)
        for j in range(1, rows):
            ax.plot([x0, x0 + w], [y0 - h / 2 + j * _CELL] * 2, color="black", lw=0.5)
    dims = f"({shape[0]},)" if len(shape) == 1 else f"({rows}, {cols})"
    ax.text(x0 + w / 2, y0 + h / 2 + 0.1, label, ha="center", va="bottom", fontsize=12)
    ax.text(x0 + w / 2, y0 - h / 2 - 0.1, dims, ha="center", va="top", fontsize=11)
    return x0 + w


def plot_affine_shapes(batch: int = 2, d_in: int = 4, d_out: int = 3, fig: Figure | None = None) -> Figure:
    """Every array of an Affine layer's forward and backward pass as a rectangle.

    Sizes up to TO_SCALE_UP_TO are drawn to scale, one square per number; larger ones with
    log-scaled sides. Reading a row left to right shows why the transposes are there: the inner
    sizes must match.
    """
    s = affine_shapes(batch, d_in, d_out)
    to_scale = max(batch, d_in, d_out) <= TO_SCALE_UP_TO
    colors = {"X": "tab:blue", "X.T": "tab:blue", "W": "tab:orange", "W.T": "tab:orange",
              "b": "tab:olive", "Y": "tab:purple"}
    rows = [(tr("forward", "순전파"), ["X", "@", "W", "+", "b", "=", "Y"]),
            ("dL/dX", ["dX", "=", "dY", "@", "W.T"]),
            ("dL/dW", ["dW", "=", "X.T", "@", "dY"]),
            ("dL/db", ["db", "=", "dY", tr("summed over axis 0 (the batch)",
                                             "0번째 축(배치)을 따라 합한 것")])]
    heights = [max(_side(s[k][0], to_scale) if len(s[k]) == 2 else _side(1, to_scale) if to_scale
                   else 0.25 for k in items if k in s) + 1.0
               for _, items in rows]
    fig = _figure(fig, (10, 6))
    ax = fig.subplots()
    y, right = 0.0, 0.0
    for (title, items), h in zip(rows, heights):
        y -= h / 2
        ax.text(0, y, title, ha="left", va="center", fontsize=12, fontweight="bold")
        x = 1.5
        for item in items:
            if item in s:
                x = _block(ax, x, y, s[item], item, colors.get(item, GRAD_COLOR), to_scale) + 0.15
            elif len(item) == 1:
                ax.text(x + 0.2, y, item, ha="center", va="center", fontsize=16)
                x += 0.55
            else:
                ax.text(x + 0.1, y, item, ha="left", va="center", fontsize=11)
                x += 4.0
        right = max(right, x)
        y -= h / 2
    width = max(right, 10.0) + 0.1
    ax.set_xlim(-0.1, width - 0.1)
    ax.set_ylim(y, 0.3)
    fig.set_size_inches(10, 10 * (0.3 - y) / width + 0.6)  # fit the figure to the drawing
    ax.set_aspect("equal")
    ax.axis("off")
    scale = (tr("one square per number", "숫자 하나에 칸 하나") if to_scale
             else tr("sides on a log scale", "변의 길이는 로그 눈금"))
    ax.set_title(tr(f"Affine layer shapes: batch N={batch}, inputs D={d_in}, outputs M={d_out} "
                    f"({scale})",
                    f"Affine 계층의 형상: 배치 N={batch}, 입력 D={d_in}, 출력 M={d_out} "
                    f"({scale})"), fontsize=12)
    fig.tight_layout()
    return fig


def affine_shape_table(batch: int, d_in: int, d_out: int, images: bool = False) -> tuple[str, dict]:
    """Run a real Affine layer forward and backward on zeros, and tabulate every array's shape.

    images=True feeds x as (N, 1, 28, 28) (then d_in must be 784): Affine flattens it to
    (N, 784) and backward gives dx back in the image shape.
    Returns (table text, {name: shape}).
    """
    if images and d_in != 784:
        raise ValueError(f"affine_shape_table: image input (N, 1, 28, 28) has 784 values per "
                         f"sample, so d_in must be 784, got {d_in}")
    affine_shapes(batch, d_in, d_out)  # validates the sizes
    x = np.zeros((batch, 1, 28, 28) if images else (batch, d_in))
    layer = Affine(np.zeros((d_in, d_out)), np.zeros(d_out))
    y = layer.forward(x)
    dx = layer.backward(np.ones_like(y))
    rows = [("x", x.shape, tr("input as given", "주어진 그대로의 입력")),
            ("X", layer.x.shape, tr("input, one row per sample", "입력, 샘플마다 한 행")
             + (tr(" (flattened)", " (펼친 것)") if images else "")),
            ("W", layer.W.shape, tr("weights", "가중치")),
            ("b", layer.b.shape, tr("bias, broadcast to every row", "편향, 모든 행에 브로드캐스트")),
            ("Y", y.shape, "X @ W + b"),
            ("dY", y.shape, tr("dL/dY, from the layer above", "dL/dY, 상류에서 전해짐")),
            ("dX", (batch, d_in), "dY @ W.T"),
            ("dx", dx.shape, tr("dX reshaped like x", "dX를 x의 형상으로 바꾼 것") if images
             else tr("returned by backward", "backward가 반환하는 값")),
            ("dW", layer.dW.shape, "X.T @ dY"),
            ("db", layer.db.shape, "dY.sum(axis=0)")]
    if not images:
        rows = [r for r in rows if r[0] not in ("x", "dx")]
    # the header as one string: a Korean word takes two columns of a monospaced font
    lines = [tr("array shape             how it is made", "배열  형상              만드는 방법")]
    lines += [f"{name:<6}{str(shape):<18}{how}" for name, shape, how in rows]
    return "\n".join(lines), {name: tuple(shape) for name, shape, _ in rows}


class AffineShapeExplorer(_Explorer):
    """Sliders for batch size N, input size D and output size M -> every array's shape."""

    def __init__(self, batch: int = 2, d_in: int = 4, d_out: int = 3):
        super().__init__()
        self.batch = widgets.IntSlider(value=batch, min=1, max=128, description=tr("batch N", "배치 N"),
                                       **_slider_look("100px"))
        self.d_in = widgets.IntSlider(value=d_in, min=1, max=784, description=tr("inputs D", "입력 D"),
                                      **_slider_look("100px"))
        self.d_out = widgets.IntSlider(value=d_out, min=1, max=100, description=tr("outputs M", "출력 M"),
                                       **_slider_look("100px"))
        self.images = widgets.Checkbox(value=False, description=tr("input as images (N, 1, 28, 28)",
                                                   "이미지로 입력 (N, 1, 28, 28)"),
                                     indent=False, layout=widgets.Layout(width="auto"))
        self.table = widgets.HTML()
        for control in (self.batch, self.d_in, self.d_out, self.images):
            control.observe(self.update, names="value")
        self.widget = widgets.VBox([self.batch, self.d_in, self.d_out, self.images,
                                    self.table, self.out])
        self.update()

    def update(self, change=None) -> dict:
        """Recompute the shapes from the controls, redraw; returns {array name: shape}."""
        if self.images.value and self.d_in.value != 784:
            self.d_in.value = 784  # re-enters update through the observer
            return self.shapes
        self.d_in.disabled = self.images.value
        self.text, self.shapes = affine_shape_table(self.batch.value, self.d_in.value,
                                                    self.d_out.value, self.images.value)
        self.table.value = f"<pre>{self.text}</pre>"
        plot_affine_shapes(self.batch.value, self.d_in.value, self.d_out.value, fig=self.figure)
        self._show_figure()
        return self.shapes
