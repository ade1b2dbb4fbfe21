"""minigrad_course.checks: the helpers used in check cells."""

import numpy as np
import pytest

from minigrad_course import checks
from minigrad_course.checks import expect_close, expect_equal, expect_raises, expect_true, passed


class AlwaysEqual:
    def __eq__(self, other):
        return True

    def __bool__(self):
        return True


class SneakyStr(str):
    def __eq__(self, other):
        return True

    __hash__ = str.__hash__


class SneakyTuple(tuple):
    def __eq__(self, other):
        return True

    __hash__ = tuple.__hash__


def test_expect_close_accepts_numbers_arrays_lists():
    expect_close(9.0000001, 9)
    expect_close(np.array([1.0, 2.0]), [1, 2])
    expect_close(np.float32(0.5), 0.5)


def test_expect_close_bilingual_message():
    with pytest.raises(AssertionError) as info:
        expect_close(np.array([1.0, 2.0]), [1.0, 3.0], what="a.grad")
    english, korean = str(info.value).split("\n")
    assert english.startswith("a.grad: expected [1., 3.] but got [1., 2.]")
    assert korean.startswith("a.grad: 기댓값은 [1., 3.]인데 [1., 2.]을(를) 얻었습니다")


def test_expect_close_checks_shape():
    with pytest.raises(AssertionError, match="shape"):
        expect_close(np.array([3.0]), 3.0)


@pytest.mark.parametrize("obj", [AlwaysEqual(), "9", np.array([AlwaysEqual()], dtype=object), [AlwaysEqual()]])
def test_expect_close_refuses_other_objects(obj):
    with pytest.raises(AssertionError, match="expected a tensor"):
        expect_close(obj, 9.0)


def test_expect_close_accepts_torch_tensors():
    torch = pytest.importorskip("torch")
    expect_close(torch.tensor([1.0, 2.0], requires_grad=True) * 2, [2.0, 4.0])


def test_expect_equal_exact_values():
    expect_equal((2, 3), (2, 3))
    expect_equal(np.int64(3), 3)
    expect_equal("AddBackward0", "AddBackward0")
    with pytest.raises(AssertionError):
        expect_equal(1, True)
    with pytest.raises(AssertionError, match="expected 'b' but got 'a'"):
        expect_equal("a", "b", what="name")


@pytest.mark.parametrize("obj", [AlwaysEqual(), SneakyStr("x")])
def test_expect_equal_refuses_tricks(obj):
    with pytest.raises(AssertionError):
        expect_equal(obj, "hello")


def test_expect_equal_tuple_subclass_compared_by_content():
    expect_equal(SneakyTuple((2, 3)), (2, 3))
    with pytest.raises(AssertionError):
        expect_equal(SneakyTuple((9,)), (2, 3))


def test_expect_true_needs_a_real_bool():
    expect_true(True)
    expect_true(np.bool_(True))
    with pytest.raises(AssertionError, match="참"):
        expect_true(False, what="x")
    with pytest.raises(AssertionError):
        expect_true(AlwaysEqual())


def test_expect_raises():
    def boom():
        raise ValueError("bad shape")

    assert isinstance(expect_raises(ValueError, boom, match="shape"), ValueError)
    with pytest.raises(AssertionError, match="does not match"):
        expect_raises(ValueError, boom, match="dtype")
    with pytest.raises(AssertionError, match="nothing was raised"):
        expect_raises(ValueError, lambda: None)
    with pytest.raises(AssertionError, match="but ZeroDivisionError"):
        expect_raises(ValueError, lambda: 1 / 0)


def test_passed_prints_bilingual_line(capsys):
    passed("02.1")
    assert capsys.readouterr().out == "✅ 02.1 passed · 통과\n"


def test_integrity_detects_replaced_numpy(monkeypatch):
    snapshot = checks._integrity_snapshot()
    checks._verify_integrity(snapshot)
    monkeypatch.setattr(np, "abs", lambda x: x)
    with pytest.raises(AssertionError, match="numpy.abs"):
        checks._verify_integrity(snapshot)
