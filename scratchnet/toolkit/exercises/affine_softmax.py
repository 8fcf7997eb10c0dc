"""Checks for the exercises of notebook 04 (Affine and Softmax-with-Loss, book 5.6).

affine_layer                 the learner writes the book's Affine: forward(x), backward(dout)
affine_image_shapes          the learner predicts the shapes of out, dx, dW, db for images
softmax_gradient_prediction  the learner predicts dL/dx for softmax output (0.3, 0.2, 0.5)
softmax_with_loss            the learner writes SoftmaxWithLoss: forward(x, t), backward(dout=1),
                             with one-hot labels (the book's 5.6.3) and class indices
softmax_uniform_loss         the learner predicts the loss for equal scores, 3 and 10 classes
"""

from __future__ import annotations

import warnings

import numpy as np

from ...functions import softmax
from ...language import Text, tr
from . import Unfilled, Wrong, exercise
from ._assert import close, numerically, same_dtype, sequence, show, unchanged


def _run(what: str, fn, *args):
    """fn(*args), with any crash of the learner's code reported for this input."""
    try:
        return fn(*args)
    except (NotImplementedError, AssertionError):
        raise
    except Exception as e:  # the attempt crashed on this input: say which
        raise Wrong(tr(f"{what} raised {type(e).__name__}: {e}",
                       f"{what}에서 {type(e).__name__}가 발생했습니다: {e}")) from None


# ---------------------------------------------------------------- affine_layer

# (N, D, M): the learner tried none of these. (5, 3, 3) has a square W, where dout @ W has the
# right shape without the transpose; (1, 6, 2) is a batch of one.
_AFFINE_CASES = [(2, 4, 3), (5, 3, 3), (1, 6, 2), (7, 2, 5)]


def _affine_arrays(n: int, d: int, m: int, seed: int, dtype=np.float64):
    rng = np.random.default_rng(seed)
    x, W, b, dout = (rng.standard_normal(s).astype(dtype) for s in ((n, d), (d, m), (m,), (n, m)))
    return x, W, b, dout


def _gradient_shape(got, want_shape: tuple, what: str, like: str) -> None:
    shape = np.shape(got)
    if got is None:
        raise Wrong(tr(f"{what} is None: backward should set it",
                       f"{what}: None입니다. backward에서 구해 두어야 합니다"))
    if shape != want_shape:
        raise Wrong(tr(f"{what}: expected shape {want_shape}, the shape of {like}, got shape {shape}",
                       f"{what}: 기대한 형상은 {like}와 같은 {want_shape}인데, 나온 형상은 {shape}입니다"))


@exercise("affine_layer", parts=("forward", "backward"), hints=(
    Text("each gradient has the shape of its variable: dx like x (N, D), dW like W (D, M), db like "
    "b (M,). Which product of dout (N, M) with W or with x, one of them transposed, has that shape?",
    ko="기울기는 그 변수와 형상이 같습니다. dx는 x처럼 (N, D), dW는 W처럼 (D, M), db는 b처럼 (M,)입니다. "
    "dout (N, M)에 W나 x를 곱하되 둘 중 하나는 전치한다면, 어떤 곱이 그 형상이 될까요?"),
    Text("forward keeps x on self and returns the matrix product of x and W plus b. backward: dx is "
    "dout times the transpose of W, dW is the transpose of the kept x times dout, db is dout summed "
    "over axis 0 (the batch). Return dx alone; store dW and db on self; never write into dout.",
    ko="forward는 x를 self에 보관하고, x와 W의 행렬 곱에 b를 더해 반환합니다. backward에서 dx는 dout에 "
    "W의 전치를 곱한 것, dW는 보관해 둔 x의 전치에 dout을 곱한 것, db는 dout을 0번 축(배치)을 따라 "
    "합한 것입니다. dx만 반환하고 dW와 db는 self에 저장하세요. dout에는 절대 값을 쓰지 마세요.")))
