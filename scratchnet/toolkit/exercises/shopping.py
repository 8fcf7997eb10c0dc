"""Checks for the exercises of notebook 02 (shopping with MulLayer and AddLayer, book 5.3-5.4).

mul_layer, add_layer     the learner's layers: the book's numbers (ch05/buy_apple.py and
                         buy_apple_orange.py), arrays of shapes drawn from a seeded generator,
                         a `dout` that is not 1, a numerical gradient, arguments left unchanged
apple_orange_gradients   predictions for the blanks of the book's 그림 5-15
shopping_coupon          predictions for a coupon taken off before tax
sub_layer                a SubLayer (x - y), for the coupon
"""

from __future__ import annotations

import numpy as np

from ...layer_naive import MulLayer as _MulLayer
from ...language import Text
from . import Unfilled, Wrong, exercise
from ._assert import close, numerically, sequence, show, unchanged

_SEED = 2  # the arrays the checks try: shapes and values the learner did not pick


def _arrays(n: int):
    """n random arrays of one random shape (2 or 3 rows, 2 or 3 columns), and the shape."""
    rng = np.random.default_rng(_SEED)
    shape = tuple(int(s) for s in rng.integers(2, 4, size=2))
    return [rng.uniform(-2.0, 2.0, size=shape) for _ in range(n)], shape


def _pair(layer, dout, what: str) -> list:
    """layer.backward(dout) as a list of two items (a tuple, a list, any pair is fine)."""
    return sequence(layer.backward(dout), 2, what)


def _close_named(got: list, want: tuple, names: tuple, what: str) -> None:
    for g, w, name in zip(got, want, names):
        close(g, w, f"{what}: {name}")


def _stored(layer, attr: str, want, what: str) -> None:
    got = getattr(layer, attr, None)
    if got is None:
        raise Wrong(f"after {what}, self.{attr} is None: forward must keep its input there "
                    "(backward needs it)")
    close(got, want, f"after {what} (and the other layer's forward), its self.{attr}")


def _grad_checks(Layer) -> None:
    """Arrays of a shape the learner did not try, with a dout that is not all ones:
    dx and dy match the numerical gradient, and nothing the layer was given is changed."""
    (x, y, dout), shape = _arrays(3)
    x0, y0, dout0 = x.copy(), y.copy(), dout.copy()
    layer = Layer()
    layer.forward(x, y)
    where = f"backward(dout) after forward(x, y) on {shape} arrays"
    dx, dy = _pair(layer, dout, where)
    unchanged(dout, dout0, "dout")
    unchanged(x, x0, "x")
    unchanged(y, y0, "y")

    def loss_x(v):  # L = sum(out * dout), whose gradient with respect to x is dx
        return float(np.sum(Layer().forward(v, y0.copy()) * dout0))

    def loss_y(v):
        return float(np.sum(Layer().forward(x0.copy(), v) * dout0))

    numerically(loss_x, x0, dx, f"{where}: dx")
    numerically(loss_y, y0, dy, f"{where}: dy")


def _forward_arrays(Layer, op, what: str) -> None:
    (x, y), shape = _arrays(2)
    x0, y0 = x.copy(), y.copy()
    out = Layer().forward(x, y)
    close(out, op(x0, y0), f"{what} on {shape} arrays x and y")
    unchanged(x, x0, "x")
    unchanged(y, y0, "y")


# ----------------------------------------------------------------------- MulLayer (book 5.4.1)


@exercise("mul_layer", parts=("forward", "backward"), hints=(
    Text("the multiply node's local derivatives are d(xy)/dx = y and d(xy)/dy = x: each input's "
    "gradient is dout times the OTHER input, so forward has to keep both inputs for backward", ko=""),
    Text("in forward, store x and y on self, then return their product; in backward, make two new "
    "values, dout times the stored y (for x) and dout times the stored x (for y), and return "
    "them as a pair; never write into dout", ko="")))
def check_mul_layer(Layer, part) -> None:
    """MulLayer: forward(x, y) keeps x, y in self.x, self.y, returns x * y;
    backward(dout) -> (dout * y, dout * x). Numbers and arrays; arguments unchanged."""
    with part("forward"):
        mul_apple_layer, mul_tax_layer = Layer(), Layer()  # the book's buy_apple.py
        apple_price = mul_apple_layer.forward(100, 2)
        close(apple_price, 200.0, "mul_apple_layer.forward(100, 2) (the book's apple example)")
        price = mul_tax_layer.forward(apple_price, 1.1)
        close(price, 220.0, "mul_tax_layer.forward(200, 1.1) (the book's apple example)")
        # each layer keeps its own inputs, also after another layer's forward
        _stored(mul_apple_layer, "x", 100, "mul_apple_layer.forward(100, 2)")
        _stored(mul_apple_layer, "y", 2, "mul_apple_layer.forward(100, 2)")
        _stored(mul_tax_layer, "x", 200, "mul_tax_layer.forward(200, 1.1)")
        _forward_arrays(Layer, np.multiply, "forward(x, y)")
    with part("backward"):
        # the book's apple example, 그림 5-14: two layers, each with its own inputs
        got = _pair(mul_tax_layer, 1, "mul_tax_layer.backward(1)")
        _close_named(got, (1.1, 200.0), ("dapple_price", "dtax"),
                     "mul_tax_layer.backward(1) after forward(200, 1.1)")
        got = _pair(mul_apple_layer, 1.1, "mul_apple_layer.backward(1.1)")
        _close_named(got, (2.2, 110.0), ("dapple", "dapple_num"),
                     "mul_apple_layer.backward(1.1) after forward(100, 2)")
        _grad_checks(Layer)


