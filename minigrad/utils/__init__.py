"""``minigrad.utils``: helpers around training (``utils.data``: data sets and batch loading)."""
from . import data
