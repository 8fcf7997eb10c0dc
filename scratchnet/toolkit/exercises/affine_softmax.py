"""Checks for the exercises of notebook 04 (Affine and Softmax-with-Loss, book 5.6).

affine_layer                 the learner writes the book's Affine: forward(x), backward(dout)
affine_image_shapes          the learner predicts the shapes of out, dx, dW, db for images
softmax_gradient_prediction  the learner predicts dL/dx for softmax output (0.3, 0.2, 0.5)
softmax_with_loss            the learner writes SoftmaxWithLoss: forward(x, t), backward(dout=1),
                             with one-hot labels (the book's 5.6.3) and class indices
softmax_uniform_loss         the learner predicts the loss for equal scores, 3 and 10 classes
"""

from __future__ import annotations

import warnings

import numpy as np

from ...functions import softmax
from ...language import Text
from . import Unfilled, Wrong, exercise
from ._assert import close, numerically, same_dtype, sequence, show, unchanged


def _run(what: str, fn, *args):
    """fn(*args), with any crash of the learner's code reported for this input."""
    try:
        return fn(*args)
    except (NotImplementedError, AssertionError):
        raise
    except Exception as e:  # the attempt crashed on this input: say which
        raise Wrong(f"{what} raised {type(e).__name__}: {e}") from None


# ---------------------------------------------------------------- affine_layer

# (N, D, M): the learner tried none of these. (5, 3, 3) has a square W, where dout @ W has the
# right shape without the transpose; (1, 6, 2) is a batch of one.
_AFFINE_CASES = [(2, 4, 3), (5, 3, 3), (1, 6, 2), (7, 2, 5)]


def _affine_arrays(n: int, d: int, m: int, seed: int, dtype=np.float64):
    rng = np.random.default_rng(seed)
    x, W, b, dout = (rng.standard_normal(s).astype(dtype) for s in ((n, d), (d, m), (m,), (n, m)))
    return x, W, b, dout


def _gradient_shape(got, want_shape: tuple, what: str, like: str) -> None:
    shape = np.shape(got)
    if got is None:
        raise Wrong(f"{what} is None: backward should set it")
    if shape != want_shape:
        raise Wrong(f"{what}: expected shape {want_shape}, the shape of {like}, got shape {shape}")


@exercise("affine_layer", parts=("forward", "backward"), hints=(
    Text("each gradient has the shape of its variable: dx like x (N, D), dW like W (D, M), db like "
    "b (M,). Which product of dout (N, M) with W or with x, one of them transposed, has that shape?", ko=""),
    Text("forward keeps x on self and returns the matrix product of x and W plus b. backward: dx is "
    "dout times the transpose of W, dW is the transpose of the kept x times dout, db is dout summed "
    "over axis 0 (the batch). Return dx alone; store dW and db on self; never write into dout.", ko="")))
