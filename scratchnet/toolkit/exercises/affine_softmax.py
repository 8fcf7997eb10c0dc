"""Checks for the exercises of notebook 04 (Affine and Softmax-with-Loss, book 5.6).

affine_layer                 the learner writes the book's Affine: forward(x), backward(dout)
affine_image_shapes          the learner predicts the shapes of out, dx, dW, db for images
softmax_gradient_prediction  the learner predicts dL/dx for softmax output (0.3, 0.2, 0.5)
softmax_with_loss            the learner writes SoftmaxWithLoss: forward(x, t), backward(dout=1),
                             with one-hot labels (the book's 5.6.3) and class indices
softmax_uniform_loss         the learner predicts the loss for equal scores, 3 and 10 classes

The three predictions go through the one prediction checker (predict.py): a FAIL names the
wrong part and why that value may be wrong, never its right value. The two layers get hints for
the part that failed (forward, backward) and, for a mistake the check can name without doubt at
every point it tried, hints for that mistake.
"""

from __future__ import annotations

import warnings
from dataclasses import replace

import numpy as np

from ...functions import softmax
from ...language import Text, tr
from . import CHECKS, FormatSlip, Wrong, exercise
from ._assert import a_class, close, mistake, numerically, same_dtype, show, unchanged
from .predict import Answer, prediction


def _run(what: str, fn, *args):
    """fn(*args), with any crash of the learner's code reported for this input."""
    try:
        return fn(*args)
    except (NotImplementedError, AssertionError):
        raise
    except Exception as e:  # the attempt crashed on this input: say which
        raise Wrong(tr(f"{what} raised {type(e).__name__}: {e}",
                       f"{what}에서 {type(e).__name__}가 발생했습니다: {e}")) from None


_IN_PLACE_HINTS = (
    Text("x -= ..., x *= ... or x[...] = ... write into the array the caller passed, and the caller "
         "still uses it. Which line of yours does that?",
         "x -= ..., x *= ..., x[...] = ...는 호출한 쪽이 넘긴 배열에 직접 값을 씁니다. 호출한 쪽은 그 "
         "배열을 계속 씁니다. 여러분의 코드에서 어느 줄이 그렇게 하나요?"),
    Text("write x - ..., x * ... instead: each builds a new array and leaves the caller's as it was "
         "(or work on a copy, x.copy())",
         "대신 x - ..., x * ...처럼 쓰세요. 이렇게 하면 새 배열이 만들어지고 호출한 쪽의 배열은 그대로 "
         "남습니다(또는 복사본 x.copy()로 계산하세요)"))

_DTYPE_HINTS = (
    Text("why dtype matters here: notebooks 06 and 07 train networks in float32, about twice as "
         "fast as float64, and a layer that returns float64 turns every layer after it to float64, "
         "so that speed is lost. Where does a float64 array come in: np.array(..., dtype=float), "
         ".astype(np.float64), np.float64(...)?",
         "여기서 dtype이 중요한 이유: 노트북 06과 07은 float64보다 약 두 배 빠른 float32로 신경망을 "
         "학습합니다. 한 계층이 float64를 돌려주면 그 뒤의 모든 계층이 float64로 계산하게 되어 그 "
         "속도를 잃습니다. float64 배열은 어디서 생기나요? np.array(..., dtype=float), "
         ".astype(np.float64), np.float64(...)를 찾아보세요"),
    Text("build each result from x, W, b and dout alone, with @, + and .sum: NumPy then keeps "
         "float32 throughout. Remove any astype, dtype=float or float64 constant",
         "결과를 x, W, b, dout만으로 @, +, .sum을 써서 만드세요. 그러면 넘파이가 처음부터 끝까지 "
         "float32를 유지합니다. astype, dtype=float, float64 상수는 모두 없애세요"))


def _kept(arr, before, what: str) -> None:
    with mistake(_IN_PLACE_HINTS):
        unchanged(arr, before, what)


def _float32(got, what: str) -> None:
    with mistake(_DTYPE_HINTS):
        same_dtype(got, np.float32, what)


def _register_precheck(name: str, precheck) -> None:
    """Run precheck(attempt) before the prediction checker of `name` (a plain FormatSlip)."""
    ex = CHECKS[name]

    def checker(attempt, part):
        precheck(attempt)
        return ex.checker(attempt, part)
    CHECKS[name] = replace(ex, checker=checker)


# ---------------------------------------------------------------- affine_layer

# (N, D, M): the learner tried none of these. (5, 3, 3) has a square W, where dout @ W has the
# right shape without the transpose; (1, 6, 2) is a batch of one. N and M never coincide, so a
# db summed over axis 1, shape (N,), is told apart from the right (M,) at every point.
_AFFINE_CASES = [(2, 4, 3), (5, 3, 3), (1, 6, 2), (7, 2, 5)]


def _affine_arrays(n: int, d: int, m: int, seed: int, dtype=np.float64):
    rng = np.random.default_rng(seed)
    x, W, b, dout = (rng.standard_normal(s).astype(dtype) for s in ((n, d), (d, m), (m,), (n, m)))
    return x, W, b, dout


