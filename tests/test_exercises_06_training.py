"""The checks of notebook 06 (training on MNIST): accuracy, sgd_update, two predictions and
the training loop.

For each exercise: an untouched stub, a half-done attempt, a wrong attempt for every constraint
the notebook states, right attempts (any reasonable form), and hints only after failures.
"""

import json
import re
from pathlib import Path

import numpy as np
import pytest

from scratchnet import TwoLayerNet, train
from scratchnet.language import set_language
from scratchnet.toolkit.exercises import check, forget_attempts
from scratchnet.toolkit.exercises import training as T
from scratchnet.training import batch_indices, sgd_step

ROOT = Path(__file__).resolve().parent.parent
NOTEBOOK = ROOT / "notebooks" / "06_mnist_training.ipynb"
SOLUTIONS = ROOT / "solutions" / "06_mnist_training.md"


def failed(name, attempt, *fragments):
    res = check(name, attempt)
    assert res.status == "failed", res.message
    for fragment in fragments:
        assert fragment in res.message, (fragment, res.message)
    return res


# ------------------------------------------------------------------------------ accuracy

def acc_stub(y, t):
    if t.ndim != 1:
        raise NotImplementedError("your code here")
    raise NotImplementedError("your code here")


def acc_book(y, t):
    if t.ndim != 1:
        t = np.argmax(t, axis=1)
    y = np.argmax(y, axis=1)
    return np.sum(y == t) / float(y.shape[0])


def make_accuracy(compare, one_hot=lambda t: t.argmax(axis=1)):
    def accuracy(y, t):
        if t.ndim != 1:
            t = one_hot(t)
        return compare(y, t)
    return accuracy


def test_accuracy_stub_is_not_attempted_and_gives_no_hint():
    res = check("accuracy", acc_stub)
    assert res.status == "not attempted" and "hint" not in res.message.lower()


def test_accuracy_half_done_names_the_missing_part():
    def indices_only(y, t):
        if t.ndim != 1:
            raise NotImplementedError("your code here")
        return np.mean(y.argmax(axis=1) == t)
    res = check("accuracy", indices_only)
    assert res.status == "partly done" and [str(d) for d in res.done] == ["class-index labels"]
    assert "one-hot labels still raises NotImplementedError" in res.message


@pytest.mark.parametrize("right", [
    acc_book,
    make_accuracy(lambda y, t: np.mean(y.argmax(axis=1) == t)),                 # NumPy float
    make_accuracy(lambda y, t: float((y.argmax(axis=1) == t).sum()) / len(y)),  # Python float
    make_accuracy(lambda y, t: np.mean(y.argmax(axis=1) == t),
                  one_hot=lambda t: np.nonzero(t)[1]),                           # another way
], ids=["book", "mean", "float", "nonzero"])
def test_accuracy_right_attempts_pass(right):
    assert check("accuracy", right).passed


def test_accuracy_a_float32_fraction_passes_and_a_fail_shows_two_different_numbers():
    as_f32 = make_accuracy(lambda y, t: np.float32(np.mean(y.argmax(axis=1) == t)))
    assert check("accuracy", as_f32).passed
    off = make_accuracy(lambda y, t: np.mean(y.argmax(axis=1) == t) + 1e-5)
    res = failed("accuracy", off, "FAIL in class-index labels")
    want, got = re.search(r"expected (\S+), got (\S+)", res.message).groups()
    assert want != got, res.message


def test_accuracy_hints_follow_the_part_and_the_mistake():
    count = make_accuracy(lambda y, t: np.sum(y.argmax(axis=1) == t))
    first = check("accuracy", count).message
    assert "what do you divide it by?" in first
    assert "np.sum(y == t) / float(y.shape[0])" in check("accuracy", count).message
    forget_attempts()
    one_hot_wrong = make_accuracy(lambda y, t: np.mean(y.argmax(axis=1) == t), one_hot=lambda t: t.argmax())
    assert "where is its largest entry?" in check("accuracy", one_hot_wrong).message
    assert "np.argmax(t, axis=1)" in check("accuracy", one_hot_wrong).message


def test_accuracy_a_count_is_not_a_fraction():
    count = make_accuracy(lambda y, t: np.sum(y.argmax(axis=1) == t))
    failed("accuracy", count, "FAIL in class-index labels", "expected 0.5, got 2",
           "count of right answers")


