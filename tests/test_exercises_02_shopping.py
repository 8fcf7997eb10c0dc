"""The checks of notebook 02: each exercise's four outcomes, one wrong attempt per stated
constraint, and hints only after a failure (the first, then the stronger one)."""

import numpy as np
import pytest

from scratchnet.toolkit.exercises import CHECKS, check, forget_attempts, reveal
from scratchnet.toolkit.exercises import shopping


def stub(self, *args):
    raise NotImplementedError("your code here")


def layer(name="Layer", forward=stub, backward=stub, init=None):
    """A learner's class with the given methods (stubs where not given)."""
    def default_init(self):
        self.x = None
        self.y = None
    return type(name, (), {"__init__": init or default_init, "forward": forward,
                           "backward": backward})


# ----------------------------------------------------------------------- mul_layer


def mul_forward(self, x, y):
    self.x, self.y = x, y
    return x * y


def mul_backward(self, dout):
    return dout * self.y, dout * self.x


def test_mul_layer_stub_half_and_pass():
    res = check("mul_layer", layer())
    assert res.status == "not attempted" and "hint" not in res.message.lower()
    half = check("mul_layer", layer(forward=mul_forward))
    assert half.status == "partly done" and half.done == ("forward",)
    assert "forward is right; backward still raises NotImplementedError" in half.message
    assert check("mul_layer", layer(forward=mul_forward, backward=mul_backward)).message == \
        "mul_layer: PASS (forward and backward checked)."


@pytest.mark.parametrize("pair", [lambda a, b: [a, b], lambda a, b: np.array([a, b])])
def test_mul_layer_any_pair_passes(pair):
    def backward(self, dout):
        return pair(dout * self.y, dout * self.x)
    assert check("mul_layer", layer(forward=mul_forward, backward=backward)).passed


def test_mul_layer_swapped_inputs_fail_on_the_books_numbers():
    def swapped(self, dout):
        return dout * self.x, dout * self.y
    res = check("mul_layer", layer(forward=mul_forward, backward=swapped))
    assert res.status == "failed"
    assert res.message.startswith("mul_layer: FAIL in backward. mul_tax_layer.backward(1) after "
                                  "forward(200, 1.1): dapple_price: expected 1.1, got 200")
    assert "(your dx is dout times x itself, your dy dout times y: the results are swapped)" \
        in res.message
    assert "\nHint: which input's value goes into dx?" in res.message
    assert "\nA stronger hint: the multiply node swaps its inputs" in \
        check("mul_layer", layer(forward=mul_forward, backward=swapped)).message


def test_mul_layer_ignoring_dout_fails():
    def no_dout(self, dout):
        return self.y, self.x
    res = check("mul_layer", layer(forward=mul_forward, backward=no_dout))
    assert res.status == "failed"
    assert "mul_apple_layer.backward(1.1) after forward(100, 2): dapple: expected 2.2, got 2" \
        in res.message
    assert "(your dx and dy are the local derivatives alone: dout is left out)" in res.message
    assert "\nHint: a node's backward multiplies the gradient arriving from the right, dout" \
        in res.message
    assert "\nA stronger hint: dx = dout * self.y and dy = dout * self.x. With dout = 1" in \
        check("mul_layer", layer(forward=mul_forward, backward=no_dout)).message


@pytest.mark.parametrize("backward, says", [
    (lambda self, dout: (self.x, self.y), "the inputs are swapped and dout is left out"),
    (lambda self, dout: (self.y, dout * self.x), "dout is left out of dx"),
    (lambda self, dout: (dout * self.y, self.x), "dout is left out of dy"),
    (lambda self, dout: (dout, dout), "that is the add node's rule"),
])
def test_mul_layer_names_the_kind_of_mistake(backward, says):
    res = check("mul_layer", layer(forward=mul_forward, backward=backward))
    assert res.status == "failed" and "FAIL in backward" in res.message and says in res.message
    assert "expected " in res.message and ", got " in res.message  # expected against got, kept


def test_mul_layer_names_no_mistake_it_cannot_tell_apart():
    def half_right(self, dout):  # right at the book's numbers and some points, not everywhere
        if np.ndim(dout) == 0 and dout == 2.0:
            return 0.0, 0.0
        return dout * self.y, dout * self.x
    res = check("mul_layer", layer(forward=mul_forward, backward=half_right))
    assert res.passed  # the check never tries dout = 2 on scalars: the probes only explain

    def wrong_on_arrays(self, dout):
        if np.ndim(dout) == 0:
            return dout * self.y, dout * self.x
        return dout * self.x, dout * self.y  # swapped on arrays only
    res = check("mul_layer", layer(forward=mul_forward, backward=wrong_on_arrays))
    assert res.status == "failed" and "swapped" not in res.message
    assert "\nHint: the multiply node's local derivatives" in res.message  # the part's own