# ----------------------------------------------------------------------- AddLayer (book 5.4.2)


@exercise("add_layer", parts=("forward", "backward"), hints=(
    Text("d(x + y)/dx = d(x + y)/dy = 1: the add node passes dout on to both inputs, unchanged, and "
    "needs nothing from forward", ko=""),
    Text("forward returns the sum; backward returns a pair whose two items each equal dout times 1: "
    "not 1 alone (dout matters), and not half of dout each (the add node does not split it)", ko="")))
def check_add_layer(Layer, part) -> None:
    """AddLayer: forward(x, y) -> x + y; backward(dout) -> (dout, dout). Numbers and arrays."""
    # the book's buy_apple_orange.py, with the learner's add layer and the package's MulLayer
    mul_apple_layer, mul_orange_layer, mul_tax_layer = _MulLayer(), _MulLayer(), _MulLayer()
    with part("forward"):
        add_apple_orange_layer = Layer()
        apple_price = mul_apple_layer.forward(100, 2)
        orange_price = mul_orange_layer.forward(150, 3)
        all_price = add_apple_orange_layer.forward(apple_price, orange_price)
        close(all_price, 650.0, "add_apple_orange_layer.forward(200, 450) (the book's apple "
              "and orange example)")
        price = mul_tax_layer.forward(all_price, 1.1)
        close(price, 715.0, "price")
        _forward_arrays(Layer, np.add, "forward(x, y)")
    with part("backward"):
        dall_price, dtax = mul_tax_layer.backward(1)
        got = _pair(add_apple_orange_layer, dall_price, "add_apple_orange_layer.backward(1.1)")
        _close_named(got, (1.1, 1.1), ("dapple_price", "dorange_price"),
                     "add_apple_orange_layer.backward(1.1) (the book's apple and orange example)")
        dapple_price, dorange_price = got
        dorange, dorange_num = mul_orange_layer.backward(dorange_price)
        dapple, dapple_num = mul_apple_layer.backward(dapple_price)
        _close_named([dapple, dapple_num, dorange, dorange_num, dtax],
                     (2.2, 110.0, 3.3, 165.0, 650.0),
                     ("dapple", "dapple_num", "dorange", "dorange_num", "dtax"),
                     "the book's apple and orange example")
        _grad_checks(Layer)


# ----------------------------------------------------------------------- predictions


def _check_predictions(pred, truth: dict, part, mistakes: dict, what: str) -> None:
    """Each filled-in prediction against the truth, in order; then the first one left None.

    `mistakes` maps (name, value) to what that wrong value tells about the reasoning."""
    if not isinstance(pred, dict):
        raise Wrong(f"{what} should be a dict like {{'{next(iter(truth))}': ...}}, "
                    f"got {type(pred).__name__}")
    missing = [name for name in truth if name not in pred]
    if missing:
        raise Wrong(f"{what} has no key {', '.join(repr(m) for m in missing)}: keep the keys "
                    "as given and replace each None by a number")
    empty = [name for name in truth if pred[name] is None]
    for name, want in truth.items():
        if name in empty:
            continue
        with part(name):
            got = pred[name]
            if isinstance(got, (str, bytes)):
                raise Wrong(f"{name}: expected a number, got the text {got!r}")
            try:
                value = float(got)
            except (TypeError, ValueError):
                raise Wrong(f"{name}: expected a number, got {type(got).__name__} {got!r}") from None
            if not np.isclose(value, want, rtol=1e-3, atol=1e-9):
                why = next((msg for (key, wrong), msg in mistakes.items()
                            if key == name and np.isclose(value, wrong, rtol=1e-3)), None)
                raise Wrong(f"{name} = {show(value)} is not right. "
                            + (why or "Work it out again from the graph, right to left."))
    if empty:
        with part(empty[0]):
            listed = empty[0] if len(empty) == 1 else ", ".join(empty[:-1]) + " and " + empty[-1]
            verb = "is" if len(empty) == 1 else "are"
            raise Unfilled(f"{listed} {verb} still None: replace each None by your number")


APPLE_ORANGE = {  # the book's buy_apple_orange.py, from dprice = 1, right to left
    "dall_price": 1.1, "dtax": 650.0,
    "dapple_price": 1.1, "dorange_price": 1.1,
    "dapple": 2.2, "dapple_num": 110.0,
    "dorange": 3.3, "dorange_num": 165.0,
}

