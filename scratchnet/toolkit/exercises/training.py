"""Checks for the exercises of notebook 06 (training on MNIST).

accuracy               the learner writes accuracy(y, t), as the book's TwoLayerNet.accuracy
sgd_update             the learner writes sgd_step(params, grads, lr), in place
mnist_untrained_guess  a prediction: loss and accuracy of a network that has not trained yet
mnist_epoch_count      a prediction: iterations per epoch, and the lines the training prints
training_loop          the learner writes the loop of book 5.7.4 (train_neuralnet.py) as a function
"""

from __future__ import annotations


import numpy as np

from functools import lru_cache

from ...two_layer_net import TwoLayerNet
from ...language import Text, tr
from . import FormatSlip, Wrong, exercise
from ._assert import a_function, mistake
from ._assert import close as _close
from ._assert import show as _show
from ._assert import show_pair as _show_pair
from ._assert import unchanged as _unchanged
from .predict import Answer, prediction

# ------------------------------------------------------------------------------ accuracy

# Four samples, three classes: the predicted classes are 1, 0, 2, 1; the labels 1, 0, 0, 2.
_Y = np.array([[0.1, 2.0, -1.0], [3.0, 0.0, 0.5], [0.2, 0.1, 0.3], [1.0, 5.0, 0.0]])
_T = np.array([1, 0, 0, 2])  # 2 of 4 right


def _scores_and_labels(rng, n: int, c: int):
    """Random scores (n, c) without ties, and labels of which about half are right."""
    y = rng.standard_normal((n, c))
    t = np.where(rng.random(n) < 0.5, y.argmax(axis=1), rng.integers(0, c, n))
    return y, t


_COUNT_HINT = (
    Text("A count of right answers is not yet a fraction: what do you divide it by?",
         "맞힌 개수는 아직 비율이 아닙니다. 무엇으로 나누어야 할까요?"),
    Text("Divide the number of True entries by N, the number of rows of y (y.shape[0]), with /, "
         "which divides exactly: np.sum(y == t) / float(y.shape[0]), or np.mean(y == t).",
         "True의 개수를 y의 행 수 N(y.shape[0])으로 나누세요. /는 정확히 나눕니다: "
         "np.sum(y == t) / float(y.shape[0]) 또는 np.mean(y == t)."))
_REDUCE_HINT = (
    Text("Comparing two (N,) arrays gives N truth values, one per sample; the accuracy is one "
         "number for the whole batch.",
         "(N,) 배열 두 개를 비교하면 샘플마다 하나씩, 진릿값 N개가 나옵니다. 정확도는 배치 전체에 "
         "대한 수 하나입니다."),
    Text("Reduce the comparison to one fraction: the number of True entries divided by N "
         "(np.sum(...) / N, or np.mean(...)).",
         "비교 결과를 비율 하나로 줄이세요. True의 개수를 N으로 나눕니다(np.sum(...) / N 또는 "
         "np.mean(...))."))
_INPLACE_HINT = (
    Text("y and t belong to the caller, who uses them again after your function returns.",
         "y와 t는 호출한 쪽의 배열이고, 함수가 끝난 뒤에도 다시 쓰입니다."),
    Text("Give the results new names or new arrays: t = np.argmax(t, axis=1) makes a new array and "
         "leaves the caller's t alone; y -= ... or t[:] = ... writes into the caller's.",
         "결과는 새 이름이나 새 배열에 담으세요. t = np.argmax(t, axis=1)은 새 배열을 만들고 "
         "호출한 쪽의 t는 그대로 둡니다. y -= ...나 t[:] = ...는 호출한 쪽의 배열에 씁니다."))


def _fraction(got, want: float, call: str) -> None:
    """got is one float equal to want (a fraction in [0, 1]); a float32 is judged at float32's
    precision, and a FAIL shows the two values with enough digits to tell them apart."""
    if isinstance(got, (bool, np.bool_)):
        raise Wrong(tr(f"{call}: expected the fraction {want:g}, got the truth value {got}: "
                       "return a number, not a comparison",
                       f"{call}: 비율 {want:g}이어야 하는데 나온 값은 진릿값 {got}입니다. "
                       "비교 결과가 아니라 수를 돌려주세요"), hint=_REDUCE_HINT)
    if isinstance(got, (int, np.integer)):
        if got > 1:
            raise Wrong(tr(f"{call}: expected {want:g}, got {got}: that is a count of right answers; "
                           "divide it by the number of samples N",
                           f"{call}: {want:g}이어야 하는데 나온 값은 {got}입니다. 이 값은 맞힌 개수입니다. "
                           "샘플 수 N으로 나누세요"), hint=_COUNT_HINT)
        raise Wrong(tr(f"{call}: expected the fraction {want:g}, got the integer {got}: "
                       "an integer division (//) rounds the fraction down to 0 or 1",
                       f"{call}: 비율 {want:g}이어야 하는데 나온 값은 정수 {got}입니다. "
                       "정수 나눗셈(//)은 비율을 0이나 1로 내려 버립니다"), hint=_COUNT_HINT)
    if np.ndim(got) != 0:
        raise Wrong(tr(f"{call}: expected one number, {want:g}, got {type(got).__name__} of shape "
                       f"{np.shape(got)}: reduce the comparison to one fraction for the whole batch",
                       f"{call}: 수 하나({want:g})가 나와야 하는데 나온 것은 형상이 {np.shape(got)}인 "
                       f"{type(got).__name__}입니다. 비교 결과를 배치 전체의 비율 "
                       "하나로 줄이세요"), hint=_REDUCE_HINT)
    try:
        value = float(got)
    except (TypeError, ValueError):
        raise FormatSlip(tr(f"{call}: expected the number {want:g}, got {type(got).__name__} {got!r}: "
                            "return a number",
                            f"{call}: 수 {want:g}이어야 하는데 나온 값은 {type(got).__name__} "
                            f"{got!r}입니다. 수를 돌려주세요")) from None
    if not 0.0 <= value <= 1.0:
        raise Wrong(tr(f"{call}: expected {want:g}, got {_show(value)}: an accuracy is a fraction "
                       "between 0 and 1 (right answers divided by the number of samples)",
                       f"{call}: {want:g}이어야 하는데 나온 값은 {_show(value)}입니다. 정확도는 0과 1 "
                       "사이의 비율입니다(맞힌 개수를 샘플 수로 나눈 값)"), hint=_COUNT_HINT)
    # a float32 fraction carries 7 significant digits: judged at that precision
    tol = 1e-6 * abs(want) + 1e-7 if np.asarray(got).dtype == np.float32 else 1e-12
    if abs(value - want) > tol:
        want_s, got_s = _show_pair(want, value)
        raise Wrong(tr(f"{call}: expected {want_s}, got {got_s}",
                       f"{call}: {want_s}이어야 하는데 나온 값은 {got_s}입니다"))
    if not isinstance(got, (float, np.floating)) and np.asarray(got).dtype.kind != "f":
        raise FormatSlip(tr(f"{call}: the value is right, but it came as {type(got).__name__}: "
                            "return a float",
                            f"{call}: 값은 맞지만 {type(got).__name__} 자료형으로 나왔습니다. "
                            "float를 돌려주세요"))


def _calling(f, call: str, *args):
    """f(*args); an error it raises becomes a FAIL that names the call (a stub's NotImplementedError
    passes through: it means not written yet)."""
    try:
        return f(*args)
    except NotImplementedError:
        raise
    except Exception as e:
        raise Wrong(tr(f"{call} raised {type(e).__name__}: {e}",
                       f"{call}에서 예외가 발생했습니다. {type(e).__name__}: {e}")) from None


