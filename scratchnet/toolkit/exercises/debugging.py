"""Checks for the exercises of notebook 07 (debugging backprop).

debug_stuck_digit       a prediction: the digit a network stuck at 11.35% answers for every image
fix_softmax_with_loss   a classmate's SoftmaxWithLoss, given with a bug (no division by the batch
                        size): the learner finds it and fixes it
fix_affine              a classmate's Affine, given with a bug (db summed over the wrong axis)
debug_print_lines       a prediction: the lines a debug print in Affine.forward adds to a full run

The fix_ checks verify the fixed layer, not the edit: the book's contract on shapes the learner
did not try (drawn from a seeded generator, a square W, a batch as large as the output),
numerical gradients, a `dout` that is not 1, inputs left unchanged, float32 kept. A FAIL names
the symptom the learner can see (a gradient N times too large, db of shape (N,)).
"""

from __future__ import annotations

import numpy as np

from ...gradient import check_rule, numerical_gradient, rel_error
from ...language import Text
from . import Unfilled, Wrong, exercise
from ._assert import close, numerically, same_dtype, sequence, show, unchanged

# The 10,000 MNIST test labels, counted per digit 0-9 (np.bincount(t_test)).
MNIST_TEST_COUNTS = (980, 1135, 1032, 1010, 982, 892, 958, 1028, 974, 1009)


def _number(got, what: str) -> float:
    """A prediction as a float; Wrong for text, a list, True/False."""
    if isinstance(got, (str, bytes, bool, np.bool_)):
        raise Wrong(f"{what} should be a number, got {type(got).__name__} {got!r}")
    if np.ndim(got) != 0:
        raise Wrong(f"{what} should be one number, got {type(got).__name__} {show(got)}")
    try:
        return float(got)
    except (TypeError, ValueError):
        raise Wrong(f"{what} should be one number, got {type(got).__name__} {got!r}") from None


# ---------------------------------------------------------------- debug_stuck_digit (section 1)


@exercise("debug_stuck_digit", hints=(
    Text("a network that gives the same answer for every image is right on the images of that one "
    "digit and wrong on all the others", ko=""),
    Text("its accuracy is that digit's share of the labels: count each digit in the test labels "
    "(np.bincount of t_test) and find the one that makes up 11.35% of the 10,000 images", ko="")))
def check_debug_stuck_digit(prediction) -> None:
    """prediction: {"digit": d}, the one answer (0-9) that scores 11.24% on the training set and
    11.35% on the test set (a bare number is accepted too)."""
    digit = prediction
    if isinstance(prediction, dict):
        if "digit" not in prediction:
            raise Wrong("prediction has no key 'digit': keep the key as given and replace None "
                        "by your digit")
        digit = prediction["digit"]
        if digit is None:
            raise Unfilled("digit is still None: replace it by your digit")
    value = _number(digit, "digit")
    if value != int(value) or not 0 <= value <= 9:
        raise Wrong(f"digit should be one of the digits 0 to 9, got {show(value)}")
    d = int(value)
    if d != 1:
        share = MNIST_TEST_COUNTS[d] / sum(MNIST_TEST_COUNTS)
        raise Wrong(f"a network that answers {d} for every image is right on the "
                    f"{MNIST_TEST_COUNTS[d]:,} test images of a {d}: test accuracy {share:.2%}, "
                    f"but the stuck network scored 11.35%")


# ---------------------------------------------------------------- fix_softmax_with_loss (section 4)

_SOFTMAX_SEED = 7


def _mean_loss(x, idx) -> float:
    """The exact mean cross-entropy of softmax(x) against class indices (log-sum-exp, no delta)."""
    shifted = x - x.max(axis=1, keepdims=True)
    log_sum = np.log(np.exp(shifted).sum(axis=1))
    return float(np.mean(log_sum - shifted[np.arange(len(x)), idx]))


