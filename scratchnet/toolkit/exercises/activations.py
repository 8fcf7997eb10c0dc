"""Checks for the exercises of notebook 03 (the ReLU and Sigmoid layers, book 5.5).

relu_layer                 the book's Relu (5.5.1): self.mask, forward(x), backward(dout)
sigmoid_local_derivatives  predict the gradient on each edge of the sigmoid's graph (그림 5-19, 5-20)
sigmoid_layer              the book's Sigmoid (5.5.2): self.out, backward from y alone (그림 5-22)
sigmoid_find_the_bug       a Sigmoid whose backward is the book's line, yet wrong: where, and the fix
tanh_layer                 an extra: Tanh, like Sigmoid, needs only its output in backward

Every layer check runs the notebook's own example, then seeded random shapes against a
numerical gradient (the series' rule, notebook 05), and looks at the caller's arrays afterwards.
"""

from __future__ import annotations

import numpy as np

from ...language import Text, tr
from . import Unfilled, Wrong, exercise
from ._assert import close, numerically, same_dtype, sequence, show, unchanged

# ---------------------------------------------------------------- relu_layer

RELU_X = np.array([[1.0, -0.5], [-2.0, 3.0]])  # the notebook's 2x2 input (book 5.5.1)
RELU_DOUT = np.array([[-0.1, 4.0], [1.3, -1.1]])  # not all ones: each entry must be passed or cut
RELU_AT_ZERO = (np.array([-1.5, 0.0, 2.0]), np.array([0.3, -0.7, 1.2]))  # 식 5.8: x <= 0 is off
SHAPES = [(5,), (3, 4), (2, 3, 4)]


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
                       "마스크(x <= 0인 곳이 True)를 저장해 두세요"))
    try:
        mask = np.asarray(mask, dtype=bool)
    except (TypeError, ValueError):
        raise Wrong(tr(f"after {what}, self.mask should be an array of True/False, "
                       f"got {type(layer.mask).__name__}",
                       f"{what} 뒤의 self.mask는 True/False 배열이어야 하는데 "
                       f"{type(layer.mask).__name__}입니다")) from None
    want = x <= 0
    if mask.shape != want.shape or not np.array_equal(mask, want):
        raise Wrong(tr(f"after {what}, self.mask should be True where x <= 0 (the switches that are "
                       f"off), {show(want)}; yours is {show(mask)}",
                       f"{what} 뒤의 self.mask는 x <= 0인 곳(꺼진 스위치)이 True인 {show(want)}여야 "
                       f"하는데, 여러분의 것은 {show(mask)}입니다"))


@exercise("relu_layer", parts=("forward", "backward"), hints=(
    Text("forward: y = x where x > 0 and 0 where x <= 0, and self.mask = (x <= 0) remembers which "
    "switches are off. backward: ReLU's local derivative is 1 or 0, so each entry of dout passes "
    "unchanged or becomes 0, by the mask",
    ko="forward: x > 0인 곳은 y = x, x <= 0인 곳은 0이고, self.mask = (x <= 0)으로 어느 스위치가 "
    "꺼졌는지 기억해 둡니다. backward: ReLU의 국소적 미분은 1 아니면 0이므로, dout의 각 원소는 "
    "마스크에 따라 그대로 통과하거나 0이 됩니다"),
    Text("make new arrays, never write into x or dout: in forward, a copy of x with the masked entries "
    "set to 0 (or the larger of x and 0, entry by entry); in backward, a copy of dout with the "
    "masked entries set to 0 (or np.where choosing between 0 and dout by the mask)",
    ko="x나 dout에 직접 쓰지 말고 새 배열을 만드세요. forward에서는 x의 복사본에서 마스크된 원소를 "
    "0으로 바꾸고(또는 원소마다 x와 0 중 큰 값을 고르고), backward에서는 dout의 복사본에서 마스크된 "
    "원소를 0으로 바꿉니다(또는 np.where로 마스크에 따라 0과 dout 중 하나를 고릅니다)")))
