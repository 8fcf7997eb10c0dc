"""Explorer widgets for notebooks 04 and 06: Affine shapes, softmax, a digit inspector, training.

Each explorer is a small class: `.widget` is what the notebook shows, `.update()` (or
`.train()`) is the plain callback the controls call. Callbacks compute with the package's own
layers, store what they show (`.state`, `.text`, `.figure`) and return it, so tests can drive
them without a browser: set a control's `.value`, or call `Button.click()`.
"""

from __future__ import annotations

import numpy as np
import ipywidgets as widgets
from IPython.display import display
from matplotlib.figure import Figure

from . import plots
from .functions import softmax
from .layers import Affine, SoftmaxWithLoss
from .progress import in_notebook
from .training import History, TrainingDiverged, train
from .two_layer_net import TwoLayerNet

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


# ---------------------------------------------------------------- Affine shapes

def affine_shape_table(batch: int, d_in: int, d_out: int, images: bool = False) -> tuple[str, dict]:
    """Run a real Affine layer forward and backward on zeros, and tabulate every array's shape.

    images=True feeds x as (N, 1, 28, 28) (then d_in must be 784): Affine flattens it to
    (N, 784) and backward gives dx back in the image shape.
    Returns (table text, {name: shape}).
    """
    if images and d_in != 784:
        raise ValueError(f"affine_shape_table: image input (N, 1, 28, 28) has 784 values per "
                         f"sample, so d_in must be 784, got {d_in}")
    plots.affine_shapes(batch, d_in, d_out)  # validates the sizes
    x = np.zeros((batch, 1, 28, 28) if images else (batch, d_in))
    layer = Affine(np.zeros((d_in, d_out)), np.zeros(d_out))
    y = layer.forward(x)
    dx = layer.backward(np.ones_like(y))
    rows = [("x", x.shape, "input as given"),
            ("X", layer.x.shape, "input, one row per sample" + (" (flattened)" if images else "")),
            ("W", layer.W.shape, "weights"),
            ("b", layer.b.shape, "bias, broadcast to every row"),
            ("Y", y.shape, "X @ W + b"),
            ("dY", y.shape, "dL/dY, from the layer above"),
            ("dX", (batch, d_in), "dY @ W.T"),
            ("dx", dx.shape, "dX reshaped like x" if images else "returned by backward"),
            ("dW", layer.dW.shape, "X.T @ dY"),
            ("db", layer.db.shape, "dY.sum(axis=0)")]
    if not images:
        rows = [r for r in rows if r[0] not in ("x", "dx")]
    lines = [f"{'array':<6}{'shape':<18}how it is made"]
    lines += [f"{name:<6}{str(shape):<18}{how}" for name, shape, how in rows]
    return "\n".join(lines), {name: tuple(shape) for name, shape, _ in rows}


class AffineShapeExplorer(_Explorer):
    """Sliders for batch size N, input size D and output size M -> every array's shape."""

    def __init__(self, batch: int = 2, d_in: int = 4, d_out: int = 3):
        super().__init__()
        self.batch = widgets.IntSlider(value=batch, min=1, max=128, description="batch N",
                                       **_slider_look("100px"))
        self.d_in = widgets.IntSlider(value=d_in, min=1, max=784, description="inputs D",
                                      **_slider_look("100px"))
        self.d_out = widgets.IntSlider(value=d_out, min=1, max=100, description="outputs M",
                                       **_slider_look("100px"))
        self.images = widgets.Checkbox(value=False, description="input as images (N, 1, 28, 28)",
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
        plots.plot_affine_shapes(self.batch.value, self.d_in.value, self.d_out.value, fig=self.figure)
        self._show_figure()
        return self.shapes


# ---------------------------------------------------------------- softmax

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
                                       description="true class")
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
        self.text = (f"loss = {loss:.4f}<br>probabilities: "
                     + ", ".join(f"{p:.3f}" for p in layer.y[0])
                     + f"<br>sum = {layer.y[0].sum():.3f}")
        self.label.value = self.text
        plots.plot_softmax(x[0], self.target.value, fig=self.figure)
        self._show_figure()
        return self.state


# ---------------------------------------------------------------- digit inspector

