"""Checks for the exercises of notebook 07 (debugging backprop).

debug_stuck_digit       a prediction: the digit a network stuck at 11.35% answers for every image
fix_softmax_with_loss   a classmate's SoftmaxWithLoss, given with a bug (no division by the batch
                        size): the learner finds it and fixes it
fix_affine              a classmate's Affine, given with a bug (db summed over the wrong axis)
debug_print_lines       a prediction: the lines a debug print in Affine.forward adds to a full run

The fix_ checks verify the fixed layer, not the edit: the book's contract on shapes the learner
did not try (drawn from a seeded generator, a square W, a batch as large as the output),
numerical gradients, a `dout` that is not 1, inputs left unchanged, float32 kept. A FAIL names
the symptom the learner can see (a gradient N times too large, db of shape (N,)).
"""

from __future__ import annotations

import numpy as np

from ...gradient import check_rule, numerical_gradient, rel_error
from ...language import Text, tr
from . import Unfilled, Wrong, exercise
from ._assert import close, numerically, same_dtype, sequence, show, unchanged

# The 10,000 MNIST test labels, counted per digit 0-9 (np.bincount(t_test)).
MNIST_TEST_COUNTS = (980, 1135, 1032, 1010, 982, 892, 958, 1028, 974, 1009)


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


def _number(got, what: str) -> float:
    """A prediction as a float; Wrong for text, a list, True/False."""
    if isinstance(got, (str, bytes, bool, np.bool_)):
        raise Wrong(tr(f"{what} should be a number, got {type(got).__name__} {got!r}",
                       f"{what}: 숫자여야 합니다. 들어온 값: {type(got).__name__} {got!r}"))
    if np.ndim(got) != 0:
        raise Wrong(tr(f"{what} should be one number, got {type(got).__name__} {show(got)}",
                       f"{what}: 숫자 하나여야 합니다. 들어온 값: {type(got).__name__} "
                       f"{show(got)}"))
    try:
        return float(got)
    except (TypeError, ValueError):
        raise Wrong(tr(f"{what} should be one number, got {type(got).__name__} {got!r}",
                       f"{what}: 숫자 하나여야 합니다. 들어온 값: {type(got).__name__} {got!r}")
                    ) from None


# ---------------------------------------------------------------- debug_stuck_digit (section 2)


@exercise("debug_stuck_digit", hints=(
    Text("a network that gives the same answer for every image is right on the images of that one "
    "digit and wrong on all the others",
    ko="모든 이미지에 같은 답을 내는 신경망은 그 숫자의 이미지에서만 맞고 나머지에서는 모두 "
    "틀립니다"),
    Text("its accuracy is that digit's share of the labels: count each digit in the test labels "
    "(np.bincount of t_test) and find the one that makes up 11.35% of the 10,000 images",
    ko="그 정확도는 정답 레이블에서 그 숫자가 차지하는 비율입니다. 시험 레이블을 숫자별로 세어 "
    "보고(t_test의 np.bincount) 이미지 10,000장 중 11.35%를 차지하는 숫자를 찾으세요")))
def check_debug_stuck_digit(prediction) -> None:
    """prediction: {"digit": d}, the one answer (0-9) that scores 11.24% on the training set and
    11.35% on the test set (a bare number is accepted too)."""
    digit = prediction
    if isinstance(prediction, dict):
        if "digit" not in prediction:
            raise Wrong(tr("prediction has no key 'digit': keep the key as given and replace "
                           "None by your digit",
                           "prediction에 'digit' 키가 없습니다: 키는 주어진 그대로 두고 None만 "
                           "여러분이 고른 숫자로 바꾸세요"))
        digit = prediction["digit"]
        if digit is None:
            raise Unfilled(tr("digit is still None: replace it by your digit",
                              "digit이 아직 None입니다: 여러분이 고른 숫자로 바꾸세요"))
    value = _number(digit, "digit")
    if value != int(value) or not 0 <= value <= 9:
        raise Wrong(tr(f"digit should be one of the digits 0 to 9, got {show(value)}",
                       f"digit은 0부터 9까지의 숫자 중 하나여야 합니다. 들어온 값: {show(value)}"))
    d = int(value)
    if d != 1:
        share = MNIST_TEST_COUNTS[d] / sum(MNIST_TEST_COUNTS)
        raise Wrong(tr(f"a network that answers {d} for every image is right on the "
                       f"{MNIST_TEST_COUNTS[d]:,} test images of a {d}: test accuracy {share:.2%}, "
                       f"but the stuck network scored 11.35%",
                       f"답이 언제나 {d}인 신경망은 시험 이미지 중 숫자 {d}인 "
                       f"{MNIST_TEST_COUNTS[d]:,}장만 맞힙니다: 시험 정확도는 {share:.2%}인데, "
                       f"멈춘 신경망의 정확도는 11.35%였습니다"))


