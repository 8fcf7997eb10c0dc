"""Training curves: the loss per iteration and train/test accuracy, drawn live while a network trains.

Notebook 06 draws `plot_history` after training and shows `TrainingDashboard` (hidden size,
learning rate, batch size, iterations and a Train button).
"""

from __future__ import annotations

import ipywidgets as widgets
import numpy as np
from matplotlib.figure import Figure

from ..language import tr
from ..training import History, TrainingDiverged, train
from ..two_layer_net import TwoLayerNet
from ._figures import BAR_COLOR, _figure
from ._panel import _Explorer, _slider_look


def plot_history(history, fig: Figure | None = None, smooth: int = 50, start=None) -> Figure:
    """Loss per iteration (with a running mean) and train/test accuracy at each evaluation.

    start: (train accuracy, test accuracy) of the network before training, drawn at iteration 0
    so that the accuracy curves begin where training did.
    """
    fig = _figure(fig, (9.6, 3.6))  # 960 px at 100 dpi: fits a projected slide
    ax_l, ax_a = fig.subplots(1, 2)
    loss = np.asarray(history.loss, dtype=float)
    it = np.arange(1, loss.size + 1)
    ax_l.plot(it, loss, color="lightgray", lw=0.8, label=tr("mini-batch loss", "미니배치 손실"))
    if loss.size >= smooth:
        mean = np.convolve(loss, np.ones(smooth) / smooth, mode="valid")
        ax_l.plot(it[smooth - 1:], mean, color=BAR_COLOR,
                  label=tr(f"mean of last {smooth}", f"최근 {smooth}번의 평균"))
    ax_l.set_xlabel(tr("iteration", "반복"))
    ax_l.set_ylabel(tr("loss", "손실"))
    ax_l.set_title(tr("Training loss", "훈련 손실"))
    ax_l.legend()
    iters, train_acc = list(history.eval_iters), list(history.train_acc)
    test_acc = list(history.test_acc)
    if start is not None and iters:
        iters, train_acc = [0] + iters, [start[0]] + train_acc
        test_acc = [start[1]] + test_acc if test_acc else test_acc
    if iters:
        ax_a.plot(iters, train_acc, "o-", label=tr("train", "훈련 데이터"))
        if test_acc:
            ax_a.plot(iters, test_acc, "s--", label=tr("test", "시험 데이터"))
        ax_a.legend(loc="lower right")
    ax_a.set_xlabel(tr("iteration", "반복"))
    ax_a.set_ylabel(tr("accuracy", "정확도"))
    ax_a.set_title(tr("Accuracy at each evaluation", "평가할 때마다 잰 정확도"))
    ax_a.grid(True, alpha=0.3)
    fig.tight_layout()
    return fig


class TrainingDashboard(_Explorer):
    """Hidden size, learning rate, batch size, iterations and a Train button -> live curves."""

    def __init__(self, x_train, t_train, x_test, t_test, seed: int = 0, hidden: int = 50,
                 lr: float = 0.1, batch_size: int = 100, iters: int = 2000, evaluations: int = 10):
        super().__init__()
        self.data = (x_train, t_train, x_test, t_test)
        self.seed, self.evaluations = seed, evaluations
        look = _slider_look("110px")  # one Layout shared by the four sliders of one dashboard
        self.hidden = widgets.IntSlider(value=hidden, min=5, max=200, step=5,
                                        description=tr("hidden units", "은닉층 뉴런 수"), **look)
        self.lr = widgets.FloatLogSlider(value=lr, base=10, min=-3, max=1, step=0.1,
                                         description=tr("learning rate", "학습률"),
                                         readout_format=".3g", **look)
        self.batch_size = widgets.IntSlider(value=batch_size, min=1, max=min(1000, len(x_train)),
                                            description=tr("batch size", "배치 크기"), **look)
        self.iters = widgets.IntSlider(value=iters, min=10, max=10_000, step=10,
                                       description=tr("iterations", "반복 횟수"), **look)
        self.button = widgets.Button(description=tr("Train", "학습 시작"), button_style="primary")
        self.status = widgets.HTML(tr("press Train", "학습 시작을 누르세요"))
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
        self.plan.value = tr(f"{d}-{h}-10 network, {params:,} parameters; {self.iters.value:,} "
                             f"iterations of {self.batch_size.value} images = {epochs:.1f} epochs",
                             f"{d}-{h}-10 신경망(매개변수 {params:,}개), 이미지 "
                             f"{self.batch_size.value}장씩 {self.iters.value:,}번 반복 = "
                             f"{epochs:.1f} 에폭")
        return self.plan.value

    def _on_evaluation(self, history: History) -> None:
        """Called by scratchnet.train after each evaluation: redraw the curves so far."""
        self.status.value = tr(f"iteration {history.eval_iters[-1]}/{self.iters.value}: "
                               f"train acc {history.train_acc[-1]:.3f}, test acc {history.test_acc[-1]:.3f}",
                               f"반복 {history.eval_iters[-1]}/{self.iters.value}: "
                               f"훈련 정확도 {history.train_acc[-1]:.3f}, "
                               f"시험 정확도 {history.test_acc[-1]:.3f}")
        plot_history(history, fig=self.figure)
        self._show_figure()

    def train(self, button=None) -> History:
        """Train a fresh TwoLayerNet with the controls' values; returns (and keeps) its History."""
        x_train, t_train, x_test, t_test = self.data
        rng = np.random.default_rng(self.seed)
        self.network = TwoLayerNet(x_train.shape[1], self.hidden.value, 10, rng=rng,
                                   dtype=np.float32)
        self.button.disabled = True
        self.status.value = tr("training...", "학습 중...")
        try:
            self.history = train(self.network, x_train, t_train, x_test, t_test,
                                 iters=self.iters.value, batch_size=self.batch_size.value,
                                 lr=self.lr.value, rng=rng, progress=False,
                                 eval_every=max(self.iters.value // self.evaluations, 1),
                                 callback=self._on_evaluation)
            self.status.value = tr(f"done in {self.history.seconds:.1f} s: "
                                   f"test accuracy {self.history.test_acc[-1]:.4f}",
                                   f"완료({self.history.seconds:.1f}초): "
                                   f"시험 정확도 {self.history.test_acc[-1]:.4f}")
        except TrainingDiverged as e:
            self.history = e.history
            self.status.value = tr(f"<b>diverged</b>: {e}", f"<b>발산</b>: {e}")
            plot_history(self.history, fig=self.figure)
            self._show_figure()
        finally:
            self.button.disabled = False
        return self.history
