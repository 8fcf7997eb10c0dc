"""Checks for the exercises of notebook 02 (shopping with MulLayer and AddLayer, book 5.3-5.4).

mul_layer, add_layer     the learner's layers: the book's numbers (ch05/buy_apple.py and
                         buy_apple_orange.py), arrays of shapes drawn from a seeded generator,
                         a `dout` that is not 1, a numerical gradient, arguments left unchanged
apple_orange_gradients   predictions for the blanks of the book's 그림 5-15
shopping_coupon          predictions for a coupon taken off before tax
sub_layer                a SubLayer (x - y), for the coupon

A layer's FAIL shows what was expected against what came, for one input. It names the kind of
mistake (dout left out, results swapped, the add node's rule in a multiply node...) only when
that kind's formula gives the learner's backward at every probe (x, y, dout) of that layer: at
one point two kinds can coincide (with dout = 1, dout left out gives the right numbers).
"""

from __future__ import annotations

import numpy as np

from ...layer_naive import MulLayer as _MulLayer
from ...language import Text, tr
from . import FormatSlip, Wrong, exercise
from ._assert import a_class, close, mistake, numerically, sequence, unchanged
from .predict import Answer, prediction

_SEED = 2  # the arrays the checks try: shapes and values the learner did not pick


def _arrays(n: int):
    """n random arrays of one random shape (2 or 3 rows, 2 or 3 columns), and the shape."""
    rng = np.random.default_rng(_SEED)
    shape = tuple(int(s) for s in rng.integers(2, 4, size=2))
    return [rng.uniform(-2.0, 2.0, size=shape) for _ in range(n)], shape


# writing into an array the layer was given: the same mistake, and the same hints, in every layer
_IN_PLACE = (
    Text("your code wrote into an array it was given: which line changes it in place (a *=, "
         "+=, -= or an assignment into [...])?",
         "여러분의 코드가 넘겨받은 배열에 값을 썼습니다. 어느 줄이 배열을 제자리에서 바꾸나요"
         "(*=, +=, -= 또는 [...]에 대입)?"),
    Text("`a *= b` writes into the array a, which belongs to the caller; `a * b` builds a new one. "
         "Compute each result as a new array and leave dout, x and y as they came",
         "`a *= b`는 호출한 쪽의 배열 a에 값을 씁니다. `a * b`는 새 배열을 만듭니다. 결과는 "
         "모두 새 배열로 계산하고 dout, x, y는 받은 그대로 두세요"))


def _pair(layer, dout, what: str) -> list:
    """layer.backward(dout) as a list of two items (a tuple, a list, any pair is fine); any other
    number of values is a slip of form."""
    try:
        return sequence(layer.backward(dout), 2, what)
    except Wrong as e:
        raise FormatSlip(str(e)) from None


def _unchanged(arr, before, what: str) -> None:
    with mistake(_IN_PLACE):
        unchanged(arr, before, what)


def _kind_of_mistake(Layer, probes: list, kinds: list):
    """(why, hint) of the first kind of mistake whose formula gives the learner's (dx, dy) at
    every probe (x, y, dout), each on a new layer; None when no kind explains them all (at one
    point two kinds can coincide: with dout = 1, dout left out gives the right numbers)."""
    got = []
    for x, y, dout in probes:
        try:
            layer = Layer()
            layer.forward(x, y)
            pair = list(layer.backward(dout))
            if len(pair) != 2:
                return None
            got.append((float(pair[0]), float(pair[1])))
        except Exception:  # the check itself reports what went wrong
            return None
    for formula, why, hint in kinds:
        if all(np.allclose(g, formula(x, y, d), rtol=1e-9, atol=1e-12)
               for g, (x, y, d) in zip(got, probes)):
            return why, hint
    return None


def _diagnosed(Layer, probes: list, kinds: list, checks) -> None:
    """Run `checks()`; a plain wrong value it finds gets the kind of mistake, when one explains
    the learner's backward at every probe, with that kind's hints."""
    try:
        checks()
    except FormatSlip:
        raise
    except Wrong as e:
        if e.hint is not None:
            raise
        kind = _kind_of_mistake(Layer, probes, kinds)
        if kind is None:
            raise
        why, hint = kind
        raise Wrong(f"{e} ({why})", hint=hint) from None


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
    with mistake(_SHARED):  # typically inputs kept on the class, shared by every layer
        close(got, want, tr(f"after {what} (and the other layer's forward), its self.{attr}",
                            f"{what} 뒤(다른 계층의 forward까지 실행한 뒤) 그 계층의 self.{attr}"))


