"""The exercises of notebook 04: each check's four outcomes, its hints, and every stated constraint."""

import re
from pathlib import Path

import numpy as np

from scratchnet import cross_entropy_error, softmax
from scratchnet.toolkit.exercises import check

ROOT = Path(__file__).resolve().parent.parent


def stub(self, *args, **kwargs):
    raise NotImplementedError("your code here")


# ---------------------------------------------------------------- affine_layer

class Affine:
    """A right answer, the book's layer for a batch."""

    def __init__(self, W, b):
        self.W, self.b = W, b
        self.x = self.dW = self.db = None

    def forward(self, x):
        self.x = x
        return x @ self.W + self.b

    def backward(self, dout):
        self.dW = self.x.T @ dout
        self.db = dout.sum(axis=0)
        return dout @ self.W.T


def affine_with(**methods):
    return type("Attempt", (Affine,), methods)


def test_affine_stub_is_not_attempted_and_gives_no_hint():
    res = check("affine_layer", affine_with(forward=stub, backward=stub))
    assert res.status == "not attempted"
    assert res.message.startswith("affine_layer: not attempted yet.")
    assert "hint" not in res.message.lower()


def test_affine_forward_alone_is_partly_done():
    res = check("affine_layer", affine_with(backward=stub))
    assert res.status == "partly done" and res.done == ("forward",)
    assert "forward is right; backward still raises NotImplementedError" in res.message


def test_affine_right_answer_passes():
    res = check("affine_layer", Affine)
    assert res.passed, res.message
    assert res.message == "affine_layer: PASS (forward and backward checked)."


def test_affine_missing_transpose_is_caught_on_the_square_W():
    def backward(self, dout):  # right wherever the shapes force the transpose
        self.dW, self.db = self.x.T @ dout, dout.sum(axis=0)
        W = self.W if self.W.shape[0] == self.W.shape[1] else self.W.T
        return dout @ W
    res = check("affine_layer", affine_with(backward=backward))
    assert res.status == "failed" and res.done == ("forward",)
    assert "FAIL in backward" in res.message and "a square W" in res.message
    assert "without the transpose" in res.message


def test_affine_transposed_dW_is_caught():
    def backward(self, dout):
        self.dW = dout.T @ self.x if self.W.shape[0] == self.W.shape[1] else self.x.T @ dout
        self.db = dout.sum(axis=0)
        return dout @ self.W.T
    res = check("affine_layer", affine_with(backward=backward))
    assert res.status == "failed" and "self.dW" in res.message and "transpose" in res.message


def test_affine_db_with_the_wrong_shape_fails():
    def keepdims(self, dout):
        self.dW, self.db = self.x.T @ dout, dout.sum(axis=0, keepdims=True)
        return dout @ self.W.T
    res = check("affine_layer", affine_with(backward=keepdims))
    assert res.status == "failed"
    assert "self.db for N=2, D=4, M=3: expected shape (3,), the shape of b, got shape (1, 3)" in res.message

    def over_outputs(self, dout):
        self.dW, self.db = self.x.T @ dout, dout.sum(axis=1)
        return dout @ self.W.T
    res = check("affine_layer", affine_with(backward=over_outputs))
    assert res.status == "failed" and "expected shape (3,), the shape of b, got shape (2,)" in res.message


def test_affine_db_must_sum_not_average():
    def mean(self, dout):
        self.dW, self.db = self.x.T @ dout, dout.mean(axis=0)
        return dout @ self.W.T
    res = check("affine_layer", affine_with(backward=mean))
    assert res.status == "failed" and "self.db for N=2" in res.message
    assert "numerical gradient" in res.message


def test_affine_writing_into_dout_fails():
    def in_place(self, dout):
        self.dW, self.db = self.x.T @ dout, dout.sum(axis=0)
        dx = dout @ self.W.T
        dout *= 0  # "free" the caller's array
        return dx
    res = check("affine_layer", affine_with(backward=in_place))
    assert res.status == "failed" and "dout (in backward for N=2, D=4, M=3) was changed" in res.message


