"""Checks for the exercises of notebook 01 (computational graphs, book 5.1-5.2).

chain_rule_mul     the learner writes grads(x, y) -> (dz/dx, dz/dy) for z = t**2, t = x * y
branch_gradients   the learner predicts db/da for b = a + a and dz/dx, dz/dy for z = x*y + x
"""

from __future__ import annotations

import numpy as np

from ...gradient import check_rule, numerical_gradient, rel_error
from ...language import Text, tr
from . import Unfilled, Wrong, exercise
from ._assert import sequence, show

# ---------------------------------------------------------------- chain_rule_mul

# (3, 2) are the notebook's values; the others are points the learner did not try, with
# negative inputs, an input of 0 and random ones from a seeded generator.
_MUL_POINTS = [(3.0, 2.0), (-1.5, 4.0), (0.5, -0.25), (0.0, 2.5)] + [
    (float(a), float(b)) for a, b in np.round(np.random.default_rng(1).uniform(-5, 5, (3, 2)), 3)]


def _mul_mistake(part: str, points, values) -> str:
    """A likely reason for the learner's wrong dz/dx (part "dz/dx") or dz/dy, or ''.

    A reason is given only when its formula gives the learner's number at every point tried:
    at a single point two mistakes can coincide (at (3, 2), 2t and t * y are both 12)."""
    name = part[-1]

    def own(x, y):  # dt/d(this input)
        return y if part == "dz/dx" else x

    def other(x, y):
        return x if part == "dz/dx" else y

    reasons = [
        (lambda x, y: x * y * own(x, y),
         tr(f"that is dz/dt · dt/d{name} with dz/dt = t: the derivative of t² is 2t",
            f"dz/dt = t로 계산한 dz/dt · dt/d{name}입니다. t²의 미분은 2t입니다")),
        (lambda x, y: 2 * x * y,
         tr(f"that is dz/dt = 2t alone: multiply it by the × node's local derivative dt/d{name}",
            f"dz/dt = 2t만 구한 값입니다. 여기에 × 노드의 국소적 미분 dt/d{name}를 곱하세요")),
        (own, tr(f"that is the local derivative dt/d{name} alone: multiply it by dz/dt = 2t",
                 f"국소적 미분 dt/d{name}만 구한 값입니다. 여기에 dz/dt = 2t를 곱하세요")),
        (lambda x, y: 2 * x * y * other(x, y),
         tr("that is the other gradient: are dz/dx and dz/dy swapped?",
            "다른 쪽 기울기입니다. dz/dx와 dz/dy가 서로 바뀌지 않았나요?")),
        (lambda x, y: 2 * (x + y), tr("that is the answer for t = x + y, the example above; here t = x * y",
                                      "위의 예인 t = x + y일 때의 답입니다. 여기서는 t = x * y입니다")),
    ]
    for formula, why in reasons:
        if all(v is not None and np.isclose(v, formula(x, y)) for (x, y), v in zip(points, values)):
            return f" ({why})"
    return ""


@exercise("chain_rule_mul", parts=("dz/dx", "dz/dy"), hints=(
    Text("dz/dx = dz/dt · dt/dx by the chain rule, and dz/dt = 2t as for t = x + y; what is the "
    "local derivative of t = x · y with respect to x, holding y fixed (and with respect to y)?",
    ko="연쇄법칙에 따라 dz/dx = dz/dt · dt/dx이고, dz/dt = 2t는 t = x + y일 때와 같습니다. "
    "그러면 y를 고정했을 때 t = x · y를 x로 미분한 국소적 미분은 무엇일까요? y로 미분하면요?"),
    Text("the × node's local derivatives are the OTHER input: dt/dx = y, dt/dy = x. Compute "
    "dz/dt = 2t once, then multiply it by each of them.",
    ko="× 노드의 국소적 미분은 '다른 쪽' 입력입니다: dt/dx = y, dt/dy = x. dz/dt = 2t를 한 번 "
    "계산한 다음, 여기에 각각을 곱하세요.")))
