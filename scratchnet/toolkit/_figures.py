"""Shared figure helpers of the plotting modules (notebooks 04-07): colours and a clean Figure.

Every plotting function of the toolkit draws from live values and returns the matplotlib
Figure. Pass `fig` to draw into an existing Figure (the explorer widgets do, and redraw it in
place); without it a new pyplot figure is made, so a notebook cell can end with `plt.show()`.
"""

from __future__ import annotations

import matplotlib.pyplot as plt
from matplotlib.figure import Figure

GRAD_COLOR = "tab:red"  # gradients are red, as in the book's figures
TRUE_COLOR = "tab:green"
WRONG_COLOR = "tab:red"
BAR_COLOR = "tab:blue"


def _figure(fig: Figure | None, figsize: tuple) -> Figure:
    """A clean figure: the one given (cleared, resized) or a new pyplot figure."""
    if fig is None:
        return plt.figure(figsize=figsize)
    fig.clear()
    fig.set_size_inches(*figsize)
    return fig
