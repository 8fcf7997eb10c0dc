"""The checks of notebook 07: each exercise's outcomes (not attempted, partly done where the
exercise has parts, FAIL naming the symptom, PASS), one wrong attempt per stated constraint, and
hints only after a failure, those of the failing kind of mistake. The find-the-bug exercises are
also run from the notebook's own stub: with the `raise` line deleted, the classmate's bug must
FAIL with its symptom as a gradient check sees it (which gradient, its relative error, for which
input), its cause left to the stronger hint; fixed, PASS."""

import json
from pathlib import Path

import numpy as np
import pytest

from scratchnet import softmax
from scratchnet.language import set_language
from scratchnet.toolkit.exercises import check, forget_attempts, reveal

NOTEBOOK = Path(__file__).resolve().parent.parent / "notebooks" / "07_debugging_backprop.ipynb"
RAISE_LINE = '        raise NotImplementedError("find the bug, fix it, then delete this line")\n'


def stub_source(name: str) -> str:
    cells = json.loads(NOTEBOOK.read_text(encoding="utf-8"))["cells"]
    for cell in cells:
        meta = cell.get("metadata", {}).get("scratchnet", {})
        if meta.get("exercise") == name:
            return meta["stub"]
    raise AssertionError(f"no exercise cell {name} in {NOTEBOOK.name}")


def run_stub(name: str, edit=lambda s: s):
    """The notebook's stub, edited, run up to its check line; returns its namespace."""
    src = edit(stub_source(name))
    body = src.rstrip().rsplit("\n", 1)[0]  # without the final check(...) line
    namespace = {"np": np, "softmax": softmax}
    exec(body, namespace)
    return namespace


def assert_hints(name, wrong):
    """The first FAIL adds the first hint, the second the stronger one; returns both messages."""
    forget_attempts()
    first = check(name, wrong).message
    assert "\nHint: " in first and "stronger" not in first
    second = check(name, wrong).message
    assert "\nA stronger hint: " in second
    return first, second


@pytest.fixture(autouse=True)
def _fresh():
    forget_attempts()
    yield
    forget_attempts()
    set_language("en")


# ---------------------------------------------------------------- debug_stuck_digit


def test_stuck_digit_outcomes():
    res = check("debug_stuck_digit", {"digit": None})
    assert res.status == "not attempted" and "Replace each None" in res.message
    assert "hint" not in res.message.lower()
    assert check("debug_stuck_digit", None).status == "not attempted"
    wrong = check("debug_stuck_digit", {"digit": 7})
    assert wrong.status == "failed" and wrong.message.startswith("debug_stuck_digit: FAIL in digit.")
    assert "answers 7 for every image is right on the 1,028 test images" in wrong.message
    assert "test accuracy 10.28%, but the stuck network scored 11.35%" in wrong.message
    for right in ({"digit": 1}, {"digit": np.int64(1)}, {"digit": 1.0}):
        assert check("debug_stuck_digit", right).message == "debug_stuck_digit: PASS (digit checked)."
    bare = check("debug_stuck_digit", 1)  # the one checker's rule: the dict the cell gives
    assert bare.status == "failed" and "write a dict {'digit': ...}" in bare.message


@pytest.mark.parametrize("language", ["en", "ko"])
@pytest.mark.parametrize("digit", [0, 2, 3, 4, 5, 6, 7, 8, 9])
def test_stuck_digit_never_names_the_digit(digit, language):
    set_language(language)
    res = check("debug_stuck_digit", {"digit": digit})
    assert res.status == "failed"
    assert not any(f"{w} 1" in res.message for w in ("answers", "is", "digit")), res.message
    assert "1,135" not in res.message  # the test count of the right digit


@pytest.mark.parametrize("bad, says", [({"digit": "1"}, "without quotes ('1' is text)"),
                                       ({"digit": [1]}, "write one number"),
                                       ({"digit": True}, "truth value"),
                                       ({"digit": 1.5}, "one of the digits 0 to 9"),
                                       ({"digit": 10}, "one of the digits 0 to 9"),
                                       ({"digits": 1}, "no 'digit'")])
def test_stuck_digit_rejects_what_is_not_a_digit(bad, says):
    """Format slips: a plain message, no hint, no direction (1.5 is not 'too large')."""
    res = check("debug_stuck_digit", bad)
    assert res.status == "failed" and says in res.message
    assert "not in the form asked" in res.message and "Hint" not in res.message
    assert "too large" not in res.message and "too small" not in res.message
    assert "Hint: a network that gives" in check("debug_stuck_digit", {"digit": 0}).message


