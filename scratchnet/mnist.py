"""load_mnist: the MNIST digits from the gzipped IDX files shipped in data/mnist/. No download.

The first load checks the SHA-256 of each file's uncompressed bytes and parses its IDX header;
the parsed arrays are then cached as an .npz beside the files, so later loads take ~0.1 s.
"""

from __future__ import annotations

import gzip
import hashlib
import os
import tempfile
import zlib
from pathlib import Path

import numpy as np

from .language import message

FILES = {  # key -> (file name, IDX magic number, SHA-256 of the uncompressed bytes)
    "train_img": ("train-images-idx3-ubyte.gz", 2051,
                  "ba891046e6505d7aadcbbe25680a0738ad16aec93bde7f9b65e87a2fc25776db"),
    "train_label": ("train-labels-idx1-ubyte.gz", 2049,
                    "65a50cbbf4e906d70832878ad85ccda5333a97f0f4c3dd2ef09a8a9eef7101c5"),
    "test_img": ("t10k-images-idx3-ubyte.gz", 2051,
                 "0fa7898d509279e482958e8ce81c8e77db3f2f8254e26661ceb7762c4d494ce7"),
    "test_label": ("t10k-labels-idx1-ubyte.gz", 2049,
                   "ff7bcfd416de33731a308c3f266cc351222c34898ecbeaf847f06e48f7ec33f2"),
}
CACHE_NAME = "mnist-cache-v1.npz"
RESTORE = ("restore it from the project (git checkout -- data/mnist/) "
           "or point data_dir / SCRATCHNET_DATA at a folder holding the four MNIST .gz files")


class MnistDataError(ValueError):
    """A shipped MNIST file (or its cache) is missing, damaged or not MNIST."""


def default_data_dir() -> Path:
    """data_dir argument, else $SCRATCHNET_DATA, else the repository's data/mnist/."""
    env = os.environ.get("SCRATCHNET_DATA")
    return Path(env) if env else Path(__file__).resolve().parent.parent / "data" / "mnist"


def read_idx(path: Path, magic: int, sha256: str | None = None) -> np.ndarray:
    """Read one gzipped IDX file: check its checksum and header, return a uint8 array."""
    if not path.is_file():
        raise MnistDataError(message("MNIST file not found: {path}; {restore}", path=path,
                                     restore=message(RESTORE)))
    try:
        with gzip.open(path, "rb") as f:
            raw = f.read()
    except (OSError, EOFError, zlib.error) as e:  # not gzip, truncated, corrupt
        raise MnistDataError(message("{path}: cannot be decompressed ({e}); the file is damaged: {restore}",
                                     path=path, e=e, restore=message(RESTORE))) from e
    if sha256 is not None:
        digest = hashlib.sha256(raw).hexdigest()
        if digest != sha256:
            raise MnistDataError(message(
                "{path}: checksum mismatch: SHA-256 of the uncompressed data is {digest}, "
                "expected {sha256}; the file is damaged or not the MNIST release: {restore}",
                path=path, digest=digest, sha256=sha256, restore=message(RESTORE)))
    if len(raw) < 8 or int.from_bytes(raw[:4], "big") != magic:
        got = int.from_bytes(raw[:4], "big") if len(raw) >= 4 else None
        raise MnistDataError(message("{path}: wrong IDX magic number {got}, expected {magic}: {restore}",
                                     path=path, got=got, magic=magic, restore=message(RESTORE)))
    ndim = raw[3]  # 0x0803: ubyte data, 3 dimensions
    header = 4 + 4 * ndim
    dims = tuple(int.from_bytes(raw[4 + 4 * i: 8 + 4 * i], "big") for i in range(ndim))
    if len(raw) != header + int(np.prod(dims)):
        raise MnistDataError(message(
            "{path}: size mismatch: header says {dims} = {want} bytes, file has {got} "
            "(truncated?): {restore}", path=path, dims=dims, want=header + int(np.prod(dims)),
            got=len(raw), restore=message(RESTORE)))
    return np.frombuffer(raw, dtype=np.uint8, offset=header).reshape(dims).copy()  # writable


def _source_key(data_dir: Path) -> np.ndarray:
    """Names, sizes and modification times of the .gz files: a changed file makes the cache stale."""
    parts = []
    for name, _, _ in FILES.values():
        st = (data_dir / name).stat()
        parts.append(f"{name}:{st.st_size}:{st.st_mtime_ns}")
    return np.array(parts)