def check_affine_layer(Affine, part) -> None:
    """Affine(W, b): forward(x (N, D)) -> (N, M), keeps x; backward(dout) -> dx, sets dW, db."""
    with part("forward"):
        # the broadcast example of the notebook: x @ W = [[0, 0, 0], [10, 10, 10]], b = [1, 2, 3]
        x, W, b = np.array([[0.0, 0.0], [1.0, 1.0]]), np.full((2, 3), 5.0), np.array([1.0, 2.0, 3.0])
        out = _run("forward(x)", Affine(W, b).forward, x)
        close(out, [[1.0, 2.0, 3.0], [11.0, 12.0, 13.0]],
              tr("forward(x) for x = [[0, 0], [1, 1]], W all 5, b = [1, 2, 3] (x @ W + b)",
                 "x = [[0, 0], [1, 1]], W는 모두 5, b = [1, 2, 3]일 때 forward(x) (x @ W + b)"))
        for seed, (n, d, m) in enumerate(_AFFINE_CASES):
            x, W, b, _ = _affine_arrays(n, d, m, seed)
            kept = x.copy(), W.copy(), b.copy()
            where = tr(f"forward(x) for N={n}, D={d}, M={m}", f"N={n}, D={d}, M={m}일 때 forward(x)")
            want = x @ W + b
            out = _run(where, Affine(W, b).forward, x)
            for arr, before, name in zip((x, W, b), kept, ("x", "W", "b")):
                unchanged(arr, before, tr(f"{name} (in {where})", f"{where}에서 {name}"))
            close(out, want, where)
        x, W, b, _ = _affine_arrays(3, 4, 2, 10, np.float32)
        out = _run(tr("forward(x) on float32 arrays", "float32 배열에 대한 forward(x)"),
                   Affine(W, b).forward, x)
        same_dtype(out, np.float32, tr("forward(x) on float32 x, W and b",
                                       "float32인 x, W, b에 대한 forward(x)"))

    with part("backward"):
        for seed, (n, d, m) in enumerate(_AFFINE_CASES):
            x, W, b, dout = _affine_arrays(n, d, m, seed + 20)
            kept = x.copy(), W.copy(), dout.copy()
            where = f"N={n}, D={d}, M={m}" + (tr(" (a square W)", " (정사각 W)") if d == m else "")
            layer = Affine(W, b)
            other = np.ones((n + 1, d))  # a batch of another size first: backward must use the latest x
            _run(tr(f"forward(x) for {where}", f"{where}일 때 forward(x)"), layer.forward, other)
            _run(tr(f"forward(x) for {where}", f"{where}일 때 forward(x)"), layer.forward, x)
            dx = _run(tr(f"backward(dout) for {where}", f"{where}일 때 backward(dout)"),
                      layer.backward, dout)
            for arr, before, name in zip((x, W, dout), kept, ("x", "W", "dout")):
                unchanged(arr, before, tr(f"{name} (in backward for {where})",
                                          f"{where}일 때 backward에서 {name}"))
            if isinstance(dx, tuple):
                raise Wrong(tr(f"backward(dout) returned a tuple of {len(dx)} for {where}: return dx "
                               "alone, and store dW and db as self.dW and self.db",
                               f"{where}일 때 backward(dout)가 값 {len(dx)}개짜리 튜플을 반환했습니다. "
                               "dx만 반환하고, dW와 db는 self.dW와 self.db에 저장하세요"))
            _gradient_shape(dx, (n, d), tr(f"dx for {where}", f"{where}일 때 dx"), "x")
            if d == m and np.allclose(dx, dout @ W) and not np.allclose(dx, dout @ W.T):
                raise Wrong(tr(f"dx for {where}: your dx equals dout @ W without the transpose. With a "
                               "square W the shapes fit anyway, but the chain rule sums "
                               "dout[n, m] * W[d, m] over m; expected "
                               f"{show(dout @ W.T)}, got {show(dx)}",
                               f"{where}일 때 dx: 여러분의 dx는 전치 없이 곱한 dout @ W와 같습니다. "
                               "W가 정사각 행렬이면 형상은 어쨌든 맞지만, 연쇄법칙은 "
                               "dout[n, m] * W[d, m]을 m에 대해 합합니다. 기대한 값 "
                               f"{show(dout @ W.T)}, 나온 값 {show(dx)}"))
            numerically(lambda v: float(np.sum((v @ W + b) * dout)), x, dx,
                        tr(f"dx for {where}", f"{where}일 때 dx"))
            _gradient_shape(getattr(layer, "dW", None), (d, m),
                            tr(f"self.dW for {where}", f"{where}일 때 self.dW"), "W")
            if d == m and np.allclose(layer.dW, (x.T @ dout).T) and not np.allclose(layer.dW, x.T @ dout):
                raise Wrong(tr(f"self.dW for {where}: your dW is the transpose of the right one "
                               f"(the shapes fit only because W is square); expected {show(x.T @ dout)}, "
                               f"got {show(layer.dW)}",
                               f"{where}일 때 self.dW: 여러분의 dW는 올바른 dW의 전치입니다(W가 정사각 "
                               f"행렬이라 형상만 맞았습니다). 기대한 값 {show(x.T @ dout)}, "
                               f"나온 값 {show(layer.dW)}"))
            numerically(lambda v: float(np.sum((x @ v + b) * dout)), W, layer.dW,
                        tr(f"self.dW for {where}", f"{where}일 때 self.dW"))
            _gradient_shape(getattr(layer, "db", None), (m,),
                            tr(f"self.db for {where}", f"{where}일 때 self.db"), "b")
            numerically(lambda v: float(np.sum((x @ W + v) * dout)), b, layer.db,
                        tr(f"self.db for {where}", f"{where}일 때 self.db"))
        # the notebook's db example: dout = [[1, 2, 3], [4, 5, 6]] gives db = [5, 7, 9]
        layer = Affine(np.zeros((2, 3)), np.zeros(3))
        _run("forward(x)", layer.forward, np.ones((2, 2)))
        _run("backward(dout)", layer.backward, np.array([[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]]))
        close(layer.db, [5.0, 7.0, 9.0], tr("self.db for dout = [[1, 2, 3], [4, 5, 6]]",
                                            "dout = [[1, 2, 3], [4, 5, 6]]일 때 self.db"))
        x, W, b, dout = _affine_arrays(3, 4, 2, 10, np.float32)
        layer = Affine(W, b)
        _run(tr("forward(x) on float32 arrays", "float32 배열에 대한 forward(x)"), layer.forward, x)
        dx = _run(tr("backward(dout) on float32 arrays", "float32 배열에 대한 backward(dout)"),
                  layer.backward, dout)
        for got, name in ((dx, "dx"), (layer.dW, "self.dW"), (layer.db, "self.db")):
            same_dtype(got, np.float32, tr(f"{name} for float32 x, W, b and dout",
                                           f"float32인 x, W, b, dout에 대한 {name}"))


