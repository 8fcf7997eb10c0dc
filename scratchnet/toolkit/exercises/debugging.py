"""Checks for the exercises of notebook 07 (debugging backprop).

debug_stuck_digit       a prediction: the digit a network stuck at 11.35% answers for every image
fix_softmax_with_loss   a classmate's SoftmaxWithLoss, given with a bug (no division by the batch
                        size): the learner finds it and fixes it
fix_affine              a classmate's Affine, given with a bug (db summed over the wrong axis)
debug_print_lines       a prediction: the lines a debug print in Affine.forward adds to a full run

The two predictions go through the series' one checker (predict.prediction): a FAIL names the
part and why the value may be wrong, never the right value; reveal(name) gives the answers.

The fix_ checks verify the fixed layer, not the edit: the book's contract on shapes the learner
did not try (drawn from a seeded generator, a square W, a batch as large as the output),
numerical gradients, a `dout` that is not 1, inputs left unchanged, float32 kept. A FAIL reports
the symptom as the learner's own gradient check would see it (which gradient is wrong, its
relative error against the numerical gradient, for which input) and leaves the cause to the
learner: only the stronger hint of that kind of failure may name it.
"""

from __future__ import annotations

import dataclasses

import numpy as np

from ...gradient import check_rule, numerical_gradient, rel_error
from ...language import Text, tr
from . import CHECKS, FormatSlip, Wrong, exercise
from ._assert import a_class, close, mistake, same_dtype, show, unchanged
from .predict import Answer, prediction

# The 10,000 MNIST test labels, counted per digit 0-9 (np.bincount(t_test)).
MNIST_TEST_COUNTS = (980, 1135, 1032, 1010, 982, 892, 958, 1028, 974, 1009)
_THRESHOLD = check_rule(np.float64).threshold  # the series' rule (notebook 05): 1e-07


class _Part(str):
    """A part's name in both languages: equal to (and hashed as) its English name, the one
    the checker, CheckResult.done and the tests use; shown (str(), f-strings) in the current
    language."""

    def __new__(cls, text: Text):
        part = super().__new__(cls, text.en)
        part.text = text
        return part

    def __str__(self) -> str:
        return str(self.text)

    def __format__(self, spec: str) -> str:
        return format(str(self), spec)


def _magnitude(err: float) -> str:
    """2.2e-12 -> "~1e-12": the nearest power of ten, as notebook 01 prints a relative error."""
    return "0" if err == 0 else f"~{10.0 ** round(np.log10(err)):.0e}"


def _scale(got, want) -> float | None:
    """k when got is k times want in every entry (k not 1), else None."""
    got, want = np.asarray(got, dtype=np.float64), np.asarray(want, dtype=np.float64)
    if got.shape != want.shape or not np.any(want):
        return None
    k = float(np.sum(got * want) / np.sum(want * want))
    if np.isclose(k, 1.0) or not np.allclose(got, k * want, rtol=1e-5, atol=1e-9):
        return None
    return k


def _kept_float32(got, what: str, hint: tuple) -> None:
    """same_dtype(got, float32), with why the dtype matters here."""
    try:
        same_dtype(got, np.float32, what)
    except Wrong as e:
        raise Wrong(tr(f"{e}. It matters in a network: notebook 06 trains in float32, and a "
                       "float64 gradient makes every layer below it compute in float64, twice "
                       "the memory and slower",
                       f"{e}. 신경망에서는 이것이 중요합니다. 노트북 06은 float32로 학습하는데, "
                       "float64 기울기가 하나 섞이면 그 앞 계층들이 모두 float64로 계산하게 되어 "
                       "메모리는 두 배가 들고 더 느려집니다"), hint=hint) from None


# ---------------------------------------------------------------- debug_stuck_digit (section 2)


def _stuck_mistake(d: int) -> Text:
    share = MNIST_TEST_COUNTS[d] / sum(MNIST_TEST_COUNTS)
    count = f"{MNIST_TEST_COUNTS[d]:,}"
    return Text(f"A network that answers {d} for every image is right on the {count} test images "
                f"of a {d}: test accuracy {share:.2%}, but the stuck network scored 11.35%.",
                f"답이 언제나 {d}인 신경망은 시험 이미지 중 숫자 {d}인 {count}장만 맞힙니다. "
                f"시험 정확도는 {share:.2%}인데, 멈춘 신경망의 정확도는 11.35%였습니다.")


prediction("debug_stuck_digit", {
    "digit": Answer(
        what=Text("the one answer, for every image, that scores 11.24% and 11.35%",
                  "모든 이미지에 똑같이 내놓아 11.24%와 11.35%를 얻는 답"),
        truth=1, rtol=0, atol=0,
        mistakes={d: _stuck_mistake(d) for d in range(10) if d != 1},
        nudge=Text("Which digit makes up 11.35% of the test labels?",
                   "시험 레이블의 11.35%를 차지하는 숫자는 무엇일까요?")),
}, hints=(
    Text("a network that gives the same answer for every image is right on the images of that one "
         "digit and wrong on all the others",
         "모든 이미지에 같은 답을 내는 신경망은 그 숫자의 이미지에서만 맞고 나머지에서는 모두 "
         "틀립니다"),
    Text("its accuracy is that digit's share of the labels: count each digit in the test labels "
         "(np.bincount of t_test) and find the one that makes up 11.35% of the 10,000 images",
         "그 정확도는 정답 레이블에서 그 숫자가 차지하는 비율입니다. 시험 레이블을 숫자별로 세어 "
         "보고(t_test의 np.bincount) 이미지 10,000장 중 11.35%를 차지하는 숫자를 찾으세요")))


