"""Real PyTorch programs (tutorials, docs, d2l, micrograd, makemore) run unchanged on minigrad.

Each program in ``programs/`` runs under minigrad (as ``torch``); what it prints must be what PyTorch
prints, recorded in ``expected/`` (numbers may differ only by float32 rounding noise: see
``runner.compare``). Where torch is installed, a second test checks the recordings are still what
PyTorch prints.
"""
import pytest

from .runner import check, compare, expected_output, programs, torch_outputs


@pytest.mark.parametrize("program", programs(), ids=lambda p: p.stem)
def test_program_prints_what_pytorch_prints(program):
    verdict, expected, actual, stderr = check(program)
    assert verdict != "ERROR", f"minigrad fails:\n{stderr[-3000:]}"
    assert verdict in ("same", "close"), f"PyTorch printed:\n{expected}\nminigrad printed:\n{actual}"


@pytest.fixture(scope="module")
def pytorch_prints():
    pytest.importorskip("torch")
    return torch_outputs(programs())


@pytest.mark.parametrize("program", programs(), ids=lambda p: p.stem)
def test_recorded_output_is_what_pytorch_prints(program, pytorch_prints):
    assert compare(expected_output(program), pytorch_prints[program.stem]) in ("same", "close")


def test_compare_tells_noise_from_differences():
    assert compare("loss: 0.123456\n", "loss: 0.123456\n") == "same"
    assert compare("loss: 0.123456\n", "loss: 0.123457\n") == "close"
    assert compare("loss: 0.123456\n", "loss: 0.123956\n") == "DIFF"
    assert compare("tensor([1., 2.])\n", "tensor([1, 2])\n") == "DIFF"
    assert compare("<MulBackward0 object at 0x7f00>", "<MulBackward0 object at 0x1234>") == "same"
