"""Checks for the exercises of notebook 03 (the ReLU and Sigmoid layers, book 5.5).

relu_layer                 the book's Relu (5.5.1): self.mask, forward(x), backward(dout)
sigmoid_local_derivatives  predict the gradient on each edge of the sigmoid's graph (그림 5-19, 5-20)
sigmoid_layer              the book's Sigmoid (5.5.2): self.out, backward from y alone (그림 5-22)
sigmoid_find_the_bug       a Sigmoid whose backward is the book's line, yet wrong: where, and the fix
tanh_layer                 an extra: Tanh, like Sigmoid, needs only its output in backward

Every layer check runs the notebook's own example, then seeded random shapes against a
numerical gradient (the series' rule, notebook 05), and looks at the caller's arrays afterwards.
Hints follow the kind of mistake: a mask that is off at x = 0 gets a hint about the mask, a write
into the caller's array one about new arrays (Pitfall 2), a float64 result one about dtypes.
"""

from __future__ import annotations

from contextlib import contextmanager

import numpy as np

from ...language import Text, tr
from . import FormatSlip, Wrong, exercise
from ._assert import a_class, close, numerically, sequence, show, unchanged
from .predict import Answer, judge, prediction

# ---------------------------------------------------------------- shared by the layer checks


@contextmanager
def _hinted(hint: tuple):
    """A Wrong raised inside, without hints of its own, gets `hint` (the mistake's pair)."""
    try:
        yield
    except FormatSlip:
        raise
    except Wrong as e:
        if e.hint is None:
            e.hint = hint
        raise


_IN_PLACE_FIRST = Text(
    "your code wrote into an array it was given. The caller may still hold that array, and then "
    "its values change under it: the notebook's \"Pitfall 2\" shows a gradient going wrong that "
    "way. Which line writes into it (=, +=, *= on an index, or a method that works in place)?",
    "여러분의 코드가 넘겨받은 배열에 직접 썼습니다. 호출한 쪽이 그 배열을 아직 쓰고 있으면 값이 "
    "모르는 사이에 바뀝니다. 노트북의 \"함정 2\"에서 기울기가 그렇게 틀어지는 것을 봅니다. 어느 "
    "줄이 그 배열에 쓰나요(인덱스에 =, +=, *=, 또는 제자리에서 바꾸는 메서드)?")

RELU_IN_PLACE_HINTS = (_IN_PLACE_FIRST, Text(
    "build a new array and write only into it: dx = dout.copy() and then dx[self.mask] = 0, or "
    "np.where(self.mask, 0, dout), which is new already; in forward likewise, a copy of x or "
    "np.maximum(x, 0)",
    "새 배열을 만들고 그 배열에만 쓰세요. dx = dout.copy() 다음 dx[self.mask] = 0, 또는 처음부터 "
    "새 배열인 np.where(self.mask, 0, dout)입니다. forward도 같습니다: x의 복사본, 또는 "
    "np.maximum(x, 0)"))

OUT_IN_PLACE_HINTS = (_IN_PLACE_FIRST, Text(
    "write the result as one expression of x (forward) or of dout and self.out (backward): "
    "a * b, 1.0 - y, np.exp(-x) each make a new array, while x[...] = , dout *= and "
    "self.out *= write into one that others hold",
    "결과를 x(forward) 또는 dout과 self.out(backward)의 식 하나로 쓰세요. a * b, 1.0 - y, "
    "np.exp(-x)는 각각 새 배열을 만들지만, x[...] = , dout *=, self.out *=는 다른 곳에서도 쓰는 "
    "배열에 씁니다"))

_DTYPE_FIRST = Text("print the dtype of each array in your expression: which one is not float32?",
                    "식에 들어간 배열마다 dtype을 출력해 보세요. 어느 것이 float32가 아닌가요?")

RELU_DTYPE_HINTS = (_DTYPE_FIRST, Text(
    "NumPy gives float64 when float32 meets an int64 or float64 array: 1 - self.mask is int64 "
    "(True counts as 1), .astype(float) is float64. A bool array keeps float32 (dout * "
    "~self.mask), and so do np.where(self.mask, 0, dout) and np.maximum(x, 0)",
    "넘파이는 float32가 int64나 float64 배열과 만나면 float64를 냅니다. 1 - self.mask는 int64이고"
    "(True를 1로 셉니다), .astype(float)는 float64입니다. bool 배열은 float32를 유지하고"
    "(dout * ~self.mask), np.where(self.mask, 0, dout)와 np.maximum(x, 0)도 그렇습니다"))

OUT_DTYPE_HINTS = (_DTYPE_FIRST, Text(
    "NumPy gives float64 when float32 meets a float64 array, such as one made by .astype(float) "
    "or np.array(..., dtype=float); np.exp, np.tanh and plain Python numbers such as 1.0 keep "
    "float32",
    "넘파이는 float32가 float64 배열과 만나면 float64를 냅니다. .astype(float)나 "
    "np.array(..., dtype=float)로 만든 배열이 그렇습니다. np.exp, np.tanh, 1.0 같은 파이썬 "
    "숫자는 float32를 유지합니다"))

_RELU_DTYPE_HOW = Text(" NumPy makes float32 into float64 when an int64 or float64 array takes "
                       "part: 1 - self.mask, for one, is an int64 array (True counts as 1), and "
                       "float32 times int64 is float64.",
                       " 넘파이는 int64나 float64 배열이 계산에 끼면 float32를 float64로 바꿉니다. "
                       "예를 들어 1 - self.mask는 int64 배열이고(True를 1로 셉니다), float32 곱하기 "
                       "int64는 float64입니다.")
