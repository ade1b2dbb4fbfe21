"""minigrad-course check, rule figure-text: every literal text on a matplotlib figure is bilingual."""

import nbformat
import pytest

from minigrad_course import check
from test_course_check import good_nb, make_repo, rules


@pytest.mark.parametrize("source", [
    'ax.set_title("Fitting a line · 직선 맞추기")',
    'ax.set_xlabel("step h · 간격 h")',
    'ax.plot(xs, ys, label=r"$f(x) = x^3 - 2x$")',          # math only: nothing to translate
    'ax.set_xlabel("x")',                                    # a variable name
    'ax.plot(xs, ys, label=f"tangent at a = {a} · a = {a}에서의 접선")',
    'ax.plot(xs, ys, label=f"{labels[name]}, {dtype}")',     # not a literal: cannot be read
    'plt.plot(curve, label="with zero_grad() · zero_grad() 호출")',
    'ax.legend(loc="lower right", fontsize=9)',
    'ax.text(0.5, 0.5, "minimum · 최솟값")',
    '%matplotlib inline\nax.set_title("loss · 손실")',     # IPython magics are skipped
    'graph.node("t0", label="노드")',                        # not a figure call
])
def test_bilingual_or_language_free_texts_pass(source):
    assert check.figure_text_problems(source) == []


@pytest.mark.parametrize("source, what, problem", [
    ('ax.set_xlabel("간격 h")', "set_xlabel()", "Korean only"),
    ('ax.set_title("Fitting a line")', "set_title()", "English only"),
    ('plt.title("역전파의 작업량 · backward work")', "title()", "Korean before English"),
    ('ax.semilogy(ns, calls, "o-", label="재귀 (모든 경로를 방문)")', "semilogy(label=...)", "Korean only"),
    ('ax.plot(x, y, label=f"a = {a}에서의 접선")', "plot(label=...)", "Korean only"),
    ('ax.plot(x, y, label="zero_grad() 호출")', "plot(label=...)", "Korean only"),
    ('fig.suptitle("활성화 함수")', "suptitle()", "Korean only"),
    ('ax.legend(["forward", "central · 중앙 차분"])', "legend()", "English only"),
    ('ax.text(1, 2, "최솟값")', "text()", "Korean only"),
    ('ax.annotate("start", (0, 1))', "annotate()", "English only"),
])
def test_one_language_texts_are_reported(source, what, problem):
    (line, message), = check.figure_text_problems(source)
    assert line == 1 and message.startswith(what) and f"is {problem}" in message


def test_reported_with_cell_and_line(tmp_path):
    nb = good_nb()
    nb.cells.append(nbformat.v4.new_code_cell(
        'import matplotlib.pyplot as plt\nfig, ax = plt.subplots()\nax.set_ylabel("오차")',
        execution_count=99))
    found = [p for p in check.check_notebook(make_repo(tmp_path, nb), tmp_path)
             if p[2] == "figure-text"]
    assert [(p[1], p[3].split(":")[0]) for p in found] == [(len(nb.cells) - 1, "line 3")]
    assert (len(nb.cells) - 1, "figure-text") in rules(tmp_path / "again", nb)
