"""One checker for every prediction of the series: numbers, lists of numbers, shapes, names.

A prediction exercise declares its parts once, each an `Answer` (what it asks, in both
languages; the right value; the mistakes worth a word; the hints), and `prediction()` registers
the check. The learner writes a dict keyed by the part names, or, where the notebook asks for a
tuple, the values in the parts' order; `None` is a part not predicted yet.

What a part accepts, the same in every notebook:
- a number: an int, a float or a NumPy number (np.float64(0.5), np.int64(3));
- numbers: a list, a tuple or a 1-D array of numbers, as many as asked;
- a shape: a tuple or a list of whole numbers, (3,) for one axis;
- a name: text, compared without regard to case or to spaces around it;
- names: a list, a tuple or a set of names, in any order.
Text where a number goes ('0.25'), True or False, a missing key, a list where a dict goes: each
is a format slip. The check says what form it wants, and no hint is used up.

A FAIL names the part that is wrong and says why that value may be wrong (a known mistake, a
direction, a question), never the right value. `reveal(name)` shows the right values, as the
reveal cell after the check does.
"""

from __future__ import annotations

import numbers
from dataclasses import dataclass, field

import numpy as np

from ...language import Text, tr
from . import CHECKS, FormatSlip, Unfilled, Wrong, _list, exercise

KINDS = ("number", "numbers", "shape", "name", "names")


@dataclass(frozen=True)
class Answer:
    """One part of a prediction.

    what: what the part asks for, e.g. Text("db/da for b = a + a at a = 3", ...).
    truth: the right value: a number, a tuple of numbers, a shape tuple, a name, or a tuple of names.
    choices: for a name or names, the names to choose from: any other is called unknown.
    kind: one of KINDS. rtol, atol: how close a number must be (np.isclose); within: (lo, hi),
    an accepted range instead, for an estimate.
    mistakes: {wrong value: Text}, why a likely wrong value may be wrong, without the right value.
    nudge: said for any other wrong value (a question, a quantity to look at).
    hints: (first, stronger) for this part; by default the exercise's.
    """

    what: Text
    truth: object
    kind: str = "number"
    rtol: float = 1e-3
    atol: float = 0.0
    within: tuple | None = None
    mistakes: dict = field(default_factory=dict)
    nudge: Text | None = None
    hints: tuple | None = None
    choices: tuple = ()  # for names: the names there are to choose from (another is wrong)

    def __post_init__(self):
        if self.kind not in KINDS:
            raise ValueError(f"Answer.kind must be one of {KINDS}, got {self.kind!r}")


# ------------------------------------------------------------------------ reading answers

def _is_number(x) -> bool:
    return isinstance(x, numbers.Real) and not isinstance(x, (bool, np.bool_))


def _a_number(got, name: str) -> float:
    if isinstance(got, (str, bytes)):
        raise FormatSlip(tr(f"{name}: write the number itself, without quotes ({got!r} is text)",
                            f"{name}: 따옴표 없이 숫자 자체를 쓰세요({got!r}은 문자열입니다)"))
    if isinstance(got, (bool, np.bool_)):
        raise FormatSlip(tr(f"{name}: write a number; {got} is a truth value",
                            f"{name}: 숫자를 쓰세요. {got}은 참/거짓 값입니다"))
    if isinstance(got, np.ndarray) and got.shape == () and got.dtype.kind in "iuf":
        got = got.item()
    if not _is_number(got):
        raise FormatSlip(tr(f"{name}: write one number, got {type(got).__name__}",
                            f"{name}: 숫자 하나를 쓰세요. 받은 것: {type(got).__name__}"))
    value = float(got)
    if not np.isfinite(value):
        raise FormatSlip(tr(f"{name}: write a finite number, got {value}",
                            f"{name}: 유한한 숫자를 쓰세요. 받은 값: {value}"))
    return value


