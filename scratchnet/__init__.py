"""scratchnet: backpropagation from scratch, after chapter 5 of "Deep Learning from Scratch"."""

from .functions import cross_entropy_error, sigmoid, softmax
from .gradient import (GradCheckResult, compare_gradients, gradient_check, numerical_gradient,
                       rel_error)
from .layer_naive import AddLayer, MulLayer
from .language import set_language
from .layers import Affine, Relu, Sigmoid, SoftmaxWithLoss
from .mnist import MnistDataError, load_mnist
from .training import History, TrainingDiverged, sgd_step, train
from .two_layer_net import TwoLayerNet

__all__ = [
    "AddLayer", "Affine", "GradCheckResult", "History", "MnistDataError", "MulLayer", "Relu",
    "Sigmoid", "SoftmaxWithLoss", "TrainingDiverged", "TwoLayerNet", "compare_gradients",
    "cross_entropy_error", "gradient_check", "load_mnist", "numerical_gradient", "rel_error",
    "set_language", "sgd_step", "sigmoid", "softmax", "train",
]