def test_stuck_digit_hints():
    first, second = assert_hints("debug_stuck_digit", {"digit": 0})
    assert "np.bincount of t_test" in second


def test_stuck_digit_reveal():
    assert "digit" in reveal("debug_stuck_digit") and ": 1" in reveal("debug_stuck_digit")


def test_stuck_digit_counts_are_mnists():
    from scratchnet.toolkit.exercises.debugging import MNIST_TEST_COUNTS
    from scratchnet import load_mnist
    (_, _), (_, t_test) = load_mnist()
    assert tuple(np.bincount(t_test, minlength=10)) == MNIST_TEST_COUNTS


# ---------------------------------------------------------------- fix_softmax_with_loss


def softmax_layer(one_hot_dx=None, index_dx=None, forward=None):
    """A learner's SoftmaxWithLoss; each branch of backward given as f(y, t, dout) -> dx."""
    def stub(self, y, t, dout):
        raise NotImplementedError("find the bug, fix it, then delete this line")

    def right_one_hot(self, y, t, dout):
        return (y - t) * dout / len(y)

    def default_forward(self, x, t):
        self.t = t
        self.y = softmax(x)
        labels = t.argmax(axis=1) if t.ndim == 2 else t
        self.loss = -np.mean(np.log(self.y[np.arange(len(x)), labels]))
        return self.loss

    def backward(self, dout=1):
        if self.t.ndim == 2:
            return self.one_hot_dx(self.y, self.t, dout)
        return self.index_dx(self.y, self.t, dout)

    return type("SoftmaxWithLoss", (), {
        "forward": forward or default_forward, "backward": backward,
        "one_hot_dx": one_hot_dx or stub, "index_dx": index_dx or stub})


def index_right(self, y, t, dout):
    dx = y.copy()
    dx[np.arange(len(dx)), t] -= 1
    return dx * dout / len(dx)


def one_hot_right(self, y, t, dout):
    return (y - t) * dout / len(y)


def test_softmax_stub_half_and_pass():
    res = check("fix_softmax_with_loss", softmax_layer())
    assert res.status == "not attempted" and "hint" not in res.message.lower()
    half = check("fix_softmax_with_loss", softmax_layer(one_hot_dx=one_hot_right))
    assert half.status == "partly done" and half.done == ("the one-hot branch",)
    assert ("the one-hot branch is right; the integer branch still raises NotImplementedError"
            in half.message)
    res = check("fix_softmax_with_loss", softmax_layer(one_hot_right, index_right))
    assert res.message == ("fix_softmax_with_loss: PASS (the one-hot branch and the integer "
                           "branch checked).")


def test_softmax_half_fix_names_the_branch_and_the_symptom():
    """The symptom as a gradient check sees it (dx, its relative error, the input); the cause,
    a factor N, only in the stronger hint."""
    def index_no_mean(self, y, t, dout):
        dx = y.copy()
        dx[np.arange(len(dx)), t] -= 1
        return dx * dout
    layer = softmax_layer(one_hot_right, index_no_mean)
    res = check("fix_softmax_with_loss", layer)
    assert res.status == "failed" and res.done == ("the one-hot branch",)
    assert res.message.startswith("fix_softmax_with_loss: FAIL in the integer branch. ")
    assert "with a batch of N = 4 samples, C = 3 classes, t as class indices: dx fails the " \
        "gradient check, relative error 6.0e-01 against the numerical gradient (~1e+00" \
        in res.message  # (N - 1) / (N + 1)
    assert "Yours: [[" in res.message and "numerical: [[" in res.message
    symptom = res.message.split("\nHint")[0]
    assert "times" not in symptom and "batch size" not in symptom and "4 times" not in res.message
    stronger = check("fix_softmax_with_loss", layer).message
    assert "A stronger hint: every entry of your dx is 4 times the numerical gradient" in stronger
    assert "divide by the batch size" in stronger


def test_softmax_divided_twice_is_named():
    def twice(self, y, t, dout):
        return (y - t) * dout / len(y) ** 2
    layer = softmax_layer(twice, index_right)
    res = check("fix_softmax_with_loss", layer)
    assert res.status == "failed" and "relative error 6.0e-01" in res.message
    assert "1/4" not in res.message
    assert "every entry of your dx is 1/4 of the numerical gradient" in \
        check("fix_softmax_with_loss", layer).message


