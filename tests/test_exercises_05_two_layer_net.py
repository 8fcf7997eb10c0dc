"""The checks of notebook 05: backward_pass, gradcheck_loss_evaluations, gradcheck_relu_kink.

For each: an untouched stub, a half-done attempt, a wrong attempt per stated constraint, a right
one, and hints only after failures (the first FAIL a hint, the second a stronger one).
"""

from collections import OrderedDict

import numpy as np
import pytest

from scratchnet import TwoLayerNet, compare_gradients, set_language
from scratchnet.toolkit.exercises import check, forget_attempts, reveal
from scratchnet.toolkit.exercises import two_layer_net as ex


@pytest.fixture(autouse=True)
def _fresh():
    forget_attempts()  # every test starts from the first hint, as a fresh kernel does
    yield
    forget_attempts()
    set_language("en")


def failed(name, attempt, *fragments, part=None, slip=False):
    res = check(name, attempt)
    assert res.status == "failed", res.message
    if part:
        start = f"{name}: not in the form asked in {part}." if slip else f"{name}: FAIL in {part}."
        assert res.message.startswith(start), res.message
    for fragment in fragments:
        assert fragment in res.message, res.message
    if slip:
        assert "hint" not in res.message.lower(), res.message
    return res


def hint_of(res):
    """The hint a FAIL shows, first or stronger, without its label."""
    return res.message.split("\nHint: ")[-1].split("\nA stronger hint: ")[-1]


# ---------------------------------------------------------------- backward_pass

def book_gradient(self, x, t):  # the book's TwoLayerNet.gradient (ch05/two_layer_net.py)
    self.loss(x, t)
    dout = 1
    dout = self.lastLayer.backward(dout)
    layers = list(self.layers.values())
    layers.reverse()
    for layer in layers:
        dout = layer.backward(dout)
    grads = {}
    grads["W1"], grads["b1"] = self.layers["Affine1"].dW, self.layers["Affine1"].db
    grads["W2"], grads["b2"] = self.layers["Affine2"].dW, self.layers["Affine2"].db
    return grads


def backward_then(finish, order=reversed, feed=True, first_dout=1, last=True):
    """A gradient(self, x, t) whose backward loop can be varied, then `finish(self)` returns."""
    def gradient(self, x, t):
        self.loss(x, t)
        dout = self.lastLayer.backward(first_dout) if last else first_dout
        for layer in order(list(self.layers.values())):
            if feed:
                dout = layer.backward(dout)
            else:
                layer.backward(dout)
        return finish(self)
    return gradient


def grads_of(self):
    a1, a2 = self.layers["Affine1"], self.layers["Affine2"]
    return {"W1": a1.dW, "b1": a1.db, "W2": a2.dW, "b2": a2.db}


def still_to_write(self):
    raise NotImplementedError("your code here")


def stub(self, x, t):
    self.loss(x, t)
    raise NotImplementedError("your code here")
    raise NotImplementedError("your code here")


def test_backward_pass_stub_and_half_done():
    res = check("backward_pass", stub)
    assert res.status == "not attempted" and "hint" not in res.message.lower()
    half = check("backward_pass", backward_then(still_to_write))
    assert half.status == "partly done" and half.done == ("backward",)
    assert "backward is right; grads still raises NotImplementedError" in half.message


def test_backward_pass_right_attempts_pass():
    assert check("backward_pass", book_gradient).passed
    assert check("backward_pass", backward_then(grads_of)).passed
    ordered = backward_then(lambda self: OrderedDict(grads_of(self)))  # any mapping will do
    assert check("backward_pass", ordered).passed
    assert check("backward_pass", TwoLayerNet.gradient).passed  # scratchnet's, as a function


def test_backward_pass_forward_order_fails_clearly():
    forward = backward_then(grads_of, order=lambda layers: layers)
    res = failed("backward_pass", forward, "After lastLayer.backward came Affine1.backward, "
                 "expected Affine2.backward", "reverse order", part="backward")
    assert "\nHint: " in res.message and "stronger" not in res.message
    again = failed("backward_pass", forward)
    assert "\nA stronger hint: " in again.message


