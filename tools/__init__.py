"""Tooling of the repository, outside the package: notebook execution, the benchmark, the report."""