# ---------------------------------------------------------------- fix_softmax_with_loss (section 5)

_SOFTMAX_SEED = 7


def _mean_loss(x, idx) -> float:
    """The exact mean cross-entropy of softmax(x) against class indices (log-sum-exp, no delta)."""
    shifted = x - x.max(axis=1, keepdims=True)
    log_sum = np.log(np.exp(shifted).sum(axis=1))
    return float(np.mean(log_sum - shifted[np.arange(len(x)), idx]))


def _scale_symptom(got, want, n: int) -> str:
    """' (your dx is k times the numerical gradient ...)' when got is want times a constant."""
    want = np.asarray(want, dtype=np.float64)
    k = float(np.sum(got * want) / np.sum(want * want))
    if not np.allclose(got, k * want, rtol=1e-6, atol=1e-9) or np.isclose(k, 1.0):
        return ""
    if np.isclose(k, n):
        return tr(f": every entry is {n} times too large, the batch size N = {n}",
                  f". 모든 원소가 {n}배 큽니다(배치 크기 N = {n})")
    if np.isclose(k, 1 / n):
        return tr(f": every entry is 1/{n} of what it should be, 1/N for the batch size N = {n}",
                  f". 모든 원소가 올바른 값의 1/{n}, 즉 1/N입니다(배치 크기 N = {n})")
    return tr(f": every entry is {k:.3g} times what it should be",
              f". 모든 원소가 올바른 값의 {k:.3g}배입니다")


def _gradient(got, want, n: int, what: str) -> None:
    """got == want (a numerical gradient) by the series' rule, else Wrong naming the symptom."""
    try:
        got = np.asarray(got, dtype=np.float64)
    except (TypeError, ValueError):
        raise Wrong(tr(f"{what}: expected an array of shape {np.shape(want)}, "
                       f"got {type(got).__name__}",
                       f"{what}: 형상 {np.shape(want)}의 배열이어야 하는데 {type(got).__name__}가 "
                       "나왔습니다")) from None
    if got.shape != np.shape(want):
        raise Wrong(tr(f"{what}: dx has shape {got.shape}, expected {np.shape(want)}, "
                       "the shape of the scores x",
                       f"{what}: dx의 형상이 {got.shape}입니다. 점수 x와 같은 형상 "
                       f"{np.shape(want)}여야 합니다"))
    err = rel_error(got, want)
    if not err < check_rule(np.float64).threshold:
        symptom = _scale_symptom(got, want, n)
        shown = "" if symptom else tr(f". Yours: {show(got)}, numerical: {show(want)}",
                                      f". 여러분의 dx: {show(got)}, 수치 미분: {show(want)}")
        raise Wrong(tr(f"{what}: dx differs from the numerical gradient{symptom} "
                       f"(relative error {err:.1e}){shown}",
                       f"{what}: dx가 수치 미분으로 구한 기울기와 다릅니다 "
                       f"(상대 오차 {err:.1e}){symptom}{shown}"))


def _returned(dx, what: str) -> np.ndarray:
    """What backward returned, as a new float64 array."""
    if dx is None:
        raise Wrong(tr(f"{what} returned None: return dx, the gradient for the layer below",
                       f"{what}: None을 돌려주었습니다. 아래 계층으로 보낼 기울기 dx를 "
                       "돌려주세요"))
    try:
        return np.array(dx, dtype=np.float64)
    except (TypeError, ValueError):
        raise Wrong(tr(f"{what} returned {type(dx).__name__}, not an array",
                       f"{what}: 배열이 아니라 {type(dx).__name__}를 돌려주었습니다")) from None