def _read(answer: Answer, got, name: str):
    """The learner's value in a comparable form, or FormatSlip saying what form is wanted."""
    kind = answer.kind
    if kind == "number":
        return _a_number(got, name)
    if kind == "name":
        if not isinstance(got, str):
            raise FormatSlip(tr(f"{name}: write a name as text, in quotes, e.g. 'b1'",
                                f"{name}: 이름은 따옴표로 감싼 문자열로 쓰세요(예: 'b1')"))
        return got.strip().lower()
    if kind == "names":
        items = [got] if isinstance(got, str) else got
        if not isinstance(items, (list, tuple, set, frozenset)) or \
                not all(isinstance(s, str) for s in items):
            raise FormatSlip(tr(f"{name}: write a list of names in quotes, e.g. ['W1', 'b2'], "
                                "or [] for none",
                                f"{name}: 따옴표로 감싼 이름의 리스트로 쓰세요(예: ['W1', 'b2']). "
                                "하나도 없으면 []"))
        return frozenset(s.strip().lower() for s in items)
    n = len(answer.truth)
    if isinstance(got, (str, bytes, dict)) or not hasattr(got, "__len__") or \
            (isinstance(got, np.ndarray) and got.ndim != 1):
        form = (tr("a tuple such as (2, 3)", "(2, 3) 같은 튜플") if kind == "shape" else
                tr(f"a list of {n} numbers", f"숫자 {n}개의 리스트"))
        raise FormatSlip(tr(f"{name}: write {form}", f"{name}: {form}로 쓰세요"))
    items = list(got)
    if any(v is None for v in items):
        raise Unfilled(tr(f"{name} still holds None: fill in every value",
                          f"{name}에 아직 None이 있습니다. 값을 모두 채우세요"))
    if kind == "shape":
        if not all(isinstance(v, numbers.Integral) and not isinstance(v, (bool, np.bool_))
                   and v >= 0 for v in items):
            raise FormatSlip(tr(f"{name}: a shape holds whole numbers, e.g. (5, 784)",
                                f"{name}: 형상은 0 이상의 정수로 씁니다(예: (5, 784))"))
        return tuple(int(v) for v in items)
    if len(items) != n:
        raise FormatSlip(tr(f"{name}: write {n} numbers, got {len(items)}",
                            f"{name}: 숫자 {n}개를 써야 하는데 {len(items)}개입니다"))
    return tuple(_a_number(v, f"{name}[{i}]") for i, v in enumerate(items))


# ------------------------------------------------------------------------ judging them

def _close(answer: Answer, got: float, want: float) -> bool:
    if answer.within is not None:
        lo, hi = answer.within
        return lo <= got <= hi
    return bool(np.isclose(got, want, rtol=answer.rtol, atol=answer.atol))


def _right(answer: Answer, got) -> bool:
    if answer.kind == "number":
        return _close(answer, got, float(answer.truth))
    if answer.kind == "numbers":
        return all(_close(answer, g, float(w)) for g, w in zip(got, answer.truth))
    if answer.kind == "shape":
        return got == tuple(answer.truth)
    if answer.kind == "name":
        return got == str(answer.truth).strip().lower()
    return got == frozenset(s.strip().lower() for s in answer.truth)


def _known_mistake(answer: Answer, got):
    for wrong, why in answer.mistakes.items():
        if answer.kind in ("number", "numbers"):
            w = np.atleast_1d(np.asarray(wrong, dtype=float))
            g = np.atleast_1d(np.asarray(got, dtype=float))
            if w.shape == g.shape and np.allclose(g, w, rtol=answer.rtol, atol=max(answer.atol, 1e-9)):
                return why
        elif _read_key(answer, wrong) == got:
            return why
    return None


def _read_key(answer: Answer, wrong):
    if answer.kind == "name":
        return str(wrong).strip().lower()
    if answer.kind == "names":
        return frozenset(s.strip().lower() for s in wrong)
    return tuple(wrong)


def _shown(answer: Answer, got) -> str:
    """The learner's own answer, as they wrote it (never the right value)."""
    if answer.kind == "number":
        return f"{got:g}"
    if answer.kind == "numbers":
        return "[" + ", ".join(f"{v:g}" for v in got) + "]"
    if answer.kind == "names":
        return "[" + ", ".join(sorted(got)) + "]" if got else "[]"
    return repr(got)


def _which_off(answer: Answer, got) -> str:
    """For a list of numbers: which entries are off (0-based), and which way."""
    off = [i for i, (g, w) in enumerate(zip(got, answer.truth)) if not _close(answer, g, float(w))]
    if len(off) == len(got):
        return tr("every entry is off", "모든 값이 맞지 않습니다")
    return tr(f"{_list(f'[{i}]' for i in off)} {'is' if len(off) == 1 else 'are'} off, the rest "
              "are right", f"{_list(f'[{i}]' for i in off)}가 맞지 않고, 나머지는 맞습니다")


def _direction(answer: Answer, got: float) -> str:
    want = float(answer.truth) if answer.within is None else None
    if want is None:
        lo, hi = answer.within
        high = got > hi
    else:
        high = got > want
    return tr("too large", "너무 큽니다") if high else tr("too small", "너무 작습니다")


