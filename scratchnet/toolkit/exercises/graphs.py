"""Checks for the exercises of notebook 01 (computational graphs, book 5.1-5.2).

chain_rule_mul     the learner writes grads(x, y) -> (dz/dx, dz/dy) for z = t**2, t = x * y
branch_gradients   the learner predicts db/da for b = a + a and dz/dx, dz/dy for z = x*y + x
"""

from __future__ import annotations

import numpy as np

from ...gradient import check_rule, numerical_gradient, rel_error
from ...language import Text, tr
from . import FormatSlip, Unfilled, Wrong, exercise
from ._assert import a_function, sequence, show, show_pair
from .predict import Answer, prediction

# ---------------------------------------------------------------- chain_rule_mul

# (3, 2) are the notebook's values; the others are points the learner did not try, with
# negative inputs, an input of 0 and random ones from a seeded generator.
_MUL_POINTS = [(3.0, 2.0), (-1.5, 4.0), (0.5, -0.25), (0.0, 2.5)] + [
    (float(a), float(b)) for a, b in np.round(np.random.default_rng(1).uniform(-5, 5, (3, 2)), 3)]


def _mul_mistake(part: str, points, values) -> tuple[str, tuple | None]:
    """A likely reason for the learner's wrong dz/dx (part "dz/dx") or dz/dy, and its hints:
    (" (why)", (first, stronger)), or ("", None).

    A reason is given only when its formula gives the learner's number at every point tried:
    at a single point two mistakes can coincide (at (3, 2), 2t and t * y are both 12)."""
    name = part[-1]
    other_name = "y" if name == "x" else "x"

    def own(x, y):  # dt/d(this input)
        return y if part == "dz/dx" else x

    def other(x, y):
        return x if part == "dz/dx" else y

    reasons = [
        (lambda x, y: x * y * own(x, y),
         tr(f"that is dz/dt · dt/d{name} with dz/dt = t: the derivative of t² is not t",
            f"dz/dt = t로 계산한 dz/dt · dt/d{name}입니다. t²의 미분은 t가 아닙니다"),
         (Text("the chain rule's first factor is the **2 node's local derivative: what is the "
               "derivative of t² with respect to t?",
               "연쇄법칙의 첫 인수는 **2 노드의 국소적 미분입니다. t²를 t로 미분하면 "
               "무엇일까요?"),
          Text("d(t²)/dt = 2t, not t: the factor 2 of the power rule is missing from both "
               "gradients",
               "d(t²)/dt = 2t이지 t가 아닙니다. 거듭제곱 미분의 인수 2가 두 기울기 모두에서 "
               "빠졌습니다"))),
        (lambda x, y: 2 * x * y,
         tr(f"that is dz/dt = 2t alone: the × node's local derivative dt/d{name} is missing",
            f"dz/dt = 2t만 구한 값입니다. × 노드의 국소적 미분 dt/d{name}가 빠졌습니다"),
         (Text(f"between {name} and z sits one more node, the × node: the chain rule multiplies "
               "by its local derivative too",
               f"{name}와 z 사이에는 노드가 하나 더 있습니다. × 노드입니다. 연쇄법칙은 그 "
               "국소적 미분도 곱합니다"),
          Text(f"dz/d{name} = dz/dt · dt/d{name}, and t = x · y changes by the OTHER input when "
               f"{name} moves by 1: multiply 2t by it",
               f"dz/d{name} = dz/dt · dt/d{name}이고, {name}가 1 움직이면 t = x · y는 '다른 쪽' "
               f"입력만큼 변합니다. 2t에 그것을 곱하세요"))),
        (own,
         tr(f"that is the local derivative dt/d{name} alone: dz/dt is missing",
            f"국소적 미분 dt/d{name}만 구한 값입니다. dz/dt가 빠졌습니다"),
         (Text("that is only the × node's part of the chain rule: what does the **2 node "
               "contribute on the way back?",
               "그것은 연쇄법칙에서 × 노드의 몫뿐입니다. 거꾸로 오는 길에 **2 노드는 무엇을 "
               "곱하나요?"),
          Text(f"multiply your dt/d{name} by dz/dt = 2t, the **2 node's local derivative",
               f"구한 dt/d{name}에 **2 노드의 국소적 미분 dz/dt = 2t를 곱하세요"))),
        (lambda x, y: 2 * x * y * other(x, y),
         tr("that is the other gradient: are dz/dx and dz/dy swapped?",
            "다른 쪽 기울기입니다. dz/dx와 dz/dy가 서로 바뀌지 않았나요?"),
         (Text("grads returns the pair (dz/dx, dz/dy), in that order: which of your two values "
               f"belongs to {name}?",
               "grads는 (dz/dx, dz/dy) 쌍을 이 순서로 돌려줍니다. 여러분의 두 값 중 어느 것이 "
               f"{name}의 것인가요?"),
          Text(f"the × node gives {name} the OTHER input: dz/d{name} = 2t · {other_name}; "
               "return dz/dx first",
               f"× 노드는 {name}에게 '다른 쪽' 입력을 줍니다: dz/d{name} = 2t · {other_name}. "
               "dz/dx를 먼저 돌려주세요"))),
        (lambda x, y: 2 * (x + y),
         tr("that is the answer for t = x + y, the example above; here t = x * y",
            "위의 예인 t = x + y일 때의 답입니다. 여기서는 t = x * y입니다"),
         (Text("only the first node changed, + to ×: which local derivative changes with it?",
               "첫 노드만 +에서 ×로 바뀌었습니다. 그와 함께 어느 국소적 미분이 바뀌나요?"),
          Text(f"dz/dt = 2t still, now with t = x · y; and d(x · y)/d{name} is the other input "
               f"where d(x + y)/d{name} was 1",
               f"dz/dt는 여전히 2t이고, 이제 t = x · y입니다. d(x + y)/d{name}는 1이었지만 "
               f"d(x · y)/d{name}는 다른 쪽 입력입니다"))),
    ]
    for formula, why, hint in reasons:
        if all(v is not None and np.isclose(v, formula(x, y)) for (x, y), v in zip(points, values)):
            return f" ({why})", hint
    return "", None


