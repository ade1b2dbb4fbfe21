"""minigrad_course.checks: the helpers used in check cells."""

import numpy as np
import pytest

import minigrad  # noqa: F401 - loaded, as in every notebook: the checks print values with its printer

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
    assert english == "a.grad: expected [1., 3.] but got [1., 2.]"
    assert korean == "a.grad: 기댓값은 [1., 3.]인데 실제 값은 [1., 2.]입니다"


def test_labels_and_hints_in_both_languages():
    with pytest.raises(AssertionError) as info:
        expect_close(2.0, 3.0, what=("the slope", "기울기"), hint=("multiply by grad", "grad를 곱하세요"))
    assert str(info.value).split("\n") == [
        "the slope: expected 3. but got 2.", "Hint: multiply by grad",
        "기울기: 기댓값은 3.인데 실제 값은 2.입니다", "힌트: grad를 곱하세요"]


def test_values_print_as_pytorch_prints_them():
    with pytest.raises(AssertionError, match=r"expected 1.3333 but got 1.2500"):
        expect_close(1.25, np.float32(4 / 3))
    # digits are added until the two values print differently
    with pytest.raises(AssertionError, match=r"expected 0.95533649 but got 0.95533648"):
        expect_close(0.95533648, 0.955336489, atol=1e-9)


def test_large_arrays_report_the_first_difference_only():
    actual = np.zeros((128, 64))
    actual[3, 5] = 1.0
    with pytest.raises(AssertionError) as info:
        expect_close(actual, np.zeros((128, 64)), what="p")
    message = str(info.value)
    assert "1 of 8192 values differ; at index (3, 5) expected 0. but got 1." in message
    assert len(message) < 300


def test_an_explicit_tolerance_is_the_only_one():
    expect_close(12.0001 + 5e-10, 12.0001, atol=1e-9)
    with pytest.raises(AssertionError):
        expect_close(12.0002, 12.0001, atol=1e-9)   # the default rtol=1e-5 would allow 1.2e-4
    with pytest.raises(AssertionError):
        expect_close(1.0 + 1e-7, 1.0, rtol=1e-8)   # and the default atol would allow 1e-6
    expect_close(9.0000001, 9.0)                    # no tolerance given: the defaults


def test_mistakes_choose_their_hint():
    mistakes = [(12.0601, ("forward difference", "전진 차분"))]
    with pytest.raises(AssertionError, match="Hint: forward difference") as info:
        expect_close(12.0601, 12.0001, atol=1e-9, hint=("generic", "일반"), mistakes=mistakes)
    assert "힌트: 전진 차분" in str(info.value)
    with pytest.raises(AssertionError, match="Hint: generic"):
        expect_close(11.0, 12.0001, atol=1e-9, hint=("generic", "일반"), mistakes=mistakes)
    with pytest.raises(AssertionError, match="Hint: off by one"):
        expect_equal(5, 4, mistakes=[(5, ("off by one", "하나 차이"))])


def test_forbidden_swaps_in_a_failing_stand_in_and_restores():
    class Library:
        @staticmethod
        def softmax(x):
            return x

    original = Library.__dict__["softmax"]
    with checks.forbidden((Library, "softmax", "F.softmax")):
        with pytest.raises(AssertionError, match="your code called F.softmax"):
            Library.softmax(1)
    assert Library.__dict__["softmax"] is original
    assert Library.softmax(3) == 3


def test_counted_counts_calls():
    f = checks.counted(lambda x: x * 2)
    assert f(3) == 6 and f(4) == 8
    assert f.calls == 2 and f.arguments == [3, 4]


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
    with pytest.raises(AssertionError, match="Not true: x is positive\n성립하지 않습니다: x가 양수이다"):
        expect_true(False, what=("x is positive", "x가 양수이다"))
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


def test_the_learner_sees_the_check_line_and_the_message_only():
    """In Jupyter a failed check shows the check cell's frame and the message, no frame of checks.py;
    a forbidden library function points at the learner's own line."""
    nbformat = pytest.importorskip("nbformat")
    nbclient = pytest.importorskip("nbclient")
    import re

    nb = nbformat.v4.new_notebook()
    nb.cells = [
        nbformat.v4.new_code_cell("import minigrad as torch\nimport minigrad.nn.functional as F\n"
                                  "from minigrad_course.checks import expect_close, forbidden"),
        nbformat.v4.new_code_cell("expect_close(torch.tensor([1., 2.]), [1., 3.], what='x.grad',\n"
                                  "             hint=('multiply by grad', 'grad를 곱하세요'))"),
        nbformat.v4.new_code_cell("def mine(z):\n    return F.log_softmax(z, dim=1)\n\n"
                                  "with forbidden((F, 'log_softmax', 'F.log_softmax')):\n    mine(torch.zeros(2, 2))"),
    ]
    nbclient.NotebookClient(nb, timeout=120, kernel_name="python3", allow_errors=True).execute()
    for cell, message in [(nb.cells[1], "x.grad: expected [1., 3.] but got [1., 2.]\nHint: multiply by grad\n"
                                        "x.grad: 기댓값은 [1., 3.]인데 실제 값은 [1., 2.]입니다\n힌트: grad를 곱하세요"),
                          (nb.cells[2], "your code called F.log_softmax")]:
        (error,) = [o for o in cell.outputs if o.output_type == "error"]
        assert error.ename == "AssertionError"
        assert error.evalue.startswith(message)
        shown = re.sub(r"\x1b\[[0-9;]*m", "", "\n".join(error.traceback))
        assert "checks.py" not in shown and "__tracebackhide__" not in shown and "skipping hidden" not in shown
        # IPython 9 shows the check cell's own frame too, IPython 8 (Python 3.10) only the message
        assert shown.count("Cell In[") <= (1 if cell is nb.cells[1] else 2)
        if cell is nb.cells[2]:
            assert "return F.log_softmax(z, dim=1)" in shown  # the learner's own line