_AFFINE_HINTS = {
    "forward": (
        Text("forward computes Y = XW + b for the whole batch at once, one row per sample: which "
             "product of x (N, D) and W (D, M) has the shape (N, M), and how does b (M,) reach "
             "every row?",
             "forward는 배치 전체에 대해 한 번에 Y = XW + b를 계산합니다. 샘플마다 한 행입니다. "
             "x (N, D)와 W (D, M)의 어떤 곱이 (N, M) 형상이 되고, b (M,)는 어떻게 모든 행에 "
             "더해질까요?"),
        Text("forward keeps x on self (backward needs it), then returns the matrix product of x and W "
             "plus b; NumPy broadcasts b to every row. Build a new array: never write into x",
             "forward는 x를 self에 보관하고(backward에 필요합니다), x와 W의 행렬 곱에 b를 더해 "
             "반환합니다. b는 넘파이가 모든 행에 브로드캐스트합니다. 새 배열을 만들고, x에는 절대 "
             "값을 쓰지 마세요")),
    "backward": (
        Text("each gradient has the shape of its variable: dx like x (N, D), dW like W (D, M), db "
             "like b (M,). Which product of dout (N, M) with W or with x, one of them transposed, "
             "has that shape?",
             "기울기는 그 변수와 형상이 같습니다. dx는 x처럼 (N, D), dW는 W처럼 (D, M), db는 b처럼 "
             "(M,)입니다. dout (N, M)에 W나 x를 곱하되 둘 중 하나는 전치한다면, 어떤 곱이 그 형상이 "
             "될까요?"),
        Text("dx is dout times the transpose of W, dW is the transpose of the kept x times dout, db "
             "is dout summed over axis 0 (the batch). Return dx alone; store dW and db on self; "
             "never write into dout",
             "dx는 dout에 W의 전치를 곱한 것, dW는 보관해 둔 x의 전치에 dout을 곱한 것, db는 dout을 "
             "0번 축(배치)을 따라 합한 것입니다. dx만 반환하고 dW와 db는 self에 저장하세요. dout에는 "
             "절대 값을 쓰지 마세요")),
}
_DX_TRANSPOSE_HINTS = (
    Text("with a square W, dout @ W and dout @ W.T have the same shape, so the shape cannot tell "
         "them apart. Write the chain rule for one entry: dL/dx[n, d] sums dout[n, m] · W[d, m] "
         "over m. Which product is that sum?",
         "W가 정사각 행렬이면 dout @ W와 dout @ W.T의 형상이 같아서, 형상으로는 둘을 구별할 수 "
         "없습니다. 원소 하나에 대해 연쇄법칙을 써 보세요. dL/dx[n, d]는 dout[n, m] · W[d, m]을 "
         "m에 대해 합한 것입니다. 이 합은 어떤 곱일까요?"),
    Text("the sum over m of dout[n, m] · W[d, m] pairs the rows of dout with the rows of W: it is "
         "dout @ W.T, whatever the sizes. Write the transpose always, not only when the shapes "
         "force it",
         "dout[n, m] · W[d, m]을 m에 대해 합하면 dout의 행과 W의 행이 짝지어집니다. 크기가 어떻든 "
         "이것은 dout @ W.T입니다. 형상 때문에 필요할 때만이 아니라 언제나 전치하세요"))
_DW_TRANSPOSE_HINTS = (
    Text("with a square W, a dW and its transpose have the same shape. Write the chain rule for one "
         "entry: dL/dW[d, m] sums x[n, d] · dout[n, m] over the samples n. Which product is that "
         "sum, and in which order?",
         "W가 정사각 행렬이면 dW와 그 전치의 형상이 같습니다. 원소 하나에 대해 연쇄법칙을 써 "
         "보세요. dL/dW[d, m]은 x[n, d] · dout[n, m]을 샘플 n에 대해 합한 것입니다. 이 합은 어떤 "
         "곱이고, 어떤 순서일까요?"),
    Text("row d of dW pairs column d of x with every column of dout, summed over n: that is "
         "x.T @ dout, (D, N)(N, M) = (D, M), never dout.T @ x",
         "dW의 d번째 행은 x의 d번째 열과 dout의 모든 열을 n에 대해 합하며 짝지은 것입니다. 곧 "
         "x.T @ dout, (D, N)(N, M) = (D, M)이고, dout.T @ x가 아닙니다"))
_DB_AXIS_HINTS = (
    Text("b was added to every row of x @ W, once per sample, so its gradient adds up dout over the "
         "samples. Which axis of dout (N, M) holds the samples, and what shape is left after "
         "summing over it?",
         "b는 x @ W의 모든 행에, 곧 샘플마다 한 번씩 더해졌으므로, 그 기울기는 dout을 샘플에 걸쳐 "
         "더한 것입니다. dout (N, M)에서 샘플은 어느 축에 있고, 그 축을 따라 합하면 어떤 형상이 "
         "남을까요?"),
    Text("the samples are axis 0: dout.sum(axis=0) leaves one number per output, the shape (M,) of "
         "b. axis=1 sums over the outputs instead, and keepdims=True keeps a row axis of size 1",
         "샘플은 0번 축입니다. dout.sum(axis=0)은 출력마다 숫자 하나를 남기므로 b와 같은 형상 "
         "(M,)이 됩니다. axis=1은 출력에 걸쳐 합하고, keepdims=True는 크기 1인 행 축을 남깁니다"))
_DB_MEAN_HINTS = (
    Text("b is added to each sample's row, so every row of dout adds its part to db: is your db a "
         "sum or an average? (The 1/N of the batch's mean loss is already inside dout.)",
         "b는 샘플마다의 행에 더해지므로, dout의 모든 행이 db에 제 몫을 더합니다. 여러분의 db는 "
         "합인가요, 평균인가요? (배치 평균 손실의 1/N은 이미 dout 안에 들어 있습니다.)"),
    Text("db = dout.sum(axis=0), not dout.mean(axis=0): the mean divides once more by N",
         "db = dout.sum(axis=0)이지 dout.mean(axis=0)이 아닙니다. 평균은 N으로 한 번 더 나눕니다"))
_KEEP_X_HINTS = (
    Text("backward needs the x of the forward call just before it: does your forward keep it on "
         "self, in every call?",
         "backward에는 바로 앞의 forward 호출에서 받은 x가 필요합니다. 여러분의 forward는 호출될 "
         "때마다 x를 self에 보관하나요?"),
    Text("write self.x = x in forward, unconditionally, before returning: a layer sees a new batch "
         "in every forward call, and backward goes with the latest one",
         "forward에서 반환하기 전에 조건 없이 self.x = x라고 쓰세요. 계층은 forward를 호출할 때마다 "
         "새 배치를 받고, backward는 가장 최근의 배치에 대한 것입니다"))


def _gradient_shape(got, want_shape: tuple, what: str, like: str) -> None:
    shape = np.shape(got)
    if got is None:
        raise Wrong(tr(f"{what} is None: backward should set it",
                       f"{what}: None입니다. backward에서 구해 두어야 합니다"))
    if shape != want_shape:
        raise Wrong(tr(f"{what}: expected shape {want_shape}, the shape of {like}, got shape {shape}",
                       f"{what}: {like}와 같은 형상 {want_shape}이어야 하는데, 나온 형상은 "
                       f"{shape}입니다"))


def _x_not_kept(layer, x, other, crash: Wrong) -> None:
    """After backward crashed: say so when forward plainly did not keep the latest x."""
    kept = getattr(layer, "x", None)
    if kept is None and "NoneType" in str(crash):
        raise Wrong(tr(f"{crash}. self.x is None after forward(x): backward has no x to work with",
                       f"{crash}. forward(x)를 실행한 뒤에도 self.x가 None이라 backward가 쓸 x가 "
                       "없습니다"), hint=_KEEP_X_HINTS)
    if isinstance(kept, np.ndarray) and kept.shape == other.shape != np.shape(x):
        raise Wrong(tr(f"{crash}. self.x still holds the batch of an earlier forward call (shape "
                       f"{kept.shape}), not the latest x (shape {np.shape(x)})",
                       f"{crash}. self.x에는 최근 x(형상 {np.shape(x)})가 아니라 그 전의 forward "
                       f"호출에서 받은 배치(형상 {kept.shape})가 남아 있습니다"), hint=_KEEP_X_HINTS)


