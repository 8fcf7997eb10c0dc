"""Checks for the exercises of notebook 01 (computational graphs, book 5.1-5.2).

chain_rule_mul     the learner writes grads(x, y) -> (dz/dx, dz/dy) for z = t**2, t = x * y
branch_gradients   the learner predicts db/da for b = a + a and dz/dx, dz/dy for z = x*y + x
"""

from __future__ import annotations

import numpy as np

from ...gradient import check_rule, numerical_gradient, rel_error
from ...language import Text
from . import Unfilled, Wrong, exercise
from ._assert import sequence, show

# ---------------------------------------------------------------- chain_rule_mul

# (3, 2) are the notebook's values; the others are points the learner did not try, with
# negative inputs, an input of 0 and random ones from a seeded generator.
_MUL_POINTS = [(3.0, 2.0), (-1.5, 4.0), (0.5, -0.25), (0.0, 2.5)] + [
    (float(a), float(b)) for a, b in np.round(np.random.default_rng(1).uniform(-5, 5, (3, 2)), 3)]


def _mul_mistake(part: str, x: float, y: float, got: float) -> str:
    """A likely reason for a wrong dz/dx (part "dz/dx") or dz/dy at (x, y), or ''."""
    t = x * y
    own, other = (y, x) if part == "dz/dx" else (x, y)  # dt/d(this input), dt/d(the other)
    name = part[-1]
    reasons = [
        (2 * t, f"that is dz/dt = 2t alone: multiply it by the × node's local derivative dt/d{name}"),
        (own, f"that is the local derivative dt/d{name} alone: multiply it by dz/dt = 2t"),
        (2 * t * other, "that is the other gradient: are dz/dx and dz/dy swapped?"),
        (2 * (x + y), "that is the answer for t = x + y, the example above; here t = x * y"),
    ]
    for value, why in reasons:
        if np.isclose(got, value) and not np.isclose(got, 2 * t * own):
            return f" ({why})"
    return ""


@exercise("chain_rule_mul", parts=("dz/dx", "dz/dy"), hints=(
    Text("dz/dx = dz/dt · dt/dx by the chain rule, and dz/dt = 2t as for t = x + y; what is the "
    "local derivative of t = x · y with respect to x, holding y fixed (and with respect to y)?", ko=""),
    Text("the × node's local derivatives are the OTHER input: dt/dx = y, dt/dy = x. Compute "
    "dz/dt = 2t once, then multiply it by each of them.", ko="")))
def check_chain_rule_mul(grads, part) -> None:
    """grads(x, y) -> (dz/dx, dz/dy) for z = t**2, t = x * y, against numerical gradients."""
    answers = [sequence(grads(x, y), 2, f"grads({x:g}, {y:g})") for x, y in _MUL_POINTS]
    for i, name in enumerate(("dz/dx", "dz/dy")):
        with part(name):
            for (x, y), answer in zip(_MUL_POINTS, answers):
                got = answer[i]
                where = f"grads({x:g}, {y:g})"
                if got is None:
                    raise Unfilled(f"{name} is still None (in {where}): put your {name} in its place")
                try:
                    arr = None if isinstance(got, (str, bytes)) else np.asarray(got, dtype=float)
                except (TypeError, ValueError):
                    arr = None
                if arr is None or arr.shape != ():
                    shown = show(arr) if arr is not None else repr(got)
                    raise Wrong(f"{where}: {name} should be one number, got "
                                f"{type(got).__name__} {shown}")
                value = float(arr)
                num = numerical_gradient(lambda v: (v[0] * v[1]) ** 2, np.array([x, y]))[i]
                if not rel_error(value, num) < check_rule(np.float64).threshold:
                    raise Wrong(f"{where}: {name} should be {show(num)} (numerical gradient), "
                                f"got {show(value)}{_mul_mistake(name, x, y, value)}")


# ---------------------------------------------------------------- branch_gradients

_BRANCH_PARTS = ("db/da", "dz/dx", "dz/dy")
_BRANCH_AT = {"db/da": "b = a + a at a = 3", "dz/dx": "z = x*y + x at x = 3, y = 4",
              "dz/dy": "z = x*y + x at x = 3, y = 4"}
_BRANCH_TRUTH = {"db/da": 2.0, "dz/dx": 5.0, "dz/dy": 3.0}
# likely predictions, and why they might be wrong; the right number is left to the reveal cell
_BRANCH_MISTAKES = {
    "db/da": {
        1.0: "The + node sends 1 back to each of its two inputs, and both inputs are a. "
             "Only one branch counted?",
        3.0: "3 is a, a forward value. How far does b move when a moves by a small h?",
        6.0: "6 is b, a forward value. How far does b move when a moves by a small h?",
    },
    "dz/dx": {
        4.0: "4 is what arrives along the × branch alone (the other input, y); x also reaches z "
             "through the + node. Only one branch counted?",
        1.0: "1 is what arrives along the + branch alone; x also reaches z through the × node. "
             "Only one branch counted?",
        3.0: "3 is dz/dy (or x itself). Nudge x by h: both x*y and the + x move.",
        15.0: "15 is z, a forward value, not a derivative.",
    },
    "dz/dy": {
        4.0: "4 is y itself. The × node's local derivative with respect to y is the other input.",
        1.0: "1 is what the + node passes to m = x*y; y gets it times the × node's local "
             "derivative.",
        5.0: "5 is dz/dx. y is used only once, so nothing is added for it.",
        12.0: "12 is m = x*y, a forward value, not a derivative.",
    },
}


@exercise("branch_gradients", parts=_BRANCH_PARTS, hints=(
    Text("nudge the input by a small h and follow EVERY path from it to the output: how much does "
    "the output move along each path?", ko=""),
    Text("backwards, a + node passes the gradient on unchanged to each input and a × node multiplies "
    "it by the other input; where one value feeds two nodes, add what arrives from both.", ko="")))
def check_branch_gradients(prediction, part) -> None:
    """prediction: {"db/da": ..., "dz/dx": ..., "dz/dy": ...}, numbers (None until predicted)."""
    if not isinstance(prediction, dict):
        raise Wrong(f"prediction should be a dict like {{'db/da': ..., 'dz/dx': ..., 'dz/dy': ...}}, "
                    f"got {type(prediction).__name__}")
    missing = [k for k in _BRANCH_PARTS if k not in prediction]
    if missing:
        raise Wrong(f"prediction has no key {missing[0]!r}; keep the keys "
                    f"{', '.join(repr(k) for k in _BRANCH_PARTS)}")
    for key in _BRANCH_PARTS:
        with part(key):
            got = prediction[key]
            if got is None:
                raise Unfilled(f"{key} is still None: write your predicted number")
            try:
                value = None if isinstance(got, (str, bytes)) else float(got)
            except (TypeError, ValueError):
                value = None
            if value is None:
                raise Wrong(f"{key} should be a number, got {type(got).__name__} {got!r}")
            if not np.isclose(value, _BRANCH_TRUTH[key]):
                why = next((text for v, text in _BRANCH_MISTAKES[key].items() if np.isclose(value, v)),
                           "Nudge the input by a small h: how far does the output move?")
                raise Wrong(f"You predicted {show(value)} for {key} of {_BRANCH_AT[key]}. {why}")
