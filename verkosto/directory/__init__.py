"""The directory: organisations, their services and contact people, and search over them."""
