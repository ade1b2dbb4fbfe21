"""Small data sets that need no network.

``load_digits()`` returns scikit-learn's bundled handwritten digits: 1,797 grey images of 8x8 pixels
(values 0..16) with labels 0..9. The file ships inside scikit-learn, so nothing is downloaded.
"""
import numpy as np

from .tensor import Tensor


def load_digits(as_images=False, normalize=True, test_size=None, seed=0):
    """The digits as tensors ``(x, y)``: x float32 of shape (1797, 64) (or (1797, 1, 8, 8) with
    ``as_images``), scaled to [0, 1] when ``normalize``; y int64 labels.

    With ``test_size`` (a fraction, e.g. 0.2) the samples are shuffled with ``seed`` and split:
    returns ``(x_train, y_train, x_test, y_test)``.
    """
    try:
        from sklearn.datasets import load_digits as sklearn_digits
    except ImportError as error:  # pragma: no cover
        raise ImportError("load_digits needs scikit-learn: pip install scikit-learn") from error
    bunch = sklearn_digits()
    x = bunch.data.astype(np.float32)
    if normalize:
        x /= 16.0
    if as_images:
        x = x.reshape(-1, 1, 8, 8)
    y = bunch.target.astype(np.int64)
    if test_size is None:
        return Tensor._make(x), Tensor._make(y)
    order = np.random.default_rng(seed).permutation(len(y))
    n_test = int(round(len(y) * test_size))
    test, train = order[:n_test], order[n_test:]
    return Tensor._make(x[train]), Tensor._make(y[train]), Tensor._make(x[test]), Tensor._make(y[test])