def test_affine_writing_into_x_fails():
    def forward(self, x):
        self.x = x
        out = x @ self.W + self.b
        x -= x.mean()  # "centre" the caller's input
        return out
    res = check("affine_layer", affine_with(forward=forward))
    assert res.status == "failed" and "FAIL in forward" in res.message
    assert "x (in forward(x) for N=2, D=4, M=3) was changed" in res.message


def test_affine_float32_must_stay_float32():
    def forward(self, x):
        self.x = x.astype(np.float64)
        return self.x @ self.W + self.b
    res = check("affine_layer", affine_with(forward=forward))
    assert res.status == "failed"
    assert "forward(x) on float32 x, W and b: given float32 input, returned float64" in res.message

    def backward(self, dout):
        dout = np.asarray(dout, dtype=np.float64)
        self.dW, self.db = self.x.T @ dout, dout.sum(axis=0)
        return dout @ self.W.T
    res = check("affine_layer", affine_with(backward=backward))
    assert res.status == "failed" and "float32" in res.message and "FAIL in backward" in res.message


def test_affine_backward_must_return_dx_alone():
    def as_tuple(self, dout):
        self.dW, self.db = self.x.T @ dout, dout.sum(axis=0)
        return dout @ self.W.T, self.dW, self.db
    res = check("affine_layer", affine_with(backward=as_tuple))
    assert res.status == "failed" and "return dx alone" in res.message


def test_affine_backward_must_use_the_latest_x():
    def forward(self, x):
        if self.x is None:  # keeps only the first batch it saw
            self.x = x
        return x @ self.W + self.b
    res = check("affine_layer", affine_with(forward=forward))
    assert res.status == "failed" and "FAIL in backward" in res.message


def test_affine_crash_names_the_input():
    def backward(self, dout):
        self.dW, self.db = dout @ self.x.T, dout.sum(axis=0)  # the wrong order: no such product
        return dout @ self.W.T
    res = check("affine_layer", affine_with(backward=backward))
    assert res.status == "failed"
    assert "backward(dout) for N=2, D=4, M=3 raised ValueError" in res.message


def test_affine_hints_come_after_failures():
    wrong = affine_with(forward=lambda self, x: x @ self.W)  # no bias
    first = check("affine_layer", wrong).message
    assert "FAIL in forward" in first and "expected [[ 1.,  2.,  3.]" in first
    assert "\nHint: forward computes Y = XW + b" in first
    second = check("affine_layer", wrong).message
    assert "\nA stronger hint: forward keeps x on self" in second


# ---------------------------------------------------------------- affine_image_shapes

RIGHT_SHAPES = {"out": (5, 10), "dx": (5, 1, 28, 28), "dW": (784, 10), "db": (10,)}


def test_image_shapes_four_outcomes():
    empty = check("affine_image_shapes", dict.fromkeys(RIGHT_SHAPES))
    assert empty.status == "not attempted" and "hint" not in empty.message.lower()

    half = check("affine_image_shapes", {**dict.fromkeys(RIGHT_SHAPES), "out": (5, 10), "db": (10,)})
    assert half.status == "partly done" and set(half.done) == {"out", "db"}
    assert "dx is still None" in half.message

    wrong = check("affine_image_shapes", {**RIGHT_SHAPES, "dx": (5, 784)})
    assert wrong.status == "failed" and "FAIL in dx" in wrong.message
    assert "you predicted (5, 784), which is not it" in wrong.message and "\nHint: " in wrong.message
    assert "28, 28)" not in wrong.message

    right = check("affine_image_shapes", {"out": [5, 10], "dx": np.array([5, 1, 28, 28]),
                                          "dW": (784, 10), "db": [10]})  # lists and arrays are fine
    assert right.passed and right.message == "affine_image_shapes: PASS (out, dx, dW and db checked)."


def test_image_shapes_a_number_is_not_a_shape():
    res = check("affine_image_shapes", {**RIGHT_SHAPES, "db": 10})
    assert res.status == "failed" and "(10,)" in res.message and "just the number 10" in res.message


