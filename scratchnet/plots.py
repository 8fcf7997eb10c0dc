"""Figures for notebooks 04-07: Affine shapes, softmax bars, digits, weights, training curves.

Every function draws from live values and returns the matplotlib Figure. Pass `fig` to draw
into an existing Figure (the explorer widgets do, and redraw it in place); without it a new
pyplot figure is made, so a notebook cell can end with `plt.show()`.
"""

from __future__ import annotations

import numpy as np
import matplotlib.pyplot as plt
from matplotlib.figure import Figure
from matplotlib.patches import Rectangle

from .functions import softmax

GRAD_COLOR = "tab:red"  # gradients are red, as in the book's figures
TRUE_COLOR = "tab:green"
WRONG_COLOR = "tab:red"
BAR_COLOR = "tab:blue"


def _figure(fig: Figure | None, figsize: tuple) -> Figure:
    """A clean figure: the one given (cleared, resized) or a new pyplot figure."""
    if fig is None:
        return plt.figure(figsize=figsize)
    fig.clear()
    fig.set_size_inches(*figsize)
    return fig


def _as_image(x) -> np.ndarray:
    """One MNIST sample as (28, 28), from (784,), (1, 28, 28) or (28, 28)."""
    x = np.asarray(x)
    if x.size != 784:
        raise ValueError(f"plots: expected a digit of 784 pixels (28 x 28), got shape {x.shape}")
    return x.reshape(28, 28)


# ---------------------------------------------------------------- notebook 04: Affine, softmax

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


def _side(n: int) -> float:
    """Drawn length of an axis of n elements: logarithmic, so 784 and 3 both fit."""
    return 0.5 + 0.45 * np.log2(n)


def _block(ax, x0: float, y0: float, shape: tuple, label: str, color: str) -> float:
    """Draw an array as a rectangle centred on y0, labelled above and below; return its right edge."""
    rows, cols = (1, shape[0]) if len(shape) == 1 else shape
    w, h = _side(cols), (0.25 if len(shape) == 1 else _side(rows))
    ax.add_patch(Rectangle((x0, y0 - h / 2), w, h, facecolor=color, edgecolor="black", alpha=0.6))
    dims = f"({shape[0]},)" if len(shape) == 1 else f"({rows}, {cols})"
    ax.text(x0 + w / 2, y0 + h / 2 + 0.1, label, ha="center", va="bottom", fontsize=12)
    ax.text(x0 + w / 2, y0 - h / 2 - 0.1, dims, ha="center", va="top", fontsize=11)
    return x0 + w