def test_softmax_ignoring_dout_fails():
    def book(self, y, t, dout):  # the book's backward: (y - t) / batch_size, dout ignored
        return (y - t) / len(y)
    layer = softmax_layer(book, index_right)
    res = check("fix_softmax_with_loss", layer)
    assert res.status == "failed"
    assert "backward(0.5)" in res.message and "gives the same dx as backward()" in res.message
    assert "Hint: dout is the gradient that arrives from above" in res.message
    assert "A stronger hint: the chain rule multiplies by dout" in \
        check("fix_softmax_with_loss", layer).message


def test_softmax_a_stray_factor_is_not_taken_for_the_batch_size():
    """4 times too large at N = 4, but also at N = 6: a stray 4, not a missing /N. The stronger
    hint names a cause only when it explains every batch tried."""
    def stray(self, y, t, dout):
        return 4 * (y - t) * dout / len(y)
    layer = softmax_layer(stray, index_right)
    check("fix_softmax_with_loss", layer)
    stronger = check("fix_softmax_with_loss", layer).message
    assert "4 times the numerical gradient for this batch of 4: which factor" in stronger
    assert "divide by the batch size" not in stronger


def test_softmax_dividing_by_dout_is_not_taken_for_the_batch_size():
    """dx / dout at dout = 0.5 is 4 times half of dx, as large as the batch of 4: the check
    compares backward(0.5) with backward(), so the batch size is never blamed."""
    def divided(self, y, t, dout):
        return (y - t) / dout / len(y)
    layer = softmax_layer(divided, index_right)
    res = check("fix_softmax_with_loss", layer)
    assert "backward(0.5)" in res.message and "gives 2 times the dx of backward()" in res.message
    assert "batch size" not in check("fix_softmax_with_loss", layer).message


def test_softmax_writing_into_self_y_fails():
    def in_place(self, y, t, dout):
        dx = y  # no copy: changes self.y, so a second backward gives another answer
        dx[np.arange(len(dx)), t] -= 1
        dx *= dout / len(dx)
        return dx
    layer = softmax_layer(one_hot_right, in_place)
    res = check("fix_softmax_with_loss", layer)
    assert res.status == "failed" and "FAIL in the integer branch" in res.message
    assert "a second backward(), with no forward in between, gives a different dx" in res.message
    assert "Hint: what does backward read that forward stored?" in res.message
    stronger = check("fix_softmax_with_loss", layer).message
    assert "your backward writes into what forward stored" in stronger


def test_softmax_hint_follows_the_current_failure():
    """The review's case: the first FAIL is the missing /N; fixed, the layer writes into self.y.
    The stronger hint that follows is about self.y, never 'N times' again."""
    def no_mean(self, y, t, dout):
        dx = y.copy()
        dx[np.arange(len(dx)), t] -= 1
        return dx * dout

    def divided_in_place(self, y, t, dout):
        dx = y
        dx[np.arange(len(dx)), t] -= 1
        dx *= dout / len(dx)
        return dx
    first = check("fix_softmax_with_loss", softmax_layer(one_hot_right, no_mean)).message
    assert "Hint: put your dx beside the numerical gradient" in first
    second = check("fix_softmax_with_loss", softmax_layer(one_hot_right, divided_in_place)).message
    assert "A stronger hint: your backward writes into what forward stored" in second
    assert "times" not in second.split("hint:")[1]


def test_softmax_writing_into_x_fails():
    def forward(self, x, t):
        x -= x.max(axis=1, keepdims=True)  # shifts the caller's scores in place
        self.t, self.y = t, softmax(x)
        labels = t.argmax(axis=1) if t.ndim == 2 else t
        return -np.mean(np.log(self.y[np.arange(len(x)), labels]))
    res = check("fix_softmax_with_loss", softmax_layer(one_hot_right, index_right, forward))
    assert res.status == "failed" and "x was changed by your code" in res.message


def test_softmax_wrong_loss_fails():
    def summed(self, x, t):
        self.t, self.y = t, softmax(x)
        labels = t.argmax(axis=1) if t.ndim == 2 else t
        return -np.sum(np.log(self.y[np.arange(len(x)), labels]))  # the sum, not the mean
    res = check("fix_softmax_with_loss", softmax_layer(one_hot_right, index_right, summed))
    assert res.status == "failed" and "forward(x, t) with a batch of N = 4 samples" in res.message
    assert "the mean loss: expected" in res.message and "Hint: forward returns one number" \
        in res.message


