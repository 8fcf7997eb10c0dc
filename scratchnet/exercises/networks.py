"""Checks for the exercises of notebooks 04-07 (Affine, softmax, TwoLayerNet, training)."""

from __future__ import annotations

from collections import OrderedDict

import numpy as np

from . import exercise
from ..layers import Affine, SoftmaxWithLoss
from ..two_layer_net import TwoLayerNet


def _close(got, want, what: str, atol: float = 1e-10) -> None:
    got = np.asarray(got)
    assert got.shape == np.shape(want), f"{what} should have shape {np.shape(want)}, got {got.shape}"
    assert np.allclose(got, want, atol=atol), f"{what} has the right shape but wrong values"


@exercise("affine_backward",
          hint="each gradient has the shape of its variable: dx is (N, D), dW is (D, M); find the product "
               "of dout with W or x (one of them transposed) that has that shape; db sums dout over the batch axis")
def check_affine_backward(attempt) -> None:
    """attempt(x (N, D), W (D, M), dout (N, M)) -> (dx, dW, db)."""
    rng = np.random.default_rng(4)
    for n, d, m in [(2, 4, 3), (5, 3, 3), (1, 6, 2)]:  # square W catches a missing transpose
        x, W, b = rng.standard_normal((n, d)), rng.standard_normal((d, m)), rng.standard_normal(m)
        dout = rng.standard_normal((n, m))
        layer = Affine(W, b)
        layer.forward(x)
        dx = layer.backward(dout)
        result = attempt(x.copy(), W.copy(), dout.copy())
        assert isinstance(result, tuple) and len(result) == 3, \
            f"return a tuple (dx, dW, db), got {type(result).__name__}"
        for got, want, name in zip(result, (dx, layer.dW, layer.db), ("dx", "dW", "db")):
            _close(got, want, f"{name} for N={n}, D={d}, M={m}")


@exercise("softmax_loss_backward",
          hint="the gradient is (y - t) / N; with integer labels, subtracting t means subtracting 1 at each "
               "sample's true class (index rows with np.arange(N), columns with t); work on a copy of y")
def check_softmax_loss_backward(attempt) -> None:
    """attempt(y (N, C) softmax output, t (N,) integer labels) -> dL/dx (N, C)."""
    rng = np.random.default_rng(5)
    for n, c in [(1, 3), (4, 5), (7, 10)]:
        x, t = rng.standard_normal((n, c)), rng.integers(0, c, n)
        layer = SoftmaxWithLoss()
        layer.forward(x, t)
        want = layer.backward(1)
        y = layer.y.copy()
        got = attempt(y, t.copy())
        _close(got, want, f"the gradient for a batch of {n}")


@exercise("backward_pass",
          hint="start from dL/dL = 1 at last_layer, then pass the gradient through the layers in reverse "
               "order (reversed(layers.values())), each backward's output feeding the next")
def check_backward_pass(attempt) -> None:
    """attempt(layers: OrderedDict, last_layer), after a forward pass -> fills every layer's grads."""
    rng = np.random.default_rng(6)
    x, t = rng.standard_normal((3, 6)), rng.integers(0, 4, 3)
    net = TwoLayerNet(6, 5, 4, weight_init_std=1.0, rng=1, dtype=np.float64)
    want = {k: v.copy() for k, v in net.gradient(x, t).items()}
    fresh = TwoLayerNet(6, 5, 4, weight_init_std=1.0, rng=1, dtype=np.float64)
    fresh.loss(x, t)  # forward pass: the layers keep what backward needs
    assert isinstance(fresh.layers, OrderedDict)
    attempt(fresh.layers, fresh.lastLayer)
    a1, a2 = fresh.layers["Affine1"], fresh.layers["Affine2"]
    got = {"W1": a1.dW, "b1": a1.db, "W2": a2.dW, "b2": a2.db}
    for key in want:
        assert got[key] is not None, f"{key}'s gradient was never computed: did every layer's backward run?"
        _close(got[key], want[key], f"d{key}")


@exercise("accuracy",
          hint="argmax along the class axis gives each sample's predicted class; one-hot labels become "
               "indices the same way; the mean of a boolean array is the fraction of True")
def check_accuracy(attempt) -> None:
    """attempt(scores (N, C), labels (N,) indices or (N, C) one-hot) -> fraction correct (float)."""
    scores = np.array([[0.1, 2.0, -1.0], [3.0, 0.0, 0.5], [0.2, 0.1, 0.3], [1.0, 5.0, 0.0]])
    labels = np.array([1, 0, 0, 2])  # 2 of 4 right
    got = attempt(scores.copy(), labels.copy())
    assert np.isscalar(got) or np.ndim(got) == 0, f"return one number, got shape {np.shape(got)}"
    assert abs(float(got) - 0.5) < 1e-12, f"expected 0.5 (2 of 4 correct) with integer labels, got {float(got)}"
    one_hot = np.eye(3)[labels]
    got = attempt(scores.copy(), one_hot)
    assert abs(float(got) - 0.5) < 1e-12, f"expected 0.5 with one-hot labels too, got {float(got)}"


@exercise("sgd_update",
          hint="change each array in place, because the layers hold these very arrays: an augmented "
               "assignment (-=), not params[key] = ... (a new array the layers never see)")
def check_sgd_update(attempt) -> None:
    """attempt(params, grads, lr) -> None; must change the arrays in place."""
    rng = np.random.default_rng(7)
    net = TwoLayerNet(4, 3, 2, weight_init_std=1.0, rng=2, dtype=np.float64)
    before = {k: v.copy() for k, v in net.params.items()}
    grads = {k: rng.standard_normal(v.shape) for k, v in net.params.items()}
    attempt(net.params, grads, 0.1)
    detached = net.detached_params()
    assert not detached, (f"{', '.join(detached)} became new arrays: the layers still use the old "
                          "ones, so the network never learns")
    for key in before:
        _close(net.params[key], before[key] - 0.1 * grads[key], f"params[{key!r}] after the update")