def judge(answer: Answer, got, name: str) -> None:
    """Raise Unfilled, FormatSlip or Wrong (with the part's hints) unless `got` is right."""
    if got is None:
        raise Unfilled(tr(f"{name} is still None: write your prediction of {answer.what}",
                          f"{name}: 아직 None입니다. {answer.what}의 예측을 쓰세요"))
    value = _read(answer, got, name)
    if _right(answer, value):
        return
    if answer.choices:
        known = {c.lower() for c in answer.choices}
        unknown = sorted(({value} if answer.kind == "name" else set(value)) - known)
        if unknown:
            choices = sorted(answer.choices)  # in their own order, not the answer's
            raise FormatSlip(tr(f"{name}: {_list(unknown)} {'is' if len(unknown) == 1 else 'are'} "
                                f"not among {_list(choices)}",
                                f"{name}: {_list(unknown)} - {_list(choices)} 가운데 없는 "
                                "이름입니다"))
    why = _known_mistake(answer, value)
    if why is None:
        if answer.kind == "number":
            why = tr(f"It is {_direction(answer, value)}.", f"{_direction(answer, value)}.")
        elif answer.kind == "numbers":
            why = tr(f"{_which_off(answer, value)}.", f"{_which_off(answer, value)}.")
        else:
            why = ""
        if answer.nudge is not None:
            why = f"{why} {answer.nudge}".strip()
    why = f" {why}" if why else ""
    raise Wrong(tr(f"{name} ({answer.what}): you predicted {_shown(answer, value)}, which is not "
                   f"it.{why}",
                   f"{name}({answer.what}): 여러분의 예측 {_shown(answer, value)}, 맞지 "
                   f"않습니다.{why}"),
                hint=answer.hints)


# ------------------------------------------------------------------------ registering

def prediction(name: str, answers: dict, hints: tuple, form: str = "dict") -> None:
    """Register the prediction `name`: parts `answers` {part: Answer}, checked in order.

    form: "dict", the learner writes {part: value}; "tuple", the values in the parts' order."""
    if form not in ("dict", "tuple"):
        raise ValueError(f"prediction {name!r}: form is 'dict' or 'tuple', got {form!r}")
    parts = tuple(answers)

    def checker(attempt, part):
        values = _values(attempt, parts, form)
        for p in parts:
            with part(p):
                judge(answers[p], values[p], p)

    exercise(name, hints=hints, parts=parts)(checker)
    CHECKS[name].answers.update(answers)
    CHECKS[name].form.append(form)


def _values(attempt, parts: tuple, form: str) -> dict:
    example = ", ".join(f"{p!r}: ..." for p in parts)
    if form == "dict":
        if not isinstance(attempt, dict):
            raise FormatSlip(tr(f"write a dict {{{example}}}, got {type(attempt).__name__}",
                                f"{{{example}}} 형태의 dict로 쓰세요. 받은 것: "
                                f"{type(attempt).__name__}"))
        missing = [p for p in parts if p not in attempt]
        if missing:
            raise FormatSlip(tr(f"the dict has no {_list(repr(m) for m in missing)}: keep every key "
                                "as given and replace only the None",
                                f"dict에 {_list(repr(m) for m in missing)} 키가 없습니다. 키는 "
                                "주어진 그대로 두고 None만 바꾸세요"))
        return {p: attempt[p] for p in parts}
    if isinstance(attempt, (str, bytes, dict)) or not hasattr(attempt, "__len__") or \
            len(attempt) != len(parts):
        raise FormatSlip(tr(f"write the {len(parts)} values ({_list(parts)}) as a tuple, in this order",
                            f"값 {len(parts)}개({_list(parts)})를 이 순서대로 튜플로 쓰세요"))
    return dict(zip(parts, attempt))


class Revealed(str):
    """Text that shows as itself, without quotes, when it ends a notebook cell."""

    def _repr_pretty_(self, p, cycle):
        p.text(str(self))


def reveal(name: str) -> Revealed:
    """The right answers of the prediction `name`, each with what it asked: end a cell with it."""
    if name not in CHECKS:
        raise KeyError(tr(f"no exercise called {name!r}", f"{name!r}이라는 연습 문제는 없습니다"))
    answers = CHECKS[name].answers
    if not answers:
        return Revealed(tr(f"{name} is written as code, not predicted: its worked answer is in "
                           "the notebook's file in solutions/",
                           f"{name}: 예측이 아니라 코드로 쓰는 문제입니다. 풀이는 solutions/에 "
                           "있는 노트북의 파일에 있습니다"))
    lines = [tr(f"{name}: the answers", f"{name}: 정답")]
    for p, a in answers.items():
        truth = a.truth if a.within is None else tr(f"between {a.within[0]:g} and {a.within[1]:g}, "
                                                    f"about {a.truth:g}",
                                                    f"{a.within[0]:g}에서 {a.within[1]:g} 사이, "
                                                    f"약 {a.truth:g}")
        lines.append(f"  {p} ({a.what}): {truth}")
    return Revealed("\n".join(lines))
