"""The explorer widgets of notebooks 04 and 06, driven headlessly: set .value, click buttons."""

import matplotlib

matplotlib.use("Agg")

import numpy as np
import pytest

from scratchnet import TwoLayerNet
from scratchnet.toolkit.affine_shapes import AffineShapeExplorer, affine_shape_table
from scratchnet.toolkit.digits import DigitInspector
from scratchnet.toolkit.softmax_bars import SoftmaxExplorer
from scratchnet.toolkit.training_curves import TrainingDashboard


def test_affine_shape_table_runs_a_real_layer():
    text, shapes = affine_shape_table(100, 784, 50)
    assert shapes["X"] == (100, 784) and shapes["dX"] == (100, 784)
    assert shapes["dW"] == shapes["W"] == (784, 50) and shapes["db"] == shapes["b"] == (50,)
    assert "dY @ W.T" in text and "X.T @ dY" in text


def test_affine_shape_table_for_image_input_restores_the_shape():
    text, shapes = affine_shape_table(5, 784, 10, images=True)
    assert shapes["x"] == shapes["dx"] == (5, 1, 28, 28)
    assert shapes["X"] == (5, 784)
    with pytest.raises(ValueError, match="d_in must be 784"):
        affine_shape_table(5, 100, 10, images=True)


def test_affine_explorer_updates_when_a_slider_moves():
    e = AffineShapeExplorer()
    assert e.shapes["Y"] == (2, 3)
    e.batch.value = 7
    assert e.shapes["Y"] == (7, 3) and e.shapes["dX"] == (7, 4)
    e.d_out.value = 10
    assert e.shapes["dW"] == (4, 10)
    assert "(7, 10)" in e.table.value
    texts = {t.get_text() for t in e.figure.axes[0].texts}
    assert "(7, 10)" in texts  # the figure was redrawn from the new sizes


def _track_px(slider) -> int:
    """Pixels left for a slider's track: its width minus its label's width."""
    return int(slider.layout.width.removesuffix("px")) - int(slider.style.description_width.removesuffix("px"))


def test_affine_explorer_sliders_have_a_usable_track():
    e = AffineShapeExplorer()
    for slider in (e.batch, e.d_in, e.d_out):
        assert _track_px(slider) >= 250, slider.description


def test_affine_explorer_image_checkbox_fixes_d_in():
    e = AffineShapeExplorer()
    e.images.value = True
    assert e.d_in.value == 784 and e.d_in.disabled
    assert e.shapes["x"] == (2, 1, 28, 28)
    e.images.value = False
    assert not e.d_in.disabled and "x" not in e.shapes


def test_softmax_explorer_matches_the_layer():
    s = SoftmaxExplorer((2.0, 0.5, -1.0), target=0)
    np.testing.assert_allclose(s.state["probs"], [0.78559703, 0.17529039, 0.03911257], atol=1e-8)
    assert s.state["loss"] == pytest.approx(0.2413113, abs=1e-6)
    s.target.value = 2
    np.testing.assert_allclose(s.state["grad"], s.state["probs"] - [0, 0, 1])
    assert "loss = " in s.label.value


def test_softmax_explorer_raising_the_true_score_lowers_the_loss():
    s = SoftmaxExplorer((0.0, 0.0, 0.0), target=1)
    assert s.state["loss"] == pytest.approx(np.log(3))
    before = s.state["loss"]
    s.sliders[1].value = 5.0
    assert s.state["loss"] < before
    assert s.state["grad"][1] < 0 < s.state["grad"][0]  # descent raises x[1], lowers the others
    with pytest.raises(ValueError, match="SoftmaxExplorer"):
        SoftmaxExplorer((1.0,), target=0)


@pytest.fixture(scope="module")
def small_mnist():
    from scratchnet import load_mnist
    (x_train, t_train), (x_test, t_test) = load_mnist()
    return x_train[:1000], t_train[:1000], x_test[:200], t_test[:200]


def test_digit_inspector_shows_the_networks_probabilities(small_mnist):
    _, _, x_test, t_test = small_mnist
    net = TwoLayerNet(784, 10, 10, rng=0)
    d = DigitInspector(net, x_test, t_test)
    assert d.state["label"] == int(t_test[0])
    assert d.state["probs"].sum() == pytest.approx(1, abs=1e-5)
    d.index.value = 3
    assert d.state["index"] == 3 and d.state["label"] == int(t_test[3])
    assert f"image 3: label {t_test[3]}" in d.label.value


def test_digit_inspector_next_mistake_button(small_mnist):
    _, _, x_test, t_test = small_mnist
    net = TwoLayerNet(784, 10, 10, rng=0)  # untrained: most answers are wrong
    d = DigitInspector(net, x_test, t_test)
    d.next_mistake.click()
    i = d.index.value
    assert d.state["predicted"] != d.state["label"]
    preds = net.predict(x_test[:i + 1]).argmax(axis=1)
    assert (preds[1:i] == t_test[1:i]).all()  # none skipped on the way


def test_training_dashboard_trains_with_the_controls(small_mnist):
    dash = TrainingDashboard(*small_mnist, iters=100, evaluations=5)
    dash.hidden.value = 20
    dash.button.click()
    h = dash.history
    assert len(h.loss) == 100 and h.eval_iters == [20, 40, 60, 80, 100]
    assert dash.network.params["W1"].shape == (784, 20)
    assert h.test_acc[-1] > 0.5
    assert "test accuracy" in dash.status.value and not dash.button.disabled
    assert len(dash.figure.axes) == 2


@pytest.mark.filterwarnings("ignore::RuntimeWarning")
def test_training_dashboard_reports_divergence(small_mnist):
    dash = TrainingDashboard(*small_mnist, iters=50, evaluations=5)
    x_train = small_mnist[0]
    dash.data = (x_train * 1e30, *small_mnist[1:])  # absurd inputs: the loss overflows
    dash.train()
    assert "diverged" in dash.status.value
    assert not np.isfinite(dash.history.loss[-1])


def test_dashboard_and_inspector_sliders_have_a_usable_track(small_mnist):
    dash = TrainingDashboard(*small_mnist, iters=100)
    for slider in (dash.hidden, dash.lr, dash.batch_size, dash.iters):
        assert _track_px(slider) >= 250, slider.description
    net = TwoLayerNet(784, 10, 10, rng=0)
    inspector = DigitInspector(net, small_mnist[2], small_mnist[3])
    assert _track_px(inspector.index) >= 250


def test_training_dashboard_describes_the_planned_run(small_mnist):
    dash = TrainingDashboard(*small_mnist, iters=100)
    assert dash.plan.value.startswith("784-50-10 network, 39,760 parameters")
    dash.hidden.value = 20
    dash.iters.value = 50
    assert "784-20-10 network, 15,910 parameters; 50 iterations of 100 images = 5.0 epochs" == dash.plan.value
