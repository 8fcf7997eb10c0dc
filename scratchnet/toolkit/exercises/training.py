"""Checks for the exercises of notebook 06 (training on MNIST).

accuracy               the learner writes accuracy(y, t), as the book's TwoLayerNet.accuracy
sgd_update             the learner writes sgd_step(params, grads, lr), in place
mnist_untrained_guess  a prediction: loss and accuracy of a network that has not trained yet
mnist_epoch_count      a prediction: iterations per epoch, and the lines the training prints
"""

from __future__ import annotations

import math

import numpy as np

from ...two_layer_net import TwoLayerNet
from ...language import Text, tr
from . import Unfilled, Wrong, exercise
from ._assert import close as _close
from ._assert import show as _show
from ._assert import unchanged as _unchanged

# ------------------------------------------------------------------------------ accuracy

# Four samples, three classes: the predicted classes are 1, 0, 2, 1; the labels 1, 0, 0, 2.
_Y = np.array([[0.1, 2.0, -1.0], [3.0, 0.0, 0.5], [0.2, 0.1, 0.3], [1.0, 5.0, 0.0]])
_T = np.array([1, 0, 0, 2])  # 2 of 4 right


def _scores_and_labels(rng, n: int, c: int):
    """Random scores (n, c) without ties, and labels of which about half are right."""
    y = rng.standard_normal((n, c))
    t = np.where(rng.random(n) < 0.5, y.argmax(axis=1), rng.integers(0, c, n))
    return y, t


def _fraction(got, want: float, call: str) -> None:
    """got is one float equal to want (a fraction in [0, 1])."""
    if isinstance(got, (bool, np.bool_)):
        raise Wrong(tr(f"{call}: expected the fraction {want:g}, got the truth value {got}: "
                       "return a number, not a comparison",
                       f"{call}: 기대한 값은 비율 {want:g}, 나온 값은 진릿값 {got}입니다. "
                       "비교 결과가 아니라 수를 돌려주세요"))
    if isinstance(got, (int, np.integer)):
        if got > 1:
            raise Wrong(tr(f"{call}: expected {want:g}, got {got}: that is a count of right answers; "
                           "divide it by the number of samples N",
                           f"{call}: 기대한 값 {want:g}, 나온 값 {got}. 이것은 맞힌 개수입니다. "
                           "샘플 수 N으로 나누세요"))
        raise Wrong(tr(f"{call}: expected the fraction {want:g}, got the integer {got}: "
                       "an integer division (//) rounds the fraction down to 0 or 1",
                       f"{call}: 기대한 값은 비율 {want:g}, 나온 값은 정수 {got}입니다. "
                       "정수 나눗셈(//)은 비율을 0이나 1로 내려 버립니다"))
    if np.ndim(got) != 0:
        raise Wrong(tr(f"{call}: expected one number, {want:g}, got {type(got).__name__} of shape "
                       f"{np.shape(got)}: reduce the comparison to one fraction for the whole batch",
                       f"{call}: 수 하나({want:g})가 나와야 합니다. 나온 것: 형상 "
                       f"{np.shape(got)}의 {type(got).__name__}. 비교 결과를 배치 전체의 비율 "
                       "하나로 줄이세요"))
    try:
        value = float(got)
    except (TypeError, ValueError):
        raise Wrong(tr(f"{call}: expected the number {want:g}, got {type(got).__name__} {got!r}",
                       f"{call}: 기대한 값은 수 {want:g}, 나온 값은 {type(got).__name__} {got!r}입니다")
                    ) from None
    if not 0.0 <= value <= 1.0:
        raise Wrong(tr(f"{call}: expected {want:g}, got {_show(value)}: an accuracy is a fraction "
                       "between 0 and 1 (right answers divided by the number of samples)",
                       f"{call}: 기대한 값 {want:g}, 나온 값 {_show(value)}. 정확도는 0과 1 사이의 "
                       "비율입니다(맞힌 개수를 샘플 수로 나눈 값)"))
    if abs(value - want) > 1e-12:
        raise Wrong(tr(f"{call}: expected {want:g}, got {_show(value)}",
                       f"{call}: 기대한 값 {want:g}, 나온 값 {_show(value)}"))
    if not isinstance(got, (float, np.floating)) and np.asarray(got).dtype.kind != "f":
        raise Wrong(tr(f"{call}: the value is right, but it came as {type(got).__name__}: return a float",
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
                           "받은 배열에 쓰지 말고 새 배열로 계산하세요"))
    _fraction(got, want, call)


def _rows(a) -> str:
    """A small array on one line: [[0.1, 2.0], [3.0, 0.0]], labels as integers."""
    return str(np.asarray(a).tolist())


