"""Core: regions and municipalities, the audit log, permissions helpers, base templates."""