@pytest.mark.parametrize("probes, kinds", [
    (shopping._MUL_PROBES, shopping._MUL_KINDS), (shopping._ADD_PROBES, shopping._ADD_KINDS),
    (shopping._SUB_PROBES, shopping._SUB_KINDS)])
def test_kinds_of_mistake_never_coincide_at_every_probe(probes, kinds):
    """A kind is named only when its formula explains the learner's values at every probe: no two
    kinds, and no kind and the right answer, may agree at all of them."""
    right = {id(shopping._MUL_KINDS): lambda x, y, d: (d * y, d * x),
             id(shopping._ADD_KINDS): lambda x, y, d: (d, d),
             id(shopping._SUB_KINDS): lambda x, y, d: (d, -d)}[id(kinds)]
    formulas = [right] + [f for f, _, _ in kinds]
    for i, f in enumerate(formulas):
        for g in formulas[i + 1:]:
            assert not all(np.allclose(f(*pt), g(*pt)) for pt in probes)
    # and each differs from the right answer at a point the book's check itself tries
    for f in formulas[1:]:
        assert not np.allclose(f(*probes[0]), right(*probes[0])) or \
            not np.allclose(f(*probes[1]), right(*probes[1]))


def test_an_object_where_the_class_goes_gets_a_plain_message():
    res = check("mul_layer", layer(forward=mul_forward, backward=mul_backward)())
    assert res.status == "failed" and "Hint" not in res.message
    cls = type(layer()()).__name__
    assert f"mul_layer: not in the form asked. pass the class, `{cls}`, not `{cls}()`" in res.message
    assert f"not `{cls}()`" in check("add_layer", layer()()).message
    assert f"not `{cls}()`" in check("sub_layer", layer()()).message
    assert "pass the class `SubLayer` itself" in check("sub_layer", 3).message


def test_mul_layer_writing_into_dout_fails():
    def in_place(self, dout):
        dx = dout * self.y
        dout *= self.x  # scalars: a new number; arrays: the caller's dout is overwritten
        return dx, dout
    res = check("mul_layer", layer(forward=mul_forward, backward=in_place))
    assert res.status == "failed" and "FAIL in backward. dout was changed by your code" in res.message
    assert "\nHint: your code wrote into an array it was given" in res.message


def test_mul_layer_writing_into_x_fails():
    def in_place(self, x, y):
        self.x, self.y = x.copy() if hasattr(x, "copy") else x, y
        x *= y
        return x
    res = check("mul_layer", layer(forward=in_place, backward=mul_backward))
    assert res.status == "failed" and "FAIL in forward. x was changed by your code" in res.message


def test_mul_layer_must_keep_its_inputs():
    def forgets(self, x, y):
        return x * y
    res = check("mul_layer", layer(forward=forgets, backward=mul_backward))
    assert res.status == "failed"
    assert "FAIL in forward. after mul_apple_layer.forward(100, 2), self.x is None" in res.message


def test_mul_layer_inputs_kept_per_layer_not_per_class():
    def shared(self, x, y):  # class attributes: every MulLayer sees the last inputs
        type(self).x, type(self).y = x, y
        return x * y

    def init(self):
        pass
    res = check("mul_layer", layer(forward=shared, backward=mul_backward, init=init))
    assert res.status == "failed"
    assert ("FAIL in forward. after mul_apple_layer.forward(100, 2) (and the other layer's "
            "forward), its self.x: expected 100, got 200") in res.message
    assert "\nHint: two MulLayer objects, two pairs of inputs" in res.message


def test_mul_layer_numbers_only_fails_on_arrays():
    def scalars(self, x, y):
        self.x, self.y = x, y
        return float(x) * float(y)
    res = check("mul_layer", layer(forward=scalars, backward=mul_backward))
    assert res.status == "failed"
    assert res.message.startswith("mul_layer: FAIL in forward. Your code raised TypeError")


def test_mul_layer_wrong_off_the_books_numbers_fails_the_numerical_gradient():
    def only_scalars_right(self, dout):
        if np.ndim(dout) == 0:
            return dout * self.y, dout * self.x
        return dout * self.y, self.x  # dy forgets dout on arrays
    res = check("mul_layer", layer(forward=mul_forward, backward=only_scalars_right))
    assert res.status == "failed"
    assert "on (3, 2) arrays: dy: your gradient" in res.message
    assert "differs from the numerical gradient" in res.message


