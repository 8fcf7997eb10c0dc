"""Notebook 03's exercise checks: each says not attempted, partly done, FAIL (with the right
reason, one wrong attempt per stated constraint) and PASS, and hints come only after failures."""

import numpy as np
import pytest

from scratchnet.toolkit.exercises import check, forget_attempts, reveal


def stub(self, *args):
    raise NotImplementedError("your code here")


def layer(forward=stub, backward=stub, init=None, name="Layer", base=object):
    def __init__(self):
        if init is not None:
            setattr(self, init, None)
    return type(name, (base,), {"__init__": __init__, "forward": forward, "backward": backward})


def failed(result, *words):
    assert result.status == "failed", result.message
    for w in words:
        assert w in result.message, (w, result.message)
    return result.message


# ---------------------------------------------------------------- relu_layer

def relu_forward(self, x):
    self.mask = x <= 0
    return np.where(self.mask, 0, x)


def relu_backward(self, dout):
    return np.where(self.mask, 0, dout)


def Relu(forward=relu_forward, backward=relu_backward):
    return layer(forward, backward, init="mask", name="Relu")


def test_relu_stub_half_and_pass():
    res = check("relu_layer", Relu(stub, stub))
    assert res.status == "not attempted" and "hint" not in res.message.lower()
    res = check("relu_layer", Relu(backward=stub))
    assert res.status == "partly done" and res.done == ("forward",)
    assert "forward is right; backward still raises NotImplementedError" in res.message
    book_style = Relu(lambda self, x: (setattr(self, "mask", x <= 0), x * (x > 0))[1],
                      lambda self, dout: (lambda dx: (dx.__setitem__(self.mask, 0), dx)[1])(dout.copy()))
    assert check("relu_layer", Relu()).passed
    assert check("relu_layer", book_style).message == "relu_layer: PASS (forward and backward checked)."


def test_relu_backward_writing_into_dout_fails_and_hints_grow():
    def book_backward(self, dout):  # the book's own Relu.backward
        dout[self.mask] = 0
        return dout
    first = failed(check("relu_layer", Relu(backward=book_backward)),
                   "FAIL in backward", "dout was changed by your code")
    assert "\nHint: " in first and "stronger" not in first
    assert "Pitfall 2" in first  # the in-place hint, pointing to the section that shows why
    second = check("relu_layer", Relu(backward=book_backward)).message
    assert "\nA stronger hint: " in second and "dout.copy()" in second


def test_relu_forward_writing_into_x_fails():
    def in_place(self, x):
        self.mask = x <= 0
        x[self.mask] = 0
        return x
    forget_attempts()
    msg = failed(check("relu_layer", Relu(forward=in_place)), "FAIL in forward",
                 "x was changed by your code")
    assert "Pitfall 2" in msg


def test_relu_ignoring_dout_fails():
    failed(check("relu_layer", Relu(backward=lambda self, dout: (~self.mask) * 1.0)),
           "FAIL in backward", "expected [[-0.1,  0. ]")


def test_relu_float64_from_float32_fails():
    msg = failed(check("relu_layer", Relu(backward=lambda self, dout: dout * (~self.mask).astype(float))),
                 "FAIL in backward", "given float32 input, returned float64")
    assert "notebooks 06 and 07 train in float32" in msg  # why the dtype matters here
    assert "Hint: print the dtype of each array" in msg  # the dtype's hint, not backward's
    # 1 - mask of a bool mask is an int64 array, and float32 * int64 is float64: said so
    assert (np.ones(2, np.float32) * (1 - np.array([True, False]))).dtype == np.float64
    msg = failed(check("relu_layer", Relu(backward=lambda self, dout: dout * (1 - self.mask))),
                 "FAIL in backward", "returned float64", "1 - self.mask, for one, is an int64 array")
    assert "The values are fine" in msg
    failed(check("relu_layer", Relu(forward=lambda self, x: (setattr(self, "mask", x <= 0),
                                                             np.maximum(x, 0).astype(float))[1])),
           "FAIL in forward", "given float32 input, returned float64")