# ---------------------------------------------------------------- affine_image_shapes

_IMAGE_SHAPES = {"out": (5, 10), "dx": (5, 1, 28, 28), "dW": (784, 10), "db": (10,)}
_IMAGE_WHAT = {"out": Text("the output of forward", "forward가 반환하는 값"),
               "dx": Text("what backward returns", "backward가 반환하는 값"),
               "dW": "self.dW", "db": "self.db"}


def _as_shape(got, name: str) -> tuple:
    if isinstance(got, (int, np.integer)) and not isinstance(got, bool):
        raise Wrong(tr(f"{name}: got the number {got}, not a shape. A shape is a tuple; a 1-D "
                       f"shape keeps its comma: ({got},). Note that ({got}) without the comma is "
                       f"just the number {got}",
                       f"{name}: 형상이 아니라 숫자 {got}입니다. 형상은 튜플이고, 1차원 형상에도 "
                       f"쉼표가 붙습니다: ({got},). 쉼표 없이 쓴 ({got})의 값은 그냥 숫자 {got}입니다"))
    if isinstance(got, (str, bytes, dict)) or not hasattr(got, "__len__"):
        raise Wrong(tr(f"{name}: expected a shape such as (2, 3), got {type(got).__name__} {got!r}",
                       f"{name}: (2, 3) 같은 형상을 써야 합니다. 나온 값: {type(got).__name__} {got!r}"))
    try:
        return tuple(int(v) for v in got)
    except (TypeError, ValueError):
        raise Wrong(tr(f"{name}: a shape holds whole numbers, got {got!r}",
                       f"{name}: 형상은 정수로 이루어집니다. 나온 값: {got!r}")) from None


@exercise("affine_image_shapes", parts=tuple(_IMAGE_SHAPES), hints=(
    Text("forward flattens each image to one row, so the product sees (N, 784); and a gradient "
    "always has the shape of what it is the gradient of",
    ko="forward는 이미지 한 장을 한 행으로 펼치므로, 행렬 곱에 들어가는 것은 (N, 784)입니다. 그리고 "
    "기울기의 형상은 언제나 미분한 대상의 형상과 같습니다"),
    Text("out is (N, M); dx has the shape of the input as it was given, images and all, because the "
    "layer below needs it that way; dW has W's shape and db b's. Write a 1-D shape with its comma",
    ko="out은 (N, M)입니다. dx는 처음 주어진 입력과 형상이 같습니다. 이미지였다면 이미지 형상 그대로인데, "
    "앞 계층이 그 형상으로 받아야 하기 때문입니다. dW는 W와, db는 b와 형상이 같습니다. 1차원 형상은 "
    "쉼표를 붙여 쓰세요")))
