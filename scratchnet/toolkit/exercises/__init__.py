"""Exercise checks: the learner writes a piece of the book's code, `check` says how far it got.

An exercise cell holds a stub and ends with its check:

    class MulLayer:
        def forward(self, x, y):
            raise NotImplementedError("your code here")
        def backward(self, dout):
            raise NotImplementedError("your code here")

    check("mul_layer", MulLayer)

The check has four outcomes, shown as the cell's result:

    mul_layer: not attempted yet ...      every part still raises NotImplementedError
    mul_layer: partly done ...            forward works, backward still raises: says which
    mul_layer: FAIL in backward ...       what was expected, what came, for which input
    mul_layer: PASS ...                   every part, every constraint the exercise states

Hints come only after a failed attempt, and they belong to the part that failed: its first
FAIL shows that part's first hint, a later FAIL of the same part its stronger hint. A checker
may raise `Wrong(message, hint=(first, stronger))` for a particular kind of mistake; then those
are the hints shown. A format slip (`FormatSlip`: text where a number goes, a list where a dict
goes, a missing key) gets a plain message and uses up no hint. An untouched stub never shows one.

Predictions (numbers, shapes, names the learner predicts) are all checked by one checker,
`predict.prediction`, with one rule for what it accepts; their FAILs never give the right value
of a wrong part. `reveal(name)` shows a prediction's answers.

A check is registered with `@exercise(name, parts=..., hints=(first, stronger))`, or with
`hints={part: (first, stronger), ...}`, a pair for each part. Its checker takes the attempt and,
when the exercise has parts, a `part` context for each of them (a name it does not declare is
an error of the check, `CheckError`):

    @exercise("mul_layer", parts=("forward", "backward"), hints=("...", "..."))
    def check_mul_layer(Layer, part):
        with part("forward"):
            ...                          # raise Wrong("expected ..., got ...") when wrong
        with part("backward"):
            ...

Each notebook's checks live in the module named after its subject (graphs, shopping,
activations, affine_softmax, two_layer_net, training, debugging); `_assert` holds the
comparisons they share. To get a notebook's stubs back after editing them, see `reset`.
"""

from __future__ import annotations

from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Callable

from ...language import Text, get_language, tr

CHECKS: dict = {}  # name -> Exercise; filled by the modules imported at the bottom
STATUSES = NOT_ATTEMPTED, PARTLY_DONE, FAILED, PASSED = (  # what CheckResult.status holds
    "not attempted", "partly done", "failed", "passed")
_failures: dict = {}  # (name, part) -> failed attempts so far in this kernel: picks the hint


def _declared(part, parts: tuple) -> bool:
    """`part` is one of `parts` (a part may be a Text, compared as the same object)."""
    return any(part is p or part == p or (isinstance(p, Text) and part in (p.en, p.ko))
               for p in parts)


class Wrong(AssertionError):
    """Raised by a checker when the attempt gives a wrong answer (the message says how).

    hint: (first, stronger), two Text, the hints for this kind of mistake; None: the part's."""

    def __init__(self, message: str = "", hint: tuple | None = None):
        super().__init__(message)
        self.hint = hint


class FormatSlip(Wrong):
    """The answer is not in the form asked (text for a number, a list for a dict, a missing key):
    the message says which form is wanted, and no hint is used up."""


class CheckError(RuntimeError):
    """An error in a check itself (not in the learner's attempt): e.g. an undeclared part name."""


class Unfilled(NotImplementedError):
    """Raised by a checker for a part the learner has not filled in (a prediction left None):
    counted like a stub that still raises NotImplementedError. The message says what is missing."""


@dataclass(frozen=True)
class Exercise:
    name: str
    checker: Callable
    parts: tuple  # () for a one-piece exercise
    hints: tuple | dict  # (first hint, stronger hint), or {part: (first, stronger)}; Text each
    todo: Text | None = None  # what an untouched stub asks for, when "replace each raise" is not it
    answers: dict = field(default_factory=dict)  # a prediction's {part: predict.Answer}
    form: list = field(default_factory=list)  # a prediction's form: ["dict"] or ["tuple"]

    def hints_for(self, part) -> tuple:
        """The (first, stronger) hints of `part` (the exercise's own pair when it has one)."""
        if not isinstance(self.hints, dict):
            return self.hints
        return next(pair for p, pair in self.hints.items() if p is part or p == part)


