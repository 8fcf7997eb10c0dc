"""Checks for the exercises of notebook 05 (TwoLayerNet and its gradient check, book 5.7).

backward_pass               TwoLayerNet's gradient(self, x, t) (5.7.2): the backward pass over
                            self.lastLayer and the OrderedDict self.layers, returning the grads
gradcheck_loss_evaluations  predict how many numbers 784-50-10 holds, and how many losses its
                            numerical gradient computes (5.7.3)
gradcheck_relu_kink         predict which parameters fail a check at ReLU's kink, and by how much

The backward_pass check runs the learner's function on small random networks of sizes the
notebook never uses, watches every layer's backward (which ran, in which order, with which
dout), compares the gradients with numerical ones (the series' rule, notebook 05) and looks at
the parameters and inputs afterwards.
"""

from __future__ import annotations

from collections.abc import Mapping

import numpy as np

from ...two_layer_net import TwoLayerNet
from ...language import Text, tr
from . import Unfilled, Wrong, exercise
from ._assert import numerically, show, unchanged

# ---------------------------------------------------------------- backward_pass

PARAMS = ("W1", "b1", "W2", "b2")
LAST = "lastLayer"
# (input, hidden, output, batch): small nets, none of them the notebook's; hidden == output in
# the second, where Affine1 would take lastLayer's dout without a shape error
SIZES = [(5, 3, 4, 2), (4, 6, 6, 3), (7, 2, 3, 5)]


def _net(sizes, rng):
    """A float64 TwoLayerNet and a batch (x, t) whose hidden inputs all lie at least 1e-2 from
    ReLU's kink, where a numerical gradient would be unreliable."""
    d, h, m, n = sizes
    while True:
        net = TwoLayerNet(d, h, m, weight_init_std=1.0, rng=rng)
        net.params["b1"][:] = rng.standard_normal(h)  # in place: Affine1 holds this array
        net.params["b2"][:] = rng.standard_normal(m)
        x = rng.standard_normal((n, d))
        labels = rng.integers(0, m, n)
        t = np.eye(m)[labels] if n % 2 else labels  # one-hot for odd batches, indices otherwise
        if np.abs(x @ net.params["W1"] + net.params["b1"]).min() > 1e-2:
            return net, x, t


class _Watch:
    """Replaces each layer's backward on one net by a spy that checks, as the learner's code
    runs, that the backward pass starts at lastLayer with dout = 1 and then visits the layers
    in reverse order, each once, each given what the previous backward returned."""

    def __init__(self, net):
        self.layers = [(LAST, net.lastLayer)] + list(reversed(net.layers.items()))
        self.order = [name for name, _ in self.layers]
        self.calls, self.returned = [], []
        for name, layer in self.layers:
            layer.backward = self._spy(name, layer.backward)

    def _spy(self, name, real):
        def backward(dout=1):
            k = len(self.calls)
            if name in self.calls:
                raise Wrong(tr(f"{name}.backward ran a second time: in one backward pass each "
                               f"layer's backward runs once, in the order {', '.join(self.order)}",
                               f"{name}.backward가 두 번 실행되었습니다. 역전파 한 번에서 각 계층의 "
                               f"backward는 {', '.join(self.order)} 순서로 한 번씩만 실행됩니다"))
            if k == 0 and name != LAST:
                raise Wrong(tr(f"The first backward call was {name}.backward: the backward pass "
                               f"starts at the loss, with dout = 1 at self.lastLayer",
                               f"처음 호출된 backward가 {name}.backward입니다. 역전파는 손실에서, "
                               f"즉 self.lastLayer에 dout = 1을 넘기는 것으로 시작합니다"))
            if k > 0 and name != self.order[k]:
                raise Wrong(tr(f"After {self.calls[-1]}.backward came {name}.backward, expected "
                               f"{self.order[k]}.backward: the backward pass visits the layers in "
                               f"reverse order, {', '.join(self.order)}",
                               f"{self.calls[-1]}.backward 다음에 {name}.backward가 호출되었습니다. "
                               f"{self.order[k]}.backward여야 합니다. 역전파는 계층을 역순으로, "
                               f"{', '.join(self.order)} 순서로 거칩니다"))
            if k == 0 and not (np.ndim(dout) == 0 and dout == 1):
                raise Wrong(tr(f"{LAST}.backward was given dout = {show(dout)}: the backward pass "
                               "starts from dL/dL = 1",
                               f"{LAST}.backward에 dout = {show(dout)}를 넘겼습니다. 역전파는 "
                               "dL/dL = 1에서 시작합니다"))
            previous = self.returned[-1] if self.returned else None
            if k > 0 and not (dout is previous or (np.shape(dout) == np.shape(previous)
                                                   and np.array_equal(dout, previous))):
                shapes = (tr(f" (shape {np.shape(dout)} instead of {np.shape(previous)})",
                             f" (받은 형상 {np.shape(dout)}, 돌려준 형상 {np.shape(previous)})")
                          if np.shape(dout) != np.shape(previous) else "")
                raise Wrong(tr(f"{name}.backward was given a dout that is not what "
                               f"{self.calls[-1]}.backward returned{shapes}: each backward's output "
                               "is the next one's dout",
                               f"{name}.backward가 받은 dout이 {self.calls[-1]}.backward가 "
                               f"돌려준 값이 아닙니다{shapes}. 각 backward의 출력이 다음 "
                               "backward의 dout입니다"))
            self.calls.append(name)
            out = real(dout)
            self.returned.append(out)
            return out
        return backward

    def complete(self) -> bool:
        return self.calls == self.order

    def missing(self) -> str:
        todo = ", ".join(f"{c}.backward" for c in self.order[len(self.calls):])
        if not self.calls:
            return tr(f"no backward ran; {todo} never ran",
                      f"backward가 하나도 실행되지 않았습니다({todo} 모두)")
        ran = ", ".join(f"{c}.backward" for c in self.calls)
        return tr(f"only {ran} ran; {todo} never ran",
                  f"{ran}만 실행되었고 {todo}는 실행되지 않았습니다")