_SHARED = (
    Text("two MulLayer objects, two pairs of inputs: where does your forward put x, so that the "
         "other layer's forward does not overwrite it?",
         "MulLayer 객체가 둘이면 입력 쌍도 둘입니다. 다른 계층의 forward가 덮어쓰지 않도록, "
         "여러분의 forward는 x를 어디에 저장하나요?"),
    Text("write self.x = x and self.y = y inside forward: an attribute of self belongs to this one "
         "layer, while one set on the class (MulLayer.x, type(self).x) is shared by every layer",
         "forward 안에서 self.x = x, self.y = y로 쓰세요. self의 속성은 그 계층 하나의 것이고, "
         "클래스에 둔 속성(MulLayer.x, type(self).x)은 모든 계층이 함께 씁니다"))


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
    _unchanged(dout, dout0, "dout")
    _unchanged(x, x0, "x")
    _unchanged(y, y0, "y")

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
    _unchanged(x, x0, "x")
    _unchanged(y, y0, "y")
    close(out, op(x0, y0), tr(f"{what} on {shape} arrays x and y",
                              f"형상 {shape}인 배열 x, y에 대한 {what}"))



# ----------------------------------------------------------------------- MulLayer (book 5.4.1)

# (x, y, dout) the kinds of mistake are tried at: the book's two nodes, then points with a dout
# that is neither 1 nor the book's, negative inputs among them. Every kind's formula differs from
# the right one and from every other kind's at one of these at least (tests/test_exercises_02).
_MUL_PROBES = [(200.0, 1.1, 1.0), (100.0, 2.0, 1.1), (3.0, -2.0, 0.5), (-1.5, 4.0, 2.0)]
_NO_DOUT = (
    Text("a node's backward multiplies the gradient arriving from the right, dout, by its local "
         "derivative: where is dout in your result?",
         "노드의 backward는 오른쪽에서 도착한 기울기 dout에 국소적 미분을 곱합니다. 여러분의 "
         "결과에서 dout은 어디에 있나요?"),
    Text("dx = dout * self.y and dy = dout * self.x. With dout = 1, at the tax node, leaving dout "
         "out changes nothing: that is why only the apple node's numbers came out wrong",
         "dx = dout * self.y, dy = dout * self.x입니다. 소비세 노드처럼 dout = 1이면 dout을 빼도 "
         "달라지는 것이 없습니다. 그래서 사과 노드의 숫자만 틀리게 나왔습니다"))
_MUL_KINDS = [
    (lambda x, y, d: (y, x),
     Text("your dx and dy are the local derivatives alone: dout is left out",
          "여러분의 dx와 dy는 국소적 미분뿐입니다. dout이 빠졌습니다"), _NO_DOUT),
    (lambda x, y, d: (y, d * x),
     Text("your dx is the local derivative alone: dout is left out of dx",
          "여러분의 dx는 국소적 미분뿐입니다. dx에서 dout이 빠졌습니다"), _NO_DOUT),
    (lambda x, y, d: (d * y, x),
     Text("your dy is the local derivative alone: dout is left out of dy",
          "여러분의 dy는 국소적 미분뿐입니다. dy에서 dout이 빠졌습니다"), _NO_DOUT),
    (lambda x, y, d: (d * x, d * y),
     Text("your dx is dout times x itself, your dy dout times y: the results are swapped",
          "여러분의 dx는 dout × x, dy는 dout × y입니다. 두 결과가 서로 바뀌었습니다"),
     (Text("which input's value goes into dx? Nudge x by h: x * y moves by h times the OTHER input",
           "dx에는 어느 입력의 값이 들어가나요? x를 h만큼 움직이면 x * y는 h × ('다른 쪽' 입력)만큼 "
           "움직입니다"),
      Text("the multiply node swaps its inputs: dx = dout * self.y, dy = dout * self.x",
           "곱셈 노드는 입력을 서로 바꿔 곱합니다: dx = dout * self.y, dy = dout * self.x"))),
    (lambda x, y, d: (x, y),
     Text("your dx is x and your dy is y: the inputs are swapped and dout is left out",
          "여러분의 dx는 x, dy는 y입니다. 입력이 서로 바뀌었고 dout도 빠졌습니다"),
     (Text("two things: which input's value belongs in dx, and where is dout?",
           "두 가지를 확인하세요. dx에는 어느 입력의 값이 들어가야 하나요? 그리고 dout은 어디에 "
           "있나요?"),
      Text("each input gets dout times the OTHER input: dx = dout * self.y, dy = dout * self.x",
           "각 입력은 dout × ('다른 쪽' 입력)을 받습니다: dx = dout * self.y, dy = dout * self.x"))),
    (lambda x, y, d: (d, d),
     Text("each input gets dout unchanged: that is the add node's rule",
          "두 입력이 dout을 그대로 받습니다. 덧셈 노드의 규칙입니다"),
     (Text("the add node passes dout on because its local derivatives are 1; what are the "
           "multiply node's, d(xy)/dx and d(xy)/dy?",
           "덧셈 노드가 dout을 그대로 넘기는 것은 국소적 미분이 1이기 때문입니다. 곱셈 노드의 "
           "국소적 미분 d(xy)/dx와 d(xy)/dy는 무엇일까요?"),
      Text("d(xy)/dx = y and d(xy)/dy = x: dx = dout * self.y, dy = dout * self.x",
           "d(xy)/dx = y, d(xy)/dy = x입니다: dx = dout * self.y, dy = dout * self.x"))),
]