def _try_accuracy(accuracy, y, t, want: float, what: str) -> None:
    """Call accuracy(y, t) on copies it may not change, and compare with want."""
    y_in, t_in = y.copy(), t.copy()
    call = tr(f"accuracy(y, t) for {what}", f"accuracy(y, t) (입력: {what})")
    got = _calling(accuracy, call, y_in, t_in)
    for name, arr, orig in ((tr("y (the scores)", "y(점수)"), y_in, y),
                            (tr("t (the labels)", "t(정답 레이블)"), t_in, t)):
        if arr.shape != orig.shape or not np.array_equal(arr, orig):
            raise Wrong(tr(f"{call}: your code changed {name}, an array of the caller's. Compute "
                           "with new arrays instead of writing into the ones you are given",
                           f"{call}: 여러분의 코드가 호출한 쪽의 배열인 {name}의 값을 바꾸었습니다. "
                           "받은 배열에 쓰지 말고 새 배열로 계산하세요"), hint=_INPLACE_HINT)
    _fraction(got, want, call)


def _rows(a) -> str:
    """A small array on one line: [[0.1, 2.0], [3.0, 0.0]], labels as integers."""
    return str(np.asarray(a).tolist())


_INDICES = Text("class-index labels", "클래스 번호 레이블 처리")
_ONE_HOT = Text("one-hot labels", "원-핫 레이블 처리")


@exercise("accuracy", parts=(_INDICES, _ONE_HOT), hints={
    _INDICES: (Text("The predicted class of a sample is the index of its largest score along the "
                    "class axis; the accuracy is the share of samples where it equals the label.",
                    "샘플 하나의 예측 클래스는 클래스 축에서 점수가 가장 큰 원소의 인덱스입니다. "
                    "정확도는 예측 클래스가 정답 레이블과 같은 샘플의 비율입니다."),
               Text("np.argmax(y, axis=1) gives the (N,) predicted classes (axis 1 runs across the "
                    "C classes of one row); compare them with t elementwise and divide the number "
                    "of True entries by N, the number of rows of y, as a float.",
                    "np.argmax(y, axis=1)이 (N,) 예측 클래스를 줍니다(axis 1은 한 행의 클래스 C개를 "
                    "따라갑니다). 이것을 t와 원소별로 비교하고, True의 개수를 y의 행 수 N으로 나누어 "
                    "float로 돌려주세요.")),
    _ONE_HOT: (Text("A one-hot row tells its class the same way a row of scores does: where is "
                    "its largest entry?",
                    "원-핫 행도 점수의 행과 같은 방법으로 자기 클래스를 알려 줍니다. 가장 큰 원소는 "
                    "어디에 있을까요?"),
               Text("When t.ndim != 1, turn the (N, C) one-hot rows into (N,) class indices with "
                    "np.argmax(t, axis=1), a new array, then compare as for class indices.",
                    "t.ndim != 1이면 (N, C) 원-핫 행을 np.argmax(t, axis=1)로 (N,) 클래스 번호 "
                    "배열(새 배열)로 바꾼 다음, 클래스 번호 레이블처럼 비교하세요."))})
def check_accuracy(accuracy, part) -> None:
    """accuracy(y (N, C) scores, t (N,) class indices or (N, C) one-hot) -> fraction right, a float."""
    rng = np.random.default_rng(6)
    cases = [_scores_and_labels(rng, n, c) for n, c in ((23, 10), (7, 4), (6, 6))]  # (6, 6): axis
    one = _Y[3:4]  # one sample, predicted 1
    with part(_INDICES):
        _try_accuracy(accuracy, _Y, _T, 0.5, tr(f"y = {_rows(_Y)}, t = {_rows(_T)} (2 of 4 right)",
                                                f"y = {_rows(_Y)}, t = {_rows(_T)} (4개 중 2개 맞음)"))
        for y, t in cases:
            want = float(np.mean(y.argmax(axis=1) == t))
            _try_accuracy(accuracy, y, t, want, tr(f"random y of shape {y.shape}, t of shape {t.shape}",
                                                   f"형상 {y.shape}의 무작위 y, 형상 {t.shape}의 t"))
        _try_accuracy(accuracy, one, np.array([1]), 1.0,
                      tr(f"a batch of 1, y = {_rows(one)}, t = [1]",
                         f"샘플 1개짜리 배치, y = {_rows(one)}, t = [1]"))
        _try_accuracy(accuracy, one, np.array([2]), 0.0,
                      tr(f"a batch of 1, y = {_rows(one)}, t = [2]",
                         f"샘플 1개짜리 배치, y = {_rows(one)}, t = [2]"))
    with part(_ONE_HOT):
        _try_accuracy(accuracy, _Y, np.eye(3, dtype=int)[_T], 0.5,
                      tr(f"y = {_rows(_Y)} and one-hot t = {_rows(np.eye(3, dtype=int)[_T])} (2 of 4 right)",
                         f"y = {_rows(_Y)}, 원-핫 t = {_rows(np.eye(3, dtype=int)[_T])} (4개 중 2개 맞음)"))
        for y, t in cases:
            want = float(np.mean(y.argmax(axis=1) == t))
            c = y.shape[1]
            _try_accuracy(accuracy, y, np.eye(c, dtype=int)[t], want,
                          tr(f"random y of shape {y.shape}, one-hot t of shape {(len(t), c)}",
                             f"형상 {y.shape}의 무작위 y, 형상 {(len(t), c)}의 원-핫 t"))
        for label, want in ((1, 1.0), (2, 0.0)):
            t = np.eye(3, dtype=int)[[label]]
            _try_accuracy(accuracy, one, t, want,
                          tr(f"a batch of 1, y = {_rows(one)}, one-hot t = {_rows(t)}",
                             f"샘플 1개짜리 배치, y = {_rows(one)}, 원-핫 t = {_rows(t)}"))


# ---------------------------------------------------------------------------- sgd_update

def _params(rng, dtype, extra: bool = False) -> dict:
    """TwoLayerNet-like parameters of random sizes (a square W2), and one extra key if asked."""
    d, h = int(rng.integers(3, 7)), int(rng.integers(2, 6))
    params = {"W1": rng.standard_normal((d, h)), "b1": rng.standard_normal(h),
              "W2": rng.standard_normal((h, h)), "b2": rng.standard_normal(h)}
    if extra:
        params["gamma"] = rng.standard_normal(h)  # any dict: not only TwoLayerNet's four keys
    return {k: v.astype(dtype) for k, v in params.items()}


def _grads(rng, params) -> dict:
    return {k: rng.standard_normal(v.shape) for k, v in params.items()}  # float64


_RETURN_HINT = (
    Text("sgd_step returns nothing: whatever it returns is thrown away by the caller. Where must "
         "the new values end up?",
         "sgd_step은 아무것도 돌려주지 않습니다. 돌려준 값은 호출한 쪽에서 버려집니다. 새 값은 "
         "어디에 들어가야 할까요?"),
    Text("Write the new values into the arrays of params themselves: params[key] -= lr * grads[key] "
         "for every key.",
         "새 값을 params의 배열 자체에 쓰세요. 모든 키에 대해 params[key] -= lr * grads[key]."))
_KEYS_HINT = (
    Text("params may hold other keys than W1, b1, W2 and b2: the update is the same for every "
         "parameter, whatever its name.",
         "params에는 W1, b1, W2, b2가 아닌 키도 있을 수 있습니다. 갱신은 이름이 무엇이든 모든 "
         "매개변수에 똑같습니다."),
    Text("Loop over the keys of params itself (for key in params:), not over a list of names you "
         "wrote down, and update each one.",
         "직접 적은 이름의 목록이 아니라 params 자체의 키를 돌면서(for key in params:) 하나하나 "
         "갱신하세요."))
_SIGN_HINT = (
    Text("The gradient points to where the loss grows fastest. Which way should a step go to make "
         "it smaller?",
         "기울기는 손실이 가장 빨리 커지는 쪽을 가리킵니다. 손실을 줄이려면 어느 쪽으로 "
         "나아가야 할까요?"),
    Text("Subtract lr * grads[key] from each parameter: W <- W - lr * dL/dW.",
         "각 매개변수에서 lr * grads[key]를 빼세요: W <- W - lr * dL/dW."))
_LR_HINT = (
    Text("The check calls sgd_step with other learning rates than the book's: where does the step "
         "size come from?",
         "검사는 책과 다른 학습률로도 sgd_step을 호출합니다. 보폭은 어디에서 와야 할까요?"),
    Text("Use the argument lr in the update, not a number written into the function: "
         "params[key] -= lr * grads[key].",
         "함수 안에 적은 숫자가 아니라 인수 lr을 갱신에 쓰세요: params[key] -= lr * grads[key]."))