def _loss_of(net, key, x, t):
    """The loss as a function of params[key] alone, for a numerical gradient."""
    param = net.params[key]

    def f(value):
        keep = param.copy()
        param[...] = value  # in place: the layer holds this very array
        try:
            return net.loss(x, t)
        finally:
            param[...] = keep
    return f


def _brief(value) -> str:
    """None or a number as such; anything else by its length."""
    if value is None or isinstance(value, (int, float, np.number)):
        return show(value)
    return tr(f"of length {len(value)}", f"(길이 {len(value)})") if hasattr(value, "__len__") else ""


def _no_gradient(*args, **kwargs):
    raise Wrong(tr("your code called self.gradient, TwoLayerNet's own backward pass: write the "
                   "backward pass yourself, with self.lastLayer and self.layers",
                   "여러분의 코드가 TwoLayerNet 자체의 역전파인 self.gradient를 호출했습니다. "
                   "self.lastLayer와 self.layers로 역전파를 직접 작성하세요"))


@exercise("backward_pass", parts=("backward", "grads"), hints=(
    Text("the backward pass runs from the loss to the input: the first backward is self.lastLayer's, "
    "with dout = 1; then the layers of self.layers from the last to the first (an OrderedDict "
    "keeps their forward order), each backward's result being the next one's dout",
    ko="역전파는 손실에서 입력 쪽으로 진행합니다. 가장 먼저 self.lastLayer의 backward를 "
    "dout = 1로 호출합니다. 그다음 self.layers의 계층을 마지막 것부터 첫 번째 것까지 "
    "거치며(OrderedDict는 순전파 순서를 기억합니다), 각 backward의 결과를 다음 backward의 "
    "dout으로 넘깁니다"),
    Text("keep one variable dout: set it from self.lastLayer.backward(1), then loop over the layers "
    "of self.layers.values() in reversed order, replacing dout by what each backward returns; "
    "after the loop self.layers['Affine1'].dW and .db are the gradients of W1 and b1 "
    "(Affine2: W2, b2): return them in a dict keyed like self.params",
    ko="변수 dout 하나를 씁니다. dout = self.lastLayer.backward(1)로 시작해서 "
    "self.layers.values()의 계층을 reversed() 순서로 돌며, dout을 각 backward가 돌려준 값으로 "
    "바꿉니다. 반복문이 끝나면 self.layers['Affine1'].dW와 .db가 W1과 b1의 기울기입니다"
    "(Affine2는 W2, b2). 이것들을 self.params와 같은 키의 딕셔너리에 담아 돌려주세요")))
