"""MNIST digits and what the network makes of them: images, first-layer weights, predictions, mistakes.

Notebook 06 draws `plot_digits`, `plot_weights`, `plot_confusion_matrix` (from
`confusion_matrix`) and `plot_prediction`, and shows `DigitInspector` (pick a test image,
or jump to the next mistake).
"""

from __future__ import annotations

import ipywidgets as widgets
import numpy as np
from matplotlib.figure import Figure

from ..functions import softmax
from ..language import tr
from ._figures import BAR_COLOR, TRUE_COLOR, WRONG_COLOR, _figure
from ._panel import _Explorer, _slider_look


def _as_image(x) -> np.ndarray:
    """One MNIST sample as (28, 28), from (784,), (1, 28, 28) or (28, 28)."""
    x = np.asarray(x)
    if x.size != 784:
        raise ValueError(f"digits: expected a digit of 784 pixels (28 x 28), got shape {x.shape}")
    return x.reshape(28, 28)


def plot_digits(images, labels, predicted=None, ncols: int = 8, fig: Figure | None = None) -> Figure:
    """A grid of digits titled with their label (and prediction: red when wrong)."""
    images = np.asarray(images)
    n = len(images)
    if n == 0:
        raise ValueError("plot_digits: no images to draw")
    nrows = -(-n // ncols)
    fig = _figure(fig, (1.2 * ncols, 1.5 * nrows))  # 8 columns: 960 px at 100 dpi
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
            ax.set_title(tr(f"true {labels[i]}, pred {predicted[i]}",
                            f"정답 {labels[i]}, 예측 {predicted[i]}"), fontsize=10,
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
    fig = _figure(fig, (0.95 * ncols, 1.15 * nrows + 0.5))  # 10 columns: 950 px
    axes = np.atleast_1d(fig.subplots(nrows, ncols)).ravel()
    for i, ax in enumerate(axes):
        ax.axis("off")
        if i < n:
            w = W1[:, i].reshape(28, 28)
            lim = float(np.abs(w).max()) or 1.0
            ax.imshow(w, cmap="RdBu", vmin=-lim, vmax=lim)
            ax.set_title(tr(f"unit {i}", f"뉴런 {i}"), fontsize=10)
    fig.suptitle(tr("First-layer weights W1[:, j] as images (blue +, red -)",
                    "첫 번째 계층의 가중치 W1[:, j]를 이미지로 (파란색 +, 빨간색 -)"), fontsize=12)
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
            ax.text(j, i, str(counts[i, j]), ha="center", va="center", fontsize=10,
                    fontweight="bold" if i == j else "normal",
                    color="white" if i != j and off[i, j] > dark else "black")
    ax.set_xticks(range(c))
    ax.set_yticks(range(c))
    ax.set_xlabel(tr("predicted label", "예측한 레이블"))
    ax.set_ylabel(tr("true label", "정답 레이블"))
    ax.set_title(tr("Confusion matrix (color: mistakes only)", "혼동 행렬(색: 오답만)"))
    fig.colorbar(im, ax=ax, label=tr("mistakes", "오답 수"))
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
    ax_i.set_title(tr(f"label {label}", f"정답 레이블 {label}") if label is not None
                   else tr("input", "입력"))
    colors = [BAR_COLOR] * probs.size
    if label is not None:
        colors[label] = TRUE_COLOR
    if label is not None and pred != label:
        colors[pred] = WRONG_COLOR
    bars = ax_p.bar(np.arange(probs.size), probs, color=colors)
    ax_p.bar_label(bars, labels=[f"{p:.2f}" if p >= 0.01 else "" for p in probs], fontsize=10)
    ax_p.set_ylim(0, 1.15)
    ax_p.set_xticks(np.arange(probs.size))
    ax_p.set_xlabel(tr("class", "클래스"))
    ax_p.set_title(tr(f"softmax probabilities: predicted {pred}", f"소프트맥스 확률: 예측 {pred}"))
    fig.tight_layout()
    return fig


class DigitInspector(_Explorer):
    """Pick a test image -> the image and the network's probabilities for it."""

    def __init__(self, network, x, t, index: int = 0):
        super().__init__()
        self.network, self.x, self.t = network, x, np.asarray(t)
        if self.t.ndim != 1:
            self.t = self.t.argmax(axis=1)
        self.index = widgets.IntSlider(value=index, min=0, max=len(x) - 1,
                                       description=tr("test image", "시험 이미지"),
                                       **_slider_look("90px"))
        self.next_mistake = widgets.Button(description=tr("next mistake", "다음 오답"))
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
        verdict = tr("correct", "맞힘") if pred == label else tr("WRONG", "틀림")
        self.text = tr(f"image {i}: label {label}, predicted {pred} "
                       f"with probability {probs[pred]:.3f} ({verdict})",
                       f"이미지 {i}: 정답 레이블 {label}, 예측 {pred}, "
                       f"확률 {probs[pred]:.3f} ({verdict})")
        self.label.value = self.text
        plot_prediction(self.x[i], probs, label, fig=self.figure)
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