def test_softmax_float64_result_from_float32_fails():
    def to64(self, y, t, dout):
        return (y - t).astype(np.float64) * dout / len(y)
    res = check("fix_softmax_with_loss", softmax_layer(to64, index_right))
    assert res.status == "failed" and "given float32 input, returned float64" in res.message
    assert "It matters in a network: notebook 06 trains in float32" in res.message


def test_softmax_eye_in_the_integer_branch_says_why_float32_matters():
    def eye(self, y, t, dout):  # np.eye is float64: right values, float64 dx for float32 scores
        return (y - np.eye(y.shape[1])[t]) * dout / len(y)
    res = check("fix_softmax_with_loss", softmax_layer(one_hot_right, eye))
    assert res.status == "failed" and res.done == ("the one-hot branch",)
    assert "returned float64" in res.message and "Hint: which array in your backward is float64?" \
        in res.message


def test_softmax_an_instance_for_the_class_is_a_format_slip():
    res = check("fix_softmax_with_loss", softmax_layer(one_hot_right, index_right)())
    assert res.status == "failed" and "pass the class, `SoftmaxWithLoss`, not `SoftmaxWithLoss()`" in res.message
    assert "Hint" not in res.message and "not callable" not in res.message


def test_softmax_wrong_shape_and_none_fail():
    def flat(self, y, t, dout):
        return ((y - t) * dout / len(y)).ravel()
    res = check("fix_softmax_with_loss", softmax_layer(flat, index_right))
    assert "dx has shape (12,), expected (4, 3)" in res.message

    def nothing(self, y, t, dout):
        return None
    res = check("fix_softmax_with_loss", softmax_layer(nothing, index_right))
    assert "returned None" in res.message


def test_softmax_books_delta_in_the_loss_passes():
    """A learner who computes the loss the book's way, with + 1e-7 in the log, still passes."""
    def book_forward(self, x, t):
        self.t, self.y = t, softmax(x)
        labels = t.argmax(axis=1) if t.ndim == 2 else t
        return -np.sum(np.log(self.y[np.arange(len(x)), labels] + 1e-7)) / len(x)
    assert check("fix_softmax_with_loss", softmax_layer(one_hot_right, index_right, book_forward)).passed


def test_softmax_hints():
    assert_hints("fix_softmax_with_loss", softmax_layer(lambda self, y, t, d: (y - t) * d, index_right))


@pytest.mark.parametrize("language", ["en", "ko"])
def test_softmax_first_fail_leaves_the_cause_to_the_learner(language):
    """The classmate's bug, first run, either language: the symptom, no factor, no batch size."""
    set_language(language)
    buggy = run_stub("fix_softmax_with_loss", lambda s: s.replace(RAISE_LINE, ""))["SoftmaxWithLoss"]
    first = check("fix_softmax_with_loss", buggy).message
    assert "6.0e-01" in first and "~1e+00" in first
    assert not any(w in first for w in ("4 times", "4배", "N배", "N times", "1/N"))


def test_softmax_notebook_stub():
    """The notebook's stub: untouched, not attempted; raise deleted, the classmate's bug FAILs
    with its symptom; fixed, PASS."""
    assert RAISE_LINE in stub_source("fix_softmax_with_loss")
    untouched = run_stub("fix_softmax_with_loss")["SoftmaxWithLoss"]
    assert check("fix_softmax_with_loss", untouched).status == "not attempted"
    buggy = run_stub("fix_softmax_with_loss", lambda s: s.replace(RAISE_LINE, ""))["SoftmaxWithLoss"]
    res = check("fix_softmax_with_loss", buggy)
    assert res.status == "failed" and "FAIL in the one-hot branch" in res.message
    assert "one-hot t: dx fails the gradient check, relative error 6.0e-01" in res.message
    assert "every entry of your dx is 4 times" in check("fix_softmax_with_loss", buggy).message

    def fix(s):
        s = s.replace(RAISE_LINE, "")
        assert "        return dx * dout\n" in s
        return s.replace("        return dx * dout\n", "        return dx * dout / len(dx)\n")
    fixed = run_stub("fix_softmax_with_loss", fix)["SoftmaxWithLoss"]
    assert check("fix_softmax_with_loss", fixed).passed


