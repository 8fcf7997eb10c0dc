"""Checks for the exercises of notebook 06 (training on MNIST).

accuracy               the learner writes accuracy(y, t), as the book's TwoLayerNet.accuracy
sgd_update             the learner writes sgd_step(params, grads, lr), in place
mnist_untrained_guess  a prediction: loss and accuracy of a network that has not trained yet
mnist_epoch_count      a prediction: iterations per epoch, and the lines the training prints
"""

from __future__ import annotations

import math

import numpy as np

from ...two_layer_net import TwoLayerNet
from ...language import Text
from . import Unfilled, Wrong, exercise
from ._assert import close as _close
from ._assert import show as _show
from ._assert import unchanged as _unchanged

# ------------------------------------------------------------------------------ accuracy

# Four samples, three classes: the predicted classes are 1, 0, 2, 1; the labels 1, 0, 0, 2.
_Y = np.array([[0.1, 2.0, -1.0], [3.0, 0.0, 0.5], [0.2, 0.1, 0.3], [1.0, 5.0, 0.0]])
_T = np.array([1, 0, 0, 2])  # 2 of 4 right


def _scores_and_labels(rng, n: int, c: int):
    """Random scores (n, c) without ties, and labels of which about half are right."""
    y = rng.standard_normal((n, c))
    t = np.where(rng.random(n) < 0.5, y.argmax(axis=1), rng.integers(0, c, n))
    return y, t


def _fraction(got, want: float, call: str) -> None:
    """got is one float equal to want (a fraction in [0, 1])."""
    if isinstance(got, (bool, np.bool_)):
        raise Wrong(f"{call}: expected the fraction {want:g}, got the truth value {got}: "
                    "return a number, not a comparison")
    if isinstance(got, (int, np.integer)):
        if got > 1:
            raise Wrong(f"{call}: expected {want:g}, got {got}: that is a count of right answers; "
                        "divide it by the number of samples N")
        raise Wrong(f"{call}: expected the fraction {want:g}, got the integer {got}: "
                    "an integer division (//) rounds the fraction down to 0 or 1")
    if np.ndim(got) != 0:
        raise Wrong(f"{call}: expected one number, {want:g}, got {type(got).__name__} of shape "
                    f"{np.shape(got)}: reduce the comparison to one fraction for the whole batch")
    try:
        value = float(got)
    except (TypeError, ValueError):
        raise Wrong(f"{call}: expected the number {want:g}, got {type(got).__name__} {got!r}") from None
    if not 0.0 <= value <= 1.0:
        raise Wrong(f"{call}: expected {want:g}, got {_show(value)}: an accuracy is a fraction "
                    "between 0 and 1 (right answers divided by the number of samples)")
    if abs(value - want) > 1e-12:
        raise Wrong(f"{call}: expected {want:g}, got {_show(value)}")
    if not isinstance(got, (float, np.floating)) and np.asarray(got).dtype.kind != "f":
        raise Wrong(f"{call}: the value is right, but it came as {type(got).__name__}: return a float")


def _calling(f, call: str, *args):
    """f(*args); an error it raises becomes a FAIL that names the call (a stub's NotImplementedError
    passes through: it means not written yet)."""
    try:
        return f(*args)
    except NotImplementedError:
        raise
    except Exception as e:
        raise Wrong(f"{call} raised {type(e).__name__}: {e}") from None


def _try_accuracy(accuracy, y, t, want: float, what: str) -> None:
    """Call accuracy(y, t) on copies it may not change, and compare with want."""
    y_in, t_in = y.copy(), t.copy()
    call = f"accuracy(y, t) for {what}"
    got = _calling(accuracy, call, y_in, t_in)
    for name, arr, orig in (("y (the scores)", y_in, y), ("t (the labels)", t_in, t)):
        if arr.shape != orig.shape or not np.array_equal(arr, orig):
            raise Wrong(f"{call}: your code changed {name}, an array of the caller's. Compute "
                        "with new arrays instead of writing into the ones you are given")
    _fraction(got, want, call)


def _rows(a) -> str:
    """A small array on one line: [[0.1, 2.0], [3.0, 0.0]], labels as integers."""
    return str(np.asarray(a).tolist())