def check_affine_image_shapes(shapes, part) -> None:
    """shapes: {"out", "dx", "dW", "db"} -> the shapes for x (5, 1, 28, 28), W (784, 10), b (10,)."""
    if not isinstance(shapes, dict):
        raise Wrong(tr(f"expected a dict with the keys {', '.join(_IMAGE_SHAPES)}, "
                       f"got {type(shapes).__name__}",
                       f"{', '.join(_IMAGE_SHAPES)} 키가 있는 dict를 주어야 합니다. "
                       f"받은 것: {type(shapes).__name__}"))
    missing = [k for k in _IMAGE_SHAPES if k not in shapes]
    if missing:
        raise Wrong(tr(f"the dict has no key {', '.join(missing)}: keep the keys "
                       f"{', '.join(_IMAGE_SHAPES)}",
                       f"dict에 {', '.join(missing)} 키가 없습니다. "
                       f"{', '.join(_IMAGE_SHAPES)} 키를 모두 그대로 두세요"))
    for name in _IMAGE_SHAPES:
        with part(name):
            got = shapes[name]
            if got is None:
                raise Unfilled(tr(f"{name} is still None: write the shape of {_IMAGE_WHAT[name]}",
                                  f"{name}: 아직 None입니다. {_IMAGE_WHAT[name]}의 형상을 쓰세요"))
            want = _IMAGE_SHAPES[name]
            shape = _as_shape(got, name)
            if shape != want:
                extra = ""
                if name == "dx" and shape == (5, 784):
                    extra = tr(" (that is the gradient of the flattened X; the layer below gave "
                               "images, and gets its gradient back in their shape)",
                               ". 그것은 펼친 X의 기울기입니다. 앞 계층은 이미지를 넘겼으므로, "
                               "기울기도 이미지 형상으로 돌려받습니다")
                raise Wrong(tr(f"{name}, the shape of {_IMAGE_WHAT[name]}: got {shape}, which is "
                               f"not it{extra}",
                               f"{name}({_IMAGE_WHAT[name]}의 형상): 여러분의 답 {shape}은 "
                               f"맞지 않습니다{extra}"))


# ---------------------------------------------------------------- softmax_gradient_prediction

_Y_EXAMPLE = np.array([0.3, 0.2, 0.5])  # softmax output for one sample, true class 1
_T_EXAMPLE = np.array([0.0, 1.0, 0.0])
_GRAD_TRUTH = {"dx_alone": _Y_EXAMPLE - _T_EXAMPLE, "dx_in_pair": (_Y_EXAMPLE - _T_EXAMPLE) / 2}
_GRAD_WHAT = {"dx_alone": Text("dL/dx for the batch of one", "이 샘플 하나로 된 배치의 dL/dx"),
              "dx_in_pair": Text("the first row of dL/dx when the batch holds this sample twice",
                                 "배치에 이 샘플이 두 번 들어 있을 때 dL/dx의 첫 번째 행")}


@exercise("softmax_gradient_prediction", parts=tuple(_GRAD_TRUTH), hints=(
    Text("dL/dx = dout · (y - t) / N; here dout = 1, and N is the number of samples in the batch",
         ko="dL/dx = dout · (y - t) / N입니다. 여기서 dout = 1이고, N은 배치에 든 샘플 수입니다"),
    Text("subtract the one-hot label from y: only the true class (index 1) changes, by -1. The loss of "
    "a batch is the mean over its samples, so with two samples every row is divided by 2",
    ko="y에서 원-핫 정답 레이블을 빼세요. 달라지는 것은 정답 클래스(인덱스 1)뿐이고, -1만큼 바뀝니다. "
    "배치의 손실은 샘플 손실의 평균이므로, 샘플이 두 개면 모든 행이 2로 나뉩니다")))