_OUT_DTYPE_HOW = Text(" NumPy makes float32 into float64 when a float64 array takes part, such as "
                      "one made by .astype(float) or np.array(..., dtype=float).",
                      " 넘파이는 float64 배열이 계산에 끼면 float32를 float64로 바꿉니다. "
                      ".astype(float)나 np.array(..., dtype=float)로 만든 배열이 그렇습니다.")


def _keeps_float32(got, want, what: str, relu: bool = False) -> None:
    """A float32 input gives the right values (at float32 precision) as float32, with the reason
    the dtype matters here."""
    close(got, want, tr(f"{what} on float32 input", f"float32 입력으로 {what}"))
    got_dtype = np.asarray(got).dtype
    if got_dtype == np.float32:
        return
    how = str(_RELU_DTYPE_HOW if relu else _OUT_DTYPE_HOW) if got_dtype == np.float64 else ""
    raise Wrong(tr(f"{what}: given float32 input, returned {got_dtype}. The values are fine; the "
                   "dtype matters because notebooks 06 and 07 train in float32, and a float64 result "
                   "here would make every layer after this one compute in float64, with twice the "
                   f"memory.{how}",
                   f"{what}: float32 입력에 {got_dtype}를 돌려주었습니다. 값은 맞습니다. dtype이 "
                   "중요한 것은 노트북 06과 07이 float32로 학습하기 때문입니다. 여기서 float64가 나오면 "
                   f"이 뒤의 모든 계층이 메모리를 두 배로 쓰는 float64로 계산하게 됩니다.{how}"),
                hint=RELU_DTYPE_HINTS if relu else OUT_DTYPE_HINTS)


# ---------------------------------------------------------------- relu_layer

RELU_X = np.array([[1.0, -0.5], [-2.0, 3.0]])  # the notebook's 2x2 input (book 5.5.1)
RELU_DOUT = np.array([[-0.1, 4.0], [1.3, -1.1]])  # not all ones: each entry must be passed or cut
RELU_AT_ZERO = (np.array([-1.5, 0.0, 2.0]), np.array([0.3, -0.7, 1.2]))  # 식 5.8: x <= 0 is off
SHAPES = [(5,), (3, 4), (2, 3, 4)]

MASK_HINTS = (
    Text("forward leaves self.mask behind for backward: which switches does it mark, the ones "
         "that are on or the ones that are off, and does each forward keep its own?",
         "forward는 backward가 쓸 self.mask를 남깁니다. 마스크가 표시하는 것은 켜진 스위치인가요, "
         "꺼진 스위치인가요? 그리고 forward를 부를 때마다 새로 저장하나요?"),
    Text("in every forward, self.mask = (x <= 0): True where the switch is off, an array of "
         "True/False of x's shape",
         "forward를 부를 때마다 self.mask = (x <= 0)로 저장합니다. 스위치가 꺼진 곳이 True인, "
         "x와 형상이 같은 True/False 배열입니다"))

MASK_AT_ZERO_HINTS = (
    Text("look at the entry where x is exactly 0: is that switch on or off? 식 5.8 puts x = 0 on "
         "one side; which comparison puts it there?",
         "x가 정확히 0인 원소를 보세요. 그 스위치는 켜져 있나요, 꺼져 있나요? 식 5.8은 x = 0을 한쪽에 "
         "넣습니다. 어떤 비교를 써야 그쪽에 들어갈까요?"),
    Text("at x = 0 the switch is off (식 5.8: 0 for x <= 0), so the mask is x <= 0, with <=, not "
         "x < 0: that entry's output and gradient are 0",
         "x = 0이면 스위치는 꺼져 있습니다(식 5.8: x <= 0이면 0). 그래서 마스크는 x < 0이 아니라 "
         "<=를 쓴 x <= 0이고, 그 원소의 출력과 기울기는 0입니다"))

RELU_HINTS = {
    "forward": (
        Text("what is y where x > 0, and where x <= 0? forward returns that, as a new array, and "
             "keeps in self.mask which switches are off",
             "x > 0인 곳과 x <= 0인 곳에서 y는 각각 무엇인가요? forward는 그것을 새 배열로 돌려주고, "
             "어느 스위치가 꺼졌는지 self.mask에 저장합니다"),
        Text("self.mask = (x <= 0), then return a copy of x with the masked entries set to 0 (or "
             "np.maximum(x, 0), entry by entry the larger of x and 0); never write into x",
             "self.mask = (x <= 0)로 저장한 다음, x의 복사본에서 마스크된 원소를 0으로 바꿔 돌려줍니다"
             "(또는 원소마다 x와 0 중 큰 값인 np.maximum(x, 0)). x에는 쓰지 마세요")),
    "backward": (
        Text("ReLU's local derivative is 1 where the switch was on and 0 where it was off: each "
             "entry of dout passes unchanged or becomes 0. Which array, kept by forward, tells which?",
             "ReLU의 국소적 미분은 스위치가 켜져 있던 곳에서 1, 꺼져 있던 곳에서 0입니다. dout의 각 "
             "원소는 그대로 통과하거나 0이 됩니다. forward가 저장한 어느 배열이 그것을 알려 주나요?"),
        Text("return a new array, dout where self.mask is False and 0 where it is True: "
             "np.where(self.mask, 0, dout), or dx = dout.copy() and then dx[self.mask] = 0",
             "self.mask가 False인 곳은 dout, True인 곳은 0인 새 배열을 돌려주세요. "
             "np.where(self.mask, 0, dout), 또는 dx = dout.copy() 다음 dx[self.mask] = 0입니다")),
}