_MUL_HINTS = {
    "dz/dx": (
        Text("dz/dx = dz/dt · dt/dx by the chain rule, and dz/dt = 2t as for t = x + y; what is "
             "the local derivative of t = x · y with respect to x, holding y fixed?",
             "연쇄법칙에 따라 dz/dx = dz/dt · dt/dx이고, dz/dt = 2t는 t = x + y일 때와 "
             "같습니다. 그러면 y를 고정했을 때 t = x · y를 x로 미분한 국소적 미분은 무엇일까요?"),
        Text("the × node's local derivative for x is the OTHER input: dt/dx = y. Compute "
             "dz/dt = 2t once, then multiply it by y.",
             "× 노드에서 x의 국소적 미분은 '다른 쪽' 입력입니다: dt/dx = y. dz/dt = 2t를 한 번 "
             "계산한 다음, 여기에 y를 곱하세요.")),
    "dz/dy": (
        Text("dz/dy = dz/dt · dt/dy: what is the local derivative of t = x · y with respect to "
             "y, holding x fixed?",
             "dz/dy = dz/dt · dt/dy입니다. x를 고정했을 때 t = x · y를 y로 미분한 국소적 미분은 "
             "무엇일까요?"),
        Text("the × node's local derivative for y is the OTHER input: dt/dy = x. Multiply the "
             "same dz/dt = 2t by x.",
             "× 노드에서 y의 국소적 미분은 '다른 쪽' 입력입니다: dt/dy = x. 같은 dz/dt = 2t에 "
             "x를 곱하세요.")),
}


@exercise("chain_rule_mul", parts=("dz/dx", "dz/dy"), hints=_MUL_HINTS)
def check_chain_rule_mul(grads, part) -> None:
    """grads(x, y) -> (dz/dx, dz/dy) for z = t**2, t = x * y, against numerical gradients."""
    grads = a_function(grads, "chain_rule_mul", "grads")
    answers = []
    for x, y in _MUL_POINTS:
        try:
            answers.append(sequence(grads(x, y), 2, f"grads({x:g}, {y:g})"))
        except Wrong as e:  # not two values: a slip of form, no hint used up
            raise FormatSlip(str(e)) from None
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
                if isinstance(got, (bool, np.bool_)):
                    raise FormatSlip(tr(f"{where}: {name} should be a number, got the truth value {got}",
                                        f"{where}: {name}는 숫자여야 하는데 나온 것은 참/거짓 "
                                        f"값 {got}입니다"))
                try:
                    arr = None if isinstance(got, (str, bytes)) else np.asarray(got, dtype=float)
                except (TypeError, ValueError):
                    arr = None
                if arr is None or arr.shape != ():
                    shown = show(arr) if arr is not None else repr(got)
                    raise FormatSlip(tr(f"{where}: {name} should be one number, got "
                                        f"{type(got).__name__} {shown}",
                                        f"{where}: {name}는 숫자 하나여야 하는데 나온 것은 "
                                        f"{type(got).__name__} {shown}입니다"))
                value = float(arr)
                num = numerical_gradient(lambda v: (v[0] * v[1]) ** 2, np.array([x, y]))[i]
                if not rel_error(value, num) < check_rule(np.float64).threshold:
                    why, hint = _mul_mistake(name, _MUL_POINTS, values)
                    want_s, got_s = show_pair(num, value)
                    raise Wrong(tr(f"{where}: {name} should be {want_s} (numerical gradient), "
                                   f"got {got_s}{why}",
                                   f"{where}: 수치 미분으로 구한 {name}는 {want_s}이어야 하는데 "
                                   f"나온 값은 {got_s}입니다{why}"), hint=hint)


