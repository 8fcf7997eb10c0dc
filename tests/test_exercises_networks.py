"""The auto-checked exercises of notebooks 04-07: a right answer passes, typical mistakes fail,
the notebook's stub is reported as not attempted."""

import numpy as np
import pytest

from scratchnet.exercises import check


def stub(*args):
    raise NotImplementedError


# ---- correct solutions, as a learner would write them

def affine_backward(x, W, dout):
    return dout @ W.T, x.T @ dout, dout.sum(axis=0)


def softmax_loss_backward(y, t):
    dx = y.copy()
    dx[np.arange(len(t)), t] -= 1
    return dx / len(t)


def backward_pass(layers, last_layer):
    dout = last_layer.backward(1)
    for layer in reversed(layers.values()):
        dout = layer.backward(dout)


def accuracy(scores, labels):
    if labels.ndim != 1:
        labels = labels.argmax(axis=1)
    return float((scores.argmax(axis=1) == labels).mean())


def sgd_update(params, grads, lr):
    for key in params:
        params[key] -= lr * grads[key]


# ---- common mistakes, and a few classics

def affine_db_wrong_axis(x, W, dout):
    return dout @ W.T, x.T @ dout, dout.sum(axis=1)


def affine_no_transpose(x, W, dout):
    return dout @ W if W.shape[0] == W.shape[1] else dout @ W.T, x.T @ dout, dout.sum(axis=0)


def affine_typo(x, W, dout):  # seed 000: np.dot(dout, axis=0)
    return dout @ W.T, x.T @ dout, np.dot(dout, axis=0)


def softmax_no_division(y, t):
    dx = y.copy()
    dx[np.arange(len(t)), t] -= 1
    return dx


def backward_forward_order(layers, last_layer):
    dout = last_layer.backward(1)
    for layer in layers.values():  # not reversed: shapes do not fit
        dout = layer.backward(dout)


def accuracy_one_hot_unaware(scores, labels):
    return float((scores.argmax(axis=1) == labels).mean())


def sgd_rebinding(params, grads, lr):  # seed 001
    for key in params:
        params[key] = params[key] - lr * grads[key]


CASES = [
    ("affine_backward", affine_backward, [affine_db_wrong_axis, affine_no_transpose, affine_typo]),
    ("softmax_loss_backward", softmax_loss_backward, [softmax_no_division]),
    ("backward_pass", backward_pass, [backward_forward_order]),
    ("accuracy", accuracy, [accuracy_one_hot_unaware]),
    ("sgd_update", sgd_update, [sgd_rebinding]),
]


@pytest.mark.parametrize("name, solution, mistakes", CASES, ids=[c[0] for c in CASES])
def test_solution_passes_mistakes_fail_stub_not_attempted(name, solution, mistakes):
    assert check(name, solution, quiet=True).status == "passed"
    for wrong in mistakes:
        result = check(name, wrong, quiet=True)
        assert result.status == "failed", f"{wrong.__name__} should fail {name}"
        assert "Hint:" in result.message
    assert check(name, stub, quiet=True).status == "not attempted"


def test_messages_say_what_went_wrong():
    assert "db for N=2, D=4, M=3 should have shape (3,), got (2,)" in \
        check("affine_backward", affine_db_wrong_axis, quiet=True).message
    assert "W1, b1, W2, b2 became new arrays" in check("sgd_update", sgd_rebinding, quiet=True).message
    assert "one-hot" in check("accuracy", accuracy_one_hot_unaware, quiet=True).message