def _digit_form(check_prediction):
    """The prediction's checker, after one more rule of form: the digit is a whole number 0-9
    (1.5 or 10 is not a digit at all: a format slip, not a wrong digit, and no direction given)."""
    def checker(attempt, part):
        got = attempt.get("digit") if isinstance(attempt, dict) else None
        if isinstance(got, (int, float, np.integer, np.floating)) and not isinstance(
                got, (bool, np.bool_)) and np.isfinite(got) and (got != int(got) or not 0 <= got <= 9):
            with part("digit"):
                raise FormatSlip(tr(f"digit: write one of the digits 0 to 9, got {show(got)}",
                                    f"digit: 0부터 9까지의 숫자 중 하나를 쓰세요. 받은 값: "
                                    f"{show(got)}"))
        check_prediction(attempt, part)
    return checker


CHECKS["debug_stuck_digit"] = dataclasses.replace(
    CHECKS["debug_stuck_digit"], checker=_digit_form(CHECKS["debug_stuck_digit"].checker))


# ---------------------------------------------------------------- fix_softmax_with_loss (section 5)

_SOFTMAX_SEED = 7


def _mean_loss(x, idx) -> float:
    """The exact mean cross-entropy of softmax(x) against class indices (log-sum-exp, no delta)."""
    shifted = x - x.max(axis=1, keepdims=True)
    log_sum = np.log(np.exp(shifted).sum(axis=1))
    return float(np.mean(log_sum - shifted[np.arange(len(x)), idx]))


# Hints by kind of failure: each names the cause only in its stronger half.
_SCALE_FIRST = Text(
    "put your dx beside the numerical gradient, entry by entry: is every entry off by the same "
    "factor? Then run your gradient check with another batch size: does that factor change with N?",
    "여러분의 dx와 수치 미분으로 구한 기울기를 원소끼리 나란히 놓아 보세요. 모든 원소가 같은 "
    "배수만큼 어긋나나요? 그다음 배치 크기를 바꿔 기울기 확인을 다시 해 보세요. 그 배수가 N에 "
    "따라 달라지나요?")


def _scale_hints(scales: list) -> tuple:
    """(first, stronger) for a dx that is a multiple of the numerical gradient: scales holds
    (n, k) for each batch tried, k the multiple (None where dx is not one), the failing batch
    first. A cause is named only when it explains every batch tried (a dx 4 times too large at
    N = 4 could be a stray 4; at N = 6 too it is N)."""
    n, k = scales[0]
    every = [k_ for _, k_ in scales]
    if None not in every and all(np.isclose(k_, n_) for n_, k_ in scales):
        stronger = Text(
            f"every entry of your dx is {n} times the numerical gradient for this batch of {n}: "
            "N times, the gradient of the SUM of the samples' losses. The loss is their MEAN, so "
            "its gradient carries the same 1/N: divide by the batch size in both branches (or "
            "once, after them)",
            f"배치 크기가 {n}인 이 입력에서 dx의 모든 원소가 수치 미분의 {n}배, 즉 N배입니다. "
            "샘플 손실의 '합'의 기울기입니다. 손실은 그 '평균'이므로 기울기에도 같은 1/N이 "
            "붙습니다. 원-핫 레이블일 때도 클래스 번호일 때도(또는 if 문이 끝난 뒤 한 번) 배치 크기로 나누세요")
    elif None not in every and all(np.isclose(k_, 1 / n_) for n_, k_ in scales):
        stronger = Text(
            f"every entry of your dx is 1/{n} of the numerical gradient for this batch of {n}: "
            "1/N. The batch size divides twice; the mean over N samples calls for one division",
            f"배치 크기가 {n}인 이 입력에서 dx의 모든 원소가 수치 미분의 1/{n}, 즉 1/N입니다. "
            "배치 크기로 두 번 나누었습니다. N개 샘플의 평균에는 한 번의 나눗셈이면 됩니다")
    else:
        stronger = Text(
            f"every entry of your dx is {k:.3g} times the numerical gradient for this batch of "
            f"{n}: which factor does your backward multiply or divide by? The loss is the mean "
            "over N samples, so dx is dout * (y - t) / N",
            f"배치 크기가 {n}인 이 입력에서 dx의 모든 원소가 수치 미분의 {k:.3g}배입니다. "
            "여러분의 backward는 어떤 수를 곱하거나 나누나요? 손실은 N개 샘플의 평균이므로 dx는 "
            "dout * (y - t) / N입니다")
    return _SCALE_FIRST, stronger


_VALUE_HINTS = (
    Text("which entries differ? Compare your dx with the numerical gradient row by row: each row "
         "is one sample, and y - t differs from y only at that sample's true class",
         "어느 원소가 다른가요? 여러분의 dx와 수치 미분으로 구한 기울기를 행마다 비교해 보세요. "
         "한 행이 샘플 하나이고, y - t는 그 샘플의 정답 클래스에서만 y와 다릅니다"),
    Text("dL/dx = dout * (y - t) / N: the softmax output minus the one-hot label, divided by the "
         "batch size N. With class indices, subtract 1 at each sample's own class only: "
         "dx[np.arange(N), t] -= 1 on a copy of y",
         "dL/dx = dout * (y - t) / N입니다. 소프트맥스 출력에서 원-핫 레이블을 빼고 배치 크기 N으로 "
         "나눕니다. 클래스 번호라면 y의 복사본에서 각 샘플의 정답 클래스 자리에서만 1을 빼세요: "
         "dx[np.arange(N), t] -= 1"))
_SHAPE_HINTS = (
    Text("backward returns dL/dx, one number for each score: what shape has x?",
         "backward는 점수 하나마다 숫자 하나씩인 dL/dx를 돌려줍니다. x의 형상은 무엇인가요?"),
    Text("dx has the shape of the scores x, (N, C): build it from self.y, which has that shape, and "
         "return it",
         "dx의 형상은 점수 x와 같은 (N, C)입니다. 같은 형상인 self.y로 dx를 만들어 돌려주세요"))
