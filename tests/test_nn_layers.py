"""nn layers and functional: forward and backward against PyTorch (same weights, same input) where it is
installed, and against central differences (float64 gradcheck) always."""
import warnings

import numpy as np
import pytest

import minigrad
import minigrad.nn as nn
import minigrad.nn.functional as F
from minigrad.autograd.gradcheck import gradcheck


def rand(*shape, seed=0, scale=1.0, dtype=np.float32):
    return (np.random.default_rng(seed).standard_normal(shape) * scale).astype(dtype)


def mg(array, requires_grad=False):
    return minigrad.tensor(array.copy(), requires_grad=requires_grad)


def copy_weights(src_torch, dst):
    dst.load_state_dict({k: v.detach().numpy() for k, v in src_torch.state_dict().items()})


def close(a, b, atol=1e-5, rtol=1e-4):
    a = a.detach().numpy() if hasattr(a, "detach") and not isinstance(a, minigrad.Tensor) else a
    a = a._data if isinstance(a, minigrad.Tensor) else np.asarray(a)
    b = b._data if isinstance(b, minigrad.Tensor) else b.detach().numpy()
    np.testing.assert_allclose(a, b, atol=atol, rtol=rtol)


def run_both(torch_module, module, x_array, upstream_seed=1):
    """Same weights, same input, same upstream gradient; compare output, input grad and param grads."""
    torch = pytest.importorskip("torch")
    copy_weights(torch_module, module)
    xt = torch.tensor(x_array, requires_grad=True)
    xm = mg(x_array, requires_grad=True)
    yt, ym = torch_module(xt), module(xm)
    assert tuple(yt.shape) == tuple(ym.shape)
    close(ym, yt)
    g = rand(*yt.shape, seed=upstream_seed)
    yt.backward(torch.tensor(g))
    ym.backward(minigrad.tensor(g))
    close(xm.grad, xt.grad)
    tp = dict(torch_module.named_parameters())
    for name, p in module.named_parameters():
        close(p.grad, tp[name].grad, atol=1e-4)
    return yt, ym


# ----- layers against PyTorch --------------------------------------------------------------------
@pytest.mark.parametrize("shape", [(5, 4), (2, 3, 4), (4,)])
@pytest.mark.parametrize("bias", [True, False])
def test_linear_matches_torch(shape, bias):
    torch = pytest.importorskip("torch")
    run_both(torch.nn.Linear(4, 3, bias=bias), nn.Linear(4, 3, bias=bias), rand(*shape))


@pytest.mark.parametrize("kernel,stride,padding,bias", [
    (3, 1, 0, True), (3, 2, 1, False), ((3, 2), (2, 1), (1, 0), True), (1, 2, 0, False), (7, 2, 3, False),
    (3, 1, "same", True)])
def test_conv2d_matches_torch(kernel, stride, padding, bias):
    torch = pytest.importorskip("torch")
    run_both(torch.nn.Conv2d(3, 4, kernel, stride, padding, bias=bias),
             nn.Conv2d(3, 4, kernel, stride, padding, bias=bias), rand(2, 3, 9, 8))


def test_conv2d_unbatched_input():
    torch = pytest.importorskip("torch")
    run_both(torch.nn.Conv2d(2, 3, 3), nn.Conv2d(2, 3, 3), rand(2, 6, 6))


@pytest.mark.parametrize("kernel,stride,padding", [(2, None, 0), (3, 2, 1), (3, 1, 1), ((2, 3), (1, 2), 0)])
def test_max_pool_matches_torch(kernel, stride, padding):
    torch = pytest.importorskip("torch")
    run_both(torch.nn.MaxPool2d(kernel, stride, padding), nn.MaxPool2d(kernel, stride, padding), rand(2, 3, 7, 8))


def test_max_pool_ties_after_relu_match_torch():
    """After ReLU many windows are all zeros: the gradient must go to the same (first) pixel as in PyTorch."""
    torch = pytest.importorskip("torch")
    run_both(torch.nn.Sequential(torch.nn.ReLU(), torch.nn.MaxPool2d(3, 2, 1)),
             nn.Sequential(nn.ReLU(), nn.MaxPool2d(3, 2, 1)), rand(1, 2, 8, 8) - 1.0)