_REBIND_HINT = (
    Text("The layers of the network hold these very arrays. Does your update change the arrays, or "
         "put new ones into the dict?",
         "신경망의 계층들이 바로 이 배열들을 쥐고 있습니다. 여러분의 갱신은 배열을 바꾸나요, 아니면 "
         "dict에 새 배열을 넣나요?"),
    Text("params[key] = params[key] - lr * grads[key] makes a new array; params[key] -= lr * "
         "grads[key] (or np.subtract(..., out=params[key])) writes into the existing one, which "
         "the layers see, and keeps its dtype.",
         "params[key] = params[key] - lr * grads[key]는 새 배열을 만듭니다. params[key] -= lr * "
         "grads[key](또는 np.subtract(..., out=params[key]))는 기존 배열에 쓰므로 계층들이 그 "
         "변화를 보고, dtype도 유지됩니다."))
_GRADS_HINT = (
    Text("grads belongs to the caller: the update only reads it.",
         "grads는 호출한 쪽의 것입니다. 갱신은 grads를 읽기만 합니다."),
    Text("lr * grads[key] is a new array: subtract it from params[key] without writing into "
         "grads[key] (no grads[key] *= lr).",
         "lr * grads[key]는 새 배열입니다. grads[key]에 쓰지 말고(grads[key] *= lr 금지) "
         "params[key]에서 빼세요."))


def _compare_update(params, before, grads, lr, call: str) -> None:
    """params now hold before - lr * grads; say which mistake it looks like when they do not."""
    if all(np.array_equal(params[key], before[key]) for key in before):
        raise Wrong(tr(f"{call}: no array in params changed. sgd_step returns nothing: it changes "
                       "the arrays of the params it is given",
                       f"{call}: params의 배열이 하나도 바뀌지 않았습니다. sgd_step은 아무것도 "
                       "돌려주지 않고, 받은 params의 배열을 직접 바꿉니다"), hint=_RETURN_HINT)
    for key in before:
        got = np.asarray(params[key], dtype=np.float64)
        want = before[key] - lr * grads[key]
        if got.shape == want.shape and np.allclose(got, want, rtol=1e-5, atol=1e-6):
            continue
        if got.shape == want.shape:
            if np.array_equal(got, before[key]):
                raise Wrong(tr(f"{call}: params[{key!r}] did not change: update every key of params",
                               f"{call}: params[{key!r}]의 값이 그대로입니다. params의 모든 키를 "
                               "갱신하세요"), hint=_KEYS_HINT)
            if np.allclose(got, before[key] + lr * grads[key], rtol=1e-5, atol=1e-6):
                raise Wrong(tr(f"{call}: params[{key!r}] moved up the gradient (+ lr * grads) instead "
                               "of down: gradient descent steps against the gradient",
                               f"{call}: params[{key!r}]의 값이 기울기의 반대 방향이 아니라 기울기 "
                               "방향으로(+ lr * grads) 움직였습니다. 경사 하강법은 기울기의 반대 "
                               "방향으로 나아갑니다"), hint=_SIGN_HINT)
            if lr != 0.1 and np.allclose(got, before[key] - 0.1 * grads[key], rtol=1e-5, atol=1e-6):
                raise Wrong(tr(f"{call}: params[{key!r}] moved by 0.1 * grads, not by lr * grads: "
                               f"use the lr you are given ({lr:g} here)",
                               f"{call}: params[{key!r}]의 값이 lr * grads가 아니라 0.1 * grads만큼 "
                               f"움직였습니다. 주어진 lr을 쓰세요(여기서는 {lr:g})"), hint=_LR_HINT)
        _close(got, want, tr(f"{call}: params[{key!r}] afterwards", f"{call}: 갱신한 뒤의 params[{key!r}]"),
               rtol=1e-5, atol=1e-6)


@exercise("sgd_update",
          hints=(Text("Gradient descent moves each parameter a step of lr times its gradient, against "
                 "the gradient. And the layers hold these very arrays: change each array itself, "
                 "do not put a new one in its place.",
                 ko="경사 하강법은 각 매개변수를 기울기의 반대 방향으로, 학습률 곱하기 기울기만큼 "
                 "옮깁니다. 그리고 계층들이 바로 이 배열들을 쥐고 있습니다. 새 배열을 만들어 그 "
                 "자리에 넣지 말고, 배열 자체를 바꾸세요."),
                 Text("Loop over the keys of params; for each, subtract lr times its gradient with an "
                 "in-place operation (an augmented assignment, or NumPy's out= argument), not an "
                 "assignment to params[key], which makes a new array that the layers never see.",
                 ko="params의 키를 하나씩 돌면서, 각 배열에서 lr 곱하기 기울기를 제자리 연산(복합 "
                 "대입 연산자나 넘파이의 out= 인수)으로 빼세요. params[key]에 대입하면 새 배열이 "
                 "만들어지고, 계층들은 그 배열을 끝내 보지 못합니다.")))
def check_sgd_update(sgd_step) -> None:
    """sgd_step(params, grads, lr) -> None: params[key] -= lr * grads[key] for every key, in place."""
    rng = np.random.default_rng(11)
    # 1. values, on random shapes with a key TwoLayerNet does not have, and an lr other than 0.1
    for lr in (0.1, 0.037):
        params = _params(rng, np.float64, extra=True)
        before = {k: v.copy() for k, v in params.items()}
        grads = _grads(rng, params)
        grads_before = {k: v.copy() for k, v in grads.items()}
        call = tr(f"sgd_step(params, grads, lr={lr:g}) with keys {', '.join(params)}",
                  f"sgd_step(params, grads, lr={lr:g}) (params의 키: {', '.join(params)})")
        _calling(sgd_step, call, params, grads, lr)
        with mistake(_GRADS_HINT):
            for key in grads:
                _unchanged(grads[key], grads_before[key], f"{call}: grads[{key!r}]")
        _compare_update(params, before, grads, lr, call)
    # 2. in place: the layers of a TwoLayerNet hold the same arrays as its params
    net = TwoLayerNet(5, 4, 3, weight_init_std=1.0, rng=3)
    arrays = dict(net.params)
    before = {k: v.copy() for k, v in net.params.items()}
    grads = _grads(rng, net.params)
    call = tr("sgd_step(net.params, grads, lr=0.1) on a TwoLayerNet",
              "sgd_step(net.params, grads, lr=0.1) (TwoLayerNet의 매개변수)")
    _calling(sgd_step, call, net.params, grads, 0.1)
    detached = net.detached_params()
    rebound = [k for k in arrays if net.params[k] is not arrays[k]]
    if detached or rebound:
        keys = ", ".join(f"params[{k!r}]" for k in (detached or rebound))
        raise Wrong(tr(f"{call}: {keys} became new arrays (an assignment params[key] = ... puts a new "
                       "array in the dict). The layers keep the old arrays, so they never see the "
                       "update: the network never learns. Change each array in place",
                       f"{call}: {keys}의 자리에 새 배열이 들어갔습니다(params[key] = ... 처럼 "
                       "대입하면 dict에 새 배열이 들어갑니다). 계층들은 예전 배열을 그대로 쥐고 "
                       "있어서 갱신을 보지 못하고, 신경망은 전혀 학습하지 않습니다. 각 배열을 "
                       "제자리에서 바꾸세요"), hint=_REBIND_HINT)
    _compare_update(net.params, before, grads, 0.1, call)
    # 3. dtype: float32 params stay float32 arrays (the gradients here are float64)
    params = _params(rng, np.float32)
    arrays = dict(params)
    before = {k: v.astype(np.float64) for k, v in params.items()}
    grads = _grads(rng, params)
    call = tr("sgd_step(params, grads, lr=0.1) with float32 params and float64 grads",
              "sgd_step(params, grads, lr=0.1) (params는 float32, grads는 float64)")
    _calling(sgd_step, call, params, grads, 0.1)
    for key in params:
        dtype = np.asarray(params[key]).dtype
        if dtype != np.float32:
            raise Wrong(tr(f"{call}: params[{key!r}] is now {dtype}, it was float32: keep each "
                           "parameter's dtype (an update in place always does)",
                           f"{call}: float32였던 params[{key!r}]의 dtype이 지금은 {dtype}입니다. 각 "
                           "매개변수의 dtype을 유지하세요(제자리에서 갱신하면 언제나 유지됩니다)"),
                        hint=_REBIND_HINT)
        if params[key] is not arrays[key]:
            raise Wrong(tr(f"{call}: params[{key!r}] became a new array: change each array in place",
                           f"{call}: params[{key!r}]의 자리에 새 배열이 들어갔습니다. 각 배열을 "
                           "제자리에서 바꾸세요"), hint=_REBIND_HINT)
    _compare_update(params, before, grads, 0.1, call)