def test_image_shapes_wrong_container():
    res = check("affine_image_shapes", [(5, 10), (5, 1, 28, 28), (784, 10), (10,)])
    assert res.status == "failed" and "write a dict" in res.message
    res = check("affine_image_shapes", {"out": (5, 10)})
    assert res.status == "failed" and "has no 'dx', 'dW' and 'db'" in res.message


def test_image_shapes_hints():
    wrong = {**RIGHT_SHAPES, "dW": (10, 784)}
    assert "\nHint: a gradient has the shape of its variable" in check("affine_image_shapes", wrong).message
    assert "\nA stronger hint: dW = X.T @ dout" in check("affine_image_shapes", wrong).message


# ---------------------------------------------------------------- softmax_gradient_prediction

def test_gradient_prediction_four_outcomes():
    assert check("softmax_gradient_prediction", (None, None)).status == "not attempted"
    assert "hint" not in check("softmax_gradient_prediction", (None, None)).message.lower()

    half = check("softmax_gradient_prediction", (None, [0.15, -0.4, 0.25]))
    assert half.status == "partly done" and half.done == ("dx_in_pair",)
    assert "dx_alone is still None" in half.message

    wrong = check("softmax_gradient_prediction", ((0.3, 0.2, 0.5), None))
    assert wrong.status == "failed" and "FAIL in dx_alone" in wrong.message
    assert "you predicted [0.3, 0.2, 0.5], which is not it" in wrong.message
    assert "-0.8" not in wrong.message

    right = check("softmax_gradient_prediction", [np.array([0.3, -0.8, 0.5]), (0.15, -0.4, 0.25)])
    assert right.passed  # a list of an array and a tuple is fine


def test_gradient_prediction_explains_likely_mistakes():
    res = check("softmax_gradient_prediction", ((-0.3, 0.8, -0.5), None))
    assert res.status == "failed" and "is that t - y?" in res.message
    res = check("softmax_gradient_prediction", ((0.3, -0.8, 0.5), (0.3, -0.8, 0.5)))
    assert res.status == "failed" and "FAIL in dx_in_pair" in res.message and "mean" in res.message
    res = check("softmax_gradient_prediction", ((0.3, -0.8), None))
    assert res.status == "failed" and "write 3 numbers, got 2" in res.message


def test_gradient_prediction_hints():
    wrong = ((0.3, 0.2, 0.5), None)
    assert "\nHint: dL/dx = dout · (y - t) / N" in check("softmax_gradient_prediction", wrong).message
    assert "\nA stronger hint: subtract" in check("softmax_gradient_prediction", wrong).message


# ---------------------------------------------------------------- softmax_with_loss

class SoftmaxWithLoss:
    """A right answer: the book's layer, with dout honoured and both kinds of label."""

    def __init__(self):
        self.loss = self.y = self.t = None

    def forward(self, x, t):
        self.t = t
        self.y = softmax(x)
        self.loss = cross_entropy_error(self.y, t)
        return self.loss

    def backward(self, dout=1):
        n = self.y.shape[0]
        if self.t.ndim == 1:
            dx = self.y.copy()
            dx[np.arange(n), self.t] -= 1
        else:
            dx = self.y - self.t
        return dout * dx / n


def swl_with(**methods):
    return type("Attempt", (SoftmaxWithLoss,), methods)


def test_swl_stub_is_not_attempted():
    res = check("softmax_with_loss", swl_with(forward=stub, backward=stub))
    assert res.status == "not attempted" and "hint" not in res.message.lower()


def test_swl_forward_alone_is_partly_done():
    res = check("softmax_with_loss", swl_with(backward=stub))
    assert res.status == "partly done" and res.done == ("forward",)


def test_swl_right_answer_passes():
    res = check("softmax_with_loss", SoftmaxWithLoss)
    assert res.passed and res.message == "softmax_with_loss: PASS (forward and backward checked)."


