"""Date and time formats where Django's own do not suit a Finnish service (FORMAT_MODULE_PATH)."""
