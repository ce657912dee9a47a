"""PySide6 widgets, in folders that mirror core's capabilities (floors, lowest first):
``common`` (theme, icons, runner, widgets, change hub); ``library``, ``search``, ``printing``;
``notebook``; ``kiosk``; ``shell`` (the desktop window). A folder imports only folders below it
(an import-linter ``layers`` contract). Panes talk to core services only, never to SQLAlchemy."""
