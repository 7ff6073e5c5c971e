"""Stage 8, plots: the project style and figure saving, figures by subject, and views that
scale.

Modules, in the order of the stage: ``style``, ``frequency_figures``, ``theme_figures``, ``comparison_figures``, ``target_figures``, ``panel_figures``, ``views``.
Code outside the package uses the names re-exported here (``from analysis import plots``, then ``plots.NAME``).
"""
from .style import (
    FONT_FILE, FONT_NAME, PAGE_INCHES, PER_10K_LABEL, font_path, use_project_style,
    set_figure_folder, save_figure, save_table, panel_grid, plot_heatmap,
)
from .frequency_figures import (
    plot_document_sizes, plot_top_terms, plot_dispersion, plot_wordclouds,
    plot_comparison_cloud,
)
from .theme_figures import (
    YEAR_LABELS, REFERENCE_SHIFT, plot_theme_timeline, plot_grouped_rates, TERM_PALETTE_RISING, TERM_PALETTE_FALLING, plot_slope_chart,
    plot_topic_stability,
)
from .comparison_figures import (
    plot_keyness, plot_term_scatter, plot_expression_overlap,
)
from .target_figures import (
    plot_targets_by_theme, PART_COLOURS, MIN_TARGETS_FOR_INTERVAL, WHOLE_DOCUMENT_COLOUR, plot_numeric_density,
)
from .panel_figures import (
    panel_title, plot_coverage, plot_panel_heatmaps, plot_yearly_measures, plot_growth_targets,
)
from .views import (
    MAX_PANELS, MAX_COLUMNS, MAX_BARS, MAX_CLOUDS, view_groups, division_provinces, fits_page, top_terms_figure,
    wordclouds_figure, dispersion_figure, document_sizes_figure, NEIGHBOURS,
    similarity_figure,
)

__all__ = [
    "FONT_FILE", "FONT_NAME", "PAGE_INCHES", "PER_10K_LABEL", "font_path",
    "use_project_style", "set_figure_folder", "save_figure", "save_table", "panel_grid",
    "plot_heatmap", "plot_document_sizes", "plot_top_terms", "plot_dispersion",
    "plot_wordclouds", "plot_comparison_cloud", "YEAR_LABELS", "REFERENCE_SHIFT", "plot_theme_timeline", "plot_grouped_rates", "TERM_PALETTE_RISING", "TERM_PALETTE_FALLING",
    "plot_slope_chart", "plot_topic_stability", "plot_keyness", "plot_term_scatter",
    "plot_expression_overlap", "plot_targets_by_theme", "PART_COLOURS", "MIN_TARGETS_FOR_INTERVAL", "WHOLE_DOCUMENT_COLOUR",
    "plot_numeric_density", "panel_title", "plot_coverage", "plot_panel_heatmaps", "plot_yearly_measures", "plot_growth_targets",
    "MAX_PANELS", "MAX_COLUMNS", "MAX_BARS", "MAX_CLOUDS",
    "view_groups", "division_provinces", "fits_page", "top_terms_figure", "wordclouds_figure",
    "dispersion_figure", "document_sizes_figure", "NEIGHBOURS", "similarity_figure",
]
