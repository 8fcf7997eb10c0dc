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
from ...language import Text, tr
from . import Unfilled, Wrong, _list, exercise
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
        raise Wrong(tr(f"after {what}, self.{attr} is None: forward must keep its input there "
                       "(backward needs it)",
                       f"{what} 뒤에도 self.{attr}가 None입니다: forward는 입력을 여기에 "
                       "저장해 두어야 합니다(backward에 필요합니다)"))
    close(got, want, tr(f"after {what} (and the other layer's forward), its self.{attr}",
                        f"{what} 뒤(다른 계층의 forward까지 실행한 뒤) 그 계층의 self.{attr}"))


def _grad_checks(Layer) -> None:
    """Arrays of a shape the learner did not try, with a dout that is not all ones:
    dx and dy match the numerical gradient, and nothing the layer was given is changed."""
    (x, y, dout), shape = _arrays(3)
    x0, y0, dout0 = x.copy(), y.copy(), dout.copy()
    layer = Layer()
    layer.forward(x, y)
    where = tr(f"backward(dout) after forward(x, y) on {shape} arrays",
               f"형상 {shape}인 배열로 forward(x, y)를 실행한 뒤의 backward(dout)")
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
    close(out, op(x0, y0), tr(f"{what} on {shape} arrays x and y",
                              f"형상 {shape}인 배열 x, y에 대한 {what}"))
    unchanged(x, x0, "x")
    unchanged(y, y0, "y")


# ----------------------------------------------------------------------- MulLayer (book 5.4.1)


@exercise("mul_layer", parts=("forward", "backward"), hints=(
    Text("the multiply node's local derivatives are d(xy)/dx = y and d(xy)/dy = x: each input's "
    "gradient is dout times the OTHER input, so forward has to keep both inputs for backward",
    ko="곱셈 노드의 국소적 미분은 d(xy)/dx = y, d(xy)/dy = x입니다: 각 입력의 기울기는 dout에 "
    "'다른 쪽' 입력을 곱한 값이므로, forward는 backward를 위해 두 입력을 모두 저장해 두어야 합니다"),
    Text("in forward, store x and y on self, then return their product; in backward, make two new "
    "values, dout times the stored y (for x) and dout times the stored x (for y), and return "
    "them as a pair; never write into dout",
    ko="forward에서는 x와 y를 self에 저장하고 둘의 곱을 반환하세요. backward에서는 새 값 두 개, "
    "곧 dout × 저장된 y(x의 기울기)와 dout × 저장된 x(y의 기울기)를 만들어 쌍으로 반환하세요. "
    "dout에 값을 덮어쓰면 안 됩니다")))
def check_mul_layer(Layer, part) -> None:
    """MulLayer: forward(x, y) keeps x, y in self.x, self.y, returns x * y;
    backward(dout) -> (dout * y, dout * x). Numbers and arrays; arguments unchanged."""
    with part("forward"):
        mul_apple_layer, mul_tax_layer = Layer(), Layer()  # the book's buy_apple.py
        apple_price = mul_apple_layer.forward(100, 2)
        close(apple_price, 200.0, tr("mul_apple_layer.forward(100, 2) (the book's apple example)",
                                     "mul_apple_layer.forward(100, 2) (책의 사과 쇼핑 예)"))
        price = mul_tax_layer.forward(apple_price, 1.1)
        close(price, 220.0, tr("mul_tax_layer.forward(200, 1.1) (the book's apple example)",
                               "mul_tax_layer.forward(200, 1.1) (책의 사과 쇼핑 예)"))
        # each layer keeps its own inputs, also after another layer's forward
        _stored(mul_apple_layer, "x", 100, "mul_apple_layer.forward(100, 2)")
        _stored(mul_apple_layer, "y", 2, "mul_apple_layer.forward(100, 2)")
        _stored(mul_tax_layer, "x", 200, "mul_tax_layer.forward(200, 1.1)")
        _forward_arrays(Layer, np.multiply, "forward(x, y)")
    with part("backward"):
        # the book's apple example, 그림 5-14: two layers, each with its own inputs
        got = _pair(mul_tax_layer, 1, "mul_tax_layer.backward(1)")
        _close_named(got, (1.1, 200.0), ("dapple_price", "dtax"),
                     tr("mul_tax_layer.backward(1) after forward(200, 1.1)",
                        "forward(200, 1.1) 뒤의 mul_tax_layer.backward(1)"))
        got = _pair(mul_apple_layer, 1.1, "mul_apple_layer.backward(1.1)")
        _close_named(got, (2.2, 110.0), ("dapple", "dapple_num"),
                     tr("mul_apple_layer.backward(1.1) after forward(100, 2)",
                        "forward(100, 2) 뒤의 mul_apple_layer.backward(1.1)"))
        _grad_checks(Layer)