class DigitInspector(_Explorer):
    """Pick a test image -> the image and the network's probabilities for it."""

    def __init__(self, network, x, t, index: int = 0):
        super().__init__()
        self.network, self.x, self.t = network, x, np.asarray(t)
        if self.t.ndim != 1:
            self.t = self.t.argmax(axis=1)
        self.index = widgets.IntSlider(value=index, min=0, max=len(x) - 1, description="test image",
                                       **_slider_look("90px"))
        self.next_mistake = widgets.Button(description="next mistake")
        self.label = widgets.HTML()
        self.index.observe(self.update, names="value")
        self.next_mistake.on_click(self.go_to_next_mistake)
        self.widget = widgets.VBox([widgets.HBox([self.index, self.next_mistake]), self.label, self.out])
        self.update()

    def predict(self, i: int) -> np.ndarray:
        return softmax(self.network.predict(self.x[i:i + 1]))[0]  # (10,) probabilities

    def update(self, change=None) -> dict:
        i = self.index.value
        probs = self.predict(i)
        pred, label = int(probs.argmax()), int(self.t[i])
        self.state = {"index": i, "label": label, "predicted": pred, "probs": probs}
        verdict = "correct" if pred == label else "WRONG"
        self.text = (f"image {i}: label {label}, predicted {pred} "
                     f"with probability {probs[pred]:.3f} ({verdict})")
        self.label.value = self.text
        plots.plot_prediction(self.x[i], probs, label, fig=self.figure)
        self._show_figure()
        return self.state

    def go_to_next_mistake(self, button=None) -> int:
        """Move the slider to the next misclassified image after the current one (wraps around)."""
        n = len(self.x)
        start = self.index.value + 1
        for k in range(n):
            i = (start + k) % n
            if self.predict(i).argmax() != self.t[i]:
                self.index.value = i  # the observer redraws
                return i
        return self.index.value  # no mistakes at all


# ---------------------------------------------------------------- training dashboard

class TrainingDashboard(_Explorer):
    """Hidden size, learning rate, batch size, iterations and a Train button -> live curves."""

    def __init__(self, x_train, t_train, x_test, t_test, seed: int = 0, hidden: int = 50,
                 lr: float = 0.1, batch_size: int = 100, iters: int = 2000, evaluations: int = 10):
        super().__init__()
        self.data = (x_train, t_train, x_test, t_test)
        self.seed, self.evaluations = seed, evaluations
        look = _slider_look("110px")  # one Layout shared by the four sliders of one dashboard
        self.hidden = widgets.IntSlider(value=hidden, min=5, max=200, step=5,
                                        description="hidden units", **look)
        self.lr = widgets.FloatLogSlider(value=lr, base=10, min=-3, max=1, step=0.1,
                                         description="learning rate", readout_format=".3g", **look)
        self.batch_size = widgets.IntSlider(value=batch_size, min=1, max=min(1000, len(x_train)),
                                            description="batch size", **look)
        self.iters = widgets.IntSlider(value=iters, min=10, max=10_000, step=10,
                                       description="iterations", **look)
        self.button = widgets.Button(description="Train", button_style="primary")
        self.status = widgets.HTML("press Train")
        self.plan = widgets.HTML()
        self.button.on_click(self.train)
        for control in (self.hidden, self.batch_size, self.iters):
            control.observe(self.describe_plan, names="value")
        self.history = None
        self.network = None
        self.widget = widgets.VBox([self.hidden, self.lr, self.batch_size, self.iters, self.plan,
                                    widgets.HBox([self.button, self.status]), self.out])
        self.describe_plan()

    def describe_plan(self, change=None) -> str:
        """What Train will do with the current settings: network size and epochs."""
        d, h, n = self.data[0].shape[1], self.hidden.value, len(self.data[0])
        params = d * h + h + h * 10 + 10
        epochs = self.iters.value * self.batch_size.value / n
        self.plan.value = (f"{d}-{h}-10 network, {params:,} parameters; {self.iters.value:,} "
                           f"iterations of {self.batch_size.value} images = {epochs:.1f} epochs")
        return self.plan.value

    def _on_evaluation(self, history: History) -> None:
        """Called by scratchnet.train after each evaluation: redraw the curves so far."""
        self.status.value = (f"iteration {history.eval_iters[-1]}/{self.iters.value}: "
                             f"train acc {history.train_acc[-1]:.3f}, test acc {history.test_acc[-1]:.3f}")
        plots.plot_history(history, fig=self.figure)
        self._show_figure()

    def train(self, button=None) -> History:
        """Train a fresh TwoLayerNet with the controls' values; returns (and keeps) its History."""
        x_train, t_train, x_test, t_test = self.data
        rng = np.random.default_rng(self.seed)
        self.network = TwoLayerNet(x_train.shape[1], self.hidden.value, 10, rng=rng,
                                   dtype=np.float32)
        self.button.disabled = True
        self.status.value = "training..."
        try:
            self.history = train(self.network, x_train, t_train, x_test, t_test,
                                 iters=self.iters.value, batch_size=self.batch_size.value,
                                 lr=self.lr.value, rng=rng, progress=False,
                                 eval_every=max(self.iters.value // self.evaluations, 1),
                                 callback=self._on_evaluation)
            self.status.value = (f"done in {self.history.seconds:.1f} s: "
                                 f"test accuracy {self.history.test_acc[-1]:.4f}")
        except TrainingDiverged as e:
            self.history = e.history
            self.status.value = f"<b>diverged</b>: {e}"
            plots.plot_history(self.history, fig=self.figure)
            self._show_figure()
        finally:
            self.button.disabled = False
        return self.history