def _softmax_cases(one_hot: bool) -> list:
    """(x, t, indices, what) for two batches of shapes the learner did not try."""
    rng = np.random.default_rng(_SOFTMAX_SEED + one_hot)
    cases = []
    for n, c in ((4, 3), (6, 5)):
        x = rng.standard_normal((n, c))
        idx = rng.integers(0, c, n)
        t = np.eye(c)[idx] if one_hot else idx
        kind = tr("one-hot t", "원-핫 t") if one_hot else tr("t as class indices", "클래스 번호 t")
        cases.append((x, t, idx, tr(f"N = {n} samples, C = {c} classes, {kind}",
                                    f"샘플 N = {n}개, 클래스 C = {c}개, {kind}")))
    return cases


def _check_softmax_layer(Layer, one_hot: bool) -> None:
    for x, t, idx, where in _softmax_cases(one_hot):
        n = len(x)
        x0, t0 = x.copy(), t.copy()
        layer = Layer()
        loss = layer.forward(x, t)
        close(loss, _mean_loss(x0, idx), tr(f"forward(x, t) with {where}: the mean loss",
                                            f"forward(x, t) ({where}): 평균 손실"), rtol=1e-4)
        what = tr(f"backward() after forward(x, t) with {where}",
                  f"forward(x, t) 뒤의 backward() ({where})")
        dx = _returned(layer.backward(), what)  # a copy: later calls cannot change it
        unchanged(x, x0, "x")
        unchanged(t, t0, "t")
        num = numerical_gradient(lambda v: _mean_loss(v, idx), x0.copy())
        _gradient(dx, num, n, what)
        again = _returned(layer.backward(), what)
        if not np.allclose(again, dx):
            raise Wrong(tr(f"calling backward() a second time with {where} gave a different dx: "
                           "your backward changed what forward stored (self.y or self.t). Build "
                           "dx as a new array",
                           f"backward()를 한 번 더 호출하자 dx가 달라졌습니다 ({where}): "
                           "여러분의 backward가 forward가 저장한 값(self.y나 self.t)을 "
                           "바꾸었습니다. dx는 새 배열로 만드세요"))
        dx_half = _returned(layer.backward(0.5), what)
        if np.allclose(dx_half, dx):
            raise Wrong(tr(f"backward(0.5) with {where} returned the same dx as backward(): "
                           "dout is dL/d(loss) from the layer above, and the chain rule "
                           "multiplies by it",
                           f"backward(0.5)가 backward()와 같은 dx를 돌려주었습니다 ({where}): "
                           "dout은 위 계층에서 온 dL/d(loss)이고, 연쇄법칙에 따라 dx에 dout을 "
                           "곱해야 합니다"))
        _gradient(dx_half, 0.5 * num, n, tr(f"backward(0.5) after forward(x, t) with {where}",
                                            f"forward(x, t) 뒤의 backward(0.5) ({where})"))
    x, t, _, where = _softmax_cases(one_hot)[0]
    kind = (tr("float32 one-hot t", "float32 원-핫 t") if one_hot
            else tr("t as class indices", "클래스 번호 t"))
    layer = Layer()
    layer.forward(x.astype(np.float32), t.astype(np.float32) if one_hot else t)
    same_dtype(layer.backward(), np.float32, tr(f"backward() after forward(float32 scores, {kind})",
                                                f"forward(float32 점수, {kind}) 뒤의 backward()"))


ONE_HOT_BRANCH = _Part(Text("the one-hot branch", "원-핫 레이블 분기"))
INTEGER_BRANCH = _Part(Text("the integer branch", "정수 레이블 분기"))