def test_swl_exact_log_sum_exp_loss_passes_too():
    def forward(self, x, t):  # no 1e-7 inside the log: the loss differs from the book's by ~1e-7
        self.t, self.y = t, softmax(x)
        idx = t.argmax(axis=1) if t.ndim == 2 else t
        shifted = x - x.max(axis=1, keepdims=True)
        return float(np.mean(np.log(np.exp(shifted).sum(axis=1)) - shifted[np.arange(len(x)), idx]))
    assert check("softmax_with_loss", swl_with(forward=forward)).passed


def test_swl_overflow_fails():
    def forward(self, x, t):
        self.t = t
        e = np.exp(x)
        self.y = e / e.sum(axis=1, keepdims=True)
        return cross_entropy_error(self.y, t)
    res = check("softmax_with_loss", swl_with(forward=forward))
    assert res.status == "failed" and "forward(x + 1000, t)" in res.message and "nan" in res.message


def test_swl_loss_must_be_one_number_the_mean():
    def per_sample(self, x, t):
        self.t, self.y = t, softmax(x)
        idx = t.argmax(axis=1) if t.ndim == 2 else t
        return -np.log(self.y[np.arange(len(x)), idx])
    res = check("softmax_with_loss", swl_with(forward=per_sample))
    assert res.status == "failed" and "one number, the mean loss" in res.message

    def summed(self, x, t):
        self.t, self.y = t, softmax(x)
        return cross_entropy_error(self.y, t) * len(x)
    res = check("softmax_with_loss", swl_with(forward=summed))
    assert res.status == "failed" and "2 times too large" in res.message

    res = check("softmax_with_loss", swl_with(forward=lambda self, x, t: None))
    assert res.status == "failed" and "returned None" in res.message


def test_swl_writing_into_x_fails():
    def forward(self, x, t):
        x -= x.max(axis=1, keepdims=True)  # the overflow guard, in the caller's array
        self.t = t
        self.y = np.exp(x) / np.exp(x).sum(axis=1, keepdims=True)
        return cross_entropy_error(self.y, t)
    res = check("softmax_with_loss", swl_with(forward=forward))
    assert res.status == "failed" and "x (in forward(x, t) on the notebook's example" in res.message
    assert "was changed by your code" in res.message


def test_swl_must_keep_y():
    def forward(self, x, t):
        self.t = t
        return cross_entropy_error(softmax(x), t)
    res = check("softmax_with_loss", swl_with(forward=forward))
    assert res.status == "failed" and "self.y is None after forward" in res.message


def test_swl_must_divide_by_the_batch_size():
    def backward(self, dout=1):
        t = self.t if self.t.ndim == 2 else np.eye(self.y.shape[1])[self.t]
        return dout * (self.y - t)
    res = check("softmax_with_loss", swl_with(backward=backward))
    assert res.status == "failed" and "FAIL in backward" in res.message
    assert "2 times as much (and 7 times, for a batch of 7)" in res.message  # the example's N
    assert "without the division by the batch size N" in res.message


def test_swl_missing_division_by_7_is_named():
    def backward(self, dout=1):  # divides by 2 always: right on the example, wrong for 1 and 7
        t = self.t if self.t.ndim == 2 else np.eye(self.y.shape[1])[self.t]
        return dout * (self.y - t) / 2
    res = check("softmax_with_loss", swl_with(backward=backward))
    assert res.status == "failed" and "a batch of 1" in res.message


def test_swl_must_honour_dout():
    def backward(self, dout=1):  # the book's: dout ignored
        t = self.t if self.t.ndim == 2 else np.eye(self.y.shape[1])[self.t]
        return (self.y - t) / self.y.shape[0]
    res = check("softmax_with_loss", swl_with(backward=backward))
    assert res.status == "failed" and "the dout passed in changes nothing" in res.message


def test_swl_one_hot_only_fails_on_class_indices():
    def backward(self, dout=1):
        return dout * (self.y - self.t) / self.y.shape[0]
    res = check("softmax_with_loss", swl_with(backward=backward))
    assert res.status == "failed" and "FAIL in backward" in res.message
    assert "class indices" in res.message