@exercise("accuracy", parts=("class-index labels", "one-hot labels"),
          hints=(Text("The predicted class of a sample is the index of its largest score along the "
                 "class axis (axis 1), and a one-hot row gives its class the same way; the "
                 "accuracy is the share of samples where the two agree.", ko=""),
                 Text("Turn the scores (and, when t has 2 dimensions, the labels) into (N,) arrays of "
                 "class indices with argmax along axis 1, compare the two arrays elementwise, and "
                 "divide the number of True entries by N, the number of rows of y, as a float.", ko="")))
def check_accuracy(accuracy, part) -> None:
    """accuracy(y (N, C) scores, t (N,) class indices or (N, C) one-hot) -> fraction right, a float."""
    rng = np.random.default_rng(6)
    cases = [_scores_and_labels(rng, n, c) for n, c in ((23, 10), (7, 4), (6, 6))]  # (6, 6): axis
    one = _Y[3:4]  # one sample, predicted 1
    with part("class-index labels"):
        _try_accuracy(accuracy, _Y, _T, 0.5, f"y = {_rows(_Y)}, t = {_rows(_T)} (2 of 4 right)")
        for y, t in cases:
            want = float(np.mean(y.argmax(axis=1) == t))
            _try_accuracy(accuracy, y, t, want, f"random y of shape {y.shape}, t of shape {t.shape}")
        _try_accuracy(accuracy, one, np.array([1]), 1.0, f"a batch of 1, y = {_rows(one)}, t = [1]")
        _try_accuracy(accuracy, one, np.array([2]), 0.0, f"a batch of 1, y = {_rows(one)}, t = [2]")
    with part("one-hot labels"):
        _try_accuracy(accuracy, _Y, np.eye(3, dtype=int)[_T], 0.5,
                      f"y = {_rows(_Y)} and one-hot t = {_rows(np.eye(3, dtype=int)[_T])} (2 of 4 right)")
        for y, t in cases:
            want = float(np.mean(y.argmax(axis=1) == t))
            c = y.shape[1]
            _try_accuracy(accuracy, y, np.eye(c, dtype=int)[t], want,
                          f"random y of shape {y.shape}, one-hot t of shape {(len(t), c)}")
        for label, want in ((1, 1.0), (2, 0.0)):
            t = np.eye(3, dtype=int)[[label]]
            _try_accuracy(accuracy, one, t, want, f"a batch of 1, y = {_rows(one)}, one-hot t = {_rows(t)}")


# ---------------------------------------------------------------------------- sgd_update

def _params(rng, dtype, extra: bool = False) -> dict:
    """TwoLayerNet-like parameters of random sizes (a square W2), and one extra key if asked."""
    d, h = int(rng.integers(3, 7)), int(rng.integers(2, 6))
    params = {"W1": rng.standard_normal((d, h)), "b1": rng.standard_normal(h),
              "W2": rng.standard_normal((h, h)), "b2": rng.standard_normal(h)}
    if extra:
        params["gamma"] = rng.standard_normal(h)  # any dict: not only TwoLayerNet's four keys
    return {k: v.astype(dtype) for k, v in params.items()}


def _grads(rng, params) -> dict:
    return {k: rng.standard_normal(v.shape) for k, v in params.items()}  # float64


def _compare_update(params, before, grads, lr, call: str) -> None:
    """params now hold before - lr * grads; say which mistake it looks like when they do not."""
    if all(np.array_equal(params[key], before[key]) for key in before):
        raise Wrong(f"{call}: no array in params changed. sgd_step returns nothing: it changes "
                    "the arrays of the params it is given")
    for key in before:
        got = np.asarray(params[key], dtype=np.float64)
        want = before[key] - lr * grads[key]
        if got.shape == want.shape and np.allclose(got, want, rtol=1e-5, atol=1e-6):
            continue
        if got.shape == want.shape:
            if np.array_equal(got, before[key]):
                raise Wrong(f"{call}: params[{key!r}] did not change: update every key of params")
            if np.allclose(got, before[key] + lr * grads[key], rtol=1e-5, atol=1e-6):
                raise Wrong(f"{call}: params[{key!r}] moved up the gradient (+ lr * grads) instead "
                            "of down: gradient descent steps against the gradient")
            if lr != 0.1 and np.allclose(got, before[key] - 0.1 * grads[key], rtol=1e-5, atol=1e-6):
                raise Wrong(f"{call}: params[{key!r}] moved by 0.1 * grads, not by lr * grads: "
                            f"use the lr you are given ({lr:g} here)")
        _close(got, want, f"{call}: params[{key!r}] afterwards", rtol=1e-5, atol=1e-6)