def check_relu_layer(Relu, part) -> None:
    """The book's Relu (5.5.1) that leaves x and dout as they were and keeps float32."""
    with part("forward"):
        layer, x = Relu(), RELU_X.copy()
        close(layer.forward(x), [[1.0, 0.0], [0.0, 3.0]], "forward(x), x = [[1, -0.5], [-2, 3]]")
        unchanged(x, RELU_X, "x")
        _mask_as_expected(layer, RELU_X, "forward(x)")
        layer0, x0 = Relu(), RELU_AT_ZERO[0].copy()
        close(layer0.forward(x0), [0.0, 0.0, 2.0], "forward(x), x = [-1.5, 0, 2]")
        _mask_as_expected(layer0, RELU_AT_ZERO[0], tr("forward(x), x = [-1.5, 0, 2] (at x = 0 the "
                                                      "switch is off: 식 5.8 takes x <= 0)",
                                                      "forward(x), x = [-1.5, 0, 2] (x = 0이면 스위치가 "
                                                      "꺼져 있습니다: 식 5.8의 조건은 x <= 0)"))
        x32 = RELU_X.astype(np.float32)
        same_dtype(Relu().forward(x32), np.float32, "forward(x)")
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
        unchanged(dout, RELU_DOUT, "dout")  # the book's Relu writes dout[self.mask] = 0: Pitfall 2
        x0, dout0 = (a.copy() for a in RELU_AT_ZERO)
        layer.forward(x0)
        close(layer.backward(dout0), [0.0, 0.0, 1.2],
              tr("backward(dout), dout = [0.3, -0.7, 1.2], after forward(x), x = [-1.5, 0, 2] "
                 "(at x = 0 the switch is off: 식 5.8 takes x <= 0)",
                 "forward(x), x = [-1.5, 0, 2] 다음 backward(dout), dout = [0.3, -0.7, 1.2] "
                 "(x = 0이면 스위치가 꺼져 있습니다: 식 5.8의 조건은 x <= 0)"))
        layer.forward(RELU_X.astype(np.float32))
        same_dtype(layer.backward(RELU_DOUT.astype(np.float32)), np.float32, "backward(dout)")
        rng = np.random.default_rng(4)
        for shape in SHAPES:
            x, dout = _away_from_kink(rng, shape), rng.standard_normal(shape)
            x_before, dout_before = x.copy(), dout.copy()
            layer.forward(x)
            dx = layer.backward(dout)
            numerically(lambda v: float(np.sum(np.maximum(v, 0) * dout_before)), x_before, dx,
                        tr(f"backward(dout) on a random x and dout of shape {shape}",
                           f"형상 {shape}의 무작위 x와 dout으로 backward(dout)"))
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


def _near(got, want) -> bool:
    return bool(np.isclose(got, want, rtol=1e-3, atol=1e-4))  # 3 significant digits will do


@exercise("sigmoid_local_derivatives", parts=EDGES, hints=(
    Text("go from right to left: each edge's gradient is the one on the edge to its right times the "
    "local derivative of the node between them: d(1/c)/dc for /, d(1 + b)/db for +, "
    "d exp(a)/da for exp, d(-1 * x)/dx for ×",
    ko="오른쪽에서 왼쪽으로 가세요. 각 에지의 기울기는 그 오른쪽 에지의 기울기에 둘 사이 노드의 "
    "국소적 미분을 곱한 값입니다: / 노드는 d(1/c)/dc, + 노드는 d(1 + b)/db, exp 노드는 "
    "d exp(a)/da, × 노드는 d(-1 * x)/dx"),
    Text("the four local derivatives are -1/c**2 (which is -y**2), 1, exp(a) (which is b, the exp "
    "node's own output) and -1; start from dout = 1.3 and multiply by one of them per node",
    ko="네 국소적 미분은 -1/c**2(= -y**2), 1, exp(a)(= b, exp 노드 자신의 출력), -1입니다. "
    "dout = 1.3에서 시작해 노드를 하나 지날 때마다 그중 하나를 곱하세요")))
