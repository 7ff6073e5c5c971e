"""Plot style and saving: the CJK font is real and used, saved tables keep their precision, heat maps say what their colours measure."""
import warnings

import pytest

import matplotlib

matplotlib.use("Agg")
import matplotlib.collections  # noqa: E402
import matplotlib.pyplot as plt  # noqa: E402
import pandas as pd  # noqa: E402
from matplotlib import font_manager  # noqa: E402

import analysis  # noqa: E402
from analysis import plots  # noqa: E402


def test_font_file_ships_with_mplfonts_and_has_cjk_glyphs():
    path = plots.font_path()
    assert path.is_file() and path.name == plots.FONT_FILE
    plots.use_project_style()
    assert font_manager.findfont(plots.FONT_NAME, fallback_to_default=False) == str(path)
    from matplotlib.ft2font import FT2Font
    font = FT2Font(str(path))
    assert all(font.get_char_index(ord(c)) for c in "长宁徐汇政府工作报告词次")


def test_chinese_text_renders_without_missing_glyphs():
    plots.use_project_style()
    fig, ax = plt.subplots()
    ax.set_title("长宁 徐汇 词次 word tokens −1")
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        fig.canvas.draw()
    plt.close(fig)
    assert [str(w.message) for w in caught if "Glyph" in str(w.message)] == []


def test_heatmap_colour_bar_is_labelled():
    matrix = pd.DataFrame([[0.1, 0.9], [0.5, 0.2]], index=["a", "b"], columns=["x", "y"])
    figure = analysis.plots.plot_heatmap(matrix, colorbar_label="share of weight")
    labels = [ax.get_ylabel() for ax in figure.axes]
    assert "share of weight" in labels
    plt.close(figure)
    with pytest.raises(TypeError):
        analysis.plots.plot_heatmap(matrix)                      # a colour bar must say what it measures


def test_save_table_writes_the_csv_at_the_stated_precision(tmp_path):
    path = plots.save_table(pd.DataFrame({"a": [1 / 3]}), "04-test", folder=tmp_path)
    assert path == tmp_path / "04-test.csv" and path.read_text(encoding="utf-8") == "a\n0.333333\n"


def test_heatmap_leaves_a_missing_value_blank():
    matrix = pd.DataFrame([[0.5, float("nan")], [0.2, 0.9]], index=["a", "b"], columns=["x", "y"])
    figure = analysis.plots.plot_heatmap(matrix, colorbar_label="similarity")
    texts = [t.get_text() for t in figure.axes[0].texts]
    assert texts == ["0.50", "0.20", "0.90"] and "nan" not in texts
    plt.close(figure)
