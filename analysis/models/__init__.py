"""Stage 7, models: topic models (NMF) and the choice of the number of topics; the panel of
governments over years (coverage, measures per government-year, trend models).

Modules, in the order of the stage: ``topics``, ``panel``.
Code outside the package uses the names re-exported here (``from analysis import models``, then ``models.NAME``).
"""
from .topics import (
    TopicModel, paragraph_documents, fit_topics, npmi_coherence, SELECTION_MAX_PARAGRAPHS, selection_paragraphs,
    choose_topic_number,
    topic_prevalence, PROCEDURAL_WORDS, PROCEDURAL_MIN_WORDS, procedural_topics, topic_theme_alignment,
    alignment_matrix,
)
from .panel import (
    FAMILIES, MEASURE_COLUMNS, panel_coverage, coverage_grid, document_measures, government_year_measures,
    measure_trends, measure_table, paragraph_measures, YEARLY_FAMILIES, yearly_measures,
)

__all__ = [
    "TopicModel", "paragraph_documents", "fit_topics", "npmi_coherence", "SELECTION_MAX_PARAGRAPHS",
    "selection_paragraphs",
    "choose_topic_number", "topic_prevalence", "PROCEDURAL_WORDS", "PROCEDURAL_MIN_WORDS", "procedural_topics",
    "topic_theme_alignment", "alignment_matrix", "FAMILIES", "MEASURE_COLUMNS", "panel_coverage", "coverage_grid",
    "document_measures", "government_year_measures", "measure_trends", "measure_table", "paragraph_measures", "YEARLY_FAMILIES", "yearly_measures",
]