def check_sigmoid_local_derivatives(prediction, part) -> None:
    """The gradient on each edge of the sigmoid's graph at x = 0.991, dout = 1.3."""
    if not isinstance(prediction, dict):
        raise Wrong(tr(f"the prediction should be a dict {{'dc': ..., 'db': ..., 'da': ..., 'dx': ...}}, "
                       f"got {type(prediction).__name__} {show(prediction)}",
                       f"prediction은 딕셔너리 {{'dc': ..., 'db': ..., 'da': ..., 'dx': ...}}여야 "
                       f"하는데 {type(prediction).__name__} {show(prediction)}입니다"))
    missing = [k for k in EDGES if k not in prediction]
    if missing:
        raise Wrong(tr(f"the prediction has no {', '.join(missing)}: keep the keys dc, db, da and dx",
                       f"prediction에 빠진 키가 있습니다: {', '.join(missing)}. "
                       "키 dc, db, da, dx를 그대로 두세요"))
    s = _sigmoid_steps(SIG_X, SIG_DOUT)
    before = {"dc": ("dout", SIG_DOUT), "db": ("dc", s["dc"]), "da": ("db", s["db"]),
              "dx": ("da", s["da"])}
    node = {"dc": tr(f"the / node (y = 1/c, at c = {s['c']:.4f})",
                     f"/ 노드(y = 1/c, c = {s['c']:.4f}에서)"),
            "db": tr(f"the + node (c = 1 + b, at b = {s['b']:.4f})",
                     f"+ 노드(c = 1 + b, b = {s['b']:.4f}에서)"),
            "da": tr(f"the exp node (b = exp(a), at a = {s['a']:.4f})",
                     f"exp 노드(b = exp(a), a = {s['a']:.4f}에서)"),
            "dx": tr("the × node (a = -1 * x)", "× 노드(a = -1 * x)")}
    for key in EDGES:
        with part(key):
            got = prediction[key]
            if got is None:
                raise Unfilled(tr(f"{key} is still None: fill it in, right to left",
                                  f"{key}가 아직 None입니다: 오른쪽에서 왼쪽 순서로 채우세요"))
            try:
                got = float(got)
            except (TypeError, ValueError):
                raise Wrong(tr(f"{key} should be a number, got {type(got).__name__} {got!r}",
                               f"{key}는 숫자여야 하는데 {type(got).__name__} {got!r}입니다")) from None
            want = s[key]
            if _near(got, want):
                continue
            name, upstream = before[key]
            what = tr(f"{key} = {name} × the local derivative of {node[key]}",
                      f"{key} = {name} × {node[key]}의 국소적 미분")
            if _near(-got, want):
                raise Wrong(tr(f"{what}: your {key} = {got:.4g} has the right size but the wrong sign",
                               f"{what}: 여러분의 답({key} = {got:.4g})은 크기는 맞지만 부호가 "
                               "반대입니다"))
            if key == "dc" and _near(got * SIG_DOUT, want):
                raise Wrong(tr(f"{what}: your {got:.4g} is the local derivative alone; "
                               f"multiply it by dout = {SIG_DOUT}",
                               f"{what}: 여러분의 답({got:.4g})은 국소적 미분 값만 구한 것입니다. "
                               f"여기에 dout = {SIG_DOUT}을 곱하세요"))
            if key == "da" and _near(got, upstream * np.exp(SIG_X)):
                raise Wrong(tr(f"{what}: your {got:.4g} used exp(x) = exp({SIG_X}); the exp node's input "
                               f"is a = -x, so its local derivative is exp(a)",
                               f"{what}: 여러분의 답({got:.4g})은 exp(x) = exp({SIG_X})를 썼습니다. "
                               "exp 노드의 입력은 a = -x이므로 국소적 미분은 exp(a)입니다"))
            raise Wrong(tr(f"{what}, with {name} = {upstream:.4f}; your {key} = {got:.4g} is not that",
                           f"{what}이고, 여기서 {name} = {upstream:.4f}입니다. "
                           f"여러분의 답({key} = {got:.4g})은 이 값이 아닙니다"))


# ---------------------------------------------------------------- sigmoid_layer and tanh_layer

X2 = np.array([[0.5, -1.0], [2.0, -0.5]])  # the notebook's 2x2 example
DOUT2 = np.array([[0.1, 0.2], [0.3, 0.4]])


def _sigmoid(x):
    return 1 / (1 + np.exp(-x))


def _forward_checks(Layer, f) -> None:
    """forward(x) = f(x), kept in self.out; x unchanged; float32 kept; random shapes."""
    layer, x = Layer(), X2.copy()
    out = layer.forward(x)
    close(out, f(X2), "forward(x), x = [[0.5, -1], [2, -0.5]]")
    unchanged(x, X2, "x")
    kept = getattr(layer, "out", None)
    if kept is None:
        raise Wrong(tr("after forward(x), self.out is still None: forward should keep its output y "
                       "in self.out, for backward",
                       "forward(x) 뒤에도 self.out이 None입니다. backward가 쓸 수 있도록 forward에서 "
                       "출력 y를 self.out에 저장하세요"))
    close(kept, f(X2), tr("self.out after forward(x), x = [[0.5, -1], [2, -0.5]] (it should hold y)",
                          "forward(x), x = [[0.5, -1], [2, -0.5]] 뒤의 self.out(y가 들어 있어야 합니다)"))
    same_dtype(Layer().forward(X2.astype(np.float32)), np.float32, "forward(x)")
    rng = np.random.default_rng(5)
    for shape in SHAPES:
        x = rng.standard_normal(shape)
        close(layer.forward(x), f(x), tr(f"forward(x) on a random x of shape {shape}",
                                         f"형상 {shape}의 무작위 x로 forward(x)"))


