"""Checks for the exercises of notebooks 01-03 (graphs, shopping, activation layers).

Each checker takes the learner's function or class and raises AssertionError, with a message
that says what was expected, when the attempt is wrong.
"""

from __future__ import annotations

import numpy as np

from ..gradient import check_rule, numerical_gradient, rel_error
from . import exercise


def _close(got, want, what: str) -> None:
    got_arr = np.asarray(got, dtype=float)
    if got_arr.shape != np.shape(want):
        raise AssertionError(f"{what}: expected shape {np.shape(want)}, got {got_arr.shape}")
    if not np.allclose(got_arr, want, rtol=1e-6, atol=1e-9):
        raise AssertionError(f"{what}: expected {np.round(want, 6).tolist()}, "
                             f"got {np.round(got_arr, 6).tolist()}")


# ---------------------------------------------------------------- notebook 01


@exercise("chain_rule_mul", hint="start from dz/dt = 2t; the local derivative of t = x * y "
          "with respect to x is the other input, y (and with respect to y it is x)")
def check_chain_rule_mul(grads) -> None:
    """grads(x, y) -> (dz/dx, dz/dy) for z = t**2, t = x * y."""
    for x, y in [(3.0, 2.0), (-1.5, 4.0), (0.5, -0.25)]:
        got = grads(x, y)
        if np.shape(got) != (2,):  # a tuple, list or array of two numbers
            raise AssertionError(f"grads({x}, {y}) should return a pair (dz_dx, dz_dy), got {got!r}")
        num = numerical_gradient(lambda v: (v[0] * v[1]) ** 2, np.array([x, y]))
        _close(got, num, f"grads({x}, {y})")


# ---------------------------------------------------------------- notebook 02


@exercise("sub_layer", hint="forward returns x - y; the local derivatives are "
          "d(x - y)/dx = 1 and d(x - y)/dy = -1")
def check_sub_layer(layer_class) -> None:
    """A SubLayer: forward(x, y) = x - y, backward(dout) -> (dx, dy)."""
    layer = layer_class()
    out = layer.forward(1000, 150)  # a bill of 1000 won and a coupon of 150
    _close(out, 850.0, "forward(1000, 150)")
    grads = layer.backward(1.1)
    if not isinstance(grads, tuple) or len(grads) != 2:
        raise AssertionError(f"backward should return a pair (dx, dy), got {grads!r}")
    _close(grads, (1.1, -1.1), "backward(1.1) after forward(1000, 150)")
    x, y = np.array([1.0, 2.0]), np.array([0.5, 4.0])
    _close(layer_class().forward(x, y), x - y, "forward on arrays")


# ---------------------------------------------------------------- notebook 03


@exercise("relu_layer", hint="keep the mask (x <= 0) in forward; in backward build a new array "
          "(np.where, or a copy of dout) instead of writing into dout")
def check_relu_layer(layer_class) -> None:
    """A Relu with forward(x) and backward(dout) that never changes the caller's dout."""
    layer = layer_class()
    x = np.array([[1.0, -0.5], [-2.0, 3.0]])
    x_before = x.copy()
    _close(layer.forward(x), [[1.0, 0.0], [0.0, 3.0]], "forward(x)")
    if not np.array_equal(x, x_before):
        raise AssertionError("forward changed its input x: work on a copy")
    dout = np.array([[-0.1, 4.0], [1.3, -1.1]])
    dout_before = dout.copy()
    _close(layer.backward(dout), [[-0.1, 0.0], [0.0, -1.1]], "backward(dout)")
    if not np.array_equal(dout, dout_before):
        raise AssertionError(f"backward changed the caller's dout to {dout.tolist()}: "
                             "build a new array instead of writing into dout")


@exercise("tanh_layer", hint="store y = np.tanh(x) as self.out in forward; "
          "the local derivative is 1 - y**2, times dout")
def check_tanh_layer(layer_class) -> None:
    """A Tanh layer whose backward uses only the stored output."""
    x = np.array([[0.5, -1.0], [2.0, -0.5]])
    dout = np.array([[0.1, 0.2], [0.3, 0.4]])
    layer = layer_class()
    _close(layer.forward(x), np.tanh(x), "forward(x)")
    dx = layer.backward(dout)
    num = numerical_gradient(lambda v: float(np.sum(np.tanh(v) * dout)), x.copy())
    err = rel_error(dx, num)
    if err >= check_rule(num.dtype).threshold:  # the series' gradient-check rule (notebook 05)
        raise AssertionError(f"backward(dout) = {np.round(np.asarray(dx, float), 6).tolist()} differs "
                             f"from the numerical gradient {np.round(num, 6).tolist()} "
                             f"(relative error {err:.1e})")