@exercise("fix_softmax_with_loss", parts=(ONE_HOT_BRANCH, INTEGER_BRANCH),
          todo=Text("Delete the `raise NotImplementedError` line, find the bug and fix it, then run this cell again.",
                    ko="`raise NotImplementedError` 줄을 지우고 버그를 찾아 고친 다음, 이 셀을 다시 실행하세요."), hints=(
    Text("the loss is the MEAN of the N samples' losses: what does dividing a function by N do to its "
    "gradient? Compare the size of your dx with the numerical gradient for a few batch sizes",
    ko="손실은 N개 샘플 손실의 평균입니다. 함수를 N으로 나누면 기울기는 어떻게 될까요? 배치 크기를 "
    "몇 가지로 바꿔 가며 여러분의 dx와 수치 미분으로 구한 기울기의 크기를 비교해 보세요"),
    Text("every entry of dx comes out N times too large, whatever the labels: the division by the "
    "batch size belongs in both branches (or once, after them), next to the multiplication by "
    "dout, and dx must stay a new array, not self.y changed in place",
    ko="정답 레이블이 무엇이든 dx의 모든 원소가 N배 크게 나옵니다. 배치 크기로 나누는 일은 dout을 "
    "곱하는 곳 옆, 두 분기 모두에(또는 분기가 끝난 뒤 한 번) 들어가야 합니다. 그리고 dx는 "
    "self.y를 제자리에서 바꾼 것이 아니라 새 배열이어야 합니다")))
def check_fix_softmax_with_loss(Layer, part) -> None:
    """Layer(): forward(x, t) -> mean loss, backward(dout=1) -> dout * (y - t) / N, (N, C).
    t one-hot (N, C) or class indices (N,); x and t unchanged; backward repeatable; float32 kept."""
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


def _grad_shape(got, want_shape, name: str, what: str, sizes: str) -> None:
    if got is None:
        raise Wrong(tr(f"{what}: self.{name} is still None after backward: store the gradient "
                       "there",
                       f"{what}: backward를 실행한 뒤에도 self.{name}가 None입니다: 기울기를 "
                       "거기에 저장하세요"))
    shape = np.shape(got)
    if shape != want_shape:
        raise Wrong(tr(f"{what}: {name} has shape {shape}, expected {want_shape} ({sizes})",
                       f"{what}: {name}의 형상이 {shape}입니다. {want_shape}여야 합니다 ({sizes})"))


@exercise("fix_affine", todo=Text(
    "Delete the `raise NotImplementedError` line, find the bug and fix it, then run this cell again.",
    ko="`raise NotImplementedError` 줄을 지우고 버그를 찾아 고친 다음, 이 셀을 다시 실행하세요."), hints=(
    Text("print the shapes after backward: every gradient has the shape of what it is the gradient "
    "of, dW like W, db like b, dx like x. Which one differs, and on which line is it made?",
    ko="backward 뒤에 기울기들의 형상을 출력해 보세요. 기울기의 형상은 그 기울기를 구한 대상의 "
    "형상과 같습니다. dW는 W와, db는 b와, dx는 x와 같아야 합니다. 어느 것이 다르고, 그것은 어느 "
    "줄에서 만들어지나요?"),
    Text("b is added to every row of x @ W, one row per sample, so dL/db collects dout over the "
    "samples: a sum down the batch axis gives one number per output, the shape of b",
    ko="b는 x @ W의 모든 행(샘플마다 한 행)에 더해지므로, dL/db는 샘플들에 걸쳐 dout을 모읍니다. "
    "배치 축을 따라 합하면 출력마다 숫자가 하나씩, 즉 b의 형상이 나옵니다")))