@exercise("affine_layer", parts=("forward", "backward"), hints=_AFFINE_HINTS)
def check_affine_layer(Affine, part) -> None:
    """Affine(W, b): forward(x (N, D)) -> (N, M), keeps x; backward(dout) -> dx, sets dW, db."""
    Affine = a_class(Affine, "Affine")
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
                _kept(arr, before, tr(f"{name} (in {where})", f"{where}에서 {name}"))
            close(out, want, where)
        x, W, b, _ = _affine_arrays(3, 4, 2, 10, np.float32)
        out = _run(tr("forward(x) on float32 arrays", "float32 배열에 대한 forward(x)"),
                   Affine(W, b).forward, x)
        _float32(out, tr("forward(x) on float32 x, W and b", "float32인 x, W, b에 대한 forward(x)"))

    with part("backward"):
        for seed, (n, d, m) in enumerate(_AFFINE_CASES):
            x, W, b, dout = _affine_arrays(n, d, m, seed + 20)
            kept = x.copy(), W.copy(), dout.copy()
            where = f"N={n}, D={d}, M={m}" + (tr(" (a square W)", " (정사각 W)") if d == m else "")
            layer = Affine(W, b)
            other = np.ones((n + 1, d))  # a batch of another size first: backward must use the latest x
            _run(tr(f"forward(x) for {where}", f"{where}일 때 forward(x)"), layer.forward, other)
            _run(tr(f"forward(x) for {where}", f"{where}일 때 forward(x)"), layer.forward, x)
            try:
                dx = _run(tr(f"backward(dout) for {where}", f"{where}일 때 backward(dout)"),
                          layer.backward, dout)
            except Wrong as crash:
                _x_not_kept(layer, x, other, crash)
                raise
            for arr, before, name in zip((x, W, dout), kept, ("x", "W", "dout")):
                _kept(arr, before, tr(f"{name} (in backward for {where})",
                                      f"{where}일 때 backward에서 {name}"))
            if isinstance(dx, tuple):
                raise FormatSlip(tr(f"backward(dout) returned a tuple of {len(dx)} for {where}: "
                                    "return dx alone, and store dW and db as self.dW and self.db",
                                    f"{where}일 때 backward(dout)가 값 {len(dx)}개짜리 튜플을 "
                                    "반환했습니다. dx만 반환하고, dW와 db는 self.dW와 self.db에 "
                                    "저장하세요"))
            _gradient_shape(dx, (n, d), tr(f"dx for {where}", f"{where}일 때 dx"), "x")
            if d == m and np.allclose(dx, dout @ W) and not np.allclose(dx, dout @ W.T):
                raise Wrong(tr(f"dx for {where}: your dx equals dout @ W, without the transpose. "
                               "With a square W its shape is right too, but not its values: they "
                               "differ from the numerical gradient",
                               f"{where}일 때 dx: 여러분의 dx는 전치 없이 곱한 dout @ W와 같습니다. "
                               "W가 정사각 행렬이면 형상은 맞지만, 값은 수치 미분으로 구한 기울기와 "
                               "다릅니다"), hint=_DX_TRANSPOSE_HINTS)
            numerically(lambda v: float(np.sum((v @ W + b) * dout)), x, dx,
                        tr(f"dx for {where}", f"{where}일 때 dx"))
            _gradient_shape(getattr(layer, "dW", None), (d, m),
                            tr(f"self.dW for {where}", f"{where}일 때 self.dW"), "W")
            if d == m and np.allclose(layer.dW, (x.T @ dout).T) and not np.allclose(layer.dW, x.T @ dout):
                want_s, got_s = show(x.T @ dout), show(layer.dW)
                raise Wrong(tr(f"self.dW for {where}: your dW is the transpose of the right one (the "
                               f"shapes fit only because W is square); expected {want_s}, got {got_s}",
                               f"{where}일 때 self.dW: 여러분의 dW는 올바른 dW의 전치입니다(W가 "
                               f"정사각 행렬이라 형상만 맞았습니다). {want_s}이어야 하는데, 나온 "
                               f"값은 {got_s}입니다"), hint=_DW_TRANSPOSE_HINTS)
            numerically(lambda v: float(np.sum((x @ v + b) * dout)), W, layer.dW,
                        tr(f"self.dW for {where}", f"{where}일 때 self.dW"))
            with mistake(_DB_AXIS_HINTS):
                _gradient_shape(getattr(layer, "db", None), (m,),
                                tr(f"self.db for {where}", f"{where}일 때 self.db"), "b")
            mean = n > 1 and np.allclose(layer.db, dout.mean(axis=0)) \
                and not np.allclose(layer.db, dout.sum(axis=0))
            with mistake(_DB_MEAN_HINTS if mean else None):
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
            _float32(got, tr(f"{name} for float32 x, W, b and dout",
                             f"float32인 x, W, b, dout에 대한 {name}"))


# ---------------------------------------------------------------- affine_image_shapes