_SPLIT = "The add node does not split dout between its inputs: each gets all of it."
_NO_TAX = "Every path back from the price passes the tax node: the 1.1 it sends multiplies this too."
APPLE_ORANGE_MISTAKES = {
    ("dall_price", 650.0): "650 goes to the tax input: a multiply node sends each input dout "
                           "times the OTHER input, so all_price gets 1 × tax.",
    ("dall_price", 1.0): "The tax node multiplies dprice = 1 by its other input, the tax.",
    ("dtax", 1.1): "1.1 goes to all_price: the tax input gets dprice times the OTHER input, "
                   "all_price.",
    ("dtax", 200.0): "200 was the apple-only answer; the tax now multiplies apples and oranges.",
    ("dtax", 715.0): "715 is the price itself, not how fast it moves with the tax.",
    ("dapple_price", 0.55): _SPLIT, ("dorange_price", 0.55): _SPLIT,
    ("dapple_price", 1.0): _NO_TAX, ("dorange_price", 1.0): _NO_TAX,
    ("dapple", 110.0): "That is dapple_num's value: the apple price gets dout times the OTHER "
                       "input, the number of apples.",
    ("dapple_num", 2.2): "That is dapple's value: the apple count gets dout times the OTHER "
                         "input, the apple price.",
    ("dorange", 165.0): "That is dorange_num's value: the orange price gets dout times the "
                        "OTHER input, the number of oranges.",
    ("dorange_num", 3.3): "That is dorange's value: the orange count gets dout times the OTHER "
                          "input, the orange price.",
    ("dapple", 2.0): _NO_TAX, ("dapple_num", 100.0): _NO_TAX,
    ("dorange", 3.0): _NO_TAX, ("dorange_num", 150.0): _NO_TAX,
}


@exercise("apple_orange_gradients", parts=tuple(APPLE_ORANGE), hints=(
    Text("start at the right with dprice = 1 and go left one node at a time: a multiply node sends "
    "each input dout times the OTHER input; an add node sends dout unchanged to both inputs", ko=""),
    Text("dall_price = 1 × tax and dtax = 1 × all_price; the add node hands dall_price to "
    "dapple_price and to dorange_price; then dapple = dapple_price × apple_num, "
    "dapple_num = dapple_price × apple, and the same for the oranges", ko="")))
def check_apple_orange_gradients(prediction, part) -> None:
    """Predictions for the blanks of 그림 5-15 (2 apples at 100, 3 oranges at 150, tax 1.1)."""
    _check_predictions(prediction, APPLE_ORANGE, part, APPLE_ORANGE_MISTAKES, "prediction")


COUPON = {"price": 605.0, "dcoupon": -1.1}  # (200 + 450 - 100) * 1.1, and d price / d coupon
COUPON_MISTAKES = {
    ("price", 615.0): "615 takes the coupon off after tax; here it comes off before tax, so "
                      "the tax applies to what is left.",
    ("price", 715.0): "715 is the price without the coupon.",
    ("dcoupon", 1.1): "Check the sign: a bigger coupon makes the price smaller.",
    ("dcoupon", -1.0): _NO_TAX,
    ("dcoupon", 1.0): "Two things: the sign (a bigger coupon lowers the price) and the tax "
                      "node's 1.1 on the way back.",
}


@exercise("shopping_coupon", parts=tuple(COUPON), hints=(
    Text("the bill before tax is all_price - coupon; d(x - y)/dy = -1, and the tax node sends "
    "1.1 back to the bill before tax", ko=""),
    Text("price = (650 - coupon) × tax; dcoupon = (the value arriving at the minus node) × (-1), "
    "and what arrives there is dprice × tax", ko="")))
def check_shopping_coupon(prediction, part) -> None:
    """Predictions: the price with a 100 won coupon taken off before tax, and dcoupon."""
    _check_predictions(prediction, COUPON, part, COUPON_MISTAKES, "coupon_prediction")


# ----------------------------------------------------------------------- SubLayer (extra)


@exercise("sub_layer", parts=("forward", "backward"), hints=(
    Text("the local derivatives of x - y are d(x - y)/dx = 1 and d(x - y)/dy = -1", ko=""),
    Text("forward returns x - y and needs to keep nothing; backward returns the pair dout times 1 "
    "and dout times -1", ko="")))
def check_sub_layer(Layer, part) -> None:
    """SubLayer: forward(x, y) -> x - y; backward(dout) -> (dout, -dout). Numbers and arrays."""
    with part("forward"):
        sub_coupon_layer = Layer()
        bill = sub_coupon_layer.forward(650, 100)  # all_price minus a 100 won coupon
        close(bill, 550.0, "sub_coupon_layer.forward(650, 100) (650 won of fruit, a 100 won coupon)")
        _forward_arrays(Layer, np.subtract, "forward(x, y)")
    with part("backward"):
        got = _pair(sub_coupon_layer, 1.1, "sub_coupon_layer.backward(1.1)")
        _close_named(got, (1.1, -1.1), ("dall_price", "dcoupon"),
                     "sub_coupon_layer.backward(1.1) (the tax node sends back 1.1)")
        _grad_checks(Layer)