@pytest.mark.parametrize("size", [(1, 1), 1, (2, 3), (3, None), (5, 7)])
def test_adaptive_avg_pool_matches_torch(size):
    torch = pytest.importorskip("torch")
    yt, ym = run_both(torch.nn.AdaptiveAvgPool2d(size), nn.AdaptiveAvgPool2d(size), rand(2, 3, 5, 7))
    assert ym.grad_fn.name() == yt.grad_fn.name()


def test_batchnorm_train_and_eval_match_torch():
    torch = pytest.importorskip("torch")
    bt, bm = torch.nn.BatchNorm2d(3), nn.BatchNorm2d(3)
    with torch.no_grad():
        bt.weight.uniform_(0.5, 1.5)
        bt.bias.uniform_(-0.5, 0.5)
    for step in range(3):  # running statistics follow PyTorch over several batches
        run_both(bt, bm, rand(4, 3, 5, 5, seed=step, scale=2.0) + 1.0, upstream_seed=10 + step)
        close(bm.running_mean, bt.running_mean)
        close(bm.running_var, bt.running_var)
    assert bm.num_batches_tracked.item() == 3
    bt.eval(), bm.eval()
    yt, ym = run_both(bt, bm, rand(2, 3, 4, 4, seed=7))
    assert ym.grad_fn.name() == yt.grad_fn.name() == "NativeBatchNormBackward0"
    close(bm.running_mean, bt.running_mean)  # eval leaves the statistics alone


@pytest.mark.parametrize("options", [dict(affine=False), dict(momentum=None), dict(track_running_stats=False)])
def test_batchnorm_options_match_torch(options):
    torch = pytest.importorskip("torch")
    bt, bm = torch.nn.BatchNorm2d(2, **options), nn.BatchNorm2d(2, **options)
    for step in range(2):
        run_both(bt, bm, rand(3, 2, 3, 3, seed=step))
    bt.eval(), bm.eval()
    run_both(bt, bm, rand(3, 2, 3, 3, seed=5))
    assert repr(bm) == repr(bt)


@pytest.mark.parametrize("shape", [(5, 3), (4, 3, 6)])
@pytest.mark.parametrize("affine", [True, False])
def test_batchnorm1d_matches_torch_values_and_graph(shape, affine):
    """(N, C) and (N, C, L) input, train then eval: values, gradients, running statistics, and the
    node PyTorch records (NativeBatchNormBackward0 with edges input, weight, bias; no view around it)."""
    torch = pytest.importorskip("torch")
    bt, bm = torch.nn.BatchNorm1d(3, affine=affine), nn.BatchNorm1d(3, affine=affine)
    for mode in ("train", "eval"):
        getattr(bt, mode)(), getattr(bm, mode)()
        yt, ym = run_both(bt, bm, rand(*shape, seed=len(mode), scale=2.0) + 1.0)
        close(bm.running_mean, bt.running_mean)
        close(bm.running_var, bt.running_var)
        assert ym.grad_fn.name() == yt.grad_fn.name() == "NativeBatchNormBackward0"
        names = lambda y: [f if f is None else f.name() for f, _ in y.grad_fn.next_functions]
        assert names(ym) == names(yt)


def test_batchnorm_gradcheck_any_rank():
    """float64 central differences for (N, C), (N, C, L) and (N, C, H, W), training and evaluation."""
    weight, bias = d(3, seed=4), d(3, seed=5)
    rm, rv = minigrad.zeros(3, dtype=minigrad.float64), minigrad.ones(3, dtype=minigrad.float64) * 2
    for shape in ((5, 3), (4, 3, 2), (2, 3, 2, 2)):
        x = d(*shape)
        assert gradcheck(lambda x, w, b: F.batch_norm(x, None, None, w, b, training=True), (x, weight, bias))
        assert gradcheck(lambda x, w, b: F.batch_norm(x, rm, rv, w, b, training=False), (x, weight, bias))
        assert gradcheck(lambda x: F.batch_norm(x, None, None, training=True), (x,))


@pytest.mark.parametrize("name", ["ReLU", "Tanh", "Sigmoid", "Flatten", "Identity"])
def test_simple_layers_match_torch(name):
    torch = pytest.importorskip("torch")
    yt, ym = run_both(getattr(torch.nn, name)(), getattr(nn, name)(), rand(2, 3, 4))
    if yt.grad_fn is not None:
        assert ym.grad_fn.name() == yt.grad_fn.name()


