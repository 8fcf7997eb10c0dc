"""Training 784-50-10 on MNIST: the hand-wired TwoLayerNet against the same net on scratchnet.autograd.

    .venv/bin/python benchmarks/autograd_vs_layers.py                 # 3 alternating rounds
    .venv/bin/python benchmarks/autograd_vs_layers.py --iters 2000 --rounds 5

Both run the book's settings (batch 100, learning rate 0.1, float32) on the same batches from
the same seed, in one process, alternating, and report CPU seconds (time.process_time: this
process's own time, less disturbed by other programs) of the training steps alone, the ratio
(the goal of notebook 08: at most 1.3), and the test accuracy each reaches.
"""

from __future__ import annotations

import argparse
import statistics
import time

import numpy as np

from scratchnet import TwoLayerNet, load_mnist
from scratchnet.autograd import Variable, relu, softmax_with_loss
from scratchnet.training import batch_indices, sgd_step


def hand_wired(net, x, t, batches, lr):
    for idx in batches:
        sgd_step(net.params, net.gradient(x[idx], t[idx]), lr)


def autograd(params, x, t, batches, lr):
    W1, b1, W2, b2 = params
    for idx in batches:
        loss = softmax_with_loss(relu(x[idx] @ W1 + b1) @ W2 + b2, t[idx])
        loss.backward()
        for p in params:
            p.data -= lr * p.grad  # in place, as sgd_step
            p.grad = None


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--iters", type=int, default=3000)
    ap.add_argument("--rounds", type=int, default=3)
    args = ap.parse_args()
    (x_train, t_train), (x_test, t_test) = load_mnist()
    times = {"hand-wired TwoLayerNet": [], "scratchnet.autograd": []}
    for _ in range(args.rounds):
        rng = np.random.default_rng(4)
        net = TwoLayerNet(784, 50, 10, rng=rng, dtype=np.float32)
        params = [Variable(net.params[k].copy()) for k in ("W1", "b1", "W2", "b2")]
        batches = [next(gen) for gen in [batch_indices(len(x_train), 100, rng)]
                   for _ in range(args.iters)]
        for name, run in (("hand-wired TwoLayerNet", lambda: hand_wired(net, x_train, t_train, batches, 0.1)),
                          ("scratchnet.autograd", lambda: autograd(params, x_train, t_train, batches, 0.1))):
            start = time.process_time()
            run()
            times[name].append(time.process_time() - start)
    check = TwoLayerNet(784, 50, 10, rng=0, dtype=np.float32)
    for k, p in zip(("W1", "b1", "W2", "b2"), params):
        check.params[k][...] = p.data
    for name, secs in times.items():
        print(f"{name:24s} median {statistics.median(secs):6.2f} s  (runs: "
              + ", ".join(f"{s:.2f}" for s in secs) + ")")
    ratio = statistics.median(times["scratchnet.autograd"]) / statistics.median(times["hand-wired TwoLayerNet"])
    print(f"ratio autograd / hand-wired: {ratio:.2f} (goal <= 1.3)")
    print(f"test accuracy: hand-wired {net.accuracy(x_test, t_test):.4f}, "
          f"autograd {check.accuracy(x_test, t_test):.4f}")


if __name__ == "__main__":
    main()