# ----------------------------------------------------------------------- the predictions

_PERCENT = Text("An accuracy is written here as a fraction between 0 and 1, as net.accuracy returns "
                "it, not as a percentage.",
                "여기서 정확도는 net.accuracy가 돌려주는 것처럼 0과 1 사이의 비율로 씁니다. "
                "퍼센트가 아닙니다.")
_NEGATIVE = Text("A cross-entropy loss is never negative: it is minus the log of a probability, and "
                 "a probability is at most 1.",
                 "교차 엔트로피 오차는 음수가 될 수 없습니다. 확률의 로그에 마이너스를 붙인 값이고, "
                 "확률은 1을 넘지 않습니다.")

prediction("mnist_untrained_guess", {
    "loss": Answer(
        Text("the untrained network's mean loss on 100 training images",
             "학습하지 않은 신경망의 훈련 이미지 100장에 대한 평균 손실"),
        float(np.log(10)), within=(float(np.log(10)) - 0.1, float(np.log(10)) + 0.1),
        mistakes={
            0.1: Text("That looks like a probability, the one the network gives each class; the "
                      "loss is computed from the probability of the right class.",
                      "확률처럼 보입니다. 신경망이 각 클래스에 주는 확률이지요. 손실은 정답 "
                      "클래스의 확률로 계산합니다."),
            0.0: Text("A loss of 0 means the right class gets probability 1: a network that knows "
                      "everything, not one that knows nothing.",
                      "손실 0은 정답 클래스의 확률이 1이라는 뜻입니다. 아무것도 모르는 신경망이 아니라 "
                      "모든 것을 아는 신경망입니다."),
            -1: _NEGATIVE, -2.3: _NEGATIVE,
            1.0: Text("What probability gives a loss of 1? Start from the probability an untrained "
                      "network gives the right class.",
                      "손실이 1이 되는 확률은 얼마일까요? 학습하지 않은 신경망이 정답 클래스에 주는 "
                      "확률에서 출발하세요.")},
        nudge=Text("How large is the probability an untrained network gives the right class, and "
                   "what is minus its log?",
                   "학습하지 않은 신경망이 정답 클래스에 주는 확률은 얼마이고, 그 로그에 마이너스를 "
                   "붙이면 얼마일까요?"),
        hints=(Text("Start from the ten scores of an untrained network: its weights are about 0.01, "
                    "so its scores are small and close to each other. What does softmax make of "
                    "ten nearly equal scores?",
                    "학습하지 않은 신경망의 점수 10개부터 생각해 보세요. 가중치가 0.01 정도이므로 "
                    "점수는 작고 서로 비슷합니다. 거의 같은 점수 10개를 소프트맥스 함수에 넣으면 "
                    "무엇이 나올까요?"),
               Text("Ten nearly equal scores give every class the same probability, one in ten. "
                    "The cross-entropy loss is minus the log of the probability given to the right "
                    "class: compute -log of that probability.",
                    "거의 같은 점수 10개는 모든 클래스에 같은 확률, 10분의 1을 줍니다. 교차 엔트로피 "
                    "오차는 정답 클래스에 준 확률의 로그에 마이너스를 붙인 값입니다. 그 확률의 "
                    "-log를 계산하세요."))),
    "accuracy": Answer(
        Text("the untrained network's accuracy on the 10,000 test images",
             "학습하지 않은 신경망의 시험 이미지 10,000장에 대한 정확도"),
        0.1, within=(0.05, 0.2),
        mistakes={10: _PERCENT, 13.5: _PERCENT, 100: _PERCENT,
                  0.0: Text("A network that knows nothing still answers every image with some "
                            "class, and some of those answers are right by chance.",
                            "아무것도 모르는 신경망도 모든 이미지에 어떤 클래스든 답하고, 그중 일부는 "
                            "우연히 맞습니다."),
                  0.5: Text("Right half the time is a guess between two answers. How many classes "
                            "does the network choose from?",
                            "절반을 맞히는 것은 답 두 개 중에서 찍을 때입니다. 신경망은 클래스 몇 개 "
                            "중에서 고를까요?")},
        nudge=Text("How often is a pick among the classes right by chance? Write it as a fraction "
                   "between 0 and 1.",
                   "클래스 중 하나를 고르면 우연히 맞을 확률은 얼마일까요? 0과 1 사이의 비율로 "
                   "쓰세요."),
        hints=(Text("A network that knows nothing: how often is it right by chance, picking among "
                    "the digits 0 to 9?",
                    "아무것도 모르는 신경망이 숫자 0부터 9 중에서 고른다면 우연히 맞을 확률은 "
                    "얼마일까요?"),
               Text("With ten classes that are nearly equally frequent in the test set, a guess is "
                    "right about one time in ten, written as a fraction (the check accepts a range "
                    "around it: the untrained answers bunch on a few classes).",
                    "시험 세트에 거의 같은 수로 들어 있는 클래스 10개 중 하나를 찍으면 10번에 1번쯤 "
                    "맞습니다. 이 값을 비율로 쓰세요(학습하지 않은 신경망의 답은 몇몇 클래스에 몰리므로 "
                    "검사는 그 근처의 범위를 받아들입니다).")))},
    hints=(Text("Think about the ten scores of a network that has not trained yet.",
                "아직 학습하지 않은 신경망의 점수 10개를 생각해 보세요."),
           Text("Ten nearly equal scores give ten probabilities of one in ten.",
                "거의 같은 점수 10개는 10분의 1씩의 확률 10개가 됩니다.")))

_EPOCHS_PER = Text("10,000 / 600 is the number of epochs in 10,000 iterations, not a number of "
                   "lines: a number of lines is a whole number. How many epochs end within them, "
                   "and what is printed after the last iteration?",
                   "10,000 / 600은 10,000번 반복에 든 에폭 수이지 줄 수가 아닙니다. 줄 수는 정수입니다. "
                   "그중 몇 에폭이 끝나고, 마지막 반복 뒤에는 무엇이 출력될까요?")