def _scale_symptom(got, want, n: int) -> str:
    """' (your dx is k times the numerical gradient ...)' when got is want times a constant."""
    want = np.asarray(want, dtype=np.float64)
    k = float(np.sum(got * want) / np.sum(want * want))
    if not np.allclose(got, k * want, rtol=1e-6, atol=1e-9) or np.isclose(k, 1.0):
        return ""
    if np.isclose(k, n):
        return f": every entry is {n} times too large, the batch size N = {n}"
    if np.isclose(k, 1 / n):
        return f": every entry is 1/{n} of what it should be, 1/N for the batch size N = {n}"
    return f": every entry is {k:.3g} times what it should be"


def _gradient(got, want, n: int, what: str) -> None:
    """got == want (a numerical gradient) by the series' rule, else Wrong naming the symptom."""
    try:
        got = np.asarray(got, dtype=np.float64)
    except (TypeError, ValueError):
        raise Wrong(f"{what}: expected an array of shape {np.shape(want)}, "
                    f"got {type(got).__name__}") from None
    if got.shape != np.shape(want):
        raise Wrong(f"{what}: dx has shape {got.shape}, expected {np.shape(want)}, "
                    "the shape of the scores x")
    err = rel_error(got, want)
    if not err < check_rule(np.float64).threshold:
        symptom = _scale_symptom(got, want, n)
        shown = "" if symptom else f". Yours: {show(got)}, numerical: {show(want)}"
        raise Wrong(f"{what}: dx differs from the numerical gradient{symptom} "
                    f"(relative error {err:.1e}){shown}")


def _returned(dx, what: str) -> np.ndarray:
    """What backward returned, as a new float64 array."""
    if dx is None:
        raise Wrong(f"{what} returned None: return dx, the gradient for the layer below")
    try:
        return np.array(dx, dtype=np.float64)
    except (TypeError, ValueError):
        raise Wrong(f"{what} returned {type(dx).__name__}, not an array") from None


def _softmax_cases(one_hot: bool) -> list:
    """(x, t, indices, what) for two batches of shapes the learner did not try."""
    rng = np.random.default_rng(_SOFTMAX_SEED + one_hot)
    cases = []
    for n, c in ((4, 3), (6, 5)):
        x = rng.standard_normal((n, c))
        idx = rng.integers(0, c, n)
        t = np.eye(c)[idx] if one_hot else idx
        kind = "one-hot t" if one_hot else "t as class indices"
        cases.append((x, t, idx, f"N = {n} samples, C = {c} classes, {kind}"))
    return cases


def _check_softmax_layer(Layer, one_hot: bool) -> None:
    for x, t, idx, where in _softmax_cases(one_hot):
        n = len(x)
        x0, t0 = x.copy(), t.copy()
        layer = Layer()
        loss = layer.forward(x, t)
        close(loss, _mean_loss(x0, idx), f"forward(x, t) with {where}: the mean loss", rtol=1e-4)
        what = f"backward() after forward(x, t) with {where}"
        dx = _returned(layer.backward(), what)  # a copy: later calls cannot change it
        unchanged(x, x0, "x")
        unchanged(t, t0, "t")
        num = numerical_gradient(lambda v: _mean_loss(v, idx), x0.copy())
        _gradient(dx, num, n, what)
        again = _returned(layer.backward(), what)
        if not np.allclose(again, dx):
            raise Wrong(f"calling backward() a second time with {where} gave a different dx: "
                        "your backward changed what forward stored (self.y or self.t). Build dx "
                        "as a new array")
        dx_half = _returned(layer.backward(0.5), what)
        if np.allclose(dx_half, dx):
            raise Wrong(f"backward(0.5) with {where} returned the same dx as backward(): dout is "
                        "dL/d(loss) from the layer above, and the chain rule multiplies by it")
        _gradient(dx_half, 0.5 * num, n, f"backward(0.5) after forward(x, t) with {where}")
    x, t, _, where = _softmax_cases(one_hot)[0]
    kind = "float32 one-hot t" if one_hot else "t as class indices"
    layer = Layer()
    layer.forward(x.astype(np.float32), t.astype(np.float32) if one_hot else t)
    same_dtype(layer.backward(), np.float32, f"backward() after forward(float32 scores, {kind})")


