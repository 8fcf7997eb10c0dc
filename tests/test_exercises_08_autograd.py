"""Notebook 08's exercise checks: each says not attempted, partly done, FAIL (the symptom for one
input: what the learner's code gave against what was expected) and PASS; the known mistakes each
FAIL in the right part with their own symptom, hints grow from the first to the stronger one, and
every outcome speaks Korean too. Right answers are accepted in two styles."""

from collections import deque

import numpy as np
import pytest

from scratchnet.autograd import Function, Variable, topological_order
from scratchnet.language import set_language
from scratchnet.toolkit.exercises import CHECKS, check


@pytest.fixture
def korean():
    set_language("ko")
    yield
    set_language("en")


def failed(result, *words):
    assert result.status == "failed", result.message
    for w in words:
        assert w in result.message, (w, result.message)
    return result.message


# ---------------------------------------------------------------- autograd_topological_order

def topo_stub(output):
    raise NotImplementedError("your code here")


def topo_recursive(output):  # the notebook's answer: depth first, post-order, a set of seen ones
    order, seen = [], set()

    def visit(f):
        if f is None or f in seen:
            return
        seen.add(f)
        for x in f.inputs:
            visit(x.creator)
        order.append(f)
    visit(output.creator)
    return order


def topo_stack(output):  # another style: an explicit stack, ids in the seen set, a tuple back
    order, seen, stack = [], set(), [(output.creator, False)]
    while stack:
        f, ready = stack.pop()
        if f is None:
            continue
        if ready:
            order.append(f)
        elif id(f) not in seen:
            seen.add(id(f))
            stack.append((f, True))
            stack.extend((x.creator, False) for x in f.inputs)
    return tuple(order)


def topo_no_seen(output):  # post-order without remembering: a Function reached twice comes twice
    order = []

    def visit(f):
        if f is None:
            return
        for x in f.inputs:
            visit(x.creator)
        order.append(f)
    visit(output.creator)
    return order


def topo_breadth_first_reversed(output):
    order, seen, queue = [], set(), deque([output.creator])
    while queue:
        f = queue.popleft()
        if f is None or f in seen:
            continue
        seen.add(f)
        order.append(f)
        queue.extend(x.creator for x in f.inputs)
    return order[::-1]


def topo_first_input_only(output):
    order, f = [], output.creator
    while f is not None:
        order.append(f)
        f = f.inputs[0].creator
    return order[::-1]


def test_topological_order_outcomes():
    res = check("autograd_topological_order", topo_stub)
    assert res.status == "not attempted" and "Hint" not in res.message
    assert check("autograd_topological_order", topo_recursive).message == \
        "autograd_topological_order: PASS (every function once and inputs first checked)."
    assert check("autograd_topological_order", topo_stack).passed


def test_topological_order_output_first_names_the_function_out_of_place():
    msg = failed(check("autograd_topological_order", lambda out: topo_recursive(out)[::-1]),
                 "FAIL in inputs first",
                 "Mul (price = apple_price * tax) came before Mul (apple_price = apple * "
                 "apple_num), which makes one of its inputs")
    assert "\nHint: a Function may go in the list only after" in msg
    msg = check("autograd_topological_order", lambda out: topo_recursive(out)[::-1]).message
    assert "\nA stronger hint: depth first" in msg and "post-order" in msg


def test_topological_order_breadth_first_reversed_fails_on_the_long_skip():
    failed(check("autograd_topological_order", topo_breadth_first_reversed),
           "FAIL in inputs first", "Relu (r = relu(u)) came before Mul (u = x * w)",
           "g = sigmoid(r); s = g + u")


def test_topological_order_duplicates_and_missing_functions():
    msg = failed(check("autograd_topological_order", topo_no_seen), "FAIL in every function once",
                 "Mul (u = x * w) is in the list 2 times")
    assert "remember the ones you have seen" in msg
    msg = failed(check("autograd_topological_order", topo_first_input_only),
                 "Mul (q = b * w) is missing: expected 3 Functions, got 2",
                 "(graph: p = a * w; q = b * w; s = p + q)")
    assert "A stronger hint: keep a set `seen`" in msg  # the same part's second FAIL