def check_softmax_gradient_prediction(pair, part) -> None:
    """(dx_alone, dx_in_pair): three numbers each."""
    values = dict(zip(_GRAD_TRUTH, sequence(pair, 2, "(dx_alone, dx_in_pair)")))
    for name in values:
        with part(name):
            got = values[name]
            if got is None:
                raise Unfilled(tr(f"{name} is still None: write {_GRAD_WHAT[name]}, three numbers",
                                  f"{name}: 아직 None입니다. 숫자 세 개를 쓰세요({_GRAD_WHAT[name]})"))
            items = sequence(got, 3, name)
            if any(v is None for v in items):
                raise Unfilled(tr(f"{name} still holds None: write all three numbers",
                                  f"{name}에 아직 None이 있습니다. 숫자 세 개를 모두 쓰세요"))
            want = _GRAD_TRUTH[name]
            arr = np.asarray(items, dtype=float)
            if np.allclose(arr, -want, atol=1e-3):
                raise Wrong(tr(f"{name} is {show(arr)}, which is t - y; the gradient of the loss is y - t",
                               f"{name} = {show(arr)}: 이것은 t - y입니다. 손실의 기울기는 y - t입니다"))
            if name == "dx_in_pair" and np.allclose(arr, 2 * want, atol=1e-3):
                raise Wrong(tr(f"{name} is {show(arr)}, the gradient of a batch of one; in a batch of "
                               "two the loss is the mean of two samples' losses",
                               f"{name} = {show(arr)}: 샘플 하나로 된 배치의 기울기입니다. 샘플이 둘인 "
                               "배치에서 손실은 두 샘플 손실의 평균입니다"))
            close(arr, want, _GRAD_WHAT[name], rtol=0, atol=1e-3)


# ---------------------------------------------------------------- softmax_with_loss

_X_EXAMPLE = np.array([[2.0, 0.5, -1.0], [1.0, 3.0, -0.5]])  # the notebook's example
_T_ONE_HOT = np.array([[1, 0, 0], [0, 1, 0]])


def _mean_loss(x: np.ndarray, t_idx: np.ndarray) -> float:
    """Mean cross-entropy of softmax(x) for class indices t, from the scores (log-sum-exp)."""
    shifted = x - x.max(axis=1, keepdims=True)
    return float(np.mean(np.log(np.exp(shifted).sum(axis=1)) - shifted[np.arange(len(x)), t_idx]))


def _batch(n: int, c: int, seed: int):
    rng = np.random.default_rng(seed)
    x = 2 * rng.standard_normal((n, c))
    t_idx = rng.integers(0, c, n)
    return x, t_idx, np.eye(c, dtype=int)[t_idx]


def _loss_number(loss, where: str) -> float:
    if loss is None:
        raise Wrong(tr(f"{where} returned None: return the loss",
                       f"{where}: None을 반환했습니다. 손실을 반환하세요"))
    if np.ndim(loss) != 0:
        raise Wrong(tr(f"{where} should return one number, the mean loss over the batch; got "
                       f"{type(loss).__name__} of shape {np.shape(loss)}",
                       f"{where}: 숫자 하나, 곧 배치 전체의 평균 손실을 반환해야 합니다. 나온 값: "
                       f"형상 {np.shape(loss)}의 {type(loss).__name__}"))
    try:
        return float(loss)
    except (TypeError, ValueError):
        raise Wrong(tr(f"{where} should return a number, got {type(loss).__name__} {loss!r}",
                       f"{where}: 숫자를 반환해야 합니다. 나온 값: {type(loss).__name__} {loss!r}")
                    ) from None


def _forward(Layer, x, t, where: str):
    """A fresh layer after forward(x, t), and the loss it returned as a float."""
    layer = Layer()
    x_before, t_before = x.copy(), t.copy()
    with warnings.catch_warnings(), np.errstate(all="ignore"):  # a naive exp(1000) warns
        warnings.simplefilter("ignore")
        loss = _loss_number(_run(where, layer.forward, x, t), where)
    unchanged(x, x_before, tr(f"x (in {where})", f"{where}에서 x"))
    unchanged(t, t_before, tr(f"t (in {where})", f"{where}에서 t"))
    return layer, loss


