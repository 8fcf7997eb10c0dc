"""Checks for the exercises of notebook 08 (an autograd: chapter 5's layers wired by the program).

autograd_topological_order  topological_order(output): the Functions that made output, each once,
                            each after the Functions that made its inputs
autograd_backward           backward(output): output.grad = 1, then each Function's backward in
                            reverse topological order, the gradients of a Variable used twice added
autograd_matmul             class MatMul(Function): forward(x, W) -> x @ W, backward(dout) -> (dx, dW)

Every check builds its graphs afresh for each attempt (a builder function per graph), so an
attempt never sees the gradients of an earlier one. Graphs: a chain (the book's apple example),
a branch (a value used twice: b = a + a, y = relu(u) + u as in notebook 03), a shared input and
a diamond, plus a Variable no Function made. `backward` is compared with scratchnet's own
`Variable.backward` on the same graphs; `MatMul` with numerical gradients of sum(out * G).
"""

from __future__ import annotations

import numpy as np

from ... import autograd as ag
from ...language import Text, tr
from . import FormatSlip, Wrong, exercise
from ._assert import a_class, a_function, close, numerically, show, show_pair

V = ag.Variable

# ---------------------------------------------------------------- the graphs
# Each builder returns (output, variables by name, the graph in one line, {Function: its line}).


def _named(out, variables: dict, lines: dict) -> tuple:
    """The builder's result: Functions labelled by the line that made them, e.g. 'u = x * 2'."""
    made = {name: v for name, v in variables.items() if v.creator is not None}
    labels = {v.creator: lines[name] for name, v in made.items()}
    return out, variables, "; ".join(lines[n] for n in lines), labels


def chain_graph() -> tuple:
    """The book's apple example (그림 5-14): price = apple * apple_num * tax."""
    apple, apple_num, tax = V(100.0), V(2.0), V(1.1)
    apple_price = apple * apple_num
    price = apple_price * tax
    return _named(price, dict(apple=apple, apple_num=apple_num, tax=tax, apple_price=apple_price,
                              price=price),
                  {"apple_price": "apple_price = apple * apple_num",
                   "price": "price = apple_price * tax"})


def twice_graph() -> tuple:
    """b = a + a (notebook 01): a is used twice by one Function; db/da = 2."""
    a = V(3.0)
    b = a + a
    return _named(b, dict(a=a, b=b), {"b": "b = a + a"})


def skip_graph() -> tuple:
    """u = x * w, r = relu(u), y = sum(r + u): u used twice, once after a longer path (notebook 03's
    y = relu(x) + x)."""
    x = V(np.array([1.5, -2.0, 0.5]))
    w = V(np.array([2.0, 1.0, -3.0]))
    u = x * w
    r = ag.relu(u)
    s = r + u
    y = ag.sum(s)
    return _named(y, dict(x=x, w=w, u=u, r=r, s=s, y=y),
                  {"u": "u = x * w", "r": "r = relu(u)", "s": "s = r + u", "y": "y = sum(s)"})


def long_skip_graph() -> tuple:
    """u = x * w, r = relu(u), g = sigmoid(r), s = g + u, y = sum(s): u's maker is one step from s
    one way and three the other (a breadth-first walk from y, reversed, puts relu before it)."""
    x = V(np.array([0.5, -1.5]))
    w = V(np.array([2.0, 0.5]))
    u = x * w
    r = ag.relu(u)
    g = ag.sigmoid(r)
    s = g + u
    y = ag.sum(s)
    return _named(y, dict(x=x, w=w, u=u, r=r, g=g, s=s, y=y),
                  {"u": "u = x * w", "r": "r = relu(u)", "g": "g = sigmoid(r)", "s": "s = g + u",
                   "y": "y = sum(s)"})


def shared_graph() -> tuple:
    """p = a * w, q = b * w, s = p + q: the input w is shared by two Functions."""
    a, b, w = V(2.0), V(-3.0), V(0.5)
    p = a * w
    q = b * w
    s = p + q
    return _named(s, dict(a=a, b=b, w=w, p=p, q=q, s=s),
                  {"p": "p = a * w", "q": "q = b * w", "s": "s = p + q"})