_IMAGE_ANSWERS = {
    "out": Answer(
        Text("the shape of what forward(images) returns", "forward(images)가 반환하는 값의 형상"),
        (5, 10), kind="shape",
        mistakes={
            (5, 784): Text("That is the flattened input X, before the product with W.",
                           "그것은 W와 곱하기 전의, 펼친 입력 X의 형상입니다."),
            (784, 10): Text("That is W's shape. The output has one row per image.",
                            "그것은 W의 형상입니다. 출력은 이미지마다 한 행입니다."),
            (10,): Text("That is one image's scores, or b's shape; the batch keeps its axis.",
                        "그것은 이미지 한 장의 점수, 또는 b의 형상입니다. 배치 축은 남습니다."),
        },
        nudge=Text("forward flattens each image to one row: what does the product of those rows with "
                   "W give?",
                   "forward는 이미지 한 장을 한 행으로 펼칩니다. 그 행들과 W를 곱하면 무엇이 "
                   "나올까요?"),
        hints=(Text("forward flattens each image to one row, so the product sees (N, 784) times W "
                    "(784, 10): what shape comes out?",
                    "forward는 이미지 한 장을 한 행으로 펼치므로, 행렬 곱에 들어가는 것은 (N, 784)와 "
                    "W (784, 10)입니다. 어떤 형상이 나올까요?"),
               Text("(N, D)(D, M) = (N, M): one row per image, one column per column of W",
                    "(N, D)(D, M) = (N, M)입니다. 이미지마다 한 행, W의 열마다 한 열입니다"))),
    "dx": Answer(
        Text("the shape of what backward(dout) returns", "backward(dout)가 반환하는 값의 형상"),
        (5, 1, 28, 28), kind="shape",
        mistakes={
            (5, 784): Text("That is the gradient of the flattened X; the layer below gave images, "
                           "and gets its gradient back in the shape it gave.",
                           "그것은 펼친 X의 기울기입니다. 앞 계층은 이미지를 넘겼으므로, 기울기도 "
                           "자기가 넘긴 형상으로 돌려받습니다."),
            (5, 10): Text("That is the shape of dout, the gradient that arrives; dx is the gradient "
                          "of the input.",
                          "그것은 흘러 들어오는 기울기 dout의 형상입니다. dx는 입력의 기울기입니다."),
            (784, 10): Text("That is W's shape; dx is the gradient of the input.",
                            "그것은 W의 형상입니다. dx는 입력의 기울기입니다."),
        },
        nudge=Text("A gradient has the shape of what it is the gradient of: what did the layer below "
                   "pass in?",
                   "기울기는 미분한 대상과 형상이 같습니다. 앞 계층이 넘긴 것은 무엇이었나요?"),
        hints=(Text("a gradient always has the shape of what it is the gradient of: dx is the "
                    "gradient of the input, as the layer was given it",
                    "기울기의 형상은 언제나 미분한 대상의 형상과 같습니다. dx는 계층이 받은 그대로의 "
                    "입력에 대한 기울기입니다"),
               Text("backward computes dout @ W.T, one row of 784 per image, then reshapes it to the "
                    "shape the input came in, images and all: the layer below needs its gradient "
                    "in the shape it produced",
                    "backward는 dout @ W.T로 이미지마다 784개짜리 한 행을 구한 다음, 그것을 입력이 "
                    "들어온 형상으로, 이미지 형상 그대로 되돌립니다. 앞 계층은 자기가 내보낸 형상으로 "
                    "기울기를 받아야 하기 때문입니다"))),
    "dW": Answer(
        Text("the shape of self.dW", "self.dW의 형상"), (784, 10), kind="shape",
        mistakes={
            (10, 784): Text("That is W transposed; a gradient has the shape of its variable.",
                            "그것은 전치한 W의 형상입니다. 기울기는 그 변수와 형상이 같습니다."),
            (5, 784): Text("That is the flattened input X; dW is the gradient of W.",
                           "그것은 펼친 입력 X의 형상입니다. dW는 W의 기울기입니다."),
            (5, 10): Text("That is the shape of dout; dW is the gradient of W.",
                          "그것은 dout의 형상입니다. dW는 W의 기울기입니다."),
        },
        nudge=Text("Does the shape of W depend on the batch or on the images?",
                   "W의 형상이 배치나 이미지에 따라 달라지나요?"),
        hints=(Text("a gradient has the shape of its variable; whatever the input looks like, W is "
                    "the same",
                    "기울기는 그 변수와 형상이 같습니다. 입력이 어떻게 생겼든 W는 그대로입니다"),
               Text("dW = X.T @ dout, (784, N)(N, 10): the batch size drops out, and what is left "
                    "is W's shape",
                    "dW = X.T @ dout, (784, N)(N, 10)입니다. 배치 크기는 사라지고 W의 형상이 "
                    "남습니다"))),
    "db": Answer(
        Text("the shape of self.db", "self.db의 형상"), (10,), kind="shape",
        mistakes={
            (5, 10): Text("That is the shape of dout; b was added to every row, so db adds up the "
                          "rows.",
                          "그것은 dout의 형상입니다. b는 모든 행에 더해졌으므로, db는 행들을 "
                          "더한 것입니다."),
            (1, 10): Text("Summing over the batch axis removes that axis.",
                          "배치 축을 따라 합하면 그 축은 없어집니다."),
            (5,): Text("That sums over the outputs; b has one entry per output.",
                       "그것은 출력에 걸쳐 합한 형상입니다. b는 출력마다 값이 하나입니다."),
        },
        nudge=Text("What is the shape of b?", "b의 형상은 무엇인가요?"),
        hints=(Text("b was added to every row; its gradient sums dout over the batch, and has the "
                    "shape of b",
                    "b는 모든 행에 더해졌습니다. 그 기울기는 dout을 배치에 걸쳐 합한 것이고, b와 "
                    "형상이 같습니다"),
               Text("dout.sum(axis=0) leaves one number per output: b's shape, written with its "
                    "comma because it has one axis",
                    "dout.sum(axis=0)은 출력마다 숫자 하나를 남깁니다. 곧 b의 형상이고, 축이 하나이므로 "
                    "쉼표를 붙여 씁니다"))),
}

prediction("affine_image_shapes", _IMAGE_ANSWERS, hints=(
    Text("forward flattens each image to one row, so the product sees (N, 784); and a gradient "
         "always has the shape of what it is the gradient of",
         "forward는 이미지 한 장을 한 행으로 펼치므로, 행렬 곱에 들어가는 것은 (N, 784)입니다. 그리고 "
         "기울기의 형상은 언제나 미분한 대상의 형상과 같습니다"),
    Text("out is (N, M); dx has the shape of the input as it was given, images and all, because the "
         "layer below needs it that way; dW has W's shape and db b's. Write a 1-D shape with its "
         "comma",
         "out은 (N, M)입니다. dx는 처음 주어진 입력과 형상이 같습니다. 이미지였다면 이미지 형상 "
         "그대로인데, 앞 계층이 그 형상으로 받아야 하기 때문입니다. dW는 W와, db는 b와 형상이 "
         "같습니다. 1차원 형상은 쉼표를 붙여 쓰세요")))


def _shapes_not_numbers(shapes) -> None:
    """A number where a shape goes, db = 10 for (10,): a plain word about the comma, no hint used."""
    if not isinstance(shapes, dict):
        return
    for name, got in shapes.items():
        if isinstance(got, (int, np.integer)) and not isinstance(got, (bool, np.bool_)):
            raise FormatSlip(tr(f"{name}: got the number {got}, not a shape. A shape is a tuple, and "
                                f"a 1-D shape keeps its comma: ({got},). Note that ({got}) without "
                                f"the comma is just the number {got}",
                                f"{name}: 형상이 아니라 숫자 {got}입니다. 형상은 튜플이고, 1차원 "
                                f"형상에도 쉼표가 붙습니다: ({got},). 쉼표 없이 쓴 ({got})의 값은 "
                                f"그냥 숫자 {got}입니다"))


