"""Test-wide settings.

BLAS threads change the last bits of matrix products, so the notebooks run single-threaded,
as they were when their outputs were stored (.ci/store-notebook-outputs). Kernels started by
nbval inherit this environment.
"""

import os

import pytest

from scratchnet.toolkit.exercises import forget_attempts

os.environ["OPENBLAS_NUM_THREADS"] = "1"
os.environ.pop("MPLBACKEND", None)  # plot cells must keep their inline output


@pytest.fixture(autouse=True)
def fresh_hints():
    """Every test starts with no failed attempts, so its first FAIL shows the first hint."""
    forget_attempts()
    yield
    forget_attempts()