prediction("mnist_epoch_count", {
    "iters_per_epoch": Answer(
        Text("the iterations in one epoch, for 60,000 training images in batches of 100",
             "훈련 이미지 60,000장을 100장씩 배치로 나눌 때 에폭 하나의 반복 횟수"),
        600, rtol=0.0, atol=1e-9,
        mistakes={100: Text("100 is the batch size, the images one iteration takes. An epoch is a "
                            "pass over all the training images.",
                            "100은 배치 크기, 곧 반복 한 번에 쓰는 이미지 수입니다. 에폭은 훈련 이미지 "
                            "전체를 한 번 도는 것입니다.")},
        nudge=Text("How many batches of 100 make up the 60,000 training images?",
                   "훈련 이미지 60,000장은 100장짜리 배치 몇 개로 이루어질까요?"),
        hints=(Text("An epoch is one pass over all 60,000 training images, 100 images per "
                    "iteration.",
                    "에폭 하나는 훈련 이미지 60,000장 전체를 한 번 도는 것이고, 반복 한 번에 이미지 "
                    "100장을 씁니다."),
               Text("Divide the number of training images by the batch size.",
                    "훈련 이미지 수를 배치 크기로 나누세요."))),
    "lines": Answer(
        Text("the lines train prints for 10,000 iterations",
             "10,000번 반복하는 동안 train이 출력하는 줄 수"),
        17,
        mistakes={16: Text("You counted the epochs that end within 10,000 iterations. Is iteration "
                           "10,000 itself the end of an epoch, and does train print after it?",
                           "10,000번 반복 안에 끝나는 에폭을 세었습니다. 10,000번째 반복 자체는 에폭의 "
                           "끝일까요? train은 그 뒤에도 출력할까요?"),
                  16.67: _EPOCHS_PER, 16.7: _EPOCHS_PER,
                  100: Text("train prints once per epoch, not once per batch of 100 iterations.",
                            "train은 반복 100번마다가 아니라 에폭마다 한 번 출력합니다.")},
        nudge=Text("Count the epoch ends within 10,000 iterations, then the line after the last "
                   "iteration.",
                   "10,000번 반복 안에서 에폭이 끝나는 곳을 세고, 마지막 반복 뒤의 한 줄을 "
                   "생각하세요."),
        hints=(Text("train prints a line at the end of each epoch and one more after the last "
                    "iteration, unless that one ends an epoch anyway.",
                    "train은 에폭이 끝날 때마다 한 줄을 출력하고, 마지막 반복이 에폭의 끝이 아니면 그 "
                    "뒤에 한 줄을 더 출력합니다."),
               Text("Count the multiples of the iterations per epoch up to 10,000 (10,000 / "
                    "iterations per epoch, rounded down), then add the line after iteration 10,000, "
                    "which is not an epoch's end.",
                    "10,000까지 에폭당 반복 횟수의 배수를 세고(10,000 / 에폭당 반복 횟수의 내림), "
                    "에폭의 끝이 아닌 10,000번째 반복 뒤의 한 줄을 더하세요.")))},
    hints=(Text("An epoch is one pass over the training set.", "에폭은 훈련 세트를 한 번 도는 것입니다."),
           Text("Divide, then count the epoch ends.", "나눈 다음, 에폭이 끝나는 곳을 세세요.")))


# ------------------------------------------------------------------------- training_loop
# The learner writes the loop of book 5.7.4 (ch05/train_neuralnet.py) as a function
#     train_loop(network, x_train, t_train, x_test, t_test, iters_num, batch_size,
#                learning_rate, rng) -> (train_loss_list, train_acc_list, test_acc_list)
# The check runs it on part of MNIST (a 784-20-10 float32 network, 6,000 training and 1,000
# test images, 400 iterations of 50 images at learning rate 0.2: about half a second) with a
# network that records what the loop asks of it: the batches it takes the gradient of, and
# when it measures accuracies on which images. Then it replays the loop's own batches with
# scratchnet's steps (network.gradient, sgd_step, network.accuracy) and compares. A loop that
# draws its batches with batch_indices(train_size, batch_size, rng), as the notebook asks,
# draws train's batches, so its loss and parameters are those of scratchnet's train for the
# same seed (tests/test_exercises_06_training.py checks that).

LOOP = dict(n_train=6_000, n_test=1_000, hidden=20, iters_num=400, batch_size=50,
            learning_rate=0.2, seed=7)


@lru_cache(maxsize=1)
def _loop_data():
    """Part of MNIST, read-only: a loop that writes into its data is caught as an error."""
    from ...mnist import load_mnist
    (x_train, t_train), (x_test, t_test) = load_mnist()
    arrays = (x_train[:LOOP["n_train"]].copy(), t_train[:LOOP["n_train"]].copy(),
              x_test[:LOOP["n_test"]].copy(), t_test[:LOOP["n_test"]].copy())
    for a in arrays:
        a.flags.writeable = False
    rows = {r.tobytes(): i for i, r in enumerate(arrays[0])}  # an image -> its index
    return arrays, rows


def _iter_per_epoch() -> float:
    return max(LOOP["n_train"] / LOOP["batch_size"], 1)


def _eval_iterations() -> list:
    """The i of range(iters_num) at which the book evaluates: i % iter_per_epoch == 0."""
    return [i for i in range(LOOP["iters_num"]) if i % _iter_per_epoch() == 0]


class _TooMany(Exception):
    """Raised by the spy network when the loop runs more iterations than iters_num."""


class _SpyNet(TwoLayerNet):
    """A TwoLayerNet that records the batches of its gradient calls and every evaluation on a
    whole set (which set, after how many gradient calls). It computes exactly what TwoLayerNet
    computes."""

    def __init__(self, x_train, x_test, rows):
        super().__init__(784, LOOP["hidden"], 10, rng=LOOP["seed"], dtype=np.float32)
        self._x_train, self._x_test, self._rows = x_train, x_test, rows
        self.spy_batches = []  # index arrays (-1: a row that is no training image)
        self.spy_labels_ok = []  # t_batch == t_train[indices]
        self.spy_sizes = []
        self.spy_after_first = None  # the params at the second gradient call: after one update
        self.spy_evals = []  # (which set, gradient calls so far)
        self._inside = False

    def _which(self, x) -> str:
        for name, data in (("train", self._x_train), ("test", self._x_test)):
            if x is data or (np.shape(x) == data.shape and np.array_equal(x, data)):
                return name
        return f"other:{len(x)}"

    def gradient(self, x, t):
        if len(self.spy_batches) >= LOOP["iters_num"]:
            raise _TooMany()
        if len(self.spy_batches) == 1:
            self.spy_after_first = {k: np.array(v, copy=True) for k, v in self.params.items()}
        rows = np.ascontiguousarray(np.asarray(x).reshape(len(x), -1), dtype=np.float32)
        idx = np.array([self._rows.get(r.tobytes(), -1) for r in rows])
        self.spy_batches.append(idx)
        self.spy_sizes.append(len(x))
        (_, t_train, _, _), _ = _loop_data()
        t = np.asarray(t)
        self.spy_labels_ok.append(bool((idx >= 0).all() and t.shape == idx.shape
                                       and np.array_equal(t, t_train[idx])))
        self._inside = True
        try:
            return super().gradient(x, t)
        finally:
            self._inside = False

    def accuracy(self, x, t, chunk: int = 2_000) -> float:
        if not self._inside:
            self.spy_evals.append((self._which(x), len(self.spy_batches)))
        self._inside, was = True, self._inside
        try:
            return super().accuracy(x, t, chunk)
        finally:
            self._inside = was

    def predict(self, x):
        if not self._inside and len(x) in (len(self._x_train), len(self._x_test)):
            self.spy_evals.append((self._which(x), len(self.spy_batches)))
        return super().predict(x)


def _replay(batches: list, lr: float) -> dict:
    """scratchnet's steps on the given batches: losses before and after each update, the
    accuracies at the book's iterations, and the final params."""
    from ...training import sgd_step
    (x_train, t_train, x_test, t_test), _ = _loop_data()
    net = TwoLayerNet(784, LOOP["hidden"], 10, rng=LOOP["seed"], dtype=np.float32)
    out = {"before": [], "after": [], "train_acc": [], "test_acc": [], "first": None}
    evals = set(_eval_iterations())
    for i, idx in enumerate(batches):
        grads = net.gradient(x_train[idx], t_train[idx])
        out["before"].append(float(net.lastLayer.loss))
        sgd_step(net.params, grads, lr)
        if i == 0:
            out["first"] = {k: v.copy() for k, v in net.params.items()}
        out["after"].append(float(net.loss(x_train[idx], t_train[idx])))
        if i in evals:
            out["train_acc"].append(net.accuracy(x_train, t_train))
            out["test_acc"].append(net.accuracy(x_test, t_test))
    out["params"] = net.params
    return out


_STEP = Text("the training step", "학습 단계")
_NO_UPDATE_HINT = (
    Text("A gradient alone changes nothing: each iteration moves the parameters of the network.",
         "기울기만으로는 아무것도 바뀌지 않습니다. 반복마다 신경망의 매개변수를 옮겨야 합니다."),
    Text("After grad = network.gradient(x_batch, t_batch), update in place: "
         "sgd_step(network.params, grad, learning_rate).",
         "grad = network.gradient(x_batch, t_batch) 다음에 제자리에서 갱신하세요: "
         "sgd_step(network.params, grad, learning_rate)."))