def test_swl_writing_into_self_y_fails():
    def backward(self, dout=1):
        n = self.y.shape[0]
        if self.t.ndim == 1:
            dx = self.y  # no copy: the next call subtracts again
            dx[np.arange(n), self.t] -= 1
        else:
            dx = self.y - self.t
        return dout * dx / n
    res = check("softmax_with_loss", swl_with(backward=backward))
    assert res.status == "failed" and "called a second time" in res.message


def test_swl_hints():
    wrong = swl_with(backward=lambda self, dout=1: self.y)
    assert "\nHint: backward: dout times (y - t) / N" in check("softmax_with_loss", wrong).message
    assert "\nA stronger hint: compute y - t as a new array" in check("softmax_with_loss", wrong).message
    wrong = swl_with(forward=lambda self, x, t: 0.5)
    assert "\nHint: forward: y = softmax(x)" in check("softmax_with_loss", wrong).message
    assert "\nA stronger hint: softmax and cross_entropy_error" in check("softmax_with_loss", wrong).message


# ---------------------------------------------------------------- softmax_uniform_loss

def test_uniform_loss_four_outcomes():
    assert check("softmax_uniform_loss", (None, None)).status == "not attempted"
    half = check("softmax_uniform_loss", (1.0986, None))
    assert half.status == "partly done" and "loss_10_classes is still None" in half.message
    wrong = check("softmax_uniform_loss", (1.0986, 1.0))
    assert wrong.status == "failed" and "FAIL in loss_10_classes" in wrong.message
    assert check("softmax_uniform_loss", [1.1, 2.30]).passed  # two decimals are enough
    assert check("softmax_uniform_loss", (np.log(3), np.log(10))).passed


def test_uniform_loss_explains_likely_mistakes():
    res = check("softmax_uniform_loss", (1 / 3, None))
    assert res.status == "failed" and "each class's probability" in res.message
    res = check("softmax_uniform_loss", (np.log10(3), None))
    assert res.status == "failed" and "base 10" in res.message
    res = check("softmax_uniform_loss", ("log 3", None))
    assert res.status == "failed" and "without quotes" in res.message and "Hint" not in res.message


def test_uniform_loss_hints():
    assert "\nHint: equal scores" in check("softmax_uniform_loss", (2.0, None)).message
    assert "\nA stronger hint: each class gets 1/C" in check("softmax_uniform_loss", (2.0, None)).message


# ---------------------------------------------------------------- the answer key

def test_the_solutions_pass_their_checks():
    text = (ROOT / "solutions" / "04_affine_softmax.md").read_text(encoding="utf-8")
    blocks = dict(re.findall(r"<!-- solution: (\w+) -->\s*```python\n(.*?)```", text, re.S))
    lines = {"affine_layer": 'check("affine_layer", Affine)',
             "affine_image_shapes": 'check("affine_image_shapes", shapes)',
             "softmax_gradient_prediction": 'check("softmax_gradient_prediction", (dx_alone, dx_in_pair))',
             "softmax_with_loss": 'check("softmax_with_loss", SoftmaxWithLoss)',
             "softmax_uniform_loss": 'check("softmax_uniform_loss", (loss_3_classes, loss_10_classes))'}
    assert sorted(blocks) == sorted(lines)
    for name, block in blocks.items():
        scope = {"np": np, "softmax": softmax, "cross_entropy_error": cross_entropy_error,
                 "check": check}
        exec(block, scope)
        res = eval(lines[name], scope)
        assert res.passed, res.message


# ---------------------------------------------------------------- feedback (issue 18)

import pytest  # noqa: E402

from scratchnet import set_language  # noqa: E402
from scratchnet.toolkit.exercises import forget_attempts  # noqa: E402


@pytest.fixture(autouse=True)
def _fresh_hints():
    forget_attempts()
    yield
    forget_attempts()
    set_language("en")


