"""PySide6 widgets. Panes talk to core services only, never to SQLAlchemy."""