@exercise("mul_layer", parts=("forward", "backward"), hints={
    "forward": (
        Text("forward computes the node's output, x times y, and keeps both inputs on the layer: "
             "backward will need them",
             "forward는 노드의 출력 x × y를 계산하고, 두 입력을 계층에 저장해 둡니다. backward에 "
             "필요하기 때문입니다"),
        Text("in forward, store the inputs on self (self.x = x, self.y = y), then return x * y",
             "forward에서 입력을 self에 저장하고(self.x = x, self.y = y) x * y를 반환하세요")),
    "backward": (
        Text("the multiply node's local derivatives are d(xy)/dx = y and d(xy)/dy = x: each "
             "input's gradient is dout times the OTHER input",
             "곱셈 노드의 국소적 미분은 d(xy)/dx = y, d(xy)/dy = x입니다. 각 입력의 기울기는 "
             "dout에 '다른 쪽' 입력을 곱한 값입니다"),
        Text("backward makes two new values, dout * self.y for x and dout * self.x for y, and "
             "returns them as a pair (dx, dy)",
             "backward는 새 값 두 개, x에는 dout * self.y, y에는 dout * self.x를 만들어 "
             "(dx, dy) 쌍으로 반환합니다")),
})
def check_mul_layer(Layer, part) -> None:
    """MulLayer: forward(x, y) keeps x, y in self.x, self.y, returns x * y;
    backward(dout) -> (dout * y, dout * x). Numbers and arrays; arguments unchanged."""
    a_class(Layer, "MulLayer")
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
        def book_then_arrays():
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
        _diagnosed(Layer, _MUL_PROBES, _MUL_KINDS, book_then_arrays)


# ----------------------------------------------------------------------- AddLayer (book 5.4.2)

_ADD_PROBES = [(200.0, 450.0, 1.1), (3.0, -2.0, 0.5), (-1.5, 4.0, -3.0)]
_ADD_KINDS = [
    (lambda x, y, d: (1.0, 1.0),
     Text("your dx and dy are the local derivatives alone: dout is left out",
          "여러분의 dx와 dy는 국소적 미분뿐입니다. dout이 빠졌습니다"),
     (Text("1 is the add node's local derivative; the chain rule multiplies it by something: what "
           "arrives from the right?",
           "1은 덧셈 노드의 국소적 미분입니다. 연쇄법칙은 여기에 무언가를 곱합니다. 오른쪽에서 "
           "무엇이 도착하나요?"),
      Text("each input gets dout times 1: return dout * 1 for x and dout * 1 for y. Here dout is "
           "what the tax node sends back, not 1",
           "각 입력은 dout × 1을 받습니다. x에는 dout * 1, y에는 dout * 1을 반환하세요. 여기서 "
           "dout은 소비세 노드가 돌려보내는 값이지 1이 아닙니다"))),
    (lambda x, y, d: (d / 2, d / 2),
     Text("each input gets half of dout: the add node does not split dout",
          "각 입력이 dout의 절반을 받습니다. 덧셈 노드는 dout을 나누지 않습니다"),
     (Text("raise x alone by a small h: by how much does x + y rise? And if y alone rises by h?",
           "x만 작은 h만큼 올리면 x + y는 얼마나 오르나요? y만 h만큼 올리면요?"),
      Text("each input moves the sum by the whole of its nudge, so each gets the whole dout: "
           "dx = dout * 1, dy = dout * 1",
           "각 입력은 자기가 움직인 만큼 합을 고스란히 움직이므로, 각각 dout 전체를 받습니다: "
           "dx = dout * 1, dy = dout * 1"))),
    (lambda x, y, d: (d * y, d * x),
     Text("each input gets dout times the other input: that is the multiply node's rule",
          "각 입력이 dout × (다른 쪽 입력)을 받습니다. 곱셈 노드의 규칙입니다"),
     (Text("the multiply node swaps because d(xy)/dx = y; what is d(x + y)/dx?",
           "곱셈 노드가 입력을 바꿔 곱하는 것은 d(xy)/dx = y이기 때문입니다. d(x + y)/dx는 "
           "무엇일까요?"),
      Text("d(x + y)/dx = d(x + y)/dy = 1, whatever x and y are: dx = dout * 1, dy = dout * 1",
           "x와 y가 무엇이든 d(x + y)/dx = d(x + y)/dy = 1입니다: dx = dout * 1, dy = dout * 1"))),
]


