# Benchmark cell inserted first in a timed notebook: counts the seconds spent in
# analysis.save_figure (writing PNG, SVG and CSV); the last cell prints them.
import time as _time

import analysis as _analysis

_figure_seconds = [0.0]


def _timed_save_figure(*args, _save=_analysis.save_figure, **kwargs):
    start = _time.perf_counter()
    try:
        return _save(*args, **kwargs)
    finally:
        _figure_seconds[0] += _time.perf_counter() - start


_analysis.save_figure = _timed_save_figure
