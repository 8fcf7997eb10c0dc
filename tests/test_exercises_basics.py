"""The checks of notebooks 01-03: pass a correct attempt, fail a wrong one, report a stub."""

import numpy as np
import pytest

from scratchnet.exercises import check


def stub_function(*args):
    raise NotImplementedError


class StubLayer:
    def __init__(self):
        self.out = None

    def forward(self, *args):
        raise NotImplementedError

    def backward(self, dout):
        raise NotImplementedError


class GoodSub:
    def forward(self, x, y):
        return x - y

    def backward(self, dout):
        return dout * 1, dout * -1


class AddNotSub(GoodSub):
    def backward(self, dout):
        return dout, dout


class GoodRelu:
    def forward(self, x):
        self.mask = x <= 0
        return np.where(self.mask, 0, x)

    def backward(self, dout):
        return np.where(self.mask, 0, dout)


class BookRelu(GoodRelu):
    def backward(self, dout):
        dout[self.mask] = 0  # the book's version: writes into the caller's array
        return dout


class GoodTanh:
    def forward(self, x):
        self.out = np.tanh(x)
        return self.out

    def backward(self, dout):
        return dout * (1 - self.out ** 2)


class SigmoidSlopeTanh(GoodTanh):
    def backward(self, dout):
        return dout * self.out * (1 - self.out)  # the sigmoid's formula: wrong for tanh


CASES = {
    "chain_rule_mul": (lambda x, y: (2 * x * y * y, 2 * x * y * x),
                       lambda x, y: (2 * x * y, 2 * x * y)),
    "sub_layer": (GoodSub, AddNotSub),
    "relu_layer": (GoodRelu, BookRelu),
    "tanh_layer": (GoodTanh, SigmoidSlopeTanh),
}
STUBS = {"chain_rule_mul": stub_function, "sub_layer": StubLayer, "relu_layer": StubLayer,
         "tanh_layer": StubLayer}


@pytest.mark.parametrize("name", sorted(CASES))
def test_correct_attempt_passes(name, capsys):
    result = check(name, CASES[name][0])
    assert result.passed, result.message
    assert capsys.readouterr().out == f"{name}: PASS\n"


@pytest.mark.parametrize("name", sorted(CASES))
def test_wrong_attempt_fails_with_hint(name):
    result = check(name, CASES[name][1], quiet=True)
    assert result.status == "failed"
    assert "FAIL" in result.message and "Hint:" in result.message


@pytest.mark.parametrize("name", sorted(STUBS))
def test_stub_is_not_attempted(name, capsys):
    result = check(name, STUBS[name])
    assert result.status == "not attempted"
    assert capsys.readouterr().out.startswith(f"{name}: not attempted yet. Hint: ")


def test_book_relu_failure_names_the_mutation():
    message = check("relu_layer", BookRelu, quiet=True).message
    assert "changed the caller's dout" in message


def test_wrong_return_shape_is_explained():
    message = check("chain_rule_mul", lambda x, y: 2 * x * y * y, quiet=True).message
    assert "should return a pair" in message


def test_chain_rule_mul_accepts_a_list():
    result = check("chain_rule_mul", lambda x, y: [2 * x * y * y, 2 * x * y * x], quiet=True)
    assert result.passed, result.message