_STORED_HINTS = (
    Text("what does backward read that forward stored? Print self.y before and after one "
         "backward() call",
         "backward는 forward가 저장한 무엇을 읽나요? backward()를 한 번 호출하기 전과 후의 "
         "self.y를 출력해 보세요"),
    Text("your backward writes into what forward stored: dx = self.y gives the same array a second "
         "name, so -= or /= on dx changes self.y too, and the next backward starts from the changed "
         "array. Start dx as a new array: self.y.copy(), or self.y - self.t",
         "여러분의 backward가 forward가 저장한 값에 씁니다. dx = self.y는 같은 배열에 이름을 하나 "
         "더 붙일 뿐이어서, dx에 -=나 /=를 하면 self.y도 바뀌고 다음 backward는 바뀐 배열에서 "
         "시작합니다. dx는 새 배열로 시작하세요: self.y.copy() 또는 self.y - self.t"))
_DOUT_HINTS = (
    Text("dout is the gradient that arrives from above, dL/d(loss). What does the chain rule do "
         "with what arrives from above?",
         "dout은 상류에서 전해지는 기울기 dL/d(loss)입니다. 연쇄법칙은 상류에서 온 값으로 무엇을 "
         "하나요?"),
    Text("the chain rule multiplies by dout: return dx * dout, with the division by N, so that "
         "backward(0.5) gives half of backward()",
         "연쇄법칙에 따라 dout을 곱합니다. N으로 나누는 것과 함께 dx * dout을 돌려주면 "
         "backward(0.5)가 backward()의 절반이 됩니다"))
_LOSS_HINTS = (
    Text("forward returns one number, the MEAN of the N samples' losses -log y[i, t_i]",
         "forward는 숫자 하나, 즉 N개 샘플 손실 -log y[i, t_i]의 '평균'을 돌려줍니다"),
    Text("loss = -np.mean(np.log(self.y[np.arange(N), labels])), with labels the class indices "
         "(t.argmax(axis=1) for one-hot t)",
         "loss = -np.mean(np.log(self.y[np.arange(N), labels]))이고, labels는 클래스 번호입니다"
         "(원-핫 t라면 t.argmax(axis=1))"))
_INPUT_HINTS = (
    Text("which line writes into the caller's x or t? An in-place operation (-=, /=, x[...] = ...) "
         "on an argument changes the caller's array",
         "어느 줄이 호출한 쪽의 x나 t에 쓰나요? 인수에 대한 제자리 연산(-=, /=, x[...] = ...)은 "
         "호출한 쪽의 배열을 바꿉니다"),
    Text("compute into a new array: x - x.max(axis=1, keepdims=True) instead of x -= ..., "
         "t.argmax(axis=1) instead of changing t",
         "새 배열에 계산하세요. x -= ... 대신 x - x.max(axis=1, keepdims=True), t를 바꾸는 대신 "
         "t.argmax(axis=1)을 씁니다"))
_DTYPE_HINTS = (
    Text("which array in your backward is float64? np.eye, np.zeros without dtype= and lists of "
         "Python numbers make float64 arrays",
         "여러분의 backward에서 어느 배열이 float64인가요? np.eye, dtype= 없는 np.zeros, 파이썬 "
         "숫자의 리스트는 float64 배열을 만듭니다"),
    Text("build dx from self.y, which is float32 when the scores are: self.y - self.t, or "
         "self.y.copy() with 1 subtracted; dividing by len(dx), an int, keeps float32",
         "점수가 float32이면 self.y도 float32이니 dx를 self.y로 만드세요: self.y - self.t, 또는 "
         "self.y.copy()에서 1을 빼기. 정수인 len(dx)로 나누면 float32가 유지됩니다"))


def _returned(dx, what: str) -> np.ndarray:
    """What backward returned, as a new float64 array."""
    if dx is None:
        raise Wrong(tr(f"{what} returned None: return dx, the gradient for the layer below",
                       f"{what}: None을 돌려주었습니다. 앞 계층으로 보낼 기울기 dx를 "
                       "돌려주세요"), hint=_SHAPE_HINTS)
    try:
        return np.array(dx, dtype=np.float64)
    except (TypeError, ValueError):
        raise Wrong(tr(f"{what} returned {type(dx).__name__}, not an array",
                       f"{what}: 돌려준 값이 배열이 아니라 {type(dx).__name__}입니다"),
                    hint=_SHAPE_HINTS) from None


def _scales(Layer, one_hot: bool) -> list:
    """(n, k) for each batch tried: the learner's dx is k times the numerical gradient (k None
    when it is not a multiple, or when the layer fails there in another way)."""
    found = []
    for x, t, idx, _ in _softmax_cases(one_hot):
        try:
            layer = Layer()
            layer.forward(x.copy(), t.copy())
            dx = np.array(layer.backward(), dtype=np.float64)
            k = _scale(dx, numerical_gradient(lambda v: _mean_loss(v, idx), x.copy()))
        except Exception:  # noqa: BLE001  (the check reports the failing batch itself)
            k = None
        found.append((len(x), k))
    return found


def _gradient(got, want, what: str, scales) -> None:
    """dx == want (a numerical gradient) by the series' rule, else Wrong with the symptom a
    gradient check shows: the relative error, for this input, and the two arrays. scales():
    the (n, k) of every batch tried, the failing one first, for the hint."""
    if got.shape != np.shape(want):
        raise Wrong(tr(f"{what}: dx has shape {got.shape}, expected {np.shape(want)}, "
                       "the shape of the scores x",
                       f"{what}: dx의 형상은 점수 x와 같은 {np.shape(want)}이어야 "
                       f"하는데 {got.shape}입니다"), hint=_SHAPE_HINTS)
    err = rel_error(got, want)
    if err < _THRESHOLD:
        return
    k = _scale(got, want)
    mag = _magnitude(err)
    raise Wrong(tr(f"{what}: dx fails the gradient check, relative error {err:.1e} against the "
                   f"numerical gradient ({mag}, where a right dx stays below {_THRESHOLD:.0e}). "
                   f"Yours: {show(got)}, numerical: {show(want)}",
                   f"{what}: dx가 기울기 확인을 통과하지 못합니다. 수치 미분으로 구한 기울기에 "
                   f"대한 상대 오차가 {err:.1e}입니다({mag} 수준이며, 올바른 dx라면 {_THRESHOLD:.0e} "
                   f"아래에 머뭅니다). 여러분의 dx: {show(got)}, 수치 미분: {show(want)}"),
                hint=_VALUE_HINTS if k is None else _scale_hints(scales()))