def test_an_instance_for_the_class_gets_a_plain_message():
    for name, built, words in (("affine_layer", Affine(np.ones((2, 3)), np.ones(3)),
                                "pass the class, `Affine`, not `Affine()`"),
                               ("softmax_with_loss", SoftmaxWithLoss(),
                                "pass the class, `SoftmaxWithLoss`, not `SoftmaxWithLoss()`")):
        res = check(name, built)
        assert res.status == "failed" and "not in the form asked" in res.message
        assert words in res.message and "Hint" not in res.message
        assert "not callable" not in res.message
    set_language("ko")
    assert "클래스 `Affine` 자체를 넘기세요" in check("affine_layer", Affine(np.ones((2, 3)), np.ones(3))).message


def test_affine_float64_fail_says_why_dtype_matters():
    def forward(self, x):  # right, but float64 out
        self.x = np.asarray(x, dtype=float)
        return self.x @ self.W + self.b
    first = check("affine_layer", affine_with(forward=forward)).message
    assert "given float32 input, returned float64" in first
    assert "\nHint: why dtype matters here: notebooks 06 and 07 train networks in float32" in first
    second = check("affine_layer", affine_with(forward=forward)).message
    assert "\nA stronger hint: build each result from x, W, b and dout alone" in second

    def backward(self, dout):
        dout = dout.astype(np.float64)
        self.dW, self.db = self.x.T @ dout, dout.sum(axis=0)
        return dout @ self.W.T
    res = check("affine_layer", affine_with(backward=backward)).message
    assert "FAIL in backward" in res and "why dtype matters here" in res


def test_affine_hints_belong_to_the_part_that_failed():
    no_bias = affine_with(forward=lambda self, x: x @ self.W)
    assert "\nHint: forward computes Y = XW + b" in check("affine_layer", no_bias).message

    def swapped(self, dout):  # a crash: the product in the wrong order
        self.dW, self.db = dout @ self.x.T, dout.sum(axis=0)
        return dout @ self.W.T
    res = check("affine_layer", affine_with(backward=swapped)).message
    assert "FAIL in backward" in res and "\nHint: each gradient has the shape of its variable" in res
    res = check("affine_layer", affine_with(backward=swapped)).message
    assert "\nA stronger hint: dx is dout times the transpose of W" in res


def test_affine_mistakes_bring_their_own_hints():
    def square_dx(self, dout):
        self.dW, self.db = self.x.T @ dout, dout.sum(axis=0)
        return dout @ (self.W if self.W.shape[0] == self.W.shape[1] else self.W.T)
    res = check("affine_layer", affine_with(backward=square_dx)).message
    assert "your dx equals dout @ W, without the transpose" in res and "an array of shape" not in res
    assert "\nHint: with a square W, dout @ W and dout @ W.T have the same shape" in res
    assert "\nA stronger hint: the sum over m" in check("affine_layer", affine_with(backward=square_dx)).message

    def square_dW(self, dout):
        self.dW = dout.T @ self.x if self.W.shape[0] == self.W.shape[1] else self.x.T @ dout
        self.db = dout.sum(axis=0)
        return dout @ self.W.T
    forget_attempts()  # hints count the part's failures: a first failure of backward again
    assert "\nHint: with a square W, a dW and its transpose" in check(
        "affine_layer", affine_with(backward=square_dW)).message

    for db in (lambda dout: dout.sum(axis=1), lambda dout: dout.sum(axis=0, keepdims=True)):
        def axis(self, dout, db=db):
            self.dW, self.db = self.x.T @ dout, db(dout)
            return dout @ self.W.T
        forget_attempts()
        res = check("affine_layer", affine_with(backward=axis)).message
        assert "\nHint: b was added to every row of x @ W" in res, res

    def mean(self, dout):
        self.dW, self.db = self.x.T @ dout, dout.mean(axis=0)
        return dout @ self.W.T
    forget_attempts()
    assert "is your db a sum or an average?" in check("affine_layer", affine_with(backward=mean)).message

    def dW_over_N(self, dout):  # wrong, but not the mean of db: the part's own hint
        self.dW, self.db = self.x.T @ dout / len(dout), dout.sum(axis=0)
        return dout @ self.W.T
    forget_attempts()
    res = check("affine_layer", affine_with(backward=dW_over_N)).message
    assert "self.dW for N=2" in res and "\nHint: each gradient has the shape of its variable" in res


