"""Activation and loss functions (chapter 3-4 of the book), written to be overflow-safe."""

from __future__ import annotations

import numpy as np

from ._checks import as_float_array, labels_to_indices
from .language import message


def sigmoid(x):
    """1 / (1 + exp(-x)), without overflow for large |x| (e.g. x = -1000)."""
    x = as_float_array(x, "sigmoid")
    if x.dtype.kind != "f":
        x = x.astype(np.float64)
    z = np.exp(-np.abs(x))  # in (0, 1]: never overflows
    return np.where(x >= 0, 1 / (1 + z), z / (1 + z))


def softmax(x):
    """Softmax over the last axis. x: (C,) or (N, C) -> same shape, rows sum to 1.

    Subtracting the row maximum first keeps exp() from overflowing (exp(1000) = inf);
    it does not change the result, because softmax(x) = softmax(x - c).
    """
    x = as_float_array(x, "softmax")
    if x.ndim not in (1, 2):
        raise ValueError(message("softmax: expected a 1-D or 2-D array of scores, got shape {got}",
                                 got=x.shape))
    e = np.exp(x - x.max(axis=-1, keepdims=True))
    return e / e.sum(axis=-1, keepdims=True)


def log_softmax(x):
    """log(softmax(x)) computed as x - logsumexp(x): exact even where softmax rounds to 0."""
    shifted = x - x.max(axis=-1, keepdims=True)
    return shifted - np.log(np.exp(shifted).sum(axis=-1, keepdims=True))


def cross_entropy_error_from_log(log_y, t):
    """The mean cross-entropy of cross_entropy_error, from log-probabilities: exact, no + 1e-7.

    log_y: (N, C), e.g. log_softmax(x); t: class indices (N,) or one-hot (N, C).
    SoftmaxWithLoss uses it, so that its loss stays exact where a probability rounds to 0.
    """
    n = log_y.shape[0]
    if t.ndim == 2:  # one-hot
        return -(t * log_y).sum() / n
    return -log_y[np.arange(n), t].sum() / n


def cross_entropy_error(y, t):
    """Mean cross-entropy of probabilities y against labels t (the book's form).

    y: (C,) or (N, C) probabilities.  t: one-hot of the same shape, or class indices.
    The book adds delta = 1e-7 inside the log so that log(0) never happens; the fused
    SoftmaxWithLoss layer works from the scores and does not need it.
    """
    y = as_float_array(y, "cross_entropy_error", "y")
    t = np.asarray(t)
    if y.ndim == 1:  # one sample: make it a batch of one
        y = y.reshape(1, -1)
        t = t.reshape(1, -1) if t.ndim == 1 and t.size == y.size and t.size > 1 else t.reshape(-1)
    if y.ndim != 2:
        raise ValueError(message("cross_entropy_error: expected y of shape (N, C), got shape {got}",
                                 got=y.shape))
    n, c = y.shape
    t, one_hot = labels_to_indices(t, n, c, "cross_entropy_error")
    if one_hot:
        t = t.argmax(axis=1)
    delta = 1e-7
    return -np.sum(np.log(y[np.arange(n), t] + delta)) / n