def check_backward_pass(gradient, part) -> None:
    """gradient(self, x, t) -> {"W1": dW1, "b1": db1, "W2": dW2, "b2": db2}, self a TwoLayerNet."""
    rng = np.random.default_rng(57)
    runs = []
    with part("backward"):
        for sizes in SIZES:
            net, x, t = _net(sizes, rng)
            net.gradient = _no_gradient  # this instance only: the class keeps its own
            before = {key: p.copy() for key, p in net.params.items()}
            x_before, t_before = x.copy(), t.copy()
            watch = _Watch(net)
            try:
                grads, unfinished = gradient(net, x, t), None
            except NotImplementedError as e:
                if not watch.calls:
                    raise
                grads, unfinished = None, e
            if not watch.complete():
                stopped = (tr(" before your code raised NotImplementedError",
                              ", 여러분의 코드가 NotImplementedError를 일으키기 전까지")
                           if unfinished else "")
                net_name = "-".join(map(str, sizes[:3]))
                raise Wrong(tr(f"On a {net_name} net: {watch.missing()}{stopped}. One backward pass "
                               f"calls every layer's backward: {', '.join(watch.order)}",
                               f"{net_name} 신경망에서{stopped} {watch.missing()}. 역전파 한 번은 "
                               f"모든 계층의 backward를 호출합니다: {', '.join(watch.order)}"))
            for key in PARAMS:
                if not np.array_equal(net.params[key], before[key]):
                    raise Wrong(tr(f"self.params['{key}'] was changed by your code: gradient "
                                   "only computes the gradients and leaves the parameters as they "
                                   "were (updating them is the training loop's job, notebook 06)",
                                   f"여러분의 코드가 self.params['{key}']를 바꾸었습니다. "
                                   "gradient는 기울기만 계산하고 매개변수는 그대로 두어야 합니다"
                                   "(매개변수 갱신은 학습 루프가 할 일입니다. 노트북 06)"))
            unchanged(x, x_before, "x")
            unchanged(t, t_before, "t")
            runs.append((sizes, net, x, t, grads, unfinished))
    with part("grads"):
        for sizes, net, x, t, grads, unfinished in runs:
            if unfinished is not None:
                raise unfinished
            where = tr(f"on a {sizes[0]}-{sizes[1]}-{sizes[2]} net, batch of {sizes[3]}",
                       f"({sizes[0]}-{sizes[1]}-{sizes[2]} 신경망, 배치 크기 {sizes[3]})")
            if not isinstance(grads, Mapping):
                raise Wrong(tr(f"gradient returned {type(grads).__name__} {_brief(grads)}: return "
                               f"a dict of the gradients, keyed like self.params "
                               f"({', '.join(PARAMS)})",
                               f"gradient가 돌려준 값이 {type(grads).__name__} {_brief(grads)}입니다. "
                               f"기울기들을 self.params와 같은 키({', '.join(PARAMS)})의 "
                               "딕셔너리에 담아 돌려주세요"))
            if set(grads) != set(PARAMS):
                raise Wrong(tr(f"gradient returned a dict with keys {sorted(grads)}: expected the "
                               f"keys of self.params, {', '.join(PARAMS)}",
                               f"gradient가 돌려준 딕셔너리의 키가 {sorted(grads)}입니다. "
                               f"self.params의 키인 {', '.join(PARAMS)}여야 합니다"))
            for key in PARAMS:
                numerically(_loss_of(net, key, x, t), net.params[key], grads[key],
                            f"grads['{key}'] {where}")


# ---------------------------------------------------------------- gradcheck_loss_evaluations

def _count(value, what: str) -> int:
    if isinstance(value, bool) or not isinstance(value, (int, float, np.integer, np.floating)):
        raise Wrong(tr(f"{what}: give a number, got {type(value).__name__} {show(value)}",
                       f"{what}: 숫자를 넣으세요. 들어온 값: {type(value).__name__} {show(value)}"))
    return value