def _softmax_cases(one_hot: bool) -> list:
    """(x, t, indices, what) for two batches of shapes the learner did not try."""
    rng = np.random.default_rng(_SOFTMAX_SEED + one_hot)
    cases = []
    for n, c in ((4, 3), (6, 5)):
        x = rng.standard_normal((n, c))
        idx = rng.integers(0, c, n)
        t = np.eye(c)[idx] if one_hot else idx
        kind = tr("one-hot t", "원-핫 t") if one_hot else tr("t as class indices", "클래스 번호 t")
        cases.append((x, t, idx, tr(f"a batch of N = {n} samples, C = {c} classes, {kind}",
                                    f"샘플 N = {n}개, 클래스 C = {c}개인 배치, {kind}")))
    return cases


def _check_softmax_layer(Layer, one_hot: bool) -> None:
    for x, t, idx, where in _softmax_cases(one_hot):
        n = len(x)
        x0, t0 = x.copy(), t.copy()
        layer = Layer()
        loss = layer.forward(x, t)
        with mistake(_LOSS_HINTS):
            close(loss, _mean_loss(x0, idx), tr(f"forward(x, t) with {where}: the mean loss",
                                                f"forward(x, t) ({where}): 평균 손실"), rtol=1e-4)
        what = tr(f"backward() after forward(x, t) with {where}",
                  f"forward(x, t) 뒤의 backward() ({where})")
        dx = _returned(layer.backward(), what)  # a copy: later calls cannot change it
        with mistake(_INPUT_HINTS):
            unchanged(x, x0, "x")
            unchanged(t, t0, "t")
        num = numerical_gradient(lambda v: _mean_loss(v, idx), x0.copy())
        _gradient(dx, num, what, lambda: [(n, _scale(dx, num))] + [
            s for s in _scales(Layer, one_hot) if s[0] != n])
        again = _returned(layer.backward(), what)
        if again.shape != dx.shape or not rel_error(again, dx) < _THRESHOLD:
            err = rel_error(again, dx) if again.shape == dx.shape else float("nan")
            raise Wrong(tr(f"{what}: the first call's dx passes the gradient check, but a second "
                           f"backward(), with no forward in between, gives a different dx "
                           f"(relative error {err:.1e} between the two). Second: {show(again)}",
                           f"{what}: 첫 호출의 dx는 기울기 확인을 통과하지만, forward 없이 "
                           f"backward()를 한 번 더 호출하면 다른 dx가 나옵니다(둘 사이의 상대 오차 "
                           f"{err:.1e}). 두 번째 dx: {show(again)}"), hint=_STORED_HINTS)
        half = _returned(layer.backward(0.5), what)
        if half.shape != dx.shape or not rel_error(half, 0.5 * dx) < _THRESHOLD:
            r = _scale(half, dx) if half.shape == dx.shape else None
            seen = (tr("the same dx as backward()", "backward()와 같은 dx") if
                    half.shape == dx.shape and np.allclose(half, dx) else
                    tr(f"{r:.3g} times the dx of backward()", f"backward()의 dx의 {r:.3g}배")
                    if r is not None else show(half))
            raise Wrong(tr(f"backward(0.5) after forward(x, t) with {where} gives {seen}, where "
                           "half the gradient from above should give half the dx (backward() "
                           "itself passes the gradient check)",
                           f"forward(x, t) 뒤의 backward(0.5)가 {seen}를 돌려줍니다 ({where}). "
                           "상류에서 오는 기울기가 절반이면 dx도 절반이어야 합니다"
                           "(backward() 자체는 기울기 확인을 통과합니다)"), hint=_DOUT_HINTS)
    x, t, _, where = _softmax_cases(one_hot)[0]
    kind = (tr("float32 one-hot t", "float32 원-핫 t") if one_hot
            else tr("t as class indices", "클래스 번호 t"))
    layer = Layer()
    layer.forward(x.astype(np.float32), t.astype(np.float32) if one_hot else t)
    _kept_float32(layer.backward(), tr(f"backward() after forward(float32 scores, {kind})",
                                       f"forward(float32 점수, {kind}) 뒤의 backward()"),
                  _DTYPE_HINTS)


ONE_HOT_BRANCH = _Part(Text("the one-hot branch", "원-핫 레이블 처리"))
INTEGER_BRANCH = _Part(Text("the integer branch", "클래스 번호 처리"))


@exercise("fix_softmax_with_loss", parts=(ONE_HOT_BRANCH, INTEGER_BRANCH),
          todo=Text("Delete the `raise NotImplementedError` line, find the bug and fix it, then run "
                    "this cell again.",
                    ko="`raise NotImplementedError` 줄을 지우고 버그를 찾아 고친 다음, 이 셀을 다시 "
                    "실행하세요."), hints=(
    Text("run the gradient check of the cell above on a network with your layer: which gradients "
         "fail, and by how much?",
         "위 셀의 기울기 확인을 여러분의 계층을 넣은 신경망으로 실행해 보세요. 어느 기울기가 "
         "얼마나 틀리나요?"),
    Text("backward returns dout * (y - t) / N, shape (N, C), as a new array, for one-hot labels "
         "and for class indices alike",
         "backward는 원-핫 레이블이든 클래스 번호든 형상 (N, C)인 dout * (y - t) / N을 새 배열로 "
         "돌려줍니다")))