def check_fix_affine(Layer) -> None:
    """Layer(W, b): forward(x) -> x @ W + b; backward(dout) -> dx (N, D), keeps dW (D, M), db (M,).
    W and b kept themselves (not copies); dout, x, W, b unchanged; float32 kept."""
    rng = np.random.default_rng(_AFFINE_SEED)
    for n, d, m in _AFFINE_SHAPES:
        x, W, b, dout = _affine_case(n, d, m, rng)
        x0, W0, b0, dout0 = x.copy(), W.copy(), b.copy(), dout.copy()
        where = f"x {x.shape}, W {W.shape}, b {b.shape}"
        layer = Layer(W, b)
        if getattr(layer, "W", None) is not W or getattr(layer, "b", None) is not b:
            raise Wrong(tr("Affine(W, b) must keep W and b themselves in self.W and self.b, not "
                           "copies: the network updates its params in place, and a copy never "
                           "sees the update (section 3)",
                           "Affine(W, b)는 self.W와 self.b에 복사본이 아니라 W와 b 그 자체를 "
                           "보관해야 합니다: 신경망은 params를 제자리에서 갱신하므로 복사본에는 "
                           "그 갱신이 전혀 반영되지 않습니다 (3절)"))
        close(layer.forward(x), x0 @ W0 + b0,
              tr(f"forward(x) with {where}", f"forward(x) (형상 {where})"))
        what = tr(f"backward(dout) with {where}", f"backward(dout) (형상 {where})")
        dx = layer.backward(dout)
        for arr, before, name in ((dout, dout0, "dout"), (x, x0, "x"), (W, W0, "W"), (b, b0, "b")):
            unchanged(arr, before, name)
        sizes = tr(f"N = {n} samples, D = {d} inputs, M = {m} outputs",
                   f"샘플 N = {n}개, 입력 D = {d}개, 출력 M = {m}개")
        if dx is None:
            raise Wrong(tr(f"{what} returned None: return dx, the gradient for the layer below",
                           f"{what}: None을 돌려주었습니다. 아래 계층으로 보낼 기울기 dx를 "
                           "돌려주세요"))
        _grad_shape(dx, (n, d), "dx", what, sizes)
        _grad_shape(layer.dW, (d, m), "dW", what, sizes)
        if np.shape(layer.db) == (n,) and n != m:
            raise Wrong(tr(f"{what}: db has shape (N,) = ({n},), expected (M,) = ({m},), one "
                           f"number per output like b ({sizes})",
                           f"{what}: db의 형상이 (N,) = ({n},)입니다. b처럼 출력마다 숫자가 "
                           f"하나씩인 (M,) = ({m},)여야 합니다 ({sizes})"))
        _grad_shape(layer.db, (m,), "db", what, sizes)

        def loss(x_, W_, b_):  # L = sum(out * dout): its gradients are dx, dW, db
            return float(np.sum((x_ @ W_ + b_) * dout0))

        numerically(lambda v: loss(v, W0, b0), x0, dx, f"{what}: dx")
        numerically(lambda v: loss(x0, v, b0), W0, layer.dW, f"{what}: dW")
        numerically(lambda v: loss(x0, W0, v), b0, layer.db, f"{what}: db"
                    + (tr(" (the shapes agree here, N = M, so only the values tell)",
                          " (여기서는 N = M이라 형상이 같으므로 값으로만 알 수 있습니다)")
                       if n == m else ""))
    x, W, b, dout = (a.astype(np.float32) for a in _affine_case(*_AFFINE_SHAPES[0], rng))
    layer = Layer(W, b)
    same_dtype(layer.forward(x), np.float32, tr("forward(x) with float32 x, W, b",
                                                "forward(x) (float32인 x, W, b)"))
    dx = layer.backward(dout)
    same_dtype(dx, np.float32, tr("backward(dout) with float32 arrays: dx",
                                  "backward(dout) (float32 배열): dx"))
    same_dtype(layer.dW, np.float32, tr("backward(dout) with float32 arrays: dW",
                                        "backward(dout) (float32 배열): dW"))
    same_dtype(layer.db, np.float32, tr("backward(dout) with float32 arrays: db",
                                        "backward(dout) (float32 배열): db"))


# ---------------------------------------------------------------- debug_print_lines (Going deeper)