def test_relu_mask_is_checked():
    def no_mask(self, x):
        return np.maximum(x, 0)
    msg = failed(check("relu_layer", Relu(forward=no_mask, backward=lambda self, d: d)),
                 "FAIL in forward", "self.mask is still None")
    assert "Hint: forward leaves self.mask behind" in msg

    def inverted(self, x):
        self.mask = x > 0
        return np.maximum(x, 0)
    msg = failed(check("relu_layer", Relu(forward=inverted, backward=lambda self, d: d * self.mask)),
                 "FAIL in forward", "self.mask should be True where x <= 0")
    assert "[False,  True]" in msg and "[1., 0.]" not in msg and "[0., 1.]" not in msg  # True/False

    def float_mask(self, x):  # 0/1 where True/False is asked: shown as True/False all the same
        self.mask = (x > 0) * 1.0
        return np.maximum(x, 0)
    msg = failed(check("relu_layer", Relu(forward=float_mask)), "FAIL in forward")
    assert "yours is [[ True, False]" in msg


def test_relu_switch_at_zero_is_off():
    def strict(self, x):
        self.mask = x < 0
        return np.maximum(x, 0)
    msg = failed(check("relu_layer", Relu(forward=strict)), "FAIL in forward", "x = [-1.5, 0, 2]",
                 "self.mask should be True where x <= 0", "[ True,  True, False]")
    assert "Hint: look at the entry where x is exactly 0" in msg  # the mask's hint
    assert "Pitfall" not in msg and "copy" not in msg  # not the in-place one
    again = failed(check("relu_layer", Relu(forward=strict)), "FAIL in forward")
    assert "A stronger hint: at x = 0 the switch is off (식 5.8" in again

    def passes_zero(self, dout):
        return np.where(self.mask & (self.x != 0), 0, dout)
    def keep_x(self, x):
        self.x = x
        return relu_forward(self, x)
    msg = failed(check("relu_layer", Relu(keep_x, passes_zero)), "FAIL in backward",
                 "at x = 0 the switch is off")
    assert "Hint: look at the entry where x is exactly 0" in msg


def test_relu_mask_kept_once_fails_on_other_shapes():
    def first_mask_only(self, x):
        if getattr(self, "mask", None) is None:
            self.mask = x <= 0
        return np.maximum(x, 0)
    failed(check("relu_layer", Relu(forward=first_mask_only)), "FAIL in forward", "random x of shape")


# ---------------------------------------------------------------- sigmoid_local_derivatives

RIGHT = {"dc": -0.6914, "db": -0.6914, "da": -0.2567, "dx": 0.2567}


def test_sigmoid_prediction_outcomes():
    res = check("sigmoid_local_derivatives", dict.fromkeys(RIGHT))
    assert res.status == "not attempted" and "Replace each None" in res.message
    res = check("sigmoid_local_derivatives", {**RIGHT, "da": None, "dx": None})
    assert res.status == "partly done" and res.done == ("dc", "db")
    assert "da is still None" in res.message
    assert check("sigmoid_local_derivatives", RIGHT).passed
    rounded = {"dc": -0.691, "db": -0.691, "da": -0.257, "dx": 0.257}  # 3 digits will do
    assert check("sigmoid_local_derivatives", rounded).passed
    from scratchnet.toolkit.computational_graphs import sigmoid_steps  # the notebook's expressions
    s = sigmoid_steps(0.991, 1.3)
    assert check("sigmoid_local_derivatives", {k: s[k] for k in RIGHT}).passed
    assert check("sigmoid_local_derivatives", {k: np.float64(v) for k, v in RIGHT.items()}).passed
    shown = reveal("sigmoid_local_derivatives")
    assert all(f"{k} (" in shown for k in RIGHT) and "-0.6914" in shown and "0.2567" in shown


