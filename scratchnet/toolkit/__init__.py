"""The notebooks' toolkit: what draws, animates and checks, kept apart from the book's code.

Each module is named after what it shows:

- computational_graphs: computational graphs drawn from live values, forward and backward (01-03)
- chain_rule: z = (x + y)**2 and its gradients checked three ways, with sliders (01)
- shopping: the apple and orange shopping graph and what each input does to the bill (02)
- activations: ReLU and sigmoid forward and backward, where the gradient is blocked or vanishes (03)
- affine_shapes: the shape of every array of an Affine layer, forward and backward (04)
- softmax_bars: softmax probabilities, loss and gradient y - t as bar charts (04)
- gradient_cost: seconds per gradient, numerical against backprop (05)
- digits: MNIST digits, first-layer weights, predictions and the confusion matrix (06)
- training_curves: loss and accuracy curves, and a dashboard that trains live (06)
- progress: the training progress bar, a widget in Jupyter and text in a terminal
- fonts: Hangul in figures while scratchnet speaks Korean (NanumGothic, from koreanize-matplotlib)
- exercises: the exercise checker (`check`), PASS, FAIL with a hint, or "not attempted yet"
- reset: puts the fresh exercise stubs back into a notebook (`python -m scratchnet.toolkit.reset`)

`_panel` (widget plumbing) and `_figures` (figure helpers) are shared by the modules above.
"""

from . import fonts, progress  # noqa: E402,F401  (the figures' font; train()'s progress bar)
