"""Silent signals and their themes (named so to avoid clashing with Django's signals)."""
