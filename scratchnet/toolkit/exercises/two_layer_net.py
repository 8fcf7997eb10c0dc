"""Checks for the exercises of notebook 05 (TwoLayerNet and its gradient check, book 5.7).

backward_pass               TwoLayerNet's gradient(self, x, t) (5.7.2): the backward pass over
                            self.lastLayer and the OrderedDict self.layers, returning the grads
gradcheck_loss_evaluations  predict how many numbers 784-50-10 holds, and how many losses its
                            numerical gradient computes (5.7.3)
gradcheck_relu_kink         predict which parameters fail a check at ReLU's kink, and by how much

The backward_pass check runs the learner's function on small random networks of sizes the
notebook never uses, watches every layer's backward (which ran, in which order, with which
dout), compares the gradients with numerical ones (the series' rule, notebook 05) and looks at
the parameters and inputs afterwards. Each kind of mistake (the layers in forward order, a
layer skipped or run twice, lastLayer skipped, dout not passed on, the parameters updated or
rebound) brings its own hints; the two predictions go through the one checker, predict.py.
"""

from __future__ import annotations

import inspect
from collections.abc import Mapping

import numpy as np

from ...two_layer_net import TwoLayerNet
from ...language import Text, tr
from . import FormatSlip, Wrong, exercise
from ._assert import a_function, numerically, show, unchanged
from .predict import Answer, prediction

# ---------------------------------------------------------------- backward_pass

PARAMS = ("W1", "b1", "W2", "b2")
HOLDER = {"W1": "Affine1", "b1": "Affine1", "W2": "Affine2", "b2": "Affine2"}
LAST = "lastLayer"
# (input, hidden, output, batch): small nets, none of them the notebook's; hidden == output in
# the second, where Affine1 would take lastLayer's dout without a shape error
SIZES = [(5, 3, 4, 2), (4, 6, 6, 3), (7, 2, 3, 5)]

BACKWARD_HINTS = (
    Text("the backward pass runs from the loss to the input: first self.lastLayer's backward, "
         "with dout = 1; then the layers of self.layers from the last to the first, each "
         "backward's result being the next one's dout",
         "역전파는 손실에서 입력 쪽으로 진행합니다. 먼저 self.lastLayer의 backward를 dout = 1로 "
         "호출하고, 그다음 self.layers의 계층을 마지막 것부터 첫 번째 것까지 거치며 각 "
         "backward의 결과를 다음 backward의 dout으로 넘깁니다"),
    Text("keep one variable dout: dout = self.lastLayer.backward(1), then for each layer of "
         "reversed(self.layers.values()), dout = layer.backward(dout)",
         "변수 dout 하나를 씁니다. dout = self.lastLayer.backward(1)로 시작해서 "
         "reversed(self.layers.values())의 계층마다 dout = layer.backward(dout)을 실행합니다"))
FORWARD_ORDER = (
    Text("self.layers keeps the forward order, Affine1, Relu1, Affine2; the backward pass needs "
         "the other end first. How do you walk an OrderedDict backwards?",
         "self.layers는 순전파 순서인 Affine1, Relu1, Affine2를 기억합니다. 역전파는 반대쪽 "
         "끝부터 거쳐야 합니다. OrderedDict를 거꾸로 도는 방법은 무엇일까요?"),
    Text("loop over reversed(self.layers.values()), or, as the book does, layers = "
         "list(self.layers.values()); layers.reverse(); then for layer in layers: dout = "
         "layer.backward(dout)",
         "reversed(self.layers.values())로 돌거나, 책처럼 layers = list(self.layers.values()); "
         "layers.reverse()로 뒤집은 뒤 for layer in layers: dout = layer.backward(dout)로 "
         "돕니다"))
EVERY_LAYER_ONCE = (
    Text("one backward pass calls the backward of every layer of self.layers once, none skipped "
         "and none repeated: does your loop go over all of them, and nothing more?",
         "역전파 한 번은 self.layers의 모든 계층의 backward를 건너뛰거나 되풀이하지 않고 한 "
         "번씩 호출합니다. 여러분의 반복문이 모든 계층을 정확히 한 번씩 거치나요?"),
    Text("write no backward call by hand beside the loop: dout = self.lastLayer.backward(1), then "
         "for layer in reversed(self.layers.values()): dout = layer.backward(dout). That loop "
         "visits Affine2, Relu1 and Affine1, once each",
         "반복문 밖에서 backward를 따로 호출하지 마세요. dout = self.lastLayer.backward(1) 다음에 "
         "for layer in reversed(self.layers.values()): dout = layer.backward(dout)이면 "
         "Affine2, Relu1, Affine1을 한 번씩 거칩니다"))
