"""The REST API v1: router, authentication, throttling, errors and the OpenAPI schema."""