_register_precheck("affine_image_shapes", _shapes_not_numbers)


# ---------------------------------------------------------------- softmax_gradient_prediction

# softmax output y = (0.3, 0.2, 0.5) for one sample whose true class is 1, t = (0, 1, 0)
_FLIPPED = Text("Every sign is flipped: is that t - y? Raising the true class's score lowers the loss.",
                "부호가 모두 반대입니다. t - y를 구하지 않았나요? 정답 클래스의 점수를 올리면 손실은 "
                "줄어듭니다.")
_NO_LABEL = Text("That is y itself, or a part of it: where did the label t go?",
                 "그것은 y 자체이거나 그 일부입니다. 정답 레이블 t는 어디로 갔나요?")
_TRUE_SIGN = Text("The true class's entry has the wrong sign: raising the true class's score lowers "
                  "the loss, so its gradient is negative.",
                  "정답 클래스 자리의 부호가 틀렸습니다. 정답 클래스의 점수를 올리면 손실이 줄어드므로, "
                  "그 기울기는 음수입니다.")
_ONLY_TRUE = Text("Only the true class's entry is nonzero: the other scores move the loss too, "
                  "through the softmax's sum.",
                  "정답 클래스 자리만 0이 아닙니다. 다른 점수들도 소프트맥스의 합을 거쳐 손실을 "
                  "움직입니다.")
_GRAD_ANSWERS = {
    "dx_alone": Answer(
        Text("dL/dx for the batch of one", "이 샘플 하나로 된 배치의 dL/dx"),
        (0.3, -0.8, 0.5), kind="numbers", rtol=0, atol=1e-3,
        mistakes={(-0.3, 0.8, -0.5): _FLIPPED, (0.3, 0.2, 0.5): _NO_LABEL,
                  (0.3, 0.8, 0.5): _TRUE_SIGN, (0.0, -0.8, 0.0): _ONLY_TRUE,
                  (0.15, -0.4, 0.25): Text("Each entry is halved: how many samples does this batch "
                                           "hold?",
                                           "값이 모두 절반입니다. 이 배치에는 샘플이 몇 개 있나요?")},
        nudge=Text("Subtract the one-hot label from y, entry by entry.",
                   "y에서 원-핫 정답 레이블을 원소마다 빼 보세요."),
        hints=(Text("dL/dx = dout · (y - t) / N; here dout = 1 and the batch holds one sample. "
                    "Which entry does the one-hot t change?",
                    "dL/dx = dout · (y - t) / N입니다. 여기서 dout = 1이고 배치에는 샘플이 하나뿐입니다. "
                    "원-핫 t는 어느 원소를 바꿀까요?"),
               Text("subtract the one-hot label from y: only the true class (index 1) changes, by "
                    "-1; the other entries stay as y has them",
                    "y에서 원-핫 정답 레이블을 빼세요. 달라지는 것은 정답 클래스(1번)의 원소뿐이고, "
                    "-1만큼 바뀝니다. 나머지 원소는 y 그대로입니다"))),
    "dx_in_pair": Answer(
        Text("the first row of dL/dx when the batch holds this sample twice",
             "배치에 이 샘플이 두 번 들어 있을 때 dL/dx의 첫 번째 행"),
        (0.15, -0.4, 0.25), kind="numbers", rtol=0, atol=1e-3,
        mistakes={(0.3, -0.8, 0.5): Text("The batch holds two samples, and its loss is their mean: "
                                         "does the batch size appear in your row?",
                                         "배치에는 샘플이 둘이고, 배치의 손실은 두 손실의 평균입니다. "
                                         "여러분의 행에 배치 크기가 반영되어 있나요?"),
                  (0.6, -1.6, 1.0): Text("The loss of a batch is the mean of its samples' losses, "
                                         "not their sum.",
                                         "배치의 손실은 샘플 손실의 합이 아니라 평균입니다."),
                  (-0.15, 0.4, -0.25): _FLIPPED, (0.15, 0.1, 0.25): _NO_LABEL,
                  (0.15, 0.4, 0.25): _TRUE_SIGN},
        nudge=Text("Each sample counts for part of the batch's mean loss: how large a part?",
                   "샘플 하나는 배치 평균 손실의 일부를 차지합니다. 얼마만큼일까요?"),
        hints=(Text("the loss of a batch is the mean of its samples' losses: how much does one "
                    "sample count for in a batch of two?",
                    "배치의 손실은 샘플 손실의 평균입니다. 샘플이 둘인 배치에서 샘플 하나는 얼마만큼 "
                    "반영될까요?"),
               Text("each row is dout · (y - t) / N with N = 2: the row of the same sample in a "
                    "batch of one, divided by 2",
                    "각 행은 N = 2인 dout · (y - t) / N입니다. 샘플 하나로 된 배치에서의 같은 샘플의 "
                    "행을 2로 나눈 것입니다"))),
}

prediction("softmax_gradient_prediction", _GRAD_ANSWERS, form="tuple", hints=(
    Text("dL/dx = dout · (y - t) / N; here dout = 1, and N is the number of samples in the batch",
         "dL/dx = dout · (y - t) / N입니다. 여기서 dout = 1이고, N은 배치에 든 샘플 수입니다"),
    Text("subtract the one-hot label from y: only the true class (index 1) changes, by -1. The loss "
         "of a batch is the mean over its samples, so with two samples every row is divided by 2",
         "y에서 원-핫 정답 레이블을 빼세요. 달라지는 것은 정답 클래스(1번)의 원소뿐이고, -1만큼 "
         "바뀝니다. 배치의 손실은 샘플 손실의 평균이므로, 샘플이 두 개면 모든 행이 2로 나뉩니다")))


# ---------------------------------------------------------------- softmax_with_loss

_X_EXAMPLE = np.array([[2.0, 0.5, -1.0], [1.0, 3.0, -0.5]])  # the notebook's example
_T_ONE_HOT = np.array([[1, 0, 0], [0, 1, 0]])

