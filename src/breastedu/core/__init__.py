"""Qt-free core: content, search, notes, follow-ups and rendering.

Nothing below this package imports PySide6 or ``breastedu.ui`` (an import-linter contract and
a test enforce it), so the CLI, the seed builder, benchmarks and most tests run without Qt.
"""
