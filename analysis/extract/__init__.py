"""Stage 5, extraction: concordances, formulaic expressions, quantities (results and targets)
and targets against outcomes.

Modules, in the order of the stage: ``kwic``, ``formulaic``, ``quantities``, ``crosswalk`` (the
indicator crosswalk data file), ``targets``.
Code outside the package uses the names re-exported here (``from analysis import extract``, then ``extract.NAME``).
"""
from .kwic import (
    concordance, dispersion,
)
from .formulaic import (
    quoted_terms, formulaic_expressions, expression_overlap, variant_key,
    rarefied_expression_count, expression_summary,
)
from .quantities import (
    UNITS, RATE_UNITS, QUANTITY_COLUMNS, COMMITMENT_MARKERS, COMPLETION_MARKERS, parse_number, find_quantities,
    quantity_kind, number_lead, measure_of, noun_phrase, flow_or_stock, extract_quantities,
)
from .crosswalk import (
    INDICATORS_FILE, MEASURES, read_crosswalk, canonical_indicator, canonical_indicators,
)
from .targets import (
    HEDGES, FLOORS, CEILINGS, MAIN_TARGETS, MATCHES, APPROXIMATE_TOLERANCE, TARGET_TYPES, SECTIONS,
    UNMATCHED_REASONS, TargetOutcomes, report_targets, match_indicators, targets_side_by_side, targets_by_theme,
    repeated_reports, consecutive_reports, outcome_documents, target_type, target_met, signed_values,
    quantity_sections, target_years, target_outcomes, unknown_indicator_phrases, tolerance_sensitivity, numeric_density,
    GROWTH_COLUMNS, growth_targets, target_escalation, growth_by_year,
)

__all__ = [
    "concordance", "dispersion", "quoted_terms", "formulaic_expressions",
    "expression_overlap", "variant_key", "rarefied_expression_count", "expression_summary",
    "UNITS", "RATE_UNITS", "QUANTITY_COLUMNS", "COMMITMENT_MARKERS", "COMPLETION_MARKERS", "quantity_kind", "parse_number", "find_quantities", "extract_quantities",
    "number_lead", "measure_of", "noun_phrase", "flow_or_stock",
    "HEDGES", "FLOORS",
    "CEILINGS", "MAIN_TARGETS", "report_targets", "match_indicators",
    "targets_side_by_side", "targets_by_theme", "repeated_reports", "consecutive_reports",
    "target_outcomes", "numeric_density", "GROWTH_COLUMNS", "growth_targets", "target_escalation", "growth_by_year", "INDICATORS_FILE", "MEASURES", "read_crosswalk", "canonical_indicator", "canonical_indicators",
    "MATCHES", "APPROXIMATE_TOLERANCE", "TARGET_TYPES", "SECTIONS", "UNMATCHED_REASONS", "TargetOutcomes",
    "outcome_documents", "target_type", "target_met", "signed_values", "quantity_sections", "target_years",
    "unknown_indicator_phrases", "tolerance_sensitivity",
]