@exercise("accuracy", parts=(Text("class-index labels", "클래스 번호 레이블 처리"),
                             Text("one-hot labels", "원-핫 레이블 처리")),
          hints=(Text("The predicted class of a sample is the index of its largest score along the "
                 "class axis (axis 1), and a one-hot row gives its class the same way; the "
                 "accuracy is the share of samples where the two agree.",
                 ko="샘플 하나의 예측 클래스는 클래스 축(axis 1)에서 점수가 가장 큰 원소의 "
                 "인덱스이고, 원-핫 행도 같은 방법으로 자기 클래스를 알려 줍니다. 정확도는 이 둘이 "
                 "일치하는 샘플의 비율입니다."),
                 Text("Turn the scores (and, when t has 2 dimensions, the labels) into (N,) arrays of "
                 "class indices with argmax along axis 1, compare the two arrays elementwise, and "
                 "divide the number of True entries by N, the number of rows of y, as a float.",
                 ko="점수를(t가 2차원이면 정답 레이블도) axis 1을 따라 argmax 해서 클래스 번호로 "
                 "된 (N,) 배열로 바꾸고, 두 배열을 원소별로 비교한 다음, True의 개수를 y의 행 수 "
                 "N으로 나누어 float로 돌려주세요.")))
def check_accuracy(accuracy, part) -> None:
    """accuracy(y (N, C) scores, t (N,) class indices or (N, C) one-hot) -> fraction right, a float."""
    rng = np.random.default_rng(6)
    cases = [_scores_and_labels(rng, n, c) for n, c in ((23, 10), (7, 4), (6, 6))]  # (6, 6): axis
    one = _Y[3:4]  # one sample, predicted 1
    with part(tr("class-index labels", "클래스 번호 레이블 처리")):
        _try_accuracy(accuracy, _Y, _T, 0.5, tr(f"y = {_rows(_Y)}, t = {_rows(_T)} (2 of 4 right)",
                                                f"y = {_rows(_Y)}, t = {_rows(_T)} (4개 중 2개 정답)"))
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
    with part(tr("one-hot labels", "원-핫 레이블 처리")):
        _try_accuracy(accuracy, _Y, np.eye(3, dtype=int)[_T], 0.5,
                      tr(f"y = {_rows(_Y)} and one-hot t = {_rows(np.eye(3, dtype=int)[_T])} (2 of 4 right)",
                         f"y = {_rows(_Y)}, 원-핫 t = {_rows(np.eye(3, dtype=int)[_T])} (4개 중 2개 정답)"))
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


def _compare_update(params, before, grads, lr, call: str) -> None:
    """params now hold before - lr * grads; say which mistake it looks like when they do not."""
    if all(np.array_equal(params[key], before[key]) for key in before):
        raise Wrong(tr(f"{call}: no array in params changed. sgd_step returns nothing: it changes "
                       "the arrays of the params it is given",
                       f"{call}: params의 배열이 하나도 바뀌지 않았습니다. sgd_step은 아무것도 "
                       "돌려주지 않고, 받은 params의 배열을 직접 바꿉니다"))
    for key in before:
        got = np.asarray(params[key], dtype=np.float64)
        want = before[key] - lr * grads[key]
        if got.shape == want.shape and np.allclose(got, want, rtol=1e-5, atol=1e-6):
            continue
        if got.shape == want.shape:
            if np.array_equal(got, before[key]):
                raise Wrong(tr(f"{call}: params[{key!r}] did not change: update every key of params",
                               f"{call}: params[{key!r}]의 값이 그대로입니다. params의 모든 키를 "
                               "갱신하세요"))
            if np.allclose(got, before[key] + lr * grads[key], rtol=1e-5, atol=1e-6):
                raise Wrong(tr(f"{call}: params[{key!r}] moved up the gradient (+ lr * grads) instead "
                               "of down: gradient descent steps against the gradient",
                               f"{call}: params[{key!r}]의 값이 기울기의 반대 방향이 아니라 기울기 "
                               "방향으로(+ lr * grads) 움직였습니다. 경사 하강법은 기울기의 반대 "
                               "방향으로 나아갑니다"))
            if lr != 0.1 and np.allclose(got, before[key] - 0.1 * grads[key], rtol=1e-5, atol=1e-6):
                raise Wrong(tr(f"{call}: params[{key!r}] moved by 0.1 * grads, not by lr * grads: "
                               f"use the lr you are given ({lr:g} here)",
                               f"{call}: params[{key!r}]의 값이 lr * grads가 아니라 0.1 * grads만큼 "
                               f"움직였습니다. 주어진 lr을 쓰세요(여기서는 {lr:g})"))
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
                 "대입 연산자나 NumPy의 out= 인수)으로 빼세요. params[key]에 대입하면 새 배열이 "
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
                       "제자리에서 바꾸세요"))
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
                           "매개변수의 dtype을 유지하세요(제자리에서 갱신하면 언제나 유지됩니다)"))
        if params[key] is not arrays[key]:
            raise Wrong(tr(f"{call}: params[{key!r}] became a new array: change each array in place",
                           f"{call}: params[{key!r}]의 자리에 새 배열이 들어갔습니다. 각 배열을 "
                           "제자리에서 바꾸세요"))
    _compare_update(params, before, grads, 0.1, call)