def _loss_right(loss: float, x, t_idx, where: str) -> None:
    want = _mean_loss(x, t_idx)
    if not np.isfinite(loss):
        raise Wrong(tr(f"{where} gave {loss}: exp of large scores overflows to inf, and inf / inf is "
                       f"nan; expected {want:.6g}. Softmax does not change when the same number is "
                       "subtracted from every score of a row",
                       f"{where}: 나온 값 {loss}. 점수가 크면 exp가 inf로 오버플로하고, inf / inf는 "
                       f"nan입니다. 기대한 값 {want:.6g}. 한 행의 모든 점수에서 같은 수를 빼도 "
                       "소프트맥스의 결과는 변하지 않습니다"))
    n = len(x)
    if n > 1 and np.isclose(loss, n * want, rtol=1e-4):
        raise Wrong(tr(f"{where}: expected {want:.6g}, got {loss:.6g}, which is {n} times too large: "
                       "the loss of a batch is the mean over its samples, not their sum",
                       f"{where}: 기대한 값 {want:.6g}, 나온 값 {loss:.6g}로 {n}배 큽니다. "
                       "배치의 손실은 샘플 손실의 합이 아니라 평균입니다"))
    if not np.isclose(loss, want, rtol=1e-4, atol=1e-6):  # room for the book's 1e-7 inside the log
        raise Wrong(tr(f"{where}: expected {want:.6g}, got {loss:.6g}",
                       f"{where}: 기대한 값 {want:.6g}, 나온 값 {loss:.6g}"))


def _backward(layer, where: str, *dout):
    with warnings.catch_warnings(), np.errstate(all="ignore"):
        warnings.simplefilter("ignore")
        dx = _run(where, layer.backward, *dout)
    if isinstance(dx, tuple):
        raise Wrong(tr(f"{where} returned a tuple: return dx alone",
                       f"{where}: 튜플을 반환했습니다. dx만 반환하세요"))
    return dx


def _gradient_right(Layer, x, t, t_idx, where: str) -> None:
    """backward() after forward(x, t): the numerical gradient of the mean loss, and the /N."""
    layer, _ = _forward(Layer, x, t, tr(f"forward(x, t) for {where}", f"{where}일 때 forward(x, t)"))
    y_before = None if getattr(layer, "y", None) is None else np.array(layer.y, copy=True)
    dx = _backward(layer, tr(f"backward() for {where}", f"{where}일 때 backward()"))
    n = len(x)
    want = (softmax(x) - np.eye(x.shape[1])[t_idx]) / n
    if n > 1 and np.shape(dx) == want.shape and np.allclose(dx, n * want):
        raise Wrong(tr(f"backward() for {where}: got y - t without the division by the batch size "
                       f"N = {n}; expected {show(want)}, got {show(dx)}",
                       f"{where}일 때 backward(): y - t를 배치 크기(N = {n})로 나누지 않은 값이 "
                       f"나왔습니다. 기대한 값 {show(want)}, 나온 값 {show(dx)}"))
    numerically(lambda v: _mean_loss(v, t_idx), x, dx,
                tr(f"backward() for {where}", f"{where}일 때 backward()"))
    again = _backward(layer, tr(f"backward() called a second time for {where}",
                                f"{where}일 때 두 번째로 호출한 backward()"))
    if not np.allclose(again, dx):
        raise Wrong(tr(f"backward() for {where} gave another result when called a second time: the "
                       "first call changed what forward kept (self.y or self.t). Work on a copy",
                       f"{where}일 때 backward()를 한 번 더 호출하자 결과가 달라졌습니다. 첫 호출이 "
                       "forward가 보관한 값(self.y 또는 self.t)을 바꾼 것입니다. 복사본으로 계산하세요"))
    if y_before is not None:
        unchanged(layer.y, y_before, tr(f"self.y (in backward() for {where})",
                                        f"{where}일 때 backward()에서 self.y"))


@exercise("softmax_with_loss", parts=("forward", "backward"), hints=(
    Text("forward: y = softmax(x), and the loss is the mean over the batch of -log of each sample's "
    "true-class probability; keep y and t on self. backward: dout times (y - t) / N, with N the "
    "batch size, the number of rows of y",
    ko="forward: y = softmax(x)이고, 손실은 샘플마다 정답 클래스의 확률에 -log를 취한 값을 배치 전체에 "
    "대해 평균한 것입니다. y와 t는 self에 보관하세요. backward: dout × (y - t) / N이고, N은 배치 크기, "
    "곧 y의 행 수입니다"),
    Text("softmax and cross_entropy_error (imported in the setup cell) take one-hot labels and class "
    "indices alike, and subtract the row maximum before exp. For class indices t in backward, "
    "subtracting t means subtracting 1 at each row's true class, in a copy of y (never in self.y "
    "itself); or turn t into one-hot rows first (the rows of an identity matrix np.eye(C), "
    "picked by t)",
    ko="softmax와 cross_entropy_error(준비 셀에서 import했습니다)는 원-핫 레이블과 클래스 인덱스를 "
    "모두 받고, exp 전에 행의 최댓값을 뺍니다. backward에서 t가 클래스 인덱스라면, t를 빼는 것은 "
    "각 행의 정답 클래스 자리에서 1을 빼는 것입니다. 이 뺄셈은 y의 복사본에서 하세요(self.y 자체에서는 "
    "절대 안 됩니다). 아니면 먼저 t를 원-핫 행으로 바꾸세요(단위 행렬 np.eye(C)에서 t가 가리키는 "
    "행들을 고르면 됩니다)")))
