"""Auto-checked exercises: the learner writes a function or layer, `check` says pass or fail.

    def my_relu_backward(dout, mask):
        raise NotImplementedError   # the stub stored in the notebook
    result = check("relu_backward", my_relu_backward)
    # prints: relu_backward: not attempted yet. Hint: ...
    # (assign the result: a bare `check(...)` as a cell's last line would also show its repr)

A stub that still raises NotImplementedError (or an attempt of None) is "not attempted":
reported, never an error, so a notebook with its stubs still runs top to bottom.
A wrong attempt is reported as "FAIL" with what went wrong and a hint; `check` returns a
CheckResult either way, and raises only if you pass strict=True.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

CHECKS: dict = {}  # name -> (checker, hint); filled by the modules imported at the bottom


@dataclass
class CheckResult:
    name: str
    status: str  # "passed", "failed" or "not attempted"
    message: str

    @property
    def passed(self) -> bool:
        return self.status == "passed"

    def __str__(self) -> str:
        return self.message

    def _repr_pretty_(self, p, cycle):
        p.text(str(self))


def exercise(name: str, hint: str) -> Callable:
    """Register `checker(attempt)` under `name`; it raises AssertionError when the attempt is wrong."""
    def register(checker):
        if name in CHECKS:
            raise ValueError(f"exercise {name!r} is registered twice")
        CHECKS[name] = (checker, hint)
        return checker
    return register


def check(name: str, attempt, strict: bool = False, quiet: bool = False) -> CheckResult:
    """Run the check called `name` on the learner's `attempt` and print the verdict."""
    if name not in CHECKS:
        raise KeyError(f"no exercise called {name!r}; known: {', '.join(sorted(CHECKS))}")
    checker, hint = CHECKS[name]
    if attempt is None:
        result = CheckResult(name, "not attempted", f"{name}: not attempted yet. Hint: {hint}")
    else:
        try:
            checker(attempt)
        except NotImplementedError:
            result = CheckResult(name, "not attempted", f"{name}: not attempted yet. Hint: {hint}")
        except AssertionError as e:
            result = CheckResult(name, "failed", f"{name}: FAIL: {e}. Hint: {hint}")
        except Exception as e:  # the attempt itself crashed
            result = CheckResult(name, "failed",
                                 f"{name}: FAIL: your code raised {type(e).__name__}: {e}. Hint: {hint}")
        else:
            result = CheckResult(name, "passed", f"{name}: PASS")
    if not quiet:
        print(result.message)
    if strict and not result.passed:
        raise AssertionError(result.message)
    return result


from . import basics, networks  # noqa: E402,F401  (they register their checks)