def _backward_checks(Layer, f, dfdy, name: str) -> None:
    """backward(dout) = dout * f'(x), from self.out alone; dout unchanged; float32; random shapes."""
    layer = Layer()
    out = layer.forward(X2.copy())
    out_before, dout = np.array(out, dtype=float), DOUT2.copy()
    close(layer.backward(dout), DOUT2 * dfdy(f(X2)),
          tr("backward(dout), dout = [[0.1, 0.2], [0.3, 0.4]], after forward(x), x = [[0.5, -1], [2, -0.5]]",
             "forward(x), x = [[0.5, -1], [2, -0.5]] 다음 backward(dout), dout = [[0.1, 0.2], [0.3, 0.4]]"))
    unchanged(dout, DOUT2, "dout")
    unchanged(out, out_before, tr("the output y that forward returned (and keeps in self.out)",
                                  "forward의 출력 y(self.out에 저장된 것)"))
    layer.forward(X2.astype(np.float32))
    same_dtype(layer.backward(DOUT2.astype(np.float32)), np.float32, "backward(dout)")
    rng = np.random.default_rng(6)
    for shape in SHAPES:
        x, dout = rng.standard_normal(shape), rng.standard_normal(shape)
        x_before, dout_before = x.copy(), dout.copy()
        layer.forward(x)
        dx = layer.backward(dout)
        numerically(lambda v: float(np.sum(f(v) * dout_before)), x_before, dx,
                    tr(f"backward(dout) on a random x and dout of shape {shape}",
                       f"형상 {shape}의 무작위 x와 dout으로 backward(dout)"))
        unchanged(x, x_before, "x")
        unchanged(dout, dout_before, "dout")
    # backward needs only y: a new layer whose self.out is set by hand, without any forward
    x, dout = rng.standard_normal((2, 3)), rng.standard_normal((2, 3))
    fresh = Layer()
    fresh.out = f(x)
    try:
        dx = fresh.backward(dout.copy())
    except (NotImplementedError, AssertionError):
        raise
    except Exception as e:
        raise Wrong(tr(f"backward should need only self.out: on a new {name} whose self.out was set "
                       f"by hand (no forward), your backward raised {type(e).__name__}: {e}",
                       f"backward에는 self.out만 있으면 되어야 합니다. self.out만 직접 설정한 새 "
                       f"{name}(forward 호출 없음)에서 여러분의 backward가 {type(e).__name__}를 "
                       f"일으켰습니다: {e}")) from None
    close(dx, dout * dfdy(f(x)), tr(f"backward(dout) on a new {name} whose self.out was set by hand "
                                    "(no forward): it should use only self.out",
                                    f"self.out만 직접 설정한 새 {name}(forward 호출 없음)에서 "
                                    "backward(dout): self.out만 사용해야 합니다"))


SIGMOID_HINTS = (
    Text("forward: y = 1 / (1 + exp(-x)), kept in self.out. backward: dout times the sigmoid's "
    "local derivative written with y alone (그림 5-22), where y is self.out",
    ko="forward: y = 1 / (1 + exp(-x))를 계산해 self.out에 저장합니다. backward: dout에 시그모이드의 "
    "국소적 미분을 곱하는데, 이 미분은 y만으로 쓸 수 있습니다(그림 5-22). 여기서 y는 self.out입니다"),
    Text("backward is one product: dout times (1 - y) times y, with y = self.out; it needs no x. Make "
    "new arrays (no +=, *= or [...] = on x, dout or self.out), and the dtype stays as it came",
    ko="backward는 곱셈 한 번입니다: dout 곱하기 (1 - y) 곱하기 y, 여기서 y = self.out이고 x는 "
    "필요 없습니다. 새 배열을 만들고(x, dout, self.out에 +=, *=, [...] = 금지), dtype은 들어온 "
    "그대로 두세요"))


@exercise("sigmoid_layer", parts=("forward", "backward"), hints=SIGMOID_HINTS)
def check_sigmoid_layer(Sigmoid, part) -> None:
    """The book's Sigmoid (5.5.2): keeps y in self.out, backward = dout * (1 - y) * y."""
    with part("forward"):
        _forward_checks(Sigmoid, _sigmoid)
    with part("backward"):
        _backward_checks(Sigmoid, _sigmoid, lambda y: y * (1 - y), "Sigmoid")