def _away_from_kink(rng, shape):
    """Random inputs at least 0.1 from ReLU's kink at 0, where a numerical gradient is unreliable."""
    sign = np.where(rng.random(shape) < 0.5, -1.0, 1.0)
    return sign * rng.uniform(0.1, 2.0, shape)


def _mask_as_expected(layer, x, what):
    mask = getattr(layer, "mask", None)
    if mask is None:
        raise Wrong(tr(f"after {what}, self.mask is still None: forward should keep the mask "
                       "(True where x <= 0) for backward",
                       f"{what} 뒤에도 self.mask가 None입니다. backward가 쓸 수 있도록 forward에서 "
                       "마스크(x <= 0인 곳이 True)를 저장해 두세요"), hint=MASK_HINTS)
    try:
        mask = np.asarray(mask, dtype=bool)
    except (TypeError, ValueError):
        raise Wrong(tr(f"after {what}, self.mask should be an array of True/False, "
                       f"got {type(layer.mask).__name__}",
                       f"{what} 뒤의 self.mask는 True/False 배열이어야 하는데 "
                       f"{type(layer.mask).__name__}입니다"), hint=MASK_HINTS) from None
    want = x <= 0
    if mask.shape == want.shape and np.array_equal(mask, want):
        return
    # off only where x == 0: the switch at the kink (x < 0 for x <= 0)
    at_zero = mask.shape == want.shape and np.array_equal(mask[x != 0], want[x != 0])
    raise Wrong(tr(f"after {what}, self.mask should be True where x <= 0 (the switches that are "
                   f"off), {show(want)}; yours is {show(mask)}",
                   f"{what} 뒤의 self.mask는 x <= 0인 곳(꺼진 스위치)이 True인 {show(want)}이어야 "
                   f"하는데, 여러분의 마스크는 {show(mask)}입니다"),
                hint=MASK_AT_ZERO_HINTS if at_zero else MASK_HINTS)


@exercise("relu_layer", parts=("forward", "backward"), hints=RELU_HINTS)
def check_relu_layer(Relu, part) -> None:
    """The book's Relu (5.5.1) that leaves x and dout as they were and keeps float32."""
    Relu = a_class(Relu, "Relu")
    at_zero = tr("(at x = 0 the switch is off: 식 5.8 takes x <= 0)",
                 "(x = 0이면 스위치가 꺼져 있습니다: 식 5.8의 조건은 x <= 0)")
    with part("forward"):
        layer, x = Relu(), RELU_X.copy()
        close(layer.forward(x), [[1.0, 0.0], [0.0, 3.0]], "forward(x), x = [[1, -0.5], [-2, 3]]")
        with _hinted(RELU_IN_PLACE_HINTS):
            unchanged(x, RELU_X, "x")
        _mask_as_expected(layer, RELU_X, "forward(x)")
        layer0, x0 = Relu(), RELU_AT_ZERO[0].copy()
        with _hinted(MASK_AT_ZERO_HINTS):
            close(layer0.forward(x0), [0.0, 0.0, 2.0], f"forward(x), x = [-1.5, 0, 2] {at_zero}")
        _mask_as_expected(layer0, RELU_AT_ZERO[0], f"forward(x), x = [-1.5, 0, 2] {at_zero}")
        _keeps_float32(Relu().forward(RELU_X.astype(np.float32)), [[1.0, 0.0], [0.0, 3.0]], "forward(x)",
                       relu=True)
        rng = np.random.default_rng(3)
        for shape in SHAPES:
            x = rng.standard_normal(shape)
            what = tr(f"forward(x) on a random x of shape {shape}",
                      f"형상 {shape}의 무작위 x로 forward(x)")
            close(layer.forward(x), np.maximum(x, 0), what)
            _mask_as_expected(layer, x, what)
    with part("backward"):
        layer = Relu()
        layer.forward(RELU_X.copy())
        dout = RELU_DOUT.copy()
        dx = layer.backward(dout)
        close(dx, [[-0.1, 0.0], [0.0, -1.1]],
              tr("backward(dout), dout = [[-0.1, 4], [1.3, -1.1]], after forward(x), x = [[1, -0.5], [-2, 3]]",
                 "forward(x), x = [[1, -0.5], [-2, 3]] 다음 backward(dout), dout = [[-0.1, 4], [1.3, -1.1]]"))
        with _hinted(RELU_IN_PLACE_HINTS):
            unchanged(dout, RELU_DOUT, "dout")  # the book's Relu writes dout[self.mask] = 0: Pitfall 2
        x0, dout0 = (a.copy() for a in RELU_AT_ZERO)
        layer.forward(x0)
        with _hinted(MASK_AT_ZERO_HINTS):
            close(layer.backward(dout0), [0.0, 0.0, 1.2],
                  tr(f"backward(dout), dout = [0.3, -0.7, 1.2], after forward(x), x = [-1.5, 0, 2] "
                     f"{at_zero}",
                     f"forward(x), x = [-1.5, 0, 2] 다음 backward(dout), dout = [0.3, -0.7, 1.2] "
                     f"{at_zero}"))
        layer.forward(RELU_X.astype(np.float32))
        _keeps_float32(layer.backward(RELU_DOUT.astype(np.float32)), [[-0.1, 0.0], [0.0, -1.1]],
                       "backward(dout)", relu=True)
        rng = np.random.default_rng(4)
        for shape in SHAPES:
            x, dout = _away_from_kink(rng, shape), rng.standard_normal(shape)
            x_before, dout_before = x.copy(), dout.copy()
            layer.forward(x)
            dx = layer.backward(dout)
            numerically(lambda v: float(np.sum(np.maximum(v, 0) * dout_before)), x_before, dx,
                        tr(f"backward(dout) on a random x and dout of shape {shape}",
                           f"형상 {shape}의 무작위 x와 dout으로 backward(dout)"))
            with _hinted(RELU_IN_PLACE_HINTS):
                unchanged(x, x_before, "x")
                unchanged(dout, dout_before, "dout")


