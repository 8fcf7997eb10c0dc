"""The checks of notebook 05: backward_pass, gradcheck_loss_evaluations, gradcheck_relu_kink.

For each: an untouched stub, a half-done attempt, a wrong attempt per stated constraint, a right
one, and hints only after failures (the first FAIL a hint, the second a stronger one).
"""

from collections import OrderedDict

import numpy as np

from scratchnet import TwoLayerNet, compare_gradients
from scratchnet.toolkit.exercises import check
from scratchnet.toolkit.exercises import two_layer_net as ex


def failed(name, attempt, *fragments, part=None):
    res = check(name, attempt)
    assert res.status == "failed", res.message
    if part:
        assert res.message.startswith(f"{name}: FAIL in {part}."), res.message
    for fragment in fragments:
        assert fragment in res.message, res.message
    return res


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
    failed("backward_pass", backward_then(lambda self: None), "gradient returned NoneType",
           "keyed like self.params", part="grads")
    failed("backward_pass", backward_then(lambda self: list(grads_of(self).values())),
           "gradient returned list", part="grads")
    renamed = backward_then(lambda self: {"d" + k: v for k, v in grads_of(self).items()})
    failed("backward_pass", renamed, "keys ['dW1', 'dW2', 'db1', 'db2']")
    weights = backward_then(lambda self: {**grads_of(self), "W2": self.layers["Affine2"].W})
    failed("backward_pass", weights, "grads['W2'] on a 5-3-4 net",
           "differs from the numerical gradient")
    swapped = backward_then(lambda self: {**grads_of(self), "b1": self.layers["Affine2"].db})
    failed("backward_pass", swapped, "grads['b1']", "expected shape (3,), got shape (4,)")
    halved = backward_then(lambda self: {k: v / 2 for k, v in grads_of(self).items()})
    failed("backward_pass", halved, "grads['W1']", "differs from the numerical gradient")


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
    first = failed(name, {"parameters": 784 * 50, "loss_evaluations": 2 * P}, "expected 39,760",
                   "W1 alone", part="parameters")
    assert "\nHint: " in first.message
    second = failed(name, {"parameters": P - 60, "loss_evaluations": None}, "biases count too")
    assert "\nA stronger hint: " in second.message
    failed(name, {"parameters": P, "loss_evaluations": P}, "expected 79,520", "too few",
           part="loss_evaluations")
    failed(name, {"parameters": "39760", "loss_evaluations": None}, "give a number")
    failed(name, (P, 2 * P), "give a dict")


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
    first = failed(name, {"failing": ("W1", "b1", "W2"), "ratio": 0.65}, "expected W1 and b1",
                   part="failing")
    assert "\nHint: " in first.message
    failed(name, {"failing": "b1", "ratio": 0.65}, "got b1")
    failed(name, {"failing": ("W1", "x"), "ratio": 0.65}, "'x' is not a parameter")
    failed(name, {"failing": 3, "ratio": 0.65}, "as a tuple, list or set")
    second = failed(name, {"failing": ("W1", "b1"), "ratio": 0.5}, "expected 0.65, got 0.5",
                    part="ratio")
    assert "\nHint: " in second.message  # ratio's first failure: its first hint
    assert "\nA stronger hint: " in check(name, {"failing": ("W1", "b1"), "ratio": 0.5}).message
    failed(name, {"failing": ("W1", "b1"), "ratio": 1.0}, "expected 0.65")


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
