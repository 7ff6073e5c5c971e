"""Agreement and adjudication on hand-made coders (no corpus needed)."""
import itertools

import numpy as np
import pandas as pd
import pytest
from sklearn.metrics import cohen_kappa_score

from analysis import coding

FIELDS = ["theme.a", "theme.b"]


def _coder(name, a, b, quantity=(1, 1, 0), unit=("%", "亿元", ""), kind=("target", "achieved", "")):
    sentences = pd.DataFrame({"sample_id": [f"S{i:03d}" for i in range(1, len(a) + 1)], "theme.a": a, "theme.b": b})
    numbers = pd.DataFrame({"sample_id": ["N001-01", "N001-02", "N002-01"], "quantity": list(quantity),
                            "unit": list(unit), "kind": list(kind)})
    return coding.CodedWorkbook(None, name, sentences, numbers)


def alpha_by_hand(columns):
    """Krippendorff's α, nominal, any number of coders, missing values as None: 1 - D_o / D_e
    from the coincidence matrix of the pairable values (Krippendorff 2011)."""
    values = sorted({v for c in columns for v in c if v is not None})
    o = np.zeros((len(values), len(values)))
    for unit in zip(*columns):
        present = [values.index(v) for v in unit if v is not None]
        if len(present) < 2:
            continue
        for i, j in itertools.permutations(range(len(present)), 2):
            o[present[i], present[j]] += 1 / (len(present) - 1)
    n_c = o.sum(axis=1)
    n = n_c.sum()
    observed = o.sum() - np.trace(o)
    expected = sum(n_c[i] * n_c[j] for i, j in itertools.permutations(range(len(values)), 2)) / (n - 1)
    return 1 - observed / expected


def test_alpha_and_kappa_equal_their_formulas():
    a = [1, 1, 0, 0, 1, 0, 1, 0, 0, 1]
    b = [1, 0, 0, 0, 1, 0, 1, 1, 0, 1]
    c = [1, 1, 0, 1, 1, 0, 1, 0, 0, 0]
    coders = [_coder("x", a, [1] * 10), _coder("y", b, [1] * 10), _coder("z", c, [1] * 10)]
    table = coding.field_agreement(coders, FIELDS).set_index("field")
    assert table.loc["theme.a", "alpha"] == pytest.approx(alpha_by_hand([a, b, c]))
    assert table.loc["theme.a", "agreement"] == pytest.approx(6 / 10)
    assert table.loc["theme.a", "positives"] == 7
    assert np.isnan(table.loc["theme.b", "alpha"]) and table.loc["theme.b", "agreement"] == 1   # one value: no α
    kappa = coding.pairwise_kappa(coders, FIELDS)
    kappa = kappa[kappa["field"] == "theme.a"].set_index(["coder_a", "coder_b"])["kappa"]
    assert kappa[("x", "y")] == pytest.approx(cohen_kappa_score(a, b))
    assert kappa[("y", "z")] == pytest.approx(cohen_kappa_score(b, c))
    assert len(kappa) == 3


def test_unit_and_kind_are_missing_where_a_coder_saw_no_quantity():
    x = _coder("x", [1], [0], quantity=(1, 1, 0), unit=("%", "亿元", ""), kind=("target", "achieved", ""))
    y = _coder("y", [1], [0], quantity=(1, 0, 0), unit=("％", "", ""), kind=("target", "", ""))
    values = coding.coded_values([x, y], FIELDS)
    assert values[("numbers", "unit")].loc["N001-01"].to_list() == ["%", "%"]          # ％ is %
    assert values[("numbers", "kind")].loc["N001-02"].to_list() == ["achieved", ""]
    table = coding.field_agreement([x, y], FIELDS).set_index("field")
    assert table.loc["kind", "units"] == 1 and table.loc["quantity", "units"] == 3
    assert table.loc["quantity", "alpha"] == pytest.approx(alpha_by_hand([[1, 1, 0], [1, 0, 0]]))


def test_adjudication_settles_each_disagreement_or_is_refused(tmp_path):
    x, y = _coder("x", [1, 0, 1], [0, 0, 1]), _coder("y", [1, 1, 1], [0, 0, 0])
    open_points = coding.disagreements([x, y], FIELDS)
    assert open_points[["sample_id", "field"]].values.tolist() == [["S002", "theme.a"], ["S003", "theme.b"]]
    with pytest.raises(ValueError, match="S002 theme.a .*has no final value"):
        coding.adjudicated_codes([x, y], FIELDS, None)
    path = tmp_path / "adjudication.csv"
    open_points.assign(final=["1", "maybe"]).to_csv(path, index=False)
    with pytest.raises(ValueError, match=r"adjudication\.csv, row 3: final theme\.b is 'maybe', not 0 or 1"):
        coding.read_adjudication(path)
    open_points.assign(final=["1", "0"]).to_csv(path, index=False)
    final = coding.adjudicated_codes([x, y], FIELDS, coding.read_adjudication(path))
    assert final["sentences"]["theme.a"].to_list() == ["1", "1", "1"]
    assert final["sentences"]["theme.b"].to_list() == ["0", "0", "0"]
    with pytest.raises(ValueError, match="no such adjudication file"):
        coding.read_adjudication(tmp_path / "none.csv")


def test_agreement_with_kappa_puts_each_pair_beside_alpha():
    coders = [_coder("ann", [1, 0, 1, 1], [0, 0, 1, 0]), _coder("bo", [1, 0, 0, 1], [0, 0, 1, 0]),
              _coder("cy", [1, 1, 1, 1], [0, 1, 1, 0])]
    agreement, kappa = coding.field_agreement(coders, FIELDS), coding.pairwise_kappa(coders, FIELDS)
    table = coding.agreement_with_kappa(agreement, kappa, "theme.")
    assert table["field"].tolist() == FIELDS
    assert [c for c in table.columns if c.startswith("κ")] == ["κ ann/bo", "κ ann/cy", "κ bo/cy"]
    expected = cohen_kappa_score([1, 0, 1, 1], [1, 0, 0, 1])
    assert table.loc[0, "κ ann/bo"] == pytest.approx(expected)
    assert table["alpha"].tolist() == agreement.loc[agreement["field"].isin(FIELDS), "alpha"].tolist()
    assert coding.agreement_with_kappa(agreement, kappa, "quantity")["field"].tolist() == ["quantity"]
