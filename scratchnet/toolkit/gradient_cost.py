"""The cost of one gradient, numerical against backprop, as the number of parameters grows.

Notebook 05 draws `plot_gradient_cost` from its own timings.
"""

from __future__ import annotations

import numpy as np
from matplotlib.figure import Figure

from ._figures import GRAD_COLOR, _figure


def plot_gradient_cost(n_params, numerical_s, backprop_s, measured=None,
                       fig: Figure | None = None) -> Figure:
    """Seconds per gradient against the number of parameters P, both methods, log-log axes.

    n_params, numerical_s, backprop_s: (K,). measured: (K,) bools, True where the numerical
    time was measured in full; the others (estimated from a per-parameter time, times P)
    are drawn as open markers on a dashed line. Default: all measured.
    """
    n_params = np.asarray(n_params, dtype=float)
    numerical_s = np.asarray(numerical_s, dtype=float)
    measured = np.ones(len(n_params), bool) if measured is None else np.asarray(measured, bool)
    if not (len(n_params) == len(numerical_s) == len(backprop_s) == len(measured)):
        raise ValueError(f"plot_gradient_cost: expected arrays of one length, got {len(n_params)}, "
                         f"{len(numerical_s)}, {len(backprop_s)} and {len(measured)}")
    fig = _figure(fig, (8, 5))
    ax = fig.subplots()
    ax.loglog(n_params, numerical_s, "--", color="tab:blue", lw=1.5)
    ax.loglog(n_params[measured], numerical_s[measured], "o", color="tab:blue", ms=9,
              label="numerical gradient, measured in full")
    if not measured.all():
        ax.loglog(n_params[~measured], numerical_s[~measured], "o", ms=9, mfc="white",
                  mec="tab:blue", mew=2, label="numerical gradient, estimated:\n"
                  "measured time per parameter \u00d7 P")
    ax.loglog(n_params, backprop_s, "s-", color=GRAD_COLOR, ms=8, label="backprop, measured")
    ax.set_xlabel("number of parameters P", fontsize=13)
    ax.set_ylabel("seconds per gradient (batch of 100)", fontsize=13)
    ax.tick_params(labelsize=12)
    ax.grid(True, which="both", alpha=0.3)
    ax.legend(fontsize=11, loc="center right")
    ax.set_title("Cost of one gradient: numerical vs backprop", fontsize=14)
    fig.tight_layout()
    return fig
