"""`python -m scratchnet.train`: train TwoLayerNet on MNIST from the command line.

The training code itself lives in scratchnet/training.py; `--help` lists the options.
"""

import sys

from .training import main

if __name__ == "__main__":
    sys.exit(main())
