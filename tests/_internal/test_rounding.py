"""Numbers at a stated precision: rounding, ranking keys and CSV output that hold on any CPU."""
import math

import numpy as np
import pandas as pd

from analysis._internal import rounding as precision


def test_round_significant():
    got = precision.round_significant(np.array([123456.789, 0.000123456789, -2.5e-12, np.nan, np.inf]), 6)
    assert got[0] == 123457.0 and got[1] == 0.000123457 and got[2] == -2.5e-12
    assert math.isnan(got[3]) and got[4] == np.inf


def test_sorted_by_treats_near_ties_as_ties_and_breaks_them_by_the_next_column():
    table = pd.DataFrame({"score": [1.0, 1.0 + 1e-13, 2.0], "term": ["b", "a", "c"]})
    ordered = precision.sorted_by(table, ["score", "term"], ascending=[False, True])
    assert ordered["term"].tolist() == ["c", "a", "b"]
    assert ordered["score"].tolist() == [2.0, 1.0 + 1e-13, 1.0]        # values unchanged


def test_write_csv_writes_floats_at_the_stated_significant_digits(tmp_path):
    path = tmp_path / "t.csv"
    precision.write_csv(pd.DataFrame({"x": [1 / 3, 123456789.123], "term": ["甲", "乙"]}), path)
    text = path.read_text(encoding="utf-8")
    assert "0.333333" in text and "0.3333333" not in text
    assert "1.23457e+08" in text


def test_round_significant_rounds_each_value_as_format_does():
    rng = np.random.default_rng(3)
    values = np.concatenate([rng.normal(0, 1e3, 500), rng.normal(0, 1e3, 500).round(2), [0.0, -0.0, np.nan, np.inf, -np.inf]])
    values = np.concatenate([values, values[:95]]).reshape(22, 50)          # repeated values, a 2-d shape
    rounded = precision.round_significant(values, 4)
    expected = np.array([float(format(v, ".4g")) for v in values.ravel()]).reshape(values.shape)
    np.testing.assert_array_equal(rounded, expected)
    assert np.signbit(rounded.ravel()[1001]) and not np.signbit(rounded.ravel()[1000])     # -0.0 stays -0.0