def test_affine_x_not_kept_is_named():
    res = check("affine_layer", affine_with(forward=lambda self, x: x @ self.W + self.b)).message
    assert "self.x is None after forward(x)" in res
    assert "\nHint: backward needs the x of the forward call just before it" in res

    def first_only(self, x):
        if self.x is None:
            self.x = x
        return x @ self.W + self.b
    res = check("affine_layer", affine_with(forward=first_only)).message
    assert "self.x still holds the batch of an earlier forward call (shape (3, 4))" in res
    assert "\nA stronger hint: write self.x = x in forward, unconditionally" in res


def test_affine_writing_into_the_callers_array_gets_the_in_place_hint():
    def forward(self, x):
        self.x = x
        out = x @ self.W + self.b
        x -= x.mean()
        return out
    res = check("affine_layer", affine_with(forward=forward)).message
    assert "was changed by your code" in res and "\nHint: x -= ..., x *= ... or x[...] = ..." in res


def test_affine_a_tuple_from_backward_is_a_format_slip():
    def as_tuple(self, dout):
        self.dW, self.db = self.x.T @ dout, dout.sum(axis=0)
        return dout @ self.W.T, self.dW, self.db
    res = check("affine_layer", affine_with(backward=as_tuple))
    assert res.status == "failed" and "not in the form asked in backward" in res.message
    assert "Hint" not in res.message


def test_image_shapes_known_mistakes_never_show_the_right_shape():
    for part, wrong, words in (("out", (5, 784), "flattened input X"),
                               ("dx", (5, 10), "the shape of dout"),
                               ("dW", (10, 784), "W transposed"),
                               ("db", (5, 10), "the shape of dout"),
                               ("db", (1, 10), "removes that axis")):
        for language in ("en", "ko"):
            set_language(language)
            res = check("affine_image_shapes", {**RIGHT_SHAPES, part: wrong}).message
            assert str(RIGHT_SHAPES[part]) not in res, res
        set_language("en")
        assert words in check("affine_image_shapes", {**RIGHT_SHAPES, part: wrong}).message


def test_image_shapes_a_number_uses_no_hint():
    res = check("affine_image_shapes", {**RIGHT_SHAPES, "db": 10}).message
    assert "not in the form asked" in res and "Hint" not in res
    assert "\nHint: b was added to every row" in check(
        "affine_image_shapes", {**RIGHT_SHAPES, "db": (5, 10)}).message  # still the first


def test_gradient_prediction_mistakes_and_hints_per_part():
    for wrong, words in (((0.3, 0.8, 0.5), "wrong sign"), ((0.0, -0.8, 0.0), "Only the true class"),
                         ((0.15, -0.4, 0.25), "halved")):
        res = check("softmax_gradient_prediction", (wrong, None)).message
        assert words in res and "-0.8, 0.5" not in res.replace(str(list(wrong)), "")
    forget_attempts()
    first = check("softmax_gradient_prediction", ((0.3, -0.8, 0.5), (0.6, -1.6, 1.0))).message
    assert "FAIL in dx_in_pair" in first and "not their sum" in first and "0.15" not in first
    assert "\nHint: the loss of a batch is the mean of its samples' losses" in first
    assert "\nA stronger hint: each row is dout · (y - t) / N with N = 2" in check(
        "softmax_gradient_prediction", ((0.3, -0.8, 0.5), (0.6, -1.6, 1.0))).message
    slip = check("softmax_gradient_prediction", ("0.3, -0.8, 0.5", None))
    assert "not in the form asked" in slip.message and "Hint" not in slip.message