# ----------------------------------------------------------------------- AddLayer (book 5.4.2)


@exercise("add_layer", parts=("forward", "backward"), hints=(
    Text("d(x + y)/dx = d(x + y)/dy = 1: the add node passes dout on to both inputs, unchanged, and "
    "needs nothing from forward",
    ko="d(x + y)/dx = d(x + y)/dy = 1: 덧셈 노드는 dout을 두 입력에 그대로 흘려보내며, "
    "forward에서 저장해 둘 것이 없습니다"),
    Text("forward returns the sum; backward returns a pair whose two items each equal dout times 1: "
    "not 1 alone (dout matters), and not half of dout each (the add node does not split it)",
    ko="forward는 합을 반환합니다. backward는 두 값이 모두 dout × 1인 쌍을 반환합니다: 1만 "
    "반환하면 안 되고(dout이 중요합니다), dout을 반씩 나눠서도 안 됩니다(덧셈 노드는 dout을 "
    "나누지 않습니다)")))
def check_add_layer(Layer, part) -> None:
    """AddLayer: forward(x, y) -> x + y; backward(dout) -> (dout, dout). Numbers and arrays."""
    # the book's buy_apple_orange.py, with the learner's add layer and the package's MulLayer
    mul_apple_layer, mul_orange_layer, mul_tax_layer = _MulLayer(), _MulLayer(), _MulLayer()
    with part("forward"):
        add_apple_orange_layer = Layer()
        apple_price = mul_apple_layer.forward(100, 2)
        orange_price = mul_orange_layer.forward(150, 3)
        all_price = add_apple_orange_layer.forward(apple_price, orange_price)
        close(all_price, 650.0, tr("add_apple_orange_layer.forward(200, 450) (the book's apple "
                                   "and orange example)",
                                   "add_apple_orange_layer.forward(200, 450) "
                                   "(책의 사과와 귤 쇼핑 예)"))
        price = mul_tax_layer.forward(all_price, 1.1)
        close(price, 715.0, "price")
        _forward_arrays(Layer, np.add, "forward(x, y)")
    with part("backward"):
        dall_price, dtax = mul_tax_layer.backward(1)
        got = _pair(add_apple_orange_layer, dall_price, "add_apple_orange_layer.backward(1.1)")
        _close_named(got, (1.1, 1.1), ("dapple_price", "dorange_price"),
                     tr("add_apple_orange_layer.backward(1.1) (the book's apple and orange example)",
                        "add_apple_orange_layer.backward(1.1) (책의 사과와 귤 쇼핑 예)"))
        dapple_price, dorange_price = got
        dorange, dorange_num = mul_orange_layer.backward(dorange_price)
        dapple, dapple_num = mul_apple_layer.backward(dapple_price)
        _close_named([dapple, dapple_num, dorange, dorange_num, dtax],
                     (2.2, 110.0, 3.3, 165.0, 650.0),
                     ("dapple", "dapple_num", "dorange", "dorange_num", "dtax"),
                     tr("the book's apple and orange example", "책의 사과와 귤 쇼핑 예"))
        _grad_checks(Layer)


# ----------------------------------------------------------------------- predictions