@pytest.mark.parametrize("fn", ["softmax", "log_softmax"])
@pytest.mark.parametrize("dim", [0, 1, -1])
def test_softmax_matches_torch_and_is_stable(fn, dim):
    torch = pytest.importorskip("torch")
    x = rand(3, 5, scale=1000.0)  # logits in the thousands: a naive exp overflows
    xt, xm = torch.tensor(x, requires_grad=True), mg(x, requires_grad=True)
    yt, ym = getattr(torch.nn.functional, fn)(xt, dim), getattr(F, fn)(xm, dim)
    assert np.isfinite(ym._data).all()
    close(ym, yt, atol=1e-3)
    g = rand(3, 5, seed=3)
    yt.backward(torch.tensor(g)), ym.backward(minigrad.tensor(g))
    close(xm.grad, xt.grad, atol=1e-4)
    assert ym.grad_fn.name() == yt.grad_fn.name()


@pytest.mark.parametrize("reduction", ["mean", "sum", "none"])
def test_cross_entropy_matches_torch(reduction):
    torch = pytest.importorskip("torch")
    x, t = rand(6, 4, scale=3.0), np.array([0, 3, 1, 1, 2, 3])
    xt, xm = torch.tensor(x, requires_grad=True), mg(x, requires_grad=True)
    lt = torch.nn.functional.cross_entropy(xt, torch.tensor(t), reduction=reduction)
    lm = F.cross_entropy(xm, minigrad.tensor(t), reduction=reduction)
    close(lm, lt)
    assert lm.grad_fn.name() == "NllLossBackward0"
    g = rand(*lt.shape, seed=2)
    lt.backward(torch.tensor(g)), lm.backward(minigrad.tensor(g))
    close(xm.grad, xt.grad)


def test_cross_entropy_ignore_index_uint8_unbatched_and_probabilities():
    torch = pytest.importorskip("torch")
    TF = torch.nn.functional
    x = rand(4, 3)
    cases = [
        (lambda f, T, xx: f.cross_entropy(xx, T.tensor([0, -100, 2, 1]))),
        (lambda f, T, xx: f.cross_entropy(xx, T.tensor([0, 5, 2, 1]), ignore_index=5)),
        (lambda f, T, xx: f.cross_entropy(xx, T.tensor([0, 1, 2, 1], dtype=T.uint8))),
        (lambda f, T, xx: f.cross_entropy(xx[0], T.tensor(2))),
        (lambda f, T, xx: f.cross_entropy(xx, T.tensor(np.full((4, 3), 1 / 3, dtype=np.float32)))),
        (lambda f, T, xx: f.nll_loss(f.log_softmax(xx, 1), T.tensor([0, 1, 2, 1]))),
    ]
    for case in cases:
        xt, xm = torch.tensor(x, requires_grad=True), mg(x, requires_grad=True)
        lt, lm = case(TF, torch, xt), case(F, minigrad, xm)
        close(lm, lt)
        lt.backward(), lm.backward()
        close(xm.grad, xt.grad)


def test_cross_entropy_is_stable_for_huge_logits():
    logits = minigrad.tensor([[1000.0, 0.0], [0.0, -1000.0], [1e30, -1e30]], requires_grad=True)
    loss = F.cross_entropy(logits, minigrad.tensor([1, 1, 0]))
    assert loss.item() == pytest.approx(2000.0 / 3)
    loss.backward()
    assert np.isfinite(logits.grad._data).all()
    np.testing.assert_allclose(logits.grad._data, [[1 / 3, -1 / 3], [1 / 3, -1 / 3], [0, 0]], atol=1e-6)


@pytest.mark.parametrize("reduction", ["mean", "sum", "none"])
@pytest.mark.parametrize("ignore_index", [-100, 0, 2])
def test_nll_loss_ignored_samples_count_for_nothing_like_torch(reduction, ignore_index):
    """An ignored sample's loss is +0 whatever its scores (NaN, inf), and the mean is over the counted samples:
    with ignore_index inside [0, C) the ignored samples are also valid classes."""
    torch = pytest.importorskip("torch")
    x = rand(6, 4, scale=3.0)
    x[1, 0], x[3, :] = np.nan, np.inf  # only in ignored samples
    t = np.array([0, ignore_index, 1, ignore_index, 3, 1])
    for fn in ("nll_loss", "cross_entropy"):
        xt, xm = torch.tensor(x, requires_grad=True), mg(x, requires_grad=True)
        lt = getattr(torch.nn.functional, fn)(xt, torch.tensor(t), reduction=reduction, ignore_index=ignore_index)
        lm = getattr(F, fn)(xm, minigrad.tensor(t), reduction=reduction, ignore_index=ignore_index)
        assert not np.isnan(lm._data).any()
        close(lm, lt)
        assert np.array_equal(np.signbit(lm._data), np.signbit(lt.detach().numpy()))  # +0 for the ignored
        g = rand(*lt.shape, seed=2)
        lt.backward(torch.tensor(g)), lm.backward(minigrad.tensor(g))
        np.testing.assert_allclose(xm.grad._data, xt.grad.numpy(), atol=1e-5, rtol=1e-4)  # NaN where torch's are