def check_fix_softmax_with_loss(Layer, part) -> None:
    """Layer(): forward(x, t) -> mean loss, backward(dout=1) -> dout * (y - t) / N, (N, C).
    t one-hot (N, C) or class indices (N,); x and t unchanged; backward repeatable; float32 kept."""
    a_class(Layer, "SoftmaxWithLoss")
    with part(ONE_HOT_BRANCH):
        _check_softmax_layer(Layer, one_hot=True)
    with part(INTEGER_BRANCH):
        _check_softmax_layer(Layer, one_hot=False)


# ---------------------------------------------------------------- fix_affine (section 6)

_AFFINE_SEED = 11
# (N, D, M): every size different; then W square and the batch as large as the output, where a
# wrong axis or a missing transpose gives the right shape and wrong values
_AFFINE_SHAPES = ((5, 4, 3), (3, 3, 3))


def _affine_case(n: int, d: int, m: int, rng) -> tuple:
    x = rng.standard_normal((n, d))
    W = rng.standard_normal((d, m))
    b = rng.standard_normal(m)
    dout = rng.standard_normal((n, m))  # not all ones: dout must be honoured
    return x, W, b, dout


_AFFINE_GRADIENTS = ("dx", "dW", "db")
_OF = {"dx": "x", "dW": "W", "db": "b"}
# As Affine2 of a TwoLayerNet, which row of the learner's gradient check each one spoils.
_IN_A_NETWORK = {
    "dx": Text("As Affine2 of a TwoLayerNet, this layer would make W1 and b1 fail your gradient "
               "check, the parameters below it.",
               "이 계층을 TwoLayerNet의 Affine2로 쓰면 기울기 확인에서 그 앞 계층의 매개변수 W1과 b1이 "
               "실패합니다."),
    "dW": Text("As Affine2 of a TwoLayerNet, this layer would make W2 fail your gradient check.",
               "이 계층을 TwoLayerNet의 Affine2로 쓰면 기울기 확인에서 W2가 실패합니다."),
    "db": Text("As Affine2 of a TwoLayerNet, this layer would make b2 fail your gradient check.",
               "이 계층을 TwoLayerNet의 Affine2로 쓰면 기울기 확인에서 b2가 실패합니다."),
}
_AFFINE_HINTS = {
    "dx": (Text("dx must have the shape of x, (N, D): which product of dout (N, M) and W (D, M) "
                "gives that? With a square W the shapes cannot tell, the values can",
                "dx의 형상은 x와 같은 (N, D)이어야 합니다. dout (N, M)과 W (D, M)의 어떤 곱이 그 "
                "형상을 낼까요? W가 정사각 행렬이면 형상으로는 알 수 없고 값으로만 알 수 있습니다"),
           Text("dx = dout @ W.T (notebook 04): (N, M) @ (M, D) -> (N, D)",
                "dx = dout @ W.T입니다(노트북 04): (N, M) @ (M, D) -> (N, D)")),
    "dW": (Text("dW must have the shape of W, (D, M): which product of x (N, D) and dout (N, M) "
                "gives that?",
                "dW의 형상은 W와 같은 (D, M)이어야 합니다. x (N, D)와 dout (N, M)의 어떤 곱이 그 "
                "형상을 낼까요?"),
           Text("dW = x.T @ dout: (D, N) @ (N, M) -> (D, M), each input paired with each output's "
                "gradient and summed over the samples",
                "dW = x.T @ dout입니다: (D, N) @ (N, M) -> (D, M). 입력 하나와 출력 하나의 기울기를 "
                "짝지어 샘플들에 걸쳐 합합니다")),
    "db": (Text("a gradient has the shape of what it is the gradient of, and the same b_j is added "
                "to out[i, j] for every sample i: which entries of dout does dL/db_j collect? "
                "Find the line of backward that makes db",
                "기울기의 형상은 그 기울기를 구한 대상의 형상과 같고, 같은 b_j가 모든 샘플 i의 "
                "out[i, j]에 더해집니다. dL/db_j는 dout의 어느 원소들을 모을까요? backward에서 "
                "db를 만드는 줄을 찾아보세요"),
           Text("b is added to every row of x @ W, one row per sample, so dL/db sums dout over the "
                "samples: down the batch axis 0, one number per output, the shape of b (M,), with "
                "no axis kept. A sum along axis 1 adds up each sample's outputs instead",
                "b는 x @ W의 모든 행(샘플마다 한 행)에 더해지므로, dL/db는 샘플들에 걸쳐 dout을 "
                "합합니다. 배치 축 0을 따라 합하면 출력마다 숫자가 하나씩, 즉 b의 형상 (M,)이 "
                "나옵니다(축을 남기지 않고). 축 1을 따라 합하면 샘플마다 출력들을 더하게 됩니다")),
}
_DB_MEAN_HINTS = (
    _AFFINE_HINTS["db"][0],
    Text("your db is 1/N of the numerical gradient: a mean over the samples where their sum "
         "belongs. b is added to every sample's row, and each sample adds its dout to dL/db",
         "여러분의 db는 수치 미분의 1/N입니다. 합이어야 할 자리에 샘플들의 평균을 썼습니다. b는 "
         "모든 샘플의 행에 더해지므로, 샘플마다 자기 dout을 dL/db에 더합니다"))
_KEEP_HINTS = (
    Text("self.W and self.b must be the very arrays the network holds in params: what does "
         "W.copy() (or np.array(W)) make?",
         "self.W와 self.b는 신경망이 params에 가진 바로 그 배열이어야 합니다. W.copy()(또는 "
         "np.array(W))는 무엇을 만드나요?"),
    Text("write self.W, self.b = W, b: the network updates params in place with -=, and only the "
         "same arrays see the update (section 3)",
         "self.W, self.b = W, b로 쓰세요. 신경망은 params를 -=로 제자리에서 갱신하고, 같은 배열만 "
         "그 갱신을 봅니다(3절)"))
