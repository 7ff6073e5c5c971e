"""Figures of a panel of governments over years: coverage, attention per theme per
government-year (small multiples of heat maps that stay readable at 30+ governments), yearly
measures with their intervals, and growth targets against outcomes and the national target."""
from __future__ import annotations

import textwrap
from collections.abc import Mapping, Sequence

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd

from .style import PAGE_INCHES, panel_grid, plot_heatmap, use_project_style

__all__ = ["panel_title", "plot_coverage", "plot_panel_heatmaps", "plot_yearly_measures", "plot_growth_targets"]


def panel_title(title: str, width: int = 30) -> str:
    """A small-multiple title that fits its panel: the Chinese label on the first line and
    the English one (from the first space) wrapped at ``width`` characters below it."""
    zh, _, en = title.partition(" ")
    return "\n".join([zh, *textwrap.wrap(en, width)]) if en else title


def plot_coverage(grid: pd.DataFrame, labels: Mapping[str, str], title: str) -> plt.Figure:
    """Documents per government (rows, named by ``labels``) and year (columns) of
    :func:`analysis.models.panel.coverage_grid`; a missing cell is blank."""
    matrix = grid.replace(0, np.nan).rename(index=lambda g: labels.get(g, g))
    return plot_heatmap(matrix, title=title, fmt="{:.0f}", vmin=0, cmap="Greens",
                        colorbar_label="文件数 documents (blank: none)")