# ---------------------------------------------------------------- fix_affine


def affine_layer(db=lambda dout: dout.sum(axis=0), dx=lambda dout, W: dout @ W.T,
                 dW=lambda x, dout: x.T @ dout, copy=False, stub=False, cast=None, in_place=False):
    """A learner's Affine with the given pieces (the right ones by default)."""
    class Affine:
        def __init__(self, W, b):
            self.W, self.b = (W.copy(), b.copy()) if copy else (W, b)
            self.x = None
            self.dW = self.db = None

        def forward(self, x):
            self.x = x
            return x @ self.W + self.b

        def backward(self, dout):
            if stub:
                raise NotImplementedError("find the bug, fix it, then delete this line")
            self.dW = dW(self.x, dout)
            self.db = db(dout)
            out = dx(dout, self.W)
            if in_place:
                dout *= 2
            return out if cast is None else out.astype(cast)
    return Affine


def test_affine_stub_and_pass():
    res = check("fix_affine", affine_layer(stub=True))
    assert res.status == "not attempted" and "hint" not in res.message.lower()
    assert check("fix_affine", affine_layer()).message == "fix_affine: PASS."


def test_affine_wrong_axis_reports_the_symptom():
    """db, as a shape print and a gradient check see it at both shapes tried; the axis only in
    the stronger hint."""
    layer = affine_layer(db=lambda dout: dout.sum(axis=1))
    res = check("fix_affine", layer)
    assert res.status == "failed"
    assert "db, the gradient of b, is wrong: with x (5, 4), W (4, 3), b (3,) it has shape (5,), " \
        "but b has shape (3,); with x (3, 3), W (3, 3), b (3,) the shapes agree, but its " \
        "relative error against the numerical gradient is 1.0e+00 (~1e+00" in res.message
    assert "dx and dW pass the gradient check" in res.message and "b2 fail" in res.message
    assert "axis" not in res.message and "(N,)" not in res.message
    assert "down the batch axis 0" in check("fix_affine", layer).message


def test_affine_half_fix_with_keepdims_names_the_shape():
    res = check("fix_affine", affine_layer(db=lambda dout: dout.sum(axis=0, keepdims=True)))
    assert res.status == "failed" and "it has shape (1, 3), but b has shape (3,)" in res.message


def test_affine_wrong_axis_when_batch_equals_output_fails_on_values():
    """A db right in shape only where N == M: caught by the numerical gradient."""
    def db(dout):
        return dout.sum(axis=0) if dout.shape[0] != dout.shape[1] else dout.sum(axis=1)
    res = check("fix_affine", affine_layer(db=db))
    assert res.status == "failed"
    assert "with x (3, 3), W (3, 3), b (3,) its relative error against the numerical gradient " \
        "is 1.0e+00" in res.message
    assert "with x (5, 4)" not in res.message  # right there


def test_affine_mean_instead_of_sum_fails():
    layer = affine_layer(db=lambda dout: dout.mean(axis=0))
    res = check("fix_affine", layer)
    assert res.status == "failed" and "db, the gradient of b, is wrong" in res.message
    assert "relative error against the numerical gradient is 6.7e-01" in res.message
    assert "your db is 1/N of the numerical gradient" in check("fix_affine", layer).message


def test_affine_missing_transpose_on_a_square_W_fails():
    def dx(dout, W):  # shape-correct only for a square W
        return dout @ (W if W.shape[0] == W.shape[1] else W.T)
    res = check("fix_affine", affine_layer(dx=dx))
    assert res.status == "failed" and "W (3, 3)" in res.message
    assert "dx, the gradient of x, is wrong: with x (3, 3)" in res.message
    assert "W1 and b1 fail your gradient check" in res.message


def test_affine_copies_of_W_and_b_fail():
    res = check("fix_affine", affine_layer(copy=True))
    assert res.status == "failed" and "other arrays than the W and b it was given" in res.message


def test_affine_writing_into_dout_fails():
    res = check("fix_affine", affine_layer(in_place=True))
    assert res.status == "failed" and "dout was changed by your code" in res.message


def test_affine_float32_kept():
    res = check("fix_affine", affine_layer(cast=np.float64))
    assert res.status == "failed" and "given float32 input, returned float64" in res.message
    assert "It matters in a network" in res.message


