"""SQLAlchemy schemas and engines: the read-only content DB and the per-user DB."""
