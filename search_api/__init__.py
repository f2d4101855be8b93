"""The JSON API (FastAPI): one router per resource, settings and services injected."""