def test_mul_layer_hints_first_then_stronger():
    wrong = layer(forward=lambda self, x, y: x + y)
    first = check("mul_layer", wrong).message
    assert "FAIL in forward" in first and "expected 200, got 102" in first
    assert "\nHint: forward computes the node's output, x times y" in first
    assert "stronger" not in first
    assert "\nA stronger hint: in forward, store the inputs on self" in \
        check("mul_layer", wrong).message
    forget_attempts()
    assert "\nHint: " in check("mul_layer", wrong).message
    # backward has not failed yet: its own first hint, not forward's stronger one
    none_back = layer(forward=mul_forward, backward=lambda self, dout: (0.0, 0.0))
    assert "\nHint: the multiply node's local derivatives" in check("mul_layer", none_back).message


def test_mul_layer_backward_returning_one_value_is_a_slip():
    res = check("mul_layer", layer(forward=mul_forward, backward=lambda self, dout: dout * self.y))
    assert res.status == "failed" and "not in the form asked in backward" in res.message
    assert "mul_tax_layer.backward(1) should give 2 values" in res.message
    assert "Hint" not in res.message


# ----------------------------------------------------------------------- add_layer


def add_forward(self, x, y):
    return x + y


def add_backward(self, dout):
    return dout * 1, dout * 1


def test_add_layer_stub_half_and_pass():
    assert check("add_layer", layer()).status == "not attempted"
    half = check("add_layer", layer(forward=add_forward))
    assert half.status == "partly done" and half.done == ("forward",)
    assert check("add_layer", layer(forward=add_forward, backward=add_backward)).passed


def test_add_layer_returning_dout_itself_or_a_list_passes():
    # mathematically right: notebook 02's text after the check and the answer key say why the
    # book still writes dout * 1
    assert check("add_layer", layer(forward=add_forward,
                                    backward=lambda self, dout: [dout, dout])).passed
    assert check("add_layer", layer(forward=add_forward,
                                    backward=lambda self, dout: (dout, dout))).passed


@pytest.mark.parametrize("backward, got, says, hint", [
    (lambda self, dout: (1, 1), "got 1", "dout is left out", "1 is the add node's local derivative"),
    (lambda self, dout: (dout / 2, dout / 2), "got 0.55", "the add node does not split dout",
     "raise x alone by a small h"),
    (mul_backward, "got 495", "that is the multiply node's rule",
     "the multiply node swaps because d(xy)/dx = y")])
def test_add_layer_ignoring_or_splitting_dout_fails(backward, got, says, hint):
    res = check("add_layer", layer(forward=mul_forward_keeping_sum, backward=backward))
    assert res.status == "failed"
    assert ("FAIL in backward. add_apple_orange_layer.backward(1.1) (the book's apple and orange "
            f"example): dapple_price: expected 1.1, {got}") in res.message
    assert says in res.message and f"\nHint: {hint}" in res.message


def mul_forward_keeping_sum(self, x, y):  # keeps its inputs, as a MulLayer would, returns x + y
    self.x, self.y = x, y
    return x + y


def test_add_layer_wrong_forward_and_writing_into_x_fail():
    res = check("add_layer", layer(forward=lambda self, x, y: x * y, backward=add_backward))
    assert res.status == "failed" and "expected 650, got 9e+04" in res.message

    def in_place(self, x, y):
        x += y
        return x
    res = check("add_layer", layer(forward=in_place, backward=add_backward))
    assert res.status == "failed" and "FAIL in forward. x was changed by your code" in res.message


def test_add_layer_backward_must_return_a_pair():
    res = check("add_layer", layer(forward=add_forward, backward=lambda self, dout: dout))
    assert res.status == "failed"
    assert "add_apple_orange_layer.backward(1.1) should give 2 values, got float 1.1" in res.message
    assert "not in the form asked in backward" in res.message and "Hint" not in res.message


def test_add_layer_hints_first_then_stronger():
    wrong = layer(forward=add_forward, backward=lambda self, dout: (1, 1))
    assert "\nHint: 1 is the add node's local derivative" in check("add_layer", wrong).message
    assert "\nA stronger hint: each input gets dout times 1" in check("add_layer", wrong).message
    forget_attempts()
    no_pattern = layer(forward=add_forward, backward=lambda self, dout: (dout, dout + 1))
    assert "\nHint: d(x + y)/dx = d(x + y)/dy = 1" in check("add_layer", no_pattern).message
    assert "\nA stronger hint: each input gets dout times its local derivative 1" in \
        check("add_layer", no_pattern).message
    wrong_sum = layer(forward=lambda self, x, y: x * y)
    assert "\nHint: forward returns the sum of its two inputs" in check("add_layer", wrong_sum).message


