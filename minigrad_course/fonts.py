"""Korean text in matplotlib · matplotlib에서 한글 표시.

Lessons call :func:`use_korean_font` once before plotting::

    from minigrad_course.fonts import use_korean_font
    use_korean_font()

It registers the NanumGothic font bundled with the ``koreanize-matplotlib`` package, reading the font
files directly (importing that package needs ``distutils``, which Python 3.12+ only has through
setuptools), or else picks a system Korean font (AppleGothic on macOS, Malgun Gothic on Windows, Noto
Sans CJK / Nanum on Linux). It never emits a warning.
"""

import importlib.util
import logging
import os
import warnings

# Preferred system fonts, best first.
SYSTEM_KOREAN_FONTS = (
    "NanumGothic", "Apple SD Gothic Neo", "AppleGothic", "Malgun Gothic", "Noto Sans CJK KR",
    "Noto Sans KR", "Noto Sans CJK JP", "Noto Sans CJK SC", "Source Han Sans KR", "UnDotum",
    "Baekmuk Gulim", "Gulim", "Dotum",
)

BUNDLED_FONT = "NanumGothic"


def bundled_font_files():
    """The .ttf files shipped by koreanize-matplotlib, or [] when it is not installed."""
    try:
        spec = importlib.util.find_spec("koreanize_matplotlib")
    except (ImportError, ValueError):
        return []
    if spec is None or not spec.submodule_search_locations:
        return []
    files = []
    for location in spec.submodule_search_locations:
        folder = os.path.join(location, "fonts")
        if os.path.isdir(folder):
            files += sorted(os.path.join(folder, f) for f in os.listdir(folder)
                            if f.lower().endswith((".ttf", ".otf")))
    return files


def find_korean_font():
    """Name of a Korean font matplotlib can use after registration, or None (no side effects
    beyond registering the bundled font files with matplotlib's font manager)."""
    from matplotlib import font_manager

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        for path in bundled_font_files():
            try:
                font_manager.fontManager.addfont(path)
            except Exception:  # a broken font file: try the next source
                continue
        available = {f.name for f in font_manager.fontManager.ttflist}
    if BUNDLED_FONT in available and bundled_font_files():
        return BUNDLED_FONT
    for name in SYSTEM_KOREAN_FONTS:
        if name in available:
            return name
    return None


def use_korean_font():
    """Make matplotlib draw Korean text; return the font's name (None when none is found).

    Sets ``font.family`` to DejaVu Sans followed by the Korean font: matplotlib falls back glyph by
    glyph, so Latin text, digits and the minus sign come from DejaVu Sans and Hangul from the Korean
    font. DejaVu Sans comes first because math text (log-axis ticks such as 10^-5) uses the first
    family only, and Korean fonts lack the minus sign U+2212. Keep Hangul out of ``$...$``.
    """
    import matplotlib

    logger = logging.getLogger("matplotlib.font_manager")
    level = logger.level
    logger.setLevel(logging.ERROR)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            name = find_korean_font()
            if name is not None:
                matplotlib.rcParams["font.family"] = ["DejaVu Sans", name]
    finally:
        logger.setLevel(level)
    return name