def diamond_graph() -> tuple:
    """u = x * 2, r = relu(u), g = sigmoid(u), m = r * g, y = sum(m): a diamond from u to m."""
    x = V(np.array([[0.5, -1.0], [2.0, 0.25]]))
    u = x * 2.0
    r = ag.relu(u)
    g = ag.sigmoid(u)
    m = r * g
    y = ag.sum(m)
    return _named(y, dict(x=x, u=u, r=r, g=g, m=m, y=y),
                  {"u": "u = x * 2", "r": "r = relu(u)", "g": "g = sigmoid(u)", "m": "m = r * g",
                   "y": "y = sum(m)"})


def constant_graph() -> tuple:
    """h = x @ W + b, y = sum(h * x2): x and x2 are constants (requires_grad=False), as the images
    are; Mul still returns a gradient for x2, which must not be kept."""
    rng = np.random.default_rng(8)
    x = V(np.round(rng.normal(size=(2, 3)), 2), requires_grad=False)
    W = V(np.round(rng.normal(size=(3, 2)), 2))
    b = V(np.array([0.5, -0.5]))
    x2 = V(np.array([[1.0, 2.0], [-1.0, 0.5]]), requires_grad=False)
    z = x @ W
    h = z + b
    k = h * x2
    y = ag.sum(k)
    return _named(y, dict(x=x, W=W, b=b, x2=x2, z=z, h=h, k=k, y=y),
                  {"z": "z = x @ W", "h": "h = z + b", "k": "k = h * x2", "y": "y = sum(k)"})


def input_graph() -> tuple:
    """A Variable that no Function made: its list of Functions is empty."""
    x = V(np.array([1.0, 2.0]))
    return x, dict(x=x), "x = Variable([1, 2])", {}


TOPO_GRAPHS = [chain_graph, twice_graph, skip_graph, long_skip_graph, shared_graph, diamond_graph,
               constant_graph, input_graph]
ONE_USE_GRAPHS = [chain_graph, constant_graph]
TWICE_GRAPHS = [twice_graph, skip_graph, long_skip_graph, shared_graph, diamond_graph]


def _on(line: str) -> str:
    return tr(f" (graph: {line})", f" (그래프: {line})")


# ---------------------------------------------------------------- autograd_topological_order

EVERY_ONCE = Text("every function once", "모든 Function을 한 번씩")
INPUTS_FIRST = Text("inputs first", "입력 먼저")

_VARIABLES_HINTS = (
    Text("the list holds Variables; it should hold the Functions that made them: a Variable's "
         "maker is its .creator (None for an input), and a Function's inputs are f.inputs",
         "리스트에 Variable이 들어 있습니다. 그 Variable들을 만든 Function이 들어가야 합니다. "
         "Variable을 만든 Function은 .creator이고(입력이면 None), Function의 입력은 f.inputs입니다"),
    Text("start from f = output.creator (skip it when it is None); from each Function f go on to "
         "x.creator for each x in f.inputs, and put the Functions, not the Variables, in the list",
         "f = output.creator에서 시작합니다(None이면 건너뜁니다). 각 Function f에서 f.inputs의 x마다 "
         "x.creator로 넘어가고, 리스트에는 Variable이 아니라 Function을 넣습니다"))

TOPO_HINTS = {
    EVERY_ONCE: (
        Text("follow the graph back from output.creator through each Function's inputs "
             "(f.inputs) to their creators. A Function met along two paths (a value used twice, a "
             "diamond) is still one Function: remember the ones you have seen",
             "output.creator에서 시작해 각 Function의 입력(f.inputs)을 거쳐 그 입력을 만든 "
             "Function(.creator)으로 그래프를 거슬러 갑니다. 두 경로로 만나는 Function(두 번 쓰인 "
             "값, 다이아몬드)도 Function 하나입니다. 이미 본 Function을 기억해 두세요"),
        Text("keep a set `seen`; visit(f): if f is None or f is in seen, return; add f to seen; "
             "visit x.creator for every x in f.inputs; append f to the list. Call "
             "visit(output.creator) once and return the list",
             "집합 `seen`을 둡니다. visit(f): f가 None이거나 seen에 있으면 return; f를 seen에 "
             "넣고, f.inputs의 모든 x에 대해 visit(x.creator)를 부른 뒤 f를 리스트에 추가합니다. "
             "visit(output.creator)를 한 번 부르고 리스트를 반환합니다")),
    INPUTS_FIRST: (
        Text("a Function may go in the list only after every Function that made one of its "
             "inputs. With r = relu(u) and s = r + u, the Function making u is reached from s "
             "directly and again through r: where must it go?",
             "어떤 Function은 그 입력을 만든 Function들이 모두 리스트에 들어간 뒤에만 들어갈 수 "
             "있습니다. r = relu(u), s = r + u에서 u를 만든 Function은 s에서 바로, 그리고 r을 "
             "거쳐 다시 만납니다. 그 Function은 어디에 와야 하나요?"),
        Text("depth first, appending after the inputs: visit(f) first visits the creators of all "
             "of f.inputs and only then appends f (post-order). Appending f before its inputs, or "
             "reversing the order a breadth-first walk from the output meets the Functions, can "
             "put a maker after one of its users",
             "깊이 우선으로, 입력 다음에 추가합니다. visit(f)는 먼저 f.inputs를 만든 Function을 모두 "
             "방문하고 그다음에 f를 추가합니다(후위 순서). f를 입력보다 먼저 추가하거나, 출력에서 "
             "너비 우선으로 만난 순서를 뒤집으면 어떤 Function이 그것을 쓰는 Function보다 뒤에 "
             "올 수 있습니다")),
}