# ---------------------------------------------------------------- sigmoid_local_derivatives

SIG_X, SIG_DOUT = 0.991, 1.3  # the notebook's example: dout = dL/dy arrives from the right
EDGES = ("dc", "db", "da", "dx")


def _sigmoid_steps(x, dout) -> dict:
    a = -x
    b = np.exp(a)
    c = 1 + b
    y = 1 / c
    dc = dout * (-1 / c ** 2)
    db = dc * 1
    da = db * b
    return dict(a=a, b=b, c=c, y=y, dc=dc, db=db, da=da, dx=da * -1)


_S = _sigmoid_steps(SIG_X, SIG_DOUT)
# The right values to 4 significant digits; 3 are enough (rtol 1e-3 plus atol 1e-4, as before).
_SIG = dict(rtol=1e-3, atol=1e-4)


def _as_written(mistakes: dict) -> dict:
    """{wrong value: Text} keyed as a learner writes the value: to 3 significant digits, and to 4
    as well where the exact value lies outside the tolerance around 3 (-1.8626: -1.86 and -1.863).
    None is within the tolerance of a right value or of another mistake of its part (tested)."""
    keyed = {}
    for value, why in mistakes.items():
        value = float(value)
        three = float(f"{value:.3g}")
        keyed[three] = why
        if not np.isclose(value, three, rtol=_SIG["rtol"], atol=_SIG["atol"]):
            keyed[float(f"{value:.4g}")] = why
    return keyed

