"""Trajectories: slopes by hand and their leave-one-out refits."""
import numpy as np
import pandas as pd
import pytest
from toy_corpora import toy_tokens

from analysis import textstats


def test_term_trajectories_slope_by_hand():
    tokens = toy_tokens({"a": ["改革改革公园"], "b": ["改革公园公园"], "c": ["公园公园公园"]})
    timeline = pd.DataFrame({"doc_id": ["a", "b", "c"], "x": [2018.0, 2019.0, 2020.0]})
    table = textstats.term_trajectories(tokens, timeline, min_freq=1).set_index("term")
    # rates per 10,000: 改革 6666.7, 3333.3, 0 -> slope -3333.3 per year; 公园 the opposite
    assert table.loc["改革", ["a", "b", "c"]].tolist() == pytest.approx([20000 / 3, 10000 / 3, 0])
    assert table.loc["改革", "slope"] == pytest.approx(-10000 / 3)
    assert table.loc["公园", "slope"] == pytest.approx(10000 / 3)
    assert table.index.tolist() == ["公园", "改革"]
    assert textstats.term_trajectories(tokens, timeline, min_freq=4).index.tolist() == [0]


def test_leave_one_out_slopes_by_hand_and_an_outlier_flips_the_sign():
    full, table, stable = textstats.leave_one_out_slopes([0, 1, 2, 3], [0, 1, 2, 3], list("abcd"))
    assert full == pytest.approx(np.polyfit([0, 1, 2, 3], [0, 1, 2, 3], 1)[0])
    assert stable and table["slope"].tolist() == pytest.approx([1, 1, 1, 1])
    x, y = [2017.9, 2018.0, 2020.9, 2024.0], [100.0, 20.0, 25.0, 30.0]       # a high first point drives the trend
    full, table, stable = textstats.leave_one_out_slopes(x, y, list("abcd"))
    assert full < 0 and not stable
    assert table.set_index("left_out").loc["a", "slope"] > 0
    assert table.set_index("left_out").loc["b", "slope"] == pytest.approx(np.polyfit(x[:1] + x[2:], y[:1] + y[2:], 1)[0])


def test_trajectory_leave_one_out_refits_each_slope():
    timeline = pd.DataFrame({"doc_id": ["a", "b", "c", "d"], "x": [2017.9, 2018.0, 2020.9, 2024.0]})
    trajectories = pd.DataFrame({"term": ["甲", "乙"], "a": [0.0, 5.0], "b": [1.0, 1.0], "c": [2.0, 0.0],
                                 "d": [4.0, 6.0], "slope": [0.0, 0.0]})
    result = textstats.trajectory_leave_one_out(trajectories, timeline)
    x = timeline["x"].to_numpy()
    keep = [0, 1, 3]                                                  # without c
    assert result.loc[0, "slope without c"] == pytest.approx(np.polyfit(x[keep], [0.0, 1.0, 4.0], 1)[0])
    assert result["sign_stable"].tolist() == [True, False]          # 乙 falls without d