@exercise("sgd_update",
          hints=(Text("Gradient descent moves each parameter a step of lr times its gradient, against "
                 "the gradient. And the layers hold these very arrays: change each array itself, "
                 "do not put a new one in its place.", ko=""),
                 Text("Loop over the keys of params; for each, subtract lr times its gradient with an "
                 "in-place operation (an augmented assignment, or NumPy's out= argument), not an "
                 "assignment to params[key], which makes a new array that the layers never see.", ko="")))
def check_sgd_update(sgd_step) -> None:
    """sgd_step(params, grads, lr) -> None: params[key] -= lr * grads[key] for every key, in place."""
    rng = np.random.default_rng(11)
    # 1. values, on random shapes with a key TwoLayerNet does not have, and an lr other than 0.1
    for lr in (0.1, 0.037):
        params = _params(rng, np.float64, extra=True)
        before = {k: v.copy() for k, v in params.items()}
        grads = _grads(rng, params)
        grads_before = {k: v.copy() for k, v in grads.items()}
        call = f"sgd_step(params, grads, lr={lr:g}) with keys {', '.join(params)}"
        _calling(sgd_step, call, params, grads, lr)
        for key in grads:
            _unchanged(grads[key], grads_before[key], f"{call}: grads[{key!r}]")
        _compare_update(params, before, grads, lr, call)
    # 2. in place: the layers of a TwoLayerNet hold the same arrays as its params
    net = TwoLayerNet(5, 4, 3, weight_init_std=1.0, rng=3)
    arrays = dict(net.params)
    before = {k: v.copy() for k, v in net.params.items()}
    grads = _grads(rng, net.params)
    call = "sgd_step(net.params, grads, lr=0.1) on a TwoLayerNet"
    _calling(sgd_step, call, net.params, grads, 0.1)
    detached = net.detached_params()
    rebound = [k for k in arrays if net.params[k] is not arrays[k]]
    if detached or rebound:
        keys = ", ".join(f"params[{k!r}]" for k in (detached or rebound))
        raise Wrong(f"{call}: {keys} became new arrays (an assignment params[key] = ... puts a new "
                    "array in the dict). The layers keep the old arrays, so they never see the "
                    "update: the network never learns. Change each array in place")
    _compare_update(net.params, before, grads, 0.1, call)
    # 3. dtype: float32 params stay float32 arrays (the gradients here are float64)
    params = _params(rng, np.float32)
    arrays = dict(params)
    before = {k: v.astype(np.float64) for k, v in params.items()}
    grads = _grads(rng, params)
    call = "sgd_step(params, grads, lr=0.1) with float32 params and float64 grads"
    _calling(sgd_step, call, params, grads, 0.1)
    for key in params:
        dtype = np.asarray(params[key]).dtype
        if dtype != np.float32:
            raise Wrong(f"{call}: params[{key!r}] is now {dtype}, it was float32: keep each "
                        "parameter's dtype (an update in place always does)")
        if params[key] is not arrays[key]:
            raise Wrong(f"{call}: params[{key!r}] became a new array: change each array in place")
    _compare_update(params, before, grads, 0.1, call)


# ----------------------------------------------------------------------- the predictions