# ----------------------------------------------------------------------- predictions

RIGHT = {"dall_price": 1.1, "dtax": 650, "dapple_price": 1.1, "dorange_price": 1.1,
         "dapple": 2.2, "dapple_num": 110, "dorange": 3.3, "dorange_num": 165}


def test_apple_orange_gradients_four_outcomes():
    empty = dict.fromkeys(RIGHT)
    res = check("apple_orange_gradients", empty)
    assert res.status == "not attempted" and "hint" not in res.message.lower()

    half = check("apple_orange_gradients", {**empty, "dall_price": 1.1, "dtax": 650})
    assert half.status == "partly done" and half.done == ("dall_price", "dtax")
    assert half.message == ("apple_orange_gradients: partly done. dall_price and dtax are right; "
                            "dapple_price is still None: write your prediction of "
                            "∂price/∂apple_price, at the add node.")
    # a later key filled in while an earlier one is still None: still partly done
    later = check("apple_orange_gradients", {**empty, "dapple": 2.2})
    assert later.status == "partly done" and later.done == ("dapple",)
    assert "dapple is right; dall_price is still None" in later.message

    assert check("apple_orange_gradients", RIGHT).passed
    assert check("apple_orange_gradients", {**RIGHT, "dorange": 3.3000000000000003}).passed
    assert CHECKS["apple_orange_gradients"].form == ["dict"]


@pytest.mark.parametrize("key, value, says, hint", [
    ("dtax", 200, "200 was the apple-only answer", "start at the right with dprice = 1"),
    ("dall_price", 650, "650 is what the other input, tax, gets", "The tax node is a × node"),
    ("dapple_price", 0.55, "does not split dout", "what arrives at the add node"),
    ("dorange_num", 150, "passes the tax node", "the orange node is a × node"),
    ("dapple", 110, "The apple price gets dout times the OTHER input", "the apple node is a × node"),
    ("dorange", 4.4, "It is too large. Backward values go right to left",
     "the orange node is a × node"),
])
def test_apple_orange_gradients_wrong_predictions_say_why(key, value, says, hint):
    res = check("apple_orange_gradients", {**RIGHT, key: value})
    assert res.status == "failed"
    assert res.message.startswith(f"apple_orange_gradients: FAIL in {key}. {key} (")
    assert f"you predicted {value:g}, which is not it." in res.message
    assert says in res.message and "\nHint: " in res.message and hint in res.message
    truth = f"{RIGHT[key]:g}"
    assert truth not in res.message.replace(f"predicted {value:g}", "")


def test_apple_orange_gradients_stronger_hint_is_the_parts():
    wrong = {**RIGHT, "dapple_num": 2.2}
    assert "\nHint: the apple node is a × node" in check("apple_orange_gradients", wrong).message
    again = check("apple_orange_gradients", {**RIGHT, "dapple_num": 100}).message
    assert "\nA stronger hint: dapple = dapple_price × apple_num" in again
    # dtax has not failed yet: its first hint
    assert "\nHint: start at the right" in check("apple_orange_gradients", {**RIGHT, "dtax": 1}).message


def test_apple_orange_gradients_bad_shapes_of_answer():
    res = check("apple_orange_gradients", {**RIGHT, "dtax": "650"})
    assert res.status == "failed" and "dtax: write the number itself, without quotes" in res.message
    no_key = {k: v for k, v in RIGHT.items() if k != "dtax"}
    res = check("apple_orange_gradients", no_key)
    assert res.status == "failed" and "the dict has no 'dtax'" in res.message
    res = check("apple_orange_gradients", list(RIGHT.values()))
    assert res.status == "failed" and "write a dict" in res.message
    assert "Hint" not in res.message  # format slips use no hint: the next FAIL gets the first one
    assert "\nHint: " in check("apple_orange_gradients", {**RIGHT, "dtax": 200}).message


