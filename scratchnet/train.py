"""`python -m scratchnet.train`: train TwoLayerNet on MNIST from the command line.

The training code itself is scratchnet/training.py; `--help` lists the options. This command
shows the toolkit's progress bar (text on a terminal) while it trains.
"""

from __future__ import annotations

import argparse
import sys

import numpy as np

from .mnist import load_mnist
from .toolkit import progress  # noqa: F401  (installs the progress bar that train() shows)
from .training import DEFAULT_SEED, TrainingDiverged, train
from .two_layer_net import TwoLayerNet


def main(argv=None) -> int:
    p = argparse.ArgumentParser(prog="python -m scratchnet.train",
                                description="Train TwoLayerNet on MNIST by backprop (book chapter 5).")
    p.add_argument("--iters", type=int, default=10_000, help="SGD iterations (default 10000)")
    p.add_argument("--batch-size", type=int, default=100, help="mini-batch size (default 100)")
    p.add_argument("--lr", type=float, default=0.1, help="learning rate (default 0.1)")
    p.add_argument("--hidden", type=int, default=50, help="hidden layer size (default 50)")
    p.add_argument("--seed", type=int, default=DEFAULT_SEED,
                   help=f"random seed for weights and batches (default {DEFAULT_SEED})")
    p.add_argument("--quiet", action="store_true", help="no progress bar, no per-epoch lines")
    args = p.parse_args(argv)

    (x_train, t_train), (x_test, t_test) = load_mnist()
    rng = np.random.default_rng(args.seed)
    net = TwoLayerNet(784, args.hidden, 10, rng=rng, dtype=np.float32)  # float32: twice as fast
    try:
        history = train(net, x_train, t_train, x_test, t_test, iters=args.iters,
                        batch_size=args.batch_size, lr=args.lr, rng=rng,
                        progress=False if args.quiet else "auto", verbose=not args.quiet)
    except TrainingDiverged as e:
        print(e, file=sys.stderr)
        return 1
    if not args.quiet:
        print(f"trained in {history.seconds:.1f}s")
    print(f"test accuracy: {history.test_acc[-1]:.4f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