def check_chain_rule_mul(grads, part) -> None:
    """grads(x, y) -> (dz/dx, dz/dy) for z = t**2, t = x * y, against numerical gradients."""
    answers = [sequence(grads(x, y), 2, f"grads({x:g}, {y:g})") for x, y in _MUL_POINTS]
    for i, name in enumerate(("dz/dx", "dz/dy")):
        with part(name):
            values = [_number_or_none(answer[i]) for answer in answers]
            for (x, y), answer in zip(_MUL_POINTS, answers):
                got = answer[i]
                where = f"grads({x:g}, {y:g})"
                if got is None:
                    raise Unfilled(tr(f"{name} is still None (in {where}): put your {name} in its place",
                                      f"{where}에서 {name}가 아직 None입니다. 그 자리에 여러분이 "
                                      f"구한 {name}를 넣으세요"))
                try:
                    arr = None if isinstance(got, (str, bytes)) else np.asarray(got, dtype=float)
                except (TypeError, ValueError):
                    arr = None
                if arr is None or arr.shape != ():
                    shown = show(arr) if arr is not None else repr(got)
                    raise Wrong(tr(f"{where}: {name} should be one number, got "
                                   f"{type(got).__name__} {shown}",
                                   f"{where}: {name}는 숫자 하나여야 합니다. 받은 값: "
                                   f"{type(got).__name__} {shown}"))
                value = float(arr)
                num = numerical_gradient(lambda v: (v[0] * v[1]) ** 2, np.array([x, y]))[i]
                if not rel_error(value, num) < check_rule(np.float64).threshold:
                    raise Wrong(tr(f"{where}: {name} should be {show(num)} (numerical gradient), "
                                   f"got {show(value)}{_mul_mistake(name, _MUL_POINTS, values)}",
                                   f"{where}: 수치 미분으로 구한 {name}는 {show(num)}인데, 여러분의 "
                                   f"값은 {show(value)}입니다{_mul_mistake(name, _MUL_POINTS, values)}"))


def _number_or_none(got):
    """got as a float, or None when it is not one number (the check reports that itself)."""
    try:
        arr = None if isinstance(got, (str, bytes)) else np.asarray(got, dtype=float)
    except (TypeError, ValueError):
        return None
    return float(arr) if arr is not None and arr.shape == () else None


# ---------------------------------------------------------------- branch_gradients

_BRANCH_PARTS = ("db/da", "dz/dx", "dz/dy")
_BRANCH_AT = {"db/da": Text("b = a + a at a = 3", "a = 3일 때 b = a + a"),
              "dz/dx": Text("z = x*y + x at x = 3, y = 4", "x = 3, y = 4일 때 z = x*y + x"),
              "dz/dy": Text("z = x*y + x at x = 3, y = 4", "x = 3, y = 4일 때 z = x*y + x")}
_BRANCH_TRUTH = {"db/da": 2.0, "dz/dx": 5.0, "dz/dy": 3.0}
# likely predictions, and why they might be wrong; the right number is left to the reveal cell
_BRANCH_MISTAKES = {
    "db/da": {
        1.0: Text("The + node sends 1 back to each of its two inputs, and both inputs are a. "
                  "Only one branch counted?",
                  "+ 노드는 두 입력 각각에 1을 돌려보내는데, 두 입력이 모두 a입니다. "
                  "한쪽 경로만 세지 않았나요?"),
        3.0: Text("3 is a, a forward value. How far does b move when a moves by a small h?",
                  "3은 순전파 값인 a입니다. a가 작은 h만큼 움직이면 b는 얼마나 움직일까요?"),
        6.0: Text("6 is b, a forward value. How far does b move when a moves by a small h?",
                  "6은 순전파 값인 b입니다. a가 작은 h만큼 움직이면 b는 얼마나 움직일까요?"),
    },
    "dz/dx": {
        4.0: Text("4 is what arrives along the × branch alone (the other input, y); x also reaches z "
                  "through the + node. Only one branch counted?",
                  "4는 × 노드 쪽 경로로만 도착하는 값(다른 쪽 입력 y)입니다. x는 + 노드를 거쳐서도 "
                  "z에 닿습니다. 한쪽 경로만 세지 않았나요?"),
        1.0: Text("1 is what arrives along the + branch alone; x also reaches z through the × node. "
                  "Only one branch counted?",
                  "1은 + 노드 쪽 경로로만 도착하는 값입니다. x는 × 노드를 거쳐서도 z에 닿습니다. "
                  "한쪽 경로만 세지 않았나요?"),
        3.0: Text("3 is dz/dy (or x itself). Nudge x by h: both x*y and the + x move.",
                  "3은 dz/dy(또는 x 자체)입니다. x를 h만큼 움직이면 x*y도, 뒤에 더하는 x도 "
                  "함께 움직입니다."),
        15.0: Text("15 is z, a forward value, not a derivative.",
                   "15는 순전파 값인 z이지 미분이 아닙니다."),
    },
    "dz/dy": {
        4.0: Text("4 is y itself. The × node's local derivative with respect to y is the other input.",
                  "4는 y 자체입니다. × 노드를 y로 미분한 국소적 미분은 다른 쪽 입력입니다."),
        1.0: Text("1 is what the + node passes to m = x*y; y gets it times the × node's local "
                  "derivative.",
                  "1은 + 노드가 m = x*y에 전달하는 값입니다. y는 여기에 × 노드의 국소적 미분을 "
                  "곱한 값을 받습니다."),
        5.0: Text("5 is dz/dx. y is used only once, so nothing is added for it.",
                  "5는 dz/dx입니다. y는 한 번만 쓰이므로 더해질 것이 없습니다."),
        12.0: Text("12 is m = x*y, a forward value, not a derivative.",
                   "12는 순전파 값인 m = x*y이지 미분이 아닙니다."),
    },
}