def test_sigmoid_prediction_wrong_answers_say_why():
    from scratchnet.toolkit.exercises.activations import _sigmoid_steps
    first = failed(check("sigmoid_local_derivatives", {**RIGHT, "dc": 0.6914}),
                   "FAIL in dc", "Look at the sign")
    assert "\nHint: " in first
    second = failed(check("sigmoid_local_derivatives", {**RIGHT, "dc": -0.6914 / 1.3}),
                    "FAIL in dc", "d(1/c)/dc alone")
    assert "\nA stronger hint: " in second
    failed(check("sigmoid_local_derivatives", {**RIGHT, "da": -0.6914 * np.exp(0.991)}),
           "FAIL in da", "multiplies db by exp(x)")
    failed(check("sigmoid_local_derivatives", {**RIGHT, "da": -1.86}), "FAIL in da", "by exp(x)")
    s = _sigmoid_steps(0.991, 1.3)
    for v in (s["dc"] + 1, 0.309, 0.3086):  # exact, to 3 and to 4 digits: the same mistake
        failed(check("sigmoid_local_derivatives", {**RIGHT, "db": v}), "FAIL in db", "adds 1 to dc")
    for v in (s["da"] * 0.991, -0.254, -0.2543):
        failed(check("sigmoid_local_derivatives", {**RIGHT, "dx": v}), "FAIL in dx", "multiplies da by x")
    # near misses that failed before still fail (rtol 1e-3 around the right value, as before)
    for part, v in (("dc", -0.690), ("da", -0.2575), ("dx", 0.2562)):
        assert not check("sigmoid_local_derivatives", {**RIGHT, part: v}).passed
    failed(check("sigmoid_local_derivatives", {**RIGHT, "dx": -0.2567}), "FAIL in dx",
           "da carried over unchanged")
    msg = failed(check("sigmoid_local_derivatives", {**RIGHT, "da": 1.0}), "FAIL in da",
                 "d exp(a)/da", "too large")
    assert "0.2567" not in msg and "0.257" not in msg  # the answer is not given away


@pytest.mark.parametrize("language", ["en", "ko"])
def test_sigmoid_prediction_mistakes_are_unambiguous_and_keep_the_answer(language):
    """No known mistake lies within the tolerance of the right value or of another mistake of
    its part, and a FAIL on any of them shows none of the four right values to 3 digits."""
    from scratchnet.language import set_language
    from scratchnet.toolkit.exercises import CHECKS
    from scratchnet.toolkit.exercises.predict import _close
    answers = CHECKS["sigmoid_local_derivatives"].answers
    set_language(language)
    try:
        for part, answer in answers.items():
            keys = list(answer.mistakes)
            for i, k in enumerate(keys):
                assert not _close(answer, k, answer.truth), (part, k)
                assert not any(_close(answer, k, other) for other in keys[i + 1:]
                               if answer.mistakes[other] is not answer.mistakes[k]), (part, k)
                msg = check("sigmoid_local_derivatives", {**RIGHT, part: k}).message
                assert f"FAIL" in msg or "실패" in msg, msg
                said = msg.split("\n")[0].replace(f"{k:g}", "")  # the learner's own value aside
                assert not any(f"{v:.3f}"[:-1] in said for v in (0.6914, 0.2567)), msg
    finally:
        set_language("en")


def test_sigmoid_prediction_shape_of_the_answer():
    res = check("sigmoid_local_derivatives", (-0.6914, -0.6914, -0.2567, 0.2567))
    assert "not in the form asked" in res.message and "write a dict" in res.message
    assert "Hint" not in res.message  # a format slip uses no hint
    res = check("sigmoid_local_derivatives", {"dc": -0.6914})
    assert "the dict has no 'db', 'da' and 'dx'" in res.message
    res = check("sigmoid_local_derivatives", {**RIGHT, "dc": "minus"})
    assert res.status == "failed" and "write the number itself, without quotes" in res.message
    assert "\nHint: " in check("sigmoid_local_derivatives", {**RIGHT, "dc": 0.6914}).message