# ----------------------------------------------------------------------- the predictions

def _number(pred, key: str, what: str):
    """pred[key] as a float; Unfilled while it is None."""
    if not isinstance(pred, dict):
        raise Wrong(tr(f"give your prediction as a dict with the keys shown, got {type(pred).__name__}",
                       f"예측은 주어진 키를 가진 dict로 적어 주세요. 나온 것은 "
                       f"{type(pred).__name__}입니다"))
    if key not in pred:
        raise Wrong(tr(f"your dict has no key {key!r} (it has {', '.join(map(repr, pred))}): keep the keys as given",
                       f"여러분의 dict에 {key!r} 키가 없습니다(지금 있는 키: "
                       f"{', '.join(map(repr, pred))}). 주어진 키를 그대로 쓰세요"))
    value = pred[key]
    if value is None:
        raise Unfilled(tr(f"{key} is still None: fill in your prediction of {what}",
                          f"{key} 값이 아직 None입니다. {what} 예측값을 넣으세요"))
    if isinstance(value, (bool, np.bool_)) or not isinstance(value, (int, float, np.integer, np.floating)):
        raise Wrong(tr(f"{key}: give a number, got {type(value).__name__} {value!r}",
                       f"{key}: 수를 넣으세요. 나온 값은 {type(value).__name__} {value!r}입니다"))
    if not math.isfinite(float(value)):
        raise Wrong(tr(f"{key}: give a finite number, got {value}",
                       f"{key}: 유한한 수를 넣으세요. 나온 값은 {value}입니다"))
    return float(value)


@exercise("mnist_untrained_guess", parts=("loss", "accuracy"),
          hints=(Text("Start from the ten scores of an untrained network: its weights are about 0.01, "
                 "so its scores are small and close to each other. What does softmax make of ten "
                 "nearly equal scores, and how often is a pick among ten classes right by chance?",
                 ko="학습하지 않은 신경망의 점수 10개부터 생각해 보세요. 가중치가 0.01 정도이므로 "
                 "점수는 작고 서로 비슷합니다. 거의 같은 점수 10개를 소프트맥스 함수에 넣으면 무엇이 "
                 "나올까요? 그리고 클래스 10개 중 하나를 고르면 우연히 맞을 확률은 얼마일까요?"),
                 Text("Ten nearly equal scores give every class a probability of about 1/10. The "
                 "cross-entropy loss is minus the log of the probability given to the right "
                 "class; the accuracy of a network that knows nothing is about one in ten.",
                 ko="거의 같은 점수 10개는 모든 클래스에 약 1/10의 확률을 줍니다. 교차 엔트로피 "
                 "오차는 정답 클래스에 준 확률의 로그에 마이너스를 붙인 값입니다. 아무것도 모르는 "
                 "신경망의 정확도는 10분의 1 정도입니다.")))
def check_mnist_untrained_guess(pred, part) -> None:
    """{"loss": mean cross-entropy on a batch, "accuracy": fraction right} of a fresh 784-50-10 net."""
    with part("loss"):
        loss = _number(pred, "loss", tr("the untrained network's loss", "학습하지 않은 신경망의 손실"))
        if loss < 0:
            raise Wrong(tr(f"loss: got {loss:g}, but a cross-entropy loss is never negative "
                           "(it is minus the log of a probability, which is at most 1)",
                           f"loss: 나온 값은 {loss:g}이지만 교차 엔트로피 오차는 음수가 될 수 "
                           "없습니다(1 이하인 확률의 로그에 마이너스를 붙인 값입니다)"))
        if abs(loss - math.log(10)) > 0.1:
            raise Wrong(tr(f"loss: expected about -log(1/10) = 2.3 (within 0.1), got {loss:g}: an "
                           "untrained network gives the right class a probability of about 1/10",
                           f"loss: 기대한 값은 약 -log(1/10) = 2.3(오차 0.1 이내), 나온 값은 "
                           f"{loss:g}입니다. 학습하지 않은 신경망은 정답 클래스에 약 1/10의 확률을 "
                           "줍니다"))
    with part("accuracy"):
        acc = _number(pred, "accuracy", tr("the untrained network's accuracy",
                                           "학습하지 않은 신경망의 정확도"))
        if 1 < acc <= 100:
            raise Wrong(tr(f"accuracy: got {acc:g}; give the accuracy as a fraction between 0 and 1, "
                           f"as net.accuracy returns it ({acc:g}% would be {acc / 100:g})",
                           f"accuracy: 나온 값은 {acc:g}입니다. 정확도는 net.accuracy가 돌려주는 "
                           f"것처럼 0과 1 사이의 비율로 적으세요({acc:g}%라면 {acc / 100:g})"))
        if not 0.05 <= acc <= 0.2:
            raise Wrong(tr(f"accuracy: expected about 0.1 (between 0.05 and 0.2), got {acc:g}: a "
                           "network that knows nothing is right about as often as a guess among "
                           "ten classes",
                           f"accuracy: 기대한 값은 약 0.1(0.05와 0.2 사이), 나온 값은 {acc:g}입니다. "
                           "아무것도 모르는 신경망은 클래스 10개 중 하나를 찍을 때만큼만 맞힙니다"))