@pytest.mark.parametrize("reduction", ["mean", "sum", "none"])
def test_cross_entropy_of_one_sample_draws_like_torch(reduction):
    """Scores (C,) and a class (): NllLossBackward0 straight on LogSoftmaxBackward0, a () loss for "none"."""
    torch = pytest.importorskip("torch")
    x = rand(5, dtype=np.float64)
    xt, xm = torch.tensor(x, requires_grad=True), mg(x, requires_grad=True)
    lt = torch.nn.functional.cross_entropy(xt, torch.tensor(3), reduction=reduction)
    lm = F.cross_entropy(xm, minigrad.tensor(3), reduction=reduction)
    assert tuple(lm.shape) == tuple(lt.shape) == ()
    assert lm.grad_fn.name() == lt.grad_fn.name() == "NllLossBackward0"
    assert lm.grad_fn.next_functions[0][0].name() == "LogSoftmaxBackward0"
    close(lm, lt)
    (gt,) = torch.autograd.grad(lt, xt, create_graph=True)
    (gm,) = minigrad.autograd.grad(lm, xm, create_graph=True)
    close(gm, gt)
    close(minigrad.autograd.grad((gm * gm).sum(), xm)[0], torch.autograd.grad((gt * gt).sum(), xt)[0])
    assert gradcheck(lambda s: F.cross_entropy(s, minigrad.tensor(3), reduction=reduction), (xm,))


@pytest.mark.parametrize("fn", ["softmax", "log_softmax"])
@pytest.mark.parametrize("shape, dim", [((0, 3), 0), ((4, 0), 1), ((0, 3), 1)])
def test_softmax_of_empty_rows_is_empty_like_torch(fn, shape, dim):
    x = mg(np.zeros(shape, np.float32), requires_grad=True)
    y = getattr(F, fn)(x, dim)
    assert tuple(y.shape) == shape and y.grad_fn is not None
    y.sum().backward()
    assert tuple(x.grad.shape) == shape


@pytest.mark.parametrize("rows", [3, 200, 2000])
def test_softmax_of_many_short_rows_matches_torch(rows):
    """Many short rows take another path to their maximum (see nn/_ops/rows.py): same results, NaN and inf rows too."""
    torch = pytest.importorskip("torch")
    x = rand(rows, 10, scale=30.0)
    x[0, 3], x[1, :], x[2, 5] = np.nan, -np.inf, np.inf
    for fn in ("softmax", "log_softmax"):
        yt, ym = getattr(torch.nn.functional, fn)(torch.tensor(x), 1), getattr(F, fn)(mg(x), 1)
        np.testing.assert_allclose(ym._data, yt.numpy(), atol=1e-5, rtol=1e-4)
    np.testing.assert_array_equal(minigrad.nn._ops.rows.row_max(x, 1), x.max(axis=1, keepdims=True))


@pytest.mark.parametrize("rows", [3, 200, 2000])
@pytest.mark.parametrize("fn", ["softmax", "log_softmax"])
def test_softmax_backward_of_many_short_rows_matches_torch(rows, fn):
    """Short rows are summed column by column (nn/_ops/rows.py) and log_softmax's backward reuses the softmax its
    forward computed: the gradients are PyTorch's, for float32 and float64."""
    torch = pytest.importorskip("torch")
    for dtype in (np.float32, np.float64):
        x, g = rand(rows, 10, scale=5.0).astype(dtype), rand(rows, 10, seed=1).astype(dtype)
        xt, xm = torch.tensor(x, requires_grad=True), mg(x, True)
        getattr(torch.nn.functional, fn)(xt, 1).backward(torch.tensor(g))
        getattr(F, fn)(xm, 1).backward(minigrad.tensor(g))
        assert xm.grad.dtype == getattr(minigrad, str(xt.grad.dtype).split(".")[1])
        np.testing.assert_allclose(xm.grad._data, xt.grad.numpy(), rtol=1e-4, atol=1e-6)