@dataclass
class CheckResult:
    name: str
    status: str  # one of STATUSES
    message: str
    done: tuple = ()  # the parts that work

    @property
    def passed(self) -> bool:
        return self.status == PASSED

    def __str__(self) -> str:
        return self.message

    __repr__ = __str__

    def _repr_pretty_(self, p, cycle):
        p.text(self.message)


class _Parts:
    """The `part` context a checker gets: remembers which parts work and which one is running.

    A part that raises Unfilled (a prediction left None) is set aside and the checker goes on
    with the next part, so predictions filled in any order are checked; `check` then reports
    the first unfilled one."""

    def __init__(self, ex: Exercise):
        self.ex = ex
        self.done: list = []
        self.unfilled: list = []  # (part, Unfilled) in the order met
        self.current: str | None = None

    @contextmanager
    def __call__(self, name):
        if not _declared(name, self.ex.parts):
            raise CheckError(f"exercise {self.ex.name!r}: part {name!r} is not one of its declared "
                             f"parts {self.ex.parts}")
        self.current = name
        try:
            yield
        except Unfilled as e:
            self.unfilled.append((name, e))
        else:
            self.done.append(name)
        self.current = None


def exercise(name: str, hints: tuple, parts: tuple = (), todo: Text | None = None) -> Callable:
    """Register `checker(attempt[, part])` under `name`; it raises Wrong when the attempt is wrong.

    hints: two Text(en, ko), the first hint and the stronger one (the learner reads them in the
    notebook's language, so both languages are given). todo: the sentence an untouched stub
    shows instead of "Replace each `raise NotImplementedError` ...", e.g. for a find-the-bug
    exercise whose stub is the buggy code."""
    pairs = list(hints.values()) if isinstance(hints, dict) else [hints]
    if isinstance(hints, dict) and (len(hints) != len(parts) or not parts
                                    or not all(_declared(k, parts) for k in hints)):
        raise ValueError(f"exercise {name!r}: hints by part need exactly the parts {parts}, "
                         f"got {tuple(hints)}")
    if any(len(pair) != 2 for pair in pairs):
        raise ValueError(f"exercise {name!r}: give two hints (a first one and a stronger one)")
    if not all(isinstance(t, Text) for pair in pairs for t in pair) or \
            not isinstance(todo, (Text, type(None))):
        raise TypeError(f"exercise {name!r}: hints and todo are Text(en, ko): a learner reads them "
                        "in English or in Korean")

    def register(checker):
        if name in CHECKS:
            raise ValueError(f"exercise {name!r} is registered twice")
        CHECKS[name] = Exercise(name, checker, tuple(parts),
                               dict(hints) if isinstance(hints, dict) else tuple(hints), todo)
        return checker
    return register


def _list(names) -> str:
    """"a", "a and b", "a, b and c" (in Korean "a, b, c": the particle for "and" would depend
    on how an English name ends)."""
    names = [str(n) for n in names]
    if get_language() == "ko" or len(names) == 1:
        return ", ".join(names)
    return ", ".join(names[:-1]) + " and " + names[-1]


def _not_attempted(ex: Exercise, missing: Exception | None = None) -> str:
    if isinstance(missing, Unfilled):  # a prediction: every value still None
        return tr(f"{ex.name}: not attempted yet. Replace each None with your prediction, then "
                  "run this cell again.",
                  f"{ex.name}: 아직 시도하지 않았습니다. None을 모두 여러분의 예측으로 바꾸고 "
                  "이 셀을 다시 실행하세요.")
    if ex.todo:
        return tr(f"{ex.name}: not attempted yet. {ex.todo}",
                  f"{ex.name}: 아직 시도하지 않았습니다. {ex.todo}")
    if ex.parts:
        what = tr(f" (write {_list(ex.parts)})", f"({_list(ex.parts)} 작성)")
    else:
        what = tr(" (write your code)", "")
    return tr(f"{ex.name}: not attempted yet. Replace each `raise NotImplementedError`"
              f"{what}, then run this cell again.",
              f"{ex.name}: 아직 시도하지 않았습니다. `raise NotImplementedError`를 모두 "
              f"여러분의 코드로 바꾸고{what} 이 셀을 다시 실행하세요.")