def test_accuracy_integer_division_and_unreduced_arrays_fail():
    failed("accuracy", make_accuracy(lambda y, t: np.sum(y.argmax(axis=1) == t) // len(y)),
           "expected the fraction 0.5, got the integer 0")
    failed("accuracy", make_accuracy(lambda y, t: y.argmax(axis=1) == t),
           "expected one number, 0.5, got ndarray of shape (4,)")


def test_accuracy_must_not_change_the_scores():
    def shifts_y(y, t):
        y -= y.max(axis=1, keepdims=True)  # harmless for argmax, but the caller's array
        return acc_book(y, t)
    failed("accuracy", shifts_y, "your code changed y (the scores)")


def test_accuracy_must_not_change_the_labels():
    def overwrites_t(y, t):
        result = acc_book(y, t)
        if t.ndim == 1:
            t[:] = y.argmax(axis=1)
        return result
    failed("accuracy", overwrites_t, "your code changed t (the labels)")


def test_accuracy_along_the_wrong_axis_fails():
    failed("accuracy", make_accuracy(lambda y, t: np.mean(y.argmax(axis=0) == t)),
           "FAIL in class-index labels", "raised ValueError")
    flat = make_accuracy(lambda y, t: np.mean(y.argmax() == t))  # one index for the whole batch
    failed("accuracy", flat, "FAIL in class-index labels", "expected 0.5, got 0")


def test_accuracy_on_a_square_batch_catches_axis_0():
    """With as many samples as classes, axis 0 gives the right shape and a wrong number."""
    def axis0_when_square(y, t):
        axis = 0 if y.shape[0] == y.shape[1] else 1
        return np.mean(y.argmax(axis=axis) == t)
    failed("accuracy", make_accuracy(axis0_when_square), "random y of shape (6, 6)")


def test_accuracy_must_work_for_a_batch_of_one():
    def squeezes(y, t):
        t = np.squeeze(t)  # (1,) -> (): no longer looks like class indices
        if t.ndim != 1:
            t = t.argmax(axis=1)
        return np.mean(y.argmax(axis=1) == t)
    failed("accuracy", squeezes, "a batch of 1", "raised AxisError")


def test_accuracy_one_hot_labels_need_their_own_argmax():
    failed("accuracy", make_accuracy(lambda y, t: np.mean(y.argmax(axis=1) == t),
                                     one_hot=lambda t: t.argmax()),
           "FAIL in one-hot labels")


def test_accuracy_hints_come_after_failures():
    count = make_accuracy(lambda y, t: np.sum(y.argmax(axis=1) == t))
    first = check("accuracy", count).message
    assert "\nHint: " in first and "stronger" not in first
    assert "\nA stronger hint: " in check("accuracy", count).message


# ---------------------------------------------------------------------------- sgd_update

def sgd_right(params, grads, lr):
    for key in params:
        params[key] -= lr * grads[key]


def test_sgd_stub_is_not_attempted():
    def stub(params, grads, lr):
        raise NotImplementedError("your code here")
    res = check("sgd_update", stub)
    assert res.status == "not attempted" and "hint" not in res.message.lower()


def test_sgd_half_done_is_told_which_key_it_left():
    """One piece, so no 'partly done': a loop over the weights only names the first key left."""
    def weights_only(params, grads, lr):
        for key in params:
            if key.startswith("W"):
                params[key] -= lr * grads[key]
    failed("sgd_update", weights_only, "params['b1'] did not change: update every key")


@pytest.mark.parametrize("right", [
    sgd_right,
    lambda p, g, lr: [np.subtract(p[k], lr * g[k], out=p[k]) for k in p] and None,
    lambda p, g, lr: [p[k].__setitem__(..., p[k] - lr * g[k]) for k in p] and None,
], ids=["augmented", "out=", "slice assignment"])
def test_sgd_right_attempts_pass(right):
    assert check("sgd_update", right).passed


def test_sgd_rebinding_fails_and_says_the_network_never_learns():
    def rebinds(params, grads, lr):
        for key in params:
            params[key] = params[key] - lr * grads[key]
    res = failed("sgd_update", rebinds, "became new arrays", "The layers keep the old arrays",
                 "the network never learns")
    assert "params['W1']" in res.message


def test_sgd_the_books_four_keys_are_not_every_key():
    def four_keys(params, grads, lr):
        for key in ("W1", "b1", "W2", "b2"):
            params[key] -= lr * grads[key]
    failed("sgd_update", four_keys, "params['gamma'] did not change")


def test_sgd_wrong_sign_and_ignored_lr_fail():
    def ascends(params, grads, lr):
        for key in params:
            params[key] += lr * grads[key]
    failed("sgd_update", ascends, "moved up the gradient")

    def fixed_lr(params, grads, lr):
        for key in params:
            params[key] -= 0.1 * grads[key]
    failed("sgd_update", fixed_lr, "lr=0.037", "not by lr * grads")


def test_sgd_must_not_change_grads():
    def scales_grads(params, grads, lr):
        for key in params:
            grads[key] *= lr
            params[key] -= grads[key]
    failed("sgd_update", scales_grads, "grads['W1'] was changed by your code")


def test_sgd_returning_new_params_changes_nothing():
    def returns(params, grads, lr):
        return {key: params[key] - lr * grads[key] for key in params}
    failed("sgd_update", returns, "no array in params changed")


def test_sgd_keeps_float32():
    """In place keeps the dtype; this attempt is in place except for float32 arrays."""
    def widens_float32(params, grads, lr):
        for key in params:
            if params[key].dtype == np.float32:
                params[key] = params[key] - lr * grads[key]  # float32 - float64 -> float64
            else:
                params[key] -= lr * grads[key]
    failed("sgd_update", widens_float32, "float32 params and float64 grads",
           "is now float64, it was float32")


def test_sgd_a_crash_names_the_call():
    def crashes(params, grads, lr):
        for key in params:
            params[key] -= lr * grads[key.upper()]
    failed("sgd_update", crashes, "sgd_step(params, grads, lr=0.1)", "raised KeyError")


def test_sgd_hints_follow_the_kind_of_mistake():
    def rebinds(params, grads, lr):
        for key in params:
            params[key] = params[key] - lr * grads[key]

    def fixed_lr(params, grads, lr):
        for key in params:
            params[key] -= 0.1 * grads[key]

    def four_keys(params, grads, lr):
        for key in ("W1", "b1", "W2", "b2"):
            params[key] -= lr * grads[key]
    assert "put new ones into the dict?" in check("sgd_update", rebinds).message
    assert "out=params[key]" in check("sgd_update", rebinds).message
    forget_attempts()
    assert "where does the step size come from?" in check("sgd_update", fixed_lr).message
    forget_attempts()
    assert "whatever its name" in check("sgd_update", four_keys).message
    assert "for key in params:" in check("sgd_update", four_keys).message


def test_sgd_hints_come_after_failures():
    def rebinds(params, grads, lr):
        for key in params:
            params[key] = params[key] - lr * grads[key]
    assert "\nHint: " in check("sgd_update", rebinds).message
    assert "\nA stronger hint: " in check("sgd_update", rebinds).message


# ----------------------------------------------------------------------- the predictions

def test_untrained_guess_four_outcomes():
    assert check("mnist_untrained_guess", {"loss": None, "accuracy": None}).status == "not attempted"
    half = check("mnist_untrained_guess", {"loss": 2.3, "accuracy": None})
    assert half.status == "partly done" and half.done == ("loss",)
    assert "accuracy is still None" in half.message
    res = failed("mnist_untrained_guess", {"loss": 0.1, "accuracy": 0.1}, "FAIL in loss",
                 "you predicted 0.1, which is not it", "looks like a probability")
    assert "2.3" not in res.message
    res = failed("mnist_untrained_guess", {"loss": 2.3, "accuracy": 0.9}, "FAIL in accuracy",
                 "you predicted 0.9", "too large", "right by chance")
    assert "0.1" not in res.message
    assert check("mnist_untrained_guess", {"loss": np.log(10), "accuracy": 0.1}).passed
    assert check("mnist_untrained_guess", {"loss": 2.3, "accuracy": 0.135}).passed


def test_untrained_guess_says_what_is_malformed():
    res = failed("mnist_untrained_guess", {"loss": 2.3, "accuracy": 10}, "as a fraction",
                 "not as a percentage")
    assert "0.1" not in res.message
    failed("mnist_untrained_guess", {"loss": -1, "accuracy": 0.1}, "never negative")
    slip = failed("mnist_untrained_guess", {"loss": "2.3", "accuracy": 0.1}, "without quotes")
    assert "Hint" not in slip.message
    failed("mnist_untrained_guess", (2.3, 0.1), "write a dict")
    failed("mnist_untrained_guess", {"los": 2.3, "accuracy": 0.1}, "the dict has no 'loss'")


def test_untrained_guess_hints_come_after_failures():
    wrong = {"loss": 1.0, "accuracy": 0.1}
    first = check("mnist_untrained_guess", wrong).message
    assert "\nHint: " in first and "What does softmax make" in first
    assert "\nA stronger hint: " in check("mnist_untrained_guess", wrong).message
    assert "\nHint: " in check("mnist_untrained_guess", {"loss": 2.3, "accuracy": 0.9}).message


def test_epoch_count_four_outcomes():
    assert check("mnist_epoch_count", {"iters_per_epoch": None, "lines": None}).status == "not attempted"
    half = check("mnist_epoch_count", {"iters_per_epoch": 600, "lines": None})
    assert half.status == "partly done" and "lines is still None" in half.message
    res = failed("mnist_epoch_count", {"iters_per_epoch": 100, "lines": 17}, "the batch size")
    assert "600" not in res.message
    res = failed("mnist_epoch_count", {"iters_per_epoch": 6000, "lines": 17}, "you predicted 6000",
                 "too large", "batches of 100")
    assert not re.search(r"\b600\b", res.message), res.message
    res = failed("mnist_epoch_count", {"iters_per_epoch": 600, "lines": 16}, "you predicted 16",
                 "You counted the epochs that end")
    assert "17" not in res.message
    failed("mnist_epoch_count", {"iters_per_epoch": 600, "lines": 16.67}, "a whole number")
    assert check("mnist_epoch_count", {"iters_per_epoch": 600, "lines": 17}).passed
    assert check("mnist_epoch_count", {"iters_per_epoch": 600.0, "lines": np.int64(17)}).passed


def test_epoch_count_hints_come_after_failures():
    wrong = {"iters_per_epoch": 600, "lines": 16}
    assert "\nHint: " in check("mnist_epoch_count", wrong).message
    stronger = check("mnist_epoch_count", wrong).message
    assert "\nA stronger hint: " in stronger and "17" not in stronger


def test_the_predictions_never_show_the_right_value_in_korean_either():
    set_language("ko")
    try:
        res = failed("mnist_epoch_count", {"iters_per_epoch": 100, "lines": 17}, "배치 크기")
        assert "600" not in res.message
        res = failed("mnist_untrained_guess", {"loss": 2.3, "accuracy": 10}, "퍼센트")
        assert "0.1" not in res.message
    finally:
        set_language("en")


# ------------------------------------------------------------------------- training_loop

def loop(draw="batch_indices", update="sgd_step", record="after", when="after", sets="right",
         lr=None, stop=None):
    """A training loop in the book's names, with one thing changed when asked."""
    def train_loop(network, x_train, t_train, x_test, t_test, iters_num, batch_size,
                   learning_rate, rng):
        train_loss_list, train_acc_list, test_acc_list = [], [], []
        train_size = x_train.shape[0]
        iter_per_epoch = max(train_size / batch_size, 1)
        batches = batch_indices(train_size, batch_size, rng)
        step = learning_rate if lr is None else lr
        for i in range(iters_num):
            if draw == "batch_indices":
                batch_mask = next(batches)
            elif draw == "choice":
                batch_mask = rng.choice(train_size, batch_size)  # the book's way
            else:  # "part": the first quarter only
                batch_mask = rng.choice(train_size // 4, batch_size)
            x_batch, t_batch = x_train[batch_mask], t_train[batch_mask]
            if when == "before" and i % iter_per_epoch == 0:
                train_acc_list.append(network.accuracy(x_train, t_train))
                test_acc_list.append(network.accuracy(x_test, t_test))
            grad = network.gradient(x_batch, t_batch)
            if record == "before":
                train_loss_list.append(float(network.lastLayer.loss))
            if update == "sgd_step":
                sgd_step(network.params, grad, step)
            elif update == "keys":
                for key in ("W1", "b1", "W2", "b2"):
                    network.params[key] -= step * grad[key]
            else:  # "rebind"
                for key in network.params:
                    network.params[key] = network.params[key] - step * grad[key]
            if stop == "records":
                raise NotImplementedError("your code here")
            if record == "after":
                train_loss_list.append(network.loss(x_batch, t_batch))
            if record == "epoch" and i % iter_per_epoch == 0:
                train_loss_list.append(network.loss(x_batch, t_batch))
            k = {"after": i, "one-based": i + 1}.get(when)
            if k is not None and k % iter_per_epoch == 0:
                a, b = (x_train, t_train), (x_test, t_test)
                if sets == "swapped":
                    a, b = b, a
                train_acc_list.append(network.accuracy(*a))
                test_acc_list.append(network.accuracy(*b))
        return train_loss_list, train_acc_list, test_acc_list
    return train_loop


def loop_stub(network, x_train, t_train, x_test, t_test, iters_num, batch_size, learning_rate, rng):
    train_loss_list, train_acc_list, test_acc_list = [], [], []
    train_size = x_train.shape[0]
    iter_per_epoch = max(train_size / batch_size, 1)
    for i in range(iters_num):
        raise NotImplementedError("your code here")
        raise NotImplementedError("your code here")
    return train_loss_list, train_acc_list, test_acc_list


def test_loop_stub_is_not_attempted_and_gives_no_hint():
    res = check("training_loop", loop_stub)
    assert res.status == "not attempted" and "hint" not in res.message.lower()


def test_loop_with_the_step_written_and_no_records_is_partly_done():
    res = check("training_loop", loop(stop="records"))
    assert res.status == "partly done", res.message
    assert "the training step is right" in res.message
    assert "the records still raises NotImplementedError" in res.message


@pytest.mark.parametrize("right", [
    loop(),                                                      # batch_indices, sgd_step, book's loss
    loop(draw="choice", update="keys", record="after"),          # the book's train_neuralnet.py
    loop(record="before"),                                       # the loss of gradient's forward pass
], ids=["scratchnet", "book", "loss-before-update"])
def test_loop_right_loops_pass(right):
    res = check("training_loop", right)
    assert res.passed, res.message


def test_loop_with_batch_indices_gives_the_results_of_train_for_the_same_seed():
    """Where the algorithm is the same, the loop's numbers are train's: the check's replay is
    train's loop with the book's evaluation points."""
    (x_train, t_train, x_test, t_test), _ = T._loop_data()
    L = T.LOOP
    mine = TwoLayerNet(784, L["hidden"], 10, rng=L["seed"], dtype=np.float32)
    losses, _, _ = loop(record="before")(mine, x_train, t_train, x_test, t_test, L["iters_num"],
                                         L["batch_size"], L["learning_rate"],
                                         np.random.default_rng(L["seed"]))
    net = TwoLayerNet(784, L["hidden"], 10, rng=L["seed"], dtype=np.float32)
    history = train(net, x_train, t_train, x_test, t_test, iters=L["iters_num"],
                    batch_size=L["batch_size"], lr=L["learning_rate"],
                    rng=np.random.default_rng(L["seed"]))
    assert losses == history.loss
    assert all(np.array_equal(mine.params[k], net.params[k]) for k in net.params)
    batches = batch_indices(L["n_train"], L["batch_size"], np.random.default_rng(L["seed"]))
    replay = T._replay([next(batches) for _ in range(L["iters_num"])], L["learning_rate"])
    assert replay["before"] == history.loss
    assert all(np.array_equal(replay["params"][k], net.params[k]) for k in net.params)


def test_loop_that_rebinds_the_parameters_fails_about_in_place():
    res = failed("training_loop", loop(update="rebind"), "FAIL in the training step",
                 "are new arrays", "The layers keep the old ones", "in place")
    assert "network.params['W1']" in res.message
    assert "put new ones into the dict?" in res.message


def test_loop_that_evaluates_at_the_wrong_iterations_fails():
    res = failed("training_loop", loop(when="one-based"), "FAIL in the records",
                 "train_acc_list has 3 entries", "i % iter_per_epoch == 0", "0, 120, 240, 360")
    assert "after that iteration's update" in res.message  # the hint about when
    failed("training_loop", loop(when="before"), "FAIL in the records",
           "before the update of iteration i")


def test_loop_that_samples_from_part_of_the_data_fails():
    failed("training_loop", loop(draw="part"), "FAIL in the training step",
           "came from the first", "of the 6,000 training images", "whole training set")


def test_loop_that_swaps_train_and_test_accuracy_fails():
    failed("training_loop", loop(sets="swapped"), "FAIL in the records", "swapped")


def test_loop_that_records_the_loss_once_per_epoch_fails():
    failed("training_loop", loop(record="epoch"), "FAIL in the records",
           "train_loss_list has 4 entries, iters_num is 400", "every iteration")


def test_loop_with_a_hard_coded_learning_rate_fails():
    failed("training_loop", loop(lr=0.1), "FAIL in the training step", "moved by 0.1 * grad",
           "learning_rate")


def test_loop_that_crashes_or_runs_too_long_is_told_so():
    def crashes(network, x_train, t_train, x_test, t_test, iters_num, batch_size, learning_rate, rng):
        for i in range(iters_num):
            grad = network.gradient(x_train[:batch_size], t_train[:batch_size])
            network.params["W3"] -= learning_rate * grad["W1"]
    failed("training_loop", crashes, "FAIL in the training step", "raised KeyError", "iters_num=400")

    def ten_thousand(network, x_train, t_train, x_test, t_test, iters_num, batch_size,
                     learning_rate, rng):
        return loop()(network, x_train, t_train, x_test, t_test, 10_000, batch_size,
                      learning_rate, rng)
    failed("training_loop", ten_thousand, "ran more than iters_num = 400 iterations")


def test_loop_labels_must_belong_to_the_images():
    def shifted_labels(network, x_train, t_train, x_test, t_test, iters_num, batch_size,
                       learning_rate, rng):
        batches = batch_indices(x_train.shape[0], batch_size, rng)
        for i in range(iters_num):
            idx = next(batches)
            sgd_step(network.params, network.gradient(x_train[idx], t_train[(idx + 1) % len(t_train)]),
                     learning_rate)
        return [], [], []
    failed("training_loop", shifted_labels, "t_batch is not the labels of x_batch's images")


def test_loop_returning_something_else_is_a_format_slip():
    def returns_network(*args):
        loop()(*args)
        return args[0]
    res = failed("training_loop", returns_network, "not in the form asked",
                 "should return three lists")
    assert "Hint" not in res.message


def test_loop_hints_belong_to_the_part():
    first = check("training_loop", loop(sets="swapped")).message
    assert "\nHint: Each list has its own set" in first
    assert "\nA stronger hint: train_acc_list.append(network.accuracy(x_train, t_train))" in \
        check("training_loop", loop(sets="swapped")).message
    first = check("training_loop", loop(draw="part")).message
    assert "\nHint: Each batch is a random draw from all train_size images" in first


# ----------------------------------------------- the notebook's stubs and the answer key

def _cells():
    cells = json.loads(NOTEBOOK.read_text(encoding="utf-8"))["cells"]
    return {c["metadata"]["scratchnet"]["exercise"]: "".join(c["source"]) for c in cells
            if "exercise" in c.get("metadata", {}).get("scratchnet", {})}


def _run(source):
    namespace = {"np": np, "check": check, "batch_indices": batch_indices, "sgd_step": sgd_step}
    *body, last = source.rstrip().splitlines()
    exec("\n".join(body), namespace)
    return eval(last, namespace)


def test_the_notebooks_stubs_are_not_attempted_and_its_solutions_pass():
    cells = _cells()
    assert sorted(cells) == ["accuracy", "mnist_epoch_count", "mnist_untrained_guess", "sgd_update",
                            "training_loop"]
    solutions = dict(re.findall(r"<!-- solution: (\w+) -->\s*```python\n(.*?)```",
                                SOLUTIONS.read_text(encoding="utf-8"), re.S))
    for name, source in cells.items():
        assert _run(source).status == "not attempted", name
        last = source.rstrip().splitlines()[-1]
        assert _run(solutions[name].rstrip() + "\n\n" + last).passed, name


@pytest.fixture(autouse=True)
def _fresh():
    forget_attempts()
    yield
    forget_attempts()
