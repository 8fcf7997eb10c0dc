"""The cost of one gradient, numerical against backprop, as the number of parameters grows.

Notebook 05 (Going deeper) times both methods with `seconds`, estimates the numerical gradients
too slow to time in full with `numerical_estimate`, fits `loglog_slope` to the times and draws
them with `plot_gradient_cost`. The tests check this logic on made-up numbers, not on a clock.
"""

from __future__ import annotations

import time

import numpy as np
from matplotlib.figure import Figure

from ..gradient import numerical_gradient
from ..language import tr
from ._figures import GRAD_COLOR, _figure


def seconds(f, repeat: int = 5, clock=time.process_time) -> float:
    """The best of `repeat` runs of f(), in seconds of `clock`.

    The default clock, time.process_time, counts the processor time of this Python process
    (of all its threads together, BLAS threads included), not the time it spent waiting while
    other programs ran; the best run is the one least disturbed by whatever else happened.
    `clock` is any function that returns a time in seconds (time.perf_counter: the wall clock).
    """
    best = float("inf")
    for _ in range(repeat):
        start = clock()
        f()
        best = min(best, clock() - start)
    return best


def numerical_estimate(net, x, t, repeat: int = 7, timer=seconds) -> float:
    """Seconds for a full numerical gradient of `net`, estimated without computing it.

    Times the numerical gradient of b2 alone (`timer(f, repeat)`, the best of `repeat` runs),
    divides by b2's size to get the time per parameter, and multiplies by the number of
    parameters P: every parameter costs the same two forward passes.
    """
    f = lambda _: net.loss(x, t)
    b2 = net.params["b2"]
    per_param = timer(lambda: numerical_gradient(f, b2), repeat) / b2.size
    return per_param * sum(p.size for p in net.params.values())


def loglog_slope(n_params, secs) -> float:
    """k of the straight line fitted to (log P, log seconds): time grows about like P**k."""
    n_params, secs = np.asarray(n_params, dtype=float), np.asarray(secs, dtype=float)
    if n_params.shape != secs.shape or n_params.size < 2:
        raise ValueError(f"loglog_slope: expected two arrays of one length, at least 2, got "
                         f"{n_params.shape} and {secs.shape}")
    return float(np.polyfit(np.log(n_params), np.log(secs), 1)[0])


def plot_gradient_cost(n_params, numerical_s, backprop_s, measured=None, labels=None,
                       fig: Figure | None = None) -> Figure:
    """Seconds per gradient against the number of parameters P, both methods, log-log axes.

    n_params, numerical_s, backprop_s: (K,). measured: (K,) bools, True where the numerical
    time was measured in full; the others (estimated from a per-parameter time, times P)
    are drawn as open markers on a dashed line. Default: all measured. labels: (K,) strings
    written beside the numerical points, e.g. the networks' sizes "784-50-10".
    """
    n_params = np.asarray(n_params, dtype=float)
    numerical_s = np.asarray(numerical_s, dtype=float)
    measured = np.ones(len(n_params), bool) if measured is None else np.asarray(measured, bool)
    labels = [] if labels is None else list(labels)
    if not (len(n_params) == len(numerical_s) == len(backprop_s) == len(measured)) or \
            (labels and len(labels) != len(n_params)):
        raise ValueError(f"plot_gradient_cost: expected arrays of one length, got {len(n_params)}, "
                         f"{len(numerical_s)}, {len(backprop_s)}, {len(measured)} "
                         f"and {len(labels)} labels")
    fig = _figure(fig, (8, 5))
    ax = fig.subplots()
    ax.loglog(n_params, numerical_s, "--", color="tab:blue", lw=1.5)
    ax.loglog(n_params[measured], numerical_s[measured], "o", color="tab:blue", ms=9,
              label=tr("numerical gradient, measured in full", "수치 미분: 끝까지 잰 시간"))
    if not measured.all():
        ax.loglog(n_params[~measured], numerical_s[~measured], "o", ms=9, mfc="white",
                  mec="tab:blue", mew=2,
                  label=tr("numerical gradient, estimated:\nmeasured time per parameter \u00d7 P",
                           "수치 미분: 추정한 시간\n= 매개변수 하나당 잰 시간 \u00d7 P"))
    ax.loglog(n_params, backprop_s, "s-", color=GRAD_COLOR, ms=8, label=tr("backprop, measured", "오차역전파법: 잰 시간"))
    for p, s, label in zip(n_params, numerical_s, labels):  # right of each point, under the line
        ax.annotate(label, (p, s), xytext=(9, -12), textcoords="offset points", ha="left",
                    fontsize=10)
    if labels:  # room on the right for the last label
        ax.set_xlim(right=n_params.max() * 2.5)
    ax.set_xlabel(tr("number of parameters P", "매개변수의 수 P"), fontsize=13)
    ax.set_ylabel(tr("seconds per gradient (batch of 100)", "기울기 한 번의 계산 시간(초, 배치 크기 100)"),
                  fontsize=13)
    ax.tick_params(labelsize=12)
    ax.grid(True, which="both", alpha=0.3)
    ax.legend(fontsize=11, loc="center right")
    ax.set_title(tr("Cost of one gradient: numerical vs backprop",
                    "기울기 한 번의 비용: 수치 미분 대 오차역전파법"), fontsize=14)
    fig.tight_layout()
    return fig