def _partly_done(ex: Exercise, done: list, current: str, missing: Exception) -> str:
    if isinstance(missing, Unfilled):
        todo = str(missing)
    else:
        todo = tr(f"{current} still raises NotImplementedError: write it next",
                  f"{current}: 아직 NotImplementedError를 일으킵니다. 다음에 작성하세요")
    return tr(f"{ex.name}: partly done. {_list(done)} {'is' if len(done) == 1 else 'are'} right; "
              f"{todo}.",
              f"{ex.name}: 일부 완료. {_list(done)}: 맞았습니다. {todo}.")


def _failed(ex: Exercise, where, what: str, hint: tuple | None = None) -> str:
    """A FAIL of part `where` (None: the whole exercise): the first failure of that part shows
    the first hint, a later one the stronger; `hint` is the mistake's own pair, if it has one."""
    key = (ex.name, where if where is None else str(where))
    _failures[key] = _failures.get(key, 0) + 1
    first = _failures[key] == 1
    if hint is not None:
        pair = hint
    elif isinstance(ex.hints, dict):
        pair = ex.hints_for(where) if where is not None else None  # a crash before any part
    else:
        pair = ex.hints
    place = tr(f" in {where}", f" ({where})") if where else ""
    text = tr(f"{ex.name}: FAIL{place}. {what}", f"{ex.name}: 실패{place}. {what}")
    if not pair:
        return text
    label = tr("Hint", "힌트") if first else tr("A stronger hint", "더 자세한 힌트")
    return f"{text}\n{label}: {pair[0] if first else pair[1]}"


def _slipped(ex: Exercise, where, what: str) -> str:
    """A format slip: what form is wanted, and no hint used up."""
    place = tr(f" in {where}", f" ({where})") if where else ""
    return tr(f"{ex.name}: not in the form asked{place}. {what}",
              f"{ex.name}: 답의 형태가 맞지 않습니다{place}. {what}")


def _passed(ex: Exercise) -> str:
    if ex.parts:
        return tr(f"{ex.name}: PASS ({_list(ex.parts)} checked).",
                  f"{ex.name}: 통과 ({_list(ex.parts)} 확인).")
    return tr(f"{ex.name}: PASS.", f"{ex.name}: 통과.")


def check(name: str, attempt, strict: bool = False) -> CheckResult:
    """Check the learner's `attempt` at exercise `name`; the result shows as the cell's output."""
    if name not in CHECKS:
        raise KeyError(tr(f"no exercise called {name!r}; known: {', '.join(sorted(CHECKS))}",
                          f"{name!r}이라는 연습 문제는 없습니다. 있는 것: {', '.join(sorted(CHECKS))}"))
    ex = CHECKS[name]
    parts = _Parts(ex)
    if attempt is None:
        result = CheckResult(name, NOT_ATTEMPTED, _not_attempted(ex))
    else:
        try:
            ex.checker(attempt, parts) if ex.parts else ex.checker(attempt)
            if parts.unfilled:  # every part checked but these, still None
                parts.current, first = parts.unfilled[0]
                raise first
        except NotImplementedError as missing:
            if parts.done:
                msg = _partly_done(ex, parts.done, parts.current, missing)
                result = CheckResult(name, PARTLY_DONE, msg, tuple(parts.done))
            else:
                result = CheckResult(name, NOT_ATTEMPTED, _not_attempted(ex, missing))
        except FormatSlip as e:
            result = CheckResult(name, FAILED, _slipped(ex, parts.current, str(e)), tuple(parts.done))
        except CheckError:
            raise
        except AssertionError as e:  # Wrong, or a plain assert in the learner's own code
            result = CheckResult(name, FAILED, _failed(ex, parts.current, str(e),
                                                       getattr(e, "hint", None)), tuple(parts.done))
        except Exception as e:  # the attempt itself crashed
            what = tr(f"Your code raised {type(e).__name__}: {e}",
                      f"여러분의 코드에서 예외가 발생했습니다. {type(e).__name__}: {e}")
            result = CheckResult(name, FAILED, _failed(ex, parts.current, what), tuple(parts.done))
        else:
            result = CheckResult(name, PASSED, _passed(ex), tuple(parts.done))
    if strict and not result.passed:
        raise AssertionError(result.message)
    return result


def forget_attempts() -> None:
    """Start every exercise's hints again from the first (as a fresh kernel does)."""
    _failures.clear()


from . import (activations, affine_softmax, autograd, debugging, graphs, shopping,  # noqa: E402,F401
               training, two_layer_net)
from .predict import reveal  # noqa: E402,F401