def test_topological_order_other_slips():
    failed(check("autograd_topological_order",
                 lambda out: [x for f in topo_recursive(out) for x in f.inputs]),
           "your list holds Variables", "Hint: the list holds Variables")
    failed(check("autograd_topological_order", lambda out: [None] + topo_recursive(out)),
           "your list holds None")
    never_empty = lambda out: topo_recursive(out) or [(Variable(1.0) * 2.0).creator]  # noqa: E731
    failed(check("autograd_topological_order", never_empty),
           "expected an empty list for a Variable no Function made, got 1 item(s)")
    res = check("autograd_topological_order", lambda out: None)
    assert res.status == "failed" and "not in the form asked" in res.message
    assert "return a list of Functions, got NoneType None" in res.message and "Hint" not in res.message


# ---------------------------------------------------------------- autograd_backward

def backward_stub(output):
    raise NotImplementedError("your code here")


def backward_right(output):  # the notebook's answer
    output.grad = np.ones_like(output.data)
    for f in reversed(topological_order(output)):
        grads = f.backward(f.output.grad)
        for x, g in zip(f.inputs, grads):
            if x.requires_grad and g is not None:
                x.grad = g if x.grad is None else x.grad + g


def backward_other_style(output):  # zeros first, then new arrays by np.add; a scalar start
    output.grad = np.array(1.0) if output.data.ndim == 0 else np.ones(output.data.shape)
    order = topological_order(output)
    for f in order[::-1]:
        for i, g in enumerate(f.backward(f.output.grad)):
            x = f.inputs[i]
            if not x.requires_grad or g is None:
                continue
            if x.grad is None:
                x.grad = np.zeros_like(x.data)
            x.grad = np.add(x.grad, g)


def backward_with(give):
    def backward(output):
        output.grad = np.ones_like(output.data)
        for f in reversed(topological_order(output)):
            for x, g in zip(f.inputs, f.backward(f.output.grad)):
                give(x, g)
    return backward


def replace(x, g):  # the most common mistake: x.grad = g
    if x.requires_grad and g is not None:
        x.grad = g


def add_in_place(x, g):
    if x.requires_grad and g is not None:
        if x.grad is None:
            x.grad = g
        else:
            x.grad += g


def every_input(x, g):
    if g is not None:
        x.grad = g if x.grad is None else x.grad + g


def test_backward_outcomes():
    res = check("autograd_backward", backward_stub)
    assert res.status == "not attempted" and "Hint" not in res.message
    assert check("autograd_backward", backward_right).message == \
        "autograd_backward: PASS (one use and used twice checked)."
    assert check("autograd_backward", backward_other_style).passed


def test_backward_partly_done():
    def one_use_only(output):
        if any(sum(x is y for f in topological_order(output) for x in f.inputs) > 1
               for f in topological_order(output) for y in f.inputs):
            raise NotImplementedError("used twice: next")
        backward_right(output)
    res = check("autograd_backward", one_use_only)
    assert res.status == "partly done" and tuple(map(str, res.done)) == ("one use",)
    assert "one use is right; used twice still raises NotImplementedError" in res.message


def test_backward_replacing_the_gradient_fails_in_used_twice_with_the_symptom():
    attempt = backward_with(replace)
    msg = failed(check("autograd_backward", attempt), "FAIL in used twice",
                 "a.grad is 1 for b = a + a, expected 2: a nudge of a by h moves b by 2h")
    assert "\nHint: a Variable used twice sits at a branch, like notebook 01's copy node" in msg
    msg = check("autograd_backward", attempt).message
    assert "\nA stronger hint: add to the gradient already there" in msg
    assert "x.grad = g if x.grad is None else x.grad + g" in msg


def test_backward_writing_in_place_is_named():
    msg = failed(check("autograd_backward", backward_with(add_in_place)), "FAIL in used twice",
                 "b.grad: expected 1, got 2 after backward: b.grad is the same array as a.grad, "
                 "and your code wrote into it")
    assert "Pitfall 2" in msg


