"""Stage 9, outputs: computed findings, table export and the term explorer.

Modules, in the order of the stage: ``findings``, ``export``, ``explorer``.
Code outside the package uses the names re-exported here (``from analysis import outputs``, then ``outputs.NAME``).
"""
from .findings import (
    Claim, claims_table, flagged_themes_are, timeline_changes_are_few,
    timeline_changes_are_confounded, parts_do_not_differ, topics_align_weakly,
    non_significance_is_low_power, place_names_are_a_minority,
    only_place_names_survive_paragraphs, some_terms_hinge_on_one_section,
    campaigns_confound_district, expressions_richer_at_equal_length, few_expressions_shared,
    like_for_like_is_inconclusive, topic_number_is_uncertain, core_terms_shared,
    tfidf_departs_from_frequency, term_marks_groups, places_among_largest_ratios, cloud_rests_on_zero_counts, indicators_match_the_coders, target_pairs_hold,
    panel_is_too_small, trends_found, growth_targets_found, growth_targets_mostly_met, targets_escalate,
    rankings_agree, documents_differ_in_kind, extraction_is_accurate,
    reviews_denser_than_plans, hedging_cannot_be_told_apart, few_targets_shared,
    instruments_precise_but_incomplete, side_used_most,
    coders_agree, target_kind_is_accurate, instrument_counts_cannot_rank_sides, recall_is_partial, sign_filter_passes_at_chance, no_side_leads,
    raw_tfidf_tracks_frequency,
)
from .export import (
    FORMATS, EXCEL_MAX_ROWS, MAX_COLUMN_WIDTH, WRAP_MAX_ROWS, DICTIONARY_FILE, DEFAULT_DESIGNS, side_label,
    display_width, read_dictionary, analysis_tables, data_dictionary, write_tables,
)
from .explorer import (
    STATISTICS, MAX_SENTENCES, MAX_MATCHES, explorer_table, term_sentences, colour_bar_title, sides_title,
    term_explorer_html,
    stable_ids, write_term_explorer, design_explorers,
)

__all__ = [
    "Claim", "claims_table", "flagged_themes_are", "timeline_changes_are_few",
    "timeline_changes_are_confounded", "parts_do_not_differ", "topics_align_weakly",
    "non_significance_is_low_power", "place_names_are_a_minority",
    "only_place_names_survive_paragraphs", "some_terms_hinge_on_one_section",
    "campaigns_confound_district", "expressions_richer_at_equal_length",
    "few_expressions_shared", "like_for_like_is_inconclusive", "topic_number_is_uncertain",
    "core_terms_shared", "tfidf_departs_from_frequency", "term_marks_groups",
    "places_among_largest_ratios", "cloud_rests_on_zero_counts", "indicators_match_the_coders", "target_pairs_hold", "panel_is_too_small", "trends_found",
    "growth_targets_found", "growth_targets_mostly_met", "targets_escalate", "rankings_agree", "documents_differ_in_kind",
    "extraction_is_accurate", "reviews_denser_than_plans", "hedging_cannot_be_told_apart",
    "few_targets_shared", "instruments_precise_but_incomplete", "side_used_most",
    "coders_agree", "target_kind_is_accurate", "instrument_counts_cannot_rank_sides", "recall_is_partial", "sign_filter_passes_at_chance", "no_side_leads", "raw_tfidf_tracks_frequency", "FORMATS",
    "EXCEL_MAX_ROWS", "MAX_COLUMN_WIDTH", "WRAP_MAX_ROWS", "side_label", "display_width", "DICTIONARY_FILE", "DEFAULT_DESIGNS", "read_dictionary",
    "analysis_tables", "data_dictionary", "write_tables", "STATISTICS", "MAX_SENTENCES", "MAX_MATCHES",
    "explorer_table", "term_sentences", "colour_bar_title", "sides_title", "term_explorer_html", "stable_ids",
    "write_term_explorer", "design_explorers",
]