@exercise("add_layer", parts=("forward", "backward"), hints={
    "forward": (
        Text("forward returns the sum of its two inputs, and keeps nothing: backward needs neither",
             "forward는 두 입력의 합을 반환하고 아무것도 저장하지 않습니다. backward에는 둘 다 "
             "필요 없습니다"),
        Text("return x + y, a new value (x += y would write into the caller's x)",
             "x + y를 반환하세요. 새 값입니다(x += y는 호출한 쪽의 x에 값을 씁니다)")),
    "backward": (
        Text("d(x + y)/dx = d(x + y)/dy = 1: what does each input get when dout arrives?",
             "d(x + y)/dx = d(x + y)/dy = 1입니다. dout이 도착하면 각 입력은 무엇을 받나요?"),
        Text("each input gets dout times its local derivative 1: return the pair "
             "(dout * 1, dout * 1)",
             "각 입력은 dout에 국소적 미분 1을 곱한 값을 받습니다. (dout * 1, dout * 1) 쌍을 "
             "반환하세요")),
})
def check_add_layer(Layer, part) -> None:
    """AddLayer: forward(x, y) -> x + y; backward(dout) -> (dout, dout). Numbers and arrays."""
    a_class(Layer, "AddLayer")
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
        def book_then_arrays():
            dall_price, dtax = mul_tax_layer.backward(1)
            got = _pair(add_apple_orange_layer, dall_price, "add_apple_orange_layer.backward(1.1)")
            _close_named(got, (1.1, 1.1), ("dapple_price", "dorange_price"),
                         tr("add_apple_orange_layer.backward(1.1) (the book's apple and orange "
                            "example)",
                            "add_apple_orange_layer.backward(1.1) (책의 사과와 귤 쇼핑 예)"))
            dapple_price, dorange_price = got
            dorange, dorange_num = mul_orange_layer.backward(dorange_price)
            dapple, dapple_num = mul_apple_layer.backward(dapple_price)
            _close_named([dapple, dapple_num, dorange, dorange_num, dtax],
                         (2.2, 110.0, 3.3, 165.0, 650.0),
                         ("dapple", "dapple_num", "dorange", "dorange_num", "dtax"),
                         tr("the book's apple and orange example", "책의 사과와 귤 쇼핑 예"))
            _grad_checks(Layer)
        _diagnosed(Layer, _ADD_PROBES, _ADD_KINDS, book_then_arrays)


# ----------------------------------------------------------------------- predictions

# No text of a part holds that part's right value: the reveal cell computes them.
_SPLIT = Text("The add node does not split dout between its inputs: each gets all of it.",
              "덧셈 노드는 dout을 입력끼리 나눠 주지 않습니다. 두 입력이 각각 dout을 다 받습니다.")
_NO_TAX = Text("Every path back from the price passes the tax node: what it sends back multiplies "
               "this too.",
               "price에서 거꾸로 가는 경로는 모두 소비세 노드를 지납니다. 거기서 보내는 값이 이 값에도 "
               "곱해집니다.")
_RIGHT_TO_LEFT = Text("Backward values go right to left: start at dprice = 1 and take one node at "
                      "a time.",
                      "역전파 값은 오른쪽에서 왼쪽으로 구합니다. dprice = 1에서 시작해 노드를 하나씩 "
                      "거슬러 가세요.")


# a fruit node's input predicted with its other input's gradient
_APPLE_PRICE_OTHER = Text("Which input did you multiply by? The apple price gets dout times the "
                          "OTHER input of the apple node.",
                          "어느 입력을 곱했나요? 사과 가격은 dout × (사과 노드의 '다른 쪽' "
                          "입력)을 받습니다.")
_APPLE_NUM_OTHER = Text("Which input did you multiply by? The apple count gets dout times the "
                        "OTHER input of the apple node.",
                        "어느 입력을 곱했나요? 사과 개수는 dout × (사과 노드의 '다른 쪽' "
                        "입력)을 받습니다.")
_ORANGE_PRICE_OTHER = Text("Which input did you multiply by? The orange price gets dout times the "
                           "OTHER input of the orange node.",
                           "어느 입력을 곱했나요? 귤 가격은 dout × (귤 노드의 '다른 쪽' "
                           "입력)을 받습니다.")