def check_affine_layer(Affine, part) -> None:
    """Affine(W, b): forward(x (N, D)) -> (N, M), keeps x; backward(dout) -> dx, sets dW, db."""
    with part("forward"):
        # the broadcast example of the notebook: x @ W = [[0, 0, 0], [10, 10, 10]], b = [1, 2, 3]
        x, W, b = np.array([[0.0, 0.0], [1.0, 1.0]]), np.full((2, 3), 5.0), np.array([1.0, 2.0, 3.0])
        out = _run("forward(x)", Affine(W, b).forward, x)
        close(out, [[1.0, 2.0, 3.0], [11.0, 12.0, 13.0]],
              "forward(x) for x = [[0, 0], [1, 1]], W all 5, b = [1, 2, 3] (x @ W + b)")
        for seed, (n, d, m) in enumerate(_AFFINE_CASES):
            x, W, b, _ = _affine_arrays(n, d, m, seed)
            kept = x.copy(), W.copy(), b.copy()
            where = f"forward(x) for N={n}, D={d}, M={m}"
            want = x @ W + b
            out = _run(where, Affine(W, b).forward, x)
            for arr, before, name in zip((x, W, b), kept, ("x", "W", "b")):
                unchanged(arr, before, f"{name} (in {where})")
            close(out, want, where)
        x, W, b, _ = _affine_arrays(3, 4, 2, 10, np.float32)
        out = _run("forward(x) on float32 arrays", Affine(W, b).forward, x)
        same_dtype(out, np.float32, "forward(x) on float32 x, W and b")

    with part("backward"):
        for seed, (n, d, m) in enumerate(_AFFINE_CASES):
            x, W, b, dout = _affine_arrays(n, d, m, seed + 20)
            kept = x.copy(), W.copy(), dout.copy()
            where = f"N={n}, D={d}, M={m}" + (" (a square W)" if d == m else "")
            layer = Affine(W, b)
            other = np.ones((n + 1, d))  # a batch of another size first: backward must use the latest x
            _run(f"forward(x) for {where}", layer.forward, other)
            _run(f"forward(x) for {where}", layer.forward, x)
            dx = _run(f"backward(dout) for {where}", layer.backward, dout)
            for arr, before, name in zip((x, W, dout), kept, ("x", "W", "dout")):
                unchanged(arr, before, f"{name} (in backward for {where})")
            if isinstance(dx, tuple):
                raise Wrong(f"backward(dout) returned a tuple of {len(dx)} for {where}: return dx "
                            "alone, and store dW and db as self.dW and self.db")
            _gradient_shape(dx, (n, d), f"dx for {where}", "x")
            if d == m and np.allclose(dx, dout @ W) and not np.allclose(dx, dout @ W.T):
                raise Wrong(f"dx for {where}: your dx equals dout @ W without the transpose. With a "
                            "square W the shapes fit anyway, but the chain rule sums "
                            "dout[n, m] * W[d, m] over m; expected "
                            f"{show(dout @ W.T)}, got {show(dx)}")
            numerically(lambda v: float(np.sum((v @ W + b) * dout)), x, dx, f"dx for {where}")
            _gradient_shape(getattr(layer, "dW", None), (d, m), f"self.dW for {where}", "W")
            if d == m and np.allclose(layer.dW, (x.T @ dout).T) and not np.allclose(layer.dW, x.T @ dout):
                raise Wrong(f"self.dW for {where}: your dW is the transpose of the right one "
                            f"(the shapes fit only because W is square); expected {show(x.T @ dout)}, "
                            f"got {show(layer.dW)}")
            numerically(lambda v: float(np.sum((x @ v + b) * dout)), W, layer.dW, f"self.dW for {where}")
            _gradient_shape(getattr(layer, "db", None), (m,), f"self.db for {where}", "b")
            numerically(lambda v: float(np.sum((x @ W + v) * dout)), b, layer.db, f"self.db for {where}")
        # the notebook's db example: dout = [[1, 2, 3], [4, 5, 6]] gives db = [5, 7, 9]
        layer = Affine(np.zeros((2, 3)), np.zeros(3))
        _run("forward(x)", layer.forward, np.ones((2, 2)))
        _run("backward(dout)", layer.backward, np.array([[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]]))
        close(layer.db, [5.0, 7.0, 9.0], "self.db for dout = [[1, 2, 3], [4, 5, 6]]")
        x, W, b, dout = _affine_arrays(3, 4, 2, 10, np.float32)
        layer = Affine(W, b)
        _run("forward(x) on float32 arrays", layer.forward, x)
        dx = _run("backward(dout) on float32 arrays", layer.backward, dout)
        for got, name in ((dx, "dx"), (layer.dW, "self.dW"), (layer.db, "self.db")):
            same_dtype(got, np.float32, f"{name} for float32 x, W, b and dout")


# ---------------------------------------------------------------- affine_image_shapes

_IMAGE_SHAPES = {"out": (5, 10), "dx": (5, 1, 28, 28), "dW": (784, 10), "db": (10,)}
_IMAGE_WHAT = {"out": "the output of forward", "dx": "what backward returns",
               "dW": "self.dW", "db": "self.db"}


def _as_shape(got, name: str) -> tuple:
    if isinstance(got, (int, np.integer)) and not isinstance(got, bool):
        raise Wrong(f"{name}: got the number {got}, not a shape. A shape is a tuple; a 1-D "
                    f"shape keeps its comma: ({got},). Note that ({got}) without the comma is "
                    f"just the number {got}")
    if isinstance(got, (str, bytes, dict)) or not hasattr(got, "__len__"):
        raise Wrong(f"{name}: expected a shape such as (2, 3), got {type(got).__name__} {got!r}")
    try:
        return tuple(int(v) for v in got)
    except (TypeError, ValueError):
        raise Wrong(f"{name}: a shape holds whole numbers, got {got!r}") from None


@exercise("affine_image_shapes", parts=tuple(_IMAGE_SHAPES), hints=(
    Text("forward flattens each image to one row, so the product sees (N, 784); and a gradient "
    "always has the shape of what it is the gradient of", ko=""),
    Text("out is (N, M); dx has the shape of the input as it was given, images and all, because the "
    "layer below needs it that way; dW has W's shape and db b's. Write a 1-D shape with its comma", ko="")))