def test_backward_pass_forward_order_fails_where_the_shapes_match():
    # hidden == output: Affine1 takes lastLayer's dout without a shape error; the check refuses it
    assert any(h == m for _, h, m, _ in ex.SIZES)
    net, x, t = ex._net((4, 6, 6, 3), np.random.default_rng(0))
    net.loss(x, t)
    net.layers["Affine1"].backward(net.lastLayer.backward(1))  # the wrong layer, and no error
    forward = backward_then(grads_of, order=lambda layers: layers)
    failed("backward_pass", forward, "After lastLayer.backward came Affine1.backward")


def test_backward_pass_each_constraint():
    failed("backward_pass", backward_then(grads_of, last=False),
           "The first backward call was Affine2.backward", "dout = 1 at self.lastLayer")
    failed("backward_pass", backward_then(grads_of, first_dout=2.0),
           "lastLayer.backward was given dout = 2", "dL/dL = 1")
    failed("backward_pass", backward_then(grads_of, feed=False),
           "Relu1.backward was given a dout that is not what Affine2.backward returned")
    skip_relu = backward_then(grads_of, order=lambda ls: [ls[2], ls[0]])  # Affine2, Affine1
    failed("backward_pass", skip_relu, "After Affine2.backward came Affine1.backward, "
           "expected Relu1")
    failed("backward_pass", backward_then(grads_of, order=lambda ls: list(reversed(ls))[:2]),
           "On a 5-3-4 net: only lastLayer.backward, Affine2.backward, Relu1.backward ran; "
           "Affine1.backward never ran", part="backward")
    twice = backward_then(grads_of, order=lambda ls: list(reversed(ls)) + [ls[0]])
    failed("backward_pass", twice, "Affine1.backward ran a second time")
    stopped = backward_then(still_to_write, order=lambda ls: list(reversed(ls))[:1])
    failed("backward_pass", stopped, "never ran before your code raised NotImplementedError")

    def uses_the_package(self, x, t):
        return self.gradient(x, t)
    failed("backward_pass", uses_the_package, "your code called self.gradient")

    def updates(self):
        grads = grads_of(self)
        for key, g in grads.items():
            self.params[key] -= 0.1 * g
        return grads
    failed("backward_pass", backward_then(updates), "self.params['W1'] was changed by your code")

    def writes_into_x(self, x, t):
        grads = book_gradient(self, x, t)
        x[...] = 0
        return grads
    failed("backward_pass", writes_into_x, "x was changed by your code")


def test_backward_pass_wrong_grads():
    none = failed("backward_pass", backward_then(lambda self: None), "gradient returned None",
                  "keyed like self.params", "InputAffine", part="grads")
    assert "\nHint: after the loop, the two Affine layers hold" in none.message
    failed("backward_pass", backward_then(lambda self: list(grads_of(self).values())),
           "gradient returned list", part="grads", slip=True)
    renamed = backward_then(lambda self: {"d" + k: v for k, v in grads_of(self).items()})
    failed("backward_pass", renamed, "keys ['dW1', 'dW2', 'db1', 'db2']", part="grads", slip=True)
    weights = backward_then(lambda self: {**grads_of(self), "W2": self.layers["Affine2"].W})
    failed("backward_pass", weights, "grads['W2'] on a 5-3-4 net",
           "the parameter W2 itself, not its gradient", part="grads")
    swapped = backward_then(lambda self: {**grads_of(self), "b1": self.layers["Affine2"].db})
    failed("backward_pass", swapped, "grads['b1']", "expected shape (3,), got shape (4,)")
    halved = backward_then(lambda self: {k: v / 2 for k, v in grads_of(self).items()})
    again = failed("backward_pass", halved, "grads['W1']", "differs from the numerical gradient")
    assert "\nA stronger hint: a1, a2 = self.layers['Affine1']" in again.message  # grads' own


def test_backward_pass_format_slips_use_no_hint():
    failed("backward_pass", {"W1": 0}, "pass the function itself", slip=True)
    failed("backward_pass", lambda x, t: None, "def gradient(self, x, t)", slip=True)
    res = failed("backward_pass", backward_then(lambda self: None), part="grads")
    assert "\nHint: " in res.message  # the slips above used up no hint


