"""The checks of notebook 06 (training on MNIST): accuracy, sgd_update and two predictions.

For each exercise: an untouched stub, a half-done attempt, a wrong attempt for every constraint
the notebook states, right attempts (any reasonable form), and hints only after failures.
"""

import json
import re
from pathlib import Path

import numpy as np
import pytest

from scratchnet.toolkit.exercises import check

ROOT = Path(__file__).resolve().parent.parent
NOTEBOOK = ROOT / "notebooks" / "06_mnist_training.ipynb"
SOLUTIONS = ROOT / "solutions" / "06_mnist_training.md"


def failed(name, attempt, *fragments):
    res = check(name, attempt)
    assert res.status == "failed", res.message
    for fragment in fragments:
        assert fragment in res.message, (fragment, res.message)
    return res


# ------------------------------------------------------------------------------ accuracy

def acc_stub(y, t):
    if t.ndim != 1:
        raise NotImplementedError("your code here")
    raise NotImplementedError("your code here")


def acc_book(y, t):
    if t.ndim != 1:
        t = np.argmax(t, axis=1)
    y = np.argmax(y, axis=1)
    return np.sum(y == t) / float(y.shape[0])


def make_accuracy(compare, one_hot=lambda t: t.argmax(axis=1)):
    def accuracy(y, t):
        if t.ndim != 1:
            t = one_hot(t)
        return compare(y, t)
    return accuracy


def test_accuracy_stub_is_not_attempted_and_gives_no_hint():
    res = check("accuracy", acc_stub)
    assert res.status == "not attempted" and "hint" not in res.message.lower()


def test_accuracy_half_done_names_the_missing_part():
    def indices_only(y, t):
        if t.ndim != 1:
            raise NotImplementedError("your code here")
        return np.mean(y.argmax(axis=1) == t)
    res = check("accuracy", indices_only)
    assert res.status == "partly done" and res.done == ("class-index labels",)
    assert "one-hot labels still raises NotImplementedError" in res.message


@pytest.mark.parametrize("right", [
    acc_book,
    make_accuracy(lambda y, t: np.mean(y.argmax(axis=1) == t)),                 # NumPy float
    make_accuracy(lambda y, t: float((y.argmax(axis=1) == t).sum()) / len(y)),  # Python float
    make_accuracy(lambda y, t: np.mean(y.argmax(axis=1) == t),
                  one_hot=lambda t: np.nonzero(t)[1]),                           # another way
], ids=["book", "mean", "float", "nonzero"])
def test_accuracy_right_attempts_pass(right):
    assert check("accuracy", right).passed


def test_accuracy_a_count_is_not_a_fraction():
    count = make_accuracy(lambda y, t: np.sum(y.argmax(axis=1) == t))
    failed("accuracy", count, "FAIL in class-index labels", "expected 0.5, got 2",
           "count of right answers")