def _as_list(got) -> list:
    """The learner's answer as a list; a format slip when it is not a list of things."""
    if got is None or isinstance(got, (str, bytes, dict, ag.Variable)) or not hasattr(got, "__iter__"):
        raise FormatSlip(tr(f"return a list of Functions, got {type(got).__name__} {show(got)}",
                            f"Function의 리스트를 반환하세요. 나온 것: {type(got).__name__} {show(got)}"))
    return list(got)


def _describe(f, labels: dict) -> str:
    line = labels.get(f)
    return f"{type(f).__name__} ({line})" if line else type(f).__name__


@exercise("autograd_topological_order", parts=(EVERY_ONCE, INPUTS_FIRST),
          hints=TOPO_HINTS)
def check_topological_order(topological_order, part) -> None:
    """topological_order(output) -> [Function, ...], makers before users, each once."""
    topological_order = a_function(topological_order, "autograd_topological_order",
                                   "topological_order")
    results = []
    with part(EVERY_ONCE):
        for build in TOPO_GRAPHS:
            out, _, line, labels = build()
            got = _as_list(topological_order(out))
            results.append((got, line, labels))
            variable = next((f for f in got if isinstance(f, ag.Variable)), None)
            if variable is not None:
                raise Wrong(tr(f"your list holds Variables, e.g. {show(variable.data)}; it should "
                               f"hold the Functions that made them{_on(line)}",
                               f"리스트에 Variable이 들어 있습니다(예: {show(variable.data)}). 그것을 "
                               f"만든 Function이 들어가야 합니다{_on(line)}"),
                            hint=_VARIABLES_HINTS)
            if any(f is None for f in got):
                raise Wrong(tr(f"your list holds None: an input's .creator is None, and it is no "
                               f"Function; leave it out{_on(line)}",
                               f"리스트에 None이 들어 있습니다. 입력의 .creator는 None이고 Function이 "
                               f"아닙니다. 리스트에서 빼세요{_on(line)}"))
            want = ag.topological_order(out)
            if not want and got:
                raise Wrong(tr(f"expected an empty list for a Variable no Function made, got "
                               f"{len(got)} item(s){_on(line)}",
                               f"Function이 만들지 않은 Variable이면 빈 리스트여야 하는데 항목 "
                               f"{len(got)}개가 나왔습니다{_on(line)}"))
            missing = [f for f in want if not any(g is f for g in got)]
            if missing:
                f = _describe(missing[0], labels)
                raise Wrong(tr(f"{f} is missing: expected {len(want)} Functions, got {len(got)}"
                               f"{_on(line)}",
                               f"빠진 Function: {f}. Function이 {len(want)}개여야 하는데 "
                               f"{len(got)}개가 나왔습니다{_on(line)}"))
            twice = [f for i, f in enumerate(got) if any(g is f for g in got[:i])]
            if twice:
                f = _describe(twice[0], labels)
                raise Wrong(tr(f"{f} is in the list {sum(g is twice[0] for g in got)} times: each "
                               f"Function should be there once, even one reached along two "
                               f"paths{_on(line)}",
                               f"리스트에 {sum(g is twice[0] for g in got)}번 있는 Function: {f}. "
                               f"두 경로로 만나는 Function도 리스트에는 한 번만 있어야 합니다{_on(line)}"))
            extra = [f for f in got if not any(f is w for w in want)]
            if extra:
                raise Wrong(tr(f"your list holds {type(extra[0]).__name__} {show(extra[0])}, "
                               f"which did not make output{_on(line)}",
                               f"리스트에 output을 만들지 않은 것이 들어 있습니다: "
                               f"{type(extra[0]).__name__} {show(extra[0])}{_on(line)}"))
    with part(INPUTS_FIRST):
        for got, line, labels in results:
            for i, f in enumerate(got):
                for x in f.inputs:
                    maker = x.creator
                    if maker is not None and not any(g is maker for g in got[:i]):
                        raise Wrong(tr(f"{_describe(f, labels)} came before "
                                       f"{_describe(maker, labels)}, which makes one of its "
                                       f"inputs{_on(line)}",
                                       f"{_describe(f, labels)}: 그 입력 하나를 만드는 "
                                       f"{_describe(maker, labels)}보다 먼저 나왔습니다{_on(line)}"))