_FORWARD_HINTS = (
    Text("forward returns x @ W + b, shape (N, M): b is added to every row",
         "forward는 형상 (N, M)인 x @ W + b를 돌려줍니다. b는 모든 행에 더해집니다"),
    Text("return x @ self.W + self.b, and keep x in self.x for backward",
         "x @ self.W + self.b를 돌려주고, backward를 위해 x를 self.x에 보관하세요"))
_UNCHANGED_HINTS = (
    Text("which line writes into an array it was given? An in-place operation (-=, *=, a[...] = "
         "...) on dout, x, W or b changes the caller's array",
         "어느 줄이 건네받은 배열에 쓰나요? dout, x, W, b에 대한 제자리 연산(-=, *=, a[...] = ...)은 "
         "호출한 쪽의 배열을 바꿉니다"),
    Text("compute every gradient into a new array (dout @ self.W.T, self.x.T @ dout, "
         "dout.sum(axis=0) all make one) and leave dout, x, W and b as they came",
         "기울기는 모두 새 배열에 계산하고(dout @ self.W.T, self.x.T @ dout, dout.sum(axis=0)은 "
         "모두 새 배열을 만듭니다) dout, x, W, b는 받은 그대로 두세요"))
_AFFINE_DTYPE_HINTS = (
    Text("which array in your backward is float64? np.zeros without dtype=, np.eye and lists of "
         "Python numbers make float64 arrays",
         "여러분의 backward에서 어느 배열이 float64인가요? dtype= 없는 np.zeros, np.eye, 파이썬 "
         "숫자의 리스트는 float64 배열을 만듭니다"),
    Text("compute the gradients from dout, x and W alone (dout @ self.W.T, self.x.T @ dout, "
         "dout.sum(axis=0)): float32 in, float32 out",
         "기울기를 dout, x, W만으로 계산하세요(dout @ self.W.T, self.x.T @ dout, "
         "dout.sum(axis=0)). float32가 들어오면 float32가 나옵니다"))


def _stored(got, name: str, what: str) -> np.ndarray:
    """A gradient the learner's layer stored (self.dW, self.db) or returned, as float64."""
    if got is None:
        raise Wrong(tr(f"{what}: self.{name} is still None after backward: store the gradient "
                       "there",
                       f"{what}: backward를 실행한 뒤에도 self.{name}가 None입니다. 기울기를 "
                       "거기에 저장하세요"), hint=_AFFINE_HINTS[name])
    try:
        return np.asarray(got, dtype=np.float64)
    except (TypeError, ValueError):
        raise Wrong(tr(f"{what}: {name} is {type(got).__name__}, not an array",
                       f"{what}: {name}가 배열이 아니라 {type(got).__name__}입니다"),
                    hint=_AFFINE_HINTS[name]) from None


def _symptoms(name: str, runs: list, passing: list) -> None:
    """Wrong for the gradient `name` if it fails at any shape tried, runs [(where, n, got,
    numerical)]: at each, its shape against its parameter's, or its relative error against the
    numerical gradient. `passing`: the gradients already found right, said so."""
    problems, kinds, shown = [], [], ""
    for where, n, got, num in runs:
        of = _OF[name]
        if got.shape != num.shape:
            kinds.append("shape")
            problems.append(tr(f"with {where} it has shape {got.shape}, but {of} has shape "
                               f"{num.shape}",
                               f"{where}일 때 형상이 {got.shape}인데, {of}의 형상은 "
                               f"{num.shape}입니다"))
            continue
        err = rel_error(got, num)
        if err < _THRESHOLD:
            continue
        k = _scale(got, num)
        kinds.append("mean" if k is not None and np.isclose(k, 1 / n) else "values")
        agree = tr(" the shapes agree, but", " 형상은 맞지만") if "shape" in kinds else ""
        problems.append(tr(f"with {where}{agree} its relative error against the numerical "
                           f"gradient is {err:.1e} ({_magnitude(err)}, where a right gradient "
                           f"stays below {_THRESHOLD:.0e})",
                           f"{where}일 때{agree} 수치 미분으로 구한 기울기에 대한 상대 오차가 "
                           f"{err:.1e}입니다({_magnitude(err)} 수준이며, 올바른 기울기라면 "
                           f"{_THRESHOLD:.0e} 아래에 머뭅니다)"))
        if not shown:
            shown = tr(f" Your {name}: {show(got)}, numerical: {show(num)}.",
                       f" 여러분의 {name}: {show(got)}, 수치 미분: {show(num)}.")
    if not problems:
        return
    hint = _DB_MEAN_HINTS if name == "db" and set(kinds) == {"mean"} else _AFFINE_HINTS[name]
    listed = tr(" and ", ", ").join(passing)
    others = (tr(f" {listed} pass the gradient check.", f" {listed}는 기울기 확인을 통과합니다.")
              if passing else "")
    raise Wrong(tr(f"{name}, the gradient of {_OF[name]}, is wrong: {'; '.join(problems)}."
                   f"{shown}{others} {_IN_A_NETWORK[name]}",
                   f"{_OF[name]}의 기울기인 {name}가 틀립니다. {'; '.join(problems)}."
                   f"{shown}{others} {_IN_A_NETWORK[name]}"), hint=hint)


@exercise("fix_affine", todo=Text(
    "Delete the `raise NotImplementedError` line, find the bug and fix it, then run this cell again.",
    ko="`raise NotImplementedError` 줄을 지우고 버그를 찾아 고친 다음, 이 셀을 다시 실행하세요."), hints=(
    Text("print the shapes after backward: every gradient has the shape of what it is the gradient "
         "of, dW like W, db like b, dx like x. Which one differs, and on which line is it made?",
         "backward 뒤에 기울기들의 형상을 출력해 보세요. 기울기의 형상은 그 기울기를 구한 대상의 "
         "형상과 같습니다. dW는 W와, db는 b와, dx는 x와 같아야 합니다. 어느 것이 다르고, 그 기울기는 "
         "어느 줄에서 만들어지나요?"),
    Text("backward(dout) stores self.dW = x.T @ dout (D, M) and self.db = dout.sum(axis=0) (M,), "
         "and returns dx = dout @ W.T (N, D)",
         "backward(dout)는 self.dW = x.T @ dout (D, M)과 self.db = dout.sum(axis=0) (M,)을 "
         "저장하고 dx = dout @ W.T (N, D)를 돌려줍니다")))