# ---------------------------------------------------------------- sigmoid_layer, tanh_layer, find the bug

def sig(x):
    return 1 / (1 + np.exp(-x))


def sig_forward(self, x):
    self.out = sig(x)
    return self.out


def sig_backward(self, dout):
    return dout * (1.0 - self.out) * self.out


def tanh_forward(self, x):
    self.out = np.tanh(x)
    return self.out


def tanh_backward(self, dout):
    return dout * (1.0 - self.out ** 2)


OUTPUT_LAYERS = {"sigmoid_layer": (sig, sig_forward, sig_backward, lambda y: y * (1 - y)),
                 "tanh_layer": (np.tanh, tanh_forward, tanh_backward, lambda y: 1 - y ** 2)}


def attempt(name, forward=None, backward=None):
    _, fwd, bwd, _ = OUTPUT_LAYERS[name]
    return layer(forward or fwd, backward or bwd, init="out")


@pytest.mark.parametrize("name", OUTPUT_LAYERS)
def test_output_layer_stub_half_and_pass(name):
    res = check(name, layer(init="out"))
    assert res.status == "not attempted" and "hint" not in res.message.lower()
    res = check(name, attempt(name, backward=stub))
    assert res.status == "partly done" and "forward is right; backward still raises" in res.message
    assert check(name, attempt(name)).message == f"{name}: PASS (forward and backward checked)."


@pytest.mark.parametrize("name", OUTPUT_LAYERS)
def test_output_layer_wrong_attempts(name):
    f, _, _, dfdy = OUTPUT_LAYERS[name]
    # a backward that ignores dout
    first = failed(check(name, attempt(name, backward=lambda self, d: dfdy(self.out))),
                   "FAIL in backward", "backward(dout), dout = [[0.1, 0.2], [0.3, 0.4]]")
    assert "\nHint: " in first
    # the output is not kept in self.out
    second = failed(check(name, attempt(name, forward=lambda self, x: f(x))),
                    "FAIL in forward", "self.out is still None")
    assert "\nHint: " in second  # forward's first failure: forward's first hint
    again = failed(check(name, attempt(name, backward=lambda self, d: dfdy(self.out))),
                   "FAIL in backward")
    assert "\nA stronger hint: " in again  # backward fails again: its stronger hint
    # forward writes into x
    def in_place_forward(self, x):
        x[...] = f(x)
        self.out = x
        return x
    failed(check(name, attempt(name, forward=in_place_forward)), "FAIL in forward", "x was changed")
    # backward writes into dout
    def in_place_dout(self, dout):
        dout *= dfdy(self.out)
        return dout
    failed(check(name, attempt(name, backward=in_place_dout)), "FAIL in backward", "dout was changed")
    # backward writes into the output forward returned
    def in_place_out(self, dout):
        self.out *= 0.5
        return dout * dfdy(self.out * 2)
    failed(check(name, attempt(name, backward=in_place_out)), "FAIL in backward",
           "the output y that forward returned")
    # float32 in, float64 out
    failed(check(name, attempt(name, forward=lambda self, x: (setattr(self, "out", f(x)),
                                                              f(x).astype(np.float64))[1])),
           "FAIL in forward", "given float32 input, returned float64")
    failed(check(name, attempt(name, backward=lambda self, d: np.asarray(d, np.float64) * dfdy(self.out))),
           "FAIL in backward", "returned float64")


@pytest.mark.parametrize("name", OUTPUT_LAYERS)
def test_output_layer_backward_must_use_only_self_out(name):
    f, _, _, dfdy = OUTPUT_LAYERS[name]

    def keep_x(self, x):
        self.x = x
        self.out = f(x)
        return self.out
    failed(check(name, attempt(name, forward=keep_x, backward=lambda self, d: d * dfdy(f(self.x)))),
           "FAIL in backward", "should need only self.out", "AttributeError")

    def keep_first_x(self, x):  # a stale input from an earlier forward
        self.out = f(x)
        type(self).last_x = x
        return self.out
    failed(check(name, attempt(name, forward=keep_first_x,
                               backward=lambda self, d: d * dfdy(f(type(self).last_x)))),
           "FAIL in backward", "set by hand")


