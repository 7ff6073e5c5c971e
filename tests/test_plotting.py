"""Plotting: the CJK font is real and used, and saved figures are byte-stable."""
import warnings

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import pandas as pd  # noqa: E402
from matplotlib import font_manager  # noqa: E402

import analysis  # noqa: E402
from analysis import plotting  # noqa: E402


def test_font_file_ships_with_mplfonts_and_has_cjk_glyphs():
    path = plotting.font_path()
    assert path.is_file() and path.name == plotting.FONT_FILE
    plotting.use_project_style()
    assert font_manager.findfont(plotting.FONT_NAME, fallback_to_default=False) == str(path)
    from matplotlib.ft2font import FT2Font
    font = FT2Font(str(path))
    assert all(font.get_char_index(ord(c)) for c in "长宁徐汇政府工作报告词次")


def test_chinese_text_renders_without_missing_glyphs():
    plotting.use_project_style()
    fig, ax = plt.subplots()
    ax.set_title("长宁 徐汇 词次 word tokens −1")
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        fig.canvas.draw()
    plt.close(fig)
    assert [str(w.message) for w in caught if "Glyph" in str(w.message)] == []


def test_save_figure_writes_png_svg_csv_byte_stably(tmp_path):
    data = pd.DataFrame({"doc_id": ["a", "b"], "word_tokens": [3, 5], "word_types": [2, 4]})
    labels = pd.Series({"a": "长宁 2018 政府工作报告", "b": "徐汇 2019 政府工作报告"})
    analysis.save_figure(analysis.plot_document_sizes(data, labels), "00-test", data, folder=tmp_path / "one")
    analysis.save_figure(analysis.plot_document_sizes(data, labels), "00-test", data, folder=tmp_path / "two")
    for ext in ("png", "svg", "csv"):
        first, second = (tmp_path / run / f"00-test.{ext}" for run in ("one", "two"))
        assert first.read_bytes() == second.read_bytes() and first.stat().st_size > 0
    svg = (tmp_path / "one" / "00-test.svg").read_text(encoding="utf-8")
    assert "<dc:date>" not in svg
    assert pd.read_csv(tmp_path / "one" / "00-test.csv").equals(data)