def _check_predictions(pred, truth: dict, part, mistakes: dict, what: str) -> None:
    """Each filled-in prediction against the truth, in order; then the first one left None.

    `mistakes` maps (name, value) to what that wrong value tells about the reasoning."""
    if not isinstance(pred, dict):
        raise Wrong(tr(f"{what} should be a dict like {{'{next(iter(truth))}': ...}}, "
                       f"got {type(pred).__name__}",
                       f"{what}은(는) {{'{next(iter(truth))}': ...}} 같은 dict여야 하는데 "
                       f"{type(pred).__name__}이(가) 왔습니다"))
    missing = [name for name in truth if name not in pred]
    if missing:
        raise Wrong(tr(f"{what} has no key {', '.join(repr(m) for m in missing)}: keep the keys "
                       "as given and replace each None by a number",
                       f"{what}에 키 {', '.join(repr(m) for m in missing)}이(가) 없습니다: 키는 "
                       "주어진 그대로 두고, None만 숫자로 바꾸세요"))
    empty = [name for name in truth if pred[name] is None]
    for name, want in truth.items():
        if name in empty:
            continue
        with part(name):
            got = pred[name]
            if isinstance(got, (str, bytes)):
                raise Wrong(tr(f"{name}: expected a number, got the text {got!r}",
                               f"{name}: 숫자여야 하는데 문자열 {got!r}이(가) 왔습니다"))
            try:
                value = float(got)
            except (TypeError, ValueError):
                raise Wrong(tr(f"{name}: expected a number, got {type(got).__name__} {got!r}",
                               f"{name}: 숫자여야 하는데 {type(got).__name__} {got!r}이(가) "
                               "왔습니다")) from None
            if not np.isclose(value, want, rtol=1e-3, atol=1e-9):
                why = next((str(msg) for (key, wrong), msg in mistakes.items()
                            if key == name and np.isclose(value, wrong, rtol=1e-3)), None)
                raise Wrong(tr(f"{name} = {show(value)} is not right. ",
                               f"{name} = {show(value)}: 맞지 않습니다. ")
                            + (why or tr("Work it out again from the graph, right to left.",
                                         "그래프를 오른쪽에서 왼쪽으로 따라가며 다시 계산해 "
                                         "보세요.")))
    if empty:
        with part(empty[0]):
            listed = _list(empty)  # "a, b and c" (in Korean "a, b, c")
            raise Unfilled(tr(f"{listed} {'is' if len(empty) == 1 else 'are'} still None: "
                              "replace each None by your number",
                              f"{listed}: 아직 None입니다. None을 여러분의 숫자로 바꾸세요"))


APPLE_ORANGE = {  # the book's buy_apple_orange.py, from dprice = 1, right to left
    "dall_price": 1.1, "dtax": 650.0,
    "dapple_price": 1.1, "dorange_price": 1.1,
    "dapple": 2.2, "dapple_num": 110.0,
    "dorange": 3.3, "dorange_num": 165.0,
}

_SPLIT = Text("The add node does not split dout between its inputs: each gets all of it.",
              "덧셈 노드는 dout을 입력끼리 나눠 주지 않습니다: 두 입력이 각각 dout을 다 받습니다.")
_NO_TAX = Text("Every path back from the price passes the tax node: the 1.1 it sends multiplies "
               "this too.",
               "price에서 거꾸로 가는 경로는 모두 소비세 노드를 지납니다: 거기서 보내는 1.1이 "
               "이 값에도 곱해집니다.")