@exercise("branch_gradients", parts=_BRANCH_PARTS, hints=(
    Text("nudge the input by a small h and follow EVERY path from it to the output: how much does "
    "the output move along each path?",
    ko="입력을 작은 h만큼 움직이고, 그 입력에서 출력까지 가는 경로를 '모두' 따라가 보세요. "
    "경로마다 출력이 얼마나 움직이나요?"),
    Text("backwards, a + node passes the gradient on unchanged to each input and a × node multiplies "
    "it by the other input; where one value feeds two nodes, add what arrives from both.",
    ko="역전파에서 + 노드는 기울기를 그대로 각 입력에 전달하고, × 노드는 기울기에 다른 쪽 입력을 "
    "곱합니다. 한 값이 두 노드로 들어가면, 양쪽에서 돌아온 기울기를 더하세요.")))
def check_branch_gradients(prediction, part) -> None:
    """prediction: {"db/da": ..., "dz/dx": ..., "dz/dy": ...}, numbers (None until predicted)."""
    if not isinstance(prediction, dict):
        raise Wrong(tr(f"prediction should be a dict like {{'db/da': ..., 'dz/dx': ..., 'dz/dy': ...}}, "
                       f"got {type(prediction).__name__}",
                       f"prediction은 {{'db/da': ..., 'dz/dx': ..., 'dz/dy': ...}} 같은 dict여야 "
                       f"합니다. 받은 값: {type(prediction).__name__}"))
    missing = [k for k in _BRANCH_PARTS if k not in prediction]
    if missing:
        raise Wrong(tr(f"prediction has no key {missing[0]!r}; keep the keys "
                       f"{', '.join(repr(k) for k in _BRANCH_PARTS)}",
                       f"prediction에 {missing[0]!r} 키가 없습니다. "
                       f"{', '.join(repr(k) for k in _BRANCH_PARTS)} 키를 모두 그대로 두세요"))
    for key in _BRANCH_PARTS:
        with part(key):
            got = prediction[key]
            if got is None:
                raise Unfilled(tr(f"{key} is still None: write your predicted number",
                                  f"{key}는 아직 None입니다. 예측한 숫자를 써넣으세요"))
            try:
                value = None if isinstance(got, (str, bytes)) else float(got)
            except (TypeError, ValueError):
                value = None
            if value is None:
                raise Wrong(tr(f"{key} should be a number, got {type(got).__name__} {got!r}",
                               f"{key}는 숫자여야 합니다. 받은 값: {type(got).__name__} {got!r}"))
            if not np.isclose(value, _BRANCH_TRUTH[key]):
                why = next((text for v, text in _BRANCH_MISTAKES[key].items() if np.isclose(value, v)),
                           tr("Nudge the input by a small h: how far does the output move?",
                              "입력을 작은 h만큼 움직여 보세요. 출력은 얼마나 움직이나요?"))
                raise Wrong(tr(f"You predicted {show(value)} for {key} of {_BRANCH_AT[key]}. {why}",
                               f"{_BRANCH_AT[key]}의 {key}에 대한 여러분의 예측은 "
                               f"{show(value)}입니다. {why}"))
