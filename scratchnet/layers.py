"""The layers of chapter 5: Relu, Sigmoid, Affine and SoftmaxWithLoss.

Each layer has forward(x) and backward(dout). forward keeps what backward needs;
backward takes dout = dL/d(out) and returns dL/dx. No layer ever modifies dout.
"""

from __future__ import annotations

import numpy as np

from ._checks import as_float_array, labels_to_indices, require_finite, require_forward
from .functions import sigmoid
from .language import message


class Relu:
    """out = max(x, 0). A switch: where x <= 0 the signal (and its gradient) is cut."""

    def __init__(self):
        self.mask = None  # True where x <= 0, kept for backward

    def forward(self, x):
        self.mask = x <= 0
        return np.maximum(x, 0)  # a new array: x itself is left alone

    def backward(self, dout):
        require_forward(self.mask, "Relu")
        if np.shape(dout) != self.mask.shape:
            raise ValueError(message(
                "Relu.backward: expected dout of shape {want} (the forward input's), got shape {got}",
                want=self.mask.shape, got=np.shape(dout)))
        # dout[self.mask] = 0 would zero the caller's array too: build a new one instead
        return np.where(self.mask, 0, dout)  # dy/dx = 1 where x > 0, else 0


class Sigmoid:
    """out = 1 / (1 + exp(-x)); its backward needs only the output: dx = dout * y * (1 - y)."""

    def __init__(self):
        self.out = None  # y, kept for backward

    def forward(self, x):
        self.out = sigmoid(x)
        return self.out

    def backward(self, dout):
        require_forward(self.out, "Sigmoid")
        y = self.out
        return dout * y * (1 - y)  # dy/dx = y * (1 - y)


class Affine:
    """out = x @ W + b.   x: (N, D) or (N, d1, d2, ...)  W: (D, M)  b: (M,)  ->  out: (N, M)

    W and b are kept by reference: they are the very arrays of the network's params,
    so an in-place update `W -= lr * dW` reaches this layer.
    Set input_grad=False for a first layer, whose dx nobody uses (backward then returns None).
    """

    def __init__(self, W, b, input_grad: bool = True):
        W, b = np.asarray(W), np.asarray(b)
        if W.ndim != 2 or b.shape != (W.shape[1],):
            raise ValueError(message(
                "Affine: expected W of shape (D, M) and b of shape (M,), got W {W} and b {b}",
                W=W.shape, b=b.shape))
        self.W, self.b = W, b  # the same arrays as the caller's, not copies
        self.input_grad = input_grad
        self.x = None  # the input as (N, D), kept for backward
        self.original_x_shape = None  # (N, ...) as given, to shape dx like x
        self.dW = None
        self.db = None

    def forward(self, x):
        x = as_float_array(x, "Affine")
        d = self.W.shape[0]
        if x.ndim < 2 or x[0].size != d:
            raise ValueError(message(
                "Affine: expected x with {d} features per sample, shape (N, {d}) or (N, ...) "
                "with {d} values per sample, got shape {got}", d=d, got=x.shape))
        self.original_x_shape = x.shape
        self.x = x.reshape(x.shape[0], d)  # (N, D): a tensor input is flattened per sample
        return self.x @ self.W + self.b  # (N, M)

    def backward(self, dout):  # dout: (N, M)
        require_forward(self.x, "Affine")
        expected = (self.x.shape[0], self.W.shape[1])
        if np.shape(dout) != expected:
            raise ValueError(message("Affine.backward: expected dout of shape {want}, got {got}",
                                     want=expected, got=np.shape(dout)))
        self.dW = self.x.T @ dout  # (D, N) @ (N, M) -> (D, M)
        self.db = dout.sum(axis=0)  # (M,): b was added to every row, so its gradient sums them
        if not self.input_grad:
            return None
        dx = dout @ self.W.T  # (N, M) @ (M, D) -> (N, D)
        return dx.reshape(self.original_x_shape)


class SoftmaxWithLoss:
    """Softmax followed by the cross-entropy loss, fused.

    forward(x, t) -> mean loss.  x: (N, C) scores (logits); t: one-hot (N, C) or indices (N,).
    backward(dout=1) -> dL/dx = dout * (y - t) / N, shape of x.
    The loss is computed from the scores with log-sum-exp, so it needs no `+ 1e-7`
    inside the log and its gradient is exactly (y - t) / N.
    """

    def __init__(self):
        self.loss = None
        self.y = None  # softmax output (N, C)
        self.t = None  # labels as given
        self._one_hot = None
        self._x_shape = None

    def forward(self, x, t):
        x = as_float_array(x, "SoftmaxWithLoss", "scores x")
        self._x_shape = x.shape
        if x.ndim == 1:  # one sample
            x = x.reshape(1, -1)
            t = np.asarray(t).reshape(1, -1) if np.ndim(t) == 1 else np.asarray(t).reshape(1)
        if x.ndim != 2:
            raise ValueError(message("SoftmaxWithLoss: expected scores of shape (N, C), got shape {got}",
                                     got=x.shape))
        n, c = x.shape
        require_finite(x, "SoftmaxWithLoss", "scores x",
                       ": a nan here would make the loss nan. Check the input data, and lower the "
                       "learning rate if the weights diverged")
        self.t, self._one_hot = labels_to_indices(t, n, c, "SoftmaxWithLoss")
        shifted = x - x.max(axis=1, keepdims=True)  # (N, C); exp never overflows now
        exp = np.exp(shifted)  # (N, C)
        sum_exp = exp.sum(axis=1, keepdims=True)  # (N, 1), >= 1
        self.y = exp / sum_exp  # softmax(x)
        # -log(softmax) = log(sum_exp) - shifted: exact even where a probability rounds to 0
        if self._one_hot:
            self.loss = (self.t * (np.log(sum_exp) - shifted)).sum() / n
        else:
            self.loss = (np.log(sum_exp[:, 0]) - shifted[np.arange(n), self.t]).sum() / n
        return self.loss

    def backward(self, dout=1):
        require_forward(self.y, "SoftmaxWithLoss")
        n = self.y.shape[0]
        if self._one_hot:
            dx = self.y - self.t.astype(self.y.dtype, copy=False)  # keep the scores' dtype
        else:
            dx = self.y.copy()
            dx[np.arange(n), self.t] -= 1  # y - t, as if the indices t were one-hot rows
        dx *= dout / n  # the loss is a batch mean; dout scales it like any upstream gradient
        return dx.reshape(self._x_shape)