def test_backward_pass_hints_fit_the_mistake():
    """Each kind of mistake brings its own hints, first then stronger; another part's or another
    kind's failures leave them at the first."""
    forward = backward_then(grads_of, order=lambda layers: layers)
    first = hint_of(failed("backward_pass", forward, "\nHint: self.layers keeps the forward order"))
    assert "reversed(" not in first
    assert "\nA stronger hint: loop over reversed(self.layers.values())" in check(
        "backward_pass", forward).message
    forget_attempts()
    kinds = {  # attempt: the first hint's opening words
        backward_then(grads_of, last=False): "the backward pass starts where the forward pass ended",
        backward_then(grads_of, first_dout=2.0): "the backward pass starts where",
        backward_then(grads_of, feed=False): "a layer's backward returns the gradient of its input",
        backward_then(grads_of, order=lambda ls: [ls[2], ls[0]]): "one backward pass calls the "
                                                                  "backward of every layer",
    }
    for attempt, words in kinds.items():
        forget_attempts()
        assert f"\nHint: {words}" in check("backward_pass", attempt).message
    forget_attempts()
    failed("backward_pass", backward_then(grads_of, feed=False), "\nHint: a layer's backward")
    failed("backward_pass", backward_then(grads_of, feed=False),
           "\nA stronger hint: assign the result back each time: dout = layer.backward(dout)")


def test_backward_pass_parameters_updated_or_rebound():
    def updates(self):
        grads = grads_of(self)
        for key, g in grads.items():
            self.params[key] -= 0.1 * g
        return grads
    res = failed("backward_pass", backward_then(updates), "self.params['W1'] was changed by your "
                 "code", "\nHint: gradient computes the gradients and returns them", part="grads")

    forget_attempts()

    def stores_in_params(self):  # the gradients written over the parameters: rebound
        grads = grads_of(self)
        for key, g in grads.items():
            self.params[key] = g
        return grads
    failed("backward_pass", backward_then(stores_in_params), "self.params['W1'] is no longer the "
           "array Affine1 holds", "\nHint: gradient returns a new dict", part="grads")

    forget_attempts()

    def replaces_params(self):
        self.params = grads_of(self)
        return self.params
    failed("backward_pass", backward_then(replaces_params), "self.params was replaced",
           part="grads")

    forget_attempts()

    def steps_in_the_loop(self, x, t):  # an update inside the backward pass: its part
        self.loss(x, t)
        dout = self.lastLayer.backward(1)
        for layer in reversed(list(self.layers.values())):
            if hasattr(layer, "W"):
                layer.W -= 0.1
            dout = layer.backward(dout)
        raise NotImplementedError("your code here")
    failed("backward_pass", steps_in_the_loop, "self.params['W1'] was changed by your code",
           part="backward")
    assert res.done == ("backward",)


def test_backward_pass_leaves_the_class_alone():
    method = TwoLayerNet.gradient
    failed("backward_pass", backward_then(lambda self: None))
    assert TwoLayerNet.gradient is method
    net = TwoLayerNet(3, 2, 2, rng=0)
    assert "gradient" not in vars(net)


def test_backward_pass_nets_stay_away_from_the_kink():
    rng = np.random.default_rng(57)
    for sizes in ex.SIZES:
        net, x, t = ex._net(sizes, rng)
        assert sizes[:3] != (784, 50, 10)
        assert np.abs(x @ net.params["W1"] + net.params["b1"]).min() > 1e-2


# ---------------------------------------------------------------- gradcheck_loss_evaluations

P = 784 * 50 + 50 + 50 * 10 + 10