sigmoid_answers = {
    "dc": Answer(
        Text("dL/dc, the gradient that the / node, y = 1/c, passes left",
             "/ 노드(y = 1/c)가 왼쪽으로 전달하는 기울기 dL/dc"),
        round(float(_S["dc"]), 4), **_SIG,
        mistakes=_as_written({
            -_S["dc"]: Text("Look at the sign: when c grows, does y = 1/c go up or down?",
                        "부호를 보세요. c가 커지면 y = 1/c는 커지나요, 작아지나요?"),
            float(-1 / _S["c"] ** 2): Text(
                "That is d(1/c)/dc alone, the / node's local derivative. The gradient on its left "
                "edge is what arrives from the right times it: what arrives there?",
                "그것은 / 노드의 국소적 미분 d(1/c)/dc만 구한 값입니다. 왼쪽 에지의 기울기는 "
                "오른쪽에서 도착한 값에 그것을 곱한 것입니다. 오른쪽에서는 무엇이 도착하나요?"),
            float(-SIG_DOUT / _S["c"]): Text(
                "That multiplies dout by -1/c. Differentiate 1/c = c**-1 once more: which power "
                "of c comes out?",
                "dout에 -1/c를 곱한 값입니다. 1/c = c**-1을 다시 미분해 보세요. c의 몇 제곱이 "
                "나오나요?"),
            SIG_DOUT: Text("1.3 is dout, what arrives at the / node from the right; dc is what "
                           "the / node passes on, after its local derivative.",
                           "1.3은 오른쪽에서 / 노드에 도착하는 dout입니다. dc는 / 노드가 자신의 "
                           "국소적 미분을 곱한 뒤 전달하는 값입니다."),
        }),
        nudge=Text("dc = dout × d(1/c)/dc, taken at c = 1.3712: what is the derivative of 1/c?",
                   "dc = dout × d(1/c)/dc이고, c = 1.3712에서 구합니다. 1/c의 미분은 무엇인가요?"),
        hints=(Text("step 1 of the backward pass: dc is dout times the / node's local derivative. "
                    "Differentiate y = 1/c with respect to c, then put in c = 1.3712 and dout = 1.3",
                    "역전파의 1단계: dc는 dout에 / 노드의 국소적 미분을 곱한 값입니다. y = 1/c를 c로 미분한 "
                    "다음 c = 1.3712와 dout = 1.3을 넣으세요"),
               Text("d(1/c)/dc = -1/c**2, which is also -y**2: dc = dout * (-1 / c**2), with "
                    "dout = 1.3",
                    "d(1/c)/dc = -1/c**2이고, 이것은 -y**2와 같습니다. dc = dout * (-1 / c**2), "
                    "dout = 1.3입니다"))),
    "db": Answer(
        Text("dL/db, the gradient that the + node, c = 1 + b, passes left",
             "+ 노드(c = 1 + b)가 왼쪽으로 전달하는 기울기 dL/db"),
        round(float(_S["db"]), 4), **_SIG,
        mistakes=_as_written({
            -_S["dc"]: Text("Look at the sign: the + node's local derivative is positive, so it "
                        "keeps the sign of what arrives. What sign did dc have?",
                        "부호를 보세요. + 노드의 국소적 미분은 양수이므로 도착한 값의 부호를 그대로 "
                        "둡니다. dc의 부호는 무엇이었나요?"),
            float(_S["dc"] + 1): Text(
                "That adds 1 to dc. Going forward the + node adds 1; going backward it multiplies "
                "by its local derivative: how far does c = 1 + b move when b moves by h?",
                "dc에 1을 더한 값입니다. 순전파에서 + 노드는 1을 더하지만, 역전파에서는 자신의 "
                "국소적 미분을 곱합니다. b가 h만큼 움직이면 c = 1 + b는 얼마나 움직이나요?"),
            float(_S["da"]): Text(
                "That multiplies dc by b = 0.3712, the exp node's local derivative, one node too "
                "far left. What is the local derivative of c = 1 + b with respect to b?",
                "dc에 exp 노드의 국소적 미분인 b = 0.3712를 곱한 값으로, 한 노드 더 왼쪽의 "
                "계산입니다. c = 1 + b를 b로 미분한 국소적 미분은 무엇인가요?"),
            SIG_DOUT: Text("1.3 is dout, what arrives at the / node. The + node gets what the / "
                           "node passes on, and passes it on times its own local derivative.",
                           "1.3은 / 노드에 도착하는 dout입니다. + 노드는 / 노드가 전달한 값을 받아 "
                           "자신의 국소적 미분을 곱해 전달합니다."),
        }),
        nudge=Text("db = dc × d(1 + b)/db: how far does c move when b moves by a small h?",
                   "db = dc × d(1 + b)/db입니다. b가 작은 h만큼 움직이면 c는 얼마나 움직이나요?"),
        hints=(Text("the + node c = 1 + b: if b grows by a small h, how much does c grow? That "
                    "ratio is its local derivative, and db is dc times it",
                    "+ 노드 c = 1 + b: b가 작은 h만큼 커지면 c는 얼마나 커지나요? 그 비율이 국소적 "
                    "미분이고, db는 dc에 그것을 곱한 값입니다"),
               Text("d(1 + b)/db = 1, so the + node passes dc on unchanged: db = dc * 1",
                    "d(1 + b)/db = 1이므로 + 노드는 dc를 그대로 전달합니다: db = dc * 1"))),
    "da": Answer(
        Text("dL/da, the gradient that the exp node, b = exp(a), passes left",
             "exp 노드(b = exp(a))가 왼쪽으로 전달하는 기울기 dL/da"),
        round(float(_S["da"]), 4), **_SIG,
        mistakes=_as_written({
            -_S["da"]: Text("Look at the sign: exp(a) is positive for every a, so the exp node never "
                        "flips a sign. What sign did db have?",
                        "부호를 보세요. exp(a)는 어떤 a에서든 양수이므로 exp 노드는 부호를 뒤집지 "
                        "않습니다. db의 부호는 무엇이었나요?"),
            float(_S["db"] * np.exp(SIG_X)): Text(
                f"That multiplies db by exp(x) = exp({SIG_X}) (which is also dividing by b). The "
                "exp node's input is a = -x: its local derivative is taken at a.",
                f"db에 exp(x) = exp({SIG_X})를 곱한 값입니다(b로 나눈 것과 같습니다). exp 노드의 "
                "입력은 a = -x이므로 국소적 미분은 a에서 구합니다."),
            float(_S["db"] * _S["a"]): Text(
                "That multiplies db by a itself. The exp node's local derivative is d exp(a)/da, "
                "not a.",
                "db에 a 자체를 곱한 값입니다. exp 노드의 국소적 미분은 a가 아니라 d exp(a)/da입니다."),
        }),
        nudge=Text("da = db × d exp(a)/da, taken at the exp node's input a = -0.991.",
                   "da = db × d exp(a)/da이고, exp 노드의 입력 a = -0.991에서 구합니다."),
        hints=(Text("the exp node b = exp(a): its local derivative is the derivative of exp, "
                    "taken at its own input a (not at x); da is db times it",
                    "exp 노드 b = exp(a): 국소적 미분은 exp의 미분을 자신의 입력 a에서(x가 아니라) "
                    "구한 값이고, da는 db에 그것을 곱한 값입니다"),
               Text("d exp(a)/da = exp(a), the exp node's own output b = 0.3712: da = db * b",
                    "d exp(a)/da = exp(a)이고, 이것은 exp 노드 자신의 출력 b = 0.3712입니다: "
                    "da = db * b"))),
    "dx": Answer(
        Text("dL/dx, the gradient that the × node, a = -1 * x, passes left",
             "곱셈(×) 노드(a = -1 * x)가 왼쪽으로 전달하는 기울기 dL/dx"),
        round(float(_S["dx"]), 4), **_SIG,
        mistakes=_as_written({
            _S["da"]: Text("That is da carried over unchanged. The × node multiplies x by -1: "
                         "what does that do to a gradient passing back through it?",
                         "da를 그대로 옮긴 값입니다. 곱셈(×) 노드는 x에 -1을 곱합니다. 그 노드를 "
                         "거꾸로 지나는 기울기에는 무슨 일이 생기나요?"),
            float(_S["da"] * SIG_X): Text(
                "That multiplies da by x. For a = -1 * x, the local derivative with respect to x "
                "is the other input of the × node.",
                "da에 x를 곱한 값입니다. a = -1 * x를 x로 미분한 국소적 미분은 곱셈(×) 노드의 "
                "다른 쪽 입력입니다."),
        }),
        nudge=Text("dx = da × d(-1 * x)/dx: how far does a move when x moves by a small h?",
                   "dx = da × d(-1 * x)/dx입니다. x가 작은 h만큼 움직이면 a는 얼마나 움직이나요?"),
        hints=(Text("the × node a = -1 * x: its local derivative with respect to x is what x is "
                    "multiplied by; dx is da times it",
                    "곱셈(×) 노드 a = -1 * x: x로 미분한 국소적 미분은 x에 곱해지는 수이고, dx는 "
                    "da에 그것을 곱한 값입니다"),
               Text("d(-1 * x)/dx = -1: dx = da * -1, da's size with the other sign",
                    "d(-1 * x)/dx = -1입니다: dx = da * -1, 크기는 da와 같고 부호는 반대입니다"))),
}

