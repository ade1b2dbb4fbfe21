import pytest

from minigrad_course.errors import shows_error


def test_prints_type_and_message_and_swallows(capsys):
    with shows_error(RuntimeError):
        raise RuntimeError("Trying to backward through the graph a second time")
    assert capsys.readouterr().out == "RuntimeError: Trying to backward through the graph a second time\n"


def test_no_error_fails_the_cell():
    with pytest.raises(AssertionError, match="expected ValueError"):
        with shows_error(ValueError):
            pass


def test_other_error_type_propagates():
    with pytest.raises(KeyError):
        with shows_error(RuntimeError):
            raise KeyError("x")


def test_tuple_of_types(capsys):
    with shows_error((TypeError, ValueError)):
        raise ValueError("bad")
    assert capsys.readouterr().out == "ValueError: bad\n"
    with pytest.raises(AssertionError, match="TypeError or ValueError"):
        with shows_error((TypeError, ValueError)):
            pass
