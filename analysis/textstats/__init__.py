"""Stage 3, text statistics: frequencies, keywords, collocations, keyness, trajectories,
similarity, and their intervals and paragraph-level tests.

Modules, in the order of the stage: ``stats``, ``uncertainty``.
Code outside the package uses the names re-exported here (``from analysis import textstats``, then ``textstats.NAME``).
"""
from .stats import (
    document_sizes, term_frequencies, top_terms, paragraph_idf, tfidf_keywords,
    textrank_keywords, weighted_pagerank, bigram_collocations, lexicon_frequencies,
    comparison_terms, top_n_overlap, term_trajectories, signed_g2, log_ratio, keyness,
    log_odds_dirichlet, word_counts, document_similarity, ranking_agreement,
    keyness_robustness,
)
from .uncertainty import (
    MIN_PARAGRAPHS, poisson_rate_interval, wilson_interval, RateDifference,
    bootstrap_rate_difference, paragraph_keyness_test, rank_sum_with_zeros,
    keyness_over_paragraphs, minimum_detectable_log_ratio, detectable_log_ratios,
    section_jackknife_keyness, leave_one_out_slopes, trajectory_leave_one_out,
)

__all__ = [
    "document_sizes", "term_frequencies", "top_terms", "paragraph_idf", "tfidf_keywords",
    "textrank_keywords", "weighted_pagerank", "bigram_collocations", "lexicon_frequencies",
    "comparison_terms", "top_n_overlap", "term_trajectories", "signed_g2", "log_ratio",
    "keyness", "log_odds_dirichlet", "word_counts", "document_similarity",
    "ranking_agreement", "keyness_robustness", "MIN_PARAGRAPHS", "poisson_rate_interval",
    "wilson_interval", "RateDifference", "bootstrap_rate_difference",
    "paragraph_keyness_test", "rank_sum_with_zeros", "keyness_over_paragraphs",
    "minimum_detectable_log_ratio", "detectable_log_ratios", "section_jackknife_keyness",
    "leave_one_out_slopes", "trajectory_leave_one_out",
]