START_AT_LOSS = (
    Text("the backward pass starts where the forward pass ended, at the loss. Which layer "
         "computes the loss, and what is dL/dL?",
         "역전파는 순전파가 끝난 곳, 즉 손실에서 시작합니다. 손실을 계산하는 계층은 어느 "
         "것이고, dL/dL은 얼마일까요?"),
    Text("start with dout = self.lastLayer.backward(1): Softmax-with-Loss turns dL/dL = 1 into "
         "dL/d(scores), the dout of Affine2. self.layers does not hold lastLayer, so this line "
         "comes before the loop over self.layers",
         "dout = self.lastLayer.backward(1)로 시작합니다. Softmax-with-Loss가 dL/dL = 1을 "
         "dL/d(점수)로 바꾸고, 이것이 Affine2의 dout입니다. self.layers에는 lastLayer가 없으므로 "
         "이 줄은 self.layers를 도는 반복문 앞에 옵니다"))
THREAD_DOUT = (
    Text("a layer's backward returns the gradient of its input, which is the upstream gradient "
         "of the layer before it: where does your code keep what each backward returns?",
         "계층의 backward는 입력에 대한 기울기를 돌려주고, 이것이 그 앞 계층의 상류 기울기입니다. "
         "여러분의 코드는 각 backward가 돌려준 값을 어디에 간직하나요?"),
    Text("assign the result back each time: dout = layer.backward(dout). A bare "
         "layer.backward(dout) throws the result away and gives every layer the same first dout",
         "매번 결과를 다시 대입하세요: dout = layer.backward(dout). layer.backward(dout)만 "
         "쓰면 결과를 버리게 되어 모든 계층이 처음의 dout을 그대로 받습니다"))
PARAMS_UPDATED = (
    Text("gradient computes the gradients and returns them; it does not apply them. Look for a "
         "line that writes into self.params or into a layer's W or b (-=, +=, [...] =)",
         "gradient는 기울기를 계산해서 돌려줄 뿐, 매개변수에 적용하지 않습니다. self.params나 "
         "계층의 W, b에 값을 쓰는 줄(-=, +=, [...] =)을 찾아보세요"),
    Text("remove every update from gradient: the training loop of notebook 06 does params[key] "
         "-= lr * grads[key] with the dict gradient returns",
         "gradient에서 매개변수 갱신을 모두 지우세요. 노트북 06의 학습 루프가 gradient가 돌려준 "
         "딕셔너리로 params[key] -= lr * grads[key]를 실행합니다"))
PARAMS_REBOUND = (
    Text("gradient returns a new dict; self.params stays the dict of the arrays the layers hold. "
         "Which line assigns to self.params or to self.params[...]?",
         "gradient는 새 딕셔너리를 돌려줍니다. self.params는 계층이 가진 배열들의 딕셔너리로 "
         "그대로 두어야 합니다. self.params나 self.params[...]에 대입하는 줄은 어디인가요?"),
    Text("put the gradients in a dict of your own, grads = {}; grads['W1'] = "
         "self.layers['Affine1'].dW and so on, and return grads. Assigning to self.params[key] "
         "detaches that parameter from its layer: training would no longer move the layer's "
         "weights",
         "기울기는 새 딕셔너리 grads = {}에 grads['W1'] = self.layers['Affine1'].dW처럼 "
         "담아서 돌려주세요. self.params[key]에 대입하면 그 매개변수가 계층과 분리되어, "
         "학습이 계층의 가중치를 더는 움직이지 못합니다"))
