"""load_mnist on the shipped files, and every failure on temporary copies."""

import gzip
import os
import shutil

import numpy as np
import pytest

from scratchnet import MnistDataError, load_mnist
from scratchnet import mnist as mod
from scratchnet.mnist import CACHE_NAME, FILES, default_data_dir

SHIPPED = default_data_dir()
NAMES = [name for name, _, _ in FILES.values()]


@pytest.fixture(scope="module")
def mnist():
    return load_mnist()


def test_default_shapes_and_types(mnist):
    (x_train, t_train), (x_test, t_test) = mnist
    assert x_train.shape == (60000, 784) and x_test.shape == (10000, 784)
    assert x_train.dtype == np.float32
    assert 0.0 == x_train.min() and x_train.max() == 1.0
    assert t_train.shape == (60000,) and t_train.dtype.kind == "i"
    assert t_train[:10].tolist() == [5, 0, 4, 1, 9, 2, 1, 3, 1, 4]  # the famous first digits
    assert np.bincount(t_test).tolist()[1] == 1135  # '1' is 11.35% of the test set


def test_flags_keep_the_book_meaning():
    (x, t), (xt, tt) = load_mnist(normalize=False, flatten=False, one_hot_label=True, dtype=np.float64)
    assert x.shape == (60000, 1, 28, 28) and x.dtype == np.uint8 and x.max() == 255
    assert t.shape == (60000, 10) and t.dtype == np.float64
    np.testing.assert_array_equal(t.sum(axis=1), 1)
    assert t[0].argmax() == 5
    (x64, _), _ = load_mnist(dtype=np.float64)
    assert x64.dtype == np.float64
    np.testing.assert_allclose(x64.reshape(60000, 1, 28, 28)[0], x[0] / 255)


@pytest.fixture
def copy_dir(tmp_path):
    for name in NAMES:
        shutil.copy(SHIPPED / name, tmp_path / name)
    return tmp_path


def _first_load(data_dir):
    return load_mnist(data_dir=data_dir)


def test_cache_written_atomically_and_reused(copy_dir, monkeypatch):
    (x, _), _ = _first_load(copy_dir)
    assert (copy_dir / CACHE_NAME).is_file()
    assert [p.name for p in copy_dir.iterdir() if p.name.endswith(".tmp")] == []

    def no_gz_read(*args, **kwargs):
        raise AssertionError("the second load read a .gz file instead of the cache")

    monkeypatch.setattr(mod, "read_idx", no_gz_read)  # the cache skips decompression and checksums
    (x2, _), _ = load_mnist(data_dir=copy_dir)
    np.testing.assert_array_equal(x, x2)


def test_environment_variable_points_at_another_folder(copy_dir, monkeypatch):
    monkeypatch.setenv("SCRATCHNET_DATA", str(copy_dir))
    load_mnist()
    assert (copy_dir / CACHE_NAME).is_file()


def test_missing_folder_and_missing_file(copy_dir):
    with pytest.raises(MnistDataError, match="MNIST folder not found: .*nowhere.*git checkout -- data/mnist/"):
        load_mnist(data_dir=copy_dir / "nowhere")
    (copy_dir / "t10k-labels-idx1-ubyte.gz").unlink()
    with pytest.raises(MnistDataError, match="MNIST file not found: .*t10k-labels-idx1-ubyte.gz; restore it"):
        load_mnist(data_dir=copy_dir)


def test_truncated_file(copy_dir):
    path = copy_dir / "train-labels-idx1-ubyte.gz"
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2])
    with pytest.raises(MnistDataError, match="train-labels-idx1-ubyte.gz: cannot be decompressed .*damaged"):
        load_mnist(data_dir=copy_dir)
    assert not (copy_dir / CACHE_NAME).exists()  # nothing half-written


def _rewrite(path, transform):
    raw = gzip.decompress(path.read_bytes())
    path.write_bytes(gzip.compress(transform(raw)))


def test_checksum_mismatch_names_the_file_and_digest(copy_dir):
    path = copy_dir / "t10k-labels-idx1-ubyte.gz"
    _rewrite(path, lambda raw: raw[:-1] + bytes([(raw[-1] + 1) % 10]))  # one label changed
    with pytest.raises(MnistDataError, match=r"t10k-labels-idx1-ubyte.gz: checksum mismatch: SHA-256 .* is [0-9a-f]{64}, expected ff7bcfd4"):
        load_mnist(data_dir=copy_dir)


def test_wrong_magic_and_size_are_reported(monkeypatch, copy_dir):
    from scratchnet import mnist as mod
    path = copy_dir / "t10k-labels-idx1-ubyte.gz"
    monkeypatch.setitem(mod.FILES, "test_label", ("t10k-labels-idx1-ubyte.gz", 2049, None))  # skip checksum
    _rewrite(path, lambda raw: (2051).to_bytes(4, "big") + raw[4:])
    with pytest.raises(MnistDataError, match="t10k-labels-idx1-ubyte.gz: wrong IDX magic number 2051, expected 2049"):
        load_mnist(data_dir=copy_dir)
    _rewrite(path, lambda raw: (2049).to_bytes(4, "big") + raw[4:-5])
    with pytest.raises(MnistDataError, match=r"t10k-labels-idx1-ubyte.gz: size mismatch: header says \(10000,\)"):
        load_mnist(data_dir=copy_dir)


def test_stale_cache_is_rebuilt(copy_dir):
    load_mnist(data_dir=copy_dir)
    cache = copy_dir / CACHE_NAME
    before = cache.stat().st_mtime_ns
    src = copy_dir / "t10k-labels-idx1-ubyte.gz"
    os.utime(src, ns=(src.stat().st_atime_ns, src.stat().st_mtime_ns + 10**9))  # touched
    load_mnist(data_dir=copy_dir)
    assert cache.stat().st_mtime_ns != before


def test_corrupt_cache_is_reported_with_advice(copy_dir):
    load_mnist(data_dir=copy_dir)
    cache = copy_dir / CACHE_NAME
    data = bytearray(cache.read_bytes())
    data[len(data) // 2] ^= 0xFF  # one flipped byte inside the image array
    cache.write_bytes(bytes(data))
    with pytest.raises(MnistDataError, match=f"{CACHE_NAME}: the MNIST cache is damaged .*delete this file"):
        load_mnist(data_dir=copy_dir)
    cache.write_bytes(b"not a zip file")
    with pytest.raises(MnistDataError, match="the MNIST cache is damaged"):
        load_mnist(data_dir=copy_dir)


def test_unwritable_folder_works_without_cache(copy_dir, monkeypatch):
    from scratchnet import mnist as mod

    def refuse(*args, **kwargs):
        raise PermissionError("read-only folder")

    monkeypatch.setattr(mod.tempfile, "mkstemp", refuse)
    (x, _), _ = load_mnist(data_dir=copy_dir)
    assert x.shape == (60000, 784)
    assert not (copy_dir / CACHE_NAME).exists()