# ---------------------------------------------------------------- autograd_backward

ONE_USE = Text("one use", "한 번 쓰인 값")
USED_TWICE = Text("used twice", "두 번 쓰인 값")

BACKWARD_HINTS = {
    ONE_USE: (
        Text("backward starts at the output: output.grad = np.ones_like(output.data), since "
             "dL/dL = 1. Then each Function, from the output back, turns the gradient of its "
             "output into one gradient per input: f.backward(f.output.grad), in the order of "
             "f.inputs",
             "역전파는 출력에서 시작합니다. dL/dL = 1이므로 output.grad = np.ones_like(output.data)"
             "입니다. 그다음 출력 쪽부터 거꾸로, 각 Function이 출력의 기울기를 입력마다 기울기 "
             "하나로 바꿉니다. f.backward(f.output.grad)이고, 순서는 f.inputs의 순서입니다"),
        Text("for f in reversed(topological_order(output)): grads = f.backward(f.output.grad); "
             "then for x, g in zip(f.inputs, grads): give x the gradient g only when "
             "x.requires_grad and g is not None (a constant, such as the images, gets none)",
             "for f in reversed(topological_order(output)): grads = f.backward(f.output.grad). "
             "그다음 for x, g in zip(f.inputs, grads): x.requires_grad이고 g가 None이 아닐 때만 "
             "x에 기울기 g를 줍니다(이미지 같은 상수는 기울기를 받지 않습니다)")),
    USED_TWICE: (
        Text("a Variable used twice sits at a branch, like notebook 01's copy node: going "
             "backward, the gradients that come back along the two branches add up (b = a + a "
             "gives db/da = 2). What does your code do when x.grad is already set?",
             "두 번 쓰인 Variable은 노트북 01의 복사 노드처럼 분기점에 있습니다. 역전파에서는 두 "
             "갈래로 돌아오는 기울기가 더해집니다(b = a + a이면 db/da = 2). x.grad가 이미 있을 때 "
             "여러분의 코드는 무엇을 하나요?"),
        Text("add to the gradient already there instead of replacing it: x.grad = g if x.grad is "
             "None else x.grad + g (x.grad + g is a new array; x.grad += g would write into an "
             "array another Variable may hold)",
             "기울기를 바꿔 넣지 말고 이미 있는 기울기에 더하세요. x.grad = g if x.grad is None "
             "else x.grad + g입니다(x.grad + g는 새 배열입니다. x.grad += g는 다른 Variable이 "
             "가지고 있을 수도 있는 배열에 씁니다)")),
}

_ALIAS_HINTS = (
    Text("your code changed a gradient after it was given out: which array does x.grad hold, and "
         "which other Variable holds the same one? (notebook 03, Pitfall 2: an array written into "
         "changes for everyone who holds it)",
         "여러분의 코드가 이미 넘겨준 기울기를 바꾸었습니다. x.grad는 어떤 배열을 가지고 있고, "
         "같은 배열을 가진 다른 Variable은 무엇인가요? (노트북 03의 함정 2: 배열에 직접 쓰면 그 "
         "배열을 가진 모든 곳에서 값이 바뀝니다)"),
    Text("Add's backward passes dout on unchanged, so x.grad can be the very array the output's "
         "grad holds; x.grad += g writes into it. Write x.grad = x.grad + g, which makes a new "
         "array",
         "Add의 backward는 dout을 그대로 넘기므로 x.grad가 출력의 grad와 같은 배열일 수 있습니다. "
         "x.grad += g는 그 배열에 씁니다. 새 배열을 만드는 x.grad = x.grad + g로 쓰세요"))