_ORANGE_NUM_OTHER = Text("Which input did you multiply by? The orange count gets dout times the "
                         "OTHER input of the orange node.",
                         "어느 입력을 곱했나요? 귤 개수는 dout × (귤 노드의 '다른 쪽' "
                         "입력)을 받습니다.")


_TAX_HINTS = (
    Text("start at the right with dprice = 1. The tax node is a × node: what does it send to each "
         "of its inputs?",
         "오른쪽 끝에서 dprice = 1로 시작하세요. 소비세 노드는 × 노드입니다. 두 입력에 각각 "
         "무엇을 보내나요?"),
    Text("a × node sends each input dout times the OTHER input: dall_price = 1 × tax, "
         "dtax = 1 × all_price (the fruit before tax)",
         "× 노드는 각 입력에 dout × ('다른 쪽' 입력)을 보냅니다: dall_price = 1 × tax, "
         "dtax = 1 × all_price(세금 전 과일 값)"))
_ADD_HINTS = (
    Text("what arrives at the add node from the tax node, and what does an add node do with it?",
         "소비세 노드에서 덧셈 노드로 무엇이 도착하나요? 덧셈 노드는 그것을 어떻게 하나요?"),
    Text("the add node passes dall_price on unchanged to each of its inputs: dapple_price = "
         "dorange_price = dall_price, not half each",
         "덧셈 노드는 dall_price를 두 입력에 그대로 넘깁니다: dapple_price = dorange_price = "
         "dall_price이며, 반씩 나누지 않습니다"))


_APPLE_HINTS = (
    Text("the apple node is a × node, and its dout is what the add node sent down the apple "
         "branch: dout times which input?",
         "사과 노드는 × 노드이고, 그 dout은 덧셈 노드가 사과 쪽 경로로 보낸 값입니다. dout에 "
         "어느 입력을 곱하나요?"),
    Text("dapple = dapple_price × apple_num (the OTHER input, the count) and "
         "dapple_num = dapple_price × apple (the price of one apple)",
         "dapple = dapple_price × apple_num('다른 쪽' 입력인 개수), "
         "dapple_num = dapple_price × apple(사과 하나의 가격)"))
_ORANGE_HINTS = (
    Text("the orange node is a × node, and its dout is what the add node sent down the orange "
         "branch: dout times which input?",
         "귤 노드는 × 노드이고, 그 dout은 덧셈 노드가 귤 쪽 경로로 보낸 값입니다. dout에 "
         "어느 입력을 곱하나요?"),
    Text("dorange = dorange_price × orange_num (the OTHER input, the count) and "
         "dorange_num = dorange_price × orange (the price of one orange)",
         "dorange = dorange_price × orange_num('다른 쪽' 입력인 개수), "
         "dorange_num = dorange_price × orange(귤 하나의 가격)"))