def test_row_sum_of_short_rows_is_numpys_sum():
    x = rand(300, 7, seed=2)
    x[5, 2], x[6, :2] = np.nan, (np.inf, -np.inf)
    np.testing.assert_allclose(minigrad.nn._ops.rows.row_sum(x, 1), x.sum(axis=1, keepdims=True), rtol=1e-6)


@pytest.mark.parametrize("reduction", ["mean", "sum", "none"])
def test_mse_loss_matches_torch(reduction):
    torch = pytest.importorskip("torch")
    a, b = rand(3, 4), rand(3, 4, seed=1)
    at, bt = torch.tensor(a, requires_grad=True), torch.tensor(b, requires_grad=True)
    am, bm = mg(a, True), mg(b, True)
    lt = torch.nn.MSELoss(reduction=reduction)(at, bt)
    lm = nn.MSELoss(reduction=reduction)(am, bm)
    close(lm, lt)
    assert lm.grad_fn.name() == lt.grad_fn.name() == "MseLossBackward0"
    g = rand(*lt.shape, seed=4)
    lt.backward(torch.tensor(g)), lm.backward(minigrad.tensor(g))
    close(am.grad, at.grad), close(bm.grad, bt.grad)


def test_mse_loss_broadcasting_warns_like_torch():
    with pytest.warns(UserWarning, match=r"Using a target size \(torch.Size\(\[4, 1\]\)\) that is different"):
        F.mse_loss(minigrad.randn(4, 3), minigrad.randn(4, 1))


@pytest.mark.parametrize("shapes", [((4, 3), (3,)), ((4, 1), (1, 3)), ((2, 3), (2, 3))])
def test_mse_loss_broadcasts_like_torch(shapes):
    """PyTorch expands the operands first: an ExpandBackward0 for each stretched one, gradients summed back."""
    torch = pytest.importorskip("torch")
    a, b = rand(*shapes[0], dtype=np.float64), rand(*shapes[1], seed=1, dtype=np.float64)
    at, bt, am, bm = (lib.tensor(v, requires_grad=True) for lib in (torch, minigrad) for v in (a, b))
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        lt, lm = torch.nn.functional.mse_loss(at, bt), F.mse_loss(am, bm)
    close(lm, lt)
    assert [f.name() for f, _ in lm.grad_fn.next_functions] == [f.name() for f, _ in lt.grad_fn.next_functions]
    lt.backward(), lm.backward()
    close(am.grad, at.grad), close(bm.grad, bt.grad)


def test_mse_loss_of_empty_tensors_is_nan_with_empty_gradient():
    a = minigrad.zeros(0, requires_grad=True)
    loss = F.mse_loss(a, minigrad.zeros(0))
    assert np.isnan(loss.item())
    loss.backward()
    assert tuple(a.grad.shape) == (0,)


def test_grad_fn_names_match_torch():
    torch = pytest.importorskip("torch")
    pairs = [
        (lambda m, x: m.nn.Linear(4, 2)(x), (5, 4)),
        (lambda m, x: m.nn.Linear(4, 2, bias=False)(x), (5, 4)),
        (lambda m, x: m.nn.Linear(4, 2)(x), (2, 5, 4)),
        (lambda m, x: m.nn.Conv2d(4, 2, 3)(x), (1, 4, 5, 5)),
        (lambda m, x: m.nn.MaxPool2d(2)(x), (1, 4, 4, 4)),
        (lambda m, x: m.nn.AdaptiveAvgPool2d(1)(x), (1, 4, 4, 4)),
        (lambda m, x: m.nn.BatchNorm2d(4)(x), (2, 4, 3, 3)),
        (lambda m, x: m.nn.Flatten()(x), (2, 4, 3, 3)),
        (lambda m, x: m.nn.Dropout(0.5)(x), (2, 4)),
        (lambda m, x: m.nn.functional.mse_loss(x, x.detach()), (2, 4)),
    ]
    import minigrad.nn  # noqa: F401
    for build, shape in pairs:
        x = rand(*shape)
        yt = build(torch, torch.tensor(x, requires_grad=True))
        ym = build(minigrad, mg(x, True))
        assert ym.grad_fn.name() == yt.grad_fn.name()