_START_HINTS = (
    Text("the first Function's backward got f.output.grad = None: where does the gradient of the "
         "output itself come from?",
         "첫 Function의 backward가 f.output.grad = None을 받았습니다. 출력 자신의 기울기는 어디서 "
         "오나요?"),
    Text("set output.grad = np.ones_like(output.data) before the loop: dL/dL = 1",
         "반복문 전에 output.grad = np.ones_like(output.data)로 둡니다. dL/dL = 1입니다"))

_ORDER_HINTS = (
    Text("a Function's backward ran before its output had a gradient: in which order must the "
         "Functions run backward?",
         "어떤 Function의 backward가 그 출력의 기울기가 정해지기 전에 실행되었습니다. 역전파에서 "
         "Function은 어떤 순서로 실행되어야 하나요?"),
    Text("topological_order lists each maker before its users; backward goes the other way: "
         "for f in reversed(topological_order(output))",
         "topological_order는 만드는 Function을 쓰는 Function보다 앞에 둡니다. 역전파는 그 반대 "
         "방향입니다: for f in reversed(topological_order(output))"))


def _run_backward(backward, build) -> tuple:
    """The learner's backward on a fresh graph; (variables, line). A crash is explained when the
    reason is clear: the output's gradient never set, or a Function run before its users."""
    out, variables, line, _ = build()
    try:
        backward(out)
    except NotImplementedError as e:
        tb = e.__traceback__
        while tb.tb_next is not None:
            tb = tb.tb_next
        if tb.tb_frame.f_code.co_name == "topological_order":  # the exercise before, unfinished
            raise FormatSlip(tr("your backward calls a topological_order that still raises "
                                "NotImplementedError: finish that exercise first, or use "
                                "scratchnet's (from scratchnet.autograd import topological_order)",
                                "여러분의 backward가 부르는 topological_order가 아직 "
                                "NotImplementedError를 일으킵니다. 그 연습 문제를 먼저 끝내거나 "
                                "scratchnet의 것을 쓰세요(from scratchnet.autograd import "
                                "topological_order)")) from None
        raise
    except (TypeError, AttributeError) as e:
        if out.grad is None:
            raise Wrong(tr(f"the first Function's backward got no gradient (output.grad is still "
                           f"None): your code raised {type(e).__name__}: {e}{_on(line)}",
                           f"첫 Function의 backward가 기울기를 받지 못했습니다(output.grad가 아직 "
                           f"None입니다). 여러분의 코드에서 예외가 발생했습니다. "
                           f"{type(e).__name__}: {e}{_on(line)}"), hint=_START_HINTS) from None
        waiting = [v for v in variables.values() if v.creator is not None and v.grad is None
                   and v is not out]
        if waiting and "NoneType" in str(e):
            raise Wrong(tr(f"a Function's backward got f.output.grad = None ({_names(waiting, variables)} "
                           f"had no gradient yet): your code raised {type(e).__name__}: {e}"
                           f"{_on(line)}",
                           f"어떤 Function의 backward가 f.output.grad = None을 받았습니다"
                           f"({_names(waiting, variables)}: 아직 기울기가 없었습니다). 여러분의 코드에서 "
                           f"예외가 발생했습니다. {type(e).__name__}: {e}{_on(line)}"),
                        hint=_ORDER_HINTS) from None
        raise
    return variables, line, out


def _names(vs, variables: dict) -> str:
    return ", ".join(name for name, v in variables.items() if any(v is w for w in vs))


_CONSTANT_HINTS = (
    Text("a constant, such as the images, is made with requires_grad=False and keeps grad None, "
         "even when a Function's backward returns a gradient for it: which Variables does your "
         "code give a gradient?",
         "이미지 같은 상수는 requires_grad=False로 만들고, Function의 backward가 그 상수의 기울기를 "
         "돌려주더라도 grad는 None으로 둡니다. 여러분의 코드는 어떤 Variable에 기울기를 주나요?"),
    Text("give x the gradient g only when x.requires_grad and g is not None: if x.requires_grad "
         "and g is not None: ...",
         "x.requires_grad이고 g가 None이 아닐 때만 x에 기울기 g를 줍니다: if x.requires_grad "
         "and g is not None: ..."))