_LOOP_LR_HINT = (
    Text("The check runs your loop with another learning_rate than the book's: where does the "
         "step size come from?",
         "검사는 책과 다른 learning_rate로 여러분의 루프를 실행합니다. 보폭은 어디에서 와야 "
         "할까요?"),
    Text("Use the argument learning_rate in the update, not a number written into the loop: "
         "sgd_step(network.params, grad, learning_rate).",
         "루프 안에 적은 숫자가 아니라 인수 learning_rate를 갱신에 쓰세요: "
         "sgd_step(network.params, grad, learning_rate)."))
_RECORDS = Text("the records", "기록")

_WHOLE_HINT = (
    Text("Each batch is a random draw from all train_size images: a loop that only ever sees part "
         "of the training set learns only that part.",
         "배치는 train_size장 전체에서 무작위로 뽑습니다. 훈련 세트의 일부만 보는 루프는 그 "
         "일부만 학습합니다."),
    Text("Create batches = batch_indices(train_size, batch_size, rng) once, before the loop, with "
         "train_size = x_train.shape[0], and take batch_mask = next(batches) in each iteration.",
         "루프 앞에서 한 번 batches = batch_indices(train_size, batch_size, rng)를 만들고"
         "(train_size = x_train.shape[0]), 반복마다 batch_mask = next(batches)를 꺼내세요."))
_WHEN_HINT = (
    Text("The book evaluates inside its loop for i in range(iters_num), when i % iter_per_epoch "
         "== 0, after that iteration's update.",
         "책은 루프 for i in range(iters_num) 안에서 i % iter_per_epoch == 0일 때, 그 반복의 "
         "갱신이 끝난 뒤에 평가합니다."),
    Text("Put if i % iter_per_epoch == 0: at the end of the loop body, after the update and the "
         "loss, with i from range(iters_num) (0, 1, ...), and append one accuracy to each list there.",
         "루프 본문의 끝, 갱신과 손실 기록 뒤에 if i % iter_per_epoch == 0:을 두고(i는 "
         "range(iters_num)의 0, 1, ...), 그 안에서 두 리스트에 정확도를 하나씩 추가하세요."))
_SETS_HINT = (
    Text("Each list has its own set: train_acc_list measures the images the network trains on, "
         "test_acc_list the images it never sees.",
         "리스트마다 제 세트가 있습니다. train_acc_list는 신경망이 학습하는 이미지로, "
         "test_acc_list는 한 번도 보지 않는 이미지로 잽니다."),
    Text("train_acc_list.append(network.accuracy(x_train, t_train)) and "
         "test_acc_list.append(network.accuracy(x_test, t_test)), on all the images of each set.",
         "train_acc_list.append(network.accuracy(x_train, t_train))와 "
         "test_acc_list.append(network.accuracy(x_test, t_test)), 각 세트의 이미지 전부로 "
         "계산합니다."))
_LOSS_HINT = (
    Text("train_loss_list gets one loss per iteration, the loss of that iteration's batch.",
         "train_loss_list에는 반복마다 손실 하나, 그 반복의 배치에 대한 손실이 들어갑니다."),
    Text("After the update, train_loss_list.append(network.loss(x_batch, t_batch)), as the book "
         "does; or network.lastLayer.loss, the loss of the gradient's forward pass, before it.",
         "갱신 뒤에 책처럼 train_loss_list.append(network.loss(x_batch, t_batch)), 또는 갱신 "
         "전 gradient의 순전파에서 나온 손실 network.lastLayer.loss를 추가하세요."))


def _loop_call() -> str:
    L = LOOP
    return (f"train_loop(network, x_train, t_train, x_test, t_test, iters_num={L['iters_num']}, "
            f"batch_size={L['batch_size']}, learning_rate={L['learning_rate']:g}, rng)")


def _setting() -> str:
    L = LOOP
    return tr(f"a 784-{L['hidden']}-10 float32 network, {L['n_train']:,} training and "
              f"{L['n_test']:,} test images of MNIST",
              f"784-{L['hidden']}-10 float32 신경망, MNIST 훈련 이미지 {L['n_train']:,}장과 시험 "
              f"이미지 {L['n_test']:,}장")


def _judge_first_step(net: _SpyNet, initial: dict, params_after: dict) -> None:
    """The first update, against one SGD step on the loop's first batch."""
    (x_train, t_train, _, _), _ = _loop_data()
    lr = LOOP["learning_rate"]
    idx = net.spy_batches[0]
    ref = TwoLayerNet(784, LOOP["hidden"], 10, rng=LOOP["seed"], dtype=np.float32)
    grads = {k: np.asarray(v, dtype=np.float64) for k, v in
             ref.gradient(x_train[idx], t_train[idx]).items()}
    want = {k: initial[k] - lr * grads[k] for k in initial}
    what = tr("After the first iteration", "첫 반복이 끝난 뒤")
    if all(np.array_equal(params_after[k], initial[k]) for k in initial):
        raise Wrong(tr(f"{what}, no parameter of the network changed: each iteration updates "
                       "network.params with the gradient of its batch",
                       f"{what}에도 신경망의 매개변수가 하나도 바뀌지 않았습니다. 반복마다 그 배치의 "
                       "기울기로 network.params를 갱신해야 합니다"), hint=_NO_UPDATE_HINT)

    def near(a, b):
        return np.allclose(np.asarray(a, dtype=np.float64), b, rtol=1e-4, atol=1e-6)
    for key in initial:
        got = params_after[key]
        if near(got, want[key]):
            continue
        if np.array_equal(got, initial[key]):
            raise Wrong(tr(f"{what}, params[{key!r}] has not changed: update every parameter",
                           f"{what}에도 params[{key!r}]의 값이 그대로입니다. 모든 매개변수를 "
                           "갱신하세요"), hint=_KEYS_HINT)
        if near(got, initial[key] + lr * grads[key]):
            raise Wrong(tr(f"{what}, params[{key!r}] moved up its gradient (+ learning_rate * grad): "
                           "gradient descent steps against it, and the loss grows",
                           f"{what} params[{key!r}]가 기울기 방향으로(+ learning_rate * grad) "
                           "움직였습니다. 경사 하강법은 기울기의 반대 방향으로 나아가며, 이대로면 "
                           "손실이 커집니다"), hint=_SIGN_HINT)
        for other in (0.1, 0.01, 0.001):
            if near(got, initial[key] - other * grads[key]):
                raise Wrong(tr(f"{what}, params[{key!r}] moved by {other:g} * grad, not by "
                               f"learning_rate * grad: use the learning_rate the function is given "
                               f"({lr:g} here)",
                               f"{what} params[{key!r}]가 learning_rate * grad가 아니라 "
                               f"{other:g} * grad만큼 움직였습니다. 함수가 받은 learning_rate를 "
                               f"쓰세요(여기서는 {lr:g})"), hint=_LOOP_LR_HINT)
        _close(np.asarray(got, dtype=np.float64), want[key],
               tr(f"{what}, params[{key!r}] (one SGD step on the first batch)",
                  f"{what}의 params[{key!r}](첫 배치에 대한 SGD 한 단계)"), rtol=1e-4, atol=1e-6)