APPLE_ORANGE_MISTAKES = {  # Text pairs: str() gives the sentence in the current language
    ("dall_price", 650.0): Text("650 goes to the tax input: a multiply node sends each input dout "
                                "times the OTHER input, so all_price gets 1 × tax.",
                                "650은 tax 입력이 받는 값입니다: 곱셈 노드는 각 입력에 dout × "
                                "('다른 쪽' 입력)을 보내므로, all_price는 1 × tax를 받습니다."),
    ("dall_price", 1.0): Text("The tax node multiplies dprice = 1 by its other input, the tax.",
                              "소비세 노드는 dprice = 1에 다른 쪽 입력인 tax를 곱합니다."),
    ("dtax", 1.1): Text("1.1 goes to all_price: the tax input gets dprice times the OTHER input, "
                        "all_price.",
                        "1.1은 all_price가 받는 값입니다: tax 입력은 dprice × ('다른 쪽' 입력인 "
                        "all_price)를 받습니다."),
    ("dtax", 200.0): Text("200 was the apple-only answer; the tax now multiplies apples and oranges.",
                          "200은 사과만 샀을 때의 답입니다. 이제 소비세는 사과와 귤 값을 합친 "
                          "금액에 곱해집니다."),
    ("dtax", 715.0): Text("715 is the price itself, not how fast it moves with the tax.",
                          "715는 지불 금액 자체입니다. 구할 것은 소비세에 따라 금액이 변하는 "
                          "정도입니다."),
    ("dapple_price", 0.55): _SPLIT, ("dorange_price", 0.55): _SPLIT,
    ("dapple_price", 1.0): _NO_TAX, ("dorange_price", 1.0): _NO_TAX,
    ("dapple", 110.0): Text("That is dapple_num's value: the apple price gets dout times the OTHER "
                            "input, the number of apples.",
                            "그것은 dapple_num의 값입니다: 사과 가격은 dout × ('다른 쪽' 입력인 "
                            "사과 개수)를 받습니다."),
    ("dapple_num", 2.2): Text("That is dapple's value: the apple count gets dout times the OTHER "
                              "input, the apple price.",
                              "그것은 dapple의 값입니다: 사과 개수는 dout × ('다른 쪽' 입력인 "
                              "사과 가격)을 받습니다."),
    ("dorange", 165.0): Text("That is dorange_num's value: the orange price gets dout times the "
                             "OTHER input, the number of oranges.",
                             "그것은 dorange_num의 값입니다: 귤 가격은 dout × ('다른 쪽' 입력인 "
                             "귤 개수)를 받습니다."),
    ("dorange_num", 3.3): Text("That is dorange's value: the orange count gets dout times the OTHER "
                               "input, the orange price.",
                               "그것은 dorange의 값입니다: 귤 개수는 dout × ('다른 쪽' 입력인 "
                               "귤 가격)을 받습니다."),
    ("dapple", 2.0): _NO_TAX, ("dapple_num", 100.0): _NO_TAX,
    ("dorange", 3.0): _NO_TAX, ("dorange_num", 150.0): _NO_TAX,
}


@exercise("apple_orange_gradients", parts=tuple(APPLE_ORANGE), hints=(
    Text("start at the right with dprice = 1 and go left one node at a time: a multiply node sends "
    "each input dout times the OTHER input; an add node sends dout unchanged to both inputs",
    ko="오른쪽 끝에서 dprice = 1로 시작해 노드를 하나씩 왼쪽으로 거슬러 가세요: 곱셈 노드는 각 "
    "입력에 dout × ('다른 쪽' 입력)을 보내고, 덧셈 노드는 dout을 그대로 두 입력에 보냅니다"),
    Text("dall_price = 1 × tax and dtax = 1 × all_price; the add node hands dall_price to "
    "dapple_price and to dorange_price; then dapple = dapple_price × apple_num, "
    "dapple_num = dapple_price × apple, and the same for the oranges",
    ko="dall_price = 1 × tax, dtax = 1 × all_price입니다. 덧셈 노드는 dall_price를 "
    "dapple_price와 dorange_price에 그대로 넘깁니다. 그다음 dapple = dapple_price × apple_num, "
    "dapple_num = dapple_price × apple이고, 귤(orange)도 마찬가지입니다")))
def check_apple_orange_gradients(prediction, part) -> None:
    """Predictions for the blanks of 그림 5-15 (2 apples at 100, 3 oranges at 150, tax 1.1)."""
    _check_predictions(prediction, APPLE_ORANGE, part, APPLE_ORANGE_MISTAKES, "prediction")