@exercise("fix_softmax_with_loss", parts=("the one-hot branch", "the integer branch"),
          todo=Text("Delete the `raise NotImplementedError` line, find the bug and fix it, then run this cell again.", ko=""), hints=(
    Text("the loss is the MEAN of the N samples' losses: what does dividing a function by N do to its "
    "gradient? Compare the size of your dx with the numerical gradient for a few batch sizes", ko=""),
    Text("every entry of dx comes out N times too large, whatever the labels: the division by the "
    "batch size belongs in both branches (or once, after them), next to the multiplication by "
    "dout, and dx must stay a new array, not self.y changed in place", ko="")))
def check_fix_softmax_with_loss(Layer, part) -> None:
    """Layer(): forward(x, t) -> mean loss, backward(dout=1) -> dout * (y - t) / N, (N, C).
    t one-hot (N, C) or class indices (N,); x and t unchanged; backward repeatable; float32 kept."""
    with part("the one-hot branch"):
        _check_softmax_layer(Layer, one_hot=True)
    with part("the integer branch"):
        _check_softmax_layer(Layer, one_hot=False)


# ---------------------------------------------------------------- fix_affine (section 5)

_AFFINE_SEED = 11
# (N, D, M): every size different; then W square and the batch as large as the output, where a
# wrong axis or a missing transpose gives the right shape and wrong values
_AFFINE_SHAPES = ((5, 4, 3), (3, 3, 3))


def _affine_case(n: int, d: int, m: int, rng) -> tuple:
    x = rng.standard_normal((n, d))
    W = rng.standard_normal((d, m))
    b = rng.standard_normal(m)
    dout = rng.standard_normal((n, m))  # not all ones: dout must be honoured
    return x, W, b, dout


def _grad_shape(got, want_shape, name: str, what: str, sizes: str) -> None:
    if got is None:
        raise Wrong(f"{what}: self.{name} is still None after backward: store the gradient there")
    shape = np.shape(got)
    if shape != want_shape:
        raise Wrong(f"{what}: {name} has shape {shape}, expected {want_shape} ({sizes})")


@exercise("fix_affine", todo=Text("Delete the `raise NotImplementedError` line, find the bug and fix it, then run this cell again.", ko=""), hints=(
    Text("print the shapes after backward: every gradient has the shape of what it is the gradient "
    "of, dW like W, db like b, dx like x. Which one differs, and on which line is it made?", ko=""),
    Text("b is added to every row of x @ W, one row per sample, so dL/db collects dout over the "
    "samples: a sum down the batch axis gives one number per output, the shape of b", ko="")))
