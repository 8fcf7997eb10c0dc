"""Checks for the exercises of notebooks 04-07 (Affine, softmax, TwoLayerNet, training)."""