def plot_panel_heatmaps(government_years: pd.DataFrame, measures: Sequence[str], titles: Mapping[str, str],
                        labels: Mapping[str, str], suptitle: str, colorbar_label: str, ncols: int = 2) -> plt.Figure:
    """One heat map per measure (government rows named by ``labels``, years as columns,
    colour = value; its own colour bar) from the government × year table
    (:func:`analysis.models.panel.government_year_measures`, one family). Panels shrink so the
    figure fits a page; a missing government-year is blank. Government labels shrink with
    their number (6 pt at 30 governments) and show on every panel."""
    use_project_style()
    governments = sorted(government_years["government"].unique())
    years = list(range(int(government_years["year"].min()), int(government_years["year"].max()) + 1))
    nrows = -(-len(measures) // ncols)
    width = min(PAGE_INCHES[0] / ncols, 1.6 + 0.28 * len(years))
    height = min((PAGE_INCHES[1] - 0.8) / nrows, 0.7 + 0.16 * len(governments))
    fig, axes = panel_grid(len(measures), ncols, width, height, extra_height=0.6)
    fontsize = max(4.0, min(8.0, 190 / max(len(governments), 1) / nrows * 1.2))
    for ax, measure in zip(axes, measures):
        chosen = government_years[government_years["measure"] == measure]
        matrix = chosen.pivot_table(index="government", columns="year", values="value").reindex(
            index=governments, columns=years)
        image = ax.imshow(matrix.to_numpy(float), aspect="auto", cmap="Blues")
        ax.set_title(panel_title(titles.get(measure, measure)), fontsize=8)
        ax.set_yticks(range(len(governments)), [labels.get(g, g) for g in governments], fontsize=fontsize)
        step = max(1, len(years) // 8)
        ax.set_xticks(range(0, len(years), step), [str(y) for y in years[::step]], fontsize=6, rotation=45)
        ax.spines[:].set_visible(False)
        fig.colorbar(image, ax=ax, shrink=0.8).ax.tick_params(labelsize=6)
    fig.suptitle(f"{suptitle}\n{colorbar_label}; blank: no document", fontsize=9)
    fig.tight_layout()
    return fig


def plot_yearly_measures(yearly: pd.DataFrame, measure: str, titles: Mapping[str, str], suptitle: str,
                         ylabel: str, ncols: int = 5) -> plt.Figure:
    """One panel per value of ``yearly[measure]`` (in the order of ``titles``, then as found): the yearly rate (line) and its 95% interval
    (band) from :func:`analysis.textstats.inference_units.group_rates_by_unit`; a year whose
    interval rests on paragraphs (fewer documents than the rule asks) is a hollow marker."""
    use_project_style()
    present = list(dict.fromkeys(yearly[measure]))
    names = [n for n in titles if n in present] + [n for n in present if n not in titles]   # the order of titles first
    fig, axes = panel_grid(len(names), min(ncols, len(names)), 2.6, 2.3, extra_height=0.5, sharex=True)
    for ax, name in zip(axes, names):
        rows = yearly[yearly[measure] == name].sort_values("year").astype(
            {"year": float, "rate": float, "ci_low": float, "ci_high": float})
        ax.fill_between(rows["year"].to_numpy(), rows["ci_low"].to_numpy(), rows["ci_high"].to_numpy(),
                        color="#4C72B0", alpha=0.2, linewidth=0)
        ax.plot(rows["year"], rows["rate"], color="#4C72B0", linewidth=1)
        by_paragraph = rows["unit"] == "paragraph"
        ax.scatter(rows.loc[~by_paragraph, "year"], rows.loc[~by_paragraph, "rate"], s=10, color="#4C72B0", zorder=3)
        ax.scatter(rows.loc[by_paragraph, "year"], rows.loc[by_paragraph, "rate"], s=10, facecolor="white",
                   edgecolor="#4C72B0", zorder=3)
        ax.set_title(panel_title(titles.get(name, name)), fontsize=7)
        ax.tick_params(labelsize=6)
        ax.xaxis.get_major_locator().set_params(integer=True)
    axes[0].set_ylabel(ylabel, fontsize=7)
    fig.suptitle(f"{suptitle}\n(band: 95% bootstrap interval; filled: documents resampled, hollow: paragraphs)",
                 fontsize=9)
    fig.tight_layout()
    return fig


def plot_growth_targets(growth: pd.DataFrame, by_year: pd.DataFrame, escalation: pd.DataFrame | None,
                        title: str) -> plt.Figure:
    """Growth targets in three panels: target against outcome (each paired government-year;
    on the diagonal, outcome = target), the share of targets met per year with its Wilson
    interval, and, where national targets are known, each government's target minus the
    national target per year (points; the line is the yearly mean)."""
    use_project_style()
    panels = 3 if escalation is not None and escalation["escalation"].notna().any() else 2
    fig, axes = panel_grid(panels, panels, 3.6, 3.2, extra_height=0.4)
    paired = growth[growth["outcome_status"] == "paired"]
    ax = axes[0]
    ax.scatter(paired["target_value"], paired["outcome_value"], s=10, alpha=0.6, color="#4C72B0")
    values = pd.concat([paired["target_value"], paired["outcome_value"]])
    if len(values):
        low, high = float(values.min()), float(values.max())
        ax.plot([low, high], [low, high], color="grey", linewidth=0.8, linestyle="--")
    ax.set_xlabel("目标 target (%)", fontsize=8)
    ax.set_ylabel("实际 outcome (%)", fontsize=8)
    ax.set_title(f"目标与实际 Target and outcome (n = {len(paired)})", fontsize=9)
    ax = axes[1]
    shown = by_year.dropna(subset=["met_share"])
    ax.errorbar(shown["year"], shown["met_share"], yerr=[shown["met_share"] - shown["met_ci_low"],
                                                         shown["met_ci_high"] - shown["met_share"]],
                fmt="o-", markersize=3, linewidth=1, capsize=2, color="#55A868")
    ax.set_ylim(-0.02, 1.02)
    ax.set_ylabel("完成比例 share met", fontsize=8)
    ax.set_title("完成目标的比例 Share of targets met", fontsize=9)
    if panels == 3:
        ax = axes[2]
        known = escalation.dropna(subset=["escalation"])
        ax.scatter(known["year"], known["escalation"], s=8, alpha=0.4, color="#C44E52")
        mean = known.groupby("year")["escalation"].mean()
        ax.plot(mean.index, mean.to_numpy(), color="#C44E52", linewidth=1.2)
        ax.axhline(0, color="grey", linewidth=0.8, linestyle="--")
        ax.set_ylabel("目标 − 全国目标 target − national (pp)", fontsize=8)
        ax.set_title("层层加码 Escalation over the national target", fontsize=9)
    for ax in axes:
        ax.tick_params(labelsize=7)
    fig.suptitle(title, fontsize=10)
    fig.tight_layout()
    return fig