def _mistaken(build, in_place: bool) -> dict:
    """The gradients one known mistake gives on a fresh graph, by name: x.grad = g (the gradient
    of the last use only), or with in_place, x.grad += g once set."""
    out, variables, _, _ = build()
    out.grad = np.ones_like(out.data)
    for f in reversed(ag.topological_order(out)):
        for x, g in zip(f.inputs, f.backward(f.output.grad)):
            if x.requires_grad and g is not None:
                if x.grad is None or not in_place:
                    x.grad = g
                else:
                    x.grad += g
    return {name: v.grad for name, v in variables.items()}


def _same(got: dict, mistake: dict) -> bool:
    return all((a is None) == (b is None) and (a is None or (np.shape(a) == np.shape(b)
                                                             and np.allclose(a, b)))
               for a, b in zip(got.values(), mistake.values()))


def _uses(v, build_out) -> int:
    return sum(x is v for f in ag.topological_order(build_out) for x in f.inputs)


def _compare_grads(variables: dict, reference: dict, line: str, build, out) -> None:
    """Every Variable's grad against scratchnet's; the first difference explained, with the
    known mistake named when the learner's gradients are exactly what it gives."""
    got_all = {name: v.grad for name, v in variables.items()}
    for name, v in variables.items():
        want = reference[name].grad
        got = v.grad
        if want is None:
            if got is not None:
                raise Wrong(tr(f"{name} is a constant (requires_grad=False), yet {name}.grad is "
                               f"{show(got)}: expected None{_on(line)}",
                               f"{name}: 상수(requires_grad=False)이므로 {name}.grad는 None이어야 "
                               f"하는데 나온 값은 {show(got)}입니다{_on(line)}"),
                            hint=_CONSTANT_HINTS)
            continue
        if got is None:
            raise Wrong(tr(f"{name}.grad is None after backward: expected {show(want)}{_on(line)}",
                           f"역전파 후 {name}.grad: {show(want)}이어야 하는데 None입니다{_on(line)}"))
        try:
            close(got, want, f"{name}.grad", rtol=1e-9, atol=1e-12)
        except Wrong as e:
            want_s, got_s = show_pair(want, got)
            if _same(got_all, _mistaken(build, in_place=False)):
                if line == "b = a + a":
                    raise Wrong(tr(f"a.grad is {got_s} for b = a + a, expected {want_s}: a nudge "
                                   f"of a by h moves b by {want_s}h",
                                   f"b = a + a에서 a.grad: {want_s}이어야 하는데 나온 값은 {got_s}"
                                   f"입니다. a를 h만큼 움직이면 b는 {want_s}h만큼 움직입니다")) from None
                uses = _uses(v, out)
                raise Wrong(tr(f"{name}.grad is {got_s}, expected {want_s}: {name} is used "
                               f"{uses} times, and its gradient holds what came back from one use "
                               f"only{_on(line)}",
                               f"{name}.grad: {want_s}이어야 하는데 나온 값은 {got_s}입니다. "
                               f"{name}: {uses}번 쓰였는데, 그 기울기에는 한 곳에서 돌아온 값만 "
                               f"들어 있습니다{_on(line)}")) from None
            shared = [n for n, w in variables.items()
                      if w is not v and w.grad is not None
                      and np.shares_memory(np.asarray(w.grad), np.asarray(got))]
            if shared and _same(got_all, _mistaken(build, in_place=True)):
                raise Wrong(tr(f"{e} after backward: {name}.grad is the same array as "
                               f"{', '.join(f'{n}.grad' for n in shared)}, and your code wrote into "
                               f"it{_on(line)}",
                               f"{e}. 역전파 후 같은 배열을 가진 기울기: {name}.grad, "
                               f"{', '.join(f'{n}.grad' for n in shared)}. 여러분의 코드가 그 배열에 "
                               f"썼습니다{_on(line)}"),
                            hint=_ALIAS_HINTS) from None
            raise Wrong(f"{e}{_on(line)}") from None


@exercise("autograd_backward", parts=(ONE_USE, USED_TWICE), hints=BACKWARD_HINTS)
def check_backward(backward, part) -> None:
    """backward(output): fills .grad of every Variable output depends on, as Variable.backward."""
    backward = a_function(backward, "autograd_backward", "backward")
    for name, graphs in ((ONE_USE, ONE_USE_GRAPHS), (USED_TWICE, TWICE_GRAPHS)):
        with part(name):
            for build in graphs:
                variables, line, out = _run_backward(backward, build)
                ref_out, reference, _, _ = build()
                ref_out.backward()
                _compare_grads(variables, reference, line, build, out)


# ---------------------------------------------------------------- autograd_matmul

