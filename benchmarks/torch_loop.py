"""The same network and training as `python -m scratchnet.train`, written in PyTorch on the CPU.

784-50-10 (Linear, ReLU, Linear), cross-entropy, plain SGD lr 0.1, batch 100, 10000 iterations;
weights N(0, 0.01^2) and zero biases, as TwoLayerNet starts; one random permutation of the
training set per epoch, as scratchnet.training does; train and test accuracy every 600
iterations and after the last (17 evaluations), under torch.no_grad(). Data from
scratchnet.load_mnist, shared with numpy (torch.from_numpy, no copy). Threads: torch's default.

    python benchmarks/torch_loop.py [--iters 10000] [--seed 0]

Last line: `test accuracy: 0.xxxx` (after the last iteration).
"""

import argparse
import time

import torch
from torch import nn

from scratchnet import load_mnist


def make_model(hidden: int = 50) -> nn.Sequential:
    model = nn.Sequential(nn.Linear(784, hidden), nn.ReLU(), nn.Linear(hidden, 10))
    with torch.no_grad():
        for layer in (model[0], model[2]):
            layer.weight.normal_(0.0, 0.01)  # like TwoLayerNet: 0.01 * standard normal
            layer.bias.zero_()
    return model


@torch.no_grad()
def accuracy(model, x, t) -> float:
    return (model(x).argmax(dim=1) == t).float().mean().item()


def batch_indices(n: int, batch_size: int, gen):
    """One random permutation per epoch, cut into batches (like scratchnet.training)."""
    while True:
        perm = torch.randperm(n, generator=gen)
        for i in range(0, n - batch_size + 1, batch_size):
            yield perm[i:i + batch_size]


def main(argv=None):
    p = argparse.ArgumentParser(description="TwoLayerNet in PyTorch on the CPU (benchmark).")
    p.add_argument("--iters", type=int, default=10000, help="iterations (default 10000)")
    p.add_argument("--seed", type=int, default=0, help="torch.manual_seed (default 0)")
    args = p.parse_args(argv)

    torch.manual_seed(args.seed)
    start = time.perf_counter()
    (x_train, t_train), (x_test, t_test) = load_mnist()  # float32 (N, 784), int64 labels (N,)
    x_train, t_train = torch.from_numpy(x_train), torch.from_numpy(t_train)
    x_test, t_test = torch.from_numpy(x_test), torch.from_numpy(t_test)

    model = make_model()
    opt = torch.optim.SGD(model.parameters(), lr=0.1)
    loss_fn = nn.CrossEntropyLoss()
    batch_size = 100
    eval_every = len(x_train) // batch_size  # 600: once per epoch
    batches = batch_indices(len(x_train), batch_size, torch.Generator().manual_seed(args.seed))
    losses, test_acc = [], []
    for i in range(1, args.iters + 1):
        idx = next(batches)
        loss = loss_fn(model(x_train[idx]), t_train[idx])
        opt.zero_grad()
        loss.backward()
        opt.step()
        losses.append(loss.item())
        if i % eval_every == 0 or i == args.iters:
            train_acc = accuracy(model, x_train, t_train)
            test_acc.append(accuracy(model, x_test, t_test))
            print(f"iter {i:>6}  loss {losses[-1]:.4f}  train acc {train_acc:.4f}  "
                  f"test acc {test_acc[-1]:.4f}", flush=True)

    print(f"evaluations: {len(test_acc)}, torch {torch.__version__}, "
          f"threads {torch.get_num_threads()} (interop {torch.get_num_interop_threads()}), "
          f"time in process: {time.perf_counter() - start:.1f}s")
    print(f"test accuracy: {test_acc[-1]:.4f}")


if __name__ == "__main__":
    main()