_ANSWER = dict(rtol=1e-3, atol=1e-9, nudge=_RIGHT_TO_LEFT)
APPLE_ORANGE = {  # the book's buy_apple_orange.py, from dprice = 1, right to left
    "dall_price": Answer(
        Text("∂price/∂all_price, at the tax node", "소비세 노드의 ∂price/∂all_price"), 1.1,
        mistakes={
            650.0: Text("650 is what the other input, tax, gets: a × node sends each input dout "
                        "times the OTHER input.",
                        "650은 다른 쪽 입력인 tax가 받는 값입니다. × 노드는 각 입력에 dout × "
                        "('다른 쪽' 입력)을 보냅니다."),
            1.0: Text("1 is dprice itself; passing the tax node, it is multiplied by a local "
                      "derivative.",
                      "1은 dprice 자체입니다. 소비세 노드를 지나면서 국소적 미분이 곱해집니다."),
        }, hints=_TAX_HINTS, **_ANSWER),
    "dtax": Answer(
        Text("∂price/∂tax, at the tax node", "소비세 노드의 ∂price/∂tax"), 650.0,
        mistakes={
            1.1: Text("1.1 is what the other input, all_price, gets: the tax input gets dprice "
                      "times the OTHER input.",
                      "1.1은 다른 쪽 입력인 all_price가 받는 값입니다. tax 입력은 dprice × "
                      "('다른 쪽' 입력)을 받습니다."),
            200.0: Text("200 was the apple-only answer; the tax now multiplies apples and oranges.",
                        "200은 사과만 샀을 때의 답입니다. 이제 소비세는 사과와 귤 값을 합친 금액에 "
                        "곱해집니다."),
            715.0: Text("715 is the price itself, not how fast it moves with the tax.",
                        "715는 지불 금액 자체입니다. 구할 것은 소비세에 따라 금액이 변하는 "
                        "정도입니다."),
            1.0: Text("1 is dprice itself; passing the tax node, it is multiplied by a local "
                      "derivative.",
                      "1은 dprice 자체입니다. 소비세 노드를 지나면서 국소적 미분이 곱해집니다."),
        }, hints=_TAX_HINTS, **_ANSWER),
    "dapple_price": Answer(
        Text("∂price/∂apple_price, at the add node", "덧셈 노드의 ∂price/∂apple_price"), 1.1,
        mistakes={0.55: _SPLIT, 1.0: _NO_TAX}, hints=_ADD_HINTS, **_ANSWER),
    "dorange_price": Answer(
        Text("∂price/∂orange_price, at the add node", "덧셈 노드의 ∂price/∂orange_price"), 1.1,
        mistakes={0.55: _SPLIT, 1.0: _NO_TAX}, hints=_ADD_HINTS, **_ANSWER),
    "dapple": Answer(
        Text("∂price/∂apple, the price of one apple", "사과 하나의 가격에 대한 ∂price/∂apple"), 2.2,
        mistakes={110.0: _APPLE_PRICE_OTHER, 2.0: _NO_TAX},
        hints=_APPLE_HINTS, **_ANSWER),
    "dapple_num": Answer(
        Text("∂price/∂apple_num, the number of apples", "사과 개수에 대한 ∂price/∂apple_num"),
        110.0,
        mistakes={2.2: _APPLE_NUM_OTHER, 100.0: _NO_TAX},
        hints=_APPLE_HINTS, **_ANSWER),
    "dorange": Answer(
        Text("∂price/∂orange, the price of one orange", "귤 하나의 가격에 대한 ∂price/∂orange"),
        3.3,
        mistakes={165.0: _ORANGE_PRICE_OTHER, 3.0: _NO_TAX},
        hints=_ORANGE_HINTS, **_ANSWER),
    "dorange_num": Answer(
        Text("∂price/∂orange_num, the number of oranges", "귤 개수에 대한 ∂price/∂orange_num"),
        165.0,
        mistakes={3.3: _ORANGE_NUM_OTHER, 150.0: _NO_TAX},
        hints=_ORANGE_HINTS, **_ANSWER),
}

prediction("apple_orange_gradients", APPLE_ORANGE, hints=(
    Text("start at the right with dprice = 1 and go left one node at a time: a multiply node sends "
         "each input dout times the OTHER input; an add node sends dout unchanged to both inputs",
         "오른쪽 끝에서 dprice = 1로 시작해 노드를 하나씩 왼쪽으로 거슬러 가세요. 곱셈 노드는 각 "
         "입력에 dout × ('다른 쪽' 입력)을 보내고, 덧셈 노드는 dout을 그대로 두 입력에 보냅니다"),
    Text("the tax node first, then the add node, then each fruit node: each one's dout is what the "
         "node to its right sent",
         "소비세 노드, 덧셈 노드, 그다음 과일 노드 순서입니다. 각 노드의 dout은 오른쪽 노드가 "
         "보낸 값입니다")))