prediction("sigmoid_local_derivatives", sigmoid_answers, form="dict", hints=(
    Text("go from right to left: each edge's gradient is the one on the edge to its right times the "
         "local derivative of the node between them",
         "오른쪽에서 왼쪽으로 가세요. 각 에지의 기울기는 그 오른쪽 에지의 기울기에 둘 사이 노드의 "
         "국소적 미분을 곱한 값입니다"),
    Text("the four local derivatives are d(1/c)/dc, d(1 + b)/db, d exp(a)/da and d(-1 * x)/dx; "
         "start from dout = 1.3 and multiply by one of them per node",
         "네 국소적 미분은 d(1/c)/dc, d(1 + b)/db, d exp(a)/da, d(-1 * x)/dx입니다. dout = 1.3에서 "
         "시작해 노드를 하나 지날 때마다 그중 하나를 곱하세요")))


# ---------------------------------------------------------------- sigmoid_layer and tanh_layer

X2 = np.array([[0.5, -1.0], [2.0, -0.5]])  # the notebook's 2x2 example
DOUT2 = np.array([[0.1, 0.2], [0.3, 0.4]])
X2_TEXT = "x = [[0.5, -1], [2, -0.5]]"
DOUT2_TEXT = "dout = [[0.1, 0.2], [0.3, 0.4]]"


def _sigmoid(x):
    return 1 / (1 + np.exp(-x))


def _only_out_hints(name: str, local: str) -> tuple:
    """Hints for a backward that reads something other than self.out."""
    return (Text(f"here backward runs on a new {name} whose self.out was set by hand, with no "
                 "forward: what else does your backward read, and can it be written with y alone?",
                 f"여기서 backward는 forward 없이 self.out만 직접 설정한 새 {name}에서 실행됩니다. "
                 "여러분의 backward는 self.out 말고 무엇을 읽나요? 그것을 y만으로 쓸 수 있나요?"),
            Text(f"write the local derivative with y = self.out alone, {local}: backward then "
                 "needs no x, and forward keeps only self.out",
                 f"국소적 미분을 y = self.out만으로 쓰세요: {local}. 그러면 backward에는 x가 "
                 "필요 없고, forward는 self.out만 저장하면 됩니다"))


def _forward_checks(Layer, f) -> None:
    """forward(x) = f(x), kept in self.out; x unchanged; float32 kept; random shapes."""
    layer, x = Layer(), X2.copy()
    out = layer.forward(x)
    close(out, f(X2), f"forward(x), {X2_TEXT}")
    with _hinted(OUT_IN_PLACE_HINTS):
        unchanged(x, X2, "x")
    kept = getattr(layer, "out", None)
    if kept is None:
        raise Wrong(tr("after forward(x), self.out is still None: forward should keep its output y "
                       "in self.out, for backward",
                       "forward(x) 뒤에도 self.out이 None입니다. backward가 쓸 수 있도록 forward에서 "
                       "출력 y를 self.out에 저장하세요"))
    close(kept, f(X2), tr(f"self.out after forward(x), {X2_TEXT} (it should hold y)",
                          f"forward(x), {X2_TEXT} 뒤의 self.out(y가 들어 있어야 합니다)"))
    _keeps_float32(Layer().forward(X2.astype(np.float32)), f(X2), "forward(x)")
    rng = np.random.default_rng(5)
    for shape in SHAPES:
        x = rng.standard_normal(shape)
        close(layer.forward(x), f(x), tr(f"forward(x) on a random x of shape {shape}",
                                         f"형상 {shape}의 무작위 x로 forward(x)"))


def _backward_checks(Layer, f, dfdy, name: str, local: str, wrong_local=None) -> None:
    """backward(dout) = dout * f'(x), from self.out alone; dout unchanged; float32; random shapes.

    wrong_local: (dfdy, Text why) for a known wrong local derivative, named when the learner's
    dx is exactly dout times it."""
    layer = Layer()
    out = layer.forward(X2.copy())
    out_before, dout = np.array(out, dtype=float), DOUT2.copy()
    dx = layer.backward(dout)
    try:
        close(dx, DOUT2 * dfdy(f(X2)),
              tr(f"backward(dout), {DOUT2_TEXT}, after forward(x), {X2_TEXT}",
                 f"forward(x), {X2_TEXT} 다음 backward(dout), {DOUT2_TEXT}"))
    except Wrong as e:
        if wrong_local is not None:
            other, why = wrong_local
            try:
                same = np.allclose(np.asarray(dx, dtype=float), DOUT2 * other(f(X2)))
            except (TypeError, ValueError):
                same = False
            if same:
                raise Wrong(f"{e} ({why})") from None
        raise
    with _hinted(OUT_IN_PLACE_HINTS):
        unchanged(dout, DOUT2, "dout")
        unchanged(out, out_before, tr("the output y that forward returned (and keeps in self.out)",
                                      "forward의 출력 y(self.out에 저장된 것)"))
    layer.forward(X2.astype(np.float32))
    _keeps_float32(layer.backward(DOUT2.astype(np.float32)), DOUT2 * dfdy(f(X2)), "backward(dout)")
    rng = np.random.default_rng(6)
    for shape in SHAPES:
        x, dout = rng.standard_normal(shape), rng.standard_normal(shape)
        x_before, dout_before = x.copy(), dout.copy()
        layer.forward(x)
        dx = layer.backward(dout)
        numerically(lambda v: float(np.sum(f(v) * dout_before)), x_before, dx,
                    tr(f"backward(dout) on a random x and dout of shape {shape}",
                       f"형상 {shape}의 무작위 x와 dout으로 backward(dout)"))
        with _hinted(OUT_IN_PLACE_HINTS):
            unchanged(x, x_before, "x")
            unchanged(dout, dout_before, "dout")
    # backward needs only y: a new layer whose self.out is set by hand, without any forward
    x, dout = rng.standard_normal((2, 3)), rng.standard_normal((2, 3))
    fresh = Layer()
    fresh.out = f(x)
    only_out = _only_out_hints(name, local)
    try:
        dx = fresh.backward(dout.copy())
    except (NotImplementedError, AssertionError):
        raise
    except Exception as e:
        raise Wrong(tr(f"backward should need only self.out: on a new {name} whose self.out was set "
                       f"by hand (no forward), your backward raised {type(e).__name__}: {e}",
                       f"backward에는 self.out만 있으면 되어야 합니다. self.out만 직접 설정한 새 "
                       f"{name}(forward 호출 없음)에서 여러분의 backward가 {type(e).__name__}를 "
                       f"일으켰습니다: {e}"), hint=only_out) from None
    with _hinted(only_out):
        close(dx, dout * dfdy(f(x)), tr(f"backward(dout) on a new {name} whose self.out was set by "
                                        "hand (no forward): it should use only self.out",
                                        f"self.out만 직접 설정한 새 {name}(forward 호출 없음)에서 "
                                        "backward(dout): self.out만 사용해야 합니다"))


