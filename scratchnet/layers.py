"""The layers of chapter 5: Relu, Sigmoid, Affine and SoftmaxWithLoss.

Each layer has forward(x) and backward(dout), written as the book writes them. forward keeps
what backward needs; backward takes dout = dL/d(out) and returns dL/dx. No layer modifies dout.
Bad input is caught at the boundary by one line, check_input or check_dout (scratchnet/_checks.py),
which raises an error naming the layer, what it expected and what it got.
"""

from __future__ import annotations

import numpy as np

from ._checks import check_dout, check_input, check_params
from .functions import cross_entropy_error_from_log, log_softmax, sigmoid


class Relu:
    """out = max(x, 0). A switch: where x <= 0 the signal (and its gradient) is cut."""

    def __init__(self):
        self.mask = None  # True where x <= 0, kept for backward

    def forward(self, x):
        self.mask = (x <= 0)
        out = np.maximum(x, 0)  # a new array: x itself is left alone
        return out

    def backward(self, dout):
        check_dout(self, dout)
        dx = np.where(self.mask, 0, dout)  # a new array: the caller's dout is left alone
        return dx


class Sigmoid:
    """out = 1 / (1 + exp(-x)); its backward needs only the output: dx = dout * y * (1 - y)."""

    def __init__(self):
        self.out = None  # y, kept for backward

    def forward(self, x):
        out = sigmoid(x)
        self.out = out
        return out

    def backward(self, dout):
        check_dout(self, dout)
        dx = dout * (1.0 - self.out) * self.out
        return dx


class Affine:
    """out = x @ W + b.   x: (N, D) or (N, d1, d2, ...)  W: (D, M)  b: (M,)  ->  out: (N, M)

    W and b are kept by reference: they are the very arrays of the network's params,
    so an in-place update `W -= lr * dW` reaches this layer.
    """

    def __init__(self, W, b):
        self.W, self.b = check_params(self, W, b)  # the caller's arrays, not copies
        self.x = None  # the input as (N, D), kept for backward
        self.original_x_shape = None  # (N, ...) as given, to shape dx like x
        self.dW = None
        self.db = None

    def forward(self, x):
        x = check_input(self, x)
        self.original_x_shape = x.shape
        self.x = x.reshape(x.shape[0], -1)  # (N, D): a tensor input is flattened per sample
        out = self.x @ self.W + self.b  # (N, D) @ (D, M) + (M,) -> (N, M)
        return out

    def backward(self, dout):  # dout: (N, M)
        check_dout(self, dout)
        dx = dout @ self.W.T  # (N, M) @ (M, D) -> (N, D)
        self.dW = self.x.T @ dout  # (D, N) @ (N, M) -> (D, M)
        self.db = dout.sum(axis=0)  # (M,): b was added to every row, so its gradient sums them
        return dx.reshape(self.original_x_shape)


class SoftmaxWithLoss:
    """Softmax followed by the cross-entropy loss, fused.

    forward(x, t) -> mean loss.  x: (N, C) scores; t: class indices (N,) or one-hot (N, C).
    backward(dout=1) -> dL/dx = dout * (y - t) / N, shape (N, C).
    The loss is computed from the scores (log-sum-exp), so it needs no `+ 1e-7` inside the log.
    """

    def __init__(self):
        self.loss = None
        self.y = None  # softmax output (N, C)
        self.t = None  # labels (N,) or (N, C)

    def forward(self, x, t):
        x, self.t = check_input(self, x, t)
        log_y = log_softmax(x)  # (N, C): log of softmax(x), exact even where y rounds to 0
        self.y = np.exp(log_y)  # softmax(x)
        self.loss = cross_entropy_error_from_log(log_y, self.t)  # the book's loss, minus its 1e-7
        return self.loss

    def backward(self, dout=1):
        check_dout(self, dout)
        batch_size = self.y.shape[0]
        if self.t.ndim == 2:  # one-hot labels
            dx = (self.y - self.t) / batch_size
        else:  # class indices: subtract 1 at each sample's true class
            dx = self.y.copy()
            dx[np.arange(batch_size), self.t] -= 1
            dx = dx / batch_size
        return dout * dx  # the loss is a batch mean; dout scales it like any upstream gradient
