"""MulLayer and AddLayer reproduce the book's apple and apple + orange examples."""

import numpy as np
import pytest

from scratchnet import AddLayer, MulLayer


def test_apple_example():
    mul_apple, mul_tax = MulLayer(), MulLayer()
    apple_price = mul_apple.forward(100, 2)
    price = mul_tax.forward(apple_price, 1.1)
    dapple_price, dtax = mul_tax.backward(1)
    dapple, dapple_num = mul_apple.backward(dapple_price)
    assert price == pytest.approx(220)
    assert (dapple, dapple_num, dtax) == pytest.approx((2.2, 110, 200))


def test_apple_orange_example():
    mul_apple, mul_orange, add, mul_tax = MulLayer(), MulLayer(), AddLayer(), MulLayer()
    all_price = add.forward(mul_apple.forward(100, 2), mul_orange.forward(150, 3))
    price = mul_tax.forward(all_price, 1.1)
    dall_price, dtax = mul_tax.backward(1)
    dapple_price, dorange_price = add.backward(dall_price)
    dorange, dorange_num = mul_orange.backward(dorange_price)
    dapple, dapple_num = mul_apple.backward(dapple_price)
    assert price == pytest.approx(715)
    assert price == 715.0000000000001  # floating point: 1.1 is not exactly representable
    assert (dapple, dapple_num, dorange, dorange_num, dtax) == pytest.approx((2.2, 110, 3.3, 165, 650))
    assert dorange == 3.3000000000000003


def test_layers_work_on_arrays():
    mul = MulLayer()
    x, y = np.array([1.0, 2.0]), np.array([3.0, 4.0])
    np.testing.assert_array_equal(mul.forward(x, y), [3.0, 8.0])
    dx, dy = mul.backward(np.array([1.0, 10.0]))
    np.testing.assert_array_equal(dx, [3.0, 40.0])
    np.testing.assert_array_equal(dy, [1.0, 20.0])
    add = AddLayer()
    add.forward(x, y)
    dx, dy = add.backward(np.array([5.0, 6.0]))
    np.testing.assert_array_equal(dx, [5.0, 6.0])
    np.testing.assert_array_equal(dy, [5.0, 6.0])


@pytest.mark.parametrize("layer", [MulLayer, AddLayer])
def test_backward_before_forward_names_the_layer(layer):
    with pytest.raises(RuntimeError, match=f"{layer.__name__}.backward was called before"):
        layer().backward(1.0)
