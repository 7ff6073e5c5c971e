"""Figures of word frequencies: document sizes, saved byte-stably as PNG, SVG and CSV."""


import matplotlib

matplotlib.use("Agg")
import matplotlib.collections  # noqa: E402
import pandas as pd  # noqa: E402

import analysis  # noqa: E402


def test_save_figure_writes_png_svg_csv_byte_stably(tmp_path):
    data = pd.DataFrame({"doc_id": ["a", "b"], "word_tokens": [3, 5], "word_types": [2, 4]})
    labels = pd.Series({"a": "长宁 2018 政府工作报告", "b": "徐汇 2019 政府工作报告"})
    analysis.save_figure(analysis.plots.plot_document_sizes(data, labels), "00-test", data, folder=tmp_path / "one")
    analysis.save_figure(analysis.plots.plot_document_sizes(data, labels), "00-test", data, folder=tmp_path / "two")
    for ext in ("png", "svg", "csv"):
        first, second = (tmp_path / run / f"00-test.{ext}" for run in ("one", "two"))
        assert first.read_bytes() == second.read_bytes() and first.stat().st_size > 0
    svg = (tmp_path / "one" / "00-test.svg").read_text(encoding="utf-8")
    assert "<dc:date>" not in svg
    assert pd.read_csv(tmp_path / "one" / "00-test.csv").equals(data)