PER_EVALUATION = _Part(Text("per evaluation", "평가당 줄 수"))
TOTAL = _Part(Text("total", "전체 줄 수"))
PRINT_LINES = {PER_EVALUATION: 70, TOTAL: 21_190}  # 35 chunks x 2 layers; 10,000 x 2 + 17 x 70
_PRINT_MISTAKES = {  # Text: read in the language current when the check runs
    PER_EVALUATION: {
        35: Text("35 is the number of forward passes; each goes through both Affine layers, and "
                 "each prints one line",
                 "35는 순전파 횟수입니다. 순전파 한 번은 두 Affine 계층을 모두 지나고, 계층마다 "
                 "한 줄씩 출력합니다"),
        60: Text("an evaluation computes the accuracy on the training set AND on the test set",
                 "평가 한 번은 훈련 데이터와 시험 데이터 양쪽에서 정확도를 계산합니다"),
        10: Text("an evaluation computes the accuracy on the training set AND on the test set, "
                 "2,000 images at a time",
                 "평가 한 번은 훈련 데이터와 시험 데이터 양쪽에서, 한 번에 이미지 2,000장씩 "
                 "정확도를 계산합니다"),
        2: Text("accuracy does not take all images at once: it works through them 2,000 at a time",
                "accuracy는 이미지를 한꺼번에 처리하지 않습니다: 2,000장씩 나누어 처리합니다"),
        4: Text("accuracy does not take all images at once: it works through them 2,000 at a time",
                "accuracy는 이미지를 한꺼번에 처리하지 않습니다: 2,000장씩 나누어 처리합니다"),
    },
    TOTAL: {
        20_000: Text("the evaluations print too", "평가할 때도 출력됩니다"),
        21_120: Text("that counts 16 evaluations: train also evaluates after the last iteration, "
                     "and 10,000 is not a multiple of 600",
                     "평가를 16번으로 셌습니다: train은 마지막 반복 뒤에도 평가하는데, 10,000은 "
                     "600의 배수가 아닙니다"),
        21_260: Text("that counts 18 evaluations: after 600, 1,200, ..., 9,600 (16 of them) and "
                     "one after the last iteration",
                     "평가를 18번으로 셌습니다: 평가는 600, 1,200, ..., 9,600번째 반복 뒤(16번)와 "
                     "마지막 반복 뒤 한 번입니다"),
        41_190: Text("train takes the loss from the forward pass of net.gradient: one forward pass "
                     "per iteration, not two (the book's loop would compute a second one)",
                     "train은 net.gradient의 순전파에서 손실을 가져옵니다: 순전파는 반복마다 두 "
                     "번이 아니라 한 번입니다 (책의 루프라면 한 번 더 계산했을 것입니다)"),
    },
}


@exercise("debug_print_lines", parts=tuple(PRINT_LINES), hints=(
    Text("count forward passes: each goes through both Affine layers, and each layer prints one line; "
    "an evaluation computes the accuracy on the training set and on the test set",
    ko="순전파 횟수를 세어 보세요. 순전파 한 번은 두 Affine 계층을 모두 지나고, 계층마다 한 줄씩 "
    "출력합니다. 평가 한 번은 훈련 데이터와 시험 데이터 양쪽에서 정확도를 계산합니다"),
    Text("accuracy works 2,000 images at a time, so 60,000 + 10,000 images take 35 forward passes; "
    "train evaluates after iterations 600, 1,200, ... and after the last one",
    ko="accuracy는 이미지를 2,000장씩 처리하므로 60,000 + 10,000장에는 순전파가 35번 필요합니다. "
    "train은 600, 1,200, ...번째 반복 뒤와 마지막 반복 뒤에 평가합니다")))
def check_debug_print_lines(prediction, part) -> None:
    """prediction: (lines per evaluation, lines in total) for train(net, ..., iters=10_000)."""
    values = sequence(prediction, 2, "(per_evaluation, total)")
    filled = [(name, got) for name, got in zip(PRINT_LINES, values) if got is not None]
    for name, got in filled:
        with part(name):
            value = _number(got, name)
            want = PRINT_LINES[name]
            if value != want:
                known = _PRINT_MISTAKES[name].get(value)
                why = (str(known) if known is not None else
                       tr("count again, one forward pass at a time", "순전파를 하나씩 다시 세어 보세요"))
                raise Wrong(tr(f"you predicted {show(value, 6)} lines: {why}",
                               f"예측한 값은 {show(value, 6)}줄입니다: {why}"))
    empty = [name for name, got in zip(PRINT_LINES, values) if got is None]
    if empty:
        with part(empty[0]):
            listed = tr(" and ", ", ").join(map(str, empty))
            raise Unfilled(tr(f"{listed} {'is' if len(empty) == 1 else 'are'} still None: "
                              "replace each None by your number",
                              f"{listed}: 아직 None입니다. None을 여러분의 숫자로 바꾸세요"))