def check_affine_image_shapes(shapes, part) -> None:
    """shapes: {"out", "dx", "dW", "db"} -> the shapes for x (5, 1, 28, 28), W (784, 10), b (10,)."""
    if not isinstance(shapes, dict):
        raise Wrong(f"expected a dict with the keys {', '.join(_IMAGE_SHAPES)}, "
                    f"got {type(shapes).__name__}")
    missing = [k for k in _IMAGE_SHAPES if k not in shapes]
    if missing:
        raise Wrong(f"the dict has no key {', '.join(missing)}: keep the keys "
                    f"{', '.join(_IMAGE_SHAPES)}")
    for name in _IMAGE_SHAPES:
        with part(name):
            got = shapes[name]
            if got is None:
                raise Unfilled(f"{name} is still None: write the shape of {_IMAGE_WHAT[name]}")
            want = _IMAGE_SHAPES[name]
            shape = _as_shape(got, name)
            if shape != want:
                extra = ""
                if name == "dx" and shape == (5, 784):
                    extra = (" (that is the gradient of the flattened X; the layer below gave "
                             "images, and gets its gradient back in their shape)")
                raise Wrong(f"{name}, the shape of {_IMAGE_WHAT[name]}: got {shape}, which is "
                            f"not it{extra}")


# ---------------------------------------------------------------- softmax_gradient_prediction

_Y_EXAMPLE = np.array([0.3, 0.2, 0.5])  # softmax output for one sample, true class 1
_T_EXAMPLE = np.array([0.0, 1.0, 0.0])
_GRAD_TRUTH = {"dx_alone": _Y_EXAMPLE - _T_EXAMPLE, "dx_in_pair": (_Y_EXAMPLE - _T_EXAMPLE) / 2}
_GRAD_WHAT = {"dx_alone": "dL/dx for the batch of one",
              "dx_in_pair": "the first row of dL/dx when the batch holds this sample twice"}


@exercise("softmax_gradient_prediction", parts=tuple(_GRAD_TRUTH), hints=(
    Text("dL/dx = dout · (y - t) / N; here dout = 1, and N is the number of samples in the batch", ko=""),
    Text("subtract the one-hot label from y: only the true class (index 1) changes, by -1. The loss of "
    "a batch is the mean over its samples, so with two samples every row is divided by 2", ko="")))
def check_softmax_gradient_prediction(pair, part) -> None:
    """(dx_alone, dx_in_pair): three numbers each."""
    values = dict(zip(_GRAD_TRUTH, sequence(pair, 2, "(dx_alone, dx_in_pair)")))
    for name in values:
        with part(name):
            got = values[name]
            if got is None:
                raise Unfilled(f"{name} is still None: write {_GRAD_WHAT[name]}, three numbers")
            items = sequence(got, 3, name)
            if any(v is None for v in items):
                raise Unfilled(f"{name} still holds None: write all three numbers")
            want = _GRAD_TRUTH[name]
            arr = np.asarray(items, dtype=float)
            if np.allclose(arr, -want, atol=1e-3):
                raise Wrong(f"{name} is {show(arr)}, which is t - y; the gradient of the loss is y - t")
            if name == "dx_in_pair" and np.allclose(arr, 2 * want, atol=1e-3):
                raise Wrong(f"{name} is {show(arr)}, the gradient of a batch of one; in a batch of "
                            "two the loss is the mean of two samples' losses")
            close(arr, want, _GRAD_WHAT[name], rtol=0, atol=1e-3)


# ---------------------------------------------------------------- softmax_with_loss

_X_EXAMPLE = np.array([[2.0, 0.5, -1.0], [1.0, 3.0, -0.5]])  # the notebook's example
_T_ONE_HOT = np.array([[1, 0, 0], [0, 1, 0]])


def _mean_loss(x: np.ndarray, t_idx: np.ndarray) -> float:
    """Mean cross-entropy of softmax(x) for class indices t, from the scores (log-sum-exp)."""
    shifted = x - x.max(axis=1, keepdims=True)
    return float(np.mean(np.log(np.exp(shifted).sum(axis=1)) - shifted[np.arange(len(x)), t_idx]))


def _batch(n: int, c: int, seed: int):
    rng = np.random.default_rng(seed)
    x = 2 * rng.standard_normal((n, c))
    t_idx = rng.integers(0, c, n)
    return x, t_idx, np.eye(c, dtype=int)[t_idx]


def _loss_number(loss, where: str) -> float:
    if loss is None:
        raise Wrong(f"{where} returned None: return the loss")
    if np.ndim(loss) != 0:
        raise Wrong(f"{where} should return one number, the mean loss over the batch; got "
                    f"{type(loss).__name__} of shape {np.shape(loss)}")
    try:
        return float(loss)
    except (TypeError, ValueError):
        raise Wrong(f"{where} should return a number, got {type(loss).__name__} {loss!r}") from None


