"""Differential testing of minigrad against PyTorch (issue 10's measuring instrument).

A program is a short straight-line Python script over the PyTorch API. It runs twice, once with
``torch`` bound to PyTorch and once with ``torch`` bound to minigrad; a small recorder notes what a
learner would see (printed text, values, dtypes, grads, graph node names, warnings, errors), and
``compare`` classifies every disagreement.

  recorder.py   run a program under one library and record its observations
  compare.py    compare two recordings and classify the disagreements
  generator.py  random programs from a seed (PyTorch itself is the oracle for what is valid)
  corpus.py     typical learner mistakes, from templates plus hand-written ones
  minimize.py   shrink a disagreeing program to the statements that matter
  run.py        the command line: run N programs, write a report grouped by cause
"""