def check_fix_affine(Layer) -> None:
    """Layer(W, b): forward(x) -> x @ W + b; backward(dout) -> dx (N, D), keeps dW (D, M), db (M,).
    W and b kept themselves (not copies); dout, x, W, b unchanged; float32 kept."""
    rng = np.random.default_rng(_AFFINE_SEED)
    for n, d, m in _AFFINE_SHAPES:
        x, W, b, dout = _affine_case(n, d, m, rng)
        x0, W0, b0, dout0 = x.copy(), W.copy(), b.copy(), dout.copy()
        where = f"x {x.shape}, W {W.shape}, b {b.shape}"
        layer = Layer(W, b)
        if getattr(layer, "W", None) is not W or getattr(layer, "b", None) is not b:
            raise Wrong("Affine(W, b) must keep W and b themselves in self.W and self.b, not "
                        "copies: the network updates its params in place, and a copy never "
                        "sees the update (section 2)")
        close(layer.forward(x), x0 @ W0 + b0, f"forward(x) with {where}")
        what = f"backward(dout) with {where}"
        dx = layer.backward(dout)
        for arr, before, name in ((dout, dout0, "dout"), (x, x0, "x"), (W, W0, "W"), (b, b0, "b")):
            unchanged(arr, before, name)
        sizes = f"N = {n} samples, D = {d} inputs, M = {m} outputs"
        if dx is None:
            raise Wrong(f"{what} returned None: return dx, the gradient for the layer below")
        _grad_shape(dx, (n, d), "dx", what, sizes)
        _grad_shape(layer.dW, (d, m), "dW", what, sizes)
        if np.shape(layer.db) == (n,) and n != m:
            raise Wrong(f"{what}: db has shape (N,) = ({n},), expected (M,) = ({m},), one number "
                        f"per output like b ({sizes})")
        _grad_shape(layer.db, (m,), "db", what, sizes)

        def loss(x_, W_, b_):  # L = sum(out * dout): its gradients are dx, dW, db
            return float(np.sum((x_ @ W_ + b_) * dout0))

        numerically(lambda v: loss(v, W0, b0), x0, dx, f"{what}: dx")
        numerically(lambda v: loss(x0, v, b0), W0, layer.dW, f"{what}: dW")
        numerically(lambda v: loss(x0, W0, v), b0, layer.db, f"{what}: db"
                    + (" (the shapes agree here, N = M, so only the values tell)" if n == m else ""))
    x, W, b, dout = (a.astype(np.float32) for a in _affine_case(*_AFFINE_SHAPES[0], rng))
    layer = Layer(W, b)
    same_dtype(layer.forward(x), np.float32, "forward(x) with float32 x, W, b")
    dx = layer.backward(dout)
    same_dtype(dx, np.float32, "backward(dout) with float32 arrays: dx")
    same_dtype(layer.dW, np.float32, "backward(dout) with float32 arrays: dW")
    same_dtype(layer.db, np.float32, "backward(dout) with float32 arrays: db")


# ---------------------------------------------------------------- debug_print_lines (section 10)

PRINT_LINES = {"per evaluation": 70, "total": 21_190}  # 35 chunks x 2 layers; 10,000 x 2 + 17 x 70
_PRINT_MISTAKES = {
    "per evaluation": {
        35: "35 is the number of forward passes; each goes through both Affine layers, and each "
            "prints one line",
        60: "an evaluation computes the accuracy on the training set AND on the test set",
        10: "an evaluation computes the accuracy on the training set AND on the test set, "
            "2,000 images at a time",
        2: "accuracy does not take all images at once: it works through them 2,000 at a time",
        4: "accuracy does not take all images at once: it works through them 2,000 at a time",
    },
    "total": {
        20_000: "the evaluations print too",
        21_120: "that counts 16 evaluations: train also evaluates after the last iteration, and "
                "10,000 is not a multiple of 600",
        21_260: "that counts 18 evaluations: after 600, 1,200, ..., 9,600 (16 of them) and one "
                "after the last iteration",
        41_190: "train takes the loss from the forward pass of net.gradient: one forward pass per "
                "iteration, not two (the book's loop would compute a second one)",
    },
}


@exercise("debug_print_lines", parts=tuple(PRINT_LINES), hints=(
    Text("count forward passes: each goes through both Affine layers, and each layer prints one line; "
    "an evaluation computes the accuracy on the training set and on the test set", ko=""),
    Text("accuracy works 2,000 images at a time, so 60,000 + 10,000 images take 35 forward passes; "
    "train evaluates after iterations 600, 1,200, ... and after the last one", ko="")))
def check_debug_print_lines(prediction, part) -> None:
    """prediction: (lines per evaluation, lines in total) for train(net, ..., iters=10_000)."""
    values = sequence(prediction, 2, "(per_evaluation, total)")
    filled = [(name, got) for name, got in zip(PRINT_LINES, values) if got is not None]
    for name, got in filled:
        with part(name):
            value = _number(got, name)
            want = PRINT_LINES[name]
            if value != want:
                why = _PRINT_MISTAKES[name].get(value, "count again, one forward pass at a time")
                raise Wrong(f"you predicted {show(value, 6)} lines: {why}")
    empty = [name for name, got in zip(PRINT_LINES, values) if got is None]
    if empty:
        with part(empty[0]):
            raise Unfilled(f"{' and '.join(empty)} {'is' if len(empty) == 1 else 'are'} still "
                           "None: replace each None by your number")
