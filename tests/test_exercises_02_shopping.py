"""The checks of notebook 02: each exercise's four outcomes, one wrong attempt per stated
constraint, and hints only after a failure (the first, then the stronger one)."""

import numpy as np
import pytest

from scratchnet.toolkit.exercises import check, forget_attempts


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
    assert "\nHint: " in res.message


def test_mul_layer_ignoring_dout_fails():
    def no_dout(self, dout):
        return self.y, self.x
    res = check("mul_layer", layer(forward=mul_forward, backward=no_dout))
    assert res.status == "failed"
    assert "mul_apple_layer.backward(1.1) after forward(100, 2): dapple: expected 2.2, got 2" \
        in res.message


def test_mul_layer_writing_into_dout_fails():
    def in_place(self, dout):
        dx = dout * self.y
        dout *= self.x  # scalars: a new number; arrays: the caller's dout is overwritten
        return dx, dout
    res = check("mul_layer", layer(forward=mul_forward, backward=in_place))
    assert res.status == "failed" and "FAIL in backward. dout was changed by your code" in res.message


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
    assert "\nHint: the multiply node's local derivatives" in first and "stronger" not in first
    assert "\nA stronger hint: in forward, store x and y" in check("mul_layer", wrong).message
    forget_attempts()
    assert "\nHint: " in check("mul_layer", wrong).message


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
    assert check("add_layer", layer(forward=add_forward,
                                    backward=lambda self, dout: [dout, dout])).passed


@pytest.mark.parametrize("backward, got", [(lambda self, dout: (1, 1), "got 1"),
                                           (lambda self, dout: (dout / 2, dout / 2), "got 0.55")])
def test_add_layer_ignoring_or_splitting_dout_fails(backward, got):
    res = check("add_layer", layer(forward=add_forward, backward=backward))
    assert res.status == "failed"
    assert ("FAIL in backward. add_apple_orange_layer.backward(1.1) (the book's apple and orange "
            f"example): dapple_price: expected 1.1, {got}") in res.message


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


def test_add_layer_hints_first_then_stronger():
    wrong = layer(forward=add_forward, backward=lambda self, dout: (1, 1))
    assert "\nHint: d(x + y)/dx" in check("add_layer", wrong).message
    assert "\nA stronger hint: forward returns the sum" in check("add_layer", wrong).message


# ----------------------------------------------------------------------- predictions

RIGHT = {"dall_price": 1.1, "dtax": 650, "dapple_price": 1.1, "dorange_price": 1.1,
         "dapple": 2.2, "dapple_num": 110, "dorange": 3.3, "dorange_num": 165}


def test_apple_orange_gradients_four_outcomes():
    empty = dict.fromkeys(RIGHT)
    res = check("apple_orange_gradients", empty)
    assert res.status == "not attempted" and "hint" not in res.message.lower()

    half = check("apple_orange_gradients", {**empty, "dall_price": 1.1, "dtax": 650})
    assert half.status == "partly done"
    assert half.message == ("apple_orange_gradients: partly done. dall_price and dtax are right; "
                            "dapple_price, dorange_price, dapple, dapple_num, dorange and "
                            "dorange_num are still None: replace each None by your number.")
    # a later key filled in while an earlier one is still None: still partly done
    later = check("apple_orange_gradients", {**empty, "dapple": 2.2})
    assert later.status == "partly done" and later.done == ("dapple",)
    assert "dall_price, dtax," in later.message

    assert check("apple_orange_gradients", RIGHT).passed
    assert check("apple_orange_gradients", {**RIGHT, "dorange": 3.3000000000000003}).passed


@pytest.mark.parametrize("key, value, says", [
    ("dtax", 200, "200 was the apple-only answer"),
    ("dall_price", 650, "650 goes to the tax input"),
    ("dapple_price", 0.55, "does not split dout"),
    ("dorange_num", 150, "passes the tax node"),
    ("dapple", 110, "That is dapple_num's value"),
    ("dorange", 4.4, "Work it out again"),
])
def test_apple_orange_gradients_wrong_predictions_say_why(key, value, says):
    res = check("apple_orange_gradients", {**RIGHT, key: value})
    assert res.status == "failed"
    assert res.message.startswith(f"apple_orange_gradients: FAIL in {key}. {key} = ")
    assert says in res.message and "\nHint: start at the right" in res.message


def test_apple_orange_gradients_bad_shapes_of_answer():
    res = check("apple_orange_gradients", {**RIGHT, "dtax": "650"})
    assert res.status == "failed" and "expected a number, got the text '650'" in res.message
    no_key = {k: v for k, v in RIGHT.items() if k != "dtax"}
    res = check("apple_orange_gradients", no_key)
    assert res.status == "failed" and "has no key 'dtax'" in res.message
    res = check("apple_orange_gradients", list(RIGHT.values()))
    assert res.status == "failed" and "should be a dict" in res.message
    assert "\nA stronger hint: dall_price = 1 × tax" in res.message


def test_shopping_coupon():
    assert check("shopping_coupon", {"price": None, "dcoupon": None}).status == "not attempted"
    half = check("shopping_coupon", {"price": 605, "dcoupon": None})
    assert half.status == "partly done" and "dcoupon is still None" in half.message
    wrong = check("shopping_coupon", {"price": 605, "dcoupon": 1.1})
    assert wrong.status == "failed" and "Check the sign" in wrong.message
    assert "\nHint: " in wrong.message
    late_tax = check("shopping_coupon", {"price": 615, "dcoupon": -1.1})
    assert "after tax" in late_tax.message and "\nHint: " in late_tax.message  # price's first
    again = check("shopping_coupon", {"price": 615, "dcoupon": -1.1})
    assert "\nA stronger hint: " in again.message  # price fails again
    assert check("shopping_coupon", {"price": 605.0000000000001, "dcoupon": -1.1}).passed


# ----------------------------------------------------------------------- sub_layer


def sub_forward(self, x, y):
    return x - y


def test_sub_layer_four_outcomes():
    assert check("sub_layer", layer()).status == "not attempted"
    half = check("sub_layer", layer(forward=sub_forward))
    assert half.status == "partly done" and half.done == ("forward",)
    plus = check("sub_layer", layer(forward=sub_forward, backward=lambda self, d: (d, d)))
    assert plus.status == "failed"
    assert "dcoupon: expected -1.1, got 1.1" in plus.message and "\nHint: the local" in plus.message

    def in_place(self, dout):
        dy = dout
        dy *= -1  # arrays: flips the caller's dout
        return dout * 1, dy
    res = check("sub_layer", layer(forward=sub_forward, backward=in_place))
    assert res.status == "failed" and "A stronger hint" in res.message
    assert "FAIL in backward. dout was changed by your code" in res.message
    assert check("sub_layer", layer(forward=sub_forward, backward=lambda self, d: [d, -d])).passed