def test_loss_evaluations_outcomes():
    name = "gradcheck_loss_evaluations"
    res = check(name, {"parameters": None, "loss_evaluations": None})
    assert res.status == "not attempted" and "hint" not in res.message.lower()
    half = check(name, {"parameters": P, "loss_evaluations": None})
    assert half.status == "partly done" and half.done == ("parameters",)
    assert "loss_evaluations is still None" in half.message
    other = check(name, {"parameters": None, "loss_evaluations": 2 * P})
    assert other.status == "partly done" and other.done == ("loss_evaluations",)
    assert check(name, {"parameters": P, "loss_evaluations": 2 * P}).passed
    assert check(name, {"parameters": float(P), "loss_evaluations": 2.0 * P}).passed
    assert check(name, {"parameters": np.int64(P), "loss_evaluations": np.int64(2 * P)}).passed
    first = failed(name, {"parameters": 784 * 50, "loss_evaluations": 2 * P}, "you predicted 39200",
                   "W1 alone", part="parameters")
    assert "\nHint: count the numbers of each array from its shape" in first.message
    second = failed(name, {"parameters": P - 60, "loss_evaluations": None}, "the biases b1 and b2 "
                    "are parameters too")
    assert "\nA stronger hint: parameters = 784 * 50 + 50 + 50 * 10 + 10" in second.message
    evals = failed(name, {"parameters": P, "loss_evaluations": P}, "one loss per parameter",
                   "f(x + h) and f(x - h)", part="loss_evaluations")
    assert "\nHint: numerical_gradient moves one parameter at a time" in evals.message  # its own
    failed(name, {"parameters": P, "loss_evaluations": P + 1}, "forward difference")
    failed(name, {"parameters": P, "loss_evaluations": 6 * P}, "a loss per image")
    failed(name, {"parameters": P, "loss_evaluations": 80_000}, "too large",
           "How many parameters does numerical_gradient move")
    failed(name, {"parameters": P + 1, "loss_evaluations": 2 * P}, "too large", part="parameters")
    for res in (first, second):
        assert "39,760" not in res.message and "79,520" not in res.message
        assert "39760" not in res.message and "79520" not in res.message
    failed(name, {"parameters": "39760", "loss_evaluations": None}, "without quotes",
           part="parameters", slip=True)
    failed(name, (P, 2 * P), "write a dict", slip=True)
    assert "39760" in reveal(name) and "79520" in reveal(name)


@pytest.mark.parametrize("language", ["en", "ko"])
def test_loss_evaluations_never_tells_the_count(language):
    set_language(language)
    for wrong in (784 * 50, 784 * 50 + 50 * 10, 844, 392_000, 39_750, 39_710, 40_000, 0):
        forget_attempts()
        res = failed("gradcheck_loss_evaluations", {"parameters": wrong, "loss_evaluations": None})
        assert not any(v in res.message for v in ("39760", "39,760", "79520", "79,520")), res.message
    for wrong in (P, P + 1, 78_400, 79_400, 2, 6 * P, 1):
        res = failed("gradcheck_loss_evaluations", {"parameters": None, "loss_evaluations": wrong})
        told = {"39760", "39,760", "79520", "79,520"} - {str(wrong)}  # the learner's own value aside
        assert not any(v in res.message for v in told), res.message


# ---------------------------------------------------------------- gradcheck_relu_kink