@exercise("gradcheck_loss_evaluations", parts=("parameters", "loss_evaluations"), hints=(
    Text("count the numbers in W1 (784, 50), b1 (50,), W2 (50, 10) and b2 (10,); numerical_gradient "
    "computes the loss at x + h and at x - h for each number, one number at a time",
    ko="W1 (784, 50), b1 (50,), W2 (50, 10), b2 (10,)에 든 숫자를 세어 보세요. "
    "numerical_gradient는 숫자를 하나씩 차례로 움직이며, 숫자마다 x + h와 x - h에서 손실을 "
    "계산합니다"),
    Text("parameters = 784 * 50 + 50 + 50 * 10 + 10: every weight and every bias; each of them costs "
    "numerical_gradient two loss evaluations, f(x + h) and f(x - h)",
    ko="parameters = 784 * 50 + 50 + 50 * 10 + 10: 모든 가중치와 모든 편향입니다. "
    "numerical_gradient는 그 하나하나마다 손실을 두 번, f(x + h)와 f(x - h)를 계산합니다")))
def check_gradcheck_loss_evaluations(prediction, part) -> None:
    """prediction: {"parameters": P of 784-50-10, "loss_evaluations": losses computed by its
    numerical gradient}."""
    if not isinstance(prediction, Mapping):
        raise Wrong(tr(f"give a dict with keys 'parameters' and 'loss_evaluations', "
                       f"got {type(prediction).__name__}",
                       f"키가 'parameters'와 'loss_evaluations'인 딕셔너리를 넣으세요. "
                       f"들어온 값: {type(prediction).__name__}"))
    shapes = {"W1": (784, 50), "b1": (50,), "W2": (50, 10), "b2": (10,)}
    P = sum(int(np.prod(s)) for s in shapes.values())  # 39,760
    for key in ("parameters", "loss_evaluations"):
        with part(key):
            (_parameters if key == "parameters" else _loss_evaluations)(prediction.get(key), P)


def _parameters(got, P: int) -> None:
    if got is None:
        raise Unfilled(tr("parameters is still None: count the numbers in W1, b1, W2 and b2",
                          "parameters가 아직 None입니다: W1, b1, W2, b2에 든 숫자를 세어 보세요"))
    got = _count(got, "parameters")
    if got != P:
        why = {784 * 50: tr("784 * 50 is W1 alone", "784 * 50은 W1뿐입니다"),
               784 * 50 + 50 * 10: tr("the biases count too", "편향도 세어야 합니다"),
               784 + 50 + 10: tr("that counts the units, not the weights between them",
                                 "그것은 뉴런의 수이지, 뉴런 사이를 잇는 가중치의 수가 "
                                 "아닙니다")}.get(got, "")
        raise Wrong(tr(f"parameters: expected {P:,} for 784-50-10, got {show(got, 8)}",
                       f"parameters: 784-50-10이면 {P:,}여야 하는데 {show(got, 8)}입니다")
                    + (f" ({why})" if why else ""))


def _loss_evaluations(got, P: int) -> None:
    if got is None:
        raise Unfilled(tr("loss_evaluations is still None: count the losses numerical_gradient "
                          "computes for all the parameters of 784-50-10",
                          "loss_evaluations가 아직 None입니다: numerical_gradient가 784-50-10의 "
                          "모든 매개변수에 대해 손실을 몇 번 계산하는지 세어 보세요"))
    got = _count(got, "loss_evaluations")
    if got != 2 * P:
        why = {P: tr(" (one per parameter is too few: the central difference needs f(x + h) and "
                     "f(x - h))",
                     " (매개변수마다 한 번으로는 모자랍니다: 중앙 차분에는 f(x + h)와 f(x - h)가 "
                     "모두 필요합니다)")}.get(got, "")
        raise Wrong(tr(f"loss_evaluations: expected {2 * P:,} for 784-50-10, got {show(got, 8)}{why}",
                       f"loss_evaluations: 784-50-10이면 {2 * P:,}여야 하는데 "
                       f"{show(got, 8)}입니다{why}"))


# ---------------------------------------------------------------- gradcheck_relu_kink

KINK_INPUT, KINK_H = 3e-5, 1e-4  # sample 2's input to unit 0, and float64's h