def check_softmax_with_loss(Layer, part) -> None:
    """SoftmaxWithLoss(): forward(x (N, C), t) -> mean loss; backward(dout=1) -> dout (y - t) / N.

    t is one-hot (N, C), as in the book's 5.6.3, or class indices (N,): both are checked.
    """
    indices = np.array([0, 1])  # the example's labels as class indices
    with part("forward"):
        where = tr("forward(x, t) on the notebook's example (2 samples, one-hot t)",
                   "노트북 예제(샘플 2개, 원-핫 t)로 실행한 forward(x, t)")
        layer, loss = _forward(Layer, _X_EXAMPLE.copy(), _T_ONE_HOT.copy(), where)
        _loss_right(loss, _X_EXAMPLE, indices, where)
        y = getattr(layer, "y", None)
        if y is None:
            raise Wrong(tr("self.y is None after forward(x, t): keep y = softmax(x) for backward",
                           "forward(x, t)를 실행한 뒤에도 self.y가 None입니다. backward를 위해 "
                           "y = softmax(x)를 보관하세요"))
        close(y, softmax(_X_EXAMPLE), tr("self.y after forward(x, t) on the notebook's example",
                                         "노트북 예제로 forward(x, t)를 실행한 뒤의 self.y"))
        if getattr(layer, "t", None) is None:
            raise Wrong(tr("self.t is None after forward(x, t): keep the labels t for backward",
                           "forward(x, t)를 실행한 뒤에도 self.t가 None입니다. backward를 위해 "
                           "정답 레이블 t를 보관하세요"))
        for n, c, seed in ((1, 3, 1), (7, 10, 2)):
            x, t_idx, t = _batch(n, c, seed)
            where = tr(f"forward(x, t) for a batch of {n}, {c} classes, one-hot t",
                       f"샘플 {n}개, 클래스 {c}개, 원-핫 t일 때 forward(x, t)")
            _loss_right(_forward(Layer, x, t, where)[1], x, t_idx, where)
            where = tr(f"forward(x + 1000, t) for a batch of {n}, {c} classes",
                       f"샘플 {n}개, 클래스 {c}개일 때 forward(x + 1000, t)")
            _loss_right(_forward(Layer, x + 1000, t, where)[1], x + 1000, t_idx, where)
        where = tr("forward(x, t) on the notebook's example with t = [0, 1] (class indices)",
                   "t = [0, 1](클래스 인덱스)인 노트북 예제로 실행한 forward(x, t)")
        _loss_right(_forward(Layer, _X_EXAMPLE.copy(), indices.copy(), where)[1], _X_EXAMPLE,
                    indices, where)
        x, t_idx, _ = _batch(7, 10, 5)
        where = tr(f"forward(x, t) for a batch of 7, 10 classes, t = {show(t_idx)} (class indices)",
                   f"샘플 7개, 클래스 10개, t = {show(t_idx)}(클래스 인덱스)일 때 forward(x, t)")
        _loss_right(_forward(Layer, x, t_idx.copy(), where)[1], x, t_idx, where)

    with part("backward"):
        where = tr("backward() after forward on the notebook's example",
                   "노트북 예제로 forward를 실행한 뒤의 backward()")
        layer, _ = _forward(Layer, _X_EXAMPLE.copy(), _T_ONE_HOT.copy(), "forward(x, t)")
        want = (softmax(_X_EXAMPLE) - _T_ONE_HOT) / 2
        dx = _backward(layer, where)
        if np.shape(dx) == want.shape and np.allclose(dx, 2 * want):
            raise Wrong(tr(f"{where}: got y - t without the division by the batch size N = 2; "
                           f"expected {show(want)}, got {show(dx)}",
                           f"{where}: y - t를 배치 크기(N = 2)로 나누지 않은 값이 나왔습니다. "
                           f"기대한 값 {show(want)}, 나온 값 {show(dx)}"))
        close(dx, want, where)
        half = _backward(layer, "backward(0.5)", 0.5)
        if np.shape(half) == want.shape and np.allclose(half, want):
            raise Wrong(tr("backward(0.5) gave the same as backward(): multiply by dout. Half the "
                           "loss has half the gradient, by the chain rule",
                           "backward(0.5)가 backward()와 같은 값을 돌려주었습니다. dout을 곱하세요. "
                           "연쇄법칙에 따라 손실이 절반이면 기울기도 절반입니다"))
        close(half, 0.5 * want, tr("backward(0.5) after forward on the notebook's example",
                                   "노트북 예제로 forward를 실행한 뒤의 backward(0.5)"))
        for n, c, seed in ((1, 3, 3), (7, 10, 4)):
            x, t_idx, t = _batch(n, c, seed)
            _gradient_right(Layer, x, t, t_idx, tr(f"a batch of {n}, {c} classes, one-hot t",
                                                   f"샘플 {n}개, 클래스 {c}개, 원-핫 t"))
        layer, _ = _forward(Layer, _X_EXAMPLE.copy(), indices.copy(), "forward(x, t = [0, 1])")
        where = tr("backward() after forward with t = [0, 1] (class indices)",
                   "t = [0, 1](클래스 인덱스)로 forward를 실행한 뒤의 backward()")
        close(_backward(layer, where), want, where)
        for n, c, seed in ((1, 3, 6), (7, 10, 7)):
            x, t_idx, _ = _batch(n, c, seed)
            _gradient_right(Layer, x, t_idx.copy(), t_idx,
                            tr(f"a batch of {n}, {c} classes, t = {show(t_idx)} (class indices)",
                               f"샘플 {n}개, 클래스 {c}개, t = {show(t_idx)}(클래스 인덱스)"))