def _number_or_none(got):
    """got as a float, or None when it is not one number (the check reports that itself)."""
    try:
        arr = None if isinstance(got, (str, bytes)) else np.asarray(got, dtype=float)
    except (TypeError, ValueError):
        return None
    return float(arr) if arr is not None and arr.shape == () else None


# ---------------------------------------------------------------- branch_gradients

# The notebook's values: b = a + a at a = 3; z = x*y + x at x = 3, y = 4. No text of a part
# holds its own right value (db/da 2, dz/dx 5, dz/dy 3): the reveal cell computes them.
_ONE_PATH = Text("Nudge the input by a small h: how far does the output move?",
                 "입력을 작은 h만큼 움직여 보세요. 출력은 얼마나 움직이나요?")

prediction("branch_gradients", {
    "db/da": Answer(
        Text("b = a + a at a = 3", "a = 3일 때 b = a + a"), 2.0, rtol=1e-5, atol=1e-8,
        mistakes={
            1.0: Text("The + node sends the gradient back to each of its two inputs, and both "
                      "inputs are a. Only one branch counted?",
                      "+ 노드는 기울기를 두 입력 각각에 돌려보내는데, 두 입력이 모두 a입니다. "
                      "한쪽 경로만 세지 않았나요?"),
            3.0: Text("3 is a, a forward value. How far does b move when a moves by a small h?",
                      "3은 순전파 값인 a입니다. a가 작은 h만큼 움직이면 b는 얼마나 움직일까요?"),
            6.0: Text("6 is b, a forward value. How far does b move when a moves by a small h?",
                      "6은 순전파 값인 b입니다. a가 작은 h만큼 움직이면 b는 얼마나 움직일까요?"),
        },
        nudge=_ONE_PATH,
        hints=(Text("both input slots of the + node hold a: nudge a by a small h and count how "
                    "many times the nudge reaches b",
                    "+ 노드의 두 입력 자리에 모두 a가 들어 있습니다. a를 작은 h만큼 움직이고, "
                    "그 변화가 b에 몇 번 닿는지 세어 보세요"),
               Text("backwards, the + node sends the arriving 1 to each of its input slots; both "
                    "slots are a, so a receives it twice: add the two",
                    "역전파에서 + 노드는 도착한 1을 두 입력 자리 각각에 보냅니다. 두 자리가 모두 "
                    "a이므로 a는 그것을 두 번 받습니다. 둘을 더하세요"))),
    "dz/dx": Answer(
        Text("z = x*y + x at x = 3, y = 4", "x = 3, y = 4일 때 z = x*y + x"), 5.0,
        rtol=1e-5, atol=1e-8,
        mistakes={
            4.0: Text("4 is what arrives along the × branch alone (the other input, y); x also "
                      "reaches z through the + node. Only one branch counted?",
                      "4는 × 노드 쪽 경로로만 도착하는 값(다른 쪽 입력 y)입니다. x는 + 노드를 "
                      "거쳐서도 z에 닿습니다. 한쪽 경로만 세지 않았나요?"),
            1.0: Text("1 is what arrives along the + branch alone; x also reaches z through the "
                      "× node. Only one branch counted?",
                      "1은 + 노드 쪽 경로로만 도착하는 값입니다. x는 × 노드를 거쳐서도 z에 "
                      "닿습니다. 한쪽 경로만 세지 않았나요?"),
            3.0: Text("3 is x itself, a forward value. Nudge x by h: both x*y and the + x move.",
                      "3은 순전파 값인 x 자체입니다. x를 h만큼 움직이면 x*y도, 뒤에 더하는 x도 "
                      "함께 움직입니다."),
            12.0: Text("12 is m = x*y, a forward value, not a derivative.",
                       "12는 순전파 값인 m = x*y이지 미분이 아닙니다."),
        },
        nudge=Text("Nudge x by a small h and follow every path from x to z: how far does z move "
                   "along each?",
                   "x를 작은 h만큼 움직이고 x에서 z까지 가는 경로를 모두 따라가 보세요. 경로마다 "
                   "z가 얼마나 움직이나요?"),
        hints=(Text("x reaches z along two paths, through the × node and straight into the + "
                    "node: what comes back along each?",
                    "x는 두 경로로 z에 닿습니다. × 노드를 거치는 길과 + 노드로 바로 가는 "
                    "길입니다. 경로마다 무엇이 돌아오나요?"),
               Text("the + node passes dz/dz = 1 to both its inputs; along the × branch x gets "
                    "that 1 times the OTHER input, y; along the + branch it gets the 1 itself. "
                    "Where one value feeds two nodes, add what arrives from both",
                    "+ 노드는 dz/dz = 1을 두 입력에 그대로 전달합니다. × 노드 쪽 경로로 x는 그 "
                    "1에 '다른 쪽' 입력 y를 곱한 값을 받고, + 노드 쪽 경로로는 1을 그대로 "
                    "받습니다. 한 값이 두 노드로 들어가면, 양쪽에서 돌아온 값을 더하세요"))),
    "dz/dy": Answer(
        Text("the same z = x*y + x, at the same x and y", "같은 x, y에서 같은 z = x*y + x"), 3.0,
        rtol=1e-5, atol=1e-8,
        mistakes={
            4.0: Text("4 is y itself. The × node's local derivative with respect to y is the "
                      "other input.",
                      "4는 y 자체입니다. × 노드를 y로 미분한 국소적 미분은 다른 쪽 입력입니다."),
            1.0: Text("1 is what the + node passes to m = x*y; y gets it times the × node's "
                      "local derivative.",
                      "1은 + 노드가 m = x*y에 전달하는 값입니다. y는 여기에 × 노드의 국소적 "
                      "미분을 곱한 값을 받습니다."),
            5.0: Text("y is used only once: a single path leads from y to z, so nothing is added "
                      "for it.",
                      "y는 한 번만 쓰입니다. y에서 z로 가는 경로가 하나뿐이므로 더해질 것이 "
                      "없습니다."),
            12.0: Text("12 is m = x*y, a forward value, not a derivative.",
                       "12는 순전파 값인 m = x*y이지 미분이 아닙니다."),
            15.0: Text("15 is z, a forward value, not a derivative.",
                       "15는 순전파 값인 z이지 미분이 아닙니다."),
        },
        nudge=Text("Nudge y by a small h: how far does z move?",
                   "y를 작은 h만큼 움직여 보세요. z는 얼마나 움직이나요?"),
        hints=(Text("y reaches z along one path only, through the × node and then the + node: "
                    "what does each node do to the gradient on the way back?",
                    "y는 한 경로로만 z에 닿습니다. × 노드를 지나 + 노드로 갑니다. 거꾸로 오는 "
                    "길에 각 노드는 기울기에 무엇을 하나요?"),
               Text("the + node passes dz/dz = 1 on unchanged to m = x*y; the × node multiplies "
                    "it by its OTHER input, which for y is x",
                    "+ 노드는 dz/dz = 1을 m = x*y에 그대로 전달합니다. × 노드는 여기에 '다른 "
                    "쪽' 입력을 곱하는데, y에게 다른 쪽 입력은 x입니다"))),
}, hints=(Text("nudge the input by a small h and follow EVERY path from it to the output",
               "입력을 작은 h만큼 움직이고, 그 입력에서 출력까지 가는 경로를 '모두' 따라가 보세요"),
          Text("backwards, a + node passes the gradient on unchanged to each input and a × node "
               "multiplies it by the other input; where one value feeds two nodes, add what "
               "arrives from both",
               "역전파에서 + 노드는 기울기를 그대로 각 입력에 전달하고, × 노드는 기울기에 다른 "
               "쪽 입력을 곱합니다. 한 값이 두 노드로 들어가면, 양쪽에서 돌아온 기울기를 "
               "더하세요")))