def check_fix_affine(Layer) -> None:
    """Layer(W, b): forward(x) -> x @ W + b; backward(dout) -> dx (N, D), keeps dW (D, M), db (M,).
    W and b kept themselves (not copies); dout, x, W, b unchanged; float32 kept."""
    a_class(Layer, "Affine")
    rng = np.random.default_rng(_AFFINE_SEED)
    runs = {name: [] for name in _AFFINE_GRADIENTS}
    for n, d, m in _AFFINE_SHAPES:
        x, W, b, dout = _affine_case(n, d, m, rng)
        x0, W0, b0, dout0 = x.copy(), W.copy(), b.copy(), dout.copy()
        where = f"x {x.shape}, W {W.shape}, b {b.shape}"
        layer = Layer(W, b)
        if getattr(layer, "W", None) is not W or getattr(layer, "b", None) is not b:
            raise Wrong(tr("Affine(W, b) keeps in self.W and self.b other arrays than the W and b "
                           "it was given: the network updates its params in place, and an update "
                           "of params would never reach this layer (section 3)",
                           "Affine(W, b)가 self.W와 self.b에 건네받은 W, b가 아닌 다른 배열을 "
                           "보관합니다. 신경망은 params를 제자리에서 갱신하므로, params의 갱신이 "
                           "이 계층에는 전혀 닿지 않습니다(3절)"), hint=_KEEP_HINTS)
        with mistake(_FORWARD_HINTS):
            close(layer.forward(x), x0 @ W0 + b0,
                  tr(f"forward(x) with {where}", f"forward(x) (형상 {where})"))
        what = tr(f"backward(dout) with {where}", f"backward(dout) (형상 {where})")
        dx = layer.backward(dout)
        for arr, before, name in ((dout, dout0, "dout"), (x, x0, "x"), (W, W0, "W"), (b, b0, "b")):
            with mistake(_UNCHANGED_HINTS):
                unchanged(arr, before, name)
        if dx is None:
            raise Wrong(tr(f"{what} returned None: return dx, the gradient for the layer below",
                           f"{what}: None을 돌려주었습니다. 앞 계층으로 보낼 기울기 dx를 "
                           "돌려주세요"), hint=_AFFINE_HINTS["dx"])
        got = {"dx": _stored(dx, "dx", what), "dW": _stored(getattr(layer, "dW", None), "dW", what),
               "db": _stored(getattr(layer, "db", None), "db", what)}

        def loss(x_, W_, b_):  # L = sum(out * dout): its gradients are dx, dW, db
            return float(np.sum((x_ @ W_ + b_) * dout0))

        num = {"dx": numerical_gradient(lambda v: loss(v, W0, b0), x0.copy()),
               "dW": numerical_gradient(lambda v: loss(x0, v, b0), W0.copy()),
               "db": numerical_gradient(lambda v: loss(x0, W0, v), b0.copy())}
        for name in _AFFINE_GRADIENTS:
            runs[name].append((where, n, got[name], num[name]))
    for i, name in enumerate(_AFFINE_GRADIENTS):
        _symptoms(name, runs[name], list(_AFFINE_GRADIENTS[:i]))
    x, W, b, dout = (a.astype(np.float32) for a in _affine_case(*_AFFINE_SHAPES[0], rng))
    layer = Layer(W, b)
    _kept_float32(layer.forward(x), tr("forward(x) with float32 x, W, b",
                                       "forward(x) (float32인 x, W, b)"), _FORWARD_HINTS)
    dx = layer.backward(dout)
    _kept_float32(dx, tr("backward(dout) with float32 arrays: dx",
                         "backward(dout) (float32 배열): dx"), _AFFINE_DTYPE_HINTS)
    _kept_float32(layer.dW, tr("backward(dout) with float32 arrays: dW",
                               "backward(dout) (float32 배열): dW"), _AFFINE_DTYPE_HINTS)
    _kept_float32(layer.db, tr("backward(dout) with float32 arrays: db",
                               "backward(dout) (float32 배열): db"), _AFFINE_DTYPE_HINTS)


# ---------------------------------------------------------------- debug_print_lines (Going deeper)

def _and(*texts: Text) -> Text:
    """Sentences joined, in both languages (each a Text checked where it is written)."""
    joined = type(texts[0])
    return joined(" ".join(t.en for t in texts), " ".join(t.ko for t in texts))


_ONE_FORWARD = Text("How many lines does one forward pass print, with a print in each of the two "
                    "Affine layers?",
                    "두 Affine 계층에 print가 하나씩 있으니, 순전파 한 번은 몇 줄을 출력할까요?")
_BOTH_SETS = Text("An evaluation computes the accuracy on the training set AND on the test set.",
                  "평가 한 번은 훈련 데이터와 시험 데이터 '양쪽'에서 정확도를 계산합니다.")
_IN_CHUNKS = Text("accuracy does not take all images at once: it works through them 2,000 at a "
                  "time, one forward pass each.",
                  "accuracy는 이미지를 한꺼번에 처리하지 않습니다. 2,000장씩 나누어, 묶음마다 "
                  "순전파를 한 번씩 합니다.")