_SWL_HINTS = {
    "forward": (
        Text("forward: y = softmax(x), and the loss is the mean over the batch of -log of each "
             "sample's true-class probability; keep y and t on self",
             "forward: y = softmax(x)이고, 손실은 샘플마다 정답 클래스의 확률에 -log를 취한 값을 "
             "배치 전체에 대해 평균한 것입니다. y와 t는 self에 보관하세요"),
        Text("softmax and cross_entropy_error (imported in the setup cell) take one-hot labels and "
             "class indices alike, subtract the row maximum before exp, and return the batch's "
             "mean: keep t, compute y with softmax, and return cross_entropy_error of y and t",
             "softmax와 cross_entropy_error(준비 셀에서 import했습니다)는 원-핫 레이블과 클래스 "
             "번호를 모두 받고, exp 전에 행의 최댓값을 빼며, 배치 평균을 반환합니다. t를 보관하고, "
             "softmax로 y를 구한 다음, y와 t의 cross_entropy_error를 반환하세요")),
    "backward": (
        Text("backward: dout times (y - t) / N, with N the batch size, the number of rows of y",
             "backward: dout × (y - t) / N이고, N은 배치 크기, 곧 y의 행 수입니다"),
        Text("compute y - t as a new array (never in self.y itself), divide it by N = "
             "self.y.shape[0] and multiply by dout. For class indices t, subtracting t means "
             "subtracting 1 at each row's true class, in a copy of y",
             "y - t를 새 배열로 구하고(self.y 자체에서 계산하면 안 됩니다), N = self.y.shape[0]으로 "
             "나눈 다음 dout을 곱하세요. t가 클래스 번호라면, t를 빼는 것은 y의 복사본에서 각 행의 "
             "정답 클래스 자리에서 1을 빼는 것입니다")),
}
_OVERFLOW_HINTS = (
    Text("exp(1000) is inf in floating point. Softmax does not change when the same number is "
         "subtracted from every score of a row: which number keeps every exp at most 1?",
         "부동소수점 수에서 exp(1000)은 inf입니다. 한 행의 모든 점수에서 같은 수를 빼도 소프트맥스의 "
         "결과는 변하지 않습니다. 어떤 수를 빼면 모든 exp가 1 이하가 될까요?"),
    Text("subtract each row's maximum before exp, x - x.max(axis=1, keepdims=True), or use softmax "
         "from the setup cell, which does",
         "exp 전에 각 행의 최댓값을 빼세요: x - x.max(axis=1, keepdims=True). 또는 그렇게 하는 "
         "준비 셀의 softmax를 쓰세요"))
_MEAN_HINTS = (
    Text("the loss of a batch is the mean of its samples' losses, so that it does not grow with the "
         "batch size: one number, whatever N",
         "배치의 손실은 샘플 손실의 평균이므로 배치 크기에 따라 커지지 않습니다. N이 얼마든 숫자 "
         "하나입니다"),
    Text("divide the sum of the samples' -log y by N, the number of rows, or return "
         "cross_entropy_error(self.y, t), which is that mean",
         "샘플마다의 -log y를 합한 것을 행 수 N으로 나누세요. 또는 바로 그 평균인 "
         "cross_entropy_error(self.y, t)를 반환하세요"))
_BY_N_HINTS = (
    Text("the loss is the mean over the N samples of the batch: by the chain rule, what factor does "
         "that put on each sample's row of the gradient?",
         "손실은 배치에 든 샘플 N개의 평균입니다. 연쇄법칙에 따르면, 그 평균은 기울기의 샘플마다의 "
         "행에 어떤 인수를 곱할까요?"),
    Text("divide y - t by N = self.y.shape[0], the number of rows, then multiply by dout",
         "y - t를 행 수 N = self.y.shape[0]으로 나눈 다음 dout을 곱하세요"))
_DOUT_HINTS = (
    Text("every layer's backward multiplies what it passes back by the dout that arrives from above "
         "(the chain rule), this one too, even if the book's calls it only with dout = 1",
         "모든 계층의 backward는 돌려보내는 값에 상류에서 흘러 들어온 dout을 곱합니다(연쇄법칙). 책의 "
         "계층은 dout = 1로만 호출되지만, 이 계층도 마찬가지입니다"),
    Text("return dout * (y - t) / N: with dout = 0.5, half of what backward() gives",
         "dout * (y - t) / N을 반환하세요. dout = 0.5이면 backward()의 절반이 됩니다"))
_INDEX_HINTS = (
    Text("with class indices, t = [0, 1] names each row's true class instead of being a row of C "
         "numbers: what does y - t mean then?",
         "t가 클래스 번호이면 t = [0, 1]은 C개짜리 행이 아니라 각 행의 정답 클래스입니다. "
         "그렇다면 y - t는 무슨 뜻일까요?"),
    Text("subtract 1 at [n, t[n]] of each row n, in a copy of y (dx = self.y.copy(); "
         "dx[np.arange(N), self.t] -= 1), or turn t into one-hot rows first, np.eye(C)[t]",
         "복사한 y에서 각 행 n의 [n, t[n]] 자리에서 1을 빼세요(dx = self.y.copy(); "
         "dx[np.arange(N), self.t] -= 1). 또는 먼저 t를 원-핫 행 np.eye(C)[t]로 바꾸세요"))
_SECOND_CALL_HINTS = (
    Text("backward may be called twice after one forward (a gradient check does): does your first "
         "call change self.y?",
         "forward 한 번 뒤에 backward가 두 번 호출될 수도 있습니다(기울기 확인이 그렇게 합니다). "
         "첫 호출이 self.y를 바꾸지 않나요?"),
    Text("dx = self.y names the same array as self.y, so dx[...] -= 1 writes into self.y; start "
         "from dx = self.y.copy(), or from self.y - t, which builds a new array",
         "dx = self.y는 self.y와 같은 배열을 가리키므로, dx[...] -= 1은 self.y에 값을 씁니다. "
         "dx = self.y.copy()나 새 배열을 만드는 self.y - t에서 시작하세요"))


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
                       f"형상 {np.shape(loss)}의 {type(loss).__name__}"), hint=_MEAN_HINTS)
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
    _kept(x, x_before, tr(f"x (in {where})", f"{where}에서 x"))
    _kept(t, t_before, tr(f"t (in {where})", f"{where}에서 t"))
    return layer, loss


def _times(Layer, n: int, indices: bool, what: str) -> bool:
    """Is the learner's loss (what = "loss") or dx ("dx") n times the right one at a batch of
    n, with labels in the same form? n = 2 is the notebook's example. A factor of the batch size
    is named only when it holds at two batch sizes: at one, another mistake may give it."""
    if n == 2:
        x, t_idx, t = _X_EXAMPLE, np.array([0, 1]), _T_ONE_HOT
    else:
        x, t_idx, t = _batch(n, 10, 40 + n)
    try:
        layer, loss = _forward(Layer, x.copy(), (t_idx if indices else t).copy(), "forward(x, t)")
        if what == "loss":
            return bool(np.isclose(loss, n * _mean_loss(x, t_idx), rtol=1e-4))
        dx = _backward(layer, "backward()")
        want = (softmax(x) - np.eye(x.shape[1])[t_idx]) / n
        return np.shape(dx) == want.shape and bool(np.allclose(dx, n * want))
    except (Wrong, NotImplementedError):
        return False