MATMUL_HINTS = {
    "forward": (
        Text("forward(x, W) returns the matrix product x @ W, of shape (N, M) for x (N, D) and "
             "W (D, M), and keeps on self what backward will need",
             "forward(x, W)는 행렬 곱 x @ W를 반환합니다. x가 (N, D), W가 (D, M)이면 형상은 "
             "(N, M)입니다. 그리고 backward에 필요한 것을 self에 저장합니다"),
        Text("self.x, self.W = x, W, then return x @ W",
             "self.x, self.W = x, W로 저장하고 x @ W를 반환합니다")),
    "backward": (
        Text("by the shapes (book 5.6.1): dx has x's shape (N, D) and dW has W's shape (D, M); "
             "which product of dout (N, M) with W, or with x, has each shape?",
             "형상으로 찾습니다(책 5.6.1). dx는 x와 같은 형상 (N, D), dW는 W와 같은 형상 (D, M)"
             "입니다. dout (N, M)과 W, 또는 dout과 x의 어떤 곱이 각 형상이 되나요?"),
        Text("dx = dout @ self.W.T, (N, M) @ (M, D); dW = self.x.T @ dout, (D, N) @ (N, M); "
             "return dx, dW",
             "dx = dout @ self.W.T, 즉 (N, M) @ (M, D); dW = self.x.T @ dout, 즉 (D, N) @ (N, M); "
             "return dx, dW")),
}

_KEEP_HINTS = (
    Text("backward has only dout as an argument: whatever else it needs, forward must leave on "
         "self, on this very MatMul (each MatMul node keeps its own inputs)",
         "backward의 인수는 dout뿐입니다. 그 밖에 필요한 것은 forward가 self, 바로 이 MatMul에 "
         "남겨 두어야 합니다(MatMul 노드마다 자기 입력을 저장합니다)"),
    Text("in forward: self.x, self.W = x, W; in backward read self.x and self.W (not a global "
         "and not a class attribute, which all MatMul nodes would share)",
         "forward에서 self.x, self.W = x, W로 저장하고 backward에서 self.x와 self.W를 읽습니다"
         "(전역 변수나 클래스 속성은 모든 MatMul 노드가 함께 쓰므로 안 됩니다)"))

MATMUL_SHAPES = [(2, 3, 3), (2, 3, 4), (1, 5, 2), (3, 4, 1)]  # (N, D, M); the first W is square


def _node(MatMul):
    node = MatMul()
    node.needs_grad = [True, True]  # as Function.__call__ sets it: both inputs want a gradient
    return node


def _shapes(x, W, dout) -> str:
    return tr(f" (x of shape {x.shape}, W of shape {W.shape}, dout of shape {dout.shape})",
              f" (x의 형상 {x.shape}, W의 형상 {W.shape}, dout의 형상 {dout.shape})")


def _backward(node, x, W, dout) -> tuple:
    """node.backward(dout) as two arrays; a missing attribute and a shape error explained."""
    try:
        got = node.backward(dout.copy())
    except AttributeError as e:
        raise Wrong(tr(f"backward raised AttributeError: {e}: it reads something forward did not "
                       f"keep on the node",
                       f"backward에서 AttributeError가 발생했습니다: {e}. forward가 노드에 저장하지 "
                       f"않은 것을 읽습니다"), hint=_KEEP_HINTS) from None
    except ValueError as e:
        if "matmul" not in str(e) and "shapes" not in str(e):
            raise
        raise Wrong(tr(f"backward raised ValueError: {e}{_shapes(x, W, dout)}: dx must have x's "
                       f"shape and dW W's shape",
                       f"backward에서 ValueError가 발생했습니다: {e}{_shapes(x, W, dout)}. dx는 x와, "
                       f"dW는 W와 형상이 같아야 합니다")) from None
    if got is None or isinstance(got, np.ndarray) or not hasattr(got, "__len__") or len(got) != 2:
        raise FormatSlip(tr(f"backward should return two arrays, (dx, dW), got "
                            f"{type(got).__name__} {show(got)}",
                            f"backward는 배열 두 개 (dx, dW)를 반환해야 합니다. 나온 것: "
                            f"{type(got).__name__} {show(got)}"))
    return tuple(got)