def _number(pred, key: str, what: str):
    """pred[key] as a float; Unfilled while it is None."""
    if not isinstance(pred, dict):
        raise Wrong(f"give your prediction as a dict with the keys shown, got {type(pred).__name__}")
    if key not in pred:
        raise Wrong(f"your dict has no key {key!r}: keep the keys {', '.join(map(repr, pred))} as given")
    value = pred[key]
    if value is None:
        raise Unfilled(f"{key} is still None: fill in your prediction of {what}")
    if isinstance(value, (bool, np.bool_)) or not isinstance(value, (int, float, np.integer, np.floating)):
        raise Wrong(f"{key}: give a number, got {type(value).__name__} {value!r}")
    if not math.isfinite(float(value)):
        raise Wrong(f"{key}: give a finite number, got {value}")
    return float(value)


@exercise("mnist_untrained_guess", parts=("loss", "accuracy"),
          hints=(Text("Start from the ten scores of an untrained network: its weights are about 0.01, "
                 "so its scores are small and close to each other. What does softmax make of ten "
                 "nearly equal scores, and how often is a pick among ten classes right by chance?", ko=""),
                 Text("Ten nearly equal scores give every class a probability of about 1/10. The "
                 "cross-entropy loss is minus the log of the probability given to the right "
                 "class; the accuracy of a network that knows nothing is about one in ten.", ko="")))
def check_mnist_untrained_guess(pred, part) -> None:
    """{"loss": mean cross-entropy on a batch, "accuracy": fraction right} of a fresh 784-50-10 net."""
    with part("loss"):
        loss = _number(pred, "loss", "the untrained network's loss")
        if loss < 0:
            raise Wrong(f"loss: got {loss:g}, but a cross-entropy loss is never negative "
                        "(it is minus the log of a probability, which is at most 1)")
        if abs(loss - math.log(10)) > 0.1:
            raise Wrong(f"loss: expected about -log(1/10) = 2.3 (within 0.1), got {loss:g}: an "
                        "untrained network gives the right class a probability of about 1/10")
    with part("accuracy"):
        acc = _number(pred, "accuracy", "the untrained network's accuracy")
        if 1 < acc <= 100:
            raise Wrong(f"accuracy: got {acc:g}; give the accuracy as a fraction between 0 and 1, "
                        f"as net.accuracy returns it ({acc:g}% would be {acc / 100:g})")
        if not 0.05 <= acc <= 0.2:
            raise Wrong(f"accuracy: expected about 0.1 (between 0.05 and 0.2), got {acc:g}: a "
                        "network that knows nothing is right about as often as a guess among "
                        "ten classes")


@exercise("mnist_epoch_count", parts=("iters_per_epoch", "lines"),
          hints=(Text("An epoch is one pass over all 60,000 training images, 100 images per "
                 "iteration. train prints a line at the end of each epoch and one more after the "
                 "last iteration.", ko=""),
                 Text("Count the epochs that end within 10,000 iterations (the last one ends at a "
                 "multiple of the iterations per epoch at or below 10,000), then add the line "
                 "after iteration 10,000, which is not an epoch's end.", ko="")))
def check_mnist_epoch_count(pred, part) -> None:
    """{"iters_per_epoch": 600, "lines": 17} for 60,000 images, batches of 100, 10,000 iterations."""
    with part("iters_per_epoch"):
        per = _number(pred, "iters_per_epoch", "the iterations per epoch")
        if per == 100:
            raise Wrong("iters_per_epoch: expected 60,000 / 100 = 600, got 100: that is the batch "
                        "size, the images per iteration")
        if per != 600:
            raise Wrong(f"iters_per_epoch: expected 600 (60,000 training images, 100 per "
                        f"iteration), got {per:g}")
    with part("lines"):
        lines = _number(pred, "lines", "the lines the training prints")
        if lines != int(lines):
            raise Wrong(f"lines: got {lines:g}; a number of lines is a whole number (10,000 / 600 "
                        "= 16.7 epochs: how many of them end, and what is printed after the last "
                        "iteration?)")
        if lines == 16:
            raise Wrong("lines: expected 17, got 16: 16 epochs end within 10,000 iterations (the "
                        "16th at iteration 9,600), and train prints once more after the last "
                        "iteration, 10,000")
        if lines != 17:
            raise Wrong(f"lines: expected 17 (16 epochs end by iteration 9,600, plus the line "
                        f"after iteration 10,000), got {lines:g}")
