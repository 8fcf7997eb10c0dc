"""The training loop: learning, determinism, the NaN stop, progress output and the CLI."""

import io
import subprocess
import sys

import numpy as np
import pytest

from scratchnet import History, TrainingDiverged, TwoLayerNet, load_mnist, train
from scratchnet.toolkit.progress import NoBar, TextBar, make_bar
from scratchnet.training import batch_indices


@pytest.fixture(scope="module")
def mnist():
    return load_mnist()


def test_one_epoch_reaches_90_percent(mnist):
    (x, t), (xt, tt) = mnist
    rng = np.random.default_rng(0)
    net = TwoLayerNet(784, 50, 10, rng=rng)
    h = train(net, x, t, xt, tt, iters=600, rng=rng, progress=False)
    assert isinstance(h, History)
    assert len(h.loss) == 600 and h.eval_iters == [600]
    assert h.test_acc[-1] >= 0.90  # the book's run is at ~90% after its first epoch too
    assert np.mean(h.loss[-50:]) < np.mean(h.loss[:50]) / 3
    assert net.detached_params() == []


def test_same_seed_same_run(mnist):
    (x, t), _ = mnist
    runs = []
    for _ in range(2):
        rng = np.random.default_rng(3)
        net = TwoLayerNet(784, 20, 10, rng=rng)
        runs.append(train(net, x[:2000], t[:2000], iters=40, batch_size=50, rng=rng, progress=False))
    assert runs[0].loss == runs[1].loss
    assert runs[0].train_acc == runs[1].train_acc


def test_each_epoch_sees_every_sample_once():
    rng = np.random.default_rng(0)
    gen = batch_indices(10, 3, rng)
    epoch = np.concatenate([next(gen) for _ in range(3)])  # 3 batches of 3; the 10th sample waits
    assert len(set(epoch.tolist())) == 9
    with pytest.raises(ValueError, match="batch_size must be between 1 and 10"):
        next(batch_indices(10, 11, rng))


def test_nan_loss_stops_with_advice(mnist):
    (x, t), _ = mnist
    rng = np.random.default_rng(0)
    net = TwoLayerNet(784, 50, 10, rng=rng, dtype=np.float32)
    # log-sum-exp keeps the loss finite for huge scores; only float32 overflow (inf) makes nan,
    # which SoftmaxWithLoss refuses and train turns into TrainingDiverged
    with pytest.warns(RuntimeWarning):  # numpy reports the overflow itself
        with pytest.raises(TrainingDiverged, match=r"the loss became (nan|inf) at iteration \d+ \(lr 1e\+?08\).*smaller learning rate") as e:
            train(net, x, t, iters=200, lr=1e8, rng=rng, progress=False)
    h = e.value.history
    assert not np.isfinite(h.loss[-1]) and np.isfinite(h.loss[0])


def test_bad_arguments(mnist):
    (x, t), _ = mnist
    net = TwoLayerNet(784, 5, 10, rng=0)
    with pytest.raises(ValueError, match="train: 60000 training samples but 59999 labels"):
        train(net, x, t[:-1], iters=1, progress=False)
    with pytest.raises(ValueError, match="train: lr must be a positive number, got -0.1"):
        train(net, x, t, iters=1, lr=-0.1, progress=False)


def test_callback_runs_after_each_evaluation(mnist):
    (x, t), _ = mnist
    seen = []
    net = TwoLayerNet(784, 10, 10, rng=1)
    train(net, x[:1000], t[:1000], iters=25, batch_size=100, rng=1, progress=False,
          callback=lambda h: seen.append(len(h.loss)))
    assert seen == [10, 20, 25]  # every epoch (10 batches) and at the end


def test_progress_bars():
    stream = io.StringIO()
    bar = TextBar(200, stream=stream, width=10)
    bar.update(100, "loss 0.5")
    bar.close()
    assert "[#####.....] 100/200 loss 0.5" in stream.getvalue()
    assert isinstance(make_bar(10, progress=False), NoBar)
    assert isinstance(make_bar(10, progress="auto"), NoBar)  # pytest's stderr is not a terminal
    assert isinstance(make_bar(10, progress=True), TextBar)


def test_command_line_prints_the_accuracy_last():
    out = subprocess.run([sys.executable, "-m", "scratchnet.train", "--iters", "300", "--hidden", "30"],
                         capture_output=True, text=True, check=True, timeout=120)
    lines = out.stdout.strip().splitlines()
    assert lines[-1].startswith("test accuracy: 0.")
    assert float(lines[-1].split(": ")[1]) > 0.85
    assert "iter    300" in out.stdout  # the evaluation line
    assert out.stderr == ""  # no progress bar when not on a terminal, and no warnings


def test_command_line_diverging_run_exits_with_advice():
    out = subprocess.run([sys.executable, "-m", "scratchnet.train", "--iters", "50", "--lr", "1e8", "--quiet"],
                         capture_output=True, text=True, timeout=120)
    assert out.returncode == 1
    assert "smaller learning rate" in out.stderr


def test_widget_bar_moves(monkeypatch):
    from scratchnet.toolkit import progress

    monkeypatch.setattr(progress, "in_notebook", lambda: True)
    monkeypatch.setattr("IPython.display.display", lambda *a, **k: None)
    bar = make_bar(300)
    assert isinstance(bar, progress.WidgetBar)
    bar.update(150, "loss 0.3")
    assert bar.bar.value == 150 and bar.label.value == "150/300 loss 0.3"
    bar.close()
    assert bar.bar.bar_style == "success"