def test_sigmoid_derivative_of_the_wrong_function_fails_numerically():
    failed(check("sigmoid_layer", attempt("sigmoid_layer", backward=lambda self, d: d * (1 - self.out ** 2))),
           "FAIL in backward", "expected")
    forget_attempts()
    msg = failed(check("tanh_layer", attempt("tanh_layer", backward=lambda self, d: d * self.out * (1 - self.out))),
                 "FAIL in backward")
    assert "expected" in msg


def test_output_layer_hints_follow_the_mistake():
    f, _, _, dfdy = OUTPUT_LAYERS["sigmoid_layer"]
    def in_place_dout(self, dout):
        dout *= dfdy(self.out)
        return dout
    msg = failed(check("sigmoid_layer", attempt("sigmoid_layer", backward=in_place_dout)),
                 "FAIL in backward", "dout was changed")
    assert "Pitfall 2" in msg
    msg = failed(check("sigmoid_layer", attempt("sigmoid_layer", forward=lambda self, x: (
        setattr(self, "out", f(x)), f(x).astype(np.float64))[1])), "FAIL in forward",
        "notebooks 06 and 07 train in float32", "Hint: print the dtype")
    assert "self.mask" not in msg  # that example belongs to the ReLU


def test_tanh_hints_are_its_own_and_the_first_one_nudges():
    from scratchnet.toolkit.exercises import CHECKS
    tanh, sigmoid = CHECKS["tanh_layer"], CHECKS["sigmoid_layer"]
    first, stronger = (t.en for t in tanh.hints_for("backward"))
    assert "1 - y" not in first and "derive dy/dx" in first  # the derivation is the learner's
    assert "1 - y**2" in stronger
    assert all(a.en != b.en for part in ("forward", "backward")
               for a, b in zip(tanh.hints_for(part), sigmoid.hints_for(part)))
    # the sigmoid's local derivative in a Tanh: named, as a known mistake
    msg = failed(check("tanh_layer", attempt("tanh_layer", backward=lambda self, d: d * self.out * (1 - self.out))),
                 "FAIL in backward", "expected", "the sigmoid's local derivative", "Hint: derive dy/dx")
    assert "1 - y**2" not in msg


@pytest.mark.parametrize("name, cls", [("relu_layer", "Relu"), ("sigmoid_layer", "Sigmoid"),
                                       ("tanh_layer", "Tanh")])
def test_an_instance_for_the_class_gets_a_plain_message(name, cls):
    Layer = Relu() if name == "relu_layer" else attempt(name)
    Layer = type(cls, (Layer,), {})
    res = check(name, Layer())
    assert res.status == "failed" and "not in the form asked" in res.message
    assert f"pass the class, `{cls}`, not `{cls}()`" in res.message
    assert "not callable" not in res.message and "Hint" not in res.message
    assert "pass the class `" in check(name, "Relu").message
    assert check(name, Layer).passed


def BuggySigmoid():
    def forward(self, x):
        out = sig(x)
        self.out = x
        return out
    return layer(forward, sig_backward, init="out", name="BuggySigmoid")


def test_find_the_bug_outcomes():
    Buggy = BuggySigmoid()
    Stubbed = layer(stub, stub, base=Buggy, name="FixedSigmoid")
    Fixed = layer(sig_forward, sig_backward, base=Buggy, name="FixedSigmoid")
    res = check("sigmoid_find_the_bug", (None, Stubbed))
    assert res.status == "not attempted" and "hint" not in res.message.lower()
    res = check("sigmoid_find_the_bug", ("forward", Stubbed))
    assert res.status == "partly done" and res.done == ("bug_in",)
    assert "FixedSigmoid still raises NotImplementedError" in res.message
    assert check("sigmoid_find_the_bug", ["forward", Fixed]).passed  # a list is as good as a tuple
    assert check("sigmoid_find_the_bug", ("Forward", Fixed)).passed  # the one checker's rule for a
    assert check("sigmoid_find_the_bug", (" FORWARD ", Fixed)).passed  # name: case and spaces aside
    # bug_in left None once FixedSigmoid works: partly done, as any prediction left None
    res = check("sigmoid_find_the_bug", (None, Fixed))
    assert res.status == "partly done" and res.done == ("FixedSigmoid",)
    assert "bug_in is still None" in res.message