def test_shopping_coupon():
    assert check("shopping_coupon", {"price": None, "dcoupon": None}).status == "not attempted"
    half = check("shopping_coupon", {"price": 605, "dcoupon": None})
    assert half.status == "partly done" and "dcoupon is still None" in half.message
    wrong = check("shopping_coupon", {"price": 605, "dcoupon": 1.1})
    assert wrong.status == "failed" and "Check the sign" in wrong.message
    assert "\nHint: raise the coupon by one won" in wrong.message and "-1.1" not in wrong.message
    late_tax = check("shopping_coupon", {"price": 615, "dcoupon": -1.1})
    assert "after tax" in late_tax.message and "\nHint: the price is a forward value" in late_tax.message
    again = check("shopping_coupon", {"price": 615, "dcoupon": -1.1})
    assert "\nA stronger hint: the bill before tax is all_price − coupon" in again.message
    assert check("shopping_coupon", {"price": 605.0000000000001, "dcoupon": -1.1}).passed


@pytest.mark.parametrize("price, says", [
    (550, "550 is the bill before tax: the tax node still multiplies it."),
    (600, "It is too small. The price is a forward value: compute it left to right"),
])
def test_shopping_coupon_a_wrong_price_is_sent_forward(price, says):
    res = check("shopping_coupon", {"price": price, "dcoupon": -1.1})
    assert res.status == "failed" and says in res.message
    assert "right to left" not in res.message and "605" not in res.message


def test_shopping_coupon_reveal_gives_the_values_only():
    text = reveal("shopping_coupon")
    assert "605" in text and "-1.1" in text
    assert "SubLayer" not in text and "-1" not in text.replace("-1.1", "") and "dout" not in text


# ----------------------------------------------------------------------- sub_layer


def sub_forward(self, x, y):
    return x - y


def test_sub_layer_four_outcomes():
    assert check("sub_layer", layer()).status == "not attempted"
    half = check("sub_layer", layer(forward=sub_forward))
    assert half.status == "partly done" and half.done == ("forward",)
    plus = check("sub_layer", layer(forward=sub_forward, backward=lambda self, d: (d, d)))
    assert plus.status == "failed"
    assert "dcoupon: expected -1.1, got 1.1" in plus.message
    assert "(your dy is +dout, as in the add layer: y is subtracted)" in plus.message
    assert "\nHint: raise y alone by a small h: does x - y go up or down?" in plus.message

    def in_place(self, dout):
        dy = dout
        dy *= -1  # arrays: flips the caller's dout
        return dout * 1, dy
    res = check("sub_layer", layer(forward=sub_forward, backward=in_place))
    assert res.status == "failed" and "A stronger hint" in res.message
    assert "FAIL in backward. dout was changed by your code" in res.message
    assert "\nA stronger hint: `a *= b` writes into the array a" in res.message
    assert check("sub_layer", layer(forward=sub_forward, backward=lambda self, d: [d, -d])).passed
    assert check("sub_layer", layer(forward=sub_forward, backward=lambda self, d: (d, -d))).passed


@pytest.mark.parametrize("backward, says, hint", [
    (lambda self, d: (1, -1), "dout is left out", "right signs; now where is dout?"),
    (lambda self, d: (-d, d), "your signs are swapped", "which input is subtracted?"),
    (lambda self, d: (-d, -d), "your dx has a minus sign too", "raise x alone by a small h"),
    (lambda self, d: (1, 1), "an add node's local derivatives, and dout is left out",
     "two things: the local derivatives of x - y"),
])
def test_sub_layer_names_the_kind_of_mistake(backward, says, hint):
    res = check("sub_layer", layer(forward=sub_forward, backward=backward))
    assert res.status == "failed" and "sub_coupon_layer.backward(1.1)" in res.message
    assert says in res.message and f"\nHint: {hint}" in res.message


def test_sub_layer_has_its_own_hints_per_part():
    wrong_forward = layer(forward=lambda self, x, y: y - x)
    first = check("sub_layer", wrong_forward).message
    assert "FAIL in forward" in first and "expected 550, got -550" in first
    assert "\nHint: the coupon node computes the bill before tax" in first
    assert "\nA stronger hint: return x - y, a new value" in check("sub_layer", wrong_forward).message
    no_pattern = layer(forward=sub_forward, backward=lambda self, d: (d, -2 * d))
    res = check("sub_layer", no_pattern).message
    assert "\nHint: raise x by a small h, then y by a small h" in res
    assert "\nA stronger hint: d(x - y)/dx = 1 and d(x - y)/dy = -1" in \
        check("sub_layer", no_pattern).message
    add_hints = CHECKS["add_layer"].hints
    assert all(CHECKS["sub_layer"].hints[p][i].en != add_hints[p][i].en
               for p in ("forward", "backward") for i in (0, 1))