COUPON = {  # (200 + 450 - 100) * 1.1, and d price / d coupon
    "price": Answer(
        Text("the price with a 100 won coupon taken off before tax",
             "세금을 붙이기 전에 100원 쿠폰을 뺀 지불 금액"), 605.0, rtol=1e-3, atol=1e-9,
        mistakes={
            615.0: Text("615 takes the coupon off after tax; here it comes off before tax, so the "
                        "tax applies to what is left.",
                        "615는 쿠폰을 세금을 붙인 뒤에 뺀 값입니다. 여기서는 세금을 붙이기 전에 "
                        "빼므로, 남은 금액에 소비세가 붙습니다."),
            715.0: Text("715 is the price without the coupon.",
                        "715는 쿠폰이 없을 때의 지불 금액입니다."),
            550.0: Text("550 is the bill before tax: the tax node still multiplies it.",
                        "550은 세금 전 금액입니다. 소비세 노드가 여기에 한 번 더 곱합니다."),
        },
        nudge=Text("The price is a forward value: compute it left to right, the fruit, minus the "
                   "coupon, then the tax node.",
                   "지불 금액은 순전파 값입니다. 왼쪽에서 오른쪽으로, 과일 값에서 쿠폰을 빼고 "
                   "소비세 노드를 거쳐 계산하세요."),
        hints=(Text("the price is a forward value: go left to right through the graph, where the "
                    "minus node comes before the tax node",
                    "지불 금액은 순전파 값입니다. 그래프를 왼쪽에서 오른쪽으로 따라가세요. 뺄셈 "
                    "노드가 소비세 노드보다 앞에 있습니다"),
               Text("the bill before tax is all_price − coupon (650 − 100 won); the tax node then "
                    "multiplies it by tax",
                    "세금 전 금액은 all_price − coupon(650 − 100원)이고, 소비세 노드가 여기에 "
                    "tax를 곱합니다"))),
    "dcoupon": Answer(
        Text("∂price/∂coupon", "쿠폰에 대한 지불 금액의 미분 ∂price/∂coupon"), -1.1,
        rtol=1e-3, atol=1e-9,
        mistakes={
            1.1: Text("Check the sign: a bigger coupon makes the price smaller.",
                      "부호를 확인하세요. 쿠폰이 클수록 지불 금액은 작아집니다."),
            -1.0: _NO_TAX,
            1.0: Text("Two things: the sign (a bigger coupon lowers the price) and the tax node on "
                      "the way back.",
                      "두 가지를 확인하세요. 부호(쿠폰이 클수록 금액이 내려갑니다), 그리고 거꾸로 "
                      "오는 길에 지나는 소비세 노드입니다."),
            0.0: Text("0 would mean the coupon does not change the price at all.",
                      "0이라면 쿠폰이 지불 금액을 전혀 바꾸지 않는다는 뜻입니다."),
        },
        nudge=Text("Raise the coupon by one won: which way does the price move, and by how much?",
                   "쿠폰 금액을 1원 늘리면 지불 금액은 어느 쪽으로, 얼마나 움직이나요?"),
        hints=(Text("raise the coupon by one won: by how much does the bill before tax change, and "
                    "what does the tax node do to that change?",
                    "쿠폰 금액을 1원 늘리면 세금 전 금액은 얼마나 변하나요? 소비세 노드는 그 "
                    "변화에 무엇을 하나요?"),
               Text("backwards from dprice = 1, the tax node sends dprice × tax to the bill before "
                    "tax; a won more coupon is a won less bill, so the coupon gets that value with "
                    "its sign flipped",
                    "dprice = 1에서 거꾸로 가면, 소비세 노드는 세금 전 금액에 dprice × tax를 "
                    "보냅니다. 쿠폰이 1원 늘면 세금 전 금액은 1원 줄어들므로, 쿠폰은 그 값의 "
                    "부호를 뒤집은 값을 받습니다"))),
}

prediction("shopping_coupon", COUPON, hints=(
    Text("the price is (all_price − coupon) × tax: forward left to right, backward right to left",
         "지불 금액은 (all_price − coupon) × tax입니다. 순전파는 왼쪽에서 오른쪽으로, 역전파는 "
         "오른쪽에서 왼쪽으로 계산합니다"),
    Text("dcoupon is the price's change for one won more coupon: the tax node's factor, and the "
         "sign of the minus node",
         "dcoupon은 쿠폰이 1원 늘 때 지불 금액이 변하는 양입니다. 소비세 노드의 인수와 뺄셈 "
         "노드의 부호를 생각하세요")))


# ----------------------------------------------------------------------- SubLayer (extra)