def test_find_the_bug_wrong_attempts():
    Buggy = BuggySigmoid()
    Fixed = layer(sig_forward, sig_backward, base=Buggy, name="FixedSigmoid")
    first = failed(check("sigmoid_find_the_bug", ("backward", Fixed)), "FAIL in bug_in",
                   "you predicted 'backward', which is not it", "which does self.out hold")
    assert "\nHint: " in first
    assert "'forward'" not in first  # the prediction's right value is not given
    # the symptom first, as the learner's own gradient check sees it, not the cause
    second = failed(check("sigmoid_find_the_bug", ("forward", Buggy)), "FAIL in FixedSigmoid",
                    "the gradient check still fails", "differs from the numerical gradient",
                    "relative error 1.0e+00")
    said, hint = second.split("\nHint: ")  # another part's first failure: its first hint
    assert "self.out" not in said and "input x" not in hint and "self.out = out" not in hint
    again = failed(check("sigmoid_find_the_bug", ("forward", Buggy)), "FAIL in FixedSigmoid")
    assert "\nA stronger hint: forward keeps the input x in self.out" in again  # the cause, now
    failed(check("sigmoid_find_the_bug", ("exp", Fixed)), "not in the form asked in bug_in",
           "bug_in: exp is not among")
    for slip, words in [(Fixed, "should give 2 values"),
                        (("forward()", Fixed), "without ()"),
                        ((3, Fixed), "write a name as text"),
                        (("forward", Fixed()), "pass the class, `FixedSigmoid`, not `FixedSigmoid()`")]:
        res = failed(check("sigmoid_find_the_bug", slip), "not in the form asked", words)
        assert "Hint" not in res  # a format slip uses no hint

    def returns_x(self, x):  # forward's values wrong: forward's hint, not the bug's
        self.out = sig(x)
        return x
    forget_attempts()
    msg = failed(check("sigmoid_find_the_bug", ("forward", layer(returns_x, sig_backward, base=Buggy))),
                 "FAIL in FixedSigmoid", "forward(x), x = [[0.5, -1], [2, -0.5]]: expected")
    assert "y = 1 / (1 + exp(-x))" in msg

    # a "fix" in backward that recomputes y from the x that forward kept: not the book's design
    def recompute(self, dout):
        y = sig(self.out)
        return dout * (1.0 - y) * y
    failed(check("sigmoid_find_the_bug", ("forward", layer(base=Buggy, backward=recompute,
                                                           forward=Buggy.forward))),
           "FAIL in FixedSigmoid", "it should hold y")


# ---------------------------------------------------------------- the answers' numbers

def test_the_numbers_in_the_solutions():
    from scratchnet.toolkit.activations import activation_response
    from scratchnet.toolkit.computational_graphs import sigmoid_steps
    r = activation_response("sigmoid", -6, 6, 1.0, n=1201)
    below = r["dx"] < 0.125
    assert np.all(below == (np.abs(r["x"]) > 1.7627))  # exercise 2: |x| beyond about 1.76
    s = sigmoid_steps(-3.0, 1.0)  # exercise 3
    assert f"{s['b']:.4g} {s['c']:.4g} {s['y']:.4g}" == "20.09 21.09 0.04743"
    assert f"{s['dc']:.4g} {s['da']:.4g} {s['dx']:.4g}" == "-0.002249 -0.04518 0.04518"
    assert 1 / abs(s["dc"]) > 400