def _loss_right(loss: float, x, t_idx, where: str, Layer, indices: bool = False) -> None:
    want = _mean_loss(x, t_idx)
    if not np.isfinite(loss):
        raise Wrong(tr(f"{where} gave {loss}: exp of large scores overflows to inf, and inf / inf is "
                       f"nan; expected {want:.6g}",
                       f"{where}: 나온 값이 {loss}입니다. 점수가 크면 exp가 inf로 오버플로하고, "
                       f"inf / inf는 nan입니다. {want:.6g}이어야 합니다"), hint=_OVERFLOW_HINTS)
    n = len(x)
    if n > 1 and np.isclose(loss, n * want, rtol=1e-4) and _times(Layer, 5, indices, "loss"):
        raise Wrong(tr(f"{where}: expected {want:.6g}, got {loss:.6g}, which is {n} times too large "
                       "(and 5 times, for a batch of 5): the loss of a batch is the mean over its "
                       "samples, not their sum",
                       f"{where}: {want:.6g}이어야 하는데, 나온 값은 {n}배 큰 {loss:.6g}입니다(샘플 "
                       "5개인 배치에서는 5배). 배치의 손실은 샘플 손실의 합이 아니라 평균입니다"),
                    hint=_MEAN_HINTS)
    if not np.isclose(loss, want, rtol=1e-4, atol=1e-6):  # room for the book's 1e-7 inside the log
        raise Wrong(tr(f"{where}: expected {want:.6g}, got {loss:.6g}",
                       f"{where}: {want:.6g}이어야 하는데, 나온 값은 {loss:.6g}입니다"))


def _backward(layer, where: str, *dout):
    with warnings.catch_warnings(), np.errstate(all="ignore"):
        warnings.simplefilter("ignore")
        dx = _run(where, layer.backward, *dout)
    if isinstance(dx, tuple):
        raise FormatSlip(tr(f"{where} returned a tuple: return dx alone",
                            f"{where}: 튜플을 반환했습니다. dx만 반환하세요"))
    return dx


def _unscaled(Layer, dx, want, where: str, indices: bool = False) -> None:
    """dx is N times the right one here and at a batch of another size: y - t not divided by N."""
    n = len(want)
    other = 7 if n != 7 else 2
    if n > 1 and np.shape(dx) == want.shape and np.allclose(dx, n * want) and \
            _times(Layer, other, indices, "dx"):
        raise Wrong(tr(f"{where}: expected {show(want)}, got {show(dx)}, {n} times as much (and "
                       f"{other} times, for a batch of {other}): y - t without the division by "
                       "the batch size N",
                       f"{where}: {show(want)}이어야 하는데, 나온 값은 그 {n}배인 {show(dx)}입니다"
                       f"(샘플 {other}개인 배치에서는 {other}배). y - t를 배치 크기 N으로 나누지 "
                       "않은 값입니다"), hint=_BY_N_HINTS)


def _gradient_right(Layer, x, t, t_idx, where: str) -> None:
    """backward() after forward(x, t): the numerical gradient of the mean loss, and the /N."""
    layer, _ = _forward(Layer, x, t, tr(f"forward(x, t) for {where}", f"{where}일 때 forward(x, t)"))
    y_before = None if getattr(layer, "y", None) is None else np.array(layer.y, copy=True)
    dx = _backward(layer, tr(f"backward() for {where}", f"{where}일 때 backward()"))
    n = len(x)
    _unscaled(Layer, dx, (softmax(x) - np.eye(x.shape[1])[t_idx]) / n,
              tr(f"backward() for {where}", f"{where}일 때 backward()"), indices=np.ndim(t) == 1)
    numerically(lambda v: _mean_loss(v, t_idx), x, dx,
                tr(f"backward() for {where}", f"{where}일 때 backward()"))
    again = _backward(layer, tr(f"backward() called a second time for {where}",
                                f"{where}일 때 두 번째로 호출한 backward()"))
    if not np.allclose(again, dx):
        raise Wrong(tr(f"backward() for {where} gave another result when called a second time: the "
                       "first call changed what forward kept (self.y or self.t)",
                       f"{where}일 때 backward()를 한 번 더 호출하자 결과가 달라졌습니다. 첫 호출이 "
                       "forward가 보관한 값(self.y 또는 self.t)을 바꾼 것입니다"),
                    hint=_SECOND_CALL_HINTS)
    if y_before is not None:
        with mistake(_SECOND_CALL_HINTS):
            unchanged(layer.y, y_before, tr(f"self.y (in backward() for {where})",
                                            f"{where}일 때 backward()에서 self.y"))