GRADS_HINTS = (
    Text("after the loop, the two Affine layers hold the gradients of their parameters, dW and "
         "db (notebook 04): Affine1 those of W1 and b1, Affine2 those of W2 and b2. Return them "
         "in a dict keyed like self.params",
         "반복문이 끝나면 두 Affine 계층이 자기 매개변수의 기울기 dW와 db를 가지고 있습니다"
         "(노트북 04). Affine1은 W1과 b1의 것을, Affine2는 W2와 b2의 것을 가집니다. 이것들을 "
         "self.params와 같은 키의 딕셔너리에 담아 돌려주세요"),
    Text("a1, a2 = self.layers['Affine1'], self.layers['Affine2'], then return {'W1': a1.dW, "
         "'b1': a1.db, 'W2': a2.dW, 'b2': a2.db}. The last dout is None (Affine1 is an "
         "InputAffine, which computes no gradient for the input images): it is not what "
         "gradient returns",
         "a1, a2 = self.layers['Affine1'], self.layers['Affine2']로 두고 {'W1': a1.dW, "
         "'b1': a1.db, 'W2': a2.dW, 'b2': a2.db}를 돌려줍니다. 마지막 dout은 None입니다(Affine1은 "
         "입력 이미지의 기울기를 계산하지 않는 InputAffine입니다). gradient가 돌려줄 값이 "
         "아닙니다"))


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
    in reverse order, each once, each given what the previous backward returned. When the last
    backward has run, `settled()` is called once and its answer kept in `at_end` (what the
    parameters and inputs looked like then: None if left alone, else the Wrong to raise)."""

    def __init__(self, net, settled):
        self.layers = [(LAST, net.lastLayer)] + list(reversed(net.layers.items()))
        self.order = [name for name, _ in self.layers]
        self.forward = list(net.layers)  # Affine1, Relu1, Affine2
        self.calls, self.returned = [], []
        self.settled, self.at_end = settled, None
        for name, layer in self.layers:
            layer.backward = self._spy(name, layer.backward)

    def _out_of_order(self, name):
        """The Wrong for a backward call that is not the one expected next."""
        k = len(self.calls)
        walked = self.calls[1:] + [name]
        pair = FORWARD_ORDER if walked == self.forward[:len(walked)] else EVERY_LAYER_ONCE
        return Wrong(tr(f"After {self.calls[-1]}.backward came {name}.backward, expected "
                        f"{self.order[k]}.backward: the backward pass visits every layer once, "
                        f"in reverse order, {', '.join(self.order)}",
                        f"{self.calls[-1]}.backward 다음에 {name}.backward가 호출되었습니다. "
                        f"{self.order[k]}.backward여야 합니다. 역전파는 모든 계층을 한 번씩, "
                        f"역순으로 {', '.join(self.order)} 순서로 거칩니다"), hint=pair)

    def _spy(self, name, real):
        def backward(dout=1):
            k = len(self.calls)
            if name in self.calls:
                raise Wrong(tr(f"{name}.backward ran a second time: in one backward pass each "
                               f"layer's backward runs once, in the order {', '.join(self.order)}",
                               f"{name}.backward가 두 번 실행되었습니다. 역전파 한 번에서 각 계층의 "
                               f"backward는 {', '.join(self.order)} 순서로 한 번씩만 실행됩니다"),
                            hint=EVERY_LAYER_ONCE)
            if k == 0 and name != LAST:
                raise Wrong(tr(f"The first backward call was {name}.backward: the backward pass "
                               f"starts at the loss, with dout = 1 at self.lastLayer",
                               f"처음 호출된 backward가 {name}.backward입니다. 역전파는 손실에서, "
                               f"즉 self.lastLayer에 dout = 1을 넘기는 것으로 시작합니다"),
                            hint=START_AT_LOSS)
            if k > 0 and name != self.order[k]:
                raise self._out_of_order(name)
            if k == 0 and not (np.ndim(dout) == 0 and dout == 1):
                raise Wrong(tr(f"{LAST}.backward was given dout = {show(dout)}: the backward pass "
                               "starts from dL/dL = 1",
                               f"{LAST}.backward에 넘긴 dout이 {show(dout)}입니다. 역전파는 "
                               "dL/dL = 1에서 시작합니다"), hint=START_AT_LOSS)
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
                               "backward의 dout입니다"), hint=THREAD_DOUT)
            self.calls.append(name)
            out = real(dout)
            self.returned.append(out)
            if self.complete():
                self.at_end = self.settled()
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


def _left_alone(net, params, arrays, before, x, x_before, t, t_before) -> None:
    """Raise Wrong unless net.params is still the dict `params` of the arrays `arrays` the
    layers hold, with the values `before`, and x and t are as they were."""
    if net.params is not params or set(net.params) != set(PARAMS):
        raise Wrong(tr("self.params was replaced by your code: gradient returns the gradients in a "
                       "dict of its own and leaves self.params as it was",
                       "여러분의 코드가 self.params를 다른 것으로 바꾸었습니다. gradient는 기울기를 "
                       "새 딕셔너리에 담아 돌려주고 self.params는 그대로 둡니다"),
                    hint=PARAMS_REBOUND)
    for key in PARAMS:
        if net.params[key] is not arrays[key]:
            raise Wrong(tr(f"self.params['{key}'] is no longer the array {HOLDER[key]} holds: "
                           f"your code assigned to it. gradient returns the gradients in a dict "
                           "of its own and leaves self.params as it was",
                           f"self.params['{key}']가 더는 {HOLDER[key]}가 가진 배열이 아닙니다. "
                           "여러분의 코드가 여기에 대입했습니다. gradient는 기울기를 새 "
                           "딕셔너리에 담아 돌려주고 self.params는 그대로 둡니다"),
                        hint=PARAMS_REBOUND)
    for key in PARAMS:
        if not np.array_equal(net.params[key], before[key]):
            raise Wrong(tr(f"self.params['{key}'] was changed by your code: gradient "
                           "only computes the gradients and leaves the parameters as they "
                           "were (updating them is the training loop's job, notebook 06)",
                           f"여러분의 코드가 self.params['{key}']를 바꾸었습니다. "
                           "gradient는 기울기만 계산하고 매개변수는 그대로 두어야 합니다"
                           "(매개변수 갱신은 학습 루프가 할 일입니다. 노트북 06)"),
                        hint=PARAMS_UPDATED)
    unchanged(x, x_before, "x")
    unchanged(t, t_before, "t")


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


def _takes_self_x_t(gradient, net, x, t) -> None:
    """FormatSlip unless `gradient` is a function that can be called as gradient(self, x, t)."""
    a_function(gradient, "backward_pass", "gradient")
    try:
        inspect.signature(gradient).bind(net, x, t)
    except TypeError:
        raise FormatSlip(tr("gradient takes three arguments, as the method does: "
                            "def gradient(self, x, t)",
                            "gradient는 메서드처럼 인수 세 개를 받습니다: def gradient(self, x, t)")
                         ) from None
    except ValueError:  # no signature to read (a builtin): let the call tell
        pass


@exercise("backward_pass", parts=("backward", "grads"),
          hints={"backward": BACKWARD_HINTS, "grads": GRADS_HINTS})
def check_backward_pass(gradient, part) -> None:
    """gradient(self, x, t) -> {"W1": dW1, "b1": db1, "W2": dW2, "b2": db2}, self a TwoLayerNet."""
    rng = np.random.default_rng(57)
    runs = []
    with part("backward"):
        for sizes in SIZES:
            net, x, t = _net(sizes, rng)
            _takes_self_x_t(gradient, net, x, t)
            net.gradient = _no_gradient  # this instance only: the class keeps its own
            params, arrays = net.params, dict(net.params)
            before = {key: p.copy() for key, p in net.params.items()}
            x_before, t_before = x.copy(), t.copy()

            def settled(net=net, params=params, arrays=arrays, before=before, x=x,
                        x_before=x_before, t=t, t_before=t_before):
                try:
                    _left_alone(net, params, arrays, before, x, x_before, t, t_before)
                except Wrong as e:
                    return e
                return None
            watch = _Watch(net, settled)
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
                               f"모든 계층의 backward를 호출합니다: {', '.join(watch.order)}"),
                            hint=EVERY_LAYER_ONCE if watch.calls else START_AT_LOSS)
            if watch.at_end is not None:  # the parameters or inputs changed by the backward pass
                raise watch.at_end
            runs.append((sizes, net, x, t, grads, unfinished, settled))
    with part("grads"):
        for sizes, net, x, t, grads, unfinished, settled in runs:
            if unfinished is not None:
                raise unfinished
            changed = settled()  # changed after the backward pass, by the code that follows it
            if changed is not None:
                raise changed
            where = tr(f"on a {sizes[0]}-{sizes[1]}-{sizes[2]} net, batch of {sizes[3]}",
                       f"({sizes[0]}-{sizes[1]}-{sizes[2]} 신경망, 배치 크기 {sizes[3]})")
            if grads is None:
                raise Wrong(tr("gradient returned None: return the dict of the gradients, keyed "
                               f"like self.params ({', '.join(PARAMS)}). The loop's last dout is "
                               "None too: Affine1 is an InputAffine, whose backward stores dW and "
                               "db and returns no gradient for the input images",
                               "gradient가 None을 돌려주었습니다. 기울기들을 self.params와 같은 "
                               f"키({', '.join(PARAMS)})의 딕셔너리에 담아 돌려주세요. 반복문의 "
                               "마지막 dout도 None입니다. Affine1은 InputAffine이어서 backward가 "
                               "dW와 db만 저장하고 입력 이미지의 기울기는 돌려주지 않습니다"))
            if not isinstance(grads, Mapping):
                raise FormatSlip(tr(f"gradient returned {type(grads).__name__} {_brief(grads)}: "
                                    f"return a dict of the gradients, keyed like self.params "
                                    f"({', '.join(PARAMS)})",
                                    f"gradient가 돌려준 값이 {type(grads).__name__} "
                                    f"{_brief(grads)}입니다. 기울기들을 self.params와 같은 "
                                    f"키({', '.join(PARAMS)})의 딕셔너리에 담아 돌려주세요"))
            if set(grads) != set(PARAMS):
                raise FormatSlip(tr(f"gradient returned a dict with keys {sorted(grads)}: give it "
                                    f"the keys of self.params, {', '.join(PARAMS)}",
                                    f"gradient가 돌려준 딕셔너리의 키가 {sorted(grads)}입니다. "
                                    f"self.params의 키인 {', '.join(PARAMS)}로 쓰세요"))
            for key in PARAMS:
                if grads[key] is net.params[key]:
                    raise Wrong(tr(f"grads['{key}'] {where}: your value is the parameter {key} "
                                   f"itself, not its gradient. After the backward pass "
                                   f"{HOLDER[key]} holds both: the parameter and, in d{key[0]}, "
                                   "its gradient",
                                   f"grads['{key}'] {where}: 여러분의 값은 기울기가 아니라 "
                                   f"매개변수 {key} 자체입니다. 역전파가 끝나면 {HOLDER[key]}가 "
                                   f"매개변수와 그 기울기(d{key[0]})를 함께 가지고 있습니다"))
                numerically(_loss_of(net, key, x, t), net.params[key], grads[key],
                            f"grads['{key}'] {where}")


# ---------------------------------------------------------------- gradcheck_loss_evaluations

P_784_50_10 = 784 * 50 + 50 + 50 * 10 + 10  # 39,760

COUNT_HINTS = {
    "parameters": (
        Text("count the numbers of each array from its shape: W1 (784, 50), b1 (50,), W2 (50, 10) "
             "and b2 (10,). An array of shape (a, b) holds a × b numbers",
             "배열마다 형상에서 숫자의 개수를 세어 보세요: W1 (784, 50), b1 (50,), W2 (50, 10), "
             "b2 (10,). 형상이 (a, b)인 배열에는 숫자가 a × b개 들어 있습니다"),
        Text("parameters = 784 * 50 + 50 + 50 * 10 + 10: every weight and every bias",
             "parameters = 784 * 50 + 50 + 50 * 10 + 10: 모든 가중치와 모든 편향입니다")),
    "loss_evaluations": (
        Text("numerical_gradient moves one parameter at a time. How many losses does the central "
             "difference (f(x + h) - f(x - h)) / 2h compute for one parameter?",
             "numerical_gradient는 매개변수를 하나씩 차례로 움직입니다. 중앙 차분 "
             "(f(x + h) - f(x - h)) / 2h는 매개변수 하나에 손실을 몇 번 계산할까요?"),
        Text("each parameter costs two loss evaluations, f(x + h) and f(x - h), and "
             "numerical_gradient goes through every number of W1, b1, W2 and b2: multiply the "
             "parameter count by 2. One evaluation runs the 3 images at once",
             "매개변수 하나마다 손실을 두 번, f(x + h)와 f(x - h)를 계산하고, numerical_gradient는 "
             "W1, b1, W2, b2의 숫자를 모두 거칩니다. 매개변수 개수에 2를 곱하세요. 손실 한 번은 "
             "이미지 3장을 한꺼번에 계산합니다"))}

prediction("gradcheck_loss_evaluations", {
    "parameters": Answer(
        Text("the numbers W1, b1, W2 and b2 of 784-50-10 hold together",
             "784-50-10의 W1, b1, W2, b2에 든 숫자의 개수"),
        P_784_50_10, rtol=0.0, atol=0.5,
        mistakes={
            784 * 50: Text("That is W1 alone: b1, W2 and b2 are parameters too.",
                           "W1뿐입니다. b1, W2, b2도 매개변수입니다."),
            784 * 50 + 50 * 10: Text("That counts the weights only: the biases b1 and b2 are "
                                     "parameters too, one number per neuron.",
                                     "가중치만 세었습니다. 편향 b1과 b2도 뉴런마다 숫자 하나씩인 "
                                     "매개변수입니다."),
            784 * 50 + 50 + 50 * 10: Text("One bias is missing: count b2 as well.",
                                          "편향 하나가 빠졌습니다. b2도 세어야 합니다."),
            784 * 50 + 50 * 10 + 10: Text("One bias is missing: count b1 as well.",
                                          "편향 하나가 빠졌습니다. b1도 세어야 합니다."),
            784 + 50 + 10: Text("That counts the neurons, not the weights between them: W1 "
                                "alone joins each of the 784 inputs to each of the 50 hidden "
                                "neurons.",
                                "그 값은 뉴런의 수이지, 뉴런 사이를 잇는 가중치의 수가 아닙니다. "
                                "W1만 해도 입력 784개 각각을 은닉층의 뉴런 50개 각각과 "
                                "잇습니다."),
            784 * 50 * 10: Text("That multiplies the three layer sizes: a weight joins two "
                                "neighbouring layers, so W1 and W2 are counted apart and added.",
                                "세 층의 크기를 모두 곱했습니다. 가중치는 이웃한 두 층을 "
                                "이으므로, W1과 W2를 따로 세어 더해야 합니다.")},
        nudge=Text("Count each array's numbers from its shape and add them up.",
                   "배열마다 형상에서 숫자의 개수를 세어 모두 더해 보세요.")),
    "loss_evaluations": Answer(
        Text("the losses one numerical gradient of all of them computes",
             "이 매개변수 전체의 수치 미분을 한 번 구할 때 계산하는 손실의 횟수"),
        2 * P_784_50_10, rtol=0.0, atol=0.5,
        mistakes={
            P_784_50_10: Text("That is one loss per parameter: the central difference needs two "
                              "for each, f(x + h) and f(x - h).",
                              "매개변수마다 손실을 한 번 센 값입니다. 중앙 차분에는 매개변수마다 "
                              "f(x + h)와 f(x - h), 두 번이 필요합니다."),
            P_784_50_10 + 1: Text("That is the forward difference's count, f(x) once and f(x + h) "
                                  "per parameter; numerical_gradient takes the central "
                                  "difference.",
                                  "전방 차분의 횟수(f(x) 한 번과 매개변수마다 f(x + h))입니다. "
                                  "numerical_gradient는 중앙 차분을 씁니다."),
            2 * (784 * 50 + 50 * 10): Text("That is twice a count without the biases: "
                                           "numerical_gradient moves b1 and b2 by h too.",
                                           "편향을 빼고 센 개수의 두 배입니다. numerical_gradient는 "
                                           "b1과 b2도 h만큼 움직입니다."),
            2 * 784 * 50: Text("That is twice W1 alone: numerical_gradient moves every number of "
                               "W1, b1, W2 and b2.",
                               "W1만 센 개수의 두 배입니다. numerical_gradient는 W1, b1, W2, b2의 "
                               "숫자를 모두 움직입니다."),
            2: Text("That is the count for one parameter: numerical_gradient moves every "
                    "parameter, one at a time.",
                    "매개변수 하나에 대한 횟수입니다. numerical_gradient는 모든 매개변수를 하나씩 "
                    "차례로 움직입니다."),
            2 * 3 * P_784_50_10: Text("That counts a loss per image: one evaluation runs the 3 "
                                      "images through the network at once and returns one "
                                      "number, their mean loss.",
                                      "이미지마다 손실을 센 값입니다. 손실 한 번은 이미지 3장을 "
                                      "한꺼번에 신경망에 통과시켜 평균 손실이라는 숫자 하나를 "
                                      "돌려줍니다.")},
        nudge=Text("How many parameters does numerical_gradient move, and how many losses does "
                   "it compute for each?",
                   "numerical_gradient는 매개변수를 몇 개 움직이고, 하나마다 손실을 몇 번 "
                   "계산할까요?")),
}, hints=COUNT_HINTS)


# ---------------------------------------------------------------- gradcheck_relu_kink

KINK_INPUT, KINK_H = 3e-5, 1e-4  # sample 2's input to unit 0, and float64's h
KINK_RATIO = (KINK_INPUT + KINK_H) / (2 * KINK_H)  # on for 1.3e-4 of the 2e-4 interval

KINK_HINTS = {
    "failing": (
        Text("a parameter's check fails when a step of h in it can carry a ReLU input across 0. "
             "Which parameters come before the ReLU, and which after it?",
             "매개변수를 h만큼 움직였을 때 ReLU 입력이 0을 넘나들 수 있으면 그 매개변수의 "
             "확인은 실패합니다. ReLU 앞에 있는 매개변수와 뒤에 있는 매개변수는 각각 "
             "무엇일까요?"),
        Text("unit 0's input for sample 2 is x @ W1[:, 0] + b1[0]: a step of h in b1[0] moves it "
             "by h, a step in W1[i, 0] by h x_i, more than 3e-5 for pixels brighter than 0.3. "
             "W2 and b2 act after the ReLU and leave its inputs where they were",
             "샘플 2의 뉴런 0 입력은 x @ W1[:, 0] + b1[0]입니다. b1[0]을 h만큼 움직이면 이 "
             "입력이 h만큼, W1[i, 0]을 움직이면 h x_i만큼 움직이고, 0.3보다 밝은 픽셀이면 "
             "3e-5보다 큽니다. W2와 b2는 ReLU 뒤에서 작용하므로 ReLU 입력을 움직이지 "
             "않습니다")),
    "ratio": (
        Text("write the losses at b1[0] + h and at b1[0] - h as the loss at the kink plus slope "
             "times distance on the side where ReLU is on (and nothing on the other side), "
             "then divide their difference by 2h and by g",
             "b1[0] + h와 b1[0] - h에서의 손실을 각각 '꺾이는 점에서의 손실 + (ReLU가 켜진 "
             "쪽이면) 기울기 × 거리'로 나타내고(꺼진 쪽에서는 더하는 것이 없습니다), 두 손실의 "
             "차이를 2h와 g로 나누세요"),
        Text("at b1[0] + h unit 0's input is 3e-5 + 1e-4 (on: the loss moved by g times that "
             "from its value at the kink), at b1[0] - h it is below 0 (off: the loss sits at its "
             "value at the kink); divide the difference by 2h",
             "b1[0] + h에서 뉴런 0의 입력은 3e-5 + 1e-4입니다(켜짐: 손실이 꺾이는 점에서의 "
             "값보다 g × 그 값만큼 움직입니다). b1[0] - h에서는 0보다 작습니다(꺼짐: 손실은 "
             "꺾이는 점에서의 값 그대로입니다). 두 손실의 차이를 2h로 나누세요"))}

prediction("gradcheck_relu_kink", {
    "failing": Answer(
        Text("the parameters whose check will fail", "확인에 실패할 매개변수"),
        ("W1", "b1"), kind="names", choices=("W1", "b1", "W2", "b2"),
        mistakes={
            ("W1", "b1", "W2", "b2"): Text(
                "W2 and b2 come after the ReLU: a step of h in them changes the scores, not "
                "unit 0's input, so their checks never straddle the kink.",
                "W2와 b2는 ReLU 뒤에 있습니다. h만큼 움직여도 점수만 바뀌고 뉴런 0의 입력은 "
                "그대로라서, 이들의 확인은 꺾이는 점을 사이에 두지 않습니다."),
            ("W1", "b1", "W2"): Text(
                "W2 comes after the ReLU: a step of h in it changes the scores, not unit 0's "
                "input, so its check never straddles the kink.",
                "W2는 ReLU 뒤에 있습니다. h만큼 움직여도 점수만 바뀌고 뉴런 0의 입력은 "
                "그대로라서, W2의 확인은 꺾이는 점을 사이에 두지 않습니다."),
            ("W1", "b1", "b2"): Text(
                "b2 comes after the ReLU: a step of h in it changes the scores, not unit 0's "
                "input, so its check never straddles the kink.",
                "b2는 ReLU 뒤에 있습니다. h만큼 움직여도 점수만 바뀌고 뉴런 0의 입력은 "
                "그대로라서, b2의 확인은 꺾이는 점을 사이에 두지 않습니다."),
            ("W2", "b2"): Text(
                "W2 and b2 come after the ReLU: a step of h in them leaves unit 0's input where "
                "it was. Which parameters feed that input?",
                "W2와 b2는 ReLU 뒤에 있어서, h만큼 움직여도 뉴런 0의 입력은 그대로입니다. 그 "
                "입력을 만드는 매개변수는 무엇일까요?"),
            ("b1",): Text("A step of h in b1[0] does carry unit 0's input across 0. Is b1 the "
                          "only parameter that moves that input?",
                          "b1[0]을 h만큼 움직이면 뉴런 0의 입력이 실제로 0을 넘나듭니다. 그 "
                          "입력을 움직이는 매개변수가 b1뿐일까요?"),
            ("W1",): Text("A step of h in W1[i, 0] does carry unit 0's input across 0 for a "
                          "bright pixel i. Is W1 the only parameter that moves that input?",
                          "밝은 픽셀 i에서 W1[i, 0]을 h만큼 움직이면 뉴런 0의 입력이 실제로 0을 "
                          "넘나듭니다. 그 입력을 움직이는 매개변수가 W1뿐일까요?"),
            (): Text("Sample 2's input to unit 0 lies within h of the kink: some parameter's "
                     "step carries it across 0, and that parameter's check fails.",
                     "샘플 2의 뉴런 0 입력은 꺾이는 점에서 h 안쪽에 있습니다. 어떤 매개변수를 "
                     "움직이면 이 입력이 0을 넘나들고, 그 매개변수의 확인은 실패합니다.")},
        nudge=Text("Choose among W1, W2, b1 and b2: which of them, stepped by h, move unit 0's "
                   "input across 0?",
                   "W1, W2, b1, b2 가운데서 고르세요. h만큼 움직였을 때 뉴런 0의 입력이 0을 "
                   "넘나드는 것은 어느 것일까요?")),
    "ratio": Answer(
        Text("numerical dL/db1[0] divided by backprop's", "수치 미분 dL/db1[0]을 오차역전파법의 "
             "값으로 나눈 비"),
        round(KINK_RATIO, 2), within=(0.64, 0.66), atol=0.005,
        mistakes={
            0.5: Text("0.5 is half the slope, as if unit 0 were on for exactly half of the "
                      "interval from b1[0] - h to b1[0] + h: that needs the kink in the middle. "
                      "Unit 0's input at b1[0] is 3e-5, not 0: which side holds more of the "
                      "interval?",
                      "0.5는 기울기의 절반으로, b1[0] - h에서 b1[0] + h까지 구간의 정확히 절반에서 "
                      "뉴런 0이 켜져 있을 때의 값입니다. 그러려면 꺾이는 점이 구간 한가운데에 "
                      "있어야 합니다. b1[0]에서 뉴런 0의 입력은 0이 아니라 3e-5입니다. 구간의 더 "
                      "많은 부분이 어느 쪽에 있을까요?"),
            1.0: Text("1 is what you get when both ends of the interval lie on the same side of "
                      "the kink, where backprop and the central difference agree. At b1[0] - h "
                      "unit 0's input is below 0.",
                      "1은 구간의 양 끝이 꺾이는 점의 같은 쪽에 있어서 오차역전파법과 중앙 "
                      "차분이 일치할 때의 값입니다. b1[0] - h에서 뉴런 0의 입력은 0보다 "
                      "작습니다."),
            0.0: Text("0 would mean the same loss at b1[0] + h and b1[0] - h, but at b1[0] + h "
                      "unit 0 is on and the loss has moved.",
                      "0이라면 b1[0] + h와 b1[0] - h에서 손실이 같아야 하는데, b1[0] + h에서는 "
                      "뉴런 0이 켜져 있어서 손실이 움직였습니다."),
            0.35: Text("That is the share of the interval where unit 0 is off, and there the loss "
                       "does not move: the quotient comes from the part where it is on.",
                       "뉴런 0이 꺼져 있는 구간의 비율입니다. 그 구간에서는 손실이 움직이지 "
                       "않습니다. 몫은 뉴런이 켜져 있는 부분에서 나옵니다."),
            1.3: Text("That divides by h; the central difference divides by 2h.",
                      "h로 나누었습니다. 중앙 차분은 2h로 나눕니다."),
            0.3: Text("That is unit 0's input at b1[0] divided by h; the quotient depends on how "
                      "much of the interval of 2h lies on the side where unit 0 is on.",
                      "b1[0]에서의 뉴런 0 입력을 h로 나눈 값입니다. 몫은 길이 2h인 구간 가운데 "
                      "뉴런 0이 켜진 쪽에 있는 부분이 얼마인지에 달려 있습니다."),
            0.15: Text("That counts the on side only from the kink to b1[0]; unit 0 stays on "
                       "from the kink all the way to b1[0] + h.",
                       "켜진 쪽을 꺾이는 점에서 b1[0]까지만 세었습니다. 뉴런 0은 꺾이는 점부터 "
                       "b1[0] + h까지 내내 켜져 있습니다.")},
        nudge=Text("Where inside the interval from b1[0] - h to b1[0] + h does unit 0's input "
                   "cross 0, and over which part of it does the loss change?",
                   "b1[0] - h에서 b1[0] + h까지의 구간 안에서 뉴런 0의 입력은 어디서 0을 "
                   "지나고, 손실은 그 구간의 어느 부분에서 변할까요?")),
}, hints=KINK_HINTS)
