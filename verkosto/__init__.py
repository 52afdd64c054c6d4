"""Verkosto: the platform for regional networks of employment and youth-service actors."""