_SUB_PROBES = [(650.0, 100.0, 1.1), (3.0, -2.0, 0.5), (-1.5, 4.0, -3.0)]
_SUB_KINDS = [
    (lambda x, y, d: (d, d),
     Text("your dy is +dout, as in the add layer: y is subtracted",
          "여러분의 dy는 덧셈 계층처럼 +dout입니다. 그런데 y는 빼는 값입니다"),
     (Text("raise y alone by a small h: does x - y go up or down?",
           "y만 작은 h만큼 올려 보세요. x - y는 올라가나요, 내려가나요?"),
      Text("d(x - y)/dy = -1: dy = dout * -1, while dx = dout * 1",
           "d(x - y)/dy = -1입니다: dy = dout * -1이고, dx = dout * 1입니다"))),
    (lambda x, y, d: (1.0, -1.0),
     Text("your dx and dy are the local derivatives alone: dout is left out",
          "여러분의 dx와 dy는 국소적 미분뿐입니다. dout이 빠졌습니다"),
     (Text("right signs; now where is dout? A node's backward multiplies the arriving dout by "
           "each local derivative",
           "부호는 맞습니다. 그런데 dout은 어디에 있나요? 노드의 backward는 도착한 dout에 각 "
           "국소적 미분을 곱합니다"),
      Text("return the pair (dout * 1, dout * -1): the coupon's dout is what the tax node sends "
           "back, not 1",
           "(dout * 1, dout * -1) 쌍을 반환하세요. 쿠폰 노드의 dout은 소비세 노드가 돌려보내는 "
           "값이지 1이 아닙니다"))),
    (lambda x, y, d: (-d, d),
     Text("your signs are swapped: dx has the minus, dy the plus",
          "부호가 서로 바뀌었습니다. dx에 마이너스, dy에 플러스가 붙었습니다"),
     (Text("which input is subtracted? Raise x by h, then y by h: which way does x - y move each "
           "time?",
           "어느 입력을 빼나요? x를 h만큼, 그다음 y를 h만큼 올려 보세요. x - y는 각각 어느 쪽으로 "
           "움직이나요?"),
      Text("x is added and y subtracted: dx = dout * 1, dy = dout * -1",
           "x는 더하고 y는 뺍니다: dx = dout * 1, dy = dout * -1"))),
    (lambda x, y, d: (-d, -d),
     Text("your dx has a minus sign too: only y is subtracted",
          "dx에도 마이너스 부호가 붙었습니다. 빼는 것은 y뿐입니다"),
     (Text("raise x alone by a small h: does x - y go up or down?",
           "x만 작은 h만큼 올려 보세요. x - y는 올라가나요, 내려가나요?"),
      Text("d(x - y)/dx = +1: dx = dout * 1; only dy gets the minus sign",
           "d(x - y)/dx = +1입니다: dx = dout * 1이고, 마이너스 부호는 dy에만 붙습니다"))),
    (lambda x, y, d: (1.0, 1.0),
     Text("your dx and dy are both 1: an add node's local derivatives, and dout is left out",
          "여러분의 dx와 dy는 둘 다 1입니다. 덧셈 노드의 국소적 미분이고, dout도 빠졌습니다"),
     (Text("two things: the local derivatives of x - y (raise y by h: which way does x - y move?) "
           "and where dout goes",
           "두 가지를 확인하세요. x - y의 국소적 미분(y를 h만큼 올리면 x - y는 어느 쪽으로 "
           "움직이나요?), 그리고 dout이 들어갈 자리입니다"),
      Text("d(x - y)/dx = 1, d(x - y)/dy = -1, each times dout: return (dout * 1, dout * -1)",
           "d(x - y)/dx = 1, d(x - y)/dy = -1에 각각 dout을 곱합니다: (dout * 1, dout * -1)을 "
           "반환하세요"))),
]


@exercise("sub_layer", parts=("forward", "backward"), hints={
    "forward": (
        Text("the coupon node computes the bill before tax: which input is taken away from which?",
             "쿠폰 노드는 세금 전 금액을 계산합니다. 어느 입력에서 어느 입력을 빼나요?"),
        Text("return x - y, a new value (x -= y would write into the caller's x); like the add "
             "layer it keeps nothing, since x - y's local derivatives do not depend on x or y",
             "x - y를 반환하세요. 새 값입니다(x -= y는 호출한 쪽의 x에 값을 씁니다). 덧셈 계층처럼 "
             "저장할 것이 없습니다. x - y의 국소적 미분은 x나 y에 따라 달라지지 않기 때문입니다")),
    "backward": (
        Text("raise x by a small h, then y by a small h: how does x - y move each time? Those are "
             "its local derivatives",
             "x를 작은 h만큼, 그다음 y를 작은 h만큼 올려 보세요. x - y는 각각 어떻게 움직이나요? "
             "그것이 국소적 미분입니다"),
        Text("d(x - y)/dx = 1 and d(x - y)/dy = -1: return the pair (dout * 1, dout * -1), two "
             "new values",
             "d(x - y)/dx = 1, d(x - y)/dy = -1입니다. 새 값 두 개의 쌍 (dout * 1, dout * -1)을 "
             "반환하세요")),
})
def check_sub_layer(Layer, part) -> None:
    """SubLayer: forward(x, y) -> x - y; backward(dout) -> (dout, -dout). Numbers and arrays."""
    a_class(Layer, "SubLayer")
    with part("forward"):
        sub_coupon_layer = Layer()
        bill = sub_coupon_layer.forward(650, 100)  # all_price minus a 100 won coupon
        close(bill, 550.0, tr("sub_coupon_layer.forward(650, 100) (650 won of fruit, a 100 won "
                              "coupon)",
                              "sub_coupon_layer.forward(650, 100) (과일 650원, 쿠폰 100원)"))
        _forward_arrays(Layer, np.subtract, "forward(x, y)")
    with part("backward"):
        def book_then_arrays():
            got = _pair(sub_coupon_layer, 1.1, "sub_coupon_layer.backward(1.1)")
            _close_named(got, (1.1, -1.1), ("dall_price", "dcoupon"),
                         tr("sub_coupon_layer.backward(1.1) (the tax node sends back 1.1)",
                            "sub_coupon_layer.backward(1.1) (소비세 노드가 돌려보내는 1.1)"))
            _grad_checks(Layer)
        _diagnosed(Layer, _SUB_PROBES, _SUB_KINDS, book_then_arrays)