def _forward(Layer, x, t, where: str):
    """A fresh layer after forward(x, t), and the loss it returned as a float."""
    layer = Layer()
    x_before, t_before = x.copy(), t.copy()
    with warnings.catch_warnings(), np.errstate(all="ignore"):  # a naive exp(1000) warns
        warnings.simplefilter("ignore")
        loss = _loss_number(_run(where, layer.forward, x, t), where)
    unchanged(x, x_before, f"x (in {where})")
    unchanged(t, t_before, f"t (in {where})")
    return layer, loss


def _loss_right(loss: float, x, t_idx, where: str) -> None:
    want = _mean_loss(x, t_idx)
    if not np.isfinite(loss):
        raise Wrong(f"{where} gave {loss}: exp of large scores overflows to inf, and inf / inf is "
                    f"nan; expected {want:.6g}. Softmax does not change when the same number is "
                    "subtracted from every score of a row")
    n = len(x)
    if n > 1 and np.isclose(loss, n * want, rtol=1e-4):
        raise Wrong(f"{where}: expected {want:.6g}, got {loss:.6g}, which is {n} times too large: "
                    "the loss of a batch is the mean over its samples, not their sum")
    if not np.isclose(loss, want, rtol=1e-4, atol=1e-6):  # room for the book's 1e-7 inside the log
        raise Wrong(f"{where}: expected {want:.6g}, got {loss:.6g}")


def _backward(layer, where: str, *dout):
    with warnings.catch_warnings(), np.errstate(all="ignore"):
        warnings.simplefilter("ignore")
        dx = _run(where, layer.backward, *dout)
    if isinstance(dx, tuple):
        raise Wrong(f"{where} returned a tuple: return dx alone")
    return dx


def _gradient_right(Layer, x, t, t_idx, where: str) -> None:
    """backward() after forward(x, t): the numerical gradient of the mean loss, and the /N."""
    layer, _ = _forward(Layer, x, t, f"forward(x, t) for {where}")
    y_before = None if getattr(layer, "y", None) is None else np.array(layer.y, copy=True)
    dx = _backward(layer, f"backward() for {where}")
    n = len(x)
    want = (softmax(x) - np.eye(x.shape[1])[t_idx]) / n
    if n > 1 and np.shape(dx) == want.shape and np.allclose(dx, n * want):
        raise Wrong(f"backward() for {where}: got y - t without the division by the batch size "
                    f"N = {n}; expected {show(want)}, got {show(dx)}")
    numerically(lambda v: _mean_loss(v, t_idx), x, dx, f"backward() for {where}")
    again = _backward(layer, f"backward() called a second time for {where}")
    if not np.allclose(again, dx):
        raise Wrong(f"backward() for {where} gave another result when called a second time: the "
                    "first call changed what forward kept (self.y or self.t). Work on a copy")
    if y_before is not None:
        unchanged(layer.y, y_before, f"self.y (in backward() for {where})")


@exercise("softmax_with_loss", parts=("forward", "backward"), hints=(
    Text("forward: y = softmax(x), and the loss is the mean over the batch of -log of each sample's "
    "true-class probability; keep y and t on self. backward: dout times (y - t) / N, with N the "
    "batch size, the number of rows of y", ko=""),
    Text("softmax and cross_entropy_error (imported in the setup cell) take one-hot labels and class "
    "indices alike, and subtract the row maximum before exp. For class indices t in backward, "
    "subtracting t means subtracting 1 at each row's true class, in a copy of y (never in self.y "
    "itself); or turn t into one-hot rows first (the rows of an identity matrix np.eye(C), "
    "picked by t)", ko="")))