@exercise("mnist_epoch_count", parts=("iters_per_epoch", "lines"),
          hints=(Text("An epoch is one pass over all 60,000 training images, 100 images per "
                 "iteration. train prints a line at the end of each epoch and one more after the "
                 "last iteration.",
                 ko="에폭 하나는 훈련 이미지 60,000장 전체를 한 번 도는 것이고, 반복 한 번에 "
                 "이미지 100장을 씁니다. train은 에폭이 끝날 때마다 한 줄을 출력하고, 마지막 반복 "
                 "뒤에 한 줄을 더 출력합니다."),
                 Text("Count the epochs that end within 10,000 iterations (the last one ends at a "
                 "multiple of the iterations per epoch at or below 10,000), then add the line "
                 "after iteration 10,000, which is not an epoch's end.",
                 ko="10,000번 반복 안에 끝나는 에폭을 세고(마지막 에폭은 에폭당 반복 횟수의 배수 "
                 "중 10,000 이하인 곳에서 끝납니다), 에폭의 끝이 아닌 10,000번째 반복 뒤의 한 "
                 "줄을 더하세요.")))
def check_mnist_epoch_count(pred, part) -> None:
    """{"iters_per_epoch": 600, "lines": 17} for 60,000 images, batches of 100, 10,000 iterations."""
    with part("iters_per_epoch"):
        per = _number(pred, "iters_per_epoch", tr("the iterations per epoch", "에폭당 반복 횟수"))
        if per == 100:
            raise Wrong(tr("iters_per_epoch: expected 60,000 / 100 = 600, got 100: that is the batch "
                           "size, the images per iteration",
                           "iters_per_epoch: 기대한 값 60,000 / 100 = 600, 나온 값 100. 100은 배치 "
                           "크기, 곧 반복 한 번에 쓰는 이미지 수입니다"))
        if per != 600:
            raise Wrong(tr(f"iters_per_epoch: expected 600 (60,000 training images, 100 per "
                           f"iteration), got {per:g}",
                           f"iters_per_epoch: 기대한 값 600(훈련 이미지 60,000장, 반복마다 100장), "
                           f"나온 값 {per:g}"))
    with part("lines"):
        lines = _number(pred, "lines", tr("the lines the training prints", "학습이 출력하는 줄 수"))
        if lines != int(lines):
            raise Wrong(tr(f"lines: got {lines:g}; a number of lines is a whole number (10,000 / 600 "
                           "= 16.7 epochs: how many of them end, and what is printed after the last "
                           "iteration?)",
                           f"lines: 나온 값은 {lines:g}입니다. 줄 수는 정수입니다(10,000 / 600 = 16.7 "
                           "에폭입니다. 그중 몇 에폭이 끝나고, 마지막 반복 뒤에는 무엇이 출력될까요?)"))
        if lines == 16:
            raise Wrong(tr("lines: expected 17, got 16: 16 epochs end within 10,000 iterations (the "
                           "16th at iteration 9,600), and train prints once more after the last "
                           "iteration, 10,000",
                           "lines: 기대한 값 17, 나온 값 16. 10,000번 반복 안에 16 에폭이 끝나고(16번째 "
                           "에폭은 9,600번째 반복에서), train은 마지막 반복인 10,000번째 반복 뒤에 한 "
                           "번 더 출력합니다"))
        if lines != 17:
            raise Wrong(tr(f"lines: expected 17 (16 epochs end by iteration 9,600, plus the line "
                           f"after iteration 10,000), got {lines:g}",
                           f"lines: 기대한 값 17(9,600번째 반복까지 끝나는 16 에폭에, 10,000번째 반복 "
                           f"뒤의 한 줄을 더해서), 나온 값 {lines:g}"))