def _still_a_stub(Layer) -> bool:
    try:
        Layer().forward(np.zeros(2))
    except NotImplementedError:
        return True
    except Exception:  # a crash is the layer check's business
        return False
    return False


@exercise("sigmoid_find_the_bug", parts=("bug_in", "FixedSigmoid"),
          todo=Text("Set `bug_in` to the method that holds the bug, write `FixedSigmoid`, then run this "
               "cell again.",
               ko="`bug_in`에 버그가 있는 메서드 이름을 넣고 `FixedSigmoid`를 작성한 다음 이 셀을 "
               "다시 실행하세요."), hints=(
    Text("compare each line with the book's Sigmoid (5.5.2): which array must self.out hold for "
    "backward's formula to be right, and which array does this forward put there?",
    ko="각 줄을 책의 Sigmoid(5.5.2)와 비교해 보세요. backward의 식이 맞으려면 self.out에 어떤 배열이 "
    "들어 있어야 할까요? 그리고 이 forward는 거기에 어떤 배열을 넣나요?"),
    Text("the bug is in forward: it keeps the input x in self.out instead of the output y. "
    "Copy both methods into FixedSigmoid and keep the output there",
    ko="버그는 forward에 있습니다: self.out에 출력 y가 아니라 입력 x를 저장합니다. 두 메서드를 "
    "FixedSigmoid로 복사하고 self.out에 출력을 저장하세요")))
def check_sigmoid_find_the_bug(attempt, part) -> None:
    """(bug_in, FixedSigmoid): the method with the bug, and the layer with it fixed."""
    bug_in, Fixed = sequence(attempt, 2, tr("the check's argument (bug_in, FixedSigmoid)",
                                            "check의 인수 (bug_in, FixedSigmoid)"))
    with part("bug_in"):
        if bug_in is None:
            if _still_a_stub(Fixed):  # nothing written yet: "not attempted"
                raise NotImplementedError(tr("bug_in is still None", "bug_in이 아직 None입니다"))
            raise Wrong(tr("bug_in is still None: say which method holds the bug, "
                           "'forward' or 'backward'",
                           "bug_in이 아직 None입니다. 버그가 있는 메서드가 'forward'인지 "
                           "'backward'인지 적으세요"))
        where = str(bug_in).strip().strip("()").lower()
        if where == "backward":
            raise Wrong(tr("bug_in = 'backward', but backward is the book's line, "
                           "dout * (1.0 - self.out) * self.out, which is right whenever self.out "
                           "is the sigmoid's output y. Look at what forward puts in self.out",
                           "bug_in = 'backward'라고 했지만, backward는 책의 코드 그대로인 "
                           "dout * (1.0 - self.out) * self.out이고, self.out이 시그모이드의 출력 y이기만 "
                           "하면 맞는 식입니다. forward가 self.out에 무엇을 넣는지 보세요"))
        if where != "forward":
            raise Wrong(tr(f"bug_in should be 'forward' or 'backward', got {bug_in!r}",
                           f"bug_in은 'forward'나 'backward'여야 하는데 {bug_in!r}입니다"))
    with part("FixedSigmoid"):
        _forward_checks(Fixed, _sigmoid)
        _backward_checks(Fixed, _sigmoid, lambda y: y * (1 - y), "FixedSigmoid")


@exercise("tanh_layer", parts=("forward", "backward"), hints=(
    Text("forward: y = np.tanh(x), kept in self.out. backward: dout times tanh's local derivative, "
    "1 - y**2, with y = self.out",
    ko="forward: y = np.tanh(x)를 계산해 self.out에 저장합니다. backward: dout에 tanh의 국소적 미분 "
    "1 - y**2를 곱합니다(y = self.out)"),
    Text("backward is one product, dout times (1 - y**2) with y = self.out; it needs no x. Make new "
    "arrays (no in-place writes into x, dout or self.out), and the dtype stays as it came",
    ko="backward는 곱셈 한 번입니다: dout 곱하기 (1 - y**2), 여기서 y = self.out이고 x는 필요 "
    "없습니다. 새 배열을 만들고(x, dout, self.out을 제자리 연산으로 바꾸지 말 것), dtype은 들어온 "
    "그대로 두세요")))
def check_tanh_layer(Tanh, part) -> None:
    """A Tanh layer whose backward uses only the stored output: dout * (1 - y**2)."""
    with part("forward"):
        _forward_checks(Tanh, np.tanh)
    with part("backward"):
        _backward_checks(Tanh, np.tanh, lambda y: 1 - y ** 2, "Tanh")