def plot_affine_shapes(batch: int = 2, d_in: int = 4, d_out: int = 3, fig: Figure | None = None) -> Figure:
    """Every array of an Affine layer's forward and backward pass as a rectangle (log-scaled sides).

    Reading a row left to right shows why the transposes are there: the inner sizes must match.
    """
    s = affine_shapes(batch, d_in, d_out)
    colors = {"X": "tab:blue", "X.T": "tab:blue", "W": "tab:orange", "W.T": "tab:orange",
              "b": "tab:olive", "Y": "tab:purple"}
    rows = [("forward", ["X", "@", "W", "+", "b", "=", "Y"]),
            ("dL/dX", ["dX", "=", "dY", "@", "W.T"]),
            ("dL/dW", ["dW", "=", "X.T", "@", "dY"]),
            ("dL/db", ["db", "=", "dY", "summed over axis 0 (the batch)"])]
    heights = [max(_side(s[k][0]) if len(s[k]) == 2 else 0.25 for k in items if k in s) + 1.0
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
                x = _block(ax, x, y, s[item], item, colors.get(item, GRAD_COLOR)) + 0.15
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
    ax.set_title(f"Affine layer shapes: batch N={batch}, inputs D={d_in}, outputs M={d_out} "
                 "(sides on a log scale)", fontsize=12)
    fig.tight_layout()
    return fig


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
    fig = _figure(fig, (11, 3.4))
    ax_z, ax_p, ax_g = fig.subplots(1, 3)
    ax_z.bar(classes, s["logits"], color=BAR_COLOR)
    ax_z.set_title("scores (logits) x")
    ax_z.axhline(0, color="black", lw=0.8)
    colors = [TRUE_COLOR if c == target else BAR_COLOR for c in classes]
    bars = ax_p.bar(classes, s["probs"], color=colors)
    ax_p.bar_label(bars, fmt="%.2f", fontsize=10)
    ax_p.set_ylim(0, 1.15)
    ax_p.set_title(f"softmax y (green: true class {target})")
    bars = ax_g.bar(classes, s["grad"], color=GRAD_COLOR)
    ax_g.bar_label(bars, fmt="%+.2f", fontsize=10)
    ax_g.axhline(0, color="black", lw=0.8)
    ax_g.set_ylim(-1.15, 1.15)
    ax_g.set_title("gradient dL/dx = y - t")
    for ax in (ax_z, ax_p, ax_g):
        ax.set_xticks(classes)
        ax.set_xlabel("class")
    fig.suptitle(f"cross-entropy loss = -log y[{target}] = {s['loss']:.4f}", fontsize=13)
    fig.tight_layout()
    return fig


# ---------------------------------------------------------------- notebook 05: cost of gradients

def plot_gradient_cost(n_params, numerical_s, backprop_s, measured=None,
                       fig: Figure | None = None) -> Figure:
    """Seconds per gradient against the number of parameters P, both methods, log-log axes.

    n_params, numerical_s, backprop_s: (K,). measured: (K,) bools, True where the numerical
    time was measured in full; the others (estimated from a per-parameter time, times P)
    are drawn as open markers on a dashed line. Default: all measured.
    """
    n_params = np.asarray(n_params, dtype=float)
    numerical_s = np.asarray(numerical_s, dtype=float)
    measured = np.ones(len(n_params), bool) if measured is None else np.asarray(measured, bool)
    if not (len(n_params) == len(numerical_s) == len(backprop_s) == len(measured)):
        raise ValueError(f"plot_gradient_cost: expected arrays of one length, got {len(n_params)}, "
                         f"{len(numerical_s)}, {len(backprop_s)} and {len(measured)}")
    fig = _figure(fig, (8, 5))
    ax = fig.subplots()
    ax.loglog(n_params, numerical_s, "--", color="tab:blue", lw=1.5)
    ax.loglog(n_params[measured], numerical_s[measured], "o", color="tab:blue", ms=9,
              label="numerical gradient, measured in full")
    if not measured.all():
        ax.loglog(n_params[~measured], numerical_s[~measured], "o", ms=9, mfc="white",
                  mec="tab:blue", mew=2, label="numerical gradient, estimated:\n"
                  "measured time per parameter \u00d7 P")
    ax.loglog(n_params, backprop_s, "s-", color=GRAD_COLOR, ms=8, label="backprop, measured")
    ax.set_xlabel("number of parameters P", fontsize=13)
    ax.set_ylabel("seconds per gradient (batch of 100)", fontsize=13)
    ax.tick_params(labelsize=12)
    ax.grid(True, which="both", alpha=0.3)
    ax.legend(fontsize=11, loc="center right")
    ax.set_title("Cost of one gradient: numerical vs backprop", fontsize=14)
    fig.tight_layout()
    return fig


# ---------------------------------------------------------------- notebook 06: MNIST

def plot_digits(images, labels, predicted=None, ncols: int = 8, fig: Figure | None = None) -> Figure:
    """A grid of digits titled with their label (and prediction: red when wrong)."""
    images = np.asarray(images)
    n = len(images)
    if n == 0:
        raise ValueError("plot_digits: no images to draw")
    nrows = -(-n // ncols)
    fig = _figure(fig, (1.3 * ncols, 1.5 * nrows))
    axes = np.atleast_1d(fig.subplots(nrows, ncols)).ravel()
    for i, ax in enumerate(axes):
        ax.axis("off")
        if i >= n:
            continue
        ax.imshow(_as_image(images[i]), cmap="gray_r")
        if predicted is None:
            ax.set_title(f"{labels[i]}", fontsize=12)
        else:
            wrong = predicted[i] != labels[i]
            ax.set_title(f"true {labels[i]}, pred {predicted[i]}", fontsize=10,
                         color=WRONG_COLOR if wrong else "black")
    fig.tight_layout()
    return fig


def plot_weights(W1, n: int = 20, ncols: int = 10, fig: Figure | None = None) -> Figure:
    """The first `n` columns of W1 (784, hidden) as 28x28 images: what each hidden unit looks for.

    Blue: pixels that raise the unit's input, red: pixels that lower it (symmetric color scale).
    """
    W1 = np.asarray(W1)
    if W1.ndim != 2 or W1.shape[0] != 784:
        raise ValueError(f"plot_weights: expected W1 of shape (784, hidden), got {W1.shape}")
    n = min(n, W1.shape[1])
    nrows = -(-n // ncols)
    fig = _figure(fig, (1.2 * ncols, 1.3 * nrows + 0.5))
    axes = np.atleast_1d(fig.subplots(nrows, ncols)).ravel()
    for i, ax in enumerate(axes):
        ax.axis("off")
        if i < n:
            w = W1[:, i].reshape(28, 28)
            lim = float(np.abs(w).max()) or 1.0
            ax.imshow(w, cmap="RdBu", vmin=-lim, vmax=lim)
            ax.set_title(f"unit {i}", fontsize=9)
    fig.suptitle("First-layer weights W1[:, j] as images (blue +, red -)", fontsize=12)
    fig.tight_layout()
    return fig


def confusion_matrix(true, predicted, n_classes: int = 10) -> np.ndarray:
    """counts[i, j] = how many samples of class i were predicted as j.  -> (C, C) int."""
    true, predicted = np.asarray(true), np.asarray(predicted)
    if true.shape != predicted.shape or true.ndim != 1:
        raise ValueError(f"confusion_matrix: expected two 1-D label arrays of the same length, "
                         f"got shapes {true.shape} and {predicted.shape}")
    counts = np.zeros((n_classes, n_classes), dtype=np.int64)
    np.add.at(counts, (true, predicted), 1)
    return counts


def plot_confusion_matrix(counts, fig: Figure | None = None) -> Figure:
    """The confusion matrix with counts written in each cell; the diagonal is correct."""
    counts = np.asarray(counts)
    c = counts.shape[0]
    fig = _figure(fig, (7, 6))
    ax = fig.subplots()
    off = counts.astype(float).copy()
    np.fill_diagonal(off, np.nan)  # color the mistakes; the large diagonal would wash them out
    im = ax.imshow(off, cmap="Reds")
    dark = 0.6 * np.nanmax(off) if c > 1 else np.inf
    for i in range(c):
        for j in range(c):
            ax.text(j, i, str(counts[i, j]), ha="center", va="center", fontsize=9,
                    fontweight="bold" if i == j else "normal",
                    color="white" if i != j and off[i, j] > dark else "black")
    ax.set_xticks(range(c))
    ax.set_yticks(range(c))
    ax.set_xlabel("predicted label")
    ax.set_ylabel("true label")
    ax.set_title("Confusion matrix (color: mistakes only)")
    fig.colorbar(im, ax=ax, label="mistakes")
    fig.tight_layout()
    return fig


def plot_history(history, fig: Figure | None = None, smooth: int = 50) -> Figure:
    """Loss per iteration (with a running mean) and train/test accuracy at each evaluation."""
    fig = _figure(fig, (11, 3.8))
    ax_l, ax_a = fig.subplots(1, 2)
    loss = np.asarray(history.loss, dtype=float)
    it = np.arange(1, loss.size + 1)
    ax_l.plot(it, loss, color="lightgray", lw=0.8, label="mini-batch loss")
    if loss.size >= smooth:
        mean = np.convolve(loss, np.ones(smooth) / smooth, mode="valid")
        ax_l.plot(it[smooth - 1:], mean, color=BAR_COLOR, label=f"mean of last {smooth}")
    ax_l.set_xlabel("iteration")
    ax_l.set_ylabel("loss")
    ax_l.set_title("Training loss")
    ax_l.legend()
    if history.eval_iters:
        ax_a.plot(history.eval_iters, history.train_acc, "o-", label="train")
        if history.test_acc:
            ax_a.plot(history.eval_iters, history.test_acc, "s--", label="test")
        ax_a.legend(loc="lower right")
    ax_a.set_xlabel("iteration")
    ax_a.set_ylabel("accuracy")
    ax_a.set_title("Accuracy at each evaluation")
    ax_a.grid(True, alpha=0.3)
    fig.tight_layout()
    return fig


def plot_prediction(image, probs, label: int | None = None, fig: Figure | None = None) -> Figure:
    """One digit and the network's probabilities for it (true class green, a wrong pick red)."""
    probs = np.asarray(probs, dtype=float).ravel()
    pred = int(probs.argmax())
    fig = _figure(fig, (8, 3.2))
    ax_i, ax_p = fig.subplots(1, 2, gridspec_kw={"width_ratios": [1, 2]})
    ax_i.imshow(_as_image(image), cmap="gray_r")
    ax_i.axis("off")
    ax_i.set_title(f"label {label}" if label is not None else "input")
    colors = [BAR_COLOR] * probs.size
    if label is not None:
        colors[label] = TRUE_COLOR
    if label is not None and pred != label:
        colors[pred] = WRONG_COLOR
    bars = ax_p.bar(np.arange(probs.size), probs, color=colors)
    ax_p.bar_label(bars, labels=[f"{p:.2f}" if p >= 0.01 else "" for p in probs], fontsize=9)
    ax_p.set_ylim(0, 1.15)
    ax_p.set_xticks(np.arange(probs.size))
    ax_p.set_xlabel("class")
    ax_p.set_title(f"softmax probabilities: predicted {pred}")
    fig.tight_layout()
    return fig