def check_softmax_with_loss(Layer, part) -> None:
    """SoftmaxWithLoss(): forward(x (N, C), t) -> mean loss; backward(dout=1) -> dout (y - t) / N.

    t is one-hot (N, C), as in the book's 5.6.3, or class indices (N,): both are checked.
    """
    indices = np.array([0, 1])  # the example's labels as class indices
    with part("forward"):
        where = "forward(x, t) on the notebook's example (2 samples, one-hot t)"
        layer, loss = _forward(Layer, _X_EXAMPLE.copy(), _T_ONE_HOT.copy(), where)
        _loss_right(loss, _X_EXAMPLE, indices, where)
        y = getattr(layer, "y", None)
        if y is None:
            raise Wrong("self.y is None after forward(x, t): keep y = softmax(x) for backward")
        close(y, softmax(_X_EXAMPLE), "self.y after forward(x, t) on the notebook's example")
        if getattr(layer, "t", None) is None:
            raise Wrong("self.t is None after forward(x, t): keep the labels t for backward")
        for n, c, seed in ((1, 3, 1), (7, 10, 2)):
            x, t_idx, t = _batch(n, c, seed)
            where = f"forward(x, t) for a batch of {n}, {c} classes, one-hot t"
            _loss_right(_forward(Layer, x, t, where)[1], x, t_idx, where)
            where = f"forward(x + 1000, t) for a batch of {n}, {c} classes"
            _loss_right(_forward(Layer, x + 1000, t, where)[1], x + 1000, t_idx, where)
        where = "forward(x, t) on the notebook's example with t = [0, 1] (class indices)"
        _loss_right(_forward(Layer, _X_EXAMPLE.copy(), indices.copy(), where)[1], _X_EXAMPLE,
                    indices, where)
        x, t_idx, _ = _batch(7, 10, 5)
        where = f"forward(x, t) for a batch of 7, 10 classes, t = {show(t_idx)} (class indices)"
        _loss_right(_forward(Layer, x, t_idx.copy(), where)[1], x, t_idx, where)

    with part("backward"):
        where = "backward() after forward on the notebook's example"
        layer, _ = _forward(Layer, _X_EXAMPLE.copy(), _T_ONE_HOT.copy(), "forward(x, t)")
        want = (softmax(_X_EXAMPLE) - _T_ONE_HOT) / 2
        dx = _backward(layer, where)
        if np.shape(dx) == want.shape and np.allclose(dx, 2 * want):
            raise Wrong(f"{where}: got y - t without the division by the batch size N = 2; "
                        f"expected {show(want)}, got {show(dx)}")
        close(dx, want, where)
        half = _backward(layer, "backward(0.5)", 0.5)
        if np.shape(half) == want.shape and np.allclose(half, want):
            raise Wrong("backward(0.5) gave the same as backward(): multiply by dout. Half the "
                        "loss has half the gradient, by the chain rule")
        close(half, 0.5 * want, "backward(0.5) after forward on the notebook's example")
        for n, c, seed in ((1, 3, 3), (7, 10, 4)):
            x, t_idx, t = _batch(n, c, seed)
            _gradient_right(Layer, x, t, t_idx, f"a batch of {n}, {c} classes, one-hot t")
        layer, _ = _forward(Layer, _X_EXAMPLE.copy(), indices.copy(), "forward(x, t = [0, 1])")
        where = "backward() after forward with t = [0, 1] (class indices)"
        close(_backward(layer, where), want, where)
        for n, c, seed in ((1, 3, 6), (7, 10, 7)):
            x, t_idx, _ = _batch(n, c, seed)
            _gradient_right(Layer, x, t_idx.copy(), t_idx,
                            f"a batch of {n}, {c} classes, t = {show(t_idx)} (class indices)")


# ---------------------------------------------------------------- softmax_uniform_loss

_UNIFORM_TRUTH = {"loss_3_classes": np.log(3), "loss_10_classes": np.log(10)}


@exercise("softmax_uniform_loss", parts=tuple(_UNIFORM_TRUTH), hints=(
    Text("equal scores give equal probabilities; what is each of them with 3 classes?", ko=""),
    Text("each class gets 1/C, so the loss is -log(1/C) = log C, whichever class is the true one", ko="")))
def check_softmax_uniform_loss(pair, part) -> None:
    """(loss_3_classes, loss_10_classes): two numbers, 2 decimals are enough."""
    values = dict(zip(_UNIFORM_TRUTH, sequence(pair, 2, "(loss_3_classes, loss_10_classes)")))
    for name in values:
        with part(name):
            got = values[name]
            if got is None:
                raise Unfilled(f"{name} is still None: write the loss as a number")
            c = 3 if name == "loss_3_classes" else 10
            try:
                value = float(got)
            except (TypeError, ValueError):
                raise Wrong(f"{name} should be one number, got {type(got).__name__} {got!r}") from None
            if np.isclose(value, 1 / c, rtol=5e-3):
                raise Wrong(f"{name} is {value:.4g}, the probability of each class; the loss is "
                            "-log of the true class's probability")
            if np.isclose(value, np.log10(c), rtol=5e-3):
                raise Wrong(f"{name} is {value:.4g}, a logarithm to base 10; the loss uses the "
                            "natural logarithm (np.log)")
            close(value, _UNIFORM_TRUTH[name], f"{name}, the loss for {c} equal scores", rtol=5e-3)
