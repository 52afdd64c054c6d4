"""Demo data: the real organisations of the background articles plus generated ones."""