def _judge_steps(net: _SpyNet, arrays: dict, initial: dict, full: bool) -> None:
    (x_train, t_train, _, _), _ = _loop_data()
    L = LOOP
    calls = len(net.spy_batches)
    if calls == 0:
        raise Wrong(tr("Your loop never called network.gradient: each iteration takes the gradient "
                       "of its mini-batch by backprop, network.gradient(x_batch, t_batch)",
                       "루프가 network.gradient를 한 번도 호출하지 않았습니다. 반복마다 미니배치의 "
                       "기울기를 오차역전파법으로 구합니다: network.gradient(x_batch, t_batch)"))
    for k, (idx, size, ok) in enumerate(zip(net.spy_batches, net.spy_sizes, net.spy_labels_ok)):
        if size != L["batch_size"]:
            raise Wrong(tr(f"Iteration {k}: the mini-batch has {size} images, batch_size is "
                           f"{L['batch_size']}: use the batch_size the function is given",
                           f"{k}번째 반복: 미니배치가 batch_size {L['batch_size']}장이어야 하는데 "
                           f"{size}장입니다. 함수가 받은 batch_size를 쓰세요"), hint=_WHOLE_HINT)
        if (idx < 0).any():
            raise Wrong(tr(f"Iteration {k}: the images of the mini-batch are not rows of x_train: "
                           "take them from the training set, x_train[batch_mask]",
                           f"{k}번째 반복: 미니배치의 이미지가 x_train의 행이 아닙니다. 훈련 세트에서 "
                           "x_train[batch_mask]로 꺼내세요"), hint=_WHOLE_HINT)
        if not ok:
            raise Wrong(tr(f"Iteration {k}: t_batch is not the labels of x_batch's images: take "
                           "both with the same indices, x_train[batch_mask] and t_train[batch_mask]",
                           f"{k}번째 반복: t_batch가 x_batch 이미지의 레이블이 아닙니다. 같은 "
                           "인덱스로 둘 다 꺼내세요: x_train[batch_mask], t_train[batch_mask]"),
                        hint=_WHOLE_HINT)
    detached = net.detached_params() or [k for k in arrays if net.params[k] is not arrays[k]]
    if detached:
        keys = ", ".join(f"network.params[{k!r}]" for k in detached)
        raise Wrong(tr(f"After your loop, {keys} are new arrays (an assignment params[key] = ... "
                       "puts a new array in the dict). The layers keep the old ones, so they never "
                       "see an update: every loss and accuracy comes from the untrained network. "
                       "Update each array in place",
                       f"루프가 끝난 뒤 {keys}의 자리에 새 배열이 들어 있습니다(params[key] = ... "
                       "처럼 대입하면 dict에 새 배열이 들어갑니다). 계층들은 예전 배열을 쥐고 "
                       "있어서 갱신을 보지 못하고, 손실과 정확도는 모두 학습하지 않은 신경망의 "
                       "것이 됩니다. 각 배열을 제자리에서 갱신하세요"), hint=_REBIND_HINT)
    after_first = net.spy_after_first if calls > 1 else net.params
    _judge_first_step(net, initial, after_first)
    if not full:
        return
    if calls < L["iters_num"]:
        raise Wrong(tr(f"Your loop took {calls} gradients: iters_num = {L['iters_num']} iterations "
                       "take one each",
                       f"루프가 기울기를 {calls}번 구했습니다. iters_num = {L['iters_num']}번의 반복이 "
                       "한 번씩 구해야 합니다"), hint=_WHEN_HINT)
    seen = np.concatenate(net.spy_batches)
    if seen.max() < 0.75 * L["n_train"]:
        raise Wrong(tr(f"All {calls} mini-batches came from the first {seen.max() + 1:,} of the "
                       f"{L['n_train']:,} training images: draw them from the whole training set",
                       f"미니배치 {calls}개가 모두 훈련 이미지 {L['n_train']:,}장 중 앞쪽 "
                       f"{seen.max() + 1:,}장에서 나왔습니다. 훈련 세트 전체에서 뽑으세요"),
                    hint=_WHOLE_HINT)
    sample = slice(0, 1_000)
    start = TwoLayerNet(784, L["hidden"], 10, rng=L["seed"], dtype=np.float32)
    before = start.loss(x_train[sample], t_train[sample])
    after = TwoLayerNet.loss(net, x_train[sample], t_train[sample])
    if not after < 0.9 * before:
        raise Wrong(tr(f"The loss did not go down: on 1,000 training images it was {before:.4f} "
                       f"before your loop and is {after:.4f} after {calls} iterations",
                       f"손실이 줄지 않았습니다. 훈련 이미지 1,000장에 대한 손실이 루프 전에 "
                       f"{before:.4f}, {calls}번 반복한 뒤에 {after:.4f}입니다"))
    replay = _replay(net.spy_batches, L["learning_rate"])
    for key in net.params:
        if not np.allclose(net.params[key], replay["params"][key], rtol=1e-3, atol=1e-5):
            _close(net.params[key], replay["params"][key],
                   tr(f"After {calls} iterations, network.params[{key!r}] (against {calls} SGD "
                      "steps on the same mini-batches)",
                      f"{calls}번 반복한 뒤의 network.params[{key!r}](같은 미니배치에 대한 SGD "
                      f"{calls}단계와 비교)"), rtol=1e-3, atol=1e-5)
    net.spy_replay = replay


def _numbers(values, name: str) -> list:
    if isinstance(values, (str, bytes, dict)) or not hasattr(values, "__len__"):
        raise FormatSlip(tr(f"{name} should be a list, got {type(values).__name__}",
                            f"{name}: 리스트여야 하는데 {type(values).__name__} 자료형이 나왔습니다"))
    out = []
    for v in values:
        try:
            out.append(float(v))
        except (TypeError, ValueError):
            raise FormatSlip(tr(f"{name} should hold numbers, one per entry; it holds "
                                f"{type(v).__name__} {_show(v)}",
                                f"{name}에는 수가 하나씩 들어 있어야 하는데 {type(v).__name__} "
                                f"{_show(v)} 같은 값이 들어 있습니다")) from None
    return out