def test_accuracy_integer_division_and_unreduced_arrays_fail():
    failed("accuracy", make_accuracy(lambda y, t: np.sum(y.argmax(axis=1) == t) // len(y)),
           "expected the fraction 0.5, got the integer 0")
    failed("accuracy", make_accuracy(lambda y, t: y.argmax(axis=1) == t),
           "expected one number, 0.5, got ndarray of shape (4,)")


def test_accuracy_must_not_change_the_scores():
    def shifts_y(y, t):
        y -= y.max(axis=1, keepdims=True)  # harmless for argmax, but the caller's array
        return acc_book(y, t)
    failed("accuracy", shifts_y, "your code changed y (the scores)")


def test_accuracy_must_not_change_the_labels():
    def overwrites_t(y, t):
        result = acc_book(y, t)
        if t.ndim == 1:
            t[:] = y.argmax(axis=1)
        return result
    failed("accuracy", overwrites_t, "your code changed t (the labels)")


def test_accuracy_along_the_wrong_axis_fails():
    failed("accuracy", make_accuracy(lambda y, t: np.mean(y.argmax(axis=0) == t)),
           "FAIL in class-index labels", "raised ValueError")
    flat = make_accuracy(lambda y, t: np.mean(y.argmax() == t))  # one index for the whole batch
    failed("accuracy", flat, "FAIL in class-index labels", "expected 0.5, got 0")


def test_accuracy_on_a_square_batch_catches_axis_0():
    """With as many samples as classes, axis 0 gives the right shape and a wrong number."""
    def axis0_when_square(y, t):
        axis = 0 if y.shape[0] == y.shape[1] else 1
        return np.mean(y.argmax(axis=axis) == t)
    failed("accuracy", make_accuracy(axis0_when_square), "random y of shape (6, 6)")


def test_accuracy_must_work_for_a_batch_of_one():
    def squeezes(y, t):
        t = np.squeeze(t)  # (1,) -> (): no longer looks like class indices
        if t.ndim != 1:
            t = t.argmax(axis=1)
        return np.mean(y.argmax(axis=1) == t)
    failed("accuracy", squeezes, "a batch of 1", "raised AxisError")


def test_accuracy_one_hot_labels_need_their_own_argmax():
    failed("accuracy", make_accuracy(lambda y, t: np.mean(y.argmax(axis=1) == t),
                                     one_hot=lambda t: t.argmax()),
           "FAIL in one-hot labels")


def test_accuracy_hints_come_after_failures():
    count = make_accuracy(lambda y, t: np.sum(y.argmax(axis=1) == t))
    first = check("accuracy", count).message
    assert "\nHint: " in first and "stronger" not in first
    assert "\nA stronger hint: " in check("accuracy", count).message


# ---------------------------------------------------------------------------- sgd_update

def sgd_right(params, grads, lr):
    for key in params:
        params[key] -= lr * grads[key]


def test_sgd_stub_is_not_attempted():
    def stub(params, grads, lr):
        raise NotImplementedError("your code here")
    res = check("sgd_update", stub)
    assert res.status == "not attempted" and "hint" not in res.message.lower()


def test_sgd_half_done_is_told_which_key_it_left():
    """One piece, so no 'partly done': a loop over the weights only names the first key left."""
    def weights_only(params, grads, lr):
        for key in params:
            if key.startswith("W"):
                params[key] -= lr * grads[key]
    failed("sgd_update", weights_only, "params['b1'] did not change: update every key")


@pytest.mark.parametrize("right", [
    sgd_right,
    lambda p, g, lr: [np.subtract(p[k], lr * g[k], out=p[k]) for k in p] and None,
    lambda p, g, lr: [p[k].__setitem__(..., p[k] - lr * g[k]) for k in p] and None,
], ids=["augmented", "out=", "slice assignment"])
def test_sgd_right_attempts_pass(right):
    assert check("sgd_update", right).passed


def test_sgd_rebinding_fails_and_says_the_network_never_learns():
    def rebinds(params, grads, lr):
        for key in params:
            params[key] = params[key] - lr * grads[key]
    res = failed("sgd_update", rebinds, "became new arrays", "The layers keep the old arrays",
                 "the network never learns")
    assert "params['W1']" in res.message


def test_sgd_the_books_four_keys_are_not_every_key():
    def four_keys(params, grads, lr):
        for key in ("W1", "b1", "W2", "b2"):
            params[key] -= lr * grads[key]
    failed("sgd_update", four_keys, "params['gamma'] did not change")


def test_sgd_wrong_sign_and_ignored_lr_fail():
    def ascends(params, grads, lr):
        for key in params:
            params[key] += lr * grads[key]
    failed("sgd_update", ascends, "moved up the gradient")

    def fixed_lr(params, grads, lr):
        for key in params:
            params[key] -= 0.1 * grads[key]
    failed("sgd_update", fixed_lr, "lr=0.037", "not by lr * grads")


def test_sgd_must_not_change_grads():
    def scales_grads(params, grads, lr):
        for key in params:
            grads[key] *= lr
            params[key] -= grads[key]
    failed("sgd_update", scales_grads, "grads['W1'] was changed by your code")


def test_sgd_returning_new_params_changes_nothing():
    def returns(params, grads, lr):
        return {key: params[key] - lr * grads[key] for key in params}
    failed("sgd_update", returns, "no array in params changed")


def test_sgd_keeps_float32():
    """In place keeps the dtype; this attempt is in place except for float32 arrays."""
    def widens_float32(params, grads, lr):
        for key in params:
            if params[key].dtype == np.float32:
                params[key] = params[key] - lr * grads[key]  # float32 - float64 -> float64
            else:
                params[key] -= lr * grads[key]
    failed("sgd_update", widens_float32, "float32 params and float64 grads",
           "is now float64, it was float32")


def test_sgd_a_crash_names_the_call():
    def crashes(params, grads, lr):
        for key in params:
            params[key] -= lr * grads[key.upper()]
    failed("sgd_update", crashes, "sgd_step(params, grads, lr=0.1)", "raised KeyError")


def test_sgd_hints_come_after_failures():
    def rebinds(params, grads, lr):
        for key in params:
            params[key] = params[key] - lr * grads[key]
    assert "\nHint: " in check("sgd_update", rebinds).message
    assert "\nA stronger hint: " in check("sgd_update", rebinds).message


# ----------------------------------------------------------------------- the predictions

def test_untrained_guess_four_outcomes():
    assert check("mnist_untrained_guess", {"loss": None, "accuracy": None}).status == "not attempted"
    half = check("mnist_untrained_guess", {"loss": 2.3, "accuracy": None})
    assert half.status == "partly done" and half.done == ("loss",)
    assert "accuracy is still None" in half.message
    failed("mnist_untrained_guess", {"loss": 0.1, "accuracy": 0.1}, "FAIL in loss",
           "expected about -log(1/10) = 2.3", "got 0.1")
    failed("mnist_untrained_guess", {"loss": 2.3, "accuracy": 0.9}, "FAIL in accuracy",
           "expected about 0.1", "got 0.9")
    assert check("mnist_untrained_guess", {"loss": np.log(10), "accuracy": 0.1}).passed
    assert check("mnist_untrained_guess", {"loss": 2.3, "accuracy": 0.135}).passed


def test_untrained_guess_says_what_is_malformed():
    failed("mnist_untrained_guess", {"loss": 2.3, "accuracy": 10}, "as a fraction", "would be 0.1")
    failed("mnist_untrained_guess", {"loss": -1, "accuracy": 0.1}, "never negative")
    failed("mnist_untrained_guess", {"loss": "2.3", "accuracy": 0.1}, "give a number, got str")
    failed("mnist_untrained_guess", (2.3, 0.1), "as a dict")
    failed("mnist_untrained_guess", {"los": 2.3, "accuracy": 0.1}, "no key 'loss'")


def test_untrained_guess_hints_come_after_failures():
    wrong = {"loss": 1.0, "accuracy": 0.1}
    first = check("mnist_untrained_guess", wrong).message
    assert "\nHint: " in first
    assert "\nA stronger hint: " in check("mnist_untrained_guess", wrong).message


def test_epoch_count_four_outcomes():
    assert check("mnist_epoch_count", {"iters_per_epoch": None, "lines": None}).status == "not attempted"
    half = check("mnist_epoch_count", {"iters_per_epoch": 600, "lines": None})
    assert half.status == "partly done" and "lines is still None" in half.message
    failed("mnist_epoch_count", {"iters_per_epoch": 100, "lines": 17}, "that is the batch size")
    failed("mnist_epoch_count", {"iters_per_epoch": 6000, "lines": 17}, "expected 600", "got 6000")
    failed("mnist_epoch_count", {"iters_per_epoch": 600, "lines": 16}, "expected 17, got 16",
           "once more after the last iteration")
    failed("mnist_epoch_count", {"iters_per_epoch": 600, "lines": 16.67}, "a whole number")
    assert check("mnist_epoch_count", {"iters_per_epoch": 600, "lines": 17}).passed
    assert check("mnist_epoch_count", {"iters_per_epoch": 600.0, "lines": np.int64(17)}).passed


def test_epoch_count_hints_come_after_failures():
    wrong = {"iters_per_epoch": 600, "lines": 16}
    assert "\nHint: " in check("mnist_epoch_count", wrong).message
    assert "\nA stronger hint: " in check("mnist_epoch_count", wrong).message


# ----------------------------------------------- the notebook's stubs and the answer key

def _cells():
    cells = json.loads(NOTEBOOK.read_text(encoding="utf-8"))["cells"]
    return {c["metadata"]["scratchnet"]["exercise"]: "".join(c["source"]) for c in cells
            if "exercise" in c.get("metadata", {}).get("scratchnet", {})}


def _run(source):
    namespace = {"np": np, "check": check}
    *body, last = source.rstrip().splitlines()
    exec("\n".join(body), namespace)
    return eval(last, namespace)


def test_the_notebooks_stubs_are_not_attempted_and_its_solutions_pass():
    cells = _cells()
    assert sorted(cells) == ["accuracy", "mnist_epoch_count", "mnist_untrained_guess", "sgd_update"]
    solutions = dict(re.findall(r"<!-- solution: (\w+) -->\s*```python\n(.*?)```",
                                SOLUTIONS.read_text(encoding="utf-8"), re.S))
    for name, source in cells.items():
        assert _run(source).status == "not attempted", name
        last = source.rstrip().splitlines()[-1]
        assert _run(solutions[name].rstrip() + "\n\n" + last).passed, name