# ---------------------------------------------------------------- softmax_uniform_loss

_UNIFORM_TRUTH = {"loss_3_classes": np.log(3), "loss_10_classes": np.log(10)}


@exercise("softmax_uniform_loss", parts=tuple(_UNIFORM_TRUTH), hints=(
    Text("equal scores give equal probabilities; what is each of them with 3 classes?",
         ko="점수가 모두 같으면 확률도 모두 같습니다. 클래스가 3개일 때 각 확률은 얼마일까요?"),
    Text("each class gets 1/C, so the loss is -log(1/C) = log C, whichever class is the true one",
         ko="클래스마다 확률이 1/C이므로, 어느 클래스가 정답이든 손실은 -log(1/C) = log C입니다")))
def check_softmax_uniform_loss(pair, part) -> None:
    """(loss_3_classes, loss_10_classes): two numbers, 2 decimals are enough."""
    values = dict(zip(_UNIFORM_TRUTH, sequence(pair, 2, "(loss_3_classes, loss_10_classes)")))
    for name in values:
        with part(name):
            got = values[name]
            if got is None:
                raise Unfilled(tr(f"{name} is still None: write the loss as a number",
                                  f"{name}: 아직 None입니다. 손실을 숫자로 쓰세요"))
            c = 3 if name == "loss_3_classes" else 10
            try:
                value = float(got)
            except (TypeError, ValueError):
                raise Wrong(tr(f"{name} should be one number, got {type(got).__name__} {got!r}",
                               f"{name}: 숫자 하나여야 합니다. 나온 값: {type(got).__name__} {got!r}")
                            ) from None
            if np.isclose(value, 1 / c, rtol=5e-3):
                raise Wrong(tr(f"{name} is {value:.4g}, the probability of each class; the loss is "
                               "-log of the true class's probability",
                               f"{name} = {value:.4g}: 각 클래스의 확률입니다. 손실은 정답 클래스 "
                               "확률의 -log입니다"))
            if np.isclose(value, np.log10(c), rtol=5e-3):
                raise Wrong(tr(f"{name} is {value:.4g}, a logarithm to base 10; the loss uses the "
                               "natural logarithm (np.log)",
                               f"{name} = {value:.4g}: 밑이 10인 로그입니다. 손실에는 자연로그"
                               "(np.log)를 씁니다"))
            close(value, _UNIFORM_TRUTH[name], tr(f"{name}, the loss for {c} equal scores",
                                                  f"{name}(점수 {c}개가 모두 같을 때의 손실)"),
                  rtol=5e-3)