@exercise("softmax_with_loss", parts=("forward", "backward"), hints=_SWL_HINTS)
def check_softmax_with_loss(Layer, part) -> None:
    """SoftmaxWithLoss(): forward(x (N, C), t) -> mean loss; backward(dout=1) -> dout (y - t) / N.

    t is one-hot (N, C), as in the book's 5.6.3, or class indices (N,): both are checked.
    """
    Layer = a_class(Layer, "SoftmaxWithLoss")
    indices = np.array([0, 1])  # the example's labels as class indices
    with part("forward"):
        where = tr("forward(x, t) on the notebook's example (2 samples, one-hot t)",
                   "노트북 예제(샘플 2개, 원-핫 t)로 실행한 forward(x, t)")
        layer, loss = _forward(Layer, _X_EXAMPLE.copy(), _T_ONE_HOT.copy(), where)
        _loss_right(loss, _X_EXAMPLE, indices, where, Layer)
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
            _loss_right(_forward(Layer, x, t, where)[1], x, t_idx, where, Layer)
            where = tr(f"forward(x + 1000, t) for a batch of {n}, {c} classes",
                       f"샘플 {n}개, 클래스 {c}개일 때 forward(x + 1000, t)")
            _loss_right(_forward(Layer, x + 1000, t, where)[1], x + 1000, t_idx, where, Layer)
        with mistake(_INDEX_HINTS):
            where = tr("forward(x, t) on the notebook's example with t = [0, 1] (class indices)",
                       "t = [0, 1](클래스 번호)인 노트북 예제로 실행한 forward(x, t)")
            _loss_right(_forward(Layer, _X_EXAMPLE.copy(), indices.copy(), where)[1], _X_EXAMPLE,
                        indices, where, Layer, indices=True)
            x, t_idx, _ = _batch(7, 10, 5)
            where = tr(f"forward(x, t) for a batch of 7, 10 classes, t = {show(t_idx)} (class "
                       "indices)",
                       f"샘플 7개, 클래스 10개, t = {show(t_idx)}(클래스 번호)일 때 forward(x, t)")
            _loss_right(_forward(Layer, x, t_idx.copy(), where)[1], x, t_idx, where, Layer,
                        indices=True)

    with part("backward"):
        where = tr("backward() after forward on the notebook's example",
                   "노트북 예제로 forward를 실행한 뒤의 backward()")
        layer, _ = _forward(Layer, _X_EXAMPLE.copy(), _T_ONE_HOT.copy(), "forward(x, t)")
        want = (softmax(_X_EXAMPLE) - _T_ONE_HOT) / 2
        dx = _backward(layer, where)
        _unscaled(Layer, dx, want, where)
        close(dx, want, where)
        half = _backward(layer, "backward(0.5)", 0.5)
        if np.shape(half) == want.shape and np.allclose(half, want):
            raise Wrong(tr("backward(0.5) gave the same as backward(): the dout passed in changes "
                           "nothing. Half the loss has half the gradient, by the chain rule",
                           "backward(0.5)가 backward()와 같은 값을 돌려주었습니다. 넘겨준 dout이 "
                           "아무것도 바꾸지 않습니다. 연쇄법칙에 따라 손실이 절반이면 기울기도 "
                           "절반입니다"), hint=_DOUT_HINTS)
        close(half, 0.5 * want, tr("backward(0.5) after forward on the notebook's example",
                                   "노트북 예제로 forward를 실행한 뒤의 backward(0.5)"))
        for n, c, seed in ((1, 3, 3), (7, 10, 4)):
            x, t_idx, t = _batch(n, c, seed)
            _gradient_right(Layer, x, t, t_idx, tr(f"a batch of {n}, {c} classes, one-hot t",
                                                   f"샘플 {n}개, 클래스 {c}개, 원-핫 t"))
        with mistake(_INDEX_HINTS):
            layer, _ = _forward(Layer, _X_EXAMPLE.copy(), indices.copy(), "forward(x, t = [0, 1])")
            where = tr("backward() after forward with t = [0, 1] (class indices)",
                       "t = [0, 1](클래스 번호)로 forward를 실행한 뒤의 backward()")
            dx = _backward(layer, where)
            _unscaled(Layer, dx, want, where, indices=True)
            close(dx, want, where)
            for n, c, seed in ((1, 3, 6), (7, 10, 7)):
                x, t_idx, _ = _batch(n, c, seed)
                _gradient_right(Layer, x, t_idx.copy(), t_idx,
                                tr(f"a batch of {n}, {c} classes, t = {show(t_idx)} (class indices)",
                                   f"샘플 {n}개, 클래스 {c}개, t = {show(t_idx)}(클래스 번호)"))


# ---------------------------------------------------------------- softmax_uniform_loss

def _uniform_answer(c: int, what: Text, hints: tuple) -> Answer:
    probability = Text("That is each class's probability; the loss is -log of the true class's "
                       "probability.",
                       "그것은 각 클래스의 확률입니다. 손실은 정답 클래스 확률의 -log입니다.")
    mistakes = {1 / c: probability, round(1 / c, 2): probability,
                float(np.log10(c)): Text("That is a logarithm to base 10; the loss uses the natural "
                                         "logarithm (np.log).",
                                         "그것은 밑이 10인 로그입니다. 손실에는 자연로그(np.log)를 "
                                         "씁니다."),
                float(np.log2(c)): Text("That is a logarithm to base 2; the loss uses the natural "
                                        "logarithm (np.log).",
                                        "그것은 밑이 2인 로그입니다. 손실에는 자연로그(np.log)를 "
                                        "씁니다."),
                0.0: Text("A loss of 0 means the true class got probability 1; with equal scores "
                          "no class is favoured.",
                          "손실 0은 정답 클래스의 확률이 1이라는 뜻입니다. 점수가 모두 같으면 어느 "
                          "클래스도 더 높지 않습니다.")}
    return Answer(what, round(float(np.log(c)), 4), rtol=5e-3, mistakes=mistakes,  # log C
                  nudge=Text(f"With {c} equal scores, what probability does the true class get, and "
                             "what is -log of it?",
                             f"점수 {c}개가 모두 같을 때 정답 클래스의 확률은 얼마이고, 그 -log는 "
                             "얼마일까요?"),
                  hints=hints)


_UNIFORM_ANSWERS = {
    "loss_3_classes": _uniform_answer(3, Text("the loss when all 3 scores are equal",
                                              "점수 3개가 모두 같을 때의 손실"), (
        Text("equal scores give equal probabilities; what is each of them with 3 classes?",
             "점수가 모두 같으면 확률도 모두 같습니다. 클래스가 3개일 때 각 확률은 얼마일까요?"),
        Text("each class gets 1/C, so the loss is -log(1/C) = log C, whichever class is the true "
             "one; here C = 3, and log is the natural logarithm (np.log)",
             "클래스마다 확률이 1/C이므로, 어느 클래스가 정답이든 손실은 -log(1/C) = log C입니다. "
             "여기서 C = 3이고, log는 자연로그(np.log)입니다"))),
    "loss_10_classes": _uniform_answer(10, Text("the loss when all 10 scores are equal",
                                                "점수 10개가 모두 같을 때의 손실"), (
        Text("equal scores give equal probabilities; what is each of them with 10 classes?",
             "점수가 모두 같으면 확률도 모두 같습니다. 클래스가 10개일 때 각 확률은 얼마일까요?"),
        Text("each class gets 1/C, so the loss is -log(1/C) = log C, whichever class is the true "
             "one; here C = 10, and log is the natural logarithm (np.log)",
             "클래스마다 확률이 1/C이므로, 어느 클래스가 정답이든 손실은 -log(1/C) = log C입니다. "
             "여기서 C = 10이고, log는 자연로그(np.log)입니다"))),
}

prediction("softmax_uniform_loss", _UNIFORM_ANSWERS, form="tuple", hints=(
    Text("equal scores give equal probabilities; what is each of them with C classes?",
         "점수가 모두 같으면 확률도 모두 같습니다. 클래스가 C개일 때 각 확률은 얼마일까요?"),
    Text("each class gets 1/C, so the loss is -log(1/C) = log C, whichever class is the true one",
         "클래스마다 확률이 1/C이므로, 어느 클래스가 정답이든 손실은 -log(1/C) = log C입니다")))
