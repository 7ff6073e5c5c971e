"""Code the tests share: figure comparison."""