# ----- dropout --------------------------------------------------------------------------------------
def test_dropout_scales_survivors_and_is_identity_in_eval():
    minigrad.manual_seed(0)
    layer = nn.Dropout(0.25)
    x = minigrad.ones(200, 100, requires_grad=True)
    y = layer(x)
    values = np.unique(y._data)
    np.testing.assert_allclose(values, [0.0, 1 / 0.75], rtol=1e-6)
    assert abs((y._data == 0).mean() - 0.25) < 0.01
    y.sum().backward()
    np.testing.assert_array_equal(x.grad._data, y._data)  # gradient passes where the value survived
    layer.eval()
    assert layer(x) is x
    minigrad.manual_seed(0)
    again = nn.Dropout(0.25)(minigrad.ones(200, 100))
    np.testing.assert_array_equal(again._data, y._data)  # seeded


# ----- central differences (no PyTorch needed) ----------------------------------------------------
def d(*shape, seed=0):
    return minigrad.tensor(rand(*shape, seed=seed, dtype=np.float64), requires_grad=True)


def test_gradcheck_linear_and_losses():
    w, b = d(3, 4, seed=1), d(3, seed=2)
    assert gradcheck(lambda x, w, b: F.linear(x, w, b), (d(5, 4), w, b))
    assert gradcheck(lambda x, w: F.linear(x, w), (d(2, 3, 4), w))
    target = minigrad.tensor([0, 2, 1, 1, 0])
    for reduction in ("mean", "sum", "none"):
        assert gradcheck(lambda x: F.cross_entropy(x, target, reduction=reduction), (d(5, 3),))
        assert gradcheck(lambda x: F.nll_loss(x, target, reduction=reduction), (d(5, 3),))
        assert gradcheck(lambda a, b: F.mse_loss(a, b, reduction=reduction), (d(3, 2), d(3, 2, seed=3)))
    for dim in (0, 1):
        assert gradcheck(lambda x: F.log_softmax(x, dim), (d(3, 4),))
        assert gradcheck(lambda x: F.softmax(x, dim), (d(3, 4),))


def test_gradcheck_conv_pool_batchnorm():
    x, w, b = d(2, 2, 5, 5), d(3, 2, 3, 3, seed=1), d(3, seed=2)
    assert gradcheck(lambda x, w, b: F.conv2d(x, w, b, stride=2, padding=1), (x, w, b))
    assert gradcheck(lambda x, w: F.conv2d(x, w, stride=1, padding=0), (x, w))
    assert gradcheck(lambda x: F.max_pool2d(x, 3, 2, 1), (x,))
    assert gradcheck(lambda x: F.adaptive_avg_pool2d(x, (2, 3)), (x,))
    weight, bias = d(2, seed=4), d(2, seed=5)
    rm, rv = minigrad.zeros(2, dtype=minigrad.float64), minigrad.ones(2, dtype=minigrad.float64)
    assert gradcheck(lambda x, w, b: F.batch_norm(x, None, None, w, b, training=True), (x, weight, bias))
    assert gradcheck(lambda x, w, b: F.batch_norm(x, rm, rv, w, b, training=False), (x, weight, bias))


def test_conv2d_both_layouts_gradcheck():
    """The columns are laid out batch-last when the input needs a gradient, channels-first otherwise:
    both must give the same numbers and correct gradients (non-square kernel, stride, uneven padding)."""
    x, w, b = d(3, 2, 6, 5), d(4, 2, 3, 2, seed=1), d(4, seed=2)
    conv = lambda x, w, b: F.conv2d(x, w, b, stride=(2, 1), padding=(1, 0))
    assert gradcheck(conv, (x, w, b))
    assert gradcheck(lambda w, b: conv(x.detach(), w, b), (w, b))  # the input needs no gradient
    np.testing.assert_allclose(conv(x, w, b)._data, conv(x.detach(), w, b)._data, rtol=1e-12)