SIGMOID_HINTS = {
    "forward": (
        Text("y = 1 / (1 + exp(-x)) for every entry, as a new array; backward will need y: where "
             "does forward leave it?",
             "모든 원소에 대해 y = 1 / (1 + exp(-x))를 새 배열로 계산합니다. backward에는 y가 "
             "필요합니다. forward는 그것을 어디에 남겨 두나요?"),
        Text("self.out = 1 / (1 + np.exp(-x)), then return self.out: built from x, without writing "
             "into x",
             "self.out = 1 / (1 + np.exp(-x))로 저장한 다음 self.out을 돌려줍니다. x로 계산하되 "
             "x에는 쓰지 않습니다")),
    "backward": (
        Text("그림 5-22 writes the sigmoid's local derivative with y alone: what is dy/dx in terms "
             "of y? backward multiplies dout by it, with y = self.out",
             "그림 5-22는 시그모이드의 국소적 미분을 y만으로 씁니다. dy/dx를 y로 나타내면 무엇인가요? "
             "backward는 dout에 그것을 곱하며, y = self.out입니다"),
        Text("dx = dout * (1.0 - self.out) * self.out: one new array, no x needed, nothing written "
             "into dout or self.out",
             "dx = dout * (1.0 - self.out) * self.out: 새 배열 하나이고, x는 필요 없으며, dout과 "
             "self.out에는 아무것도 쓰지 않습니다")),
}


@exercise("sigmoid_layer", parts=("forward", "backward"), hints=SIGMOID_HINTS)
def check_sigmoid_layer(Sigmoid, part) -> None:
    """The book's Sigmoid (5.5.2): keeps y in self.out, backward = dout * (1 - y) * y."""
    Sigmoid = a_class(Sigmoid, "Sigmoid")
    with part("forward"):
        _forward_checks(Sigmoid, _sigmoid)
    with part("backward"):
        _backward_checks(Sigmoid, _sigmoid, lambda y: y * (1 - y), "Sigmoid", "y * (1 - y)")


_BUG_IN = Answer(
    Text("the method of BuggySigmoid that holds the bug", "BuggySigmoid에서 버그가 있는 메서드"),
    "forward", kind="name", choices=("forward", "backward"),
    mistakes={"backward": Text(
        "Its line is the book's, word for word, and the book's Sigmoid passes the gradient check "
        "with it. A right formula gives wrong numbers when it is given the wrong array: which "
        "array does it assume self.out holds, and which does self.out hold when it runs?",
        "backward의 줄은 책의 코드 그대로이고, 책의 Sigmoid는 그 줄로 기울기 확인을 통과합니다. "
        "맞는 식도 엉뚱한 배열을 받으면 틀린 값을 냅니다. 이 식은 self.out에 어떤 배열이 들어 있다고 "
        "가정하나요? 그리고 실행될 때 self.out에는 실제로 무엇이 들어 있나요?")},
    hints=(Text("the two printed gradients are 0 at x = 0 and -2 at x = 2: which value of self.out "
                "makes (1.0 - self.out) * self.out come out as those?",
                "출력된 두 기울기는 x = 0에서 0, x = 2에서 -2입니다. self.out이 어떤 값이어야 "
                "(1.0 - self.out) * self.out이 그 값이 될까요?"),
           Text("self.out = 0 gives 0 and self.out = 2 gives -2: self.out holds the input x, not "
                "the output y. Which method put it there?",
                "self.out = 0이면 0, self.out = 2이면 -2가 나옵니다. self.out에는 출력 y가 아니라 "
                "입력 x가 들어 있습니다. 어느 메서드가 그것을 넣었나요?")))

FIXED_SIGMOID_HINTS = (
    Text("print what backward returns for x = [0, 2], dout = [1, 1], as the notebook did, and "
         "compare it with the sigmoid's slopes there (0.25 and about 0.105). Backward's formula "
         "needs one particular array in self.out: does it get it?",
         "노트북에서처럼 x = [0, 2], dout = [1, 1]일 때 backward가 돌려주는 값을 출력하고, 그 점에서의 "
         "시그모이드 기울기(0.25와 약 0.105)와 비교해 보세요. backward의 식은 self.out에 특정한 "
         "배열이 있어야 맞습니다. 그 배열을 받고 있나요?"),
    Text("forward keeps the input x in self.out, where backward's formula expects the output y: "
         "keep self.out = out, the sigmoid's output, and leave backward as the book's line",
         "forward가 self.out에 입력 x를 저장하는데, backward의 식은 그 자리에 출력 y가 있다고 "
         "봅니다. self.out = out(시그모이드의 출력)으로 저장하고, backward는 책의 줄 그대로 두세요"))