def _judge_records(result, net: _SpyNet) -> None:
    L = LOOP
    replay = net.spy_replay
    if isinstance(result, (str, bytes, dict)) or not hasattr(result, "__len__") or len(result) != 3:
        raise FormatSlip(tr("train_loop should return three lists: (train_loss_list, train_acc_list, "
                            f"test_acc_list); it returned {type(result).__name__}",
                            "train_loop는 리스트 세 개 (train_loss_list, train_acc_list, "
                            f"test_acc_list)를 돌려주어야 하는데 돌려준 값은 "
                            f"{type(result).__name__}입니다"))
    losses, train_acc, test_acc = (_numbers(v, n) for v, n in zip(
        result, ("train_loss_list", "train_acc_list", "test_acc_list")))
    if len(losses) != L["iters_num"]:
        raise Wrong(tr(f"train_loss_list has {len(losses)} entries, iters_num is {L['iters_num']}: "
                       "record the loss at every iteration",
                       f"train_loss_list의 길이가 iters_num {L['iters_num']}이어야 하는데 "
                       f"{len(losses)}입니다. 손실은 반복마다 기록합니다"), hint=_LOSS_HINT)
    for which in ("after", "before"):
        if np.allclose(losses, replay[which], rtol=1e-4, atol=1e-6):
            break
    else:
        k = next(i for i in range(len(losses))
                 if not any(np.isclose(losses[i], replay[w][i], rtol=1e-4, atol=1e-6)
                            for w in ("after", "before")))
        a, g = _show_pair(replay["after"][k], losses[k])
        b, _ = _show_pair(replay["before"][k], losses[k])
        raise Wrong(tr(f"train_loss_list[{k}] is {g}, but the loss of iteration {k}'s mini-batch "
                       f"is {a} after its update (what the book records) and {b} before it",
                       f"train_loss_list[{k}]의 값이 {g}입니다. {k}번째 반복의 미니배치에 대한 손실은 "
                       f"갱신 뒤(책이 기록하는 값)에 {a}, 갱신 전에 {b}이어야 합니다"),
                    hint=_LOSS_HINT)
    expected = _eval_iterations()
    ipe = _iter_per_epoch()
    when = tr(f"i % iter_per_epoch == 0 (iter_per_epoch = {ipe:g}) holds for i = "
              f"{', '.join(map(str, expected))} of range({L['iters_num']})",
              f"range({L['iters_num']})에서 i % iter_per_epoch == 0(iter_per_epoch = {ipe:g})인 i는 "
              f"{', '.join(map(str, expected))}입니다")
    train_evals = [n for s, n in net.spy_evals if s == "train"]
    test_evals = [n for s, n in net.spy_evals if s == "test"]
    others = [s.split(":")[1] for s, n in net.spy_evals if s.startswith("other")]
    right_times = [i + 1 for i in expected]  # after the update of iteration i: i + 1 gradients
    for name, got, evals in (("train_acc_list", train_acc, train_evals),
                             ("test_acc_list", test_acc, test_evals)):
        if len(got) != len(expected):
            seen = evals or [n for s, n in net.spy_evals]
            at = tr(f" (your loop measured after {', '.join(map(str, seen))} updates)",
                    f"(여러분의 루프는 갱신 {', '.join(map(str, seen))}번 뒤에 쟀습니다)") if seen else ""
            raise Wrong(tr(f"{name} has {len(got)} entries{at}; {when}: {len(expected)} evaluations",
                           f"{name}의 길이가 {len(got)}입니다{at}. {when}. 평가는 "
                           f"{len(expected)}번이어야 합니다"), hint=_WHEN_HINT)
        if evals and evals != right_times and len(evals) == len(expected):
            if evals == [i for i in expected]:
                raise Wrong(tr(f"{name}: your loop measures the accuracy before the update of "
                               "iteration i; the book measures after it (its first values come "
                               "after one update)",
                               f"{name}: 여러분의 루프는 i번째 반복의 갱신 전에 정확도를 잽니다. "
                               "책은 갱신 뒤에 잽니다(첫 값은 갱신 한 번 뒤의 값입니다)"),
                            hint=_WHEN_HINT)
            raise Wrong(tr(f"{name}: your loop measured after {', '.join(map(str, evals))} updates; "
                           f"{when}, after that iteration's update: after "
                           f"{', '.join(map(str, right_times))} updates",
                           f"{name}: 여러분의 루프는 갱신 {', '.join(map(str, evals))}번 뒤에 "
                           f"쟀습니다. {when}. 그 반복의 갱신 뒤, 곧 갱신 "
                           f"{', '.join(map(str, right_times))}번 뒤에 재야 합니다"), hint=_WHEN_HINT)
    tol_train, tol_test = 1.5 / L["n_train"], 1.5 / L["n_test"]

    def near(a, b, tol):
        return np.allclose(a, b, rtol=0, atol=tol)
    if not near(train_acc, replay["train_acc"], tol_train) or \
            not near(test_acc, replay["test_acc"], tol_test):
        if near(train_acc, replay["test_acc"], tol_test) and near(test_acc, replay["train_acc"], tol_train):
            raise Wrong(tr("train_acc_list holds the accuracies on the test set and test_acc_list "
                           "those on the training set: the two are swapped",
                           "train_acc_list에 시험 세트의 정확도가, test_acc_list에 훈련 세트의 "
                           "정확도가 들어 있습니다. 둘이 바뀌었습니다"), hint=_SETS_HINT)
        for name, got, want, tol, data in (
                ("train_acc_list", train_acc, replay["train_acc"], tol_train,
                 tr("the training set (x_train, t_train)", "훈련 세트(x_train, t_train)")),
                ("test_acc_list", test_acc, replay["test_acc"], tol_test,
                 tr("the test set (x_test, t_test)", "시험 세트(x_test, t_test)"))):
            if near(got, want, tol):
                continue
            k = next(i for i in range(len(got)) if abs(got[i] - want[i]) > tol)
            w, g = _show_pair(want[k], got[k])
            also = tr(f" (your loop measured accuracies on {', '.join(others)} images too)",
                      f"(여러분의 루프는 이미지 {', '.join(others)}장으로도 정확도를 쟀습니다)") \
                if others else ""
            raise Wrong(tr(f"{name}[{k}] is {g}; the accuracy on {data} after the update of "
                           f"iteration i = {expected[k]} is {w}{also}",
                           f"{name}[{k}]의 값이 {g}입니다. i = {expected[k]}번째 반복의 갱신 뒤 "
                           f"{data}에 대한 정확도는 {w}이어야 합니다{also}"), hint=_SETS_HINT)


@exercise("training_loop", parts=(_STEP, _RECORDS), hints={
    _STEP: (Text("Each iteration: a mini-batch of batch_size images drawn from the whole training "
                 "set, its gradient by backprop, and an update of every parameter in place.",
                 "반복마다 훈련 세트 전체에서 batch_size장의 미니배치를 뽑고, 오차역전파법으로 그 "
                 "기울기를 구하고, 모든 매개변수를 제자리에서 갱신합니다."),
            Text("Before the loop: batches = batch_indices(train_size, batch_size, rng). In it: "
                 "batch_mask = next(batches); x_batch, t_batch = x_train[batch_mask], "
                 "t_train[batch_mask]; grad = network.gradient(x_batch, t_batch); "
                 "sgd_step(network.params, grad, learning_rate).",
                 "루프 앞에서: batches = batch_indices(train_size, batch_size, rng). 루프 안에서: "
                 "batch_mask = next(batches); x_batch, t_batch = x_train[batch_mask], "
                 "t_train[batch_mask]; grad = network.gradient(x_batch, t_batch); "
                 "sgd_step(network.params, grad, learning_rate).")),
    _RECORDS: (Text("The loss goes into train_loss_list at every iteration; the two accuracies "
                    "only when i % iter_per_epoch == 0, after that iteration's update, each on its "
                    "own set.",
                    "손실은 반복마다 train_loss_list에 넣고, 두 정확도는 i % iter_per_epoch == 0일 "
                    "때만, 그 반복의 갱신 뒤에, 각자의 세트로 잽니다."),
               Text("After the update: train_loss_list.append(network.loss(x_batch, t_batch)); "
                    "then if i % iter_per_epoch == 0: train_acc_list.append(network.accuracy("
                    "x_train, t_train)) and test_acc_list.append(network.accuracy(x_test, t_test)).",
                    "갱신 뒤에: train_loss_list.append(network.loss(x_batch, t_batch)). 그다음 "
                    "if i % iter_per_epoch == 0:이면 train_acc_list.append(network.accuracy("
                    "x_train, t_train))와 test_acc_list.append(network.accuracy(x_test, "
                    "t_test))."))})
def check_training_loop(train_loop, part) -> None:
    """train_loop(network, x_train, t_train, x_test, t_test, iters_num, batch_size, learning_rate,
    rng) -> (train_loss_list, train_acc_list, test_acc_list), the loop of book 5.7.4."""
    train_loop = a_function(train_loop, "training_loop", "train_loop")
    (x_train, t_train, x_test, t_test), rows = _loop_data()
    net = _SpyNet(x_train, x_test, rows)
    arrays, initial = dict(net.params), {k: v.astype(np.float64) for k, v in net.params.items()}
    L = LOOP
    rng = np.random.default_rng(L["seed"])
    result, unfinished, crash = None, None, None
    try:
        result = train_loop(net, x_train, t_train, x_test, t_test, L["iters_num"],
                            L["batch_size"], L["learning_rate"], rng)
    except NotImplementedError as e:
        if not net.spy_batches:
            raise
        unfinished = e
    except _TooMany:
        crash = Wrong(tr(f"Your loop ran more than iters_num = {L['iters_num']} iterations: loop "
                         "for i in range(iters_num), one mini-batch each",
                         f"루프가 iters_num = {L['iters_num']}번보다 많이 반복했습니다. "
                         "for i in range(iters_num)으로, 반복마다 미니배치 하나씩 도세요"),
                      hint=_WHEN_HINT)
    except Exception as e:
        crash = Wrong(tr(f"{_loop_call()} on {_setting()} raised {type(e).__name__}: {e}",
                         f"{_setting()}으로 {_loop_call()}을 실행하자 예외가 발생했습니다. "
                         f"{type(e).__name__}: {e}"))
    with part(_STEP):
        if crash is not None and (not net.spy_batches or isinstance(crash.hint, tuple)):
            raise crash
        try:
            _judge_steps(net, arrays, initial, full=unfinished is None and crash is None)
        except Wrong:
            if crash is not None:  # the crash explains what went wrong better
                raise crash from None
            raise
    with part(_RECORDS):
        if crash is not None:
            raise crash
        if unfinished is not None:
            raise unfinished
        _judge_records(result, net)