COUPON = {"price": 605.0, "dcoupon": -1.1}  # (200 + 450 - 100) * 1.1, and d price / d coupon
COUPON_MISTAKES = {
    ("price", 615.0): Text("615 takes the coupon off after tax; here it comes off before tax, so "
                           "the tax applies to what is left.",
                           "615는 쿠폰을 세금을 붙인 뒤에 뺀 값입니다. 여기서는 세금을 붙이기 "
                           "전에 빼므로, 남은 금액에 소비세가 붙습니다."),
    ("price", 715.0): Text("715 is the price without the coupon.",
                           "715는 쿠폰이 없을 때의 지불 금액입니다."),
    ("dcoupon", 1.1): Text("Check the sign: a bigger coupon makes the price smaller.",
                           "부호를 확인하세요: 쿠폰이 클수록 지불 금액은 작아집니다."),
    ("dcoupon", -1.0): _NO_TAX,
    ("dcoupon", 1.0): Text("Two things: the sign (a bigger coupon lowers the price) and the tax "
                           "node's 1.1 on the way back.",
                           "두 가지를 확인하세요: 부호(쿠폰이 클수록 금액이 내려갑니다), 그리고 "
                           "거꾸로 오는 길에 소비세 노드가 곱하는 1.1입니다."),
}


@exercise("shopping_coupon", parts=tuple(COUPON), hints=(
    Text("the bill before tax is all_price - coupon; d(x - y)/dy = -1, and the tax node sends "
    "1.1 back to the bill before tax",
    ko="세전 금액은 all_price - coupon입니다. d(x - y)/dy = -1이고, 소비세 노드는 세전 금액 "
    "쪽으로 1.1을 돌려보냅니다"),
    Text("price = (650 - coupon) × tax; dcoupon = (the value arriving at the minus node) × (-1), "
    "and what arrives there is dprice × tax",
    ko="price = (650 - coupon) × tax입니다. dcoupon = (뺄셈 노드에 도착하는 값) × (-1)이고, "
    "거기에 도착하는 값은 dprice × tax입니다")))
def check_shopping_coupon(prediction, part) -> None:
    """Predictions: the price with a 100 won coupon taken off before tax, and dcoupon."""
    _check_predictions(prediction, COUPON, part, COUPON_MISTAKES, "coupon_prediction")


# ----------------------------------------------------------------------- SubLayer (extra)


@exercise("sub_layer", parts=("forward", "backward"), hints=(
    Text("the local derivatives of x - y are d(x - y)/dx = 1 and d(x - y)/dy = -1",
         ko="x - y의 국소적 미분은 d(x - y)/dx = 1, d(x - y)/dy = -1입니다"),
    Text("forward returns x - y and needs to keep nothing; backward returns the pair dout times 1 "
    "and dout times -1",
    ko="forward는 x - y를 반환하며 저장해 둘 것이 없습니다. backward는 dout × 1과 "
    "dout × (-1)의 쌍을 반환합니다")))
def check_sub_layer(Layer, part) -> None:
    """SubLayer: forward(x, y) -> x - y; backward(dout) -> (dout, -dout). Numbers and arrays."""
    with part("forward"):
        sub_coupon_layer = Layer()
        bill = sub_coupon_layer.forward(650, 100)  # all_price minus a 100 won coupon
        close(bill, 550.0, tr("sub_coupon_layer.forward(650, 100) (650 won of fruit, a 100 won "
                              "coupon)",
                              "sub_coupon_layer.forward(650, 100) (과일 650원, 쿠폰 100원)"))
        _forward_arrays(Layer, np.subtract, "forward(x, y)")
    with part("backward"):
        got = _pair(sub_coupon_layer, 1.1, "sub_coupon_layer.backward(1.1)")
        _close_named(got, (1.1, -1.1), ("dall_price", "dcoupon"),
                     tr("sub_coupon_layer.backward(1.1) (the tax node sends back 1.1)",
                        "sub_coupon_layer.backward(1.1) (소비세 노드가 돌려보내는 1.1)"))
        _grad_checks(Layer)