def test_conv2d_large_batch_matches_torch():
    """From batch 64 on, the copies between (N, C, H, W) and the batch-last layout go in blocks of images:
    a batch of 70 (a partial last block), small and large images, and an upstream gradient that is not
    contiguous must still give PyTorch's output and gradients."""
    torch = pytest.importorskip("torch")
    for c, size, stride, padding in [(3, 4, 1, 1), (2, 9, 2, (1, 0))]:
        x, w, b = rand(70, c, size, size + 1, dtype=np.float64), rand(5, c, 3, 2, seed=1, dtype=np.float64), \
            rand(5, seed=2, dtype=np.float64)
        xm, wm, bm = mg(x, True), mg(w, True), mg(b, True)
        xt, wt, bt = (torch.tensor(a, requires_grad=True) for a in (x, w, b))
        ym, yt = F.conv2d(xm, wm, bm, stride, padding), torch.nn.functional.conv2d(xt, wt, bt, stride, padding)
        close(ym, yt, atol=1e-12, rtol=1e-12)
        g_reversed = rand(*yt.shape[::-1], seed=3, dtype=np.float64)
        gm = mg(g_reversed).permute(3, 2, 1, 0)  # the upstream gradient, a transposed (non-contiguous) view
        assert not gm.is_contiguous()
        ym.backward(gm)
        yt.backward(torch.tensor(g_reversed).permute(3, 2, 1, 0))
        for m, t in ((xm, xt), (wm, wt), (bm, bt)):
            close(m.grad, t.grad, atol=1e-10, rtol=1e-10)
        np.testing.assert_allclose(F.conv2d(xm.detach(), wm, bm, stride, padding)._data, ym._data, rtol=1e-12)  # both layouts


def test_conv_and_pool_outputs_are_contiguous_like_torch():
    """PyTorch's conv2d returns a contiguous (N, C, H, W) tensor, so ``out.view(n, -1)`` works."""
    x = minigrad.randn(2, 3, 6, 6, requires_grad=True)
    for out in (nn.Conv2d(3, 4, 3, padding=1)(x), nn.Conv2d(3, 4, 3)(x.detach()), F.max_pool2d(x, 2),
                F.max_pool2d(x, 3, 2, 1)):
        assert out.is_contiguous()
        assert out.view(2, -1).grad_fn.name() == "ViewBackward0"


def test_max_pool_nan_and_inf_like_torch():
    """A NaN wins its window (the last NaN, as PyTorch scans); an inf gradient reaches only the winner."""
    torch = pytest.importorskip("torch")
    nan, inf = float("nan"), float("inf")
    x = [[[[1., nan, 2., nan], [0., 0., 0., nan], [inf, 1., 0., 0.], [0., 0., 0., 0.]]]]
    g = [[[[inf, 1.], [2., -inf]]]]
    grads = []
    for lib in (torch, minigrad):
        xt = lib.tensor(x, requires_grad=True)
        out = lib.nn.functional.max_pool2d(xt, 2)
        out.backward(lib.tensor(g))
        grads.append((out.detach().numpy(), xt.grad.numpy()))
    np.testing.assert_array_equal(grads[1][0], grads[0][0])
    np.testing.assert_array_equal(grads[1][1], grads[0][1])


def test_second_derivatives_through_fused_nodes():
    """create_graph=True: the backward of every fused node is itself differentiable."""
    target = minigrad.tensor([0, 2, 1])

    def grad_of(fn):
        def g(*inputs):
            out = fn(*inputs)
            grads = minigrad.autograd.grad(out, inputs, create_graph=True)
            return sum((gr * gr).sum() for gr in grads)
        return g

    assert gradcheck(grad_of(lambda x: F.cross_entropy(x, target)), (d(3, 4),))
    assert gradcheck(grad_of(lambda x, w, b: F.linear(x, w, b).tanh().sum()), (d(3, 4), d(2, 4, seed=1), d(2, seed=2)))
    assert gradcheck(grad_of(lambda x, w: F.conv2d(x, w, padding=1).tanh().sum()), (d(1, 2, 4, 4), d(2, 2, 3, 3, seed=1)))
    assert gradcheck(grad_of(lambda x: (F.max_pool2d(x, 2) ** 3).sum()), (d(1, 2, 4, 4),))
    assert gradcheck(grad_of(lambda x: (F.adaptive_avg_pool2d(x, (2, 1)) ** 3).sum()), (d(1, 2, 4, 4),))
    w, b = d(2, seed=4), d(2, seed=5)
    assert gradcheck(grad_of(lambda x: (F.batch_norm(x, None, None, w, b, training=True) ** 3).sum()),
                     (d(2, 2, 3, 3),))
    assert gradcheck(grad_of(lambda a: F.mse_loss(a.tanh(), a * 0.5)), (d(3, 2),))