def test_affine_an_instance_for_the_class_is_a_format_slip():
    res = check("fix_affine", affine_layer()(np.ones((2, 3)), np.ones(3)))
    assert res.status == "failed" and "pass the class, `Affine`, not `Affine()`" in res.message
    assert "Hint" not in res.message


def test_affine_hints():
    assert_hints("fix_affine", affine_layer(db=lambda dout: dout.sum(axis=1)))


def test_affine_hint_follows_the_current_failure():
    """db fixed, dx broken next: the stronger hint is dx's, not db's."""
    check("fix_affine", affine_layer(db=lambda dout: dout.sum(axis=1)))

    def dx(dout, W):
        return dout @ (W if W.shape[0] == W.shape[1] else W.T)
    second = check("fix_affine", affine_layer(dx=dx)).message
    assert "A stronger hint: dx = dout @ W.T" in second and "axis" not in second


def test_affine_notebook_stub():
    assert RAISE_LINE in stub_source("fix_affine")
    untouched = run_stub("fix_affine")["Affine"]
    assert check("fix_affine", untouched).status == "not attempted"
    buggy = run_stub("fix_affine", lambda s: s.replace(RAISE_LINE, ""))["Affine"]
    res = check("fix_affine", buggy)
    assert res.status == "failed" and "it has shape (5,), but b has shape (3,)" in res.message
    assert "relative error against the numerical gradient is 1.0e+00" in res.message

    def fix(s):
        s = s.replace(RAISE_LINE, "")
        assert "dout.sum(axis=1)" in s
        return s.replace("dout.sum(axis=1)", "dout.sum(axis=0)")
    assert check("fix_affine", run_stub("fix_affine", fix)["Affine"]).passed


# ---------------------------------------------------------------- debug_print_lines


def test_print_lines_outcomes():
    res = check("debug_print_lines", (None, None))
    assert res.status == "not attempted" and "hint" not in res.message.lower()
    half = check("debug_print_lines", (70, None))
    assert half.status == "partly done" and half.done == ("per_evaluation",)
    assert "total is still None" in half.message
    other_half = check("debug_print_lines", (None, 21_190))
    assert other_half.status == "partly done" and "per_evaluation is still None" in other_half.message
    assert check("debug_print_lines", (70, 21_190)).message == \
        "debug_print_lines: PASS (per_evaluation and total checked)."
    assert check("debug_print_lines", [70.0, 21190.0]).passed  # any sequence, any number type


@pytest.mark.parametrize("attempt, says", [
    ((35, None), "That counts forward passes. How many lines does one forward pass print"),
    ((10, 21_190), "on the training set AND on the test set"),
    ((70, 21_120), "That counts 16 evaluations"),
    ((70, 20_000), "The evaluations print too"),
    ((70, 41_190), "That counts two forward passes per iteration"),
    ((70, 12_345), "too small. How many lines does one iteration print"),
    ((70, "21190"), "without quotes"),
    (70, "write the 2 values (per_evaluation and total) as a tuple"),
])
def test_print_lines_wrong_predictions_say_why(attempt, says):
    res = check("debug_print_lines", attempt)
    assert res.status == "failed" and says in res.message
    if "not in the form asked" not in res.message:  # a slip may quote the learner's own text
        wrong_part = "per_evaluation" if attempt[0] != 70 else "total"
        truth = {"per_evaluation": ["70"], "total": ["21190", "21,190"]}[wrong_part]
        assert not any(t in res.message for t in truth), res.message


def test_print_lines_hints():
    first, second = assert_hints("debug_print_lines", (35, None))
    assert "Hint: count forward passes" in first and "30 + 5 forward passes" in second
    # the other part's hints start from the first
    assert "Hint: count the iterations' lines" in check("debug_print_lines", (70, 21_120)).message


def test_print_lines_reveal():
    shown = reveal("debug_print_lines")
    assert "per_evaluation" in shown and "70" in shown and "21190" in shown


def test_print_lines_truth_matches_the_notebook_count():
    """The numbers the check wants are the ones the notebook's reveal cell prints."""
    cells = json.loads(NOTEBOOK.read_text(encoding="utf-8"))["cells"]
    shown = [("".join(o.get("text", ""))) for c in cells if c["cell_type"] == "code"
             for o in c.get("outputs", [])]
    assert any("70 per evaluation, 17 evaluations" in s and "21,190 lines" in s for s in shown)