def test_relu_kink_outcomes():
    name = "gradcheck_relu_kink"
    res = check(name, {"failing": None, "ratio": None})
    assert res.status == "not attempted" and "hint" not in res.message.lower()
    half = check(name, {"failing": ("W1", "b1"), "ratio": None})
    assert half.status == "partly done" and "ratio is still None" in half.message
    other = check(name, {"failing": None, "ratio": 0.65})
    assert other.status == "partly done" and other.done == ("ratio",)
    for names in (("W1", "b1"), ["b1", "W1"], {"W1", "b1"}):  # any collection of the names
        assert check(name, {"failing": names, "ratio": 0.65}).passed
    assert check(name, {"failing": ("W1", "b1"), "ratio": 0.655}).passed
    assert check(name, {"failing": ("W1", "b1"), "ratio": np.float64(0.6499)}).passed
    first = failed(name, {"failing": ("W1", "b1", "W2"), "ratio": 0.65}, "you predicted [b1, w1, w2]",
                   "W2 comes after the ReLU", part="failing")
    assert "\nHint: a parameter's check fails when a step of h" in first.message
    one = failed(name, {"failing": "b1", "ratio": 0.65}, "you predicted [b1]",
                 "Is b1 the only parameter")  # a single name: a one-name list, and wrong
    assert "\nA stronger hint: unit 0's input for sample 2" in one.message
    failed(name, {"failing": ("W1", "x"), "ratio": 0.65}, "x is not among",
           "not among W1, W2, b1 and b2")
    failed(name, {"failing": ("W1", "b1", "W2", "b2"), "ratio": 0.65}, "W2 and b2 come after")
    failed(name, {"failing": 3, "ratio": 0.65}, "a list of names", part="failing", slip=True)
    second = failed(name, {"failing": ("W1", "b1"), "ratio": 0.5}, "you predicted 0.5",
                    "half the slope", part="ratio")
    assert "\nHint: write the losses at b1[0] + h" in second.message  # ratio's own first hint
    assert "\nA stronger hint: at b1[0] + h" in check(name, {"failing": ("W1", "b1"),
                                                            "ratio": 0.5}).message
    failed(name, {"failing": ("W1", "b1"), "ratio": 1.0}, "same side of the kink")
    failed(name, {"failing": ("W1", "b1"), "ratio": 1.3}, "divides by h")
    failed(name, {"failing": ("W1", "b1"), "ratio": 0.35}, "where unit 0 is off")
    failed(name, {"failing": ("W1", "b1"), "ratio": 0.7}, "too large", "cross 0")
    failed(name, {"failing": ("W1", "b1"), "ratio": 0.6}, "too small")
    failed(name, {"failing": ("W1", "b1"), "ratio": "0.65"}, "without quotes", part="ratio",
           slip=True)
    assert "0.64 and 0.66" in reveal(name) and "('W1', 'b1')" in reveal(name)


@pytest.mark.parametrize("language", ["en", "ko"])
def test_relu_kink_never_tells_the_answer(language):
    set_language(language)
    for wrong in ([], ["b1"], ["W1"], ["W2", "b2"], ["W1", "b1", "W2", "b2"], ["W1", "x"]):
        res = failed("gradcheck_relu_kink", {"failing": wrong, "ratio": None})
        assert "W1, b1" not in res.message.split("\n")[0] and "W1과 b1" not in res.message
        assert "W1 and b1" not in res.message.split("\n")[0], res.message
    for wrong in (0.5, 1.0, 0.0, 0.35, 1.3, 0.3, 0.15, 0.7, 0.6, 2.0, -0.65):
        res = failed("gradcheck_relu_kink", {"failing": None, "ratio": wrong})
        assert "0.65" not in res.message.replace("-0.65", "") and "1.3e-4" not in res.message


def test_relu_kink_answers_are_what_a_kinked_net_shows():
    """A small net with sample 2's input to unit 0 at 3e-5, the others off: the check's answers."""
    rng = np.random.default_rng(3)
    x, t = rng.random((3, 6)), np.array([0, 2, 1])  # pixel-like inputs in [0, 1)
    net = TwoLayerNet(6, 3, 4, weight_init_std=1.0, rng=rng)
    net.params["W1"][:, 0] = x[2] - x[:2].mean(axis=0)  # sample 2 drives unit 0 hardest
    a1 = x @ net.params["W1"] + net.params["b1"]
    net.params["b1"][0] += ex.KINK_INPUT - a1[2, 0]  # sample 2 at the kink, the others off
    a1 = x @ net.params["W1"] + net.params["b1"]
    assert (a1[:2, 0] < -1e-3).all() and np.abs(a1[:, 1:]).min() > 1e-3
    result = compare_gradients({k: v.copy() for k, v in net.gradient(x, t).items()},
                               net.numerical_gradient(x, t))
    assert {r.name for r in result.rows if r.rel_error >= result.tolerance} == {"W1", "b1"}
    bp, num = net.gradient(x, t)["b1"][0], net.numerical_gradient(x, t)["b1"][0]
    assert abs(num / bp - 0.65) < 0.01
    assert check("gradcheck_relu_kink", {"failing": ("W1", "b1"), "ratio": num / bp}).passed
