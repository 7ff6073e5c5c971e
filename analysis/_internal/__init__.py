"""Private helpers of the package (data files, rounding and ranking, worker processes); not for notebooks."""