prediction("debug_print_lines", {
    "per_evaluation": Answer(
        what=Text("lines printed by one evaluation, training and test accuracy",
                  "훈련 정확도와 시험 정확도를 구하는 평가 한 번이 출력하는 줄 수"),
        truth=70, rtol=0, atol=0,
        mistakes={
            35: _and(Text("That counts forward passes.", "순전파 횟수를 세었습니다."), _ONE_FORWARD),
            30: _and(Text("That counts the forward passes over the training set alone.",
                          "훈련 데이터의 순전파 횟수만 세었습니다."), _BOTH_SETS, _ONE_FORWARD),
            60: _and(Text("That counts the training set alone.", "훈련 데이터만 세었습니다."), _BOTH_SETS),
            5: _and(Text("That counts the forward passes over the test set alone.",
                         "시험 데이터의 순전파 횟수만 세었습니다."), _BOTH_SETS, _ONE_FORWARD),
            10: _and(Text("That counts the test set alone.", "시험 데이터만 세었습니다."), _BOTH_SETS),
            2: _and(Text("That counts one forward pass per set.",
                         "데이터마다 순전파를 한 번으로 세었습니다."), _IN_CHUNKS),
            4: _and(Text("That counts one forward pass per set.",
                         "데이터마다 순전파를 한 번으로 세었습니다."), _IN_CHUNKS),
        },
        nudge=Text("How many forward passes does one evaluation make over 60,000 + 10,000 images, "
                   "and how many lines does each print?",
                   "평가 한 번은 60,000 + 10,000장에 대해 순전파를 몇 번 하고, 순전파마다 몇 줄을 "
                   "출력할까요?"),
        hints=(Text("count forward passes: accuracy works through its images 2,000 at a time, and "
                    "each forward pass goes through both Affine layers, each printing one line",
                    "순전파 횟수를 세어 보세요. accuracy는 이미지를 2,000장씩 처리하고, 순전파 한 "
                    "번은 두 Affine 계층을 모두 지나며 계층마다 한 줄씩 출력합니다"),
               Text("an evaluation runs accuracy on the 60,000 training images and on the 10,000 "
                    "test images, 2,000 images per forward pass: 30 + 5 forward passes, two lines "
                    "each",
                    "평가 한 번은 훈련 이미지 60,000장과 시험 이미지 10,000장에서 accuracy를 "
                    "실행하고, 순전파 한 번에 2,000장씩 처리합니다. 순전파는 30 + 5번이고, "
                    "한 번에 두 줄씩입니다"))),
    "total": Answer(
        what=Text("lines printed by the whole run of 10,000 iterations, evaluations included",
                  "평가까지 포함해 10,000번 반복하는 전체 학습이 출력하는 줄 수"),
        truth=21_190, rtol=0, atol=0,
        mistakes={
            20_000: Text("The evaluations print too.", "평가할 때도 출력됩니다."),
            10_000: Text("The evaluations print too, and each iteration's forward pass goes "
                         "through both Affine layers.",
                         "평가할 때도 출력되고, 반복마다 하는 순전파는 두 Affine 계층을 모두 "
                         "지납니다."),
            21_120: Text("That counts 16 evaluations. Does train evaluate after the last iteration "
                         "too? Is 10,000 a multiple of 600?",
                         "평가를 16번으로 셌습니다. train은 마지막 반복 뒤에도 평가하나요? 10,000은 "
                         "600의 배수인가요?"),
            21_260: Text("That counts 18 evaluations. After which iterations does train evaluate?",
                         "평가를 18번으로 셌습니다. train은 몇 번째 반복 뒤에 평가하나요?"),
            41_190: Text("That counts two forward passes per iteration. train takes the loss from "
                         "the forward pass of net.gradient (the book's loop would compute a second "
                         "one).",
                         "반복마다 순전파를 두 번으로 셌습니다. train은 손실을 net.gradient의 "
                         "순전파에서 가져옵니다(책의 루프라면 한 번 더 계산합니다)."),
            20_595: _and(Text("The evaluations count forward passes, not lines.",
                              "평가 부분에서 줄이 아니라 순전파를 세었습니다."), _ONE_FORWARD),
        },
        nudge=Text("How many lines does one iteration print, and how many evaluations does train "
                   "make (after which iterations)?",
                   "반복 한 번은 몇 줄을 출력하고, train은 평가를 몇 번(몇 번째 반복 뒤에) "
                   "할까요?"),
        hints=(Text("count the iterations' lines and the evaluations' lines apart: how many "
                    "forward passes does one iteration make, and after which iterations does "
                    "train evaluate?",
                    "반복의 줄 수와 평가의 줄 수를 따로 세어 보세요. 반복 한 번은 순전파를 몇 번 "
                    "하고, train은 몇 번째 반복 뒤에 평가하나요?"),
               Text("each iteration runs net.gradient once, one forward pass, two lines (train "
                    "takes the loss from it); train evaluates after iterations 600, 1,200, ..., "
                    "9,600 and once more after the last, since 10,000 is not a multiple of 600",
                    "반복마다 net.gradient를 한 번, 즉 순전파를 한 번 하므로 두 줄입니다(train은 "
                    "손실을 여기서 가져옵니다). train은 600, 1,200, ..., 9,600번째 반복 뒤에 "
                    "평가하고, 10,000이 600의 배수가 아니므로 마지막 반복 뒤에 한 번 더 "
                    "평가합니다"))),
}, form="tuple", hints=(
    Text("count forward passes: each goes through both Affine layers, and each layer prints one "
         "line; an evaluation computes the accuracy on the training set and on the test set",
         "순전파 횟수를 세어 보세요. 순전파 한 번은 두 Affine 계층을 모두 지나고, 계층마다 한 줄씩 "
         "출력합니다. 평가 한 번은 훈련 데이터와 시험 데이터 양쪽에서 정확도를 계산합니다"),
    Text("accuracy works 2,000 images at a time; train evaluates after iterations 600, 1,200, ... "
         "and after the last one",
         "accuracy는 이미지를 2,000장씩 처리합니다. train은 600, 1,200, ...번째 반복 뒤와 마지막 "
         "반복 뒤에 평가합니다")))