def _bug_in_name(bug_in):
    """bug_in as the name to judge; FormatSlip for a method written with () (any other text,
    and None, is left to the prediction checker: a name not among the choices is unknown)."""
    if isinstance(bug_in, str) and bug_in.strip().endswith("()"):
        raise FormatSlip(tr(f"bug_in: write the method's name alone, without (), got {bug_in!r}",
                            f"bug_in: () 없이 메서드 이름만 쓰세요. 받은 값: {bug_in!r}"))
    return bug_in


@exercise("sigmoid_find_the_bug", parts=("bug_in", "FixedSigmoid"),
          todo=Text("Set `bug_in` to the method that holds the bug, write `FixedSigmoid`, then run "
                    "this cell again.",
                    "`bug_in`에 버그가 있는 메서드 이름을 넣고 `FixedSigmoid`를 작성한 다음 이 셀을 "
                    "다시 실행하세요."),
          hints={"bug_in": _BUG_IN.hints, "FixedSigmoid": FIXED_SIGMOID_HINTS})
def check_sigmoid_find_the_bug(attempt, part) -> None:
    """(bug_in, FixedSigmoid): the method with the bug, and the layer with it fixed."""
    try:
        bug_in, Fixed = sequence(attempt, 2, tr("the check's argument (bug_in, FixedSigmoid)",
                                                "check의 인수 (bug_in, FixedSigmoid)"))
    except Wrong as e:  # not two values: a format slip
        raise FormatSlip(str(e)) from None
    with part("bug_in"):  # a prediction: the one checker's rule for a name (case aside)
        judge(_BUG_IN, _bug_in_name(bug_in), "bug_in")
    with part("FixedSigmoid"):
        Fixed = a_class(Fixed, "FixedSigmoid")
        # the symptom first, as the notebook's gradient check sees it
        layer = Fixed()
        with _hinted(SIGMOID_HINTS["forward"]):  # forward's own values: its hints, not the bug's
            close(layer.forward(X2.copy()), _sigmoid(X2), f"forward(x), {X2_TEXT}")
        numerically(lambda v: float(np.sum(_sigmoid(v) * DOUT2)), X2, layer.backward(DOUT2.copy()),
                    tr(f"the gradient check still fails: backward(dout), {DOUT2_TEXT}, after "
                       f"forward(x), {X2_TEXT}",
                       f"기울기 확인이 여전히 실패합니다: forward(x), {X2_TEXT} 다음 backward(dout), "
                       f"{DOUT2_TEXT}"))
        _forward_checks(Fixed, _sigmoid)
        _backward_checks(Fixed, _sigmoid, lambda y: y * (1 - y), "FixedSigmoid", "y * (1 - y)")


TANH_HINTS = {
    "forward": (
        Text("np.tanh gives y for every entry, as a new array; backward will need y: where does "
             "forward leave it?",
             "np.tanh는 모든 원소의 y를 새 배열로 계산합니다. backward에는 y가 필요합니다. forward는 "
             "그것을 어디에 남겨 두나요?"),
        Text("self.out = np.tanh(x), then return self.out; x itself stays as it came",
             "self.out = np.tanh(x)로 저장한 다음 self.out을 돌려줍니다. x는 들어온 그대로 둡니다")),
    "backward": (
        Text("derive dy/dx for y = tanh(x) (d tanh(x)/dx = 1/cosh²(x)), then write it with y "
             "instead of x, using cosh² - sinh² = 1, as 그림 5-22 does for the sigmoid. backward "
             "multiplies dout by it, with y = self.out",
             "y = tanh(x)의 dy/dx를 유도하고(d tanh(x)/dx = 1/cosh²(x)), cosh² - sinh² = 1을 써서 "
             "x 대신 y로 나타내세요. 그림 5-22가 시그모이드에서 한 것과 같습니다. backward는 dout에 "
             "그것을 곱하며, y = self.out입니다"),
        Text("1/cosh² = (cosh² - sinh²)/cosh² = 1 - tanh² = 1 - y**2: dx = dout * (1.0 - "
             "self.out ** 2), a new array, with no x",
             "1/cosh² = (cosh² - sinh²)/cosh² = 1 - tanh² = 1 - y**2입니다: dx = dout * (1.0 - "
             "self.out ** 2), x 없이 새 배열로 계산합니다")),
}


@exercise("tanh_layer", parts=("forward", "backward"), hints=TANH_HINTS)
def check_tanh_layer(Tanh, part) -> None:
    """A Tanh layer whose backward uses only the stored output: dout * (1 - y**2)."""
    Tanh = a_class(Tanh, "Tanh")
    with part("forward"):
        _forward_checks(Tanh, np.tanh)
    with part("backward"):
        _backward_checks(Tanh, np.tanh, lambda y: 1 - y ** 2, "Tanh", "1 - y**2",
                         wrong_local=(lambda y: y * (1 - y),
                                      tr("that is dout * y * (1 - y), the sigmoid's local "
                                         "derivative; tanh's is another function of y",
                                         "그것은 dout * y * (1 - y), 곧 시그모이드의 국소적 "
                                         "미분입니다. tanh의 국소적 미분은 y의 다른 함수입니다")))