def test_uniform_loss_hints_belong_to_the_part():
    first = check("softmax_uniform_loss", (np.log(3), 1.5)).message
    assert "FAIL in loss_10_classes" in first and "too small" in first
    assert "\nHint: equal scores give equal probabilities; what is each of them with 10 classes?" in first
    assert "3 classes" not in first and "2.30" not in first
    again = check("softmax_uniform_loss", (np.log(3), 1.5)).message
    assert "\nA stronger hint: each class gets 1/C" in again and "C = 10" in again
    for wrong, words in ((0.1, "each class's probability"), (1.0, "base 10"), (3.32, "base 2"),
                         (-np.log(10), "too small"), (0.0, "probability 1")):
        res = check("softmax_uniform_loss", (np.log(3), wrong)).message
        assert words in res and "2.30" not in res.replace("-2.30259", "")


def test_softmax_with_loss_sum_is_named_only_when_it_is_the_sum():
    def summed(self, x, t):
        self.t, self.y = t, softmax(x)
        return cross_entropy_error(self.y, t) * len(x)
    res = check("softmax_with_loss", swl_with(forward=summed)).message
    assert "2 times too large (and 5 times, for a batch of 5)" in res
    assert "\nHint: the loss of a batch is the mean of its samples' losses" in res

    def doubled(self, x, t):  # twice the loss at every batch size: 2 times at N = 2 only by chance
        self.t, self.y = t, softmax(x)
        return 2 * cross_entropy_error(self.y, t)
    res = check("softmax_with_loss", swl_with(forward=doubled)).message
    assert "FAIL in forward" in res and "times too large" not in res and "not their sum" not in res


def test_softmax_with_loss_missing_division_is_named_only_when_unambiguous():
    def twice_over_n(self, dout=1):  # 2 (y - t) / N: twice the right one, at every N
        t = self.t if self.t.ndim == 2 else np.eye(self.y.shape[1])[self.t]
        return dout * 2 * (self.y - t) / self.y.shape[0]
    res = check("softmax_with_loss", swl_with(backward=twice_over_n)).message
    assert "FAIL in backward" in res and "without the division" not in res
    assert "\nHint: backward: dout times (y - t) / N" in res


def test_softmax_with_loss_mistakes_bring_their_own_hints():
    def overflow(self, x, t):
        self.t = t
        e = np.exp(x)
        self.y = e / e.sum(axis=1, keepdims=True)
        return cross_entropy_error(self.y, t)
    assert "\nHint: exp(1000) is inf in floating point" in check(
        "softmax_with_loss", swl_with(forward=overflow)).message

    def one_hot_only(self, dout=1):
        return dout * (self.y - self.t) / self.y.shape[0]
    forget_attempts()
    assert "\nHint: with class indices, t = [0, 1] names each row's true class" in check(
        "softmax_with_loss", swl_with(backward=one_hot_only)).message

    def book(self, dout=1):
        t = self.t if self.t.ndim == 2 else np.eye(self.y.shape[1])[self.t]
        return (self.y - t) / self.y.shape[0]
    forget_attempts()
    assert "\nHint: every layer's backward multiplies" in check(
        "softmax_with_loss", swl_with(backward=book)).message

    def no_copy(self, dout=1):
        n = self.y.shape[0]
        if self.t.ndim == 1:
            dx = self.y
            dx[np.arange(n), self.t] -= 1
        else:
            dx = self.y - self.t
        return dout * dx / n
    forget_attempts()
    assert "\nHint: backward may be called twice after one forward" in check(
        "softmax_with_loss", swl_with(backward=no_copy)).message


def test_softmax_with_loss_missing_division_for_class_indices_only_is_named():
    def backward(self, dout=1):  # divides for one-hot labels, not in the class-index branch
        n = self.y.shape[0]
        if self.t.ndim == 1:
            dx = self.y.copy()
            dx[np.arange(n), self.t] -= 1
            return dout * dx
        return dout * (self.y - self.t) / n
    res = check("softmax_with_loss", swl_with(backward=backward)).message
    assert "with t = [0, 1] (class indices)" in res and "2 times as much (and 7 times" in res
    assert "\nHint: the loss is the mean over the N samples" in res