def _read_sources(data_dir: Path) -> dict:
    arrays = {k: read_idx(data_dir / name, magic, sha) for k, (name, magic, sha) in FILES.items()}
    for split in ("train", "test"):
        if len(arrays[f"{split}_img"]) != len(arrays[f"{split}_label"]):
            raise MnistDataError(message("{path}: {split} images and labels differ in count: {restore}",
                                         path=data_dir, split=split, restore=message(RESTORE)))
    return arrays


def _write_cache(path: Path, arrays: dict, key: np.ndarray) -> None:
    """Write the .npz to a temporary file, then rename: never a half-written cache."""
    try:
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".mnist-", suffix=".tmp")
    except OSError:
        return  # read-only data folder: carry on without a cache
    try:
        with os.fdopen(fd, "wb") as f:
            np.savez(f, source_key=key, **arrays)
        os.chmod(tmp, 0o644)
        os.replace(tmp, path)
    finally:
        if os.path.exists(tmp):
            os.remove(tmp)


def _read_cache(path: Path, key: np.ndarray) -> dict | None:
    """The cached arrays, None if the cache is stale; an error if it is damaged."""
    try:
        with np.load(path, allow_pickle=False) as z:
            if not np.array_equal(z["source_key"], key):
                return None  # the .gz files changed since: rebuild
            arrays = {k: z[k] for k in FILES}
    except Exception as e:  # zip CRC error, truncated file, missing array...
        raise MnistDataError(message(
            "{path}: the MNIST cache is damaged ({kind}: {e}); delete this file and load again: "
            "it is rebuilt from the .gz files", path=path, kind=type(e).__name__, e=e)) from e
    shapes_ok = (arrays["train_img"].shape == (60000, 28, 28) and arrays["test_img"].shape == (10000, 28, 28)
                 and arrays["train_label"].shape == (60000,) and arrays["test_label"].shape == (10000,))
    if not shapes_ok or any(a.dtype != np.uint8 for a in arrays.values()):
        raise MnistDataError(message("{path}: the MNIST cache holds unexpected arrays; delete this file "
                                     "and load again", path=path))
    return arrays


def load_raw(data_dir=None) -> dict:
    """The four MNIST arrays as uint8 (images (N, 28, 28), labels (N,)), via the cache."""
    data_dir = Path(data_dir) if data_dir is not None else default_data_dir()
    if not data_dir.is_dir():
        raise MnistDataError(message("MNIST folder not found: {path}; {restore}", path=data_dir,
                                     restore=message(RESTORE)))
    for name, _, _ in FILES.values():
        if not (data_dir / name).is_file():
            raise MnistDataError(message("MNIST file not found: {path}; {restore}", path=data_dir / name,
                                         restore=message(RESTORE)))
    key = _source_key(data_dir)
    cache = data_dir / CACHE_NAME
    arrays = _read_cache(cache, key) if cache.is_file() else None
    if arrays is None:
        arrays = _read_sources(data_dir)
        _write_cache(cache, arrays, key)
    return arrays


def _one_hot(labels: np.ndarray, dtype) -> np.ndarray:
    t = np.zeros((labels.size, 10), dtype=dtype)
    t[np.arange(labels.size), labels] = 1
    return t


def load_mnist(normalize: bool = True, flatten: bool = True, one_hot_label: bool = False,
               dtype=np.float32, data_dir=None):
    """((x_train, t_train), (x_test, t_test)) with the book's flags.

    normalize: pixels as `dtype` in [0, 1]; False keeps the raw uint8 values 0..255.
    flatten: images as (N, 784); False gives (N, 1, 28, 28).
    one_hot_label: labels as (N, 10) one-hot rows in `dtype`; False gives class indices (N,).
    data_dir: folder of the four .gz files (default: $SCRATCHNET_DATA, else data/mnist/).
    """
    raw = load_raw(data_dir)
    out = []
    for split in ("train", "test"):
        x, t = raw.pop(f"{split}_img"), raw.pop(f"{split}_label")  # pop: free uint8 copies early
        if normalize:
            # one pass, no float64 detour: 60000 x 784 floats is 188 MB in float32
            x = np.multiply(x, np.dtype(dtype).type(1 / 255), out=np.empty(x.shape, dtype))
        x = x.reshape(len(x), 784) if flatten else x.reshape(len(x), 1, 28, 28)
        t = _one_hot(t, dtype) if one_hot_label else t.astype(np.int64)
        out.append((x, t))
    return tuple(out)