def test_backward_a_constant_gets_no_gradient():
    msg = failed(check("autograd_backward", backward_with(every_input)), "FAIL in one use",
                 "x2 is a constant (requires_grad=False), yet x2.grad is", "expected None")
    assert "Hint: a constant, such as the images" in msg


def test_backward_without_a_start_or_in_the_wrong_order():
    def no_start(output):
        for f in reversed(topological_order(output)):
            for x, g in zip(f.inputs, f.backward(f.output.grad)):
                every_input(x, g) if x.requires_grad else None
    msg = failed(check("autograd_backward", no_start), "FAIL in one use",
                 "the first Function's backward got no gradient (output.grad is still None)")
    assert "dL/dL" in check("autograd_backward", no_start).message

    def forwards(output):
        output.grad = np.ones_like(output.data)
        for f in topological_order(output):
            for x, g in zip(f.inputs, f.backward(f.output.grad)):
                if x.requires_grad:
                    x.grad = g if x.grad is None else x.grad + g
    failed(check("autograd_backward", forwards), "FAIL in one use",
           "a Function's backward got f.output.grad = None (apple_price had no gradient yet)")


def test_backward_on_an_unfinished_topological_order_says_so():
    def topological_order(output):  # the notebook's stub of the exercise before, unfinished
        raise NotImplementedError("your code here")

    def backward(output):
        output.grad = np.ones_like(output.data)
        for f in reversed(topological_order(output)):
            f.backward(f.output.grad)
    res = check("autograd_backward", backward)
    assert res.status == "failed" and "not in the form asked" in res.message, res.message
    assert "calls a topological_order that still raises NotImplementedError" in res.message
    assert "Hint" not in res.message
    assert check("autograd_backward", backward_stub).status == "not attempted"


def test_backward_fresh_graphs_each_attempt():
    """A second attempt sees no gradients left by the first: PASS twice in a row."""
    assert check("autograd_backward", backward_right).passed
    assert check("autograd_backward", backward_right).passed


# ---------------------------------------------------------------- autograd_matmul

class MatMul(Function):  # the notebook's answer
    def forward(self, x, W):
        self.x, self.W = x, W
        return x @ W

    def backward(self, dout):
        dx = dout @ self.W.T
        dW = self.x.T @ dout
        return dx, dW


class MatMulNp(Function):  # another style: np.dot, the transposes' arrays kept, a list back
    def forward(self, x, W):
        self.xT, self.WT = x.T.copy(), W.T.copy()
        return np.dot(x, W)

    def backward(self, dout):
        return [np.dot(dout, self.WT), np.dot(self.xT, dout)]


def stub(self, *args):
    raise NotImplementedError("your code here")


def matmul(forward=MatMul.forward, backward=MatMul.backward):
    return type("MatMul", (Function,), {"forward": forward, "backward": backward})


def test_matmul_outcomes():
    res = check("autograd_matmul", matmul(stub, stub))
    assert res.status == "not attempted" and "Hint" not in res.message
    res = check("autograd_matmul", matmul(backward=stub))
    assert res.status == "partly done" and res.done == ("forward",)
    assert check("autograd_matmul", MatMul).message == \
        "autograd_matmul: PASS (forward and backward checked)."
    assert check("autograd_matmul", MatMulNp).passed


def test_matmul_forgotten_transpose_on_a_square_w_is_named():
    attempt = matmul(backward=lambda self, dout: (dout @ self.W, self.x.T @ dout))
    msg = failed(check("autograd_matmul", attempt), "FAIL in backward",
                 "dx: for a square W (3, 3) the shapes agree either way",
                 "transpose left out or put on the wrong factor", "expected [[", "got [[")
    assert "\nHint: by the shapes (book 5.6.1)" in msg
    assert "dx = dout @ self.W.T" in check("autograd_matmul", attempt).message
    attempt = matmul(backward=lambda self, dout: (dout @ self.W.T, dout.T @ self.x))
    failed(check("autograd_matmul", attempt), "dW: for a square W (3, 3)")