@exercise("autograd_matmul", parts=("forward", "backward"), hints=MATMUL_HINTS)
def check_matmul(MatMul, part) -> None:
    """MatMul: forward(x, W) -> x @ W, keeping x and W; backward(dout) -> (dx, dW), float64."""
    MatMul = a_class(MatMul, "MatMul")
    rng = np.random.default_rng(20)
    cases = [(rng.normal(size=(n, d)), rng.normal(size=(d, m)), rng.normal(size=(n, m)))
             for n, d, m in MATMUL_SHAPES]
    nodes = []
    with part("forward"):
        for x, W, G in cases:
            node = _node(MatMul)
            x_in, W_in = x.copy(), W.copy()
            close(node.forward(x_in, W_in), x @ W,
                  tr(f"forward with x of shape {x.shape}, W of shape {W.shape}",
                     f"x의 형상 {x.shape}, W의 형상 {W.shape}로 forward"))
            nodes.append(node)
    with part("backward"):
        for node, (x, W, G) in zip(nodes, cases):  # every forward ran first: each node keeps its own
            try:
                _check_gradients(node, x, W, G)
            except Wrong as first:
                alone = _node(MatMul)  # the same case with backward right after its own forward
                try:
                    alone.forward(x.copy(), W.copy())
                    _check_gradients(alone, x, W, G)
                except Exception:
                    raise first from None
                else:
                    raise Wrong(tr(
                        f"backward is right straight after its own forward, but not after "
                        f"{len(cases)} MatMul nodes ran forward first: the gradients of the node "
                        f"with x of shape {x.shape} came out of what another node's forward "
                        f"kept. A graph runs every forward before any backward",
                        f"forward 바로 다음에는 backward가 맞지만, MatMul 노드 {len(cases)}개의 "
                        f"forward를 먼저 실행한 뒤에는 틀립니다. x의 형상이 {x.shape}인 노드의 "
                        f"기울기가 다른 노드의 forward가 저장한 값에서 나왔습니다. 그래프는 모든 "
                        f"forward를 실행한 뒤에 backward를 실행합니다"), hint=_KEEP_HINTS) from None


def _check_gradients(node, x, W, G) -> None:
    """node.backward(G) against G @ W.T and x.T @ G: a shape first, a known slip, then the
    numerical gradient of sum(out * G)."""
    dx, dW = _backward(node, x, W, G)
    for name, got, want in (("dx", dx, G @ W.T), ("dW", dW, x.T @ G)):
        if np.shape(got) != want.shape:
            raise Wrong(tr(f"{name} should have the shape of {name[1:]}, {want.shape}, got "
                           f"{np.shape(got)}{_shapes(x, W, G)}",
                           f"{name}의 형상은 {name[1:]}와 같은 {want.shape}이어야 하는데 나온 "
                           f"형상은 {np.shape(got)}입니다{_shapes(x, W, G)}"))
        if np.allclose(got, want, rtol=1e-9, atol=1e-12):
            continue
        slip = G @ W if name == "dx" else (x.T @ G).T
        if W.shape[0] == W.shape[1] and np.allclose(got, slip) and not np.allclose(slip, want):
            raise Wrong(tr(f"{name}: for a square W {W.shape} the shapes agree either way, and your "
                           f"{name} is the product with a transpose left out or put on the wrong "
                           f"factor{_shapes(x, W, G)}: expected {show(want)}, got {show(got)}",
                           f"{name}: W가 정사각 행렬 {W.shape}이면 어느 쪽으로 곱해도 형상이 "
                           f"맞습니다{_shapes(x, W, G)}. 여러분의 {name}: 전치를 빠뜨렸거나 다른 인수에 "
                           f"붙인 곱입니다. "
                           f"{show(want)}이어야 하는데 나온 값은 {show(got)}입니다"))
        if name == "dx":
            numerically(lambda v: np.sum((v @ W) * G), x, got,
                        tr(f"dx of sum(out * G) at x of shape {x.shape}, W of shape {W.shape}",
                           f"x의 형상 {x.shape}, W의 형상 {W.shape}에서 sum(out * G)의 dx"))
        else:
            numerically(lambda v: np.sum((x @ v) * G), W, got,
                        tr(f"dW of sum(out * G) at x of shape {x.shape}, W of shape {W.shape}",
                           f"x의 형상 {x.shape}, W의 형상 {W.shape}에서 sum(out * G)의 dW"))
        raise Wrong(tr(f"{name}: expected {show(want)}, got {show(got)}{_shapes(x, W, G)}",
                       f"{name}: {show(want)}이어야 하는데 나온 값은 {show(got)}입니다"
                       f"{_shapes(x, W, G)}"))
