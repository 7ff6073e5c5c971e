"""Stage 3, text statistics: frequencies, keywords, collocations, keyness, trajectories,
similarity, and their intervals and paragraph-level tests.

Modules, in the order of the stage: ``frequency``, ``keywords``, ``collocations``, ``comparison``, ``trajectories``, ``trends``, ``similarity``, ``intervals``, ``inference_units``, ``out_of_core``.
Code outside the package uses the names re-exported here (``from analysis import textstats``, then ``textstats.NAME``).
"""
from .frequency import (
    document_sizes, term_frequencies, top_terms, lexicon_frequencies, word_counts,
)
from .keywords import (
    paragraph_idf, tfidf_keywords, textrank_keywords, weighted_pagerank, top_n_overlap,
)
from .collocations import (
    bigram_collocations,
)
from .comparison import (
    comparison_terms, signed_g2, log_ratio, keyness, log_odds_dirichlet, ranking_agreement,
    keyness_robustness, paragraph_keyness_test, rank_sum_with_zeros,
    keyness_over_paragraphs, minimum_detectable_log_ratio, detectable_log_ratios,
    section_jackknife_keyness,
)
from .trajectories import (
    term_trajectories, leave_one_out_slopes, trajectory_leave_one_out,
)
from .trends import (
    MIN_TREND_DOCUMENTS, MIN_CLUSTERS, TREND_COLUMNS, newey_west_lags, attention_trends,
)
from .similarity import (
    document_similarity,
)
from .intervals import (
    MIN_PARAGRAPHS, poisson_rate_interval, wilson_interval, proportion_with_interval, RateDifference,
    bootstrap_rate_difference,
)
from .inference_units import (
    MIN_DOCUMENTS, inference_unit, document_sums, rate_difference_by_unit, group_rates_by_unit, keyness_over_units,
    keyness_over_designs, cluster_bootstrap_share,
)
from .out_of_core import (
    DEFAULT_MEMORY_LIMIT, partition_connection, partition_word_counts, partition_group_counts,
    partition_keyness,
)

__all__ = [
    "document_sizes", "term_frequencies", "top_terms", "lexicon_frequencies", "word_counts",
    "paragraph_idf", "tfidf_keywords", "textrank_keywords", "weighted_pagerank",
    "top_n_overlap", "bigram_collocations", "comparison_terms", "signed_g2", "log_ratio",
    "keyness", "log_odds_dirichlet", "ranking_agreement", "keyness_robustness",
    "paragraph_keyness_test", "rank_sum_with_zeros", "keyness_over_paragraphs", "keyness_over_designs",
    "minimum_detectable_log_ratio", "detectable_log_ratios", "section_jackknife_keyness",
    "term_trajectories", "leave_one_out_slopes", "trajectory_leave_one_out", "MIN_TREND_DOCUMENTS", "MIN_CLUSTERS", "TREND_COLUMNS",
    "newey_west_lags", "attention_trends",
    "document_similarity", "MIN_PARAGRAPHS", "poisson_rate_interval", "wilson_interval", "proportion_with_interval",
        "RateDifference", "bootstrap_rate_difference", "MIN_DOCUMENTS", "inference_unit", "document_sums",
    "rate_difference_by_unit", "group_rates_by_unit", "keyness_over_units", "cluster_bootstrap_share", "DEFAULT_MEMORY_LIMIT", "partition_connection",
    "partition_word_counts", "partition_group_counts", "partition_keyness",
]
