"""The sizes of one convolution and the memory layout of its columns: the bookkeeping ``conv.py`` leaves out.

The columns of im2col run over the output pixels of every image. The arrays are laid out channels
first, (C, N, H, W), so that copying a patch row moves whole image rows. On small images (an 8x8 digit
pools to 4x4) an image row is only a few numbers long, and col2im's shifted adds would crawl along
4-number runs; so when the input needs a gradient (col2im will run in backward) the batch goes last,
(C, H, W, N), and every run is a whole batch long. The formulas are the same in either layout (BLAS
may round a sum differently in its last bit, as it may for any change of memory layout).
"""
import numpy as np

CHANNELS_FIRST = (1, 0, 2, 3)  # where the axes of (N, C, H, W) go: (C, N, H, W)
BATCH_LAST = (1, 2, 3, 0)  # (C, H, W, N)
MIN_BLOCKED_BATCH = 64  # from this batch on, transposing copies go in blocks (see _copy)


class ConvGeometry:
    """Input shape, kernel, stride, padding and output size of one convolution, and its layout:
    ``layout`` orders the axes of (N, C, H, W), ``image_axes`` says where H and W went."""

    def __init__(self, x_shape, kernel, stride, padding, batch_last=False):
        self.x_shape = tuple(x_shape)
        (self.kh, self.kw), (self.sh, self.sw), (self.ph, self.pw) = kernel, stride, padding
        n, c, h, w = self.x_shape
        self.oh = (h + 2 * self.ph - self.kh) // self.sh + 1
        self.ow = (w + 2 * self.pw - self.kw) // self.sw + 1
        self.batch_last = batch_last
        self.layout = BATCH_LAST if batch_last else CHANNELS_FIRST
        self.image_axes = (1, 2) if batch_last else (2, 3)
        self.every_stride = self._pixels(0, 0, self.oh, self.ow, self.sh, self.sw)  # the windows visited

    def arranged(self, shape):
        """An (N, C, H, W) shape in the layout's order."""
        return tuple(shape[axis] for axis in self.layout)

    def _pixels(self, i, j, rows, cols, row_step, col_step):
        """The index that picks ``rows`` x ``cols`` pixels from row i, column j on, every step-th."""
        index = [slice(None)] * 4
        index[self.image_axes[0]] = slice(i, i + (rows - 1) * row_step + 1, row_step)
        index[self.image_axes[1]] = slice(j, j + (cols - 1) * col_step + 1, col_step)
        return tuple(index)

    def _padded_zeros(self, channels, dtype):
        n, _, h, w = self.x_shape
        return np.zeros(self.arranged((n, channels, h + 2 * self.ph, w + 2 * self.pw)), dtype=dtype)

    def padded(self, x):
        """x (N, C, H, W) copied into the layout, with ``padding`` zeros around each image."""
        out = self._padded_zeros(x.shape[1], x.dtype)
        self._copy(self.unpadded(out), x.transpose(self.layout), axis=self.layout.index(0), size=16)
        return out

    def unpadded(self, padded):
        """The image inside the zero border (a view)."""
        n, c, h, w = self.x_shape
        return padded[self._pixels(self.ph, self.pw, h, w, 1, 1)]

    def zeros_like_padded(self, dtype):
        """Zeros shaped as ``padded(x)``: where col2im adds the patches back."""
        return self._padded_zeros(self.x_shape[1], dtype)

    def touched_by(self, i, j):
        """The index of the padded pixels that the kernel's entry (i, j) touched, one per output pixel."""
        return self._pixels(i, j, self.oh, self.ow, self.sh, self.sw)

    def as_patches(self, cols):
        """Columns (C*kh*kw, pixels) as (C, kh, kw, then the output pixels of every image in the layout)."""
        n, c = self.x_shape[:2]
        return cols.reshape((c, self.kh, self.kw) + self.arranged((n, c, self.oh, self.ow))[1:])

    def rows(self, grad):
        """An output gradient (N, O, OH, OW) as rows (O, pixels), the pixels in the columns' order."""
        rows = grad.transpose(self.layout)
        if not rows.flags.c_contiguous:  # (a batch of one is laid out alike in both: no copy)
            rows = self._copy(np.empty(rows.shape, dtype=grad.dtype), rows, axis=self.layout.index(0), size=16)
        return rows.reshape(grad.shape[1], -1)

    def to_nchw(self, array, shape):
        """An array in the layout holding an (N, C, H, W) ``shape`` (the output: channels x pixels; or an
        image) back to that shape, contiguous as PyTorch's."""
        nchw = array.reshape(self.arranged(shape)).transpose(np.argsort(self.layout))
        if nchw.flags.c_contiguous:  # a batch of one: already laid out as (N, C, H, W)
            return nchw
        pixels = shape[2] * shape[3]
        return self._copy(np.empty(shape, dtype=array.dtype), nchw, axis=1, size=max(1, 16 // pixels))

    def _copy(self, dst, src, axis, size):
        """``dst[...] = src`` (returns dst). Between the batch-last layout and (N, C, H, W) the copy reads one
        of them across: a number, then one an image further on. Many images apart, those reads evict each
        other from the cache; in blocks of ``size`` along ``axis`` (16 numbers in a row of ``dst``) they
        stay in it: 2-3x faster at batch 512. The same numbers."""
        if not self.batch_last or self.x_shape[0] < MIN_BLOCKED_BATCH:
            dst[...] = src
            return dst
        before = (slice(None),) * axis
        for start in range(0, dst.shape[axis], size):
            block = before + (slice(start, start + size),)
            dst[block] = src[block]
        return dst