@exercise("gradcheck_relu_kink", parts=("failing", "ratio"), hints=(
    Text("a parameter's check fails when stepping it by h moves unit 0's input across 0; for the "
    "ratio, write the loss at b1[0] + h and at b1[0] - h as the loss at the kink plus slope "
    "times distance on the side where ReLU is on",
    ko="매개변수를 h만큼 움직였을 때 유닛 0의 입력이 0을 넘나들면 그 매개변수의 확인은 "
    "실패합니다. ratio는 b1[0] + h와 b1[0] - h에서의 손실을 각각 '꺾이는 점에서의 손실 + "
    "(ReLU가 켜진 쪽이면) 기울기 × 거리'로 나타내어 구하세요"),
    Text("W1 and b1 feed the ReLU inputs, W2 and b2 come after them. At b1[0] + h unit 0's input is "
    "3e-5 + 1e-4 (on: the loss moved by g times that), at b1[0] - h it is below 0 (off: the loss "
    "sits where it was at the kink); divide the difference by 2h",
    ko="W1과 b1은 ReLU 입력을 만들고, W2와 b2는 그 뒤에 있습니다. b1[0] + h에서 유닛 0의 "
    "입력은 3e-5 + 1e-4입니다(켜짐: 손실이 g × 그 값만큼 움직입니다). b1[0] - h에서는 0보다 "
    "작습니다(꺼짐: 손실은 꺾이는 점에서의 값 그대로입니다). 두 손실의 차이를 2h로 "
    "나누세요")))
def check_gradcheck_relu_kink(prediction, part) -> None:
    """prediction: {"failing": names of the params whose check fails, "ratio": numerical dL/db1[0]
    over backprop's}."""
    if not isinstance(prediction, Mapping):
        raise Wrong(tr(f"give a dict with keys 'failing' and 'ratio', got "
                       f"{type(prediction).__name__}",
                       f"키가 'failing'과 'ratio'인 딕셔너리를 넣으세요. 들어온 값: "
                       f"{type(prediction).__name__}"))
    for key in ("failing", "ratio"):
        with part(key):
            (_failing if key == "failing" else _ratio)(prediction.get(key))


def _failing(got) -> None:
    if got is None:
        raise Unfilled(tr("failing is still None: name the parameters whose check will fail, "
                          "e.g. ('W2',)",
                          "failing이 아직 None입니다: 확인에 실패할 매개변수의 이름을 쓰세요. "
                          "예: ('W2',)"))
    if isinstance(got, str):
        names = [got]  # a single name is fine too
    elif isinstance(got, (list, tuple, set, frozenset)):
        names = list(got)
    else:
        raise Wrong(tr(f"failing: give the names as a tuple, list or set, such as ('W2',), "
                       f"got {type(got).__name__} {show(got)}",
                       f"failing: ('W2',)처럼 이름을 튜플, 리스트, 집합 중 하나로 넣으세요. "
                       f"들어온 값: {type(got).__name__} {show(got)}"))
    unknown = [n for n in names if n not in PARAMS]
    if unknown:
        raise Wrong(tr(f"failing: {', '.join(map(repr, unknown))} is not a parameter of "
                       f"TwoLayerNet; choose among {', '.join(PARAMS)}",
                       f"failing: {', '.join(map(repr, unknown))}는 TwoLayerNet의 매개변수가 "
                       f"아닙니다. {', '.join(PARAMS)} 중에서 고르세요"))
    if set(names) != {"W1", "b1"}:
        shown = ", ".join(names) or tr("none", "없음")
        raise Wrong(tr(f"failing: expected W1 and b1, got {shown}: the check fails for the "
                       "parameters whose step of h can move unit 0's input across 0",
                       f"failing: W1과 b1이어야 합니다. 받은 값: {shown}. h만큼 움직였을 때 "
                       "유닛 0의 입력이 0을 넘나들 수 있는 매개변수의 확인이 실패합니다"))


def _ratio(got) -> None:
    if got is None:
        raise Unfilled(tr("ratio is still None: give numerical dL/db1[0] divided by backprop "
                          "dL/db1[0]",
                          "ratio가 아직 None입니다: 수치 미분으로 구한 dL/db1[0]을 오차역전파법으로 "
                          "구한 dL/db1[0]으로 나눈 값을 넣으세요"))
    got = _count(got, "ratio")
    want = (KINK_INPUT + KINK_H) / (2 * KINK_H)  # 0.65: on for 1.3e-4 of the 2e-4 interval
    if abs(got - want) > 0.01:
        raise Wrong(tr(f"ratio: expected {want:.2f}, got {show(got)}",
                       f"ratio: {want:.2f}여야 하는데 {show(got)}입니다"))