def test_matmul_wrong_values_on_a_rectangular_w():
    attempt = matmul(backward=lambda self, dout: (dout @ self.W.T, 2 * self.x.T @ dout))
    failed(check("autograd_matmul", attempt), "FAIL in backward", "dW of sum(out * G)",
           "differs from the numerical gradient")
    attempt = matmul(forward=lambda self, x, W: (setattr(self, "x", x), setattr(self, "W", W),
                                                 x @ W.T if W.shape[0] == W.shape[1] else x @ W)[2])
    failed(check("autograd_matmul", attempt), "FAIL in forward",
           "forward with x of shape (2, 3), W of shape (3, 3): expected")


def test_matmul_forward_must_keep_what_backward_needs():
    msg = failed(check("autograd_matmul", matmul(forward=lambda self, x, W: x @ W)),
                 "FAIL in backward", "backward raised AttributeError")
    assert "Hint: backward has only dout as an argument" in msg

    class Shared(MatMul):  # kept on the class: every node shares the last forward's inputs
        def forward(self, x, W):
            Shared.x, Shared.W = x, W
            return x @ W

        def backward(self, dout):
            return dout @ Shared.W.T, Shared.x.T @ dout
    failed(check("autograd_matmul", Shared), "FAIL in backward",
           "backward is right straight after its own forward, but not after 4 MatMul nodes ran "
           "forward first")


def test_matmul_an_instance_is_a_format_slip():
    res = check("autograd_matmul", MatMul())
    assert res.status == "failed" and "not in the form asked" in res.message
    assert "pass the class, `MatMul`, not `MatMul()`" in res.message and "Hint" not in res.message
    res = check("autograd_matmul", 3)
    assert "pass the class `MatMul` itself" in res.message


# ---------------------------------------------------------------- both languages

def test_every_outcome_in_korean(korean):
    assert "아직 시도하지 않았습니다" in check("autograd_topological_order", topo_stub).message
    assert check("autograd_topological_order", topo_recursive).message == \
        "autograd_topological_order: 통과 (모든 Function을 한 번씩, 입력 먼저 확인)."
    msg = failed(check("autograd_topological_order", lambda out: topo_recursive(out)[::-1]),
                 "실패 (입력 먼저)", "Mul (price = apple_price * tax): 그 입력 하나를 만드는 "
                 "Mul (apple_price = apple * apple_num)보다 먼저 나왔습니다", "그래프: ")
    assert "힌트: " in msg
    msg = failed(check("autograd_backward", backward_with(replace)), "실패 (두 번 쓰인 값)",
                 "b = a + a에서 a.grad: 2이어야 하는데 나온 값은 1입니다. a를 h만큼 움직이면 b는 "
                 "2h만큼 움직입니다", "힌트: 두 번 쓰인 Variable은 노트북 01의 복사 노드처럼")
    assert "더 자세한 힌트: 기울기를 바꿔 넣지 말고 이미 있는 기울기에 더하세요" in \
        check("autograd_backward", backward_with(replace)).message
    res = check("autograd_backward", backward_right)
    assert res.message == "autograd_backward: 통과 (한 번 쓰인 값, 두 번 쓰인 값 확인)."
    assert "일부 완료" in check("autograd_matmul", matmul(backward=stub)).message
    failed(check("autograd_matmul", matmul(backward=lambda self, dout: (dout @ self.W,
                                                                        self.x.T @ dout))),
           "실패 (backward)", "dx: W가 정사각 행렬 (3, 3)이면", "힌트: 형상으로 찾습니다")
    assert "`MatMul()`가 아니라 클래스 `MatMul` 자체를 넘기세요" in check("autograd_matmul", MatMul()).message


def test_hints_are_per_part_in_both_languages():
    for name, parts in [("autograd_topological_order", ("every function once", "inputs first")),
                        ("autograd_backward", ("one use", "used twice")),
                        ("autograd_matmul", ("forward", "backward"))]:
        ex = CHECKS[name]
        assert tuple(str(p) for p in ex.parts) == parts
        assert isinstance(ex.hints, dict) and len(ex.hints) == 2
        for first, stronger in ex.hints.values():
            assert first.en != stronger.en and first.ko != stronger.ko
